package register

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// UnreadError says part of the register could not be read, or was not
// what belongs there: the findings say which.
type UnreadError struct{ Findings asset.Findings }

func (e *UnreadError) Error() string {
	var b strings.Builder
	for _, f := range e.Findings {
		b.WriteString(f.Short() + "\n")
	}
	b.WriteString("part of the register cannot be read: fix it first")
	return b.String()
}

// Index answers the plan's questions about the register: which IDs
// and serials exist (from one load and one listing of its folders) and what
// files say (read when asked). A lookup never scans a folder, so a plan is
// linear in its rows whatever the register's size.
type Index struct {
	r           *Register
	assets      map[string]assetFile // an asset's ID, lower case → its file
	personFiles map[string]string    // a person's ID, lower case → their file
	serials     map[string]string
	names       map[string][]string // kind, name, model and purchase date → IDs, in ID order
	people      map[string]string   // a person's email or name, lower case → ID
	next        map[asset.Kind]*nextID
}

type assetFile struct {
	kind asset.Kind
	rel  string
}

// nextID is where generated IDs of a kind go on: the prefix, the next
// number and its width (HW-, 124 and 6 after HW-000123).
type nextID struct {
	prefix   string
	n, width int
}

// NewIndex lists the register and loads it once, for an import's plan. A
// register with a folder or file that cannot be read, or is not what
// belongs there, is refused with an *UnreadError: rows matched against part
// of it would make duplicates.
func (reg *Register) NewIndex() (*Index, error) {
	idx := &Index{r: reg, assets: map[string]assetFile{}, personFiles: map[string]string{}, serials: map[string]string{}, names: map[string][]string{}, people: map[string]string{}, next: map[asset.Kind]*nextID{}}
	for _, rel := range reg.RecordFiles() {
		folder, name := path.Split(rel)
		id := strings.ToLower(strings.TrimSuffix(name, ".yaml"))
		if kind, ok := asset.KindOfFolder(path.Base(folder)); ok {
			idx.assets[id] = assetFile{kind: kind, rel: rel}
		} else {
			idx.personFiles[id] = rel
		}
	}
	snap := reg.Load()
	if unread := snap.Unread(); len(unread) > 0 {
		return nil, &UnreadError{Findings: unread}
	}
	for _, p := range snap.People {
		for _, k := range []string{p.Name, p.Email} {
			if k != "" {
				idx.people[strings.ToLower(k)] = p.ID
			}
		}
	}
	for _, a := range snap.Assets {
		if a.Serial != "" {
			idx.serials[strings.ToLower(strings.TrimSpace(a.Serial))] = a.ID
		}
		k := nameKey(a.Kind, a.Name, a.Model, a.Purchase.Date.String())
		idx.names[k] = append(idx.names[k], a.ID)
	}
	for _, ids := range idx.names {
		sort.Strings(ids)
	}
	return idx, nil
}

func nameKey(kind asset.Kind, name, model, bought string) string {
	return strings.ToLower(string(kind) + "\x00" + name + "\x00" + model + "\x00" + bought)
}

// PersonByEmailOrName returns the ID of the person with that email, or
// else that full name, ignoring case.
func (x *Index) PersonByEmailOrName(email, name string) (string, bool) {
	for _, k := range []string{email, name} {
		if id, ok := x.people[strings.ToLower(k)]; ok && k != "" {
			return id, true
		}
	}
	return "", false
}

// ByName returns the IDs, in order, of the assets of a kind with that
// name, model and purchase date, ignoring case.
func (x *Index) ByName(kind asset.Kind, name, model, bought string) []string {
	return x.names[nameKey(kind, name, model, bought)]
}

// Asset returns the kind, path and contents of the asset with that ID
// (any case); the file is read when asked.
func (x *Index) Asset(id string) (asset.Kind, string, []byte, bool) {
	f, ok := x.assets[strings.ToLower(id)]
	if !ok {
		return "", "", nil, false
	}
	data, err := x.r.ReadFile(f.rel)
	return f.kind, f.rel, data, err == nil
}

// BySerial returns the ID of the asset with that serial (any case).
func (x *Index) BySerial(serial string) (string, bool) {
	id, ok := x.serials[strings.ToLower(strings.TrimSpace(serial))]
	return id, ok
}

// Person returns the path and contents of the person with that ID.
func (x *Index) Person(id string) (string, []byte, bool) {
	rel, ok := x.personFiles[strings.ToLower(id)]
	if !ok {
		return "", nil, false
	}
	data, err := x.r.ReadFile(rel)
	return rel, data, err == nil
}

// NextID goes on from the register's next generated ID of the kind, at the
// same width (HW-000123 is followed by HW-000124): Register.NextID says
// where to start, once per kind, and the index's own listing then says
// which numbers are free, without reading a file.
func (x *Index) NextID(kind asset.Kind, taken func(string) bool) string {
	next, ok := x.next[kind]
	if !ok {
		next = &nextID{prefix: x.r.Config.Prefix(kind) + "-"}
		// the index knows every ID, so the loop below keeps IDs unique even
		// if a folder became unreadable since it was made
		first, err := x.r.NextID(kind)
		if err != nil {
			first = next.prefix + "0001"
		}
		digits := strings.TrimPrefix(first, next.prefix)
		next.n, _ = strconv.Atoi(digits)
		next.width = len(digits)
		x.next[kind] = next
	}
	for {
		id := fmt.Sprintf("%s%0*d", next.prefix, next.width, next.n)
		next.n++
		if _, exists := x.assets[strings.ToLower(id)]; !exists && !taken(id) {
			return id
		}
	}
}
