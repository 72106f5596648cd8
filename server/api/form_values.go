package api

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/corkboard/corkboard"
)

// formID reads an id from the request's parameters: 0 when absent and not
// required.
func formID(p url.Values, name string, required bool) (int64, error) {
	raw := strings.TrimSpace(p.Get(name))
	if raw == "" {
		if required {
			return 0, corkboard.Errorf(corkboard.EINVALID, "%s is required", name)
		}
		return 0, nil
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, corkboard.Errorf(corkboard.EINVALID, "%s must be a numeric id", name)
	}
	return id, nil
}

// formBool reads a boolean the ways clients send one: JSON true/false,
// form "true"/"1", or a checkbox's "on".
func formBool(p url.Values, name string, current bool) (bool, error) {
	if !p.Has(name) {
		return current, nil
	}
	switch strings.ToLower(strings.TrimSpace(p.Get(name))) {
	case "true", "1", "on", "yes":
		return true, nil
	case "false", "0", "off", "no", "":
		return false, nil
	}
	return false, corkboard.Errorf(corkboard.EINVALID, "%s must be true or false", name)
}

// formString returns the parameter when the request has it, else current:
// what PATCH needs to change only the fields a client sends.
func formString(p url.Values, name, current string) string {
	if p.Has(name) {
		return p.Get(name)
	}
	return current
}
