/*
 * erg/ner.h: the statistical tagger (features, model file, decoding), the
 * gazetteers, and the typing stage that turns tagged spans into typed
 * mentions (person, agency, outlet, place, misc). Training, corpora, word
 * clusters and evaluation are in erg/ner_learn.h.
 */
#ifndef ERG_NER_H
#define ERG_NER_H

#include "erg/common.h"
#include "erg/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* IOB2 labels over the CoNLL types. B-X = 2*X+1, I-X = 2*X+2. */
typedef enum erg_label {
    ERG_LABEL_O = 0,
    ERG_LABEL_B_PER,
    ERG_LABEL_I_PER,
    ERG_LABEL_B_ORG,
    ERG_LABEL_I_ORG,
    ERG_LABEL_B_LOC,
    ERG_LABEL_I_LOC,
    ERG_LABEL_B_MISC,
    ERG_LABEL_I_MISC,
    ERG_LABEL_COUNT
} erg_label;

/* CoNLL classes, in label order: PER=0, ORG=1, LOC=2, MISC=3. */
typedef enum erg_class {
    ERG_CLASS_PER = 0,
    ERG_CLASS_ORG,
    ERG_CLASS_LOC,
    ERG_CLASS_MISC
} erg_class;
#define ERG_CLASS_COUNT 4
#define ERG_LABEL_CLASS(l) ((erg_class)(((l)-1) / 2))
#define ERG_LABEL_IS_B(l) ((l) != ERG_LABEL_O && ((l)-1) % 2 == 0)

/* "O", "B-PER", ...; static. */
const char *erg_label_name(erg_label l);
/* "PER", "ORG", "LOC", "MISC"; static. */
const char *erg_class_name(erg_class c);

/* A word given to the tagger: n bytes at s (not NUL-terminated). */
typedef struct erg_word {
    const char *s;
    uint32_t n;
} erg_word;

/* ---- model ---------------------------------------------------------------- */

/* A trained model; immutable once loaded, so one model may serve many taggers and threads. */
typedef struct erg_model erg_model;

/*
 * Loads a model file written by erg_model_save. ERG_EIO when it cannot be
 * read, ERG_EFORMAT when it is not an erg model, of an unknown version,
 * truncated or corrupt (every byte is covered by a checksum). Reads the file
 * once; linear in its size. The caller frees *out with erg_model_free.
 */
erg_status erg_model_load(erg_model **out, const char *path, erg_error *err);

/*
 * Writes the model (atomically, through erg_outfile). The bytes depend only
 * on the model, so training twice with the same data and seed gives the same
 * file. ERG_EIO on failure.
 */
erg_status erg_model_save(const erg_model *m, const char *path, erg_error *err);

void erg_model_free(erg_model *m);

/* Number of weighted features the model holds (what pruning kept). */
size_t erg_model_feature_count(const erg_model *m);

/*
 * Finds the default model when no --model is given: $ERG_MODEL if set, else
 * data/erg.model beside the executable's parent folders (a build tree), else
 * the source tree's data/ and the installed data folder known at build time.
 * Writes the path into buf (cap bytes). ERG_ENOTFOUND when none exists.
 */
erg_status erg_model_default_path(char *buf, size_t cap, erg_error *err);

/* ---- tagging ---------------------------------------------------------------- */

/* Per-thread tagging state: feature and score buffers reused across calls. */
typedef struct erg_tagger erg_tagger;

/* The tagger borrows m, which must outlive it. */
erg_status erg_tagger_new(erg_tagger **out, const erg_model *m, erg_error *err);
void erg_tagger_free(erg_tagger *t);

/*
 * Tags one sentence of n words, writing n labels into labels (caller-owned,
 * n entries). The output is well-formed IOB2 (an I-X always follows B-X or
 * I-X). Allocates only when n exceeds every earlier sentence length.
 */
erg_status erg_tagger_tag(erg_tagger *t, const erg_word *words, size_t n, uint8_t *labels,
                          erg_error *err);

/*
 * Tags every sentence of doc (tokens over text) and writes doc->n_tokens
 * labels into labels (caller-owned).
 */
erg_status erg_tagger_tag_doc(erg_tagger *t, const char *text, const erg_doc *doc, uint8_t *labels,
                              erg_error *err);

/*
 * Tags the n_sent sentences words[first[k], end[k]) of one document (n words
 * in all) together, as erg_tagger_tag_doc does for raw text: the second pass
 * sees what the first said of each capitalized word elsewhere in the
 * document. Writes n labels (caller-owned); words outside every sentence get
 * O. ERG_EINVAL when a sentence runs past n.
 */
erg_status erg_tagger_tag_sentences(erg_tagger *t, const erg_word *words, size_t n,
                                    const uint32_t *first, const uint32_t *end, size_t n_sent,
                                    uint8_t *labels, erg_error *err);

/* ---- gazetteers and typed mentions -------------------------------------------- */

/*
 * Name lists read from a data folder: outlets (with aliases), organization
 * words, titles and reporting verbs. Immutable once loaded.
 */
typedef struct erg_gazetteer erg_gazetteer;

