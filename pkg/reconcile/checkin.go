package reconcile

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/importer"
)

// Tools write when a device last checked in in many ways: Intune
// "2026-11-30 09:12:44" or "11/30/2026 9:12:44 AM", Jamf
// "2026-11-30 at 9:12 AM", Kandji and the APIs "2026-11-30T09:12:44.123Z",
// Google "Nov 30, 2026, 9:12:44 AM". reconcile keeps the day.

// timeOfDay is a time after a date, with seconds, fractions, AM/PM and a
// zone or offset, each optional.
var timeOfDay = regexp.MustCompile(`(?i)^(.+?)(?:T|\s+at\s+|\s+|,\s*)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AP]\.?M\.?)?\s*(?:Z|UTC|GMT|[A-Z]{3,4}|[+-]\d{2}(?::?\d{2})?)?$`)

// namedMonth is a date with its month in words: "Nov 30, 2026",
// "30 Nov 2026", "30-Nov-2026", "November 30 2026".
var (
	monthFirst = regexp.MustCompile(`^([A-Za-z]+)\.?[\s-]+(\d{1,2}),?[\s-]+(\d{4})$`)
	dayFirst   = regexp.MustCompile(`^(\d{1,2})[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})$`)
)

// noCheckIn are what tools write for a device that never checked in.
var noCheckIn = map[string]bool{"": true, "never": true, "-": true, "--": true, "n/a": true, "na": true, "none": true, "null": true}

// dayOf drops the time of day and a leading weekday ("Mon, ").
func dayOf(s string) string {
	s = strings.TrimSpace(s)
	if m := timeOfDay.FindStringSubmatch(s); m != nil {
		s = strings.TrimSpace(m[1])
	}
	s = strings.TrimSuffix(s, ",")
	if i := strings.Index(s, ", "); i == 3 && monthNumber(s[:i]) == 0 {
		s = s[i+2:] // "Mon, 30 Nov 2026"
	}
	return s
}

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

// namedDate reads a date with its month in words; ok is false when s is
// not written so.
func namedDate(s string) (d asset.Date, ok bool, err error) {
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

// CheckInDates reads a column of check-in times: dates with their month
// in words, ISO dates, and other numeric dates in one form for the column
// (the form format names, else the one that reads the most of them, as
// import finds it). A cell that says the device never checked in gives the zero
// date. errs holds, by index, why a cell is not a date; err is for the
// whole column.
func CheckInDates(values []string, format string) (dates []asset.Date, errs map[int]error, err error) {
	dates = make([]asset.Date, len(values))
	errs = map[int]error{}
	days := make([]string, len(values))
	var numeric []string
	for i, v := range values {
		days[i] = dayOf(v)
		if noCheckIn[strings.ToLower(days[i])] {
			continue
		}
		d, named, nerr := namedDate(days[i])
		switch {
		case nerr != nil:
			errs[i] = nerr
		case named:
			dates[i] = d
		default:
			if d, err := importer.ParseDateIn(importer.DateFormat{}, days[i]); err == nil {
				dates[i] = d // ISO, whatever form the others take
				continue
			}
			numeric = append(numeric, days[i])
		}
	}
	if len(numeric) == 0 {
		return dates, errs, nil
	}
	var f importer.DateFormat
	if format != "" {
		if f, err = importer.ParseDateFormat(format); err != nil {
			return nil, nil, err
		}
	} else if readsAny(numeric) {
		if f, err = importer.DetectDateFormat(numeric); err != nil {
			return nil, nil, err
		}
	} else {
		f = importer.DateFormats[0] // none is a date: each cell says why
	}
	for i, day := range days {
		if noCheckIn[strings.ToLower(day)] || !dates[i].IsZero() || errs[i] != nil {
			continue
		}
		d, perr := importer.ParseDateIn(f, day)
		if perr != nil {
			errs[i] = perr
			continue
		}
		dates[i] = d
	}
	return dates, errs, nil
}

// readsAny reports whether some form reads one of the values as a date.
func readsAny(values []string) bool {
	for _, f := range importer.DateFormats {
		for _, v := range values {
			if _, err := f.Parse(v); err == nil {
				return true
			}
		}
	}
	return false
}
