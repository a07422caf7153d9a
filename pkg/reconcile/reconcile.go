// Package reconcile holds a device export (an MDM or discovery tool's list
// of the devices it sees: Intune, Jamf Pro, Kandji, Google Workspace,
// Snipe-IT) against the register's hardware: what the tool sees that the
// register lacks, what the register says is in use that the tool does not
// see, where the two disagree on a device's model, holder or OS, and what
// matters to security: devices retired, disposed of or lost that are still
// enrolled, devices in stock that someone uses, devices that stopped
// checking in. It reads no file: a parsed table and records in, findings
// out.
package reconcile

import (
	"fmt"
	"sort"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// Keys a device can be matched on.
const (
	BySerial = FieldSerial
	ByID     = FieldID
)

// Device is one row of the export, its values trimmed.
type Device struct {
	Row          int    // the row's number in the file
	Key          string // the serial, or the asset ID, the row is matched on
	Name         string // what the tool calls it (its name, else its model)
	Model        string
	Manufacturer string
	Users        []string    // who the tool says uses it: emails and UPNs, then usernames, then full names
	OS           string      // the OS and its version as one: "macOS 15.1.1"
	LastCheckIn  asset.Date  // zero when the export does not say
	State        asset.State // the tool's own lifecycle state (Snipe-IT's Status); "" when it does not say
}

// Statuses of a finding.
const (
	Untracked           = "untracked"             // seen by the tool, not in the register
	Missing             = "missing"               // in use in the register, not seen by the tool
	Mismatch            = "mismatch"              // seen and registered, with a different holder, model or state
	DisposedButEnrolled = "disposed-but-enrolled" // retired, disposed of or lost in the register, still enrolled in the tool
	UnassignedInUse     = "unassigned-in-use"     // in stock in the register, checking in
	OSMismatch          = "os-mismatch"           // the tool's OS is not the register's os
	NoSerial            = "no-serial"             // a row with no serial number, matched on serial
	NoID                = "no-id"                 // a row with no asset ID, matched on id
	Stale               = "stale"                 // in use in the register, not checked in for longer than --stale
)

// Item is one finding, as `itrack reconcile --format json` gives it.
type Item struct {
	Status      string `json:"status"`
	Key         string `json:"key"`
	ID          string `json:"id,omitempty"`
	Row         int    `json:"row,omitempty"`
	Field       string `json:"field,omitempty"`
	Export      string `json:"export,omitempty"`
	Record      string `json:"register,omitempty"`
	LastCheckIn string `json:"last_check_in,omitempty"`
	Message     string `json:"message"`
}

// Register is what reconcile compares with: the valid records and each
// asset's state on the day asked about.
type Register struct {
	Assets   []*asset.Asset
	People   []*asset.Person
	Statuses map[string]asset.Status
}

// Options say how to compare.
type Options struct {
	Key      string     // BySerial or ByID
	AsOf     asset.Date // the day the statuses are for
	Stale    asset.Duration
	Kind     asset.Kind // the register's side: hardware unless said
	Category string     // and only this category, when not ""
}

// Reconcile compares the devices with the register's hardware and
// components, matched on opts.Key (ignoring case and surrounding spaces).
// Only assets of opts.Kind and opts.Category are reported on; a device
// matched to another asset is not untracked. A device listed more than
// once (enrolled again) is compared once, on its row with the latest
// check-in. Findings come in the export's order, then the missing devices
// by ID.
func Reconcile(reg Register, devices []Device, opts Options) []Item {
	kind := opts.Kind
	if kind == "" {
		kind = asset.Hardware
	}
	registered := map[string]*asset.Asset{}
	for _, a := range reg.Assets {
		if k := keyOf(a, opts.Key); a.Kind.Tracked() && k != "" {
			if prev, dup := registered[normal(k)]; !dup || (prev.Kind != asset.Hardware && a.Kind == asset.Hardware) {
				registered[normal(k)] = a
			}
		}
	}
	reported := func(a *asset.Asset) bool {
		return a.Kind == kind && (opts.Category == "" || strings.EqualFold(a.Category, opts.Category))
	}
	p := newPeople(reg.People)
	latest := map[string]int{} // key → index of the row compared
	for i, d := range devices {
		k := normal(d.Key)
		if k == "" {
			continue
		}
		if j, dup := latest[k]; !dup || devices[j].LastCheckIn.Before(d.LastCheckIn) {
			latest[k] = i
		}
	}
	var items []Item
	for i, d := range devices {
		k := normal(d.Key)
		if k == "" {
			items = append(items, noKey(d, opts.Key))
			continue
		}
		if latest[k] != i {
			continue
		}
		a, ok := registered[k]
		if !ok {
			items = append(items, Item{Status: Untracked, Key: d.Key, Row: d.Row, LastCheckIn: dateText(d.LastCheckIn),
				Message: fmt.Sprintf("%s is seen by the tool but not in the register: add it (%s) or find out what it is", d.Key, addCommand(d, opts.Key))})
			continue
		}
		if st := reg.Statuses[a.ID]; reported(a) && st.State != "" {
			items = append(items, compare(d, a, st, p, opts)...)
		}
	}
	var missing []Item
	for k, a := range registered {
		if _, seen := latest[k]; seen || !reported(a) {
			continue
		}
		if st := reg.Statuses[a.ID]; st.State == asset.InUse {
			holder := st.Holder
			if holder == "" {
				holder = "nobody"
			}
			missing = append(missing, Item{Status: Missing, Key: keyOf(a, opts.Key), ID: a.ID,
				Message: fmt.Sprintf("%s is in use (held by %s) but the tool does not see it: lost, unenrolled, or wrong serial?", a.ID, holder)})
		}
	}
	sort.Slice(missing, func(i, j int) bool { return missing[i].ID < missing[j].ID })
	return append(items, missing...)
}

// HoldsAny reports whether an asset Reconcile reports on has a holder, so
// that an export with no user column leaves something uncompared.
func HoldsAny(reg Register, opts Options) bool {
	kind := opts.Kind
	if kind == "" {
		kind = asset.Hardware
	}
	for _, a := range reg.Assets {
		if a.Kind == kind && (opts.Category == "" || strings.EqualFold(a.Category, opts.Category)) && reg.Statuses[a.ID].Holder != "" {
			return true
		}
	}
	return false
}

// addCommand is the itrack add that registers an untracked device.
func addCommand(d Device, key string) string {
	name := d.Name
	if name == "" {
		name = "NAME"
	}
	cmd := fmt.Sprintf("itrack add hardware --name %q --serial %s", name, d.Key)
	if key == ByID {
		cmd = fmt.Sprintf("itrack add hardware %s --name %q", d.Key, name)
	}
	if d.Model != "" {
		cmd += fmt.Sprintf(" --model %q", d.Model)
	}
	if d.Manufacturer != "" {
		cmd += fmt.Sprintf(" --manufacturer %q", d.Manufacturer)
	}
	return cmd
}

func noKey(d Device, key string) Item {
	name := ""
	if d.Name != "" {
		name = " (" + d.Name + ")"
	}
	if key == ByID {
		return Item{Status: NoID, Row: d.Row, Message: fmt.Sprintf("row %d%s has no asset ID, so it cannot be matched to the register: fill it in the tool, or match on --key serial", d.Row, name)}
	}
	return Item{Status: NoSerial, Row: d.Row, Message: fmt.Sprintf("row %d%s has no serial number, so it cannot be matched to the register: fill it in the tool, or match on the asset tag with --key id", d.Row, name)}
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

func dateText(d asset.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
