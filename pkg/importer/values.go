package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/itrack/itrack/pkg/asset"
)

// DateFormat is a way spreadsheets write dates.
type DateFormat struct {
	Name  string // as --date-format takes it: DD/MM/YYYY
	order string // "ymd", "mdy" or "dmy"
	sep   string
	short bool // two-digit years
}

// DateFormats are the forms import understands.
var DateFormats = []DateFormat{
	{"YYYY-MM-DD", "ymd", "-", false},
	{"YYYY/MM/DD", "ymd", "/", false},
	{"MM/DD/YYYY", "mdy", "/", false},
	{"DD/MM/YYYY", "dmy", "/", false},
	{"MM/DD/YY", "mdy", "/", true},
	{"DD/MM/YY", "dmy", "/", true},
	{"DD.MM.YYYY", "dmy", ".", false},
	{"DD.MM.YY", "dmy", ".", true},
	{"MM-DD-YYYY", "mdy", "-", false},
	{"DD-MM-YYYY", "dmy", "-", false},
}

// ParseDateFormat reads a --date-format value.
func ParseDateFormat(s string) (DateFormat, error) {
	for _, f := range DateFormats {
		if strings.EqualFold(f.Name, s) {
			return f, nil
		}
	}
	names := make([]string, len(DateFormats))
	for i, f := range DateFormats {
		names[i] = f.Name
	}
	return DateFormat{}, fmt.Errorf("unknown date format %q: use one of %s", s, strings.Join(names, ", "))
}

// Parse reads a date in this format; months and days may have one digit.
// Two-digit years are 2000–2068 below 69 and 1969–1999 from 69 on, as
// POSIX strptime reads them.
func (f DateFormat) Parse(s string) (asset.Date, error) {
	parts := strings.Split(strings.TrimSpace(s), f.sep)
	if len(parts) != 3 {
		return asset.Date{}, fmt.Errorf("%q is not written %s", s, f.Name)
	}
	var y, m, d string
	switch f.order {
	case "ymd":
		y, m, d = parts[0], parts[1], parts[2]
	case "mdy":
		m, d, y = parts[0], parts[1], parts[2]
	default:
		d, m, y = parts[0], parts[1], parts[2]
	}
	if (f.short && len(y) != 2) || (!f.short && len(y) != 4) || len(m) < 1 || len(m) > 2 || len(d) < 1 || len(d) > 2 {
		return asset.Date{}, fmt.Errorf("%q is not written %s", s, f.Name)
	}
	year, err1 := strconv.Atoi(y)
	if f.short && err1 == nil {
		if year < 69 {
			year += 2000
		} else {
			year += 1900
		}
	}
	month, err2 := strconv.Atoi(m)
	day, err3 := strconv.Atoi(d)
	if err1 != nil || err2 != nil || err3 != nil || year < 0 || month < 0 || day < 0 {
		return asset.Date{}, fmt.Errorf("%q is not written %s", s, f.Name)
	}
	// the cell is quoted as the file has it: 13/01/23 is what a person
	// can find in the spreadsheet, 2023-13-01 is not
	switch {
	case year < 1:
		return asset.Date{}, fmt.Errorf("invalid date %q: read as %s, the year must be 0001 or later", s, f.Name)
	case month < 1 || month > 12:
		return asset.Date{}, fmt.Errorf("invalid date %q: read as %s, there is no month %d", s, f.Name, month)
	}
	if n := asset.DaysIn(year, time.Month(month)); day < 1 || day > n {
		return asset.Date{}, fmt.Errorf("invalid date %q: read as %s, %s %d has %d days", s, f.Name, time.Month(month), year, n)
	}
	return asset.NewDate(year, time.Month(month), day), nil
}

