package renewals

import (
	"testing"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/internal/must"
)

// the values the tests write as text
var (
	date  = must.Date
	dur   = must.Duration
	money = must.Money
)

var cfg = &asset.Config{Currency: "GBP", Categories: []asset.Category{{Name: "laptop", Lifetime: dur("48m")}}}

func items(t *testing.T, a *asset.Asset, asOf string) []Item {
	t.Helper()
	assets := []*asset.Asset{a}
	return Items(assets, cfg, asset.Statuses(assets, date(asOf), dur("90d")), date(asOf))
}

func TestRollForward(t *testing.T) {
	// an automatic renewal rolls forward past the as-of date, so it is
	// never overdue; TestOverdueAndExcluded covers renewals that are
	tests := []struct {
		name   string
		renews string
		term   string
		asOf   string
		want   string
	}{
		{"not yet due", "2026-12-31", "1y", "2026-11-29", "2026-12-31"},
		{"due today", "2026-11-29", "1y", "2026-11-29", "2026-11-29"},
		{"rolls a year", "2025-03-01", "1y", "2026-11-29", "2027-03-01"},
		{"month end into a leap February", "2024-01-31", "1m", "2024-02-10", "2024-02-29"},
		{"month end stays a month end", "2024-01-31", "1m", "2024-03-10", "2024-03-31"},
		{"leap day, yearly", "2024-02-29", "1y", "2025-01-01", "2025-02-28"},
		{"leap day again after four years", "2024-02-29", "1y", "2027-12-01", "2028-02-29"},
		{"weekly over years", "2020-01-06", "1w", "2026-11-29", "2026-11-30"},
		{"36-month contract", "2022-06-15", "36m", "2026-11-29", "2028-06-15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &asset.Asset{ID: "x", Kind: asset.Licence, Renews: date(tt.renews), Term: dur(tt.term), AutoRenew: true, Cost: money("100.00")}
			got := items(t, a, tt.asOf)
			if len(got) != 1 || got[0].Type != Renewal {
				t.Fatalf("items = %+v, want one renewal", got)
			}
			if got[0].Date != date(tt.want) || got[0].Overdue() {
				t.Errorf("renewal on %s (overdue %v), want %s, not overdue", got[0].Date, got[0].Overdue(), tt.want)
			}
		})
	}
}

func TestCancelBy(t *testing.T) {
	tests := []struct{ renews, notice, want string }{
		{"2026-12-31", "90d", "2026-10-02"},
		{"2026-06-15", "60d", "2026-04-16"},
		{"2027-03-31", "1m", "2027-02-28"},
	}
	for _, tt := range tests {
		a := &asset.Asset{ID: "x", Kind: asset.Document, Renews: date(tt.renews), Notice: dur(tt.notice), Term: dur("1y")}
		got := items(t, a, "2026-01-01")
		if len(got) != 2 || got[0].Type != CancelBy || got[0].Date != date(tt.want) {
			t.Errorf("renews %s, notice %s: items %+v, want cancel-by %s first", tt.renews, tt.notice, got, tt.want)
		}
	}
}

func TestOverdueAndExcluded(t *testing.T) {
	manual := &asset.Asset{ID: "manual", Kind: asset.Licence, Renews: date("2026-10-01"), Term: dur("1y")}
	got := items(t, manual, "2026-11-29")
	if len(got) != 1 || got[0].Days != -59 || !got[0].Overdue() || !got[0].Fails(date("2026-11-29")) {
		t.Errorf("manual renewal past: %+v, want overdue by 59 days and failing", got)
	}
	cert := &asset.Asset{ID: "vpn", Kind: asset.Certificate, Expires: date("2026-11-24")}
	if got := items(t, cert, "2026-11-29"); len(got) != 1 || got[0].Type != Expiry || got[0].Days != -5 {
		t.Errorf("expired certificate: %+v, want an expiry 5 days overdue", got)
	}
	retired := &asset.Asset{ID: "old", Kind: asset.Licence, Renews: date("2026-12-01"), Term: dur("1y"),
		History: []asset.Event{{Date: date("2026-01-01"), Type: "retired"}}}
	if got := items(t, retired, "2026-11-29"); len(got) != 0 {
		t.Errorf("retired licence: %+v, want no items", got)
	}
	disposed := &asset.Asset{ID: "LT-1", Kind: asset.Hardware, Warranty: asset.Warranty{Expires: date("2027-01-01")},
		History: []asset.Event{{Date: date("2026-01-01"), Type: "disposed", Method: "recycled"}}}
	if got := items(t, disposed, "2026-11-29"); len(got) != 0 {
		t.Errorf("disposed laptop: %+v, want no items", got)
	}
	cancelled := &asset.Asset{ID: "c", Kind: asset.Licence, Renews: date("2027-01-31"), Term: dur("1y"), AutoRenew: true, Notice: dur("30d"),
		History: []asset.Event{{Date: date("2026-06-01"), Type: "cancelled"}}}
	if got := items(t, cancelled, "2026-11-29"); len(got) != 1 || got[0].Type != Expiry || got[0].Date != date("2027-01-31") {
		t.Errorf("cancelled licence: %+v, want only its final expiry", got)
	}
	if got := items(t, cancelled, "2027-03-01"); len(got) != 0 {
		t.Errorf("cancelled licence after its end: %+v, want nothing", got)
	}
}

