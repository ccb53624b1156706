package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

const maxRecent = 8

func (w *boardWindow) exportItems() []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, f := range ExportFormats {
		f := f
		sc := fyne.Shortcut(nil)
		if f.Name == "json" {
			sc = ctrl(fyne.KeyE)
		}
		items = append(items, &fyne.MenuItem{Label: f.Label + "…", Shortcut: sc, Action: func() { w.export(f) }})
	}
	return items
}

// openPath opens a board file and shows it.
func (w *boardWindow) openPath(path string) {
	w.finishOpening(<-openBoard(w.ctx, w.files, path))
}

// opened is a board file opened and read, or why it could not be.
type opened struct {
	path    string
	file    app.BoardFile
	model   *boardModel
	openErr error // the file could not be opened
	readErr error // it was opened but could not be read
}

// openBoard opens and reads the board at path on a goroutine of its own,
// so that at start-up the file is read while Fyne makes the window.
func openBoard(ctx context.Context, files app.Files, path string) <-chan opened {
	ch := make(chan opened, 1)
	go func() {
		r := opened{path: path}
		if r.file, r.openErr = files.Open(path); r.openErr == nil {
			if r.model, r.readErr = loadModel(ctx, r.file); r.readErr != nil {
				r.file.Close()
			}
		}
		ch <- r
	}()
	return ch
}

// finishOpening shows a board openBoard opened, or says why it could not.
func (w *boardWindow) finishOpening(r opened) {
	w.opening.stop()
	switch {
	case r.openErr != nil:
		w.openFailed(r.path, r.openErr)
	case r.readErr != nil: // damage that only reading all of it finds
		w.openFailed(r.path, r.readErr)
	default:
		w.adopt(r.file, r.model)
	}
}

func (w *boardWindow) openDialog() {
	d := w.pickFile(".evboard", func(r fyne.URIReadCloser) {
		r.Close()
		w.openPath(r.URI().Path())
	})
	w.startIn(d)
	d.Show()
}

// pickFile makes a dialog that asks for a file ending in ext and hands it
// to then, open; a failure is shown, a cancel does nothing.
func (w *boardWindow) pickFile(ext string, then func(fyne.URIReadCloser)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if r != nil {
			then(r)
		}
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	return d
}

// startIn opens file dialogs in the folder of the open board.
func (w *boardWindow) startIn(d interface{ SetLocation(fyne.ListableURI) }) {
	if w.file == nil {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(w.file.Path()))); err == nil {
		d.SetLocation(l)
	}
}

// saveTarget asks where to write a new file, suggesting a name, and hands
// the path to then. It never opens the file: Fyne's save dialog creates,
// and so empties, the file chosen before its callback runs (even a board
// open for editing), so this asks for a folder (through Fyne's folder
// dialog, which opens nothing) and a name. A name that is taken is
// refused unless replace is true (an export, written whole through a
// temporary file and renamed over), and then only once the user says so.
func (w *boardWindow) saveTarget(title, name, ext string, replace bool, then func(path string)) {
	dir := w.saveFolder()
	folder := &widget.Label{Text: dir, Truncation: fyne.TextTruncateEllipsis}
	entry := widget.NewEntry()
	entry.SetText(name + ext)
	var d *dialog.CustomDialog
	save := &widget.Button{Text: "Save", Importance: widget.HighImportance}
	cancel := &widget.Button{Text: "Cancel", OnTapped: func() { d.Hide() }}
	choose := &widget.Button{Text: "Choose…", OnTapped: func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil {
				w.showError(err)
				return
			}
			if u != nil {
				dir = u.Path()
				folder.SetText(dir)
			}
		}, w.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			fd.SetLocation(l)
		}
		fd.Show()
	}}
	entry.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" {
			save.Disable()
		} else {
			save.Enable()
		}
	}
	submit := func() {
		n := strings.TrimSpace(entry.Text)
		if n == "" {
			return
		}
		path := n
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, n)
		}
		if !strings.HasSuffix(strings.ToLower(path), ext) {
			path += ext
		}
		d.Hide()
		w.app.Preferences().SetString("saveFolder", filepath.Dir(path))
		w.checkTarget(path, replace, then, d.Show)
	}
	save.OnTapped = submit
	entry.OnSubmitted = func(string) { submit() }
	form := widget.NewForm(
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, folder)),
		widget.NewFormItem("Name", entry))
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, container.NewHBox(layout.NewSpacer(), cancel, save)), w.win)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
	w.win.Canvas().Focus(entry)
}

