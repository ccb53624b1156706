package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// inform shows a message over the window until it is read: OK, Enter or
// Esc closes it. Unlike Fyne's information and error dialogs it keeps the
// message as written (Fyne's error dialog capitalises it, and so a file
// name it starts with), and it takes Enter, which Fyne's leave to the
// field that has the keyboard.
func (w *boardWindow) inform(title, message string, icon fyne.Resource) {
	text := &widget.Label{Text: message, Wrapping: fyne.TextWrapWord}
	var content fyne.CanvasObject = text
	if icon != nil {
		content = container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, text)
	}
	var c *confirmation
	prev := w.confirming
	d := dialog.NewCustom(title, "OK", content, w.win)
	d.SetOnClosed(func() {
		if w.confirming == c {
			w.confirming = prev
		}
	})
	c = &confirmation{d: d, onOK: func() { d.Hide() }}
	w.confirming = c
	w.win.Canvas().Unfocus() // Enter is the dialog's, not a field's
	width := float32(520)
	if s := w.win.Canvas().Size().Width - 80; s < width && s > 200 {
		width = s
	}
	d.Resize(fyne.NewSize(width, content.MinSize().Height))
	d.Show()
}

// informError shows an error in words, with the error icon.
func (w *boardWindow) informError(message string) {
	w.inform("Error", message, theme.ErrorIcon())
}

// ask asks a yes-or-no question over the window: Enter answers yes (the
// confirm button, named yes), Esc no, as the buttons do, wherever the
// keyboard was.
func (w *boardWindow) ask(title, message, yes string, answer func(bool)) {
	var c *confirmation
	prev := w.confirming
	done := func() {
		if w.confirming == c {
			w.confirming = prev
		}
	}
	d := dialog.NewConfirm(title, message, func(ok bool) { done(); answer(ok) }, w.win)
	if yes != "" {
		d.SetConfirmText(yes)
	}
	c = &confirmation{d: d, onOK: func() { done(); d.Hide(); answer(true) }}
	w.confirming = c
	w.win.Canvas().Unfocus()
	d.Show()
}
