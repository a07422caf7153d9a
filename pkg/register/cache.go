package register

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cespare/xxhash/v2"

	"github.com/itrack/itrack/pkg/asset"
)

// The register index is a cache of every record file's decoded record and
// its own findings, so that a read command decodes only the files that
// changed since the last one. It lives outside what git tracks: in
// .git/itrack/index when the register is a repository's top folder, else
// in .itrack/cache/index, a folder that ignores itself. It is
//
//   - invisible: a record comes from it only when its file is provably
//     the one it was decoded from, so every output is what decoding every
//     file would give;
//   - fresh by proof: a file is the same when its size, modification and
//     change times (in nanoseconds), inode and mode are; a file changed
//     within indexWindow of the run that decoded it is not kept, since a
//     later edit within the same timestamp tick would not show (git's
//     racily clean entries);
//   - safe: written whole to a temporary file and renamed, so a reader
//     sees an old index or a new one, never part of one; it starts with a
//     format line and a SHA-256 of the rest, and holds the build of
//     itrack that wrote it. An index of another build, damaged or too
//     large is ignored and written anew; a link where it or its folders
//     belong is never followed; it can always be deleted;
//   - cheap: the first index of a register names no file, so a register
//     read once (a fresh clone in CI) does not pay for writing one.
//
// Register.NoIndex, --no-index and ITRACK_NO_INDEX=1 bypass it.

// indexFormat is the version of the index's layout; the build identity
// changes with every binary anyway.
const indexFormat = "itrack-index 1\n"

// indexWindow is how recent a file's change may be for its entry to be
// distrusted: above any file system's timestamp granularity (FAT's two
// seconds) and the lag of the kernel's coarse clock.
var indexWindow = 3 * time.Second

// fileID is what a file is known by.
type fileID struct {
	Size, MTime, CTime int64
	Ino                uint64
	Mode               uint32
}

// indexEntry is one record file as it was decoded.
type indexEntry struct {
	ID       fileID
	Asset    *asset.Asset
	Person   *asset.Person
	Findings asset.Findings // the file's own, from parsing and decoding
	// Canon is set when the canonical-form check ran; NonCanonical holds
	// its finding when the file is not in canonical form.
	Canon        bool
	NonCanonical *asset.Finding
}

// indexData is one part of the index.
type indexData struct {
	Build   string
	Entries map[string]*indexEntry // by path relative to the root
	// the findings of the rules across files, in the first part only,
	// and the settings they were found with
	Register    asset.Findings
	RegisterKey string
}

func (p *indexData) encode() []byte {
	e := newEncoder()
	e.str(p.Build)
	e.str(p.RegisterKey)
	e.findings(p.Register)
	e.uint(uint64(len(p.Entries)))
	for rel, x := range p.Entries {
		e.str(rel)
		e.entry(x)
	}
	return e.b
}

func (p *indexData) decode(b []byte) error {
	d := &decoder{b: b}
	p.Build = d.str()
	p.RegisterKey = d.str()
	p.Register = d.findings()
	n := d.countOf(12)
	p.Entries = make(map[string]*indexEntry, n)
	for range n {
		rel := d.str()
		p.Entries[rel] = d.entry()
		if d.err != nil {
			return d.err
		}
	}
	if d.err == nil && len(d.b) > 0 {
		return errCodec
	}
	return d.err
}

// index is the index of one load: the entries read, and those the load
// decoded or found unchanged.
type index struct {
	path    string
	started time.Time
	old     map[string]*indexEntry
	entries []*indexEntry // by job
	changed atomic.Bool   // an entry was decoded anew
	hits    atomic.Int64  // entries found unchanged
	existed bool          // an index file was there, whatever it held

	// the findings of the rules across files: read, then as this load
	// found them
	oldRegister, register       asset.Findings
	oldRegisterKey, registerKey string
}

// fresh reports whether the load decoded nothing, every one of its n
// files was in the index and no other, and the rules across files ran
// with the same settings: their findings are then the index's, which it
// takes.
func (x *index) fresh(n int, key string) bool {
	if x.changed.Load() || x.hits.Load() != int64(n) || len(x.old) != n || x.oldRegisterKey != key {
		return false
	}
	x.register, x.registerKey = x.oldRegister, key
	return true
}

