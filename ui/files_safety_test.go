package ui

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
	"evidenceboard/storage"
)

// These tests go through the window's own dialogs, on a real board file,
// with the test's goroutine standing for the window's: every function the
// background work hands to fyne.Do runs there, between the test's steps.

// goid is the number of the calling goroutine.
func goid() uint64 {
	var b [64]byte
	f := strings.Fields(string(b[:runtime.Stack(b[:], false)]))
	id, _ := strconv.ParseUint(f[1], 10, 64)
	return id
}

// uiLoop runs, on the test's goroutine, what the window's goroutine would.
type uiLoop struct {
	t       *testing.T
	q       chan func()
	id      uint64          // the test's goroutine, standing for the window's
	slices  []time.Duration // how long each function took, while measure
	measure bool
}

func newUILoop(t *testing.T) *uiLoop {
	q := make(chan func(), 4096)
	uiQueue.Store(&q)
	t.Cleanup(func() { uiQueue.Store(nil) })
	return &uiLoop{t: t, q: q, id: goid()}
}

// until runs the window's functions as they come until cond holds.
func (l *uiLoop) until(what string, cond func() bool) {
	l.t.Helper()
	deadline := time.Now().Add(3 * time.Minute) // a hang guard: the race detector on a loaded machine is slow
	for !cond() {
		if time.Now().After(deadline) {
			l.t.Fatalf("timed out waiting for %s", what)
		}
		select {
		case f := <-l.q:
			start := time.Now()
			f()
			if l.measure {
				l.slices = append(l.slices, time.Since(start))
			}
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// drain runs the window's functions for a while.
func (l *uiLoop) drain(d time.Duration) {
	end := time.Now().Add(d)
	l.until("nothing", func() bool { return time.Now().After(end) })
}

// objects lists o and everything drawn inside it.
func objects(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, objects(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			out = append(out, objects(c)...)
		}
	}
	return out
}

// shown is every text in the window's dialogs.
func shown(w *boardWindow) string {
	var out []string
	for _, o := range w.win.Canvas().Overlays().List() {
		for _, c := range objects(o) {
			switch v := c.(type) {
			case *widget.Label:
				out = append(out, v.Text)
			case *canvas.Text:
				out = append(out, v.Text)
			case *widget.RichText:
				out = append(out, v.String())
			}
		}
	}
	return strings.Join(out, "\n")
}

func buttonIn(o fyne.CanvasObject, text string) *widget.Button {
	for _, c := range objects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text && !b.Disabled() {
			return b
		}
	}
	return nil
}

// chooseTarget answers the window's save dialog with name, in the folder
// it offers, and says yes if asked whether to replace what is there.
func chooseTarget(t *testing.T, w *boardWindow, name string) {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no save dialog")
	}
	var entry *widget.Entry
	for _, c := range objects(top) {
		if e, ok := c.(*widget.Entry); ok {
			entry = e
			break
		}
	}
	if entry == nil {
		t.Fatal("the save dialog has no name field")
	}
	entry.SetText(name)
	save := buttonIn(top, "Save")
	if save == nil {
		t.Fatal("the save dialog has no Save button")
	}
	test.Tap(save)
	if next := w.win.Canvas().Overlays().Top(); next != nil && next != top {
		for _, yes := range []string{"Replace", "Yes"} {
			if b := buttonIn(next, yes); b != nil {
				test.Tap(b)
				break
			}
		}
	}
}

// openRealWindow shows the sample board from a real file in a folder of
// its own, and returns the window and the file's path.
func openRealWindow(t *testing.T) (*boardWindow, string) {
	t.Helper()
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "board.evboard")
	if err := (storage.Files{}).Import(path, sampleDoc(t), false); err != nil {
		t.Fatal(err)
	}
	// A fresh backup, so that the window makes none of its own.
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Backup(context.Background(), app.BackupManual); err != nil {
		t.Fatal(err)
	}
	db.Close()
	w := newBoardWindow(a, storage.Files{Options: storage.Options{DeferCheck: true}})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(path)
	if w.file == nil {
		t.Fatal("the board did not open")
	}
	waitVerified(t, w)
	t.Cleanup(func() {
		if w.file != nil {
			w.file.Close()
		}
		w.win.Close()
	})
	return w, path
}

func waitVerified(t *testing.T, w *boardWindow) {
	t.Helper()
	select {
	case <-w.verified:
	case <-time.After(10 * time.Second):
		t.Fatal("the check never finished")
	}
}

func readAll(t *testing.T, paths ...string) [][]byte {
	t.Helper()
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, b)
	}
	return out
}

