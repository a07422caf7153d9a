// Package cli is itrack's command line: one file per command, each parsing
// its flags and arguments, calling the domain packages and rendering the
// result. No rule about assets lives here.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
)

// Exit codes, as SPEC §5 and docs/exit-codes.md give them.
const (
	ExitOK       = 0
	ExitFindings = 1 // validate errors, --fail hits, fmt --check differences
	ExitUsage    = 2 // bad flag or value, unknown ID, refused operation
	ExitInvalid  = 3 // the register holds invalid files; valid ones were processed
)

// IOStreams are the standard streams of a run.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	OutTTY bool // stdout is a terminal: colour is allowed
	ErrTTY bool // stderr is a terminal: progress bars are allowed
}

// App is one run of itrack: its streams, environment and today's date,
// which everything below the command line receives as a parameter.
type App struct {
	IO     *IOStreams
	Getenv func(string) string
	Cwd    string
	Today  asset.Date

	// global flags
	dir     string
	asOfArg string
	format  string
	noColor bool
	commit  bool

	// exit is raised to ExitInvalid by a command that skipped bad files.
	exit int
	// cmd is the command running.
	cmd *cobra.Command
}

// Main runs itrack with the process's arguments, streams and clock, and
// returns the exit code.
func Main(args []string) int {
	cwd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "itrack: cannot read the current folder:", err)
		return ExitUsage
	}
	app := &App{
		IO:     &IOStreams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, OutTTY: term.IsTerminal(int(os.Stdout.Fd())), ErrTTY: term.IsTerminal(int(os.Stderr.Fd()))},
		Getenv: os.Getenv,
		Cwd:    cwd,
		Today:  asset.DateOf(time.Now()),
	}
	// ITRACK_TODAY pins "today" for reproducible output in demos and tests.
	if s := os.Getenv("ITRACK_TODAY"); s != "" {
		d, err := asset.ParseDate(s)
		if err != nil {
			fmt.Fprintf(os.Stderr, "itrack: ITRACK_TODAY: %v\n", err)
			return ExitUsage
		}
		app.Today = d
	}
	return Run(app, args)
}

// Run executes one command line and returns its exit code.
func Run(app *App, args []string) int {
	root := newRootCmd(app)
	root.SetArgs(args)
	root.SetIn(app.IO.In)
	root.SetOut(app.IO.Out)
	root.SetErr(app.IO.Err)
	cmd, err := root.ExecuteC()
	if err == nil {
		return app.exit
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Err != nil {
			fmt.Fprintf(app.IO.Err, "itrack: %s\n", safe.Text(ee.Err.Error()))
		}
		if ee.Code == ExitFindings && app.exit == ExitInvalid {
			return ExitInvalid // the findings cover only the valid files
		}
		return ee.Code
	}
	fmt.Fprintf(app.IO.Err, "itrack: %s\n", safe.Text(err.Error()))
	if isUsageError(err) {
		fmt.Fprintf(app.IO.Err, "Run '%s --help' for usage.\n", cmd.CommandPath())
	}
	return ExitUsage
}

