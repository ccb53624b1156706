package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// pinDraft is what the pin dialog starts with: empty from the menu, or a
// passage and its anchor when pinned from a source's text.
type pinDraft struct {
	text, source, speaker string
	anchor                *app.Anchor
}

var claimRelations = []string{"—", string(app.RelSupports), string(app.RelDenies), string(app.RelContradicts), string(app.RelMentions)}

// pinDialog makes a quote with its speaker, source, date and place, and
// the claims it supports or denies. Speakers and sources can be picked or,
// typed anew, created on the spot.
type pinDialog struct {
	w     *boardWindow
	draft pinDraft
	d     dialog.Dialog

	text                        *tabEntry // Tab goes on to the speaker
	said, location, claimFilter *widget.Entry
	speaker, source             *widget.SelectEntry
	newKind                     *widget.Select
	claims                      *widget.List
	pinButton, cancel           *widget.Button
	problem                     *widget.Label

	speakerIDs, sourceIDs map[string]string
	// The options the pickers offer now, narrowed by what was typed.
	speakersShown, sourcesShown []string
	shown                       []string          // claim ids listed
	relation                    map[string]string // claim id -> chosen relation
}

func (w *boardWindow) showPinDialog(d pinDraft) *pinDialog {
	if w.readOnly() || w.model == nil {
		return nil
	}
	w.insp.flush()
	p := &pinDialog{w: w, draft: d, relation: map[string]string{}}
	p.text = newTabEntry()
	p.text.SetMinRowsVisible(3)
	p.text.SetText(d.text)
	p.text.PlaceHolder = "The exact words, as said"
	if d.anchor != nil {
		p.text.Disable() // pinned words are the source's own
	}
	speakers, speakerIDs := w.partyOptions()
	p.speakerIDs = speakerIDs
	p.speaker = widget.NewSelectEntry(speakers[1:])
	p.speaker.PlaceHolder = "Who said it: pick, or type a new name"
	p.speaker.SetText(optionOrEmpty(speakerIDs, d.speaker))
	p.newKind = widget.NewSelect(partyKindOptions(), nil)
	p.newKind.Selected = string(app.PartyPerson)
	sources, sourceIDs := w.sourceOptions()
	p.sourceIDs = sourceIDs
	p.source = widget.NewSelectEntry(sources[1:])
	p.source.PlaceHolder = "Where it was said: pick, or type a new title"
	p.source.SetText(optionOrEmpty(sourceIDs, d.source))
	if d.anchor != nil {
		p.source.Disable()
	}
	p.said = &widget.Entry{PlaceHolder: "YYYY-MM-DD"}
	p.location = &widget.Entry{PlaceHolder: "e.g. paragraph 12, p. 4, 03:15"}
	p.claimFilter = &widget.Entry{PlaceHolder: "Filter claims…"}
	p.claimFilter.OnChanged = func(string) { p.filterClaims() }
	p.claims = widget.NewList(func() int { return len(p.shown) }, func() fyne.CanvasObject {
		sel := widget.NewSelect(claimRelations, nil)
		return container.NewBorder(nil, nil, nil, sel, &widget.Label{Truncation: fyne.TextTruncateEllipsis})
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		id := p.shown[i]
		c := o.(*fyne.Container)
		c.Objects[0].(*widget.Label).SetText(strings.ToUpper(string(w.model.claims[id].Status)) + " · " + w.model.claims[id].Statement)
		sel := c.Objects[1].(*widget.Select)
		sel.OnChanged = nil
		sel.SetSelected(orDash(p.relation[id]))
		sel.OnChanged = func(v string) { p.setRelation(id, v) }
	})
	p.filterClaims()
	speakerOffer := narrowAsTyped(p.speaker, speakers[1:], &p.speakersShown)
	sourceOffer := narrowAsTyped(p.source, sources[1:], &p.sourcesShown)
	// Enter in a one-line field, or Shift+Enter in the quote's words, pins.
	for _, e := range []*widget.Entry{&p.text.Entry, p.said, p.location, &p.speaker.Entry, &p.source.Entry} {
		e.OnSubmitted = func(string) { p.submit() }
	}
	p.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	p.problem.Hide()
	p.pinButton = &widget.Button{Text: "Pin quote", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: p.submit}
	p.cancel = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: func() { p.d.Hide() }}

	form := widget.NewForm(
		widget.NewFormItem("Quote", p.text),
		widget.NewFormItem("Speaker", container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("new one is a"), p.newKind), p.speaker), speakerOffer)),
		widget.NewFormItem("Source", container.NewVBox(p.source, sourceOffer)),
		widget.NewFormItem("Said on", p.said),
		widget.NewFormItem("Location", p.location),
	)
	claimsBox := container.NewBorder(container.NewVBox(caption("Claims this quote bears on: choose how for each. "+relationKey(app.RelationsFor(app.KindQuote, app.KindClaim))), p.claimFilter), nil, nil, nil, p.claims)
	body := container.NewBorder(form, container.NewVBox(p.problem, container.NewHBox(layout.NewSpacer(), p.cancel, p.pinButton)), nil, nil, claimsBox)
	title := "Pin a quote"
	if d.anchor != nil {
		title = "Pin the selected passage"
	}
	p.d = dialog.NewCustomWithoutButtons(title, body, w.win)
	p.d.Resize(fyne.NewSize(720, 640))
	p.d.Show()
	w.lastPin = p
	w.win.Canvas().Focus(p.text)
	if d.anchor != nil {
		w.win.Canvas().Focus(p.speaker)
	}
	return p
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func optionOrEmpty(ids map[string]string, id string) string {
	if id == "" {
		return ""
	}
	return optionOf(ids, id)
}

