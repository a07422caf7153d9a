package asset

import (
	"slices"
	"strings"
)

// EventType is what an event says happened, as the history's `event:` key
// names it.
type EventType string

// The event types of SPEC §3.
const (
	Order      EventType = "ordered"
	Assign     EventType = "assigned"
	Unassign   EventType = "unassigned"
	Move       EventType = "moved"
	Install    EventType = "installed"
	Uninstall  EventType = "removed"
	SendRepair EventType = "repair"
	Repaired   EventType = "repaired"
	Service    EventType = "serviced"
	Audit      EventType = "audited"
	Lose       EventType = "lost"
	Find       EventType = "found"
	Renew      EventType = "renewed"
	TrueUp     EventType = "seats"
	Cancel     EventType = "cancelled"
	Retire     EventType = "retired"
	Dispose    EventType = "disposed"
	Remark     EventType = "note"
)

// EventSpec describes one event type of the history: the keys it takes
// besides date, event and note, which of them it needs, the command that
// records it, and how it reads in words.
//
// The words are templates: {id} is the asset, {seat} reads "a seat of" for
// a licence, {seats} is "N seats" and {n} the N alone, any other {key} is
// the event's value;
// a part in [brackets] is left out when a value in it is empty.
type EventSpec struct {
	Type     EventType
	Keys     []string
	Required []string
	Doc      string
	Command  string // the itrack command that records it ("" for none)
	Present  string // what a command does: "assign {id} to {to}"
	Past     string // what happened: "assigned to {to}"
	Done     string // the end of "it cannot be …": "sent for repair"
}

// DisposalMethods are the ways an asset can leave the organisation.
var DisposalMethods = []string{"recycled", "sold", "donated", "destroyed", "returned"}

// EventTypes lists every event type of SPEC §3: the one table the decoder,
// the schema, the docs, the commands and every output take their words from.
var EventTypes = []EventSpec{
	{Type: Order, Doc: "ordered, not yet delivered: state ordered until the purchase date",
		Present: "order {id}", Past: "ordered", Done: "ordered"},
	{Type: Assign, Keys: []string{"to", "units"}, Required: []string{"to"}, Doc: "given to a person (hardware, components) or a seat taken by a person or device (licences)",
		Command: "assign", Present: "assign [{seat} ]{id} to {to}", Past: "assigned to {to}", Done: "assigned"},
	{Type: Unassign, Keys: []string{"from", "units"}, Doc: "back in stock, or a licence seat freed (from: whose seat)",
		Command: "unassign", Present: "unassign [{units} ]{id}[ from {from}]", Past: "returned[ from {from}]", Done: "unassigned"},
	{Type: Move, Keys: []string{"to"}, Required: []string{"to"}, Doc: "moved to another location",
		Command: "move", Present: "move {id} to {to}", Past: "moved to {to}", Done: "moved"},
	{Type: Install, Keys: []string{"in"}, Required: []string{"in"}, Doc: "component installed in a hardware asset",
		Command: "install", Present: "install {id} in {in}", Past: "installed in {in}", Done: "installed"},
	{Type: Uninstall, Keys: []string{"in"}, Doc: "component taken out of its hardware",
		Command: "uninstall", Present: "uninstall {id}", Past: "uninstalled[ from {in}]", Done: "uninstalled"},
	{Type: SendRepair, Keys: []string{"cost"}, Doc: "sent for repair",
		Command: "repair", Present: "send {id} for repair", Past: "sent for repair", Done: "sent for repair"},
	{Type: Repaired, Keys: []string{"cost"}, Doc: "back from repair",
		Command: "repaired", Present: "{id} back from repair", Past: "back from repair", Done: "repaired"},
	{Type: Service, Keys: []string{"cost"}, Doc: "maintenance done",
		Command: "service", Present: "service {id}", Past: "serviced", Done: "serviced"},
	{Type: Audit, Keys: []string{"location", "by"}, Doc: "physically verified",
		Command: "audit", Present: "audit {id}", Past: "audited[ at {location}]", Done: "audited"},
	{Type: Lose, Doc: "cannot be found",
		Command: "lost", Present: "report {id} lost", Past: "lost", Done: "reported lost"},
	{Type: Find, Doc: "found again",
		Command: "found", Present: "{id} found", Past: "found", Done: "found"},
	{Type: Renew, Keys: []string{"until", "cost"}, Required: []string{"until"}, Doc: "renewed until a new date; cost: the cost per term from then on",
		Command: "renew", Present: "renew {id} until {until}", Past: "renewed until {until}", Done: "renewed"},
	{Type: TrueUp, Keys: []string{"seats", "cost"}, Required: []string{"seats"}, Doc: "seat count changed (true-up); cost: the new cost per term",
		Command: "true-up", Present: "true-up {id} to {seats}", Past: "seat count set to {n}", Done: "given a new seat count"},
	{Type: Cancel, Doc: "will not renew",
		Command: "cancel", Present: "cancel {id}", Past: "cancelled", Done: "cancelled"},
	{Type: Retire, Keys: []string{"reason"}, Doc: "out of service, awaiting disposal",
		Command: "retire", Present: "retire {id}[: {reason}]", Past: "retired[: {reason}]", Done: "retired"},
	{Type: Dispose, Keys: []string{"method", "proceeds", "certificate"}, Required: []string{"method"}, Doc: "left the organisation: terminal",
		Command: "dispose", Present: "dispose of {id}: {method}", Past: "disposed: {method}", Done: "disposed of"},
	{Type: Remark, Required: []string{"note"}, Doc: "a remark",
		Present: "note {id}", Past: "note", Done: "given a note"},
}

