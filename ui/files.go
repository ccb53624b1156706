package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
	"evidenceboard/app/report"
)

const maxRecent = 8

// exportFormat is one way to write the board out.
type exportFormat struct {
	name, ext, label string
	write            func(ctx context.Context, w io.Writer, doc *app.Document, warn func(string)) error
}

// exportFormats lists what Export offers: the interchange JSON, every
// report, and an image of the board. write runs off the window's
// goroutine; drawing the board is done on it, through fyne.DoAndWait.
var exportFormats = func() []exportFormat {
	fs := []exportFormat{{name: "json", ext: ".json", label: "Interchange JSON…", write: func(_ context.Context, w io.Writer, doc *app.Document, _ func(string)) error {
		return app.WriteDocumentJSON(w, doc)
	}}}
	for _, f := range report.Formats {
		f := f
		fs = append(fs, exportFormat{name: f.Name, ext: f.Ext, label: f.Description + "…", write: func(_ context.Context, w io.Writer, doc *app.Document, warn func(string)) error {
			opts := report.Options{Generated: report.GeneratedTime(time.Now), Warn: warn}
			if f.Name == "html" || f.Name == "pdf" {
				var err error
				fyne.DoAndWait(func() { opts.BoardImage, err = PreviewPNG(doc) })
				if err != nil {
					return err
				}
			}
			return f.Write(w, doc, opts)
		}})
	}
	return append(fs, exportFormat{name: "png", ext: ".png", label: "Image of the board (PNG)…", write: func(_ context.Context, w io.Writer, doc *app.Document, _ func(string)) error {
		var err error
		fyne.DoAndWait(func() { err = RenderPNG(w, doc, RenderOptions{Scale: fitScale(doc, 1, MaxRenderPixels/2)}) })
		return err
	}})
}()

func (w *boardWindow) exportItems() []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, f := range exportFormats {
		f := f
		sc := fyne.Shortcut(nil)
		if f.name == "json" {
			sc = ctrl(fyne.KeyE)
		}
		items = append(items, &fyne.MenuItem{Label: f.label, Shortcut: sc, Action: func() { w.export(f) }})
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

// saveTarget asks where to write a new file, suggesting a name.
func (w *boardWindow) saveTarget(name, ext string, then func(path string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError(err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		// The dialog made an empty file; the real one is written whole
		// by the caller, through a temporary file.
		if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
			os.Remove(path)
		}
		if !strings.HasSuffix(strings.ToLower(path), ext) {
			path += ext
		}
		then(path)
	}, w.win)
	d.SetFileName(name + ext)
	w.startIn(d)
	d.Show()
}

func (w *boardWindow) newBoard() {
	w.saveTarget("New board", ".evboard", func(path string) {
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
	w.saveTarget(base+" copy", ".evboard", func(path string) {
		w.background("Saving a copy…", func() (string, error) {
			return "Saved a copy to " + path, w.file.SaveCopy(w.ctx, path)
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
		w.saveTarget(name, ".evboard", func(path string) {
			w.background("Importing…", func() (string, error) {
				if err := w.files.Import(path, doc, false); err != nil {
					return "", err
				}
				fyne.Do(func() { w.openPath(path) })
				msg := fmt.Sprintf("Imported %d claims, %d quotes, %d parties and %d sources.", len(doc.Claims), len(doc.Quotes), len(doc.Parties), len(doc.Sources))
				if len(warnings) > 0 {
					msg += fmt.Sprintf("\n\n%d unknown field(s) were ignored, such as %s.", len(warnings), warnings[0])
				}
				return msg, nil
			})
		})
	}).Show()
}

// export writes the board in a format, away from the window's goroutine,
// whole or not at all.
func (w *boardWindow) export(f exportFormat) {
	if w.file == nil {
		return
	}
	w.insp.flush()
	base := strings.TrimSuffix(filepath.Base(w.file.Path()), ".evboard")
	w.saveTarget(base, f.ext, func(path string) {
		file := w.file
		w.background("Exporting…", func() (string, error) {
			doc, err := file.Export(w.ctx)
			if err != nil {
				return "", err
			}
			var warnings []string
			err = app.WriteFileAtomic(path, func(out io.Writer) error {
				return f.write(w.ctx, out, doc, func(s string) { warnings = append(warnings, s) })
			})
			if err == nil && len(warnings) > 0 {
				fyne.Do(func() {
					dialog.ShowInformation("Exported, with notes", "Exported to "+path+".\n\n"+strings.Join(warnings, "\n\n"), w.win)
				})
			}
			return "Exported to " + path, err
		})
	})
}

// background runs work off the window's goroutine behind a progress
// dialog; the window stays responsive and hears back through fyne.Do.
func (w *boardWindow) background(title string, work func() (string, error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, bar, w.win)
	d.Show()
	start := time.Now()
	go func() {
		msg, err := work()
		fyne.Do(func() {
			d.Hide()
			if err != nil {
				w.showError(err)
				return
			}
			if time.Since(start) > 0 && msg != "" {
				w.status.SetText(msg)
			}
		})
	}()
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
