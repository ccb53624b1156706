package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

func TestParseWhen(t *testing.T) {
	now := time.Date(2026, 12, 2, 15, 30, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		in   string
		want time.Time
		bad  string // part of the message, for a refusal
	}{
		{in: "", want: time.Time{}},
		{in: "  ", want: time.Time{}},
		{in: now.Format(time.DateOnly), want: time.Time{}}, // today: now
		{in: "2018-10-04", want: day(2018, 10, 4)},
		{in: " 2018-10-04 ", want: day(2018, 10, 4)},
		{in: "2026-12-01", want: day(2026, 12, 1)},
		{in: "2018-10-04T14:30:00Z", want: time.Date(2018, 10, 4, 14, 30, 0, 0, time.UTC)},
		{in: "2018-10-04T16:30:00+02:00", want: time.Date(2018, 10, 4, 14, 30, 0, 0, time.UTC)},
		{in: "2026-12-02T15:29:59Z", want: time.Date(2026, 12, 2, 15, 29, 59, 0, time.UTC)},
		{in: "2026-12-03", bad: "in the future"},
		{in: "2027-01-01", bad: "1 January 2027 is in the future"},
		{in: "2026-12-02T15:30:01Z", bad: "in the future"},
		{in: "2018-02-30", bad: "not a date"},
		{in: "4 Oct 2018", bad: "YYYY-MM-DD"},
		{in: "yesterday", bad: "not a date"},
		{in: "2018-10-04T25:00:00Z", bad: "not a date"},
	} {
		got, err := parseWhen(c.in, now)
		switch {
		case c.bad != "" && (err == nil || !strings.Contains(err.Error(), c.bad)):
			t.Errorf("parseWhen(%q) = %v, %v; want a refusal saying %q", c.in, got, err, c.bad)
		case c.bad == "" && (err != nil || !got.Equal(c.want)):
			t.Errorf("parseWhen(%q) = %v, %v; want %v", c.in, got, err, c.want)
		case err != nil && app.ErrorCode(err) != app.EINVALID:
			t.Errorf("parseWhen(%q): error code %q", c.in, app.ErrorCode(err))
		}
	}
}

// What a date field shows reads back as the same time, and never as one
// after now.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"", "2018-10-04", "2018-10-04T14:30:00Z", "2018-10-04T14:30:00.5+05:30", "9999-12-31", "x"} {
		f.Add(s)
	}
	now := time.Date(2026, 12, 2, 15, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseWhen(s, now)
		if err != nil {
			if app.ErrorCode(err) != app.EINVALID {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if got.After(now) {
			t.Fatalf("%q gave %v, after now", s, got)
		}
		if got.IsZero() {
			return
		}
		back, err := parseWhen(whenField(got), now)
		if err != nil || !back.Truncate(time.Second).Equal(got.Truncate(time.Second)) {
			t.Fatalf("%q gave %v, shown as %q, read back as %v, %v", s, got, whenField(got), back, err)
		}
	})
}

