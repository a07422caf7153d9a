package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/safe"
)

// setOptions are what `itrack set` was asked.
type setOptions struct {
	id          string
	assignments []string // KEY=VALUE
}

func newSetCmd(app *App, runF func(*setOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "set ID KEY=VALUE...",
		Short: "Change fields of an asset",
		Long: `Change fields of an asset without opening an editor. Keys are dotted for
nested fields (purchase.cost) and fields.NAME for custom fields; lists are
comma-separated (tags=a,b); an empty value removes the key (serial=).

Only the changed lines of the file change: comments, key order and the
rest of the file stay as they are. The result is checked before it is
written; a refused change leaves the file untouched.`,
		Example: `  itrack set LT-0001 location=Leeds os="Windows 11 24H2"
  itrack set LT-0001 purchase.cost=1299.00 warranty.expires=2029-03-01
  itrack set figma-professional seats=10 fields.contract=CT-2291
  itrack set LT-0001 serial=`,
		Args:              cobra.MinimumNArgs(2),
		ValidArgsFunction: completeAssetIDs(app),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := &setOptions{id: args[0], assignments: args[1:]}
			if runF != nil {
				return runF(opts)
			}
			return runSet(app, opts.id, opts.assignments)
		},
	}
}

type assignment struct {
	key, value string
}

func parseAssignments(args []string) ([]assignment, error) {
	out := make([]assignment, 0, len(args))
	for _, arg := range args {
		key, value, ok := strings.Cut(arg, "=")
		if !ok || key == "" {
			return nil, refuse("%q is not KEY=VALUE: write e.g. location=Leeds (an empty value removes the key)", arg)
		}
		out = append(out, assignment{key: strings.TrimSpace(key), value: value})
	}
	return out, nil
}

func runSet(app *App, id string, args []string) error {
	changes, err := parseAssignments(args)
	if err != nil {
		return err
	}
	w, err := app.startWrite()
	if err != nil {
		return err
	}
	defer w.done()
	f, err := w.readAsset(id)
	if err != nil {
		return err
	}
	root := f.Root()
	var said []string
	for _, c := range changes {
		if c.value == "" {
			if _, ok := asset.LookupField(c.key, f.Kind); !ok {
				return refuse("%s: %v", c.key, asset.UnknownField(f.Kind, c.key))
			}
			if register.Delete(root, c.key) {
				said = append(said, "removed "+c.key)
			}
			continue
		}
		n, err := asset.ValueNode(f.Kind, c.key, c.value)
		if err != nil {
			return refuse("%s: %v", c.key, err)
		}
		register.Set(root, c.key, n, asset.KeyOrder)
		said = append(said, c.key+"="+c.value)
	}
	a, data, err := w.checked(f)
	if err != nil {
		return err
	}
	if bytes.Equal(data, f.Data) {
		fmt.Fprintf(app.IO.Out, "%s is unchanged: it already has those values\n", f.ID)
		return nil
	}
	msg := fmt.Sprintf("set %s %s", f.ID, strings.Join(said, " "))
	if err := w.save(msg, map[string][]byte{f.Rel: data}, []string{f.Rel}); err != nil {
		return err
	}
	fmt.Fprintln(app.IO.Out, safe.Text(fmt.Sprintf("Updated %s (%s): %s", a.ID, f.Rel, strings.Join(said, ", "))))
	return nil
}
