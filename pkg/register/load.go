package register

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/internal/parallel"
)

// Snapshot is everything a register holds, read at one moment.
type Snapshot struct {
	Config *asset.Config
	// Assets and People are the records without errors, sorted by ID.
	Assets []*asset.Asset
	People []*asset.Person
	// Findings are every problem found, sorted by file and position.
	Findings asset.Findings
	// Invalid lists the files with at least one error, sorted. Their
	// records are left out of Assets and People.
	Invalid []string
	// Files is the number of record files read.
	Files int
}

type job struct {
	rel  string
	id   string
	kind asset.Kind // "" for a person
}

type result struct {
	asset    *asset.Asset
	person   *asset.Person
	findings asset.Findings
}

// LoadOptions ask Load for more than the records.
type LoadOptions struct {
	// Canonical adds a warning for every file not in canonical form.
	Canonical bool
	// AsOf, when set, adds the warnings that depend on the date: leavers
	// still holding assets, audits overdue.
	AsOf asset.Date
}

// Load reads and checks every record of the register, one worker per CPU.
func (r *Register) Load() *Snapshot {
	return r.LoadWith(LoadOptions{})
}

// LoadWith is Load with options.
func (r *Register) LoadWith(opts LoadOptions) *Snapshot {
	jobs, layout := r.listFiles()
	results := make([]result, len(jobs))
	x := r.openIndex(len(jobs))
	if x != nil {
		Parallel(len(jobs), func(i int) { results[i] = r.decodeIndexed(x, i, jobs[i], opts) })
	} else {
		Parallel(len(jobs), func(i int) { results[i], _ = r.decode(jobs[i], opts) })
	}

	s := &Snapshot{Config: r.Config, Files: len(jobs)}
	s.Findings = append(s.Findings, r.ConfigFindings...)
	s.Findings = append(s.Findings, layout...)
	assets := make([]*asset.Asset, 0, len(jobs))
	for _, res := range results {
		s.Findings = append(s.Findings, res.findings...)
		if res.asset != nil {
			assets = append(assets, res.asset)
		}
		if res.person != nil {
			s.People = append(s.People, res.person)
		}
	}
	// person references are checked only against a people/ folder read
	// whole: an unreadable one would make every owner unknown
	hasPeople := r.HasPeople() && !peopleUnread(layout)
	if x != nil {
		// the rules across files give what they gave when no file, and
		// not the settings, changed since
		key := fmt.Sprintf("%x %v", r.configSum, hasPeople)
		if !x.fresh(len(jobs), key) {
			x.register, x.registerKey = asset.CheckRegister(r.Config, assets, s.People, hasPeople), key
		}
		s.Findings = append(s.Findings, x.register...)
		x.save(r, jobs)
		r.lastHits = x.hits.Load()
	} else {
		s.Findings = append(s.Findings, asset.CheckRegister(r.Config, assets, s.People, hasPeople)...)
	}
	if !opts.AsOf.IsZero() {
		s.Findings = append(s.Findings, asset.CheckAsOf(r.Config, assets, s.People, opts.AsOf)...)
	}
	s.finish(assets)
	return s
}

// decode reads and decodes one record file. With opts.Canonical, it also
// checks the file's form; the entry says what it found, for the index.
func (r *Register) decode(j job, opts LoadOptions) (result, *indexEntry) {
	data, info, err := readRegularInfo(r.Abs(j.rel), j.rel, asset.MaxFileSize)
	if err != nil {
		return result{findings: asset.Findings{readFinding(j.rel, err)}}, nil
	}
	doc, fs := asset.ParseYAML(j.rel, data)
	var res result
	var more asset.Findings
	if j.kind == "" {
		res.person, more = asset.DecodePersonDoc(j.rel, j.id, doc)
	} else {
		res.asset, more = asset.DecodeAssetDoc(j.rel, j.id, j.kind, doc)
	}
	res.findings = append(fs, more...)
	e := &indexEntry{Asset: res.asset, Person: res.person, Findings: res.findings}
	e.ID, _ = identityOf(info) // the file read, as the index will know it
	if opts.Canonical {
		e.Canon = true
		if doc != nil && !res.findings.HasErrors() {
			// a byte-order mark and CRLF line endings have warnings of their own
			text := withoutBOMAndCRLF(data)
			if canon, same, err := canonical(doc, text); err != nil {
				e.Canon = false
			} else if !same {
				f := nonCanonical(j.rel, text, canon)
				e.NonCanonical = &f
			}
		}
	}
	return e.result(opts.Canonical), e
}

// decodeIndexed is decode, taking the record from the index when its file
// is unchanged, and keeping what it decoded for the index.
func (r *Register) decodeIndexed(x *index, i int, j job, opts LoadOptions) result {
	e, id, ok := x.lookup(j.rel, r.Abs(j.rel), opts.Canonical)
	if e != nil {
		x.entries[i] = e
		return e.result(opts.Canonical)
	}
	res, e := r.decode(j, opts)
	if ok && e != nil && e.ID == id { // else the file changed between the lstat and the read
		x.entries[i] = e
	}
	if old := x.old[j.rel]; old != nil || e != nil {
		x.markChanged()
	}
	return res
}

