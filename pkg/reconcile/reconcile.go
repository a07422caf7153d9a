// Package reconcile holds a device export (an MDM or discovery tool's list
// of the devices it sees) against the register's hardware: what the tool
// sees that the register lacks, what the register says is in use that the
// tool does not see, and where the two disagree on a device's model or
// holder. It reads no file: records and devices in, findings out.
package reconcile

import (
	"fmt"
	"sort"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// Keys a device can be matched on.
const (
	BySerial = "serial"
	ByID     = "id"
)

// Device is one row of the export, its values trimmed.
type Device struct {
	Row   int    // the row's number in the file
	Key   string // the serial, or the asset ID, the row is matched on
	Name  string // what the tool calls it (its name, else its model)
	Model string
	User  string // the person the tool says uses it: an ID, an email or a name
}

// Statuses of a finding.
const (
	Untracked = "untracked" // seen by the tool, not in the register
	Missing   = "missing"   // in use in the register, not seen by the tool
	Mismatch  = "mismatch"  // seen and registered, with a different holder or model
)

// Item is one finding, as `itrack reconcile --format json` gives it.
type Item struct {
	Status  string `json:"status"`
	Key     string `json:"key"`
	ID      string `json:"id,omitempty"`
	Row     int    `json:"row,omitempty"`
	Field   string `json:"field,omitempty"`
	Export  string `json:"export,omitempty"`
	Record  string `json:"register,omitempty"`
	Message string `json:"message"`
}

// Register is what reconcile compares with: the valid records and each
// asset's state on the day asked about.
type Register struct {
	Assets   []*asset.Asset
	People   []*asset.Person
	Statuses map[string]asset.Status
}

// Reconcile compares the devices with the register's hardware, matched on
// key (BySerial or ByID, ignoring case and surrounding spaces). Findings
// come in the export's order, then the missing devices by ID.
func Reconcile(reg Register, devices []Device, key string) []Item {
	registered := map[string]*asset.Asset{}
	for _, a := range reg.Assets {
		if k := keyOf(a, key); a.Kind == asset.Hardware && k != "" {
			registered[normal(k)] = a
		}
	}
	people := map[string]string{} // id, email, name (lower case) → person ID
	for _, p := range reg.People {
		for _, k := range []string{p.ID, p.Email, p.Name} {
			if k != "" {
				people[strings.ToLower(k)] = p.ID
			}
		}
	}
	var items []Item
	seen := map[string]bool{}
	for _, d := range devices {
		if d.Key == "" {
			continue
		}
		seen[normal(d.Key)] = true
		a, ok := registered[normal(d.Key)]
		if !ok {
			name := d.Name
			if name == "" {
				name = "NAME"
			}
			items = append(items, Item{Status: Untracked, Key: d.Key, Row: d.Row,
				Message: fmt.Sprintf("%s is seen by the tool but not in the register: add it (itrack add hardware --name %q --serial %s) or find out what it is", d.Key, name, d.Key)})
			continue
		}
		st := reg.Statuses[a.ID]
		if d.Model != "" && a.Model != "" && !strings.EqualFold(d.Model, a.Model) {
			items = append(items, Item{Status: Mismatch, Key: d.Key, ID: a.ID, Row: d.Row, Field: "model", Export: d.Model, Record: a.Model,
				Message: fmt.Sprintf("%s: the tool says model %q, the register %q", a.ID, d.Model, a.Model)})
		}
		if d.User == "" {
			continue
		}
		who, known := people[strings.ToLower(d.User)]
		if !known {
			who = d.User
		}
		if who != st.Holder {
			holder := st.Holder
			if holder == "" {
				holder = "nobody (" + string(st.State) + ")"
			}
			items = append(items, Item{Status: Mismatch, Key: d.Key, ID: a.ID, Row: d.Row, Field: "holder", Export: d.User, Record: st.Holder,
				Message: fmt.Sprintf("%s: the tool says %s uses it, the register says %s", a.ID, d.User, holder)})
		}
	}
	var missing []Item
	for k, a := range registered {
		if st := reg.Statuses[a.ID]; !seen[k] && st.State == asset.InUse {
			holder := st.Holder
			if holder == "" {
				holder = "nobody"
			}
			missing = append(missing, Item{Status: Missing, Key: keyOf(a, key), ID: a.ID,
				Message: fmt.Sprintf("%s is in use (held by %s) but the tool does not see it: lost, unenrolled, or wrong serial?", a.ID, holder)})
		}
	}
	sort.Slice(missing, func(i, j int) bool { return missing[i].ID < missing[j].ID })
	return append(items, missing...)
}

// Count is the number of items with that status.
func Count(items []Item, status string) int {
	n := 0
	for _, it := range items {
		if it.Status == status {
			n++
		}
	}
	return n
}

// keyOf is what an asset is matched on.
func keyOf(a *asset.Asset, key string) string {
	if key == ByID {
		return a.ID
	}
	return a.Serial
}

func normal(k string) string { return strings.ToLower(strings.TrimSpace(k)) }
