package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// Targets a column can map to besides a field path (name, purchase.cost,
// fields.NAME).
const (
	TargetID            = "id"
	TargetIgnore        = "-"
	TargetHistory       = "history"
	TargetWarrantyMonth = "warranty.months"
	TargetCheckoutType  = "checkout.type"
	TargetUser          = "checkout.username"
	TargetUserName      = "checkout.name"
	TargetUserFirst     = "checkout.first_name"
	TargetUserLast      = "checkout.last_name"
	TargetUserEmail     = "checkout.email"
	TargetUserLocation  = "checkout.location"
	TargetCheckoutDate  = "checkout.date"
	TargetStatus        = "status" // hardware and components: a label of the status table
	// An identity provider's account columns, for people.
	TargetAccount        = "account.status"  // Active, Suspended, DEPROVISIONED…
	TargetAccountEnabled = "account.enabled" // True or False
	TargetLastSignIn     = "account.last_sign_in"
)

// aliases maps normalised header names to targets, for assets of every
// kind; licenceAliases and personAliases override and extend it. They
// cover the headers of Snipe-IT's exports and the common spreadsheet words.
var aliases = map[string]string{
	"id": TargetID, "asset tag": TargetID, "asset id": TargetID, "tag": TargetID, "asset tag number": TargetID,
	"name": "name", "item name": "name", "asset name": "name", "item": "name",
	"description": "description",
	"serial":      "serial", "serial number": "serial", "serial no": "serial", "s n": "serial", "serialnumber": "serial",
	"model": "model", "model name": "model",
	"manufacturer": "manufacturer", "make": "manufacturer", "maker": "manufacturer",
	"vendor": "vendor", "category": "category", "owner": "owner", "tags": "tags",
	"location": "location", "default location": "location",
	"notes": "notes", "asset notes": "notes", "note": "notes", "comments": "notes",
	"purchase date": "purchase.date", "purchased": "purchase.date", "date purchased": "purchase.date",
	"purchase cost": "purchase.cost", "cost": "purchase.cost", "price": "purchase.cost", "purchase price": "purchase.cost", "unit cost": "purchase.cost",
	"supplier":     "purchase.supplier",
	"order number": "purchase.order", "purchase order": "purchase.order", "po": "purchase.order", "po number": "purchase.order", "order": "purchase.order",
	"invoice": "purchase.invoice", "invoice number": "purchase.invoice",
	"warranty expires": "warranty.expires", "warranty end": "warranty.expires", "warranty expiration": "warranty.expires",
	"warranty": TargetWarrantyMonth, "warranty months": TargetWarrantyMonth,
	"warranty provider": "warranty.provider",
	"eol":               "end_of_life", "asset eol date": "end_of_life", "end of life": "end_of_life", "eol date": "end_of_life",
	"os": "os", "operating system": "os", "support ends": "support_ends", "end of support": "support_ends",
	"depreciation method": "depreciation.method", "depreciation life": "depreciation.life", "salvage": "depreciation.salvage",
	"checkout type":           TargetCheckoutType,
	"checked out to username": TargetUser, "username": TargetUser, "assigned to username": TargetUser,
	"checked out to first name": TargetUserFirst, "first name": TargetUserFirst,
	"checked out to last name": TargetUserLast, "last name": TargetUserLast,
	"checked out to email": TargetUserEmail, "email": TargetUserEmail, "assigned to email": TargetUserEmail,
	"full name": TargetUserName, "assigned to": TargetUserName, "checked out to": TargetUserName, "user": TargetUserName,
	"checked out to location": TargetUserLocation,
	// MDM exports (Intune, Jamf, Google Workspace)
	"primary user upn": TargetUserEmail, "user principal name": TargetUserEmail, "email address": TargetUserEmail,
	"user email": TargetUserEmail, "primary user": TargetUserName, "assigned user": TargetUserName,
	"primary user display name": TargetUserName, "device name": "name", "computer name": "name",
	"checkout date": TargetCheckoutDate, "checked out on": TargetCheckoutDate, "assigned on": TargetCheckoutDate,
	"history": TargetHistory,
	// Snipe-IT columns itrack keeps as custom fields
	"model number": "fields.model_number", "model no": "fields.model_number", "model notes": "fields.model_notes",
	"company": "fields.company", "status": TargetStatus, "status label": TargetStatus, "state": TargetStatus, "qty": "fields.quantity", "quantity": "fields.quantity",
	"min amount": "fields.min_amount",
}

