package ui

// The window's side of reading back: the session patches the model, and
// the window redraws it.

// readBack reads the items an edit touched back into the model, and
// redraws.
func (w *boardWindow) readBack(refs ...itemRef) error {
	if err := w.session.readBack(refs...); err != nil {
		return err
	}
	w.redrawModel()
	return nil
}

// readBackOrReload reads the touched items back, or the whole board if
// that fails.
func (w *boardWindow) readBackOrReload(refs ...itemRef) {
	if err := w.readBack(refs...); err != nil {
		w.afterFailedEdit(err)
	}
}

// afterFailedEdit says what went wrong and shows the board as the file
// has it.
func (w *boardWindow) afterFailedEdit(err error) {
	if err != errReload {
		w.showError(err)
	}
	if err := w.reload(false); err != nil {
		w.showError(err)
	}
}

// redrawModel shows the patched model on the board, in the lists and in
// the inspector.
func (w *boardWindow) redrawModel() {
	if w.model.kind[w.board.selected] == "" {
		w.board.selected = ""
	}
	w.board.edited()
	w.refreshPanels()
}
