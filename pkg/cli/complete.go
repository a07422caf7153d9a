package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
)

// completeLimit is how many files completion reads to offer only the assets
// a command accepts in their current state; in a bigger register it offers
// every ID of the kinds the command takes, from file names alone.
const completeLimit = 2000

// completeAssetIDs offers every asset ID.
func completeAssetIDs(app *App) cobra.CompletionFunc {
	return completeFor(app, "", nil)
}

// completeFor offers the IDs of the assets an event command can record
// event on, as of today (event "" accepts every asset), and then, for the
// second argument, what next offers.
func completeFor(app *App, event asset.EventType, next cobra.CompletionFunc) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			if next != nil {
				return next(cmd, args, toComplete)
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		reg, err := app.open()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return assetsAccepting(app, reg, event, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

func assetsAccepting(app *App, reg *register.Register, event asset.EventType, prefix string) []string {
	type candidate struct {
		kind asset.Kind
		id   string
	}
	var cands []candidate
	for _, k := range asset.KindsTaking(event) {
		for _, id := range fileIDs(reg, "assets/"+k.Folder(), prefix) {
			cands = append(cands, candidate{k, id})
		}
	}
	ids := make([]string, 0, len(cands))
	for _, c := range cands {
		ids = append(ids, c.id)
	}
	if event == "" || len(cands) > completeLimit {
		slices.Sort(ids)
		return ids
	}
	ids = ids[:0]
	for _, c := range cands {
		data, err := reg.ReadFile(register.AssetPath(c.kind, c.id))
		if err != nil {
			continue
		}
		a, fs := asset.DecodeAsset(register.AssetPath(c.kind, c.id), c.id, c.kind, data)
		if fs.HasErrors() {
			continue
		}
		if asset.Accepts(a, event, app.Today, reg.Config.Renewals.Window) {
			ids = append(ids, c.id)
		}
	}
	slices.Sort(ids)
	return ids
}

// completePeopleArg offers the register's people.
func completePeopleArg(app *App) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		reg, err := app.open()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return fileIDs(reg, "people", toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// completeHardwareArg offers the register's hardware.
func completeHardwareArg(app *App) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		reg, err := app.open()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return fileIDs(reg, "assets/hardware", toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// fileIDs lists the IDs of a folder's records that start with prefix,
// ignoring case, from their names alone.
func fileIDs(reg *register.Register, folder, prefix string) []string {
	lower := strings.ToLower(prefix)
	var ids []string
	found, _ := reg.RecordIDs(folder) // completion offers what it can read
	for _, id := range found {
		if strings.HasPrefix(strings.ToLower(id), lower) {
			ids = append(ids, id)
		}
	}
	return ids
}
