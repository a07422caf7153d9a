package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/xeipuuv/gojsonschema"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/cli"
	"github.com/itrack/itrack/pkg/internal/must"
)

// run runs itrack in-process and returns stdout, stderr and the exit code.
func run(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	cwd, _ := os.Getwd()
	app := &cli.App{
		IO:     &cli.IOStreams{In: strings.NewReader(""), Out: &out, Err: &errb},
		Getenv: func(k string) string { return env[k] },
		Cwd:    cwd,
		Today:  asset.NewDate(2026, 11, 29),
	}
	code := cli.Run(app, args)
	return out.String(), errb.String(), code
}

const exampleDir = "../../testdata/example"

// TestSARIFValidates checks validate's SARIF output against the SARIF 2.1.0
// schema: every key must be one the format defines, and the whole log must
// pass the schema (go-sarif embeds the OASIS schema).
func TestSARIFValidates(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"itrack.yaml":                    "name: Test\ncurrency: GBP\n",
		"assets/hardware/LT-1.yaml":      "name: Laptop\npurchase:\n  date: 2024-02-30\nseats: 3\n",
		"assets/hardware/LT-2.yaml":      "name:    Laptop two\n",
		"assets/licences/figma.yaml":     "<<<<<<< HEAD\nname: Figma\n=======\nname: Figma Pro\n>>>>>>> branch\n",
		"assets/domains/example.com.yml": "name: example.com\n",
	}
	must.WriteFiles(t, dir, files)
	out, errOut, code := run(t, nil, "-C", dir, "validate", "--format", "sarif")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (findings); stderr: %s", code, errOut)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	var strict sarif.Report
	if err := dec.Decode(&strict); err != nil {
		t.Fatalf("SARIF output has a key the format does not define: %v", err)
	}
	result, err := gojsonschema.Validate(gojsonschema.NewStringLoader(sarifSchema(t)), gojsonschema.NewStringLoader(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range result.Errors() {
		t.Errorf("SARIF output does not validate: %s", e)
	}
	log := &strict
	results := log.Runs[0].Results
	if len(results) < 5 {
		t.Fatalf("%d results, want every finding", len(results))
	}
	rules := log.Runs[0].Tool.Driver.Rules
	for _, r := range results {
		if i := r.RuleIndex; *rules[i].ID != *r.RuleID {
			t.Errorf("result %s points at rule %d, which is %s", *r.RuleID, i, *rules[i].ID)
		}
		if r.PartialFingerprints["itrackFinding/v1"] == "" {
			t.Errorf("result %s has no fingerprint", *r.RuleID)
		}
	}
	// fingerprints are stable: a second run gives the same output
	again, _, _ := run(t, nil, "-C", dir, "validate", "--format", "sarif")
	if again != out {
		t.Error("two runs gave different SARIF output")
	}
}

// sarifSchema returns the OASIS SARIF 2.1.0 JSON schema that go-sarif
// carries in its source, read from the module cache.
func sarifSchema(t *testing.T) string {
	t.Helper()
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3").Output()
	if err != nil {
		t.Skipf("cannot locate the go-sarif module for its schema: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "pkg", "report", "v210", "sarif", "schema.go"))
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.IndexByte(src, '`')
	end := bytes.LastIndexByte(src, '`')
	if start < 0 || end <= start || !bytes.Contains(src[start:end], []byte("sarif-schema-2.1.0")) {
		t.Fatal("go-sarif's schema.go does not hold the SARIF 2.1.0 schema where expected")
	}
	return string(src[start+1 : end])
}

// TestICSParses reads the renewals calendar with an iCalendar library and
// checks the RFC 5545 rules a calendar client relies on.
func TestICSParses(t *testing.T) {
	out, errOut, code := run(t, nil, "-C", exampleDir, "--as-of", "2026-11-29", "renewals", "--within", "365d", "--format", "ics")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasSuffix(out, "\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Error("lines must end in CRLF, and only there")
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d is %d octets, over 75: %q", i+1, len(line), line)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatalf("the calendar does not parse: %v", err)
	}
	jsonOut, _, _ := run(t, nil, "-C", exampleDir, "--as-of", "2026-11-29", "renewals", "--within", "365d", "--format", "json")
	var items []map[string]any
	if err := json.Unmarshal([]byte(jsonOut), &items); err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != len(items) || len(events) == 0 {
		t.Fatalf("%d events, want one per renewal item (%d)", len(events), len(items))
	}
	uids := map[string]bool{}
	for i, e := range events {
		uid := e.GetProperty(ics.ComponentPropertyUniqueId).Value
		if uids[uid] {
			t.Errorf("UID %s is used twice", uid)
		}
		uids[uid] = true
		start := e.GetProperty(ics.ComponentPropertyDtStart)
		want := strings.ReplaceAll(items[i]["date"].(string), "-", "")
		if start.Value != want || start.ICalParameters["VALUE"][0] != "DATE" {
			t.Errorf("event %d starts %v %s, want the all-day date %s", i, start.ICalParameters, start.Value, want)
		}
		if len(e.Alarms()) != 2 {
			t.Errorf("event %d has %d alarms, want 2 (30 and 7 days before)", i, len(e.Alarms()))
		}
	}
}
