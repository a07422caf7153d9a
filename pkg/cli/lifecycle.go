package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
)

// eventCmd builds one of the simple event commands: ID, the event, and the
// flags every event takes.
//
// The parsed change is the command's options: runF, when set, receives it
// instead of the event being recorded.
func eventCmd(app *App, runF func(*change) error, use, short, long string, args cobra.PositionalArgs, build func(cmd *cobra.Command, args []string) change) *cobra.Command {
	flags := &eventFlags{}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Long:  long,
		Args:  args,
		RunE: func(cmd *cobra.Command, args []string) error {
			c := build(cmd, args)
			c.flags = flags
			if runF != nil {
				return runF(&c)
			}
			return app.recordEvent(&c)
		},
	}
	flags.register(cmd)
	return cmd
}

func newAssignCmd(app *App, runF func(*change) error) *cobra.Command {
	var force, reassign bool
	var units int
	cmd := eventCmd(app, runF, "assign ID PERSON", "Give an asset, or a licence seat, to a person",
		`Give hardware or a component to a person, or one seat of a licence to a
person (a hardware ID for licences with metric: device). Of a batch (a
component with a quantity), it gives one unit, or --units N.

An asset someone else holds is refused unless --reassign, which returns it
from them first. A licence seat beyond the licence's count is refused
unless --force: the register then shows the licence as over its seats.
Assigning to someone after their last day (leaves:) is refused unless
--force; before their first day (starts:) it is recorded, and said.`,
		cobra.ExactArgs(2), func(cmd *cobra.Command, args []string) change {
			return change{
				id:      args[0],
				values:  withUnits(map[string]string{"event": "assigned", "to": args[1]}, units),
				opts:    asset.PlanOptions{Force: force, Reassign: reassign},
				resolve: resolveHolder,
			}
		})
	cmd.Flags().IntVar(&units, "units", 0, "units of a batch to give (default 1)")
	cmd.Flags().BoolVar(&force, "force", false, "assign even beyond a licence's seats, or to someone who has left")
	cmd.Flags().BoolVar(&reassign, "reassign", false, "return the asset from its current holder first")
	cmd.Example = `  itrack assign LT-0042 alice
  itrack assign LT-0042 bob --reassign --note "Alice left the team"
  itrack assign figma-professional carol --date 2026-11-02
  itrack assign KB-0001 alice --units 2`
	return cmd
}

// withUnits adds --units to an event's values when it was given.
func withUnits(values map[string]string, units int) map[string]string {
	if units != 0 {
		values["units"] = fmt.Sprint(units)
	}
	return values
}

// resolveHolder finds whom an assignment names, ignoring case as IDs are
// matched everywhere: a person, or a device for a device licence.
func resolveHolder(w *writer, a *asset.Asset, e *asset.Event, opts *asset.PlanOptions) error {
	if a.Kind == asset.Licence && a.Metric == "device" {
		k, id, err := w.reg.FindAsset(e.To)
		if err != nil || k != asset.Hardware {
			return refuse("%s counts seats per device: %q is not a hardware ID of this register", a.ID, e.To)
		}
		e.To = id
		opts.Host = w.host(id)
		return nil
	}
	if !w.reg.HasPeople() {
		return nil
	}
	id, err := w.findPerson(e.To, "")
	if err != nil {
		return err
	}
	e.To = id
	if pf, err := w.reg.ReadPerson(id); err == nil {
		if p, fs := pf.DecodePerson(); !fs.HasErrors() {
			opts.Holder = p // their first and last days
		}
	}
	return nil
}

// host reads the hardware a component or a device seat would go to, so
// the planner can check it is in service; nil when it is invalid (validate
// says why).
func (w *writer) host(id string) *asset.Asset {
	if f, err := w.reg.ReadAsset(id); err == nil {
		if hw, fs := f.Asset(); !fs.HasErrors() {
			return hw
		}
	}
	return nil
}

// findPerson finds the person an argument (or flag) names, ignoring case,
// as the file names them.
func (w *writer) findPerson(name, flag string) (string, error) {
	id, err := w.reg.FindPerson(name)
	if err != nil {
		hint := ""
		if nf, ok := err.(*register.NotFoundError); ok && nf.Suggestion != "" {
			hint = fmt.Sprintf("did you mean %s? or ", nf.Suggestion)
		}
		if flag != "" {
			flag += " "
		}
		return "", refuseBy("unknown-person", "%s%q is not a person of this register: %sadd them with `itrack person add %s`", flag, name, hint, name)
	}
	return id, nil
}

