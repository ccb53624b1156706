// Command barewindow is the yardstick for .ci/measure-open: a bare Fyne
// window of the same size as Evidence Board's, traced the same way. With
// -cards N it also draws N static cards of prose (a badge, six lines and a
// footer each, as the board draws a quote at its opening zoom) with no
// data behind them: what Fyne alone costs to show a board's worth of text.
package main

import (
	"flag"
	"image/color"
	"math/rand"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/ui"
)

func main() {
	cards := flag.Int("cards", 0, "static cards of text to draw")
	mixed := flag.Bool("mixed", false, "cards of text in many scripts, as the mixed board's")
	flag.Parse()
	a := fyneapp.NewWithID("org.evidenceboard.barewindow")
	a.Lifecycle().SetOnStarted(ui.TraceStartup(a))
	w := a.NewWindow("Bare window")
	if *cards == 0 {
		w.SetContent(widget.NewLabel("A bare Fyne window"))
	} else {
		w.SetContent(staticCards(*cards, *mixed))
	}
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}

// staticCards lays out n cards of 280×150 board units at zoom 0.55.
func staticCards(n int, mixed bool) fyne.CanvasObject {
	const z = 0.55
	words := strings.Fields("the company said servers chips were never found and officials denied any " +
		"report of hardware implanted by a supplier while sources familiar with the investigation disagreed")
	if mixed {
		words = append(words, strings.Fields("的一是 不了人 العربية مرحبا ёжзий клмн αβγδε 🍎🔥 👩‍💻 é̃ 中国大来")...)
	}
	r := rand.New(rand.NewSource(1))
	line := func(k int) string {
		s := make([]string, k)
		for i := range s {
			s[i] = words[r.Intn(len(words))]
		}
		return strings.Join(s, " ")
	}
	var objs []fyne.CanvasObject
	for i := 0; i < n; i++ {
		x, y := float32(i%8)*(280+40)*z, float32(i/8)*(150+40)*z
		face := canvas.NewRectangle(color.NRGBA{R: 0xff, G: 0xfd, B: 0xf5, A: 0xff})
		face.Move(fyne.NewPos(x, y))
		face.Resize(fyne.NewSize(280*z, 150*z))
		objs = append(objs, face)
		badge := &canvas.Text{Text: "DENIED", TextSize: 11 * z, TextStyle: fyne.TextStyle{Bold: true}}
		badge.Move(fyne.NewPos(x+10*z, y+10*z))
		objs = append(objs, badge)
		for l := 0; l < 6; l++ {
			t := &canvas.Text{Text: line(6), TextSize: 13 * z, Color: color.Black}
			t.Move(fyne.NewPos(x+14*z, y+(30+float32(l)*16)*z))
			objs = append(objs, t)
		}
		foot := &canvas.Text{Text: "— " + line(3), TextSize: 11 * z, Color: color.Gray{Y: 0x66}}
		foot.Move(fyne.NewPos(x+14*z, y+132*z))
		objs = append(objs, foot)
	}
	return container.NewWithoutLayout(objs...)
}
