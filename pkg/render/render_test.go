package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// TestStyleGetsTheRow: a row whose first cell is empty still gets its
// own index, so a style chosen per row lands on the right line.
func TestStyleGetsTheRow(t *testing.T) {
	var b bytes.Buffer
	st := NewStyles(&b, true)
	tbl := Table{
		Header: []string{"date", "id"},
		Rows:   [][]string{{"", "a"}, {"2026-12-01", "b"}, {"2026-12-02", "c"}},
		Style: func(row, _ int, _ string) lipgloss.Style {
			if row == 1 {
				return st.Colour("1")
			}
			return st.Plain()
		},
	}
	if err := WriteTable(&b, tbl, st); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines, want a header and 3 rows:\n%s", len(lines), b.String())
	}
	for i, line := range lines[1:] {
		if red := strings.Contains(line, "\x1b[31m"); red != (i == 1) {
			t.Errorf("row %d %q: red = %v, want %v", i, line, red, i == 1)
		}
	}
}

func TestWriteAnnotation(t *testing.T) {
	tests := []struct {
		name string
		a    Annotation
		want string
	}{
		{"file, line and column",
			Annotation{Level: "error", File: "assets/hardware/A.yaml", Line: 4, Col: 9, Title: "itrack bad-rate", Message: "rate 150%"},
			"::error file=assets/hardware/A.yaml,line=4,col=9,title=itrack bad-rate::rate 150%25\n"},
		{"no line or column: left out",
			Annotation{Level: "warning", File: "notes,v1:draft.txt", Title: "itrack stray-file", Message: "two\nlines"},
			"::warning file=notes%2Cv1%3Adraft.txt,title=itrack stray-file::two%0Alines\n"},
		{"a title with separators",
			Annotation{Level: "warning", File: "a.yaml", Line: 2, Title: "x: y, z", Message: "m"},
			"::warning file=a.yaml,line=2,title=x%3A y%2C z::m\n"},
		{"control characters escaped: a job log is a terminal",
			Annotation{Level: "warning", File: "a\x1b.yaml", Title: "t\u202e", Message: "name \x1b]0;x\a\r"},
			"::warning file=a\\x1b.yaml,title=t\\u202e::name \\x1b]0;x\\a\\r\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := WriteAnnotation(&b, tt.a); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, b.String(), tt.want)
		}
	}
}

// TestWriteYAMLControlCharacters: JSON leaves DEL and the C1 controls
// raw, which YAML refuses; the YAML output writes them escaped instead of
// failing.
func TestWriteYAMLControlCharacters(t *testing.T) {
	var b bytes.Buffer
	if err := WriteYAML(&b, map[string]string{"tag": "a\x7fb\u009bc\x1bd"}); err != nil {
		t.Fatal(err)
	}
	if want := "tag: \"a\\x7Fb\\x9Bc\\ed\"\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// TestRenderersEscapeControlCharacters: a table cell and a markdown cell
// show an escape sequence or a bidi override escaped, never raw.
func TestRenderersEscapeControlCharacters(t *testing.T) {
	tbl := Table{Header: []string{"id", "name"}, Rows: [][]string{{"A", "x\x1b[2Jy\u202ez"}}}
	var b bytes.Buffer
	if err := WriteTable(&b, tbl, NewStyles(&b, false)); err != nil {
		t.Fatal(err)
	}
	if want := "ID  NAME\nA   x\\x1b[2Jy\\u202ez\n"; b.String() != want {
		t.Errorf("table: got %q, want %q", b.String(), want)
	}
	if got, want := MarkdownCell("a\x1b]0;t\ab\r\nc"), `a\\x1b]0;t\\ab<br>c`; got != want {
		t.Errorf("markdown: got %q, want %q", got, want)
	}
}

// WriteAs writes csv and markdown as their writers do, and anything else
// as a table.
func TestWriteAs(t *testing.T) {
	tab := Table{Header: []string{"id", "name"}, Rows: [][]string{{"LT-1", "Laptop"}, {"=1+1", "a | b"}}}
	st := NewStyles(&bytes.Buffer{}, false)
	for _, tc := range []struct {
		format string
		write  func(*bytes.Buffer) error
	}{
		{"csv", func(b *bytes.Buffer) error { return WriteCSV(b, tab) }},
		{"markdown", func(b *bytes.Buffer) error { return WriteMarkdown(b, tab) }},
		{"table", func(b *bytes.Buffer) error { return WriteTable(b, tab, st) }},
		{"", func(b *bytes.Buffer) error { return WriteTable(b, tab, st) }},
	} {
		var got, want bytes.Buffer
		if err := WriteAs(&got, tc.format, tab, st); err != nil {
			t.Fatal(err)
		}
		if err := tc.write(&want); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%q: got\n%s\nwant\n%s", tc.format, got.String(), want.String())
		}
	}
}

// Columns line up on screen: a wide character takes two columns, colour
// codes none, a short row's missing cells are empty, and no line ends in
// spaces.
func TestWriteTableAligns(t *testing.T) {
	tbl := Table{
		Header: []string{"id", "name", "note"},
		Rows:   [][]string{{"LT-1", "東京のノート", "ok"}, {"LT-22", "Ana", ""}, {"X"}},
		Style:  func(row, col int, cell string) lipgloss.Style { return lipgloss.NewStyle().Bold(true) },
	}
	var plain bytes.Buffer
	if err := WriteTable(&plain, tbl, NewStyles(&plain, false)); err != nil {
		t.Fatal(err)
	}
	want := "ID     NAME          NOTE\n" +
		"LT-1   東京のノート  ok\n" +
		"LT-22  Ana\n" +
		"X\n"
	if plain.String() != want {
		t.Errorf("got\n%s\nwant\n%s", plain.String(), want)
	}
	var coloured bytes.Buffer
	if err := WriteTable(&coloured, tbl, NewStyles(&coloured, true)); err != nil {
		t.Fatal(err)
	}
	if got := ansi.ReplaceAllString(coloured.String(), ""); got != want {
		t.Errorf("in colour, without its codes, got\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(coloured.String(), "\x1b[1m") {
		t.Errorf("in colour, no bold: %q", coloured.String())
	}
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// WriteJSONList writes what WriteJSON writes, byte for byte, for lists of
// every length around its blocks, with characters JSON must escape.
func TestWriteJSONListIsWriteJSON(t *testing.T) {
	type item struct {
		ID   string            `json:"id"`
		Tags []string          `json:"tags,omitempty"`
		More map[string]string `json:"more,omitempty"`
	}
	for _, n := range []int{0, 1, 2, 255, 256, 257, 513, 2000} {
		items := make([]item, n)
		for i := range items {
			items[i] = item{ID: fmt.Sprintf("A-%d <&> \"é\" \u2028", i)}
			if i%3 == 0 {
				items[i].Tags = []string{"a", "b"}
				items[i].More = map[string]string{"k": "v"}
			}
		}
		var want, got bytes.Buffer
		if err := WriteJSON(&want, items); err != nil {
			t.Fatal(err)
		}
		if err := WriteJSONList(&got, items); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d items: WriteJSONList differs from WriteJSON:\n%.400s\nwant\n%.400s", n, got.String(), want.String())
		}
	}
}
