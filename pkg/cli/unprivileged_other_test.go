//go:build !unix

package cli_test

import (
	"fmt"
	"os"
)

func unprivileged() {
	fmt.Fprintln(os.Stderr, "unprivileged: permission tests need a unix system")
	os.Exit(97)
}

func canDropRoot() (bool, string) { return false, "permission tests need a unix system" }
