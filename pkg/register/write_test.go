package register

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteBatchIsAllOrNothing: when the third file of a batch cannot be
// written, the two written before it are put back, and a new one removed.
func TestWriteBatchIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	r := &Register{Root: dir}
	old := map[string]string{"a.yaml": "name: A\n", "b.yaml": "name: B\n", "c.yaml": "name: C\n"}
	for rel, text := range old {
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer func(rename func(string, string) error) { renameInto = rename }(renameInto)
	renames := 0
	renameInto = func(from, to string) error {
		if renames++; renames == 3 {
			return errors.New("disk full")
		}
		return os.Rename(from, to)
	}
	files := map[string][]byte{"a.yaml": []byte("name: A2\n"), "new.yaml": []byte("name: N\n"), "c.yaml": []byte("name: C2\n")}
	err := r.WriteBatch(files, []string{"a.yaml", "new.yaml", "c.yaml"})
	if err == nil {
		t.Fatal("the batch succeeded, want the third write's error")
	}
	for rel, text := range old {
		if got, _ := os.ReadFile(filepath.Join(dir, rel)); string(got) != text {
			t.Errorf("%s = %q after a failed batch, want %q", rel, got, text)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "new.yaml")); !os.IsNotExist(err) {
		t.Error("the new file of a failed batch is still there")
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
