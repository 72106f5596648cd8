package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestEveryCommandHasHelp runs "--help" on every command of the tree, in
// process, and wants a usage text without an error.
func TestEveryCommandHasHelp(t *testing.T) {
	var paths [][]string
	var walk func(cmd *cobra.Command, path []string)
	walk = func(cmd *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range cmd.Commands() {
			walk(sub, append(append([]string{}, path...), sub.Name()))
		}
	}
	walk(newRootCommand(io.Discard, io.Discard), nil)
	if len(paths) < 10 {
		t.Fatalf("found only %d commands; the walk is broken", len(paths))
	}
	for _, path := range paths {
		t.Run(strings.Join(append([]string{"corkboard"}, path...), " "), func(t *testing.T) {
			var out bytes.Buffer
			root := newRootCommand(&out, &out)
			root.SetArgs(append(append([]string{}, path...), "--help"))
			if err := root.ExecuteContext(context.Background()); err != nil {
				t.Fatalf("--help failed: %v\n%s", err, out.String())
			}
			if !strings.Contains(out.String(), "Usage:") {
				t.Errorf("--help printed no usage:\n%s", out.String())
			}
			if cmd, _, _ := root.Find(path); cmd.Short == "" {
				t.Errorf("%q has no short description", cmd.CommandPath())
			}
		})
	}
}

// findCommand resolves a command line (without the program name) the way
// the binary would, and checks its flags, required flags and arguments,
// without running it. Documentation and container files are checked with it.
func findCommand(args []string) (*cobra.Command, error) {
	root := newRootCommand(io.Discard, io.Discard)
	cmd, rest, err := root.Find(args)
	if err != nil {
		return nil, err
	}
	if cmd == root || !cmd.Runnable() {
		return nil, fmt.Errorf("%q names no runnable subcommand", strings.Join(args, " "))
	}
	if err := cmd.ParseFlags(rest); err != nil {
		return nil, fmt.Errorf("%s: %w", cmd.CommandPath(), err)
	}
	if err := cmd.ValidateRequiredFlags(); err != nil {
		return nil, fmt.Errorf("%s: %w", cmd.CommandPath(), err)
	}
	if cmd.Args != nil {
		if err := cmd.Args(cmd, cmd.Flags().Args()); err != nil {
			return nil, fmt.Errorf("%s: %w", cmd.CommandPath(), err)
		}
	}
	return cmd, nil
}
