package merge

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const base = `name: Dell Latitude 7440
location: London
purchase:
  date: 2025-01-10
  cost: 1249.00
history:
  - date: 2025-01-12
    event: assigned
    to: alice
`

// withFields is base with custom fields, given as indented lines.
func withFields(lines string) string {
	return strings.Replace(base, "history:\n", "fields:\n"+lines+"history:\n", 1)
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name         string
		base         string // the package's base when empty
		ours, theirs string
		want         string
		conflicts    int
	}{
		{
			name:   "events appended on both sides unite in date order",
			ours:   base + "  - date: 2025-03-01\n    event: serviced\n    note: new battery\n",
			theirs: base + "  - date: 2025-02-01\n    event: moved\n    to: Leeds\n",
			want: base + "  - date: 2025-02-01\n    event: moved\n    to: Leeds\n" +
				"  - date: 2025-03-01\n    event: serviced\n    note: new battery\n",
		},
		{
			name:   "the same event on both sides appears once",
			ours:   base + "  - date: 2025-02-01\n    event: moved\n    to: Leeds\n",
			theirs: base + "  - date: 2025-02-01\n    event: moved\n    to: Leeds\n",
			want:   base + "  - date: 2025-02-01\n    event: moved\n    to: Leeds\n",
		},
		{
			name:   "edits to different keys both survive",
			ours:   strings.Replace(base, "location: London", "location: Leeds", 1),
			theirs: strings.Replace(base, "cost: 1249.00", "cost: 1199.00", 1),
			want:   strings.Replace(strings.Replace(base, "location: London", "location: Leeds", 1), "cost: 1249.00", "cost: 1199.00", 1),
		},
		{
			name:   "a key added on one side",
			ours:   base,
			theirs: strings.Replace(base, "location: London\n", "location: London\nserial: 5CG3411JQX\n", 1),
			want:   strings.Replace(base, "name: Dell Latitude 7440\n", "name: Dell Latitude 7440\nserial: 5CG3411JQX\n", 1),
		},
		{
			name:   "the same key changed two ways is a conflict",
			ours:   strings.Replace(base, "location: London", "location: Leeds", 1),
			theirs: strings.Replace(base, "location: London", "location: York", 1),
			want: strings.Replace(base, "location: London\n",
				"<<<<<<< ours\nlocation: Leeds\n=======\nlocation: York\n>>>>>>> theirs\n", 1),
			conflicts: 1,
		},
		{
			name:   "a nested key changed two ways is a conflict at its indent",
			ours:   strings.Replace(base, "cost: 1249.00", "cost: 1199.00", 1),
			theirs: strings.Replace(base, "cost: 1249.00", "cost: 1299.00", 1),
			want: strings.Replace(base, "  cost: 1249.00\n",
				"<<<<<<< ours\n  cost: 1199.00\n=======\n  cost: 1299.00\n>>>>>>> theirs\n", 1),
			conflicts: 1,
		},
		{
			name:   "a nested conflict sits where its own mapping orders the key",
			ours:   strings.Replace(base, "  cost: 1249.00\n", "", 1),
			theirs: strings.Replace(base, "cost: 1249.00", "cost: 1299.00", 1),
			want: strings.Replace(base, "  cost: 1249.00\n",
				"<<<<<<< ours\n=======\n  cost: 1299.00\n>>>>>>> theirs\n", 1),
			conflicts: 1,
		},
		{
			name:   "a custom field with a dot in its name is one key",
			base:   withFields("  cost.centre: A\n  b: 1\n"),
			ours:   withFields("  cost.centre: A\n  b: 2\n"),
			theirs: withFields("  cost.centre: B\n  b: 1\n"),
			want:   withFields("  cost.centre: B\n  b: 2\n"),
		},
		{
			name:      "a custom field with a dot in its name changed two ways is a conflict on that key",
			base:      withFields("  cost.centre: A\n  b: 1\n"),
			ours:      withFields("  cost.centre: C\n  b: 1\n"),
			theirs:    withFields("  cost.centre: B\n  b: 1\n"),
			want:      withFields("<<<<<<< ours\n  cost.centre: C\n=======\n  cost.centre: B\n>>>>>>> theirs\n  b: 1\n"),
			conflicts: 1,
		},
		{
			name:   "a custom field with a dot in its name removed on one side",
			base:   withFields("  cost.centre: A\n  b: 1\n"),
			ours:   withFields("  cost.centre: A\n  b: 2\n"),
			theirs: withFields("  b: 1\n"),
			want:   withFields("  b: 2\n"),
		},
		{
			name:      "two holders at once is a conflict",
			ours:      base + "  - date: 2025-02-01\n    event: unassigned\n  - date: 2025-02-02\n    event: assigned\n    to: bob\n",
			theirs:    base + "  - date: 2025-02-01\n    event: unassigned\n  - date: 2025-02-03\n    event: assigned\n    to: carol\n",
			conflicts: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.base
			if b == "" {
				b = base
			}
			res, err := Files("assets/hardware/LT-1.yaml", []byte(b), []byte(tt.ours), []byte(tt.theirs))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Conflicts) != tt.conflicts {
				t.Fatalf("conflicts %v, want %d\n%s", res.Conflicts, tt.conflicts, res.Data)
			}
			if tt.want != "" && string(res.Data) != tt.want {
				t.Errorf("merged:\n%s\nwant:\n%s", res.Data, tt.want)
			}
		})
	}
}