func partyKindOptions() []string {
	out := make([]string, len(app.PartyKinds))
	for i, k := range app.PartyKinds {
		out[i] = string(k)
	}
	return out
}

func (p *pinDialog) filterClaims() {
	m := p.w.model
	p.shown = m.search(app.KindClaim, p.claimFilter.Text)
	p.claims.Refresh()
}

func (p *pinDialog) setRelation(claim, rel string) {
	if rel == "—" {
		delete(p.relation, claim)
		return
	}
	p.relation[claim] = rel
}

func (p *pinDialog) fail(msg string) {
	p.problem.SetText(msg)
	p.problem.Show()
}

// submit creates what is new, the quote and its links, as one undo step.
func (p *pinDialog) submit() {
	w := p.w
	text := p.text.Text
	if strings.TrimSpace(text) == "" {
		p.fail("Type or paste the quote's exact words.")
		return
	}
	if p.said.Text != "" && !app.ValidDateOrTime(p.said.Text) {
		p.fail(fmt.Sprintf("%q is not a date: write it as YYYY-MM-DD.", p.said.Text))
		return
	}
	pin := &app.Pin{Quote: &app.Quote{Text: text, Source: p.draft.source, Said: p.said.Text, Location: p.location.Text, Anchor: p.draft.anchor}}
	pin.Quote.Speaker = p.speakerIDs[p.speaker.Text]
	if name := strings.TrimSpace(p.speaker.Text); pin.Quote.Speaker == "" && name != "" && name != noneOption {
		pin.NewSpeaker = &app.Party{Name: name, Kind: app.PartyKind(p.newKind.Selected)}
	}
	if p.draft.anchor == nil {
		pin.Quote.Source = p.sourceIDs[p.source.Text]
		if title := strings.TrimSpace(p.source.Text); pin.Quote.Source == "" && title != "" && title != noneOption {
			pin.NewSource = &app.Source{Title: title}
		}
	}
	for _, claim := range sortedKeys(p.relation) {
		pin.Claims = append(pin.Claims, app.ClaimRelation{Claim: claim, Relation: app.Relation(p.relation[claim])})
	}
	// A speaker or source made here goes below the quote, not in the rows
	// of unplaced cards far away.
	at := w.placeNear(p.relation)
	taken := []placedCard{{at, cardSizes[app.KindQuote]}}
	speakerAt := w.model.freeSpot(at.AddXY(0, cardSizes[app.KindQuote].Height+30), app.KindParty, taken...)
	taken = append(taken, placedCard{speakerAt, cardSizes[app.KindParty]})
	sourceAt := w.model.freeSpot(speakerAt.AddXY(0, cardSizes[app.KindParty].Height+30), app.KindSource, taken...)
	pin.QuoteAt, pin.SpeakerAt, pin.SourceAt = point(at), point(speakerAt), point(sourceAt)
	// New speakers and sources have cards only where the pin puts them.
	if pin.NewSpeaker == nil {
		pin.SpeakerAt = nil
	}
	if pin.NewSource == nil {
		pin.SourceAt = nil
	}
	err := w.editing()
	if err == nil {
		err = w.session.pin(pin)
	}
	if pin.Quote.ID == "" { // nothing was made
		p.fail(app.ErrorMessage(err))
		return
	}
	p.d.Hide()
	if err != nil {
		w.afterFailedEdit(err)
	} else {
		w.redrawModel()
	}
	w.choose(pin.Quote.ID)
}

