package register

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteBatchIsAllOrNothing: when a file of a batch cannot be written,
// the ones written before it are put back, and new ones removed; for a
// small batch (a flush per file) and a large one (one flush for all).
func TestWriteBatchIsAllOrNothing(t *testing.T) {
	for _, size := range []int{3, syncFSMin + 6} {
		t.Run(fmt.Sprintf("files=%d", size), func(t *testing.T) {
			dir := t.TempDir()
			r := &Register{Root: dir}
			old := map[string]string{}
			files := map[string][]byte{}
			var order []string
			for i := range size {
				rel := fmt.Sprintf("f%03d.yaml", i)
				if i%2 == 0 { // every other file exists, the rest are new
					old[rel] = fmt.Sprintf("name: old %d\n", i)
					if err := os.WriteFile(filepath.Join(dir, rel), []byte(old[rel]), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				files[rel] = fmt.Appendf(nil, "name: new %d\n", i)
				order = append(order, rel)
			}
			defer func(rename func(string, string) error) { renameInto = rename }(renameInto)
			renames := 0
			renameInto = func(from, to string) error {
				if renames++; renames == size {
					return errors.New("disk full")
				}
				return os.Rename(from, to)
			}
			if err := r.WriteBatch(files, order); err == nil {
				t.Fatal("the batch succeeded, want the last write's error")
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != len(old) {
				t.Errorf("%d files after a failed batch, want the %d there before", len(entries), len(old))
			}
			for rel, text := range old {
				if got, _ := os.ReadFile(filepath.Join(dir, rel)); string(got) != text {
					t.Errorf("%s = %q after a failed batch, want %q", rel, got, text)
				}
			}
		})
	}
}

// TestWriteBatchWritesEveryFile: a batch that succeeds leaves each file
// with its new contents and nothing else behind, in both flush modes.
func TestWriteBatchWritesEveryFile(t *testing.T) {
	for _, size := range []int{3, syncFSMin + 6} {
		t.Run(fmt.Sprintf("files=%d", size), func(t *testing.T) {
			dir := t.TempDir()
			r := &Register{Root: dir}
			files := map[string][]byte{}
			var order []string
			for i := range size {
				rel := fmt.Sprintf("sub/f%03d.yaml", i)
				files[rel] = fmt.Appendf(nil, "name: %d\n", i)
				order = append(order, rel)
			}
			if err := r.WriteBatch(files, order); err != nil {
				t.Fatal(err)
			}
			entries, _ := os.ReadDir(filepath.Join(dir, "sub"))
			if len(entries) != size {
				t.Errorf("%d files written, want %d", len(entries), size)
			}
			for rel, want := range files {
				if got, _ := os.ReadFile(filepath.Join(dir, rel)); string(got) != string(want) {
					t.Errorf("%s = %q, want %q", rel, got, want)
				}
			}
		})
	}
}

// TestWriteBatchLeavesNoTemporaryFiles: a failed batch cleans up after
// itself.
func TestWriteBatchLeavesNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	r := &Register{Root: dir}
	defer func(rename func(string, string) error) { renameInto = rename }(renameInto)
	renameInto = func(string, string) error { return errors.New("no") }
	if err := r.WriteBatch(map[string][]byte{"a.yaml": []byte("x\n"), "b.yaml": []byte("y\n")}, []string{"a.yaml", "b.yaml"}); err == nil {
		t.Fatal("the batch succeeded")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("left behind: %s", e.Name())
	}
}
