package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"evidenceboard/app"
	"evidenceboard/app/arrange"
)

// The window's edits: each calls the session, which makes the edit as one
// store call and patches the model, then redraws what shows the item.

// patched redraws an item whose fields the session patched.
func (w *boardWindow) patched() {
	w.board.edited() // the wrap caches are keyed by text: an edit misses them
	w.nav.apply()
	w.weak.show(w.model)
	w.lastMatrix.refresh()
	if w.timeline != nil {
		w.timeline.refresh()
	}
	w.refreshChrome()
}

// fieldEdit redraws after a field edit, or reloads for errReload.
func (w *boardWindow) fieldEdit(err error) error {
	switch err {
	case nil:
		w.patched()
		return nil
	case errReload:
		return w.reload(false)
	}
	return err
}

func (w *boardWindow) updateBoard(u app.BoardUpdate) error {
	if err := w.editing(); err != nil {
		return err
	}
	if err := w.session.updateBoard(u); err != nil {
		return err
	}
	w.refreshChrome()
	return nil
}

func (w *boardWindow) updateSource(id string, u app.SourceUpdate) error {
	if err := w.editing(); err != nil {
		return err
	}
	return w.fieldEdit(w.session.updateSource(id, u))
}

func (w *boardWindow) updateParty(id string, u app.PartyUpdate) error {
	if err := w.editing(); err != nil {
		return err
	}
	return w.fieldEdit(w.session.updateParty(id, u))
}

func (w *boardWindow) updateClaim(id string, u app.ClaimUpdate) error {
	if err := w.editing(); err != nil {
		return err
	}
	return w.fieldEdit(w.session.updateClaim(id, u))
}

func (w *boardWindow) updateQuote(id string, u app.QuoteUpdate) error {
	if err := w.editing(); err != nil {
		return err
	}
	return w.fieldEdit(w.session.updateQuote(id, u))
}

func (w *boardWindow) setClaimStatus(id string, ch app.StatusChange) {
	w.insp.flush()
	if err := w.editing(); err != nil {
		w.showError(err)
		return
	}
	if err := w.session.setClaimStatus(id, ch); err != nil {
		w.showError(err)
		return
	}
	w.patched()
	w.insp.show(id)
}

// setClaimVerdict gives a claim its verdict, or takes it away (nil).
func (w *boardWindow) setClaimVerdict(id string, v *app.Verdict) {
	w.insp.flush()
	if err := w.editing(); err != nil {
		w.showError(err)
		return
	}
	if err := w.session.setClaimVerdict(id, v); err != nil {
		w.showError(err)
		return
	}
	w.patched()
	w.insp.show(id)
}

// moveCard saves a card dropped on the board.
func (w *boardWindow) moveCard(id string, p fyne.Position) {
	if w.readOnly() {
		_ = w.reload(false) // put it back
		return
	}
	if err := w.session.moveCard(id, p); err != nil {
		w.showError(err)
		_ = w.reload(false)
		return
	}
	w.refreshChrome()
}

// nudge moves the selected card by d board units, as one saved edit.
func (w *boardWindow) nudge(id string, d fyne.Delta) {
	if w.readOnly() || w.model.kind[id] == "" {
		return
	}
	p := w.model.pos[id].Add(d)
	w.model.moveCard(id, p)
	w.board.reveal(id)
	w.board.relayout()
	// A run of nudges is saved once, when the keys pause or anything else
	// happens, as one edit and one undo step.
	w.insp.schedule("move:"+id, func() error {
		if err := w.session.moveCard(id, p); err != nil {
			_ = w.reload(false)
			return err
		}
		w.refreshChrome()
		return nil
	})
}

func (w *boardWindow) deleteLink(l app.Link) {
	w.insp.flush()
	if err := w.editing(); err != nil {
		w.showError(err)
		return
	}
	if err := w.session.deleteLink(l); err != nil {
		w.afterFailedEdit(err)
		return
	}
	w.redrawModel()
}

