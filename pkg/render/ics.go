package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Calendar is an iCalendar (RFC 5545) calendar of all-day events.
type Calendar struct {
	Name   string
	Stamp  string // DTSTAMP of every event, e.g. 20261129T000000Z: fixed, so output is reproducible
	Events []CalendarEvent
}

// CalendarEvent is one all-day event.
type CalendarEvent struct {
	UID         string
	Date        string // YYYYMMDD
	End         string // YYYYMMDD, the day after: DTEND is exclusive
	Summary     string
	Description string
	Alarms      []int // days before the event
}

// WriteICS writes the calendar with CRLF line ends and lines folded at 75
// octets, as RFC 5545 requires.
func WriteICS(w io.Writer, c Calendar) error {
	var b strings.Builder
	line := func(s string) { b.WriteString(fold(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//itrack//itrack renewals//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + icsText(c.Name))
	for _, e := range c.Events {
		line("BEGIN:VEVENT")
		line("UID:" + icsText(e.UID))
		line("DTSTAMP:" + c.Stamp)
		line("DTSTART;VALUE=DATE:" + e.Date)
		line("DTEND;VALUE=DATE:" + e.End)
		line("SUMMARY:" + icsText(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + icsText(e.Description))
		}
		line("TRANSP:TRANSPARENT")
		for _, days := range e.Alarms {
			line("BEGIN:VALARM")
			line("ACTION:DISPLAY")
			line(fmt.Sprintf("TRIGGER:-P%dD", days))
			line("DESCRIPTION:" + icsText(e.Summary))
			line("END:VALARM")
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	_, err := io.WriteString(w, b.String())
	return err
}

// icsText escapes a TEXT value: backslash, semicolon, comma and newlines.
func icsText(s string) string {
	return strings.NewReplacer("\\", "\\\\", ";", "\\;", ",", "\\,", "\r\n", "\\n", "\n", "\\n", "\r", "\\n").Replace(s)
}

// fold ends a content line with CRLF, breaking it into lines of at most 75
// octets, continuation lines starting with a space, never inside a UTF-8
// character.
func fold(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	return b.String()
}