func TestMergeRefusesBrokenYAML(t *testing.T) {
	if _, err := Files("assets/hardware/LT-1.yaml", []byte(base), []byte("name: [x\n"), []byte(base)); err == nil {
		t.Error("a version that is not YAML merged; want an error so git's text merge is used")
	}
}

// TestMergeRefusesVersionsThatAreNotRecords: a history the driver cannot
// read as a list of events, in any of the three versions, is an error, so
// the caller leaves the file to a text merge and a person; merging it
// would drop the other side's events.
func TestMergeRefusesVersionsThatAreNotRecords(t *testing.T) {
	appended := base + "  - date: 2025-03-01\n    event: serviced\n    note: new battery\n"
	head := strings.TrimSuffix(base, "history:\n  - date: 2025-01-12\n    event: assigned\n    to: alice\n")
	bad := map[string]string{
		"history as a mapping":          head + "history:\n  2025-01-12:\n    event: assigned\n    to: alice\n",
		"history as a scalar":           head + "history: assigned to alice in January\n",
		"history as plain strings":      head + "history:\n  - 2025-01-12 assigned to alice\n",
		"an event without a date":       head + "history:\n  - event: assigned\n    to: alice\n",
		"an event with a key twice":     head + "history:\n  - date: 2025-01-12\n    event: assigned\n    to: alice\n    to: bob\n",
		"a field given twice":           strings.Replace(base, "location: London\n", "location: London\nlocation: Leeds\n", 1),
		"an event given as a list":      head + "history:\n  - [2025-01-12, assigned, alice]\n",
		"history as a mapping, flow":    head + "history: {date: 2025-01-12, event: assigned, to: alice}\n",
		"an event whose date is a list": head + "history:\n  - date: [2025-01-12]\n    event: assigned\n    to: alice\n",
	}
	for name, b := range bad {
		for _, side := range []string{"base", "ours", "theirs"} {
			t.Run(name+" in "+side, func(t *testing.T) {
				v := map[string]string{"base": base, "ours": appended, "theirs": base}
				if side == "theirs" {
					v["ours"], v["theirs"] = base, appended
				}
				v[side] = b
				res, err := Files("assets/hardware/LT-1.yaml", []byte(v["base"]), []byte(v["ours"]), []byte(v["theirs"]))
				if err == nil {
					t.Fatalf("merged without a word, want an error for a text merge:\n%s", res.Data)
				}
				if !strings.Contains(err.Error(), "in the "+side+" version") {
					t.Errorf("error %q does not name the %s version", err, side)
				}
			})
		}
	}
}

func TestMergeKeepsReplayFindingsOfOneVersion(t *testing.T) {
	// each version may tell an impossible story (validate reports it);
	// the driver still merges it, and replays the union
	disposedTwice := base + "  - date: 2025-02-01\n    event: disposed\n    method: recycled\n  - date: 2025-02-02\n    event: disposed\n    method: sold\n"
	if _, err := Files("assets/hardware/LT-1.yaml", []byte(base), []byte(disposedTwice), []byte(base)); err != nil {
		t.Errorf("an impossible but readable history was refused: %v", err)
	}
}

