package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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

// fakeTimer is a save timer a test fires by hand, on its own goroutine:
// Fyne's test driver runs fyne.Do at once on the caller's goroutine, so
// real timers would race with the test.
type fakeTimer struct {
	fn      func()
	stopped bool
}

func (t *fakeTimer) Stop() bool { was := !t.stopped; t.stopped = true; return was }

// Without focus changes, each field's own timer saves it.
func TestInspector_EachFieldSavesOnItsOwnTimer(t *testing.T) {
	w, f := openTestWindow(t)
	var timers []*fakeTimer
	w.insp.later = func(fn func()) interface{ Stop() bool } {
		tm := &fakeTimer{fn: fn}
		timers = append(timers, tm)
		return tm
	}
	w.choose("apple")
	name, notes := w.insp.fields["name"], w.insp.fields["notes"]
	name.SetText("Apple Inc.")
	notes.SetText("Cupertino")
	for _, tm := range timers {
		if !tm.stopped {
			tm.fn()
		}
	}
	if p := f.doc.Parties[2]; p.Name != "Apple Inc." || p.Notes != "Cupertino" {
		t.Fatalf("after the save delay: name %q, notes %q", p.Name, p.Notes)
	}
	if len(f.undo) != 2 {
		t.Fatalf("%d undo steps for two field edits, want 2", len(f.undo))
	}
}

// A pin is one store call: when a step of it would fail, nothing is made,
// and an earlier unrelated edit stays its own undo step.
func TestWindow_PinQuoteIsOneEdit(t *testing.T) {
	for _, failOn := range []string{"Move card", "New link", "Pin quote"} {
		t.Run(failOn, func(t *testing.T) {
			w, f := openTestWindow(t)
			w.choose("apple")
			w.insp.fields["notes"].SetText("An unrelated edit")
			w.insp.flush()
			before := cloneDoc(f.doc)
			steps := len(f.undo)
			f.failOn = failOn
			p := w.showPinDialog(pinDraft{})
			test.Type(p.text, "We deny it all.")
			p.speaker.SetText("A new speaker")
			p.source.SetText("A brand new source")
			p.setRelation("c-apple-found-2015", "denies")
			test.Tap(p.pinButton)
			made := findQuote(f.doc, "We deny it all.") != nil
			if failOn == "Pin quote" {
				if made || p.problem.Hidden || len(f.undo) != steps {
					t.Fatalf("a failed pin: made %v, problem shown %v, %d undo steps (was %d)", made, !p.problem.Hidden, len(f.undo), steps)
				}
				return
			}
			if !made || len(f.undo) != steps+1 || f.undo[len(f.undo)-1].label != "Pin quote" {
				t.Fatalf("made %v with %d undo steps (was %d)", made, len(f.undo), steps)
			}
			w.undo()
			if !reflect.DeepEqual(f.doc, before) {
				t.Fatal("one undo did not take the whole pin back, and only it")
			}
			if undo, _, _ := f.UndoState(context.Background()); undo != "Edit party" {
				t.Fatalf("the earlier edit was folded into the pin: next undo is %q", undo)
			}
		})
	}
}

// typeKey delivers a key with nothing focused, as the driver does: to the
// canvas's key handler.
func typeKey(w *boardWindow, k fyne.KeyName) {
	w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k})
}

// Delete asks, Enter answers yes and Esc no, from the keyboard alone.
func TestKeys_DeleteConfirmedWithEnter(t *testing.T) {
	w, f := openTestWindow(t)
	n := len(f.doc.Parties)
	w.choose("apple")
	w.win.Canvas().Unfocus()
	typeKey(w, fyne.KeyDelete)
	if w.confirming == nil || w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Delete did not ask")
	}
	typeKey(w, fyne.KeyDelete) // a second press does not ask twice
	typeKey(w, fyne.KeyEscape)
	if len(f.doc.Parties) != n || w.confirming != nil || w.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not cancel the delete")
	}
	w.choose("apple")
	w.win.Canvas().Unfocus()
	typeKey(w, fyne.KeyDelete)
	typeKey(w, fyne.KeyReturn)
	if len(f.doc.Parties) != n-1 || w.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Enter did not delete the party")
	}
	press(w, &fyne.ShortcutUndo{})
	if len(f.doc.Parties) != n {
		t.Fatal("Ctrl+Z did not bring the party back")
	}
}

