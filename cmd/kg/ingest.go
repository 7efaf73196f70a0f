package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/extract/gazetteer"
	"github.com/kg-news/kg/extract/minhash"
	"github.com/kg-news/kg/extract/syntax"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/resolve"
	"github.com/kg-news/kg/schema"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

func ingestCommand() *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "extract articles and write their facts into the store",
		ArgsUsage: "FILE|DIR|- ...",
		Flags: append(readFlags(),
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "articles extracted at once (default: one per core); writes stay in input order, one at a time"},
			&cli.StringFlag{Name: "progress", Value: "auto", Usage: "progress on stderr: bar, plain (one line per step, for logs), off, or auto (a bar on a terminal for more than 20 files)"},
			&cli.BoolFlag{Name: "plan", Value: true, Usage: "work out the resolution of new files before writing them, so that few are rewritten: with many new files, or a store that keeps its resolution states (reads each new file twice)"},
			&cli.IntFlag{Name: "batch", Value: defaultBatchQuads, Usage: "quads written per transaction; the articles of a batch are stored together (1: one article per transaction)"},
			aliasesFlag(),
		),
		Action: runIngest,
	}
}

type ingestSummary struct {
	Articles, Added, Replaced, Unchanged, Moved, Failed int
	Persons, Events, Quads                              int
	Seconds                                             float64
}

