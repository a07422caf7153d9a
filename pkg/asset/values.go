package asset

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// KV is one value of a record as text, at its dotted key path.
type KV struct {
	Path, Value string
}

// Values lists an asset's values as text, in canonical key order, history
// left out: what `itrack diff` compares field by field.
func (a *Asset) Values() []KV {
	var out []KV
	flatten(AssetFields, a, "", a.Pos.Has, &out)
	return out
}

// Values lists a person's values as text, in canonical key order.
func (p *Person) Values() []KV {
	var out []KV
	flatten(PersonFields, p, "", p.Pos.Has, &out)
	return out
}

// Values lists an event's values as text, in canonical key order.
func (e *Event) Values() []KV {
	var out []KV
	flatten(EventFields, e, "", e.KeyPos.Has, &out)
	return out
}

// flatten lists values as text; present says which keys the file wrote, so
// that a false written out (auto_renew: false) is kept.
func flatten[T any](fields []Field[T], t *T, prefix string, present func(string) bool, out *[]KV) {
	for _, f := range fields {
		path := prefix + f.Key
		switch f.Type {
		case THistory:
			continue
		case TGroup:
			flatten(f.Sub, t, path+".", present, out)
			continue
		case TCustom:
			for _, cf := range *f.ptr(t).(*[]CustomField) {
				*out = append(*out, KV{path + "." + cf.Key, cf.Value})
			}
			continue
		}
		v := textOf(f.ptr(t))
		if v == "" && f.Type == TBool && present(path) {
			v = "false"
		}
		if v != "" {
			*out = append(*out, KV{path, v})
		}
	}
}

// textOf writes a decoded value back as text.
func textOf(v any) string {
	switch x := v.(type) {
	case *string:
		return *x
	case *EventType:
		return string(*x)
	case *Date:
		return x.String()
	case *Duration:
		return x.String()
	case *Money:
		return x.Text()
	case **int:
		if *x == nil {
			return ""
		}
		return strconv.Itoa(**x)
	case *bool:
		if *x {
			return "true"
		}
		return ""
	case *[]string:
		return strings.Join(*x, ", ")
	case *decimal.Decimal:
		if x.IsZero() {
			return ""
		}
		return x.String()
	}
	return ""
}

// ParsePath reads what a record's path says: the kind and ID of an asset
// file (assets/hardware/LT-1.yaml), or the ID of a person file
// (people/alice.yaml).
func ParsePath(rel string) (kind Kind, id string, person, ok bool) {
	name, isYAML := strings.CutSuffix(rel, ".yaml")
	if !isYAML {
		return "", "", false, false
	}
	parts := strings.Split(name, "/")
	switch {
	case len(parts) == 2 && parts[0] == "people":
		return "", parts[1], true, true
	case len(parts) == 3 && parts[0] == "assets":
		k, found := KindOfFolder(parts[1])
		return k, parts[2], false, found
	}
	return "", "", false, false
}
