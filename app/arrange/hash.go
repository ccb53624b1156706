package arrange

import "math"

// hash finds boxes by the squares of hashCell units they cover, and keeps,
// for each card size asked about, the free spots beside its boxes (see
// freeNear), so that finding free space costs about the same on a crowded
// board as on a sparse one.
type hash struct {
	cells map[cellKey][]box
	boxes []box
	free  map[Size]*spots
}

// cellKey names the square (x, y) of a grid.
type cellKey uint64

func key(x, y int) cellKey { return cellKey(uint64(uint32(x))<<32 | uint64(uint32(y))) }

const hashCell = 512

func newHash() *hash {
	return &hash{cells: map[cellKey][]box{}, free: map[Size]*spots{}}
}

func (h *hash) span(b box) (int, int, int, int) {
	return int(math.Floor(b.x / hashCell)), int(math.Floor(b.y / hashCell)),
		int(math.Floor((b.x + b.w) / hashCell)), int(math.Floor((b.y + b.h) / hashCell))
}

// add puts the box b in h: the free spots it takes are dropped and the
// free spots beside it are kept.
func (h *hash) add(b box) {
	h.boxes = append(h.boxes, b)
	x0, y0, x1, y1 := h.span(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			h.cells[key(x, y)] = append(h.cells[key(x, y)], b)
		}
	}
	for _, s := range h.free {
		s.block(b)
		s.beside(h, b)
	}
}

// hits reports whether b, grown by gap on every side, shares area with a
// box of h.
func (h *hash) hits(b box, gap float64) bool {
	hit := false
	h.each(box{b.x - gap, b.y - gap, b.w + 2*gap, b.h + 2*gap}, func(box) bool {
		hit = true
		return false
	})
	return hit
}

// each calls f with every box of h that shares area with r (a box may
// come more than once) until f returns false.
func (h *hash) each(r box, f func(box) bool) {
	x0, y0, x1, y1 := h.span(r)
	if (x1-x0+1)*(y1-y0+1) > 4*len(h.boxes)+16 {
		for _, o := range h.boxes {
			if overlap(r, o) && !f(o) {
				return
			}
		}
		return
	}
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, o := range h.cells[key(x, y)] {
				if overlap(r, o) && !f(o) {
					return
				}
			}
		}
	}
}

// freeNear returns the box of size sz nearest to having its centre at
// (cx, cy) that keeps CellGap clear of every box of h: there, or beside
// one of the boxes of h, touching its side at the gap, level with its top,
// middle or bottom (left or right of it) or its left, middle or right
// (above or below it), or, for a box within the gap of (cx, cy), level with
// (cx, cy). Of boxes as near, the higher, then the more to the left, wins.
// Beyond the outermost box there is always room, so there is always an
// answer. Corners are whole units.
//
// It costs about the free spots within the distance it moves the card,
// not the boxes of h: the spots beside the boxes are kept as boxes are
// added (the first call for a size finds them for the boxes already in h).
func (h *hash) freeNear(cx, cy float64, sz Size) box {
	const gap = CellGap
	// Rounding may bring a spot a unit into the gap: keep a unit more.
	free := func(b box) bool { return !h.hits(b, gap-1) }
	at := func(x, y float64) box { return box{math.Round(x), math.Round(y), sz.Width, sz.Height} }
	want := at(cx-sz.Width/2, cy-sz.Height/2)
	if free(want) {
		return want
	}
	best := spot{d: math.Inf(1)}
	// Slid clear of what it lies on, level with where it was.
	h.each(box{want.x - gap, want.y - gap, want.w + 2*gap, want.h + 2*gap}, func(o box) bool {
		for _, b := range []box{
			at(o.x+o.w+gap, cy-sz.Height/2), at(o.x-gap-sz.Width, cy-sz.Height/2),
			at(cx-sz.Width/2, o.y+o.h+gap), at(cx-sz.Width/2, o.y-gap-sz.Height),
		} {
			if c := newSpot(b, cx, cy); c.before(best) && free(b) {
				best = c
			}
		}
		return true
	})
	s := h.free[sz]
	if s == nil {
		s = newSpots(sz)
		for _, o := range h.boxes {
			s.beside(h, o)
		}
		h.free[sz] = s
	}
	s.nearest(cx, cy, &best)
	if !math.IsInf(best.d, 1) {
		return best.b
	}
	// Not reached: right of everything is free.
	x1, y0 := math.Inf(-1), math.Inf(1)
	for _, o := range h.boxes {
		x1, y0 = max(x1, o.x+o.w), min(y0, o.y)
	}
	return box{math.Ceil(x1 + gap), math.Round(y0), sz.Width, sz.Height}
}
