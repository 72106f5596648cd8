// Command corkboard runs a Corkboard server and administers it.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/corkboard/corkboard/server"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCommand(os.Stdout, os.Stderr).ExecuteContext(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "corkboard:", err)
		os.Exit(1)
	}
}

func newRootCommand(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "corkboard",
		Short:         "Corkboard: a self-hosted, federated pinboard server",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	addSettingFlags(root.PersistentFlags())
	root.AddCommand(newServeCommand(), newMigrateCommand(), newVersionCommand(), newAdminCommand(), newHealthcheckCommand())
	return root
}

// configFor resolves the configuration of the command being run.
func configFor(cmd *cobra.Command) (server.Config, error) {
	cfg, err := loadConfig(cmd.Flags())
	if err != nil {
		return cfg, err
	}
	cfg.Version = version
	return cfg, cfg.Validate()
}

func newServeCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "serve",
		Short: "Run the server (applies pending migrations first)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := configFor(cmd)
			if err != nil {
				return err
			}
			srv, err := server.New(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			defer srv.Close()
			return srv.ListenAndServe(cmd.Context())
		},
	}
}

func newMigrateCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "migrate",
		Short: "Apply pending database migrations and exit",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := configFor(cmd)
			if err != nil {
				return err
			}
			n, err := server.Migrate(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "applied %d migration(s); the database is up to date\n", n)
			return nil
		},
	}
}

func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintln(cmd.OutOrStdout(), "corkboard", version)
		},
	}
}
