package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand"
	"reflect"
	"testing"

	"evidenceboard/app"
)

// TestRoundTrip_Property: for many random valid documents (several
// scripts, NUL and control characters, anchors, partial layout, every
// relation), import then export gives back the same document as data:
// ids, values, array order, times in UTC.
func TestRoundTrip_Property(t *testing.T) {
	trials := 60
	if testing.Short() {
		trials = 10
	}
	for seed := int64(1); seed <= int64(trials); seed++ {
		r := rand.New(rand.NewSource(seed))
		size := genSize{sources: r.Intn(6), parties: r.Intn(8), claims: r.Intn(8), quotes: r.Intn(12), links: r.Intn(30)}
		in := encodeDoc(t, genDocument(r, size))
		doc, warnings, err := app.ParseDocument(in)
		if err != nil || len(warnings) > 0 {
			t.Fatalf("seed %d: generated document refused: %v %v", seed, err, warnings)
		}
		db := MustCreateDB(t)
		if err := db.Import(context.Background(), doc); err != nil {
			t.Fatalf("seed %d: import: %v", seed, err)
		}
		out, err := db.Export(context.Background())
		if err != nil {
			t.Fatalf("seed %d: export: %v", seed, err)
		}
		var want, got any
		json.Unmarshal(in, &want)
		json.Unmarshal(encodeDoc(t, out), &got)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: export differs from import\n in: %s\nout: %s", seed, in, encodeDoc(t, out))
		}
		if problems, err := db.Check(context.Background()); err != nil || len(problems) > 0 {
			t.Fatalf("seed %d: check: %v %v", seed, problems, err)
		}
		db.Close()
	}
}

// TestRoundTrip_ZonedTimes: times with offsets come back in UTC, dates as
// they were.
func TestRoundTrip_ZonedTimes(t *testing.T) {
	in := []byte(`{"format":"evidence-board","version":1,
	  "board":{"title":"T","description":"","created":"2018-10-04T10:00:00+01:00","updated":"2018-10-04T19:48:00.25+02:00"},
	  "sources":[{"id":"s","title":"S","published":"2018-10-04","retrieved":"2018-10-05T00:30:00-04:00"}],
	  "claims":[{"id":"c","statement":"x","status":"denied","history":[{"status":"denied","at":"2018-10-04T12:00:00+03:00"}]}]}`)
	doc, _, err := app.ParseDocument(in)
	if err != nil {
		t.Fatal(err)
	}
	db := MustCreateDB(t)
	if err := db.Import(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	out, _ := db.Export(context.Background())
	got := encodeDoc(t, out)
	for _, want := range []string{`"created": "2018-10-04T09:00:00Z"`, `"updated": "2018-10-04T17:48:00.25Z"`,
		`"published": "2018-10-04"`, `"retrieved": "2018-10-05T04:30:00Z"`, `"at": "2018-10-04T09:00:00Z"`} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("export lacks %s:\n%s", want, got)
		}
	}
}

func BenchmarkImport(b *testing.B) {
	doc := genDocument(rand.New(rand.NewSource(1)), bigBoard)
	data := encodeDoc(b, doc)
	b.ReportMetric(float64(len(data))/1e6, "MB-json")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := MustCreateDB(b)
		b.StartTimer()
		parsed, _, err := app.ParseDocument(data)
		if err != nil {
			b.Fatal(err)
		}
		if err := db.Import(context.Background(), parsed); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}

func BenchmarkExport(b *testing.B) {
	db := MustCreateDB(b)
	if err := db.Import(context.Background(), genDocument(rand.New(rand.NewSource(1)), bigBoard)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, err := db.Export(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := app.WriteDocumentJSON(&buf, doc); err != nil {
			b.Fatal(err)
		}
	}
}
