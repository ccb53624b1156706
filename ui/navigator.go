package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

const (
	anyStatus    = "Any status"
	anyPartyKind = "Any kind"
	anyParty     = "Anyone"
)

// navigator lists the board's items by kind, narrowed by a search that
// matches the text of every kind as you type and by filters: status for
// claims, kind for parties, party for claims and quotes. Lists are
// widget.List, so long boards stay fast.
type navigator struct {
	model    *boardModel
	onChoose func(id string)
	// onFilter hears the items the search and filters leave, or nil when
	// they leave everything, after each change.
	onFilter func(match map[string]bool)
	// past is the board as of the moment the timeline rewound it to, nil
	// for now: claims are listed with the status they had then.
	past *pastBoard

	search     *widget.Entry
	status     *widget.Select
	partyKind  *widget.Select
	party      *widget.Select
	tabs       *container.AppTabs
	lists      map[app.Kind]*widget.List
	shown      map[app.Kind][]string
	partyByTag map[string]string // party filter option -> id
	summary    *widget.Label

	// The last search's matches by kind, before the filters: a query that
	// extends the last one searches only these (typing narrows).
	lastQuery   string
	lastMatches map[app.Kind][]string
}

var navTitles = map[app.Kind]string{app.KindClaim: "Claims", app.KindQuote: "Quotes", app.KindParty: "Parties", app.KindSource: "Sources"}

func newNavigator(onChoose func(id string)) *navigator {
	n := &navigator{onChoose: onChoose, lists: map[app.Kind]*widget.List{}, shown: map[app.Kind][]string{}, partyByTag: map[string]string{}}
	n.search = &widget.Entry{PlaceHolder: "Search claims, quotes, parties, sources…", ActionItem: widget.NewIcon(theme.SearchIcon())}
	n.search.OnChanged = func(string) { n.apply() }
	statuses := []string{anyStatus}
	for _, s := range app.Statuses {
		statuses = append(statuses, strings.ToUpper(string(s)))
	}
	n.status = widget.NewSelect(statuses, func(string) { n.apply() })
	kinds := []string{anyPartyKind}
	for _, k := range app.PartyKinds {
		kinds = append(kinds, string(k))
	}
	n.partyKind = widget.NewSelect(kinds, func(string) { n.apply() })
	n.party = widget.NewSelect([]string{anyParty}, func(string) { n.apply() })
	n.status.Selected, n.partyKind.Selected, n.party.Selected = anyStatus, anyPartyKind, anyParty

	var items []*container.TabItem
	for _, k := range app.Kinds {
		k := k
		l := widget.NewList(func() int { return len(n.shown[k]) }, newNavRow, func(i widget.ListItemID, o fyne.CanvasObject) {
			n.bindRow(k, n.shown[k][i], o.(*navRow))
		})
		l.OnSelected = func(i widget.ListItemID) {
			if i < len(n.shown[k]) && n.onChoose != nil {
				n.onChoose(n.shown[k][i])
			}
		}
		n.lists[k] = l
		items = append(items, container.NewTabItem(navTitles[k], l))
	}
	n.tabs = container.NewAppTabs(items...)
	n.tabs.OnSelected = func(t *container.TabItem) { t.Content.Refresh() }
	n.summary = &widget.Label{SizeName: theme.SizeNameCaptionText, Truncation: fyne.TextTruncateEllipsis}
	return n
}

func (n *navigator) content() fyne.CanvasObject {
	filters := container.NewGridWithColumns(3, n.status, n.partyKind, n.party)
	top := container.NewVBox(n.search, filters, n.summary)
	return container.NewBorder(top, nil, nil, nil, n.tabs)
}

// setModel shows a (re)loaded board, keeping the search and filters.
func (n *navigator) setModel(m *boardModel) {
	n.model = m
	n.lastMatches = nil
	opts := []string{anyParty}
	n.partyByTag = map[string]string{}
	for _, p := range m.doc.Parties {
		tag := p.Name
		if _, dup := n.partyByTag[tag]; dup {
			tag = fmt.Sprintf("%s (%s)", p.Name, p.ID)
		}
		n.partyByTag[tag] = p.ID
		opts = append(opts, tag)
	}
	n.party.Options = opts
	// An exercise's claims can be undecided, and a student looks for
	// those: the status filter offers them there, and nowhere else.
	statuses := []string{anyStatus}
	for _, s := range app.Statuses {
		statuses = append(statuses, strings.ToUpper(string(s)))
	}
	if m.doc.Exercise != nil {
		statuses = append(statuses, statusWord(""))
	} else if n.status.Selected == statusWord("") {
		n.status.Selected = anyStatus
	}
	n.status.Options = statuses
	n.status.Refresh()
	if _, ok := n.partyByTag[n.party.Selected]; !ok {
		n.party.Selected = anyParty
	}
	n.party.Refresh()
	n.apply()
}

