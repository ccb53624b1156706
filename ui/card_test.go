package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"evidenceboard/app"
)

// oneCardBoard is a board holding one item, at the origin.
func oneCardBoard(t *testing.T, doc *app.Document, id string) fyne.Window {
	t.Helper()
	doc.Format, doc.Version = app.FormatName, 1
	doc.Layout = []app.Position{{Item: id, X: 0, Y: 0}}
	b := newBoardCanvas()
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(320, 190))
	b.setModel(newBoardModel(doc), false)
	b.offset = fyne.NewPos(-10, -10)
	b.relayout()
	return w
}

// TestCards_Golden renders a card of each kind, and a claim card in each
// status, against reviewed markup (testdata/card/*.xml; on a mismatch the
// actual output lands in testdata/failed/ to review and promote).
func TestCards_Golden(t *testing.T) {
	test.NewTempApp(t)
	for _, s := range app.Statuses {
		t.Run("claim_"+string(s), func(t *testing.T) {
			doc := &app.Document{Claims: []app.Claim{{ID: "c", Statement: "Apple found malicious chips in Supermicro servers in 2015.", Status: s}}}
			test.AssertRendersToMarkup(t, fmt.Sprintf("card/claim_%s.xml", s), oneCardBoard(t, doc, "c").Canvas())
		})
	}
	t.Run("quote", func(t *testing.T) {
		doc := &app.Document{
			Parties: []app.Party{{ID: "apple", Name: "Apple", Kind: app.PartyOrganisation}},
			Sources: []app.Source{{ID: "s", Title: "ZDNet, 4 October 2018"}},
			Quotes:  []app.Quote{{ID: "q", Text: "Apple never had any contact with the FBI or any other agency about such an incident.", Speaker: "apple", Source: "s"}},
		}
		test.AssertRendersToMarkup(t, "card/quote.xml", oneCardBoard(t, doc, "q").Canvas())
	})
	t.Run("party", func(t *testing.T) {
		doc := &app.Document{Parties: []app.Party{{ID: "p", Name: "17 anonymous sources", Kind: app.PartyAnonymous}}}
		test.AssertRendersToMarkup(t, "card/party.xml", oneCardBoard(t, doc, "p").Canvas())
	})
	t.Run("source", func(t *testing.T) {
		doc := &app.Document{Sources: []app.Source{{ID: "s", Title: "Apple, Amazon deny claims Chinese spies implanted backdoor chips", Publisher: "ZDNet", Published: "2018-10-04"}}}
		test.AssertRendersToMarkup(t, "card/source.xml", oneCardBoard(t, doc, "s").Canvas())
	})
	// Judged: a claim's verdict outlined beside its status; grades at the
	// right of the footer, the quote's as an Admiralty code (its
	// speaker's reliability and its own credibility).
	t.Run("claim_verdict", func(t *testing.T) {
		doc := &app.Document{Claims: []app.Claim{{ID: "c", Statement: "Apple found malicious chips in Supermicro servers in 2015.", Status: app.StatusDenied,
			Verdict: &app.Verdict{Label: "Mostly false", At: time.Date(2018, 10, 8, 0, 0, 0, 0, time.UTC)}}}}
		test.AssertRendersToMarkup(t, "card/claim_verdict.xml", oneCardBoard(t, doc, "c").Canvas())
	})
	t.Run("quote_graded", func(t *testing.T) {
		doc := &app.Document{
			Parties: []app.Party{{ID: "apple", Name: "Apple", Kind: app.PartyOrganisation, Reliability: "B"}},
			Sources: []app.Source{{ID: "s", Title: "ZDNet, 4 October 2018", Reliability: "C"}},
			Quotes:  []app.Quote{{ID: "q", Text: "Apple never had any contact with the FBI or any other agency about such an incident.", Speaker: "apple", Source: "s", Credibility: 2}},
		}
		test.AssertRendersToMarkup(t, "card/quote_graded.xml", oneCardBoard(t, doc, "q").Canvas())
	})
	t.Run("party_graded", func(t *testing.T) {
		doc := &app.Document{Parties: []app.Party{{ID: "p", Name: "17 anonymous sources", Kind: app.PartyAnonymous, Reliability: "F"}}}
		test.AssertRendersToMarkup(t, "card/party_graded.xml", oneCardBoard(t, doc, "p").Canvas())
	})
	t.Run("source_graded", func(t *testing.T) {
		doc := &app.Document{Sources: []app.Source{{ID: "s", Title: "Apple, Amazon deny claims Chinese spies implanted backdoor chips", Publisher: "ZDNet", Published: "2018-10-04", Reliability: "B"}}}
		test.AssertRendersToMarkup(t, "card/source_graded.xml", oneCardBoard(t, doc, "s").Canvas())
	})
}

