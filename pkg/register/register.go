// Package register is the register on disk: finding its root, loading every
// record in parallel, reading one record by ID, the writers' lock, atomic
// writes, canonical YAML and comment-preserving edits, and git.
package register

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// Register is an opened register: its root folder and its settings.
type Register struct {
	Root   string
	Config *asset.Config
	// ConfigFindings are the problems in itrack.yaml; the register is still
	// usable with defaults where a value was bad.
	ConfigFindings asset.Findings
	// NoIndex makes Load decode every file, neither reading nor writing
	// the register's index (see cache.go).
	NoIndex bool

	configSum [sha256.Size]byte // of itrack.yaml as read
	lastHits  int64             // files the last load took from the index
	ids       *idSummary        // the ID summary NextID read or made, for CreateFile to update
}

// ErrNoRegister is returned when no itrack.yaml is found.
var ErrNoRegister = errors.New("not inside an itrack register (no itrack.yaml here or in any parent folder): run `itrack init`, or point at one with -C DIR or ITRACK_DIR")

// FindRoot finds the register root the way git finds .git: dir when given
// (from -C), else env (ITRACK_DIR), else the nearest parent of cwd that holds
// itrack.yaml.
func FindRoot(dir, env, cwd string) (string, error) {
	for _, explicit := range []string{dir, env} {
		if explicit == "" {
			continue
		}
		if !filepath.IsAbs(explicit) {
			explicit = filepath.Join(cwd, explicit)
		}
		if _, err := os.Stat(filepath.Join(explicit, asset.ConfigFile)); err != nil {
			return "", fmt.Errorf("%s is not an itrack register: it has no %s (run `itrack init %s` to create one)", explicit, asset.ConfigFile, explicit)
		}
		return filepath.Clean(explicit), nil
	}
	for d := filepath.Clean(cwd); ; {
		if _, err := os.Stat(filepath.Join(d, asset.ConfigFile)); err == nil {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", ErrNoRegister
		}
		d = parent
	}
}

// Open reads the settings of the register at root. An itrack.yaml that is
// a link, a pipe or a device is never read: it is an error, as is one that
// cannot be read or is over the size limit.
func Open(root string) (*Register, error) {
	data, err := readRegular(filepath.Join(root, asset.ConfigFile), asset.ConfigFile, asset.MaxFileSize)
	if err != nil {
		return nil, err
	}
	cfg, fs := asset.DecodeConfig(data)
	return &Register{Root: root, Config: cfg, ConfigFindings: fs, configSum: sha256.Sum256(data)}, nil
}

// AssetPath returns the path, relative to the root and slash-separated, of
// the file of an asset.
func AssetPath(kind asset.Kind, id string) string {
	return "assets/" + kind.Folder() + "/" + id + ".yaml"
}

// PersonPath returns the relative path of a person's file.
func PersonPath(id string) string {
	return "people/" + id + ".yaml"
}

// Abs turns a path relative to the root into one the OS can open.
func (r *Register) Abs(rel string) string {
	return filepath.Join(r.Root, filepath.FromSlash(rel))
}

// HasPeople reports whether the register keeps people files, which makes
// person references checked.
func (r *Register) HasPeople() bool {
	st, err := os.Lstat(r.Abs("people"))
	return err == nil && st.IsDir()
}

// NotFoundError says an ID names no record.
type NotFoundError struct {
	What, ID   string
	Suggestion string
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no %s with ID %q", e.What, e.ID)
	if e.Suggestion != "" {
		msg += fmt.Sprintf("; did you mean %s?", e.Suggestion)
	}
	return msg
}