func newUnassignCmd(app *App, runF func(*change) error) *cobra.Command {
	var units int
	cmd := eventCmd(app, runF, "unassign ID [PERSON]", "Take an asset back, or free a licence seat",
		`Take hardware or a component back into stock, or free the seat PERSON holds
of a licence (PERSON may be left out when one person holds all its seats).
Of a batch (a component with a quantity), every unit PERSON holds comes
back, or --units N of them.`,
		cobra.RangeArgs(1, 2), func(cmd *cobra.Command, args []string) change {
			values := map[string]string{"event": "unassigned"}
			if len(args) == 2 {
				values["from"] = args[1]
			}
			return change{id: args[0], values: withUnits(values, units)}
		})
	cmd.Flags().IntVar(&units, "units", 0, "units of a batch to take back (default all the person holds)")
	return cmd
}

func newMoveCmd(app *App, runF func(*change) error) *cobra.Command {
	return eventCmd(app, runF, "move ID LOCATION", "Record that an asset moved to another location", "",
		cobra.ExactArgs(2), func(cmd *cobra.Command, args []string) change {
			return change{id: args[0], values: map[string]string{"event": "moved", "to": args[1]}}
		})
}

func newInstallCmd(app *App, runF func(*change) error) *cobra.Command {
	return eventCmd(app, runF, "install COMPONENT HARDWARE", "Install a component in a hardware asset", "",
		cobra.ExactArgs(2), func(cmd *cobra.Command, args []string) change {
			return change{id: args[0], values: map[string]string{"event": "installed", "in": args[1]},
				resolve: func(w *writer, a *asset.Asset, e *asset.Event, opts *asset.PlanOptions) error {
					k, id, err := w.reg.FindAsset(e.In)
					if err != nil || k != asset.Hardware {
						return refuse("%q is not a hardware ID of this register: components are installed in hardware", e.In)
					}
					e.In = id // as the file names it
					opts.Host = w.host(id)
					return nil
				}}
		})
}

func newUninstallCmd(app *App, runF func(*change) error) *cobra.Command {
	return eventCmd(app, runF, "uninstall COMPONENT", "Take a component out of its hardware", "",
		cobra.ExactArgs(1), func(cmd *cobra.Command, args []string) change {
			return change{id: args[0], values: map[string]string{"event": "removed"}}
		})
}

// simpleEvent is an event command that takes an ID and nothing more.
func simpleEvent(app *App, runF func(*change) error, use, event, short string, extra func(cmd *cobra.Command) func(values map[string]string)) *cobra.Command {
	var fill func(map[string]string)
	cmd := eventCmd(app, runF, use+" ID", short, "", cobra.ExactArgs(1), func(cmd *cobra.Command, args []string) change {
		values := map[string]string{"event": event}
		if fill != nil {
			fill(values)
		}
		return change{id: args[0], values: values}
	})
	if extra != nil {
		fill = extra(cmd)
	}
	return cmd
}

// stringFlags adds string flags that fill event keys when given.
func stringFlags(flags ...[3]string) func(cmd *cobra.Command) func(map[string]string) {
	return func(cmd *cobra.Command) func(map[string]string) {
		vals := make([]*string, len(flags))
		for i, f := range flags {
			vals[i] = cmd.Flags().String(f[0], "", f[2])
		}
		return func(values map[string]string) {
			for i, f := range flags {
				if *vals[i] != "" {
					values[f[1]] = *vals[i]
				}
			}
		}
	}
}

var costFlag = [3]string{"cost", "cost", "what it cost (`AMOUNT` [CUR])"}

func newRepairCmd(app *App, runF func(*change) error) *cobra.Command {
	return simpleEvent(app, runF, "repair", "repair", "Send an asset for repair", stringFlags(costFlag))
}

func newRepairedCmd(app *App, runF func(*change) error) *cobra.Command {
	return simpleEvent(app, runF, "repaired", "repaired", "Record that an asset is back from repair", stringFlags(costFlag))
}

func newServiceCmd(app *App, runF func(*change) error) *cobra.Command {
	return simpleEvent(app, runF, "service", "serviced", "Record maintenance done on an asset", stringFlags(costFlag))
}

