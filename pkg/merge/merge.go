// Package merge merges two versions of an asset or person file with their
// common ancestor, as a git merge driver: the events both branches
// appended are united in date order, edits to different keys both
// survive, and only the same key changed two ways is a conflict, left
// with standard conflict markers.
package merge

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
)

// Result is a merged file.
type Result struct {
	Data      []byte // canonical YAML, with conflict markers when Conflicts > 0
	Conflicts []string
}

// Files merges ours and theirs with base, all the bytes of the file at rel
// (relative to the register root, which says its kind). It returns an
// error when a version is not valid YAML or not a record it can merge
// (see unmergeable): a textual merge, left for a person to check, must do
// then.
func Files(rel string, base, ours, theirs []byte) (*Result, error) {
	docs, err := readVersions(rel, base, ours, theirs)
	if err != nil {
		return nil, err
	}
	m := &merger{order: asset.KeyOrder, token: placeholderToken(docs, base, ours, theirs)}
	if _, _, person, _ := asset.ParsePath(rel); person {
		m.order = asset.PersonKeyOrder
	}
	root := docs[1].Content[0]
	oursHistory := register.GetKey(root, "history") // before the union replaces it
	m.mapping(docs[0].Content[0], root, docs[2].Content[0], "")
	if len(m.conflicts) == 0 {
		if err := historyConflict(rel, docs[1]); err != nil {
			// each side's history is possible, the union is not
			m.conflict(root, m.keysAt(""), conflict{
				key:    "history",
				ours:   oursHistory,
				theirs: register.GetKey(docs[2].Content[0], "history"),
				reason: "history: " + err.Error(),
			})
		}
	}
	data, err := m.render(docs[1])
	if err != nil {
		return nil, err
	}
	return &Result{Data: data, Conflicts: m.reasons()}, nil
}

func firstError(fs asset.Findings) string {
	if e := fs.Errors(); len(e) > 0 {
		return e[0].Short()
	}
	return "unknown problem"
}

// historyConflict replays the merged history of an asset file.
func historyConflict(rel string, doc *yaml.Node) error {
	kind, id, person, ok := asset.ParsePath(rel)
	if !ok || person {
		return nil
	}
	data, err := register.Encode(doc)
	if err != nil {
		return err
	}
	_, fs := asset.DecodeAsset(rel, id, kind, data)
	for _, f := range fs.Errors() {
		switch f.Rule {
		case "event-order", "impossible-event", "two-holders", "event-after-disposal":
			return fmt.Errorf("%s", f.Message)
		}
	}
	return nil
}

type conflict struct {
	placeholder  string
	key          string
	ours, theirs *yaml.Node
	reason       string // what the person resolving it is told
}

type merger struct {
	order     register.Order
	token     string // no version holds it: see placeholderToken
	conflicts []conflict
}

// keysAt is the key order of the mapping at prefix ("purchase.").
func (m *merger) keysAt(prefix string) []string {
	return m.order(strings.TrimSuffix(prefix, "."))
}

// reasons says what each conflict is, in the order they were found.
func (m *merger) reasons() []string {
	var reasons []string
	for _, c := range m.conflicts {
		reasons = append(reasons, c.reason)
	}
	return reasons
}

