// Command train trains kg's tagger, lemmatizer and dependency parser on
// UD English EWT and writes the model that kg embeds:
//
//	go run ./extract/syntax/train -ud ../shared/ud
//
// Training is deterministic: the same data and flags give the same file.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/kg-news/kg/extract/syntax"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run() error {
	ud := flag.String("ud", "../shared/ud", "folder with en_ewt-ud-{train,dev,test}.conllu")
	out := flag.String("o", "extract/syntax/model/en_ewt.model", "model file to write")
	opt := syntax.DefaultTrainOptions
	flag.IntVar(&opt.TagEpochs, "tag-epochs", opt.TagEpochs, "tagger passes over the training data")
	flag.IntVar(&opt.ParseEpochs, "parse-epochs", opt.ParseEpochs, "parser passes over the training data")
	flag.IntVar(&opt.TagFolds, "tag-folds", opt.TagFolds, "jackknife folds for the tagger's second pass (< 2: one pass)")
	flag.IntVar(&opt.ClassFolds, "class-folds", opt.ClassFolds, "folds the tagger's training class sets are counted without (< 2: none)")
	flag.IntVar(&opt.ClassKeep, "class-keep", opt.ClassKeep, "with -class-folds, words seen this often keep their whole class set (0: none)")
	flag.IntVar(&opt.Parsers, "parsers", opt.Parsers, "parsers trained with consecutive seeds and averaged (< 2: one)")
	flag.IntVar(&opt.Folds, "folds", opt.Folds, "jackknife folds for the parser's training tags")
	flag.Uint64Var(&opt.Seed, "seed", opt.Seed, "seed of every shuffle and exploration step")
	minUpdates := flag.Int("min-updates", int(opt.MinUpdates), "drop parser features that took part in fewer updates")
	withDev := flag.Bool("with-dev", false, "train on train and dev together (dev scores are then on seen data)")
	tagOnly := flag.Bool("tagger-only", false, "train only the tagger and print its dev UPOS accuracy")
	flag.Parse()
	opt.Log = os.Stderr
	opt.MinUpdates = int32(*minUpdates)

	read := func(part string) ([]syntax.Sentence, error) {
		path := filepath.Join(*ud, "en_ewt-ud-"+part+".conllu")
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		s, err := syntax.ReadCoNLLU(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return s, nil
	}
	train, err := read("train")
	if err != nil {
		return err
	}
	dev, err := read("dev")
	if err != nil {
		return err
	}
	if *withDev {
		train = append(train, dev...)
	}
	start := time.Now()
	if *tagOnly {
		fmt.Printf("dev UPOS %.4f (%s)\n", syntax.TagAccuracy(train, dev, opt), time.Since(start).Round(time.Second))
		return nil
	}
	m, err := syntax.Train(train, dev, opt)
	if err != nil {
		return err
	}
	if test, err := read("test"); err == nil {
		s := m.Evaluate(test)
		fmt.Fprintf(os.Stderr, "test: UPOS %.4f UAS %.4f LAS %.4f (full labels %.4f), lemma %.4f\n", s.UPOS, s.UAS, s.LAS, s.LASFull, s.Lemma)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	tmp := *out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, *out); err != nil {
		return err
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(os.Stderr, "wrote %s (%.1f MB) in %s; %+v\n", *out, float64(st.Size())/1e6, time.Since(start).Round(time.Second), m.Info())
	return nil
}
