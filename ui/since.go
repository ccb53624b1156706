package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// sinceSection is when the claim was first recorded (its first status):
// a date field and a button that dates it anew, so that a story can be
// rebuilt with its real dates; nothing of the claim may come before it.
func (i *inspector) sinceSection(c *app.Claim) []fyne.CanvasObject {
	first, ok := app.FirstRecorded(c)
	if !ok {
		return nil
	}
	w, id := i.w, c.ID
	i.sinceWhen = widget.NewEntry()
	i.sinceWhen.SetText(whenField(first))
	i.sinceApply = &widget.Button{Text: "Date it", Icon: theme.HistoryIcon(), OnTapped: func() {
		at, err := parseWhen(i.sinceWhen.Text, clock())
		if err != nil {
			w.showError(err)
			return
		}
		if err := w.updateClaim(id, app.ClaimUpdate{Since: &at}); err != nil {
			w.showError(err)
			return
		}
		i.show(id) // the history, dated anew
	}}
	i.sinceWhen.OnSubmitted = func(string) { i.sinceApply.OnTapped() }
	if w.readOnly() {
		i.sinceWhen.Disable()
		i.sinceApply.Disable()
	}
	return []fyne.CanvasObject{
		caption(whenLabel("First recorded: when it was first " + string(c.History[0].Status))),
		container.NewBorder(nil, nil, nil, i.sinceApply, i.sinceWhen),
	}
}