/*
 * Loads the gazetteers from dir (the folder holding outlets.tsv and
 * outlet_cues.txt; data/README.md gives their format), with the word lists
 * below and, when dir has a folder "knowledge", the knowledge lists
 * (erg/knowledge.h, erg_gazetteer_knowledge). NULL dir means the default
 * data folder (erg_data_path).
 * ERG_EIO/ERG_EFORMAT naming the file and line on failure.
 */
erg_status erg_gazetteer_load(erg_gazetteer **out, const char *dir, erg_error *err);
void erg_gazetteer_free(erg_gazetteer *g);

/*
 * Looks a name up in the outlet list by its merge key (erg_text_name_key).
 * Returns the outlet's canonical name (borrowed from g) or NULL.
 */
const char *erg_gazetteer_outlet(const erg_gazetteer *g, const char *key);

/*
 * The outlet behind an article's source field ("BBC News", "bbc.co.uk",
 * "Reuters (Reuters-21578 Distribution 1.0)", "www.nytimes.com"): the
 * canonical name (borrowed from g) of the listed outlet found by merge key
 * for, in turn, the whole string; the string without a parenthesized tail
 * ("Reuters"); and, when the string is a domain name (dotted labels of
 * letters, digits and hyphens, optionally behind "http://", "https://" and
 * before a '/'), its registrable label -- the label before the public
 * suffix, where the suffix is the last label, or the last two when the last
 * is a two-letter country code and the one before it is com, co, org, net,
 * gov, edu, ac, ne, or or go ("bbc.co.uk" -> "bbc", "www.nytimes.com" ->
 * "nytimes"), looked up as a key, then against the keys of names with
 * their spaces and a leading "the" taken out ("theguardian" -> The
 * Guardian; a form two outlets share counts for neither). NULL when none
 * is listed, for a NULL or empty source, or a NULL g. scratch is reused for
 * the keys; ERG_ENOMEM on it gives NULL. A few hash lookups; no allocation
 * once scratch has grown.
 */
const char *erg_gazetteer_source_outlet(const erg_gazetteer *g, const char *source,
                                        erg_buf *scratch);

/*
 * The kind of the outlet whose merge key is key: "wire", "broadcaster",
 * "newspaper", "magazine" or "site" (static), or NULL when key is not listed.
 */
const char *erg_gazetteer_outlet_kind(const erg_gazetteer *g, const char *key);

/*
 * Word lists of the data folder, read by erg_gazetteer_load when present:
 * roles.txt and titles.tsv's titles used "title" (role nouns: "MP",
 * "spokesman"), nationalities.txt
 * ("Welsh", "West German") and religions.txt ("Muslim"), both
 * ERG_LIST_NATIONALITY: groups of people, legal_suffixes.txt ("Inc", "Ltd"),
 * first_names.txt, places.txt, generic_bodies.txt ("ministry", "district
 * court") and quantifiers.txt ("many", "several"), all looked up by merge
 * key. The lists of the typing rules and the resolver hold entries as
 * written (looked up byte for byte: "May" is a month, "may" is not):
 * calendar_words.txt, media_nouns.txt, quote_marks.txt, count_words.txt,
 * sentence_openers.txt, company_seats.txt, compound_tails.txt,
 * person_nouns.txt, person_modifiers.txt, place_prepositions.txt,
 * kin_nouns.txt, outlet_tails.txt (lower case), generic_media.txt and
 * generic_org_heads.txt (merge keys), acronym_skip_words.txt (lower case) and
 * short_words.txt, and titles.tsv's titles used "strip" (lower case without
 * trailing dots: "mr", "colonel", words the resolver strips from the front
 * of a person's name), domain_labels.txt (lower case: "co", "com", second-
 * level labels that belong to a domain's public suffix, as in "bbc.co.uk"),
 * alias_cues.txt (as written: "born", "known as", words before a person's
 * second name), finite_verbs.txt (as written: auxiliaries and modals that
 * begin a clause's verb: "would", "had"), firm_connectives.txt (as
 * written: "and", "&", "et", the word before the last partner of a firm's
 * name: "Kidder, Peabody and Co"), country_bodies.txt (merge keys: bodies
 * of several words one to a country, "central bank"), firm_partners.txt
 * (as written: "Sons", "Associates", a firm's partners after "and").
 */
