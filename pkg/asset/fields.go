package asset

import (
	"slices"
	"strings"
)

// ValueType is the type of a field's value in a file.
type ValueType int

// The value types a field can have.
const (
	TString     ValueType = iota // one line of text
	TText                        // free text, may span lines
	TEnum                        // one of Field.Enum
	TDate                        // YYYY-MM-DD
	TDuration                    // 90d, 6w, 36m, 3y
	TMoney                       // 1249.00 or 1249.00 USD
	TInt                         // a whole number, 0 or more
	TBool                        // true or false
	TStrings                     // a list of text
	TPerson                      // a person ID
	TRate                        // a fraction: 0.25 or 25%
	TGroup                       // a mapping with its own fields (Sub)
	TCustom                      // fields: free-form text values
	THistory                     // the event log
	TDurations                   // a list of durations
	TCategories                  // itrack.yaml categories: name → defaults
)

// Field describes one key of a record: its type, the kinds that use it and
// where the decoded value goes. The decoder, validation, `itrack set` and the
// JSON Schema all read this one table, so they cannot drift apart.
type Field[T any] struct {
	Key   string
	Type  ValueType
	Kinds []Kind // nil: every kind
	Enum  []string
	Doc   string
	Sub   []Field[T]
	ptr   func(*T) any
}

// For reports whether kind k uses this field.
func (f *Field[T]) For(k Kind) bool {
	return f.Kinds == nil || slices.Contains(f.Kinds, k)
}

// The depreciation methods, as a file names them.
const (
	StraightLine     = "straight_line"
	DecliningBalance = "declining_balance"
	DoubleDeclining  = "double_declining"
	SumOfYears       = "sum_of_years"
	NoDepreciation   = "none"
)

// DepreciationMethods lists the depreciation methods a file can name.
var DepreciationMethods = []string{StraightLine, DecliningBalance, DoubleDeclining, SumOfYears, NoDepreciation}

// LicenceMetrics are the ways a licence counts its seats.
var LicenceMetrics = []string{"user", "device", "concurrent", "site"}

var (
	hw      = []Kind{Hardware}
	renewed = []Kind{Licence, Domain, Document}
	expiry  = []Kind{Licence, Domain, Certificate, Document}
	auto    = []Kind{Licence, Domain, Certificate, Document}
)

var depreciationFields = []Field[DepreciationSpec]{
	{Key: "method", Type: TEnum, Enum: DepreciationMethods, Doc: "how the value falls over the asset's life", ptr: func(d *DepreciationSpec) any { return &d.Method }},
	{Key: "life", Type: TDuration, Doc: "useful life, e.g. 36m", ptr: func(d *DepreciationSpec) any { return &d.Life }},
	{Key: "salvage", Type: TMoney, Doc: "value at the end of its life", ptr: func(d *DepreciationSpec) any { return &d.Salvage }},
	{Key: "rate", Type: TRate, Doc: "annual rate for declining_balance, e.g. 0.3 or 30%", ptr: func(d *DepreciationSpec) any { return &d.Rate }},
}

