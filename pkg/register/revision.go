package register

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// WorkTree names the working tree, uncommitted changes included, where a
// git revision is expected.
const WorkTree = ""

// Change is one file that differs between two revisions.
type Change struct {
	Status  byte   // 'A' added, 'D' deleted, 'M' modified, 'R' renamed
	Old     string // path in the base, relative to the root ("" when added)
	New     string // path in the head ("" when deleted)
	OldBlob string // the base's blob ("" when added)
	NewBlob string // the head's blob ("" when deleted, or not committed)
}

// recordPaths limits git to the folders that hold records.
var recordPaths = []string{"--", "assets", "people"}

// Changes lists the record files that differ between base and head (a
// revision, or WorkTree), renames detected, paths relative to the root,
// with the blobs of both sides. It asks git for names and object IDs only:
// its cost follows the size of the change, not of the register.
func (r *Register) Changes(base, head string) ([]Change, error) {
	args := []string{"diff", "--raw", "-z", "-M", "--relative", "--no-ext-diff", "--no-abbrev", base}
	if head != WorkTree {
		args = append(args, head)
	}
	out, err := r.Git(append(args, recordPaths...)...)
	if err != nil {
		return nil, r.revisionError(err, base, head)
	}
	changes := parseRaw(out)
	if head == WorkTree {
		// files git does not track yet are additions too
		untracked, err := r.Git(append([]string{"ls-files", "-z", "--others", "--exclude-standard"}, recordPaths...)...)
		if err != nil {
			return nil, err
		}
		for _, p := range strings.Split(string(untracked), "\x00") {
			if p != "" {
				changes = append(changes, Change{Status: 'A', New: p})
			}
		}
	}
	return changes, nil
}

// parseRaw reads `git diff --raw -z`: for each file
// ":MODE MODE OLDBLOB NEWBLOB STATUS", then its path (two for a rename).
func parseRaw(out []byte) []Change {
	fields := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	var changes []Change
	blob := func(sha string) string {
		if strings.Trim(sha, "0") == "" {
			return "" // none, or the working tree's
		}
		return sha
	}
	for i := 0; i+1 < len(fields); i++ {
		meta := strings.Fields(strings.TrimPrefix(fields[i], ":"))
		if len(meta) < 5 {
			continue
		}
		c := Change{Status: meta[4][0], OldBlob: blob(meta[2]), NewBlob: blob(meta[3])}
		switch c.Status {
		case 'R', 'C':
			if i+2 >= len(fields) {
				return changes
			}
			c.Status = 'R'
			c.Old, c.New = fields[i+1], fields[i+2]
			i += 2
		case 'A':
			c.New = fields[i+1]
			i++
		case 'D':
			c.Old = fields[i+1]
			i++
		default: // M, T
			c.Status = 'M'
			c.Old, c.New = fields[i+1], fields[i+1]
			i++
		}
		changes = append(changes, c)
	}
	return changes
}

// ReadBlobs returns the contents of git blobs, by object ID, through one
// `git cat-file --batch`: naming blobs, not paths, spares git reading the
// trees of a large register.
func (r *Register) ReadBlobs(ids []string) (map[string][]byte, error) {
	return r.catFile(ids, func(id string) string { return id })
}

// ReadAt returns the contents of files (relative to the root) at a
// revision, through one `git cat-file --batch` for all of them; WorkTree
// reads them from disk. A file missing at the revision is left out.
func (r *Register) ReadAt(rev string, paths []string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(paths))
	if rev == WorkTree {
		for _, p := range paths {
			data, err := r.ReadFile(p)
			switch {
			case err == nil:
				out[p] = data
			case !errors.Is(err, fs.ErrNotExist):
				return nil, err
			}
		}
		return out, nil
	}
	if len(paths) == 0 {
		return out, nil
	}
	return r.catFile(paths, func(p string) string { return rev + ":./" + p })
}

