package view

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"sort"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/render"
)

// fingerprint identifies a finding across runs, whatever lines move around
// it: its rule, its file and its message.
func fingerprint(f asset.Finding) string {
	sum := sha256.Sum256([]byte(f.Rule + "\x00" + f.File + "\x00" + f.Message))
	return hex.EncodeToString(sum[:16])
}

// SARIF 2.1.0, the subset itrack writes.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
	HelpURI          string       `json:"helpUri"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

const docsURL = "https://github.com/itrack/itrack/blob/main/docs/format.md"

// WriteSARIF writes findings as SARIF 2.1.0, for GitHub code scanning and
// other tools. Every rule itrack has is listed, so rule indexes are stable.
func WriteSARIF(w io.Writer, findings asset.Findings, prefix, version string) error {
	names := asset.RuleNames()
	index := map[string]int{}
	rules := make([]sarifRule, len(names))
	for i, name := range names {
		index[name] = i
		rules[i] = sarifRule{ID: name, ShortDescription: sarifMessage{Text: asset.Rules[name]}, HelpURI: docsURL + "#" + name}
	}
	results := []sarifResult{}
	for _, f := range findings {
		level := "error"
		if f.Severity == asset.Warning {
			level = "warning"
		}
		loc := sarifPhysical{ArtifactLocation: sarifArtifact{URI: prefix + f.File}}
		if f.Pos.Line > 0 {
			loc.Region = &sarifRegion{StartLine: f.Pos.Line, StartColumn: f.Pos.Col}
		}
		results = append(results, sarifResult{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: level, Message: sarifMessage{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: loc}}, PartialFingerprints: map[string]string{"itrackFinding/v1": fingerprint(f)}})
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs: []sarifRun{{Tool: sarifTool{Driver: sarifDriver{Name: "itrack", InformationURI: "https://github.com/itrack/itrack",
			Version: version, Rules: rules}}, Results: results}},
	}
	return render.WriteJSON(w, log)
}

// codeQualityIssue is one entry of a GitLab code quality report.
type codeQualityIssue struct {
	Description string              `json:"description"`
	CheckName   string              `json:"check_name"`
	Fingerprint string              `json:"fingerprint"`
	Severity    string              `json:"severity"`
	Location    codeQualityLocation `json:"location"`
}

type codeQualityLocation struct {
	Path  string           `json:"path"`
	Lines codeQualityLines `json:"lines"`
}

type codeQualityLines struct {
	Begin int `json:"begin"`
}

// WriteCodeQuality writes findings as a GitLab code quality report, which
// merge requests show inline.
func WriteCodeQuality(w io.Writer, findings asset.Findings, prefix string) error {
	out := []codeQualityIssue{}
	for _, f := range findings {
		sev := "major"
		if f.Severity == asset.Warning {
			sev = "minor"
		}
		out = append(out, codeQualityIssue{Description: f.Message, CheckName: f.Rule, Fingerprint: fingerprint(f), Severity: sev,
			Location: codeQualityLocation{Path: prefix + f.File, Lines: codeQualityLines{Begin: max(1, f.Pos.Line)}}})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Location.Path < out[j].Location.Path })
	return render.WriteJSON(w, out)
}

// Finding is one finding in `validate --format json`, and in the
// errors introduced and fixed of `diff --format json`.
type Finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

// FindingsOf shapes findings for machine output; none is an empty list,
// never null.
func FindingsOf(fs asset.Findings) []Finding {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		out[i] = Finding{File: f.File, Line: f.Pos.Line, Column: f.Pos.Col, Severity: f.Severity.String(), Rule: f.Rule, Message: f.Message}
	}
	return out
}

// WriteGitHubFindings writes GitHub Actions workflow commands, which
// annotate the files of a pull request.
func WriteGitHubFindings(w io.Writer, findings asset.Findings, prefix string) error {
	for _, f := range findings {
		level := "error"
		if f.Severity == asset.Warning {
			level = "warning"
		}
		err := render.WriteAnnotation(w, render.Annotation{Level: level, File: prefix + f.File, Line: f.Pos.Line, Col: f.Pos.Col,
			Title: "itrack " + f.Rule, Message: f.Message})
		if err != nil {
			return err
		}
	}
	return nil
}
