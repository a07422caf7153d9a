package asset

import (
	"slices"
	"strings"
	"testing"
)

func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func ev(date string, typ EventType, kv ...string) Event {
	e := Event{Date: day(date), Type: typ}
	for i := 0; i+1 < len(kv); i += 2 {
		switch kv[i] {
		case "to":
			e.To = kv[i+1]
		case "from":
			e.From = kv[i+1]
		case "in":
			e.In = kv[i+1]
		case "until":
			e.Until = day(kv[i+1])
		}
	}
	return e
}

func TestStatusAt(t *testing.T) {
	laptop := &Asset{ID: "LT-1", Kind: Hardware, Location: "London", Purchase: Purchase{Date: day("2025-01-10")}, History: []Event{
		ev("2025-01-05", "ordered"),
		ev("2025-01-12", "assigned", "to", "alice"),
		ev("2025-06-01", "repair"),
		ev("2025-06-10", "repaired"),
		ev("2025-09-01", "moved", "to", "Leeds"),
		ev("2026-01-01", "unassigned"),
		ev("2026-02-01", "retired"),
		ev("2026-03-01", "disposed"),
	}}
	licence := &Asset{ID: "figma", Kind: Licence, Seats: ptr(2), Renews: day("2026-03-01"), Term: Duration{1, 'y'}, AutoRenew: true, History: []Event{
		ev("2025-01-01", "assigned", "to", "alice"),
		ev("2025-02-01", "assigned", "to", "bob"),
		ev("2025-03-01", "unassigned", "from", "alice"),
		ev("2025-04-01", "cancelled"),
	}}
	domain := &Asset{ID: "example.com", Kind: Domain, Expires: day("2026-05-01"), History: []Event{
		ev("2026-04-20", "renewed", "until", "2027-05-01"),
	}}
	window := Duration{90, 'd'}
	tests := []struct {
		name   string
		a      *Asset
		asOf   string
		state  State
		holder string
		where  string
	}{
		{"ordered before delivery", laptop, "2025-01-08", Ordered, "", "London"},
		{"delivered on the purchase date", laptop, "2025-01-10", InStock, "", "London"},
		{"assigned", laptop, "2025-03-01", InUse, "alice", "London"},
		{"in repair, still assigned to its holder", laptop, "2025-06-05", InRepair, "alice", "London"},
		{"back from repair to its holder", laptop, "2025-06-10", InUse, "alice", "London"},
		{"moved", laptop, "2025-12-01", InUse, "alice", "Leeds"},
		{"returned", laptop, "2026-01-15", InStock, "", "Leeds"},
		{"retired", laptop, "2026-02-15", Retired, "", "Leeds"},
		{"disposed", laptop, "2026-04-01", Disposed, "", "Leeds"},
		{"licence active", licence, "2025-02-15", Active, "", ""},
		{"cancelled licence", licence, "2025-12-01", Cancelled, "", ""},
		{"cancelled licence does not roll forward", licence, "2026-04-01", Expired, "", ""},
		{"domain expiring inside the window", domain, "2026-03-01", Expiring, "", ""},
		{"domain renewed", domain, "2026-04-21", Active, "", ""},
		{"domain expired after the renewal", domain, "2027-05-02", Expired, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := StatusAt(tt.a, day(tt.asOf), window)
			if err != nil {
				t.Fatalf("unexpected history error: %v", err)
			}
			if st.State != tt.state || st.Holder != tt.holder || st.Location != tt.where {
				t.Errorf("as of %s: got %s/%q/%q, want %s/%q/%q", tt.asOf, st.State, st.Holder, st.Location, tt.state, tt.holder, tt.where)
			}
		})
	}
	st, _ := StatusAt(licence, day("2025-03-15"), window)
	if strings.Join(st.SeatHolders, ",") != "bob" {
		t.Errorf("seat holders = %v, want [bob]", st.SeatHolders)
	}
}

func TestAutoRenewRollsForward(t *testing.T) {
	a := &Asset{ID: "m365", Kind: Licence, Renews: day("2025-03-01"), Term: Duration{1, 'y'}, AutoRenew: true}
	st, _ := StatusAt(a, day("2026-11-29"), Duration{90, 'd'})
	if got := st.EndDate(a, day("2026-11-29")); got != day("2027-03-01") {
		t.Errorf("end date = %s, want 2027-03-01", got)
	}
	if st.State != Active {
		t.Errorf("state = %s, want active (2027-03-01 is more than 90 days away)", st.State)
	}
	a.AutoRenew = false
	st, _ = StatusAt(a, day("2026-11-29"), Duration{90, 'd'})
	if st.State != Expired {
		t.Errorf("without auto_renew, state = %s, want expired", st.State)
	}
}

