// Package depreciation computes how an asset's value falls over its life:
// the schedule of charges per month and per year, the accumulated
// depreciation and book value on a date, and the gain or loss on disposal.
//
// Amounts are exact decimals. Straight line spreads cost − salvage evenly
// over every month of the life; the other methods round each year's charge
// to the currency's minor unit and spread it evenly over that year's
// months. A month's share is rounded too and the last month of each spread
// absorbs the rounding, so a schedule always sums exactly to cost − salvage
// and book value never drops below salvage.
package depreciation

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Basis is what a schedule is computed from.
type Basis struct {
	Method  string
	Cost    decimal.Decimal
	Salvage decimal.Decimal
	Months  int             // useful life in months
	Rate    decimal.Decimal // declining_balance: the annual rate
	Places  int32           // decimal places of the currency's minor unit
}

// Schedule is a basis worked out: the charge of each year of the life,
// and of each month as segments (a charge spread evenly over some months,
// the last month absorbing the rounding), so that book values are computed
// without listing every month.
type Schedule struct {
	Basis
	Yearly   []decimal.Decimal // per year of life (12 months, the last maybe fewer)
	segments []segment
}

// segment is a charge spread over months: part each month, the last month
// taking total − part × (months − 1).
type segment struct {
	months int
	part   decimal.Decimal
	total  decimal.Decimal
}

func newSegment(total decimal.Decimal, months int, places int32) segment {
	part := total.DivRound(decimal.NewFromInt(int64(months)), places+4).Round(places)
	return segment{months: months, part: part, total: total}
}

var (
	zero   = decimal.Zero
	twelve = decimal.NewFromInt(12)
)

// Compute works out the schedule of a basis.
func Compute(b Basis) (*Schedule, error) {
	if b.Months <= 0 && b.Method != None {
		return nil, fmt.Errorf("a life of %d months cannot be depreciated", b.Months)
	}
	if b.Salvage.GreaterThan(b.Cost) {
		return nil, fmt.Errorf("salvage %s is more than the cost %s", b.Salvage, b.Cost)
	}
	s := &Schedule{Basis: b}
	base := b.Cost.Sub(b.Salvage)
	switch b.Method {
	case None:
		return s, nil
	case StraightLine:
		// one charge spread over the whole life, then totalled per year
		s.segments = []segment{newSegment(base, b.Months, b.Places)}
		for y := 0; y < years(b.Months); y++ {
			s.Yearly = append(s.Yearly, s.Accumulated(min(12*(y+1), b.Months)).Sub(s.Accumulated(12*y)))
		}
		return s, nil
	case DecliningBalance:
		if !b.Rate.IsPositive() {
			return nil, fmt.Errorf("declining_balance needs a rate")
		}
		s.Yearly = declining(b, b.Rate, false)
	case DoubleDeclining:
		// rate = 2 / life in years = 24 / life in months
		rate := decimal.NewFromInt(24).DivRound(decimal.NewFromInt(int64(b.Months)), 16)
		s.Yearly = declining(b, rate, true)
	case SumOfYears:
		s.Yearly = sumOfYears(b)
	default:
		return nil, fmt.Errorf("unknown depreciation method %q", b.Method)
	}
	for y, charge := range s.Yearly {
		s.segments = append(s.segments, newSegment(charge, min(12, b.Months-12*y), b.Places))
	}
	return s, nil
}

// years is the number of years of life, the last one maybe partial.
func years(months int) int { return (months + 11) / 12 }

// declining charges rate × book value each year, never below salvage; with
// switchToLine it takes the straight line over the remaining life instead
// when that is more (Excel's VDB). The last year writes off what is left
// down to salvage.
func declining(b Basis, rate decimal.Decimal, switchToLine bool) []decimal.Decimal {
	n := years(b.Months)
	out := make([]decimal.Decimal, n)
	book := b.Cost
	for y := 0; y < n; y++ {
		left := book.Sub(b.Salvage)
		if y == n-1 {
			out[y] = left
			break
		}
		charge := book.Mul(rate)
		if b.Months-12*y < 12 {
			charge = charge.Mul(decimal.NewFromInt(int64(b.Months - 12*y))).Div(twelve)
		}
		if switchToLine {
			remaining := decimal.NewFromInt(int64(b.Months - 12*y)).Div(twelve)
			if line := left.DivRound(remaining, 16); line.GreaterThan(charge) {
				charge = line
			}
		}
		charge = decimal.Min(charge.Round(b.Places), left)
		out[y] = charge
		book = book.Sub(charge)
	}
	return out
}

// sumOfYears charges (remaining years / sum of the years' digits) of the
// depreciable base each year; a partial last year counts as a whole one.
func sumOfYears(b Basis) []decimal.Decimal {
	n := years(b.Months)
	base := b.Cost.Sub(b.Salvage)
	digits := decimal.NewFromInt(int64(n * (n + 1) / 2))
	out := make([]decimal.Decimal, n)
	done := zero
	for y := 0; y < n; y++ {
		if y == n-1 {
			out[y] = base.Sub(done)
			break
		}
		out[y] = base.Mul(decimal.NewFromInt(int64(n-y))).DivRound(digits, b.Places+4).Round(b.Places)
		done = done.Add(out[y])
	}
	return out
}

// Accumulated is the depreciation of the first months of life.
func (s *Schedule) Accumulated(months int) decimal.Decimal {
	sum := zero
	for _, seg := range s.segments {
		if months >= seg.months {
			sum = sum.Add(seg.total)
			months -= seg.months
			continue
		}
		if months > 0 {
			sum = sum.Add(seg.part.Mul(decimal.NewFromInt(int64(months))))
		}
		break
	}
	return sum
}

// Month is the charge of month i of the life (from 0).
func (s *Schedule) Month(i int) decimal.Decimal {
	return s.Accumulated(i + 1).Sub(s.Accumulated(i))
}

// BookValue is the cost less the depreciation of the first months of life.
func (s *Schedule) BookValue(months int) decimal.Decimal {
	return s.Cost.Sub(s.Accumulated(months))
}
