package app

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// ValidateDocument checks every value rule of the interchange format on doc:
// required fields, lengths, words from closed lists, dates, id form and
// uniqueness, references, relations by kind, duplicate links, claim
// histories and layout. It returns every problem found, none if doc is valid.
func ValidateDocument(doc *Document) []Problem {
	var ps problems
	switch {
	case doc.Format == "":
		ps.add("format", "is required: %q", FormatName)
	case doc.Format != FormatName:
		ps.add("format", "is %q, expected %q: this is not an Evidence Board document", clip(doc.Format), FormatName)
	}
	switch {
	case doc.Version > FormatVersion:
		ps.add("version", "is %d, newer than this program reads (version %d): update Evidence Board to open it", doc.Version, FormatVersion)
	case doc.Version < 1:
		ps.add("version", "is %d, expected %d", doc.Version, FormatVersion)
	}
	validateBoard(&ps, "board", &doc.Board)
	if doc.Exercise != nil {
		validateExercise(&ps, "exercise", doc.Exercise)
		if doc.ExerciseKey != nil {
			ps.add("exercise_key", "an exercise cannot be a key: only the board with the answers keeps the record of its exercises")
		}
	}
	if doc.ExerciseKey != nil {
		validateExerciseKey(&ps, "exercise_key", doc.ExerciseKey)
	}

	kinds := map[string]Kind{}   // id -> kind
	where := map[string]string{} // id -> path of the item that has it
	texts := map[string]string{} // source id -> text
	declare := func(path, id string, k Kind) {
		if !checkID(&ps, field(path, "id"), id) {
			return
		}
		if prev, dup := where[id]; dup {
			ps.add(field(path, "id"), "%q is already the id of %s (ids are shared by all kinds)", id, prev)
			return
		}
		kinds[id], where[id] = k, path
	}
	for i := range doc.Sources {
		p := index("sources", i)
		declare(p, doc.Sources[i].ID, KindSource)
		validateSource(&ps, p, &doc.Sources[i])
		texts[doc.Sources[i].ID] = doc.Sources[i].Text
	}
	for i := range doc.Parties {
		p := index("parties", i)
		declare(p, doc.Parties[i].ID, KindParty)
		validateParty(&ps, p, &doc.Parties[i])
	}
	for i := range doc.Claims {
		p := index("claims", i)
		declare(p, doc.Claims[i].ID, KindClaim)
		validateClaim(&ps, p, &doc.Claims[i], doc.Exercise != nil)
		checkVerdictLabel(&ps, field(p, "verdict"), doc.Claims[i].Verdict, doc.Board.RatingScale())
	}
	for i := range doc.Quotes {
		p := index("quotes", i)
		q := &doc.Quotes[i]
		declare(p, q.ID, KindQuote)
		validateQuote(&ps, p, q)
		checkRef(&ps, field(p, "speaker"), q.Speaker, KindParty, kinds)
		if checkRef(&ps, field(p, "source"), q.Source, KindSource, kinds) && q.Anchor != nil {
			validateAnchorText(&ps, field(p, "anchor"), q.Anchor, texts[q.Source])
		} else if q.Anchor != nil && q.Source == "" {
			ps.add(field(p, "anchor"), "a quote with an anchor needs a source whose text it points into")
		}
	}

	type triple struct {
		from, to string
		rel      Relation
	}
	seen := map[triple]int{}
	for i, l := range doc.Links {
		p := index("links", i)
		fk, okFrom := linkEnd(&ps, field(p, "from"), l.From, kinds)
		tk, okTo := linkEnd(&ps, field(p, "to"), l.To, kinds)
		checkText(&ps, field(p, "note"), l.Note, MaxNotes, false)
		if l.Relation == "" {
			ps.add(field(p, "relation"), "is required")
			continue
		}
		if okFrom && okTo {
			if err := CheckRelation(fk, tk, l.Relation); err != nil {
				ps.add(field(p, "relation"), "%s", ErrorMessage(err))
				continue
			}
		} else if !slices.Contains(Relations, l.Relation) {
			ps.add(field(p, "relation"), "%s", ErrorMessage(CheckRelation(fk, tk, l.Relation)))
		}
		if l.From == l.To && l.From != "" {
			ps.add(field(p, "to"), "a link cannot join %q to itself", l.To)
			continue
		}
		t := triple{l.From, l.To, l.Relation}
		if j, dup := seen[t]; dup {
			ps.add(p, "the same link (%s %s %s) as links[%d]", l.From, l.Relation, l.To, j)
			continue
		}
		seen[t] = i
	}

	placed := map[string]int{}
	for i, pos := range doc.Layout {
		p := index("layout", i)
		if pos.Item == "" {
			ps.add(field(p, "item"), "is required")
		} else if _, ok := kinds[pos.Item]; !ok {
			ps.add(field(p, "item"), "no item with id %q", clip(pos.Item))
		} else if j, dup := placed[pos.Item]; dup {
			ps.add(field(p, "item"), "%q is already placed by layout[%d]", pos.Item, j)
		} else {
			placed[pos.Item] = i
		}
		checkCoordinate(&ps, field(p, "x"), pos.X)
		checkCoordinate(&ps, field(p, "y"), pos.Y)
	}
	return ps
}

