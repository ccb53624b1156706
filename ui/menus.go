package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

var desktopShortcutPin = desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}

// item makes a menu item whose shortcut is shown in the menu and, through
// addShortcuts, works on the window.
func item(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
	return &fyne.MenuItem{Label: label, Shortcut: sc, Action: fn}
}

func (w *boardWindow) buildMenus() {
	w.sidesItem = item("Side Panels", ctrl(fyne.KeyB), w.toggleSides)
	w.sidesItem.Checked = !w.app.Preferences().Bool(sidesPref)
	w.undoItem = item("Undo", ctrl(fyne.KeyZ), w.undo)
	w.redoItem = item("Redo", ctrlShift(fyne.KeyZ), w.redo)
	w.recentMenu = fyne.NewMenu("Open Recent")
	recent := &fyne.MenuItem{Label: "Open Recent", ChildMenu: w.recentMenu}
	quit := item("Quit", ctrl(fyne.KeyQ), w.quit)
	quit.IsQuit = true
	export := &fyne.MenuItem{Label: "Export", ChildMenu: fyne.NewMenu("Export", w.exportItems()...)}
	themeMenu := fyne.NewMenu("Theme",
		&fyne.MenuItem{Label: "Follow the system", Action: func() { w.setTheme(themeSystem) }},
		&fyne.MenuItem{Label: "Light", Action: func() { w.setTheme(themeLight) }},
		&fyne.MenuItem{Label: "Dark", Action: func() { w.setTheme(themeDark) }},
	)
	w.mainMenu = fyne.NewMainMenu(
		fyne.NewMenu("File",
			item("New Board…", ctrl(fyne.KeyN), w.newBoard),
			item("Open…", ctrl(fyne.KeyO), w.openDialog),
			recent,
			fyne.NewMenuItemSeparator(),
			item("Save a Copy As…", ctrlShift(fyne.KeyS), w.saveCopy),
			&fyne.MenuItem{Label: "Backups…", Action: w.showBackups},
			item("Import JSON…", ctrl(fyne.KeyI), w.importJSON),
			export,
			fyne.NewMenuItemSeparator(),
			&fyne.MenuItem{Label: "Make Exercise…", Action: w.makeExercise},
			w.exercise.handIn,
			&fyne.MenuItem{Label: "Grade Exercises…", Action: w.gradeExercises},
			&fyne.MenuItem{Label: "Debrief a Hand-in…", Action: w.debrief},
			fyne.NewMenuItemSeparator(),
			&fyne.MenuItem{Label: "Your Name…", Action: func() { w.askAuthor(nil) }},
			item("Close Board", ctrl(fyne.KeyW), w.closeBoard),
			quit,
		),
		fyne.NewMenu("Edit",
			w.undoItem, w.redoItem,
			fyne.NewMenuItemSeparator(),
			item("Delete Selected…", &desktop.CustomShortcut{KeyName: fyne.KeyDelete, Modifier: fyne.KeyModifierShortcutDefault}, func() { w.confirmDelete(w.board.selected) }),
			item("Find…", ctrl(fyne.KeyF), func() { w.win.Canvas().Focus(w.nav.search) }),
		),
		fyne.NewMenu("Board",
			item("New Claim", ctrl(fyne.KeyK), w.newClaim),
			item("Pin a Quote…", &desktopShortcutPin, func() { w.showPinDialog(pinDraft{}) }),
			item("New Party", ctrlShift(fyne.KeyP), w.newParty),
			item("New Source", ctrlShift(fyne.KeyO), w.newSource),
			fyne.NewMenuItemSeparator(),
			item("Arrange", ctrlShift(fyne.KeyA), w.arrangeBoard),
			&fyne.MenuItem{Label: "Rating Scale…", Action: w.showScaleDialog},
			fyne.NewMenuItemSeparator(),
			item("Add Link to Selected…", ctrl(fyne.KeyL), func() {
				if w.board.selected != "" {
					w.showLinkDialog(w.board.selected)
				}
			}),
			item("Open Source Text…", ctrl(fyne.KeyT), func() {
				if w.model != nil && w.model.sources[w.board.selected] != nil {
					w.openSourceView(w.board.selected)
				}
			}),
		),
		fyne.NewMenu("View",
			item("Zoom In", ctrl(fyne.KeyEqual), func() { w.board.zoomBy(1.25) }),
			item("Zoom Out", ctrl(fyne.KeyMinus), func() { w.board.zoomBy(0.8) }),
			item("Fit Board", ctrl(fyne.Key0), w.board.fitAll),
			fyne.NewMenuItemSeparator(),
			&fyne.MenuItem{Label: "Legend of Strings", Action: w.toggleLegend},
			w.sidesItem,
			item("Who Stands Where (Stance Grid)", ctrlShift(fyne.KeyG), w.showStanceGrid),
			item("Timeline", ctrlShift(fyne.KeyT), w.showTimeline),
			item("Evidence Matrix", ctrlShift(fyne.KeyE), w.showEvidenceMatrix),
			item("Edit History", ctrlShift(fyne.KeyH), w.showEditHistory),
			&fyne.MenuItem{Label: "Theme", ChildMenu: themeMenu},
		),
		fyne.NewMenu("Help",
			&fyne.MenuItem{Label: "Keyboard Shortcuts", Icon: theme.HelpIcon(), Action: w.showShortcuts},
			&fyne.MenuItem{Label: "About Evidence Board", Action: w.showAbout},
		),
	)
	w.win.SetMainMenu(w.mainMenu)
	w.refreshRecent()
}

