package register

import (
	"bytes"
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/asset"
)

// AssetFile is one asset file read for editing: its bytes and its YAML
// node tree, which edits change in place so comments survive.
type AssetFile struct {
	Rel  string
	ID   string
	Kind asset.Kind
	Data []byte
	Doc  *yaml.Node
}

// Root is the top-level mapping of the file.
func (f *AssetFile) Root() *yaml.Node { return f.Doc.Content[0] }

// InvalidFileError says a file cannot be edited until its problems are
// fixed.
type InvalidFileError struct {
	Findings asset.Findings
}

func (e *InvalidFileError) Error() string {
	var b bytes.Buffer
	for _, f := range e.Findings.Errors() {
		fmt.Fprintln(&b, f.Short())
	}
	b.WriteString("the file must be valid before itrack changes it: fix it by hand, or run `itrack edit`")
	return b.String()
}

// ReadAsset reads one asset file by ID, without loading the rest of the
// register. A file that is not valid YAML, or not a record, cannot be
// edited and returns an *InvalidFileError.
func (r *Register) ReadAsset(id string) (*AssetFile, error) {
	kind, id, err := r.FindAsset(id)
	if err != nil {
		return nil, err
	}
	rel := AssetPath(kind, id)
	data, err := os.ReadFile(r.Abs(rel))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", rel, unwrapPath(err))
	}
	doc, fs := asset.ParseYAML(rel, data)
	if doc == nil {
		return nil, &InvalidFileError{Findings: fs}
	}
	return &AssetFile{Rel: rel, ID: id, Kind: kind, Data: data, Doc: doc}, nil
}

// Decode reads the record the file's node tree holds now.
func (f *AssetFile) Decode() (*asset.Asset, asset.Findings) {
	data, err := Encode(f.Doc)
	if err != nil {
		return nil, asset.Findings{{File: f.Rel, Rule: "yaml-syntax", Message: err.Error()}}
	}
	return asset.DecodeAsset(f.Rel, f.ID, f.Kind, data)
}

// CheckRefs checks that the people an asset names exist, when the register
// keeps people. It reads only the people files it needs.
func (r *Register) CheckRefs(a *asset.Asset) asset.Findings {
	if !r.HasPeople() {
		return nil
	}
	var fs asset.Findings
	for _, ref := range a.PersonRefs() {
		if id, err := r.FindPerson(ref.ID); err != nil || id != ref.ID {
			fs = append(fs, asset.UnknownPerson(a.File, ref, nil))
		}
	}
	return fs
}
