package view

import (
	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/seats"
)

// Person is a person in machine output.
type Person struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	File       string    `json:"file"`
	Email      string    `json:"email,omitempty"`
	Department string    `json:"department,omitempty"`
	Manager    string    `json:"manager,omitempty"`
	Location   string    `json:"location,omitempty"`
	Starts     string    `json:"starts,omitempty"`
	Leaves     string    `json:"leaves,omitempty"`
	Leaver     bool      `json:"leaver"`
	Notes      string    `json:"notes,omitempty"`
	HoldsCount int       `json:"holds_count"`
	Holds      []Holding `json:"holds,omitempty"`
}

// Holding is one thing a person holds.
type Holding struct {
	ID    string     `json:"id"`
	Kind  asset.Kind `json:"kind"`
	Name  string     `json:"name"`
	File  string     `json:"file"`
	What  string     `json:"what"` // "hardware", "seat"
	Value *Amount    `json:"value"`
}

// PersonOf shapes a person for machine output.
func PersonOf(p *asset.Person, asOf asset.Date, holds int) Person {
	return Person{ID: p.ID, Name: p.Name, File: p.File, Email: p.Email, Department: p.Department,
		Manager: p.Manager, Location: p.Location, Starts: p.Starts.String(), Leaves: p.Leaves.String(),
		Leaver: p.LeftBy(asOf), Notes: p.Notes, HoldsCount: holds}
}

// Lines lists a person's values as `itrack person show` prints them.
func (p Person) Lines() []Line {
	var ls []Line
	add := func(label, value string) {
		if value != "" {
			ls = append(ls, Line{label, value})
		}
	}
	add("file", p.File)
	add("email", p.Email)
	add("department", p.Department)
	add("manager", p.Manager)
	add("location", p.Location)
	add("starts", p.Starts)
	leaves := p.Leaves
	if p.Leaver {
		leaves += " (has left)"
	}
	add("leaves", leaves)
	add("notes", p.Notes)
	return ls
}

// HoldingsOf describes what a person holds, with a value for each: the
// book value of hardware and components (bookValue), the cost of one seat
// per term for a licence, at its seat count on the statuses' day.
func HoldingsOf(items []*asset.Asset, statuses map[string]asset.Status, currency string, bookValue func(*asset.Asset) *Amount) []Holding {
	out := make([]Holding, 0, len(items))
	for _, a := range items {
		h := Holding{ID: a.ID, Kind: a.Kind, Name: a.Name, File: a.File, What: string(a.Kind)}
		switch {
		case a.Kind == asset.Licence:
			h.What = "seat"
			if per, ok := seats.PerSeat(a, statuses[a.ID], currency); ok {
				h.Value = AmountOf(per, currency)
			}
		default:
			h.Value = bookValue(a)
		}
		out = append(out, h)
	}
	return out
}
