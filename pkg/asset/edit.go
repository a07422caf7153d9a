package asset

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ValueNode checks text as the value of the field at a dotted path of an
// asset of kind k, as `itrack set` and `itrack add --set` receive it, and
// returns the YAML node to store. Lists are written comma-separated.
func ValueNode(k Kind, path, text string) (*yaml.Node, error) {
	if why, ok := computedKeys[path]; ok {
		return nil, fmt.Errorf("%s cannot be set: %s", path, why)
	}
	f, ok := LookupField(path, k)
	if !ok {
		return nil, UnknownField(k, path)
	}
	if strings.HasPrefix(path, "fields.") {
		if err := CheckID(strings.TrimPrefix(path, "fields.")); err != nil {
			return nil, fmt.Errorf("custom field name %q: use letters, digits, '.', '_' and '-'", strings.TrimPrefix(path, "fields."))
		}
		return customNode(text), nil
	}
	switch f.Type {
	case TGroup:
		return nil, fmt.Errorf("%s is a group: set one of its keys (%s)", path, strings.Join(keysFor(f.Sub, k), ", "))
	case THistory:
		return nil, fmt.Errorf("history is written by the event commands (itrack assign, move, retire, …), not by set")
	case TCustom:
		return nil, fmt.Errorf("set one custom field at a time: fields.NAME=VALUE")
	case TStrings:
		if t := strings.TrimSpace(text); strings.HasPrefix(t, "[") || strings.HasSuffix(t, "]") {
			return nil, fmt.Errorf("write the items comma-separated, without brackets: %s=%s", path, strings.Trim(t, "[]"))
		}
		var items []string
		for _, s := range strings.Split(text, ",") {
			if s = strings.TrimSpace(s); s != "" {
				items = append(items, s)
			}
		}
		return StringsNode(items), nil
	}
	return checkedNode(f, path, text)
}

// UnknownField explains why path is not a field of kind k.
func UnknownField(k Kind, path string) error {
	top, _, _ := strings.Cut(path, ".")
	if f := findField(AssetFields, top); f != nil && !f.For(k) {
		return fmt.Errorf("%q is not a %s field: it belongs to %s", path, k, kindList(f.Kinds))
	}
	var all []string
	for _, f := range AssetFields {
		if !f.For(k) {
			continue
		}
		if f.Type == TGroup {
			for _, s := range f.Sub {
				all = append(all, f.Key+"."+s.Key)
			}
			continue
		}
		all = append(all, f.Key)
	}
	if c, ok := Closest(path, all); ok {
		return fmt.Errorf("unknown field %q for %s: did you mean %s?", path, k, c)
	}
	return fmt.Errorf("unknown field %q for %s: custom fields are written fields.NAME", path, k)
}

// PersonValueNode checks text as the value of a person's field and returns
// the YAML node to store.
func PersonValueNode(key, text string) (*yaml.Node, error) {
	f := findField(PersonFields, key)
	if f == nil || f.Type == TCustom {
		return nil, fmt.Errorf("unknown person field %q%s", key, didYouMean(key, keysFor(PersonFields, "")))
	}
	return checkedNode(f, key, text)
}

// checkedNode is text as the node to store for field f, decoded into a
// throw-away record as the file would hold it, so that the commands that
// write values and validate accept exactly the same values.
func checkedNode[T any](f *Field[T], path, text string) (*yaml.Node, error) {
	n := textNode(f.Type, text)
	d := &decoder{}
	var sink T
	d.decodeValue(n, path, f.Type, f.Enum, func() any { return f.ptr(&sink) })
	if err := d.firstProblem(); err != nil {
		return nil, err
	}
	return n, nil
}

// textNode is how text given on the command line is stored as a value of
// type t: quoted where it is text, so YAML reads it back as the same text;
// plain for dates, amounts, numbers and booleans.
func textNode(t ValueType, text string) *yaml.Node {
	switch t {
	case TString, TText, TPerson, TEnum:
		return StringNode(text)
	}
	return plainNode(text)
}

// PersonKeyOrder is the canonical order of a person file's keys.
func PersonKeyOrder(string) []string { return keysFor(PersonFields, "") }

// KeyOrder returns the canonical order of the keys of the mapping at a
// dotted path of an asset file ("" is the top level).
func KeyOrder(path string) []string {
	fields := AssetFields
	if path != "" {
		f := findField(AssetFields, path)
		if f == nil || f.Type != TGroup {
			return nil
		}
		fields = f.Sub
	}
	return keysFor(fields, "")
}

// EventKeyOrder is the canonical order of an event's keys.
func EventKeyOrder() []string { return keysFor(EventFields, "") }

// StringNode is a text value, quoted when YAML would read it as something
// else.
func StringNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// customNode is a custom field's value: written plain (dates and numbers
// read back as the same text), quoted only where plain YAML would read it
// as empty.
func customNode(s string) *yaml.Node {
	switch s {
	case "", "~", "null", "Null", "NULL":
		return StringNode(s)
	}
	if strings.TrimSpace(s) != s || strings.Contains(s, "\n") {
		return StringNode(s)
	}
	return plainNode(s)
}

// plainNode is a value written as it is: dates, amounts, numbers, booleans.
func plainNode(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: s}
}

// StringsNode is a list of text values, written in flow style: [a, b].
func StringsNode(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, s := range items {
		n.Content = append(n.Content, StringNode(s))
	}
	return n
}

// NewEvent builds an event from key/value texts, checking every value as
// the decoder would and that the event has every key its type needs.
func NewEvent(values map[string]string) (Event, error) {
	e, err := ParseEvent(values)
	if err != nil {
		return Event{}, err
	}
	return e, e.Check()
}

// ParseEvent builds an event from key/value texts, checking every value as
// the decoder would; keys its type needs may still be missing (a planner
// fills them: see Plan).
func ParseEvent(values map[string]string) (Event, error) {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, f := range EventFields {
		if text := values[f.Key]; text != "" {
			n.Content = append(n.Content, StringNode(f.Key), textNode(f.Type, text))
		}
	}
	for key := range values {
		if findField(EventFields, key) == nil {
			return Event{}, fmt.Errorf("events have no key %q", key)
		}
	}
	d := &decoder{}
	var e Event
	d.pos = &e.KeyPos
	walkMapping(d, n, EventFields, &e, "", "")
	if err := d.firstProblem(); err != nil {
		return Event{}, err
	}
	return e, nil
}

// Check reports the first problem the decoder would find with the event:
// a key its type does not take, or one it needs and lacks.
func (e Event) Check() error {
	d := &decoder{}
	var got Event
	n := e.Node()
	walkMapping(d, n, EventFields, &got, "", "")
	checkEvent(d, n, &got)
	return d.firstProblem()
}

// Node is the event as a history entry, its keys in canonical order and
// its values as they were written.
func (e Event) Node() *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := range EventFields {
		f := &EventFields[i]
		if text := textOf(f.ptr(&e)); text != "" {
			n.Content = append(n.Content, StringNode(f.Key), textNode(f.Type, text))
		}
	}
	return n
}
