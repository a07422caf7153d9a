package view

import (
	"fmt"
	"io"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/depreciation"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
)

// DepreciationGroup is one group's totals in one currency.
type DepreciationGroup struct {
	Group       string  `json:"group,omitempty"`
	Currency    string  `json:"currency"`
	Assets      int     `json:"assets"`
	Cost        *Amount `json:"cost"`
	Accumulated *Amount `json:"accumulated"`
	BookValue   *Amount `json:"book_value"`
}

// DepreciationTotals is depreciation.Totals, its amounts as JSON gives them.
func DepreciationTotals(results []*depreciation.Result, by string) []DepreciationGroup {
	totals := depreciation.Totals(results, by)
	out := make([]DepreciationGroup, len(totals))
	for i, t := range totals {
		out[i] = DepreciationGroup{Group: t.Group, Currency: t.Currency, Assets: t.Assets,
			Cost: Money(t.Cost, t.Currency), Accumulated: Money(t.Accumulated, t.Currency), BookValue: Money(t.BookValue, t.Currency)}
	}
	return out
}

// Guess is how many assets have a cost and no depreciation method, and
// what they cost: their book value is their cost.
type Guess struct {
	Assets int       `json:"assets"`
	Cost   []*Amount `json:"cost"`
}

// GuessOf shapes depreciation.Guessed for output.
func GuessOf(g depreciation.Guess, currency string) Guess {
	return Guess{Assets: g.Assets, Cost: AmountsOf(g.Cost, currency)}
}

// Sentence says it in words, or "" when there is none.
func (g Guess) Sentence() string {
	if g.Assets == 0 {
		return ""
	}
	if g.Assets == 1 {
		return fmt.Sprintf("1 asset (cost %s) has no depreciation method: its book value is its cost (itrack validate names it).", amountList(g.Cost))
	}
	return fmt.Sprintf("%d assets (cost %s) have no depreciation method: their book value is their cost (itrack validate names them).", g.Assets, amountList(g.Cost))
}

// DepreciationTotalsTable is the table of group totals; by heads the
// group column ("" for totals per currency alone).
func DepreciationTotalsTable(groups []DepreciationGroup, by string) render.Table {
	t := render.Table{Header: []string{"currency", "assets", "cost", "accumulated", "book value"}}
	if by != "" {
		t.Header = append([]string{by}, t.Header...)
	}
	for _, g := range groups {
		row := []string{g.Currency, fmt.Sprint(g.Assets), g.Cost.Amount, g.Accumulated.Amount, g.BookValue.Amount}
		if by != "" {
			row = append([]string{g.Group}, row...)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// DepreciationTable lists assets with their depreciation.
func DepreciationTable(rows []DepreciationRow) render.Table {
	t := render.Table{Header: []string{"id", "name", "method", "life", "cost", "accumulated", "book value", "fully depreciated"}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.ID, r.Name, r.Method, r.Life, r.Cost.String(), r.Accumulated.String(), r.BookValue.String(), r.FullyDepreciatedOn})
	}
	return t
}

// ScheduleTable is an asset's depreciation year by year.
func ScheduleTable(v DepreciationRow) render.Table {
	t := render.Table{Header: []string{"year", "from", "to", "charge", "accumulated", "book value"}}
	for _, y := range v.Schedule {
		t.Rows = append(t.Rows, []string{fmt.Sprint(y.Year), y.Starts, y.Ends, y.Charge.Amount, y.Accumulated.Amount, y.BookValue.Amount})
	}
	return t
}

// WriteText writes one asset's depreciation on asOf, for a terminal.
func (v DepreciationRow) WriteText(out io.Writer, st *render.Styles, asOf asset.Date) {
	fmt.Fprintf(out, "%s  %s\n", st.Bold().Render(safe.Text(v.ID)), safe.Text(v.Name))
	life := ""
	if v.Life != "" {
		life = ", life " + v.Life
	}
	fmt.Fprintf(out, "  method:       %s%s, salvage %s\n", v.Method, life, v.Salvage)
	fmt.Fprintf(out, "  cost:         %s, purchased %s\n", v.Cost, v.PurchaseDate)
	fmt.Fprintf(out, "  on %s: accumulated %s, book value %s\n", asOf, v.Accumulated, v.BookValue)
	if v.FullyDepreciatedOn != "" {
		fmt.Fprintf(out, "  fully depreciated on %s\n", v.FullyDepreciatedOn)
	}
	if d := v.Disposal; d != nil {
		fmt.Fprintf(out, "  disposed of on %s: book value %s, proceeds %s, gain or loss %s\n", d.Date, d.BookValue, d.Proceeds, d.GainOrLoss)
	}
}
