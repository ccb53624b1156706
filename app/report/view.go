package report

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"evidenceboard/app"
)

// view is what every report shows, computed once from a document: claims in
// board order with their status, history and quotes grouped by relation;
// parties with what they said and where they stand; sources; a timeline of
// everything dated; counts by status. Every slice is in a fixed order (board
// order, then the orders below), so that no map order reaches a report.
// Every string from the board is valid UTF-8 (invalid bytes become U+FFFD).
type view struct {
	Title, Description string
	URL                string // the board's url, as given (see safeURL)
	Reviewer           app.Reviewer
	HasReviewer        bool
	Generated          time.Time // UTC; zero when not given
	GeneratedText      string    // Generated as text, or ""

	Counts                                       []statusCount
	NClaims, NQuotes, NParties, NSources, NLinks int

	Claims   []*claimView
	Quotes   []*quoteView
	Unlinked []*quoteView // quotes tied to no claim, in board order
	Parties  []*partyView
	Sources  []*sourceView
	Timeline []*event
	// Days is the timeline by day (UTC), oldest first.
	Days []*timelineDay

	judging // verdicts and grades (grades.go)
	// Undated is what has no date to put it on the timeline: sources with
	// no published date, quotes with no said date, claims with no dated
	// history, verdicts with no time; in board order by kind.
	Undated []*event
}

// timelineDay is the events of one day.
type timelineDay struct {
	Date   string // 2018-10-04
	Title  string // Thursday 4 October 2018
	Events []*event
}

// statusCount is one line of the legend: a status, what it means and how
// many claims have it.
type statusCount struct {
	Status  app.Status
	Word    string // ALLEGED, DENIED, UNCONFIRMED
	Class   string // st-alleged, ...
	Meaning string
	N       int
}

type claimView struct {
	Index                int
	ID, Statement, Notes string
	Status               app.Status
	Word, Class          string
	History              []*historyView
	Groups               []*quoteGroup // non-empty groups in quoteRelations order
	NQuotes              int           // quote links, all groups
	MadeBy, About        []*partyView  // board order of the links
	FirstDate, LastDate  string        // of the history, YYYY-MM-DD; "" when none
	FirstWhen, LastWhen  string        // the same as shown to readers
	// AppearanceSources are the sources of the claim's quotes, in the order
	// the report shows the quotes.
	AppearanceSources []*sourceView
	Verdict           *verdictView // nil when the claim has none
}

type historyView struct {
	Status      app.Status
	Word, Class string
	At          time.Time
	When        string
	Note        string
}

// quoteGroup is the quotes tied to a claim by one relation.
type quoteGroup struct {
	Relation app.Relation
	Heading  string // "Supports the claim"
	Items    []quoteRef
}

// quoteRef is a quote as tied to a claim, with the link's note.
type quoteRef struct {
	Quote *quoteView
	Note  string
}

type quoteView struct {
	Index                          int
	ID, Text, Said, When, Location string
	Notes                          string
	Speaker                        *partyView // nil when unknown
	Source                         *sourceView
	Claims                         []claimRef // claim order, then relation order
	Credibility                    int        // 0 when not graded
}

// claimRef is a claim as tied to a quote.
type claimRef struct {
	Claim    *claimView
	Relation app.Relation
	Note     string
}

type partyView struct {
	Index          int
	ID, Name, Kind string
	Notes          string
	Reliability    string       // "" when not graded
	Said           []*quoteView // quotes the party is the speaker of
	Stances        []*stance    // claim order
	Affiliations   []affiliation
	stanceByClaim  map[int]*stance
}

// stance is where a party stands on one claim.
type stance struct {
	Claim  *claimView
	MadeBy bool
	About  bool
	// ByRelation counts the party's quotes tied to the claim, by relation,
	// in quoteRelations order.
	ByRelation [4]int
}

// Roles returns the stance in words, strongest first: "made the claim",
// "the claim is about them", "denies it (2 quotes)".
func (s *stance) Roles() []string {
	var out []string
	if s.MadeBy {
		out = append(out, "made the claim")
	}
	if s.About {
		out = append(out, "the claim is about them")
	}
	for i, n := range s.ByRelation {
		if n > 0 {
			out = append(out, fmt.Sprintf("%s it (%s)", quoteRelations[i], plural(n, "quote", "quotes")))
		}
	}
	return out
}

// Text returns Roles joined by semicolons.
func (s *stance) Text() string { return strings.Join(s.Roles(), "; ") }

