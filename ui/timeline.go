package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// The timeline window (View ▸ Timeline) lists the board's dated events by
// day (app.Timeline), the undated apart, and rewinds the board window to a
// moment: a slider steps from one moment with events to the next, a field
// takes a date or a time. The board then shows the claims with the status
// they had at that moment, in cards, lists and inspector, and greys what
// did not exist yet; all of it from app.AsOf. A rewound board is shown,
// never written: the window is read-only until Now, or until the timeline
// is closed.

// pastBoard is the board as of a moment: what app.AsOf gives, indexed for
// the board window.
type pastBoard struct {
	at  time.Time
	doc *app.Document // app.AsOf of the board at at
	// claims are the claims as they stood, those not made yet bare (no
	// verdict, no history); absent the ids of the sources, claims and
	// quotes that did not exist yet.
	claims map[string]*app.Claim
	absent map[string]bool
}

func newPastBoard(doc *app.Document, at time.Time) *pastBoard {
	p := &pastBoard{at: at, doc: app.AsOf(doc, at), claims: map[string]*app.Claim{}, absent: map[string]bool{}}
	kept := make(map[string]bool, len(p.doc.Sources)+len(p.doc.Quotes))
	for i := range p.doc.Claims {
		p.claims[p.doc.Claims[i].ID] = &p.doc.Claims[i]
	}
	for _, s := range p.doc.Sources {
		kept[s.ID] = true
	}
	for _, q := range p.doc.Quotes {
		kept[q.ID] = true
	}
	for _, s := range doc.Sources {
		if !kept[s.ID] {
			p.absent[s.ID] = true
		}
	}
	for _, q := range doc.Quotes {
		if !kept[q.ID] {
			p.absent[q.ID] = true
		}
	}
	for _, c := range doc.Claims {
		if p.claims[c.ID] == nil {
			p.absent[c.ID] = true
			// Shown, greyed, with nothing that happened to it: no
			// verdict, no status history, all of which came later.
			nc := c
			nc.Verdict, nc.History = nil, nil
			p.claims[c.ID] = &nc
		}
	}
	return p
}

// statusOf returns the claim's status at the moment, or now for a nil
// pastBoard; a claim that did not exist yet keeps its status now (its
// badge says NOT YET).
func (p *pastBoard) statusOf(c *app.Claim) app.Status {
	if p != nil {
		if pc := p.claims[c.ID]; pc != nil {
			return pc.Status
		}
	}
	return c.Status
}

// badge is what a claim's badge says at the moment: its status then, or
// NOT YET, in grey, for a claim not made yet.
func (p *pastBoard) badge(c *app.Claim) (string, color.NRGBA) {
	if p != nil && p.absent[c.ID] {
		return "NOT YET", relationColor(app.RelMentions)
	}
	st := p.statusOf(c)
	return statusWord(st), statusColor(st)
}

// claim returns the claim as it stood at the moment, or c itself.
func (p *pastBoard) claim(c *app.Claim) *app.Claim {
	if p != nil {
		if pc := p.claims[c.ID]; pc != nil {
			return pc
		}
	}
	return c
}

// pastLabel says a moment in words: "4 Oct 2018 13:00 UTC", or the day
// alone for its last instant, which a date given as-of means.
func pastLabel(t time.Time) string {
	t = t.UTC()
	if t.Equal(app.EndOfDay(t)) {
		return "the end of " + t.Format("2 Jan 2006") + " (UTC)"
	}
	if t.Second() != 0 || t.Nanosecond() != 0 {
		return t.Format("2 Jan 2006 15:04:05 UTC")
	}
	return t.Format("2 Jan 2006 15:04 UTC")
}

// rewind shows the board as of at, or as it is now for a nil at.
func (w *boardWindow) rewind(at *time.Time) {
	if w.model == nil {
		return
	}
	w.insp.flush()
	if at == nil {
		w.past = nil
	} else {
		w.past = newPastBoard(w.model.doc, *at)
	}
	w.board.past, w.nav.past = w.past, w.past
	w.board.Refresh()
	w.nav.apply()
	w.insp.show(w.insp.id)
	w.refreshChrome()
}

// timelineRow is one row of the timeline's list: a day's heading, or an
// event (dated or not).
type timelineRow struct {
	heading string
	event   *app.Event
}

