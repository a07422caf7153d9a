package asset

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Planning an event: every rule that decides whether an event may be
// recorded on an asset, and what else must be recorded with it, lives here.
// The commands, offboarding and import all ask Plan.

// PlanOptions are what a command lets the planner do.
type PlanOptions struct {
	// Force lets an assignment take a licence seat beyond the seat count.
	Force bool
	// Reassign returns an asset from its holder before giving it to
	// another: the plan then starts with an unassigned event.
	Reassign bool
	// Extend, for a renewal without an until date, extends the current end
	// date by this much.
	Extend Duration
	// SkipHeld makes an assignment to whoever holds the asset at the end of
	// its history nothing to do, as a re-import needs.
	SkipHeld bool
	// Window is the register's renewal window.
	Window Duration
	// Currency is the register's currency, for amounts that name none.
	Currency string
	// Holder is the person an assignment gives the asset to, when the
	// register keeps people: their first and last days are checked.
	Holder *Person
	// Host is the hardware a component is installed in, or a device
	// licence's seat goes to: it must be in service.
	Host *Asset
}

// Planned is what recording an event comes to.
type Planned struct {
	Events []Event // to insert, each at its place in date order
	// Unchanged, when set, says why there is nothing to record.
	Unchanged string
	// Warnings are said but do not stop the event.
	Warnings []string
	// Notes tell what the event means, besides recording it.
	Notes []string
}

// Refusal says why an event cannot be recorded: the rule, in words.
type Refusal struct {
	Rule    string
	Message string
	// Reason is the rule's words alone, without which event it is about;
	// the same as Message but when the event makes a later one impossible.
	Reason string
	// Allowed are the events the asset's state allows instead, when the
	// state is what refuses it.
	Allowed []EventType
}

func (r *Refusal) Error() string { return r.Message }

// RuleName names the rule that refused.
func (r *Refusal) RuleName() string { return r.Rule }

// WithAllowed is the message with the commands allowed instead.
func (r *Refusal) WithAllowed() string {
	if cmds := CommandsFor(r.Allowed); len(cmds) > 0 {
		return r.Message + "; allowed now: " + strings.Join(cmds, ", ")
	}
	return r.Message
}

// PlanRules are the rules by which Plan refuses an event besides the
// lifecycle's own (impossible-event, two-holders, event-order,
// event-after-disposal), each with what it means.
var PlanRules = map[string]string{
	"already-held":        "the asset is held by the person it would be assigned to",
	"bad-event":           "the event lacks a key its type needs",
	"held-by-other":       "the asset is held by someone else: it must be returned first (--reassign)",
	"holder-left":         "the person an asset would be assigned to has left by then (--force allows it)",
	"host-out-of-service": "the hardware a component or a device seat would go to is retired, disposed of or lost",
	"installed":           "the component is installed in hardware: it must be uninstalled first",
	"not-a-licence":       "a seat count is given to something other than a licence",
	"nothing-to-extend":   "a renewal --for a period, of an asset with no end date to extend",
	"seat-holder-needed":  "a licence seat is freed without saying whose, and several people hold one",
	"seats-full":          "the assignment would use more seats than the licence has (--force allows it)",
}

func refusal(rule, format string, args ...any) *Refusal {
	msg := fmt.Sprintf(format, args...)
	return &Refusal{Rule: rule, Message: msg, Reason: msg}
}

