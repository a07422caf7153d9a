package reconcile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// people finds a person by what a tool calls them: their ID, else their
// email (a UPN is compared with the email), else their name, in any case.
// A name two people share names both.
type people map[string][]string // id, email, name (lower case) → person IDs

func newPeople(ps []*asset.Person) people {
	p := people{}
	// IDs first, then emails, then names: a name never hides an ID or an
	// email that is the same text
	for _, key := range []func(*asset.Person) string{
		func(x *asset.Person) string { return x.ID },
		func(x *asset.Person) string { return x.Email },
		func(x *asset.Person) string { return x.Name },
	} {
		seen := map[string]bool{}
		for _, person := range ps {
			k := strings.ToLower(key(person))
			if k == "" {
				continue
			}
			if _, taken := p[k]; taken && !seen[k] {
				continue // an ID or email already
			}
			seen[k] = true
			if !slices.Contains(p[k], person.ID) {
				p[k] = append(p[k], person.ID)
			}
		}
	}
	return p
}

// who is the person a tool's user is: a person's ID when exactly one
// person answers to it, else the user as the tool writes it.
func (p people) who(user string) string {
	if ids := p[strings.ToLower(user)]; len(ids) == 1 {
		return ids[0]
	}
	return user
}

// holds reports whether any of the tool's names for the user is holder,
// ignoring case.
func (p people) holds(users []string, holder string) bool {
	for _, u := range users {
		if strings.EqualFold(u, holder) || slices.Contains(p[strings.ToLower(u)], holder) {
			return true
		}
	}
	return false
}

// compare holds a device the tool sees against the asset it is: a device
// the register has let go of is that finding alone; otherwise its state,
// holder, model, OS and last check-in.
func compare(d Device, a *asset.Asset, st asset.Status, p people, opts Options) []Item {
	at := func(status string) Item {
		return Item{Status: status, Key: d.Key, ID: a.ID, Row: d.Row, LastCheckIn: dateText(d.LastCheckIn)}
	}
	lastSeen := ""
	if !d.LastCheckIn.IsZero() {
		lastSeen = ", last check-in " + d.LastCheckIn.String()
	}
	if st.State.OutOfService() {
		if d.State.OutOfService() {
			return nil // the tool has let go of it too
		}
		it := at(DisposedButEnrolled)
		it.Field, it.Record = "state", string(st.State)
		fix := "wipe it and remove it from the tool, or record that it is back in use"
		if st.State == asset.Lost {
			fix = fmt.Sprintf("find out who has it and wipe it, or record it found (itrack found %s)", a.ID)
		}
		it.Message = fmt.Sprintf("%s is %s in the register (since %s) but still enrolled in the tool%s: %s (a security finding)",
			a.ID, st.State.Words(), st.Since, lastSeen, fix)
		return []Item{it}
	}
	var items []Item
	if d.State != "" && d.State != st.State && !(d.State.OutOfService() && st.State.OutOfService()) {
		it := at(Mismatch)
		it.Field, it.Export, it.Record = "state", string(d.State), string(st.State)
		it.Message = fmt.Sprintf("%s: the tool says it is %s, the register %s", a.ID, d.State.Words(), st.State.Words())
		items = append(items, it)
	}
	if d.Model != "" && a.Model != "" && !strings.EqualFold(d.Model, a.Model) {
		it := at(Mismatch)
		it.Field, it.Export, it.Record = "model", d.Model, a.Model
		it.Message = fmt.Sprintf("%s: the tool says model %q, the register %q", a.ID, d.Model, a.Model)
		items = append(items, it)
	}
	recent := !d.LastCheckIn.IsZero() && !d.LastCheckIn.After(opts.AsOf) &&
		(opts.Stale.IsZero() || opts.Stale.N == 0 || opts.Stale.SubFrom(opts.AsOf).Before(d.LastCheckIn))
	switch {
	case st.State == asset.InStock && recent:
		it := at(UnassignedInUse)
		it.Field = "holder"
		by, assign := "", "PERSON"
		if len(d.Users) > 0 {
			it.Export = d.Users[0]
			by = " by " + d.Users[0]
			if who := p.who(d.Users[0]); who != d.Users[0] {
				assign = who
			}
		}
		it.Message = fmt.Sprintf("%s is in stock in the register but checked in on %s%s: record who has it (itrack assign %s %s) or find out who is using it",
			a.ID, d.LastCheckIn, by, a.ID, assign)
		items = append(items, it)
	case len(d.Users) > 0 && !p.holds(d.Users, st.Holder):
		holder := st.Holder
		if holder == "" {
			holder = "nobody (" + string(st.State) + ")"
		}
		it := at(Mismatch)
		it.Field, it.Export, it.Record = "holder", d.Users[0], st.Holder
		it.Message = fmt.Sprintf("%s: the tool says %s uses it, the register says %s", a.ID, d.Users[0], holder)
		items = append(items, it)
	}
	if a.OS != "" && comparableOS(d.OS) && !sameOS(a.OS, d.OS) {
		it := at(OSMismatch)
		it.Field, it.Export, it.Record = "os", d.OS, a.OS
		shown, name := fmt.Sprintf("%q", d.OS), osName(d.OS)
		if name != d.OS {
			shown += " (" + name + ")"
		}
		it.Message = fmt.Sprintf("%s: the tool says the OS is %s, the register %q: update the device, or the register (itrack set %s \"os=%s\")",
			a.ID, shown, a.OS, a.ID, name)
		items = append(items, it)
	}
	if st.State == asset.InUse && !d.LastCheckIn.IsZero() && !opts.Stale.IsZero() && opts.Stale.N > 0 &&
		d.LastCheckIn.Before(opts.Stale.SubFrom(opts.AsOf)) {
		it := at(Stale)
		it.Message = fmt.Sprintf("%s has not checked in since %s (%d days, more than %s): is it still in use? Find it, or record it lost (itrack lost %s) or retired",
			a.ID, d.LastCheckIn, d.LastCheckIn.DaysUntil(opts.AsOf), opts.Stale, a.ID)
		items = append(items, it)
	}
	return items
}
