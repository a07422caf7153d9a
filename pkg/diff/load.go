package diff

// Reading what a change holds: the files two git revisions, or two
// register folders, differ in.

import (
	"sort"

	"github.com/itrack/itrack/pkg/register"
)

// FromGit reads the files that differ between two revisions of the
// register's repository (head may be register.WorkTree): committed
// versions by blob, in one git process, the working tree's from disk.
func FromGit(reg *register.Register, base, head string) (Input, error) {
	changes, err := reg.Changes(base, head)
	if err != nil {
		return Input{}, err
	}
	var blobs, onDisk []string
	for _, c := range changes {
		for _, b := range []string{c.OldBlob, c.NewBlob} {
			if b != "" {
				blobs = append(blobs, b)
			}
		}
		if c.New != "" && c.NewBlob == "" {
			onDisk = append(onDisk, c.New)
		}
	}
	contents, err := reg.ReadBlobs(blobs)
	if err != nil {
		return Input{}, err
	}
	disk, err := reg.ReadAt(register.WorkTree, onDisk)
	if err != nil {
		return Input{}, err
	}
	files := make([]File, len(changes))
	for i, c := range changes {
		f := File{Old: c.Old, New: c.New, Base: contents[c.OldBlob], Head: contents[c.NewBlob]}
		if c.New != "" && c.NewBlob == "" {
			f.Head = disk[c.New]
		}
		files[i] = f
	}
	return Input{Files: files, Config: reg.Config, Base: reg.At(base), Head: reg.At(head)}, nil
}

// FromFolders compares two register folders file by file; the head's
// settings apply.
func FromFolders(base, head *register.Register) Input {
	bfiles, hfiles := base.RecordFiles(), head.RecordFiles()
	all := map[string]bool{}
	for _, f := range append(bfiles, hfiles...) {
		all[f] = true
	}
	paths := make([]string, 0, len(all))
	for p := range all {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	bdata, _ := base.ReadAt(register.WorkTree, paths)
	hdata, _ := head.ReadAt(register.WorkTree, paths)
	var files []File
	for _, p := range paths {
		b, inBase := bdata[p]
		h, inHead := hdata[p]
		if inBase && inHead && string(b) == string(h) {
			continue
		}
		f := File{Base: b, Head: h}
		if inBase {
			f.Old = p
		}
		if inHead {
			f.New = p
		}
		files = append(files, f)
	}
	return Input{Files: files, Config: head.Config, Base: base.Folder(bdata), Head: head.Folder(hdata)}
}
