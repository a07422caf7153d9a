package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/seats"
	"github.com/itrack/itrack/pkg/view"
)

func newPersonCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "person",
		Short: "Add, list and show people, and what they hold",
		Long: `People are files under people/ (people/alice.yaml). Once that folder
exists, every person an asset names (owner, assigned to) must have a file.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newPersonAddCmd(app, nil), newPersonListCmd(app, nil), newPersonShowCmd(app, nil))
	return cmd
}

// personAddOptions are the values `itrack person add` was given.
type personAddOptions struct {
	id     string
	values map[string]string // flag name → text, for the flags given
}

func newPersonAddCmd(app *App, runF func(*personAddOptions) error) *cobra.Command {
	values := map[string]*string{}
	cmd := &cobra.Command{
		Use:     "add ID",
		Short:   "Add a person",
		Example: `  itrack person add alice --name "Alice Moreno" --email alice@example.com --department IT --starts 2024-01-08`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := &personAddOptions{id: args[0], values: map[string]string{}}
			for key, v := range values {
				if cmd.Flags().Changed(key) {
					opts.values[key] = *v
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return runPersonAdd(app, opts.id, opts.values)
		},
	}
	for _, f := range []struct{ key, usage string }{
		{"name", "full name (required)"}, {"email", "email address"}, {"department", "department"},
		{"manager", "their manager's person `ID`"}, {"location", "where they work"},
		{"starts", "first day (`DATE`)"}, {"leaves", "last day (`DATE`)"},
	} {
		values[f.key] = cmd.Flags().String(f.key, "", f.usage)
	}
	return cmd
}

func runPersonAdd(app *App, id string, values map[string]string) error {
	if err := asset.CheckID(id); err != nil {
		return refuse("%v", err)
	}
	if values["name"] == "" {
		return refuse("a person needs a name: give --name \"…\"")
	}
	doc := register.NewDocument()
	for _, key := range asset.PersonKeyOrder("") {
		text, ok := values[key]
		if !ok {
			continue
		}
		n, err := asset.PersonValueNode(key, text)
		if err != nil {
			return refuse("--%s: %v", key, err)
		}
		register.Set(doc.Content[0], key, n, asset.PersonKeyOrder)
	}
	w, err := app.startWrite()
	if err != nil {
		return err
	}
	defer w.done()
	if existing, err := w.reg.FindPerson(id); err == nil {
		return refuse("%s already exists (%s)", id, register.PersonPath(existing))
	}
	if m := values["manager"]; m != "" {
		if got, err := w.reg.FindPerson(m); err != nil || got != m {
			return refuse("--manager %q is not a person of this register", m)
		}
	}
	f := &register.RecordFile{Rel: register.PersonPath(id), ID: id, Doc: doc}
	p, fs := f.DecodePerson()
	if fs.HasErrors() {
		return w.refuseWith(fs, f.Rel)
	}
	data, _ := register.Encode(doc)
	if err := w.reg.CreateFile(f.Rel, data); err != nil {
		return refuse("%v", err)
	}
	if err := w.commitFiles(fmt.Sprintf("add person %s: %s", id, p.Name), f.Rel); err != nil {
		return err
	}
	fmt.Fprintln(app.IO.Out, safe.Text(fmt.Sprintf("Added person %s: %s (%s)", id, p.Name, f.Rel)))
	return nil
}

// personListOptions are what `itrack person list` was asked: nothing but
// the global flags.
type personListOptions struct{}

func newPersonListCmd(app *App, runF func(*personListOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List people and how many assets each holds",
		Long:  "List people, sorted by ID. Formats: table (default), json, csv, markdown.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(&personListOptions{})
			}
			rc, err := app.startRead(nil)
			if err != nil {
				return err
			}
			format, asOf, snap, statuses := rc.format, rc.asOf, rc.snap, rc.statuses
			if format == "json" {
				return render.WriteJSON(app.IO.Out, view.PeopleOf(snap.People, snap.Assets, statuses, asOf))
			}
			return writeTable(app, format, view.PeopleTable(snap.People, snap.Assets, statuses))
		},
	}
}

// personShowOptions are what `itrack person show` was asked.
type personShowOptions struct{ id string }

func newPersonShowCmd(app *App, runF func(*personShowOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "Show a person and everything they hold",
		Long: `Show a person and everything they hold on the --as-of date: hardware,
components and licence seats, with their value.`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: firstArgOnly(completePeopleArg(app)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := &personShowOptions{id: args[0]}
			if runF != nil {
				return runF(opts)
			}
			return runPersonShow(app, opts.id)
		},
	}
}

func runPersonShow(app *App, id string) error {
	rc, err := app.startRead(nil)
	if err != nil {
		return err
	}
	format, asOf, reg, snap, statuses := rc.format, rc.asOf, rc.reg, rc.snap, rc.statuses
	p, ok := snap.Person(id)
	if !ok {
		if _, err := reg.FindPerson(id); err != nil {
			return refuse("%v", err)
		}
		return &ExitError{Code: ExitInvalid, Err: fmt.Errorf("%s is invalid: fix it (itrack validate says how)", register.PersonPath(id))}
	}
	items := seats.Holdings(snap.Assets, statuses)[p.ID]
	held := view.HoldingsOf(p.ID, items, statuses, reg.Config.Currency, func(a *asset.Asset) *view.Amount { return bookValueOf(a, reg.Config, asOf) })
	if format == "json" {
		v := view.PersonOf(p, asOf, len(items))
		v.Holds = held
		return render.WriteJSON(app.IO.Out, v)
	}
	return view.PersonOf(p, asOf, len(items)).WriteText(app.IO.Out, app.styles(), held, asOf)
}

// firstArgOnly completes a command's first argument, and nothing after it.
func firstArgOnly(complete cobra.CompletionFunc) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return complete(cmd, args, toComplete)
	}
}
