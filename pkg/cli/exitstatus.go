package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// exitStatus is what a command's exit codes mean for it, beyond 0 and 2,
// which every command can end with.
type exitStatus struct {
	findings string // what exit 1 means for the command; "" for never
	invalid  bool   // it ends with 3 when it left invalid files out
}

// Exit codes 3 for the commands that read the whole register, or one
// asset's file for display.
var readsRegister = exitStatus{invalid: true}

// exitCodes are the exit codes of every command, by its path below itrack:
// the one table each command's EXIT STATUS help is written from
// (docs/exit-codes.md says the same, and a test holds them together).
var exitCodes = map[string]exitStatus{
	"validate":     {findings: "a file has an error; with --strict, also a warning"},
	"fmt":          {findings: "--check: a file is not in canonical form", invalid: true},
	"diff":         {findings: "--fail-on: the change does one of the things listed"},
	"merge-driver": {findings: "the merge left conflicts to resolve"},
	"renewals":     {findings: "--fail-within: something is overdue or due within the period", invalid: true},
	"seats":        {findings: "--fail: a licence has more seats used than bought", invalid: true},
	"reconcile":    {findings: "--fail: a device is untracked, or disposed-but-enrolled", invalid: true},

	"show": readsRegister, "list": readsRegister, "history": readsRegister, "report": readsRegister,
	"forecast": readsRegister, "depreciation": readsRegister, "export": readsRegister,
	"person list": readsRegister, "person show": readsRegister, "offboard": readsRegister,

	"init": {}, "schema": {}, "add": {}, "set": {}, "edit": {}, "person": {}, "person add": {},
	"import": {}, "version": {}, "man": {}, "completion": {}, "help": {},
	"assign": {}, "unassign": {}, "move": {}, "install": {}, "uninstall": {}, "repair": {},
	"repaired": {}, "service": {}, "audit": {}, "lost": {}, "found": {}, "renew": {},
	"true-up": {}, "cancel": {}, "retire": {}, "dispose": {},
}

// commandPath is a command's path below the root: "person add".
func commandPath(c *cobra.Command) string {
	return strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")
}

// exitStatusOf is a command's exit codes; a subcommand of completion has
// completion's.
func exitStatusOf(c *cobra.Command) (exitStatus, bool) {
	for ; c != nil && c.HasParent(); c = c.Parent() {
		if st, ok := exitCodes[commandPath(c)]; ok {
			return st, true
		}
	}
	return exitStatus{}, false
}

// help is the EXIT STATUS block of a command's help.
func (s exitStatus) help() string {
	var b strings.Builder
	b.WriteString("\n\nEXIT STATUS\n  0  success")
	if s.findings != "" {
		fmt.Fprintf(&b, "\n  1  %s", s.findings)
	}
	b.WriteString("\n  2  usage error or refused operation: nothing was changed")
	if s.invalid {
		b.WriteString("\n  3  the register holds invalid files: results cover the valid ones")
	}
	return b.String()
}

// addExitStatus ends every command's long help with the exit codes it can
// end with, as restic does, so scripts can rely on them.
func addExitStatus(c *cobra.Command) {
	for _, sub := range c.Commands() {
		if st, ok := exitStatusOf(sub); ok && !strings.Contains(sub.Long, "EXIT STATUS") {
			long := sub.Long
			if long == "" {
				long = sub.Short + "."
			}
			sub.Long = long + st.help()
		}
		addExitStatus(sub)
	}
}

// exitStatusHelp ends the root command's help: every code any command
// ends with.
const exitStatusHelp = `

EXIT STATUS
  0  success
  1  findings: validate errors, fmt --check differences, --fail hits
  2  usage error or refused operation: nothing was changed
  3  the register holds invalid files: results cover the valid ones`
