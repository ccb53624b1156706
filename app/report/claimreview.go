package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"evidenceboard/app"
)

// WriteClaimReview writes schema.org ClaimReview JSON-LD: a JSON array with
// one ClaimReview per claim, in board order.
//
// A review's rating is the claim's verdict on the board's rating scale
// (its own or the default one): alternateName is the verdict's label,
// ratingValue its value, worstRating and bestRating the values of the
// scale's first and last steps. A claim with no verdict gets no
// reviewRating at all (schema.org lets a ClaimReview go without one): its
// status says where the claim stands on the record, not what the reviewer
// makes of it, so it is not made into a rating. The review's author is the
// board's reviewer and its url the board's url; the reviewed claim's author
// is the party that made it, its appearances the web addresses of the
// sources of its quotes, and its date the first entry of its history; the
// review's date is the verdict's, or for a claim with no verdict the last
// entry of its history. A property whose value the board lacks is left
// out, with one warning per missing value (not one per claim), rather than
// invented.
//
// The JSON escapes <, > and & so that it can be put inside a <script
// type="application/ld+json"> element as it is.
func WriteClaimReview(w io.Writer, doc *app.Document, opts Options) error {
	v := buildView(doc, opts)
	var author *crAgent
	var reviewURL string
	if len(v.Claims) > 0 {
		switch {
		case !v.HasReviewer || v.Reviewer.Name == "":
			opts.warn("The board names no reviewer, so the ClaimReview file has no review author: set the board's reviewer (name and web address) before publishing it.")
		default:
			author = &crAgent{Type: "Organization", Name: v.Reviewer.Name}
			switch u := v.Reviewer.URL; {
			case u == "":
				opts.warn("The board's reviewer has no web address, so the review author in the ClaimReview file has no url.")
			case webURL(u) == "":
				opts.warn(fmt.Sprintf("The board's reviewer address %q is not a web address (http or https), so it was left out of the ClaimReview file.", truncate(u, 80)))
			default:
				author.URL = u
			}
		}
		switch u := v.URL; {
		case u == "":
			opts.warn("The board has no web address where it is published (the board's url), so the reviews in the ClaimReview file have no url.")
		case webURL(u) == "":
			opts.warn(fmt.Sprintf("The board's url %q is not a web address (http or https), so it was left out of the ClaimReview file.", truncate(u, 80)))
		default:
			reviewURL = u
		}
		undated := 0
		for _, c := range v.Claims {
			if c.FirstDate == "" {
				undated++
			}
		}
		switch {
		case undated == 1:
			opts.warn("1 claim has no dated history, so its review in the ClaimReview file has no dates.")
		case undated > 1:
			opts.warn(fmt.Sprintf("%d claims have no dated history, so their reviews in the ClaimReview file have no dates.", undated))
		}
		switch n := v.NoVerdict(); {
		case n == 1:
			opts.warn("1 claim has no verdict, so its review in the ClaimReview file has no rating: give it a verdict before publishing the file.")
		case n > 1:
			opts.warn(fmt.Sprintf("%d claims have no verdict, so their reviews in the ClaimReview file have no rating: give them verdicts before publishing the file.", n))
		}
	}
	var worst, best int
	if n := len(v.Scale); n > 0 {
		worst, best = v.Scale[0].Value, v.Scale[n-1].Value
	}

	reviews := make([]crReview, 0, len(v.Claims))
	for _, c := range v.Claims {
		r := crReview{
			Context:       "https://schema.org",
			Type:          "ClaimReview",
			URL:           reviewURL,
			ClaimReviewed: c.Statement,
			Author:        author,
			DatePublished: c.LastDate,
			ItemReviewed:  crClaim{Type: "Claim", DatePublished: c.FirstDate},
		}
		if vd := c.Verdict; vd != nil {
			if !vd.At.IsZero() {
				r.DatePublished = vd.At.Format(time.DateOnly)
			}
			r.ReviewRating = &crRating{Type: "Rating", AlternateName: vd.Label}
			if vd.OnScale {
				r.ReviewRating.RatingValue, r.ReviewRating.WorstRating, r.ReviewRating.BestRating = &vd.Value, &worst, &best
			}
		}
		for _, p := range c.MadeBy {
			t := "Organization"
			if p.Kind == string(app.PartyPerson) {
				t = "Person"
			}
			r.ItemReviewed.Author = append(r.ItemReviewed.Author, crAgent{Type: t, Name: p.Name})
		}
		for _, s := range c.AppearanceSources {
			if u := webURL(s.URL); u != "" && !containsWork(r.ItemReviewed.Appearance, u) {
				r.ItemReviewed.Appearance = append(r.ItemReviewed.Appearance, crWork{Type: "CreativeWork", URL: u})
			}
		}
		reviews = append(reviews, r)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(reviews); err != nil {
		return err
	}
	return bw.Flush()
}

type crReview struct {
	Context       string    `json:"@context"`
	Type          string    `json:"@type"`
	URL           string    `json:"url,omitempty"`
	ClaimReviewed string    `json:"claimReviewed"`
	Author        *crAgent  `json:"author,omitempty"`
	DatePublished string    `json:"datePublished,omitempty"`
	ReviewRating  *crRating `json:"reviewRating,omitempty"`
	ItemReviewed  crClaim   `json:"itemReviewed"`
}

type crRating struct {
	Type          string `json:"@type"`
	AlternateName string `json:"alternateName"`
	RatingValue   *int   `json:"ratingValue,omitempty"`
	WorstRating   *int   `json:"worstRating,omitempty"`
	BestRating    *int   `json:"bestRating,omitempty"`
}

type crClaim struct {
	Type          string   `json:"@type"`
	Author        crAgents `json:"author,omitempty"`
	DatePublished string   `json:"datePublished,omitempty"`
	Appearance    []crWork `json:"appearance,omitempty"`
}

type crAgent struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// crAgents is one author or more: written as an object when there is one,
// as an array when there are more.
type crAgents []crAgent

func (a crAgents) MarshalJSON() ([]byte, error) {
	if len(a) == 1 {
		return json.Marshal(a[0])
	}
	return json.Marshal([]crAgent(a))
}

type crWork struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

func containsWork(ws []crWork, u string) bool {
	for _, w := range ws {
		if w.URL == u {
			return true
		}
	}
	return false
}