// AssetFields is the schema of an asset file, in canonical key order.
var AssetFields = []Field[Asset]{
	{Key: "name", Type: TString, Doc: "what people call it (required)", ptr: func(a *Asset) any { return &a.Name }},
	{Key: "description", Type: TText, Doc: "a longer description", ptr: func(a *Asset) any { return &a.Description }},
	{Key: "category", Type: TString, Doc: "a category of itrack.yaml, e.g. laptop; gives depreciation and lifetime defaults", ptr: func(a *Asset) any { return &a.Category }},
	{Key: "manufacturer", Type: TString, Doc: "who made it", ptr: func(a *Asset) any { return &a.Manufacturer }},
	{Key: "model", Type: TString, Doc: "the maker's model name", ptr: func(a *Asset) any { return &a.Model }},
	{Key: "serial", Type: TString, Doc: "serial number; unique in the register", ptr: func(a *Asset) any { return &a.Serial }},
	{Key: "vendor", Type: TString, Doc: "who sells or provides it", ptr: func(a *Asset) any { return &a.Vendor }},
	{Key: "owner", Type: TPerson, Doc: "the accountable person (ISO 27001 A.5.9)", ptr: func(a *Asset) any { return &a.Owner }},
	{Key: "location", Type: TString, Doc: "where it is kept, when no event says otherwise", ptr: func(a *Asset) any { return &a.Location }},
	{Key: "tags", Type: TStrings, Doc: "free labels", ptr: func(a *Asset) any { return &a.Tags }},
	{Key: "purchase", Type: TGroup, Doc: "how and when it was bought", Sub: []Field[Asset]{
		{Key: "date", Type: TDate, Doc: "purchase date; depreciation starts here", ptr: func(a *Asset) any { return &a.Purchase.Date }},
		{Key: "cost", Type: TMoney, Doc: "purchase cost", ptr: func(a *Asset) any { return &a.Purchase.Cost }},
		{Key: "supplier", Type: TString, ptr: func(a *Asset) any { return &a.Purchase.Supplier }},
		{Key: "order", Type: TString, Doc: "purchase order reference", ptr: func(a *Asset) any { return &a.Purchase.Order }},
		{Key: "invoice", Type: TString, Doc: "invoice reference", ptr: func(a *Asset) any { return &a.Purchase.Invoice }},
	}},
	{Key: "depreciation", Type: TGroup, Doc: "overrides the category's depreciation", Sub: wrap(depreciationFields, func(a *Asset) *DepreciationSpec { return &a.Depreciation })},
	{Key: "warranty", Type: TGroup, Kinds: hw, Doc: "hardware warranty", Sub: []Field[Asset]{
		{Key: "expires", Type: TDate, ptr: func(a *Asset) any { return &a.Warranty.Expires }},
		{Key: "provider", Type: TString, ptr: func(a *Asset) any { return &a.Warranty.Provider }},
	}},
	{Key: "end_of_life", Type: TDate, Kinds: hw, Doc: "planned replacement date; default purchase date + the category's lifetime", ptr: func(a *Asset) any { return &a.EndOfLife }},
	{Key: "os", Type: TString, Kinds: hw, Doc: "operating system and version, e.g. Windows 11 23H2", ptr: func(a *Asset) any { return &a.OS }},
	{Key: "quantity", Type: TInt, Kinds: []Kind{Component}, Doc: "units in a batch (61 keyboards); purchase.cost is per unit; default 1", ptr: func(a *Asset) any { return &a.Quantity }},
	{Key: "metric", Type: TEnum, Kinds: []Kind{Licence}, Enum: LicenceMetrics, Doc: "how seats are counted", ptr: func(a *Asset) any { return &a.Metric }},
	{Key: "seats", Type: TInt, Kinds: []Kind{Licence}, Doc: "seats bought; omit for unlimited or site licences", ptr: func(a *Asset) any { return &a.Seats }},
	{Key: "registrar", Type: TString, Kinds: []Kind{Domain}, Doc: "where the domain is registered", ptr: func(a *Asset) any { return &a.Registrar }},
	{Key: "subject", Type: TString, Kinds: []Kind{Certificate}, Doc: "certificate subject", ptr: func(a *Asset) any { return &a.Subject }},
	{Key: "sans", Type: TStrings, Kinds: []Kind{Certificate}, Doc: "subject alternative names", ptr: func(a *Asset) any { return &a.SANs }},
	{Key: "issuer", Type: TString, Kinds: []Kind{Certificate}, Doc: "certificate issuer", ptr: func(a *Asset) any { return &a.Issuer }},
	{Key: "not_before", Type: TDate, Kinds: []Kind{Certificate}, Doc: "start of validity", ptr: func(a *Asset) any { return &a.NotBefore }},
	{Key: "fingerprint", Type: TString, Kinds: []Kind{Certificate}, Doc: "SHA-256 fingerprint of the certificate", ptr: func(a *Asset) any { return &a.Fingerprint }},
	{Key: "counterparty", Type: TString, Kinds: []Kind{Document}, Doc: "the other party", ptr: func(a *Asset) any { return &a.Counterparty }},
	{Key: "starts", Type: TDate, Kinds: []Kind{Document}, Doc: "when the agreement starts", ptr: func(a *Asset) any { return &a.Starts }},
	{Key: "cost", Type: TMoney, Kinds: renewed, Doc: "recurring cost per term", ptr: func(a *Asset) any { return &a.Cost }},
	{Key: "term", Type: TDuration, Kinds: renewed, Doc: "renewal period, e.g. 1y", ptr: func(a *Asset) any { return &a.Term }},
	{Key: "renews", Type: TDate, Kinds: []Kind{Licence, Document}, Doc: "date of the next renewal", ptr: func(a *Asset) any { return &a.Renews }},
	{Key: "expires", Type: TDate, Kinds: expiry, Doc: "date it ends", ptr: func(a *Asset) any { return &a.Expires }},
	{Key: "auto_renew", Type: TBool, Kinds: auto, Doc: "renews by itself unless cancelled", ptr: func(a *Asset) any { return &a.AutoRenew }},
	{Key: "notice", Type: TDuration, Kinds: []Kind{Licence, Document}, Doc: "notice period: cancel by renews − notice", ptr: func(a *Asset) any { return &a.Notice }},
	{Key: "version", Type: TString, Kinds: []Kind{Licence}, Doc: "software version", ptr: func(a *Asset) any { return &a.Version }},
	{Key: "support_ends", Type: TDate, Kinds: []Kind{Hardware, Licence}, Doc: "when the vendor stops security updates", ptr: func(a *Asset) any { return &a.SupportEnds }},
	{Key: "fields", Type: TCustom, Doc: "custom fields: any keys, text values", ptr: func(a *Asset) any { return &a.Fields }},
	{Key: "notes", Type: TText, Doc: "free notes", ptr: func(a *Asset) any { return &a.Notes }},
	{Key: "history", Type: THistory, Doc: "the event log, in date order; always the last key", ptr: func(a *Asset) any { return &a.History }},
}

