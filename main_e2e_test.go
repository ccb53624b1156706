//go:build e2e

package main

// The end-to-end test drives the real window, through Fyne's GLFW driver,
// with real key and mouse events from xdotool, and checks the board file
// through `evidenceboard export` after each step. It needs an X display
// and xdotool; .ci/run runs it under Xvfb:
//
//	xvfb-run -a -s "-screen 0 1280x800x24" go test -tags e2e -run TestRealWindow -v .
//
// It waits on what the file says, never on fixed sleeps, except for the
// short pauses xdotool's own events need between a press and a move.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"evidenceboard/app"
)

// e2eGeometry is what the window writes to EVB_GEOMETRY_FILE (ui/geometry.go).
type e2eGeometry struct {
	Board    string                `json:"board"`
	Selected string                `json:"selected"`
	Dialog   bool                  `json:"dialog"`
	View     [4]float32            `json:"view"`
	Cards    map[string][4]float32 `json:"cards"`
	Fields   map[string][4]float32 `json:"fields"`
}

type realWindow struct {
	t     *testing.T
	board string
	geo   string
	home  string
	cmd   *exec.Cmd
	wid   string
	log   bytes.Buffer
}

// startWindow starts the window on board, its edits signed "E2E Tester"
// (EVB_AUTHOR), so that it does not ask the person's name.
func startWindow(t *testing.T, board, home string) *realWindow {
	t.Helper()
	return startWindowEnv(t, board, home, "EVB_AUTHOR=E2E Tester")
}

// startWindowEnv starts the window with env added to its environment.
func startWindowEnv(t *testing.T, board, home string, env ...string) *realWindow {
	t.Helper()
	w := &realWindow{t: t, board: board, home: home, geo: filepath.Join(t.TempDir(), "geometry.json")}
	w.cmd = exec.Command(binary, board)
	w.cmd.Env = append(append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"FYNE_SCALE=1", "LANG=en_US.UTF-8", "EVB_GEOMETRY_FILE="+w.geo), env...)
	w.cmd.Stdout, w.cmd.Stderr = &w.log, &w.log
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if w.cmd.ProcessState == nil {
			w.cmd.Process.Kill()
			w.cmd.Wait()
		}
		if t.Failed() {
			t.Logf("the app said:\n%s", w.log.String())
		}
	})
	w.waitFor("the window to show the board", func() bool {
		g, ok := w.geometry()
		return ok && g.Board == board && len(g.Cards) > 0
	})
	out, err := exec.Command("xdotool", "search", "--onlyvisible", "--name", "Evidence Board").Output()
	if err != nil {
		t.Fatalf("xdotool found no window: %v", err)
	}
	w.wid = strings.Fields(string(out))[0]
	w.xdo("windowfocus", "--sync", w.wid)
	return w
}

func (w *realWindow) xdo(args ...string) {
	w.t.Helper()
	if out, err := exec.Command("xdotool", args...).CombinedOutput(); err != nil {
		w.t.Fatalf("xdotool %v: %v\n%s", args, err, out)
	}
}

// key presses keys as a user does: X events, through the GLFW driver.
func (w *realWindow) key(keys ...string) {
	w.t.Helper()
	w.xdo(append([]string{"key", "--clearmodifiers", "--delay", "60"}, keys...)...)
}

func (w *realWindow) typeText(s string) {
	w.t.Helper()
	w.xdo("type", "--delay", "20", s)
}

func (w *realWindow) geometry() (e2eGeometry, bool) {
	var g e2eGeometry
	data, err := os.ReadFile(w.geo)
	if err != nil || json.Unmarshal(data, &g) != nil {
		return g, false
	}
	return g, true
}

// centre is where to click on a card or field, in window pixels.
func centre(r [4]float32) (string, string) {
	return fmt.Sprint(int(r[0] + r[2]/2)), fmt.Sprint(int(r[1] + r[3]/2))
}

func (w *realWindow) click(r [4]float32) {
	w.t.Helper()
	x, y := centre(r)
	w.xdo("mousemove", "--window", w.wid, x, y)
	w.xdo("click", "1")
}

// card waits until the card of id is on screen and returns where.
func (w *realWindow) card(id string) [4]float32 {
	w.t.Helper()
	var r [4]float32
	w.waitFor("the card of "+id+" on screen", func() bool {
		g, ok := w.geometry()
		r, ok = g.Cards[id]
		return ok && r[2] > 20
	})
	return r
}

