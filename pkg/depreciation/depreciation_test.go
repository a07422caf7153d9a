package depreciation

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// Published vectors: Microsoft's documentation of Excel's SLN, DDB, VDB and
// SYD functions, whose examples these are.
func TestPublishedVectors(t *testing.T) {
	tests := []struct {
		source string
		basis  Basis
		years  map[int]string // year (1-based) → expected charge
	}{
		{"Excel SLN(30000,7500,10) = 2250 a year",
			Basis{Method: StraightLine, Cost: dec("30000"), Salvage: dec("7500"), Months: 120, Places: 2},
			map[int]string{1: "2250", 5: "2250", 10: "2250"}},
		{"Excel DDB(2400,300,10): year 1 = 480.00, year 10 = 22.12",
			Basis{Method: DoubleDeclining, Cost: dec("2400"), Salvage: dec("300"), Months: 120, Places: 2},
			map[int]string{1: "480.00", 2: "384.00", 10: "22.12"}},
		{"Excel DDB(6000,500,5) = 2400, 1440, 864, 518.40, 277.60 (capped at salvage)",
			Basis{Method: DoubleDeclining, Cost: dec("6000"), Salvage: dec("500"), Months: 60, Places: 2},
			map[int]string{1: "2400", 2: "1440", 3: "864", 4: "518.40", 5: "277.60"}},
		{"Excel VDB(5000,200,5) with the switch to straight line = 2000, 1200, 720, 440, 440",
			Basis{Method: DoubleDeclining, Cost: dec("5000"), Salvage: dec("200"), Months: 60, Places: 2},
			map[int]string{1: "2000", 2: "1200", 3: "720", 4: "440", 5: "440"}},
		{"Excel SYD(30000,7500,10): period 1 = 4090.91, period 10 = 409.09",
			Basis{Method: SumOfYears, Cost: dec("30000"), Salvage: dec("7500"), Months: 120, Places: 2},
			map[int]string{1: "4090.91", 10: "409.09"}},
		{"declining balance at 30%: 10000 → 3000, 2100, then the rest to salvage 1000",
			Basis{Method: DecliningBalance, Cost: dec("10000"), Salvage: dec("1000"), Months: 36, Rate: dec("0.3"), Places: 2},
			map[int]string{1: "3000", 2: "2100", 3: "3900"}},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			s, err := Compute(tt.basis)
			if err != nil {
				t.Fatal(err)
			}
			for year, want := range tt.years {
				if got := s.Yearly[year-1]; !got.Equal(dec(want)) {
					t.Errorf("year %d = %s, want %s", year, got.StringFixed(2), want)
				}
			}
		})
	}
}

func TestStraightLineMonthly(t *testing.T) {
	// cost 1300, salvage 100, 12 months: 100 a month, so after one whole
	// month the book value is 1200.00.
	s, err := Compute(Basis{Method: StraightLine, Cost: dec("1300"), Salvage: dec("100"), Months: 12, Places: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.BookValue(1); !got.Equal(dec("1200.00")) {
		t.Errorf("book value after 1 month = %s, want 1200.00", got)
	}
	if got := s.BookValue(0); !got.Equal(dec("1300")) {
		t.Errorf("book value at purchase = %s, want 1300", got)
	}
	if got := s.BookValue(40); !got.Equal(dec("100")) {
		t.Errorf("book value long after = %s, want the salvage 100", got)
	}
}

func TestRoundingIsAbsorbedByTheLastPeriod(t *testing.T) {
	// 1000 over 36 months is 27.777…: 35 months of 27.78 and a last one of 27.70.
	s, _ := Compute(Basis{Method: StraightLine, Cost: dec("1000"), Months: 36, Places: 2})
	if !s.Month(0).Equal(dec("27.78")) || !s.Month(35).Equal(dec("27.70")) {
		t.Errorf("months = %s … %s, want 27.78 … 27.70", s.Month(0), s.Month(35))
	}
	// JPY has no minor unit
	s, _ = Compute(Basis{Method: StraightLine, Cost: dec("100000"), Months: 36, Places: 0})
	if !s.Month(0).Equal(dec("2778")) {
		t.Errorf("JPY month = %s, want 2778", s.Month(0))
	}
}

// TestProperties: for every method and random inputs, the schedule sums to
// cost − salvage, book value never rises, and never drops below salvage.
func TestProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	methods := []string{StraightLine, DecliningBalance, DoubleDeclining, SumOfYears}
	for i := 0; i < 2000; i++ {
		cost := decimal.New(rng.Int64N(10_000_000), -2)
		salvage := cost.Mul(decimal.New(rng.Int64N(50), -2)).Round(2)
		b := Basis{Method: methods[i%len(methods)], Cost: cost, Salvage: salvage, Months: 1 + rng.IntN(120),
			Rate: decimal.New(1+rng.Int64N(99), -2), Places: 2}
		s, err := Compute(b)
		if err != nil {
			t.Fatalf("%+v: %v", b, err)
		}
		total := s.Accumulated(b.Months)
		var months decimal.Decimal
		for m := 0; m < b.Months; m++ {
			months = months.Add(s.Month(m))
		}
		if !months.Equal(total) {
			t.Fatalf("%+v: the months sum to %s, the schedule to %s", b, months, total)
		}
		if !total.Equal(cost.Sub(salvage)) {
			t.Fatalf("%+v: schedule sums to %s, want %s", b, total, cost.Sub(salvage))
		}
		prev := cost
		for m := 0; m <= b.Months; m++ {
			book := s.BookValue(m)
			if book.GreaterThan(prev) {
				t.Fatalf("%+v: book value rises in month %d: %s → %s", b, m, prev, book)
			}
			if book.LessThan(salvage) {
				t.Fatalf("%+v: book value %s below salvage %s in month %d", b, book, salvage, m)
			}
			prev = book
		}
	}
}
