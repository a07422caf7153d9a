package register

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/shopspring/decimal"

	"github.com/itrack/itrack/pkg/asset"
)

// The index's encoding of records: a compact binary form, written and read
// field by field (gob spent most of a warm load in reflection). Each
// string is written once per part and referred to by number after that,
// so the paths of positions, the kinds, categories and models that repeat
// from record to record are one string in memory each. A test fills every
// field of every record type and checks that it comes back, so a field
// added to a record and not here fails it.

// errCodec is what any damaged or foreign input gives: the part is not
// used.
var errCodec = errors.New("index: damaged entry")

type encoder struct {
	b    []byte
	strs map[string]uint64
}

func newEncoder() *encoder { return &encoder{strs: map[string]uint64{}} }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// str writes 0 and the string the first time, else its number plus one.
func (e *encoder) str(s string) {
	if n, ok := e.strs[s]; ok {
		e.uint(n + 1)
		return
	}
	e.strs[s] = uint64(len(e.strs))
	e.uint(0)
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) bytes(b []byte) {
	e.uint(uint64(len(b)))
	e.b = append(e.b, b...)
}

// list writes whether a list is there at all (nil and empty are told
// apart, as JSON tells them) and its length; its elements follow.
func (e *encoder) list(set bool, n int) {
	e.bool(set)
	e.uint(uint64(n))
}

