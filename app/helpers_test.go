package app_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"evidenceboard/app"
)

// baseText is the text of the base document's first source; the first
// quote's anchor selects "never found" in it (code points 10 to 21).
const baseText = "Apple has never found malicious chips in any server."

// baseDoc returns a small valid document, fresh on every call, as the
// decoded JSON tree a test can break one value of. Every item has an id the
// layout, links or quotes rely on, except sources[1], parties[1], claims[1]
// and quotes[1], which nothing points to.
func baseDoc() map[string]any {
	return map[string]any{
		"format":  "evidence-board",
		"version": 1,
		"board": map[string]any{
			"title":       "The Big Hack: claims and denials",
			"description": "",
			"created":     "2018-10-04T14:00:00Z",
			"updated":     "2018-10-04T17:48:00Z",
		},
		"sources": []any{
			map[string]any{"id": "s1", "title": "Apple, Amazon deny claims", "publisher": "ZDNet", "published": "2018-10-04", "text": baseText},
			map[string]any{"id": "s2", "title": "The Big Hack", "publisher": "Bloomberg Businessweek"},
		},
		"parties": []any{
			map[string]any{"id": "p1", "name": "Apple", "kind": "organisation"},
			map[string]any{"id": "p2", "name": "Bloomberg", "kind": "media"},
		},
		"claims": []any{
			map[string]any{"id": "c1", "statement": "Apple found malicious chips on Supermicro servers in 2015.", "status": "denied",
				"history": []any{
					map[string]any{"status": "alleged", "at": "2018-10-04T09:00:00Z", "note": "Bloomberg report"},
					map[string]any{"status": "denied", "at": "2018-10-04T10:00:00Z", "note": "Apple statement"},
				}},
			map[string]any{"id": "c2", "statement": "Amazon found the chips in 2015.", "status": "alleged"},
		},
		"quotes": []any{
			map[string]any{"id": "q1", "text": "never found", "speaker": "p1", "source": "s1", "said": "2018-10-04",
				"anchor": map[string]any{"exact": "never found", "prefix": "Apple has ", "suffix": " malicious", "start": 10, "end": 21}},
			map[string]any{"id": "q2", "text": "we have found absolutely no evidence", "speaker": "p1", "source": "s1"},
		},
		"links": []any{
			map[string]any{"from": "q1", "to": "c1", "relation": "denies"},
			map[string]any{"from": "c1", "to": "p1", "relation": "about"},
			map[string]any{"from": "c1", "to": "p1", "relation": "made-by"},
		},
		"layout": []any{
			map[string]any{"item": "c1", "x": 400, "y": 120},
			map[string]any{"item": "q1", "x": 80, "y": 120.5},
		},
	}
}

// at returns the object at a path of keys and indexes in a decoded JSON
// tree, such as at(d, "quotes", 0, "anchor").
func at(tb testing.TB, v any, path ...any) map[string]any {
	tb.Helper()
	for _, step := range path {
		switch s := step.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				tb.Fatalf("at %v: not an object", path)
			}
			v = m[s]
		case int:
			a, ok := v.([]any)
			if !ok || s >= len(a) {
				tb.Fatalf("at %v: not an array long enough", path)
			}
			v = a[s]
		}
	}
	m, ok := v.(map[string]any)
	if !ok {
		tb.Fatalf("at %v: %T is not an object", path, v)
	}
	return m
}

// appendTo appends items to the array d[key].
func appendTo(d map[string]any, key string, items ...any) {
	a, _ := d[key].([]any)
	d[key] = append(a, items...)
}

// mustJSON encodes v as JSON.
func mustJSON(tb testing.TB, v any) []byte {
	tb.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// mustParse parses data and fails the test on any error.
func mustParse(tb testing.TB, data []byte) (*app.Document, []app.Problem) {
	tb.Helper()
	doc, warns, err := app.ParseDocument(data)
	if err != nil {
		tb.Fatalf("ParseDocument: %v\n%s", err, problemsOf(tb, err))
	}
	return doc, warns
}

// problemsOf checks that err is the EINVALID error of an invalid document
// and returns its problems.
func problemsOf(tb testing.TB, err error) []app.Problem {
	tb.Helper()
	if err == nil {
		tb.Fatal("err = nil, want an invalid document")
	}
	if got, want := app.ErrorCode(err), app.EINVALID; got != want {
		tb.Fatalf("ErrorCode = %q, want %q (err: %v)", got, want, err)
	}
	var ve *app.ValidationError
	if !errors.As(err, &ve) {
		tb.Fatalf("errors.As(%T, *app.ValidationError) = false", err)
	}
	if len(ve.Problems) == 0 {
		tb.Fatal("ValidationError has no problems")
	}
	return ve.Problems
}

// invalid parses data, which must be refused, and returns its problems.
func invalid(tb testing.TB, data []byte) []app.Problem {
	tb.Helper()
	doc, _, err := app.ParseDocument(data)
	if doc != nil {
		tb.Errorf("ParseDocument returned a document along with err %v", err)
	}
	return problemsOf(tb, err)
}

// checkProblems checks that ps holds exactly the wanted problems, in order,
// each given as "path: part of the message".
func checkProblems(tb testing.TB, ps []app.Problem, want ...string) {
	tb.Helper()
	ok := len(ps) == len(want)
	for i := 0; ok && i < len(ps); i++ {
		path, msg, _ := strings.Cut(want[i], ": ")
		ok = ps[i].Path == path && strings.Contains(ps[i].Message, msg)
	}
	if !ok {
		var got strings.Builder
		for _, p := range ps {
			got.WriteString("\n\t" + p.String())
		}
		tb.Errorf("problems:%s\nwant:\n\t%s", got.String(), strings.Join(want, "\n\t"))
	}
}

// readSample reads the sample board that ships with the program.
func readSample(tb testing.TB) ([]byte, error) {
	tb.Helper()
	return os.ReadFile("../assets/sample.json")
}

// specExample is the example document of the format spec
// (shared/spec/board-format.md).
const specExample = `{
  "format": "evidence-board",
  "version": 1,
  "board": {"title": "The Big Hack: claims and denials", "description": "",
            "created": "2018-10-04T14:00:00Z", "updated": "2018-10-04T17:48:00Z"},
  "sources": [{"id": "s1", "title": "Apple, Amazon deny claims Chinese spies implanted backdoor chips in company hardware: report",
               "publisher": "ZDNet", "author": "Charlie Osborne", "published": "2018-10-04"}],
  "parties": [{"id": "apple", "name": "Apple", "kind": "organisation"},
              {"id": "bloomberg", "name": "Bloomberg", "kind": "media"}],
  "claims": [{"id": "c1", "statement": "Apple found malicious chips on Supermicro servers in 2015.",
              "status": "denied",
              "history": [{"status": "alleged", "at": "2018-10-04T09:00:00Z", "note": "Bloomberg report"},
                          {"status": "denied", "at": "2018-10-04T10:00:00Z", "note": "Apple statement"}]}],
  "quotes": [{"id": "q1", "text": "Apple has never found malicious chips, \"hardware manipulations\" or vulnerabilities purposely planted in any server",
              "speaker": "apple", "source": "s1", "said": "2018-10-04"}],
  "links": [{"from": "q1", "to": "c1", "relation": "denies"},
            {"from": "c1", "to": "apple", "relation": "about"},
            {"from": "c1", "to": "bloomberg", "relation": "made-by"}],
  "layout": [{"item": "c1", "x": 400, "y": 120}, {"item": "q1", "x": 80, "y": 120}]
}
`
