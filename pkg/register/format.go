package register

import (
	"bytes"
	"sort"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/asset"
)

// FormatResult is what Format found.
type FormatResult struct {
	// Changed lists the files not in canonical form (rewritten unless
	// check-only), sorted.
	Changed []string
	// Removed is the number of temporary files left by an interrupted
	// command that were removed.
	Removed int
	// Findings are the errors of files and folders that could not be read
	// (as YAML, or at all) and were left alone.
	Findings asset.Findings
}

// Format rewrites every record file that is not in canonical form, keeping
// comments, as one batch (all or nothing), and removes the temporary files
// an interrupted command left behind; with checkOnly it only reports. It
// must run under the lock when it writes. itrack.yaml is left as written.
func (r *Register) Format(checkOnly bool) (*FormatResult, error) {
	jobs, layout := r.listFiles()
	canons := make([][]byte, len(jobs))
	found := make([]asset.Findings, len(jobs))
	errs := make([]error, len(jobs))
	Parallel(len(jobs), func(i int) {
		rel := jobs[i].rel
		data, err := readRegular(r.Abs(rel), rel, asset.MaxFileSize)
		if err != nil {
			found[i] = asset.Findings{readFinding(rel, err)}
			return
		}
		doc, fs := asset.ParseYAML(rel, data)
		if doc == nil {
			found[i] = fs.Errors()
			return
		}
		if jobs[i].kind != "" {
			MoveHistoryLast(doc.Content[0]) // history-not-last
		}
		canon, same, err := canonical(doc, data)
		if err != nil {
			errs[i] = err
			return
		}
		if !same {
			canons[i] = canon
		}
	})
	res := &FormatResult{Findings: layout.Errors()}
	files := map[string][]byte{}
	for i, j := range jobs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if canons[i] != nil {
			res.Changed = append(res.Changed, j.rel)
			files[j.rel] = canons[i]
		}
		res.Findings = append(res.Findings, found[i]...)
	}
	sort.Strings(res.Changed)
	if checkOnly {
		return res, nil
	}
	if len(res.Changed) > 0 {
		if err := r.WriteBatch(files, res.Changed); err != nil {
			return nil, err
		}
	}
	res.Removed = r.removeTemps()
	return res, nil
}

// canonical encodes doc in canonical form and reports whether text, the
// file it was read from, already is that form.
func canonical(doc *yaml.Node, text []byte) (canon []byte, same bool, err error) {
	canon, err = Encode(doc)
	if err != nil {
		return nil, false, err
	}
	return canon, bytes.Equal(canon, text), nil
}

// withoutBOMAndCRLF is a file's text with the byte-order mark and the CRs
// of CRLF line endings taken out, as it is parsed.
func withoutBOMAndCRLF(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.Contains(data, []byte("\r\n")) {
		return data // no copy for the usual file
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
}
