package view

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/seats"
)

// SeatsReport is `itrack seats --format json`.
type SeatsReport struct {
	AsOf     string      `json:"as_of"`
	Licences []Seat      `json:"licences"`
	Totals   []SeatTotal `json:"totals"`
}

// Write writes the seats report in a format: json, csv, markdown or a
// table.
func (r SeatsReport) Write(out io.Writer, st *render.Styles, format string) error {
	if format == "json" {
		return render.WriteJSON(out, r)
	}
	t := render.Table{Header: []string{"id", "name", "seats", "used", "free", "status", "per seat/year", "wasted/year", "leavers"}}
	for _, l := range r.Licences {
		total := "unlimited"
		if l.Seats != nil {
			total = fmt.Sprint(*l.Seats)
		}
		if l.Metric == "site" {
			total = "site"
		}
		t.Rows = append(t.Rows, []string{l.ID, l.Name, total, fmt.Sprint(l.Used), fmt.Sprint(l.Free), l.Status,
			l.CostPerSeatPerYear.String(), l.WastedPerYear.String(), strings.Join(l.Leavers, ", ")})
	}
	if format == "csv" {
		return render.WriteCSV(out, t)
	}
	totals := render.Table{Header: []string{"currency", "licences", "seats", "used", "free", "over", "wasted/year"}}
	for _, x := range r.Totals {
		totals.Rows = append(totals.Rows, []string{x.Currency, fmt.Sprint(x.Licences), fmt.Sprint(x.Seats), fmt.Sprint(x.Used),
			fmt.Sprint(x.Free), fmt.Sprint(x.Over), x.WastedPerYear.String()})
	}
	if format == "markdown" {
		if err := render.WriteMarkdown(out, t); err != nil {
			return err
		}
		fmt.Fprintln(out)
		return render.WriteMarkdown(out, totals)
	}
	t.Style = func(_, col int, cell string) lipgloss.Style {
		switch {
		case col == 5 && cell == seats.Over:
			return st.Colour("1")
		case col == 5 && cell == seats.Unused:
			return st.Colour("3")
		case col == 8:
			return st.Colour("3")
		}
		return st.Plain()
	}
	if err := render.WriteTable(out, t, st); err != nil {
		return err
	}
	fmt.Fprintln(out)
	return render.WriteTable(out, totals, st)
}
