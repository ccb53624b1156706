package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"evidenceboard/app"
)

// press delivers a shortcut the way Fyne's desktop (GLFW) driver does,
// which the test driver does not: Ctrl+Z and Ctrl+Y arrive as Fyne's own
// ShortcutUndo and ShortcutRedo (Cmd on macOS), other Ctrl keys as custom
// shortcuts; the main menu is asked first, by shortcut name, then the
// focused widget if it takes shortcuts, then the canvas.
// (internal/driver/glfw/window.go, triggersShortcut.)
func press(w *boardWindow, s fyne.Shortcut) {
	for _, m := range w.mainMenu.Items {
		if menuTakes(m, s) {
			return
		}
	}
	c := w.win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

func menuTakes(m *fyne.Menu, s fyne.Shortcut) bool {
	for _, it := range m.Items {
		if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
			it.Action()
			return true
		}
		if it.ChildMenu != nil && menuTakes(it.ChildMenu, s) {
			return true
		}
	}
	return false
}

var ctrlShiftZ = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

func TestKeys_UndoRedoFromTheKeyboard(t *testing.T) {
	cases := []struct {
		name  string
		focus func(w *boardWindow)
	}{
		{"nothing focused", func(w *boardWindow) { w.win.Canvas().Unfocus() }},
		{"a list focused", func(w *boardWindow) { w.win.Canvas().Focus(w.nav.lists[app.KindClaim]) }},
		{"a saved inspector field focused", func(w *boardWindow) { w.win.Canvas().Focus(w.insp.fields["title"]) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w, f := openTestWindow(t)
			before := cloneDoc(f.doc)
			w.newClaim()
			after := cloneDoc(f.doc)
			w.choose("")
			tc.focus(w)
			press(w, &fyne.ShortcutUndo{})
			if len(f.doc.Claims) != len(before.Claims) {
				t.Fatal("Ctrl+Z did not undo the new claim")
			}
			modelMatchesFile(t, w, f)
			tc.focus(w)
			press(w, &fyne.ShortcutRedo{}) // Ctrl+Y
			if len(f.doc.Claims) != len(after.Claims) {
				t.Fatal("Ctrl+Y did not redo the new claim")
			}
			press(w, &fyne.ShortcutUndo{})
			tc.focus(w)
			press(w, ctrlShiftZ)
			if len(f.doc.Claims) != len(after.Claims) {
				t.Fatal("Ctrl+Shift+Z did not redo the new claim")
			}
		})
	}
}

// In a field with typing not yet saved, Ctrl+Z undoes the typing in the
// field; once the field holds the saved text, the next Ctrl+Z undoes the
// board's last edit.
func TestKeys_UndoInAFieldWithUnsavedTyping(t *testing.T) {
	w, f := openTestWindow(t)
	w.newClaim()
	n := len(f.doc.Claims)
	w.choose("apple")
	e := w.insp.fields["name"]
	w.win.Canvas().Focus(e)
	test.Type(e, "X")
	press(w, &fyne.ShortcutUndo{})
	if e.Text != "Apple" {
		t.Fatalf("the field's own undo did not take the typing back: %q", e.Text)
	}
	if len(f.doc.Claims) != n {
		t.Fatal("Ctrl+Z with unsaved typing undid a board edit")
	}
	press(w, &fyne.ShortcutUndo{})
	if len(f.doc.Claims) != n-1 {
		t.Fatal("the next Ctrl+Z did not undo the board's last edit")
	}
	if f.doc.Parties[2].Name != "Apple" {
		t.Fatalf("the party's name changed: %q", f.doc.Parties[2].Name)
	}
}

// A key pressed while a dialog is up never changes the board behind it.
func TestKeys_UndoLeftAloneUnderADialog(t *testing.T) {
	w, f := openTestWindow(t)
	w.newClaim()
	n := len(f.doc.Claims)
	w.confirmDelete(w.board.selected)
	w.win.Canvas().Unfocus()
	press(w, &fyne.ShortcutUndo{})
	if len(f.doc.Claims) != n {
		t.Fatal("Ctrl+Z under the delete dialog undid a board edit")
	}
}

// Typing in one field and then, within the save delay, in another saves
// both: each field keeps its own pending save.
func TestInspector_TwoFieldsTypedQuicklyBothSaved(t *testing.T) {
	w, f := openTestWindow(t)
	w.choose("apple")
	name, notes := w.insp.fields["name"], w.insp.fields["notes"]
	w.win.Canvas().Focus(name)
	name.SetText("Apple Inc.")
	w.win.Canvas().Focus(notes) // the name field loses the keyboard
	notes.SetText("Cupertino")
	if got := f.doc.Parties[2].Name; got != "Apple Inc." {
		t.Fatalf("moving to the next field did not save the name: %q", got)
	}
	w.quit()
	if got := f.doc.Parties[2].Notes; got != "Cupertino" {
		t.Fatalf("quitting did not save the notes: %q", got)
	}
}

// Without focus changes, each field's timer saves it.
func TestInspector_EachFieldSavesOnItsOwnTimer(t *testing.T) {
	w, f := openTestWindow(t)
	w.choose("apple")
	name, notes := w.insp.fields["name"], w.insp.fields["notes"]
	name.SetText("Apple Inc.")
	notes.SetText("Cupertino")
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && (f.doc.Parties[2].Name != "Apple Inc." || f.doc.Parties[2].Notes != "Cupertino") {
		time.Sleep(50 * time.Millisecond)
	}
	if p := f.doc.Parties[2]; p.Name != "Apple Inc." || p.Notes != "Cupertino" {
		t.Fatalf("after the save delay: name %q, notes %q", p.Name, p.Notes)
	}
}
