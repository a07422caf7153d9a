// Package example writes the registers itrack can create by itself: the
// settings file of a new register, the realistic demo of `itrack init
// --example` (also committed as testdata/example), and the synthetic
// registers of `itrack init --size N` that benchmarks run on.
package example

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/itrack/itrack/pkg/register"
)

// Config returns a new register's itrack.yaml: every setting with its
// default and a comment saying what it does.
func Config(name, currency string) string {
	return fmt.Sprintf(`# itrack register settings: see docs/format.md in the itrack repository.
name: %s
# The currency of every amount that does not name its own (ISO 4217).
currency: %s
renewals:
  # How far ahead `+"`itrack renewals`"+` looks.
  window: 90d
  # Calendar reminders before each renewal (itrack renewals --format ics).
  remind: [30d, 7d]
audit:
  # How often each asset should be seen and checked (itrack audit).
  interval: 365d
  # Warn of every asset in service without an owner (ISO 27001 A.5.9).
  # require_owner: true
# ID prefixes for `+"`itrack add`"+` when no ID is given: HW-0001, LIC-0001, ...
prefixes:
  hardware: HW
  component: CMP
  licence: LIC
  domain: DOM
  certificate: CERT
  document: DOC
# Defaults per category: how assets depreciate and how long they should
# last before they are refreshed (end_of_life = purchase date + lifetime).
categories:
  laptop:
    depreciation: {method: straight_line, life: 36m}
    lifetime: 48m
  desktop:
    depreciation: {method: straight_line, life: 48m}
    lifetime: 60m
  monitor:
    depreciation: {method: straight_line, life: 60m}
    lifetime: 72m
  phone:
    depreciation: {method: straight_line, life: 24m}
    lifetime: 36m
  server:
    depreciation: {method: double_declining, life: 60m}
    lifetime: 60m
  network:
    depreciation: {method: straight_line, life: 60m}
    lifetime: 84m
  component:
    depreciation: {method: none}
  software:
    depreciation: {method: none}
git:
  # Commit every change an itrack command makes (the same as --commit).
  auto_commit: false
`, yamlString(name), currency)
}

// yamlString quotes s when plain YAML would not read it back as the same
// text.
func yamlString(s string) string {
	if s == "" || strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`\n") || strings.TrimSpace(s) != s {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

// WriteAll creates dir and writes files (relative paths) into it as one
// batch, all or nothing, through real folders only (see
// register.WriteBatch). A new register is not under any lock yet.
func WriteAll(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for rel := range files {
		names = append(names, rel)
	}
	sort.Strings(names)
	return (&register.Register{Root: dir}).WriteBatch(files, names)
}
