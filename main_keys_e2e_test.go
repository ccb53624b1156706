//go:build e2e

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"evidenceboard/app"
)

// TestRealWindowTabMovesBetweenFields: in the inspector, Tab moves from
// a claim's statement to its notes, as in any desktop form, instead of
// typing a tab into the statement; Ctrl+Tab types one.
func TestRealWindowTabMovesBetweenFields(t *testing.T) {
	dir, board := e2eSample(t)
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
		c := claimOf(d, claim)
		return c.Notes == "Tested by a lab\tx" && strings.HasPrefix(c.Statement, "Chips were found in 2015")
	})
	// Shift+Tab went back to the statement; where its caret lands is
	// Fyne's, but no tab may be in it.
	if c := claimOf(exportDoc(t, board), claim); strings.ContainsRune(c.Statement, '\t') {
		t.Fatalf("a tab went into the statement: %q", c.Statement)
	}
	w.key("ctrl+q")
	w.waitExit()
}

// TestRealWindowWheelOverFields: the mouse wheel over the inspector's text
// fields scrolls the inspector (Fyne's fields kept it, even when their
// text fits), and a newly chosen card opens the inspector at its top.
func TestRealWindowWheelOverFields(t *testing.T) {
	dir, board := e2eSample(t)
	d := exportDoc(t, board)
	w := startWindow(t, board, filepath.Join(dir, "home"))
	g, _ := w.geometry()
	ids := inView(g, d)
	if len(ids) < 2 {
		t.Fatalf("%d claims wholly in view", len(ids))
	}
	w.click(w.card(ids[0]))
	w.waitFor("the claim in the inspector", func() bool { g, _ := w.geometry(); return g.Selected == ids[0] })
	top := w.field("statement")
	scrolled := func() bool {
		g, _ := w.geometry()
		r, ok := g.Fields["statement"]
		return !ok || r[1] < top[1]-20
	}
	// The wheel turns over the notes field, a few clicks at a time, until
	// the form moves (or it never does, and the test fails).
	for tries := 0; !scrolled(); tries++ {
		if tries == 10 {
			t.Fatalf("the wheel over the notes did not scroll the inspector: the statement is still at %v", w.field("statement"))
		}
		x, y := centre(w.field("notes"))
		w.xdo("mousemove", "--window", w.wid, x, y)
		w.xdo("click", "--repeat", "3", "--delay", "40", "5")
		time.Sleep(300 * time.Millisecond)
	}
	w.click(w.card(ids[1]))
	w.waitFor("another claim chosen, its inspector at the top", func() bool {
		g, _ := w.geometry()
		r, ok := g.Fields["statement"]
		return g.Selected == ids[1] && ok && r[1] == top[1]
	})
	w.key("ctrl+q")
	w.waitExit()
}

// TestRealWindowPinSelectionByKeys: in a source's text, words selected
// with Shift+arrow pin as a mouse selection does: Ctrl+P opens the pin
// dialog on them, Shift+Enter pins a quote anchored to them.
func TestRealWindowPinSelectionByKeys(t *testing.T) {
	dir, board := e2eSample(t)
	d := exportDoc(t, board)
	// The source gets a text from the command line; the window selects
	// it from the edit history (its card need not be in view for Ctrl+T).
	src, title := d.Sources[0].ID, d.Sources[0].Title
	changes := filepath.Join(dir, "text.json")
	os.WriteFile(changes, []byte(fmt.Sprintf(`[{"op":"update","id":%q,"set":{"text":"Apple denies it. Amazon denies it too."}}]`, src)), 0o644)
	if out, err := exec.Command(binary, "apply", board, changes).CombinedOutput(); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	w := startWindow(t, board, filepath.Join(dir, "home"))
	w.key("ctrl+shift+h")
	hist := w.otherWindow("Edit history")
	w.xdo("mousemove", "--window", hist, "200", "62")
	w.xdo("click", "1")
	w.waitFor("the source selected from the edit history", func() bool { g, _ := w.geometry(); return g.Selected == src })
	w.xdo("windowfocus", "--sync", hist)
	w.key("Escape")
	w.xdo("windowfocus", "--sync", w.wid)
	w.key("ctrl+t")
	text := w.otherWindow(regexp.QuoteMeta(title[:min(20, len(title))]) + ".*source text")
	w.xdo("windowfocus", "--sync", text)
	w.xdo("mousemove", "--window", text, "200", "120")
	w.xdo("click", "1")
	w.key("Home")
	w.key("shift+Right", "shift+Right", "shift+Right", "shift+Right", "shift+Right")
	w.shot("source-selected.png")
	w.key("ctrl+p")
	w.waitFor("the pin dialog on the selected words", func() bool { g, _ := w.geometry(); return g.Dialog })
	w.key("shift+Return")
	w.waitDoc("Shift+Enter to pin the words selected by keys", func(d *app.Document) bool {
		for _, q := range d.Quotes {
			if q.Source == src && q.Anchor != nil && q.Anchor.Exact == "Apple" && q.Text == "Apple" {
				return true
			}
		}
		return false
	})
	w.key("ctrl+q")
	w.waitExit()
}
