package ui

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// The author of the window's edits: the name the board's edit history
// signs them with, and whose edits Undo takes back. It is asked once and
// kept in the preferences; until then it is the operating system's
// account name. EVB_AUTHOR, if set, names it for a session (scripts and
// tests).

const authorPref = "author"

// authorName returns the author's name, and whether the person has given
// it (or the environment has).
func authorName(a fyne.App) (string, bool) {
	if s := strings.TrimSpace(os.Getenv("EVB_AUTHOR")); s != "" {
		return s, true
	}
	if s := strings.TrimSpace(a.Preferences().String(authorPref)); s != "" {
		return s, true
	}
	return app.AccountName(), false
}

// setAuthor signs the window's edits from now on with name, and keeps it.
func (w *boardWindow) setAuthor(name string) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = app.AccountName()
	}
	w.app.Preferences().SetString(authorPref, name)
	w.ctx = app.WithAuthor(w.ctx, name)
	w.refreshChrome()
}

// askAuthor asks the person's name, prefilled with what it is now, and
// then runs next (which may be nil).
func (w *boardWindow) askAuthor(next func()) {
	name, _ := authorName(w.app)
	entry := widget.NewEntry()
	entry.SetText(name)
	entry.Validator = func(s string) error {
		if n := len([]rune(strings.TrimSpace(s))); n == 0 || n > app.MaxAuthor {
			return app.Errorf(app.EINVALID, "give a name of 1 to %d characters", app.MaxAuthor)
		}
		return nil
	}
	about := &widget.Label{Wrapping: fyne.TextWrapWord,
		Text: "Your edits are signed with this name in the board's edit history (View ▸ Edit History), " +
			"and Undo takes back your own edits. You can change it with File ▸ Your Name…"}
	items := []*widget.FormItem{{Text: "Your name", Widget: entry}, {Widget: about}}
	d := dialog.NewForm("Your name", "Save", "Cancel", items, func(ok bool) {
		if ok {
			w.setAuthor(entry.Text)
		} else if _, given := authorName(w.app); !given {
			w.setAuthor(name) // asked once: the account's name stands
		}
		if next != nil {
			next()
		}
	}, w.win)
	entry.OnSubmitted = func(string) {
		if entry.Validate() == nil {
			d.Submit()
		}
	}
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
	w.win.Canvas().Focus(entry)
}
