package register

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// The journal of a batch write names each temporary file, the file it
// replaces and a checksum of its contents. It is written, flushed, once
// every temporary file is on disk, and removed once every rename is done:
// while it exists, the batch is decided but perhaps not finished, and
// finishing it means renaming the temporary files that are still there.

const journalHeader = "itrack journal 1"

type journalEntry struct {
	temp, target string // relative to the root
	sum          string // sha256 of the new contents, hex
}

type journal struct{ entries []journalEntry }

func contentSum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// encode writes the journal as lines of text, ending with a count that
// proves it whole.
func (j *journal) encode() []byte {
	var b bytes.Buffer
	b.WriteString(journalHeader + "\n")
	for _, e := range j.entries {
		fmt.Fprintf(&b, "%s %s %s\n", e.sum, e.temp, e.target)
	}
	fmt.Fprintf(&b, "end %d\n", len(j.entries))
	return b.Bytes()
}

// decodeJournal reads a journal, refusing one that is not whole or names
// a path that is not a record file of the register.
func decodeJournal(data []byte) (*journal, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<16)
	if !sc.Scan() || sc.Text() != journalHeader {
		return nil, errors.New("it does not start with " + strconv.Quote(journalHeader))
	}
	j := &journal{}
	for sc.Scan() {
		line := sc.Text()
		if n, ok := strings.CutPrefix(line, "end "); ok {
			if strconv.Itoa(len(j.entries)) != n || sc.Scan() {
				return nil, errors.New("it is not whole")
			}
			return j, nil
		}
		f := strings.Fields(line)
		if len(f) != 3 || len(f[0]) != 64 || !journalPath(f[1], true) || !journalPath(f[2], false) || path.Dir(f[1]) != path.Dir(f[2]) {
			return nil, fmt.Errorf("line %q is not a journal entry", line)
		}
		j.entries = append(j.entries, journalEntry{sum: f[0], temp: f[1], target: f[2]})
	}
	return nil, errors.New("it is not whole")
}

// journalPath says whether a journal may name rel: a record file of the
// register or one of its temporary files, and nothing outside.
func journalPath(rel string, temp bool) bool {
	if rel != path.Clean(rel) || path.IsAbs(rel) || strings.HasPrefix(rel, "../") || strings.Contains(rel, "\\") {
		return false
	}
	name := path.Base(rel)
	if temp {
		return IsTempName(name)
	}
	return strings.HasSuffix(name, ".yaml") && !strings.HasPrefix(name, ".")
}

// writeJournal makes the journal durable: from then on the batch is done,
// whatever happens to the process.
func (r *Register) writeJournal(j *journal) error {
	abs, rel := r.metaPath("-journal")
	if err := writeAtomic(abs, j.encode(), 0o644); err != nil {
		return fmt.Errorf("cannot write the journal %s: %v", rel, unwrapPath(err))
	}
	return nil
}

func (r *Register) removeJournal() {
	abs, _ := r.metaPath("-journal")
	if os.Remove(abs) == nil {
		syncDir(path.Dir(abs))
	}
}

// recoverWrites puts the register right after a writer that was killed:
// it completes the batch its journal names and, when the writer died
// (dirty) or left a journal, removes the temporary files left behind. It
// runs under the lock, before the new writer changes anything, and says
// what it did.
func (r *Register) recoverWrites(dirty bool) []string {
	var notes []string
	abs, rel := r.metaPath("-journal")
	data, err := readRegular(abs, rel, MaxInputSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		notes = append(notes, fmt.Sprintf("%v: left alone", err))
	default:
		dirty = true
		notes = append(notes, r.completeJournal(rel, data)...)
		os.Remove(abs)
	}
	if dirty {
		if n := r.removeTemps(); n > 0 {
			notes = append(notes, RemovedTemps(n))
		}
	}
	return notes
}

// completeJournal finishes the renames of a journal's batch.
func (r *Register) completeJournal(rel string, data []byte) []string {
	j, err := decodeJournal(data)
	if err != nil {
		// a journal is renamed into place whole, so this one was not
		// written by itrack: its temporary files go, the batch with them
		return []string{fmt.Sprintf("%s is damaged (%v): the interrupted change it names was undone", rel, err)}
	}
	var notes []string
	done, failed := 0, 0
	dirs := map[string]bool{}
	for _, e := range j.entries {
		// read as any file of the register is: a journal left in a clone
		// must not make recovery follow a link or wait on a pipe
		temp, err := r.ReadFile(e.temp)
		if err == nil && contentSum(temp) == e.sum {
			if os.Rename(r.Abs(e.temp), r.Abs(e.target)) == nil {
				done++
				dirs[path.Dir(e.target)] = true
				continue
			}
		} else if now, err := r.ReadFile(e.target); err == nil && contentSum(now) == e.sum {
			continue // renamed before the interruption
		}
		failed++
		notes = append(notes, fmt.Sprintf("%s could not be completed from the journal: check it with `itrack validate` and `git diff`", e.target))
	}
	for d := range dirs {
		syncDir(r.Abs(d))
	}
	head := fmt.Sprintf("completed the change of %s that an interrupted itrack command had begun (%d were still to rename)", plural(len(j.entries), "file"), done)
	if failed > 0 {
		head = fmt.Sprintf("could not complete the change of %s that an interrupted itrack command had begun: %d of them", plural(len(j.entries), "file"), failed)
	}
	return append([]string{head}, notes...)
}

// RemovedTemps is the note for n temporary files removed.
func RemovedTemps(n int) string {
	return fmt.Sprintf("removed %s left by an interrupted itrack command", plural(n, "temporary file"))
}

// removeTemps removes itrack's temporary files from the folders it writes
// in, and returns how many it removed.
func (r *Register) removeTemps() int {
	dirs := []string{".", "assets", "people", ".itrack/schema"}
	for _, k := range asset.Kinds {
		dirs = append(dirs, "assets/"+k.Folder())
	}
	if _, rel := r.metaPath(""); strings.HasPrefix(rel, ".git/") {
		dirs = append(dirs, ".git")
	}
	n := 0
	for _, dir := range dirs {
		if dir != "." {
			if ok, err := r.checkFolder(dir); !ok || err != nil {
				continue
			}
		}
		entries, _ := os.ReadDir(r.Abs(dir))
		for _, e := range entries {
			if e.Type().IsRegular() && IsTempName(e.Name()) && os.Remove(r.Abs(path.Join(dir, e.Name()))) == nil {
				n++
			}
		}
	}
	return n
}

// Unfinished reports a journal that no writer is working on: a batch was
// interrupted and no write command has completed it yet. Read commands
// show it as a finding; they never write.
func (r *Register) Unfinished() asset.Findings {
	abs, rel := r.metaPath("-journal")
	if _, err := os.Lstat(abs); err != nil || r.writerActive() {
		return nil
	}
	return asset.Findings{{File: rel, Rule: "unfinished-write", Message: "an itrack command was interrupted while writing several files, so some may hold the change and some not: run `itrack fmt` (or any itrack command that writes) and it completes the change first"}}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
