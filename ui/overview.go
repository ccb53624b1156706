package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// documentSource is what the overview needs from a board.
type documentSource interface {
	Export(ctx context.Context) (*app.Document, error)
}

// overview shows a board's title and description, its claims by status and
// its quotes, parties and sources, each in a list. It keeps the widgets
// tests drive.
type overview struct {
	src documentSource
	doc *app.Document

	title   *widget.Label
	about   *widget.Label
	counts  *widget.Label
	status  *widget.Select
	tabs    *container.AppTabs
	claims  *widget.List
	quotes  *widget.List
	parties *widget.List
	sources *widget.List

	shownClaims []*app.Claim
	partyName   map[string]string
	sourceTitle map[string]string
}

const allStatuses = "All statuses"

func newOverview(src documentSource) *overview {
	o := &overview{src: src, doc: &app.Document{}}
	o.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord, SizeName: "headingText"}
	o.about = &widget.Label{Wrapping: fyne.TextWrapWord}
	o.counts = &widget.Label{}
	options := []string{allStatuses}
	for _, s := range app.Statuses {
		options = append(options, strings.ToUpper(string(s)))
	}
	o.status = widget.NewSelect(options, func(string) { o.filterClaims() })
	o.claims = widget.NewList(func() int { return len(o.shownClaims) }, newRow, func(i widget.ListItemID, c fyne.CanvasObject) {
		cl := o.shownClaims[i]
		setRow(c, strings.ToUpper(string(cl.Status)), cl.Statement)
	})
	o.quotes = widget.NewList(func() int { return len(o.doc.Quotes) }, newRow, func(i widget.ListItemID, c fyne.CanvasObject) {
		q := o.doc.Quotes[i]
		setRow(c, o.speakerOf(q), "“"+q.Text+"”"+o.sourceOf(q))
	})
	o.parties = widget.NewList(func() int { return len(o.doc.Parties) }, newRow, func(i widget.ListItemID, c fyne.CanvasObject) {
		p := o.doc.Parties[i]
		setRow(c, string(p.Kind), p.Name)
	})
	o.sources = widget.NewList(func() int { return len(o.doc.Sources) }, newRow, func(i widget.ListItemID, c fyne.CanvasObject) {
		s := o.doc.Sources[i]
		setRow(c, s.Publisher, s.Title)
	})
	o.tabs = container.NewAppTabs(
		container.NewTabItem("Claims", container.NewBorder(o.status, nil, nil, nil, o.claims)),
		container.NewTabItem("Quotes", o.quotes),
		container.NewTabItem("Parties", o.parties),
		container.NewTabItem("Sources", o.sources),
	)
	o.doc = &app.Document{}
	o.status.SetSelected(allStatuses)
	return o
}

// newRow makes a list row: a bold tag and the text beside it.
func newRow() fyne.CanvasObject {
	tag := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	text := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	return container.NewBorder(nil, nil, tag, nil, text)
}

func setRow(row fyne.CanvasObject, tag, text string) {
	c := row.(*fyne.Container)
	text = strings.Join(strings.Fields(text), " ")
	c.Objects[0].(*widget.Label).SetText(text)
	c.Objects[1].(*widget.Label).SetText(tag)
}

func (o *overview) content() fyne.CanvasObject {
	head := container.NewVBox(o.title, o.about, o.counts)
	return container.NewBorder(head, nil, nil, nil, o.tabs)
}

// load reads the board and shows it.
func (o *overview) load(ctx context.Context) error {
	doc, err := o.src.Export(ctx)
	if err != nil {
		return err
	}
	o.doc = doc
	o.partyName = map[string]string{}
	for _, p := range doc.Parties {
		o.partyName[p.ID] = p.Name
	}
	o.sourceTitle = map[string]string{}
	for _, s := range doc.Sources {
		o.sourceTitle[s.ID] = s.Title
	}
	o.title.SetText(doc.Board.Title)
	o.about.SetText(doc.Board.Description)
	byStatus := map[app.Status]int{}
	for _, c := range doc.Claims {
		byStatus[c.Status]++
	}
	o.counts.SetText(fmt.Sprintf("%d claims: %d alleged, %d denied, %d unconfirmed · %d quotes · %d parties · %d sources · %d links",
		len(doc.Claims), byStatus[app.StatusAlleged], byStatus[app.StatusDenied], byStatus[app.StatusUnconfirmed],
		len(doc.Quotes), len(doc.Parties), len(doc.Sources), len(doc.Links)))
	o.tabs.Items[0].Text = fmt.Sprintf("Claims (%d)", len(doc.Claims))
	o.tabs.Items[1].Text = fmt.Sprintf("Quotes (%d)", len(doc.Quotes))
	o.tabs.Items[2].Text = fmt.Sprintf("Parties (%d)", len(doc.Parties))
	o.tabs.Items[3].Text = fmt.Sprintf("Sources (%d)", len(doc.Sources))
	o.tabs.Refresh()
	o.filterClaims()
	o.quotes.Refresh()
	o.parties.Refresh()
	o.sources.Refresh()
	return nil
}

func (o *overview) filterClaims() {
	want := app.Status(strings.ToLower(o.status.Selected))
	o.shownClaims = o.shownClaims[:0]
	for i := range o.doc.Claims {
		if c := &o.doc.Claims[i]; !want.Valid() || c.Status == want {
			o.shownClaims = append(o.shownClaims, c)
		}
	}
	o.claims.Refresh()
}

func (o *overview) speakerOf(q app.Quote) string {
	if n := o.partyName[q.Speaker]; n != "" {
		return n
	}
	return "Unknown speaker"
}

func (o *overview) sourceOf(q app.Quote) string {
	if t := o.sourceTitle[q.Source]; t != "" {
		return "  (" + t + ")"
	}
	return ""
}
