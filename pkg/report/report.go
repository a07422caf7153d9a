// Package report assembles the one-page summary a manager reads: what the
// register holds by kind and state, what it cost and is worth, what it
// costs a year and in the next twelve months, and the findings that need
// someone's attention.
package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/depreciation"
	"github.com/itrack/itrack/pkg/renewals"
	"github.com/itrack/itrack/pkg/seats"
)

// Report is the summary of a register on a date.
type Report struct {
	Name   string
	AsOf   asset.Date
	Counts []Count
	Assets int
	People int
	// Purchase cost and book value of the assets not disposed of, per
	// currency.
	PurchaseCost []asset.Money
	BookValue    []asset.Money
	// Guessed are the assets among them with no depreciation method: their
	// book value is their cost.
	Guessed depreciation.Guess
	RunRate []asset.Money
	// Next12Months is the spend per month that falls due, per currency.
	Next12Months []renewals.Spend
	Next12Total  []asset.Money
	Findings     []Finding
}

// Count is how many assets of a kind are in a state.
type Count struct {
	Kind  asset.Kind
	State asset.State
	N     int
}

// Finding is something that needs attention.
type Finding struct {
	Rule    string // overdue-renewal, expired-certificate, seats-over, …
	Asset   *asset.Asset
	Person  string
	Message string
}

// Input is what a report is computed from.
type Input struct {
	Config *asset.Config
	Assets []*asset.Asset
	People []*asset.Person
	AsOf   asset.Date
	// Statuses are the assets' statuses on AsOf, when the caller has
	// them already; nil: Build replays the assets.
	Statuses map[string]asset.Status
}

// Build computes the report.
func Build(in Input) *Report {
	cfg, asOf := in.Config, in.AsOf
	statuses := in.Statuses
	if statuses == nil {
		statuses = asset.Statuses(in.Assets, asOf, cfg.Renewals.Window)
	}
	r := &Report{Name: cfg.Name, AsOf: asOf, People: len(in.People)}
	r.Counts = counts(in.Assets, statuses)
	for _, c := range r.Counts {
		r.Assets += c.N
	}

	cost, book := map[string]decimal.Decimal{}, map[string]decimal.Decimal{}
	// assets whose depreciation cannot be computed are left out here;
	// validate and depreciation report them
	results, _ := depreciation.All(in.Assets, cfg, statuses, asOf)
	for _, d := range results {
		cost[d.Currency] = cost[d.Currency].Add(d.Cost)
		book[d.Currency] = book[d.Currency].Add(d.BookValue)
	}
	r.PurchaseCost, r.BookValue = sorted(cost), sorted(book)
	r.Guessed = depreciation.Guessed(results, cfg)
	r.RunRate = renewals.RunRate(in.Assets, cfg, statuses)
	payments := renewals.Forecast(in.Assets, cfg, statuses, asOf, 12)
	r.Next12Months = renewals.GroupPayments(payments, "month", asOf, 12, cfg.Currency)
	r.Next12Total = renewals.Totals(payments)
	r.Findings = findings(in, statuses)
	return r
}

func counts(assets []*asset.Asset, statuses map[string]asset.Status) []Count {
	type key struct {
		k asset.Kind
		s asset.State
	}
	n := map[key]int{}
	for _, a := range assets {
		st := statuses[a.ID]
		if st.State == "" {
			continue
		}
		// a batch counts its units: those held in use, the rest where the
		// batch is
		out := 0
		for _, h := range st.Holdings {
			out += h.Units
		}
		if out > 0 {
			n[key{a.Kind, asset.InUse}] += out
		}
		if rest := a.Count() - out; rest > 0 {
			n[key{a.Kind, st.State}] += rest
		}
	}
	var out []Count
	for _, k := range asset.Kinds {
		for _, s := range asset.StatesOf(k) {
			if c := n[key{k, s}]; c > 0 {
				out = append(out, Count{Kind: k, State: s, N: c})
			}
		}
	}
	return out
}

func sorted(sums map[string]decimal.Decimal) []asset.Money {
	out := make([]asset.Money, 0, len(sums))
	for cur, amount := range sums {
		out = append(out, asset.NewMoney(amount, cur))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Currency < out[j].Currency })
	return out
}

