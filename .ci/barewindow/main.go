// Command barewindow is the yardstick for .ci/measure-open: a bare Fyne
// window of the same size as Evidence Board's, traced the same way.
package main

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/ui"
)

func main() {
	a := fyneapp.NewWithID("org.evidenceboard.barewindow")
	a.Lifecycle().SetOnStarted(ui.TraceStartup(a))
	w := a.NewWindow("Bare window")
	w.SetContent(widget.NewLabel("A bare Fyne window"))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
