package cli

import (
	"fmt"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/safe"
)

// writer is one write command in progress: the register, its lock, and
// whether the change will be committed.
type writer struct {
	app    *App
	reg    *register.Register
	unlock func()
	commit bool
}

// startWrite opens the register, checks that a requested commit can be
// made, and takes the writers' lock. Nothing has changed yet, so any
// refusal here leaves every file as it was.
func (app *App) startWrite() (*writer, error) {
	reg, err := app.open()
	if err != nil {
		return nil, err
	}
	w := &writer{app: app, reg: reg, commit: app.commit || reg.Config.Git.AutoCommit}
	if w.commit {
		if err := reg.CheckGit(); err != nil {
			return nil, refuse("%v", err)
		}
	}
	unlock, notes, err := reg.Lock()
	if err != nil {
		return nil, refuse("%v", err)
	}
	w.unlock = unlock
	for _, n := range notes {
		fmt.Fprintf(app.IO.Err, "itrack: %s\n", safe.Text(n))
	}
	return w, nil
}

func (w *writer) done() { w.unlock() }

// readAsset reads one asset file for editing.
func (w *writer) readAsset(id string) (*register.RecordFile, error) {
	f, err := w.reg.ReadAsset(id)
	if err != nil {
		return nil, refuse("%v", err)
	}
	return f, nil
}

// checked decodes what an edited file would hold and refuses the change when
// the result is invalid, printing every problem.
func (w *writer) checked(f *register.RecordFile) (*asset.Asset, []byte, error) {
	data, err := register.Encode(f.Doc)
	if err != nil {
		return nil, nil, refuse("cannot write %s: %v", f.Rel, err)
	}
	a, fs := w.reg.Check(f.Rel, f.ID, f.Kind, data)
	if !fs.HasErrors() {
		return a, data, nil
	}
	if f.Data != nil {
		// a file that was already invalid: its problems, where they are now
		if _, old := w.reg.Check(f.Rel, f.ID, f.Kind, f.Data); old.HasErrors() {
			w.app.printErrors(old)
			return nil, nil, refuseBy("invalid-record", "%s is invalid already: fix it first (itrack edit %s); nothing was changed", f.Rel, f.ID)
		}
	}
	return nil, nil, w.refuseWith(fs, f.Rel)
}

// refuseWith prints findings and refuses the change.
func (w *writer) refuseWith(fs asset.Findings, rel string) error {
	w.app.printErrors(fs)
	return refuseBy(fs.Errors()[0].Rule, "the change would make %s invalid: nothing was changed", rel)
}

// save writes changed files, all or nothing, and commits them when asked.
func (w *writer) save(message string, files map[string][]byte, order []string) error {
	if err := w.reg.WriteBatch(files, order); err != nil {
		return refuse("%v: nothing was changed", err)
	}
	return w.commitFiles(message, order...)
}

func (w *writer) commitFiles(message string, files ...string) error {
	if !w.commit || len(files) == 0 {
		return nil
	}
	if err := w.reg.Commit(message, files...); err != nil {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("the files were written but not committed: %v", err)}
	}
	return nil
}
