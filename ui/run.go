// Package ui is Evidence Board's window, built with Fyne. It talks to the
// board through app interfaces only.
package ui

import (
	"context"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"evidenceboard/app"
	"evidenceboard/assets"
	_ "evidenceboard/ui/locale" // before Fyne reads the locale
)

// AppID is the application's unique id, as in FyneApp.toml.
const AppID = "org.evidenceboard.app"

// Run opens the window on the board at path and returns when the user
// quits. firstRun says the board is the sample copy made for a new user,
// which the window then introduces.
func Run(files app.Files, path string, firstRun bool) {
	// The board is read while Fyne starts and makes the window.
	board := openBoard(context.Background(), files, path)
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	a.Settings().SetTheme(newVariantTheme(a.Preferences().StringWithFallback("theme", themeSystem)))
	w := newBoardWindow(a, files)
	w.win.SetMaster()
	w.empty.Hide()
	w.opening.start(path)
	w.status.SetText("Opening " + path + "…")
	shown := TraceStartup(a)
	a.Lifecycle().SetOnStarted(func() {
		go func() {
			r := <-board
			fyne.Do(func() {
				w.finishOpening(r)
				w.startAutoBackups()
				welcome := func() {
					if firstRun && w.file != nil {
						w.welcome(path)
					}
				}
				if _, given := authorName(a); !given {
					w.askAuthor(welcome)
				} else {
					welcome()
				}
				shown()
				if w.board.renderer != nil {
					traceNote("cards-in-view=%d", w.board.renderer.shown)
				}
			})
		}()
	})
	w.win.ShowAndRun()
}

// welcome introduces the sample board to a new user.
func (w *boardWindow) welcome(path string) {
	w.inform("Welcome to Evidence Board",
		"This is a sample board, a copy made for you at\n"+path+"\n\n"+
			"It follows the 2018 “Big Hack” report: chips allegedly implanted in Supermicro servers, "+
			"denied by Apple, Amazon and Supermicro, and confirmed by no one on the record.\n\n"+
			"Click a card to edit it on the right; drag cards to arrange them; search on the left. "+
			"Every change is saved as you make it, and Ctrl+Z undoes it. Start your own with File ▸ New Board.", nil)
}
