package asset

import (
	"slices"
	"strings"
	"testing"
)

func TestPlan(t *testing.T) {
	held := func() *Asset {
		return &Asset{ID: "LT-1", Kind: Hardware, Purchase: Purchase{Date: day("2025-01-10")}, History: []Event{
			ev("2025-01-12", Assign, "to", "alice"),
		}}
	}
	installed := &Asset{ID: "RAM-1", Kind: Component, History: []Event{ev("2025-01-12", Install, "in", "LT-1")}}
	licence := func(seats int, holders ...string) *Asset {
		a := &Asset{ID: "figma", Kind: Licence, Seats: ptr(seats), Renews: day("2026-03-01"), Term: Duration{1, 'y'}}
		for _, h := range holders {
			a.History = append(a.History, ev("2025-01-01", Assign, "to", h))
		}
		return a
	}
	domain := &Asset{ID: "example.com", Kind: Domain, Expires: day("2026-05-01")}
	seats := func(n int) Event { e := ev("2025-06-01", TrueUp); e.Seats = ptr(n); return e }

	tests := []struct {
		name   string
		a      *Asset
		e      Event
		opts   PlanOptions
		want   []string // the planned events, Present-tense
		rule   string   // or the refusal
		reason string   // words the refusal contains
		same   string   // or why nothing is recorded
		warn   string
	}{
		{name: "assign in stock", a: &Asset{ID: "LT-2", Kind: Hardware}, e: ev("2025-02-01", Assign, "to", "bob"),
			want: []string{"assign LT-2 to bob"}},
		{name: "assign held by another", a: held(), e: ev("2025-02-01", Assign, "to", "bob"),
			rule: "held-by-other", reason: "pass --reassign"},
		{name: "reassign returns it first", a: held(), e: ev("2025-02-01", Assign, "to", "bob"), opts: PlanOptions{Reassign: true},
			want: []string{"unassign LT-1 from alice", "assign LT-1 to bob"}},
		{name: "assign to its holder", a: held(), e: ev("2025-02-01", Assign, "to", "alice"),
			rule: "already-held", reason: "already held by alice"},
		{name: "re-import of a checkout", a: held(), e: ev("2024-06-01", Assign, "to", "alice"), opts: PlanOptions{Reassign: true, SkipHeld: true},
			same: "held by alice"},
		{name: "reassign an installed component", a: installed, e: ev("2025-02-01", Assign, "to", "bob"), opts: PlanOptions{Reassign: true},
			rule: "installed", reason: "uninstall it first"},
		{name: "assign before a later holder", a: held(), e: ev("2025-01-11", Assign, "to", "bob"),
			rule: "two-holders", reason: "would make a later event impossible"},
		{name: "last seat", a: licence(2, "alice"), e: ev("2025-02-01", Assign, "to", "bob"),
			want: []string{"assign a seat of figma to bob"}},
		{name: "seats all taken", a: licence(1, "alice"), e: ev("2025-02-01", Assign, "to", "bob"),
			rule: "seats-full", reason: "all are taken on 2025-02-01 (alice)"},
		{name: "seats forced", a: licence(1, "alice"), e: ev("2025-02-01", Assign, "to", "bob"), opts: PlanOptions{Force: true},
			want: []string{"assign a seat of figma to bob"}},
		{name: "seat taken later", a: licence(1, "alice"), e: ev("2024-12-01", Assign, "to", "bob"),
			rule: "seats-full", reason: "1 seat: with this seat, 2 would be in use on 2025-01-01"},
		{name: "unassign names the holder", a: held(), e: ev("2025-02-01", Unassign),
			want: []string{"unassign LT-1 from alice"}},
		{name: "unassign a shared licence", a: licence(3, "alice", "bob"), e: ev("2025-02-01", Unassign),
			rule: "seat-holder-needed", reason: "seats are held by alice, bob"},
		{name: "unassign in stock", a: &Asset{ID: "LT-2", Kind: Hardware}, e: ev("2025-02-01", Unassign),
			rule: "impossible-event", reason: "in stock"},
		{name: "renew for a year", a: domain, e: ev("2026-04-01", Renew), opts: PlanOptions{Extend: Duration{1, 'y'}},
			want: []string{"renew example.com until 2027-05-01"}},
		{name: "renew nothing to extend", a: &Asset{ID: "doc", Kind: Document}, e: ev("2026-04-01", Renew), opts: PlanOptions{Extend: Duration{1, 'y'}},
			rule: "nothing-to-extend"},
		{name: "renew without a date", a: domain, e: ev("2026-04-01", Renew),
			rule: "bad-event", reason: `needs "until"`},
		{name: "true-up", a: licence(2, "alice"), e: seats(5), want: []string{"true-up figma to 5 seats"}},
		{name: "true-up to the same", a: licence(2, "alice"), e: seats(2), same: "figma already has 2 seats on 2025-06-01"},
		{name: "true-up below use", a: licence(3, "alice", "bob"), e: seats(1), want: []string{"true-up figma to 1 seat"},
			warn: "2 seats of figma are in use"},
		{name: "true-up hardware", a: held(), e: seats(1), rule: "not-a-licence"},
		{name: "repaired when not in repair", a: held(), e: ev("2025-02-01", Repaired),
			rule: "impossible-event", reason: "is in use by alice since 2025-01-12, not in repair: only an asset sent for repair"},
		{name: "found when not lost", a: held(), e: ev("2025-02-01", Find),
			rule: "impossible-event", reason: "not lost: only a lost asset can be found"},
		{name: "assign an installed component", a: installed, e: ev("2025-02-01", Assign, "to", "bob"),
			rule: "installed", reason: "uninstall it first (itrack uninstall RAM-1)"},
		{name: "assign to a leaver", a: &Asset{ID: "LT-2", Kind: Hardware}, e: ev("2025-02-01", Assign, "to", "dan"),
			opts: PlanOptions{Holder: &Person{ID: "dan", Leaves: day("2025-01-31")}}, rule: "holder-left", reason: "dan left on 2025-01-31"},
		{name: "assign to a leaver, forced", a: &Asset{ID: "LT-2", Kind: Hardware}, e: ev("2025-02-01", Assign, "to", "dan"),
			opts: PlanOptions{Force: true, Holder: &Person{ID: "dan", Leaves: day("2025-01-31")}}, want: []string{"assign LT-2 to dan"}},
		{name: "assign on the last day", a: &Asset{ID: "LT-2", Kind: Hardware}, e: ev("2025-01-31", Assign, "to", "dan"),
			opts: PlanOptions{Holder: &Person{ID: "dan", Leaves: day("2025-01-31")}}, want: []string{"assign LT-2 to dan"}},
		{name: "unassign a licence's one holder", a: licence(3, "alice"), e: ev("2025-02-01", Unassign),
			want: []string{"unassign figma from alice"}},
		{name: "install in retired hardware", a: &Asset{ID: "RAM-2", Kind: Component}, e: ev("2025-02-01", Install, "in", "LT-9"),
			opts: PlanOptions{Host: &Asset{ID: "LT-9", Kind: Hardware, History: []Event{ev("2025-01-20", Retire)}}},
			rule: "host-out-of-service", reason: "on 2025-02-01, LT-9 is retired since 2025-01-20"},
		{name: "install before the host retired", a: &Asset{ID: "RAM-2", Kind: Component}, e: ev("2025-01-10", Install, "in", "LT-9"),
			opts: PlanOptions{Host: &Asset{ID: "LT-9", Kind: Hardware, History: []Event{ev("2025-01-20", Retire)}}},
			want: []string{"install RAM-2 in LT-9"}},
		{name: "event after disposal", a: &Asset{ID: "LT-3", Kind: Hardware, History: []Event{ev("2025-01-01", Dispose)}}, e: ev("2025-02-01", Audit),
			rule: "event-after-disposal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, r := Plan(tt.a, tt.e, tt.opts)
			if tt.rule != "" {
				if r == nil {
					t.Fatalf("planned %v, want a refusal by %s", plan.Events, tt.rule)
				}
				if r.Rule != tt.rule || !strings.Contains(r.Message, tt.reason) {
					t.Fatalf("refusal %s: %q, want %s: …%s…", r.Rule, r.Message, tt.rule, tt.reason)
				}
				return
			}
			if r != nil {
				t.Fatalf("refused by %s: %s", r.Rule, r.Message)
			}
			if tt.same != "" {
				if !strings.Contains(plan.Unchanged, tt.same) || len(plan.Events) > 0 {
					t.Fatalf("unchanged %q, events %v; want unchanged …%s…", plan.Unchanged, plan.Events, tt.same)
				}
				return
			}
			var got []string
			for _, e := range plan.Events {
				got = append(got, e.Present(tt.a))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("planned %q, want %q", got, tt.want)
			}
			if w := strings.Join(plan.Warnings, "\n"); !strings.Contains(w, tt.warn) || (tt.warn == "") != (w == "") {
				t.Errorf("warnings %q, want …%s…", w, tt.warn)
			}
		})
	}
}

