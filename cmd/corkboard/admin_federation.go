package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/corkboard/corkboard"
	"github.com/spf13/cobra"
)

// newFederationCommand groups what an admin looks at when deliveries to
// other servers lag: the job queues and the hosts that are failing.
func newFederationCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "federation", Short: "Inspect federation: job queues and failing hosts"}
	cmd.AddCommand(newQueueCommand(), newHostsCommand())
	return cmd
}

// queueStates are the columns of the queue table, in River's terms:
// scheduled jobs wait for their time, retryable ones for a retry after a
// failure; discarded ones ran out of attempts, cancelled ones ended for
// good (an inbox answered 4xx, or a host stayed unavailable).
var queueStates = []string{"available", "scheduled", "retryable", "running", "completed", "discarded", "cancelled"}

func newQueueCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "queue",
		Short: "Count jobs per queue and state (completed: in the last 24 hours)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				counts, err := svc.QueueCounts(cmd.Context())
				if err != nil {
					return err
				}
				return printQueueCounts(cmd.OutOrStdout(), counts)
			})
		},
	}
}

// printQueueCounts prints one row per queue, delivery and inbox always.
func printQueueCounts(w io.Writer, counts []corkboard.QueueCount) error {
	byQueue := map[string]map[string]int64{"delivery": {}, "inbox": {}}
	queues := []string{"delivery", "inbox"}
	for _, c := range counts {
		if byQueue[c.Queue] == nil {
			byQueue[c.Queue] = map[string]int64{}
			queues = append(queues, c.Queue)
		}
		byQueue[c.Queue][c.State] += c.Count
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "QUEUE")
	for _, s := range queueStates {
		fmt.Fprintf(tw, "\t%s", s)
	}
	fmt.Fprintln(tw)
	for _, q := range queues {
		fmt.Fprint(tw, q)
		for _, s := range queueStates {
			fmt.Fprintf(tw, "\t%d", byQueue[q][s])
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

func newHostsCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "hosts",
		Short: "List hosts that deliveries fail to reach, and those marked unavailable",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, func(svc *corkboard.Service) error {
				hosts, err := svc.TroubledHosts(cmd.Context())
				if err != nil {
					return err
				}
				if len(hosts) == 0 {
					fmt.Fprintln(cmd.OutOrStdout(), "no failing hosts")
					return nil
				}
				names := make([]string, len(hosts))
				for i, h := range hosts {
					names[i] = h.Host
				}
				software, err := svc.SoftwareOfHosts(cmd.Context(), names)
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "HOST\tFAILURES\tFAILING SINCE\tUNAVAILABLE SINCE\tLAST SUCCESS\tSOFTWARE")
				for _, h := range hosts {
					fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", h.Host, h.Failures, when(h.FirstFailureAt), when(h.UnavailableSince), when(h.LastSuccessAt), softwareName(software[h.Host]))
				}
				return tw.Flush()
			})
		},
	}
}

// softwareName is what a host runs (NodeInfo name and version), "-"
// when never checked or the check failed.
func softwareName(s *corkboard.HostSoftware) string {
	if s == nil || s.Name == "" {
		return "-"
	}
	return strings.TrimSpace(s.Name + " " + s.Version)
}

// when formats a time for the tables, "-" for never.
func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04 MST")
}
