package view

import (
	"github.com/shopspring/decimal"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/depreciation"
	"github.com/itrack/itrack/pkg/seats"
)

// Money is an exact amount in a currency, for machine output.
func Money(d decimal.Decimal, currency string) *Amount {
	return &Amount{Amount: d.StringFixed(asset.MinorUnits(currency)), Currency: currency}
}

func moneyOrNil(d *decimal.Decimal, currency string) *Amount {
	if d == nil {
		return nil
	}
	return Money(*d, currency)
}

// Seat is one licence in `itrack seats --format json`.
type Seat struct {
	ID                 string   `json:"id"`
	Kind               string   `json:"kind"`
	Name               string   `json:"name"`
	File               string   `json:"file"`
	Metric             string   `json:"metric"`
	Seats              *int     `json:"seats"`
	Used               int      `json:"used"`
	Free               int      `json:"free"`
	Status             string   `json:"status"`
	Holders            []string `json:"holders"`
	Leavers            []string `json:"leavers"`
	CostPerSeatPerYear *Amount  `json:"cost_per_seat_per_year"`
	WastedPerYear      *Amount  `json:"wasted_per_year"`
}

// SeatTotal is one currency's totals in `itrack seats --format json`.
type SeatTotal struct {
	Currency      string  `json:"currency"`
	Licences      int     `json:"licences"`
	Seats         int     `json:"seats"`
	Used          int     `json:"used"`
	Free          int     `json:"free"`
	Over          int     `json:"over"`
	WastedPerYear *Amount `json:"wasted_per_year"`
}

// SeatsOf shapes a licence's seat position for machine output.
func SeatsOf(l seats.Licence) Seat {
	s := Seat{ID: l.Asset.ID, Kind: string(l.Asset.Kind), Name: l.Asset.Name, File: l.Asset.File, Metric: l.Metric,
		Seats: l.Seats, Used: l.Used, Free: l.Free, Status: l.Status, Holders: orEmpty(l.Holders), Leavers: orEmpty(l.Leavers),
		CostPerSeatPerYear: moneyOrNil(l.CostPerSeatPerYear, l.Currency), WastedPerYear: moneyOrNil(l.WastedPerYear, l.Currency)}
	return s
}

// SeatTotalOf shapes one currency's seat totals.
func SeatTotalOf(t seats.Total) SeatTotal {
	return SeatTotal{Currency: t.Currency, Licences: t.Licences, Seats: t.Seats, Used: t.Used, Free: t.Free, Over: t.Over,
		WastedPerYear: Money(t.WastedPerYear, t.Currency)}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// DepreciationRow is one asset in `itrack depreciation --format json`.
type DepreciationRow struct {
	ID                 string     `json:"id"`
	Kind               string     `json:"kind"`
	Name               string     `json:"name"`
	File               string     `json:"file"`
	Category           string     `json:"category,omitempty"`
	Method             string     `json:"method"`
	Life               string     `json:"life,omitempty"`
	PurchaseDate       string     `json:"purchase_date"`
	Cost               *Amount    `json:"cost"`
	Salvage            *Amount    `json:"salvage"`
	Accumulated        *Amount    `json:"accumulated"`
	BookValue          *Amount    `json:"book_value"`
	FullyDepreciatedOn string     `json:"fully_depreciated_on,omitempty"`
	Disposal           *Disposal  `json:"disposal,omitempty"`
	Schedule           []YearView `json:"schedule,omitempty"`
}

// Disposal is the gain or loss on disposal in machine output.
type Disposal struct {
	Date       string  `json:"date"`
	BookValue  *Amount `json:"book_value"`
	Proceeds   *Amount `json:"proceeds"`
	GainOrLoss *Amount `json:"gain_or_loss"`
}

// YearView is one year of a schedule in machine output.
type YearView struct {
	Year        int     `json:"year"`
	Starts      string  `json:"starts"`
	Ends        string  `json:"ends"`
	Charge      *Amount `json:"charge"`
	Accumulated *Amount `json:"accumulated"`
	BookValue   *Amount `json:"book_value"`
}

// DepreciationOf shapes an asset's depreciation; withSchedule adds the
// year-by-year schedule.
func DepreciationOf(r *depreciation.Result, withSchedule bool) DepreciationRow {
	a, c := r.Asset, r.Currency
	v := DepreciationRow{ID: a.ID, Kind: string(a.Kind), Name: a.Name, File: a.File, Category: a.Category, Method: r.Method,
		Life: r.Life.String(), PurchaseDate: a.Purchase.Date.String(), Cost: Money(r.Cost, c), Salvage: Money(r.Salvage, c),
		Accumulated: Money(r.Accumulated, c), BookValue: Money(r.BookValue, c), FullyDepreciatedOn: r.FullyDepreciatedOn.String()}
	if d := r.Disposal; d != nil {
		v.Disposal = &Disposal{Date: d.Date.String(), BookValue: Money(d.BookValue, c), Proceeds: Money(d.Proceeds, c), GainOrLoss: Money(d.GainOrLoss, c)}
	}
	if withSchedule {
		for _, y := range r.Years() {
			v.Schedule = append(v.Schedule, YearView{Year: y.Year, Starts: y.Starts.String(), Ends: y.Ends.String(),
				Charge: Money(y.Charge, c), Accumulated: Money(y.Accumulated, c), BookValue: Money(y.BookValue, c)})
		}
	}
	return v
}
