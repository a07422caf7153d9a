package asset_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/asset"
)

// The schemas are checked with a real JSON Schema validator, on what an
// editor's YAML reader hands it: yamlToJSON below.

const exampleDir = "../../testdata/example"

// compileSchema compiles a generated schema as an editor would load it:
// from its JSON text, checked against the draft 2020-12 metaschema, with
// formats (date) asserted.
func compileSchema(t *testing.T, name string, s map[string]any) *jsonschema.Schema {
	t.Helper()
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "mem:///" + name + ".json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("the %s schema does not compile: %v", name, err)
	}
	return sch
}

// schemas compiles every schema itrack writes, by target name.
func schemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	out := map[string]*jsonschema.Schema{}
	for _, target := range asset.SchemaTargets() {
		out[target.Name] = compileSchema(t, target.Name, target.Schema())
	}
	return out
}

// yamlToJSON converts a YAML node as an editor's YAML 1.2 reader does:
// empty is null, unquoted true and false (any case) are booleans, unquoted
// numbers are numbers, and every other scalar is the string the file holds
// (dates too: they are text to itrack).
func yamlToJSON(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return yamlToJSON(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = yamlToJSON(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		items := make([]any, len(n.Content))
		for i, c := range n.Content {
			items[i] = yamlToJSON(c)
		}
		return items
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int", "!!float":
		var v any
		if n.Decode(&v) == nil {
			if f, ok := v.(float64); ok && (math.IsInf(f, 0) || math.IsNaN(f)) {
				break // .inf and .nan have no JSON form
			}
			text, _ := json.Marshal(v)
			return json.Number(text)
		}
	}
	return n.Value
}

// instance reads a YAML file into what the schema validator receives.
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not YAML: %v\n%s", err, data)
	}
	// through JSON text, as an editor hands it over
	text, err := json.Marshal(yamlToJSON(&doc))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// decode runs the decoder on a file of a target: an asset kind, people
// or config.
func decode(target string, data []byte) asset.Findings {
	switch target {
	case "people":
		_, fs := asset.DecodePerson("people/x.yaml", "x", data)
		return fs
	case "config":
		_, fs := asset.DecodeConfig(data)
		return fs
	}
	k := asset.Kind(target)
	_, fs := asset.DecodeAsset("assets/"+k.Folder()+"/X-1.yaml", "X-1", k, data)
	return fs
}

func firstError(fs asset.Findings) string {
	for _, f := range fs.Errors() {
		return f.Rule
	}
	return ""
}