func sortedKeys(m map[string]string) []string {
	set := map[string]bool{}
	for k := range m {
		set[k] = true
	}
	return sortedIDs(set)
}

// placeNear is where a new quote's card goes: left of the first claim it
// bears on, or in the middle of the view.
func (w *boardWindow) placeNear(claims map[string]string) fyne.Position {
	for _, c := range sortedKeys(claims) {
		if p, ok := w.model.pos[c]; ok {
			s := cardSizes[app.KindQuote]
			return w.model.freeSpot(fyne.NewPos(float32(int(p.X-s.Width-60)), p.Y), app.KindQuote)
		}
	}
	return w.newAt(app.KindQuote)
}

// narrowAsTyped makes a picker's list show only the options that hold
// what has been typed, in any case, so that a long list of parties or
// sources narrows to the one meant.
func narrowAsTyped(e *widget.SelectEntry, all []string, shown *[]string) *fyne.Container {
	typed := e.OnChanged
	*shown = all
	// The matches are also offered under the field as it is typed in:
	// Fyne's own list opens only from its arrow, and takes the keyboard.
	offer := container.NewHBox()
	offer.Hide()
	e.OnChanged = func(s string) {
		*shown = matchingOptions(all, s)
		e.SetOptions(*shown)
		offerMatches(offer, e, *shown, s)
		if typed != nil {
			typed(s)
		}
	}
	return offer
}

// matchesOffered is how many matches are offered under a field.
const matchesOffered = 3

// offerMatches shows, under e, up to matchesOffered of the options that
// match what was typed (s), each a click from filling the field; none
// for an empty s or one that is already an option.
func offerMatches(offer *fyne.Container, e *widget.SelectEntry, matches []string, s string) {
	offer.Objects = offer.Objects[:0]
	typed := strings.TrimSpace(s)
	exact := false
	for _, m := range matches {
		exact = exact || m == typed
	}
	if typed != "" && !exact {
		for i, m := range matches {
			if i == matchesOffered {
				offer.Add(caption(fmt.Sprintf("and %d more (▾)", len(matches)-i)))
				break
			}
			m := m
			offer.Add(&widget.Button{Text: clipText(m, 28), Importance: widget.LowImportance, OnTapped: func() { e.SetText(m) }})
		}
	}
	offer.Hidden = len(offer.Objects) == 0
	offer.Refresh()
}

// matchingOptions returns the options that contain s, case-folded; all of
// them for an empty s.
func matchingOptions(all []string, s string) []string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return all
	}
	var out []string
	for _, o := range all {
		if strings.Contains(strings.ToLower(o), s) {
			out = append(out, o)
		}
	}
	return out
}

// relationKey says in one line what each relation means.
func relationKey(rs []app.Relation) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = string(r) + ": " + r.Meaning()
	}
	return strings.Join(parts, "; ") + "."
}
