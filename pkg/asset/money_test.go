package asset

import (
	"reflect"
	"testing"

	"github.com/shopspring/decimal"
)

// Money and dates go through the register's index unchanged: as written,
// computed, or unset.
func TestMoneyAndDateBinaryRoundTrip(t *testing.T) {
	written, _ := ParseMoney("1249.50 USD")
	for _, m := range []Money{written, written.Times(3), {}} {
		b, _ := m.MarshalBinary()
		var back Money
		if err := back.UnmarshalBinary(b); err != nil || !reflect.DeepEqual(back, m) {
			t.Errorf("%#v came back as %#v (%v)", m, back, err)
		}
	}
	for _, d := range []Date{NewDate(2026, 11, 29), NewDate(1, 1, 1), NewDate(9999, 12, 31), {}} {
		b, _ := d.MarshalBinary()
		var back Date
		if err := back.UnmarshalBinary(b); err != nil || back != d {
			t.Errorf("%v came back as %v (%v)", d, back, err)
		}
	}
}

// What the index holds is read as strictly as a file: an amount out of
// bounds, or not as a file may write it, is refused.
func TestMoneyBinaryRefusesWhatNoFileHolds(t *testing.T) {
	huge := decimal.New(1, 2147483647)
	exact, _ := huge.MarshalBinary()
	for _, b := range [][]byte{
		[]byte(":GBP 1e9"), []byte(":GBP 1234567890123456789"), []byte(":gbp 12.00"), []byte(":GBP -3"),
		append([]byte("=GBP "), exact...), []byte("=GBP x"), []byte("?GBP 1"), []byte(":GBP"),
	} {
		var m Money
		if err := m.UnmarshalBinary(b); err == nil {
			t.Errorf("%q read as %v", b, m)
		}
	}
}
