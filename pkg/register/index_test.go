package register

import (
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/itrack/itrack/pkg/asset"
)

func TestIndexAnswersFromOneLoad(t *testing.T) {
	dir := t.TempDir()
	cfg, _ := asset.DecodeConfig([]byte("name: Test\ncurrency: GBP\n"))
	r := &Register{Root: dir, Config: cfg}
	files := map[string][]byte{
		"assets/hardware/HW-000123.yaml": []byte("name: Laptop\nmodel: T14\nserial: SN-1\npurchase:\n  date: 2024-01-02\n"),
		"assets/hardware/HW-000007.yaml": []byte("name: laptop\nmodel: t14\npurchase:\n  date: 2024-01-02\n"),
		"assets/licences/LIC-0001.yaml":  []byte("name: Figma\n"),
		"people/alice.yaml":              []byte("name: Alice Smith\nemail: alice@example.com\n"),
	}
	order := []string{"assets/hardware/HW-000123.yaml", "assets/hardware/HW-000007.yaml", "assets/licences/LIC-0001.yaml", "people/alice.yaml"}
	if err := r.WriteBatch(files, order); err != nil {
		t.Fatal(err)
	}
	x, err := r.NewIndex()
	if err != nil {
		t.Fatal(err)
	}
	if k, rel, data, ok := x.Asset("hw-000123"); !ok || k != asset.Hardware || rel != "assets/hardware/HW-000123.yaml" || string(data) != string(files[rel]) {
		t.Errorf("Asset = %v %q %q %v", k, rel, data, ok)
	}
	if _, _, _, ok := x.Asset("HW-9"); ok {
		t.Error("Asset found an ID that is not there")
	}
	if id, ok := x.BySerial(" sn-1 "); !ok || id != "HW-000123" {
		t.Errorf("BySerial = %q %v", id, ok)
	}
	if got := x.ByName(asset.Hardware, "LAPTOP", "T14", "2024-01-02"); !reflect.DeepEqual(got, []string{"HW-000007", "HW-000123"}) {
		t.Errorf("ByName = %v", got)
	}
	if id, ok := x.PersonByEmailOrName("", "alice smith"); !ok || id != "alice" {
		t.Errorf("PersonByEmailOrName = %q %v", id, ok)
	}
	if rel, _, ok := x.Person("ALICE"); !ok || rel != "people/alice.yaml" {
		t.Errorf("Person = %q %v", rel, ok)
	}
	taken := map[string]bool{"HW-000124": true}
	if got := x.NextID(asset.Hardware, func(id string) bool { return taken[id] }); got != "HW-000125" {
		t.Errorf("NextID = %q, want HW-000125 (the width kept, a taken number skipped)", got)
	}
	if got := x.NextID(asset.Hardware, func(string) bool { return false }); got != "HW-000126" {
		t.Errorf("the next NextID = %q, want HW-000126", got)
	}

	// a folder that is a link: refused, with the finding
	if err := os.Symlink(t.TempDir(), r.Abs("assets/domains")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	var ue *UnreadError
	if _, err := r.NewIndex(); !errors.As(err, &ue) || len(ue.Findings) != 1 || ue.Findings[0].Rule != "not-regular-file" {
		t.Errorf("NewIndex with a linked folder: %v", err)
	}
}
