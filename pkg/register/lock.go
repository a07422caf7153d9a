package register

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/gofrs/flock"
)

// LockFile is the file writers lock: in the .git folder when the register
// is the top of a git repository, else in the register (and `itrack init`
// lists it in .gitignore).
const LockFile = ".itrack.lock"

// lockPath keeps the lock file out of `git status` where it can.
func (r *Register) lockPath() string {
	if st, err := os.Stat(r.Abs(".git")); err == nil && st.IsDir() {
		return r.Abs(".git/itrack.lock")
	}
	return r.Abs(LockFile)
}

// lockTimeout is how long a writer waits for another to finish.
const lockTimeout = 30 * time.Second

// Lock takes the register's exclusive writer lock, waiting for other itrack
// processes that hold it. The lock is an OS file lock, so it is released
// even when a process dies.
func (r *Register) Lock() (unlock func(), err error) {
	l := flock.New(r.lockPath())
	ctx, cancel := context.WithTimeout(context.Background(), lockTimeout)
	defer cancel()
	ok, err := l.TryLockContext(ctx, 10*time.Millisecond)
	if err != nil || !ok {
		return nil, fmt.Errorf("the register is locked by another itrack process (waited %s): try again when it has finished", lockTimeout)
	}
	return func() { _ = l.Unlock() }, nil
}
