package diff

import (
	"strings"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

var cfg = &asset.Config{Currency: "GBP", Renewals: asset.RenewalSettings{Window: asset.DefaultWindow}}

const laptop = `name: Dell Latitude 7440
location: London
purchase:
  date: 2025-01-10
  cost: 1249.00
history:
  - date: 2025-01-12
    event: assigned
    to: alice
`

const figma = `name: Figma Professional
seats: 2
cost: 1080.00
term: 1y
renews: 2027-03-01
history:
  - date: 2025-01-01
    event: assigned
    to: alice
`

func compare(files ...File) *Result {
	return Compare(Input{Files: files, Config: cfg, AsOf: asset.NewDate(2026, 11, 29)})
}

func TestCompare(t *testing.T) {
	moved := laptop + "  - date: 2026-11-02\n    event: unassigned\n  - date: 2026-11-02\n    event: assigned\n    to: bob\n"
	r := compare(
		File{Old: "assets/hardware/LT-1.yaml", New: "assets/hardware/LT-1.yaml", Base: []byte(laptop), Head: []byte(strings.Replace(moved, "London", "Leeds", 1))},
		File{New: "assets/hardware/LT-2.yaml", Head: []byte(laptop)},
		File{Old: "assets/domains/example.com.yaml", Base: []byte("name: example.com\nexpires: 2027-01-01\ncost: 12.00\nterm: 1y\n")},
		File{Old: "assets/licences/figma.yaml", New: "assets/licences/figma.yaml", Base: []byte(figma),
			Head: []byte(figma + "  - date: 2026-11-02\n    event: assigned\n    to: bob\n  - date: 2026-11-03\n    event: assigned\n    to: carol\n")},
	)
	byID := map[string]Change{}
	for _, c := range r.Changes {
		byID[c.ID] = c
	}
	lt1 := byID["LT-1"]
	if lt1.Status != "modified" || len(lt1.Fields) != 1 || lt1.Fields[0] != (FieldChange{"location", "London", "Leeds"}) {
		t.Errorf("LT-1: %+v", lt1)
	}
	if len(lt1.Events) != 2 || lt1.Events[1].Text != "assigned to bob on 2026-11-02" {
		t.Errorf("LT-1 events: %+v", lt1.Events)
	}
	if byID["LT-2"].Status != "added" || byID["LT-2"].Cost.String() != "1249.00 GBP" {
		t.Errorf("LT-2: %+v", byID["LT-2"])
	}
	if byID["example.com"].Status != "deleted" {
		t.Errorf("example.com: %+v", byID["example.com"])
	}
	rules := map[string]bool{}
	for _, n := range r.Findings {
		rules[n.Rule] = true
	}
	if !rules["deleted-asset"] || !rules["seats-over"] {
		t.Errorf("findings %+v, want deleted-asset and seats-over", r.Findings)
	}
	if len(r.Seats) != 1 || r.Seats[0].UsedBefore != 1 || r.Seats[0].UsedAfter != 3 || !r.Seats[0].OverAfter {
		t.Errorf("seats: %+v", r.Seats)
	}
	if len(r.PurchaseCost) != 1 || r.PurchaseCost[0].After.Sub(r.PurchaseCost[0].Before).String() != "1249" {
		t.Errorf("purchase cost: %+v", r.PurchaseCost)
	}
	if len(r.RunRate) != 1 || r.RunRate[0].After.Sub(r.RunRate[0].Before).String() != "-12" {
		t.Errorf("run-rate: %+v", r.RunRate)
	}
}

func TestFindingsIntroducedAndFixed(t *testing.T) {
	bad := strings.Replace(laptop, "2025-01-10", "2025-02-30", 1)
	r := compare(File{Old: "assets/hardware/LT-1.yaml", New: "assets/hardware/LT-1.yaml", Base: []byte(laptop), Head: []byte(bad)})
	if len(r.Introduced) != 1 || r.Introduced[0].Rule != "bad-date" || len(r.Fixed) != 0 {
		t.Errorf("introduced %v fixed %v", r.Introduced, r.Fixed)
	}
	r = compare(File{Old: "assets/hardware/LT-1.yaml", New: "assets/hardware/LT-1.yaml", Base: []byte(bad), Head: []byte(laptop)})
	if len(r.Fixed) != 1 || len(r.Introduced) != 0 {
		t.Errorf("introduced %v fixed %v", r.Introduced, r.Fixed)
	}
}

func TestRenameAndRenewal(t *testing.T) {
	renewed := figma + "  - date: 2026-11-20\n    event: renewed\n    until: 2028-03-01\n"
	r := compare(File{Old: "assets/licences/figma.yaml", New: "assets/licences/figma-pro.yaml", Base: []byte(figma), Head: []byte(renewed)})
	c := r.Changes[0]
	if c.Status != "renamed" || c.ID != "figma-pro" {
		t.Errorf("change %+v, want figma renamed to figma-pro", c)
	}
	if len(c.Renewals) != 1 || c.Renewals[0].From.String() != "2027-03-01" || c.Renewals[0].To.String() != "2028-03-01" {
		t.Errorf("renewals %+v, want the renewal moved a year", c.Renewals)
	}
}

// TestEventIdentity: an event is the same when it says the same, however
// it is written. A key written empty is no key, and an amount is compared,
// not its spelling, so `cost: 120` becoming `cost: 120.00` rewrites no
// history (which is why eventKey does not use Event.Values, which keeps
// amounts as written).
func TestEventIdentity(t *testing.T) {
	const head = "name: Dell Latitude 7440\nhistory:\n  - date: 2025-01-12\n    event: repair\n"
	for _, tc := range []struct {
		name, before, after string
		rewritten           bool
	}{
		{"empty note is no note", "    note: \"\"\n", "", false},
		{"amount spelled with decimals", "    cost: 120\n", "    cost: 120.00\n", false},
		{"amount with currency spelled with decimals", "    cost: 120 GBP\n", "    cost: 120.00 GBP\n", false},
		{"another amount", "    cost: 120\n", "    cost: 121\n", true},
		{"a note added", "", "    note: under warranty\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := compare(File{Old: "assets/hardware/LT-1.yaml", New: "assets/hardware/LT-1.yaml",
				Base: []byte(head + tc.before), Head: []byte(head + tc.after)})
			if got := len(r.Changes) == 1 && len(r.Changes[0].Removed) > 0; got != tc.rewritten {
				t.Errorf("history rewritten = %v, want %v (%+v)", got, tc.rewritten, r.Changes)
			}
		})
	}
}
