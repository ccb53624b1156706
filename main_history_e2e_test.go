//go:build e2e

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"evidenceboard/app"
)

// TestRealWindowEditHistory: a new person is asked their name once; their
// edits are signed with it in the change log; View ▸ Edit History
// (Ctrl+Shift+H) lists the edits newest first, a click on one selects its
// item on the board, Esc closes it; Ctrl+Z takes back the person's own
// edit and the history says it is undone. With EVB_SHOTS set, screenshots
// of the history window and the inspector's history go there.
func TestRealWindowEditHistory(t *testing.T) {
	dir, board := e2eSample(t)
	start := exportDoc(t, board)
	w := startWindowEnv(t, board, filepath.Join(dir, "home"), "EVB_AUTHOR=")

	// The name, asked once: typed, Enter.
	w.waitFor("the window to ask the person's name", func() bool { g, _ := w.geometry(); return g.Dialog })
	w.key("ctrl+a")
	w.typeText("Ada Lovelace")
	w.key("Return")
	w.waitFor("Enter to close the name dialog", func() bool { g, _ := w.geometry(); return !g.Dialog })

	// Ctrl+K makes a claim, typed into its statement; then the person
	// selects another card.
	w.key("ctrl+k")
	d := w.waitDoc("Ctrl+K to make a claim", func(d *app.Document) bool { return len(d.Claims) == len(start.Claims)+1 })
	claim, made := d.Claims[len(d.Claims)-1].ID, d.Claims[len(d.Claims)-1].Statement
	w.waitFor("the new claim in the inspector", func() bool { g, _ := w.geometry(); return g.Selected == claim })
	w.typeText("Chips were found on the boards")
	var other string
	g, _ := w.geometry()
	for _, id := range inView(g, d) {
		if id != claim {
			other = id
			break
		}
	}
	if other == "" {
		t.Fatal("no other claim's card is wholly in view")
	}
	w.click(w.card(other))
	w.waitDoc("the statement typed into the new claim", func(d *app.Document) bool {
		return d.Claims[len(d.Claims)-1].Statement == "Chips were found on the boards"
	})
	w.waitFor("the other claim selected", func() bool { g, _ := w.geometry(); return g.Selected == other })

	steps := logSteps(t, board)
	for _, st := range steps {
		t.Logf("step %d %s %q by %s, undone %v: %d changes", st.Seq, st.At.Format(time.RFC3339), st.Label, st.Author, st.Undone, len(st.Changes))
	}
	if len(steps) < 2 {
		t.Fatalf("the log has %d steps after two edits", len(steps))
	}
	for _, st := range steps {
		if st.Author != "Ada Lovelace" {
			t.Fatalf("step %d %q is signed %q, not the name given", st.Seq, st.Label, st.Author)
		}
	}

	// Ctrl+Shift+H opens the history; a click on its newest edit selects
	// the new claim on the board.
	w.key("ctrl+shift+h")
	hist := w.otherWindow("Edit history")
	w.shot("edit-history.png")
	w.xdo("mousemove", "--window", hist, "200", "62")
	w.xdo("click", "1")
	w.waitFor("a click on the newest edit to select its claim", func() bool { g, _ := w.geometry(); return g.Selected == claim })
	w.shot("edit-history-chosen.png")
	w.xdo("windowfocus", "--sync", hist)
	w.key("Escape")
	w.waitFor("Esc to close the edit history", func() bool {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Edit history$").Output()
		return strings.TrimSpace(string(out)) == ""
	})

	// Ctrl+Z in the board window takes back the statement; the log keeps
	// the step, undone.
	w.xdo("windowfocus", "--sync", w.wid)
	w.click(w.card(claim))
	w.waitFor("the new claim selected", func() bool { g, _ := w.geometry(); return g.Selected == claim && !g.Dialog })
	w.key("ctrl+z")
	w.waitDoc("Ctrl+Z to take back the statement", func(d *app.Document) bool {
		return d.Claims[len(d.Claims)-1].Statement == made
	})
	steps = logSteps(t, board)
	if last := steps[len(steps)-1]; !last.Undone {
		t.Fatalf("the log does not show the newest step %q undone", last.Label)
	}
	// The inspector's own history of the claim, at the end of its form.
	if os.Getenv("EVB_SHOTS") != "" {
		// Over the inspector's scroll bar, where no text field takes the wheel.
		r := w.field("status.apply")
		_, y := centre(r)
		w.xdo("mousemove", "--window", w.wid, fmt.Sprint(int(r[0]+r[2])+3), y)
		w.xdo("click", "--repeat", "40", "--delay", "30", "5")
		time.Sleep(500 * time.Millisecond)
		w.shot("inspector-history.png")
	}
	w.key("ctrl+q")
	w.waitExit()
}

// logSteps reads the board's change log with `log --json`.
func logSteps(t *testing.T, board string) []app.Step {
	t.Helper()
	out, err := exec.Command(binary, "log", "--json", board).Output()
	if err != nil {
		t.Fatalf("log --json: %v", err)
	}
	var steps []app.Step
	if err := json.Unmarshal(out, &steps); err != nil {
		t.Fatalf("log --json printed what is not an array of steps: %v\n%s", err, out)
	}
	return steps
}

// otherWindow waits for the app's top-level window named title and
// returns its id.
func (w *realWindow) otherWindow(title string) string {
	w.t.Helper()
	var id string
	w.waitFor("the window "+strconv.Quote(title), func() bool {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^"+title+"$").Output()
		f := strings.Fields(string(out))
		if len(f) > 0 {
			id = f[0]
		}
		return id != ""
	})
	time.Sleep(300 * time.Millisecond) // its first frame
	return id
}

// shot saves the screen to $EVB_SHOTS/name, if EVB_SHOTS is set.
func (w *realWindow) shot(name string) {
	dir := os.Getenv("EVB_SHOTS")
	if dir == "" {
		return
	}
	if out, err := exec.Command("/usr/bin/import", "-window", "root", filepath.Join(dir, name)).CombinedOutput(); err != nil {
		w.t.Logf("screenshot %s: %v %s", name, err, out)
	}
}
