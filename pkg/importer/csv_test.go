package importer

import (
	"reflect"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		delim rune
		rows  [][]string
		nums  []int
	}{
		{"LF", "a,b\n1,2\n3,4\n", ',', [][]string{{"1", "2"}, {"3", "4"}}, []int{2, 3}},
		{"CRLF", "a,b\r\n1,2\r\n", ',', [][]string{{"1", "2"}}, []int{2}},
		{"CR only", "a,b\r1,2\r3,4", ',', [][]string{{"1", "2"}, {"3", "4"}}, []int{2, 3}},
		{"semicolon", "a;b\n1,5;2\n", ';', [][]string{{"1,5", "2"}}, []int{2}},
		{"tab", "a\tb\n1\t2\n", '\t', [][]string{{"1", "2"}}, []int{2}},
		{"quotes, delimiters and newlines", "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n", ',',
			[][]string{{"x, y", "say \"hi\""}, {"two\nlines", "z"}}, []int{2, 3}},
		{"blank rows keep their numbers", "a,b\n1,2\n\n3,4\n", ',', [][]string{{"1", "2"}, {""}, {"3", "4"}}, []int{2, 3, 4}},
		{"CRLF inside quotes is a newline", "a\n\"x\r\ny\"\n", ',', [][]string{{"x\ny"}}, []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := Parse(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if tab.Delimiter != tt.delim {
				t.Errorf("delimiter %q, want %q", tab.Delimiter, tt.delim)
			}
			var rows [][]string
			var nums []int
			for _, r := range tab.Rows {
				rows = append(rows, r.Cells)
				nums = append(nums, r.Number)
			}
			if !reflect.DeepEqual(rows, tt.rows) || !reflect.DeepEqual(nums, tt.nums) {
				t.Errorf("rows %q at %v, want %q at %v", rows, nums, tt.rows, tt.nums)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	if s, w := Decode([]byte("\xef\xbb\xbfName\n")); s != "Name\n" || w != nil {
		t.Errorf("BOM: %q %v", s, w)
	}
	if s, w := Decode([]byte("Caf\xe9,\x80 5\n")); s != "Café,€ 5\n" || len(w) != 1 {
		t.Errorf("Windows-1252: %q %v", s, w)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("a,b\n1,\"2\n3\"\r\n")
	f.Add("x;y\r\"\"\"\";z")
	f.Fuzz(func(t *testing.T, text string) {
		tab, err := Parse(text)
		if err != nil {
			return
		}
		for i, r := range tab.Rows {
			if r.Number != i+2 {
				t.Fatalf("row %d numbered %d", i, r.Number)
			}
		}
	})
}

// Cells past the header's last column are columns with no name: kept as
// custom fields, with a warning naming the rows, unless all are empty.
func TestMapColumnsCellsPastTheHeader(t *testing.T) {
	tab, err := Parse("Name,Serial\na,1,x,\nb,2\nc,3,,\nd,4,y,\n")
	if err != nil {
		t.Fatal(err)
	}
	m, err := MapColumns(tab.Header, asset.Hardware, false, nil, tab.Rows)
	if err != nil {
		t.Fatal(err)
	}
	var targets []string
	for _, c := range m.Columns {
		targets = append(targets, c.Target)
	}
	if want := []string{"name", "serial", "fields.column_3", TargetIgnore}; !reflect.DeepEqual(targets, want) {
		t.Errorf("targets %q, want %q", targets, want)
	}
	want := []string{"column 3 has no name, but rows 2 and 5 have more cells than the header: its values go to the custom field column_3"}
	if !reflect.DeepEqual(m.Warnings, want) {
		t.Errorf("warnings %q, want %q", m.Warnings, want)
	}
}

func TestRowsWithCell(t *testing.T) {
	rows := func(numbers ...int) []Row {
		var rs []Row
		for _, n := range numbers {
			rs = append(rs, Row{Number: n, Cells: []string{"x"}})
		}
		return rs
	}
	tests := []struct {
		rows []Row
		want string
	}{
		{rows(3), "row 3 has"},
		{rows(3, 7), "rows 3 and 7 have"},
		{rows(2, 3, 4, 5, 6, 7), "rows 2, 3, 4, 5, 6 and 7 have"},
		{rows(2, 3, 4, 5, 6, 7, 8), "rows 2, 3, 4, 5, 6 and 2 more have"},
	}
	for _, tt := range tests {
		if got := rowsWithCell(tt.rows, 0); got != tt.want {
			t.Errorf("%d rows: %q, want %q", len(tt.rows), got, tt.want)
		}
	}
}
