package importer

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
)

// Existing is what the register already holds, as the plan needs it.
type Existing interface {
	// Asset returns the file of the asset with that ID (any case).
	Asset(id string) (kind asset.Kind, rel string, data []byte, ok bool)
	// BySerial returns the ID of the asset with that serial (any case).
	BySerial(serial string) (string, bool)
	// ByName returns the IDs of the assets of a kind with that name, model
	// and purchase date (any case), in ID order, for rows that give
	// neither ID nor serial.
	ByName(kind asset.Kind, name, model, bought string) []string
	// Person returns the file of the person with that ID.
	Person(id string) (rel string, data []byte, ok bool)
	// PersonByEmailOrName returns the ID of the person with that email, or
	// else that full name (any case).
	PersonByEmailOrName(email, name string) (string, bool)
	// NextID returns the next generated ID of a kind that is neither in
	// the register nor taken by the import.
	NextID(kind asset.Kind, taken func(string) bool) string
}

// Operations of a plan.
const (
	Create    = "create"
	Update    = "update"
	Unchanged = "unchanged"
)

// Action is what happens to one file.
type Action struct {
	Op     string
	ID     string
	Rel    string
	Rows   []int
	Person bool
	Data   []byte // the new contents (create, update)
	// Conflicts are what a row says that the register's newer history
	// contradicts: not recorded.
	Conflicts []string
	// Warnings are what the plan says of the row besides.
	Warnings []string
}

type planner struct {
	serials  map[string]string // serial, lower case → the ID it went to in this import
	opts     Options
	managers map[string]string // a person's name or ID, lower case → ID
	ex       Existing
	actions  []Action
	errs     []Problem
	ids      map[string]bool // IDs given out in this import, lower case
	reserved map[string]bool // IDs the rows give, lower case: never generated
	people   map[string]int  // person ID → index of its action
	built    []built         // asset files made, to be checked as a whole
}

// built is an asset file a record made, before it is checked.
type built struct {
	rec       *Record
	id        string
	rel       string
	doc       *yaml.Node
	old       []byte
	exists    bool
	conflicts []string
	warnings  []string
}

// Plan works out, for every record, the file it creates or updates, or
// that it leaves unchanged. Nothing is written: the caller writes the
// actions' data when there is no error.
func Plan(records []*Record, opts Options, ex Existing) ([]Action, []Problem) {
	p := &planner{opts: opts, ex: ex, ids: map[string]bool{}, reserved: map[string]bool{}, people: map[string]int{}, managers: map[string]string{}, serials: map[string]string{}}
	for _, rec := range records {
		if !opts.People && rec.ID != "" {
			p.reserved[strings.ToLower(rec.ID)] = true
		}
		if id := personID(rec); opts.People && id != "" {
			p.managers[strings.ToLower(id)] = id
			for _, k := range []string{rec.Value("name"), rec.Value("email")} {
				if k != "" {
					p.managers[strings.ToLower(k)] = id
				}
			}
		}
	}
	for _, rec := range records {
		if opts.People {
			p.person(rec)
		} else {
			p.asset(rec)
		}
		if opts.Step != nil {
			opts.Step()
		}
	}
	p.check()
	sort.SliceStable(p.actions, func(i, j int) bool { return p.actions[i].Person && !p.actions[j].Person })
	return p.actions, p.errs
}

func (p *planner) fail(rec *Record, column, format string, args ...any) {
	p.errs = append(p.errs, Problem{Row: rec.Rows[0], Column: column, Message: fmt.Sprintf(format, args...)})
}

// taken reports whether an ID is given out by this import or given by one
// of its rows: the register's own IDs are Existing.NextID's to know.
func (p *planner) taken(id string) bool {
	return p.ids[strings.ToLower(id)] || p.reserved[strings.ToLower(id)]
}

// assetID finds the asset a record is about: by its ID, then by serial,
// then (hardware and components with neither) by name, model and purchase
// date; else a new ID (a slug of the name for licences, domains,
// certificates and documents; the next number for hardware and
// components).
func (p *planner) assetID(rec *Record) string {
	if rec.ID != "" {
		return rec.ID
	}
	if s := rec.Value("serial"); s != "" {
		if id, ok := p.ex.BySerial(s); ok {
			return id
		}
	} else if p.opts.Kind.Tracked() {
		// rows alike (three identical monitors) match the assets alike in
		// turn, so the Nth such row is the Nth such asset and importing
		// the file again changes nothing; an asset another row names by
		// its ID is that row's
		for _, id := range p.ex.ByName(p.opts.Kind, rec.Value("name"), rec.Value("model"), rec.Value("purchase.date")) {
			if !p.taken(id) {
				return id
			}
		}
	}
	if base := Slug(rec.Value("name")); !p.opts.Kind.Tracked() && base != "" && asset.CheckID(base) == nil {
		// a name makes the ID; another licence of the same name (its serial
		// matched none above) gets the next free suffix
		for n := 1; ; n++ {
			id := base
			if n > 1 {
				id = fmt.Sprintf("%s-%d", base, n)
			}
			_, _, _, exists := p.ex.Asset(id)
			if !p.taken(id) && (!exists || rec.Value("serial") == "") {
				return id
			}
		}
	}
	return p.ex.NextID(p.opts.Kind, p.taken)
}

