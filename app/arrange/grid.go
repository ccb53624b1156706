package arrange

import (
	"math"
	"sort"
)

// Weights of the local search's cost. A crossing and a string through a
// card are what Measure counts and cost most; the length of strings and
// pulls keeps each card near what it is tied to, and the side term puts
// supporting quotes left of their claim and denying ones right of it.
const (
	wCross  = 1.0
	wLength = 0.12
	wSide   = 0.6
	wSoft   = 0.08
)

// grid is cards in cells: each linked card has a cell, each cell at most
// one card, a card's centre the centre of its cell.
type grid struct {
	g *graph
	// wThrough is what a string through a card costs, a crossing costing 1.
	wThrough   float64
	cw, ch     float64
	cols, rows int
	occ        []int32 // card in each cell, or -1
	cell       []int   // cell of each card, -1 for cards not on the grid
	cx, cy     []float64
	segs       []seg
	cards      []int // the cards on the grid

	// boxes are the cards' boxes, by card.
	boxes []box
	// off places a card smaller than its cell within it: 0 to 8, left to
	// right (off%3) and top to bottom (off/3), 4 in the middle; slack is
	// how far it may go from the middle and keep CellGap/2 inside the cell.
	off            []int8
	slackX, slackY []float64
	// cellEdges lists the strings that pass through each cell, as placed
	// when last kept; edgeCells the cells of each string.
	cellEdges [][]int32
	edgeCells [][]int32

	// later are the cards with pulls and no strings, not yet on the grid.
	later []int
	// work counts what the search has looked at, string by string and
	// cell by cell; it stops at workBudget.
	work int

	// Scratch for the search.
	inC, seen     []int32
	stamp, stamp2 int32
	changed       []int
	walk          []int32
}

// snap puts the cards of vs in cells near their stress positions xy, the
// grid being about Aspect wide for its height with room to move.
func snap(g *graph, vs []int, xy [][2]float64, cw, ch, spread float64) *grid {
	n := len(vs)
	// Turn the layout so that its long axis lies along x.
	mx, my := 0.0, 0.0
	for _, v := range vs {
		mx += xy[v][0]
		my += xy[v][1]
	}
	mx, my = mx/float64(n), my/float64(n)
	sxx, syy, sxy := 0.0, 0.0, 0.0
	for _, v := range vs {
		dx, dy := xy[v][0]-mx, xy[v][1]-my
		sxx += dx * dx
		syy += dy * dy
		sxy += dx * dy
	}
	theta := 0.5 * math.Atan2(2*sxy, sxx-syy)
	cos, sin := math.Cos(theta), math.Sin(theta)
	px := make([]float64, len(xy))
	py := make([]float64, len(xy))
	x0, y0 := math.Inf(1), math.Inf(1)
	x1, y1 := math.Inf(-1), math.Inf(-1)
	for _, v := range vs {
		dx, dy := xy[v][0]-mx, xy[v][1]-my
		px[v], py[v] = dx*cos+dy*sin, -dx*sin+dy*cos
		x0, x1 = min(x0, px[v]), max(x1, px[v])
		y0, y1 = min(y0, py[v]), max(y1, py[v])
	}
	// Cells: spread per card, the grid Aspect wide, and a border of one
	// cell for the search to move into.
	cells := spread * float64(n)
	cols := max(1, int(math.Round(math.Sqrt(cells*Aspect*ch/cw))))
	rows := max(1, int(math.Ceil(cells/float64(cols))))
	gr := &grid{g: g, cw: cw, ch: ch, cols: cols + 2, rows: rows + 2}
	gr.occ = make([]int32, gr.cols*gr.rows)
	for i := range gr.occ {
		gr.occ[i] = -1
	}
	gr.cell = make([]int, len(g.ids))
	for i := range gr.cell {
		gr.cell[i] = -1
	}
	gr.cx = make([]float64, len(g.ids))
	gr.cy = make([]float64, len(g.ids))
	gr.boxes = make([]box, len(g.ids))
	gr.off = make([]int8, len(g.ids))
	gr.slackX = make([]float64, len(g.ids))
	gr.slackY = make([]float64, len(g.ids))
	for v := range g.ids {
		gr.off[v] = 4
		gr.slackX[v] = math.Floor(max(0, cw-CellGap-g.size[v].Width) / 2)
		gr.slackY[v] = math.Floor(max(0, ch-CellGap-g.size[v].Height) / 2)
	}
	// Cards with strings go on the grid first, the best-tied first: they
	// take the cells nearest their place. Those with pulls only come later
	// (see addLater), into cells the strings leave free.
	var order []int
	for _, v := range vs {
		if len(g.adj[v]) > 0 {
			order = append(order, v)
		} else {
			gr.later = append(gr.later, v)
		}
	}
	if len(order) == 0 {
		order, gr.later = append(order, vs...), nil
	}
	gr.cards = append([]int(nil), order...)
	deg := func(v int) float64 { return float64(len(g.adj[v])) + 0.5*float64(len(g.softAdj[v])) }
	sort.SliceStable(order, func(i, j int) bool { return deg(order[i]) > deg(order[j]) })
	fx := func(v float64, lo, hi float64, k int) float64 {
		if hi-lo < 1e-9 {
			return float64(k) / 2
		}
		return (v - lo) / (hi - lo) * float64(k-1)
	}
	for _, v := range order {
		tc := 1 + fx(px[v], x0, x1, cols)
		tr := 1 + fx(py[v], y0, y1, rows)
		gr.put(v, gr.nearestFree(tc, tr))
	}
	gr.segs = make([]seg, len(g.edges))
	gr.cellEdges = make([][]int32, len(gr.occ))
	gr.edgeCells = make([][]int32, len(g.edges))
	for i, e := range g.edges {
		if gr.cell[e.a] >= 0 && gr.cell[e.b] >= 0 {
			gr.segs[i] = gr.segOf(i)
			gr.index(i)
		}
	}
	gr.inC = make([]int32, len(g.edges))
	gr.seen = make([]int32, len(g.edges))
	return gr
}