type timelineView struct {
	w   *boardWindow
	win fyne.Window
	tl  app.TimelineView
	// moments are the distinct instants of the events, oldest first; the
	// slider's step k is before them all (0), moments[k-1], or now
	// (len(moments)+1).
	moments []time.Time
	rows    []timelineRow

	list    *widget.List
	slider  *widget.Slider
	date    *widget.Entry
	now     *widget.Button
	at      *widget.Label // where the board stands: now, or the moment
	first   *widget.Label // the slider's left end: before the first event
	problem *widget.Label // a date the field cannot read
	setting bool          // the slider is being set, not dragged
}

func (w *boardWindow) showTimeline() {
	if w.model == nil {
		return
	}
	if w.timeline != nil {
		w.timeline.win.RequestFocus()
		return
	}
	v := &timelineView{w: w}
	m := w.model
	v.list = widget.NewList(func() int { return len(v.rows) }, newTimelineRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		v.bindRow(v.rows[i], o.(*timelineRowView))
	})
	v.list.OnSelected = func(i widget.ListItemID) {
		if e := v.rows[i].event; e != nil {
			w.choose(e.Item)
		}
		v.list.UnselectAll()
	}
	v.slider = widget.NewSlider(0, 1)
	v.slider.Step = 1
	// A small board follows the slider as it moves; a big one, where a
	// step costs tens of milliseconds (BenchmarkTimelineWindow), says
	// where the slider is and rewinds when it is let go.
	v.slider.OnChanged = func(f float64) {
		switch {
		case v.setting:
		case len(m.kind) <= liveRewindItems:
			v.step(int(f + 0.5))
		default:
			v.preview(int(f + 0.5))
		}
	}
	v.slider.OnChangeEnded = func(f float64) {
		if !v.setting && v.stepOf(w.past) != int(f+0.5) {
			v.step(int(f + 0.5))
		}
	}
	v.date = &widget.Entry{PlaceHolder: "2018-10-04 or 2018-10-04T13:00:00Z"}
	v.date.OnSubmitted = func(s string) { v.rewindTo(s) }
	v.now = &widget.Button{Text: "Now", Icon: theme.MediaFastForwardIcon(), OnTapped: func() { v.rewindNow() }}
	rewind := &widget.Button{Text: "Rewind", Icon: theme.HistoryIcon(), OnTapped: func() { v.rewindTo(v.date.Text) }}
	v.at = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	v.first = endLabel("")
	v.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	v.problem.Hide()

	field := container.NewBorder(nil, nil, widget.NewLabel("As of"), container.NewHBox(rewind, v.now), v.date)
	top := container.NewVBox(
		caption("What happened on the board, day by day (UTC): sources published, quotes said, status changes and verdicts. "+
			"Choose a row to see its card. Slide, or give a date or a time, to see the board as it stood then: claims show the status they had, "+
			"what did not exist yet is greyed, and nothing can be edited until Now."),
		v.at, v.slider, container.NewBorder(nil, nil, v.first, endLabel("now"), nil), field, v.problem, widget.NewSeparator())
	v.refresh()
	v.win = w.app.NewWindow("Timeline — " + w.model.doc.Board.Title)
	v.win.SetContent(container.NewBorder(top, nil, nil, nil, v.list))
	v.win.Resize(fyne.NewSize(720, 640))
	closeOnEsc(v.win)
	v.win.SetOnClosed(func() {
		if w.timeline == v {
			w.timeline = nil
			if w.past != nil {
				w.rewind(nil)
			}
		}
	})
	w.timeline = v
	v.win.Show()
}

