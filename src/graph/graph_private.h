/*
 * graph_private.h: the graph's tables, shared by the files of src/graph.
 * Not installed; names are erg_graph_i_* (internal).
 */
#ifndef ERG_GRAPH_PRIVATE_H
#define ERG_GRAPH_PRIVATE_H

#include "erg/graph.h"

#define ERG_GRAPH_NONE UINT32_MAX
#define ERG_GRAPH_DEFAULT_EVIDENCE 3u

/*
 * An open-addressing hash index over the items of one table: slots hold item
 * indexes (ERG_GRAPH_NONE when empty), the capacity is a power of two and the
 * load stays at most one half, so probing (linear) is short.
 */
typedef struct erg_graph_index {
    uint32_t *slots;
    size_t cap;
} erg_graph_index;

/*
 * The set of every article id the graph took, as 64-bit hashes
 * (erg_graph_i_id_hash, never 0): open addressing with linear probing, 0
 * marks an empty slot, the capacity is a power of two and the load at most
 * three quarters. 11 to 21 bytes per article, whatever its strings.
 */
typedef struct erg_graph_idset {
    uint64_t *slots;
    size_t cap, n;
} erg_graph_idset;

/* The hash of an article id that the id set and the native file hold (never 0). */
uint64_t erg_graph_i_id_hash(const char *id);
bool erg_graph_i_idset_has(const erg_graph_idset *s, uint64_t h);
/* Makes room for n more hashes, so that as many adds cannot fail. */
erg_status erg_graph_i_idset_reserve(erg_graph_idset *s, size_t n);
/* Adds h; false when it was there already (ERG_ENOMEM is reported through *st). */
bool erg_graph_i_idset_add(erg_graph_idset *s, uint64_t h, erg_status *st);

/* A pooled string: shared by every record that holds the same bytes. */
typedef struct erg_graph_pool_slot {
    char *s; /* NULL for an empty slot */
    uint32_t hash;
    uint32_t len;
    uint32_t refs;
} erg_graph_pool_slot;

typedef struct erg_graph_pool {
    erg_graph_pool_slot *slots;
    size_t cap, n;
} erg_graph_pool;

/* The pooled copy of n bytes at s, with one more reference; NULL when out of memory. */
char *erg_graph_i_pool_get(erg_graph_pool *p, const char *s, size_t n);
/* Drops one reference to a pooled string (NULL does nothing), freeing it at zero. */
void erg_graph_i_pool_put(erg_graph_pool *p, const char *s);
void erg_graph_i_pool_release(erg_graph_pool *p);

/* A cited article: the public record first (erg_graph_get_article points at it). */
typedef struct erg_graph_art_rec {
    erg_graph_article a;
    uint32_t refs; /* evidence records that cite it (UINT32_MAX: never freed) */
} erg_graph_art_rec;

/* An outlet mention of the article being added: bytes [start, end), the outlet's name (borrowed).
 */
typedef struct erg_graph_outlet_at {
    uint32_t start;
    uint32_t end;
    const char *name;
} erg_graph_outlet_at;

struct erg_graph {
    unsigned max_evidence;
    bool finished; /* no add or merge since the last erg_graph_finish */
    /* Some record came without a timeline (a file older than version 4): none is written. */
    bool no_timeline;
    /* erg_graph_set_partial: the types and window of a partial graph; 0 for a final graph. */
    unsigned partial_types;
    erg_window partial_window;

    erg_entity *ents;
    size_t n_ents, cap_ents;
    uint32_t *ent_stamp; /* serial of the last article that counted this entity */
    erg_graph_index ent_ix;

    erg_edge *edges;
    size_t n_edges, cap_edges;
    uint32_t *edge_stamp;
    erg_graph_index edge_ix;
    /*
     * edge_ix does not hold every edge (erg_graph_i_edge_push, erg_graph_i_reserve
     * and erg_graph_finish leave it so): erg_graph_i_edge rebuilds it first.
     */
    bool edge_ix_stale;

