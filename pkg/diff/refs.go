package diff

import (
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
}

// refFindings are the cross-file errors of one version of the register
// that the change can affect: references from the changed files, and
// references to the IDs that are on one side only.
//
// Only references that may have changed are checked: those the change
// adds or removes in a file, those to an ID whose file is on one side only,
// and those of files that mention such an ID. A reference both versions of
// a file hold, to a file the change does not touch, stands as it stood.
func refFindings(files []File, head bool, ctx Context, onlyOther []string, changed map[string]bool) asset.Findings {
	if ctx == nil {
		return nil
	}
	docs := map[string][]byte{}
	for _, f := range files {
		rel, data := f.Old, f.Base
		if head {
			rel, data = f.New, f.Head
		}
		if data != nil {
			docs[rel] = data
		}
	}
	if len(onlyOther) > 0 {
		if more, err := ctx.Referrers(onlyOther); err == nil {
			for rel, data := range more {
				if _, changed := docs[rel]; !changed {
					docs[rel] = data
				}
			}
		}
	}
	type check struct {
		file, path string
		ref        asset.Ref
		person     bool
	}
	var checks []check
	need := map[string]bool{"people": true}
	for rel, data := range docs {
		kind, id, person, ok := asset.ParsePath(rel)
		if !ok {
			continue
		}
		if person {
			p, _ := asset.DecodePerson(rel, id, data)
			if p.Manager != "" {
				ref := asset.Ref{Key: "manager", ID: p.Manager, Pos: p.Pos.Of("manager")}
				checks = append(checks, check{rel, "people/" + p.Manager + ".yaml", ref, true})
			}
			continue
		}
		a, _ := asset.DecodeAsset(rel, id, kind, data)
		for _, ref := range a.PersonRefs() {
			checks = append(checks, check{rel, "people/" + ref.ID + ".yaml", ref, true})
		}
		for _, ref := range a.HardwareRefs() {
			checks = append(checks, check{rel, "assets/hardware/" + ref.ID + ".yaml", ref, false})
		}
	}
	kept := checks[:0]
	for _, c := range checks {
		if changed[refKey(c.file, c.path)] || !isChangedFile(files, c.file) || sideOnly(c.path, onlyOther) {
			kept = append(kept, c)
			need[c.path] = true
		}
	}
	checks = kept
	if len(checks) == 0 {
		return nil
	}
	paths := make([]string, 0, len(need))
	for p := range need {
		paths = append(paths, p)
	}
	sort.Strings(paths)
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
func changedRefs(files []File) map[string]bool {
	refs := func(rel string, data []byte) map[string]bool {
		out := map[string]bool{}
		kind, id, person, ok := asset.ParsePath(rel)
		if data == nil || !ok {
			return out
		}
		if person {
			if p, _ := asset.DecodePerson(rel, id, data); p.Manager != "" {
				out["people/"+p.Manager+".yaml"] = true
			}
			return out
		}
		a, _ := asset.DecodeAsset(rel, id, kind, data)
		for _, r := range a.PersonRefs() {
			out["people/"+r.ID+".yaml"] = true
		}
		for _, r := range a.HardwareRefs() {
			out["assets/hardware/"+r.ID+".yaml"] = true
		}
		return out
	}
	changed := map[string]bool{}
	for _, f := range files {
		before, after := refs(f.Old, f.Base), refs(f.New, f.Head)
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
