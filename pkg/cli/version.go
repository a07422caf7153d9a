package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Set at release time with -ldflags "-X github.com/itrack/itrack/pkg/cli.version=…".
var (
	version = ""
	commit  = ""
	date    = ""
)

// versionString says which itrack this is: the release stamped in by the
// build, else the module version go install recorded, else "dev".
func versionString() string {
	c := commit
	if c == "none" {
		c = "" // a snapshot built without git information
	}
	if info, ok := debug.ReadBuildInfo(); ok && c == "" {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				c = s.Value[:12]
			}
		}
	}
	s := "itrack " + versionNumber()
	if c != "" {
		s += " (commit " + c
		if date != "" && !strings.HasPrefix(date, "0001") {
			s += ", built " + date
		}
		s += ")"
	}
	return s + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
}

// versionNumber is the bare version, for machine output.
func versionNumber() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// versionOptions are what `itrack version` was asked: nothing.
type versionOptions struct{}

func newVersionCmd(app *App, runF func(*versionOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print itrack's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(&versionOptions{})
			}
			_, err := fmt.Fprintln(app.IO.Out, versionString())
			return err
		},
	}
}
