package cli_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/itrack/itrack/pkg/example"
	"github.com/itrack/itrack/pkg/register"
)

// TestKilledIndexWritesLeaveItRight kills the real itrack binary with
// SIGKILL at random moments while read commands load a register of 10,000
// assets and write its index, in a git repository (.git/itrack) and out of
// one (.itrack/cache). After each kill the next command answers exactly as
// one that decodes every file does, and leaves no temporary file.
func TestKilledIndexWritesLeaveItRight(t *testing.T) {
	bin := killableItrack(t, "kills the itrack binary 10 times")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 2))
	for _, git := range []bool{false, true} {
		dir := newCrashRegister(t, git)
		if err := example.WriteAll(dir, example.Synthetic(10_000, "Crash Ltd", "GBP")); err != nil {
			t.Fatal(err)
		}
		time.Sleep(3100 * time.Millisecond) // older than the index's window, so that it keeps them
		want := runBin(t, bin, 0, "-C", dir, "--no-index", "list", "--format", "json")
		index := filepath.Join(dir, ".itrack", "cache", "index")
		if git {
			index = filepath.Join(dir, ".git", "itrack", "index")
		}
		start := time.Now()
		runBin(t, bin, 0, "-C", dir, "list", "--format", "json")
		full := time.Since(start)
		if _, err := os.Stat(index); err != nil {
			t.Fatalf("no index after a read: %v", err)
		}
		for round := range 5 {
			if round%2 == 0 { // damaged: the next command writes a whole one
				if err := os.WriteFile(index, []byte("damaged"), 0o644); err != nil {
					t.Fatal(err)
				}
			} else { // a record changes: the index is written anew, and must not answer with the old one
				rel := "assets/hardware/" + firstFile(t, filepath.Join(dir, "assets", "hardware"))
				data, _ := os.ReadFile(filepath.Join(dir, rel))
				data = bytes.Replace(data, []byte("\nlocation: "), fmt.Appendf(nil, "\nlocation: Round %d ", round), 1)
				if err := os.WriteFile(filepath.Join(dir, rel), data, 0o644); err != nil {
					t.Fatal(err)
				}
				want = runBin(t, bin, 0, "-C", dir, "--no-index", "list", "--format", "json")
			}
			cmd := exec.Command(bin, "-C", dir, "list", "--format", "json")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(full/2 + time.Duration(rng.Int64N(int64(full/2))))
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			if got := runBin(t, bin, 0, "-C", dir, "list", "--format", "json"); got != want {
				t.Fatalf("round %d: after a kill, list differs from decoding every file", round)
			}
			if got := runBin(t, bin, 0, "-C", dir, "list", "--format", "json"); got != want {
				t.Fatalf("round %d: with the index the kill left, list differs from decoding every file", round)
			}
			temps, _ := filepath.Glob(filepath.Join(filepath.Dir(index), ".*"))
			for _, tmp := range temps {
				if register.IsTempName(filepath.Base(tmp)) {
					t.Errorf("round %d: left behind: %s", round, tmp)
				}
			}
		}
	}
}

func firstFile(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		t.Fatalf("no file in %s: %v", dir, err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".yaml") {
			return e.Name()
		}
	}
	return entries[0].Name()
}
