// Package arrange lays out a board's cards: the whole board at once
// (Arrange), one new card (Place), and cards stored on top of each other
// (Separate). It also measures a layout as the JSON Canvas export draws it
// (Measure): string crossings, strings through cards, overlaps, aspect.
// CardSizes is the one table of card sizes.
//
// # How Arrange works
//
// Cards joined by links (strings) form groups; each group is laid out on
// its own and the groups are packed in rows, so no string of one group
// crosses another group. Within a group: a pivot MDS layout (Brandes and
// Pich) refined by stress majorization on the graph of links, quotes'
// speakers and quotes' sources, turned so its long side is horizontal and
// snapped to a grid of cells one card and CellGap wide and tall, so that
// no two cards can overlap; then a simulated-annealing search moves cards
// between cells, swaps them, and shifts the smaller cards within their
// cells, counting what Measure counts (crossings, strings through cards)
// and, more lightly, the length of strings and pulls and the side a quote
// takes: supporting quotes left of their claim, denying and contradicting
// ones right of it, speakers and sources near their quotes. Cards tied
// only by a speaker or a source go in afterwards, into cells no string
// passes through. Four searches weigh crossings against strings through
// cards differently, on a grid of different spread, on as many cores as
// there are, and the one best against a plain force layout of the same
// group is kept. Cards with no ties at all go in a block apart. Finally a
// board narrower than MinAspect or wider than MaxAspect is spread along
// its short side, which keeps every gap and every crossing.
//
// Everything is deterministic: no map order, no clock, fixed-seed
// generators, and the choice among searches does not depend on which
// finishes first. A newsroom's board (166 cards, 182 links) takes a few
// tenths of a second (BenchmarkArrange); a search stops at a bound on its
// work, so ten thousand quotes take seconds.
//
// # Why not Graphviz
//
// Graphviz's sfdp (github.com/goccy/go-graphviz, Graphviz compiled to
// WebAssembly and run by wazero) was measured as a base and is what the
// targets are set against (.ci/measure-layout), but it does not serve as
// the app's layout: the WebAssembly runtime takes seconds to start and
// adds megabytes to the app; its overlap removal (overlap=false, Voronoi
// in that build, which has no triangulation library) scatters the cards
// over a board several times larger than they need, with strings through
// cards; it knows nothing of the side a quote takes, and its output would
// still have to be snapped, untangled and made deterministic. The grid
// search has fewer crossings and fewer strings through cards than sfdp on
// every board measured, with no overlaps and a landscape board. gonum was
// not needed: the linear algebra is a 50 × 50 power iteration.
package arrange

import (
	"math"
	"runtime"
	"sort"
	"sync"

	"evidenceboard/app"
)

// Size is a card's size in board units.
type Size struct{ Width, Height float64 }

// CardSizes are the cards' sizes by kind, in board units: the window's and
// the exports' one table.
var CardSizes = map[app.Kind]Size{
	app.KindClaim:  {Width: 280, Height: 130},
	app.KindQuote:  {Width: 280, Height: 150},
	app.KindParty:  {Width: 200, Height: 64},
	app.KindSource: {Width: 260, Height: 90},
}

// CellGap is the least space Arrange leaves between two cards' boxes.
const CellGap = 60

// Aspect is the width over the height Arrange aims the board at: a
// landscape window's less its side panels.
const Aspect = 1.5

// MinAspect and MaxAspect bound the width over the height of an arranged
// board of more than one card.
const (
	MinAspect = 0.8
	MaxAspect = 2.5
)

// graph is the board as Arrange sees it: cards by index, the strings the
// export draws (one per pair of cards, counted as many times as links join
// them), and the pulls that are not drawn (a quote's speaker and source).
type graph struct {
	ids   []string
	kinds []app.Kind
	size  []Size
	index map[string]int
	// edges are the drawn strings, one per pair; mult says how many links
	// the pair has.
	edges []edge
	// soft are undrawn pulls: a quote to its speaker and its source.
	soft []edge
	// adj and softAdj list each card's edges and pulls, by index.
	adj, softAdj [][]int
}

type edge struct {
	a, b int
	// mult is how many links join a and b; for soft edges, the pull.
	mult float64
	// side is -1 if a (a quote) should sit left of b (its claim), +1 right
	// of it, 0 anywhere.
	side int
}