// findings lists what needs attention, in a fixed order of rules and then
// by asset ID.
func findings(in Input, statuses map[string]asset.Status) []Finding {
	cfg, asOf := in.Config, in.AsOf
	var out []Finding
	add := func(rule string, a *asset.Asset, person, format string, args ...any) {
		out = append(out, Finding{Rule: rule, Asset: a, Person: person, Message: fmt.Sprintf(format, args...)})
	}
	for _, it := range renewals.Items(in.Assets, cfg, statuses, asOf) {
		// expired certificates and unsupported devices have findings of their own
		if it.Overdue() && !(it.Asset.Kind == asset.Certificate && it.Type == renewals.Expiry) && !it.Asset.Kind.Tracked() {
			add("overdue-renewal", it.Asset, "", "%s: %s was due on %s (%d days ago)", it.Asset.Name, describeType(it.Type), it.Date, -it.Days)
		}
	}
	for _, a := range in.Assets {
		if a.Kind == asset.Certificate && statuses[a.ID].State == asset.Expired {
			add("expired-certificate", a, "", "certificate %s expired on %s", a.Name, statuses[a.ID].EndDate(a, asOf))
		}
	}
	licences := seats.Check(in.Assets, in.People, statuses, asOf, cfg.Currency)
	for _, l := range licences {
		if l.Status == seats.Over {
			add("seats-over", l.Asset, "", "%s: %d seats used, %d bought: buy %d more or unassign", l.Asset.Name, l.Used, *l.Seats, l.Used-*l.Seats)
		}
	}
	for _, l := range licences {
		if l.Status == seats.Unused {
			msg := fmt.Sprintf("%s: %d of %d seats unused", l.Asset.Name, l.Free, *l.Seats)
			if l.WastedPerYear != nil {
				msg += fmt.Sprintf(", %s %s a year", l.WastedPerYear.StringFixed(asset.MinorUnits(l.Currency)), l.Currency)
			}
			add("seats-unused", l.Asset, "", "%s", msg)
		}
	}
	leavers := asset.Leavers(in.People, asOf)
	for _, a := range in.Assets {
		for _, p := range statuses[a.ID].LeaversHolding(leavers) {
			add("leaver-holds", a, p.ID, "%s left on %s and still holds %s", p.Name, p.Leaves, a.Name)
		}
	}
	for _, a := range in.Assets {
		if st := statuses[a.ID]; a.Kind == asset.Licence && st.State == asset.Expired && len(st.SeatHolders) > 0 {
			add("expired-held", a, "", "%s expired on %s and its seats are still held by %s", a.Name, st.EndDate(a, asOf), strings.Join(st.SeatHolders, ", "))
		}
		if p := statuses[a.ID].OwnerLeft(a, leavers); p != nil {
			add("owner-left", a, p.ID, "%s, the owner of %s, left on %s", p.Name, a.Name, p.Leaves)
		}
	}
	for _, a := range in.Assets {
		st := statuses[a.ID]
		if a.Kind != asset.Hardware {
			continue
		}
		if st.State == asset.InUse && !a.Warranty.Expires.IsZero() && a.Warranty.Expires.Before(asOf) {
			add("out-of-warranty", a, "", "%s is in use and its warranty ended on %s", a.Name, a.Warranty.Expires)
		}
	}
	for _, a := range in.Assets {
		st := statuses[a.ID]
		if a.Kind == asset.Hardware && (st.State == asset.InUse || st.State == asset.InStock) && !a.SupportEnds.IsZero() && a.SupportEnds.Before(asOf) {
			add("unsupported", a, "", "%s is past the end of vendor support (%s): no more security updates", a.Name, a.SupportEnds)
		}
	}
	for _, a := range in.Assets {
		st := statuses[a.ID]
		if !st.AuditOverdue(a, cfg.Audit.Interval) {
			continue
		}
		since := "never audited"
		if !st.LastAudit.IsZero() {
			since = "last audited " + st.LastAudit.String()
		}
		add("audit-overdue", a, "", "%s: %s, due every %s", a.Name, since, cfg.Audit.Interval)
	}
	return out
}

func describeType(t string) string {
	switch t {
	case renewals.Renewal:
		return "renewal"
	case renewals.Expiry:
		return "expiry"
	case renewals.CancelBy:
		return "cancel-by date"
	}
	return t
}
