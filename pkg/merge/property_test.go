package merge

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/asset"
)

// The properties below hold for every merge, whatever the versions:
//
//   - a version that is not a record (history a mapping, a scalar, plain
//     strings, an event without a date) is never merged: Files returns an
//     error, and the driver leaves a conflict;
//   - a clean merge decodes as a record, and holds every event of ours
//     and of theirs that the other side did not take out;
//   - an event of the base changed on both sides in different ways, or
//     changed on one and removed on the other, is a conflict;
//   - a value that reads like a conflict placeholder comes through as it is.
//
// They are checked over generated versions (TestMergeProperties) and over
// whatever the fuzzer makes of them (FuzzFiles). The checks read the
// files on their own terms, from the YAML nodes, not with the merger's
// helpers.

const propertyPath = "assets/hardware/LT-1.yaml"

// placeholderLike is a custom field every generated version holds.
const placeholderLike = "  x: itrack-conflict-0\n"

type genEvent struct {
	date, typ, note string
	from            int // index in the base, or -1 for an event a side added
}

type genRecord struct {
	location  string
	history   []genEvent
	malformed string // how the history is broken, "" when it is not
}

func (r genRecord) file() string {
	var b strings.Builder
	fmt.Fprintf(&b, "name: Dell Latitude 7440\nlocation: %s\nfields:\n%shistory:", r.location, placeholderLike)
	switch r.malformed {
	case "mapping":
		b.WriteString("\n")
		for _, e := range r.history {
			fmt.Fprintf(&b, "  %s:\n    event: %s\n    note: %s\n", e.date, e.typ, e.note)
		}
		if len(r.history) == 0 {
			b.WriteString("  2025-01-01: lost\n")
		}
		return b.String()
	case "scalar":
		b.WriteString(" kept on paper\n")
		return b.String()
	case "strings":
		b.WriteString("\n")
		for _, e := range r.history {
			fmt.Fprintf(&b, "  - %s %s %s\n", e.date, e.typ, e.note)
		}
		b.WriteString("  - 2025-03-01 serviced\n")
		return b.String()
	}
	if len(r.history) == 0 {
		if r.malformed == "no-date" {
			b.WriteString("\n  - event: note\n    note: a\n")
		} else {
			b.WriteString(" []\n")
		}
		return b.String()
	}
	b.WriteString("\n")
	for i, e := range r.history {
		if r.malformed == "no-date" && i == 0 {
			fmt.Fprintf(&b, "  - event: %s\n    note: %s\n", e.typ, e.note)
			continue
		}
		fmt.Fprintf(&b, "  - date: %s\n    event: %s\n    note: %s\n", e.date, e.typ, e.note)
	}
	return b.String()
}

var (
	genTypes = []string{"note", "serviced"}
	genNotes = []string{"a", "b", "c", "d"}
)

// genBase is a record with up to four events on the first days of
// January, several on one day, each of its own date and type: which
// event of the base a side edited is then plain. (Two events of one
// date and type edited apart are a case of TestMergeKeepsTwoEventsOfADayEditedApart.)
func genBase(r *rand.Rand) genRecord {
	rec := genRecord{location: []string{"London", "Leeds"}[r.IntN(2)]}
	seen := map[string]bool{}
	for range r.IntN(5) {
		e := genEvent{
			date: fmt.Sprintf("2025-01-0%d", 1+r.IntN(3)),
			typ:  genTypes[r.IntN(2)],
			note: genNotes[r.IntN(len(genNotes))],
		}
		if !seen[e.date+e.typ] {
			seen[e.date+e.typ] = true
			rec.history = append(rec.history, e)
		}
	}
	sort.SliceStable(rec.history, func(i, j int) bool { return rec.history[i].date < rec.history[j].date })
	for i := range rec.history {
		rec.history[i].from = i
	}
	return rec
}

