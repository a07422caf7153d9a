package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/view"
)

// fmtOptions are what `itrack fmt` was asked.
type fmtOptions struct{ check bool }

func newFmtCmd(app *App, runF func(*fmtOptions) error) *cobra.Command {
	opts := &fmtOptions{}
	cmd := &cobra.Command{
		Use:   "fmt",
		Short: "Rewrite record files in canonical form, comments kept",
		Long: `Rewrite every asset and person file that is not in canonical form: what
the YAML encoder writes with an indent of 2, with LF line endings and no
byte-order mark. Comments and key order are kept, except that an asset's
history moves after its other keys, where the format wants it. In
canonical files, itrack's commands change only the lines a change needs,
so diffs stay small. itrack.yaml is left as you wrote it.

--check changes nothing: it lists the files fmt would rewrite and exits 1
when there are any (for CI).`,
		Example: `  itrack fmt
  itrack fmt --check`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runFmt(app, opts.check)
		},
	}
	cmd.Flags().BoolVar(&opts.check, "check", false, "change nothing; list files that are not canonical and exit 1 if any")
	return cmd
}

func runFmt(app *App, check bool) error {
	var (
		w   *writer
		reg *register.Register
		err error
	)
	if check {
		reg, err = app.open()
	} else if w, err = app.startWrite(); err == nil {
		defer w.done()
		reg = w.reg
	}
	if err != nil {
		return err
	}
	res, err := reg.Format(check)
	if err != nil {
		return refuse("%v", err)
	}
	for _, rel := range res.Changed {
		fmt.Fprintln(app.IO.Out, safe.Text(rel))
	}
	if res.Removed > 0 {
		fmt.Fprintf(app.IO.Err, "itrack: %s\n", register.RemovedTemps(res.Removed))
	}
	if w != nil {
		if err := w.commitFiles("fmt: rewrite in canonical form", res.Changed...); err != nil {
			return err
		}
	}
	if len(res.Findings) > 0 {
		for _, f := range res.Findings {
			fmt.Fprintln(app.IO.Err, safe.Text(f.Short()))
		}
		fmt.Fprintln(app.IO.Err, "itrack: files that cannot be read as YAML were left alone: fix them by hand")
		return silent(ExitInvalid)
	}
	if check && len(res.Changed) > 0 {
		fmt.Fprintf(app.IO.Err, "itrack: %s not in canonical form: run `itrack fmt`\n", view.Plural(len(res.Changed), "file"))
		return silent(ExitFindings)
	}
	return nil
}
