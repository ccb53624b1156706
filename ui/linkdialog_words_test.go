package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// The add-link dialog quotes a quote's words once.
func TestLinkDialog_QuotesOnce(t *testing.T) {
	w, f := openTestWindow(t)
	q := f.doc.Quotes[0]
	w.choose(q.ID)
	w.showLinkDialog(q.ID)
	found := false
	for _, o := range objects(w.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Link ") {
			found = true
			if strings.Contains(l.Text, "““") || strings.Contains(l.Text, "””") {
				t.Fatalf("doubled quotation marks: %q", l.Text)
			}
		}
	}
	if !found {
		t.Fatal("no heading in the add-link dialog")
	}
}
