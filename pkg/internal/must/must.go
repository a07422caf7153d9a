// Package must builds the values tests write as text, panicking on a typo:
// one set of helpers for every package's tests.
package must

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

// Date is asset.ParseDate that panics on a bad date.
func Date(s string) asset.Date { return get(asset.ParseDate(s)) }

// Duration is asset.ParseDuration that panics on a bad duration.
func Duration(s string) asset.Duration { return get(asset.ParseDuration(s)) }

// Money is asset.ParseMoney that panics on a bad amount.
func Money(s string) asset.Money { return get(asset.ParseMoney(s)) }

// Int is a pointer to n, as seat counts are.
func Int(n int) *int { return &n }

func get[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// WriteFiles writes files (path relative to dir → text) into dir, making
// their folders, and fails the test on an error.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for rel, text := range files {
		path := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
