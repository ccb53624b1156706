package ui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"evidenceboard/app"
)

// cardOf brings the item's card into view and returns it, drawn afresh.
// The timeline lists the sample's events by day with jump-to; its slider
// and date field rewind the board window: claims show the status they had
// then, on cards, in the list and in the inspector, and what did not exist
// yet is greyed; while rewound nothing is written, and Now or closing the
// timeline brings the board back.
func TestTimeline_RewindsTheBoard(t *testing.T) {
	w, f := openTestWindow(t)
	w.showTimeline()
	v := w.timeline
	if v == nil {
		t.Fatal("View ▸ Timeline opened no window")
	}
	tl := app.Timeline(w.model.doc)
	if len(v.rows) != len(tl.Events)+1 || v.rows[0].heading != "Thursday 4 October 2018" {
		t.Fatalf("%d rows for %d events on one day; first %+v", len(v.rows), len(tl.Events), v.rows[0])
	}
	// Jump to: choosing a status change selects its claim.
	k := -1
	for i, r := range v.rows {
		if r.event != nil && r.event.Kind == app.EventStatus && r.event.Item == "c-elemental-chips" && r.event.Status == app.StatusDenied {
			k = i
		}
	}
	if k < 0 {
		t.Fatal("no denial of c-elemental-chips on the timeline")
	}
	v.list.Select(k)
	if w.board.selected != "c-elemental-chips" || w.insp.id != "c-elemental-chips" {
		t.Fatalf("choosing the denial selected %q", w.board.selected)
	}
	w.choose("")
	before := cloneDoc(f.doc)

	// The sample's moments: the day (sources and quotes dated to it),
	// 09:00 alleged, 13:00, 16:48, 17:15 (the verdicts). Step 2 is 09:00.
	if len(v.moments) != 5 || v.slider.Max != 6 {
		t.Fatalf("moments %v, slider max %v", v.moments, v.slider.Max)
	}
	v.slider.SetValue(2)
	if w.past == nil || !w.past.at.Equal(time.Date(2018, 10, 4, 9, 0, 0, 0, time.UTC)) {
		t.Fatalf("step 2 rewound to %v", w.past)
	}
	c := cardOf(t, w, "c-elemental-chips")
	if c.badgeText.Text != "ALLEGED" {
		t.Errorf("at 09:00 the Elemental claim's card says %q, want ALLEGED", c.badgeText.Text)
	}
	if !w.board.lit.lit("c-elemental-chips") || w.board.lit.lit("c-consumer-data") {
		t.Error("at 09:00 the Elemental claim should be drawn and the consumer-data claim (13:00) greyed")
	}
	if c := cardOf(t, w, "c-consumer-data"); c.badgeText.Text != "NOT YET" {
		t.Errorf("a claim not made yet says %q", c.badgeText.Text)
	}
	// Nothing that happened after the moment shows: not the verdict a
	// claim not made yet got at 17:15, on its card, in the list or in the
	// inspector.
	if ct := cardOf(t, w, "c-consumer-data").content(); ct.verdict != "" {
		t.Errorf("a claim not made yet shows the verdict %q, given later", ct.verdict)
	}
	later := newNavRow().(*navRow)
	w.nav.bindRow(app.KindClaim, "c-consumer-data", later)
	if later.full[1] != "" {
		t.Errorf("the list shows a claim not made yet with %q", later.full[1])
	}
	if pc := w.past.claim(w.model.claims["c-consumer-data"]); pc.Verdict != nil || len(pc.History) != 0 {
		t.Errorf("the inspector would show a claim not made yet with a verdict or history: %+v", pc)
	}
	if !strings.Contains(w.status.Text, "As of 4 Oct 2018 09:00 UTC") || !strings.Contains(v.at.Text, "read-only") {
		t.Errorf("status %q, timeline %q", w.status.Text, v.at.Text)
	}
	if !strings.Contains(w.nav.summary.Text, "10 alleged · 0 denied · 0 unconfirmed") {
		t.Errorf("the navigator's counts at 09:00: %q", w.nav.summary.Text)
	}
	row := newNavRow().(*navRow)
	w.nav.bindRow(app.KindClaim, "c-elemental-chips", row)
	if row.badgeText.Text != "ALLEGED" || row.full[1] != "" {
		t.Errorf("the navigator lists the Elemental claim as %q, %q (its verdict came at 17:15)", row.badgeText.Text, row.full[1])
	}
	// The inspector shows the claim as it stood, and edits nothing.
	w.choose("c-elemental-chips")
	if w.insp.statusSelect == nil || w.insp.statusSelect.Selected != "ALLEGED" || !w.insp.statusSelect.Disabled() || !w.insp.statusApply.Disabled() {
		t.Fatal("the inspector should show the claim alleged, and not let it change")
	}
	if e := w.insp.fields["statement"]; e == nil || !e.Disabled() {
		t.Fatal("the statement can be edited while rewound")
	}
	w.setClaimStatus("c-elemental-chips", app.StatusChange{Status: app.StatusAlleged})
	w.moveCard("c-elemental-chips", w.model.pos["c-elemental-chips"].AddXY(100, 0))
	w.undo()
	if !reflect.DeepEqual(f.doc, before) || len(f.undo) != 0 {
		t.Fatalf("an edit while rewound was written to the file: %d undo steps %+v", len(f.undo), f.undo)
	}

	// Before everything: nothing of the report; the parties are there.
	w.choose("")
	v.slider.SetValue(0)
	if !w.board.lit.lit("apple") || w.board.lit.lit("bloomberg-big-hack") || w.board.lit.lit("q-pla-force") {
		t.Error("before the report the parties are drawn, its sources and quotes greyed")
	}
	// A date is the end of that day: the board as it is now.
	v.date.SetText("2018-10-04")
	v.date.OnSubmitted(v.date.Text)
	if c := cardOf(t, w, "c-elemental-chips"); c.badgeText.Text != "DENIED" || w.past == nil || int(v.slider.Value) != 5 {
		t.Errorf("as of 2018-10-04: %q, slider %v", c.badgeText.Text, v.slider.Value)
	}
	v.date.SetText("2018-10-04T13:30:00+00:00")
	v.date.OnSubmitted(v.date.Text)
	if w.past.statusOf(w.model.claims["c-elemental-chips"]) != app.StatusAlleged || w.past.statusOf(w.model.claims["c-apple-found-2015"]) != app.StatusDenied {
		t.Error("at 13:30 Apple's claim is denied and Elemental's not yet")
	}
	v.date.SetText("last week")
	v.date.OnSubmitted(v.date.Text)
	if v.problem.Hidden || !strings.Contains(v.problem.Text, "neither a date") || w.past == nil {
		t.Errorf("a date the field cannot read: %q", v.problem.Text)
	}

	// Now: the board as it is, editable again.
	test.Tap(v.now)
	if w.past != nil || w.board.past != nil || w.nav.past != nil || w.readOnly() {
		t.Fatal("Now left the board rewound")
	}
	if c := cardOf(t, w, "c-consumer-data"); c.badgeText.Text != "UNCONFIRMED" || !w.board.lit.lit("c-consumer-data") {
		t.Errorf("now the consumer-data claim says %q", c.badgeText.Text)
	}
	// Closing the timeline also brings the board back.
	v.slider.SetValue(1)
	if w.past == nil {
		t.Fatal("step 1 did not rewind")
	}
	v.win.Close()
	if w.past != nil || w.timeline != nil || w.readOnly() {
		t.Fatal("closing the timeline left the board rewound")
	}
	// An edit now is saved, and the open timeline shows it; so does its
	// undo.
	w.showTimeline()
	t.Cleanup(func() {
		if w.timeline != nil {
			w.timeline.win.Close()
		}
	})
	w.setClaimStatus("c-elemental-chips", app.StatusChange{Status: app.StatusUnconfirmed, Note: "test"})
	if n := len(w.timeline.tl.Events); n != len(tl.Events)+1 || len(w.timeline.moments) != 6 || w.timeline.slider.Value != w.timeline.slider.Max {
		t.Errorf("after a status change the timeline has %d events, want %d; slider %v of %v", n, len(tl.Events)+1, w.timeline.slider.Value, w.timeline.slider.Max)
	}
	w.undo()
	if n := len(w.timeline.tl.Events); n != len(tl.Events) {
		t.Errorf("after the undo the timeline has %d events, want %d", n, len(tl.Events))
	}
}

