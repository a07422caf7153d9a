package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/safe"
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
	values map[string]string // the event's keys, as text
	// check, when set, looks at the asset before the event is recorded and
	// may refuse it or add events before it (returned in date order).
	check func(w *writer, a *asset.Asset, e asset.Event) ([]map[string]string, error)
	// prepare, when set, fills values that depend on the asset.
	prepare func(w *writer, a *asset.Asset, values map[string]string) error
}

// recordEvent appends one event to an asset's history at its place in date
// order, refusing it when the asset's state does not allow it.
func (app *App) recordEvent(flags *eventFlags, c change) error {
	date, err := app.eventDate(flags)
	if err != nil {
		return err
	}
	c.values["date"] = date
	if flags.note != "" {
		c.values["note"] = flags.note
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
	a, fs := f.Decode()
	if fs.HasErrors() {
		app.printErrors(fs)
		return refuse("%s must be valid before an event is added: fix it (itrack edit %s)", f.Rel, f.ID)
	}
	if c.prepare != nil {
		if err := c.prepare(w, a, c.values); err != nil {
			var same errUnchanged
			if errors.As(err, &same) {
				fmt.Fprintln(app.IO.Out, safe.Text(fmt.Sprintf("%s: nothing to record", same)))
				return nil
			}
			return err
		}
	}
	e, _, err := asset.NewEvent(c.values)
	if err != nil {
		return refuse("%v", err)
	}
	entries := []map[string]string{c.values}
	if c.check != nil {
		before, err := c.check(w, a, e)
		if err != nil {
			return err
		}
		entries = append(before, c.values)
	}
	var said []string
	for _, values := range entries {
		e, node, err := asset.NewEvent(values)
		if err != nil {
			return refuse("%v", err)
		}
		at, herr := asset.CheckEvent(a, e)
		if herr != nil && herr.Index != at {
			return refuse("%s on %s would make a later event impossible: on %s, %s", e.Type, e.Date, herr.Event.Date, herr.Message)
		}
		if herr != nil {
			return refuseTransition(herr)
		}
		register.InsertEvent(f.Root(), node, at)
		said = append(said, eventSummary(a, e))
		a, _ = f.Decode() // the next entry is checked against this one

	}
	_, data, err := w.checked(f)
	if err != nil {
		return err
	}
	msg := strings.Join(said, "; ")
	if err := w.save(msg, map[string][]byte{f.Rel: data}, []string{f.Rel}); err != nil {
		return err
	}
	fmt.Fprintln(app.IO.Out, safe.Text(fmt.Sprintf("%s on %s (%s)", capitalise(msg), date, f.Rel)))
	return nil
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// errUnchanged says the event would change nothing: the command ends well
// and writes nothing.
type errUnchanged string

func (e errUnchanged) Error() string { return string(e) }

// eventCommands names the command that records each event.
var eventCommands = map[string]string{
	"assigned": "assign", "unassigned": "unassign", "moved": "move", "installed": "install",
	"removed": "uninstall", "repair": "repair", "repaired": "repaired", "serviced": "service",
	"audited": "audit", "lost": "lost", "found": "found", "renewed": "renew", "cancelled": "cancel",
	"retired": "retire", "disposed": "dispose", "seats": "true-up",
}

// refuseTransition explains a refused event in terms of the commands that
// are allowed instead.
func refuseTransition(herr *asset.HistoryError) error {
	var cmds []string
	for _, e := range herr.Allowed {
		if c, ok := eventCommands[e]; ok {
			cmds = append(cmds, c)
		}
	}
	msg := herr.Message
	if len(cmds) > 0 {
		msg += "; allowed now: " + strings.Join(cmds, ", ")
	}
	return refuse("%s", msg)
}

// eventSummary says what an event does, for the command's output and its
// commit message: "assign LT-0042 to alice".
func eventSummary(a *asset.Asset, e asset.Event) string {
	switch e.Type {
	case "assigned":
		if a.Kind == asset.Licence {
			return fmt.Sprintf("assign a seat of %s to %s", a.ID, e.To)
		}
		return fmt.Sprintf("assign %s to %s", a.ID, e.To)
	case "unassigned":
		if e.From != "" {
			return fmt.Sprintf("unassign %s from %s", a.ID, e.From)
		}
		return "unassign " + a.ID
	case "moved":
		return fmt.Sprintf("move %s to %s", a.ID, e.To)
	case "installed":
		return fmt.Sprintf("install %s in %s", a.ID, e.In)
	case "removed":
		return "uninstall " + a.ID
	case "repair":
		return fmt.Sprintf("send %s for repair", a.ID)
	case "repaired":
		return a.ID + " back from repair"
	case "lost":
		return "report " + a.ID + " lost"
	case "found":
		return a.ID + " found"
	case "renewed":
		return fmt.Sprintf("renew %s until %s", a.ID, e.Until)
	case "seats":
		return fmt.Sprintf("true-up %s to %s", a.ID, plural(*e.Seats, "seat"))
	case "retired":
		if e.Reason != "" {
			return fmt.Sprintf("retire %s: %s", a.ID, e.Reason)
		}
		return "retire " + a.ID
	case "disposed":
		return fmt.Sprintf("dispose of %s: %s", a.ID, e.Method)
	}
	if c, ok := eventCommands[e.Type]; ok {
		return c + " " + a.ID
	}
	return e.Type + " " + a.ID
}