func (w *realWindow) field(name string) [4]float32 {
	w.t.Helper()
	var r [4]float32
	w.waitFor("the inspector field "+name, func() bool {
		g, _ := w.geometry()
		var ok bool
		r, ok = g.Fields[name]
		return ok
	})
	return r
}

func (w *realWindow) waitFor(what string, cond func() bool) {
	w.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if w.cmd.ProcessState != nil || time.Now().After(deadline) {
			w.t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// exportDoc reads the board file as `evidenceboard export` writes it,
// while the window holds it open.
func exportDoc(t *testing.T, board string) *app.Document {
	t.Helper()
	out, err := exec.Command(binary, "export", "--format", "json", board).Output()
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	doc, _, err := app.ParseDocument(out)
	if err != nil {
		t.Fatalf("export gave a document that does not parse: %v", err)
	}
	return doc
}

// waitDoc waits until the file's board satisfies cond, and returns it.
func (w *realWindow) waitDoc(what string, cond func(d *app.Document) bool) *app.Document {
	w.t.Helper()
	var d *app.Document
	w.waitFor(what, func() bool {
		d = exportDoc(w.t, w.board)
		return cond(d)
	})
	return d
}

func cardAt(d *app.Document, id string) (app.Position, bool) {
	for _, p := range d.Layout {
		if p.Item == id {
			return p, true
		}
	}
	return app.Position{}, false
}

// e2eSample skips unless there is a display and xdotool, and returns a
// test folder holding the sample board.
func e2eSample(t *testing.T) (dir, board string) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		t.Skip("needs an X display: run under xvfb-run")
	}
	if _, err := exec.LookPath("xdotool"); err != nil {
		t.Skip("needs xdotool")
	}
	dir = t.TempDir()
	board = filepath.Join(dir, "sample.evboard")
	if out, err := exec.Command(binary, "sample", board).CombinedOutput(); err != nil {
		t.Fatalf("sample: %v\n%s", err, out)
	}
	return dir, board
}

