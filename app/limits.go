package app

// The reader's documented limits. A document over any of them is refused
// with a problem that names the limit. Text lengths count Unicode code points.
const (
	MaxDocumentBytes = 64 << 20 // a whole interchange document, in bytes

	MaxItemsPerKind = 100_000 // sources, parties, claims or quotes in one board
	MaxLinks        = 500_000
	MaxHistory      = 1_000 // status changes of one claim

	MaxIDLength     = 64
	MaxShortText    = 1_000     // titles, names, publishers, authors, locations, reviewer names
	MaxURL          = 2_048     // any url
	MaxStatement    = 5_000     // a claim's statement
	MaxQuoteText    = 20_000    // a quote's words and an anchor's exact text
	MaxNotes        = 20_000    // notes, descriptions, history notes, link notes
	MaxSourceText   = 2_000_000 // a source's full text
	MaxLabel        = 100       // a label of a rating scale
	MaxCoordinate   = 10_000_000
	maxDateOrTimeSz = 64
)
