//go:build !unix

package register

import (
	"io/fs"
	"os"
)

// errLink marks a path that is a link, which is not opened.
var errLink = &fs.PathError{Op: "open", Err: fs.ErrInvalid}

// openNoFollow opens path for reading unless it is a link (Windows has no
// named pipes in its file system); without O_NOFOLLOW, the file opened is
// checked to be the one looked at.
func openNoFollow(path string) (*os.File, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		return nil, errLink
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if now, err := f.Stat(); err != nil || !os.SameFile(st, now) {
		f.Close()
		return nil, errLink
	}
	return f, nil
}

func isLinkError(err error) bool { return err == errLink }
