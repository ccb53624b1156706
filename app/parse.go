package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ParseDocument reads an interchange document, checks every rule of the
// format and returns it with its dates and times in UTC.
//
// A document that breaks any rule gives an EINVALID *Error whose cause is a
// *ValidationError listing every problem, each with its JSON path. Unknown
// fields are not errors: they are dropped and returned as warnings.
func ParseDocument(data []byte) (*Document, []Problem, error) {
	var probs, warns problems
	if len(data) > MaxDocumentBytes {
		probs.add("document", "is %d bytes, over the limit of %d bytes (%d MiB)", len(data), MaxDocumentBytes, MaxDocumentBytes>>20)
		return nil, nil, InvalidDocument(probs)
	}
	if !utf8.Valid(data) {
		probs.add("document", "is not UTF-8 text")
		return nil, nil, InvalidDocument(probs)
	}
	root, err := decodeJSON(data)
	if err != nil {
		probs.add("document", "%s", err)
		return nil, nil, InvalidDocument(probs)
	}
	r := reader{probs: &probs, warns: &warns}
	doc := r.document(root)
	probs = append(probs, valueProblems(doc, probs)...)
	if len(probs) > 0 {
		return nil, warns, InvalidDocument(probs)
	}
	doc.normalize()
	return doc, warns, nil
}

// valueProblems runs ValidateDocument on what the reader could read, so that
// every problem is reported at once, and keeps those that are not a knock-on
// of a problem the reader already reported: none if the document's shape is
// unknown (it is not an object, or one of its arrays is not an array or is
// too long), and none within an item (such as quotes[3] or board) that the
// reader already found a problem in.
func valueProblems(doc *Document, read []Problem) []Problem {
	spoilt := map[string]bool{}
	for _, p := range read {
		switch p.Path {
		case "document", "sources", "parties", "claims", "quotes", "links", "layout":
			return nil
		}
		spoilt[itemPath(p.Path)] = true
	}
	var out []Problem
	for _, p := range ValidateDocument(doc) {
		if !spoilt[itemPath(p.Path)] {
			out = append(out, p)
		}
	}
	return out
}

// itemPath returns the path of the item or top-level field that path lies
// in: quotes[3] for quotes[3].anchor.start, board for board.created.
func itemPath(path string) string {
	i := strings.IndexAny(path, ".[")
	switch {
	case i < 0:
		return path
	case path[i] == '.':
		return path[:i]
	}
	if j := strings.IndexByte(path, ']'); j >= 0 {
		return path[:j+1]
	}
	return path
}

// decodeJSON decodes exactly one JSON value, keeping numbers exact.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("is empty: expected a JSON object")
		}
		return nil, describeJSONError(data, err)
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return nil, fmt.Errorf("has more after the end of the JSON object, at %s", position(data, int64(len(data)-len(rest))))
	}
	return v, nil
}

func describeJSONError(data []byte, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		// Offset counts the bytes read, the offending one included.
		return fmt.Errorf("is not valid JSON: %s, at %s", syn.Error(), position(data, syn.Offset-1))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("is not valid JSON: it ends too early, at %s", position(data, int64(len(data))))
	}
	return fmt.Errorf("is not valid JSON: %v", err)
}

// position turns a byte offset into "line L, column C" (both from 1; the
// column counts code points, as the format counts text).
func position(data []byte, off int64) string {
	off = max(0, min(off, int64(len(data))))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off])
	return fmt.Sprintf("line %d, column %d", line, col)
}

// reader turns the decoded JSON tree into a Document, reporting values of
// the wrong JSON type as problems and unknown fields as warnings. Rules on
// the values themselves are ValidateDocument's.
type reader struct {
	probs, warns *problems
}

func (r reader) object(path string, v any, known ...string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		r.probs.add(path, "must be an object, not %s", jsonType(v))
		return nil
	}
	var unknown []string
	for k := range m {
		if !contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	parent := path
	if path == "document" {
		parent = "" // top-level fields have paths such as format and board
	}
	for _, k := range unknown {
		r.warns.add(field(parent, fieldName(k)), "unknown field, ignored")
	}
	return m
}

// fieldName returns an unknown field's name for its path: as it is if it is
// a plain word, else quoted, so that a name such as "" or "a.b" cannot make
// the path empty or look like a path to another field.
func fieldName(k string) string {
	if k == "" || strings.IndexFunc(k, func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '_' && c != '-'
	}) >= 0 {
		return strconv.Quote(k)
	}
	return k
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func (r reader) str(path string, m map[string]any, key string) string {
	v, ok := m[key]
	if !ok || v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		r.probs.add(field(path, key), "must be a string, not %s", jsonType(v))
	}
	return s
}

func (r reader) number(path string, m map[string]any, key string, required bool) (float64, bool) {
	v, ok := m[key]
	if !ok || v == nil {
		if required {
			r.probs.add(field(path, key), "is required")
		}
		return 0, false
	}
	n, ok := v.(json.Number)
	if !ok {
		r.probs.add(field(path, key), "must be a number, not %s", jsonType(v))
		return 0, false
	}
	f, err := n.Float64()
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		r.probs.add(field(path, key), "%s is out of range", n)
		return 0, false
	}
	return f, true
}

