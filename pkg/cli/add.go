package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/register"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/safe"
	"github.com/itrack/itrack/pkg/view"
)

type addOptions struct {
	kind    asset.Kind
	id      string
	values  map[string]string // flag name → text, for the flags given
	sets    []string
	fromPEM string
	replace string // with --from-pem: the certificate the PEM renews
}

// addFlags maps each field flag of `itrack add` to the key it fills.
// --cost and --warranty depend on the kind; see addPath.
var addFlags = []struct{ flag, path, usage string }{
	{"name", "name", "what people call it (required unless --from-pem)"},
	{"serial", "serial", "serial number"},
	{"model", "model", "model name"},
	{"manufacturer", "manufacturer", "who made it"},
	{"category", "category", "category from itrack.yaml (laptop, server, …)"},
	{"location", "location", "where it is"},
	{"owner", "owner", "accountable person's ID"},
	{"purchased", "purchase.date", "purchase `DATE`"},
	{"cost", "", "purchase cost; for licences, domains and documents the cost per term (`AMOUNT` [CUR])"},
	{"supplier", "purchase.supplier", "who sold it"},
	{"warranty", "warranty.expires", "warranty end: a `DATE`, or a duration from --purchased (36m)"},
	{"seats", "seats", "licence seats bought"},
	{"term", "term", "renewal term (`DURATION`, e.g. 1y)"},
	{"renews", "renews", "next renewal `DATE`"},
	{"expires", "expires", "expiry `DATE`"},
	{"notice", "notice", "notice period (`DURATION`): cancel by renews − notice"},
	{"registrar", "registrar", "domain registrar"},
}

func newAddCmd(app *App, runF func(*addOptions) error) *cobra.Command {
	opts := &addOptions{values: map[string]string{}}
	var autoRenew bool
	cmd := &cobra.Command{
		Use:   "add KIND [ID]",
		Short: "Add an asset",
		Long: `Add an asset of KIND (hardware, component, licence, domain, certificate,
document). Without an ID, the next free number for the kind's prefix is
used (HW-0001, LIC-0001, … as itrack.yaml's prefixes say).

Common fields have flags; --set KEY=VALUE sets any other, dotted for nested
keys (--set purchase.order=PO-17) and fields.NAME for custom fields. The
new file is checked before it is written: a refused add creates nothing.`,
		Example: `  itrack add hardware --name "Dell Latitude 7440" --serial 5CG3411JQX \
      --category laptop --purchased 2026-03-02 --cost 1249.00 --warranty 36m
  itrack add licence figma --name "Figma Professional" --seats 5 \
      --cost 900.00 --term 1y --renews 2027-03-01 --auto-renew
  itrack add domain example.com --name example.com --expires 2027-05-01
  itrack add certificate --from-pem www.pem`,
		Args: cobra.RangeArgs(1, 2),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return kindNames(), cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := asset.ParseKind(args[0])
			if err != nil {
				return refuse("%v", err)
			}
			opts.kind = k
			if len(args) == 2 {
				opts.id = args[1]
			}
			for _, f := range addFlags {
				if cmd.Flags().Changed(f.flag) {
					opts.values[f.flag], _ = cmd.Flags().GetString(f.flag)
				}
			}
			if cmd.Flags().Changed("auto-renew") {
				opts.values["auto-renew"] = fmt.Sprint(autoRenew)
			}
			if runF != nil {
				return runF(opts)
			}
			return runAdd(app, opts)
		},
	}
	for _, f := range addFlags {
		cmd.Flags().String(f.flag, "", f.usage)
	}
	cmd.Flags().BoolVar(&autoRenew, "auto-renew", false, "it renews by itself unless cancelled")
	cmd.Flags().StringArrayVar(&opts.sets, "set", nil, "set any field: `KEY=VALUE` (repeatable; dotted keys for nested fields)")
	cmd.Flags().StringVar(&opts.fromPEM, "from-pem", "", "certificates: read subject, SANs, issuer, validity and fingerprint from a PEM `FILE`")
	cmd.Flags().StringVar(&opts.replace, "replace", "", "with --from-pem: update certificate `ID` from the renewed PEM, with a renewed event")
	return cmd
}

func kindNames() []string {
	names := make([]string, len(asset.Kinds))
	for i, k := range asset.Kinds {
		names[i] = string(k)
	}
	return names
}

