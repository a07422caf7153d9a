package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// A status column (Snipe-IT's Status, a spreadsheet's "State") says where
// an asset is in its life. It becomes events, since the state is the
// history's to say: a lost laptop gets a lost event, an archived one a
// retired event.

// StatusLabel is one line of the status table: a label as exports write
// it, and the state it stands for.
type StatusLabel struct {
	Label string
	State asset.State
}

// DefaultStatuses are the labels import knows without --status-map:
// Snipe-IT's defaults and the labels of its sample data, and itrack's own
// state names.
var DefaultStatuses = []StatusLabel{
	{"Ready to Deploy", asset.InStock}, {"Deployable", asset.InStock}, {"Available", asset.InStock}, {"In stock", asset.InStock}, {"Spare", asset.InStock},
	{"Deployed", asset.InUse}, {"In use", asset.InUse}, {"Assigned", asset.InUse},
	{"Pending", asset.Ordered}, {"Ordered", asset.Ordered}, {"On order", asset.Ordered},
	{"Out for Repair", asset.InRepair}, {"In repair", asset.InRepair}, {"Repair", asset.InRepair}, {"Broken", asset.InRepair},
	{"Out for Diagnostics", asset.InRepair}, {"Pending Diagnostics", asset.InRepair},
	{"Lost", asset.Lost}, {"Stolen", asset.Lost}, {"Lost/Stolen", asset.Lost}, {"Missing", asset.Lost},
	{"Archived", asset.Retired}, {"Undeployable", asset.Retired}, {"Broken - Not Fixable", asset.Retired}, {"Retired", asset.Retired},
	{"Decommissioned", asset.Retired}, {"End of life", asset.Retired},
}

// statusStates are the states a label can stand for: not disposed, which
// needs a method no status column gives.
var statusStates = []asset.State{asset.InStock, asset.InUse, asset.InRepair, asset.Lost, asset.Retired, asset.Ordered}

// StatusMap is the status table of one import: the defaults with
// --status-map's lines over them.
type StatusMap map[string]asset.State // normalised label → state

// NewStatusMap reads --status-map values ("LABEL=STATE") over the
// defaults.
func NewStatusMap(overrides []string) (StatusMap, error) {
	m := StatusMap{}
	for _, s := range DefaultStatuses {
		m[NormalHeader(s.Label)] = s.State
	}
	for _, o := range overrides {
		label, state, ok := strings.Cut(o, "=")
		label = strings.TrimSpace(label)
		if !ok || label == "" {
			return nil, fmt.Errorf("--status-map %q: write LABEL=STATE, e.g. --status-map \"Out for Diagnostics=in_repair\"", o)
		}
		st, err := ParseStatusState(state)
		if err != nil {
			return nil, fmt.Errorf("--status-map %q: %v", o, err)
		}
		m[NormalHeader(label)] = st
	}
	return m, nil
}

// ParseStatusState reads the state side of --status-map: a state's name,
// with spaces or dashes for its underscore, or repair and stock for short.
func ParseStatusState(s string) (asset.State, error) {
	n := strings.ReplaceAll(NormalHeader(s), " ", "_")
	switch n {
	case "repair":
		n = string(asset.InRepair)
	case "stock":
		n = string(asset.InStock)
	}
	if st := asset.State(n); slices.Contains(statusStates, st) {
		return st, nil
	}
	return "", fmt.Errorf("%q is not a state a status can stand for: %s", strings.TrimSpace(s), stateList())
}

func stateList() string {
	names := make([]string, len(statusStates))
	for i, st := range statusStates {
		names[i] = string(st)
	}
	return strings.Join(names, ", ")
}

// State returns the state a label stands for.
func (m StatusMap) State(label string) (asset.State, error) {
	if st, ok := m[NormalHeader(label)]; ok {
		return st, nil
	}
	return "", fmt.Errorf("%q is not a status itrack knows: say what it stands for, e.g. --status-map %q (a state of %s); the labels known are %s",
		label, label+"=in_stock", stateList(), m.labels())
}

// labels lists the known labels, the defaults in their table's order and
// spelling, then those --status-map added.
func (m StatusMap) labels() string {
	var out []string
	known := map[string]bool{}
	for _, s := range DefaultStatuses {
		out = append(out, s.Label)
		known[NormalHeader(s.Label)] = true
	}
	var added []string
	for n := range m {
		if !known[n] {
			added = append(added, n)
		}
	}
	slices.Sort(added)
	return strings.Join(append(out, added...), ", ")
}
