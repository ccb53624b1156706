package app_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"evidenceboard/app"
)

var t0 = time.Date(2018, 10, 4, 9, 0, 0, 0, time.UTC)

// reviewDoc is a small board of the given items, with the format, version
// and board record filled in.
func reviewDoc() *app.Document {
	return &app.Document{Format: app.FormatName, Version: app.FormatVersion,
		Board: app.Board{Title: "Review board", Created: t0, Updated: t0}}
}

func link(from string, rel app.Relation, to string) app.Link {
	return app.Link{From: from, To: to, Relation: rel}
}

// everyRuleOnce is a board on which each rule of app.FindingRules finds
// exactly one weak spot, its item named by the map.
func everyRuleOnce() (*app.Document, map[string]string) {
	d := reviewDoc()
	d.Sources = []app.Source{
		{ID: "s1", Title: "Daily", Text: "Acme said the chips were never found."},
		{ID: "s2", Title: "Weekly"},
		{ID: "s3", Title: "Notes without text"},
	}
	d.Parties = []app.Party{
		{ID: "anon1", Name: "A person familiar with the matter", Kind: app.PartyAnonymous},
		{ID: "anon2", Name: "Two officials", Kind: app.PartyAnonymous},
		{ID: "bob", Name: "Bob", Kind: app.PartyPerson},
		{ID: "carol", Name: "Carol", Kind: app.PartyPerson},
		{ID: "acme", Name: "Acme", Kind: app.PartyOrganisation},
		{ID: "acme-pr", Name: "Pat", Kind: app.PartyPerson},
		{ID: "rival", Name: "Rival", Kind: app.PartyOrganisation},
		{ID: "dana", Name: "Dana", Kind: app.PartyPerson},
	}
	d.Claims = []app.Claim{
		{ID: "c-anon", Statement: "Acme hid the chips.", Status: app.StatusAlleged},
		{ID: "c-single", Statement: "Bob saw the chips.", Status: app.StatusAlleged},
		{ID: "c-nodenial", Statement: "Carol sold the chips.", Status: app.StatusDenied},
		{ID: "c-unsupported", Statement: "Rival made the chips.", Status: app.StatusAlleged},
		{ID: "c-subject", Statement: "Acme knew of the chips.", Status: app.StatusDenied},
		{ID: "c-mixed", Statement: "The chips were real.", Status: app.StatusUnconfirmed},
		{ID: "c-change", Statement: "The chips were tested.", Status: app.StatusUnconfirmed, History: []app.StatusChange{
			{Status: app.StatusAlleged, At: t0}, // the first entry needs no note
			{Status: app.StatusUnconfirmed, At: t0.Add(time.Hour)},
		}},
	}
	q := func(id, speaker, source, said string) app.Quote {
		return app.Quote{ID: id, Text: "Words of " + id, Speaker: speaker, Source: source, Said: said}
	}
	d.Quotes = []app.Quote{
		q("q-a1", "anon1", "s1", "2018-10-04"),
		q("q-a2", "anon2", "s2", "2018-10-04"),
		q("q-b1", "bob", "s1", "2018-10-04"),
		q("q-b2", "bob", "s2", "2018-10-05"),
		q("q-pr", "acme-pr", "s1", "2018-10-04"),
		q("q-d1", "dana", "s1", "2018-10-04"),
		q("q-c1", "carol", "s2", "2018-10-04"),
		q("q-d2", "dana", "s2", "2018-10-04"),
		q("q-undated", "carol", "s1", ""),
		q("q-unsourced", "carol", "", "2018-10-04"),
		q("q-unattributed", "", "s1", "2018-10-04"),
		q("q-anchor", "carol", "s3", "2018-10-04"),
	}
	d.Quotes[len(d.Quotes)-1].Anchor = &app.Anchor{Exact: "never found", Start: 25, End: 36}
	d.Links = []app.Link{
		link("q-a1", app.RelSupports, "c-anon"),
		link("q-a2", app.RelSupports, "c-anon"),
		link("q-b1", app.RelSupports, "c-single"),
		link("q-b2", app.RelSupports, "c-single"),
		link("c-subject", app.RelAbout, "acme"),
		link("acme-pr", app.RelSpeaksFor, "acme"),
		link("q-pr", app.RelDenies, "c-subject"),
		link("q-d1", app.RelSupports, "c-mixed"),
		link("q-c1", app.RelSupports, "c-mixed"),
		link("q-d2", app.RelDenies, "c-mixed"),
	}
	return d, map[string]string{
		app.FindAnonymousOnly:       "c-anon",
		app.FindSingleSource:        "c-single",
		app.FindNoDenialOnRecord:    "c-nodenial",
		app.FindUnsupported:         "c-unsupported",
		app.FindDeniedOnlyBySubject: "c-subject",
		app.FindSelfContradiction:   "dana",
		app.FindUndatedQuote:        "q-undated",
		app.FindUnsourcedQuote:      "q-unsourced",
		app.FindUnattributedQuote:   "q-unattributed",
		app.FindLostAnchor:          "q-anchor",
		app.FindUnexplainedChange:   "c-change",
	}
}

