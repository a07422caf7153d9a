package register

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/itrack/itrack/pkg/asset"
)

// NextID through the ID summary gives what listing every folder gives,
// whatever files appear: through add (CreateFile, which updates the
// summary), behind its back, in another case, with other widths and
// prefixes, in other kinds' folders.
func TestNextIDFromTheSummaryIsNextIDFromTheFolders(t *testing.T) {
	if _, ok := identify("."); !ok {
		t.Skip("the index is not used on this system")
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 3))
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, asset.ConfigFile), []byte("name: T\ncurrency: GBP\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	kinds := []asset.Kind{asset.Hardware, asset.Component, asset.Licence}
	fromSummary := 0
	for step := range 400 {
		kind := kinds[rng.IntN(len(kinds))]
		plain := &Register{Root: dir, Config: r.Config, NoIndex: true}
		want, err := plain.NextID(kind)
		if err != nil {
			t.Fatal(err)
		}
		if r.readIDs() != nil {
			fromSummary++
		}
		got, err := r.NextID(kind)
		if err != nil || got != want {
			t.Fatalf("step %d, %s: NextID gave %q (%v), listing the folders %q", step, kind, got, err, want)
		}
		switch rng.IntN(4) {
		case 0, 1: // add records it
			if err := r.CreateFile(AssetPath(kind, got), []byte("name: X\n")); err != nil {
				t.Fatal(err)
			}
			r.ids = nil
		default: // a file that add did not write
			prefix := []string{"HW", "hw", "CMP", "LIC", "Lic", "HW-A", "X"}[rng.IntN(7)]
			id := fmt.Sprintf("%s-%0*d", prefix, 1+rng.IntN(6), rng.IntN(30))
			k := kinds[rng.IntN(len(kinds))]
			path := filepath.Join(dir, filepath.FromSlash(AssetPath(k, id)))
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, []byte("name: Y\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if fromSummary < 100 {
		t.Errorf("only %d of 400 answers came from the summary: the test proves little", fromSummary)
	}
}
