package register

import (
	"os"

	"golang.org/x/sys/unix"
)

// canSyncFS: Linux flushes a whole file system in one call.
const canSyncFS = true

// syncFS flushes every file written on the file system that holds dir,
// and reports a write that failed since the files were written.
func syncFS(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return unix.Syncfs(int(d.Fd()))
}
