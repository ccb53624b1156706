// Command measurelayout prints, for the sample board after Arrange and for
// generated boards with no layout, the figures of arrange.Measure for
// arrange.Arrange against Graphviz's sfdp -Goverlap=false on the same graph
// at the same card sizes, and whether the targets hold: no more crossings
// and no more strings through cards than sfdp, no overlaps, an aspect ratio
// between 0.8 and 2.5. It exits 1 if a target is missed. It is a tool of
// the repository (.ci/measure-layout), not part of the app.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-graphviz"

	"evidenceboard/app"
	"evidenceboard/app/arrange"
	"evidenceboard/assets"
)

func main() {
	only := flag.String("board", "", "measure only the board of this name")
	oursOnly := flag.Bool("ours", false, "measure only Arrange, not sfdp")
	many := flag.Int("many", 0, "measure this many more generated boards of each shape, of sizes drawn from the seed")
	flag.StringVar(&overlap, "overlap", "false", "sfdp's overlap attribute")
	flag.Parse()
	sample, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		fail(err)
	}
	boards := []struct {
		name string
		doc  *app.Document
	}{
		{"sample", sample},
		{"newsroom", arrange.Generate(1, arrange.Newsroom)},
		{"newsroom-2", arrange.Generate(2, arrange.Newsroom)},
		{"small", arrange.Generate(3, arrange.BoardSize{Claims: 6, Quotes: 15, Parties: 8, Sources: 3, Links: 32})},
		{"large", arrange.Generate(4, arrange.BoardSize{Claims: 60, Quotes: 180, Parties: 60, Sources: 24, Links: 380})},
		{"newsroom-3", arrange.Generate(6, arrange.Newsroom)},
		{"scatter", arrange.Scatter(5, arrange.BoardSize{Claims: 20, Quotes: 60, Parties: 25, Sources: 8, Links: 150})},
		{"scatter-2", arrange.Scatter(7, arrange.BoardSize{Claims: 12, Quotes: 40, Parties: 12, Sources: 5, Links: 70})},
	}
	for i := 0; i < *many; i++ {
		seed := int64(100 + i)
		claims := 4 + int(seed*7919%37)
		n := arrange.BoardSize{Claims: claims, Quotes: claims * (2 + int(seed%3)), Parties: claims + int(seed%11), Sources: claims / 3, Links: claims * 6}
		boards = append(boards, struct {
			name string
			doc  *app.Document
		}{fmt.Sprintf("news-%d", seed), arrange.Generate(seed, n)})
		n.Links = claims * 5
		boards = append(boards, struct {
			name string
			doc  *app.Document
		}{fmt.Sprintf("scat-%d", seed), arrange.Scatter(seed, n)})
	}
	ctx := context.Background()
	var gv *graphviz.Graphviz
	if !*oursOnly {
		if gv, err = graphviz.New(ctx); err != nil {
			fail(err)
		}
		defer gv.Close()
	}
	fmt.Printf("%-11s %5s %5s | %-37s | %-37s | %s\n", "board", "cards", "links", "ours: cross through ovl aspect fill", "sfdp: cross through ovl aspect fill", "targets")
	missed := false
	for _, b := range boards {
		if *only != "" && b.name != *only {
			continue
		}
		doc := *b.doc
		doc.Layout = nil // measured as boards with no layout
		start := time.Now()
		ours := arrange.Arrange(&doc, arrange.CardSizes)
		took := time.Since(start)
		var sfdp []app.Position
		if !*oursOnly {
			if sfdp, err = sfdpLayout(ctx, gv, &doc, arrange.CardSizes); err != nil {
				fail(err)
			}
		}
		fo := arrange.Measure(&doc, ours, arrange.CardSizes)
		fs := arrange.Measure(&doc, sfdp, arrange.CardSizes)
		var notes []string
		if fo.Crossings > fs.Crossings {
			notes = append(notes, "crossings")
		}
		if fo.ThroughCards > fs.ThroughCards {
			notes = append(notes, "through")
		}
		if fo.Overlaps > 0 {
			notes = append(notes, "overlaps")
		}
		if fo.Cards > 0 && (fo.Aspect < 0.8 || fo.Aspect > 2.5) {
			notes = append(notes, "aspect")
		}
		verdict := "hold"
		if len(notes) > 0 {
			verdict, missed = "MISSED: "+strings.Join(notes, ", "), true
		}
		fmt.Printf("%-11s %5d %5d | %7d %7d %5d %6.2f %4.0f%% | %7d %7d %5d %6.2f %4.0f%% | %s (%s)\n", b.name, fo.Cards, fo.Strings,
			fo.Crossings, fo.ThroughCards, fo.Overlaps, fo.Aspect, 100*fo.Fill, fs.Crossings, fs.ThroughCards, fs.Overlaps, fs.Aspect, 100*fs.Fill,
			verdict, took.Round(time.Millisecond))
	}
	if missed {
		os.Exit(1)
	}
}

// sfdpLayout lays the board's cards out with sfdp -Goverlap=false: one box
// node of the card's size (fixedsize, in inches of 72 units) per card, one
// edge per link, and returns the cards' top-left corners in board units.
func sfdpLayout(ctx context.Context, gv *graphviz.Graphviz, doc *app.Document, sizes map[app.Kind]arrange.Size) ([]app.Position, error) {
	g, err := gv.Graph()
	if err != nil {
		return nil, err
	}
	defer g.Close()
	if err := g.SafeSet("overlap", overlap, "true"); err != nil {
		return nil, err
	}
	kind := map[string]app.Kind{}
	nodes := map[string]*graphviz.Node{}
	var ids []string
	add := func(id string, k app.Kind) error {
		n, err := g.CreateNodeByName(id)
		if err != nil {
			return err
		}
		s := sizes[k]
		n.SetShape("box").SetFixedSize(true).SetWidth(s.Width / 72).SetHeight(s.Height / 72).SetLabel("")
		kind[id], nodes[id] = k, n
		ids = append(ids, id)
		return nil
	}
	for _, c := range doc.Claims {
		if err := add(c.ID, app.KindClaim); err != nil {
			return nil, err
		}
	}
	for _, q := range doc.Quotes {
		if err := add(q.ID, app.KindQuote); err != nil {
			return nil, err
		}
	}
	for _, p := range doc.Parties {
		if err := add(p.ID, app.KindParty); err != nil {
			return nil, err
		}
	}
	for _, s := range doc.Sources {
		if err := add(s.ID, app.KindSource); err != nil {
			return nil, err
		}
	}
	for i, l := range doc.Links {
		if _, err := g.CreateEdgeByName("e"+strconv.Itoa(i), nodes[l.From], nodes[l.To]); err != nil {
			return nil, err
		}
	}
	gv.SetLayout(graphviz.SFDP)
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.XDOT, &buf); err != nil {
		return nil, err
	}
	out := make([]app.Position, 0, len(ids))
	for _, id := range ids {
		var x, y float64
		if _, err := fmt.Sscanf(nodes[id].GetStr("pos"), "%g,%g", &x, &y); err != nil {
			return nil, fmt.Errorf("sfdp gave %s no position: %v", id, err)
		}
		s := sizes[kind[id]]
		// Graphviz's y grows upwards; the board's downwards.
		out = append(out, app.Position{Item: id, X: x - s.Width/2, Y: -y - s.Height/2})
	}
	return out, nil
}

var overlap string

func fail(err error) {
	fmt.Fprintln(os.Stderr, "measurelayout:", err)
	os.Exit(2)
}
