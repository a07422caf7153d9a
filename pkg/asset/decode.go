package asset

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

// decoder walks a YAML node tree into a record, collecting every problem
// rather than stopping at the first.
type decoder struct {
	file     string
	findings Findings
	pos      *Positions
}

func (d *decoder) add(n *yaml.Node, sev Severity, rule, format string, args ...any) {
	var p Pos
	if n != nil {
		p = Pos{n.Line, n.Column}
	}
	d.findings = append(d.findings, Finding{File: d.file, Pos: p, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

func (d *decoder) errorf(n *yaml.Node, rule, format string, args ...any) {
	d.add(n, Error, rule, format, args...)
}

// firstProblem is the first finding as an error, for a command that
// checks one value and stops there; nil when there is none.
func (d *decoder) firstProblem() error {
	if len(d.findings) == 0 {
		return nil
	}
	return errors.New(d.findings[0].Message)
}

func (d *decoder) record(path string, n *yaml.Node) {
	if d.pos != nil {
		*d.pos = append(*d.pos, KeyPos{Path: path, Pos: Pos{n.Line, n.Column}})
	}
}

// DecodeAsset reads one asset file. id and kind come from the file's name
// and folder. The asset is returned even when there are errors, with what
// could be read; a caller treats it as invalid when findings hold an error.
func DecodeAsset(file, id string, kind Kind, data []byte) (*Asset, Findings) {
	doc, fs := ParseYAML(file, data)
	a, more := DecodeAssetDoc(file, id, kind, doc)
	return a, append(fs, more...)
}

// DecodeAssetDoc reads an asset from a document ParseYAML returned (nil
// when the file could not be parsed: then only the ID is checked).
func DecodeAssetDoc(file, id string, kind Kind, doc *yaml.Node) (*Asset, Findings) {
	a := &Asset{ID: id, Kind: kind, File: file, Pos: make(Positions, 0, 24)}
	d := &decoder{file: file, pos: &a.Pos}
	if err := CheckID(id); err != nil {
		d.errorf(nil, "bad-id", "%s: rename the file", err)
	}
	if doc == nil {
		return a, d.findings
	}
	root := doc.Content[0]
	walkMapping(d, root, AssetFields, a, "", kind)
	checkAsset(d, root, a)
	checkControlCharacters(d, root)
	checkHistoryLast(d, root)
	return a, d.findings
}

// DecodePerson reads one file under people/.
func DecodePerson(file, id string, data []byte) (*Person, Findings) {
	doc, fs := ParseYAML(file, data)
	p, more := DecodePersonDoc(file, id, doc)
	return p, append(fs, more...)
}

// DecodePersonDoc reads a person from a document ParseYAML returned.
func DecodePersonDoc(file, id string, doc *yaml.Node) (*Person, Findings) {
	p := &Person{ID: id, File: file}
	d := &decoder{file: file, pos: &p.Pos}
	if err := CheckID(id); err != nil {
		d.errorf(nil, "bad-id", "%s: rename the file", err)
	}
	if doc == nil {
		return p, d.findings
	}
	root := doc.Content[0]
	walkMapping(d, root, PersonFields, p, "", "")
	checkControlCharacters(d, root)
	if p.Name == "" {
		d.errorf(root, "missing-field", "a person needs a name: add `name: …`")
	}
	if p.Manager != "" && strings.EqualFold(p.Manager, id) {
		d.errorf(valueNode(root, "manager"), "self-manager", "%s is their own manager: give the ID of the person they report to, or remove manager", id)
	}
	if !p.Starts.IsZero() && !p.Leaves.IsZero() && p.Leaves.Before(p.Starts) {
		d.errorf(valueNode(root, "leaves"), "date-order", "leaves (%s) is before starts (%s)", p.Leaves, p.Starts)
	}
	return p, d.findings
}

// walkMapping decodes the keys of a mapping node into t by the field table.
// kind restricts which fields apply; "" means all.
func walkMapping[T any](d *decoder, m *yaml.Node, fields []Field[T], t *T, prefix string, kind Kind) {
	seen := make(map[string]*yaml.Node, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "bad-key", "a key must be plain text, not %s", describeNode(k))
			continue
		}
		key := k.Value
		path := prefix + key
		if prev, dup := seen[key]; dup {
			d.errorf(k, "duplicate-key", "key %q appears twice (first on line %d): keep one", path, prev.Line)
			continue
		}
		seen[key] = k
		f := findField(fields, key)
		if f == nil {
			d.unknownKey(k, path, key, keysFor(fields, kind), prefix == "" && kind != "")
			continue
		}
		if kind != "" && !f.For(kind) {
			d.errorf(k, "field-not-for-kind", "%q is not a %s field: it belongs to %s%s", path, kind, kindList(f.Kinds), didYouMean(key, keysFor(fields, kind)))
			continue
		}
		d.decodeValue(v, path, f.Type, f.Enum, func() any {
			if f.ptr == nil {
				return nil
			}
			return f.ptr(t)
		})
		if f.Type == TGroup && v.Kind == yaml.MappingNode {
			d.record(path, k)
			walkMapping(d, v, f.Sub, t, path+".", kind)
		}
	}
}

func findField[T any](fields []Field[T], key string) *Field[T] {
	for i := range fields {
		if fields[i].Key == key {
			return &fields[i]
		}
	}
	return nil
}

func keysFor[T any](fields []Field[T], kind Kind) []string {
	keys := make([]string, 0, len(fields))
	for i := range fields {
		if kind == "" || fields[i].For(kind) {
			keys = append(keys, fields[i].Key)
		}
	}
	return keys
}

func kindList(kinds []Kind) string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func (d *decoder) unknownKey(k *yaml.Node, path, key string, candidates []string, assetRoot bool) {
	if why, ok := computedKeys[key]; ok && assetRoot {
		d.errorf(k, "computed-field", "%q cannot be written in the file: %s", key, why)
		return
	}
	hint := didYouMean(key, candidates)
	if hint == "" && assetRoot {
		hint = "; custom keys go under `fields:`"
	}
	d.errorf(k, "unknown-field", "unknown key %q%s", path, hint)
}

// decodeValue parses one value node of a known type into the destination
// that dst returns (a pointer into the record).
func (d *decoder) decodeValue(v *yaml.Node, path string, typ ValueType, enum []string, dst func() any) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return // an empty value is an unset one
	}
	switch typ {
	case TGroup:
		if v.Kind != yaml.MappingNode {
			d.errorf(v, "bad-type", "%q must be a mapping of keys to values, not %s", path, describeNode(v))
		}
		return
	case TCustom:
		d.decodeCustom(v, path, dst().(*[]CustomField))
		return
	case THistory:
		d.record(path, v)
		d.decodeHistory(v, dst().(*[]Event))
		return
	case TStrings:
		d.decodeStrings(v, path, dst().(*[]string))
		return
	case TDurations:
		d.decodeDurations(v, path, dst().(*[]Duration))
		return
	case TCategories:
		d.decodeCategories(v, path, dst().(*[]Category))
		return
	}
	if v.Kind != yaml.ScalarNode {
		d.errorf(v, "bad-type", "%q must be a single value, not %s", path, describeNode(v))
		return
	}
	d.record(path, v)
	s := v.Value
	switch typ {
	case TString, TText, TPerson:
		if typ != TText && strings.ContainsAny(s, "\n") {
			d.errorf(v, "bad-value", "%q must be one line of text", path)
			return
		}
		*dst().(*string) = s
	case TEnum:
		if !slices.Contains(enum, s) {
			d.errorf(v, "bad-value", "%q cannot be %q: use one of %s%s", path, s, strings.Join(enum, ", "), didYouMean(s, enum))
			return
		}
		switch p := dst().(type) {
		case *EventType:
			*p = EventType(s)
		default:
			*p.(*string) = s
		}
	case TDate:
		date, err := ParseDate(s)
		if err != nil {
			d.errorf(v, "bad-date", "%s", err)
			return
		}
		*dst().(*Date) = date
	case TDuration:
		dur, err := ParseDuration(s)
		if err != nil {
			d.errorf(v, "bad-duration", "%s", err)
			return
		}
		*dst().(*Duration) = dur
	case TMoney:
		m, err := ParseMoney(s)
		if err != nil {
			rule := "bad-money"
			if strings.HasPrefix(strings.TrimSpace(s), "-") {
				rule = "negative-money"
			}
			d.errorf(v, rule, "%s", err)
			return
		}
		*dst().(*Money) = m
	case TInt:
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > maxInt || !isDigits(s) {
			d.errorf(v, "bad-int", "%q must be a whole number from 0 to %d, not %q", path, maxInt, s)
			return
		}
		*dst().(**int) = &n
	case TBool:
		switch s {
		case "true":
			*dst().(*bool) = true
		case "false":
			*dst().(*bool) = false
		default:
			d.errorf(v, "bad-bool", "%q must be true or false, not %q", path, s)
		}
	case TRate:
		r, err := ParseRate(s)
		if err != nil {
			d.errorf(v, "bad-rate", "%q: %s", path, err)
			return
		}
		*dst().(*decimal.Decimal) = r
	}
}

