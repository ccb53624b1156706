package ui

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestRenderPNG(t *testing.T) {
	test.NewTempApp(t)
	var buf bytes.Buffer
	if err := RenderPNG(&buf, sampleDoc(t), RenderOptions{Scale: 0.5}); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	// The whole sample, plus a margin of 40 board units each side.
	lo, hi := newBoardModel(sampleDoc(t)).bounds()
	wantW := int(math.Ceil(float64(math.Ceil(float64(hi.X))-math.Floor(float64(lo.X))+80) * 0.5))
	wantH := int(math.Ceil(float64(math.Ceil(float64(hi.Y))-math.Floor(float64(lo.Y))+80) * 0.5))
	if s := img.Bounds().Size(); s.X != wantW || s.Y != wantH {
		t.Fatalf("size = %v, want %dx%d", s, wantW, wantH)
	}
	// Not blank: the cork and the cards differ.
	colors := map[[4]uint32]bool{}
	for y := 0; y < s(img).Y; y += 37 {
		for x := 0; x < s(img).X; x += 41 {
			r, g, b, a := img.At(x, y).RGBA()
			colors[[4]uint32{r >> 8, g >> 8, b >> 8, a >> 8}] = true
		}
	}
	if len(colors) < 5 {
		t.Fatalf("%d colours: the image is blank", len(colors))
	}

	buf.Reset()
	if err := RenderPNG(&buf, sampleDoc(t), RenderOptions{Scale: 1, Region: image.Rect(1000, 0, 1400, 300)}); err != nil {
		t.Fatal(err)
	}
	if img, err := png.Decode(&buf); err != nil || img.Bounds().Dx() != 400 || img.Bounds().Dy() != 300 {
		t.Fatalf("region: %v %v", img.Bounds(), err)
	}
	if err := RenderPNG(&buf, sampleDoc(t), RenderOptions{Scale: 4, Region: image.Rect(0, 0, 100000, 100000)}); err == nil {
		t.Fatal("an image over the pixel limit was drawn")
	}
}

func s(img image.Image) image.Point { return img.Bounds().Size() }

func TestFitScale(t *testing.T) {
	test.NewTempApp(t)
	doc := gridBoard(10000) // about 32,000 × 19,000 board units
	s := fitScale(doc, 1, MaxRenderPixels/2)
	lo, hi := newBoardModel(doc).bounds()
	px := float64((hi.X-lo.X+80)*s) * float64((hi.Y-lo.Y+80)*s)
	if s >= 1 || px > MaxRenderPixels/2*1.01 {
		t.Fatalf("scale %v gives %.0f pixels", s, px)
	}
	if got := fitScale(sampleDoc(t), 1, MaxRenderPixels/2); got != 1 {
		t.Fatalf("the sample fits at full size, got scale %v", got)
	}
}