func TestImpossibleHistories(t *testing.T) {
	tests := []struct {
		name   string
		a      *Asset
		rule   string
		index  int
		inText string
	}{
		{"two holders at once", &Asset{ID: "LT-1", Kind: Hardware, History: []Event{
			ev("2025-01-01", "assigned", "to", "alice"), ev("2025-02-01", "assigned", "to", "bob")}},
			"two-holders", 1, "already held by alice"},
		{"events out of order", &Asset{ID: "LT-1", Kind: Hardware, History: []Event{
			ev("2025-03-01", "moved", "to", "Leeds"), ev("2025-02-01", "moved", "to", "York")}},
			"event-order", 1, "date order"},
		{"assigning a disposed laptop", &Asset{ID: "LT-1", Kind: Hardware, History: []Event{
			ev("2025-01-01", "disposed"), ev("2025-02-01", "assigned", "to", "bob")}},
			"event-after-disposal", 1, "no event can follow disposal"},
		{"repair twice", &Asset{ID: "LT-1", Kind: Hardware, History: []Event{
			ev("2025-01-01", "repair"), ev("2025-02-01", "repair")}},
			"impossible-event", 1, "in repair"},
		{"retiring a laptop in use", &Asset{ID: "LT-1", Kind: Hardware, History: []Event{
			ev("2025-01-01", "assigned", "to", "alice"), ev("2025-02-01", "retired")}},
			"impossible-event", 1, "in use by alice"},
		{"installing hardware", &Asset{ID: "LT-1", Kind: Hardware, History: []Event{
			ev("2025-01-01", "installed", "in", "SRV-1")}},
			"impossible-event", 0, "cannot be installed"},
		{"unassigning a seat nobody holds", &Asset{ID: "figma", Kind: Licence, History: []Event{
			ev("2025-01-01", "assigned", "to", "alice"), ev("2025-02-01", "unassigned", "from", "bob")}},
			"impossible-event", 1, "bob holds no seat"},
		{"the same person twice", &Asset{ID: "figma", Kind: Licence, History: []Event{
			ev("2025-01-01", "assigned", "to", "alice"), ev("2025-02-01", "assigned", "to", "alice")}},
			"two-holders", 1, "already holds a seat"},
		{"renewing backwards", &Asset{ID: "x.com", Kind: Domain, Expires: day("2026-01-01"), History: []Event{
			ev("2025-12-01", "renewed", "until", "2025-06-01")}},
			"impossible-event", 0, "not after the current end date"},
		{"assigning a domain", &Asset{ID: "x.com", Kind: Domain, History: []Event{
			ev("2025-12-01", "assigned", "to", "alice")}},
			"impossible-event", 0, "cannot be assigned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := StatusAt(tt.a, farFuture, Duration{})
			if err == nil {
				t.Fatal("history accepted, want an error")
			}
			if err.Rule != tt.rule || err.Index != tt.index || !strings.Contains(err.Error(), tt.inText) {
				t.Errorf("got rule %s at %d: %q; want rule %s at %d containing %q", err.Rule, err.Index, err.Error(), tt.rule, tt.index, tt.inText)
			}
		})
	}
}

func TestCheckEventBackdated(t *testing.T) {
	a := &Asset{ID: "LT-1", Kind: Hardware, History: []Event{
		ev("2025-01-01", "assigned", "to", "alice"),
		ev("2025-06-01", "unassigned"),
	}}
	// a move in between goes to its place in date order
	at, err := CheckEvent(a, ev("2025-03-01", "moved", "to", "Leeds"))
	if err != nil || at != 1 {
		t.Fatalf("CheckEvent = %d, %v; want 1, nil", at, err)
	}
	// retiring before the return makes the return impossible
	at, err = CheckEvent(a, ev("2024-12-01", "retired"))
	if err == nil || at != 0 || err.Index != 1 {
		t.Fatalf("CheckEvent = %d, %v; want the assignment after retirement refused", at, err)
	}
	// same-day events go after those already recorded that day
	at, _ = CheckEvent(a, ev("2025-06-01", "assigned", "to", "bob"))
	if at != 2 {
		t.Errorf("same-day event at %d, want 2", at)
	}
}

func ptr(n int) *int { return &n }

func TestKindsTaking(t *testing.T) {
	for event, want := range map[EventType][]Kind{
		"":          Kinds,
		"installed": {Component},
		"renewed":   {Licence, Domain, Certificate, Document},
	} {
		if got := KindsTaking(event); !slices.Equal(got, want) {
			t.Errorf("KindsTaking(%q) = %v, want %v", event, got, want)
		}
	}
}
