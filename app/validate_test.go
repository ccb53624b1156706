package app_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"evidenceboard/app"
)

// TestParseDocument_Base makes sure the base document of the table test is
// valid, so that each row's problem comes from its one breakage.
func TestParseDocument_Base(t *testing.T) {
	doc, warns := mustParse(t, mustJSON(t, baseDoc()))
	if len(warns) != 0 {
		t.Errorf("warnings = %v, want none", warns)
	}
	if got, want := len(doc.Quotes), 2; got != want {
		t.Fatalf("len(Quotes) = %d, want %d", got, want)
	}
	if got, want := doc.Quotes[0].Anchor.Exact, "never found"; got != want {
		t.Errorf("anchor exact = %q, want %q", got, want)
	}
}

// TestParseDocument_Invalid breaks one rule of the format per row, starting
// from the valid base document, and checks the problem's path and message.
func TestParseDocument_Invalid(t *testing.T) {
	s65 := strings.Repeat("a", app.MaxIDLength+1)
	nText := utf8.RuneCountInString(baseText)
	nulls := func(n int) []any { return make([]any, n) }

	type row struct {
		name string
		edit func(d map[string]any)
		want []string // "path: part of the message", in order
	}
	rows := []row{
		// Top level.
		{"format missing", func(d map[string]any) { delete(d, "format") },
			[]string{`format: is required: "evidence-board"`}},
		{"format wrong", func(d map[string]any) { d["format"] = "trello" },
			[]string{`format: is "trello", expected "evidence-board": this is not an Evidence Board document`}},
		{"format empty", func(d map[string]any) { d["format"] = "" },
			[]string{`format: is required`}},
		{"format null", func(d map[string]any) { d["format"] = nil },
			[]string{`format: is required`}},
		{"format not a string", func(d map[string]any) { d["format"] = 1 },
			[]string{`format: must be a string, not a number`}},
		{"version missing", func(d map[string]any) { delete(d, "version") },
			[]string{`version: is required`}},
		{"version newer", func(d map[string]any) { d["version"] = 2 },
			[]string{`version: is 2, newer than this program reads (version 1)`}},
		{"version 0", func(d map[string]any) { d["version"] = 0 },
			[]string{`version: is 0, expected 1`}},
		{"version negative", func(d map[string]any) { d["version"] = -1 },
			[]string{`version: is -1, expected 1`}},
		{"version fraction", func(d map[string]any) { d["version"] = 1.5 },
			[]string{`version: must be a whole number, not 1.5`}},
		{"version a string", func(d map[string]any) { d["version"] = "1" },
			[]string{`version: must be a number, not a string`}},
		{"board missing", func(d map[string]any) { delete(d, "board") },
			[]string{`board: is required`}},
		{"board an array", func(d map[string]any) { d["board"] = []any{} },
			[]string{`board: must be an object, not an array`}},
		{"board title missing", func(d map[string]any) { delete(at(t, d, "board"), "title") },
			[]string{`board.title: is required`}},
		{"board title blank", func(d map[string]any) { at(t, d, "board")["title"] = " \t\n" },
			[]string{`board.title: is required`}},
		{"board title a number", func(d map[string]any) { at(t, d, "board")["title"] = 42 },
			[]string{`board.title: must be a string, not a number`}},
		{"board title over the limit", func(d map[string]any) { at(t, d, "board")["title"] = strings.Repeat("x", app.MaxShortText+1) },
			[]string{fmt.Sprintf("board.title: is %d characters long, over the limit of %d", app.MaxShortText+1, app.MaxShortText)}},
		{"board description over the limit", func(d map[string]any) { at(t, d, "board")["description"] = strings.Repeat("x", app.MaxNotes+1) },
			[]string{fmt.Sprintf("board.description: is %d characters long, over the limit of %d", app.MaxNotes+1, app.MaxNotes)}},
		{"board url over the limit", func(d map[string]any) { at(t, d, "board")["url"] = "https://x.org/" + strings.Repeat("x", app.MaxURL) },
			[]string{fmt.Sprintf("board.url: is %d characters long, over the limit of %d", app.MaxURL+14, app.MaxURL)}},
		{"board created missing", func(d map[string]any) { delete(at(t, d, "board"), "created") },
			[]string{`board.created: is required: a time in RFC 3339 form`}},
		{"board created a date", func(d map[string]any) { at(t, d, "board")["created"] = "2018-10-04" },
			[]string{`board.created: "2018-10-04" is not a time in RFC 3339 form`}},
		{"board created a number", func(d map[string]any) { at(t, d, "board")["created"] = 1538661600 },
			[]string{`board.created: must be a string, not a number`}},
		{"board updated not a time", func(d map[string]any) { at(t, d, "board")["updated"] = "yesterday" },
			[]string{`board.updated: "yesterday" is not a time in RFC 3339 form`}},
		{"board updated past year 9999 in UTC", func(d map[string]any) { at(t, d, "board")["updated"] = "9999-12-31T23:00:00-02:00" },
			[]string{`board.updated: "9999-12-31T23:00:00-02:00" is not a time`}},
		{"board reviewer a string", func(d map[string]any) { at(t, d, "board")["reviewer"] = "IFCN" },
			[]string{`board.reviewer: must be an object, not a string`}},
		{"board reviewer name over the limit", func(d map[string]any) {
			at(t, d, "board")["reviewer"] = map[string]any{"name": strings.Repeat("x", app.MaxShortText+1)}
		}, []string{`board.reviewer.name: is 1001 characters long, over the limit of 1000`}},

		// Arrays and items of the wrong JSON type.
		{"sources an object", func(d map[string]any) { d["sources"] = map[string]any{} },
			[]string{`sources: must be an array, not an object`}},
		{"parties a string", func(d map[string]any) { d["parties"] = "p1" },
			[]string{`parties: must be an array, not a string`}},
		{"claim a string", func(d map[string]any) { d["claims"].([]any)[1] = "c2" },
			[]string{`claims[1]: must be an object, not a string`}},
		{"link null", func(d map[string]any) { appendTo(d, "links", nil) },
			[]string{`links[3]: must be an object, not null`}},
		{"history an object", func(d map[string]any) { at(t, d, "claims", 1)["history"] = map[string]any{} },
			[]string{`claims[1].history: must be an array, not an object`}},
		{"anchor an array", func(d map[string]any) { at(t, d, "quotes", 0)["anchor"] = []any{} },
			[]string{`quotes[0].anchor: must be an object, not an array`}},
		{"source text a number", func(d map[string]any) { at(t, d, "sources", 1)["text"] = 7 },
			[]string{`sources[1].text: must be a string, not a number`}},
		{"layout y a boolean", func(d map[string]any) { at(t, d, "layout", 0)["y"] = true },
			[]string{`layout[0].y: must be a number, not a boolean`}},

		// Sources.
		{"source title missing", func(d map[string]any) { delete(at(t, d, "sources", 1), "title") },
			[]string{`sources[1].title: is required`}},
		{"source published not a date", func(d map[string]any) { at(t, d, "sources", 1)["published"] = "04/10/2018" },
			[]string{`sources[1].published: "04/10/2018" is neither a date (YYYY-MM-DD) nor an RFC 3339 time`}},
		{"source retrieved not a real day", func(d map[string]any) { at(t, d, "sources", 1)["retrieved"] = "2018-02-30" },
			[]string{`sources[1].retrieved: "2018-02-30" is neither a date`}},
		{"source text over the limit", func(d map[string]any) { at(t, d, "sources", 1)["text"] = strings.Repeat("x", app.MaxSourceText+1) },
			[]string{fmt.Sprintf("sources[1].text: is %d characters long, over the limit of %d", app.MaxSourceText+1, app.MaxSourceText)}},

		// Parties.
		{"party name missing", func(d map[string]any) { delete(at(t, d, "parties", 1), "name") },
			[]string{`parties[1].name: is required`}},
		{"party name over the limit", func(d map[string]any) { at(t, d, "parties", 1)["name"] = strings.Repeat("名", app.MaxShortText+1) },
			[]string{`parties[1].name: is 1001 characters long, over the limit of 1000`}},
		{"party kind missing", func(d map[string]any) { delete(at(t, d, "parties", 1), "kind") },
			[]string{`parties[1].kind: is required: one of person, organisation, government, media or anonymous`}},
		{"party kind unknown", func(d map[string]any) { at(t, d, "parties", 1)["kind"] = "company" },
			[]string{`parties[1].kind: "company" is not a kind of party (use person, organisation, government, media or anonymous)`}},

		// Claims.
		{"claim statement missing", func(d map[string]any) { delete(at(t, d, "claims", 1), "statement") },
			[]string{`claims[1].statement: is required`}},
		{"claim statement over the limit", func(d map[string]any) { at(t, d, "claims", 1)["statement"] = strings.Repeat("x", app.MaxStatement+1) },
			[]string{fmt.Sprintf("claims[1].statement: is %d characters long, over the limit of %d", app.MaxStatement+1, app.MaxStatement)}},
		{"claim status missing", func(d map[string]any) { delete(at(t, d, "claims", 1), "status") },
			[]string{`claims[1].status: is required: alleged, denied or unconfirmed`}},
		{"claim status unknown", func(d map[string]any) { at(t, d, "claims", 1)["status"] = "true" },
			[]string{`claims[1].status: "true" is not a status (use alleged, denied or unconfirmed)`}},
		{"history status unknown", func(d map[string]any) { at(t, d, "claims", 0, "history", 0)["status"] = "rumoured" },
			[]string{`claims[0].history[0].status: "rumoured" is not a status`}},
		{"history status missing", func(d map[string]any) { delete(at(t, d, "claims", 0, "history", 0), "status") },
			[]string{`claims[0].history[0].status: is required`}},
		{"history at missing", func(d map[string]any) { delete(at(t, d, "claims", 0, "history", 0), "at") },
			[]string{`claims[0].history[0].at: is required`}},
		{"history at not a time", func(d map[string]any) { at(t, d, "claims", 0, "history", 1)["at"] = "10am" },
			[]string{`claims[0].history[1].at: "10am" is not a time in RFC 3339 form`}},
		{"history out of order", func(d map[string]any) { at(t, d, "claims", 0, "history", 1)["at"] = "2018-10-04T08:00:00Z" },
			[]string{`claims[0].history[1].at: 2018-10-04T08:00:00Z is earlier than the entry before it: history goes oldest first`}},
		{"history out of order across offsets", func(d map[string]any) { at(t, d, "claims", 0, "history", 1)["at"] = "2018-10-04T09:30:00+01:00" },
			[]string{`claims[0].history[1].at: 2018-10-04T08:30:00Z is earlier than the entry before it`}},
		{"status is not the last history entry's", func(d map[string]any) { at(t, d, "claims", 0)["status"] = "unconfirmed" },
			[]string{`claims[0].status: is "unconfirmed", but the last history entry says "denied"`}},
		{"history note over the limit", func(d map[string]any) {
			at(t, d, "claims", 0, "history", 0)["note"] = strings.Repeat("x", app.MaxNotes+1)
		},
			[]string{`claims[0].history[0].note: is 20001 characters long, over the limit of 20000`}},
		{"history over the limit", func(d map[string]any) { at(t, d, "claims", 1)["history"] = nulls(app.MaxHistory + 1) },
			[]string{`claims[1].history: has 1001 history entries, over the limit of 1000`}},

		// Ids.
		{"id missing", func(d map[string]any) { delete(at(t, d, "sources", 1), "id") },
			[]string{`sources[1].id: is required`}},
		{"id empty", func(d map[string]any) { at(t, d, "parties", 1)["id"] = "" },
			[]string{`parties[1].id: is required`}},
		{"id with a space", func(d map[string]any) { at(t, d, "parties", 1)["id"] = "p 2" },
			[]string{`parties[1].id: "p 2" is not a valid id: use 1 to 64 characters of A-Z a-z 0-9 . _ -`}},
		{"id with a slash", func(d map[string]any) { at(t, d, "claims", 1)["id"] = "c/2" },
			[]string{`claims[1].id: "c/2" is not a valid id`}},
		{"id not ASCII", func(d map[string]any) { at(t, d, "quotes", 1)["id"] = "zitat-ä" },
			[]string{`quotes[1].id: "zitat-ä" is not a valid id`}},
		{"id of 65 characters", func(d map[string]any) { at(t, d, "claims", 1)["id"] = s65 },
			[]string{`claims[1].id: "` + s65[:40] + `…" is not a valid id`}},
		{"id a number", func(d map[string]any) { at(t, d, "claims", 1)["id"] = 2 },
			[]string{`claims[1].id: must be a string, not a number`}},
		{"id twice in one kind", func(d map[string]any) { at(t, d, "claims", 1)["id"] = "c1" },
			[]string{`claims[1].id: "c1" is already the id of claims[0] (ids are shared by all kinds)`}},
		{"id twice across kinds", func(d map[string]any) { at(t, d, "quotes", 1)["id"] = "s1" },
			[]string{`quotes[1].id: "s1" is already the id of sources[0]`}},

		// Quotes.
		{"quote text missing", func(d map[string]any) { delete(at(t, d, "quotes", 1), "text") },
			[]string{`quotes[1].text: is required`}},
		{"quote text over the limit", func(d map[string]any) { at(t, d, "quotes", 1)["text"] = strings.Repeat("x", app.MaxQuoteText+1) },
			[]string{`quotes[1].text: is 20001 characters long, over the limit of 20000`}},
		{"quote speaker unknown", func(d map[string]any) { at(t, d, "quotes", 1)["speaker"] = "p9" },
			[]string{`quotes[1].speaker: no party with id "p9"`}},
		{"quote speaker a source", func(d map[string]any) { at(t, d, "quotes", 1)["speaker"] = "s1" },
			[]string{`quotes[1].speaker: "s1" is a source, not a party`}},
		{"quote source unknown", func(d map[string]any) { at(t, d, "quotes", 1)["source"] = "s9" },
			[]string{`quotes[1].source: no source with id "s9"`}},
		{"quote source a party", func(d map[string]any) { at(t, d, "quotes", 1)["source"] = "p2" },
			[]string{`quotes[1].source: "p2" is a party, not a source`}},
		{"quote said not a date", func(d map[string]any) { at(t, d, "quotes", 1)["said"] = "last week" },
			[]string{`quotes[1].said: "last week" is neither a date (YYYY-MM-DD) nor an RFC 3339 time`}},
		{"quote said month 13", func(d map[string]any) { at(t, d, "quotes", 1)["said"] = "2018-13-01" },
			[]string{`quotes[1].said: "2018-13-01" is neither a date`}},

		// Anchors.
		{"anchor without a source", func(d map[string]any) { delete(at(t, d, "quotes", 0), "source") },
			[]string{`quotes[0].anchor: a quote with an anchor needs a source whose text it points into`}},
		{"anchor exact missing", func(d map[string]any) { delete(at(t, d, "quotes", 0, "anchor"), "exact") },
			[]string{`quotes[0].anchor.exact: is required`, `quotes[0].anchor.exact: does not match the source's text at 10–21`}},
		{"anchor start missing", func(d map[string]any) { delete(at(t, d, "quotes", 0, "anchor"), "start") },
			[]string{`quotes[0].anchor.start: is required`}},
		{"anchor start a fraction", func(d map[string]any) { at(t, d, "quotes", 0, "anchor")["start"] = 10.5 },
			[]string{`quotes[0].anchor.start: must be a whole number, not 10.5`}},
		{"anchor start negative", func(d map[string]any) { at(t, d, "quotes", 0, "anchor")["start"] = -1 },
			[]string{`quotes[0].anchor.start: is -1: offsets count from 0`}},
		{"anchor end before start", func(d map[string]any) { at(t, d, "quotes", 0, "anchor")["end"] = 5 },
			[]string{`quotes[0].anchor.end: is 5, before start (10)`}},
		{"anchor length is not exact's", func(d map[string]any) { at(t, d, "quotes", 0, "anchor")["end"] = 22 },
			[]string{`quotes[0].anchor.end: end - start is 12, but exact is 11 characters long`, `quotes[0].anchor.exact: does not match the source's text at 10–22`}},
		{"anchor exact not the source's text", func(d map[string]any) { at(t, d, "quotes", 0, "anchor")["exact"] = "never fouNd" },
			[]string{`quotes[0].anchor.exact: does not match the source's text at 10–21, which reads "never found"`}},
		{"anchor past the end of the text", func(d map[string]any) {
			a := at(t, d, "quotes", 0, "anchor")
			a["start"], a["end"] = nText-5, nText+6
		}, []string{fmt.Sprintf("quotes[0].anchor.end: is %d, past the end of the source's text (%d characters)", nText+6, nText)}},
		{"anchor prefix over 32 code points", func(d map[string]any) { at(t, d, "quotes", 0, "anchor")["prefix"] = strings.Repeat("é", 33) },
			[]string{`quotes[0].anchor.prefix: is 33 characters long, over the limit of 32`}},
		{"anchor suffix over 32 code points", func(d map[string]any) { at(t, d, "quotes", 0, "anchor")["suffix"] = strings.Repeat("🙂", 33) },
			[]string{`quotes[0].anchor.suffix: is 33 characters long, over the limit of 32`}},

		// Links.
		{"link from unknown", func(d map[string]any) { at(t, d, "links", 0)["from"] = "x9" },
			[]string{`links[0].from: no item with id "x9"`}},
		{"link to missing", func(d map[string]any) { delete(at(t, d, "links", 0), "to") },
			[]string{`links[0].to: is required`}},
		{"link relation missing", func(d map[string]any) { delete(at(t, d, "links", 0), "relation") },
			[]string{`links[0].relation: is required`}},
		{"link relation unknown", func(d map[string]any) { at(t, d, "links", 0)["relation"] = "refutes" },
			[]string{`links[0].relation: "refutes" is not a relation (use one of about, contradicts, denies, made-by, mentions, part-of, speaks-for or supports)`}},
		{"link relation unknown and an end unknown", func(d map[string]any) {
			appendTo(d, "links", map[string]any{"from": "q1", "to": "x9", "relation": "refutes"})
		},
			[]string{`links[3].to: no item with id "x9"`, `links[3].relation: "refutes" is not a relation`}},
		{"link claim to claim", func(d map[string]any) {
			appendTo(d, "links", map[string]any{"from": "c1", "to": "c2", "relation": "supports"})
		},
			[]string{`links[3].relation: a claim cannot be linked to a claim`}},
		{"link quote supports party", func(d map[string]any) {
			appendTo(d, "links", map[string]any{"from": "q1", "to": "p1", "relation": "supports"})
		},
			[]string{`links[3].relation: a quote supports a party is not allowed: a quote can only be linked to a party by mentions`}},
		{"link the wrong way round", func(d map[string]any) {
			appendTo(d, "links", map[string]any{"from": "c2", "to": "q2", "relation": "supports"})
		},
			[]string{`links[3].relation: a claim cannot be linked to a quote`}},
		{"link claim part-of party", func(d map[string]any) {
			appendTo(d, "links", map[string]any{"from": "c2", "to": "p2", "relation": "part-of"})
		},
			[]string{`links[3].relation: a claim part-of a party is not allowed: a claim can only be linked to a party by about or made-by`}},
		{"link from a source", func(d map[string]any) {
			appendTo(d, "links", map[string]any{"from": "s1", "to": "c1", "relation": "supports"})
		},
			[]string{`links[3].relation: a source cannot be linked to a claim`}},
		{"link to itself", func(d map[string]any) {
			appendTo(d, "links", map[string]any{"from": "p1", "to": "p1", "relation": "part-of"})
		},
			[]string{`links[3].to: a link cannot join "p1" to itself`}},
		{"link twice", func(d map[string]any) {
			appendTo(d, "links", map[string]any{"from": "c1", "to": "p1", "relation": "made-by", "note": "again"})
		},
			[]string{`links[3]: the same link (c1 made-by p1) as links[2]`}},
		{"link note over the limit", func(d map[string]any) { at(t, d, "links", 1)["note"] = strings.Repeat("x", app.MaxNotes+1) },
			[]string{`links[1].note: is 20001 characters long, over the limit of 20000`}},

		// Layout.
		{"layout item unknown", func(d map[string]any) { at(t, d, "layout", 0)["item"] = "zz" },
			[]string{`layout[0].item: no item with id "zz"`}},
		{"layout item missing", func(d map[string]any) { delete(at(t, d, "layout", 0), "item") },
			[]string{`layout[0].item: is required`}},
		{"layout item twice", func(d map[string]any) { at(t, d, "layout", 1)["item"] = "c1" },
			[]string{`layout[1].item: "c1" is already placed by layout[0]`}},
		{"layout x missing", func(d map[string]any) { delete(at(t, d, "layout", 0), "x") },
			[]string{`layout[0].x: is required`}},
		{"layout x a string", func(d map[string]any) { at(t, d, "layout", 0)["x"] = "400" },
			[]string{`layout[0].x: must be a number, not a string`}},
		{"layout x off the board", func(d map[string]any) { at(t, d, "layout", 1)["x"] = 1e8 },
			[]string{`layout[1].x: 1e+08 is outside the board (at most 10000000 either way)`}},

		// Counts.
		{"sources over the limit", func(d map[string]any) { d["sources"] = nulls(app.MaxItemsPerKind + 1) },
			[]string{`sources: has 100001 sources, over the limit of 100000`}},
		{"links over the limit", func(d map[string]any) { d["links"] = nulls(app.MaxLinks + 1) },
			[]string{`links: has 500001 links, over the limit of 500000`}},
	}
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			d := baseDoc()
			tt.edit(d)
			checkProblems(t, invalid(t, mustJSON(t, d)), tt.want...)
		})
	}
}

