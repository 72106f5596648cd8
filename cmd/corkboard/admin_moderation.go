package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/corkboard/corkboard"
	"github.com/spf13/cobra"
)

// withModerationCommands adds the moderation commands to "admin":
// reports (and reports resolve), suspend, unsuspend, suspensions. They act as the
// command line (corkboard.ConsoleAdmin), which the record shows.
func withModerationCommands(admin *cobra.Command) *cobra.Command {
	admin.AddCommand(newReportsCommand(), newSuspendCommand(), newUnsuspendCommand(), newSuspensionsCommand())
	return admin
}

func newReportsCommand() *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "reports",
		Short: "List open reports (--all: resolved ones too)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				rs, err := svc.Reports(cmd.Context(), corkboard.ConsoleAdmin(), 200)
				if err != nil {
					return userFacing(err)
				}
				tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tSTATE\tCREATED\tREPORTER\tTARGET\tCOMMENT")
				for _, r := range rs {
					if all || r.Open() {
						fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.ID, reportState(r), when(r.CreatedAt),
							handleOr(r.Reporter, r.ReporterIRI), handleOr(r.Target, "-"), oneLine(r.Comment))
					}
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "list resolved reports too")
	cmd.AddCommand(newResolveReportCommand())
	return cmd
}

func newResolveReportCommand() *cobra.Command {
	var note string
	cmd := &cobra.Command{
		Use:   "resolve ID",
		Short: "Mark a report resolved, with a note of what was done",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("%q is not a report id", args[0])
			}
			return withService(cmd, func(svc *corkboard.Service) error {
				if err := svc.ResolveReport(cmd.Context(), corkboard.ConsoleAdmin(), id, note); err != nil {
					return userFacing(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "report %d: resolved\n", id)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&note, "note", "", "what was done about it")
	return cmd
}

func newSuspendCommand() *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "suspend @USER[@HOST]",
		Short: "Suspend an account (ours: signed out, pages hidden; elsewhere: refused, its content here removed)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				a, err := svc.AccountByHandle(cmd.Context(), args[0])
				if err == nil {
					a, err = svc.SuspendAccount(cmd.Context(), corkboard.ConsoleAdmin(), a.ID, reason)
				}
				if err != nil {
					return userFacing(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "@%s: suspended\n", a.Acct())
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why (shown to admins)")
	return cmd
}

func newUnsuspendCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "unsuspend @USER[@HOST]",
		Short: "Lift a suspension (what it removed from another server stays removed)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				a, err := svc.AccountByHandle(cmd.Context(), args[0])
				if err == nil {
					a, err = svc.UnsuspendAccount(cmd.Context(), corkboard.ConsoleAdmin(), a.ID)
				}
				if err != nil {
					return userFacing(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "@%s: unsuspended\n", a.Acct())
				return nil
			})
		},
	}
}

func newSuspensionsCommand() *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "suspensions",
		Short: "List suspended accounts (--all: lifted suspensions too)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				ss, err := svc.Suspensions(cmd.Context(), corkboard.ConsoleAdmin(), all, 200)
				if err != nil {
					return userFacing(err)
				}
				tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ACCOUNT\tSUSPENDED\tBY\tLIFTED\tBY\tREASON")
				for _, x := range ss {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", handleOr(x.Account, strconv.FormatInt(x.AccountID, 10)),
						when(x.SuspendedAt), handleOr(x.SuspendedBy, "console"), when(x.LiftedAt), lifter(x), oneLine(x.Reason))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "list lifted suspensions too")
	return cmd
}

// lifter names who lifted a suspension, "-" while it lasts.
func lifter(x *corkboard.Suspension) string {
	if x.LiftedAt.IsZero() {
		return "-"
	}
	return handleOr(x.LiftedBy, "console")
}

func reportState(r *corkboard.Report) string {
	if r.Open() {
		return "open"
	}
	if r.ActionNote != "" {
		return "resolved (" + oneLine(r.ActionNote) + ")"
	}
	return "resolved"
}

func handleOr(a *corkboard.Account, fallback string) string {
	if a == nil {
		return fallback
	}
	return "@" + a.Acct()
}

// oneLine keeps a free-text field on its row of the table.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
