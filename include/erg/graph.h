/*
 * erg/graph.h: the entity and edge tables, merging of partial graphs, the
 * native graph file (node-link JSON), and conversion to igraph.
 *
 * The graph is a multigraph: a pair of entities may have one undirected
 * co_mention edge and typed, directed edges. Entity and edge records are
 * readable structs borrowed from the graph; change them only through the
 * functions below. Every string in them is owned by the graph; dates,
 * outlet names and evidence strings are shared between records (one copy
 * per distinct text), so never free or modify them.
 *
 * Memory grows with entities and edges (evidence is capped per edge), never
 * with the text read. Of an article the graph keeps a 64-bit hash of its id
 * (11 to 21 bytes), and its metadata only while an evidence record cites
 * it, so the article table is bounded by the edges. Measured: 8.3 million
 * edges between 50,000 entities from 100,000 synthetic articles take 2.3 GB.
 */
#ifndef ERG_GRAPH_H
#define ERG_GRAPH_H

#include "erg/common.h"
#include "erg/input.h"
#include "erg/relate.h"
#include "erg/resolve.h"
#include "erg/text.h"

#include <igraph.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Version of the native file this code writes; the loader reads it,
 * version 2 (every article listed, no "article_ids") and version 1 (also
 * evidence sentences inline, integer weights, no counts).
 */
#define ERG_GRAPH_FORMAT_VERSION 4

/*
 * How a surface form came to an entity. Corpus-level folds (after all
 * articles are in, erg_graph_finish) are the last three.
 */
typedef enum erg_fold {
    ERG_FOLD_KEY = 0,    /* its merge key is the entity's key */
    ERG_FOLD_ARTICLE,    /* joined within an article (partial name, alias list, acronym) */
    ERG_FOLD_SHORT_FORM, /* corpus: a short form owned by one full name ("Blair") */
    ERG_FOLD_ACRONYM,    /* corpus: the initials of one full name ("IBM") */
    ERG_FOLD_LEGAL,      /* corpus: the name without its legal suffix ("Texaco" of "Texaco Inc") */
    ERG_FOLD_COUNTRY,    /* corpus: the name with or without a country's initials ("U.S. FDA") */
    ERG_FOLD_COUNT
} erg_fold;

/* "key", "article", "short-form", "acronym", "legal-suffix", "country"; NULL when out of range. */
const char *erg_fold_name(erg_fold f);
/* The fold named s (as erg_fold_name writes it); ERG_EINVAL when unknown. */
erg_status erg_fold_parse(const char *s, erg_fold *out);

/*
 * One cell of a timeline: what the articles of one date and one outlet gave
 * an entity or an edge. Timelines are sorted by (date, outlet), NULL (not
 * known) first, then in byte order; the cells of a record add up to its
 * own counts.
 */
typedef struct erg_tally {
    char *date;        /* the articles' date as the reader normalized it ("YYYY-MM-DD",
                          "YYYY-MM" or "YYYY"), NULL when unknown */
    char *outlet;      /* their outlet (art->outlet, else art->source), NULL when none */
    uint32_t count;    /* entity: mentions; edge: windows or records */
    uint32_t articles; /* articles */
    uint64_t wunits;   /* edge: weight units (see erg_edge); entity: 0 */
} erg_tally;

/* One surface form of an entity with how often it was seen. */
typedef struct erg_alias {
    char *name;
    uint32_t count;
    erg_fold rule; /* how it joined the entity (when several, the lowest) */
} erg_alias;

typedef struct erg_entity {
    char *key;  /* merge key, unique in the graph; the node id in files */
    char *name; /* display name: the most frequent surface form (longest, then first in byte order
                   on ties) */
    erg_type type;     /* the type most mentions had (ties: person, agency, outlet, place) */
    uint32_t mentions; /* mentions in all articles */
    uint32_t articles; /* articles that mention it */
    char *first_date;  /* earliest article date (normalized, see erg_tally), NULL if none */
    char *last_date;
    erg_tally *timeline; /* mentions and articles by (date, outlet) */
    size_t n_timeline;
    erg_alias *aliases; /* every surface form, sorted by name */
    size_t n_aliases;
    uint32_t type_votes[ERG_TYPE_COUNT]; /* articles per type: each article votes once */
    bool ambiguous; /* a short form that several full names claim with comparable evidence */
} erg_entity;

