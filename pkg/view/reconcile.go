package view

import (
	"fmt"
	"io"

	"github.com/itrack/itrack/pkg/reconcile"
	"github.com/itrack/itrack/pkg/render"
)

// WriteReconcile writes what reconcile found in a format: json, markdown
// or a table.
func WriteReconcile(out io.Writer, st *render.Styles, format string, items []reconcile.Item) error {
	if format == "json" {
		if items == nil {
			items = []reconcile.Item{}
		}
		return render.WriteJSONList(out, items)
	}
	if len(items) == 0 {
		_, err := fmt.Fprintln(out, "The export and the register agree.")
		return err
	}
	t := render.Table{Header: []string{"status", "key", "id", "finding"}}
	for _, it := range items {
		t.Rows = append(t.Rows, []string{it.Status, it.Key, it.ID, it.Message})
	}
	return render.WriteAs(out, format, t, st)
}
