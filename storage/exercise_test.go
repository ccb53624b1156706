package storage

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"evidenceboard/app"
	"evidenceboard/assets"
)

// secretKey returns the sample with a unique, findable word in every
// answer it holds: each claim's notes, every history note, and a verdict
// with a note on each claim; with the list of those words.
func secretKey(tb testing.TB) (*app.Document, []string) {
	tb.Helper()
	doc, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		tb.Fatal(err)
	}
	var secrets []string
	at := time.Date(2018, 10, 20, 0, 0, 0, 0, time.UTC)
	for i := range doc.Claims {
		c := &doc.Claims[i]
		if c.Notes != "" {
			secrets = append(secrets, c.Notes)
		}
		c.Notes += fmt.Sprintf(" KEYNOTE%03dX", i)
		secrets = append(secrets, fmt.Sprintf("KEYNOTE%03dX", i))
		for j := range c.History {
			c.History[j].Note += fmt.Sprintf(" HISTNOTE%03d%03dX", i, j)
			secrets = append(secrets, fmt.Sprintf("HISTNOTE%03d%03dX", i, j))
		}
		c.Verdict = &app.Verdict{Label: "Unproven", Note: fmt.Sprintf("VERDICTNOTE%03dX", i), At: at}
		secrets = append(secrets, fmt.Sprintf("VERDICTNOTE%03dX", i))
	}
	return doc, secrets
}