func newAuditCmd(app *App, runF func(*change) error) *cobra.Command {
	return simpleEvent(app, runF, "audit", "audited", "Record that an asset was seen and checked", stringFlags(
		[3]string{"location", "location", "where it was seen (`LOCATION`)"},
		[3]string{"by", "by", "who checked it (`PERSON`)"}))
}

func newLostCmd(app *App, runF func(*change) error) *cobra.Command {
	return simpleEvent(app, runF, "lost", "lost", "Record that an asset is lost", nil)
}

func newFoundCmd(app *App, runF func(*change) error) *cobra.Command {
	return simpleEvent(app, runF, "found", "found", "Record that a lost asset was found", nil)
}

func newCancelCmd(app *App, runF func(*change) error) *cobra.Command {
	return simpleEvent(app, runF, "cancel", "cancelled", "Record that a licence or contract will not renew", nil)
}

func newRetireCmd(app *App, runF func(*change) error) *cobra.Command {
	return simpleEvent(app, runF, "retire", "retired", "Take an asset out of service, awaiting disposal", stringFlags(
		[3]string{"reason", "reason", "why it is retired"}))
}

func newDisposeCmd(app *App, runF func(*change) error) *cobra.Command {
	cmd := simpleEvent(app, runF, "dispose", "disposed", "Record that an asset left the organisation", stringFlags(
		[3]string{"method", "method", "how: recycled, sold, donated, destroyed or returned"},
		[3]string{"proceeds", "proceeds", "money received (`AMOUNT` [CUR])"},
		[3]string{"certificate", "certificate", "data destruction or recycling certificate `REF`"}))
	_ = cmd.MarkFlagRequired("method")
	_ = cmd.RegisterFlagCompletionFunc("method", cobra.FixedCompletions(asset.DisposalMethods, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func newRenewCmd(app *App, runF func(*change) error) *cobra.Command {
	var until, period, cost string
	cmd := eventCmd(app, runF, "renew ID", "Record a renewal: a new renewal or expiry date",
		`Record that a licence, domain, certificate or contract was renewed: until
a date (--until), or for a period from its current end date (--for 1y).

--cost is the new price per term: the forecast, the run-rate and the cost
per seat use it from the renewal's date on, and the price before it for
earlier dates. The record's cost stays the first price.`,
		cobra.ExactArgs(1), func(cmd *cobra.Command, args []string) change {
			c := change{id: args[0], values: map[string]string{"event": "renewed", "until": until, "cost": cost}}
			switch {
			case (until == "") == (period == ""):
				c.err = refuse("say how long: give --until DATE or --for DURATION (e.g. --for 1y)")
			case period != "":
				var err error
				if c.opts.Extend, err = asset.ParseDuration(period); err != nil {
					c.err = refuse("--for: %v", err)
				}
			}
			return c
		})
	cmd.Flags().StringVar(&until, "until", "", "the new renewal or expiry `DATE`")
	cmd.Flags().StringVar(&period, "for", "", "extend the current end date by `DURATION` (1y, 12m)")
	cmd.Flags().StringVar(&cost, "cost", "", "the cost per term from this renewal on (`AMOUNT` [CUR])")
	return cmd
}

func newTrueUpCmd(app *App, runF func(*change) error) *cobra.Command {
	var cost string
	cmd := eventCmd(app, runF, "true-up LICENCE SEATS", "Record a new seat count for a licence",
		`Record that a licence now has SEATS seats (bought more, or gave some
back), from --date on: a seats event. The seat count before that date
stays as it was, so seats and --as-of answer rightly for the past.

--cost is the licence's new cost per term. Without it the price per seat
stays: the cost grows or shrinks with the seats, and the event records
the cost it comes to.`,
		cobra.ExactArgs(2), func(cmd *cobra.Command, args []string) change {
			return change{id: args[0], values: map[string]string{"event": "seats", "seats": args[1], "cost": cost}}
		})
	cmd.Flags().StringVar(&cost, "cost", "", "the new cost per term, for all the seats (`AMOUNT` [CUR])")
	cmd.Example = `  itrack true-up figma-professional 12
  itrack true-up microsoft-365-business-premium 30 --cost 6336.00 --date 2027-01-01`
	return cmd
}
