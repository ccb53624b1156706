// Package assets embeds the files the program ships inside its binary.
package assets

import _ "embed"

// Icon is the application icon, 256×256 PNG.
//
//go:embed icon.png
var Icon []byte

// SampleJSON is the built-in sample board, "The Big Hack: claims and
// denials", in the interchange format. Its quotes are short, attributed
// excerpts of a ZDNet article of 4 October 2018; summaries and notes are
// our own words.
//
//go:embed sample.json
var SampleJSON []byte
