package ui

import (
	"errors"

	"fyne.io/fyne/v2"

	"evidenceboard/app"
)

// itemRef names an item an edit touched, with its kind, and for an item
// the edit made, where the edit stored its card.
type itemRef struct {
	id   string
	kind app.Kind
	at   fyne.Position
}

// ref names an item the model holds.
func (w *boardWindow) ref(id string) itemRef { return itemRef{id: id, kind: w.model.kind[id]} }

// readBack reads the items an edit touched, and their links, back from the
// store into the model, and redraws: an edit costs what it touched, not a
// reading of the whole board. An item the store no longer has leaves the
// model; a new one's card goes where its ref says.
func (w *boardWindow) readBack(refs ...itemRef) error {
	m := w.model
	var ids []string
	for _, r := range refs {
		item, err := w.findItem(r)
		switch {
		case app.ErrorCode(err) == app.ENOTFOUND:
			m.remove(r.id)
			continue
		case err != nil:
			return err
		}
		m.upsert(item, r.at)
		ids = append(ids, r.id)
		if r.kind == app.KindParty { // quotes are found by their speaker's name
			for _, q := range m.doc.Quotes {
				if q.Speaker == r.id {
					m.index(q.ID)
				}
			}
		}
	}
	var links []*app.Link
	for _, id := range ids {
		ls, err := w.file.FindLinks(w.ctx, app.LinkFilter{Item: id})
		if err != nil {
			return err
		}
		links = append(links, ls...)
	}
	m.setLinksOf(ids, links)
	// Every edit stamps the board's record (the inspector shows when it
	// was last edited), and an undo may change more of it.
	b, err := w.file.Board(w.ctx)
	if err != nil {
		return err
	}
	m.doc.Board = *b
	w.redrawModel()
	return nil
}

// errReload says a change is better shown by reading the whole board.
var errReload = errors.New("read the whole board")

// readBackChanges reads back what an undo or redo changed.
func (w *boardWindow) readBackChanges(ch app.Changes) error {
	m := w.model
	at := map[string]fyne.Position{}
	for _, p := range ch.Positions {
		at[p.Item] = fyne.NewPos(float32(p.X), float32(p.Y))
	}
	refs := make([]itemRef, 0, len(ch.Items))
	for _, it := range ch.Items {
		p, placed := at[it.ID]
		switch {
		case it.Kind == "": // gone
		case !placed && (m.placed[it.ID] || m.kind[it.ID] == ""):
			return errReload // back to the program's placing
		case m.kind[it.ID] != "" && m.pos[it.ID] != p:
			m.moveCard(it.ID, p)
		}
		refs = append(refs, itemRef{id: it.ID, kind: it.Kind, at: p})
	}
	return w.readBack(refs...) // which reads the board's record too
}

// findItem reads one item from the store.
func (w *boardWindow) findItem(r itemRef) (any, error) {
	switch r.kind {
	case app.KindSource:
		return w.file.FindSourceByID(w.ctx, r.id)
	case app.KindParty:
		return w.file.FindPartyByID(w.ctx, r.id)
	case app.KindClaim:
		return w.file.FindClaimByID(w.ctx, r.id)
	case app.KindQuote:
		return w.file.FindQuoteByID(w.ctx, r.id)
	}
	return nil, app.Errorf(app.ENOTFOUND, "there is no item %q", r.id)
}

// redrawModel shows the patched model on the board, in the lists and in
// the inspector.
func (w *boardWindow) redrawModel() {
	if w.model.kind[w.board.selected] == "" {
		w.board.selected = ""
	}
	w.board.relayout()
	w.refreshPanels()
}
