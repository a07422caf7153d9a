// Package safe keeps what itrack writes from attacking whoever reads it: a
// terminal that would act on an escape sequence hidden in a name, a
// spreadsheet that would run a cell as a formula. The rules live here once;
// every renderer, the validator and the importer call them.
package safe

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// IsControl reports whether a terminal acts on r rather than showing it, or
// r silently reorders the text around it: the C0 controls (tab and newline
// included), DEL, the C1 controls, and the Unicode bidi embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069) of "Trojan Source"
// attacks.
func IsControl(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Text returns s fit for a terminal: every control character but the
// newline and the tab is written as a Go escape (\x1b, \r, \u0085,
// \u202e), and so is each byte that is not UTF-8 (\xff). A name can then
// neither set a terminal's title, clear its screen, write over its own
// line nor make text read backwards. Newlines and tabs only lay text out:
// multi-line notes need the one, and the errors of cobra indent with the
// other.
// Backslashes are left as they are: the result is for people to read, not
// for programs to parse (they have --format json).
func Text(s string) string {
	if !strings.ContainsFunc(s, needsEscape) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case Escaped(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return r == utf8.RuneError || Escaped(r)
}

// Escaped reports whether Text escapes r: a control character other than
// the newline and the tab.
func Escaped(r rune) bool {
	return r != '\n' && r != '\t' && IsControl(r)
}

// startsFormula reports whether a spreadsheet would read a cell starting
// like s as a formula: OWASP's list of =, +, -, @, tab and carriage return.
func startsFormula(s string) bool {
	return s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0
}

var negativeNumber = regexp.MustCompile(`^-[0-9]+(\.[0-9]+)?$`)

// CSVCell returns value as a CSV cell that a spreadsheet shows rather than
// runs: a value that starts like a formula gets a leading ', the OWASP rule
// that Excel, LibreOffice and Google Sheets honour. A value that is already
// quotes followed by such a character gets one more quote, so that
// CSVValue can always take exactly one away again. A negative number
// (-12, -0.5: a renewal's days when it is overdue) is a number to every
// spreadsheet, not a formula, and is left as it is.
func CSVCell(value string) string {
	if startsFormula(strings.TrimLeft(value, "'")) && !negativeNumber.MatchString(value) {
		return "'" + value
	}
	return value
}

// CSVValue undoes CSVCell: a cell of one or more quotes followed by a
// character that starts a formula loses one quote; any other cell is the
// value as written.
func CSVValue(cell string) string {
	if strings.HasPrefix(cell, "'") && startsFormula(strings.TrimLeft(cell, "'")) {
		return cell[1:]
	}
	return cell
}
