package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// An error is shown as written (a file name it starts with keeps its
// case), and Enter closes it, as Esc does.
func TestInform_KeepsCaseAndClosesOnEnter(t *testing.T) {
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		w, _ := openTestWindow(t)
		w.win.Canvas().Focus(w.insp.fields["statement"])
		w.showError(app.Errorf(app.EINVALID, "notaboard.evboard is not an Evidence Board file"))
		top := w.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no dialog")
		}
		found := false
		for _, o := range objects(top) {
			if l, ok := o.(*widget.Label); ok && l.Text == "notaboard.evboard is not an Evidence Board file" {
				found = true
			}
		}
		if !found {
			t.Fatal("the error is not shown as written")
		}
		if w.win.Canvas().Focused() != nil {
			t.Fatal("a field keeps the keyboard under the error, so Enter would go to it")
		}
		typeKey(w, key)
		if w.win.Canvas().Overlays().Top() != nil || w.confirming != nil {
			t.Fatalf("%s did not close the error", key)
		}
	}
}

// Enter answers the read-only question yes, as its button does.
func TestAsk_EnterAnswersTheReadOnlyQuestion(t *testing.T) {
	w, f := openTestWindow(t)
	w.openFailed(f.path, &app.Error{Code: app.ECONFLICT, Err: app.ErrInUse, Message: "the board is open in another window"})
	if w.win.Canvas().Overlays().Top() == nil || w.confirming == nil {
		t.Fatal("no question asked")
	}
	typeKey(w, fyne.KeyReturn)
	if w.win.Canvas().Overlays().Top() != nil || w.confirming != nil || w.file == nil {
		t.Fatal("Enter did not answer the question")
	}
}
