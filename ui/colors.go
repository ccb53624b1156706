package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"evidenceboard/app"
)

// Colours of the board. Status and relation colours are chosen to stay
// apart for the common colour-vision deficiencies, and every status is also
// written as a word: colour is never the only sign.

func statusColor(s app.Status) color.NRGBA {
	switch s {
	case app.StatusAlleged:
		return color.NRGBA{R: 0xd9, G: 0x7b, B: 0x0b, A: 0xff} // amber
	case app.StatusDenied:
		return color.NRGBA{R: 0xc0, G: 0x27, B: 0x2d, A: 0xff} // red
	case app.StatusUnconfirmed:
		return color.NRGBA{R: 0x5b, G: 0x5f, B: 0x97, A: 0xff} // slate blue
	}
	return color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}
}

func relationColor(r app.Relation) color.NRGBA {
	switch r {
	case app.RelSupports:
		return color.NRGBA{R: 0x2e, G: 0x8b, B: 0x57, A: 0xff} // green
	case app.RelDenies:
		return color.NRGBA{R: 0xc0, G: 0x27, B: 0x2d, A: 0xff} // red
	case app.RelContradicts:
		return color.NRGBA{R: 0xe0, G: 0x6c, B: 0x00, A: 0xff} // orange
	case app.RelMentions:
		return color.NRGBA{R: 0x7f, G: 0x8c, B: 0x8d, A: 0xff} // grey
	case app.RelAbout:
		return color.NRGBA{R: 0x29, G: 0x80, B: 0xb9, A: 0xff} // blue
	case app.RelMadeBy:
		return color.NRGBA{R: 0x8e, G: 0x44, B: 0xad, A: 0xff} // purple
	case app.RelPartOf:
		return color.NRGBA{R: 0x16, G: 0xa0, B: 0x85, A: 0xff} // teal
	case app.RelSpeaksFor:
		return color.NRGBA{R: 0xb7, G: 0x95, B: 0x0b, A: 0xff} // ochre
	}
	return color.NRGBA{A: 0xff}
}

// kindColor is the accent strip of a card of that kind.
func kindColor(k app.Kind) color.NRGBA {
	switch k {
	case app.KindQuote:
		return color.NRGBA{R: 0x34, G: 0x49, B: 0x5e, A: 0xff}
	case app.KindParty:
		return color.NRGBA{R: 0x16, G: 0xa0, B: 0x85, A: 0xff}
	case app.KindSource:
		return color.NRGBA{R: 0x6d, G: 0x4c, B: 0x41, A: 0xff}
	}
	return color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}
}

// renderVariant, when set, is the theme RenderPNG draws in.
var renderVariant string

func isDark() bool {
	if renderVariant != "" {
		return renderVariant == themeDark
	}
	s := fyne.CurrentApp().Settings()
	if vt, ok := s.Theme().(*variantTheme); ok && vt.choice != themeSystem {
		return vt.choice == themeDark
	}
	return s.ThemeVariant() == theme.VariantDark
}

// corkColor is the board's background.
func corkColor() color.Color {
	if isDark() {
		return color.NRGBA{R: 0x3b, G: 0x30, B: 0x27, A: 0xff}
	}
	return color.NRGBA{R: 0xc8, G: 0xa2, B: 0x7a, A: 0xff}
}

// paperColor is a card's face.
func paperColor(k app.Kind) color.Color {
	dark := isDark()
	switch {
	case k == app.KindQuote && dark:
		return color.NRGBA{R: 0x2f, G: 0x33, B: 0x38, A: 0xff}
	case k == app.KindQuote:
		return color.NRGBA{R: 0xff, G: 0xfd, B: 0xf4, A: 0xff}
	case k == app.KindClaim && dark:
		return color.NRGBA{R: 0x38, G: 0x36, B: 0x2c, A: 0xff}
	case k == app.KindClaim:
		return color.NRGBA{R: 0xff, G: 0xf6, B: 0xc8, A: 0xff}
	case dark:
		return color.NRGBA{R: 0x2b, G: 0x2d, B: 0x30, A: 0xff}
	}
	return color.NRGBA{R: 0xfb, G: 0xfb, B: 0xfa, A: 0xff}
}

func inkColor() color.Color {
	if isDark() {
		return color.NRGBA{R: 0xee, G: 0xee, B: 0xee, A: 0xff}
	}
	return color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xff}
}

func mutedInkColor() color.Color {
	if isDark() {
		return color.NRGBA{R: 0xb0, G: 0xb0, B: 0xb0, A: 0xff}
	}
	return color.NRGBA{R: 0x5a, G: 0x5a, B: 0x5a, A: 0xff}
}
