package ui

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
	"evidenceboard/app/arrange"
	"evidenceboard/app/report"
)

// Classroom exercises in the window: the teacher makes one from the open
// board (File ▸ Make Exercise…); a student opening it sees the
// instructions, gives a name once, and a bar over the board counts the
// claims decided; File ▸ Hand In… writes a copy named after the student
// and the exercise. The teacher grades a folder of hand-ins into the HTML
// class report (File ▸ Grade Exercises…) or goes through one against the
// open key (File ▸ Debrief a Hand-in…).

// statusWord is how a status is written on cards, rows and badges; an
// undecided claim says so.
func statusWord(s app.Status) string {
	if s == "" {
		return "UNDECIDED"
	}
	return strings.ToUpper(string(s))
}

// exerciseBar is the bar over the board while an exercise is open, and the
// exercise's widgets elsewhere (kept here for the tests).
type exerciseBar struct {
	w      *boardWindow
	box    *fyne.Container
	label  *widget.Label
	bar    *meter
	handIn *fyne.MenuItem

	nameEntry     *widget.Entry  // the name asked for, while asked
	nameDialog    dialog.Dialog  // that question
	instructions  dialog.Dialog  // the instructions, while shown
	verdictSelect *widget.Select // the claim's verdict, where asked
	verdictNote   *widget.Entry
	verdictApply  *widget.Button
	lastDebrief   *app.Result // the hand-in last debriefed
	lastReport    string      // the class report last written

	// keyWarned is the key whose exercises out were told of, once.
	keyWarned string
	keyNotice dialog.Dialog // that notice, while shown

	// Make Exercise's notes: what carries over, and the choices.
	carried                 *widget.Label
	noNotes, keepQuoteNotes *widget.Check
}

func newExerciseBar(w *boardWindow) *exerciseBar {
	e := &exerciseBar{w: w, label: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}, bar: newMeter()}
	instr := &widget.Button{Text: "Instructions", Icon: theme.InfoIcon(), OnTapped: func() { w.showInstructions(nil) }}
	hand := &widget.Button{Text: "Hand In…", Icon: theme.MailSendIcon(), Importance: widget.HighImportance, OnTapped: w.handIn}
	e.box = container.NewBorder(nil, nil, nil, container.NewHBox(instr, hand), container.NewVBox(e.label, e.bar.box))
	e.box.Hide()
	e.handIn = &fyne.MenuItem{Label: "Hand In…", Action: w.handIn, Disabled: true}
	return e
}

// meter is a slim bar filled to a fraction: the share of claims decided.
type meter struct {
	box         *fyne.Container
	track, fill *canvas.Rectangle
	frac        float64
}

func newMeter() *meter {
	m := &meter{track: &canvas.Rectangle{FillColor: color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x50}, CornerRadius: 3},
		fill: &canvas.Rectangle{FillColor: color.NRGBA{R: 0x2e, G: 0x8b, B: 0x57, A: 0xff}, CornerRadius: 3}}
	m.box = container.New(m, m.track, m.fill)
	return m
}

func (m *meter) set(f float64) {
	m.frac = max(0, min(1, f))
	m.box.Refresh()
	m.Layout(m.box.Objects, m.box.Size())
}

// Layout implements fyne.Layout.
func (m *meter) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	h := float32(6)
	y := (size.Height - h) / 2
	m.track.Move(fyne.NewPos(0, y))
	m.track.Resize(fyne.NewSize(size.Width, h))
	m.fill.Move(fyne.NewPos(0, y))
	m.fill.Resize(fyne.NewSize(size.Width*float32(m.frac), h))
}

// MinSize implements fyne.Layout.
func (m *meter) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(60, 8) }

// exercise returns the open board's exercise record, nil if it is none.
func (w *boardWindow) exerciseRecord() *app.Exercise {
	if w.model == nil {
		return nil
	}
	return w.model.doc.Exercise
}