// LookupEvent returns the spec of an event type.
func LookupEvent(typ EventType) (*EventSpec, bool) {
	for i := range EventTypes {
		if EventTypes[i].Type == typ {
			return &EventTypes[i], true
		}
	}
	return nil, false
}

// Takes reports whether this event type accepts key.
func (s *EventSpec) Takes(key string) bool {
	switch key {
	case "date", "event", "note":
		return true
	}
	return slices.Contains(s.Keys, key)
}

// KeyList writes the keys an event takes, for messages.
func (s *EventSpec) KeyList() string {
	return strings.Join(append(append([]string{"date", "event"}, s.Keys...), "note"), ", ")
}

// EventTypeNames lists the event types.
func EventTypeNames() []string {
	names := make([]string, len(EventTypes))
	for i, e := range EventTypes {
		names[i] = string(e.Type)
	}
	return names
}

func typeNames(types []EventType) []string {
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = string(t)
	}
	return out
}

// CommandsFor names the commands that record these event types, leaving out
// the ones no command records.
func CommandsFor(types []EventType) []string {
	var out []string
	for _, t := range types {
		if spec, ok := LookupEvent(t); ok && spec.Command != "" {
			out = append(out, spec.Command)
		}
	}
	return out
}

// EventFields is the schema of one history entry, in canonical key order.
var EventFields = []Field[Event]{
	{Key: "date", Type: TDate, Doc: "when it happened", ptr: func(e *Event) any { return &e.Date }},
	{Key: "event", Type: TEnum, Enum: EventTypeNames(), Doc: "what happened", ptr: func(e *Event) any { return &e.Type }},
	{Key: "to", Type: TString, Doc: "assigned: person or hardware; moved: location", ptr: func(e *Event) any { return &e.To }},
	{Key: "from", Type: TString, Doc: "unassigned: whose seat is freed", ptr: func(e *Event) any { return &e.From }},
	{Key: "in", Type: TString, Doc: "installed/removed: the hardware ID", ptr: func(e *Event) any { return &e.In }},
	{Key: "until", Type: TDate, Doc: "renewed: the new renewal or expiry date", ptr: func(e *Event) any { return &e.Until }},
	{Key: "seats", Type: TInt, Doc: "seats: the new seat count", ptr: func(e *Event) any { return &e.Seats }},
	{Key: "units", Type: TInt, Doc: "assigned/unassigned: units of a batch (a component with quantity); default 1, and all of the holder's when returned", ptr: func(e *Event) any { return &e.Units }},
	{Key: "method", Type: TEnum, Enum: DisposalMethods, Doc: "disposed: how", ptr: func(e *Event) any { return &e.Method }},
	{Key: "proceeds", Type: TMoney, Doc: "disposed: money received", ptr: func(e *Event) any { return &e.Proceeds }},
	{Key: "certificate", Type: TString, Doc: "disposed: data destruction or recycling certificate", ptr: func(e *Event) any { return &e.Certificate }},
	{Key: "location", Type: TString, Doc: "audited: where it was seen", ptr: func(e *Event) any { return &e.Location }},
	{Key: "by", Type: TString, Doc: "audited: who checked", ptr: func(e *Event) any { return &e.By }},
	{Key: "reason", Type: TString, Doc: "retired: why", ptr: func(e *Event) any { return &e.Reason }},
	{Key: "cost", Type: TMoney, Doc: "what it cost", ptr: func(e *Event) any { return &e.Cost }},
	{Key: "note", Type: TText, Doc: "a remark", ptr: func(e *Event) any { return &e.Note }},
}
