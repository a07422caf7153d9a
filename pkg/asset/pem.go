package asset

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"strings"
)

// CertificateInfo is what a certificate file says about itself.
type CertificateInfo struct {
	CommonName  string
	Subject     string
	SANs        []string
	Issuer      string
	NotBefore   Date
	Expires     Date
	Fingerprint string // SHA-256 of the DER bytes, colon-separated hex
}

// ReadPEM reads the first certificate of a PEM file (a server's chain
// starts with its own certificate).
func ReadPEM(data []byte) (CertificateInfo, error) {
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			return CertificateInfo{}, fmt.Errorf("no PEM certificate found: the file should hold a -----BEGIN CERTIFICATE----- block")
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return CertificateInfo{}, fmt.Errorf("cannot read the certificate: %v", err)
		}
		sum := sha256.Sum256(cert.Raw)
		hexed := hex.EncodeToString(sum[:])
		pairs := make([]string, 0, len(sum))
		for i := 0; i < len(hexed); i += 2 {
			pairs = append(pairs, hexed[i:i+2])
		}
		info := CertificateInfo{
			CommonName:  cert.Subject.CommonName,
			Subject:     cert.Subject.String(),
			Issuer:      cert.Issuer.String(),
			NotBefore:   DateOf(cert.NotBefore.UTC()),
			Expires:     DateOf(cert.NotAfter.UTC()),
			Fingerprint: strings.Join(pairs, ":"),
		}
		info.SANs = append(info.SANs, cert.DNSNames...)
		for _, ip := range cert.IPAddresses {
			info.SANs = append(info.SANs, ip.String())
		}
		info.SANs = append(info.SANs, cert.EmailAddresses...)
		for _, u := range cert.URIs {
			info.SANs = append(info.SANs, u.String())
		}
		return info, nil
	}
}

// Name is what the certificate is called: its common name, else its first
// subject alternative name.
func (c CertificateInfo) Name() string {
	if c.CommonName != "" {
		return c.CommonName
	}
	if len(c.SANs) > 0 {
		return c.SANs[0]
	}
	return c.Subject
}

// SuggestedID turns the certificate's name into an asset ID:
// *.example.com becomes wildcard.example.com.
func (c CertificateInfo) SuggestedID() string {
	id := strings.Replace(c.Name(), "*.", "wildcard.", 1)
	if CheckID(id) != nil {
		return ""
	}
	return id
}

// SameFingerprint reports whether two fingerprints are one, colons, space
// and case aside.
func SameFingerprint(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), ":", "")) }
	return norm(a) != "" && norm(a) == norm(b)
}