// licenceAliases are where licences differ.
var licenceAliases = map[string]string{
	"licence name": "name", "license name": "name", "software": "name", "product": "name",
	"serial number": "serial", "product key": "serial", "license key": "serial", "licence key": "serial",
	"seats": "seats", "metric": "metric", "term": "term", "renews": "renews", "renewal date": "renews",
	"expiration date": "expires", "expires": "expires", "expiry": "expires", "expiry date": "expires",
	"auto renew": "auto_renew", "notice": "notice", "version": "version",
	"licensed to name": "fields.licensed_to_name", "licensed to email": "fields.licensed_to_email",
	"maintained": "fields.maintained", "reassignable": "fields.reassignable", "quantity": "seats",
}

// renewingAliases are for domains, certificates and documents.
var renewingAliases = map[string]string{
	"expiration date": "expires", "expires": "expires", "expiry": "expires", "expiry date": "expires",
	"renews": "renews", "renewal date": "renews", "term": "term", "auto renew": "auto_renew", "notice": "notice",
	"registrar": "registrar", "counterparty": "counterparty", "starts": "starts", "start date": "starts",
	"subject": "subject", "issuer": "issuer", "sans": "sans", "not before": "not_before", "fingerprint": "fingerprint",
	"annual cost": "cost", "recurring cost": "cost",
}

// personAliases are for people files (Snipe-IT's user export).
var personAliases = map[string]string{
	"username": TargetID, "id": TargetID, "login": TargetID, "employee id": TargetID,
	"first name": TargetUserFirst, "last name": TargetUserLast, "full name": "name", "name": "name",
	"email": "email", "department": "department", "manager": "manager", "location": "location",
	"start date": "starts", "starts": "starts", "hire date": "starts",
	"end date": "leaves", "leaves": "leaves", "termination date": "leaves", "notes": "notes",
	"activated": "fields.activated", "address": "fields.address", "city": "fields.city", "state": "fields.state",
	"country": "fields.country", "postal code": "fields.postal_code", "website": "fields.website", "phone": "fields.phone",
	"job title": "fields.job_title", "employee number": "fields.employee_number", "company": "fields.company",
	"remote": "fields.remote", "vip": "fields.vip", "gravatar": "fields.gravatar",
	// Okta's user export
	"primary email": "email", "secondary email": "fields.secondary_email", "status": TargetAccount,
	"title": "fields.job_title", "last login": TargetLastSignIn, "manager id": "manager", "managerid": "manager",
	// Microsoft Entra ID's "Download users"
	"userprincipalname": TargetID, "user principal name": TargetID, "displayname": "name", "display name": "name",
	"givenname": TargetUserFirst, "surname": TargetUserLast, "mail": "email", "jobtitle": "fields.job_title",
	"accountenabled": TargetAccountEnabled, "account enabled": TargetAccountEnabled, "objectid": "fields.object_id", "usertype": "fields.user_type",
	"lastsignindatetime": TargetLastSignIn, "last sign in date time": TargetLastSignIn, "last sign in": TargetLastSignIn,
	// Google Workspace's "Download users"
	"first name required": TargetUserFirst, "last name required": TargetUserLast, "email address required": "email",
	"email address": "email", "status read only": TargetAccount, "last sign in read only": TargetLastSignIn,
	"manager email": "manager", "employee title": "fields.job_title", "org unit path required": "fields.org_unit_path",
	"password required": TargetIgnore, "password hash function upload only": TargetIgnore, "new primary email upload only": TargetIgnore,
}

var headerPunct = regexp.MustCompile(`[^a-z0-9]+`)

// NormalHeader makes a header comparable: lower case, punctuation and runs of
// spaces turned into one space.
func NormalHeader(h string) string {
	return strings.TrimSpace(headerPunct.ReplaceAllString(strings.ToLower(h), " "))
}

// Column is where one column of the file goes.
type Column struct {
	Index  int    // 0-based
	Header string // as in the file; "" past the header's last column
	Target string // a field path or a Target* constant
}

// Mapping is where every column goes.
type Mapping struct {
	Columns  []Column
	Warnings []string
}

// Find returns the column mapped to target.
func (m *Mapping) Find(target string) (Column, bool) {
	for _, c := range m.Columns {
		if c.Target == target {
			return c, true
		}
	}
	return Column{}, false
}

