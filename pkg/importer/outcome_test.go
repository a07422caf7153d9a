package importer

import (
	"slices"
	"testing"
)

func TestSummary(t *testing.T) {
	tests := []struct {
		actions []Action
		want    string
	}{
		{nil, "no rows"},
		{[]Action{{Op: Create}, {Op: Create}, {Op: Unchanged}}, "2 created, 1 unchanged"},
		{[]Action{{Op: Update}, {Op: Create, Person: true}, {Op: Unchanged, Person: true}}, "1 updated, 1 people created, 1 people unchanged"},
	}
	for _, tt := range tests {
		if got := Summary(tt.actions); got != tt.want {
			t.Errorf("Summary(%v) = %q, want %q", tt.actions, got, tt.want)
		}
	}
}

func TestFilesLeaveOutUnchanged(t *testing.T) {
	files, order := Files([]Action{
		{Op: Create, Rel: "b.yaml", Data: []byte("b")},
		{Op: Unchanged, Rel: "c.yaml"},
		{Op: Update, Rel: "a.yaml", Data: []byte("a")},
	})
	if !slices.Equal(order, []string{"b.yaml", "a.yaml"}) || len(files) != 2 || string(files["a.yaml"]) != "a" {
		t.Errorf("files %v, order %v", files, order)
	}
}

func TestBadRows(t *testing.T) {
	ps := []Problem{{Row: 7}, {Row: 3}, {Row: 3, Column: "Serial"}}
	SortProblems(ps)
	if ps[0].Row != 3 || ps[1].Column != "Serial" || ps[2].Row != 7 {
		t.Errorf("sorted: %v", ps)
	}
	bad := BadRows(ps)
	if bad.WholeFile || bad.List() != "rows 3, 7" {
		t.Errorf("bad rows %v, whole file %v", bad.List(), bad.WholeFile)
	}
	records := []*Record{{Rows: []int{2}}, {Rows: []int{3}}, {Rows: []int{5, 6, 7}}, {Rows: []int{8}}}
	if good := bad.Without(records); len(good) != 2 || good[0] != records[0] || good[1] != records[3] {
		t.Errorf("kept %v", good)
	}
	if !BadRows([]Problem{{Row: 0}}).WholeFile {
		t.Error("a problem with no row is about the whole file")
	}
	if RowRange([]int{4}) != "4" || RowRange([]int{4, 5, 6}) != "4-6" {
		t.Error("RowRange")
	}
}
