package api

import (
	"net/http"
	"net/url"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// tokenJSON is the token response of RFC 6749 §5.1 plus Mastodon's created_at.
type tokenJSON struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	Scope        string `json:"scope"`
	CreatedAt    int64  `json:"created_at"`
	RefreshToken string `json:"refresh_token,omitempty"`
	ExpiresIn    int64  `json:"expires_in,omitempty"`
}

// token is POST /oauth/token.
func (a *API) token(c echo.Context) error {
	if err := limit(c, a.TokenByAddress, c.RealIP()); err != nil {
		return err
	}
	p, err := params(c)
	if err != nil {
		return err
	}
	id, secret := clientCredentials(c, p)
	ctx := c.Request().Context()
	var g *corkboard.TokenGrant
	switch p.Get("grant_type") {
	case "authorization_code":
		g, err = a.Service.ExchangeCode(ctx, id, secret, p.Get("code"), p.Get("redirect_uri"), p.Get("code_verifier"))
	case "client_credentials":
		g, err = a.Service.ClientCredentials(ctx, id, secret, p.Get("scope"))
	case "refresh_token":
		g, err = a.Service.Refresh(ctx, id, secret, p.Get("refresh_token"))
	case "":
		return oauthBadRequest(c, corkboard.OAuthInvalidRequest, "grant_type is required")
	default:
		return oauthBadRequest(c, corkboard.OAuthUnsupportedGrantType, "grant_type must be authorization_code, client_credentials or refresh_token")
	}
	if err != nil {
		return oauthError(c, err)
	}
	noStore(c)
	return c.JSON(http.StatusOK, tokenJSON{AccessToken: g.AccessToken, TokenType: "Bearer", Scope: g.Scopes,
		CreatedAt: g.CreatedAt.Unix(), RefreshToken: g.RefreshToken, ExpiresIn: g.ExpiresIn})
}

// revoke is POST /oauth/revoke (RFC 7009).
func (a *API) revoke(c echo.Context) error {
	p, err := params(c)
	if err != nil {
		return err
	}
	id, secret := clientCredentials(c, p)
	if err := a.Service.RevokeToken(c.Request().Context(), id, secret, p.Get("token")); err != nil {
		return oauthError(c, err)
	}
	return c.JSON(http.StatusOK, struct{}{})
}

// clientCredentials reads the client's id and secret from HTTP Basic
// authentication, whose parts RFC 6749 §2.3.1 form-encodes, or else from
// the parameters.
func clientCredentials(c echo.Context, p url.Values) (id, secret string) {
	if user, pass, ok := c.Request().BasicAuth(); ok {
		id, errID := url.QueryUnescape(user)
		secret, errSecret := url.QueryUnescape(pass)
		if errID == nil && errSecret == nil {
			return id, secret
		}
		return "", ""
	}
	return p.Get("client_id"), p.Get("client_secret")
}

// noStore keeps secrets out of caches (RFC 6749 §5.1).
func noStore(c echo.Context) {
	h := c.Response().Header()
	h.Set(echo.HeaderCacheControl, "no-store")
	h.Set("Pragma", "no-cache")
}