// TestParseDocument_SpecProblem checks the problem the format spec gives as
// its example, word for word.
func TestParseDocument_SpecProblem(t *testing.T) {
	d := baseDoc()
	appendTo(d, "quotes",
		map[string]any{"id": "q3", "text": "x"},
		map[string]any{"id": "q4", "text": "y", "speaker": "p9"},
	)
	ps := invalid(t, mustJSON(t, d))
	if got, want := len(ps), 1; got != want {
		t.Fatalf("problems = %v, want %d", ps, want)
	}
	if got, want := ps[0].String(), `quotes[3].speaker: no party with id "p9"`; got != want {
		t.Errorf("problem = %q, want %q", got, want)
	}
	if got, want := ps[0].Path, "quotes[3].speaker"; got != want {
		t.Errorf("Path = %q, want %q", got, want)
	}
	if got, want := ps[0].Message, `no party with id "p9"`; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
}

// TestParseDocument_InvalidBytes covers the problems with the document as
// a whole: its size, its encoding and its JSON syntax.
func TestParseDocument_InvalidBytes(t *testing.T) {
	valid := mustJSON(t, baseDoc())
	big := make([]byte, app.MaxDocumentBytes+1)
	copy(big, valid)
	for i := len(valid); i < len(big); i++ {
		big[i] = ' '
	}

	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, `document: is empty: expected a JSON object`},
		{"only white space", []byte(" \n\t "), `document: is empty`},
		{"over the size limit", big, fmt.Sprintf("document: is %d bytes, over the limit of %d bytes (64 MiB)", app.MaxDocumentBytes+1, app.MaxDocumentBytes)},
		{"not UTF-8", []byte("{\"format\": \"evidence-board\", \"board\": {\"title\": \"caf\xe9\"}}"), `document: is not UTF-8 text`},
		{"syntax error", []byte("{\"format\": \"evidence-board\",\n  \"version\" 1}"),
			`document: is not valid JSON: invalid character '1' after object key, at line 2, column 13`},
		{"syntax error on the first line", []byte(`{"a" 1}`), `document: is not valid JSON: invalid character '1' after object key, at line 1, column 6`},
		{"syntax error after CJK and emoji", []byte("{\"board\": {\"title\": \"声明🙂\",\n \"描述\": \"🙂🙂\" x}}"),
			`document: is not valid JSON: invalid character 'x' after object key:value pair, at line 2, column 13`},
		{"ends too early", []byte("{\"format\": \"evidence-board\",\n"), `document: is not valid JSON: it ends too early, at line 2, column 1`},
		{"garbage after the object", append(append([]byte{}, valid...), "\n\n  }"...),
			`document: has more after the end of the JSON object, at line 3, column 3`},
		{"a second object", append(append([]byte{}, valid...), " {}"...),
			fmt.Sprintf("document: has more after the end of the JSON object, at line 1, column %d", len(valid)+2)},
		{"an array", []byte(`[]`), `document: must be an object, not an array`},
		{"null", []byte(`null`), `document: must be an object, not null`},
		{"a string", []byte(`"evidence-board"`), `document: must be an object, not a string`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, invalid(t, tt.data), tt.want)
		})
	}
}