func checkID(ps *problems, path, id string) bool {
	switch {
	case id == "":
		ps.add(path, "is required")
	case !ValidID(id):
		ps.add(path, "%q is not a valid id: use 1 to %d characters of A-Z a-z 0-9 . _ -", clip(id), MaxIDLength)
	default:
		return true
	}
	return false
}

// checkRef checks an optional reference to an item of kind want and
// reports whether it names one.
func checkRef(ps *problems, path, id string, want Kind, kinds map[string]Kind) bool {
	if id == "" {
		return false
	}
	k, ok := kinds[id]
	switch {
	case !ok:
		ps.add(path, "no %s with id %q", want, clip(id))
	case k != want:
		ps.add(path, "%q is a %s, not a %s", id, k, want)
	default:
		return true
	}
	return false
}

func linkEnd(ps *problems, path, id string, kinds map[string]Kind) (Kind, bool) {
	if id == "" {
		ps.add(path, "is required")
		return "", false
	}
	k, ok := kinds[id]
	if !ok {
		ps.add(path, "no item with id %q", clip(id))
	}
	return k, ok
}

func checkText(ps *problems, path, s string, max int, required bool) {
	if required && strings.TrimSpace(s) == "" {
		ps.add(path, "is required")
		return
	}
	if n := utf8.RuneCountInString(s); n > max {
		ps.add(path, "is %d characters long, over the limit of %d", n, max)
	}
}

func checkWhen(ps *problems, path, s string) {
	if s != "" && !ValidDateOrTime(s) {
		ps.add(path, "%q is neither a date (YYYY-MM-DD) nor an RFC 3339 time", clip(s))
	}
}

func checkCoordinate(ps *problems, path string, v float64) {
	if math.IsNaN(v) || math.Abs(v) > MaxCoordinate {
		ps.add(path, "%v is outside the board (at most %d either way)", v, MaxCoordinate)
	}
}

func validateBoard(ps *problems, p string, b *Board) {
	checkText(ps, field(p, "title"), b.Title, MaxShortText, true)
	checkText(ps, field(p, "description"), b.Description, MaxNotes, false)
	checkText(ps, field(p, "url"), b.URL, MaxURL, false)
	if b.Reviewer != nil {
		checkText(ps, field(p, "reviewer.name"), b.Reviewer.Name, MaxShortText, false)
		checkText(ps, field(p, "reviewer.url"), b.Reviewer.URL, MaxURL, false)
	}
	validateScale(ps, field(p, "scale"), b.Scale)
}

func validateSource(ps *problems, p string, s *Source) {
	checkText(ps, field(p, "title"), s.Title, MaxShortText, true)
	checkText(ps, field(p, "publisher"), s.Publisher, MaxShortText, false)
	checkText(ps, field(p, "author"), s.Author, MaxShortText, false)
	checkText(ps, field(p, "url"), s.URL, MaxURL, false)
	checkWhen(ps, field(p, "published"), s.Published)
	checkWhen(ps, field(p, "retrieved"), s.Retrieved)
	checkText(ps, field(p, "text"), s.Text, MaxSourceText, false)
	checkText(ps, field(p, "notes"), s.Notes, MaxNotes, false)
	checkReliability(ps, field(p, "reliability"), s.Reliability)
}

