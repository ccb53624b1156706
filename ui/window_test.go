package ui

import (
	"context"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
	"evidenceboard/assets"
)

func sampleDoc(t testing.TB) *app.Document {
	t.Helper()
	doc, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// openTestWindow shows the sample board in a window with an in-memory file.
func openTestWindow(t *testing.T) (*boardWindow, *memFile) {
	t.Helper()
	a := test.NewTempApp(t)
	f := newMemFile(sampleDoc(t))
	w := newBoardWindow(a, memFiles{f})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(f.path)
	if w.file == nil {
		t.Fatal("the board did not open")
	}
	t.Cleanup(func() { w.win.Close() })
	return w, f
}

func findQuote(d *app.Document, text string) *app.Quote {
	for i := range d.Quotes {
		if d.Quotes[i].Text == text {
			return &d.Quotes[i]
		}
	}
	return nil
}

func hasLink(d *app.Document, from, to string, r app.Relation) bool {
	for _, l := range d.Links {
		if l.From == from && l.To == to && l.Relation == r {
			return true
		}
	}
	return false
}

// undoRedo checks that one undo gives back before and one redo after.
func undoRedo(t *testing.T, w *boardWindow, f *memFile, before, after *app.Document) {
	t.Helper()
	m := w.model
	w.undo()
	if !reflect.DeepEqual(f.doc, before) {
		t.Fatal("undo did not give back the board as it was")
	}
	modelMatchesFile(t, w, f)
	if w.model != m {
		t.Fatal("the undo read the whole board again, not what it changed")
	}
	w.redo()
	if !reflect.DeepEqual(f.doc, after) {
		t.Fatal("redo did not make the edit again")
	}
	modelMatchesFile(t, w, f)
}

// modelMatchesFile checks that the window's model, patched after edits,
// holds what a fresh reading of the whole file would: the same items, the
// same links and the same stored positions.
func modelMatchesFile(t *testing.T, w *boardWindow, f *memFile) {
	t.Helper()
	fresh := newBoardModel(cloneDoc(f.doc))
	m := w.model
	if !reflect.DeepEqual(m.kind, fresh.kind) {
		t.Fatalf("items: model has %d, file %d", len(m.kind), len(fresh.kind))
	}
	if !reflect.DeepEqual(m.doc.Board, fresh.doc.Board) {
		t.Fatalf("board record: model has %+v, file %+v", m.doc.Board, fresh.doc.Board)
	}
	for id := range fresh.kind {
		var a, b any
		switch fresh.kind[id] {
		case app.KindSource:
			a, b = m.sources[id], fresh.sources[id]
		case app.KindParty:
			a, b = m.parties[id], fresh.parties[id]
		case app.KindClaim:
			a, b = m.claims[id], fresh.claims[id]
		case app.KindQuote:
			a, b = m.quotes[id], fresh.quotes[id]
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%s: model has %+v, file %+v", id, a, b)
		}
		if m.haystack[id] != fresh.haystack[id] {
			t.Fatalf("%s: search text %q, want %q", id, m.haystack[id], fresh.haystack[id])
		}
		if fresh.placed[id] && m.pos[id] != fresh.pos[id] {
			t.Fatalf("%s: at %v, stored at %v", id, m.pos[id], fresh.pos[id])
		}
		if len(m.linksOf[id]) != len(fresh.linksOf[id]) {
			t.Fatalf("%s: %d links in the model, %d in the file", id, len(m.linksOf[id]), len(fresh.linksOf[id]))
		}
	}
	set := func(ls []app.Link) map[app.Link]bool {
		out := map[app.Link]bool{}
		for _, l := range ls {
			out[l] = true
		}
		return out
	}
	if !reflect.DeepEqual(set(m.doc.Links), set(fresh.doc.Links)) {
		t.Fatal("the model's links are not the file's")
	}
	for _, k := range app.Kinds {
		if !reflect.DeepEqual(set2(m.ids[k]), set2(fresh.ids[k])) {
			t.Fatalf("%s ids differ", k)
		}
	}
	for id := range fresh.kind {
		if got := m.grid.query(m.pos[id], fyne.NewSize(1, 1)); !slices.Contains(got, id) {
			t.Fatalf("%s is not where the board looks for it", id)
		}
	}
}

func set2(ids []string) map[string]bool {
	out := map[string]bool{}
	for _, id := range ids {
		out[id] = true
	}
	return out
}

func TestWindow_ShowsBoard(t *testing.T) {
	w, _ := openTestWindow(t)
	if !strings.Contains(w.win.Title(), "The Big Hack: claims and denials") || !strings.Contains(w.win.Title(), "test.evboard") {
		t.Fatalf("title = %q", w.win.Title())
	}
	if got := len(w.nav.shown[app.KindClaim]); got != 12 {
		t.Fatalf("claims listed = %d", got)
	}
	if !w.empty.Hidden {
		t.Fatal("the empty-board hint shows on a full board")
	}
	if w.board.renderer.shown == 0 || w.board.renderer.shown >= len(w.model.kind) {
		t.Fatalf("cards drawn = %d of %d: the board should draw only what is in view", w.board.renderer.shown, len(w.model.kind))
	}
}

func TestWindow_PinQuote(t *testing.T) {
	w, f := openTestWindow(t)
	before := cloneDoc(f.doc)
	p := w.showPinDialog(pinDraft{})
	test.Type(p.text, "We deny it all.")
	p.speaker.SetText("Apple")
	p.source.SetText("A brand new source")
	test.Type(p.said, "2018-10-05")
	p.setRelation("c-apple-found-2015", "denies")
	test.Tap(p.pinButton)
	q := findQuote(f.doc, "We deny it all.")
	if q == nil || q.Speaker != "apple" || q.Said != "2018-10-05" || q.Source == "" {
		t.Fatalf("quote = %+v", q)
	}
	if !hasLink(f.doc, q.ID, "c-apple-found-2015", app.RelDenies) {
		t.Fatal("the denies link was not made")
	}
	if len(f.doc.Sources) != len(before.Sources)+1 {
		t.Fatal("the new source was not created")
	}
	if w.board.selected != q.ID || w.insp.id != q.ID {
		t.Fatal("the new quote is not selected")
	}
	if undo, _, _ := f.UndoState(context.Background()); undo != "Pin quote" {
		t.Fatalf("undo step = %q, want one step for the whole pin", undo)
	}
	modelMatchesFile(t, w, f)
	undoRedo(t, w, f, before, cloneDoc(f.doc))
}

func TestWindow_PinQuoteRefusesBadDate(t *testing.T) {
	w, f := openTestWindow(t)
	p := w.showPinDialog(pinDraft{})
	test.Type(p.text, "x")
	test.Type(p.said, "last Tuesday")
	test.Tap(p.pinButton)
	if p.problem.Hidden || !strings.Contains(p.problem.Text, "not a date") {
		t.Fatalf("problem = %q", p.problem.Text)
	}
	if findQuote(f.doc, "x") != nil {
		t.Fatal("a quote was made")
	}
}

// selectRunes selects n characters from the cursor with Shift+Right, as a
// user would with the keyboard.
func selectRunes(c fyne.Canvas, e *widget.Entry, n int) {
	c.Focus(e)
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for i := 0; i < n; i++ {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func TestWindow_PinSelectionFromSource(t *testing.T) {
	w, f := openTestWindow(t)
	const src = "apple-statement-2018-10-04"
	v := w.openSourceView(src)
	text := "Statement. 中文 first. We have found absolutely no evidence. The end."
	v.text.SetText(text) // as a paste
	w.insp.flush()
	if s, _ := f.FindSourceByID(context.Background(), src); s.Text != text {
		t.Fatalf("source text not saved: %q", s.Text)
	}
	before := cloneDoc(f.doc)
	start := strings.Index(text, "We have")
	startRunes := len([]rune(text[:start]))
	v.text.CursorRow, v.text.CursorColumn = 0, startRunes
	selectRunes(v.win.Canvas(), &v.text.Entry, len([]rune("We have found absolutely no evidence")))
	if got := v.text.SelectedText(); got != "We have found absolutely no evidence" {
		t.Fatalf("selected %q", got)
	}
	v.text.TypedShortcut(&desktopShortcutPin) // Ctrl+P in the text
	p := w.lastPin
	if p == nil || p.text.Text != "We have found absolutely no evidence" {
		t.Fatal("the pin dialog did not open on the selection")
	}
	p.speaker.SetText("Apple")
	test.Tap(p.pinButton)
	q := findQuote(f.doc, "We have found absolutely no evidence")
	if q == nil || q.Source != src || q.Anchor == nil || q.Anchor.Start != startRunes || q.Anchor.End != startRunes+36 {
		t.Fatalf("quote = %+v anchor %+v", q, q.Anchor)
	}
	v.refresh()
	marked := false
	for _, s := range v.preview.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Text == q.Text && ts.Style.TextStyle.Bold {
			marked = true
		}
	}
	if !marked {
		t.Fatal("the pinned passage is not highlighted in the source view")
	}
	undoRedo(t, w, f, before, cloneDoc(f.doc))
}

func TestWindow_LinkDialog(t *testing.T) {
	w, f := openTestWindow(t)
	before := cloneDoc(f.doc)
	w.choose("c-consumer-data")
	l := w.showLinkDialog("c-consumer-data")
	test.Type(l.search, "Supermicro")
	pick := -1
	for i, id := range l.shown {
		if id == "supermicro" {
			pick = i
		}
	}
	if pick < 0 {
		t.Fatalf("Supermicro not offered: %v", l.shown)
	}
	l.targets.Select(pick)
	if l.add.Disabled() || !strings.Contains(l.relation.Selected, "about") {
		t.Fatalf("relation = %q, add disabled %v", l.relation.Selected, l.add.Disabled())
	}
	test.Tap(l.add)
	if !hasLink(f.doc, "c-consumer-data", "supermicro", app.RelAbout) {
		t.Fatal("the link was not made")
	}
	modelMatchesFile(t, w, f)
	undoRedo(t, w, f, before, cloneDoc(f.doc))
	w.deleteLink(app.Link{From: "c-consumer-data", To: "supermicro", Relation: app.RelAbout})
	if hasLink(f.doc, "c-consumer-data", "supermicro", app.RelAbout) {
		t.Fatal("the link was not deleted")
	}
	modelMatchesFile(t, w, f)
	w.undo()

	// Only what can be linked is offered: a claim cannot link to a source.
	l = w.showLinkDialog("c-consumer-data")
	for _, id := range l.shown {
		if w.model.kind[id] == app.KindSource {
			t.Fatalf("a claim's link dialog offers the source %s", id)
		}
	}
	l.d.Hide()
	// A source has no links of its own: the dialog says so at once, and
	// offers to pin a quote from it instead.
	if w.showLinkDialog("zdnet-2018-10-04") != nil {
		t.Fatal("a source's link dialog opened, to refuse every choice later")
	}
	if w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("nothing said why a source cannot be linked")
	}
}

func TestWindow_ChangeStatusWithNote(t *testing.T) {
	w, f := openTestWindow(t)
	before := cloneDoc(f.doc)
	w.choose("c-consumer-data")
	w.insp.statusSelect.SetSelected("DENIED")
	test.Type(w.insp.statusNote, "Amazon statement")
	test.Tap(w.insp.statusApply)
	c := f.doc.Claims[10]
	if c.ID != "c-consumer-data" || c.Status != app.StatusDenied || c.History[len(c.History)-1].Note != "Amazon statement" {
		t.Fatalf("claim = %+v", c)
	}
	if n := len(w.insp.history.Objects); n != len(c.History) {
		t.Fatalf("history rows shown = %d, want %d", n, len(c.History))
	}
	if tag := w.board.model.claims["c-consumer-data"].Status; tag != app.StatusDenied {
		t.Fatal("the card was not updated")
	}
	undoRedo(t, w, f, before, cloneDoc(f.doc))
}

func TestWindow_EditField(t *testing.T) {
	w, f := openTestWindow(t)
	before := cloneDoc(f.doc)
	w.choose("apple")
	e := w.insp.fields["name"]
	e.SetText("")
	test.Type(e, "Apple Inc.")
	w.insp.flush()
	if f.doc.Parties[2].Name != "Apple Inc." {
		t.Fatalf("name = %q", f.doc.Parties[2].Name)
	}
	if len(f.undo) != 1 {
		t.Fatalf("%d undo steps for one field edit", len(f.undo))
	}
	undoRedo(t, w, f, before, cloneDoc(f.doc))
}

func TestWindow_MoveCard(t *testing.T) {
	w, f := openTestWindow(t)
	before := cloneDoc(f.doc)
	var card *cardView
	for _, c := range w.board.renderer.cards {
		if c.Visible() && c.id != "" {
			card = c
			break
		}
	}
	id := card.id
	old := w.model.pos[id]
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(card).Add(fyne.NewPos(20, 20))
	test.Drag(w.win.Canvas(), abs, 50, 30)
	moved := w.model.pos[id]
	if moved == old {
		t.Fatal("the card did not move")
	}
	var saved app.Position
	for _, p := range f.doc.Layout {
		if p.Item == id {
			saved = p
		}
	}
	if float32(saved.X) != moved.X || float32(saved.Y) != moved.Y {
		t.Fatalf("saved %v, shown %v", saved, moved)
	}
	undoRedo(t, w, f, before, cloneDoc(f.doc))
}

func TestWindow_SearchAndFilter(t *testing.T) {
	w, _ := openTestWindow(t)
	test.Type(w.nav.search, "malicious chips")
	if n := len(w.nav.shown[app.KindQuote]); n == 0 || n >= 27 {
		t.Fatalf("quotes matching = %d", n)
	}
	for _, id := range w.nav.shown[app.KindQuote] {
		if !strings.Contains(strings.ToLower(w.model.quotes[id].Text+w.model.quotes[id].Notes), "malicious") {
			t.Fatalf("%s does not match", id)
		}
	}
	w.nav.search.SetText("")
	w.nav.status.SetSelected("DENIED")
	if n := len(w.nav.shown[app.KindClaim]); n != 6 {
		t.Fatalf("denied claims = %d", n)
	}
	w.nav.party.SetSelected("Apple")
	for _, id := range w.nav.shown[app.KindQuote] {
		if w.model.quotes[id].Speaker != "apple" {
			t.Fatalf("quote %s is not Apple's", id)
		}
	}
	w.nav.partyKind.SetSelected("anonymous")
	for _, id := range w.nav.shown[app.KindParty] {
		if w.model.parties[id].Kind != app.PartyAnonymous {
			t.Fatalf("party %s is not anonymous", id)
		}
	}
	// Choosing an entry selects its card and brings it into view.
	w.nav.lists[app.KindParty].Select(0)
	id := w.nav.shown[app.KindParty][0]
	if w.board.selected != id || w.insp.id != id {
		t.Fatal("choosing a list entry did not select it")
	}
	p, s := w.model.rect(id)
	tl, br := w.board.toScreen(p), w.board.toScreen(p.Add(s))
	if tl.X < 0 || tl.Y < 0 || br.X > w.board.Size().Width || br.Y > w.board.Size().Height {
		t.Fatal("the chosen card is not in view")
	}
}

func TestWindow_DeleteUndoRedo(t *testing.T) {
	w, f := openTestWindow(t)
	before := cloneDoc(f.doc)
	msg := w.deleteMessage("apple")
	for _, want := range []string{"Delete the party “Apple”?", "4 links", "4 quotes it spoke will keep their words"} {
		if !strings.Contains(msg, want) {
			t.Fatalf("message %q lacks %q", msg, want)
		}
	}
	w.choose("apple")
	w.deleteItem("apple")
	if w.model.parties["apple"] != nil || w.board.selected != "" {
		t.Fatal("the party is still shown")
	}
	for _, q := range f.doc.Quotes {
		if q.Speaker == "apple" {
			t.Fatal("a quote still names the deleted speaker")
		}
	}
	modelMatchesFile(t, w, f)
	undoRedo(t, w, f, before, cloneDoc(f.doc))
	// A source takes its quotes' source and anchors with it.
	w.deleteItem("zdnet-2018-10-04")
	modelMatchesFile(t, w, f)
	w.undo()
	modelMatchesFile(t, w, f)
	if !strings.Contains(w.undoItem.Label, "Delete party") {
		t.Fatalf("undo menu item = %q", w.undoItem.Label)
	}
}

func TestWindow_NewClaimAndEmptyBoard(t *testing.T) {
	a := test.NewTempApp(t)
	f := newMemFile(&app.Document{Format: app.FormatName, Version: 1, Board: app.Board{Title: "Empty"}})
	w := newBoardWindow(a, memFiles{f})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(f.path)
	if w.empty.Hidden {
		t.Fatal("an empty board shows no hint")
	}
	w.newClaim()
	if len(f.doc.Claims) != 1 || len(f.doc.Layout) != 1 || !w.empty.Hidden {
		t.Fatalf("claims %d, layout %d", len(f.doc.Claims), len(f.doc.Layout))
	}
	modelMatchesFile(t, w, f)
	if w.board.renderer.byID[f.doc.Claims[0].ID] == nil {
		t.Fatal("the new claim's card is not drawn")
	}
	if w.win.Canvas().Focused() != w.insp.fields["statement"] {
		t.Fatal("the new claim's statement is not ready to type")
	}
	w.undo()
	if len(f.doc.Claims) != 0 || w.empty.Hidden {
		t.Fatal("one undo did not take back the new claim")
	}
}

func TestWindow_ReadOnlyRefusesEdits(t *testing.T) {
	w, f := openTestWindow(t)
	f.readOnly = true
	_ = w.reload(false)
	w.choose("apple")
	if !w.insp.fields["name"].Disabled() || !w.insp.addLink.Disabled() {
		t.Fatal("fields are editable on a read-only board")
	}
	if w.showPinDialog(pinDraft{}) != nil {
		t.Fatal("the pin dialog opened on a read-only board")
	}
	if !strings.Contains(w.win.Title(), "read-only") {
		t.Fatalf("title = %q", w.win.Title())
	}
}

func TestWindow_ArrowKeysNudgeCard(t *testing.T) {
	w, f := openTestWindow(t)
	w.choose("apple")
	before := w.model.pos["apple"]
	w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	if got := w.model.pos["apple"]; got.X != before.X+20 {
		t.Fatalf("moved to %v from %v", got, before)
	}
	w.insp.flush() // the pause that saves a run of nudges
	for _, p := range f.doc.Layout {
		if p.Item == "apple" && float32(p.X) != before.X+20 {
			t.Fatalf("saved %v", p)
		}
	}
}

// failingFiles refuses to open anything, as for a damaged board.
type failingFiles struct {
	memFiles
	err error
}

func (f failingFiles) Open(string) (app.BoardFile, error) { return nil, f.err }

func TestWindow_OpenFailureLeavesNoBoard(t *testing.T) {
	a := test.NewTempApp(t)
	w := newBoardWindow(a, failingFiles{err: app.Errorf(app.EINVALID, "x.evboard is not an Evidence Board file: it is not a SQLite database")})
	w.win.Resize(fyne.NewSize(1000, 700))
	w.openPath("x.evboard")
	if w.file != nil || !w.empty.Hidden || !strings.Contains(w.status.Text, "No board open") {
		t.Fatalf("file %v, hint shown %v, status %q", w.file, !w.empty.Hidden, w.status.Text)
	}
	// Every action is refused quietly, none panics.
	w.newClaim()
	w.showPinDialog(pinDraft{})
	w.confirmDelete("x")
	w.undo()
	w.redo()
	w.board.fitAll()
	test.Type(w.nav.search, "abc")
	w.choose("x")
}

// A board whose quick check fails after it is shown is marked damaged and
// the user is told, in words, with the way on.
func TestWindow_DamageFoundAfterOpening(t *testing.T) {
	a := test.NewTempApp(t)
	f := newMemFile(sampleDoc(t))
	f.damage = &app.Error{Code: app.EINVALID, Err: app.ErrDamaged, Message: "test.evboard is damaged and cannot be opened (page 7 is broken)"}
	w := newBoardWindow(a, memFiles{f})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(f.path)
	t.Cleanup(func() { w.win.Close() })
	select {
	case <-w.verified:
	case <-time.After(5 * time.Second):
		t.Fatal("the check never finished")
	}
	if !strings.Contains(w.status.Text, "Damaged: edits are not saved") {
		t.Fatalf("status = %q", w.status.Text)
	}
	top := w.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(strings.Join(texts(top), " "), "page 7 is broken") {
		t.Fatal("no dialog says so")
	}
	// The store refuses edits to a damaged board; the window keeps it shown.
	if len(w.model.kind) == 0 {
		t.Fatal("the board was taken away")
	}
}

// texts returns the text of every label and text object under o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	switch v := o.(type) {
	case *widget.Label:
		out = append(out, v.Text)
	case *canvas.Text:
		out = append(out, v.Text)
	case *widget.RichText:
		out = append(out, v.String())
	}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, texts(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			out = append(out, texts(c)...)
		}
	}
	return out
}

// A card whose stored position is out of every bound (a file changed by
// other means) is placed as if it had none, where it can be seen.
func TestModel_DropsImpossiblePositions(t *testing.T) {
	doc := sampleDoc(t)
	doc.Layout[0].X = math.Inf(1)
	doc.Layout[1].Y = -1e12
	m := newBoardModel(doc)
	for _, id := range []string{doc.Layout[0].Item, doc.Layout[1].Item} {
		p := m.pos[id]
		if m.placed[id] || math.IsInf(float64(p.X), 0) || math.Abs(float64(p.Y)) > app.MaxCoordinate {
			t.Fatalf("%s at %v, placed %v", id, p, m.placed[id])
		}
	}
	lo, hi := m.bounds()
	if math.IsInf(float64(hi.X-lo.X), 0) || hi.Y-lo.Y > 1e6 {
		t.Fatalf("bounds %v %v", lo, hi)
	}
}
