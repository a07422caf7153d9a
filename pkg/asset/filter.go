package asset

import (
	"slices"
	"strings"
)

// Filter picks assets, as list's flags say: an asset passes when it matches
// every field given ("" or zero matches anything). Text matches ignore case.
type Filter struct {
	Kind     Kind
	Category string
	Location string // where it is: a component is where its hardware is
	Tag      string
	Owner    string // NoOwner for the assets without one
	State    State
	Holder   string // who has it in hand, or holds one of its seats
}

// NoOwner, as Filter.Owner, picks the assets that name no owner.
const NoOwner = "none"

// Pick returns the assets that pass, in their order. An asset with no
// state (not bought yet on the statuses' date) never passes.
func (f Filter) Pick(assets []*Asset, statuses map[string]Status) []*Asset {
	var out []*Asset
	for _, a := range assets {
		if st := statuses[a.ID]; st.State != "" && f.Match(a, st) {
			out = append(out, a)
		}
	}
	return out
}

// Match reports whether asset a, in status st, passes.
func (f Filter) Match(a *Asset, st Status) bool {
	is := func(filter, value string) bool { return filter == "" || strings.EqualFold(filter, value) }
	return (f.Kind == "" || a.Kind == f.Kind) &&
		is(f.Category, a.Category) && is(f.Location, st.Location) &&
		(is(f.Owner, a.Owner) || f.Owner == NoOwner && a.Owner == "") &&
		(f.State == "" || st.State == f.State) &&
		(f.Holder == "" || strings.EqualFold(st.Holder, f.Holder) || st.HeldBy(f.Holder)) &&
		(f.Tag == "" || slices.ContainsFunc(a.Tags, func(t string) bool { return strings.EqualFold(t, f.Tag) }))
}

// StateNames lists every state's name once, tracked states first.
func StateNames() []string {
	var names []string
	for _, s := range append(slices.Clone(TrackedStates), DatedStates...) {
		if !slices.Contains(names, string(s)) {
			names = append(names, string(s))
		}
	}
	return names
}
