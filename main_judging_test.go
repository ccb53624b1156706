package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLI_JudgingFieldsRoundTrip imports a hand-written board that uses
// every judging field (its own scale, verdicts, reliability on parties and
// sources, credibility on quotes, a back-dated history) into a board file
// and exports it: the same bytes. Then it imports a board with bad values
// of those fields and checks that it is refused, each with its path.
func TestCLI_JudgingFieldsRoundTrip(t *testing.T) {
	in := filepath.Join("app", "testdata", "judged.json")
	want := readFile(t, in)
	board := filepath.Join(t.TempDir(), "judged.evboard")
	runCLI(t, "import", in, board).want(t, 0, "imported", "")
	runCLI(t, "check", board).want(t, 0, "ok", "")
	r := runCLI(t, "export", "--format", "json", board)
	r.want(t, 0, `"scale"`, "")
	if !bytes.Equal([]byte(r.stdout), want) {
		t.Errorf("import then export differs from %s:\n%s", in, r.stdout)
	}

	bad := strings.NewReplacer(
		`"label": "Pants on fire",`+"\n        \"value\": -2", `"label": "Pants on fire",`+"\n        \"value\": 20",
		`"label": "True",`+"\n        \"note\"", `"label": "Mostly true",`+"\n        \"note\"",
		`"reliability": "C"`, `"reliability": "G"`,
		`"credibility": 4`, `"credibility": 7`,
	).Replace(string(want))
	broken := filepath.Join(t.TempDir(), "broken.json")
	if err := os.WriteFile(broken, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "import", broken, filepath.Join(t.TempDir(), "broken.evboard"))
	r.want(t, 1, "", "problem")
	for _, w := range []string{
		`board.scale[1].value: is 0, not above 20: a scale goes worst first, and its values rise`,
		`claims[2].verdict.label: "Mostly true" is not a label of the board's scale ("Pants on fire", "False", "Cannot say" or "True")`,
		`parties[0].reliability: "G" is not a reliability grade (use a letter from A to F)`,
		`quotes[4].credibility: is 7: credibility is a number from 1 (confirmed) to 6 (cannot be judged)`,
	} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
		}
	}
}
