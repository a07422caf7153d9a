package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/view"
)

// eventFlags are the flags every event command takes.
type eventFlags struct {
	date string
	note string
}

func (f *eventFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.date, "date", "", "when it happened (`DATE`; default --as-of, else today)")
	cmd.Flags().StringVar(&f.note, "note", "", "a remark to keep with the event")
}

// eventDate is --date, else --as-of, else today.
func (app *App) eventDate(f *eventFlags) (string, error) {
	if f.date == "" {
		d, err := app.asOf()
		return d.String(), err
	}
	if _, err := asset.ParseDate(f.date); err != nil {
		return "", refuse("--date: %v", err)
	}
	return f.date, nil
}

// change is one event to record on one asset.
type change struct {
	id     string
	values map[string]string // the event's keys, as the command line gave them
	opts   asset.PlanOptions
	// resolve, when set, finds what the event names in the register (the
	// person or hardware of an assignment) and writes it as the file does.
	resolve func(w *writer, a *asset.Asset, e *asset.Event, opts *asset.PlanOptions) error
	// err, when set, refuses the command before anything is read.
	err error
	// flags are --date and --note.
	flags *eventFlags
}

// recordEvent records one event on an asset as asset.Plan decides: at its
// place in date order, with the events it needs before it, or refused.
func (app *App) recordEvent(c *change) error {
	flags := c.flags
	if c.err != nil {
		return c.err
	}
	date, err := app.eventDate(flags)
	if err != nil {
		return err
	}
	c.values["date"] = date
	if flags.note != "" {
		c.values["note"] = flags.note
	}
	e, err := asset.ParseEvent(c.values)
	if err != nil {
		return refuse("%v", err)
	}
	w, err := app.startWrite()
	if err != nil {
		return err
	}
	defer w.done()
	f, err := w.readAsset(c.id)
	if err != nil {
		return err
	}
	a, fs := f.Asset()
	if fs.HasErrors() {
		app.printErrors(fs)
		return refuseBy("invalid-record", "%s must be valid before an event is added: fix it (itrack edit %s)", f.Rel, f.ID)
	}
	if c.resolve != nil {
		if err := c.resolve(w, a, &e, &c.opts); err != nil {
			return err
		}
	}
	if e.By != "" && w.reg.HasPeople() {
		if e.By, err = w.findPerson(e.By, "--by"); err != nil {
			return err
		}
	}
	c.opts.Window = w.reg.Config.Renewals.Window
	c.opts.Currency = w.reg.Config.Currency
	plan, r := asset.Plan(a, e, c.opts)
	if r != nil {
		return refusedBy(r)
	}
	if plan.Unchanged != "" {
		fmt.Fprintln(app.IO.Out, safe.Text(plan.Unchanged+": nothing to record"))
		return nil
	}
	for _, warning := range plan.Warnings {
		fmt.Fprintf(app.IO.Err, "itrack: warning: %s\n", safe.Text(warning))
	}
	register.AppendEvents(f.Root(), a.History, plan.Events)
	said := make([]string, len(plan.Events))
	for i, e := range plan.Events {
		said[i] = e.Present(a)
	}
	_, data, err := w.checked(f)
	if err != nil {
		return err
	}
	msg := strings.Join(said, "; ")
	if err := w.save(msg, map[string][]byte{f.Rel: data}, []string{f.Rel}); err != nil {
		return err
	}
	fmt.Fprintln(app.IO.Out, safe.Text(fmt.Sprintf("%s on %s (%s)", view.Capitalise(msg), date, f.Rel)))
	for _, note := range plan.Notes {
		fmt.Fprintln(app.IO.Out, safe.Text(view.Capitalise(note)+"."))
	}
	return nil
}
