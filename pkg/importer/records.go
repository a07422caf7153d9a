package importer

import (
	"cmp"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/safe"
)

// Options say how to read a file.
type Options struct {
	Kind       asset.Kind
	People     bool   // the file lists people (Snipe-IT's user export)
	DateFormat string // "" to detect per column
	Currency   string // the register's
	Config     *asset.Config
	Today      asset.Date
	// Exported is the day the file was taken from the system it comes
	// from (zero: Today): a holder or status it gives replaces the
	// register's only when the register knows of nothing on or after it.
	Exported asset.Date
	Statuses StatusMap // nil: the default table
	Step     func()    // called once a record is planned (a progress bar); may be nil
}

// exported is the day the file speaks of.
func (o Options) exported() asset.Date {
	if o.Exported.IsZero() {
		return o.Today
	}
	return o.Exported
}

// Problem is an error or warning about a row, or the file when Row is 0.
type Problem struct {
	Row     int
	Column  string
	Message string
	// Group, when set, is what problems alike say together, with %s for
	// the first one's Value: Collapse writes them as one line.
	Group string
	Value string
}

// String writes the problem as FILE:ROW: column "Header": message.
func (p Problem) String(file string) string {
	return p.Format(file, "")
}

// Format writes the problem with a severity after its location
// ("warning").
func (p Problem) Format(file, severity string) string {
	where := file
	if p.Row > 0 {
		where = fmt.Sprintf("%s:%d", file, p.Row)
	}
	if severity != "" {
		where += ": " + severity
	}
	if p.Column != "" {
		return fmt.Sprintf("%s: column %q: %s", where, p.Column, p.Message)
	}
	return fmt.Sprintf("%s: %s", where, p.Message)
}

// Record is what one or more rows say about one asset or person.
type Record struct {
	Rows    []int
	ID      string // "" when the file gives none
	Values  []asset.KV
	Holders []Holder   // people the asset (or a licence's seats) is checked out to
	Events  []asset.KV // history entries, as JSON, from an export
	Status  *Status    // what a status column says, when it has a value
	// Disabled is set for a person whose account the identity provider
	// has disabled, suspended or deleted: the day it was last used, when
	// the file says.
	Disabled *Disabled
	columns  map[string]string // field path → header, for messages
	// badID is set when the ID cell was refused: the row has its error
	// already, and "no ID" would be a second, wrong one
	badID bool
}

// Holder is a person a row checks an asset out to.
type Holder struct {
	ID, Name, Email string
	Date            asset.Date
	Row             int
}

// Status is a status cell and the state it stands for.
type Status struct {
	Label  string
	State  asset.State
	Column string
	Row    int
}

// Disabled is what an identity provider says of an account that is no
// longer in use.
type Disabled struct {
	Label      string // the status cell, or "disabled" for accountEnabled False
	LastSignIn asset.Date
}

// disabledAccount are the account states, normalised, of someone who can
// no longer sign in: Okta's, Google Workspace's and the common words.
var disabledAccount = map[string]bool{
	"deprovisioned": true, "deactivated": true, "suspended": true, "disabled": true,
	"deleted": true, "archived": true, "inactive": true, "terminated": true,
}

// Value returns the record's value at path.
func (r *Record) Value(path string) string {
	for _, kv := range r.Values {
		if kv.Path == path {
			return kv.Value
		}
	}
	return ""
}

func (r *Record) set(path, value, column string) {
	for i, kv := range r.Values {
		if kv.Path == path {
			r.Values[i].Value = value
			return
		}
	}
	r.Values = append(r.Values, asset.KV{Path: path, Value: value})
	if r.columns == nil {
		r.columns = map[string]string{}
	}
	r.columns[path] = column
}

// Column is the header a value came from.
func (r *Record) Column(path string) string { return r.columns[path] }