// refresh reads the timeline from the board and shows it, keeping the
// moment the board is rewound to.
func (v *timelineView) refresh() {
	m := v.w.model
	if m == nil {
		return
	}
	v.tl = app.Timeline(m.doc)
	v.moments = v.moments[:0]
	v.rows = v.rows[:0]
	day := ""
	for i := range v.tl.Events {
		e := &v.tl.Events[i]
		if n := len(v.moments); n == 0 || !v.moments[n-1].Equal(e.At) {
			v.moments = append(v.moments, e.At)
		}
		if d := e.At.Format(time.DateOnly); d != day {
			day = d
			v.rows = append(v.rows, timelineRow{heading: e.At.Format("Monday 2 January 2006")})
		}
		v.rows = append(v.rows, timelineRow{event: e})
	}
	if len(v.tl.Events) == 0 {
		v.rows = append(v.rows, timelineRow{heading: "Nothing on this board is dated."})
	}
	if len(v.tl.Undated) > 0 {
		v.rows = append(v.rows, timelineRow{heading: fmt.Sprintf("Undated (%d): shown apart, never guessed", len(v.tl.Undated))})
		for i := range v.tl.Undated {
			v.rows = append(v.rows, timelineRow{event: &v.tl.Undated[i]})
		}
	}
	v.first.SetText("before it all")
	if len(v.moments) > 0 {
		v.first.SetText("before " + pastLabel(v.moments[0]))
	}
	v.setting = true
	v.slider.Max = float64(len(v.moments) + 1)
	v.slider.SetValue(float64(v.stepOf(v.w.past)))
	v.setting = false
	v.showMoment()
	v.list.Refresh()
}

// stepOf is the slider's step for a moment: the last moment with events
// at or before it, 0 before them all, the end for now.
func (v *timelineView) stepOf(p *pastBoard) int {
	if p == nil {
		return len(v.moments) + 1
	}
	k := 0
	for k < len(v.moments) && !v.moments[k].After(p.at) {
		k++
	}
	return k
}

// liveRewindItems is the most items a board may hold for the slider to
// rewind it at every step of a drag.
const liveRewindItems = 3000

// moment is the slider's step k as a moment, nil for now.
func (v *timelineView) moment(k int) *time.Time {
	switch {
	case k > len(v.moments) || len(v.moments) == 0:
		return nil
	case k <= 0:
		at := v.moments[0].Add(-time.Second)
		return &at
	}
	at := v.moments[k-1]
	return &at
}

// preview says where the slider is, before the board follows.
func (v *timelineView) preview(k int) {
	if at := v.moment(k); at != nil {
		v.at.SetText("Let go to see the board as of " + pastLabel(*at))
	} else {
		v.at.SetText("Let go to see the board now")
	}
}

// step rewinds the board to the slider's step k.
func (v *timelineView) step(k int) {
	v.w.rewind(v.moment(k))
	v.problem.Hide()
	v.showMoment()
}

// rewindTo rewinds the board to a date or time typed in the field.
func (v *timelineView) rewindTo(s string) {
	at, err := app.ParseAsOf(strings.TrimSpace(s))
	if err != nil {
		v.problem.SetText(app.ErrorMessage(err))
		v.problem.Show()
		return
	}
	v.problem.Hide()
	v.w.rewind(&at)
	v.setting = true
	v.slider.SetValue(float64(v.stepOf(v.w.past)))
	v.setting = false
	v.showMoment()
}

func (v *timelineView) rewindNow() {
	v.w.rewind(nil)
	v.date.SetText("")
	v.problem.Hide()
	v.setting = true
	v.slider.SetValue(v.slider.Max)
	v.setting = false
	v.showMoment()
}

// showMoment says where the board stands and greys the events after it.
func (v *timelineView) showMoment() {
	p := v.w.past
	if p == nil {
		v.at.SetText(fmt.Sprintf("The board now · %d dated events, %d undated", len(v.tl.Events), len(v.tl.Undated)))
		v.now.Disable()
	} else {
		n := 0
		for n < len(v.tl.Events) && !v.tl.Events[n].At.After(p.at) {
			n++
		}
		v.at.SetText(fmt.Sprintf("The board as of %s · %d of %d events had happened · read-only", pastLabel(p.at), n, len(v.tl.Events)))
		v.now.Enable()
		// Bring the moment into view: the last event that had happened.
		if n > 0 {
			for i, r := range v.rows {
				if r.event == &v.tl.Events[n-1] {
					v.list.ScrollTo(min(i+2, len(v.rows)-1)) // and what came next
					break
				}
			}
		}
	}
	v.list.Refresh()
}

// timelineRowView draws a row: the time, a tag and the words; a heading
// is the words alone, in bold.
type timelineRowView struct {
	widget.BaseWidget
	when, text *widget.Label
	tag        *canvas.Text
	chip       *canvas.Rectangle
	heading    *widget.Label
	event      *fyne.Container
}

