package view

import (
	"sort"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/render"
)

// HistoryEntry is one line of `itrack history --format json`.
type HistoryEntry struct {
	Date   string  `json:"date"`
	Source string  `json:"source"` // "event" or "commit"
	Event  *Event  `json:"event,omitempty"`
	Commit *Commit `json:"commit,omitempty"`
}

type Commit struct {
	Hash    string `json:"hash"`
	Author  string `json:"author"`
	Subject string `json:"subject"`
}

// HistoryOf puts an asset's events and the commits of its file in one list
// by date; on one day the events come first, as they are what the commits
// record. The events are those ShownEvents keeps; commits after asOf are
// left out.
func HistoryOf(a *asset.Asset, commits []register.Commit, currency string, asOf, today asset.Date) []HistoryEntry {
	entries := []HistoryEntry{}
	for _, v := range ShownEvents(a.History, currency, asOf, today) {
		entries = append(entries, HistoryEntry{Date: v.Date, Source: "event", Event: &v})
	}
	for _, c := range commits {
		if c.Date > asOf.String() {
			continue
		}
		entries = append(entries, HistoryEntry{Date: c.Date, Source: "commit", Commit: &Commit{Hash: c.Hash, Author: c.Author, Subject: c.Subject}})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Date < entries[j].Date })
	return entries
}

// HistoryTable is history's table: an event or a commit a row.
func HistoryTable(entries []HistoryEntry) render.Table {
	t := render.Table{Header: []string{"date", "what", "details"}}
	for _, e := range entries {
		if e.Event != nil {
			t.Rows = append(t.Rows, []string{e.Date, e.Event.What(), e.Event.Describe()})
		} else {
			t.Rows = append(t.Rows, []string{e.Date, "commit " + e.Commit.Hash[:min(7, len(e.Commit.Hash))], e.Commit.Author + ": " + e.Commit.Subject})
		}
	}
	return t
}
