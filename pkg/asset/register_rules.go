package asset

import (
	"fmt"
	"sort"
	"strings"
)

// CheckRegister applies the rules that span files: unique IDs and serials,
// references to people, and categories known to itrack.yaml. hasPeople says
// whether the register keeps a people/ folder; only then are person
// references checked.
func CheckRegister(cfg *Config, assets []*Asset, people []*Person, hasPeople bool) Findings {
	var fs Findings
	add := func(file string, p Pos, sev Severity, rule, format string, args ...any) {
		fs = append(fs, Finding{File: file, Pos: p, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
	}

	byID := map[string][]*Asset{}
	bySerial := map[string][]*Asset{}
	for _, a := range assets {
		byID[strings.ToLower(a.ID)] = append(byID[strings.ToLower(a.ID)], a)
		if a.Serial != "" {
			key := strings.ToLower(strings.TrimSpace(a.Serial))
			bySerial[key] = append(bySerial[key], a)
		}
	}
	for _, group := range sortedGroups(byID) {
		for _, a := range group {
			add(a.File, Pos{}, Error, "duplicate-id", "ID %q is also used by %s: IDs are unique across all kinds, ignoring case; rename one file", a.ID, otherFiles(group, a))
		}
	}
	for _, group := range sortedGroups(bySerial) {
		for _, a := range group {
			add(a.File, a.Pos.Of("serial"), Error, "duplicate-serial", "serial %q is also the serial of %s: one item, one record; delete or correct the other", a.Serial, otherFiles(group, a))
		}
	}

	if hasPeople {
		known := make(map[string]bool, len(people))
		names := make([]string, 0, len(people))
		for _, p := range people {
			known[p.ID] = true
			names = append(names, p.ID)
		}
		checkPerson := func(file string, ref Ref) {
			if !known[ref.ID] {
				fs = append(fs, UnknownPerson(file, ref, names))
			}
		}
		for _, a := range assets {
			for _, ref := range a.PersonRefs() {
				checkPerson(a.File, ref)
			}
		}
		for _, p := range people {
			for _, ref := range p.PersonRefs() {
				checkPerson(p.File, ref)
			}
		}
	}

	hardware := map[string]bool{}
	for _, a := range assets {
		if a.Kind == Hardware {
			hardware[a.ID] = true
		}
	}
	for _, a := range assets {
		for _, ref := range a.HardwareRefs() {
			if !hardware[ref.ID] {
				fs = append(fs, UnknownHardware(a.File, ref))
			}
		}
	}
	hosts := map[string]*Asset{}
	for _, a := range assets {
		if a.Kind == Hardware {
			hosts[a.ID] = a
		}
	}
	for _, a := range assets {
		for _, e := range a.History {
			if id := hostOf(a, e); hosts[id] != nil {
				if msg := hostProblem(hosts[id], e.Date); msg != "" {
					add(a.File, e.Pos, Error, "host-out-of-service", "%s", msg)
				}
			}
		}
	}

	for _, a := range assets {
		fs = append(fs, CheckWithConfig(a, cfg)...)
	}
	return append(fs, noDepreciationMethod(cfg, assets)...)
}

// noDepreciationMethod warns once per category, not once per asset, of the
// assets with a cost and no depreciation method: at the category in
// itrack.yaml when it defines one, else at the first such asset.
func noDepreciationMethod(cfg *Config, assets []*Asset) Findings {
	byCategory := map[string][]*Asset{}
	for _, a := range assets {
		if cfg.NoDepreciationMethod(a) {
			byCategory[a.Category] = append(byCategory[a.Category], a)
		}
	}
	names := make([]string, 0, len(byCategory))
	for name := range byCategory {
		names = append(names, name)
	}
	sort.Strings(names)
	var fs Findings
	for _, name := range names {
		group := byCategory[name]
		sort.Slice(group, func(i, j int) bool { return group[i].File < group[j].File })
		ids := make([]string, len(group))
		for i, a := range group {
			ids[i] = a.ID
		}
		which := fmt.Sprintf("%s (%s)", plural(len(group), "asset"), listFirst(ids, 5))
		f := Finding{File: group[0].File, Pos: group[0].Pos.Of("purchase.cost"), Severity: Warning, Rule: "no-depreciation-method"}
		cat, defined := cfg.Category(name)
		switch {
		case defined:
			f.File, f.Pos = ConfigFile, cat.Pos
			f.Message = fmt.Sprintf("category %s gives no depreciation method, so the book value of its %s is %s cost: give it one in itrack.yaml (depreciation: {method: straight_line, life: 36m}), or method: none if %s not depreciate", name, which, verb(len(group), "its", "their"), verb(len(group), "it does", "they do"))
		case name == "":
			f.Message = fmt.Sprintf("%s bought at a cost %s no category and no depreciation method, so %s: give %s a category with a method in itrack.yaml, or a depreciation.method", which, verb(len(group), "has", "have"), bookIsCost(len(group)), verb(len(group), "it", "them"))
		default:
			f.Message = fmt.Sprintf("%s of category %s, which itrack.yaml does not define, %s no depreciation method, so %s: define the category with a method in itrack.yaml", which, name, verb(len(group), "has", "have"), bookIsCost(len(group)))
		}
		fs = append(fs, f)
	}
	return fs
}

func bookIsCost(n int) string {
	return verb(n, "its book value is its cost", "their book value is their cost")
}

func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// listFirst lists the first n of ids and says how many more there are.
func listFirst(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:n], ", "), len(ids)-n)
}