// addPath is the key a field flag fills for a kind.
func addPath(flag string, k asset.Kind) string {
	if flag == "cost" {
		if f, ok := asset.LookupField("cost", k); ok && f != nil {
			return "cost"
		}
		return "purchase.cost"
	}
	for _, f := range addFlags {
		if f.flag == flag {
			return f.path
		}
	}
	return flag
}

func runAdd(app *App, opts *addOptions) error {
	format, err := app.outputFormat()
	if err != nil {
		return err
	}
	if opts.replace != "" {
		return replaceFromPEM(app, opts)
	}
	asOf, err := app.asOf()
	if err != nil {
		return err
	}
	doc := register.NewDocument()
	root := doc.Content[0]
	set := func(path, text, from string) error {
		n, err := asset.ValueNode(opts.kind, path, text)
		if err != nil {
			return refuse("%s: %v", from, err)
		}
		register.Set(root, path, n, asset.KeyOrder)
		return nil
	}
	if opts.fromPEM != "" {
		if err := addFromPEM(app, opts, set); err != nil {
			return err
		}
	}
	if w, ok := opts.values["warranty"]; ok {
		if dur, err := asset.ParseDuration(w); err == nil {
			purchased, given := opts.values["purchased"]
			if !given {
				return refuse("--warranty %s is a duration from the purchase date: give --purchased DATE too, or give the warranty's end date", w)
			}
			bought, err := asset.ParseDate(purchased)
			if err != nil {
				return refuse("--purchased: %v", err)
			}
			opts.values["warranty"] = dur.AddTo(bought).String()
		}
	}
	for _, f := range addFlags {
		if text, ok := opts.values[f.flag]; ok {
			if err := set(addPath(f.flag, opts.kind), text, "--"+f.flag); err != nil {
				return err
			}
		}
	}
	if text, ok := opts.values["auto-renew"]; ok {
		if err := set("auto_renew", text, "--auto-renew"); err != nil {
			return err
		}
	}
	for _, kv := range opts.sets {
		key, value, ok := strings.Cut(kv, "=")
		if !ok || key == "" {
			return refuse("--set %q: write KEY=VALUE, e.g. --set purchase.order=PO-17", kv)
		}
		if err := set(key, value, "--set "+key); err != nil {
			return err
		}
	}
	if register.Get(root, "name") == nil {
		return refuse("a new asset needs a name: give --name \"…\"")
	}

	w, err := app.startWrite()
	if err != nil {
		return err
	}
	defer w.done()
	id := opts.id
	var notFound *register.NotFoundError
	if id == "" {
		if id, err = w.reg.NextID(opts.kind); err != nil {
			return refuse("%v", err)
		}
	} else if err := asset.CheckID(id); err != nil {
		return refuse("%v", err)
	} else if k, existing, err := w.reg.FindAsset(id); err == nil {
		return refuse("%s already exists (%s): choose another ID, or change it with `itrack set %s`", id, register.AssetPath(k, existing), existing)
	} else if !errors.As(err, &notFound) {
		return refuse("%v", err)
	}
	if fp := register.Get(root, "fingerprint"); opts.fromPEM != "" && fp != nil {
		if have, err := w.reg.CertificateWith(fp.Value); err != nil {
			return refuse("%v", err)
		} else if have != "" {
			return refuseBy("duplicate-certificate", "the certificate in %s is in the register already, as %s: to record that it was renewed, use `itrack add certificate --from-pem NEW.pem --replace %s`", opts.fromPEM, have, have)
		}
	}
	f := &register.RecordFile{Rel: register.AssetPath(opts.kind, id), ID: id, Kind: opts.kind, Doc: doc}
	a, data, err := w.checked(f)
	if err != nil {
		return err
	}
	if err := w.reg.CreateFile(f.Rel, data); err != nil {
		return refuse("%v", err)
	}
	if err := w.commitFiles(fmt.Sprintf("add %s: %s", id, a.Name), f.Rel); err != nil {
		return err
	}
	if format == "json" {
		v := view.AssetOf(a, w.reg.Status(a, asOf), w.reg.Config, w.app.Today)
		v.BookValue = bookValueOf(a, w.reg.Config, asOf)
		return render.WriteJSON(app.IO.Out, v)
	}
	fmt.Fprintln(app.IO.Out, safe.Text(fmt.Sprintf("Added %s %s: %s (%s)", opts.kind, id, a.Name, f.Rel)))
	return nil
}

