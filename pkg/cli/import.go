package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/importer"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/view"
)

type importOptions struct {
	file        string
	kind        string
	maps        []string
	dateFormat  string
	dryRun      bool
	skipInvalid bool
	statusMap   []string
	exported    string
}

func newImportCmd(app *App, runF func(*importOptions) error) *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE.csv --kind KIND",
		Short: "Import assets or people from a CSV file (Snipe-IT exports included)",
		Long: `Import a spreadsheet or a Snipe-IT export. Columns are matched to fields by
their headers (Snipe-IT's for assets, licences, components, accessories and
users included); --map "Column=field" says where any other goes, a column
number picks one of two same-named columns, and "=-" skips one. Columns
itrack does not know become custom fields, and are listed.

The file may be UTF-8 (with or without a byte-order mark) or
Windows-1252; rows may end in LF, CRLF or CR; the delimiter (comma,
semicolon or tab) is detected. Dates are read in the one form that fits
the whole column, or as --date-format says. A leading ' before =, +, -,
@, a tab or a carriage return (the guard against formulas that export
and spreadsheets write) is dropped. Checkout columns create the
person and an assigned event; Snipe-IT's one-row-per-seat licence export
becomes one licence with its seats. A Status column becomes the
lifecycle (Lost: a lost event; Archived: retired; Out for Repair: in
repair); --status-map "LABEL=STATE" says what other labels stand for.

Every row is checked before anything is written: one error and nothing is
written, unless --skip-invalid. Rows match existing assets by ID, then by
serial, then (hardware and components) by name, model and purchase date,
so importing the same file again changes nothing. A holder or status
that differs from the register's is recorded only when the register's
last event on the asset is older than the day the file was exported
(--exported, default today), and never gives an asset to someone who has
left: otherwise the row is listed as a conflict and the register's
history is kept. A summary block ends every import; --dry-run shows the
plan and writes nothing. --kind people imports people.`,
		Example: `  itrack import laptops.csv --kind hardware --dry-run
  itrack import snipe-assets.csv --kind hardware --date-format MM/DD/YY
  itrack import snipe-assets.csv --kind hardware --status-map "Loaner=in_stock"
  itrack import licences.csv --kind licence --map "Product Key=serial"
  itrack import users.csv --kind people`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runImport(app, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.kind, "kind", "", "what the rows are: a `KIND` of asset, or people (required)")
	f.StringArrayVar(&opts.maps, "map", nil, "put a column in a field: `COLUMN=FIELD` (repeatable; FIELD - skips it)")
	f.StringVar(&opts.dateFormat, "date-format", "", "how dates are written, e.g. DD/MM/YYYY or MM/DD/YY (`FORMAT`; default: detected per column)")
	f.BoolVar(&opts.dryRun, "dry-run", false, "show what would change, write nothing")
	f.BoolVar(&opts.skipInvalid, "skip-invalid", false, "import the valid rows and list the ones skipped")
	f.StringArrayVar(&opts.statusMap, "status-map", nil, "what a status label means: `LABEL=STATE` (repeatable; see docs/import.md)")
	f.StringVar(&opts.exported, "exported", "", "the `DATE` the file was exported (default today): newer register history wins")
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions(append(kindNames(), "people"), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runImport(app *App, opts *importOptions) error {
	if _, err := app.outputFormat(); err != nil {
		return err
	}
	if opts.kind == "" {
		return refuse("say what the rows are: --kind hardware, component, licence, domain, certificate, document or people")
	}
	kind, people, err := parseKindOrPeople(opts.kind)
	if err != nil {
		return err
	}
	iopts := importer.Options{DateFormat: opts.dateFormat, Today: app.Today, Kind: kind, People: people}
	if opts.dateFormat != "" {
		if _, err := importer.ParseDateFormat(opts.dateFormat); err != nil {
			return refuse("--date-format: %v", err)
		}
	}
	if iopts.Statuses, err = importer.NewStatusMap(opts.statusMap); err != nil {
		return refuse("%v", err)
	}
	if opts.exported != "" {
		if iopts.Exported, err = asset.ParseDate(opts.exported); err != nil {
			return refuse("--exported: %v", err)
		}
	}
	table, err := app.readCSV(opts.file)
	if err != nil {
		return err
	}
	if len(table.Rows) == 0 {
		fmt.Fprintf(app.IO.Out, "%s has a header row and no rows: nothing to import.\n", opts.file)
		return nil
	}
	mapping, err := importer.MapColumns(table.Header, iopts.Kind, iopts.People, opts.maps, table.Rows)
	if err != nil {
		return refuse("%s: %v", opts.file, err)
	}
	for _, w := range mapping.Warnings {
		fmt.Fprintln(app.IO.Err, safe.Text(fmt.Sprintf("%s: warning: %s", opts.file, w)))
	}

	w, err := app.startWrite()
	if err != nil {
		return err
	}
	defer w.done()
	iopts.Currency, iopts.Config = w.reg.Config.Currency, w.reg.Config
	records, errs, rowWarnings := importer.Read(table, mapping, iopts)
	for _, line := range importer.Collapse(opts.file, "warning", rowWarnings) {
		fmt.Fprintln(app.IO.Err, safe.Text(line))
	}
	bar := app.progress(len(records), "checking rows")
	iopts.Step = func() { _ = bar.Add(1) }
	idx, err := w.reg.NewIndex()
	if err != nil {
		return refuse("%v: nothing was imported", err)
	}
	actions, planErrs := importer.Plan(records, iopts, idx)
	_ = bar.Finish()
	iopts.Step = nil
	errs = append(errs, planErrs...)
	migration := importer.Migration{File: opts.file, Kind: kindWord(kind, people), Rows: table.NonBlank()}
	if len(errs) > 0 {
		importer.SortProblems(errs)
		for _, p := range errs {
			fmt.Fprintln(app.IO.Err, safe.Text(p.String(opts.file)))
		}
		bad := importer.BadRows(errs)
		switch {
		case !opts.skipInvalid && bad.WholeFile:
			return refuse("%s in %s: nothing was imported (fix them: an error about the file as a whole cannot be skipped)", view.Plural(len(errs), "error"), opts.file)
		case !opts.skipInvalid:
			return refuse("%s in %s: nothing was imported (fix them, or import the rest with --skip-invalid)", view.Plural(len(errs), "error"), opts.file)
		case bad.WholeFile:
			return refuse("%s: the file cannot be read as a whole: nothing was imported", opts.file)
		}
		if idx, err = w.reg.NewIndex(); err != nil {
			return refuse("%v: nothing was imported", err)
		}
		if actions, errs = importer.Plan(bad.Without(records), iopts, idx); len(errs) > 0 {
			return refuse("%s: rows depend on rows that were skipped: nothing was imported", opts.file)
		}
		fmt.Fprintf(app.IO.Err, "%s: skipped %s: %s\n", opts.file, view.Plural(len(bad.Rows), "row"), bad.List())
		migration.Refused = bad.Sorted()
	}

	summary := importer.Summary(actions)
	importer.Summarise(&migration, actions, mapping, people)
	for _, a := range actions {
		if opts.dryRun {
			fmt.Fprintln(app.IO.Out, safe.Text(fmt.Sprintf("%s:%s: %s %s (%s)", opts.file, importer.RowRange(a.Rows), a.Op, a.ID, a.Rel)))
		}
		for _, c := range a.Conflicts {
			fmt.Fprintln(app.IO.Out, safe.Text(fmt.Sprintf("%s:%s: conflict %s: %s", opts.file, importer.RowRange(a.Rows), a.ID, c)))
		}
		for _, w := range a.Warnings {
			fmt.Fprintln(app.IO.Err, safe.Text(fmt.Sprintf("%s:%s: warning: %s", opts.file, importer.RowRange(a.Rows), w)))
		}
	}
	if err := view.WriteMigration(app.IO.Out, migration); err != nil {
		return err
	}
	if opts.dryRun {
		fmt.Fprintf(app.IO.Out, "Dry run: %s; nothing was written.\n", summary)
		return nil
	}
	files, order := importer.Files(actions)
	if len(order) == 0 {
		fmt.Fprintf(app.IO.Out, "Nothing to import: every row of %s is already in the register (%s).\n", opts.file, summary)
		return nil
	}
	if err := w.save(fmt.Sprintf("import %s: %s", filepath.Base(opts.file), summary), files, order); err != nil {
		return err
	}
	fmt.Fprintf(app.IO.Out, "Imported %s: %s.\n", opts.file, summary)
	return nil
}

// kindWord names what an import's rows are, for its summary.
func kindWord(kind asset.Kind, people bool) string {
	if people {
		return "people"
	}
	return string(kind)
}

// parseKindOrPeople reads --kind where the rows may be assets of a kind or
// people.
func parseKindOrPeople(arg string) (asset.Kind, bool, error) {
	switch strings.ToLower(arg) {
	case "people", "person", "users", "user":
		return "", true, nil
	}
	k, err := asset.ParseKind(arg)
	if err != nil {
		return "", false, refuse("--kind: %v (or people)", err)
	}
	return k, false, nil
}

// readCSV reads a table file named on the command line (relative to the
// working folder), its encoding worked out with a warning when guessed.
func (app *App) readCSV(file string) (*importer.Table, error) {
	raw, err := register.ReadInput(app.abs(file), file, register.MaxInputSize)
	if err != nil {
		return nil, refuse("%v", err)
	}
	text, warnings := importer.Decode(raw)
	for _, w := range warnings {
		fmt.Fprintf(app.IO.Err, "%s: warning: %s\n", file, w)
	}
	table, err := importer.Parse(text)
	var rowErr *importer.RowError
	if errors.As(err, &rowErr) {
		return nil, refuse("%s:%d: %s", file, rowErr.Row, rowErr.Message)
	}
	if err != nil {
		return nil, refuse("%s: %v", file, err)
	}
	return table, nil
}

// progress is a progress bar on stderr for long runs on a terminal, and
// nothing anywhere else.
func (app *App) progress(total int, what string) *progressbar.ProgressBar {
	if total < 2000 || !app.IO.ErrTTY {
		return progressbar.DefaultSilent(int64(total))
	}
	return progressbar.NewOptions(total, progressbar.OptionSetWriter(app.IO.Err), progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100_000_000))
}
