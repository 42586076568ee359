/*
 * erg/knowledge.h: world knowledge from free name lists (data/knowledge/):
 * which lists name a phrase of an article (companies, government bodies,
 * universities, clubs, newspapers, broadcasters, parties, surnames, first
 * names, common lower-case words), the longest listed phrases of a sentence
 * (what tagger features need), and the organization kind the lists support
 * for a mention (typing evidence). Part of the ner module.
 *
 * Phrases are compared by the merge key of their words (erg_text_name_key:
 * case, diacritics, dots, hyphens and a final possessive ignored), word by
 * word over the tokens of erg_text_tokenize, so "Wells Fargo & Co.",
 * "WELLS FARGO & CO" and "Wells-Fargo & Co" are one phrase.
 */
#ifndef ERG_KNOWLEDGE_H
#define ERG_KNOWLEDGE_H

#include "erg/common.h"
#include "erg/ner.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a list says of a phrase: bits, one per kind of list. */
typedef enum erg_know_kind {
    ERG_KNOW_COMPANY = 1u << 0,     /* company.*.txt */
    ERG_KNOW_GOVERNMENT = 1u << 1,  /* government.*.txt: agencies, ministries, public bodies */
    ERG_KNOW_UNIVERSITY = 1u << 2,  /* university.*.txt */
    ERG_KNOW_CLUB = 1u << 3,        /* club.*.txt: sports clubs and teams */
    ERG_KNOW_NEWSPAPER = 1u << 4,   /* newspaper.*.txt (and magazines) */
    ERG_KNOW_BROADCASTER = 1u << 5, /* broadcaster.*.txt: TV and radio */
    ERG_KNOW_PARTY = 1u << 6,       /* party.*.txt: political parties */
    ERG_KNOW_SURNAME = 1u << 7,     /* surname.*.txt */
    ERG_KNOW_FIRST_NAME = 1u << 8,  /* first_name.*.txt */
    ERG_KNOW_COMMON_WORD = 1u << 9  /* common_word.*.txt: words mostly written in lower case */
} erg_know_kind;
#define ERG_KNOW_KIND_COUNT 10

/* Kinds that name an organization other than an outlet, and outlets. */
#define ERG_KNOW_AGENCY_KINDS                                                                      \
    (ERG_KNOW_COMPANY | ERG_KNOW_GOVERNMENT | ERG_KNOW_UNIVERSITY | ERG_KNOW_CLUB | ERG_KNOW_PARTY)
#define ERG_KNOW_OUTLET_KINDS (ERG_KNOW_NEWSPAPER | ERG_KNOW_BROADCASTER)

/* The longest phrase the lists may hold, in words of merge keys; longer lines are skipped. */
#define ERG_KNOW_MAX_WORDS 16

/* "company", "government", ... for one bit (the file name prefix); NULL for anything else. Static.
 */
const char *erg_know_kind_name(erg_know_kind kind);

/* The loaded lists; immutable, so one may serve many threads. */
typedef struct erg_knowledge erg_knowledge;

/*
 * Loads every KIND.SOURCE.txt file of dir (other files, such as the
 * LICENSE.* files, are skipped): one phrase a line, blank lines and lines
 * starting with '#' skipped, KIND one of the names erg_know_kind_name gives.
 * NULL dir means the folder "knowledge" of the data folder (erg_data_path).
 * A phrase listed in several files gets the kinds of all. ERG_ENOTFOUND when
 * dir does not exist, ERG_EFORMAT naming the file for a .txt file of an
 * unknown kind, ERG_EIO, ERG_ENOMEM. Linear in the size of the lists (each
 * file is tokenized once). The caller frees *out with erg_knowledge_free.
 */
erg_status erg_knowledge_load(erg_knowledge **out, const char *dir, erg_error *err);
void erg_knowledge_free(erg_knowledge *k);

/*
 * The lists erg_gazetteer_load read from the folder "knowledge" of its data
 * folder (borrowed from g; they live as long as g), or NULL when there was
 * no such folder or g is NULL. The typing stage takes its evidence from them.
 */
const erg_knowledge *erg_gazetteer_knowledge(const erg_gazetteer *g);

/*
 * Gives g the lists k in place of the ones it read (which are freed); g
 * owns k from then on (NULL: no lists). Call before g is shared between
 * threads.
 */
void erg_gazetteer_set_knowledge(erg_gazetteer *g, erg_knowledge *k);

/* Number of distinct phrases loaded; 0 for NULL. */
size_t erg_knowledge_size(const erg_knowledge *k);

/*
 * Reusable matching state (merge keys and per-word hashes of a sentence):
 * caller-owned, _init before use and _release after; grows to the longest
 * sentence seen, so matching allocates only while it grows.
 */