// refresh shows how many claims are decided, or hides the bar.
func (e *exerciseBar) refresh() {
	ex := e.w.exerciseRecord()
	if ex == nil {
		e.box.Hide()
		if !e.handIn.Disabled {
			e.handIn.Disabled = true
		}
		return
	}
	decided, all := app.Decided(e.w.model.doc)
	text := fmt.Sprintf("Exercise: %d of %d claims decided", decided, all)
	if ex.Asked.Verdict {
		text += ", each with a verdict"
	}
	if ex.Asked.Links {
		text += "; link the quotes that support or deny each claim"
	}
	if ex.Student != "" {
		text += " · " + ex.Student
	}
	e.label.SetText(text)
	if all > 0 {
		e.bar.set(float64(decided) / float64(all))
	}
	e.handIn.Disabled = false
	e.box.Show()
}

// exerciseOpened shows an exercise's instructions as it opens, then asks
// the student's name if none is given yet.
func (w *boardWindow) exerciseOpened() {
	ex := w.exerciseRecord()
	if ex == nil {
		return
	}
	w.exercise.refresh()
	w.showInstructions(func() {
		if ex := w.exerciseRecord(); ex != nil && ex.Student == "" && !w.readOnly() {
			w.askName(nil)
		}
	})
}

func (w *boardWindow) showInstructions(then func()) {
	ex := w.exerciseRecord()
	if ex == nil {
		return
	}
	asked := "For each claim, decide its status: alleged, denied or unconfirmed, with a note giving your reasoning."
	if ex.Asked.Verdict {
		asked += "\nGive each claim a verdict on the board's scale: " + scaleWords(w.model.doc.Board.RatingScale()) + "."
	}
	if ex.Asked.Links {
		asked += "\nLink the quotes that support or deny each claim (select a quote, then Board ▸ Add Link to Selected…)."
	}
	asked += "\nEvery change is saved at once. When you are done, File ▸ Hand In… writes the copy to hand in."
	text := strings.TrimSpace(ex.Instructions)
	if text == "" {
		text = "Your teacher gave no instructions."
	}
	body := container.NewVBox(
		&widget.Label{Text: text, Wrapping: fyne.TextWrapWord},
		widget.NewSeparator(),
		&widget.Label{Text: asked, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText},
	)
	d := dialog.NewCustom("Exercise: "+w.model.doc.Board.Title, "Start", body, w.win)
	d.SetOnClosed(func() {
		w.exercise.instructions = nil
		if then != nil {
			then()
		}
	})
	d.Resize(fyne.NewSize(560, 0))
	w.exercise.instructions = d
	d.Show()
}

func scaleWords(scale []app.ScaleStep) string {
	labels := make([]string, len(scale))
	for i, s := range scale {
		labels[i] = s.Label
	}
	return strings.Join(labels, ", ")
}

// askName asks the student's name and gives it to the exercise as one
// edit; then runs once a name is given.
func (w *boardWindow) askName(then func()) {
	entry := &widget.Entry{PlaceHolder: "First and last name"}
	w.exercise.nameEntry = entry
	d := dialog.NewForm("Your name", "OK", "Later", []*widget.FormItem{
		{Text: "Name", Widget: entry, HintText: "Your hand-in is named after you and the exercise."},
	}, func(ok bool) {
		w.exercise.nameEntry, w.exercise.nameDialog = nil, nil
		if !ok {
			return
		}
		if w.setStudent(entry.Text) && then != nil {
			then()
		}
	}, w.win)
	entry.OnSubmitted = func(string) { d.Submit() }
	w.exercise.nameDialog = d
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
	w.win.Canvas().Focus(entry)
}

func (w *boardWindow) setStudent(name string) bool {
	e, err := w.file.SetStudent(w.ctx, strings.TrimSpace(name))
	if err != nil {
		w.showError(err)
		return false
	}
	w.model.doc.Exercise = e
	w.refreshChrome()
	return true
}

