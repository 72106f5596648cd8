package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/corkboard/corkboard/server"
	"github.com/corkboard/corkboard/storage/storagetest"
)

var update = flag.Bool("update", false, "rewrite the generated settings table in README.md")

var readmePath = filepath.Join("..", "..", "README.md")

const (
	tableBegin = "<!-- settings table: generated from cmd/corkboard/settings.go by `go test ./cmd/corkboard -run TestREADMESettingsTable -update` -->"
	tableEnd   = "<!-- end of settings table -->"
)

// TestREADMESettingsTable keeps the README's configuration table equal to
// the settings the binary reads; -update regenerates it.
func TestREADMESettingsTable(t *testing.T) {
	readme := readREADME(t)
	begin, end := strings.Index(readme, tableBegin), strings.Index(readme, tableEnd)
	if begin < 0 || end < begin {
		t.Fatalf("README.md has no settings table between %q and %q", tableBegin, tableEnd)
	}
	got, want := readme[begin+len(tableBegin):end], "\n"+settingsTable()
	if *update {
		readme = readme[:begin+len(tableBegin)] + want + readme[end:]
		if err := os.WriteFile(readmePath, []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, s := range settings {
		if !strings.Contains(got, "| `--"+s.flag+"` | `"+s.env+"` |") {
			t.Errorf("README configuration table lacks --%s / %s", s.flag, s.env)
		}
	}
	if got != want {
		t.Errorf("README settings table is stale; run: go test ./cmd/corkboard -run TestREADMESettingsTable -update\ngot:\n%s\nwant:\n%s", got, want)
	}
}

// settingsTable renders one row per setting, then the config file.
func settingsTable() string {
	var b strings.Builder
	b.WriteString("| Flag | Environment variable | Default | Meaning |\n|---|---|---|---|\n")
	defaults := server.Defaults()
	for _, s := range settings {
		def := "(empty)"
		if v := s.def(defaults); v != "" {
			def = "`" + v + "`"
		}
		fmt.Fprintf(&b, "| `--%s` | `%s` | %s | %s |\n", s.flag, s.env, def, s.usage)
	}
	fmt.Fprintf(&b, "| `--config` | `%s` | (none) | YAML file of the settings above, keyed by flag name |\n", configFileEnv)
	return b.String()
}

// TestREADMEQuickStart holds the promise that two commands start Corkboard
// and test it.
func TestREADMEQuickStart(t *testing.T) {
	blocks := codeBlocks(section(t, readREADME(t), "## Quick start"))
	if len(blocks) != 1 {
		t.Fatalf("Quick start has %d code blocks, want exactly 1", len(blocks))
	}
	var commands []string
	for _, line := range strings.Split(blocks[0], "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			commands = append(commands, line)
		}
	}
	want := []string{"go run ./cmd/corkboard serve", "go test ./..."}
	if !slices.Equal(commands, want) {
		t.Errorf("Quick start commands = %q, want exactly %q", commands, want)
	}
}

// TestREADMECommandsExist runs every corkboard command line in the README's
// code blocks through the command tree: subcommands, flags and arguments
// must all exist, so examples cannot drift from the binary.
func TestREADMECommandsExist(t *testing.T) {
	n := 0
	for _, block := range codeBlocks(readREADME(t)) {
		for _, line := range commandLines(block) {
			args, ok := corkboardArgs(shellWords(line))
			if !ok {
				continue
			}
			n++
			if _, err := findCommand(args); err != nil {
				t.Errorf("README: %s\n  %v", line, err)
			}
		}
	}
	if n < 8 {
		t.Errorf("found only %d corkboard command lines in README.md; is the parser broken?", n)
	}
}

var envName = regexp.MustCompile(`\bCORKBOARD_[A-Z0-9_]+`)

// TestREADMEEnvironmentNames wants every CORKBOARD_* name the README
// mentions to be a setting (or one of the test-only variables).
func TestREADMEEnvironmentNames(t *testing.T) {
	testOnly := []string{storagetest.EnvURL, "CORKBOARD_CI_ARTIFACTS"}
	for _, name := range envName.FindAllString(readREADME(t), -1) {
		if !isSettingEnv(name) && !slices.Contains(testOnly, name) {
			t.Errorf("README mentions %s, which corkboard does not read", name)
		}
	}
}

func readREADME(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// section returns the text under heading, up to the next heading of the
// same level.
func section(t *testing.T, doc, heading string) string {
	t.Helper()
	i := strings.Index(doc, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("README.md has no %q section", heading)
	}
	rest := doc[i+len(heading)+2:]
	if j := strings.Index(rest, "\n"+strings.Fields(heading)[0]+" "); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// codeBlocks returns the contents of the fenced (```) code blocks.
func codeBlocks(doc string) []string {
	var blocks []string
	var cur []string
	in := false
	for _, line := range strings.Split(doc, "\n") {
		switch {
		case strings.HasPrefix(strings.TrimSpace(line), "```"):
			if in {
				blocks = append(blocks, strings.Join(cur, "\n"))
				cur = nil
			}
			in = !in
		case in:
			cur = append(cur, line)
		}
	}
	return blocks
}

// commandLines joins backslash continuations and drops comments.
func commandLines(block string) []string {
	var lines []string
	for _, line := range strings.Split(strings.ReplaceAll(block, "\\\n", " "), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	return lines
}

// shellWords splits a command line as a shell would, for the simple quoting
// the README uses, and stops at the first operator (|, &&, ;, >).
func shellWords(line string) []string {
	var words []string
	var cur strings.Builder
	var quote rune
	inWord := false
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	for i, w := range words {
		if slices.Contains([]string{"|", "&&", "||", ";", ">", "2>&1"}, w) {
			return words[:i]
		}
	}
	return words
}

// corkboardArgs finds the corkboard invocation in words (after env
// assignments, "go run ./cmd/corkboard", or "docker compose exec corkboard
// /corkboard") and returns its arguments.
func corkboardArgs(words []string) ([]string, bool) {
	if len(words) > 0 && words[0] == "docker" {
		i := slices.Index(words, "/corkboard")
		return words[i+1:], i >= 0
	}
	for i, w := range words {
		if slices.Contains([]string{"corkboard", "./corkboard", "./cmd/corkboard"}, w) {
			return words[i+1:], true
		}
		if !strings.Contains(w, "=") && w != "go" && w != "run" {
			return nil, false
		}
	}
	return nil, false
}