// TestParseDocument_AllProblems checks that a document is not stopped at its
// first problem: each is reported, with its path.
func TestParseDocument_AllProblems(t *testing.T) {
	t.Run("rule problems", func(t *testing.T) {
		d := baseDoc()
		at(t, d, "board")["title"] = ""
		at(t, d, "parties", 1)["kind"] = "company"
		at(t, d, "quotes", 1)["speaker"] = "p9"
		appendTo(d, "links", map[string]any{"from": "q1", "to": "c1", "relation": "denies"})
		at(t, d, "layout", 1)["item"] = "zz"
		ps := invalid(t, mustJSON(t, d))
		checkProblems(t, ps,
			`board.title: is required`,
			`parties[1].kind: "company" is not a kind of party`,
			`quotes[1].speaker: no party with id "p9"`,
			`links[3]: the same link (q1 denies c1) as links[0]`,
			`layout[1].item: no item with id "zz"`,
		)
	})

	// JSON type problems and rule problems elsewhere come together.
	t.Run("type and rule problems", func(t *testing.T) {
		d := baseDoc()
		d["version"] = "1"
		delete(at(t, d, "board"), "created")
		at(t, d, "claims", 1)["status"] = "true"
		at(t, d, "quotes", 1)["speaker"] = "p9"
		at(t, d, "layout", 0)["x"] = "400"
		ps := invalid(t, mustJSON(t, d))
		checkProblems(t, ps,
			`version: must be a number, not a string`,
			`board.created: is required`,
			`layout[0].x: must be a number, not a string`,
			`claims[1].status: "true" is not a status`,
			`quotes[1].speaker: no party with id "p9"`,
		)
	})

	// A value of the wrong type is not also reported as a knock-on problem
	// of the zero value that stands in for it.
	t.Run("no knock-on problems", func(t *testing.T) {
		d := baseDoc()
		at(t, d, "quotes", 0, "anchor")["start"] = "10"
		d["version"] = nil
		ps := invalid(t, mustJSON(t, d))
		checkProblems(t, ps,
			`version: is required`,
			`quotes[0].anchor.start: must be a number, not a string`,
		)
	})

	t.Run("message counts them", func(t *testing.T) {
		d := baseDoc()
		d["format"] = "trello"
		d["version"] = 2
		_, _, err := app.ParseDocument(mustJSON(t, d))
		if got, want := app.ErrorMessage(err), `the document has 2 problems; the first: format: is "trello"`; !strings.HasPrefix(got, want) {
			t.Errorf("ErrorMessage = %q, want it to start with %q", got, want)
		}
	})
}