// affiliation is a party-to-party link seen from its first end.
type affiliation struct {
	Words string // "part of", "speaks for"
	Party *partyView
	Note  string
}

// affiliationsText returns the affiliations in words, "Part of Apple
// (board seat) · Speaks for …", with names and notes passed through esc
// (the format's escaping).
func affiliationsText(as []affiliation, esc func(string) string) string {
	parts := make([]string, 0, len(as))
	for _, a := range as {
		s := capital(a.Words)
		if a.Party != nil {
			s += " " + esc(a.Party.Name)
		}
		if a.Note != "" {
			s += " (" + esc(a.Note) + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " · ")
}

type sourceView struct {
	Index                        int
	ID, Title, Publisher, Author string
	URL                          string
	Published, PublishedWhen     string
	Retrieved, RetrievedWhen     string
	Notes                        string
	NQuotes                      int
	Reliability                  string // "" when not graded
}

// Byline returns publisher and author in words: "ZDNet, by Charlie Osborne".
func (s *sourceView) Byline() string {
	switch {
	case s.Publisher != "" && s.Author != "":
		return s.Publisher + ", by " + s.Author
	case s.Author != "":
		return "by " + s.Author
	}
	return s.Publisher
}

// event is one dated thing on the timeline.
type event struct {
	At   time.Time
	When string
	// Time is the time of day, "09:00 UTC", or "" for an event dated to the
	// day only.
	Time string
	Kind string // app.EventPublished, EventSaid, EventStatus or EventVerdict
	// One of these is set, by Kind (Claim for a status or a verdict).
	Source  *sourceView
	Quote   *quoteView
	Claim   *claimView
	History *historyView // status
	Verdict *verdictView // verdict
}

// quoteRelations are the relations from a quote to a claim, in the order
// reports group quotes by.
var quoteRelations = []app.Relation{app.RelSupports, app.RelDenies, app.RelContradicts, app.RelMentions}

var relationHeadings = map[app.Relation]string{
	app.RelSupports:    "Supports the claim",
	app.RelDenies:      "Denies the claim",
	app.RelContradicts: "Contradicts the claim",
	app.RelMentions:    "Mentions the claim",
}

func quoteRelationIndex(r app.Relation) int {
	for i, q := range quoteRelations {
		if q == r {
			return i
		}
	}
	return -1
}

var statusMeanings = map[app.Status]string{
	app.StatusAlleged:     "put forward by someone; neither confirmed nor denied on the record",
	app.StatusDenied:      "denied on the record by someone it concerns",
	app.StatusUnconfirmed: "no one has confirmed it on the record",
}

// statusWord is the word a report shows for a status: ALLEGED, DENIED or
// UNCONFIRMED; an unknown status is shown as written, in capitals.
func statusWord(s app.Status) string {
	if s == "" {
		return "NO STATUS"
	}
	return strings.ToUpper(clean(string(s)))
}

// statusClass is the CSS class of a status badge.
func statusClass(s app.Status) string {
	if s.Valid() {
		return "st-" + string(s)
	}
	return "st-other"
}

// clean returns s with invalid UTF-8 replaced by U+FFFD, so that no report
// carries bytes a reader cannot decode.
func clean(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// fmtTime shows a time in UTC: "2018-10-04 13:00 UTC", with seconds only
// when they are not zero; "" for the zero time.
func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	if t.Second() != 0 || t.Nanosecond() != 0 {
		return t.Format("2006-01-02 15:04:05 UTC")
	}
	return t.Format("2006-01-02 15:04 UTC")
}

// whenTime reads a date (YYYY-MM-DD, taken as midnight UTC) or an RFC 3339
// time.
func whenTime(s string) (time.Time, bool) {
	if len(s) == 10 {
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return t, true
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), true
	}
	return time.Time{}, false
}

// fmtWhen shows a date as given and an RFC 3339 time as fmtTime does; any
// other text is shown as it is.
func fmtWhen(s string) string {
	if len(s) == 10 {
		if _, err := time.Parse(time.DateOnly, s); err == nil {
			return s
		}
	}
	if t, ok := whenTime(s); ok {
		return fmtTime(t)
	}
	return s
}

