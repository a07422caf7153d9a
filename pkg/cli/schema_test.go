package cli_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitWritesTheCommittedExample keeps the files of testdata/example
// that are not records (.gitignore, .gitattributes, the editor settings and
// JSON Schemas) equal to what `itrack init --example` writes; the records
// are pkg/example's to check.
func TestInitWritesTheCommittedExample(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "reg")
	if _, errOut, code := run(t, nil, "init", dir, "--example"); code != 0 {
		t.Fatalf("init --example: %s", errOut)
	}
	written := nonRecords(t, dir)
	committed := nonRecords(t, exampleDir)
	for rel, data := range written {
		if got, ok := committed[rel]; !ok {
			t.Errorf("testdata/example has no %s: copy it from `itrack init --example`", rel)
		} else if got != data {
			t.Errorf("testdata/example/%s differs from what init writes", rel)
		}
	}
	for rel := range committed {
		if _, ok := written[rel]; !ok {
			t.Errorf("testdata/example/%s is not written by init", rel)
		}
	}
}

func nonRecords(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "cache" && filepath.Base(filepath.Dir(path)) == ".itrack" {
			return filepath.SkipDir // the register's index, which git ignores
		}
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".yaml") {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestSchemaPrintsWhatInitWrites: `itrack schema NAME` prints the file
// init keeps in .itrack/schema, for every name the list gives, and the
// VS Code settings map every one of them.
func TestSchemaPrintsWhatInitWrites(t *testing.T) {
	list, errOut, code := run(t, nil, "schema")
	if code != 0 {
		t.Fatalf("schema: %s", errOut)
	}
	var settings struct {
		Schemas map[string]string `json:"yaml.schemas"`
	}
	data, err := os.ReadFile(filepath.Join(exampleDir, ".vscode", "settings.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &settings); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(list), "\n")
	if len(lines) != 8 || len(settings.Schemas) != len(lines) {
		t.Fatalf("schema lists %d schemas, the settings map %d:\n%s", len(lines), len(settings.Schemas), list)
	}
	for _, line := range lines {
		name, files, _ := strings.Cut(line, " ")
		out, errOut, code := run(t, nil, "schema", name)
		if code != 0 {
			t.Errorf("schema %s: %s", name, errOut)
			continue
		}
		rel := ".itrack/schema/" + name + ".json"
		want, err := os.ReadFile(filepath.Join(exampleDir, filepath.FromSlash(rel)))
		if err != nil {
			t.Error(err)
			continue
		}
		if out != string(want) {
			t.Errorf("schema %s differs from testdata/example/%s", name, rel)
		}
		if got := settings.Schemas[rel]; got != "/"+strings.TrimSpace(files) {
			t.Errorf("settings.json maps %s to %q, want /%s", rel, got, strings.TrimSpace(files))
		}
	}
}

// TestSchemaNames: a kind is named as add takes it; people, config and
// anything else.
func TestSchemaNames(t *testing.T) {
	for _, tt := range []struct {
		arg, title string
	}{
		{"hardware", "itrack hardware asset"},
		{"licenses", "itrack licence asset"},
		{"Certs", "itrack certificate asset"},
		{"person", "itrack person"},
		{"itrack.yaml", "itrack register settings"},
	} {
		out, errOut, code := run(t, nil, "schema", tt.arg)
		var s struct {
			Title string `json:"title"`
		}
		if code != 0 || json.Unmarshal([]byte(out), &s) != nil || s.Title != tt.title {
			t.Errorf("schema %s: exit %d, title %q, want %q: %s", tt.arg, code, s.Title, tt.title, errOut)
		}
	}
	_, errOut, code := run(t, nil, "schema", "laptop")
	if want := "itrack: unknown schema \"laptop\": use one of hardware, component, licence, domain, certificate, document, people or config\n"; code != 2 || errOut != want {
		t.Errorf("schema laptop: exit %d, %q; want 2, %q", code, errOut, want)
	}
}
