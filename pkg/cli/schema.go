package cli

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
)

type schemaOptions struct {
	name  string
	write bool
}

func newSchemaCmd(app *App, runF func(*schemaOptions) error) *cobra.Command {
	opts := &schemaOptions{}
	cmd := &cobra.Command{
		Use:   "schema [KIND | people | config]",
		Short: "Print the JSON Schema of a register file, for editors",
		Long: `Print the JSON Schema (draft 2020-12) of an asset file of KIND (hardware,
component, licence, domain, certificate, document), of a person file
(people) or of itrack.yaml (config). Without an argument, list the schemas
and the files each one describes.

With a schema, an editor checks a file as you type and offers its keys
and values. ` + "`itrack init`" + ` writes them to ` + register.SchemaDir + `/ and maps them
to the register's folders in .vscode/settings.json for VS Code's YAML
extension; --write rewrites the files in ` + register.SchemaDir + `/, e.g. after
upgrading itrack. Other editors: see docs/editors.md.

The schemas are generated from the same field tables itrack reads files
with: each kind has its own keys (a field of another kind is an unknown
key), each event type of the history its own keys and the ones it needs;
dates, durations, amounts, numbers, rates and lists are checked by
pattern, enumerations by value. Only custom fields (fields:) take any key.

itrack reads every value as the text written in the file; an editor's YAML
reader turns an unquoted number or true/false into a JSON number or
boolean. So the schemas accept both forms wherever itrack accepts the
text (seats: 5 and seats: "5", cost: 1249.00 and cost: "1249.00 USD",
auto_renew: true and auto_renew: "true"), and an empty value (key: with
nothing after it) is null, which itrack reads as unset. Once a number is
a number the schema cannot see how it was written, so a few spellings
(1e3, 0x10, an amount with five decimals) pass the schema and fail
validation. ` + "`itrack validate`" + ` stays the authority: it also checks what
one value alone cannot show, such as dates in order and a possible
history.

EXIT STATUS
  0  success
  2  unknown schema name, or no register for --write`,
		Example: `  itrack schema
  itrack schema hardware > hardware.schema.json
  itrack schema --write`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []string
			for _, t := range asset.SchemaTargets() {
				names = append(names, t.Name)
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.name = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runSchema(app, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.write, "write", false, "rewrite the register's "+register.SchemaDir+"/ files; print those that changed")
	return cmd
}

func runSchema(app *App, opts *schemaOptions) error {
	if _, err := app.outputFormat(); err != nil {
		return err
	}
	switch {
	case opts.write && opts.name != "":
		return refuse("--write rewrites every schema of the register: give no name")
	case opts.write:
		return writeSchemas(app)
	case opts.name == "":
		for _, t := range asset.SchemaTargets() {
			fmt.Fprintf(app.IO.Out, "%-12s %s\n", t.Name, t.Files)
		}
		return nil
	}
	t, names, ok := asset.FindSchema(opts.name)
	if !ok {
		return refuse("unknown schema %q: use one of %s", opts.name, orList(names))
	}
	_, err := app.IO.Out.Write(register.SchemaJSON(t.Schema()))
	return err
}

// writeSchemas brings the register's schema files up to date and lists
// those it changed.
func writeSchemas(app *App) error {
	w, err := app.startWrite()
	if err != nil {
		return err
	}
	defer w.done()
	files := register.SchemaFiles()
	var changed []string
	for _, t := range asset.SchemaTargets() {
		rel := register.SchemaPath(t.Name)
		if old, err := w.reg.ReadFile(rel); err == nil && bytes.Equal(old, files[rel]) {
			continue
		}
		if err := w.reg.WriteFile(rel, files[rel]); err != nil {
			return refuse("cannot write %s: %v", rel, err)
		}
		fmt.Fprintln(app.IO.Out, rel)
		changed = append(changed, rel)
	}
	return w.commitFiles("schema: rewrite the JSON Schemas for editors", changed...)
}
