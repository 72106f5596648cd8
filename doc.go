// Package corkboard holds the domain of Corkboard, a federated pinboard
// server: its types, its error kinds, the use-case Service and the narrow
// interfaces the Service needs from storage and other adapters.
//
// It imports only the standard library. Adapters (storage, server/web,
// server/api, activitypub, media) depend on it, never the other way round.
package corkboard
