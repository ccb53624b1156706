package app_test

import (
	"bytes"
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
