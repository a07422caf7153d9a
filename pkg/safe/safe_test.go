package safe

import "testing"

func TestCSVCell(t *testing.T) {
	for _, tc := range []struct {
		name, value, cell string
	}{
		{"equals starts a formula", "=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"plus starts a formula", "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"minus starts a formula", "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"at starts a formula", "@SUM(1+1)", "'@SUM(1+1)"},
		{"tab starts a formula", "\t=1+1", "'\t=1+1"},
		{"carriage return starts a formula", "\r=1+1", "'\r=1+1"},
		{"a lone trigger", "=", "'="},
		{"negative whole number is a number", "-12", "-12"},
		{"negative decimal is a number", "-0.50", "-0.50"},
		{"minus then text is guarded", "-12 days", "'-12 days"},
		{"minus alone is guarded", "-", "'-"},
		{"plain text", "Dell Latitude 7440", "Dell Latitude 7440"},
		{"trigger inside is fine", "a=b", "a=b"},
		{"empty", "", ""},
		{"leading space is not a trigger", " =1", " =1"},
		{"a quote alone", "'", "'"},
		{"a quoted word", "'quoted'", "'quoted'"},
		{"quote then trigger gets one more quote", "'=1+1", "''=1+1"},
		{"quotes then trigger get one more quote", "''@x", "'''@x"},
		{"quote then negative number", "'-12", "''-12"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := CSVCell(tc.value); got != tc.cell {
				t.Errorf("CSVCell(%q) = %q, want %q", tc.value, got, tc.cell)
			}
			if got := CSVValue(tc.cell); got != tc.value {
				t.Errorf("CSVValue(%q) = %q, want %q", tc.cell, got, tc.value)
			}
		})
	}
}

func TestCSVValueOfCellsWrittenElsewhere(t *testing.T) {
	for _, tc := range []struct{ cell, value string }{
		{"'=1+1", "=1+1"}, // as a spreadsheet or another tool guards it
		{"'-5", "-5"},
		{"'quoted'", "'quoted'"},
		{"'", "'"},
		{"it's", "it's"},
		{"=1+1", "=1+1"}, // not guarded: taken as written
	} {
		if got := CSVValue(tc.cell); got != tc.value {
			t.Errorf("CSVValue(%q) = %q, want %q", tc.cell, got, tc.value)
		}
	}
}

func FuzzCSVRoundTrip(f *testing.F) {
	for _, s := range []string{"=1", "'=1", "-1", "-1+1", "'", "\t", "\r\n", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		cell := CSVCell(value)
		if got := CSVValue(cell); got != value {
			t.Fatalf("CSVValue(CSVCell(%q)) = %q", value, got)
		}
		if startsFormula(cell) && !negativeNumber.MatchString(cell) {
			t.Fatalf("CSVCell(%q) = %q starts a formula", value, cell)
		}
	})
}

func TestText(t *testing.T) {
	for _, tc := range []struct {
		name, in, out string
	}{
		{"plain", "ThinkPad X1", "ThinkPad X1"},
		{"accents and emoji stay", "Café ☕ 東京", "Café ☕ 東京"},
		{"newline stays", "line one\nline two", "line one\nline two"},
		{"OSC title change", "\x1b]0;title\a", `\x1b]0;title\a`},
		{"clear screen", "\x1b[2J", `\x1b[2J`},
		{"colour", "\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"tab stays", "a\tb", "a\tb"},
		{"vertical tab and form feed", "a\vb\fc", `a\vb\fc`},
		{"carriage return", "ok\rEVIL", `ok\rEVIL`},
		{"NUL and backspace", "a\x00b\bc", `a\x00b\bc`},
		{"DEL", "a\x7fb", `a\x7fb`},
		{"C1 CSI", "a\u009b2Jb", `a\u009b2Jb`},
		{"C1 NEL", "a\u0085b", `a\u0085b`},
		{"right-to-left override", "invoice\u202efdp.exe", `invoice\u202efdp.exe`},
		{"left-to-right embedding", "\u202aa", `\u202aa`},
		{"pop directional formatting", "a\u202c", `a\u202c`},
		{"isolates", "\u2066\u2067\u2068\u2069", `\u2066\u2067\u2068\u2069`},
		{"byte that is not UTF-8", "a\xffb", `a\xffb`},
		{"replacement character stays", "a\ufffdb", "a\ufffdb"},
		{"backslash stays", `C:\x1b`, `C:\x1b`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Text(tc.in); got != tc.out {
				t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.out)
			}
		})
	}
}
