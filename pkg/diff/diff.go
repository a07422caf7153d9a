// Package diff says what a change to a register means: the assets added,
// deleted, renamed and changed, field by field, the new events in words,
// and the effects (states, seat use, purchase cost, run-rate, renewal
// dates, validation findings introduced or fixed). It compares the files
// that changed and nothing else, so its cost follows the size of the
// change.
package diff

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/itrack/itrack/pkg/asset"
)

// File is one changed file: its path before and after ("" when absent) and
// its contents on each side.
type File struct {
	Old, New   string
	Base, Head []byte
}

// Input is what Compare works on.
type Input struct {
	Files  []File
	Config *asset.Config // the head's settings
	AsOf   asset.Date
	// Base and Head, when set, let diff check the references the change
	// breaks or mends in the rest of the register.
	Base, Head Context
}

// Result is what a change means.
type Result struct {
	Changes []Change
	// Totals over the changed assets, per currency.
	PurchaseCost []Delta
	RunRate      []Delta
	Seats        []SeatChange
	Introduced   asset.Findings // errors the change brings
	Fixed        asset.Findings // errors the change removes
	// NewWarnings and FixedWarnings are the warnings it brings and removes,
	// those of the day (a leaver holding an asset) included.
	NewWarnings, FixedWarnings asset.Findings
	Findings                   []Note // what a reviewer must look at
}

// Change is one changed asset or person.
type Change struct {
	Status   string // added, deleted, modified, renamed
	Kind     asset.Kind
	Person   bool
	ID       string
	Name     string
	OldFile  string
	NewFile  string
	Cost     asset.Money    // of an added or deleted asset: its purchase cost, else its cost per term
	Term     asset.Duration // the term of a recurring Cost
	Fields   []FieldChange
	Events   []Happening // new events, in words
	Removed  []Happening // events that disappeared from the history
	State    *StateChange
	Renewals []DateMove
	broken   bool // a version has errors: values and effects are left out
}

// FieldChange is one value that changed.
type FieldChange struct {
	Path string `json:"path"`
	From string `json:"from"`
	To   string `json:"to"`
}

// Happening is an event in words: "assigned to alice".
type Happening struct {
	Date asset.Date
	Text string
}

// StateChange is a change of computed state.
type StateChange struct {
	From, To asset.State
}

// DateMove is a renewal or expiry date that moved.
type DateMove struct {
	Type     string
	From, To asset.Date // zero when the item appears or disappears
}

// SeatChange is a licence's seat use before and after.
type SeatChange struct {
	ID, Name                string
	UsedBefore, UsedAfter   int
	SeatsBefore, SeatsAfter *int
	OverBefore, OverAfter   bool
	New                     bool // the base has no such licence
}

// Delta is a total before and after, in one currency.
type Delta struct {
	Currency      string
	Before, After decimal.Decimal
}

// Note is a finding for the reviewer.
type Note struct {
	Rule    string // deleted-asset, seats-over, new-error, history-rewritten
	File    string
	Message string
}

// side is one version of one file, decoded.
type side struct {
	asset    *asset.Asset
	person   *asset.Person
	findings asset.Findings
}

func decode(rel string, data []byte) *side {
	if data == nil {
		return nil
	}
	kind, id, person, ok := asset.ParsePath(rel)
	if !ok {
		return nil
	}
	s := &side{}
	if person {
		s.person, s.findings = asset.DecodePerson(rel, id, data)
	} else {
		s.asset, s.findings = asset.DecodeAsset(rel, id, kind, data)
	}
	return s
}

// Compare works out what a change means.
func Compare(in Input) *Result {
	r := &Result{}
	cost := map[string]*Delta{}
	run := map[string]*Delta{}
	bases, heads := map[string]*side{}, map[string]*side{}
	var pairs [][2]*side // each changed file's two versions
	for _, f := range in.Files {
		base, head := decode(f.Old, f.Base), decode(f.New, f.Head)
		if base == nil && head == nil {
			continue
		}
		if base != nil {
			bases[f.Old] = base
		}
		if head != nil {
			heads[f.New] = head
		}
		c := describe(f, base, head, in)
		r.Changes = append(r.Changes, c)
		pairs = append(pairs, [2]*side{base, head})
		if base != nil && base.asset != nil && !c.broken {
			addTotals(cost, run, base.asset, in, false)
		}
		if head != nil && head.asset != nil && !c.broken {
			addTotals(cost, run, head.asset, in, true)
		}
		if sc, ok := seatChange(base, head, in); ok && !c.broken {
			r.Seats = append(r.Seats, sc)
			if sc.OverAfter && !sc.OverBefore {
				r.Findings = append(r.Findings, Note{Rule: "seats-over", File: f.New,
					Message: fmt.Sprintf("%s goes over its seats: %d used of %d", sc.Name, sc.UsedAfter, *sc.SeatsAfter)})
			}
		}
		if c.Status == "deleted" && !c.Person {
			r.Findings = append(r.Findings, Note{Rule: "deleted-asset", File: f.Old,
				Message: fmt.Sprintf("%s was deleted instead of retired: its history is gone (use itrack retire and itrack dispose)", title(c.ID, c.Name))})
		}
		if len(c.Removed) > 0 {
			r.Findings = append(r.Findings, Note{Rule: "history-rewritten", File: f.New,
				Message: fmt.Sprintf("%s: %s removed or changed: the history is append-only", c.ID, pastEvents(len(c.Removed)))})
		}
	}
	baseDay, headDay := dayFindings(bases, in.Base, in), dayFindings(heads, in.Head, in)
	for _, p := range pairs {
		r.compareFindings(withDay(p[0], baseDay), withDay(p[1], headDay), p[0].id(), p[1].id())
	}
	r.compareRefs(in, bases, heads)
	for _, e := range r.Introduced {
		r.Findings = append(r.Findings, Note{Rule: "new-error", File: e.File, Message: e.Short()})
	}
	for _, w := range r.NewWarnings {
		r.Findings = append(r.Findings, Note{Rule: "new-warning", File: w.File, Message: w.Short()})
	}
	sort.SliceStable(r.Changes, func(i, j int) bool { return r.Changes[i].ID < r.Changes[j].ID })
	r.PurchaseCost, r.RunRate = sortedDeltas(cost), sortedDeltas(run)
	return r
}