typedef enum erg_word_list {
    ERG_LIST_ROLE = 1,
    ERG_LIST_NATIONALITY = 2,
    ERG_LIST_LEGAL = 4,
    ERG_LIST_FIRST_NAME = 8,
    ERG_LIST_PLACE = 16,
    ERG_LIST_GENERIC_BODY = 32,
    ERG_LIST_QUANTIFIER = 64,
    ERG_LIST_CALENDAR = 1 << 7,
    ERG_LIST_MEDIA_NOUN = 1 << 8,
    ERG_LIST_QUOTE_MARK = 1 << 9,
    ERG_LIST_COUNT_WORD = 1 << 10,
    ERG_LIST_OPENER = 1 << 11,
    ERG_LIST_COMPANY_SEAT = 1 << 12,
    ERG_LIST_COMPOUND_TAIL = 1 << 13,
    ERG_LIST_PERSON_NOUN = 1 << 14,
    ERG_LIST_PERSON_MOD = 1 << 15,
    ERG_LIST_PLACE_PREP = 1 << 16,
    ERG_LIST_KIN = 1 << 17,
    ERG_LIST_OUTLET_TAIL = 1 << 18,
    ERG_LIST_GENERIC_MEDIA = 1 << 19,
    ERG_LIST_GENERIC_ORG = 1 << 20,
    ERG_LIST_ACRONYM_SKIP = 1 << 21,
    ERG_LIST_SHORT_WORD = 1 << 22,
    ERG_LIST_PERSON_TITLE = 1 << 23,
    ERG_LIST_DOMAIN_LABEL = 1 << 24,
    ERG_LIST_ALIAS_CUE = 1 << 25,
    ERG_LIST_FINITE_VERB = 1 << 26,
    ERG_LIST_FIRM_CONNECTIVE = 1 << 27,
    ERG_LIST_COUNTRY_BODY = 1 << 28,
    ERG_LIST_FIRM_PARTNER = 1 << 29
} erg_word_list;

/*
 * Is key[0..n), a merge key (erg_text_name_key: "west german", "co"), an
 * entry of the word list? False for a NULL g or key.
 */
bool erg_gazetteer_listed(const erg_gazetteer *g, erg_word_list list, const char *key, size_t n);

/* Number of outlets in g; *names (may be NULL) receives the number of distinct
 * names, canonical names and aliases together. 0 for a NULL g. */
size_t erg_gazetteer_size(const erg_gazetteer *g, size_t *names);

/* One mention: bytes [start, end) of the text, tokens [tok_first, tok_end). */
typedef struct erg_mention {
    uint32_t start;
    uint32_t end;
    uint32_t tok_first;
    uint32_t tok_end;
    uint32_t sentence;
    erg_type type;         /* person, agency, outlet, place or misc */
    erg_class cls;         /* what the tagger said; for a name it did not tag, the class the
                              rule found (an outlet by the gazetteer alone is ORG) */
    int32_t entity;        /* index into the article's erg_local_entities, -1 until resolved */
    uint16_t rule;         /* the erg_rule (erg/typing.h) that last changed the span or type;
                              0 (ERG_RULE_TAGGER): the tagger's span and class */
    uint32_t tagged_start; /* bytes of the tagger's span the mention came from, which */
    uint32_t tagged_end;   /* a rule may have cut or extended; 0, 0: the tagger tagged none */
} erg_mention;

/* A growable list of mentions; caller-owned (_init/_release), reused across articles. */
typedef struct erg_mentions {
    erg_mention *items;
    size_t n;
    size_t cap;
    erg_buf scratch;               /* private: merge keys, reused across calls */
    struct erg_know_scratch *know; /* private: knowledge matching state, made on first use */
} erg_mentions;

void erg_mentions_init(erg_mentions *m);
void erg_mentions_release(erg_mentions *m);

/*
 * The typing stage (src/ner/typing.c): turns the labels of a tagged doc into
 * mentions (replacing out's content), in text order, by running the rows of
 * one rule table in order; each mention's rule is the id (erg/typing.h) of
 * the rule that last changed its span or type, 0 when none did:
 * - each B-X I-X* run becomes a span; PER -> person, LOC -> place, MISC -> misc;
 * - an ORG span is an outlet when its key is in the outlet list (or the span
 *   is an outlet name followed by "news agency", "news service" and the like)
 *   or its context says so ("X reports/reported", "told X", "X news agency"),
 *   else an agency; an organization word ("Ministry", "Inc.") makes an
 *   agency of an unlisted name, and weak cues ("X said", "according to X")
 *   alone never make an outlet of one (data/README.md gives the order);
 * - an outlet name from the list that the tagger missed or typed otherwise,
 *   written as in the list (case-sensitive, whole tokens, longest first),
 *   becomes an outlet mention, replacing tagged spans that lie inside it;
 *   names marked ambiguous need a tagged ORG or an outlet context;
 * - where the tagger saw no name or another type, the shape or context
 *   decides: an untagged romanized Chinese or Korean name ("Cheng
 *   Chung-tai") is a person, as is a name in an apposition that names a
 *   kind of person (", an Australian woman", "their child, Gloria."), and
 *   an untagged "the <organization word> of <Capitalized words>" is an
 *   organization. Such a mention's cls is what the tagger said (ORG for
 *   "Gloria"), its type what the context says.
 * Spans never cross sentences. gaz may be NULL (then no outlets are
 * recognized, nor "the X of Y" organizations, and the rules' word lists,
 * which the gazetteer holds, are empty). ERG_EINVAL when a label is not an erg_label;
 * ERG_ENOMEM. Allocates only when out must grow.
 */
erg_status erg_ner_mentions(const char *text, const erg_doc *doc, const uint8_t *labels,
                            const erg_gazetteer *gaz, erg_mentions *out, erg_error *err);

#ifdef __cplusplus
}
#endif
#endif