// TestParseDocument_UnknownFields checks that unknown fields are warnings
// with their paths, and that the document is accepted without them.
func TestParseDocument_UnknownFields(t *testing.T) {
	d := baseDoc()
	d["extra"] = true
	at(t, d, "board")["colour"] = "red"
	at(t, d, "sources", 0)["lang"] = "en"
	at(t, d, "parties", 1)["wikidata"] = "Q312"
	at(t, d, "claims", 0, "history", 0)["by"] = "me"
	at(t, d, "quotes", 0, "anchor")["selector"] = map[string]any{"type": "TextQuoteSelector"}
	at(t, d, "quotes", 0)["zzz"] = nil
	at(t, d, "links", 2)["weight"] = 2
	at(t, d, "layout", 1)["z"] = 3
	at(t, d, "layout", 1)[""] = 0
	at(t, d, "layout", 1)["a.b"] = 0

	doc, warns := mustParse(t, mustJSON(t, d))
	checkProblems(t, warns,
		`extra: unknown field, ignored`,
		`board.colour: unknown field, ignored`,
		`sources[0].lang: unknown field, ignored`,
		`parties[1].wikidata: unknown field, ignored`,
		`claims[0].history[0].by: unknown field, ignored`,
		`quotes[0].zzz: unknown field, ignored`,
		`quotes[0].anchor.selector: unknown field, ignored`,
		`links[2].weight: unknown field, ignored`,
		`layout[1]."": unknown field, ignored`,
		`layout[1]."a.b": unknown field, ignored`,
		`layout[1].z: unknown field, ignored`,
	)

	// Dropped: the document is the base document.
	want, _ := mustParse(t, mustJSON(t, baseDoc()))
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("document with unknown fields:\n%+v\nwant:\n%+v", doc, want)
	}
	var buf bytes.Buffer
	if err := app.WriteDocumentJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"extra", "colour", "lang", "wikidata", `"by"`, "selector", "zzz", "weight", `"z"`} {
		if bytes.Contains(buf.Bytes(), []byte(name)) {
			t.Errorf("written document holds the unknown field %s", name)
		}
	}

	// An invalid document still returns its warnings.
	at(t, d, "board")["title"] = ""
	_, warns, err := app.ParseDocument(mustJSON(t, d))
	problemsOf(t, err)
	if got, want := len(warns), 11; got != want {
		t.Errorf("warnings with an invalid document = %d, want %d", got, want)
	}
}