// A board with undated items lists them apart, after the days.
func TestTimeline_UndatedApart(t *testing.T) {
	w, _ := openTestWindow(t)
	q := w.model.doc.Quotes[0].ID
	if err := w.updateQuote(q, app.QuoteUpdate{Said: ptrTo("")}); err != nil {
		t.Fatal(err)
	}
	w.showTimeline()
	v := w.timeline
	t.Cleanup(func() { v.win.Close() })
	last := v.rows[len(v.rows)-1]
	head := v.rows[len(v.rows)-2]
	if last.event == nil || last.event.Item != q || !last.event.At.IsZero() || !strings.HasPrefix(head.heading, "Undated (1)") {
		t.Fatalf("the undated quote is not listed apart: %+v after %+v", last.event, head)
	}
	r := newTimelineRow().(*timelineRowView)
	v.bindRow(last, r)
	if r.when.Text != "no date" || r.tag.Text != "SAID" || !strings.Contains(r.text.Text, "(its source: published 2018-10-04)") {
		t.Errorf("the undated row says %q %q %q", r.when.Text, r.tag.Text, r.text.Text)
	}
	// On the board it exists from when its source was published.
	v.slider.SetValue(0)
	if !w.past.absent[q] || w.past.absent["apple"] {
		t.Error("before its source was published the quote should be greyed, and a party never")
	}
	v.slider.SetValue(1)
	if w.past.absent[q] {
		t.Error("once its source is published the quote is on the board")
	}
}

