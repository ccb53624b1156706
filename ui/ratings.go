package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// The inspector's judging: a claim's verdict on the board's rating scale,
// dated status changes, and the Admiralty grades of parties, sources and
// quotes, each explained in words where it is set.

const (
	noVerdict = "No verdict"
	notGraded = "Not graded"
)

// clock is the clock the date fields read; tests set it.
var clock = time.Now

// statusWhenField is the date field of the status change block.
func (i *inspector) statusWhenField() []fyne.CanvasObject {
	i.statusWhen = widget.NewEntry()
	i.statusWhen.SetText(clock().Format(time.DateOnly))
	i.statusWhen.OnSubmitted = func(string) { i.statusApply.OnTapped() }
	if i.w.readOnly() {
		i.statusWhen.Disable()
	}
	return []fyne.CanvasObject{caption(whenLabel("When it was said or decided")), i.statusWhen}
}

// changeStatus records the status change the block holds, dated as its
// date field says. A change dated before the claim's last one goes into
// the history in its place and leaves the status as the later one made
// it; the block says so, since the badge does not change.
func (i *inspector) changeStatus(id string) {
	w := i.w
	at, err := parseWhen(i.statusWhen.Text, clock())
	if err != nil {
		w.showError(err)
		return
	}
	st := app.Status(strings.ToLower(i.statusSelect.Selected))
	before := len(w.model.claims[id].History)
	w.setClaimStatus(id, app.StatusChange{Status: st, Note: i.statusNote.Text, At: at})
	if c := w.model.claims[id]; c != nil && len(c.History) > before && c.Status != st {
		i.notice = fmt.Sprintf("%s is in the history at %s; a later change keeps the claim %s.",
			strings.ToUpper(string(st)), whenText(at), strings.ToUpper(string(c.Status)))
		i.show(id)
	}
}

// historyRows lists a claim's status changes, newest first, with dates.
func (i *inspector) historyRows(c *app.Claim) {
	i.history = container.NewVBox()
	for k := len(c.History) - 1; k >= 0; k-- {
		h := c.History[k]
		line := fmt.Sprintf("%s  %s", whenText(h.At), strings.ToUpper(string(h.Status)))
		row := container.NewVBox(&widget.Label{Text: line, TextStyle: fyne.TextStyle{Bold: true}})
		if h.Note != "" {
			row.Add(caption(h.Note))
		}
		i.history.Add(row)
	}
	if len(c.History) == 0 {
		i.history.Add(caption("No status changes recorded."))
	}
}

// verdictSection is a claim's verdict: a label of the board's scale (or
// none), the reasoning, and when it was given; one button gives, changes
// or removes it, as one edit.
func (i *inspector) verdictSection(c *app.Claim) []fyne.CanvasObject {
	w, id := i.w, c.ID
	scale := w.model.doc.Board.RatingScale()
	opts := []string{noVerdict}
	for _, s := range scale {
		opts = append(opts, s.Label)
	}
	cur, when, note := noVerdict, clock().Format(time.DateOnly), ""
	if v := c.Verdict; v != nil {
		cur, when, note = v.Label, whenField(v.At), v.Note
	}
	i.verdictNote = newTabEntry()
	i.verdictNote.SetPlaceHolder("Why? The reasoning behind the verdict")
	i.verdictNote.SetMinRowsVisible(3)
	i.verdictNote.SetText(note)
	i.verdictWhen = widget.NewEntry()
	i.verdictWhen.SetText(when)
	i.verdictApply = &widget.Button{Icon: theme.ConfirmIcon(), Importance: widget.HighImportance}
	i.verdictWhen.OnSubmitted = func(string) { i.verdictApply.OnTapped() }
	meaning := caption("")
	i.verdictSelect = widget.NewSelect(opts, nil)
	i.verdictSelect.OnChanged = func(label string) {
		switch {
		case label == noVerdict && c.Verdict != nil:
			i.verdictApply.SetText("Remove verdict")
		case label == noVerdict:
			i.verdictApply.SetText("Give verdict")
		case c.Verdict != nil:
			i.verdictApply.SetText("Change verdict")
		default:
			i.verdictApply.SetText("Give verdict")
		}
		meaning.SetText(scaleMeaning(scale, label))
	}
	i.verdictSelect.SetSelected(cur)
	i.verdictSelect.OnChanged(cur)
	i.verdictApply.OnTapped = func() {
		label := i.verdictSelect.Selected
		if label == noVerdict {
			if c.Verdict != nil {
				w.setClaimVerdict(id, nil)
			}
			return
		}
		at, err := parseWhen(i.verdictWhen.Text, clock())
		if c.Verdict != nil && i.verdictWhen.Text == when {
			at, err = c.Verdict.At, nil // the date as it was, to the nanosecond
		}
		if err != nil {
			w.showError(err)
			return
		}
		w.setClaimVerdict(id, &app.Verdict{Label: label, Note: i.verdictNote.Text, At: at})
	}
	given := caption("Your own rating of the claim, on the board's scale: the status above says where it stands on the record.")
	if v := c.Verdict; v != nil {
		given = caption(fmt.Sprintf("Given %s. The status above says where the claim stands on the record; the verdict is your own rating.", whenText(v.At)))
	}
	scaleButton := &widget.Button{Text: "Rating scale…", Icon: theme.SettingsIcon(), Importance: widget.LowImportance, OnTapped: w.showScaleDialog}
	if w.readOnly() {
		i.verdictSelect.Disable()
		i.verdictNote.Disable()
		i.verdictWhen.Disable()
		i.verdictApply.Disable()
	}
	return []fyne.CanvasObject{
		widget.NewSeparator(), container.NewBorder(nil, nil, nil, scaleButton, heading("Verdict")), given,
		i.verdictSelect, meaning,
		caption("Reasoning"), i.verdictNote,
		caption(whenLabel("Given on")), i.verdictWhen,
		container.NewBorder(nil, nil, nil, i.verdictApply),
	}
}