func validateParty(ps *problems, p string, y *Party) {
	checkText(ps, field(p, "name"), y.Name, MaxShortText, true)
	switch {
	case y.Kind == "":
		ps.add(field(p, "kind"), "is required: one of %s", partyKindList())
	case !y.Kind.Valid():
		ps.add(field(p, "kind"), "%q is not a kind of party (use %s)", clip(string(y.Kind)), partyKindList())
	}
	checkText(ps, field(p, "notes"), y.Notes, MaxNotes, false)
	checkReliability(ps, field(p, "reliability"), y.Reliability)
}

// validateClaim checks a claim; undecidedOK lets an exercise's claim have
// no status, as long as it has no history either.
func validateClaim(ps *problems, p string, c *Claim, undecidedOK bool) {
	checkText(ps, field(p, "statement"), c.Statement, MaxStatement, true)
	switch {
	case undecidedOK && c.Status == "" && len(c.History) > 0:
		ps.add(field(p, "status"), "is required: a claim with a history has the status of its last entry")
	case undecidedOK && c.Status == "":
	default:
		checkStatus(ps, field(p, "status"), c.Status)
	}
	checkText(ps, field(p, "notes"), c.Notes, MaxNotes, false)
	for i, h := range c.History {
		hp := index(field(p, "history"), i)
		checkStatus(ps, field(hp, "status"), h.Status)
		checkText(ps, field(hp, "note"), h.Note, MaxNotes, false)
		if i > 0 && !h.At.IsZero() && h.At.Before(c.History[i-1].At) {
			ps.add(field(hp, "at"), "%s is earlier than the entry before it: history goes oldest first", h.At.Format("2006-01-02T15:04:05Z07:00"))
		}
	}
	if n := len(c.History); n > 0 && c.Status.Valid() && c.History[n-1].Status.Valid() && c.History[n-1].Status != c.Status {
		ps.add(field(p, "status"), "is %q, but the last history entry says %q", c.Status, c.History[n-1].Status)
	}
	if c.Verdict != nil {
		validateVerdict(ps, field(p, "verdict"), c.Verdict)
		if first, ok := FirstRecorded(c); ok && !c.Verdict.At.IsZero() && c.Verdict.At.Before(first) {
			ps.add(field(field(p, "verdict"), "at"), "%s is before the claim was first recorded (history[0].at, %s): a verdict comes after the claim",
				c.Verdict.At.UTC().Format(time.RFC3339), first.UTC().Format(time.RFC3339))
		}
	}
}

func checkStatus(ps *problems, path string, s Status) {
	switch {
	case s == "":
		ps.add(path, "is required: alleged, denied or unconfirmed")
	case !s.Valid():
		ps.add(path, "%q is not a status (use alleged, denied or unconfirmed)", clip(string(s)))
	}
}

func validateQuote(ps *problems, p string, q *Quote) {
	checkText(ps, field(p, "text"), q.Text, MaxQuoteText, true)
	checkWhen(ps, field(p, "said"), q.Said)
	checkText(ps, field(p, "location"), q.Location, MaxShortText, false)
	checkText(ps, field(p, "notes"), q.Notes, MaxNotes, false)
	checkCredibility(ps, field(p, "credibility"), q.Credibility)
	if a := q.Anchor; a != nil {
		ap := field(p, "anchor")
		if a.Exact == "" { // a selection of blanks is still a selection
			ps.add(field(ap, "exact"), "is required")
		}
		checkText(ps, field(ap, "exact"), a.Exact, MaxQuoteText, false)
		checkText(ps, field(ap, "prefix"), a.Prefix, AnchorContext, false)
		checkText(ps, field(ap, "suffix"), a.Suffix, AnchorContext, false)
		switch {
		case a.Start < 0:
			ps.add(field(ap, "start"), "is %d: offsets count from 0", a.Start)
		case a.End < a.Start:
			ps.add(field(ap, "end"), "is %d, before start (%d)", a.End, a.Start)
		case a.Exact != "" && a.End-a.Start != utf8.RuneCountInString(a.Exact):
			ps.add(field(ap, "end"), "end - start is %d, but exact is %d characters long", a.End-a.Start, utf8.RuneCountInString(a.Exact))
		}
	}
}

