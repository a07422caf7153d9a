package register

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
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
	rel     string // relative to the root
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

// indexRel is where the register's index lives (or would), relative to
// the root.
func (r *Register) indexRel() string {
	if st, err := os.Lstat(filepath.Join(r.Root, ".git")); err == nil && st.IsDir() {
		return ".git/itrack/index"
	}
	return ".itrack/cache/index"
}

// IndexPath is the index's path.
func (r *Register) IndexPath() string { return r.Abs(r.indexRel()) }

// openIndex reads the index for a load of n files: nil when the index is
// off, or cannot be used on this system.
func (r *Register) openIndex(n int) *index {
	if r.NoIndex {
		return nil
	}
	if _, ok := identify(filepath.Join(r.Root, asset.ConfigFile)); !ok {
		return nil
	}
	x := &index{rel: r.indexRel(), started: time.Now(), entries: make([]*indexEntry, n)}
	x.path = r.Abs(x.rel)
	if r.checkFolders(x.rel) != nil { // missing, or a link: never read through one
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
	_ = r.writeIndex(x.rel, data)
}

// writeIndex replaces a file of the index's folder (rel, from the root),
// making its folders as every write does, never through a link; a new
// .itrack/cache gets a .gitignore that ignores it, since .itrack/ itself
// holds the schemas, which are committed.
func (r *Register) writeIndex(rel string, data []byte) error {
	cache := path.Dir(rel)
	fresh, err := r.checkFolder(cache)
	if err != nil {
		return err
	}
	if err := r.makeFolders(rel); err != nil {
		return err
	}
	if !fresh && path.Base(cache) == "cache" {
		ignore := []byte("# the register's index, which itrack rebuilds: safe to delete\n*\n")
		if err := os.WriteFile(r.Abs(cache+"/.gitignore"), ignore, 0o644); err != nil {
			return err
		}
	}
	abs := r.Abs(rel)
	if st, err := os.Lstat(abs); err == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", rel)
	}
	removeCacheTemps(filepath.Dir(abs))
	tmp, err := writeTemp(abs, data, 0o644, false)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, abs); err != nil {
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