func TestRefusalWithAllowedNamesCommands(t *testing.T) {
	_, r := Plan(&Asset{ID: "LT-2", Kind: Hardware}, ev("2025-02-01", Retire), PlanOptions{})
	if r != nil {
		t.Fatalf("retire in stock refused: %v", r)
	}
	_, r = Plan(&Asset{ID: "LT-2", Kind: Hardware, History: []Event{ev("2025-01-01", Retire)}}, ev("2025-02-01", Assign, "to", "bob"), PlanOptions{})
	if r == nil {
		t.Fatal("assigning a retired laptop was planned")
	}
	want := "LT-2 is retired since 2025-01-01: it cannot be assigned; allowed now: dispose, move, audit"
	if got := r.WithAllowed(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestEventWords(t *testing.T) {
	hw := &Asset{ID: "LT-1", Kind: Hardware}
	lic := &Asset{ID: "figma", Kind: Licence}
	cost, _ := ParseMoney("210")
	tests := []struct {
		a                 *Asset
		e                 Event
		present, sentence string
	}{
		{hw, ev("2026-11-02", Assign, "to", "alice"), "assign LT-1 to alice", "assigned to alice on 2026-11-02"},
		{lic, ev("2026-11-02", Assign, "to", "alice"), "assign a seat of figma to alice", "assigned to alice on 2026-11-02"},
		{hw, ev("2026-11-02", Unassign), "unassign LT-1", "returned on 2026-11-02"},
		{hw, ev("2026-11-02", Unassign, "from", "bob"), "unassign LT-1 from bob", "returned from bob on 2026-11-02"},
		{hw, Event{Date: day("2026-11-02"), Type: Service, Cost: cost}, "service LT-1", "serviced (cost 210.00 GBP) on 2026-11-02"},
		{hw, Event{Date: day("2026-11-02"), Type: Retire, Reason: "old"}, "retire LT-1: old", "retired: old on 2026-11-02"},
		{hw, Event{Date: day("2026-11-02"), Type: Retire}, "retire LT-1", "retired on 2026-11-02"},
		{lic, Event{Date: day("2026-11-02"), Type: TrueUp, Seats: ptr(1)}, "true-up figma to 1 seat", "seat count set to 1 on 2026-11-02"},
		{hw, Event{Date: day("2026-11-02"), Type: Remark, Note: "checked"}, "note LT-1", "note on 2026-11-02: checked"},
	}
	for _, tt := range tests {
		if got := tt.e.Present(tt.a); got != tt.present {
			t.Errorf("%s Present = %q, want %q", tt.e.Type, got, tt.present)
		}
		if got := tt.e.Sentence("GBP"); got != tt.sentence {
			t.Errorf("%s Sentence = %q, want %q", tt.e.Type, got, tt.sentence)
		}
	}
}

// Every event type has its words, and an event written with Node reads
// back as itself.
func TestEventTypesHaveWordsAndRoundTrip(t *testing.T) {
	for _, spec := range EventTypes {
		if spec.Present == "" || spec.Past == "" || spec.Done == "" || spec.Doc == "" {
			t.Errorf("%s lacks words: %+v", spec.Type, spec)
		}
		values := map[string]string{"date": "2026-11-02", "event": string(spec.Type), "note": "a note"}
		for _, k := range spec.Keys {
			values[k] = map[string]string{"until": "2027-01-01", "seats": "3", "units": "2", "method": "sold", "cost": "10.5 EUR", "proceeds": "12"}[k]
			if values[k] == "" {
				values[k] = "x"
			}
		}
		e, err := NewEvent(values)
		if err != nil {
			t.Fatalf("%s: %v", spec.Type, err)
		}
		back, err := ParseEvent(textsOf(e))
		if err != nil {
			t.Fatalf("%s: %v", spec.Type, err)
		}
		if back.Sentence("") != e.Sentence("") || back.Details("") != e.Details("") {
			t.Errorf("%s: %q read back as %q", spec.Type, e.Details(""), back.Details(""))
		}
	}
}

func textsOf(e Event) map[string]string {
	out := map[string]string{}
	n := e.Node()
	for i := 0; i+1 < len(n.Content); i += 2 {
		out[n.Content[i].Value] = n.Content[i+1].Value
	}
	return out
}

// Equipment is prepared for starters: an assignment before someone's first
// day is recorded, and the plan says so.
func TestPlanNotesAStartersFirstDay(t *testing.T) {
	p, r := Plan(&Asset{ID: "LT-2", Kind: Hardware}, ev("2025-02-01", Assign, "to", "eve"),
		PlanOptions{Holder: &Person{ID: "eve", Starts: day("2025-02-10")}})
	if r != nil || len(p.Events) != 1 {
		t.Fatalf("plan %+v, refusal %v", p, r)
	}
	if want := "eve starts on 2025-02-10: LT-2 is ready for their first day"; len(p.Notes) != 1 || p.Notes[0] != want {
		t.Errorf("notes %q, want %q", p.Notes, want)
	}
}

func TestEventsTo(t *testing.T) {
	on := day("2026-11-29")
	held := func() *Asset {
		return &Asset{ID: "LT-1", Kind: Hardware, Purchase: Purchase{Date: day("2025-01-10")}, History: []Event{
			ev("2025-01-12", Assign, "to", "alice"),
		}}
	}
	tests := []struct {
		name   string
		a      *Asset
		target State
		want   []string // Present-tense
	}{
		{"lost while held", held(), Lost, []string{"report LT-1 lost"}},
		{"retired while held is returned first", held(), Retired, []string{"unassign LT-1 from alice", "retire LT-1"}},
		{"repair keeps the holder", held(), InRepair, []string{"send LT-1 for repair"}},
		{"installed component is uninstalled", &Asset{ID: "RAM-1", Kind: Component, History: []Event{ev("2025-01-12", Install, "in", "LT-1")}},
			Retired, []string{"uninstall RAM-1", "retire RAM-1"}},
		{"in repair comes back before retiring", &Asset{ID: "LT-2", Kind: Hardware, History: []Event{ev("2025-01-12", SendRepair)}},
			Retired, []string{"LT-2 back from repair", "retire LT-2"}},
		{"already there", &Asset{ID: "LT-3", Kind: Hardware, History: []Event{ev("2025-01-12", Lose)}}, Lost, nil},
		{"in stock takes no event", held(), InStock, nil},
		{"ordered without a purchase date", &Asset{ID: "LT-4", Kind: Hardware}, Ordered, []string{"order LT-4"}},
		{"ordered but delivered", &Asset{ID: "LT-5", Kind: Hardware, Purchase: Purchase{Date: day("2025-01-10")}}, Ordered, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			events, r := EventsTo(tt.a, tt.target, on, "imported")
			if r != nil {
				t.Fatalf("refused: %v", r)
			}
			var got []string
			for _, e := range events {
				if e.Date != on || e.Note != "imported" {
					t.Errorf("%v: dated %s with note %q", e.Type, e.Date, e.Note)
				}
				got = append(got, e.Present(tt.a))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	// a disposed asset cannot be brought anywhere
	gone := &Asset{ID: "LT-6", Kind: Hardware, History: []Event{{Date: day("2025-01-12"), Type: Dispose, Method: "sold"}}}
	if _, r := EventsTo(gone, Lost, on, ""); r == nil || r.Rule != "event-after-disposal" {
		t.Errorf("a disposed asset was reported lost: %v", r)
	}
}
