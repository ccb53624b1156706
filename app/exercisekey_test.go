package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"evidenceboard/app"
)

// TestGrade_AskedFromKey: what is graded is what the key recorded, not
// what the hand-in says it asks.
func TestGrade_AskedFromKey(t *testing.T) {
	key := sampleKey(t)
	ex := makeEx(t, key, app.ExerciseOptions{Verdict: true, Links: true, Rand: seeded(11)})
	salt := strings.Split(ex.Exercise.ID, "-")[1]
	status := app.Asked{Status: true}
	for name, tc := range map[string]struct {
		edit func(e *app.Exercise)
		want string
	}{
		"asked rewritten, id kept": {func(e *app.Exercise) { e.Asked = status }, "but the key made exercise " + ex.Exercise.ID + " asking for each claim's status, its verdict, the quotes"},
		// The rule of the old, unkeyed ids is in the documentation: a
		// student can recompute it, but the key keeps a record now.
		"asked rewritten, unkeyed id recomputed": {func(e *app.Exercise) {
			e.Asked = status
			e.ID = app.ExerciseID(salt, status, key)
		}, "this key made no exercise with the id"},
		"id made up": {func(e *app.Exercise) { e.ID = "ex-" + salt + "-0123456789abcdef" }, "this key made no exercise with the id"},
	} {
		t.Run(name, func(t *testing.T) {
			st := answer(t, key, ex, "Eve", []int{0, 1, 2}, nil)
			tc.edit(st.Exercise)
			res, err := app.Grade(key, st)
			if res != nil || app.ErrorCode(err) != app.EINVALID || !strings.Contains(app.ErrorMessage(err), tc.want) {
				t.Errorf("Grade = %+v, %v; want EINVALID with %q", res, err, tc.want)
			}
		})
	}
	// The same hand-in, untouched, is graded on all three.
	st := answer(t, key, ex, "Eve", []int{0, 1, 2}, nil)
	res, err := app.Grade(key, st)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Asked.Links || !res.Asked.Verdict || res.Made.IsZero() {
		t.Errorf("graded on %+v, made %v", res.Asked, res.Made)
	}
	// A key whose record was changed (the asked of the record) is refused.
	rec := *key.ExerciseKey
	rec.Made = append([]app.ExerciseMade(nil), rec.Made...)
	rec.Made[0].Asked = status
	changed := *key
	changed.ExerciseKey = &rec
	if _, err := app.Grade(&changed, st); !strings.Contains(app.ErrorMessage(err), "the key's file was changed") {
		t.Errorf("a changed record: %v", err)
	}
}

// TestGrade_KeyCorrected: a teacher may correct the key after the exercise
// went out. A claim added later is not asked; a reworded one is graded by
// its id and the result says so; a status corrected is graded as it is now.
func TestGrade_KeyCorrected(t *testing.T) {
	key := sampleKey(t)
	ex := makeEx(t, key, app.ExerciseOptions{Rand: seeded(12)})
	st := answer(t, key, ex, "Flo", []int{0, 1, 2, 3}, nil)
	asked := len(key.Claims)
	key.Claims = append(key.Claims, app.Claim{ID: "c-later", Statement: "Added after the exercise went out.", Status: app.StatusAlleged})
	was := key.Claims[1].Statement
	key.Claims[1].Statement = "Reworded by the teacher."
	// The key's status of claim 3 is corrected: Flo, who had the old one,
	// is now wrong on it.
	old := key.Claims[3].Status
	key.Claims[3].Status = app.StatusUnconfirmed
	if old == app.StatusUnconfirmed {
		key.Claims[3].Status = app.StatusDenied
	}
	res, err := app.Grade(key, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Claims) != asked {
		t.Fatalf("%d claims graded, want the %d asked", len(res.Claims), asked)
	}
	for _, g := range res.Claims {
		if g.ClaimID == "c-later" {
			t.Error("the claim added later was graded")
		}
	}
	g := res.Claims[1]
	if g.Statement != was || g.Reworded != "Reworded by the teacher." || !g.Correct {
		t.Errorf("the reworded claim: %+v", g)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "was reworded in the key") {
		t.Errorf("notes = %q", res.Notes)
	}
	if res.Claims[3].Correct || res.Correct != 3 {
		t.Errorf("the corrected status: claim 3 correct %v, %d right", res.Claims[3].Correct, res.Correct)
	}
	// A claim removed from the key since is not graded, and said.
	key.Claims = append(key.Claims[:2:2], key.Claims[3:]...)
	res, err = app.Grade(key, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Claims) != asked-1 || !strings.Contains(strings.Join(res.Notes, " "), "no longer in the key") {
		t.Errorf("%d claims graded, notes %q", len(res.Claims), res.Notes)
	}
}

