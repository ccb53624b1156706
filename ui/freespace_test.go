package ui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2/test"
)

// overlapping returns a card that the card of id overlaps, or "".
func overlapping(w *boardWindow, id string) string {
	p, s := w.model.rect(id)
	for other := range w.model.kind {
		if other == id {
			continue
		}
		q, qs := w.model.rect(other)
		if p.X < q.X+qs.Width && q.X < p.X+s.Width && p.Y < q.Y+qs.Height && q.Y < p.Y+s.Height {
			return other
		}
	}
	return ""
}

// New cards go into free space, never on top of another card: five new
// claims in a row, and a pin with a new speaker and a new source.
func TestFreeSpace_NewCardsNeverOverlap(t *testing.T) {
	w, _ := openTestWindow(t)
	for i := 0; i < 5; i++ {
		w.newClaim()
		if o := overlapping(w, w.board.selected); o != "" {
			t.Fatalf("new claim %d lies on %s", i, o)
		}
	}
	p := w.showPinDialog(pinDraft{})
	test.Type(p.text, "Words pinned next to their claim.")
	p.speaker.SetText("A brand new speaker")
	p.source.SetText("A brand new source")
	p.setRelation("c-pla-chips", "denies")
	test.Tap(p.pinButton)
	q := w.board.selected
	for _, id := range []string{q, w.model.quotes[q].Speaker, w.model.quotes[q].Source} {
		if id == "" {
			t.Fatal("the pin made no speaker or source")
		}
		if o := overlapping(w, id); o != "" {
			t.Fatalf("the pinned %s lies on %s", id, o)
		}
	}
}

// A card stored on top of another is shown clear of it, and nothing is
// written for it.
func TestFreeSpace_StackedCardsShownApart(t *testing.T) {
	doc := sampleDoc(t)
	first := doc.Layout[0]
	for i := 1; i < 4; i++ { // three more cards stored exactly on the first
		doc.Layout[i].X, doc.Layout[i].Y = first.X, first.Y
	}
	before := cloneDoc(doc)
	m := newBoardModel(doc)
	m.unstack()
	w := &boardWindow{session: session{model: m}}
	for i := 0; i < 4; i++ {
		if o := overlapping(w, doc.Layout[i].Item); o != "" {
			t.Fatalf("%s is shown on top of %s", doc.Layout[i].Item, o)
		}
	}
	if m.pos[first.Item].X != float32(first.X) || m.pos[first.Item].Y != float32(first.Y) {
		t.Fatal("the first card stored there was moved too")
	}
	if !reflect.DeepEqual(doc, before) {
		t.Fatal("showing the board changed its document")
	}
}

// Board ▸ Arrange lays every card out with none on another, as one undo
// step, off the window's goroutine (app/arrange.Board, as the command
// line's arrange).
func TestWindow_Arrange(t *testing.T) {
	w, f := openTestWindow(t)
	l := newUILoop(t)
	before := cloneDoc(f.doc)
	steps := len(f.undo)
	w.arrangeBoard()
	l.until("the arrange to finish", func() bool { _, busy := jobs.Load(w); return !busy })
	if len(f.undo) != steps+1 || f.undo[len(f.undo)-1].label != "Arrange board" {
		t.Fatalf("%d undo steps after Arrange, want one named Arrange board", len(f.undo)-steps)
	}
	if len(f.doc.Layout) != len(w.model.kind) {
		t.Fatalf("%d cards stored after Arrange, want all %d", len(f.doc.Layout), len(w.model.kind))
	}
	for id := range w.model.kind {
		if o := overlapping(w, id); o != "" {
			t.Fatalf("after Arrange %s lies on %s", id, o)
		}
	}
	modelMatchesFile(t, w, f)
	w.undo()
	if !reflect.DeepEqual(f.doc.Layout, before.Layout) {
		t.Fatal("one undo did not give back the layout as it was")
	}
}
