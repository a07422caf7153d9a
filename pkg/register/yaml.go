package register

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/asset"
)

// Encode writes a document in canonical form: what yaml.v3's encoder writes
// with an indent of 2. Comments travel with their nodes.
func Encode(doc *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Order gives the canonical order of the keys of the mapping at a dotted
// path ("" for the top level); keys it does not list go after the ones it
// does, and "history" always goes last.
type Order func(path string) []string

// Set puts value at the dotted path in the mapping root, creating the
// mappings on the way. An existing value is replaced in place and keeps its
// comments; a new key goes where order puts it, so a canonical file stays
// canonical and only the changed lines differ.
func Set(root *yaml.Node, path string, value *yaml.Node, order Order) {
	parent, prefix := root, ""
	keys := pathKeys(path)
	for i, key := range keys {
		last := i == len(keys)-1
		idx := keyIndex(parent, key)
		if idx < 0 {
			v := value
			if !last {
				v = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			}
			idx = insertKey(parent, key, v, order(prefix))
		}
		if last {
			old := parent.Content[idx+1]
			value.HeadComment, value.LineComment, value.FootComment = old.HeadComment, old.LineComment, old.FootComment
			parent.Content[idx+1] = value
			return
		}
		next := parent.Content[idx+1]
		if next.Kind != yaml.MappingNode {
			// an empty group (purchase:) becomes a mapping
			m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", LineComment: next.LineComment}
			parent.Content[idx+1] = m
			next = m
		}
		parent, prefix = next, joinPath(prefix, key)
	}
}

// Delete removes the key at the dotted path, and any mapping it leaves
// empty. It reports whether the key was there.
func Delete(root *yaml.Node, path string) bool {
	keys := pathKeys(path)
	parents := []*yaml.Node{root}
	node := root
	for _, key := range keys[:len(keys)-1] {
		idx := keyIndex(node, key)
		if idx < 0 || node.Content[idx+1].Kind != yaml.MappingNode {
			return false
		}
		node = node.Content[idx+1]
		parents = append(parents, node)
	}
	idx := keyIndex(node, keys[len(keys)-1])
	if idx < 0 {
		return false
	}
	node.Content = append(node.Content[:idx], node.Content[idx+2:]...)
	for i := len(parents) - 1; i > 0 && len(parents[i].Content) == 0; i-- {
		up := parents[i-1]
		j := keyIndex(up, keys[i-1])
		up.Content = append(up.Content[:j], up.Content[j+2:]...)
	}
	return true
}

// pathKeys splits a dotted path into its keys. A custom field's name is
// one key whatever it holds: fields.asset.ref is the field "asset.ref".
func pathKeys(path string) []string {
	if name, ok := strings.CutPrefix(path, "fields."); ok && name != "" {
		return []string{"fields", name}
	}
	return strings.Split(path, ".")
}

// Get returns the node at a dotted path, or nil.
func Get(root *yaml.Node, path string) *yaml.Node {
	node := root
	for _, key := range pathKeys(path) {
		idx := keyIndex(node, key)
		if idx < 0 {
			return nil
		}
		node = node.Content[idx+1]
	}
	return node
}

// GetKey returns the value of key in mapping m, or nil (also when m is
// not a mapping). Unlike Get it takes key whole, for callers that walk a
// document one mapping at a time: a custom field's name may hold a dot.
func GetKey(m *yaml.Node, key string) *yaml.Node {
	idx := keyIndex(m, key)
	if idx < 0 {
		return nil
	}
	return m.Content[idx+1]
}

// SetKey puts key: value in mapping m, taking key whole. As with Set, an
// existing value is replaced in place and keeps its comments, and a new
// key goes where order (the order of m's own keys) puts it.
func SetKey(m *yaml.Node, key string, value *yaml.Node, order []string) {
	idx := keyIndex(m, key)
	if idx < 0 {
		insertKey(m, key, value, order)
		return
	}
	old := m.Content[idx+1]
	value.HeadComment, value.LineComment, value.FootComment = old.HeadComment, old.LineComment, old.FootComment
	m.Content[idx+1] = value
}

// DeleteKey removes key from mapping m, taking it whole, and reports
// whether it was there. m stays, even when left empty.
func DeleteKey(m *yaml.Node, key string) bool {
	idx := keyIndex(m, key)
	if idx < 0 {
		return false
	}
	m.Content = append(m.Content[:idx], m.Content[idx+2:]...)
	return true
}

func keyIndex(m *yaml.Node, key string) int {
	if m == nil || m.Kind != yaml.MappingNode {
		return -1
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

// keyRank is where key goes among a mapping's keys: at its place in order,
// then the keys order does not list, then history, always last.
func keyRank(key string, order []string) int {
	if key == "history" {
		return len(order) + 1
	}
	if i := slices.Index(order, key); i >= 0 {
		return i
	}
	return len(order)
}

// insertKey adds key: value to mapping m at its canonical place and returns
// the index of the key node.
func insertKey(m *yaml.Node, key string, value *yaml.Node, order []string) int {
	rank := func(k string) int { return keyRank(k, order) }
	r := rank(key)
	pos := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i].Value
		// with no order (custom fields), keys go in alphabetical order
		if rank(k) > r || (len(order) == 0 && key != "history" && k != "history" && k > key) {
			pos = i
			break
		}
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}
	m.Content = append(m.Content, nil, nil)
	copy(m.Content[pos+2:], m.Content[pos:])
	m.Content[pos], m.Content[pos+1] = k, value
	return pos
}

func joinPath(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// NewDocument returns an empty document whose root is a mapping.
func NewDocument() *yaml.Node {
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
}

// AppendEvents adds planned events (asset.Plan) to the record whose node is
// root and whose decoded history is history, each at its place in date
// order, and returns the history with them. It is the one way events are
// added to a record.
func AppendEvents(root *yaml.Node, history []asset.Event, events []asset.Event) []asset.Event {
	for _, e := range events {
		at := asset.Place(history, e)
		InsertEvent(root, e.Node(), at)
		history = slices.Insert(slices.Clone(history), at, e)
	}
	return history
}

// InsertEvent puts an event node into the history list at index at,
// creating the list (as the last key) when the file has none.
func InsertEvent(root, event *yaml.Node, at int) {
	history := Get(root, "history")
	if history == nil || history.Kind != yaml.SequenceNode {
		history = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		Set(root, "history", history, func(string) []string { return nil })
	}
	history.Style &^= yaml.FlowStyle // an empty [] becomes a block list
	at = min(max(at, 0), len(history.Content))
	history.Content = append(history.Content, nil)
	copy(history.Content[at+1:], history.Content[at:])
	history.Content[at] = event
}

// SortKeys puts the keys of mapping m in canonical order (keys order does
// not list keep their order, after the listed ones; history goes last).
// Comments travel with their keys.
func SortKeys(m *yaml.Node, order []string) {
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	rank := func(k string) int { return keyRank(k, order) }
	type pair struct{ k, v *yaml.Node }
	pairs := make([]pair, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		pairs = append(pairs, pair{m.Content[i], m.Content[i+1]})
	}
	sort.SliceStable(pairs, func(i, j int) bool { return rank(pairs[i].k.Value) < rank(pairs[j].k.Value) })
	for i, p := range pairs {
		m.Content[2*i], m.Content[2*i+1] = p.k, p.v
	}
}

// MoveHistoryLast puts the history key of mapping m after all the others,
// as the format wants it, and reports whether it moved. Comments travel
// with their keys, except one after the last key: that one ends the
// mapping, and stays at the end.
func MoveHistoryLast(m *yaml.Node) bool {
	idx := keyIndex(m, "history")
	end := len(m.Content) - 2
	if idx < 0 || idx == end {
		return false
	}
	k, v, last := m.Content[idx], m.Content[idx+1], m.Content[end]
	copy(m.Content[idx:], m.Content[idx+2:])
	m.Content[end], m.Content[end+1] = k, v
	if last.FootComment != "" && k.FootComment == "" {
		k.FootComment, last.FootComment = last.FootComment, ""
	}
	return true
}
