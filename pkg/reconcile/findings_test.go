package reconcile

import (
	"reflect"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

func TestSecurityFindings(t *testing.T) {
	d := asset.NewDate
	hw := func(id, serial, category, os string) *asset.Asset {
		return &asset.Asset{ID: id, Kind: asset.Hardware, Serial: serial, Category: category, OS: os}
	}
	reg := Register{
		Assets: []*asset.Asset{
			hw("LT-0001", "SN1", "laptop", "macOS 15 Sequoia"),
			hw("LT-0002", "SN2", "laptop", ""),
			hw("LT-0003", "SN3", "laptop", ""),
			hw("LT-0004", "SN4", "laptop", "Windows 11 23H2"),
			hw("PH-0001", "SN5", "phone", ""),
			hw("LT-0006", "SN6", "laptop", ""),
			{ID: "MON-CMP", Kind: asset.Component, Serial: "SN7"},
		},
		People: []*asset.Person{{ID: "alice", Name: "Alice Smith", Email: "alice@example.com"}},
		Statuses: map[string]asset.Status{
			"LT-0001": {State: asset.InUse, Holder: "alice"},
			"LT-0002": {State: asset.Disposed, Since: d(2026, 6, 1)},
			"LT-0003": {State: asset.InStock},
			"LT-0004": {State: asset.InUse, Holder: "alice"},
			"PH-0001": {State: asset.InUse, Holder: "alice"},
			"LT-0006": {State: asset.Lost, Since: d(2026, 10, 2)},
			"MON-CMP": {State: asset.InUse},
		},
	}
	stale30 := asset.Duration{N: 30, Unit: 'd'}
	asOf := d(2026, 11, 29)
	for _, tc := range []struct {
		name    string
		devices []Device
		opts    Options
		want    []Item
	}{
		{
			name: "agree: UPN is the person's email, OS by version prefix, Windows build, recent check-in",
			devices: []Device{
				{Row: 2, Key: "SN1", Users: []string{"ALICE@EXAMPLE.COM"}, OS: "macOS 15.1.1", LastCheckIn: d(2026, 11, 28)},
				{Row: 3, Key: "SN4", Users: []string{"Alice Smith"}, OS: "Windows 10.0.22631.4460", LastCheckIn: d(2026, 11, 1)},
				{Row: 4, Key: "SN5"},
				{Row: 5, Key: "SN7"}, // a component: matched, so not untracked, but not reported on
			},
			opts: Options{Key: BySerial, AsOf: asOf, Stale: stale30},
		},
		{
			name: "disposed and lost devices still enrolled, whatever else differs",
			devices: []Device{
				{Row: 2, Key: "SN2", Users: []string{"bob"}, LastCheckIn: d(2026, 11, 27)},
				{Row: 3, Key: "SN6"},
				{Row: 4, Key: "SN1", Users: []string{"alice"}},
				{Row: 5, Key: "SN4", Users: []string{"alice"}},
				{Row: 6, Key: "SN5", Users: []string{"alice"}},
			},
			opts: Options{Key: BySerial, AsOf: asOf, Stale: stale30},
			want: []Item{
				{Status: DisposedButEnrolled, Key: "SN2", ID: "LT-0002", Row: 2, Field: "state", Record: "disposed", LastCheckIn: "2026-11-27",
					Message: "LT-0002 is disposed of in the register (since 2026-06-01) but still enrolled in the tool, last check-in 2026-11-27: wipe it and remove it from the tool, or record that it is back in use (a security finding)"},
				{Status: DisposedButEnrolled, Key: "SN6", ID: "LT-0006", Row: 3, Field: "state", Record: "lost",
					Message: "LT-0006 is lost in the register (since 2026-10-02) but still enrolled in the tool: find out who has it and wipe it, or record it found (itrack found LT-0006) (a security finding)"},
			},
		},
		{
			name: "the tool's own state says it is gone too: nothing to say",
			devices: []Device{
				{Row: 2, Key: "SN2", State: asset.Retired},
				{Row: 3, Key: "SN1", State: asset.InUse, Users: []string{"alice"}},
				{Row: 4, Key: "SN4", State: asset.InStock, Users: []string{"alice"}},
				{Row: 5, Key: "SN5", Users: []string{"alice"}},
			},
			opts: Options{Key: BySerial, AsOf: asOf},
			want: []Item{
				{Status: Mismatch, Key: "SN4", ID: "LT-0004", Row: 4, Field: "state", Export: "in_stock", Record: "in_use",
					Message: "LT-0004: the tool says it is in stock, the register in use"},
			},
		},
		{
			name: "in stock and checking in: used without an assignment; an old check-in is not",
			devices: []Device{
				{Row: 2, Key: "SN3", Users: []string{"alice@example.com"}, LastCheckIn: d(2026, 11, 20)},
				{Row: 3, Key: "SN1", Users: []string{"alice"}},
				{Row: 4, Key: "SN4", Users: []string{"alice"}},
				{Row: 5, Key: "SN5", Users: []string{"alice"}},
			},
			opts: Options{Key: BySerial, AsOf: asOf, Stale: stale30},
			want: []Item{
				{Status: UnassignedInUse, Key: "SN3", ID: "LT-0003", Row: 2, Field: "holder", Export: "alice@example.com", LastCheckIn: "2026-11-20",
					Message: "LT-0003 is in stock in the register but checked in on 2026-11-20 by alice@example.com: record who has it (itrack assign LT-0003 alice) or find out who is using it"},
			},
		},
		{
			name: "in stock, last checked in long ago: expected in a cupboard",
			devices: []Device{
				{Row: 2, Key: "SN3", LastCheckIn: d(2026, 8, 1)},
				{Row: 3, Key: "SN1"}, {Row: 4, Key: "SN4"}, {Row: 5, Key: "SN5"},
			},
			opts: Options{Key: BySerial, AsOf: asOf, Stale: stale30},
		},
		{
			name: "OS behind the register, and stale; --stale off leaves it out",
			devices: []Device{
				{Row: 2, Key: "SN1", OS: "macOS 14.7.1", LastCheckIn: d(2026, 9, 14)},
				{Row: 3, Key: "SN4", OS: "Windows 10.0.19045.5131", LastCheckIn: d(2026, 11, 28)},
				{Row: 4, Key: "SN5"},
			},
			opts: Options{Key: BySerial, AsOf: asOf, Stale: stale30},
			want: []Item{
				{Status: OSMismatch, Key: "SN1", ID: "LT-0001", Row: 2, Field: "os", Export: "macOS 14.7.1", Record: "macOS 15 Sequoia", LastCheckIn: "2026-09-14",
					Message: `LT-0001: the tool says the OS is "macOS 14.7.1", the register "macOS 15 Sequoia": update the device, or the register (itrack set LT-0001 "os=macOS 14.7.1")`},
				{Status: Stale, Key: "SN1", ID: "LT-0001", Row: 2, LastCheckIn: "2026-09-14",
					Message: "LT-0001 has not checked in since 2026-09-14 (76 days, more than 30d): is it still in use? Find it, or record it lost (itrack lost LT-0001) or retired"},
				{Status: OSMismatch, Key: "SN4", ID: "LT-0004", Row: 3, Field: "os", Export: "Windows 10.0.19045.5131", Record: "Windows 11 23H2", LastCheckIn: "2026-11-28",
					Message: `LT-0004: the tool says the OS is "Windows 10.0.19045.5131" (Windows 10 22H2), the register "Windows 11 23H2": update the device, or the register (itrack set LT-0004 "os=Windows 10 22H2")`},
			},
		},
		{
			name: "a device enrolled twice is compared on its latest row",
			devices: []Device{
				{Row: 2, Key: "SN1", LastCheckIn: d(2026, 5, 1)},
				{Row: 3, Key: "sn1", LastCheckIn: d(2026, 11, 28)},
				{Row: 4, Key: "SN4"}, {Row: 5, Key: "SN5"},
				{Row: 6, Key: "NEW", Name: "X"}, {Row: 7, Key: "NEW", Name: "X"},
			},
			opts: Options{Key: BySerial, AsOf: asOf, Stale: stale30},
			want: []Item{
				{Status: Untracked, Key: "NEW", Row: 6, Message: `NEW is seen by the tool but not in the register: add it (itrack add hardware --name "X" --serial NEW) or find out what it is`},
			},
		},
		{
			name:    "--category narrows what is reported and missing; --kind component",
			devices: []Device{{Row: 2, Key: "SN1"}, {Row: 3, Key: "", Name: "PRINTER"}},
			opts:    Options{Key: BySerial, AsOf: asOf, Category: "Laptop"},
			want: []Item{
				{Status: NoSerial, Row: 3, Message: "row 3 (PRINTER) has no serial number, so it cannot be matched to the register: fill it in the tool, or match on the asset tag with --key id"},
				{Status: Missing, Key: "SN4", ID: "LT-0004", Message: "LT-0004 is in use (held by alice) but the tool does not see it: lost, unenrolled, or wrong serial?"},
			},
		},
		{
			name:    "--kind component",
			devices: []Device{{Row: 2, Key: "SN1"}},
			opts:    Options{Key: BySerial, AsOf: asOf, Kind: asset.Component},
			want: []Item{
				{Status: Missing, Key: "SN7", ID: "MON-CMP", Message: "MON-CMP is in use (held by nobody) but the tool does not see it: lost, unenrolled, or wrong serial?"},
			},
		},
		{
			name:    "no asset ID, matched on id",
			devices: []Device{{Row: 4, Key: " "}},
			opts:    Options{Key: ByID, AsOf: asOf, Category: "phone"},
			want: []Item{
				{Status: NoID, Row: 4, Message: "row 4 has no asset ID, so it cannot be matched to the register: fill it in the tool, or match on --key serial"},
				{Status: Missing, Key: "PH-0001", ID: "PH-0001", Message: "PH-0001 is in use (held by alice) but the tool does not see it: lost, unenrolled, or wrong serial?"},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Reconcile(reg, tc.devices, tc.opts)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%#v\nwant\n%#v", got, tc.want)
			}
		})
	}
}