// noRuleFires is a sound board: named, dated, sourced quotes from several
// sides, explained status changes, an anchor that still fits.
func noRuleFires() *app.Document {
	d := reviewDoc()
	text := "Acme said the chips were never found."
	a, _ := app.NewAnchor(text, 25, 36)
	d.Sources = []app.Source{{ID: "s1", Title: "Daily", Text: text}, {ID: "s2", Title: "Weekly"}}
	d.Parties = []app.Party{
		{ID: "bob", Name: "Bob", Kind: app.PartyPerson},
		{ID: "rival", Name: "Rival", Kind: app.PartyOrganisation},
		{ID: "acme", Name: "Acme", Kind: app.PartyOrganisation},
		{ID: "acme-pr", Name: "Pat", Kind: app.PartyPerson},
		{ID: "paper", Name: "The Daily", Kind: app.PartyMedia},
		{ID: "anon", Name: "A source", Kind: app.PartyAnonymous},
	}
	d.Claims = []app.Claim{
		{ID: "c1", Statement: "Acme hid the chips.", Status: app.StatusAlleged},
		{ID: "c2", Statement: "Acme knew of the chips.", Status: app.StatusDenied, History: []app.StatusChange{
			{Status: app.StatusAlleged, At: t0, Note: "The Daily's report"},
			{Status: app.StatusDenied, At: t0.Add(time.Hour), Note: "Acme's and Rival's statements"},
		}},
		{ID: "c3", Statement: "Nobody has looked.", Status: app.StatusUnconfirmed},
	}
	d.Quotes = []app.Quote{
		{ID: "q1", Text: "never found", Speaker: "acme-pr", Source: "s1", Said: "2018-10-04", Anchor: a},
		{ID: "q2", Text: "Acme knew.", Speaker: "rival", Source: "s2", Said: "2018-10-04"},
		{ID: "q3", Text: "Bob saw them hide it.", Speaker: "bob", Source: "s1", Said: "2018-10-04"},
		{ID: "q4", Text: "A source told us Acme hid them.", Speaker: "paper", Source: "s2", Said: "2018-10-04"},
		{ID: "q5", Text: "Acme did not know.", Speaker: "rival", Source: "s2", Said: "2018-10-05"},
	}
	d.Links = []app.Link{
		link("acme-pr", app.RelSpeaksFor, "acme"),
		link("c2", app.RelAbout, "acme"),
		link("q1", app.RelDenies, "c2"),
		link("q5", app.RelContradicts, "c2"),
		link("q2", app.RelMentions, "c2"),
		link("q3", app.RelSupports, "c1"),
		link("q4", app.RelSupports, "c1"), // relayed anonymous, but Bob is named
		link("q4", app.RelMentions, "anon"),
	}
	return d
}