func (r reader) integer(path string, m map[string]any, key string, required bool) (int, bool) {
	f, ok := r.number(path, m, key, required)
	if !ok {
		return 0, false
	}
	if f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		r.probs.add(field(path, key), "must be a whole number, not %s", m[key])
		return 0, false
	}
	return int(f), true
}

func (r reader) time(path string, m map[string]any, key string, required bool) time.Time {
	v, present := m[key]
	if s, ok := v.(string); present && v != nil && !ok {
		r.str(path, m, key) // reports the wrong type
		return time.Time{}
	} else if s == "" {
		if required || present {
			r.probs.add(field(path, key), "is required: a time in RFC 3339 form such as 2018-10-04T09:00:00Z")
		}
		return time.Time{}
	} else {
		t, err := parseTime(s)
		if err != nil {
			r.probs.add(field(path, key), "%q is not a time in RFC 3339 form such as 2018-10-04T09:00:00Z", clip(s))
		}
		return t
	}
}

// array returns the elements of m[key], or none if it is absent or null;
// max bounds the count, and name says what is counted.
func (r reader) array(path string, m map[string]any, key string, max int, name string) []any {
	v, ok := m[key]
	if !ok || v == nil {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		r.probs.add(field(path, key), "must be an array, not %s", jsonType(v))
		return nil
	}
	if len(a) > max {
		r.probs.add(field(path, key), "has %d %s, over the limit of %d", len(a), name, max)
		return nil
	}
	return a
}

func (r reader) document(v any) *Document {
	m := r.object("document", v, "format", "version", "board", "sources", "parties", "claims", "quotes", "links", "layout", "exercise", "exercise_key")
	doc := &Document{}
	if m == nil {
		return doc
	}
	if _, ok := m["format"]; !ok {
		r.probs.add("format", "is required: %q", FormatName)
	}
	doc.Format = r.str("", m, "format")
	doc.Version, _ = r.integer("", m, "version", true)
	if bv, ok := m["board"]; ok {
		doc.Board = r.board(bv)
	} else {
		r.probs.add("board", "is required")
	}
	for i, v := range r.array("", m, "sources", MaxItemsPerKind, "sources") {
		doc.Sources = append(doc.Sources, r.source(index("sources", i), v))
	}
	for i, v := range r.array("", m, "parties", MaxItemsPerKind, "parties") {
		doc.Parties = append(doc.Parties, r.party(index("parties", i), v))
	}
	for i, v := range r.array("", m, "claims", MaxItemsPerKind, "claims") {
		doc.Claims = append(doc.Claims, r.claim(index("claims", i), v))
	}
	for i, v := range r.array("", m, "quotes", MaxItemsPerKind, "quotes") {
		doc.Quotes = append(doc.Quotes, r.quote(index("quotes", i), v))
	}
	for i, v := range r.array("", m, "links", MaxLinks, "links") {
		doc.Links = append(doc.Links, r.link(index("links", i), v))
	}
	for i, v := range r.array("", m, "layout", 4*MaxItemsPerKind, "layout entries") {
		doc.Layout = append(doc.Layout, r.position(index("layout", i), v))
	}
	if ev, ok := m["exercise"]; ok && ev != nil {
		doc.Exercise = r.exercise(ev)
	}
	if kv, ok := m["exercise_key"]; ok && kv != nil {
		doc.ExerciseKey = r.exerciseKey(kv)
	}
	return doc
}

func (r reader) exercise(v any) *Exercise {
	const p = "exercise"
	m := r.object(p, v, "id", "instructions", "asked", "student")
	if m == nil {
		return &Exercise{}
	}
	e := &Exercise{ID: r.str(p, m, "id"), Instructions: r.str(p, m, "instructions"), Student: r.str(p, m, "student")}
	e.Asked = r.asked(p, m)
	return e
}

// asked reads the required "asked" of the object m at p: what an exercise
// asks the student to decide.
func (r reader) asked(p string, m map[string]any) Asked {
	av, ok := m["asked"]
	if !ok || av == nil {
		r.probs.add(field(p, "asked"), "is required: {\"status\": true}")
		return Asked{}
	}
	ap := field(p, "asked")
	am := r.object(ap, av, "status", "verdict", "links")
	if am == nil {
		return Asked{}
	}
	return Asked{Status: r.boolean(ap, am, "status"), Verdict: r.boolean(ap, am, "verdict"), Links: r.boolean(ap, am, "links")}
}

func (r reader) boolean(path string, m map[string]any, key string) bool {
	v, ok := m[key]
	if !ok || v == nil {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		r.probs.add(field(path, key), "must be true or false, not %s", jsonType(v))
	}
	return b
}

func (r reader) board(v any) Board { return r.boardAt("board", v) }

