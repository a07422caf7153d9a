package importer

import (
	"sort"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// ExportTable is the CSV form of assets of one kind.
type ExportTable struct {
	Header []string
	Rows   [][]string
}

// Export lays out assets of one kind as CSV: id, then every field of the
// kind in canonical order (with a column only when some asset has it),
// custom fields as fields.NAME columns, and the history as JSON (event
// writes one event). Import reads these headers back exactly.
func Export(assets []*asset.Asset, kind asset.Kind, event func(asset.Event) (string, error)) (*ExportTable, error) {
	used := map[string]bool{}
	var custom []string
	values := make([]map[string]string, len(assets))
	hasHistory := false
	for i, a := range assets {
		values[i] = map[string]string{}
		for _, kv := range a.Values() {
			values[i][kv.Path] = kv.Value
			if strings.HasPrefix(kv.Path, "fields.") && !used[kv.Path] {
				custom = append(custom, kv.Path)
			}
			used[kv.Path] = true
		}
		hasHistory = hasHistory || len(a.History) > 0
	}
	var columns []string
	for _, p := range FieldPaths(kind) {
		if used[p] {
			columns = append(columns, p)
		}
	}
	sort.Strings(custom) // as import writes them
	columns = append(columns, custom...)
	t := &ExportTable{Header: append([]string{TargetID}, columns...)}
	if hasHistory {
		t.Header = append(t.Header, TargetHistory)
	}
	for i, a := range assets {
		row := []string{a.ID}
		for _, c := range columns {
			row = append(row, values[i][c])
		}
		if hasHistory {
			var events []string
			for _, e := range a.History {
				text, err := event(e)
				if err != nil {
					return nil, err
				}
				events = append(events, text)
			}
			h := ""
			if len(events) > 0 {
				h = "[" + strings.Join(events, ",") + "]"
			}
			row = append(row, h)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// FieldPaths lists the dotted paths of every field of a kind, in canonical
// order, custom fields and history aside.
func FieldPaths(kind asset.Kind) []string {
	var out []string
	for _, f := range asset.AssetFields {
		if !f.For(kind) {
			continue
		}
		switch f.Type {
		case asset.TCustom, asset.THistory:
		case asset.TGroup:
			for _, s := range f.Sub {
				out = append(out, f.Key+"."+s.Key)
			}
		default:
			out = append(out, f.Key)
		}
	}
	return out
}

// ExportPeople lays out people as CSV: id, every person field, custom
// fields as fields.NAME columns. Import with --kind people reads it back.
func ExportPeople(people []*asset.Person) *ExportTable {
	used := map[string]bool{}
	var custom []string
	values := make([]map[string]string, len(people))
	for i, p := range people {
		values[i] = map[string]string{}
		for _, kv := range p.Values() {
			values[i][kv.Path] = kv.Value
			if strings.HasPrefix(kv.Path, "fields.") && !used[kv.Path] {
				custom = append(custom, kv.Path)
			}
			used[kv.Path] = true
		}
	}
	var columns []string
	for _, f := range asset.PersonFields {
		if f.Type != asset.TCustom && used[f.Key] {
			columns = append(columns, f.Key)
		}
	}
	sort.Strings(custom)
	columns = append(columns, custom...)
	t := &ExportTable{Header: append([]string{TargetID}, columns...)}
	for i, p := range people {
		row := []string{p.ID}
		for _, c := range columns {
			row = append(row, values[i][c])
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