// exerciseClaim adds to a claim's form what an exercise asks: an
// undecided claim is decided rather than changed, and where verdicts are
// asked the claim's verdict on the board's scale.
func (i *inspector) exerciseClaim(c *app.Claim, objs []fyne.CanvasObject) []fyne.CanvasObject {
	w := i.w
	ex := w.exerciseRecord()
	if ex == nil {
		return objs
	}
	if c.Undecided() {
		i.statusApply.SetText("Decide")
		i.statusNote.SetPlaceHolder("Your reasoning: why this status?")
	}
	if !ex.Asked.Verdict {
		return objs
	}
	id := c.ID
	scale := w.model.doc.Board.RatingScale()
	labels := make([]string, len(scale))
	for k, s := range scale {
		labels[k] = s.Label
	}
	e := w.exercise
	e.verdictSelect = widget.NewSelect(labels, nil)
	e.verdictSelect.PlaceHolder = "(no verdict yet)"
	e.verdictNote = &widget.Entry{PlaceHolder: "Why this verdict?"}
	if c.Verdict != nil {
		e.verdictSelect.Selected = c.Verdict.Label
		e.verdictNote.SetText(c.Verdict.Note)
	}
	e.verdictApply = &widget.Button{Text: "Give verdict", Icon: theme.ConfirmIcon(), OnTapped: func() {
		if e.verdictSelect.Selected == "" {
			w.status.SetText("Choose a verdict first.")
			return
		}
		w.setClaimVerdict(id, &app.Verdict{Label: e.verdictSelect.Selected, Note: e.verdictNote.Text})
	}}
	if w.readOnly() {
		e.verdictSelect.Disable()
		e.verdictNote.Disable()
		e.verdictApply.Disable()
	}
	return append(objs, widget.NewSeparator(), heading("Your verdict"),
		container.NewBorder(nil, nil, nil, e.verdictApply, e.verdictSelect), e.verdictNote)
}

// makeExercise asks what the students must decide and the instructions,
// then where to write the exercise.
func (w *boardWindow) makeExercise() {
	if w.file == nil || w.model == nil {
		return
	}
	w.insp.flush()
	if w.model.doc.Exercise != nil {
		w.showError(app.Errorf(app.EINVALID, "this board is an exercise, not an answer key: make the exercise from the board with the answers"))
		return
	}
	verdicts := widget.NewCheck("each claim's verdict on the board's scale ("+scaleWords(w.model.doc.Board.RatingScale())+")", nil)
	links := widget.NewCheck("which quotes support or deny each claim (those links are removed)", nil)
	instr := newTabEntry()
	instr.SetPlaceHolder("Shown to the student when the exercise opens")
	instr.SetMinRowsVisible(4)
	always := widget.NewCheck("each claim's status (always)", nil)
	always.SetChecked(true)
	always.Disable()
	// The notes that carry over, listed, with the choice to leave them out.
	e := w.exercise
	e.noNotes = widget.NewCheck("Leave the description and all these notes out", nil)
	e.keepQuoteNotes = widget.NewCheck("Keep the quotes' notes (left out when links are asked: they tend to give links away)", nil)
	e.carried = &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	key := w.model.doc
	options := func() app.ExerciseOptions {
		return app.ExerciseOptions{Verdict: verdicts.Checked, Links: links.Checked, Instructions: instr.Text,
			NoNotes: e.noNotes.Checked, KeepQuoteNotes: e.keepQuoteNotes.Checked}
	}
	showCarried := func() {
		opts := options()
		if opts.Links && !opts.NoNotes {
			e.keepQuoteNotes.Enable()
		} else {
			e.keepQuoteNotes.Disable()
		}
		e.carried.SetText(carriedText(app.CarriedNotes(key, opts)))
	}
	links.OnChanged = func(bool) { showCarried() }
	e.noNotes.OnChanged = func(bool) { showCarried() }
	e.keepQuoteNotes.OnChanged = func(bool) { showCarried() }
	showCarried()
	carriedScroll := container.NewVScroll(e.carried)
	carriedScroll.SetMinSize(fyne.NewSize(0, 120))
	form := []*widget.FormItem{
		{Text: "Students decide", Widget: container.NewVBox(always, verdicts, links)},
		{Text: "Instructions", Widget: instr},
		{Text: "Notes", Widget: container.NewBorder(nil, container.NewVBox(e.noNotes, e.keepQuoteNotes), nil, nil, carriedScroll),
			HintText: "These carry over to the exercise as they are, and may give answers away."},
	}
	base := strings.TrimSuffix(filepath.Base(w.file.Path()), ".evboard")
	d := dialog.NewForm("Make an exercise", "Next…", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		opts := options()
		w.saveTarget("Save the exercise", base+" (exercise)", ".evboard", false, func(path string) { w.makeExerciseTo(path, opts) })
	}, w.win)
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
}

