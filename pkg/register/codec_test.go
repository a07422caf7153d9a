package register

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/itrack/itrack/pkg/asset"
)

// fill sets every exported field of v, recursively, to a value that is
// not the zero value, so that a field the codec forgets cannot come back
// equal. Dates, amounts and decimals, whose fields are not exported, get
// real values.
func fill(t *testing.T, v reflect.Value, n *int) {
	*n++
	switch v.Type() {
	case reflect.TypeFor[asset.Date]():
		v.Set(reflect.ValueOf(asset.NewDate(2026, 11, *n%28+1)))
		return
	case reflect.TypeFor[asset.Money]():
		m, err := asset.ParseMoney("1249.50 USD")
		if err != nil {
			t.Fatal(err)
		}
		if *n%2 == 0 {
			m = m.Times(*n) // computed, with no text as written
		}
		v.Set(reflect.ValueOf(m))
		return
	case reflect.TypeFor[decimal.Decimal]():
		v.Set(reflect.ValueOf(decimal.New(int64(*n), -2)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)))
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(*n))
	case reflect.Uint8, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n%200 + 1))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(t, v.Index(i), n)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(t, v.Field(i), n)
			} else {
				t.Fatalf("%s.%s is not exported: the index cannot keep it; give the type a MarshalBinary, and fill here", v.Type(), v.Type().Field(i).Name)
			}
		}
	default:
		t.Fatalf("fill: no value for a %s", v.Type())
	}
}

// Every field of every record the index keeps comes back as it went in,
// and so do empty lists (kept apart from none, which JSON tells apart).
func TestIndexKeepsEveryField(t *testing.T) {
	n := 0
	var full indexEntry
	fill(t, reflect.ValueOf(&full).Elem(), &n)
	empty := indexEntry{Asset: &asset.Asset{Tags: []string{}, History: []asset.Event{}, Pos: asset.Positions{}}, Findings: asset.Findings{}}
	for name, x := range map[string]*indexEntry{"every field": &full, "empty lists": &empty, "nothing": {}} {
		part := indexData{Build: "b", Entries: map[string]*indexEntry{"assets/hardware/X.yaml": x}, Register: x.Findings, RegisterKey: "k"}
		var back indexData
		if err := back.decode(part.encode()); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(back, part) {
			t.Errorf("%s: came back as\n%#v\nwent in as\n%#v", name, back.Entries["assets/hardware/X.yaml"], x)
		}
	}
}

// Whatever bytes a part holds, decoding it does not panic: it is an index
// part, which encodes back to the same, or an error.
func FuzzIndexPart(f *testing.F) {
	n := 0
	var full indexEntry
	fill(&testing.T{}, reflect.ValueOf(&full).Elem(), &n)
	f.Add((&indexData{Build: "b", Entries: map[string]*indexEntry{"a": &full}}).encode())
	f.Add((&indexData{Build: "b", Entries: map[string]*indexEntry{"a": {}, "b": {Asset: &asset.Asset{ID: "X"}}}}).encode())
	f.Fuzz(func(t *testing.T, data []byte) {
		var p indexData
		if p.decode(data) == nil {
			again := p.encode()
			var q indexData
			if err := q.decode(again); err != nil || !reflect.DeepEqual(p, q) {
				t.Fatalf("a part that decodes does not encode back the same: %v", err)
			}
		}
	})
}

// Whatever bytes an index file holds, reading it neither panics nor
// trusts what is not a whole index of this build.
func FuzzIndexFile(f *testing.F) {
	parts := make([]byte, 0)
	for range indexShards {
		b := (&indexData{Build: buildID()}).encode()
		parts = append(binary.AppendUvarint(parts, uint64(len(b))), b...)
	}
	sum := sha256.Sum256(parts)
	f.Add(append(append([]byte(indexFormat), sum[:]...), parts...))
	empty := sha256.Sum256(nil)
	f.Add(append([]byte(indexFormat), empty[:]...)) // no parts at all
	f.Fuzz(func(t *testing.T, data []byte) {
		// a valid checksum is easy to forge: make every input carry one
		if rest, ok := bytes.CutPrefix(data, []byte(indexFormat)); ok && len(rest) >= sha256.Size {
			s := sha256.Sum256(rest[sha256.Size:])
			copy(rest, s[:])
		}
		(&index{}).decode(data)
	})
}
