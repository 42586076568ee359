/*
 * tagger_private.h: what the statistical tagger's files share (features,
 * model layout, decoding, corpora). Not part of the public API: every name
 * here starts with `ner_`.
 */
#ifndef ERG_NER_TAGGER_PRIVATE_H
#define ERG_NER_TAGGER_PRIVATE_H

#include "erg/knowledge.h"
#include "erg/ner.h"
#include "erg/ner_learn.h"

#include <stdint.h>

/* ---- label schemes ----------------------------------------------------------- */

/*
 * The tagger may decode over a richer label set than IOB2 and map back:
 * BILOU (B, I, L, U per class, and O) lets the model learn where spans end.
 */
typedef enum ner_scheme { NER_SCHEME_IOB2 = 0, NER_SCHEME_BILOU = 1 } ner_scheme;

#define NER_MAX_LABELS 17

typedef struct ner_labelset {
    ner_scheme scheme;
    int n;                                         /* labels in the scheme */
    uint8_t to_iob2[NER_MAX_LABELS];               /* internal label -> erg_label */
    bool start_ok[NER_MAX_LABELS];                 /* may open a sentence */
    bool end_ok[NER_MAX_LABELS];                   /* may close a sentence */
    bool trans_ok[NER_MAX_LABELS][NER_MAX_LABELS]; /* [prev][cur] */
    uint8_t n_pred[NER_MAX_LABELS];                /* labels allowed before cur ... */
    uint8_t pred[NER_MAX_LABELS][NER_MAX_LABELS];  /* ... and which they are */
} ner_labelset;

/* Fills ls for scheme s; false when s is unknown. */
bool ner_labelset_init(ner_labelset *ls, uint32_t scheme);

/* Maps n well-formed IOB2 labels to the scheme's labels. */
void ner_labels_from_iob2(const ner_labelset *ls, const uint8_t *iob2, size_t n, uint8_t *out);

/* ---- word analysis and features ---------------------------------------------- */

/* Word flags computed once per token. */
enum {
    NER_W_CAP = 1u << 0,      /* first letter is upper case */
    NER_W_ALLCAP = 1u << 1,   /* every letter upper case (at least one letter) */
    NER_W_ALLLOW = 1u << 2,   /* every letter lower case (at least one letter) */
    NER_W_MIXED = 1u << 3,    /* an upper-case letter after a lower-case one */
    NER_W_DIGIT = 1u << 4,    /* holds a digit */
    NER_W_ALLDIGIT = 1u << 5, /* only digits */
    NER_W_HYPHEN = 1u << 6,
    NER_W_DOT = 1u << 7,
    NER_W_APOS = 1u << 8,
    NER_W_NOALNUM = 1u << 9,   /* no letter nor digit: punctuation */
    NER_W_INITIAL = 1u << 10,  /* one upper-case letter then a dot */
    NER_W_SENTUP = 1u << 16,   /* most words of the sentence are in capitals (set by context) */
    NER_W_SENTTITLE = 1u << 17 /* most words of the sentence are capitalized: a headline */
};

/* What the feature templates need of one token; filled by ner_word_analyze. */
typedef struct ner_wordinfo {
    uint64_t raw;    /* hash of the word as written */
    uint64_t low;    /* hash of the lower-cased word */
    uint64_t shape;  /* character classes, runs cut at 4: "Xxxxx", "dd-dd" */
    uint64_t sshape; /* character classes, runs cut at 1: "Xx", "d-d" */
    uint64_t pre[4]; /* lower-cased prefixes of 1..4 characters (0 when shorter) */
    uint64_t suf[4]; /* lower-cased suffixes of 1..4 characters */
    uint32_t flags;  /* NER_W_... */
    uint32_t nchars; /* code points */
    uint32_t lowfp;  /* fingerprint of the lower-cased word for the word table */
    uint8_t wclass;  /* case profile from the model's word table (0 unknown) */
    uint8_t eclass;  /* entity profile from the model's word table (0 unknown) */
    uint64_t lex;    /* gazetteer bits and cluster classes from the word table (0 unknown) */
    uint8_t docv;    /* what the rest of the document says of the word (ner_doc_values), 0 none */
    uint8_t own;     /* the word's class in the first pass (0 O, 1 + class), with docv */
    uint64_t know;   /* roles in listed phrases (NER_KNOW_BIT), 0 none; set by ner_know_sentence */
} ner_wordinfo;