func newTimelineRow() fyne.CanvasObject {
	r := &timelineRowView{when: &widget.Label{}, text: &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		tag:     &canvas.Text{TextSize: 10, TextStyle: fyne.TextStyle{Bold: true}, Color: color.White, Alignment: fyne.TextAlignCenter},
		chip:    &canvas.Rectangle{CornerRadius: 3},
		heading: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}}
	r.event = container.NewBorder(nil, nil,
		container.NewHBox(container.NewGridWrap(fyne.NewSize(92, 30), r.when), container.NewGridWrap(fyne.NewSize(100, 30), container.NewPadded(container.NewStack(r.chip, r.tag)))),
		nil, r.text)
	r.ExtendBaseWidget(r)
	return r
}

func (r *timelineRowView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.event, r.heading))
}

// bindRow shows one row of the list.
func (v *timelineView) bindRow(row timelineRow, r *timelineRowView) {
	if row.event == nil {
		r.event.Hide()
		r.heading.SetText(row.heading)
		r.heading.Show()
		return
	}
	r.heading.Hide()
	r.event.Show()
	e := row.event
	m := v.w.model
	when := "no date"
	if !e.At.IsZero() {
		when = "that day"
		if !e.DateOnly {
			when = e.At.Format("15:04 UTC")
		}
	}
	r.when.SetText(when)
	tag, col, text := "", relationColor(app.RelMentions), ""
	switch e.Kind {
	case app.EventPublished:
		tag, col = "PUBLISHED", kindColor(app.KindSource)
		if s := m.sources[e.Item]; s != nil {
			text = s.Title
			if s.Publisher != "" {
				text += " · " + s.Publisher
			}
		}
	case app.EventSaid:
		tag, col = "SAID", kindColor(app.KindQuote)
		if q := m.quotes[e.Item]; q != nil {
			who := m.name(q.Speaker)
			if who == "" {
				who = "Unknown speaker"
			}
			text = who + ": “" + q.Text + "”"
			if e.At.IsZero() {
				if s := m.sources[q.Source]; s != nil && s.Published != "" {
					text += " (its source: published " + s.Published + ")"
				}
			}
		}
	case app.EventStatus:
		tag, col = strings.ToUpper(string(e.Status)), statusColor(e.Status)
		if c := m.claims[e.Item]; c != nil {
			text = c.Statement
		}
		if e.Note != "" {
			text += " — " + e.Note
		}
		if e.At.IsZero() {
			text += " (no dated status change)"
		}
	case app.EventVerdict:
		tag, col = "VERDICT", kindColor(app.KindClaim)
		text = e.Label
		if c := m.claims[e.Item]; c != nil {
			text += " · " + c.Statement
		}
		if e.Note != "" {
			text += " — " + e.Note
		}
	}
	r.tag.Text = tag
	r.chip.FillColor = col
	later := v.w.past != nil && !e.At.IsZero() && e.At.After(v.w.past.at)
	if later {
		r.chip.FillColor = fade(col, false)
	}
	r.tag.Refresh()
	r.chip.Refresh()
	r.text.Importance = widget.MediumImportance
	if later {
		r.text.Importance = widget.LowImportance
	}
	r.text.SetText(text)
}

// endLabel is a small label at an end of the slider, on one line.
func endLabel(text string) *widget.Label {
	return &widget.Label{Text: text, SizeName: theme.SizeNameCaptionText}
}

// rewound returns EINVALID while the board is shown as of a moment of its
// past: the window's edits check it before they reach the file.
func (w *boardWindow) rewound() error {
	if w.past == nil {
		return nil
	}
	return app.Errorf(app.EINVALID, "the board is shown as it stood at %s and cannot be edited: choose Now in the timeline first", pastLabel(w.past.at))
}

// closeTimeline closes the timeline, with the board it was showing: the
// board window is back to now. For closing or changing the board.
func (w *boardWindow) closeTimeline() {
	v := w.timeline
	if v == nil {
		return
	}
	w.timeline, w.past, w.board.past, w.nav.past = nil, nil, nil, nil
	v.win.Close()
}
