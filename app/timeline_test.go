package app_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"evidenceboard/app"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// timelineDoc is a small board with every kind of event, dated to the day
// and to the second, and undated items of each kind.
func timelineDoc() *app.Document {
	d := reviewDoc()
	d.Sources = []app.Source{
		{ID: "s-day", Title: "Daily", Published: "2020-03-02", Text: "They said it was fine."},
		{ID: "s-time", Title: "Wire", Published: "2020-03-01T18:30:00Z"},
		{ID: "s-none", Title: "Undated leaflet"},
	}
	d.Parties = []app.Party{{ID: "p1", Name: "One", Kind: app.PartyPerson}}
	d.Claims = []app.Claim{
		{ID: "c1", Statement: "It happened.", Status: app.StatusDenied, History: []app.StatusChange{
			{Status: app.StatusAlleged, At: utc("2020-03-01T09:00:00Z"), Note: "first report"},
			{Status: app.StatusDenied, At: utc("2020-03-02T12:00:00Z"), Note: "denial"},
		}, Verdict: &app.Verdict{Label: "False", Note: "no evidence", At: utc("2020-03-05T10:00:00Z")}},
		{ID: "c-late", Statement: "It happened later.", Status: app.StatusAlleged, History: []app.StatusChange{
			{Status: app.StatusAlleged, At: utc("2020-03-03T00:00:00Z")},
		}},
		{ID: "c-none", Statement: "No history.", Status: app.StatusUnconfirmed},
	}
	d.Quotes = []app.Quote{
		{ID: "q-day", Text: "it was fine", Speaker: "p1", Source: "s-day", Said: "2020-03-02",
			Anchor: &app.Anchor{Exact: "it was fine", Start: 10, End: 21}},
		{ID: "q-early", Text: "early words", Source: "s-day", Said: "2020-03-01T08:00:00Z"},
		{ID: "q-via", Text: "dated by its source", Source: "s-time"},
		{ID: "q-none", Text: "undated"},
		{ID: "q-late", Text: "later words", Said: "2020-03-04"},
	}
	d.Links = []app.Link{
		link("q-day", app.RelDenies, "c1"),
		link("q-late", app.RelSupports, "c-late"),
		link("q-via", app.RelSupports, "c1"),
		link("c1", app.RelMadeBy, "p1"),
		link("c-late", app.RelAbout, "p1"),
	}
	d.Layout = []app.Position{{Item: "c1", X: 1, Y: 2}, {Item: "c-late", X: 3, Y: 4}, {Item: "q-late", X: 5, Y: 6}, {Item: "p1", X: 7, Y: 8}, {Item: "s-day", X: 9, Y: 9}}
	return d
}

func eventLine(e app.Event) string {
	when := "-"
	if !e.At.IsZero() {
		when = e.At.Format(time.RFC3339)
		if e.DateOnly {
			when = e.At.Format(time.DateOnly)
		}
	}
	s := fmt.Sprintf("%s %s %s", when, e.Kind, e.Item)
	if e.Status != "" {
		s += " " + string(e.Status)
	}
	if e.Label != "" {
		s += " " + e.Label
	}
	return s
}

func eventLines(es []app.Event) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(eventLine(e) + "\n")
	}
	return b.String()
}