func TestSameOS(t *testing.T) {
	for _, tc := range []struct {
		register, tool string
		want           bool
	}{
		{"macOS 15 Sequoia", "macOS 15.1.1", true},
		{"macOS 15.1", "macOS 15.1.1", true},
		{"macOS 15.1", "macOS 15.10", false},
		{"macOS 15.1", "macOS 15", false}, // the tool says less than the register: not the same
		{"macOS 14", "Mac 15.0", false},   // Kandji's platform
		{"macOS 15", "Mac 15.0", true},
		{"Windows 11 23H2", "Windows 10.0.22631.4460", true},
		{"Windows 11 23H2", "Windows 10.0.22621.4460", false},
		{"Windows 11", "Windows 10.0.26100.2314", true},
		{"Windows 10 22H2", "Windows 10.0.19045.5131", true},
		{"Windows 11 Pro", "Windows 10.0.19045.5131", false},
		{"windows 11", "WINDOWS 11 Enterprise 23H2", true},
		{"iOS 18.1", "iOS 18.1.1", true},
		{"iPadOS 18", "iOS 18.1", false},
		{"ChromeOS 130", "ChromeOS 130.0.6723.90", true},
		{"macOS 15", "Windows 10.0.22631", false},
		{"Sequoia", "macOS 15.1", true},              // nothing to compare
		{"Windows 11 23H2", "10.0.22631.4460", true}, // a version column alone
		{"Windows 11 23H2", "10.0.19045.5131", false},
	} {
		if got := sameOS(tc.register, tc.tool); got != tc.want {
			t.Errorf("sameOS(%q, %q) = %v, want %v", tc.register, tc.tool, got, tc.want)
		}
	}
}