// scaleMeaning says where a label stands on the scale.
func scaleMeaning(scale []app.ScaleStep, label string) string {
	s, ok := app.ScaleStepOf(scale, label)
	if !ok || len(scale) == 0 {
		return "No verdict yet: choose a label of the board's scale."
	}
	worst, best := scale[0], scale[len(scale)-1]
	return fmt.Sprintf("%d on the board's scale, from %s (%d) to %s (%d).", s.Value, worst.Label, worst.Value, best.Label, best.Value)
}

// reliabilityField sets a party's or source's reliability, A to F.
func (i *inspector) reliabilityField(r app.Reliability, save func(app.Reliability) error) []fyne.CanvasObject {
	opts := []string{notGraded}
	grade := map[string]app.Reliability{notGraded: ""}
	cur := notGraded
	for _, g := range app.Reliabilities {
		o := string(g.Grade) + " — " + shortMeaning(g.Meaning)
		opts = append(opts, o)
		grade[o] = g.Grade
		if g.Grade == r {
			cur = o
		}
	}
	meaning := caption(reliabilityText(r))
	i.gradeMeaning = meaning
	objs := i.selectField("reliability", "Reliability (Admiralty grade, how far this source of information can be trusted)", opts, cur, func(v string) error {
		g := grade[v]
		err := save(g)
		if err == nil {
			meaning.SetText(reliabilityText(g))
		}
		return err
	})
	return append(objs, meaning)
}

// credibilityField sets a quote's credibility, 1 to 6.
func (i *inspector) credibilityField(c int, save func(int) error) []fyne.CanvasObject {
	opts := []string{notGraded}
	grade := map[string]int{notGraded: 0}
	cur := notGraded
	for n := 1; n < len(app.Credibilities); n++ {
		o := fmt.Sprintf("%d — %s", n, shortMeaning(app.Credibilities[n]))
		opts = append(opts, o)
		grade[o] = n
		if n == c {
			cur = o
		}
	}
	meaning := caption(credibilityText(c))
	i.gradeMeaning = meaning
	objs := i.selectField("credibility", "Credibility (Admiralty grade, how likely what it says is true)", opts, cur, func(v string) error {
		g := grade[v]
		err := save(g)
		if err == nil {
			meaning.SetText(credibilityText(g))
		}
		return err
	})
	return append(objs, meaning)
}

// shortMeaning is a grade's meaning up to its colon: "usually reliable".
func shortMeaning(m string) string {
	if k := strings.Index(m, ":"); k > 0 {
		return m[:k]
	}
	return m
}

func reliabilityText(r app.Reliability) string {
	if r == "" {
		return "Not graded. A (completely reliable) to E (unreliable) grade its record as a source; F says it cannot be judged."
	}
	return explain(r.Meaning())
}

func credibilityText(c int) string {
	if c == 0 {
		return "Not graded. 1 (confirmed by other sources) to 5 (improbable) grade what the quote says; 6 says it cannot be judged."
	}
	return explain(app.CredibilityMeaning(c))
}