// CheckWithConfig applies the rules that need itrack.yaml: the category is
// known, and the depreciation its defaults give can be computed.
func CheckWithConfig(a *Asset, cfg *Config) Findings {
	var fs Findings
	if msg := depreciationProblem(a, cfg); msg != "" {
		pos := a.Pos.Of("depreciation")
		if pos == (Pos{}) {
			pos = a.Pos.Of("category")
		}
		fs = append(fs, Finding{File: a.File, Pos: pos, Severity: Error, Rule: "bad-depreciation", Message: msg})
	}
	if _, ok := cfg.Category(a.Category); a.Category != "" && !ok && len(cfg.Categories) > 0 {
		fs = append(fs, Finding{File: a.File, Pos: a.Pos.Of("category"), Severity: Warning, Rule: "unknown-category",
			Message: fmt.Sprintf("category %q is not defined in itrack.yaml, so it has no defaults%s", a.Category, didYouMean(a.Category, cfg.CategoryNames()))})
	}
	return fs
}

// sortedGroups returns the groups of more than one asset, in a stable order.
func sortedGroups(m map[string][]*Asset) [][]*Asset {
	var keys []string
	for k, g := range m {
		if len(g) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	out := make([][]*Asset, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

func otherFiles(group []*Asset, self *Asset) string {
	var files []string
	for _, a := range group {
		if a != self {
			files = append(files, a.File)
		}
	}
	sort.Strings(files)
	return strings.Join(files, ", ")
}

// UnknownPerson is the finding for a reference to a person the register
// does not have; names, when given, feed the suggestion.
func UnknownPerson(file string, ref Ref, names []string) Finding {
	msg := fmt.Sprintf("%s %q is not a person of this register (no people/%s.yaml): add them with `itrack person add %s`", ref.Key, ref.ID, ref.ID, ref.ID)
	if near, ok := Closest(ref.ID, names); ok {
		msg = fmt.Sprintf("%s %q is not a person of this register: did you mean %s? (or add them with `itrack person add %s`)", ref.Key, ref.ID, near, ref.ID)
	}
	return Finding{File: file, Pos: ref.Pos, Severity: Error, Rule: "unknown-person", Message: msg}
}

// UnknownHardware is the finding for a reference to hardware the register
// does not have.
func UnknownHardware(file string, ref Ref) Finding {
	return Finding{File: file, Pos: ref.Pos, Severity: Error, Rule: "unknown-asset",
		Message: fmt.Sprintf("%s %q: no hardware asset has that ID (assets/hardware/%s.yaml)", ref.Key, ref.ID, ref.ID)}
}

// depreciationProblem says why an asset's depreciation, with its
// category's defaults, cannot be computed ("" when it can).
func depreciationProblem(a *Asset, cfg *Config) string {
	spec := cfg.DepreciationFor(a)
	if spec.Method == NoDepreciation || a.Purchase.Cost.IsZero() {
		return ""
	}
	if spec.Life.IsZero() {
		if a.Category == "" {
			return fmt.Sprintf("depreciation method %s needs a life: add depreciation.life (e.g. 36m)", spec.Method)
		}
		return fmt.Sprintf("depreciation method %s needs a life: add depreciation.life (e.g. 36m), or give category %q a life in itrack.yaml", spec.Method, a.Category)
	}
	cost, salvage := a.Purchase.Cost.In(cfg.Currency), spec.Salvage.In(cfg.Currency)
	if !spec.Salvage.IsZero() && cost.Currency != salvage.Currency {
		return fmt.Sprintf("salvage is in %s but the purchase cost is in %s: give both in one currency", salvage.Currency, cost.Currency)
	}
	if !spec.Salvage.IsZero() && salvage.Amount.GreaterThan(cost.Amount) {
		return fmt.Sprintf("salvage %s is more than the purchase cost %s: an asset cannot depreciate to more than it cost", salvage, cost)
	}
	return ""
}

// CheckAsOf applies the rules that depend on the date: a leaver who still
// holds assets or seats, an owner who has left (and, with
// audit.require_owner, an asset without an owner), seats still held of an
// expired licence, and hardware not audited within audit.interval.
// They are warnings, at the event that gave the asset to the leaver, or
// the last audit.
func CheckAsOf(cfg *Config, assets []*Asset, people []*Person, asOf Date) Findings {
	var fs Findings
	leavers := Leavers(people, asOf)
	for _, a := range assets {
		st, err := StatusAt(a, asOf, cfg.Renewals.Window)
		if err != nil {
			continue // an impossible history has its own finding
		}
		for _, p := range st.LeaversHolding(leavers) {
			fs = append(fs, Finding{File: a.File, Pos: lastAssignment(a, p.ID, asOf), Severity: Warning, Rule: "leaver-holds",
				Message: fmt.Sprintf("%s left on %s and still holds %s: take it back (itrack unassign %s %s, or itrack offboard %s --return-all)", p.Name, p.Leaves, a.ID, a.ID, p.ID, p.ID)})
		}
		if f, ok := ownerFinding(cfg, a, st, leavers); ok {
			fs = append(fs, f)
		}
		if a.Kind == Licence && st.State == Expired && len(st.SeatHolders) > 0 {
			fs = append(fs, Finding{File: a.File, Pos: lastAssignment(a, st.SeatHolders[len(st.SeatHolders)-1], asOf), Severity: Warning, Rule: "expired-held",
				Message: fmt.Sprintf("%s expired on %s and its seats are still held by %s: free them (itrack unassign %s PERSON), or renew it (itrack renew %s)",
					a.ID, st.EndDate(a, asOf), strings.Join(st.SeatHolders, ", "), a.ID, a.ID)})
		}
		if !st.AuditOverdue(a, cfg.Audit.Interval) {
			continue
		}
		iv := cfg.Audit.Interval
		if last := st.LastAudit; last.IsZero() {
			pos := a.Pos.Of("history")
			if pos == (Pos{}) {
				pos = a.Pos.Of("purchase.date")
			}
			fs = append(fs, Finding{File: a.File, Pos: pos, Severity: Warning, Rule: "audit-overdue",
				Message: fmt.Sprintf("%s has never been audited since it was bought on %s; audits are due every %s (itrack audit %s)", a.ID, a.Purchase.Date, iv, a.ID)})
		} else {
			fs = append(fs, Finding{File: a.File, Pos: lastEvent(a, "audited", asOf), Severity: Warning, Rule: "audit-overdue",
				Message: fmt.Sprintf("%s was last audited on %s; audits are due every %s (itrack audit %s)", a.ID, last, iv, a.ID)})
		}
	}
	return fs
}

// InService reports whether an asset is in the organisation's hands on
// the status's date, so it needs an accountable owner (ISO 27001 A.5.9):
// bought, not disposed of, and for licences, domains, certificates and
// documents not expired or retired.
func (s Status) InService(a *Asset) bool {
	switch s.State {
	case "", Disposed:
		return false
	case Expired, Retired:
		return a.Kind.Tracked()
	}
	return true
}

// OwnerLeft is the owner of an asset in service who has left by the
// status's date, or nil.
func (s Status) OwnerLeft(a *Asset, leavers map[string]*Person) *Person {
	if p := leavers[a.Owner]; p != nil && s.InService(a) {
		return p
	}
	return nil
}

// ownerFinding is owner-left for an asset whose owner has left, or, with
// audit.require_owner, no-owner for one in service without an owner.
func ownerFinding(cfg *Config, a *Asset, st Status, leavers map[string]*Person) (Finding, bool) {
	if p := st.OwnerLeft(a, leavers); p != nil {
		return Finding{File: a.File, Pos: a.Pos.Of("owner"), Severity: Warning, Rule: "owner-left",
			Message: fmt.Sprintf("the owner of %s, %s, left on %s: give it an owner who is still here (itrack set %s owner=PERSON)", a.ID, p.Name, p.Leaves, a.ID)}, true
	}
	if cfg.Audit.RequireOwner && a.Owner == "" && st.InService(a) {
		return Finding{File: a.File, Pos: a.Pos.Of("name"), Severity: Warning, Rule: "no-owner",
			Message: fmt.Sprintf("%s has no owner, and audit.require_owner asks every asset in service for one: name who is accountable for it (itrack set %s owner=PERSON)", a.ID, a.ID)}, true
	}
	return Finding{}, false
}

// Leavers are the people whose last day has passed by asOf, by ID.
func Leavers(people []*Person, asOf Date) map[string]*Person {
	out := map[string]*Person{}
	for _, p := range people {
		if p.LeftBy(asOf) {
			out[p.ID] = p
		}
	}
	return out
}

// LeaversHolding lists the leavers who still hold the asset, or a seat of
// it, on the status's date.
func (s Status) LeaversHolding(leavers map[string]*Person) []*Person {
	var out []*Person
	for _, who := range append(append([]string{s.Holder}, s.SeatHolders...), s.HolderIDs()...) {
		if p, left := leavers[who]; left && s.HeldBy(who) {
			out = append(out, p)
		}
	}
	return out
}

// AuditOverdue reports whether hardware in service (in use, in stock or
// in repair) is due an audit on the status's date: its last audit, else
// its purchase, was more than every ago. A zero every means no audits.
func (s Status) AuditOverdue(a *Asset, every Duration) bool {
	if every.IsZero() || a.Kind != Hardware || (s.State != InUse && s.State != InStock && s.State != InRepair) {
		return false
	}
	last := s.LastAudit
	if last.IsZero() {
		last = a.Purchase.Date
	}
	return !last.IsZero() && every.AddTo(last).Before(s.AsOf)
}

// lastAssignment is where the asset was last given to person.
func lastAssignment(a *Asset, person string, asOf Date) Pos {
	for i := len(a.History) - 1; i >= 0; i-- {
		if e := a.History[i]; e.Type == "assigned" && e.To == person && !e.Date.After(asOf) {
			return e.Pos
		}
	}
	return Pos{}
}

// lastEvent is where the last event of a type is.
func lastEvent(a *Asset, typ EventType, asOf Date) Pos {
	for i := len(a.History) - 1; i >= 0; i-- {
		if e := a.History[i]; e.Type == typ && !e.Date.After(asOf) {
			return e.Pos
		}
	}
	return Pos{}
}