// Read turns a table into records: values converted (dates to
// YYYY-MM-DD, amounts to exact decimals), checkouts to holders, and
// Snipe-IT's one-row-per-seat licences into one record per licence.
// Problems are errors; warnings are kept apart.
func Read(t *Table, m *Mapping, opts Options) (records []*Record, errs, warnings []Problem) {
	if opts.Statuses == nil {
		opts.Statuses, _ = NewStatusMap(nil)
	}
	formats, ferrs := dateFormats(t, m, opts)
	errs = append(errs, ferrs...)
	for _, e := range ferrs {
		for i := range m.Columns {
			if m.Columns[i].Header == e.Column {
				m.Columns[i].Target = TargetIgnore // said once for the column, not for each row
			}
		}
	}
	byKey := map[string]*Record{}
	for _, row := range t.Rows {
		if row.Blank() {
			continue
		}
		rec, rowErrs, rowWarn := readRow(row, m, opts, formats)
		errs, warnings = append(errs, rowErrs...), append(warnings, rowWarn...)
		if rec == nil {
			continue
		}
		if opts.Kind == asset.Licence && !opts.People {
			// one row per seat: rows of the same licence make one record
			key := rec.ID
			if key == "" {
				key = rec.Value("name") + "\x00" + rec.Value("serial")
			}
			if prev, ok := byKey[key]; ok {
				prev.Rows = append(prev.Rows, row.Number)
				prev.Holders = append(prev.Holders, rec.Holders...)
				if s, p := rec.Value("seats"), prev.Value("seats"); s != "" && atoi(s) > atoi(p) {
					prev.set("seats", s, rec.Column("seats"))
				}
				continue
			}
			byKey[key] = rec
		}
		records = append(records, rec)
	}
	return records, errs, warnings
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}

// dateFormats decides the date format of every date column.
func dateFormats(t *Table, m *Mapping, opts Options) (map[int]DateFormat, []Problem) {
	out := map[int]DateFormat{}
	var errs []Problem
	if opts.DateFormat != "" {
		f, err := ParseDateFormat(opts.DateFormat)
		if err != nil {
			return nil, []Problem{{Message: err.Error()}}
		}
		for _, c := range m.Columns {
			out[c.Index] = f
		}
		return out, nil
	}
	for _, c := range m.Columns {
		if !isDateTarget(c.Target, opts) {
			continue
		}
		var values []string
		for _, r := range t.Rows {
			values = append(values, r.Cell(c.Index))
		}
		f, err := DetectDateFormat(values)
		if err != nil {
			errs = append(errs, Problem{Column: c.Header, Message: err.Error()})
			continue
		}
		out[c.Index] = f
	}
	return out, errs
}

func isDateTarget(target string, opts Options) bool {
	if target == TargetCheckoutDate {
		return true
	}
	if opts.People {
		return target == "starts" || target == "leaves" || target == TargetLastSignIn
	}
	f, ok := asset.LookupField(target, opts.Kind)
	return ok && f.Type == asset.TDate
}