// safeURL returns u if it is an http, https or mailto address that a report
// may link to, and "" otherwise: such text is shown, never linked.
func safeURL(u string) string {
	if u == "" || !utf8.ValidString(u) {
		return ""
	}
	for _, r := range u {
		if r <= ' ' || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == '\u2028' || r == '\u2029' {
			return ""
		}
		// Characters a URL may not hold as they are: escaped by the
		// output, they would no longer name the same place.
		if strings.ContainsRune(`"<>\^`+"`"+`{|}`, r) {
			return ""
		}
	}
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		if !validHost(p.Host) {
			return ""
		}
	case "mailto":
		if p.Opaque == "" {
			return ""
		}
	default:
		return ""
	}
	return u
}

// validHost reports whether h is a host name (letters, digits, dots and
// dashes, any script) or a bracketed IPv6 address, with an optional port.
func validHost(h string) bool {
	if h == "" {
		return false
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.HasSuffix(h, "]") {
		if port := h[i+1:]; port == "" || strings.Trim(port, "0123456789") != "" {
			return false
		}
		h = h[:i]
	}
	if strings.HasPrefix(h, "[") {
		return strings.HasSuffix(h, "]") && strings.Trim(h[1:len(h)-1], "0123456789abcdefABCDEF:.") == ""
	}
	if h == "" || strings.HasPrefix(h, ".") || strings.HasPrefix(h, "-") {
		return false
	}
	for _, r := range h {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' {
			return false
		}
	}
	return true
}

// webURL is safeURL for http and https only.
func webURL(u string) string {
	if s := safeURL(u); s != "" && !strings.HasPrefix(strings.ToLower(s), "mailto:") {
		return s
	}
	return ""
}

