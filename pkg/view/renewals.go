package view

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/renewals"
)

// Renewal is one item of `itrack renewals --format json`.
type Renewal struct {
	ID        string  `json:"id"`
	Kind      string  `json:"kind"`
	Name      string  `json:"name"`
	Type      string  `json:"type"`
	Date      string  `json:"date"`
	Days      int     `json:"days"`
	AutoRenew bool    `json:"auto_renew"`
	Cost      *Amount `json:"cost"`
	File      string  `json:"file"`
	Line      int     `json:"line"`
}

// RenewalOf shapes a renewal item for machine output.
func RenewalOf(it renewals.Item, currency string) Renewal {
	return Renewal{ID: it.Asset.ID, Kind: string(it.Asset.Kind), Name: it.Asset.Name, Type: it.Type, Date: it.Date.String(),
		Days: it.Days, AutoRenew: it.AutoRenew, Cost: AmountOf(it.Cost, currency), File: it.Asset.File, Line: it.Pos.Line}
}

// Describe says what falls due, in words: "renews (auto)", "expires".
func (r Renewal) Describe() string {
	switch r.Type {
	case renewals.Renewal:
		if r.AutoRenew {
			return "renews automatically"
		}
		return "renewal due"
	case renewals.CancelBy:
		return "last day to cancel"
	case renewals.Expiry:
		return "expires"
	case renewals.Warranty:
		if r.Days < 0 {
			return "warranty lapsed"
		}
		return "warranty ends"
	case renewals.EndOfLife:
		return "end of life"
	case renewals.SupportEnd:
		return "vendor support ends"
	}
	return r.Type
}

// Spend is one group of `itrack forecast --format json`, and one month of
// the next 12 in `itrack report --format json`.
type Spend struct {
	Group    string  `json:"group"`
	Amount   *Amount `json:"amount"`
	Payments int     `json:"payments"`
}

// SpendsOf shapes spend groups for machine output: an empty list, never
// null, when there are none.
func SpendsOf(ss []renewals.Spend) []Spend {
	out := make([]Spend, len(ss))
	for i, s := range ss {
		out[i] = Spend{Group: s.Group, Amount: Money(s.Amount, s.Currency), Payments: s.Payments}
	}
	return out
}

// RenewalsTable is the table of renewals the text formats share.
func RenewalsTable(rows []Renewal) render.Table {
	t := render.Table{Header: []string{"date", "days", "id", "name", "what", "cost"}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.Date, fmt.Sprint(r.Days), r.ID, r.Name, r.Describe(), r.Cost.String()})
	}
	return t
}

// WriteRenewalsTable writes renewals as a table or CSV; fails says which
// rows need acting on (fail --fail-within), shown in red; the rest due
// within 30 days, or past, in yellow.
func WriteRenewalsTable(out io.Writer, st *render.Styles, format string, rows []Renewal, fails func(int) bool) error {
	if format == "csv" {
		t := render.Table{Header: []string{"date", "days", "id", "kind", "name", "type", "auto_renew", "amount", "currency", "file", "line"}}
		for _, r := range rows {
			amount, currency := "", ""
			if r.Cost != nil {
				amount, currency = r.Cost.Amount, r.Cost.Currency
			}
			t.Rows = append(t.Rows, []string{r.Date, fmt.Sprint(r.Days), r.ID, r.Kind, r.Name, r.Type, fmt.Sprint(r.AutoRenew), amount, currency, r.File, fmt.Sprint(r.Line)})
		}
		return render.WriteCSV(out, t)
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintln(out, "Nothing is due.")
		return err
	}
	t := RenewalsTable(rows)
	t.Style = func(row, _ int, _ string) lipgloss.Style {
		switch r := rows[row]; {
		case fails(row):
			return st.Colour("1")
		case r.Days <= 30:
			return st.Colour("3")
		}
		return st.Plain()
	}
	return render.WriteTable(out, t, st)
}

// WriteRenewalsMarkdown writes renewals for a job summary or an issue.
func WriteRenewalsMarkdown(w io.Writer, rows []Renewal, asOf asset.Date, window asset.Duration) error {
	fmt.Fprintf(w, "### Renewals due by %s\n\n", window.AddTo(asOf))
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "Nothing is due.")
		return err
	}
	return render.WriteMarkdown(w, RenewalsTable(rows))
}

// WriteRenewalsGitHub writes renewals as GitHub Actions annotations.
func WriteRenewalsGitHub(w io.Writer, rows []Renewal, fails func(int) bool, prefix string) error {
	for i, r := range rows {
		level := "warning"
		if fails(i) {
			level = "error"
		}
		when := fmt.Sprintf("in %s", Plural(r.Days, "day"))
		switch {
		case r.Days < 0 && !fails(i):
			when = fmt.Sprintf("%s ago", Plural(-r.Days, "day"))
		case r.Days < 0:
			when = fmt.Sprintf("%s overdue", Plural(-r.Days, "day"))
		case r.Days == 0:
			when = "today"
		}
		msg := fmt.Sprintf("%s %s on %s (%s)", r.Name, r.Describe(), r.Date, when)
		if r.Cost != nil {
			msg += ", " + r.Cost.String()
		}
		err := render.WriteAnnotation(w, render.Annotation{Level: level, File: prefix + r.File, Line: r.Line,
			Title: r.ID + " " + strings.ReplaceAll(r.Type, "_", "-"), Message: msg})
		if err != nil {
			return err
		}
	}
	return nil
}

// RenewalsCalendar is renewals as a calendar, with the register's reminders.
func RenewalsCalendar(cfg *asset.Config, rows []Renewal, asOf asset.Date) render.Calendar {
	name := "itrack renewals"
	if cfg.Name != "" {
		name = cfg.Name + " renewals"
	}
	c := render.Calendar{Name: name, Stamp: compactDate(asOf) + "T000000Z"}
	var alarms []int
	for _, d := range cfg.Renewals.Remind {
		days := asOf.DaysUntil(d.AddTo(asOf))
		alarms = append(alarms, days)
	}
	for _, r := range rows {
		d, _ := asset.ParseDate(r.Date)
		desc := fmt.Sprintf("%s (%s) %s on %s.", r.Name, r.ID, r.Describe(), r.Date)
		if r.Cost != nil {
			desc += " Cost: " + r.Cost.String() + "."
		}
		desc += " File: " + r.File
		c.Events = append(c.Events, render.CalendarEvent{
			UID:         r.ID + "." + strings.ReplaceAll(r.Type, "_", "-") + "@itrack",
			Date:        compactDate(d),
			End:         compactDate(d.AddDays(1)),
			Summary:     fmt.Sprintf("%s: %s", r.Name, r.Describe()),
			Description: desc,
			Alarms:      alarms,
		})
	}
	return c
}

func compactDate(d asset.Date) string { return strings.ReplaceAll(d.String(), "-", "") }
