package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/seats"
	"github.com/itrack/itrack/pkg/view"
)

type seatsOptions struct {
	id   string // one licence, or "" for all
	fail bool
}

func newSeatsCmd(app *App, runF func(*seatsOptions) error) *cobra.Command {
	opts := &seatsOptions{}
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
			if len(args) == 1 {
				opts.id = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runSeats(app, opts.id, opts.fail)
		},
	}
	cmd.Flags().BoolVar(&opts.fail, "fail", false, "exit 1 when a licence is over its seats")
	return cmd
}

func runSeats(app *App, id string, fail bool) error {
	rc, err := app.startRead(nil)
	if err != nil {
		return err
	}
	format, asOf, reg, snap, statuses := rc.format, rc.asOf, rc.reg, rc.snap, rc.statuses
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
