package ui

import (
	"strings"

	"fyne.io/fyne/v2"
)

// wrapText breaks text into at most maxLines lines that fit width at the
// given size, the last one cut with an ellipsis if text is longer.
func wrapText(text string, width, size float32, style fyne.TextStyle, maxLines int) []string {
	words := strings.Fields(text)
	var lines []string
	line := ""
	fits := func(s string) bool { return fyne.MeasureText(s, size, style).Width <= width }
	for _, w := range words {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if fits(try) {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = w
		for !fits(line) && len([]rune(line)) > 1 { // a word wider than the card
			r := []rune(line)
			cut := len(r) - 1
			for cut > 1 && !fits(string(r[:cut])) {
				cut = cut * 3 / 4
			}
			lines = append(lines, string(r[:cut]))
			line = string(r[cut:])
		}
		if len(lines) >= maxLines {
			lines = lines[:maxLines]
			lines[maxLines-1] = ellipsize(lines[maxLines-1], width, size, style)
			return lines
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = ellipsize(lines[maxLines-1], width, size, style)
	}
	return lines
}

func ellipsize(s string, width, size float32, style fyne.TextStyle) string {
	r := []rune(s)
	for len(r) > 0 && fyne.MeasureText(string(r)+"…", size, style).Width > width {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}
