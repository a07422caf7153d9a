package view

import (
	"fmt"
	"io"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/diff"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
)

// Diff is what a change means, shaped for output: `itrack diff --format
// json`, and the text and markdown of the other formats.
type Diff struct {
	Base         string           `json:"base"`
	Head         string           `json:"head"`
	AsOf         string           `json:"as_of"`
	Summary      diffSummary      `json:"summary"`
	Changes      []diffChange     `json:"changes"`
	PurchaseCost []deltaJSON      `json:"purchase_cost"`
	RunRate      []deltaJSON      `json:"annual_run_rate"`
	Seats        []seatChangeJSON `json:"seats"`
	Findings     []diffNote       `json:"findings"`
	Introduced   []Finding        `json:"errors_introduced"`
	Fixed        []Finding        `json:"errors_fixed"`
	NewWarnings  []Finding        `json:"warnings_introduced"`
	FixedWarns   []Finding        `json:"warnings_fixed"`
}

type diffSummary struct {
	Added    int `json:"added"`
	Deleted  int `json:"deleted"`
	Renamed  int `json:"renamed"`
	Modified int `json:"modified"`
}

type diffChange struct {
	Status   string             `json:"status"`
	Kind     string             `json:"kind,omitempty"`
	Person   bool               `json:"person,omitempty"`
	ID       string             `json:"id"`
	Name     string             `json:"name"`
	OldFile  string             `json:"old_file,omitempty"`
	File     string             `json:"file,omitempty"`
	Cost     *Amount            `json:"cost,omitempty"`
	Term     string             `json:"term,omitempty"`
	Fields   []diff.FieldChange `json:"fields,omitempty"`
	Events   []happeningJSON    `json:"events,omitempty"`
	Removed  []happeningJSON    `json:"events_removed,omitempty"`
	State    *stateJSON         `json:"state,omitempty"`
	Renewals []dateMoveJSON     `json:"renewals,omitempty"`
}

type happeningJSON struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

type stateJSON struct {
	From string `json:"from"`
	To   string `json:"to"`
}

type dateMoveJSON struct {
	Type string `json:"type"`
	From string `json:"from"`
	To   string `json:"to"`
}

type deltaJSON struct {
	Currency string `json:"currency"`
	Before   string `json:"before"`
	After    string `json:"after"`
	Change   string `json:"change"`
}

type seatChangeJSON struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	UsedBefore  int    `json:"used_before"`
	SeatsBefore *int   `json:"seats_before"`
	UsedAfter   int    `json:"used_after"`
	SeatsAfter  *int   `json:"seats_after"`
	Over        bool   `json:"over"`
	New         bool   `json:"new,omitempty"`
}

type diffNote struct {
	Rule    string `json:"rule"`
	File    string `json:"file"`
	Message string `json:"message"`
}

func DiffOf(r *diff.Result, base, head string, asOf asset.Date) Diff {
	v := Diff{Base: base, Head: head, AsOf: asOf.String(), Changes: []diffChange{}, PurchaseCost: []deltaJSON{},
		RunRate: []deltaJSON{}, Seats: []seatChangeJSON{}, Findings: []diffNote{}}
	for _, c := range r.Changes {
		dc := diffChange{Status: c.Status, Kind: string(c.Kind), Person: c.Person, ID: c.ID, Name: c.Name, OldFile: c.OldFile, File: c.NewFile, Fields: c.Fields}
		if c.OldFile == c.NewFile {
			dc.OldFile = ""
		}
		if dc.File == "" {
			dc.File, dc.OldFile = c.OldFile, ""
		}
		if !c.Cost.IsZero() {
			dc.Cost, dc.Term = AmountOf(c.Cost, c.Cost.Currency), c.Term.String()
		}
		for _, e := range c.Events {
			dc.Events = append(dc.Events, happeningJSON{e.Date.String(), e.Text})
		}
		for _, e := range c.Removed {
			dc.Removed = append(dc.Removed, happeningJSON{e.Date.String(), e.Text})
		}
		if c.State != nil {
			dc.State = &stateJSON{string(c.State.From), string(c.State.To)}
		}
		for _, m := range c.Renewals {
			dc.Renewals = append(dc.Renewals, dateMoveJSON{m.Type, m.From.String(), m.To.String()})
		}
		switch c.Status {
		case "added":
			v.Summary.Added++
		case "deleted":
			v.Summary.Deleted++
		case "renamed":
			v.Summary.Renamed++
		default:
			v.Summary.Modified++
		}
		v.Changes = append(v.Changes, dc)
	}
	deltas := func(ds []diff.Delta) []deltaJSON {
		out := []deltaJSON{}
		for _, d := range ds {
			p := asset.MinorUnits(d.Currency)
			change := d.After.Sub(d.Before)
			sign := ""
			if change.IsPositive() {
				sign = "+"
			}
			out = append(out, deltaJSON{Currency: d.Currency, Before: d.Before.StringFixed(p), After: d.After.StringFixed(p), Change: sign + change.StringFixed(p)})
		}
		return out
	}
	v.PurchaseCost, v.RunRate = deltas(r.PurchaseCost), deltas(r.RunRate)
	for _, s := range r.Seats {
		v.Seats = append(v.Seats, seatChangeJSON{ID: s.ID, Name: s.Name, UsedBefore: s.UsedBefore, SeatsBefore: s.SeatsBefore,
			UsedAfter: s.UsedAfter, SeatsAfter: s.SeatsAfter, Over: s.OverAfter, New: s.New})
	}
	for _, n := range r.Findings {
		v.Findings = append(v.Findings, diffNote(n))
	}
	v.Introduced, v.Fixed = FindingsOf(r.Introduced), FindingsOf(r.Fixed)
	v.NewWarnings, v.FixedWarns = FindingsOf(r.NewWarnings), FindingsOf(r.FixedWarnings)
	return v
}

