package corkboard

import "context"

// InstanceInfo is what the instance endpoints describe about this server.
type InstanceInfo struct {
	Title            string
	Description      string
	RegistrationMode RegistrationMode
	UserCount        int64
}

// DefaultInstanceTitle names an instance whose admin has not named it.
const DefaultInstanceTitle = "Corkboard"

// InstanceInfo gathers the instance's public description and counts.
func (s *Service) InstanceInfo(ctx context.Context) (*InstanceInfo, error) {
	info := &InstanceInfo{Title: DefaultInstanceTitle}
	if v, ok, err := s.store.Setting(ctx, SettingInstanceTitle); err != nil {
		return nil, withContext("instance info: title", err)
	} else if ok && v != "" {
		info.Title = v
	}
	v, _, err := s.store.Setting(ctx, SettingInstanceDesc)
	if err != nil {
		return nil, withContext("instance info: description", err)
	}
	info.Description = v
	if info.RegistrationMode, err = s.RegistrationMode(ctx); err != nil {
		return nil, err
	}
	if info.UserCount, err = s.store.CountLocalAccounts(ctx); err != nil {
		return nil, withContext("instance info: count accounts", err)
	}
	return info, nil
}
