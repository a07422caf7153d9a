package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/merge"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/safe"
)

// mergeDriverConfig is the git setting that turns the driver on; init's
// .gitattributes and docs/review.md give it.
const mergeDriverConfig = `git config merge.itrack.driver "itrack merge-driver %O %A %B %P"`

// mergeDriverOptions are the files git gives the merge driver.
type mergeDriverOptions struct{ base, ours, theirs, path string }

func newMergeDriverCmd(app *App, runF func(*mergeDriverOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "merge-driver BASE OURS THEIRS PATH",
		Short: "Merge asset files for git: event logs united, real conflicts marked",
		Long: `A git merge driver for asset and person files. Two branches that append
events to the same file merge into one history in date order (an event
both added appears once); edits to different keys both survive; the same
key changed two ways is a conflict, left with standard conflict markers,
and so are one event (same date and type) changed two ways and a united
history that would be impossible (two holders at once). The merged file is in canonical form. A version that is not valid
YAML, or not a record the driver can merge (a history that is not a list
of events, a key given twice), goes to git's own text merge and is always
left unmerged for a person to check.

itrack init writes the .gitattributes lines; turn the driver on in each
clone with:

  ` + mergeDriverConfig + `

git calls it with the base, ours and theirs versions (%O %A %B) and the
path (%P); the result is written over OURS. Exit 0: merged cleanly;
exit 1: conflicts are left to resolve.`,
		Args:   cobra.ExactArgs(4),
		Hidden: false,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := &mergeDriverOptions{args[0], args[1], args[2], args[3]}
			if runF != nil {
				return runF(opts)
			}
			return runMergeDriver(app, opts.base, opts.ours, opts.theirs, opts.path)
		},
	}
}

func runMergeDriver(app *App, basePath, oursPath, theirsPath, path string) error {
	var data [3][]byte
	for i, p := range []string{basePath, oursPath, theirsPath} {
		// git's temporary copies of a record: bounded as a record is
		b, err := register.ReadInput(app.abs(p), p, asset.MaxFileSize)
		if err != nil {
			return refuse("merge-driver: %v", err)
		}
		data[i] = b
	}
	res, err := merge.Files(registerPath(path), data[0], data[1], data[2])
	if err != nil {
		fmt.Fprintf(app.IO.Err, "itrack merge-driver: %v: falling back to a text merge, left unmerged to check\n", err)
		// even a clean text merge of a file the driver cannot read may
		// have lost events or broken the record: a person decides
		if !textMerge(app, app.abs(basePath), app.abs(oursPath), app.abs(theirsPath)) {
			if err := os.WriteFile(app.abs(oursPath), merge.Disagreement(data[1], data[2]), 0o644); err != nil {
				return refuse("merge-driver: %v", err)
			}
		}
		return silent(ExitFindings)
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
// read: it leaves markers where the versions differ, in ours. It reports
// whether it marked a conflict; when it did not (it merged the lines
// cleanly, or git could not run), the caller marks where ours and theirs
// differ instead, so the file always shows a person both sides.
func textMerge(app *App, base, ours, theirs string) bool {
	cmd := exec.Command("git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs)
	cmd.Stderr = app.IO.Err
	err := cmd.Run()
	var exit *exec.ExitError
	// git merge-file exits with the number of conflicts, negative on error
	return errors.As(err, &exit) && exit.ExitCode() > 0 && exit.ExitCode() < 128
}
