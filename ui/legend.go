package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// legend is the key to the strings' colours, floating small over the
// board's bottom corner. Tapping a relation hides its strings, and tapping
// it again shows them. View ▸ Legend of Strings shows and hides it.
type legend struct {
	box     *fyne.Container
	entries map[app.Relation]*legendEntry // handles for tests
}

func newLegend(onToggle func(app.Relation, bool)) *legend {
	l := &legend{entries: map[app.Relation]*legendEntry{}}
	grid := container.NewGridWithColumns(4)
	for _, r := range app.Relations {
		e := newLegendEntry(r, onToggle)
		l.entries[r] = e
		grid.Add(e)
	}
	card := container.NewStack(newPanel(), container.NewPadded(grid))
	l.box = container.NewBorder(nil, container.NewHBox(container.NewPadded(card)), nil, nil)
	return l
}

// legendEntry is one relation in the legend: its colour and its word.
type legendEntry struct {
	widget.BaseWidget
	rel      app.Relation
	shown    bool
	onToggle func(app.Relation, bool)
	swatch   *canvas.Rectangle
	word     *canvas.Text
}

func newLegendEntry(r app.Relation, onToggle func(app.Relation, bool)) *legendEntry {
	e := &legendEntry{rel: r, shown: true, onToggle: onToggle,
		swatch: &canvas.Rectangle{CornerRadius: 2}, word: &canvas.Text{Text: string(r), TextSize: cardSmallSize}}
	e.ExtendBaseWidget(e)
	return e
}

// Tapped hides or shows the relation's strings.
func (e *legendEntry) Tapped(*fyne.PointEvent) { e.onToggle(e.rel, !e.shown) }

// Cursor shows that an entry can be tapped.
func (e *legendEntry) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (e *legendEntry) setShown(on bool) {
	e.shown = on
	e.Refresh()
}

func (e *legendEntry) CreateRenderer() fyne.WidgetRenderer {
	r := &legendEntryRenderer{e: e}
	r.Refresh()
	return r
}

type legendEntryRenderer struct{ e *legendEntry }

func (r *legendEntryRenderer) Destroy() {}
func (r *legendEntryRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.e.swatch, r.e.word}
}
func (r *legendEntryRenderer) MinSize() fyne.Size {
	ws := r.e.word.MinSize()
	return fyne.NewSize(22+ws.Width+6, ws.Height+4)
}
func (r *legendEntryRenderer) Layout(s fyne.Size) {
	ws := r.e.word.MinSize()
	r.e.swatch.Move(fyne.NewPos(0, s.Height/2-2))
	r.e.swatch.Resize(fyne.NewSize(16, 4))
	r.e.word.Move(fyne.NewPos(22, (s.Height-ws.Height)/2))
	r.e.word.Resize(ws)
}
func (r *legendEntryRenderer) Refresh() {
	r.e.swatch.FillColor = fade(relationColor(r.e.rel), r.e.shown)
	r.e.word.Color = fade(labelInk(relationColor(r.e.rel)), r.e.shown)
	r.e.word.TextStyle = fyne.TextStyle{Bold: r.e.shown}
	r.Layout(r.e.Size())
	r.e.swatch.Refresh()
	r.e.word.Refresh()
}

// setRelationShown shows or hides a relation's strings, from the legend
// or from a test.
func (w *boardWindow) setRelationShown(r app.Relation, shown bool) {
	if shown {
		delete(w.board.hiddenRel, r)
	} else {
		w.board.hiddenRel[r] = true
	}
	if e := w.legend.entries[r]; e != nil {
		e.setShown(shown)
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
