package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// weakSpots lists the board's weak spots (app.Review) under the
// navigator: each finding with the rule that found it; choosing one
// selects the item it is about, and the status line says the finding in
// full.
type weakSpots struct {
	findings []app.Finding
	rules    map[string]app.FindingRule
	onChoose func(f app.Finding)

	title *widget.Label
	list  *widget.List
	box   *fyne.Container

	review aside // the review of a big board
}

func newWeakSpots(onChoose func(f app.Finding)) *weakSpots {
	ws := &weakSpots{onChoose: onChoose, rules: map[string]app.FindingRule{}}
	for _, r := range app.FindingRules {
		ws.rules[r.Kind] = r
	}
	ws.title = &widget.Label{Text: "Weak spots", TextStyle: fyne.TextStyle{Bold: true}}
	ws.list = widget.NewList(func() int { return len(ws.findings) }, newNavRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		f := ws.findings[i]
		o.(*navRow).set(string(ws.rules[f.Kind].About), findingColor(f.Kind), ws.rules[f.Kind].Title, f.Message)
	})
	ws.list.OnSelected = func(i widget.ListItemID) {
		if i < len(ws.findings) {
			ws.onChoose(ws.findings[i])
		}
	}
	ws.box = container.NewBorder(ws.title, nil, nil, nil, ws.list)
	return ws
}

// reviewAsideFrom is the size of board, in claims and quotes, from which
// the review runs off the window's goroutine: on the 10,000-quote board it
// takes about 100 ms, too long to hold up an edit. A smaller board is
// reviewed at once, in well under 10 ms, so that the list never lags.
const reviewAsideFrom = 2000

// show reviews the board afresh: at once on a small board, aside on a big
// one, where the list shows the last findings, marked as being updated,
// until the new ones come. A review overtaken by a later show is dropped.
func (ws *weakSpots) show(m *boardModel) {
	if m == nil {
		ws.review.drop()
		ws.apply(nil)
		return
	}
	if len(m.doc.Claims)+len(m.doc.Quotes) < reviewAsideFrom {
		ws.review.drop()
		ws.apply(app.Review(m.doc))
		return
	}
	snap := snapshot(m.doc)
	ws.title.SetText(fmt.Sprintf("Weak spots %d (updating…)", len(ws.findings)))
	runAside(&ws.review, func() []app.Finding { return app.Review(snap) }, ws.apply)
}

func (ws *weakSpots) apply(fs []app.Finding) {
	ws.findings = fs
	ws.title.SetText(fmt.Sprintf("Weak spots %d", len(ws.findings)))
	ws.list.UnselectAll()
	ws.list.Refresh()
}

// findingColor tells claims' findings, which weigh most, from the rest.
func findingColor(kind string) color.Color {
	switch kind {
	case app.FindAnonymousOnly, app.FindSingleSource, app.FindDeniedOnlyBySubject, app.FindNoDenialOnRecord, app.FindUnsupported:
		return statusColor(app.StatusAlleged)
	case app.FindSelfContradiction:
		return relationColor(app.RelContradicts)
	}
	return relationColor(app.RelMentions)
}
