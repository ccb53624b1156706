package storage

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"evidenceboard/app"
)

func as(name string) context.Context { return app.WithAuthor(context.Background(), name) }

// fileSize is the board file's size with its write-ahead log folded in.
func fileSize(t *testing.T, db *DB) int64 {
	t.Helper()
	if err := db.gdb.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error; err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(db.path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// 50 edits of a title on a source of 1 MB of text add nothing of the
// text to the log: the file grows by under 200 KB (it grew by 48 MB with
// the old triggers, which copied whole rows).
func TestChangeLog_CompactTitleEdits(t *testing.T) {
	ctx := as("Ana")
	db := MustSampleDB(t)
	text := strings.Repeat("The quick brown fox jumps over the lazy dog. ", 1<<20/45)
	if err := db.CreateSource(ctx, &app.Source{ID: "big", Title: "Big", Text: text}, nil); err != nil {
		t.Fatal(err)
	}
	before := fileSize(t, db)
	for i := 0; i < 50; i++ {
		title := strings.Repeat("T", i+1)
		if _, err := db.UpdateSource(ctx, "big", app.SourceUpdate{Title: &title}); err != nil {
			t.Fatal(err)
		}
	}
	grew := fileSize(t, db) - before
	t.Logf("50 title edits on a 1 MB source grew the file by %d bytes", grew)
	if grew >= 200<<10 {
		t.Fatalf("the file grew by %d bytes, want under 200 KB", grew)
	}
	// A sentence added to the text keeps the sentence, not the text.
	more := text + "One more sentence."
	if _, err := db.UpdateSource(ctx, "big", app.SourceUpdate{Text: &more}); err != nil {
		t.Fatal(err)
	}
	var size int
	db.gdb.Raw("SELECT length(changes) FROM change_steps ORDER BY step DESC LIMIT 1").Scan(&size)
	if size > 1000 {
		t.Fatalf("a text edit is logged in %d bytes", size)
	}
	// And it undoes and redoes, and the log tells the whole texts.
	if _, err := db.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if s, _ := db.FindSourceByID(ctx, "big"); s.Text != text {
		t.Fatal("undo did not put the text back")
	}
	if _, err := db.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	if s, _ := db.FindSourceByID(ctx, "big"); s.Text != more {
		t.Fatal("redo did not make the text again")
	}
	steps, err := db.Log(ctx, app.LogFilter{Item: "big", Limit: 1})
	if err != nil || len(steps) != 1 {
		t.Fatal(steps, err)
	}
	c := steps[0].Changes[0]
	var after, was string
	json.Unmarshal(c.Set["text"], &after)
	json.Unmarshal(c.Before["text"], &was)
	if c.Op != app.OpUpdate || after != more || was != text {
		t.Fatalf("the log tells %s of %d and %d characters", c.Op, len(after), len(was))
	}
}

func TestChangeLog_PerAuthor(t *testing.T) {
	db := MustSampleDB(t)
	ana, bob := as("Ana"), as("Bob")
	title := func(ctx context.Context, s string) {
		t.Helper()
		if _, err := db.UpdateSource(ctx, "zdnet-2018-10-04", app.SourceUpdate{Title: &s}); err != nil {
			t.Fatal(err)
		}
	}
	notes := "Bob's notes"
	title(ana, "Ana's title")
	if _, err := db.UpdateSource(bob, "zdnet-2018-10-04", app.SourceUpdate{Notes: &notes}); err != nil {
		t.Fatal(err)
	}
	// Each undoes their own.
	if u, _, _ := db.UndoState(ana); u != "Edit source" {
		t.Fatalf("Ana's undo = %q", u)
	}
	if _, err := db.Undo(ana); err != nil {
		t.Fatalf("Ana's undo of her title, with Bob's notes after: %v", err)
	}
	s, _ := db.FindSourceByID(ana, "zdnet-2018-10-04")
	if s.Title == "Ana's title" || s.Notes != notes {
		t.Fatalf("after Ana's undo: %q, %q", s.Title, s.Notes)
	}
	if _, err := db.Redo(ana); err != nil {
		t.Fatal(err)
	}
	// Bob changes the title after Ana: her undo is refused in words.
	title(bob, "Bob's title")
	_, err := db.Undo(ana)
	if app.ErrorCode(err) != app.ECONFLICT || !strings.Contains(app.ErrorMessage(err), "title") || !strings.Contains(app.ErrorMessage(err), "Bob") {
		t.Fatalf("Ana's undo after Bob's title: %v", err)
	}
	t.Log(app.ErrorMessage(err))
	// Not stuck: once Bob takes his back, Ana's undo goes through.
	if _, err := db.Undo(bob); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Undo(ana); err != nil {
		t.Fatalf("after Bob's undo: %v", err)
	}
	steps, _ := db.Log(ana, app.LogFilter{Item: "zdnet-2018-10-04"})
	var who []string
	for _, st := range steps {
		who = append(who, st.Author+":"+st.Label+":"+map[bool]string{true: "undone", false: "done"}[st.Undone])
	}
	if strings.Join(who, " ") != "Ana:Edit source:undone Bob:Edit source:done Bob:Edit source:undone" {
		t.Fatalf("log: %v", who)
	}
}

// Undoing the making of a card that someone else linked to since would
// take their link with it: refused.
func TestChangeLog_UndoRefusesCascadeOnOthers(t *testing.T) {
	db := MustSampleDB(t)
	ana, bob := as("Ana"), as("Bob")
	if err := db.CreateClaim(ana, &app.Claim{ID: "new-claim", Statement: "New", Status: app.StatusAlleged}, &app.Point{X: 1, Y: 1}); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateLink(bob, &app.Link{From: "q-apple-never", To: "new-claim", Relation: app.RelDenies}); err != nil {
		t.Fatal(err)
	}
	_, err := db.Undo(ana)
	if app.ErrorCode(err) != app.ECONFLICT || !strings.Contains(app.ErrorMessage(err), "Bob") {
		t.Fatalf("undo = %v", err)
	}
	if _, err := db.FindClaimByID(ana, "new-claim"); err != nil {
		t.Fatal("the refused undo changed the board")
	}
}

func TestApply(t *testing.T) {
	db := MustSampleDB(t)
	ctx := as("Cli")
	changes, err := app.ParseChanges([]byte(`[
		{"op": "create", "kind": "claim", "item": {"id": "c-new", "statement": "A new claim", "status": "alleged"}},
		{"op": "update", "id": "apple", "set": {"reliability": "B", "notes": "graded again"}, "before": {"reliability": "C"}},
		{"op": "status", "id": "c-new", "status": "denied", "note": "denied at once"},
		{"op": "link", "from": "q-apple-never", "to": "c-new", "relation": "denies"},
		{"op": "move", "id": "c-new", "x": 100, "y": -40}
	]`))
	if err != nil {
		t.Fatal(err)
	}
	step, err := db.Apply(ctx, "Bulk edit", changes)
	if err != nil {
		t.Fatal(err)
	}
	if step.Label != "Bulk edit" || step.Author != "Cli" || len(step.Changes) < 5 {
		t.Fatalf("step %+v", step)
	}
	c, _ := db.FindClaimByID(ctx, "c-new")
	p, _ := db.FindPartyByID(ctx, "apple")
	if c.Status != app.StatusDenied || p.Reliability != "B" {
		t.Fatalf("claim %s, party %s", c.Status, p.Reliability)
	}
	// One step: one undo takes it all back.
	if ch, err := db.Undo(ctx); err != nil || ch.Label != "Bulk edit" {
		t.Fatal(ch.Label, err)
	}
	if _, err := db.FindClaimByID(ctx, "c-new"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatal("undo left the claim")
	}

	// Bad input is refused whole, every problem with its path.
	bad := []app.Change{
		{Op: app.OpUpdate, ID: "apple", Set: map[string]json.RawMessage{"reliability": json.RawMessage(`"Z"`)}},
		{Op: app.OpDelete, ID: "no-such"},
		{Op: app.OpUpdate, ID: "apple", Set: map[string]json.RawMessage{"colour": json.RawMessage(`"red"`)}},
	}
	before, _ := db.Export(ctx)
	_, err = db.Apply(ctx, "", bad)
	var ve *app.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 3 {
		t.Fatalf("bad batch: %v", err)
	}
	for i, want := range []string{"changes[0].set.reliability", "changes[1].id", "changes[2].set.colour"} {
		if ve.Problems[i].Path != want {
			t.Errorf("problem %d at %s (%s), want %s", i, ve.Problems[i].Path, ve.Problems[i].Message, want)
		}
	}
	after, _ := db.Export(ctx)
	if !sameJSON(t, before, after) {
		t.Fatal("a refused batch changed the board")
	}

	// A stale before is a conflict naming who changed the field.
	notes := "Bob's"
	if _, err := db.UpdateParty(as("Bob"), "apple", app.PartyUpdate{Notes: &notes}); err != nil {
		t.Fatal(err)
	}
	_, err = db.Apply(ctx, "", []app.Change{{Op: app.OpUpdate, ID: "apple", Set: map[string]json.RawMessage{"notes": json.RawMessage(`"mine"`)},
		Before: map[string]json.RawMessage{"notes": json.RawMessage(`"old"`)}}})
	if app.ErrorCode(err) != app.ECONFLICT || !strings.Contains(err.Error(), "changes[0].before.notes") || !strings.Contains(err.Error(), "Bob") {
		t.Fatalf("stale before: %v", err)
	}
}

// A delete in the log carries what it took with it.
func TestLog_DeleteCarriesWhatItTook(t *testing.T) {
	db := MustSampleDB(t)
	ctx := as("Ana")
	if err := db.DeleteParty(ctx, "apple"); err != nil {
		t.Fatal(err)
	}
	steps, err := db.Log(ctx, app.LogFilter{Limit: 1})
	if err != nil || len(steps) != 1 {
		t.Fatal(steps, err)
	}
	var del *app.Change
	for i, c := range steps[0].Changes {
		if c.Op == app.OpDelete {
			del = &steps[0].Changes[i]
		} else {
			t.Errorf("the delete of a party also tells %s %s", c.Op, c.ID)
		}
	}
	if del == nil || del.ID != "apple" || del.Kind != app.KindParty || len(del.Item) == 0 || del.Position == nil || len(del.Cleared) == 0 {
		t.Fatalf("delete = %+v", del)
	}
	for _, cl := range del.Cleared {
		if cl.Field != "speaker" {
			t.Errorf("cleared %+v", cl)
		}
	}
}

// A source's text lives in a table of its own: an apply that sets the
// title keeps the text, and a before that names the text sees it.
func TestApply_SourceTextKept(t *testing.T) {
	ctx := as("Ana")
	db := MustSampleDB(t)
	text := strings.Repeat("Word ", 100)
	if err := db.CreateSource(ctx, &app.Source{ID: "long", Title: "Long", Text: text}, nil); err != nil {
		t.Fatal(err)
	}
	title := []app.Change{{Op: app.OpUpdate, ID: "long", Set: map[string]json.RawMessage{"title": json.RawMessage(`"Retitled"`)}}}
	if _, err := db.Apply(ctx, "Retitle", title); err != nil {
		t.Fatal(err)
	}
	was, _ := json.Marshal(text)
	more, _ := json.Marshal(text + "One more.")
	grow := []app.Change{{Op: app.OpUpdate, ID: "long", Set: map[string]json.RawMessage{"text": more}, Before: map[string]json.RawMessage{"text": was}}}
	if _, err := db.Apply(ctx, "Grow", grow); err != nil {
		t.Fatalf("a before naming the text as it is: %v", err)
	}
	s, err := db.FindSourceByID(ctx, "long")
	if err != nil || s.Title != "Retitled" || s.Text != text+"One more." {
		t.Fatalf("the source after the applies: %+v %v", s, err)
	}
}

// An edit that changes nothing (cards arranged where they already are)
// is no step: Undo still offers the edit before it.
func TestChangeLog_NothingChangedIsNoStep(t *testing.T) {
	ctx := as("Ana")
	db := MustSampleDB(t)
	title := "Renamed"
	if _, err := db.UpdateBoard(ctx, app.BoardUpdate{Title: &title}); err != nil {
		t.Fatal(err)
	}
	ps, err := db.Positions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ArrangeCards(ctx, ps); err != nil {
		t.Fatal(err)
	}
	if undo, _, _ := db.UndoState(ctx); undo != "Edit board" {
		t.Fatalf("after an arrange that moved nothing, Undo offers %q", undo)
	}
}
