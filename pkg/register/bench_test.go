package register_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/depreciation"
	"github.com/itrack/itrack/pkg/example"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/renewals"
	"github.com/itrack/itrack/pkg/seats"
)

var benchSizes = []int{1_000, 10_000, 100_000}

// benchRegister writes a synthetic register of n assets for a benchmark.
func benchRegister(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	if err := example.WriteAll(dir, example.Synthetic(n, "Bench", "GBP")); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkLoad measures Register.Load: every file read, parsed, decoded
// into records and checked, one worker per CPU.
func BenchmarkLoad(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("assets=%d", n), func(b *testing.B) {
			dir := benchRegister(b, n)
			reg, err := register.Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				snap := reg.Load()
				if len(snap.Invalid) > 0 {
					b.Fatalf("invalid files: %v", snap.Invalid[:1])
				}
			}
		})
	}
}

// BenchmarkBaseline is the floor Load is measured against: the same files
// only listed, read and parsed by yaml.v3 with the same workers, into
// nodes (what Load parses into, the strict floor) and into plain Go values
// (map[string]any, what decoding YAML usually means).
func BenchmarkBaseline(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("assets=%d", n), func(b *testing.B) {
			dir := benchRegister(b, n)
			b.Run("into=nodes", func(b *testing.B) {
				baseline(b, dir, func() any { return &yaml.Node{} })
			})
			b.Run("into=values", func(b *testing.B) {
				baseline(b, dir, func() any { return &map[string]any{} })
			})
		})
	}
}

func baseline(b *testing.B, dir string, into func() any) {
	folders := []string{"people"}
	for _, k := range asset.Kinds {
		folders = append(folders, "assets/"+k.Folder())
	}
	for b.Loop() {
		// listed inside the loop, as Load lists the folders too
		var files []string
		for _, sub := range folders {
			entries, _ := os.ReadDir(filepath.Join(dir, sub))
			for _, e := range entries {
				if filepath.Ext(e.Name()) == ".yaml" {
					files = append(files, filepath.Join(dir, sub, e.Name()))
				}
			}
		}
		register.Parallel(len(files), func(i int) {
			data, err := os.ReadFile(files[i])
			if err != nil {
				panic(err)
			}
			if err := yaml.Unmarshal(data, into()); err != nil {
				panic(err)
			}
		})
	}
}

// BenchmarkComputations measures what seats, depreciation and renewals add
// to a load: the computations over every record, with the records in
// memory. Beside BenchmarkLoad, it shows they cost little.
func BenchmarkComputations(b *testing.B) {
	for _, n := range benchSizes {
		dir := benchRegister(b, n)
		reg, err := register.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		snap := reg.Load()
		asOf := asset.NewDate(2026, 11, 29)
		b.Run(fmt.Sprintf("seats/assets=%d", n), func(b *testing.B) {
			for b.Loop() {
				statuses := asset.Statuses(snap.Assets, asOf, reg.Config.Renewals.Window)
				seats.Check(snap.Assets, snap.People, statuses, asOf, reg.Config.Currency)
			}
		})
		b.Run(fmt.Sprintf("depreciation/assets=%d", n), func(b *testing.B) {
			for b.Loop() {
				for _, a := range snap.Assets {
					if _, err := depreciation.Of(a, reg.Config, asOf); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(fmt.Sprintf("renewals/assets=%d", n), func(b *testing.B) {
			for b.Loop() {
				statuses := asset.Statuses(snap.Assets, asOf, reg.Config.Renewals.Window)
				renewals.Items(snap.Assets, reg.Config, statuses, asOf)
			}
		})
	}
}
