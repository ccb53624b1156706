package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// header returns the heading the table shows for id, or nil.
func (g *evidenceMatrix) header(id widget.TableCellID) *mxHeader {
	for h := range g.headers {
		if h.id == id && h.Visible() {
			return h
		}
	}
	return nil
}

// ready runs the window's functions until the latest matrix asked for is
// shown.
func (g *evidenceMatrix) ready(l *uiLoop) {
	l.t.Helper()
	l.until("the evidence matrix", func() bool { return g.shown == g.work.gen })
}

func (g *evidenceMatrix) rowOf(quote string) int {
	for i, q := range g.m.Quotes {
		if q.Quote == quote {
			return i
		}
	}
	return -1
}

// colOf returns the column of the claim.
func (g *evidenceMatrix) colOf(claim string) int {
	for col := range g.m.Claims {
		if g.m.Claims[g.col(col)].Claim == claim {
			return col
		}
	}
	return -1
}

// The evidence matrix has a row per quote tied to a claim, most
// diagnostic first, and a column per claim; a cell says what the quote
// does to the claim, and choosing a cell, a quote or a claim selects it on
// the board and says its figures; thin claims are marked; an edit to the
// board shows at once.
func TestEvidenceMatrix_ShowsAndJumps(t *testing.T) {
	w, _ := openUnjudgedWindow(t) // the weights below are of ungraded quotes
	loop := newUILoop(t)
	w.showEvidenceMatrix()
	g := w.lastMatrix
	t.Cleanup(func() { g.wait(); g.win.Close() }) // no work left to reach a later test
	g.ready(loop)
	want := app.EvidenceMatrix(w.model.doc)
	if rows, cols := g.table.Length(); rows != len(want.Quotes) || cols != len(w.model.doc.Claims) || rows == 0 {
		t.Fatalf("%d rows × %d columns, want %d × %d", rows, cols, len(want.Quotes), len(w.model.doc.Claims))
	}
	for i := range want.Quotes {
		if g.m.Quotes[i].Quote != want.Quotes[i].Quote {
			t.Fatalf("row %d is %s, want %s", i, g.m.Quotes[i].Quote, want.Quotes[i].Quote)
		}
	}

	// A cell: Apple denies finding the chips.
	r, c := g.rowOf("q-apple-never"), g.colOf("c-apple-found-2015")
	if cell, ok := g.cellAt(r, c); !ok || cell.Sign() != "−" {
		t.Fatalf("Apple's denial × the 2015 find: %+v %v", cell, ok)
	}
	if cell, ok := g.cellAt(r, g.colOf("c-pla-chips")); ok || cell.Value != app.Neutral {
		t.Fatalf("Apple's denial × the PLA claim: %+v %v", cell, ok)
	}
	g.table.Select(widget.TableCellID{Row: r, Col: c})
	if w.board.selected != "q-apple-never" || !strings.Contains(g.detail.Text, "denies the claim “Apple found malicious chips") {
		t.Fatalf("choosing the cell selected %q and says %q", w.board.selected, g.detail.Text)
	}

	// The columns go by rank, #1 first; the first heading, tapped,
	// selects its claim.
	for col := 0; col < len(g.m.Claims); col++ {
		if h := g.header(widget.TableCellID{Row: -1, Col: col}); h != nil && !strings.HasPrefix(strings.Join(h.lines(), " | "), fmt.Sprintf("#%d · ", col+1)) {
			t.Errorf("column %d is headed %q", col, h.lines()[0])
		}
	}
	h := g.header(widget.TableCellID{Row: -1, Col: 0})
	if h == nil {
		t.Fatal("no heading for the first claim on screen")
	}
	first := g.m.Claims[g.col(0)]
	test.Tap(h)
	if w.board.selected != first.Claim || !strings.Contains(g.detail.Text, "it ranks 1 of") {
		t.Fatalf("tapping the heading selected %q and says %q", w.board.selected, g.detail.Text)
	}
	// A thin claim is marked, and its thinness said in words when chosen.
	door := g.colOf("c-stealth-doorway")
	h = g.header(widget.TableCellID{Row: -1, Col: door})
	if h == nil || !strings.Contains(strings.Join(h.lines(), " | "), "THIN: one quote") {
		t.Fatalf("the doorway claim's heading: %v", h.lines())
	}
	test.Tap(h)
	if !strings.Contains(g.detail.Text, "Thin: It rests on one quote") {
		t.Errorf("the doorway claim says %q", g.detail.Text)
	}
	// A quote's heading selects the quote.
	h = g.header(widget.TableCellID{Row: 0, Col: -1})
	if h == nil {
		t.Fatal("no heading for the first quote")
	}
	test.Tap(h)
	if w.board.selected != g.m.Quotes[0].Quote || !strings.Contains(g.detail.Text, "diagnosticity 0.25") {
		t.Fatalf("tapping the quote's heading selected %q and says %q", w.board.selected, g.detail.Text)
	}

	// Grading the doorway quote confirmed makes it weigh 1; the undo
	// puts it back.
	if err := w.updateQuote("q-doorway", app.QuoteUpdate{Credibility: ptrTo(1)}); err != nil {
		t.Fatal(err)
	}
	g.ready(loop)
	door = g.colOf("c-stealth-doorway") // its rank, and so its column, may have moved
	if got := g.m.Claims[g.col(door)]; got.For != 1 || len(got.Thin) != 1 {
		t.Errorf("after grading, the doorway claim: %+v", got)
	}
	if r := g.rowOf("q-doorway"); r != 0 || g.m.Quotes[r].Weight != 1 {
		t.Errorf("the graded quote is row %d", r)
	}
	h = g.header(widget.TableCellID{Row: -1, Col: door})
	if h == nil || !strings.Contains(strings.Join(h.lines(), " | "), "for 1") {
		t.Errorf("the heading after grading: %v", h.lines())
	}
	w.undo()
	g.ready(loop)
	door = g.colOf("c-stealth-doorway")
	if got := g.m.Claims[g.col(door)]; got.For != 0.5 {
		t.Errorf("after the undo, the doorway claim: %+v", got)
	}
	// Opening it again shows the same window.
	w.showEvidenceMatrix()
	if w.lastMatrix != g {
		t.Error("a second matrix window")
	}
	g.ready(loop)
}

