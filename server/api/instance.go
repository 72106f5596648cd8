package api

import (
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/media"
	"github.com/labstack/echo/v4"
)

// Limits clients read from the instance endpoints to shape their compose
// screens. A pin is a post with one image; 4 keeps Mastodon clients happy.
const (
	maxCharacters       = 5000
	maxMediaAttachments = 4
)

type statusesConfig struct {
	MaxCharacters            int `json:"max_characters"`
	MaxMediaAttachments      int `json:"max_media_attachments"`
	CharactersReservedPerURL int `json:"characters_reserved_per_url"`
}

type mediaConfig struct {
	SupportedMIMETypes []string `json:"supported_mime_types"`
	ImageSizeLimit     int      `json:"image_size_limit"`
	ImageMatrixLimit   int      `json:"image_matrix_limit"`
	VideoSizeLimit     int      `json:"video_size_limit"`
}

type pollsConfig struct {
	MaxOptions             int `json:"max_options"`
	MaxCharactersPerOption int `json:"max_characters_per_option"`
	MinExpiration          int `json:"min_expiration"`
	MaxExpiration          int `json:"max_expiration"`
}

func newStatusesConfig() statusesConfig {
	return statusesConfig{MaxCharacters: maxCharacters, MaxMediaAttachments: maxMediaAttachments, CharactersReservedPerURL: 23}
}

// mediaConfig reports the limits the media pipeline really enforces.
func (a *API) mediaConfig() mediaConfig {
	size := a.MaxUploadBytes
	if size <= 0 {
		size = media.DefaultMaxBytes
	}
	return mediaConfig{SupportedMIMETypes: []string{"image/jpeg", "image/png", "image/gif", "image/webp"},
		ImageSizeLimit: int(size), ImageMatrixLimit: media.DefaultMaxPixels}
}

// version is what Mastodon clients parse to decide which features exist:
// they read the leading Mastodon version, so it claims the API level
// Corkboard follows.
func (a *API) version() string {
	v := a.Version
	if v == "" {
		v = "dev"
	}
	return "4.3.0 (compatible; Corkboard " + v + ")"
}

// instanceV1 is GET /api/v1/instance.
func (a *API) instanceV1(c echo.Context) error {
	info, err := a.Service.InstanceInfo(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newInstanceV1(info))
}

// instanceV2 is GET /api/v2/instance.
func (a *API) instanceV2(c echo.Context) error {
	info, err := a.Service.InstanceInfo(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newInstanceV2(info))
}

func registrationsOpen(info *corkboard.InstanceInfo) bool {
	return info.RegistrationMode != corkboard.RegistrationClosed
}
