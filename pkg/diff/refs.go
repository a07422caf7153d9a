package diff

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// Context answers what a change's files cannot say alone: what else one
// version of the register holds. It lets diff report the references a
// change breaks or mends, as validate would, without reading the whole
// register.
type Context interface {
	// Exist says which of these paths (files, or the people folder) exist.
	Exist(paths []string) (map[string]bool, error)
	// Referrers returns the record files that mention any of the IDs as a
	// word, with their contents.
	Referrers(ids []string) (map[string][]byte, error)
	// Read returns the contents of those of the files that exist.
	Read(paths []string) (map[string][]byte, error)
}

// refFindings are the cross-file errors of one version of the register
// that the change can affect: references from the changed files (decoded,
// that version of them), and references to the IDs that are on one side
// only.
//
// Only references that may have changed are checked: those the change
// adds or removes in a file, those to an ID whose file is on one side only,
// and those of files that mention such an ID. A reference both versions of
// a file hold, to a file the change does not touch, stands as it stood.
func refFindings(files []File, decoded map[string]*side, ctx Context, onlyOther []string, changed map[string]bool) asset.Findings {
	if ctx == nil {
		return nil
	}
	sides := maps.Clone(decoded)
	if len(onlyOther) > 0 {
		if more, err := ctx.Referrers(onlyOther); err == nil {
			for rel, data := range more {
				if _, changed := sides[rel]; !changed {
					if s := decode(rel, data); s != nil {
						sides[rel] = s
					}
				}
			}
		}
	}
	type check struct {
		file string
		target
	}
	var checks []check
	need := map[string]bool{"people": true}
	for rel, s := range sides {
		for _, t := range s.targets() {
			if changed[refKey(rel, t.path)] || !isChangedFile(files, rel) || sideOnly(t.path, onlyOther) {
				checks = append(checks, check{rel, t})
				need[t.path] = true
			}
		}
	}
	if len(checks) == 0 {
		return nil
	}
	paths := slices.Sorted(maps.Keys(need))
	exists, err := ctx.Exist(paths)
	if err != nil {
		return nil
	}
	var out asset.Findings
	for _, c := range checks {
		switch {
		case exists[c.path]:
		case c.person && exists["people"]:
			out = append(out, asset.UnknownPerson(c.file, c.ref, nil))
		case !c.person:
			out = append(out, asset.UnknownHardware(c.file, c.ref))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Pos.Line < out[j].Pos.Line
	})
	return out
}

// target is a reference from a file to the path of the file it names.
type target struct {
	path   string
	ref    asset.Ref
	person bool
}

// targets lists the references of one version of a file.
func (s *side) targets() []target {
	var out []target
	if s.person != nil {
		for _, ref := range s.person.PersonRefs() {
			out = append(out, target{"people/" + ref.ID + ".yaml", ref, true})
		}
		return out
	}
	for _, ref := range s.asset.PersonRefs() {
		out = append(out, target{"people/" + ref.ID + ".yaml", ref, true})
	}
	for _, ref := range s.asset.HardwareRefs() {
		out = append(out, target{"assets/hardware/" + ref.ID + ".yaml", ref, false})
	}
	return out
}

func refKey(file, target string) string { return file + "\x00" + target }

// isChangedFile reports whether rel is one of the change's files.
func isChangedFile(files []File, rel string) bool {
	for _, f := range files {
		if f.Old == rel || f.New == rel {
			return true
		}
	}
	return false
}

// sideOnly reports whether a reference's target file is one whose ID is on
// one side of the change only.
func sideOnly(target string, ids []string) bool {
	for _, id := range ids {
		if strings.HasSuffix(target, "/"+id+".yaml") {
			return true
		}
	}
	return false
}

// changedRefs lists the references (file and target path) that one
// version of a changed file holds and the other does not.
func changedRefs(files []File, bases, heads map[string]*side) map[string]bool {
	paths := func(s *side) map[string]bool {
		out := map[string]bool{}
		if s != nil {
			for _, t := range s.targets() {
				out[t.path] = true
			}
		}
		return out
	}
	changed := map[string]bool{}
	for _, f := range files {
		before, after := paths(bases[f.Old]), paths(heads[f.New])
		for t := range after {
			if !before[t] || f.Old != f.New {
				changed[refKey(f.New, t)] = true
			}
		}
		for t := range before {
			if !after[t] || f.Old != f.New {
				changed[refKey(f.Old, t)] = true
			}
		}
	}
	return changed
}

// sideOnlyIDs lists the hardware and person IDs whose files are on one
// side of the change and not the other (deleted, added or renamed).
func sideOnlyIDs(files []File) (baseOnly, headOnly []string) {
	ids := func(rel string) (string, bool) {
		kind, id, person, ok := asset.ParsePath(rel)
		return id, ok && (person || kind == asset.Hardware)
	}
	for _, f := range files {
		if f.Old == f.New {
			continue
		}
		if id, ok := ids(f.Old); ok && f.Old != "" {
			baseOnly = append(baseOnly, id)
		}
		if id, ok := ids(f.New); ok && f.New != "" {
			headOnly = append(headOnly, id)
		}
	}
	return baseOnly, headOnly
}

// findingKey identifies a finding whatever line it moved to.
func findingKey(f asset.Finding) string {
	return f.File + "\x00" + f.Rule + "\x00" + strings.TrimSpace(f.Message)
}
