package app

import (
	"encoding/json"
	"io"
)

// WriteDocumentJSON writes doc in the interchange format: UTF-8 JSON with
// two-space indents and no HTML escaping, ending in a newline.
func WriteDocumentJSON(w io.Writer, doc *Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
