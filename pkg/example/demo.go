package example

import (
	"fmt"
	"strings"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"go.yaml.in/yaml/v3"
)

// Demo returns the files of the demo register: a 40-person analytics firm
// with laptops, a server room, SaaS licences, domains, certificates and
// contracts, and histories that exercise every command. Dates are set
// around today, so renewals are due soon whenever the demo is made: a few
// fall inside the next weeks, one certificate has just expired, and one
// leaver still holds a laptop.
func Demo(today asset.Date) map[string][]byte {
	d := &demo{t: today, files: map[string][]byte{}}
	d.files[asset.ConfigFile] = []byte(Config("Northwind Analytics Ltd", "GBP"))
	d.people()
	d.hardware()
	d.components()
	d.licences()
	d.domains()
	d.certificates()
	d.documents()
	return d.files
}

type demo struct {
	t     asset.Date
	files map[string][]byte
}

// day and month give dates relative to today.
func (d *demo) day(n int) string   { return d.t.AddDays(n).String() }
func (d *demo) month(n int) string { return d.t.AddMonths(n).String() }

// put stores a record in canonical form, so the demo passes `itrack fmt
// --check` and shows what itrack itself writes.
func (d *demo) put(rel, text string) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		panic(fmt.Sprintf("demo %s: %v", rel, err)) // a bug in the demo's text, caught by its tests
	}
	canonicalOrder(rel, &doc)
	data, err := register.Encode(&doc)
	if err != nil {
		panic(fmt.Sprintf("demo %s: %v", rel, err))
	}
	d.files[rel] = data
}

func (d *demo) people() {
	people := []struct {
		id, name, dept, manager string
		starts                  int
		leaves                  int
	}{
		{"alice", "Alice Moreno", "IT", "", -60, 0},
		{"bob", "Bob Okafor", "Engineering", "alice", -40, 0},
		{"carol", "Carol Jensen", "Engineering", "bob", -30, 0},
		{"dan", "Dan Whitfield", "Finance", "alice", -50, 0},
		{"erin", "Erin Castillo", "Design", "bob", -20, 0},
		{"farid", "Farid Haddad", "Sales", "dan", -26, -1},
		{"grace", "Grace Liu", "Sales", "dan", -8, 0},
		{"hiro", "Hiro Tanaka", "Engineering", "bob", -3, 0},
	}
	for _, p := range people {
		var b strings.Builder
		fmt.Fprintf(&b, "name: %s\nemail: %s@northwind-analytics.com\ndepartment: %s\n", p.name, p.id, p.dept)
		if p.manager != "" {
			fmt.Fprintf(&b, "manager: %s\n", p.manager)
		}
		fmt.Fprintf(&b, "location: London\nstarts: %s\n", d.month(p.starts))
		if p.leaves != 0 {
			fmt.Fprintf(&b, "leaves: %s\n", d.month(p.leaves))
		}
		d.put("people/"+p.id+".yaml", b.String())
	}
}