// isUsageError tells cobra's argument and flag errors from the others.
func isUsageError(err error) bool {
	msg := err.Error()
	for _, s := range []string{"unknown flag", "unknown shorthand", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "unknown command", "required flag"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// ExitError ends a command with an exit code. Err, when set, is printed
// after "itrack: "; findings and other output are printed before returning
// it.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// refuse is the error of a refused operation or a bad value: exit 2.
func refuse(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}

// silent ends with a code after the command printed what it had to say.
func silent(code int) error {
	return &ExitError{Code: code}
}

// abs resolves a path named on the command line against the working folder.
func (app *App) abs(path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(app.Cwd, path)
}

// asOf returns the date the command answers for: --as-of or today.
func (app *App) asOf() (asset.Date, error) {
	if app.asOfArg == "" {
		return app.Today, nil
	}
	d, err := asset.ParseDate(app.asOfArg)
	if err != nil {
		return asset.Date{}, refuse("--as-of: %v", err)
	}
	return d, nil
}

// colour reports whether output may be coloured: only on a terminal, and
// never with NO_COLOR or --no-color.
func (app *App) colour() bool {
	return app.IO.OutTTY && !app.noColor && app.Getenv("NO_COLOR") == ""
}

func (app *App) styles() *render.Styles {
	return render.NewStyles(app.IO.Out, app.colour())
}

// commandFormats are the formats each command writes, the first its
// default: --format is checked and completed from this one table.
var commandFormats = map[string][]string{
	"add":          {"text", "json"},
	"depreciation": {"table", "json", "csv", "markdown"},
	"diff":         {"text", "markdown", "json"},
	"export":       {"csv", "json"},
	"forecast":     {"table", "json", "csv", "markdown"},
	"history":      {"table", "json"},
	"import":       {"text"},
	"list":         {"table", "json", "csv", "yaml", "markdown"},
	"person list":  {"table", "json", "csv", "markdown"},
	"person show":  {"text", "json"},
	"reconcile":    {"table", "json", "markdown"},
	"schema":       {"json"},
	"renewals":     {"table", "json", "csv", "markdown", "github", "ics"},
	"report":       {"table", "markdown", "json"},
	"seats":        {"table", "json", "csv", "markdown"},
	"show":         {"text", "json", "yaml"},
	"validate":     {"text", "json", "github", "sarif", "codequality"},
}

// formatsOf returns the formats a command writes (nil: none to choose).
func formatsOf(cmd *cobra.Command) []string {
	return commandFormats[strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")]
}

// outputFormat checks --format against what the running command offers;
// the first offered format is the default.
func (app *App) outputFormat() (string, error) {
	offered := formatsOf(app.cmd)
	if app.format == "" {
		return offered[0], nil
	}
	for _, f := range offered {
		if f == app.format {
			return f, nil
		}
	}
	return "", refuse("unknown format %q: this command writes %s", app.format, orList(offered))
}

func orList(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// open finds and opens the register.
func (app *App) open() (*register.Register, error) {
	root, err := register.FindRoot(app.dir, app.Getenv("ITRACK_DIR"), app.Cwd)
	if err != nil {
		return nil, refuse("%v", err)
	}
	reg, err := register.Open(root)
	if err != nil {
		return nil, refuse("%v", err)
	}
	return reg, nil
}

// load opens the register and reads every record. The errors of invalid
// files go to stderr, and the run will end with exit code 3; the command
// goes on with the valid records.
func (app *App) load() (*register.Register, *register.Snapshot, error) {
	reg, err := app.open()
	if err != nil {
		return nil, nil, err
	}
	snap := reg.Load()
	app.reportInvalid(snap)
	return reg, snap, nil
}

// startRead is how a read command starts: its output format, the date it
// answers for, and every record of the register.
func (app *App) startRead() (string, asset.Date, *register.Register, *register.Snapshot, error) {
	format, err := app.outputFormat()
	if err != nil {
		return "", asset.Date{}, nil, nil, err
	}
	asOf, err := app.asOf()
	if err != nil {
		return "", asset.Date{}, nil, nil, err
	}
	reg, snap, err := app.load()
	return format, asOf, reg, snap, err
}

// startReadOne is how a command about one asset starts: its output format,
// the date it answers for, the register, and that asset's file alone (an
// invalid one ends the command with exit 3).
func (app *App) startReadOne(id string) (string, asset.Date, *register.Register, *asset.Asset, error) {
	format, err := app.outputFormat()
	if err != nil {
		return "", asset.Date{}, nil, nil, err
	}
	asOf, err := app.asOf()
	if err != nil {
		return "", asset.Date{}, nil, nil, err
	}
	reg, err := app.open()
	if err != nil {
		return "", asset.Date{}, nil, nil, err
	}
	a, err := app.readValid(reg, id)
	return format, asOf, reg, a, err
}

// readValid reads one asset for display. An asset whose file is invalid
// ends the command with exit 3, its problems on stderr.
func (app *App) readValid(reg *register.Register, id string) (*asset.Asset, error) {
	f, err := reg.ReadAsset(id)
	var inv *register.InvalidFileError
	if errors.As(err, &inv) {
		return nil, app.invalidFile(inv.Findings, register.AssetPath(inv.Kind, inv.ID))
	}
	if err != nil {
		return nil, refuse("%v", err)
	}
	a, fs := asset.DecodeAsset(f.Rel, f.ID, f.Kind, f.Data)
	if fs.HasErrors() {
		return nil, app.invalidFile(fs, f.Rel)
	}
	return a, nil
}

func (app *App) invalidFile(fs asset.Findings, rel string) error {
	app.printErrors(fs)
	return &ExitError{Code: ExitInvalid, Err: fmt.Errorf("%s is invalid: fix it (itrack edit), then run `itrack validate`", rel)}
}

// printErrors writes the errors among findings to stderr, one a line.
func (app *App) printErrors(fs asset.Findings) {
	for _, f := range fs.Errors() {
		fmt.Fprintln(app.IO.Err, safe.Text(f.Short()))
	}
}

func (app *App) reportInvalid(snap *register.Snapshot) {
	if len(snap.Invalid) == 0 {
		return
	}
	app.printErrors(snap.Findings)
	unread, unfinished := 0, false
	for _, f := range snap.Unread() {
		if f.Rule == "unfinished-write" {
			unfinished = true
		} else {
			unread++
		}
	}
	switch {
	case unread > 0:
		fmt.Fprintf(app.IO.Err, "itrack: the results leave out what could not be read (%s): fix %s, then run `itrack validate`\n",
			plural(unread, "path"), pronoun(unread))
	case unfinished && len(snap.Invalid) == 1:
		fmt.Fprintln(app.IO.Err, "itrack: these results may show part of an interrupted change: run `itrack fmt` to complete it")
	default:
		fmt.Fprintf(app.IO.Err, "itrack: %s left out of the results: fix %s, then run `itrack validate`\n",
			plural(len(snap.Invalid), "invalid file"), pronoun(len(snap.Invalid)))
	}
	app.exit = ExitInvalid
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func newRootCmd(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "itrack",
		Short: "An IT asset register kept as YAML files in git",
		Long: `itrack keeps one YAML file per asset (hardware, components, licences,
domains, certificates, documents) and per person, in a git repository, and
computes lifecycle state, holders, seat compliance, book values and
renewals from them on demand.

The register is found like git finds .git: -C DIR, else $ITRACK_DIR, else
the nearest parent folder holding itrack.yaml.` + exitStatusHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionString(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		app.cmd = cmd
		if app.format != "" && formatsOf(cmd) == nil {
			return refuse("%s has no --format: it writes text only", cmd.CommandPath())
		}
		// a bad --as-of is refused before any command starts, so none can
		// have written a file by the time it reads the date
		_, err := app.asOf()
		return err
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return flagError(err) })
	f := root.PersistentFlags()
	f.StringVarP(&app.dir, "dir", "C", "", "run in the register at `DIR`")
	f.StringVar(&app.asOfArg, "as-of", "", "answer as of `DATE` (YYYY-MM-DD; default today)")
	f.StringVar(&app.format, "format", "", "output `FORMAT` (each command lists its own)")
	_ = root.RegisterFlagCompletionFunc("format", func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return formatsOf(cmd), cobra.ShellCompDirectiveNoFileComp
	})
	f.BoolVar(&app.noColor, "no-color", false, "never colour the output (also: NO_COLOR=1)")
	f.BoolVar(&app.commit, "commit", false, "commit the files a write command changes (also: git.auto_commit in itrack.yaml)")

	root.AddGroup(&cobra.Group{ID: "register", Title: "Register:"}, &cobra.Group{ID: "records", Title: "Records:"},
		&cobra.Group{ID: "lifecycle", Title: "Lifecycle events:"})
	for _, c := range []*cobra.Command{newInitCmd(app), newValidateCmd(app), newFmtCmd(app), newSchemaCmd(app)} {
		c.GroupID = "register"
		root.AddCommand(c)
	}
	for _, c := range []*cobra.Command{newAddCmd(app), newShowCmd(app), newListCmd(app), newSetCmd(app), newEditCmd(app), newHistoryCmd(app), newDiffCmd(app), newMergeDriverCmd(app)} {
		c.GroupID = "records"
		root.AddCommand(c)
	}
	for _, c := range []*cobra.Command{newAssignCmd(app), newUnassignCmd(app), newMoveCmd(app), newInstallCmd(app), newUninstallCmd(app),
		newRepairCmd(app), newRepairedCmd(app), newServiceCmd(app), newAuditCmd(app), newLostCmd(app), newFoundCmd(app),
		newRenewCmd(app), newTrueUpCmd(app), newCancelCmd(app), newRetireCmd(app), newDisposeCmd(app)} {
		c.GroupID = "lifecycle"
		c.ValidArgsFunction = eventCompletion(app, c.Name())
		root.AddCommand(c)
	}
	root.AddGroup(&cobra.Group{ID: "people", Title: "People:"})
	for _, c := range []*cobra.Command{newPersonCmd(app), newOffboardCmd(app)} {
		c.GroupID = "people"
		root.AddCommand(c)
	}
	root.AddGroup(&cobra.Group{ID: "reports", Title: "Reports:"})
	for _, c := range []*cobra.Command{newReportCmd(app), newRenewalsCmd(app), newForecastCmd(app), newSeatsCmd(app), newDepreciationCmd(app)} {
		c.GroupID = "reports"
		root.AddCommand(c)
	}
	root.AddGroup(&cobra.Group{ID: "data", Title: "Data in and out:"})
	for _, c := range []*cobra.Command{newImportCmd(app), newExportCmd(app), newReconcileCmd(app)} {
		c.GroupID = "data"
		root.AddCommand(c)
	}
	root.AddCommand(newVersionCmd(app), newManCmd(app))
	root.InitDefaultCompletionCmd()
	addExitStatus(root)
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			// cobra prints help for `completion bsh`; a typo must not end up in
			// a shell's startup file
			c.Args = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					return fmt.Errorf("unknown shell %q: use bash, zsh, fish or powershell", args[0])
				}
				return nil
			}
			c.RunE = func(cmd *cobra.Command, args []string) error {
				return refuse("name the shell: itrack completion bash, zsh, fish or powershell")
			}
		}
	}
	return root
}

