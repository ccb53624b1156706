package ui

import (
	"context"
	"encoding/json"
	"sort"

	"evidenceboard/app"
)

// The fake's change log: each step tells, item by item, the fields that
// differ between the boards before and after it.

func (f *memFile) Log(_ context.Context, filter app.LogFilter) ([]app.Step, error) {
	var out []app.Step
	for i, l := range f.log {
		st := app.Step{Seq: int64(i + 1), Label: l.label, Author: "test", At: l.at, Undone: l.undone, Changes: memChanges(l.before, l.after)}
		if filter.Item != "" {
			keep := false
			for _, c := range st.Changes {
				for _, id := range c.Items() {
					keep = keep || id == filter.Item
				}
			}
			if !keep {
				continue
			}
		}
		out = append(out, st)
	}
	if filter.Limit > 0 && len(out) > filter.Limit {
		out = out[len(out)-filter.Limit:]
	}
	return out, nil
}

// Apply applies the changes through the fake's own edits, as one step.
func (f *memFile) Apply(ctx context.Context, label string, changes []app.Change) (app.Step, error) {
	doc, undo, log := f.doc, len(f.undo), len(f.log)
	fail := func(err error) (app.Step, error) {
		f.doc, f.undo, f.log = doc, f.undo[:undo], f.log[:log]
		return app.Step{}, err
	}
	for _, c := range changes {
		var err error
		switch c.Op {
		case app.OpCreate:
			item, ps := app.CreatedItem(c.Kind, "item", c.Item)
			if len(ps) > 0 {
				return fail(app.ChangeProblems(ps, false))
			}
			switch it := item.(type) {
			case *app.Source:
				err = f.CreateSource(ctx, it, nil)
			case *app.Party:
				err = f.CreateParty(ctx, it, nil)
			case *app.Claim:
				err = f.CreateClaim(ctx, it, nil)
			case *app.Quote:
				err = f.CreateQuote(ctx, it, nil)
			}
		case app.OpStatus:
			ch := app.StatusChange{Status: c.Status}
			if c.Note != nil {
				ch.Note = *c.Note
			}
			_, err = f.SetClaimStatus(ctx, c.ID, ch)
		case app.OpLink:
			err = f.CreateLink(ctx, &app.Link{From: c.From, To: c.To, Relation: c.Relation})
		case app.OpUnlink:
			err = f.DeleteLink(ctx, c.From, c.To, c.Relation)
		case app.OpMove:
			err = f.MoveCard(ctx, c.ID, *c.X, *c.Y)
		case app.OpDelete:
			var k app.Kind
			if k, err = kindOf(f.doc, c.ID); err == nil {
				switch k {
				case app.KindSource:
					err = f.DeleteSource(ctx, c.ID)
				case app.KindParty:
					err = f.DeleteParty(ctx, c.ID)
				case app.KindClaim:
					err = f.DeleteClaim(ctx, c.ID)
				case app.KindQuote:
					err = f.DeleteQuote(ctx, c.ID)
				}
			}
		default:
			err = app.Errorf(app.EINVALID, "the fake store does not apply %s", c.Op)
		}
		if err != nil {
			return fail(err)
		}
	}
	if len(f.undo) == undo {
		return app.Step{Label: label}, nil
	}
	first := f.undo[undo]
	f.undo = append(f.undo[:undo], memStep{label, first.doc, log})
	f.log = append(f.log[:log], memLogged{label: label, at: f.log[log].at, before: first.doc, after: f.doc})
	steps, _ := f.Log(ctx, app.LogFilter{})
	return steps[len(steps)-1], nil
}

// memChanges tells what differs between two boards as changes.
func memChanges(before, after *app.Document) []app.Change {
	type entry struct {
		kind   app.Kind
		fields map[string]json.RawMessage
	}
	index := func(d *app.Document) map[string]entry {
		out := map[string]entry{}
		add := func(id string, k app.Kind, v any) {
			b, _ := json.Marshal(v)
			var m map[string]json.RawMessage
			_ = json.Unmarshal(b, &m)
			out[id] = entry{k, m}
		}
		for _, v := range d.Sources {
			add(v.ID, app.KindSource, v)
		}
		for _, v := range d.Parties {
			add(v.ID, app.KindParty, v)
		}
		for _, v := range d.Claims {
			add(v.ID, app.KindClaim, v)
		}
		for _, v := range d.Quotes {
			add(v.ID, app.KindQuote, v)
		}
		return out
	}
	a, b := index(before), index(after)
	var out []app.Change
	for _, id := range sortedKeysOf(b) {
		e, was := b[id], a[id]
		if was.fields == nil {
			raw, _ := json.Marshal(e.fields)
			out = append(out, app.Change{Op: app.OpCreate, Kind: e.kind, ID: id, Item: raw})
			continue
		}
		c := app.Change{Op: app.OpUpdate, Kind: e.kind, ID: id, Set: map[string]json.RawMessage{}, Before: map[string]json.RawMessage{}}
		for k, v := range e.fields {
			if !app.SameJSON(v, was.fields[k]) {
				c.Set[k], c.Before[k] = v, was.fields[k]
			}
		}
		for k, v := range was.fields {
			if _, ok := e.fields[k]; !ok {
				c.Set[k], c.Before[k] = json.RawMessage("null"), v
			}
		}
		if len(c.Set) > 0 {
			out = append(out, c)
		}
	}
	for _, id := range sortedKeysOf(a) {
		if _, ok := b[id]; !ok {
			raw, _ := json.Marshal(a[id].fields)
			out = append(out, app.Change{Op: app.OpDelete, Kind: a[id].kind, ID: id, Item: raw})
		}
	}
	at := map[string]app.Position{}
	for _, p := range before.Layout {
		at[p.Item] = p
	}
	for _, p := range after.Layout {
		if q, ok := at[p.Item]; !ok || q != p {
			x, y := p.X, p.Y
			out = append(out, app.Change{Op: app.OpMove, ID: p.Item, X: &x, Y: &y})
		}
	}
	return out
}

func sortedKeysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