func (d *demo) hardware() {
	d.put("assets/hardware/LT-0001.yaml", fmt.Sprintf(`name: MacBook Pro 14 (Alice)
category: laptop
manufacturer: Apple
model: MacBook Pro 14-inch M3 Pro
serial: C02FK3XYQ6L4
owner: alice
location: London
tags: [engineering, macos]
purchase:
  date: %s
  cost: 2399.00
  supplier: Apple Business
  order: PO-2291
warranty:
  expires: %s
  provider: AppleCare for Enterprise
os: macOS 15 Sequoia
history:
  - date: %s
    event: assigned
    to: alice
`, d.month(-14), d.month(22), d.month(-14)))

	d.put("assets/hardware/LT-0002.yaml", fmt.Sprintf(`name: Dell Latitude 7440 (Bob)
category: laptop
manufacturer: Dell
model: Latitude 7440
serial: 5CG3411JQX
owner: alice
location: London
tags: [engineering]
purchase:
  date: %s
  cost: 1249.00
  supplier: Dell UK
  order: PO-2207
  invoice: INV-88120
warranty:
  expires: %s
  provider: Dell ProSupport
os: Windows 11 23H2
history:
  - date: %s
    event: assigned
    to: bob
  - date: %s
    event: serviced
    note: Battery calibration and BIOS update
`, d.month(-20), d.month(16), d.month(-20), d.month(-6)))

	d.put("assets/hardware/LT-0003.yaml", fmt.Sprintf(`name: Dell Latitude 7440 (Carol)
category: laptop
manufacturer: Dell
model: Latitude 7440
serial: 5CG3411JR2
owner: alice
location: London
tags: [engineering]
purchase:
  date: %s
  cost: 1249.00
  supplier: Dell UK
  order: PO-2207
warranty:
  expires: %s
  provider: Dell ProSupport
os: Windows 11 23H2
history:
  - date: %s
    event: assigned
    to: carol
  # Cracked screen: replaced under warranty.
  - date: %s
    event: repair
    note: Cracked screen, sent to Dell
  - date: %s
    event: repaired
    note: Screen replaced under warranty
    cost: 0.00
`, d.month(-20), d.month(16), d.month(-20), d.day(-75), d.day(-68)))

	d.put("assets/hardware/LT-0004.yaml", fmt.Sprintf(`name: ThinkPad X1 Carbon (Farid)
category: laptop
manufacturer: Lenovo
model: ThinkPad X1 Carbon Gen 11
serial: PF4KX2B7
owner: alice
location: Manchester
tags: [sales]
purchase:
  date: %s
  cost: 1689.00
  supplier: CDW UK
warranty:
  expires: %s
  provider: Lenovo Premier Support
os: Windows 11 23H2
history:
  - date: %s
    event: assigned
    to: farid
`, d.month(-26), d.month(10), d.month(-26)))

	d.put("assets/hardware/LT-0005.yaml", fmt.Sprintf(`name: Dell Latitude 5420
category: laptop
manufacturer: Dell
model: Latitude 5420
serial: 7H2KQ53
owner: alice
purchase:
  date: %s
  cost: 899.00
  supplier: Dell UK
os: Windows 10 22H2
history:
  - date: %s
    event: assigned
    to: dan
  - date: %s
    event: unassigned
  - date: %s
    event: retired
    reason: Out of warranty, battery swollen
  - date: %s
    event: disposed
    method: recycled
    certificate: WEEE-2291-0042
    note: Drive wiped (NIST 800-88 purge) before collection
`, d.month(-58), d.month(-58), d.month(-4), d.month(-4), d.day(-100)))

	d.put("assets/hardware/LT-0006.yaml", fmt.Sprintf(`name: MacBook Air 13 (spare)
category: laptop
manufacturer: Apple
model: MacBook Air 13-inch M2
serial: FVFHK2XQ1WFV
owner: alice
location: London IT store
tags: [spare, macos]
purchase:
  date: %s
  cost: 1149.00
  supplier: Apple Business
warranty:
  expires: %s
  provider: Apple
os: macOS 15 Sequoia
history:
  - date: %s
    event: assigned
    to: erin
  - date: %s
    event: unassigned
    note: Erin moved to a MacBook Pro
  - date: %s
    event: audited
    location: London IT store
    by: alice
`, d.month(-30), d.month(-18), d.month(-30), d.month(-5), d.month(-2)))

	d.put("assets/hardware/LT-0007.yaml", fmt.Sprintf(`name: ThinkPad T14 (new starter)
category: laptop
manufacturer: Lenovo
model: ThinkPad T14 Gen 5
owner: alice
location: London
purchase:
  date: %s
  cost: 1129.00
  supplier: CDW UK
  order: PO-2345
history:
  - date: %s
    event: ordered
    note: For Hiro's replacement machine
`, d.day(9), d.day(-5)))

	d.put("assets/hardware/MON-0001.yaml", fmt.Sprintf(`name: Dell UltraSharp 27 (desk 4)
category: monitor
manufacturer: Dell
model: U2723QE
serial: CN0FTR4H
owner: alice
location: London
purchase:
  date: %s
  cost: 549.00
  supplier: Dell UK
warranty:
  expires: %s
history:
  - date: %s
    event: assigned
    to: erin
`, d.month(-22), d.month(14), d.month(-22)))

	// Bought for sales demos with no category, so nothing says how it
	// depreciates; Farid, its owner, has left.
	d.put("assets/hardware/PRJ-0001.yaml", fmt.Sprintf(`name: Epson EB-L210W projector (boardroom)
manufacturer: Epson
model: EB-L210W
serial: X8JK4400217
owner: farid
location: London boardroom
purchase:
  date: %s
  cost: 1349.00
  supplier: Projectorpoint
`, d.month(-14)))

	d.put("assets/hardware/PH-0001.yaml", fmt.Sprintf(`name: iPhone 15 (Grace)
category: phone
manufacturer: Apple
model: iPhone 15 128GB
serial: F17HX9K2PLJ
owner: dan
location: London
tags: [mobile]
purchase:
  date: %s
  cost: 799.00
  supplier: Vodafone Business
os: iOS 18
history:
  - date: %s
    event: assigned
    to: grace
  - date: %s
    event: lost
    note: Left on a train; reported to Vodafone, remote wipe sent
`, d.month(-8), d.month(-8), d.day(-12)))

	d.put("assets/hardware/SRV-0001.yaml", fmt.Sprintf(`name: File and build server
description: Runs the Samba shares and the CI build agents.
category: server
manufacturer: Dell
model: PowerEdge R650
serial: 9XK2M53
owner: alice
location: London server room
tags: [server, production]
purchase:
  date: %s
  cost: 8450.00
  supplier: Dell UK
  order: PO-1902
  invoice: INV-77104
depreciation:
  method: double_declining
  life: 60m
  salvage: 500.00
warranty:
  expires: %s
  provider: Dell ProSupport Plus
os: Ubuntu 22.04 LTS
support_ends: %s
history:
  - date: %s
    event: assigned
    to: alice
    note: Custodian for the server room
  - date: %s
    event: audited
    location: London server room
    by: alice
  - date: %s
    event: serviced
    note: Replaced a failed PSU
    cost: 210.00
`, d.month(-41), d.day(19), d.month(29), d.month(-41), d.month(-13), d.month(-9)))

	d.put("assets/hardware/NET-0001.yaml", fmt.Sprintf(`name: Office firewall
category: network
manufacturer: Fortinet
model: FortiGate 60F
serial: FGT60FTK21004412
owner: alice
location: London server room
tags: [network, security]
purchase:
  date: %s
  cost: 1180.00
  supplier: Exclusive Networks
os: FortiOS 7.2
support_ends: %s
history:
  - date: %s
    event: assigned
    to: alice
    note: Custodian for the server room
`, d.month(-50), d.day(-20), d.month(-50)))
}

