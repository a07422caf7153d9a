package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
)

// schemaDir is where a register keeps the JSON Schemas its editors read.
const schemaDir = ".itrack/schema"

type schemaOptions struct {
	name  string
	write bool
}

func newSchemaCmd(app *App) *cobra.Command {
	opts := &schemaOptions{}
	cmd := &cobra.Command{
		Use:   "schema [KIND | people | config]",
		Short: "Print the JSON Schema of a register file, for editors",
		Long: `Print the JSON Schema (draft 2020-12) of an asset file of KIND (hardware,
component, licence, domain, certificate, document), of a person file
(people) or of itrack.yaml (config). Without an argument, list the schemas
and the files each one describes.

With a schema, an editor checks a file as you type and offers its keys
and values. ` + "`itrack init`" + ` writes them to ` + schemaDir + `/ and maps them
to the register's folders in .vscode/settings.json for VS Code's YAML
extension; --write rewrites the files in ` + schemaDir + `/, e.g. after
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
			return runSchema(app, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.write, "write", false, "rewrite the register's "+schemaDir+"/ files; print those that changed")
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
	t, err := schemaTarget(opts.name)
	if err != nil {
		return err
	}
	_, err = app.IO.Out.Write(schemaJSON(t.Schema()))
	return err
}

// schemaTarget finds a schema by the name a person types: a kind as
// add takes it (singular or plural, license too), people or config.
func schemaTarget(name string) (asset.SchemaTarget, error) {
	want := strings.ToLower(strings.TrimSpace(name))
	switch want {
	case "person":
		want = "people"
	case asset.ConfigFile, "itrack":
		want = "config"
	default:
		if k, err := asset.ParseKind(want); err == nil {
			want = string(k)
		}
	}
	var names []string
	for _, t := range asset.SchemaTargets() {
		if t.Name == want {
			return t, nil
		}
		names = append(names, t.Name)
	}
	return asset.SchemaTarget{}, refuse("unknown schema %q: use one of %s", name, orList(names))
}

// writeSchemas brings the register's schema files up to date and lists
// those it changed.
func writeSchemas(app *App) error {
	w, err := app.startWrite()
	if err != nil {
		return err
	}
	defer w.done()
	files := schemaFiles()
	var changed []string
	for _, t := range asset.SchemaTargets() {
		rel := schemaPath(t.Name)
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

func schemaPath(name string) string {
	return schemaDir + "/" + name + ".json"
}

// schemaFiles returns every schema as the file the register keeps it in.
func schemaFiles() map[string][]byte {
	files := map[string][]byte{}
	for _, t := range asset.SchemaTargets() {
		files[schemaPath(t.Name)] = schemaJSON(t.Schema())
	}
	return files
}

// editorFiles are the files `itrack init` writes so that VS Code checks
// register files as they are typed: the schemas, the YAML extension's
// mapping of each folder to its schema, and a recommendation of that
// extension.
func editorFiles() map[string][]byte {
	files := schemaFiles()
	mapping := map[string]string{}
	for _, t := range asset.SchemaTargets() {
		// the YAML extension matches a pattern against the end of a file's
		// path: the leading slash keeps itrack.yaml from matching
		// my-itrack.yaml
		mapping[schemaPath(t.Name)] = "/" + t.Files
	}
	files[".vscode/settings.json"] = schemaJSON(map[string]any{"yaml.schemas": mapping})
	files[".vscode/extensions.json"] = schemaJSON(map[string]any{"recommendations": []string{"redhat.vscode-yaml"}})
	return files
}

// schemaJSON writes a schema as indented JSON with keys in order, so the
// same itrack always writes the same bytes.
func schemaJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("schema: %v", err)) // maps of strings, numbers and bools always encode
	}
	return buf.Bytes()
}
