package register

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// crashAt runs a batch whose k-th rename never happens: the process
// "dies" there (a panic that skips every clean-up, as SIGKILL would).
func crashAt(t *testing.T, r *Register, files map[string][]byte, order []string, k int) {
	t.Helper()
	defer func(rename func(string, string) error) { renameInto = rename }(renameInto)
	renames := 0
	renameInto = func(from, to string) error {
		if renames++; renames == k {
			panic("killed")
		}
		return os.Rename(from, to)
	}
	defer func() {
		if recover() == nil {
			t.Fatal("the batch finished, want it interrupted")
		}
	}()
	_ = r.WriteBatch(files, order)
}

// TestLockCompletesAnInterruptedBatch: a batch interrupted after its
// journal is written, at any rename, is completed by the next writer to
// take the lock, which says so; nothing temporary is left.
func TestLockCompletesAnInterruptedBatch(t *testing.T) {
	const size = 5
	for k := 1; k <= size; k++ {
		t.Run(fmt.Sprintf("killed-at-rename-%d", k), func(t *testing.T) {
			dir := t.TempDir()
			r := &Register{Root: dir}
			files := map[string][]byte{}
			var order []string
			for i := range size {
				rel := fmt.Sprintf("assets/hardware/HW-%04d.yaml", i)
				if i%2 == 0 {
					if err := r.WriteFile(rel, []byte("name: old\n")); err != nil {
						t.Fatal(err)
					}
				}
				files[rel] = fmt.Appendf(nil, "name: new %d\n", i)
				order = append(order, rel)
			}
			crashAt(t, r, files, order, k)
			if f := r.Unfinished(); len(f) != 1 || f[0].Rule != "unfinished-write" {
				t.Errorf("Unfinished() = %v, want one unfinished-write finding", f)
			}
			unlock, notes, err := r.Lock()
			if err != nil {
				t.Fatal(err)
			}
			unlock()
			want := fmt.Sprintf("completed the change of %d files that an interrupted itrack command had begun (%d were still to rename)", size, size-k+1)
			if !slices.Contains(notes, want) {
				t.Errorf("notes = %q, want %q among them", notes, want)
			}
			for rel, data := range files {
				if got, _ := os.ReadFile(filepath.Join(dir, rel)); string(got) != string(data) {
					t.Errorf("%s = %q, want %q", rel, got, data)
				}
			}
			assertNoTemps(t, dir)
			if f := r.Unfinished(); len(f) != 0 {
				t.Errorf("Unfinished() after recovery = %v", f)
			}
		})
	}
}

// TestLockRemovesTempsOfABatchKilledBeforeItsJournal: killed before the
// journal, the batch has not happened; the next writer removes its
// temporary files because the lock file still says a writer was at work.
func TestLockRemovesTempsOfABatchKilledBeforeItsJournal(t *testing.T) {
	dir := t.TempDir()
	r := &Register{Root: dir}
	unlock, _, err := r.Lock()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(r.Abs("assets/hardware"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := writeTemp(r.Abs(fmt.Sprintf("assets/hardware/f%d.yaml", i)), []byte("x"), 0o644, false); err != nil {
			t.Fatal(err)
		}
	}
	// the writer dies holding the lock: the OS releases it, the mark stays
	mark, _ := os.ReadFile(filepath.Join(dir, LockFile))
	unlock()
	if err := os.WriteFile(filepath.Join(dir, LockFile), mark, 0o644); err != nil {
		t.Fatal(err)
	}
	unlock, notes, err := r.Lock()
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	if want := "removed 3 temporary files left by an interrupted itrack command"; !slices.Contains(notes, want) {
		t.Errorf("notes = %q, want %q", notes, want)
	}
	assertNoTemps(t, dir)

	// a writer that finished cleanly leaves nothing to do
	unlock, notes, err = r.Lock()
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	if len(notes) != 0 {
		t.Errorf("notes after a clean write = %q", notes)
	}
}

func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && (IsTempName(d.Name()) || strings.Contains(d.Name(), "journal")) {
			t.Errorf("left behind: %s", path)
		}
		return nil
	})
}

// TestDecodeJournalRefusesPathsOutsideTheRegister: a journal names record
// files and their temporary files in the same folder, nothing else, so a
// forged one cannot make recovery rename a file outside the register.
func TestDecodeJournalRefusesPathsOutsideTheRegister(t *testing.T) {
	sum := strings.Repeat("0", 64)
	good := journalHeader + "\n" + sum + " assets/hardware/.A.yaml.1.tmp assets/hardware/A.yaml\nend 1\n"
	if _, err := decodeJournal([]byte(good)); err != nil {
		t.Fatalf("a good journal: %v", err)
	}
	for _, entry := range []string{
		sum + " ../.A.yaml.1.tmp ../A.yaml",
		sum + " /tmp/.A.yaml.1.tmp /tmp/A.yaml",
		sum + " assets/.A.yaml.1.tmp assets/hardware/A.yaml",   // another folder
		sum + " assets/hardware/B.yaml assets/hardware/A.yaml", // not a temporary file
		sum + " assets/hardware/.A.yaml.1.tmp assets/hardware/A.txt",
		sum + " assets/hardware/.A.yaml.1.tmp assets/hardware/../../A.yaml",
		sum + " assets\\hardware\\.A.yaml.1.tmp assets\\hardware\\A.yaml",
		"abc assets/hardware/.A.yaml.1.tmp assets/hardware/A.yaml",
	} {
		if _, err := decodeJournal([]byte(journalHeader + "\n" + entry + "\nend 1\n")); err == nil {
			t.Errorf("decodeJournal accepted %q", entry)
		}
	}
	for _, text := range []string{"", journalHeader + "\n", strings.TrimSuffix(good, "end 1\n"), good + "extra\n", strings.Replace(good, "end 1", "end 2", 1)} {
		if _, err := decodeJournal([]byte(text)); err == nil {
			t.Errorf("decodeJournal accepted a journal that is not whole: %q", text)
		}
	}
}

func TestIsTempName(t *testing.T) {
	for name, want := range map[string]bool{
		".LT-0001.yaml.123456.tmp": true,
		".itrack.yaml.1.tmp":       true,
		".itrack-journal.42.tmp":   true,
		"LT-0001.yaml.123.tmp":     false, // not hidden
		".LT-0001.yaml.tmp":        false, // no digits
		".LT-0001.yaml.12a.tmp":    false,
		"..1.tmp":                  false,
		".x.1.tmpx":                false,
		".gitkeep":                 false,
	} {
		if got := IsTempName(name); got != want {
			t.Errorf("IsTempName(%q) = %v, want %v", name, got, want)
		}
	}
}
