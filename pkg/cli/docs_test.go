package cli_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/example"
)

// TestDocsExamples runs every example in docs/ and README.md, so the docs
// cannot drift from what itrack does.
//
// A ```console block is a transcript: each line starting with "$ " is an
// itrack command, and the lines after it, up to the next command, are its
// exact output (stdout, then stderr). A last output line "[exit N]" gives
// a non-zero exit code. Each block runs in a fresh copy of the example
// register on 2026-11-29; commands in one block share it, so a block can
// change the register and show the result.
//
// In ```yaml and ```sh blocks (CI recipes), every itrack command must at
// least run: exit 0, or 1 for findings, never a usage error.
func TestDocsExamples(t *testing.T) {
	files, _ := filepath.Glob("../../docs/*.md")
	files = append(files, "../../README.md")
	for _, file := range files {
		blocks, err := codeBlocks(file)
		if err != nil {
			t.Fatal(err)
		}
		var edits []docEdit
		for _, b := range blocks {
			name := fmt.Sprintf("%s:%d", filepath.Base(file), b.line)
			t.Run(name, func(t *testing.T) {
				switch b.lang {
				case "console":
					edits = append(edits, runTranscript(t, b)...)
				case "yaml", "yml", "sh", "bash":
					runRecipe(t, b)
				}
			})
		}
		if len(edits) > 0 {
			applyDocEdits(t, file, edits)
		}
	}
}

type codeBlock struct {
	lang  string
	line  int
	lines []string
}

func codeBlocks(file string) ([]codeBlock, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var blocks []codeBlock
	var cur *codeBlock
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && strings.HasPrefix(trimmed, "```"):
			cur = &codeBlock{lang: strings.TrimPrefix(trimmed, "```"), line: n}
		case cur != nil && trimmed == "```":
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, line)
		}
	}
	return blocks, sc.Err()
}

// exampleCopy writes the example register for 2026-11-29 into a fresh
// folder.
func exampleCopy(t *testing.T) string {
	dir := t.TempDir()
	if err := example.WriteAll(dir, example.Demo(asset.NewDate(2026, 11, 29))); err != nil {
		t.Fatal(err)
	}
	return dir
}

var exitLine = regexp.MustCompile(`^\[exit (\d+)\]$`)

// runTranscript checks a console block; with -update it returns the edits
// that make the docs say what itrack prints.
func runTranscript(t *testing.T, b codeBlock) []docEdit {
	dir := exampleCopy(t)
	var cmd string
	var want []string
	cmdLine := -1
	var edits []docEdit
	check := func() {
		if cmd == "" {
			return
		}
		args, err := splitArgs(strings.TrimPrefix(cmd, "itrack "))
		if err != nil || !strings.HasPrefix(cmd, "itrack ") {
			t.Fatalf("%q: examples run itrack commands only (%v)", cmd, err)
		}
		wantCode := 0
		if n := len(want); n > 0 {
			if m := exitLine.FindStringSubmatch(want[n-1]); m != nil {
				fmt.Sscan(m[1], &wantCode)
				want = want[:n-1]
			}
		}
		out, errOut, code := runIn(t, dir, args...)
		got := strings.TrimRight(out+errOut, "\n")
		if code == wantCode && got == strings.TrimRight(strings.Join(want, "\n"), "\n") {
			return
		}
		if *update {
			lines := strings.Split(got, "\n")
			if code != 0 {
				lines = append(lines, fmt.Sprintf("[exit %d]", code))
			}
			edits = append(edits, docEdit{from: b.line + 1 + cmdLine + 1, count: len(want) + boolInt(wantCode != 0), lines: lines})
			return
		}
		t.Errorf("$ %s\n--- got (exit %d):\n%s\n--- the docs say (exit %d):\n%s", cmd, code, got, wantCode, strings.Join(want, "\n"))
	}
	for i, line := range b.lines {
		if strings.HasPrefix(line, "$ ") {
			check()
			cmd, want, cmdLine = strings.TrimPrefix(line, "$ "), nil, i
			continue
		}
		want = append(want, line)
	}
	check()
	return edits
}

