package reconcile

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/importer"
)

// Every tool's headers feed the fields its table says, whatever their
// case and punctuation.
func TestToolHeaders(t *testing.T) {
	for _, tool := range Tools {
		for _, h := range tool.Headers {
			for _, spelling := range []string{h.Name, strings.ToUpper(h.Name), " " + strings.ReplaceAll(h.Name, " ", "_") + " "} {
				cols, _, err := MapHeaders([]string{spelling}, 1, nil)
				if err != nil || cols.Field[0] != h.Field {
					t.Errorf("%s %q: field %q, %v; want %q", tool.Name, spelling, cols.Field[0], err, h.Field)
				}
			}
		}
	}
}

func TestMapHeaders(t *testing.T) {
	header := []string{"Device ID", "Serial number", "Computer Serial", "Owner", "Compliance"}
	cols, skipped, err := MapHeaders(header, 6, []string{"Computer Serial=serial", "Serial number=-", "owner=checkout.email", "6=os"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"", "", FieldSerial, FieldEmail, "", FieldOS}
	if !reflect.DeepEqual(cols.Field, want) {
		t.Errorf("fields %q, want %q", cols.Field, want)
	}
	if got := cols.Unused(skipped); !reflect.DeepEqual(got, []string{"Device ID", "Compliance"}) {
		t.Errorf("unused %q", got)
	}
	for _, tc := range []struct{ override, err string }{
		{"serial", `--map "serial": write COLUMN=FIELD, e.g. --map "Computer Serial=serial" or --map "7=-" to skip column 7`},
		{"Owner=purchase.cost", `--map "Owner=purchase.cost": reconcile has no field "purchase.cost": use one of serial, id, name, model, manufacturer, user, email, user_name, os, os_version, last_check_in, status, -`},
		{"9=serial", `--map "9=serial": the file has columns 1 to 6`},
		{"Nope=serial", `--map "Nope=serial": no column is named "Nope" (the columns are Device ID, Serial number, Computer Serial, Owner, Compliance)`},
	} {
		if _, _, err := MapHeaders(header, 6, []string{tc.override}); err == nil || err.Error() != tc.err {
			t.Errorf("--map %q: error %v, want %s", tc.override, err, tc.err)
		}
	}
}

func TestCheckInDates(t *testing.T) {
	d := asset.NewDate
	for _, tc := range []struct {
		name   string
		values []string
		format string
		want   []asset.Date
		errs   map[int]string
		err    string
	}{
		{name: "Intune, ISO with seconds", values: []string{"2026-11-30 09:12:44", "2026-11-02 17:01:09"}, want: []asset.Date{d(2026, 11, 30), d(2026, 11, 2)}},
		{name: "Intune, US with AM/PM", values: []string{"11/30/2026 9:12:44 AM", "11/2/2026 5:01:09 PM"}, want: []asset.Date{d(2026, 11, 30), d(2026, 11, 2)}},
		{name: "Jamf's at", values: []string{"2026-11-30 at 9:12 AM", "Never", ""}, want: []asset.Date{d(2026, 11, 30), {}, {}}},
		{name: "Kandji and APIs", values: []string{"2026-11-30T09:12:44.123456Z", "2026-11-29T23:59:59+01:00", "2026-11-28 10:00:00.5 +0000"},
			want: []asset.Date{d(2026, 11, 30), d(2026, 11, 29), d(2026, 11, 28)}},
		{name: "Google's month in words", values: []string{"Nov 30, 2026, 9:12:44 AM", "2 November 2026", "Mon, 30 Nov 2026 09:12:44 GMT", "30-Sept-2026"},
			want: []asset.Date{d(2026, 11, 30), d(2026, 11, 2), d(2026, 11, 30), d(2026, 9, 30)}},
		{name: "ISO beside another form", values: []string{"2026-11-30 09:12:44", "11/30/2026 5:01:09 PM"}, want: []asset.Date{d(2026, 11, 30), d(2026, 11, 30)}},
		{name: "European, said", values: []string{"01/02/2026 10:00"}, format: "DD/MM/YYYY", want: []asset.Date{d(2026, 2, 1)}},
		{name: "ambiguous", values: []string{"01/02/2026 10:00"}, err: "the dates (e.g. 01/02/2026) could be MM/DD/YYYY or DD/MM/YYYY: say which with --date-format MM/DD/YYYY"},
		{name: "a bad cell among good ones", values: []string{"2026-11-30", "yesterday", "Foo 3, 2026", "Feb 30, 2026", "2026-02-30"},
			want: []asset.Date{d(2026, 11, 30), {}, {}, {}, {}},
			errs: map[int]string{
				1: `"yesterday" is not written YYYY-MM-DD`,
				2: `"Foo 3, 2026" is not a date: "Foo" is not a month`,
				3: `"Feb 30, 2026" is not a date: February 2026 has 28 days`,
				4: `invalid date "2026-02-30": February 2026 has 28 days`,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, errs, err := CheckInDates(tc.values, tc.format)
			if tc.err != "" || err != nil {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("error %v, want %s", err, tc.err)
				}
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("dates %v, want %v", got, tc.want)
			}
			gotErrs := map[int]string{}
			for i, e := range errs {
				gotErrs[i] = e.Error()
			}
			if len(gotErrs) > 0 || len(tc.errs) > 0 {
				if !reflect.DeepEqual(gotErrs, tc.errs) {
					t.Errorf("errors %v, want %v", gotErrs, tc.errs)
				}
			}
		})
	}
}

