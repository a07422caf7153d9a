package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
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
	f.StringVar(&opts.owner, "owner", "", "only owned by this `PERSON` (none: the assets without an owner)")
	f.StringVar(&opts.state, "state", "", "only in this `STATE` (in_use, in_stock, expiring, …)")
	f.StringVar(&opts.holder, "holder", "", "only held by this `PERSON` (hardware, components, licence seats)")
	_ = cmd.RegisterFlagCompletionFunc("state", cobra.FixedCompletions(asset.StateNames(), cobra.ShellCompDirectiveNoFileComp))
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
		if opts.state != "" && !slices.Contains(asset.StateNames(), opts.state) {
			return refuse("--state %q: use one of %s", opts.state, strings.Join(asset.StateNames(), ", "))
		}
		return nil
	})
	if err != nil {
		return err
	}
	format, asOf, reg, snap, statuses := rc.format, rc.asOf, rc.reg, rc.snap, rc.statuses
	filter := asset.Filter{Kind: kind, Category: opts.category, Location: opts.location, Tag: opts.tag,
		Owner: opts.owner, State: asset.State(opts.state), Holder: opts.holder}
	picked := filter.Pick(snap.Assets, statuses)
	switch format {
	case "json", "yaml":
		out := assetViews(picked, statuses, reg.Config, asOf, app.Today)
		if format == "json" {
			return render.WriteJSONList(app.IO.Out, out)
		}
		return render.WriteYAML(app.IO.Out, out)
	}
	return writeTable(app, format, view.ListTable(picked, statuses, app.styles()))
}

// assetViews shapes assets for machine output, with their book values.
func assetViews(assets []*asset.Asset, statuses map[string]asset.Status, cfg *asset.Config, asOf, today asset.Date) []view.Asset {
	out := make([]view.Asset, len(assets))
	register.Parallel(len(assets), func(i int) {
		a := assets[i]
		out[i] = view.AssetOf(a, statuses[a.ID], cfg, today)
		out[i].BookValue = bookValueOf(a, cfg, asOf)
	})
	return out
}
