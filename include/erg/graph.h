/*
 * erg/graph.h: the entity and edge tables, merging of partial graphs, the
 * native graph file (node-link JSON), and conversion to igraph.
 *
 * The graph is a multigraph: a pair of entities may have one undirected
 * co_mention edge and typed, directed edges. Entity and edge records are
 * readable structs borrowed from the graph; change them only through the
 * functions below.
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

/* Version of the native file this code writes and reads. */
#define ERG_GRAPH_FORMAT_VERSION 1

/* One surface form of an entity with how often it was seen. */
typedef struct erg_alias {
    char *name;
    uint32_t count;
} erg_alias;

typedef struct erg_entity {
    char *key;  /* merge key, unique in the graph; the node id in files */
    char *name; /* display name: the most frequent surface form (longest, then first in byte order
                   on ties) */
    erg_type type;     /* the type most mentions had (ties: person, agency, outlet, place) */
    uint32_t mentions; /* mentions in all articles */
    uint32_t articles; /* articles that mention it */
    char *first_date;  /* earliest article date (as written, compared as text), NULL if none */
    char *last_date;
    erg_alias *aliases; /* every surface form, sorted by name */
    size_t n_aliases;
    uint32_t type_votes[ERG_TYPE_COUNT]; /* mentions per type */
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
    uint32_t weight;   /* number of windows (sentences by default) that support it */
    uint32_t articles; /* number of articles that support it */
    char *first_date;  /* NULL if no supporting article has a date */
    char *last_date;
    char **outlets; /* distinct article sources and in-text outlets, sorted */
    size_t n_outlets;
    erg_evidence *evidence; /* at most max_evidence, the first by (article id, start) */
    size_t n_evidence;
} erg_edge;

/* An article of the graph (metadata only). Strings may be NULL except id. */
typedef struct erg_graph_article {
    char *id;
    char *title;
    char *date;
    char *source;
    char *url;
} erg_graph_article;

typedef struct erg_graph erg_graph;

/*
 * A new empty graph keeping at most max_evidence evidence records per edge
 * (the default when 0 is given: 3). Free with erg_graph_free.
 */
erg_status erg_graph_new(erg_graph **out, unsigned max_evidence, erg_error *err);
void erg_graph_free(erg_graph *g);

/*
 * Adds one article's result: its metadata, its entities (with their
 * mentions and surface forms) and relations. Entities join existing ones by
 * merge key. Edges are keyed by (source, target, kind). ERG_EINVAL when the
 * article id is already in the graph. Amortized O(entities + relations).
 */
erg_status erg_graph_add_article(erg_graph *g, const erg_article *art,
                                 const erg_local_entities *entities, const erg_mentions *mentions,
                                 const erg_relations *relations, erg_error *err);

/*
 * Adds all of src to dst (src is unchanged). ERG_EINVAL when an article id
 * is in both. Merging is associative and commutative: after
 * erg_graph_finish, the saved bytes are the same whatever the order.
 */
erg_status erg_graph_merge(erg_graph *dst, const erg_graph *src, erg_error *err);

/*
 * Settles the graph for reading and writing: decides entity types and names,
 * drops entities whose type is not in type_mask (and their edges), and sorts
 * entities by key and edges by (source, target, kind). Indexes returned
 * before are invalid afterwards. Call after adding and before reading.
 */
erg_status erg_graph_finish(erg_graph *g, unsigned type_mask, erg_error *err);

size_t erg_graph_entity_count(const erg_graph *g);
size_t erg_graph_edge_count(const erg_graph *g);
size_t erg_graph_article_count(const erg_graph *g);
/* Borrowed records; i must be below the matching count. */
const erg_entity *erg_graph_entity(const erg_graph *g, size_t i);
const erg_edge *erg_graph_edge(const erg_graph *g, size_t i);
const erg_graph_article *erg_graph_get_article(const erg_graph *g, size_t i);

/* Index of the entity with this merge key, or -1. O(1) expected. */
long erg_graph_find_key(const erg_graph *g, const char *key);

/* Number of entities of type t. */
size_t erg_graph_count_type(const erg_graph *g, erg_type t);

/*
 * Writes the native file (JSON, node-link layout, "format": "erg-graph",
 * "version": 1) to f. Deterministic: the same graph gives the same bytes.
 * Call erg_graph_finish first.
 */
erg_status erg_graph_write_json(const erg_graph *g, FILE *f, erg_error *err);

/* Loads a native file written by erg_graph_write_json; already finished. */
erg_status erg_graph_load(erg_graph **out, const char *path, erg_error *err);

/*
 * Builds the simple undirected graph used for analysis: one vertex per
 * entity (vertex i is entity i), one edge per pair that has a co_mention
 * edge, its weight in weights (initialized by this function) the co-mention
 * count. The caller destroys *out and *weights.
 */
erg_status erg_graph_to_igraph(const erg_graph *g, igraph_t *out, igraph_vector_t *weights,
                               erg_error *err);

#ifdef __cplusplus
}
#endif
#endif
