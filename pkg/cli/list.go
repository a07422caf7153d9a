package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/view"
)

type listOptions struct {
	kind     string
	category string
	location string
	tag      string
	owner    string
	state    string
	holder   string
}

func newListCmd(app *App, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List assets, with filters",
		Long: `List the register's assets, sorted by ID. Filters combine: an asset is
listed when it matches every filter given. Text filters ignore case.

Formats: table (default), json, csv, yaml, markdown.`,
		Example: `  itrack list
  itrack list --kind hardware --category laptop
  itrack list --tag engineering --format csv > engineering.csv
  itrack list --format json | jq '.[].id'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runList(app, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.kind, "kind", "", "only this `KIND` ("+asset.KindNames()+")")
	f.StringVar(&opts.category, "category", "", "only this `CATEGORY`")
	f.StringVar(&opts.location, "location", "", "only at this `LOCATION`")
	f.StringVar(&opts.tag, "tag", "", "only with this `TAG`")
	f.StringVar(&opts.owner, "owner", "", "only owned by this `PERSON`")
	f.StringVar(&opts.state, "state", "", "only in this `STATE` (in_use, in_stock, expiring, …)")
	f.StringVar(&opts.holder, "holder", "", "only held by this `PERSON` (hardware, components, licence seats)")
	_ = cmd.RegisterFlagCompletionFunc("state", cobra.FixedCompletions(stateNames(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions(kindNames(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runList(app *App, opts *listOptions) error {
	var kind asset.Kind
	rc, err := app.startRead(func() (err error) {
		if opts.kind != "" {
			if kind, err = asset.ParseKind(opts.kind); err != nil {
				return refuse("--kind: %v", err)
			}
		}
		if opts.state != "" && !slices.Contains(stateNames(), opts.state) {
			return refuse("--state %q: use one of %s", opts.state, strings.Join(stateNames(), ", "))
		}
		return nil
	})
	if err != nil {
		return err
	}
	format, asOf, reg, snap, statuses := rc.format, rc.asOf, rc.reg, rc.snap, rc.statuses
	var picked []*asset.Asset
	for _, a := range snap.Assets {
		st := statuses[a.ID]
		if st.State == "" {
			continue // not bought yet on the --as-of date
		}
		if (kind == "" || a.Kind == kind) &&
			matches(opts.category, a.Category) &&
			matches(opts.location, st.Location) &&
			matches(opts.owner, a.Owner) &&
			(opts.state == "" || string(st.State) == opts.state) &&
			(opts.holder == "" || holderMatches(st, opts.holder)) &&
			(opts.tag == "" || hasTag(a.Tags, opts.tag)) {
			picked = append(picked, a)
		}
	}
	switch format {
	case "json", "yaml":
		out := assetViews(picked, statuses, reg.Config, asOf)
		if format == "json" {
			return render.WriteJSON(app.IO.Out, out)
		}
		return render.WriteYAML(app.IO.Out, out)
	}
	t := render.Table{Header: []string{"id", "kind", "name", "state", "holder", "location"}, Style: stateStyle(app, 3)}
	for _, a := range picked {
		st := statuses[a.ID]
		holder := st.Holder
		if a.Kind == asset.Licence {
			holder = seatsCell(st)
		}
		t.Rows = append(t.Rows, []string{a.ID, string(a.Kind), a.Name, string(st.State), holder, st.Location})
	}
	switch format {
	case "csv":
		return render.WriteCSV(app.IO.Out, t)
	case "markdown":
		return render.WriteMarkdown(app.IO.Out, t)
	}
	return render.WriteTable(app.IO.Out, t, app.styles())
}

// assetViews shapes assets for machine output, with their book values.
func assetViews(assets []*asset.Asset, statuses map[string]asset.Status, cfg *asset.Config, asOf asset.Date) []view.Asset {
	out := make([]view.Asset, len(assets))
	for i, a := range assets {
		out[i] = view.AssetOf(a, statuses[a.ID], cfg.Currency)
		out[i].BookValue = bookValueOf(a, cfg, asOf)
	}
	return out
}

func stateNames() []string {
	var names []string
	for _, s := range append(slices.Clone(asset.TrackedStates), asset.DatedStates...) {
		if !slices.Contains(names, string(s)) {
			names = append(names, string(s))
		}
	}
	return names
}

// seatsCell shows a licence's seat use where other assets show a holder.
func seatsCell(st asset.Status) string {
	if st.Seats == nil {
		return fmt.Sprintf("%d seats used", len(st.SeatHolders))
	}
	return fmt.Sprintf("%d/%d seats", len(st.SeatHolders), *st.Seats)
}

// stateStyle colours the state column on a terminal: red for what needs
// action, yellow for what will soon, dim for what is gone.
func stateStyle(app *App, col int) func(int, int, string) lipgloss.Style {
	st := app.styles()
	return func(_, c int, cell string) lipgloss.Style {
		if c != col {
			return st.Plain()
		}
		switch asset.State(cell) {
		case asset.Expired, asset.Lost:
			return st.Colour("1")
		case asset.Expiring, asset.InRepair, asset.Ordered:
			return st.Colour("3")
		case asset.Retired, asset.Disposed, asset.Cancelled:
			return st.Faint()
		}
		return st.Plain()
	}
}

// holderMatches is what list's holder column shows: who has it in hand,
// a component inside their laptop included, or a seat.
func holderMatches(st asset.Status, person string) bool {
	return strings.EqualFold(st.Holder, person) || st.HeldBy(person)
}

func matches(filter, value string) bool {
	return filter == "" || strings.EqualFold(filter, value)
}

func hasTag(tags []string, tag string) bool {
	for _, t := range tags {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}