func sameFiles(t *testing.T, before [][]byte, paths ...string) {
	t.Helper()
	for i, b := range readAll(t, paths...) {
		if !bytes.Equal(b, before[i]) {
			t.Fatalf("%s changed (%d bytes, was %d)", paths[i], len(b), len(before[i]))
		}
	}
}

// TestSafeSave_ExportKeepsFileUntilWritten: exporting over a file that is
// there, and saying yes to replacing it, leaves it whole while the export
// is written; it is replaced when the new one is complete.
func TestSafeSave_ExportKeepsFileUntilWritten(t *testing.T) {
	l := newUILoop(t)
	w, path := openRealWindow(t)
	target := filepath.Join(filepath.Dir(path), "board.json")
	old := []byte(`{"precious": "notes kept by hand"}`)
	if err := os.WriteFile(target, old, 0o644); err != nil {
		t.Fatal(err)
	}
	during := make(chan []byte, 1)
	f := ExportFormat{Name: "json", Ext: ".json", Write: func(_ context.Context, out io.Writer, _ *app.Document, _ ExportOptions) error {
		b, _ := os.ReadFile(target)
		during <- b
		_, err := out.Write([]byte("the new export"))
		return err
	}}
	w.export(f)
	chooseTarget(t, w, "board.json")
	var seen []byte
	l.until("the export to be written", func() bool {
		select {
		case seen = <-during:
			return true
		default:
			return false
		}
	})
	if !bytes.Equal(seen, old) {
		t.Fatalf("while the export was written the file held %q, not what it held before", seen)
	}
	l.until("the export to finish", func() bool { return strings.Contains(w.status.Text, "Exported to") })
	if got, _ := os.ReadFile(target); string(got) != "the new export" {
		t.Fatalf("the file holds %q", got)
	}
}

// TestSafeSave_SaveCopyOntoLiveBoardRefused: Save a Copy onto the board
// that is open, with its -wal and -shm, is refused and changes nothing.
func TestSafeSave_SaveCopyOntoLiveBoardRefused(t *testing.T) {
	l := newUILoop(t)
	w, path := openRealWindow(t)
	if err := w.file.MoveCard(context.Background(), "apple", 10, 10); err != nil { // something in the -wal
		t.Fatal(err)
	}
	files := []string{path, path + "-wal", path + "-shm"}
	before := readAll(t, files...)
	w.saveCopy()
	chooseTarget(t, w, "board.evboard")
	l.until("an answer", func() bool {
		return strings.Contains(shown(w), "already exists") || strings.Contains(w.status.Text, "Saved a copy")
	})
	l.drain(100 * time.Millisecond)
	sameFiles(t, before, files...)
	if !strings.Contains(shown(w), "already exists") {
		t.Fatalf("no refusal; status %q, dialogs %q", w.status.Text, shown(w))
	}
	if _, err := w.file.Export(context.Background()); err != nil {
		t.Fatalf("the open board no longer reads: %v", err)
	}
}

// TestSafeSave_NewBoardOntoExistingRefused: New Board with the name of a
// board that is there refuses, and leaves that board as it was.
func TestSafeSave_NewBoardOntoExistingRefused(t *testing.T) {
	l := newUILoop(t)
	w, path := openRealWindow(t)
	other := filepath.Join(filepath.Dir(path), "other.evboard")
	if err := (storage.Files{}).Import(other, sampleDoc(t), false); err != nil {
		t.Fatal(err)
	}
	before := readAll(t, other)
	w.newBoard()
	chooseTarget(t, w, "other.evboard")
	l.drain(100 * time.Millisecond)
	sameFiles(t, before, other)
	if !strings.Contains(shown(w), "already exists") {
		t.Fatalf("no refusal; dialogs %q", shown(w))
	}
	if w.file == nil || w.file.Path() != path {
		t.Fatal("the open board was replaced")
	}
}

// TestRestore_WindowStopsWhenSafetyBackupFails: when the board as it is
// cannot be backed up before a restore, the window says so and shows the
// board again, as it was.
func TestRestore_WindowStopsWhenSafetyBackupFails(t *testing.T) {
	l := newUILoop(t)
	w, path := openRealWindow(t)
	ctx := context.Background()
	backup := filepath.Join(t.TempDir(), "kept.evboard")
	if err := w.file.SaveCopy(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := w.file.DeleteParty(ctx, "apple"); err != nil { // after the backup
		t.Fatal(err)
	}
	// No backup can be made: a file has the backup folder's name.
	os.RemoveAll(storage.BackupDir(path))
	if err := os.WriteFile(storage.BackupDir(path), []byte("in the way"), 0o644); err != nil {
		t.Fatal(err)
	}
	w.restore(path, backup)
	l.until("the refusal", func() bool { return strings.Contains(shown(w), "could not be backed up") })
	l.until("the board to be shown again", func() bool { return w.file != nil })
	waitVerified(t, w)
	if w.file.Path() != path {
		t.Fatalf("showing %s", w.file.Path())
	}
	if _, err := w.file.FindPartyByID(ctx, "apple"); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("the board was restored after all (%v)", err)
	}
}