func (e *encoder) strList(ss []string) {
	e.list(ss != nil, len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) intPtr(p *int) {
	e.bool(p != nil)
	if p != nil {
		e.int(int64(*p))
	}
}

func (e *encoder) date(d asset.Date) {
	b, _ := d.MarshalBinary()
	e.b = append(e.b, b...)
}

func (e *encoder) money(m asset.Money) {
	b, _ := m.MarshalBinary()
	e.bytes(b)
}

func (e *encoder) duration(d asset.Duration) {
	e.int(int64(d.N))
	e.b = append(e.b, d.Unit)
}

func (e *encoder) pos(p asset.Pos) {
	e.int(int64(p.Line))
	e.int(int64(p.Col))
}

func (e *encoder) positions(ps asset.Positions) {
	e.list(ps != nil, len(ps))
	for _, p := range ps {
		e.str(p.Path)
		e.pos(p.Pos)
	}
}

func (e *encoder) fields(fs []asset.CustomField) {
	e.list(fs != nil, len(fs))
	for _, f := range fs {
		e.str(f.Key)
		e.str(f.Value)
	}
}

func (e *encoder) finding(f asset.Finding) {
	e.str(f.File)
	e.pos(f.Pos)
	e.int(int64(f.Severity))
	e.str(f.Rule)
	e.str(f.Message)
}

func (e *encoder) findings(fs asset.Findings) {
	e.list(fs != nil, len(fs))
	for _, f := range fs {
		e.finding(f)
	}
}

func (e *encoder) event(ev *asset.Event) {
	e.date(ev.Date)
	e.str(string(ev.Type))
	for _, s := range []string{ev.To, ev.From, ev.In, ev.Note, ev.Location, ev.By, ev.Reason, ev.Method, ev.Certificate} {
		e.str(s)
	}
	e.money(ev.Cost)
	e.money(ev.Proceeds)
	e.date(ev.Until)
	e.intPtr(ev.Seats)
	e.intPtr(ev.Units)
	e.pos(ev.Pos)
	e.positions(ev.KeyPos)
}

func (e *encoder) asset(a *asset.Asset) {
	e.bool(a != nil)
	if a == nil {
		return
	}
	for _, s := range []string{a.ID, string(a.Kind), a.File, a.Name, a.Description, a.Category, a.Manufacturer, a.Model,
		a.Serial, a.Vendor, a.Owner, a.Location} {
		e.str(s)
	}
	e.strList(a.Tags)
	e.date(a.Purchase.Date)
	e.money(a.Purchase.Cost)
	e.str(a.Purchase.Supplier)
	e.str(a.Purchase.Order)
	e.str(a.Purchase.Invoice)
	e.str(a.Depreciation.Method)
	e.duration(a.Depreciation.Life)
	e.money(a.Depreciation.Salvage)
	unset := a.Depreciation.Rate == (decimal.Decimal{})
	e.bool(unset)
	if !unset {
		rate, _ := a.Depreciation.Rate.MarshalBinary()
		e.bytes(rate)
	}
	e.fields(a.Fields)
	e.str(a.Notes)
	e.date(a.Warranty.Expires)
	e.str(a.Warranty.Provider)
	e.date(a.EndOfLife)
	e.str(a.OS)
	e.date(a.SupportEnds)
	e.str(a.InstalledIn)
	e.intPtr(a.Quantity)
	e.str(a.Metric)
	e.intPtr(a.Seats)
	e.money(a.Cost)
	e.duration(a.Term)
	e.date(a.Renews)
	e.date(a.Expires)
	e.bool(a.AutoRenew)
	e.duration(a.Notice)
	e.str(a.Version)
	e.str(a.Registrar)
	e.str(a.Subject)
	e.strList(a.SANs)
	e.str(a.Issuer)
	e.date(a.NotBefore)
	e.str(a.Fingerprint)
	e.str(a.Counterparty)
	e.date(a.Starts)
	e.list(a.History != nil, len(a.History))
	for i := range a.History {
		e.event(&a.History[i])
	}
	e.positions(a.Pos)
}

func (e *encoder) person(p *asset.Person) {
	e.bool(p != nil)
	if p == nil {
		return
	}
	for _, s := range []string{p.ID, p.File, p.Name, p.Email, p.Department, p.Manager, p.Location} {
		e.str(s)
	}
	e.date(p.Starts)
	e.date(p.Leaves)
	e.str(p.Notes)
	e.fields(p.Fields)
	e.positions(p.Pos)
}

func (e *encoder) entry(x *indexEntry) {
	e.int(x.ID.Size)
	e.int(x.ID.MTime)
	e.int(x.ID.CTime)
	e.uint(x.ID.Ino)
	e.uint(uint64(x.ID.Mode))
	e.asset(x.Asset)
	e.person(x.Person)
	e.findings(x.Findings)
	e.bool(x.Canon)
	e.bool(x.NonCanonical != nil)
	if x.NonCanonical != nil {
		e.finding(*x.NonCanonical)
	}
}

type decoder struct {
	b    []byte
	strs []string
	err  error

	// records and their lists are cut from blocks, a few allocations for
	// many records
	assets []asset.Asset
	events []asset.Event
	keyPos asset.Positions
}

const block = 256

func (d *decoder) newAsset() *asset.Asset {
	if len(d.assets) == 0 {
		d.assets = make([]asset.Asset, block)
	}
	a := &d.assets[0]
	d.assets = d.assets[1:]
	return a
}

// cut returns n elements of a block, allocating a new block when too few
// are left; the slice's capacity is n, so that appending to it copies.
func cut[T any](pool *[]T, n int) []T {
	if n == 0 {
		return []T{}
	}
	if n > len(*pool) {
		*pool = make([]T, max(n, block))
	}
	out := (*pool)[:n:n]
	*pool = (*pool)[n:]
	return out
}

func (d *decoder) fail() { d.err, d.b = errCodec, nil }

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count is a length, at most what the rest of the input could hold.
func (d *decoder) count() int { return d.countOf(1) }

// countOf is a number of elements each at least size bytes long, so that
// damaged input cannot make the decoder allocate more than a small
// multiple of its own length.
func (d *decoder) countOf(size int) int {
	n := d.uint()
	if n > uint64(len(d.b)/size) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) smallInt() int {
	v := d.int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) bool() bool {
	if len(d.b) == 0 {
		d.fail()
		return false
	}
	v := d.b[0]
	d.b = d.b[1:]
	if v > 1 {
		d.fail()
	}
	return v == 1
}

func (d *decoder) raw(n int) []byte {
	if n < 0 || n > len(d.b) {
		d.fail()
		return nil
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) str() string {
	ref := d.uint()
	if ref > 0 {
		if ref > uint64(len(d.strs)) {
			d.fail()
			return ""
		}
		return d.strs[ref-1]
	}
	s := string(d.raw(d.count()))
	d.strs = append(d.strs, s)
	return s
}

func (d *decoder) bytes() []byte { return d.raw(d.count()) }

func (d *decoder) strList() []string {
	return list(d, 1, func(n int) []string { return make([]string, n) }, d.str)
}

func (d *decoder) intPtr() *int {
	if !d.bool() {
		return nil
	}
	v := d.smallInt()
	return &v
}

func (d *decoder) date() asset.Date {
	var dt asset.Date
	if err := dt.UnmarshalBinary(d.raw(4)); err != nil {
		d.fail()
	}
	return dt
}

func (d *decoder) money() asset.Money {
	var m asset.Money
	if err := m.UnmarshalBinary(d.bytes()); err != nil {
		d.fail()
	}
	return m
}

func (d *decoder) duration() asset.Duration {
	n := d.smallInt()
	u := d.raw(1)
	if len(u) == 0 {
		return asset.Duration{}
	}
	return asset.Duration{N: n, Unit: u[0]}
}

func (d *decoder) pos() asset.Pos { return asset.Pos{Line: d.smallInt(), Col: d.smallInt()} }

// list reads what encoder.list wrote, then each of its elements (each at
// least size bytes) into alloc's slice: nil stays nil, empty stays empty.
func list[T any](d *decoder, size int, alloc func(n int) []T, item func() T) []T {
	set := d.bool()
	n := d.countOf(size)
	if !set {
		return nil
	}
	out := alloc(n)
	for i := range out {
		out[i] = item()
	}
	return out
}

func (d *decoder) positions() asset.Positions {
	return list(d, 3, func(n int) []asset.KeyPos { return cut((*[]asset.KeyPos)(&d.keyPos), n) },
		func() asset.KeyPos { return asset.KeyPos{Path: d.str(), Pos: d.pos()} })
}

func (d *decoder) fields() []asset.CustomField {
	return list(d, 2, func(n int) []asset.CustomField { return make([]asset.CustomField, n) },
		func() asset.CustomField { return asset.CustomField{Key: d.str(), Value: d.str()} })
}

func (d *decoder) finding() asset.Finding {
	return asset.Finding{File: d.str(), Pos: d.pos(), Severity: asset.Severity(d.smallInt()), Rule: d.str(), Message: d.str()}
}

func (d *decoder) findings() asset.Findings {
	return list(d, 6, func(n int) []asset.Finding { return make([]asset.Finding, n) }, d.finding)
}

func (d *decoder) event(ev *asset.Event) {
	ev.Date = d.date()
	ev.Type = asset.EventType(d.str())
	for _, s := range []*string{&ev.To, &ev.From, &ev.In, &ev.Note, &ev.Location, &ev.By, &ev.Reason, &ev.Method, &ev.Certificate} {
		*s = d.str()
	}
	ev.Cost = d.money()
	ev.Proceeds = d.money()
	ev.Until = d.date()
	ev.Seats = d.intPtr()
	ev.Units = d.intPtr()
	ev.Pos = d.pos()
	ev.KeyPos = d.positions()
}

func (d *decoder) asset() *asset.Asset {
	if !d.bool() {
		return nil
	}
	a := d.newAsset()
	var kind string
	for _, s := range []*string{&a.ID, &kind, &a.File, &a.Name, &a.Description, &a.Category, &a.Manufacturer, &a.Model,
		&a.Serial, &a.Vendor, &a.Owner, &a.Location} {
		*s = d.str()
	}
	a.Kind = asset.Kind(kind)
	a.Tags = d.strList()
	a.Purchase.Date = d.date()
	a.Purchase.Cost = d.money()
	a.Purchase.Supplier = d.str()
	a.Purchase.Order = d.str()
	a.Purchase.Invoice = d.str()
	a.Depreciation.Method = d.str()
	a.Depreciation.Life = d.duration()
	a.Depreciation.Salvage = d.money()
	if !d.bool() {
		if err := a.Depreciation.Rate.UnmarshalBinary(d.bytes()); err != nil {
			d.fail()
		}
	}
	a.Fields = d.fields()
	a.Notes = d.str()
	a.Warranty.Expires = d.date()
	a.Warranty.Provider = d.str()
	a.EndOfLife = d.date()
	a.OS = d.str()
	a.SupportEnds = d.date()
	a.InstalledIn = d.str()
	a.Quantity = d.intPtr()
	a.Metric = d.str()
	a.Seats = d.intPtr()
	a.Cost = d.money()
	a.Term = d.duration()
	a.Renews = d.date()
	a.Expires = d.date()
	a.AutoRenew = d.bool()
	a.Notice = d.duration()
	a.Version = d.str()
	a.Registrar = d.str()
	a.Subject = d.str()
	a.SANs = d.strList()
	a.Issuer = d.str()
	a.NotBefore = d.date()
	a.Fingerprint = d.str()
	a.Counterparty = d.str()
	a.Starts = d.date()
	a.History = list(d, 26, func(n int) []asset.Event { return cut(&d.events, n) },
		func() (ev asset.Event) { d.event(&ev); return ev })
	a.Pos = d.positions()
	return a
}

func (d *decoder) person() *asset.Person {
	if !d.bool() {
		return nil
	}
	p := &asset.Person{}
	for _, s := range []*string{&p.ID, &p.File, &p.Name, &p.Email, &p.Department, &p.Manager, &p.Location} {
		*s = d.str()
	}
	p.Starts = d.date()
	p.Leaves = d.date()
	p.Notes = d.str()
	p.Fields = d.fields()
	p.Pos = d.positions()
	return p
}

func (d *decoder) entry() *indexEntry {
	x := &indexEntry{}
	x.ID = fileID{Size: d.int(), MTime: d.int(), CTime: d.int(), Ino: d.uint()}
	mode := d.uint()
	if mode > math.MaxUint32 {
		d.fail()
	}
	x.ID.Mode = uint32(mode)
	x.Asset = d.asset()
	x.Person = d.person()
	x.Findings = d.findings()
	x.Canon = d.bool()
	if d.bool() {
		f := d.finding()
		x.NonCanonical = &f
	}
	return x
}
