package reconcile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/itrack/itrack/pkg/importer"
)

// Fields of a device export that reconcile reads: what --map puts a
// column in.
const (
	FieldSerial       = "serial"
	FieldID           = "id"   // the register's asset ID, as an asset tag
	FieldName         = "name" // the device's name in the tool
	FieldModel        = "model"
	FieldManufacturer = "manufacturer"
	FieldUser         = "user"      // a username or a person's ID
	FieldEmail        = "email"     // an email address or a UPN
	FieldUserName     = "user_name" // a person's full name
	FieldOS           = "os"
	FieldOSVersion    = "os_version"
	FieldLastCheckIn  = "last_check_in"
	FieldStatus       = "status" // a lifecycle label, as Snipe-IT writes it
	FieldSkip         = "-"
)

// Fields lists the fields --map takes, in the order the docs give them.
var Fields = []string{FieldSerial, FieldID, FieldName, FieldModel, FieldManufacturer, FieldUser, FieldEmail,
	FieldUserName, FieldOS, FieldOSVersion, FieldLastCheckIn, FieldStatus, FieldSkip}

// importFields are import's names for reconcile's fields, so that a --map
// written for import works here too.
var importFields = map[string]string{
	"checkout.username": FieldUser, "checkout.email": FieldEmail, "checkout.name": FieldUserName,
	"username": FieldUser, "user.name": FieldUserName, "os.version": FieldOSVersion, "os version": FieldOSVersion,
	"last_seen": FieldLastCheckIn, "last check-in": FieldLastCheckIn,
}

// fieldOf is the field a --map names, in reconcile's words or import's.
func fieldOf(s string) string {
	f := strings.ToLower(strings.TrimSpace(s))
	if name, ok := importFields[f]; ok {
		return name
	}
	return f
}

// Tool is a device management tool whose export reconcile reads without
// --map: the headers of its export, by the field each feeds.
type Tool struct {
	Name    string
	Headers []Header
}

// Header is one column of a tool's export, spelt as the tool writes it.
type Header struct {
	Name  string
	Field string
}

// Tools are the exports reconcile knows, with their headers as each tool
// spells them. docs/import.md gives the same tables.
var Tools = []Tool{
	{"Microsoft Intune", []Header{
		{"Device name", FieldName}, {"Serial number", FieldSerial}, {"Primary user UPN", FieldEmail},
		{"Primary user email address", FieldEmail}, {"Primary user display name", FieldUserName},
		{"OS", FieldOS}, {"OS version", FieldOSVersion}, {"Model", FieldModel}, {"Manufacturer", FieldManufacturer},
		{"Last check-in", FieldLastCheckIn},
	}},
	{"Jamf Pro", []Header{
		{"Computer Name", FieldName}, {"Serial Number", FieldSerial}, {"Asset Tag", FieldID}, {"Username", FieldUser},
		{"Full Name", FieldUserName}, {"Email Address", FieldEmail}, {"Operating System", FieldOS},
		{"Operating System Version", FieldOSVersion}, {"Model", FieldModel}, {"Make", FieldManufacturer},
		{"Last Check-in", FieldLastCheckIn},
	}},
	{"Kandji", []Header{
		{"Device Name", FieldName}, {"Serial Number", FieldSerial}, {"Asset Tag", FieldID}, {"Model", FieldModel},
		{"Platform", FieldOS}, {"OS Version", FieldOSVersion}, {"User Name", FieldUserName}, {"User Email", FieldEmail},
		{"Last Check In", FieldLastCheckIn},
	}},
	{"Google Workspace endpoints", []Header{
		{"Device Name", FieldName}, {"Name", FieldName}, {"Serial Number", FieldSerial}, {"Model", FieldModel},
		{"Brand", FieldManufacturer}, {"OS", FieldOS}, {"OS Version", FieldOSVersion}, {"Email", FieldEmail},
		{"User Email", FieldEmail}, {"Last Sync", FieldLastCheckIn},
	}},
	{"Snipe-IT", []Header{
		{"Asset Tag", FieldID}, {"Asset Name", FieldName}, {"Name", FieldName}, {"Serial", FieldSerial},
		{"Model", FieldModel}, {"Manufacturer", FieldManufacturer}, {"Checked Out To", FieldUserName},
		{"Checked Out To: Username", FieldUser}, {"Checked Out To: Email", FieldEmail}, {"Username", FieldUser},
		{"Email", FieldEmail}, {"Status", FieldStatus}, {"Status Label", FieldStatus},
	}},
	// the words a spreadsheet of devices uses, and what `itrack export`
	// writes
	{"any CSV", []Header{
		{"ID", FieldID}, {"Asset ID", FieldID}, {"Serial", FieldSerial}, {"SerialNumber", FieldSerial}, {"Serial No", FieldSerial}, {"S/N", FieldSerial},
		{"User", FieldUser}, {"Assigned To", FieldUserName}, {"Assigned User", FieldUserName},
		{"Primary User", FieldUserName}, {"User Principal Name", FieldEmail}, {"UPN", FieldEmail},
		{"Model Name", FieldModel}, {"Operating System Name", FieldOS}, {"Last Seen", FieldLastCheckIn}, {"Last Contact", FieldLastCheckIn},
	}},
}