func newGraph(doc *app.Document, sizes map[app.Kind]Size) *graph {
	cards := cardIDs(doc)
	g := &graph{index: make(map[string]int, len(cards))}
	for _, c := range cards {
		if _, dup := g.index[c.id]; dup {
			continue
		}
		g.index[c.id] = len(g.ids)
		g.ids = append(g.ids, c.id)
		g.kinds = append(g.kinds, c.kind)
		g.size = append(g.size, sizes[c.kind])
	}
	pair := map[[2]int]int{}
	for _, l := range doc.Links {
		a, okA := g.index[l.From]
		b, okB := g.index[l.To]
		if !okA || !okB || a == b {
			continue
		}
		side := 0
		if g.kinds[a] == app.KindQuote && g.kinds[b] == app.KindClaim {
			switch l.Relation {
			case app.RelSupports:
				side = -1
			case app.RelDenies, app.RelContradicts:
				side = 1
			}
		}
		k := [2]int{min(a, b), max(a, b)}
		if i, ok := pair[k]; ok {
			g.edges[i].mult++
			if g.edges[i].side != side {
				g.edges[i].side = 0
			}
			continue
		}
		pair[k] = len(g.edges)
		g.edges = append(g.edges, edge{a: a, b: b, mult: 1, side: side})
	}
	for _, q := range doc.Quotes {
		qi, ok := g.index[q.ID]
		if !ok || g.kinds[qi] != app.KindQuote {
			continue
		}
		if p, ok := g.index[q.Speaker]; ok && q.Speaker != "" && p != qi {
			g.soft = append(g.soft, edge{a: qi, b: p, mult: 1})
		}
		if s, ok := g.index[q.Source]; ok && q.Source != "" && s != qi {
			g.soft = append(g.soft, edge{a: qi, b: s, mult: 0.4})
		}
	}
	g.adj = make([][]int, len(g.ids))
	for i, e := range g.edges {
		g.adj[e.a] = append(g.adj[e.a], i)
		g.adj[e.b] = append(g.adj[e.b], i)
	}
	g.softAdj = make([][]int, len(g.ids))
	for i, e := range g.soft {
		g.softAdj[e.a] = append(g.softAdj[e.a], i)
		g.softAdj[e.b] = append(g.softAdj[e.b], i)
	}
	return g
}

// Arrange lays out every card of doc (claims, quotes, parties and sources;
// doc.Layout is not read) at sizes, and returns each card's top-left corner
// in whole board units, in the order claims, quotes, parties, sources. The
// same document gives the same layout. Cards do not overlap and keep at
// least CellGap apart; a board of more than one card is between MinAspect
// and MaxAspect wide for its height.
func Arrange(doc *app.Document, sizes map[app.Kind]Size) []app.Position {
	g := newGraph(doc, sizes)
	if len(g.ids) == 0 {
		return []app.Position{}
	}
	cw, ch := cellSize(g)
	cx := make([]float64, len(g.ids))
	cy := make([]float64, len(g.ids))
	comps, lone := components(g)
	var blocks []block
	for _, vs := range comps {
		sub := g.sub(vs)
		gr := layOut(sub, cw, ch)
		x0, y0, x1, y1 := gr.extent(gr.cards)
		for i, v := range vs {
			cx[v], cy[v] = gr.cx[i]-x0, gr.cy[i]-y0
		}
		blocks = append(blocks, block{cards: vs, w: x1 - x0, h: y1 - y0})
	}
	// Cards with no strings and no pulls go in a block of their own, where
	// no string passes through them, about Aspect wide.
	if len(lone) > 0 {
		cols := max(1, int(math.Round(math.Sqrt(float64(len(lone))*Aspect*ch/cw))))
		b := block{cards: lone}
		for i, v := range lone {
			x, y := float64(i%cols)*cw, float64(i/cols)*ch
			cx[v], cy[v] = x+g.size[v].Width/2, y+g.size[v].Height/2
			b.w, b.h = max(b.w, x+g.size[v].Width), max(b.h, y+g.size[v].Height)
		}
		blocks = append(blocks, b)
	}
	pack(blocks, cx, cy)
	fixAspect(g, cx, cy)
	out := make([]app.Position, len(g.ids))
	bx, by := math.Inf(1), math.Inf(1)
	for i := range g.ids {
		bx = min(bx, math.Round(cx[i]-g.size[i].Width/2))
		by = min(by, math.Round(cy[i]-g.size[i].Height/2))
	}
	for i, id := range g.ids {
		out[i] = app.Position{Item: id, X: math.Round(cx[i]-g.size[i].Width/2) - bx, Y: math.Round(cy[i]-g.size[i].Height/2) - by}
	}
	return out
}