// writeExercise makes the key file and the exercise file, the latter the
// way the exercise command does: a fresh file from the scrubbed document.
func writeExerciseFiles(tb testing.TB, opts app.ExerciseOptions) (keyPath, exPath string, key *app.Document, secrets []string) {
	tb.Helper()
	dir := tb.TempDir()
	key, secrets = secretKey(tb)
	keyPath, exPath = filepath.Join(dir, "key.evboard"), filepath.Join(dir, "exercise.evboard")
	if err := (Files{}).Import(keyPath, key, false); err != nil {
		tb.Fatal(err)
	}
	db, err := Open(keyPath, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	_, err = app.MakeExerciseFile(context.Background(), db, Files{}, exPath, false, opts, nil)
	if err == nil {
		key, err = db.Export(context.Background())
	}
	db.Close()
	if err != nil {
		tb.Fatal(err)
	}
	back := key
	return keyPath, exPath, back, secrets
}

func TestExercise_FileHoldsNoAnswers(t *testing.T) {
	for _, links := range []bool{false, true} {
		t.Run(fmt.Sprintf("links=%v", links), func(t *testing.T) {
			keyPath, exPath, key, secrets := writeExerciseFiles(t, app.ExerciseOptions{Verdict: true, Links: links, Instructions: "Decide."})
			keyBytes, err := os.ReadFile(keyPath)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range secrets[len(secrets)-3:] {
				if !bytes.Contains(keyBytes, []byte(s)) {
					t.Fatalf("the key's file lacks %q: the test cannot see what it looks for", s)
				}
			}
			var all []byte
			for _, suffix := range []string{"", "-wal", "-journal", "-shm"} {
				data, err := os.ReadFile(exPath + suffix)
				if err == nil {
					all = append(all, data...)
				} else if suffix == "" {
					t.Fatal(err)
				}
			}
			for _, s := range secrets {
				if bytes.Contains(all, []byte(s)) {
					t.Errorf("the exercise's file holds the key's %q", s)
				}
			}
			if links {
				for _, l := range key.Links {
					if l.Relation == app.RelDenies && l.Note != "" && bytes.Contains(all, []byte(l.Note)) {
						t.Errorf("the exercise holds the note of a removed link: %q", l.Note)
					}
				}
			}
			db, err := Open(exPath, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for q, want := range map[string]int{
				"SELECT count(*) FROM claims WHERE status != '' OR notes != '' OR verdict_label IS NOT NULL OR verdict_note != ''": 0,
				"SELECT count(*) FROM claim_history": 0,
				"SELECT count(*) FROM change_steps":  0,
				"SELECT count(*) FROM change_items":  0,
				"PRAGMA freelist_count":              0,
				"SELECT count(*) FROM claims":        len(key.Claims),
			} {
				var n int
				if err := db.gdb.Raw(q).Scan(&n).Error; err != nil {
					t.Fatal(err)
				}
				if n != want {
					t.Errorf("%s = %d, want %d", q, n, want)
				}
			}
			if ps, err := db.Check(context.Background()); err != nil || len(ps) > 0 {
				t.Errorf("check: %v %v", ps, err)
			}
		})
	}
}

func TestExercise_StudentWorks(t *testing.T) {
	_, exPath, key, _ := writeExerciseFiles(t, app.ExerciseOptions{Verdict: true})
	ctx := context.Background()
	db, err := Open(exPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	e, err := db.Exercise(ctx)
	if err != nil || e == nil || !e.Asked.Verdict || e.Student != "" {
		t.Fatalf("Exercise = %+v, %v", e, err)
	}
	if _, err := db.SetStudent(ctx, "  "); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("an empty name: %v", err)
	}
	if e, err = db.SetStudent(ctx, "Ada Lovelace"); err != nil || e.Student != "Ada Lovelace" {
		t.Fatalf("SetStudent = %+v, %v", e, err)
	}
	id := key.Claims[0].ID
	c, err := db.FindClaimByID(ctx, id)
	if err != nil || !c.Undecided() || len(c.History) != 0 {
		t.Fatalf("claim = %+v, %v", c, err)
	}
	// An undecided claim's notes can be edited.
	notes := "my working"
	if _, err := db.UpdateClaim(ctx, id, app.ClaimUpdate{Notes: &notes}); err != nil {
		t.Fatal(err)
	}
	c, err = db.SetClaimStatus(ctx, id, app.StatusChange{Status: key.Claims[0].Status, Note: "the quotes say so"})
	if err != nil || c.Status != key.Claims[0].Status || len(c.History) != 1 {
		t.Fatalf("SetClaimStatus = %+v, %v", c, err)
	}
	if _, err := db.SetClaimVerdict(ctx, id, &app.Verdict{Label: "Unproven", Note: "not shown"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if c, _ = db.FindClaimByID(ctx, id); !c.Undecided() || len(c.History) != 0 || c.Verdict != nil {
		t.Errorf("after two undos the claim is %+v, want undecided", c)
	}
	if _, err := db.Redo(ctx); err != nil {
		t.Fatal(err)
	}
	doc, err := db.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Exercise == nil || doc.Exercise.Student != "Ada Lovelace" {
		t.Fatalf("exported exercise = %+v", doc.Exercise)
	}
	if ps := app.ValidateDocument(doc); len(ps) > 0 {
		t.Fatalf("the student's board breaks the rules: %v", ps)
	}
	// Export, import, export gives the same answer board.
	var buf bytes.Buffer
	if err := app.WriteDocumentJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	parsed, _, err := app.ParseDocument(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(t.TempDir(), "again.evboard")
	if err := (Files{}).Import(again, parsed, false); err != nil {
		t.Fatal(err)
	}
	db2, err := OpenForReading(again)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	doc2, err := db2.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc, doc2) {
		t.Error("the student's board changed in export and import")
	}
	res, err := app.Grade(key, doc2)
	if err != nil {
		t.Fatal(err)
	}
	if res.Correct != 1 || res.Decided != 1 || res.Student != "Ada Lovelace" {
		t.Errorf("graded: %d correct, %d decided, %q", res.Correct, res.Decided, res.Student)
	}
	// An ordinary board is no exercise.
	plain := MustSampleDB(t)
	if e, err := plain.Exercise(ctx); e != nil || err != nil {
		t.Errorf("Exercise of a plain board = %+v, %v", e, err)
	}
	if _, err := plain.SetStudent(ctx, "Ada"); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("SetStudent on a plain board: %v", err)
	}
	if err := plain.CreateClaim(ctx, &app.Claim{Statement: "Undecided?"}, nil); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("a claim without status on a plain board: %v", err)
	}
}