// TestParseDocument_Sample checks that the sample board that ships with the
// program is valid as it stands.
func TestParseDocument_Sample(t *testing.T) {
	data, err := readSample(t)
	if err != nil {
		t.Fatal(err)
	}
	doc, warns, err := app.ParseDocument(data)
	if err != nil {
		t.Fatalf("sample: %v\n%v", err, problemsOf(t, err))
	}
	if len(warns) != 0 {
		t.Errorf("sample warnings: %v", warns)
	}
	if ps := app.ValidateDocument(doc); len(ps) != 0 {
		t.Errorf("ValidateDocument(sample) = %v", ps)
	}
	if doc.Board.Title == "" || len(doc.Claims) == 0 || len(doc.Quotes) == 0 || len(doc.Links) == 0 {
		t.Errorf("sample looks empty: %d claims, %d quotes, %d links", len(doc.Claims), len(doc.Quotes), len(doc.Links))
	}
	// Written back and read again, it is the same board.
	var buf bytes.Buffer
	if err := app.WriteDocumentJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	again, _ := mustParse(t, buf.Bytes())
	if !reflect.DeepEqual(again, doc) {
		t.Error("sample written and read again differs")
	}
}

// TestParseDocument_SpecExample checks the example of the format spec.
func TestParseDocument_SpecExample(t *testing.T) {
	doc, warns := mustParse(t, []byte(specExample))
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	if got, want := len(doc.Links), 3; got != want {
		t.Errorf("links = %d, want %d", got, want)
	}
}