func TestDisagreement(t *testing.T) {
	tests := []struct{ name, ours, theirs, want string }{
		{
			name:   "shared lines before and after stay outside the markers",
			ours:   "a\nb\nc\n",
			theirs: "a\nB\nc\n",
			want:   "a\n<<<<<<< ours\nb\n=======\nB\n>>>>>>> theirs\nc\n",
		},
		{
			name:   "an appended line against a rewritten one",
			ours:   "a\nb\nnew\n",
			theirs: "a\nB\n",
			want:   "a\n<<<<<<< ours\nb\nnew\n=======\nB\n>>>>>>> theirs\n",
		},
		{
			name:   "no final newline",
			ours:   "a\nb",
			theirs: "a\nc",
			want:   "a\n<<<<<<< ours\nb\n=======\nc\n>>>>>>> theirs\n",
		},
		{
			name:   "one side empty",
			ours:   "",
			theirs: "a\n",
			want:   "<<<<<<< ours\n=======\na\n>>>>>>> theirs\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Disagreement([]byte(tt.ours), []byte(tt.theirs))); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// serviced is base with a service event, its note given.
func serviced(note string) string {
	return base + "  - date: 2025-03-01\n    event: serviced\n    note: " + note + "\n"
}

// TestMergeEditedEvents: an event is known by its date and type. Both
// sides changing the same event of the base differently is a conflict
// over the history, not two events (which would tell it twice) and not
// one side's edit dropped.
func TestMergeEditedEvents(t *testing.T) {
	history := func(doc string) string { return doc[strings.Index(doc, "history:\n"):] }
	tests := []struct {
		name         string
		ours, theirs string
		want         string // the merged file, when clean
		reason       string // the conflict, when not
	}{
		{
			name:   "edited two ways",
			ours:   serviced("new battery (under warranty)"),
			theirs: serviced("new battery, 89 GBP"),
			reason: "history: the serviced event of 2025-03-01 was changed on both sides",
		},
		{
			name:   "edited on one side, removed on the other",
			ours:   serviced("new battery (under warranty)"),
			theirs: base,
			reason: "history: the serviced event of 2025-03-01 was changed on one side and removed on the other",
		},
		{
			name:   "removed on one side, edited on the other",
			ours:   base,
			theirs: serviced("new battery (under warranty)"),
			reason: "history: the serviced event of 2025-03-01 was changed on one side and removed on the other",
		},
		{
			name:   "edited the same way on both sides",
			ours:   serviced("new battery (under warranty)"),
			theirs: serviced("new battery (under warranty)"),
			want:   serviced("new battery (under warranty)"),
		},
		{
			name:   "edited on one side only",
			ours:   serviced("new battery"),
			theirs: serviced("new battery (under warranty)") + "  - date: 2025-04-01\n    event: moved\n    to: Leeds\n",
			want:   serviced("new battery (under warranty)") + "  - date: 2025-04-01\n    event: moved\n    to: Leeds\n",
		},
		{
			name:   "removed on both sides",
			ours:   base,
			theirs: base,
			want:   base,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Files("assets/hardware/LT-1.yaml", []byte(serviced("new battery")), []byte(tt.ours), []byte(tt.theirs))
			if err != nil {
				t.Fatal(err)
			}
			if tt.reason == "" {
				if len(res.Conflicts) > 0 || string(res.Data) != tt.want {
					t.Fatalf("conflicts %v, merged:\n%s\nwant:\n%s", res.Conflicts, res.Data, tt.want)
				}
				return
			}
			if len(res.Conflicts) != 1 || res.Conflicts[0] != tt.reason {
				t.Fatalf("conflicts %q, want %q\n%s", res.Conflicts, tt.reason, res.Data)
			}
			want := strings.Replace(base, history(base),
				"<<<<<<< ours\n"+history(tt.ours)+"=======\n"+history(tt.theirs)+">>>>>>> theirs\n", 1)
			if string(res.Data) != want {
				t.Errorf("merged:\n%s\nwant:\n%s", res.Data, want)
			}
		})
	}
}

func TestMergeKeepsTwoEventsOfADayEditedApart(t *testing.T) {
	// two notes of one day: each side rewording a different one is no
	// conflict, both edits survive
	day := func(a, b string) string {
		return base + "  - date: 2025-03-01\n    event: note\n    note: " + a + "\n  - date: 2025-03-01\n    event: note\n    note: " + b + "\n"
	}
	res, err := Files("assets/hardware/LT-1.yaml", []byte(day("a", "b")), []byte(day("A", "b")), []byte(day("a", "B")))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Conflicts) > 0 || string(res.Data) != day("A", "B") {
		t.Errorf("conflicts %v, merged:\n%s\nwant:\n%s", res.Conflicts, res.Data, day("A", "B"))
	}
}

// TestMergeKeepsTextThatReadsLikeAPlaceholder: conflicts stand in the
// tree as placeholders until they are written out; a value that reads
// like one must come through as it is, with the conflict where it
// belongs.
func TestMergeKeepsTextThatReadsLikeAPlaceholder(t *testing.T) {
	tests := []struct{ value, merged string }{
		{"itrack-conflict-0", "itrack-conflict-0"},
		{"itrack-conflict-1", "itrack-conflict-1"},
		{"see itrack-conflict-0", "see itrack-conflict-0"},
		// the same text, spelled with an escape the encoder writes out
		{`"\x69track-conflict-0"`, `"itrack-conflict-0"`},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			b := withFields("  x: " + tt.value + "\n")
			ours := strings.Replace(b, "location: London", "location: Leeds", 1)
			theirs := strings.Replace(b, "location: London", "location: York", 1)
			res, err := Files("assets/hardware/LT-1.yaml", []byte(b), []byte(ours), []byte(theirs))
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Replace(withFields("  x: "+tt.merged+"\n"), "location: London\n", "<<<<<<< ours\nlocation: Leeds\n=======\nlocation: York\n>>>>>>> theirs\n", 1)
			if len(res.Conflicts) != 1 || string(res.Data) != want {
				t.Errorf("conflicts %v, merged:\n%s\nwant:\n%s", res.Conflicts, res.Data, want)
			}
		})
	}
}

func TestPlaceholderTokenIsInNoVersion(t *testing.T) {
	file := []byte(base)
	first := placeholderToken(nil, file)
	if strings.Contains(base, first) {
		t.Fatalf("token %q is in the file", first)
	}
	// a version whose values hold that token (which its bytes cannot,
	// as the token comes from them) gets another one
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "x " + first + " y"}}}
	if next := placeholderToken([]*yaml.Node{doc}, file); next == first || strings.Contains(doc.Content[0].Value, next) {
		t.Errorf("token %q again, with a value holding it", next)
	}
}
