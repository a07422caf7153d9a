package renewals

import (
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

func TestNext(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    *asset.Asset
		asOf string
		want string // "" for none
	}{
		{"renews by itself: rolled past the day", &asset.Asset{ID: "a", Kind: asset.Licence, Renews: date("2025-03-01"), Term: dur("1y"), AutoRenew: true}, "2026-11-29", "2027-03-01"},
		{"renewed by hand: the date written", &asset.Asset{ID: "m", Kind: asset.Licence, Renews: date("2027-02-01"), Term: dur("1y")}, "2026-11-29", "2027-02-01"},
		{"cancelled", &asset.Asset{ID: "c", Kind: asset.Licence, Renews: date("2027-01-31"), Term: dur("1y"), AutoRenew: true,
			History: []asset.Event{{Date: date("2026-06-01"), Type: "cancelled"}}}, "2026-11-29", ""},
		{"retired", &asset.Asset{ID: "r", Kind: asset.Licence, Renews: date("2027-01-31"), Term: dur("1y"),
			History: []asset.Event{{Date: date("2026-01-01"), Type: "retired"}}}, "2026-11-29", ""},
		{"hardware does not renew", &asset.Asset{ID: "h", Kind: asset.Hardware}, "2026-11-29", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := asset.Statuses([]*asset.Asset{tc.a}, date(tc.asOf), dur("90d"))[tc.a.ID]
			got, ok := Next(tc.a, st)
			switch {
			case tc.want == "" && ok:
				t.Errorf("Next = %s, want none", got)
			case tc.want != "" && (!ok || got.String() != tc.want):
				t.Errorf("Next = %s (%v), want %s", got, ok, tc.want)
			}
		})
	}
}
