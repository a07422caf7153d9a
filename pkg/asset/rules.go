package asset

import "sort"

// Rules describes every rule a finding can name, for docs, SARIF and the
// people who search for a rule's name.
var Rules = map[string]string{
	"audit-overdue":           "hardware in service not seen in an audit within audit.interval (itrack.yaml)",
	"auto-renew-without-term": "auto_renew is true but there is no term to roll the renewal forward by",
	"bad-bool":                "a value that must be true or false is something else",
	"bad-currency":            "itrack.yaml's currency is not an ISO 4217 code",
	"bad-depreciation":        "an asset's depreciation, with its category's defaults, cannot be computed (no life, salvage above cost)",
	"bad-date":                "a date is not written YYYY-MM-DD or does not exist (2024-02-30)",
	"bad-duration":            "a duration is not a whole number and a unit (90d, 6w, 36m, 3y)",
	"bad-extension":           "a record file ends in .yml instead of .yaml",
	"bad-fingerprint":         "a certificate's fingerprint is not 32 colon-separated pairs of hex digits (SHA-256)",
	"bad-id":                  "a file name is not a valid ID",
	"bad-int":                 "a count is not a whole number from 0 to 10,000,000",
	"bad-key":                 "a mapping key is not plain text",
	"bad-life":                "a depreciation life is not in whole months or years",
	"bad-money":               "an amount is not digits with an optional decimal point and currency",
	"bad-rate":                "a depreciation rate is not a fraction (0.3) or a percentage (30%) up to 100%",
	"bad-type":                "a value has the wrong shape: a list where one value belongs, a value where a mapping belongs",
	"bad-value":               "a value is not one of those allowed (a method, a metric, a prefix)",
	"bom":                     "the file starts with a byte-order mark",
	"computed-field":          "a value itrack computes (state, holder, installed_in, …) is written in the file",
	"cost-without-term":       "a recurring cost without a term: its run-rate cannot be known",
	"crlf":                    "the file has Windows line endings",
	"date-order":              "two dates of one record are in an impossible order (warranty before purchase)",
	"duplicate-id":            "two files have the same ID, ignoring case, in any kinds",
	"duplicate-key":           "a key appears twice in one mapping",
	"duplicate-serial":        "two assets have the same serial number",
	"empty-file":              "the file holds nothing",
	"event-after-disposal":    "an event follows the asset's disposal",
	"event-order":             "the history is not in date order",
	"expired-held":            "a licence has expired and people still hold its seats",
	"field-not-for-event":     "an event has a key its type does not take",
	"field-not-for-kind":      "a field belongs to another kind of asset",
	"file-too-large":          "the file is over 1 MiB",
	"history-not-last":        "history is not the last key of an asset file (itrack fmt moves it)",
	"host-out-of-service":     "a component is installed in, or a device seat given to, hardware retired, disposed of or lost",
	"impossible-event":        "an event cannot happen in the state the asset is in",
	"leftover-temp":           "a temporary file an interrupted itrack command left behind",
	"leaver-holds":            "a person whose last day has passed still holds an asset or a licence seat",
	"merge-conflict":          "the file holds git merge-conflict markers",
	"missing-field":           "a required value is missing (name, an event's date, …)",
	"multiple-documents":      "the file holds more than one YAML document",
	"negative-money":          "an amount is negative",
	"non-canonical":           "the file is not in canonical form (itrack fmt)",
	"not-a-mapping":           "the file is a list or a single value, not a mapping of keys",
	"not-regular-file":        "a link, named pipe, device or socket where a record, a folder or itrack.yaml belongs",
	"not-utf8":                "the file is not UTF-8 text",
	"notice-without-renewal":  "a notice period without a renews date has no effect",
	"renews-and-expires":      "a record gives both renews and expires",
	"self-manager":            "a person is their own manager",
	"site-with-seats":         "a site licence gives a seat count",
	"zero-quantity":           "a component's quantity is 0",
	"stray-file":              "a file that is not a record sits in a record folder",
	"stray-folder":            "a folder inside a kind folder is not read",
	"tab-indent":              "a line is indented with a tab",
	"two-holders":             "an asset, or a licence seat, is given to a second holder at once",
	"unknown-asset":           "an event names hardware the register does not have",
	"unknown-category":        "a category is not defined in itrack.yaml",
	"unknown-field":           "a key is not a field of the record",
	"unknown-folder":          "a folder under assets/ is not a kind folder",
	"unknown-person":          "a person an asset names has no file under people/",
	"unfinished-write":        "an itrack command was interrupted while writing several files",
	"unreadable":              "a file or folder cannot be read",
	"unused-rate":             "a depreciation rate is given for a method that does not use one",
	"yaml-alias":              "the file uses YAML anchors or aliases",
	"yaml-syntax":             "the file is not valid YAML",
	"yaml-tag":                "a value is written with an explicit YAML tag (!!binary, !!str, !secret)",
	"zero-term":               "a term of zero (0d, 0m, 0y) with auto_renew: true",
}

func init() {
	// Kept apart from the table above: this rule guards the people who
	// read the register's values rather than the register itself.
	Rules["control-character"] = "a value holds a control character or a bidi override, which can drive or disguise what a terminal shows"
}

// RuleNames lists the rules, sorted.
func RuleNames() []string {
	names := make([]string, 0, len(Rules))
	for r := range Rules {
		names = append(names, r)
	}
	sort.Strings(names)
	return names
}