// makeExerciseTo writes the exercise of the open board to path: a new file
// built from the scrubbed document, all or nothing, recorded in the key
// (app.MakeExerciseFile), off the window's goroutine.
func (w *boardWindow) makeExerciseTo(path string, opts app.ExerciseOptions) {
	file := w.file
	w.background("Making the exercise…", func(func(float64)) (string, error) {
		ex, err := app.MakeExerciseFile(w.ctx, file, w.files, path, false, opts, arrangeExercise)
		if err != nil {
			return "", err
		}
		if k, err := file.ExerciseKey(w.ctx); err == nil {
			do(func() {
				if w.file == file {
					w.model.doc.ExerciseKey = k
				}
			})
		}
		return fmt.Sprintf("Made the exercise: %s to decide, at %s", plural(len(ex.Claims), "claim", "claims"), path), nil
	})
}

// editing is the gate of every edit: it refuses one while the board is
// shown as it stood (rewound), and tells, once for the open file, that the
// board is the key of exercises handed out.
func (w *boardWindow) editing() error {
	if err := w.rewound(); err != nil {
		return err
	}
	w.warnKeyEdit()
	return nil
}

// warnKeyEdit tells, the first time a key with exercises out is edited
// after it opens, what an edit does to the hand-ins.
func (w *boardWindow) warnKeyEdit() {
	if w.file == nil || w.model == nil || w.exercise.keyWarned == w.file.Path() {
		return
	}
	k := w.model.doc.ExerciseKey
	if k == nil || len(k.Made) == 0 {
		return
	}
	w.exercise.keyWarned = w.file.Path()
	last := k.Made[len(k.Made)-1]
	text := fmt.Sprintf("This board is the answer key of %s, the last made %s.\n\n"+
		"The hand-ins are graded against the key as it is when you grade: a status, verdict or link you correct now counts for every student. "+
		"A claim you add is not asked of them; a claim you reword is graded by its id, and the class report says it changed; a claim you delete is no longer graded.",
		app.CountWords(len(k.Made), "exercise handed out", "exercises handed out"), whenText(last.Made))
	d := dialog.NewCustom("Editing a key with exercises out", "OK", &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}, w.win)
	d.Resize(fyne.NewSize(520, 0))
	d.SetOnClosed(func() { w.exercise.keyNotice = nil })
	w.exercise.keyNotice = d
	d.Show()
}

// arrangeExercise lays out an exercise anew, without its answer links.
func arrangeExercise(doc *app.Document) []app.Position {
	return arrange.Arrange(doc, arrange.CardSizes)
}

// handIn writes a copy of the student's board named after the student and
// the exercise; the student goes on working on the board after.
func (w *boardWindow) handIn() {
	ex := w.exerciseRecord()
	if ex == nil || w.file == nil {
		return
	}
	w.insp.flush()
	if ex.Student == "" {
		w.askName(w.handIn)
		return
	}
	name := strings.TrimSuffix(app.HandInName(w.model.doc), ".evboard")
	file := w.file
	decided, all := app.Decided(w.model.doc)
	w.saveTarget("Hand in", name, ".evboard", false, func(path string) {
		w.background("Handing in…", func(func(float64)) (string, error) {
			if err := file.SaveCopy(w.ctx, path); err != nil {
				return "", err
			}
			msg := fmt.Sprintf("Handed in to %s with %d of %d claims decided. You can go on working; hand in again after.", path, decided, all)
			return msg, nil
		})
	})
}

