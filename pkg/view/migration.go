package view

import (
	"fmt"
	"io"
	"strings"

	"github.com/itrack/itrack/pkg/importer"
	"github.com/itrack/itrack/pkg/safe"
)

// WriteMigration writes an import's summary as one block: what it does to
// the records of its kind and to people, where the columns went, and the
// rows left out or overruled.
func WriteMigration(out io.Writer, m importer.Migration) error {
	counts := fmt.Sprintf("%d created, %d updated, %d unchanged", m.Created, m.Updated, m.Unchanged)
	lines := [][2]string{{m.Kind, counts}}
	if m.Kind != "people" {
		lines = append(lines, [2]string{"people", fmt.Sprintf("%d created from checkout columns", m.PeopleCreated)})
	}
	lines = append(lines,
		[2]string{"custom fields", listOrNone(m.Custom)},
		[2]string{"ignored", listOrNone(m.Ignored)},
		[2]string{"refused", rowsOrNone(m.Refused)},
		[2]string{"conflicts", conflicts(m.Conflicts)})
	if _, err := fmt.Fprintf(out, "Summary of %s (%s):\n", safe.Text(m.File), Plural(m.Rows, "row")); err != nil {
		return err
	}
	for _, l := range lines {
		if _, err := fmt.Fprintf(out, "  %-14s %s\n", l[0], safe.Text(l[1])); err != nil {
			return err
		}
	}
	return nil
}

func listOrNone(items []string) string {
	if len(items) == 0 {
		return "none"
	}
	return strings.Join(items, ", ")
}

func rowsOrNone(rows []int) string {
	if len(rows) == 0 {
		return "none"
	}
	return Plural(len(rows), "row") + ": " + importer.RowList(rows)
}

func conflicts(n int) string {
	if n == 0 {
		return "none"
	}
	return Plural(n, "row") + " where the register's newer history is kept (listed above)"
}
