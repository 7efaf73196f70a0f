// Package syntax tags and parses English sentences.
//
// It has three parts, trained together on UD English EWT by the command in
// ./train and shipped as one compressed model file embedded in the binary:
//
//   - an averaged-perceptron part-of-speech tagger that predicts the UPOS
//     and XPOS tags of each word together, with word, affix, shape and
//     tag-dictionary features (Collins 2002, "Discriminative Training
//     Methods for Hidden Markov Models"; the feature set follows Ratnaparkhi
//     1996 with look-ahead ambiguity classes);
//   - a greedy arc-hybrid dependency parser (Kuhlmann, Gómez-Rodríguez and
//     Satta 2011) with labelled transitions, an averaged perceptron over the
//     rich non-local feature templates of Zhang and Nivre 2011 ("Transition-
//     based Dependency Parsing with Rich Non-local Features"), trained with
//     the dynamic oracle of Goldberg and Nivre 2013 ("Training Deterministic
//     Parsers with Non-Deterministic Oracles") on jackknifed tags;
//   - a lemmatizer: the training data's form-and-tag lemma table, with
//     suffix rules for words it has not seen.
//
// The model is a derivative of UD English EWT (Silveira et al. 2014, "A
// Gold Standard Dependency Corpus for English") and is licensed CC BY-SA
// 4.0 like the treebank.
//
// Parsing is linear in the sentence length: the parser makes exactly 2n
// transitions over a sentence of n words, each scored with a fixed number
// of hashed features. Sentences longer than MaxWords are parsed in chunks.
package syntax