// gradeExercises asks for the key and the folder of hand-ins, then where
// to write the class report, which it opens when written.
func (w *boardWindow) gradeExercises() {
	pick := w.pickFile(".evboard", func(r fyne.URIReadCloser) {
		r.Close()
		keyPath := r.URI().Path()
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil {
				w.showError(err)
				return
			}
			if u == nil {
				return
			}
			folder := u.Path()
			w.saveTarget("Save the class report", "Class report", ".html", true, func(path string) {
				w.gradeTo(keyPath, []string{folder}, path, true)
			})
		}, w.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(keyPath))); err == nil {
			fd.SetLocation(l)
		}
		fd.Show()
		w.status.SetText("Now choose the folder of the handed-in boards.")
	})
	pick.SetConfirmText("Choose the key")
	w.startIn(pick)
	pick.Show()
}

// gradeTo grades the boards in hand-ins (files or folders) against the key
// at keyPath and writes the HTML class report to path, opening it in the
// browser if open.
func (w *boardWindow) gradeTo(keyPath string, handIns []string, path string, open bool) {
	w.background("Grading…", func(progress func(float64)) (string, error) {
		class, err := report.GradeFiles(w.files, keyPath, handIns, progress)
		if err != nil {
			return "", err
		}
		class.Generated = report.GeneratedTime(nil)
		if err := app.WriteFileAtomic(path, func(out io.Writer) error { return report.WriteGradeHTML(out, class) }); err != nil {
			return "", err
		}
		do(func() { w.exercise.lastReport = path })
		if open {
			if u, err := url.Parse("file://" + filepath.ToSlash(path)); err == nil {
				_ = w.app.OpenURL(u)
			}
		}
		msg := fmt.Sprintf("Graded %d of %d boards; the class report is at %s", len(class.Graded), class.Files, path)
		if len(class.Refused) > 0 {
			var why []string
			for _, r := range class.Refused {
				why = append(why, filepath.Base(r.File)+": "+r.Reason)
			}
			for _, d := range class.Duplicates {
				why = append(why, fmt.Sprintf("%s handed in more than once: %s, the board edited last, is graded", d.Student, filepath.Base(d.Kept)))
			}
			do(func() {
				w.inform("Some boards were not graded", strings.Join(why, "\n\n"), nil)
			})
		}
		return msg, nil
	})
}

// debrief asks for a student's board and goes through it against the
// open board, the key.
func (w *boardWindow) debrief() {
	if w.model == nil {
		return
	}
	if w.model.doc.Exercise != nil {
		w.showError(app.Errorf(app.EINVALID, "this board is an exercise: open the key, the board the exercise was made from, to debrief a hand-in against it"))
		return
	}
	d := w.pickFile(".evboard", func(r fyne.URIReadCloser) {
		r.Close()
		w.debriefFile(r.URI().Path())
	})
	w.startIn(d)
	d.Show()
}

// debriefFile shows the board at path against the open key: each claim
// right or wrong, with the key's status and notes beside the student's.
// The reading and grading run off the window's goroutine; the debrief
// shows when they are done.
func (w *boardWindow) debriefFile(path string) {
	w.insp.flush()
	file, files := w.file, w.files
	w.status.SetText("Debriefing " + filepath.Base(path) + "…")
	go func() {
		res, err := debriefOf(w.ctx, file, files, path)
		do(func() {
			if w.file != file {
				return // another board opened meanwhile
			}
			if err != nil {
				w.showError(err)
				return
			}
			w.status.SetText("")
			w.showDebrief(path, res)
		})
	}()
}

// debriefOf grades the hand-in at path against the key open in file.
func debriefOf(ctx context.Context, file app.BoardFile, files app.SnapshotReader, path string) (*app.Result, error) {
	key, err := file.Export(ctx)
	if err != nil {
		return nil, err
	}
	st, err := app.ReadHandIn(files, path)
	if err != nil {
		return nil, err
	}
	res, err := app.Grade(key, st)
	if err != nil {
		return nil, &app.Error{Code: app.ErrorCode(err), Message: filepath.Base(path) + " cannot be debriefed against this board: " + app.ErrorMessage(err), Err: err}
	}
	return res, nil
}

