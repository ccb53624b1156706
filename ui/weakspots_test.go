package ui

import (
	"strings"
	"testing"

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