func TestTimeline(t *testing.T) {
	d := timelineDoc()
	if ps := app.ValidateDocument(d); len(ps) > 0 {
		t.Fatalf("the test board is invalid: %v", ps)
	}
	tl := app.Timeline(d)
	// A date is the start of its day: q-early at 08:00 comes after
	// nothing of 03-01 dated to the day, and s-day, dated 03-02, before
	// the denial at 12:00 that day. At one instant, published, said,
	// status, verdict.
	want := `2020-03-01T08:00:00Z said q-early
2020-03-01T09:00:00Z status c1 alleged
2020-03-01T18:30:00Z published s-time
2020-03-02 published s-day
2020-03-02 said q-day
2020-03-02T12:00:00Z status c1 denied
2020-03-03T00:00:00Z status c-late alleged
2020-03-04 said q-late
2020-03-05T10:00:00Z verdict c1 False
`
	if got := eventLines(tl.Events); got != want {
		t.Errorf("events:\n%s\nwant:\n%s", got, want)
	}
	wantUndated := `- published s-none
- said q-via
- said q-none
- status c-none unconfirmed
`
	if got := eventLines(tl.Undated); got != wantUndated {
		t.Errorf("undated:\n%s\nwant:\n%s", got, wantUndated)
	}
	if tl.Events[1].Note != "first report" || tl.Events[1].Entry != 0 || tl.Events[5].Entry != 1 {
		t.Errorf("status events keep their note and history entry: %+v, %+v", tl.Events[1], tl.Events[5])
	}
	if tl.Undated[3].Entry != -1 {
		t.Errorf("a claim with no history is entry -1: %+v", tl.Undated[3])
	}

	// Same instant, every kind: kind order, then board order.
	same := reviewDoc()
	same.Sources = []app.Source{{ID: "s2", Title: "B", Published: "2021-01-01T00:00:00Z"}, {ID: "s1", Title: "A", Published: "2021-01-01"}}
	same.Claims = []app.Claim{{ID: "c1", Statement: "x", Status: app.StatusAlleged,
		History: []app.StatusChange{{Status: app.StatusAlleged, At: utc("2021-01-01T00:00:00Z")}},
		Verdict: &app.Verdict{Label: "True", At: utc("2021-01-01T00:00:00Z")}}}
	same.Quotes = []app.Quote{{ID: "q1", Text: "y", Said: "2021-01-01"}}
	if got, want := eventLines(app.Timeline(same).Events), `2021-01-01T00:00:00Z published s2
2021-01-01 published s1
2021-01-01 said q1
2021-01-01T00:00:00Z status c1 alleged
2021-01-01T00:00:00Z verdict c1 True
`; got != want {
		t.Errorf("one instant:\n%s\nwant:\n%s", got, want)
	}

	// Undated history and verdict: listed apart, never guessed.
	zero := reviewDoc()
	zero.Claims = []app.Claim{{ID: "c1", Statement: "x", Status: app.StatusDenied,
		History: []app.StatusChange{{Status: app.StatusDenied}}, Verdict: &app.Verdict{Label: "False"}}}
	if got := app.Timeline(zero); len(got.Events) != 0 || eventLines(got.Undated) != "- status c1 denied\n- verdict c1 False\n" {
		t.Errorf("undated claim: %+v", got)
	}
	if got := app.Timeline(reviewDoc()); got.Events == nil || got.Undated == nil || len(got.Events)+len(got.Undated) != 0 {
		t.Errorf("an empty board has an empty timeline, not nil slices: %+v", got)
	}
}

func TestParseAsOf(t *testing.T) {
	for _, tc := range []struct {
		in, want string // want "" for an error
	}{
		{"2018-10-04", "2018-10-04T23:59:59.999999999Z"},
		{"2018-10-04T13:00:00Z", "2018-10-04T13:00:00Z"},
		{"2018-10-04T15:00:00+02:00", "2018-10-04T13:00:00Z"},
		{"2018-12-31", "2018-12-31T23:59:59.999999999Z"},
		{"2018-02-29", ""},
		{"2018-10-04 13:00", ""},
		{"yesterday", ""},
		{"", ""},
		{"2018-10-04T25:00:00Z", ""},
	} {
		got, err := app.ParseAsOf(tc.in)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("ParseAsOf(%q) = %v, want an error", tc.in, got)
		case tc.want == "" && app.ErrorCode(err) != app.EINVALID:
			t.Errorf("ParseAsOf(%q): %v, want EINVALID", tc.in, err)
		case tc.want != "" && err != nil:
			t.Errorf("ParseAsOf(%q): %v", tc.in, err)
		case tc.want != "" && !got.Equal(utc(tc.want)):
			t.Errorf("ParseAsOf(%q) = %v, want %s", tc.in, got, tc.want)
		}
	}
}

