package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
	"evidenceboard/storage"
)

// writeExercise writes the sample as a key and an exercise made from it
// into dir, and returns the key's document and the exercise's path.
func writeExercise(t *testing.T, dir string, opts app.ExerciseOptions) (*app.Document, string, string) {
	t.Helper()
	key := sampleDoc(t)
	keyPath, exPath := filepath.Join(dir, "key.evboard"), filepath.Join(dir, "exercise.evboard")
	if err := (storage.Files{}).Import(keyPath, key, false); err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(keyPath, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := app.MakeExerciseFile(context.Background(), db, storage.Files{}, exPath, false, opts, nil); err != nil {
		t.Fatal(err)
	}
	if key, err = db.Export(context.Background()); err != nil {
		t.Fatal(err)
	}
	return key, keyPath, exPath
}

func textsIn(o fyne.CanvasObject) string {
	var out []string
	for _, c := range objects(o) {
		switch v := c.(type) {
		case *canvas.Text:
			out = append(out, v.Text)
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.Button:
			out = append(out, v.Text)
		}
	}
	return strings.Join(out, "\n")
}

func claimIndex(doc *app.Document, id string) int {
	for i, c := range doc.Claims {
		if c.ID == id {
			return i
		}
	}
	return -1
}

// A student opens an exercise: the instructions show, the name is asked
// once, undecided claims say so, deciding one counts on the bar, and Hand
// In writes a copy named after the student and the exercise, which grades
// against the key; the student goes on working after.
func TestExercise_StudentFlowAndHandIn(t *testing.T) {
	l := newUILoop(t)
	dir := t.TempDir()
	key, _, exPath := writeExercise(t, dir, app.ExerciseOptions{Verdict: true, Instructions: "Read the ZDNet article first."})
	a := test.NewTempApp(t)
	w := newBoardWindow(a, storage.Files{Options: storage.Options{DeferCheck: true}})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(exPath)
	if w.file == nil {
		t.Fatal("the exercise did not open")
	}
	waitVerified(t, w)
	t.Cleanup(func() {
		if w.file != nil {
			w.file.Close()
		}
		w.win.Close()
	})

	if w.exercise.instructions == nil || !strings.Contains(shown(w), "Read the ZDNet article first.") {
		t.Fatalf("the instructions are not shown: %q", shown(w))
	}
	test.Tap(buttonIn(w.win.Canvas().Overlays().Top(), "Start"))
	if w.exercise.nameEntry == nil {
		t.Fatal("the name is not asked")
	}
	test.Type(w.exercise.nameEntry, "Ada Lovelace")
	test.Tap(buttonIn(w.win.Canvas().Overlays().Top(), "OK"))
	if e := w.exerciseRecord(); e == nil || e.Student != "Ada Lovelace" {
		t.Fatalf("exercise = %+v", e)
	}
	if !w.exercise.box.Visible() || !strings.Contains(w.exercise.label.Text, "0 of 12 claims decided") {
		t.Fatalf("bar = %q (shown %v)", w.exercise.label.Text, w.exercise.box.Visible())
	}
	// Opening it again asks no name.
	w.closeBoard()
	if w.exercise.box.Visible() {
		t.Error("the exercise bar outlives the board")
	}
	w.openPath(exPath)
	waitVerified(t, w)
	test.Tap(buttonIn(w.win.Canvas().Overlays().Top(), "Start"))
	if w.exercise.nameEntry != nil {
		t.Fatal("the name is asked again")
	}

	// An undecided claim says so on its card, in the list and inspector.
	id := "c-supermicro-aware"
	k := key.Claims[claimIndex(key, id)]
	if k.Status != app.StatusDenied {
		t.Fatalf("the key's %s is %s", id, k.Status)
	}
	w.choose(id)
	if s := textsIn(w.insp.content()); !strings.Contains(s, "UNDECIDED") || w.insp.statusApply.Text != "Decide" {
		t.Fatalf("the inspector of an undecided claim shows:\n%s", s)
	}
	card := &cardView{id: id, board: w.board}
	if c := card.content(); c.badge != "UNDECIDED" {
		t.Errorf("the card's badge is %q", c.badge)
	}
	row := newNavRow().(*navRow)
	w.nav.bindRow(app.KindClaim, id, row)
	if !strings.Contains(textsIn(row), "UNDECIDED") {
		t.Errorf("the list row shows %q", textsIn(row))
	}

	// Deciding: a status with a reasoning note, and a verdict.
	w.insp.statusSelect.SetSelected("DENIED")
	test.Type(w.insp.statusNote, "Supermicro says it was never contacted")
	test.Tap(w.insp.statusApply)
	if w.exercise.verdictSelect == nil {
		t.Fatal("no verdict is asked")
	}
	w.exercise.verdictSelect.SetSelected("Mostly false")
	test.Type(w.exercise.verdictNote, "only the report says so")
	test.Tap(w.exercise.verdictApply)
	if !strings.Contains(w.exercise.label.Text, "1 of 12 claims decided") {
		t.Fatalf("bar = %q", w.exercise.label.Text)
	}
	c := w.model.claims[id]
	if c.Status != app.StatusDenied || c.Verdict == nil || c.Verdict.Label != "Mostly false" || c.History[0].Note != "Supermicro says it was never contacted" {
		t.Fatalf("claim = %+v", c)
	}
	// The list's status filter finds the claims still to decide.
	w.nav.status.SetSelected("UNDECIDED")
	if got := len(w.nav.shown[app.KindClaim]); got != 11 || slices.Contains(w.nav.shown[app.KindClaim], id) {
		t.Errorf("the UNDECIDED filter lists %d claims (the decided one among them: %v), want the 11 undecided",
			got, slices.Contains(w.nav.shown[app.KindClaim], id))
	}
	w.nav.status.SetSelected(anyStatus)

	// Hand In suggests the student's and the exercise's names.
	w.handIn()
	top := w.win.Canvas().Overlays().Top()
	var name string
	for _, o := range objects(top) {
		if e, ok := o.(*widget.Entry); ok {
			name = e.Text
			break
		}
	}
	if want := "Ada Lovelace - " + key.Board.Title + ".evboard"; name != strings.ReplaceAll(want, ":", "_") {
		t.Fatalf("the hand-in is named %q, want %q", name, want)
	}
	chooseTarget(t, w, name)
	handed := filepath.Join(dir, name)
	l.until("the hand-in is written", func() bool { _, busy := jobs.Load(w); _, err := os.Stat(handed); return err == nil && !busy })
	db, err := storage.OpenForReading(handed)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := db.Export(context.Background())
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	res, err := app.Grade(key, doc)
	if err != nil {
		t.Fatal(err)
	}
	if res.Student != "Ada Lovelace" || res.Correct != 1 || res.Decided != 1 {
		t.Fatalf("the hand-in grades as %q: %d right, %d decided", res.Student, res.Correct, res.Decided)
	}
	// The student goes on working on the exercise, not on the hand-in.
	w.choose("c-pla-chips")
	w.insp.statusSelect.SetSelected("ALLEGED")
	test.Tap(w.insp.statusApply)
	if w.file.Path() != exPath || !strings.Contains(w.exercise.label.Text, "2 of 12") {
		t.Fatalf("after handing in: file %s, bar %q", w.file.Path(), w.exercise.label.Text)
	}
	// Undo takes the decision back: the claim is undecided again.
	w.undo()
	if !w.model.claims["c-pla-chips"].Undecided() || !strings.Contains(w.exercise.label.Text, "1 of 12") {
		t.Fatalf("after undo: %+v, bar %q", w.model.claims["c-pla-chips"], w.exercise.label.Text)
	}
}

// The teacher makes an exercise from the open board through its dialog,
// grades a folder of hand-ins into the class report, and debriefs one.
func TestExercise_MakeGradeDebrief(t *testing.T) {
	l := newUILoop(t)
	w, keyPath := openRealWindow(t)
	dir := filepath.Dir(keyPath)
	if w.exercise.box.Visible() || !w.exercise.handIn.Disabled {
		t.Fatal("the exercise bar shows on a board that is no exercise")
	}
	w.makeExercise()
	top := w.win.Canvas().Overlays().Top()
	for _, o := range objects(top) {
		if c, ok := o.(*widget.Check); ok && strings.HasPrefix(c.Text, "which quotes") {
			c.SetChecked(true)
		}
		if e, ok := o.(*tabEntry); ok && e.MultiLine {
			e.SetText("Decide every claim.")
		}
	}
	// The notes that carry over are listed: with links asked, not the
	// quotes' notes, unless kept; leaving them out lists none.
	e := w.exercise
	if text := e.carried.Text; !strings.Contains(text, "description the board: ") || strings.Contains(text, "\nquote “") || e.keepQuoteNotes.Disabled() {
		t.Errorf("links asked: the notes listed are\n%s", text)
	}
	e.keepQuoteNotes.SetChecked(true)
	if !strings.Contains(e.carried.Text, "\nquote “") {
		t.Errorf("the quotes' notes kept, but not listed:\n%s", e.carried.Text)
	}
	e.keepQuoteNotes.SetChecked(false)
	e.noNotes.SetChecked(true)
	if !strings.HasPrefix(e.carried.Text, "None") || !e.keepQuoteNotes.Disabled() {
		t.Errorf("notes left out, yet listed:\n%s", e.carried.Text)
	}
	e.noNotes.SetChecked(false)
	test.Tap(buttonIn(top, "Next…"))
	chooseTarget(t, w, "class exercise.evboard")
	exPath := filepath.Join(dir, "class exercise.evboard")
	l.until("the exercise is written", func() bool { _, busy := jobs.Load(w); _, err := os.Stat(exPath); return err == nil && !busy })
	if !strings.Contains(w.status.Text, "12 claims to decide") || strings.Contains(w.status.Text, "ex-") {
		t.Errorf("status = %q", w.status.Text)
	}
	key, err := w.file.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if key.ExerciseKey == nil || len(key.ExerciseKey.Made) != 1 || !key.ExerciseKey.Made[0].Asked.Links {
		t.Fatalf("the key's record of its exercises: %+v", key.ExerciseKey)
	}
	if u, _, _ := w.file.UndoState(context.Background()); u != "" {
		t.Errorf("making the exercise left %q to undo in the key", u)
	}

	class := filepath.Join(dir, "hand-ins")
	os.Mkdir(class, 0o755)
	student := func(name string, decide map[string]app.Status) string {
		p := filepath.Join(class, name+".evboard")
		data, err := os.ReadFile(exPath)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(p, data, 0o644)
		db, err := storage.Open(p, storage.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		ctx := context.Background()
		if e, err := db.Exercise(ctx); err != nil || e == nil || !e.Asked.Links || e.Instructions != "Decide every claim." {
			t.Fatalf("the exercise made in the window: %+v, %v", e, err)
		}
		db.SetStudent(ctx, name)
		for id, s := range decide {
			if _, err := db.SetClaimStatus(ctx, id, app.StatusChange{Status: s, Note: name + "'s reasoning"}); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	bo := student("Bo", map[string]app.Status{"c-supermicro-aware": app.StatusDenied, "c-pla-chips": app.StatusAlleged})
	student("Cy", map[string]app.Status{"c-supermicro-aware": app.StatusAlleged})

	report := filepath.Join(dir, "class report.html")
	w.gradeTo(keyPath, []string{class}, report, false)
	l.until("the class report is written", func() bool { _, busy := jobs.Load(w); return w.exercise.lastReport != "" && !busy })
	html, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Bo", "Cy", "Bo&#39;s reasoning", "<svg"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the class report lacks %q", want)
		}
	}
	if !strings.Contains(w.status.Text, "Graded 2 of 2 boards") {
		t.Errorf("status = %q", w.status.Text)
	}

	w.debriefFile(bo)
	l.until("the debrief is shown", func() bool { return w.exercise.lastDebrief != nil })
	res := w.exercise.lastDebrief
	if res == nil || res.Student != "Bo" || res.Correct != 1 || res.Decided != 2 {
		t.Fatalf("debrief = %+v", res)
	}
	s := shown(w)
	for _, want := range []string{"Debrief: Bo", "✓ RIGHT", "✗ WRONG", "Student: DENIED — Why denied: Bo's reasoning", "Key: DENIED — Notes on the claim: " + key.Claims[claimIndex(key, "c-supermicro-aware")].Notes, key.Claims[claimIndex(key, "c-supermicro-aware")].History[1].Note} {
		if !strings.Contains(s, want) {
			t.Errorf("the debrief lacks %q:\n%s", want, s)
		}
	}

	// Editing the key, which has an exercise out, says so once.
	stmt := "Reworded after the exercise went out."
	if err := w.updateClaim("c-pla-chips", app.ClaimUpdate{Statement: &stmt}); err != nil {
		t.Fatal(err)
	}
	if w.exercise.keyNotice == nil || !strings.Contains(shown(w), "answer key of 1 exercise handed out") {
		t.Fatalf("no notice on editing a key with an exercise out:\n%s", shown(w))
	}
	w.exercise.keyNotice.Hide()
	notes := "A second edit."
	if err := w.updateClaim("c-pla-chips", app.ClaimUpdate{Notes: &notes}); err != nil {
		t.Fatal(err)
	}
	if w.exercise.keyNotice != nil {
		t.Error("the notice came twice")
	}
	// Bo's hand-in is still graded, on the claim as it was handed out.
	w.exercise.lastDebrief = nil
	w.debriefFile(bo)
	l.until("the debrief is shown again", func() bool { return w.exercise.lastDebrief != nil })
	if res := w.exercise.lastDebrief; res == nil || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "reworded") {
		t.Errorf("debrief after the rewording: %+v", res)
	}
}
