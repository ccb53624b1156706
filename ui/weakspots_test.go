package ui

import (
	"strings"
	"testing"

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
