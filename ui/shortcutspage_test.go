package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// The shortcuts page names every shortcut a menu item shows, with its
// label: it is made from the menus and cannot drift from them.
func TestShortcutsPage_EveryMenuShortcut(t *testing.T) {
	w, _ := openTestWindow(t)
	page := shortcutsText(w.mainMenu)
	var walk func(items []*fyne.MenuItem)
	n := 0
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
			if it.Shortcut != nil {
				n++
				if want := shortcutWords(it.Shortcut) + "  " + strings.TrimSuffix(it.Label, "…"); !strings.Contains(page, want) {
					t.Errorf("the page lacks %q", want)
				}
			}
		}
	}
	for _, m := range w.mainMenu.Items {
		walk(m.Items)
	}
	for _, want := range []string{"Shift+A  Arrange", "Shift+G  Who Stands Where (Stance Grid)", "Shift+E  Evidence Matrix", "Shift+T  Timeline", "Shift+H  Edit History"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if n < 20 {
		t.Fatalf("only %d menu shortcuts", n)
	}
}
