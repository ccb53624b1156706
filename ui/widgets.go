package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// panel is a themed, rounded background for floating content.
type panel struct {
	widget.BaseWidget
}

func newPanel() *panel {
	p := &panel{}
	p.ExtendBaseWidget(p)
	return p
}

func (p *panel) CreateRenderer() fyne.WidgetRenderer {
	r := &panelRenderer{bg: &canvas.Rectangle{CornerRadius: 8, StrokeWidth: 1}}
	r.Refresh()
	return r
}

type panelRenderer struct{ bg *canvas.Rectangle }

func (r *panelRenderer) Layout(s fyne.Size)           { r.bg.Resize(s) }
func (r *panelRenderer) MinSize() fyne.Size           { return fyne.NewSize(1, 1) }
func (r *panelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg} }
func (r *panelRenderer) Destroy()                     {}
func (r *panelRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	r.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	r.bg.Refresh()
}