// replaceFromPEM updates a certificate from its renewed PEM: the values
// the PEM gives, and a renewed event until its new expiry, planned as
// every event is.
func replaceFromPEM(app *App, opts *addOptions) error {
	switch {
	case opts.fromPEM == "":
		return refuse("--replace updates a certificate from a PEM: give --from-pem FILE too")
	case opts.kind != asset.Certificate || opts.id != "":
		return refuse("--replace ID names the certificate to update: itrack add certificate --from-pem FILE --replace ID")
	}
	info, err := readPEM(app, opts.fromPEM)
	if err != nil {
		return err
	}
	asOf, err := app.asOf()
	if err != nil {
		return err
	}
	w, err := app.startWrite()
	if err != nil {
		return err
	}
	defer w.done()
	f, err := w.readAsset(opts.replace)
	if err != nil {
		return err
	}
	if f.Kind != asset.Certificate {
		return refuse("%s is %s, not a certificate: --replace updates a certificate", f.ID, f.Kind)
	}
	a, fs := f.Asset()
	if fs.HasErrors() {
		app.printErrors(fs)
		return refuseBy("invalid-record", "%s must be valid before it is updated: fix it (itrack edit %s)", f.Rel, f.ID)
	}
	if asset.SameFingerprint(a.Fingerprint, info.Fingerprint) {
		fmt.Fprintln(app.IO.Out, safe.Text(fmt.Sprintf("%s is this certificate already: nothing to record", f.ID)))
		return nil
	}
	plan, r := asset.Plan(a, asset.Event{Date: asOf, Type: asset.Renew, Until: info.Expires, Note: "new certificate from " + filepath.Base(opts.fromPEM)},
		asset.PlanOptions{Window: w.reg.Config.Renewals.Window})
	if r != nil {
		return refusedBy(r)
	}
	values := [][2]string{{"subject", info.Subject}, {"issuer", info.Issuer}, {"not_before", info.NotBefore.String()},
		{"fingerprint", info.Fingerprint}, {"sans", strings.Join(info.SANs, ",")}}
	for _, kv := range values {
		if kv[1] == "" {
			register.Delete(f.Root(), kv[0])
			continue
		}
		n, err := asset.ValueNode(asset.Certificate, kv[0], kv[1])
		if err != nil {
			return refuse("--from-pem: %v", err)
		}
		register.Set(f.Root(), kv[0], n, asset.KeyOrder)
	}
	register.AppendEvents(f.Root(), a.History, plan.Events)
	_, data, err := w.checked(f)
	if err != nil {
		return err
	}
	msg := plan.Events[0].Present(a)
	if err := w.save(msg+" from "+filepath.Base(opts.fromPEM), map[string][]byte{f.Rel: data}, []string{f.Rel}); err != nil {
		return err
	}
	fmt.Fprintln(app.IO.Out, safe.Text(fmt.Sprintf("Updated %s from %s: %s on %s (%s)", f.ID, opts.fromPEM, msg, asOf, f.Rel)))
	return nil
}

// readPEM reads the certificate of a PEM file named on the command line.
func readPEM(app *App, file string) (asset.CertificateInfo, error) {
	data, err := register.ReadInput(app.abs(file), file, asset.MaxFileSize)
	if err != nil {
		return asset.CertificateInfo{}, refuse("--from-pem: %v", err)
	}
	info, err := asset.ReadPEM(data)
	if err != nil {
		return asset.CertificateInfo{}, refuse("--from-pem %s: %v", file, err)
	}
	return info, nil
}

func addFromPEM(app *App, opts *addOptions, set func(path, text, from string) error) error {
	if opts.kind != asset.Certificate {
		return refuse("--from-pem reads certificates: use `itrack add certificate --from-pem FILE`")
	}
	info, err := readPEM(app, opts.fromPEM)
	if err != nil {
		return err
	}
	if opts.id == "" {
		opts.id = info.SuggestedID()
	}
	values := [][2]string{{"name", info.Name()}, {"subject", info.Subject}, {"issuer", info.Issuer},
		{"not_before", info.NotBefore.String()}, {"expires", info.Expires.String()}, {"fingerprint", info.Fingerprint}}
	if len(info.SANs) > 0 {
		values = append(values, [2]string{"sans", strings.Join(info.SANs, ",")})
	}
	for _, kv := range values {
		if err := set(kv[0], kv[1], "--from-pem"); err != nil {
			return err
		}
	}
	return nil
}
