package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Esc closes the views' windows and the rating scale dialog.
func TestEsc_ClosesViews(t *testing.T) {
	w, _ := openTestWindow(t)
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	w.showStanceGrid()
	closed := false
	w.lastStance.win.SetOnClosed(func() { closed = true })
	w.lastStance.win.Canvas().OnTypedKey()(esc)
	if !closed {
		t.Error("Esc did not close the stance grid")
	}
	w.showTimeline()
	tl := w.timeline
	tl.win.Canvas().OnTypedKey()(esc)
	if w.timeline != nil {
		t.Error("Esc did not close the timeline")
	}
	w.showScaleDialog()
	if w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no scale dialog")
	}
	typeKey(w, fyne.KeyEscape)
	if w.win.Canvas().Overlays().Top() != nil || w.confirming != nil {
		t.Error("Esc did not close the rating scale dialog")
	}
}