// searches are the searches layOut runs: what a string through a card
// costs, a crossing costing 1, and how many cells the grid has per card.
var searches = []struct{ through, spread float64 }{{1, 4.5}, {1.5, 4.5}, {2.2, 4.5}, {3.2, 4.5}}

// layOut lays the cards of g (one group) out on a grid: a stress layout
// snapped to cells, then searches from there (see searches), on as many
// cores as there are. Each search trades crossings for strings through
// cards its own way; layOut keeps the one whose worse figure is the least
// against the reference, what a plain force layout of the group gets (see
// reference): its crossings halved, and its strings through cards. A group
// of more than bigGroup cards gets fewer searches, and shorter ones, and
// keeps the one with the fewest crossings and strings through cards, one
// through counting two crossings.
func layOut(g *graph, cw, ch float64) *grid {
	vs := make([]int, len(g.ids))
	for i := range vs {
		vs[i] = i
	}
	xy := stress(g, vs)
	refC, refT := -1, -1
	if len(vs) <= bigGroup {
		refC, refT = reference(g, vs, xy)
	}
	runs := []int{0, 1, 2, 3}
	switch {
	case len(vs) <= 3:
		runs = []int{1}
	case len(vs) > bigGroup:
		runs = []int{1, 2}
	}
	grids := make([]*grid, len(runs))
	score := make([]float64, len(runs))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(len(runs), runtime.GOMAXPROCS(0)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				sr := searches[runs[i]]
				gr := snap(g, vs, xy, cw, ch, sr.spread)
				gr.wThrough = sr.through
				gr.search(0xa77a+uint64(runs[i])*0x9e37, true)
				if len(gr.later) > 0 {
					gr.addLater()
					gr.search(0xb0b+uint64(runs[i]), false)
				}
				c, t := gr.figures()
				if refC < 0 {
					grids[i], score[i] = gr, c+2*t
				} else {
					grids[i], score[i] = gr, max(c/(0.5*float64(refC)+1), t/(float64(refT)+1))
				}
			}
		}()
	}
	for i := range runs {
		work <- i
	}
	close(work)
	wg.Wait()
	best := 0
	for i := range grids {
		if score[i] < score[best]-1e-9 {
			best = i
		}
	}
	return grids[best]
}

// bigGroup is the size of group over which layOut searches less.
const bigGroup = 1500

// sub is the graph of the cards vs of g, numbered in the order of vs,
// with the strings and pulls between them.
func (g *graph) sub(vs []int) *graph {
	s := &graph{}
	local := make(map[int]int, len(vs))
	for i, v := range vs {
		local[v] = i
		s.ids = append(s.ids, g.ids[v])
		s.kinds = append(s.kinds, g.kinds[v])
		s.size = append(s.size, g.size[v])
	}
	for _, v := range vs {
		for _, e := range g.adj[v] {
			if ed := g.edges[e]; ed.a == v {
				if b, ok := local[ed.b]; ok {
					s.edges = append(s.edges, edge{a: local[v], b: b, mult: ed.mult, side: ed.side})
				}
			}
		}
		for _, e := range g.softAdj[v] {
			if ed := g.soft[e]; ed.a == v {
				if b, ok := local[ed.b]; ok {
					s.soft = append(s.soft, edge{a: local[v], b: b, mult: ed.mult})
				}
			}
		}
	}
	s.adj = make([][]int, len(s.ids))
	for i, e := range s.edges {
		s.adj[e.a] = append(s.adj[e.a], i)
		s.adj[e.b] = append(s.adj[e.b], i)
	}
	s.softAdj = make([][]int, len(s.ids))
	for i, e := range s.soft {
		s.softAdj[e.a] = append(s.softAdj[e.a], i)
		s.softAdj[e.b] = append(s.softAdj[e.b], i)
	}
	return s
}