// DetectDateFormat finds the format in which a column's values are dates:
// the one that reads the most of them (the rest are then errors of their
// rows). It fails when none reads any, or when several read as many (1/2/2024
// may be the 1st of February or the 2nd of January), showing examples.
func DetectDateFormat(values []string) (DateFormat, error) {
	values = slices.Clone(values)
	for i, v := range values {
		values[i] = DateOnly(v)
		if _, words, _ := ParseWordDate(values[i]); words {
			values[i] = "" // any form reads it
		}
	}
	var examples []string
	for _, v := range values {
		if strings.TrimSpace(v) != "" && len(examples) < 3 {
			examples = append(examples, v)
		}
	}
	if len(examples) == 0 {
		return DateFormats[0], nil
	}
	best, bestN := []DateFormat{}, 0
	for _, f := range DateFormats {
		n := 0
		for _, v := range values {
			if _, err := f.Parse(v); strings.TrimSpace(v) != "" && err == nil {
				n++
			}
		}
		switch {
		case n > bestN:
			best, bestN = []DateFormat{f}, n
		case n == bestN && n > 0:
			best = append(best, f)
		}
	}
	switch len(best) {
	case 1:
		return best[0], nil
	case 0:
		return DateFormat{}, fmt.Errorf("the dates (e.g. %s) are in no form itrack knows: give --date-format (e.g. DD/MM/YYYY), or fix them", strings.Join(examples, ", "))
	}
	names := make([]string, len(best))
	for i, f := range best {
		names[i] = f.Name
	}
	return DateFormat{}, fmt.Errorf("the dates (e.g. %s) could be %s: say which with --date-format %s", strings.Join(examples, ", "), strings.Join(names, " or "), best[0].Name)
}

// ParseDateIn reads a date in format f, or in ISO form or with its month
// in words, which are never ambiguous.
func ParseDateIn(f DateFormat, s string) (asset.Date, error) {
	s = DateOnly(s)
	if d, err := DateFormats[0].Parse(s); err == nil {
		return d, nil
	}
	if d, ok, err := ParseWordDate(s); ok {
		return d, err
	}
	if f.Name == "" {
		return asset.Date{}, fmt.Errorf("%q is not a date", s)
	}
	d, err := f.Parse(s)
	if iso := strings.TrimSpace(s); err != nil && len(iso) == 10 && iso[4] == '-' && iso[7] == '-' {
		return asset.ParseDate(iso) // say why an ISO date is impossible
	}
	return d, err
}

// Tools write a time after the date in many ways: identity providers and
// Intune "2026-11-30T09:12:44.000Z" or "11/30/2026, 9:12:44 AM", Jamf
// "2026-11-30 at 9:12 AM", Google "Nov 30, 2026, 9:12:44 AM", mail
// "Mon, 30 Nov 2026 09:12 GMT". The register keeps days.

// timeOfDay is a time after a date, with seconds, fractions, AM/PM and a
// zone or offset, each optional.
var timeOfDay = regexp.MustCompile(`(?i)^(.+?)(?:T|\s+at\s+|\s+|,\s*)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AP]\.?M\.?)?\s*(?:Z|UTC|GMT|[A-Z]{3,4}|[+-]\d{2}(?::?\d{2})?)?$`)

// DateOnly drops the time of day, and a leading weekday ("Mon, "), from a
// date cell.
func DateOnly(s string) string {
	s = strings.TrimSpace(s)
	if m := timeOfDay.FindStringSubmatch(s); m != nil {
		s = strings.TrimSpace(m[1])
	}
	s = strings.TrimSuffix(s, ",")
	if i := strings.Index(s, ", "); i == 3 && monthNumber(s[:i]) == 0 {
		s = s[i+2:]
	}
	return s
}

// A date with its month in words: "Nov 30, 2026", "30 Nov 2026",
// "30-Nov-2026", "November 30 2026". It is never ambiguous.
var (
	monthFirst = regexp.MustCompile(`^([A-Za-z]+)\.?[\s-]+(\d{1,2}),?[\s-]+(\d{4})$`)
	dayFirst   = regexp.MustCompile(`^(\d{1,2})[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})$`)
)

func monthNumber(word string) time.Month {
	w := strings.ToLower(word)
	if len(w) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), w) {
			return m
		}
	}
	if w == "sept" {
		return time.September
	}
	return 0
}

