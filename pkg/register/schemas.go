package register

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/itrack/itrack/pkg/asset"
)

// SchemaDir is where a register keeps the JSON Schemas its editors read.
const SchemaDir = ".itrack/schema"

// SchemaPath is where a register keeps the JSON Schema of that name.
func SchemaPath(name string) string {
	return SchemaDir + "/" + name + ".json"
}

// SchemaFiles returns every schema as the file the register keeps it in.
func SchemaFiles() map[string][]byte {
	files := map[string][]byte{}
	for _, t := range asset.SchemaTargets() {
		files[SchemaPath(t.Name)] = SchemaJSON(t.Schema())
	}
	return files
}

// EditorFiles are the files `itrack init` writes so that VS Code checks
// register files as they are typed: the schemas, the YAML extension's
// mapping of each folder to its schema, and a recommendation of that
// extension.
func EditorFiles() map[string][]byte {
	files := SchemaFiles()
	mapping := map[string]string{}
	for _, t := range asset.SchemaTargets() {
		// the YAML extension matches a pattern against the end of a file's
		// path: the leading slash keeps itrack.yaml from matching
		// my-itrack.yaml
		mapping[SchemaPath(t.Name)] = "/" + t.Files
	}
	files[".vscode/settings.json"] = SchemaJSON(map[string]any{"yaml.schemas": mapping})
	files[".vscode/extensions.json"] = SchemaJSON(map[string]any{"recommendations": []string{"redhat.vscode-yaml"}})
	return files
}

// SchemaJSON writes a schema as indented JSON with keys in order, so the
// same itrack always writes the same bytes.
func SchemaJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("schema: %v", err)) // maps of strings, numbers and bools always encode
	}
	return buf.Bytes()
}
