package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// historyRows returns the heads of the rows the edit history window draws.
func historyRows(h *editHistory) []string {
	var heads []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if r, ok := o.(*historyRow); ok && r.Visible() && r.head.Text != "" {
			heads = append(heads, r.head.Text)
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k)
			}
			return
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, k := range test.WidgetRenderer(wd).Objects() {
				walk(k)
			}
		}
	}
	walk(h.win.Content())
	return heads
}

func TestEditHistory_ListsEveryStepNewestFirst(t *testing.T) {
	w, _ := openTestWindow(t)
	w.choose("apple")
	w.insp.fields["notes"].SetText("First edit")
	w.insp.flush()
	w.choose("c-apple-found-2015")
	w.insp.fields["notes"].SetText("Second edit")
	w.insp.flush()
	w.showEditHistory()
	h := w.history
	if h == nil || len(h.steps) != 2 {
		t.Fatalf("the history holds %v", h)
	}
	rows := historyRows(h)
	if len(rows) != 2 || !strings.Contains(rows[0], "Edit claim") || !strings.Contains(rows[1], "Edit party") {
		t.Fatalf("the history draws %q, want the claim's edit over the party's", rows)
	}
	h.list.Select(1)
	if w.board.selected != "apple" {
		t.Fatalf("choosing the party's edit selected %q", w.board.selected)
	}
	h.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.history != nil {
		t.Fatal("Esc on the focused list did not close the history")
	}
}
