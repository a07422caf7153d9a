package importer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// What a plan comes to: the rows to skip, the files to write, and a
// summary in words.

// Bad is what the problems of a plan say of its rows.
type Bad struct {
	Rows map[int]bool
	// WholeFile is set when a problem is about no row (the file as a
	// whole), which no row can be skipped to avoid.
	WholeFile bool
}

// SortProblems puts problems in row order, keeping the order of those of
// one row.
func SortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Row < ps[j].Row })
}

// BadRows collects the rows problems are about.
func BadRows(ps []Problem) Bad {
	b := Bad{Rows: map[int]bool{}}
	for _, p := range ps {
		b.Rows[p.Row] = true
		b.WholeFile = b.WholeFile || p.Row == 0
	}
	return b
}

// Without returns the records that come from none of the bad rows.
func (b Bad) Without(records []*Record) []*Record {
	var good []*Record
	for _, r := range records {
		if !b.any(r.Rows) {
			good = append(good, r)
		}
	}
	return good
}

func (b Bad) any(rows []int) bool {
	for _, r := range rows {
		if b.Rows[r] {
			return true
		}
	}
	return false
}

// Sorted returns the bad rows in order.
func (b Bad) Sorted() []int {
	rows := make([]int, 0, len(b.Rows))
	for r := range b.Rows {
		rows = append(rows, r)
	}
	sort.Ints(rows)
	return rows
}

// List writes the bad rows: "rows 3, 7".
func (b Bad) List() string {
	rows := b.Sorted()
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = strconv.Itoa(r)
	}
	if len(parts) == 1 {
		return "row " + parts[0]
	}
	return "rows " + strings.Join(parts, ", ")
}

// RowRange writes the rows of an action: "4", or "4-6" for a licence's
// seat rows.
func RowRange(rows []int) string {
	if len(rows) == 1 {
		return strconv.Itoa(rows[0])
	}
	return fmt.Sprintf("%d-%d", rows[0], rows[len(rows)-1])
}

// Files returns the contents of the files the actions write, and the
// order to write them in.
func Files(actions []Action) (map[string][]byte, []string) {
	files := map[string][]byte{}
	var order []string
	for _, a := range actions {
		if a.Op != Unchanged {
			files[a.Rel] = a.Data
			order = append(order, a.Rel)
		}
	}
	return files, order
}

// Summary counts the actions in words: "3 created, 1 unchanged, 2 people
// created".
func Summary(actions []Action) string {
	counts := map[string]int{}
	for _, a := range actions {
		what := a.Op
		if a.Person {
			what += " person"
		}
		counts[what]++
	}
	var parts []string
	for _, k := range []struct{ op, words string }{
		{Create, "created"}, {Update, "updated"}, {Unchanged, "unchanged"},
		{Create + " person", "people created"}, {Update + " person", "people updated"}, {Unchanged + " person", "people unchanged"},
	} {
		if n := counts[k.op]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, k.words))
		}
	}
	if len(parts) == 0 {
		return "no rows"
	}
	return strings.Join(parts, ", ")
}

// Collapse writes problems as lines, those of one group in one column as
// a single line with their rows: "FILE: warning: column "Serial": 200 rows
// (3, 4, 5, 6, 7 and 195 more) hold numbers a spreadsheet shortened …".
func Collapse(file, severity string, ps []Problem) []string {
	type group struct {
		first Problem
		rows  []int
	}
	var order []string
	groups := map[string]*group{}
	for _, p := range ps {
		key := p.Column + "\x00" + p.Group
		if p.Group == "" {
			key = fmt.Sprint(len(order), "\x00", p.Message)
		}
		g, ok := groups[key]
		if !ok {
			g = &group{first: p}
			groups[key] = g
			order = append(order, key)
		}
		g.rows = append(g.rows, p.Row)
	}
	lines := make([]string, 0, len(order))
	for _, key := range order {
		g := groups[key]
		if len(g.rows) == 1 {
			lines = append(lines, g.first.Format(file, severity))
			continue
		}
		p := Problem{Column: g.first.Column, Message: fmt.Sprintf("%d rows (%s) hold %s", len(g.rows), RowList(g.rows), fmt.Sprintf(g.first.Group, g.first.Value))}
		lines = append(lines, p.Format(file, severity))
	}
	return lines
}

// RowList writes row numbers, the first five and how many more: "3, 4
// and 9", "3, 4, 5, 6, 7 and 195 more".
func RowList(rows []int) string {
	parts := make([]string, 0, 6)
	for i, r := range rows {
		if i == 5 {
			return strings.Join(parts, ", ") + fmt.Sprintf(" and %d more", len(rows)-5)
		}
		parts = append(parts, strconv.Itoa(r))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// Migration is what an import comes to, for its summary.
type Migration struct {
	File      string
	Kind      string // the kind's folder word: hardware, licence…, or people
	Rows      int    // rows read, blank ones left out
	Created   int
	Updated   int
	Unchanged int
	// PeopleCreated are the people the checkout columns made.
	PeopleCreated int
	Custom        []string // the custom fields the columns go to
	Ignored       []string // the columns skipped
	Refused       []int    // the rows --skip-invalid left out
	Conflicts     int      // rows the register's newer history overrules
}

// Summarise counts what the actions do, for Migration.
func Summarise(m *Migration, actions []Action, mapping *Mapping, people bool) {
	for _, a := range actions {
		switch {
		case a.Person && !people:
			if a.Op == Create {
				m.PeopleCreated++
			}
			continue
		case a.Op == Create:
			m.Created++
		case a.Op == Update:
			m.Updated++
		default:
			m.Unchanged++
		}
		if len(a.Conflicts) > 0 {
			m.Conflicts++
		}
	}
	for _, c := range mapping.Columns {
		switch {
		case c.Target == TargetIgnore && c.Header != "":
			m.Ignored = append(m.Ignored, fmt.Sprintf("%q", c.Header))
		case c.Target == TargetIgnore:
			m.Ignored = append(m.Ignored, fmt.Sprintf("column %d", c.Index+1))
		case strings.HasPrefix(c.Target, "fields."):
			m.Custom = append(m.Custom, strings.TrimPrefix(c.Target, "fields."))
		case c.Target == TargetLastSignIn:
			m.Custom = append(m.Custom, "last_sign_in")
		case c.Target == TargetAccount, c.Target == TargetAccountEnabled:
			m.Custom = append(m.Custom, "account_status")
		}
	}
}
