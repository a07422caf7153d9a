package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/renewals"
	"github.com/itrack/itrack/pkg/view"
)

type renewalsOptions struct {
	within     string
	failWithin string
	kind       string
}

func newRenewalsCmd(app *App) *cobra.Command {
	opts := &renewalsOptions{}
	cmd := &cobra.Command{
		Use:   "renewals",
		Short: "What renews, expires or ends soon, with its cost",
		Long: `List every dated obligation up to --within ahead (default: renewals.window
in itrack.yaml, else 90d), and everything overdue: licence and contract
renewals and their cancel-by dates (renews − notice), expiries of licences,
contracts, domains and certificates, hardware warranty ends, end of life and
end of vendor support. A past renewal that renews by itself (auto_renew with
a term) rolls forward by whole terms; any other past date is overdue.
Sorted by date, then ID.

--fail-within DUR exits 1 when something is overdue, or an expiry, a
cancel-by date or a renewal that will not happen by itself falls inside
DUR; an automatic renewal alone does not fail the run.

Formats: table (default), json, csv, markdown, github (workflow commands:
errors for what fails, warnings for the rest) and ics (an iCalendar feed
with reminders at renewals.remind, default 30 and 7 days before).`,
		Example: `  itrack renewals
  itrack renewals --within 30d --kind certificate
  itrack renewals --fail-within 14d --format github
  itrack renewals --within 365d --format ics > renewals.ics`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRenewals(app, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.within, "within", "", "look `DURATION` ahead (default renewals.window, else 90d)")
	f.StringVar(&opts.failWithin, "fail-within", "", "exit 1 when something is overdue or must be acted on within `DURATION`")
	f.StringVar(&opts.kind, "kind", "", "only this `KIND`")
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions(kindNames(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func parseDurationFlag(name, s string) (asset.Duration, error) {
	d, err := asset.ParseDuration(s)
	if err != nil {
		return d, refuse("--%s: %v", name, err)
	}
	return d, nil
}

func runRenewals(app *App, opts *renewalsOptions) error {
	format, err := app.outputFormat()
	if err != nil {
		return err
	}
	asOf, err := app.asOf()
	if err != nil {
		return err
	}
	var kind asset.Kind
	if opts.kind != "" {
		if kind, err = asset.ParseKind(opts.kind); err != nil {
			return refuse("--kind: %v", err)
		}
	}
	var window, failWindow asset.Duration
	if opts.within != "" {
		if window, err = parseDurationFlag("within", opts.within); err != nil {
			return err
		}
	}
	if opts.failWithin != "" {
		if failWindow, err = parseDurationFlag("fail-within", opts.failWithin); err != nil {
			return err
		}
	}
	reg, snap, err := app.load()
	if err != nil {
		return err
	}
	if opts.within == "" {
		window = reg.Config.Renewals.Window
	}
	statuses := asset.Statuses(snap.Assets, asOf, reg.Config.Renewals.Window)
	all := renewals.Items(snap.Assets, reg.Config, statuses, asOf)
	var items []renewals.Item
	for _, it := range renewals.Within(all, asOf, window) {
		if kind == "" || it.Asset.Kind == kind {
			items = append(items, it)
		}
	}
	failLimit := failWindow.AddTo(asOf)
	failing := 0
	if opts.failWithin != "" {
		// the fail window may reach beyond the listing window
		for _, it := range renewals.Within(all, asOf, failWindow) {
			if (kind == "" || it.Asset.Kind == kind) && it.Fails(failLimit) {
				failing++
			}
		}
	}
	rows := make([]view.Renewal, len(items))
	for i, it := range items {
		rows[i] = view.RenewalOf(it, reg.Config.Currency)
	}
	fails := func(i int) bool { return opts.failWithin != "" && items[i].Fails(failLimit) }
	switch format {
	case "json":
		err = render.WriteJSON(app.IO.Out, rows)
	case "github":
		err = writeRenewalsGitHub(app.IO.Out, rows, fails, reg.RepoPrefix())
	case "ics":
		err = render.WriteICS(app.IO.Out, renewalsCalendar(reg.Config, rows, asOf))
	case "markdown":
		err = withStepSummary(app, func(w io.Writer) error { return writeRenewalsMarkdown(w, rows, asOf, window) })
	default:
		err = writeRenewalsTable(app, format, rows, fails)
	}
	if err != nil {
		return err
	}
	if failing > 0 {
		fmt.Fprintf(app.IO.Err, "itrack: %s overdue or due within %s\n", view.Plural(failing, "item"), opts.failWithin)
		return silent(ExitFindings)
	}
	return nil
}

func renewalsTable(rows []view.Renewal) render.Table {
	t := render.Table{Header: []string{"date", "days", "id", "name", "what", "cost"}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.Date, fmt.Sprint(r.Days), r.ID, r.Name, r.Describe(), r.Cost.String()})
	}
	return t
}

func writeRenewalsTable(app *App, format string, rows []view.Renewal, fails func(int) bool) error {
	if format == "csv" {
		t := render.Table{Header: []string{"date", "days", "id", "kind", "name", "type", "auto_renew", "amount", "currency", "file", "line"}}
		for _, r := range rows {
			amount, currency := "", ""
			if r.Cost != nil {
				amount, currency = r.Cost.Amount, r.Cost.Currency
			}
			t.Rows = append(t.Rows, []string{r.Date, fmt.Sprint(r.Days), r.ID, r.Kind, r.Name, r.Type, fmt.Sprint(r.AutoRenew), amount, currency, r.File, fmt.Sprint(r.Line)})
		}
		return render.WriteCSV(app.IO.Out, t)
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintln(app.IO.Out, "Nothing is due.")
		return err
	}
	t := renewalsTable(rows)
	st := app.styles()
	t.Style = func(row, _ int, _ string) lipgloss.Style {
		switch r := rows[row]; {
		case r.Days < 0 || fails(row):
			return st.Colour("1")
		case r.Days <= 30:
			return st.Colour("3")
		}
		return st.Plain()
	}
	return render.WriteTable(app.IO.Out, t, st)
}

func writeRenewalsMarkdown(w io.Writer, rows []view.Renewal, asOf asset.Date, window asset.Duration) error {
	fmt.Fprintf(w, "### Renewals due by %s\n\n", window.AddTo(asOf))
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "Nothing is due.")
		return err
	}
	return render.WriteMarkdown(w, renewalsTable(rows))
}