// A card chosen in the navigator's list moves with the arrow keys, and a
// run of nudges is one undo step.
func TestKeys_NudgeAfterChoosingInTheList(t *testing.T) {
	w, f := openTestWindow(t)
	w.nav.tabs.SelectIndex(2) // parties
	list := w.nav.lists[app.KindParty]
	row := -1
	for i, id := range w.nav.shown[app.KindParty] {
		if id == "apple" {
			row = i
		}
	}
	w.win.Canvas().Focus(list) // as a tap on a row does
	list.Select(row)
	if w.board.selected != "apple" {
		t.Fatal("choosing in the list did not select the card")
	}
	if w.win.Canvas().Focused() != nil {
		t.Fatal("the list kept the keyboard after a row was chosen")
	}
	before := w.model.pos["apple"]
	steps := len(f.undo)
	for i := 0; i < 3; i++ {
		typeKey(w, fyne.KeyRight)
	}
	typeKey(w, fyne.KeyDown)
	w.insp.flush()
	got, _ := func() (app.Position, bool) {
		for _, p := range f.doc.Layout {
			if p.Item == "apple" {
				return p, true
			}
		}
		return app.Position{}, false
	}()
	if float32(got.X) != before.X+60 || float32(got.Y) != before.Y+20 {
		t.Fatalf("saved at %v,%v, want %v,%v", got.X, got.Y, before.X+60, before.Y+20)
	}
	if len(f.undo) != steps+1 {
		t.Fatalf("%d undo steps for a run of four nudges, want 1", len(f.undo)-steps)
	}
	press(w, &fyne.ShortcutUndo{})
	if w.model.pos["apple"] != before {
		t.Fatal("one Ctrl+Z did not take back the whole run of nudges")
	}
}

// The pin dialog's speaker and source pickers narrow as you type.
func TestPin_PickersNarrowAsYouType(t *testing.T) {
	w, _ := openTestWindow(t)
	p := w.showPinDialog(pinDraft{})
	all := len(p.speakersShown)
	test.Type(p.speaker, "app")
	if n := len(p.speakersShown); n == 0 || n >= all {
		t.Fatalf("typing \"app\" left %d of %d speakers", n, all)
	}
	for _, o := range p.speakersShown {
		if !strings.Contains(strings.ToLower(o), "app") {
			t.Fatalf("%q offered for \"app\"", o)
		}
	}
	p.speaker.SetText("")
	if len(p.speakersShown) != all {
		t.Fatal("clearing the speaker did not offer every party again")
	}
	test.Type(p.source, "deny claims")
	if len(p.sourcesShown) != 1 {
		t.Fatalf("typing \"deny claims\" left sources %v", p.sourcesShown)
	}
	// The matches are offered under the field as you type, not only from
	// the picker's arrow: a click on one fills the field.
	p.speaker.SetText("")
	test.Type(p.speaker, "amaz")
	var offered []*widget.Button
	for _, o := range objects(w.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Visible() && strings.Contains(strings.ToLower(b.Text), "amaz") {
			offered = append(offered, b)
		}
	}
	if len(offered) == 0 {
		t.Fatal("typing \"amaz\" offered no speaker under the field")
	}
	test.Tap(offered[0])
	if !strings.HasPrefix(strings.ToLower(p.speaker.Text), "amazon") {
		t.Fatalf("choosing the offered speaker filled in %q", p.speaker.Text)
	}
}
