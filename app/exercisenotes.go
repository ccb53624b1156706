package app

import (
	"strings"
	"unicode/utf8"
)

// An exercise keeps the board's description and the notes of its sources,
// parties, quotes and the links it keeps. They may give answers away ("Apple's
// denial"), so Make Exercise lists them (CarriedNotes) and can leave them
// out (ExerciseOptions.NoNotes; where links are asked, the quotes' notes
// are left out unless ExerciseOptions.KeepQuoteNotes).

// CarriedNote is a note of the key that an exercise would carry over.
type CarriedNote struct {
	Kind string // "description", "source", "party", "quote" or "link"
	// Of names what the note belongs to, in words: a source's title, a
	// party's name, a quote's first words and speaker, a link's ends.
	Of   string
	Note string
}

// CarriedNotes lists the notes of key an exercise made with opts would
// carry over as they are, in board order: the description, then the notes
// of sources, parties, quotes and kept links.
func CarriedNotes(key *Document, opts ExerciseOptions) []CarriedNote {
	if opts.NoNotes {
		return nil
	}
	var out []CarriedNote
	if strings.TrimSpace(key.Board.Description) != "" {
		out = append(out, CarriedNote{"description", "the board", key.Board.Description})
	}
	for _, s := range key.Sources {
		if strings.TrimSpace(s.Notes) != "" {
			out = append(out, CarriedNote{"source", s.Title, s.Notes})
		}
	}
	for _, p := range key.Parties {
		if strings.TrimSpace(p.Notes) != "" {
			out = append(out, CarriedNote{"party", p.Name, p.Notes})
		}
	}
	name := ItemNames(key)
	if !opts.Links || opts.KeepQuoteNotes {
		for _, q := range key.Quotes {
			if strings.TrimSpace(q.Notes) != "" {
				out = append(out, CarriedNote{"quote", name(q.ID), q.Notes})
			}
		}
	}
	kinds := itemKinds(key)
	for _, l := range key.Links {
		if strings.TrimSpace(l.Note) == "" || (opts.Links && IsAnswerLink(l, kinds)) {
			continue
		}
		out = append(out, CarriedNote{"link", name(l.From) + " " + string(l.Relation) + " " + name(l.To), l.Note})
	}
	return out
}

// leaveNotesOut takes from ex the notes opts leaves out.
func leaveNotesOut(ex *Document, opts ExerciseOptions) {
	if opts.NoNotes || (opts.Links && !opts.KeepQuoteNotes) {
		for i := range ex.Quotes {
			ex.Quotes[i].Notes = ""
		}
	}
	if !opts.NoNotes {
		return
	}
	ex.Board.Description = ""
	for i := range ex.Sources {
		ex.Sources[i].Notes = ""
	}
	for i := range ex.Parties {
		ex.Parties[i].Notes = ""
	}
	for i := range ex.Links {
		ex.Links[i].Note = ""
	}
}

// QuoteName names a quote of doc in words: its first words, in quotation
// marks, and its speaker, such as “We have never paid…” (Apple). An
// unknown id is named as it is. To name many, use ItemNames.
func QuoteName(doc *Document, id string) string { return ItemNames(doc)(id) }

// ItemName names any item of doc in words (see ItemNames).
func ItemName(doc *Document, id string) string { return ItemNames(doc)(id) }

// ItemNames returns a function naming the items of doc in words: a quote
// by its first words and its speaker, a claim by its first words, a source
// by its title, a party by its name; an unknown id as it is. It indexes
// doc once, so naming each item costs no scan of the board.
func ItemNames(doc *Document) func(id string) string {
	parties := make(map[string]string, len(doc.Parties))
	names := make(map[string]string, len(doc.Sources)+len(doc.Parties)+len(doc.Claims))
	for _, p := range doc.Parties {
		parties[p.ID] = p.Name
		names[p.ID] = p.Name
	}
	for _, s := range doc.Sources {
		names[s.ID] = s.Title
	}
	for _, c := range doc.Claims {
		names[c.ID] = "“" + firstWords(c.Statement, 8) + "”"
	}
	quotes := make(map[string]*Quote, len(doc.Quotes))
	for i := range doc.Quotes {
		quotes[doc.Quotes[i].ID] = &doc.Quotes[i]
	}
	return func(id string) string {
		if q := quotes[id]; q != nil {
			s := "“" + firstWords(q.Text, 6) + "”"
			if p, ok := parties[q.Speaker]; ok && q.Speaker != "" {
				s += " (" + p + ")"
			}
			return s
		}
		if n, ok := names[id]; ok {
			return n
		}
		return id
	}
}

// firstWords returns the first n words of s, with "…" if there are more,
// and at most 60 characters of them.
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	more := len(words) > n
	if more {
		words = words[:n]
	}
	out := strings.Join(words, " ")
	if utf8.RuneCountInString(out) > 60 {
		out = string([]rune(out)[:60])
		more = true
	}
	if more {
		out = strings.TrimRight(out, " ,.;:") + "…"
	}
	return out
}
