package cli_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/example"
	"github.com/itrack/itrack/pkg/importer"
)

const snipeDir = "../../../shared/testdata/snipe-it"

// emptyRegister makes a new register in a temporary folder.
func emptyRegister(t testing.TB, currency string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{asset.ConfigFile: []byte(example.Config("Test", currency))}
	if err := example.WriteAll(dir, files); err != nil {
		t.Fatal(err)
	}
	return dir
}

func countFiles(t *testing.T, dir, sub string) int {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(dir, sub))
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".yaml") {
			n++
		}
	}
	return n
}

// TestSnipeITSamples imports the Snipe-IT project's sample exports.
func TestSnipeITSamples(t *testing.T) {
	if _, err := os.Stat(snipeDir); err != nil {
		t.Skipf("the Snipe-IT sample files are not here (%s): %v", snipeDir, err)
	}
	clean := []struct {
		file, kind, folder string
		records, people    int
	}{
		{"assets-sample.csv", "hardware", "assets/hardware", 22, 9},
		{"licenses-sample.csv", "licence", "assets/licences", 50, 50},
		{"users-sample.csv", "people", "people", 100, 100},
		{"components-sample.csv", "component", "assets/components", 1, 0},
		{"accessories-sample.csv", "component", "assets/components", 3, 0},
	}
	for _, c := range clean {
		t.Run(c.file, func(t *testing.T) {
			reg := emptyRegister(t, "USD")
			file, _ := filepath.Abs(filepath.Join(snipeDir, c.file))
			out, errOut, code := run(t, nil, "-C", reg, "import", file, "--kind", c.kind)
			if code != 0 {
				t.Fatalf("exit %d: %s%s", code, out, errOut)
			}
			if n := countFiles(t, reg, c.folder); n != c.records {
				t.Errorf("%d files in %s, want %d", n, c.folder, c.records)
			}
			if n := countFiles(t, reg, "people"); n != c.people {
				t.Errorf("%d people, want %d", n, c.people)
			}
			if _, errOut, code := run(t, nil, "-C", reg, "validate"); code != 0 {
				t.Errorf("the imported register does not validate: %s", errOut)
			}
			again, _, code := run(t, nil, "-C", reg, "import", file, "--kind", c.kind)
			if code != 0 || !strings.Contains(again, "\nNothing to import") {
				t.Errorf("a second import changed something (exit %d): %s", code, again)
			}
		})
	}
	dupes := []string{"--map", "13=fields.category_2", "--map", "17=fields.company_2"}
	broken := []struct {
		file string
		maps []string
	}{
		{"assets-sample-BAD.csv", dupes},
		{"assets-sample-BLANKS.csv", nil},
	}
	for _, b := range broken {
		t.Run(b.file, func(t *testing.T) {
			reg := emptyRegister(t, "USD")
			file, _ := filepath.Abs(filepath.Join(snipeDir, b.file))
			args := append([]string{"-C", reg, "import", file, "--kind", "hardware"}, b.maps...)
			_, errOut, code := run(t, nil, args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2 (errors, nothing imported)", code)
			}
			if !strings.Contains(errOut, b.file+":129: column \"Location\": ") {
				t.Errorf("no row-numbered error for row 129's location:\n%s", errOut)
			}
			if n := countFiles(t, reg, "assets/hardware") + countFiles(t, reg, "people"); n != 0 {
				t.Fatalf("%d files written by a refused import", n)
			}
			_, errOut, code = run(t, nil, append(args, "--skip-invalid")...)
			if code != 0 || !strings.Contains(errOut, "skipped 10 rows") {
				t.Fatalf("--skip-invalid: exit %d: %s", code, errOut)
			}
			if n := countFiles(t, reg, "assets/hardware"); n != 190 {
				t.Errorf("%d assets imported, want the 190 valid rows", n)
			}
		})
	}
	t.Run("assets-sample-BAD.csv repeated headers", func(t *testing.T) {
		reg := emptyRegister(t, "USD")
		file, _ := filepath.Abs(filepath.Join(snipeDir, "assets-sample-BAD.csv"))
		_, errOut, code := run(t, nil, "-C", reg, "import", file, "--kind", "hardware")
		if code != 2 || !strings.Contains(errOut, `columns 6 and 13 are both named "Category"`) {
			t.Errorf("exit %d: %s", code, errOut)
		}
	})
}

