package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/seats"
	"github.com/itrack/itrack/pkg/view"
)

// offboardOptions are what `itrack offboard` was asked.
type offboardOptions struct {
	person    string
	flags     eventFlags
	returnAll bool
}

func newOffboardCmd(app *App, runF func(*offboardOptions) error) *cobra.Command {
	opts := &offboardOptions{}
	cmd := &cobra.Command{
		Use:   "offboard PERSON",
		Short: "Record a leaver and list (or return) everything they hold",
		Long: `Record a person's last day (leaves: in their file; --date, default
today) and list everything they hold on that day: hardware, components and
licence seats, which must come back.

--return-all also returns everything in one batch: an unassigned event for
each item, dated the last day. Every change is checked first; if any item
cannot be returned, nothing at all is changed.`,
		Example: `  itrack offboard farid
  itrack offboard farid --date 2026-12-18 --return-all`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: firstArgOnly(completePeopleArg(app)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.person = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runOffboard(app, opts.person, &opts.flags, opts.returnAll)
		},
	}
	opts.flags.register(cmd)
	cmd.Flags().BoolVar(&opts.returnAll, "return-all", false, "return everything they hold, all or nothing")
	return cmd
}

func runOffboard(app *App, id string, flags *eventFlags, returnAll bool) error {
	date, err := app.eventDate(flags)
	if err != nil {
		return err
	}
	w, err := app.startWrite()
	if err != nil {
		return err
	}
	defer w.done()
	pf, err := w.reg.ReadPerson(id)
	if err != nil {
		return refuse("%v", err)
	}
	if before, fs := pf.DecodePerson(); flags.date == "" && !fs.HasErrors() && !before.Leaves.IsZero() {
		date = before.Leaves.String() // already recorded: keep it
	}
	leaves, _ := asset.ParseDate(date)
	snap := w.reg.Load()
	app.reportInvalid(snap)
	statuses := snap.Statuses(leaves)
	items := seats.Holdings(snap.Assets, statuses)[pf.ID]

	n, err := asset.PersonValueNode("leaves", date)
	if err != nil {
		return refuse("%v", err)
	}
	register.Set(pf.Root(), "leaves", n, asset.PersonKeyOrder)
	p, fs := pf.DecodePerson()
	if fs.HasErrors() {
		return w.refuseWith(fs, pf.Rel)
	}
	files := map[string][]byte{}
	order := []string{}
	if data, _ := register.Encode(pf.Doc); string(data) != string(pf.Data) {
		files[pf.Rel] = data
		order = append(order, pf.Rel)
	}
	if returnAll {
		for _, a := range items {
			rel, data, err := w.returnFrom(a, pf.ID, date, flags.note)
			if err != nil {
				return err
			}
			files[rel] = data
			order = append(order, rel)
		}
	}
	msg := fmt.Sprintf("offboard %s (leaves %s)", pf.ID, date)
	if returnAll && len(items) > 0 {
		msg += fmt.Sprintf(": return %s", view.Plural(len(items), "item"))
	}
	if err := w.save(msg, files, order); err != nil {
		return err
	}

	held := view.HoldingsOf(pf.ID, items, statuses, w.reg.Config.Currency, func(a *asset.Asset) *view.Amount { return bookValueOf(a, w.reg.Config, leaves) })
	out := app.IO.Out
	fmt.Fprintln(out, safe.Text(fmt.Sprintf("%s (%s) leaves on %s.", p.Name, pf.ID, date)))
	switch {
	case len(items) == 0:
		fmt.Fprintln(out, "They hold nothing: nothing to return.")
	case returnAll:
		fmt.Fprintf(out, "Returned %s:\n", view.Plural(len(items), "item"))
		return render.WriteTable(out, view.HoldingsTable(held), app.styles())
	default:
		fmt.Fprintf(out, "They hold %s that must come back:\n", view.Plural(len(items), "item"))
		if err := render.WriteTable(out, view.HoldingsTable(held), app.styles()); err != nil {
			return err
		}
		fmt.Fprintf(out, "Return each with `itrack unassign ID %s`, or all at once with `itrack offboard %s --return-all`.\n", pf.ID, pf.ID)
	}
	return nil
}

// returnFrom prepares the file of asset a with an unassigned event freeing
// it (or its seat) from person, without writing anything.
func (w *writer) returnFrom(a *asset.Asset, person, date, note string) (string, []byte, error) {
	f, err := w.readAsset(a.ID)
	if err != nil {
		return "", nil, err
	}
	on, _ := asset.ParseDate(date)
	e := asset.Event{Date: on, Type: asset.Unassign, From: person, Note: note}
	plan, r := asset.Plan(a, e, asset.PlanOptions{Window: w.reg.Config.Renewals.Window})
	if r != nil {
		return "", nil, refuse("cannot return %s: %s: nothing was changed", a.ID, strings.TrimSuffix(r.Reason, "."))
	}
	register.AppendEvents(f.Root(), a.History, plan.Events)
	_, data, err := w.checked(f)
	return f.Rel, data, err
}
