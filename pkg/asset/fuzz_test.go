package asset_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/itrack/itrack/pkg/asset"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2026-03-31", "2024-02-29", "2023-02-29", "2024-02-30", "2026-13-01",
		"0001-01-01", "9999-12-31", "0000-01-01", "31/01/2024", "2024-1-5",
		"+024-01-05", "2024-01-05T10:00:00Z", "", "２０２４-01-05",
	} {
		f.Add(s, int32(1))
	}
	f.Fuzz(func(t *testing.T, s string, n int32) {
		d, err := asset.ParseDate(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "invalid date ") {
				t.Fatalf("ParseDate(%q) error %q does not say it is an invalid date", s, err)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDate(%q) returned the unset date", s)
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		again, err := asset.ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %v, %v; want %v", d.String(), again, err, d)
		}

		// Arithmetic from any valid date stays on real dates and agrees
		// with itself.
		days := int(n % 1_000_000)
		later := d.AddDays(days)
		if got := d.DaysUntil(later); got != days {
			t.Fatalf("%s.DaysUntil(%s.AddDays(%d)) = %d", d, d, days, got)
		}
		months := int(n % 12_000)
		if months < 0 {
			months = -months
		}
		e := d.AddMonths(months)
		if e.Day() > asset.DaysIn(e.Year(), e.Month()) || e.Day() < 1 || e.Before(d) {
			t.Fatalf("%s.AddMonths(%d) = %s", d, months, e)
		}
		if got := asset.MonthsBetween(d, e); got != months {
			t.Fatalf("MonthsBetween(%s, %s) = %d, want %d", d, e, got, months)
		}
		if months > 0 {
			if got := asset.MonthsBetween(d, e.AddDays(-1)); got != months-1 {
				t.Fatalf("MonthsBetween(%s, %s) = %d, want %d", d, e.AddDays(-1), got, months-1)
			}
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{
		"90d", "6w", "36m", "3y", "0d", "100000d", "100001y", "1yr", "30 days",
		"d", "", "1.5y", "-3m", "+3m", "012m", "00d", "99999999999999999999d",
	} {
		f.Add(s)
	}
	from := asset.NewDate(2024, 1, 31)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := asset.ParseDuration(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "invalid duration ") {
				t.Fatalf("ParseDuration(%q) error %q does not say it is an invalid duration", s, err)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDuration(%q) returned the unset duration", s)
		}
		if d.String() != s {
			t.Fatalf("ParseDuration(%q).String() = %q", s, d.String())
		}
		again, err := asset.ParseDuration(d.String())
		if err != nil || again != d {
			t.Fatalf("ParseDuration(%q) = %v, %v; want %v", d.String(), again, err, d)
		}
		to := d.AddTo(from)
		if to.Before(from) {
			t.Fatalf("%s + %s = %s, before the start", from, d, to)
		}
		if months, ok := d.Months(); ok && asset.MonthsBetween(from, to) != months {
			t.Fatalf("MonthsBetween(%s, %s + %s) = %d, want %d", from, from, d, asset.MonthsBetween(from, to), months)
		}
		if num, den := d.TermsPerYear(); d.N > 0 && (num <= 0 || den <= 0) {
			t.Fatalf("%s.TermsPerYear() = %d/%d", d, num, den)
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{
		"1249.00", "1249.00 USD", "12.5 EUR", "150000 JPY", "12.5 KWD", "0", "0.1234 GBP",
		"  99.99 GBP ", "999999999999999.9999", "-1249.00", "12,499.00", "1.2e3",
		"1249.123456", "1249000000000000", "1200.00 usd", "12.00 US$", "£12.00", "12.", ".5", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := asset.ParseMoney(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "invalid amount ") {
				t.Fatalf("ParseMoney(%q) error %q does not say it is an invalid amount", s, err)
			}
			return
		}
		if m.IsZero() || m.Amount.IsNegative() {
			t.Fatalf("ParseMoney(%q) = %s: unset or negative", s, m)
		}
		for _, in := range []asset.Money{m, m.In("GBP"), m.In("JPY"), m.In("KWD")} {
			again, err := asset.ParseMoney(in.String())
			if err != nil {
				t.Fatalf("ParseMoney(%q) from %q: %v", in.String(), s, err)
			}
			if !again.Amount.Equal(in.Amount) || again.Currency != in.Currency {
				t.Fatalf("ParseMoney(%q) = %s %q, want %s %q (from %q)", in.String(), again.Amount, again.Currency, in.Amount, in.Currency, s)
			}
		}
	})
}

// fuzzKinds are what FuzzDecodeAsset decodes its input as: an asset of
// each kind, a person file and itrack.yaml.
var fuzzKinds = append(append([]asset.Kind{}, asset.Kinds...), "person", "config")

func FuzzDecodeAsset(f *testing.F) {
	addSeed := func(rel string, data []byte) {
		f.Add(data, seedKind(rel))
	}
	examples, _ := filepath.Glob("../../testdata/example/assets/*/*.yaml")
	people, _ := filepath.Glob("../../testdata/example/people/*.yaml")
	for _, p := range append(append(examples, people...), "../../testdata/example/itrack.yaml") {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		rel, _ := filepath.Rel("../../testdata/example", p)
		addSeed(filepath.ToSlash(rel), data)
	}
	broken, _ := filepath.Glob("../../testdata/broken/*.txtar")
	for _, p := range broken {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if file.Name == "want" {
				continue
			}
			addSeed(file.Name, file.Data)
			if bytes.Contains(file.Data, []byte(`\`)) {
				addSeed(file.Name, unescapeSeed(file.Data))
			}
		}
	}

	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		kind := fuzzKinds[int(k)%len(fuzzKinds)]
		var fs asset.Findings
		var file string
		switch kind {
		case "person":
			file = "people/alice.yaml"
			_, fs = asset.DecodePerson(file, "alice", data)
		case "config":
			file = asset.ConfigFile
			_, fs = asset.DecodeConfig(data)
		default:
			file = "assets/" + kind.Folder() + "/X-1.yaml"
			var a *asset.Asset
			a, fs = asset.DecodeAsset(file, "X-1", kind, data)
			if a.ID != "X-1" || a.Kind != kind || a.File != file {
				t.Fatalf("DecodeAsset changed the asset's identity: ID %q, kind %q, file %q", a.ID, a.Kind, a.File)
			}
			if !fs.HasErrors() && a.Name == "" {
				t.Fatalf("an asset without a name decoded without an error")
			}
		}
		// YAML breaks lines at \n, \r\n and a lone \r alike.
		lines := 1 + bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n"))
		for _, f := range fs {
			if f.File != file || f.Rule == "" || f.Message == "" {
				t.Fatalf("finding without its file, rule or message: %#v", f)
			}
			if f.Pos.Line < 0 || f.Pos.Col < 0 || f.Pos.Line > lines {
				t.Fatalf("finding outside the file (%d lines): %s", lines, f)
			}
			if f.Rule == "yaml-syntax" && (f.Pos.Line < 1 || f.Pos.Col < 1) {
				t.Fatalf("syntax error without a line and a column: %s", f)
			}
			if !utf8.ValidString(f.Message) {
				t.Fatalf("finding message is not UTF-8: %q", f.Message)
			}
		}
	})
}

// seedKind returns the index in fuzzKinds of the kind a register path
// decodes as.
func seedKind(rel string) uint8 {
	switch {
	case rel == asset.ConfigFile:
		return uint8(len(fuzzKinds) - 1)
	case strings.HasPrefix(rel, "people/"):
		return uint8(len(fuzzKinds) - 2)
	}
	parts := strings.Split(rel, "/")
	if len(parts) == 3 {
		if k, ok := asset.KindOfFolder(parts[1]); ok {
			for i, x := range fuzzKinds {
				if x == k {
					return uint8(i)
				}
			}
		}
	}
	return 0
}

// unescapeSeed turns the \xNN, \t, \r and \\ escapes of a broken-corpus
// file into bytes, as the corpus test does.
func unescapeSeed(data []byte) []byte {
	var out []byte
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' || i+1 == len(data) {
			out = append(out, data[i])
			continue
		}
		switch data[i+1] {
		case 't':
			out, i = append(out, '\t'), i+1
		case 'r':
			out, i = append(out, '\r'), i+1
		case '\\':
			out, i = append(out, '\\'), i+1
		case 'x':
			if b, err := strconv.ParseUint(string(data[i+2:min(i+4, len(data))]), 16, 8); err == nil && i+4 <= len(data) {
				out, i = append(out, byte(b)), i+3
				continue
			}
			out = append(out, data[i])
		default:
			out = append(out, data[i])
		}
	}
	return out
}
