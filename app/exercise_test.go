package app_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"evidenceboard/app"
)

// sampleKey returns the sample board with a verdict on its first three
// claims, as a teacher's key.
func sampleKey(tb testing.TB) *app.Document {
	tb.Helper()
	data, err := readSample(tb)
	if err != nil {
		tb.Fatal(err)
	}
	doc, _ := mustParse(tb, data)
	at := time.Date(2018, 10, 9, 12, 0, 0, 0, time.UTC)
	for i := range doc.Claims { // the key's verdicts are these three
		doc.Claims[i].Verdict = nil
	}
	for i, label := range []string{"Unproven", "Mostly false", "False"} {
		doc.Claims[i].Verdict = &app.Verdict{Label: label, Note: "key verdict note " + label, At: at}
	}
	return doc
}

// seeded gives MakeExercise a fixed salt.
func seeded(b byte) *bytes.Reader { return bytes.NewReader(bytes.Repeat([]byte{b}, 64)) }

// makeEx makes an exercise of key and keeps the key's record of it in key,
// as the program does in the key's file.
func makeEx(tb testing.TB, key *app.Document, opts app.ExerciseOptions) *app.Document {
	tb.Helper()
	ex, rec, err := app.MakeExercise(key, opts)
	if err != nil {
		tb.Fatal(err)
	}
	if ex.ExerciseKey != nil || rec.Find(ex.Exercise.ID) == nil {
		tb.Fatalf("the exercise holds the key's record, or the record lacks it: %+v", rec)
	}
	key.ExerciseKey = rec
	if ps := app.ValidateDocument(ex); len(ps) > 0 {
		tb.Fatalf("the exercise is not a valid document: %v", ps)
	}
	return ex
}

// answer returns a student's board for ex: a copy of it with the claims
// of key at the indexes in right decided as the key has them, the others
// in wrong decided otherwise, the rest left undecided.
func answer(tb testing.TB, key, ex *app.Document, name string, right, wrong []int) *app.Document {
	tb.Helper()
	var buf bytes.Buffer
	if err := app.WriteDocumentJSON(&buf, ex); err != nil {
		tb.Fatal(err)
	}
	st, _ := mustParse(tb, buf.Bytes())
	st.Exercise.Student = name
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, i := range right {
		app.RecordStatus(&st.Claims[i], app.StatusChange{Status: key.Claims[i].Status, At: at, Note: "because of the quotes"})
		if v := key.Claims[i].Verdict; v != nil {
			st.Claims[i].Verdict = &app.Verdict{Label: v.Label, At: at}
		}
	}
	for _, i := range wrong {
		s := app.StatusAlleged
		if key.Claims[i].Status == s {
			s = app.StatusDenied
		}
		app.RecordStatus(&st.Claims[i], app.StatusChange{Status: s, At: at, Note: "a guess"})
	}
	return st
}