// datedGridBoard is gridBoard(n) with dates: quotes said on one of 400
// days, claims alleged and then changed at their own hours.
func datedGridBoard(n int) *app.Document {
	doc := gridBoard(n)
	t0 := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range doc.Quotes {
		doc.Quotes[i].Said = t0.AddDate(0, 0, (i*7919)%400).Format(time.DateOnly)
	}
	for i := range doc.Claims {
		c := &doc.Claims[i]
		at := t0.Add(time.Duration(i%9000) * time.Hour)
		c.History = []app.StatusChange{{Status: app.StatusAlleged, At: at}, {Status: c.Status, At: at.Add(time.Duration(1+i%200) * time.Hour)}}
	}
	return doc
}

// BenchmarkTimelineWindow measures, on a board of 10,000 cards (6,667
// quotes), opening the timeline (app.Timeline and its rows) and one step
// of its slider: app.AsOf, the cards in view, the lists and the inspector.
func BenchmarkTimelineWindow(b *testing.B) {
	a := test.NewTempApp(b)
	doc := datedGridBoard(10000)
	if ps := app.ValidateDocument(doc); len(ps) > 0 {
		b.Fatal(ps[0])
	}
	f := newMemFile(doc)
	w := newBoardWindow(a, memFiles{f})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(f.path)
	b.Cleanup(func() { w.win.Close() })
	b.Run("open", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			w.showTimeline()
			w.timeline.win.Close()
		}
	})
	w.showTimeline()
	v := w.timeline
	b.Run("step", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			v.slider.SetValue(float64(1 + i%len(v.moments)))
		}
	})
}

// On a big board the slider says where it is as it is dragged, and the
// board follows when it is let go.
func TestTimeline_BigBoardRewindsOnRelease(t *testing.T) {
	a := test.NewTempApp(t)
	f := newMemFile(datedGridBoard(liveRewindItems + 300))
	w := newBoardWindow(a, memFiles{f})
	w.win.Resize(fyne.NewSize(1280, 800))
	w.openPath(f.path)
	t.Cleanup(func() { w.win.Close() })
	w.showTimeline()
	v := w.timeline
	t.Cleanup(func() { v.win.Close() })
	v.slider.Value = 3
	v.slider.OnChanged(3)
	if w.past != nil || !strings.HasPrefix(v.at.Text, "Let go to see the board as of ") {
		t.Fatalf("a drag on a big board rewound it at once (%v), or said %q", w.past, v.at.Text)
	}
	v.slider.OnChangeEnded(3)
	if w.past == nil || !w.past.at.Equal(v.moments[2]) {
		t.Fatalf("letting go rewound to %v, want %v", w.past, v.moments[2])
	}
}

// Opening another board, or closing this one, closes the timeline and
// leaves the board window at now.
func TestTimeline_ClosedWithTheBoard(t *testing.T) {
	w, _ := openTestWindow(t)
	w.showTimeline()
	w.timeline.slider.SetValue(1)
	if w.past == nil {
		t.Fatal("step 1 did not rewind")
	}
	w.closeBoard()
	if w.timeline != nil || w.past != nil || w.board.past != nil || w.nav.past != nil {
		t.Fatal("closing the board left the timeline open or the board rewound")
	}
}
