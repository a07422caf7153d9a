package reconcile

import (
	"reflect"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

func TestReconcile(t *testing.T) {
	hw := func(id, serial, model string) *asset.Asset {
		return &asset.Asset{ID: id, Kind: asset.Hardware, Serial: serial, Model: model}
	}
	reg := Register{
		Assets: []*asset.Asset{
			hw("LT-0001", "SN1", "ThinkPad T14"),
			hw("LT-0002", "SN2", "MacBook Air"),
			hw("LT-0003", "SN3", ""),
			hw("LT-0004", "", "Dell"), // no serial: never matched on serial
			{ID: "LIC-0001", Kind: asset.Licence, Serial: "SN9"},
		},
		People: []*asset.Person{{ID: "alice", Name: "Alice Smith", Email: "alice@example.com"}},
		Statuses: map[string]asset.Status{
			"LT-0001": {State: asset.InUse, Holder: "alice"},
			"LT-0002": {State: asset.InStock},
			"LT-0003": {State: asset.InUse, Holder: "bob"},
			"LT-0004": {State: asset.InUse, Holder: "carol"},
		},
	}
	for _, tc := range []struct {
		name    string
		devices []Device
		key     string
		want    []Item
	}{
		{
			name: "agree: holder by email, model and serial in any case",
			devices: []Device{
				{Row: 2, Key: " sn1 ", Model: "thinkpad t14", Users: []string{"ALICE@example.com"}},
				{Row: 3, Key: "SN3", Users: []string{"bob"}},
				{Row: 4, Key: "SN2"},
			},
			key:  BySerial,
			want: nil, // LT-0004 has no serial: matched on serial, it is never missing
		},
		{
			name: "untracked, mismatched model and holder, missing",
			devices: []Device{
				{Row: 2, Key: "SN1", Model: "ThinkPad X1", Users: []string{"Alice Smith"}},
				{Row: 3, Key: "SN2", Users: []string{"dave"}},
				{Row: 4, Key: "SN9", Name: "Printer"}, // a licence's serial is not hardware's
				{Row: 5, Key: ""},                     // no key: reported
			},
			key: BySerial,
			want: []Item{
				{Status: Mismatch, Key: "SN1", ID: "LT-0001", Row: 2, Field: "model", Export: "ThinkPad X1", Record: "ThinkPad T14", Message: `LT-0001: the tool says model "ThinkPad X1", the register "ThinkPad T14"`},
				{Status: Mismatch, Key: "SN2", ID: "LT-0002", Row: 3, Field: "holder", Export: "dave", Record: "", Message: "LT-0002: the tool says dave uses it, the register says nobody (in_stock)"},
				{Status: Untracked, Key: "SN9", Row: 4, Message: `SN9 is seen by the tool but not in the register: add it (itrack add hardware --name "Printer" --serial SN9) or find out what it is`},
				{Status: NoSerial, Row: 5, Message: "row 5 has no serial number, so it cannot be matched to the register: fill it in the tool, or match on the asset tag with --key id"},
				{Status: Missing, Key: "SN3", ID: "LT-0003", Message: "LT-0003 is in use (held by bob) but the tool does not see it: lost, unenrolled, or wrong serial?"},
			},
		},
		{
			name:    "matched on ID",
			devices: []Device{{Row: 2, Key: "lt-0001"}, {Row: 3, Key: "lt-0003"}, {Row: 4, Key: "LT-0004"}, {Row: 5, Key: "X"}},
			key:     ByID,
			want: []Item{
				{Status: Untracked, Key: "X", Row: 5, Message: `X is seen by the tool but not in the register: add it (itrack add hardware X --name "NAME") or find out what it is`},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Reconcile(reg, tc.devices, Options{Key: tc.key, AsOf: asset.NewDate(2026, 11, 29)})
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%#v\nwant\n%#v", got, tc.want)
			}
		})
	}
}

func TestCount(t *testing.T) {
	items := []Item{{Status: Untracked}, {Status: Missing}, {Status: Untracked}}
	if got := Count(items, Untracked); got != 2 {
		t.Errorf("Count = %d, want 2", got)
	}
}
