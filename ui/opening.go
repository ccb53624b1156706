package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// openingNotice says, over the board, which board is being read while it
// is read: the window shows at once and the board follows.
type openingNotice struct {
	box   *fyne.Container
	label *widget.Label
	bar   *widget.ProgressBarInfinite
}

func newOpeningNotice() *openingNotice {
	n := &openingNotice{label: &widget.Label{Alignment: fyne.TextAlignCenter}, bar: widget.NewProgressBarInfinite()}
	n.bar.Stop()
	box := container.NewVBox(n.label, n.bar)
	n.box = container.NewCenter(container.NewGridWrap(fyne.NewSize(360, 80), box))
	n.box.Hide()
	return n
}

// start shows the notice for the board at path.
func (n *openingNotice) start(path string) {
	n.label.SetText("Opening " + filepath.Base(path) + "…")
	n.bar.Start()
	n.box.Show()
}

// stop hides the notice.
func (n *openingNotice) stop() {
	n.bar.Stop()
	n.box.Hide()
}
