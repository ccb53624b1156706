//go:build e2e

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"evidenceboard/app"
)

// TestRealWindowTabMovesBetweenFields: in the inspector, Tab moves from
// a claim's statement to its notes, as in any desktop form, instead of
// typing a tab into the statement; Ctrl+Tab types one.
func TestRealWindowTabMovesBetweenFields(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("needs an X display: run under xvfb-run")
	}
	if _, err := exec.LookPath("xdotool"); err != nil {
		t.Skip("needs xdotool")
	}
	dir := t.TempDir()
	board := filepath.Join(dir, "sample.evboard")
	if out, err := exec.Command(binary, "sample", board).CombinedOutput(); err != nil {
		t.Fatalf("sample: %v\n%s", err, out)
	}
	start := exportDoc(t, board)
	w := startWindow(t, board, filepath.Join(dir, "home"))
	w.key("ctrl+k")
	d := w.waitDoc("Ctrl+K to make a claim", func(d *app.Document) bool { return len(d.Claims) == len(start.Claims)+1 })
	claim := d.Claims[len(d.Claims)-1].ID
	w.waitFor("the new claim in the inspector", func() bool { g, _ := w.geometry(); return g.Selected == claim })
	w.typeText("Chips were found in 2015")
	w.key("Tab")
	w.typeText("Tested by a lab")
	w.key("ctrl+Tab")
	w.typeText("x")
	w.key("shift+Tab")
	w.typeText(" again")
	w.key("Tab")
	w.waitDoc("Tab between the statement and the notes", func(d *app.Document) bool {
		for _, c := range d.Claims {
			if c.ID == claim {
				return c.Notes == "Tested by a lab\tx" && c.Statement != "" && c.Statement[:len("Chips were found in 2015")] == "Chips were found in 2015"
			}
		}
		return false
	})
	for _, c := range exportDoc(t, board).Claims {
		if c.ID == claim && c.Statement != "Chips were found in 2015 again" {
			// Shift+Tab went back to the statement; where its caret lands
			// is Fyne's, but no tab may be in it.
			for _, r := range c.Statement {
				if r == '\t' {
					t.Fatalf("a tab went into the statement: %q", c.Statement)
				}
			}
		}
	}
	w.key("ctrl+q")
	w.waitExit()
}
