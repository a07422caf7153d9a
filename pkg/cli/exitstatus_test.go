package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Every command has its exit codes in exitCodes, and docs/exit-codes.md
// names the same commands for codes 1 and 3.
func TestEveryCommandHasItsExitCodes(t *testing.T) {
	root := newRootCmd(&App{IO: &IOStreams{}})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if _, ok := exitStatusOf(sub); !ok {
				t.Errorf("%s has no entry in exitCodes", sub.CommandPath())
			}
			walk(sub)
		}
	}
	walk(root)

	data, err := os.ReadFile("../../docs/exit-codes.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(strings.Fields(string(data)), " ") // lines folded
	_, findings, _ := strings.Cut(doc, "## 1: findings")
	findings, _, _ = strings.Cut(findings, "## 2")
	_, invalid, _ := strings.Cut(doc, "## 3: invalid files")
	for path, st := range exitCodes {
		if st.findings != "" && !strings.Contains(findings, "| `itrack "+path) {
			t.Errorf("docs/exit-codes.md: %s exits 1, but its table of code 1 does not list it", path)
		}
		if st.findings == "" && strings.Contains(findings, "| `itrack "+path+" ") {
			t.Errorf("docs/exit-codes.md lists %s as exiting 1; exitCodes says it never does", path)
		}
		if st.invalid && !strings.Contains(invalid, "`"+path+"`") && !strings.Contains(invalid, "`itrack "+path+"`") {
			t.Errorf("docs/exit-codes.md: %s exits 3, but the section on code 3 does not name it", path)
		}
	}
}
