package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/importer"
	"github.com/itrack/itrack/pkg/render"
)

func newReconcileCmd(app *App) *cobra.Command {
	var key string
	var maps []string
	var fail bool
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
			return runReconcile(app, args[0], key, maps, fail)
		},
	}
	cmd.Flags().StringVar(&key, "key", "serial", "match devices on `FIELD`: serial or id")
	cmd.Flags().StringArrayVar(&maps, "map", nil, "put a column in a field: `COLUMN=FIELD` (repeatable)")
	cmd.Flags().BoolVar(&fail, "fail", false, "exit 1 when a device is untracked")
	return cmd
}

// reconcileItem is one line of `itrack reconcile --format json`.
type reconcileItem struct {
	Status  string `json:"status"` // untracked, missing, mismatch
	Key     string `json:"key"`
	ID      string `json:"id,omitempty"`
	Row     int    `json:"row,omitempty"`
	Field   string `json:"field,omitempty"`
	Export  string `json:"export,omitempty"`
	Record  string `json:"register,omitempty"`
	Message string `json:"message"`
}

func runReconcile(app *App, file, key string, maps []string, fail bool) error {
	format, err := app.outputFormat()
	if err != nil {
		return err
	}
	if key != "serial" && key != "id" {
		return refuse("--key %q: match on serial or id", key)
	}
	asOf, err := app.asOf()
	if err != nil {
		return err
	}
	table, err := app.readCSV(file)
	if err != nil {
		return err
	}
	mapping, err := importer.MapColumns(table.Header, asset.Hardware, false, maps, table.Rows)
	if err != nil {
		return refuse("%s: %v", file, err)
	}
	target := map[string]string{"serial": "serial", "id": importer.TargetID}[key]
	keyCol, ok := mapping.Find(target)
	if !ok {
		return refuse("%s has no %s column: say which it is, e.g. --map \"Serial Number=%s\"", file, key, target)
	}
	reg, snap, err := app.load()
	if err != nil {
		return err
	}
	statuses := asset.Statuses(snap.Assets, asOf, reg.Config.Renewals.Window)
	registered := map[string]*asset.Asset{}
	for _, a := range snap.Assets {
		if a.Kind != asset.Hardware {
			continue
		}
		k := a.Serial
		if key == "id" {
			k = a.ID
		}
		if k != "" {
			registered[strings.ToLower(strings.TrimSpace(k))] = a
		}
	}
	people := map[string]string{} // id, email, name (lower case) → person ID
	for _, p := range snap.People {
		for _, k := range []string{p.ID, p.Email, p.Name} {
			if k != "" {
				people[strings.ToLower(k)] = p.ID
			}
		}
	}
	col := func(t string) (importer.Column, bool) { return mapping.Find(t) }
	var items []reconcileItem
	seen := map[string]bool{}
	for _, row := range table.Rows {
		k := strings.TrimSpace(row.Cell(keyCol.Index))
		if k == "" {
			continue
		}
		seen[strings.ToLower(k)] = true
		a, ok := registered[strings.ToLower(k)]
		if !ok {
			name := "NAME"
			for _, t := range []string{"name", "model"} {
				if c, ok := col(t); ok && strings.TrimSpace(row.Cell(c.Index)) != "" {
					name = strings.TrimSpace(row.Cell(c.Index))
					break
				}
			}
			items = append(items, reconcileItem{Status: "untracked", Key: k, Row: row.Number,
				Message: fmt.Sprintf("%s is seen by the tool but not in the register: add it (itrack add hardware --name %q --serial %s) or find out what it is", k, name, k)})
			continue
		}
		st := statuses[a.ID]
		if c, ok := col("model"); ok {
			if m := strings.TrimSpace(row.Cell(c.Index)); m != "" && a.Model != "" && !strings.EqualFold(m, a.Model) {
				items = append(items, reconcileItem{Status: "mismatch", Key: k, ID: a.ID, Row: row.Number, Field: "model", Export: m, Record: a.Model,
					Message: fmt.Sprintf("%s: the tool says model %q, the register %q", a.ID, m, a.Model)})
			}
		}
		user := ""
		for _, t := range []string{importer.TargetUser, importer.TargetUserEmail, importer.TargetUserName} {
			if c, ok := col(t); ok && strings.TrimSpace(row.Cell(c.Index)) != "" {
				user = strings.TrimSpace(row.Cell(c.Index))
				break
			}
		}
		if user != "" {
			who, known := people[strings.ToLower(user)]
			if !known {
				who = user
			}
			if who != st.Holder {
				holder := st.Holder
				if holder == "" {
					holder = "nobody (" + string(st.State) + ")"
				}
				items = append(items, reconcileItem{Status: "mismatch", Key: k, ID: a.ID, Row: row.Number, Field: "holder", Export: user, Record: st.Holder,
					Message: fmt.Sprintf("%s: the tool says %s uses it, the register says %s", a.ID, user, holder)})
			}
		}
	}
	var missing []reconcileItem
	for k, a := range registered {
		if st := statuses[a.ID]; !seen[k] && st.State == asset.InUse {
			missing = append(missing, reconcileItem{Status: "missing", Key: keyOf(a, key), ID: a.ID,
				Message: fmt.Sprintf("%s is in use (held by %s) but the tool does not see it: lost, unenrolled, or wrong serial?", a.ID, orDash(st.Holder))})
		}
	}
	sort.Slice(missing, func(i, j int) bool { return missing[i].ID < missing[j].ID })
	items = append(items, missing...)
	if err := writeReconcile(app, format, items); err != nil {
		return err
	}
	untracked := 0
	for _, it := range items {
		if it.Status == "untracked" {
			untracked++
		}
	}
	if fail && untracked > 0 {
		fmt.Fprintf(app.IO.Err, "itrack: %s seen by the tool but not in the register\n", plural(untracked, "device"))
		return silent(ExitFindings)
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "nobody"
	}
	return s
}

func writeReconcile(app *App, format string, items []reconcileItem) error {
	if format == "json" {
		if items == nil {
			items = []reconcileItem{}
		}
		return render.WriteJSON(app.IO.Out, items)
	}
	if len(items) == 0 {
		_, err := fmt.Fprintln(app.IO.Out, "The export and the register agree.")
		return err
	}
	t := render.Table{Header: []string{"status", "key", "id", "finding"}}
	for _, it := range items {
		t.Rows = append(t.Rows, []string{it.Status, it.Key, it.ID, it.Message})
	}
	return writeTable(app, format, t)
}

// keyOf is what reconcile matches an asset on.
func keyOf(a *asset.Asset, key string) string {
	if key == "id" {
		return a.ID
	}
	return a.Serial
}
