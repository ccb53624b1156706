package storage

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"evidenceboard/app"
	"evidenceboard/app/report"
)

// readDoc is what the exercise and grade commands do to read a board.
func readDoc(tb testing.TB, path string) *app.Document {
	tb.Helper()
	db, err := OpenForReading(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	doc, err := db.Export(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// BenchmarkMakeExercise makes an exercise (verdicts and links asked) from
// the 10,000-quote board as the exercise command does: read the key, scrub
// it, write the exercise's file fresh.
func BenchmarkMakeExercise(b *testing.B) {
	key := bigBoardFile(b)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc := readDoc(b, key)
		ex, _, err := app.MakeExercise(doc, app.ExerciseOptions{Verdict: true, Links: true, Instructions: "Decide."})
		if err != nil {
			b.Fatal(err)
		}
		if err := (Files{}).Import(filepath.Join(dir, fmt.Sprintf("ex%d.evboard", i)), ex, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGradeClass grades 30 students' boards of the 10,000-quote
// board's exercise as the grade command does: read the key and each
// board, grade, write the CSV gradebook and the HTML class report.
func BenchmarkGradeClass(b *testing.B) {
	keyPath := bigBoardFile(b)
	key := readDoc(b, keyPath)
	ex, rec, err := app.MakeExercise(key, app.ExerciseOptions{Verdict: true, Links: true})
	if err != nil {
		b.Fatal(err)
	}
	if db, err := Open(keyPath, Options{}); err != nil {
		b.Fatal(err)
	} else if err := db.SetExerciseKey(context.Background(), rec); err != nil {
		b.Fatal(err)
	} else {
		db.Close()
	}
	dir := b.TempDir()
	var files []string
	r := rand.New(rand.NewSource(2))
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	scale := key.Board.RatingScale()
	for s := 0; s < 30; s++ {
		st := *ex
		st.Exercise = &app.Exercise{ID: ex.Exercise.ID, Asked: ex.Exercise.Asked, Student: fmt.Sprintf("Student %02d", s)}
		st.Claims = make([]app.Claim, len(ex.Claims))
		copy(st.Claims, ex.Claims)
		st.Links = append([]app.Link(nil), ex.Links...)
		for i := range st.Claims {
			if r.Intn(10) == 0 {
				continue // undecided
			}
			status := key.Claims[i].Status
			if r.Intn(3) == 0 {
				status = app.Statuses[r.Intn(len(app.Statuses))]
			}
			app.RecordStatus(&st.Claims[i], app.StatusChange{Status: status, At: at, Note: "reasoning"})
			st.Claims[i].Verdict = &app.Verdict{Label: scale[r.Intn(len(scale))].Label, At: at}
		}
		kinds := itemKinds(key)
		for _, l := range key.Links {
			if kinds[l.From] == app.KindQuote && kinds[l.To] == app.KindClaim && app.IsAnswerLink(l, kinds) && r.Intn(2) == 0 {
				st.Links = append(st.Links, l)
			}
		}
		p := filepath.Join(dir, fmt.Sprintf("s%02d.evboard", s))
		if err := (Files{}).Import(p, &st, false); err != nil {
			b.Fatal(err)
		}
		files = append(files, p)
	}
	fi, _ := os.Stat(files[0])
	b.Logf("30 boards of %d claims, %d bytes each", len(key.Claims), fi.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		class, err := report.GradeFiles(Files{}, keyPath, files, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(class.Refused) > 0 {
			b.Fatal(class.Refused[0].Reason)
		}
		if err := report.WriteGradeCSV(io.Discard, class); err != nil {
			b.Fatal(err)
		}
		if err := report.WriteGradeHTML(io.Discard, class); err != nil {
			b.Fatal(err)
		}
	}
}

func itemKinds(doc *app.Document) map[string]app.Kind {
	kinds := map[string]app.Kind{}
	for _, q := range doc.Quotes {
		kinds[q.ID] = app.KindQuote
	}
	for _, c := range doc.Claims {
		kinds[c.ID] = app.KindClaim
	}
	return kinds
}
