package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/importer"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/view"
)

// exportOptions are what `itrack export` was asked.
type exportOptions struct{ kind string }

func newExportCmd(app *App, runF func(*exportOptions) error) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export --format csv|json [--kind KIND]",
		Short: "Export every field of the assets, as CSV or JSON",
		Long: `Export the assets of one kind (or all) with every field: CSV with one column
per field (custom fields as fields.NAME columns, the history as JSON in a
history column), or JSON objects as docs/json.md describes. A CSV export
imported into an empty register gives back the same files (comments
aside, which CSV cannot carry).

A CSV cell that starts with =, +, -, @, a tab or a carriage return (which
a spreadsheet would run as a formula) is written with a leading ', and
import takes that ' away again; negative numbers are left as they are.`,
		Example: `  itrack export --kind hardware --format csv > hardware.csv
  itrack export --format json | jq length`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runExport(app, opts.kind)
		},
	}
	cmd.Flags().StringVar(&opts.kind, "kind", "", "only this `KIND`, or people (CSV needs one kind per file)")
	return cmd
}

func runExport(app *App, kindArg string) error {
	var kind asset.Kind
	people := false
	rc, err := app.startRead(func() (err error) {
		switch {
		case app.format == "":
			return refuse("say the format: --format csv or --format json")
		case kindArg == "" && app.format == "csv":
			return refuse("a CSV export holds one kind: give --kind (%s, or people)", asset.KindNames())
		case kindArg != "":
			kind, people, err = parseKindOrPeople(kindArg)
		}
		return err
	})
	if err != nil {
		return err
	}
	// statuses of every asset: a component's holder and place are its host's
	format, asOf, reg, snap, statuses := rc.format, rc.asOf, rc.reg, rc.snap, rc.statuses
	if people {
		if format == "json" {
			return render.WriteJSON(app.IO.Out, view.PeopleOf(snap.People, snap.Assets, statuses, asOf))
		}
		t := importer.ExportPeople(snap.People)
		return render.WriteCSV(app.IO.Out, render.Table{Header: t.Header, Rows: t.Rows})
	}
	var assets []*asset.Asset
	for _, a := range snap.Assets {
		if kind == "" || a.Kind == kind {
			assets = append(assets, a)
		}
	}
	if format == "json" {
		return render.WriteJSON(app.IO.Out, assetViews(assets, statuses, reg.Config, asOf, app.Today))
	}
	t, err := importer.Export(assets, kind, func(e asset.Event) (string, error) {
		values := map[string]string{}
		for _, kv := range e.Values() {
			values[kv.Path] = kv.Value
		}
		data, err := json.Marshal(values)
		return string(data), err
	})
	if err != nil {
		return refuse("%v", err)
	}
	if err := render.WriteCSV(app.IO.Out, render.Table{Header: t.Header, Rows: t.Rows}); err != nil {
		return fmt.Errorf("cannot write the export: %w", err)
	}
	return nil
}
