package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// saveDelay is how long after the last keystroke a field is saved: edits
// are saved as they happen, but a word typed is one undo step, not five.
const saveDelay = 700 * time.Millisecond

const noneOption = "(none)"

// inspector edits the selected item, or the board itself when nothing is
// selected: its fields, a claim's status and history, and links.
type inspector struct {
	w      *boardWindow
	id     string
	root   *fyne.Container
	scroll *container.Scroll // the form's scroll, once content has made it

	// Handles for tests.
	fields       map[string]*fieldEntry
	selects      map[string]*widget.Select
	statusSelect *widget.Select
	statusNote   *widget.Entry
	statusApply  *widget.Button
	statusWhen   *widget.Entry
	sinceWhen    *widget.Entry // when the claim was first recorded
	sinceApply   *widget.Button
	history      *fyne.Container
	links        *fyne.Container
	addLink      *widget.Button
	deleteButton *widget.Button
	// The verdict block (ratings.go), and the meaning of the grade set.
	verdictSelect *widget.Select
	verdictNote   *tabEntry
	verdictWhen   *widget.Entry
	verdictApply  *widget.Button
	gradeMeaning  *widget.Label
	// notice is said once, at the top of the next form shown.
	notice string

	// pending holds the unsaved edit of each field that has one.
	pending map[string]*pendingSave
	// later runs fn on the main goroutine after saveDelay, unless stopped.
	later func(fn func()) interface{ Stop() bool }
}

// pendingSave is one field's unsaved edit and the timer that saves it.
type pendingSave struct {
	timer interface{ Stop() bool }
	save  func() error
}

func newInspector(w *boardWindow) *inspector {
	i := &inspector{w: w, root: container.NewVBox(), pending: map[string]*pendingSave{}}
	i.later = func(fn func()) interface{ Stop() bool } {
		return time.AfterFunc(saveDelay, func() { fyne.Do(fn) })
	}
	return i
}

// inspectorWidth is the inspector's width: the same for every kind, wide
// enough for a link's other end to read whole.
const inspectorWidth = 330

func (i *inspector) content() fyne.CanvasObject {
	i.scroll = container.NewVScroll(container.NewPadded(i.root))
	return container.New(minWidth(inspectorWidth), i.scroll)
}

// formScroll is the inspector's scroll, for the fields that pass it the
// mouse wheel.
func (i *inspector) formScroll() *container.Scroll { return i.scroll }

// minWidth lays its objects over each other, at least w wide.
type minWidth float32

