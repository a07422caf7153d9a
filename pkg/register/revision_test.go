package register

import (
	"maps"
	"slices"
	"testing"
)

// TestFolderReferrersSearchesTheGivenFiles: a folder's referrers come from
// the contents diff has read already, matched as whole words.
func TestFolderReferrersSearchesTheGivenFiles(t *testing.T) {
	files := map[string][]byte{
		"assets/components/RAM-1.yaml": []byte("name: RAM\nhistory:\n  - date: 2024-01-01\n    event: installed\n    in: LT-1\n"),
		"assets/components/RAM-2.yaml": []byte("name: RAM\nhistory:\n  - date: 2024-01-01\n    event: installed\n    in: LT-10\n"),
		"assets/hardware/LT-1.yaml":    []byte("name: Laptop\n"),
	}
	r := &Register{Root: t.TempDir()} // empty: nothing is read from disk
	got, err := r.Folder(files).Referrers([]string{"LT-1"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"assets/components/RAM-1.yaml"}; !slices.Equal(slices.Sorted(maps.Keys(got)), want) {
		t.Errorf("referrers of LT-1 = %v, want %v", slices.Sorted(maps.Keys(got)), want)
	}
}