typedef struct erg_know_scratch {
    uint64_t *mul; /* private: per word, the hash multiplier of its key's words */
    uint64_t *add; /* private: per word, its key's words' hash contribution */
    uint8_t *nkw;  /* private: per word, number of key words (0: "'s", ignored) */
    size_t cap;
    erg_buf key;
} erg_know_scratch;

void erg_know_scratch_init(erg_know_scratch *s);
void erg_know_scratch_release(erg_know_scratch *s);

/*
 * The kinds (erg_know_kind bits) of the lists that hold the phrase made of
 * the n words exactly (no more, no fewer words); 0 when none does, when n is
 * 0 or k is NULL. ERG_ENOMEM (with *kinds 0) only when s cannot grow.
 */
erg_status erg_knowledge_phrase(const erg_knowledge *k, const erg_word *words, size_t n,
                                erg_know_scratch *s, unsigned *kinds);

/* Listed phrases at one word of a sentence. */
typedef struct erg_know_match {
    uint32_t len;    /* words of the longest listed phrase starting here; 0 for none */
    uint32_t kinds;  /* kinds of that phrase */
    uint32_t inside; /* kinds of the longest phrases that cover this word without starting at it */
} erg_know_match;

/*
 * For each of the n words of a sentence, the longest listed phrase starting
 * at it (out[i].len words, of kinds out[i].kinds: a B- feature) and the kinds
 * of the longest phrases starting earlier that cover it (out[i].inside: an
 * I- feature). A phrase never starts or ends on a word whose key is empty
 * ("'s"). out has n entries (caller-owned). About (1 + phrase length) hash
 * lookups per word: matching stops when the words so far begin no listed
 * phrase. ERG_ENOMEM when s cannot grow (out is then all zero).
 */
erg_status erg_knowledge_matches(const erg_knowledge *k, const erg_word *words, size_t n,
                                 erg_know_scratch *s, erg_know_match *out);

/* How far the lists support an organization type for a mention. */
typedef enum erg_know_strength {
    ERG_KNOW_NONE = 0, /* no list names it as an organization */
    ERG_KNOW_WEAK,     /* one word that is also a common word, a surname or a first name,
                          or an abbreviation (two characters or fewer, or written with a dot) */
    ERG_KNOW_STRONG    /* a phrase of two or more words, or one word that is none of those */
} erg_know_strength;

typedef struct erg_know_evidence {
    erg_type type;              /* ERG_TYPE_AGENCY or ERG_TYPE_OUTLET; ERG_TYPE_MISC for none */
    erg_know_strength strength; /* ERG_KNOW_NONE when type is ERG_TYPE_MISC */
    unsigned kinds;             /* every kind the lists give the phrase */
    bool decisive;              /* strong, or weak for a mention the tagger already called ORG */
} erg_know_evidence;

/*
 * What the lists say of a mention of n words that the tagger typed cls: the
 * phrase is looked up as it is and, when it starts with "the", without it.
 * An outlet list wins over an organization list ("Reuters" is both a company
 * and a wire service: an outlet). Strength counts words of merge keys ("Coca-
 * Cola" is two): a one-word phrase is weak when it is also a common lower-
 * case word, a census surname or a first name ("Target", "Wells"), or is
 * written in two characters or fewer or with a dot ("HK", "Va.": state and
 * country abbreviations collide with acronyms), else strong. decisive says whether the evidence may
 * decide the type alone: a strong match always, a weak one only when cls is ERG_CLASS_ORG (the
 * tagger already says organization; the lists only choose agency or outlet). ERG_ENOMEM only when s
 * cannot grow (out then says none). A few hash lookups.
 */
erg_status erg_knowledge_evidence(const erg_knowledge *k, const erg_word *words, size_t n,
                                  erg_class cls, erg_know_scratch *s, erg_know_evidence *out);

/* ---- the tagger's knowledge features ------------------------------------------ */

/*
 * Whether m was trained with knowledge-list features (erg_train_options
 * .knowledge): then its taggers need the lists, given by
 * erg_model_set_knowledge or erg_model_load_knowledge before erg_tagger_new
 * (which fails with ERG_EINVAL otherwise). The lists should be the ones the
 * model was trained with; other lists give other features.
 */
bool erg_model_uses_knowledge(const erg_model *m);

/*
 * Gives m the lists k (borrowed: k must outlive m and its taggers; NULL
 * takes them away). Call before m is shared between threads.
 */
void erg_model_set_knowledge(erg_model *m, const erg_knowledge *k);

/*
 * Loads the lists of dir (NULL: the data folder's knowledge/, as
 * erg_knowledge_load) and gives them to m, which owns them
 * (erg_model_free frees them). Errors as erg_knowledge_load.
 */
erg_status erg_model_load_knowledge(erg_model *m, const char *dir, erg_error *err);

/* The lists m holds, NULL for none; borrowed from m. */
const erg_knowledge *erg_model_knowledge(const erg_model *m);

#ifdef __cplusplus
}
#endif
#endif
