package ui

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// scaleDialog edits the board's rating scale (Board ▸ Rating Scale…): its
// labels, worst first, and their values. Save stores the whole scale as
// one edit; the store refuses a scale that leaves a verdict without its
// label, and the dialog then says why and keeps what was typed.
type scaleDialog struct {
	w    *boardWindow
	d    dialog.Dialog
	rows []*scaleRow
	list *fyne.Container
	// opened is the scale as the board had it, own is whether it was the
	// board's own; Save with nothing changed makes no edit.
	opened []app.ScaleStep
	own    bool
	inUse  map[string]int // verdicts per label

	state                    *widget.Label
	problem                  *widget.Label
	add, useDefault, save, x *widget.Button
}

// scaleRow is one step: its label and value, and buttons to move it up
// (worse) or down (better) and to remove it.
type scaleRow struct {
	label, value     *widget.Entry
	used             *widget.Label
	up, down, remove *widget.Button
}

func (w *boardWindow) showScaleDialog() {
	w.openScaleDialog()
}

// openScaleDialog shows the dialog and returns it, or nil with no board.
func (w *boardWindow) openScaleDialog() *scaleDialog {
	if w.model == nil {
		return nil
	}
	w.insp.flush()
	b := w.model.doc.Board
	s := &scaleDialog{w: w, opened: append([]app.ScaleStep(nil), b.RatingScale()...), own: len(b.Scale) > 0, inUse: map[string]int{}}
	for _, c := range w.model.doc.Claims {
		if c.Verdict != nil {
			s.inUse[c.Verdict.Label]++
		}
	}
	s.state = caption("")
	s.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance, TextStyle: fyne.TextStyle{Bold: true}}
	s.problem.Hide()
	s.list = container.NewVBox()
	s.add = &widget.Button{Text: "Add a step", Icon: theme.ContentAddIcon(), OnTapped: s.addStep}
	s.useDefault = &widget.Button{Text: "Use default scale", Icon: theme.ViewRefreshIcon(), OnTapped: func() { s.setSteps(app.DefaultScale) }}
	s.save = &widget.Button{Text: "Save", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: s.saveScale}
	s.x = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: func() { s.d.Hide() }}
	if w.readOnly() {
		s.add.Disable()
		s.useDefault.Disable()
		s.save.Disable()
	}
	s.setSteps(s.opened)
	if s.own {
		s.state.SetText("This board has its own scale.")
	} else {
		s.state.SetText("This board uses the default scale.")
	}
	head := container.NewVBox(
		caption("The labels a verdict can take, worst first: the first is the worst rating, the last the best. "+
			"Values are whole numbers that rise down the list; ClaimReview gives them as ratingValue, worstRating and bestRating. "+
			"A label a verdict uses must stay (renaming it counts as removing it): change those verdicts first."),
		s.state,
		container.New(scaleColumns{}, layout.NewSpacer(), &widget.Label{Text: "Label (worst at the top)", TextStyle: fyne.TextStyle{Bold: true}},
			layout.NewSpacer(), &widget.Label{Text: "Value", TextStyle: fyne.TextStyle{Bold: true}}),
	)
	foot := container.NewVBox(s.problem,
		container.NewHBox(s.add, s.useDefault, layout.NewSpacer(), s.x, s.save))
	body := container.NewBorder(head, foot, nil, nil, container.NewVScroll(s.list))
	s.d = dialog.NewCustomWithoutButtons("Rating scale — "+b.Title, body, w.win)
	s.d.Resize(fyne.NewSize(640, 620))
	// Esc closes it, as the ✕ does; Enter does nothing: the scale is
	// saved by its own button.
	s.d.SetOnClosed(w.takeKeys(s.d, func() {}))
	s.d.Show()
	w.lastScale = s
	return s
}

// setSteps shows the steps as rows, anew.
func (s *scaleDialog) setSteps(steps []app.ScaleStep) {
	s.rows = nil
	for _, st := range steps {
		s.rows = append(s.rows, s.newRow(st.Label, strconv.Itoa(st.Value)))
	}
	s.relist()
}

func (s *scaleDialog) newRow(label, value string) *scaleRow {
	r := &scaleRow{label: widget.NewEntry(), value: widget.NewEntry(), used: &widget.Label{SizeName: theme.SizeNameCaptionText}}
	r.label.SetText(label)
	r.label.PlaceHolder = "A label, such as Mostly false"
	r.value.SetText(value)
	r.label.OnChanged = func(string) { s.showUse(r) }
	r.up = &widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { s.move(r, -1) }}
	r.down = &widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { s.move(r, 1) }}
	r.remove = &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { s.removeRow(r) }}
	if s.w.readOnly() {
		for _, e := range []fyne.Disableable{r.label, r.value, r.up, r.down, r.remove} {
			e.Disable()
		}
	}
	s.showUse(r)
	return r
}

