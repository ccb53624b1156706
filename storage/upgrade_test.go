package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"evidenceboard/app"
)

// upgradeFixture is testdata/upgrade/vN.json: what .ci/make-upgrade-fixtures
// recorded while the code of an older schema made vN.evboard.
type upgradeFixture struct {
	Commit string            `json:"commit"`
	Schema int               `json:"schema"`
	Undo   []string          `json:"undo"`   // the undo stack's labels, newest first
	Redo   []string          `json:"redo"`   // the redo stack's labels, newest first
	Labels []string          `json:"labels"` // each edit's label, in order
	States []json.RawMessage `json:"states"` // before each edit, after the last, after each undo
}

// TestUpgrade_UndoAndRedoKeepWorking opens boards of schema 1, 2 and 3,
// each made by the code of the commit that wrote that schema with a dozen
// edits and two undos, and checks that after the upgrade every old step
// undoes to the state the old code recorded before it, and that the
// two undone steps redo, in order, to the states after them.
func TestUpgrade_UndoAndRedoKeepWorking(t *testing.T) {
	for _, v := range []int{1, 2, 3} {
		t.Run(fmt.Sprintf("schema%d", v), func(t *testing.T) {
			var fx upgradeFixture
			data, err := os.ReadFile(filepath.Join("testdata", "upgrade", fmt.Sprintf("v%d.json", v)))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &fx); err != nil {
				t.Fatal(err)
			}
			edits := len(fx.Labels)
			if fx.Schema != v || len(fx.States) != edits+1+len(fx.Redo) {
				t.Fatalf("fixture v%d: schema %d, %d states for %d edits", v, fx.Schema, len(fx.States), edits)
			}
			// before[i] is the board before edit i; before[edits] after the last.
			before := func(i int) *app.Document { return fixtureDoc(t, fx.States[i]) }
			path := filepath.Join(t.TempDir(), "old.evboard")
			raw, err := os.ReadFile(filepath.Join("testdata", "upgrade", fmt.Sprintf("v%d.evboard", v)))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			db, err := Open(path, Options{Author: "Old Hand"})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if ver, _ := db.userVersion(); ver != SchemaVersion {
				t.Fatalf("user_version = %d, want %d", ver, SchemaVersion)
			}
			if n := db.Notice(); n != "" {
				t.Errorf("the history should carry over, yet: %s", n)
			}
			ctx := context.Background()
			// The file stands where the old code left it: two steps undone.
			at := edits - len(fx.Redo)
			sameBoard(t, "after the upgrade", db, before(at))
			undo, redo, err := db.UndoState(ctx)
			if err != nil || undo != fx.Undo[0] || redo != fx.Redo[0] {
				t.Fatalf("UndoState = %q, %q, %v; want %q, %q", undo, redo, err, fx.Undo[0], fx.Redo[0])
			}
			if ps, err := db.Check(ctx); err != nil || len(ps) > 0 {
				t.Fatalf("check after the upgrade: %v %v", ps, err)
			}
			// Undo all the way down, each step to the board before it.
			for i := at - 1; i >= 0; i-- {
				if _, err := db.Undo(ctx); err != nil {
					t.Fatalf("undo of %q: %v", fx.Labels[i], err)
				}
				sameBoard(t, "after undoing "+fx.Labels[i], db, before(i))
			}
			if undo, _, _ := db.UndoState(ctx); undo != "" {
				t.Errorf("after undoing every old step, Undo still offers %q", undo)
			}
			// Redo all the way up, the two undone by the old code included.
			for i := 0; i < edits; i++ {
				_, redo, _ := db.UndoState(ctx)
				if redo != fx.Labels[i] {
					t.Fatalf("Redo offers %q, want %q", redo, fx.Labels[i])
				}
				if _, err := db.Redo(ctx); err != nil {
					t.Fatalf("redo of %q: %v", fx.Labels[i], err)
				}
				sameBoard(t, "after redoing "+fx.Labels[i], db, before(i+1))
			}
			if ps, err := db.Check(ctx); err != nil || len(ps) > 0 {
				t.Fatalf("check after redoing: %v %v", ps, err)
			}
			// A new edit after the upgrade is a step of its own, undone alone.
			doc, _ := db.Export(ctx)
			title := doc.Board.Title + " (upgraded)"
			if _, err := db.UpdateBoard(ctx, app.BoardUpdate{Title: &title}); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Undo(ctx); err != nil {
				t.Fatal(err)
			}
			sameBoard(t, "after undoing a new edit", db, before(edits))
			// The rebuilt tables keep their rules.
			if err := db.gdb.Exec("UPDATE claims SET status = 'maybe'").Error; err == nil {
				t.Error("the claims table takes any status")
			}
			if err := db.gdb.Exec("UPDATE claim_history SET status = ''").Error; err == nil {
				t.Error("the history takes an empty status")
			}
		})
	}
}

// fixtureDoc reads one recorded state with today's parser: an older
// format reads as it would on import.
func fixtureDoc(t *testing.T, raw json.RawMessage) *app.Document {
	t.Helper()
	doc, problems, err := app.ParseDocument(raw)
	if err != nil || len(problems) > 0 {
		t.Fatalf("a fixture state does not parse: %v %v", problems, err)
	}
	return doc
}

// sameBoard fails t unless db holds want, the board's own times aside (an
// undo restores them, but the old code's clock was its own).
func sameBoard(t *testing.T, when string, db *DB, want *app.Document) {
	t.Helper()
	got, err := db.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	norm := func(d *app.Document) app.Document {
		c := *d
		c.Board.Created, c.Board.Updated = time.Time{}, time.Time{}
		return c
	}
	g, w := norm(got), norm(want)
	for _, part := range []struct {
		name      string
		got, want any
	}{
		{"board", g.Board, w.Board}, {"sources", g.Sources, w.Sources}, {"parties", g.Parties, w.Parties},
		{"claims", g.Claims, w.Claims}, {"quotes", g.Quotes, w.Quotes}, {"links", g.Links, w.Links}, {"layout", g.Layout, w.Layout},
	} {
		if !reflect.DeepEqual(part.got, part.want) {
			gj, _ := json.Marshal(part.got)
			wj, _ := json.Marshal(part.want)
			t.Fatalf("%s: the %s differ from what the old code had\n got: %.600s\nwant: %.600s", when, part.name, gj, wj)
		}
	}
}
