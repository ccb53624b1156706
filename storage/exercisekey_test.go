package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"evidenceboard/app"
)

// TestExerciseKey_NotAnEdit: making an exercise keeps its record and the
// secret in the key, outside the change log: no step is added, undo does
// not take it back, the log never shows the secret; the whole-board JSON
// carries it, and a board imported from that JSON has it again.
func TestExerciseKey_NotAnEdit(t *testing.T) {
	ctx := context.Background()
	keyPath, exPath, key, _ := writeExerciseFiles(t, app.ExerciseOptions{Links: true})
	db, err := Open(keyPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	k, err := db.ExerciseKey(ctx)
	if err != nil || k == nil || len(k.Made) != 1 || len(k.Secret) != 64 {
		t.Fatalf("ExerciseKey = %+v, %v", k, err)
	}
	if !k.Made[0].Asked.Links || len(k.Made[0].Claims) != len(key.Claims) {
		t.Errorf("record = %+v", k.Made[0])
	}
	steps, err := db.Log(ctx, app.LogFilter{})
	if err != nil {
		t.Fatal(err)
	}
	logJSON, _ := json.Marshal(steps)
	if len(steps) != 0 || bytes.Contains(logJSON, []byte(k.Secret)) {
		t.Errorf("making the exercise logged %d steps: %s", len(steps), logJSON)
	}
	// An edit after, undone, leaves the record as it is.
	s := "A new title"
	if _, err := db.UpdateBoard(ctx, app.BoardUpdate{Title: &s}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Undo(ctx); app.ErrorCode(err) != app.ENOTFOUND {
		t.Errorf("a second undo: %v, want nothing to undo", err)
	}
	if k2, _ := db.ExerciseKey(ctx); k2 == nil || k2.Secret != k.Secret || len(k2.Made) != 1 {
		t.Errorf("after undo: %+v", k2)
	}
	steps, _ = db.Log(ctx, app.LogFilter{})
	logJSON, _ = json.Marshal(steps)
	if bytes.Contains(logJSON, []byte(k.Secret)) || bytes.Contains(logJSON, []byte(k.Made[0].ID)) {
		t.Errorf("the log holds the record: %s", logJSON)
	}
	// The exercise's file holds neither the secret nor the record.
	if data, _ := os.ReadFile(exPath); bytes.Contains(data, []byte(k.Secret)) {
		t.Error("the exercise's file holds the key's secret")
	}
	ex, err := Open(exPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := ex.ExerciseKey(ctx); got != nil {
		t.Errorf("the exercise keeps a record: %+v", got)
	}
	if err := ex.SetExerciseKey(ctx, k); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("SetExerciseKey on an exercise: %v", err)
	}
	ex.Close()
	// Round trip through the whole-board JSON.
	doc, err := db.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := app.WriteDocumentJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	back, ps, err := app.ParseDocument(buf.Bytes())
	if err != nil || len(ps) > 0 {
		t.Fatal(err, ps)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.evboard")
	if err := (Files{}).Import(copyPath, back, false); err != nil {
		t.Fatal(err)
	}
	c, err := Open(copyPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got, _ := c.ExerciseKey(ctx); got == nil || got.Secret != k.Secret || got.Made[0].ID != k.Made[0].ID || !got.Made[0].Made.Equal(k.Made[0].Made) {
		t.Errorf("after the round trip: %+v", got)
	}
}