// TestGrade_Unrecorded: an exercise made before keys kept a record is
// graded by the unkeyed id, and the result says what could not be checked;
// once the key keeps a record, such an id is refused.
func TestGrade_Unrecorded(t *testing.T) {
	key := sampleKey(t)
	ex := makeEx(t, key, app.ExerciseOptions{Rand: seeded(13)})
	key.ExerciseKey = nil
	salt := strings.Split(ex.Exercise.ID, "-")[1]
	ex.Exercise.ID = app.ExerciseID(salt, ex.Exercise.Asked, key)
	st := answer(t, key, ex, "Gus", []int{0}, nil)
	res, err := app.Grade(key, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "older Evidence Board") {
		t.Errorf("notes = %q", res.Notes)
	}
	makeEx(t, key, app.ExerciseOptions{Rand: seeded(14)})
	if _, err := app.Grade(key, st); !strings.Contains(app.ErrorMessage(err), "made no exercise") {
		t.Errorf("an unkeyed id, the key keeping a record: %v", err)
	}
}

// TestMakeExercise_Record: the key's record holds each exercise, what it
// asked and its claims as worded; its secret is made once, and is in no
// byte of the exercise.
func TestMakeExercise_Record(t *testing.T) {
	key := sampleKey(t)
	a := makeEx(t, key, app.ExerciseOptions{Rand: seeded(15)})
	secret := key.ExerciseKey.Secret
	b := makeEx(t, key, app.ExerciseOptions{Links: true, Rand: seeded(16)})
	rec := key.ExerciseKey
	if rec.Secret != secret || len(rec.Made) != 2 || rec.Made[0].ID != a.Exercise.ID || rec.Made[1].ID != b.Exercise.ID || !rec.Made[1].Asked.Links {
		t.Fatalf("record = %+v", rec)
	}
	if len(rec.Made[0].Claims) != len(key.Claims) || rec.Made[0].Claims[2].Statement != key.Claims[2].Statement {
		t.Errorf("claims recorded = %+v", rec.Made[0].Claims)
	}
	if err := app.ValidateExerciseKey(rec); err != nil {
		t.Error(err)
	}
	for _, ex := range []*app.Document{a, b} {
		var buf bytes.Buffer
		if err := app.WriteDocumentJSON(&buf, ex); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(buf.Bytes(), []byte(secret)) || bytes.Contains(buf.Bytes(), []byte("exercise_key")) {
			t.Error("the exercise holds the key's secret")
		}
	}
	// The record survives the whole-board JSON, and is checked there.
	var buf bytes.Buffer
	if err := app.WriteDocumentJSON(&buf, key); err != nil {
		t.Fatal(err)
	}
	back, ps := mustParse(t, buf.Bytes())
	if len(ps) > 0 || back.ExerciseKey == nil || back.ExerciseKey.Secret != secret || len(back.ExerciseKey.Made) != 2 {
		t.Fatalf("round trip: %v, %+v", ps, back.ExerciseKey)
	}
	bad := strings.Replace(buf.String(), secret, "not hex", 1)
	checkProblems(t, invalid(t, []byte(bad)), "exercise_key.secret")
}