// lastUndo is the label of the edit the file would undo.
func lastUndo(t *testing.T, f *memFile) string {
	t.Helper()
	u, _, err := f.UndoState(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func claimIn(d *app.Document, id string) *app.Claim {
	for i := range d.Claims {
		if d.Claims[i].ID == id {
			return &d.Claims[i]
		}
	}
	return nil
}

// cardOf is the card drawing id, brought into view at 100 %.
func cardOf(t *testing.T, w *boardWindow, id string) *cardView {
	t.Helper()
	w.board.zoomBy(1 / w.board.zoom)
	w.board.reveal(id)
	w.board.relayout()
	c := w.board.renderer.byID[id]
	if c == nil {
		t.Fatalf("no card shows %s", id)
	}
	c.Refresh()
	return c
}

// A verdict is given, changed and taken away in the inspector, each as one
// undo step, dated as the date field says; the card shows it beside the
// status.
func TestWindow_Verdict(t *testing.T) {
	w, f := openUnjudgedWindow(t)
	const id = "c-pla-chips"
	before := cloneDoc(f.doc)
	w.choose(id)
	i := w.insp
	if i.verdictSelect.Selected != noVerdict || i.verdictApply.Text != "Give verdict" {
		t.Fatalf("a claim without a verdict shows %q, button %q", i.verdictSelect.Selected, i.verdictApply.Text)
	}
	if got, want := i.verdictSelect.Options, []string{noVerdict, "False", "Mostly false", "Unproven", "Mostly true", "True"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("verdict choices %q, want the default scale %q", got, want)
	}
	i.verdictSelect.SetSelected("Unproven")
	test.Type(i.verdictNote, "Only anonymous sources; every company named denies it.")
	i.verdictWhen.SetText("2018-10-08")
	test.Tap(i.verdictApply)
	c := claimIn(f.doc, id)
	want := &app.Verdict{Label: "Unproven", Note: "Only anonymous sources; every company named denies it.", At: time.Date(2018, 10, 8, 0, 0, 0, 0, time.UTC)}
	if !reflect.DeepEqual(c.Verdict, want) {
		t.Fatalf("verdict in the file = %+v, want %+v", c.Verdict, want)
	}
	if len(f.undo) != 1 || lastUndo(t, f) != "Give verdict" {
		t.Fatalf("%d undo steps, last %q: want one, Give verdict", len(f.undo), lastUndo(t, f))
	}
	modelMatchesFile(t, w, f)
	if card := cardOf(t, w, id); card.verdictText.Hidden || card.verdictText.Text != "Unproven" || card.badgeText.Text != "UNCONFIRMED" {
		t.Fatalf("card shows verdict %q (hidden %v) beside %q", card.verdictText.Text, card.verdictText.Hidden, card.badgeText.Text)
	}
	if i := w.insp; i.verdictSelect.Selected != "Unproven" || i.verdictWhen.Text != "2018-10-08" || i.verdictApply.Text != "Change verdict" {
		t.Fatalf("inspector after the verdict: %q, %q, %q", i.verdictSelect.Selected, i.verdictWhen.Text, i.verdictApply.Text)
	}
	row := newNavRow().(*navRow)
	w.nav.bindRow(app.KindClaim, id, row)
	if row.full[1] != "Verdict: Unproven" {
		t.Errorf("the claim's row in the lists says %q under it, want its verdict", row.full[1])
	}
	given := cloneDoc(f.doc)
	undoRedo(t, w, f, before, given)

	// Changed: a new label, the date kept as it was.
	w.choose(id)
	w.insp.verdictSelect.SetSelected("Mostly false")
	test.Tap(w.insp.verdictApply)
	if v := claimIn(f.doc, id).Verdict; v.Label != "Mostly false" || !v.At.Equal(want.At) || v.Note != want.Note {
		t.Fatalf("changed verdict = %+v", v)
	}
	changed := cloneDoc(f.doc)
	undoRedo(t, w, f, given, changed)

	// Taken away.
	w.choose(id)
	w.insp.verdictSelect.SetSelected(noVerdict)
	if w.insp.verdictApply.Text != "Remove verdict" {
		t.Fatalf("button says %q", w.insp.verdictApply.Text)
	}
	test.Tap(w.insp.verdictApply)
	if claimIn(f.doc, id).Verdict != nil || lastUndo(t, f) != "Remove verdict" {
		t.Fatalf("verdict after removing: %+v, undo %q", claimIn(f.doc, id).Verdict, lastUndo(t, f))
	}
	if card := cardOf(t, w, id); !card.verdictText.Hidden {
		t.Fatal("the card still shows a verdict")
	}
	undoRedo(t, w, f, changed, cloneDoc(f.doc))
}

// A verdict or status change dated in the future, or on no date, is
// refused with a message, and nothing is saved.
func TestWindow_DateFieldsRefuseTheFuture(t *testing.T) {
	w, f := openTestWindow(t)
	w.choose("c-pla-chips")
	tomorrow := time.Now().AddDate(0, 0, 1).Format(time.DateOnly)
	for _, c := range []struct {
		when string
		say  string
	}{{tomorrow, "in the future"}, {"last Tuesday", "YYYY-MM-DD"}} {
		w.insp.verdictSelect.SetSelected("True")
		w.insp.verdictWhen.SetText(c.when)
		test.Tap(w.insp.verdictApply)
		w.insp.statusSelect.SetSelected("DENIED")
		w.insp.statusWhen.SetText(c.when)
		test.Tap(w.insp.statusApply)
		if len(f.undo) != 0 {
			t.Fatalf("%q: %d edits saved", c.when, len(f.undo))
		}
		if msg := shown(w); strings.Count(msg, c.say) < 2 {
			t.Fatalf("%q: the window said %q, want %q twice", c.when, msg, c.say)
		}
		for w.win.Canvas().Overlays().Top() != nil {
			w.win.Canvas().Overlays().Top().Hide()
		}
	}
}

// A status change dated in the past goes into the history in its place:
// the status is that of the latest change, and the inspector says so when
// the back-dated one is not it. Each is one undo step.
func TestWindow_BackdatedStatus(t *testing.T) {
	w, f := openTestWindow(t)
	const id = "c-pla-chips"
	before := cloneDoc(f.doc)
	old := claimIn(before, id)
	last := old.History[len(old.History)-1]

	// Before the last change: into the history, the status unchanged.
	w.choose(id)
	at := last.At.Add(-time.Hour)
	w.insp.statusSelect.SetSelected("DENIED")
	test.Type(w.insp.statusNote, "Amazon denied it that morning")
	w.insp.statusWhen.SetText(at.Format(time.RFC3339))
	test.Tap(w.insp.statusApply)
	c := claimIn(f.doc, id)
	if len(c.History) != len(old.History)+1 || c.Status != old.Status {
		t.Fatalf("history %d entries (want %d), status %s (want %s)", len(c.History), len(old.History)+1, c.Status, old.Status)
	}
	if h := c.History[len(c.History)-2]; h.Status != app.StatusDenied || !h.At.Equal(at) || h.Note != "Amazon denied it that morning" {
		t.Fatalf("the back-dated change is %+v, not in its place", h)
	}
	if msg := shown(w) + labels(w.insp.root); !strings.Contains(msg, "a later change keeps the claim "+strings.ToUpper(string(old.Status))) {
		t.Fatal("the inspector did not say why the status did not change")
	}
	if lastUndo(t, f) != "Change claim status" || len(f.undo) != 1 {
		t.Fatalf("undo %q, %d steps", lastUndo(t, f), len(f.undo))
	}
	modelMatchesFile(t, w, f)
	mid := cloneDoc(f.doc)
	undoRedo(t, w, f, before, mid)

	// After every change but still in the past, on a date: the status.
	w.choose(id)
	w.insp.statusSelect.SetSelected("DENIED")
	w.insp.statusWhen.SetText("2018-10-05")
	w.win.Canvas().Focus(w.insp.statusWhen)
	w.insp.statusWhen.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter in the date field changes the status
	if f := w.win.Canvas().Focused(); f != nil {
		t.Fatalf("after the change %T keeps the keyboard, and Ctrl+Z with it", f)
	}
	c = claimIn(f.doc, id)
	if c.Status != app.StatusDenied || !c.History[len(c.History)-1].At.Equal(time.Date(2018, 10, 5, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("status %s, last change %+v", c.Status, c.History[len(c.History)-1])
	}
	if got := labels(w.insp.history); !strings.HasPrefix(got, "5 Oct 2018  DENIED") {
		t.Fatalf("history shown: %q", got)
	}
	if card := cardOf(t, w, id); card.badgeText.Text != "DENIED" {
		t.Fatalf("card badge %q", card.badgeText.Text)
	}
	undoRedo(t, w, f, mid, cloneDoc(f.doc))
}

// labels is the text of every label and text drawn in o, a line each.
func labels(o fyne.CanvasObject) string {
	var out []string
	for _, c := range objects(o) {
		switch v := c.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *canvas.Text:
			out = append(out, v.Text)
		}
	}
	return strings.Join(out, "\n")
}

func partyIn(d *app.Document, id string) *app.Party {
	for i := range d.Parties {
		if d.Parties[i].ID == id {
			return &d.Parties[i]
		}
	}
	return nil
}

func quoteIn(d *app.Document, id string) *app.Quote {
	for i := range d.Quotes {
		if d.Quotes[i].ID == id {
			return &d.Quotes[i]
		}
	}
	return nil
}

// Grades are chosen from their meanings, saved at once as one undo step
// each, explained below the choice and shown on the cards: a party's and
// a source's letter, a quote's number with its speaker's letter.
func TestWindow_Grades(t *testing.T) {
	w, f := openUnjudgedWindow(t)
	const quote, speaker, source = "q-apple-no-fbi", "apple", "apple-statement-2018-10-04"
	if q := quoteIn(f.doc, quote); q.Speaker != speaker {
		t.Fatalf("the sample's quote %s is %s's, not %s's", quote, q.Speaker, speaker)
	}

	// A quote graded 2: its card says 2, its speaker being ungraded.
	before := cloneDoc(f.doc)
	w.choose(quote)
	s := w.insp.selects["credibility"]
	if s.Selected != notGraded || len(s.Options) != 7 || s.Options[2] != "2 — probably true" {
		t.Fatalf("credibility choices %q, chosen %q", s.Options, s.Selected)
	}
	s.SetSelected("2 — probably true")
	if q := quoteIn(f.doc, quote); q.Credibility != 2 || len(f.undo) != 1 || lastUndo(t, f) == "" {
		t.Fatalf("credibility in the file %d, %d undo steps", q.Credibility, len(f.undo))
	}
	if m := w.insp.gradeMeaning.Text; m != "Not confirmed; logical in itself; consistent with other information." {
		t.Fatalf("meaning shown: %q", m)
	}
	if c := cardOf(t, w, quote); c.gradeText.Hidden || c.gradeText.Text != "2" {
		t.Fatalf("quote card grade %q (hidden %v)", c.gradeText.Text, c.gradeText.Hidden)
	}
	modelMatchesFile(t, w, f)
	graded := cloneDoc(f.doc)
	undoRedo(t, w, f, before, graded)

	// Its speaker graded B: the party's card says B, the quote's B2.
	w.choose(speaker)
	r := w.insp.selects["reliability"]
	if r.Selected != notGraded || len(r.Options) != 7 || r.Options[2] != "B — usually reliable" {
		t.Fatalf("reliability choices %q, chosen %q", r.Options, r.Selected)
	}
	r.SetSelected("B — usually reliable")
	if p := partyIn(f.doc, speaker); p.Reliability != "B" || len(f.undo) != 2 {
		t.Fatalf("reliability in the file %q, %d undo steps", p.Reliability, len(f.undo))
	}
	if m := w.insp.gradeMeaning.Text; m != "Minor doubt; a history of valid information most of the time." {
		t.Fatalf("meaning shown: %q", m)
	}
	if c := cardOf(t, w, speaker); c.gradeText.Text != "B" || c.gradeText.Hidden {
		t.Fatalf("party card grade %q", c.gradeText.Text)
	}
	if c := cardOf(t, w, quote); c.gradeText.Text != "B2" {
		t.Fatalf("quote card code %q, want B2", c.gradeText.Text)
	}
	w.choose(quote)
	if !strings.Contains(labels(w.insp.root), "Admiralty code B2") {
		t.Fatal("the quote's inspector does not say where its code comes from")
	}
	modelMatchesFile(t, w, f)
	both := cloneDoc(f.doc)
	undoRedo(t, w, f, graded, both)

	// A source graded, then ungraded: each one step.
	w.choose(source)
	w.insp.selects["reliability"].SetSelected("E — unreliable")
	if got := f.doc.Sources; sourceGrade(got, source) != "E" {
		t.Fatalf("source grade %q", sourceGrade(got, source))
	}
	if c := cardOf(t, w, source); c.gradeText.Text != "E" {
		t.Fatalf("source card grade %q", c.gradeText.Text)
	}
	sourced := cloneDoc(f.doc)
	undoRedo(t, w, f, both, sourced)
	w.choose(source)
	w.insp.selects["reliability"].SetSelected(notGraded)
	if sourceGrade(f.doc.Sources, source) != "" || !strings.HasPrefix(w.insp.gradeMeaning.Text, "Not graded") {
		t.Fatalf("ungraded source: %q, meaning %q", sourceGrade(f.doc.Sources, source), w.insp.gradeMeaning.Text)
	}
	if c := cardOf(t, w, source); !c.gradeText.Hidden {
		t.Fatal("an ungraded source's card shows a grade")
	}
	undoRedo(t, w, f, sourced, cloneDoc(f.doc))
}

func sourceGrade(ss []app.Source, id string) app.Reliability {
	for _, s := range ss {
		if s.ID == id {
			return s.Reliability
		}
	}
	return "?"
}

// The rating scale dialog shows the default scale, edits it (a label
// renamed, a step added and moved), saves it as one edit, and the
// verdict choices follow; a scale that drops a label in use is refused,
// said in the dialog, which keeps what was typed; "Use default scale"
// goes back to the default, stored as no scale of the board's own.
func TestWindow_ScaleDialog(t *testing.T) {
	w, f := openTestWindow(t)
	before := cloneDoc(f.doc)
	s := w.openScaleDialog()
	if len(s.rows) != len(app.DefaultScale) || s.rows[0].label.Text != "False" || s.rows[4].value.Text != "5" ||
		!strings.Contains(s.state.Text, "default") {
		t.Fatalf("the dialog opened on %d rows, %q", len(s.rows), s.state.Text)
	}
	s.rows[1].label.SetText("Misleading")
	test.Tap(s.add)
	if len(s.rows) != 6 || s.rows[5].value.Text != "6" || w.win.Canvas().Focused() != s.rows[5].label {
		t.Fatalf("the new step: %d rows, value %q", len(s.rows), s.rows[len(s.rows)-1].value.Text)
	}
	test.Type(s.rows[5].label, "Pants on fire")
	test.Tap(s.rows[5].up) // a step worse than True: labels move, values stay
	for k := 0; k < 4; k++ {
		test.Tap(s.rows[4-k].up)
	}
	if !s.rows[0].up.Disabled() || !s.rows[5].down.Disabled() {
		t.Fatal("the first step can move up, or the last down")
	}
	test.Tap(s.save)
	var want []app.ScaleStep
	for k, l := range []string{"Pants on fire", "False", "Misleading", "Unproven", "Mostly true", "True"} {
		want = append(want, app.ScaleStep{Label: l, Value: k + 1})
	}
	if !reflect.DeepEqual(f.doc.Board.Scale, want) {
		t.Fatalf("scale in the file %+v, want %+v", f.doc.Board.Scale, want)
	}
	if len(f.undo) != 1 || w.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("%d undo steps; dialog still up: %v", len(f.undo), w.win.Canvas().Overlays().Top() != nil)
	}
	modelMatchesFile(t, w, f)
	own := cloneDoc(f.doc)
	undoRedo(t, w, f, before, own)

	// The verdict choices follow; a verdict on the new scale.
	w.choose("c-pla-chips")
	if got := w.insp.verdictSelect.Options; len(got) != 7 || got[1] != "Pants on fire" {
		t.Fatalf("verdict choices %q", got)
	}
	w.insp.verdictSelect.SetSelected("Misleading")
	test.Tap(w.insp.verdictApply)
	judged := cloneDoc(f.doc)

	// Removing and renaming "Misleading", which the verdict uses: refused.
	s = w.openScaleDialog()
	if !strings.Contains(s.state.Text, "own") || s.rows[2].used.Text != "1 verdict" {
		t.Fatalf("state %q, use %q", s.state.Text, s.rows[2].used.Text)
	}
	test.Tap(s.rows[2].remove)
	s.rows[0].label.SetText("Fabricated")
	test.Tap(s.save)
	if !reflect.DeepEqual(f.doc, judged) {
		t.Fatal("a scale without a label in use was saved")
	}
	if s.problem.Hidden || !strings.Contains(s.problem.Text, "Misleading") || !strings.HasPrefix(s.problem.Text, "Not saved") {
		t.Fatalf("the dialog said %q (hidden %v)", s.problem.Text, s.problem.Hidden)
	}
	if w.win.Canvas().Overlays().Top() == nil || len(s.rows) != 5 || s.rows[0].label.Text != "Fabricated" {
		t.Fatal("the refusal lost the dialog or what was typed in it")
	}
	// A value that is not a number, or values that fall: said, not saved.
	s.rows[1].value.SetText("two")
	test.Tap(s.save)
	if !strings.Contains(s.problem.Text, "not a whole number") {
		t.Fatalf("the dialog said %q", s.problem.Text)
	}
	s.rows[1].value.SetText("0")
	test.Tap(s.save)
	if !strings.Contains(s.problem.Text, "not above") || !reflect.DeepEqual(f.doc, judged) {
		t.Fatalf("the dialog said %q", s.problem.Text)
	}
	test.Tap(s.x)

	// Back to the default, once the verdict is on a label it has.
	w.choose("c-pla-chips")
	w.insp.verdictSelect.SetSelected("Unproven")
	test.Tap(w.insp.verdictApply)
	rejudged := cloneDoc(f.doc)
	s = w.openScaleDialog()
	test.Tap(s.useDefault)
	if len(s.rows) != 5 || s.rows[1].label.Text != "Mostly false" {
		t.Fatal("Use default scale did not show the default")
	}
	test.Tap(s.save)
	if f.doc.Board.Scale != nil || w.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("scale after Use default: %+v", f.doc.Board.Scale)
	}
	undoRedo(t, w, f, rejudged, cloneDoc(f.doc))

	// Saved with nothing changed: no edit.
	n := len(f.undo)
	s = w.openScaleDialog()
	test.Tap(s.save)
	if len(f.undo) != n {
		t.Fatal("saving an unchanged scale made an edit")
	}
}