func runIngest(c *cli.Context) error {
	if c.NArg() == 0 {
		return fmt.Errorf("ingest: no input; give files, directories or - for stdin")
	}
	if _, served := c.App.Metadata[servedStoreKey]; !served {
		// A kg serve holds the store: it ingests for us.
		if srv, ok := runningServer(c); ok {
			return handOff(c, srv)
		}
	}
	opts, err := readOptions(c)
	if err != nil {
		return err
	}
	inputs, errs := collectInputs(c.Args().Slice())
	stderr := c.App.ErrWriter
	for _, err := range errs {
		fmt.Fprintln(stderr, "kg:", err)
	}
	if len(inputs) == 0 {
		return errReported
	}
	aliases, err := readAliases(c)
	if err != nil {
		return err
	}
	st, served := c.App.Metadata[servedStoreKey].(*graph.Store)
	if !served {
		if st, err = openStore(c); err != nil {
			return err
		}
		defer st.Close()
	}
	start := time.Now()
	sum := ingestSummary{Failed: len(errs)}
	bar, err := newProgress(stderr, len(inputs), c.String("progress"))
	if err != nil {
		return err
	}
	jobs := c.Int("jobs")
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(c.Context)
	defer cancel()
	stored, err := storedUnchanged(ctx, st, inputs, opts)
	if err != nil {
		return err
	}
	if slices.Contains(stored, false) {
		// The parser's model loads on the first sentence that needs
		// it, and resolution needs the kept states: start both now,
		// on other cores, while articles are extracted.
		go syntax.Default()
		st.PrefetchResolution()
	}
	var plan *graph.ResolutionPlan
	if c.Bool("plan") && planWorthy(inputs, stored, st.KeepsResolutionStates()) {
		bar.step("reading ahead what resolution will make of the new articles")
		if plan, err = planResolution(ctx, st, inputs, jobs, opts, stored, resolve.Options{Aliases: aliases, GivenName: gazetteer.Default().FirstName}); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	extracted, taken := extractConcurrently(ctx, inputs, jobs, opts, c.App.Reader, stored)
	batch, err := st.NewBatch(c.Context)
	if err != nil {
		return err
	}
	if plan != nil {
		batch.UsePlan(plan)
	}
	w := &batchWriter{batch: batch, sum: &sum, stderr: stderr, sources: map[quad.IRI]string{}}
	if w.storedBefore, err = st.HasArticles(ctx); err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer batch.Close(context.Background())
	for i, in := range inputs {
		bar.update(i, in.path)
		var r extraction
		select {
		case r = <-extracted[i]:
			taken()
		case <-c.Context.Done():
			r.err = c.Context.Err()
		}
		err := r.err
		switch {
		case err != nil:
			sum.Failed++
		case r.stored:
			sum.Articles++
			sum.Unchanged++
		default:
			err = w.add(c.Context, st, in, r)
		}
		if err == nil && batch.Pending() >= c.Int("batch") {
			err = w.flush(c.Context)
		}
		if err != nil {
			bar.clear()
			if errors.Is(err, graph.ErrConnectionLost) {
				// Every article after this one would fail the same way.
				return fmt.Errorf("ingest: %w; %d of %d articles ingested, %d not (the articles written so far are kept; run the same ingest again)",
					err, sum.Articles, len(inputs), len(inputs)-sum.Articles)
			}
			fmt.Fprintln(stderr, "kg:", err)
			if c.Context.Err() != nil {
				break
			}
		}
	}
	if err := w.flush(c.Context); err != nil {
		bar.clear()
		if errors.Is(err, graph.ErrConnectionLost) {
			return fmt.Errorf("ingest: %w; %d of %d articles ingested, %d not (the articles written so far are kept; run the same ingest again)",
				err, sum.Articles, len(inputs), len(inputs)-sum.Articles)
		}
		fmt.Fprintln(stderr, "kg:", err)
	}
	if err := batch.Close(c.Context); err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	bar.done()
	bar.step("resolving entities across articles")
	resolved, err := st.Resolve(c.Context, resolve.Options{Aliases: aliases, GivenName: gazetteer.Default().FirstName})
	if err != nil {
		return fmt.Errorf("ingest: resolving entities across articles: %w", err)
	}
	bar.step(fmt.Sprintf("resolved: %d articles rewritten", resolved.Rewritten))
	bar.clear()
	sum.Seconds = time.Since(start).Seconds()
	fmt.Fprintf(c.App.Writer, "%d articles (%d new, %d changed, %d unchanged", sum.Articles, sum.Added, sum.Replaced, sum.Unchanged)
	if sum.Moved > 0 {
		fmt.Fprintf(c.App.Writer, "; %d moved from a file that is gone", sum.Moved)
	}
	fmt.Fprintf(c.App.Writer, "), %d persons and %d events as the articles name them, %d quads in %.2fs", sum.Persons, sum.Events, sum.Quads, sum.Seconds)
	fmt.Fprintf(c.App.Writer, "; in the whole store, resolution merges %d person, %d organization and %d event mentions across articles",
		resolved.Merged["persons"], resolved.Merged["organizations"], resolved.Merged["events"])
	if sum.Failed > 0 {
		fmt.Fprintf(c.App.Writer, "; %d failed", sum.Failed)
	}
	fmt.Fprintln(c.App.Writer)
	if sum.Failed > 0 {
		return errReported
	}
	return nil
}

// planFrom is the fewest new files for which an ingest into a store
// without kept resolution states plans their resolution before writing
// them (graph.ResolutionPlan): it extracts them twice, first for their
// records only, and resolves the store once more, which pays when the
// rewrites it saves are many. Measured from empty, side by side: 1,000
// files took 7.2 s planned against 6.5 s not, 3,000 took 21.4 s against
// 24.7 s, 10,000 90.6 s against 114.1 s. A variable, so that a test can
// plan a smaller ingest.
var planFrom = 2000

// planWorthy tells whether an ingest plans resolution: none of the
// files is read from standard input, which cannot be read twice, and
// some are new; and either they are many, or the store keeps its
// resolution states (graph.StatesFile), so that the plan resolves only
// what the new files reach and the resolution after the writes takes
// the plan's outcome instead of resolving again. There the plan spares
// the rewrite of each new article, whose renamed quads Cayley checks
// against every quad of each much-cited node they name.
func planWorthy(inputs []input, stored []bool, kept bool) bool {
	n := 0
	for i, in := range inputs {
		if in.path == "-" {
			return false
		}
		if stored == nil || !stored[i] {
			n++
		}
	}
	return n >= planFrom || kept && n > 0
}

// planResolution extracts the new inputs, names their articles as the
// ingest will (keyOf, markCopy, on a writer that writes nothing), and
// plans the resolution of their records with the store's. An input that
// fails here is left to the ingest, which reports it.
func planResolution(ctx context.Context, st *graph.Store, inputs []input, jobs int, opts readOptionsT, stored []bool, ropts resolve.Options) (*graph.ResolutionPlan, error) {
	extracted, taken := extractConcurrently(ctx, inputs, jobs, opts, nil, stored)
	dry := &batchWriter{sum: &ingestSummary{}, sources: map[quad.IRI]string{}}
	var err error
	if dry.storedBefore, err = st.HasArticles(ctx); err != nil {
		return nil, err
	}
	records := map[quad.IRI]string{}
	for i, in := range inputs {
		var r extraction
		select {
		case r = <-extracted[i]:
			taken()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if r.err != nil || r.stored {
			continue
		}
		art, err := dry.articleOf(ctx, st, in, r)
		if err != nil {
			continue
		}
		dry.sources[art.IRI] = sourceName(in.path)
		records[art.IRI] = graph.RecordsLiteral(art)
	}
	return st.PlanResolution(ctx, records, ropts)
}

// defaultBatchQuads is how many quads the ingest queues before it writes
// them: one transaction for the additions of many articles. Each
// transaction rewrites the index entries of every node its quads name,
// and a much-cited node's entry lists all its quads, so fewer, larger
// transactions write less: 10,000 articles from empty took 76–80 s at
// 50,000 quads against 86–95 s at 20,000 (two runs each, side by side),
// for 0.13 GB more anonymous memory; 100,000 quads took 78 s.
const defaultBatchQuads = 50000

// batchWriter queues extracted articles into a graph.Batch and counts
// them into the summary once they are written.
type batchWriter struct {
	batch   *graph.Batch
	sum     *ingestSummary
	stderr  io.Writer
	pending []queuedArticle
	sources map[quad.IRI]string // the source of each article queued this run
	// bands indexes this run's articles by band key, for copies among
	// articles not yet written; sigs holds their signatures, which the
	// store then need not read back.
	bands map[string][]quad.IRI
	sigs  map[quad.IRI]minhash.Signature
	// storedBefore says whether the store held articles when the run
	// began; without, copies are looked for among the run's own only.
	storedBefore bool
}

// markCopy adds to an article a kg:copyOf quad naming the first, by IRI,
// of the earlier articles whose text it nearly repeats (in the store or
// earlier in this run).
func (w *batchWriter) markCopy(ctx context.Context, st *graph.Store, art *extract.Article) error {
	sig, ok := graph.SignatureOf(art.Quads)
	if !ok {
		return nil
	}
	// An article stored as it is writes nothing: no need to look for its
	// copies (a re-ingest of an unchanged folder stays one lookup each).
	if unchanged, err := st.Unchanged(ctx, *art); err != nil || unchanged {
		return err
	}
	var copies []quad.IRI
	if w.storedBefore {
		var err error
		if copies, err = st.NearCopies(ctx, art.IRI, sig, w.sigs); err != nil {
			return err
		}
	}
	if w.bands == nil {
		w.bands, w.sigs = map[string][]quad.IRI{}, map[quad.IRI]minhash.Signature{}
	}
	keys := sig.BandKeys()
	for _, k := range keys {
		for _, o := range w.bands[k] {
			if o != art.IRI && minhash.Similarity(sig, w.sigs[o]) >= graph.CopyThreshold {
				copies = append(copies, o)
			}
		}
	}
	for _, k := range keys {
		w.bands[k] = append(w.bands[k], art.IRI)
	}
	w.sigs[art.IRI] = sig
	if len(copies) == 0 {
		return nil
	}
	first := slices.Min(copies)
	art.Quads = append(art.Quads, quad.Quad{Subject: art.IRI, Predicate: schema.CopyOf, Object: first, Label: art.IRI})
	return nil
}

// queuedArticle is an article in the batch, with what it will count.
type queuedArticle struct {
	path            string
	art             extract.Article
	res             graph.IngestResult
	persons, events int
}

// articleOf makes an input's article: named in the store (keyOf), its
// quads, and its mark as a copy of an earlier article.
func (w *batchWriter) articleOf(ctx context.Context, st *graph.Store, in input, r extraction) (extract.Article, error) {
	key, err := w.keyOf(ctx, st, in, r.doc)
	if err != nil {
		return extract.Article{}, err
	}
	art := extract.Quads(r.doc, r.facts, key, sourceName(in.path))
	err = w.markCopy(ctx, st, &art)
	return art, err
}

// add checks an article against the store and queues it. Its errors
// name the input.
func (w *batchWriter) add(ctx context.Context, st *graph.Store, in input, r extraction) error {
	art, err := w.articleOf(ctx, st, in, r)
	if err != nil {
		w.sum.Failed++
		return &inputError{in.path, err}
	}
	res, err := w.batch.Add(ctx, art)
	if err != nil {
		w.sum.Failed++
		return &inputError{in.path, err}
	}
	w.sources[art.IRI] = sourceName(in.path)
	w.pending = append(w.pending, queuedArticle{in.path, art, res, len(r.facts.Persons), len(r.facts.Events)})
	return nil
}

// keyOf names an input's article in the store. A file keeps the name it
// was first stored under, however it is given later (alone, or in
// another folder's walk). A new file whose name another file's article
// holds takes the name with its folders in front, as many as it needs
// ("b/news.txt"), and failing that its path's hash: it never replaces
// the article of another file.
func (w *batchWriter) keyOf(ctx context.Context, st *graph.Store, in input, doc extract.Doc) (string, error) {
	key := articleKey(in, doc)
	if in.path == "-" {
		return key, nil
	}
	source := sourceName(in.path)
	stored, err := st.ArticleFromSource(ctx, source)
	if err != nil || stored != "" {
		return schema.ArticleKey(stored), err
	}
	candidates := []string{key}
	dir := filepath.Dir(source)
	for k := key; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		k = filepath.Base(dir) + "/" + k
		candidates = append(candidates, k)
	}
	sum := sha256.Sum256([]byte(source))
	candidates = append(candidates, key+"~"+hex.EncodeToString(sum[:6]))
	for _, k := range candidates {
		iri := schema.ArticleIRI(k)
		owner, queued := w.sources[iri]
		if !queued {
			if owner, err = st.SourceOf(ctx, iri); err != nil {
				return "", err
			}
		}
		if owner == "" || owner == source {
			return k, nil
		}
	}
	return "", fmt.Errorf("every name for its article is taken (last tried %s)", candidates[len(candidates)-1])
}

// flush writes the queued articles and counts them; when the write
// fails, they count as failed, and the error names the first and last.
func (w *batchWriter) flush(ctx context.Context) error {
	pending := w.pending
	w.pending = nil
	if err := w.batch.Flush(ctx); err != nil {
		w.sum.Failed += len(pending)
		if len(pending) == 0 {
			return err
		}
		return fmt.Errorf("%d articles not written (%s ... %s): %w", len(pending), pending[0].path, pending[len(pending)-1].path, err)
	}
	for _, p := range pending {
		w.sum.Articles++
		w.sum.Persons += p.persons
		w.sum.Events += p.events
		w.sum.Quads += len(p.art.Quads)
		switch p.res.Outcome {
		case graph.Added:
			w.sum.Added++
			moved, err := removeMoved(ctx, w.batch, p.art)
			w.sum.Moved += moved
			if err != nil {
				fmt.Fprintln(w.stderr, "kg:", &inputError{p.path, err})
			}
		case graph.Replaced:
			w.sum.Replaced++
		case graph.Unchanged:
			w.sum.Unchanged++
		}
	}
	return nil
}

// extraction is one input's extraction.
type extraction struct {
	facts *extract.Facts
	doc   extract.Doc
	err   error
	// stored: the store holds the file's article with these very bytes,
	// so it was not extracted; an ingest writes nothing for it.
	stored bool
}

// storedUnchanged tells which file inputs the store already holds with
// the same bytes: the article their source was stored under has their
// content hash (two indexed lookups a file, no extraction). Such an
// article writes nothing, as prepare would find after extracting it, so
// an ingest of an unchanged folder reads and hashes its files and
// extracts none. Files that cannot be read are left to the extraction,
// which reports them.
func storedUnchanged(ctx context.Context, st *graph.Store, inputs []input, opts readOptionsT) ([]bool, error) {
	out := make([]bool, len(inputs))
	for i, in := range inputs {
		if in.path == "-" {
			continue
		}
		iri, err := st.ArticleFromSource(ctx, sourceName(in.path))
		if err != nil {
			return nil, err
		}
		if iri == "" {
			continue
		}
		data, err := readInput(in, nil, opts.maxSize)
		if err != nil {
			continue
		}
		sum := sha256.Sum256(data)
		same, err := st.Unchanged(ctx, extract.Article{IRI: iri, Hash: hex.EncodeToString(sum[:])})
		if err != nil {
			return nil, err
		}
		out[i] = same
	}
	return out, nil
}

// extractConcurrently extracts the inputs on jobs goroutines and returns
// a channel per input that receives its extraction, and the function the
// writer calls once it has taken one. At most 2×jobs inputs are
// extracted ahead of the writer, so memory stays bounded whatever the
// number of inputs; cancelling ctx stops the rest.
func extractConcurrently(ctx context.Context, inputs []input, jobs int, opts readOptionsT, stdin io.Reader, stored []bool) ([]chan extraction, func()) {
	out := make([]chan extraction, len(inputs))
	for i := range out {
		out[i] = make(chan extraction, 1)
	}
	ahead := make(chan struct{}, 2*jobs)
	work := make(chan int)
	go func() {
		defer close(work)
		for i := range inputs {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case work <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	p := extract.New()
	for w := 0; w < jobs; w++ {
		go func() {
			for i := range work {
				if stored != nil && stored[i] {
					out[i] <- extraction{stored: true}
					continue
				}
				facts, doc, err := extractInput(ctx, p, inputs[i], opts, stdin)
				out[i] <- extraction{facts: facts, doc: doc, err: err}
			}
		}()
	}
	return out, func() { <-ahead }
}

// articleKey names an article in the store: its path relative to the
// folder it was found in, or for standard input "stdin/" and the start
// of its content hash, so that two different texts read from stdin are
// two articles.
func articleKey(in input, doc extract.Doc) string {
	if in.path == "-" {
		sum := sha256.Sum256([]byte(doc.Text))
		return "stdin/" + hex.EncodeToString(sum[:8])
	}
	return in.key
}

// removeMoved removes the stored articles that had art's content and
// were read from a file that no longer exists: the file was renamed or
// moved, and its facts now live under art. A copy whose file still
// exists stays an article of its own. It returns how many it removed.
func removeMoved(ctx context.Context, b *graph.Batch, art extract.Article) (int, error) {
	same, err := b.ArticlesWithHash(ctx, art.Hash)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, a := range same {
		if a.IRI == art.IRI || a.Source == "" || a.Source == "stdin" || !filepath.IsAbs(a.Source) {
			continue
		}
		if _, err := os.Stat(a.Source); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if _, err := b.Remove(ctx, a.IRI); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func sourceName(path string) string {
	if path == "-" {
		return "stdin"
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// progress shows how far an ingest is, with its rate and the time left:
// a one-line bar on a terminal, or plain lines for logs.
type progress struct {
	w     io.Writer
	total int
	bar   bool
	plain bool
	last  int // last article count printed in plain mode
	start time.Time
}

func newProgress(w io.Writer, total int, mode string) (*progress, error) {
	p := &progress{w: w, total: total, start: time.Now()}
	switch mode {
	case "auto", "":
		f, ok := w.(*os.File)
		p.bar = total > 20 && ok && term.IsTerminal(int(f.Fd()))
	case "bar":
		f, ok := w.(*os.File)
		p.bar = ok && term.IsTerminal(int(f.Fd()))
	case "plain":
		p.plain = true
	case "off":
	default:
		return nil, fmt.Errorf("ingest: --progress %q: want auto, bar, plain or off", mode)
	}
	return p, nil
}

// rate is the articles per second so far and the time the rest will
// take at that rate, once there is a rate to speak of.
func (p *progress) rate(i int) string {
	el := time.Since(p.start)
	if i == 0 || el < time.Second {
		return ""
	}
	r := float64(i) / el.Seconds()
	left := time.Duration(float64(p.total-i) / r * float64(time.Second)).Round(time.Second)
	return fmt.Sprintf(", %.0f/s, %v left", r, left)
}

func (p *progress) update(i int, name string) {
	if p.plain {
		// About twenty lines for a whole ingest, and the first article.
		if i == 0 || i*20/max(p.total, 1) != p.last*20/max(p.total, 1) {
			fmt.Fprintf(p.w, "kg: ingest: %d/%d articles, at %s%s\n", i, p.total, name, p.rate(i))
			p.last = i
		}
		return
	}
	if !p.bar {
		return
	}
	const width = 30
	filled := width * i / max(p.total, 1)
	name = filepath.Base(name)
	if len(name) > 30 {
		name = name[:30]
	}
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d%s %-30s", strings.Repeat("#", filled), strings.Repeat(".", width-filled), i, p.total, p.rate(i), name)
}

// step reports a stage of the ingest in plain mode.
func (p *progress) step(what string) {
	switch {
	case p.plain:
		fmt.Fprintf(p.w, "kg: ingest: %s\n", what)
	case p.bar:
		fmt.Fprintf(p.w, "\r%-100s", "kg: "+what)
	}
}

func (p *progress) clear() {
	if p.bar {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", 110))
	}
}

func (p *progress) done() {
	p.clear()
	if p.plain {
		fmt.Fprintf(p.w, "kg: ingest: %d/%d articles read\n", p.total, p.total)
	}
}

// DefaultAliasesFile is read by ingest when it exists and no --aliases
// flag is given.
const DefaultAliasesFile = "kg.aliases"

func aliasesFlag() cli.Flag {
	return &cli.StringFlag{Name: "aliases", EnvVars: []string{"KG_ALIASES"},
		Usage: "file of merges to pin (\"A = B\") or forbid (\"A != B\") (default: ./" + DefaultAliasesFile + " when it exists)"}
}

// readAliases reads the aliases file the flag names, or the default one
// when it exists.
func readAliases(c *cli.Context) (*resolve.Aliases, error) {
	path := c.String("aliases")
	if path == "" {
		if _, err := os.Stat(DefaultAliasesFile); err != nil {
			return nil, nil
		}
		path = DefaultAliasesFile
	}
	a, err := resolve.ReadAliases(path)
	if err != nil {
		return nil, fmt.Errorf("aliases: %w", err)
	}
	return a, nil
}
