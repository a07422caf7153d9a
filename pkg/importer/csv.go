// Package importer reads CSV files as spreadsheets and finance systems
// really write them (UTF-8 with or without a byte-order mark or
// Windows-1252; LF, CRLF or CR line ends; comma, semicolon or tab; quoted
// fields with delimiters, quotes and newlines; blank rows), maps their
// columns onto itrack's fields (Snipe-IT's export headers included), and
// turns rows into records. It also exports records back to CSV.
package importer

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Table is a CSV file read into rows.
type Table struct {
	Header    []string
	Rows      []Row
	Delimiter rune
}

// Row is one data row, with the number a spreadsheet shows for it (the
// header is row 1).
type Row struct {
	Number int
	Cells  []string
}

// Blank reports whether every cell of the row is empty.
func (r Row) Blank() bool {
	for _, c := range r.Cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Cell returns the row's cell in column i, or "".
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

var utf8BOM = []byte("\xef\xbb\xbf")

// Decode turns a file's bytes into text: UTF-8 (a byte-order mark is
// dropped) as it is, anything else read as Windows-1252, the encoding of
// Excel on Windows, with a warning.
func Decode(data []byte) (string, []string) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if utf8.Valid(data) {
		return string(data), nil
	}
	var b strings.Builder
	unreadable := 0
	for _, c := range data {
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			unreadable++
		}
		b.WriteRune(r)
	}
	warning := "the file is not UTF-8: it was read as Windows-1252 (Excel's encoding on Windows); save it as UTF-8 to be sure of accented letters"
	if unreadable > 0 {
		warning = fmt.Sprintf("the file is not UTF-8, and %d of its bytes are not Windows-1252 either: the rows that hold them cannot be imported; save the file as UTF-8", unreadable)
	}
	return b.String(), []string{warning}
}

// RowError is a problem of one row of the file, with the row's number as
// a spreadsheet shows it.
type RowError struct {
	Row     int
	Message string
}

func (e *RowError) Error() string { return fmt.Sprintf("row %d: %s", e.Row, e.Message) }

// Unreadable is what Decode puts where a byte is neither UTF-8 nor
// Windows-1252.
const Unreadable = utf8.RuneError

// Parse reads CSV text: the delimiter is detected from the header line;
// quoted fields may hold delimiters, doubled quotes and line breaks; LF,
// CRLF and CR all end a row. Blank rows are kept, so row numbers match a
// spreadsheet's.
func Parse(text string) (*Table, error) {
	t := &Table{Delimiter: detectDelimiter(text)}
	var records [][]string
	var field strings.Builder
	var record []string
	inQuotes, quoted := false, false
	endField := func() {
		record = append(record, field.String())
		field.Reset()
		quoted = false
	}
	endRecord := func() {
		endField()
		records = append(records, record)
		record = nil
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inQuotes && c == '"':
			if i+1 < len(text) && text[i+1] == '"' {
				field.WriteByte('"')
				i++
			} else {
				inQuotes = false
			}
		case inQuotes:
			if c == '\r' {
				// a line break inside a field is a newline, however written
				if i+1 < len(text) && text[i+1] == '\n' {
					i++
				}
				c = '\n'
			}
			field.WriteByte(c)
		case c == '"' && field.Len() == 0 && !quoted:
			inQuotes, quoted = true, true
		case rune(c) == t.Delimiter:
			endField()
		case c == '\r' || c == '\n':
			if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			endRecord()
		default:
			field.WriteByte(c)
		}
	}
	if inQuotes {
		return nil, &RowError{Row: len(records) + 1, Message: "a quoted field is never closed: check the quotes in the row"}
	}
	if field.Len() > 0 || len(record) > 0 {
		endRecord()
	}
	if len(records) == 0 {
		return nil, fmt.Errorf("the file is empty: the first row must name the columns")
	}
	t.Header = records[0]
	for i, r := range records[1:] {
		t.Rows = append(t.Rows, Row{Number: i + 2, Cells: r})
	}
	return t, nil
}

// detectDelimiter picks the comma, semicolon or tab that the header line
// uses most, outside quotes.
func detectDelimiter(text string) rune {
	counts := map[rune]int{}
	inQuotes := false
	for _, r := range text {
		if r == '"' {
			inQuotes = !inQuotes
			continue
		}
		if !inQuotes && (r == '\n' || r == '\r') {
			break
		}
		if !inQuotes && (r == ',' || r == ';' || r == '\t') {
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// NonBlank counts the rows with a value.
func (t *Table) NonBlank() int {
	n := 0
	for _, r := range t.Rows {
		if !r.Blank() {
			n++
		}
	}
	return n
}
