package ui

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
	"evidenceboard/assets"
)

type docFunc func(context.Context) (*app.Document, error)

func (f docFunc) Export(ctx context.Context) (*app.Document, error) { return f(ctx) }

func sampleSource(t *testing.T) documentSource {
	t.Helper()
	doc, _, err := app.ParseDocument(assets.SampleJSON)
	if err != nil {
		t.Fatal(err)
	}
	return docFunc(func(context.Context) (*app.Document, error) { return doc, nil })
}

// rowText reads the tag and text a list shows at row i.
func rowText(l *widget.List, i int) (tag, text string) {
	row := newRow()
	l.UpdateItem(i, row)
	c := row.(*fyne.Container)
	return c.Objects[1].(*widget.Label).Text, c.Objects[0].(*widget.Label).Text
}

func TestOverview_ShowsSample(t *testing.T) {
	test.NewTempApp(t)
	o := newOverview(sampleSource(t))
	w := test.NewTempWindow(t, o.content())
	w.Resize(fyne.NewSize(1000, 700))
	if err := o.load(context.Background()); err != nil {
		t.Fatal(err)
	}
	if o.title.Text != "The Big Hack: claims and denials" {
		t.Fatalf("title = %q", o.title.Text)
	}
	if !strings.Contains(o.counts.Text, "12 claims: 3 alleged, 6 denied, 3 unconfirmed") {
		t.Fatalf("counts = %q", o.counts.Text)
	}
	if got := o.tabs.Items[1].Text; got != "Quotes (27)" {
		t.Fatalf("quotes tab = %q", got)
	}
	if n := o.claims.Length(); n != 12 {
		t.Fatalf("claims shown = %d", n)
	}
	o.status.SetSelected("DENIED")
	if n := o.claims.Length(); n != 6 {
		t.Fatalf("denied claims shown = %d, want 6", n)
	}
	for i := 0; i < 6; i++ {
		if tag, _ := rowText(o.claims, i); tag != "DENIED" {
			t.Fatalf("row %d tag = %q", i, tag)
		}
	}
	o.status.SetSelected(allStatuses)
	if n := o.claims.Length(); n != 12 {
		t.Fatalf("claims shown after clearing the filter = %d", n)
	}
	speaker, text := rowText(o.quotes, 0)
	if speaker == "" || speaker == "Unknown speaker" || !strings.HasPrefix(text, "“") {
		t.Fatalf("quote row = %q %q", speaker, text)
	}
}

func TestOverview_LoadError(t *testing.T) {
	test.NewTempApp(t)
	o := newOverview(docFunc(func(context.Context) (*app.Document, error) {
		return nil, app.Errorf(app.EINVALID, "the board file is damaged")
	}))
	err := o.load(context.Background())
	var ae *app.Error
	if !errors.As(err, &ae) || ae.Message != "the board file is damaged" {
		t.Fatalf("err = %v", err)
	}
	if o.claims.Length() != 0 {
		t.Fatal("rows shown for a board that did not load")
	}
}
