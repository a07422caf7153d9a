package register

import (
	"bytes"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/asset"
)

// RecordFile is one asset or person file read for editing: its bytes and
// its YAML node tree, which edits change in place so comments survive.
type RecordFile struct {
	Rel  string
	ID   string
	Kind asset.Kind // "" for a person
	Data []byte
	Doc  *yaml.Node

	parsed asset.Findings // what parsing Data found
}

// Root is the top-level mapping of the file.
func (f *RecordFile) Root() *yaml.Node { return f.Doc.Content[0] }

// InvalidFileError says a file cannot be edited until its problems are
// fixed.
type InvalidFileError struct {
	ID       string
	Kind     asset.Kind
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
func (r *Register) ReadAsset(id string) (*RecordFile, error) {
	kind, id, err := r.FindAsset(id)
	if err != nil {
		return nil, err
	}
	return r.readRecord(AssetPath(kind, id), id, kind)
}

// ReadPerson reads one person file by ID for editing.
func (r *Register) ReadPerson(id string) (*RecordFile, error) {
	id, err := r.FindPerson(id)
	if err != nil {
		return nil, err
	}
	return r.readRecord(PersonPath(id), id, "")
}

func (r *Register) readRecord(rel, id string, kind asset.Kind) (*RecordFile, error) {
	data, err := r.ReadFile(rel)
	if err != nil {
		return nil, err
	}
	doc, fs := asset.ParseYAML(rel, data)
	if doc == nil {
		return nil, &InvalidFileError{ID: id, Kind: kind, Findings: fs}
	}
	return &RecordFile{Rel: rel, ID: id, Kind: kind, Data: data, Doc: doc, parsed: fs}, nil
}

// Asset decodes the asset as it was read, from the node tree already
// parsed: call it before editing the tree (Decode reads it after).
func (f *RecordFile) Asset() (*asset.Asset, asset.Findings) {
	a, fs := asset.DecodeAssetDoc(f.Rel, f.ID, f.Kind, f.Doc)
	return a, append(slices.Clone(f.parsed), fs...)
}

// Decode reads the record the file's node tree holds now.
func (f *RecordFile) Decode() (*asset.Asset, asset.Findings) {
	data, err := Encode(f.Doc)
	if err != nil {
		return nil, asset.Findings{{File: f.Rel, Rule: "yaml-syntax", Message: err.Error()}}
	}
	return asset.DecodeAsset(f.Rel, f.ID, f.Kind, data)
}

// DecodePerson reads the person the file's node tree holds now.
func (f *RecordFile) DecodePerson() (*asset.Person, asset.Findings) {
	data, err := Encode(f.Doc)
	if err != nil {
		return nil, asset.Findings{{File: f.Rel, Rule: "yaml-syntax", Message: err.Error()}}
	}
	return asset.DecodePerson(f.Rel, f.ID, data)
}

// Check decodes an asset file's contents and checks them as a load would,
// the file alone: its own rules, the settings' rules, and that the
// hardware and people it names exist.
func (r *Register) Check(rel, id string, kind asset.Kind, data []byte) (*asset.Asset, asset.Findings) {
	a, fs := asset.DecodeAsset(rel, id, kind, data)
	fs = append(fs, r.CheckRefs(a)...)
	return a, append(fs, asset.CheckWithConfig(a, r.Config)...)
}

// CheckRefs checks that the hardware an asset names exists, and the people
// too when the register keeps people. It reads no file, only names.
func (r *Register) CheckRefs(a *asset.Asset) asset.Findings {
	var fs asset.Findings
	for _, ref := range a.HardwareRefs() {
		if k, id, err := r.FindAsset(ref.ID); err != nil || k != asset.Hardware || id != ref.ID {
			fs = append(fs, asset.UnknownHardware(a.File, ref))
		}
	}
	if !r.HasPeople() {
		return fs
	}
	for _, ref := range a.PersonRefs() {
		if id, err := r.FindPerson(ref.ID); err != nil || id != ref.ID {
			var near []string
			if nf, ok := err.(*NotFoundError); ok && nf.Suggestion != "" {
				near = []string{nf.Suggestion}
			} else if err == nil {
				near = []string{id}
			}
			fs = append(fs, asset.UnknownPerson(a.File, ref, near))
		}
	}
	return fs
}
