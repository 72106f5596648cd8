package activitypub

import "github.com/labstack/echo/v4"

// Placeholders of the inboxes, replaced as they are built (501 until then).
func (f *Federation) sharedInbox(c echo.Context) error { return notYet(c) }
func (f *Federation) personInbox(c echo.Context) error { return notYet(c) }
func (f *Federation) groupInbox(c echo.Context) error  { return notYet(c) }
