// Package view shapes records for output: the JSON objects documented in
// docs/json.md (which the yaml format also uses), and the label/value lines
// and table rows the text formats show. It computes nothing itself.
package view

import (
	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/renewals"
	"sort"
)

// Amount is money in machine output: the amount as a decimal string, so no
// JSON reader turns it into a float.
type Amount struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

// AmountOf returns the JSON form of m, or nil when m is unset.
func AmountOf(m asset.Money, currency string) *Amount {
	if m.IsZero() {
		return nil
	}
	m = m.In(currency)
	return &Amount{Amount: m.AmountString(), Currency: m.Currency}
}

// AmountsOf returns the JSON form of amounts, one per currency: an empty
// list, never null, when there are none.
func AmountsOf(ms []asset.Money, currency string) []*Amount {
	out := make([]*Amount, len(ms))
	for i, m := range ms {
		out[i] = AmountOf(m, currency)
	}
	return out
}

// Asset is an asset in machine output.
type Asset struct {
	ID           string            `json:"id"`
	Kind         asset.Kind        `json:"kind"`
	Name         string            `json:"name"`
	File         string            `json:"file"`
	Description  string            `json:"description,omitempty"`
	Category     string            `json:"category,omitempty"`
	Manufacturer string            `json:"manufacturer,omitempty"`
	Model        string            `json:"model,omitempty"`
	Serial       string            `json:"serial,omitempty"`
	Vendor       string            `json:"vendor,omitempty"`
	Owner        string            `json:"owner,omitempty"`
	Location     string            `json:"location,omitempty"`
	State        asset.State       `json:"state"`
	Holder       string            `json:"holder,omitempty"`
	InstalledIn  string            `json:"installed_in,omitempty"`
	Installed    []Part            `json:"installed,omitempty"`
	SeatHolders  []string          `json:"seat_holders,omitempty"`
	Quantity     *int              `json:"quantity,omitempty"`
	InStock      *int              `json:"in_stock,omitempty"`
	Holdings     []UnitHolding     `json:"holdings,omitempty"`
	Tags         []string          `json:"tags,omitempty"`
	Purchase     *Purchase         `json:"purchase,omitempty"`
	BookValue    *Amount           `json:"book_value,omitempty"`
	Depreciation *Depreciation     `json:"depreciation,omitempty"`
	Warranty     *Warranty         `json:"warranty,omitempty"`
	EndOfLife    string            `json:"end_of_life,omitempty"`
	OS           string            `json:"os,omitempty"`
	SupportEnds  string            `json:"support_ends,omitempty"`
	Metric       string            `json:"metric,omitempty"`
	Seats        *int              `json:"seats,omitempty"`
	Cost         *Amount           `json:"cost,omitempty"`
	Term         string            `json:"term,omitempty"`
	Renews       string            `json:"renews,omitempty"`
	NextRenewal  string            `json:"next_renewal,omitempty"`
	Expires      string            `json:"expires,omitempty"`
	AutoRenew    *bool             `json:"auto_renew,omitempty"`
	Notice       string            `json:"notice,omitempty"`
	Version      string            `json:"version,omitempty"`
	Registrar    string            `json:"registrar,omitempty"`
	Subject      string            `json:"subject,omitempty"`
	SANs         []string          `json:"sans,omitempty"`
	Issuer       string            `json:"issuer,omitempty"`
	NotBefore    string            `json:"not_before,omitempty"`
	Fingerprint  string            `json:"fingerprint,omitempty"`
	Counterparty string            `json:"counterparty,omitempty"`
	Starts       string            `json:"starts,omitempty"`
	Fields       map[string]string `json:"fields,omitempty"`
	Notes        string            `json:"notes,omitempty"`
	History      []Event           `json:"history"`
}

// UnitHolding is units of a batch one person holds, in machine output.
type UnitHolding struct {
	Person string `json:"person"`
	Units  int    `json:"units"`
}

// Purchase is the purchase block in machine output.
type Purchase struct {
	Date     string  `json:"date,omitempty"`
	Cost     *Amount `json:"cost,omitempty"`
	Total    *Amount `json:"total,omitempty"` // a batch's: cost × quantity
	Supplier string  `json:"supplier,omitempty"`
	Order    string  `json:"order,omitempty"`
	Invoice  string  `json:"invoice,omitempty"`
}

// Depreciation is an asset's own depreciation settings in machine output.
type Depreciation struct {
	Method  string  `json:"method,omitempty"`
	Life    string  `json:"life,omitempty"`
	Salvage *Amount `json:"salvage,omitempty"`
	Rate    string  `json:"rate,omitempty"`
}

// Warranty is the warranty block in machine output.
type Warranty struct {
	Expires  string `json:"expires,omitempty"`
	Provider string `json:"provider,omitempty"`
}

// Event is one history entry in machine output.
type Event struct {
	Date        string  `json:"date"`
	Event       string  `json:"event"`
	To          string  `json:"to,omitempty"`
	From        string  `json:"from,omitempty"`
	In          string  `json:"in,omitempty"`
	Until       string  `json:"until,omitempty"`
	Seats       *int    `json:"seats,omitempty"`
	Units       *int    `json:"units,omitempty"`
	Method      string  `json:"method,omitempty"`
	Proceeds    *Amount `json:"proceeds,omitempty"`
	Certificate string  `json:"certificate,omitempty"`
	Location    string  `json:"location,omitempty"`
	By          string  `json:"by,omitempty"`
	Reason      string  `json:"reason,omitempty"`
	Cost        *Amount `json:"cost,omitempty"`
	Note        string  `json:"note,omitempty"`
	// Scheduled marks an event dated after the day: recorded, still to come.
	Scheduled bool `json:"scheduled,omitempty"`

	details string // its values in words, for text output
}