func (r reader) boardAt(p string, v any) Board {
	m := r.object(p, v, "title", "description", "created", "updated", "url", "reviewer", "scale")
	if m == nil {
		return Board{}
	}
	b := Board{
		Title:       r.str(p, m, "title"),
		Description: r.str(p, m, "description"),
		Created:     r.time(p, m, "created", p == "board"),
		Updated:     r.time(p, m, "updated", p == "board"),
		URL:         r.str(p, m, "url"),
	}
	if rv, ok := m["reviewer"]; ok && rv != nil {
		if rm := r.object(field(p, "reviewer"), rv, "name", "url"); rm != nil {
			b.Reviewer = &Reviewer{Name: r.str(field(p, "reviewer"), rm, "name"), URL: r.str(field(p, "reviewer"), rm, "url")}
		}
	}
	for i, sv := range r.array(p, m, "scale", MaxScaleSteps, "labels") {
		sp := index(field(p, "scale"), i)
		var st ScaleStep
		if sm := r.object(sp, sv, "label", "value"); sm != nil {
			st.Label = r.str(sp, sm, "label")
			st.Value, _ = r.integer(sp, sm, "value", true)
		}
		b.Scale = append(b.Scale, st)
	}
	return b
}

func (r reader) source(p string, v any) Source {
	m := r.object(p, v, "id", "title", "publisher", "author", "url", "published", "retrieved", "text", "notes", "reliability")
	if m == nil {
		return Source{}
	}
	return Source{
		ID: r.str(p, m, "id"), Title: r.str(p, m, "title"), Publisher: r.str(p, m, "publisher"),
		Author: r.str(p, m, "author"), URL: r.str(p, m, "url"), Published: r.str(p, m, "published"),
		Retrieved: r.str(p, m, "retrieved"), Text: r.str(p, m, "text"), Notes: r.str(p, m, "notes"),
		Reliability: Reliability(r.str(p, m, "reliability")),
	}
}

func (r reader) party(p string, v any) Party {
	m := r.object(p, v, "id", "name", "kind", "notes", "reliability")
	if m == nil {
		return Party{}
	}
	return Party{ID: r.str(p, m, "id"), Name: r.str(p, m, "name"), Kind: PartyKind(r.str(p, m, "kind")), Notes: r.str(p, m, "notes"),
		Reliability: Reliability(r.str(p, m, "reliability"))}
}

func (r reader) claim(p string, v any) Claim {
	m := r.object(p, v, "id", "statement", "status", "notes", "history", "verdict")
	if m == nil {
		return Claim{}
	}
	c := Claim{ID: r.str(p, m, "id"), Statement: r.str(p, m, "statement"), Status: Status(r.str(p, m, "status")), Notes: r.str(p, m, "notes")}
	for i, hv := range r.array(p, m, "history", MaxHistory, "history entries") {
		hp := index(field(p, "history"), i)
		hm := r.object(hp, hv, "status", "at", "note")
		if hm == nil {
			c.History = append(c.History, StatusChange{})
			continue
		}
		c.History = append(c.History, StatusChange{Status: Status(r.str(hp, hm, "status")), At: r.time(hp, hm, "at", true), Note: r.str(hp, hm, "note")})
	}
	if vv, ok := m["verdict"]; ok && vv != nil {
		vp := field(p, "verdict")
		if vm := r.object(vp, vv, "label", "note", "at"); vm != nil {
			c.Verdict = &Verdict{Label: r.str(vp, vm, "label"), Note: r.str(vp, vm, "note"), At: r.time(vp, vm, "at", true)}
		}
	}
	return c
}

func (r reader) quote(p string, v any) Quote {
	m := r.object(p, v, "id", "text", "speaker", "source", "said", "location", "notes", "anchor", "credibility")
	if m == nil {
		return Quote{}
	}
	q := Quote{
		ID: r.str(p, m, "id"), Text: r.str(p, m, "text"), Speaker: r.str(p, m, "speaker"), Source: r.str(p, m, "source"),
		Said: r.str(p, m, "said"), Location: r.str(p, m, "location"), Notes: r.str(p, m, "notes"),
	}
	q.Credibility, _ = r.integer(p, m, "credibility", false)
	if av, ok := m["anchor"]; ok && av != nil {
		ap := field(p, "anchor")
		if am := r.object(ap, av, "exact", "prefix", "suffix", "start", "end"); am != nil {
			a := &Anchor{Exact: r.str(ap, am, "exact"), Prefix: r.str(ap, am, "prefix"), Suffix: r.str(ap, am, "suffix")}
			a.Start, _ = r.integer(ap, am, "start", true)
			a.End, _ = r.integer(ap, am, "end", true)
			q.Anchor = a
		}
	}
	return q
}

func (r reader) link(p string, v any) Link {
	m := r.object(p, v, "from", "to", "relation", "note")
	if m == nil {
		return Link{}
	}
	return Link{From: r.str(p, m, "from"), To: r.str(p, m, "to"), Relation: Relation(r.str(p, m, "relation")), Note: r.str(p, m, "note")}
}

func (r reader) position(p string, v any) Position {
	m := r.object(p, v, "item", "x", "y")
	if m == nil {
		return Position{}
	}
	pos := Position{Item: r.str(p, m, "item")}
	pos.X, _ = r.number(p, m, "x", true)
	pos.Y, _ = r.number(p, m, "y", true)
	return pos
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// clip shortens s for quoting in a message.
func clip(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}
