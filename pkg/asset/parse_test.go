package asset_test

import (
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

// TestYAMLErrorLines: a syntax error is reported on a line the file has,
// also when the parser only notices it at the end of the input.
func TestYAMLErrorLines(t *testing.T) {
	tests := []struct {
		name, data string
		line       int
	}{
		{"unclosed brace, no newline", "{", 1},
		{"unclosed brace", "{\n", 1},
		{"unclosed flow list at the end", "name: A\ntags: [a, b\n", 2},
		{"bad indentation", "name: A\n  serial: x\nmodel: y\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := asset.ParseYAML("people/x.yaml", []byte(tt.data))
			if len(fs) != 1 || fs[0].Rule != "yaml-syntax" {
				t.Fatalf("findings = %v, want one yaml-syntax error", fs)
			}
			if fs[0].Pos.Line != tt.line {
				t.Errorf("line %d, want %d (%s)", fs[0].Pos.Line, tt.line, fs[0].Message)
			}
		})
	}
}
