package storage

import (
	"context"
	"testing"

	"evidenceboard/app"
)

// TestUndo_EveryEdit undoes a run of edits of every sort one by one, checks
// the board is back as it was after each, then redoes them all.
func TestUndo_EveryEdit(t *testing.T) {
	ctx := context.Background()
	db := MustSampleDB(t)
	if u, r, _ := db.UndoState(ctx); u != "" || r != "" {
		t.Fatalf("a fresh import can be undone: %q %q", u, r)
	}
	snap := func() *app.Document {
		doc, err := db.Export(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	var states []*app.Document
	edits := []struct {
		label string
		do    func() error
	}{
		{"New source", func() error {
			return db.CreateSource(ctx, &app.Source{ID: "src", Title: "Pasted", Text: "They said no."})
		}},
		{"New claim", func() error {
			return db.CreateClaim(ctx, &app.Claim{ID: "cl", Statement: "It happened", Status: app.StatusAlleged})
		}},
		{"New quote", func() error {
			return db.CreateQuote(ctx, &app.Quote{ID: "qq", Text: "no", Source: "src", Anchor: &app.Anchor{Exact: "no", Start: 10, End: 12}})
		}},
		{"New link", func() error { return db.CreateLink(ctx, &app.Link{From: "qq", To: "cl", Relation: app.RelDenies}) }},
		{"Change claim status", func() error { _, err := db.SetClaimStatus(ctx, "cl", app.StatusDenied, "a note"); return err }},
		{"Move card", func() error { return db.MoveCard(ctx, "cl", 10, 20) }},
		{"Move card", func() error { return db.MoveCard(ctx, "apple", 999, 20) }},
		{"Edit quote", func() error { _, err := db.UpdateQuote(ctx, "qq", app.QuoteUpdate{Location: ptr("p. 2")}); return err }},
		{"Delete party", func() error { return db.DeleteParty(ctx, "apple") }},
		{"Delete source", func() error { return db.DeleteSource(ctx, "src") }},
		{"Edit board", func() error { _, err := db.UpdateBoard(ctx, app.BoardUpdate{Title: ptr("Renamed")}); return err }},
	}
	for _, e := range edits {
		states = append(states, snap())
		if err := e.do(); err != nil {
			t.Fatalf("%s: %v", e.label, err)
		}
	}
	final := snap()
	for i := len(edits) - 1; i >= 0; i-- {
		label, err := db.Undo(ctx)
		if err != nil || label != edits[i].label {
			t.Fatalf("undo %d = %q, %v; want %q", i, label, err, edits[i].label)
		}
		if !sameJSON(t, snap(), states[i]) {
			t.Fatalf("after undoing %q the board is not as it was", edits[i].label)
		}
		if problems, err := db.Check(ctx); err != nil || len(problems) > 0 {
			t.Fatalf("after undoing %q: %v %v", edits[i].label, problems, err)
		}
	}
	_, err := db.Undo(ctx)
	wantCode(t, err, app.ENOTFOUND, "nothing to undo")

	// Redo survives closing and opening the file.
	db.Close()
	db2, err := Open(db.Path(), Options{Now: newClock().now})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	db = db2
	for i := range edits {
		if label, err := db.Redo(ctx); err != nil || label != edits[i].label {
			t.Fatalf("redo %d = %q, %v", i, label, err)
		}
	}
	if !sameJSON(t, snap(), final) {
		t.Fatal("after redoing everything the board is not as it was")
	}
	_, err = db.Redo(ctx)
	wantCode(t, err, app.ENOTFOUND, "nothing to redo")
}

func TestUndo_NewEditForgetsRedo(t *testing.T) {
	ctx := context.Background()
	db := MustSampleDB(t)
	db.MoveCard(ctx, "apple", 1, 1)
	db.Undo(ctx)
	if _, redo, _ := db.UndoState(ctx); redo != "Move card" {
		t.Fatalf("redo = %q", redo)
	}
	db.MoveCard(ctx, "apple", 2, 2)
	if undo, redo, _ := db.UndoState(ctx); undo != "Move card" || redo != "" {
		t.Fatalf("undo %q redo %q", undo, redo)
	}
}

func TestUndo_GroupEdits(t *testing.T) {
	ctx := context.Background()
	db := MustSampleDB(t)
	before, _ := db.Export(ctx)
	db.CreateClaim(ctx, &app.Claim{ID: "g1", Statement: "x", Status: app.StatusAlleged})
	db.CreateQuote(ctx, &app.Quote{ID: "g2", Text: "y"})
	db.CreateLink(ctx, &app.Link{From: "g2", To: "g1", Relation: app.RelSupports})
	if err := db.GroupEdits(ctx, 3, "Pin quote"); err != nil {
		t.Fatal(err)
	}
	if label, err := db.Undo(ctx); err != nil || label != "Pin quote" {
		t.Fatalf("undo = %q, %v", label, err)
	}
	after, _ := db.Export(ctx)
	if !sameJSON(t, after, before) {
		t.Fatal("one undo did not revert the group")
	}
	wantCode(t, db.GroupEdits(ctx, 5, "x"), app.EINVALID, "only")
}

// TestUndo_LimitForgetsOldest: past maxUndoSteps the oldest steps go, with
// their log, so an edit's cost does not grow with the board's age.
func TestUndo_LimitForgetsOldest(t *testing.T) {
	ctx := context.Background()
	db := MustSampleDB(t)
	defer func(n int) { maxUndoSteps = n }(maxUndoSteps)
	maxUndoSteps = 5
	for i := 0; i < 12; i++ {
		if err := db.MoveCard(ctx, "apple", float64(i), 0); err != nil {
			t.Fatal(err)
		}
	}
	var steps, entries int
	db.gdb.Raw("SELECT count(*) FROM undo_steps").Scan(&steps)
	db.gdb.Raw("SELECT count(*) FROM undo_log").Scan(&entries)
	if steps != 5 {
		t.Fatalf("%d undo steps kept, want 5", steps)
	}
	if entries != 5*2 { // a move logs the layout row and the board's updated time
		t.Fatalf("%d log entries for 5 steps", entries)
	}
	for i := 0; i < 5; i++ {
		if _, err := db.Undo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	wantCode(t, func() error { _, err := db.Undo(ctx); return err }(), app.ENOTFOUND, "nothing to undo")
	pos, _ := db.Positions(ctx)
	for _, p := range pos {
		if p.Item == "apple" && p.X != 6 {
			t.Fatalf("after undoing the 5 kept steps apple is at %v, want 6", p.X)
		}
	}
}