func kindsAndItems(fs []app.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s\n", f.Kind, f.Item)
	}
	return b.String()
}

func TestReview_EveryRuleOnce(t *testing.T) {
	doc, want := everyRuleOnce()
	if ps := app.ValidateDocument(doc); len(ps) > 0 {
		t.Fatalf("the board is not valid: %v", ps)
	}
	got := app.Review(doc)
	if len(got) != len(app.FindingRules) {
		t.Fatalf("%d findings, want one per rule (%d):\n%s", len(got), len(app.FindingRules), kindsAndItems(got))
	}
	for i, rule := range app.FindingRules {
		f := got[i]
		if f.Kind != rule.Kind || f.Item != want[rule.Kind] {
			t.Errorf("finding %d is %s %s, want %s %s", i, f.Kind, f.Item, rule.Kind, want[rule.Kind])
		}
		if f.Message == "" || f.Items == nil {
			t.Errorf("%s: message %q, items %v", f.Kind, f.Message, f.Items)
		}
	}
	msgs := map[string]string{}
	items := map[string]string{}
	for _, f := range got {
		msgs[f.Kind] = f.Message
		items[f.Kind] = strings.Join(f.Items, " ")
	}
	for kind, want := range map[string]string{
		app.FindAnonymousOnly:       "“Acme hid the chips.” rests only on anonymous or unnamed sources: A person familiar with the matter and Two officials.",
		app.FindSingleSource:        "Both quotes supporting “Bob saw the chips.” come from one speaker, Bob.",
		app.FindNoDenialOnRecord:    "“Carol sold the chips.” is marked denied, but no quote on the board denies or contradicts it.",
		app.FindUnsupported:         "“Rival made the chips.” is marked alleged, but no quote on the board supports it.",
		app.FindDeniedOnlyBySubject: "Every denial of “Acme knew of the chips.” comes from the side it is about: Pat, who speaks for Acme, in 1 quote. No one else on the record denies or contradicts it.",
		app.FindSelfContradiction:   "Dana both supports and denies “The chips were real.”: supports it in “Words of q-d1”; denies it in “Words of q-d2”.",
		app.FindUndatedQuote:        "“Words of q-undated”, said by Carol, has no date: when it was said is not on the board.",
		app.FindUnsourcedQuote:      "“Words of q-unsourced”, said by Carol, has no source: where it was published or heard is not on the board.",
		app.FindUnattributedQuote:   "“Words of q-unattributed” has no speaker: no one on the board is named as having said it.",
		app.FindLostAnchor:          "“Words of q-anchor” is pinned to words of “Notes without text”, but that source has no text now to find them in.",
		app.FindUnexplainedChange:   "“The chips were tested.” changed to unconfirmed on 2018-10-04 10:00 UTC with no note saying why.",
	} {
		if msgs[kind] != want {
			t.Errorf("%s says\n\t%s\nwant\n\t%s", kind, msgs[kind], want)
		}
	}
	for kind, want := range map[string]string{
		app.FindAnonymousOnly:       "q-a1 q-a2 anon1 anon2",
		app.FindSingleSource:        "q-b1 q-b2",
		app.FindNoDenialOnRecord:    "",
		app.FindDeniedOnlyBySubject: "q-pr acme",
		app.FindSelfContradiction:   "c-mixed q-d1 q-d2",
		app.FindLostAnchor:          "s3",
	} {
		if items[kind] != want {
			t.Errorf("%s items are %q, want %q", kind, items[kind], want)
		}
	}
}

func TestReview_NoRuleFires(t *testing.T) {
	doc := noRuleFires()
	if ps := app.ValidateDocument(doc); len(ps) > 0 {
		t.Fatalf("the board is not valid: %v", ps)
	}
	if got := app.Review(doc); len(got) != 0 {
		t.Errorf("findings on a sound board:\n%s", kindsAndItems(got))
	}
	if got := app.Review(reviewDoc()); got == nil || len(got) != 0 {
		t.Errorf("an empty board: %#v, want an empty slice", got)
	}
}

