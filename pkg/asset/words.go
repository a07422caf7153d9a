package asset

import (
	"fmt"
	"strconv"
	"strings"
)

// Events in words, from the templates of EventTypes. Amounts read as
// everywhere else: 210.00 GBP, in the register's currency when the file
// gave none.

// Present says what recording event e on asset a does, as a command's
// output and commit message say it: "assign LT-0042 to alice".
func (e Event) Present(a *Asset) string {
	spec, ok := LookupEvent(e.Type)
	if !ok {
		return string(e.Type) + " " + a.ID
	}
	return e.fill(spec.Present, a)
}

// Past says what event e did, with its values: "assigned to alice".
func (e Event) Past() string {
	spec, ok := LookupEvent(e.Type)
	if !ok {
		return string(e.Type)
	}
	return e.fill(spec.Past, nil)
}

// Sentence is Past with the cost, the date and the note: "serviced (cost
// 210.00 GBP) on 2026-11-02: replaced a fan".
func (e Event) Sentence(currency string) string {
	s := e.Past()
	if !e.Cost.IsZero() {
		s += " (cost " + e.Cost.In(currency).String() + ")"
	}
	s += " on " + e.Date.String()
	if e.Note != "" {
		s += ": " + e.Note
	}
	return s
}

// Details lists every value of event e but its date and type, in the order
// of EventFields, with the first line of its note: "to alice, cost 210.00
// GBP: replaced a fan".
func (e Event) Details(currency string) string {
	var parts []string
	add := func(prefix, s string) {
		if s != "" {
			parts = append(parts, prefix+s)
		}
	}
	add("to ", e.To)
	add("from ", e.From)
	add("in ", e.In)
	if !e.Until.IsZero() {
		add("until ", e.Until.String())
	}
	if e.Seats != nil {
		add("", fmt.Sprintf("%d seats", *e.Seats))
	}
	if e.Units != nil {
		add("", plural(*e.Units, "unit"))
	}
	add("", e.Method)
	add("proceeds ", e.Proceeds.In(currency).String())
	add("certificate ", e.Certificate)
	add("at ", e.Location)
	add("by ", e.By)
	add("", e.Reason)
	add("cost ", e.Cost.In(currency).String())
	s := strings.Join(parts, ", ")
	if e.Note != "" {
		if s != "" {
			s += ": "
		}
		note := e.Note
		if i := strings.IndexByte(note, '\n'); i >= 0 {
			note = note[:i] + " …"
		}
		s += note
	}
	return s
}

// cannotBe is the end of "it cannot be …" for an event type.
func cannotBe(t EventType) string {
	if spec, ok := LookupEvent(t); ok {
		return spec.Done
	}
	return string(t)
}

// fill writes a template of EventSpec with the event's values.
func (e Event) fill(tmpl string, a *Asset) string {
	value := func(key string) string {
		switch key {
		case "id":
			if a != nil {
				return a.ID
			}
		case "seat":
			if a != nil && a.Kind == Licence {
				return "a seat of"
			}
			fallthrough
		case "units":
			if e.Units != nil {
				return plural(*e.Units, "unit") + " of"
			}
		case "seats":
			if e.Seats != nil {
				return plural(*e.Seats, "seat")
			}
		case "n":
			if e.Seats != nil {
				return strconv.Itoa(*e.Seats)
			}
		case "to":
			return e.To
		case "from":
			return e.From
		case "in":
			return e.In
		case "until":
			if !e.Until.IsZero() {
				return e.Until.String()
			}
		case "location":
			return e.Location
		case "reason":
			return e.Reason
		case "method":
			return e.Method
		}
		return ""
	}
	var out strings.Builder
	for tmpl != "" {
		i := strings.IndexByte(tmpl, '[')
		if i < 0 {
			out.WriteString(expand(tmpl, value))
			break
		}
		j := strings.IndexByte(tmpl[i:], ']') + i
		out.WriteString(expand(tmpl[:i], value))
		if part := tmpl[i+1 : j]; !strings.Contains(expand(part, func(k string) string {
			if value(k) == "" {
				return "\x00"
			}
			return value(k)
		}), "\x00") {
			out.WriteString(expand(part, value))
		}
		tmpl = tmpl[j+1:]
	}
	return out.String()
}

// expand replaces each {key} of s.
func expand(s string, value func(string) string) string {
	var out strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			out.WriteString(s)
			return out.String()
		}
		j := strings.IndexByte(s[i:], '}') + i
		out.WriteString(s[:i])
		out.WriteString(value(s[i+1 : j]))
		s = s[j+1:]
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
