package asset

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestLifecycleDiagram keeps docs/lifecycle.md's diagram true: every event
// that changes the state of hardware or a component, in every state that
// allows it, is an arrow out of that state.
func TestLifecycleDiagram(t *testing.T) {
	data, err := os.ReadFile("../../docs/lifecycle.md")
	if err != nil {
		t.Fatal(err)
	}
	arrows := map[State][]string{}
	arrow := regexp.MustCompile(`^\s+(\w+) --> \w+: (.*)$`)
	for _, line := range strings.Split(string(data), "\n") {
		if m := arrow.FindStringSubmatch(line); m != nil {
			arrows[State(m[1])] = append(arrows[State(m[1])], m[2])
		}
	}
	keeps := []EventType{Move, Service, Audit, Remark}
	for _, st := range TrackedStates {
		for _, k := range []Kind{Hardware, Component} {
			for _, e := range Allowed(k, st) {
				if slices.Contains(keeps, e) {
					continue
				}
				found := slices.ContainsFunc(arrows[st], func(label string) bool {
					return regexp.MustCompile(`\b` + string(e) + `\b`).MatchString(label)
				})
				if !found {
					t.Errorf("docs/lifecycle.md has no arrow for %s out of %s", e, st)
				}
			}
		}
	}
}