/* An evidence record: the sentence text at bytes [start, end) of an article. */
typedef struct erg_evidence {
    char *article;
    uint32_t start;
    uint32_t end;
    char *sentence;
} erg_evidence;

typedef struct erg_edge {
    uint32_t source; /* entity index; for co_mention, source < target */
    uint32_t target;
    erg_kind kind;
    uint32_t count; /* number of windows (sentences by default) that support it */
    /*
     * The weight, in units of 1/ERG_WEIGHT_UNIT (erg_edge_weight gives it as
     * a number): a co_mention window with k entities gives each of its pairs
     * 1/(k-1) (Newman's collaboration weighting), a typed record 1. Integer
     * units keep sums exact, so the weight does not depend on the order
     * articles arrive in.
     */
    uint64_t wunits;
    uint32_t articles; /* number of articles that support it */
    /*
     * A typed edge: the highest score of its records (units of
     * 1/ERG_SCORE_UNIT, see erg_relate_score) and the set of their patterns
     * (bit 1u << erg_pattern). Max and OR, so neither depends on the order
     * articles or partial graphs arrive in. 0 and 0 for co_mention and for a
     * typed edge loaded from a file written before scores (no score).
     */
    uint16_t score;
    uint32_t patterns;
    char *first_date; /* NULL if no supporting article has a date */
    char *last_date;
    char **outlets; /* distinct article sources and in-text outlets, sorted */
    size_t n_outlets;
    erg_tally *timeline; /* count, articles and weight by (date, outlet of the article) */
    size_t n_timeline;
    erg_evidence *evidence; /* at most max_evidence, the first by (article id, start) */
    size_t n_evidence;
} erg_edge;

/*
 * A cited article of the graph: one that a kept evidence record names
 * (metadata only). Strings may be NULL except id. Of the other articles the
 * graph keeps only a hash of the id.
 */
typedef struct erg_graph_article {
    char *id;
    char *title;
    char *date;
    char *source;
    char *url;
} erg_graph_article;

typedef struct erg_graph erg_graph;

/* An edge's weight as a number (wunits / ERG_WEIGHT_UNIT). */
static inline double erg_edge_weight(const erg_edge *d)
{
    return (double)d->wunits / (double)ERG_WEIGHT_UNIT;
}

/* Room for every pattern name of an edge, space-separated, and the terminating NUL. */
#define ERG_EDGE_PATTERNS_MAX 512

/*
 * Whether edge d has a score (a typed edge of a graph built with scores);
 * then its score as text (erg_score_format) in score and its pattern names,
 * space-separated in erg_pattern order, in patterns. What GraphML, GEXF,
 * CSV and the store write.
 */
bool erg_edge_scored(const erg_edge *d, char score[8], char patterns[ERG_EDGE_PATTERNS_MAX]);

/* The most evidence records per edge a graph may keep (erg_graph_new, the graph file). */
#define ERG_GRAPH_MAX_EVIDENCE 1000u

/*
 * The longest evidence text erg_graph_add_article stores for one record, in
 * bytes and in words: a longer one keeps its first and its last words, each
 * part within half of both bounds, joined by " … " (U+2026 between spaces),
 * so that a long sentence or a wide window cannot blow up the graph file.
 * The record's byte range [start, end) stays the whole range.
 */
#define ERG_GRAPH_EVIDENCE_MAX_BYTES 1024u
#define ERG_GRAPH_EVIDENCE_MAX_WORDS 160u

/*
 * The most outlet mentions within one record's byte range that name outlets
 * of its edge (erg_graph_add_article); later ones in a wide window are not
 * looked at.
 */
#define ERG_GRAPH_MAX_WINDOW_OUTLETS 16u

