package ui

// sidesPref keeps whether the side panels are hidden.
const sidesPref = "sides.hidden"

// setSidesShown shows or hides the side panels (the lists and the
// inspector), and keeps the choice: hidden, the board has the window. The
// panels can also be narrowed by dragging their dividers.
func (w *boardWindow) setSidesShown(shown bool) {
	for _, o := range w.sides {
		if shown {
			o.Show()
		} else {
			o.Hide()
		}
	}
	w.app.Preferences().SetBool(sidesPref, !shown)
	if w.sidesItem != nil {
		w.sidesItem.Checked = shown
		w.mainMenu.Refresh()
	}
	w.win.Content().Refresh()
}

// toggleSides hides the side panels if they show, and shows them if not.
func (w *boardWindow) toggleSides() { w.setSidesShown(!w.sides[0].Visible()) }
