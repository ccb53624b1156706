package app

import (
	"sort"
	"time"
)

// The timeline is what happened on the board, by date: quotes said, sources
// published, claims' status changes and verdicts. AsOf rewinds a board to a
// moment of it.
//
// Dates and times: the format dates quotes and sources with a date
// (YYYY-MM-DD) or an RFC 3339 time. For ordering, a date stands for the
// start of its day in UTC, so that what is dated to the day comes first in
// that day. A moment to rewind to, given as a date, means the end of that
// day, inclusive (see ParseAsOf): "as of 2018-10-04" is the board at the
// close of that day. An item dated to the day exists from the start of
// that day on. Nothing undated is ever given a date: Timeline lists the
// undated apart and AsOf keeps them.

// Kinds of timeline event.
const (
	EventPublished = "published" // a source published
	EventSaid      = "said"      // a quote said
	EventStatus    = "status"    // a claim's status changed
	EventVerdict   = "verdict"   // a claim's verdict given
)

// eventOrder is the order of kinds within one instant.
var eventOrder = map[string]int{EventPublished: 0, EventSaid: 1, EventStatus: 2, EventVerdict: 3}

// Event is one thing on the timeline.
type Event struct {
	// At is when it happened, in UTC; for a date, the start of its day.
	// Zero for an undated event.
	At time.Time `json:"at"`
	// DateOnly is true when the event is dated to the day only.
	DateOnly bool   `json:"dateOnly,omitempty"`
	Kind     string `json:"kind"` // EventPublished, EventSaid, EventStatus or EventVerdict
	// Item is the id of the source, quote or claim.
	Item string `json:"item"`
	// Entry is the index of the status change in the claim's history, for
	// EventStatus; -1 for a claim with no history at all.
	Entry int `json:"entry,omitempty"`
	// Status is the claim's new status, for EventStatus.
	Status Status `json:"status,omitempty"`
	// Label is the verdict's label, for EventVerdict.
	Label string `json:"label,omitempty"`
	// Note is the status change's or the verdict's note.
	Note string `json:"note,omitempty"`
}

// TimelineView is a board's timeline.
type TimelineView struct {
	// Events are the dated events, oldest first; at one instant, sources
	// published, then quotes said, status changes and verdicts, each in
	// board order (and history order).
	Events []Event `json:"events"`
	// Undated are the items with nothing to date them by, in board order
	// by kind (sources, quotes, claims): a source with no published date,
	// a quote with no said date (even if its source is dated), a claim
	// with no dated history entry (Entry -1 when it has none at all), a
	// verdict with no time. At is zero.
	Undated []Event `json:"undated"`
}

// WhenTime parses a date or an RFC 3339 time of the format and returns
// when it starts in UTC, and whether it is a date only. ok is false for ""
// and for anything else that is neither.
func WhenTime(s string) (t time.Time, dateOnly bool, ok bool) {
	if s == "" || len(s) > maxDateOrTimeSz {
		return time.Time{}, false, false
	}
	if datePattern.MatchString(s) {
		t, err := time.Parse(time.DateOnly, s)
		return t, true, err == nil
	}
	t, err := parseTime(s)
	return t, false, err == nil
}

// Timeline returns doc's events in time order, and the undated apart.
func Timeline(doc *Document) TimelineView {
	tl := TimelineView{Events: []Event{}, Undated: []Event{}}
	dated := func(s string, e Event) {
		if t, day, ok := WhenTime(s); ok {
			e.At, e.DateOnly = t, day
			tl.Events = append(tl.Events, e)
		} else {
			tl.Undated = append(tl.Undated, e)
		}
	}
	for i := range doc.Sources {
		dated(doc.Sources[i].Published, Event{Kind: EventPublished, Item: doc.Sources[i].ID})
	}
	for i := range doc.Quotes {
		dated(doc.Quotes[i].Said, Event{Kind: EventSaid, Item: doc.Quotes[i].ID})
	}
	for i := range doc.Claims {
		c := &doc.Claims[i]
		if len(c.History) == 0 {
			tl.Undated = append(tl.Undated, Event{Kind: EventStatus, Item: c.ID, Entry: -1, Status: c.Status})
		}
		anyDated := false
		for j, h := range c.History {
			if h.At.IsZero() {
				continue
			}
			anyDated = true
			tl.Events = append(tl.Events, Event{At: h.At.UTC(), Kind: EventStatus, Item: c.ID, Entry: j, Status: h.Status, Note: h.Note})
		}
		if len(c.History) > 0 && !anyDated {
			tl.Undated = append(tl.Undated, Event{Kind: EventStatus, Item: c.ID, Status: c.Status})
		}
		if v := c.Verdict; v != nil {
			e := Event{Kind: EventVerdict, Item: c.ID, Label: v.Label, Note: v.Note}
			if v.At.IsZero() {
				tl.Undated = append(tl.Undated, e)
			} else {
				e.At = v.At.UTC()
				tl.Events = append(tl.Events, e)
			}
		}
	}
	// Appended in board order by kind; a stable sort by time and kind
	// keeps board order within both.
	sort.SliceStable(tl.Events, func(i, j int) bool {
		a, b := &tl.Events[i], &tl.Events[j]
		if !a.At.Equal(b.At) {
			return a.At.Before(b.At)
		}
		return eventOrder[a.Kind] < eventOrder[b.Kind]
	})
	return tl
}

