package api

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// uploadMedia is POST /api/v2/media (and /api/v1/media): multipart/form-data
// with `file` and an optional `description`. The image goes through the
// media pipeline synchronously, so the answer is 200 with its final URLs;
// the attachment stays pending until a direct status names it in media_ids[].
func (a *API) uploadMedia(c echo.Context) error {
	p, file, err := a.uploadParams(c)
	if err != nil {
		return err
	}
	defer file.Close()
	if file.f == nil {
		return corkboard.Errorf(corkboard.EINVALID, "file is required: send the image as multipart/form-data")
	}
	m, err := a.Service.UploadMedia(c.Request().Context(), viewer(c), file.f, p.Get("description"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newUploadJSON(m))
}

// media is GET /api/v1/media/:id: one of the token's account's uploads;
// anyone else's is "not found".
func (a *API) media(c echo.Context) error {
	id, err := pathID(c, "id", "media")
	if err != nil {
		return err
	}
	m, err := a.Service.MediaAttachment(c.Request().Context(), viewer(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a.newUploadJSON(m))
}

func (a *API) newUploadJSON(m *corkboard.MediaAttachment) mediaJSON {
	return a.newMediaJSON(strconv.FormatInt(m.ID, 10), m.Image, m.Description)
}

// mediaIDs reads a status's media_ids[] (numeric ids of the caller's
// uploads, at most four).
func mediaIDs(p url.Values) ([]int64, error) {
	raw := list(p, "media_ids")
	if len(raw) > corkboard.MaxMessageMedia {
		return nil, corkboard.Errorf(corkboard.EINVALID, "a message can carry at most %d images", corkboard.MaxMessageMedia)
	}
	ids := make([]int64, 0, len(raw))
	for _, s := range raw {
		id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil || id <= 0 {
			return nil, corkboard.Errorf(corkboard.EINVALID, "media_ids must be numeric ids")
		}
		ids = append(ids, id)
	}
	return ids, nil
}