// components splits the cards into the groups that strings join, each
// with the cards that have no string but are pulled to it (a quote's
// speaker or source, a quote of no claim): such a card goes with the group
// that pulls it most, the first of them on a tie. What is left has neither
// strings nor pulls. Groups come largest first.
func components(g *graph) (comps [][]int, lone []int) {
	n := len(g.ids)
	comp := make([]int, n)
	for i := range comp {
		comp[i] = -1
	}
	count := 0
	var stack []int
	for s := 0; s < n; s++ {
		if comp[s] >= 0 || len(g.adj[s]) == 0 {
			continue
		}
		comp[s] = count
		stack = append(stack[:0], s)
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, e := range g.adj[u] {
				w := g.edges[e].a + g.edges[e].b - u
				if comp[w] < 0 {
					comp[w] = count
					stack = append(stack, w)
				}
			}
		}
		count++
	}
	// Cards with pulls only: to the group that pulls them most. Pulls
	// between such cards (a quote of no claim and its speaker of no link)
	// make groups of their own.
	pull := map[int]float64{}
	for v := 0; v < n; v++ {
		if comp[v] >= 0 || len(g.softAdj[v]) == 0 {
			continue
		}
		clear(pull)
		for _, e := range g.softAdj[v] {
			ed := g.soft[e]
			if o := ed.a + ed.b - v; comp[o] >= 0 && len(g.adj[o]) > 0 {
				pull[comp[o]] += ed.mult
			}
		}
		best, bestPull := -1, 0.0
		for c, p := range pull {
			if p > bestPull || p == bestPull && c < best {
				best, bestPull = c, p
			}
		}
		comp[v] = best // -1 if nothing with strings pulls it
	}
	for s := 0; s < n; s++ {
		if comp[s] >= 0 || len(g.softAdj[s]) == 0 {
			continue
		}
		comp[s] = count
		stack = append(stack[:0], s)
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, e := range g.softAdj[u] {
				w := g.soft[e].a + g.soft[e].b - u
				if comp[w] < 0 {
					comp[w] = count
					stack = append(stack, w)
				}
			}
		}
		count++
	}
	comps = make([][]int, count)
	for v := 0; v < n; v++ {
		if comp[v] < 0 {
			lone = append(lone, v)
		} else {
			comps[comp[v]] = append(comps[comp[v]], v)
		}
	}
	sort.SliceStable(comps, func(i, j int) bool { return len(comps[i]) > len(comps[j]) })
	return comps, lone
}

// block is a group of cards laid out on its own, its box at the origin.
type block struct {
	cards []int
	w, h  float64
}

// pack places the blocks in rows, the tallest first, the rows about as
// wide as makes the whole Aspect wide for its height, CellGap apart, and
// moves their cards' centres with them.
func pack(blocks []block, cx, cy []float64) {
	if len(blocks) == 0 {
		return
	}
	order := make([]int, len(blocks))
	area, widest := 0.0, 0.0
	for i, b := range blocks {
		order[i] = i
		area += (b.w + CellGap) * (b.h + CellGap)
		widest = max(widest, b.w)
	}
	sort.SliceStable(order, func(i, j int) bool { return blocks[order[i]].h > blocks[order[j]].h })
	rowW := max(widest, math.Sqrt(area*Aspect)-CellGap)
	x, y, rowH := 0.0, 0.0, 0.0
	for _, i := range order {
		b := blocks[i]
		if x > 0 && x+b.w > rowW {
			x, y, rowH = 0, y+rowH+CellGap, 0
		}
		for _, v := range b.cards {
			cx[v] += x
			cy[v] += y
		}
		x += b.w + CellGap
		rowH = max(rowH, b.h)
	}
}

// cellSize is the grid's cell: the largest card and the gap.
func cellSize(g *graph) (float64, float64) {
	w, h := 0.0, 0.0
	for _, s := range g.size {
		w, h = max(w, s.Width), max(h, s.Height)
	}
	return math.Ceil(w/2)*2 + CellGap, math.Ceil(h/2)*2 + CellGap
}

// fixAspect spreads the cards' centres apart along the board's short side
// until the board is within MinAspect and MaxAspect. Spreading keeps every
// gap and every crossing as it is.
func fixAspect(g *graph, cx, cy []float64) {
	if len(cx) < 2 {
		return
	}
	x0, y0 := math.Inf(1), math.Inf(1)
	x1, y1 := math.Inf(-1), math.Inf(-1)
	mx, my := 0.0, 0.0
	for i := range cx {
		s := g.size[i]
		x0, x1 = min(x0, cx[i]-s.Width/2), max(x1, cx[i]+s.Width/2)
		y0, y1 = min(y0, cy[i]-s.Height/2), max(y1, cy[i]+s.Height/2)
		mx, my = max(mx, s.Width), max(my, s.Height)
	}
	w, h := x1-x0, y1-y0
	if w/h > MaxAspect && h-my <= 0 {
		// One row: every second card, left to right, goes a row down.
		order := make([]int, len(cx))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(i, j int) bool { return cx[order[i]] < cx[order[j]] })
		for k, i := range order {
			if k%2 == 1 {
				cy[i] += my + CellGap
			}
		}
		fixAspect(g, cx, cy)
		return
	}
	switch {
	case w/h > MaxAspect:
		// Centres span h-my at most; spread them so the height is w/target.
		target := w / (MaxAspect - 0.1)
		span := h - my
		if span <= 0 {
			return // one row: nothing to spread (it is wrapped beforehand)
		}
		f := (target - my) / span
		for i := range cy {
			cy[i] = y0 + my/2 + (cy[i]-y0-my/2)*f
		}
	case w/h < MinAspect:
		target := h * (MinAspect + 0.1)
		span := w - mx
		if span <= 0 {
			return
		}
		f := (target - mx) / span
		for i := range cx {
			cx[i] = x0 + mx/2 + (cx[i]-x0-mx/2)*f
		}
	}
}