// Plan decides how event e is recorded on asset a: the events to insert (a
// reassignment returns the asset first), or a refusal naming the rule.
// Values the event leaves out are filled from the asset where the rules
// say how: whose seat an unassignment frees, the end date a renewal
// extends.
func Plan(a *Asset, e Event, opts PlanOptions) (Planned, *Refusal) {
	st, _ := StatusAt(a, e.Date, opts.Window)
	var p Planned
	var before []Event
	switch e.Type {
	case Assign:
		if opts.SkipHeld {
			if end, _ := StatusAt(a, farFuture, Duration{}); end.HeldBy(e.To) {
				return Planned{Unchanged: fmt.Sprintf("%s is held by %s already", a.ID, e.To)}, nil
			}
		}
		var r *Refusal
		if before, r = planAssign(a, e, st, opts); r != nil {
			return Planned{}, r
		}
		if h := opts.Holder; h != nil {
			switch {
			case h.LeftBy(e.Date) && !opts.Force:
				return Planned{}, refusal("holder-left", "%s left on %s: give %s to someone still here, or pass --force to record it anyway", h.ID, h.Leaves, a.ID)
			case !h.Starts.IsZero() && e.Date.Before(h.Starts):
				p.Notes = append(p.Notes, fmt.Sprintf("%s starts on %s: %s is ready for their first day", h.ID, h.Starts, a.ID))
			}
		}
	case Unassign:
		switch {
		case a.Batch():
			if r := planBatchReturn(a, &e, st); r != nil {
				return Planned{}, r
			}
		case e.From != "":
		case a.Kind == Licence && len(st.SeatHolders) > 1:
			return Planned{}, refusal("seat-holder-needed", "say whose seat to free: itrack unassign %s PERSON (seats are held by %s)", a.ID, strings.Join(st.SeatHolders, ", "))
		case a.Kind == Licence && len(st.SeatHolders) == 1:
			e.From = st.SeatHolders[0] // the record says whose seat was freed
		case a.Kind.Tracked() && st.Holder != "" && st.InstalledIn == "":
			e.From = st.Holder // the record says who gave it back
		}
	case Renew:
		if e.Until.IsZero() && opts.Extend.N != 0 {
			if a.Kind.Tracked() {
				e.Until = opts.Extend.AddTo(e.Date) // the lifecycle refuses it below
				break
			}
			end := st.EndDate(a, e.Date)
			if end.IsZero() {
				return Planned{}, refusal("nothing-to-extend", "%s has no renewal or expiry date to extend: give --until DATE", a.ID)
			}
			e.Until = opts.Extend.AddTo(end)
		}
		if !e.Cost.IsZero() && !sameMoney(e.Cost, st.Price, opts.Currency) {
			p.Notes = append(p.Notes, priceNote(a, e, st.Price, opts.Currency))
		}
	case TrueUp:
		if a.Kind != Licence {
			return Planned{}, refusal("not-a-licence", "%s is not a licence (it is %s): seat counts are for licences", a.ID, a.Kind)
		}
		if e.Seats != nil {
			if st.Seats != nil && *st.Seats == *e.Seats {
				return Planned{Unchanged: fmt.Sprintf("%s already has %s on %s", a.ID, plural(*e.Seats, "seat"), e.Date)}, nil
			}
			if used := len(st.SeatHolders); used > *e.Seats {
				p.Warnings = append(p.Warnings, fmt.Sprintf("%d seats of %s are in use: it is now over its seats (itrack unassign %s PERSON frees one)", used, a.ID, a.ID))
			}
			switch {
			case !e.Cost.IsZero():
				p.Notes = append(p.Notes, priceNote(a, e, st.Price, opts.Currency))
			case !st.Price.IsZero() && st.Seats != nil && *st.Seats > 0:
				// the price per seat stays: the cost grows or shrinks with
				// the seats, and the event records it
				e.Cost = scalePrice(st.Price, *e.Seats, *st.Seats, opts.Currency)
				per := scalePrice(st.Price, 1, *st.Seats, opts.Currency)
				p.Notes = append(p.Notes, fmt.Sprintf("the price per seat stays %s: from %s, %s costs %s%s (give --cost for another total)",
					per.In(opts.Currency), e.Date, a.ID, e.Cost.In(opts.Currency), perTerm(a)))
			}
		}
	}
	if opts.Host != nil && hostOf(a, e) != "" {
		if msg := hostProblem(opts.Host, e.Date); msg != "" {
			return Planned{}, refusal("host-out-of-service", "%s", msg)
		}
	}
	if err := e.Check(); err != nil {
		return Planned{}, refusal("bad-event", "%v", err)
	}
	b := *a
	for _, x := range append(before, e) {
		at, herr := CheckEvent(&b, x)
		if herr != nil && herr.Index != at {
			r := refusal(herr.Rule, "%s on %s would make a later event impossible: on %s, %s", x.Type, x.Date, herr.Event.Date, herr.Message)
			r.Reason = herr.Message
			return Planned{}, r
		}
		if herr != nil {
			return Planned{}, &Refusal{Rule: herr.Rule, Message: herr.Message, Reason: herr.Message, Allowed: herr.Allowed}
		}
		b.History = slices.Insert(slices.Clone(b.History), at, x)
		p.Events = append(p.Events, x)
	}
	return p, nil
}

