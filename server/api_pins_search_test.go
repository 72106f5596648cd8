package server_test

import (
	"net/http"
	"testing"
)

// GET /api/v1/search finds people, boards and pins, or one kind of them.
func TestAPISearch(t *testing.T) {
	eachPinsKind(t, func(t *testing.T, env *pinsEnv) {
		tok := env.token(env.admin, "")
		env.user("teapotfan")
		board := env.createBoard(tok, "Teapots", false)
		env.createPin(tok, str(t, board, "id"), "a blue teapot")
		tests := []struct {
			query                string
			accounts, boards, ps int
			status               int
		}{
			{"?q=teapot", 1, 1, 1, http.StatusOK},
			{"?q=teapot&type=accounts", 1, 0, 0, http.StatusOK},
			{"?q=teapot&type=boards", 0, 1, 0, http.StatusOK},
			{"?q=teapot&type=pins", 0, 0, 1, http.StatusOK},
			{"?q=", 0, 0, 0, http.StatusOK},
			{"?q=teapot&type=statuses", 0, 0, 0, http.StatusUnprocessableEntity},
		}
		for _, tt := range tests {
			t.Run(tt.query, func(t *testing.T) {
				r := env.get("/api/v1/search"+tt.query, "")
				wantAPIStatus(t, tt.query, r, tt.status)
				if tt.status != http.StatusOK {
					return
				}
				m := r.JSON(t)
				got := [3]int{len(m["accounts"].([]any)), len(m["boards"].([]any)), len(m["pins"].([]any))}
				if want := [3]int{tt.accounts, tt.boards, tt.ps}; got != want {
					t.Errorf("accounts, boards, pins = %v, want %v", got, want)
				}
			})
		}
	})
}
