package report

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/internal/must"
)

func count(n int) *int { return &n }

// register is a small hand-made register on 2026-06-15: a laptop in use
// out of warranty and never audited, one disposed of, one not bought yet,
// an expired certificate, a licence with unused seats one held by a
// leaver, and a manual renewal in euros two weeks overdue.
func register() Input {
	cfg := &asset.Config{Name: "Test Ltd", Currency: "GBP",
		Renewals:   asset.RenewalSettings{Window: must.Duration("90d")},
		Audit:      asset.AuditSettings{Interval: must.Duration("6m")},
		Categories: []asset.Category{{Name: "laptop", Depreciation: asset.DepreciationSpec{Method: "straight_line", Life: must.Duration("36m")}}}}
	people := []*asset.Person{
		{ID: "alice", Name: "Alice"},
		{ID: "bob", Name: "Bob", Leaves: must.Date("2026-05-31")},
	}
	assets := []*asset.Asset{
		{ID: "LT-1", Kind: asset.Hardware, Name: "Alice's laptop", Category: "laptop",
			Purchase: asset.Purchase{Date: must.Date("2025-06-15"), Cost: must.Money("1800.00")},
			Warranty: asset.Warranty{Expires: must.Date("2026-01-01")},
			History:  []asset.Event{{Date: must.Date("2025-06-20"), Type: "assigned", To: "alice"}}},
		{ID: "LT-2", Kind: asset.Hardware, Name: "Old laptop", Category: "laptop",
			Purchase: asset.Purchase{Date: must.Date("2023-01-10"), Cost: must.Money("900.00")},
			History:  []asset.Event{{Date: must.Date("2026-01-05"), Type: "disposed", Method: "recycled"}}},
		{ID: "LT-3", Kind: asset.Hardware, Name: "New laptop", Category: "laptop",
			Purchase: asset.Purchase{Date: must.Date("2026-09-01"), Cost: must.Money("1000.00")}},
		{ID: "cert-vpn", Kind: asset.Certificate, Name: "vpn.example.com", Expires: must.Date("2026-06-01")},
		{ID: "figma", Kind: asset.Licence, Name: "Figma", Seats: count(5), Cost: must.Money("600.00"), Term: must.Duration("1y"),
			Renews: must.Date("2026-09-01"), AutoRenew: true,
			History: []asset.Event{{Date: must.Date("2026-01-01"), Type: "assigned", To: "alice"}, {Date: must.Date("2026-01-01"), Type: "assigned", To: "bob"}}},
		{ID: "jetbrains", Kind: asset.Licence, Name: "JetBrains", Cost: must.Money("100.00 EUR"), Term: must.Duration("1y"), Renews: must.Date("2026-06-01")},
	}
	return Input{Config: cfg, Assets: assets, People: people, AsOf: must.Date("2026-06-15")}
}

func moneyText(ms []asset.Money) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.String()
	}
	return strings.Join(parts, " + ")
}

func TestBuild(t *testing.T) {
	r := Build(register())
	var counts, months []string
	for _, c := range r.Counts {
		counts = append(counts, fmt.Sprintf("%s %s %d", c.Kind, c.State, c.N))
	}
	for _, s := range r.Next12Months {
		if s.Payments > 0 {
			months = append(months, fmt.Sprintf("%s %s %s", s.Group, s.Amount.StringFixed(2), s.Currency))
		}
	}
	tests := []struct {
		name, got, want string
	}{
		// LT-3 is not bought yet: it is in no state and not counted
		{"counts", strings.Join(counts, ", "),
			"hardware in_use 1, hardware disposed 1, licence expiring 1, licence expired 1, certificate expired 1"},
		{"assets and people", fmt.Sprintf("%d assets, %d people", r.Assets, r.People), "5 assets, 2 people"},
		// only LT-1: LT-2 is disposed of, LT-3 not bought; 12 of 36 months
		// of straight line at 50.00 a month
		{"purchase cost", moneyText(r.PurchaseCost), "1800.00 GBP"},
		{"book value", moneyText(r.BookValue), "1200.00 GBP"},
		// an expired licence is not part of the run-rate
		{"annual run-rate", moneyText(r.RunRate), "600.00 GBP"},
		// the overdue renewal is paid now and again on 2027-06-01, inside
		// the twelve months that end on 2027-06-15
		{"next 12 months total", moneyText(r.Next12Total), "200.00 EUR + 600.00 GBP"},
		{"months with payments", strings.Join(months, ", "), "2026-06 100.00 EUR, 2026-09 600.00 GBP, 2027-06 100.00 EUR"},
		{"months listed", fmt.Sprint(len(r.Next12Months)), "14"}, // 12 in GBP, and the two in EUR
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestBuildFindings(t *testing.T) {
	want := []struct {
		rule, id, person, message string
	}{
		{"overdue-renewal", "jetbrains", "", "JetBrains: renewal was due on 2026-06-01 (14 days ago)"},
		{"expired-certificate", "cert-vpn", "", "certificate vpn.example.com expired on 2026-06-01"},
		{"seats-unused", "figma", "", "Figma: 3 of 5 seats unused, 360.00 GBP a year"},
		{"leaver-holds", "figma", "bob", "Bob left on 2026-05-31 and still holds Figma"},
		{"out-of-warranty", "LT-1", "", "Alice's laptop is in use and its warranty ended on 2026-01-01"},
		{"audit-overdue", "LT-1", "", "Alice's laptop: never audited, due every 6m"},
	}
	got := Build(register()).Findings
	if len(got) != len(want) {
		for _, f := range got {
			t.Logf("%s %s %s: %s", f.Rule, f.Asset.ID, f.Person, f.Message)
		}
		t.Fatalf("%d findings, want %d", len(got), len(want))
	}
	for i, w := range want {
		f := got[i]
		if f.Rule != w.rule || f.Asset.ID != w.id || f.Person != w.person || f.Message != w.message {
			t.Errorf("finding %d = %s %s %q: %q, want %s %s %q: %q", i, f.Rule, f.Asset.ID, f.Person, f.Message, w.rule, w.id, w.person, w.message)
		}
	}
}

func TestBuildEmptyRegister(t *testing.T) {
	in := Input{Config: &asset.Config{Currency: "GBP"}, AsOf: must.Date("2026-06-15")}
	r := Build(in)
	if r.Assets != 0 || len(r.Counts) != 0 || len(r.PurchaseCost) != 0 || len(r.Findings) != 0 || len(r.Next12Total) != 0 {
		t.Errorf("empty register: %+v, want nothing counted, totalled or found", r)
	}
	if len(r.Next12Months) != 12 {
		t.Errorf("empty register: %d months listed, want all 12 of the horizon", len(r.Next12Months))
	}
}

// Statuses given by the caller are the ones Build would replay: the
// report is the same either way.
func TestBuildWithStatusesGiven(t *testing.T) {
	in := register()
	want := Build(in)
	in.Statuses = asset.Statuses(in.Assets, in.AsOf, in.Config.Renewals.Window)
	if got := Build(in); !reflect.DeepEqual(got, want) {
		t.Errorf("with statuses given:\n%+v\nwant\n%+v", got, want)
	}
}