// addShortcuts binds every menu shortcut on the window, plus the extra
// ones: Ctrl+Y for redo, and + and − to zoom when no field has the keys.
func (w *boardWindow) addShortcuts() {
	c := w.win.Canvas()
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
			if sc, ok := it.Shortcut.(*desktop.CustomShortcut); ok && it.Action != nil {
				it := it
				c.AddShortcut(sc, func(fyne.Shortcut) {
					if !it.Disabled {
						it.Action()
					}
				})
			}
		}
	}
	for _, m := range w.mainMenu.Items {
		walk(m.Items)
	}
	// The desktop driver makes Ctrl+Z and Ctrl+Y (Cmd on macOS) into
	// Fyne's own undo and redo shortcuts, never into the custom ones the
	// menu shows, so the board takes those too; Ctrl+Shift+Z reaches the
	// menu's redo as it is.
	c.AddShortcut(&fyne.ShortcutUndo{}, func(s fyne.Shortcut) { w.boardUndoKey(s) })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(s fyne.Shortcut) { w.boardUndoKey(s) })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, func(fyne.Shortcut) { w.board.zoomBy(1.25) })
	c.SetOnTypedRune(func(r rune) {
		switch r {
		case '+', '=':
			w.board.zoomBy(1.25)
		case '-', '−':
			w.board.zoomBy(0.8)
		}
	})
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		if d := w.confirming; d != nil { // Enter confirms, Esc cancels
			switch e.Name {
			case fyne.KeyReturn, fyne.KeyEnter:
				d.confirm()
			case fyne.KeyEscape:
				d.cancel()
			}
			return
		}
		if w.board.selected == "" || c.Overlays().Top() != nil {
			return
		}
		step := map[fyne.KeyName]fyne.Delta{fyne.KeyLeft: {DX: -20}, fyne.KeyRight: {DX: 20}, fyne.KeyUp: {DY: -20}, fyne.KeyDown: {DY: 20}}
		switch e.Name {
		case fyne.KeyDelete, fyne.KeyBackspace:
			w.confirmDelete(w.board.selected)
		case fyne.KeyEscape:
			w.choose("")
		case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown:
			w.nudge(w.board.selected, step[e.Name])
		}
	})
}

// boardUndoKey runs the board's undo or redo for Fyne's undo and redo
// shortcuts and reports whether it did. It leaves them alone while a
// dialog is up, so that a key pressed in a dialog never changes the board
// behind it.
func (w *boardWindow) boardUndoKey(s fyne.Shortcut) bool {
	if w.win.Canvas().Overlays().Top() != nil {
		return false
	}
	switch s.(type) {
	case *fyne.ShortcutUndo:
		w.undo()
	case *fyne.ShortcutRedo:
		w.redo()
	default:
		return false
	}
	return true
}

func (w *boardWindow) setTheme(choice string) {
	w.app.Preferences().SetString("theme", choice)
	w.app.Settings().SetTheme(newVariantTheme(choice))
	w.board.Refresh()
}

func (w *boardWindow) showShortcuts() {
	w.inform("Keyboard shortcuts", shortcutsText(w.mainMenu), nil)
}

func (w *boardWindow) showAbout() {
	w.inform("About Evidence Board", "Evidence Board "+w.app.Metadata().Version+"\n\n"+
		"Pin quotes, tie them to who said them and to the claims they support or deny, and mark each claim alleged, denied or unconfirmed.\n\n"+
		"Every edit is saved as you make it.", nil)
}