/*
 * A new empty graph keeping at most max_evidence evidence records per edge
 * (the default when 0 is given: 3). ERG_EINVAL when max_evidence is above
 * ERG_GRAPH_MAX_EVIDENCE. An edge's evidence array grows with its records,
 * so a large cap costs memory only for edges that fill it. Free with
 * erg_graph_free.
 */
erg_status erg_graph_new(erg_graph **out, unsigned max_evidence, erg_error *err);
void erg_graph_free(erg_graph *g);

/*
 * Adds one article's result: its id, its entities (with their mentions and
 * surface forms) and relations. Entities join existing ones by merge key.
 * Edges are keyed by (source, target, kind). ERG_EINVAL when the article id
 * is already in the graph (ids are compared by a 64-bit hash: two distinct
 * ids with the same hash, odds about n^2 / 2^65 in n articles, count as the
 * same). The article's metadata (id, title, date, source, url) is kept
 * while one of its evidence records is, and freed when the evidence cap
 * pushes the last one out. Amortized O(entities + relations).
 *
 * Details: local entities of type misc are skipped, and so are relations
 * that touch one, or that join two local entities with the same key. Each
 * article gives an entity one type vote, for the type its local entity has
 * (mentions within one article are not independent: the tagger sees the
 * whole article). Its aliases are its surface forms (or its name,
 * when it has none). An edge's outlets are the article's outlet (art->outlet, else its source as
 * written) and the names of the outlet entities with a mention inside the byte range of one of its
 * records (the window that supports it; the first ERG_GRAPH_MAX_WINDOW_OUTLETS such mentions of a
 * record): an outlet named elsewhere in the article is not one of the edge's. Mentions without
 * offsets (start == end) name no outlet. Its evidence sentence is the text bytes [start, end)
 * with white space runs made one space, cut in the middle when longer than
 * ERG_GRAPH_EVIDENCE_MAX_BYTES or ERG_GRAPH_EVIDENCE_MAX_WORDS. Everything is checked before the
 * graph changes (ERG_EINVAL: entity or mention indexes out of range, byte ranges outside the text,
 * strings that are not UTF-8), so a rejected article leaves no trace; only ERG_ENOMEM can leave
 * part of an article in the graph. mentions and relations may be NULL.
 */
erg_status erg_graph_add_article(erg_graph *g, const erg_article *art,
                                 const erg_local_entities *entities, const erg_mentions *mentions,
                                 const erg_relations *relations, erg_error *err);

/*
 * Adds all of src to dst (src is unchanged). ERG_EINVAL when an article id
 * is in both (named when src cites it, else given as its hash), or when dst
 * is src; nothing is added then. Merging is associative and commutative:
 * after erg_graph_finish, the saved bytes are the same whatever the order,
 * and the same as adding every article to one graph. Entities that an
 * earlier erg_graph_finish dropped by type are gone for good. dst keeps its
 * own max_evidence. O(size of src) expected.
 */
erg_status erg_graph_merge(erg_graph *dst, const erg_graph *src, erg_error *err);

/*
 * Settles the graph for reading and writing: decides entity types, folds
 * short forms into full names when corpus resolution is on
 * (erg_graph_set_corpus_resolve), decides names,
 * drops entities whose type is not in type_mask (and their edges), and sorts
 * entities by key and edges by (source, target, kind). Indexes returned
 * before are invalid afterwards. Call after adding and before reading.
 * Drops the metadata of articles that no kept evidence cites any more (the
 * edges it dropped took their evidence along) and sorts the cited ones by
 * id. May be called again after more adds or merges. ERG_ENOMEM leaves the
 * graph as it was (types and names may be decided already).
 * O(n log n) in entities, edges and cited articles.
 */
erg_status erg_graph_finish(erg_graph *g, unsigned type_mask, erg_error *err);

