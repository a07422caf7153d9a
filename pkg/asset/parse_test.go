package asset_test

import (
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

// TestYAMLErrorPositions: a syntax error is reported on a line the file
// has, also when the parser only notices it at the end of the input, and
// always with a column, which yaml.v3 never gives: it is found in the
// bytes of the line (in characters, as editors count).
func TestYAMLErrorPositions(t *testing.T) {
	tests := []struct {
		name, data string
		line, col  int
	}{
		{"unclosed brace, no newline", "{", 1, 1},
		{"unclosed brace", "{\n", 1, 1},
		{"unclosed flow list at the end", "name: A\ntags: [a, b\n", 2, 7},
		{"unclosed nested flow list", "name: A\ntags: [a, [b, c]\n", 2, 7},
		{"unclosed flow mapping", "name: A\npurchase: {date: 2025-01-01\n", 2, 11},
		{"bad indentation", "name: A\n  serial: x\nmodel: y\n", 2, 9},
		{"second colon on the first line", "a: b: c\n", 1, 5},
		{"colon in quotes is not the one", "name: x\nnotes: it's \"a: b\": c\n", 2, 19},
		{"stray closing bracket", "key: [a, b]]\n", 1, 12},
		{"list item after a mapping", "name: A\n- a\n", 2, 1},
		{"backquote", "name: `x`\n", 1, 7},
		{"at sign", "name: A\n@home: y\n", 2, 1},
		{"quote left open on the first line", "name: \"Dell\nserial: 5CG\n", 1, 7},
		{"quote left open later", "name: A\nserial: 'abc\nmodel: y\n", 2, 9},
		{"NUL at the start", "\x00name: A\n", 1, 1},
		{"NUL mid-line", "name: a\x00b\n", 1, 8},
		{"control byte on a later line", "name: A\nserial: a\x07b\n", 2, 10},
		{"control byte after a two-byte character", "name: café \x01\n", 1, 12},
		{"DEL", "name: A\n\x7fserial: y\n", 2, 1},
		{"C1 control", "name: A\nmodel: a\u0090b\n", 2, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := asset.ParseYAML("people/x.yaml", []byte(tt.data))
			if len(fs) != 1 || fs[0].Rule != "yaml-syntax" {
				t.Fatalf("findings = %v, want one yaml-syntax error", fs)
			}
			if got := fs[0].Pos; got.Line != tt.line || got.Col != tt.col {
				t.Errorf("at %d:%d, want %d:%d (%s)", got.Line, got.Col, tt.line, tt.col, fs[0].Message)
			}
		})
	}
}
