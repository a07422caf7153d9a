package register

import (
	"bytes"
	"fmt"
	"os/exec"
	"slices"
	"strings"
)

// Git runs git in the register's folder and returns its standard output.
func (r *Register) Git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", r.Root}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out.Bytes(), nil
}

// CheckGit reports why the register's changes could not be committed: git
// missing, or the register not in a git repository.
func (r *Register) CheckGit() error {
	if _, err := exec.LookPath("git"); err != nil {
		return fmt.Errorf("cannot commit: git is not installed")
	}
	if _, err := r.Git("rev-parse", "--show-toplevel"); err != nil {
		return fmt.Errorf("cannot commit: %s is not in a git repository (run `git init` there, or leave out --commit)", r.Root)
	}
	return nil
}

// Commit commits exactly the given files (relative to the root) with
// message, leaving anything else the person has staged alone.
func (r *Register) Commit(message string, files ...string) error {
	if _, err := r.Git(append([]string{"add", "--"}, files...)...); err != nil {
		return err
	}
	_, err := r.Git(append([]string{"commit", "--quiet", "--no-verify", "-m", message, "--only", "--"}, files...)...)
	return err
}

// Commit is one git commit that touched a file.
type Commit struct {
	Hash    string
	Author  string
	Date    string // YYYY-MM-DD, the author date
	Subject string
}

// FileLog returns the commits that touched a file (relative to the root),
// oldest first, following renames. It returns nothing, and no error, when
// the register is not in a git repository.
func (r *Register) FileLog(rel string) ([]Commit, error) {
	if _, err := r.Git("rev-parse", "--show-toplevel"); err != nil {
		return nil, nil
	}
	// newest first, then reversed: git's --follow does not follow a rename
	// with --reverse, and would drop the commits before it
	out, err := r.Git("log", "--follow", "--date=short", "--format=%H%x00%an%x00%ad%x00%s", "--", rel)
	if err != nil {
		return nil, err
	}
	var commits []Commit
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.SplitN(line, "\x00", 4)
		if len(parts) == 4 {
			commits = append(commits, Commit{Hash: parts[0], Author: parts[1], Date: parts[2], Subject: parts[3]})
		}
	}
	slices.Reverse(commits)
	return commits, nil
}

// RepoPrefix is the path of the register's root inside its git repository
// ("inventory/"), or "" at the top or outside git. CI annotations name files
// from the repository's top.
func (r *Register) RepoPrefix() string {
	out, err := r.Git("rev-parse", "--show-prefix")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
