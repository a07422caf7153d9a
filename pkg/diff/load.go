package diff

// Reading what a change holds: the files two git revisions, or two
// register folders, differ in.

import (
	"path"
	"slices"
	"sort"
	"strings"

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
	var gone, added []string
	for _, p := range paths {
		b, inBase := bdata[p]
		h, inHead := hdata[p]
		switch {
		case inBase && inHead && string(b) == string(h):
		case inBase && inHead:
			files = append(files, File{Old: p, New: p, Base: b, Head: h})
		case inBase:
			gone = append(gone, p)
		default:
			added = append(added, p)
		}
	}
	renamed := renames(gone, added, bdata, hdata)
	for _, p := range gone {
		if to, ok := renamed[p]; ok {
			files = append(files, File{Old: p, New: to, Base: bdata[p], Head: hdata[to]})
		} else {
			files = append(files, File{Old: p, Base: bdata[p]})
		}
	}
	moved := map[string]bool{}
	for _, to := range renamed {
		moved[to] = true
	}
	for _, p := range added {
		if !moved[p] {
			files = append(files, File{New: p, Head: hdata[p]})
		}
	}
	sort.SliceStable(files, func(i, j int) bool { return fileKey(files[i]) < fileKey(files[j]) })
	return Input{Files: files, Config: head.Config, Base: base.Folder(bdata), Head: head.Folder(hdata)}
}

func fileKey(f File) string {
	if f.New != "" {
		return f.New
	}
	return f.Old
}

// renames pairs the files only the base has with those only the head has
// that are the same record moved, as git finds renames: in the same
// folder, with at least half their lines in common, the most alike first.
func renames(gone, added []string, base, head map[string][]byte) map[string]string {
	type pair struct {
		from, to string
		score    float64
	}
	var pairs []pair
	for _, from := range gone {
		for _, to := range added {
			if path.Dir(from) != path.Dir(to) {
				continue
			}
			if score := similarity(base[from], head[to]); score >= 0.5 {
				pairs = append(pairs, pair{from, to, score})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].score > pairs[j].score })
	out := map[string]string{}
	taken := map[string]bool{}
	for _, p := range pairs {
		if _, done := out[p.from]; !done && !taken[p.to] {
			out[p.from], taken[p.to] = p.to, true
		}
	}
	return out
}

// similarity is the share of two files' lines they have in common, blank
// lines aside.
func similarity(a, b []byte) float64 {
	lines := func(data []byte) []string {
		return slices.DeleteFunc(strings.Split(string(data), "\n"), func(l string) bool { return strings.TrimSpace(l) == "" })
	}
	la, lb := lines(a), lines(b)
	if len(la)+len(lb) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, l := range la {
		count[l]++
	}
	common := 0
	for _, l := range lb {
		if count[l] > 0 {
			count[l]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(la)+len(lb))
}