/*
 * The lexicon value of a word (64 bits): gazetteer bits in the low byte
 * (NER_G_...), then the `erg clusters` class + 1 at the first level (8 bits)
 * and at the second (16 bits); above bit 32 the word-vector class + 1 at
 * three levels (8, 10 and 12 bits: data/glove_clusters.tsv). 0 means
 * not in that list / not clustered.
 */
enum {
    NER_G_FIRST = 1u << 0,       /* a first name */
    NER_G_PLACE = 1u << 1,       /* a one-word place name (country, capital, city, state) */
    NER_G_PLACE_PART = 1u << 2,  /* a word of a longer place name */
    NER_G_ORGW = 1u << 3,        /* an organization word: Ministry, Party, Inc. */
    NER_G_TITLE = 1u << 4,       /* a title or role: President, Colonel, spokesman */
    NER_G_OUTLET = 1u << 5,      /* a one-word news outlet name */
    NER_G_OUTLET_PART = 1u << 6, /* a word of a longer outlet name */
};
#define NER_LEX_GAZ(v) ((v)&0xffu)
#define NER_LEX_C1(v) (((v) >> 8) & 0xffu)
#define NER_LEX_C2(v) (((v) >> 16) & 0xffffu)
#define NER_LEX_V1(v) ((uint32_t)((v) >> 32) & 0xffu)
#define NER_LEX_V2(v) ((uint32_t)((v) >> 40) & 0x3ffu)
#define NER_LEX_V3(v) ((uint32_t)((v) >> 50) & 0xfffu)
#define NER_LEX_VECTORS(v) ((v) >> 32)

/* Lexicon entries sorted by word fingerprint. */
typedef struct ner_lexicon {
    uint32_t *fp;
    uint64_t *val;
    size_t n;
} ner_lexicon;

/*
 * Builds the lexicon from the gazetteer lists of gaz_dir (first_names.txt,
 * places.txt, org_words.txt, titles.tsv, outlets.tsv; NULL for none), a
 * file of `erg clusters` (NULL for none) and a file of word-vector classes,
 * WORD<TAB>C1<TAB>C2<TAB>C3 as data/tools/glove_clusters.py writes (NULL for
 * none). ERG_EIO/ERG_EFORMAT naming the file.
 */
erg_status ner_lexicon_build(ner_lexicon *lx, const char *gaz_dir, const char *clusters,
                             const char *vclusters, erg_error *err);
void ner_lexicon_release(ner_lexicon *lx);
uint64_t ner_lexicon_get(const ner_lexicon *lx, uint32_t fp);

/* Case profile of a lower-cased word over the training data. */
enum {
    NER_CASE_UNSEEN = 0,
    NER_CASE_LOWER = 1, /* seen only lower-case (not counting sentence starts) */
    NER_CASE_MOSTLY_LOWER = 2,
    NER_CASE_MIXED = 3,
    NER_CASE_MOSTLY_CAP = 4,
    NER_CASE_CAP = 5,       /* seen only capitalized */
    NER_CASE_ONLY_START = 6 /* seen only at sentence starts or in all-caps sentences */
};

/*
 * Entity profile of a lower-cased word over the training data: 0 unseen,
 * 1 + c when two thirds of its occurrences are of class c (O = 0, then PER,
 * ORG, LOC, MISC), 6 when mixed. The word table holds case | entity << 3.
 */
#define NER_ENT_MIXED 6
#define NER_WORD_VALUE(cs, ent) ((uint8_t)((cs) | (ent) << 3))

