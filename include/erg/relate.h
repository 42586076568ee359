/*
 * erg/relate.h: edges between the entities of one article, with the
 * sentences that support them.
 */
#ifndef ERG_RELATE_H
#define ERG_RELATE_H

#include "erg/common.h"
#include "erg/ner.h"
#include "erg/resolve.h"
#include "erg/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Relation kinds. co_mention is undirected; the others go subject -> object. */
typedef enum erg_kind {
    ERG_KIND_CO_MENTION = 0,
    ERG_KIND_SPOKESPERSON_FOR,
    ERG_KIND_MEMBER_OF,
    ERG_KIND_LEADS,
    ERG_KIND_REPORTS,
    ERG_KIND_CITES,
    ERG_KIND_ACCUSES,
    ERG_KIND_COUNT
} erg_kind;

/* "co_mention", "spokesperson_for", ...; static. */
const char *erg_kind_name(erg_kind k);
/* ERG_EINVAL when s names no kind. */
erg_status erg_kind_parse(const char *s, erg_kind *out);

/*
 * The pattern that found a typed relation record (erg_relate_typed); the
 * name in quotes is what files and --explain print, then an example.
 * ERG_PATTERN_NONE is a co_mention record's. At most 32 (an edge keeps the
 * set of its records' patterns as a 32-bit mask).
 */
typedef enum erg_pattern {
    ERG_PATTERN_NONE = 0,       /* "none": a co_mention record */
    ERG_PATTERN_TITLE_BEFORE,   /* "title-before": "Unification Ministry spokesman Jeong" */
    ERG_PATTERN_NAME_OF,        /* "name-of": "Nathan Law of Demosisto" */
    ERG_PATTERN_APPOSITION,     /* "apposition": "Kim, a colonel in the army" */
    ERG_PATTERN_APPOSITION_ORG, /* "apposition-org": "Kim, commander, 2nd Battalion" */
    ERG_PATTERN_TITLE_FIRST,    /* "title-first": "A spokesman for the UN, Rupert Colville," */
    ERG_PATTERN_COPULA,         /* "copula": "Qanbar was a commander in the navy" */
    ERG_PATTERN_VERB,           /* "verb": "Park heads Minjoo", "Kim worked for the GRB" */
    ERG_PATTERN_LED_BY,         /* "led-by": "the GRB, led by Kim" */
    ERG_PATTERN_ACCUSES,        /* "accuses": "Minjoo has accused Park" */
    ERG_PATTERN_ACCUSED_BY,     /* "accused-by": "Park was accused by Minjoo" */
    ERG_PATTERN_REPORTS_VERB,   /* "reports-verb": "CNN reports", "..., Fox News reports" */
    ERG_PATTERN_AS_OUTLET,      /* "as-outlet": "as CNN notes" */
    ERG_PATTERN_TOLD,           /* "told": "Kim told CNN" */
    ERG_PATTERN_ACCORDING_TO,   /* "according-to": "according to CNN" */
    ERG_PATTERN_REPORT_BY,      /* "report-by": "a report by CNN" */
    ERG_PATTERN_REPORT_IN,      /* "report-in": "a report in the Gazette" */
    ERG_PATTERN_RELAYED_BY,     /* "relayed-by": "quoted by CNN" */
    ERG_PATTERN_INTERVIEW_WITH, /* "interview-with": "in an interview with CNN" */
    ERG_PATTERN_SAID_OUTLET,    /* "said-outlet": "\"...,\" said CNN" */
    ERG_PATTERN_NESTED_CITE,  /* "nested-cite": "Vela reported that, according to the Gazette, ..."
                               */
    ERG_PATTERN_RELAYED_CITE, /* "relayed-cite": "Yonhap, quoted by CNN" */
    ERG_PATTERN_CITING,       /* "citing": "CNN quotes Yonhap", "..., citing Yonhap" */
    ERG_PATTERN_SOURCE_CITES, /* "source-cites": "the Mirror reported" in an article from the BBC
                                 (erg_relate_source_cites) */
    ERG_PATTERN_POSSESSIVE,   /* "possessive": "Labour's Paul Flynn said" */
    ERG_PATTERN_COUNT
} erg_pattern;

/* "none", "title-before", ...; static; "unknown" when out of range. */
const char *erg_relate_pattern_name(erg_pattern p);
/* The pattern named s (as erg_relate_pattern_name writes it); ERG_EINVAL when none. */
erg_status erg_relate_pattern_find(const char *s, erg_pattern *out);