/*
 * Switches corpus-level name resolution in erg_graph_finish on or off (a new
 * or loaded graph has it off). When on, finish folds a node that is a short
 * form into the one full name that owns it in the corpus:
 * - a full name claims a short form when its surface forms, recorded as
 *   articles resolved them, include the short form's key ("Blair" written
 *   299 times in articles where it was Tony Blair), and an organization
 *   claims the node of its name without its legal suffixes (legal_suffixes:
 *   n words such as "Inc", "Corp", compared by merge key; the list is copied);
 * - types must fit (person with person, place with place, agency and outlet
 *   with either), and the full name's key is longer, so folds never cycle;
 * - the best claim wins when it has at least 2 mentions of evidence, 3
 *   times the next claim's and a quarter of the short form's own mentions
 *   (a node "Tories" of 186 mentions does not fold into "South Downs
 *   Tories" because one article wrote both); the last test does not apply
 *   to a company's name without its legal suffix ("Merrill Lynch" of
 *   "Merrill Lynch and Co Inc"). A legal-suffix claim without article
 *   evidence only names the rule. Comparable claims leave the
 *   short form as its own node with ambiguous set;
 * - a person's lone first name ("Charles") and places never fold;
 * - organizations whose keys differ only in legal suffixes are one node, and
 *   so are a body written after a country's dotted initials and the node of
 *   its name without them ("U.S. Food and Drug Administration", "Food and
 *   Drug Administration") when that name has two words or more and no legal
 *   suffix: the member with the most mentions keeps the others.
 * When on, finish also drops a typed edge whose ends no longer fit its kind
 * (erg_kind_fits) once the corpus has decided their types: "X reports Y"
 * from an article that read X as an outlet, where the corpus votes X an
 * agency.
 * The folded node's counts, type votes, dates and surface forms (each with
 * the rule that joined it: erg_alias.rule) go to the full name, its edges
 * too (a co_mention between the two disappears; edges that meet add up).
 * Article counts of a folded node are sums over its forms, so an article
 * that named two forms separately counts twice. Everything folded depends
 * only on summed counts: the result is the same for any article order and
 * for any grouping of erg_graph_merge before finish. A fold is final: a
 * later finish works on the folded graph. ERG_EINVAL (g NULL, or n > 0 and
 * no list), ERG_ENOMEM.
 */
erg_status erg_graph_set_corpus_resolve(erg_graph *g, bool on, const char *const *legal_suffixes,
                                        size_t n, erg_error *err);

/*
 * Marks g as a partial graph, one shard of a corpus to be merged with the
 * others (erg_graph_merge) before the corpus-level steps run once on the
 * whole; type_mask 0 marks it as an ordinary (final) graph again, the state
 * of a new graph. type_mask and window are what its articles were related
 * with (erg_relate_article: a co_mention window of k entities counts only
 * the entities of these types), recorded so that parts built with
 * different settings are not merged into a graph no single build gives.
 * The native file of a partial graph says so in its "graph" object
 * ("partial": true, "types": "person,agency,...", "window": "sentence"),
 * and erg_graph_load reads it back. A partial graph is meant to be finished
 * with every type kept and corpus resolution off (its folds and type drops
 * would be final); the flag itself changes nothing else. erg_graph_merge
 * leaves dst's flag as it is. ERG_EINVAL when g is NULL, type_mask has a
 * bit that is not person, agency, outlet or place, or window is unknown.
 */
erg_status erg_graph_set_partial(erg_graph *g, unsigned type_mask, erg_window window,
                                 erg_error *err);

/*
 * true when g is marked partial (erg_graph_set_partial); then *type_mask and
 * *window, when not NULL, get what it was marked with. false for NULL.
 */
bool erg_graph_partial(const erg_graph *g, unsigned *type_mask, erg_window *window);

/* The most evidence records g keeps per edge (erg_graph_new, or the loaded file's "max_evidence").
 */
unsigned erg_graph_max_evidence(const erg_graph *g);

/*
 * Whether the records have timelines (erg_tally): true unless some record
 * came from a file older than version 4, or from a graph that had none
 * (merge, subset). Without them a graph is written without timelines.
 */
bool erg_graph_has_timeline(const erg_graph *g);

/* true when nothing was added or merged since the last erg_graph_finish (or load). */
bool erg_graph_is_finished(const erg_graph *g);

