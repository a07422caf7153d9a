package importer

import (
	"fmt"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

// noRegister is an empty register for the plan.
type noRegister struct{}

func (noRegister) Asset(string) (asset.Kind, string, []byte, bool)    { return "", "", nil, false }
func (noRegister) BySerial(string) (string, bool)                     { return "", false }
func (noRegister) ByName(asset.Kind, string, string, string) []string { return nil }
func (noRegister) Person(string) (string, []byte, bool)               { return "", nil, false }
func (noRegister) PersonByEmailOrName(string, string) (string, bool)  { return "", false }
func (noRegister) NextID(k asset.Kind, taken func(string) bool) string {
	for n := 1; ; n++ {
		id := fmt.Sprintf("%s-%04d", k.DefaultPrefix(), n)
		if !taken(id) {
			return id
		}
	}
}

// FuzzRowMapping feeds any CSV text through the whole mapping of rows to
// records: no input may panic, and every problem names a row the file has
// (or none, for the file as a whole).
func FuzzRowMapping(f *testing.F) {
	f.Add("Name,Serial,Purchase Date,Purchase Cost\nLaptop,SN1,1/23/23,\"$1,249.00\"\n", uint8(0))
	f.Add("Item Name,seats,Username,expiration date\nFigma,5,alice,2027-01-01\nFigma,5,bob,2027-01-01\n", uint8(2))
	f.Add("Username,First Name,Last Name,Manager,Start Date\nalice,Alice,M,,2024-01-01\nbob,Bob,S,Alice M,\n", uint8(6))
	f.Add("a;b;a\n1;2;3\n", uint8(1))
	f.Fuzz(func(t *testing.T, text string, which uint8) {
		tab, err := Parse(text)
		if err != nil {
			return
		}
		opts := Options{Currency: "GBP", Today: asset.NewDate(2026, 11, 29), Config: &asset.Config{Currency: "GBP"}}
		if int(which)%7 == 6 {
			opts.People = true
		} else {
			opts.Kind = asset.Kinds[int(which)%len(asset.Kinds)]
		}
		m, err := MapColumns(tab.Header, opts.Kind, opts.People, nil, tab.Rows)
		if err != nil {
			return
		}
		records, errs, warnings := Read(tab, m, opts)
		actions, planErrs := Plan(records, opts, noRegister{})
		last := len(tab.Rows) + 1
		for _, p := range append(append(errs, warnings...), planErrs...) {
			if p.Row < 0 || p.Row > last {
				t.Fatalf("problem on row %d of a file with rows 2 to %d: %s", p.Row, last, p.Message)
			}
		}
		if len(errs)+len(planErrs) == 0 {
			for _, a := range actions {
				if a.Op == Create && len(a.Data) == 0 {
					t.Fatalf("an action creates %s with no contents", a.Rel)
				}
			}
		}
	})
}
