package asset

import (
	"go.yaml.in/yaml/v3"
)

// ConfigFile is the name of the file that holds a register's settings and
// marks its root.
const ConfigFile = "itrack.yaml"

// Config is a register's itrack.yaml.
type Config struct {
	Name       string
	Currency   string
	Renewals   RenewalSettings
	Audit      AuditSettings
	Prefixes   Prefixes
	Categories []Category
	Git        GitSettings

	Pos Positions
}

// RenewalSettings says how far ahead renewals look and when to remind.
type RenewalSettings struct {
	Window Duration
	Remind []Duration
}

// AuditSettings says how often each asset should be physically verified,
// and whether every asset must name an accountable owner.
type AuditSettings struct {
	Interval     Duration
	RequireOwner bool
}

// GitSettings says whether write commands commit what they change.
type GitSettings struct {
	AutoCommit bool
}

// Prefixes are the ID prefixes for generated IDs, per kind.
type Prefixes struct {
	Hardware, Component, Licence, Domain, Certificate, Document string
}

// Category gives defaults to the assets that name it.
type Category struct {
	Name         string
	Description  string
	Depreciation DepreciationSpec
	Lifetime     Duration // expected life before refresh: end of life default

	Pos Pos
}

// DefaultWindow is how far ahead renewals look when itrack.yaml does not say.
var DefaultWindow = Duration{N: 90, Unit: 'd'}

// DefaultRemind are the calendar reminders before each renewal.
var DefaultRemind = []Duration{{N: 30, Unit: 'd'}, {N: 7, Unit: 'd'}}

// ConfigFields is the schema of itrack.yaml.
var ConfigFields = []Field[Config]{
	{Key: "name", Type: TString, Doc: "the organisation or register name", ptr: func(c *Config) any { return &c.Name }},
	{Key: "currency", Type: TString, Doc: "ISO 4217 code: the currency of every amount that names none", ptr: func(c *Config) any { return &c.Currency }},
	{Key: "renewals", Type: TGroup, Doc: "renewal settings", Sub: []Field[Config]{
		{Key: "window", Type: TDuration, Doc: "how far ahead `itrack renewals` looks (default 90d)", ptr: func(c *Config) any { return &c.Renewals.Window }},
		{Key: "remind", Type: TDurations, Doc: "calendar reminders before each item (default [30d, 7d])", ptr: func(c *Config) any { return &c.Renewals.Remind }},
	}},
	{Key: "audit", Type: TGroup, Doc: "audit settings", Sub: []Field[Config]{
		{Key: "interval", Type: TDuration, Doc: "how often an asset should be physically verified, e.g. 365d", ptr: func(c *Config) any { return &c.Audit.Interval }},
		{Key: "require_owner", Type: TBool, Doc: "every asset in service must name an owner: validate warns no-owner (default false)", ptr: func(c *Config) any { return &c.Audit.RequireOwner }},
	}},
	{Key: "prefixes", Type: TGroup, Doc: "ID prefixes for generated IDs, per kind", Sub: []Field[Config]{
		{Key: "hardware", Type: TString, ptr: func(c *Config) any { return &c.Prefixes.Hardware }},
		{Key: "component", Type: TString, ptr: func(c *Config) any { return &c.Prefixes.Component }},
		{Key: "licence", Type: TString, ptr: func(c *Config) any { return &c.Prefixes.Licence }},
		{Key: "domain", Type: TString, ptr: func(c *Config) any { return &c.Prefixes.Domain }},
		{Key: "certificate", Type: TString, ptr: func(c *Config) any { return &c.Prefixes.Certificate }},
		{Key: "document", Type: TString, ptr: func(c *Config) any { return &c.Prefixes.Document }},
	}},
	{Key: "categories", Type: TCategories, Doc: "defaults per category: depreciation and lifetime", ptr: func(c *Config) any { return &c.Categories }},
	{Key: "git", Type: TGroup, Doc: "git settings", Sub: []Field[Config]{
		{Key: "auto_commit", Type: TBool, Doc: "commit each change a command makes (default false)", ptr: func(c *Config) any { return &c.Git.AutoCommit }},
	}},
}

// CategoryFields is the schema of one entry under categories:.
var CategoryFields = []Field[Category]{
	{Key: "description", Type: TText, ptr: func(c *Category) any { return &c.Description }},
	{Key: "depreciation", Type: TGroup, Doc: "default depreciation of the category's assets", Sub: wrap(depreciationFields, func(c *Category) *DepreciationSpec { return &c.Depreciation })},
	{Key: "lifetime", Type: TDuration, Doc: "expected life before refresh: end_of_life defaults to purchase date + lifetime", ptr: func(c *Category) any { return &c.Lifetime }},
}

