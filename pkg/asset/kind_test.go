package asset

import (
	"strings"
	"testing"
)

func TestCheckID(t *testing.T) {
	tests := []struct {
		id   string
		want string // a part of the error; "" when the ID is valid
	}{
		{"LT-0001", ""},
		{"wildcard.example.com", ""},
		{"alice", ""},
		{"console", ""},
		{"COM0", ""},
		{"COM10", ""},
		{"LPT", ""},
		{"nullable", ""},
		{"aux-1", ""},
		{"x.yml", ""},

		{"CON", "CON is a device name on Windows"},
		{"con", "CON is a device name on Windows"},
		{"Prn", "PRN is a device name on Windows"},
		{"AUX", "AUX is a device name on Windows"},
		{"NUL", "NUL is a device name on Windows"},
		{"nul.txt", "NUL is a device name on Windows"},
		{"com1.backup", "COM1 is a device name on Windows"},
		{"COM1", "COM1 is a device name on Windows"},
		{"com9", "COM9 is a device name on Windows"},
		{"LPT1", "LPT1 is a device name on Windows"},
		{"lpt9.tar.gz", "LPT9 is a device name on Windows"},
		{"NUL.txt", "e.g. NUL-1.txt"},
		{"COM¹", "holds only letters, digits"},
		{"LPT³", "holds only letters, digits"},

		{"LT-0001.", "cannot end in '.'"},
		{"x..", "use x"},

		{"LT-0001.yaml", "leave out the .yaml extension"},
		{"x.YAML", "leave out the .YAML extension"},
		{"x.Yaml", "leave out the .Yaml extension"},
		{".yaml", "leave out the .yaml extension"},

		{"", "cannot be empty"},
		{"-LT", "starts with a letter or digit"},
		{"LT 1", "holds only letters, digits"},
		{strings.Repeat("a", 129), "at most 128 characters"},
	}
	for _, tt := range tests {
		err := CheckID(tt.id)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckID(%q) = %v, want no error", tt.id, err)
		case tt.want != "" && err == nil:
			t.Errorf("CheckID(%q) = nil, want an error saying %q", tt.id, tt.want)
		case tt.want != "" && !strings.Contains(err.Error(), tt.want):
			t.Errorf("CheckID(%q) = %q, want it to say %q", tt.id, err, tt.want)
		}
	}
}
