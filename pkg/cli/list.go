package cli

import (
	"strings"

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
}

func newListCmd(app *App) *cobra.Command {
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
			return runList(app, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.kind, "kind", "", "only this `KIND` ("+asset.KindNames()+")")
	f.StringVar(&opts.category, "category", "", "only this `CATEGORY`")
	f.StringVar(&opts.location, "location", "", "only at this `LOCATION`")
	f.StringVar(&opts.tag, "tag", "", "only with this `TAG`")
	f.StringVar(&opts.owner, "owner", "", "only owned by this `PERSON`")
	_ = cmd.RegisterFlagCompletionFunc("kind", cobra.FixedCompletions(kindNames(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "json", "csv", "yaml", "markdown"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runList(app *App, opts *listOptions) error {
	format, err := app.outputFormat("table", "json", "csv", "yaml", "markdown")
	if err != nil {
		return err
	}
	var kind asset.Kind
	if opts.kind != "" {
		if kind, err = asset.ParseKind(opts.kind); err != nil {
			return refuse("--kind: %v", err)
		}
	}
	reg, snap, err := app.load()
	if err != nil {
		return err
	}
	var picked []*asset.Asset
	for _, a := range snap.Assets {
		if (kind == "" || a.Kind == kind) &&
			matches(opts.category, a.Category) &&
			matches(opts.location, a.Location) &&
			matches(opts.owner, a.Owner) &&
			(opts.tag == "" || hasTag(a.Tags, opts.tag)) {
			picked = append(picked, a)
		}
	}
	switch format {
	case "json", "yaml":
		out := make([]view.Asset, len(picked))
		for i, a := range picked {
			out[i] = view.AssetOf(a, reg.Config.Currency)
		}
		if format == "json" {
			return render.WriteJSON(app.IO.Out, out)
		}
		return render.WriteYAML(app.IO.Out, out)
	}
	t := render.Table{Header: []string{"id", "kind", "name", "category", "location", "owner"}}
	for _, a := range picked {
		t.Rows = append(t.Rows, []string{a.ID, string(a.Kind), a.Name, a.Category, a.Location, a.Owner})
	}
	switch format {
	case "csv":
		return render.WriteCSV(app.IO.Out, t)
	case "markdown":
		return render.WriteMarkdown(app.IO.Out, t)
	}
	return render.WriteTable(app.IO.Out, t, app.styles())
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
