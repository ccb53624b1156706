package app_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"evidenceboard/app"
)

// FuzzParseDocument checks the invariants of reading a document, whatever
// the bytes: ParseDocument does not panic; a document it accepts is valid,
// and writing it and reading it again gives the same document (parse, write,
// parse is a fixed point); a document it refuses gives EINVALID with at
// least one problem, each with a path.
//
// Seeds are added here and in testdata/fuzz/FuzzParseDocument, which also
// keeps the inputs that once broke an invariant.
func FuzzParseDocument(f *testing.F) {
	sample, err := readSample(f)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte(specExample))
	f.Add(mustJSON(f, baseDoc()))

	d := baseDoc()
	at(f, d, "board")["created"] = "2018-10-04T10:00:00+01:00"
	at(f, d, "quotes", 0)["said"] = "2018-10-04T10:00:00.5-04:30"
	at(f, d, "sources", 1)["text"] = "Emoji 🙂🚀 then 中文：我们从未发现恶意芯片 — قال"
	at(f, d, "quotes", 1)["source"] = "s2"
	at(f, d, "quotes", 1)["anchor"] = map[string]any{"exact": "我们从未发现恶意芯片", "start": 17, "end": 27}
	d["extra"] = []any{1, "two"}
	f.Add(mustJSON(f, d))

	d = baseDoc()
	at(f, d, "quotes", 1)["speaker"] = "p9"
	at(f, d, "claims", 0, "history", 1)["at"] = "2018-10-04T08:00:00Z"
	f.Add(mustJSON(f, d))

	d = baseDoc()
	d["exercise"] = map[string]any{"id": "ex-0a0b-0123456789abcdef", "instructions": "Decide.", "student": "Ada",
		"asked": map[string]any{"status": true, "verdict": true, "links": false}}
	delete(at(f, d, "claims", 1), "status")
	f.Add(mustJSON(f, d))

	f.Add([]byte(`{"format": "evidence-board", "version": 1, "board": {"title": "x", "created": "0000-01-01T00:00:00+01:00", "updated": "2018-10-04T09:00:00Z"}}`))
	f.Add([]byte(`{"format": "evidence-board", "version": 2}`))
	f.Add([]byte("{\"format\": \"evidence-board\",\n  \"version\" 1}"))
	f.Add([]byte(`{} {}`))
	f.Add([]byte("{\"a\": \"\xff\"}"))
	f.Add([]byte(``))

	f.Fuzz(func(t *testing.T, data []byte) {
		doc, warns, err := app.ParseDocument(data)
		for _, w := range warns {
			if w.Path == "" || w.Message == "" {
				t.Errorf("warning without a path or message: %q", w)
			}
		}
		if err != nil {
			if doc != nil {
				t.Error("ParseDocument returned a document and an error")
			}
			if got, want := app.ErrorCode(err), app.EINVALID; got != want {
				t.Fatalf("ErrorCode = %q, want %q (err: %v)", got, want, err)
			}
			var ve *app.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %T is not a *ValidationError", err)
			}
			if len(ve.Problems) == 0 {
				t.Fatal("ValidationError has no problems")
			}
			for _, p := range ve.Problems {
				if p.Path == "" || p.Message == "" {
					t.Errorf("problem without a path or message: %q", p)
				}
			}
			return
		}
		if doc == nil {
			t.Fatal("ParseDocument returned neither a document nor an error")
		}
		if ps := app.ValidateDocument(doc); len(ps) != 0 {
			t.Fatalf("ValidateDocument of an accepted document = %v", ps)
		}

		var out bytes.Buffer
		if err := app.WriteDocumentJSON(&out, doc); err != nil {
			t.Fatalf("WriteDocumentJSON: %v", err)
		}
		again, warns, err := app.ParseDocument(out.Bytes())
		if err != nil {
			t.Fatalf("reading the written document: %v\n%s", err, out.Bytes())
		}
		if len(warns) != 0 {
			t.Errorf("reading the written document warns: %v", warns)
		}
		if !reflect.DeepEqual(again, doc) {
			t.Fatalf("parse, write, parse is not a fixed point:\nfirst:  %+v\nsecond: %+v", doc, again)
		}
		var out2 bytes.Buffer
		if err := app.WriteDocumentJSON(&out2, again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), out2.Bytes()) {
			t.Fatalf("written twice, the bytes differ:\n%s\n%s", out.Bytes(), out2.Bytes())
		}
	})
}

