package ui

import (
	"bufio"
	"compress/zlib"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"

	"evidenceboard/app"
)

// renderPNGInTurns is RenderPNG for the window, whose goroutine must not
// be held for the whole of a big board: each band of the image is drawn in
// a turn of its own on the window's goroutine (doAndWait), where Fyne's
// widgets live and where the theme may be switched to the image's without
// the window seeing it, and the band is encoded and written on the calling
// goroutine, which must not be the window's. progress, if not nil, hears
// how much is done, from 0 to 1. It stops between bands when ctx is done.
func renderPNGInTurns(ctx context.Context, w io.Writer, doc *app.Document, opts RenderOptions, progress func(float64)) error {
	if opts.Scale <= 0 {
		opts.Scale = 1
	}
	if opts.Scale > 4 {
		return app.Errorf(app.EINVALID, "a scale of %g is too large (at most 4)", opts.Scale)
	}
	if progress == nil {
		progress = func(float64) {}
	}
	m, region, width, height, err := renderPlan(doc, opts)
	if err != nil {
		return err
	}
	out, err := newPNGStream(w, width, height)
	if err != nil {
		return err
	}
	variant := themeLight
	if opts.Dark {
		variant = themeDark
	}
	var b *boardCanvas
	var c interface {
		Resize(fyne.Size)
		Capture() image.Image
	}
	for top := 0; top < height; top += renderBand {
		if err := ctx.Err(); err != nil {
			return err
		}
		rows := min(renderBand, height-top)
		var img image.Image
		doAndWait(func() {
			renderVariant = variant
			defer func() { renderVariant = "" }()
			if b == nil {
				b = newBoardCanvas()
				b.model = m
				b.zoom = opts.Scale
				sc := software.NewCanvas()
				sc.SetPadded(false)
				sc.SetContent(b)
				c = sc
			}
			b.offset = fyne.NewPos(float32(region.Min.X), float32(region.Min.Y)+float32(top)/opts.Scale)
			c.Resize(fyne.NewSize(float32(width), float32(rows)))
			b.relayout()
			img = c.Capture()
		})
		if img.Bounds().Dx() < width || img.Bounds().Dy() < rows {
			return fmt.Errorf("the renderer drew %v, not %d×%d", img.Bounds().Size(), width, rows)
		}
		if err := out.writeRows(subImage(img, width, rows)); err != nil {
			return err
		}
		progress(float64(top+rows) / float64(height))
	}
	return out.close()
}

// pngStream writes an RGBA PNG row band by row band, so an image larger
// than memory can be written: image/png needs the whole image at once.
type pngStream struct {
	w      *bufio.Writer
	width  int
	idat   *chunkWriter
	z      *zlib.Writer
	row    []byte
	height int
	done   int
}

func newPNGStream(w io.Writer, width, height int) (*pngStream, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	if _, err := bw.WriteString("\x89PNG\r\n\x1a\n"); err != nil {
		return nil, err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 6 // 8 bits, RGBA; compression, filter, interlace 0
	if err := writeChunk(bw, "IHDR", ihdr[:]); err != nil {
		return nil, err
	}
	idat := &chunkWriter{w: bw}
	z, _ := zlib.NewWriterLevel(idat, zlib.BestSpeed)
	return &pngStream{w: bw, width: width, height: height, idat: idat, z: z, row: make([]byte, 1+4*width)}, nil
}

// writeRows appends the rows of img (its width must be the stream's).
func (p *pngStream) writeRows(img image.Image) error {
	b := img.Bounds()
	rgba, _ := img.(*image.NRGBA)
	for y := b.Min.Y; y < b.Max.Y && p.done < p.height; y++ {
		p.row[0] = 0 // no filter
		for x := 0; x < p.width; x++ {
			i := 1 + 4*x
			if rgba != nil {
				o := rgba.PixOffset(b.Min.X+x, y)
				copy(p.row[i:i+4], rgba.Pix[o:o+4])
				continue
			}
			r, g, bl, a := img.At(b.Min.X+x, y).RGBA()
			if a != 0 && a != 0xffff { // un-premultiply
				r, g, bl = r*0xffff/a, g*0xffff/a, bl*0xffff/a
			}
			p.row[i], p.row[i+1], p.row[i+2], p.row[i+3] = byte(r>>8), byte(g>>8), byte(bl>>8), byte(a>>8)
		}
		if _, err := p.z.Write(p.row); err != nil {
			return err
		}
		p.done++
	}
	return nil
}

func (p *pngStream) close() error {
	if err := p.z.Close(); err != nil {
		return err
	}
	if err := p.idat.flush(); err != nil {
		return err
	}
	if err := writeChunk(p.w, "IEND", nil); err != nil {
		return err
	}
	return p.w.Flush()
}

// chunkWriter cuts the zlib stream into IDAT chunks of up to 256 KiB.
type chunkWriter struct {
	w   io.Writer
	buf []byte
}

func (c *chunkWriter) Write(b []byte) (int, error) {
	c.buf = append(c.buf, b...)
	if len(c.buf) >= 1<<18 {
		return len(b), c.flush()
	}
	return len(b), nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	err := writeChunk(c.w, "IDAT", c.buf)
	c.buf = c.buf[:0]
	return err
}

func writeChunk(w io.Writer, kind string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], kind)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, b := range [][]byte{head[:], data, tail[:]} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}
