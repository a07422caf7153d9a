//go:build unix

package cli_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/itrack/itrack/pkg/cli"
)

// nobody is the user and group a permission test's child runs as when the
// tests run as root, for whom no permission bit counts.
const nobody = 65534

// unprivileged is the `unprivileged` program of the scripts:
//
//	exec unprivileged itrack ARGS...
//
// runs itrack without root's power over permissions: as nobody when the
// tests run as root, as it is otherwise. The folders above the script's
// work folder get the search bit for others (only the test's own
// temporary folders, go-test-script…, lack it), so that nobody can reach
// the register.
func unprivileged() {
	args := os.Args[1:]
	if len(args) == 0 || args[0] != "itrack" {
		fmt.Fprintln(os.Stderr, "usage: unprivileged itrack ARGS...")
		os.Exit(2)
	}
	if os.Geteuid() == 0 {
		if err := dropRoot(); err != nil {
			fmt.Fprintln(os.Stderr, "unprivileged:", err)
			os.Exit(97)
		}
	}
	os.Exit(cli.Main(args[1:]))
}

func dropRoot() error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		st, err := os.Stat(dir)
		if err != nil {
			return err
		}
		if st.Mode().Perm()&0o001 == 0 {
			if !strings.Contains(dir, string(filepath.Separator)+"go-test-script") {
				return fmt.Errorf("%s is not searchable by others, so nobody cannot reach the register", dir)
			}
			if err := os.Chmod(dir, st.Mode().Perm()|0o001); err != nil {
				return err
			}
		}
		if dir == filepath.Dir(dir) {
			break
		}
	}
	if err := syscall.Setgroups(nil); err != nil {
		return err
	}
	if err := syscall.Setgid(nobody); err != nil {
		return err
	}
	return syscall.Setuid(nobody)
}

// canDropRoot says whether a child can run without root's power: always
// when the tests do not run as root, else when the OS lets root become
// nobody (a container without CAP_SETUID does not).
func canDropRoot() (bool, string) {
	if os.Geteuid() != 0 {
		return true, ""
	}
	cmd := exec.Command("true")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	if err := cmd.Run(); err != nil {
		return false, fmt.Sprintf("the tests run as root and cannot start a process as nobody (%v)", err)
	}
	return true, ""
}