// buildView computes the view of doc. It copes with a document that breaks
// the format's rules (unknown references, unknown words): such values are
// shown as written or left out, never a panic.
func buildView(doc *app.Document, opts Options) *view {
	v := &view{
		Title:       clean(doc.Board.Title),
		Description: clean(doc.Board.Description),
		URL:         clean(doc.Board.URL),
		NClaims:     len(doc.Claims),
		NQuotes:     len(doc.Quotes),
		NParties:    len(doc.Parties),
		NSources:    len(doc.Sources),
		NLinks:      len(doc.Links),
	}
	if r := doc.Board.Reviewer; r != nil {
		v.Reviewer = app.Reviewer{Name: clean(r.Name), URL: clean(r.URL)}
		v.HasReviewer = true
	}
	if !opts.Generated.IsZero() {
		v.Generated = opts.Generated.UTC()
		v.GeneratedText = fmtTime(v.Generated)
	}

	sources := map[string]*sourceView{}
	for i, s := range doc.Sources {
		sv := &sourceView{
			Index: i, ID: clean(s.ID), Title: clean(s.Title), Publisher: clean(s.Publisher),
			Author: clean(s.Author), URL: clean(s.URL),
			Published: clean(s.Published), Retrieved: clean(s.Retrieved), Notes: clean(s.Notes),
		}
		sv.PublishedWhen, sv.RetrievedWhen = fmtWhen(sv.Published), fmtWhen(sv.Retrieved)
		v.Sources = append(v.Sources, sv)
		if _, dup := sources[s.ID]; !dup {
			sources[s.ID] = sv
		}
	}
	parties := map[string]*partyView{}
	for i, p := range doc.Parties {
		pv := &partyView{Index: i, ID: clean(p.ID), Name: clean(p.Name), Kind: clean(string(p.Kind)), Notes: clean(p.Notes), stanceByClaim: map[int]*stance{}}
		v.Parties = append(v.Parties, pv)
		if _, dup := parties[p.ID]; !dup {
			parties[p.ID] = pv
		}
	}
	claims := map[string]*claimView{}
	for i, c := range doc.Claims {
		cv := &claimView{
			Index: i, ID: clean(c.ID), Statement: clean(c.Statement), Notes: clean(c.Notes),
			Status: c.Status, Word: statusWord(c.Status), Class: statusClass(c.Status),
		}
		for _, h := range c.History {
			at := h.At.UTC()
			cv.History = append(cv.History, &historyView{
				Status: h.Status, Word: statusWord(h.Status), Class: statusClass(h.Status),
				At: at, When: fmtTime(at), Note: clean(h.Note),
			})
		}
		if n := len(cv.History); n > 0 {
			first, last := cv.History[0].At, cv.History[n-1].At
			if !first.IsZero() {
				cv.FirstDate, cv.FirstWhen = first.Format(time.DateOnly), cv.History[0].When
			}
			if !last.IsZero() {
				cv.LastDate, cv.LastWhen = last.Format(time.DateOnly), cv.History[n-1].When
			}
		}
		v.Claims = append(v.Claims, cv)
		if _, dup := claims[c.ID]; !dup {
			claims[c.ID] = cv
		}
	}
	quotes := map[string]*quoteView{}
	for i, q := range doc.Quotes {
		qv := &quoteView{
			Index: i, ID: clean(q.ID), Text: clean(q.Text), Said: clean(q.Said),
			Location: clean(q.Location), Notes: clean(q.Notes),
			Speaker: parties[q.Speaker], Source: sources[q.Source],
		}
		if q.Speaker == "" {
			qv.Speaker = nil
		}
		if q.Source == "" {
			qv.Source = nil
		}
		qv.When = fmtWhen(qv.Said)
		if qv.Source != nil {
			qv.Source.NQuotes++
		}
		if qv.Speaker != nil {
			qv.Speaker.Said = append(qv.Speaker.Said, qv)
		}
		v.Quotes = append(v.Quotes, qv)
		if _, dup := quotes[q.ID]; !dup {
			quotes[q.ID] = qv
		}
	}

	// Links, by the kinds at either end.
	type qc struct {
		q    *quoteView
		c    *claimView
		rel  int
		note string
	}
	var qcs []qc
	seen := map[[3]int]bool{} // quote, claim, relation: a link twice counts once
	for _, l := range doc.Links {
		switch {
		case quotes[l.From] != nil && claims[l.To] != nil:
			ri := quoteRelationIndex(l.Relation)
			if ri < 0 {
				continue
			}
			q, c := quotes[l.From], claims[l.To]
			k := [3]int{q.Index, c.Index, ri}
			if seen[k] {
				continue
			}
			seen[k] = true
			qcs = append(qcs, qc{q, c, ri, clean(l.Note)})
		case claims[l.From] != nil && parties[l.To] != nil:
			c, p := claims[l.From], parties[l.To]
			switch l.Relation {
			case app.RelMadeBy:
				if !containsParty(c.MadeBy, p) {
					c.MadeBy = append(c.MadeBy, p)
				}
				p.stanceOn(c).MadeBy = true
			case app.RelAbout:
				if !containsParty(c.About, p) {
					c.About = append(c.About, p)
				}
				p.stanceOn(c).About = true
			}
		case parties[l.From] != nil && parties[l.To] != nil:
			var words string
			switch l.Relation {
			case app.RelPartOf:
				words = "part of"
			case app.RelSpeaksFor:
				words = "speaks for"
			default:
				continue
			}
			from := parties[l.From]
			from.Affiliations = append(from.Affiliations, affiliation{Words: words, Party: parties[l.To], Note: clean(l.Note)})
		}
	}
	// Quotes by claim: claim order, relation order, quote order.
	sort.SliceStable(qcs, func(i, j int) bool {
		a, b := qcs[i], qcs[j]
		if a.c.Index != b.c.Index {
			return a.c.Index < b.c.Index
		}
		if a.rel != b.rel {
			return a.rel < b.rel
		}
		return a.q.Index < b.q.Index
	})
	for _, x := range qcs {
		c := x.c
		if n := len(c.Groups); n == 0 || c.Groups[n-1].Relation != quoteRelations[x.rel] {
			r := quoteRelations[x.rel]
			c.Groups = append(c.Groups, &quoteGroup{Relation: r, Heading: relationHeadings[r]})
		}
		g := c.Groups[len(c.Groups)-1]
		g.Items = append(g.Items, quoteRef{Quote: x.q, Note: x.note})
		c.NQuotes++
		if s := x.q.Source; s != nil && !containsSource(c.AppearanceSources, s) {
			c.AppearanceSources = append(c.AppearanceSources, s)
		}
		x.q.Claims = append(x.q.Claims, claimRef{Claim: c, Relation: quoteRelations[x.rel], Note: x.note})
		if sp := x.q.Speaker; sp != nil {
			sp.stanceOn(c).ByRelation[x.rel]++
		}
	}
	for _, q := range v.Quotes {
		if len(q.Claims) == 0 {
			v.Unlinked = append(v.Unlinked, q)
		}
	}
	for _, p := range v.Parties {
		sort.Slice(p.Stances, func(i, j int) bool { return p.Stances[i].Claim.Index < p.Stances[j].Claim.Index })
		p.stanceByClaim = nil
	}

	for _, s := range app.Statuses {
		sc := statusCount{Status: s, Word: statusWord(s), Class: statusClass(s), Meaning: statusMeanings[s]}
		for _, c := range v.Claims {
			if c.Status == s {
				sc.N++
			}
		}
		v.Counts = append(v.Counts, sc)
	}

	// The timeline: sources published, quotes said, status changes and
	// verdicts, in app.Timeline's order; the undated apart.
	tl := app.Timeline(doc)
	sourceAt, quoteAt, claimAt := map[string]int{}, map[string]int{}, map[string]int{}
	for i := len(doc.Sources) - 1; i >= 0; i-- {
		sourceAt[doc.Sources[i].ID] = i
	}
	for i := len(doc.Quotes) - 1; i >= 0; i-- {
		quoteAt[doc.Quotes[i].ID] = i
	}
	for i := len(doc.Claims) - 1; i >= 0; i-- {
		claimAt[doc.Claims[i].ID] = i
	}
	toEvent := func(e app.Event, dated bool) *event {
		ev := &event{At: e.At, Kind: e.Kind}
		switch e.Kind {
		case app.EventPublished:
			ev.Source = v.Sources[sourceAt[e.Item]]
			ev.When = ev.Source.PublishedWhen
		case app.EventSaid:
			ev.Quote = v.Quotes[quoteAt[e.Item]]
			ev.When = ev.Quote.When
		case app.EventStatus:
			ev.Claim = v.Claims[claimAt[e.Item]]
			if e.Entry >= 0 && e.Entry < len(ev.Claim.History) && dated {
				ev.History = ev.Claim.History[e.Entry]
			} else {
				ev.History = &historyView{Status: e.Status, Word: statusWord(e.Status), Class: statusClass(e.Status)}
			}
			ev.When = ev.History.When
		case app.EventVerdict:
			ev.Claim = v.Claims[claimAt[e.Item]]
			ev.Verdict = &verdictView{Label: clean(e.Label), Note: clean(e.Note)}
			if dated {
				ev.When = fmtTime(e.At)
			}
		}
		if dated && !e.DateOnly {
			ev.Time = timeOfDay("", e.At)
		}
		return ev
	}
	for _, e := range tl.Events {
		v.Timeline = append(v.Timeline, toEvent(e, true))
	}
	for _, e := range tl.Undated {
		v.Undated = append(v.Undated, toEvent(e, false))
	}
	for _, e := range v.Timeline {
		date := e.At.Format(time.DateOnly)
		if n := len(v.Days); n == 0 || v.Days[n-1].Date != date {
			v.Days = append(v.Days, &timelineDay{Date: date, Title: e.At.Format("Monday 2 January 2006")})
		}
		d := v.Days[len(v.Days)-1]
		d.Events = append(d.Events, e)
	}
	buildJudging(v, doc)
	return v
}