// summaryLine says the whole change in one line.
func (v Diff) summaryLine() string {
	s := v.Summary
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{s.Added, "added"}, {s.Modified, "changed"}, {s.Renamed, "renamed"}, {s.Deleted, "deleted"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.word))
		}
	}
	if len(parts) == 0 {
		return "No change to the register."
	}
	line := strings.Join(parts, ", ")
	for _, d := range v.PurchaseCost {
		line += fmt.Sprintf("; purchase cost %s %s", d.Change, d.Currency)
	}
	for _, d := range v.RunRate {
		line += fmt.Sprintf("; run-rate %s %s a year", d.Change, d.Currency)
	}
	if n := len(v.Findings); n > 0 {
		line += fmt.Sprintf("; %s to review", Plural(n, "finding"))
	}
	return line + "."
}

func (c diffChange) title() string {
	t := c.ID
	if c.Name != "" && c.Name != c.ID {
		t += " " + c.Name
	}
	if c.Person {
		t = "person " + t
	}
	if c.Cost != nil {
		per := ""
		if c.Term != "" {
			per = " per " + c.Term
		}
		t += " (" + c.Cost.String() + per + ")"
	}
	if c.OldFile != "" {
		t += " (from " + c.OldFile + ")"
	}
	return t
}

// details lists what changed in one asset, one line each.
func (c diffChange) details() []string {
	var out []string
	for _, f := range c.Fields {
		switch {
		case f.From == "":
			out = append(out, fmt.Sprintf("%s: set to %s", f.Path, f.To))
		case f.To == "":
			out = append(out, fmt.Sprintf("%s: removed (was %s)", f.Path, f.From))
		default:
			out = append(out, fmt.Sprintf("%s: %s → %s", f.Path, f.From, f.To))
		}
	}
	for _, e := range c.Events {
		out = append(out, e.Text)
	}
	for _, e := range c.Removed {
		out = append(out, "event removed: "+e.Text)
	}
	if c.State != nil {
		out = append(out, fmt.Sprintf("state: %s → %s", c.State.From, c.State.To))
	}
	for _, m := range c.Renewals {
		what := strings.ReplaceAll(m.Type, "_", " ")
		switch {
		case m.From == "":
			out = append(out, fmt.Sprintf("%s: now %s", what, m.To))
		case m.To == "":
			out = append(out, fmt.Sprintf("%s: no longer due (was %s)", what, m.From))
		default:
			out = append(out, fmt.Sprintf("%s moved: %s → %s", what, m.From, m.To))
		}
	}
	return out
}

func seatText(s seatChangeJSON) string {
	count := func(used int, seats *int) string {
		if seats == nil {
			return fmt.Sprint(used)
		}
		return fmt.Sprintf("%d/%d", used, *seats)
	}
	t := fmt.Sprintf("%s → %s", count(s.UsedBefore, s.SeatsBefore), count(s.UsedAfter, s.SeatsAfter))
	if s.New {
		t = "new: " + count(s.UsedAfter, s.SeatsAfter)
		if s.SeatsAfter != nil {
			t += " seats"
		}
	}
	if s.Over {
		t += " (over)"
	}
	return t
}