func readRow(row Row, m *Mapping, opts Options, formats map[int]DateFormat) (*Record, []Problem, []Problem) {
	rec := &Record{Rows: []int{row.Number}}
	var errs, warns []Problem
	fail := func(c Column, format string, args ...any) {
		errs = append(errs, Problem{Row: row.Number, Column: c.Header, Message: fmt.Sprintf(format, args...)})
	}
	user := map[string]string{}
	checkoutType := ""
	for _, c := range m.Columns {
		// a cell guarded against formulas on export is read as its value
		v := safe.CSVValue(strings.TrimSpace(row.Cell(c.Index)))
		if c.Target == TargetIgnore || v == "" {
			continue
		}
		if strings.ContainsRune(v, Unreadable) {
			fail(c, "%q holds bytes that are neither UTF-8 nor Windows-1252 (shown as \uFFFD): correct the cell, or save the file as UTF-8", v)
			continue
		}
		if Mangled(v) && textTarget(c.Target, opts) {
			warns = append(warns, Problem{Row: row.Number, Column: c.Header, Message: fmt.Sprintf("%s looks like a number a spreadsheet shortened: the digits it stood for are lost; check the original", v),
				Group: "numbers a spreadsheet shortened (such as %s): the digits they stood for are lost; check the original", Value: v})
		}
		switch {
		case c.Target == TargetID:
			if local, _, ok := strings.Cut(v, "@"); ok && opts.People {
				v = local // a login that is an email: Okta's, Entra ID's
			}
			if err := asset.CheckID(v); err != nil {
				fail(c, "%v", err)
				rec.badID = true
				continue
			}
			rec.ID = v
		case c.Target == TargetStatus:
			st, err := opts.Statuses.State(v)
			if err != nil {
				fail(c, "%v", err)
				continue
			}
			rec.Status = &Status{Label: v, State: st, Column: c.Header, Row: row.Number}
		case strings.HasPrefix(c.Target, "account."):
			if c.Target == TargetLastSignIn {
				if strings.HasPrefix(strings.ToLower(v), "never") {
					continue
				}
				d, err := ParseDateIn(formats[c.Index], v)
				if err != nil {
					fail(c, "%v", err)
					continue
				}
				v = d.String()
			}
			user[c.Target] = v
		case c.Target == TargetCheckoutType:
			checkoutType = strings.ToLower(v)
		case strings.HasPrefix(c.Target, "checkout."):
			if user[c.Target] != "" {
				continue // the first column with a value
			}
			if c.Target == TargetCheckoutDate {
				d, err := ParseDateIn(formats[c.Index], v)
				if err != nil {
					fail(c, "%v", err)
					continue
				}
				v = d.String()
			}
			user[c.Target] = v
		case c.Target == TargetHistory:
			rec.Events = append(rec.Events, asset.KV{Path: c.Header, Value: v})
		case c.Target == TargetWarrantyMonth:
			n := atoi(v)
			if n <= 0 || fmt.Sprint(n) != v {
				fail(c, "%q is not a number of months of warranty", v)
				continue
			}
			rec.set(c.Target, v, c.Header)
		default:
			value, err := convert(c, v, opts, formats)
			if err != nil {
				fail(c, "%v", err)
				continue
			}
			if first, ok := rec.columns[c.Target]; ok && rec.Value(c.Target) != value {
				// two columns for one field, both with a value: the first
				// is the field's, the other is kept beside it
				alt := "fields." + customName(c.Header)
				warns = append(warns, Problem{Row: row.Number, Column: c.Header, Value: first,
					Message: fmt.Sprintf("%s has %q from column %q: this column's %q goes to the custom field %s", c.Target, rec.Value(c.Target), first, value, alt[len("fields."):]),
					Group:   "a value besides column %q's: it goes to a custom field of this column's name"})
				rec.set(alt, value, c.Header)
				continue
			}
			rec.set(c.Target, value, c.Header)
		}
	}
	if opts.People {
		if err := rec.account(user, row.Number); err != nil {
			errs = append(errs, *err)
		}
		if first, last := user[TargetUserFirst], user[TargetUserLast]; rec.Value("name") == "" && (first != "" || last != "") {
			rec.set("name", strings.TrimSpace(first+" "+last), "First Name")
		}
		if m := rec.Value("manager"); m != "" && (strings.EqualFold(m, rec.ID) || strings.EqualFold(m, rec.Value("name"))) {
			// Snipe-IT lets a user be their own manager; a register does
			// not (self-manager), and the value says nothing anyway
			warns = append(warns, Problem{Row: row.Number, Column: rec.Column("manager"), Message: fmt.Sprintf("%s is given as their own manager: left out", m)})
			rec.drop("manager")
		}
		return rec, errs, warns
	}
	if months := rec.Value(TargetWarrantyMonth); months != "" {
		rec.drop(TargetWarrantyMonth)
		if bought, err := asset.ParseDate(rec.Value("purchase.date")); err == nil {
			rec.set("warranty.expires", asset.Duration{N: atoi(months), Unit: 'm'}.AddTo(bought).String(), rec.Column("purchase.date"))
		} else {
			warns = append(warns, Problem{Row: row.Number, Message: "a warranty in months needs a purchase date to count from: left out"})
		}
	}
	if checkoutType == "location" {
		if loc := user[TargetUserLocation]; loc != "" {
			rec.set("location", loc, "Checked Out To: Location")
		}
		return rec, errs, warns
	}
	if h, ok := holderOf(user, row.Number); ok {
		// the holder becomes a file under people/ when the register lacks
		// them, so their ID must make a file name like any other ID
		if err := asset.CheckID(h.ID); err != nil {
			errs = append(errs, Problem{Row: row.Number, Message: fmt.Sprintf("checked out to %s, who cannot be a person of the register: %v", h.ID, err)})
			return rec, errs, warns
		}
		if d, err := asset.ParseDate(user[TargetCheckoutDate]); err == nil {
			h.Date = d // else the plan dates it: see planner.assign
		}
		rec.Holders = append(rec.Holders, h)
	}
	return rec, errs, warns
}

