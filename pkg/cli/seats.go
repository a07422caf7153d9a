package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/seats"
	"github.com/itrack/itrack/pkg/view"
)

func newSeatsCmd(app *App) *cobra.Command {
	var fail bool
	cmd := &cobra.Command{
		Use:   "seats [ID]",
		Short: "Check licence seats: over, ok or unused, and the money wasted",
		Long: `For each licence: seats bought, used and free, and a status: over (more
used than bought: a compliance risk), ok, or unused (free seats: wasted
spend = free seats × cost per seat per year). Seats held by leavers count
as used and are listed. Site and unlimited licences are never over. Totals
are per currency.

--fail exits 1 when any licence is over its seats (for CI).

Formats: table (default), json, csv, markdown.`,
		Example: `  itrack seats
  itrack seats figma-professional
  itrack seats --fail --format markdown`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeAssetIDs(app),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := ""
			if len(args) == 1 {
				id = args[0]
			}
			return runSeats(app, id, fail)
		},
	}
	cmd.Flags().BoolVar(&fail, "fail", false, "exit 1 when a licence is over its seats")
	return cmd
}

func runSeats(app *App, id string, fail bool) error {
	format, asOf, reg, snap, err := app.startRead()
	if err != nil {
		return err
	}
	statuses := asset.Statuses(snap.Assets, asOf, reg.Config.Renewals.Window)
	licences := seats.Check(snap.Assets, snap.People, statuses, asOf, reg.Config.Currency)
	if id != "" {
		a, ok := snap.Asset(id)
		if !ok {
			if _, _, err := reg.FindAsset(id); err != nil {
				return refuse("%v", err)
			}
			return refuse("%s is not a valid licence of this register", id)
		}
		var one []seats.Licence
		for _, l := range licences {
			if l.Asset == a {
				one = append(one, l)
			}
		}
		if len(one) == 0 {
			return refuse("%s is %s, not a licence in use: seats are counted for licences", a.ID, describeKind(a, statuses[a.ID]))
		}
		licences = one
	}
	report := view.SeatsReport{AsOf: asOf.String(), Licences: []view.Seat{}, Totals: []view.SeatTotal{}}
	over := false
	for _, l := range licences {
		report.Licences = append(report.Licences, view.SeatsOf(l))
		over = over || l.Status == seats.Over
	}
	for _, t := range seats.Totals(licences) {
		report.Totals = append(report.Totals, view.SeatTotalOf(t))
	}
	if err := report.Write(app.IO.Out, app.styles(), format); err != nil {
		return err
	}
	if fail && over {
		fmt.Fprintln(app.IO.Err, "itrack: licences over their seats: buy seats or unassign them")
		return silent(ExitFindings)
	}
	return nil
}

func describeKind(a *asset.Asset, st asset.Status) string {
	if a.Kind == asset.Licence {
		return string(st.State)
	}
	return "a " + string(a.Kind) + " asset"
}