// On a big board the table builds only what is on screen.
func TestEvidenceMatrix_BuildsOnlyWhatIsOnScreen(t *testing.T) {
	a := test.NewTempApp(t)
	f := newMemFile(gridBoard(3000))
	w := newBoardWindow(a, memFiles{f})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(f.path)
	t.Cleanup(func() { w.win.Close() })
	loop := newUILoop(t)
	w.showEvidenceMatrix()
	g := w.lastMatrix
	t.Cleanup(func() { g.wait(); g.win.Close() }) // no work left to reach a later test
	if g.shown == g.work.gen {
		t.Error("the matrix was worked out on the window's goroutine")
	}
	g.ready(loop)
	rows, cols := g.table.Length()
	if rows != 2000 || cols != 1000 {
		t.Fatalf("%d × %d", rows, cols)
	}
	if g.cells > 400 || len(g.headers) > 100 {
		t.Errorf("%d cells and %d headings built for a grid of %d × %d", g.cells, len(g.headers), rows, cols)
	}
	t.Logf("%d cells and %d headings built for %d × %d", g.cells, len(g.headers), rows, cols)
	g.table.ScrollTo(widget.TableCellID{Row: 1500, Col: 900})
	if g.header(widget.TableCellID{Row: 1500, Col: -1}) == nil {
		t.Error("no heading for row 1500 after scrolling to it")
	}
	if g.cells > 400 || len(g.headers) > 100 {
		t.Errorf("after scrolling, %d cells and %d headings built", g.cells, len(g.headers))
	}
}

// BenchmarkEvidenceMatrixOpen measures View ▸ Evidence Matrix on a board of
// 10,000 quotes and 5,000 claims: "shown" from the menu to the grid filled
// in (working the matrix out, building the window, laying out the grid's
// first screen); "window" the part of it on the window's goroutine, which
// the window cannot answer the user during.
func BenchmarkEvidenceMatrixOpen(b *testing.B) {
	a := test.NewTempApp(b)
	f := newMemFile(gridBoard(15000))
	w := newBoardWindow(a, memFiles{f})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(f.path)
	for _, part := range []string{"shown", "window"} {
		b.Run(part, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				w.showEvidenceMatrix()
				if part == "window" {
					b.StopTimer()
				}
				w.lastMatrix.wait()
				b.StopTimer()
				w.lastMatrix.win.Close()
				w.lastMatrix = nil
				b.StartTimer()
			}
		})
	}
}

// BenchmarkEvidenceMatrixRefresh measures what an edit costs while the
// matrix is open on that board.
func BenchmarkEvidenceMatrixRefresh(b *testing.B) {
	a := test.NewTempApp(b)
	f := newMemFile(gridBoard(15000))
	w := newBoardWindow(a, memFiles{f})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(f.path)
	w.showEvidenceMatrix()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w.lastMatrix.refresh()
		w.lastMatrix.wait()
	}
}

// A click on a cell keeps the grid where it is: it selects the cell's
// quote and outlines the cell, and does not scroll the grid sideways.
func TestEvidenceMatrix_ClickKeepsTheGridStill(t *testing.T) {
	w, _ := openUnjudgedWindow(t)
	loop := newUILoop(t)
	w.showEvidenceMatrix()
	g := w.lastMatrix
	t.Cleanup(func() { g.wait(); g.win.Close() })
	g.ready(loop)
	g.table.ScrollToOffset(fyne.NewPos(150, 0))
	// The rightmost cell of row 1 on screen: the table's own selection
	// scrolled such a cell a heading column's width too far.
	var cell *mxCell
	for _, o := range objects(g.win.Content()) {
		if c, ok := o.(*mxCell); ok && c.Visible() && c.id.Row == 1 && (cell == nil || c.id.Col > cell.id.Col) {
			cell = c
		}
	}
	if cell == nil {
		t.Fatal("no cell of row 1 on screen")
	}
	col := cell.id.Col
	at := func() fyne.Position { return fyne.CurrentApp().Driver().AbsolutePositionForObject(cell) }
	before := at()
	test.Tap(cell)
	if cell.id.Col != col || at() != before {
		t.Fatalf("a click moved the grid: the cell went from %v to %v", before, at())
	}
	if w.board.selected != g.m.Quotes[1].Quote || g.chosen != cell.id {
		t.Fatalf("the click selected %q, chose %v", w.board.selected, g.chosen)
	}
}