// TestReview_Rules changes the sound board one way at a time and checks
// which findings come of it.
func TestReview_Rules(t *testing.T) {
	// add gives the board a quote of its own, said on the day.
	add := func(d *app.Document, id, speaker, source string) {
		d.Quotes = append(d.Quotes, app.Quote{ID: id, Text: "Words of " + id, Speaker: speaker, Source: source, Said: "2018-10-04"})
	}
	// without takes links away from the board.
	without := func(d *app.Document, ls ...app.Link) {
		var keep []app.Link
		for _, l := range d.Links {
			drop := false
			for _, x := range ls {
				drop = drop || l == x
			}
			if !drop {
				keep = append(keep, l)
			}
		}
		d.Links = keep
	}
	addParty := func(d *app.Document, id, name string) {
		d.Parties = append(d.Parties, app.Party{ID: id, Name: name, Kind: app.PartyOrganisation})
	}
	rivalContradicts := link("q5", app.RelContradicts, "c2")
	aboutAcme := link("c2", app.RelAbout, "acme")
	tests := []struct {
		name   string
		change func(d *app.Document)
		want   string // kind item lines
		inMsg  string // in one of the messages
	}{
		{"NoSpeakerIsUnnamed", func(d *app.Document) {
			add(d, "q9", "", "s1")
			d.Links = append(d.Links, link("q9", app.RelSupports, "c3"))
		}, "anonymous-only c3\nsingle-source c3\nunattributed-quote q9\n", "rests only on anonymous or unnamed sources: 1 quote with no speaker named."},
		{"UnknownSpeakerIsUnnamed", func(d *app.Document) {
			add(d, "q9", "ghost", "s1")
			d.Links = append(d.Links, link("q9", app.RelSupports, "c3"))
		}, "anonymous-only c3\nsingle-source c3\nunattributed-quote q9\n", "“Words of q9”, with no speaker named, in “Daily”"},
		{"MediaRelayingAnonymous", func(d *app.Document) {
			add(d, "q9", "paper", "s2")
			d.Links = append(d.Links, link("q9", app.RelSupports, "c3"), link("q9", app.RelMentions, "anon"))
		}, "anonymous-only c3\nsingle-source c3\n", "unnamed sources: A source, as relayed by The Daily."},
		{"MediaRelayingNamed", func(d *app.Document) {
			add(d, "q9", "paper", "s2")
			d.Links = append(d.Links, link("q9", app.RelSupports, "c3"), link("q9", app.RelMentions, "bob"))
		}, "single-source c3\n", "“Nobody has looked.” has only one supporting quote: “Words of q9”, from The Daily, in “Weekly”."},
		{"PersonMentioningAnonymous", func(d *app.Document) {
			add(d, "q9", "bob", "s1")
			d.Links = append(d.Links, link("q9", app.RelSupports, "c3"), link("q9", app.RelMentions, "anon"))
		}, "single-source c3\n", ""},
		{"OneSourceManySpeakers", func(d *app.Document) {
			d.Links = append(d.Links, link("q2", app.RelSupports, "c3"), link("q4", app.RelSupports, "c3"))
		}, "single-source c3\n", "Both quotes supporting “Nobody has looked.” come from one source, “Weekly”."},
		{"ThreeQuotesOneSpeaker", func(d *app.Document) {
			add(d, "q9", "rival", "s1")
			add(d, "q10", "rival", "s2")
			add(d, "q11", "rival", "s1")
			d.Links = append(d.Links, link("q9", app.RelSupports, "c3"), link("q10", app.RelSupports, "c3"), link("q11", app.RelSupports, "c3"))
		}, "single-source c3\n", "All 3 quotes supporting “Nobody has looked.” come from one speaker, Rival."},
		{"DeniedWithOnlyAMention", func(d *app.Document) {
			without(d, link("q1", app.RelDenies, "c2"), rivalContradicts)
		}, "no-denial-on-record c2\n", ""},
		{"AllegedWithOnlyMentionsAndDenials", func(d *app.Document) {
			without(d, link("q3", app.RelSupports, "c1"), link("q4", app.RelSupports, "c1"))
			d.Links = append(d.Links, link("q3", app.RelMentions, "c1"), link("q5", app.RelDenies, "c1"), link("q5", app.RelMentions, "c1"))
		}, "unsupported c1\n", "“Acme hid the chips.” is marked alleged, but no quote on the board supports it (2 quotes are tied to it, none in support)."},
		{"DeniedBySpokesperson", func(d *app.Document) {
			without(d, rivalContradicts)
		}, "denied-only-by-subject c2\n", "comes from the side it is about: Pat, who speaks for Acme, in 1 quote."},
		{"DeniedByParentCompany", func(d *app.Document) {
			addParty(d, "unit", "Acme Labs")
			without(d, rivalContradicts, aboutAcme)
			d.Links = append(d.Links, link("c2", app.RelAbout, "unit"), link("unit", app.RelPartOf, "acme"))
			d.Quotes[0].Speaker = "acme"
		}, "denied-only-by-subject c2\n", "Acme, to which Acme Labs belongs, in 1 quote."},
		{"DeniedByUnitOfUnit", func(d *app.Document) {
			addParty(d, "unit", "Acme Labs")
			addParty(d, "lab", "Acme Labs' lab")
			without(d, rivalContradicts)
			d.Links = append(d.Links, link("unit", app.RelPartOf, "acme"), link("lab", app.RelPartOf, "unit"))
			d.Quotes[0].Speaker = "lab"
		}, "denied-only-by-subject c2\n", "Acme Labs' lab, part of Acme, in 1 quote."},
		{"DeniedBySibling", func(d *app.Document) {
			addParty(d, "unit", "Acme Labs")
			without(d, rivalContradicts, aboutAcme)
			d.Links = append(d.Links, link("c2", app.RelAbout, "unit"), link("unit", app.RelPartOf, "acme"))
		}, "", ""},
		{"DeniedByTheSubjectAndNoOne", func(d *app.Document) {
			without(d, rivalContradicts)
			add(d, "q9", "", "s1")
			d.Links = append(d.Links, link("q9", app.RelContradicts, "c2"))
		}, "unattributed-quote q9\n", ""},
		{"DeniedButAboutNoOne", func(d *app.Document) {
			without(d, rivalContradicts, aboutAcme)
		}, "", ""},
		{"SupportsAndContradicts", func(d *app.Document) {
			d.Links = append(d.Links, link("q2", app.RelSupports, "c2"))
		}, "single-source c2\nself-contradiction rival\n", "Rival both supports and contradicts “Acme knew of the chips.”: supports it in “Acme knew.”; contradicts it in “Acme did not know.”."},
		{"OneQuoteBothWays", func(d *app.Document) {
			d.Links = append(d.Links, link("q3", app.RelDenies, "c1"))
		}, "self-contradiction bob\n", "Bob both supports and denies “Acme hid the chips.”: supports it in “Bob saw them hide it.”; denies it in “Bob saw them hide it.”."},
		{"AnchorWordsGone", func(d *app.Document) {
			d.Sources[0].Text = "Acme said the chips were not found."
		}, "lost-anchor q1\n", "“never found” is pinned to words (“never found”) that are no longer in the text of “Daily”."},
		{"AnchorWordsMoved", func(d *app.Document) {
			d.Sources[0].Text = "Update: Acme said the chips were never found."
		}, "", ""},
		{"AnchorWithNoSourceIsUnsourced", func(d *app.Document) {
			d.Quotes[0].Source = ""
		}, "unsourced-quote q1\n", "“never found”, said by Pat, has no source"},
		{"BlankNotesOnChanges", func(d *app.Document) {
			d.Claims[1].History[0].Note = ""
			d.Claims[1].History[1].Note = "  \n"
			d.Claims[1].History = append(d.Claims[1].History, app.StatusChange{Status: app.StatusDenied})
		}, "unexplained-change c2\n", "“Acme knew of the chips.” changed status 2 times with no note saying why: to denied on 2018-10-04 10:00 UTC and to denied at a time not recorded."},
		{"NoteOnTheFirstEntryOnly", func(d *app.Document) {
			d.Claims[1].History[1].Note = ""
		}, "unexplained-change c2\n", ""},
		{"DuplicateIDsAndUnknownLinks", func(d *app.Document) {
			d.Claims = append(d.Claims, app.Claim{ID: "c1", Statement: "a copy", Status: app.StatusAlleged})
			d.Links = append(d.Links, link("ghost", app.RelSupports, "c1"), link("q3", "loves", "c1"), link("q3", app.RelSupports, "c1"))
		}, "unsupported c1\n", "“a copy”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := noRuleFires()
			tt.change(d)
			got := app.Review(d)
			if kindsAndItems(got) != tt.want {
				t.Fatalf("findings:\n%swant:\n%s", kindsAndItems(got), tt.want)
			}
			var msgs []string
			for _, f := range got {
				msgs = append(msgs, f.Message)
			}
			if all := strings.Join(msgs, "\n"); tt.inMsg != "" && !strings.Contains(all, tt.inMsg) {
				t.Errorf("messages\n\t%s\ndo not say\n\t%s", strings.Join(msgs, "\n\t"), tt.inMsg)
			}
		})
	}
}