// showDebrief shows a hand-in graded against the open key.
func (w *boardWindow) showDebrief(path string, res *app.Result) {
	w.exercise.lastDebrief = res
	name := res.Student
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(path), ".evboard")
	}
	rows := container.NewVBox(&widget.Label{Text: fmt.Sprintf("%d of %d claims right, %d decided; score %s%% by the rubric.", res.Correct, len(res.Claims), res.Decided, trimFloat(res.Score)), TextStyle: fyne.TextStyle{Bold: true}})
	for _, n := range res.Notes {
		rows.Add(&widget.Label{Text: n, Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
	}
	for _, g := range res.Claims {
		mark, imp := "✓ RIGHT", widget.SuccessImportance
		if !g.Correct {
			mark, imp = "✗ WRONG", widget.DangerImportance
		}
		given := statusWord(g.Given)
		lines := []fyne.CanvasObject{
			container.NewBorder(nil, nil, &widget.Label{Text: mark, Importance: imp, TextStyle: fyne.TextStyle{Bold: true}}, nil,
				&widget.Label{Text: g.Statement, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}),
			&widget.Label{Text: "Student: " + given + dashNotes(g.StudentNotes), Wrapping: fyne.TextWrapWord},
			&widget.Label{Text: "Key: " + statusWord(g.Expected) + dashNotes(g.KeyNotes), Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText},
		}
		if g.VerdictGraded {
			v := g.GivenVerdict
			if v == "" {
				v = "none"
			}
			lines = append(lines, &widget.Label{Text: fmt.Sprintf("Verdict: %s (key: %s)", v, g.ExpectedVerdict)})
		}
		if g.LinksGraded {
			lines = append(lines, &widget.Label{Text: fmt.Sprintf("Supporting quotes: %d of the key's %d, %d drawn · denying: %d of %d, %d drawn",
				g.Supports.Both, g.Supports.Expected, g.Supports.Given, g.Denies.Both, g.Denies.Expected, g.Denies.Given)})
			if missed := append(append([]string(nil), g.Supports.MissedNames...), g.Denies.MissedNames...); len(missed) > 0 {
				lines = append(lines, &widget.Label{Text: "Missed: " + strings.Join(missed, "; "), Wrapping: fyne.TextWrapWord})
			}
			if extra := append(append([]string(nil), g.Supports.ExtraNames...), g.Denies.ExtraNames...); len(extra) > 0 {
				lines = append(lines, &widget.Label{Text: "Not in the key: " + strings.Join(extra, "; "), Wrapping: fyne.TextWrapWord})
			}
		}
		if g.Reworded != "" {
			lines = append(lines, &widget.Label{Text: "Reworded in the key since: " + g.Reworded, Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
		}
		lines = append(lines, &widget.Label{Text: strings.Join(g.Reasons, "\n"), Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText})
		rows.Add(widget.NewSeparator())
		rows.Add(container.NewVBox(lines...))
	}
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(820, 520))
	dlg := dialog.NewCustom(fmt.Sprintf("Debrief: %s, %s%%", name, trimFloat(res.Score)), "Close", scroll, w.win)
	dlg.Show()
}

// carriedText lists the notes an exercise carries over, one a line.
func carriedText(notes []app.CarriedNote) string {
	if len(notes) == 0 {
		return "None: the exercise carries over no notes and no description."
	}
	lines := make([]string, len(notes))
	for i, n := range notes {
		note := strings.Join(strings.Fields(n.Note), " ")
		if r := []rune(note); len(r) > 90 {
			note = string(r[:89]) + "…"
		}
		lines[i] = fmt.Sprintf("%s %s: %s", n.Kind, n.Of, note)
	}
	return app.CountWords(len(notes), "note carries", "notes carry") + " over:\n" + strings.Join(lines, "\n")
}

// dashNotes writes a claim's notes after a dash, each kind under its
// heading: " — Notes on the claim: … · Why denied: …".
func dashNotes(notes []app.HeadedNote) string {
	var parts []string
	for _, n := range notes {
		if t := strings.Join(strings.Fields(n.Text), " "); t != "" {
			parts = append(parts, n.Heading+": "+t)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " — " + strings.Join(parts, " · ")
}

func trimFloat(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", f), "0"), ".")
}
