package register

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// LockFile is the file writers lock: in the .git folder when the register
// is the top of a git repository, else in the register (and `itrack init`
// lists it in .gitignore).
const LockFile = ".itrack.lock"

// Ignored are the .gitignore patterns of the files itrack keeps beside a
// register that is not the top of a git repository: the lock, the journal
// of a batch write, and the temporary files a crash can leave.
var Ignored = []string{LockFile, ".itrack-journal", ".*" + tempSuffix}

// metaPath names a file of itrack's own beside the register (the lock, the
// journal): inside .git when the register is the top of a repository, so
// `git status` never shows it, else at the root under a dotted name that
// `itrack init` lists in .gitignore.
func (r *Register) metaPath(name string) (abs, rel string) {
	if st, err := os.Lstat(r.Abs(".git")); err == nil && st.IsDir() {
		return r.Abs(".git/itrack" + name), ".git/itrack" + name
	}
	return r.Abs(".itrack" + name), ".itrack" + name
}

// lockTimeout is how long a writer waits for another to finish.
const lockTimeout = 30 * time.Second

// Lock takes the register's exclusive writer lock, waiting for other itrack
// processes that hold it. The lock is an OS file lock, so it is released
// even when a process dies.
//
// While a writer holds the lock, the lock file says so; a writer that finds
// it saying so after taking the lock knows the one before it was killed,
// and first puts the register right: it completes a batch that a journal
// names and removes the temporary files left behind. Notes say what it
// did, for the person to see.
func (r *Register) Lock() (unlock func(), notes []string, err error) {
	abs, rel := r.metaPath(".lock")
	f, err := openLockFile(abs)
	if err != nil {
		return nil, nil, lockError(rel, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("cannot open the lock file %s: %v", rel, unwrapPath(err))
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, &NotRegularError{Rel: rel, What: describeType(st.Mode())}
	}
	deadline := time.Now().Add(lockTimeout)
	for {
		ok, err := tryLockFile(f)
		if err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("cannot lock %s: %v", rel, unwrapPath(err))
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, nil, fmt.Errorf("the register is locked by another itrack process (waited %s): try again when it has finished", lockTimeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
	var mark [64]byte
	n, _ := f.ReadAt(mark[:], 0)
	notes = r.recoverWrites(n > 0)
	// without the mark a crash still leaves its journal, which is found
	// anyway; only stray temporary files would wait for `itrack fmt`
	if f.Truncate(0) == nil {
		_, _ = f.WriteAt(fmt.Appendf(nil, "itrack %d writing\n", os.Getpid()), 0)
	}
	return func() {
		_ = f.Truncate(0) // the write finished: nothing to put right
		_ = unlockFile(f)
		f.Close()
	}, notes, nil
}

// lockError says why the lock file could not be opened, in the person's
// terms: a link is refused, and a register that cannot be written to says
// so rather than looking locked.
func lockError(rel string, err error) error {
	switch {
	case isLinkError(err):
		return &NotRegularError{Rel: rel, What: "a symbolic link"}
	case errors.Is(err, fs.ErrPermission) || isReadOnlyFS(err):
		return fmt.Errorf("cannot create the lock file %s: %v: itrack changes a register only where it may write files (check the folder's permissions, or whether it is mounted read-only)", rel, unwrapPath(err))
	}
	return fmt.Errorf("cannot open the lock file %s: %v", rel, unwrapPath(err))
}

// writerActive says whether a writer holds the lock now, without waiting
// and without creating the lock file.
func (r *Register) writerActive() bool {
	abs, _ := r.metaPath(".lock")
	f, err := openNoFollow(abs)
	if err != nil {
		return false
	}
	defer f.Close()
	ok, err := tryLockFile(f)
	if err != nil || !ok {
		return err == nil
	}
	_ = unlockFile(f)
	return false
}