// scalePrice is price × n / of, rounded to the minor units of its currency
// (currency when it names none), and written with them.
func scalePrice(price Money, n, of int, currency string) Money {
	places := MinorUnits(price.In(currency).Currency)
	amount := price.Amount.Mul(decimal.NewFromInt(int64(n))).DivRound(decimal.NewFromInt(int64(of)), places)
	m := NewMoney(amount, price.Currency)
	m.text = amount.StringFixed(places)
	return m
}

// sameMoney reports whether two amounts are equal in the same currency.
func sameMoney(a, b Money, currency string) bool {
	a, b = a.In(currency), b.In(currency)
	return a.IsZero() == b.IsZero() && a.Currency == b.Currency && a.Amount.Equal(b.Amount)
}

// priceNote says that an event changes the price from its date on.
func priceNote(a *Asset, e Event, was Money, currency string) string {
	msg := fmt.Sprintf("from %s, %s costs %s%s", e.Date, a.ID, e.Cost.In(currency), perTerm(a))
	if !was.IsZero() {
		msg += fmt.Sprintf(" (was %s); the forecast and run-rate use it from then on", was.In(currency))
	}
	return msg
}

func perTerm(a *Asset) string {
	if a.Term.IsZero() {
		return ""
	}
	return " per " + a.Term.String()
}

// planAssign checks an assignment against the seats and the holder, and
// returns the events that must come before it.
func planAssign(a *Asset, e Event, st Status, opts PlanOptions) ([]Event, *Refusal) {
	if a.Kind == Licence && !opts.Force {
		if day, used, seats, over := seatsOverFrom(a, e, opts.Window); over && day == e.Date {
			return nil, refusal("seats-full", "%s has %s and all are taken on %s (%s): buy more and record them (itrack true-up %s %d), or pass --force",
				a.ID, plural(seats, "seat"), day, listOrNone(st.SeatHolders), a.ID, used)
		} else if over {
			return nil, refusal("seats-full", "%s has %s: with this seat, %d would be in use on %s: buy more and record them (itrack true-up %s %d), or pass --force",
				a.ID, plural(seats, "seat"), used, day, a.ID, used)
		}
	}
	if !a.Kind.Tracked() || st.State != InUse || a.Batch() {
		return nil, nil
	}
	switch {
	case st.InstalledIn != "":
		return nil, refusal("installed", "%s is installed in %s: uninstall it first (itrack uninstall %s)", a.ID, st.InstalledIn, a.ID)
	case st.Holder == e.To:
		return nil, refusal("already-held", "%s is already held by %s", a.ID, e.To)
	case opts.Reassign:
		return []Event{{Date: e.Date, Type: Unassign, From: st.Holder}}, nil
	case st.Holder != "":
		return nil, refusal("held-by-other", "%s is held by %s: pass --reassign to return it from %s and give it to %s, or unassign it first", a.ID, st.Holder, st.Holder, e.To)
	}
	return nil, nil
}

// seatsOverFrom replays a licence with a new assignment and reports the
// first day from the assignment on when more seats are used than bought.
func seatsOverFrom(a *Asset, e Event, window Duration) (Date, int, int, bool) {
	at, _ := CheckEvent(a, e)
	b := *a
	b.History = slices.Insert(slices.Clone(a.History), at, e)
	for _, x := range b.History[at:] {
		st, _ := StatusAt(&b, x.Date, window)
		if st.OverSeats(a) {
			return x.Date, len(st.SeatHolders), *st.Seats, true
		}
	}
	return Date{}, 0, 0, false
}