// TestParseDocument_UTC checks that times with an offset are read as the
// same instant in UTC, in every field that holds one, while dates stay as
// given.
func TestParseDocument_UTC(t *testing.T) {
	d := baseDoc()
	at(t, d, "board")["created"] = "2018-10-04T10:00:00+01:00"
	at(t, d, "board")["updated"] = "2018-10-04T13:48:00.250-04:00"
	at(t, d, "claims", 0, "history", 0)["at"] = "2018-10-04T10:00:00+01:00"
	at(t, d, "claims", 0, "history", 1)["at"] = "2018-10-04T05:30:00-04:30"
	at(t, d, "sources", 0)["published"] = "2018-10-04T10:00:00+01:00"
	at(t, d, "sources", 0)["retrieved"] = "2018-10-05"
	at(t, d, "sources", 1)["published"] = "2018-10-04T09:00:00.000Z"
	at(t, d, "quotes", 0)["said"] = "2018-10-04T10:00:00+01:00"
	at(t, d, "quotes", 1)["said"] = "2018-10-04"
	doc, _ := mustParse(t, mustJSON(t, d))

	times := []struct {
		name string
		got  time.Time
		want string
	}{
		{"board.created", doc.Board.Created, "2018-10-04T09:00:00Z"},
		{"board.updated", doc.Board.Updated, "2018-10-04T17:48:00.25Z"},
		{"claims[0].history[0].at", doc.Claims[0].History[0].At, "2018-10-04T09:00:00Z"},
		{"claims[0].history[1].at", doc.Claims[0].History[1].At, "2018-10-04T10:00:00Z"},
	}
	for _, tt := range times {
		if got := tt.got.Format(time.RFC3339Nano); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, got, tt.want)
		}
		if got := tt.got.Location(); got != time.UTC {
			t.Errorf("%s is in %v, want UTC", tt.name, got)
		}
	}
	strs := []struct{ name, got, want string }{
		{"sources[0].published", doc.Sources[0].Published, "2018-10-04T09:00:00Z"},
		{"sources[0].retrieved", doc.Sources[0].Retrieved, "2018-10-05"},
		{"sources[1].published", doc.Sources[1].Published, "2018-10-04T09:00:00Z"},
		{"quotes[0].said", doc.Quotes[0].Said, "2018-10-04T09:00:00Z"},
		{"quotes[1].said", doc.Quotes[1].Said, "2018-10-04"},
	}
	for _, tt := range strs {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}

	// Written, the times are in UTC too.
	var buf bytes.Buffer
	if err := app.WriteDocumentJSON(&buf, doc); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Board struct{ Created, Updated string }
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if got, want := out.Board.Created, "2018-10-04T09:00:00Z"; got != want {
		t.Errorf("written board.created = %q, want %q", got, want)
	}
	if bytes.Contains(buf.Bytes(), []byte("+01:00")) {
		t.Error("written document still holds an offset +01:00")
	}
}

