// Package ui is Evidence Board's window, built with Fyne. It talks to the
// board through app interfaces only.
package ui

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"evidenceboard/app"
	"evidenceboard/assets"
	_ "evidenceboard/ui/locale" // before Fyne reads the locale
)

// AppID is the application's unique id, as in FyneApp.toml.
const AppID = "org.evidenceboard.app"

// Run opens the window on the board stored at path and returns when the
// user closes it.
func Run(store app.Store, path string) {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := newWindow(a, store, path)
	w.ShowAndRun()
}

func newWindow(a fyne.App, store app.Store, path string) fyne.Window {
	w := a.NewWindow("Evidence Board")
	o := newOverview(store)
	w.SetContent(o.content())
	w.Resize(fyne.NewSize(1100, 720))
	if err := o.load(context.Background()); err != nil {
		dialog.ShowError(err, w)
	}
	w.SetTitle(o.doc.Board.Title + " — " + filepath.Base(path) + " — Evidence Board")
	return w
}