// TestExportImportRoundTrip: for random assets of every kind, an export
// imported into an empty register gives the same files, and exporting
// those gives the same CSV.
func TestExportImportRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, kind := range asset.Kinds {
		t.Run(string(kind), func(t *testing.T) {
			first := emptyRegister(t, "GBP")
			csv := randomExport(rng, kind, 40)
			src := filepath.Join(t.TempDir(), "in.csv")
			if err := os.WriteFile(src, []byte(csv), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, errOut, code := run(t, nil, "-C", first, "import", src, "--kind", string(kind)); code != 0 {
				t.Fatalf("import: exit %d: %s", code, errOut)
			}
			exported, errOut, code := run(t, nil, "-C", first, "export", "--kind", string(kind), "--format", "csv")
			if code != 0 {
				t.Fatalf("export: %s", errOut)
			}
			second := emptyRegister(t, "GBP")
			copyPeople(t, first, second)
			if err := os.WriteFile(src, []byte(exported), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, errOut, code := run(t, nil, "-C", second, "import", src, "--kind", string(kind)); code != 0 {
				t.Fatalf("import of the export: exit %d: %s", code, errOut)
			}
			sameFiles(t, first, second)
			again, _, _ := run(t, nil, "-C", second, "export", "--kind", string(kind), "--format", "csv")
			if again != exported {
				t.Error("exporting the imported export gives another CSV")
			}
		})
	}
}

// TestExampleRoundTrip: the example register exported and imported again
// is the same, but for the comments CSV cannot carry.
func TestExampleRoundTrip(t *testing.T) {
	src := exampleCopy(t)
	dst := emptyRegister(t, "GBP")
	copyPeople(t, src, dst)
	data, _ := os.ReadFile(filepath.Join(src, asset.ConfigFile))
	os.WriteFile(filepath.Join(dst, asset.ConfigFile), data, 0o644)
	for _, k := range asset.Kinds {
		out, errOut, code := run(t, nil, "-C", src, "export", "--kind", string(k), "--format", "csv")
		if code != 0 {
			t.Fatal(errOut)
		}
		file := filepath.Join(t.TempDir(), string(k)+".csv")
		os.WriteFile(file, []byte(out), 0o644)
		if _, errOut, code := run(t, nil, "-C", dst, "import", file, "--kind", string(k)); code != 0 {
			t.Fatalf("%s: %s", k, errOut)
		}
	}
	withComments := 0
	filepath.WalkDir(filepath.Join(src, "assets"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		want, _ := os.ReadFile(path)
		got, err := os.ReadFile(filepath.Join(dst, rel))
		if err != nil {
			t.Errorf("%s was not imported", rel)
			return nil
		}
		if strings.Contains(string(want), "#") && strings.Contains(string(want), "\n  #") {
			withComments++
			return nil
		}
		if string(got) != string(want) {
			t.Errorf("%s differs after export and import:\n%s\nwant:\n%s", rel, got, want)
		}
		return nil
	})
	if withComments > 2 {
		t.Errorf("%d files skipped for their comments, want at most 2", withComments)
	}
}

func copyPeople(t *testing.T, from, to string) {
	entries, _ := os.ReadDir(filepath.Join(from, "people"))
	os.MkdirAll(filepath.Join(to, "people"), 0o755)
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(from, "people", e.Name()))
		os.WriteFile(filepath.Join(to, "people", e.Name()), data, 0o644)
	}
}

func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	list := func(root string) map[string]string {
		out := map[string]string{}
		filepath.WalkDir(filepath.Join(root, "assets"), func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(root, path)
				data, _ := os.ReadFile(path)
				out[rel] = string(data)
			}
			return nil
		})
		return out
	}
	fa, fb := list(a), list(b)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for rel, data := range fa {
		if fb[rel] != data {
			t.Errorf("%s differs:\n%s\n---\n%s", rel, data, fb[rel])
		}
	}
}

