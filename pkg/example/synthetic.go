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
// demos run on. Most assets are hardware with a short history; the rest are
// spread over the other kinds, with a person per twenty assets.
func Synthetic(n int, name, currency string) map[string][]byte {
	files := make(map[string][]byte, n+n/20+2)
	files[asset.ConfigFile] = []byte(Config(name, currency))
	rng := rand.New(rand.NewPCG(42, uint64(n)))
	people := max(8, n/20)
	for i := 1; i <= people; i++ {
		id := fmt.Sprintf("person-%05d", i)
		files["people/"+id+".yaml"] = fmt.Appendf(nil, "name: %s %s\nemail: %s@example.com\ndepartment: %s\nstarts: %s\n",
			pick(rng, firstNames), pick(rng, lastNames), id, pick(rng, departments), dateAt(rng, 2015, 2025))
	}
	person := func() string { return fmt.Sprintf("person-%05d", rng.IntN(people)+1) }
	var hardware []int
	for i := 1; i <= n; i++ {
		var b strings.Builder
		var rel string
		switch r := rng.IntN(100); {
		case r < 60:
			rel = fmt.Sprintf("assets/hardware/HW-%06d.yaml", i)
			syntheticHardware(&b, rng, i, person)
			hardware = append(hardware, i)
		case r < 75:
			rel = fmt.Sprintf("assets/components/CMP-%06d.yaml", i)
			bought := dateAt(rng, 2021, 2026)
			fmt.Fprintf(&b, "name: %s\ncategory: component\nserial: C%09d\npurchase:\n  date: %s\n  cost: %d.00\n", pick(rng, componentNames), i, bought, 20+rng.IntN(400))
			if len(hardware) > 0 && rng.IntN(2) == 0 {
				fmt.Fprintf(&b, "history:\n  - date: %s\n    event: installed\n    in: HW-%06d\n", bought, pick(rng, hardware))
			}
		case r < 85:
			rel = fmt.Sprintf("assets/licences/LIC-%06d.yaml", i)
			seats := 5 + rng.IntN(50)
			fmt.Fprintf(&b, "name: %s\ncategory: software\nvendor: %s\nowner: %s\nmetric: user\nseats: %d\ncost: %d.00\nterm: 1y\nrenews: %s\nauto_renew: %t\nnotice: 30d\n",
				pick(rng, licenceNames), pick(rng, vendors), person(), seats, seats*(60+rng.IntN(300)), dateAt(rng, 2026, 2028), rng.IntN(3) > 0)
			if used := min(rng.IntN(seats+3), people); used > 0 {
				b.WriteString("history:\n")
				for s := 0; s < used; s++ {
					fmt.Fprintf(&b, "  - date: %s\n    event: assigned\n    to: person-%05d\n", asset.NewDate(2025, time.January, 1).AddDays(s), 1+(i+s)%people)
				}
			}
		case r < 90:
			rel = fmt.Sprintf("assets/domains/domain-%06d.example.yaml", i)
			fmt.Fprintf(&b, "name: domain-%06d.example\nowner: %s\nregistrar: %s\nexpires: %s\nauto_renew: %t\nterm: 1y\ncost: %d.99\n",
				i, person(), pick(rng, registrars), dateAt(rng, 2026, 2029), rng.IntN(2) == 0, 9+rng.IntN(40))
		case r < 95:
			rel = fmt.Sprintf("assets/certificates/cert-%06d.example.yaml", i)
			expires := dateAt(rng, 2026, 2028)
			fmt.Fprintf(&b, "name: host-%06d.example\nowner: %s\nsubject: CN=host-%06d.example\nsans: [host-%06d.example]\nissuer: CN=R11,O=Let's Encrypt,C=US\nnot_before: %s\nexpires: %s\nauto_renew: %t\n",
				i, person(), i, i, expires.AddMonths(-3), expires, rng.IntN(2) == 0)
		default:
			rel = fmt.Sprintf("assets/documents/DOC-%06d.yaml", i)
			fmt.Fprintf(&b, "name: %s %d\ncounterparty: %s\nowner: %s\nstarts: %s\nrenews: %s\nterm: 1y\ncost: %d.00\nauto_renew: true\nnotice: 60d\n",
				pick(rng, documentNames), i, pick(rng, vendors), person(), dateAt(rng, 2020, 2025), dateAt(rng, 2026, 2028), 500+rng.IntN(20000))
		}
		files[rel] = []byte(b.String())
	}
	return files
}

func syntheticHardware(b *strings.Builder, rng *rand.Rand, i int, person func() string) {
	model := pick(rng, hardwareModels)
	bought := dateAt(rng, 2019, 2026)
	fmt.Fprintf(b, "name: %s %d\ncategory: %s\nmanufacturer: %s\nmodel: %s\nserial: SN%08d\nowner: %s\nlocation: %s\ntags: [%s]\n",
		model.name, i, model.category, model.maker, model.name, i, person(), pick(rng, locations), pick(rng, departments))
	fmt.Fprintf(b, "purchase:\n  date: %s\n  cost: %d.%02d\n  supplier: %s\nwarranty:\n  expires: %s\nos: %s\nhistory:\n",
		bought, model.cost+rng.IntN(300), rng.IntN(100), pick(rng, vendors), bought.AddMonths(36), pick(rng, systems))
	fmt.Fprintf(b, "  - date: %s\n    event: assigned\n    to: %s\n", bought, person())
	if rng.IntN(4) == 0 {
		fmt.Fprintf(b, "  - date: %s\n    event: moved\n    to: %s\n", bought.AddDays(30+rng.IntN(300)), pick(rng, locations))
	}
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
}

var (
	hardwareModels = []hardwareModel{
		{"Latitude 7440", "Dell", "laptop", 1100}, {"MacBook Pro 14", "Apple", "laptop", 2200},
		{"ThinkPad T14", "Lenovo", "laptop", 1000}, {"OptiPlex 7010", "Dell", "desktop", 800},
		{"U2723QE", "Dell", "monitor", 500}, {"iPhone 15", "Apple", "phone", 800},
		{"PowerEdge R650", "Dell", "server", 7000}, {"FortiGate 60F", "Fortinet", "network", 1100},
	}
	componentNames = []string{"32 GB DDR5 SODIMM", "1 TB NVMe SSD", "WD19S dock", "Evolve2 65 headset", "MX Keys keyboard"}
	licenceNames   = []string{"Microsoft 365 E3", "Figma Professional", "Slack Pro", "JetBrains All Products", "Adobe Creative Cloud", "Zoom Business"}
	documentNames  = []string{"Support contract", "Maintenance agreement", "Insurance policy", "Hosting agreement"}
	vendors        = []string{"Dell UK", "CDW", "Softcat", "Insight", "Scan Business", "Bechtle"}
	registrars     = []string{"Gandi", "Cloudflare", "Namecheap", "Key-Systems"}
	locations      = []string{"London", "Manchester", "Leeds", "Remote", "Dublin"}
	departments    = []string{"engineering", "sales", "finance", "design", "operations"}
	systems        = []string{"Windows 11 23H2", "macOS 15 Sequoia", "Ubuntu 24.04 LTS", "iOS 18"}
	firstNames     = []string{"Alex", "Sam", "Jordan", "Priya", "Chen", "Fatima", "Lukas", "Maria", "Tom", "Aisha"}
	lastNames      = []string{"Smith", "Patel", "Nowak", "Garcia", "Kim", "Okafor", "Müller", "Rossi", "Brown", "Ali"}
)
