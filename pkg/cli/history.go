package cli

import (
	"sort"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
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

// historyEntry is one line of `itrack history --format json`.
type historyEntry struct {
	Date   string      `json:"date"`
	Source string      `json:"source"` // "event" or "commit"
	Event  *view.Event `json:"event,omitempty"`
	Commit *commitJSON `json:"commit,omitempty"`
}

type commitJSON struct {
	Hash    string `json:"hash"`
	Author  string `json:"author"`
	Subject string `json:"subject"`
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
	entries := mergeHistory(a, commits, reg.Config.Currency, asOf)
	if format == "json" {
		return render.WriteJSON(app.IO.Out, entries)
	}
	t := render.Table{Header: []string{"date", "what", "details"}}
	for _, e := range entries {
		if e.Event != nil {
			t.Rows = append(t.Rows, []string{e.Date, e.Event.Event, e.Event.Describe()})
		} else {
			t.Rows = append(t.Rows, []string{e.Date, "commit " + e.Commit.Hash[:min(7, len(e.Commit.Hash))], e.Commit.Author + ": " + e.Commit.Subject})
		}
	}
	return render.WriteTable(app.IO.Out, t, app.styles())
}

// mergeHistory puts events and commits in one list by date; on one day the
// events come first, as they are what the commits record.
func mergeHistory(a *asset.Asset, commits []register.Commit, currency string, asOf asset.Date) []historyEntry {
	entries := []historyEntry{}
	for _, e := range a.History {
		if e.Date.After(asOf) {
			continue
		}
		v := view.EventOf(e, currency)
		entries = append(entries, historyEntry{Date: v.Date, Source: "event", Event: &v})
	}
	for _, c := range commits {
		if c.Date > asOf.String() {
			continue
		}
		entries = append(entries, historyEntry{Date: c.Date, Source: "commit", Commit: &commitJSON{Hash: c.Hash, Author: c.Author, Subject: c.Subject}})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Date < entries[j].Date })
	return entries
}