func TestReview_Sample(t *testing.T) {
	data, err := readSample(t)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := mustParse(t, data)
	got := app.Review(doc)
	want := `anonymous-only c-pla-chips
anonymous-only c-aws-knew
single-source c-pla-chips
single-source c-stealth-doorway
single-source c-aws-knew
single-source c-consumer-data
single-source c-china-victim
unsupported c-30-companies
denied-only-by-subject c-supermicro-aware
denied-only-by-subject c-apple-found-2015
denied-only-by-subject c-fbi-contact
denied-only-by-subject c-aws-knew
denied-only-by-subject c-elemental-chips
denied-only-by-subject c-beijing-dc
`
	if kindsAndItems(got) != want {
		t.Fatalf("findings on the sample:\n%swant:\n%s", kindsAndItems(got), want)
	}
	find := func(kind, item string) app.Finding {
		for _, f := range got {
			if f.Kind == kind && f.Item == item {
				return f
			}
		}
		t.Fatalf("no %s finding for %s", kind, item)
		return app.Finding{}
	}
	// The PLA claim rests on anonymous and unnamed sources, relayed by
	// Bloomberg.
	pla := find(app.FindAnonymousOnly, "c-pla-chips")
	if want := "“The PLA forced tiny illicit chips onto Supermicro server…” rests only on anonymous or unnamed sources: 17 anonymous sources and Six current and former national security officials, as relayed by Bloomberg."; pla.Message != want {
		t.Errorf("the PLA claim:\n\t%s\nwant\n\t%s", pla.Message, want)
	}
	if got := strings.Join(pla.Items, " "); got != "q-17-sources q-officials sources-17 officials" {
		t.Errorf("the PLA claim's items: %s", got)
	}
	// The denials come from the companies concerned.
	for item, who := range map[string]string{
		"c-supermicro-aware": "Super Micro Computer (Supermicro), in 1 quote.",
		"c-apple-found-2015": "Apple, in 3 quotes.",
		"c-fbi-contact":      "Apple, in 1 quote; Amazon Web Services (AWS), in 1 quote.",
		"c-aws-knew":         "Amazon Web Services (AWS), in 1 quote; Steve Schmidt, who speaks for Amazon Web Services (AWS), in 1 quote; Amazon, to which Amazon Web Services (AWS) belongs, in 1 quote.",
		"c-elemental-chips":  "Amazon, to which Elemental Technologies belongs, in 1 quote.",
		"c-beijing-dc":       "Steve Schmidt, who speaks for Amazon Web Services (AWS), in 1 quote; Amazon, in 1 quote; Amazon Web Services (AWS), in 1 quote.",
	} {
		f := find(app.FindDeniedOnlyBySubject, item)
		if !strings.Contains(f.Message, "comes from the side it is about: "+who) {
			t.Errorf("%s: %s\nwant it to name %s", item, f.Message, who)
		}
	}
	if got := strings.Join(find(app.FindDeniedOnlyBySubject, "c-apple-found-2015").Items, " "); got != "q-apple-never q-apple-no-evidence q-apple-refute apple supermicro" {
		t.Errorf("Apple's denials: items %s", got)
	}
}