/*
 * Scores are precisions in units of 1/ERG_SCORE_UNIT: a typed record's is the
 * measured precision of its (pattern, kind) in data/relate_confidence.tsv.
 * 0 means no score (a co_mention record, or a typed edge of an older file).
 */
#define ERG_SCORE_UNIT 10000u

/*
 * The score of a typed record of kind found by pattern: its row of
 * data/relate_confidence.tsv, else the row "*" of its kind, else 5000 (0.5).
 * 0 for co_mention or an out-of-range argument.
 */
uint16_t erg_relate_score(erg_pattern p, erg_kind kind);

/*
 * Writes score (units of 1/ERG_SCORE_UNIT, at most ERG_SCORE_UNIT) as a
 * number with at most 4 decimals and no trailing zeros ("0.9412", "0.5",
 * "1", "0") into buf (at least 8 bytes) and returns buf.
 */
const char *erg_score_format(uint16_t score, char *buf);
/*
 * The score of a number v in [0, 1] (rounded to 1/ERG_SCORE_UNIT); ERG_EINVAL
 * when v is not a number in that range.
 */
erg_status erg_score_from(double v, uint16_t *out);

/*
 * Whether a typed kind joins these types, subject a and object b:
 * spokesperson_for and member_of person -> agency|outlet, leads person ->
 * agency, reports outlet -> person|agency|place, cites outlet -> outlet,
 * accuses any -> any but misc. False for co_mention and unknown kinds.
 */
bool erg_kind_fits(erg_kind k, erg_type a, erg_type b);

/* Which span of text makes two mentions co-occur. */
typedef enum erg_window {
    ERG_WINDOW_SENTENCE = 0,
    ERG_WINDOW_PARAGRAPH,
    ERG_WINDOW_ARTICLE
} erg_window;

/* ERG_EINVAL unless s is "sentence", "paragraph" or "article". */
erg_status erg_window_parse(const char *s, erg_window *out);

/*
 * One piece of support for an edge in one article: entities a and b (indexes
 * into the article's erg_local_entities; for co_mention a < b; for a typed
 * relation a is the subject), and the byte range [start, end) of the text
 * that supports it: the sentence that holds both names, or for a wider
 * window the sentences from the first-seen mention of one to that of the other.
 */
/*
 * Edge weights are counted in units of 1/ERG_WEIGHT_UNIT. 720720 is
 * lcm(1..16), so 1/j is a whole number of units for every j up to 16.
 */
#define ERG_WEIGHT_UNIT 720720u

/*
 * A co_mention window with more than ERG_RELATE_LIST_SPAN + 1 entities is a
 * list: each entity is paired only with the ERG_RELATE_LIST_SPAN / 2 entities
 * that follow it, each pair weighing 1/ERG_RELATE_LIST_SPAN.
 */
#define ERG_RELATE_LIST_SPAN 8u

typedef struct erg_relation {
    uint32_t a;
    uint32_t b;
    erg_kind kind;
    uint32_t start;
    uint32_t end;
    /*
     * What the record adds to its edge's weight, in units of 1/ERG_WEIGHT_UNIT:
     * a typed record ERG_WEIGHT_UNIT (1); a co_mention record 1/(k-1) of it,
     * k the entities of its window (see erg_relate_article).
     */
    uint32_t wunits;
    /*
     * A typed record: the pattern that found it (the first one, when two
     * find the same record) and its score (erg_relate_score, units of
     * 1/ERG_SCORE_UNIT). A co_mention record: ERG_PATTERN_NONE and 0.
     */
    uint8_t pattern;
    uint16_t score;
} erg_relation;

/* Caller-owned (_init/_release), reused across articles. */
typedef struct erg_relations {
    erg_relation *items;
    size_t n;
    size_t cap;
} erg_relations;

void erg_relations_init(erg_relations *r);
void erg_relations_release(erg_relations *r);

