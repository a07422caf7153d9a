package cli_test

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/cli"
	"github.com/itrack/itrack/pkg/example"
	"github.com/itrack/itrack/pkg/register"
)

var (
	benchMu   sync.Mutex
	benchRegs = map[int]string{}
)

// benchRegister is a synthetic register of n assets, made once per run in
// a temporary folder (writing 100k files takes a while) and kept for the
// other benchmarks of the run.
func benchRegister(b *testing.B, n int) string {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	if dir, ok := benchRegs[n]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("itrack-bench-%d-", n))
	if err != nil {
		b.Fatal(err)
	}
	if err := example.WriteAll(dir, example.Synthetic(n, "Bench", "GBP")); err != nil {
		b.Fatal(err)
	}
	benchRegs[n] = dir
	return dir
}

// cleanBenchRegisters removes the registers benchRegister made once the
// tests and benchmarks of the run are over.
type cleanBenchRegisters struct{ m *testing.M }

func (c cleanBenchRegisters) Run() int {
	code := c.m.Run()
	for _, dir := range benchRegs {
		os.RemoveAll(dir)
	}
	return code
}

// runQuiet runs itrack in-process with its output thrown away.
func runQuiet(b *testing.B, args ...string) int {
	app := &cli.App{
		IO:     &cli.IOStreams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard},
		Getenv: func(string) string { return "" },
		Cwd:    os.TempDir(),
		Today:  asset.NewDate(2026, 11, 29),
	}
	return cli.Run(app, args)
}

