package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// attributedShown is how many of a party's or source's quotes the
// inspector lists.
const attributedShown = 30

// quotesSection lists the quotes a party said, or that come from a
// source, each a click from its card: they are tied to it by their
// speaker or source, not by links, and so the links say nothing of them.
func (i *inspector) quotesSection(id string) []fyne.CanvasObject {
	w := i.w
	k := w.model.kind[id]
	if k != app.KindParty && k != app.KindSource {
		return nil
	}
	ids := w.board.attributedTo(id)
	head := "Quotes said by it"
	if k == app.KindSource {
		head = "Quotes from it"
	}
	box := container.NewVBox(heading(head))
	if len(ids) == 0 {
		box.Add(caption("None yet."))
	}
	for n, q := range ids {
		if n == attributedShown {
			box.Add(caption("and " + plural(len(ids)-n, "more quote", "more quotes") + ": search the Quotes list."))
			break
		}
		q := q
		goTo := &widget.Button{Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance, OnTapped: func() { w.choose(q) }}
		box.Add(container.NewBorder(nil, nil, nil, goTo, caption(clipText(w.model.label(q), 140))))
	}
	return []fyne.CanvasObject{widget.NewSeparator(), box}
}
