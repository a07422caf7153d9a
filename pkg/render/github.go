package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/itrack/itrack/pkg/safe"
)

// Annotation is a GitHub Actions workflow command that annotates a file of
// a pull request: ::level file=…,line=…,col=…,title=…::message.
type Annotation struct {
	Level   string // error, warning or notice
	File    string
	Line    int // 0 when unknown: left out
	Col     int // 0 when unknown: left out
	Title   string
	Message string
}

// WriteAnnotation writes one workflow command line, its properties and
// message escaped.
func WriteAnnotation(w io.Writer, a Annotation) error {
	props := []string{"file=" + GitHubProperty(a.File)}
	if a.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", a.Line))
	}
	if a.Col > 0 {
		props = append(props, fmt.Sprintf("col=%d", a.Col))
	}
	props = append(props, "title="+GitHubProperty(a.Title))
	_, err := fmt.Fprintf(w, "::%s %s::%s\n", a.Level, strings.Join(props, ","), GitHubData(a.Message))
	return err
}

// GitHubData escapes the message of a GitHub Actions workflow command.
// Control characters are escaped first: a job log is a terminal too.
func GitHubData(s string) string {
	return strings.NewReplacer("%", "%25", "\n", "%0A").Replace(safe.Text(s))
}

// GitHubProperty escapes a property value (file=, title=) of a workflow
// command, where ':' and ',' are separators too.
func GitHubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(safe.Text(s))
}
