package register

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/internal/must"
)

// cacheRecord is a record file of the test register: hardware, a licence
// or a person, some with findings (a bad date, a non-canonical layout).
func cacheRecord(rng *rand.Rand, n int) (rel, text string) {
	switch rng.IntN(5) {
	case 0:
		return fmt.Sprintf("people/p%d.yaml", n), fmt.Sprintf("name: Person %d\nemail: p%d@example.com\n", n, n)
	case 1:
		return fmt.Sprintf("assets/licences/L-%d.yaml", n), fmt.Sprintf("name: Licence %d\nseats: %d\ncost: %d.00\nterm: 1y\nrenews: 2027-0%d-01\n", n, 1+rng.IntN(9), 100+rng.IntN(900), 1+rng.IntN(9))
	case 2:
		return fmt.Sprintf("assets/hardware/HW-%d.yaml", n), fmt.Sprintf("name:   Laptop %d\nserial: S%d\n", n, n) // not canonical
	case 3:
		return fmt.Sprintf("assets/hardware/HW-%d.yaml", n), fmt.Sprintf("name: Laptop %d\npurchase:\n  date: 2026-02-30\n", n) // an error
	}
	return fmt.Sprintf("assets/hardware/HW-%d.yaml", n), fmt.Sprintf(
		"name: Laptop %d\ncategory: laptop\nmodel: T14\nserial: S%d\ntags: [a, b]\npurchase:\n  date: 2025-01-0%d\n  cost: 1200.50\nhistory:\n  - date: 2025-02-01\n    event: assigned\n    to: p%d\n", n, n%15, 1+rng.IntN(9), rng.IntN(40)) // serials shared, people missing: the rules across files
}