func (x *index) markChanged() { x.changed.Store(true) }

// IndexPath is where the register's index lives (or would).
func (r *Register) IndexPath() string {
	if st, err := os.Lstat(filepath.Join(r.Root, ".git")); err == nil && st.IsDir() {
		return filepath.Join(r.Root, ".git", "itrack", "index")
	}
	return filepath.Join(r.Root, ".itrack", "cache", "index")
}

// openIndex reads the index for a load of n files: nil when the index is
// off, or cannot be used on this system.
func (r *Register) openIndex(n int) *index {
	if r.NoIndex {
		return nil
	}
	if _, ok := identify(filepath.Join(r.Root, asset.ConfigFile)); !ok {
		return nil
	}
	x := &index{path: r.IndexPath(), started: time.Now(), entries: make([]*indexEntry, n)}
	if !realFolders(r.Root, filepath.Dir(x.path)) {
		return x
	}
	removeCacheTemps(filepath.Dir(x.path))
	// an entry is about the size of its file: an index of more than 16
	// KiB a file is not worth reading (nor one itrack would write)
	data, err := readRegular(x.path, "index", indexLimit(n))
	if err == nil || errors.As(err, new(*TooLargeError)) {
		x.existed = true
	}
	if err == nil {
		x.old = x.decode(data)
	}
	return x
}

// removeCacheTemps removes what a killed write of the index or the ID
// summary left in their folder, which holds nothing else. A writer
// running now whose file this removes does not write its cache, which is
// no loss.
func removeCacheTemps(dir string) {
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if e.Type().IsRegular() && IsTempName(e.Name()) {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}

// indexLimit is the largest index of a register of n files worth reading.
func indexLimit(n int) int64 { return int64(n+1) * 16 << 10 }

// realFolders reports whether every folder from root down to dir is a
// folder, not a link to one, so that the index is never read through a
// link.
func realFolders(root, dir string) bool {
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	d := filepath.Clean(root)
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if part == "." {
			continue
		}
		d = filepath.Join(d, part)
		if st, err := os.Lstat(d); err != nil || !st.IsDir() {
			return false
		}
	}
	return true
}

// indexShards is how many parts the entries are split into, encoded and
// decoded in parallel.
const indexShards = 16

// decode reads an index file's entries; none when it is not an
// index this build wrote, or is damaged. After the format line and the
// SHA-256 of the rest, it holds indexShards parts, each after its
// length, each an indexData as codec.go writes it.
func (x *index) decode(data []byte) map[string]*indexEntry {
	rest, ok := bytes.CutPrefix(data, []byte(indexFormat))
	if !ok || len(rest) < sha256.Size {
		return nil
	}
	sum, body := rest[:sha256.Size], rest[sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil
	}
	var shards [][]byte
	for len(body) > 0 {
		n, w := binary.Uvarint(body)
		if w <= 0 || n > uint64(len(body)-w) {
			return nil
		}
		shards, body = append(shards, body[w:w+int(n)]), body[w+int(n):]
	}
	if len(shards) != indexShards {
		return nil
	}
	parts := make([]indexData, len(shards))
	bad := make([]bool, len(shards))
	Parallel(len(shards), func(i int) {
		err := parts[i].decode(shards[i])
		bad[i] = err != nil || parts[i].Build != buildID()
	})
	size := 0
	for i, p := range parts {
		if bad[i] {
			return nil
		}
		size += len(p.Entries)
	}
	x.oldRegister, x.oldRegisterKey = parts[0].Register, parts[0].RegisterKey
	entries := make(map[string]*indexEntry, size)
	for _, p := range parts {
		maps.Copy(entries, p.Entries)
	}
	return entries
}

// lookup returns the entry of job i when its file is the one the entry
// was decoded from, and the file's identity; ok is false when the file
// cannot be identified.
func (x *index) lookup(rel, path string, canonical bool) (e *indexEntry, id fileID, ok bool) {
	id, ok = identify(path)
	if !ok || !regularMode(id.Mode) {
		return nil, id, false
	}
	if e := x.old[rel]; e != nil && e.ID == id && (e.Canon || !canonical) {
		x.hits.Add(1)
		return e, id, true
	}
	return nil, id, true
}

