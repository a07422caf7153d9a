package asset

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Asset is one asset file, decoded. Fields a kind does not use stay zero.
type Asset struct {
	ID   string
	Kind Kind
	File string // slash-separated, relative to the register root

	Name         string
	Description  string
	Category     string
	Manufacturer string
	Model        string
	Serial       string
	Vendor       string
	Owner        string
	Location     string
	Tags         []string
	Purchase     Purchase
	Depreciation DepreciationSpec
	Fields       []CustomField
	Notes        string

	// hardware
	Warranty    Warranty
	EndOfLife   Date
	OS          string
	SupportEnds Date // also licences

	// component
	InstalledIn string // never read from the file: computed from events
	Quantity    *int   // units in a batch (keyboards, cables); nil: one

	// licence, domain, document
	Metric    string
	Seats     *int
	Cost      Money
	Term      Duration
	Renews    Date
	Expires   Date
	AutoRenew bool
	Notice    Duration
	Version   string
	Registrar string

	// certificate
	Subject     string
	SANs        []string
	Issuer      string
	NotBefore   Date
	Fingerprint string

	// document
	Counterparty string
	Starts       Date

	History []Event

	// Pos holds the position of every value read from the file, by dotted
	// key path ("purchase.date").
	Pos Positions
}

// Purchase is how and when an asset was bought.
type Purchase struct {
	Date     Date
	Cost     Money
	Supplier string
	Order    string
	Invoice  string
}

// Warranty is a hardware warranty.
type Warranty struct {
	Expires  Date
	Provider string
}

// DepreciationSpec overrides the category's depreciation for one asset.
type DepreciationSpec struct {
	Method  string
	Life    Duration
	Salvage Money
	Rate    decimal.Decimal
}

// CustomField is one entry under fields:, kept as text in file order.
type CustomField struct {
	Key   string
	Value string
}

// Event is one entry of an asset's history.
type Event struct {
	Date        Date
	Type        EventType
	To          string
	From        string
	In          string
	Note        string
	Location    string
	By          string
	Reason      string
	Method      string
	Certificate string
	Cost        Money
	Proceeds    Money
	Until       Date
	Seats       *int
	Units       *int // assigned, unassigned: units of a batch

	// Pos is where the event starts; KeyPos where each of its values is.
	Pos    Pos
	KeyPos Positions
}

// Person is one file under people/.
type Person struct {
	ID   string
	File string

	Name       string
	Email      string
	Department string
	Manager    string
	Location   string
	Starts     Date
	Leaves     Date
	Notes      string
	Fields     []CustomField

	Pos Positions
}

// KeyPos is the position of the value at a dotted key path.
type KeyPos struct {
	Path string
	Pos  Pos
}

// Positions records where each value of a record was read from.
type Positions []KeyPos

// Of returns the position of the value at path, or of the nearest enclosing
// key that has one, or the zero Pos.
func (ps Positions) Of(path string) Pos {
	for {
		for _, p := range ps {
			if p.Path == path {
				return p.Pos
			}
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return Pos{}
		}
		path = path[:i]
	}
}

// Has reports whether the file gave a value at exactly this path.
func (ps Positions) Has(path string) bool {
	for _, p := range ps {
		if p.Path == path {
			return true
		}
	}
	return false
}

// LeftBy reports whether the person had left on a date: their last day
// (leaves) is before it.
func (p *Person) LeftBy(d Date) bool {
	return !p.Leaves.IsZero() && p.Leaves.Before(d)
}

// Ref is a reference from a record to a person.
type Ref struct {
	Key string // what the reference is: owner, manager
	ID  string
	Pos Pos
}

// PersonRefs lists the people an asset names: its owner, and whoever its
// events assign it to (a device licence's seats go to hardware instead).
func (a *Asset) PersonRefs() []Ref {
	var refs []Ref
	if a.Owner != "" {
		refs = append(refs, Ref{Key: "owner", ID: a.Owner, Pos: a.Pos.Of("owner")})
	}
	for _, e := range a.History {
		if e.Type == Assign && e.To != "" && a.Metric != "device" {
			refs = append(refs, Ref{Key: "assigned to", ID: e.To, Pos: e.KeyPos.Of("to")})
		}
		if e.Type == Audit && e.By != "" {
			refs = append(refs, Ref{Key: "audited by", ID: e.By, Pos: e.KeyPos.Of("by")})
		}
	}
	return refs
}

// PersonRefs lists the people a person names: their manager.
func (p *Person) PersonRefs() []Ref {
	if p.Manager == "" {
		return nil
	}
	return []Ref{{Key: "manager", ID: p.Manager, Pos: p.Pos.Of("manager")}}
}

// HardwareRefs lists the hardware an asset's events name: where a
// component is installed, and the devices holding a device licence's seats.
func (a *Asset) HardwareRefs() []Ref {
	var refs []Ref
	for _, e := range a.History {
		switch {
		case (e.Type == "installed" || e.Type == "removed") && e.In != "":
			refs = append(refs, Ref{Key: string(e.Type) + " in", ID: e.In, Pos: e.KeyPos.Of("in")})
		case e.Type == "assigned" && a.Metric == "device" && e.To != "":
			refs = append(refs, Ref{Key: "seat assigned to", ID: e.To, Pos: e.KeyPos.Of("to")})
		}
	}
	return refs
}