func TestReadExport(t *testing.T) {
	table, err := importer.Parse("Device name,Serial number,Primary user UPN,Primary user email address,OS,OS version,Last check-in,Ownership,,Compliance\n" +
		"MAC-1,C02X,,alice@example.com,macOS,15.1.1,11/30/2026 9:12:44 AM,Corporate,,Compliant\n" +
		",,,,,,,,,\n" +
		"PC-2,,bob@corp.onmicrosoft.com,bob@example.com,Windows,10.0.22631.4460,13/45/2026 1:00:00 PM,Corporate,x,Compliant\n")
	if err != nil {
		t.Fatal(err)
	}
	e, problems, err := ReadExport(table, BySerial, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []Device{
		{Row: 2, Key: "C02X", Name: "MAC-1", Users: []string{"alice@example.com"}, OS: "macOS 15.1.1", LastCheckIn: asset.NewDate(2026, 11, 30)},
		{Row: 4, Key: "", Name: "PC-2", Users: []string{"bob@corp.onmicrosoft.com", "bob@example.com"}, OS: "Windows 10.0.22631.4460"},
	}
	if !reflect.DeepEqual(e.Devices, want) {
		t.Errorf("devices\n%#v\nwant\n%#v", e.Devices, want)
	}
	if want := []string{"columns not used: Ownership, column 9, Compliance"}; !reflect.DeepEqual(e.Warnings, want) {
		t.Errorf("warnings %q", e.Warnings)
	}
	wantProblems := []Problem{{Row: 4, Column: "Last check-in", Message: `invalid date "13/45/2026": read as MM/DD/YYYY, there is no month 13: write when it last checked in as a date (e.g. 2026-11-30), or leave it empty`}}
	if !reflect.DeepEqual(problems, wantProblems) {
		t.Errorf("problems %#v", problems)
	}
	if _, _, err := ReadExport(table, ByID, nil, ""); err == nil || !strings.HasPrefix(err.Error(), `the file has no id column: say which it is, e.g. --map "Serial Number=id"`) {
		t.Errorf("no id column: %v", err)
	}
}

// FuzzReadExport: whatever the file holds, reading it as an export gives
// devices, problems or an error, never a panic, and every problem names a
// row of the file.
func FuzzReadExport(f *testing.F) {
	f.Add("Serial number,Last check-in,OS,OS version\nC02X,11/30/2026 9:12:44 AM,macOS,15.1\n", "")
	f.Add("Serial Number,Last Sync\nX,\"Nov 31, 2026, 9:12 AM\"\n", "")
	f.Add("Serial,Status\nX,Deployed\nY,Approved\n", "DD/MM/YY")
	f.Add("Last check-in\n2026-13-01\n", "")
	f.Fuzz(func(t *testing.T, text, format string) {
		table, err := importer.Parse(text)
		if err != nil {
			return
		}
		e, problems, err := ReadExport(table, BySerial, []string{"1=serial"}, format)
		if err != nil {
			return
		}
		for _, p := range problems {
			if p.Row < 2 || p.Message == "" {
				t.Fatalf("problem %#v", p)
			}
		}
		for _, d := range e.Devices {
			_ = sameOS("macOS 15", d.OS)
		}
	})
}

// docs/import.md lists the headers of each tool as Tools has them, so that
// what the docs promise is what reconcile reads.
func TestDocsListTheToolsHeaders(t *testing.T) {
	data, err := os.ReadFile("../../docs/import.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	start := strings.Index(doc, "<!-- reconcile-tools:")
	end := strings.Index(doc, "<!-- end reconcile-tools -->")
	if start < 0 || end < start {
		t.Fatal("docs/import.md has no reconcile-tools table")
	}
	table := doc[start:end]
	table = table[strings.Index(table, "\n")+1:]
	want := "| tool | columns read, and the field each feeds |\n|---|---|\n"
	for _, tool := range Tools {
		var cols []string
		for _, h := range tool.Headers {
			cols = append(cols, fmt.Sprintf("%s (%s)", h.Name, h.Field))
		}
		want += fmt.Sprintf("| %s | %s |\n", tool.Name, strings.Join(cols, ", "))
	}
	if table != want {
		t.Errorf("docs/import.md's reconcile-tools table is\n%s\nwant\n%s", table, want)
	}
}

// Whatever a check-in cell holds, reading it neither panics nor makes a
// date that does not exist: it is a real day, or an error, or "never".
func FuzzCheckInDates(f *testing.F) {
	for _, s := range []string{"2026-11-30 09:12:44", "11/30/2026 9:12:44 AM", "2026-11-30 at 9:12 AM",
		"2026-11-30T09:12:44.123Z", "Nov 30, 2026, 9:12:44 AM", "Mon, 30 Nov 2026", "Never", "31/02/2026", "Feb 30, 2026"} {
		f.Add(s, "")
		f.Add(s, "DD/MM/YYYY")
	}
	f.Fuzz(func(t *testing.T, cell, format string) {
		dates, errs, err := CheckInDates([]string{cell, "2026-01-02"}, format)
		if err != nil {
			return
		}
		if len(dates) != 2 || dates[1] != asset.NewDate(2026, 1, 2) {
			t.Fatalf("%q: the ISO date beside it read as %v", cell, dates)
		}
		if d := dates[0]; !d.IsZero() {
			if errs[0] != nil {
				t.Fatalf("%q: both a date %v and an error %v", cell, d, errs[0])
			}
			if back, perr := asset.ParseDate(d.String()); perr != nil || back != d {
				t.Fatalf("%q: read as %v, which is not a day", cell, d)
			}
		}
	})
}