func TestOSName(t *testing.T) {
	for tool, want := range map[string]string{
		"Windows 10.0.22631.4460": "Windows 11 23H2",
		"Windows 10.0.19045.5131": "Windows 10 22H2",
		"Windows 10.0.27000.1":    "Windows 11", // a build not in the table: its version alone
		"macOS 15.1.1":            "macOS 15.1.1",
		"Windows 11 23H2":         "Windows 11 23H2",
	} {
		if got := osName(tool); got != want {
			t.Errorf("osName(%q) = %q, want %q", tool, got, want)
		}
	}
}

// A tool's user is a person by ID, email or name, ignoring case; a name
// never hides an ID or email, and a name two people share is either of
// them. A user nobody in the register is still agrees with a holder
// spelled the same but for case.
func TestPeopleMatchTheToolsUsers(t *testing.T) {
	p := newPeople([]*asset.Person{
		{ID: "alice", Email: "alice@example.com", Name: "Alice Moreno"},
		{ID: "bob", Email: "bob@example.com", Name: "alice"}, // bob's name is alice's ID
		{ID: "ana1", Name: "Ana Lima"},
		{ID: "ana2", Name: "Ana Lima"},
	})
	for _, tc := range []struct {
		users  []string
		holder string
		want   bool
	}{
		{[]string{"ALICE@example.com"}, "alice", true},
		{[]string{"alice"}, "alice", true}, // the ID, not bob's name
		{[]string{"alice"}, "bob", false},
		{[]string{"Bob"}, "bob", true},
		{[]string{"ana lima"}, "ana1", true},
		{[]string{"ana lima"}, "ana2", true},
		{[]string{"Carol@Example.com"}, "carol@example.com", true}, // nobody in the register: spelt the same
		{[]string{"carol@example.com"}, "alice", false},
	} {
		if got := p.holds(tc.users, tc.holder); got != tc.want {
			t.Errorf("holds(%q, %q) = %v, want %v", tc.users, tc.holder, got, tc.want)
		}
	}
	if got := p.who("Ana Lima"); got != "Ana Lima" {
		t.Errorf("who(a shared name) = %q, want the name as written", got)
	}
	if got := p.who("ALICE"); got != "alice" {
		t.Errorf("who(ALICE) = %q, want alice", got)
	}
}
