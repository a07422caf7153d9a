package asset

import (
	"fmt"
	"slices"
	"strings"
)

// State is an asset's lifecycle state on a date, computed from its record
// and events, never stored.
type State string

// States of hardware and components.
const (
	Ordered  State = "ordered"
	InStock  State = "in_stock"
	InUse    State = "in_use"
	InRepair State = "in_repair"
	Lost     State = "lost"
	Retired  State = "retired"
	Disposed State = "disposed"
)

// States of licences, domains, certificates and documents.
const (
	Active    State = "active"
	Expiring  State = "expiring"
	Expired   State = "expired"
	Cancelled State = "cancelled"
)

// TrackedStates and DatedStates list the states of each family of kinds.
var (
	TrackedStates = []State{Ordered, InStock, InUse, InRepair, Lost, Retired, Disposed}
	DatedStates   = []State{Active, Expiring, Expired, Cancelled, Retired}
)

// StatesOf lists the states an asset of kind k can be in.
func StatesOf(k Kind) []State {
	if k.Tracked() {
		return TrackedStates
	}
	return DatedStates
}

// Status is what is true of an asset on a date.
type Status struct {
	State       State
	Holder      string    // the person holding hardware or a component
	Location    string    // where it is
	InstalledIn string    // the hardware a component is inside
	SeatHolders []string  // people or devices holding a licence's seats
	Holdings    []Holding // who holds units of a batch, in the order they were given
	Stock       int       // units of a batch in stock
	Seats       *int      // the licence's seat count, after true-ups
	Price       Money     // the cost per term, after renewals and true-ups that named one
	Renews      Date      // after renewals
	Expires     Date      // after renewals
	LastAudit   Date
	Since       Date // the date of the event that set State
	AsOf        Date // the date the status is for

	cancelled bool
	retired   bool
	before    State  // the state a repair returns to
	heldBy    string // the holder a repair returns to
}

// HistoryError says why an event cannot happen where it is in the history.
type HistoryError struct {
	Rule    string
	Index   int // position of the event in the history
	Event   Event
	State   State // the state the asset was in
	Message string
	Allowed []EventType // the events the state allows
}

func (e *HistoryError) Error() string {
	msg := e.Message
	if len(e.Allowed) > 0 {
		msg += fmt.Sprintf(" (events allowed when %s: %s)", e.State, strings.Join(typeNames(e.Allowed), ", "))
	}
	return msg
}

// StatusAt replays an asset's events up to and including asOf. When an
// event is impossible, the status is the one before it and the error says
// why. window is the renewal window that makes a dated asset "expiring".
//
// Hardware or a component bought after asOf, with no event by then, was not
// in the register yet: its State is "".
func StatusAt(a *Asset, asOf Date, window Duration) (Status, *HistoryError) {
	s := initialStatus(a)
	s.AsOf = asOf
	applied := 0
	for i, e := range a.History {
		if e.Date.After(asOf) {
			break
		}
		if err := s.apply(a, i, e); err != nil {
			s.finish(a, asOf, window)
			return s, err
		}
		applied++
	}
	s.finish(a, asOf, window)
	if a.Kind.Tracked() && applied == 0 && a.Purchase.Date.After(asOf) {
		s.State = ""
	}
	return s, nil
}

// CheckEvent replays the history with e inserted at its place in date
// order (after the events of the same day) and reports the first impossible
// event, which may be e or a later one that e makes impossible. It returns
// the index at which e goes.
func CheckEvent(a *Asset, e Event) (int, *HistoryError) {
	at := Place(a.History, e)
	b := *a
	b.History = slices.Insert(slices.Clone(a.History), at, e)
	_, err := StatusAt(&b, farFuture, Duration{})
	return at, err
}

func initialStatus(a *Asset) Status {
	s := Status{Location: a.Location, Renews: a.Renews, Expires: a.Expires, Seats: a.Seats, Price: a.Cost}
	if a.Kind.Tracked() {
		s.State = InStock
		s.Stock = a.Count()
	} else {
		s.State = Active
	}
	return s
}

// allowed lists the events each state of hardware and components allows.
var allowed = map[State][]EventType{
	Ordered:  {"assigned", "installed", "moved", "audited", "note", "retired"},
	InStock:  {"assigned", "installed", "moved", "repair", "serviced", "audited", "lost", "retired", "disposed", "note"},
	InUse:    {"unassigned", "removed", "moved", "repair", "serviced", "audited", "lost", "note"},
	InRepair: {"repaired", "moved", "serviced", "lost", "retired", "note"},
	Lost:     {"found", "retired", "disposed", "note"},
	Retired:  {"disposed", "moved", "audited", "note"},
	Disposed: {},
}

