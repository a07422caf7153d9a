package register

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadInputStopsAtTheLimit: a file named on the command line is read
// up to its limit and refused past it, with the name the person gave.
func TestReadInputStopsAtTheLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(strings.Repeat("x", 101)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadInput(path, "big.csv", 100); err == nil || err.Error() != "big.csv is over the 100 bytes limit for this input: itrack stopped reading it" {
		t.Errorf("over the limit: %v", err)
	}
	if data, err := ReadInput(path, "big.csv", 101); err != nil || len(data) != 101 {
		t.Errorf("at the limit: %d bytes, %v", len(data), err)
	}
	if _, err := ReadInput(filepath.Dir(path), "dir", 100); err == nil || !strings.Contains(err.Error(), "it is a folder, not a file") {
		t.Errorf("a folder: %v", err)
	}
}

// TestReadFileRefusesWhatIsNotARegularFile: inside the register, a link
// (to a file or to a folder) is never followed, and a record over the
// limit is not read past it.
func TestReadFileRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	r := &Register{Root: dir}
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "x.yaml"), []byte("name: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(r.Abs("assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, r.Abs("assets/hardware")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Symlink(filepath.Join(outside, "x.yaml"), r.Abs("assets/x.yaml")); err != nil {
		t.Fatal(err)
	}
	var nr *NotRegularError
	if _, err := r.ReadFile("assets/hardware/x.yaml"); !errors.As(err, &nr) || nr.Rel != "assets/hardware" || !nr.Folder {
		t.Errorf("through a linked folder: %v", err)
	}
	if _, err := r.ReadFile("assets/x.yaml"); !errors.As(err, &nr) || nr.Rel != "assets/x.yaml" || nr.Folder {
		t.Errorf("a linked file: %v", err)
	}
	if err := r.WriteFile("assets/hardware/y.yaml", []byte("name: y\n")); !errors.As(err, &nr) {
		t.Errorf("a write through a linked folder: %v", err)
	}
	if _, err := os.Lstat(filepath.Join(outside, "y.yaml")); err == nil {
		t.Error("a write went through the link, outside the register")
	}
	if err := os.WriteFile(r.Abs("assets/big.yaml"), make([]byte, 1<<20+1), 0o644); err != nil {
		t.Fatal(err)
	}
	var tl *TooLargeError
	if _, err := r.ReadFile("assets/big.yaml"); !errors.As(err, &tl) || tl.Path != "assets/big.yaml" {
		t.Errorf("over 1 MiB: %v", err)
	}
}
