package ui

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"evidenceboard/app"
)

// Selecting a card brings forward it, its strings and the cards at their
// other ends, and dims the rest; a search dims what does not match.
func TestFocus_SelectionAndSearchDimTheRest(t *testing.T) {
	w, _ := openTestWindow(t)
	m := w.model
	w.choose("q-officials")
	near := map[string]bool{"q-officials": true}
	for _, i := range m.linksOf["q-officials"] {
		l := m.doc.Links[i]
		near[l.From], near[l.To] = true, true
	}
	if len(near) < 2 {
		t.Fatal("the sample's quote has no links")
	}
	for id := range m.kind {
		if got := w.board.lit.lit(id); got != near[id] {
			t.Errorf("%s lit %v with q-officials selected, want %v", id, got, near[id])
		}
	}
	for _, l := range m.doc.Links {
		lit, own := w.board.lit.litString(l)
		touches := l.From == "q-officials" || l.To == "q-officials"
		if lit != touches || own != touches {
			t.Errorf("string %s→%s lit %v own %v", l.From, l.To, lit, own)
		}
	}
	w.choose("")
	for id := range m.kind {
		if !w.board.lit.lit(id) {
			t.Fatalf("%s dimmed with nothing selected and no search", id)
		}
	}
	test.Type(w.nav.search, "supermicro")
	matches := 0
	for id := range m.kind {
		want := strings.Contains(m.haystack[id], "supermicro")
		if got := w.board.lit.lit(id); got != want {
			t.Errorf("%s lit %v while searching, want %v", id, got, want)
		}
		if want {
			matches++
		}
	}
	if matches == 0 || matches == len(m.kind) {
		t.Fatalf("%d of %d match: the search test proves nothing", matches, len(m.kind))
	}
	// A search typed with a card selected wins: its matches come
	// forward, the selected card (no match) is dimmed, until it is cleared.
	w.nav.search.SetText("")
	w.choose("q-officials")
	test.Type(w.nav.search, "supermicro")
	if w.board.lit.lit("q-officials") && !strings.Contains(m.haystack["q-officials"], "supermicro") {
		t.Error("the selected card stays lit though the search does not match it")
	}
	for id := range m.kind {
		if strings.Contains(m.haystack[id], "supermicro") && !w.board.lit.lit(id) {
			t.Fatalf("match %s dimmed by the selection", id)
		}
	}
	for _, tab := range w.nav.tabs.Items {
		if strings.Contains(tab.Text, "/") {
			t.Errorf("the tab %q is too long to stay in view while searching", tab.Text)
		}
	}
	w.nav.search.SetText("")
	if w.board.filter != nil {
		t.Fatal("clearing the search left the board dimmed")
	}
}

// A relation hidden in the legend draws no strings.
func TestFocus_HiddenRelationDrawsNoStrings(t *testing.T) {
	w, _ := openTestWindow(t)
	w.setRelationShown(app.RelMentions, false)
	for _, s := range w.board.renderer.strings {
		if !s.line.Hidden && s.line.StrokeColor == color.Color(relationColor(app.RelMentions)) {
			t.Fatal("a mentions string is drawn while mentions is hidden")
		}
	}
	w.setRelationShown(app.RelMentions, true)
	found := false
	for _, s := range w.board.renderer.strings {
		found = found || (!s.line.Hidden && s.line.StrokeColor == color.Color(relationColor(app.RelMentions)))
	}
	if !found {
		t.Fatal("showing mentions again drew no mentions string")
	}
}

// Tapping a relation in the legend hides its strings; tapping again shows
// them.
func TestLegend_TapTogglesARelation(t *testing.T) {
	w, _ := openTestWindow(t)
	e := w.legend.entries[app.RelDenies]
	test.Tap(e)
	if !w.board.hiddenRel[app.RelDenies] || e.shown {
		t.Fatal("tapping denies did not hide its strings")
	}
	test.Tap(e)
	if w.board.hiddenRel[app.RelDenies] || !e.shown {
		t.Fatal("tapping denies again did not show its strings")
	}
}

// Below the zoom where body text can be read, cards show what identifies
// them in readable type: a claim its status word and first words, a
// party its name; above it, the body text and footer at scale.
func TestCards_ReadableAtEveryZoom(t *testing.T) {
	w, _ := openTestWindow(t)
	for _, z := range []float32{0.3, 0.5, 0.8, 1, 1.5} {
		w.board.zoomAbout(z, w.board.toScreen(w.model.pos["c-pla-chips"]))
		w.board.reveal("c-pla-chips")
		c := w.board.renderer.byID["c-pla-chips"]
		if c == nil {
			t.Fatalf("zoom %v: the claim is not in view", z)
		}
		c.Refresh()
		if c.badgeText.Hidden || c.badgeText.Text != "UNCONFIRMED" {
			t.Fatalf("zoom %v: badge %q hidden %v", z, c.badgeText.Text, c.badgeText.Hidden)
		}
		first := c.lines[0]
		if first.Hidden || first.Text == "" {
			t.Fatalf("zoom %v: the claim shows no words", z)
		}
		if first.TextSize < readableText-0.01 {
			t.Fatalf("zoom %v: text drawn at %.1f px, under the readable %d", z, first.TextSize, readableText)
		}
		if overview(z) != c.footer.Hidden {
			t.Fatalf("zoom %v: footer hidden %v in overview %v", z, c.footer.Hidden, overview(z))
		}
	}
}

// The selected card's relation labels are readable at a zoomed-out view
// (11 px at least), and the many made-by strings to outlets are drawn
// soft unless they are the selected card's own.
func TestStrings_ReadableLabelsSoftMadeBy(t *testing.T) {
	w, f := openTestWindow(t)
	w.board.zoom = 0.55
	var claim string
	for _, l := range f.doc.Links {
		if l.Relation == app.RelMadeBy {
			claim = l.From
			break
		}
	}
	if claim == "" {
		t.Fatal("no made-by string on the sample")
	}
	w.choose(claim)
	w.board.relayout()
	labels, soft := 0, 0
	for _, s := range w.board.renderer.strings {
		if !s.label.Hidden {
			labels++
			if s.label.TextSize < readableText {
				t.Errorf("the label %q is %.1f px", s.label.Text, s.label.TextSize)
			}
		}
		if c, ok := s.line.StrokeColor.(color.NRGBA); ok && !s.line.Hidden && c.A < 0x60 && c.A > 0 {
			soft++
		}
	}
	if labels == 0 {
		t.Fatal("no labels on the selected claim's strings")
	}
	w.choose("")
	w.board.relayout()
	soft = 0
	for _, s := range w.board.renderer.strings {
		if c, ok := s.line.StrokeColor.(color.NRGBA); ok && !s.line.Hidden && c.A < 0x60 {
			soft++
		}
	}
	if soft == 0 {
		t.Error("no string drawn soft with nothing selected: the made-by strings should be")
	}
}
