package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/importer"
	"github.com/itrack/itrack/pkg/reconcile"
	"github.com/itrack/itrack/pkg/view"
)

// reconcileOptions are what `itrack reconcile` was asked.
type reconcileOptions struct {
	file string
	key  string
	maps []string
	fail bool
}

func newReconcileCmd(app *App, runF func(*reconcileOptions) error) *cobra.Command {
	opts := &reconcileOptions{}
	cmd := &cobra.Command{
		Use:   "reconcile FILE.csv [--key serial]",
		Short: "Hold a device export (MDM, discovery) against the register",
		Long: `Compare the devices an MDM or discovery tool sees (an Intune, Jamf or
Google Workspace export, or any CSV with serial numbers) with the hardware
in the register, matched on --key (serial, or id). It lists:

  untracked   seen by the tool, not in the register: a security finding
  missing     in the register and in use, not seen by the tool
  mismatch    seen and registered, with a different holder or model

Columns are matched as import matches them (serial number, model, user or
email…); --map says where others go. The holder is compared with the
register's person by ID, email or name.

--fail exits 1 when anything is untracked. Formats: table, json, markdown.`,
		Example: `  itrack reconcile intune-devices.csv
  itrack reconcile jamf.csv --map "Computer Serial=serial" --fail`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runReconcile(app, opts)
		},
	}
	cmd.Flags().StringVar(&opts.key, "key", "serial", "match devices on `FIELD`: serial or id")
	cmd.Flags().StringArrayVar(&opts.maps, "map", nil, "put a column in a field: `COLUMN=FIELD` (repeatable)")
	cmd.Flags().BoolVar(&opts.fail, "fail", false, "exit 1 when a device is untracked")
	return cmd
}

func runReconcile(app *App, opts *reconcileOptions) error {
	key, fail := opts.key, opts.fail
	var devices []reconcile.Device
	rc, err := app.startRead(func() (err error) {
		if key != reconcile.BySerial && key != reconcile.ByID {
			return refuse("--key %q: match on serial or id", key)
		}
		devices, err = app.readDevices(opts.file, key, opts.maps)
		return err
	})
	if err != nil {
		return err
	}
	format, snap := rc.format, rc.snap
	items := reconcile.Reconcile(reconcile.Register{Assets: snap.Assets, People: snap.People, Statuses: rc.statuses}, devices, key)
	if err := view.WriteReconcile(app.IO.Out, app.styles(), format, items); err != nil {
		return err
	}
	if untracked := reconcile.Count(items, reconcile.Untracked); fail && untracked > 0 {
		fmt.Fprintf(app.IO.Err, "itrack: %s seen by the tool but not in the register\n", view.Plural(untracked, "device"))
		return silent(ExitFindings)
	}
	return nil
}

// readDevices reads a device export, its columns matched as import
// matches them, into the devices reconcile compares.
func (app *App) readDevices(file, key string, maps []string) ([]reconcile.Device, error) {
	table, err := app.readCSV(file)
	if err != nil {
		return nil, err
	}
	mapping, err := importer.MapColumns(table.Header, asset.Hardware, false, maps, table.Rows)
	if err != nil {
		return nil, refuse("%s: %v", file, err)
	}
	target := map[string]string{reconcile.BySerial: "serial", reconcile.ByID: importer.TargetID}[key]
	keyCol, ok := mapping.Find(target)
	if !ok {
		return nil, refuse("%s has no %s column: say which it is, e.g. --map \"Serial Number=%s\"", file, key, target)
	}
	// the first of the columns that has a value in the row
	first := func(row importer.Row, targets ...string) string {
		for _, t := range targets {
			if c, ok := mapping.Find(t); ok {
				if v := strings.TrimSpace(row.Cell(c.Index)); v != "" {
					return v
				}
			}
		}
		return ""
	}
	devices := make([]reconcile.Device, 0, len(table.Rows))
	for _, row := range table.Rows {
		devices = append(devices, reconcile.Device{Row: row.Number, Key: strings.TrimSpace(row.Cell(keyCol.Index)),
			Name: first(row, "name", "model"), Model: first(row, "model"),
			User: first(row, importer.TargetUser, importer.TargetUserEmail, importer.TargetUserName)})
	}
	return devices, nil
}