func TestMakeExercise_Scrubs(t *testing.T) {
	key := sampleKey(t)
	for _, links := range []bool{false, true} {
		ex := makeEx(t, key, app.ExerciseOptions{Links: links, Verdict: true, Instructions: "Decide each claim.", Rand: seeded(1)})
		if ex.Exercise == nil || !ex.Exercise.Asked.Status || ex.Exercise.Asked.Links != links || !ex.Exercise.Asked.Verdict {
			t.Fatalf("exercise record = %+v", ex.Exercise)
		}
		if ex.Exercise.Instructions != "Decide each claim." || ex.Exercise.Student != "" {
			t.Errorf("exercise record = %+v", ex.Exercise)
		}
		for i, c := range ex.Claims {
			want := app.Claim{ID: key.Claims[i].ID, Statement: key.Claims[i].Statement}
			if !reflect.DeepEqual(c, want) {
				t.Errorf("claim %d = %+v, want only its id and statement", i, c)
			}
		}
		var answerLinks, kept int
		kinds := map[string]app.Kind{}
		for _, q := range key.Quotes {
			kinds[q.ID] = app.KindQuote
		}
		for _, c := range key.Claims {
			kinds[c.ID] = app.KindClaim
		}
		for _, l := range key.Links {
			if app.IsAnswerLink(l, kinds) {
				answerLinks++
			}
		}
		for _, l := range ex.Links {
			if app.IsAnswerLink(l, kinds) {
				kept++
			}
		}
		if answerLinks == 0 {
			t.Fatal("the sample has no supporting or denying links to test with")
		}
		switch {
		case links && (kept != 0 || len(ex.Links) != len(key.Links)-answerLinks):
			t.Errorf("links asked: %d answer links kept, %d of %d links in all", kept, len(ex.Links), len(key.Links))
		case !links && !reflect.DeepEqual(ex.Links, key.Links):
			t.Errorf("links not asked: the links changed")
		}
		// Where links are asked, the quotes' notes are left out by
		// default: they tend to say what a quote supports or denies.
		quotes := append([]app.Quote(nil), key.Quotes...)
		for i := range quotes {
			if links {
				quotes[i].Notes = ""
			}
		}
		if !reflect.DeepEqual(ex.Quotes, quotes) || !reflect.DeepEqual(ex.Sources, key.Sources) ||
			!reflect.DeepEqual(ex.Parties, key.Parties) || !reflect.DeepEqual(ex.Layout, key.Layout) || ex.Board.Title != key.Board.Title {
			t.Error("the sources, parties, quotes, layout or title changed")
		}
		// Nothing of the answers is in the document's words.
		var buf bytes.Buffer
		if err := app.WriteDocumentJSON(&buf, ex); err != nil {
			t.Fatal(err)
		}
		text := buf.String()
		for _, c := range key.Claims {
			for _, s := range secrets(c) {
				if strings.Contains(text, s) {
					t.Errorf("the exercise holds %q of claim %s", s, c.ID)
				}
			}
		}
		for _, w := range []string{`"status": "`, `"history"`, `"verdict": {`} {
			if strings.Contains(text, w) {
				t.Errorf("the exercise's JSON has %s", w)
			}
		}
		// It reads back as it was written.
		back, _ := mustParse(t, buf.Bytes())
		if !reflect.DeepEqual(back, ex) {
			t.Error("the exercise does not survive a round trip")
		}
	}
	// Two exercises of the same key have different ids.
	a := makeEx(t, key, app.ExerciseOptions{Rand: seeded(1)})
	b := makeEx(t, key, app.ExerciseOptions{Rand: seeded(2)})
	if a.Exercise.ID == b.Exercise.ID {
		t.Errorf("two exercises share the id %s", a.Exercise.ID)
	}
	c := makeEx(t, key, app.ExerciseOptions{})
	if c.Exercise.ID == a.Exercise.ID {
		t.Error("crypto/rand gave the seeded id")
	}
}

// secrets returns the words of a claim that are answers: its notes, its
// history's notes, its verdict's note.
func secrets(c app.Claim) []string {
	var s []string
	if c.Notes != "" {
		s = append(s, c.Notes)
	}
	for _, h := range c.History {
		if h.Note != "" {
			s = append(s, h.Note)
		}
	}
	if c.Verdict != nil && c.Verdict.Note != "" {
		s = append(s, c.Verdict.Note)
	}
	return s
}

func TestMakeExercise_Refuses(t *testing.T) {
	key := sampleKey(t)
	ex := makeEx(t, key, app.ExerciseOptions{})
	empty := &app.Document{Format: app.FormatName, Version: 1, Board: key.Board}
	for name, tc := range map[string]struct {
		doc  *app.Document
		opts app.ExerciseOptions
		want string
	}{
		"an exercise":       {ex, app.ExerciseOptions{}, "is an exercise"},
		"no claims":         {empty, app.ExerciseOptions{}, "no claims"},
		"long instructions": {key, app.ExerciseOptions{Instructions: strings.Repeat("x", app.MaxNotes+1)}, "over the limit"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := app.MakeExercise(tc.doc, tc.opts)
			if app.ErrorCode(err) != app.EINVALID || !strings.Contains(app.ErrorMessage(err), tc.want) {
				t.Errorf("err = %v, want EINVALID with %q", err, tc.want)
			}
		})
	}
}

