package activitypub

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Placeholders of the federation surface, replaced handler by handler as
// it is built. Each answers 501 so that nothing pretends to work.
func notYet(c echo.Context) error {
	return echo.NewHTTPError(http.StatusNotImplemented, "not implemented yet")
}

func (f *Federation) webfinger(c echo.Context) error       { return notYet(c) }
func (f *Federation) hostMeta(c echo.Context) error        { return notYet(c) }
func (f *Federation) nodeinfoLinks(c echo.Context) error   { return notYet(c) }
func (f *Federation) nodeinfo(c echo.Context) error        { return notYet(c) }
func (f *Federation) instanceActor(c echo.Context) error   { return notYet(c) }
func (f *Federation) person(c echo.Context) error          { return notYet(c) }
func (f *Federation) personOutbox(c echo.Context) error    { return notYet(c) }
func (f *Federation) personFollowers(c echo.Context) error { return notYet(c) }
func (f *Federation) personFollowing(c echo.Context) error { return notYet(c) }
func (f *Federation) personFeatured(c echo.Context) error  { return notYet(c) }
func (f *Federation) group(c echo.Context) error           { return notYet(c) }
func (f *Federation) groupOutbox(c echo.Context) error     { return notYet(c) }
func (f *Federation) groupFollowers(c echo.Context) error  { return notYet(c) }
func (f *Federation) pinObject(c echo.Context) error       { return notYet(c) }
func (f *Federation) commentObject(c echo.Context) error   { return notYet(c) }
func (f *Federation) followObject(c echo.Context) error    { return notYet(c) }
