// Command testsummary reads `go test -json` on stdin and prints a short
// report: one line per package, the output of failed tests and failed
// packages in full, and a closing "N passed, N failed, N skipped" line.
// It exits 1 if anything failed or no test ran.
//
// It lives under .ci/, which ./... does not match, so it is no part of the
// module's packages.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

type event struct {
	Action     string
	Package    string
	ImportPath string
	Test       string
	Output     string
}

type tally struct {
	passed, failed, skipped      int
	pkgOK, pkgFailed, pkgNoTests int
}

func main() {
	var t tally
	out := map[string][]string{}    // buffered output per package and test
	failedTests := map[string]int{} // per package
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	for in.Scan() {
		var e event
		if err := json.Unmarshal(in.Bytes(), &e); err != nil || e.Action == "" {
			fmt.Println(in.Text()) // not an event: pass it on
			continue
		}
		key := e.Package + "\x00" + e.Test
		switch e.Action {
		case "build-output":
			fmt.Print(e.Output)
		case "output":
			out[key] = append(out[key], e.Output)
		case "pass", "skip", "fail":
			t.record(e, out[key], failedTests)
			delete(out, key)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(1)
	}
	fmt.Printf("packages: %d ok, %d failed, %d without tests\n", t.pkgOK, t.pkgFailed, t.pkgNoTests)
	fmt.Printf("tests: %d passed, %d failed, %d skipped\n", t.passed, t.failed, t.skipped)
	if t.failed > 0 || t.pkgFailed > 0 || t.passed == 0 {
		os.Exit(1)
	}
}

// record counts a test's or a package's result and prints what is worth
// reading: the whole output of a failure, the "ok" line of a package.
func (t *tally) record(e event, lines []string, failedTests map[string]int) {
	switch {
	case e.Test != "" && e.Action == "pass":
		t.passed++
	case e.Test != "" && e.Action == "skip":
		t.skipped++
	case e.Test != "":
		t.failed++
		failedTests[e.Package]++
		fmt.Print(strings.Join(lines, ""))
	case e.Action == "pass":
		t.pkgOK++
		for _, l := range lines {
			if strings.HasPrefix(l, "ok") {
				fmt.Print(l)
			}
		}
	case e.Action == "skip":
		t.pkgNoTests++
	default:
		t.pkgFailed++
		if failedTests[e.Package] == 0 {
			t.failed++ // a build failure, a crash or a timeout outside any test
		}
		fmt.Print(strings.Join(lines, ""))
	}
}
