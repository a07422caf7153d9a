package merge

import "strings"

// Disagreement marks, between standard conflict markers, the lines where
// ours and theirs differ, with the lines they share before and after left
// as they are. It is the conflict for a version the driver cannot merge
// as a record when git's text merge finds nothing to mark (one side
// rewrote the history, the other appended to it, on neighbouring lines):
// both sides' text stays in the file, and a person decides.
func Disagreement(ours, theirs []byte) []byte {
	o := strings.SplitAfter(string(ours), "\n")
	t := strings.SplitAfter(string(theirs), "\n")
	if o[len(o)-1] == "" {
		o = o[:len(o)-1]
	}
	if t[len(t)-1] == "" {
		t = t[:len(t)-1]
	}
	head := 0
	for head < len(o) && head < len(t) && o[head] == t[head] && strings.HasSuffix(o[head], "\n") {
		head++
	}
	tail := 0
	for tail < len(o)-head && tail < len(t)-head && o[len(o)-1-tail] == t[len(t)-1-tail] {
		tail++
	}
	var b strings.Builder
	side := func(lines []string) {
		for _, l := range lines {
			b.WriteString(l)
		}
		if n := len(lines); n > 0 && !strings.HasSuffix(lines[n-1], "\n") {
			b.WriteString("\n")
		}
	}
	side(o[:head])
	b.WriteString("<<<<<<< ours\n")
	side(o[head : len(o)-tail])
	b.WriteString("=======\n")
	side(t[head : len(t)-tail])
	b.WriteString(">>>>>>> theirs\n")
	side(o[len(o)-tail:])
	return []byte(b.String())
}
