package seats

import (
	"reflect"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

func TestPerSeat(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cost   string
		metric string
		seats  *int
		want   string // "" for none
	}{
		{"divided and rounded half up to the minor unit", "100 GBP", "", seats(3), "33.33 GBP"},
		{"half a penny rounds up", "0.05 GBP", "", seats(2), "0.03 GBP"},
		{"a currency without minor units", "1000 JPY", "", seats(3), "333 JPY"},
		{"no currency: the register's", "90", "", seats(4), "22.50 GBP"},
		{"no cost", "", "", seats(3), ""},
		{"no seat count", "100 GBP", "", nil, ""},
		{"zero seats", "100 GBP", "", seats(0), ""},
		{"a site licence has no seats", "100 GBP", "site", seats(10), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &asset.Asset{ID: "L", Kind: asset.Licence, Metric: tc.metric}
			if tc.cost != "" {
				a.Cost = money(tc.cost)
			}
			got, ok := PerSeat(a, asset.Status{Seats: tc.seats, Price: a.Cost}, "GBP")
			switch {
			case tc.want == "" && ok:
				t.Errorf("PerSeat = %v, want none", got)
			case tc.want != "" && (!ok || got.In("GBP").String() != tc.want):
				t.Errorf("PerSeat = %v (%v), want %s", got.In("GBP"), ok, tc.want)
			}
		})
	}
}

func TestHoldings(t *testing.T) {
	laptop := &asset.Asset{ID: "LT-1", Kind: asset.Hardware}
	ram := &asset.Asset{ID: "RAM-1", Kind: asset.Component}
	ssd := &asset.Asset{ID: "SSD-1", Kind: asset.Component}
	figma := &asset.Asset{ID: "FIG", Kind: asset.Licence}
	statuses := map[string]asset.Status{
		"LT-1":  {Holder: "alice"},
		"RAM-1": {Holder: "alice", InstalledIn: "LT-1"}, // goes with the laptop
		"SSD-1": {Holder: "bob"},
		"FIG":   {SeatHolders: []string{"bob", "alice"}},
	}
	got := Holdings([]*asset.Asset{laptop, ram, ssd, figma}, statuses)
	want := map[string][]*asset.Asset{"alice": {laptop, figma}, "bob": {ssd, figma}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Holdings = %v, want %v", got, want)
	}
}
