package view

import (
	"fmt"
	"io"

	"github.com/itrack/itrack/pkg/render"
)

// Forecast is `itrack forecast --format json`: the spend of the months
// ahead per group, its totals and the annual run-rate.
type Forecast struct {
	AsOf    string    `json:"as_of"`
	Months  int       `json:"months"`
	By      string    `json:"by"`
	Groups  []Spend   `json:"groups"`
	Totals  []*Amount `json:"totals"`
	RunRate []*Amount `json:"annual_run_rate"`
}

// Write writes the forecast in a format: json, csv (the groups alone),
// markdown or a table, the last two followed by the totals.
func (f Forecast) Write(out io.Writer, st *render.Styles, format string) error {
	if format == "json" {
		return render.WriteJSON(out, f)
	}
	if err := render.WriteAs(out, format, SpendTable(f.By, f.Groups), st); err != nil || format == "csv" {
		return err
	}
	fmt.Fprintln(out)
	for _, m := range f.Totals {
		fmt.Fprintf(out, "Total over %d months: %s\n", f.Months, m)
	}
	for _, m := range f.RunRate {
		fmt.Fprintf(out, "Annual run-rate: %s\n", m)
	}
	return nil
}