// fieldsOf is a record's custom fields by name, nil when it has none.
func fieldsOf(fields []asset.CustomField) map[string]string {
	if len(fields) == 0 {
		return nil
	}
	out := make(map[string]string, len(fields))
	for _, f := range fields {
		out[f.Key] = f.Value
	}
	return out
}

// fieldNames are the names of custom fields, sorted.
func fieldNames(fields map[string]string) []string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Part is a component installed in hardware, as show lists it.
type Part struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// AssetOf shapes a record and its status for machine output, with what
// the register's settings compute: the end of life a category's lifetime
// gives, amounts in its currency. Its history is what ShownEvents keeps.
func AssetOf(a *asset.Asset, st asset.Status, cfg *asset.Config, today asset.Date) Asset {
	currency := cfg.Currency
	eol, _ := renewals.ReplacementDate(a, cfg)
	v := Asset{
		ID: a.ID, Kind: a.Kind, Name: a.Name, File: a.File,
		Description: a.Description, Category: a.Category, Manufacturer: a.Manufacturer,
		Model: a.Model, Serial: a.Serial, Vendor: a.Vendor, Owner: a.Owner, Location: st.Location,
		State: st.State, Holder: st.Holder, InstalledIn: st.InstalledIn, SeatHolders: st.SeatHolders,
		Tags: a.Tags, EndOfLife: eol.String(), OS: a.OS, SupportEnds: a.SupportEnds.String(),
		Metric: a.Metric, Seats: st.Seats, Cost: AmountOf(st.Price, currency), Term: a.Term.String(),
		Renews: st.Renews.String(), Expires: st.Expires.String(),
		NextRenewal: nextRenewal(a, st), Notice: a.Notice.String(),
		Version: a.Version, Registrar: a.Registrar, Subject: a.Subject, SANs: a.SANs, Issuer: a.Issuer,
		NotBefore: a.NotBefore.String(), Fingerprint: a.Fingerprint, Counterparty: a.Counterparty,
		Starts: a.Starts.String(), Notes: a.Notes, History: []Event{},
	}
	if p := a.Purchase; p != (asset.Purchase{}) {
		v.Purchase = &Purchase{Date: p.Date.String(), Cost: AmountOf(p.Cost, currency), Supplier: p.Supplier, Order: p.Order, Invoice: p.Invoice}
		if a.Batch() {
			v.Purchase.Total = AmountOf(p.Cost.Times(a.Count()), currency)
		}
	}
	if d := a.Depreciation; d.Method != "" || !d.Life.IsZero() || !d.Salvage.IsZero() || !d.Rate.IsZero() {
		v.Depreciation = &Depreciation{Method: d.Method, Life: d.Life.String(), Salvage: AmountOf(d.Salvage, currency)}
		if !d.Rate.IsZero() {
			v.Depreciation.Rate = d.Rate.String()
		}
	}
	if a.Quantity != nil {
		stock := st.Stock
		v.Quantity, v.InStock = a.Quantity, &stock
		for _, h := range st.Holdings {
			v.Holdings = append(v.Holdings, UnitHolding{Person: h.Person, Units: h.Units})
		}
	}
	if w := a.Warranty; w != (asset.Warranty{}) {
		v.Warranty = &Warranty{Expires: w.Expires.String(), Provider: w.Provider}
	}
	if f, _ := asset.LookupField("auto_renew", a.Kind); f != nil {
		auto := a.AutoRenew
		v.AutoRenew = &auto
	}
	v.Fields = fieldsOf(a.Fields)
	v.History = append(v.History, ShownEvents(a.History, currency, st.AsOf, today)...)
	return v
}

// ShownEvents are the events of a history as of a day: those up to it, and
// those after today, still to come, marked scheduled. Events between the
// day and today are left out: on that day they had not happened, and they
// were not to come either as far as the register knew.
func ShownEvents(history []asset.Event, currency string, asOf, today asset.Date) []Event {
	var out []Event
	for _, e := range history {
		past := asOf.IsZero() || !e.Date.After(asOf)
		if !past && !e.Date.After(today) {
			continue
		}
		ev := EventOf(e, currency)
		ev.Scheduled = !past
		out = append(out, ev)
	}
	return out
}

// EventOf shapes one history entry for machine output.
func EventOf(e asset.Event, currency string) Event {
	return Event{
		Date: e.Date.String(), Event: string(e.Type), To: e.To, From: e.From, In: e.In, Until: e.Until.String(),
		Seats: e.Seats, Units: e.Units, Method: e.Method, Proceeds: AmountOf(e.Proceeds, currency), Certificate: e.Certificate,
		Location: e.Location, By: e.By, Reason: e.Reason, Cost: AmountOf(e.Cost, currency), Note: e.Note,
		details: e.Details(currency),
	}
}

// nextRenewal is renewals.Next as text, "" for none.
func nextRenewal(a *asset.Asset, st asset.Status) string {
	if d, ok := renewals.Next(a, st); ok {
		return d.String()
	}
	return ""
}
