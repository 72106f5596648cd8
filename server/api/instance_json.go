package api

import (
	"github.com/corkboard/corkboard"
)

// instanceV1JSON is Mastodon's V1::Instance entity.
type instanceV1JSON struct {
	URI              string `json:"uri"`
	Title            string `json:"title"`
	ShortDescription string `json:"short_description"`
	Description      string `json:"description"`
	Email            string `json:"email"`
	Version          string `json:"version"`
	URLs             struct {
		Streaming string `json:"streaming_api"`
	} `json:"urls"`
	Stats struct {
		UserCount   int64 `json:"user_count"`
		StatusCount int64 `json:"status_count"`
		DomainCount int64 `json:"domain_count"`
	} `json:"stats"`
	Thumbnail        string   `json:"thumbnail"`
	Languages        []string `json:"languages"`
	Registrations    bool     `json:"registrations"`
	ApprovalRequired bool     `json:"approval_required"`
	InvitesEnabled   bool     `json:"invites_enabled"`
	Configuration    struct {
		Statuses         statusesConfig `json:"statuses"`
		MediaAttachments mediaConfig    `json:"media_attachments"`
		Polls            pollsConfig    `json:"polls"`
	} `json:"configuration"`
	ContactAccount *accountJSON `json:"contact_account"`
	Rules          []struct{}   `json:"rules"`
}

// instanceV2JSON is Mastodon's Instance entity (API v2).
type instanceV2JSON struct {
	Domain      string `json:"domain"`
	Title       string `json:"title"`
	Version     string `json:"version"`
	SourceURL   string `json:"source_url"`
	Description string `json:"description"`
	Usage       struct {
		Users struct {
			ActiveMonth int64 `json:"active_month"`
		} `json:"users"`
	} `json:"usage"`
	Thumbnail struct {
		URL string `json:"url"`
	} `json:"thumbnail"`
	Languages     []string `json:"languages"`
	Configuration struct {
		URLs struct {
			Streaming string `json:"streaming"`
		} `json:"urls"`
		Accounts struct {
			MaxFeaturedTags int `json:"max_featured_tags"`
		} `json:"accounts"`
		Statuses         statusesConfig `json:"statuses"`
		MediaAttachments mediaConfig    `json:"media_attachments"`
		Polls            pollsConfig    `json:"polls"`
	} `json:"configuration"`
	Registrations struct {
		Enabled          bool    `json:"enabled"`
		ApprovalRequired bool    `json:"approval_required"`
		Message          *string `json:"message"`
	} `json:"registrations"`
	Contact struct {
		Email   string       `json:"email"`
		Account *accountJSON `json:"account"`
	} `json:"contact"`
	Rules []struct{} `json:"rules"`
}

func (a *API) newInstanceV1(info *corkboard.InstanceInfo) instanceV1JSON {
	j := instanceV1JSON{URI: a.host(), Title: info.Title, ShortDescription: info.Description, Description: info.Description,
		Version: a.version(), Thumbnail: a.BaseURL + "/static/logo.svg", Languages: []string{"en"},
		Registrations: registrationsOpen(info), ApprovalRequired: info.RegistrationMode == corkboard.RegistrationApproval,
		InvitesEnabled: info.RegistrationMode == corkboard.RegistrationInvite, Rules: []struct{}{}}
	j.Stats.UserCount = info.UserCount
	j.Configuration.Statuses, j.Configuration.MediaAttachments = newStatusesConfig(), a.mediaConfig()
	return j
}

func (a *API) newInstanceV2(info *corkboard.InstanceInfo) instanceV2JSON {
	j := instanceV2JSON{Domain: a.host(), Title: info.Title, Version: a.version(),
		SourceURL: "https://github.com/corkboard/corkboard", Description: info.Description,
		Languages: []string{"en"}, Rules: []struct{}{}}
	// Activity is not tracked yet; every account counts as active.
	j.Usage.Users.ActiveMonth = info.UserCount
	j.Thumbnail.URL = a.BaseURL + "/static/logo.svg"
	j.Configuration.Statuses, j.Configuration.MediaAttachments = newStatusesConfig(), a.mediaConfig()
	j.Registrations.Enabled = registrationsOpen(info)
	j.Registrations.ApprovalRequired = info.RegistrationMode == corkboard.RegistrationApproval
	return j
}
