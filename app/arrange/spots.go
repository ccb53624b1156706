package arrange

import "math"

// spot is a place a card could go, with the square of the distance of its
// centre from where the card is wanted.
type spot struct {
	b box
	d float64
}

func newSpot(b box, cx, cy float64) spot {
	dx, dy := b.cx()-cx, b.cy()-cy
	return spot{b, dx*dx + dy*dy}
}

// before reports whether s is the better of two places: the nearer, then
// the higher, then the more to the left.
func (s spot) before(o spot) bool {
	if s.d != o.d {
		return s.d < o.d
	}
	if s.b.y != o.b.y {
		return s.b.y < o.b.y
	}
	return s.b.x < o.b.x
}

// spots are the free places for a card of one size beside the boxes of a
// hash, by the square of spotCell units their centre is in, with how many
// there are in each block of blockCells × blockCells squares. A spot is
// free when the card there keeps CellGap-1 clear of every box; a hash
// drops the spots a box it adds takes (block) and adds the free spots
// beside it (beside), so the spots stay exactly the free ones.
type spots struct {
	sz     Size
	cells  map[cellKey][]box
	blocks map[cellKey]int
	// The blocks that have held a spot, to know when nearest has looked
	// everywhere.
	x0, y0, x1, y1 int
	any            bool
}

const (
	spotCell   = 1024
	blockCells = 8
	blockSize  = spotCell * blockCells
)

func newSpots(sz Size) *spots {
	return &spots{sz: sz, cells: map[cellKey][]box{}, blocks: map[cellKey]int{}}
}

// blockOf returns the block of the square (x, y).
func blockOf(x, y int) (int, int) { return floorDiv(x, blockCells), floorDiv(y, blockCells) }

func floorDiv(a, b int) int {
	if a < 0 {
		return -((-a + b - 1) / b)
	}
	return a / b
}

func (s *spots) cell(x, y float64) (int, int) {
	return int(math.Floor(x / spotCell)), int(math.Floor(y / spotCell))
}

// beside adds the free spots beside o: left and right of it, touching at
// CellGap, level with its top, middle and bottom; above and below it level
// with its left, middle and right. Free is judged against h.
func (s *spots) beside(h *hash, o box) {
	const gap = CellGap
	w, ht := s.sz.Width, s.sz.Height
	var at [12]box
	n := 0
	put := func(x, y float64) {
		at[n] = box{math.Round(x), math.Round(y), w, ht}
		n++
	}
	for _, y := range []float64{o.y, o.cy() - ht/2, o.y + o.h - ht} {
		put(o.x+o.w+gap, y)
		put(o.x-gap-w, y)
	}
	for _, x := range []float64{o.x, o.cx() - w/2, o.x + o.w - w} {
		put(x, o.y+o.h+gap)
		put(x, o.y-gap-ht)
	}
	for _, b := range at[:n] {
		if h.hits(b, gap-1) {
			continue
		}
		x, y := s.cell(b.cx(), b.cy())
		s.cells[key(x, y)] = append(s.cells[key(x, y)], b)
		bx, by := blockOf(x, y)
		s.blocks[key(bx, by)]++
		if !s.any {
			s.x0, s.y0, s.x1, s.y1, s.any = bx, by, bx, by, true
		}
		s.x0, s.y0, s.x1, s.y1 = min(s.x0, bx), min(s.y0, by), max(s.x1, bx), max(s.y1, by)
	}
}

// block drops the spots a card there would keep less than CellGap-1 from
// b.
func (s *spots) block(b box) {
	// A spot is blocked when its box grown by the gap shares area with b:
	// when its centre is within b grown by half the card and the gap.
	const g = CellGap - 1
	rx, ry := s.sz.Width/2+g, s.sz.Height/2+g
	x0, y0 := s.cell(b.x-rx, b.y-ry)
	x1, y1 := s.cell(b.x+b.w+rx, b.y+b.h+ry)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			k := key(x, y)
			had := s.cells[k]
			if len(had) == 0 {
				continue
			}
			kept := had[:0]
			for _, c := range had {
				if !overlap(box{c.x - g, c.y - g, c.w + 2*g, c.h + 2*g}, b) {
					kept = append(kept, c)
				}
			}
			if len(kept) == len(had) {
				continue
			}
			bk := key(blockOf(x, y))
			if s.blocks[bk] -= len(had) - len(kept); s.blocks[bk] == 0 {
				delete(s.blocks, bk)
			}
			if len(kept) == 0 {
				delete(s.cells, k)
			} else {
				s.cells[k] = kept
			}
		}
	}
}

// nearest puts in best the free spot nearest (cx, cy) if it comes before
// best, looking in rings of blocks outward, and in a block only at the
// squares that could hold a nearer spot, until no block farther can hold
// one. Blocks with no spot are passed over at the cost of a look-up, so
// the cost follows the spots near the answer, not the area crossed.
func (s *spots) nearest(cx, cy float64, best *spot) {
	if !s.any {
		return
	}
	fx, fy := s.cell(cx, cy)
	tx, ty := blockOf(fx, fy)
	// within reports whether a square of side, corner (x, y) in units,
	// may hold a spot before best.
	within := func(x, y, side float64) bool {
		dx := max(x-cx, 0, cx-(x+side))
		dy := max(y-cy, 0, cy-(y+side))
		return dx*dx+dy*dy <= best.d
	}
	for r := 0; ; r++ {
		// Every point of a block r rings out is at least r-1 blocks away.
		if lo := float64(r-1) * blockSize; r > 0 && lo*lo > best.d {
			return
		}
		if tx-r < s.x0 && tx+r > s.x1 && ty-r < s.y0 && ty+r > s.y1 {
			return // looked everywhere
		}
		for bx := tx - r; bx <= tx+r; bx++ {
			step := 1
			if bx != tx-r && bx != tx+r {
				step = max(2*r, 1) // only the top and bottom of the ring
			}
			for by := ty - r; by <= ty+r; by += step {
				if s.blocks[key(bx, by)] == 0 || !within(float64(bx)*blockSize, float64(by)*blockSize, blockSize) {
					continue
				}
				// The squares of the block that meet the square around
				// the circle of best.
				x0, y0, x1, y1 := bx*blockCells, by*blockCells, (bx+1)*blockCells-1, (by+1)*blockCells-1
				if !math.IsInf(best.d, 1) {
					r := math.Sqrt(best.d)
					lx, ly := s.cell(cx-r, cy-r)
					hx, hy := s.cell(cx+r, cy+r)
					x0, y0, x1, y1 = max(x0, lx), max(y0, ly), min(x1, hx), min(y1, hy)
				}
				for x := x0; x <= x1; x++ {
					for y := y0; y <= y1; y++ {
						if !within(float64(x)*spotCell, float64(y)*spotCell, spotCell) {
							continue
						}
						for _, b := range s.cells[key(x, y)] {
							if c := newSpot(b, cx, cy); c.before(*best) {
								*best = c
							}
						}
					}
				}
			}
		}
	}
}
