package asset

import (
	"fmt"
	"slices"
	"strings"
)

// A batch is a component bought by the unit (61 keyboards at 73.96 each):
// one file with a quantity, whose units are given out one or more at a
// time. Its state is in_stock while units are left, in_use once all are
// out; lost, repair, retired and disposed are for the whole batch, once
// every unit is back.

// Holding is units of a batch held by one person.
type Holding struct {
	Person string
	Units  int
}

// Count is the number of units an asset stands for: its quantity, else 1.
func (a *Asset) Count() int {
	if a.Quantity != nil && *a.Quantity > 0 {
		return *a.Quantity
	}
	return 1
}

// Batch reports whether the asset is a batch of more than one unit.
func (a *Asset) Batch() bool { return a.Kind == Component && a.Count() > 1 }

// unitsOf is the units an event moves: its units, else one to give, or
// all the holder has to return.
func unitsOf(e Event, held int) int {
	switch {
	case e.Units != nil:
		return *e.Units
	case e.Type == Unassign:
		return held
	}
	return 1
}

// held is the units person holds.
func (s *Status) held(person string) int {
	for _, h := range s.Holdings {
		if strings.EqualFold(h.Person, person) {
			return h.Units
		}
	}
	return 0
}

// applyBatch records an event on a batch. fail is apply's.
func (s *Status) applyBatch(a *Asset, e Event, fail func(string, ...any) *HistoryError) (bool, *HistoryError) {
	// a status copied before this event keeps its own holdings
	s.Holdings = slices.Clone(s.Holdings)
	switch e.Type {
	case Assign:
		if s.State != InStock {
			return true, fail("%s is %s: no unit of it can be given out", a.ID, s.describe())
		}
		n := unitsOf(e, 0)
		if n < 1 || n > s.Stock {
			return true, fail("%s has %s in stock, not %d: give fewer, or record more (itrack set %s quantity=N)", a.ID, plural(s.Stock, "unit"), n, a.ID)
		}
		if i := slices.IndexFunc(s.Holdings, func(h Holding) bool { return strings.EqualFold(h.Person, e.To) }); i >= 0 {
			s.Holdings[i].Units += n
		} else {
			s.Holdings = append(s.Holdings, Holding{Person: e.To, Units: n})
		}
		s.Stock -= n
	case Unassign:
		from := e.From
		if from == "" && len(s.Holdings) == 1 {
			from = s.Holdings[0].Person
		}
		held := s.held(from)
		switch {
		case from == "":
			return true, fail("say whose units come back: an unassigned event of a batch needs from: (units are held by %s)", s.holdingList())
		case held == 0:
			return true, fail("%s holds no unit of %s (units are held by %s)", from, a.ID, s.holdingList())
		}
		n := unitsOf(e, held)
		if n < 1 || n > held {
			return true, fail("%s holds %s of %s, not %d", from, plural(held, "unit"), a.ID, n)
		}
		i := slices.IndexFunc(s.Holdings, func(h Holding) bool { return strings.EqualFold(h.Person, from) })
		if s.Holdings[i].Units -= n; s.Holdings[i].Units == 0 {
			s.Holdings = slices.Delete(s.Holdings, i, i+1)
		}
		s.Stock += n
	case Install:
		return true, fail("%s is a batch of %d: one unit cannot be installed; give the unit a record of its own to install it", a.ID, a.Count())
	case Lose, SendRepair, Retire, Dispose:
		if len(s.Holdings) > 0 {
			return true, fail("units of %s are held by %s: they come back first (itrack unassign %s PERSON)", a.ID, s.holdingList(), a.ID)
		}
		return false, nil
	default:
		return false, nil
	}
	s.Since = e.Date
	s.State = InStock
	if s.Stock == 0 {
		s.State = InUse
	}
	return true, nil
}

// holdingList writes who holds units: "alice (1), bob (2)".
func (s *Status) holdingList() string {
	if len(s.Holdings) == 0 {
		return "nobody"
	}
	parts := make([]string, len(s.Holdings))
	for i, h := range s.Holdings {
		parts[i] = fmt.Sprintf("%s (%d)", h.Person, h.Units)
	}
	return strings.Join(parts, ", ")
}

// HolderIDs lists who holds units of a batch.
func (s Status) HolderIDs() []string {
	out := make([]string, len(s.Holdings))
	for i, h := range s.Holdings {
		out[i] = h.Person
	}
	return out
}

// HeldUnits is the units of a batch person holds.
func (s Status) HeldUnits(person string) int { return s.held(person) }
