package activitypub

import (
	"fmt"
	"net/http"

	"github.com/corkboard/corkboard"
	"github.com/labstack/echo/v4"
)

// NodeInfo (nodeinfo.diaspora.software) tells crawlers and other servers
// what software we run and how big we are. We publish schema 2.0, which
// every reader knows, and 2.1, which adds the software's repository.

const nodeInfoSchema = "http://nodeinfo.diaspora.software/ns/schema/"

// nodeinfoLinks answers /.well-known/nodeinfo with the documents we have.
func (f *Federation) nodeinfoLinks(c echo.Context) error {
	type link struct {
		Rel  string `json:"rel"`
		Href string `json:"href"`
	}
	links := []link{
		{Rel: nodeInfoSchema + "2.0", Href: f.BaseURL + "/nodeinfo/2.0"},
		{Rel: nodeInfoSchema + "2.1", Href: f.BaseURL + "/nodeinfo/2.1"},
	}
	c.Response().Header().Set(echo.HeaderAccessControlAllowOrigin, "*")
	return c.JSON(http.StatusOK, map[string]any{"links": links})
}

// nodeInfo is a NodeInfo 2.0 or 2.1 document.
type nodeInfo struct {
	Version           string           `json:"version"`
	Software          nodeInfoSoftware `json:"software"`
	Protocols         []string         `json:"protocols"`
	Services          nodeInfoServices `json:"services"`
	OpenRegistrations bool             `json:"openRegistrations"`
	Usage             nodeInfoUsage    `json:"usage"`
	Metadata          map[string]any   `json:"metadata"`
}

type nodeInfoSoftware struct {
	Name       string `json:"name"` // [a-z0-9-]+ by the schema
	Version    string `json:"version"`
	Repository string `json:"repository,omitempty"` // 2.1
	Homepage   string `json:"homepage,omitempty"`   // 2.1
}

type nodeInfoServices struct {
	Inbound  []string `json:"inbound"`
	Outbound []string `json:"outbound"`
}

type nodeInfoUsage struct {
	Users struct {
		Total          int64 `json:"total"`
		ActiveMonth    int64 `json:"activeMonth"`
		ActiveHalfyear int64 `json:"activeHalfyear"`
	} `json:"users"`
	LocalPosts int64 `json:"localPosts"`
}

// nodeinfo answers /nodeinfo/2.0 and /nodeinfo/2.1.
func (f *Federation) nodeinfo(c echo.Context) error {
	version := c.Param("version")
	if version != "2.0" && version != "2.1" {
		return notFound()
	}
	ctx := c.Request().Context()
	info, err := f.Service.InstanceInfo(ctx)
	if err != nil {
		return err
	}
	usage, err := f.Service.NodeUsage(ctx)
	if err != nil {
		return err
	}
	doc := f.nodeInfo(version, info, usage)
	h := c.Response().Header()
	h.Set(echo.HeaderAccessControlAllowOrigin, "*")
	h.Set(echo.HeaderContentType, fmt.Sprintf(`application/json; profile="%s%s#"`, nodeInfoSchema, version))
	c.Response().WriteHeader(http.StatusOK)
	return jsonEncoder(c.Response()).Encode(doc)
}

func (f *Federation) nodeInfo(version string, info *corkboard.InstanceInfo, u *corkboard.NodeUsage) *nodeInfo {
	doc := &nodeInfo{
		Version:           version,
		Software:          nodeInfoSoftware{Name: "corkboard", Version: f.Version},
		Protocols:         []string{"activitypub"},
		Services:          nodeInfoServices{Inbound: []string{}, Outbound: []string{}},
		OpenRegistrations: info.RegistrationMode == corkboard.RegistrationOpen,
		Metadata:          map[string]any{"nodeName": info.Title, "nodeDescription": info.Description},
	}
	if version == "2.1" {
		doc.Software.Repository = "https://github.com/corkboard/corkboard"
		doc.Software.Homepage = "https://github.com/corkboard/corkboard"
	}
	doc.Usage.Users.Total, doc.Usage.Users.ActiveMonth, doc.Usage.Users.ActiveHalfyear = u.Users, u.ActiveMonth, u.ActiveHalfyear
	doc.Usage.LocalPosts = u.LocalPosts
	return doc
}
