package register

import (
	"context"
	"fmt"
	"time"

	"github.com/gofrs/flock"
)

// LockFile is the file writers lock; `itrack init` lists it in .gitignore.
const LockFile = ".itrack.lock"

// LockTimeout is how long a writer waits for another to finish.
var LockTimeout = 30 * time.Second

// Lock takes the register's exclusive writer lock, waiting for other itrack
// processes that hold it. The lock is an OS file lock, so it is released
// even when a process dies.
func (r *Register) Lock() (unlock func(), err error) {
	l := flock.New(r.Abs(LockFile))
	ctx, cancel := context.WithTimeout(context.Background(), LockTimeout)
	defer cancel()
	ok, err := l.TryLockContext(ctx, 10*time.Millisecond)
	if err != nil || !ok {
		return nil, fmt.Errorf("the register is locked by another itrack process (waited %s): try again when it has finished", LockTimeout)
	}
	return func() { _ = l.Unlock() }, nil
}
