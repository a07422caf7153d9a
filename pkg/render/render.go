// Package render writes results in the output formats of itrack: aligned
// tables for people, and json, csv, yaml and markdown for programs and
// pull requests. It knows nothing of assets: callers hand it rows and
// values.
package render

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/safe"
)

// Table is a header and rows of cells, all text.
type Table struct {
	Header []string
	Rows   [][]string
	// Style, when set, styles a non-empty cell for a terminal; it gets the
	// row's index in Rows, the column's, and the cell's text.
	Style func(row, col int, cell string) lipgloss.Style
}

// Styles is how a writer shows emphasis: real colours on a terminal, plain
// text everywhere else.
type Styles struct {
	r      *lipgloss.Renderer
	colour bool
}

// NewStyles returns styles for w; colour says whether to use any.
func NewStyles(w io.Writer, colour bool) *Styles {
	r := lipgloss.NewRenderer(w)
	if colour {
		r.SetColorProfile(termenv.ANSI)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	return &Styles{r: r, colour: colour}
}

// Plain is a style with nothing set.
func (s *Styles) Plain() lipgloss.Style { return s.r.NewStyle() }

// Bold is bold text.
func (s *Styles) Bold() lipgloss.Style { return s.r.NewStyle().Bold(true) }

// Faint is dimmed text.
func (s *Styles) Faint() lipgloss.Style { return s.r.NewStyle().Faint(true) }

// Colour is text in one of the 16 ANSI colours (1 red, 2 green, 3 yellow,
// 4 blue, 5 magenta, 6 cyan).
func (s *Styles) Colour(ansi string) lipgloss.Style {
	return s.r.NewStyle().Foreground(lipgloss.Color(ansi))
}

func init() {
	// twwidth memoizes each cell's display width in an LRU of 8192
	// entries; the cells of a long table are mostly unique, so the cache
	// only evicts, and measuring a short cell is cheaper than that.
	twwidth.SetCacheCapacity(0)
}

// WriteTable writes t as aligned columns with a header line, the way gh
// and kubectl print lists: each column as wide as its widest cell on
// screen (colour codes take no room, wide characters two), two spaces
// between columns, no spaces at the end of a line. It measures each cell
// once, so a table takes time in proportion to its cells.
func WriteTable(w io.Writer, t Table, st *Styles) error {
	cols := len(t.Header)
	for _, row := range t.Rows {
		cols = max(cols, len(row))
	}
	cells := make([][]string, 0, len(t.Rows)+1)
	header := make([]string, cols)
	for i, h := range t.Header {
		header[i] = safe.Text(strings.ToUpper(h))
		if st.colour {
			header[i] = st.Bold().Render(header[i])
		}
	}
	cells = append(cells, header)
	for r, row := range t.Rows {
		line := make([]string, cols)
		for i, c := range row {
			line[i] = safe.Text(oneLine(c))
			if st.colour && t.Style != nil && c != "" {
				line[i] = t.Style(r, i, c).Render(line[i])
			}
		}
		cells = append(cells, line)
	}
	widths := make([][]int, len(cells))
	colWidth := make([]int, cols)
	for r, line := range cells {
		widths[r] = make([]int, cols)
		for i, c := range line {
			if c != "" {
				widths[r][i] = twwidth.Width(c)
				colWidth[i] = max(colWidth[i], widths[r][i])
			}
		}
	}
	bw := bufio.NewWriter(w)
	var buf []byte
	for r, line := range cells {
		buf = buf[:0]
		for i, c := range line {
			buf = append(buf, c...)
			if i < cols-1 {
				buf = append(buf, spaces(colWidth[i]-widths[r][i]+2)...)
			}
		}
		buf = append(bytes.TrimRight(buf, " "), '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// spaces is n spaces.
func spaces(n int) string {
	const run = "                                                                "
	if n <= len(run) {
		return run[:n]
	}
	return strings.Repeat(" ", n)
}

// oneLine keeps a cell on one line, and its tabs from breaking the
// columns: a table row is one line.
func oneLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i] + " …"
	}
	return strings.ReplaceAll(s, "\t", " ")
}

// WriteAs writes a table in one of the formats every list command
// offers: csv, markdown, or (any other) a table for a terminal.
func WriteAs(w io.Writer, format string, t Table, st *Styles) error {
	switch format {
	case "csv":
		return WriteCSV(w, t)
	case "markdown":
		return WriteMarkdown(w, t)
	}
	return WriteTable(w, t, st)
}

// WriteCSV writes the header and rows as RFC 4180 CSV, every cell that a
// spreadsheet would run as a formula guarded by safe.CSVCell.
func WriteCSV(w io.Writer, t Table) error {
	cw := csv.NewWriter(w)
	for _, row := range append([][]string{t.Header}, t.Rows...) {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = safe.CSVCell(c)
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteMarkdown writes a GitHub-flavoured markdown table.
func WriteMarkdown(w io.Writer, t Table) error {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + MarkdownCell(c) + " |")
		}
		b.WriteString("\n")
	}
	row(t.Header)
	b.WriteString("|")
	for range t.Header {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		row(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// MarkdownCell escapes text for a markdown table cell, control characters
// included: a PR comment is also read in a terminal.
func MarkdownCell(s string) string {
	s = safe.Text(strings.ReplaceAll(s, "\r\n", "\n"))
	r := strings.NewReplacer("\\", "\\\\", "|", "\\|", "\n", "<br>", "*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

// WriteJSON writes v as indented JSON with a final newline. HTML characters
// are left as they are: the output is for programs, not browsers.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// WriteJSONList writes items as WriteJSON does, byte for byte, but
// encodes them in parallel, a block at a time, and writes each block as it
// is ready: a list of 100k assets is neither encoded on one core nor held
// whole in memory. Unlike WriteJSON, an item that cannot be encoded (a
// defect, never data) leaves the blocks before it written.
func WriteJSONList[T any](w io.Writer, items []T) error {
	if len(items) == 0 {
		return WriteJSON(w, items)
	}
	const block = 256
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("[\n"); err != nil {
		return err
	}
	workers := runtime.GOMAXPROCS(0)
	for start := 0; start < len(items); start += block * workers {
		end := min(start+block*workers, len(items))
		parts := make([]bytes.Buffer, (end-start+block-1)/block)
		errs := make([]error, len(parts))
		var wg sync.WaitGroup
		for p := range parts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				enc := json.NewEncoder(&parts[p])
				enc.SetIndent("  ", "  ")
				enc.SetEscapeHTML(false)
				for i := start + p*block; i < min(start+(p+1)*block, end); i++ {
					parts[p].WriteString("  ")
					if errs[p] = enc.Encode(&items[i]); errs[p] != nil { // addressable, as in a slice
						return
					}
					// Encode ends the item with a newline; a list puts a
					// comma before it, but after the last item
					if i < len(items)-1 {
						parts[p].Truncate(parts[p].Len() - 1)
						parts[p].WriteString(",\n")
					}
				}
			}()
		}
		wg.Wait()
		for p := range parts {
			if errs[p] != nil {
				return errs[p]
			}
			if _, err := bw.Write(parts[p].Bytes()); err != nil {
				return err
			}
		}
	}
	if _, err := bw.WriteString("]\n"); err != nil {
		return err
	}
	return bw.Flush()
}

var jsonControls = regexp.MustCompile("[\u007f-\u009f]")

// WriteYAML writes v as YAML, going through JSON so that the keys and values
// are exactly those of the JSON output.
func WriteYAML(w io.Writer, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	// JSON leaves DEL and the C1 controls raw, and YAML refuses them raw:
	// written as JSON escapes they are the same JSON, and YAML reads them.
	data = []byte(jsonControls.ReplaceAllStringFunc(string(data), func(c string) string {
		return fmt.Sprintf(`\u%04x`, []rune(c)[0])
	}))
	var node yaml.Node
	if err := yaml.Unmarshal(data, &node); err != nil {
		return err
	}
	clearStyle(&node)
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&node); err != nil {
		return err
	}
	return enc.Close()
}

// clearStyle turns JSON's flow style and quoting into block YAML.
func clearStyle(n *yaml.Node) {
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		n.Style = 0
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		n.Style = 0
	}
	for _, c := range n.Content {
		clearStyle(c)
	}
}
