package ui

import "fyne.io/fyne/v2"

// closeOnEsc makes Esc close a view's own window (the stance grid, the
// evidence matrix, the timeline) when no widget in it has the keyboard;
// a focused widget gets Esc first, as Fyne's driver gives it, so the
// window also unfocuses on open.
func closeOnEsc(win fyne.Window) {
	c := win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			win.Close()
			return
		}
		if prev != nil {
			prev(k)
		}
	})
}