func isDigits(s string) bool {
	_, err := digits(s)
	return err == nil && s != ""
}

// ParseRate reads a rate written as a fraction (0.3) or a percentage (30%).
func ParseRate(s string) (decimal.Decimal, error) {
	text := strings.TrimSpace(s)
	pct := strings.HasSuffix(text, "%")
	text = strings.TrimSuffix(text, "%")
	if !isPlainDecimal(text) {
		return decimal.Decimal{}, fmt.Errorf("invalid rate %q: write a fraction such as 0.3, or a percentage such as 30%%", s)
	}
	r, err := decimal.NewFromString(text)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("invalid rate %q: write a fraction such as 0.3, or a percentage such as 30%%", s)
	}
	if pct {
		r = r.Shift(-2)
	}
	if !r.IsPositive() || r.GreaterThan(decimal.NewFromInt(1)) {
		return decimal.Decimal{}, fmt.Errorf("invalid rate %q: a rate is more than 0 and at most 1 (100%%)", s)
	}
	return r, nil
}

func (d *decoder) decodeStrings(v *yaml.Node, path string, dst *[]string) {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "bad-type", "%q must be a list, e.g. [a, b], not %s", path, describeNode(v))
		return
	}
	d.record(path, v)
	out := make([]string, 0, len(v.Content))
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			d.errorf(item, "bad-type", "each item of %q must be a single value, not %s", path, describeNode(item))
			continue
		}
		out = append(out, item.Value)
	}
	*dst = out
}

