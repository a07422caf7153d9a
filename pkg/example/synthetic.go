package example

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/itrack/itrack/pkg/asset"
)

// Synthetic returns a register of n assets made from a fixed seed, so the
// same n always gives the same files: the register benchmarks and scale
// demos run on. It looks like a real one: most assets are hardware, with
// the OS its maker ships, and a history that takes it through the states
// real devices go through (in use, moved, audited, repaired, returned to
// stock, retired, disposed of, lost); the rest are spread over the other
// kinds. There is a person per twenty assets, one in sixteen of whom has
// left and may still hold a device or a licence seat.
func Synthetic(n int, name, currency string) map[string][]byte {
	files := make(map[string][]byte, n+n/20+2)
	files[asset.ConfigFile] = []byte(Config(name, currency))
	rng := rand.New(rand.NewPCG(42, uint64(n)))
	people := max(8, n/20)
	leaves := make([]asset.Date, people+1) // by person number; zero: still here
	for i := 1; i <= people; i++ {
		id := fmt.Sprintf("person-%05d", i)
		text := fmt.Sprintf("name: %s %s\nemail: %s@example.com\ndepartment: %s\nstarts: %s\n",
			pick(rng, firstNames), pick(rng, lastNames), id, pick(rng, departments), dateAt(rng, 2015, 2025))
		if i > 8 && rng.IntN(16) == 0 {
			leaves[i] = asset.NewDate(2026, time.Month(1+rng.IntN(10)), 1+rng.IntN(28))
			text += fmt.Sprintf("leaves: %s\n", leaves[i])
		}
		files["people/"+id+".yaml"] = []byte(text)
	}
	// someone who is still here on day d (a leaver may be given something
	// before their last day)
	here := func(d asset.Date) string {
		for {
			if p := rng.IntN(people) + 1; leaves[p].IsZero() || d.Before(leaves[p]) {
				return fmt.Sprintf("person-%05d", p)
			}
		}
	}
	staff := func() string { return here(asset.NewDate(9999, 12, 31)) } // owners have not left
	var inService []int                                                 // hardware never retired, lost or disposed of: components go in these
	for i := 1; i <= n; i++ {
		var b strings.Builder
		var rel string
		switch r := rng.IntN(100); {
		case r < 60:
			rel = fmt.Sprintf("assets/hardware/HW-%06d.yaml", i)
			if syntheticHardware(&b, rng, i, here, staff) {
				inService = append(inService, i)
			}
		case r < 75:
			rel = fmt.Sprintf("assets/components/CMP-%06d.yaml", i)
			bought := dateAt(rng, 2021, 2026)
			fmt.Fprintf(&b, "name: %s\ncategory: component\nserial: C%09d\npurchase:\n  date: %s\n  cost: %d.00\n", pick(rng, componentNames), i, bought, 20+rng.IntN(400))
			if len(inService) > 0 && rng.IntN(2) == 0 {
				fmt.Fprintf(&b, "history:\n  - date: %s\n    event: installed\n    in: HW-%06d\n", bought, pick(rng, inService))
			}
		case r < 85:
			rel = fmt.Sprintf("assets/licences/LIC-%06d.yaml", i)
			seats := 5 + rng.IntN(50)
			fmt.Fprintf(&b, "name: %s\ncategory: software\nvendor: %s\nowner: %s\nmetric: user\nseats: %d\ncost: %d.00\nterm: 1y\nrenews: %s\nauto_renew: %t\nnotice: 30d\n",
				pick(rng, licenceNames), pick(rng, vendors), staff(), seats, seats*(60+rng.IntN(300)), dateAt(rng, 2026, 2028), rng.IntN(3) > 0)
			if used := min(rng.IntN(seats+3), people); used > 0 {
				b.WriteString("history:\n")
				for s := 0; s < used; s++ {
					// seats given on 1 January 2025, before anyone left
					fmt.Fprintf(&b, "  - date: %s\n    event: assigned\n    to: person-%05d\n", asset.NewDate(2025, time.January, 1).AddDays(s), 1+(i+s)%people)
				}
			}
		case r < 90:
			rel = fmt.Sprintf("assets/domains/domain-%06d.example.yaml", i)
			fmt.Fprintf(&b, "name: domain-%06d.example\nowner: %s\nregistrar: %s\nexpires: %s\nauto_renew: %t\nterm: 1y\ncost: %d.99\n",
				i, staff(), pick(rng, registrars), dateAt(rng, 2026, 2029), rng.IntN(2) == 0, 9+rng.IntN(40))
		case r < 95:
			rel = fmt.Sprintf("assets/certificates/cert-%06d.example.yaml", i)
			expires := dateAt(rng, 2026, 2028)
			fmt.Fprintf(&b, "name: host-%06d.example\nowner: %s\nsubject: CN=host-%06d.example\nsans: [host-%06d.example]\nissuer: CN=R11,O=Let's Encrypt,C=US\nnot_before: %s\nexpires: %s\nauto_renew: %t\n",
				i, staff(), i, i, expires.AddMonths(-3), expires, rng.IntN(2) == 0)
		default:
			rel = fmt.Sprintf("assets/documents/DOC-%06d.yaml", i)
			fmt.Fprintf(&b, "name: %s %d\ncounterparty: %s\nowner: %s\nstarts: %s\nrenews: %s\nterm: 1y\ncost: %d.00\nauto_renew: true\nnotice: %dd\n",
				pick(rng, documentNames), i, pick(rng, vendors), staff(), dateAt(rng, 2020, 2025), dateAt(rng, 2026, 2028), 500+rng.IntN(20000), 30*(1+rng.IntN(3)))
		}
		files[rel] = []byte(b.String())
	}
	return files
}