/* Analyzes n bytes of one word. */
void ner_word_analyze(const char *s, size_t n, ner_wordinfo *wi);

/*
 * The feature templates. A model stores the mask of templates it was trained
 * with, so new templates can be added without breaking old model files: give
 * the template the next id (before NER_T_COUNT), emit its hashes in
 * ner_extract under ON(id), and add it to NER_FEATURES_DEFAULT when it pays.
 * Templates that need a word resource (clusters, gazetteer hits) read it
 * through ner_wordinfo, filled from the model like wclass; such a resource
 * is a new part of the model file and so a new file version. With every
 * template on, a token has at most 79 features (NER_MAX_FEATS bounds it):
 * 67, 9 of NER_T_KNOW (one per kind group) and 3 of NER_T_KNOW_CTX.
 * Off by default because they did not raise CoNLL dev F1: the bigrams at
 * distance 2, LEN, RAWM1, SHAPE_LOW and ENT; KNOW_CTX did not raise the
 * cross-validated F1 on CoNLL train.txt (tests/bench/cv.sh).
 */
enum {
    NER_T_BIAS = 0,
    NER_T_LOW0,
    NER_T_RAW0,
    NER_T_SHAPE0,
    NER_T_SSHAPE0,
    NER_T_PRE, /* 1..4 */
    NER_T_SUF, /* 1..4 */
    NER_T_LOWM1,
    NER_T_LOWM2,
    NER_T_LOWP1,
    NER_T_LOWP2,
    NER_T_BI_M1_0, /* low[-1] low[0] */
    NER_T_BI_0_P1, /* low[0] low[+1] */
    NER_T_BI_M2_M1,
    NER_T_BI_P1_P2,
    NER_T_SSHAPE_WIN, /* sshape[-1], sshape[+1], pairs and the triple */
    NER_T_FLAGS0,
    NER_T_CASE0,    /* case profile x capitalization x sentence start */
    NER_T_CASE_WIN, /* case profile of the neighbours */
    NER_T_SENTUP,   /* the sentence is in capitals x short shape */
    NER_T_LEN,
    NER_T_RAWM1,     /* raw words at -1, +1 */
    NER_T_SHAPE_LOW, /* low[-1] x sshape[0], sshape[0] x low[+1] */
    NER_T_ENT,       /* entity profiles of the word and its neighbours */
    NER_T_GAZ,       /* gazetteer bits of the word (x capitalization) and its neighbours */
    NER_T_CLUSTER,   /* cluster classes of the word and its neighbours */
    NER_T_DOC,       /* first-pass classes of the same word elsewhere in the document */
    NER_T_VEC,       /* word-vector classes of the word (x capitalization) and its neighbours */
    NER_T_VEC2,      /* word-vector classes (levels 2, 3) of the words at -2 and +2 */
    NER_T_VEC_BI,    /* level-2 word-vector class pairs: [-1][0] and [0][+1] */
    NER_T_KNOW,      /* role x kind group of the word in phrases of the knowledge lists */
    NER_T_KNOW_CTX,  /* the neighbours' knowledge groups, and the word's set of groups */
    NER_T_COUNT
};

/*
 * Applies a template list "+name,-name,..." (names: the enum's without
 * NER_T_, lower-case: "ent", "bi_m2_m1", "vec") to *mask. ERG_EINVAL naming
 * an unknown template.
 */
erg_status ner_features_parse(const char *spec, uint64_t *mask, erg_error *err);

/* The name of template id (NULL past the last). */
const char *ner_template_name(unsigned id);

