package asset

import (
	"reflect"
	"testing"
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
