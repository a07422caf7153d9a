package diff_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/itrack/itrack/pkg/diff"
	"github.com/itrack/itrack/pkg/internal/must"
	"github.com/itrack/itrack/pkg/register"
)

func writeRegister(t *testing.T, files map[string]string) *register.Register {
	t.Helper()
	dir := t.TempDir()
	files["itrack.yaml"] = "name: Test\ncurrency: GBP\n"
	must.WriteFiles(t, dir, files)
	reg, err := register.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// Two folders differ in the files whose bytes differ, and in the files
// only one of them has.
func TestFromFolders(t *testing.T) {
	base := writeRegister(t, map[string]string{
		"assets/hardware/LT-1.yaml": "name: One\n",
		"assets/hardware/LT-2.yaml": "name: Two\n",
		"assets/hardware/LT-3.yaml": "name: Three\n",
	})
	head := writeRegister(t, map[string]string{
		"assets/hardware/LT-1.yaml": "name: One\n",
		"assets/hardware/LT-2.yaml": "name: Two, renamed\n",
		"assets/hardware/LT-4.yaml": "name: Four\n",
	})
	in := diff.FromFolders(base, head)
	type change struct{ old, new, head string }
	var got []change
	for _, f := range in.Files {
		got = append(got, change{f.Old, f.New, string(f.Head)})
	}
	want := []change{
		{"assets/hardware/LT-2.yaml", "assets/hardware/LT-2.yaml", "name: Two, renamed\n"},
		{"assets/hardware/LT-3.yaml", "", ""},
		{"", "assets/hardware/LT-4.yaml", "name: Four\n"},
	}
	if len(got) != len(want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("file %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if in.Config == nil || in.Config.Name != "Test" {
		t.Errorf("config %+v: want the head's", in.Config)
	}
}

// A record moved to a new file in the same folder is a rename, as git
// finds them: at least half its lines in common. An unlike pair is a
// deletion and an addition.
func TestFromFoldersFindsRenames(t *testing.T) {
	laptop := "name: Dell Latitude 7440\nserial: 5CG3411JQX\nlocation: London\nhistory:\n  - date: 2025-01-12\n    event: assigned\n    to: alice\n"
	base := writeRegister(t, map[string]string{
		"assets/hardware/LT-0001.yaml": laptop,
		"assets/hardware/MON-1.yaml":   "name: Monitor\nserial: AAA\n",
	})
	head := writeRegister(t, map[string]string{
		"assets/hardware/LT-0101.yaml": strings.Replace(laptop, "London", "Leeds", 1),
		"assets/hardware/DOCK-1.yaml":  "name: Dock\nserial: BBB\n",
	})
	in := diff.FromFolders(base, head)
	var got []string
	for _, f := range in.Files {
		got = append(got, f.Old+" -> "+f.New)
	}
	want := []string{" -> assets/hardware/DOCK-1.yaml", "assets/hardware/LT-0001.yaml -> assets/hardware/LT-0101.yaml", "assets/hardware/MON-1.yaml -> "}
	if !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
}