// apply runs the search and filters over every kind.
func (n *navigator) apply() {
	if n.model == nil {
		return
	}
	m := n.model
	status := app.Status(strings.ToLower(n.status.Selected))
	undecided := n.status.Selected == statusWord("")
	party := n.partyByTag[n.party.Selected]
	var partyClaims map[string]bool
	if party != "" {
		partyClaims = m.linkedClaims(party)
	}
	query := strings.ToLower(n.search.Text)
	narrowing := n.lastMatches != nil && strings.HasPrefix(query, n.lastQuery) &&
		len(strings.Fields(query)) == len(strings.Fields(n.lastQuery)) // still typing the last word
	matches := map[app.Kind][]string{}
	for _, k := range app.Kinds {
		if narrowing {
			matches[k] = m.searchIn(n.lastMatches[k], query)
		} else {
			matches[k] = m.search(k, query)
		}
	}
	n.lastQuery, n.lastMatches = query, matches
	for _, k := range app.Kinds {
		out := make([]string, 0, len(matches[k]))
		for _, id := range matches[k] {
			switch k {
			case app.KindClaim:
				if status.Valid() && n.past.statusOf(m.claims[id]) != status {
					continue
				}
				if undecided && !m.claims[id].Undecided() {
					continue
				}
				if party != "" && !partyClaims[id] {
					continue
				}
			case app.KindQuote:
				if party != "" && m.quotes[id].Speaker != party {
					continue
				}
			case app.KindParty:
				if pk := app.PartyKind(n.partyKind.Selected); pk.Valid() && m.parties[id].Kind != pk {
					continue
				}
			}
			out = append(out, id)
		}
		n.shown[k] = out
		// The matches alone, as short as the counts without a search: with
		// the totals too ("Quotes 5/27") the four tabs overflowed the panel
		// and Sources went into Fyne's "…" menu while searching.
		title := fmt.Sprintf("%s %d", navTitles[k], len(out))
		for _, t := range n.tabs.Items {
			if t.Content == n.lists[k] {
				t.Text = title
			}
		}
		n.lists[k].UnselectAll()
	}
	// Only the list in view is redrawn now; the others when their tab is
	// chosen: drawing rows is the costly part of a keystroke.
	if cur := n.tabs.Selected(); cur != nil {
		cur.Content.Refresh()
	}
	n.tabs.Refresh()
	if n.onFilter != nil {
		var match map[string]bool
		if query != "" || status.Valid() || party != "" || app.PartyKind(n.partyKind.Selected).Valid() {
			match = map[string]bool{}
			for _, k := range app.Kinds {
				for _, id := range n.shown[k] {
					match[id] = true
				}
			}
		}
		n.onFilter(match)
	}
	c := m.doc.Claims
	by := map[app.Status]int{}
	for i := range c {
		if n.past == nil || !n.past.absent[c[i].ID] {
			by[n.past.statusOf(&c[i])]++
		}
	}
	n.summary.SetText(fmt.Sprintf("%d alleged · %d denied · %d unconfirmed · %d links", by[app.StatusAlleged], by[app.StatusDenied], by[app.StatusUnconfirmed], len(m.doc.Links)))
	if u := by[""]; u > 0 {
		n.summary.SetText(fmt.Sprintf("%d undecided · ", u) + n.summary.Text)
	}
}

// showItem switches to the item's tab and scrolls its row into view.
func (n *navigator) showItem(id string) {
	k := n.model.kind[id]
	for i, v := range n.shown[k] {
		if v == id {
			for _, t := range n.tabs.Items {
				if t.Content == n.lists[k] {
					n.tabs.Select(t)
				}
			}
			n.lists[k].ScrollTo(i)
			return
		}
	}
}

func (n *navigator) bindRow(k app.Kind, id string, row *navRow) {
	m := n.model
	switch k {
	case app.KindClaim:
		c := m.claims[id]
		badge, col := n.past.badge(c)
		verdict := ""
		if v := n.past.claim(c).Verdict; v != nil { // as it stood, on a rewound board
			verdict = "Verdict: " + v.Label
		}
		row.set(badge, col, c.Statement, verdict)
	case app.KindQuote:
		q := m.quotes[id]
		who := m.name(q.Speaker)
		if who == "" {
			who = "Unknown speaker"
		}
		if q.Credibility > 0 {
			who += " · credibility " + strconv.Itoa(q.Credibility)
		}
		row.set("", nil, "“"+q.Text+"”", who)
	case app.KindParty:
		p := m.parties[id]
		sub := string(p.Kind)
		if p.Reliability != "" {
			sub += " · reliability " + string(p.Reliability)
		}
		row.set("", nil, p.Name, sub)
	case app.KindSource:
		s := m.sources[id]
		sub := strings.TrimPrefix(s.Publisher+" · "+s.Published, " · ")
		if s.Reliability != "" {
			sub = strings.TrimPrefix(sub+" · reliability "+string(s.Reliability), " · ")
		}
		row.set("", nil, s.Title, sub)
	}
}
