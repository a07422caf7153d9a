package depreciation

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/internal/parallel"
)

// Result is an asset's depreciation as of a date.
type Result struct {
	Asset    *asset.Asset
	Method   string
	Life     asset.Duration // zero when the method is none
	Currency string

	Cost        decimal.Decimal
	Salvage     decimal.Decimal
	Accumulated decimal.Decimal
	BookValue   decimal.Decimal
	// MonthsElapsed counts whole months from purchase to the as-of date (or
	// to disposal).
	MonthsElapsed      int
	FullyDepreciatedOn asset.Date // zero when the method is none

	Disposal *Disposal
	Schedule *Schedule
}

// Disposal is what an asset was worth when it left, and what it fetched.
type Disposal struct {
	Date       asset.Date
	BookValue  decimal.Decimal
	Proceeds   decimal.Decimal
	GainOrLoss decimal.Decimal // proceeds − book value: negative is a loss
}

// Method names, as asset files and itrack.yaml write them.
const (
	StraightLine     = asset.StraightLine
	DecliningBalance = asset.DecliningBalance
	DoubleDeclining  = asset.DoubleDeclining
	SumOfYears       = asset.SumOfYears
	None             = asset.NoDepreciation
)

// Settings are the method, life and salvage that apply to an asset: its
// own, else its category's in itrack.yaml. ok is false when the asset has
// no purchase cost and date to depreciate from.
func Settings(a *asset.Asset, cfg *asset.Config) (spec asset.DepreciationSpec, ok bool) {
	return cfg.DepreciationFor(a), !a.Purchase.Cost.IsZero() && !a.Purchase.Date.IsZero()
}

// Of computes an asset's depreciation as of a date. An asset disposed of on
// or before that date stopped depreciating then. It returns nil for an
// asset with no purchase cost and date.
func Of(a *asset.Asset, cfg *asset.Config, asOf asset.Date) (*Result, error) {
	spec, ok := Settings(a, cfg)
	if !ok {
		return nil, nil
	}
	// a batch depreciates as one: its units' cost and salvage together
	cost := a.Purchase.Cost.In(cfg.Currency).Times(a.Count())
	salvage := spec.Salvage.In(cost.Currency).Times(a.Count())
	if !spec.Salvage.IsZero() && salvage.Currency != cost.Currency {
		return nil, fmt.Errorf("%s: salvage is in %s but the cost is in %s", a.ID, salvage.Currency, cost.Currency)
	}
	months := 0
	if spec.Method != None {
		var whole bool
		if months, whole = spec.Life.Months(); !whole || months == 0 {
			return nil, fmt.Errorf("%s: %s depreciation needs a life in months or years (depreciation.life, or the category's in itrack.yaml)", a.ID, spec.Method)
		}
	}
	sched, err := Compute(Basis{Method: spec.Method, Cost: cost.Amount, Salvage: salvage.Amount, Months: months,
		Rate: spec.Rate, Places: asset.MinorUnits(cost.Currency)})
	if err != nil {
		return nil, fmt.Errorf("%s: %v", a.ID, err)
	}
	r := &Result{Asset: a, Method: spec.Method, Currency: cost.Currency, Cost: cost.Amount, Salvage: salvage.Amount, Schedule: sched}
	if spec.Method != None {
		r.Life = spec.Life
		r.FullyDepreciatedOn = a.Purchase.Date.AddMonths(months)
	}
	disposal := disposalOf(a, asOf)
	end := asOf
	if disposal != nil {
		end = disposal.Date
	}
	r.MonthsElapsed = asset.MonthsBetween(a.Purchase.Date, end)
	r.Accumulated = sched.Accumulated(r.MonthsElapsed)
	r.BookValue = sched.BookValue(r.MonthsElapsed)
	if disposal != nil {
		proceeds := disposal.Proceeds.In(cost.Currency)
		if !disposal.Proceeds.IsZero() && proceeds.Currency != cost.Currency {
			return nil, fmt.Errorf("%s: the proceeds are in %s but the cost is in %s: gain or loss needs one currency", a.ID, proceeds.Currency, cost.Currency)
		}
		got := proceeds.Amount
		r.Disposal = &Disposal{Date: disposal.Date, BookValue: r.BookValue, Proceeds: got, GainOrLoss: got.Sub(r.BookValue)}
		r.BookValue = zero
	}
	return r, nil
}

// Failure is an asset whose depreciation cannot be computed, and why.
type Failure struct {
	Asset *asset.Asset
	Err   error
}

