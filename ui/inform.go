package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// takeKeys makes the window's Enter (onEnter) and Esc (dismiss) answer d
// while it shows, wherever the keyboard was (a field would otherwise
// take them); Fyne's dialogs take neither. Call it before d.Show, and the
// release it returns when d closes, before anything the answer does
// (which may ask again).
func (w *boardWindow) takeKeys(d dialog.Dialog, onEnter func()) (release func()) {
	prev := w.confirming
	c := &confirmation{d: d, onOK: onEnter}
	w.confirming = c
	w.win.Canvas().Unfocus()
	return func() {
		if w.confirming == c {
			w.confirming = prev
		}
	}
}

// inform shows a message over the window until it is read: OK, Enter or
// Esc closes it. Unlike Fyne's information and error dialogs it keeps the
// message as written (Fyne's error dialog capitalises it, and so a file
// name it starts with), and it takes Enter.
func (w *boardWindow) inform(title, message string, icon fyne.Resource) {
	text := &widget.Label{Text: message, Wrapping: fyne.TextWrapWord}
	var content fyne.CanvasObject = text
	if icon != nil {
		content = container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, text)
	}
	d := dialog.NewCustom(title, "OK", content, w.win)
	d.SetOnClosed(w.takeKeys(d, d.Hide))
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
// confirm button, named yes), Esc no, as the buttons do; answer hears
// the answer once.
func (w *boardWindow) ask(title, message, yes string, answer func(bool)) {
	var release func()
	d := dialog.NewConfirm(title, message, func(ok bool) { release(); answer(ok) }, w.win)
	if yes != "" {
		d.SetConfirmText(yes)
	}
	release = w.takeKeys(d, d.Confirm)
	d.Show()
}