// gatedBackups is a board file whose backups wait for the test.
type gatedBackups struct {
	app.BoardFile
	l       *uiLoop
	gate    chan struct{}
	started chan struct{}
	onUI    atomic.Bool
	calls   atomic.Int32
}

func (g *gatedBackups) Backup(ctx context.Context, reason string) (app.Backup, error) {
	g.calls.Add(1)
	if goid() == g.l.id {
		g.onUI.Store(true)
	} else {
		g.started <- struct{}{}
		<-g.gate
	}
	return g.BoardFile.Backup(ctx, reason)
}

// TestBackground_BackupsOffTheWindow: the rolling backup and Back up now
// run off the window's goroutine, say that they run, and a second one is
// not started meanwhile.
func TestBackground_BackupsOffTheWindow(t *testing.T) {
	l := newUILoop(t)
	w, _ := openRealWindow(t)
	g := &gatedBackups{BoardFile: w.file, l: l, gate: make(chan struct{}), started: make(chan struct{}, 4)}
	w.file = g
	time.AfterFunc(0, func() { w.autoBackup(g) }) // as the timer does
	l.until("the backup to start", func() bool {
		if g.onUI.Load() {
			return true
		}
		select {
		case <-g.started:
			return true
		default:
			return false
		}
	})
	if g.onUI.Load() {
		t.Fatal("the rolling backup ran on the window's goroutine")
	}
	l.until("word that it runs", func() bool { return strings.Contains(w.status.Text, "Backing up") })
	w.backupNow(app.BackupManual) // meanwhile
	l.drain(50 * time.Millisecond)
	if n := g.calls.Load(); n != 1 {
		t.Fatalf("%d backups at once", n)
	}
	close(g.gate)
	l.until("the backup to finish", func() bool { return strings.Contains(w.status.Text, "Backed up") })

	g.gate = make(chan struct{})
	w.backupNow(app.BackupManual) // returns while the backup waits
	l.until("the backup to start", func() bool {
		select {
		case <-g.started:
			return true
		default:
			return g.onUI.Load()
		}
	})
	if g.onUI.Load() {
		t.Fatal("Back up now ran on the window's goroutine")
	}
	close(g.gate)
	l.until("the backup to finish", func() bool { return strings.Contains(w.status.Text, "Backed up to") })
	if list, _ := storage.ListBackups(g.Path()); len(list) != 3 {
		t.Fatalf("%d backups, want 3", len(list))
	}
}

// TestBackground_PNGExportInSlices: the image of the board is drawn in
// bands, each a short turn on the window's goroutine, and the rest (the
// encoding and the writing) is done off it, with progress shown.
func TestBackground_PNGExportInSlices(t *testing.T) {
	l := newUILoop(t)
	w, path := openRealWindow(t)
	f, _ := LookupFormat("png")
	start := time.Now()
	w.export(f)
	chooseTarget(t, w, "board.png")
	l.measure = true
	var progress float64
	l.until("the export to finish", func() bool {
		for _, o := range w.win.Canvas().Overlays().List() {
			for _, c := range objects(o) {
				if p, ok := c.(*widget.ProgressBar); ok && p.Visible() && p.Value > progress {
					progress = p.Value
				}
			}
		}
		return strings.Contains(w.status.Text, "Exported to")
	})
	total := time.Since(start)
	longest := time.Duration(0)
	for _, s := range l.slices {
		longest = max(longest, s)
	}
	t.Logf("%d turns on the window's goroutine, the longest %v, of %v in all", len(l.slices), longest, total)
	if longest > total/2 {
		t.Fatalf("one turn on the window's goroutine took %v of the export's %v", longest, total)
	}
	if progress <= 0 {
		t.Fatal("no progress was shown")
	}
	out, err := os.Open(filepath.Join(filepath.Dir(path), "board.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if cfg, err := png.DecodeConfig(out); err != nil || cfg.Width < 100 || cfg.Height < 100 {
		t.Fatalf("the image: %+v, %v", cfg, err)
	}
}
