package reconcile

import (
	"strings"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/importer"
)

// noCheckIn are what tools write for a device that never checked in.
var noCheckIn = map[string]bool{"": true, "never": true, "-": true, "--": true, "n/a": true, "na": true, "none": true, "null": true}

// CheckInDates reads a column of check-in times, as import reads dates
// (importer.DateOnly drops the time of day): dates with their month in
// words, ISO dates, and other numeric dates in one form for the column
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
		days[i] = importer.DateOnly(v) // the day, however the tool writes the time
		if noCheckIn[strings.ToLower(days[i])] {
			continue
		}
		d, named, nerr := importer.ParseWordDate(days[i])
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
