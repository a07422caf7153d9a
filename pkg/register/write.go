package register

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// WriteFile replaces the file at rel atomically: the data goes to a
// temporary file in the same folder, is flushed to disk, and is renamed over
// the old file, so a reader or a crash sees either the old file or the new
// one, never half of one. Missing folders are created; the file keeps its
// permission bits.
func (r *Register) WriteFile(rel string, data []byte) error {
	if err := r.makeFolders(rel); err != nil {
		return err
	}
	mode, err := r.targetMode(rel)
	if err != nil {
		return err
	}
	return writeAtomic(r.Abs(rel), data, mode)
}

// targetMode checks that the file at rel may be replaced and returns the
// permission bits its new version keeps: its own, or 0644 for a new file.
// Only a regular file is replaced, never a link, and never a file its
// owner may not write.
func (r *Register) targetMode(rel string) (fs.FileMode, error) {
	st, err := os.Lstat(r.Abs(rel))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0o644, nil
	case err != nil:
		return 0, fmt.Errorf("cannot write %s: %w", rel, unwrapPath(err))
	case !st.Mode().IsRegular():
		return 0, &NotRegularError{Rel: rel, What: describeType(st.Mode())}
	case st.Mode().Perm()&0o200 == 0:
		return 0, &ReadOnlyError{Rel: rel, Mode: st.Mode()}
	}
	return st.Mode().Perm(), nil
}

// WriteBatch writes several files as one change, all or nothing, even
// when the process is killed half-way:
//
//  1. the new contents go to temporary files (several workers at once),
//     flushed to disk;
//  2. a journal naming every temporary file and its target is written and
//     flushed: from here on, the batch is as good as done;
//  3. each temporary file is renamed over its target;
//  4. the journal is removed.
//
// A crash before 2 leaves temporary files only, which the next writer
// removes; a crash after it leaves a journal, from which the next writer
// completes the renames (see Lock). A rename that fails with the process
// alive puts back the files already written.
//
// A large batch (an import) is flushed by one syncfs call where the OS has
// one, so it costs a little more than writing its files, not a flush per
// file.
func (r *Register) WriteBatch(files map[string][]byte, order []string) error {
	if len(order) == 1 {
		return r.WriteFile(order[0], files[order[0]]) // one rename: atomic already
	}
	dirs := map[string]bool{}
	for _, rel := range order {
		if dir := path.Dir(rel); !dirs[dir] {
			if err := r.makeFolders(rel); err != nil {
				return err
			}
			dirs[dir] = true
		}
	}
	flushAtOnce := canSyncFS && len(order) >= syncFSMin
	modes := make([]fs.FileMode, len(order))
	temps := make([]string, len(order))
	sums := make([]string, len(order))
	errs := make([]error, len(order))
	Parallel(len(order), func(i int) {
		rel := order[i]
		if modes[i], errs[i] = r.targetMode(rel); errs[i] != nil {
			return
		}
		if temps[i], errs[i] = writeTemp(r.Abs(rel), files[rel], modes[i], !flushAtOnce); errs[i] != nil {
			errs[i] = fmt.Errorf("cannot write %s: %v", rel, errs[i])
			return
		}
		sums[i] = contentSum(files[rel])
	})
	cleanup := func() {
		for _, t := range temps {
			if t != "" {
				os.Remove(t)
			}
		}
	}
	for _, err := range errs {
		if err != nil {
			cleanup()
			return err
		}
	}
	if flushAtOnce {
		if err := syncFS(r.Root); err != nil {
			cleanup()
			return fmt.Errorf("cannot flush the register to disk: %v", err)
		}
	}
	j := &journal{}
	for i, rel := range order {
		j.entries = append(j.entries, journalEntry{temp: path.Join(path.Dir(rel), filepath.Base(temps[i])), target: rel, sum: sums[i]})
	}
	if err := r.writeJournal(j); err != nil {
		cleanup()
		return err
	}
	before := map[string][]byte{}
	for i, rel := range order {
		abs := r.Abs(rel)
		if old, err := os.ReadFile(abs); err == nil {
			before[rel] = old
		}
		if err := renameInto(temps[i], abs); err != nil {
			for k, done := range order[:i] {
				if old, ok := before[done]; ok {
					_ = writeAtomic(r.Abs(done), old, modes[k])
				} else {
					_ = os.Remove(r.Abs(done))
				}
			}
			cleanup()
			r.removeJournal()
			return fmt.Errorf("cannot write %s: %v", rel, err)
		}
		temps[i] = ""
	}
	for d := range dirs {
		syncDir(r.Abs(d))
	}
	r.removeJournal()
	return nil
}

// renameInto moves a written temporary file over its target; a test
// replaces it to make one fail half-way through a batch.
var renameInto = os.Rename

// syncFSMin is the smallest batch flushed by one syncfs call rather than a
// flush per file: syncfs also flushes whatever else is waiting on that
// disk, which costs more than a few single flushes.
const syncFSMin = 64

// tempSuffix ends the name of every temporary file itrack writes. The
// name is a dot, the target's name, a dot, random digits and the suffix
// (.LT-0001.yaml.123456.tmp), the pattern `itrack init` lists in
// .gitignore.
const tempSuffix = ".tmp"

// IsTempName says whether a file name is that of one of itrack's temporary
// files, which a crash can leave behind.
func IsTempName(name string) bool {
	rest, ok := strings.CutPrefix(name, ".")
	if !ok {
		return false
	}
	rest, ok = strings.CutSuffix(rest, tempSuffix)
	i := strings.LastIndexByte(rest, '.')
	if !ok || i < 1 || i == len(rest)-1 {
		return false
	}
	for _, c := range rest[i+1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// writeTemp writes data to a new temporary file in the folder of path,
// with the given permission bits, flushed to disk when flush is set, and
// returns its name.
func writeTemp(path string, data []byte, mode fs.FileMode, flush bool) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*"+tempSuffix)
	if err != nil {
		return "", err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(mode)
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

func writeAtomic(path string, data []byte, mode fs.FileMode) error {
	tmp, err := writeTemp(path, data, mode, true)
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

// CreateFile writes a new file at rel, refusing to replace one that exists
// (a link included). It must be called under the register lock, which
// makes the check and the write one step for every itrack process.
func (r *Register) CreateFile(rel string, data []byte) error {
	if err := r.makeFolders(rel); err != nil {
		return err
	}
	if _, err := os.Lstat(r.Abs(rel)); err == nil {
		return fmt.Errorf("%s already exists", rel)
	}
	if err := writeAtomic(r.Abs(rel), data, 0o644); err != nil {
		return err
	}
	r.noteCreated(rel)
	return nil
}
