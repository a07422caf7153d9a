package register_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/broken from the findings the register reports")

const (
	brokenDir = "../../testdata/broken"
	// minBrokenCases keeps the corpus from shrinking unnoticed.
	minBrokenCases = 30
	corpusConfig   = "name: Test\ncurrency: GBP\n"
)

// TestBrokenCorpus loads every register of testdata/broken and compares
// its findings, line by line, with the archive's want section.
//
// Each archive is a txtar file: the comment says what is wrong, the files
// are a small register (itrack.yaml defaults to corpusConfig) and `want`
// holds the expected findings as Finding.String prints them. Lines of the
// comment can ask for bytes a text archive cannot hold comfortably:
//
//	escape FILE       FILE's \xNN, \t, \r and \\ escapes become those bytes
//	grow FILE SIZE    FILE is padded with comment lines to SIZE bytes
func TestBrokenCorpus(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(brokenDir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < minBrokenCases {
		t.Fatalf("testdata/broken holds %d cases, want at least %d", len(paths), minBrokenCases)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			runBrokenCase(t, path)
		})
	}
}

func runBrokenCase(t *testing.T, path string) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(bytes.TrimSpace(ar.Comment)) == 0 {
		t.Errorf("the archive has no comment saying what is wrong")
	}
	escaped, grow, err := corpusDirectives(ar.Comment)
	if err != nil {
		t.Fatal(err)
	}

	root := t.TempDir()
	var want *txtar.File
	hasConfig := false
	for i := range ar.Files {
		f := &ar.Files[i]
		if f.Name == "want" {
			want = f
			continue
		}
		data := f.Data
		if escaped[f.Name] {
			if data, err = unescapeCorpus(data); err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			delete(escaped, f.Name)
		}
		if size, ok := grow[f.Name]; ok {
			data = padFile(data, size)
			delete(grow, f.Name)
		}
		if f.Name == asset.ConfigFile {
			hasConfig = true
		}
		writeCorpusFile(t, root, f.Name, data)
	}
	for name := range escaped {
		t.Fatalf("escape names %s, which the archive does not hold", name)
	}
	for name := range grow {
		t.Fatalf("grow names %s, which the archive does not hold", name)
	}
	if !hasConfig {
		writeCorpusFile(t, root, asset.ConfigFile, []byte(corpusConfig))
	}
	if want == nil {
		t.Fatalf("the archive has no want section")
	}

	reg, err := register.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	snap := reg.LoadWith(register.LoadOptions{Canonical: true})

	// every finding is an error or a warning, and one without a rule is
	// reported below, so a case catches something when it has any finding
	if len(snap.Findings) == 0 {
		t.Errorf("no finding at all: the case does not catch what it is named for")
	}
	var got []string
	for _, f := range snap.Findings {
		got = append(got, f.String())
		if f.File == "" || f.Rule == "" {
			t.Errorf("finding without a file or a rule: %q", f.String())
		}
	}

	if *update {
		want.Data = []byte(strings.Join(got, "\n") + "\n")
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	wantLines := wantedFindings(want.Data)
	if strings.Join(got, "\n") != strings.Join(wantLines, "\n") {
		t.Errorf("findings differ from want (run go test ./pkg/register -run TestBrokenCorpus -update, then read every message)\n got:\n\t%s\nwant:\n\t%s",
			strings.Join(got, "\n\t"), strings.Join(wantLines, "\n\t"))
	}
}

// corpusDirectives reads the escape and grow lines of an archive's comment.
func corpusDirectives(comment []byte) (escaped map[string]bool, grow map[string]int, err error) {
	escaped, grow = map[string]bool{}, map[string]int{}
	for _, line := range strings.Split(string(comment), "\n") {
		words := strings.Fields(line)
		switch {
		case len(words) == 2 && words[0] == "escape":
			escaped[words[1]] = true
		case len(words) == 3 && words[0] == "grow":
			size, err := strconv.Atoi(words[2])
			if err != nil {
				return nil, nil, fmt.Errorf("bad grow size in %q", line)
			}
			grow[words[1]] = size
		}
	}
	return escaped, grow, nil
}

// unescapeCorpus turns \xNN, \t, \r and \\ into the bytes they stand for.
func unescapeCorpus(data []byte) ([]byte, error) {
	var out []byte
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		if i+1 >= len(data) {
			return nil, fmt.Errorf("lone backslash at the end")
		}
		i++
		switch data[i] {
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case '\\':
			out = append(out, '\\')
		case 'x':
			if i+2 >= len(data) {
				return nil, fmt.Errorf("short \\x escape")
			}
			b, err := strconv.ParseUint(string(data[i+1:i+3]), 16, 8)
			if err != nil {
				return nil, fmt.Errorf("bad \\x escape %q", data[i-1:i+3])
			}
			out = append(out, byte(b))
			i += 2
		default:
			return nil, fmt.Errorf("unknown escape \\%c", data[i])
		}
	}
	return out, nil
}

// padFile appends comment lines to data until it is size bytes long.
func padFile(data []byte, size int) []byte {
	line := []byte("# " + strings.Repeat("padding ", 9) + "\n")
	out := bytes.Clone(data)
	for len(out)+len(line) <= size {
		out = append(out, line...)
	}
	if n := size - len(out); n > 0 {
		out = append(out, '#')
		out = append(out, bytes.Repeat([]byte(" "), n-1)...)
	}
	return out
}

func writeCorpusFile(t *testing.T, root, rel string, data []byte) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func wantedFindings(data []byte) []string {
	s := strings.TrimRight(string(data), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