func (p *planner) asset(rec *Record) {
	kind := p.opts.Kind
	id := p.assetID(rec)
	if p.ids[strings.ToLower(id)] {
		p.fail(rec, "", "%s is also given by an earlier row: one row per asset", id)
		return
	}
	p.ids[strings.ToLower(id)] = true
	if serial := strings.ToLower(strings.TrimSpace(rec.Value("serial"))); serial != "" {
		if other, ok := p.serials[serial]; ok {
			p.fail(rec, rec.Column("serial"), "serial %q is also the serial of %s, from an earlier row: one item, one row", rec.Value("serial"), other)
			return
		}
		if other, ok := p.ex.BySerial(serial); ok && !strings.EqualFold(other, id) {
			p.fail(rec, rec.Column("serial"), "serial %q is already the serial of %s: one item, one record", rec.Value("serial"), other)
			return
		}
		p.serials[serial] = id
	}
	k, rel, old, exists := p.ex.Asset(id)
	if exists && k != kind {
		p.fail(rec, "", "%s is already a %s (%s), not a %s", id, k, rel, kind)
		return
	}
	var doc *yaml.Node
	var before *asset.Asset // the register's record, as it was
	if exists {
		var fs asset.Findings
		doc, fs = asset.ParseYAML(rel, old)
		if doc == nil {
			p.fail(rec, "", "%s cannot be updated: %s", rel, firstMessage(fs))
			return
		}
		before, _ = asset.DecodeAsset(rel, id, kind, old)
	} else {
		rel = register.AssetPath(kind, id)
		doc = register.NewDocument()
	}
	root := doc.Content[0]
	for _, kv := range rec.Values {
		n, err := asset.ValueNode(kind, kv.Path, kv.Value)
		if err != nil {
			p.fail(rec, rec.Column(kv.Path), "%v", err)
			continue
		}
		register.Set(root, kv.Path, n, asset.KeyOrder)
	}
	if !exists {
		for _, h := range rec.Events {
			p.history(rec, root, h)
		}
	}
	b := built{rec: rec, id: id, rel: rel, doc: doc, old: old, exists: exists}
	for _, h := range rec.Holders {
		if h.Date.IsZero() {
			// no checkout date: a new asset was handed out when bought, a
			// change of holder found by a later import happens on the day
			// the file was exported
			h.Date = p.opts.exported()
			if d, err := asset.ParseDate(rec.Value("purchase.date")); err == nil && !exists && !d.After(h.Date) {
				h.Date = d
			}
		}
		h.ID = p.ensurePerson(rec, h)
		if why := p.holderConflict(before, h); why != "" {
			b.conflicts = append(b.conflicts, why)
			continue
		}
		p.assign(rel, id, root, h)
	}
	if rec.Status != nil {
		p.status(&b, before, root)
	}
	p.built = append(p.built, b)
}

// holderConflict says why a row's holder is not recorded ("" when it is):
// a re-import never rewrites what the register knows of after the file was
// exported, and never gives an asset to someone who had left by then.
func (p *planner) holderConflict(before *asset.Asset, h Holder) string {
	if rel, data, ok := p.ex.Person(h.ID); ok {
		if person, fs := asset.DecodePerson(rel, h.ID, data); !fs.HasErrors() && person.LeftBy(h.Date) {
			return fmt.Sprintf("%s left on %s; the file says checked out to %s on %s", h.ID, person.Leaves, h.ID, h.Date)
		}
	}
	if before == nil || asset.EndStatus(before).HeldBy(h.ID) {
		return ""
	}
	return p.newer(before, "checked out to "+h.ID)
}

// newer says that the register's history of an asset goes on to or after
// the day the file was exported, so what the file says is not recorded
// ("" when the history is older).
func (p *planner) newer(before *asset.Asset, says string) string {
	last, ok := asset.LastEvent(before)
	if !ok || last.Date.Before(p.opts.exported()) {
		return ""
	}
	return fmt.Sprintf("the register says %s on %s; the file says %s", last.Past(), last.Date, says)
}

