// Package templates holds Corkboard's HTML templates and static assets,
// embedded in the binary so that an instance is one file to deploy.
//
// Files whose names start with "_" are shared parts (the layout, header,
// footer and partials); every other *.html file is one page that defines
// the "content" block the layout renders. static/ is served at /static/.
package templates

import "embed"

// FS holds the templates (*.html) and the static assets (static/).
//
//go:embed *.html static
var FS embed.FS
