package cli_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/itrack/itrack/pkg/register"
)

// TestKilledWritesLoseNothing kills the real itrack binary with SIGKILL at
// random moments: 16 imports of 10,000 rows (half of them killed once
// their journal exists, during the renames) and 15 runs of a loop of
// single-file writes. After each kill the next command that writes puts the
// register right, and then: the import is in the register whole or not at
// all, no temporary file or journal is left, and every file is valid.
func TestKilledWritesLoseNothing(t *testing.T) {
	bin := killableItrack(t, "kills the itrack binary 31 times")
	const rows = 10_000
	var table strings.Builder
	table.WriteString("name,serial,model,location\n")
	for i := range rows {
		fmt.Fprintf(&table, "Laptop %d,SN%06d,ThinkPad T14,Leeds\n", i, i)
	}
	csvPath := filepath.Join(t.TempDir(), "laptops.csv")
	if err := os.WriteFile(csvPath, []byte(table.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	// how long an import takes when nothing stops it
	dir := newCrashRegister(t, false)
	start := time.Now()
	runBin(t, bin, 0, "-C", dir, "import", csvPath, "--kind", "hardware")
	full := time.Since(start)
	checkRegister(t, bin, dir, rows)

	kills := 0
	defer func() {
		if kills < 30 {
			t.Errorf("%d kills, want at least 30", kills)
		}
	}()
	for round := range 16 {
		dir := newCrashRegister(t, round%4 >= 2) // the journal in .git or at the root
		cmd := exec.Command(bin, "-C", dir, "import", csvPath, "--kind", "hardware")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		journal := false
		if round%2 == 0 {
			time.Sleep(time.Duration(rng.Int64N(int64(full / 2))))
		} else { // at the rename phase: once the journal is there
			_, rel := metaPath(dir, "-journal")
			for deadline := time.Now().Add(full * 10); time.Now().Before(deadline); time.Sleep(200 * time.Microsecond) {
				if _, err := os.Lstat(filepath.Join(dir, rel)); err == nil {
					journal = true
					break
				}
			}
			time.Sleep(time.Duration(rng.Int64N(int64(2 * time.Millisecond))))
		}
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if !killed(cmd) {
			t.Logf("round %d: the import finished before the kill", round)
		} else {
			kills++
		}
		before := countRecords(t, filepath.Join(dir, "assets", "hardware"))
		runBin(t, bin, 0, "-C", dir, "fmt") // the next writer recovers
		n := checkRegister(t, bin, dir, -1)
		if journal && n != rows {
			t.Errorf("round %d: killed after the journal was written, the register holds %d of the %d rows", round, n, rows)
		}
		if n != 0 && n != rows {
			t.Errorf("round %d: the register holds %d of the %d rows, want none or all", round, n, rows)
		}
		t.Logf("round %d: journal %v, %d files before recovery, %d after", round, journal, before, n)
		os.RemoveAll(dir)
	}

	// single-file writes in a loop, killed with their shell
	dir = newCrashRegister(t, true)
	runBin(t, bin, 0, "-C", dir, "add", "hardware", "LT-0001", "--name", "Laptop")
	added := 1
	for round := range 15 {
		script := fmt.Sprintf(`i=0; while :; do i=$((i+1)); %[1]q -C %[2]q set LT-0001 location=L%[3]d-$i || exit 1; %[1]q -C %[2]q add hardware --name "Spare %[3]d-$i" >/dev/null || exit 1; done`, bin, dir, round)
		cmd := exec.Command("sh", "-c", script)
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+rng.Int64N(300)) * time.Millisecond)
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
		if killed(cmd) {
			kills++
		}
		runBin(t, bin, 0, "-C", dir, "fmt")
		n := checkRegister(t, bin, dir, -1)
		if n < added {
			t.Errorf("round %d: %d files, fewer than the %d there before", round, n, added)
		}
		added = n
		out := runBin(t, bin, 0, "-C", dir, "show", "LT-0001")
		if !strings.Contains(out, "Laptop") {
			t.Errorf("round %d: LT-0001 lost its name:\n%s", round, out)
		}
	}
}

func killed(cmd *exec.Cmd) bool {
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}

func countRecords(t *testing.T, dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			n++
		}
	}
	return n
}

// killableItrack builds the real binary for a test that kills it with
// SIGKILL (what says how often), skipping in -short and where there is no
// SIGKILL.
func killableItrack(t *testing.T, what string) string {
	t.Helper()
	if testing.Short() {
		t.Skip(what + ": not in -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL and process groups are unix")
	}
	return buildItrack(t)
}

// buildItrack builds the real binary for a test that runs it as a process;
// the test skips where the go command is not installed.
func buildItrack(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not installed")
	}
	bin := filepath.Join(t.TempDir(), "itrack")
	cmd := exec.Command(goTool, "build", "-o", bin, "github.com/itrack/itrack/cmd/itrack")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func newCrashRegister(t *testing.T, git bool) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "itrack.yaml"), []byte("name: Crash Ltd\ncurrency: GBP\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if git {
		if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
			t.Skipf("git init: %v %s", err, out)
		}
	}
	return dir
}

// metaPath is where the register keeps its journal: in .git when there is
// one.
func metaPath(dir, name string) (string, string) {
	r := &register.Register{Root: dir}
	if st, err := os.Stat(filepath.Join(dir, ".git")); err == nil && st.IsDir() {
		return r.Abs(".git/itrack" + name), ".git/itrack" + name
	}
	return r.Abs(".itrack" + name), ".itrack" + name
}

func runBin(t *testing.T, bin string, want int, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if got := cmd.ProcessState.ExitCode(); got != want {
		t.Fatalf("itrack %s: exit %d (%v), want %d\n%s%s", strings.Join(args, " "), got, err, want, out.String(), errb.String())
	}
	return out.String()
}

// checkRegister checks that validate finds nothing at all (no temporary
// file, no journal, every file valid) and returns how many hardware files
// there are, which must be want unless want is -1.
func checkRegister(t *testing.T, bin, dir string, want int) int {
	t.Helper()
	runBin(t, bin, 0, "-C", dir, "validate", "--strict")
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if register.IsTempName(d.Name()) || strings.HasSuffix(d.Name(), "-journal") {
			t.Errorf("left behind: %s", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	n := countRecords(t, filepath.Join(dir, "assets", "hardware"))
	if want >= 0 && n != want {
		t.Fatalf("%d hardware files, want %d", n, want)
	}
	return n
}