func TestExerciseDocument_Rules(t *testing.T) {
	exercise := map[string]any{"id": "ex-0101-0123456789abcdef", "asked": map[string]any{"status": true}}
	for name, tc := range map[string]struct {
		edit func(d map[string]any)
		want []string
	}{
		"undecided claim in an exercise": {func(d map[string]any) {
			d["exercise"] = exercise
			c := at(t, d, "claims", 1)
			delete(c, "status")
		}, nil},
		"undecided claim on an ordinary board": {func(d map[string]any) {
			delete(at(t, d, "claims", 1), "status")
		}, []string{"claims[1].status: is required"}},
		"undecided claim with a history": {func(d map[string]any) {
			d["exercise"] = exercise
			delete(at(t, d, "claims", 0), "status")
		}, []string{"claims[0].status: a claim with a history"}},
		"status not asked": {func(d map[string]any) {
			d["exercise"] = map[string]any{"id": "ex-01-0123456789abcdef", "asked": map[string]any{"status": false}}
		}, []string{"exercise.asked.status: must be true"}},
		"asked missing": {func(d map[string]any) {
			d["exercise"] = map[string]any{"id": "ex-01-0123456789abcdef"}
		}, []string{"exercise.asked: is required"}},
		"asked of the wrong type": {func(d map[string]any) {
			d["exercise"] = map[string]any{"id": "ex-01-0123456789abcdef", "asked": map[string]any{"status": true, "links": "yes"}}
		}, []string{"exercise.asked.links: must be true or false"}},
		"bad id": {func(d map[string]any) {
			d["exercise"] = map[string]any{"id": "exercise-1", "asked": map[string]any{"status": true}}
		}, []string{"exercise.id: is not an exercise id"}},
		"no id": {func(d map[string]any) {
			d["exercise"] = map[string]any{"asked": map[string]any{"status": true}}
		}, []string{"exercise.id: is required"}},
		"not an object": {func(d map[string]any) {
			d["exercise"] = "yes"
		}, []string{"exercise: must be an object"}},
	} {
		t.Run(name, func(t *testing.T) {
			d := baseDoc()
			tc.edit(d)
			data := mustJSON(t, d)
			if tc.want == nil {
				doc, _ := mustParse(t, data)
				if !doc.Claims[1].Undecided() {
					t.Error("claims[1] is decided")
				}
				return
			}
			checkProblems(t, invalid(t, data), tc.want...)
		})
	}
}

func TestGrade(t *testing.T) {
	key := sampleKey(t)
	n := len(key.Claims)
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	plain := makeEx(t, key, app.ExerciseOptions{Rand: seeded(3)})
	verdicts := makeEx(t, key, app.ExerciseOptions{Verdict: true, Rand: seeded(4)})
	for name, tc := range map[string]struct {
		ex           *app.Document
		right, wrong []int
		correct      int
		score        float64
	}{
		"all right":         {plain, all, nil, n, 100},
		"none decided":      {plain, nil, nil, 0, 0},
		"half right":        {plain, all[:6], all[6:], 6, 50},
		"a quarter right":   {plain, all[:3], nil, 3, 25},
		"verdicts all":      {verdicts, all, nil, n, 100},
		"verdicts, none":    {verdicts, nil, all, 0, 0},
		"verdicts, 3 right": {verdicts, all[:3], nil, 3, 100 * float64(3*2+3) / float64(n*2+3)},
	} {
		t.Run(name, func(t *testing.T) {
			st := answer(t, key, tc.ex, "Ada", tc.right, tc.wrong)
			res, err := app.Grade(key, st)
			if err != nil {
				t.Fatal(err)
			}
			if res.Correct != tc.correct || res.Student != "Ada" || len(res.Claims) != n {
				t.Errorf("correct = %d of %d for %q, want %d of %d", res.Correct, len(res.Claims), res.Student, tc.correct, n)
			}
			if want := float64(int(tc.score*10+0.5)) / 10; res.Score != want {
				t.Errorf("score = %v, want %v", res.Score, want)
			}
			for i, g := range res.Claims {
				if g.Expected != key.Claims[i].Status || g.Given != st.Claims[i].Status || g.Correct != (g.Expected == g.Given) {
					t.Errorf("claim %s: expected %q, given %q, correct %v", g.ClaimID, g.Expected, g.Given, g.Correct)
				}
				if g.VerdictGraded != (tc.ex == verdicts && key.Claims[i].Verdict != nil) {
					t.Errorf("claim %s: verdict graded = %v", g.ClaimID, g.VerdictGraded)
				}
				if g.KeyNote == "" {
					t.Errorf("claim %s: no key note", g.ClaimID)
				}
			}
		})
	}
}

func TestGrade_VerdictNear(t *testing.T) {
	key := sampleKey(t)
	ex := makeEx(t, key, app.ExerciseOptions{Verdict: true, Rand: seeded(5)})
	st := answer(t, key, ex, "Ada", []int{0}, nil)
	st.Claims[0].Verdict.Label = "Mostly false" // the key says Unproven: one step away
	res, err := app.Grade(key, st)
	if err != nil {
		t.Fatal(err)
	}
	g := res.Claims[0]
	if g.VerdictCorrect || g.Points != 2.5 || g.MaxPoints != 3 || g.GivenVerdict != "Mostly false" || g.ExpectedVerdict != "Unproven" {
		t.Errorf("grade = %+v", g)
	}
	st.Claims[0].Verdict.Label = "True" // two steps away
	res, _ = app.Grade(key, st)
	if res.Claims[0].Points != 2 {
		t.Errorf("two steps away: points = %v, want 2", res.Claims[0].Points)
	}
}