// DecodeConfig reads itrack.yaml. A missing value takes its default.
func DecodeConfig(data []byte) (*Config, Findings) {
	c := &Config{}
	doc, fs := ParseYAML(ConfigFile, data)
	d := &decoder{file: ConfigFile, findings: fs, pos: &c.Pos}
	if doc != nil {
		walkMapping(d, doc.Content[0], ConfigFields, c, "", "")
		checkControlCharacters(d, doc.Content[0])
		if c.Currency != "" && !isCurrencyCode(c.Currency) {
			d.errorf(valueNode(doc.Content[0], "currency"), "bad-currency", "currency %q is not an ISO 4217 code: write three capital letters, e.g. GBP, EUR or USD", c.Currency)
		}
		prefixes := valueNode(doc.Content[0], "prefixes")
		for _, k := range Kinds {
			if p := c.Prefix(k); CheckID(p+"-0001") != nil {
				d.errorf(valueNode(prefixes, string(k)), "bad-value", "prefix %q would make invalid IDs: use letters and digits", p)
			}
		}
	}
	if c.Renewals.Window.IsZero() {
		c.Renewals.Window = DefaultWindow
	}
	if c.Renewals.Remind == nil {
		c.Renewals.Remind = DefaultRemind
	}
	return c, d.findings
}

// Prefix returns the ID prefix for generated IDs of kind k.
func (c *Config) Prefix(k Kind) string {
	var p string
	switch k {
	case Hardware:
		p = c.Prefixes.Hardware
	case Component:
		p = c.Prefixes.Component
	case Licence:
		p = c.Prefixes.Licence
	case Domain:
		p = c.Prefixes.Domain
	case Certificate:
		p = c.Prefixes.Certificate
	case Document:
		p = c.Prefixes.Document
	}
	if p == "" {
		return k.DefaultPrefix()
	}
	return p
}

// Category returns the category of that name, if itrack.yaml defines it.
func (c *Config) Category(name string) (*Category, bool) {
	for i := range c.Categories {
		if c.Categories[i].Name == name {
			return &c.Categories[i], true
		}
	}
	return nil, false
}

// DepreciationFor is the depreciation that applies to an asset: each of
// its own settings, else its category's in itrack.yaml; the method is
// "none" when neither gives one.
func (c *Config) DepreciationFor(a *Asset) DepreciationSpec {
	spec := a.Depreciation
	if cat, ok := c.Category(a.Category); ok {
		d := cat.Depreciation
		if spec.Method == "" {
			spec.Method = d.Method
		}
		if spec.Life.IsZero() {
			spec.Life = d.Life
		}
		if spec.Salvage.IsZero() {
			spec.Salvage = d.Salvage
		}
		if spec.Rate.IsZero() {
			spec.Rate = d.Rate
		}
	}
	if spec.Method == "" {
		spec.Method = NoDepreciation
	}
	return spec
}

// NoDepreciationMethod reports whether an asset with a purchase cost and
// date has no depreciation method: none of its own and none from its
// category, so its book value is taken to be its cost, a guess. `method:
// none`, on the asset or its category, is a choice and does not count.
func (c *Config) NoDepreciationMethod(a *Asset) bool {
	if a.Purchase.Cost.IsZero() || a.Purchase.Date.IsZero() || a.Depreciation.Method != "" {
		return false
	}
	cat, ok := c.Category(a.Category)
	return !ok || cat.Depreciation.Method == ""
}

// CategoryNames lists the categories itrack.yaml defines.
func (c *Config) CategoryNames() []string {
	names := make([]string, len(c.Categories))
	for i, cat := range c.Categories {
		names[i] = cat.Name
	}
	return names
}

func (d *decoder) decodeCategories(v *yaml.Node, path string, dst *[]Category) {
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "bad-type", "%q must be a mapping of category names to their defaults, not %s", path, describeNode(v))
		return
	}
	outer := d.pos
	defer func() { d.pos = outer }()
	d.pos = nil
	seen := map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if line, dup := seen[k.Value]; dup {
			d.errorf(k, "duplicate-key", "category %q appears twice (first on line %d): keep one", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		cat := Category{Name: k.Value, Pos: Pos{k.Line, k.Column}}
		switch {
		case val.Kind == yaml.ScalarNode && val.Tag == "!!null":
		case val.Kind != yaml.MappingNode:
			d.errorf(val, "bad-type", "category %q must be a mapping (depreciation:, lifetime:), not %s", k.Value, describeNode(val))
		default:
			walkMapping(d, val, CategoryFields, &cat, path+"."+k.Value+".", "")
			checkDepreciation(d, valueNode(val, "depreciation"), &cat.Depreciation)
		}
		*dst = append(*dst, cat)
	}
}

func (d *decoder) decodeDurations(v *yaml.Node, path string, dst *[]Duration) {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "bad-type", "%q must be a list of durations, e.g. [30d, 7d], not %s", path, describeNode(v))
		return
	}
	d.record(path, v)
	out := []Duration{}
	for _, item := range v.Content {
		dur, err := ParseDuration(item.Value)
		if err != nil || item.Kind != yaml.ScalarNode {
			d.errorf(item, "bad-duration", "each item of %q must be a duration such as 30d: %v", path, err)
			continue
		}
		out = append(out, dur)
	}
	*dst = out
}
