/*
 * erg/ner_learn.h: the learning half of the ner module: CoNLL corpora,
 * training a tagger model, word clusters from unlabeled text, and
 * evaluation (src/ner/learn/). The tagging half (model, features,
 * decoding) is erg/ner.h; a program that only tags needs none of this.
 */
#ifndef ERG_NER_LEARN_H
#define ERG_NER_LEARN_H

#include "erg/ner.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- CoNLL corpora, training and evaluation ----------------------------------- */

/*
 * Sentences with gold labels read from CoNLL-style files: one token a line,
 * the token in the first column and the tag in the last (white space or tab
 * separated), blank lines between sentences, "-DOCSTART-" lines between documents. Tags
 * may be IOB1, IOB2 or BILOU (BIOES) over any type names; PER/PERSON,
 * ORG/ORGANIZATION/ORGANISATION, LOC/LOCATION/GPE and MISC are mapped to the
 * four classes, and WNUT-17's corporation/group to ORG and product/
 * creative-work to MISC; anything else to O. Stored as IOB2 labels.
 */
typedef struct erg_corpus erg_corpus;

erg_status erg_corpus_load(erg_corpus **out, const char *path, erg_error *err);
/* Appends the sentences of another file. */
erg_status erg_corpus_add_file(erg_corpus *c, const char *path, erg_error *err);
/*
 * One corpus of the n files paths[0..n) (n >= 1), in order; *out is NULL on
 * failure, which names the file. The caller frees *out with erg_corpus_free.
 */
erg_status erg_corpus_load_files(erg_corpus **out, char *const *paths, size_t n, erg_error *err);
size_t erg_corpus_sentences(const erg_corpus *c);
size_t erg_corpus_tokens(const erg_corpus *c);
void erg_corpus_free(erg_corpus *c);

typedef struct erg_train_options {
    int epochs;     /* maximum passes over the data (default 10) */
    uint64_t seed;  /* shuffling seed; same data and seed give the same model bytes */
    double heldout; /* fraction of sentences kept aside for early stopping (0 = none) */
    int min_count;  /* prune features seen fewer times (default 1: keep all) */
    /* Called after every epoch with its held-out F1 (or -1); may be NULL. */
    void (*progress)(void *ctx, int epoch, double train_acc, double heldout_f1);
    void *progress_ctx;
    /*
     * Sentences scored after every epoch for early stopping instead of a
     * held-out fraction (then heldout is ignored); borrowed; NULL for none.
     */
    const erg_corpus *dev;
    int patience; /* stop after this many epochs without a better held-out F1 (default 3) */
    int prune;    /* drop features whose largest quantized weight is below this (default 1) */
    /*
     * Word lists turned into features and stored in the model: the folder of
     * the gazetteers (first_names.txt, places.txt, org_words.txt, titles.tsv,
     * outlets.tsv, as in data/) and a file written by erg_ner_clusters; NULL
     * for none (then the model has no gazetteer or cluster features).
     */
    const char *gazetteers;
    const char *clusters;
    /*
     * Word-vector classes at three levels, WORD<TAB>C1<TAB>C2<TAB>C3
     * (data/glove_clusters.tsv, made by data/tools/glove_clusters.py); stored
     * in the model; NULL for none (then no word-vector features).
     */
    const char *vector_clusters;
    /*
     * Feature templates to add to or take from the default set, as
     * "+name,-name" (names as `erg train --help` lists them); NULL for the
     * default set. An unknown name is ERG_EINVAL.
     */
    const char *features;
    /*
     * Knowledge lists (erg/knowledge.h) for the knowledge-list features:
     * borrowed, and borrowed by the models trained (they must outlive them);
     * NULL for none. The model's file says it used them; the lists are not
     * in it (erg_model_load_knowledge gives them back).
     */
    const struct erg_knowledge *knowledge;
    /*
     * Also train on a Title Case copy of every title_case-th sentence of 4+
     * words (labels unchanged), so that headlines are tagged; 0 for none.
     */
    uint32_t title_case;
    /*
     * Document features (default 5): the model also learns from what a first
     * pass said of the same word elsewhere in the document; that first pass
     * is made on the training data by doc_folds models, each trained without
     * one fold of the documents. 0 for none. Needs -DOCSTART- lines.
     */
    int doc_folds;
} erg_train_options;

