package asset

import (
	"strings"

	"github.com/itrack/itrack/pkg/internal/parallel"
)

// Statuses computes the status of every asset as of a date. A component
// installed in hardware is held by whoever holds the hardware, and is where
// the hardware is.
func Statuses(assets []*Asset, asOf Date, window Duration) map[string]Status {
	each := make([]Status, len(assets))
	parallel.For(len(assets), func(i int) { each[i], _ = StatusAt(assets[i], asOf, window) })
	out := make(map[string]Status, len(assets))
	for i, a := range assets {
		out[a.ID] = each[i]
	}
	for id, st := range out {
		if st.InstalledIn != "" {
			if hw, ok := out[st.InstalledIn]; ok {
				out[id] = st.Inside(hw)
			}
		}
	}
	return out
}

// Inside returns the status of a component installed in hardware whose
// status is hw: it goes where the hardware goes.
func (s Status) Inside(hw Status) Status {
	s.Holder = hw.Holder
	if hw.Location != "" {
		s.Location = hw.Location
	}
	return s
}

// HeldBy reports whether person holds the asset on the status's date:
// hardware or a component in their hands (not one installed in their
// laptop, which comes back with the laptop), or a licence seat. IDs match
// ignoring case, as they are unique ignoring case.
func (s Status) HeldBy(person string) bool {
	if s.InstalledIn == "" && s.Holder != "" && strings.EqualFold(s.Holder, person) {
		return true
	}
	for _, h := range s.SeatHolders {
		if strings.EqualFold(h, person) {
			return true
		}
	}
	return s.held(person) > 0
}