// openUnjudgedWindow opens the sample with its verdicts and grades taken
// off, for tests that give them from nothing.
func openUnjudgedWindow(t *testing.T) (*boardWindow, *memFile) {
	t.Helper()
	doc := sampleDoc(t)
	for i := range doc.Claims {
		doc.Claims[i].Verdict = nil
	}
	for i := range doc.Parties {
		doc.Parties[i].Reliability = ""
	}
	for i := range doc.Sources {
		doc.Sources[i].Reliability = ""
	}
	for i := range doc.Quotes {
		doc.Quotes[i].Credibility = 0
	}
	a := test.NewTempApp(t)
	f := newMemFile(doc)
	w := newBoardWindow(a, memFiles{f})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(f.path)
	if w.file == nil {
		t.Fatal("the board did not open")
	}
	t.Cleanup(func() { w.win.Close() })
	return w, f
}

// On a read-only board the verdict, date and grade fields, and the scale
// dialog's editing, are off.
func TestWindow_RatingsReadOnly(t *testing.T) {
	w, f := openTestWindow(t)
	f.readOnly = true
	_ = w.reload(false)
	w.choose("c-pla-chips")
	for name, d := range map[string]interface{ Disabled() bool }{
		"verdict": w.insp.verdictSelect, "verdict note": w.insp.verdictNote, "verdict date": w.insp.verdictWhen,
		"give": w.insp.verdictApply, "status date": w.insp.statusWhen} {
		if !d.Disabled() {
			t.Errorf("the %s is editable on a read-only board", name)
		}
	}
	w.choose("apple")
	if !w.insp.selects["reliability"].Disabled() {
		t.Error("the reliability is editable on a read-only board")
	}
	w.choose("q-apple-no-fbi")
	if !w.insp.selects["credibility"].Disabled() {
		t.Error("the credibility is editable on a read-only board")
	}
	s := w.openScaleDialog()
	if !s.save.Disabled() || !s.add.Disabled() || !s.rows[0].label.Disabled() {
		t.Error("the scale can be edited on a read-only board")
	}
}