// datedEvents are the events licences, domains, certificates and documents
// take; assignments only for licences.
var datedEvents = []EventType{"renewed", "cancelled", "retired", "moved", "note"}
var licenceEvents = []EventType{"assigned", "unassigned", "seats"}
var licenceAllowed = append(slices.Clone(licenceEvents), datedEvents...)

// hardwareAllowed is allowed without the component events.
var hardwareAllowed = func() map[State][]EventType {
	out := map[State][]EventType{}
	for st, events := range allowed {
		out[st] = slices.DeleteFunc(slices.Clone(events), func(e EventType) bool { return e == Install || e == Uninstall })
	}
	return out
}()

// Allowed lists the events an asset of kind k in state st can take.
func Allowed(k Kind, st State) []EventType {
	if k == Hardware {
		return hardwareAllowed[st]
	}
	if k == Component {
		return allowed[st]
	}
	if st == Retired {
		return []EventType{Remark}
	}
	if k == Licence {
		return licenceAllowed
	}
	return datedEvents
}

// AllowedNow is Allowed, narrowed by how the asset is in use: an installed
// component is uninstalled, not unassigned, and one in someone's hands the
// other way round.
func (s *Status) AllowedNow(k Kind) []EventType {
	events := Allowed(k, s.State)
	if k != Component || s.State != InUse {
		return events
	}
	drop := Uninstall
	if s.InstalledIn != "" {
		drop = Unassign
	}
	return slices.DeleteFunc(slices.Clone(events), func(e EventType) bool { return e == drop })
}

func (s *Status) apply(a *Asset, i int, e Event) *HistoryError {
	if i > 0 && e.Date.Before(a.History[i-1].Date) {
		return &HistoryError{Rule: "event-order", Index: i, Event: e, State: s.State, Message: fmt.Sprintf("event of %s comes after one of %s: keep the history in date order", e.Date, a.History[i-1].Date)}
	}
	fail := func(format string, args ...any) *HistoryError {
		return &HistoryError{Rule: "impossible-event", Index: i, Event: e, State: s.State, Message: fmt.Sprintf(format, args...)}
	}
	refused := func() *HistoryError {
		err := fail("%s is %s: it cannot be %s", a.ID, s.describe(), cannotBe(e.Type))
		switch {
		case e.Type == Repaired && s.State != InRepair:
			err.Message = fmt.Sprintf("%s is %s, not in repair: only an asset sent for repair (itrack repair) comes back from it", a.ID, s.describe())
		case e.Type == Find && s.State != Lost:
			err.Message = fmt.Sprintf("%s is %s, not lost: only a lost asset can be found", a.ID, s.describe())
		}
		err.Allowed = s.AllowedNow(a.Kind)
		if s.State == Disposed {
			err.Rule = "event-after-disposal"
			err.Message = fmt.Sprintf("%s was disposed of on %s: no event can follow disposal", a.ID, s.Since)
		}
		return err
	}
	if a.Kind.Tracked() {
		s.deliver(a, e.Date)
		if e.Type == "ordered" {
			if i > 0 {
				return fail("ordered must be the first event of the history")
			}
			s.State = Ordered
			s.Since = e.Date
			return nil
		}
		if a.Batch() {
			if done, err := s.applyBatch(a, e, fail); done || err != nil {
				return err
			}
		} else if e.Units != nil {
			return fail("%s is one item, not a batch: units go with a component that has a quantity (itrack set %s quantity=N)", a.ID, a.ID)
		}
		if !slices.Contains(Allowed(a.Kind, s.State), e.Type) {
			if e.Type == "assigned" && s.State == InUse {
				err := fail("%s is already held by %s: unassign it first (two holders at once)", a.ID, s.holderName())
				err.Rule = "two-holders"
				return err
			}
			return refused()
		}
		return s.applyTracked(a, e, fail)
	}
	s.State = s.lifecycleState()
	if !slices.Contains(Allowed(a.Kind, s.State), e.Type) {
		return refused()
	}
	return s.applyDated(a, e, fail)
}

func (s *Status) holderName() string {
	if s.InstalledIn != "" {
		return s.InstalledIn
	}
	return s.Holder
}

