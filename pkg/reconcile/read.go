package reconcile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/importer"
)

// Problem is what is wrong with a cell of the export: its row (the
// header is row 1) and column.
type Problem struct {
	Row     int
	Column  string
	Message string
}

// Export is a device export read into devices.
type Export struct {
	Devices  []Device
	Columns  *Columns
	Warnings []string // about the file as a whole
}

// Users reports whether a column names the device's user.
func (e *Export) Users() bool {
	return e.Columns.Has(FieldEmail) || e.Columns.Has(FieldUser) || e.Columns.Has(FieldUserName)
}

// ReadExport turns a parsed export into devices, its columns found by
// MapHeaders. key is the field rows are matched on; dateFormat, when not
// "", is how its numeric dates are written. Blank rows are not devices.
// Every problem of every row comes back at once.
func ReadExport(t *importer.Table, key string, overrides []string, dateFormat string) (*Export, []Problem, error) {
	width := len(t.Header)
	for _, r := range t.Rows {
		width = max(width, len(r.Cells))
	}
	cols, skipped, err := MapHeaders(t.Header, width, overrides)
	if err != nil {
		return nil, nil, err
	}
	if !cols.Has(key) {
		return nil, nil, fmt.Errorf("the file has no %s column: say which it is, e.g. --map \"Serial Number=%s\" (the columns are %s)",
			key, key, strings.Join(t.Header, ", "))
	}
	e := &Export{Columns: cols}
	if unused := cols.Unused(skipped); len(unused) > 0 {
		e.Warnings = append(e.Warnings, "columns not used: "+strings.Join(unused, ", "))
	}
	var rows []importer.Row
	for _, r := range t.Rows {
		if !r.Blank() {
			rows = append(rows, r)
		}
	}
	// the first column of field with a value in the row
	first := func(r importer.Row, field string) string {
		for _, i := range cols.Indexes(field) {
			if v := clean(r.Cell(i)); v != "" {
				return v
			}
		}
		return ""
	}
	checkIns := make([]asset.Date, len(rows))
	var problems []Problem
	if idx := cols.Indexes(FieldLastCheckIn); len(idx) > 0 {
		values := make([]string, len(rows))
		for n, r := range rows {
			values[n] = first(r, FieldLastCheckIn)
		}
		dates, errs, err := CheckInDates(values, dateFormat)
		if err != nil {
			return nil, nil, fmt.Errorf("column %q: %v", cols.Header[idx[0]], err)
		}
		checkIns = dates
		for n := range rows {
			if err := errs[n]; err != nil {
				problems = append(problems, Problem{Row: rows[n].Number, Column: headerOf(cols, rows[n], FieldLastCheckIn),
					Message: err.Error() + ": write when it last checked in as a date (e.g. 2026-11-30), or leave it empty"})
			}
		}
	}
	statuses, _ := importer.NewStatusMap(nil)
	var unknownLabels []string
	e.Devices = make([]Device, 0, len(rows))
	for n, r := range rows {
		d := Device{Row: r.Number, Key: first(r, key), Name: first(r, FieldName), Model: first(r, FieldModel),
			Manufacturer: first(r, FieldManufacturer), LastCheckIn: checkIns[n]}
		if d.Name == "" {
			d.Name = d.Model
		}
		for _, f := range []string{FieldEmail, FieldUser, FieldUserName} {
			for _, i := range cols.Indexes(f) {
				if v := clean(r.Cell(i)); v != "" && !slices.Contains(d.Users, v) {
					d.Users = append(d.Users, v)
				}
			}
		}
		d.OS = osText(first(r, FieldOS), first(r, FieldOSVersion))
		if label := first(r, FieldStatus); label != "" {
			if st, err := statuses.State(label); err == nil {
				d.State = st
			} else if !slices.Contains(unknownLabels, label) {
				unknownLabels = append(unknownLabels, label)
			}
		}
		for _, c := range r.Cells {
			if strings.ContainsRune(c, importer.Unreadable) {
				problems = append(problems, Problem{Row: r.Number, Message: "the row holds bytes that are neither UTF-8 nor Windows-1252: save the file as UTF-8"})
				break
			}
		}
		e.Devices = append(e.Devices, d)
	}
	if len(unknownLabels) > 0 {
		e.Warnings = append(e.Warnings, fmt.Sprintf("status labels not known, so those devices' states were not compared: %s", strings.Join(unknownLabels, ", ")))
	}
	return e, problems, nil
}

// headerOf names the column of field that holds the row's value.
func headerOf(cols *Columns, r importer.Row, field string) string {
	idx := cols.Indexes(field)
	for _, i := range idx {
		if clean(r.Cell(i)) != "" {
			return cols.Header[i]
		}
	}
	return cols.Header[idx[0]]
}

// clean trims a cell, and drops what a spreadsheet adds to keep a value
// as text (a leading ').
func clean(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "'") && len(s) > 1 {
		s = strings.TrimSpace(s[1:])
	}
	return s
}

// osText is the OS as one string: "macOS" and "15.1.1" make
// "macOS 15.1.1"; a version the OS column already holds is not repeated.
func osText(os, version string) string {
	switch {
	case version == "":
		return os
	case os == "" || strings.Contains(strings.ToLower(os), strings.ToLower(version)):
		if os == "" {
			return version
		}
		return os
	}
	return os + " " + version
}
