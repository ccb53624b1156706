package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// navRow is one row of a navigator list: the item's text on one line and
// under it an optional status badge and a detail. Its texts are plain
// canvas texts cut to the row's width by the cached widths of their runes
// (fitRow): a label would shape each text several times over, and binding
// the rows in view is most of the work of a keystroke in the search box.
type navRow struct {
	widget.BaseWidget
	badgeBox  *canvas.Rectangle
	badgeText *canvas.Text
	text      *canvas.Text
	detail    *canvas.Text
	full      [2]string // the texts before they were cut to fit
}

// rowWords measures row text for every list: the rows of all lists share
// their words and, mostly, their runes. lineHeights holds the height of a
// line of text by size.
var (
	rowWords    = wordWidths{}
	lineHeights = map[float32]float32{}
)

func newNavRow() fyne.CanvasObject {
	r := &navRow{
		badgeBox:  &canvas.Rectangle{CornerRadius: 3},
		badgeText: &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}, Color: color.White, TextSize: 10},
		text:      &canvas.Text{},
		detail:    &canvas.Text{},
	}
	r.ExtendBaseWidget(r)
	return r
}

func (r *navRow) CreateRenderer() fyne.WidgetRenderer { return &navRowRenderer{r: r} }

func (r *navRow) set(badge string, badgeColor color.Color, text, detail string) {
	r.badgeBox.Hidden, r.badgeText.Hidden = badge == "", badge == ""
	r.badgeText.Text, r.badgeBox.FillColor = badge, badgeColor
	r.full = [2]string{strings.Join(strings.Fields(text), " "), detail}
	r.Refresh()
}

type navRowRenderer struct{ r *navRow }

func (n *navRowRenderer) Destroy() {}

func (n *navRowRenderer) Objects() []fyne.CanvasObject {
	r := n.r
	return []fyne.CanvasObject{r.text, r.badgeBox, r.badgeText, r.detail}
}

// MinSize is a line of text over a line of badge and detail, with the
// padding a label has; its width is the list's to choose.
func (n *navRowRenderer) MinSize() fyne.Size {
	pad := theme.InnerPadding()
	return fyne.NewSize(4*pad, n.lineHeight(theme.TextSize())+n.lineHeight(theme.CaptionTextSize())+3*pad)
}

func (n *navRowRenderer) lineHeight(size float32) float32 {
	h, ok := lineHeights[size]
	if !ok {
		h = fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
		lineHeights[size] = h
	}
	return h
}

func (n *navRowRenderer) Layout(s fyne.Size) {
	r, pad := n.r, theme.InnerPadding()
	textH, detailH := n.lineHeight(theme.TextSize()), n.lineHeight(theme.CaptionTextSize())
	r.text.Move(fyne.NewPos(pad, pad))
	r.text.Text = fitRow(r.full[0], s.Width-2*pad, theme.TextSize())
	r.text.Resize(fyne.NewSize(s.Width-2*pad, textH))
	x, y := pad, pad+textH+pad
	if !r.badgeBox.Hidden {
		bs := fyne.MeasureText(r.badgeText.Text, r.badgeText.TextSize, r.badgeText.TextStyle)
		r.badgeBox.Move(fyne.NewPos(x, y))
		r.badgeBox.Resize(fyne.NewSize(bs.Width+8, detailH))
		r.badgeText.Move(fyne.NewPos(x+4, y+(detailH-bs.Height)/2))
		x += bs.Width + 8 + pad
	}
	r.detail.Move(fyne.NewPos(x, y))
	r.detail.Text = fitRow(r.full[1], s.Width-x-pad, theme.CaptionTextSize())
	r.detail.Resize(fyne.NewSize(s.Width-x-pad, detailH))
}

func (n *navRowRenderer) Refresh() {
	r := n.r
	r.text.TextSize, r.text.Color = theme.TextSize(), theme.Color(theme.ColorNameForeground)
	r.detail.TextSize, r.detail.Color = theme.CaptionTextSize(), theme.Color(theme.ColorNameDisabled)
	n.Layout(r.Size())
	for _, o := range n.Objects() {
		o.Refresh()
	}
}

// fitRow cuts text with an ellipsis to fit room, by the cached widths of
// its runes.
func fitRow(text string, room, size float32) string {
	if room <= 0 || text == "" {
		return ""
	}
	if rowWords.measure(text, size, fyne.TextStyle{}) <= room {
		return text
	}
	return rowWords.ellipsize(text, room, size, fyne.TextStyle{})
}