// saveFolder is where saveTarget starts: the open board's folder, else the
// last one chosen, else the home folder.
func (w *boardWindow) saveFolder() string {
	if w.file != nil {
		if abs, err := filepath.Abs(w.file.Path()); err == nil {
			return filepath.Dir(abs) // never "." for a board opened by a relative path
		}
		return filepath.Dir(w.file.Path())
	}
	if d := w.app.Preferences().String("saveFolder"); d != "" {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}

// checkTarget hands path to then if nothing is there, or if something is,
// replace is true and the user says to replace it; otherwise it says why
// not and shows the picker again (again).
func (w *boardWindow) checkTarget(path string, replace bool, then func(string), again func()) {
	refuse := func(msg string) {
		e := dialog.NewError(errors.New(msg), w.win)
		e.SetOnClosed(again)
		e.Show()
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		then(path)
	case err != nil:
		refuse(fmt.Sprintf("%s cannot be used: %v", path, err))
	case fi.IsDir():
		refuse(path + " is a folder: choose another name.")
	case w.file != nil && sameFile(path, w.file.Path()):
		refuse(path + " already exists: it is the board open in this window. Choose another name.")
	case !replace:
		refuse(path + " already exists. A board file is never written over from here: choose another name.")
	default:
		w.ask("Replace?", filepath.Base(path)+" already exists in "+filepath.Dir(path)+
			".\n\nReplace it? It is kept as it is until the new file is written whole.", "Replace", func(ok bool) {
			if ok {
				then(path)
			} else {
				again()
			}
		})
	}
}

func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

func (w *boardWindow) newBoard() {
	w.saveTarget("New board", "New board", ".evboard", false, func(path string) {
		f, err := w.files.Create(path, app.Board{Title: strings.TrimSuffix(filepath.Base(path), ".evboard")})
		if err != nil {
			w.showError(err)
			return
		}
		if err := w.setFile(f); err != nil {
			w.showError(err)
		}
	})
}

func (w *boardWindow) saveCopy() {
	if w.file == nil {
		return
	}
	w.insp.flush()
	base := strings.TrimSuffix(filepath.Base(w.file.Path()), ".evboard")
	file := w.file
	w.saveTarget("Save a copy", base+" copy", ".evboard", false, func(path string) {
		w.background("Saving a copy…", func(func(float64)) (string, error) {
			return "Saved a copy to " + path, file.SaveCopy(w.ctx, path)
		})
	})
}

// importJSON makes a new board file from an interchange document and
// opens it, all or nothing.
func (w *boardWindow) importJSON() {
	w.pickFile(".json", func(r fyne.URIReadCloser) {
		data, err := io.ReadAll(io.LimitReader(r, app.MaxDocumentBytes+1))
		r.Close()
		if err != nil {
			w.showError(err)
			return
		}
		doc, warnings, err := app.ParseDocument(data)
		if err != nil {
			w.showError(err)
			return
		}
		name := strings.TrimSuffix(filepath.Base(r.URI().Path()), filepath.Ext(r.URI().Path()))
		w.saveTarget("Import as a new board", name, ".evboard", false, func(path string) {
			w.background("Importing…", func(func(float64)) (string, error) {
				if err := w.files.Import(path, doc, false); err != nil {
					return "", err
				}
				do(func() { w.openPath(path) })
				msg := fmt.Sprintf("Imported %d claims, %d quotes, %d parties and %d sources.", len(doc.Claims), len(doc.Quotes), len(doc.Parties), len(doc.Sources))
				if len(warnings) > 0 {
					msg += fmt.Sprintf("\n\n%s ignored, such as %s.", plural(len(warnings), "unknown field was", "unknown fields were"), warnings[0])
				}
				return msg, nil
			})
		})
	}).Show()
}

// export writes the board in a format, away from the window's goroutine,
// whole or not at all.
func (w *boardWindow) export(f ExportFormat) {
	if w.file == nil {
		return
	}
	w.insp.flush()
	base := strings.TrimSuffix(filepath.Base(w.file.Path()), ".evboard")
	file := w.file
	w.saveTarget("Export", base, f.Ext, true, func(path string) {
		w.background("Exporting…", func(progress func(float64)) (string, error) {
			doc, err := file.Export(w.ctx)
			if err != nil {
				return "", err
			}
			var warnings []string
			ctx := withProgress(w.ctx, progress)
			err = app.WriteFileAtomic(path, func(out io.Writer) error {
				return f.Write(ctx, out, doc, ExportOptions{InTurns: true, Warn: func(s string) { warnings = append(warnings, s) }})
			})
			if err == nil && len(warnings) > 0 {
				do(func() {
					w.inform("Exported, with notes", "Exported to "+path+".\n\n"+strings.Join(warnings, "\n\n"), nil)
				})
			}
			return "Exported to " + path, err
		})
	})
}

// jobs holds, for each window, the title of the background work it is
// doing: one at a time, so that a second backup or export cannot start
// while one runs.
var jobs sync.Map // *boardWindow → string

// startJob marks w busy with title, or says what it is busy with and
// returns false. Call it on the window's goroutine.
func (w *boardWindow) startJob(title string) bool {
	if what, busy := jobs.LoadOrStore(w, title); busy {
		w.sayBusy(what.(string))
		return false
	}
	return true
}

// busy says what w is busy with, if it is, and returns true.
func (w *boardWindow) busy() bool {
	if what, busy := jobs.Load(w); busy {
		w.sayBusy(what.(string))
		return true
	}
	return false
}

func (w *boardWindow) sayBusy(what string) {
	w.status.SetText(strings.TrimSuffix(what, "…") + " is under way: wait for it to finish, then try again.")
}

func (w *boardWindow) endJob() { jobs.Delete(w) }

// background runs work off the window's goroutine behind a progress
// dialog, one piece of work at a time; the window stays responsive and
// hears back through fyne.Do. work may report how far it has got, from 0
// to 1, through progress; until it does the bar just moves. Returns false
// if other work was under way, and nothing was started.
func (w *boardWindow) background(title string, work func(progress func(float64)) (string, error)) bool {
	if !w.startJob(title) {
		return false
	}
	moving := widget.NewProgressBarInfinite()
	bar := widget.NewProgressBar()
	bar.Hide()
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(moving, bar), w.win)
	d.Resize(fyne.NewSize(360, d.MinSize().Height))
	d.Show()
	var shown atomic.Int64
	shown.Store(-1)
	progress := func(f float64) {
		pc := int64(math.Round(100 * max(0, min(1, f))))
		if shown.Swap(pc) == pc {
			return // no change worth a turn of the window's goroutine
		}
		do(func() {
			if moving.Visible() {
				moving.Stop()
				moving.Hide()
				bar.Show()
			}
			bar.SetValue(float64(pc) / 100)
		})
	}
	go func() {
		msg, err := work(progress)
		do(func() {
			w.endJob()
			moving.Stop()
			d.Hide()
			if err != nil {
				w.showError(err)
				return
			}
			if msg != "" {
				w.status.SetText(msg)
			}
		})
	}()
	return true
}

