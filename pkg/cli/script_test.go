package cli_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/itrack/itrack/pkg/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"itrack": func() { os.Exit(cli.Main(os.Args[1:])) },
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
		Setup: func(env *testscript.Env) error {
			env.Setenv("ITRACK_TODAY", "2026-11-29")
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
