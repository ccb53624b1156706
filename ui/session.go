package ui

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"

	"evidenceboard/app"
)

// session is the open board without its widgets: the file, the model read
// from it, and the edits, read-backs, undo and redo that keep the two in
// step. It touches no widget: the window's widgets call it and then
// redraw what it says changed, and its rules are tested on their own.
// Every edit is one store call, so one user action is one transaction and
// one undo step.
type session struct {
	ctx   context.Context
	file  app.BoardFile
	model *boardModel
}

// itemRef names an item an edit touched, with its kind, and for an item
// the edit made, where the edit stored its card.
type itemRef struct {
	id   string
	kind app.Kind
	at   fyne.Position
}

// ref names an item the model holds.
func (s *session) ref(id string) itemRef { return itemRef{id: id, kind: s.model.kind[id]} }

// readBack reads the items an edit touched, and their links, back from the
// store into the model: an edit costs what it touched, not a reading of
// the whole board. An item the store no longer has leaves the
// model; a new one's card goes where its ref says.
func (s *session) readBack(refs ...itemRef) error {
	m := s.model
	var ids []string
	for _, r := range refs {
		item, err := s.findItem(r)
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
		ls, err := s.file.FindLinks(s.ctx, app.LinkFilter{Item: id})
		if err != nil {
			return err
		}
		links = append(links, ls...)
	}
	m.setLinksOf(ids, links)
	// Every edit stamps the board's record (the inspector shows when it
	// was last edited), and an undo may change more of it.
	b, err := s.file.Board(s.ctx)
	if err != nil {
		return err
	}
	m.doc.Board = *b
	return nil
}

// errReload says a change is better shown by reading the whole board.
var errReload = errors.New("read the whole board")

// readBackChanges reads back what an undo or redo changed.
func (s *session) readBackChanges(ch app.Changes) error {
	m := s.model
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
	return s.readBack(refs...) // which reads the board's record too
}

// findItem reads one item from the store.
func (s *session) findItem(r itemRef) (any, error) {
	switch r.kind {
	case app.KindSource:
		return s.file.FindSourceByID(s.ctx, r.id)
	case app.KindParty:
		return s.file.FindPartyByID(s.ctx, r.id)
	case app.KindClaim:
		return s.file.FindClaimByID(s.ctx, r.id)
	case app.KindQuote:
		return s.file.FindQuoteByID(s.ctx, r.id)
	}
	return nil, app.Errorf(app.ENOTFOUND, "there is no item %q", r.id)
}

// undo undoes the last edit and reads back what it changed. It returns
// ENOTFOUND when there is nothing to undo and errReload when the change
// is better shown by reading the whole board.
func (s *session) undo() error { return s.replay(s.file.Undo) }

// redo is undo's mirror.
func (s *session) redo() error { return s.replay(s.file.Redo) }

func (s *session) replay(step func(context.Context) (app.Changes, error)) error {
	ch, err := step(s.ctx)
	if err != nil {
		return err
	}
	return s.readBackChanges(ch)
}

// updateBoard changes the board's own record.
func (s *session) updateBoard(u app.BoardUpdate) error {
	b, err := s.file.UpdateBoard(s.ctx, u)
	if err == nil {
		s.model.doc.Board = *b
	}
	return err
}

// updateSource changes a source; a new text returns errReload, since the
// anchors of its quotes may have moved.
func (s *session) updateSource(id string, u app.SourceUpdate) error {
	src, err := s.file.UpdateSource(s.ctx, id, u)
	if err != nil {
		return err
	}
	if u.Text != nil {
		return errReload
	}
	*s.model.sources[id] = *src
	s.model.index(id)
	return nil
}

// updateParty changes a party, and the search text of the quotes it spoke,
// which holds its name.
func (s *session) updateParty(id string, u app.PartyUpdate) error {
	p, err := s.file.UpdateParty(s.ctx, id, u)
	if err != nil {
		return err
	}
	*s.model.parties[id] = *p
	s.model.index(id)
	for _, q := range s.model.doc.Quotes {
		if q.Speaker == id {
			s.model.index(q.ID)
		}
	}
	return nil
}

func (s *session) updateClaim(id string, u app.ClaimUpdate) error {
	c, err := s.file.UpdateClaim(s.ctx, id, u)
	if err == nil {
		*s.model.claims[id] = *c
		s.model.index(id)
	}
	return err
}

func (s *session) updateQuote(id string, u app.QuoteUpdate) error {
	q, err := s.file.UpdateQuote(s.ctx, id, u)
	if err == nil {
		*s.model.quotes[id] = *q
		s.model.index(id)
	}
	return err
}

func (s *session) setClaimStatus(id string, ch app.StatusChange) error {
	c, err := s.file.SetClaimStatus(s.ctx, id, ch)
	if err == nil {
		*s.model.claims[id] = *c
		s.model.index(id)
	}
	return err
}

