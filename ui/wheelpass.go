package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// wheelPass lies over a multi-line field of a scrolling form and gives
// the mouse wheel to the form: Fyne's Entry scrolls its own text and keeps
// the wheel even when its text fits, so that over a form made mostly of
// fields the wheel did nothing. While the field has the keyboard the pass
// steps aside, and the wheel scrolls the field's own text. It takes only
// the wheel: clicks and drags reach the field below.
type wheelPass struct {
	widget.BaseWidget
	to func(*fyne.ScrollEvent)
}

func newWheelPass(to func(*fyne.ScrollEvent)) *wheelPass {
	p := &wheelPass{to: to}
	p.ExtendBaseWidget(p)
	return p
}

func (p *wheelPass) Scrolled(ev *fyne.ScrollEvent) { p.to(ev) }

func (p *wheelPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(nil))
}

// passWheel returns field with a wheelPass over it that scrolls the form
// (scroll), hidden while the field has the keyboard; e is the field's
// tabEntry (field itself, or the widget that embeds it).
func passWheel(field fyne.CanvasObject, e *tabEntry, scroll func() *container.Scroll) fyne.CanvasObject {
	p := newWheelPass(func(ev *fyne.ScrollEvent) {
		if s := scroll(); s != nil {
			s.Scrolled(ev)
		}
	})
	prev := e.focusChanged
	e.focusChanged = func(focused bool) {
		if focused {
			p.Hide()
		} else {
			p.Show()
		}
		if prev != nil {
			prev(focused)
		}
	}
	return container.NewStack(field, p)
}
