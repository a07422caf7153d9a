package view

import (
	"fmt"
	"io"
	"strings"

	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/report"
	"github.com/itrack/itrack/pkg/safe"
)

// Report is the audit report shaped for output: `itrack report --format
// json`, and its text and markdown.
type Report struct {
	Name         string        `json:"name"`
	AsOf         string        `json:"as_of"`
	Assets       int           `json:"assets"`
	People       int           `json:"people"`
	Counts       []countJSON   `json:"counts"`
	PurchaseCost []*Amount     `json:"purchase_cost"`
	BookValue    []*Amount     `json:"book_value"`
	Guessed      Guess         `json:"no_depreciation_method"`
	RunRate      []*Amount     `json:"annual_run_rate"`
	Next12Months []Spend       `json:"next_12_months"`
	Next12Total  []*Amount     `json:"next_12_months_total"`
	Findings     []findingItem `json:"findings"`
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

// ReportOf shapes a report; currency is the register's.
func ReportOf(r *report.Report, currency string) Report {
	v := Report{Name: r.Name, AsOf: r.AsOf.String(), Assets: r.Assets, People: r.People, Counts: []countJSON{},
		PurchaseCost: AmountsOf(r.PurchaseCost, currency), BookValue: AmountsOf(r.BookValue, currency),
		Guessed: GuessOf(r.Guessed, currency),
		RunRate: AmountsOf(r.RunRate, currency), Next12Months: SpendsOf(r.Next12Months),
		Next12Total: AmountsOf(r.Next12Total, currency), Findings: []findingItem{}}
	for _, c := range r.Counts {
		v.Counts = append(v.Counts, countJSON{Kind: string(c.Kind), State: string(c.State), Count: c.N})
	}
	for _, f := range r.Findings {
		v.Findings = append(v.Findings, findingItem{Rule: f.Rule, ID: f.Asset.ID, File: f.Asset.File, Person: f.Person, Message: f.Message})
	}
	return v
}

func amountList(as []*Amount) string {
	if len(as) == 0 {
		return "none"
	}
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = a.String()
	}
	return strings.Join(parts, " + ")
}

func reportTitle(v Report) string {
	name := v.Name
	if name == "" {
		name = "Register"
	}
	return fmt.Sprintf("%s: asset report on %s", name, v.AsOf)
}

func countsTable(v Report) render.Table {
	t := render.Table{Header: []string{"kind", "state", "count"}}
	for _, c := range v.Counts {
		t.Rows = append(t.Rows, []string{c.Kind, c.State, fmt.Sprint(c.Count)})
	}
	return t
}

func findingsTable(v Report) render.Table {
	t := render.Table{Header: []string{"rule", "id", "finding"}}
	for _, f := range v.Findings {
		t.Rows = append(t.Rows, []string{f.Rule, f.ID, f.Message})
	}
	return t
}

// WriteText writes the report for a terminal.
func (v Report) WriteText(out io.Writer, st *render.Styles) error {
	fmt.Fprintf(out, "%s\n\n", st.Bold().Render(safe.Text(reportTitle(v))))
	fmt.Fprintf(out, "Assets:          %d (people: %d)\n", v.Assets, v.People)
	fmt.Fprintf(out, "Purchase cost:   %s\n", amountList(v.PurchaseCost))
	fmt.Fprintf(out, "Book value:      %s\n", amountList(v.BookValue))
	fmt.Fprintf(out, "Annual run-rate: %s\n", amountList(v.RunRate))
	fmt.Fprintf(out, "Next 12 months:  %s\n\n", amountList(v.Next12Total))
	if line := v.Guessed.Sentence(); line != "" {
		fmt.Fprintf(out, "%s\n\n", safe.Text(line))
	}
	for _, section := range []struct {
		title string
		t     render.Table
	}{{"By kind and state", countsTable(v)}, {"Spend in the next 12 months", SpendTable("month", v.Next12Months)}} {
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

// WriteMarkdown writes the report for a job summary or an issue.
func (v Report) WriteMarkdown(w io.Writer) error {
	fmt.Fprintf(w, "## %s\n\n", render.MarkdownCell(reportTitle(v)))
	fmt.Fprintf(w, "| | |\n| --- | --- |\n")
	fmt.Fprintf(w, "| Assets | %d (people: %d) |\n", v.Assets, v.People)
	fmt.Fprintf(w, "| Purchase cost | %s |\n", amountList(v.PurchaseCost))
	fmt.Fprintf(w, "| Book value | %s |\n", amountList(v.BookValue))
	fmt.Fprintf(w, "| Annual run-rate | %s |\n", amountList(v.RunRate))
	fmt.Fprintf(w, "| Next 12 months | %s |\n\n", amountList(v.Next12Total))
	if line := v.Guessed.Sentence(); line != "" {
		fmt.Fprintf(w, "%s\n\n", render.MarkdownCell(line))
	}
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
	if err := render.WriteMarkdown(w, SpendTable("month", v.Next12Months)); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n</details>\n")
	return err
}

// SpendTable lists spend per group, the group column headed by header.
func SpendTable(header string, groups []Spend) render.Table {
	t := render.Table{Header: []string{header, "amount", "payments"}}
	for _, g := range groups {
		t.Rows = append(t.Rows, []string{g.Group, g.Amount.String(), fmt.Sprint(g.Payments)})
	}
	return t
}
