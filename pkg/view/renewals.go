package view

import (
	"github.com/itrack/itrack/pkg/renewals"
)

// Renewal is one item of `itrack renewals --format json`.
type Renewal struct {
	ID        string  `json:"id"`
	Kind      string  `json:"kind"`
	Name      string  `json:"name"`
	Type      string  `json:"type"`
	Date      string  `json:"date"`
	Days      int     `json:"days"`
	AutoRenew bool    `json:"auto_renew"`
	Cost      *Amount `json:"cost"`
	File      string  `json:"file"`
	Line      int     `json:"line"`
}

// RenewalOf shapes a renewal item for machine output.
func RenewalOf(it renewals.Item, currency string) Renewal {
	return Renewal{ID: it.Asset.ID, Kind: string(it.Asset.Kind), Name: it.Asset.Name, Type: it.Type, Date: it.Date.String(),
		Days: it.Days, AutoRenew: it.AutoRenew, Cost: AmountOf(it.Cost, currency), File: it.Asset.File, Line: it.Pos.Line}
}

// Describe says what falls due, in words: "renews (auto)", "expires".
func (r Renewal) Describe() string {
	switch r.Type {
	case renewals.Renewal:
		if r.AutoRenew {
			return "renews automatically"
		}
		return "renewal due"
	case renewals.CancelBy:
		return "last day to cancel"
	case renewals.Expiry:
		return "expires"
	case renewals.Warranty:
		return "warranty ends"
	case renewals.EndOfLife:
		return "end of life"
	case renewals.SupportEnd:
		return "vendor support ends"
	}
	return r.Type
}

// Spend is one group of `itrack forecast --format json`, and one month of
// the next 12 in `itrack report --format json`.
type Spend struct {
	Group    string  `json:"group"`
	Amount   *Amount `json:"amount"`
	Payments int     `json:"payments"`
}

// SpendsOf shapes spend groups for machine output: an empty list, never
// null, when there are none.
func SpendsOf(ss []renewals.Spend) []Spend {
	out := make([]Spend, len(ss))
	for i, s := range ss {
		out[i] = Spend{Group: s.Group, Amount: Money(s.Amount, s.Currency), Payments: s.Payments}
	}
	return out
}
