package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/example"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/view"
)

type initOptions struct {
	dir      string
	name     string
	currency string
	example  bool
	size     int
}

func newInitCmd(app *App, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Create a register: itrack.yaml and the asset folders",
		Long: `Create a register in DIR (default: the current folder): itrack.yaml with
commented defaults, the assets/ folders, .gitignore and .gitattributes. It
refuses to touch a folder that already holds itrack.yaml; a .gitignore or
.gitattributes already there gets the lines itrack needs added.

For checking files as you type, it writes the JSON Schema of each kind of
file to .itrack/schema/ and, for VS Code's YAML extension, maps them to the
register's folders in .vscode/settings.json (kept as it is when the folder
has one already; see itrack schema --help).

--example fills the register with a realistic demo (the one in
testdata/example), dated around today; --size N fills it with N synthetic
assets, the same N every time, for trying itrack at scale.`,
		Example: `  itrack init
  itrack init assets-register --name "Acme Ltd" --currency EUR
  itrack init demo --example
  itrack init big --size 100000`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = "."
			if len(args) == 1 {
				opts.dir = args[0]
			}
			if app.dir != "" && len(args) == 0 {
				opts.dir = app.dir
			}
			if runF != nil {
				return runF(opts)
			}
			return runInit(app, opts)
		},
	}
	cmd.Flags().StringVar(&opts.name, "name", "", "the organisation's `NAME` (default: the folder's name)")
	cmd.Flags().StringVar(&opts.currency, "currency", "USD", "ISO 4217 `CODE` of amounts that name no currency")
	cmd.Flags().BoolVar(&opts.example, "example", false, "fill the register with a realistic demo")
	cmd.Flags().IntVar(&opts.size, "size", 0, "fill the register with `N` synthetic assets (for benchmarks)")
	return cmd
}

func runInit(app *App, opts *initOptions) error {
	dir := app.abs(opts.dir)
	if opts.example && opts.size > 0 {
		return refuse("--example and --size make different registers: give one of them")
	}
	if opts.size < 0 || opts.size > 10_000_000 {
		return refuse("--size must be from 1 to 10000000, not %d", opts.size)
	}
	if _, err := asset.ParseMoney("0 " + opts.currency); err != nil {
		return refuse("--currency %q: use an ISO 4217 code such as GBP, EUR or USD", opts.currency)
	}
	if _, err := os.Stat(filepath.Join(dir, asset.ConfigFile)); err == nil {
		return refuse("%s already holds a register (%s): nothing was changed", opts.dir, asset.ConfigFile)
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return refuse("%s is a file, not a folder", opts.dir)
	}
	name := opts.name
	if name == "" {
		name = filepath.Base(dir)
	}

	files := map[string][]byte{}
	switch {
	case opts.example:
		files = example.Demo(app.Today)
	case opts.size > 0:
		files = example.Synthetic(opts.size, name, opts.currency)
	default:
		files[asset.ConfigFile] = []byte(example.Config(name, opts.currency))
	}
	register.AddSkeleton(files, mergeDriverConfig)
	kept, err := register.Create(dir, files)
	if err != nil {
		return refuse("cannot create the register: %v", err)
	}
	assets := 0
	for rel := range files {
		if strings.HasPrefix(rel, "assets/") && strings.HasSuffix(rel, ".yaml") {
			assets++
		}
	}
	fmt.Fprintf(app.IO.Out, "Created a register in %s with %s.\n", opts.dir, view.Plural(assets, "asset"))
	for _, rel := range kept {
		fmt.Fprintf(app.IO.Out, "Kept the folder's own %s: to check files as you type, add the \"yaml.schemas\" of docs/editors.md to it.\n", rel)
	}
	fmt.Fprintf(app.IO.Out, "Next: cd %s && git init && itrack add hardware --name \"Laptop\"\n", opts.dir)
	return nil
}
