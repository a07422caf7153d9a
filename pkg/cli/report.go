package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/report"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/view"
)

func newReportCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "report",
		Short: "A one-page summary: holdings, spend, value and findings",
		Long: `A one-page summary for a manager: assets by kind and state, purchase cost
and book value, the annual run-rate, the spend of the next 12 months, and
the findings that need attention: overdue renewals, expired certificates,
licences over their seats, unused seats and their cost, leavers still
holding assets, hardware in use out of warranty, devices past the end of
vendor support, and audits overdue (audit.interval in itrack.yaml).

Inside GitHub Actions (GITHUB_STEP_SUMMARY set) the markdown report is
also appended to the job summary.

Formats: table (default), markdown, json.`,
		Example: `  itrack report
  itrack report --format markdown > report.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReport(app)
		},
	}
}

// reportJSON is `itrack report --format json`.
type reportJSON struct {
	Name         string         `json:"name"`
	AsOf         string         `json:"as_of"`
	Assets       int            `json:"assets"`
	People       int            `json:"people"`
	Counts       []countJSON    `json:"counts"`
	PurchaseCost []*view.Amount `json:"purchase_cost"`
	BookValue    []*view.Amount `json:"book_value"`
	RunRate      []*view.Amount `json:"annual_run_rate"`
	Next12Months []view.Spend   `json:"next_12_months"`
	Next12Total  []*view.Amount `json:"next_12_months_total"`
	Findings     []findingItem  `json:"findings"`
}

type countJSON struct {
	Kind  string `json:"kind"`
	State string `json:"state"`
	Count int    `json:"count"`
}

type findingItem struct {
	Rule    string `json:"rule"`
	ID      string `json:"id"`
	File    string `json:"file"`
	Person  string `json:"person,omitempty"`
	Message string `json:"message"`
}

func runReport(app *App) error {
	format, asOf, reg, snap, err := app.startRead()
	if err != nil {
		return err
	}
	r := report.Build(report.Input{Config: reg.Config, Assets: snap.Assets, People: snap.People, AsOf: asOf})
	out := reportView(r, reg.Config.Currency)
	markdown := func(w io.Writer) error { return writeReportMarkdown(w, out) }
	if format == "markdown" {
		return withStepSummary(app, markdown)
	}
	// whatever the format, the job summary gets the markdown report
	if err := appendStepSummary(app, markdown); err != nil {
		return err
	}
	if format == "json" {
		return render.WriteJSON(app.IO.Out, out)
	}
	return writeReportText(app, out)
}

func reportView(r *report.Report, currency string) reportJSON {
	v := reportJSON{Name: r.Name, AsOf: r.AsOf.String(), Assets: r.Assets, People: r.People, Counts: []countJSON{},
		PurchaseCost: view.AmountsOf(r.PurchaseCost, currency), BookValue: view.AmountsOf(r.BookValue, currency),
		RunRate: view.AmountsOf(r.RunRate, currency), Next12Months: view.SpendsOf(r.Next12Months),
		Next12Total: view.AmountsOf(r.Next12Total, currency), Findings: []findingItem{}}
	for _, c := range r.Counts {
		v.Counts = append(v.Counts, countJSON{Kind: string(c.Kind), State: string(c.State), Count: c.N})
	}
	for _, f := range r.Findings {
		v.Findings = append(v.Findings, findingItem{Rule: f.Rule, ID: f.Asset.ID, File: f.Asset.File, Person: f.Person, Message: f.Message})
	}
	return v
}

func amountList(as []*view.Amount) string {
	if len(as) == 0 {
		return "none"
	}
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = a.String()
	}
	return strings.Join(parts, " + ")
}

func reportTitle(v reportJSON) string {
	name := v.Name
	if name == "" {
		name = "Register"
	}
	return fmt.Sprintf("%s: asset report on %s", name, v.AsOf)
}

func countsTable(v reportJSON) render.Table {
	t := render.Table{Header: []string{"kind", "state", "count"}}
	for _, c := range v.Counts {
		t.Rows = append(t.Rows, []string{c.Kind, c.State, fmt.Sprint(c.Count)})
	}
	return t
}

func findingsTable(v reportJSON) render.Table {
	t := render.Table{Header: []string{"rule", "id", "finding"}}
	for _, f := range v.Findings {
		t.Rows = append(t.Rows, []string{f.Rule, f.ID, f.Message})
	}
	return t
}

func writeReportText(app *App, v reportJSON) error {
	out, st := app.IO.Out, app.styles()
	fmt.Fprintf(out, "%s\n\n", st.Bold().Render(safe.Text(reportTitle(v))))
	fmt.Fprintf(out, "Assets:          %d (people: %d)\n", v.Assets, v.People)
	fmt.Fprintf(out, "Purchase cost:   %s\n", amountList(v.PurchaseCost))
	fmt.Fprintf(out, "Book value:      %s\n", amountList(v.BookValue))
	fmt.Fprintf(out, "Annual run-rate: %s\n", amountList(v.RunRate))
	fmt.Fprintf(out, "Next 12 months:  %s\n\n", amountList(v.Next12Total))
	for _, section := range []struct {
		title string
		t     render.Table
	}{{"By kind and state", countsTable(v)}, {"Spend in the next 12 months", spendTable("month", v.Next12Months)}} {
		fmt.Fprintln(out, st.Bold().Render(section.title))
		if err := render.WriteTable(out, section.t, st); err != nil {
			return err
		}
		fmt.Fprintln(out)
	}
	fmt.Fprintln(out, st.Bold().Render(fmt.Sprintf("Findings (%d)", len(v.Findings))))
	if len(v.Findings) == 0 {
		_, err := fmt.Fprintln(out, "Nothing needs attention.")
		return err
	}
	return render.WriteTable(out, findingsTable(v), st)
}

func writeReportMarkdown(w io.Writer, v reportJSON) error {
	fmt.Fprintf(w, "## %s\n\n", render.MarkdownCell(reportTitle(v)))
	fmt.Fprintf(w, "| | |\n| --- | --- |\n")
	fmt.Fprintf(w, "| Assets | %d (people: %d) |\n", v.Assets, v.People)
	fmt.Fprintf(w, "| Purchase cost | %s |\n", amountList(v.PurchaseCost))
	fmt.Fprintf(w, "| Book value | %s |\n", amountList(v.BookValue))
	fmt.Fprintf(w, "| Annual run-rate | %s |\n", amountList(v.RunRate))
	fmt.Fprintf(w, "| Next 12 months | %s |\n\n", amountList(v.Next12Total))
	fmt.Fprintf(w, "### Findings (%d)\n\n", len(v.Findings))
	if len(v.Findings) == 0 {
		fmt.Fprintln(w, "Nothing needs attention.")
	} else if err := render.WriteMarkdown(w, findingsTable(v)); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n<details><summary>By kind and state</summary>\n\n")
	if err := render.WriteMarkdown(w, countsTable(v)); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n</details>\n\n<details><summary>Spend in the next 12 months</summary>\n\n")
	if err := render.WriteMarkdown(w, spendTable("month", v.Next12Months)); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n</details>\n")
	return err
}
