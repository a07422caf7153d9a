package register

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// Inside the register itrack reads and writes regular files and real
// folders only. A symbolic link (git commits them), a named pipe, a device
// or a socket where a record, itrack.yaml, a kind folder or people/ belongs
// is never followed and never read: a link to /dev/zero would exhaust
// memory, a pipe would block for ever, and a link to a folder outside would
// let a write escape the register.

// NotRegularError says a path inside the register is not what itrack reads
// or writes there.
type NotRegularError struct {
	Rel    string
	What   string // "a symbolic link", "a named pipe", …
	Folder bool   // a folder belongs there, not a file
}

func (e *NotRegularError) Error() string {
	want := "a regular file"
	if e.Folder {
		want = "a folder"
	}
	return fmt.Sprintf("%s is %s, not %s: itrack reads and writes only regular files and folders inside the register, and never follows links; replace it with %s", e.Rel, e.What, want, want)
}

// Finding is the located finding for the path.
func (e *NotRegularError) Finding() asset.Finding {
	return asset.Finding{File: e.Rel, Rule: "not-regular-file", Message: strings.TrimPrefix(e.Error(), e.Rel+" ")}
}

// TooLargeError says a file is over the limit for what it holds; reading
// stopped at the limit.
type TooLargeError struct {
	Path  string
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is over the %s limit: itrack stopped reading it", e.Path, sizeText(e.Limit))
}

func sizeText(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ReadOnlyError says a file itrack would rewrite has no write permission
// for its owner: the person made it read-only, so itrack does not replace it.
type ReadOnlyError struct {
	Rel  string
	Mode fs.FileMode
}

func (e *ReadOnlyError) Error() string {
	return fmt.Sprintf("%s is read-only (mode %04o): itrack does not replace a read-only file; make it writable (chmod u+w %s) if the change is meant", e.Rel, e.Mode.Perm(), e.Rel)
}

// describeType names what a non-regular file is, for messages.
func describeType(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	case m.IsRegular():
		return "a regular file"
	}
	return "a special file"
}

// folders returns the folders of rel (slash-separated, relative to the
// root) from the top down: "assets/hardware/X.yaml" gives "assets",
// "assets/hardware".
func folders(rel string) []string {
	var out []string
	for i := 0; i < len(rel); i++ {
		if rel[i] == '/' {
			out = append(out, rel[:i])
		}
	}
	return out
}

// checkFolder says whether the folder at rel is a real folder: (true, nil)
// when it is, (false, nil) when it does not exist, and an error when
// something else is there or it cannot be looked at.
func (r *Register) checkFolder(rel string) (bool, error) {
	st, err := os.Lstat(r.Abs(rel))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("cannot read %s: %w", rel, unwrapPath(err))
	case !st.IsDir():
		return false, &NotRegularError{Rel: rel, What: describeType(st.Mode()), Folder: true}
	}
	return true, nil
}

// checkFolders checks every folder above rel; a missing one is
// fs.ErrNotExist.
func (r *Register) checkFolders(rel string) error {
	for _, dir := range folders(rel) {
		ok, err := r.checkFolder(dir)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s: %w", dir, fs.ErrNotExist)
		}
	}
	return nil
}

// makeFolders makes sure every folder above rel is a real folder inside
// the register, creating the missing ones: a write never goes through a
// link, so it cannot land outside the root.
func (r *Register) makeFolders(rel string) error {
	for _, dir := range folders(rel) {
		ok, err := r.checkFolder(dir)
		if err != nil {
			return err
		}
		if ok {
			continue
		}
		if err := os.Mkdir(r.Abs(dir), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("cannot create %s: %w", dir, unwrapPath(err))
		}
		if ok, err := r.checkFolder(dir); err != nil || !ok {
			return fmt.Errorf("cannot create %s: %v", dir, err)
		}
	}
	return nil
}

// ReadFile reads a file of the register (relative to the root) that must
// be a regular file of at most asset.MaxFileSize bytes, through real
// folders only. A bigger file gives a *TooLargeError, read no further.
func (r *Register) ReadFile(rel string) ([]byte, error) {
	if err := r.checkFolders(rel); err != nil {
		return nil, err
	}
	return readRegular(r.Abs(rel), rel, asset.MaxFileSize)
}

// readRegular reads the file at path, opened without following a link and
// without blocking on a pipe, when it is a regular file; it reads at most
// limit bytes and fails when there are more.
func readRegular(path, rel string, limit int64) ([]byte, error) {
	data, _, err := readRegularInfo(path, rel, limit)
	return data, err
}

// readRegularInfo is readRegular, also giving what the opened file's
// fstat said of it.
func readRegularInfo(path, rel string, limit int64) ([]byte, fs.FileInfo, error) {
	f, err := openNoFollow(path)
	if err != nil {
		if isLinkError(err) {
			return nil, nil, &NotRegularError{Rel: rel, What: "a symbolic link"}
		}
		return nil, nil, fmt.Errorf("cannot read %s: %w", rel, unwrapPath(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", rel, unwrapPath(err))
	}
	if !st.Mode().IsRegular() {
		return nil, nil, &NotRegularError{Rel: rel, What: describeType(st.Mode())}
	}
	data, err := readBounded(f, st.Size(), limit)
	if err != nil {
		var tl *TooLargeError
		if errors.As(err, &tl) {
			tl.Path = rel
			return nil, nil, tl
		}
		return nil, nil, fmt.Errorf("cannot read %s: %w", rel, unwrapPath(err))
	}
	return data, st, nil
}

// readBounded reads all of rd, at most limit bytes; size is what the file
// says it holds, a hint for the buffer.
func readBounded(rd io.Reader, size, limit int64) ([]byte, error) {
	buf := make([]byte, 0, min(max(size, 0), limit)+1)
	for {
		n, err := rd.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, &TooLargeError{Limit: limit}
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// MaxInputSize bounds a file given to import or reconcile: a spreadsheet of
// a million rows fits.
const MaxInputSize = 256 << 20

// ReadInput reads a file a person named on the command line (a CSV to
// import, a PEM certificate), at path, shown in messages as name: it may
// be a link or a pipe (`<(…)`), which the person chose, but it is read
// only up to limit bytes, and what the file is is said when it is not
// something to read.
func ReadInput(path, name string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err))
	}
	if m := st.Mode(); !m.IsRegular() && m&fs.ModeNamedPipe == 0 && m&fs.ModeCharDevice == 0 {
		return nil, fmt.Errorf("cannot read %s: it is %s, not a file", name, describeType(m))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err))
	}
	defer f.Close()
	data, err := readBounded(f, st.Size(), limit)
	if err != nil {
		var tl *TooLargeError
		if errors.As(err, &tl) {
			return nil, fmt.Errorf("%s is over the %s limit for this input: itrack stopped reading it", name, sizeText(limit))
		}
		return nil, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err))
	}
	return data, nil
}