// validateAnchorText checks an anchor against its source's text, when the
// source has one: the offsets must fall inside it and select exact.
func validateAnchorText(ps *problems, p string, a *Anchor, text string) {
	if text == "" || a.Start < 0 || a.End < a.Start {
		return
	}
	got, ok := SliceRunes(text, a.Start, a.End)
	switch {
	case !ok:
		ps.add(field(p, "end"), "is %d, past the end of the source's text (%d characters)", a.End, utf8.RuneCountInString(text))
	case got != a.Exact:
		ps.add(field(p, "exact"), "does not match the source's text at %d–%d, which reads %q", a.Start, a.End, clip(got))
	}
}

// SliceRunes returns s[start:end] counted in code points, and false if the
// range does not fit in s.
func SliceRunes(s string, start, end int) (string, bool) {
	if start < 0 || end < start {
		return "", false
	}
	i, from := 0, -1
	for pos := range s {
		if i == start {
			from = pos
		}
		if i == end {
			return s[from:pos], true
		}
		i++
	}
	switch {
	case i == end && from >= 0:
		return s[from:], true
	case i == end && start == end:
		return "", true
	}
	return "", false
}

func partyKindList() string {
	s := make([]string, len(PartyKinds))
	for i, k := range PartyKinds {
		s[i] = string(k)
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// normalize puts every date-or-time field in its canonical form (dates as
// given, times in UTC) so that export gives back what import was given.
func (doc *Document) normalize() {
	doc.Board.Created, doc.Board.Updated = doc.Board.Created.UTC(), doc.Board.Updated.UTC()
	for i := range doc.Sources {
		s := &doc.Sources[i]
		s.Published, s.Retrieved = NormalizeDateOrTime(s.Published), NormalizeDateOrTime(s.Retrieved)
	}
	for i := range doc.Quotes {
		doc.Quotes[i].Said = NormalizeDateOrTime(doc.Quotes[i].Said)
	}
	for i := range doc.Claims {
		for j := range doc.Claims[i].History {
			doc.Claims[i].History[j].At = doc.Claims[i].History[j].At.UTC()
		}
		if v := doc.Claims[i].Verdict; v != nil {
			v.At = v.At.UTC()
		}
	}
}

// validateItem runs one item's own rules (not references) and returns the
// first problem as an EINVALID error, for the services' create and update.
func validateItem(check func(*problems)) error {
	var ps problems
	check(&ps)
	if len(ps) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: fmt.Sprintf("%s %s", ps[0].Path, ps[0].Message), Err: &ValidationError{Problems: ps}}
}

// Validate checks the source's own fields. Returns EINVALID.
func (s *Source) Validate() error {
	return validateItem(func(ps *problems) { validateSource(ps, "source", s) })
}

// Validate checks the party's own fields. Returns EINVALID.
func (y *Party) Validate() error {
	return validateItem(func(ps *problems) { validateParty(ps, "party", y) })
}

// Validate checks the claim's own fields and history. Returns EINVALID.
func (c *Claim) Validate() error {
	return validateItem(func(ps *problems) { validateClaim(ps, "claim", c, false) })
}

// ValidateExercise checks the claim as Validate does, but lets it be
// undecided (no status, no history): a claim of an exercise. Returns
// EINVALID.
func (c *Claim) ValidateExercise() error {
	return validateItem(func(ps *problems) { validateClaim(ps, "claim", c, true) })
}

// Validate checks the quote's own fields; references are the store's to
// check. Returns EINVALID.
func (q *Quote) Validate() error {
	return validateItem(func(ps *problems) { validateQuote(ps, "quote", q) })
}

// Validate checks the board's own fields. Returns EINVALID.
func (b *Board) Validate() error {
	return validateItem(func(ps *problems) { validateBoard(ps, "board", b) })
}

// ValidateAnchor checks an anchor against the text of its source. Returns
// EINVALID.
func ValidateAnchor(a *Anchor, sourceText string) error {
	return validateItem(func(ps *problems) { validateAnchorText(ps, "anchor", a, sourceText) })
}
