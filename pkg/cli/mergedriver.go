package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/merge"
	"github.com/itrack/itrack/pkg/safe"
)

// mergeDriverConfig is the git setting that turns the driver on; init's
// .gitattributes and docs/review.md give it.
const mergeDriverConfig = `git config merge.itrack.driver "itrack merge-driver %O %A %B %P"`

func newMergeDriverCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "merge-driver BASE OURS THEIRS PATH",
		Short: "Merge asset files for git: event logs united, real conflicts marked",
		Long: `A git merge driver for asset and person files. Two branches that append
events to the same file merge into one history in date order (an event
both added appears once); edits to different keys both survive; the same
key changed two ways is a conflict, left with standard conflict markers,
and so is a united history that would be impossible (two holders at
once). The merged file is in canonical form. A file that is not valid
YAML is merged by git's own text merge.

itrack init writes the .gitattributes lines; turn the driver on in each
clone with:

  ` + mergeDriverConfig + `

git calls it with the base, ours and theirs versions (%O %A %B) and the
path (%P); the result is written over OURS. Exit 0: merged cleanly;
exit 1: conflicts are left to resolve.`,
		Args:   cobra.ExactArgs(4),
		Hidden: false,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMergeDriver(app, args[0], args[1], args[2], args[3])
		},
	}
}

func runMergeDriver(app *App, basePath, oursPath, theirsPath, path string) error {
	var data [3][]byte
	for i, p := range []string{basePath, oursPath, theirsPath} {
		b, err := os.ReadFile(app.abs(p))
		if err != nil {
			return refuse("merge-driver: %v", err)
		}
		data[i] = b
	}
	res, err := merge.Files(registerPath(path), data[0], data[1], data[2])
	if err != nil {
		fmt.Fprintf(app.IO.Err, "itrack merge-driver: %v: falling back to a text merge\n", err)
		return textMerge(app, app.abs(basePath), app.abs(oursPath), app.abs(theirsPath))
	}
	if err := os.WriteFile(app.abs(oursPath), res.Data, 0o644); err != nil {
		return refuse("merge-driver: %v", err)
	}
	if len(res.Conflicts) > 0 {
		fmt.Fprintln(app.IO.Err, safe.Text(fmt.Sprintf("itrack merge-driver: %s: conflict: %s", path, strings.Join(res.Conflicts, "; "))))
		return silent(ExitFindings)
	}
	return nil
}

// registerPath turns the path git gives (from the top of the repository)
// into one from the register's root: what follows the last assets/ or
// people/ folder.
func registerPath(p string) string {
	p = filepath.ToSlash(p)
	for _, dir := range []string{"assets/", "people/"} {
		if i := strings.LastIndex(p, dir); i >= 0 && (i == 0 || p[i-1] == '/') {
			return p[i:]
		}
	}
	return p
}

// textMerge is git's own three-way text merge, for files the driver cannot
// read.
func textMerge(app *App, base, ours, theirs string) error {
	cmd := exec.Command("git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs)
	cmd.Stderr = app.IO.Err
	if err := cmd.Run(); err != nil {
		return silent(ExitFindings)
	}
	return nil
}
