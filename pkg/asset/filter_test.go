package asset

import (
	"slices"
	"testing"
)

func TestFilter(t *testing.T) {
	laptop := &Asset{ID: "LT-1", Kind: Hardware, Category: "Laptop", Owner: "it", Tags: []string{"Eng", "macos"}}
	ram := &Asset{ID: "RAM-1", Kind: Component}
	figma := &Asset{ID: "figma", Kind: Licence}
	future := &Asset{ID: "LT-9", Kind: Hardware}
	assets := []*Asset{laptop, ram, figma, future}
	statuses := map[string]Status{
		"LT-1":  {State: InUse, Holder: "alice", Location: "London"},
		"RAM-1": {State: InUse, InstalledIn: "LT-1", Holder: "alice", Location: "London"},
		"figma": {State: Active, SeatHolders: []string{"Bob", "alice"}},
		"LT-9":  {}, // not bought yet
	}
	tests := []struct {
		f    Filter
		want []string
	}{
		{Filter{}, []string{"LT-1", "RAM-1", "figma"}},
		{Filter{Kind: Hardware}, []string{"LT-1"}},
		{Filter{Category: "laptop", Tag: "eng"}, []string{"LT-1"}},
		{Filter{Tag: "linux"}, nil},
		{Filter{Location: "london"}, []string{"LT-1", "RAM-1"}},
		{Filter{Holder: "ALICE"}, []string{"LT-1", "RAM-1", "figma"}},
		{Filter{Holder: "bob"}, []string{"figma"}},
		{Filter{State: Active}, []string{"figma"}},
		{Filter{Owner: "IT", State: InUse}, []string{"LT-1"}},
	}
	for _, tt := range tests {
		var got []string
		for _, a := range tt.f.Pick(assets, statuses) {
			got = append(got, a.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%+v picked %v, want %v", tt.f, got, tt.want)
		}
	}
}
