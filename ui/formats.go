package ui

import (
	"bytes"
	"context"
	"io"
	"time"

	"evidenceboard/app"
	"evidenceboard/app/report"
)

// ExportFormat is one way to write a board out. ExportFormats is the one
// list of them: the window's Export menu and the command line's export
// both offer exactly these.
type ExportFormat struct {
	Name  string // as the command line's --format names it
	Ext   string // the file name's ending, with its dot
	Label string // as the Export menu says it
	// Write writes doc to w. In the window it runs off the window's
	// goroutine (InTurns): drawing the board is done on that goroutine a
	// band at a time, through fyne.DoAndWait.
	Write func(ctx context.Context, w io.Writer, doc *app.Document, opts ExportOptions) error
}

// ExportOptions are the choices an export takes; the zero value is the
// window's defaults.
type ExportOptions struct {
	// Paper is the PDF report's paper size, A4 (the default) or Letter.
	Paper string
	// PNG is how the image of the board is drawn; a zero Scale fits the
	// whole board at up to full size.
	PNG RenderOptions
	// Warn hears what a format could not carry, such as a claim with no
	// verdict in ClaimReview.
	Warn func(string)
	// InTurns draws the board through the window's goroutine, a band at a
	// time, so that the window stays responsive; without it the board is
	// drawn on the calling goroutine, as the command line does.
	InTurns bool
}

// ExportFormats lists every format: the interchange JSON, every report,
// and an image of the board.
var ExportFormats = func() []ExportFormat {
	fs := []ExportFormat{{Name: "json", Ext: ".json", Label: "Interchange JSON", Write: func(_ context.Context, w io.Writer, doc *app.Document, _ ExportOptions) error {
		return app.WriteDocumentJSON(w, doc)
	}}}
	for _, f := range report.Formats {
		f := f
		fs = append(fs, ExportFormat{Name: f.Name, Ext: f.Ext, Label: f.Description, Write: func(ctx context.Context, w io.Writer, doc *app.Document, o ExportOptions) error {
			opts := report.Options{Generated: report.GeneratedTime(time.Now), Paper: o.Paper, Warn: o.Warn}
			if opts.Paper == "" {
				opts.Paper = "A4"
			}
			if f.Name == "html" || f.Name == "pdf" {
				var img bytes.Buffer
				if err := drawPNG(ctx, &img, doc, RenderOptions{Scale: fitScale(doc, 0.6, previewPixels)}, o.InTurns, nil); err != nil {
					return err
				}
				opts.BoardImage = img.Bytes()
			}
			return f.Write(w, doc, opts)
		}})
	}
	return append(fs, ExportFormat{Name: "png", Ext: ".png", Label: "Image of the board (PNG)", Write: func(ctx context.Context, w io.Writer, doc *app.Document, o ExportOptions) error {
		ro := o.PNG
		if ro.Scale == 0 {
			ro.Scale = fitScale(doc, 1, MaxRenderPixels/2)
		}
		return drawPNG(ctx, w, doc, ro, o.InTurns, progressOf(ctx))
	}})
}()

// LookupFormat returns the format named name.
func LookupFormat(name string) (ExportFormat, bool) {
	for _, f := range ExportFormats {
		if f.Name == name {
			return f, true
		}
	}
	return ExportFormat{}, false
}

// drawPNG draws the board as a PNG, in turns of the window's goroutine
// (telling progress how far it is, if set) or on this one.
func drawPNG(ctx context.Context, w io.Writer, doc *app.Document, opts RenderOptions, inTurns bool, progress func(float64)) error {
	if inTurns {
		return renderPNGInTurns(ctx, w, doc, opts, progress)
	}
	return RenderPNG(w, doc, opts)
}
