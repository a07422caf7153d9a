package register

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile replaces the file at rel atomically: the data goes to a
// temporary file in the same folder, is flushed to disk, and is renamed over
// the old file, so a reader or a crash sees either the old file or the new
// one, never half of one. The folder is created when missing.
func (r *Register) WriteFile(rel string, data []byte) error {
	return writeFile(r.Abs(rel), data)
}

// writeFile is how files are written; a test replaces it to make a write
// fail half-way through a batch.
var writeFile = writeAtomic

// WriteBatch writes several files as one change: each atomically, and when
// one cannot be written, the ones already written are put back as they
// were (or removed, if they are new), so the batch is all or nothing.
func (r *Register) WriteBatch(files map[string][]byte, order []string) error {
	before := map[string][]byte{}
	for i, rel := range order {
		if old, err := os.ReadFile(r.Abs(rel)); err == nil {
			before[rel] = old
		}
		if err := r.WriteFile(rel, files[rel]); err != nil {
			for _, done := range order[:i] {
				if old, ok := before[done]; ok {
					_ = writeAtomic(r.Abs(done), old)
				} else {
					_ = os.Remove(r.Abs(done))
				}
			}
			return fmt.Errorf("cannot write %s: %v", rel, err)
		}
	}
	return nil
}

func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot replace %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable. Not every OS can sync a folder (Windows
// cannot); the rename is still atomic there.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// CreateFile writes a new file at rel, refusing to replace one that exists.
// It must be called under the register lock, which makes the check and the
// write one step for every itrack process.
func (r *Register) CreateFile(rel string, data []byte) error {
	if _, err := os.Lstat(r.Abs(rel)); err == nil {
		return fmt.Errorf("%s already exists", rel)
	}
	return r.WriteFile(rel, data)
}
