package cli

import (
	"errors"
	"fmt"
	"regexp"
	"slices"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
)

// Exit codes, as SPEC §5 and docs/exit-codes.md give them.
const (
	ExitOK       = 0
	ExitFindings = 1 // validate errors, --fail hits, fmt --check differences
	ExitUsage    = 2 // bad flag or value, unknown ID, refused operation
	ExitInvalid  = 3 // the register holds invalid files; valid ones were processed
)

// ExitError ends a command with an exit code. Err, when set, is printed
// after "itrack: "; findings and other output are printed before returning
// it.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// refuse is the error of a refused operation or a bad value: exit 2.
// When an argument is an error of a named rule (register.NotFoundError
// is unknown-id), the refusal carries the rule.
func refuse(format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	for _, arg := range args {
		var named ruleNamer
		if e, ok := arg.(error); ok && errors.As(e, &named) {
			return &ExitError{Code: ExitUsage, Err: &ruleError{rule: named.RuleName(), msg: err.Error()}}
		}
	}
	return &ExitError{Code: ExitUsage, Err: err}
}

// ruleNamer is an error that names the rule it is a case of.
type ruleNamer interface{ RuleName() string }

// refuseBy is a refusal by a named rule of the register: exit 2, the rule
// in --format json's error object.
func refuseBy(rule, format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: &ruleError{rule: rule, msg: fmt.Sprintf(format, args...)}}
}

// refusedBy is the refusal of a planned event, with the commands the asset
// allows instead.
func refusedBy(r *asset.Refusal) error {
	return refuseBy(r.Rule, "%s", r.WithAllowed())
}

// ruleError is an error a rule of the register gives.
type ruleError struct {
	rule, msg string
}

func (e *ruleError) Error() string    { return e.msg }
func (e *ruleError) RuleName() string { return e.rule }

// UsageError is a command line itrack cannot run: an unknown command or
// flag, a bad flag value, the wrong number of arguments, a required flag
// left out. It ends with exit 2 and a pointer to the command's help.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// usageArgs makes the argument checks of a command tree give UsageErrors.
func usageArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return &UsageError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}

// errorJSON is how a refused command says why in --format json, on
// stdout, for scripts.
type errorJSON struct {
	Error struct {
		Rule     string `json:"rule,omitempty"`
		Message  string `json:"message"`
		ExitCode int    `json:"exit_code"`
	} `json:"error"`
}

// fail prints err and returns the exit code it ends the run with.
func (app *App) fail(cmd *cobra.Command, err error) int {
	code := ExitUsage
	var ee *ExitError
	if errors.As(err, &ee) {
		code = ee.Code
		if ee.Code == ExitFindings && app.exit == ExitInvalid {
			code = ExitInvalid // the findings cover only the valid files
		}
		if ee.Err == nil {
			return code
		}
	}
	fmt.Fprintf(app.IO.Err, "itrack: %s\n", safe.Text(err.Error()))
	var usage *UsageError
	if errors.As(err, &usage) {
		fmt.Fprintf(app.IO.Err, "Run '%s --help' for usage.\n", cmd.CommandPath())
		return ExitUsage
	}
	if code == ExitUsage && app.running && app.format == "json" && slices.Contains(formatsOf(cmd), "json") {
		var out errorJSON
		out.Error.Message, out.Error.ExitCode = err.Error(), code
		var named ruleNamer
		if errors.As(err, &named) {
			out.Error.Rule = named.RuleName()
		}
		_ = render.WriteJSON(app.IO.Out, out)
	}
	return code
}

// silent ends with a code after the command printed what it had to say.
func silent(code int) error {
	return &ExitError{Code: code}
}

var parseBoolError = regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: strconv\.ParseBool: .*$`)

// flagError rewords the flag errors whose Go wording means nothing to a
// person.
func flagError(err error) error {
	if m := parseBoolError.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Errorf("%s takes true or false, not %q", m[2], m[1])
	}
	return err
}