// randomExport writes n random assets of a kind in export's CSV form:
// every field the kind has, some left empty, some custom fields, and a
// valid history.
func randomExport(rng *rand.Rand, kind asset.Kind, n int) string {
	paths := importer.FieldPaths(kind)
	header := append([]string{"id"}, paths...)
	header = append(header, "fields.cost_centre", "fields.asset_tag")
	var b strings.Builder
	b.WriteString(strings.Join(header, ",") + "\n")
	for i := 0; i < n; i++ {
		row := []string{fmt.Sprintf("X-%04d", i+1)}
		bought := asset.NewDate(2020+rng.IntN(5), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		renews := rng.IntN(2) == 0 // a record renews or expires, not both
		for _, p := range paths {
			v := randomValue(rng, kind, p, bought)
			switch {
			case p == "serial" && v != "":
				v += fmt.Sprintf("-%d", i) // serials are unique
			case p == "renews" && !renews, p == "expires" && renews && kind != asset.Domain && kind != asset.Certificate:
				v = ""
			}
			row = append(row, v)
		}
		row = append(row, []string{"", "CC-" + fmt.Sprint(rng.IntN(99)), "2028-01-0" + fmt.Sprint(1+rng.IntN(9))}[rng.IntN(3)], fmt.Sprint(rng.IntN(1e6)))
		for j, c := range row {
			if strings.ContainsAny(c, ",\"\n") {
				row[j] = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
		}
		b.WriteString(strings.Join(row, ",") + "\n")
	}
	return b.String()
}

func randomValue(rng *rand.Rand, kind asset.Kind, path string, bought asset.Date) string {
	switch {
	case path == "depreciation.salvage":
		return "" // kept below any cost, in one currency: see depreciation tests
	case path == "depreciation.life":
		return fmt.Sprintf("%dm", 12*(1+rng.IntN(5))) // a method needs its life
	case path == "fingerprint":
		pairs := make([]string, 32) // SHA-256, as bad-fingerprint wants it
		for i := range pairs {
			pairs[i] = fmt.Sprintf("%02x", rng.IntN(256))
		}
		return strings.Join(pairs, ":")
	}
	if path != "name" && rng.IntN(3) == 0 {
		return ""
	}
	f, _ := asset.LookupField(path, kind)
	switch f.Type {
	case asset.TDate:
		switch path {
		case "purchase.date", "not_before", "starts":
			return bought.String()
		}
		return bought.AddMonths(12 + rng.IntN(48)).String()
	case asset.TDuration:
		if path == "depreciation.life" {
			return fmt.Sprintf("%dm", 12*(1+rng.IntN(5)))
		}
		return []string{"1y", "36m", "90d", "6w"}[rng.IntN(4)]
	case asset.TMoney:
		return []string{fmt.Sprintf("%d.%02d", rng.IntN(5000), rng.IntN(100)), fmt.Sprintf("%d", rng.IntN(900)), fmt.Sprintf("%d.50 USD", rng.IntN(90))}[rng.IntN(3)]
	case asset.TInt:
		return fmt.Sprint(rng.IntN(200))
	case asset.TBool:
		return []string{"true", "false"}[rng.IntN(2)]
	case asset.TEnum:
		if path == "depreciation.method" {
			return "straight_line"
		}
		return f.Enum[rng.IntN(len(f.Enum))]
	case asset.TRate:
		return ""
	case asset.TStrings:
		return []string{"a", "a, b", "team-x, London, 2026"}[rng.IntN(3)]
	case asset.TPerson:
		return ""
	}
	words := []string{"Dell", "Latitude 7440", "London, 2nd floor", `say "hi"`, "ünïcödé", "123", "yes", "2024-01-01", "a: b", "#hash"}
	return words[rng.IntN(len(words))] + fmt.Sprint(rng.IntN(10))
}
