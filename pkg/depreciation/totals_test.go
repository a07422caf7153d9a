package depreciation

import (
	"reflect"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

func TestTotals(t *testing.T) {
	r := func(kind asset.Kind, category string, year int, currency, cost, acc string) *Result {
		a := &asset.Asset{Kind: kind, Category: category}
		a.Purchase.Date = asset.NewDate(year, 3, 1)
		c, ac := dec(cost), dec(acc)
		return &Result{Asset: a, Currency: currency, Cost: c, Accumulated: ac, BookValue: c.Sub(ac)}
	}
	results := []*Result{
		r(asset.Hardware, "laptop", 2024, "GBP", "1000", "400"),
		r(asset.Hardware, "", 2025, "GBP", "500", "100"),
		r(asset.Licence, "laptop", 2024, "EUR", "300", "300"),
		r(asset.Hardware, "laptop", 2024, "EUR", "200", "50"),
	}
	total := func(group, currency string, n int, cost, acc, book string) Total {
		return Total{Group: group, Currency: currency, Assets: n, Cost: dec(cost), Accumulated: dec(acc), BookValue: dec(book)}
	}
	for _, tc := range []struct {
		by   string
		want []Total
	}{
		{"", []Total{total("", "EUR", 2, "500", "350", "150"), total("", "GBP", 2, "1500", "500", "1000")}},
		{ByKind, []Total{total("hardware", "EUR", 1, "200", "50", "150"), total("hardware", "GBP", 2, "1500", "500", "1000"), total("licence", "EUR", 1, "300", "300", "0")}},
		{ByCategory, []Total{total("(none)", "GBP", 1, "500", "100", "400"), total("laptop", "EUR", 2, "500", "350", "150"), total("laptop", "GBP", 1, "1000", "400", "600")}},
		{ByYear, []Total{total("2024", "EUR", 2, "500", "350", "150"), total("2024", "GBP", 1, "1000", "400", "600"), total("2025", "GBP", 1, "500", "100", "400")}},
	} {
		got := Totals(results, tc.by)
		// decimals compare by value, not representation
		same := len(got) == len(tc.want)
		for i := 0; same && i < len(got); i++ {
			g, w := got[i], tc.want[i]
			same = g.Group == w.Group && g.Currency == w.Currency && g.Assets == w.Assets &&
				g.Cost.Equal(w.Cost) && g.Accumulated.Equal(w.Accumulated) && g.BookValue.Equal(w.BookValue)
		}
		if !same {
			t.Errorf("Totals(by %q) =\n%v\nwant\n%v", tc.by, got, tc.want)
		}
	}
	if got := Totals(nil, ByKind); !reflect.DeepEqual(got, []Total{}) {
		t.Errorf("Totals(nil) = %#v, want an empty list", got)
	}
}
