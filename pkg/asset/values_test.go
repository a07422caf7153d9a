package asset_test

import (
	"strings"
	"testing"
	"time"

	"github.com/itrack/itrack/pkg/asset"
)

func date(t *testing.T, s string) asset.Date {
	t.Helper()
	d, err := asset.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    asset.Date
		wantErr string // a part of the message; "" when the date is valid
	}{
		{name: "ordinary", in: "2026-03-31", want: asset.NewDate(2026, time.March, 31)},
		{name: "leap day", in: "2024-02-29", want: asset.NewDate(2024, time.February, 29)},
		{name: "leap day of a century divisible by 400", in: "2000-02-29", want: asset.NewDate(2000, time.February, 29)},
		{name: "first day of the calendar", in: "0001-01-01", want: asset.NewDate(1, time.January, 1)},
		{name: "last day of the calendar", in: "9999-12-31", want: asset.NewDate(9999, time.December, 31)},
		{name: "30 February", in: "2024-02-30", wantErr: "February 2024 has 29 days"},
		{name: "29 February of a common year", in: "2023-02-29", wantErr: "February 2023 has 28 days"},
		{name: "29 February of a century not divisible by 400", in: "1900-02-29", wantErr: "February 1900 has 28 days"},
		{name: "31 April", in: "2025-04-31", wantErr: "April 2025 has 30 days"},
		{name: "day zero", in: "2025-04-00", wantErr: "April 2025 has 30 days"},
		{name: "month 13", in: "2026-13-01", wantErr: "month must be 01 to 12"},
		{name: "month zero", in: "2026-00-10", wantErr: "month must be 01 to 12"},
		{name: "year zero", in: "0000-01-01", wantErr: "year must be 0001 or later"},
		{name: "day first", in: "31/01/2024", wantErr: "write dates as YYYY-MM-DD"},
		{name: "no leading zeros", in: "2024-1-5", wantErr: "write dates as YYYY-MM-DD"},
		{name: "with a time", in: "2024-01-05T10:00:00Z", wantErr: "write dates as YYYY-MM-DD"},
		{name: "signed year", in: "+024-01-05", wantErr: "write dates as YYYY-MM-DD"},
		{name: "signed month", in: "2024-+1-05", wantErr: "write dates as YYYY-MM-DD"},
		{name: "spaces", in: " 2024-01-05", wantErr: "write dates as YYYY-MM-DD"},
		{name: "slashes", in: "2024/01/05", wantErr: "write dates as YYYY-MM-DD"},
		{name: "empty", in: "", wantErr: "write dates as YYYY-MM-DD"},
		{name: "non-ASCII digits", in: "２０２４-01-05", wantErr: "write dates as YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := asset.ParseDate(tt.in)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %s, want an error", tt.in, got)
				}
				if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "invalid date") {
					t.Fatalf("ParseDate(%q) error %q, want it to say %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Fatalf("ParseDate(%q) = %s, want %s", tt.in, got, tt.want)
			}
			if got.String() != tt.in {
				t.Fatalf("ParseDate(%q).String() = %q", tt.in, got.String())
			}
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	tests := []struct {
		name string
		got  asset.Date
		want string
	}{
		{name: "add days across a year", got: date(t, "2025-12-30").AddDays(3), want: "2026-01-02"},
		{name: "add days backwards across a leap day", got: date(t, "2024-03-01").AddDays(-1), want: "2024-02-29"},
		{name: "add months clamps to a leap February", got: date(t, "2024-01-31").AddMonths(1), want: "2024-02-29"},
		{name: "add months clamps to a common February", got: date(t, "2023-01-31").AddMonths(1), want: "2023-02-28"},
		{name: "add months backwards across a year", got: date(t, "2024-03-31").AddMonths(-4), want: "2023-11-30"},
		{name: "add 12 months to a leap day", got: date(t, "2024-02-29").AddMonths(12), want: "2025-02-28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got.String() != tt.want {
				t.Fatalf("got %s, want %s", tt.got, tt.want)
			}
		})
	}
}

func TestDaysUntil(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		want     int
	}{
		{name: "same day", from: "2026-03-31", to: "2026-03-31", want: 0},
		{name: "a leap year", from: "2024-01-01", to: "2025-01-01", want: 366},
		{name: "backwards", from: "2025-01-01", to: "2024-01-01", want: -366},
		{name: "across 400 years", from: "2000-01-01", to: "2400-01-01", want: 146097},
		{name: "the whole calendar", from: "0001-01-01", to: "9999-12-31", want: 3652058},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := date(t, tt.from).DaysUntil(date(t, tt.to)); got != tt.want {
				t.Fatalf("%s.DaysUntil(%s) = %d, want %d", tt.from, tt.to, got, tt.want)
			}
		})
	}
}