// inView returns the ids of d's claims whose cards are wholly in view.
func inView(g e2eGeometry, d *app.Document) []string {
	var ids []string
	for _, c := range d.Claims {
		if r, ok := g.Cards[c.ID]; ok && r[2] > 20 && r[0] > g.View[0] && r[1] > g.View[1] &&
			r[0]+r[2] < g.View[0]+g.View[2] && r[1]+r[3] < g.View[1]+g.View[3] {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

func TestRealWindow(t *testing.T) {
	dir, board := e2eSample(t)
	home := filepath.Join(dir, "home")
	start := exportDoc(t, board)
	claims := len(start.Claims)
	w := startWindow(t, board, home)
	nClaims := func(n int) func(d *app.Document) bool {
		return func(d *app.Document) bool { return len(d.Claims) == n }
	}

	// Ctrl+K makes a claim; Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo
	// it, with the keyboard in the new claim's statement field.
	w.key("ctrl+k")
	d := w.waitDoc("Ctrl+K to make a claim", nClaims(claims+1))
	newClaim := d.Claims[len(d.Claims)-1].ID
	w.key("ctrl+z")
	w.waitDoc("Ctrl+Z to undo the new claim", nClaims(claims))
	w.key("ctrl+shift+z")
	w.waitDoc("Ctrl+Shift+Z to redo the new claim", nClaims(claims+1))
	w.key("ctrl+z")
	w.waitDoc("Ctrl+Z to undo it again", nClaims(claims))
	w.key("ctrl+y")
	w.waitDoc("Ctrl+Y to redo it", nClaims(claims+1))

	// Delete asks; Enter answers; Ctrl+Z brings the claim back.
	w.click(w.card(newClaim))
	w.waitFor("the new claim selected", func() bool { g, _ := w.geometry(); return g.Selected == newClaim })
	w.key("Delete")
	w.waitFor("the delete question", func() bool { g, _ := w.geometry(); return g.Dialog })
	w.key("Return")
	w.waitDoc("Delete and Enter to delete the claim", nClaims(claims))
	w.key("ctrl+z")
	w.waitDoc("Ctrl+Z to bring the deleted claim back", nClaims(claims+1))

	// A story rebuilt with its real dates, typed in the inspector. A
	// status change dated before the claim was made (now) is refused in
	// words, and Enter closes the message; the claim is first dated
	// 2018-10-01 (date, Enter), and then the change dated 2018-10-05 (a
	// note, a date, Enter) goes in after it. Ctrl+Z takes it back.
	w.click(w.card(newClaim))
	w.waitFor("the new claim in the inspector", func() bool { g, _ := w.geometry(); return g.Selected == newClaim && !g.Dialog })
	w.click(w.field("status.note"))
	w.typeText("Denied the same day")
	w.click(w.field("status.when"))
	w.key("ctrl+a")
	w.typeText("2018-10-05")
	w.key("Return")
	w.waitFor("the refusal of a change dated before the claim", func() bool { g, _ := w.geometry(); return g.Dialog })
	w.key("Return")
	w.waitFor("Enter to close the refusal", func() bool { g, _ := w.geometry(); return !g.Dialog })
	if c := claimOf(exportDoc(t, board), newClaim); len(c.History) != 1 {
		t.Fatalf("a change dated before the claim existed went in: %+v", c.History)
	}
	w.click(w.field("since.when"))
	w.key("ctrl+a")
	w.typeText("2018-10-01")
	w.key("Return")
	w.waitDoc("Enter in the first-recorded field to date the claim", func(d *app.Document) bool {
		c := claimOf(d, newClaim)
		return len(c.History) == 1 && c.History[0].At.Equal(time.Date(2018, 10, 1, 0, 0, 0, 0, time.UTC))
	})
	w.click(w.field("status.note"))
	w.key("ctrl+a")
	w.typeText("Denied the same day")
	w.click(w.field("status.when"))
	w.key("ctrl+a")
	w.typeText("2018-10-05")
	w.key("Return")
	backdated := func(d *app.Document) bool {
		c := claimOf(d, newClaim)
		return len(c.History) == 2 && c.History[1].Note == "Denied the same day" &&
			c.History[1].At.Equal(time.Date(2018, 10, 5, 0, 0, 0, 0, time.UTC)) && c.Status == app.StatusAlleged
	}
	w.waitDoc("Enter in the date field to record the back-dated change", backdated)
	w.key("ctrl+z")
	w.waitDoc("Ctrl+Z to take the back-dated change back", func(d *app.Document) bool {
		for _, c := range d.Claims {
			if c.ID == newClaim {
				return len(c.History) == 1
			}
		}
		return false
	})

	// A verdict chosen with the mouse and the keys: the wheel scrolls the
	// inspector to the verdict block, a click opens the choice, Down and
	// Enter pick Unproven; a reason, a date and Enter give it.
	// The wheel turns over a button: a text field under the pointer
	// would scroll its own text.
	vg, _ := w.geometry()
	bottom := vg.View[1] + vg.View[3]
	for tries := 0; ; tries++ {
		if r := w.field("verdict.when"); r[1]+r[3] < bottom-10 {
			break
		}
		if tries == 20 {
			t.Fatalf("the wheel did not scroll the inspector to the verdict: its date is at %v, the view ends at %v", w.field("verdict.when"), bottom)
		}
		over := w.field("status.apply")
		if over[1] < vg.View[1]+10 {
			over = w.field("verdict.apply")
		}
		x, y := centre(over)
		w.xdo("mousemove", "--window", w.wid, x, y)
		w.xdo("click", "--repeat", "3", "5")
		time.Sleep(300 * time.Millisecond)
	}
	w.click(w.field("verdict.select"))
	w.key("Down", "Down", "Down", "Down", "Return")
	w.click(w.field("verdict.note"))
	w.typeText("Nothing on the record")
	w.click(w.field("verdict.when"))
	w.key("ctrl+a")
	w.typeText("2018-10-08")
	w.key("Return")
	w.waitDoc("the verdict given in the inspector", func(d *app.Document) bool {
		for _, c := range d.Claims {
			if c.ID == newClaim {
				v := c.Verdict
				return v != nil && v.Label == "Unproven" && v.Note == "Nothing on the record" && v.At.Equal(time.Date(2018, 10, 8, 0, 0, 0, 0, time.UTC))
			}
		}
		return false
	})

	// Drag a card; Ctrl+Z puts it back.
	g, _ := w.geometry()
	dragged := ""
	// A card wholly in view, clear of the legend at the view's foot.
	v := g.View
	for _, k := range []app.Kind{app.KindSource, app.KindParty, app.KindQuote} {
		for id, r := range g.Cards {
			if dragged == "" && id != newClaim && r[2] > 20 && idKind(start, id) == k &&
				r[0] >= v[0] && r[1] >= v[1] && r[0]+r[2] <= v[0]+v[2]-120 && r[1]+r[3] <= v[1]+v[3]-120 {
				dragged = id
			}
		}
	}
	if dragged == "" {
		t.Fatal("no card is wholly on screen to drag")
	}
	was, _ := cardAt(exportDoc(t, board), dragged)
	r := w.card(dragged)
	x, y := centre(r)
	w.xdo("mousemove", "--window", w.wid, x, y)
	w.xdo("mousedown", "1")
	for i := 1; i <= 6; i++ {
		w.xdo("mousemove_relative", "--", "15", "8")
	}
	w.xdo("mouseup", "1")
	w.waitDoc("a drag to move the card", func(d *app.Document) bool {
		p, ok := cardAt(d, dragged)
		return ok && p.X > was.X+20 && p.Y > was.Y+10
	})
	w.key("ctrl+z")
	w.waitDoc("Ctrl+Z to put the card back", func(d *app.Document) bool {
		p, _ := cardAt(d, dragged)
		return p.X == was.X && p.Y == was.Y
	})

	// Ctrl+P pins a quote: the words, then Shift+Enter.
	const words = "Typed through the real window"
	w.key("ctrl+p")
	w.waitFor("the pin dialog", func() bool { g, _ := w.geometry(); return g.Dialog })
	w.typeText(words)
	w.key("shift+Return")
	d = w.waitDoc("Ctrl+P to pin the quote", func(d *app.Document) bool {
		return len(d.Quotes) == len(start.Quotes)+1 && d.Quotes[len(d.Quotes)-1].Text == words
	})
	quote := d.Quotes[len(d.Quotes)-1].ID

	// Type into two inspector fields quickly and quit at once: both reach
	// the file.
	w.waitFor("the new quote in the inspector", func() bool { g, _ := w.geometry(); return g.Selected == quote && !g.Dialog })
	w.click(w.field("location"))
	w.typeText("p. 4")
	w.click(w.field("notes"))
	w.typeText("typed fast")
	w.key("ctrl+q")
	w.waitExit()
	left := exportDoc(t, board)
	q := left.Quotes[len(left.Quotes)-1]
	if q.Location != "p. 4" || q.Notes != "typed fast" {
		t.Fatalf("typing lost: location %q, notes %q", q.Location, q.Notes)
	}

	// Reopen: everything as left, and Ctrl+Z still undoes the last edit.
	w = startWindow(t, board, home)
	if got := exportDoc(t, board); !reflect.DeepEqual(got, left) {
		t.Fatal("reopening changed the board")
	}
	w.key("ctrl+z")
	w.waitDoc("Ctrl+Z after reopening to undo the notes", func(d *app.Document) bool {
		return d.Quotes[len(d.Quotes)-1].Notes == ""
	})
	w.key("ctrl+q")
	w.waitExit()
}

// claimOf returns the claim id of d, or an empty one.
func claimOf(d *app.Document, id string) app.Claim {
	for _, c := range d.Claims {
		if c.ID == id {
			return c
		}
	}
	return app.Claim{}
}

// idKind returns the kind of the item id in d.
func idKind(d *app.Document, id string) app.Kind {
	for _, s := range d.Sources {
		if s.ID == id {
			return app.KindSource
		}
	}
	for _, p := range d.Parties {
		if p.ID == id {
			return app.KindParty
		}
	}
	for _, q := range d.Quotes {
		if q.ID == id {
			return app.KindQuote
		}
	}
	return app.KindClaim
}

// waitExit waits for the app to quit, at most 20 s; an app that hangs is
// made to print where each goroutine is (SIGQUIT) and fails the test.
func (w *realWindow) waitExit() {
	w.t.Helper()
	done := make(chan error, 1)
	go func() { done <- w.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			w.t.Fatalf("the app did not quit cleanly: %v", err)
		}
	case <-time.After(20 * time.Second):
		w.cmd.Process.Signal(syscall.SIGQUIT)
		<-done
		w.t.Fatal("the app did not quit within 20 s of Ctrl+Q")
	}
}
