package app

import (
	"encoding/json"
	"io"
)

// WriteDocumentJSON writes doc in the interchange format: UTF-8 JSON with
// two-space indents and no HTML escaping, ending in a newline.
// Absent arrays are written as empty ones.
func WriteDocumentJSON(w io.Writer, doc *Document) error {
	d := *doc
	d.Sources, d.Parties, d.Claims = orEmpty(d.Sources), orEmpty(d.Parties), orEmpty(d.Claims)
	d.Quotes, d.Links, d.Layout = orEmpty(d.Quotes), orEmpty(d.Links), orEmpty(d.Layout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(&d)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