// WriteText writes the change for a terminal.
func (v Diff) WriteText(out io.Writer, st *render.Styles) error {
	fmt.Fprintln(out, safe.Text(v.summaryLine()))
	for _, status := range []string{"added", "modified", "renamed", "deleted"} {
		first := true
		for _, c := range v.Changes {
			if c.Status != status {
				continue
			}
			if first {
				fmt.Fprintf(out, "\n%s\n", st.Bold().Render(Capitalise(status)))
				first = false
			}
			fmt.Fprintf(out, "  %s\n", safe.Text(c.title()))
			for _, d := range c.details() {
				fmt.Fprintf(out, "    %s\n", safe.Text(d))
			}
		}
	}
	if len(v.Seats) > 0 {
		fmt.Fprintf(out, "\n%s\n", st.Bold().Render("Seats"))
		for _, s := range v.Seats {
			fmt.Fprintf(out, "  %s: %s\n", safe.Text(s.ID), seatText(s))
		}
	}
	if len(v.Findings) > 0 {
		fmt.Fprintf(out, "\n%s\n", st.Bold().Render("Findings"))
		for _, n := range v.Findings {
			fmt.Fprintf(out, "  [%s] %s\n", n.Rule, safe.Text(n.Message))
		}
	}
	for _, fixed := range []struct {
		title string
		fs    []Finding
	}{{"Errors fixed", v.Fixed}, {"Warnings fixed", v.FixedWarns}} {
		if len(fixed.fs) > 0 {
			fmt.Fprintf(out, "\n%s\n", st.Bold().Render(fixed.title))
			for _, f := range fixed.fs {
				fmt.Fprintf(out, "  %s:%d: %s [%s]\n", safe.Text(f.File), f.Line, safe.Text(f.Message), f.Rule)
			}
		}
	}
	return nil
}

// foldAfter is how many entries a markdown list shows before folding the
// rest into <details>.
const foldAfter = 10

// WriteMarkdown writes the change as a pull request comment.
func (v Diff) WriteMarkdown(w io.Writer) error {
	fmt.Fprintf(w, "**itrack**: %s\n", render.MarkdownCell(v.summaryLine()))
	if len(v.Findings) > 0 {
		fmt.Fprintf(w, "\n### Findings\n\n")
		for _, n := range v.Findings {
			fmt.Fprintf(w, "- :warning: **%s**: %s\n", n.Rule, render.MarkdownCell(n.Message))
		}
	}
	for _, status := range []string{"added", "modified", "renamed", "deleted"} {
		var items []string
		for _, c := range v.Changes {
			if c.Status != status {
				continue
			}
			item := "- **" + render.MarkdownCell(c.title()) + "**"
			for _, d := range c.details() {
				item += "\n  - " + render.MarkdownCell(d)
			}
			items = append(items, item)
		}
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n### %s (%d)\n\n", Capitalise(status), len(items))
		writeFolded(w, items)
	}
	if len(v.Seats) > 0 {
		fmt.Fprintf(w, "\n### Seats\n\n| licence | seats |\n| --- | --- |\n")
		for _, s := range v.Seats {
			fmt.Fprintf(w, "| %s | %s |\n", render.MarkdownCell(s.ID), seatText(s))
		}
	}
	if len(v.PurchaseCost)+len(v.RunRate) > 0 {
		fmt.Fprintf(w, "\n### Money\n\n| | before | after | change |\n| --- | --- | --- | --- |\n")
		for _, d := range v.PurchaseCost {
			fmt.Fprintf(w, "| purchase cost (%s) | %s | %s | %s |\n", d.Currency, d.Before, d.After, d.Change)
		}
		for _, d := range v.RunRate {
			fmt.Fprintf(w, "| annual run-rate (%s) | %s | %s | %s |\n", d.Currency, d.Before, d.After, d.Change)
		}
	}
	for _, fixed := range []struct {
		title string
		fs    []Finding
	}{{"Errors fixed", v.Fixed}, {"Warnings fixed", v.FixedWarns}} {
		if len(fixed.fs) > 0 {
			fmt.Fprintf(w, "\n### %s (%d)\n\n", fixed.title, len(fixed.fs))
			var items []string
			for _, f := range fixed.fs {
				items = append(items, fmt.Sprintf("- `%s:%d` %s [%s]", f.File, f.Line, render.MarkdownCell(f.Message), f.Rule))
			}
			writeFolded(w, items)
		}
	}
	return nil
}

// writeFolded writes a list, folding what is past the first entries into
// a <details> block so a long change keeps the comment readable.
func writeFolded(w io.Writer, items []string) {
	shown := items
	if len(items) > foldAfter {
		shown = items[:foldAfter]
	}
	for _, it := range shown {
		fmt.Fprintln(w, it)
	}
	if len(items) > foldAfter {
		fmt.Fprintf(w, "\n<details><summary>%d more</summary>\n\n", len(items)-foldAfter)
		for _, it := range items[foldAfter:] {
			fmt.Fprintln(w, it)
		}
		fmt.Fprintf(w, "\n</details>\n")
	}
}