// timeOfDay is the time of day of t, "09:00 UTC", unless when is a date
// only (YYYY-MM-DD): then "".
func timeOfDay(when string, t time.Time) string {
	if len(when) == 10 {
		return ""
	}
	if t.Second() != 0 || t.Nanosecond() != 0 {
		return t.Format("15:04:05 UTC")
	}
	return t.Format("15:04 UTC")
}

func (p *partyView) stanceOn(c *claimView) *stance {
	if s := p.stanceByClaim[c.Index]; s != nil {
		return s
	}
	s := &stance{Claim: c}
	p.stanceByClaim[c.Index] = s
	p.Stances = append(p.Stances, s)
	return s
}

func containsParty(ps []*partyView, p *partyView) bool {
	for _, x := range ps {
		if x == p {
			return true
		}
	}
	return false
}

func containsSource(ss []*sourceView, s *sourceView) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// partyLabel is a party's name with its kind: "Apple (organisation)".
func partyLabel(p *partyView) string {
	if p == nil {
		return "Unknown speaker"
	}
	name := nameOr(p)
	if p.Kind == "" {
		return name
	}
	return name + " (" + p.Kind + ")"
}

// partyNames joins the names of parties: "Apple, Amazon".
func partyNames(ps []*partyView) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// statusLine is the counts by status in words: "3 alleged, 6 denied, 3
// unconfirmed".
func (v *view) statusLine() string {
	parts := make([]string, len(v.Counts))
	for i, c := range v.Counts {
		parts[i] = fmt.Sprintf("%d %s", c.N, c.Status)
	}
	return strings.Join(parts, ", ")
}
