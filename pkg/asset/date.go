// Package asset is itrack's model: the kinds of asset, their fields, the
// value types (Date, Duration, Money), the event log, decoding with
// positions, validation rules and the lifecycle state computed from events.
//
// Nothing here reads the clock or the disk: "today" is always a parameter.
package asset

import (
	"cmp"
	"fmt"
	"strconv"
	"time"
)

// Date is a civil date with no time zone. The zero Date means "not set".
type Date struct {
	y int32
	m int8
	d int8
}

// NewDate returns the date y-m-d, which must be valid.
func NewDate(y int, m time.Month, d int) Date {
	return Date{int32(y), int8(m), int8(d)}
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate reads a date written YYYY-MM-DD. It rejects dates that do not
// exist (2024-02-30) and says why.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("invalid date %q: write dates as YYYY-MM-DD", s)
	}
	y, err1 := digits(s[0:4])
	m, err2 := digits(s[5:7])
	d, err3 := digits(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil {
		return Date{}, fmt.Errorf("invalid date %q: write dates as YYYY-MM-DD", s)
	}
	if y < 1 {
		return Date{}, fmt.Errorf("invalid date %q: year must be 0001 or later", s)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("invalid date %q: month must be 01 to 12", s)
	}
	if n := DaysIn(y, time.Month(m)); d < 1 || d > n {
		return Date{}, fmt.Errorf("invalid date %q: %s %d has %d days", s, time.Month(m), y, n)
	}
	return NewDate(y, time.Month(m), d), nil
}

func digits(s string) (int, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, strconv.ErrSyntax
		}
	}
	return strconv.Atoi(s)
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Year, Month and Day return the parts of the date.
func (d Date) Year() int { return int(d.y) }

// Month returns the month of the date.
func (d Date) Month() time.Month { return time.Month(d.m) }

// Day returns the day of the month.
func (d Date) Day() int { return int(d.d) }

// String writes the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// Time returns midnight UTC at the start of the date.
func (d Date) Time() time.Time {
	return time.Date(int(d.y), time.Month(d.m), int(d.d), 0, 0, 0, 0, time.UTC)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	return cmp.Or(cmp.Compare(d.y, e.y), cmp.Compare(d.m, e.m), cmp.Compare(d.d, e.d))
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns the date n days after d (before it when n is negative).
func (d Date) AddDays(n int) Date {
	return DateOf(d.Time().AddDate(0, 0, n))
}

// AddMonths returns the date n calendar months after d, clamped to the end of
// the month: 2024-01-31 + 1 month is 2024-02-29.
func (d Date) AddMonths(n int) Date {
	total := int(d.y)*12 + int(d.m) - 1 + n
	y, m := total/12, time.Month(total%12+1)
	if total < 0 {
		return Date{}
	}
	day := int(d.d)
	if last := DaysIn(y, m); day > last {
		day = last
	}
	return NewDate(y, m, day)
}

// DaysUntil returns the number of days from d to e (negative when e is
// before d).
func (d Date) DaysUntil(e Date) int {
	// Through Unix seconds, not time.Duration, which saturates at 292 years.
	return int((e.Time().Unix() - d.Time().Unix()) / 86400)
}

// MonthsBetween returns the number of whole months completed from d to e: a
// month counts once e's day of the month reaches d's (or the month ends).
func MonthsBetween(d, e Date) int {
	if e.Before(d) {
		return 0
	}
	n := (int(e.y)-int(d.y))*12 + int(e.m) - int(d.m)
	if n > 0 && d.AddMonths(n).After(e) {
		n--
	}
	return n
}

// MarshalBinary writes the date in four bytes (year, month, day), for the
// register's index.
func (d Date) MarshalBinary() ([]byte, error) {
	return []byte{byte(d.y >> 8), byte(d.y), byte(d.m), byte(d.d)}, nil
}

// UnmarshalBinary reads what MarshalBinary wrote.
func (d *Date) UnmarshalBinary(b []byte) error {
	if len(b) != 4 {
		return fmt.Errorf("a date is 4 bytes, not %d", len(b))
	}
	y, m, day := int(int16(uint16(b[0])<<8|uint16(b[1]))), time.Month(int8(b[2])), int(int8(b[3]))
	if y == 0 && m == 0 && day == 0 {
		*d = Date{}
		return nil
	}
	if y < 1 || m < time.January || m > time.December || day < 1 || day > DaysIn(y, m) {
		return fmt.Errorf("%04d-%02d-%02d is not a date", y, m, day)
	}
	*d = NewDate(y, m, day)
	return nil
}