// nonCanonical is the finding for a file that is not in canonical form,
// pointing at the first line that differs.
func nonCanonical(rel string, data, canon []byte) asset.Finding {
	line := 1
	for i := 0; i < len(data) && i < len(canon) && data[i] == canon[i]; i++ {
		if data[i] == '\n' {
			line++
		}
	}
	return asset.Finding{File: rel, Pos: asset.Pos{Line: line}, Severity: asset.Warning, Rule: "non-canonical",
		Message: "not in canonical form from this line on: run `itrack fmt` (comments are kept)"}
}

// listFiles finds the record files, and reports files and folders that do
// not belong where they are, folders that cannot be read, anything that is
// not a regular file or a real folder where one belongs, and what an
// interrupted write left behind. It reads folders only: the type of each
// entry comes with its name.
func (r *Register) listFiles() ([]job, asset.Findings) {
	var jobs []job
	var fs asset.Findings
	stray := func(rel, rule, msg string) {
		fs = append(fs, asset.Finding{File: rel, Severity: asset.Warning, Rule: rule, Message: msg})
	}
	var temps []string
	top, topBad := r.folderFindings("assets")
	fs = append(fs, topBad...)
	for _, e := range top {
		name := e.Name()
		if IsTempName(name) {
			temps = append(temps, "assets/"+name)
		}
		if strings.HasPrefix(name, ".") {
			continue
		}
		if _, ok := asset.KindOfFolder(name); !ok {
			stray("assets/"+name, "unknown-folder", "not a kind folder: assets/ holds "+folderList()+"; move its files into one of them")
		}
	}
	collect := func(folder string, kind asset.Kind) {
		entries, bad := r.folderFindings(folder)
		fs = append(fs, bad...)
		for _, e := range entries {
			name := e.Name()
			rel := folder + "/" + name
			switch {
			case IsTempName(name):
				temps = append(temps, rel)
			case strings.HasPrefix(name, "."):
			case e.IsDir():
				stray(rel, "stray-folder", "folders inside "+folder+" are not read: move its files up into "+folder)
			case strings.HasSuffix(name, ".yml"):
				fs = append(fs, asset.Finding{File: rel, Rule: "bad-extension", Message: "record files end in .yaml: rename it to " + strings.TrimSuffix(name, ".yml") + ".yaml"})
			case !strings.HasSuffix(name, ".yaml"):
				stray(rel, "stray-file", "not a record (records end in .yaml): move it out of "+folder)
			case !e.Type().IsRegular():
				fs = append(fs, (&NotRegularError{Rel: rel, What: describeType(e.Type())}).Finding())
			default:
				jobs = append(jobs, job{rel: rel, id: strings.TrimSuffix(name, ".yaml"), kind: kind})
			}
		}
	}
	if len(topBad) == 0 { // else the kind folders cannot be looked at either
		for _, k := range asset.Kinds {
			collect("assets/"+k.Folder(), k)
		}
	}
	collect("people", "")
	if root, err := os.ReadDir(r.Root); err == nil {
		for _, e := range root {
			if IsTempName(e.Name()) {
				temps = append(temps, e.Name())
			}
		}
	}
	if len(temps) > 0 && !r.writerActive() {
		for _, rel := range temps {
			stray(rel, "leftover-temp", "a temporary file an interrupted itrack command left behind: `itrack fmt` removes it, or delete it")
		}
	}
	return jobs, append(fs, r.Unfinished()...)
}

// readFolder lists a folder of the register (relative to the root): none
// when it does not exist, and an error when it is a link or not a folder
// (never followed) or cannot be read (never taken for empty).
func (r *Register) readFolder(rel string) ([]os.DirEntry, error) {
	ok, err := r.checkFolder(rel)
	if !ok || err != nil {
		return nil, err
	}
	return os.ReadDir(r.Abs(rel))
}

// folderFindings lists a folder as readFolder does, its error a finding.
func (r *Register) folderFindings(rel string) ([]os.DirEntry, asset.Findings) {
	entries, err := r.readFolder(rel)
	if err != nil {
		return entries, asset.Findings{readFinding(rel, err)}
	}
	return entries, nil
}

// readFinding is the error finding for a file or folder that could not be
// read.
func readFinding(rel string, err error) asset.Finding {
	var nr *NotRegularError
	if errors.As(err, &nr) {
		return nr.Finding()
	}
	msg := "cannot read it: " + unwrapAll(err).Error()
	var tl *TooLargeError
	switch {
	case errors.As(err, &tl):
		return asset.Finding{File: rel, Rule: "file-too-large", Message: fmt.Sprintf("file is over the %s limit for one record (itrack stopped reading it): move long notes or attachments elsewhere", sizeText(tl.Limit))}
	case errors.Is(err, fs.ErrPermission):
		msg += "; itrack needs to read every file and folder of the register (check their permissions, e.g. chmod u+rX)"
	}
	return asset.Finding{File: rel, Rule: "unreadable", Message: msg}
}