// nearestFree returns the free cell whose centre is nearest (c, r) in
// board units, searching rings of cells outwards.
func (gr *grid) nearestFree(c, r float64) int {
	ic := min(gr.cols-1, max(0, int(math.Round(c))))
	ir := min(gr.rows-1, max(0, int(math.Round(r))))
	best, bestD := -1, math.Inf(1)
	for rad := 0; rad < gr.cols+gr.rows; rad++ {
		for dr := -rad; dr <= rad; dr++ {
			for dc := -rad; dc <= rad; dc++ {
				if max(abs(dr), abs(dc)) != rad {
					continue
				}
				cc, rr := ic+dc, ir+dr
				if cc < 0 || rr < 0 || cc >= gr.cols || rr >= gr.rows || gr.occ[rr*gr.cols+cc] >= 0 {
					continue
				}
				d := math.Hypot((float64(cc)-c)*gr.cw, (float64(rr)-r)*gr.ch)
				if d < bestD {
					best, bestD = rr*gr.cols+cc, d
				}
			}
		}
		// A ring further out cannot hold a nearer cell than one found
		// two rings ago.
		if best >= 0 && float64(rad-1)*min(gr.cw, gr.ch) > bestD {
			break
		}
	}
	return best
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func (gr *grid) put(v, cell int) {
	if old := gr.cell[v]; old >= 0 && gr.occ[old] == int32(v) {
		gr.occ[old] = -1
	}
	gr.cell[v] = cell
	gr.occ[cell] = int32(v)
	gr.cx[v] = float64(cell%gr.cols)*gr.cw + gr.cw/2 + float64(gr.off[v]%3-1)*gr.slackX[v]
	gr.cy[v] = float64(cell/gr.cols)*gr.ch + gr.ch/2 + float64(gr.off[v]/3-1)*gr.slackY[v]
	s := gr.g.size[v]
	gr.boxes[v] = box{gr.cx[v] - s.Width/2, gr.cy[v] - s.Height/2, s.Width, s.Height}
}

// cellsOf appends to out every cell the segment touches (its closed
// rectangle meets the segment), each once: a string can only meet a card,
// or another string, in a cell it passes through.
func (gr *grid) cellsOf(t seg, out []int32) []int32 {
	const eps = 1e-6
	x0, y0, x1, y1 := t.x0/gr.cw, t.y0/gr.ch, t.x1/gr.cw, t.y1/gr.ch
	if x0 > x1 {
		x0, y0, x1, y1 = x1, y1, x0, y0
	}
	c0 := max(0, int(math.Floor(x0-eps)))
	c1 := min(gr.cols-1, int(math.Floor(x1+eps)))
	for c := c0; c <= c1; c++ {
		lo, hi := max(x0, float64(c)), min(x1, float64(c+1))
		var ya, yb float64
		if x1-x0 < 1e-12 {
			ya, yb = y0, y1
		} else {
			ya = y0 + (y1-y0)*(lo-x0)/(x1-x0)
			yb = y0 + (y1-y0)*(hi-x0)/(x1-x0)
		}
		if ya > yb {
			ya, yb = yb, ya
		}
		r0 := max(0, int(math.Floor(ya-eps)))
		r1 := min(gr.rows-1, int(math.Floor(yb+eps)))
		for r := r0; r <= r1; r++ {
			out = append(out, int32(r*gr.cols+c))
		}
	}
	return out
}

// index records the cells string e passes through as it is now.
func (gr *grid) index(e int) {
	for _, c := range gr.edgeCells[e] {
		l := gr.cellEdges[c]
		for i, f := range l {
			if f == int32(e) {
				l[i] = l[len(l)-1]
				gr.cellEdges[c] = l[:len(l)-1]
				break
			}
		}
	}
	gr.edgeCells[e] = gr.cellsOf(gr.segs[e], gr.edgeCells[e][:0])
	for _, c := range gr.edgeCells[e] {
		gr.cellEdges[c] = append(gr.cellEdges[c], int32(e))
	}
}

func (gr *grid) segOf(e int) seg {
	ed := gr.g.edges[e]
	return newSeg(gr.cx[ed.a], gr.cy[ed.a], gr.cx[ed.b], gr.cy[ed.b])
}

func (gr *grid) boxOf(v int) box { return gr.boxes[v] }

// local is the part of the cost that moving the cards of moved can
// change: the terms of every string and pull at them, the crossings of
// those strings, and what passes through them. It stops counting once the
// cost is over limit, and then returns some cost over limit.
func (gr *grid) local(moved []int, limit float64) float64 {
	g := gr.g
	gr.stamp++
	changed := gr.changed[:0]
	for _, v := range moved {
		for _, e := range g.adj[v] {
			if gr.inC[e] != gr.stamp {
				gr.inC[e] = gr.stamp
				changed = append(changed, e)
			}
		}
	}
	gr.changed = changed
	cost := 0.0
	// The cheap terms first: lengths, sides and pulls.
	for _, e := range changed {
		gr.segs[e] = gr.segOf(e)
		ed := g.edges[e]
		dx, dy := gr.cx[ed.a]-gr.cx[ed.b], gr.cy[ed.a]-gr.cy[ed.b]
		cost += wLength * ed.mult * norm(dx/gr.cw, dy/gr.ch)
		if ed.side != 0 {
			// How far on the wrong side: 0 if a whole cell on the right one.
			off := float64(ed.side) * (gr.cx[ed.a] - gr.cx[ed.b]) / gr.cw
			if off < 1 {
				cost += wSide * (1 - off)
			}
		}
	}
	for i, v := range moved {
		for _, e := range g.softAdj[v] {
			ed := g.soft[e]
			if i > 0 && (ed.a == moved[0] || ed.b == moved[0]) {
				continue // counted at moved[0]
			}
			if gr.cell[ed.a] < 0 || gr.cell[ed.b] < 0 {
				continue // to a card on another grid
			}
			dx, dy := gr.cx[ed.a]-gr.cx[ed.b], gr.cy[ed.a]-gr.cy[ed.b]
			cost += wSoft * ed.mult * norm(dx/gr.cw, dy/gr.ch)
		}
	}
	if cost > limit {
		return cost
	}
	// Strings that do not move, through the moving cards.
	for _, v := range moved {
		b := gr.boxes[v]
		for _, f := range gr.cellEdges[gr.cell[v]] {
			if gr.inC[f] == gr.stamp {
				continue
			}
			fd := g.edges[f]
			if int(fd.a) != v && int(fd.b) != v && gr.segs[f].meetsBox(b) {
				cost += gr.wThrough * fd.mult
			}
		}
	}
	for ci, e := range changed {
		if cost > limit {
			return cost
		}
		ed := g.edges[e]
		s := gr.segs[e]
		// Crossings with strings that do not move (those in the cells this
		// one passes through), and with the moving ones after this one;
		// the cards in those cells that it passes through.
		cross := 0.0
		through := 0
		gr.stamp2++
		gr.walk = gr.cellsOf(s, gr.walk[:0])
		gr.work += len(gr.walk)
		for _, c := range gr.walk {
			gr.work += len(gr.cellEdges[c])
			for _, f := range gr.cellEdges[c] {
				if gr.inC[f] == gr.stamp || gr.seen[f] == gr.stamp2 {
					continue
				}
				gr.seen[f] = gr.stamp2
				fd := g.edges[f]
				if fd.a == ed.a || fd.a == ed.b || fd.b == ed.a || fd.b == ed.b {
					continue
				}
				if s.crosses(gr.segs[f]) {
					cross += fd.mult
				}
			}
			if o := gr.occ[c]; o >= 0 && int(o) != ed.a && int(o) != ed.b && s.meetsBox(gr.boxes[o]) {
				through++
			}
		}
		for _, f := range changed[ci+1:] {
			fd := g.edges[f]
			if fd.a == ed.a || fd.a == ed.b || fd.b == ed.a || fd.b == ed.b {
				continue
			}
			if s.crosses(gr.segs[f]) {
				cross += fd.mult
			}
		}
		cost += wCross*ed.mult*cross + gr.wThrough*ed.mult*float64(through)
	}
	return cost
}

// A move is a cell and a place in it (see grid.off): move/9 is the cell,
// move%9 the place.

// try makes move m of card v (swapping with the card in the cell, if any)
// and says by how much the cost falls; with keep false it undoes it.
// alone is the local cost of v where it is, if known (else NaN); a fall
// of less than floor may be told as any fall less than floor.
func (gr *grid) try(v, m int, keep bool, alone, floor float64) float64 {
	t, k := m/9, int8(m%9)
	from, was := gr.cell[v], gr.off[v]
	u := int(gr.occ[t])
	moved := []int{v}
	if u >= 0 && u != v {
		moved = append(moved, u)
	} else {
		u = -1
	}
	before := alone
	if len(moved) > 1 || math.IsNaN(before) {
		before = gr.local(moved, math.Inf(1))
	}
	if t == from {
		gr.off[v] = k
		gr.put(v, t)
	} else {
		gr.off[v] = k
		gr.move(v, u, from, t)
	}
	after := gr.local(moved, before-floor)
	if !keep {
		gr.off[v] = was
		if t == from {
			gr.put(v, from)
		} else {
			gr.move(v, u, t, from)
		}
		for _, e := range gr.changed {
			gr.segs[e] = gr.segOf(e)
		}
	} else {
		for _, e := range gr.changed {
			gr.index(e)
		}
	}
	return before - after
}

// move puts v from cell from into cell t, and u (the card in t, or -1)
// into from.
func (gr *grid) move(v, u, from, t int) {
	gr.occ[from] = -1
	if u >= 0 {
		gr.put(u, from)
	}
	gr.put(v, t)
}

// workBudget bounds a search's work (see grid.work): a newsroom's board
// takes about 10⁷, a few tenths of a second; a board of ten thousand
// quotes would take minutes, and stops at a few seconds.
const workBudget = 80_000_000

// Annealing: the search first takes some moves that raise the cost, the
// more the hotter it is, cooling over annealPasses passes; then it takes
// only moves that lower it, until none does.
var (
	annealPasses = 40
	annealT0     = 1.0
	annealT1     = 0.02
)

// search moves cards to better cells: for each card in turn, the best of
// its candidate moves (to a free cell or swapping with another card) near
// where it is or near where its strings pull it.
func (gr *grid) search(seed uint64, anneal bool) {
	r := &rng{s: seed}
	annealPasses := annealPasses
	if n := len(gr.cards); n > 400 {
		// A large group anneals less: the work grows with the cards.
		annealPasses = max(2, annealPasses*400/n)
	}
	if !anneal {
		annealPasses = 0
	}
	order := append([]int(nil), gr.cards...)
	// Work allowed, in tries: a newsroom's board takes about 10⁵, a try
	// a few microseconds.
	budget := 1_000_000
	var cands []int
	for pass := 0; pass < annealPasses+60 && budget > 0; pass++ {
		temp := 0.0
		if pass < annealPasses {
			temp = annealT0 * math.Pow(annealT1/annealT0, float64(pass)/float64(annealPasses))
		}
		for i := len(order) - 1; i > 0; i-- {
			j := r.intn(i + 1)
			order[i], order[j] = order[j], order[i]
		}
		gain := 0.0
		for _, v := range order {
			cands = gr.candidates(v, cands[:0])
			best, bestGain := -1, math.Inf(-1)
			alone := gr.local([]int{v}, math.Inf(1))
			for _, t := range cands {
				budget--
				if d := gr.try(v, t, false, alone, bestGain); d > bestGain {
					best, bestGain = t, d
				}
			}
			if best >= 0 && (bestGain > 1e-9 || temp > 0 && r.float() < math.Exp(bestGain/temp)) {
				gr.try(v, best, true, alone, math.Inf(-1))
				gain += bestGain
			}
			if budget <= 0 || gr.work > workBudget {
				budget = 0
				break
			}
		}
		if temp == 0 && gain < 1e-6 {
			break
		}
	}
}

// candidates lists the cells v might move to: those around it and those
// around the point its strings and pulls draw it to.
func (gr *grid) candidates(v int, out []int) []int {
	g := gr.g
	c, r := gr.cell[v]%gr.cols, gr.cell[v]/gr.cols
	add := func(c, r int) {
		if c < 0 || r < 0 || c >= gr.cols || r >= gr.rows {
			return
		}
		t := r*gr.cols + c
		if t == gr.cell[v] {
			return
		}
		m := t*9 + int(gr.off[v])
		for _, o := range out {
			if o == m {
				return
			}
		}
		out = append(out, m)
	}
	// Other places in its own cell.
	if gr.slackX[v] > 0 || gr.slackY[v] > 0 {
		for k := 0; k < 9; k++ {
			if int8(k) == gr.off[v] || gr.slackX[v] == 0 && k%3 != 1 || gr.slackY[v] == 0 && k/3 != 1 {
				continue
			}
			out = append(out, gr.cell[v]*9+k)
		}
	}
	for dr := -1; dr <= 1; dr++ {
		for dc := -1; dc <= 1; dc++ {
			add(c+dc, r+dr)
		}
	}
	sx, sy, sw := 0.0, 0.0, 0.0
	for _, e := range g.adj[v] {
		ed := g.edges[e]
		o, off := ed.b, float64(ed.side)
		if o == v {
			o, off = ed.a, -off
		}
		sx += gr.cx[o] + off*gr.cw
		sy += gr.cy[o]
		sw++
	}
	for _, e := range g.softAdj[v] {
		ed := g.soft[e]
		o := ed.b
		if o == v {
			o = ed.a
		}
		if gr.cell[o] < 0 {
			continue
		}
		sx += gr.cx[o] * ed.mult
		sy += gr.cy[o] * ed.mult
		sw += ed.mult
	}
	if sw > 0 {
		ic := int(math.Floor(sx / sw / gr.cw))
		ir := int(math.Floor(sy / sw / gr.ch))
		for dr := -1; dr <= 1; dr++ {
			for dc := -1; dc <= 1; dc++ {
				add(ic+dc, ir+dr)
			}
		}
	}
	return out
}

// addLater puts the cards with pulls only on the grid: each in the free
// cell near what pulls it where the fewest strings pass through it.
func (gr *grid) addLater() {
	g := gr.g
	for _, v := range gr.later {
		sx, sy, sw := 0.0, 0.0, 0.0
		for _, e := range g.softAdj[v] {
			ed := g.soft[e]
			if o := ed.a + ed.b - v; gr.cell[o] >= 0 {
				sx, sy, sw = sx+gr.cx[o]*ed.mult, sy+gr.cy[o]*ed.mult, sw+ed.mult
			}
		}
		c, r := float64(gr.cols)/2, float64(gr.rows)/2
		if sw > 0 {
			c, r = sx/sw/gr.cw-0.5, sy/sw/gr.ch-0.5
		}
		gr.put(v, gr.nearestFree(c, r))
		gr.cards = append(gr.cards, v)
		alone := gr.local([]int{v}, math.Inf(1))
		best, bestGain := -1, 1e-9
		ic, ir := int(math.Round(c)), int(math.Round(r))
		const reach = 3
		for rr := max(0, ir-reach); rr <= min(gr.rows-1, ir+reach); rr++ {
			for cc := max(0, ic-reach); cc <= min(gr.cols-1, ic+reach); cc++ {
				t := rr*gr.cols + cc
				if gr.occ[t] >= 0 {
					continue
				}
				if d := gr.try(v, t*9+int(gr.off[v]), false, alone, bestGain); d > bestGain {
					best, bestGain = t*9+int(gr.off[v]), d
				}
			}
		}
		if best >= 0 {
			gr.try(v, best, true, alone, math.Inf(-1))
		}
	}
	gr.later = nil
}

// figures counts the crossings and the strings through cards of the grid
// as it is.
func (gr *grid) figures() (cross, through float64) {
	g := gr.g
	for e, ed := range g.edges {
		if gr.cell[ed.a] < 0 || gr.cell[ed.b] < 0 {
			continue
		}
		s := gr.segs[e]
		gr.stamp2++
		for _, c := range gr.edgeCells[e] {
			for _, f := range gr.cellEdges[c] {
				if int(f) <= e || gr.seen[f] == gr.stamp2 {
					continue
				}
				gr.seen[f] = gr.stamp2
				fd := g.edges[f]
				if fd.a == ed.a || fd.a == ed.b || fd.b == ed.a || fd.b == ed.b {
					continue
				}
				if s.crosses(gr.segs[f]) {
					cross += ed.mult * fd.mult
				}
			}
			if o := gr.occ[c]; o >= 0 && int(o) != ed.a && int(o) != ed.b && s.meetsBox(gr.boxes[o]) {
				through += ed.mult
			}
		}
	}
	return cross, through
}

// extent is the box around the cards of vs.
func (gr *grid) extent(vs []int) (x0, y0, x1, y1 float64) {
	x0, y0 = math.Inf(1), math.Inf(1)
	x1, y1 = math.Inf(-1), math.Inf(-1)
	for _, v := range vs {
		b := gr.boxOf(v)
		x0, y0 = min(x0, b.x), min(y0, b.y)
		x1, y1 = max(x1, b.x+b.w), max(y1, b.y+b.h)
	}
	return
}

func norm(x, y float64) float64 { return math.Sqrt(x*x + y*y) }

// reference counts the crossings of the stress layout xy of vs and the
// strings through cards when it is spread just enough that no cards
// overlap: what a plain force layout of the group gets.
func reference(g *graph, vs []int, xy [][2]float64) (cross, through int) {
	s := 0.0
	for i, a := range vs {
		for _, b := range vs[i+1:] {
			dx := math.Abs(xy[a][0] - xy[b][0])
			dy := math.Abs(xy[a][1] - xy[b][1])
			need := math.Inf(1)
			if dx > 0 {
				need = (g.size[a].Width + g.size[b].Width + CellGap) / 2 / dx
			}
			if dy > 0 {
				need = min(need, (g.size[a].Height+g.size[b].Height+CellGap)/2/dy)
			}
			if !math.IsInf(need, 1) {
				s = max(s, need)
			}
		}
	}
	boxes := make([]box, len(vs))
	local := make(map[int]int, len(vs))
	for i, v := range vs {
		local[v] = i
		boxes[i] = box{xy[v][0]*s - g.size[v].Width/2, xy[v][1]*s - g.size[v].Height/2, g.size[v].Width, g.size[v].Height}
	}
	var edges [][2]int
	for _, e := range g.edges {
		a, okA := local[e.a]
		b, okB := local[e.b]
		if okA && okB {
			edges = append(edges, [2]int{a, b})
		}
	}
	f := measure(boxes, edges)
	return f.Crossings, f.ThroughCards
}
