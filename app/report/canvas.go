package report

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"

	"evidenceboard/app"
)

// Card sizes on the canvas, in board units, by kind.
var canvasSizes = map[app.Kind][2]int{
	app.KindClaim:  {280, 130},
	app.KindQuote:  {280, 150},
	app.KindParty:  {200, 64},
	app.KindSource: {260, 90},
}

// Canvas colours. JSON Canvas has six preset colours: "1" red, "2" orange,
// "3" yellow, "4" green, "5" cyan, "6" purple. Claims take the colour of
// their status, as in the other reports: alleged orange, denied red,
// unconfirmed purple (an unknown status has no colour). Quotes are cyan,
// parties green and sources yellow. Edges from quotes to claims are green
// for supports, red for denies and orange for contradicts; other edges have
// no colour.
var (
	canvasStatusColors = map[app.Status]string{
		app.StatusAlleged:     "2",
		app.StatusDenied:      "1",
		app.StatusUnconfirmed: "6",
	}
	canvasKindColors = map[app.Kind]string{
		app.KindQuote:  "5",
		app.KindParty:  "4",
		app.KindSource: "3",
	}
	canvasRelationColors = map[app.Relation]string{
		app.RelSupports:    "4",
		app.RelDenies:      "1",
		app.RelContradicts: "2",
	}
)

// Placing the cards that have no position: a grid of canvasColumns columns
// below the placed cards, in the order claims, quotes, parties, sources.
const (
	canvasColumns = 6
	canvasCellW   = 320
	canvasCellH   = 190
	canvasGap     = 120
)

// WriteCanvas writes the board as a JSON Canvas 1.0 file (jsoncanvas.org):
// a text node per item at its position on the board, with the card's size,
// and an edge per link, labelled with the relation. Node ids are the item
// ids; edge ids are "link-N", N counting the links from 1 (with a suffix
// should an item have that id). Node text is Markdown, escaped as in the
// Markdown report: a claim is its status in bold and its statement, a quote
// its words as a block quote and its speaker, a party its name and kind, a
// source its title, publisher and date, and its address as a link if it is
// a web or mail address.
func WriteCanvas(w io.Writer, doc *app.Document, opts Options) error {
	v := buildView(doc, opts)
	type item struct {
		kind app.Kind
		id   string
		text string
		col  string
	}
	var items []item
	for _, c := range v.Claims {
		text := "**" + mdLine(c.Word) + "**\n\n" + mdText(c.Statement, "")
		items = append(items, item{app.KindClaim, c.ID, text, canvasStatusColors[c.Status]})
	}
	for _, q := range v.Quotes {
		text := "> " + mdText(q.Text, "> ") + "\n\n— " + mdLine(nameOr(q.Speaker))
		items = append(items, item{app.KindQuote, q.ID, text, canvasKindColors[app.KindQuote]})
	}
	for _, p := range v.Parties {
		text := "**" + mdLine(strings.TrimSpace(p.Name)) + "**"
		if p.Kind != "" {
			text += "\n\n" + mdLine(p.Kind)
		}
		items = append(items, item{app.KindParty, p.ID, text, canvasKindColors[app.KindParty]})
	}
	for _, s := range v.Sources {
		text := "**" + mdLine(strings.TrimSpace(s.Title)) + "**"
		var meta []string
		if b := s.Byline(); b != "" {
			meta = append(meta, mdLine(b))
		}
		if s.PublishedWhen != "" {
			meta = append(meta, mdWhen(s.Published, s.PublishedWhen))
		}
		if len(meta) > 0 {
			text += "\n\n" + strings.Join(meta, " · ")
		}
		if u := safeURL(s.URL); u != "" {
			text += "\n\n[" + mdLine(u) + "](" + mdDest(u) + ")"
		}
		items = append(items, item{app.KindSource, s.ID, text, canvasKindColors[app.KindSource]})
	}

	// Positions: the first layout entry of each item.
	pos := make(map[string]app.Position, len(doc.Layout))
	for _, p := range doc.Layout {
		if _, dup := pos[p.Item]; !dup {
			pos[p.Item] = p
		}
	}

	c := canvasFile{Nodes: make([]canvasNode, 0, len(items)), Edges: []canvasEdge{}}
	used := make(map[string]bool, len(items)+len(doc.Links))
	byID := make(map[string]int, len(items)) // item id -> node index
	var unplaced []int
	minX, maxY, placed := 0, 0, false
	for _, it := range items {
		size := canvasSizes[it.kind]
		id := uniqueID(it.id, used)
		n := canvasNode{ID: id, Type: "text", Width: size[0], Height: size[1], Color: it.col, Text: it.text}
		if _, dup := byID[it.id]; !dup {
			byID[it.id] = len(c.Nodes)
		}
		if p, ok := pos[it.id]; ok && finite(p.X) && finite(p.Y) {
			n.X, n.Y = clampInt(p.X), clampInt(p.Y)
			if !placed || n.X < minX {
				minX = n.X
			}
			if !placed || n.Y+n.Height > maxY {
				maxY = n.Y + n.Height
			}
			placed = true
		} else {
			unplaced = append(unplaced, len(c.Nodes))
		}
		c.Nodes = append(c.Nodes, n)
	}
	top := 0
	if placed {
		top = maxY + canvasGap
	}
	for i, ni := range unplaced {
		c.Nodes[ni].X = minX + (i%canvasColumns)*canvasCellW
		c.Nodes[ni].Y = top + (i/canvasColumns)*canvasCellH
	}

	for i, l := range doc.Links {
		fi, okF := byID[l.From]
		ti, okT := byID[l.To]
		if !okF || !okT {
			continue
		}
		from, to := c.Nodes[fi], c.Nodes[ti]
		fromSide, toSide := canvasSides(from, to)
		c.Edges = append(c.Edges, canvasEdge{
			ID:       uniqueID("link-"+strconv.Itoa(i+1), used),
			FromNode: from.ID, FromSide: fromSide,
			ToNode: to.ID, ToSide: toSide, ToEnd: "arrow",
			Color: canvasRelationColors[l.Relation],
			Label: clean(string(l.Relation)),
		})
	}

	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "\t")
	if err := enc.Encode(c); err != nil {
		return err
	}
	return bw.Flush()
}