// mapping merges theirs into ours (which is the result), key by key. It
// goes one mapping at a time, taking each key whole: a custom field's name
// may hold a dot, so a key is not a path.
func (m *merger) mapping(base, ours, theirs *yaml.Node, prefix string) {
	order := m.keysAt(prefix)
	keys := []string{}
	seen := map[string]bool{}
	for _, n := range []*yaml.Node{ours, theirs, base} {
		for i := 0; n != nil && i+1 < len(n.Content); i += 2 {
			if k := n.Content[i].Value; !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	for _, k := range keys {
		path := prefix + k
		b, o, t := register.GetKey(base, k), register.GetKey(ours, k), register.GetKey(theirs, k)
		switch {
		case path == "history":
			h, reason := events(b, o, t)
			switch {
			case reason != "":
				m.conflict(ours, order, conflict{key: k, ours: o, theirs: t, reason: reason})
			case h != nil:
				register.SetKey(ours, k, h, order)
			}
		case equal(o, t), equal(b, t):
			// nothing new from theirs
		case equal(b, o):
			if t == nil {
				register.DeleteKey(ours, k)
			} else {
				register.SetKey(ours, k, t, order)
			}
		case isMapping(o) && isMapping(t):
			if !isMapping(b) {
				b = nil
			}
			m.mapping(b, o, t, path+".")
		default:
			m.conflict(ours, order, conflict{key: k, ours: o, theirs: t, reason: path + " was changed on both sides"})
		}
	}
}

// conflict puts a placeholder where c's value goes in parent, whose keys
// go in order, and keeps c for render to put the two versions there.
func (m *merger) conflict(parent *yaml.Node, order []string, c conflict) {
	c.placeholder = fmt.Sprintf("%s-%d", m.token, len(m.conflicts))
	register.SetKey(parent, c.key, &yaml.Node{Kind: yaml.ScalarNode, Value: c.placeholder}, order)
	m.conflicts = append(m.conflicts, c)
}

// placeholderToken is the start of the placeholders that stand for
// conflicts until render replaces them: itrack-conflict- and a nonce drawn
// from the versions' own bytes (so the output stays deterministic),
// checked to be in no version, neither in its bytes nor in any value, key
// or comment (a quoted value may spell it with escapes). So a value that
// reads like a placeholder (x: itrack-conflict-0) is never taken for one.
func placeholderToken(docs []*yaml.Node, files ...[]byte) string {
	var texts []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		texts = append(texts, n.Value, n.HeadComment, n.LineComment, n.FootComment, n.Tag, n.Anchor)
		for _, c := range n.Content {
			walk(c)
		}
	}
	for _, d := range docs {
		walk(d)
	}
	used := func(token string) bool {
		for _, f := range files {
			if bytes.Contains(f, []byte(token)) {
				return true
			}
		}
		for _, t := range texts {
			if strings.Contains(t, token) {
				return true
			}
		}
		return false
	}
	h := sha256.New()
	for _, f := range files {
		h.Write(f)
	}
	nonce := hex.EncodeToString(h.Sum(nil))[:16]
	token := "itrack-conflict-" + nonce
	for n := 1; used(token); n++ {
		token = fmt.Sprintf("itrack-conflict-%s%d", nonce, n)
	}
	return token
}

// render encodes the result and puts each conflict's two versions between
// standard conflict markers.
func (m *merger) render(doc *yaml.Node) ([]byte, error) {
	data, err := register.Encode(doc)
	if err != nil {
		return nil, err
	}
	if len(m.conflicts) == 0 {
		return data, nil
	}
	lines := strings.SplitAfter(string(data), "\n")
	var out strings.Builder
	placed := 0
	for _, line := range lines {
		c := m.find(line)
		if c == nil {
			out.WriteString(line)
			continue
		}
		placed++
		indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
		out.WriteString("<<<<<<< ours\n")
		out.WriteString(pair(c.key, c.ours, indent))
		out.WriteString("=======\n")
		out.WriteString(pair(c.key, c.theirs, indent))
		out.WriteString(">>>>>>> theirs\n")
	}
	if placed != len(m.conflicts) || strings.Count(string(data), m.token) != len(m.conflicts) {
		// cannot happen while the token is in no version; if it did, a
		// value would be lost or shown twice
		return nil, fmt.Errorf("%d conflicts but %d places for them", len(m.conflicts), placed)
	}
	return []byte(out.String()), nil
}

func (m *merger) find(line string) *conflict {
	for i := range m.conflicts {
		if strings.HasSuffix(strings.TrimRight(line, "\n"), ": "+m.conflicts[i].placeholder) {
			return &m.conflicts[i]
		}
	}
	return nil
}

// pair writes key: value at an indent, as the encoder would, or nothing
// when the value is absent (the key was removed on that side).
func pair(key string, value *yaml.Node, indent string) string {
	if value == nil {
		return ""
	}
	doc := register.NewDocument()
	register.SetKey(doc.Content[0], key, value, nil)
	data, err := register.Encode(doc)
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, l := range strings.SplitAfter(string(data), "\n") {
		if l != "" {
			b.WriteString(indent + l)
		}
	}
	return b.String()
}

func isMapping(n *yaml.Node) bool { return n != nil && n.Kind == yaml.MappingNode }

// equal compares two values, comments and styles aside.
func equal(a, b *yaml.Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	if a.Kind == yaml.ScalarNode {
		return a.Value == b.Value
	}
	for i := range a.Content {
		if !equal(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}
