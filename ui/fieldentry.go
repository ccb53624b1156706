package ui

import (
	"fyne.io/fyne/v2"
)

// fieldEntry is an inspector field that saves itself: each keystroke
// schedules a save of its own, so that typing in one field never drops
// what was typed in another, and the field saves at once when it loses
// the keyboard.
//
// Fyne's desktop driver turns Ctrl+Z and Ctrl+Y (Cmd on macOS) into its
// own ShortcutUndo and ShortcutRedo and gives them to the focused widget,
// so a plain Entry would keep the board's undo from the keyboard for as
// long as it has focus. While the field holds typing not yet saved, its
// own undo takes them; once its text is the saved one, the board's undo
// and redo do.
type fieldEntry struct {
	tabEntry // Tab moves to the next field

	saved   string                   // the text as the store has it
	flushed func()                   // called when the field loses focus
	board   func(fyne.Shortcut) bool // the board's undo and redo; false if not taken
}

func newFieldEntry(multi bool, value string) *fieldEntry {
	e := &fieldEntry{saved: value}
	e.ExtendBaseWidget(e)
	if multi {
		e.MultiLine = true
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(4)
	}
	e.SetText(value)
	return e
}

// unsaved reports whether the field holds typing the store does not have.
func (e *fieldEntry) unsaved() bool { return e.Text != e.saved }

// TypedShortcut gives undo and redo to the board unless the field has
// unsaved typing of its own to undo.
func (e *fieldEntry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutUndo, *fyne.ShortcutRedo:
		if !e.unsaved() && e.board != nil && e.board(s) {
			return
		}
	}
	e.tabEntry.TypedShortcut(s)
}

// FocusLost saves what was typed at once: another field, card or board
// is taking over.
func (e *fieldEntry) FocusLost() {
	e.tabEntry.FocusLost()
	if e.flushed != nil {
		e.flushed()
	}
}