type canvasFile struct {
	Nodes []canvasNode `json:"nodes"`
	Edges []canvasEdge `json:"edges"`
}

type canvasNode struct {
	ID     string `json:"id"`
	Type   string `json:"type"`
	X      int    `json:"x"`
	Y      int    `json:"y"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Color  string `json:"color,omitempty"`
	Text   string `json:"text"`
}

type canvasEdge struct {
	ID       string `json:"id"`
	FromNode string `json:"fromNode"`
	FromSide string `json:"fromSide,omitempty"`
	ToNode   string `json:"toNode"`
	ToSide   string `json:"toSide,omitempty"`
	ToEnd    string `json:"toEnd"`
	Color    string `json:"color,omitempty"`
	Label    string `json:"label,omitempty"`
}

// uniqueID returns id, or id with the first free suffix "-2", "-3", ...
// if it is taken (or empty), and marks it taken.
func uniqueID(id string, used map[string]bool) string {
	if id == "" {
		id = "item"
	}
	out := id
	for n := 2; used[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	used[out] = true
	return out
}

// canvasSides picks the sides an edge leaves and enters by: the facing
// sides along the axis on which the cards are further apart.
func canvasSides(from, to canvasNode) (string, string) {
	dx := float64(to.X) + float64(to.Width)/2 - float64(from.X) - float64(from.Width)/2
	dy := float64(to.Y) + float64(to.Height)/2 - float64(from.Y) - float64(from.Height)/2
	switch {
	case dx == 0 && dy == 0:
		return "", ""
	case math.Abs(dx) >= math.Abs(dy) && dx > 0:
		return "right", "left"
	case math.Abs(dx) >= math.Abs(dy):
		return "left", "right"
	case dy > 0:
		return "bottom", "top"
	default:
		return "top", "bottom"
	}
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// clampInt rounds a coordinate to an integer, within ±app.MaxCoordinate.
func clampInt(f float64) int {
	f = math.Round(f)
	if f > app.MaxCoordinate {
		return app.MaxCoordinate
	}
	if f < -app.MaxCoordinate {
		return -app.MaxCoordinate
	}
	return int(f)
}