/*
 * Sizes of the tables; O(1). Indexes and counts are final only after
 * erg_graph_finish. erg_graph_article_count is the number of cited articles
 * (those some kept evidence record names: the ones erg_graph_get_article
 * reads, sorted by id), erg_graph_article_total the number of articles the
 * graph took, cited or not (added, merged, or in a loaded file's "graph").
 */
size_t erg_graph_entity_count(const erg_graph *g);
size_t erg_graph_edge_count(const erg_graph *g);
size_t erg_graph_article_count(const erg_graph *g);
size_t erg_graph_article_total(const erg_graph *g);
/*
 * true when an article with this id is in g (added, merged or loaded: the
 * id set of every article, compared by the 64-bit hash as
 * erg_graph_add_article does); false for g or id NULL. O(1) expected.
 */
bool erg_graph_has_article_id(const erg_graph *g, const char *id);
/*
 * The 64-bit id hash of every article of g (erg_graph_article_total of
 * them), sorted ascending: what the native file's "article_ids" lists. *out
 * (NULL when there are none) is the caller's to free. ERG_ENOMEM.
 */
/* The 64-bit hash erg keeps of an article id (never 0), as "article_ids" writes it in hex. */
uint64_t erg_graph_article_id_hash(const char *id);

erg_status erg_graph_article_hashes(const erg_graph *g, uint64_t **out, size_t *n, erg_error *err);
/* Borrowed records; i must be below the matching count (for articles: the cited ones). */
const erg_entity *erg_graph_entity(const erg_graph *g, size_t i);
const erg_edge *erg_graph_edge(const erg_graph *g, size_t i);
const erg_graph_article *erg_graph_get_article(const erg_graph *g, size_t i);
/*
 * The cited article with this id (every evidence record's article is one),
 * or NULL (also for g or id NULL). O(1) expected.
 */
const erg_graph_article *erg_graph_find_article(const erg_graph *g, const char *id);

/* Index of the entity with this merge key, or -1. O(1) expected. */
long erg_graph_find_key(const erg_graph *g, const char *key);

/* Number of entities of type t. */
size_t erg_graph_count_type(const erg_graph *g, erg_type t);

/*
 * What a slice keeps (erg_graph_slice): the articles dated within [since,
 * until] and from one of the sources. Dates are normalized text ("YYYY",
 * "YYYY-MM", "YYYY-MM-DD"; erg_date_format writes them), either NULL for no
 * bound; an article is in when the whole period of its date is (one dated
 * "1987-03" is not in a slice since 1987-03-15; an undated one is in only
 * when there is no bound). sources (n_sources of them, none: every
 * outlet) are matched against the timeline's outlet, ASCII case ignored.
 */
typedef struct erg_graph_slice_spec {
    const char *since, *until;
    const char *const *sources;
    size_t n_sources;
} erg_graph_slice_spec;

/*
 * A new finished graph (*out, freed by the caller) with what the articles
 * that f keeps gave g, from the timelines: an entity or edge is kept when
 * one of its timeline cells is in f (and an edge's two ends are kept); its
 * mentions or count, articles, weight, dates and timeline are the sums of
 * those cells, an edge's outlets are its cells' plus the outlets named in
 * the text (which have no date of their own), and its evidence the records
 * whose cited article is in f (date, and source as written). Aliases, type
 * votes, types and names stay the whole corpus's (a type is decided on all
 * the articles). The copy keeps no article id hashes: it answers queries,
 * it cannot be merged. ERG_EINVAL when g is not finished or a bound is not
 * a normalized date; ERG_EFORMAT when g has no timeline
 * (erg_graph_has_timeline); ERG_ENOMEM. O(size of g).
 */
erg_status erg_graph_slice(const erg_graph *g, const erg_graph_slice_spec *f, erg_graph **out,
                           erg_error *err);

/* The periods a timeline is counted by. */
typedef enum erg_period { ERG_PERIOD_DAY = 0, ERG_PERIOD_MONTH, ERG_PERIOD_YEAR } erg_period;

