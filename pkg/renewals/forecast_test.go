package renewals

import (
	"strings"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

func TestForecast(t *testing.T) {
	tests := []struct {
		name string
		a    *asset.Asset
		want string // date:amount of each payment, in order
	}{
		{"monthly renewal through the horizon",
			&asset.Asset{ID: "x", Kind: asset.Licence, Renews: date("2026-01-31"), Term: dur("1m"), AutoRenew: true, Cost: money("10.00")},
			"2026-01-31:10.00 GBP 2026-02-28:10.00 GBP 2026-03-31:10.00 GBP"},
		{"overdue manual renewal: the missed terms paid once, on the as-of date, then the terms ahead",
			&asset.Asset{ID: "x", Kind: asset.Licence, Renews: date("2024-06-01"), Term: dur("1m"), Cost: money("10.00")},
			"2026-01-10:10.00 GBP 2026-02-01:10.00 GBP 2026-03-01:10.00 GBP 2026-04-01:10.00 GBP"},
		{"fixed-term agreement paid from its start until it expires",
			&asset.Asset{ID: "x", Kind: asset.Document, Starts: date("2025-11-15"), Expires: date("2026-03-15"), Term: dur("1m"), Cost: money("50.00 EUR")},
			"2026-01-15:50.00 EUR 2026-02-15:50.00 EUR"},
		{"no term: paid once, on the renewal date",
			&asset.Asset{ID: "x", Kind: asset.Licence, Renews: date("2026-02-01"), Cost: money("10.00 GBP")},
			"2026-02-01:10.00 GBP"},
		{"no term, renewal overdue: paid once, now",
			&asset.Asset{ID: "x", Kind: asset.Licence, Renews: date("2025-10-01"), Cost: money("10.00 GBP")},
			"2026-01-10:10.00 GBP"}, // the test's as-of date
		{"cancelled: nothing",
			&asset.Asset{ID: "x", Kind: asset.Licence, Renews: date("2026-02-01"), Term: dur("1m"), AutoRenew: true, Cost: money("10.00"),
				History: []asset.Event{{Date: date("2025-12-01"), Type: "cancelled"}}},
			""},
	}
	asOf := date("2026-01-10")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assets := []*asset.Asset{tt.a}
			var got []string
			for _, p := range Forecast(assets, cfg, asset.Statuses(assets, asOf, dur("90d")), asOf, 3) {
				got = append(got, p.Date.String()+":"+p.Cost.String())
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("payments %q, want %q", s, tt.want)
			}
		})
	}
}
