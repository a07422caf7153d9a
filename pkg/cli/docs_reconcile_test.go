package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestDocsReconcileExamples runs the reconcile examples of the docs on the
// Intune export docs/import.md shows, in the example register: their
// output is a ```text block (the export is a file, which a ```console
// transcript cannot make), so this keeps them true. A block starting
// "$ itrack reconcile intune.csv" shows what the terminal shows: stderr
// (the warnings come first), then stdout, or only stderr when stdout is
// redirected. The JSON of json.md is findings of the same run.
func TestDocsReconcileExamples(t *testing.T) {
	blocks, err := codeBlocks("../../docs/import.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := exampleCopy(t)
	var export []string
	for _, b := range blocks {
		if b.lang == "text" && len(b.lines) > 0 && strings.HasPrefix(b.lines[0], "Device name,Serial number,") {
			export = b.lines
		}
	}
	if export == nil {
		t.Fatal("docs/import.md shows no Intune export")
	}
	if err := os.WriteFile(filepath.Join(dir, "intune.csv"), []byte(strings.Join(export, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	examples := 0
	for _, doc := range []string{"import.md", "commands.md"} {
		blocks, err := codeBlocks(filepath.Join("../../docs", doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range blocks {
			if b.lang != "text" || len(b.lines) == 0 || !strings.HasPrefix(b.lines[0], "$ itrack reconcile intune.csv") {
				continue
			}
			examples++
			cmd := strings.TrimPrefix(b.lines[0], "$ itrack ")
			cmd, redirected := strings.CutSuffix(cmd, ` >> "$GITHUB_STEP_SUMMARY"`)
			args, err := splitArgs(cmd)
			if err != nil {
				t.Fatal(err)
			}
			out, errOut, _ := runIn(t, dir, args...)
			got := errOut + out
			if redirected {
				got = errOut
			}
			if want := strings.Join(b.lines[1:], "\n") + "\n"; got != want {
				t.Errorf("%s:%d: $ itrack %s\n--- got:\n%s--- the docs say:\n%s", doc, b.line, cmd, got, want)
			}
		}
	}
	if examples < 3 {
		t.Errorf("found %d reconcile examples in docs/import.md and docs/commands.md, want 3", examples)
	}

	out, _, _ := runIn(t, dir, "reconcile", "intune.csv", "--format", "json")
	var all []map[string]any
	if err := json.Unmarshal([]byte(out), &all); err != nil {
		t.Fatal(err)
	}
	blocks, err = codeBlocks("../../docs/json.md")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile("../../docs/json.md")
	section := strings.Count(string(data[:strings.Index(string(data), "## itrack reconcile\n")]), "\n") + 1
	for _, b := range blocks {
		if b.lang != "json" || b.line < section {
			continue
		}
		var shown []map[string]any
		if err := json.Unmarshal([]byte(strings.Join(b.lines, "\n")), &shown); err != nil {
			t.Fatalf("json.md:%d: %v", b.line, err)
		}
		for _, item := range shown {
			found := false
			for _, a := range all {
				found = found || reflect.DeepEqual(a, item)
			}
			if !found {
				t.Errorf("json.md:%d: reconcile gives no finding %v; it gives %s", b.line, item, out)
			}
		}
		return
	}
	t.Error("json.md has no JSON example for itrack reconcile")
}