func (s *session) setClaimVerdict(id string, v *app.Verdict) error {
	c, err := s.file.SetClaimVerdict(s.ctx, id, v)
	if err == nil {
		*s.model.claims[id] = *c
		s.model.index(id)
	}
	return err
}

// moveCard stores where a card was put; the model has it there already.
func (s *session) moveCard(id string, p fyne.Position) error {
	return s.file.MoveCard(s.ctx, id, float64(p.X), float64(p.Y))
}

// deleteLink removes a link and reads back its ends. A failed delete
// still reads them back, so the model shows what the file has.
func (s *session) deleteLink(l app.Link) error {
	err := s.file.DeleteLink(s.ctx, l.From, l.To, l.Relation)
	if rerr := s.readBack(s.ref(l.From), s.ref(l.To)); err == nil {
		err = rerr
	}
	return err
}

// deleteItem deletes an item with its links and card, and reads back it
// and the quotes it spoke or came from, which change with it.
func (s *session) deleteItem(id string) error {
	var del func(context.Context, string) error
	switch s.model.kind[id] {
	case app.KindClaim:
		del = s.file.DeleteClaim
	case app.KindQuote:
		del = s.file.DeleteQuote
	case app.KindParty:
		del = s.file.DeleteParty
	case app.KindSource:
		del = s.file.DeleteSource
	default:
		return app.Errorf(app.ENOTFOUND, "there is no item %q", id)
	}
	refs := []itemRef{s.ref(id)}
	for _, q := range s.model.doc.Quotes {
		if q.Speaker == id || q.Source == id {
			refs = append(refs, itemRef{id: q.ID, kind: app.KindQuote})
		}
	}
	err := del(s.ctx, id)
	if rerr := s.readBack(refs...); err == nil {
		err = rerr
	}
	return err
}

// create makes one new item with its card at at, through make, and reads
// it back.
func (s *session) create(kind app.Kind, at fyne.Position, make func(at *app.Point) (string, error)) (string, error) {
	id, err := make(point(at))
	if err != nil {
		return "", err
	}
	return id, s.readBack(itemRef{id, kind, at})
}

// pin makes a pinned quote with what comes with it, as one edit, and
// reads back what it made and the claims it bears on. Where the pin puts
// no card, the program places it.
func (s *session) pin(p *app.Pin) error {
	if err := s.file.PinQuote(s.ctx, p); err != nil {
		return err
	}
	at := func(pt *app.Point) fyne.Position {
		if pt == nil {
			return fyne.Position{}
		}
		return fyne.NewPos(float32(pt.X), float32(pt.Y))
	}
	made := []itemRef{{p.Quote.ID, app.KindQuote, at(p.QuoteAt)}}
	if p.NewSpeaker != nil {
		made = append(made, itemRef{p.NewSpeaker.ID, app.KindParty, at(p.SpeakerAt)})
	}
	if p.NewSource != nil {
		made = append(made, itemRef{p.NewSource.ID, app.KindSource, at(p.SourceAt)})
	}
	for _, c := range p.Claims {
		made = append(made, s.ref(c.Claim))
	}
	return s.readBack(made...)
}

// point is p as the store's Point.
func point(p fyne.Position) *app.Point { return &app.Point{X: float64(p.X), Y: float64(p.Y)} }

// partyOptions lists the parties for a picker: option text -> id.
func (s *session) partyOptions() ([]string, map[string]string) {
	ids := map[string]string{noneOption: ""}
	opts := []string{noneOption}
	for _, p := range s.model.doc.Parties {
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
func (s *session) sourceOptions() ([]string, map[string]string) {
	ids := map[string]string{noneOption: ""}
	opts := []string{noneOption}
	for _, src := range s.model.doc.Sources {
		o := clipText(src.Title, 70)
		if _, dup := ids[o]; dup {
			o = fmt.Sprintf("%s (%s)", o, src.ID)
		}
		ids[o] = src.ID
		opts = append(opts, o)
	}
	return opts, ids
}

// deleteMessage says what deleting the item takes with it.
func (s *session) deleteMessage(id string) string {
	m := s.model
	kind := m.kind[id]
	var goes []string
	if n := len(m.linksOf[id]); n > 0 {
		goes = append(goes, plural(n, "link", "links"))
	}
	if kind == app.KindClaim && len(m.claims[id].History) > 0 {
		goes = append(goes, "its history of "+plural(len(m.claims[id].History), "status change", "status changes"))
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
		keeps = append(keeps, plural(spoke, "quote it spoke will keep its words but lose its speaker", "quotes it spoke will keep their words but lose their speaker"))
	}
	if from > 0 {
		keeps = append(keeps, plural(from, "quote from it will keep its words but lose its source and pinned position", "quotes from it will keep their words but lose their source and pinned position"))
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

func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