// status records the events that bring an asset to the state its status
// column gives, on the day the file was exported (or its last event's,
// when later).
func (p *planner) status(b *built, before *asset.Asset, root *yaml.Node) {
	st := b.rec.Status
	a, ok := p.decode(b.rel, b.id, root)
	if !ok {
		return
	}
	end := asset.EndStatus(a)
	if st.State == asset.InUse && end.State != asset.InUse {
		b.warnings = append(b.warnings, fmt.Sprintf("status %q means in use, but the row checks %s out to nobody: left %s", st.Label, b.id, strings.ReplaceAll(string(end.State), "_", " ")))
		return
	}
	on := p.opts.exported()
	if last, ok := asset.LastEvent(a); ok && last.Date.After(on) {
		on = last.Date
	}
	events, r := asset.EventsTo(a, st.State, on, fmt.Sprintf("imported with status %q", st.Label))
	if r != nil {
		p.errs = append(p.errs, Problem{Row: st.Row, Column: st.Column, Message: fmt.Sprintf("status %q: %s", st.Label, r.Message)})
		return
	}
	if len(events) == 0 {
		return
	}
	if before != nil {
		if why := p.newer(before, fmt.Sprintf("%q (%s)", st.Label, strings.ReplaceAll(string(st.State), "_", " "))); why != "" {
			b.conflicts = append(b.conflicts, why)
			return
		}
	}
	register.AppendEvents(root, a.History, events)
}

