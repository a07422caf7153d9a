// Package cli is itrack's command line: one file per command, each parsing
// its flags and arguments, calling the domain packages and rendering the
// result. No rule about assets lives here.
package cli

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/itrack/itrack/pkg/asset"
)

// IOStreams are the standard streams of a run.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	OutTTY bool // stdout is a terminal: colour is allowed
	ErrTTY bool // stderr is a terminal: progress bars are allowed
}

// App is one run of itrack: its streams, environment and today's date,
// which everything below the command line receives as a parameter.
type App struct {
	IO     *IOStreams
	Getenv func(string) string
	Cwd    string
	Today  asset.Date

	// global flags
	dir     string
	asOfArg string
	format  string
	noColor bool
	noIndex bool
	commit  bool

	// exit is raised to ExitInvalid by a command that skipped bad files.
	exit int
	// running is set once the command itself runs, its command line read.
	running bool
	// cmd is the command running.
	cmd *cobra.Command
}

// Main runs itrack with the process's arguments, streams and clock, and
// returns the exit code.
func Main(args []string) int {
	cwd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "itrack: cannot read the current folder:", err)
		return ExitUsage
	}
	app := &App{
		IO:     &IOStreams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, OutTTY: term.IsTerminal(int(os.Stdout.Fd())), ErrTTY: term.IsTerminal(int(os.Stderr.Fd()))},
		Getenv: os.Getenv,
		Cwd:    cwd,
		Today:  asset.DateOf(time.Now()),
	}
	// ITRACK_TODAY pins "today" for reproducible output in demos and tests.
	if s := os.Getenv("ITRACK_TODAY"); s != "" {
		d, err := asset.ParseDate(s)
		if err != nil {
			fmt.Fprintf(os.Stderr, "itrack: ITRACK_TODAY: %v\n", err)
			return ExitUsage
		}
		app.Today = d
	}
	// ITRACK_CPUPROFILE writes a CPU profile of the run, for `go tool pprof`.
	if path := os.Getenv("ITRACK_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			defer func() {
				pprof.StopCPUProfile()
				f.Close()
			}()
		}
	}
	return Run(app, args)
}

// Run executes one command line and returns its exit code.
func Run(app *App, args []string) int {
	root := newRootCmd(app)
	root.SetArgs(args)
	root.SetIn(app.IO.In)
	root.SetOut(app.IO.Out)
	root.SetErr(app.IO.Err)
	cmd, err := root.ExecuteC()
	if err == nil {
		return app.exit
	}
	if _, _, ferr := root.Find(args); ferr != nil {
		err = &UsageError{err} // no such command: Find is the first step of a run
	}
	return app.fail(cmd, err)
}