// compareRefs adds the broken and mended references between files; bases
// and heads are the changed files' two versions, decoded.
func (r *Result) compareRefs(in Input, bases, heads map[string]*side) {
	baseOnly, headOnly := sideOnlyIDs(in.Files)
	changed := changedRefs(in.Files, bases, heads)
	before := refFindings(in.Files, bases, in.Base, headOnly, changed)
	after := refFindings(in.Files, heads, in.Head, baseOnly, changed)
	r.introducedAndFixed(before, after, findingKey)
}

// compareFindings adds the findings one changed file brings and removes; a
// finding stays the same when it moves to another line or the file is
// renamed (its messages then name the record by its old and new IDs).
func (r *Result) compareFindings(before, after asset.Findings, baseID, headID string) {
	key := func(id string) func(asset.Finding) string {
		return func(f asset.Finding) string {
			msg := f.Message
			if id != "" {
				msg = strings.ReplaceAll(msg, id, "\x01")
			}
			return f.Rule + "\x00" + msg
		}
	}
	had := map[string]bool{}
	for _, f := range before {
		had[key(baseID)(f)] = true
	}
	has := map[string]bool{}
	for _, f := range after {
		has[key(headID)(f)] = true
	}
	for _, f := range after {
		if !had[key(headID)(f)] {
			r.add(f, &r.Introduced, &r.NewWarnings)
		}
	}
	for _, f := range before {
		if !has[key(baseID)(f)] {
			r.add(f, &r.Fixed, &r.FixedWarnings)
		}
	}
}

// add puts a finding among the errors or the warnings.
func (r *Result) add(f asset.Finding, errs, warnings *asset.Findings) {
	if f.Severity == asset.Error {
		*errs = append(*errs, f)
	} else {
		*warnings = append(*warnings, f)
	}
}

// id is the record's ID, "" for none.
func (s *side) id() string {
	switch {
	case s == nil:
		return ""
	case s.asset != nil:
		return s.asset.ID
	case s.person != nil:
		return s.person.ID
	}
	return ""
}

// dayFindings are the findings of the day of the changed assets of one
// version of the register: the rules validate applies as of a date (a
// leaver holding an asset, seats still held of an expired licence), for the
// people they name in that version, read in one go.
func dayFindings(sides map[string]*side, ctx Context, in Input) map[*side]asset.Findings {
	if ctx == nil || in.Config == nil {
		return nil
	}
	holders := map[*side][]string{}
	var paths []string
	for _, s := range sides {
		if s.asset == nil || s.findings.HasErrors() {
			continue
		}
		st, _ := asset.StatusAt(s.asset, in.AsOf, in.Config.Renewals.Window)
		for _, id := range append([]string{st.Holder}, st.SeatHolders...) {
			if id != "" {
				holders[s] = append(holders[s], id)
				paths = append(paths, "people/"+id+".yaml")
			}
		}
	}
	if len(paths) == 0 {
		return nil
	}
	slices.Sort(paths)
	files, err := ctx.Read(slices.Compact(paths))
	if err != nil {
		return nil
	}
	people := map[string]*asset.Person{}
	for rel, data := range files {
		if _, id, _, ok := asset.ParsePath(rel); ok {
			if p, fs := asset.DecodePerson(rel, id, data); !fs.HasErrors() {
				people[id] = p
			}
		}
	}
	out := map[*side]asset.Findings{}
	for s, ids := range holders {
		var named []*asset.Person
		for _, id := range ids {
			if p := people[id]; p != nil {
				named = append(named, p)
			}
		}
		out[s] = asset.CheckAsOf(in.Config, []*asset.Asset{s.asset}, named, in.AsOf)
	}
	return out
}