/* Parses "day", "month" or "year" (any case). ERG_EINVAL otherwise. */
erg_status erg_period_parse(const char *s, erg_period *out);

/* One row of an entity's timeline. */
typedef struct erg_timeline_row {
    /*
     * The period: the date cut to the period ("1987-03" by month); a date
     * known less precisely than that is its own period ("1987" by month);
     * "" for articles without a date.
     */
    char period[ERG_DATE_TEXT_MAX];
    const char *outlet; /* borrowed from the graph; NULL when not by outlet or none */
    uint64_t mentions;
    uint64_t articles;
} erg_timeline_row;

/*
 * The mentions and articles of entity (an index of the finished or loaded
 * graph g) per period, and per outlet too when by_outlet, from its
 * timeline: *rows (malloc'd, the caller frees them) has *n rows sorted by
 * period, undated last, then by outlet (none first). Every article counts
 * once in its period (and outlet). ERG_EFORMAT when g has no timeline
 * (erg_graph_has_timeline), ERG_EINVAL for a bad index, ERG_ENOMEM.
 */
erg_status erg_graph_entity_timeline(const erg_graph *g, size_t entity, erg_period by,
                                     bool by_outlet, erg_timeline_row **rows, size_t *n,
                                     erg_error *err);

/*
 * A new finished graph (the caller frees it with erg_graph_free) copied out
 * of the finished graph g:
 * - the entities i with keep_entity[i] true (keep_entity NULL: all);
 * - the edges j (erg_graph_edge order) with keep_edge[j] true (keep_edge
 *   NULL: all) whose two entities are both kept;
 * - the articles that an evidence record of a kept edge cites, and the id
 *   hashes of every article of g (erg_graph_article_total is g's).
 * keep_entity has erg_graph_entity_count(g) entries and keep_edge
 * erg_graph_edge_count(g); g is unchanged. Records are copied whole:
 * an entity keeps its mention and article counts, aliases, type votes and
 * dates from the whole corpus, an edge its weight, counts, dates, outlets and
 * evidence. The copy has g's evidence cap, and keeps g's order, so entity
 * k of the copy is the k-th kept entity of g (the same for edges and
 * articles). Written to the native file, a copy that keeps everything
 * gives the same bytes as g, and any copy's "articles" and "sentences" hold
 * just what its kept evidence cites.
 * ERG_EINVAL when g is not finished; ERG_ENOMEM (nothing is returned).
 * O(entities + edges + articles + evidence) expected.
 */
erg_status erg_graph_subset(const erg_graph *g, const bool *keep_entity, const bool *keep_edge,
                            erg_graph **out, erg_error *err);

/* Whether edge d passes min (units of 1/ERG_SCORE_UNIT): a co_mention, or a score of at least min.
 */
bool erg_edge_confident(const erg_edge *d, uint16_t min);

/*
 * A copy of the finished graph g (erg_graph_subset) without the typed edges
 * that fail erg_edge_confident(d, min); every entity stays. The copy is the
 * caller's (erg_graph_free). ERG_EINVAL when g is not finished; ERG_ENOMEM.
 */
erg_status erg_graph_min_confidence(const erg_graph *g, uint16_t min, erg_graph **out,
                                    erg_error *err);