// showUse says how many verdicts use the row's label.
func (s *scaleDialog) showUse(r *scaleRow) {
	switch n := s.inUse[strings.TrimSpace(r.label.Text)]; n {
	case 0:
		r.used.SetText("")
	case 1:
		r.used.SetText("1 verdict")
	default:
		r.used.SetText(fmt.Sprintf("%d verdicts", n))
	}
}

// relist lays the rows out again after one was added, removed or moved.
func (s *scaleDialog) relist() {
	s.list.Objects = nil
	for k, r := range s.rows {
		pos := &widget.Label{Text: fmt.Sprintf("%d.", k+1)}
		s.list.Add(container.New(scaleColumns{}, pos, r.label, r.used, r.value, r.up, r.down, r.remove))
		if !s.w.readOnly() {
			setEnabled(r.up, k > 0)
			setEnabled(r.down, k < len(s.rows)-1)
		}
	}
	if !s.w.readOnly() {
		setEnabled(s.add, len(s.rows) < app.MaxScaleSteps)
	}
	s.list.Refresh()
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func (s *scaleDialog) index(r *scaleRow) int {
	for k, x := range s.rows {
		if x == r {
			return k
		}
	}
	return -1
}

// move swaps the row's label with its neighbour's; the values stay where
// they are, so that they still rise down the list.
func (s *scaleDialog) move(r *scaleRow, by int) {
	k := s.index(r)
	j := k + by
	if k < 0 || j < 0 || j >= len(s.rows) {
		return
	}
	a, b := s.rows[k].label, s.rows[j].label
	at, bt := a.Text, b.Text
	a.SetText(bt)
	b.SetText(at)
	s.w.win.Canvas().Focus(b)
}

// addStep adds a best step at the foot, valued one above the last.
func (s *scaleDialog) addStep() {
	v := 1
	if n := len(s.rows); n > 0 {
		if last, err := strconv.Atoi(strings.TrimSpace(s.rows[n-1].value.Text)); err == nil {
			v = last + 1
		}
	}
	r := s.newRow("", strconv.Itoa(v))
	s.rows = append(s.rows, r)
	s.relist()
	s.w.win.Canvas().Focus(r.label)
}

func (s *scaleDialog) removeRow(r *scaleRow) {
	if k := s.index(r); k >= 0 {
		s.rows = append(s.rows[:k], s.rows[k+1:]...)
		s.relist()
	}
}

// steps reads the rows as a scale.
func (s *scaleDialog) steps() ([]app.ScaleStep, error) {
	out := make([]app.ScaleStep, 0, len(s.rows))
	for k, r := range s.rows {
		label := strings.TrimSpace(r.label.Text)
		v, err := strconv.Atoi(strings.TrimSpace(r.value.Text))
		if err != nil {
			name := label
			if name == "" {
				name = "with no label"
			}
			return nil, app.Errorf(app.EINVALID, "the value of step %d (%s) is %q, not a whole number", k+1, name, clipText(r.value.Text, 20))
		}
		out = append(out, app.ScaleStep{Label: label, Value: v})
	}
	return out, nil
}

// saveScale stores the scale as one edit and closes, or says why the
// store refused it and keeps the dialog as it is. A scale the same as the
// default is stored as none, so that the board follows the default.
func (s *scaleDialog) saveScale() {
	steps, err := s.steps()
	if err != nil {
		s.say(err)
		return
	}
	own := !reflect.DeepEqual(steps, app.DefaultScale)
	if reflect.DeepEqual(steps, s.opened) && own == s.own {
		s.d.Hide() // nothing changed: no edit
		return
	}
	if len(steps) == 0 {
		s.say(app.Errorf(app.EINVALID, "a scale needs at least two labels; choose Use default scale for the default one"))
		return
	}
	if !own {
		steps = []app.ScaleStep{}
	}
	if err := s.w.updateScale(steps); err != nil {
		s.say(err)
		return
	}
	s.d.Hide()
}

// say shows why the scale was not saved, in the dialog.
func (s *scaleDialog) say(err error) {
	s.problem.SetText("Not saved: " + errorText(err))
	s.problem.Show()
}

// updateScale stores a rating scale (none: the default) as one edit.
func (w *boardWindow) updateScale(steps []app.ScaleStep) error {
	if err := w.session.updateBoard(app.BoardUpdate{Scale: &steps}); err != nil {
		return err
	}
	w.insp.show(w.insp.id) // the verdict choices follow the scale
	w.refreshChrome()
	return nil
}

// scaleColumns lays out a row of the scale, or its header, in columns:
// the step's number, its label (which takes the room left), how many
// verdicts use it, its value, and its buttons.
type scaleColumns struct{}

var scaleColumnWidths = []float32{34, 0, 76, 72, 40, 40, 40}

func (scaleColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	fixed := float32(0)
	for _, w := range scaleColumnWidths {
		fixed += w
	}
	x := float32(0)
	for k, o := range objs {
		w := scaleColumnWidths[k]
		if w == 0 {
			w = max(size.Width-fixed-float32(len(scaleColumnWidths)-1)*theme.Padding(), 0)
		}
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		x += w + theme.Padding()
	}
}

func (scaleColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(400, h)
}