#define NER_FEATURES_DEFAULT                                                                       \
    ((1ull << NER_T_BIAS) | (1ull << NER_T_LOW0) | (1ull << NER_T_RAW0) | (1ull << NER_T_SHAPE0) | \
     (1ull << NER_T_SSHAPE0) | (1ull << NER_T_PRE) | (1ull << NER_T_SUF) | (1ull << NER_T_LOWM1) | \
     (1ull << NER_T_LOWM2) | (1ull << NER_T_LOWP1) | (1ull << NER_T_LOWP2) |                       \
     (1ull << NER_T_BI_M1_0) | (1ull << NER_T_BI_0_P1) | (1ull << NER_T_SSHAPE_WIN) |              \
     (1ull << NER_T_FLAGS0) | (1ull << NER_T_CASE0) | (1ull << NER_T_CASE_WIN) |                   \
     (1ull << NER_T_SENTUP) | (1ull << NER_T_GAZ) | (1ull << NER_T_CLUSTER) |                      \
     (1ull << NER_T_DOC) | (1ull << NER_T_VEC) | (1ull << NER_T_KNOW))

/* Upper bound on the features one token may have. */
#define NER_MAX_FEATS 80

/*
 * Extracts the feature hashes of every token of a sentence of n words whose
 * analyses are in wi (n entries, wclass already set): token i gets its
 * features at feats[i * NER_MAX_FEATS], their number in nfeats[i].
 */
void ner_extract(uint64_t mask, const ner_wordinfo *wi, size_t n, uint64_t *feats, uint8_t *nfeats);

/*
 * The NER_T_DOC features of a word with document value d0 (not 0), whose
 * neighbours have dm1 and dp1, first-pass class own and capitalization cap:
 * writes them to f and returns how many (at most NER_DOC_FEATS).
 */
#define NER_DOC_FEATS 4
int ner_doc_features(uint64_t *f, uint8_t dm1, uint8_t d0, uint8_t dp1, uint8_t own, uint32_t cap);

/*
 * Document-level evidence (non-local features, as Ratinov & Roth 2009): a
 * capitalized word gets a value from the first-pass classes of the other
 * capitalized occurrences of the same lower-cased word in its document.
 * The counts live in a reusable hash table.
 */
typedef struct ner_dochash {
    uint32_t *key;      /* word fingerprint */
    uint32_t *gen;      /* a slot is used when its generation is cur */
    uint16_t (*cnt)[5]; /* occurrences per first-pass class */
    size_t cap;
    uint32_t cur;
} ner_dochash;

void ner_dochash_release(ner_dochash *h);

/*
 * For n tokens of one document, fp[i] the word fingerprint of a capitalized
 * token (0 for others) and cls[i] its first-pass class (0 O, 1 + class):
 * writes docv[i], 0 when fp[i] is 0 or the word occurs nowhere else, else
 * 1 when every other occurrence is O, else 2 + 3 * (best class) + agreement
 * (2 all others agree, 1 half of them or more, 0 fewer). ERG_ENOMEM.
 */
erg_status ner_doc_values(ner_dochash *h, const uint32_t *fp, const uint8_t *cls, size_t n,
                          uint8_t *docv);

/* ---- knowledge-list features (NER_T_KNOW, NER_T_KNOW_CTX) ------------------------ */

/* The kinds of erg_know_kind as the tagger groups them: newspapers and broadcasters are one. */
enum {
    NER_KG_COMPANY,
    NER_KG_GOVERNMENT,
    NER_KG_UNIVERSITY,
    NER_KG_CLUB,
    NER_KG_OUTLET,
    NER_KG_PARTY,
    NER_KG_SURNAME,
    NER_KG_FIRST,
    NER_KG_COMMON,
    NER_KG_COUNT
};

/* A word's role in a listed phrase: the one word (U), first (B), inside (I) or last (L) word. */
enum { NER_KR_U, NER_KR_B, NER_KR_I, NER_KR_L, NER_KR_COUNT };
#define NER_KNOW_BIT(role, group) (1ull << ((role)*NER_KG_COUNT + (group)))

/* ner_know_sentence (below, with the scratch) fills ner_wordinfo.know. */

/* ---- word table: a lower-cased word's case profile ------------------------------ */

