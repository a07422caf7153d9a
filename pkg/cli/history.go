package cli

import (
	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/view"
)

// historyOptions are what `itrack history` was asked.
type historyOptions struct{ id string }

func newHistoryCmd(app *App, runF func(*historyOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "history ID",
		Short: "Show an asset's events merged with the git commits that changed it",
		Long: `Show an asset's event log merged with the git commits that touched its
file (author, date, subject), oldest first: what happened to the asset, and
who recorded what when. Outside a git repository, the events alone.

Formats: table (default), json.`,
		Example:           `  itrack history LT-0003`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeAssetIDs(app),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := &historyOptions{id: args[0]}
			if runF != nil {
				return runF(opts)
			}
			return runHistory(app, opts.id)
		},
	}
}

func runHistory(app *App, id string) error {
	rc, err := app.startReadOne(id)
	if err != nil {
		return err
	}
	format, asOf, reg, a := rc.format, rc.asOf, rc.reg, rc.asset
	commits, err := reg.FileLog(a.File)
	if err != nil {
		return refuse("%v", err)
	}
	entries := view.HistoryOf(a, commits, reg.Config.Currency, asOf, app.Today)
	if format == "json" {
		return render.WriteJSON(app.IO.Out, entries)
	}
	return render.WriteTable(app.IO.Out, view.HistoryTable(entries), app.styles())
}
