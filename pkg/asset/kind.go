package asset

import (
	"fmt"
	"regexp"
	"strings"
)

// Kind is one of the six kinds of asset. Each kind has its own folder under
// assets/.
type Kind string

// The kinds of asset.
const (
	Hardware    Kind = "hardware"
	Component   Kind = "component"
	Licence     Kind = "licence"
	Domain      Kind = "domain"
	Certificate Kind = "certificate"
	Document    Kind = "document"
)

// Kinds lists every kind in the order the docs and outputs use.
var Kinds = []Kind{Hardware, Component, Licence, Domain, Certificate, Document}

var kindFolders = map[Kind]string{
	Hardware:    "hardware",
	Component:   "components",
	Licence:     "licences",
	Domain:      "domains",
	Certificate: "certificates",
	Document:    "documents",
}

var defaultPrefixes = map[Kind]string{
	Hardware:    "HW",
	Component:   "CMP",
	Licence:     "LIC",
	Domain:      "DOM",
	Certificate: "CERT",
	Document:    "DOC",
}

// Folder returns the folder under assets/ that holds this kind's files.
func (k Kind) Folder() string { return kindFolders[k] }

// DefaultPrefix returns the ID prefix for generated IDs when itrack.yaml
// sets none.
func (k Kind) DefaultPrefix() string { return defaultPrefixes[k] }

// Tracked reports whether the kind is a physical item with a holder
// (hardware and components) rather than a dated right (licences, domains,
// certificates, documents).
func (k Kind) Tracked() bool { return k == Hardware || k == Component }

// ParseKind reads a kind as a person types it: singular or plural, any case,
// with "license" accepted for "licence".
func ParseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "hardware", "hw":
		return Hardware, nil
	case "component", "components":
		return Component, nil
	case "licence", "licences", "license", "licenses":
		return Licence, nil
	case "domain", "domains":
		return Domain, nil
	case "certificate", "certificates", "cert", "certs":
		return Certificate, nil
	case "document", "documents", "doc", "docs":
		return Document, nil
	}
	return "", fmt.Errorf("unknown kind %q: use one of %s", s, KindNames())
}

// KindNames lists the kinds for messages: "hardware, component, …".
func KindNames() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// KindOfFolder returns the kind whose files live in assets/<folder>.
func KindOfFolder(folder string) (Kind, bool) {
	for k, f := range kindFolders {
		if f == folder {
			return k, true
		}
	}
	return "", false
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)

// CheckID returns an error unless id is a valid asset or person ID. No ID
// reaches the file system without passing this check, so an ID must also
// make a file name that every checkout can create: Windows refuses device
// names (NUL.yaml) and drops a trailing dot.
func CheckID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("an ID cannot be empty")
	case len(id) > 128:
		return fmt.Errorf("invalid ID %q: at most 128 characters", id)
	case len(id) >= len(".yaml") && strings.EqualFold(id[len(id)-len(".yaml"):], ".yaml"):
		return fmt.Errorf("invalid ID %q: leave out the %s extension", id, id[len(id)-len(".yaml"):])
	case !idPattern.MatchString(id):
		return fmt.Errorf("invalid ID %q: an ID starts with a letter or digit and holds only letters, digits, '.', '_' and '-'", id)
	case strings.HasSuffix(id, "."):
		return fmt.Errorf("invalid ID %q: an ID cannot end in '.', which Windows drops from file names: use %s", id, strings.TrimRight(id, "."))
	}
	if device, ok := windowsDevice(id); ok {
		rest := id[len(device):]
		return fmt.Errorf("invalid ID %q: %s is a device name on Windows, where no file can be called %s.yaml: use another ID, e.g. %s-1%s", id, strings.ToUpper(device), id, device, rest)
	}
	return nil
}

// windowsDevice returns the part of id before its first dot when that is
// a name Windows reserves for a device, in any case: CON, PRN, AUX, NUL,
// COM1–COM9, LPT1–LPT9. Windows reserves them with any extension too
// (nul.txt), and COM¹ and the like, which the ID pattern refuses already.
func windowsDevice(id string) (string, bool) {
	stem, _, _ := strings.Cut(id, ".")
	switch u := strings.ToUpper(stem); {
	case u == "CON", u == "PRN", u == "AUX", u == "NUL":
		return stem, true
	case len(u) == 4 && (u[:3] == "COM" || u[:3] == "LPT") && u[3] >= '1' && u[3] <= '9':
		return stem, true
	}
	return "", false
}
