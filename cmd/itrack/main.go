// Command itrack is an IT asset register kept as YAML files in git.
package main

import (
	"os"

	"github.com/itrack/itrack/pkg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
