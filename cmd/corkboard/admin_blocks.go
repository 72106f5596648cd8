package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/corkboard/corkboard"
	"github.com/spf13/cobra"
)

// withBlockCommands adds the domain-block commands to the "admin
// federation" group: block-domain, unblock-domain, list-blocks.
func withBlockCommands(federation *cobra.Command) *cobra.Command {
	federation.AddCommand(newBlockDomainCommand(), newUnblockDomainCommand(), newListBlocksCommand())
	return federation
}

func newBlockDomainCommand() *cobra.Command {
	var severity, reason string
	cmd := &cobra.Command{
		Use:   "block-domain DOMAIN",
		Short: "Suspend or silence another server (and its subdomains)",
		Long: "suspend refuses the server's requests, fetches nothing from it and removes what it brought\n" +
			"(follows, pins, likes, comments); silence keeps its pins off tag pages and search.\n" +
			"A running server applies a change made here within 30 seconds.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				b, err := svc.BlockDomain(cmd.Context(), args[0], corkboard.BlockSeverity(severity), reason)
				if err != nil {
					return userFacing(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", b.Domain, b.Severity)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&severity, "severity", string(corkboard.SeveritySuspend), "suspend or silence")
	cmd.Flags().StringVar(&reason, "reason", "", "why (shown to admins)")
	return cmd
}

func newUnblockDomainCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "unblock-domain DOMAIN",
		Short: "Lift a domain block (what a suspension removed stays removed)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				if err := svc.UnblockDomain(cmd.Context(), args[0]); err != nil {
					return userFacing(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: unblocked\n", args[0])
				return nil
			})
		},
	}
}

func newListBlocksCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "list-blocks",
		Short: "List domain blocks",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				bs, err := svc.DomainBlocks(cmd.Context())
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "DOMAIN\tSEVERITY\tSINCE\tREASON")
				for _, b := range bs {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", b.Domain, b.Severity, when(b.CreatedAt), b.Reason)
				}
				return tw.Flush()
			})
		},
	}
}