// docLine sums a document up in one line: its ids by kind, claims with
// status and history length, verdicts, links and layout.
func docLine(d *app.Document) string {
	var parts []string
	for _, s := range d.Sources {
		parts = append(parts, "s:"+s.ID)
	}
	for _, p := range d.Parties {
		parts = append(parts, "p:"+p.ID)
	}
	for _, c := range d.Claims {
		s := fmt.Sprintf("c:%s=%s/%d", c.ID, c.Status, len(c.History))
		if c.Verdict != nil {
			s += "/" + c.Verdict.Label
		}
		parts = append(parts, s)
	}
	for _, q := range d.Quotes {
		s := "q:" + q.ID
		if q.Source != "" {
			s += "@" + q.Source
		}
		if q.Anchor != nil {
			s += "#"
		}
		parts = append(parts, s)
	}
	parts = append(parts, fmt.Sprintf("links:%d layout:%d", len(d.Links), len(d.Layout)))
	return strings.Join(parts, " ")
}

func TestAsOf(t *testing.T) {
	for _, tc := range []struct {
		at, want string
	}{
		{"2020-02-28", "s:s-none p:p1 c:c-none=unconfirmed/0 q:q-none links:0 layout:1"},
		// 08:00: q-early was said, but its source is a date of 03-02:
		// it keeps no source. s-none and undated things are always there.
		{"2020-03-01T08:00:00Z", "s:s-none p:p1 c:c-none=unconfirmed/0 q:q-early q:q-none links:0 layout:1"},
		{"2020-03-01T09:00:00Z", "s:s-none p:p1 c:c1=alleged/1 c:c-none=unconfirmed/0 q:q-early q:q-none links:1 layout:2"},
		// The wire's time: q-via, dated by its source, comes with it.
		{"2020-03-01", "s:s-time s:s-none p:p1 c:c1=alleged/1 c:c-none=unconfirmed/0 q:q-early q:q-via@s-time q:q-none links:2 layout:2"},
		// 03-02 from its start: the daily and its quotes exist, not yet
		// the denial.
		{"2020-03-02T00:00:00Z", "s:s-day s:s-time s:s-none p:p1 c:c1=alleged/1 c:c-none=unconfirmed/0 q:q-day@s-day# q:q-early@s-day q:q-via@s-time q:q-none links:3 layout:3"},
		{"2020-03-02", "s:s-day s:s-time s:s-none p:p1 c:c1=denied/2 c:c-none=unconfirmed/0 q:q-day@s-day# q:q-early@s-day q:q-via@s-time q:q-none links:3 layout:3"},
		{"2020-03-04", "s:s-day s:s-time s:s-none p:p1 c:c1=denied/2 c:c-late=alleged/1 c:c-none=unconfirmed/0 q:q-day@s-day# q:q-early@s-day q:q-via@s-time q:q-none q:q-late links:5 layout:5"},
		{"2020-03-05T09:59:59Z", "s:s-day s:s-time s:s-none p:p1 c:c1=denied/2 c:c-late=alleged/1 c:c-none=unconfirmed/0 q:q-day@s-day# q:q-early@s-day q:q-via@s-time q:q-none q:q-late links:5 layout:5"},
		{"2020-03-05T10:00:00Z", "s:s-day s:s-time s:s-none p:p1 c:c1=denied/2/False c:c-late=alleged/1 c:c-none=unconfirmed/0 q:q-day@s-day# q:q-early@s-day q:q-via@s-time q:q-none q:q-late links:5 layout:5"},
	} {
		t.Run(tc.at, func(t *testing.T) {
			d := timelineDoc()
			before := docLine(d)
			at, err := app.ParseAsOf(tc.at)
			if err != nil {
				t.Fatal(err)
			}
			got := app.AsOf(d, at)
			if line := docLine(got); line != tc.want {
				t.Errorf("as of %s:\n got %s\nwant %s", tc.at, line, tc.want)
			}
			if ps := app.ValidateDocument(got); len(ps) > 0 {
				t.Errorf("as of %s the board is invalid: %v", tc.at, ps)
			}
			if docLine(d) != before || d.Claims[0].Status != app.StatusDenied || d.Claims[0].Verdict == nil {
				t.Errorf("AsOf changed the board it was given")
			}
			// What AsOf changes belongs to the copy alone.
			if len(got.Claims) > 0 && len(got.Claims[0].History) > 0 {
				got.Claims[0].History[0].Note = "changed"
				if d.Claims[0].History[0].Note == "changed" {
					t.Errorf("the copy shares its history with the board")
				}
			}
			absent := app.Absent(d, at)
			var ids []string
			for id := range absent {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			for _, id := range ids {
				if strings.Contains(" "+tc.want+" ", ":"+id+" ") || strings.Contains(tc.want, ":"+id+"=") || strings.Contains(tc.want, ":"+id+"@") {
					t.Errorf("Absent says %s is absent, but AsOf keeps it", id)
				}
			}
			if n := len(d.Sources) + len(d.Claims) + len(d.Quotes) - len(absent); n != len(got.Sources)+len(got.Claims)+len(got.Quotes) {
				t.Errorf("Absent leaves %d items, AsOf %d", n, len(got.Sources)+len(got.Claims)+len(got.Quotes))
			}
		})
	}
}

func TestAsOfSample(t *testing.T) {
	data, err := readSample(t)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := mustParse(t, data)
	status := func(d *app.Document) map[string]app.Status {
		m := map[string]app.Status{}
		for _, c := range d.Claims {
			m[c.ID] = c.Status
		}
		return m
	}
	for _, tc := range []struct {
		at                               string
		sources, claims, quotes, parties int
		status                           map[string]app.Status
	}{
		// Before the report, none of it exists; the parties do.
		{at: "2018-10-03", parties: len(doc.Parties)},
		// The day has begun: the articles (dated to the day) and their
		// quotes, but no claim yet (the first is alleged at 09:00).
		{at: "2018-10-04T08:59:59Z", sources: 4, quotes: len(doc.Quotes), parties: len(doc.Parties)},
		{at: "2018-10-04T09:00:00Z", sources: 4, claims: 10, quotes: len(doc.Quotes), parties: len(doc.Parties),
			status: map[string]app.Status{"c-pla-chips": app.StatusAlleged, "c-supermicro-aware": app.StatusAlleged, "c-elemental-chips": app.StatusAlleged}},
		{at: "2018-10-04T13:00:00Z", sources: 4, claims: 12, quotes: len(doc.Quotes), parties: len(doc.Parties),
			status: map[string]app.Status{"c-pla-chips": app.StatusUnconfirmed, "c-supermicro-aware": app.StatusDenied, "c-elemental-chips": app.StatusAlleged, "c-consumer-data": app.StatusUnconfirmed}},
		// After the denials: as the board stands now.
		{at: "2018-10-04", sources: 4, claims: 12, quotes: len(doc.Quotes), parties: len(doc.Parties), status: status(doc)},
	} {
		at, err := app.ParseAsOf(tc.at)
		if err != nil {
			t.Fatal(err)
		}
		got := app.AsOf(doc, at)
		if len(got.Sources) != tc.sources || len(got.Claims) != tc.claims || len(got.Quotes) != tc.quotes || len(got.Parties) != tc.parties {
			t.Errorf("as of %s: %d sources, %d claims, %d quotes, %d parties; want %d, %d, %d, %d", tc.at,
				len(got.Sources), len(got.Claims), len(got.Quotes), len(got.Parties), tc.sources, tc.claims, tc.quotes, tc.parties)
		}
		st := status(got)
		for id, want := range tc.status {
			if st[id] != want {
				t.Errorf("as of %s %s is %q, want %q", tc.at, id, st[id], want)
			}
		}
		if ps := app.ValidateDocument(got); len(ps) > 0 {
			t.Errorf("as of %s the sample is invalid: %v", tc.at, ps)
		}
	}
	if tl := app.Timeline(doc); len(tl.Undated) != 0 || len(tl.Events) == 0 {
		t.Errorf("every item of the sample is dated: %d undated", len(tl.Undated))
	}
}

// bigTimelineDoc is bigReviewDoc with its dates spread out: quotes said
// on one of 400 days (one in 50 undated), sources published on one of
// them, claims alleged and changed at their own hours, a verdict on every
// other claim.
func bigTimelineDoc() *app.Document {
	d := bigReviewDoc()
	day := func(i int) string { return t0.AddDate(0, 0, (i*7919)%400).Format(time.DateOnly) }
	for i := range d.Sources {
		d.Sources[i].Published = day(i)
	}
	for i := range d.Quotes {
		if d.Quotes[i].Said != "" {
			d.Quotes[i].Said = day(i + 13)
		}
	}
	for i := range d.Claims {
		c := &d.Claims[i]
		c.History[0].At = t0.Add(time.Duration(i%9000) * time.Hour)
		c.History[1].At = c.History[0].At.Add(time.Duration(1+i%200) * time.Hour)
		if i%2 == 0 {
			c.Verdict = &app.Verdict{Label: "Unproven", At: c.History[1].At.Add(time.Hour)}
		}
	}
	return d
}

func TestBigTimelineDoc(t *testing.T) {
	d := bigTimelineDoc()
	if ps := app.ValidateDocument(d); len(ps) > 0 {
		t.Fatalf("the generated board is not valid: %v", ps[:min(5, len(ps))])
	}
	tl := app.Timeline(d)
	if n := len(tl.Events) + len(tl.Undated); n != len(d.Sources)+len(d.Quotes)+2*len(d.Claims)+len(d.Claims)/2 {
		t.Errorf("%d events and undated on the generated board", n)
	}
	mid := tl.Events[len(tl.Events)/2].At
	past := app.AsOf(d, mid)
	if ps := app.ValidateDocument(past); len(ps) > 0 {
		t.Fatalf("the generated board as of %v is not valid: %v", mid, ps[:min(5, len(ps))])
	}
	t.Logf("as of %v: %d of %d quotes, %d of %d claims, %d of %d links", mid, len(past.Quotes), len(d.Quotes), len(past.Claims), len(d.Claims), len(past.Links), len(d.Links))
}

// BenchmarkTimeline and BenchmarkAsOf measure the timeline and the rewind
// on the 10,000-quote board.
func BenchmarkTimeline(b *testing.B) {
	d := bigTimelineDoc()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		app.Timeline(d)
	}
}

