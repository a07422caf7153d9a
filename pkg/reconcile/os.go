package reconcile

import (
	"regexp"
	"strconv"
	"strings"
)

// An operating system as reconcile compares it: a family, a version
// number and, for Windows, a feature release. The register's os is
// written for people ("macOS 15 Sequoia", "Windows 11 23H2"); tools write
// what the device reports ("macOS" and "15.1.1", "Windows" and
// "10.0.22631.4460"), so the two are compared on what both can say.
type osVersion struct {
	family  string // macos, windows, ios, ipados, android, chromeos, linux; "" when not said
	version []int  // 15, 1, 1
	release string // a Windows feature release: 23h2
	build   int    // the Windows build the version and release were read from, 0 when not
}

// osFamilies are the words that name a family, longest first so that
// "mac os x" is not read as "mac".
var osFamilies = []struct{ words, family string }{
	{"mac os x", "macos"}, {"os x", "macos"}, {"macos", "macos"}, {"mac", "macos"}, {"osx", "macos"},
	{"ipados", "ipados"}, {"ipad", "ipados"}, {"ios", "ios"}, {"iphone", "ios"},
	{"windows", "windows"}, {"android", "android"}, {"chrome os", "chromeos"}, {"chromeos", "chromeos"},
	{"chromeos flex", "chromeos"}, {"linux", "linux"}, {"ubuntu", "linux"},
}

var (
	versionNumber  = regexp.MustCompile(`^v?(\d+(?:\.\d+)*)$`)
	windowsRelease = regexp.MustCompile(`^\d{2}h\d$`)
)

// windowsBuilds are the builds of Windows 10 and 11 feature releases:
// Intune writes a Windows version as 10.0.BUILD.REVISION.
var windowsBuilds = map[int]string{
	19041: "2004", 19042: "20h2", 19043: "21h1", 19044: "21h2", 19045: "22h2",
	22000: "21h2", 22621: "22h2", 22631: "23h2", 26100: "24h2", 26200: "25h2",
}

func parseOS(s string) osVersion {
	var o osVersion
	words := strings.Fields(strings.ToLower(strings.NewReplacer("(", " ", ")", " ", ",", " ", "_", " ").Replace(s)))
	text := " " + strings.Join(words, " ") + " "
	for _, f := range osFamilies {
		if strings.Contains(text, " "+f.words+" ") {
			o.family = f.family
			break
		}
	}
	for _, w := range words {
		if m := versionNumber.FindStringSubmatch(w); m != nil && o.version == nil {
			for _, p := range strings.Split(m[1], ".") {
				n, err := strconv.Atoi(p)
				if err != nil || n > 1_000_000 {
					break
				}
				o.version = append(o.version, n)
			}
		}
		if windowsRelease.MatchString(w) && o.release == "" {
			o.release = w
		}
	}
	// Windows 10 and 11 both report 10.0: the build says which
	if o.family == "windows" && len(o.version) >= 3 && o.version[0] == 10 && o.version[1] == 0 {
		build := o.version[2]
		o.build = build
		if rel, ok := windowsBuilds[build]; ok && o.release == "" {
			o.release = rel
		}
		if build >= 22000 {
			o.version = []int{11}
		} else {
			o.version = []int{10}
		}
	}
	return o
}

// osName is the tool's OS as people write it: a Windows build
// ("Windows 10.0.22631.4460") is its version and release ("Windows 11
// 23H2"); any other OS is as the tool writes it.
func osName(tool string) string {
	o := parseOS(tool)
	if o.build == 0 {
		return tool
	}
	name := "Windows " + strconv.Itoa(o.version[0])
	if o.release != "" {
		name += " " + strings.ToUpper(o.release)
	}
	return name
}

// sameOS reports whether the register's os agrees with what the tool
// says: the families agree when both name one, the register's version is
// the tool's or a prefix of it by whole components (15 agrees with 15.1.1,
// 15.1 does not agree with 15.10), and a Windows feature release agrees
// when both give one. The tool's side counts only if it gives a family
// or a version; words such as "Sequoia" or "Pro" are not compared.
func sameOS(register, tool string) bool {
	r, t := parseOS(register), parseOS(tool)
	if t.family == "" && r.family != "" {
		// a version alone (a column of versions, mapped): of the
		// register's family, so a Windows build still gives its release
		t = parseOS(r.family + " " + tool)
	}
	if r.family != "" && t.family != "" && r.family != t.family {
		return false
	}
	if len(r.version) > 0 && len(t.version) > 0 {
		if len(r.version) > len(t.version) {
			return false
		}
		for i, n := range r.version {
			if t.version[i] != n {
				return false
			}
		}
	}
	if r.release != "" && t.release != "" && r.release != t.release {
		return false
	}
	return true
}

// comparableOS reports whether the tool says enough of a device's OS to
// hold against the register: a version, since a family alone ("macOS")
// says nothing of whether it is up to date.
func comparableOS(tool string) bool {
	return len(parseOS(tool).version) > 0
}
