package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"evidenceboard/app"
)

// Field edits patch the model in place and redraw what shows the item;
// edits that reshape the board (new, delete, link) read back what they
// touched (readback.go); undo and redo, which can touch anything, reload.

func (w *boardWindow) patched(id string) {
	w.model.index(id) // the wrap caches are keyed by text: an edit misses them
	w.board.relayout()
	w.nav.apply()
	w.refreshChrome()
}

func (w *boardWindow) updateBoard(u app.BoardUpdate) error {
	b, err := w.file.UpdateBoard(w.ctx, u)
	if err != nil {
		return err
	}
	w.model.doc.Board = *b
	w.refreshChrome()
	return nil
}

func (w *boardWindow) updateSource(id string, u app.SourceUpdate) error {
	s, err := w.file.UpdateSource(w.ctx, id, u)
	if err != nil {
		return err
	}
	if u.Text != nil { // anchors of its quotes may have moved
		return w.reload(false)
	}
	*w.model.sources[id] = *s
	w.patched(id)
	return nil
}

func (w *boardWindow) updateParty(id string, u app.PartyUpdate) error {
	p, err := w.file.UpdateParty(w.ctx, id, u)
	if err != nil {
		return err
	}
	*w.model.parties[id] = *p
	w.patched(id)
	for _, q := range w.model.doc.Quotes { // quotes show their speaker's name
		if q.Speaker == id {
			w.model.index(q.ID)
		}
	}
	return nil
}

func (w *boardWindow) updateClaim(id string, u app.ClaimUpdate) error {
	c, err := w.file.UpdateClaim(w.ctx, id, u)
	if err != nil {
		return err
	}
	*w.model.claims[id] = *c
	w.patched(id)
	return nil
}

func (w *boardWindow) updateQuote(id string, u app.QuoteUpdate) error {
	q, err := w.file.UpdateQuote(w.ctx, id, u)
	if err != nil {
		return err
	}
	*w.model.quotes[id] = *q
	w.patched(id)
	return nil
}

func (w *boardWindow) setClaimStatus(id string, s app.Status, note string) {
	w.insp.flush()
	c, err := w.file.SetClaimStatus(w.ctx, id, s, note)
	if err != nil {
		w.showError(err)
		return
	}
	*w.model.claims[id] = *c
	w.patched(id)
	w.insp.show(id)
}