// confirmDelete asks first, saying what else goes with the item. Enter
// confirms and Esc cancels, as the buttons do.
func (w *boardWindow) confirmDelete(id string) {
	if w.readOnly() || w.model.kind[id] == "" || w.confirming != nil {
		return
	}
	w.ask("Delete "+string(w.model.kind[id]), w.session.deleteMessage(id), "Delete", func(ok bool) {
		if ok {
			w.deleteItem(id)
		}
	})
}

// confirmation is a question the window is asking, for the keys that
// answer it.
type confirmation struct {
	d    dialog.Dialog
	onOK func()
}

func (c *confirmation) confirm() { c.onOK() }

// cancel closes the dialog, which answers no.
func (c *confirmation) cancel() { c.d.Dismiss() }

func (w *boardWindow) deleteItem(id string) {
	w.insp.flush()
	if err := w.editing(); err != nil {
		w.showError(err)
		return
	}
	w.board.selected = ""
	if err := w.session.deleteItem(id); err != nil {
		w.afterFailedEdit(err)
		return
	}
	w.redrawModel()
}

// newAt is where a new card of kind k goes: the free space nearest the
// centre of the view.
func (w *boardWindow) newAt(k app.Kind) fyne.Position {
	s := w.board.Size()
	c := w.board.toBoard(fyne.NewPos(s.Width/2, s.Height/2))
	cs := cardSizes[k]
	return w.model.freeSpot(fyne.NewPos(float32(int(c.X-cs.Width/2)), float32(int(c.Y-cs.Height/2))), k)
}

// newCard makes an item with its card at the centre of the view, in one
// edit, selects it and puts the keyboard in its first field.
func (w *boardWindow) newCard(kind app.Kind, field string, create func(at *app.Point) (string, error)) {
	if w.readOnly() {
		return
	}
	w.insp.flush()
	id, err := w.session.create(kind, w.newAt(kind), create)
	if id == "" && err != nil {
		w.showError(err)
		return
	}
	if err != nil {
		w.afterFailedEdit(err)
	} else {
		w.redrawModel()
	}
	w.choose(id)
	w.focusField(field)
}
func (w *boardWindow) newClaim() {
	w.newCard(app.KindClaim, "statement", func(at *app.Point) (string, error) {
		c := &app.Claim{Statement: "New claim: say what is claimed", Status: app.StatusAlleged}
		err := w.file.CreateClaim(w.ctx, c, at)
		return c.ID, err
	})
}

func (w *boardWindow) newSource() {
	w.newCard(app.KindSource, "title", func(at *app.Point) (string, error) {
		s := &app.Source{Title: "New source"}
		err := w.file.CreateSource(w.ctx, s, at)
		return s.ID, err
	})
}

func (w *boardWindow) newParty() {
	w.newCard(app.KindParty, "name", func(at *app.Point) (string, error) {
		p := &app.Party{Name: "New party", Kind: app.PartyPerson}
		err := w.file.CreateParty(w.ctx, p, at)
		return p.ID, err
	})
}

// focusField puts the keyboard in an inspector field, text selected.
func (w *boardWindow) focusField(name string) {
	if e := w.insp.fields[name]; e != nil {
		w.win.Canvas().Focus(e)
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// arrangeBoard lays the board out anew, as one undo step, and fits it in
// view.
func (w *boardWindow) arrangeBoard() {
	if w.readOnly() || w.model == nil {
		return
	}
	w.insp.flush()
	file, ctx := w.file, w.ctx
	// Off the window's goroutine, behind a progress dialog that keeps
	// other edits out until the layout is stored and read back.
	w.background("Arranging the board…", func(func(float64)) (string, error) {
		f, err := arrange.Board(ctx, file)
		if err != nil {
			return "", err
		}
		doAndWait(func() {
			if w.file == file {
				if err := w.reload(true); err != nil {
					w.showError(err)
				}
			}
		})
		return fmt.Sprintf("Arranged %s: %d crossings, %d overlaps.", plural(f.Cards, "card", "cards"), f.Crossings, f.Overlaps), nil
	})
}