// TestParseDocument_Unicode checks text in other scripts and emoji, and that
// lengths and anchor offsets count code points, not bytes.
func TestParseDocument_Unicode(t *testing.T) {
	// Code points: "Emoji " 6, "🙂🚀" 2, " then " 6, "中文：" 3 = 17;
	// "我们从未发现恶意芯片" is 10, so the anchor is 17 to 27.
	const text = "Emoji 🙂🚀 then 中文：我们从未发现恶意芯片 — قال المتحدث إن الشركة لم تجد أي رقائق 🇬🇧"

	d := baseDoc()
	at(t, d, "board")["title"] = "🔍 الادعاءات والإنكار — 声明与否认"
	at(t, d, "sources", 1)["text"] = text
	at(t, d, "parties", 1)["name"] = "彭博社"
	at(t, d, "claims", 1)["statement"] = "قالت أمازون إنها لم تجد رقائق خبيثة"
	at(t, d, "quotes", 1)["text"] = "我们从未发现恶意芯片"
	at(t, d, "quotes", 1)["source"] = "s2"
	at(t, d, "quotes", 1)["anchor"] = map[string]any{
		"exact": "我们从未发现恶意芯片", "prefix": "Emoji 🙂🚀 then 中文：", "suffix": " — قال", "start": 17, "end": 27,
	}

	t.Run("valid", func(t *testing.T) {
		doc, _ := mustParse(t, mustJSON(t, d))
		a := doc.Quotes[1].Anchor
		got, ok := app.SliceRunes(doc.Sources[1].Text, a.Start, a.End)
		if !ok || got != a.Exact {
			t.Errorf("SliceRunes(text, %d, %d) = %q, %v; want %q", a.Start, a.End, got, ok, a.Exact)
		}
	})

	t.Run("emoji at the end", func(t *testing.T) {
		d := baseDoc()
		at(t, d, "sources", 1)["text"] = text
		n := utf8.RuneCountInString(text)
		at(t, d, "quotes", 1)["source"] = "s2"
		at(t, d, "quotes", 1)["anchor"] = map[string]any{"exact": "🇬🇧", "start": n - 2, "end": n}
		mustParse(t, mustJSON(t, d))
	})

	t.Run("byte offsets are wrong", func(t *testing.T) {
		d := baseDoc()
		at(t, d, "sources", 1)["text"] = text
		start := strings.Index(text, "我们")
		at(t, d, "quotes", 1)["source"] = "s2"
		at(t, d, "quotes", 1)["anchor"] = map[string]any{"exact": "我们从未发现恶意芯片", "start": start, "end": start + 10}
		ps := invalid(t, mustJSON(t, d))
		checkProblems(t, ps, fmt.Sprintf("quotes[1].anchor.exact: does not match the source's text at %d–%d", start, start+10))
	})

	// Limits count code points: MaxStatement CJK characters (three bytes
	// each) and 32 emoji of context (four bytes each) are within them.
	t.Run("limits in code points", func(t *testing.T) {
		d := baseDoc()
		at(t, d, "claims", 1)["statement"] = strings.Repeat("声", app.MaxStatement)
		at(t, d, "quotes", 0, "anchor")["prefix"] = strings.Repeat("🙂", app.AnchorContext)
		at(t, d, "parties", 1)["name"] = strings.Repeat("ب", app.MaxShortText)
		mustParse(t, mustJSON(t, d))

		at(t, d, "claims", 1)["statement"] = strings.Repeat("声", app.MaxStatement+1)
		checkProblems(t, invalid(t, mustJSON(t, d)), `claims[1].statement: is 5001 characters long, over the limit of 5000`)
	})
}

// TestValidateDocument checks the rules on a Document built in Go, as the
// store builds one for export.
func TestValidateDocument(t *testing.T) {
	doc, _ := mustParse(t, mustJSON(t, baseDoc()))
	if ps := app.ValidateDocument(doc); len(ps) != 0 {
		t.Fatalf("ValidateDocument(base) = %v", ps)
	}

	t.Run("zero document", func(t *testing.T) {
		checkProblems(t, app.ValidateDocument(&app.Document{}),
			`format: is required`,
			`version: is 0, expected 1`,
			`board.title: is required`,
		)
	})

	t.Run("id of 64 characters", func(t *testing.T) {
		doc, _ := mustParse(t, mustJSON(t, baseDoc()))
		doc.Claims[1].ID = strings.Repeat("a", app.MaxIDLength)
		if ps := app.ValidateDocument(doc); len(ps) != 0 {
			t.Errorf("problems = %v, want none", ps)
		}
	})

	t.Run("coordinate NaN", func(t *testing.T) {
		doc, _ := mustParse(t, mustJSON(t, baseDoc()))
		doc.Layout[0].Y = math.NaN()
		checkProblems(t, app.ValidateDocument(doc), `layout[0].y: NaN is outside the board`)
	})
}
