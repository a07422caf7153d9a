package cli

import (
	"io"
	"reflect"
	"testing"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
)

// Each command parses its command line into its options; with a run
// function, it hands them over and does nothing else, so these tests read
// no register and write nothing.
func TestCommandsParseTheirOptions(t *testing.T) {
	app := &App{IO: &IOStreams{Out: io.Discard, Err: io.Discard}}
	var got any
	capture := func(o any) error { got = o; return nil }
	tests := []struct {
		name string
		cmd  *cobra.Command
		args []string
		want any
	}{
		{"list", newListCmd(app, func(o *listOptions) error { return capture(o) }),
			[]string{"--kind", "hardware", "--holder", "alice", "--tag", "eng"},
			&listOptions{kind: "hardware", holder: "alice", tag: "eng"}},
		{"seats", newSeatsCmd(app, func(o *seatsOptions) error { return capture(o) }),
			[]string{"figma", "--fail"}, &seatsOptions{id: "figma", fail: true}},
		{"forecast defaults", newForecastCmd(app, func(o *forecastOptions) error { return capture(o) }),
			nil, &forecastOptions{months: 12, by: "month"}},
		{"renewals", newRenewalsCmd(app, func(o *renewalsOptions) error { return capture(o) }),
			[]string{"--within", "30d", "--fail-within", "14d"}, &renewalsOptions{within: "30d", failWithin: "14d"}},
		{"depreciation", newDepreciationCmd(app, func(o *depreciationOptions) error { return capture(o) }),
			[]string{"--by", "year"}, &depreciationOptions{by: "year"}},
		{"show", newShowCmd(app, func(o *showOptions) error { return capture(o) }),
			[]string{"LT-0001"}, &showOptions{id: "LT-0001"}},
		{"diff", newDiffCmd(app, func(o *diffOptions) error { return capture(o) }),
			[]string{"main", "--fail-on", "deletions"}, &diffOptions{revisions: []string{"main"}, failOn: "deletions"}},
		{"reconcile", newReconcileCmd(app, func(o *reconcileOptions) error { return capture(o) }),
			[]string{"mdm.csv", "--map", "SN=serial"}, &reconcileOptions{file: "mdm.csv", key: "serial", maps: []string{"SN=serial"}, stale: "30d"}},
		{"set", newSetCmd(app, func(o *setOptions) error { return capture(o) }),
			[]string{"LT-0001", "location=Leeds", "owner="}, &setOptions{id: "LT-0001", assignments: []string{"location=Leeds", "owner="}}},
		{"offboard", newOffboardCmd(app, func(o *offboardOptions) error { return capture(o) }),
			[]string{"farid", "--return-all", "--date", "2026-12-18"},
			&offboardOptions{person: "farid", flags: eventFlags{date: "2026-12-18"}, returnAll: true}},
		{"validate", newValidateCmd(app, func(o *validateOptions) error { return capture(o) }),
			[]string{"--strict"}, &validateOptions{strict: true}},
		{"add", newAddCmd(app, func(o *addOptions) error { return capture(o) }),
			[]string{"licence", "figma", "--name", "Figma", "--seats", "5", "--auto-renew"},
			&addOptions{kind: asset.Licence, id: "figma", values: map[string]string{"name": "Figma", "seats": "5", "auto-renew": "true"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got = nil
			tt.cmd.SetArgs(tt.args)
			tt.cmd.SetOut(io.Discard)
			tt.cmd.SetErr(io.Discard)
			if err := tt.cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parsed %+v, want %+v", got, tt.want)
			}
		})
	}
}

// An event command's options are the change it would record.
func TestEventCommandsParseTheirChange(t *testing.T) {
	app := &App{IO: &IOStreams{Out: io.Discard, Err: io.Discard}}
	var got *change
	capture := func(c *change) error { got = c; return nil }
	tests := []struct {
		name   string
		cmd    *cobra.Command
		args   []string
		values map[string]string
		opts   asset.PlanOptions
		date   string
	}{
		{"assign", newAssignCmd(app, capture), []string{"LT-0001", "bob", "--reassign", "--date", "2026-11-02"},
			map[string]string{"event": "assigned", "to": "bob"}, asset.PlanOptions{Reassign: true}, "2026-11-02"},
		{"unassign", newUnassignCmd(app, capture), []string{"figma", "alice"},
			map[string]string{"event": "unassigned", "from": "alice"}, asset.PlanOptions{}, ""},
		{"renew --for", newRenewCmd(app, capture), []string{"example.com", "--for", "1y", "--cost", "12"},
			map[string]string{"event": "renewed", "until": "", "cost": "12"}, asset.PlanOptions{Extend: asset.Duration{N: 1, Unit: 'y'}}, ""},
		{"dispose", newDisposeCmd(app, capture), []string{"LT-0001", "--method", "sold", "--proceeds", "100"},
			map[string]string{"event": "disposed", "method": "sold", "proceeds": "100"}, asset.PlanOptions{}, ""},
		{"true-up", newTrueUpCmd(app, capture), []string{"figma", "12"},
			map[string]string{"event": "seats", "seats": "12", "cost": ""}, asset.PlanOptions{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got = nil
			tt.cmd.SetArgs(tt.args)
			if err := tt.cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			if got == nil || got.err != nil {
				t.Fatalf("change %+v", got)
			}
			if !reflect.DeepEqual(got.values, tt.values) || got.opts != tt.opts || got.flags.date != tt.date {
				t.Errorf("parsed %v %+v date %q, want %v %+v date %q", got.values, got.opts, got.flags.date, tt.values, tt.opts, tt.date)
			}
		})
	}
}
