package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/safe"
)

// editOptions are what `itrack edit` was asked.
type editOptions struct{ id string }

func newEditCmd(app *App, runF func(*editOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "edit ID",
		Short: "Edit an asset's file in $EDITOR, checked before it is saved",
		Long: `Open an asset's file in your editor ($VISUAL, else $EDITOR, else vi) and
save the result when it is valid. An invalid result is never written over
the file: itrack says what is wrong and where your attempt was saved, so
nothing you typed is lost. edit also opens files other commands refuse
because they are broken, so it is the way to repair them.`,
		Example: `  itrack edit LT-0001
  EDITOR="code --wait" itrack edit figma-professional`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeAssetIDs(app),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := &editOptions{id: args[0]}
			if runF != nil {
				return runF(opts)
			}
			return runEdit(app, opts.id)
		},
	}
}

func runEdit(app *App, id string) error {
	reg, err := app.open()
	if err != nil {
		return err
	}
	kind, id, err := reg.FindAsset(id)
	if err != nil {
		return refuse("%v", err)
	}
	rel := register.AssetPath(kind, id)
	before, err := reg.ReadFile(rel)
	if err != nil {
		return refuse("%v", err)
	}
	tmp, err := os.CreateTemp("", "itrack-"+id+"-*.yaml")
	if err != nil {
		return refuse("cannot make a file to edit: %v", err)
	}
	tmpPath := tmp.Name()
	_, err = tmp.Write(before)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return refuse("cannot make a file to edit: %v", err)
	}
	if err := app.runEditor(tmpPath); err != nil {
		os.Remove(tmpPath)
		return refuse("%v: %s is unchanged", err, rel)
	}
	after, err := register.ReadInput(tmpPath, tmpPath, asset.MaxFileSize)
	if err != nil {
		return refuse("cannot read the edited file: %v", err)
	}
	if bytes.Equal(before, after) {
		os.Remove(tmpPath)
		fmt.Fprintf(app.IO.Out, "%s is unchanged\n", id)
		return nil
	}
	kept := func(why string) error {
		return refuse("%s: %s is unchanged, and your edit is saved in %s", why, rel, tmpPath)
	}
	if _, fs := reg.Check(rel, id, kind, after); fs.HasErrors() {
		for _, f := range fs.Errors() {
			f.File = tmpPath
			fmt.Fprintln(app.IO.Err, safe.Text(f.Short()))
		}
		return kept("the edit is not valid")
	}
	w, err := app.startWrite()
	if err != nil {
		return kept(err.Error())
	}
	defer w.done()
	if now, err := reg.ReadFile(rel); err != nil || !bytes.Equal(now, before) {
		return kept("the file was changed by someone else while you edited it")
	}
	if err := w.save("edit "+id, map[string][]byte{rel: after}, []string{rel}); err != nil {
		return err
	}
	os.Remove(tmpPath)
	fmt.Fprintf(app.IO.Out, "Saved %s (%s)\n", id, rel)
	return nil
}

// runEditor opens path in the person's editor, the way git does: the
// editor setting may carry arguments (code --wait).
func (app *App) runEditor(path string) error {
	editor := app.Getenv("VISUAL")
	if editor == "" {
		editor = app.Getenv("EDITOR")
	}
	if editor == "" {
		editor = "vi"
		if runtime.GOOS == "windows" {
			editor = "notepad"
		}
	}
	var cmd *exec.Cmd
	if runtime.GOOS == "windows" {
		fields := strings.Fields(editor)
		cmd = exec.Command(fields[0], append(fields[1:], path)...)
	} else {
		cmd = exec.Command("sh", "-c", editor+` "$@"`, editor, path)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = app.IO.In, app.IO.Out, app.IO.Err
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("the editor (%s) failed: %v", editor, err)
	}
	return nil
}