// hostOf is the hardware an event puts a component in, or gives a device
// licence's seat to ("" for none).
func hostOf(a *Asset, e Event) string {
	switch {
	case e.Type == Install:
		return e.In
	case e.Type == Assign && a.Kind == Licence && a.Metric == "device":
		return e.To
	}
	return ""
}

// hostProblem says why hardware cannot take a component or a device seat
// on day on: it is retired, disposed of or lost then ("" when it can).
func hostProblem(host *Asset, on Date) string {
	if st, _ := StatusAt(host, on, Duration{}); st.State.OutOfService() {
		return fmt.Sprintf("on %s, %s is %s: components go in, and device seats go to, hardware in service only", on, host.ID, st.describe())
	}
	return ""
}

// Place is the index at which event e goes in a history: after the events
// of its day and before those of later days.
func Place(history []Event, e Event) int {
	for i, x := range history {
		if x.Date.After(e.Date) {
			return i
		}
	}
	return len(history)
}

// Reaching a state: an import's status column says where hardware is in
// its life, and the register says it with events.

// EndStatus is the asset's status once its whole history is replayed.
func EndStatus(a *Asset) Status {
	st, _ := StatusAt(a, farFuture, Duration{})
	return st
}

// EventsTo returns the events that bring hardware or a component from its
// state at the end of its history to state target on day on (none when it
// is there already), each planned as a command's would be. An asset in use
// is returned (or uninstalled) before it is retired; one in repair comes
// back before it is retired. in_stock and in_use take no events: who holds
// an asset is for assignments to say. ordered is only for an asset with no
// history yet and no purchase date on or before on.
func EventsTo(a *Asset, target State, on Date, note string) ([]Event, *Refusal) {
	st := EndStatus(a)
	if st.State == target {
		return nil, nil
	}
	var want []Event
	switch target {
	case InStock, InUse:
		return nil, nil
	case Ordered:
		if len(a.History) > 0 || (!a.Purchase.Date.IsZero() && !a.Purchase.Date.After(on)) {
			return nil, nil // delivered: in stock, or held as assignments say
		}
		want = []Event{{Type: Order}}
	case InRepair:
		want = []Event{{Type: SendRepair}}
	case Lost:
		want = []Event{{Type: Lose}}
	case Retired:
		switch {
		case st.InstalledIn != "":
			want = []Event{{Type: Uninstall, In: st.InstalledIn}}
		case st.State == InUse:
			want = []Event{{Type: Unassign, From: st.Holder}}
		case st.State == InRepair:
			want = []Event{{Type: Repaired}}
		}
		want = append(want, Event{Type: Retire})
	default:
		return nil, refusal("impossible-event", "%s cannot be brought to %s by an import", a.ID, target)
	}
	b := *a
	b.History = slices.Clone(a.History)
	var out []Event
	for _, e := range want {
		e.Date, e.Note = on, note
		if _, err := CheckEvent(&b, e); err != nil {
			return nil, refusal(cmp.Or(err.Rule, "impossible-event"), "%s", err.Message)
		}
		b.History = slices.Insert(b.History, Place(b.History, e), e)
		out = append(out, e)
	}
	return out, nil
}

// LastEvent is the latest event of a history, by date (false when it has
// none).
func LastEvent(a *Asset) (Event, bool) {
	var last Event
	for _, e := range a.History {
		if last.Type == "" || !e.Date.Before(last.Date) {
			last = e
		}
	}
	return last, last.Type != ""
}

// planBatchReturn says whose units of a batch come back, and how many:
// the only holder's, and all they hold, unless the event says.
func planBatchReturn(a *Asset, e *Event, st Status) *Refusal {
	switch {
	case e.From == "" && len(st.Holdings) > 1:
		return refusal("seat-holder-needed", "say whose units come back: itrack unassign %s PERSON (units are held by %s)", a.ID, st.holdingList())
	case e.From == "" && len(st.Holdings) == 1:
		e.From = st.Holdings[0].Person
	}
	if held := st.held(e.From); e.Units == nil && held > 0 {
		e.Units = &held // the record says how many came back
	}
	return nil
}
