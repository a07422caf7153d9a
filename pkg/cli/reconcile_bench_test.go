package cli_test

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/cli"
	"github.com/itrack/itrack/pkg/register"
)

// BenchmarkReconcile: reconcile of a 10,000-row Intune export against a
// 10k-asset register, beside loading the same register: the comparison
// must cost little beside the reading (within 1.5 times).
func BenchmarkReconcile(b *testing.B) {
	const rows = 10_000
	dir := benchRegister(b, 10_000)
	reg, err := register.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	snap := reg.Load()
	today := asset.NewDate(2026, 11, 29)
	statuses := snap.Statuses(today)
	email := map[string]string{}
	for _, p := range snap.People {
		email[p.ID] = p.Email
	}
	path := filepath.Join(b.TempDir(), "intune.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := csv.NewWriter(f)
	_ = w.Write([]string{"Device name", "Managed by", "Ownership", "Compliance", "OS", "OS version", "Last check-in",
		"Primary user UPN", "Serial number", "Model", "Manufacturer"})
	n := 0
	for _, a := range snap.Assets {
		if n == rows {
			break
		}
		if a.Kind != asset.Hardware || a.Serial == "" {
			continue
		}
		st := statuses[a.ID]
		// every device checked in lately, one in ten a month ago
		checkIn := today.AddDays(-(n % 3))
		if n%10 == 0 {
			checkIn = today.AddDays(-45)
		}
		_ = w.Write([]string{a.Name, "Intune", "Corporate", "Compliant", "Windows", "10.0.22631.4460",
			checkIn.String() + " 09:12:44", email[st.Holder], a.Serial, a.Model, a.Manufacturer})
		n++
	}
	for ; n < rows; n++ { // devices nobody registered
		_ = w.Write([]string{fmt.Sprintf("DESKTOP-%05d", n), "Intune", "Personal", "Compliant", "Windows", "10.0.26100.2314",
			"11/28/2026 9:12:44 AM", fmt.Sprintf("user%05d@example.com", n), fmt.Sprintf("UNREG%07d", n), "OptiPlex 7010", "Dell Inc."})
	}
	w.Flush()
	if err := f.Close(); err != nil || w.Error() != nil {
		b.Fatal(err, w.Error())
	}
	var errs strings.Builder
	app := &cli.App{IO: &cli.IOStreams{In: strings.NewReader(""), Out: io.Discard, Err: &errs},
		Getenv: func(string) string { return "" }, Cwd: os.TempDir(), Today: today}
	if code := cli.Run(app, []string{"-C", dir, "reconcile", path}); code != 0 {
		b.Fatalf("reconcile: exit %d: %s", code, errs.String())
	}
	b.Run("load/assets=10000", func(b *testing.B) {
		for b.Loop() {
			reg.Load()
		}
	})
	for _, format := range []string{"table", "json"} {
		b.Run(fmt.Sprintf("reconcile/assets=10000/rows=%d/format=%s", rows, format), func(b *testing.B) {
			for b.Loop() {
				if code := runQuiet(b, "-C", dir, "reconcile", path, "--format", format); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
