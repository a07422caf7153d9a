package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/report"
	"github.com/itrack/itrack/pkg/view"
)

// reportOptions are what `itrack report` was asked: nothing but the
// global flags.
type reportOptions struct{}

func newReportCmd(app *App, runF func(*reportOptions) error) *cobra.Command {
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
			if runF != nil {
				return runF(&reportOptions{})
			}
			return runReport(app)
		},
	}
}

func runReport(app *App) error {
	rc, err := app.startRead(nil)
	if err != nil {
		return err
	}
	format, asOf, reg, snap := rc.format, rc.asOf, rc.reg, rc.snap
	r := report.Build(report.Input{Config: reg.Config, Assets: snap.Assets, People: snap.People, AsOf: asOf, Statuses: rc.statuses})
	out := view.ReportOf(r, reg.Config.Currency)
	markdown := func(w io.Writer) error { return out.WriteMarkdown(w) }
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
	return out.WriteText(app.IO.Out, app.styles())
}
