package cli

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// manOptions are what `itrack man` was asked.
type manOptions struct {
	dir      string
	markdown bool
}

func newManCmd(app *App, runF func(*manOptions) error) *cobra.Command {
	opts := &manOptions{}
	cmd := &cobra.Command{
		Use:   "man DIR",
		Short: "Write a manual page for every command",
		Long: `Write a manual page (section 1) for every command into DIR, for man to
read (man -l DIR/itrack.1, or install them under a MANPATH folder).

--markdown writes the same reference as Markdown instead: it is how
docs/commands/ is made, and a test keeps it equal to --help.`,
		Example: `  itrack man /usr/local/share/man/man1
  itrack man --markdown docs/commands`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			dir := app.abs(opts.dir)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return refuse("cannot create %s: %v", args[0], err)
			}
			root := cmd.Root()
			disableAutoGenTag(root)
			var err error
			if opts.markdown {
				err = doc.GenMarkdownTree(root, dir)
			} else {
				date := time.Date(app.Today.Year(), app.Today.Month(), app.Today.Day(), 0, 0, 0, 0, time.UTC)
				err = doc.GenManTree(root, &doc.GenManHeader{Title: "ITRACK", Section: "1", Source: "itrack " + versionNumber(),
					Manual: "itrack manual", Date: &date}, dir)
			}
			if err != nil {
				return refuse("cannot write the pages: %v", err)
			}
			fmt.Fprintf(app.IO.Out, "Wrote the pages of %s commands to %s\n", fmt.Sprint(countCommands(root)), args[0])
			return nil
		},
	}
	cmd.Flags().BoolVar(&opts.markdown, "markdown", false, "write Markdown instead of man pages")
	return cmd
}

// disableAutoGenTag keeps the pages free of the date they were made, so
// the committed reference only changes when a command does.
func disableAutoGenTag(c *cobra.Command) {
	c.DisableAutoGenTag = true
	for _, sub := range c.Commands() {
		disableAutoGenTag(sub)
	}
}

func countCommands(c *cobra.Command) int {
	n := 0
	if c.IsAvailableCommand() || c == c.Root() {
		n = 1
	}
	for _, sub := range c.Commands() {
		n += countCommands(sub)
	}
	return n
}
