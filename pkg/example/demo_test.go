package example

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
)

var update = flag.Bool("update", false, "rewrite testdata/example from the demo generator")

// exampleDay is the day testdata/example was generated for.
var exampleDay = asset.NewDate(2026, 11, 29)

const exampleDir = "../../testdata/example"

// TestDemoMatchesCommittedExample keeps testdata/example identical to what
// `itrack init --example` writes on exampleDay.
func TestDemoMatchesCommittedExample(t *testing.T) {
	files := Demo(exampleDay)
	if *update {
		if err := WriteAll(exampleDir, files); err != nil {
			t.Fatal(err)
		}
	}
	for rel, want := range files {
		got, err := os.ReadFile(filepath.Join(exampleDir, rel))
		if err != nil {
			t.Errorf("%s: %v (run go test ./pkg/example -update)", rel, err)
			continue
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from the demo generator (run go test ./pkg/example -update)", rel)
		}
	}
	err := filepath.WalkDir(exampleDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(exampleDir, path)
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(rel, ".yaml") {
			if _, ok := files[rel]; !ok {
				t.Errorf("%s is in testdata/example but the demo does not write it", rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDemoIsValid: the demo has no error, its only warnings are those its
// story holds on the day it is made for (a leaver with a laptop and a seat,
// audits overdue, a projector whose owner left and that has no depreciation
// method, a seat of a cancelled licence still held), each of which
// docs/daily-tasks.md clears, and it holds what the docs promise: 25+
// assets over all six kinds and 8 people.
func TestDemoIsValid(t *testing.T) {
	snap := loadFiles(t, Demo(exampleDay), exampleDay)
	story := map[string]bool{"leaver-holds": true, "audit-overdue": true, "owner-left": true, "no-depreciation-method": true, "expired-held": true}
	seen := map[string]bool{}
	for _, f := range snap.Findings {
		seen[f.Rule] = true
		if f.Severity == asset.Error || !story[f.Rule] {
			t.Errorf("finding in the demo: %s", f)
		}
	}
	for rule := range story {
		if !seen[rule] {
			t.Errorf("the demo shows no %s: its story has one", rule)
		}
	}
	if len(snap.Assets) < 25 {
		t.Errorf("demo has %d assets, want at least 25", len(snap.Assets))
	}
	if len(snap.People) != 8 {
		t.Errorf("demo has %d people, want 8", len(snap.People))
	}
	kinds := map[asset.Kind]int{}
	for _, a := range snap.Assets {
		kinds[a.Kind]++
	}
	for _, k := range asset.Kinds {
		if kinds[k] == 0 {
			t.Errorf("demo has no %s", k)
		}
	}
}

// TestSyntheticIsDeterministicAndValid: the same n gives the same files,
// and they are valid and canonical.
func TestSyntheticIsDeterministicAndValid(t *testing.T) {
	a, b := Synthetic(500, "Bench", "GBP"), Synthetic(500, "Bench", "GBP")
	if len(a) != len(b) {
		t.Fatalf("two runs gave %d and %d files", len(a), len(b))
	}
	for rel, data := range a {
		if string(b[rel]) != string(data) {
			t.Fatalf("%s differs between two runs", rel)
		}
	}
	snap := loadFiles(t, a, asset.Date{})
	for _, f := range snap.Findings {
		t.Errorf("finding in the synthetic register: %s", f)
	}
	if len(snap.Assets) != 500 {
		t.Errorf("got %d assets, want 500", len(snap.Assets))
	}
}

// loadFiles loads a register's files; asOf, when set, adds the warnings of
// that day.
func loadFiles(t *testing.T, files map[string][]byte, asOf asset.Date) *register.Snapshot {
	t.Helper()
	dir := t.TempDir()
	if err := WriteAll(dir, files); err != nil {
		t.Fatal(err)
	}
	reg, err := register.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(reg.ConfigFindings) > 0 {
		t.Fatalf("itrack.yaml: %v", reg.ConfigFindings)
	}
	return reg.LoadWith(register.LoadOptions{Canonical: true, AsOf: asOf})
}
