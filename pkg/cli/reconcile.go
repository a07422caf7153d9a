package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/reconcile"
	"github.com/itrack/itrack/pkg/view"
)

// reconcileOptions are what `itrack reconcile` was asked.
type reconcileOptions struct {
	file       string
	key        string
	maps       []string
	stale      string
	kind       string
	category   string
	dateFormat string
	fail       bool
}

func newReconcileCmd(app *App, runF func(*reconcileOptions) error) *cobra.Command {
	opts := &reconcileOptions{}
	cmd := &cobra.Command{
		Use:   "reconcile FILE.csv [--key serial]",
		Short: "Hold a device export (MDM, discovery) against the register",
		Long: `Compare the devices an MDM or discovery tool sees with the hardware in
the register, matched on --key (serial, or id). The exports of Microsoft
Intune, Jamf Pro, Kandji, Google Workspace (endpoints) and Snipe-IT are
read as they come; for any other CSV, --map COLUMN=FIELD says where a
column goes, as import's --map does (FIELD one of serial, id, name, model,
manufacturer, user, email, user_name, os, os_version, last_check_in,
status, or - to skip it). One warning lists the columns not used. It
lists:

  untracked              seen by the tool, not in the register (security)
  disposed-but-enrolled  retired, disposed of or lost in the register,
                         still enrolled in the tool (security)
  unassigned-in-use      in stock in the register, checked in within --stale
  missing                in the register and in use, not seen by the tool
  mismatch               seen and registered, with another holder, model
                         or state
  os-mismatch            the tool's OS and version are not the register's os
  stale                  in use, not checked in for longer than --stale
  no-serial, no-id       a row with no key: it cannot be matched

The holder is compared with the register's person by ID, email (a UPN is
compared with the email) or name, ignoring case. The OS agrees when the
register's version is the tool's or a prefix of it (macOS 15 and 15.1.1);
a Windows build gives its release (10.0.22631 is Windows 11 23H2).
--kind and --category narrow the register's side: only those assets are
reported on, or missing.

--fail exits 1 on a security finding: a device untracked or
disposed-but-enrolled. Formats: table, json, markdown.`,
		Example: `  itrack reconcile intune-devices.csv
  itrack reconcile jamf.csv --stale 14d --fail
  itrack reconcile kandji.csv --category laptop
  itrack reconcile it.csv --map "Computer Serial=serial" --map Owner=email`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runReconcile(app, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.key, "key", "serial", "match on `FIELD`: serial or id")
	f.StringArrayVar(&opts.maps, "map", nil, "put a column in a field: `COLUMN=FIELD` (repeatable)")
	f.StringVar(&opts.stale, "stale", "30d", "stale after `DURATION` unseen (0: off)")
	f.StringVar(&opts.kind, "kind", "", "compare this `KIND` only: hardware or component")
	f.StringVar(&opts.category, "category", "", "compare this `CATEGORY` only")
	f.StringVar(&opts.dateFormat, "date-format", "", "check-in dates in `FORMAT`, e.g. DD/MM/YYYY")
	f.BoolVar(&opts.fail, "fail", false, "exit 1 on untracked or disposed-but-enrolled")
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions([]string{"hardware", "component"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runReconcile(app *App, opts *reconcileOptions) error {
	ropts := reconcile.Options{Key: opts.key, Category: opts.category}
	var export *reconcile.Export
	rc, err := app.startRead(func() (err error) {
		if opts.key != reconcile.BySerial && opts.key != reconcile.ByID {
			return refuse("--key %q: match on serial or id", opts.key)
		}
		if opts.stale != "0" && opts.stale != "off" {
			if ropts.Stale, err = asset.ParseDuration(opts.stale); err != nil {
				return refuse("--stale: %v, or 0 to leave stale devices out", err)
			}
		}
		if opts.kind != "" {
			if ropts.Kind, err = asset.ParseKind(opts.kind); err != nil || !ropts.Kind.Tracked() {
				return refuse("--kind %q: reconcile compares hardware or component", opts.kind)
			}
		}
		export, err = app.readExport(opts.file, opts.key, opts.maps, opts.dateFormat)
		return err
	})
	if err != nil {
		return err
	}
	ropts.AsOf = rc.asOf
	reg := reconcile.Register{Assets: rc.snap.Assets, People: rc.snap.People, Statuses: rc.statuses}
	if !export.Users() && reconcile.HoldsAny(reg, ropts) {
		fmt.Fprintf(app.IO.Err, "%s: warning: no column names the device's user, so holders were not compared: say which it is, e.g. --map \"Owner=email\"\n", opts.file)
	}
	items := reconcile.Reconcile(reg, export.Devices, ropts)
	if err := view.WriteReconcile(app.IO.Out, app.styles(), rc.format, items); err != nil {
		return err
	}
	untracked, disposed := reconcile.Count(items, reconcile.Untracked), reconcile.Count(items, reconcile.DisposedButEnrolled)
	if opts.fail && untracked+disposed > 0 {
		var what []string
		if untracked > 0 {
			what = append(what, view.Plural(untracked, "device")+" seen by the tool but not in the register")
		}
		if disposed > 0 {
			what = append(what, view.Plural(disposed, "device")+" retired, disposed of or lost but still enrolled")
		}
		fmt.Fprintf(app.IO.Err, "itrack: %s\n", strings.Join(what, "; "))
		return silent(ExitFindings)
	}
	return nil
}

// readExport reads a device export, its columns found by reconcile's
// header tables and --map, into the devices reconcile compares. Every
// problem of its rows is reported at once.
func (app *App) readExport(file, key string, maps []string, dateFormat string) (*reconcile.Export, error) {
	table, err := app.readCSV(file)
	if err != nil {
		return nil, err
	}
	export, problems, err := reconcile.ReadExport(table, key, maps, dateFormat)
	if err != nil {
		return nil, refuse("%s: %v", file, err)
	}
	for _, w := range export.Warnings {
		fmt.Fprintf(app.IO.Err, "%s: warning: %s\n", file, w)
	}
	if len(problems) > 0 {
		for _, p := range problems {
			col := ""
			if p.Column != "" {
				col = fmt.Sprintf(" column %q:", p.Column)
			}
			fmt.Fprintf(app.IO.Err, "%s:%d:%s %s\n", file, p.Row, col, p.Message)
		}
		return nil, refuse("%s: %s: fix them, or leave the column out with --map \"COLUMN=-\"", file, view.Plural(len(problems), "row")+" cannot be read")
	}
	return export, nil
}