/*
 * Writes the native file (JSON, node-link layout, "format": "erg-graph",
 * "version": 3) to f. Deterministic: the same graph gives the same bytes.
 * Call erg_graph_finish first (ERG_EINVAL otherwise); ERG_EIO when a write
 * fails; ERG_ENOMEM (the sentence table takes one pointer per evidence
 * record, the id list 8 bytes per article, while writing).
 *
 * Layout: one object, one record per line:
 *   {"format":"erg-graph","version":3,"directed":false,"multigraph":true,
 *    "graph":{"entities":N,"edges":M,"articles":K,"max_evidence":E
 *             [,"partial":true,"types":"person,agency","window":"sentence"]},
 *    "articles":[{"id","title","date","source","url"}...],
 *    "article_ids":["0123456789abcdef",...],
 *    "sentences":[{"article","start","end","text"}...],
 *    "nodes":[{"id":key,"name","type","mentions","articles","first_date",
 *              "last_date","timeline":[[date,outlet,mentions,articles]...],
 *              "aliases":[{"name","count","rule"}...],
 *              "votes":{"person":n,...},"ambiguous":true}...],
 *    "links":[{"source":key,"target":key,"kind","weight","count","articles",
 *              "first_date","last_date","outlets":[...],
 *              "timeline":[[date,outlet,count,articles,weight]...],
 *              "evidence":[{"article","start","end"}...]}...]}
 * K counts every article the graph took; "articles" lists the cited ones
 * only (those a kept evidence record names), sorted by id, and
 * "article_ids", on one line, the 64-bit hash of every article's id (K of
 * them, 16 lower-case hex digits, sorted), which is what lets saved graphs
 * be merged with duplicate ids refused and articles counted exactly.
 * A timeline's cells (erg_tally) are written in order, a NULL date or
 * outlet as null, a weight as "weight" is; a graph without timelines
 * (erg_graph_has_timeline false) writes none. Any other NULL string field
 * (title, dates, ...) is left out, never written as null; "votes" lists only non-zero counts and is
 * what lets a saved graph be merged exactly. An alias's "rule" (erg_fold_name) is left out for
 * ERG_FOLD_KEY, "ambiguous" when false. "weight" is erg_edge_weight as
 * erg_graph_format_number writes it (the shortest text that reads back to
 * the same double, so the loader gets the same units back); "count" the
 * windows. "sentences" holds each (article, start, end) that an evidence
 * record cites once, with its text, sorted by (article id, start, end);
 * evidence records name only the range. "directed" is false because
 * co_mention edges have no direction; a typed link still goes source =
 * subject, target = object. networkx's node_link_graph reads the file as a
 * MultiGraph.
 */
erg_status erg_graph_write_json(const erg_graph *g, FILE *f, erg_error *err);

/*
 * An extra number per entity that an export writes beside the graph's own
 * fields (a centrality, a community): values[i] belongs to entity i, in
 * erg_graph_entity order; a value that is not finite (NaN) means "none" and
 * is left out of the node. The caller owns the struct and the array.
 */
typedef struct erg_node_attr {
    const char *name; /* 1 to 64 of [A-Za-z0-9_], not starting with a digit */
    bool is_int;      /* written as an integer (rounded), else as a real */
    const double *values;
} erg_node_attr;

/*
 * Checks a list of attributes for the native file: every name valid (see
 * erg_node_attr), distinct, and not a field of a native node record ("id",
 * "name", "type", "mentions", "articles", "first_date", "last_date",
 * "aliases", "votes"); every values array non-NULL. ERG_EINVAL naming the
 * attribute otherwise. attrs may be NULL when n_attrs is 0.
 */
erg_status erg_graph_check_attrs(const erg_node_attr *attrs, size_t n_attrs, erg_error *err);

/*
 * Writes v to buf as text: an integer ("%.0f" of the rounded value) when
 * is_int, else the shortest of "%.15g", "%.16g", "%.17g" that reads back as
 * exactly v. Returns buf. cap of 32 is enough for any finite v that is not an
 * integer above 10^30; the text is cut to cap - 1 bytes otherwise.
 */
const char *erg_graph_format_number(double v, bool is_int, char *buf, size_t cap);

/*
 * erg_graph_write_json with extra numeric node fields: each node record ends
 * with "name": value for every attribute with a finite value for it, in the
 * order given. The loader ignores such fields (they are not part of the
 * graph), so a file written this way loads like the plain one. The bytes are
 * those of erg_graph_write_json when n_attrs is 0. ERG_EINVAL as
 * erg_graph_check_attrs says, or for an unfinished graph; ERG_EIO, ERG_ENOMEM.
 */
erg_status erg_graph_write_json_attrs(const erg_graph *g, const erg_node_attr *attrs,
                                      size_t n_attrs, FILE *f, erg_error *err);

