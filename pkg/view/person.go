package view

import (
	"fmt"
	"io"

	"github.com/shopspring/decimal"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/seats"
)

// Person is a person in machine output.
type Person struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	File       string `json:"file"`
	Email      string `json:"email,omitempty"`
	Department string `json:"department,omitempty"`
	Manager    string `json:"manager,omitempty"`
	Location   string `json:"location,omitempty"`
	Starts     string `json:"starts,omitempty"`
	Leaves     string `json:"leaves,omitempty"`
	Leaver     bool   `json:"leaver"`
	Notes      string `json:"notes,omitempty"`
	// Fields are the person's custom fields, by name.
	Fields     map[string]string `json:"fields,omitempty"`
	HoldsCount int               `json:"holds_count"`
	Holds      []Holding         `json:"holds,omitempty"`
}

// Holding is one thing a person holds.
type Holding struct {
	ID    string     `json:"id"`
	Kind  asset.Kind `json:"kind"`
	Name  string     `json:"name"`
	File  string     `json:"file"`
	What  string     `json:"what"`            // "hardware", "seat", "2 units"
	Units int        `json:"units,omitempty"` // of a batch
	Value *Amount    `json:"value"`
}

// PersonOf shapes a person for machine output.
func PersonOf(p *asset.Person, asOf asset.Date, holds int) Person {
	return Person{ID: p.ID, Name: p.Name, File: p.File, Email: p.Email, Department: p.Department,
		Manager: p.Manager, Location: p.Location, Starts: p.Starts.String(), Leaves: p.Leaves.String(),
		Leaver: p.LeftBy(asOf), Notes: p.Notes, Fields: fieldsOf(p.Fields), HoldsCount: holds}
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
	for _, k := range fieldNames(p.Fields) {
		add(k, p.Fields[k])
	}
	add("notes", p.Notes)
	return ls
}

// HoldingsOf describes what person holds, with a value for each: the
// book value of hardware and components (bookValue; of a batch, their
// units' share), the cost of one seat per term for a licence, at its seat
// count on the statuses' day.
func HoldingsOf(person string, items []*asset.Asset, statuses map[string]asset.Status, currency string, bookValue func(*asset.Asset) *Amount) []Holding {
	out := make([]Holding, 0, len(items))
	for _, a := range items {
		h := Holding{ID: a.ID, Kind: a.Kind, Name: a.Name, File: a.File, What: string(a.Kind)}
		switch {
		case a.Kind == asset.Licence:
			h.What = "seat"
			if per, ok := seats.PerSeat(a, statuses[a.ID], currency); ok {
				h.Value = AmountOf(per, currency)
			}
		case a.Batch():
			units := statuses[a.ID].HeldUnits(person)
			h.What, h.Units = Plural(units, "unit"), units
			h.Value = share(bookValue(a), units, a.Count())
		default:
			h.Value = bookValue(a)
		}
		out = append(out, h)
	}
	return out
}

// share is n of count units of a value, rounded to the currency's minor
// units.
func share(v *Amount, n, count int) *Amount {
	if v == nil {
		return nil
	}
	total, err := decimal.NewFromString(v.Amount)
	if err != nil {
		return v
	}
	part := total.Mul(decimal.NewFromInt(int64(n))).DivRound(decimal.NewFromInt(int64(count)), asset.MinorUnits(v.Currency))
	return &Amount{Amount: part.StringFixed(asset.MinorUnits(v.Currency)), Currency: v.Currency}
}

// PeopleOf shapes people for machine output, with how many assets each
// holds.
func PeopleOf(people []*asset.Person, assets []*asset.Asset, statuses map[string]asset.Status, asOf asset.Date) []Person {
	held := seats.Holdings(assets, statuses)
	out := make([]Person, len(people))
	for i, p := range people {
		out[i] = PersonOf(p, asOf, len(held[p.ID]))
	}
	return out
}

// PeopleTable is person list's table.
func PeopleTable(people []*asset.Person, assets []*asset.Asset, statuses map[string]asset.Status) render.Table {
	held := seats.Holdings(assets, statuses)
	// every custom field any person has is a column, after the others
	all := map[string]string{}
	for _, p := range people {
		for _, f := range p.Fields {
			all[f.Key] = ""
		}
	}
	names := fieldNames(all)
	t := render.Table{Header: append([]string{"id", "name", "department", "email", "leaves", "holds"}, names...)}
	for _, p := range people {
		row := []string{p.ID, p.Name, p.Department, p.Email, p.Leaves.String(), fmt.Sprint(len(held[p.ID]))}
		fields := fieldsOf(p.Fields)
		for _, k := range names {
			row = append(row, fields[k])
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// HoldingsTable lists what a person holds.
func HoldingsTable(held []Holding) render.Table {
	t := render.Table{Header: []string{"id", "kind", "name", "what", "value"}}
	for _, h := range held {
		t.Rows = append(t.Rows, []string{h.ID, string(h.Kind), h.Name, h.What, h.Value.String()})
	}
	return t
}

// WriteText writes a person and what they hold on asOf, for a terminal.
func (v Person) WriteText(out io.Writer, st *render.Styles, held []Holding, asOf asset.Date) error {
	fmt.Fprintf(out, "%s  %s\n", st.Bold().Render(safe.Text(v.ID)), safe.Text(v.Name))
	for _, l := range v.Lines() {
		fmt.Fprintf(out, "  %-11s %s\n", l.Label+":", safe.Text(l.Value))
	}
	if len(held) == 0 {
		fmt.Fprintf(out, "\nHolds nothing on %s.\n", asOf)
		return nil
	}
	fmt.Fprintf(out, "\n%s\n", st.Bold().Render(fmt.Sprintf("Holds on %s", asOf)))
	return render.WriteTable(out, HoldingsTable(held), st)
}