// withStepSummary writes markdown to stdout and, inside GitHub Actions,
// also appends it to the job summary.
func withStepSummary(app *App, write func(io.Writer) error) error {
	if err := write(app.IO.Out); err != nil {
		return err
	}
	return appendStepSummary(app, write)
}

// appendStepSummary appends markdown to the job summary inside GitHub
// Actions (GITHUB_STEP_SUMMARY set), and does nothing elsewhere.
func appendStepSummary(app *App, write func(io.Writer) error) error {
	path := app.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil
	}
	if err := appendFile(path, write); err != nil {
		return refuse("GITHUB_STEP_SUMMARY: %v", err)
	}
	return nil
}

// appendFile appends what write writes to the file at path.
func appendFile(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeRenewalsGitHub(w io.Writer, rows []view.Renewal, fails func(int) bool, prefix string) error {
	for i, r := range rows {
		level := "warning"
		if fails(i) || r.Days < 0 {
			level = "error"
		}
		when := fmt.Sprintf("in %s", view.Plural(r.Days, "day"))
		switch {
		case r.Days < 0:
			when = fmt.Sprintf("%s overdue", view.Plural(-r.Days, "day"))
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

func renewalsCalendar(cfg *asset.Config, rows []view.Renewal, asOf asset.Date) render.Calendar {
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
