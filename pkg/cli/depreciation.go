package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/depreciation"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/view"
)

type depreciationOptions struct {
	id string // one asset's schedule, or "" for every asset
	by string
}

func newDepreciationCmd(app *App, runF func(*depreciationOptions) error) *cobra.Command {
	opts := &depreciationOptions{}
	cmd := &cobra.Command{
		Use:   "depreciation [ID]",
		Short: "Book values, and an asset's year-by-year schedule",
		Long: `Per asset with a purchase cost and date: cost, accumulated depreciation,
book value, method, life and the date it is fully depreciated, as of
--as-of (default today). The method, life and salvage are the asset's own
(depreciation:) or its category's in itrack.yaml. With an ID, the
year-by-year schedule; --by kind, category or year (of purchase) gives
totals per group and currency. docs/depreciation.md explains each method.

Formats: table (default), json, csv, markdown.`,
		Example: `  itrack depreciation
  itrack depreciation SRV-0001
  itrack depreciation --by category --as-of 2026-12-31`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeAssetIDs(app),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.id = args[0]
			}
			switch {
			case runF != nil:
				return runF(opts)
			case opts.id != "" && opts.by != "":
				return refuse("--by groups the whole register: leave out the ID, or leave out --by")
			case opts.id != "":
				return runDepreciationOne(app, opts.id)
			}
			return runDepreciation(app, opts.by)
		},
	}
	cmd.Flags().StringVar(&opts.by, "by", "", "totals per `GROUP`: kind, category or year")
	_ = cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions([]string{"kind", "category", "year"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// depreciations computes the depreciation of every asset held on asOf,
// reporting the assets whose settings cannot be computed on stderr. Assets
// gone or not bought yet are left out: `itrack depreciation ID` still
// shows them.
func depreciations(app *App, rc *readCtx) []*depreciation.Result {
	results, failed := depreciation.All(rc.snap.Assets, rc.reg.Config, rc.statuses, rc.asOf)
	for _, f := range failed {
		fmt.Fprintln(app.IO.Err, safe.Text(fmt.Sprintf("%s: %v", f.Asset.File, f.Err)))
		app.exit = max(app.exit, ExitInvalid)
	}
	return results
}

func runDepreciation(app *App, by string) error {
	rc, err := app.startRead(func() error {
		if by != "" && by != depreciation.ByKind && by != depreciation.ByCategory && by != depreciation.ByYear {
			return refuse("--by %q: use kind, category or year", by)
		}
		return nil
	})
	if err != nil {
		return err
	}
	format, asOf := rc.format, rc.asOf
	results := depreciations(app, rc)
	groups := view.DepreciationTotals(results, by)
	guess := view.GuessOf(depreciation.Guessed(results, rc.reg.Config), rc.reg.Config.Currency)
	writeTotals := func() error {
		if err := writeTable(app, format, view.DepreciationTotalsTable(groups, by)); err != nil || format == "csv" {
			return err
		}
		if line := guess.Sentence(); line != "" {
			fmt.Fprintln(app.IO.Out, "\n"+safe.Text(line))
		}
		return nil
	}
	if by != "" {
		if format == "json" {
			return render.WriteJSON(app.IO.Out, map[string]any{"as_of": asOf.String(), "by": by, "groups": groups, "no_depreciation_method": guess})
		}
		return writeTotals()
	}
	rows := make([]view.DepreciationRow, len(results))
	for i, r := range results {
		rows[i] = view.DepreciationOf(r, false)
	}
	if format == "json" {
		return render.WriteJSON(app.IO.Out, map[string]any{"as_of": asOf.String(), "assets": rows, "totals": groups, "no_depreciation_method": guess})
	}
	t := view.DepreciationTable(rows)
	if format == "csv" {
		return render.WriteCSV(app.IO.Out, t)
	}
	if err := writeTable(app, format, t); err != nil {
		return err
	}
	fmt.Fprintln(app.IO.Out)
	return writeTotals()
}

func runDepreciationOne(app *App, id string) error {
	rc, err := app.startReadOne(id)
	if err != nil {
		return err
	}
	format, asOf, reg, a := rc.format, rc.asOf, rc.reg, rc.asset
	r, err := depreciation.Of(a, reg.Config, asOf)
	if err != nil {
		return &ExitError{Code: ExitInvalid, Err: fmt.Errorf("%v (itrack validate says how to fix it)", err)}
	}
	if r == nil {
		return refuse("%s has no purchase cost and date to depreciate: set them with `itrack set %s purchase.date=… purchase.cost=…`", a.ID, a.ID)
	}
	v := view.DepreciationOf(r, true)
	if format == "json" {
		return render.WriteJSON(app.IO.Out, v)
	}
	t := view.ScheduleTable(v)
	if format == "csv" {
		return render.WriteCSV(app.IO.Out, t)
	}
	v.WriteText(app.IO.Out, app.styles(), asOf)
	if len(t.Rows) == 0 {
		return nil
	}
	fmt.Fprintln(app.IO.Out)
	return writeTable(app, format, t)
}

// bookValueOf is an asset's book value on a date, or nil when it has no
// purchase cost and date (or its depreciation cannot be computed).
func bookValueOf(a *asset.Asset, cfg *asset.Config, asOf asset.Date) *view.Amount {
	r, err := depreciation.Of(a, cfg, asOf)
	if err != nil || r == nil {
		return nil
	}
	return view.Money(r.BookValue, r.Currency)
}