// ParseOverride reads one --map COLUMN=TARGET, for import and reconcile
// alike: COLUMN a column number from 1 (index is then 0-based) or a
// header, which must name a column of the file (name is then the header
// as NormalHeader makes it, and index -1). check says whether the target
// is one the command has; example shows how to write one.
func ParseOverride(o string, header []string, width int, example string, check func(target string) error) (index int, name, target string, err error) {
	col, target, ok := strings.Cut(o, "=")
	col, target = strings.TrimSpace(col), strings.TrimSpace(target)
	if !ok || col == "" || target == "" {
		return 0, "", "", fmt.Errorf("--map %q: write COLUMN=FIELD, e.g. %s", o, example)
	}
	if err := check(target); err != nil {
		return 0, "", "", fmt.Errorf("--map %q: %v", o, err)
	}
	if n, err := strconv.Atoi(col); err == nil {
		if n < 1 || n > width {
			return 0, "", "", fmt.Errorf("--map %q: the file has columns 1 to %d", o, width)
		}
		return n - 1, "", target, nil
	}
	for _, h := range header {
		if NormalHeader(h) == NormalHeader(col) {
			return -1, NormalHeader(col), target, nil
		}
	}
	return 0, "", "", fmt.Errorf("--map %q: no column is named %q (the columns are %s)", o, col, strings.Join(header, ", "))
}

// MapColumns decides where each column goes, from --map overrides
// ("Header=target" or "COLUMN-NUMBER=target"; target "-" skips a column),
// then the aliases, then custom fields for what is left. person is true
// for a people file. Cells of a row past the header's last column are
// columns with no name, so that no value is dropped.
func MapColumns(header []string, kind asset.Kind, person bool, overrides []string, rows []Row) (*Mapping, error) {
	width := len(header)
	for _, r := range rows {
		width = max(width, len(r.Cells))
	}
	byName, byIndex := map[string]string{}, map[int]string{}
	for _, o := range overrides {
		index, name, target, err := ParseOverride(o, header, width, `--map "Asset Tag=id" or --map "13=-" to skip column 13`, func(target string) error {
			return checkTarget(target, kind, person)
		})
		if err != nil {
			return nil, err
		}
		if index >= 0 {
			byIndex[index] = target
		} else {
			byName[name] = target
		}
	}
	m := &Mapping{}
	seen := map[string]int{}
	var dups []string
	for i, h := range header {
		n := NormalHeader(h)
		if prev, dup := seen[n]; dup && n != "" && byIndex[i] == "" && byIndex[prev] == "" {
			dups = append(dups, fmt.Sprintf("columns %d and %d are both named %q: say where one goes, e.g. --map \"%d=fields.%s_2\", or --map \"%d=-\" to skip it",
				prev+1, i+1, h, i+1, customName(h), i+1))
		}
		seen[n] = i
	}
	if len(dups) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(dups, "; "))
	}
	taken := map[string]string{}
	for i := range width {
		h := ""
		if i < len(header) {
			h = header[i]
		}
		n := NormalHeader(h)
		c := Column{Index: i, Header: h}
		switch {
		case byIndex[i] != "":
			c.Target = byIndex[i]
		case byName[n] != "":
			c.Target = byName[n]
		case fieldPath(h, kind, person) != "":
			c.Target = fieldPath(h, kind, person) // a field's own name, as export writes it
		case n == "":
			if columnEmpty(rows, i) {
				c.Target = TargetIgnore
				break
			}
			c.Target = fmt.Sprintf("fields.column_%d", i+1)
			if i < len(header) {
				m.Warnings = append(m.Warnings, fmt.Sprintf("column %d has no name: its values go to the custom field column_%d", i+1, i+1))
			} else {
				m.Warnings = append(m.Warnings, fmt.Sprintf("column %d has no name, but %s more cells than the header: its values go to the custom field column_%d", i+1, rowsWithCell(rows, i), i+1))
			}
		default:
			c.Target = alias(n, kind, person)
			if c.Target == "" {
				c.Target = "fields." + customName(h)
				m.Warnings = append(m.Warnings, fmt.Sprintf("column %q is not an itrack field: it goes to the custom field %s (use --map to put it elsewhere)", h, c.Target))
			}
		}
		if c.Target != TargetIgnore {
			if other, dup := taken[c.Target]; dup && !strings.HasPrefix(c.Target, "fields.") {
				// Snipe-IT's "Purchase Order" and "Order Number", "Email" and
				// "Checked Out To: Email": one field, fed by the column that
				// has a value
				m.Warnings = append(m.Warnings, fmt.Sprintf("columns %q and %q both mean %s: each row takes the one with a value (%q when both have one, the other's value going to the custom field %s)",
					other, h, c.Target, other, customName(h)))
			} else if dup {
				alt := "fields." + customName(h) + "_2"
				m.Warnings = append(m.Warnings, fmt.Sprintf("columns %q and %q both mean %s: %q goes to the custom field %s", other, h, c.Target, h, alt))
				c.Target = alt
			} else {
				taken[c.Target] = h
			}
		}
		m.Columns = append(m.Columns, c)
	}
	return m, nil
}

