package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// MaxChanges bounds the changes one apply takes.
const MaxChanges = 100000

// kindFields are the fields of each kind in the interchange format, as an
// update may set them (id, a claim's status and history, and the board's
// times are not set by an update).
var kindFields = map[Kind][]string{
	KindSource: {"title", "publisher", "author", "url", "published", "retrieved", "text", "notes", "reliability"},
	KindParty:  {"name", "kind", "notes", "reliability"},
	KindClaim:  {"statement", "notes", "verdict"},
	KindQuote:  {"text", "speaker", "source", "said", "location", "notes", "anchor", "credibility"},
	KindBoard:  {"title", "description", "url", "reviewer", "scale"},
}

// UpdatableFields returns the fields an update of kind k may set.
func UpdatableFields(k Kind) []string { return kindFields[k] }

// ParseChanges reads a JSON array of changes in the change format
// (docs/change-format.md) and checks what can be checked without the
// board: the ops, the fields each op needs, their types, and the values of
// a create's item and of the fields an update sets, each by the rules of
// the interchange format. What needs the board (that ids exist, that before
// still holds) is the store's to check.
//
// A batch that breaks any rule gives an EINVALID *Error whose cause is a
// *ValidationError listing every problem with its path, such as
// changes[3].set.reliability.
func ParseChanges(data []byte) ([]Change, error) {
	changes, _, err := ParseChangesAll(data)
	if err != nil {
		return nil, err
	}
	return changes, nil
}

// ParseChangesAll is ParseChanges that also returns, when some changes
// have problems, every change it could read, and which ones it could not
// (bad), so that the board's own checks can be run on the rest and every
// problem listed at once.
func ParseChangesAll(data []byte) (changes []Change, bad map[int]bool, err error) {
	var ps problems
	if len(data) > MaxDocumentBytes {
		ps.add("changes", "are %d bytes, over the limit of %d bytes", len(data), MaxDocumentBytes)
		return nil, nil, invalidChanges(ps)
	}
	if !utf8.Valid(data) {
		ps.add("changes", "are not UTF-8 text")
		return nil, nil, invalidChanges(ps)
	}
	root, err := decodeJSON(data)
	if err != nil {
		ps.add("changes", "%s", err)
		return nil, nil, invalidChanges(ps)
	}
	list, ok := root.([]any)
	if !ok {
		ps.add("changes", "must be an array of changes, not %s", jsonType(root))
		return nil, nil, invalidChanges(ps)
	}
	if len(list) > MaxChanges {
		ps.add("changes", "are %d, over the limit of %d", len(list), MaxChanges)
		return nil, nil, invalidChanges(ps)
	}
	out := make([]Change, len(list))
	bad = map[int]bool{}
	for i, v := range list {
		n := len(ps)
		out[i] = parseChange(&ps, index("changes", i), v)
		if len(ps) > n {
			bad[i] = true
		}
	}
	if len(ps) > 0 {
		return out, bad, invalidChanges(ps)
	}
	return out, nil, nil
}

// invalidChanges is the EINVALID error for a batch of changes with problems.
func invalidChanges(ps []Problem) error {
	msg := "the changes have 1 problem: " + ps[0].String()
	if len(ps) > 1 {
		msg = fmt.Sprintf("the changes have %d problems; the first: %s", len(ps), ps[0])
	}
	return &Error{Code: EINVALID, Message: msg, Err: &ValidationError{Problems: ps}}
}

// ChangeProblems is the error of a batch with problems found against the
// board: ECONFLICT if every one is a stale before, else EINVALID.
func ChangeProblems(ps []Problem, conflict bool) error {
	err := invalidChanges(ps).(*Error)
	if conflict {
		err.Code = ECONFLICT
	}
	return err
}

// opFields are the fields each op has.
var opFields = map[string][]string{
	OpCreate: {"op", "kind", "item"},
	OpUpdate: {"op", "id", "kind", "set", "before"},
	OpDelete: {"op", "id", "kind", "item", "links", "position", "history", "cleared"},
	OpStatus: {"op", "id", "status", "note", "at", "before"},
	OpLink:   {"op", "from", "to", "relation", "note"},
	OpUnlink: {"op", "from", "to", "relation", "note"},
	OpMove:   {"op", "id", "x", "y", "before"},
}