func (d *decoder) decodeCustom(v *yaml.Node, path string, dst *[]CustomField) {
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "bad-type", "%q must be a mapping of your own keys to values, not %s", path, describeNode(v))
		return
	}
	d.record(path, v)
	seen := map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "bad-key", "a key must be plain text, not %s", describeNode(k))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			d.errorf(k, "duplicate-key", "key %q appears twice (first on line %d): keep one", path+"."+k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		if val.Kind != yaml.ScalarNode {
			d.errorf(val, "bad-type", "custom field %q must be a single value, not %s", path+"."+k.Value, describeNode(val))
			continue
		}
		d.record(path+"."+k.Value, val)
		*dst = append(*dst, CustomField{Key: k.Value, Value: val.Value})
	}
}

func (d *decoder) decodeHistory(v *yaml.Node, dst *[]Event) {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "bad-type", "history must be a list of events (- date: …), not %s", describeNode(v))
		return
	}
	outer := d.pos
	defer func() { d.pos = outer }()
	events := make([]Event, len(v.Content))
	for i, item := range v.Content {
		e := &events[i]
		e.Pos = Pos{item.Line, item.Column}
		if item.Kind != yaml.MappingNode {
			d.errorf(item, "bad-type", "each history entry must be a mapping (date: …, event: …), not %s", describeNode(item))
			continue
		}
		d.pos = &e.KeyPos
		walkMapping(d, item, EventFields, e, "", "")
		checkEvent(d, item, e)
	}
	*dst = events
}

func checkEvent(d *decoder, item *yaml.Node, e *Event) {
	// An empty value (date:) is as missing as an absent key; a value that
	// is there but bad has its own finding already.
	if n := valueNode(item, "date"); n == nil || n.Tag == "!!null" {
		d.errorf(item, "missing-field", "event has no date: add `date: YYYY-MM-DD`")
	}
	spec, ok := LookupEvent(e.Type)
	if !ok {
		if n := valueNode(item, "event"); n == nil || n.Tag == "!!null" {
			d.errorf(item, "missing-field", "history entry has no event: add `event:` (one of %s)", strings.Join(EventTypeNames(), ", "))
		}
		return
	}
	for i := 0; i+1 < len(item.Content); i += 2 {
		k := item.Content[i]
		if findField(EventFields, k.Value) != nil && !spec.Takes(k.Value) {
			d.errorf(k, "field-not-for-event", "%s %q event has no key %q: it takes %s", article(string(e.Type)), e.Type, k.Value, spec.KeyList())
		}
	}
	for _, req := range spec.Required {
		if n := valueNode(item, req); n == nil || n.Tag == "!!null" {
			d.errorf(item, "missing-field", "%s %q event needs %q: add `%s: …`", article(string(e.Type)), e.Type, req, req)
		}
	}
}

// article is the indefinite article for an event type: an "assigned" event.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// valueNode returns the value of key in mapping m, or nil.
func valueNode(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