// catFile reads objects through one `git cat-file --batch`, keyed by what
// was asked; name turns a key into the object name git reads.
func (r *Register) catFile(keys []string, name func(string) string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	cmd := exec.Command("git", "-C", r.Root, "cat-file", "--batch")
	var in bytes.Buffer
	for _, k := range keys {
		fmt.Fprintf(&in, "%s\n", name(k))
	}
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	rd := bufio.NewReader(stdout)
	for _, k := range keys {
		header, err := rd.ReadString('\n')
		if err != nil {
			cmd.Wait()
			return nil, fmt.Errorf("git cat-file: %v %s", err, stderr.String())
		}
		parts := strings.Fields(header)
		if len(parts) < 3 || parts[1] == "missing" {
			continue
		}
		size, err := strconv.Atoi(parts[2])
		if err != nil {
			cmd.Wait()
			return nil, fmt.Errorf("git cat-file: unexpected header %q", header)
		}
		buf := make([]byte, size+1) // the content and its newline
		if _, err := io.ReadFull(rd, buf); err != nil {
			cmd.Wait()
			return nil, fmt.Errorf("git cat-file: %v", err)
		}
		out[k] = buf[:size]
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git cat-file: %s", strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// DefaultBase is where a branch's changes start: its merge base with the
// default branch (origin's HEAD, else main, else master).
func (r *Register) DefaultBase() (string, error) {
	candidates := []string{"main", "master"}
	if out, err := r.Git("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"); err == nil {
		candidates = append([]string{strings.TrimSpace(string(out))}, candidates...)
	}
	for _, branch := range candidates {
		if out, err := r.Git("merge-base", "HEAD", branch); err == nil {
			return strings.TrimSpace(string(out)), nil
		}
	}
	if !r.knows("HEAD") {
		return "", errNoCommits
	}
	example := r.currentBranch()
	if example == "" {
		example = "HEAD"
	}
	return "", fmt.Errorf("cannot find the default branch (origin/HEAD, main or master) to compare with: name the base, e.g. itrack diff %s", example)
}

// errNoCommits is why a repository without a commit cannot be diffed.
var errNoCommits = errors.New("no commits yet to compare with: commit the register first (git add -A && git commit)")

// revisionError says why git could not compare revisions, when the reason
// is one a person can act on: no commit yet, or a revision git does not
// know. Otherwise it returns git's error.
func (r *Register) revisionError(gitErr error, revs ...string) error {
	for _, rev := range revs {
		if rev == WorkTree || r.knows(rev) {
			continue
		}
		if !r.knows("HEAD") {
			return errNoCommits
		}
		branch := "a branch"
		if b := r.currentBranch(); b != "" {
			branch += " (such as " + b + ")"
		}
		return fmt.Errorf("unknown revision %q: name %s, a tag, or a commit that `git log --oneline` lists", rev, branch)
	}
	return gitErr
}

// knows reports whether rev names a commit or a tree git has.
func (r *Register) knows(rev string) bool {
	_, err := r.Git("rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{tree}")
	return err == nil
}

// currentBranch is the name of the branch checked out, "" when HEAD is
// detached: for examples, a name that surely exists, unlike main.
func (r *Register) currentBranch() string {
	out, err := r.Git("symbolic-ref", "--quiet", "--short", "HEAD")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// Revision is one version of the register: a git revision, or the working
// tree (WorkTree). It answers diff's questions about the files a change
// did not touch.
type Revision struct {
	r     *Register
	rev   string
	git   bool
	files map[string][]byte // a folder's record files, by path
}

// At is the register at a git revision, or its working tree.
func (r *Register) At(rev string) *Revision { return &Revision{r: r, rev: rev, git: true} }

// Folder is the register as it is on disk, git or not; files are the
// contents of all its record files, by path relative to the root, which
// the caller has read already (to compare them).
func (r *Register) Folder(files map[string][]byte) *Revision {
	return &Revision{r: r, rev: WorkTree, files: files}
}

// Exist says which of the paths (relative to the root) exist, with one git
// process for all of them.
func (v *Revision) Exist(paths []string) (map[string]bool, error) {
	out := make(map[string]bool, len(paths))
	if v.rev == WorkTree {
		for _, p := range paths {
			_, err := os.Lstat(v.r.Abs(p))
			out[p] = err == nil
		}
		return out, nil
	}
	var in bytes.Buffer
	for _, p := range paths {
		fmt.Fprintf(&in, "%s:./%s\n", v.rev, p)
	}
	cmd := exec.Command("git", "-C", v.r.Root, "cat-file", "--batch-check")
	cmd.Stdin = &in
	res, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %v", err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(res), "\n"), "\n") {
		if i < len(paths) {
			out[paths[i]] = !strings.HasSuffix(line, " missing")
		}
	}
	return out, nil
}

// Read returns the contents of those of the files (relative to the root)
// that exist in this version.
func (v *Revision) Read(paths []string) (map[string][]byte, error) {
	if v.files != nil {
		out := map[string][]byte{}
		for _, p := range paths {
			if data, ok := v.files[p]; ok {
				out[p] = data
			}
		}
		return out, nil
	}
	return v.r.ReadAt(v.rev, paths)
}

// Referrers returns the record files that mention any of the IDs as a
// word, with their contents.
func (v *Revision) Referrers(ids []string) (map[string][]byte, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	if !v.git {
		return v.scanReferrers(ids), nil
	}
	args := []string{"grep", "-l", "-w", "-F"}
	if v.rev == WorkTree {
		args = append(args, "--untracked")
	}
	for _, id := range ids {
		args = append(args, "-e", id)
	}
	if v.rev != WorkTree {
		args = append(args, v.rev)
	}
	args = append(args, recordPaths...)
	cmd := exec.Command("git", append([]string{"-C", v.r.Root}, args...)...)
	res, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
		return nil, nil // no match
	}
	if err != nil {
		return nil, fmt.Errorf("git grep: %v", err)
	}
	var paths []string
	for _, line := range strings.Split(strings.TrimSpace(string(res)), "\n") {
		if v.rev != WorkTree {
			line = strings.TrimPrefix(line, v.rev+":")
		}
		if line != "" {
			paths = append(paths, line)
		}
	}
	return v.r.ReadAt(v.rev, paths)
}

// scanReferrers searches a folder's record files for the IDs.
func (v *Revision) scanReferrers(ids []string) map[string][]byte {
	out := map[string][]byte{}
	for rel, data := range v.files {
		for _, id := range ids {
			if containsWord(data, id) {
				out[rel] = data
				break
			}
		}
	}
	return out
}

func containsWord(data []byte, word string) bool {
	isWord := func(c byte) bool {
		return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte(word))
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		if (start == 0 || !isWord(data[start-1])) && (end == len(data) || !isWord(data[end])) {
			return true
		}
		i = start + 1
	}
}