// BenchmarkShowAndSet: show, assign, set and add without an ID read and
// write one file whatever the register's size, so they take as long on
// 100k assets as on 10.
func BenchmarkShowAndSet(b *testing.B) {
	for _, n := range []int{10, 100_000} {
		dir := benchRegister(b, n)
		id := firstHardware(b, dir)
		b.Run(fmt.Sprintf("show/assets=%d", n), func(b *testing.B) {
			for b.Loop() {
				if code := runQuiet(b, "-C", dir, "show", id); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
		b.Run(fmt.Sprintf("assign/assets=%d", n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				person := fmt.Sprintf("person-%05d", 1+i%2)
				if code := runQuiet(b, "-C", dir, "assign", id, person, "--reassign", "--force"); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
		b.Run(fmt.Sprintf("set/assets=%d", n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				if code := runQuiet(b, "-C", dir, "set", id, fmt.Sprintf("fields.bench=%d", i)); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
		// the next free ID, from the ID summary: as fast on 100k as on 10
		b.Run(fmt.Sprintf("add-without-id/assets=%d", n), func(b *testing.B) {
			for b.Loop() {
				if code := runQuiet(b, "-C", dir, "add", "hardware", "--name", "Bench laptop"); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

func firstHardware(b *testing.B, dir string) string {
	entries, err := os.ReadDir(filepath.Join(dir, "assets", "hardware"))
	if err != nil || len(entries) == 0 {
		b.Fatalf("no hardware in %s: %v", dir, err)
	}
	return strings.TrimSuffix(entries[0].Name(), ".yaml")
}

// BenchmarkReadCommands: each read command at 1k, 10k and 100k assets,
// beside the parse floor of the same register in the same run (every file
// listed, read and parsed into yaml.Node, one worker per CPU): cold (the
// index damaged before each run, so the run decodes every file and writes
// the index whole, the worst case) and warm (the index fresh). Each
// sub-benchmark
// reports x-floor, its time over the floor's.
func BenchmarkReadCommands(b *testing.B) {
	commands := [][]string{
		{"list", "--format", "json"},
		{"renewals", "--within", "3650d", "--format", "json"},
		{"seats", "--format", "json"},
		{"depreciation", "--format", "json"},
		{"depreciation", "--format", "table"},
		{"report"},
		{"validate"},
	}
	for _, n := range []int{1_000, 10_000, 100_000} {
		dir := benchRegister(b, n)
		time.Sleep(3100 * time.Millisecond) // the index keeps only files older than its window
		var floor float64
		b.Run(fmt.Sprintf("assets=%d/floor", n), func(b *testing.B) {
			for b.Loop() {
				parseFloor(b, dir)
			}
			floor = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		})
		reg, err := register.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		index := reg.IndexPath()
		for _, args := range commands {
			for _, warm := range []bool{false, true} {
				name := fmt.Sprintf("assets=%d/%s/index=cold", n, strings.Join(args, "_"))
				if warm {
					name = strings.Replace(name, "cold", "warm", 1)
					runQuiet(b, append([]string{"-C", dir}, args...)...)
				}
				b.Run(name, func(b *testing.B) {
					for b.Loop() {
						if !warm { // an index of another build: the run decodes every file and writes it whole
							if err := os.WriteFile(index, []byte("stale"), 0o644); err != nil {
								b.Fatal(err)
							}
						}
						if code := runQuiet(b, append([]string{"-C", dir}, args...)...); code > 1 {
							b.Fatalf("exit %d", code)
						}
					}
					if floor > 0 {
						b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/floor, "x-floor")
					}
				})
			}
		}
	}
}

// parseFloor lists, reads and parses every record file of dir into
// yaml.Node, one worker per CPU: what no load can do with less.
func parseFloor(b *testing.B, dir string) {
	folders := []string{"people"}
	for _, k := range asset.Kinds {
		folders = append(folders, "assets/"+k.Folder())
	}
	var files []string
	for _, sub := range folders {
		entries, _ := os.ReadDir(filepath.Join(dir, sub))
		for _, e := range entries {
			if filepath.Ext(e.Name()) == ".yaml" {
				files = append(files, filepath.Join(dir, sub, e.Name()))
			}
		}
	}
	register.Parallel(len(files), func(i int) {
		data, err := os.ReadFile(files[i])
		if err != nil {
			b.Error(err)
			return
		}
		var node yaml.Node
		if err := yaml.Unmarshal(data, &node); err != nil {
			b.Error(err)
		}
	})
}

// BenchmarkDiff: diff of a change to 5 files of a 100k-asset register,
// beside git diff --name-status of the same two commits.
func BenchmarkDiff(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	dir := benchRegister(b, 100_000)
	git := func(args ...string) string {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=b", "GIT_AUTHOR_EMAIL=b@b", "GIT_COMMITTER_NAME=b", "GIT_COMMITTER_EMAIL=b@b")
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("git %v: %v %s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
		git("init", "-q", "-b", "main")
		git("add", "-A")
		git("commit", "-q", "-m", "base")
		entries, _ := os.ReadDir(filepath.Join(dir, "assets", "hardware"))
		for i := 0; i < 5; i++ {
			id := strings.TrimSuffix(entries[i*1000].Name(), ".yaml")
			if code := runQuiet(b, "-C", dir, "set", id, "location=Bench"); code != 0 {
				b.Fatalf("set: exit %d", code)
			}
		}
		git("commit", "-q", "-am", "five changes")
	}
	b.Run("git-diff-name-status", func(b *testing.B) {
		for b.Loop() {
			git("diff", "--name-status", "-M", "HEAD~1", "HEAD")
		}
	})
	b.Run("itrack-diff", func(b *testing.B) {
		for b.Loop() {
			if code := runQuiet(b, "-C", dir, "diff", "HEAD~1", "HEAD"); code != 0 {
				b.Fatalf("exit %d", code)
			}
		}
	})
}

// BenchmarkImport: importing 10,000 hardware rows against writing the same
// number of files with init --size.
func BenchmarkImport(b *testing.B) {
	const rows = 10_000
	src := benchRegister(b, 20_000) // 60 % hardware: about 12,000 rows to take 10,000 from
	var out strings.Builder
	app := &cli.App{IO: &cli.IOStreams{In: strings.NewReader(""), Out: &out, Err: io.Discard},
		Getenv: func(string) string { return "" }, Cwd: os.TempDir(), Today: asset.NewDate(2026, 11, 29)}
	if code := cli.Run(app, []string{"-C", src, "export", "--kind", "hardware", "--format", "csv"}); code != 0 {
		b.Fatalf("export: exit %d", code)
	}
	records, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	if len(records) < rows+1 {
		b.Fatalf("export gave %d rows, want at least %d", len(records)-1, rows)
	}
	var table strings.Builder
	if err := csv.NewWriter(&table).WriteAll(records[:rows+1]); err != nil {
		b.Fatal(err)
	}
	csvPath := filepath.Join(b.TempDir(), "import.csv")
	if err := os.WriteFile(csvPath, []byte(table.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	people := filepath.Join(src, "people")
	b.Run(fmt.Sprintf("init-size/files=%d", rows), func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			dir := b.TempDir()
			b.StartTimer()
			if code := runQuiet(b, "init", filepath.Join(dir, "r"), "--size", fmt.Sprint(rows)); code != 0 {
				b.Fatalf("exit %d", code)
			}
		}
	})
	b.Run(fmt.Sprintf("import/rows=%d", rows), func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			dir := b.TempDir()
			if err := example.WriteAll(dir, map[string][]byte{asset.ConfigFile: []byte(example.Config("Bench", "GBP"))}); err != nil {
				b.Fatal(err)
			}
			copyDir(b, people, filepath.Join(dir, "people"))
			b.StartTimer()
			if code := runQuiet(b, "-C", dir, "import", csvPath, "--kind", "hardware"); code != 0 {
				b.Fatalf("exit %d", code)
			}
		}
	})
	// importing the same rows again reads every file and writes none
	again := b.TempDir()
	if err := example.WriteAll(again, map[string][]byte{asset.ConfigFile: []byte(example.Config("Bench", "GBP"))}); err != nil {
		b.Fatal(err)
	}
	copyDir(b, people, filepath.Join(again, "people"))
	if code := runQuiet(b, "-C", again, "import", csvPath, "--kind", "hardware"); code != 0 {
		b.Fatalf("exit %d", code)
	}
	b.Run(fmt.Sprintf("reimport/rows=%d", rows), func(b *testing.B) {
		for b.Loop() {
			if code := runQuiet(b, "-C", again, "import", csvPath, "--kind", "hardware"); code != 0 {
				b.Fatalf("exit %d", code)
			}
		}
	})
}

func copyDir(b *testing.B, from, to string) {
	entries, _ := os.ReadDir(from)
	files := map[string][]byte{}
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(from, e.Name()))
		files[e.Name()] = data
	}
	if err := example.WriteAll(to, files); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCompletion: completing an ID on a 100k-asset register reads
// file names only.
func BenchmarkCompletion(b *testing.B) {
	for _, n := range []int{10, 100_000} {
		dir := benchRegister(b, n)
		b.Run(fmt.Sprintf("assign/assets=%d", n), func(b *testing.B) {
			for b.Loop() {
				if code := runQuiet(b, "-C", dir, "__complete", "assign", ""); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
