package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLI_Review(t *testing.T) {
	dir := t.TempDir()
	board := filepath.Join(dir, "sample.evboard")
	runCLI(t, "sample", board).want(t, 0, "wrote the sample board", "")

	r := runCLI(t, "review", board)
	r.want(t, 0, "anonymous-only\tc-pla-chips\t“The PLA forced tiny illicit chips onto Supermicro server…” rests only on anonymous or unnamed sources: 17 anonymous sources and Six current and former national security officials, as relayed by Bloomberg.\n", "")
	r.want(t, 0, "denied-only-by-subject\tc-apple-found-2015\tEvery denial of “Apple found malicious chips in Supermicro servers in 2015…” comes from the side it is about: Apple, in 3 quotes.", "")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 14 {
		t.Errorf("%d lines, want 14:\n%s", len(lines), r.stdout)
	}
	for _, l := range lines {
		if f := strings.Split(l, "\t"); len(f) != 3 || f[0] == "" || f[1] == "" || f[2] == "" {
			t.Errorf("line %q is not kind, item, message", l)
		}
	}

	j := runCLI(t, "review", "--json", board)
	j.want(t, 0, `"kind": "anonymous-only"`, "")
	var findings []map[string]any
	if err := json.Unmarshal([]byte(j.stdout), &findings); err != nil {
		t.Fatalf("review --json: %v\n%s", err, j.stdout)
	}
	if len(findings) != len(lines) {
		t.Errorf("%d findings in JSON, %d lines in text", len(findings), len(lines))
	}
	for _, f := range findings {
		if _, ok := f["items"].([]any); !ok || len(f) != 4 {
			t.Errorf("finding %v: want kind, item, items (an array) and message", f)
		}
	}
	if f := findings[0]; f["item"] != "c-pla-chips" || strings.Join(strs(f["items"]), " ") != "q-17-sources q-officials sources-17 officials" {
		t.Errorf("first finding %v", f)
	}
	// Flags after the file, as the other commands take them.
	runCLI(t, "review", board, "--json").want(t, 0, `"kind": "anonymous-only"`, "")
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestCLI_ReviewCleanBoard(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "clean.json")
	doc := `{"format":"evidence-board","version":1,
	  "board":{"title":"Clean","description":"","created":"2018-10-04T09:00:00Z","updated":"2018-10-04T09:00:00Z"},
	  "sources":[{"id":"s1","title":"Daily"},{"id":"s2","title":"Weekly"}],
	  "parties":[{"id":"a","name":"Ann","kind":"person"},{"id":"b","name":"Ben","kind":"person"}],
	  "claims":[{"id":"c1","statement":"It rained.","status":"alleged"}],
	  "quotes":[{"id":"q1","text":"It rained.","speaker":"a","source":"s1","said":"2018-10-04"},
	            {"id":"q2","text":"It poured.","speaker":"b","source":"s2","said":"2018-10-04"}],
	  "links":[{"from":"q1","to":"c1","relation":"supports"},{"from":"q2","to":"c1","relation":"supports"}],
	  "layout":[]}`
	if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	board := filepath.Join(dir, "clean.evboard")
	runCLI(t, "import", in, board).want(t, 0, "imported", "")
	r := runCLI(t, "review", board)
	r.want(t, 0, "", "no weak spots found")
	if r.stdout != "" {
		t.Errorf("review of a clean board printed %q", r.stdout)
	}
	if j := runCLI(t, "review", "--json", board); j.code != 0 || strings.TrimSpace(j.stdout) != "[]" {
		t.Errorf("review --json of a clean board: exit %d, %q", j.code, j.stdout)
	}
}

func TestCLI_ReviewCannotRead(t *testing.T) {
	dir := t.TempDir()
	runCLI(t, "review", filepath.Join(dir, "missing.evboard")).want(t, 1, "", "evidenceboard review: ")
	junk := filepath.Join(dir, "junk.evboard")
	if err := os.WriteFile(junk, []byte("not a board at all, not SQLite either"), 0o644); err != nil {
		t.Fatal(err)
	}
	runCLI(t, "review", junk).want(t, 1, "", "evidenceboard review: ")
	runCLI(t, "review").want(t, 2, "", "expected 1 file argument")
	runCLI(t, "review", "--yaml", junk).want(t, 2, "", "flag provided but not defined")
	runCLI(t, "review", "--help").want(t, 0, "Usage: evidenceboard review [--json] FILE.evboard", "")
	runCLI(t, "--help").want(t, 0, "evidenceboard review [--json] FILE.evboard", "")
}