// FindAsset locates an asset's file by ID without scanning the register:
// one stat per kind. IDs are unique case-insensitively, so when the exact
// spelling is not found, the folders' names (not the files) are searched.
func (r *Register) FindAsset(id string) (asset.Kind, string, error) {
	if err := asset.CheckID(id); err != nil {
		return "", "", err
	}
	for _, k := range asset.Kinds {
		if ok, err := r.isRecord(AssetPath(k, id)); ok || err != nil {
			return k, id, err
		}
	}
	var names []string
	for _, k := range asset.Kinds {
		ids, err := r.RecordIDs("assets/" + k.Folder())
		if err != nil {
			return "", "", err
		}
		for _, name := range ids {
			if strings.EqualFold(name, id) {
				return k, name, nil
			}
			names = append(names, name)
		}
	}
	return "", "", &NotFoundError{What: "asset", ID: id, Suggestion: nearest(id, names)}
}

// FindPerson checks that a person file exists and returns its ID as
// spelled on disk.
func (r *Register) FindPerson(id string) (string, error) {
	if err := asset.CheckID(id); err != nil {
		return "", err
	}
	if ok, err := r.isRecord(PersonPath(id)); ok || err != nil {
		return id, err
	}
	names, err := r.RecordIDs("people")
	if err != nil {
		return "", err
	}
	for _, name := range names {
		if strings.EqualFold(name, id) {
			return name, nil
		}
	}
	return "", &NotFoundError{What: "person", ID: id, Suggestion: nearest(id, names)}
}

// isRecord says whether a record file is at rel: a regular file, reached
// through real folders. Anything else there, or a folder that cannot be
// looked in, is an error, not "no such record".
func (r *Register) isRecord(rel string) (bool, error) {
	st, err := os.Lstat(r.Abs(rel))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		if err := r.checkFolders(rel); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return false, err
		}
		return false, fmt.Errorf("cannot read %s: %w", rel, unwrapPath(err))
	case !st.Mode().IsRegular():
		return false, &NotRegularError{Rel: rel, What: describeType(st.Mode())}
	}
	return true, r.checkFolders(rel)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func nearest(id string, names []string) string {
	s, _ := asset.Closest(id, names)
	return s
}

// NextID returns the next free generated ID for a kind: PREFIX-0001, then
// one more than the highest number in use. It reads file names only. Call it
// under the lock, so two writers cannot take the same number.
func (r *Register) NextID(kind asset.Kind) (string, error) {
	if s := r.readIDs(); s != nil {
		if id, ok := r.nextFromSummary(s, kind); ok {
			r.ids = s
			return id, nil
		}
	}
	prefix := r.Config.Prefix(kind) + "-"
	highest, width := 0, 4
	// IDs are unique across kinds, ignoring case
	taken := map[string]bool{}
	summary := &idSummary{Folders: map[string]*folderIDs{}}
	for _, k := range asset.Kinds {
		rel := "assets/" + k.Folder()
		state, exists := identify(r.Abs(rel)) // before the listing: a change after it shows next time
		ids, err := r.RecordIDs(rel)
		if err != nil {
			return "", err
		}
		summary.Folders[rel] = summarize(state, exists, ids)
		for _, id := range ids {
			taken[strings.ToLower(id)] = true
			if k != kind || !strings.HasPrefix(id, prefix) {
				continue
			}
			digits := id[len(prefix):]
			n, err := strconv.Atoi(digits)
			if err != nil || n < 0 || digits == "" || digits[0] == '+' || digits[0] == '-' {
				continue
			}
			if n > highest {
				highest, width = n, max(width, len(digits))
			}
		}
	}
	r.writeIDs(summary)
	r.ids = summary
	for n := highest + 1; ; n++ {
		if id := fmt.Sprintf("%s%0*d", prefix, width, n); !taken[strings.ToLower(id)] {
			return id, nil
		}
	}
}

// RecordIDs lists the IDs of the record files in a folder (relative to the
// root), from their names alone, sorted. Hidden files and folders are not
// records, as for Load. A missing folder holds none; one that is a link or
// cannot be read is an error.
func (r *Register) RecordIDs(folder string) ([]string, error) {
	entries, err := r.readFolder(folder)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".yaml")
		if ok && !e.IsDir() && !strings.HasPrefix(id, ".") {
			ids = append(ids, id)
		}
	}
	return ids, nil
}
