package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// editHistory is the window of the board's change log (View ▸ Edit
// History): its steps, newest first, each with its time, author, label and
// the items it changed; an undone step says so. Choosing one says its
// changes in words and selects its item on the board. It follows the
// board's edits while it is open.
type editHistory struct {
	w       *boardWindow
	win     fyne.Window
	steps   []app.Step // newest first
	list    *escList
	summary *widget.Label
	detail  *widget.Label
}

// historyShown is how many of the newest steps the window lists.
const historyShown = 500

func (w *boardWindow) showEditHistory() {
	if w.file == nil {
		return
	}
	if h := w.history; h != nil && h.win != nil {
		h.refresh()
		h.win.Show()
		h.win.RequestFocus()
		return
	}
	h := &editHistory{w: w}
	list := &escList{onEsc: func() { h.win.Close() }}
	list.Length = func() int { return len(h.steps) }
	list.CreateItem = newHistoryRow
	list.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { o.(*historyRow).set(h.steps[i], h.w.itemNamer()) }
	list.ExtendBaseWidget(list)
	h.list = list
	h.list.OnSelected = func(i widget.ListItemID) {
		if i < len(h.steps) {
			h.choose(h.steps[i])
		}
	}
	h.summary = caption("")
	h.detail = &widget.Label{Wrapping: fyne.TextWrapWord, Text: "Choose an edit: what it changed is said here, and its item is selected on the board."}
	h.win = w.app.NewWindow("Edit history")
	split := container.NewVSplit(h.list, container.NewVScroll(h.detail))
	split.Offset = 0.7
	h.win.SetContent(container.NewBorder(h.summary, nil, nil, nil, split))
	h.win.Resize(fyne.NewSize(760, 640))
	h.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			h.win.Close()
		}
	})
	h.win.SetOnClosed(func() {
		if w.history == h {
			w.history = nil
		}
	})
	w.history = h
	h.refresh()
	h.win.Show()
}

// refresh reads the log again, if the window is open.
func (h *editHistory) refresh() {
	if h == nil || h.win == nil || h.w.file == nil {
		return
	}
	steps, err := h.w.file.Log(h.w.ctx, app.LogFilter{Limit: historyShown})
	if err != nil {
		h.summary.SetText("The edit history cannot be read: " + app.ErrorMessage(err))
		return
	}
	for i, j := 0, len(steps)-1; i < j; i, j = i+1, j-1 {
		steps[i], steps[j] = steps[j], steps[i]
	}
	h.steps = steps
	author := app.AuthorFrom(h.w.ctx)
	switch {
	case len(steps) == 0:
		h.summary.SetText("No edits yet. Each edit you make is listed here, newest first, signed " + author + ".")
	case len(steps) == historyShown:
		h.summary.SetText(fmt.Sprintf("The newest %d edits, newest first. Yours are signed %s; Undo takes back your own.", historyShown, author))
	default:
		h.summary.SetText(fmt.Sprintf("%s, newest first. Yours are signed %s; Undo takes back your own.", plural(len(steps), "edit", "edits"), author))
	}
	h.list.UnselectAll()
	h.list.Refresh()
}

// choose says a step's changes in words and selects its first item that
// is on the board.
func (h *editHistory) choose(st app.Step) {
	var lines []string
	head := fmt.Sprintf("%s, by %s on %s", st.Label, st.Author, historyTime(st.At))
	if st.Undone {
		head += " (undone)"
	}
	lines = append(lines, head+":")
	name := h.w.itemNamer()
	for _, c := range st.Changes {
		said := app.DescribeChange(c, name)
		if c.Op == app.OpUpdate || c.Op == app.OpStatus {
			if c.Kind == app.KindBoard {
				said = "the board: " + said
			} else {
				said = name.Or(c.ID) + ": " + said
			}
		}
		lines = append(lines, "• "+said)
	}
	h.detail.SetText(strings.Join(lines, "\n"))
	m := h.w.model
	for _, c := range st.Changes {
		for _, id := range c.Items() {
			if m != nil && m.kind[id] != "" {
				h.w.choose(id)
				return
			}
		}
	}
}

// escList is a list that gives Esc to onEsc: a focused list takes the
// keys the window's own handler would have had, and Esc closes the
// window wherever its focus is.
type escList struct {
	widget.List
	onEsc func()
}

func (l *escList) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		l.onEsc()
		return
	}
	l.List.TypedKey(k)
}

// historyTime is a step's time as a person reads it, in their zone.
func historyTime(t time.Time) string { return t.Local().Format("2 Jan 2006 15:04") }

// historyRow is one step in the list: its time, author and label over
// the items it changed.
type historyRow struct {
	widget.BaseWidget
	head, items *widget.Label
}

func newHistoryRow() fyne.CanvasObject {
	r := &historyRow{
		head:  &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		items: &widget.Label{Truncation: fyne.TextTruncateEllipsis},
	}
	r.ExtendBaseWidget(r)
	return r
}

func (r *historyRow) set(st app.Step, name app.Namer) {
	r.head.SetText(fmt.Sprintf("%s · %s · %s", historyTime(st.At), st.Author, st.Label))
	items := app.DescribeItems(st.Changes, 5, name)
	if st.Undone {
		items = "UNDONE · " + items
		r.items.Importance = widget.WarningImportance
	} else {
		r.items.Importance = widget.MediumImportance
	}
	r.items.SetText(items)
}

func (r *historyRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(r.head, r.items))
}

// itemNamer names the board's items for the edit history: kind and a
// clipped title ("claim “Chips were found”"); "" for an item no longer on
// the board.
func (w *boardWindow) itemNamer() app.Namer {
	m := w.model
	return func(id string) string {
		if m == nil || m.kind[id] == "" {
			return ""
		}
		l := m.label(id)
		if strings.Trim(l, "“”") == "" {
			return string(m.kind[id]) + " " + id
		}
		if k := m.kind[id]; k != app.KindQuote {
			l = "“" + app.ClipWords(l, 50) + "”"
		} else {
			l = "“" + app.ClipWords(strings.Trim(l, "“”"), 50) + "”"
		}
		return string(m.kind[id]) + " " + l
	}
}