func TestHardwareItems(t *testing.T) {
	laptop := &asset.Asset{ID: "LT-1", Kind: asset.Hardware, Category: "laptop", Purchase: asset.Purchase{Date: date("2023-01-15")},
		Warranty: asset.Warranty{Expires: date("2026-01-15")}, SupportEnds: date("2027-06-30")}
	got := items(t, laptop, "2026-11-29")
	if len(got) != 2 || got[0].Type != EndOfLife || got[0].Date != date("2027-01-15") || got[1].Type != SupportEnd {
		t.Errorf("items = %+v, want end of life 2027-01-15 (purchase + 48m) then support end; no past warranty", got)
	}
}

func TestFails(t *testing.T) {
	limit := date("2026-12-13") // --fail-within 14d from 2026-11-29
	tests := []struct {
		name string
		it   Item
		want bool
	}{
		{"overdue", Item{Type: Expiry, Days: -1, Date: date("2026-11-28")}, true},
		{"expiry inside", Item{Type: Expiry, Days: 10, Date: date("2026-12-09")}, true},
		{"expiry outside", Item{Type: Expiry, Days: 20, Date: date("2026-12-19")}, false},
		{"auto-renewal inside", Item{Type: Renewal, AutoRenew: true, Days: 5, Date: date("2026-12-04")}, false},
		{"manual renewal inside", Item{Type: Renewal, Days: 5, Date: date("2026-12-04")}, true},
		{"cancel-by inside", Item{Type: CancelBy, AutoRenew: true, Days: 14, Date: date("2026-12-13")}, true},
		{"warranty inside", Item{Type: Warranty, Days: 3, Date: date("2026-12-02")}, false},
	}
	for _, tt := range tests {
		if got := tt.it.Fails(limit); got != tt.want {
			t.Errorf("%s: Fails = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestOfKindAndFailing(t *testing.T) {
	cert := &asset.Asset{ID: "www.example.com", Kind: asset.Certificate}
	lic := &asset.Asset{ID: "figma", Kind: asset.Licence}
	limit := date("2026-12-13")
	all := []Item{
		{Asset: cert, Type: Expiry, Days: -1, Date: date("2026-11-28")},
		{Asset: lic, Type: Renewal, AutoRenew: true, Days: 5, Date: date("2026-12-04")},
		{Asset: lic, Type: Renewal, Days: 10, Date: date("2026-12-09")},
		{Asset: cert, Type: Expiry, Days: 20, Date: date("2026-12-19")},
	}
	for _, tc := range []struct {
		kind          asset.Kind
		items, failed int
	}{
		{"", 4, 2},
		{asset.Certificate, 2, 1},
		{asset.Licence, 2, 1},
		{asset.Domain, 0, 0},
	} {
		got := OfKind(all, tc.kind)
		if len(got) != tc.items {
			t.Errorf("OfKind(%q): %d items, want %d", tc.kind, len(got), tc.items)
		}
		if n := Failing(got, limit); n != tc.failed {
			t.Errorf("Failing(OfKind(%q)) = %d, want %d", tc.kind, n, tc.failed)
		}
	}
}
