package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"evidenceboard/app"
)

func TestCLI_ExportAsOf(t *testing.T) {
	dir := t.TempDir()
	board := filepath.Join(dir, "sample.evboard")
	runCLI(t, "sample", board).want(t, 0, "wrote the sample board", "")

	decode := func(r result) *app.Document {
		t.Helper()
		var d app.Document
		if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
			t.Fatalf("%v\n%s", err, r.stdout)
		}
		return &d
	}
	status := func(d *app.Document, id string) app.Status {
		for _, c := range d.Claims {
			if c.ID == id {
				return c.Status
			}
		}
		return ""
	}
	for _, tc := range []struct {
		asOf                    string
		claims, quotes, sources int
		elemental               app.Status // c-elemental-chips, "" when absent
		history                 int        // its history entries
	}{
		{"2018-10-03", 0, 0, 0, "", 0},
		{"2018-10-04T12:00:00Z", 10, 27, 4, app.StatusAlleged, 1},
		{"2018-10-04T18:47:59+02:00", 12, 27, 4, app.StatusAlleged, 1},
		{"2018-10-04T16:48:00Z", 12, 27, 4, app.StatusDenied, 2},
		{"2018-10-04", 12, 27, 4, app.StatusDenied, 2},
	} {
		r := runCLI(t, "export", "--as-of", tc.asOf, board)
		r.want(t, 0, `"format": "evidence-board"`, "")
		d := decode(r)
		if len(d.Claims) != tc.claims || len(d.Quotes) != tc.quotes || len(d.Sources) != tc.sources || len(d.Parties) != 19 {
			t.Errorf("--as-of %s: %d claims, %d quotes, %d sources, %d parties; want %d, %d, %d, 19",
				tc.asOf, len(d.Claims), len(d.Quotes), len(d.Sources), len(d.Parties), tc.claims, tc.quotes, tc.sources)
		}
		if got := status(d, "c-elemental-chips"); got != tc.elemental {
			t.Errorf("--as-of %s: c-elemental-chips is %q, want %q", tc.asOf, got, tc.elemental)
		}
		for _, c := range d.Claims {
			if c.ID == "c-elemental-chips" && len(c.History) != tc.history {
				t.Errorf("--as-of %s: %d history entries, want %d", tc.asOf, len(c.History), tc.history)
			}
		}
		// What it writes is a board the program takes back.
		in := filepath.Join(dir, "asof.json")
		if err := os.WriteFile(in, []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		runCLI(t, "import", "--force", in, filepath.Join(dir, "asof.evboard")).want(t, 0, "imported", "")
	}

	// Every format writes the rewound board.
	for _, f := range formatNames() {
		out := filepath.Join(dir, "out."+f)
		runCLI(t, "export", "--format", f, "--as-of", "2018-10-04T12:00:00Z", "-o", out, board).want(t, 0, "", "")
		if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
			t.Errorf("--format %s --as-of wrote nothing: %v", f, err)
		}
	}
	md := runCLI(t, "export", "--format", "md", "--as-of", "2018-10-03", board)
	md.want(t, 0, "0 alleged, 0 denied, 0 unconfirmed", "")

	for _, bad := range []string{"yesterday", "2018-13-01", "2018-10-04 12:00", "2018-10-04T12:00"} {
		runCLI(t, "export", "--as-of", bad, board).want(t, 2, "", "--as-of: \""+bad+"\" is neither a date (YYYY-MM-DD) nor an RFC 3339 time")
	}
	runCLI(t, "export", "--as-of", board).want(t, 2, "", "expected 1 file argument")
}