// known maps a normalised header to its field.
var known = func() map[string]string {
	m := map[string]string{}
	for _, t := range Tools {
		for _, h := range t.Headers {
			if prev, dup := m[normalHeader(h.Name)]; dup && prev != h.Field {
				panic(fmt.Sprintf("reconcile: header %q means both %s and %s", h.Name, prev, h.Field))
			}
			m[normalHeader(h.Name)] = h.Field
		}
	}
	return m
}()

// normalHeader makes a header comparable, as import does.
var normalHeader = importer.NormalHeader

// Columns says which field each column of an export feeds.
type Columns struct {
	Header []string
	Field  []string // by column; "" for a column reconcile does not use
}

// Unused lists the columns reconcile does not read, by header ("column 7"
// for one without a name), leaving out those --map skipped.
func (c *Columns) Unused(skipped map[int]bool) []string {
	var out []string
	for i, f := range c.Field {
		if f != "" || skipped[i] {
			continue
		}
		name := strings.TrimSpace(c.Header[i])
		if name == "" {
			name = "column " + strconv.Itoa(i+1)
		}
		out = append(out, name)
	}
	return out
}

// Has reports whether a column feeds the field.
func (c *Columns) Has(field string) bool { return slices.Contains(c.Field, field) }

// Indexes are the columns that feed field, left to right.
func (c *Columns) Indexes(field string) []int {
	var out []int
	for i, f := range c.Field {
		if f == field {
			out = append(out, i)
		}
	}
	return out
}

// MapHeaders decides which field each column feeds: --map overrides first
// (COLUMN=FIELD, COLUMN a header or a column number from 1, FIELD "-" to
// skip the column), as import takes them, then the headers of the tools
// reconcile knows. width is the number of columns of the widest row. It
// also returns the columns --map skipped.
func MapHeaders(header []string, width int, overrides []string) (*Columns, map[int]bool, error) {
	width = max(width, len(header))
	c := &Columns{Header: make([]string, width), Field: make([]string, width)}
	copy(c.Header, header)
	for i, h := range c.Header {
		c.Field[i] = known[normalHeader(h)]
	}
	skipped := map[int]bool{}
	for _, o := range overrides {
		index, name, field, err := importer.ParseOverride(o, header, width, `--map "Computer Serial=serial" or --map "7=-" to skip column 7`, func(field string) error {
			if !slices.Contains(Fields, fieldOf(field)) {
				return fmt.Errorf("reconcile has no field %q: use one of %s", fieldOf(field), strings.Join(Fields, ", "))
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		field = fieldOf(field)
		cols := []int{index}
		if index < 0 {
			cols = nil
			for i, h := range header {
				if normalHeader(h) == name {
					cols = append(cols, i)
				}
			}
		}
		for _, i := range cols {
			if field == FieldSkip {
				c.Field[i] = ""
				skipped[i] = true
				continue
			}
			c.Field[i] = field
			delete(skipped, i)
		}
	}
	return c, skipped, nil
}