// ParseWordDate reads a date with its month in words; ok is false when s
// is not written so, and err says why one that is cannot be a date.
func ParseWordDate(s string) (d asset.Date, ok bool, err error) {
	var mon, day, year string
	if m := monthFirst.FindStringSubmatch(s); m != nil {
		mon, day, year = m[1], m[2], m[3]
	} else if m := dayFirst.FindStringSubmatch(s); m != nil {
		day, mon, year = m[1], m[2], m[3]
	} else {
		return asset.Date{}, false, nil
	}
	month := monthNumber(mon)
	if month == 0 {
		return asset.Date{}, true, fmt.Errorf("%q is not a date: %q is not a month", s, mon)
	}
	y, _ := strconv.Atoi(year)
	n, _ := strconv.Atoi(day)
	if y < 1 || n < 1 || n > asset.DaysIn(y, month) {
		return asset.Date{}, true, fmt.Errorf("%q is not a date: %s %d has %d days", s, month, y, asset.DaysIn(max(y, 1), month))
	}
	return asset.NewDate(y, month, n), true, nil
}

var currencySymbols = map[string]string{"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}

var moneyChars = regexp.MustCompile(`^[0-9.,' ]+$`)

// ParseAmount reads money as spreadsheets write it: $1,249.00, 1.249,00 €,
// 1249 GBP. It returns the amount in itrack's form (1249.00, with the
// currency when it is not the register's).
func ParseAmount(s, registerCurrency string) (string, error) {
	text := strings.TrimSpace(s)
	currency := ""
	for sym, code := range currencySymbols {
		if strings.Contains(text, sym) {
			currency = code
			text = strings.ReplaceAll(text, sym, "")
		}
	}
	fields := strings.Fields(text)
	var rest []string
	for _, f := range fields {
		if len(f) == 3 && strings.ToUpper(f) == f && f[0] >= 'A' && f[0] <= 'Z' {
			currency = f
			continue
		}
		rest = append(rest, f)
	}
	text = strings.Join(rest, "")
	if strings.HasPrefix(text, "-") || strings.HasPrefix(text, "(") {
		return "", fmt.Errorf("%q is negative: amounts cannot be", s)
	}
	if !moneyChars.MatchString(text) {
		return "", fmt.Errorf("%q is not an amount: write digits with an optional decimal point, e.g. 1249.00", s)
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, " ", ""), "'", "")
	lastDot, lastComma := strings.LastIndex(text, "."), strings.LastIndex(text, ",")
	switch {
	case lastDot >= 0 && lastComma >= 0: // both: the last one is the decimal point
		if lastComma > lastDot {
			text = strings.ReplaceAll(text, ".", "")
			text = strings.Replace(text, ",", ".", 1)
		} else {
			text = strings.ReplaceAll(text, ",", "")
		}
	case lastComma >= 0:
		// 1,249 and 1,249,000 are thousands; 12,50 is a decimal comma
		if groups := strings.Split(text, ","); len(groups[len(groups)-1]) == 3 && len(groups) > 1 {
			text = strings.ReplaceAll(text, ",", "")
		} else if len(groups) == 2 {
			text = strings.Replace(text, ",", ".", 1)
		} else {
			return "", fmt.Errorf("%q is not an amount", s)
		}
	case strings.Count(text, ".") > 1:
		text = strings.ReplaceAll(text, ".", "") // 1.249.000
	}
	if currency == registerCurrency {
		currency = ""
	}
	out := text
	if currency != "" {
		out += " " + currency
	}
	if _, err := asset.ParseMoney(out); err != nil {
		return "", err
	}
	return out, nil
}

var mangled = regexp.MustCompile(`^[0-9](\.[0-9]+)?[eE]\+[0-9]+$`)

// Mangled reports a value a spreadsheet turned into a rounded number
// (6.37702E+15): the digits it stood for are lost.
func Mangled(s string) bool {
	return mangled.MatchString(strings.TrimSpace(s))
}

var slugStrip = regexp.MustCompile(`[^a-z0-9._-]+`)

// Slug makes an ID from a name: Figma Professional → figma-professional.
func Slug(name string) string {
	s := slugStrip.ReplaceAllString(strings.ToLower(strings.TrimSpace(name)), "-")
	s = strings.Trim(s, "-._")
	if len(s) > 100 {
		s = strings.TrimRight(s[:100], "-._")
	}
	return s
}
