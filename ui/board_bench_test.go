package ui

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"evidenceboard/app"
)

// gridBoard makes a board of n cards (claims and quotes, each quote
// linked to a claim) laid out on a square grid, as dense as a real board.
func gridBoard(n int) *app.Document {
	doc := &app.Document{Format: app.FormatName, Version: 1, Board: app.Board{Title: "Grid"}}
	side := 1
	for side*side < n {
		side++
	}
	for i := 0; i < n; i++ {
		x, y := float64(i%side)*320, float64(i/side)*190
		if i%3 == 0 {
			id := fmt.Sprintf("c%d", i)
			doc.Claims = append(doc.Claims, app.Claim{ID: id, Statement: fmt.Sprintf("Claim number %d is in question on this board.", i), Status: app.Statuses[i%3]})
			doc.Layout = append(doc.Layout, app.Position{Item: id, X: x, Y: y})
			continue
		}
		id := fmt.Sprintf("q%d", i)
		doc.Quotes = append(doc.Quotes, app.Quote{ID: id, Text: fmt.Sprintf("Quote %d: words someone said about the matter, pinned here.", i)})
		doc.Layout = append(doc.Layout, app.Position{Item: id, X: x, Y: y})
		doc.Links = append(doc.Links, app.Link{From: id, To: fmt.Sprintf("c%d", i/3*3), Relation: app.RelSupports})
	}
	return doc
}

// BenchmarkFrame measures one pan step, and one zoom step, of the board in
// a 1280×800 view at about 50 % zoom, about 100 cards in view, on boards
// of 100 to 10,000 cards: the cost must follow the cards on screen, not
// the cards on the board.
func BenchmarkFrame(b *testing.B) {
	for _, step := range []string{"pan", "zoom", "pan-far"} {
		for _, n := range []int{100, 1000, 10000} {
			b.Run(fmt.Sprintf("%s/cards=%d", step, n), func(b *testing.B) {
				test.NewTempApp(b)
				bc := newBoardCanvas()
				w := test.NewTempWindow(b, bc)
				w.Resize(fyne.NewSize(1280, 800))
				bc.setModel(newBoardModel(gridBoard(n)), false)
				bc.zoom, bc.offset, bc.autoFit = 0.5, fyne.NewPos(0, 0), false
				if step == "pan-far" { // zoomed far out: cards too small for words get labels
					bc.zoom = 0.12
				}
				bc.relayout()
				b.ResetTimer()
				drawn := 0
				for i := 0; i < b.N; i++ {
					back := i%100 >= 50 // back and forth over the same ground
					switch {
					case step != "zoom" && back:
						bc.panBy(fyne.NewDelta(-4, -2))
					case step != "zoom":
						bc.panBy(fyne.NewDelta(4, 2))
					case back:
						bc.zoomAbout(bc.zoom/1.004, fyne.NewPos(300, 200))
					default:
						bc.zoomAbout(bc.zoom*1.004, fyne.NewPos(300, 200))
					}
					drawn += bc.renderer.shown
				}
				b.ReportMetric(float64(drawn)/float64(b.N), "cards-drawn/op")
			})
		}
	}
}

func TestFrame_DrawsOnlyWhatIsInView(t *testing.T) {
	test.NewTempApp(t)
	for _, n := range []int{100, 10000} {
		bc := newBoardCanvas()
		w := test.NewTempWindow(t, bc)
		w.Resize(fyne.NewSize(1280, 800))
		bc.setModel(newBoardModel(gridBoard(n)), false)
		bc.zoom, bc.offset, bc.autoFit = 0.5, fyne.NewPos(0, 0), false
		bc.relayout()
		if got := len(bc.renderer.cards); got > 120 {
			t.Fatalf("%d cards on the board: %d card objects made; want only those in view", n, got)
		}
	}
}

// BenchmarkSearchKeystroke measures the work of one keystroke in the
// navigator's search box on a board of 10,000 quotes and 2,000 claims:
// matching every item's text and refreshing the lists.
func BenchmarkSearchKeystroke(b *testing.B) {
	for _, board := range []struct {
		name string
		doc  *app.Document
	}{{"grid", gridBoard(12000)}, {"prose", proseBoard(10000, 2000)}} {
		b.Run(board.name, func(b *testing.B) {
			test.NewTempApp(b)
			n := newNavigator(nil)
			w := test.NewTempWindow(b, n.content())
			w.Resize(fyne.NewSize(400, 800))
			n.setModel(newBoardModel(board.doc))
			// Typing two words, then starting again: the first letter of each
			// word searches every item, the letters after it the matches so far.
			queries := []string{"s", "se", "ser", "serv", "serve", "server", "servers", "servers d", "servers de", "servers den", "q", "qu", "quo", "quot"}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				n.search.Text = queries[i%len(queries)]
				n.apply()
			}
		})
	}
}