func TestFinding_JSON(t *testing.T) {
	doc, _ := everyRuleOnce()
	b, err := json.Marshal(app.Review(doc))
	if err != nil {
		t.Fatal(err)
	}
	var back []map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for _, f := range back {
		if len(f) != 4 || f["kind"] == nil || f["item"] == nil || f["message"] == nil {
			t.Errorf("finding %v: want kind, item, items, message", f)
		}
		if _, ok := f["items"].([]any); !ok {
			t.Errorf("finding %v: items is not an array", f)
		}
	}
	b, _ = json.Marshal(app.Finding{Kind: "k", Item: "i", Message: "m"})
	if string(b) != `{"kind":"k","item":"i","items":[],"message":"m"}` {
		t.Errorf("a finding with nil Items: %s", b)
	}
}

func TestFindingRules(t *testing.T) {
	want := "anonymous-only single-source no-denial-on-record unsupported denied-only-by-subject self-contradiction undated-quote unsourced-quote unattributed-quote lost-anchor unexplained-change"
	var kinds []string
	for _, r := range app.FindingRules {
		kinds = append(kinds, r.Kind)
		if r.Title == "" || r.When == "" || (r.About != app.KindClaim && r.About != app.KindParty && r.About != app.KindQuote) {
			t.Errorf("rule %+v", r)
		}
	}
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("rules are %s", got)
	}
}

