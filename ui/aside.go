package ui

import (
	"slices"
	"sync"

	"evidenceboard/app"
)

// Work on the whole board that takes too long for the window's goroutine
// (the weak spots and the evidence matrix of a big board) runs aside, on
// a snapshot, and its result comes back through do.

// aside runs such work for one view: a result overtaken by a later run,
// or by drop, is thrown away rather than shown.
type aside struct {
	gen     int            // runs begun or dropped; the window's goroutine only
	pending sync.WaitGroup // runs under way, for tests and benchmarks
}

// runAside runs work off the window's goroutine and hands its result to
// apply on it, unless another run or a drop has come since. Call it on
// the window's goroutine, with work reading nothing the window changes
// (see snapshot).
func runAside[T any](a *aside, work func() T, apply func(T)) {
	a.gen++
	gen := a.gen
	a.pending.Add(1)
	go func() {
		defer a.pending.Done()
		v := work()
		do(func() {
			if gen == a.gen {
				apply(v)
			}
		})
	}()
}

// drop throws away the results of the runs under way.
func (a *aside) drop() { a.gen++ }

// snapshot copies the document's arrays, for work aside: the window
// patches their elements in place, but replaces, never changes, what an
// element points to (strings, histories, anchors, verdicts). The layout
// is left out: no such work reads it.
func snapshot(d *app.Document) *app.Document {
	c := *d
	c.Sources = slices.Clone(d.Sources)
	c.Parties = slices.Clone(d.Parties)
	c.Claims = slices.Clone(d.Claims)
	c.Quotes = slices.Clone(d.Quotes)
	c.Links = slices.Clone(d.Links)
	c.Layout = nil
	return &c
}
