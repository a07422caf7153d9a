package cli_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/itrack/itrack/pkg/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(cleanBenchRegisters{m}, map[string]func(){
		"itrack":       func() { os.Exit(cli.Main(os.Args[1:])) },
		"unprivileged": unprivileged,
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each runs the
// real itrack binary on a register it writes, and checks stdout, stderr,
// the exit code and the files afterwards. Refresh expected output with
// go test ./pkg/cli -run TestScripts -update.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("..", "..", "testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits": cmdExits,
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "root": // root writes into read-only folders
				return os.Geteuid() == 0, nil
			case "unprivileged": // `exec unprivileged itrack …` runs without root's power
				ok, _ := canDropRoot()
				return ok, nil
			case "snipeit": // Snipe-IT's sample exports are in $SNIPEIT
				_, err := os.Stat(snipeDir)
				return err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("ITRACK_TODAY", "2026-11-29")
			if dir, err := filepath.Abs(snipeDir); err == nil {
				env.Setenv("SNIPEIT", dir)
			}
			if dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "reconcile")); err == nil {
				env.Setenv("EXPORTS", dir) // the device exports of reconcile's scripts
			}
			env.Setenv("NO_COLOR", "")
			env.Setenv("EDITOR", "false")
			env.Setenv("VISUAL", "")
			env.Setenv("ITRACK_DIR", "")
			env.Setenv("GIT_AUTHOR_NAME", "Test")
			env.Setenv("GIT_AUTHOR_EMAIL", "test@example.com")
			env.Setenv("GIT_COMMITTER_NAME", "Test")
			env.Setenv("GIT_COMMITTER_EMAIL", "test@example.com")
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("GIT_CONFIG_GLOBAL", filepath.Join(env.WorkDir, ".gitconfig-none"))
			return nil
		},
	})
}

// cmdExits runs a program as exec does, keeping its stdout and stderr for
// the stdout, stderr and cmp commands that follow, and checks its exit code:
//
//	exits CODE PROGRAM [ARGS...]
//
// `! exec` only knows that a command failed; exits tells a refusal (2) from
// findings (1) and from a register with invalid files (3), as SPEC §5 does.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %q is not an exit code", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}