/* Fills o with the defaults above. */
void erg_train_options_init(erg_train_options *o);

/*
 * Trains a model on c: shuffled epochs of an averaged perceptron, keeping the
 * epoch that scores best on the held-out sentences (or the last epoch when
 * there are none). ERG_EINVAL for an empty corpus or bad options, ERG_ENOMEM.
 * The caller frees *out with erg_model_free.
 */
erg_status erg_ner_train(erg_model **out, const erg_corpus *c, const erg_train_options *opt,
                         erg_error *err);

/* ---- word clusters from unlabeled text ----------------------------------------- */

#define ERG_CLUSTER_LEVELS 4

typedef struct erg_cluster_options {
    int min_count;                        /* words seen fewer times are not clustered (3) */
    int iterations;                       /* exchange passes over the vocabulary at most (10) */
    size_t n_classes;                     /* levels, at most ERG_CLUSTER_LEVELS (2) */
    unsigned classes[ERG_CLUSTER_LEVELS]; /* classes per level, 2..4096 (64, 512) */
} erg_cluster_options;

void erg_cluster_options_init(erg_cluster_options *o);

/*
 * Clusters the words of c (labels ignored, matched case-insensitively) with
 * the exchange algorithm over a class-bigram model, once per level, and
 * writes path: '#' comment lines, then one line per word
 * `WORD<TAB>CLASS<TAB>CLASS...` (one class per level). Deterministic: the same
 * text and options give the same bytes. Time about iterations * (distinct
 * bigrams) * classes. ERG_EINVAL on bad options or an empty corpus, ERG_EIO.
 */
erg_status erg_ner_clusters(const erg_corpus *c, const erg_cluster_options *o, const char *path,
                            erg_error *err);

/* Counts for exact-match span scoring, as conlleval counts them. */
typedef struct erg_eval_counts {
    uint64_t tokens;
    uint64_t tokens_correct;
    uint64_t gold[ERG_CLASS_COUNT];    /* gold spans per class */
    uint64_t guess[ERG_CLASS_COUNT];   /* predicted spans per class */
    uint64_t correct[ERG_CLASS_COUNT]; /* predicted spans equal to a gold span, same class */
    /*
     * Tokens by the class of their gold label (row) and of their predicted
     * label (column); index ERG_CLASS_COUNT is O.
     */
    uint64_t confusion[ERG_CLASS_COUNT + 1][ERG_CLASS_COUNT + 1];
} erg_eval_counts;

/* Tags every sentence of c with m and fills counts (zeroed first). */
erg_status erg_ner_eval(const erg_model *m, const erg_corpus *c, erg_eval_counts *counts,
                        erg_error *err);

/*
 * Called by erg_ner_eval_visit once per sentence with its n words, gold and
 * predicted labels (all borrowed for the call).
 */
typedef void (*erg_eval_visitor)(void *ctx, const erg_word *words, const uint8_t *gold,
                                 const uint8_t *guess, size_t n);

/* erg_ner_eval that also shows every tagged sentence to visit (which may be NULL). */
erg_status erg_ner_eval_visit(const erg_model *m, const erg_corpus *c, erg_eval_counts *counts,
                              erg_eval_visitor visit, void *ctx, erg_error *err);

/* A labelled span: labels [start, end) of one class. */
typedef struct erg_eval_span {
    uint32_t start;
    uint32_t end;
    erg_class cls;
} erg_eval_span;

/*
 * Writes the spans of n IOB2 labels, as conlleval reads them (a span starts
 * at B-X, or at I-X after O or another class), into out (at most cap) and
 * returns how many there are, which may exceed cap. O(n).
 */
size_t erg_eval_spans(const uint8_t *labels, size_t n, erg_eval_span *out, size_t cap);

/* Adds the spans of one sentence (gold vs guess, n IOB2 labels each) to counts. */
void erg_eval_add(erg_eval_counts *counts, const uint8_t *gold, const uint8_t *guess, size_t n);

#ifdef __cplusplus
}
#endif
#endif