// quoteReliability is the reliability that goes with a quote's
// credibility in its Admiralty code: its speaker's, who gave the
// information, or else its source's.
func quoteReliability(m *boardModel, q *app.Quote) app.Reliability {
	if p := m.parties[q.Speaker]; p != nil && p.Reliability != "" {
		return p.Reliability
	}
	if s := m.sources[q.Source]; s != nil {
		return s.Reliability
	}
	return ""
}

// quoteCode says where a quote's Admiralty code comes from.
func quoteCode(m *boardModel, q *app.Quote) string {
	if q.Credibility == 0 {
		return ""
	}
	r := quoteReliability(m, q)
	code := app.GradeLabel(r, q.Credibility)
	if r == "" {
		return fmt.Sprintf("Its card shows %s. Grade its speaker or source A–F for the full Admiralty code.", code)
	}
	from := "its source"
	if p := m.parties[q.Speaker]; p != nil && p.Reliability == r {
		from = "its speaker, " + p.Name
	}
	return fmt.Sprintf("Its card shows the Admiralty code %s: reliability %s is that of %s.", code, r, from)
}

// verdictBadge shows a verdict as an outlined box with the label in it,
// set apart from the status, which is a filled one.
func verdictBadge(label string) fyne.CanvasObject {
	bg := &canvas.Rectangle{FillColor: color.Transparent, StrokeColor: theme.Color(theme.ColorNameForeground), StrokeWidth: 1.5, CornerRadius: 4}
	t := &canvas.Text{Text: label, Color: theme.Color(theme.ColorNameForeground), TextStyle: fyne.TextStyle{Bold: true}, TextSize: theme.TextSize()}
	return container.NewStack(bg, container.NewPadded(t))
}

// scaleSummary names the board's rating scale, with the button that edits
// it.
func (i *inspector) scaleSummary(b *app.Board) []fyne.CanvasObject {
	which := "The default rating scale"
	if len(b.Scale) > 0 {
		which = "The board's own rating scale"
	}
	var labels []string
	for _, s := range b.RatingScale() {
		labels = append(labels, s.Label)
	}
	return []fyne.CanvasObject{
		caption(fmt.Sprintf("%s, worst first, for verdicts: %s.", which, strings.Join(labels, ", "))),
		container.NewHBox(&widget.Button{Text: "Rating scale…", Icon: theme.SettingsIcon(), OnTapped: i.w.showScaleDialog}),
	}
}

// explain is a grade's meaning after its name, which the choice shows:
// "minor doubt; a history of …" as a sentence.
func explain(m string) string {
	if k := strings.Index(m, ": "); k > 0 {
		m = m[k+2:]
	}
	if m == "" {
		return ""
	}
	return strings.ToUpper(m[:1]) + m[1:] + "."
}

// dropFocus takes the keyboard from the status and verdict blocks' own
// fields before the form is built anew: a field no longer shown would
// keep it, and with it Ctrl+Z, from the board.
func (i *inspector) dropFocus() {
	c := i.w.win.Canvas()
	f := c.Focused()
	if f == nil {
		return
	}
	for _, e := range i.dated() {
		if e == f {
			c.Unfocus()
			return
		}
	}
}

// dated are the inspector's status and verdict fields that are shown, by
// name.
func (i *inspector) dated() map[string]fyne.Focusable {
	out := map[string]fyne.Focusable{}
	if i.statusNote != nil {
		out["status.note"] = i.statusNote
	}
	if i.statusWhen != nil {
		out["status.when"] = i.statusWhen
	}
	if i.verdictNote != nil {
		out["verdict.note"] = i.verdictNote
	}
	if i.verdictWhen != nil {
		out["verdict.when"] = i.verdictWhen
	}
	if i.sinceWhen != nil {
		out["since.when"] = i.sinceWhen
	}
	return out
}

// named are the inspector's status and verdict fields, by name, for the
// window's geometry file (the end-to-end test finds them there).
func (i *inspector) named() map[string]fyne.CanvasObject {
	out := map[string]fyne.CanvasObject{}
	for name, o := range i.dated() {
		out[name] = o.(fyne.CanvasObject)
	}
	if i.verdictSelect != nil {
		out["verdict.select"], out["verdict.apply"], out["status.apply"] = i.verdictSelect, i.verdictApply, i.statusApply
	}
	if i.sinceApply != nil {
		out["since.apply"] = i.sinceApply
	}
	return out
}
