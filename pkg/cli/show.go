package cli

import (
	"github.com/spf13/cobra"

	"github.com/itrack/itrack/pkg/asset"
	"github.com/itrack/itrack/pkg/render"
	"github.com/itrack/itrack/pkg/view"
)

// showOptions are what `itrack show` was asked.
type showOptions struct{ id string }

func newShowCmd(app *App, runF func(*showOptions) error) *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "Show one asset with everything itrack knows about it",
		Long: `Show one asset: its fields, what they compute (state, holder, book value,
end of life), its history (events still to come marked scheduled) and, for
hardware, the components installed in it. Only that asset's file is read
(and, for hardware, the components), so show is as fast on a register of
100,000 assets as on one of ten.`,
		Example: `  itrack show LT-0001
  itrack show figma-professional --format json`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeAssetIDs(app),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := &showOptions{id: args[0]}
			if runF != nil {
				return runF(opts)
			}
			return runShow(app, opts.id)
		},
	}
}

func runShow(app *App, id string) error {
	rc, err := app.startReadOne(id)
	if err != nil {
		return err
	}
	format, asOf, reg, a, st := rc.format, rc.asOf, rc.reg, rc.asset, rc.status
	if st.InstalledIn != "" {
		// a component is where its hardware is: one more file, not the register
		if hf, err := reg.ReadAsset(st.InstalledIn); err == nil {
			if hw, hfs := hf.Asset(); !hfs.HasErrors() {
				st = st.Inside(reg.Status(hw, asOf))
			}
		}
	}
	v := view.AssetOf(a, st, reg.Config, app.Today)
	if st.State != "" {
		v.BookValue = bookValueOf(a, reg.Config, asOf)
	}
	if a.Kind == asset.Hardware {
		// the components folder is read for what is inside; the rest of
		// the register is not
		for _, c := range reg.InstalledIn(a.ID, asOf) {
			v.Installed = append(v.Installed, view.Part{ID: c.ID, Name: c.Name})
		}
	}
	switch format {
	case "json":
		return render.WriteJSON(app.IO.Out, v)
	case "yaml":
		return render.WriteYAML(app.IO.Out, v)
	}
	return v.WriteText(app.IO.Out, app.styles())
}