// TestGrade_Reasons: each claim's points come with the rubric's reasons,
// and links earn points only where there was something to find or to
// leave out.
func TestGrade_Reasons(t *testing.T) {
	key := sampleKey(t)
	ex := makeEx(t, key, app.ExerciseOptions{Verdict: true, Links: true, Rand: seeded(17)})
	st := answer(t, key, ex, "Hal", []int{0}, []int{1})
	res, err := app.Grade(key, st)
	if err != nil {
		t.Fatal(err)
	}
	right, wrong := res.Claims[0], res.Claims[1]
	var undecided app.ClaimGrade // one the key links quotes to
	for _, g := range res.Claims[2:] {
		if g.Supports.Expected+g.Denies.Expected > 0 {
			undecided = g
			break
		}
	}
	want := map[*app.ClaimGrade][]string{
		&right:     {"Status: 2 of 2 points", "as the key says", "Verdict: 1 of 1 point"},
		&wrong:     {"Status: 0 of 2 points", "where the key says"},
		&undecided: {"left undecided", "nothing for an undecided claim"},
	}
	for g, words := range want {
		text := strings.Join(g.Reasons, "\n")
		for _, w := range words {
			if !strings.Contains(text, w) {
				t.Errorf("claim %s: reasons lack %q:\n%s", g.ClaimID, w, text)
			}
		}
	}
	for _, g := range res.Claims {
		if !g.LinksGraded {
			t.Fatalf("claim %s: links not graded", g.ClaimID)
		}
		none := g.Supports.Expected+g.Supports.Given+g.Denies.Expected+g.Denies.Given == 0
		if none && !strings.Contains(strings.Join(g.Reasons, " "), "no points at stake") {
			t.Errorf("claim %s: nothing to find, yet %v", g.ClaimID, g.Reasons)
		}
		if len(g.Supports.Missed) != len(g.Supports.MissedNames) {
			t.Errorf("claim %s: missed quotes not named", g.ClaimID)
		}
		for _, n := range append(g.Supports.MissedNames, g.Denies.MissedNames...) {
			if !strings.HasPrefix(n, "“") {
				t.Errorf("claim %s: a quote named %q", g.ClaimID, n)
			}
		}
	}
}

type fakeKeeper struct {
	doc    *app.Document
	setErr error
}

func (f *fakeKeeper) Export(context.Context) (*app.Document, error) { return f.doc, nil }
func (f *fakeKeeper) ExerciseKey(context.Context) (*app.ExerciseKey, error) {
	return f.doc.ExerciseKey, nil
}
func (f *fakeKeeper) SetExerciseKey(_ context.Context, k *app.ExerciseKey) error {
	if f.setErr != nil {
		return f.setErr
	}
	f.doc.ExerciseKey = k
	return nil
}

type fakeMaker map[string]*app.Document

func (m fakeMaker) Import(path string, doc *app.Document, _ bool) error { m[path] = doc; return nil }

// TestMakeExerciseFile: the use case keeps the record in the key before it
// writes the exercise, lays the exercise out anew only where links are
// asked, and writes nothing if the key cannot keep the record.
func TestMakeExerciseFile(t *testing.T) {
	ctx := context.Background()
	key := &fakeKeeper{doc: sampleKey(t)}
	files := fakeMaker{}
	arranged := 0
	arrange := func(d *app.Document) []app.Position {
		arranged++
		return []app.Position{{Item: d.Claims[0].ID, X: 1, Y: 2}}
	}
	ex, err := app.MakeExerciseFile(ctx, key, files, "plain", false, app.ExerciseOptions{}, arrange)
	if err != nil {
		t.Fatal(err)
	}
	if arranged != 0 || len(files["plain"].Layout) != len(key.doc.Layout) || key.doc.ExerciseKey.Find(ex.Exercise.ID) == nil {
		t.Errorf("without links: arranged %d times, record %+v", arranged, key.doc.ExerciseKey)
	}
	ex, err = app.MakeExerciseFile(ctx, key, files, "links", false, app.ExerciseOptions{Links: true}, arrange)
	if err != nil {
		t.Fatal(err)
	}
	if arranged != 1 || len(files["links"].Layout) != 1 || len(key.doc.ExerciseKey.Made) != 2 || key.doc.ExerciseKey.Find(ex.Exercise.ID) == nil {
		t.Errorf("with links: arranged %d times, layout %v", arranged, files["links"].Layout)
	}
	key.setErr = app.Errorf(app.EINVALID, "read-only")
	if _, err := app.MakeExerciseFile(ctx, key, files, "refused", false, app.ExerciseOptions{}, nil); !strings.Contains(app.ErrorMessage(err), "no exercise was made: read-only") || files["refused"] != nil {
		t.Errorf("the key could not keep the record: %v, file %v", err, files["refused"] != nil)
	}
}
