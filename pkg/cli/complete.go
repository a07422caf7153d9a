package cli

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
)

// completeAssetIDs offers the register's asset IDs, from file names only,
// so it stays fast on a large register.
func completeAssetIDs(app *App) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		reg, err := app.open()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var ids []string
		for _, k := range asset.Kinds {
			ids = append(ids, fileIDs(reg, "assets/"+k.Folder(), toComplete)...)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
}

func fileIDs(reg *register.Register, folder, prefix string) []string {
	entries, _ := os.ReadDir(reg.Abs(folder))
	var ids []string
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && strings.HasPrefix(strings.ToLower(id), strings.ToLower(prefix)) {
			ids = append(ids, id)
		}
	}
	return ids
}
