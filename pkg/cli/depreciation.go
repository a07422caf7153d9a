package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/depreciation"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/view"
)

func newDepreciationCmd(app *App) *cobra.Command {
	var by string
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
				if by != "" {
					return refuse("--by groups the whole register: leave out the ID, or leave out --by")
				}
				return runDepreciationOne(app, args[0])
			}
			return runDepreciation(app, by)
		},
	}
	cmd.Flags().StringVar(&by, "by", "", "totals per `GROUP`: kind, category or year")
	_ = cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions([]string{"kind", "category", "year"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// depreciations computes the depreciation of every asset held on asOf,
// reporting the assets whose settings cannot be computed on stderr. Assets
// gone or not bought yet are left out: `itrack depreciation ID` still
// shows them.
func depreciations(app *App, reg *register.Register, assets []*asset.Asset, asOf asset.Date) []*depreciation.Result {
	statuses := asset.Statuses(assets, asOf, reg.Config.Renewals.Window)
	results, failed := depreciation.All(assets, reg.Config, statuses, asOf)
	for _, f := range failed {
		fmt.Fprintln(app.IO.Err, safe.Text(fmt.Sprintf("%s: %v", f.Asset.File, f.Err)))
		app.exit = max(app.exit, ExitInvalid)
	}
	return results
}

func runDepreciation(app *App, by string) error {
	if by != "" && by != depreciation.ByKind && by != depreciation.ByCategory && by != depreciation.ByYear {
		return refuse("--by %q: use kind, category or year", by)
	}
	format, asOf, reg, snap, err := app.startRead()
	if err != nil {
		return err
	}
	results := depreciations(app, reg, snap.Assets, asOf)
	groups := groupDepreciation(results, by)
	if by != "" {
		if format == "json" {
			return render.WriteJSON(app.IO.Out, map[string]any{"as_of": asOf.String(), "by": by, "groups": groups})
		}
		t := render.Table{Header: []string{by, "currency", "assets", "cost", "accumulated", "book value"}}
		for _, g := range groups {
			t.Rows = append(t.Rows, []string{g.Group, g.Currency, fmt.Sprint(g.Assets), g.Cost.Amount, g.Accumulated.Amount, g.BookValue.Amount})
		}
		return writeTable(app, format, t)
	}
	rows := make([]view.DepreciationRow, len(results))
	for i, r := range results {
		rows[i] = view.DepreciationOf(r, false)
	}
	if format == "json" {
		return render.WriteJSON(app.IO.Out, map[string]any{"as_of": asOf.String(), "assets": rows, "totals": groups})
	}
	t := render.Table{Header: []string{"id", "name", "method", "life", "cost", "accumulated", "book value", "fully depreciated"}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.ID, r.Name, r.Method, r.Life, r.Cost.String(), r.Accumulated.String(), r.BookValue.String(), r.FullyDepreciatedOn})
	}
	if format == "csv" {
		return render.WriteCSV(app.IO.Out, t)
	}
	if err := writeTable(app, format, t); err != nil {
		return err
	}
	totals := render.Table{Header: []string{"currency", "assets", "cost", "accumulated", "book value"}}
	for _, g := range groups {
		totals.Rows = append(totals.Rows, []string{g.Currency, fmt.Sprint(g.Assets), g.Cost.Amount, g.Accumulated.Amount, g.BookValue.Amount})
	}
	fmt.Fprintln(app.IO.Out)
	return writeTable(app, format, totals)
}

// depreciationGroup is one group's totals in one currency.
type depreciationGroup struct {
	Group       string       `json:"group,omitempty"`
	Currency    string       `json:"currency"`
	Assets      int          `json:"assets"`
	Cost        *view.Amount `json:"cost"`
	Accumulated *view.Amount `json:"accumulated"`
	BookValue   *view.Amount `json:"book_value"`
}

// groupDepreciation is depreciation.Totals, its amounts as JSON gives them.
func groupDepreciation(results []*depreciation.Result, by string) []depreciationGroup {
	totals := depreciation.Totals(results, by)
	out := make([]depreciationGroup, len(totals))
	for i, t := range totals {
		out[i] = depreciationGroup{Group: t.Group, Currency: t.Currency, Assets: t.Assets,
			Cost: view.Money(t.Cost, t.Currency), Accumulated: view.Money(t.Accumulated, t.Currency), BookValue: view.Money(t.BookValue, t.Currency)}
	}
	return out
}

func runDepreciationOne(app *App, id string) error {
	format, asOf, reg, a, err := app.startReadOne(id)
	if err != nil {
		return err
	}
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
	t := render.Table{Header: []string{"year", "from", "to", "charge", "accumulated", "book value"}}
	for _, y := range v.Schedule {
		t.Rows = append(t.Rows, []string{fmt.Sprint(y.Year), y.Starts, y.Ends, y.Charge.Amount, y.Accumulated.Amount, y.BookValue.Amount})
	}
	if format == "csv" {
		return render.WriteCSV(app.IO.Out, t)
	}
	out := app.IO.Out
	fmt.Fprintf(out, "%s  %s\n", app.styles().Bold().Render(safe.Text(v.ID)), safe.Text(v.Name))
	life := ""
	if v.Life != "" {
		life = ", life " + v.Life
	}
	fmt.Fprintf(out, "  method:       %s%s, salvage %s\n", v.Method, life, v.Salvage)
	fmt.Fprintf(out, "  cost:         %s, purchased %s\n", v.Cost, v.PurchaseDate)
	fmt.Fprintf(out, "  on %s: accumulated %s, book value %s\n", asOf, v.Accumulated, v.BookValue)
	if v.FullyDepreciatedOn != "" {
		fmt.Fprintf(out, "  fully depreciated on %s\n", v.FullyDepreciatedOn)
	}
	if d := v.Disposal; d != nil {
		fmt.Fprintf(out, "  disposed of on %s: book value %s, proceeds %s, gain or loss %s\n", d.Date, d.BookValue, d.Proceeds, d.GainOrLoss)
	}
	if len(t.Rows) == 0 {
		return nil
	}
	fmt.Fprintln(out)
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