// result is what an entry says of its file.
func (e *indexEntry) result(canonical bool) result {
	res := result{asset: e.Asset, person: e.Person, findings: e.Findings}
	if canonical && e.NonCanonical != nil {
		res.findings = append(res.findings[:len(res.findings):len(res.findings)], *e.NonCanonical)
	}
	return res
}

// save writes the index when this load changed it. It is best effort: an
// index that cannot be written is simply not there next time.
func (x *index) save(r *Register, jobs []job) {
	entries := make(map[string]*indexEntry, len(jobs))
	recent := x.started.Add(-indexWindow).UnixNano()
	changed := x.changed.Load() || len(x.old) != len(jobs) || x.oldRegisterKey != x.registerKey
	for i, e := range x.entries {
		if e == nil {
			changed = changed || x.old[jobs[i].rel] != nil
			continue
		}
		if e.ID.MTime >= recent || e.ID.CTime >= recent {
			changed = true // not to be trusted next time
			continue
		}
		entries[jobs[i].rel] = e
	}
	if !changed {
		return
	}
	if !x.existed {
		// the first index of a register names no file: a register read
		// once (a fresh clone in CI) does not pay for writing one, and the
		// next command writes it whole
		entries = nil
	}
	parts := make([]indexData, indexShards)
	for i := range parts {
		parts[i] = indexData{Build: buildID(), Entries: make(map[string]*indexEntry, len(entries)/indexShards+1)}
	}
	for rel, e := range entries {
		parts[xxhash.Sum64String(rel)%indexShards].Entries[rel] = e
	}
	if len(entries) == len(jobs) && x.existed { // else the next load decodes some files, and checks anew
		parts[0].Register, parts[0].RegisterKey = x.register, x.registerKey
	}
	encoded := make([][]byte, indexShards)
	Parallel(indexShards, func(i int) { encoded[i] = parts[i].encode() })
	var body []byte
	for _, b := range encoded {
		body = append(binary.AppendUvarint(body, uint64(len(b))), b...)
	}
	sum := sha256.Sum256(body)
	data := make([]byte, 0, len(indexFormat)+len(sum)+len(body))
	data = append(append(append(data, indexFormat...), sum[:]...), body...)
	if int64(len(data)) > indexLimit(len(jobs)) {
		return // too large to be read back: not worth writing
	}
	_ = r.writeIndex(x.path, data)
}

// writeIndex replaces the index file, making its folders when they are
// missing; .itrack/cache gets a .gitignore that ignores the folder, since
// .itrack/ itself holds the schemas, which are committed. It never follows
// a link: a link where a folder or the file belongs is left alone, and the
// index is not written.
func (r *Register) writeIndex(path string, data []byte) error {
	cache := filepath.Dir(path)
	for _, dir := range []string{filepath.Dir(cache), cache} {
		if dir == filepath.Join(r.Root, ".git") {
			continue
		}
		err := os.Mkdir(dir, 0o755)
		if err == nil && filepath.Base(dir) == "cache" {
			ignore := []byte("# the register's index, which itrack rebuilds: safe to delete\n*\n")
			if err := os.WriteFile(filepath.Join(dir, ".gitignore"), ignore, 0o644); err != nil {
				return err
			}
		} else if err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		if st, err := os.Lstat(dir); err != nil || !st.IsDir() {
			return fmt.Errorf("%s is not a folder", dir)
		}
	}
	if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", path)
	}
	removeCacheTemps(filepath.Dir(path))
	tmp, err := writeTemp(path, data, 0o644, false)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// buildID names the build of itrack running: an index written by another
// is not read, since it may decode differently. It is the executable's
// identity (a new build is a new file) with the version and commit the
// build records.
var buildID = sync.OnceValue(func() string {
	var b strings.Builder
	b.WriteString(indexFormat + runtime.Version())
	if info, ok := debug.ReadBuildInfo(); ok {
		b.WriteString(" " + info.Main.Version)
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				b.WriteString(" " + s.Value)
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		if id, ok := identify(exe); ok {
			fmt.Fprintf(&b, " %s %d %d %d", exe, id.Size, id.MTime, id.Ino)
		} else if st, err := os.Stat(exe); err == nil {
			fmt.Fprintf(&b, " %s %d %d", exe, st.Size(), st.ModTime().UnixNano())
		}
	}
	return b.String()
})