typedef struct ner_wordtab {
    uint32_t *fp; /* fingerprints, 0 = empty slot */
    uint8_t *cls;
    uint64_t *lex;
    uint32_t mask; /* slots - 1 */
    uint32_t n;
} ner_wordtab;

uint8_t ner_wordtab_get(const ner_wordtab *t, uint32_t fp);
/* The case/entity profile of fp, and its lexicon value in *lex (0 when unknown). */
uint8_t ner_wordtab_get_lex(const ner_wordtab *t, uint32_t fp, uint64_t *lex);

/* ---- the model ------------------------------------------------------------------ */

#define NER_MODEL_MAGIC "ERGMODEL"
#define NER_MODEL_VERSION 3

typedef struct ner_slot {
    uint32_t fp;  /* feature fingerprint, 0 = empty */
    uint32_t row; /* index of its weight row */
} ner_slot;

struct erg_model {
    ner_labelset ls;
    uint64_t feat_mask;
    float scale; /* a weight unit in real terms (for information only) */
    uint32_t n_feats;
    uint32_t slot_mask;
    ner_slot *slots;
    int16_t *rows;   /* n_feats rows of `stride` weights, the first ls.n used, 64-byte aligned */
    uint32_t stride; /* 16 or 32, so that a row is one aligned block the compiler vectorizes */
    int32_t trans[NER_MAX_LABELS + 1][NER_MAX_LABELS]; /* row 0 = sentence start */
    int32_t trans_end[NER_MAX_LABELS];
    ner_wordtab words;
    /* What the file holds, kept to save it again byte for byte. */
    uint32_t *feat_fps; /* n_feats fingerprints in row order, ascending */
    uint32_t *word_fps; /* words.n fingerprints, ascending */
    uint8_t *word_cls;
    uint64_t *word_lex;
    /* Knowledge lists for NER_T_KNOW: borrowed (know) or owned too (know_owned). */
    const erg_knowledge *know;
    erg_knowledge *know_owned;
};

/*
 * Fingerprint of a 64-bit feature hash as stored in the model (never 0). The
 * model keys features by fingerprint alone (its slot too comes from it), so
 * two features that share one are merged when a model is built.
 */
static inline uint32_t ner_fp(uint64_t h)
{
    uint32_t f = (uint32_t)(h >> 32);
    return f ? f : 1u;
}

/* Row number plus one of a feature hash, or 0 when the model does not know it. */
static inline uint32_t ner_model_find(const erg_model *m, uint64_t h)
{
    uint32_t fp = ner_fp(h);
    uint32_t i = fp & m->slot_mask;
    for (;;) {
        uint32_t f = m->slots[i].fp;
        if (f == fp)
            return m->slots[i].row + 1;
        if (f == 0)
            return 0;
        i = (i + 1) & m->slot_mask;
    }
}

static inline const int16_t *ner_model_weights(const erg_model *m, uint32_t row)
{
    return m->rows + (size_t)row * m->stride;
}

/*
 * Builds a model from parts (used by training): takes n features given by
 * fingerprint with their rows of ls->n weights each, sorted by fingerprint by
 * this function, transitions laid out as for ner_viterbi, and the word
 * table entries (word_lex may be NULL: no lexicon). Copies everything.
 */
erg_status ner_model_build(erg_model **out, const ner_labelset *ls, uint64_t feat_mask, float scale,
                           const uint32_t *fps, const int16_t *rows, uint32_t n,
                           const int32_t *trans, const int32_t *trans_end, const uint32_t *word_fps,
                           const uint8_t *word_cls, const uint64_t *word_lex, uint32_t n_words,
                           erg_error *err);

/*
 * A new corpus: src, then a Title Case copy ("EU Fines Google Over Searches")
 * of every every-th sentence of at least 4 words, labels unchanged, so that
 * the model learns headlines. every 0 copies src alone.
 */
erg_status ner_corpus_title_copy(const erg_corpus *src, uint32_t every, erg_corpus **out,
                                 erg_error *err);