// bigReviewDoc is a generated board of 10,000 quotes, 2,000 claims, 500
// parties (a fifth anonymous) and 200 sources with text, 22,000 links and
// an anchor on every quote; the same on every call.
func bigReviewDoc() *app.Document {
	const nSources, nParties, nClaims, nQuotes, nLinks = 200, 500, 2000, 10000, 22000
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"the", "chip", "server", "board", "denied", "report", "found", "never", "malicious", "supply",
		"chain", "Αθήνα", "Москва", "investigation", "officials", "said", "were", "not", "aware", "hardware"}
	sentence := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		return b.String() + "."
	}
	d := reviewDoc()
	for i := 0; i < nSources; i++ {
		d.Sources = append(d.Sources, app.Source{ID: fmt.Sprintf("s%d", i), Title: sentence(8), Text: sentence(800)})
	}
	for i := 0; i < nParties; i++ {
		d.Parties = append(d.Parties, app.Party{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Party %d", i), Kind: app.PartyKinds[i%len(app.PartyKinds)]})
	}
	for i := 0; i < nClaims; i++ {
		st := app.Statuses[i%3]
		note := ""
		if i%7 != 0 {
			note = sentence(4)
		}
		d.Claims = append(d.Claims, app.Claim{ID: fmt.Sprintf("c%d", i), Statement: sentence(18), Status: st,
			History: []app.StatusChange{{Status: app.StatusAlleged, At: t0}, {Status: st, At: t0.Add(time.Hour), Note: note}}})
	}
	for i := 0; i < nQuotes; i++ {
		s := rng.IntN(nSources)
		text := d.Sources[s].Text
		start := rng.IntN(len([]rune(text)) - 40)
		a, _ := app.NewAnchor(text, start, start+30)
		q := app.Quote{ID: fmt.Sprintf("q%d", i), Text: a.Exact, Speaker: fmt.Sprintf("p%d", rng.IntN(nParties)),
			Source: fmt.Sprintf("s%d", s), Said: "2018-10-04", Anchor: a}
		switch i % 50 {
		case 1:
			q.Said = ""
		case 2:
			q.Speaker = ""
		}
		d.Quotes = append(d.Quotes, q)
	}
	seen := map[app.Link]bool{}
	rels := []app.Relation{app.RelSupports, app.RelDenies, app.RelContradicts, app.RelMentions}
	for len(d.Links) < nLinks {
		var l app.Link
		switch k := rng.IntN(20); {
		case k < 14:
			l = link(fmt.Sprintf("q%d", rng.IntN(nQuotes)), rels[rng.IntN(4)], fmt.Sprintf("c%d", rng.IntN(nClaims)))
		case k < 18:
			l = link(fmt.Sprintf("c%d", rng.IntN(nClaims)), []app.Relation{app.RelAbout, app.RelMadeBy}[rng.IntN(2)], fmt.Sprintf("p%d", rng.IntN(nParties)))
		case k < 19:
			l = link(fmt.Sprintf("q%d", rng.IntN(nQuotes)), app.RelMentions, fmt.Sprintf("p%d", rng.IntN(nParties)))
		default:
			a, b := rng.IntN(nParties), rng.IntN(nParties)
			if a == b {
				continue
			}
			l = link(fmt.Sprintf("p%d", a), []app.Relation{app.RelPartOf, app.RelSpeaksFor}[rng.IntN(2)], fmt.Sprintf("p%d", b))
		}
		if !seen[l] {
			seen[l] = true
			d.Links = append(d.Links, l)
		}
	}
	return d
}

func TestBigReviewDoc(t *testing.T) {
	d := bigReviewDoc()
	if ps := app.ValidateDocument(d); len(ps) > 0 {
		t.Fatalf("the generated board is not valid: %v", ps[:min(5, len(ps))])
	}
	start := time.Now()
	fs := app.Review(d)
	took := time.Since(start)
	counts := map[string]int{}
	for _, f := range fs {
		counts[f.Kind]++
	}
	t.Logf("%d findings in %v: %v", len(fs), took, counts)
	for _, k := range []string{app.FindUndatedQuote, app.FindUnattributedQuote, app.FindUnexplainedChange, app.FindSingleSource, app.FindSelfContradiction} {
		if counts[k] == 0 {
			t.Errorf("no %s findings on the generated board", k)
		}
	}
}

func BenchmarkReview(b *testing.B) {
	d := bigReviewDoc()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		app.Review(d)
	}
}

// TestReview_LostAnchorIsReanchor checks that lost-anchor fires exactly
// when Reanchor cannot find the anchor's words in its source's text.
func TestReview_LostAnchorIsReanchor(t *testing.T) {
	old := "Apple said no. Amazon said no. 中文 🍎 said no."
	a, _ := app.NewAnchor(old, 22, 29)
	for _, text := range []string{old, "Update: " + old, "Amazon said no.", "Nobody said anything.", "said n", "", "🍎 said no"} {
		d := reviewDoc()
		d.Sources = []app.Source{{ID: "s", Title: "S", Text: text}}
		d.Parties = []app.Party{{ID: "p", Name: "P", Kind: app.PartyPerson}}
		d.Quotes = []app.Quote{{ID: "q", Text: "said no", Speaker: "p", Source: "s", Said: "2018-10-04", Anchor: a}}
		_, found := app.Reanchor(a, text)
		lost := len(app.Review(d)) == 1
		if lost == found {
			t.Errorf("text %q: Reanchor found it %v, lost-anchor %v", text, found, lost)
		}
	}
}