// deliver ends the ordered state once the purchase date is reached.
func (s *Status) deliver(a *Asset, on Date) {
	if s.State == Ordered && !a.Purchase.Date.IsZero() && !on.Before(a.Purchase.Date) {
		s.State, s.Since = InStock, a.Purchase.Date
	}
}

func (s *Status) applyTracked(a *Asset, e Event, fail func(string, ...any) *HistoryError) *HistoryError {
	set := func(st State) { s.State, s.Since = st, e.Date }
	switch e.Type {
	case "assigned":
		set(InUse)
		s.Holder = e.To
	case "unassigned":
		if s.InstalledIn != "" {
			return fail("%s is installed in %s: use removed (itrack uninstall), not unassigned", a.ID, s.InstalledIn)
		}
		if e.From != "" && e.From != s.Holder {
			return fail("%s is held by %s, not %s", a.ID, s.Holder, e.From)
		}
		set(InStock)
		s.Holder = ""
	case "installed":
		if a.Kind != Component {
			return fail("only components are installed in hardware; %s is %s", a.ID, a.Kind)
		}
		set(InUse)
		s.InstalledIn = e.In
	case "removed":
		if s.InstalledIn == "" {
			return fail("%s is not installed in anything: it is held by %s (use unassigned)", a.ID, s.Holder)
		}
		if e.In != "" && e.In != s.InstalledIn {
			return fail("%s is installed in %s, not %s", a.ID, s.InstalledIn, e.In)
		}
		set(InStock)
		s.InstalledIn = ""
	case "moved":
		s.Location = e.To
	case "repair":
		s.before, s.heldBy = s.State, s.Holder
		set(InRepair)
	case "repaired":
		set(s.before)
		s.Holder = s.heldBy
	case "audited":
		s.LastAudit = e.Date
		if e.Location != "" {
			s.Location = e.Location
		}
	case "lost":
		s.Holder, s.InstalledIn = "", ""
		set(Lost)
	case "found":
		set(InStock)
	case "retired":
		s.Holder, s.InstalledIn = "", ""
		set(Retired)
	case "disposed":
		s.Holder, s.InstalledIn = "", ""
		set(Disposed)
	}
	return nil
}

// finish settles the state as of a date: delivery of ordered hardware, and
// for dated assets whether they are active, expiring or expired.
func (s *Status) finish(a *Asset, asOf Date, window Duration) {
	if a.Kind.Tracked() {
		s.deliver(a, asOf)
		return
	}
	s.State = s.lifecycleState()
	if s.State == Retired {
		return
	}
	end := s.EndDate(a, asOf)
	switch {
	case end.IsZero():
	case end.Before(asOf):
		s.State = Expired
	case s.State == Active && window.AddTo(asOf).After(end):
		s.State = Expiring
	}
}

// Words says a state in a sentence: "on order", "disposed of".
func (st State) Words() string {
	switch st {
	case Ordered:
		return "on order"
	case InStock:
		return "in stock"
	case InUse:
		return "in use"
	case InRepair:
		return "in repair"
	case Disposed:
		return "disposed of"
	}
	return string(st)
}

// OutOfService reports whether hardware in this state has left service:
// retired, disposed of or lost. It takes no component or device seat,
// and should no longer reach the organisation's systems.
func (st State) OutOfService() bool { return st == Retired || st == Disposed || st == Lost }

// describe says what state the asset is in, in words.
func (s *Status) describe() string {
	d := s.State.Words()
	if s.State == InUse {
		d = "in use by " + s.holderName()
		if s.InstalledIn != "" {
			d = "installed in " + s.InstalledIn
		}
	}
	if !s.Since.IsZero() {
		d += " since " + s.Since.String()
	}
	return d
}

func listOrNone(items []string) string {
	if len(items) == 0 {
		return "nobody"
	}
	return strings.Join(items, ", ")
}

// Accepts reports whether asset a, as it is on day on, can take an event
// of type t.
func Accepts(a *Asset, t EventType, on Date, window Duration) bool {
	st, _ := StatusAt(a, on, window)
	return st.State != "" && slices.Contains(st.AllowedNow(a.Kind), t)
}

// KindsTaking lists the kinds that can take an event in some state (every
// kind for "").
func KindsTaking(event EventType) []Kind {
	if event == "" {
		return Kinds
	}
	var out []Kind
	for _, k := range Kinds {
		for _, st := range StatesOf(k) {
			if slices.Contains(Allowed(k, st), event) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}
