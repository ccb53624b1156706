package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices, as stored in the preferences.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// variantTheme is Fyne's default theme with the light or dark variant
// forced, or the system's when choice is themeSystem.
type variantTheme struct {
	fyne.Theme
	choice string
}

func newVariantTheme(choice string) *variantTheme {
	return &variantTheme{Theme: theme.DefaultTheme(), choice: choice}
}

func (t *variantTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.choice {
	case themeLight:
		v = theme.VariantLight
	case themeDark:
		v = theme.VariantDark
	}
	return t.Theme.Color(name, v)
}
