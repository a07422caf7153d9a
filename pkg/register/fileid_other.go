//go:build !(linux || darwin)

package register

import "io/fs"

// identify: where a file's change time and inode cannot be read, no file
// can be proved unchanged, so the index is never used.
func identify(string) (fileID, bool) { return fileID{}, false }

func regularMode(uint32) bool { return false }

func identityOf(fs.FileInfo) (fileID, bool) { return fileID{}, false }

func regularDir(uint32) bool { return false }
