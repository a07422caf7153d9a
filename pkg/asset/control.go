package asset

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/safe"
)

// checkControlCharacters warns about every key and value of a file that
// holds a control character or a bidi override. itrack shows them
// escaped, but cat, less, git log -p and editors may not: an escape
// sequence in a name can drive their terminal, an override can make a
// value read other than it is. Tabs and newlines are ordinary text: the
// characters are those safe.Text escapes.
func checkControlCharacters(d *decoder, n *yaml.Node) {
	if n.Kind == yaml.ScalarNode {
		if i := strings.IndexFunc(n.Value, safe.Escaped); i >= 0 {
			r, _ := utf8.DecodeRuneInString(n.Value[i:])
			what := "the control character %s, which a terminal acts on instead of showing"
			if r > 0x9f {
				what = "the bidi control %s, which reorders the text shown around it"
			}
			d.add(n, Warning, "control-character", "value holds "+what+": remove it (itrack shows it escaped, other tools may not)", safe.Text(string(r)))
		}
		return
	}
	for _, c := range n.Content {
		checkControlCharacters(d, c)
	}
}
