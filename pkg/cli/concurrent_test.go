package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentWriters runs several itrack processes at once against one
// register, as people and CI jobs do, and checks SPEC §6 "Nothing lost":
// generated IDs never collide, no change overwrites another, every file
// stays valid and no temporary file is left behind.
func TestConcurrentWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the itrack binary and runs many processes")
	}
	bin := buildItrack(t)

	reg := filepath.Join(t.TempDir(), "reg")
	run := func(args ...string) (stdout, stderr string, err error) {
		cmd := exec.Command(bin, append([]string{"-C", reg}, args...)...)
		cmd.Env = append(os.Environ(), "ITRACK_TODAY=2026-11-29", "ITRACK_DIR=", "NO_COLOR=1")
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err = cmd.Run()
		return o.String(), e.String(), err
	}
	mustRun := func(args ...string) string {
		t.Helper()
		out, errOut, err := run(args...)
		if err != nil {
			t.Fatalf("itrack %s: %v\n%s", strings.Join(args, " "), err, errOut)
		}
		return out
	}

	mustRun("init", reg, "--name", "Concurrency Ltd", "--currency", "GBP")
	// Shared assets every worker changes: the writes most likely to be lost.
	const shared = 3
	for i := 1; i <= shared; i++ {
		mustRun("add", "hardware", fmt.Sprintf("SHARED-%d", i), "--name", fmt.Sprintf("Shared laptop %d", i))
	}

	const (
		workers = 8
		rounds  = 5
	)
	type result struct {
		added []string          // IDs of successful adds
		names map[string]string // ID → name given
		sets  []concurrentSet   // successful sets
		fails []string
	}
	added := regexp.MustCompile(`^Added hardware (\S+): `)
	results := make([]result, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			res := &results[w]
			res.names = map[string]string{}
			for r := 0; r < rounds; r++ {
				name := fmt.Sprintf("Laptop of worker %d round %d", w, r)
				out, errOut, err := run("add", "hardware", "--name", name)
				if err != nil {
					res.fails = append(res.fails, fmt.Sprintf("add %q: %v: %s", name, err, errOut))
					continue
				}
				m := added.FindStringSubmatch(out)
				if m == nil {
					res.fails = append(res.fails, fmt.Sprintf("add %q: unexpected output %q", name, out))
					continue
				}
				id := m[1]
				res.added = append(res.added, id)
				res.names[id] = name

				// a change to the asset just added, and one to a shared asset
				for _, s := range []concurrentSet{
					{id: id, key: "location", value: fmt.Sprintf("Desk %d-%d", w, r)},
					{id: fmt.Sprintf("SHARED-%d", 1+(w+r)%shared), key: fmt.Sprintf("fields.w%d_r%d", w, r), value: fmt.Sprintf("v%d.%d", w, r)},
				} {
					if _, errOut, err := run("set", s.id, s.key+"="+s.value); err != nil {
						res.fails = append(res.fails, fmt.Sprintf("set %s %s: %v: %s", s.id, s.key, err, errOut))
						continue
					}
					res.sets = append(res.sets, s)
				}
			}
		}(w)
	}
	wg.Wait()

	var ids []string
	names := map[string]string{}
	var sets []concurrentSet
	for _, res := range results {
		for _, f := range res.fails {
			t.Errorf("a command failed: %s", f)
		}
		ids = append(ids, res.added...)
		for id, n := range res.names {
			names[id] = n
		}
		sets = append(sets, res.sets...)
	}

	// every generated ID was handed out once
	sort.Strings(ids)
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] {
			t.Errorf("ID %s was generated twice", ids[i])
		}
	}

	// the register is valid, and holds the seeds plus one file per
	// successful add
	if _, errOut, err := run("validate", "--strict"); err != nil {
		t.Errorf("itrack validate --strict: %v\n%s", err, errOut)
	}
	files, err := filepath.Glob(filepath.Join(reg, "assets", "hardware", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if want := shared + len(ids); len(files) != want {
		t.Errorf("%d asset files, want %d (%d shared + %d successful adds)", len(files), want, shared, len(ids))
	}

	// every add kept its own name and every set value is there
	shown := map[string]concurrentShown{}
	show := func(id string) concurrentShown {
		if a, ok := shown[id]; ok {
			return a
		}
		var a concurrentShown
		if err := json.Unmarshal([]byte(mustRun("show", id, "--format", "json")), &a); err != nil {
			t.Fatalf("show %s: %v", id, err)
		}
		shown[id] = a
		return a
	}
	for id, name := range names {
		if got := show(id).Name; got != name {
			t.Errorf("%s is named %q, want %q: one add overwrote another", id, got, name)
		}
	}
	for _, s := range sets {
		a := show(s.id)
		got := a.Location
		if key, ok := strings.CutPrefix(s.key, "fields."); ok {
			got = a.Fields[key]
		}
		if got != s.value {
			t.Errorf("%s %s = %q, want %q: a change was lost", s.id, s.key, got, s.value)
		}
	}
	if want := workers * rounds * 2; len(sets) != want && !t.Failed() {
		t.Errorf("%d sets succeeded, want %d", len(sets), want)
	}

	// no temporary file is left anywhere in the register
	err = filepath.WalkDir(reg, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		switch {
		case d.IsDir(), name == ".itrack.lock", name == ".gitignore", name == ".gitattributes", name == ".gitkeep":
		case strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".tmp"):
			t.Errorf("temporary file left behind: %s", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

type concurrentSet struct {
	id, key, value string
}

// concurrentShown is the part of `show --format json` the test reads.
type concurrentShown struct {
	Name     string            `json:"name"`
	Location string            `json:"location"`
	Fields   map[string]string `json:"fields"`
}
