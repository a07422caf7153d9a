package importer

import (
	"strings"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

func TestParseAmount(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"1249.00", "1249.00", ""},
		{"$12.58", "12.58 USD", ""},
		{"£1,249.00", "1249.00", ""}, // the register is in GBP
		{"1.249,50 €", "1249.50 EUR", ""},
		{"1,249", "1249", ""},
		{"12,50", "12.50", ""},
		{"1 249,00", "1249.00", ""},
		{"2300.71 USD", "2300.71 USD", ""},
		{"-5.00", "", "negative"},
		{"abc", "", "not an amount"},
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.in, "GBP")
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: err %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%q = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestDetectDateFormat(t *testing.T) {
	tests := []struct {
		values []string
		want   string
		err    string
	}{
		{[]string{"2024-01-01", "2023-12-31"}, "YYYY-MM-DD", ""},
		{[]string{"1/23/23", "11/14/22", ""}, "MM/DD/YY", ""},
		{[]string{"11/24/2008", "02/26/2016"}, "MM/DD/YYYY", ""},
		{[]string{"24/11/2008", "26/02/2016"}, "DD/MM/YYYY", ""},
		{[]string{"01/02/2024", "03/04/2024"}, "", "--date-format"},
		{[]string{"next tuesday"}, "", "no form"},
		{[]string{"31.12.2024"}, "DD.MM.YYYY", ""},
	}
	for _, tt := range tests {
		f, err := DetectDateFormat(tt.values)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%v: err %v, want %q", tt.values, err, tt.err)
			}
			continue
		}
		if err != nil || f.Name != tt.want {
			t.Errorf("%v = %s, %v; want %s", tt.values, f.Name, err, tt.want)
		}
	}
	f, _ := ParseDateFormat("MM/DD/YY")
	if d, err := f.Parse("1/23/69"); err != nil || d.String() != "1969-01-23" {
		t.Errorf("1/23/69 = %s %v, want 1969-01-23", d, err)
	}
	if d, err := f.Parse("2/29/23"); err == nil {
		t.Errorf("2/29/23 = %s, want an error: 2023 is not a leap year", d)
	}
}

func TestMangled(t *testing.T) {
	for s, want := range map[string]bool{"6.37702E+15": true, "3.01043E+13": true, "1786VM80X07": false, "12345": false} {
		if Mangled(s) != want {
			t.Errorf("Mangled(%q) = %v", s, !want)
		}
	}
}

// A date that does not exist is quoted as the cell has it, with the form
// it was read in, so a person can find it in the spreadsheet.
func TestParseDateInQuotesTheCell(t *testing.T) {
	tests := []struct{ format, in, err string }{
		{"MM/DD/YY", "13/01/23", `invalid date "13/01/23": read as MM/DD/YY, there is no month 13`},
		{"MM/DD/YY", "2/30/25", `invalid date "2/30/25": read as MM/DD/YY, February 2025 has 28 days`},
		{"DD.MM.YYYY", "31.4.2024", `invalid date "31.4.2024": read as DD.MM.YYYY, April 2024 has 30 days`},
		{"DD/MM/YYYY", "1/1/0000", `invalid date "1/1/0000": read as DD/MM/YYYY, the year must be 0001 or later`},
		{"DD-MM-YYYY", "30-02-2024", `invalid date "30-02-2024": read as DD-MM-YYYY, February 2024 has 29 days`},
		{"DD/MM/YYYY", "2024-02-30", `invalid date "2024-02-30": February 2024 has 29 days`},
	}
	for _, tt := range tests {
		f, err := ParseDateFormat(tt.format)
		if err != nil {
			t.Fatal(err)
		}
		if d, err := ParseDateIn(f, tt.in); err == nil || err.Error() != tt.err {
			t.Errorf("%s %q = %s, %v; want %s", tt.format, tt.in, d, err, tt.err)
		}
	}
}

func TestDateOnlyDropsTheTimeOfDay(t *testing.T) {
	for in, want := range map[string]string{
		"2026-11-30T09:12:44.000Z":  "2026-11-30",
		"2026/11/30 09:12:44":       "2026/11/30",
		"11/30/2026, 9:12:44 AM":    "11/30/2026",
		"30.11.2026 17:05":          "30.11.2026",
		"2026-11-30T09:12:44+01:00": "2026-11-30",
		"2026-11-30":                "2026-11-30",
		"Never logged in":           "Never logged in",
	} {
		if got := DateOnly(in); got != want {
			t.Errorf("DateOnly(%q) = %q, want %q", in, got, want)
		}
	}
}

// Import reads dates as the tools around it write them, with the month in
// words and a time of day after the date: reconcile reads check-ins the
// same way.
func TestParseDateInReadsMonthsInWordsAndTimes(t *testing.T) {
	want := asset.NewDate(2026, 11, 30)
	for _, s := range []string{"Nov 30, 2026, 9:12:44 AM", "Mon, 30 Nov 2026 09:12 GMT", "30-Nov-2026", "November 30 2026",
		"2026-11-30 at 9:12 AM", "2026-11-30T09:12:44.123Z", "11/30/2026 9:12:44 A.M."} {
		f, err := DetectDateFormat([]string{s})
		if err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		if d, err := ParseDateIn(f, s); err != nil || d != want {
			t.Errorf("ParseDateIn(%s, %q) = %v, %v; want %v", f.Name, s, d, err, want)
		}
	}
	if _, err := ParseDateIn(DateFormat{}, "Feb 30, 2026"); err == nil || !strings.Contains(err.Error(), "February 2026 has 28 days") {
		t.Errorf("Feb 30: %v", err)
	}
}