// moveCard saves a card dropped on the board.
func (w *boardWindow) moveCard(id string, p fyne.Position) {
	if w.readOnly() {
		_ = w.reload(false) // put it back
		return
	}
	if err := w.file.MoveCard(w.ctx, id, float64(p.X), float64(p.Y)); err != nil {
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
	w.moveCard(id, p)
}

func (w *boardWindow) deleteLink(l app.Link) {
	w.insp.flush()
	if err := w.file.DeleteLink(w.ctx, l.From, l.To, l.Relation); err != nil {
		w.showError(err)
	}
	w.readBackOrReload(w.ref(l.From), w.ref(l.To))
}

// readBackOrReload reads the touched items back, or the whole board if
// that fails.
func (w *boardWindow) readBackOrReload(refs ...itemRef) {
	if err := w.readBack(refs...); err != nil {
		w.showError(err)
		if err := w.reload(false); err != nil {
			w.showError(err)
		}
	}
}

// confirmDelete asks first, saying what else goes with the item. Enter
// confirms and Esc cancels, as the buttons do.
func (w *boardWindow) confirmDelete(id string) {
	if w.readOnly() || w.model.kind[id] == "" || w.confirming != nil {
		return
	}
	kind := w.model.kind[id]
	var c *confirmation
	d := dialog.NewConfirm("Delete "+string(kind), w.deleteMessage(id), func(ok bool) {
		if w.confirming == c {
			w.confirming = nil
		}
		if ok {
			w.deleteItem(id)
		}
	}, w.win)
	d.SetConfirmText("Delete")
	c = &confirmation{d: d, onOK: func() { w.confirming = nil; d.Hide(); w.deleteItem(id) }}
	w.confirming = c
	d.Show()
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

// deleteMessage says what deleting the item takes with it.
func (w *boardWindow) deleteMessage(id string) string {
	m := w.model
	kind := m.kind[id]
	var goes []string
	if n := len(m.linksOf[id]); n > 0 {
		goes = append(goes, fmt.Sprintf("%d link(s)", n))
	}
	if kind == app.KindClaim && len(m.claims[id].History) > 0 {
		goes = append(goes, fmt.Sprintf("its history of %d status change(s)", len(m.claims[id].History)))
	}
	var keeps []string
	spoke, from := 0, 0
	for _, q := range m.doc.Quotes {
		if q.Speaker == id {
			spoke++
		}
		if q.Source == id {
			from++
		}
	}
	if spoke > 0 {
		keeps = append(keeps, fmt.Sprintf("%d quote(s) it spoke will keep their words but lose their speaker", spoke))
	}
	if from > 0 {
		keeps = append(keeps, fmt.Sprintf("%d quote(s) from it will keep their words but lose their source and pinned position", from))
	}
	msg := fmt.Sprintf("Delete the %s “%s”?", kind, clipText(m.label(id), 80))
	if len(goes) > 0 {
		msg += "\n\nGoes with it: " + strings.Join(goes, ", ") + "."
	}
	if len(keeps) > 0 {
		msg += "\n" + strings.Join(keeps, "; ") + "."
	}
	return msg + "\n\nYou can undo this with Ctrl+Z."
}

func (w *boardWindow) deleteItem(id string) {
	var del func() error
	switch w.model.kind[id] {
	case app.KindClaim:
		del = func() error { return w.file.DeleteClaim(w.ctx, id) }
	case app.KindQuote:
		del = func() error { return w.file.DeleteQuote(w.ctx, id) }
	case app.KindParty:
		del = func() error { return w.file.DeleteParty(w.ctx, id) }
	case app.KindSource:
		del = func() error { return w.file.DeleteSource(w.ctx, id) }
	default:
		return
	}
	// The quotes it spoke or came from change with it.
	refs := []itemRef{w.ref(id)}
	for _, q := range w.model.doc.Quotes {
		if q.Speaker == id || q.Source == id {
			refs = append(refs, itemRef{id: q.ID, kind: app.KindQuote})
		}
	}
	w.insp.flush()
	w.board.selected = ""
	if err := del(); err != nil {
		w.showError(err)
	}
	w.readBackOrReload(refs...)
}

func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// newAt is where a new card of kind k goes: the centre of the view.
func (w *boardWindow) newAt(k app.Kind) fyne.Position {
	s := w.board.Size()
	c := w.board.toBoard(fyne.NewPos(s.Width/2, s.Height/2))
	cs := cardSizes[k]
	return fyne.NewPos(float32(int(c.X-cs.Width/2)), float32(int(c.Y-cs.Height/2)))
}

// point is p as the store's Point.
func point(p fyne.Position) *app.Point { return &app.Point{X: float64(p.X), Y: float64(p.Y)} }

// created reads what one edit made back into the model and selects the
// new item.
func (w *boardWindow) created(id string, made ...itemRef) {
	w.readBackOrReload(made...)
	w.choose(id)
}

// newCard makes an item with its card at the centre of the view, in one
// edit, selects it and puts the keyboard in its first field.
func (w *boardWindow) newCard(kind app.Kind, field string, create func(at *app.Point) (string, error)) {
	if w.readOnly() {
		return
	}
	w.insp.flush()
	at := w.newAt(kind)
	id, err := create(point(at))
	if err != nil {
		w.showError(err)
		return
	}
	w.created(id, itemRef{id, kind, at})
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

// partyOptions lists the parties for a picker: option text -> id.
func (w *boardWindow) partyOptions() ([]string, map[string]string) {
	ids := map[string]string{noneOption: ""}
	opts := []string{noneOption}
	for _, p := range w.model.doc.Parties {
		o := p.Name
		if _, dup := ids[o]; dup {
			o = fmt.Sprintf("%s (%s)", p.Name, p.ID)
		}
		ids[o] = p.ID
		opts = append(opts, o)
	}
	sort.Strings(opts[1:])
	return opts, ids
}

// sourceOptions lists the sources for a picker: option text -> id.
func (w *boardWindow) sourceOptions() ([]string, map[string]string) {
	ids := map[string]string{noneOption: ""}
	opts := []string{noneOption}
	for _, s := range w.model.doc.Sources {
		o := clipText(s.Title, 70)
		if _, dup := ids[o]; dup {
			o = fmt.Sprintf("%s (%s)", o, s.ID)
		}
		ids[o] = s.ID
		opts = append(opts, o)
	}
	return opts, ids
}