    /*
     * Every article id taken (ids), and the metadata of the cited articles
     * only: those that a kept evidence record names. arts[i].refs counts the
     * evidence records that name arts[i]; evidence holds arts[i].a.id itself
     * as its article string. A record goes when its count drops to zero
     * (at once, or at the next finish while hold_articles is set: the loader
     * reads the articles before the evidence that cites them).
     */
    erg_graph_idset ids;
    erg_graph_art_rec *arts;
    size_t n_arts, cap_arts;
    erg_graph_index art_ix;
    bool hold_articles;

    uint32_t serial; /* articles added so far; stamps are compared against it */

    /*
     * Dates, outlets and evidence sentences of entities and edges live here;
     * keys, names, aliases and article metadata are owned by their records.
     */
    erg_graph_pool pool;

    /* Corpus-level folding in erg_graph_finish (erg_graph_set_corpus_resolve). */
    bool fold;
    char **legal; /* merge keys of legal-suffix words ("inc", "corp") */
    size_t n_legal;

    /* Scratch reused across erg_graph_add_article calls. */
    uint32_t *map; /* local entity -> graph entity */
    size_t cap_map;
    erg_graph_outlet_at *outlets; /* the article's outlet mentions, by start */
    size_t cap_outlets;
    erg_buf buf;
};

/* Finds or adds the entity with this key (new ones get type and name). */
erg_status erg_graph_i_entity(erg_graph *g, const char *key, erg_type type, const char *name,
                              uint32_t *out);
/* Finds or adds the edge (s, t, kind); s < t is the caller's business for co_mention. */
erg_status erg_graph_i_edge(erg_graph *g, uint32_t s, uint32_t t, erg_kind kind, uint32_t *out);
/*
 * Adds the edge (s, t, kind), which the caller knows is new (the loader:
 * edges that come in strictly increasing order), without the index: the
 * next erg_graph_i_edge rebuilds it.
 */
erg_status erg_graph_i_edge_push(erg_graph *g, uint32_t s, uint32_t t, erg_kind kind,
                                 uint32_t *out);
/*
 * Asks the kernel for huge pages under p[0..bytes), a large table about to
 * be filled (nothing under 8 MB): the edges of a million-edge graph are
 * 80 MB, and faulting them in 4 kB pages was a fifth of loading it. Only a
 * hint: nothing changes where it is not supported (outside Linux).
 */
void erg_graph_i_advise_huge(void *p, size_t bytes);
/*
 * Makes room for n_ents entities and n_edges edges in the tables and the
 * entity index, so that adding up to that many allocates nothing more; the
 * edge index is built, with room for n_edges, by the first erg_graph_i_edge
 * that needs it. The graph is unchanged but for its capacities; ERG_ENOMEM.
 */
erg_status erg_graph_i_reserve(erg_graph *g, size_t n_ents, size_t n_edges);
/*
 * Adds a cited-article record (copies a's strings) with no reference yet;
 * the id must not be in the table. Its id set entry is the caller's. The
 * record goes at the next unreference to zero, or at the next finish.
 */
erg_status erg_graph_i_article(erg_graph *g, const erg_graph_article *a);
/* Index of the cited article with this id, or -1 (valid until the table changes). */
long erg_graph_i_find_article(const erg_graph *g, const char *id);
/* The cited article with this id, or NULL. */
const erg_graph_article *erg_graph_i_cited(const erg_graph *g, const char *id);
/*
 * Settles the cited-article table: drops records no evidence cites, sorts
 * by id, rebuilds the index. ERG_ENOMEM leaves it as it was.
 */
