package merge

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
)

// replayRules are the findings about the story a history tells, not its
// shape: each version may tell an impossible one and still be merged,
// since the driver replays the merged history anyway.
var replayRules = map[string]bool{
	"event-order": true, "impossible-event": true, "two-holders": true, "event-after-disposal": true,
}

// unmergeable says why a version cannot be merged as a record, or returns
// nil. The driver matches keys by name and events by date and type, so a
// version it cannot read that way (a history that is not a list of events,
// an event without a date, a key given twice) would lose the other side's
// work without a word. Other errors (a bad cost, an unknown field) belong
// to the record and merge like any value; validate reports them.
func unmergeable(rel string, doc *yaml.Node) *asset.Finding {
	kind, id, person, _ := asset.ParsePath(rel)
	var fs asset.Findings
	if person {
		_, fs = asset.DecodePersonDoc(rel, id, doc)
	} else {
		_, fs = asset.DecodeAssetDoc(rel, id, kind, doc)
	}
	inHistory := map[asset.Pos]bool{}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "history" {
			positions(root.Content[i], inHistory)
			positions(root.Content[i+1], inHistory)
		}
	}
	for _, f := range fs.Errors() {
		switch {
		case replayRules[f.Rule]:
		case f.Rule == "duplicate-key", f.Rule == "bad-key", inHistory[f.Pos]:
			return &f
		}
	}
	return nil
}

// positions records where n and everything in it start: a finding's
// position says which node it is about.
func positions(n *yaml.Node, at map[asset.Pos]bool) {
	at[asset.Pos{Line: n.Line, Col: n.Column}] = true
	for _, c := range n.Content {
		positions(c, at)
	}
}

// versionNames name the three versions in messages, in the order Files
// takes them.
var versionNames = [3]string{"base", "ours", "theirs"}

// readVersions parses and checks the three versions. An empty base is a
// file both sides added.
func readVersions(rel string, base, ours, theirs []byte) ([]*yaml.Node, error) {
	docs := make([]*yaml.Node, 3)
	for i, data := range [][]byte{base, ours, theirs} {
		if i == 0 && len(bytes.TrimSpace(data)) == 0 {
			docs[i] = register.NewDocument()
			continue
		}
		doc, fs := asset.ParseYAML(rel, data)
		if doc == nil {
			return nil, fmt.Errorf("%s is not valid YAML in the %s version: %s", rel, versionNames[i], firstError(fs))
		}
		if f := unmergeable(rel, doc); f != nil {
			return nil, fmt.Errorf("%s cannot be merged as a record in the %s version: line %d: %s [%s]", rel, versionNames[i], f.Pos.Line, f.Message, f.Rule)
		}
		docs[i] = doc
	}
	return docs, nil
}
