package cli

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/importer"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/safe"
)

type importOptions struct {
	file        string
	kind        string
	maps        []string
	dateFormat  string
	dryRun      bool
	skipInvalid bool
}

func newImportCmd(app *App) *cobra.Command {
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
becomes one licence with its seats.

Every row is checked before anything is written: one error and nothing is
written, unless --skip-invalid. Rows match existing assets by ID, then by
serial, then (hardware and components) by name, model and purchase date,
so importing the same file again changes nothing. --dry-run shows the
plan and writes nothing. --kind people imports people.`,
		Example: `  itrack import laptops.csv --kind hardware --dry-run
  itrack import snipe-assets.csv --kind hardware --date-format MM/DD/YY
  itrack import licences.csv --kind licence --map "Product Key=serial"
  itrack import users.csv --kind people`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runImport(app, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.kind, "kind", "", "what the rows are: a `KIND` of asset, or people (required)")
	f.StringArrayVar(&opts.maps, "map", nil, "put a column in a field: `COLUMN=FIELD` (repeatable; FIELD - skips it)")
	f.StringVar(&opts.dateFormat, "date-format", "", "how dates are written, e.g. DD/MM/YYYY or MM/DD/YY (`FORMAT`; default: detected per column)")
	f.BoolVar(&opts.dryRun, "dry-run", false, "show what would change, write nothing")
	f.BoolVar(&opts.skipInvalid, "skip-invalid", false, "import the valid rows and list the ones skipped")
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
	for _, p := range rowWarnings {
		fmt.Fprintln(app.IO.Err, safe.Text(p.Format(opts.file, "warning")))
	}
	bar := app.progress(len(records), "checking rows")
	iopts.Step = func() { _ = bar.Add(1) }
	idx, err := newRegisterIndex(w.reg)
	if err != nil {
		return err
	}
	actions, planErrs := importer.Plan(records, iopts, idx)
	_ = bar.Finish()
	iopts.Step = nil
	errs = append(errs, planErrs...)
	if len(errs) > 0 {
		sortProblems(errs)
		for _, p := range errs {
			fmt.Fprintln(app.IO.Err, safe.Text(p.String(opts.file)))
		}
		bad := map[int]bool{}
		wholeFile := false // an error with no row cannot be skipped
		for _, p := range errs {
			bad[p.Row] = true
			wholeFile = wholeFile || p.Row == 0
		}
		switch {
		case !opts.skipInvalid && wholeFile:
			return refuse("%s in %s: nothing was imported (fix them: an error about the file as a whole cannot be skipped)", plural(len(errs), "error"), opts.file)
		case !opts.skipInvalid:
			return refuse("%s in %s: nothing was imported (fix them, or import the rest with --skip-invalid)", plural(len(errs), "error"), opts.file)
		case wholeFile:
			return refuse("%s: the file cannot be read as a whole: nothing was imported", opts.file)
		}
		var good []*importer.Record
		for _, r := range records {
			if !anyBad(r.Rows, bad) {
				good = append(good, r)
			}
		}
		if idx, err = newRegisterIndex(w.reg); err != nil {
			return err
		}
		if actions, errs = importer.Plan(good, iopts, idx); len(errs) > 0 {
			return refuse("%s: rows depend on rows that were skipped: nothing was imported", opts.file)
		}
		fmt.Fprintf(app.IO.Err, "%s: skipped %s: %s\n", opts.file, plural(len(bad), "row"), rowList(bad))
	}

	counts := map[string]int{}
	files := map[string][]byte{}
	var order []string
	for _, a := range actions {
		what := a.Op
		if a.Person {
			what += " person"
		}
		counts[what]++
		if opts.dryRun {
			fmt.Fprintln(app.IO.Out, safe.Text(fmt.Sprintf("%s:%s: %s %s (%s)", opts.file, rowRange(a.Rows), a.Op, a.ID, a.Rel)))
		}
		if a.Op != importer.Unchanged {
			files[a.Rel] = a.Data
			order = append(order, a.Rel)
		}
	}
	summary := importSummary(counts)
	if opts.dryRun {
		fmt.Fprintf(app.IO.Out, "Dry run: %s; nothing was written.\n", summary)
		return nil
	}
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

func unwrapErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func anyBad(rows []int, bad map[int]bool) bool {
	for _, r := range rows {
		if bad[r] {
			return true
		}
	}
	return false
}

func sortProblems(ps []importer.Problem) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Row < ps[j].Row })
}

func rowRange(rows []int) string {
	if len(rows) == 1 {
		return strconv.Itoa(rows[0])
	}
	return fmt.Sprintf("%d-%d", rows[0], rows[len(rows)-1])
}

func rowList(bad map[int]bool) string {
	rows := make([]int, 0, len(bad))
	for r := range bad {
		rows = append(rows, r)
	}
	sort.Ints(rows)
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = strconv.Itoa(r)
	}
	return "rows " + strings.Join(parts, ", ")
}

func importSummary(counts map[string]int) string {
	var parts []string
	for _, k := range []string{"create", "update", "unchanged", "create person", "update person", "unchanged person"} {
		if n := counts[k]; n > 0 {
			word := map[string]string{"create": "created", "update": "updated", "unchanged": "unchanged",
				"create person": "people created", "update person": "people updated", "unchanged person": "people unchanged"}[k]
			parts = append(parts, fmt.Sprintf("%d %s", n, word))
		}
	}
	if len(parts) == 0 {
		return "no rows"
	}
	return strings.Join(parts, ", ")
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

// registerIndex answers the plan's questions about the register: which IDs
// and serials exist (from one load and one listing of its folders) and what
// files say (read when asked). A lookup never scans a folder, so a plan is
// linear in its rows whatever the register's size.
type registerIndex struct {
	reg         *register.Register
	assets      map[string]assetFile // an asset's ID, lower case → its file
	personFiles map[string]string    // a person's ID, lower case → their file
	serials     map[string]string
	names       map[string][]string // kind, name, model and purchase date → IDs, in ID order
	people      map[string]string   // a person's email or name, lower case → ID
	next        map[asset.Kind]*nextID
}

type assetFile struct {
	kind asset.Kind
	rel  string
}

// nextID is where generated IDs of a kind go on: the prefix, the next
// number and its width (HW-, 124 and 6 after HW-000123).
type nextID struct {
	prefix   string
	n, width int
}

// A register with a folder or file that cannot be read, or is not what
// belongs there, is refused: rows matched against part of it would make
// duplicates.
func newRegisterIndex(reg *register.Register) (*registerIndex, error) {
	idx := &registerIndex{reg: reg, assets: map[string]assetFile{}, personFiles: map[string]string{}, serials: map[string]string{}, names: map[string][]string{}, people: map[string]string{}, next: map[asset.Kind]*nextID{}}
	for _, rel := range reg.RecordFiles() {
		folder, name := path.Split(rel)
		id := strings.ToLower(strings.TrimSuffix(name, ".yaml"))
		if kind, ok := asset.KindOfFolder(path.Base(folder)); ok {
			idx.assets[id] = assetFile{kind: kind, rel: rel}
		} else {
			idx.personFiles[id] = rel
		}
	}
	snap := reg.Load()
	if unread := snap.Unread(); len(unread) > 0 {
		var b strings.Builder
		for _, f := range unread {
			b.WriteString(f.Short() + "\n")
		}
		return nil, refuse("%spart of the register cannot be read: nothing was imported (fix it first)", b.String())
	}
	for _, p := range snap.People {
		for _, k := range []string{p.Name, p.Email} {
			if k != "" {
				idx.people[strings.ToLower(k)] = p.ID
			}
		}
	}
	for _, a := range snap.Assets {
		if a.Serial != "" {
			idx.serials[strings.ToLower(strings.TrimSpace(a.Serial))] = a.ID
		}
		k := nameKey(a.Kind, a.Name, a.Model, a.Purchase.Date.String())
		idx.names[k] = append(idx.names[k], a.ID)
	}
	for _, ids := range idx.names {
		sort.Strings(ids)
	}
	return idx, nil
}

func nameKey(kind asset.Kind, name, model, bought string) string {
	return strings.ToLower(string(kind) + "\x00" + name + "\x00" + model + "\x00" + bought)
}

func (x *registerIndex) PersonByEmailOrName(email, name string) (string, bool) {
	for _, k := range []string{email, name} {
		if id, ok := x.people[strings.ToLower(k)]; ok && k != "" {
			return id, true
		}
	}
	return "", false
}

func (x *registerIndex) ByName(kind asset.Kind, name, model, bought string) []string {
	return x.names[nameKey(kind, name, model, bought)]
}

func (x *registerIndex) Asset(id string) (asset.Kind, string, []byte, bool) {
	f, ok := x.assets[strings.ToLower(id)]
	if !ok {
		return "", "", nil, false
	}
	data, err := x.reg.ReadFile(f.rel)
	return f.kind, f.rel, data, err == nil
}

func (x *registerIndex) BySerial(serial string) (string, bool) {
	id, ok := x.serials[strings.ToLower(strings.TrimSpace(serial))]
	return id, ok
}

func (x *registerIndex) Person(id string) (string, []byte, bool) {
	rel, ok := x.personFiles[strings.ToLower(id)]
	if !ok {
		return "", nil, false
	}
	data, err := x.reg.ReadFile(rel)
	return rel, data, err == nil
}

// NextID goes on from the register's next generated ID of the kind, at the
// same width (HW-000123 is followed by HW-000124): register.NextID says
// where to start, once per kind, and the index's own listing then says
// which numbers are free, without reading a file.
func (x *registerIndex) NextID(kind asset.Kind, taken func(string) bool) string {
	next, ok := x.next[kind]
	if !ok {
		next = &nextID{prefix: x.reg.Config.Prefix(kind) + "-"}
		// the index knows every ID, so the loop below keeps IDs unique even
		// if a folder became unreadable since it was made
		first, err := x.reg.NextID(kind)
		if err != nil {
			first = next.prefix + "0001"
		}
		digits := strings.TrimPrefix(first, next.prefix)
		next.n, _ = strconv.Atoi(digits)
		next.width = len(digits)
		x.next[kind] = next
	}
	for {
		id := fmt.Sprintf("%s%0*d", next.prefix, next.width, next.n)
		next.n++
		if _, exists := x.assets[strings.ToLower(id)]; !exists && !taken(id) {
			return id
		}
	}
}
