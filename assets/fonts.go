package assets

import _ "embed"

// DejaVuSans and DejaVuSansBold are DejaVu Sans and DejaVu Sans Bold 2.37
// (TrueType, from Debian's fonts-dejavu-core), the fonts of the PDF report.
// They cover Latin, Greek and Cyrillic among other scripts.
//
// License: Bitstream Vera Fonts license, with the Arev Fonts license for
// the glyphs imported from Arev; DejaVu changes are in the public domain.
// Both permit copying, embedding and redistribution with the copyright and
// permission notices kept; the full text is in fonts/LICENSE, which must
// travel with the font files.
//
//go:embed fonts/DejaVuSans.ttf
var DejaVuSans []byte

// DejaVuSansBold is DejaVu Sans Bold; see DejaVuSans.
//
//go:embed fonts/DejaVuSans-Bold.ttf
var DejaVuSansBold []byte
