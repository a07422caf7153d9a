package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
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

--fail-on exits 1 when the change does any of: deletions (an asset file
deleted instead of retired), new-errors (validation errors introduced),
over-seats (a licence goes over its seats).

Formats: text (default), markdown (a pull-request comment), json.`,
		Example: `  itrack diff                      # this branch against main, uncommitted changes included
  itrack diff main HEAD --format markdown
  itrack diff HEAD~1 HEAD --fail-on deletions,new-errors
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
	cmd.Flags().StringVar(&opts.failOn, "fail-on", "", "exit 1 when the change does any of `LIST`: deletions, new-errors, over-seats")
	return cmd
}

func runDiff(app *App, args []string, failOn string) error {
	format, err := app.outputFormat()
	if err != nil {
		return err
	}
	fails := map[string]bool{}
	for _, f := range strings.Split(failOn, ",") {
		switch f = strings.TrimSpace(f); f {
		case "":
		case "deletions", "new-errors", "over-seats":
			fails[f] = true
		default:
			return refuse("--fail-on %q: use deletions, new-errors or over-seats, separated by commas", f)
		}
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
	for _, n := range res.Findings {
		rule := map[string]string{"deleted-asset": "deletions", "new-error": "new-errors", "seats-over": "over-seats"}[n.Rule]
		if fails[rule] {
			fmt.Fprintf(app.IO.Err, "itrack: the change fails --fail-on %s: %s\n", rule, safe.Text(n.Message))
			return silent(ExitFindings)
		}
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

// gitFiles reads the files that changed between two git revisions.
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
	changes, err := reg.Changes(base, head)
	if err != nil {
		return fail(refuse("%v", err))
	}
	// committed versions by blob, all in one git process; the working
	// tree's from disk
	var blobs, onDisk []string
	for _, c := range changes {
		for _, b := range []string{c.OldBlob, c.NewBlob} {
			if b != "" {
				blobs = append(blobs, b)
			}
		}
		if c.New != "" && c.NewBlob == "" {
			onDisk = append(onDisk, c.New)
		}
	}
	contents, err := reg.ReadBlobs(blobs)
	if err != nil {
		return fail(refuse("%v", err))
	}
	disk, err := reg.ReadAt(register.WorkTree, onDisk)
	if err != nil {
		return fail(refuse("%v", err))
	}
	files := make([]diff.File, len(changes))
	for i, c := range changes {
		f := diff.File{Old: c.Old, New: c.New, Base: contents[c.OldBlob], Head: contents[c.NewBlob]}
		if c.New != "" && c.NewBlob == "" {
			f.Head = disk[c.New]
		}
		files[i] = f
	}
	label := head
	if head == register.WorkTree {
		label = "working tree"
	}
	return diff.Input{Files: files, Config: reg.Config, Base: reg.At(base), Head: reg.At(head)}, base, label, nil
}

// folderFiles compares two register folders file by file.
func folderFiles(app *App, base, head string) (diff.Input, error) {
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(app.Cwd, p)
	}
	breg, err := register.Open(abs(base))
	if err != nil {
		return diff.Input{}, refuse("%v", err)
	}
	hreg, err := register.Open(abs(head))
	if err != nil {
		return diff.Input{}, refuse("%v", err)
	}
	bfiles, hfiles := breg.RecordFiles(), hreg.RecordFiles()
	all := map[string]bool{}
	for _, f := range append(bfiles, hfiles...) {
		all[f] = true
	}
	paths := make([]string, 0, len(all))
	for p := range all {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	bdata, _ := breg.ReadAt(register.WorkTree, paths)
	hdata, _ := hreg.ReadAt(register.WorkTree, paths)
	var files []diff.File
	for _, p := range paths {
		b, inBase := bdata[p]
		h, inHead := hdata[p]
		if inBase && inHead && string(b) == string(h) {
			continue
		}
		f := diff.File{Base: b, Head: h}
		if inBase {
			f.Old = p
		}
		if inHead {
			f.New = p
		}
		files = append(files, f)
	}
	return diff.Input{Files: files, Config: hreg.Config, Base: breg.Folder(bdata), Head: hreg.Folder(hdata)}, nil
}
