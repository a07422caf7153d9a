package asset

import (
	"slices"
	"strings"
)

// EventSpec describes one event type of the history: the keys it takes
// besides date, event and note, and which of them it needs.
type EventSpec struct {
	Type     string
	Keys     []string
	Required []string
	Doc      string
}

// DisposalMethods are the ways an asset can leave the organisation.
var DisposalMethods = []string{"recycled", "sold", "donated", "destroyed", "returned"}

// EventTypes lists every event type of SPEC §3.
var EventTypes = []EventSpec{
	{Type: "ordered", Doc: "ordered, not yet delivered: state ordered until the purchase date"},
	{Type: "assigned", Keys: []string{"to"}, Required: []string{"to"}, Doc: "given to a person (hardware, components) or a seat taken by a person or device (licences)"},
	{Type: "unassigned", Keys: []string{"from"}, Doc: "back in stock, or a licence seat freed (from: whose seat)"},
	{Type: "moved", Keys: []string{"to"}, Required: []string{"to"}, Doc: "moved to another location"},
	{Type: "installed", Keys: []string{"in"}, Required: []string{"in"}, Doc: "component installed in a hardware asset"},
	{Type: "removed", Keys: []string{"in"}, Doc: "component taken out of its hardware"},
	{Type: "repair", Keys: []string{"cost"}, Doc: "sent for repair"},
	{Type: "repaired", Keys: []string{"cost"}, Doc: "back from repair"},
	{Type: "serviced", Keys: []string{"cost"}, Doc: "maintenance done"},
	{Type: "audited", Keys: []string{"location", "by"}, Doc: "physically verified"},
	{Type: "lost", Doc: "cannot be found"},
	{Type: "found", Doc: "found again"},
	{Type: "renewed", Keys: []string{"until", "cost"}, Required: []string{"until"}, Doc: "renewed until a new date"},
	{Type: "seats", Keys: []string{"seats"}, Required: []string{"seats"}, Doc: "seat count changed (true-up)"},
	{Type: "cancelled", Doc: "will not renew"},
	{Type: "retired", Keys: []string{"reason"}, Doc: "out of service, awaiting disposal"},
	{Type: "disposed", Keys: []string{"method", "proceeds", "certificate"}, Required: []string{"method"}, Doc: "left the organisation: terminal"},
	{Type: "note", Required: []string{"note"}, Doc: "a remark"},
}

// LookupEvent returns the spec of an event type.
func LookupEvent(typ string) (*EventSpec, bool) {
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
		names[i] = e.Type
	}
	return names
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
	{Key: "method", Type: TEnum, Enum: DisposalMethods, Doc: "disposed: how", ptr: func(e *Event) any { return &e.Method }},
	{Key: "proceeds", Type: TMoney, Doc: "disposed: money received", ptr: func(e *Event) any { return &e.Proceeds }},
	{Key: "certificate", Type: TString, Doc: "disposed: data destruction or recycling certificate", ptr: func(e *Event) any { return &e.Certificate }},
	{Key: "location", Type: TString, Doc: "audited: where it was seen", ptr: func(e *Event) any { return &e.Location }},
	{Key: "by", Type: TString, Doc: "audited: who checked", ptr: func(e *Event) any { return &e.By }},
	{Key: "reason", Type: TString, Doc: "retired: why", ptr: func(e *Event) any { return &e.Reason }},
	{Key: "cost", Type: TMoney, Doc: "what it cost", ptr: func(e *Event) any { return &e.Cost }},
	{Key: "note", Type: TText, Doc: "a remark", ptr: func(e *Event) any { return &e.Note }},
}
