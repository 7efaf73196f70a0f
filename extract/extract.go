package extract

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/kg-news/kg/extract/gazetteer"
	"github.com/kg-news/kg/extract/syntax"
)

// Extractor extracts the facts of one document.
type Extractor interface {
	Extract(ctx context.Context, doc Doc) (*Facts, error)
}

// ExtractorFunc adapts a function to an Extractor.
type ExtractorFunc func(ctx context.Context, doc Doc) (*Facts, error)

// Extract calls f(ctx, doc).
func (f ExtractorFunc) Extract(ctx context.Context, doc Doc) (*Facts, error) { return f(ctx, doc) }

// Pipeline is kg's rule-based extractor. It is safe for concurrent use.
type Pipeline struct {
	gaz        *gazetteer.Gazetteer
	noParser   bool
	annotators sync.Pool // *syntax.Annotator, warm from earlier documents
}

var _ Extractor = (*Pipeline)(nil)

// Option configures a Pipeline.
type Option func(*Pipeline)

// WithGazetteer replaces the embedded gazetteer.
func WithGazetteer(g *gazetteer.Gazetteer) Option {
	return func(p *Pipeline) { p.gaz = g }
}

// WithoutParser makes the pipeline read events from word patterns alone,
// without the dependency parse.
func WithoutParser() Option {
	return func(p *Pipeline) { p.noParser = true }
}

// New returns a Pipeline.
func New(opts ...Option) *Pipeline {
	p := &Pipeline{}
	for _, o := range opts {
		o(p)
	}
	if p.gaz == nil {
		p.gaz = gazetteer.Default()
	}
	return p
}

// extraction is the working state of one document.
type extraction struct {
	doc        Doc
	gaz        *gazetteer.Gazetteer
	ref        time.Time // the date relative expressions resolve against
	dateSource string    // where ref came from: DateFromHeader, ...
	sents      []sentence
	mentions   []mention
	persons    []*cluster
	roles      []Role
	// affiliations are the person-organization ties the text states.
	affiliations []affiliationCandidate
	// sources are the organizations the text cites.
	sources []sourceCandidate
	times   []timex
	events  []*event
	// mentionIndex[i] == i; sentMentions returns slices of it.
	mentionIndex []int
	// noParser turns the parse off; annotator parses sentences on
	// demand and parses holds them by sentence.
	noParser   bool
	annotators *sync.Pool
	annotator  *syntax.Annotator
	parses     map[int]*parsed
	// roleFirstWords are the first words of the roles' titles, for
	// bare titles (titleWords); made once the roles are known.
	roleFirstWords map[string]bool
}

// Extract runs the pipeline on doc. A document made with ReadDoc is
// already checked; Extract checks a hand-made Doc the same way. An
// internal failure on one document is returned as an *Error, never a
// panic.
func (p *Pipeline) Extract(ctx context.Context, doc Doc) (facts *Facts, err error) {
	if doc.body == "" {
		checked, err := ReadDoc(doc.ID, []byte(doc.Text), doc.Date)
		if err != nil {
			return nil, err
		}
		doc = checked
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			facts, err = nil, &Error{Doc: doc.ID, Offset: -1, Stage: "extract", Err: fmt.Errorf("internal error: %v", r)}
			if os.Getenv("KG_DEBUG") != "" {
				fmt.Fprintf(os.Stderr, "%s: %v\n%s", doc.ID, r, debug.Stack())
			}
		}
	}()
	x := &extraction{doc: doc, gaz: p.gaz, ref: doc.Date, noParser: p.noParser, annotators: &p.annotators}
	defer func() {
		if x.annotator != nil {
			p.annotators.Put(x.annotator)
		}
	}()
	x.sents = segment(doc.body)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	x.ner()
	x.times = x.findTimes()
	x.ref, x.dateSource = x.referenceDate()
	if x.ref.IsZero() {
		x.resolveAbsoluteOnly()
	} else {
		x.resolveTimes()
	}
	x.cluster()
	x.findRoles()
	x.findRoleForms()
	x.findAffiliations()
	x.findSources()
	x.itsCountry()
	x.describedCountries()
	x.inferRoleCountries()
	x.entourageCountries()
	x.adviserCountries()
	x.resolveReferences()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	x.findEvents()
	x.counterpartCountries()
	x.guestCountries()
	x.hostCountries()
	x.spouseCountries()
	return x.facts(), nil
}
