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

// linkDialog links the selected item to another: a searchable picker of
// items, and the relations the two kinds allow, in either direction.
type linkDialog struct {
	w    *boardWindow
	from string
	d    dialog.Dialog

	search   *widget.Entry
	targets  *widget.List
	relation *widget.Select
	meaning  *widget.Label // what the chosen relation means
	reason   *widget.Label
	note     *widget.Entry
	add      *widget.Button

	shown   []string
	target  string
	choices map[string]app.Link // relation option -> link it makes
}

func (w *boardWindow) showLinkDialog(from string) *linkDialog {
	if w.readOnly() || w.model.kind[from] == "" {
		return nil
	}
	w.insp.flush()
	if !linkable(w.model.kind[from]) {
		w.explainSourceLinks(from)
		return nil
	}
	l := &linkDialog{w: w, from: from, choices: map[string]app.Link{}}
	l.search = &widget.Entry{PlaceHolder: "Search the board for the other end…"}
	l.search.OnChanged = func(string) { l.filter() }
	l.targets = widget.NewList(func() int { return len(l.shown) }, newNavRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		id := l.shown[i]
		o.(*navRow).set(strings.ToUpper(string(w.model.kind[id])), kindColor(w.model.kind[id]), w.model.label(id), "")
	})
	l.targets.OnSelected = func(i widget.ListItemID) { l.choose(l.shown[i]) }
	l.meaning = caption("")
	l.relation = widget.NewSelect(nil, func(o string) {
		if link, ok := l.choices[o]; ok {
			l.meaning.SetText(string(link.Relation) + ": " + link.Relation.Meaning() + ".")
		}
	})
	l.relation.PlaceHolder = "Relation"
	l.reason = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance, Text: "Choose the item to link to."}
	l.note = &widget.Entry{PlaceHolder: "Note (optional)"}
	l.add = &widget.Button{Text: "Add link", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: l.submit}
	l.add.Disable()
	cancel := &widget.Button{Text: "Cancel", OnTapped: func() { l.d.Hide() }}
	l.filter()
	top := container.NewVBox(caption("Link "+quotedLabel(clipText(strings.Trim(w.model.label(from), "“”"), 70))+" to:"), l.search)
	bottom := container.NewVBox(l.reason, l.relation, l.meaning, l.note, container.NewHBox(layout.NewSpacer(), cancel, l.add))
	l.d = dialog.NewCustomWithoutButtons("Add link", container.NewBorder(top, bottom, nil, nil, l.targets), w.win)
	l.d.Resize(fyne.NewSize(620, 560))
	l.d.Show()
	w.win.Canvas().Focus(l.search)
	return l
}

func (l *linkDialog) filter() {
	m := l.w.model
	l.shown = l.shown[:0]
	fk := m.kind[l.from]
	for _, k := range app.Kinds {
		if len(app.RelationsFor(fk, k)) == 0 && len(app.RelationsFor(k, fk)) == 0 {
			continue // only what can be linked is offered
		}
		for _, id := range m.search(k, l.search.Text) {
			if id != l.from {
				l.shown = append(l.shown, id)
			}
		}
	}
	l.targets.UnselectAll()
	l.targets.Refresh()
}

// choose offers the relations allowed between the two items, or says why
// there are none.
func (l *linkDialog) choose(target string) {
	m := l.w.model
	l.target = target
	fk, tk := m.kind[l.from], m.kind[target]
	l.choices = map[string]app.Link{}
	var opts []string
	for _, r := range app.RelationsFor(fk, tk) {
		o := fmt.Sprintf("this %s %s that %s", fk, r, tk)
		opts = append(opts, o)
		l.choices[o] = app.Link{From: l.from, To: target, Relation: r}
	}
	for _, r := range app.RelationsFor(tk, fk) {
		o := fmt.Sprintf("that %s %s this %s", tk, r, fk)
		opts = append(opts, o)
		l.choices[o] = app.Link{From: target, To: l.from, Relation: r}
	}
	l.relation.Options = opts
	l.relation.ClearSelected()
	if len(opts) == 0 {
		l.reason.SetText(fmt.Sprintf("A %s and a %s cannot be linked: quotes link to claims and parties, claims to parties, and parties to parties. (A quote's speaker and source are set on the quote itself.)", fk, tk))
		l.reason.Show()
		l.add.Disable()
	} else {
		l.reason.Hide()
		l.relation.SetSelectedIndex(0)
		l.add.Enable()
	}
	l.relation.Refresh()
}

func (l *linkDialog) submit() {
	link, ok := l.choices[l.relation.Selected]
	if !ok {
		return
	}
	link.Note = l.note.Text
	w := l.w
	if err := w.file.CreateLink(w.ctx, &link); err != nil {
		l.reason.SetText(app.ErrorMessage(err))
		l.reason.Show()
		return
	}
	l.d.Hide()
	w.readBackOrReload(w.ref(link.From), w.ref(link.To))
}

// linkable reports whether an item of kind k can have links at all.
func linkable(k app.Kind) bool {
	for _, o := range app.Kinds {
		if len(app.RelationsFor(k, o)) > 0 || len(app.RelationsFor(o, k)) > 0 {
			return true
		}
	}
	return false
}

// explainSourceLinks says at once that a source links through its quotes,
// and offers to pin one from it.
func (w *boardWindow) explainSourceLinks(id string) {
	msg := widget.NewLabel("A source has no links of its own: it is tied to the story through its quotes. " +
		"Pin a quote from it, and link the quote to the claims it supports or denies.")
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	pin := &widget.Button{Text: "Pin a quote from it…", Importance: widget.HighImportance, OnTapped: func() {
		d.Hide()
		w.showPinDialog(pinDraft{source: id})
	}}
	d = dialog.NewCustom("Sources link through their quotes", "Close", container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), pin)), w.win)
	d.Resize(fyne.NewSize(480, 200))
	d.Show()
}

// quotedLabel puts an item's label in quotation marks, once (a quote's
// label is its words, already quoted).
func quotedLabel(s string) string { return "“" + strings.Trim(s, "“”") + "”" }