// decode reads the record an asset's node tree stands for, or reports
// false when it is not valid (said when the whole record is checked).
func (p *planner) decode(rel, id string, root *yaml.Node) (*asset.Asset, bool) {
	a, fs := asset.DecodeAssetDoc(rel, id, p.opts.Kind, &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
	return a, !fs.HasErrors()
}

// check encodes every asset file the records made and checks it as a
// whole, one worker per CPU (the rows are independent by now), and adds
// the good ones to the plan in row order.
func (p *planner) check() {
	type result struct {
		data []byte
		errs []string
	}
	results := make([]result, len(p.built))
	register.Parallel(len(p.built), func(i int) {
		b := p.built[i]
		data, err := register.Encode(b.doc)
		if err != nil {
			results[i].errs = []string{err.Error()}
			return
		}
		// the bytes to be written are what is checked, not the node tree:
		// a value the encoder writes in a way that reads back otherwise is
		// a refused row, not a wrong file
		a, fs := asset.DecodeAsset(b.rel, b.id, p.opts.Kind, data)
		if p.opts.Config != nil {
			fs = append(fs, asset.CheckWithConfig(a, p.opts.Config)...)
		}
		for _, f := range fs.Errors() {
			results[i].errs = append(results[i].errs, f.Message)
		}
		results[i].data = data
	})
	for i, b := range p.built {
		if len(results[i].errs) > 0 {
			for _, msg := range results[i].errs {
				p.fail(b.rec, "", "%s", msg)
			}
			continue
		}
		p.add(Action{ID: b.id, Rel: b.rel, Rows: b.rec.Rows, Data: results[i].data, Conflicts: b.conflicts, Warnings: b.warnings}, b.old, b.exists)
	}
}

func (p *planner) add(a Action, old []byte, exists bool) {
	switch {
	case !exists:
		a.Op = Create
	case bytes.Equal(old, a.Data):
		a.Op, a.Data = Unchanged, nil
	default:
		a.Op = Update
	}
	p.actions = append(p.actions, a)
}

// history adds the events of a history column, as export wrote them.
func (p *planner) history(rec *Record, root *yaml.Node, column asset.KV) {
	events, err := eventsOf(column.Value)
	if err != nil {
		p.fail(rec, column.Path, "%v", err)
		return
	}
	for _, values := range events {
		e, err := asset.NewEvent(values)
		if err != nil {
			p.fail(rec, column.Path, "%v", err)
			return
		}
		register.InsertEvent(root, e.Node(), len(events)) // as written, in its order
	}
}

// assign records a checkout as an assigned event, unless the holder
// already holds the asset.
func (p *planner) assign(rel, id string, root *yaml.Node, h Holder) {
	a, ok := p.decode(rel, id, root)
	if !ok {
		return
	}
	e := asset.Event{Date: h.Date, Type: asset.Assign, To: h.ID}
	plan, r := asset.Plan(a, e, asset.PlanOptions{Force: true, Reassign: true, SkipHeld: true})
	if r != nil {
		p.errs = append(p.errs, Problem{Row: h.Row, Message: fmt.Sprintf("cannot check %s out to %s: %s", id, h.ID, r.Reason)})
		return
	}
	register.AppendEvents(root, a.History, plan.Events)
}

// ensurePerson finds the person a holder is, by ID, then email, then
// name, and plans a people file for one the register lacks. It returns
// the person's ID.
func (p *planner) ensurePerson(rec *Record, h Holder) string {
	if _, seen := p.people[h.ID]; seen {
		return h.ID
	}
	if _, _, ok := p.ex.Person(h.ID); ok {
		p.people[h.ID] = -1
		return h.ID
	}
	if id, ok := p.ex.PersonByEmailOrName(h.Email, h.Name); ok {
		p.people[id] = -1
		return id
	}
	doc := register.NewDocument()
	values := []asset.KV{{Path: "name", Value: h.Name}, {Path: "email", Value: h.Email}}
	for _, kv := range values {
		if kv.Value == "" {
			continue
		}
		n, err := asset.PersonValueNode(kv.Path, kv.Value)
		if err != nil {
			p.errs = append(p.errs, Problem{Row: h.Row, Message: fmt.Sprintf("person %s: %v", h.ID, err)})
			return h.ID
		}
		register.Set(doc.Content[0], kv.Path, n, asset.PersonKeyOrder)
	}
	data, _ := register.Encode(doc)
	p.people[h.ID] = len(p.actions)
	p.actions = append(p.actions, Action{Op: Create, ID: h.ID, Rel: register.PersonPath(h.ID), Rows: []int{h.Row}, Person: true, Data: data})
	return h.ID
}

// personID is the ID a people file's row gives: its ID column, else its
// email, the part before @ of either (as checkouts make people's IDs), made
// safe for a file name.
func personID(rec *Record) string {
	id := rec.ID
	if id == "" {
		id = rec.Value("email")
	}
	if local, _, ok := strings.Cut(id, "@"); ok {
		id = local
	}
	return Slug(id)
}

func (p *planner) person(rec *Record) {
	if rec.ID == "" && rec.badID {
		return
	}
	id := personID(rec)
	if id == "" {
		p.fail(rec, "", "a person needs an ID: map a column to it, e.g. --map \"Username=id\"")
		return
	}
	if _, dup := p.people[id]; dup {
		p.fail(rec, "", "person %s is also given by an earlier row", id)
		return
	}
	p.people[id] = len(p.actions)
	rel, old, exists := p.ex.Person(id)
	var doc *yaml.Node
	if exists {
		var fs asset.Findings
		if doc, fs = asset.ParseYAML(rel, old); doc == nil {
			p.fail(rec, "", "%s cannot be updated: %s", rel, firstMessage(fs))
			return
		}
	} else {
		rel, doc = register.PersonPath(id), register.NewDocument()
	}
	for _, kv := range rec.Values {
		if kv.Path == "manager" {
			// Snipe-IT names managers by their full name
			if mid, ok := p.managers[strings.ToLower(kv.Value)]; ok {
				kv.Value = mid
			} else if _, _, ok := p.ex.Person(Slug(kv.Value)); ok {
				kv.Value = Slug(kv.Value)
			} else if mid, ok := p.ex.PersonByEmailOrName(kv.Value, kv.Value); ok {
				kv.Value = mid
			} else {
				kv.Path = "fields.manager_name"
			}
		}
		n, err := asset.PersonValueNode(kv.Path, kv.Value)
		if strings.HasPrefix(kv.Path, "fields.") {
			n, err = asset.StringNode(kv.Value), nil
		}
		if err != nil {
			p.fail(rec, rec.Column(kv.Path), "%v", err)
			continue
		}
		register.Set(doc.Content[0], kv.Path, n, asset.PersonKeyOrder)
	}
	if d := rec.Disabled; d != nil && rec.Value("leaves") == "" && register.Get(doc.Content[0], "leaves") == nil {
		// the identity provider has closed the account: their last day is
		// the last sign-in, else the day the file was exported
		last := p.opts.exported()
		if !d.LastSignIn.IsZero() && d.LastSignIn.Before(last) {
			last = d.LastSignIn
		}
		if n, err := asset.PersonValueNode("leaves", last.String()); err == nil {
			register.Set(doc.Content[0], "leaves", n, asset.PersonKeyOrder)
		}
	}
	data, _ := register.Encode(doc)
	if _, fs := asset.DecodePerson(rel, id, data); fs.HasErrors() {
		for _, f := range fs.Errors() {
			p.fail(rec, "", "%s", f.Message)
		}
		return
	}
	p.add(Action{ID: id, Rel: rel, Rows: rec.Rows, Person: true, Data: data}, old, exists)
}

func firstMessage(fs asset.Findings) string {
	if e := fs.Errors(); len(e) > 0 {
		return e[0].Short()
	}
	return "it is not valid"
}