// All computes the depreciation of every asset held on asOf: assets
// disposed of or not yet bought are left out, as are assets with no
// purchase cost and date. statuses are the assets' statuses on asOf.
// Assets whose settings cannot be computed are returned as failures.
func All(assets []*asset.Asset, cfg *asset.Config, statuses map[string]asset.Status, asOf asset.Date) ([]*Result, []Failure) {
	results := make([]*Result, len(assets))
	errs := make([]error, len(assets))
	parallel.For(len(assets), func(i int) {
		if st := statuses[assets[i].ID].State; st != asset.Disposed && st != "" {
			results[i], errs[i] = Of(assets[i], cfg, asOf)
		}
	})
	var out []*Result
	var failed []Failure
	for i, a := range assets {
		if errs[i] != nil {
			failed = append(failed, Failure{Asset: a, Err: errs[i]})
		} else if results[i] != nil {
			out = append(out, results[i])
		}
	}
	return out, failed
}

// disposalOf returns the asset's disposal event on or before asOf.
func disposalOf(a *asset.Asset, asOf asset.Date) *asset.Event {
	for i := range a.History {
		if e := &a.History[i]; e.Type == "disposed" && !e.Date.After(asOf) {
			return e
		}
	}
	return nil
}

// Year is one year of an asset's schedule.
type Year struct {
	Year        int // 1 for the first year after purchase
	Starts      asset.Date
	Ends        asset.Date // the day before the next year starts
	Charge      decimal.Decimal
	Accumulated decimal.Decimal
	BookValue   decimal.Decimal // at the end of the year
}

// Years lists the year-by-year schedule, years counted from the purchase
// date.
func (r *Result) Years() []Year {
	var out []Year
	acc := zero
	for i, charge := range r.Schedule.Yearly {
		acc = acc.Add(charge)
		start := r.Asset.Purchase.Date.AddMonths(12 * i)
		end := r.Asset.Purchase.Date.AddMonths(min(12*(i+1), r.Schedule.Months)).AddDays(-1)
		out = append(out, Year{Year: i + 1, Starts: start, Ends: end, Charge: charge, Accumulated: acc, BookValue: r.Cost.Sub(acc)})
	}
	return out
}

// Ways to total results.
const (
	ByKind     = "kind"
	ByCategory = "category"
	ByYear     = "year" // of purchase
)

// Total is the sum of the results of one group in one currency.
type Total struct {
	Group    string // "" when not grouped; "(none)" for assets without a category
	Currency string
	Assets   int

	Cost, Accumulated, BookValue decimal.Decimal
}

// Totals sums results per group (by is ByKind, ByCategory, ByYear, or ""
// for one group) and currency, sorted by group then currency: amounts in
// different currencies are never added up.
func Totals(results []*Result, by string) []Total {
	type key struct{ group, currency string }
	totals := map[key]*Total{}
	for _, r := range results {
		k := key{currency: r.Currency}
		switch by {
		case ByKind:
			k.group = string(r.Asset.Kind)
		case ByCategory:
			k.group = r.Asset.Category
			if k.group == "" {
				k.group = "(none)"
			}
		case ByYear:
			k.group = fmt.Sprint(r.Asset.Purchase.Date.Year())
		}
		t := totals[k]
		if t == nil {
			t = &Total{Group: k.group, Currency: k.currency}
			totals[k] = t
		}
		t.Assets += r.Asset.Count()
		t.Cost = t.Cost.Add(r.Cost)
		t.Accumulated = t.Accumulated.Add(r.Accumulated)
		t.BookValue = t.BookValue.Add(r.BookValue)
	}
	out := make([]Total, 0, len(totals))
	for _, t := range totals {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Group != out[j].Group {
			return out[i].Group < out[j].Group
		}
		return out[i].Currency < out[j].Currency
	})
	return out
}

// Guess counts the results whose asset has a cost and no depreciation
// method (asset.Config.NoDepreciationMethod): their book value is their
// cost, a guess the reader must be told of.
type Guess struct {
	Assets int
	Cost   []asset.Money // per currency, sorted by currency
}

// Guessed finds the guesses among results.
func Guessed(results []*Result, cfg *asset.Config) Guess {
	var g Guess
	sums := map[string]decimal.Decimal{}
	for _, r := range results {
		if cfg.NoDepreciationMethod(r.Asset) {
			g.Assets += r.Asset.Count()
			sums[r.Currency] = sums[r.Currency].Add(r.Cost)
		}
	}
	for cur, amount := range sums {
		g.Cost = append(g.Cost, asset.NewMoney(amount, cur))
	}
	sort.Slice(g.Cost, func(i, j int) bool { return g.Cost[i].Currency < g.Cost[j].Currency })
	return g
}