// proseBoard makes a board of quotes and claims whose text is as long as a
// newsroom's: quotes of up to 200 characters, claims of up to 120, notes on
// a third of them.
func proseBoard(quotes, claims int) *app.Document {
	words := strings.Fields("the company said servers chips were never found and officials denied any report " +
		"of hardware implanted by a supplier while sources familiar with the investigation disagreed about what " +
		"was tested audited or seen in the data centers of customers over the years")
	r := rand.New(rand.NewSource(1))
	text := func(max int) string {
		var sb strings.Builder
		for sb.Len() < max-12 && (sb.Len() < 20 || r.Intn(12) > 0) {
			sb.WriteString(words[r.Intn(len(words))] + " ")
		}
		return strings.TrimSpace(sb.String())
	}
	doc := gridBoard(0)
	for i := 0; i < claims; i++ {
		c := app.Claim{ID: fmt.Sprintf("c%d", i), Statement: text(120), Status: app.Statuses[i%3]}
		if i%3 == 0 {
			c.Notes = text(80)
		}
		doc.Claims = append(doc.Claims, c)
	}
	for i := 0; i < quotes; i++ {
		q := app.Quote{ID: fmt.Sprintf("q%d", i), Text: text(200), Location: "paragraph 12"}
		if i%3 == 0 {
			q.Notes = text(40)
		}
		doc.Quotes = append(doc.Quotes, q)
	}
	return doc
}

// BenchmarkStructuralEdit measures the window's work after a link is made
// on a board of 12,000 cards and 8,000 links: reading back the two items
// it joins (readBack), against reading the whole board again (reload), the
// way every structural edit went before. The store's own reading is
// measured apart, in storage's BenchmarkReadBack and BenchmarkLoad.
func BenchmarkStructuralEdit(b *testing.B) {
	for _, how := range []string{"readBack", "reload"} {
		b.Run(how, func(b *testing.B) {
			a := test.NewTempApp(b)
			f := newMemFile(gridBoard(12000))
			w := newBoardWindow(a, memFiles{f})
			w.win.Resize(fyne.NewSize(1280, 800))
			w.openPath(f.path)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				q := fmt.Sprintf("q%d", 1+3*(i%3000))
				if how == "reload" {
					_ = w.reload(false)
				} else if err := w.readBack(w.ref(q), w.ref("c0")); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// judged gives every claim of a grid board a verdict and every quote a
// credibility grade, so that each card draws its badges.
func judged(doc *app.Document) *app.Document {
	for i := range doc.Claims {
		doc.Claims[i].Verdict = &app.Verdict{Label: app.DefaultScale[i%len(app.DefaultScale)].Label}
	}
	for i := range doc.Quotes {
		doc.Quotes[i].Credibility = 1 + i%6
	}
	return doc
}

// BenchmarkFrameJudged is BenchmarkFrame's pan step on 10,000 cards with
// and without verdicts and grades, at 100 % (grades drawn) and 50 %
// (overview: verdicts only): what the badges cost a frame.
func BenchmarkFrameJudged(b *testing.B) {
	for _, zoom := range []float32{1, 0.5} {
		for _, j := range []bool{false, true} {
			b.Run(fmt.Sprintf("zoom=%g/judged=%v", zoom, j), func(b *testing.B) {
				test.NewTempApp(b)
				bc := newBoardCanvas()
				w := test.NewTempWindow(b, bc)
				w.Resize(fyne.NewSize(1280, 800))
				doc := gridBoard(10000)
				if j {
					doc = judged(doc)
				}
				bc.setModel(newBoardModel(doc), false)
				bc.zoom, bc.offset, bc.autoFit = zoom, fyne.NewPos(0, 0), false
				bc.relayout()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					d := fyne.NewDelta(4, 2)
					if i%100 >= 50 {
						d = fyne.NewDelta(-4, -2)
					}
					bc.panBy(d)
				}
			})
		}
	}
}
