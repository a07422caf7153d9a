// Package seats checks licence compliance: how many seats each licence
// has, how many are used, whether it is over (a compliance risk) or has
// seats nobody uses (money spent for nothing), and which seats leavers
// still hold.
package seats

import (
	"sort"

	"github.com/shopspring/decimal"

	"github.com/itrack/itrack/pkg/asset"
)

// Compliance statuses.
const (
	Over   = "over"   // more seats used than bought: under-licensed
	OK     = "ok"     // every seat used, or no seat count (site, unlimited)
	Unused = "unused" // seats bought and not used
)

// Licence is one licence's seat position on a date.
type Licence struct {
	Asset    *asset.Asset
	Metric   string
	Seats    *int // nil: unlimited or site
	Used     int
	Free     int // 0 for unlimited licences and when over
	Status   string
	Holders  []string
	Leavers  []string // holders whose last day has passed
	Currency string
	// CostPerSeatPerYear and WastedPerYear are nil when the licence has no
	// recurring cost or no seat count.
	CostPerSeatPerYear *decimal.Decimal
	WastedPerYear      *decimal.Decimal
}

// Total is the sum over licences in one currency.
type Total struct {
	Currency      string
	Licences      int
	Seats         int // of the licences with a seat count
	Used          int
	Free          int
	Over          int // licences over their seats
	WastedPerYear decimal.Decimal
}

// Check computes the seat position of every licence that is not retired or
// expired, as of a date: an expired licence costs nothing more, so its free
// seats are no wasted spend (validate's expired-held finds seats still held). statuses are the assets' statuses on that date; currency is
// the register's.
func Check(assets []*asset.Asset, people []*asset.Person, statuses map[string]asset.Status, asOf asset.Date, currency string) []Licence {
	leavers := asset.Leavers(people, asOf)
	var out []Licence
	for _, a := range assets {
		st := statuses[a.ID]
		if a.Kind != asset.Licence || st.State == asset.Retired || st.State == asset.Expired {
			continue
		}
		out = append(out, position(a, st, leavers, currency))
	}
	return out
}

func position(a *asset.Asset, st asset.Status, leavers map[string]*asset.Person, currency string) Licence {
	l := Licence{Asset: a, Metric: a.Metric, Holders: st.SeatHolders, Used: len(st.SeatHolders), Status: OK}
	if l.Metric == "" {
		l.Metric = "user"
	}
	cost := st.Price.In(currency)
	l.Currency = cost.Currency
	if l.Currency == "" {
		l.Currency = currency
	}
	for _, p := range st.LeaversHolding(leavers) {
		l.Leavers = append(l.Leavers, p.ID)
	}
	seats, limited := st.SeatLimit(a)
	if !limited {
		return l
	}
	l.Seats = &seats
	switch {
	case l.Used > seats:
		l.Status = Over
	case l.Used < seats:
		l.Status, l.Free = Unused, seats-l.Used
	}
	if cost.IsZero() || a.Term.IsZero() || seats == 0 {
		return l
	}
	num, den := a.Term.TermsPerYear()
	places := asset.MinorUnits(l.Currency)
	perSeat := cost.Amount.Mul(decimal.NewFromInt(num)).DivRound(decimal.NewFromInt(den*int64(seats)), places)
	wasted := perSeat.Mul(decimal.NewFromInt(int64(l.Free)))
	l.CostPerSeatPerYear, l.WastedPerYear = &perSeat, &wasted
	return l
}

// Totals sums licences per currency, sorted by currency.
func Totals(ls []Licence) []Total {
	by := map[string]*Total{}
	for _, l := range ls {
		t := by[l.Currency]
		if t == nil {
			t = &Total{Currency: l.Currency}
			by[l.Currency] = t
		}
		t.Licences++
		t.Used += l.Used
		t.Free += l.Free
		if l.Seats != nil {
			t.Seats += *l.Seats
		}
		if l.Status == Over {
			t.Over++
		}
		if l.WastedPerYear != nil {
			t.WastedPerYear = t.WastedPerYear.Add(*l.WastedPerYear)
		}
	}
	out := make([]Total, 0, len(by))
	for _, t := range by {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Currency < out[j].Currency })
	return out
}

// PerSeat is what one seat of a licence costs for one term: its price
// divided by its seat limit on the status's day, rounded to the minor units
// of its currency (currency when the cost names none), as every per-seat
// figure is. A licence without a cost or without a seat limit has none.
func PerSeat(a *asset.Asset, st asset.Status, currency string) (asset.Money, bool) {
	seats, limited := st.SeatLimit(a)
	if st.Price.IsZero() || !limited || seats <= 0 {
		return asset.Money{}, false
	}
	cost := st.Price.In(currency)
	per := cost.Amount.DivRound(decimal.NewFromInt(int64(seats)), asset.MinorUnits(cost.Currency))
	return asset.NewMoney(per, st.Price.Currency), true
}

// Holdings lists what each person holds on the statuses' day: hardware
// and components they hold (not those installed in hardware, which go with
// it) and the licences they hold a seat of, in the order of assets.
func Holdings(assets []*asset.Asset, statuses map[string]asset.Status) map[string][]*asset.Asset {
	out := map[string][]*asset.Asset{}
	for _, a := range assets {
		st := statuses[a.ID]
		if st.InstalledIn == "" && st.Holder != "" {
			out[st.Holder] = append(out[st.Holder], a)
		}
		for _, h := range append(st.SeatHolders, st.HolderIDs()...) {
			out[h] = append(out[h], a)
		}
	}
	return out
}
