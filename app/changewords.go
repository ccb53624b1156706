package app

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Words for the change log: what the edit history and the command line's
// log say of a step and its changes.

// Namer names an item for a person ("claim “Chips were found”"), or
// returns "" for an item it does not know. A nil Namer names items by id.
type Namer func(id string) string

// Or names id, or returns id if the Namer does not know it.
func (n Namer) Or(id string) string {
	if n != nil {
		if s := n(id); s != "" {
			return s
		}
	}
	return id
}

// nameOf names id for a person: by name, else, for an item a change
// created or deleted, by what the change carries, else by its id.
func nameOf(id string, c *Change, name Namer) string {
	if name != nil {
		if s := name(id); s != "" {
			return s
		}
	}
	if c != nil && c.ID == id && len(c.Item) > 0 && name != nil {
		var item map[string]any
		if json.Unmarshal(c.Item, &item) == nil {
			for _, f := range []string{"statement", "name", "title", "text"} {
				if s, ok := item[f].(string); ok && s != "" {
					return fmt.Sprintf("%s “%s”", c.Kind, ClipWords(s, 50))
				}
			}
		}
	}
	return id
}

// DescribeItems names the items the changes touch, the first max of them
// and how many more: "c-1, q-2 and 3 more", or by name with a Namer.
func DescribeItems(changes []Change, max int, name Namer) string {
	var ids []string
	seen := map[string]bool{}
	board := false
	for _, c := range changes {
		if c.Op == OpUpdate && c.Kind == KindBoard {
			board = true
		}
		for _, id := range c.Items() {
			if id != "" && !seen[id] {
				seen[id] = true
				ids = append(ids, nameOf(id, &c, name))
			}
		}
	}
	if board {
		ids = append([]string{"the board"}, ids...)
	}
	if len(ids) <= max {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:max], ", "), len(ids)-max)
}

// DescribeChange says a change in words, for a person: "status alleged →
// denied: “Apple denies it”", "title “Old” → “New”", "new claim c-1"
// (with a Namer, "new claim “Chips were found”").
func DescribeChange(c Change, name Namer) string {
	named := func(id string) string { return nameOf(id, &c, name) }
	switch c.Op {
	case OpCreate:
		if n := named(c.ID); n != c.ID {
			return "new " + n
		}
		return fmt.Sprintf("new %s %s", c.Kind, c.ID)
	case OpDelete:
		extra := ""
		if n := len(c.Links); n > 0 {
			extra = fmt.Sprintf(", with %s", CountWords(n, "link", "links"))
		}
		if n := named(c.ID); n != c.ID {
			return "deleted " + n + extra
		}
		return fmt.Sprintf("deleted %s %s%s", c.Kind, c.ID, extra)
	case OpStatus:
		s := "status "
		if b, ok := c.Before["status"]; ok {
			var was string
			if json.Unmarshal(b, &was) == nil && was != "" {
				s += was + " → "
			}
		}
		s += string(c.Status)
		if c.Note != nil && *c.Note != "" {
			s += ": “" + ClipWords(*c.Note, 80) + "”"
		}
		return s
	case OpLink:
		return fmt.Sprintf("linked %s %s %s", named(c.From), c.Relation, named(c.To))
	case OpUnlink:
		return fmt.Sprintf("unlinked %s %s %s", named(c.From), c.Relation, named(c.To))
	case OpMove:
		return fmt.Sprintf("moved the card of %s", named(c.ID))
	case OpUpdate:
		fields := make([]string, 0, len(c.Set))
		for f := range c.Set {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		parts := make([]string, len(fields))
		for i, f := range fields {
			parts[i] = fmt.Sprintf("%s %s → %s", f, valueWords(c.Before[f]), valueWords(c.Set[f]))
		}
		return strings.Join(parts, "; ")
	}
	return c.Op
}

// valueWords is a field's value as a person reads it: a text in quotes,
// clipped; "none" for an empty one.
func valueWords(raw json.RawMessage) string {
	var v any
	if len(raw) == 0 || json.Unmarshal(raw, &v) != nil || v == nil || v == "" {
		return "none"
	}
	switch x := v.(type) {
	case string:
		return "“" + ClipWords(x, 60) + "”"
	case map[string]any:
		if l, ok := x["label"].(string); ok {
			return "“" + ClipWords(l, 60) + "”"
		}
		if e, ok := x["exact"].(string); ok {
			return "“" + ClipWords(e, 60) + "”"
		}
	}
	b, _ := json.Marshal(v)
	return ClipWords(string(b), 60)
}

// CountWords counts in words: "1 link", "2 links".
func CountWords(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
