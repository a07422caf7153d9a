package seats

import (
	"testing"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/internal/must"
)

// the values the tests write as text
var (
	date  = must.Date
	money = must.Money
)

func seats(n int) *int { return &n }

func assigned(to ...string) []asset.Event {
	var es []asset.Event
	for _, p := range to {
		es = append(es, asset.Event{Date: date("2025-01-01"), Type: "assigned", To: p})
	}
	return es
}

func TestCheck(t *testing.T) {
	year := asset.Duration{N: 1, Unit: 'y'}
	month := asset.Duration{N: 1, Unit: 'm'}
	assets := []*asset.Asset{
		{ID: "figma", Kind: asset.Licence, Seats: seats(2), Cost: money("1080.00"), Term: year, History: assigned("alice", "bob", "carol")},
		{ID: "jetbrains", Kind: asset.Licence, Seats: seats(5), Cost: money("3245.00"), Term: year, History: assigned("bob", "carol")},
		{ID: "slack", Kind: asset.Licence, Seats: seats(10), Cost: money("75.00 USD"), Term: month, History: assigned("alice", "farid")},
		{ID: "site", Kind: asset.Licence, Metric: "site", Seats: seats(1), History: assigned("alice", "bob")},
		{ID: "unlimited", Kind: asset.Licence, History: assigned("alice")},
		{ID: "full", Kind: asset.Licence, Seats: seats(1), History: assigned("alice")},
		{ID: "laptop", Kind: asset.Hardware},
	}
	people := []*asset.Person{{ID: "farid", Leaves: date("2026-10-29")}, {ID: "alice"}}
	asOf := date("2026-11-29")
	got := Check(assets, people, asset.Statuses(assets, asOf, asset.DefaultWindow), asOf, "GBP")
	type want struct {
		status     string
		used, free int
		perSeat    string
		wasted     string
		leavers    int
	}
	wants := map[string]want{
		"figma":     {Over, 3, 0, "540.00", "0.00", 0},
		"jetbrains": {Unused, 2, 3, "649.00", "1947.00", 0},
		"slack":     {Unused, 2, 8, "90.00", "720.00", 1},
		"site":      {OK, 2, 0, "", "", 0},
		"unlimited": {OK, 1, 0, "", "", 0},
		"full":      {OK, 1, 0, "", "", 0},
	}
	if len(got) != len(wants) {
		t.Fatalf("got %d licences, want %d", len(got), len(wants))
	}
	for _, l := range got {
		w := wants[l.Asset.ID]
		if l.Status != w.status || l.Used != w.used || l.Free != w.free || len(l.Leavers) != w.leavers {
			t.Errorf("%s: got %s used %d free %d leavers %v; want %s %d %d %d", l.Asset.ID, l.Status, l.Used, l.Free, l.Leavers, w.status, w.used, w.free, w.leavers)
		}
		if w.perSeat == "" {
			if l.CostPerSeatPerYear != nil {
				t.Errorf("%s: cost per seat %s, want none", l.Asset.ID, l.CostPerSeatPerYear)
			}
			continue
		}
		if l.CostPerSeatPerYear == nil || l.CostPerSeatPerYear.StringFixed(2) != w.perSeat || l.WastedPerYear.StringFixed(2) != w.wasted {
			t.Errorf("%s: per seat %v wasted %v; want %s, %s", l.Asset.ID, l.CostPerSeatPerYear, l.WastedPerYear, w.perSeat, w.wasted)
		}
	}
	totals := Totals(got)
	if len(totals) != 2 || totals[0].Currency != "GBP" || totals[1].Currency != "USD" {
		t.Fatalf("totals = %+v, want GBP and USD", totals)
	}
	if totals[0].WastedPerYear.StringFixed(2) != "1947.00" || totals[0].Over != 1 {
		t.Errorf("GBP total = %+v", totals[0])
	}
}
