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

// List writes the bad rows: "rows 3, 7".
func (b Bad) List() string {
	rows := make([]int, 0, len(b.Rows))
	for r := range b.Rows {
		rows = append(rows, r)
	}
	sort.Ints(rows)
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = strconv.Itoa(r)
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
