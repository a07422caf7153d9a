package asset

import (
	"fmt"
	"sort"
	"strings"
)

// CheckRegister applies the rules that span files: unique IDs and serials,
// references to people, and categories known to itrack.yaml. hasPeople says
// whether the register keeps a people/ folder; only then are person
// references checked.
func CheckRegister(cfg *Config, assets []*Asset, people []*Person, hasPeople bool) Findings {
	var fs Findings
	add := func(file string, p Pos, sev Severity, rule, format string, args ...any) {
		fs = append(fs, Finding{File: file, Pos: p, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
	}

	byID := map[string][]*Asset{}
	bySerial := map[string][]*Asset{}
	for _, a := range assets {
		byID[strings.ToLower(a.ID)] = append(byID[strings.ToLower(a.ID)], a)
		if a.Serial != "" {
			key := strings.ToLower(strings.TrimSpace(a.Serial))
			bySerial[key] = append(bySerial[key], a)
		}
	}
	for _, group := range sortedGroups(byID) {
		for _, a := range group {
			add(a.File, Pos{}, Error, "duplicate-id", "ID %q is also used by %s: IDs are unique across all kinds, ignoring case; rename one file", a.ID, otherFiles(group, a))
		}
	}
	for _, group := range sortedGroups(bySerial) {
		for _, a := range group {
			add(a.File, a.Pos.Of("serial"), Error, "duplicate-serial", "serial %q is also the serial of %s: one item, one record; delete or correct the other", a.Serial, otherFiles(group, a))
		}
	}

	if hasPeople {
		known := make(map[string]bool, len(people))
		names := make([]string, 0, len(people))
		for _, p := range people {
			known[p.ID] = true
			names = append(names, p.ID)
		}
		checkPerson := func(file string, ref Ref) {
			if !known[ref.ID] {
				fs = append(fs, UnknownPerson(file, ref, names))
			}
		}
		for _, a := range assets {
			for _, ref := range a.PersonRefs() {
				checkPerson(a.File, ref)
			}
		}
		for _, p := range people {
			if p.Manager != "" {
				checkPerson(p.File, Ref{Key: "manager", ID: p.Manager, Pos: p.Pos.Of("manager")})
			}
		}
	}

	hardware := map[string]bool{}
	for _, a := range assets {
		if a.Kind == Hardware {
			hardware[a.ID] = true
		}
	}
	for _, a := range assets {
		for _, ref := range a.HardwareRefs() {
			if !hardware[ref.ID] {
				fs = append(fs, UnknownHardware(a.File, ref))
			}
		}
	}

	if len(cfg.Categories) > 0 {
		names := cfg.CategoryNames()
		for _, a := range assets {
			if _, ok := cfg.Category(a.Category); a.Category != "" && !ok {
				add(a.File, a.Pos.Of("category"), Warning, "unknown-category", "category %q is not defined in itrack.yaml, so it has no defaults%s", a.Category, didYouMean(a.Category, names))
			}
		}
	}
	return fs
}

// sortedGroups returns the groups of more than one asset, in a stable order.
func sortedGroups(m map[string][]*Asset) [][]*Asset {
	var keys []string
	for k, g := range m {
		if len(g) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	out := make([][]*Asset, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

func otherFiles(group []*Asset, self *Asset) string {
	var files []string
	for _, a := range group {
		if a != self {
			files = append(files, a.File)
		}
	}
	sort.Strings(files)
	return strings.Join(files, ", ")
}

// UnknownPerson is the finding for a reference to a person the register
// does not have; names, when given, feed the suggestion.
func UnknownPerson(file string, ref Ref, names []string) Finding {
	msg := fmt.Sprintf("%s %q is not a person of this register (no people/%s.yaml): add them with `itrack person add %s`", ref.Key, ref.ID, ref.ID, ref.ID)
	if near, ok := Closest(ref.ID, names); ok {
		msg = fmt.Sprintf("%s %q is not a person of this register: did you mean %s? (or add them with `itrack person add %s`)", ref.Key, ref.ID, near, ref.ID)
	}
	return Finding{File: file, Pos: ref.Pos, Severity: Error, Rule: "unknown-person", Message: msg}
}

// UnknownHardware is the finding for a reference to hardware the register
// does not have.
func UnknownHardware(file string, ref Ref) Finding {
	return Finding{File: file, Pos: ref.Pos, Severity: Error, Rule: "unknown-asset",
		Message: fmt.Sprintf("%s %q: no hardware asset has that ID (assets/hardware/%s.yaml)", ref.Key, ref.ID, ref.ID)}
}