// TestSchemasAcceptTheExample validates every record of testdata/example
// against its schema.
func TestSchemasAcceptTheExample(t *testing.T) {
	sch := schemas(t)
	checked := map[string]int{}
	err := filepath.WalkDir(exampleDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return err
		}
		rel, _ := filepath.Rel(exampleDir, path)
		rel = filepath.ToSlash(rel)
		target := "config"
		if rel != asset.ConfigFile {
			kind, _, person, ok := asset.ParsePath(rel)
			if !ok {
				t.Errorf("%s: not a register file", rel)
				return nil
			}
			target = string(kind)
			if person {
				target = "people"
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := sch[target].Validate(instance(t, data)); err != nil {
			t.Errorf("%s fails the %s schema:\n%v", rel, target, err)
		}
		checked[target]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range asset.SchemaTargets() {
		if checked[target.Name] == 0 {
			t.Errorf("the example has no file for the %s schema", target.Name)
		}
	}
}

// TestSchemasAgreeWithTheDecoder: a file the decoder rejects, the schema
// rejects too, and for the same reason; a file the decoder reads, the
// schema accepts, in both the forms an editor may hand it.
func TestSchemasAgreeWithTheDecoder(t *testing.T) {
	sch := schemas(t)
	tests := []struct {
		name   string
		target string
		file   string
		rule   string // the decoder's first error; "" when both accept
		schema string // what the schema's error says: where, and what
	}{
		// accepted
		{"quoted and unquoted numbers", "licence", "name: Figma\nseats: \"5\"\ncost: 1249\nterm: 1y\nrenews: 2027-01-01\nauto_renew: \"true\"\nnotice: 30d\n", "", ""},
		{"amount with currency", "licence", "name: Figma\ncost: 1249.00 USD\nseats: 5\nauto_renew: false\nterm: 1y\n", "", ""},
		{"empty values are unset", "hardware", "name: Laptop\nserial:\nwarranty:\npurchase:\n  cost:\ntags:\nhistory:\n", "", ""},
		{"custom fields take any key and scalar", "hardware", "name: Laptop\nfields:\n  asset tag: 00123\n  encrypted: true\n  ram_gb: 16\n  spare:\n", "", ""},
		{"numbers as text", "hardware", "name: 2024\nmodel: 14\nos: 11\n", "", ""},
		{"rate as a percentage", "hardware", "name: Laptop\ndepreciation:\n  method: declining_balance\n  rate: 30%\n  life: 3y\n", "", ""},
		{"rate as a fraction", "hardware", "name: Laptop\ndepreciation:\n  method: declining_balance\n  rate: 0.3\n  salvage: 100\n", "", ""},
		{"every event type", "hardware", "name: Laptop\nhistory:\n" +
			"  - {date: 2024-01-01, event: ordered, note: PO 7}\n" +
			"  - {date: 2024-01-02, event: assigned, to: alice}\n" +
			"  - {date: 2024-01-03, event: moved, to: London}\n" +
			"  - {date: 2024-01-04, event: unassigned, from: alice}\n" +
			"  - {date: 2024-01-05, event: repair, cost: 10}\n" +
			"  - {date: 2024-01-06, event: repaired, cost: \"20.00 GBP\"}\n" +
			"  - {date: 2024-01-07, event: serviced}\n" +
			"  - {date: 2024-01-08, event: audited, location: London, by: bob}\n" +
			"  - {date: 2024-01-09, event: lost}\n" +
			"  - {date: 2024-01-10, event: found}\n" +
			"  - {date: 2024-01-11, event: note, note: dented}\n" +
			"  - {date: 2024-01-12, event: retired, reason: old}\n" +
			"  - {date: 2024-01-13, event: disposed, method: recycled, proceeds: 0, certificate: WEEE-1}\n", "", ""},
		{"licence events", "licence", "name: Figma\nseats: 1\nterm: 1y\nrenews: 2025-01-01\nhistory:\n" +
			"  - {date: 2024-01-01, event: renewed, until: 2026-01-01, cost: 100}\n" +
			"  - {date: 2024-01-02, event: seats, seats: 2}\n" +
			"  - {date: 2024-01-03, event: cancelled}\n", "", ""},
		{"component events", "component", "name: RAM\nhistory:\n  - {date: 2024-01-01, event: installed, in: LT-1}\n  - {date: 2024-01-02, event: removed}\n", "", ""},
		{"person", "people", "name: Alice\nemail: alice@example.com\nmanager: bob\nstarts: 2024-01-01\nfields:\n  badge: 7\n", "", ""},
		{"config", "config", "name: Acme\ncurrency: GBP\nrenewals:\n  window: 90d\n  remind: [30d, 7d]\naudit:\n  interval: 365d\nprefixes:\n  hardware: LT\ncategories:\n  laptop:\n    depreciation: {method: straight_line, life: 36m}\n    lifetime: 4y\n  misc:\ngit:\n  auto_commit: true\n", "", ""},

		// rejected by both
		{"bad date", "hardware", "name: Laptop\npurchase:\n  date: 2024-02-30\n", "bad-date", "at '/purchase/date'"},
		{"date in another form", "hardware", "name: Laptop\nend_of_life: 31/12/2028\n", "bad-date", "at '/end_of_life'"},
		{"unknown key", "hardware", "name: Laptop\ncolour: red\n", "unknown-field", "'colour' not allowed"},
		{"unknown key in a group", "hardware", "name: Laptop\npurchase:\n  price: 10\n", "unknown-field", "'price' not allowed"},
		{"computed key", "hardware", "name: Laptop\nstate: in_use\n", "computed-field", "'state' not allowed"},
		{"field of another kind", "hardware", "name: Laptop\nseats: 5\n", "field-not-for-kind", "'seats' not allowed"},
		{"warranty is for hardware only", "licence", "name: Figma\nwarranty:\n  expires: 2027-01-01\n", "field-not-for-kind", "'warranty' not allowed"},
		{"negative amount", "licence", "name: Figma\ncost: -5\n", "negative-money", "at '/cost': minimum"},
		{"negative amount as text", "licence", "name: Figma\ncost: -5.00 GBP\n", "negative-money", "at '/cost'"},
		{"amount with thousands separators", "licence", "name: Figma\ncost: 1,249.00\n", "bad-money", "at '/cost'"},
		{"amount with a currency that is no code", "licence", "name: Figma\ncost: 1249.00 pounds\n", "bad-money", "at '/cost'"},
		{"bad duration", "licence", "name: Figma\nterm: 1 year\n", "bad-duration", "at '/term'"},
		{"duration with leading zero", "licence", "name: Figma\nterm: 01y\n", "bad-duration", "at '/term'"},
		{"bad enum", "licence", "name: Figma\nmetric: seat\n", "bad-value", "at '/metric'"},
		{"bad bool", "licence", "name: Figma\nauto_renew: yes\n", "bad-bool", "at '/auto_renew'"},
		{"negative int", "licence", "name: Figma\nseats: -1\n", "bad-int", "at '/seats': minimum"},
		{"fractional int", "licence", "name: Figma\nseats: 2.5\n", "bad-int", "at '/seats'"},
		{"rate over 100%", "hardware", "name: Laptop\ndepreciation:\n  method: declining_balance\n  rate: 150%\n", "bad-rate", "at '/depreciation/rate'"},
		{"rate of zero", "hardware", "name: Laptop\ndepreciation:\n  method: declining_balance\n  rate: 0\n", "bad-rate", "at '/depreciation/rate'"},
		{"no name", "hardware", "model: T14\n", "missing-field", "missing property 'name'"},
		{"empty name", "hardware", "name: \"  \"\n", "missing-field", "at '/name'"},
		{"name on two lines", "hardware", "name: |\n  Laptop\n  two\n", "bad-value", "at '/name'"},
		{"list for text", "hardware", "name: Laptop\nmodel: [T14, T15]\n", "bad-type", "at '/model'"},
		{"text for a list", "hardware", "name: Laptop\ntags: laptop\n", "bad-type", "at '/tags'"},
		{"text for a group", "hardware", "name: Laptop\npurchase: 2024-01-01\n", "bad-type", "at '/purchase'"},
		{"custom field holding a list", "hardware", "name: Laptop\nfields:\n  ports: [usb, hdmi]\n", "bad-type", "at '/fields/ports'"},
		{"history not a list", "hardware", "name: Laptop\nhistory: assigned\n", "bad-type", "at '/history'"},
		{"assigned without to", "hardware", "name: Laptop\nhistory:\n  - date: 2024-01-01\n    event: assigned\n", "missing-field", "missing property 'to'"},
		{"assigned with an empty to", "hardware", "name: Laptop\nhistory:\n  - date: 2024-01-01\n    event: assigned\n    to:\n", "missing-field", "at '/history/0/to'"},
		{"unknown event type", "hardware", "name: Laptop\nhistory:\n  - date: 2024-01-01\n    event: borrowed\n", "bad-value", "at '/history/0/event'"},
		{"event without a date", "hardware", "name: Laptop\nhistory:\n  - event: lost\n", "missing-field", "missing property 'date'"},
		{"event without a type", "hardware", "name: Laptop\nhistory:\n  - date: 2024-01-01\n", "missing-field", "missing property 'event'"},
		{"key the event type does not take", "hardware", "name: Laptop\nhistory:\n  - date: 2024-01-01\n    event: lost\n    to: alice\n", "field-not-for-event", "at '/history/0/to': false schema"},
		{"unknown event key", "hardware", "name: Laptop\nhistory:\n  - date: 2024-01-01\n    event: lost\n    where: office\n", "unknown-field", "'where' not allowed"},
		{"disposed without a method", "hardware", "name: Laptop\nhistory:\n  - date: 2024-01-01\n    event: disposed\n", "missing-field", "missing property 'method'"},
		{"disposed by an unknown method", "hardware", "name: Laptop\nhistory:\n  - date: 2024-01-01\n    event: disposed\n    method: burnt\n", "bad-value", "at '/history/0/method'"},
		{"renewed with a bad date", "licence", "name: Figma\nhistory:\n  - date: 2024-01-01\n    event: renewed\n    until: next year\n", "bad-date", "at '/history/0/until'"},
		{"person without a name", "people", "email: alice@example.com\n", "missing-field", "missing property 'name'"},
		{"person with an unknown key", "people", "name: Alice\nteam: IT\n", "unknown-field", "'team' not allowed"},
		{"person with a bad date", "people", "name: Alice\nstarts: 2024-02-30\n", "bad-date", "at '/starts'"},
		{"config with an unknown key", "config", "name: Acme\nrenewal:\n  window: 30d\n", "unknown-field", "'renewal' not allowed"},
		{"config with a bad window", "config", "name: Acme\nrenewals:\n  window: soon\n", "bad-duration", "at '/renewals/window'"},
		{"config with a bad reminder", "config", "name: Acme\nrenewals:\n  remind: [30d, a week]\n", "bad-duration", "at '/renewals/remind/1'"},
		{"category with an unknown key", "config", "name: Acme\ncategories:\n  laptop:\n    life: 3y\n", "unknown-field", "'life' not allowed"},
		{"category with a bad method", "config", "name: Acme\ncategories:\n  laptop:\n    depreciation:\n      method: linear\n", "bad-value", "at '/categories/laptop/depreciation/method'"},
		{"config with a bad bool", "config", "name: Acme\ngit:\n  auto_commit: on\n", "bad-bool", "at '/git/auto_commit'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.file)
			got := firstError(decode(tt.target, data))
			if got != tt.rule {
				t.Fatalf("the decoder's first error is %q, want %q: %v", got, tt.rule, decode(tt.target, data).Errors())
			}
			err := sch[tt.target].Validate(instance(t, data))
			switch {
			case tt.rule == "" && err != nil:
				t.Errorf("the decoder reads it, the %s schema rejects it:\n%v", tt.target, err)
			case tt.rule != "" && err == nil:
				t.Errorf("the decoder rejects it [%s], the %s schema accepts it", tt.rule, tt.target)
			case tt.rule != "" && !strings.Contains(err.Error(), tt.schema):
				t.Errorf("the %s schema rejects it, but not for %s:\n%v", tt.target, tt.schema, err)
			}
		})
	}
}

// TestSchemaPatternsAgreeWithTheParsers holds each value type's pattern to
// the decoder, value by value, at the edges of what it accepts. Each value
// is written into a file as YAML text, so '5' is a quoted string and 5 a
// number.
func TestSchemaPatternsAgreeWithTheParsers(t *testing.T) {
	sch := schemas(t)
	// Where the two differ, and why: the schema accepts these, the decoder
	// does not (the last one the other way round). A number reaches
	// the schema as a number, its spelling lost; `itrack validate` catches
	// what the editor cannot.
	const spelling = "a number reaches the schema without its spelling"
	gaps := map[string]string{
		"cost: 1e3":            spelling,
		"cost: .5":             spelling,
		"cost: 5.":             spelling,
		"cost: 0x10":           spelling,
		"cost: 1249.12345":     spelling,
		"seats: 1e3":           spelling,
		"seats: 5.0":           spelling,
		"rate: .3":             spelling,
		"rate: 1e-1":           spelling,
		"rate: 0.00001":        spelling,
		"auto_renew: True":     "YAML 1.2 reads True and FALSE as booleans; itrack takes true and false only",
		"auto_renew: FALSE":    "YAML 1.2 reads True and FALSE as booleans; itrack takes true and false only",
		"renews: 0000-01-01":   "the date format allows year 0; itrack starts at year 1",
		"cost: '1249.00  USD'": "the schema asks for one space before the currency; itrack forgives more",
	}
	tests := []struct {
		field  string // in a licence file
		values []string
	}{
		{"renews", []string{"2024-02-29", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-1-1", "20240101", "'2024-01-01'", "2024-01-01T10:00:00Z", "0000-01-01", "0001-01-01", "9999-12-31"}},
		{"term", []string{"0d", "1d", "6w", "36m", "3y", "100000d", "100001d", "1000000d", "00d", "01m", "1", "d", "1.5y", "1Y", "-1y", "' 1y'"}},
		{"cost", []string{"0", "1249", "1249.00", "1249.1234", "1249.12345", "'1249.00'", "1249.00 USD", "1249.00 usd", "1249.00 US", "1249.00USD", "'1249.00  USD'", "-1", "-0.5", "'-1'", "1,249", "1e3", "'1e3'", "0x10", ".5", "'.5'", "5.", "999999999999999", "1000000000000000", "'1000000000000000'", "abc", "true"}},
		{"seats", []string{"0", "5", "'5'", "007", "5.0", "10000000", "10000001", "'10000001'", "-1", "'-1'", "2.5", "'2.5'", "1e3", "five", "true"}},
		{"auto_renew", []string{"true", "false", "'true'", "'false'", "True", "FALSE", "yes", "no", "on", "1", "0"}},
		{"metric", []string{"user", "device", "concurrent", "site", "User", "seat", "1"}},
		{"version", []string{"2024", "11.2", "true", "'multi word text'", "\"two\\nlines\"", "[a]", "{a: 1}"}},
	}
	check := func(target, key, v string, data []byte) {
		t.Helper()
		decoderOK := !decode(target, data).HasErrors()
		err := sch[target].Validate(instance(t, data))
		why, known := gaps[key+": "+v]
		switch {
		case known && decoderOK == (err == nil):
			t.Errorf("%s: %s: the known gap (%s) is gone: remove it from the list", key, v, why)
		case !known && decoderOK != (err == nil):
			t.Errorf("%s: %s: the decoder accepts it: %v; the schema: %v", key, v, decoderOK, err)
		}
	}
	for _, tt := range tests {
		for _, v := range tt.values {
			check("licence", tt.field, v, []byte("name: Figma\n"+tt.field+": "+v+"\n"))
		}
	}
	rates := []string{"0.3", "'0.3'", "0.0001", "0.00001", "1", "1.0", "1.0001", "0", "'0'", "30%", "100%", "100.0%", "100.5%", "0.5%", "0%", "0.00%", "05%", "150%", "-0.3", "'-30%'", ".3", "'.3'", "30 %", "1e-1"}
	for _, v := range rates {
		check("hardware", "rate", v, []byte("name: Laptop\ndepreciation:\n  method: declining_balance\n  rate: "+v+"\n"))
	}
}

// TestSchemaFollowsTheFieldTables: every field of a kind is in its schema,
// every field of another kind is not, and every event type is covered.
func TestSchemaFollowsTheFieldTables(t *testing.T) {
	for _, k := range asset.Kinds {
		s := asset.AssetSchema(k)
		if s["$schema"] != asset.SchemaDialect || s["additionalProperties"] != false {
			t.Errorf("%s: $schema %v, additionalProperties %v", k, s["$schema"], s["additionalProperties"])
		}
		props := s["properties"].(map[string]any)
		for _, f := range asset.AssetFields {
			if _, ok := props[f.Key]; ok != f.For(k) {
				t.Errorf("%s schema has %s: %v, the field table says %v", k, f.Key, ok, f.For(k))
			}
		}
		events := props["history"].(map[string]any)["items"].(map[string]any)["allOf"].([]any)
		if len(events) != len(asset.EventTypes) {
			t.Errorf("%s: %d event rules for %d event types", k, len(events), len(asset.EventTypes))
		}
	}
	if got := asset.PersonSchema()["required"]; len(got.([]string)) != 1 {
		t.Errorf("person schema requires %v, want name", got)
	}
	if _, ok := asset.ConfigSchema()["required"]; ok {
		t.Errorf("itrack.yaml requires nothing")
	}
}

func TestFindSchema(t *testing.T) {
	for name, want := range map[string]string{
		"hardware": "hardware", "Licences": "licence", "license": "licence", "person": "people",
		"itrack.yaml": "config", "itrack": "config", " config ": "config",
	} {
		if got, _, ok := asset.FindSchema(name); !ok || got.Name != want {
			t.Errorf("FindSchema(%q) = %q, %v; want %q", name, got.Name, ok, want)
		}
	}
	if _, names, ok := asset.FindSchema("laptop"); ok || len(names) != len(asset.SchemaTargets()) {
		t.Errorf("FindSchema(laptop) found one, or named %v", names)
	}
}
