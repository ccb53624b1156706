package ui

import (
	"context"
	"errors"
	"image/color"
	"path/filepath"
	"runtime/debug"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

var colorWhite = color.White

// boardWindow is the main window: navigator, board and inspector around
// the open board file.
type boardWindow struct {
	app   fyne.App
	win   fyne.Window
	files app.Files

	// session is the open board and the edits on it, without widgets;
	// its file, model and ctx are the window's.
	session

	board   *boardCanvas
	nav     *navigator
	insp    *inspector
	legend  *legend
	weak    *weakSpots
	status  *widget.Label
	empty   *fyne.Container // the empty-board hint over the board
	opening *openingNotice
	center  *fyne.Container

	undoItem, redoItem *fyne.MenuItem
	recentMenu         *fyne.Menu
	mainMenu           *fyne.MainMenu
	sourceViews        map[string]*sourceView
	lastPin            *pinDialog    // the pin dialog last opened, for tests
	confirming         *confirmation // the question being asked, if any
	quitting           atomic.Bool   // set once quit has begun
	lastStance         *stanceGrid   // the stance grid last opened, for tests
	lastScale          *scaleDialog  // the rating scale dialog last opened, for tests
	// timeline is the timeline window while it is open; past the board
	// as of the moment it rewound the board to, nil for the board now.
	timeline *timelineView
	past     *pastBoard
	// lastMatrix is the evidence matrix window, while it is open: edits
	// refresh it.
	lastMatrix *evidenceMatrix
	// history is the edit history window while it is open.
	history *editHistory
	// sides are the side panels, the lists on the left and the inspector
	// on the right, which View ▸ Side Panels hides to give the board the
	// window.
	sides     []fyne.CanvasObject
	sidesItem *fyne.MenuItem
	// verified is closed when the last board's background check is over.
	verified chan struct{}
	exercise *exerciseBar // the bar over the board while an exercise is open
}

func newBoardWindow(a fyne.App, files app.Files) *boardWindow {
	author, _ := authorName(a)
	w := &boardWindow{app: a, files: files, session: session{ctx: app.WithAuthor(context.Background(), author)}, sourceViews: map[string]*sourceView{}}
	w.win = a.NewWindow("Evidence Board")
	w.board = newBoardCanvas()
	w.board.onSelect = func(id string) { w.choose(id) }
	w.board.onMove = w.moveCard
	w.board.onOpen = func(id string) {
		if w.model.kind[id] == app.KindSource {
			w.openSourceView(id)
		}
	}
	w.nav = newNavigator(func(id string) {
		w.choose(id)
		// A list takes the keyboard when a row is tapped; give it to the
		// board, so that the arrow keys move the card just chosen.
		if _, ok := w.win.Canvas().Focused().(*widget.List); ok {
			w.win.Canvas().Unfocus()
		}
	})
	w.nav.onFilter = func(match map[string]bool) {
		w.board.filter = match
		w.board.relayout()
	}
	w.insp = newInspector(w)
	w.weak = newWeakSpots(func(f app.Finding) {
		w.choose(f.Item)
		w.status.SetText(f.Message)
	})
	w.status = &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
	w.empty = emptyBoardHint(w)
	w.opening = newOpeningNotice()
	w.legend = newLegend(w.setRelationShown)
	w.legend.box.Hidden = a.Preferences().Bool("legend.hidden")
	w.center = container.NewStack(w.board, w.legend.box, w.empty, w.opening.box)
	left := container.NewVSplit(w.nav.content(), w.weak.box)
	left.Offset = 0.68
	w.sides = []fyne.CanvasObject{left, w.insp.content()}
	split := container.NewHSplit(left, container.NewHSplit(w.center, w.sides[1]))
	split.Offset = 0.24
	split.Trailing.(*container.Split).Offset = 0.66
	w.exercise = newExerciseBar(w)
	w.win.SetContent(container.NewBorder(w.exercise.box, w.status, nil, nil, split))
	w.buildMenus()
	w.addShortcuts()
	if w.app.Preferences().Bool(sidesPref) {
		w.setSidesShown(false)
	}
	w.win.SetCloseIntercept(w.quit)
	w.restoreSize()
	w.watchGeometry()
	return w
}

// setFile makes f the open board, closing the one before.
func (w *boardWindow) setFile(f app.BoardFile) error {
	m, err := loadModel(w.ctx, f)
	if err != nil {
		f.Close()
		return err
	}
	w.adopt(f, m)
	return nil
}

// adopt makes f, read into m, the open board, closing the one before.
func (w *boardWindow) adopt(f app.BoardFile, m *boardModel) {
	if w.file != nil {
		w.insp.flush()
		w.closeSourceViews()
		w.file.Close()
	}
	w.file = f
	w.board.selected = ""
	w.show(m, true)
	// Reading and first drawing the board leave garbage of about its own
	// size: give it back once the board is on screen rather than hold it
	// for the session.
	time.AfterFunc(time.Second, debug.FreeOSMemory)
	w.backupSoonIfDue()
	w.addRecent(f.Path())
	w.verifyInBackground(f)
	w.exerciseOpened()
	if n := f.Notice(); n != "" {
		w.inform("The board was upgraded", n, nil)
	}
}

// verifyInBackground runs the file's quick check, which opening left out
// so that the board shows sooner, and offers a backup if it fails; the
// store refuses edits to a damaged board meanwhile and after.
func (w *boardWindow) verifyInBackground(f app.BoardFile) {
	done := make(chan struct{})
	w.verified = done
	go func() {
		defer close(done)
		err := f.Verify(w.ctx)
		if err == nil || !errors.Is(err, app.ErrDamaged) {
			return // closed meanwhile, or sound
		}
		fyne.DoAndWait(func() {
			if w.file != f {
				return
			}
			w.status.SetText("Damaged: edits are not saved · " + f.Path())
			w.openFailed(f.Path(), err)
		})
	}()
}

// loadModel reads the whole board from f. It touches no widget, so it may
// run off the main goroutine, as it does while the window is being made.
func loadModel(ctx context.Context, f app.BoardFile) (*boardModel, error) {
	doc, err := f.Export(ctx)
	if err != nil {
		return nil, err
	}
	m := newBoardModel(doc)
	m.unstack()
	return m, nil
}

// reload reads the whole board from the file and shows it.
func (w *boardWindow) reload(resetView bool) error {
	if w.file == nil {
		return nil
	}
	m, err := loadModel(w.ctx, w.file)
	if err != nil {
		return err
	}
	w.show(m, resetView)
	return nil
}

// show puts m on the board, in the lists and in the inspector.
func (w *boardWindow) show(m *boardModel, resetView bool) {
	w.model = m
	if w.past != nil { // rewound: the same moment, on the board as read
		w.past = newPastBoard(m.doc, w.past.at)
		w.board.past, w.nav.past = w.past, w.past
	}
	w.board.setModel(w.model, resetView)
	w.refreshPanels()
}

// refreshPanels shows the model in the lists, the inspector, the window's
// chrome and the source windows.
func (w *boardWindow) refreshPanels() {
	w.nav.setModel(w.model)
	w.weak.show(w.model)
	w.lastMatrix.refresh()
	if w.timeline != nil {
		w.timeline.refresh()
	}
	sel := w.board.selected
	if w.model.kind[sel] == "" {
		sel = ""
	}
	w.insp.show(sel)
	w.refreshChrome()
	for id, v := range w.sourceViews {
		if w.model.sources[id] == nil {
			v.win.Close()
		} else {
			v.refresh()
		}
	}
}

// refreshChrome updates the title, status line, menus and empty hint.
func (w *boardWindow) refreshChrome() {
	w.exercise.refresh()
	if w.file == nil || w.model == nil {
		w.win.SetTitle("Evidence Board")
		return
	}
	title := w.model.doc.Board.Title + " — " + filepath.Base(w.file.Path())
	if w.file.ReadOnly() {
		title += " (read-only)"
	}
	w.win.SetTitle(title + " — Evidence Board")
	undo, redo, err := w.file.UndoState(w.ctx)
	if err != nil {
		undo, redo = "", ""
	}
	w.undoItem.Label, w.undoItem.Disabled = "Undo", undo == "" || w.readOnly()
	if undo != "" {
		w.undoItem.Label = "Undo " + undo
	}
	w.redoItem.Label, w.redoItem.Disabled = "Redo", redo == "" || w.readOnly()
	if redo != "" {
		w.redoItem.Label = "Redo " + redo
	}
	w.mainMenu.Refresh()
	w.history.refresh()
	msg := "Saved · " + w.file.Path()
	if w.file.ReadOnly() {
		msg = "Read-only · " + w.file.Path()
	}
	if w.past != nil {
		msg = "As of " + pastLabel(w.past.at) + ": the board as it stood then, read-only; greyed cards did not exist yet. Choose Now in the timeline to edit."
	}
	w.status.SetText(msg)
	w.empty.Hidden = len(w.model.kind) > 0
	w.empty.Refresh()
}

// readOnly reports whether the board cannot be edited: no file, a file
// opened read-only, or the board rewound to a moment of its past, which
// is shown, never written.
func (w *boardWindow) readOnly() bool { return w.file == nil || w.file.ReadOnly() || w.past != nil }

// choose selects an item everywhere: board, navigator and inspector.
func (w *boardWindow) choose(id string) {
	if w.model == nil {
		return
	}
	if w.model.kind[id] == "" {
		id = ""
	}
	w.board.selectItem(id, true)
	if id != "" {
		w.board.reveal(id)
		w.nav.showItem(id)
	}
	if w.insp.id != id || id == "" {
		w.insp.show(id)
	}
}

// showError tells the user what went wrong, in words.
func (w *boardWindow) showError(err error) {
	if err == nil {
		return
	}
	w.informError(errorText(err))
}

// errorText is an error in words, a line for each problem found.
func errorText(err error) string {
	msg := app.ErrorMessage(err)
	var ve *app.ValidationError
	if errors.As(err, &ve) && len(ve.Problems) > 1 {
		msg = ""
		for k, p := range ve.Problems {
			if k == 12 {
				msg += "…"
				break
			}
			msg += p.String() + "\n"
		}
	}
	return msg
}

func (w *boardWindow) undo() {
	w.insp.flush()
	if !w.readOnly() {
		w.afterReplay(w.session.undo())
	}
}

func (w *boardWindow) redo() {
	w.insp.flush()
	if !w.readOnly() {
		w.afterReplay(w.session.redo())
	}
}

// afterReplay redraws what an undo or redo changed; after a failure, or a
// change a read-back cannot show (a card that lost its stored position
// goes back to the program's placing), it reads the whole board.
func (w *boardWindow) afterReplay(err error) {
	switch {
	case err == nil:
		w.redrawModel()
	case app.ErrorCode(err) == app.ENOTFOUND: // nothing to undo or redo
	default:
		w.afterFailedEdit(err)
	}
}

// quit saves what is pending, remembers the window size and closes.
func (w *boardWindow) quit() {
	w.quitting.Store(true)
	w.insp.flush()
	s := w.win.Canvas().Size()
	w.app.Preferences().SetFloat("window.width", float64(s.Width))
	w.app.Preferences().SetFloat("window.height", float64(s.Height))
	w.closeSourceViews()
	if w.file != nil {
		w.file.Close()
		w.file = nil
	}
	w.app.Quit()
}

func (w *boardWindow) restoreSize() {
	width := w.app.Preferences().FloatWithFallback("window.width", 1280)
	height := w.app.Preferences().FloatWithFallback("window.height", 800)
	w.win.Resize(fyne.NewSize(float32(max(width, 640)), float32(max(height, 480))))
}

func (w *boardWindow) closeSourceViews() {
	w.closeTimeline()
	for _, v := range w.sourceViews {
		v.win.Close()
	}
	w.sourceViews = map[string]*sourceView{}
}

// emptyBoardHint tells a new user how to start, over an empty board.
func emptyBoardHint(w *boardWindow) *fyne.Container {
	title := &widget.Label{Text: "This board is empty", TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter, SizeName: "subHeadingText"}
	text := &widget.Label{Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord, Text: "Start with the claim in question, then pin the quotes that support or deny it, " +
		"with who said them and where. Add a source and paste its text to pin passages straight from it."}
	buttons := container.NewHBox(
		&widget.Button{Text: "New claim", Importance: widget.HighImportance, OnTapped: w.newClaim},
		&widget.Button{Text: "Pin a quote", OnTapped: func() { w.showPinDialog(pinDraft{}) }},
		&widget.Button{Text: "New source", OnTapped: w.newSource},
		&widget.Button{Text: "Import JSON…", OnTapped: w.importJSON},
	)
	box := container.NewVBox(title, text, container.NewCenter(buttons))
	card := container.NewStack(newPanel(), container.NewPadded(box))
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 170), card))
}