// ParseAsOf parses the moment to rewind a board to: a date (YYYY-MM-DD),
// which means the end of that day in UTC, inclusive, or an RFC 3339 time.
// Returns EINVALID for anything else.
func ParseAsOf(s string) (time.Time, error) {
	t, day, ok := WhenTime(s)
	if !ok {
		return time.Time{}, Errorf(EINVALID, "%q is neither a date (YYYY-MM-DD) nor an RFC 3339 time (such as 2018-10-04T13:00:00Z)", clip(s))
	}
	if day {
		t = EndOfDay(t)
	}
	return t, nil
}

// EndOfDay returns the last instant of t's day in UTC.
func EndOfDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
}

// FirstDated returns when each item of doc was first dated, by id: a
// source when published; a quote when said, else when its source was
// published; a claim at its first dated history entry, or when that entry
// comes after undated ones, at none (its undated entries come first). An
// item with no date is not in the map; parties never are.
func FirstDated(doc *Document) map[string]time.Time {
	first := make(map[string]time.Time, len(doc.Sources)+len(doc.Quotes)+len(doc.Claims))
	for i := range doc.Sources {
		if t, _, ok := WhenTime(doc.Sources[i].Published); ok {
			first[doc.Sources[i].ID] = t
		}
	}
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		if t, _, ok := WhenTime(q.Said); ok {
			first[q.ID] = t
		} else if t, ok := first[q.Source]; ok && q.Source != "" {
			first[q.ID] = t
		}
	}
	for i := range doc.Claims {
		if h := doc.Claims[i].History; len(h) > 0 && !h[0].At.IsZero() {
			first[doc.Claims[i].ID] = h[0].At.UTC()
		}
	}
	return first
}

// AsOf returns the board as it stood at t, a new document that shares
// nothing with doc that AsOf changes:
//
//   - each claim's history is cut before its first entry dated after t,
//     and its status is the last remaining entry's (a claim with no
//     history keeps its status);
//   - a verdict given after t is removed;
//   - an item first dated after t (see FirstDated) is left out: a quote by
//     its said date, else its source's published date; a source by its
//     published date; a claim by its first history entry. Parties are
//     kept. Links to or from what is left out and its layout entries go;
//   - a quote kept whose source is left out (said before its source was
//     published) loses its source and anchor: that source did not exist;
//   - undated items are kept.
//
// The board's own record is unchanged. If doc is valid, so is the result.
func AsOf(doc *Document, t time.Time) *Document {
	first := FirstDated(doc)
	gone := map[string]bool{}
	later := func(id string) bool {
		f, ok := first[id]
		return ok && f.After(t)
	}
	out := &Document{Format: doc.Format, Version: doc.Version, Board: doc.Board}
	out.Board.Scale = append([]ScaleStep(nil), doc.Board.Scale...)
	if r := doc.Board.Reviewer; r != nil {
		rc := *r
		out.Board.Reviewer = &rc
	}
	out.Sources = make([]Source, 0, len(doc.Sources))
	for _, s := range doc.Sources {
		if later(s.ID) {
			gone[s.ID] = true
			continue
		}
		out.Sources = append(out.Sources, s)
	}
	out.Parties = append(make([]Party, 0, len(doc.Parties)), doc.Parties...)
	out.Claims = make([]Claim, 0, len(doc.Claims))
	for _, c := range doc.Claims {
		if later(c.ID) {
			gone[c.ID] = true
			continue
		}
		n := 0
		for n < len(c.History) && !c.History[n].At.After(t) {
			n++
		}
		if len(c.History) > 0 {
			c.History = append([]StatusChange(nil), c.History[:n]...)
			c.Status = c.History[n-1].Status
		}
		if v := c.Verdict; v != nil {
			if v.At.After(t) {
				c.Verdict = nil
			} else {
				vc := *v
				c.Verdict = &vc
			}
		}
		out.Claims = append(out.Claims, c)
	}
	out.Quotes = make([]Quote, 0, len(doc.Quotes))
	for _, q := range doc.Quotes {
		if later(q.ID) {
			gone[q.ID] = true
			continue
		}
		if gone[q.Source] {
			q.Source, q.Anchor = "", nil
		} else if q.Anchor != nil {
			a := *q.Anchor
			q.Anchor = &a
		}
		out.Quotes = append(out.Quotes, q)
	}
	out.Links = make([]Link, 0, len(doc.Links))
	for _, l := range doc.Links {
		if !gone[l.From] && !gone[l.To] {
			out.Links = append(out.Links, l)
		}
	}
	out.Layout = make([]Position, 0, len(doc.Layout))
	for _, p := range doc.Layout {
		if !gone[p.Item] {
			out.Layout = append(out.Layout, p)
		}
	}
	return out
}

// Absent returns the ids of doc's items that did not exist yet at t: those
// AsOf(doc, t) leaves out.
func Absent(doc *Document, t time.Time) map[string]bool {
	gone := map[string]bool{}
	for id, f := range FirstDated(doc) {
		if f.After(t) {
			gone[id] = true
		}
	}
	return gone
}
