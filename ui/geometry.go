package ui

import (
	"encoding/json"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2"

	"evidenceboard/app"
)

// geometryEnv names a file that, when set, the window rewrites a few times
// a second with where its cards and inspector fields are, in the window's
// pixels. The end-to-end test (main_e2e_test.go), which drives the real
// window with xdotool, reads it to know where to click; nothing else does.
const geometryEnv = "EVB_GEOMETRY_FILE"

// geometry is what the file holds. Rectangles are [x, y, width, height].
type geometry struct {
	Board    string                `json:"board"`
	Selected string                `json:"selected"`
	Dialog   bool                  `json:"dialog"` // a dialog is up
	View     [4]float32            `json:"view"`   // the board's part of the window
	Cards    map[string][4]float32 `json:"cards"`
	Fields   map[string][4]float32 `json:"fields"` // the inspector's
}

// watchGeometry starts rewriting the geometry file, if one is asked for.
func (w *boardWindow) watchGeometry() {
	path := os.Getenv(geometryEnv)
	if path == "" {
		return
	}
	go func() {
		for range time.Tick(150 * time.Millisecond) {
			// Once the window is quitting, nothing more is asked of the
			// event loop: a call queued on it as it stops would never end.
			if w.quitting.Load() {
				return
			}
			var g geometry
			fyne.DoAndWait(func() {
				if !w.quitting.Load() {
					g = w.geometry()
				}
			})
			if w.quitting.Load() {
				return
			}
			data, err := json.Marshal(g)
			if err == nil {
				_ = app.WriteFileAtomic(path, func(f io.Writer) error { _, err := f.Write(data); return err })
			}
		}
	}()
}

// geometry reads where things are now; it runs on the main goroutine.
func (w *boardWindow) geometry() geometry {
	g := geometry{Selected: w.board.selected, Cards: map[string][4]float32{}, Fields: map[string][4]float32{}}
	if w.file != nil {
		g.Board = w.file.Path()
	}
	g.Dialog = w.win.Canvas().Overlays().Top() != nil
	scale := w.win.Canvas().Scale()
	rect := func(o fyne.CanvasObject) [4]float32 {
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		s := o.Size()
		return [4]float32{p.X * scale, p.Y * scale, s.Width * scale, s.Height * scale}
	}
	g.View = rect(w.board)
	if r := w.board.renderer; r != nil {
		for id, c := range r.byID {
			if c.Visible() {
				g.Cards[id] = rect(c)
			}
		}
	}
	for name, e := range w.insp.fields {
		if e.Visible() {
			g.Fields[name] = rect(e)
		}
	}
	for name, o := range w.insp.named() {
		if o.Visible() {
			g.Fields[name] = rect(o)
		}
	}
	return g
}