func parseChange(ps *problems, p string, v any) Change {
	r := reader{probs: ps, warns: &problems{}}
	m, ok := v.(map[string]any)
	if !ok {
		ps.add(p, "must be an object, not %s", jsonType(v))
		return Change{}
	}
	c := Change{Op: r.str(p, m, "op")}
	known, ok := opFields[c.Op]
	if !ok {
		if c.Op == "" {
			ps.add(field(p, "op"), "is required: one of create, update, delete, status, link, unlink, move")
		} else {
			ps.add(field(p, "op"), "%q is not an op (use create, update, delete, status, link, unlink or move)", clip(c.Op))
		}
		return c
	}
	for k := range m {
		if !contains(known, k) {
			ps.add(field(p, fieldName(k)), "a %s change has no such field", c.Op)
		}
	}
	id := func() {
		c.ID = r.str(p, m, "id")
		if c.ID == "" && !(c.Op == OpUpdate && c.Kind == KindBoard) {
			ps.add(field(p, "id"), "is required")
		}
	}
	switch c.Op {
	case OpCreate:
		c.Kind = Kind(r.str(p, m, "kind"))
		raw, _ := json.Marshal(m["item"])
		c.Item = raw
		if _, ok := m["item"].(map[string]any); !ok {
			ps.add(field(p, "item"), "is required: the new item, as the interchange format writes it")
			break
		}
		if !c.Kind.Valid() {
			ps.add(field(p, "kind"), "%q is not a kind (use source, party, claim or quote)", clip(string(c.Kind)))
			break
		}
		itemOfChange(ps, c.Kind, field(p, "item"), m["item"])
	case OpUpdate:
		c.Kind = Kind(r.str(p, m, "kind"))
		id()
		if c.Kind != "" && c.Kind != KindBoard && !c.Kind.Valid() {
			ps.add(field(p, "kind"), "%q is not a kind (use source, party, claim, quote or board)", clip(string(c.Kind)))
		}
		c.Set = rawFields(ps, field(p, "set"), m["set"], true)
		c.Before = rawFields(ps, field(p, "before"), m["before"], false)
		if c.Kind != "" {
			checkFieldNames(ps, p, c.Kind, c.Set, c.Before)
		}
	case OpDelete:
		id()
	case OpStatus:
		id()
		c.Status = Status(r.str(p, m, "status"))
		checkStatus(ps, field(p, "status"), c.Status)
		if n, ok := m["note"]; ok && n != nil {
			s := r.str(p, m, "note")
			c.Note = &s
			checkText(ps, field(p, "note"), s, MaxNotes, false)
		}
		if t := r.time(p, m, "at", false); !t.IsZero() {
			c.At = t.UTC().Format("2006-01-02T15:04:05.999999999Z07:00")
		}
		c.Before = rawFields(ps, field(p, "before"), m["before"], false)
	case OpLink, OpUnlink:
		l := r.link(p, m)
		c.From, c.To, c.Relation = l.From, l.To, l.Relation
		if l.Note != "" {
			c.Note = &l.Note
		}
		for _, k := range []string{"from", "to"} {
			if r.str(p, m, k) == "" {
				ps.add(field(p, k), "is required")
			}
		}
		if !c.Relation.Valid() {
			ps.add(field(p, "relation"), "%q is not a relation", clip(string(c.Relation)))
		}
		checkText(ps, field(p, "note"), l.Note, MaxNotes, false)
	case OpMove:
		id()
		x, okx := r.number(p, m, "x", true)
		y, oky := r.number(p, m, "y", true)
		if okx && oky {
			checkCoordinate(ps, field(p, "x"), x)
			checkCoordinate(ps, field(p, "y"), y)
			c.X, c.Y = &x, &y
		}
		c.Before = rawFields(ps, field(p, "before"), m["before"], false)
	}
	return c
}

// rawFields returns the object at v as raw JSON values; a required one
// must have at least one field.
func rawFields(ps *problems, p string, v any, required bool) map[string]json.RawMessage {
	if v == nil {
		if required {
			ps.add(p, "is required: the fields to change and their new values")
		}
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		ps.add(p, "must be an object, not %s", jsonType(v))
		return nil
	}
	if required && len(m) == 0 {
		ps.add(p, "names no field to change")
	}
	out := make(map[string]json.RawMessage, len(m))
	for k, fv := range m {
		b, _ := json.Marshal(fv)
		out[k] = b
	}
	return out
}

// checkFieldNames reports the fields of set and before that kind k does
// not have, or that an update does not set.
func checkFieldNames(ps *problems, p string, k Kind, set, before map[string]json.RawMessage) {
	for name, fields := range map[string]map[string]json.RawMessage{"set": set, "before": before} {
		for f := range fields {
			if contains(kindFields[k], f) {
				continue
			}
			switch {
			case f == "id":
				ps.add(field(field(p, name), "id"), "an item's id cannot be changed")
			case k == KindClaim && (f == "status" || f == "history"):
				ps.add(field(field(p, name), f), "a claim's status changes through a status change (op status), so that its history is kept")
			default:
				ps.add(field(field(p, name), fieldName(f)), "a %s has no field %s that an update can set", k, fieldName(f))
			}
		}
	}
}

// CreatedItem reads the item of a create of kind k, at path p (such as
// changes[3].item), checked by the interchange format's rules. It returns
// a *Source, *Party, *Claim or *Quote, and the problems found.
func CreatedItem(k Kind, p string, raw json.RawMessage) (any, []Problem) {
	var ps problems
	v, err := decodeJSON(orNull(raw))
	if err != nil {
		ps.add(p, "%s", err)
		return nil, ps
	}
	item := itemOfChange(&ps, k, p, v)
	return item, ps
}