// stress lays out the cards of vs (all with some edge) by stress
// majorization on the graph of strings and pulls, from a pivot MDS layout
// (Brandes and Pich), and returns their centres by card index (only vs are
// set), in units of one hop. A group of more than bigGroup cards keeps the
// pivot MDS layout: majorization costs the square of the cards.
func stress(g *graph, vs []int) [][2]float64 {
	n := len(vs)
	local := make(map[int]int, n)
	for i, v := range vs {
		local[v] = i
	}
	nb := make([][]int, n)
	for i, v := range vs {
		for _, e := range g.adj[v] {
			if o, ok := local[g.edges[e].a+g.edges[e].b-v]; ok {
				nb[i] = append(nb[i], o)
			}
		}
		for _, e := range g.softAdj[v] {
			if o, ok := local[g.soft[e].a+g.soft[e].b-v]; ok {
				nb[i] = append(nb[i], o)
			}
		}
	}
	for i := range nb {
		sort.Ints(nb[i])
	}
	xy := pivotMDS(nb)
	out := make([][2]float64, len(g.ids))
	if n > bigGroup {
		for i, v := range vs {
			out[v] = xy[i]
		}
		return out
	}
	// Hop distances by breadth-first search; pairs in different
	// components are set a little further than the furthest pair.
	const far = -1
	d := make([][]int32, n)
	maxD := int32(1)
	for s := 0; s < n; s++ {
		d[s] = bfs(nb, s)
		for _, v := range d[s] {
			maxD = max(maxD, v)
		}
	}
	// Target distances and weights, as floats.
	dist := make([]float64, n*n)
	wt := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == j {
				continue
			}
			dij, w := float64(d[i][j]), 1.0
			if d[i][j] == far {
				dij, w = float64(maxD)+1, 0.2
			}
			dist[i*n+j], wt[i*n+j] = dij, w/(dij*dij)
		}
	}
	iters := 200
	if n > 400 {
		iters = max(20, 200*400*400/(n*n))
	}
	for it := 0; it < iters; it++ {
		moved := 0.0
		for i := 0; i < n; i++ {
			sx, sy, sw := 0.0, 0.0, 0.0
			xi, yi := xy[i][0], xy[i][1]
			di, wi := dist[i*n:(i+1)*n], wt[i*n:(i+1)*n]
			for j := 0; j < n; j++ {
				if i == j {
					continue
				}
				dx, dy := xi-xy[j][0], yi-xy[j][1]
				l := math.Sqrt(dx*dx + dy*dy)
				if l < 1e-9 {
					dx, dy, l = 1e-3*float64(i-j), 1e-3, 1e-3*math.Sqrt(float64((i-j)*(i-j))+1)
				}
				w := wi[j]
				sx += w * (xy[j][0] + di[j]*dx/l)
				sy += w * (xy[j][1] + di[j]*dy/l)
				sw += w
			}
			if sw > 0 {
				nx, ny := sx/sw, sy/sw
				moved = max(moved, math.Abs(nx-xi)+math.Abs(ny-yi))
				xy[i] = [2]float64{nx, ny}
			}
		}
		if moved < 1e-3 {
			break
		}
	}
	for i, v := range vs {
		out[v] = xy[i]
	}
	return out
}

// bfs returns the hop distance from s to every vertex of nb, -1 for those
// it cannot reach.
func bfs(nb [][]int, s int) []int32 {
	row := make([]int32, len(nb))
	for i := range row {
		row[i] = -1
	}
	row[s] = 0
	queue := []int{s}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, w := range nb[u] {
			if row[w] < 0 {
				row[w] = row[u] + 1
				queue = append(queue, w)
			}
		}
	}
	return row
}

