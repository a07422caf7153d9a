package register

import (
	"strings"

	"github.com/itrack/itrack/pkg/asset"
)

// CertificateWith returns the ID of the certificate whose fingerprint is
// fp (colons and case aside), "" when none has it. It reads the
// certificates' files, and only those.
func (r *Register) CertificateWith(fp string) (string, error) {
	if strings.TrimSpace(fp) == "" {
		return "", nil
	}
	ids, err := r.RecordIDs("assets/" + asset.Certificate.Folder())
	if err != nil {
		return "", err
	}
	for _, id := range ids {
		f, err := r.ReadAsset(id)
		if err != nil {
			continue // validate says what is wrong with it
		}
		if a, fs := f.Asset(); !fs.HasErrors() && asset.SameFingerprint(a.Fingerprint, fp) {
			return a.ID, nil
		}
	}
	return "", nil
}
