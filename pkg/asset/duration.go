package asset

import (
	"fmt"
	"strconv"
)

// Duration is a span of calendar time: days, weeks, months or years. Months
// and years are calendar months, so 2024-01-31 + 1m = 2024-02-29.
type Duration struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'; 0 when unset
}

// maxDurationN keeps durations to what a register can mean (a 1000-year
// term is a typo) and far from integer overflow.
const maxDurationN = 100000

// ParseDuration reads a duration written as a whole number and a unit:
// 90d, 6w, 36m, 3y.
func ParseDuration(s string) (Duration, error) {
	if len(s) < 2 {
		return Duration{}, fmt.Errorf("invalid duration %q: write a number and a unit, e.g. 90d, 6w, 36m or 3y", s)
	}
	unit := s[len(s)-1]
	switch unit {
	case 'd', 'w', 'm', 'y':
	default:
		return Duration{}, fmt.Errorf("invalid duration %q: the unit must be d (days), w (weeks), m (months) or y (years)", s)
	}
	n, err := digits(s[:len(s)-1])
	if err != nil || len(s) > 8 {
		return Duration{}, fmt.Errorf("invalid duration %q: write a whole number and a unit, e.g. 90d, 6w, 36m or 3y", s)
	}
	if s[0] == '0' && len(s) > 2 {
		return Duration{}, fmt.Errorf("invalid duration %q: write the number without leading zeros, e.g. %s", s, strconv.Itoa(n)+string(unit))
	}
	if n > maxDurationN {
		return Duration{}, fmt.Errorf("invalid duration %q: at most %d", s, maxDurationN)
	}
	return Duration{N: n, Unit: unit}, nil
}

// IsZero reports whether the duration is unset.
func (d Duration) IsZero() bool { return d.Unit == 0 }

// String writes the duration back in its written form.
func (d Duration) String() string {
	if d.IsZero() {
		return ""
	}
	return strconv.Itoa(d.N) + string(d.Unit)
}

// AddTo returns the date this duration after from.
func (d Duration) AddTo(from Date) Date {
	switch d.Unit {
	case 'd':
		return from.AddDays(d.N)
	case 'w':
		return from.AddDays(7 * d.N)
	case 'm':
		return from.AddMonths(d.N)
	case 'y':
		return from.AddMonths(12 * d.N)
	}
	return from
}

// SubFrom returns the date this duration before from.
func (d Duration) SubFrom(from Date) Date {
	switch d.Unit {
	case 'd':
		return from.AddDays(-d.N)
	case 'w':
		return from.AddDays(-7 * d.N)
	case 'm':
		return from.AddMonths(-d.N)
	case 'y':
		return from.AddMonths(-12 * d.N)
	}
	return from
}

// Months returns the duration in whole months, and false when it is counted
// in days or weeks.
func (d Duration) Months() (int, bool) {
	switch d.Unit {
	case 'm':
		return d.N, true
	case 'y':
		return 12 * d.N, true
	}
	return 0, false
}

// TermsPerYear returns how many of this duration fit in a year, as the
// fraction num/den: 1y → 1/1, 36m → 12/36, 90d → 365/90. A year is 365 days
// or 52 weeks plus a day, which is what finance means by an annual run-rate.
func (d Duration) TermsPerYear() (num, den int64) {
	n := int64(d.N)
	if n == 0 {
		return 0, 1
	}
	switch d.Unit {
	case 'd':
		return 365, n
	case 'w':
		return 365, 7 * n
	case 'm':
		return 12, n
	case 'y':
		return 1, n
	}
	return 0, 1
}