// unwrapAll strips the "cannot read PATH:" and path-error layers from err,
// leaving what the OS said.
func unwrapAll(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// peopleUnread says whether people/ could not be read.
func peopleUnread(layout asset.Findings) bool {
	for _, f := range layout {
		if f.File == "people" && f.Severity == asset.Error {
			return true
		}
	}
	return false
}

func folderList() string {
	names := make([]string, len(asset.Kinds))
	for i, k := range asset.Kinds {
		names[i] = k.Folder()
	}
	return strings.Join(names, ", ")
}

// Parallel calls fn(0) … fn(n-1), one worker per CPU, and returns when
// every call has.
func Parallel(n int, fn func(i int)) { parallel.For(n, fn) }

// finish drops the records of invalid files and sorts everything.
func (s *Snapshot) finish(assets []*asset.Asset) {
	bad := map[string]bool{}
	for _, f := range s.Findings {
		if f.Severity == asset.Error {
			bad[f.File] = true
		}
	}
	for file := range bad {
		s.Invalid = append(s.Invalid, file)
	}
	sort.Strings(s.Invalid)
	s.Assets = assets[:0]
	for _, a := range assets {
		if !bad[a.File] {
			s.Assets = append(s.Assets, a)
		}
	}
	people := s.People[:0]
	for _, p := range s.People {
		if !bad[p.File] {
			people = append(people, p)
		}
	}
	s.People = people
	sort.Slice(s.Assets, func(i, j int) bool { return s.Assets[i].ID < s.Assets[j].ID })
	sort.Slice(s.People, func(i, j int) bool { return s.People[i].ID < s.People[j].ID })
	sort.SliceStable(s.Findings, func(i, j int) bool {
		a, b := s.Findings[i], s.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		return a.Pos.Col < b.Pos.Col
	})
}

// Unread lists the findings about files and folders that could not be
// read at all, or were not what belongs there: an answer about the
// register without them would be wrong, not just incomplete.
func (s *Snapshot) Unread() asset.Findings {
	var out asset.Findings
	for _, f := range s.Findings {
		switch f.Rule {
		case "unreadable", "not-regular-file", "unfinished-write":
			out = append(out, f)
		}
	}
	return out
}

// Asset returns the loaded asset with that ID (exact spelling first, then
// case-insensitively).
func (s *Snapshot) Asset(id string) (*asset.Asset, bool) {
	return byID(s.Assets, id, func(a *asset.Asset) string { return a.ID })
}

// Person returns the loaded person with that ID (exact spelling first,
// then case-insensitively).
func (s *Snapshot) Person(id string) (*asset.Person, bool) {
	return byID(s.People, id, func(p *asset.Person) string { return p.ID })
}

// byID finds a record in a list sorted by ID.
func byID[T any](records []T, id string, idOf func(T) string) (T, bool) {
	i := sort.Search(len(records), func(i int) bool { return idOf(records[i]) >= id })
	if i < len(records) && idOf(records[i]) == id {
		return records[i], true
	}
	for _, r := range records {
		if strings.EqualFold(idOf(r), id) {
			return r, true
		}
	}
	var none T
	return none, false
}

// RecordFiles lists the paths of the register's record files, relative to
// the root; it reads folder names only.
func (r *Register) RecordFiles() []string {
	jobs, _ := r.listFiles()
	out := make([]string, len(jobs))
	for i, j := range jobs {
		out[i] = j.rel
	}
	return out
}

// Statuses replays every asset of the snapshot up to asOf, with the
// register's renewal window.
func (s *Snapshot) Statuses(asOf asset.Date) map[string]asset.Status {
	return asset.Statuses(s.Assets, asOf, s.Config.Renewals.Window)
}

// Status replays one asset up to asOf, with the register's renewal window.
func (r *Register) Status(a *asset.Asset, asOf asset.Date) asset.Status {
	st, _ := asset.StatusAt(a, asOf, r.Config.Renewals.Window)
	return st
}

// InstalledIn lists the components installed in hardware hw on asOf,
// sorted by ID. Only the components folder is read, in parallel; a
// component that cannot be read or decoded is left out (validate says why).
func (r *Register) InstalledIn(hw string, asOf asset.Date) []*asset.Asset {
	ids, err := r.RecordIDs("assets/" + asset.Component.Folder())
	if err != nil {
		return nil
	}
	found := make([]*asset.Asset, len(ids))
	Parallel(len(ids), func(i int) {
		f, err := r.readRecord(AssetPath(asset.Component, ids[i]), ids[i], asset.Component)
		if err != nil {
			return
		}
		if a, fs := f.Asset(); !fs.HasErrors() && r.Status(a, asOf).InstalledIn == hw {
			found[i] = a
		}
	})
	var out []*asset.Asset
	for _, a := range found {
		if a != nil {
			out = append(out, a)
		}
	}
	return out
}
