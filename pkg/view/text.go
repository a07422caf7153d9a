package view

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
)

// Line is one label and value of a record shown as text.
type Line struct {
	Label, Value string
}

// Lines lists an asset's values as `itrack show` prints them, in file
// order, skipping what is unset. History is shown apart.
func (v Asset) Lines() []Line {
	var ls []Line
	add := func(label, value string) {
		if value != "" {
			ls = append(ls, Line{label, value})
		}
	}
	add("kind", string(v.Kind))
	add("file", v.File)
	add("description", v.Description)
	add("category", v.Category)
	add("manufacturer", v.Manufacturer)
	add("model", v.Model)
	add("serial", v.Serial)
	add("vendor", v.Vendor)
	add("owner", v.Owner)
	switch {
	case v.State != "":
		add("state", string(v.State))
	case v.Purchase != nil && v.Purchase.Date != "":
		add("state", "not bought yet (bought "+v.Purchase.Date+")")
	}
	add("holder", v.Holder)
	add("installed in", v.InstalledIn)
	parts := make([]string, len(v.Installed))
	for i, p := range v.Installed {
		parts[i] = p.ID + " (" + p.Name + ")"
	}
	add("installed", strings.Join(parts, ", "))
	add("location", v.Location)
	add("seat holders", strings.Join(v.SeatHolders, ", "))
	if v.Quantity != nil {
		held := make([]string, len(v.Holdings))
		for i, h := range v.Holdings {
			held[i] = fmt.Sprintf("%s %d", h.Person, h.Units)
		}
		add("quantity", join(Plural(*v.Quantity, "unit"), fmt.Sprintf("%d in stock", *v.InStock), prefixed("held by ", strings.Join(held, ", "))))
	}
	add("tags", strings.Join(v.Tags, ", "))
	if p := v.Purchase; p != nil {
		cost := p.Cost.String()
		if p.Total != nil && cost != "" {
			cost += " each, " + p.Total.String() + " in all"
		}
		add("purchased", join(p.Date, cost, prefixed("from ", p.Supplier), prefixed("order ", p.Order), prefixed("invoice ", p.Invoice)))
	}
	add("book value", v.BookValue.String())
	if d := v.Depreciation; d != nil {
		add("depreciation", join(d.Method, prefixed("life ", d.Life), prefixed("salvage ", d.Salvage.String()), prefixed("rate ", d.Rate)))
	}
	if w := v.Warranty; w != nil {
		add("warranty", join(prefixed("until ", w.Expires), w.Provider))
	}
	add("end of life", v.EndOfLife)
	add("os", v.OS)
	add("support ends", v.SupportEnds)
	add("metric", v.Metric)
	if v.Seats != nil {
		add("seats", fmt.Sprint(*v.Seats))
	}
	add("cost", join(v.Cost.String(), prefixed("per ", v.Term)))
	add("renews", v.Renews)
	if v.NextRenewal != v.Renews {
		add("next renewal", v.NextRenewal)
	}
	add("expires", v.Expires)
	if v.AutoRenew != nil {
		add("auto renew", yesNo(*v.AutoRenew))
	}
	add("notice", v.Notice)
	add("version", v.Version)
	add("registrar", v.Registrar)
	add("subject", v.Subject)
	add("sans", strings.Join(v.SANs, ", "))
	add("issuer", v.Issuer)
	add("not before", v.NotBefore)
	add("fingerprint", v.Fingerprint)
	add("counterparty", v.Counterparty)
	add("starts", v.Starts)
	for _, k := range fieldNames(v.Fields) {
		add(k, v.Fields[k])
	}
	add("notes", v.Notes)
	return ls
}

// String writes an amount as 1249.00 GBP, or "" for none.
func (a *Amount) String() string {
	if a == nil {
		return ""
	}
	return a.Amount + " " + a.Currency
}

// Describe lists what an event says besides its date and type, in the
// words of asset.Event.Details: "to alice, cost 210.00 GBP".
func (e Event) Describe() string { return e.details }

// What is the event's type, and "(scheduled)" when it is still to come.
func (e Event) What() string {
	if e.Scheduled {
		return e.Event + " (scheduled)"
	}
	return e.Event
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// Capitalise writes s with its first letter upper case.
func Capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Plural writes a count and its noun: "1 seat", "3 seats".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// ListTable is list's table: an asset a row, a licence's seat use where
// other assets show a holder, the state coloured on a terminal.
func ListTable(assets []*asset.Asset, statuses map[string]asset.Status, st *render.Styles) render.Table {
	t := render.Table{Header: []string{"id", "kind", "name", "state", "holder", "owner", "location"}, Style: StateStyle(st, 3)}
	for _, a := range assets {
		s := statuses[a.ID]
		holder := s.Holder
		switch {
		case a.Kind == asset.Licence:
			holder = seatsCell(s)
		case a.Batch():
			holder = fmt.Sprintf("%d/%d units held", a.Count()-s.Stock, a.Count())
		}
		t.Rows = append(t.Rows, []string{a.ID, string(a.Kind), a.Name, string(s.State), holder, a.Owner, s.Location})
	}
	return t
}

// seatsCell shows a licence's seat use where other assets show a holder.
func seatsCell(st asset.Status) string {
	if st.Seats == nil {
		return fmt.Sprintf("%d seats used", len(st.SeatHolders))
	}
	return fmt.Sprintf("%d/%d seats", len(st.SeatHolders), *st.Seats)
}

// StateStyle colours a table's state column on a terminal: red for what
// needs action, yellow for what will soon, dim for what is gone.
func StateStyle(st *render.Styles, col int) func(int, int, string) lipgloss.Style {
	return func(_, c int, cell string) lipgloss.Style {
		if c != col {
			return st.Plain()
		}
		switch asset.State(cell) {
		case asset.Expired, asset.Lost:
			return st.Colour("1")
		case asset.Expiring, asset.InRepair, asset.Ordered:
			return st.Colour("3")
		case asset.Retired, asset.Disposed, asset.Cancelled:
			return st.Faint()
		}
		return st.Plain()
	}
}

// WriteText writes a record and its history for a terminal.
func (v Asset) WriteText(w io.Writer, st *render.Styles) error {
	fmt.Fprintf(w, "%s  %s\n", st.Bold().Render(safe.Text(v.ID)), safe.Text(v.Name))
	lines := v.Lines()
	width := 0
	for _, l := range lines {
		width = max(width, len(l.Label))
	}
	for _, l := range lines {
		value := strings.ReplaceAll(strings.TrimRight(safe.Text(l.Value), "\n"), "\n", "\n"+strings.Repeat(" ", width+5))
		fmt.Fprintf(w, "  %-*s  %s\n", width+1, l.Label+":", value)
	}
	if len(v.History) > 0 {
		fmt.Fprintf(w, "\n%s\n", st.Bold().Render("History"))
		t := render.Table{Header: []string{"date", "event", "details"}}
		for _, e := range v.History {
			t.Rows = append(t.Rows, []string{e.Date, e.What(), e.Describe()})
		}
		return render.WriteTable(w, t, st)
	}
	return nil
}
