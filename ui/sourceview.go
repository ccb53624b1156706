package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// sourceView is a window on a source's text: paste or edit it, select a
// passage and pin it as a quote with its anchor; pinned passages are
// highlighted in the reading view.
type sourceView struct {
	w   *boardWindow
	id  string
	win fyne.Window

	text    *sourceEntry
	pin     *widget.Button
	preview *widget.RichText
	info    *widget.Label
	tabs    *container.AppTabs
}

func (w *boardWindow) openSourceView(id string) *sourceView {
	if v := w.sourceViews[id]; v != nil {
		v.win.RequestFocus()
		return v
	}
	s := w.model.sources[id]
	if s == nil {
		return nil
	}
	w.insp.flush()
	v := &sourceView{w: w, id: id}
	v.win = w.app.NewWindow(clipText(s.Title, 60) + " — source text")
	v.text = newSourceEntry(v.pinSelection)
	v.text.Wrapping = fyne.TextWrapWord
	v.text.PlaceHolder = "Paste the source's full text here. Then select the words someone said and press Pin selection."
	v.text.SetText(s.Text)
	v.text.OnChanged = func(t string) {
		w.insp.schedule("source-text:"+id, func() error { return w.updateSource(id, app.SourceUpdate{Text: &t}) })
	}
	if w.readOnly() {
		v.text.Disable()
	}
	v.pin = &widget.Button{Text: "Pin selection", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: v.pinSelection}
	if w.readOnly() {
		v.pin.Disable()
	}
	v.preview = widget.NewRichText()
	v.preview.Wrapping = fyne.TextWrapWord
	v.info = caption("")
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Edit and select", theme.DocumentCreateIcon(), v.text),
		container.NewTabItemWithIcon("Pinned passages", theme.VisibilityIcon(), container.NewVScroll(v.preview)),
	)
	v.win.SetContent(container.NewBorder(container.NewBorder(nil, nil, nil, v.pin, v.info), nil, nil, nil, v.tabs))
	v.win.Resize(fyne.NewSize(760, 640))
	v.win.SetOnClosed(func() {
		w.insp.flush()
		delete(w.sourceViews, id)
	})
	v.win.Canvas().AddShortcut(&desktopShortcutPin, func(fyne.Shortcut) { v.pinSelection() })
	w.sourceViews[id] = v
	v.refresh()
	v.win.Show()
	return v
}

// refresh redraws the highlights after the board changed.
func (v *sourceView) refresh() {
	s := v.w.model.sources[v.id]
	if s == nil {
		return
	}
	if v.text.Text != s.Text && v.win.Canvas().Focused() != v.text {
		onChanged := v.text.OnChanged
		v.text.OnChanged = nil // not an edit of the user's
		v.text.SetText(s.Text)
		v.text.OnChanged = onChanged
	}
	var spans []app.Anchor
	for _, q := range v.w.model.doc.Quotes {
		if q.Source == v.id && q.Anchor != nil {
			spans = append(spans, *q.Anchor)
		}
	}
	v.preview.Segments = highlightSegments(s.Text, spans)
	v.preview.Refresh()
	v.info.SetText(fmt.Sprintf("%d characters · %s pinned · select words, then Pin selection (Ctrl+P)", utf8.RuneCountInString(s.Text), plural(len(spans), "passage", "passages")))
}

// highlightSegments splits text into plain and pinned runs.
func highlightSegments(text string, spans []app.Anchor) []widget.RichTextSegment {
	if text == "" {
		return []widget.RichTextSegment{&widget.TextSegment{Text: "No text yet.", Style: widget.RichTextStyleInline}}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	runes := []rune(text)
	var segs []widget.RichTextSegment
	at := 0
	plain := widget.RichTextStyleInline
	marked := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	for _, a := range spans {
		if a.Start < at || a.End > len(runes) {
			continue // overlapping passages show once
		}
		if a.Start > at {
			segs = append(segs, &widget.TextSegment{Text: string(runes[at:a.Start]), Style: plain})
		}
		segs = append(segs, &widget.TextSegment{Text: string(runes[a.Start:a.End]), Style: marked})
		at = a.End
	}
	if at < len(runes) {
		segs = append(segs, &widget.TextSegment{Text: string(runes[at:]), Style: plain})
	}
	return segs
}

// pinSelection opens the pin dialog on the selected passage.
func (v *sourceView) pinSelection() {
	w := v.w
	sel := v.text.SelectedText()
	if strings.TrimSpace(sel) == "" {
		dialog.ShowInformation("Nothing selected", "Select the words to pin in the text first.", v.win)
		return
	}
	w.insp.flush() // the anchor must point into the saved text
	text := v.text.Text
	start := selectionStart(text, sel, cursorOffset(text, v.text.CursorRow, v.text.CursorColumn))
	a, ok := app.NewAnchor(text, start, start+utf8.RuneCountInString(sel))
	if !ok {
		dialog.ShowInformation("Cannot pin", "The selection could not be found in the text.", v.win)
		return
	}
	w.win.RequestFocus()
	w.showPinDialog(pinDraft{text: a.Exact, source: v.id, anchor: a})
}

// cursorOffset turns the entry's cursor row and column into a code point
// offset, counting rows as lines of the text.
func cursorOffset(text string, row, col int) int {
	off := 0
	for i, line := range strings.Split(text, "\n") {
		if i == row {
			return off + min(col, utf8.RuneCountInString(line))
		}
		off += utf8.RuneCountInString(line) + 1
	}
	return off
}

// selectionStart finds where the selected text sel starts: of its
// occurrences, the one that ends or starts at the cursor, else the nearest.
func selectionStart(text, sel string, cursor int) int {
	n := utf8.RuneCountInString(sel)
	best, bestDist := 0, -1
	runeAt, byteAt := 0, 0
	for {
		i := strings.Index(text[byteAt:], sel)
		if i < 0 {
			break
		}
		runeAt += utf8.RuneCountInString(text[byteAt : byteAt+i])
		byteAt += i
		d := min(abs(cursor-runeAt), abs(cursor-(runeAt+n)))
		if bestDist < 0 || d < bestDist {
			best, bestDist = runeAt, d
		}
		_, size := utf8.DecodeRuneInString(text[byteAt:])
		byteAt += size
		runeAt++
	}
	return best
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// sourceEntry is the source's text field. It takes Ctrl+P itself: a
// focused entry receives every shortcut before the window does.
type sourceEntry struct {
	widget.Entry
	onPin func()
}

func newSourceEntry(onPin func()) *sourceEntry {
	e := &sourceEntry{onPin: onPin}
	e.MultiLine = true
	e.ExtendBaseWidget(e)
	return e
}

func (e *sourceEntry) TypedShortcut(s fyne.Shortcut) {
	if s.ShortcutName() == desktopShortcutPin.ShortcutName() {
		e.onPin()
		return
	}
	e.Entry.TypedShortcut(s)
}
