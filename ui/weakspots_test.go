package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// The weak-spots panel lists the board's findings; choosing one selects
// the item it is about and says it in full; an edit that mends a weak spot
// takes it off the list.
func TestWeakSpots_ListChooseAndMend(t *testing.T) {
	w, _ := openTestWindow(t)
	want := app.Review(w.model.doc)
	if len(w.weak.findings) != len(want) || len(want) == 0 {
		t.Fatalf("%d findings listed, review finds %d", len(w.weak.findings), len(want))
	}
	w.weak.list.Select(0)
	f := w.weak.findings[0]
	if w.board.selected != f.Item || !strings.Contains(w.status.Text, f.Message) {
		t.Fatalf("choosing %q selected %q, status %q", f.Message, w.board.selected, w.status.Text)
	}
	// An edit that makes a weak spot adds it; its undo takes it off.
	q := w.model.doc.Quotes[0].ID
	if w.model.quotes[q].Said == "" {
		t.Fatal("the sample's first quote has no date")
	}
	before := len(w.weak.findings)
	if err := w.updateQuote(q, app.QuoteUpdate{Said: ptrTo("")}); err != nil {
		t.Fatal(err)
	}
	if len(w.weak.findings) != before+1 {
		t.Fatalf("undating a quote left %d findings, want %d", len(w.weak.findings), before+1)
	}
	w.undo()
	if len(w.weak.findings) != before {
		t.Fatalf("after the undo %d findings, want %d", len(w.weak.findings), before)
	}
}

// The stance grid has a row per party that meets a claim and a column per
// claim met; a cell says the party's stance, and choosing it selects the
// quote behind it.
func TestStanceGrid_ShowsAndJumps(t *testing.T) {
	w, _ := openTestWindow(t)
	w.showStanceGrid()
	g := w.lastStance
	t.Cleanup(func() { g.win.Close() })
	cells := app.Stance(w.model.doc)
	if len(cells) == 0 || len(g.parties) == 0 || len(g.claims) == 0 {
		t.Fatal("the sample's stance grid is empty")
	}
	var c app.StanceCell
	for _, x := range cells {
		if x.Stance == app.StanceDenies && len(x.Quotes) > 0 {
			c = x
			break
		}
	}
	if c.Party == "" {
		t.Fatal("no party denies a claim on the sample")
	}
	row, col := -1, -1
	for i, p := range g.parties {
		if p == c.Party {
			row = i
		}
	}
	for i, id := range g.claims {
		if id == c.Claim {
			col = i
		}
	}
	if got := g.cellText(c.Party, c.Claim); !strings.HasPrefix(got, app.StanceDenies) {
		t.Fatalf("cell %s × %s says %q", c.Party, c.Claim, got)
	}
	g.table.Select(widget.TableCellID{Row: row, Col: col})
	if w.board.selected != c.Quotes[0] {
		t.Fatalf("choosing the cell selected %q, want the quote %s", w.board.selected, c.Quotes[0])
	}
}

// On a big board the review runs aside: an edit returns before it, the
// list says it is updating, and the findings that land are those of the
// board after the edit (dating a quote mends one); of two edits in a row only the last review lands.
func TestWeakSpots_BigBoardReviewsAside(t *testing.T) {
	loop := newUILoop(t)
	a := test.NewTempApp(t)
	f := newMemFile(proseBoard(3000, 300))
	w := newBoardWindow(a, memFiles{f})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(f.path)
	t.Cleanup(func() { w.win.Close() })
	loop.until("the first review", func() bool { return !strings.Contains(w.weak.title.Text, "updating") })
	before := len(w.weak.findings)
	if want := len(app.Review(w.model.doc)); before != want {
		t.Fatalf("%d findings listed, review finds %d", before, want)
	}
	q := w.model.doc.Quotes[0].ID // undated, as all of this board's are
	if err := w.updateQuote(q, app.QuoteUpdate{Said: ptrTo("2018-10-04")}); err != nil {
		t.Fatal(err)
	}
	if err := w.updateQuote(q, app.QuoteUpdate{Location: ptrTo("page 2")}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(w.weak.title.Text, "updating") {
		t.Fatalf("title %q during the review aside", w.weak.title.Text)
	}
	w.weak.review.pending.Wait()
	loop.until("the last review", func() bool { return !strings.Contains(w.weak.title.Text, "updating") })
	if got := len(w.weak.findings); got != before-1 {
		t.Fatalf("after dating a quote %d findings, want %d", got, before-1)
	}
	if want := app.Review(w.model.doc); len(want) != len(w.weak.findings) {
		t.Fatalf("%d findings listed, review of the board now finds %d", len(w.weak.findings), len(want))
	}
}

// BenchmarkWeakSpotsShow measures what an edit costs the window's
// goroutine for the weak spots on the 10,000-quote board: "aside" is what
// show holds it up (a copy of the arrays), "review" the review itself,
// which show used to run there.
func BenchmarkWeakSpotsShow(b *testing.B) {
	m := newBoardModel(proseBoard(10000, 2000))
	b.Run("aside", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = snapshot(m.doc)
		}
	})
	b.Run("review", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = app.Review(m.doc)
		}
	})
}