func (d *demo) components() {
	d.put("assets/components/RAM-0001.yaml", fmt.Sprintf(`name: 64 GB DDR4 RDIMM kit
category: component
manufacturer: Samsung
model: M393A4K40EB3
serial: S4K40EB3-0091
purchase:
  date: %s
  cost: 310.00
  supplier: Scan Business
history:
  - date: %s
    event: installed
    in: SRV-0001
`, d.month(-12), d.month(-12)))

	d.put("assets/components/SSD-0001.yaml", fmt.Sprintf(`name: 2 TB NVMe SSD
category: component
manufacturer: Samsung
model: 990 PRO 2TB
serial: S6Z2NJ0W412233
purchase:
  date: %s
  cost: 164.99
  supplier: Scan Business
history:
  - date: %s
    event: installed
    in: LT-0002
`, d.month(-7), d.month(-7)))

	d.put("assets/components/DOCK-0001.yaml", fmt.Sprintf(`name: Dell WD19S dock
category: component
manufacturer: Dell
model: WD19S 130W
serial: CN0D4R2X
location: London
purchase:
  date: %s
  cost: 189.00
  supplier: Dell UK
history:
  - date: %s
    event: assigned
    to: bob
`, d.month(-20), d.month(-20)))

	d.put("assets/components/HS-0001.yaml", fmt.Sprintf(`name: Jabra Evolve2 65 headset
category: component
manufacturer: Jabra
model: Evolve2 65 UC
serial: JB65-20931
location: London IT store
purchase:
  date: %s
  cost: 199.00
  supplier: Scan Business
`, d.month(-3)))
}

