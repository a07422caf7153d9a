package cli_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCommandReference keeps docs/commands/ what `itrack man --markdown`
// writes: a page for every command, equal to its --help. Refresh it with
// go run ./cmd/itrack man --markdown docs/commands.
func TestCommandReference(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := run(t, nil, "man", "--markdown", dir); code != 0 {
		t.Fatalf("man --markdown: %s", errOut)
	}
	const committed = "../../docs/commands"
	fresh, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(fresh) < 40 {
		t.Fatalf("only %d pages generated", len(fresh))
	}
	for _, f := range fresh {
		want, _ := os.ReadFile(f)
		got, err := os.ReadFile(filepath.Join(committed, filepath.Base(f)))
		if err != nil {
			t.Errorf("docs/commands has no page for %s: run go run ./cmd/itrack man --markdown docs/commands", filepath.Base(f))
			continue
		}
		if string(got) != string(want) {
			t.Errorf("docs/commands/%s is stale: run go run ./cmd/itrack man --markdown docs/commands", filepath.Base(f))
		}
	}
	old, _ := filepath.Glob(filepath.Join(committed, "*.md"))
	if len(old) != len(fresh) {
		t.Errorf("docs/commands has %d pages, the commands %d: remove the pages of commands that are gone", len(old), len(fresh))
	}
}