func TestGrade_Links(t *testing.T) {
	key := &app.Document{Format: app.FormatName, Version: 1,
		Board:  app.Board{Title: "Links", Created: time.Unix(0, 0).UTC(), Updated: time.Unix(0, 0).UTC()},
		Claims: []app.Claim{{ID: "c1", Statement: "One", Status: app.StatusDenied}, {ID: "c2", Statement: "Two", Status: app.StatusAlleged}},
		Quotes: []app.Quote{{ID: "q1", Text: "a"}, {ID: "q2", Text: "b"}, {ID: "q3", Text: "c"}, {ID: "q4", Text: "d"}},
		Links: []app.Link{
			{From: "q1", To: "c1", Relation: app.RelDenies, Note: "key link note"},
			{From: "q2", To: "c1", Relation: app.RelContradicts},
			{From: "q3", To: "c1", Relation: app.RelSupports},
			{From: "q4", To: "c2", Relation: app.RelMentions},
		}}
	ex := makeEx(t, key, app.ExerciseOptions{Links: true, Rand: seeded(6)})
	if len(ex.Links) != 1 || ex.Links[0].Relation != app.RelMentions {
		t.Fatalf("exercise links = %+v, want the mention alone", ex.Links)
	}
	for name, tc := range map[string]struct {
		links          []app.Link
		sp, sr, dp, dr float64
		points1        float64 // of claim c1, whose status is wrong
	}{
		"none":      {nil, 1, 0, 1, 0, 0},
		"all":       {[]app.Link{{From: "q1", To: "c1", Relation: app.RelDenies}, {From: "q2", To: "c1", Relation: app.RelDenies}, {From: "q3", To: "c1", Relation: app.RelSupports}}, 1, 1, 1, 1, 2},
		"one wrong": {[]app.Link{{From: "q1", To: "c1", Relation: app.RelSupports}}, 0, 0, 1, 0, 0},
		"half": {[]app.Link{{From: "q1", To: "c1", Relation: app.RelDenies}, {From: "q4", To: "c1", Relation: app.RelDenies}, {From: "q3", To: "c1", Relation: app.RelSupports}},
			1, 1, 0.5, 0.5, 2 * 2 * 2 / 6.0},
	} {
		t.Run(name, func(t *testing.T) {
			st := answer(t, key, ex, "Bo", []int{1}, []int{0})
			st.Links = append(st.Links, tc.links...)
			res, err := app.Grade(key, st)
			if err != nil {
				t.Fatal(err)
			}
			g := res.Claims[0]
			if !g.LinksGraded || g.Supports.Precision() != tc.sp || g.Supports.Recall() != tc.sr || g.Denies.Precision() != tc.dp || g.Denies.Recall() != tc.dr {
				t.Errorf("supports %+v (P %v R %v), denies %+v (P %v R %v)", g.Supports, g.Supports.Precision(), g.Supports.Recall(), g.Denies, g.Denies.Precision(), g.Denies.Recall())
			}
			if diff := g.Points - tc.points1; diff > 1e-9 || diff < -1e-9 {
				t.Errorf("points = %v, want %v", g.Points, tc.points1)
			}
			// c2 has no answer links in the key, and the student drew
			// none: no link points are at stake.
			if res.Claims[1].Points != 2 || res.Claims[1].MaxPoints != 2 {
				t.Errorf("c2: %v of %v points", res.Claims[1].Points, res.Claims[1].MaxPoints)
			}
			// Undecided, the same links earn nothing.
			un := answer(t, key, ex, "Bo", nil, nil)
			un.Links = append(un.Links, tc.links...)
			if res, _ := app.Grade(key, un); res.Points != 0 || !reflect.DeepEqual(res.Claims[0].Supports, g.Supports) {
				t.Errorf("undecided: %v points, supports %+v", res.Points, res.Claims[0].Supports)
			}
		})
	}
}

