package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/diff"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/view"
)

// diffOptions are what `itrack diff` was asked.
type diffOptions struct {
	revisions []string // BASE [HEAD], or none
	failOn    string
}

func newDiffCmd(app *App, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff [BASE [HEAD]]",
		Short: "What a change does to the register, for review",
		Long: `Say what a change means: assets added (with their cost), deleted, renamed
and changed field by field, new events in words, and the effects: state
changes, seat use per licence, the change in purchase cost and annual
run-rate, renewal dates moved, and validation errors introduced or fixed.

BASE and HEAD are git revisions; HEAD defaults to the working tree
(uncommitted changes included) and BASE to the merge base with the
default branch. Two register folders can be compared instead. Only the
files that changed are read.

--fail-on exits 1 when the change has any of the findings listed:
deleted-asset (an asset file deleted instead of retired), new-error (a
validation error introduced), seats-over (a licence goes over its seats);
deletions, new-errors and over-seats are older names for them. Every
finding it fails on is named on stderr.

Formats: text (default), markdown (a pull-request comment), json.`,
		Example: `  itrack diff                      # this branch against main, uncommitted changes included
  itrack diff main HEAD --format markdown
  itrack diff HEAD~1 HEAD --fail-on deleted-asset,new-error
  itrack diff ../register-before ../register-after`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.revisions = args
			if runF != nil {
				return runF(opts)
			}
			return runDiff(app, opts.revisions, opts.failOn)
		},
	}
	cmd.Flags().StringVar(&opts.failOn, "fail-on", "", "exit 1 on any finding of `LIST`: deleted-asset, new-error, seats-over")
	return cmd
}

func runDiff(app *App, args []string, failOn string) error {
	format, err := app.outputFormat()
	if err != nil {
		return err
	}
	fails := map[string]bool{}
	for _, f := range strings.Split(failOn, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		rule, ok := diff.FailRule(f)
		if !ok {
			return refuse("--fail-on %q: use %s, separated by commas", f, strings.Join(diff.FailRules, ", "))
		}
		fails[rule] = true
	}
	asOf, err := app.asOf()
	if err != nil {
		return err
	}
	var (
		in         diff.Input
		base, head string
	)
	if len(args) == 2 && isRegisterDir(app, args[0]) && isRegisterDir(app, args[1]) {
		base, head = args[0], args[1]
		in, err = folderFiles(app, base, head)
	} else {
		in, base, head, err = gitFiles(app, args)
	}
	if err != nil {
		return err
	}
	in.AsOf = asOf
	res := diff.Compare(in)
	v := view.DiffOf(res, base, head, asOf)
	switch format {
	case "json":
		err = render.WriteJSON(app.IO.Out, v)
	case "markdown":
		err = v.WriteMarkdown(app.IO.Out)
	default:
		err = v.WriteText(app.IO.Out, app.styles())
	}
	if err != nil {
		return err
	}
	failed := false
	for _, n := range res.Findings {
		if fails[n.Rule] {
			fmt.Fprintf(app.IO.Err, "itrack: the change fails --fail-on %s: %s\n", n.Rule, safe.Text(n.Message))
			failed = true
		}
	}
	if failed {
		return silent(ExitFindings)
	}
	return nil
}

func isRegisterDir(app *App, path string) bool {
	if !filepath.IsAbs(path) {
		path = filepath.Join(app.Cwd, path)
	}
	_, err := os.Stat(filepath.Join(path, asset.ConfigFile))
	return err == nil
}

// gitFiles reads the files that changed between two git revisions: BASE
// [HEAD] as given, else the default branch's merge base and the working
// tree.
func gitFiles(app *App, args []string) (diff.Input, string, string, error) {
	fail := func(err error) (diff.Input, string, string, error) { return diff.Input{}, "", "", err }
	reg, err := app.open()
	if err != nil {
		return fail(err)
	}
	if err := reg.CheckGit(); err != nil {
		return fail(refuse("cannot diff: %s is not in a git repository: run `git init` there, or compare two register folders (itrack diff OLD-FOLDER NEW-FOLDER)", reg.Root))
	}
	base, head := "", register.WorkTree
	switch len(args) {
	case 0:
		if base, err = reg.DefaultBase(); err != nil {
			return fail(refuse("%v", err))
		}
	case 1:
		base = args[0]
	case 2:
		base, head = args[0], args[1]
	}
	in, err := diff.FromGit(reg, base, head)
	if err != nil {
		return fail(refuse("%v", err))
	}
	label := head
	if head == register.WorkTree {
		label = "working tree"
	}
	return in, base, label, nil
}

// folderFiles compares two register folders file by file.
func folderFiles(app *App, base, head string) (diff.Input, error) {
	breg, err := register.Open(app.abs(base))
	if err != nil {
		return diff.Input{}, refuse("%v", err)
	}
	hreg, err := register.Open(app.abs(head))
	if err != nil {
		return diff.Input{}, refuse("%v", err)
	}
	breg.NoIndex, hreg.NoIndex = true, true // no index is left in folders only compared
	return diff.FromFolders(breg, hreg), nil
}