// eventCompletion offers, for an event command, the assets whose state
// accepts its event, then the people (assign, unassign) or hardware
// (install) it takes second.
func eventCompletion(app *App, command string) cobra.CompletionFunc {
	people, hardware := completePeopleArg(app), completeHardwareArg(app)
	var next cobra.CompletionFunc
	switch command {
	case "assign", "unassign":
		next = people
	case "install":
		next = hardware
	}
	for _, spec := range asset.EventTypes {
		if spec.Command == command {
			return completeFor(app, spec.Type, next)
		}
	}
	return completeAssetIDs(app)
}

// addExitStatus ends every command's long help with the exit codes it can
// end with, as restic does, so scripts can rely on them.
func addExitStatus(c *cobra.Command) {
	for _, sub := range c.Commands() {
		if !strings.Contains(sub.Long, "EXIT STATUS") {
			long := sub.Long
			if long == "" {
				long = sub.Short + "."
			}
			sub.Long = long + exitStatusHelp
		}
		addExitStatus(sub)
	}
}

// exitStatusHelp ends the long help of every command, as restic does.
const exitStatusHelp = `

EXIT STATUS
  0  success
  1  findings: validate errors, fmt --check differences, --fail hits
  2  usage error or refused operation: nothing was changed
  3  the register holds invalid files: results cover the valid ones`

var parseBoolError = regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: strconv\.ParseBool: .*$`)

// flagError rewords the flag errors whose Go wording means nothing to a
// person.
func flagError(err error) error {
	if m := parseBoolError.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Errorf("%s takes true or false, not %q", m[2], m[1])
	}
	return err
}
