package ui

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The keyboard shortcuts page (Help ▸ Keyboard Shortcuts) is made from the
// menus, the one table of the window's shortcuts, so that it cannot miss
// one; keysBeyondMenus adds what no menu item shows.

// keysBeyondMenus are the keys that work without a menu item, as the page
// lists them.
var keysBeyondMenus = []string{
	"Ctrl+Y  Redo",
	"Delete  Delete the selected card (asks first; Enter answers yes, Esc no)",
	"Esc  Clear the selection, or close a dialog or a view's window",
	"Enter  Answer a question or close a message",
	"Tab / Shift+Tab  Next or previous field (Ctrl+Tab types a tab)",
	"Arrow keys  Move the selected card",
	"+ / −  Zoom, when no field has the keyboard",
	"Ctrl+P in a source's text  Pin the selection",
	"Drag a card to move it; drag the background or scroll to pan; Ctrl+wheel zooms",
}

// shortcutsText is the page: each menu's items that have a shortcut,
// under the menu's name, then the keys beyond the menus.
func shortcutsText(menu *fyne.MainMenu) string {
	var b strings.Builder
	var walk func(items []*fyne.MenuItem, lines *[]string)
	walk = func(items []*fyne.MenuItem, lines *[]string) {
		for _, it := range items {
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items, lines)
			}
			if it.Shortcut != nil {
				*lines = append(*lines, shortcutWords(it.Shortcut)+"  "+strings.TrimSuffix(it.Label, "…"))
			}
		}
	}
	for _, m := range menu.Items {
		var lines []string
		walk(m.Items, &lines)
		if len(lines) == 0 {
			continue
		}
		b.WriteString(m.Label + "\n")
		for _, l := range lines {
			b.WriteString("    " + l + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("Beyond the menus\n")
	for _, l := range keysBeyondMenus {
		b.WriteString("    " + modifierWords(l) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// shortcutWords says a shortcut as the keyboard has it: "Ctrl+Shift+E"
// (Cmd on macOS).
func shortcutWords(s fyne.Shortcut) string {
	c, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return s.ShortcutName()
	}
	var parts []string
	mod := c.Modifier
	if mod&fyne.KeyModifierShortcutDefault != 0 {
		parts = append(parts, ctrlWord())
	}
	if mod&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if mod&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	key := string(c.KeyName)
	switch c.KeyName {
	case fyne.KeyEqual:
		key = "="
	case fyne.KeyMinus:
		key = "−"
	}
	return strings.Join(append(parts, key), "+")
}

// ctrlWord is the shortcut modifier's name: Cmd on macOS, Ctrl elsewhere.
func ctrlWord() string {
	if runtime.GOOS == "darwin" {
		return "Cmd"
	}
	return "Ctrl"
}

// modifierWords puts the platform's name for Ctrl in a line.
func modifierWords(l string) string { return strings.ReplaceAll(l, "Ctrl+", ctrlWord()+"+") }
