package cli

import (
	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
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
		return reg.Accepting(event, toComplete, app.Today, completeLimit), cobra.ShellCompDirectiveNoFileComp
	}
}

// completePeopleArg offers the register's people.
func completePeopleArg(app *App) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		reg, err := app.open()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return reg.IDsStarting("people", toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// completeHardwareArg offers the register's hardware.
func completeHardwareArg(app *App) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		reg, err := app.open()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return reg.IDsStarting("assets/hardware", toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}