// TestIndexIsInvisible edits, adds, deletes and renames files at random
// between loads, including edits that keep a file's size and modification
// time, and links and folders where files were: a load through the index
// is every time what decoding every file gives.
func TestIndexIsInvisible(t *testing.T) {
	if _, ok := identify("."); !ok {
		t.Skip("the index is not used on this system: a file's change time and inode cannot be read")
	}
	defer func(w time.Duration) { indexWindow = w }(indexWindow)
	indexWindow = 30 * time.Millisecond
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	dir := t.TempDir()
	write := func(rel, text string) {
		path := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		os.Remove(path)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(asset.ConfigFile, "name: Test\ncurrency: GBP\n")
	var files []string
	for n := range 40 {
		rel, text := cacheRecord(rng, n)
		write(rel, text)
		files = append(files, rel)
	}
	next := 40
	hits := 0
	for step := range 60 {
		var did []string
		if rng.IntN(6) == 0 { // the settings change: the rules across files check anew
			configs := []string{"name: Test\ncurrency: GBP\n", "name: Test\ncurrency: GBP\ncategories:\n  laptop:\n    depreciation:\n      method: none\n"}
			write(asset.ConfigFile, configs[rng.IntN(2)])
			did = append(did, "settings")
		}
		for range 1 + rng.IntN(3) {
			if len(files) == 0 {
				break
			}
			i := rng.IntN(len(files))
			rel := files[i]
			path := filepath.Join(dir, rel)
			switch op := rng.IntN(8); op {
			case 0, 1: // a new record
				rel, text := cacheRecord(rng, next)
				next++
				write(rel, text)
				files = append(files, rel)
				did = append(did, "add "+rel)
			case 2: // deleted
				os.RemoveAll(path)
				files = append(files[:i], files[i+1:]...)
				did = append(did, "delete "+rel)
			case 3: // renamed: another ID
				to := strings.Replace(rel, ".yaml", "x.yaml", 1)
				os.Rename(path, filepath.Join(dir, to))
				files[i] = to
				did = append(did, "rename "+rel)
			case 4: // the same size and modification time, other bytes
				st, err := os.Stat(path)
				data, _ := os.ReadFile(path)
				if err != nil || len(data) < 8 {
					continue
				}
				j := strings.IndexAny(string(data), "0123456789")
				if j < 0 {
					continue
				}
				data[j] = "0123456789"[(data[j]-'0'+1)%10]
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.Chtimes(path, st.ModTime(), st.ModTime()); err != nil {
					t.Fatal(err)
				}
				did = append(did, "same-size edit "+rel)
			case 5: // a link, or a folder, where the file was
				os.RemoveAll(path)
				if rng.IntN(2) == 0 {
					os.Symlink(filepath.Join(dir, asset.ConfigFile), path)
				} else {
					os.Mkdir(path, 0o755)
				}
				did = append(did, "not a file "+rel)
			case 6: // broken, then maybe mended next time
				write(rel, "name: [unclosed\n")
				did = append(did, "break "+rel)
			default: // a new version of the record
				_, text := cacheRecord(rng, next)
				next++
				write(rel, text)
				did = append(did, "rewrite "+rel)
			}
		}
		time.Sleep(indexWindow + 10*time.Millisecond) // so that the index may trust them
		for _, opts := range []LoadOptions{{}, {Canonical: true, AsOf: asset.NewDate(2026, 11, 29)}} {
			r, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			indexed := r.LoadWith(opts)
			hits += int(r.lastHits)
			r.NoIndex = true
			decoded := r.LoadWith(opts)
			if !reflect.DeepEqual(indexed, decoded) {
				t.Fatalf("step %d (%s), %+v: the load through the index differs from decoding every file:\n%s",
					step, strings.Join(did, ", "), opts, snapshotDiff(indexed, decoded))
			}
		}
	}
	if hits == 0 {
		t.Error("no load found an index to use: the test proved nothing")
	}
}

// snapshotDiff names the first record or finding in which two loads
// differ.
func snapshotDiff(a, b *Snapshot) string {
	if len(a.Assets) != len(b.Assets) || len(a.People) != len(b.People) || len(a.Findings) != len(b.Findings) {
		return fmt.Sprintf("assets %d / %d, people %d / %d, findings %v\n/ %v", len(a.Assets), len(b.Assets), len(a.People), len(b.People), a.Findings, b.Findings)
	}
	for i := range a.Assets {
		if !reflect.DeepEqual(a.Assets[i], b.Assets[i]) {
			return fmt.Sprintf("%#v\n/ %#v", a.Assets[i], b.Assets[i])
		}
	}
	for i := range a.People {
		if !reflect.DeepEqual(a.People[i], b.People[i]) {
			return fmt.Sprintf("%#v\n/ %#v", a.People[i], b.People[i])
		}
	}
	for i := range a.Findings {
		if !reflect.DeepEqual(a.Findings[i], b.Findings[i]) {
			return fmt.Sprintf("%#v\n/ %#v", a.Findings[i], b.Findings[i])
		}
	}
	return fmt.Sprintf("%#v\n/ %#v", a, b)
}

// indexedRegister is a register of three records older than the index's
// window, in a git repository's top folder or not.
func indexedRegister(t *testing.T, git bool) (*Register, string) {
	t.Helper()
	if _, ok := identify("."); !ok {
		t.Skip("the index is not used on this system")
	}
	dir := t.TempDir()
	if git {
		if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		asset.ConfigFile:                "name: Test\ncurrency: GBP\n",
		"assets/hardware/LT-1.yaml":     "name: Laptop\nserial: S1\n",
		"assets/licences/figma.yaml":    "name: Figma\nseats: 3\n",
		"people/alice.yaml":             "name: Alice\n",
		"assets/hardware/LT-2.yaml.bak": "not a record\n",
	}
	must.WriteFiles(t, dir, files)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r, dir
}

// The index lives in .git/itrack in a repository's top folder, else in
// .itrack/cache, which ignores itself; it keeps a file only once the file
// is older than the window.
func TestIndexKeepsOnlyFilesOlderThanItsWindow(t *testing.T) {
	defer func(w time.Duration) { indexWindow = w }(indexWindow)
	for _, git := range []bool{false, true} {
		r, dir := indexedRegister(t, git)
		want := filepath.Join(dir, ".itrack", "cache", "index")
		if git {
			want = filepath.Join(dir, ".git", "itrack", "index")
		}
		if got := r.IndexPath(); got != want {
			t.Errorf("index at %s, want %s", got, want)
		}
		indexWindow = time.Hour
		r.Load()
		if n := len(r.openIndex(0).old); n != 0 {
			t.Errorf("git %v: %d entries for files changed just now, want none", git, n)
		}
		indexWindow = 20 * time.Millisecond
		time.Sleep(30 * time.Millisecond)
		r.Load()
		if n := len(r.openIndex(0).old); n != 3 {
			t.Errorf("git %v: %d entries, want 3", git, n)
		}
		if !git {
			data, err := os.ReadFile(filepath.Join(dir, ".itrack", "cache", ".gitignore"))
			if err != nil || !strings.Contains(string(data), "\n*\n") {
				t.Errorf(".itrack/cache/.gitignore: %q %v", data, err)
			}
		}
	}
}

// A damaged index, one of another build, one that is not a regular file,
// and an index folder that is a link are never trusted, and the load is
// what decoding every file gives; the first two are written anew, a link
// is left alone.
func TestIndexNotTrustedWhenDamaged(t *testing.T) {
	defer func(w time.Duration) { indexWindow = w }(indexWindow)
	indexWindow = 10 * time.Millisecond
	r, dir := indexedRegister(t, false)
	time.Sleep(20 * time.Millisecond)
	r.NoIndex = true
	want := r.Load()
	r.NoIndex = false
	r.Load() // the first index names no file
	r.Load()
	path := r.IndexPath()
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// an index whose records say something else, checksummed or not
	other := func(data []byte) []byte {
		return bytes.Replace(data, []byte("Laptop"), []byte("Lapdog"), 1)
	}
	resum := func(data []byte) []byte {
		body := data[len(indexFormat)+sha256.Size:]
		sum := sha256.Sum256(body)
		return append(append([]byte(indexFormat), sum[:]...), body...)
	}
	// of another build, and saying something else: read, it would show
	otherBuild := append([]byte(indexFormat), make([]byte, sha256.Size)...)
	for i := range indexShards {
		part := indexData{Build: "another build"}
		if i == 0 {
			part.Entries = (&index{}).decode(resum(other(good)))
			if len(part.Entries) == 0 {
				t.Fatal("the altered index does not decode: the test proves nothing")
			}
		}
		b := part.encode()
		otherBuild = append(binary.AppendUvarint(otherBuild, uint64(len(b))), b...)
	}
	otherBuild = resum(otherBuild)
	for name, data := range map[string][]byte{
		"empty":          {},
		"truncated":      good[:len(good)/2],
		"a flipped byte": other(good),
		"another format": append([]byte("itrack-index 0\n"), good[len(indexFormat):]...),
		"another build":  otherBuild,
		"garbage":        []byte(strings.Repeat("x", 1000)),
	} {
		if !bytes.Contains(good, []byte("Laptop")) {
			t.Fatal("the index does not hold the record's name: the test proves nothing")
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := r.Load(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the load differs from decoding every file:\n%s", name, snapshotDiff(got, want))
		}
		if got, _ := os.ReadFile(path); (&index{}).decode(got) == nil {
			t.Errorf("%s: not written anew", name)
		}
	}
	// links are not followed, for reading or writing
	elsewhere := t.TempDir()
	if err := os.WriteFile(filepath.Join(elsewhere, "index"), resum(other(good)), 0o644); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(dir, ".itrack", "cache"))
	if err := os.Symlink(elsewhere, filepath.Join(dir, ".itrack", "cache")); err != nil {
		t.Fatal(err)
	}
	if got := r.Load(); !reflect.DeepEqual(got, want) {
		t.Errorf("cache folder a link: the load differs:\n%s", snapshotDiff(got, want))
	}
	if data, _ := os.ReadFile(filepath.Join(elsewhere, "index")); !bytes.Equal(data, resum(other(good))) {
		t.Errorf("the index was written through a link")
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 1 {
		t.Errorf("the index was written through a link: %v", entries)
	}
	os.Remove(filepath.Join(dir, ".itrack", "cache"))
	os.Mkdir(filepath.Join(dir, ".itrack", "cache"), 0o755)
	target := filepath.Join(elsewhere, "target")
	os.WriteFile(target, good, 0o644)
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(target, resum(other(good)), 0o644)
	if got := r.Load(); !reflect.DeepEqual(got, want) {
		t.Errorf("index a link: the load differs:\n%s", snapshotDiff(got, want))
	}
	if st, err := os.Lstat(path); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link to the index was replaced: %v %v", st, err)
	}
}

// A register read once, as a fresh clone in CI is, does not pay for
// writing an index of every file: the first index names none, and the
// second command writes it whole.
func TestFirstIndexNamesNoFile(t *testing.T) {
	defer func(w time.Duration) { indexWindow = w }(indexWindow)
	indexWindow = 10 * time.Millisecond
	r, _ := indexedRegister(t, false)
	time.Sleep(20 * time.Millisecond)
	r.Load()
	if x := r.openIndex(0); !x.existed || len(x.old) != 0 {
		t.Fatalf("after one load: an index %v, of %d entries; want one of none", x.existed, len(x.old))
	}
	r.Load()
	if n := len(r.openIndex(0).old); n != 3 {
		t.Errorf("after two loads: %d entries, want 3", n)
	}
}
