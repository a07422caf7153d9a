package asset

import "testing"

func TestPriceOn(t *testing.T) {
	cost := func(s string) Money {
		m, err := ParseMoney(s)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	renew := ev("2026-05-01", Renew)
	renew.Until, renew.Cost = day("2027-05-01"), cost("130.00")
	seats := ev("2026-09-01", TrueUp)
	seats.Seats = ptr(12)
	priced := ev("2026-10-01", TrueUp)
	priced.Seats, priced.Cost = ptr(15), cost("160.00")
	a := &Asset{ID: "crm", Kind: Licence, Cost: cost("100.00"), Term: Duration{1, 'y'}, Renews: day("2026-05-01"),
		History: []Event{renew, seats, priced}}
	for _, tc := range []struct{ on, want string }{
		{"2026-04-30", "100.00"}, // the record's cost, before any event
		{"2026-05-01", "130.00"}, // from the renewal's own day
		{"2026-09-01", "130.00"}, // a seat count without a cost keeps the price
		{"2026-10-01", "160.00"}, // one with a cost sets it
		{"2030-01-01", "160.00"},
	} {
		if got := PriceOn(a, day(tc.on)).Text(); got != tc.want {
			t.Errorf("PriceOn(%s) = %s, want %s", tc.on, got, tc.want)
		}
		st, _ := StatusAt(a, day(tc.on), Duration{})
		if got := st.Price.Text(); got != tc.want {
			t.Errorf("StatusAt(%s).Price = %s, want %s", tc.on, got, tc.want)
		}
	}
	if Priced(&Asset{Kind: Licence}) {
		t.Error("a licence without any cost is priced")
	}
	if !Priced(&Asset{Kind: Licence, History: []Event{renew}}) {
		t.Error("a licence whose renewal names a cost is not priced")
	}
}

func TestTrueUpKeepsThePricePerSeat(t *testing.T) {
	a := &Asset{ID: "design", Kind: Licence, Seats: ptr(3), Term: Duration{1, 'y'}, Renews: day("2027-03-01")}
	a.Cost, _ = ParseMoney("100.00")
	e := ev("2026-11-29", TrueUp)
	e.Seats = ptr(4)
	// 100.00 for 3 seats is 33.333… a seat: 4 seats cost 133.33, not 4 × 33.33
	p, r := Plan(a, e, PlanOptions{Currency: "GBP"})
	if r != nil {
		t.Fatal(r)
	}
	if got := p.Events[0].Cost.Text(); got != "133.33" {
		t.Errorf("recorded cost %s, want 133.33", got)
	}
	if len(p.Notes) != 1 || p.Notes[0] != "the price per seat stays 33.33 GBP: from 2026-11-29, design costs 133.33 GBP per 1y (give --cost for another total)" {
		t.Errorf("notes %q", p.Notes)
	}
}