/*
 * Finds the relations of one article, replacing out's content: one
 * co_mention record per window (sentence, paragraph or whole article) and
 * pair of distinct entities whose types are both in type_mask (a bit mask of
 * ERG_TYPE_BIT), in text order. So the number of records for a pair is the
 * number of windows in which both appear. A window of k entities gives each
 * pair 1/(k-1) of weight (wunits), so that no entity gives out more than one
 * unit per window; a window of more than ERG_RELATE_LIST_SPAN + 1 entities
 * is a list and pairs only neighbours (see ERG_RELATE_LIST_SPAN). The typed relations of
 * erg_relate_typed follow the co_mention records. ERG_EINVAL as
 * erg_relate_typed (checked before any record is made); ERG_ENOMEM.
 * Linear in the mentions plus the records made (at most
 * ERG_RELATE_LIST_SPAN / 2 per entity and window past the list size).
 * Allocates two arrays of entities->n entries per call.
 */
erg_status erg_relate_article(const char *text, const erg_doc *doc, const erg_mentions *mentions,
                              const erg_local_entities *entities, erg_window window,
                              unsigned type_mask, erg_relations *out, erg_error *err);

/*
 * Appends to out (keeping what it holds) the typed, directed relations of one
 * article, found by patterns over its tokens (doc, over text) and typed
 * mentions (in text order, each with its entity index into entities or -1):
 *   spokesperson_for  person -> agency|outlet   "Unification Ministry spokesman Jeong"
 *   member_of         person -> agency|outlet   "Kim, a colonel in the army"
 *   leads             person -> agency          "Kim, head of the GRB"
 *   reports           outlet -> person|agency|place, every such entity of the
 *                     sentence an outlet is the source of ("Fox News reports",
 *                     "according to CNN"), and of the quotation it closes
 *   cites             outlet -> outlet          "CNN further quotes Yonhap"
 *   accuses           any -> any (not misc)     "Minjoo has accused ... Park"
 * Both entities' types must be in type_mask. Each record's a is the subject,
 * b the object, [start, end) the bytes of the sentence (or for a quotation
 * the sentences from the object's mention to the attribution) that supports
 * it; a record is not repeated for the same evidence. The cue words are in
 * src/relate/cues.c. Mentions that overlap an earlier mention or cross a
 * sentence end are ignored.
 *
 * ERG_EINVAL when a mention's tokens, sentence or entity index are out of
 * range; ERG_ENOMEM. Linear in the number of tokens and mentions (a few
 * dozen word comparisons around each mention), except that an outlet's
 * reports walk the mentions of its sentence (or quotation): work per
 * sentence is bounded by its mentions times its outlets, and sentences by
 * ERG_TEXT_MAX_WINDOW_TOKENS. Repeated records are found by a hash table.
 * Allocates two int32 arrays of doc->n_tokens entries, one of entities->n
 * and the hash table (twice the records) per call.
 */
erg_status erg_relate_typed(const char *text, const erg_doc *doc, const erg_mentions *mentions,
                            const erg_local_entities *entities, unsigned type_mask,
                            erg_relations *out, erg_error *err);

/*
 * The subject of a record that is the article's own outlet, not one of its
 * entities (erg_relate_source_cites); erg_graph_add_article maps it to the
 * outlet the article names (erg_article.outlet).
 */
#define ERG_RELATE_ARTICLE_OUTLET UINT32_MAX

/*
 * Appends to out (which holds this article's records from erg_relate_article
 * or erg_relate_typed, and keeps them) a cites record from
 * ERG_RELATE_ARTICLE_OUTLET to every outlet entity given as a source in a
 * sentence ("the Mirror reported", "according to the Mirror", "told the
 * Mirror"; the cues of erg_relate_typed's reports), once per outlet and
 * sentence: an article from one outlet that carries what another reported
 * cites it. Not an outlet another outlet of the same sentence already
 * cites ("Tarn said the Gazette had reported": the article cites Tarn,
 * Tarn the Gazette), nor the article's own outlet or one of its own
 * stations and programmes: an outlet whose merge key is outlet_key or
 * begins with it and a space or a digit ("bbc radio 4", "bbc1" for "bbc";
 * NULL: none). Nothing when outlets are not in
 * type_mask. [start, end) is the sentence. ERG_EINVAL and ERG_ENOMEM as
 * erg_relate_typed; linear in tokens, mentions and records.
 */
erg_status erg_relate_source_cites(const char *text, const erg_doc *doc,
                                   const erg_mentions *mentions, const erg_local_entities *entities,
                                   unsigned type_mask, const char *outlet_key, erg_relations *out,
                                   erg_error *err);

#ifdef __cplusplus
}
#endif
#endif
