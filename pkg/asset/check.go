package asset

import (
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// checkAsset applies the rules that look at more than one value of a record.
func checkAsset(d *decoder, root *yaml.Node, a *Asset) {
	at := func(path string) *yaml.Node { return nodeAt(root, path) }
	// A name that is a list or a mapping has its own finding already.
	if n := at("name"); a.Name == "" && n == nil {
		d.errorf(root, "missing-field", "an asset needs a name: add `name: …`")
	} else if strings.TrimSpace(a.Name) == "" && n.Kind == yaml.ScalarNode && !strings.Contains(n.Value, "\n") {
		d.errorf(n, "missing-field", "the name is empty: an asset needs a name, e.g. `name: ThinkPad T14 (Alice)`")
	}
	if !a.Renews.IsZero() && !a.Expires.IsZero() {
		d.errorf(at("expires"), "renews-and-expires", "give either renews (it renews) or expires (it ends), not both")
	}
	if !a.Notice.IsZero() && a.Renews.IsZero() {
		d.add(at("notice"), Warning, "notice-without-renewal", "notice has no effect without a renews date")
	}
	if a.AutoRenew && a.Term.IsZero() && a.Kind != Certificate {
		d.add(at("auto_renew"), Warning, "auto-renew-without-term", "auto_renew needs a term (e.g. term: 1y) to roll the renewal date forward")
	}
	if !a.Cost.IsZero() && a.Term.IsZero() && !a.Renews.IsZero() && !a.AutoRenew {
		d.add(at("cost"), Warning, "cost-without-term", "cost %s has no term, so its yearly run-rate cannot be known: the forecast pays it once, on the renewal date; add the term it pays for (e.g. term: 1y)", a.Cost.Text())
	}
	if a.AutoRenew && !a.Term.IsZero() && a.Term.N == 0 {
		d.errorf(at("term"), "zero-term", "term %s with auto_renew: true would roll the renewal date forward by nothing, for ever: give the renewal period (e.g. term: 1y), or set auto_renew: false", a.Term)
	}
	if a.Fingerprint != "" && !fingerprintPattern.MatchString(a.Fingerprint) {
		d.errorf(at("fingerprint"), "bad-fingerprint", "%s", fingerprintProblem(a.Fingerprint))
	}
	if a.Quantity != nil && *a.Quantity == 0 {
		d.errorf(at("quantity"), "zero-quantity", "quantity 0 is no batch: give the units bought (at least 1), or retire or dispose of the component")
	}
	if a.Metric == "site" && a.Seats != nil {
		d.add(at("seats"), Warning, "site-with-seats", "a site licence has no seat count: remove seats, or use metric: user")
	}
	if !a.Purchase.Date.IsZero() && !a.Warranty.Expires.IsZero() && a.Warranty.Expires.Before(a.Purchase.Date) {
		d.errorf(at("warranty.expires"), "date-order", "warranty expires (%s) before the purchase date (%s)", a.Warranty.Expires, a.Purchase.Date)
	}
	if !a.NotBefore.IsZero() && !a.Expires.IsZero() && a.Expires.Before(a.NotBefore) {
		d.errorf(at("expires"), "date-order", "certificate expires (%s) before it is valid (not_before %s)", a.Expires, a.NotBefore)
	}
	if !a.Starts.IsZero() && !a.Expires.IsZero() && a.Expires.Before(a.Starts) {
		d.errorf(at("expires"), "date-order", "document expires (%s) before it starts (%s)", a.Expires, a.Starts)
	}
	checkDepreciation(d, at("depreciation"), &a.Depreciation)
	if !d.findings.HasErrors() {
		checkHistory(d, a)
	}
}

// farFuture is a date after every event, to replay a whole history.
var farFuture = NewDate(9999, 12, 31)

// checkHistory replays the whole history and reports the first impossible
// event: after it, the states that follow mean nothing.
func checkHistory(d *decoder, a *Asset) {
	if _, err := StatusAt(a, farFuture, Duration{}); err != nil {
		d.findings = append(d.findings, Finding{File: a.File, Pos: err.Event.Pos, Severity: Error, Rule: err.Rule, Message: err.Error()})
	}
}

// checkDepreciation applies to an asset's own depreciation and to a
// category's default.
func checkDepreciation(d *decoder, n *yaml.Node, dep *DepreciationSpec) {
	if n == nil {
		return
	}
	// A rate that is there but bad has its own finding already.
	if r := valueNode(n, "rate"); dep.Method == DecliningBalance && (r == nil || r.Tag == "!!null") {
		d.errorf(n, "missing-field", "%s needs a rate, e.g. rate: 0.3", DecliningBalance)
	}
	if !dep.Rate.IsZero() && dep.Method != DecliningBalance && dep.Method != "" {
		d.add(valueNode(n, "rate"), Warning, "unused-rate", "rate is only used by %s, not %s", DecliningBalance, dep.Method)
	}
	if !dep.Life.IsZero() {
		if _, ok := dep.Life.Months(); !ok || dep.Life.N == 0 {
			d.errorf(valueNode(n, "life"), "bad-life", "depreciation life %q must be whole months or years, e.g. 36m or 3y", dep.Life)
		}
	}
}

// nodeAt returns the value node at a dotted path in a mapping, or nil.
func nodeAt(m *yaml.Node, path string) *yaml.Node {
	for {
		key, rest, nested := strings.Cut(path, ".")
		m = valueNode(m, key)
		if m == nil || !nested {
			return m
		}
		path = rest
	}
}

// fingerprintPattern is a SHA-256 fingerprint as `add --from-pem` writes
// it and as openssl and browsers show it: 32 colon-separated pairs of hex
// digits, in either case.
var fingerprintPattern = regexp.MustCompile(`^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}$`)

// fingerprintProblem says what is wrong with a fingerprint that does not
// match fingerprintPattern, and what to write instead.
func fingerprintProblem(fp string) string {
	if len(fp) == 64 {
		if _, err := hex.DecodeString(fp); err == nil {
			pairs := make([]string, 0, 32)
			for i := 0; i < len(fp); i += 2 {
				pairs = append(pairs, fp[i:i+2])
			}
			return fmt.Sprintf("fingerprint %q has no colons: write the 32 pairs separated by colons, %s", abbreviate(fp), strings.Join(pairs, ":"))
		}
	}
	pairs := strings.Split(fp, ":")
	if len(pairs) == 20 && hexPairs(pairs) {
		return fmt.Sprintf("fingerprint %q is a SHA-1 fingerprint (20 pairs): give the SHA-256 one, 32 pairs, as `openssl x509 -noout -fingerprint -sha256` prints it", abbreviate(fp))
	}
	if len(pairs) != 32 {
		return fmt.Sprintf("fingerprint %q has %d parts, not 32: a SHA-256 fingerprint is 32 colon-separated pairs of hex digits (ab:cd:…), as `openssl x509 -noout -fingerprint -sha256` prints it", abbreviate(fp), len(pairs))
	}
	return fmt.Sprintf("fingerprint %q is not 32 colon-separated pairs of hex digits (0-9, a-f): check it against `openssl x509 -noout -fingerprint -sha256`", abbreviate(fp))
}

func hexPairs(pairs []string) bool {
	for _, p := range pairs {
		if _, err := hex.DecodeString(p); err != nil || len(p) != 2 {
			return false
		}
	}
	return true
}

// checkHistoryLast warns when history is not the last key of an asset
// file. Events are appended at the end of the log, and with history last
// that is the end of the file, where a reader looks for them and where a
// merge of two branches' events meets no other key. itrack fmt moves it.
func checkHistoryLast(d *decoder, root *yaml.Node) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Value == "history" && i+2 < len(root.Content) {
			var after []string
			for j := i + 2; j+1 < len(root.Content); j += 2 {
				after = append(after, root.Content[j].Value)
			}
			d.add(k, Warning, "history-not-last", "history is not the last key (%s %s after it): the event log ends the file, so new events go at its end; run `itrack fmt` to move history there", strings.Join(after, ", "), comes(len(after)))
			return
		}
	}
}

func comes(n int) string {
	if n == 1 {
		return "comes"
	}
	return "come"
}
