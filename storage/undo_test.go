package storage

import (
	"context"
	"encoding/json"
	"errors"
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
			return db.CreateSource(ctx, &app.Source{ID: "src", Title: "Pasted", Text: "They said no."}, nil)
		}},
		{"New claim", func() error {
			return db.CreateClaim(ctx, &app.Claim{ID: "cl", Statement: "It happened", Status: app.StatusAlleged}, nil)
		}},
		{"New quote", func() error {
			return db.CreateQuote(ctx, &app.Quote{ID: "qq", Text: "no", Source: "src", Anchor: &app.Anchor{Exact: "no", Start: 10, End: 12}}, nil)
		}},
		{"New link", func() error { return db.CreateLink(ctx, &app.Link{From: "qq", To: "cl", Relation: app.RelDenies}) }},
		{"Change claim status", func() error {
			_, err := db.SetClaimStatus(ctx, "cl", app.StatusChange{Status: app.StatusDenied, Note: "a note"})
			return err
		}},
		{"Give verdict", func() error {
			_, err := db.SetClaimVerdict(ctx, "cl", &app.Verdict{Label: "True", Note: "a note"})
			return err
		}},
		{"Move card", func() error { return db.MoveCard(ctx, "cl", 10, 20) }},
		{"Move card", func() error { return db.MoveCard(ctx, "apple", 999, 20) }},
		{"Edit quote", func() error { _, err := db.UpdateQuote(ctx, "qq", app.QuoteUpdate{Location: ptr("p. 2")}); return err }},
		{"Delete party", func() error { return db.DeleteParty(ctx, "apple") }},
		{"Delete source", func() error { return db.DeleteSource(ctx, "src") }},
		{"Edit board", func() error { _, err := db.UpdateBoard(ctx, app.BoardUpdate{Title: ptr("Renamed")}); return err }},
		{"Change rating scale", func() error {
			_, err := db.UpdateBoard(ctx, app.BoardUpdate{Scale: &[]app.ScaleStep{{Label: "False", Value: 0}, {Label: "Unproven", Value: 1}, {Label: "True", Value: 2}}})
			return err
		}},
	}
	for _, e := range edits {
		states = append(states, snap())
		if err := e.do(); err != nil {
			t.Fatalf("%s: %v", e.label, err)
		}
	}
	final := snap()
	for i := len(edits) - 1; i >= 0; i-- {
		ch, err := db.Undo(ctx)
		label := ch.Label
		if err != nil || label != edits[i].label {
			t.Fatalf("undo %d = %q, %v; want %q", i, label, err, edits[i].label)
		}
		if !sameJSON(t, snap(), states[i]) {
			t.Fatalf("after undoing %q the board is not as it was", edits[i].label)
		}
		was := final
		if i+1 < len(edits) {
			was = states[i+1]
		}
		wantChanges(t, ch, was, states[i])
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
		ch, err := db.Redo(ctx)
		if err != nil || ch.Label != edits[i].label {
			t.Fatalf("redo %d = %q, %v", i, ch.Label, err)
		}
		next := final
		if i+1 < len(edits) {
			next = states[i+1]
		}
		wantChanges(t, ch, states[i], next)
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

// TestUndo_LimitForgetsOldest: past maxSteps the oldest steps go, with
// their index, so the file does not grow with the board's age.
func TestUndo_LimitForgetsOldest(t *testing.T) {
	ctx := context.Background()
	db := MustSampleDB(t)
	defer func(n int64) { maxSteps = n }(maxSteps)
	maxSteps = 5
	for i := 0; i < 12; i++ {
		if err := db.MoveCard(ctx, "apple", float64(i), 0); err != nil {
			t.Fatal(err)
		}
	}
	var steps, entries int
	db.gdb.Raw("SELECT count(*) FROM change_steps").Scan(&steps)
	db.gdb.Raw("SELECT count(*) FROM change_items").Scan(&entries)
	if steps != 5 {
		t.Fatalf("%d steps kept, want 5", steps)
	}
	if entries != 5 { // a move names one item
		t.Fatalf("%d index entries for 5 steps", entries)
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

// wantChanges checks that ch names every item that differs between the
// boards before and after (its fields, links, history or position), says
// whether the board's record changed, and gives the positions after.
func wantChanges(t *testing.T, ch app.Changes, before, after *app.Document) {
	t.Helper()
	items := func(d *app.Document) map[string]string {
		out := map[string]string{}
		add := func(id string, v any) {
			b, _ := json.Marshal(v)
			out[id] += string(b)
		}
		for _, v := range d.Sources {
			add(v.ID, v)
		}
		for _, v := range d.Parties {
			add(v.ID, v)
		}
		for _, v := range d.Claims {
			add(v.ID, v)
		}
		for _, v := range d.Quotes {
			add(v.ID, v)
		}
		for _, l := range d.Links {
			add(l.From, l)
			add(l.To, l)
		}
		for _, p := range d.Layout {
			add(p.Item, p)
		}
		return out
	}
	a, b := items(before), items(after)
	named := map[string]app.Kind{}
	for _, ik := range ch.Items {
		named[ik.ID] = ik.Kind
	}
	for id := range b {
		if a[id] != b[id] {
			if _, ok := named[id]; !ok {
				t.Fatalf("%q: %s changed but is not among %v", ch.Label, id, ch.Items)
			}
		}
	}
	for id := range a {
		if _, still := b[id]; !still {
			if k, ok := named[id]; !ok || k != "" {
				t.Fatalf("%q: %s is gone but changes say %v", ch.Label, id, ch.Items)
			}
		}
	}
	if bb, ab, _ := jsonOf(before.Board), jsonOf(after.Board), 0; bb != ab && !ch.Board {
		t.Fatalf("%q: the board's record changed but changes do not say so", ch.Label)
	}
	at := map[string]app.Position{}
	for _, p := range after.Layout {
		at[p.Item] = p
	}
	for _, p := range ch.Positions {
		if at[p.Item] != p {
			t.Fatalf("%q: position %v, the board has %v", ch.Label, p, at[p.Item])
		}
	}
}

// A change log is part of the file, so it may come from anyone: a step
// naming a table or a column the board does not have is refused as damage,
// and nothing of it runs.
func TestUndo_RefusesForeignLog(t *testing.T) {
	ctx := context.Background()
	for _, changes := range []string{
		`[{"t":"sqlite_master","op":"d","k":{"name":"items"}}]`,
		`[{"t":"layout","op":"u","k":{"item":"apple"},"o":{"x = 1; DROP TABLE items; --":1},"n":{"x":2}}]`,
		`[{"t":"layout","op":"u","k":{"item":"apple"},"o":{"nosuch":1},"n":{"nosuch":2}}]`,
		`[{"t":"layout","op":"x","k":{"item":"apple"}}]`,
		`[{"t":"layout","op":"d","k":{}}]`,
		`[{"t":"layout","op":"i","k":{"item":"apple"},"n":{"item":"apple","seq":1,"x":1,"y":1,"evil); ATTACH DATABASE 'x' AS e; --":1}}]`,
		`not json`,
	} {
		db := MustSampleDB(t)
		if err := db.MoveCard(ctx, "apple", 5, 5); err != nil {
			t.Fatal(err)
		}
		if err := db.gdb.Exec("UPDATE change_steps SET changes = ? WHERE step = (SELECT max(step) FROM change_steps)", changes).Error; err != nil {
			t.Fatal(err)
		}
		_, err := db.Undo(ctx)
		if !errors.Is(err, app.ErrDamaged) {
			t.Fatalf("%q: undo gave %v", changes, err)
		}
		if doc, _ := db.Export(ctx); doc == nil || len(doc.Quotes) == 0 || len(doc.Layout) == 0 {
			t.Fatalf("%q: the board was changed", changes)
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
