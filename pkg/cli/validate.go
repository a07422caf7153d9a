package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/view"
)

// validateOptions are what `itrack validate` was asked.
type validateOptions struct{ strict bool }

func newValidateCmd(app *App, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check every file of the register against every rule",
		Long: `Check every file of the register: YAML syntax, keys and value types,
IDs and file names, duplicate IDs and serials, references to people,
merge-conflict markers, byte-order marks, CRLF line endings, tabs, several
documents in one file, YAML aliases, oversized files, and canonical form.
Every problem of every file is reported in one run.

Each finding names its rule in brackets; docs/format.md lists the rules.
Warnings (such as non-canonical form, a leaver still holding assets, or
an audit overdue as of --as-of) do not fail the run unless --strict.

Formats: text (FILE:LINE:COL: severity: message [rule]), json, github
(workflow commands that annotate the pull request), sarif (SARIF 2.1.0,
for code scanning) and codequality (a GitLab code quality report). The
CI formats name files from the top of the git repository.`,
		Example: `  itrack validate
  itrack validate --strict --format github`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runValidate(app, opts.strict)
		},
	}
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "treat warnings as errors")
	return cmd
}

func runValidate(app *App, strict bool) error {
	format, err := app.outputFormat()
	if err != nil {
		return err
	}
	reg, err := app.open()
	if err != nil {
		return err
	}
	asOf, err := app.asOf()
	if err != nil {
		return err
	}
	snap := reg.LoadWith(register.LoadOptions{Canonical: true, AsOf: asOf})
	findings := snap.Findings
	if strict {
		findings = make(asset.Findings, len(snap.Findings))
		for i, f := range snap.Findings {
			f.Severity = asset.Error
			findings[i] = f
		}
	}
	switch format {
	case "json":
		err = render.WriteJSON(app.IO.Out, view.FindingsOf(findings))
	case "github":
		err = view.WriteGitHubFindings(app.IO.Out, findings, reg.RepoPrefix())
	case "sarif":
		err = view.WriteSARIF(app.IO.Out, findings, reg.RepoPrefix(), versionNumber())
	case "codequality":
		err = view.WriteCodeQuality(app.IO.Out, findings, reg.RepoPrefix())
	default:
		for _, f := range findings {
			if _, err = fmt.Fprintln(app.IO.Out, safe.Text(f.String())); err != nil {
				break
			}
		}
	}
	if err != nil {
		return err
	}
	errors := len(findings.Errors())
	warnings := len(findings) - errors
	fmt.Fprintf(app.IO.Err, "%s checked: %s, %s\n", view.Plural(snap.Files, "file"), view.Plural(errors, "error"), view.Plural(warnings, "warning"))
	if errors > 0 {
		return silent(ExitFindings)
	}
	return nil
}
