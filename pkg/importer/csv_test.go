package importer

import (
	"reflect"
	"testing"
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
