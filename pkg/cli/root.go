package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
)

// commandFormats are the formats each command writes, the first its
// default: --format is checked and completed from this one table.
var commandFormats = map[string][]string{
	"add":          {"text", "json"},
	"depreciation": {"table", "json", "csv", "markdown"},
	"diff":         {"text", "markdown", "json"},
	"export":       {"csv", "json"},
	"forecast":     {"table", "json", "csv", "markdown"},
	"history":      {"table", "json"},
	"import":       {"text"},
	"list":         {"table", "json", "csv", "yaml", "markdown"},
	"person list":  {"table", "json", "csv", "markdown"},
	"person show":  {"text", "json"},
	"reconcile":    {"table", "json", "markdown"},
	"schema":       {"json"},
	"renewals":     {"table", "json", "csv", "markdown", "github", "ics"},
	"report":       {"table", "markdown", "json"},
	"seats":        {"table", "json", "csv", "markdown"},
	"show":         {"text", "json", "yaml"},
	"validate":     {"text", "json", "github", "sarif", "codequality"},
}

// formatsOf returns the formats a command writes (nil: none to choose).
func formatsOf(cmd *cobra.Command) []string {
	return commandFormats[commandPath(cmd)]
}

// outputFormat checks --format against what the running command offers;
// the first offered format is the default.
func (app *App) outputFormat() (string, error) {
	offered := formatsOf(app.cmd)
	if app.format == "" {
		return offered[0], nil
	}
	for _, f := range offered {
		if f == app.format {
			return f, nil
		}
	}
	return "", refuse("unknown format %q: this command writes %s", app.format, orList(offered))
}

func orList(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

func newRootCmd(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "itrack",
		Short: "An IT asset register kept as YAML files in git",
		Long: `itrack keeps one YAML file per asset (hardware, components, licences,
domains, certificates, documents) and per person, in a git repository, and
computes lifecycle state, holders, seat compliance, book values and
renewals from them on demand.

The register is found like git finds .git: -C DIR, else $ITRACK_DIR, else
the nearest parent folder holding itrack.yaml.` + exitStatusHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionString(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		app.cmd = cmd
		if app.format != "" && formatsOf(cmd) == nil {
			return refuse("%s has no --format: it writes text only", cmd.CommandPath())
		}
		// a bad --as-of is refused before any command starts, so none can
		// have written a file by the time it reads the date
		if _, err := app.asOf(); err != nil {
			return err
		}
		if err := cmd.ValidateRequiredFlags(); err != nil {
			return &UsageError{err}
		}
		app.running = true
		return nil
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &UsageError{flagError(err)} })
	f := root.PersistentFlags()
	f.StringVarP(&app.dir, "dir", "C", "", "run in the register at `DIR`")
	f.StringVar(&app.asOfArg, "as-of", "", "answer as of `DATE` (YYYY-MM-DD; default today)")
	f.StringVar(&app.format, "format", "", "output `FORMAT` (each command lists its own)")
	_ = root.RegisterFlagCompletionFunc("format", func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return formatsOf(cmd), cobra.ShellCompDirectiveNoFileComp
	})
	f.BoolVar(&app.noColor, "no-color", false, "never colour the output (also: NO_COLOR=1)")
	f.BoolVar(&app.noIndex, "no-index", false, "skip the register's index (also: ITRACK_NO_INDEX=1)")
	f.BoolVar(&app.commit, "commit", false, "commit the files written (also: git.auto_commit)")

	root.AddGroup(&cobra.Group{ID: "register", Title: "Register:"}, &cobra.Group{ID: "records", Title: "Records:"},
		&cobra.Group{ID: "lifecycle", Title: "Lifecycle events:"})
	for _, c := range []*cobra.Command{newInitCmd(app, nil), newValidateCmd(app, nil), newFmtCmd(app, nil), newSchemaCmd(app, nil)} {
		c.GroupID = "register"
		root.AddCommand(c)
	}
	for _, c := range []*cobra.Command{newAddCmd(app, nil), newShowCmd(app, nil), newListCmd(app, nil), newSetCmd(app, nil), newEditCmd(app, nil), newHistoryCmd(app, nil), newDiffCmd(app, nil), newMergeDriverCmd(app, nil)} {
		c.GroupID = "records"
		root.AddCommand(c)
	}
	for _, c := range []*cobra.Command{newAssignCmd(app, nil), newUnassignCmd(app, nil), newMoveCmd(app, nil), newInstallCmd(app, nil), newUninstallCmd(app, nil),
		newRepairCmd(app, nil), newRepairedCmd(app, nil), newServiceCmd(app, nil), newAuditCmd(app, nil), newLostCmd(app, nil), newFoundCmd(app, nil),
		newRenewCmd(app, nil), newTrueUpCmd(app, nil), newCancelCmd(app, nil), newRetireCmd(app, nil), newDisposeCmd(app, nil)} {
		c.GroupID = "lifecycle"
		c.ValidArgsFunction = eventCompletion(app, c.Name())
		root.AddCommand(c)
	}
	root.AddGroup(&cobra.Group{ID: "people", Title: "People:"})
	for _, c := range []*cobra.Command{newPersonCmd(app), newOffboardCmd(app, nil)} {
		c.GroupID = "people"
		root.AddCommand(c)
	}
	root.AddGroup(&cobra.Group{ID: "reports", Title: "Reports:"})
	for _, c := range []*cobra.Command{newReportCmd(app, nil), newRenewalsCmd(app, nil), newForecastCmd(app, nil), newSeatsCmd(app, nil), newDepreciationCmd(app, nil)} {
		c.GroupID = "reports"
		root.AddCommand(c)
	}
	root.AddGroup(&cobra.Group{ID: "data", Title: "Data in and out:"})
	for _, c := range []*cobra.Command{newImportCmd(app, nil), newExportCmd(app, nil), newReconcileCmd(app, nil)} {
		c.GroupID = "data"
		root.AddCommand(c)
	}
	root.AddCommand(newVersionCmd(app, nil), newManCmd(app, nil))
	root.InitDefaultCompletionCmd()
	addExitStatus(root)
	usageArgs(root)
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			// cobra prints help for `completion bsh`; a typo must not end up in
			// a shell's startup file
			c.Args = func(cmd *cobra.Command, args []string) error {
				if len(args) > 0 {
					return fmt.Errorf("unknown shell %q: use bash, zsh, fish or powershell", args[0])
				}
				return nil
			}
			c.RunE = func(cmd *cobra.Command, args []string) error {
				return refuse("name the shell: itrack completion bash, zsh, fish or powershell")
			}
		}
	}
	return root
}

// eventCompletion offers, for an event command, the assets whose state
// accepts its event, then the people (assign, unassign) or hardware
// (install) it takes second.
func eventCompletion(app *App, command string) cobra.CompletionFunc {
	people, hardware := completePeopleArg(app), completeHardwareArg(app)
	var next cobra.CompletionFunc
	switch command {
	case "assign", "unassign":
		next = people
	case "install":
		next = hardware
	}
	for _, spec := range asset.EventTypes {
		if spec.Command == command {
			return completeFor(app, spec.Type, next)
		}
	}
	return completeAssetIDs(app)
}
