package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// navRow is one row of a navigator list: an optional status badge, the
// item's text on one line and a detail line under it.
type navRow struct {
	widget.BaseWidget
	badgeBox  *canvas.Rectangle
	badgeText *canvas.Text
	badge     *fyne.Container
	text      *widget.Label
	detail    *widget.Label
}

func newNavRow() fyne.CanvasObject {
	r := &navRow{
		badgeBox:  &canvas.Rectangle{CornerRadius: 3},
		badgeText: &canvas.Text{TextStyle: fyne.TextStyle{Bold: true}, Color: color.White, TextSize: 10},
		text:      &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		detail:    &widget.Label{Truncation: fyne.TextTruncateEllipsis, Importance: widget.LowImportance, SizeName: "captionText"},
	}
	r.badge = container.NewStack(r.badgeBox, container.NewPadded(r.badgeText))
	r.ExtendBaseWidget(r)
	return r
}

func (r *navRow) CreateRenderer() fyne.WidgetRenderer {
	under := container.NewHBox(r.badge, r.detail)
	return widget.NewSimpleRenderer(container.NewVBox(r.text, under))
}

func (r *navRow) set(badge string, badgeColor color.Color, text, detail string) {
	r.badge.Hidden = badge == ""
	if badge != "" {
		r.badgeText.Text, r.badgeBox.FillColor = badge, badgeColor
		r.badgeText.Refresh()
		r.badgeBox.Refresh()
	}
	r.text.SetText(strings.Join(strings.Fields(text), " "))
	r.detail.SetText(detail)
}