// genSide changes a copy of base as a branch would: events added (in
// February, so never taken for an edit of the base's), edited (the note),
// removed, the location changed and, now and then, the history broken.
func genSide(r *rand.Rand, base genRecord) genRecord {
	side := base
	side.history = append([]genEvent{}, base.history...)
	for range r.IntN(4) {
		switch op := r.IntN(10); {
		case op < 3:
			side.history = append(side.history, genEvent{
				date: fmt.Sprintf("2025-02-0%d", 1+r.IntN(3)),
				typ:  genTypes[r.IntN(2)],
				note: genNotes[r.IntN(len(genNotes))],
				from: -1,
			})
		case op < 6 && len(side.history) > 0:
			i := r.IntN(len(side.history))
			side.history[i].note = genNotes[r.IntN(len(genNotes))]
		case op < 8 && len(side.history) > 0:
			i := r.IntN(len(side.history))
			side.history = append(side.history[:i], side.history[i+1:]...)
		case op < 9:
			side.location = []string{"London", "Leeds", "York"}[r.IntN(3)]
		}
	}
	if r.IntN(12) == 0 {
		side.malformed = []string{"mapping", "scalar", "strings", "no-date"}[r.IntN(4)]
	}
	return side
}

// fate is what a side did to each event of the base: "" kept, "-"
// removed, else the note it now has.
func fate(base, side genRecord) []string {
	out := make([]string, len(base.history))
	for i := range out {
		out[i] = "-"
	}
	for _, e := range side.history {
		if e.from < 0 {
			continue
		}
		if e.note == base.history[e.from].note {
			out[e.from] = ""
		} else {
			out[e.from] = e.note
		}
	}
	return out
}

// mustConflict says which event of the base both sides changed apart, or
// "" when none is.
func mustConflict(base, ours, theirs genRecord) string {
	fo, ft := fate(base, ours), fate(base, theirs)
	for i := range base.history {
		edited := fo[i] != "" && fo[i] != "-" || ft[i] != "" && ft[i] != "-"
		if edited && fo[i] != ft[i] && fo[i] != "" && ft[i] != "" {
			return fmt.Sprintf("event %d: ours %q, theirs %q", i, fo[i], ft[i])
		}
	}
	return ""
}

func TestMergeProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 11))
	var clean, conflicts, refused, edited int
	const runs = 3000
	for run := range runs {
		base := genBase(r)
		if r.IntN(40) == 0 {
			base.malformed = []string{"mapping", "scalar", "strings", "no-date"}[r.IntN(4)]
		}
		ours, theirs := genSide(r, base), genSide(r, base)
		b, o, th := base.file(), ours.file(), theirs.file()
		res, err := Files(propertyPath, []byte(b), []byte(o), []byte(th))
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("run %d: %s\n--- base:\n%s--- ours:\n%s--- theirs:\n%s", run, fmt.Sprintf(format, args...), b, o, th)
		}
		malformed := base.malformed != "" || ours.malformed != "" || theirs.malformed != ""
		switch {
		case malformed && err == nil:
			fail("a broken history was merged:\n%s", res.Data)
		case malformed:
			refused++
			continue
		case err != nil:
			fail("not merged: %v", err)
		}
		checkResult(t, []byte(b), []byte(o), []byte(th), res, fail)
		if !strings.Contains(string(res.Data), placeholderLike) {
			fail("the field %q is gone:\n%s", placeholderLike, res.Data)
		}
		if why := mustConflict(base, ours, theirs); why != "" {
			edited++
			if len(res.Conflicts) == 0 {
				fail("one event changed two ways (%s) merged cleanly:\n%s", why, res.Data)
			}
		}
		if len(res.Conflicts) == 0 {
			clean++
		} else {
			conflicts++
		}
	}
	// a generator that never reaches a case proves nothing about it
	for what, n := range map[string]int{"clean merges": clean, "conflicts": conflicts, "refusals": refused, "events changed two ways": edited} {
		if n < runs/50 {
			t.Errorf("only %d %s in %d runs: the generator does not reach them", n, what, runs)
		}
	}
	t.Logf("%d clean, %d conflicts (%d events changed two ways), %d refused", clean, conflicts, edited, refused)
}