func BenchmarkAsOf(b *testing.B) {
	d := bigTimelineDoc()
	es := app.Timeline(d).Events
	mid := es[len(es)/2].At
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		app.AsOf(d, mid)
	}
}

// FuzzParseAsOf: ParseAsOf takes exactly what the format takes as a date
// or a time; a date means the last instant of its day, a time itself.
func FuzzParseAsOf(f *testing.F) {
	for _, s := range []string{"2018-10-04", "2018-10-04T13:00:00Z", "2018-10-04T13:00:00.5+02:00", "2018-02-30", "0000-01-01", "9999-12-31T23:59:59Z", "2018-10-04T24:00:00Z", " 2018-10-04", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		at, err := app.ParseAsOf(s)
		if (err == nil) != app.ValidDateOrTime(s) {
			t.Fatalf("ParseAsOf(%q) error %v, but ValidDateOrTime says %v", s, err, app.ValidDateOrTime(s))
		}
		if err != nil {
			return
		}
		start, day, ok := app.WhenTime(s)
		switch {
		case !ok:
			t.Fatalf("WhenTime(%q) refuses what ParseAsOf takes", s)
		case day && (!at.Equal(app.EndOfDay(start)) || at.Format(time.DateOnly) != s):
			t.Fatalf("as of the date %q is %v", s, at)
		case !day && !at.Equal(start):
			t.Fatalf("as of the time %q is %v, not %v", s, at, start)
		}
	})
}

// FuzzAsOfSample: the sample as of any moment is a valid board, and no
// bigger than the sample.
func FuzzAsOfSample(f *testing.F) {
	data, err := readSample(f)
	if err != nil {
		f.Fatal(err)
	}
	doc, _ := mustParse(f, data)
	for _, s := range []int64{0, 1538611200, 1538643600, 1538658000, 1538671680, 1538697599} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sec int64) {
		at := time.Unix(sec%(300*365*86400), 0).UTC()
		got := app.AsOf(doc, at)
		if ps := app.ValidateDocument(got); len(ps) > 0 {
			t.Fatalf("as of %v: %v", at, ps)
		}
		if len(got.Quotes) > len(doc.Quotes) || len(got.Links) > len(doc.Links) || len(got.Parties) != len(doc.Parties) {
			t.Fatalf("as of %v the board grew or lost parties", at)
		}
	})
}