func (w minWidth) Layout(objs []fyne.CanvasObject, s fyne.Size) {
	for _, o := range objs {
		o.Resize(s)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (w minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	out := fyne.NewSize(float32(w), 0)
	for _, o := range objs {
		out = out.Max(fyne.NewSize(0, o.MinSize().Height))
	}
	return out
}

// show builds the form for the item (or the board, for "").
func (i *inspector) show(id string) {
	i.flush()
	refocus := ""
	if id == i.id {
		refocus = i.focusedField()
	}
	another := id != i.id
	defer func() {
		if e := i.fields[refocus]; e != nil && !e.Disabled() {
			i.w.win.Canvas().Focus(e)
		}
		if another && i.scroll != nil {
			i.scroll.ScrollToTop() // a newly chosen item opens at its title
		}
	}()
	i.id = id
	i.dropFocus()
	i.fields, i.selects = map[string]*fieldEntry{}, map[string]*widget.Select{}
	i.statusSelect, i.statusNote, i.statusApply, i.history, i.links, i.addLink, i.deleteButton = nil, nil, nil, nil, nil, nil, nil
	i.sinceWhen, i.sinceApply = nil, nil
	i.statusWhen, i.verdictSelect, i.verdictNote, i.verdictWhen, i.verdictApply, i.gradeMeaning = nil, nil, nil, nil, nil, nil
	m := i.w.model
	var objs []fyne.CanvasObject
	if m == nil {
		i.root.Objects = nil
		i.root.Refresh()
		return
	}
	kind := m.kind[id]
	if p := i.w.past; p != nil {
		msg := "As of " + pastLabel(p.at) + ": read-only."
		if p.absent[id] {
			msg += " This did not exist yet then."
		}
		objs = append(objs, &widget.Label{Text: msg, Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
	}
	switch kind {
	case app.KindClaim:
		objs = append(objs, i.claimForm(i.w.past.claim(m.claims[id]))...)
	case app.KindQuote:
		objs = append(objs, i.quoteForm(m.quotes[id])...)
	case app.KindParty:
		objs = append(objs, i.partyForm(m.parties[id])...)
	case app.KindSource:
		objs = append(objs, i.sourceForm(m.sources[id])...)
	default:
		objs = append(objs, i.boardForm(&m.doc.Board)...)
	}
	if i.notice != "" {
		objs = append(objs[:1], append([]fyne.CanvasObject{caption(i.notice)}, objs[1:]...)...)
		i.notice = ""
	}
	if kind != "" {
		objs = append(objs, i.quotesSection(id)...)
		objs = append(objs, widget.NewSeparator(), i.linksSection(id), widget.NewSeparator(), i.itemHistory(id))
		i.deleteButton = &widget.Button{Text: "Delete " + string(kind) + "…", Icon: theme.DeleteIcon(), Importance: widget.DangerImportance,
			OnTapped: func() { i.w.confirmDelete(id) }}
		if i.w.past != nil {
			i.deleteButton.Disable()
		}
		objs = append(objs, widget.NewSeparator(), i.deleteButton)
	}
	i.root.Objects = objs
	i.root.Refresh()
}

func heading(text string) fyne.CanvasObject {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
}

func caption(text string) *widget.Label {
	return &widget.Label{Text: text, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
}

// entry makes a field bound to save: each keystroke schedules a save of
// the field's text after saveDelay; Enter in a one-line field, or moving
// the keyboard elsewhere, saves now. Each field keeps its own pending
// save, so that typing in one field never drops typing in another.
func (i *inspector) entry(name, label, value string, multi bool, save func(string) error) []fyne.CanvasObject {
	e := newFieldEntry(multi, value)
	e.board = i.w.boardUndoKey
	e.OnChanged = func(s string) {
		if s == e.saved { // typed back, or undone in the field: nothing to save
			i.cancel(name)
			return
		}
		i.schedule(name, func() error {
			if err := save(s); err != nil {
				return err
			}
			e.saved = s
			return nil
		})
	}
	e.OnSubmitted = func(string) { i.flushField(name) }
	e.flushed = func() { i.flushField(name) }
	if i.w.readOnly() {
		e.Disable()
	}
	i.fields[name] = e
	if multi {
		return []fyne.CanvasObject{caption(label), passWheel(e, &e.tabEntry, i.formScroll)}
	}
	return []fyne.CanvasObject{caption(label), e}
}

// focusedField names the inspector field that has the keyboard, or "".
func (i *inspector) focusedField() string {
	f := i.w.win.Canvas().Focused()
	for name, e := range i.fields {
		if fyne.Focusable(e) == f {
			return name
		}
	}
	return ""
}

// schedule makes save the field's pending save and (re)starts its timer.
func (i *inspector) schedule(field string, save func() error) {
	if len(i.pending) == 0 && i.w.file != nil {
		i.w.status.SetText("Editing… (saved when you pause) · " + i.w.file.Path())
	}
	if p := i.pending[field]; p != nil {
		p.timer.Stop()
	}
	p := &pendingSave{save: save}
	p.timer = i.later(func() {
		if i.pending[field] == p {
			i.flushField(field)
		}
	})
	i.pending[field] = p
}

// cancel drops the field's pending save: its text is the saved one.
func (i *inspector) cancel(field string) {
	if p := i.pending[field]; p != nil {
		p.timer.Stop()
		delete(i.pending, field)
		if len(i.pending) == 0 {
			i.w.refreshChrome()
		}
	}
}

// flushField saves the field's pending edit now, if it has one.
func (i *inspector) flushField(field string) {
	p := i.pending[field]
	if p == nil {
		return
	}
	p.timer.Stop()
	delete(i.pending, field)
	if err := p.save(); err != nil {
		i.w.showError(err)
		i.w.refreshChrome()
	}
}

// flush saves every pending field edit now, in a fixed order.
func (i *inspector) flush() {
	names := make([]string, 0, len(i.pending))
	for name := range i.pending {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		i.flushField(name)
	}
}

func (i *inspector) selectField(name, label string, options []string, value string, save func(string) error) []fyne.CanvasObject {
	s := widget.NewSelect(options, nil)
	s.Selected = value
	s.OnChanged = func(v string) {
		if err := save(v); err != nil {
			i.w.showError(err)
		}
	}
	if i.w.readOnly() {
		s.Disable()
	}
	i.selects[name] = s
	return []fyne.CanvasObject{caption(label), s}
}

func (i *inspector) boardForm(b *app.Board) []fyne.CanvasObject {
	w := i.w
	objs := []fyne.CanvasObject{heading("Board"), caption("Nothing is selected. Choose a card on the board or an entry in the lists to edit it; these are the board's own details.")}
	objs = append(objs, i.entry("title", "Title", b.Title, false, func(s string) error { return w.updateBoard(app.BoardUpdate{Title: &s}) })...)
	objs = append(objs, i.entry("description", "Description", b.Description, true, func(s string) error { return w.updateBoard(app.BoardUpdate{Description: &s}) })...)
	objs = append(objs, i.entry("url", "Published at (URL)", b.URL, false, func(s string) error { return w.updateBoard(app.BoardUpdate{URL: &s}) })...)
	rv := app.Reviewer{}
	if b.Reviewer != nil {
		rv = *b.Reviewer
	}
	// Each field saves the reviewer as it is now with that field changed.
	saveReviewer := func(set func(*app.Reviewer)) error {
		r := rv
		if cur := w.model.doc.Board.Reviewer; cur != nil {
			r = *cur
		}
		set(&r)
		return w.updateBoard(app.BoardUpdate{Reviewer: &r})
	}
	objs = append(objs, i.entry("reviewer", "Reviewed by (for ClaimReview)", rv.Name, false, func(s string) error {
		return saveReviewer(func(r *app.Reviewer) { r.Name = s })
	})...)
	objs = append(objs, i.entry("reviewerURL", "Reviewer's URL", rv.URL, false, func(s string) error {
		return saveReviewer(func(r *app.Reviewer) { r.URL = s })
	})...)
	objs = append(objs, i.scaleSummary(b)...)
	objs = append(objs, caption(fmt.Sprintf("Created %s · last edited %s", b.Created.Local().Format("2 Jan 2006 15:04"), b.Updated.Local().Format("2 Jan 2006 15:04"))))
	return objs
}

func (i *inspector) sourceForm(s *app.Source) []fyne.CanvasObject {
	w, id := i.w, s.ID
	up := func(u app.SourceUpdate) error { return w.updateSource(id, u) }
	objs := []fyne.CanvasObject{heading("Source")}
	objs = append(objs, i.entry("title", "Title", s.Title, false, func(v string) error { return up(app.SourceUpdate{Title: &v}) })...)
	objs = append(objs, i.entry("publisher", "Publisher", s.Publisher, false, func(v string) error { return up(app.SourceUpdate{Publisher: &v}) })...)
	objs = append(objs, i.entry("author", "Author", s.Author, false, func(v string) error { return up(app.SourceUpdate{Author: &v}) })...)
	objs = append(objs, i.entry("url", "URL", s.URL, false, func(v string) error { return up(app.SourceUpdate{URL: &v}) })...)
	objs = append(objs, i.entry("published", "Published (YYYY-MM-DD)", s.Published, false, func(v string) error { return up(app.SourceUpdate{Published: &v}) })...)
	objs = append(objs, i.entry("retrieved", "Retrieved (YYYY-MM-DD)", s.Retrieved, false, func(v string) error { return up(app.SourceUpdate{Retrieved: &v}) })...)
	objs = append(objs, i.reliabilityField(s.Reliability, func(r app.Reliability) error { return up(app.SourceUpdate{Reliability: &r}) })...)
	objs = append(objs, i.entry("notes", "Notes", s.Notes, true, func(v string) error { return up(app.SourceUpdate{Notes: &v}) })...)
	textInfo := "No text yet: paste the source's text to pin passages from it."
	if s.Text != "" {
		textInfo = fmt.Sprintf("%d characters of text.", len([]rune(s.Text)))
	}
	objs = append(objs, caption(textInfo), &widget.Button{Text: "Source text and pinning…", Icon: theme.DocumentIcon(), OnTapped: func() { w.openSourceView(id) }})
	return objs
}

func (i *inspector) partyForm(p *app.Party) []fyne.CanvasObject {
	w, id := i.w, p.ID
	objs := []fyne.CanvasObject{heading("Party")}
	objs = append(objs, i.entry("name", "Name", p.Name, false, func(v string) error { return w.updateParty(id, app.PartyUpdate{Name: &v}) })...)
	kinds := make([]string, len(app.PartyKinds))
	for k, v := range app.PartyKinds {
		kinds[k] = string(v)
	}
	objs = append(objs, i.selectField("kind", "Kind", kinds, string(p.Kind), func(v string) error {
		k := app.PartyKind(v)
		return w.updateParty(id, app.PartyUpdate{Kind: &k})
	})...)
	objs = append(objs, i.reliabilityField(p.Reliability, func(r app.Reliability) error {
		return w.updateParty(id, app.PartyUpdate{Reliability: &r})
	})...)
	objs = append(objs, i.entry("notes", "Notes", p.Notes, true, func(v string) error { return w.updateParty(id, app.PartyUpdate{Notes: &v}) })...)
	said := len(w.board.attributedTo(id)) // a party is no quote's source: these are the quotes it said
	objs = append(objs, caption(fmt.Sprintf("Speaker of %s on this board.", plural(said, "quote", "quotes"))))
	return objs
}

func (i *inspector) claimForm(c *app.Claim) []fyne.CanvasObject {
	w, id := i.w, c.ID
	objs := []fyne.CanvasObject{heading("Claim")}
	objs = append(objs, i.entry("statement", "Statement", c.Statement, true, func(v string) error { return w.updateClaim(id, app.ClaimUpdate{Statement: &v}) })...)
	objs = append(objs, i.entry("notes", "Notes", c.Notes, true, func(v string) error { return w.updateClaim(id, app.ClaimUpdate{Notes: &v}) })...)

	badges := container.NewHBox(statusBadge(c.Status))
	if c.Verdict != nil {
		badges.Add(verdictBadge(c.Verdict.Label))
	}
	objs = append(objs, widget.NewSeparator(), heading("Status"), badges)
	opts := make([]string, len(app.Statuses))
	for k, s := range app.Statuses {
		opts[k] = strings.ToUpper(string(s))
	}
	i.statusSelect = widget.NewSelect(opts, nil)
	i.statusSelect.Selected = strings.ToUpper(string(c.Status))
	i.statusNote = &widget.Entry{PlaceHolder: "Why? (e.g. \"Apple statement to Bloomberg\")"}
	i.statusApply = &widget.Button{Text: "Change status", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: func() { i.changeStatus(id) }}
	i.statusNote.OnSubmitted = func(string) { i.statusApply.OnTapped() }
	if w.readOnly() {
		i.statusSelect.Disable()
		i.statusNote.Disable()
		i.statusApply.Disable()
	}
	objs = append(objs, i.statusSelect, i.statusNote)
	objs = append(objs, i.statusWhenField()...)
	objs = append(objs, container.NewBorder(nil, nil, nil, i.statusApply))
	objs = append(objs, i.sinceSection(c)...)
	i.historyRows(c)
	if w.exerciseRecord() == nil { // an exercise asks for verdicts its own way
		objs = append(objs, i.verdictSection(c)...)
	}
	objs = append(objs, widget.NewSeparator(), caption("Status history, newest first"), i.history)
	return i.exerciseClaim(c, objs)
}

// statusBadge shows a status as a coloured box with the word in it.
func statusBadge(s app.Status) fyne.CanvasObject {
	bg := &canvas.Rectangle{FillColor: statusColor(s), CornerRadius: 4}
	t := &canvas.Text{Text: statusWord(s), Color: colorWhite, TextStyle: fyne.TextStyle{Bold: true}, TextSize: theme.TextSize()}
	return container.NewHBox(container.NewStack(bg, container.NewPadded(t)))
}

func (i *inspector) quoteForm(q *app.Quote) []fyne.CanvasObject {
	w, id := i.w, q.ID
	m := w.model
	up := func(u app.QuoteUpdate) error { return w.updateQuote(id, u) }
	objs := []fyne.CanvasObject{heading("Quote")}
	objs = append(objs, i.entry("text", "Exact words", q.Text, true, func(v string) error { return up(app.QuoteUpdate{Text: &v}) })...)
	speakers, speakerIDs := w.partyOptions()
	objs = append(objs, i.selectField("speaker", "Speaker", speakers, optionOf(speakerIDs, q.Speaker), func(v string) error {
		sid := speakerIDs[v]
		return up(app.QuoteUpdate{Speaker: &sid})
	})...)
	sources, sourceIDs := w.sourceOptions()
	objs = append(objs, i.selectField("source", "Source", sources, optionOf(sourceIDs, q.Source), func(v string) error {
		sid := sourceIDs[v]
		return up(app.QuoteUpdate{Source: &sid})
	})...)
	code := caption(quoteCode(m, q))
	code.Hidden = code.Text == ""
	objs = append(objs, i.credibilityField(q.Credibility, func(c int) error {
		err := up(app.QuoteUpdate{Credibility: &c})
		if q := m.quotes[id]; q != nil {
			code.SetText(quoteCode(m, q))
			code.Hidden = code.Text == ""
		}
		return err
	})...)
	objs = append(objs, code)
	objs = append(objs, i.entry("said", "Said (YYYY-MM-DD)", q.Said, false, func(v string) error { return up(app.QuoteUpdate{Said: &v}) })...)
	objs = append(objs, i.entry("location", "Location in the source", q.Location, false, func(v string) error { return up(app.QuoteUpdate{Location: &v}) })...)
	objs = append(objs, i.entry("notes", "Notes", q.Notes, true, func(v string) error { return up(app.QuoteUpdate{Notes: &v}) })...)
	if q.Anchor != nil {
		src := m.sources[q.Source]
		objs = append(objs, caption(fmt.Sprintf("Pinned from characters %d–%d of the source's text.", q.Anchor.Start, q.Anchor.End)),
			&widget.Button{Text: "Show in source", Icon: theme.VisibilityIcon(), OnTapped: func() {
				if src != nil {
					w.openSourceView(src.ID)
				}
			}})
	}
	return objs
}

// optionOf returns the option naming id, or noneOption.
func optionOf(ids map[string]string, id string) string {
	for opt, v := range ids {
		if v == id && id != "" {
			return opt
		}
	}
	return noneOption
}

func (i *inspector) linksSection(id string) fyne.CanvasObject {
	w := i.w
	m := w.model
	i.links = container.NewVBox()
	for _, li := range m.linksOf[id] {
		l := m.doc.Links[li]
		other, arrow := l.To, "→"
		if l.To == id {
			other, arrow = l.From, "←"
		}
		rel := &canvas.Text{Text: fmt.Sprintf("%s %s", arrow, l.Relation), Color: relationColor(l.Relation), TextStyle: fyne.TextStyle{Bold: true}, TextSize: theme.TextSize()}
		// The other end's name gets a line of its own, wrapped, so that it
		// reads whole rather than cut to a few letters beside the relation.
		name := caption(clipText(m.label(other), 140))
		link := l
		remove := &widget.Button{Icon: theme.ContentRemoveIcon(), Importance: widget.LowImportance, OnTapped: func() { w.deleteLink(link) }}
		goTo := &widget.Button{Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance, OnTapped: func() { w.choose(other) }}
		if w.readOnly() {
			remove.Disable()
		}
		i.links.Add(container.NewBorder(nil, nil, nil, container.NewHBox(goTo, remove), container.NewVBox(container.NewPadded(rel), name)))
	}
	if len(m.linksOf[id]) == 0 {
		i.links.Add(caption("No links yet."))
	}
	i.addLink = &widget.Button{Text: "Add link…", Icon: theme.ContentAddIcon(), OnTapped: func() { w.showLinkDialog(id) }}
	if w.readOnly() {
		i.addLink.Disable()
	}
	return container.NewVBox(heading("Links"), i.links, i.addLink)
}
