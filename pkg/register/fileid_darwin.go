package register

import (
	"io/fs"
	"syscall"
)

// identityOf is identify for a file already opened and fstat'ed.
func identityOf(fi fs.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{Size: st.Size, MTime: st.Mtimespec.Nano(), CTime: st.Ctimespec.Nano(), Ino: st.Ino, Mode: uint32(st.Mode)}, true
}
