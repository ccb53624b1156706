package ui

import (
	"bytes"
	"fmt"
	"image"
	"io"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"

	"evidenceboard/app"
)

// RenderOptions says what part of the board to draw and how large.
type RenderOptions struct {
	// Scale is pixels per board unit; 1 draws the board as at 100 % zoom.
	Scale float32
	// Region is the part of the board to draw, in board units; the zero
	// value draws every card with a margin.
	Region image.Rectangle
	// Dark draws the board in the dark theme.
	Dark bool
}

// Image limits: a board image has at most MaxRenderPixels pixels; it is
// drawn in bands of renderBand rows, so memory stays bounded.
const (
	MaxRenderPixels = 200_000_000
	renderBand      = 256
)

// RenderPNG draws the board as the window does, with no display, through
// Fyne's software renderer, and writes it to w as PNG. It needs no window:
// with no Fyne app running (the command line) it starts a headless one.
// Call it from the goroutine that owns the Fyne app, if one runs.
func RenderPNG(w io.Writer, doc *app.Document, opts RenderOptions) error {
	if opts.Scale <= 0 {
		opts.Scale = 1
	}
	if opts.Scale > 4 {
		return app.Errorf(app.EINVALID, "a scale of %g is too large (at most 4)", opts.Scale)
	}
	if fyne.CurrentApp() == nil {
		test.NewApp()
	}
	// The board's colours follow renderVariant, not the app's theme: the
	// image looks the same whatever the window shows.
	renderVariant = themeLight
	if opts.Dark {
		renderVariant = themeDark
	}
	defer func() { renderVariant = "" }()

	m, region, width, height, err := renderPlan(doc, opts)
	if err != nil {
		return err
	}
	out, err := newPNGStream(w, width, height)
	if err != nil {
		return err
	}
	b := newBoardCanvas()
	b.model = m
	b.zoom = opts.Scale
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetContent(b)
	for top := 0; top < height; top += renderBand {
		rows := min(renderBand, height-top)
		b.offset = fyne.NewPos(float32(region.Min.X), float32(region.Min.Y)+float32(top)/opts.Scale)
		c.Resize(fyne.NewSize(float32(width), float32(rows)))
		b.relayout()
		img := c.Capture()
		if img.Bounds().Dx() < width || img.Bounds().Dy() < rows {
			return fmt.Errorf("the renderer drew %v, not %d×%d", img.Bounds().Size(), width, rows)
		}
		if err := out.writeRows(image.Image(subImage(img, width, rows))); err != nil {
			return err
		}
	}
	return out.close()
}

// renderPlan reads doc for drawing at opts and works out the region drawn
// (opts.Region, or the whole board with a margin) and the image's size in
// pixels, refusing an empty region or an image over MaxRenderPixels.
func renderPlan(doc *app.Document, opts RenderOptions) (m *boardModel, region image.Rectangle, width, height int, err error) {
	m = newBoardModel(doc)
	region = opts.Region
	if region.Empty() {
		region = image.Rect(0, 0, 400, 300)
		if len(m.pos) > 0 {
			lo, hi := m.bounds()
			region = image.Rect(int(math.Floor(float64(lo.X)))-40, int(math.Floor(float64(lo.Y)))-40,
				int(math.Ceil(float64(hi.X)))+40, int(math.Ceil(float64(hi.Y)))+40)
		}
	}
	width = int(math.Ceil(float64(region.Dx()) * float64(opts.Scale)))
	height = int(math.Ceil(float64(region.Dy()) * float64(opts.Scale)))
	if width <= 0 || height <= 0 {
		return nil, region, 0, 0, app.Errorf(app.EINVALID, "the region to draw is empty")
	}
	if int64(width)*int64(height) > MaxRenderPixels {
		return nil, region, 0, 0, app.Errorf(app.EINVALID, "the image would be %d×%d pixels, over the limit of %d million: choose a smaller scale or a region", width, height, MaxRenderPixels/1_000_000)
	}
	return m, region, width, height, nil
}

// subImage crops the capture to the band's size.
func subImage(img image.Image, w, h int) image.Image {
	type sub interface {
		SubImage(image.Rectangle) image.Image
	}
	r := image.Rect(img.Bounds().Min.X, img.Bounds().Min.Y, img.Bounds().Min.X+w, img.Bounds().Min.Y+h)
	if s, ok := img.(sub); ok {
		return s.SubImage(r)
	}
	return img
}

// previewPixels bounds the board image embedded in reports.
const previewPixels = 6_000_000

// fitScale returns the largest scale up to most at which the whole board
// takes at most pixels pixels.
func fitScale(doc *app.Document, most float32, pixels float64) float32 {
	m := newBoardModel(doc)
	if len(m.pos) == 0 {
		return most
	}
	lo, hi := m.bounds()
	area := float64(hi.X-lo.X+80) * float64(hi.Y-lo.Y+80)
	return float32(max(0.01, min(float64(most), math.Sqrt(pixels/area))))
}

// PreviewPNG draws the whole board small enough to embed in a report: at
// most 0.6 of its size and previewPixels pixels.
func PreviewPNG(doc *app.Document) ([]byte, error) {
	var buf bytes.Buffer
	if err := RenderPNG(&buf, doc, RenderOptions{Scale: fitScale(doc, 0.6, previewPixels)}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
