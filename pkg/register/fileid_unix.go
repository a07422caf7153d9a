//go:build linux || darwin

package register

import "golang.org/x/sys/unix"

// identify is what the index knows a file by: its size, modification and
// change times in nanoseconds, inode and mode, read without following a
// link. ok is false when the file cannot be looked at.
func identify(path string) (id fileID, ok bool) {
	var st unix.Stat_t
	if err := unix.Lstat(path, &st); err != nil {
		return fileID{}, false
	}
	return fileID{Size: st.Size, MTime: st.Mtim.Nano(), CTime: st.Ctim.Nano(), Ino: uint64(st.Ino), Mode: uint32(st.Mode)}, true
}

// regularMode reports whether a mode from identify is a regular file's.
func regularMode(mode uint32) bool { return mode&unix.S_IFMT == unix.S_IFREG }

// regularDir reports whether a mode from identify is a folder's.
func regularDir(mode uint32) bool { return mode&unix.S_IFMT == unix.S_IFDIR }
