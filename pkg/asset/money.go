package asset

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// Money is an exact decimal amount in a currency. The currency is empty when
// the file did not give one: the register's currency applies (see
// Money.In).
type Money struct {
	Amount   decimal.Decimal
	Currency string
	set      bool
	text     string // the amount as written, for writing it back
}

// maxMoneyDigits bounds the integer part of an amount: no asset costs a
// quadrillion, and a bound keeps typos and fuzzed input cheap to handle.
const maxMoneyDigits = 15

// ParseMoney reads an amount written `1249.00` or `1249.00 USD`. Amounts are
// exact decimals and never negative; the currency, when given, is an ISO
// 4217 code (three capital letters).
func ParseMoney(s string) (Money, error) {
	text := strings.TrimSpace(s)
	num, cur, hasCur := strings.Cut(text, " ")
	if hasCur {
		cur = strings.TrimSpace(cur)
		if !isCurrencyCode(cur) {
			return Money{}, fmt.Errorf("invalid amount %q: the currency must be an ISO 4217 code such as GBP, EUR or USD", s)
		}
	}
	if strings.HasPrefix(num, "-") {
		return Money{}, fmt.Errorf("invalid amount %q: amounts cannot be negative", s)
	}
	if !isPlainDecimal(num) {
		return Money{}, fmt.Errorf("invalid amount %q: %s", s, amountProblem(num))
	}
	d, err := decimal.NewFromString(num)
	if err != nil {
		return Money{}, fmt.Errorf("invalid amount %q: write an amount as digits with an optional decimal point, e.g. 1249.00", s)
	}
	return Money{Amount: d, Currency: cur, set: true, text: num}, nil
}

// isPlainDecimal accepts 1249, 1249.5 and 1249.00 and nothing else: no sign,
// no exponent, no thousands separators, at most four decimal places.
func isPlainDecimal(s string) bool {
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" || len(intPart) > maxMoneyDigits || (hasPoint && (frac == "" || len(frac) > 4)) {
		return false
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

var (
	thousandsAmount = regexp.MustCompile(`^[0-9]{1,3}([,'][0-9]{3})+(\.[0-9]*)?$`)
	exponentAmount  = regexp.MustCompile(`^[0-9]*\.?[0-9]*[eE][+-]?[0-9]+$`)
	digitsAmount    = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)
)

// amountProblem says why num, which is not a plain decimal, is not an
// amount, and how to write it.
func amountProblem(num string) string {
	intPart, frac, _ := strings.Cut(num, ".")
	switch {
	case thousandsAmount.MatchString(num):
		return "write it without thousands separators, e.g. 12499.00"
	case exponentAmount.MatchString(num):
		return "write the digits out, without an exponent, e.g. 1200.00"
	case digitsAmount.MatchString(num) && len(intPart) > maxMoneyDigits:
		return fmt.Sprintf("at most %d digits before the decimal point", maxMoneyDigits)
	case digitsAmount.MatchString(num) && len(frac) > 4:
		return "at most 4 decimal places, e.g. 1249.1234"
	}
	return "write an amount as digits with an optional decimal point and currency, e.g. 1249.00 or 1249.00 USD"
}

func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// NewMoney returns an amount in a currency.
func NewMoney(amount decimal.Decimal, currency string) Money {
	return Money{Amount: amount, Currency: currency, set: true}
}

// IsZero reports whether the amount is unset.
func (m Money) IsZero() bool { return !m.set }

// Text writes the amount as it was read (1249.00, not 1249), with its
// currency when the file gave one.
func (m Money) Text() string {
	if !m.set {
		return ""
	}
	t := m.text
	if t == "" {
		t = m.Amount.String()
	}
	if m.Currency != "" {
		t += " " + m.Currency
	}
	return t
}

// In returns m with the currency filled in from the register's default when
// the file gave none.
func (m Money) In(defaultCurrency string) Money {
	if m.set && m.Currency == "" {
		m.Currency = defaultCurrency
	}
	return m
}

// String writes the amount with the currency's minor unit (1249.00 GBP), or
// with the digits as written when there is no currency.
func (m Money) String() string {
	if !m.set {
		return ""
	}
	if m.Currency == "" {
		return m.Amount.String()
	}
	return m.AmountString() + " " + m.Currency
}

// AmountString writes the amount alone, with the currency's minor unit.
func (m Money) AmountString() string {
	places := MinorUnits(m.Currency)
	if m.Amount.Exponent() < -places {
		return m.Amount.StringFixed(-m.Amount.Exponent())
	}
	return m.Amount.StringFixed(places)
}

// MinorUnits returns the number of decimal places of a currency's minor unit
// (ISO 4217): 2 for most, 0 for JPY and a few others, 3 for the dinars.
func MinorUnits(currency string) int32 {
	switch currency {
	case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF":
		return 0
	case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
		return 3
	}
	return 2
}

// Times is the amount n times over, as a batch of n units costs.
func (m Money) Times(n int) Money {
	if n == 1 || m.IsZero() {
		return m
	}
	return NewMoney(m.Amount.Mul(decimal.NewFromInt(int64(n))), m.Currency)
}

// MarshalBinary writes the amount as it was written (or, for an amount
// computed, its exact decimal) and its currency, for the register's index;
// an unset amount is empty.
func (m Money) MarshalBinary() ([]byte, error) {
	if !m.set {
		return nil, nil
	}
	if m.text == "" {
		exact, err := m.Amount.MarshalBinary()
		return append([]byte("="+m.Currency+" "), exact...), err
	}
	return []byte(":" + m.Currency + " " + m.text), nil
}

// UnmarshalBinary reads what MarshalBinary wrote.
func (m *Money) UnmarshalBinary(b []byte) error {
	if len(b) == 0 {
		*m = Money{}
		return nil
	}
	cur, rest, ok := strings.Cut(string(b[1:]), " ")
	if !ok {
		return fmt.Errorf("an amount has no currency")
	}
	if b[0] == '=' {
		// a computed amount: bounded as any amount the register can make
		*m = Money{Currency: cur, set: true}
		if err := m.Amount.UnmarshalBinary([]byte(rest)); err != nil {
			return err
		}
		if e := m.Amount.Exponent(); e < -30 || e > 30 || m.Amount.Coefficient().BitLen() > 256 || (cur != "" && !isCurrencyCode(cur)) {
			return fmt.Errorf("an amount out of bounds")
		}
		return nil
	}
	if b[0] != ':' {
		return fmt.Errorf("not an amount: %q", b)
	}
	// as written: read as the file's amount was
	text := rest
	if cur != "" {
		text += " " + cur
	}
	parsed, err := ParseMoney(text)
	if err != nil || parsed.text != rest || parsed.Currency != cur {
		return fmt.Errorf("not an amount: %q", text)
	}
	*m = parsed
	return nil
}