// TestParseDocument_RoundTrip writes and reads again a document with values
// at the edges of what JSON and the format allow.
func TestParseDocument_RoundTrip(t *testing.T) {
	d := baseDoc()
	d["version"] = 1.0
	at(t, d, "board")["description"] = "<b>&</b> \u2028 \u0000 \"quoted\" \\ tab\t"
	at(t, d, "board")["reviewer"] = map[string]any{}
	at(t, d, "board")["updated"] = "2018-10-04T17:48:00.123456789123-00:00"
	at(t, d, "sources", 1)["text"] = "\ufeff🇬🇧 e\u0301 \U0010FFFF"
	at(t, d, "quotes", 1)["said"] = "2018-10-04T09:00:00.000Z"
	at(t, d, "layout", 0)["x"] = 1e-400
	at(t, d, "layout", 0)["y"] = -0.0000001
	at(t, d, "layout", 1)["x"] = -1e7
	at(t, d, "layout", 1)["y"] = 9999999.999999
	at(t, d, "claims", 1)["history"] = []any{}
	d["links"] = nil

	doc, _ := mustParse(t, mustJSON(t, d))
	var out bytes.Buffer
	if err := app.WriteDocumentJSON(&out, doc); err != nil {
		t.Fatal(err)
	}
	again, warns := mustParse(t, out.Bytes())
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	if !reflect.DeepEqual(again, doc) {
		t.Errorf("read again:\n%+v\nwant:\n%+v", again, doc)
	}
	for _, want := range []string{`"<b>&</b>`, `"updated": "2018-10-04T17:48:00.123456789Z"`, `"said": "2018-10-04T09:00:00Z"`, `"reviewer": {}`} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("written document lacks %s", want)
		}
	}
	if !bytes.HasSuffix(out.Bytes(), []byte("}\n")) {
		t.Error("written document does not end in a newline")
	}
}

// FuzzRoundTripFields puts fuzzed values into the fields of a valid
// document, so that the fuzzer spends its time on documents that are
// accepted, and checks that parse, write, parse is a fixed point for them.
func FuzzRoundTripFields(f *testing.F) {
	f.Add("The Big Hack", "2018-10-04T10:00:00+01:00", "2018-10-04", "never found", 10, 21, 400.0, "B", 3, "Unproven", 5)
	f.Add("🙂 中文 قال", "2018-10-04T09:00:00.5Z", "2018-10-04T09:00:00-04:30", "", 0, 0, -1e-9, "", 0, "🙂", -1)
	f.Add("<&>\u2028", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "Apple", 0, 5, 1e7, "G", 7, "", 0)
	f.Fuzz(func(t *testing.T, title, at1, said, exact string, start, end int, x float64, grade string, credibility int, label string, value int) {
		d := baseDoc()
		at(t, d, "board")["title"] = title
		at(t, d, "board")["created"] = at1
		at(t, d, "claims", 0, "history", 0)["at"] = at1
		at(t, d, "sources", 1)["published"] = said
		at(t, d, "quotes", 1)["said"] = said
		at(t, d, "quotes", 1)["text"] = exact + "."
		at(t, d, "quotes", 1)["anchor"] = map[string]any{"exact": exact, "prefix": title, "start": start, "end": end}
		at(t, d, "layout", 0)["x"] = x
		at(t, d, "parties", 0)["reliability"] = grade
		at(t, d, "sources", 0)["reliability"] = grade
		at(t, d, "quotes", 0)["credibility"] = credibility
		at(t, d, "board")["scale"] = []any{map[string]any{"label": title, "value": value}, map[string]any{"label": label, "value": value + 1}}
		at(t, d, "claims", 0)["verdict"] = map[string]any{"label": label, "note": exact, "at": at1}
		data, err := json.Marshal(d)
		if err != nil {
			return // x is NaN or infinite
		}
		doc, _, err := app.ParseDocument(data)
		if err != nil {
			problemsOf(t, err)
			return
		}
		if ps := app.ValidateDocument(doc); len(ps) != 0 {
			t.Fatalf("ValidateDocument of an accepted document = %v", ps)
		}
		var out bytes.Buffer
		if err := app.WriteDocumentJSON(&out, doc); err != nil {
			t.Fatalf("WriteDocumentJSON: %v", err)
		}
		again, _, err := app.ParseDocument(out.Bytes())
		if err != nil {
			t.Fatalf("reading the written document: %v", err)
		}
		if !reflect.DeepEqual(again, doc) {
			t.Fatalf("parse, write, parse is not a fixed point:\nfirst:  %+v\nsecond: %+v", doc, again)
		}
	})
}