// checkResult checks a merge Files did not refuse: its conflicts are
// marked one for one, and a clean result is a record that keeps every
// event of each side that the other side did not take out.
func checkResult(t *testing.T, base, ours, theirs []byte, res *Result, fail func(string, ...any)) {
	t.Helper()
	if n := strings.Count(string(res.Data), "\n<<<<<<< ours\n") + boolCount(strings.HasPrefix(string(res.Data), "<<<<<<< ours\n")); n != len(res.Conflicts) {
		fail("%d conflicts, %d marked:\n%s", len(res.Conflicts), n, res.Data)
	}
	if len(res.Conflicts) > 0 {
		return
	}
	doc, fs := asset.ParseYAML(propertyPath, res.Data)
	if doc == nil {
		fail("the clean result is not YAML: %s\n%s", firstError(fs), res.Data)
	}
	got, ok := eventsOf(res.Data)
	if !ok {
		fail("the clean result's history is not a list of events:\n%s", res.Data)
	}
	cb, _ := eventsOf(base)
	co, _ := eventsOf(ours)
	ct, _ := eventsOf(theirs)
	for _, side := range []struct {
		name        string
		this, other map[string]int
	}{{"ours", co, ct}, {"theirs", ct, co}} {
		for e, n := range side.this {
			if side.other[e] >= cb[e] && got[e] < n {
				fail("%s has %d of event %s, the other side took none out, the result has %d:\n%s", side.name, n, e, got[e], res.Data)
			}
		}
	}
}

func boolCount(b bool) int {
	if b {
		return 1
	}
	return 0
}

// eventsOf counts the events of a file, each written as its keys and
// values in sorted order (a value is its scalar text: itrack reads dates
// and amounts from the text, never from YAML's types). It reports false
// when the file is not a mapping whose history (if any) is a list of
// mappings, each with a date and an event. An empty file has no events.
func eventsOf(data []byte) (map[string]int, bool) {
	counts := map[string]int{}
	if strings.TrimSpace(string(data)) == "" {
		return counts, true
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, false
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "history" {
			continue
		}
		h := root.Content[i+1]
		if h.Kind == yaml.ScalarNode && h.Tag == "!!null" {
			continue
		}
		if h.Kind != yaml.SequenceNode {
			return nil, false
		}
		for _, e := range h.Content {
			text, ok := eventText(e)
			if !ok {
				return nil, false
			}
			counts[text]++
		}
	}
	return counts, true
}

func eventText(e *yaml.Node) (string, bool) {
	if e.Kind != yaml.MappingNode {
		return "", false
	}
	var pairs []string
	has := map[string]bool{}
	for i := 0; i+1 < len(e.Content); i += 2 {
		k, v := e.Content[i], e.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return "", false
		}
		if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			has[k.Value] = true
		}
		pairs = append(pairs, fmt.Sprintf("%s=%s", k.Value, nodeText(v)))
	}
	sort.Strings(pairs)
	return "{" + strings.Join(pairs, " ") + "}", has["date"] && has["event"]
}

func nodeText(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode || n.Kind == yaml.AliasNode {
		return fmt.Sprintf("%q", n.Value)
	}
	var parts []string
	for _, c := range n.Content {
		parts = append(parts, nodeText(c))
	}
	return fmt.Sprintf("%d[%s]", n.Kind, strings.Join(parts, ","))
}

// FuzzFiles merges whatever three versions the fuzzer makes, from seeds
// the generator writes: a version eventsOf cannot read is never merged
// cleanly, and a clean merge keeps the events checkResult asks for.
func FuzzFiles(f *testing.F) {
	r := rand.New(rand.NewPCG(7, 7))
	for range 24 {
		base := genBase(r)
		f.Add(base.file(), genSide(r, base).file(), genSide(r, base).file())
	}
	for _, broken := range []string{"mapping", "scalar", "strings", "no-date"} {
		base := genBase(r)
		side := genSide(r, base)
		side.malformed = broken
		f.Add(base.file(), side.file(), genSide(r, base).file())
		f.Add(base.file(), genSide(r, base).file(), side.file())
	}
	f.Add("", "name: a\nhistory:\n  - date: 2025-01-01\n    event: note\n    note: x\n", "name: a\nhistory: {}\n")
	f.Fuzz(func(t *testing.T, base, ours, theirs string) {
		res, err := Files(propertyPath, []byte(base), []byte(ours), []byte(theirs))
		if err != nil {
			return // the driver leaves a text merge and a conflict
		}
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("%s\n--- base:\n%s\n--- ours:\n%s\n--- theirs:\n%s", fmt.Sprintf(format, args...), base, ours, theirs)
		}
		for name, v := range map[string]string{"base": base, "ours": ours, "theirs": theirs} {
			if _, ok := eventsOf([]byte(v)); !ok && len(res.Conflicts) == 0 {
				fail("%s has no list of events, yet the merge is clean:\n%s", name, res.Data)
			}
		}
		checkResult(t, []byte(base), []byte(ours), []byte(theirs), res, fail)
	})
}
