package cli

import (
	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/renewals"
	"github.com/itrack/itrack/pkg/view"
)

type forecastOptions struct {
	months int
	by     string
}

func newForecastCmd(app *App, runF func(*forecastOptions) error) *cobra.Command {
	opts := &forecastOptions{}
	cmd := &cobra.Command{
		Use:   "forecast",
		Short: "The spend that falls due in the months ahead",
		Long: `Total the renewal payments that fall due over the next --months (default
12), per month, kind or vendor, from the renewals rolled forward by their
terms, with totals per currency and the annual run-rate (recurring cost
normalised to a year).

Formats: table (default), json, csv, markdown.`,
		Example: `  itrack forecast
  itrack forecast --months 24 --by vendor --format csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runForecast(app, opts)
		},
	}
	cmd.Flags().IntVar(&opts.months, "months", 12, "how many `MONTHS` ahead")
	cmd.Flags().StringVar(&opts.by, "by", "month", "group by `GROUP`: month, kind or vendor")
	_ = cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions([]string{"month", "kind", "vendor"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runForecast(app *App, opts *forecastOptions) error {
	months, by := opts.months, opts.by
	rc, err := app.startRead(func() error {
		if by != "month" && by != "kind" && by != "vendor" {
			return refuse("--by %q: use month, kind or vendor", by)
		}
		if months < 1 || months > 600 {
			return refuse("--months must be from 1 to 600, not %d", months)
		}
		return nil
	})
	if err != nil {
		return err
	}
	format, asOf, reg, snap, statuses := rc.format, rc.asOf, rc.reg, rc.snap, rc.statuses
	cur := reg.Config.Currency
	payments := renewals.Forecast(snap.Assets, reg.Config, statuses, asOf, months)
	r := view.Forecast{AsOf: asOf.String(), Months: months, By: by,
		Groups:  view.SpendsOf(renewals.GroupPayments(payments, by, asOf, months, cur)),
		Totals:  view.AmountsOf(renewals.Totals(payments), cur),
		RunRate: view.AmountsOf(renewals.RunRate(snap.Assets, reg.Config, statuses), cur)}
	return r.Write(app.IO.Out, app.styles(), format)
}