erg_status erg_graph_i_settle_articles(erg_graph *g);
/* Adds count to the alias name of entity e. */
erg_status erg_graph_i_alias(erg_entity *e, const char *name, uint32_t count, erg_fold rule);
/* Adds name to the sorted set of outlets of edge d. */
erg_status erg_graph_i_outlet(erg_graph *g, erg_edge *d, const char *name);
/* Widens [*first, *last] to hold date (NULL dates change nothing). */
/* true for "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month 01..12, day 01..31): a normalized date. */
bool erg_graph_i_date_ok(const char *s);
/*
 * The first or last day a normalized date covers as "YYYY-MM-DD" text (a
 * month's last day is written 31: as text it sorts after the month's days and
 * before the next month, which is all comparisons need).
 */
void erg_graph_i_day_text(const char *date, bool last, char out[11]);
/* Whether a normalized date (NULL: unknown) / an outlet (NULL: none) is in the slice f. */
bool erg_graph_i_slice_date(const erg_graph_slice_spec *f, const char *date);
bool erg_graph_i_slice_outlet(const erg_graph_slice_spec *f, const char *outlet);
erg_status erg_graph_i_dates(erg_graph *g, char **first, char **last, const char *date);
/*
 * Adds count, articles and wunits to the cell (date, outlet) of the timeline
 * *t of *n cells (sorted, see erg_tally), making the cell when it is new
 * (strings pooled in g). ERG_ENOMEM leaves the timeline as it was.
 */
erg_status erg_graph_i_tally(erg_graph *g, erg_tally **t, size_t *n, const char *date,
                             const char *outlet, uint32_t count, uint32_t articles,
                             uint64_t wunits);
/* Adds every cell of src (another record's timeline, of any graph) to *t. */
erg_status erg_graph_i_timeline_add(erg_graph *g, erg_tally **t, size_t *n, const erg_tally *src,
                                    size_t n_src);
/* Gives back the pooled strings of a timeline (the array itself is the caller's to free). */
void erg_graph_i_timeline_release(erg_graph_pool *pool, erg_tally *t, size_t n);
/*
 * Offers an evidence record to edge d, which keeps g->max_evidence smallest
 * by (article id, start, end), without duplicates. The sentence is pooled;
 * the record cites g's record of the article, which is made from art (its
 * strings copied) when g has none yet. A record pushed out by the cap drops
 * its citation, and an article that no record cites any more is freed.
 */
erg_status erg_graph_i_evidence(erg_graph *g, erg_edge *d, const erg_graph_article *art,
                                uint32_t start, uint32_t end, const char *sentence,
                                size_t sentence_len);
uint32_t erg_graph_i_add_u32(uint32_t a, uint32_t b);

/*
 * Adds src's mentions, articles, type votes, dates and surface forms to dst
 * (src may be of another graph); each form joins with its own rule or
 * at_least, whichever is later in erg_fold order.
 */
erg_status erg_graph_i_entity_add(erg_graph *g, erg_entity *dst, const erg_entity *src,
                                  erg_fold at_least);

/* A short form folds when its best claim has this much evidence... */
#define ERG_FOLD_MIN_EVIDENCE 2u
/* ...and this many times the next claim's... */
#define ERG_FOLD_DOMINANCE 3u
/* ...and at least 1/ERG_FOLD_OWN of the short form's own mentions. */
#define ERG_FOLD_OWN 4u

/*
 * Corpus-level folding (fold.c): decides, for every entity i, root[i], the
 * entity it folds into (i itself when none), adds each folded entity's
 * counts, votes, dates and surface forms to its root and sets the ambiguous
 * flags. Entity types must be decided already. Tables and indexes are not
 * reordered; the caller drops the folded entities and moves their edges.
 * key is scratch. ERG_ENOMEM may leave roots with part of what they absorb.
 */
erg_status erg_graph_i_fold(erg_graph *g, uint32_t *root, erg_buf *key);
/* true when n bytes at s are valid UTF-8 without NUL bytes. */
bool erg_graph_i_utf8_ok(const char *s, size_t n);

#endif