/*
 * Loads a native file written by erg_graph_write_json, version 4, 3, 2 or 1;
 * already finished (types and names decided again from votes and aliases).
 * Any JSON layout of the same content loads the same graph. The file is read
 * one record at a time when its arrays come in the order erg writes them
 * (header, "graph", articles, article_ids, sentences, nodes, links), so
 * memory is the graph's own (plus one small entry per sentence of the table
 * until the links are read); an array that comes before what it needs is
 * held whole until the end. Listed articles that no evidence cites keep only
 * their id hash (the metadata of cited articles only is the graph's, see
 * erg_graph_add_article). Versions 1 and 2 have no "article_ids" (a key of
 * that name is ignored): the ids are those of "articles", which lists every
 * article. Version 1 files have no "sentences" (each evidence record
 * holds its "sentence"; a "sentences" key is ignored) and their links no
 * "count": the count is then the weight (a version 1 weight was the window
 * count). A weight is read as a number above 0 and at most 1e12, rounded to
 * whole units of 1/ERG_WEIGHT_UNIT. Failures name the path and the record
 * ("nodes[3]: ..."):
 * - ERG_EIO / ERG_ENOTFOUND when the file cannot be read;
 * - ERG_EJSON for malformed JSON (err->line and err->offset say where;
 *   a key twice in one object counts as malformed) and for records of the
 *   wrong shape (a missing field, a string where a number belongs, a
 *   negative count, a version 2 file without "sentences", a version 3 file
 *   without "article_ids" or with an entry that is not 16 hex digits);
 * - ERG_EFORMAT when it is not an erg graph ("format"), of another version,
 *   or inconsistent: unknown type or kind, duplicate node, link or article,
 *   a link to a node that is not listed or to itself, evidence naming an
 *   unlisted article, counts in "graph" that disagree with the arrays
 *   ("articles" with "article_ids" in version 3); from version 2, a
 *   sentence naming an unlisted article or listed twice, and evidence citing
 *   a range that "sentences" does not hold; in version 3, an id hash listed
 *   twice or 0, a listed article whose id hash is not in "article_ids";
 *   a "timeline" whose cells do not add up to the record's counts or hold a
 *   date not in the normal form ("YYYY", "YYYY-MM", "YYYY-MM-DD").
 * A record without "timeline" (any version before 4) leaves the whole
 * graph without timelines (erg_graph_has_timeline).
 * Null is accepted where a string field is optional; unknown fields are
 * ignored in every record (the extra node numbers that
 * erg_graph_write_json_attrs writes among them). A node without "votes"
 * gives its stated type all its mentions.
 */
erg_status erg_graph_load(erg_graph **out, const char *path, erg_error *err);

/*
 * erg_graph_load from an open stream, read to its end (f stays open and is
 * the caller's to close). name is what errors call the source (err->source),
 * typically the file's path; it may be NULL. The same failures as
 * erg_graph_load, except that opening is the caller's: ERG_EIO when a read
 * fails, ERG_EINVAL when f is NULL. Lets other readers (the GraphML reader of
 * the export module) build a graph by writing the native layout to a memory
 * stream (fmemopen) instead of touching the graph's tables.
 */
erg_status erg_graph_load_stream(erg_graph **out, FILE *f, const char *name, erg_error *err);

/*
 * Builds the simple undirected graph used for analysis: one vertex per
 * entity (vertex i is entity i), one edge per pair that has a co_mention
 * edge, its weight in weights (initialized by this function) the co_mention
 * edge's Newman weight (erg_edge_weight, not its count); edge j of *out is
 * the j-th co_mention edge in erg_graph_edge order.
 * The caller destroys *out and *weights on success; on failure
 * (ERG_EIGRAPH, or ERG_EINVAL for an unfinished graph) nothing is left to
 * destroy. O(vertices + edges).
 */
erg_status erg_graph_to_igraph(const erg_graph *g, igraph_t *out, igraph_vector_t *weights,
                               erg_error *err);

#ifdef __cplusplus
}
#endif
#endif
