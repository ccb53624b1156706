package app

import "time"

// Source is where quotes come from: an article, a statement, a transcript.
// Published and Retrieved are dates (YYYY-MM-DD) or RFC 3339 times in UTC.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	Author    string `json:"author,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Retrieved string `json:"retrieved,omitempty"`
	// Text is the source's full text, if the user pasted it; quote anchors
	// point into it by code point offsets.
	Text  string `json:"text,omitempty"`
	Notes string `json:"notes,omitempty"`
	// Reliability is the source's Admiralty grade, A to F; "" if ungraded.
	Reliability Reliability `json:"reliability,omitempty"`
}

// Party is a person or an organisation that says things or is talked about.
type Party struct {
	ID    string    `json:"id"`
	Name  string    `json:"name"`
	Kind  PartyKind `json:"kind"`
	Notes string    `json:"notes,omitempty"`
	// Reliability is the party's Admiralty grade as a source of
	// information, A to F; "" if ungraded.
	Reliability Reliability `json:"reliability,omitempty"`
}

// Claim is a statement whose truth is in question.
type Claim struct {
	ID        string `json:"id"`
	Statement string `json:"statement"`
	// Status is "" only on a claim of an exercise the student has not
	// decided yet (see Claim.Undecided), which has no history either.
	Status Status `json:"status,omitempty"`
	Notes  string `json:"notes,omitempty"`
	// History holds the status changes, oldest first; when it is not empty
	// its last entry's Status equals Status.
	History []StatusChange `json:"history,omitempty"`
	// Verdict is the fact-checker's rating of the claim on the board's
	// scale; nil until one is given.
	Verdict *Verdict `json:"verdict,omitempty"`
}

// StatusChange is one dated step in a claim's history.
type StatusChange struct {
	Status Status    `json:"status"`
	At     time.Time `json:"at"`
	Note   string    `json:"note,omitempty"`
}

// Quote is words pinned from a source, exactly as said.
type Quote struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Speaker is a party id; empty when unknown.
	Speaker string `json:"speaker,omitempty"`
	// Source is a source id; empty when unknown.
	Source string `json:"source,omitempty"`
	// Said is a date (YYYY-MM-DD) or an RFC 3339 time in UTC.
	Said     string  `json:"said,omitempty"`
	Location string  `json:"location,omitempty"`
	Notes    string  `json:"notes,omitempty"`
	Anchor   *Anchor `json:"anchor,omitempty"`
	// Credibility is the Admiralty grade of the quote's information, 1
	// (confirmed) to 6 (cannot be judged); 0 if ungraded.
	Credibility int `json:"credibility,omitempty"`
}

// Anchor says where a quote was pinned from in its source's text, after the
// W3C Web Annotation TextQuoteSelector and TextPositionSelector. Start and
// End are offsets in Unicode code points; Prefix and Suffix hold up to
// AnchorContext code points either side of Exact.
type Anchor struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// AnchorContext is the most code points an anchor keeps either side.
const AnchorContext = 32

// Link is a typed edge between two items. From, To and Relation together
// identify it: the same triple twice is not allowed.
type Link struct {
	From     string   `json:"from"`
	To       string   `json:"to"`
	Relation Relation `json:"relation"`
	Note     string   `json:"note,omitempty"`
}

// Position is where an item's card sits on the board, in board units (one
// unit is one device-independent pixel at 100 % zoom).
type Position struct {
	Item string  `json:"item"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
}
