package cli

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/view"
)

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
	reg.NoIndex = app.noIndex || (app.Getenv("ITRACK_NO_INDEX") != "" && app.Getenv("ITRACK_NO_INDEX") != "0")
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

// readCtx is what every read command starts from, prepared once: the
// output format, the date it answers for, the register, its records and
// their states on that date.
type readCtx struct {
	format   string
	asOf     asset.Date
	reg      *register.Register
	snap     *register.Snapshot      // every record (startRead)
	statuses map[string]asset.Status // every asset's state on asOf (startRead)
	asset    *asset.Asset            // the one asset (startReadOne)
	status   asset.Status            // its state on asOf (startReadOne)
}

// startRead is how a read command starts: its output format, then check
// (the command's own flags, when given), then every record of the register
// and its state.
func (app *App) startRead(check func() error) (*readCtx, error) {
	rc, err := app.startContext(check)
	if err != nil {
		return nil, err
	}
	if rc.reg, rc.snap, err = app.load(); err != nil {
		return nil, err
	}
	rc.statuses = rc.snap.Statuses(rc.asOf)
	return rc, nil
}

// startReadOne is how a command about one asset starts: its output format,
// the date it answers for, the register, and that asset's file alone (an
// invalid one ends the command with exit 3).
func (app *App) startReadOne(id string) (*readCtx, error) {
	rc, err := app.startContext(nil)
	if err != nil {
		return nil, err
	}
	if rc.reg, err = app.open(); err != nil {
		return nil, err
	}
	if rc.asset, err = app.readValid(rc.reg, id); err != nil {
		return nil, err
	}
	rc.status = rc.reg.Status(rc.asset, rc.asOf)
	return rc, nil
}

func (app *App) startContext(check func() error) (*readCtx, error) {
	format, err := app.outputFormat()
	if err != nil {
		return nil, err
	}
	if check != nil {
		if err := check(); err != nil {
			return nil, err
		}
	}
	asOf, err := app.asOf()
	if err != nil {
		return nil, err
	}
	return &readCtx{format: format, asOf: asOf}, nil
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
	a, fs := f.Asset()
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
			view.Plural(unread, "path"), pronoun(unread))
	case unfinished && len(snap.Invalid) == 1:
		fmt.Fprintln(app.IO.Err, "itrack: these results may show part of an interrupted change: run `itrack fmt` to complete it")
	default:
		fmt.Fprintf(app.IO.Err, "itrack: %s left out of the results: fix %s, then run `itrack validate`\n",
			view.Plural(len(snap.Invalid), "invalid file"), pronoun(len(snap.Invalid)))
	}
	app.exit = ExitInvalid
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// writeTable writes a table in the text formats every list command offers.
func writeTable(app *App, format string, t render.Table) error {
	return render.WriteAs(app.IO.Out, format, t, app.styles())
}