// itemOfChange reads an item of kind k at path p (a create's item, or an
// item with an update's fields set) and checks it by the interchange
// format's rules, adding its problems to ps. It returns a *Source,
// *Party, *Claim, *Quote or *Board.
func itemOfChange(ps *problems, k Kind, p string, v any) any {
	r := reader{probs: ps, warns: &problems{}}
	if m, ok := v.(map[string]any); ok {
		var known []string
		switch k {
		case KindSource:
			known = append([]string{"id"}, kindFields[k]...)
		case KindParty:
			known = append([]string{"id"}, kindFields[k]...)
		case KindClaim:
			known = []string{"id", "statement", "status", "notes", "history", "verdict"}
		case KindQuote:
			known = append([]string{"id"}, kindFields[k]...)
		case KindBoard:
			known = []string{"title", "description", "created", "updated", "url", "reviewer", "scale"}
		}
		for f := range m {
			if !contains(known, f) {
				ps.add(field(p, fieldName(f)), "a %s has no such field", k)
			}
		}
	}
	switch k {
	case KindSource:
		s := r.source(p, v)
		s.Published, s.Retrieved = NormalizeDateOrTime(s.Published), NormalizeDateOrTime(s.Retrieved)
		if s.ID != "" {
			checkID(ps, field(p, "id"), s.ID)
		}
		validateSource(ps, p, &s)
		return &s
	case KindParty:
		y := r.party(p, v)
		if y.ID != "" {
			checkID(ps, field(p, "id"), y.ID)
		}
		validateParty(ps, p, &y)
		return &y
	case KindClaim:
		c := r.claim(p, v)
		if c.ID != "" {
			checkID(ps, field(p, "id"), c.ID)
		}
		validateClaim(ps, p, &c, false)
		return &c
	case KindQuote:
		q := r.quote(p, v)
		q.Said = NormalizeDateOrTime(q.Said)
		if q.ID != "" {
			checkID(ps, field(p, "id"), q.ID)
		}
		validateQuote(ps, p, &q)
		return &q
	case KindBoard:
		b := r.boardAt(p, v)
		validateBoard(ps, p, &b)
		return &b
	}
	return nil
}

// UpdatedItem returns the item current (a *Source, *Party, *Claim, *Quote
// or *Board) becomes with set's fields, and the problems of set at p (such
// as changes[3].set), each by the rules of the interchange format.
func UpdatedItem(k Kind, p string, current any, set map[string]json.RawMessage) (any, []Problem) {
	var ps problems
	raw, err := json.Marshal(current)
	if err != nil {
		ps.add(p, "%s", err)
		return nil, ps
	}
	m, err := decodeJSON(raw)
	if err != nil {
		ps.add(p, "%s", err)
		return nil, ps
	}
	obj, _ := m.(map[string]any)
	checkFieldNames(&ps, p[:len(p)-len(".set")], k, set, nil)
	for f, v := range set {
		if !contains(kindFields[k], f) {
			continue // reported above
		}
		fv, err := decodeJSON(v)
		if err != nil {
			ps.add(field(p, f), "%s", err)
			continue
		}
		if fv == nil {
			delete(obj, f)
		} else {
			obj[f] = fv
		}
	}
	n := len(ps)
	item := itemOfChange(&ps, k, p, obj)
	if len(ps) > n {
		// A problem of a field set names the field; one of what the item
		// held already is the item's, whose fields are not at p.
		for i := n; i < len(ps); i++ {
			if f := strings.TrimPrefix(ps[i].Path, p+"."); f != ps[i].Path {
				if _, ok := set[strings.SplitN(strings.SplitN(f, ".", 2)[0], "[", 2)[0]]; !ok {
					ps[i].Path = p
				}
			}
		}
	}
	return item, ps
}

// SameJSON reports whether two JSON values are equal as values (numbers
// by value, objects whatever the order of their fields); null equals an
// absent or empty value.
func SameJSON(a, b json.RawMessage) bool {
	va, erra := decodeJSON(orNull(a))
	vb, errb := decodeJSON(orNull(b))
	if erra != nil || errb != nil {
		return false
	}
	return sameValue(empty(va), empty(vb))
}

func orNull(b json.RawMessage) []byte {
	if len(bytes.TrimSpace(b)) == 0 {
		return []byte("null")
	}
	return b
}

// empty turns "" and 0-length arrays into nil, as the format leaves them out.
func empty(v any) any {
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil
		}
	case []any:
		if len(x) == 0 {
			return nil
		}
	}
	return v
}

func sameValue(a, b any) bool {
	switch x := a.(type) {
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		fx, e1 := x.Float64()
		fy, e2 := y.Float64()
		return e1 == nil && e2 == nil && (fx == fy || (math.IsNaN(fx) && math.IsNaN(fy)))
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return false
		}
		for k, v := range x {
			if !sameValue(empty(v), empty(y[k])) {
				return false
			}
		}
		for k, v := range y {
			if _, ok := x[k]; !ok && empty(v) != nil {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameValue(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}
