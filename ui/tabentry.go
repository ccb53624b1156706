package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// tabEntry is a multi-line field of a form: Tab and Shift+Tab move to the
// next and the previous field, as desktop conventions have it (Fyne's
// multi-line Entry takes Tab as a character), and Ctrl+Tab types a tab.
type tabEntry struct {
	widget.Entry
	// focusChanged, if set, hears when the field gains (true) or loses
	// the keyboard.
	focusChanged func(focused bool)
}

func (e *tabEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.focusChanged != nil {
		e.focusChanged(true)
	}
}

func (e *tabEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.focusChanged != nil {
		e.focusChanged(false)
	}
}

// newTabEntry returns a multi-line, word-wrapped form field.
func newTabEntry() *tabEntry {
	e := &tabEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false: the window's driver moves the focus on Tab.
func (e *tabEntry) AcceptsTab() bool { return false }

// TypedShortcut types a tab for Ctrl+Tab, and passes the rest on.
func (e *tabEntry) TypedShortcut(s fyne.Shortcut) {
	if isCtrlTab(s) {
		if !e.Disabled() {
			e.TypedRune('\t')
		}
		return
	}
	e.Entry.TypedShortcut(s)
}

// isCtrlTab reports whether s is Ctrl+Tab.
func isCtrlTab(s fyne.Shortcut) bool {
	c, ok := s.(*desktop.CustomShortcut)
	return ok && c.KeyName == fyne.KeyTab && c.Modifier == fyne.KeyModifierControl
}
