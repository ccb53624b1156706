package ui

import "testing"

// View ▸ Side Panels (Ctrl+B) hides the lists and the inspector, the
// board takes the window, and the choice is kept; again shows them.
func TestSidePanels_HideAndShow(t *testing.T) {
	w, _ := openTestWindow(t)
	before := w.board.Size().Width
	w.toggleSides()
	w.win.Content().Refresh()
	if w.sides[0].Visible() || w.sides[1].Visible() || !w.app.Preferences().Bool(sidesPref) || w.sidesItem.Checked {
		t.Fatal("the side panels did not hide")
	}
	if got := w.board.Size().Width; got <= before {
		t.Fatalf("the board is %v wide with the panels hidden, %v with them", got, before)
	}
	w.toggleSides()
	if !w.sides[0].Visible() || !w.sides[1].Visible() || w.app.Preferences().Bool(sidesPref) {
		t.Fatal("the side panels did not come back")
	}
}
