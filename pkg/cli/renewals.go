package cli

import (
	"fmt"
	"io"
	"os"

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

func newRenewalsCmd(app *App, runF func(*renewalsOptions) error) *cobra.Command {
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
			if runF != nil {
				return runF(opts)
			}
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
	var kind asset.Kind
	var window, failWindow asset.Duration
	rc, err := app.startRead(func() (err error) {
		if opts.kind != "" {
			if kind, err = asset.ParseKind(opts.kind); err != nil {
				return refuse("--kind: %v", err)
			}
		}
		if opts.within != "" {
			if window, err = parseDurationFlag("within", opts.within); err != nil {
				return err
			}
		}
		if opts.failWithin != "" {
			failWindow, err = parseDurationFlag("fail-within", opts.failWithin)
		}
		return err
	})
	if err != nil {
		return err
	}
	format, asOf, reg, snap, statuses := rc.format, rc.asOf, rc.reg, rc.snap, rc.statuses
	if opts.within == "" {
		window = reg.Config.Renewals.Window
	}
	all := renewals.OfKind(renewals.Items(snap.Assets, reg.Config, statuses, asOf), kind)
	// an item fails --fail-within when it needs acting on by then; without
	// the flag, what needs acting on today is still marked (github errors,
	// red in a table). Failing items beyond the listing window are listed
	// too, so the count and the marks agree.
	failLimit := failWindow.AddTo(asOf)
	limit := window.AddTo(asOf)
	var items []renewals.Item
	failing := 0
	for _, it := range all {
		fails := it.Fails(failLimit)
		if fails || !it.Date.After(limit) {
			items = append(items, it)
		}
		if fails {
			failing++
		}
	}
	rows := make([]view.Renewal, len(items))
	for i, it := range items {
		rows[i] = view.RenewalOf(it, reg.Config.Currency)
	}
	fails := func(i int) bool { return items[i].Fails(failLimit) }
	switch format {
	case "json":
		err = render.WriteJSON(app.IO.Out, rows)
	case "github":
		err = view.WriteRenewalsGitHub(app.IO.Out, rows, fails, reg.RepoPrefix())
	case "ics":
		err = render.WriteICS(app.IO.Out, view.RenewalsCalendar(reg.Config, rows, asOf))
	case "markdown":
		err = withStepSummary(app, func(w io.Writer) error { return view.WriteRenewalsMarkdown(w, rows, asOf, window) })
	default:
		err = view.WriteRenewalsTable(app.IO.Out, app.styles(), format, rows, fails)
	}
	if err != nil {
		return err
	}
	if opts.failWithin != "" && failing > 0 {
		fmt.Fprintf(app.IO.Err, "itrack: %s overdue or due within %s need acting on (marked as errors)\n", view.Plural(failing, "item"), opts.failWithin)
		return silent(ExitFindings)
	}
	return nil
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
