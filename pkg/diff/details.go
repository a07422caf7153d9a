package diff

// What changed inside a file: fields, events, dates, seats and money.

import (
	"fmt"
	"sort"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/renewals"
)

func fieldChanges(before, after []asset.KV) []FieldChange {
	old := map[string]string{}
	for _, kv := range before {
		old[kv.Path] = kv.Value
	}
	var out []FieldChange
	seen := map[string]bool{}
	for _, kv := range after {
		seen[kv.Path] = true
		if old[kv.Path] != kv.Value {
			out = append(out, FieldChange{Path: kv.Path, From: old[kv.Path], To: kv.Value})
		}
	}
	for _, kv := range before {
		if !seen[kv.Path] {
			out = append(out, FieldChange{Path: kv.Path, From: kv.Value})
		}
	}
	return out
}

// eventKey identifies an event by everything it says.
func eventKey(e asset.Event) string {
	seats := ""
	if e.Seats != nil {
		seats = fmt.Sprint(*e.Seats)
	}
	return fmt.Sprint(e.Date, "|", e.Type, "|", e.To, "|", e.From, "|", e.In, "|", e.Note, "|", e.Location, "|", e.By, "|",
		e.Reason, "|", e.Method, "|", e.Certificate, "|", e.Cost, "|", e.Proceeds, "|", e.Until, "|", seats)
}

// eventChanges returns the events of after that before lacks, and those of
// before that after lacks, counting repeats.
func eventChanges(before, after []asset.Event) (added, removed []asset.Event) {
	return subtract(after, before), subtract(before, after)
}

// subtract returns the events of a that b lacks, counting repeats.
func subtract(a, b []asset.Event) []asset.Event {
	count := map[string]int{}
	for _, e := range b {
		count[eventKey(e)]++
	}
	var out []asset.Event
	for _, e := range a {
		if k := eventKey(e); count[k] > 0 {
			count[k]--
		} else {
			out = append(out, e)
		}
	}
	return out
}

func dateMoves(b, h *asset.Asset, bs, hs asset.Status, in Input) []DateMove {
	items := func(a *asset.Asset, st asset.Status) map[string]asset.Date {
		out := map[string]asset.Date{}
		for _, it := range renewals.Items([]*asset.Asset{a}, in.Config, map[string]asset.Status{a.ID: st}, in.AsOf) {
			out[it.Type] = it.Date
		}
		return out
	}
	before, after := items(b, bs), items(h, hs)
	var out []DateMove
	for _, t := range []string{renewals.Renewal, renewals.CancelBy, renewals.Expiry, renewals.Warranty, renewals.EndOfLife, renewals.SupportEnd} {
		if before[t] != after[t] {
			out = append(out, DateMove{Type: t, From: before[t], To: after[t]})
		}
	}
	return out
}

func seatChange(base, head *side, in Input) (SeatChange, bool) {
	var b, h *asset.Asset
	if base != nil {
		b = base.asset
	}
	if head != nil {
		h = head.asset
	}
	if (b == nil || b.Kind != asset.Licence) && (h == nil || h.Kind != asset.Licence) {
		return SeatChange{}, false
	}
	sc := SeatChange{New: b == nil || b.Kind != asset.Licence}
	use := func(a *asset.Asset) (int, *int, bool) {
		st, _ := asset.StatusAt(a, in.AsOf, in.Config.Renewals.Window)
		return len(st.SeatHolders), st.Seats, st.OverSeats(a)
	}
	if b != nil {
		sc.ID, sc.Name = b.ID, b.Name
		sc.UsedBefore, sc.SeatsBefore, sc.OverBefore = use(b)
	}
	if h != nil {
		sc.ID, sc.Name = h.ID, h.Name
		sc.UsedAfter, sc.SeatsAfter, sc.OverAfter = use(h)
	}
	same := sc.UsedBefore == sc.UsedAfter && intEq(sc.SeatsBefore, sc.SeatsAfter)
	return sc, !same
}

func intEq(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// addTotals adds an asset's purchase cost and annual run-rate to the
// before or after totals.
func addTotals(cost, run map[string]*Delta, a *asset.Asset, in Input, after bool) {
	add := func(m map[string]*Delta, money asset.Money) {
		if money.IsZero() {
			return
		}
		money = money.In(in.Config.Currency)
		d := m[money.Currency]
		if d == nil {
			d = &Delta{Currency: money.Currency}
			m[money.Currency] = d
		}
		if after {
			d.After = d.After.Add(money.Amount)
		} else {
			d.Before = d.Before.Add(money.Amount)
		}
	}
	st, _ := asset.StatusAt(a, in.AsOf, in.Config.Renewals.Window)
	if st.State != asset.Disposed {
		add(cost, a.Purchase.Cost)
	}
	for _, m := range renewals.RunRate([]*asset.Asset{a}, in.Config, map[string]asset.Status{a.ID: st}) {
		add(run, m)
	}
}

func sortedDeltas(m map[string]*Delta) []Delta {
	out := make([]Delta, 0, len(m))
	for _, d := range m {
		if !d.Before.Equal(d.After) {
			out = append(out, *d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Currency < out[j].Currency })
	return out
}

func title(id, name string) string {
	if name == "" || name == id {
		return id
	}
	return fmt.Sprintf("%s (%s)", id, name)
}

func pastEvents(n int) string {
	if n == 1 {
		return "1 past event was"
	}
	return fmt.Sprintf("%d past events were", n)
}