// A story rebuilt with its real dates: a status change dated before the
// claim was first recorded is refused in words; the claim's first status
// is dated first (one step), and then the change goes in after it; a
// verdict dated before the first status is refused too.
func TestWindow_FirstStatusDated(t *testing.T) {
	w, f := openTestWindow(t)
	const id = "c-consumer-data" // first recorded 4 Oct 2018 13:00, unconfirmed
	w.choose(id)
	early := time.Date(2018, 10, 4, 10, 0, 0, 0, time.UTC)
	w.insp.statusSelect.SetSelected("DENIED")
	w.insp.statusWhen.SetText(early.Format(time.RFC3339))
	test.Tap(w.insp.statusApply)
	if c := claimIn(f.doc, id); len(c.History) != 1 || !strings.Contains(shown(w), "before the claim was first recorded") {
		t.Fatalf("a change before the claim existed: history %d entries, shown %q", len(c.History), shown(w))
	}
	for w.win.Canvas().Overlays().Top() != nil {
		w.win.Canvas().Overlays().Top().Hide()
	}
	w.confirming = nil
	steps := len(f.undo)
	w.insp.sinceWhen.SetText("2018-10-04T09:30:00Z")
	test.Tap(w.insp.sinceApply)
	c := claimIn(f.doc, id)
	if !c.History[0].At.Equal(time.Date(2018, 10, 4, 9, 30, 0, 0, time.UTC)) || len(f.undo) != steps+1 || lastUndo(t, f) != "Date claim" {
		t.Fatalf("dating the first status: %v, %d steps, undo %q", c.History[0].At, len(f.undo)-steps, lastUndo(t, f))
	}
	w.insp.statusSelect.SetSelected("DENIED")
	w.insp.statusWhen.SetText(early.Format(time.RFC3339))
	test.Tap(w.insp.statusApply)
	if c := claimIn(f.doc, id); len(c.History) != 2 || c.Status != app.StatusDenied || !c.History[1].At.Equal(early) {
		t.Fatalf("the change after the first status: %+v", c.History)
	}
	// The first status cannot move after a later change.
	w.insp.sinceWhen.SetText("2018-10-04T11:00:00Z")
	test.Tap(w.insp.sinceApply)
	if c := claimIn(f.doc, id); !c.History[0].At.Equal(time.Date(2018, 10, 4, 9, 30, 0, 0, time.UTC)) {
		t.Fatalf("the first status moved after a later change: %+v", c.History)
	}
	if _, err := f.SetClaimVerdict(context.Background(), id, &app.Verdict{Label: "False", At: time.Date(2018, 10, 1, 0, 0, 0, 0, time.UTC)}); err == nil {
		t.Fatal("a verdict dated before the claim existed was given")
	}
}
