package asset

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// yaml.v3 reports a syntax error with a line but no column, and counts
// the line from the start of what it was reading when that started on
// another line. The functions here find the column from the bytes of the
// line, for the problems a hand-edited file runs into; for any other
// problem the column is the line's first character that is not a space.

// controlCharacter returns the offset of the first character that YAML
// does not allow in a file (C0 controls other than tab and newlines, DEL,
// C1 controls, U+FFFE and U+FFFF, surrogates), or -1.
func controlCharacter(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == '\t', r == '\n', r == '\r', r == 0x85:
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r == 0xfffe, r == 0xffff, r >= 0xd800 && r <= 0xdfff:
			return i
		}
		i += size
	}
	return -1
}

// controlName names a control character the way a person can look it up.
func controlName(r rune) string {
	names := map[rune]string{0: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0b: "vertical tab", 0x0c: "form feed", 0x1b: "ESC", 0x7f: "DEL"}
	if name, ok := names[r]; ok {
		return fmt.Sprintf("%U (%s)", r, name)
	}
	return fmt.Sprintf("%U", r)
}

// syntaxColumn returns the line and column of a syntax problem yaml.v3
// reported on line, and a hint when it knows better than yamlHint what to
// do. The line changes only for a quote left open on the first line,
// which yaml.v3 reports at the end of the file.
func syntaxColumn(data []byte, line int, problem string) (int, int, string) {
	text := lineText(data, line)
	col := 0
	switch {
	case strings.HasPrefix(problem, "did not find expected ',' or ']'"):
		col = unclosedAt(text, '[', ']')
	case strings.HasPrefix(problem, "did not find expected ',' or '}'"):
		col = unclosedAt(text, '{', '}')
	case strings.HasPrefix(problem, "did not find expected key"):
		col = strayCloserAt(text)
	case strings.HasPrefix(problem, "mapping values are not allowed"):
		colons := valueColons(text)
		if len(colons) > 1 {
			col = colons[1] // the line's own key takes the first
		} else if len(colons) == 1 {
			col = colons[0]
		}
	case strings.HasPrefix(problem, "found character that cannot start any token"):
		col = tokenStartAt(text, "@`")
	case strings.HasPrefix(problem, "found a tab character"):
		col = bytes.IndexByte(text, '\t') + 1
	case strings.HasPrefix(problem, "found unexpected end of stream"):
		// a quote left open: yaml.v3 gives the line of the quote, unless
		// that is the first line, when it gives the end of the file
		if col = openQuoteAt(text); col == 0 && line > 1 {
			if first := openQuoteAt(lineText(data, 1)); first > 0 {
				line, col = 1, first
			}
		}
		if col > 0 {
			return line, col, openQuoteHint
		}
		col = utf8.RuneCount(text) + 1 // where the file ends
	}
	if col == 0 {
		col = firstNonBlank(text)
	}
	return line, col, yamlHint
}

const openQuoteHint = ": the quote that starts here is never closed; close it at the end of the value, or remove it"

// lineText is line n (1-based) of data without its newline.
func lineText(data []byte, n int) []byte {
	for i := 1; i < n; i++ {
		nl := bytes.IndexByte(data, '\n')
		if nl < 0 {
			return nil
		}
		data = data[nl+1:]
	}
	if nl := bytes.IndexByte(data, '\n'); nl >= 0 {
		data = data[:nl]
	}
	return bytes.TrimSuffix(data, []byte("\r"))
}

func firstNonBlank(text []byte) int {
	for i, c := range text {
		if c != ' ' && c != '\t' {
			return utf8.RuneCount(text[:i]) + 1
		}
	}
	return 1
}

// scanLine calls fn with the byte offset of each character of text that
// is outside quotes and before a comment. A quote opens only where a
// value can start (it's is plain text).
func scanLine(text []byte, fn func(i int)) {
	var quote byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote == '\'' && c == '\'' && i+1 < len(text) && text[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case quote == '"' && c == '\\':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && valueStart(text, i):
			quote = c
		case c == '#' && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t'):
			return
		default:
			fn(i)
		}
	}
}

// valueStart reports whether a value can start at text[i]: at the start
// of the line or after a space or a flow indicator.
func valueStart(text []byte, i int) bool {
	return i == 0 || bytes.IndexByte([]byte(" \t[{,:-?"), text[i-1]) >= 0
}

func column(text []byte, i int) int { return utf8.RuneCount(text[:i]) + 1 }

// unclosedAt is the column of the first opener on the line that the line
// does not close, else of the first opener, else 0.
func unclosedAt(text []byte, open, close byte) int {
	var stack []int
	first := -1
	scanLine(text, func(i int) {
		switch text[i] {
		case open:
			stack = append(stack, i)
			if first < 0 {
				first = i
			}
		case close:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	})
	switch {
	case len(stack) > 0:
		return column(text, stack[0])
	case first >= 0:
		return column(text, first)
	}
	return 0
}

// strayCloserAt is the column of the first ] or } the line does not open,
// else 0.
func strayCloserAt(text []byte) int {
	depth, at := 0, -1
	scanLine(text, func(i int) {
		switch text[i] {
		case '[', '{':
			depth++
		case ']', '}':
			if depth == 0 && at < 0 {
				at = i
			}
			depth = max(depth-1, 0)
		}
	})
	if at < 0 {
		return 0
	}
	return column(text, at)
}

// valueColons are the columns of the colons that end a key: followed by a
// space or the end of the line.
func valueColons(text []byte) []int {
	var cols []int
	scanLine(text, func(i int) {
		if text[i] == ':' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t') {
			cols = append(cols, column(text, i))
		}
	})
	return cols
}

// tokenStartAt is the column of the first of chars where a value starts,
// else 0.
func tokenStartAt(text []byte, chars string) int {
	at := -1
	scanLine(text, func(i int) {
		if at < 0 && strings.IndexByte(chars, text[i]) >= 0 && valueStart(text, i) {
			at = i
		}
	})
	if at < 0 {
		return 0
	}
	return column(text, at)
}

// openQuoteAt is the column of a quote that opens a value and is not
// closed on the line, else 0.
func openQuoteAt(text []byte) int {
	var quote byte
	at := -1
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote == '\'' && c == '\'' && i+1 < len(text) && text[i+1] == '\'':
			i++
		case quote == '"' && c == '\\':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '"' || c == '\'') && valueStart(text, i):
			quote, at = c, i
		case c == '#' && (i == 0 || text[i-1] == ' '):
			return 0
		}
	}
	if quote == 0 {
		return 0
	}
	return column(text, at)
}