func (d *demo) licences() {
	d.put("assets/licences/microsoft-365-business-premium.yaml", fmt.Sprintf(`name: Microsoft 365 Business Premium
category: software
vendor: Microsoft
owner: alice
metric: user
seats: 10
cost: 2640.00
term: 1y
renews: %s
auto_renew: true
notice: 30d
history:
  - date: %s
    event: assigned
    to: alice
  - date: %s
    event: assigned
    to: bob
  - date: %s
    event: assigned
    to: dan
  - date: %s
    event: assigned
    to: carol
  - date: %s
    event: assigned
    to: farid
  - date: %s
    event: assigned
    to: erin
  - date: %s
    event: assigned
    to: grace
  - date: %s
    event: assigned
    to: hiro
`, d.day(45), d.month(-36), d.month(-36), d.month(-36), d.month(-30), d.month(-26), d.month(-20), d.month(-8), d.month(-3)))

	d.put("assets/licences/figma-professional.yaml", fmt.Sprintf(`name: Figma Professional
category: software
vendor: Figma
owner: erin
metric: user
seats: 2
cost: 1080.00
term: 1y
renews: %s
auto_renew: true
notice: 14d
history:
  - date: %s
    event: assigned
    to: erin
  - date: %s
    event: assigned
    to: carol
  # Hiro joined the design review rota before a third seat was bought.
  - date: %s
    event: assigned
    to: hiro
`, d.day(130), d.month(-20), d.month(-10), d.month(-2)))

	d.put("assets/licences/jetbrains-all-products.yaml", fmt.Sprintf(`name: JetBrains All Products Pack
category: software
vendor: JetBrains
owner: bob
metric: user
seats: 5
cost: 3245.00
term: 1y
renews: %s
auto_renew: false
history:
  - date: %s
    event: assigned
    to: bob
  - date: %s
    event: assigned
    to: carol
`, d.day(62), d.month(-22), d.month(-22)))

	d.put("assets/licences/adobe-acrobat-pro.yaml", fmt.Sprintf(`name: Adobe Acrobat Pro
category: software
vendor: Adobe
owner: dan
metric: user
seats: 2
cost: 455.76
term: 1y
renews: %s
auto_renew: true
notice: 14d
history:
  - date: %s
    event: assigned
    to: dan
  - date: %s
    event: assigned
    to: grace
`, d.day(11), d.month(-23), d.month(-8)))

	// Cancelled when the sales team moved to spreadsheets; its term has
	// ended, but Grace's seat was never taken back.
	d.put("assets/licences/tableau-creator.yaml", fmt.Sprintf(`name: Tableau Creator
category: software
vendor: Salesforce
owner: dan
metric: user
seats: 2
cost: 1512.00
term: 1y
renews: %s
history:
  - date: %s
    event: assigned
    to: grace
  - date: %s
    event: cancelled
    note: Sales reports moved to spreadsheets
`, d.day(-70), d.month(-8), d.month(-4)))

	d.put("assets/licences/windows-server-2022.yaml", fmt.Sprintf(`name: Windows Server 2022 Standard (16 core)
category: software
vendor: Microsoft
owner: alice
metric: device
seats: 1
purchase:
  date: %s
  cost: 1069.00
  supplier: Softcat
version: "2022"
support_ends: 2031-10-14
history:
  - date: %s
    event: assigned
    to: SRV-0001
`, d.month(-41), d.month(-41)))
}

func (d *demo) domains() {
	d.put("assets/domains/northwind-analytics.com.yaml", fmt.Sprintf(`name: northwind-analytics.com
owner: alice
registrar: Gandi
expires: %s
auto_renew: true
term: 1y
cost: 14.50
`, d.day(200)))
	d.put("assets/domains/northwind.io.yaml", fmt.Sprintf(`name: northwind.io
owner: alice
registrar: Namecheap
expires: %s
auto_renew: false
term: 1y
cost: 39.88 USD
notes: Used only for the status page; decide whether to keep it.
`, d.day(24)))
	d.put("assets/domains/nwa.dev.yaml", fmt.Sprintf(`name: nwa.dev
owner: bob
registrar: Cloudflare
expires: %s
auto_renew: true
term: 1y
cost: 10.44 USD
`, d.day(410)))
}