func TestMonthsBetween(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		want     int
	}{
		{name: "same day", from: "2024-01-15", to: "2024-01-15", want: 0},
		{name: "a day short of a month", from: "2024-01-15", to: "2024-02-14", want: 0},
		{name: "exactly a month", from: "2024-01-15", to: "2024-02-15", want: 1},
		{name: "end of month to a shorter month's end", from: "2024-01-31", to: "2024-02-29", want: 1},
		{name: "end of month to a common February's end", from: "2023-01-31", to: "2023-02-28", want: 1},
		{name: "end of month a day short", from: "2024-01-31", to: "2024-02-28", want: 0},
		{name: "31st to the 30th of a 31-day month", from: "2024-01-31", to: "2024-03-30", want: 1},
		{name: "31st to the 31st", from: "2024-01-31", to: "2024-03-31", want: 2},
		{name: "a year from a leap day", from: "2024-02-29", to: "2025-02-28", want: 12},
		{name: "across years", from: "2023-11-20", to: "2026-03-19", want: 27},
		{name: "three years", from: "2023-03-01", to: "2026-03-01", want: 36},
		{name: "end before start", from: "2024-03-01", to: "2024-02-01", want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := asset.MonthsBetween(date(t, tt.from), date(t, tt.to)); got != tt.want {
				t.Fatalf("MonthsBetween(%s, %s) = %d, want %d", tt.from, tt.to, got, tt.want)
			}
		})
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    asset.Duration
		wantErr string
	}{
		{name: "days", in: "90d", want: asset.Duration{N: 90, Unit: 'd'}},
		{name: "weeks", in: "6w", want: asset.Duration{N: 6, Unit: 'w'}},
		{name: "months", in: "36m", want: asset.Duration{N: 36, Unit: 'm'}},
		{name: "years", in: "3y", want: asset.Duration{N: 3, Unit: 'y'}},
		{name: "zero days", in: "0d", want: asset.Duration{N: 0, Unit: 'd'}},
		{name: "the largest", in: "100000d", want: asset.Duration{N: 100000, Unit: 'd'}},
		{name: "too large", in: "100001y", wantErr: "at most 100000"},
		{name: "far too large", in: "99999999999999999999d", wantErr: "write a whole number and a unit"},
		{name: "unit spelt out", in: "1yr", wantErr: "the unit must be d (days), w (weeks), m (months) or y (years)"},
		{name: "unit in capitals", in: "3Y", wantErr: "the unit must be"},
		{name: "words", in: "30 days", wantErr: "the unit must be"},
		{name: "no number", in: "d", wantErr: "write a number and a unit"},
		{name: "empty", in: "", wantErr: "write a number and a unit"},
		{name: "fraction", in: "1.5y", wantErr: "write a whole number and a unit"},
		{name: "negative", in: "-3m", wantErr: "write a whole number and a unit"},
		{name: "plus sign", in: "+3m", wantErr: "write a whole number and a unit"},
		{name: "space before the unit", in: "3 m", wantErr: "write a whole number and a unit"},
		{name: "leading zero", in: "012m", wantErr: "without leading zeros, e.g. 12m"},
		{name: "only zeros", in: "00d", wantErr: "without leading zeros, e.g. 0d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := asset.ParseDuration(tt.in)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("ParseDuration(%q) = %s, want an error", tt.in, got)
				}
				if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "invalid duration") {
					t.Fatalf("ParseDuration(%q) error %q, want it to say %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDuration(%q): %v", tt.in, err)
			}
			if got != tt.want || got.String() != tt.in {
				t.Fatalf("ParseDuration(%q) = %#v (%s), want %#v", tt.in, got, got, tt.want)
			}
		})
	}
}

func TestDurationAddTo(t *testing.T) {
	tests := []struct {
		name     string
		from     string
		duration string
		want     string
	}{
		{name: "end of January plus a month in a leap year", from: "2024-01-31", duration: "1m", want: "2024-02-29"},
		{name: "end of January plus a month in a common year", from: "2023-01-31", duration: "1m", want: "2023-02-28"},
		{name: "leap day plus a year", from: "2024-02-29", duration: "1y", want: "2025-02-28"},
		{name: "leap day plus four years", from: "2024-02-29", duration: "4y", want: "2028-02-29"},
		{name: "end of March plus a month", from: "2024-03-31", duration: "1m", want: "2024-04-30"},
		{name: "months across a year", from: "2025-11-15", duration: "3m", want: "2026-02-15"},
		{name: "36 months", from: "2023-05-31", duration: "36m", want: "2026-05-31"},
		{name: "days across a leap day", from: "2024-02-28", duration: "2d", want: "2024-03-01"},
		{name: "90 days", from: "2026-01-01", duration: "90d", want: "2026-04-01"},
		{name: "weeks", from: "2026-01-01", duration: "6w", want: "2026-02-12"},
		{name: "zero days", from: "2026-01-01", duration: "0d", want: "2026-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := asset.ParseDuration(tt.duration)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.AddTo(date(t, tt.from)); got.String() != tt.want {
				t.Fatalf("%s + %s = %s, want %s", tt.from, tt.duration, got, tt.want)
			}
		})
	}
}