func TestGrade_Refuses(t *testing.T) {
	key := sampleKey(t)
	ex := makeEx(t, key, app.ExerciseOptions{Rand: seeded(7)})
	other, _ := mustParse(t, mustJSON(t, baseDoc()))
	otherEx := makeEx(t, other, app.ExerciseOptions{Rand: seeded(7)})
	for name, tc := range map[string]struct {
		key  *app.Document
		edit func(st *app.Document) *app.Document
		want string
	}{
		"the key itself":    {key, func(*app.Document) *app.Document { return sampleKey(t) }, "the answer key itself"},
		"an ordinary board": {key, func(st *app.Document) *app.Document { st.Exercise = nil; return st }, "ordinary board"},
		"another exercise":  {key, func(*app.Document) *app.Document { return answer(t, other, otherEx, "Cy", nil, nil) }, "another exercise"},
		"asked changed":     {key, func(st *app.Document) *app.Document { st.Exercise.Asked.Links = true; return st }, "but the key made exercise"},
		"id garbled":        {key, func(st *app.Document) *app.Document { st.Exercise.ID = "ex-zz"; return st }, "not one Evidence Board makes"},
		"claim reworded": {key, func(st *app.Document) *app.Document {
			st.Claims[2].Statement = "Something else."
			return st
		}, "statement of claim c-30-companies was changed"},
		"claim removed": {key, func(st *app.Document) *app.Document { st.Claims = st.Claims[:len(st.Claims)-1]; return st }, "is missing"},
		"claim added": {key, func(st *app.Document) *app.Document {
			st.Claims = append(st.Claims, app.Claim{ID: "c-new", Statement: "New."})
			return st
		}, "a claim the exercise did not ask, c-new"},
		"quote changed":      {key, func(st *app.Document) *app.Document { st.Quotes[0].Text = "I said nothing."; return st }, "words of quote"},
		"key is an exercise": {ex, func(st *app.Document) *app.Document { return st }, "the key is itself an exercise"},
	} {
		t.Run(name, func(t *testing.T) {
			st := tc.edit(answer(t, key, ex, "Di", []int{0}, nil))
			res, err := app.Grade(tc.key, st)
			if res != nil || app.ErrorCode(err) != app.EINVALID || !strings.Contains(app.ErrorMessage(err), tc.want) {
				t.Errorf("Grade = %v, %v; want EINVALID with %q", res, err, tc.want)
			}
		})
	}
	// A quote the student pins, and one removed, are no tampering.
	st := answer(t, key, ex, "Di", []int{0}, nil)
	st.Quotes = append(st.Quotes[1:], app.Quote{ID: "q-mine", Text: "my own"})
	if _, err := app.Grade(key, st); err != nil {
		t.Errorf("a student's own quote: %v", err)
	}
}

func TestHandInName(t *testing.T) {
	for _, tc := range []struct{ student, title, want string }{
		{"Ada Lovelace", "The Big Hack", "Ada Lovelace - The Big Hack.evboard"},
		{"", "The Big Hack", "student - The Big Hack.evboard"},
		{"a/b\\c:d", "x?y", "a_b_c_d - x_y.evboard"},
		{"..", "...", "board - board.evboard"},
	} {
		doc := &app.Document{Board: app.Board{Title: tc.title}, Exercise: &app.Exercise{Student: tc.student}}
		if got := app.HandInName(doc); got != tc.want {
			t.Errorf("HandInName(%q, %q) = %q, want %q", tc.student, tc.title, got, tc.want)
		}
	}
}

// FuzzGrade grades whatever document the bytes make against the sample's
// key: Grade never panics, and a board it grades has one grade per claim
// of the key, no more right than decided, and points within the rubric's.
func FuzzGrade(f *testing.F) {
	key := sampleKey(f)
	ex := makeEx(f, key, app.ExerciseOptions{Verdict: true, Links: true, Rand: seeded(9)})
	for _, st := range []*app.Document{
		answer(f, key, ex, "Ada", []int{0, 1, 2}, []int{3, 4}),
		answer(f, key, ex, "", nil, nil),
		key,
	} {
		var buf bytes.Buffer
		if err := app.WriteDocumentJSON(&buf, st); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, _, err := app.ParseDocument(data)
		if err != nil {
			return
		}
		res, err := app.Grade(key, st)
		if err != nil {
			if app.ErrorCode(err) != app.EINVALID || app.ErrorMessage(err) == "" {
				t.Fatalf("Grade refused with %v", err)
			}
			return
		}
		if len(res.Claims) != len(key.Claims) || res.Correct > res.Decided || res.Decided > len(key.Claims) {
			t.Fatalf("%d grades, %d right, %d decided", len(res.Claims), res.Correct, res.Decided)
		}
		if res.Points < 0 || res.Points > res.MaxPoints+1e-9 || res.Score < 0 || res.Score > 100 {
			t.Fatalf("%v of %v points, score %v", res.Points, res.MaxPoints, res.Score)
		}
	})
}