// withDay is a changed file's findings with those of the day.
func withDay(s *side, day map[*side]asset.Findings) asset.Findings {
	if s == nil {
		return nil
	}
	return append(slices.Clone(s.findings), day[s]...)
}

// introducedAndFixed adds the findings of after that before lacks to
// Introduced, and those of before that after lacks to Fixed; key says
// which two findings are the same.
func (r *Result) introducedAndFixed(before, after asset.Findings, key func(asset.Finding) string) {
	had, has := map[string]bool{}, map[string]bool{}
	for _, f := range before {
		had[key(f)] = true
	}
	for _, f := range after {
		has[key(f)] = true
		if !had[key(f)] {
			r.add(f, &r.Introduced, &r.NewWarnings)
		}
	}
	for _, f := range before {
		if !has[key(f)] {
			r.add(f, &r.Fixed, &r.FixedWarnings)
		}
	}
}

func describe(f File, base, head *side, in Input) Change {
	c := Change{OldFile: f.Old, NewFile: f.New}
	switch {
	case base == nil:
		c.Status = "added"
	case head == nil:
		c.Status = "deleted"
	case f.Old != f.New:
		c.Status = "renamed"
	default:
		c.Status = "modified"
	}
	var b, h *asset.Asset
	if base != nil {
		b = base.asset
	}
	if head != nil {
		h = head.asset
	}
	if (base != nil && base.person != nil) || (head != nil && head.person != nil) {
		return describePerson(c, base, head)
	}
	// a version with errors is read for what it says, but a value that
	// failed to decode is not a removal, and no effect is computed from it
	broken := (base != nil && base.findings.HasErrors()) || (head != nil && head.findings.HasErrors())
	c.broken = broken
	for _, a := range []*asset.Asset{b, h} {
		if a != nil {
			c.Kind, c.ID, c.Name = a.Kind, a.ID, a.Name
		}
	}
	switch c.Status {
	case "added":
		c.Cost, c.Term = costOf(h, in.Config.Currency)
	case "deleted":
		c.Cost, c.Term = costOf(b, in.Config.Currency)
	}
	var bv, hv []asset.KV
	if b != nil {
		bv = b.Values()
	}
	if h != nil {
		hv = h.Values()
	}
	if c.Status != "added" && c.Status != "deleted" {
		c.Fields = fieldChanges(bv, hv)
		// a value the head lost to an error was not removed
		if head != nil && head.findings.HasErrors() {
			c.Fields = slices.DeleteFunc(c.Fields, func(f FieldChange) bool { return f.To == "" })
		}
	}
	var bh, hh []asset.Event
	if b != nil {
		bh = b.History
	}
	if h != nil {
		hh = h.History
	}
	added, removed := eventChanges(bh, hh)
	for _, e := range added {
		c.Events = append(c.Events, Happening{Date: e.Date, Text: e.Sentence(in.Config.Currency)})
	}
	for _, e := range removed {
		c.Removed = append(c.Removed, Happening{Date: e.Date, Text: e.Sentence(in.Config.Currency)})
	}
	if broken {
		return c
	}
	window := in.Config.Renewals.Window
	var bs, hs asset.Status
	if b != nil {
		bs, _ = asset.StatusAt(b, in.AsOf, window)
	}
	if h != nil {
		hs, _ = asset.StatusAt(h, in.AsOf, window)
	}
	if b != nil && h != nil && bs.State != hs.State {
		c.State = &StateChange{From: bs.State, To: hs.State}
	}
	if b != nil && h != nil {
		c.Renewals = dateMoves(b, h, bs, hs, in)
	}
	return c
}

// costOf is what an asset costs: its purchase, else its cost per term.
func costOf(a *asset.Asset, currency string) (asset.Money, asset.Duration) {
	if !a.Purchase.Cost.IsZero() {
		return a.Purchase.Cost.In(currency).Times(a.Count()), asset.Duration{}
	}
	return a.Cost.In(currency), a.Term
}

func describePerson(c Change, base, head *side) Change {
	c.Person = true
	var bv, hv []asset.KV
	for _, s := range []*side{base, head} {
		if s != nil && s.person != nil {
			c.ID, c.Name = s.person.ID, s.person.Name
		}
	}
	if base != nil && base.person != nil {
		bv = base.person.Values()
	}
	if head != nil && head.person != nil {
		hv = head.person.Values()
	}
	if c.Status != "added" && c.Status != "deleted" {
		c.Fields = fieldChanges(bv, hv)
	}
	return c
}

// FailRules are the findings `itrack diff --fail-on` can fail on.
var FailRules = []string{"deleted-asset", "new-error", "seats-over"}

// FailRule reads a --fail-on name: a rule of FailRules, or its older
// spelling (deletions, new-errors, over-seats).
func FailRule(name string) (string, bool) {
	switch name {
	case "deletions":
		return "deleted-asset", true
	case "new-errors":
		return "new-error", true
	case "over-seats":
		return "seats-over", true
	}
	return name, slices.Contains(FailRules, name)
}
