package server

import "context"

// mediaSize is a stored file's size in bytes, for RSS enclosures. Keys
// are immutable, so the size never changes under a feed.
func (s *Server) mediaSize(ctx context.Context, key string) (int64, error) {
	f, info, err := s.mediaStore.Open(ctx, key)
	if err != nil {
		return 0, err
	}
	return info.Size, f.Close()
}