// TestCards_StatusWordNotColourAlone: a claim's card writes its status.
func TestCards_StatusWordNotColourAlone(t *testing.T) {
	test.NewTempApp(t)
	for _, s := range app.Statuses {
		doc := &app.Document{Claims: []app.Claim{{ID: "c", Statement: "x", Status: s}}}
		w := oneCardBoard(t, doc, "c")
		b := w.Content().(*boardCanvas)
		card := b.renderer.cards[0]
		if card.badgeText.Hidden || card.badgeText.Text != map[app.Status]string{app.StatusAlleged: "ALLEGED", app.StatusDenied: "DENIED", app.StatusUnconfirmed: "UNCONFIRMED"}[s] {
			t.Fatalf("%s card badge = %q", s, card.badgeText.Text)
		}
	}
}

// Zoomed out, where a card shows only what identifies it, a quote still
// says who said it, on its last row, in type a person can read.
func TestCard_QuoteSaysWhoAtOverviewZoom(t *testing.T) {
	w, f := openTestWindow(t)
	w.board.zoom = 0.6
	w.board.Refresh()
	var q *app.Quote
	for i := range f.doc.Quotes {
		if f.doc.Quotes[i].Speaker != "" {
			q = &f.doc.Quotes[i]
			break
		}
	}
	if q == nil {
		t.Fatal("no quote with a speaker")
	}
	c := cardOf(t, w, q.ID)
	c.Refresh()
	who := w.model.name(q.Speaker)
	if c.footer.Hidden || !strings.HasPrefix(c.footer.Text, "— "+strings.Fields(who)[0]) || c.footer.TextSize < readableText {
		t.Fatalf("at 60%% the quote's card says %q (hidden %v, %.1f px), want its speaker %q", c.footer.Text, c.footer.Hidden, c.footer.TextSize, who)
	}
}

// Selecting a source brings its own quotes forward, and the inspector
// lists them; the same for a party and the quotes it said.
func TestSelect_SourceBringsItsQuotesForward(t *testing.T) {
	w, f := openTestWindow(t)
	var src string
	var from []string
	for _, q := range f.doc.Quotes {
		if q.Source != "" && (src == "" || q.Source == src) {
			src = q.Source
			from = append(from, q.ID)
		}
	}
	if len(from) == 0 {
		t.Fatal("no quote with a source")
	}
	w.choose(src)
	for _, q := range from {
		if !w.board.lit.lit(q) {
			t.Fatalf("quote %s of the selected source is dimmed", q)
		}
	}
	if !strings.Contains(labels(w.insp.root), "Quotes from it") {
		t.Fatal("the inspector does not list the source's quotes")
	}
}

// Zoomed far out, where cards are too small for words, the board names
// the parties (and what else fits) in readable labels clear of each
// other, on the board.
func TestTinyLabels_NameCardsTooSmallForWords(t *testing.T) {
	w, _ := openTestWindow(t)
	w.board.zoom = 0.15
	w.board.relayout()
	size := w.board.Size()
	var shown [][4]float32
	names := map[string]bool{}
	for _, l := range w.board.renderer.tiny {
		if !l.text.Visible() {
			continue
		}
		if l.text.TextSize < readableText {
			t.Fatalf("the label %q is %.1f px", l.text.Text, l.text.TextSize)
		}
		r := [4]float32{l.pill.Position().X, l.pill.Position().Y, l.pill.Size().Width, l.pill.Size().Height}
		if overlapsAny(r, shown) {
			t.Fatalf("the label %q lies on another", l.text.Text)
		}
		if r[0] < 0 || r[0]+r[2] > size.Width || r[1] < 0 || r[1]+r[3] > size.Height {
			t.Fatalf("the label %q is off the board: %v in %v", l.text.Text, r, size)
		}
		shown = append(shown, r)
		names[l.text.Text] = true
	}
	if !names["Bloomberg"] || len(shown) < 8 {
		t.Fatalf("zoomed out, the board names %d cards (%v); Bloomberg, the story's hub, should be one", len(shown), names)
	}
	w.board.zoom = 1
	w.board.relayout()
	for _, l := range w.board.renderer.tiny {
		if l.text.Visible() {
			t.Fatalf("at 100%% a label %q is drawn over cards that show their words", l.text.Text)
		}
	}
}