func (d *demo) certificates() {
	d.put("assets/certificates/www.northwind-analytics.com.yaml", fmt.Sprintf(`name: www.northwind-analytics.com
owner: alice
subject: CN=www.northwind-analytics.com
sans: [www.northwind-analytics.com, northwind-analytics.com]
issuer: CN=R11,O=Let's Encrypt,C=US
not_before: %s
expires: %s
fingerprint: 3f:1c:9a:62:0e:8d:41:b5:77:2a:c9:10:5e:d4:8b:0f:63:a1:2c:94:de:70:b8:15:49:f6:03:aa:7e:c2:51:9d
auto_renew: true
`, d.day(-30), d.day(60)))
	d.put("assets/certificates/vpn.northwind-analytics.com.yaml", fmt.Sprintf(`name: vpn.northwind-analytics.com
owner: alice
subject: CN=vpn.northwind-analytics.com,O=Northwind Analytics Ltd,C=GB
sans: [vpn.northwind-analytics.com]
issuer: CN=Sectigo RSA Domain Validation Secure Server CA,O=Sectigo Limited,C=GB
not_before: %s
expires: %s
fingerprint: a4:77:0b:e2:19:5c:d3:88:f0:41:6e:2d:9b:c7:35:10:ee:52:8a:61:07:fd:3b:c4:92:5e:aa:16:d8:7f:20:c3
auto_renew: false
purchase:
  cost: 79.00
  supplier: Sectigo
notes: The firewall's SSL VPN uses it; renew by hand and upload to NET-0001.
`, d.month(-12), d.day(-5)))
	d.put("assets/certificates/api.northwind-analytics.com.yaml", fmt.Sprintf(`name: api.northwind-analytics.com
owner: bob
subject: CN=api.northwind-analytics.com
sans: [api.northwind-analytics.com]
issuer: CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1,O=DigiCert Inc,C=US
not_before: %s
expires: %s
fingerprint: 0c:5e:f1:93:2b:47:a8:d6:61:c0:3e:9f:84:17:b2:5a:e8:21:7d:c4:96:0f:3b:a5:72:e9:18:46:dd:0b:c3:65
auto_renew: false
purchase:
  cost: 299.00
  supplier: DigiCert
`, d.day(-345), d.day(20)))
}

func (d *demo) documents() {
	d.put("assets/documents/office-lease.yaml", fmt.Sprintf(`name: London office lease
counterparty: Shoreditch Estates Ltd
owner: dan
location: London
starts: %s
expires: %s
cost: 96000.00
term: 1y
fields:
  break_clause: 2028-06-24
`, d.month(-30), d.month(30)))
	d.put("assets/documents/cyber-insurance.yaml", fmt.Sprintf(`name: Cyber insurance policy
counterparty: Hiscox
owner: dan
starts: %s
renews: %s
term: 1y
cost: 3150.00
auto_renew: true
notice: 21d
`, d.month(-23), d.day(31)))
	d.put("assets/documents/dell-prosupport.yaml", fmt.Sprintf(`name: Dell ProSupport Plus (servers)
counterparty: Dell UK
owner: alice
starts: %s
expires: %s
cost: 1240.00
term: 1y
notes: Covers SRV-0001; renewal quote requested.
`, d.month(-41), d.day(75)))
	d.put("assets/documents/isp-contract.yaml", fmt.Sprintf(`name: Leased line (1 Gbps)
counterparty: Zen Internet
owner: alice
starts: %s
renews: %s
term: 36m
cost: 14400.00
auto_renew: true
notice: 90d
`, d.month(-33), d.day(97)))
}

// canonicalOrder puts the keys of a record in the order itrack writes them
// (the field tables' order), so the demo reads like files itrack made, and
// an export imported again gives the same bytes.
func canonicalOrder(rel string, doc *yaml.Node) {
	root := doc.Content[0]
	if strings.HasPrefix(rel, "people/") {
		register.SortKeys(root, asset.PersonKeyOrder(""))
		return
	}
	register.SortKeys(root, asset.KeyOrder(""))
	for _, group := range []string{"purchase", "warranty", "depreciation"} {
		register.SortKeys(register.Get(root, group), asset.KeyOrder(group))
	}
	if h := register.Get(root, "history"); h != nil {
		for _, e := range h.Content {
			register.SortKeys(e, asset.EventKeyOrder())
		}
	}
}