// quietly runs work off the window's goroutine like background, one piece
// of work at a time, but says so on the status line only: for work the
// user did not ask for, such as the rolling backups.
func (w *boardWindow) quietly(title string, work func() (string, error)) bool {
	if _, busy := jobs.LoadOrStore(w, title); busy {
		return false
	}
	w.status.SetText(title)
	go func() {
		msg, err := work()
		do(func() {
			w.endJob()
			if err != nil {
				w.status.SetText(msg + ": " + app.ErrorMessage(err))
				return
			}
			w.status.SetText(msg)
		})
	}()
	return true
}

type progressKey struct{}

// withProgress gives an export format's write a way to say how far it has
// got (see progressOf).
func withProgress(ctx context.Context, f func(float64)) context.Context {
	return context.WithValue(ctx, progressKey{}, f)
}

func progressOf(ctx context.Context) func(float64) {
	if f, ok := ctx.Value(progressKey{}).(func(float64)); ok && f != nil {
		return f
	}
	return func(float64) {}
}

func (w *boardWindow) closeBoard() {
	if w.file == nil {
		return
	}
	w.insp.flush()
	w.closeSourceViews()
	w.file.Close()
	w.file, w.model = nil, newBoardModel(&app.Document{})
	w.board.setModel(w.model, true)
	w.nav.setModel(w.model)
	w.insp.show("")
	w.exercise.refresh()
	w.win.SetTitle("Evidence Board")
	w.status.SetText("No board open: use File ▸ Open, New Board or Open Recent.")
	w.empty.Hide()
}

func (w *boardWindow) recent() []string {
	return w.app.Preferences().StringList("recent")
}

func (w *boardWindow) addRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, p := range w.recent() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	w.app.Preferences().SetStringList("recent", list)
	w.refreshRecent()
}

func (w *boardWindow) refreshRecent() {
	w.recentMenu.Items = nil
	for _, p := range w.recent() {
		p := p
		w.recentMenu.Items = append(w.recentMenu.Items, &fyne.MenuItem{Label: p, Action: func() { w.openPath(p) }})
	}
	if len(w.recentMenu.Items) == 0 {
		w.recentMenu.Items = []*fyne.MenuItem{{Label: "No recent boards", Disabled: true}}
	}
	w.mainMenu.Refresh()
}

// uiQueue, when a test sets it, stands for the window's goroutine: do and
// doAndWait hand it their functions, and the test runs them.
var uiQueue atomic.Pointer[chan func()]

// do runs f on the window's goroutine, later; fyne.Do.
func do(f func()) {
	if q := uiQueue.Load(); q != nil {
		*q <- f
		return
	}
	fyne.Do(f)
}

// doAndWait runs f on the window's goroutine and waits; fyne.DoAndWait.
func doAndWait(f func()) {
	if q := uiQueue.Load(); q != nil {
		done := make(chan struct{})
		*q <- func() { defer close(done); f() }
		<-done
		return
	}
	fyne.DoAndWait(f)
}
