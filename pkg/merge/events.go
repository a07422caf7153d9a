package merge

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/register"
)

// key identifies an event by everything it says.
func key(e *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		fmt.Fprintf(&b, "%d:%s;", n.Kind, n.Value)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(e)
	return b.String()
}

func eventDate(e *yaml.Node) string {
	if d := register.GetKey(e, "date"); d != nil {
		return d.Value
	}
	return ""
}

func eventType(e *yaml.Node) string {
	if t := register.GetKey(e, "event"); t != nil {
		return t.Value
	}
	return ""
}

// identity says which event of the story an entry is about: its date and
// type. A side that removes an entry and adds one of the same identity
// has edited that event (a note reworded, a cost corrected).
func identity(e *yaml.Node) string { return eventDate(e) + " " + eventType(e) }

func items(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

func count(list []*yaml.Node) map[string]int {
	c := map[string]int{}
	for _, e := range list {
		c[key(e)]++
	}
	return c
}

// events unites the event lists: each event counts as often as ours and
// theirs have it, less what the base had (so an event one side removed
// stays removed); the result is in date order, ours first on a day. It
// returns a reason instead when both sides changed the same event of the
// base in different ways (see editedTwoWays): uniting them would tell
// the event twice, or drop one side's edit.
func events(base, ours, theirs *yaml.Node) (*yaml.Node, string) {
	b, o, t := items(base), items(ours), items(theirs)
	cb, co, ct := count(b), count(o), count(t)
	if reason := editedTwoWays(b, o, t, cb, co, ct); reason != "" {
		return nil, reason
	}
	emitted := map[string]int{}
	var out []*yaml.Node
	for _, e := range append(append([]*yaml.Node{}, o...), t...) {
		k := key(e)
		if emitted[k] < max(0, co[k]+ct[k]-cb[k]) && emitted[k] < max(co[k], ct[k]) {
			emitted[k]++
			out = append(out, e)
		}
	}
	if out == nil && ours == nil {
		return nil, ""
	}
	sort.SliceStable(out, func(i, j int) bool { return eventDate(out[i]) < eventDate(out[j]) })
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	if ours != nil {
		seq.HeadComment, seq.LineComment, seq.FootComment = ours.HeadComment, ours.LineComment, ours.FootComment
	}
	seq.Content = out
	return seq, ""
}

// editedTwoWays looks for an event of the base that both sides took out
// and that at least one of them put back changed, with its date and type
// kept: if the two sides do not agree on what it became (one edit each,
// or an edit and a removal), that is a conflict. It says which event, or
// returns "".
func editedTwoWays(b, o, t []*yaml.Node, cb, co, ct map[string]int) string {
	// added is what a side added (by key, with how many) among the
	// entries of one identity
	added := func(list []*yaml.Node, c map[string]int, id string) map[string]int {
		out := map[string]int{}
		for _, e := range list {
			if k := key(e); identity(e) == id && c[k] > cb[k] {
				out[k] = c[k] - cb[k]
			}
		}
		return out
	}
	for _, e := range b {
		k := key(e)
		if co[k] >= cb[k] || ct[k] >= cb[k] {
			continue // one side still has it
		}
		id := identity(e)
		ao, at := added(o, co, id), added(t, ct, id)
		if len(ao) == 0 && len(at) == 0 {
			continue // removed on both sides
		}
		switch {
		case len(ao) == 0 || len(at) == 0:
			return fmt.Sprintf("history: the %s event of %s was changed on one side and removed on the other", eventType(e), eventDate(e))
		case !sameCounts(ao, at):
			return fmt.Sprintf("history: the %s event of %s was changed on both sides", eventType(e), eventDate(e))
		}
	}
	return ""
}

func sameCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, n := range a {
		if b[k] != n {
			return false
		}
	}
	return true
}