// docEdit replaces count lines from line from (1-based) of a doc.
type docEdit struct {
	from, count int
	lines       []string
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// applyDocEdits rewrites transcripts' outputs (go test -update), last
// first so that the line numbers of the others hold.
func applyDocEdits(t *testing.T, file string, edits []docEdit) {
	sort.Slice(edits, func(i, j int) bool { return edits[i].from < edits[j].from })
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		lines = append(lines[:e.from-1], append(e.lines, lines[e.from-1+e.count:]...)...)
	}
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

var recipeCommand = regexp.MustCompile(`(?:^|\s|run:\s*|-\s+)(itrack\s[^#|>&;]*)`)

func runRecipe(t *testing.T, b codeBlock) {
	dir := exampleCopy(t)
	joined := strings.ReplaceAll(strings.Join(b.lines, "\n"), "\\\n", " ")
	for _, line := range strings.Split(joined, "\n") {
		m := recipeCommand.FindStringSubmatch(line)
		if m == nil || strings.Contains(line, "go install") {
			continue
		}
		cmd := strings.TrimSpace(m[1])
		args, err := splitArgs(strings.TrimPrefix(cmd, "itrack "))
		if err != nil {
			t.Errorf("%q: %v", cmd, err)
			continue
		}
		if _, errOut, code := runIn(t, dir, args...); code != 0 && code != 1 {
			t.Errorf("%q exited %d: %s", cmd, code, errOut)
		}
	}
}

// runIn runs itrack in a register folder, as the docs' reader would.
func runIn(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	return run(t, map[string]string{}, args...)
}

// splitArgs splits a command line the way a shell does for the quoting the
// docs use: single and double quotes, and backslash-newline already joined.
func splitArgs(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inArg, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inArg = r, true
		case r == ' ' || r == '\t':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			cur.WriteRune(r)
			inArg = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed quote")
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args, nil
}

// TestEveryRuleIsDocumented: each rule a finding can name has its section
// in docs/format.md, where a person searching for the name lands.
func TestEveryRuleIsDocumented(t *testing.T) {
	data, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	headings := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if name, ok := strings.CutPrefix(line, "### "); ok {
			headings[name] = true
		}
	}
	for rule := range asset.Rules {
		if !headings[rule] {
			t.Errorf("rule %s has no section (### %s) in docs/format.md", rule, rule)
		}
	}
}

// TestEventTableIsTheDocs: docs/format.md has a row for each event type,
// with the keys and the command of asset.EventTypes, and docs/lifecycle.md
// lists every rule the planner refuses by.
func TestEventTableIsTheDocs(t *testing.T) {
	data, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(data), "| event | keys")
	table, _, _ = strings.Cut(table, "\n\n")
	rows := map[string]string{}
	for _, line := range strings.Split(table, "\n") {
		if rest, ok := strings.CutPrefix(line, "| `"); ok {
			if name, _, ok := strings.Cut(rest, "`"); ok {
				rows[name] = line
			}
		}
	}
	for _, spec := range asset.EventTypes {
		row, ok := rows[string(spec.Type)]
		if !ok {
			t.Errorf("docs/format.md has no row for event %s", spec.Type)
			continue
		}
		for _, k := range spec.Keys {
			if !strings.Contains(row, "`"+k+"`") {
				t.Errorf("docs/format.md: event %s takes %s, its row does not say so", spec.Type, k)
			}
		}
		want := "| edit the file |"
		if spec.Command != "" {
			want = "| `itrack " + spec.Command + "` |"
		}
		if !strings.HasSuffix(row, want) {
			t.Errorf("docs/format.md: event %s is recorded by %q, its row ends %q", spec.Type, want, row[max(0, len(row)-30):])
		}
	}
	lifecycle, err := os.ReadFile("../../docs/lifecycle.md")
	if err != nil {
		t.Fatal(err)
	}
	for rule := range asset.PlanRules {
		if !strings.Contains(string(lifecycle), "| `"+rule+"` |") {
			t.Errorf("docs/lifecycle.md does not list the refusal rule %s", rule)
		}
	}
}
