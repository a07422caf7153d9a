package renewals

import (
	"sort"

	"github.com/shopspring/decimal"

	"github.com/itrack/itrack/pkg/asset"
)

// Payment is spend that falls due on a date.
type Payment struct {
	Asset *asset.Asset
	Date  asset.Date
	Cost  asset.Money // with its currency
}

// Forecast lists the payments that fall due from asOf up to (not
// including) asOf + months, for every asset with a cost per term, each at
// the price of its day (asset.PriceOn). A
// renewal is paid on its next date and each term after it through the
// horizon; one already overdue is paid once, on asOf. A fixed-term
// agreement (it expires and does not renew) is paid each term from its
// start until it expires. Cancelled and retired assets pay nothing more.
func Forecast(assets []*asset.Asset, cfg *asset.Config, statuses map[string]asset.Status, asOf asset.Date, months int) []Payment {
	end := asOf.AddMonths(months)
	var out []Payment
	for _, a := range assets {
		st := statuses[a.ID]
		if !asset.Priced(a) || st.Cancelled() || st.State == asset.Retired {
			continue
		}
		pay := func(d asset.Date) {
			if price := asset.PriceOn(a, d); !price.IsZero() {
				out = append(out, Payment{Asset: a, Date: d, Cost: price.In(cfg.Currency)})
			}
		}
		if a.Term.IsZero() {
			// a cost with no term is paid once, on the renewal date (an
			// overdue one now), as renewals lists it; validate warns
			// cost-without-term
			if d := a.Renews; !d.IsZero() && !d.After(end) {
				pay(maxDate(d, asOf))
			}
			continue
		}
		if a.Term.N == 0 {
			continue
		}
		first := st.EndDate(a, asOf)
		if first.IsZero() {
			continue
		}
		if !st.Renewing(a) {
			for _, d := range termPayments(a, first, asOf, end) {
				pay(d)
			}
			continue
		}
		overdue := false
		for _, d := range termDates(first, a.Term, end) {
			if d.Before(asOf) {
				// an overdue renewal is paid once, now; the terms missed
				// since are not paid again
				if overdue {
					continue
				}
				overdue, d = true, asOf
			}
			pay(d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Date.Compare(out[j].Date); c != 0 {
			return c < 0
		}
		return out[i].Asset.ID < out[j].Asset.ID
	})
	return out
}

// termPayments are the dates an agreement is paid, each term from its
// start (starts, else its purchase date) until it expires, that fall
// between from and to.
func termPayments(a *asset.Asset, expires, from, to asset.Date) []asset.Date {
	start := a.Starts
	if start.IsZero() {
		start = a.Purchase.Date
	}
	if start.IsZero() {
		return nil
	}
	until := to
	if expires.Before(until) {
		until = expires
	}
	var out []asset.Date
	for _, d := range termDates(start, a.Term, until) {
		if !d.Before(from) {
			out = append(out, d)
		}
	}
	return out
}

// termDates are the dates start + k terms (k = 0, 1, …) that fall before
// end. Each is counted from start, not from the one before, so a renewal
// on the 31st comes back to the 31st after a shorter month. term must not
// be zero.
func termDates(start asset.Date, term asset.Duration, end asset.Date) []asset.Date {
	var out []asset.Date
	for k := 0; ; k++ {
		d := asset.Duration{N: term.N * k, Unit: term.Unit}.AddTo(start)
		if !d.Before(end) {
			return out
		}
		out = append(out, d)
	}
}

// RunRate is the recurring cost of the register normalised to a year, per
// currency: every active asset with a cost per term, at its price on the
// statuses' day. Sorted by currency.
func RunRate(assets []*asset.Asset, cfg *asset.Config, statuses map[string]asset.Status) []asset.Money {
	sums := map[string]decimal.Decimal{}
	for _, a := range assets {
		st := statuses[a.ID]
		if st.Price.IsZero() || a.Term.IsZero() || st.Cancelled() || st.State == asset.Retired || st.State == asset.Expired {
			continue
		}
		cost := st.Price.In(cfg.Currency)
		num, den := a.Term.TermsPerYear()
		yearly := cost.Amount.Mul(decimal.NewFromInt(num)).Div(decimal.NewFromInt(den))
		sums[cost.Currency] = sums[cost.Currency].Add(yearly)
	}
	return sortedMoney(sums)
}

func sortedMoney(sums map[string]decimal.Decimal) []asset.Money {
	out := make([]asset.Money, 0, len(sums))
	for cur, amount := range sums {
		out = append(out, asset.NewMoney(amount.Round(asset.MinorUnits(cur)), cur))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Currency < out[j].Currency })
	return out
}

// Spend is the total that falls due in one group, in one currency.
type Spend struct {
	Group    string // a month (2026-12), a kind or a vendor
	Currency string
	Amount   decimal.Decimal
	Payments int
}

// Vendor is who an asset's money goes to: its vendor, else its registrar
// (domains), its counterparty (documents) or its purchase supplier, else
// "(none)".
func Vendor(a *asset.Asset) string {
	for _, v := range []string{a.Vendor, a.Registrar, a.Counterparty, a.Purchase.Supplier} {
		if v != "" {
			return v
		}
	}
	return "(none)"
}

// GroupPayments totals payments by month, kind or vendor, and currency.
// By month every month of the horizon is listed, even with nothing due.
func GroupPayments(payments []Payment, by string, asOf asset.Date, months int, currency string) []Spend {
	type key struct{ group, currency string }
	sums := map[key]*Spend{}
	var order []key
	get := func(k key) *Spend {
		if s, ok := sums[k]; ok {
			return s
		}
		s := &Spend{Group: k.group, Currency: k.currency}
		sums[k] = s
		order = append(order, k)
		return s
	}
	if by == "month" {
		for m := 0; m < months; m++ {
			get(key{monthOf(asOf.AddMonths(m)), currency})
		}
	}
	for _, p := range payments {
		k := key{currency: p.Cost.Currency}
		switch by {
		case "kind":
			k.group = string(p.Asset.Kind)
		case "vendor":
			k.group = Vendor(p.Asset)
		default:
			k.group = monthOf(p.Date)
		}
		s := get(k)
		s.Amount = s.Amount.Add(p.Cost.Amount)
		s.Payments++
	}
	out := make([]Spend, 0, len(order))
	for _, k := range order {
		out = append(out, *sums[k])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Group != out[j].Group {
			return out[i].Group < out[j].Group
		}
		return out[i].Currency < out[j].Currency
	})
	return out
}

// Totals sums payments per currency.
func Totals(payments []Payment) []asset.Money {
	sums := map[string]decimal.Decimal{}
	for _, p := range payments {
		sums[p.Cost.Currency] = sums[p.Cost.Currency].Add(p.Cost.Amount)
	}
	return sortedMoney(sums)
}

func monthOf(d asset.Date) string { return d.String()[:7] }

func maxDate(a, b asset.Date) asset.Date {
	if a.Before(b) {
		return b
	}
	return a
}