func TestDurationSubFrom(t *testing.T) {
	tests := []struct {
		name     string
		from     string
		duration string
		want     string
	}{
		{name: "notice before a renewal", from: "2026-05-01", duration: "30d", want: "2026-04-01"},
		{name: "end of March minus a month in a leap year", from: "2024-03-31", duration: "1m", want: "2024-02-29"},
		{name: "leap day minus a year", from: "2024-02-29", duration: "1y", want: "2023-02-28"},
		{name: "weeks", from: "2026-02-12", duration: "6w", want: "2026-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := asset.ParseDuration(tt.duration)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.SubFrom(date(t, tt.from)); got.String() != tt.want {
				t.Fatalf("%s - %s = %s, want %s", tt.from, tt.duration, got, tt.want)
			}
		})
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		amount   string // the amount as a decimal; "" when the input is invalid
		currency string
		str      string // what String writes
		wantErr  string
	}{
		{name: "whole amount", in: "1249", amount: "1249", str: "1249"},
		{name: "two decimals", in: "1249.00", amount: "1249", str: "1249"},
		{name: "with a currency", in: "1249.00 USD", amount: "1249", currency: "USD", str: "1249.00 USD"},
		{name: "currency pads to its minor unit", in: "12.5 EUR", amount: "12.5", currency: "EUR", str: "12.50 EUR"},
		{name: "currency without a minor unit", in: "150000 JPY", amount: "150000", currency: "JPY", str: "150000 JPY"},
		{name: "currency with three decimals", in: "12.5 KWD", amount: "12.5", currency: "KWD", str: "12.500 KWD"},
		{name: "more decimals than the minor unit are kept", in: "0.1234 GBP", amount: "0.1234", currency: "GBP", str: "0.1234 GBP"},
		{name: "zero", in: "0", amount: "0", str: "0"},
		{name: "surrounding spaces", in: "  99.99 GBP ", amount: "99.99", currency: "GBP", str: "99.99 GBP"},
		{name: "largest integer part", in: "999999999999999.9999", amount: "999999999999999.9999", str: "999999999999999.9999"},
		{name: "negative", in: "-1249.00", wantErr: "amounts cannot be negative"},
		{name: "negative with a currency", in: "-5 USD", wantErr: "amounts cannot be negative"},
		{name: "thousands separator", in: "12,499.00", wantErr: "without thousands separators"},
		{name: "apostrophe thousands separator", in: "12'499.00", wantErr: "without thousands separators"},
		{name: "exponent", in: "1.2e3", wantErr: "without an exponent"},
		{name: "capital exponent", in: "12E+2", wantErr: "without an exponent"},
		{name: "too many decimals", in: "1249.123456", wantErr: "at most 4 decimal places"},
		{name: "too many digits", in: "1249000000000000", wantErr: "at most 15 digits before the decimal point"},
		{name: "lower-case currency", in: "1200.00 usd", wantErr: "ISO 4217 code"},
		{name: "currency symbol", in: "12.00 US$", wantErr: "ISO 4217 code"},
		{name: "currency too long", in: "12.00 EURO", wantErr: "ISO 4217 code"},
		{name: "symbol in front", in: "£12.00", wantErr: "write an amount as digits"},
		{name: "currency without a space", in: "12.00GBP", wantErr: "write an amount as digits"},
		{name: "plus sign", in: "+12", wantErr: "write an amount as digits"},
		{name: "trailing point", in: "12.", wantErr: "write an amount as digits"},
		{name: "leading point", in: ".5", wantErr: "write an amount as digits"},
		{name: "empty", in: "", wantErr: "write an amount as digits"},
		{name: "words", in: "twelve", wantErr: "write an amount as digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := asset.ParseMoney(tt.in)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("ParseMoney(%q) = %s, want an error", tt.in, got)
				}
				if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "invalid amount") {
					t.Fatalf("ParseMoney(%q) error %q, want it to say %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseMoney(%q): %v", tt.in, err)
			}
			if got.Amount.String() != tt.amount || got.Currency != tt.currency {
				t.Fatalf("ParseMoney(%q) = %s %q, want %s %q", tt.in, got.Amount, got.Currency, tt.amount, tt.currency)
			}
			if got.String() != tt.str {
				t.Fatalf("ParseMoney(%q).String() = %q, want %q", tt.in, got.String(), tt.str)
			}
			if got.IsZero() {
				t.Fatalf("ParseMoney(%q) is unset", tt.in)
			}
		})
	}
}

func TestMoneyIn(t *testing.T) {
	m, err := asset.ParseMoney("1249.5")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.In("GBP").String(); got != "1249.50 GBP" {
		t.Fatalf("In(GBP) = %q, want 1249.50 GBP", got)
	}
	usd, _ := asset.ParseMoney("10 USD")
	if got := usd.In("GBP").String(); got != "10.00 USD" {
		t.Fatalf("In(GBP) of a USD amount = %q, want 10.00 USD", got)
	}
	if got := (asset.Money{}).In("GBP"); !got.IsZero() {
		t.Fatalf("In(GBP) of an unset amount = %q, want it unset", got)
	}
}
