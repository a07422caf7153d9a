package asset

import "fmt"

// Severity says whether a finding makes a file invalid.
type Severity int

// Severities of findings.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Pos is a 1-based line and column in a file. The zero Pos means "the file
// as a whole".
type Pos struct {
	Line, Col int
}

// Finding is one problem in one file, with the rule that found it.
type Finding struct {
	File     string // slash-separated, relative to the register root
	Pos      Pos
	Severity Severity
	Rule     string
	Message  string
}

// String writes the finding in the form editors and CI parse:
// FILE:LINE:COL: severity: message [rule].
func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", f.Location(), f.Severity, f.Message, f.Rule)
}

// Location writes FILE:LINE:COL, or FILE:LINE or FILE when the finding has
// no finer position.
func (f Finding) Location() string {
	switch {
	case f.Pos.Line == 0:
		return f.File
	case f.Pos.Col == 0:
		return fmt.Sprintf("%s:%d", f.File, f.Pos.Line)
	}
	return fmt.Sprintf("%s:%d:%d", f.File, f.Pos.Line, f.Pos.Col)
}

// Findings is a list of findings, with helpers to ask about it.
type Findings []Finding

// HasErrors reports whether any finding is an error.
func (fs Findings) HasErrors() bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns the findings that are errors.
func (fs Findings) Errors() Findings {
	var out Findings
	for _, f := range fs {
		if f.Severity == Error {
			out = append(out, f)
		}
	}
	return out
}

// Short writes the finding without its severity, the form of an error
// message: FILE:LINE:COL: message [rule].
func (f Finding) Short() string {
	return fmt.Sprintf("%s: %s [%s]", f.Location(), f.Message, f.Rule)
}