// lastEvent is the last day a synthetic event may fall on: before any
// day the benchmarks ask about.
var lastEvent = asset.NewDate(2026, time.November, 20)

// syntheticHardware writes a hardware record: the OS its maker ships, and
// a history through the states devices go through. It reports whether the
// device is still in service (in use, in stock or in repair).
func syntheticHardware(b *strings.Builder, rng *rand.Rand, i int, here func(asset.Date) string, staff func() string) bool {
	model := pick(rng, hardwareModels)
	bought := dateAt(rng, 2019, 2026)
	fmt.Fprintf(b, "name: %s %d\ncategory: %s\nmanufacturer: %s\nmodel: %s\nserial: SN%08d\nowner: %s\nlocation: %s\ntags: [%s]\n",
		model.name, i, model.category, model.maker, model.name, i, staff(), pick(rng, locations), pick(rng, departments))
	fmt.Fprintf(b, "purchase:\n  date: %s\n  cost: %d.%02d\n  supplier: %s\nwarranty:\n  expires: %s\n",
		bought, model.cost+rng.IntN(300), rng.IntN(100), pick(rng, vendors), bought.AddMonths(36))
	if len(model.systems) > 0 {
		fmt.Fprintf(b, "os: %s\n", pick(rng, model.systems))
	}
	b.WriteString("history:\n")
	day := bought
	// next is a later day for the next event, false when it would be past
	// lastEvent: the history stops there
	next := func(from, to int) bool {
		d := day.AddDays(from + rng.IntN(to-from))
		if lastEvent.Before(d) {
			return false
		}
		day = d
		return true
	}
	event := func(text string, args ...any) {
		fmt.Fprintf(b, "  - date: %s\n    event: "+text+"\n", append([]any{day}, args...)...)
	}
	event("assigned\n    to: %s", here(day))
	if rng.IntN(4) == 0 && next(30, 300) {
		event("moved\n    to: %s", pick(rng, locations))
	}
	if rng.IntN(3) == 0 && next(60, 400) {
		event("repair\n    note: %s", pick(rng, faults))
		if rng.IntN(8) == 0 || !next(5, 40) {
			return true // still away
		}
		event("repaired\n    cost: %d.00", rng.IntN(3)*90)
	}
	if rng.IntN(2) == 0 && next(90, 500) {
		event("audited\n    location: %s\n    by: %s", pick(rng, locations), staff())
	}
	switch r := rng.IntN(100); {
	case r < 60: // in use
		return true
	case r < 72: // back in stock
		if next(200, 900) {
			event("unassigned")
		}
		return true
	case r < 75: // lost
		if next(100, 900) {
			event("lost\n    note: Reported missing")
			return false
		}
		return true
	}
	if !next(700, 1500) { // retired, and perhaps disposed of
		return true
	}
	event("unassigned")
	event("retired\n    reason: %s", pick(rng, retirements))
	if rng.IntN(3) == 0 && next(20, 120) {
		event("disposed\n    method: recycled\n    certificate: WEEE-%06d", i)
	}
	return false
}

// dateAt picks a date in the years from..to-1, days 1 to 28 so every month
// has it.
func dateAt(rng *rand.Rand, from, to int) asset.Date {
	return asset.NewDate(from+rng.IntN(to-from), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
}

func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

type hardwareModel struct {
	name, maker, category string
	cost                  int
	systems               []string // the OS versions it runs; none for a monitor
}

var (
	windows        = []string{"Windows 11 23H2", "Windows 11 24H2", "Windows 10 22H2"}
	macOS          = []string{"macOS 15 Sequoia", "macOS 14 Sonoma"}
	hardwareModels = []hardwareModel{
		{"Latitude 7440", "Dell", "laptop", 1100, windows}, {"MacBook Pro 14", "Apple", "laptop", 2200, macOS},
		{"ThinkPad T14", "Lenovo", "laptop", 1000, windows}, {"OptiPlex 7010", "Dell", "desktop", 800, windows},
		{"U2723QE", "Dell", "monitor", 500, nil}, {"iPhone 15", "Apple", "phone", 800, []string{"iOS 18", "iOS 17"}},
		{"PowerEdge R650", "Dell", "server", 7000, []string{"Ubuntu 24.04 LTS", "Windows Server 2022"}},
		{"FortiGate 60F", "Fortinet", "network", 1100, []string{"FortiOS 7.4", "FortiOS 7.2"}},
	}
	faults         = []string{"Cracked screen", "Battery swelling", "Keyboard fault", "Will not boot", "Fan noise"}
	retirements    = []string{"Out of warranty", "Replaced by a newer model", "Battery worn out", "Beyond economic repair"}
	componentNames = []string{"32 GB DDR5 SODIMM", "1 TB NVMe SSD", "WD19S dock", "Evolve2 65 headset", "MX Keys keyboard"}
	licenceNames   = []string{"Microsoft 365 E3", "Figma Professional", "Slack Pro", "JetBrains All Products", "Adobe Creative Cloud", "Zoom Business"}
	documentNames  = []string{"Support contract", "Maintenance agreement", "Insurance policy", "Hosting agreement"}
	vendors        = []string{"Dell UK", "CDW", "Softcat", "Insight", "Scan Business", "Bechtle"}
	registrars     = []string{"Gandi", "Cloudflare", "Namecheap", "Key-Systems"}
	locations      = []string{"London", "Manchester", "Leeds", "Remote", "Dublin"}
	departments    = []string{"engineering", "sales", "finance", "design", "operations"}
	firstNames     = []string{"Alex", "Sam", "Jordan", "Priya", "Chen", "Fatima", "Lukas", "Maria", "Tom", "Aisha"}
	lastNames      = []string{"Smith", "Patel", "Nowak", "Garcia", "Kim", "Okafor", "Müller", "Rossi", "Brown", "Ali"}
)
