// Package renewals lists every dated obligation of a register: renewals
// and their cancel-by dates, expiries, warranty ends, end of life and end
// of vendor support, each with its cost where it has one, so nothing
// renews or expires unnoticed and spend can be forecast.
package renewals

import (
	"slices"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// Item types.
const (
	Renewal    = "renewal"
	CancelBy   = "cancel_by"
	Expiry     = "expiry"
	Warranty   = "warranty"
	EndOfLife  = "end_of_life"
	SupportEnd = "support_end"
)

// Item is one dated obligation.
type Item struct {
	Asset     *asset.Asset
	Type      string
	Date      asset.Date
	Days      int // from the as-of date; negative when overdue
	AutoRenew bool
	Cost      asset.Money // zero when the item has no cost
	Pos       asset.Pos   // of the key (or event) that gives the date
}

// Overdue reports whether the item's date has passed.
func (it Item) Overdue() bool { return it.Days < 0 }

// Fails reports whether the item fails a `--fail-within` check that looks
// up to limit: anything overdue (but hardware past its end of life, which
// may serve on, and a lapsed warranty, listed so an extension can still be
// bought), and expiries, cancel-by dates and renewals that will not happen
// by themselves, on or before limit. An automatic renewal itself does not
// fail the run.
func (it Item) Fails(limit asset.Date) bool {
	if it.Overdue() {
		// old hardware may serve on; unsupported may not
		return it.Type != EndOfLife && it.Type != Warranty
	}
	if it.Date.After(limit) {
		return false
	}
	switch it.Type {
	case CancelBy:
		return true
	case Expiry, Renewal:
		return !it.AutoRenew
	}
	return false
}

// Items lists the obligations of every asset as of a date, sorted by date
// then ID. statuses are the assets' statuses on that date. Retired,
// disposed and cancelled assets produce none, except that a cancelled
// licence or contract still shows when it ends.
func Items(assets []*asset.Asset, cfg *asset.Config, statuses map[string]asset.Status, asOf asset.Date) []Item {
	var out []Item
	for _, a := range assets {
		out = append(out, itemsOf(a, cfg, statuses[a.ID], asOf)...)
	}
	Sort(out)
	return out
}

// Sort orders items by date, then asset ID, then type.
func Sort(items []Item) {
	slices.SortFunc(items, func(a, b Item) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if c := strings.Compare(a.Asset.ID, b.Asset.ID); c != 0 {
			return c
		}
		return strings.Compare(a.Type, b.Type)
	})
}

func itemsOf(a *asset.Asset, cfg *asset.Config, st asset.Status, asOf asset.Date) []Item {
	var out []Item
	add := func(typ string, d asset.Date, auto bool, cost asset.Money, pos asset.Pos) {
		if d.IsZero() {
			return
		}
		out = append(out, Item{Asset: a, Type: typ, Date: d, Days: asOf.DaysUntil(d), AutoRenew: auto, Cost: cost.In(cfg.Currency), Pos: pos})
	}
	switch {
	case st.State == asset.Retired || st.State == asset.Disposed:
		return nil
	case st.Cancelled():
		if end := st.EndDate(a, asOf); !end.IsZero() && !end.Before(asOf) {
			add(Expiry, end, false, asset.Money{}, datePos(a, st))
		}
		return out
	}
	if a.Kind.Tracked() {
		if a.Kind == asset.Hardware && st.State != "" {
			// a warranty that ended within the renewal window is listed as
			// lapsed, while an extension can still be bought; an older one
			// leaves nothing to do (report counts it out of warranty). A
			// device past its end of life or its vendor's support still in
			// service does
			if !a.Warranty.Expires.Before(cfg.Renewals.Window.SubFrom(asOf)) {
				add(Warranty, a.Warranty.Expires, false, asset.Money{}, a.Pos.Of("warranty.expires"))
			}
			eol, pos := ReplacementDate(a, cfg)
			add(EndOfLife, eol, false, asset.Money{}, pos)
			add(SupportEnd, a.SupportEnds, false, asset.Money{}, a.Pos.Of("support_ends"))
		}
		return out
	}
	renews := st.Renewing(a)
	end := st.EndDate(a, asOf)
	price := asset.PriceOn(a, maxDate(end, asOf)) // what the renewal will cost
	switch {
	case end.IsZero():
	case renews:
		add(Renewal, end, a.AutoRenew, price, datePos(a, st))
		// a cancel-by date that has passed can no longer be acted on
		if cancelBy := a.Notice.SubFrom(end); !a.Notice.IsZero() && !cancelBy.Before(asOf) {
			add(CancelBy, cancelBy, a.AutoRenew, asset.Money{}, a.Pos.Of("notice"))
		}
	default:
		add(Expiry, end, a.AutoRenew, price, datePos(a, st))
	}
	if a.Kind == asset.Licence && !a.SupportEnds.Before(asOf) {
		add(SupportEnd, a.SupportEnds, false, asset.Money{}, a.Pos.Of("support_ends"))
	}
	return out
}

// datePos is where an asset's end date is written: the last renewed event
// when there is one, else the renews or expires key.
func datePos(a *asset.Asset, st asset.Status) asset.Pos {
	for i := len(a.History) - 1; i >= 0; i-- {
		if e := a.History[i]; e.Type == "renewed" && (e.Until == st.Renews || e.Until == st.Expires) {
			return e.KeyPos.Of("until")
		}
	}
	if !a.Renews.IsZero() {
		return a.Pos.Of("renews")
	}
	return a.Pos.Of("expires")
}

// ReplacementDate is when hardware reaches its end of life: its
// end_of_life, else its purchase date plus its category's lifetime.
func ReplacementDate(a *asset.Asset, cfg *asset.Config) (asset.Date, asset.Pos) {
	if !a.EndOfLife.IsZero() {
		return a.EndOfLife, a.Pos.Of("end_of_life")
	}
	if cat, ok := cfg.Category(a.Category); ok && !cat.Lifetime.IsZero() && !a.Purchase.Date.IsZero() {
		return cat.Lifetime.AddTo(a.Purchase.Date), a.Pos.Of("purchase.date")
	}
	return asset.Date{}, asset.Pos{}
}

// Within keeps the items dated on or before asOf + window: everything
// overdue, and what falls due inside the window.
func Within(items []Item, asOf asset.Date, window asset.Duration) []Item {
	limit := window.AddTo(asOf)
	var out []Item
	for _, it := range items {
		if !it.Date.After(limit) {
			out = append(out, it)
		}
	}
	return out
}

// OfKind keeps the items of assets of one kind; "" keeps every item.
func OfKind(items []Item, kind asset.Kind) []Item {
	if kind == "" {
		return items
	}
	var out []Item
	for _, it := range items {
		if it.Asset.Kind == kind {
			out = append(out, it)
		}
	}
	return out
}

// Failing counts the items that fail a `--fail-within` check looking up
// to limit (Item.Fails).
func Failing(items []Item, limit asset.Date) int {
	n := 0
	for _, it := range items {
		if it.Fails(limit) {
			n++
		}
	}
	return n
}

// Next is the date a renewing asset renews next: its end date after the
// renewals recorded, rolled forward past the status's day when it renews
// by itself. Tracked kinds, and assets cancelled, retired or expired, do
// not renew, and have none.
func Next(a *asset.Asset, st asset.Status) (asset.Date, bool) {
	if a.Kind.Tracked() || !st.Renewing(a) || st.Cancelled() || st.State == asset.Retired || st.State == asset.Expired {
		return asset.Date{}, false
	}
	return st.EndDate(a, st.AsOf), true
}