/* ---- decoding ------------------------------------------------------------------- */

/*
 * Viterbi over n positions with emission scores em (n * L), transitions
 * trans ((L + 1) rows of NER_MAX_LABELS: row 0 is the sentence start, row
 * p + 1 follows label p) and trans_end, restricted to the scheme's allowed
 * transitions. bp is scratch of n * L bytes, delta of 2 * L int64. Writes
 * n internal labels into out.
 */
void ner_viterbi(const ner_labelset *ls, const int32_t *em, size_t n, const int32_t *trans,
                 const int32_t *trans_end, uint8_t *bp, int64_t *delta, uint8_t *out);

/* ---- corpora -------------------------------------------------------------------- */

struct erg_corpus {
    char *text; /* token bytes, each followed by a NUL */
    size_t text_len, text_cap;
    uint32_t *tok_off;
    uint32_t *tok_len;
    uint8_t *labels; /* IOB2 */
    size_t n_tokens, cap_tokens;
    uint32_t *sent_first; /* n_sent + 1 entries once loaded */
    size_t n_sent, cap_sent;
    erg_word *words; /* rebuilt after each file: pointers into text */
    /*
     * Document of every sentence (n_sent entries): documents start at
     * -DOCSTART- lines and at each file; in a file without -DOCSTART- every
     * sentence is a document of its own (tweets, GMB).
     */
    uint32_t *sent_doc;
    size_t cap_sent_doc;
    uint32_t n_docs;
    bool new_doc; /* the next sentence starts a document */
};

/* A new corpus of the sentences of src whose keep[k] is set, with their documents. */
erg_status ner_corpus_subset(const erg_corpus *src, const uint8_t *keep, erg_corpus **out,
                             erg_error *err);

/* Tagger internals the trainer reuses. */
typedef struct ner_scratch {
    size_t cap;
    ner_wordinfo *wi;
    uint64_t *feats;
    uint8_t *nfeats;
    int32_t *em;
    uint8_t *bp;
    int64_t *delta;
    uint8_t *internal;
    erg_know_scratch ks; /* knowledge-list matching of the sentence */
    erg_know_match *km;  /* cap entries */
} ner_scratch;

void ner_scratch_init(ner_scratch *s);
void ner_scratch_release(ner_scratch *s);
/* Makes room for sentences of n words. */
erg_status ner_scratch_reserve(ner_scratch *s, size_t n, erg_error *err);

/*
 * Sets wi[i].know of the n words of a sentence from the lists k: for each
 * kind group, the word's role in the longest phrase of that group covering
 * it (a phrase that starts earlier wins over one that starts at the word;
 * inside wins over last). 0 everywhere when k is NULL. Matches into s->ks
 * and s->km (s reserved for n words), so it allocates only while they grow.
 * ERG_ENOMEM.
 */
erg_status ner_know_sentence(const erg_knowledge *k, const erg_word *words, size_t n,
                             ner_scratch *s);

/*
 * Tags n_sent sentences of one document: sentence k is words[first[k]] up
 * to words[end[k]] (n_tok words in all, the labels of the others are left
 * alone). When the model has document features, tags twice: the second pass
 * adds what the first said of the same words elsewhere in the document.
 */
erg_status ner_tag_sentences(erg_tagger *t, const erg_word *words, size_t n_tok,
                             const uint32_t *first, const uint32_t *end, size_t n_sent,
                             uint8_t *labels, erg_error *err);

/* Tags sentences s0 to s1 (excluded) of c, one document, into labels (indexed as c's tokens). */
erg_status ner_tag_corpus_doc(erg_tagger *t, const erg_corpus *c, size_t s0, size_t s1,
                              uint8_t *labels, erg_error *err);

/* Sets wclass and lex of n analyzed words from a word table, and the sentence-level flags. */
void ner_words_context(const ner_wordtab *t, ner_wordinfo *wi, size_t n);

#endif
