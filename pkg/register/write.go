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
	return writeAtomic(r.Abs(rel), data)
}

// WriteBatch writes several files as one change: each atomically, and when
// one cannot be written, the ones already written are put back as they
// were (or removed, if they are new), so the batch is all or nothing.
//
// The new contents go to temporary files first, written by several workers
// at once and flushed to disk; then each is renamed over its file, and each
// folder is flushed once. A large batch (an import) is flushed by one
// syncfs call where the OS has one, so it costs a little more than writing
// its files, not a flush per file.
func (r *Register) WriteBatch(files map[string][]byte, order []string) error {
	if len(order) == 1 {
		return r.WriteFile(order[0], files[order[0]]) // one file: nothing to put back
	}
	flushAtOnce := canSyncFS && len(order) >= syncFSMin
	temps := make([]string, len(order))
	errs := make([]error, len(order))
	Parallel(len(order), func(i int) {
		temps[i], errs[i] = writeTemp(r.Abs(order[i]), files[order[i]], !flushAtOnce)
	})
	cleanup := func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
	}
	for i, err := range errs {
		if err != nil {
			cleanup()
			return fmt.Errorf("cannot write %s: %v", order[i], err)
		}
	}
	if flushAtOnce {
		if err := syncFS(r.Root); err != nil {
			cleanup()
			return fmt.Errorf("cannot flush the register to disk: %v", err)
		}
	}
	before := map[string][]byte{}
	dirs := map[string]bool{}
	for i, rel := range order {
		path := r.Abs(rel)
		if old, err := os.ReadFile(path); err == nil {
			before[rel] = old
		}
		if err := renameInto(temps[i], path); err != nil {
			for _, done := range order[:i] {
				if old, ok := before[done]; ok {
					_ = writeAtomic(r.Abs(done), old)
				} else {
					_ = os.Remove(r.Abs(done))
				}
			}
			cleanup()
			return fmt.Errorf("cannot write %s: %v", rel, err)
		}
		temps[i] = ""
		dirs[filepath.Dir(path)] = true
	}
	for d := range dirs {
		syncDir(d)
	}
	return nil
}

// renameInto moves a written temporary file over its target; a test
// replaces it to make one fail half-way through a batch.
var renameInto = os.Rename

// syncFSMin is the smallest batch flushed by one syncfs call rather than a
// flush per file: syncfs also flushes whatever else is waiting on that
// disk, which costs more than a few single flushes.
const syncFSMin = 64

// writeTemp writes data to a new temporary file in the folder of path,
// flushed to disk when flush is set, and returns its name.
func writeTemp(path string, data []byte, flush bool) (string, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil && flush {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

func writeAtomic(path string, data []byte) error {
	tmp, err := writeTemp(path, data, true)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot replace %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
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
