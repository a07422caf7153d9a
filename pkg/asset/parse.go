package asset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest record file itrack reads. Asset files are a few
// hundred bytes; a bigger one is a mistake (a pasted attachment) or an
// attack on the parser.
const MaxFileSize = 1 << 20

var bom = []byte("\xef\xbb\xbf")

// ParseYAML runs the checks that come before YAML (size, encoding, BOM,
// CRLF, merge-conflict markers, tabs) and parses data into a document node.
// It returns nil when the file cannot be read as one YAML document; the
// findings say why.
func ParseYAML(file string, data []byte) (*yaml.Node, Findings) {
	var fs Findings
	add := func(line, col int, sev Severity, rule, format string, args ...any) {
		fs = append(fs, Finding{File: file, Pos: Pos{line, col}, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
	}
	if len(data) > MaxFileSize {
		add(0, 0, Error, "file-too-large", "file is %d bytes, over the 1 MiB limit for one record: move long notes or attachments elsewhere", len(data))
		return nil, fs
	}
	if !utf8.Valid(data) {
		line, col := lineCol(data, invalidUTF8At(data))
		add(line, col, Error, "not-utf8", "file is not UTF-8 text: save it as UTF-8")
		return nil, fs
	}
	if bytes.HasPrefix(data, bom) {
		add(1, 1, Warning, "bom", "file starts with a byte-order mark: run `itrack fmt` to remove it")
		data = data[len(bom):]
	}
	if i := bytes.Index(data, []byte("\r\n")); i >= 0 {
		line, _ := lineCol(data, i)
		add(line, 0, Warning, "crlf", "file has Windows line endings (CRLF): run `itrack fmt` to convert them to LF")
		// yaml.v3 keeps the CR in comments, which then print as blank lines
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if markers := conflictMarkers(data); len(markers) > 0 {
		for _, line := range markers {
			add(line, 1, Error, "merge-conflict", "merge-conflict marker: resolve the conflict (keep one side, or both sides' events in date order) and delete the marker lines")
		}
		return nil, fs
	}
	if line, col := tabIndent(data); line > 0 {
		add(line, col, Error, "tab-indent", "tab in indentation: YAML indents with spaces only; replace the tab with spaces")
		return nil, fs
	}

	var doc yaml.Node
	if !bytes.Contains(data, []byte("\n---")) && !bytes.Contains(data, []byte("\n...")) {
		// one document for sure: parse it the fast way
		if err := yaml.Unmarshal(data, &doc); err != nil {
			line, col, msg := yamlError(err, data)
			add(line, col, Error, "yaml-syntax", "%s", msg)
			return nil, fs
		}
		if doc.Kind == 0 {
			add(1, 1, Error, "empty-file", "file is empty: a record needs at least `name:`")
			return nil, fs
		}
	} else if !oneDocument(file, data, &doc, add) {
		return nil, fs
	}
	if n := firstAlias(&doc); n != nil {
		add(n.Line, n.Column, Error, "yaml-alias", "YAML anchors and aliases are not allowed in a register: write the value out in full")
		return nil, fs
	}
	if tagged := taggedNodes(&doc, data); len(tagged) > 0 {
		// a tag decides how a reader decodes the value (!!binary, !!str on
		// a date, !secret for an application's own type), so the file
		// would mean one thing here and another elsewhere
		for _, n := range tagged {
			add(n.Line, n.Column, Error, "yaml-tag", "YAML tag %s is not allowed in a register: values are read as the text written; remove the tag", tagName(n, data))
		}
		return nil, fs
	}
	if len(doc.Content) == 0 || (doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null") {
		add(1, 1, Error, "empty-file", "file holds no values: a record needs at least `name:`")
		return nil, fs
	}
	if root := doc.Content[0]; root.Kind != yaml.MappingNode {
		add(root.Line, root.Column, Error, "not-a-mapping", "a record is a mapping of keys to values (name: …), not %s", describeNode(root))
		return nil, fs
	}
	return &doc, fs
}

// oneDocument parses data, which may hold several YAML documents, and
// reports false (with a finding) unless it holds exactly one.
func oneDocument(file string, data []byte, doc *yaml.Node, add func(int, int, Severity, string, string, ...any)) bool {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(doc); err != nil {
		if errors.Is(err, io.EOF) {
			add(1, 1, Error, "empty-file", "file is empty: a record needs at least `name:`")
			return false
		}
		line, col, msg := yamlError(err, data)
		add(line, col, Error, "yaml-syntax", "%s", msg)
		return false
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		line := next.Line
		if err != nil {
			line, _, _ = yamlError(err, data)
		}
		add(line, 1, Error, "multiple-documents", "a second YAML document starts here: one file holds one record; move it to a file of its own")
		return false
	}
	return true
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// lineCol converts a byte offset into a 1-based line and column.
func lineCol(data []byte, off int) (int, int) {
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, utf8.RuneCount(data[start:off]) + 1
}

// conflictMarkers returns the lines that start with a git merge-conflict
// marker.
func conflictMarkers(data []byte) []int {
	if !bytes.Contains(data, []byte("<<<<<<<")) && !bytes.Contains(data, []byte("=======")) && !bytes.Contains(data, []byte(">>>>>>>")) {
		return nil
	}
	var lines []int
	eachLine(data, func(n int, line []byte) bool {
		if len(line) >= 7 && (line[0] == '<' || line[0] == '=' || line[0] == '>' || line[0] == '|') {
			for _, m := range []string{"<<<<<<<", "=======", ">>>>>>>", "|||||||"} {
				if bytes.HasPrefix(line, []byte(m)) && (len(line) == len(m) || line[len(m)] == ' ' || line[len(m)] == '\r') {
					lines = append(lines, n)
				}
			}
		}
		return true
	})
	return lines
}

// tabIndent finds the first tab in the indentation of a line, which YAML
// forbids and reports in a way people rarely understand.
func tabIndent(data []byte) (line, col int) {
	if bytes.IndexByte(data, '\t') < 0 {
		return 0, 0
	}
	eachLine(data, func(n int, l []byte) bool {
		for j, c := range l {
			if c == '\t' {
				line, col = n, j+1
				return false
			}
			if c != ' ' && c != '-' {
				break
			}
		}
		return true
	})
	return line, col
}

// eachLine calls fn with each line (1-based number, no newline) until fn
// returns false, without allocating.
func eachLine(data []byte, fn func(n int, line []byte) bool) {
	for n := 1; len(data) > 0; n++ {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			fn(n, data)
			return
		}
		if !fn(n, data[:i]) {
			return
		}
		data = data[i+1:]
	}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlHint follows the parser's own words, which say what it found but not
// what to do: the cause is nearly always on or above the reported line.
const yamlHint = ": check the quotes, brackets and indentation on this line and the lines above it"

// parserProblems are the errors of yaml.v3's parser, as opposed to its
// scanner.
var parserProblems = []string{
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected key",
	"did not find expected '-' indicator",
	"did not find expected node content",
	"did not find expected <document start>",
}

// yamlError turns a yaml.v3 error into a line, a column and a message
// without the library's prefix. yaml.v3 gives no column, and no line for a
// problem on the first line or for a control character: syntaxColumn and
// controlCharacter find them in the bytes.
func yamlError(err error, data []byte) (int, int, string) {
	msg := err.Error()
	if strings.HasSuffix(msg, "control characters are not allowed") {
		if off := controlCharacter(data); off >= 0 {
			line, col := lineCol(data, off)
			r, _ := utf8.DecodeRune(data[off:])
			return line, col, fmt.Sprintf("not valid YAML: control character %s is not allowed in a YAML file: delete it (most editors do not show it)", controlName(r))
		}
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		// yaml.v3 counts the lines of its parser's errors from 0, those of
		// its scanner from 1.
		for _, problem := range parserProblems {
			if strings.HasPrefix(m[2], problem) {
				line++
				break
			}
		}
		// an error at the end of input is on the last line, not after it
		last := bytes.Count(data, []byte("\n"))
		if !bytes.HasSuffix(data, []byte("\n")) {
			last++
		}
		line, col, hint := syntaxColumn(data, min(line, max(last, 1)), m[2])
		return line, col, "not valid YAML: " + m[2] + hint
	}
	// yaml.v3 leaves the line out when the problem is on the first one
	problem := strings.TrimPrefix(msg, "yaml: ")
	line, col, hint := syntaxColumn(data, 1, problem)
	return line, col, "not valid YAML: " + problem + hint
}

// taggedNodes returns the nodes written with an explicit tag, in document
// order. yaml.v3 marks most of them TaggedStyle; the non-specific tag `!`
// leaves no mark, but no untagged node starts with '!' in the source.
func taggedNodes(n *yaml.Node, data []byte) []*yaml.Node {
	if bytes.IndexByte(data, '!') < 0 {
		return nil // the usual file: no tag can be there
	}
	src := newSource(data)
	var out []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind != yaml.DocumentNode && (n.Style&yaml.TaggedStyle != 0 || src.byteAt(n.Line, n.Column) == '!') {
			out = append(out, n)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return out
}

// tagName is the tag as written in the source, e.g. !!binary or !secret.
func tagName(n *yaml.Node, data []byte) string {
	off := newSource(data).offset(n.Line, n.Column)
	if off < 0 || data[off] != '!' {
		return n.Tag
	}
	end := off
	for end < len(data) && data[end] != ' ' && data[end] != '\n' && data[end] != '\t' {
		end++
	}
	return string(data[off:end])
}

// source finds the byte offsets of the lines and columns yaml.v3 reports.
type source struct {
	data  []byte
	lines []int // offset of the start of each line
}

func newSource(data []byte) source {
	lines := make([]int, 1, 1+bytes.Count(data, []byte("\n")))
	for i, c := range data {
		if c == '\n' {
			lines = append(lines, i+1)
		}
	}
	return source{data, lines}
}

// offset converts a 1-based line and column (counted in characters, as
// yaml.v3 does) into a byte offset, or -1 when the file has no such place.
func (s source) offset(line, col int) int {
	if line < 1 || line > len(s.lines) || col < 1 {
		return -1
	}
	off := s.lines[line-1]
	for c := 1; c < col; c++ {
		if off >= len(s.data) || s.data[off] == '\n' {
			return -1
		}
		_, size := utf8.DecodeRune(s.data[off:])
		off += size
	}
	if off >= len(s.data) {
		return -1
	}
	return off
}

func (s source) byteAt(line, col int) byte {
	if off := s.offset(line, col); off >= 0 {
		return s.data[off]
	}
	return 0
}

func firstAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	for _, c := range n.Content {
		if a := firstAlias(c); a != nil {
			return a
		}
	}
	return nil
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("the text %q", abbreviate(n.Value))
	}
	return "this value"
}

func abbreviate(s string) string {
	if len(s) > 40 {
		cut := 37
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut-- // never split a character
		}
		return s[:cut] + "..."
	}
	return s
}
