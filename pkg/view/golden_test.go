package view_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/depreciation"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/renewals"
	"github.com/itrack/itrack/pkg/seats"
	"github.com/itrack/itrack/pkg/view"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from what the views give")

// TestViewsOfTheExampleRegister: every view of the example register on
// 2026-11-29, as JSON and as the text lines `show` prints, against golden
// files. The views decide what every output format shows, so a change to
// one shows here as a diff to review. Refresh with -update.
func TestViewsOfTheExampleRegister(t *testing.T) {
	reg, err := register.Open(filepath.Join("..", "..", "testdata", "example"))
	if err != nil {
		t.Fatal(err)
	}
	snap := reg.Load()
	if len(snap.Invalid) > 0 {
		t.Fatalf("the example register has invalid files: %v", snap.Invalid)
	}
	asOf := asset.NewDate(2026, 11, 29)
	cur := reg.Config.Currency
	statuses := asset.Statuses(snap.Assets, asOf, reg.Config.Renewals.Window)

	var assets []view.Asset
	var text strings.Builder
	for _, a := range snap.Assets {
		v := view.AssetOf(a, statuses[a.ID], reg.Config, asOf)
		assets = append(assets, v)
		fmt.Fprintf(&text, "== %s\n", a.ID)
		for _, l := range v.Lines() {
			fmt.Fprintf(&text, "%+v\n", l)
		}
	}
	golden(t, "assets.json", asJSON(t, assets))
	golden(t, "assets.txt", []byte(text.String()))

	results, _ := depreciation.All(snap.Assets, reg.Config, statuses, asOf)
	var rows []view.DepreciationRow
	for _, r := range results {
		rows = append(rows, view.DepreciationOf(r, true))
	}
	golden(t, "depreciation.json", asJSON(t, rows))

	var ren []view.Renewal
	for _, it := range renewals.Items(snap.Assets, reg.Config, statuses, asOf) {
		ren = append(ren, view.RenewalOf(it, cur))
	}
	golden(t, "renewals.json", asJSON(t, ren))

	ls := seats.Check(snap.Assets, snap.People, statuses, asOf, cur)
	var seatViews []view.Seat
	for _, l := range ls {
		seatViews = append(seatViews, view.SeatsOf(l))
	}
	var totals []view.SeatTotal
	for _, tt := range seats.Totals(ls) {
		totals = append(totals, view.SeatTotalOf(tt))
	}
	golden(t, "seats.json", asJSON(t, map[string]any{"licences": seatViews, "totals": totals}))

	held := seats.Holdings(snap.Assets, statuses)
	type personView struct {
		view.Person
		Holdings []view.Holding `json:"holdings"`
	}
	var people []personView
	for _, p := range snap.People {
		book := func(a *asset.Asset) *view.Amount { return nil }
		people = append(people, personView{view.PersonOf(p, asOf, len(held[p.ID])), view.HoldingsOf(p.ID, held[p.ID], statuses, cur, book)})
	}
	golden(t, "people.json", asJSON(t, people))
}

func asJSON(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(data, '\n')
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with go test ./pkg/view -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what the views give: run go test ./pkg/view -update and review the diff", path)
	}
}