// computedKeys are values itrack computes and that a file must not hold.
var computedKeys = map[string]string{
	"installed_in": "it is computed from install and uninstall events: remove it and use `itrack install`",
	"state":        "it is computed from the history: remove it and record an event instead",
	"holder":       "it is computed from the history: remove it and use `itrack assign`",
	"seat_holders": "it is computed from the history: remove it and use `itrack assign`",
	"book_value":   "it is computed from the purchase cost and depreciation: remove it",
	"id":           "the file name is the ID: remove it, or rename the file to change the ID",
	"kind":         "the folder gives the kind: remove it, or move the file to change the kind",
}

// PersonFields is the schema of a file under people/.
var PersonFields = []Field[Person]{
	{Key: "name", Type: TString, Doc: "full name (required)", ptr: func(p *Person) any { return &p.Name }},
	{Key: "email", Type: TString, ptr: func(p *Person) any { return &p.Email }},
	{Key: "department", Type: TString, ptr: func(p *Person) any { return &p.Department }},
	{Key: "manager", Type: TPerson, Doc: "their manager's person ID", ptr: func(p *Person) any { return &p.Manager }},
	{Key: "location", Type: TString, ptr: func(p *Person) any { return &p.Location }},
	{Key: "starts", Type: TDate, Doc: "first day", ptr: func(p *Person) any { return &p.Starts }},
	{Key: "leaves", Type: TDate, Doc: "last day; set by itrack offboard", ptr: func(p *Person) any { return &p.Leaves }},
	{Key: "fields", Type: TCustom, ptr: func(p *Person) any { return &p.Fields }},
	{Key: "notes", Type: TText, ptr: func(p *Person) any { return &p.Notes }},
}

// wrap lifts fields of a nested struct into fields of its parent.
func wrap[S, T any](fields []Field[S], get func(*T) *S) []Field[T] {
	out := make([]Field[T], len(fields))
	for i, f := range fields {
		inner := f.ptr
		out[i] = Field[T]{Key: f.Key, Type: f.Type, Kinds: f.Kinds, Enum: f.Enum, Doc: f.Doc,
			ptr: func(t *T) any { return inner(get(t)) }}
	}
	return out
}

// LookupField finds the field at a dotted path (purchase.cost) for a kind.
func LookupField(path string, k Kind) (*Field[Asset], bool) {
	fields := AssetFields
	for {
		key, rest, nested := strings.Cut(path, ".")
		found := findField(fields, key)
		if found == nil || !found.For(k) {
			return nil, false
		}
		if !nested {
			return found, true
		}
		if found.Type != TGroup {
			return found, found.Type == TCustom
		}
		fields, path = found.Sub, rest
	}
}
