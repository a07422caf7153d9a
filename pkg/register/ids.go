package register

import (
	"encoding/json"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// The ID summary lets `add` choose the next free ID without listing every
// folder of a large register: for each kind folder, the folder's identity
// (a folder's modification and change times move whenever a file is
// added, removed or renamed in it) and, by prefix, the highest number
// in use. It lives beside the index (ids), and like the index it is a
// cache: used only when every kind folder is provably the one it
// summarises, rebuilt from a listing otherwise.
//
// Even a wrong summary cannot make add replace a file: the ID it gives is
// checked to be free in its folder, and CreateFile refuses one that
// exists.

// folderIDs summarises one kind folder's IDs.
type folderIDs struct {
	ID     fileID
	Exists bool
	// Highest is, by prefix as written, the highest number of an ID
	// PREFIX-DIGITS and its width, as NextID finds them; Lower is, by
	// prefix in lower case, the highest number of any such ID, for IDs
	// are unique ignoring case.
	Highest map[string][2]int
	Lower   map[string]int
}

type idSummary struct {
	Build   string
	Folders map[string]*folderIDs // by folder, relative to the root
}

func (r *Register) idsRel() string { return path.Dir(r.indexRel()) + "/ids" }

// idNumber splits an ID PREFIX-DIGITS, as NextID reads one; ok is false
// for any other ID.
func idNumber(id string) (prefix, digits string, n int, ok bool) {
	i := strings.LastIndexByte(id, '-')
	if i < 0 {
		return "", "", 0, false
	}
	prefix, digits = id[:i], id[i+1:]
	n, err := strconv.Atoi(digits)
	if err != nil || n < 0 || digits == "" || digits[0] == '+' || digits[0] == '-' {
		return "", "", 0, false
	}
	return prefix, digits, n, true
}

// summarize is a folder's summary from its IDs, sorted as listed.
func summarize(id fileID, exists bool, ids []string) *folderIDs {
	f := &folderIDs{ID: id, Exists: exists, Highest: map[string][2]int{}, Lower: map[string]int{}}
	for _, name := range ids {
		f.add(name)
	}
	return f
}

func (f *folderIDs) add(id string) {
	prefix, digits, n, ok := idNumber(id)
	if !ok {
		return
	}
	h, seen := f.Highest[prefix]
	if !seen {
		h = [2]int{0, 4}
	}
	if n > h[0] {
		h = [2]int{n, max(h[1], len(digits))}
	}
	f.Highest[prefix] = h
	lower := strings.ToLower(prefix)
	f.Lower[lower] = max(f.Lower[lower], n)
}

// readIDs returns the summary when every kind folder is the one it
// summarises; nil otherwise, or with the index off.
func (r *Register) readIDs() *idSummary {
	if r.NoIndex || r.checkFolders(r.idsRel()) != nil {
		return nil
	}
	data, err := readRegular(r.Abs(r.idsRel()), "ids", 1<<20)
	if err != nil {
		return nil
	}
	var s idSummary
	if json.Unmarshal(data, &s) != nil || s.Build != buildID() || s.Folders == nil {
		return nil
	}
	for _, k := range asset.Kinds {
		rel := "assets/" + k.Folder()
		f := s.Folders[rel]
		id, exists := identify(r.Abs(rel))
		if f == nil || f.Exists != exists || (exists && (f.ID != id || !regularDir(id.Mode))) || f.Highest == nil || f.Lower == nil {
			return nil
		}
	}
	return &s
}

// writeIDs saves the summary, best effort.
func (r *Register) writeIDs(s *idSummary) {
	if r.NoIndex {
		return
	}
	s.Build = buildID()
	if data, err := json.Marshal(s); err == nil {
		_ = r.writeIndex(r.idsRel(), data)
	}
}

// nextFromSummary is NextID from the summary: ok is false when the
// summary cannot say for sure (an ID differing only in case may hold the
// number), and NextID lists the folders.
func (r *Register) nextFromSummary(s *idSummary, kind asset.Kind) (string, bool) {
	prefix := r.Config.Prefix(kind)
	h, seen := s.Folders["assets/"+kind.Folder()].Highest[prefix]
	if !seen {
		h = [2]int{0, 4}
	}
	n := h[0] + 1
	for _, f := range s.Folders {
		if f.Lower[strings.ToLower(prefix)] >= n {
			return "", false
		}
	}
	id := fmt.Sprintf("%s-%0*d", prefix, h[1], n)
	if ok, err := r.isRecord(AssetPath(kind, id)); ok || err != nil {
		return "", false
	}
	return id, true
}

// noteCreated updates the summary this run read for a record file it has
// just created, so that the next add need not list the folder.
func (r *Register) noteCreated(rel string) {
	if r.ids == nil {
		return
	}
	folder, name := path.Dir(rel), path.Base(rel)
	f := r.ids.Folders[folder]
	id, ok := strings.CutSuffix(name, ".yaml")
	if f == nil || !ok {
		return
	}
	state, exists := identify(r.Abs(folder))
	if !exists {
		return
	}
	f.ID, f.Exists = state, true
	f.add(id)
	r.writeIDs(r.ids)
	r.ids = nil
}
