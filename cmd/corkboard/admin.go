package main

import (
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/corkboard/corkboard/server"
	"github.com/spf13/cobra"
)

func newAdminCommand() *cobra.Command {
	admin := &cobra.Command{Use: "admin", Short: "Administer accounts and the instance"}
	admin.AddCommand(newCreateUserCommand(), newSetPasswordCommand(), newTokenCommand(), newListUsersCommand(),
		newApproveCommand(), newRejectCommand(), newRegistrationCommand(), newInviteCommand(), withBlockCommands(newFederationCommand()))
	return withModerationCommands(admin)
}

// withService runs fn with the instance's Service, opened (and migrated)
// from the command's configuration.
func withService(cmd *cobra.Command, fn func(svc *corkboard.Service) error) error {
	cfg, err := configFor(cmd)
	if err != nil {
		return err
	}
	svc, closeDB, err := server.Admin(cmd.Context(), cfg)
	if err != nil {
		return err
	}
	defer closeDB()
	return fn(svc)
}

// userFacing turns domain errors into their message for the terminal.
func userFacing(err error) error {
	if err == nil || corkboard.ErrorCode(err) == corkboard.EINTERNAL {
		return err
	}
	return fmt.Errorf("%s", corkboard.ErrorMessage(err))
}

func newCreateUserCommand() *cobra.Command {
	var na corkboard.NewAccount
	cmd := &cobra.Command{
		Use:   "create-user",
		Short: "Create a local account",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				na.Approved = true
				a, err := svc.CreateAccount(cmd.Context(), na)
				if err != nil {
					return userFacing(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "created account %s (id %d, admin %v)\n", a.Username, a.ID, a.IsAdmin)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&na.Username, "username", "", "username (lowercase letters, digits, _)")
	cmd.Flags().StringVar(&na.Password, "password", "", "password (at least 8 characters)")
	cmd.Flags().StringVar(&na.Email, "email", "", "email address (optional)")
	cmd.Flags().BoolVar(&na.IsAdmin, "admin", false, "make the account an admin")
	_ = cmd.MarkFlagRequired("username")
	_ = cmd.MarkFlagRequired("password")
	return cmd
}

func newSetPasswordCommand() *cobra.Command {
	var username, password string
	cmd := &cobra.Command{
		Use:   "set-password",
		Short: "Set a local account's password and sign it out everywhere",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				if err := svc.SetPassword(cmd.Context(), username, password); err != nil {
					return userFacing(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "password of %s changed\n", username)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&username, "username", "", "username")
	cmd.Flags().StringVar(&password, "password", "", "new password (at least 8 characters)")
	_ = cmd.MarkFlagRequired("username")
	_ = cmd.MarkFlagRequired("password")
	return cmd
}

func newTokenCommand() *cobra.Command {
	var username, scopes string
	cmd := &cobra.Command{
		Use:   "token",
		Short: "Print an API bearer token for an account (alone on the last line)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				a, err := svc.Account(cmd.Context(), username)
				if err != nil {
					return userFacing(err)
				}
				secret, err := svc.IssueToken(cmd.Context(), a, scopes)
				if err != nil {
					return userFacing(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "token for %s with scopes %q:\n%s\n", a.Username, scopes, secret)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&username, "username", "", "username")
	cmd.Flags().StringVar(&scopes, "scopes", corkboard.DefaultScopes, "space-separated OAuth scopes")
	_ = cmd.MarkFlagRequired("username")
	return cmd
}

func newListUsersCommand() *cobra.Command {
	var pending bool
	cmd := &cobra.Command{
		Use:   "list-users",
		Short: "List local accounts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				as, err := svc.ListAccounts(cmd.Context(), corkboard.AccountFilter{PendingOnly: pending})
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tUSERNAME\tEMAIL\tADMIN\tAPPROVED\tDISABLED\tCREATED")
				for _, a := range as {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%v\t%v\t%v\t%s\n", a.ID, a.Username, a.Email, a.IsAdmin, a.Approved, a.Disabled, a.CreatedAt.Format(time.DateOnly))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&pending, "pending", false, "only sign-ups waiting for approval")
	return cmd
}

func newApproveCommand() *cobra.Command {
	var username string
	cmd := &cobra.Command{
		Use:   "approve",
		Short: "Approve a sign-up waiting for approval",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				if err := svc.ApproveAccount(cmd.Context(), username); err != nil {
					return userFacing(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "approved %s\n", username)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&username, "username", "", "username")
	_ = cmd.MarkFlagRequired("username")
	return cmd
}

func newRejectCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "reject USERNAME",
		Short: "Reject a sign-up waiting for approval (the account is deleted)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				if err := svc.RejectAccount(cmd.Context(), args[0]); err != nil {
					return userFacing(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "rejected %s; the username is free again\n", args[0])
				return nil
			})
		},
	}
}

func newRegistrationCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "registration [open|approval|invite|closed]",
		Short: "Show or set who may sign up",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				if len(args) == 1 {
					m, err := corkboard.ParseRegistrationMode(args[0])
					if err != nil {
						return userFacing(err)
					}
					if err := svc.SetRegistrationMode(cmd.Context(), m); err != nil {
						return err
					}
				}
				m, err := svc.RegistrationMode(cmd.Context())
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), "registration:", m)
				return nil
			})
		},
	}
	return cmd
}

func newInviteCommand() *cobra.Command {
	var maxUses int
	var ttl time.Duration
	cmd := &cobra.Command{
		Use:   "create-invite",
		Short: "Create an invite code (for invite-only registration)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				inv, err := svc.CreateInvite(cmd.Context(), nil, maxUses, ttl)
				if err != nil {
					return userFacing(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "invite code (max uses %d):\n%s\n", inv.MaxUses, inv.Code)
				return nil
			})
		},
	}
	cmd.Flags().IntVar(&maxUses, "max-uses", 1, "how many sign-ups it allows; 0 for unlimited")
	cmd.Flags().DurationVar(&ttl, "expires-in", 7*24*time.Hour, "how long it is valid; 0 for ever")
	return cmd
}
