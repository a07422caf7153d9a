package register

import (
	"slices"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// What completion offers: IDs from file names, and the assets an event
// command can take.

// Accepting lists, sorted, the IDs starting with prefix (ignoring case) of
// the assets that can take an event of type t on day on ("" takes every
// asset). Beyond limit candidates it reads no file and offers every ID of
// the kinds that take t, from the file names alone.
func (r *Register) Accepting(t asset.EventType, prefix string, on asset.Date, limit int) []string {
	type candidate struct {
		kind asset.Kind
		id   string
	}
	var cands []candidate
	for _, k := range asset.KindsTaking(t) {
		for _, id := range r.IDsStarting("assets/"+k.Folder(), prefix) {
			cands = append(cands, candidate{k, id})
		}
	}
	ids := make([]string, 0, len(cands))
	for _, c := range cands {
		ids = append(ids, c.id)
	}
	if t == "" || len(cands) > limit {
		slices.Sort(ids)
		return ids
	}
	// the candidates' files decoded one worker per CPU, as Load does
	accepts := make([]bool, len(cands))
	Parallel(len(cands), func(i int) {
		c := cands[i]
		data, err := r.ReadFile(AssetPath(c.kind, c.id))
		if err != nil {
			return
		}
		a, fs := asset.DecodeAsset(AssetPath(c.kind, c.id), c.id, c.kind, data)
		accepts[i] = !fs.HasErrors() && asset.Accepts(a, t, on, r.Config.Renewals.Window)
	})
	ids = ids[:0]
	for i, c := range cands {
		if accepts[i] {
			ids = append(ids, c.id)
		}
	}
	slices.Sort(ids)
	return ids
}

// IDsStarting lists the IDs of a folder's records that start with prefix,
// ignoring case, from their names alone.
func (r *Register) IDsStarting(folder, prefix string) []string {
	lower := strings.ToLower(prefix)
	var ids []string
	found, _ := r.RecordIDs(folder) // completion offers what it can read
	for _, id := range found {
		if strings.HasPrefix(strings.ToLower(id), lower) {
			ids = append(ids, id)
		}
	}
	return ids
}