// fieldPath returns the field a header names exactly, ignoring case
// (purchase.cost, Seats), or "".
func fieldPath(h string, kind asset.Kind, person bool) string {
	p := strings.ToLower(strings.TrimSpace(h))
	if strings.HasPrefix(p, "fields.") {
		p = "fields." + strings.TrimSpace(h)[len("fields."):] // custom names keep their case
	}
	if p == TargetIgnore || checkTarget(p, kind, person) != nil {
		return ""
	}
	if f, ok := asset.LookupField(p, kind); ok && !person && (f.Type == asset.TGroup || f.Type == asset.THistory || p == "fields") {
		return "" // not a value: warranty means months of warranty, not the group
	}
	return p
}

func alias(n string, kind asset.Kind, person bool) string {
	if person {
		return personAliases[n]
	}
	switch kind {
	case asset.Licence:
		if t, ok := licenceAliases[n]; ok {
			return t
		}
	case asset.Domain, asset.Certificate, asset.Document:
		if t, ok := renewingAliases[n]; ok {
			return t
		}
	case asset.Component:
		if n == "qty" || n == "quantity" {
			return "quantity" // Snipe-IT's components and accessories: a batch
		}
	}
	if t := aliases[n]; t != TargetStatus || kind.Tracked() {
		return t
	}
	return "fields.status" // a licence's status is not its lifecycle's
}

func columnEmpty(rows []Row, i int) bool {
	for _, r := range rows {
		if strings.TrimSpace(r.Cell(i)) != "" {
			return false
		}
	}
	return true
}

// rowsWithCell names the rows with a value in column i, for a warning:
// "row 3 has", "rows 3 and 7 have", "rows 3, 4, 5, 6, 7 and 2 more have".
func rowsWithCell(rows []Row, i int) string {
	var numbers []string
	for _, r := range rows {
		if strings.TrimSpace(r.Cell(i)) != "" {
			numbers = append(numbers, strconv.Itoa(r.Number))
		}
	}
	switch n := len(numbers); {
	case n == 1:
		return "row " + numbers[0] + " has"
	case n > 6:
		return fmt.Sprintf("rows %s and %d more have", strings.Join(numbers[:5], ", "), n-5)
	default:
		return fmt.Sprintf("rows %s and %s have", strings.Join(numbers[:n-1], ", "), numbers[n-1])
	}
}

// customName makes a custom field name from a header: "Job Title" →
// job_title.
func customName(h string) string {
	s := strings.ReplaceAll(NormalHeader(h), " ", "_")
	if s == "" {
		return "column"
	}
	return s
}

func checkTarget(target string, kind asset.Kind, person bool) error {
	switch target {
	case TargetIgnore, TargetID, TargetHistory, TargetWarrantyMonth, TargetCheckoutType, TargetUser, TargetUserName,
		TargetUserFirst, TargetUserLast, TargetUserEmail, TargetUserLocation, TargetCheckoutDate:
		return nil
	case TargetAccount, TargetAccountEnabled, TargetLastSignIn:
		if !person {
			return fmt.Errorf("%s goes with people (--kind people): an account's state sets their last day", target)
		}
		return nil
	case TargetStatus:
		if person || !kind.Tracked() {
			return fmt.Errorf("status goes with hardware and components, whose lifecycle it sets: map it to a custom field, e.g. fields.status")
		}
		return nil
	}
	if strings.HasPrefix(target, "fields.") {
		return asset.CheckID(strings.TrimPrefix(target, "fields."))
	}
	if person {
		if _, err := asset.PersonValueNode(target, "x"); err != nil && strings.Contains(err.Error(), "unknown person field") {
			return err
		}
		return nil
	}
	if _, ok := asset.LookupField(target, kind); !ok {
		return asset.UnknownField(kind, target)
	}
	return nil
}
