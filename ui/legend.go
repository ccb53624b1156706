package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// legend is the key to the strings' colours, floating over the board's
// corner, with a toggle per relation: a hidden relation's strings are not
// drawn. View ▸ Legend shows and hides it.
type legend struct {
	box    *fyne.Container
	checks map[app.Relation]*widget.Check // handles for tests
}

func newLegend(onToggle func(app.Relation, bool)) *legend {
	l := &legend{checks: map[app.Relation]*widget.Check{}}
	rows := container.NewVBox(&widget.Label{Text: "Strings", TextStyle: fyne.TextStyle{Bold: true}})
	for _, r := range app.Relations {
		r := r
		swatch := canvas.NewRectangle(relationColor(r))
		swatch.CornerRadius = 2
		swatch.SetMinSize(fyne.NewSize(18, 4))
		c := widget.NewCheck(string(r), func(on bool) { onToggle(r, on) })
		c.Checked = true
		l.checks[r] = c
		rows.Add(container.NewBorder(nil, nil, container.NewCenter(swatch), nil, c))
	}
	card := container.NewStack(newPanel(), container.NewPadded(rows))
	// Bottom left of the board, out of the way of the cards' usual start.
	l.box = container.NewBorder(nil, container.NewHBox(container.NewPadded(card)), nil, nil)
	return l
}

// setRelationShown shows or hides a relation's strings, from the legend
// or from a test.
func (w *boardWindow) setRelationShown(r app.Relation, shown bool) {
	if shown {
		delete(w.board.hiddenRel, r)
	} else {
		w.board.hiddenRel[r] = true
	}
	if c := w.legend.checks[r]; c != nil && c.Checked != shown {
		c.SetChecked(shown)
	}
	w.board.relayout()
}

// toggleLegend shows or hides the legend.
func (w *boardWindow) toggleLegend() {
	if w.legend.box.Hidden {
		w.legend.box.Show()
	} else {
		w.legend.box.Hide()
	}
	w.app.Preferences().SetBool("legend.hidden", w.legend.box.Hidden)
}
