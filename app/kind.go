package app

import (
	"regexp"
	"sort"
)

// Kind names the four kinds of item a board holds. All kinds share one
// namespace of ids.
type Kind string

const (
	KindSource Kind = "source"
	KindParty  Kind = "party"
	KindClaim  Kind = "claim"
	KindQuote  Kind = "quote"
)

// Kinds lists every kind in the order reports and lists show them.
var Kinds = []Kind{KindClaim, KindQuote, KindParty, KindSource}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// ValidID reports whether id has the form the interchange format allows:
// 1 to 64 characters of A-Z a-z 0-9 . _ -
func ValidID(id string) bool { return idPattern.MatchString(id) }

// Status is where a claim stands.
type Status string

const (
	StatusAlleged     Status = "alleged"
	StatusDenied      Status = "denied"
	StatusUnconfirmed Status = "unconfirmed"
)

// Statuses lists every status in display order.
var Statuses = []Status{StatusAlleged, StatusDenied, StatusUnconfirmed}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	return s == StatusAlleged || s == StatusDenied || s == StatusUnconfirmed
}

// PartyKind says what sort of party a party is.
type PartyKind string

const (
	PartyPerson       PartyKind = "person"
	PartyOrganisation PartyKind = "organisation"
	PartyGovernment   PartyKind = "government"
	PartyMedia        PartyKind = "media"
	PartyAnonymous    PartyKind = "anonymous"
)

// PartyKinds lists every party kind in display order.
var PartyKinds = []PartyKind{PartyPerson, PartyOrganisation, PartyGovernment, PartyMedia, PartyAnonymous}

// Valid reports whether k is one of PartyKinds.
func (k PartyKind) Valid() bool {
	for _, v := range PartyKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Relation is the word on a link.
type Relation string

const (
	RelSupports    Relation = "supports"
	RelDenies      Relation = "denies"
	RelContradicts Relation = "contradicts"
	RelMentions    Relation = "mentions"
	RelAbout       Relation = "about"
	RelMadeBy      Relation = "made-by"
	RelPartOf      Relation = "part-of"
	RelSpeaksFor   Relation = "speaks-for"
)

// Meaning says in words what a link of the relation tells, for pickers
// and legends: "denies" and "contradicts" are easily confused.
func (r Relation) Meaning() string {
	switch r {
	case RelSupports:
		return "the quote backs the claim: if the quote is true, the claim is more likely true"
	case RelDenies:
		return "the speaker says outright that the claim is false"
	case RelContradicts:
		return "the quote states something that cannot be true along with the claim, without calling the claim false"
	case RelMentions:
		return "the quote or claim refers to it without taking a side"
	case RelAbout:
		return "the claim is about this party"
	case RelMadeBy:
		return "this party makes the claim"
	case RelPartOf:
		return "the first party belongs to the second (a unit of a company, a member of a group)"
	case RelSpeaksFor:
		return "the first party speaks on behalf of the second (a spokesperson, a lawyer)"
	}
	return ""
}

// Relations lists every relation in display order.
var Relations = []Relation{RelSupports, RelDenies, RelContradicts, RelMentions, RelAbout, RelMadeBy, RelPartOf, RelSpeaksFor}

// allowedRelations is the table of the interchange format: which relations
// may join an item of the first kind to one of the second.
var allowedRelations = map[[2]Kind][]Relation{
	{KindQuote, KindClaim}: {RelSupports, RelDenies, RelContradicts, RelMentions},
	{KindClaim, KindParty}: {RelAbout, RelMadeBy},
	{KindQuote, KindParty}: {RelMentions},
	{KindParty, KindParty}: {RelPartOf, RelSpeaksFor},
}

// RelationsFor returns the relations allowed from an item of kind from to one
// of kind to, in display order; none if the kinds cannot be linked.
func RelationsFor(from, to Kind) []Relation {
	return allowedRelations[[2]Kind{from, to}]
}

// CheckRelation returns nil if r may join an item of kind from to one of kind
// to, and otherwise an EINVALID error that says why in words.
func CheckRelation(from, to Kind, r Relation) error {
	allowed := RelationsFor(from, to)
	for _, a := range allowed {
		if a == r {
			return nil
		}
	}
	known := false
	for _, v := range Relations {
		known = known || v == r
	}
	switch {
	case !known:
		return Errorf(EINVALID, "%q is not a relation (use one of %s)", r, joinRelations(Relations))
	case len(allowed) == 0:
		return Errorf(EINVALID, "a %s cannot be linked to a %s", from, to)
	default:
		return Errorf(EINVALID, "a %s %s a %s is not allowed: a %s can only be linked to a %s by %s", from, r, to, from, to, joinRelations(allowed))
	}
}

func joinRelations(rs []Relation) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	sort.Strings(s)
	out := ""
	for i, v := range s {
		switch {
		case i == 0:
		case i == len(s)-1:
			out += " or "
		default:
			out += ", "
		}
		out += v
	}
	return out
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if v == k {
			return true
		}
	}
	return false
}

// Valid reports whether r is one of Relations.
func (r Relation) Valid() bool {
	for _, v := range Relations {
		if v == r {
			return true
		}
	}
	return false
}
