package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"evidenceboard/app"
	"evidenceboard/storage"
)

// TestCLI_ExerciseNotes: the exercise command lists the notes that carry
// over; with --links the quotes' notes are left out unless --keep-notes;
// --no-notes leaves out the description and every note.
func TestCLI_ExerciseNotes(t *testing.T) {
	dir := t.TempDir()
	keyPath := filepath.Join(dir, "key.evboard")
	key, _ := writeKey(t, keyPath)
	quoteNote := ""
	for _, q := range key.Quotes {
		if q.Notes != "" {
			quoteNote = q.Notes
			break
		}
	}
	if quoteNote == "" || key.Board.Description == "" {
		t.Fatal("the sample has no quote note or description to test with")
	}
	read := func(p string) *app.Document {
		doc, err := app.ReadHandIn(storage.Files{}, p)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	hasQuoteNotes := func(d *app.Document) bool {
		for _, q := range d.Quotes {
			if q.Notes != "" {
				return true
			}
		}
		return false
	}
	links := filepath.Join(dir, "links.evboard")
	r := runCLI(t, "exercise", "--links", keyPath, links)
	r.want(t, 0, "which may give answers away (--no-notes leaves them out)", "")
	if !strings.Contains(r.stdout, "description the board: ") || strings.Contains(r.stdout, "\n  quote ") {
		t.Errorf("the list of notes:\n%s", r.stdout)
	}
	if d := read(links); hasQuoteNotes(d) || d.Board.Description != key.Board.Description {
		t.Error("with --links the quotes' notes stay, or the description went")
	}
	kept := filepath.Join(dir, "kept.evboard")
	r = runCLI(t, "exercise", "--links", "--keep-notes", keyPath, kept)
	if !strings.Contains(r.stdout, "\n  quote “") || !hasQuoteNotes(read(kept)) {
		t.Errorf("--keep-notes: the quotes' notes went:\n%s", r.stdout)
	}
	none := filepath.Join(dir, "none.evboard")
	r = runCLI(t, "exercise", "--no-notes", keyPath, none)
	r.want(t, 0, "asks: status)", "")
	if strings.Contains(r.stdout, "carries over") {
		t.Errorf("--no-notes still lists notes:\n%s", r.stdout)
	}
	d := read(none)
	if d.Board.Description != "" || hasQuoteNotes(d) || len(app.CarriedNotes(d, app.ExerciseOptions{})) != 0 {
		t.Errorf("--no-notes: notes remain: %+v", app.CarriedNotes(d, app.ExerciseOptions{}))
	}
	runCLI(t, "exercise", "--no-notes", "--keep-notes", keyPath, filepath.Join(dir, "x.evboard")).want(t, 2, "", "not both")
}

// TestCLI_ExerciseKeySecret: of the key's exports only the whole-board
// JSON holds its secret; the change log never does.
func TestCLI_ExerciseKeySecret(t *testing.T) {
	dir := t.TempDir()
	keyPath := filepath.Join(dir, "key.evboard")
	writeKey(t, keyPath)
	runCLI(t, "exercise", "--links", keyPath, filepath.Join(dir, "ex.evboard")).want(t, 0, "asks: status, links", "")
	db, err := storage.Open(keyPath, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	k, err := db.ExerciseKey(context.Background())
	db.Close()
	if err != nil || k == nil {
		t.Fatalf("the key's record: %+v, %v", k, err)
	}
	for _, f := range formatNames() {
		out := filepath.Join(dir, "export."+f)
		runCLI(t, "export", "--format", f, "-o", out, keyPath).want(t, 0, "", "")
		if has := strings.Contains(string(readFile(t, out)), k.Secret); has != (f == "json") {
			t.Errorf("the %s export holds the secret: %v", f, has)
		}
	}
	r := runCLI(t, "log", "--json", keyPath)
	if r.code != 0 || strings.Contains(r.stdout, k.Secret) || strings.Contains(r.stdout, k.Made[0].ID) {
		t.Errorf("log --json: exit %d, holds the record: %v", r.code, strings.Contains(r.stdout, k.Secret))
	}
}