// account reads an identity provider's account columns: the last
// sign-in and the account's state are kept as custom fields, and an
// account no longer in use is a person who has left.
func (r *Record) account(user map[string]string, row int) *Problem {
	if d := user[TargetLastSignIn]; d != "" {
		r.set("fields.last_sign_in", d, "Last sign-in")
	}
	label := user[TargetAccount]
	disabled := disabledAccount[NormalHeader(label)]
	if enabled := user[TargetAccountEnabled]; enabled != "" {
		switch strings.ToLower(enabled) {
		case "true", "yes", "1":
			label = cmp.Or(label, "enabled")
		case "false", "no", "0":
			disabled, label = true, "disabled"
		default:
			return &Problem{Row: row, Message: fmt.Sprintf("accountEnabled %q is not True or False", enabled)}
		}
	}
	if label != "" {
		r.set("fields.account_status", label, "Status")
	}
	if disabled {
		r.Disabled = &Disabled{Label: label}
		r.Disabled.LastSignIn, _ = asset.ParseDate(user[TargetLastSignIn])
	}
	return nil
}

func (r *Record) drop(path string) {
	for i, kv := range r.Values {
		if kv.Path == path {
			r.Values = append(r.Values[:i], r.Values[i+1:]...)
			return
		}
	}
}

// holderOf makes a person of a row's checkout columns: the username, else
// the part of the email before @, else the name, as an ID.
func holderOf(user map[string]string, row int) (Holder, bool) {
	name := user[TargetUserName]
	if name == "" {
		name = strings.TrimSpace(user[TargetUserFirst] + " " + user[TargetUserLast])
	}
	email := user[TargetUserEmail]
	id := user[TargetUser]
	if id == "" && email != "" {
		id, _, _ = strings.Cut(email, "@")
	}
	if id == "" {
		id = name
	}
	id = Slug(id)
	if id == "" {
		return Holder{}, false
	}
	if name == "" {
		name = id
	}
	return Holder{ID: id, Name: name, Email: email, Row: row}, true
}

// convert reads a cell as the field it maps to.
func convert(c Column, v string, opts Options, formats map[int]DateFormat) (string, error) {
	var typ asset.ValueType
	if opts.People {
		typ = asset.TString
		if c.Target == "starts" || c.Target == "leaves" {
			typ = asset.TDate
		}
	} else if f, ok := asset.LookupField(c.Target, opts.Kind); ok {
		typ = f.Type
	}
	switch typ {
	case asset.TDate:
		d, err := ParseDateIn(formats[c.Index], v)
		if err != nil {
			return "", err
		}
		return d.String(), nil
	case asset.TMoney:
		return ParseAmount(v, opts.Currency)
	case asset.TBool:
		switch strings.ToLower(v) {
		case "true", "yes", "y", "1":
			return "true", nil
		case "false", "no", "n", "0":
			return "false", nil
		}
		return "", fmt.Errorf("%q is not yes or no", v)
	case asset.TInt:
		return strings.ReplaceAll(strings.ReplaceAll(v, ",", ""), " ", ""), nil
	}
	return v, nil
}

// eventsOf reads a history column: the events as a JSON list of objects, as
// export writes them.
func eventsOf(text string) ([]map[string]string, error) {
	var events []map[string]any
	if err := json.Unmarshal([]byte(text), &events); err != nil {
		return nil, fmt.Errorf("the history column must hold the events as JSON, as itrack export writes it: %v", err)
	}
	out := make([]map[string]string, len(events))
	for i, e := range events {
		out[i] = map[string]string{}
		keys := make([]string, 0, len(e))
		for k := range e {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out[i][k] = fmt.Sprint(e[k])
		}
	}
	return out, nil
}

// textTarget reports whether a column holds text, where a number in
// scientific notation can only be a spreadsheet's mangling.
func textTarget(target string, opts Options) bool {
	switch target {
	case TargetID, "serial":
		return true
	}
	if strings.HasPrefix(target, "fields.") {
		return true
	}
	if opts.People {
		return false
	}
	f, ok := asset.LookupField(target, opts.Kind)
	return ok && f.Type == asset.TString
}
