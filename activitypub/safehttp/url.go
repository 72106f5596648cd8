package safehttp

import (
	"fmt"
	"net/url"
)

// checkURL accepts only absolute http and https URLs without userinfo.
// Other schemes (file, gopher, ftp…) are how SSRF reaches things that are
// not web servers, and userinfo would let a remote party make us send
// credentials of their choosing (and hides the real host from readers:
// https://example.com@evil.test/).
func checkURL(u *url.URL) error {
	switch {
	case u == nil:
		return fmt.Errorf("%w: no URL", ErrUnsupportedURL)
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("%w: scheme %q is not http or https", ErrUnsupportedURL, u.Scheme)
	case u.User != nil:
		return fmt.Errorf("%w: URLs with userinfo are refused", ErrUnsupportedURL)
	case u.Host == "":
		return fmt.Errorf("%w: no host", ErrUnsupportedURL)
	}
	return nil
}