// pivotMDS lays out the graph nb in two dimensions by classical scaling
// of the hop distances to a few pivots chosen far apart (Brandes and Pich,
// "Eigensolver methods for progressive multidimensional scaling of large
// data", 2006). A vertex it cannot reach from the first pivot goes to a
// distance one more than the furthest.
func pivotMDS(nb [][]int) [][2]float64 {
	n := len(nb)
	xy := make([][2]float64, n)
	if n < 2 {
		return xy
	}
	k := min(n, 50)
	dist := make([][]float64, k) // dist[p][i], squared
	nearest := make([]int32, n)  // hops to the nearest pivot so far
	for i := range nearest {
		nearest[i] = math.MaxInt32
	}
	pivot := 0
	for p := 0; p < k; p++ {
		row := bfs(nb, pivot)
		maxD := int32(0)
		for _, v := range row {
			maxD = max(maxD, v)
		}
		dist[p] = make([]float64, n)
		next, far := 0, int32(-1)
		for i, v := range row {
			if v < 0 {
				v = maxD + 1
			}
			dist[p][i] = float64(v) * float64(v)
			nearest[i] = min(nearest[i], v)
			if nearest[i] > far {
				next, far = i, nearest[i]
			}
		}
		pivot = next
	}
	// Double centring: c[p][i] = -(d² - mean over i - mean over p + mean) / 2.
	rowMean := make([]float64, k)
	colMean := make([]float64, n)
	all := 0.0
	for p := 0; p < k; p++ {
		for i := 0; i < n; i++ {
			rowMean[p] += dist[p][i]
			colMean[i] += dist[p][i]
		}
		all += rowMean[p]
		rowMean[p] /= float64(n)
	}
	for i := range colMean {
		colMean[i] /= float64(k)
	}
	all /= float64(n * k)
	for p := 0; p < k; p++ {
		for i := 0; i < n; i++ {
			dist[p][i] = -(dist[p][i] - rowMean[p] - colMean[i] + all) / 2
		}
	}
	// The two leading eigenvectors of CᵀC (k × k) by power iteration.
	ctc := make([]float64, k*k)
	for p := 0; p < k; p++ {
		for q := p; q < k; q++ {
			sum := 0.0
			for i := 0; i < n; i++ {
				sum += dist[p][i] * dist[q][i]
			}
			ctc[p*k+q], ctc[q*k+p] = sum, sum
		}
	}
	var vecs [2][]float64
	for e := 0; e < 2; e++ {
		v := make([]float64, k)
		for i := range v {
			v[i] = 1 + float64((i*7+e*3)%11)/11 // a fixed start
		}
		for it := 0; it < 200; it++ {
			w := make([]float64, k)
			for p := 0; p < k; p++ {
				for q := 0; q < k; q++ {
					w[p] += ctc[p*k+q] * v[q]
				}
			}
			if e == 1 { // deflate: keep it orthogonal to the first
				dot := 0.0
				for p := range w {
					dot += w[p] * vecs[0][p]
				}
				for p := range w {
					w[p] -= dot * vecs[0][p]
				}
			}
			norm := 0.0
			for _, x := range w {
				norm += x * x
			}
			norm = math.Sqrt(norm)
			if norm < 1e-12 {
				break
			}
			for p := range w {
				w[p] /= norm
			}
			v = w
		}
		vecs[e] = v
	}
	for i := 0; i < n; i++ {
		for e := 0; e < 2; e++ {
			sum := 0.0
			for p := 0; p < k; p++ {
				sum += dist[p][i] * vecs[e][p]
			}
			xy[i][e] = sum
		}
	}
	// Scale to hop units: the mean length of an edge is one.
	total, count := 0.0, 0
	for u := range nb {
		for _, w := range nb[u] {
			total += math.Hypot(xy[u][0]-xy[w][0], xy[u][1]-xy[w][1])
			count++
		}
	}
	if count > 0 && total > 0 {
		f := float64(count) / total
		for i := range xy {
			xy[i][0] *= f
			xy[i][1] *= f
		}
	}
	// Vertices on the same spot are set apart a little, the same way
	// every time.
	for i := range xy {
		xy[i][0] += 1e-3 * float64(i%7)
		xy[i][1] += 1e-3 * float64(i%5)
	}
	return xy
}
