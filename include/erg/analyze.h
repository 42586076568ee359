/*
 * erg/analyze.h: centralities, communities, components, k-core, shortest
 * paths, ego networks, filters and the disparity backbone, over igraph; name
 * lookup; smaller graphs cut out of a big one.
 *
 * What the analysis sees. The erg graph is a multigraph (a pair may have an
 * undirected co_mention edge and typed, directed edges). Every analysis here
 * runs on the simple undirected co-mention graph that erg_graph_to_igraph
 * builds: vertex i is entity i, one edge per pair with a co_mention edge, its
 * weight the pair's Newman weight (erg_edge_weight: a window of k entities
 * gives each pair 1/(k-1)). Typed edges play no part in the scores;
 * they are shown beside the answers (neighbors, paths, evidence). This is what
 * Gephi computes on an undirected GraphML file with erg's `weight`.
 *
 * Weights and lengths. Where an algorithm needs a distance (shortest paths,
 * betweenness, closeness), the length of an edge is 1/weight, so that strong
 * ties are short. Where it needs a strength (strength, PageRank, eigenvector,
 * communities, the backbone), it uses the weight itself.
 *
 * Determinism. Algorithms that use igraph's random number generator
 * (Leiden, Louvain) reseed it with ERG_ANALYZE_SEED first, so the same graph
 * gives the same answer on every run. This changes igraph's global RNG state.
 *
 * Errors. A failure inside igraph comes back as ERG_EIGRAPH with igraph's
 * message (igraph_strerror) in err. The CLI must have installed an igraph
 * error handler that does not abort (igraph_error_handler_ignore).
 *
 * Vectors and masks are igraph's: a function that fills an igraph_vector_*
 * takes one the caller initialized (any size) and resizes it; the caller
 * destroys it. A vertex mask is an igraph_vector_bool_t of one entry per
 * vertex (true = keep); an edge mask has one entry per edge of the erg_net.
 */
#ifndef ERG_ANALYZE_H
#define ERG_ANALYZE_H

#include "erg/common.h"
#include "erg/graph.h"

#include <igraph.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The seed of igraph's RNG for the randomized algorithms. */
#define ERG_ANALYZE_SEED 20090301u

/* ------------------------------------------------------------------------ */
/* The analysis network                                                     */
/* ------------------------------------------------------------------------ */

/*
 * The simple undirected co-mention graph and its edge weights and lengths.
 * Caller-owned: erg_net_init* fills it, erg_net_release empties it.
 */
typedef struct erg_net {
    igraph_t graph;         /* vertex i is entity i of the erg_graph */
    igraph_vector_t weight; /* per edge: the Newman weight (> 0), erg_edge_weight */
    igraph_vector_t length; /* per edge: 1 / weight, the distance paths use */
} erg_net;

/*
 * Builds the network of a finished graph (erg_graph_to_igraph) and the edge
 * lengths. ERG_EIGRAPH or ERG_ENOMEM on failure; net is left released then.
 * O(entities + edges).
 */
erg_status erg_net_init(erg_net *net, const erg_graph *g, erg_error *err);

/*
 * Builds a network straight from n_edges pairs of vertices (pairs holds
 * 2 * n_edges vertex ids below n_vertices) and their weights, for callers
 * that have no erg_graph (tests, generated graphs). ERG_EINVAL when a vertex
 * is out of range, a pair is a loop or appears twice, or a weight is not a
 * finite number > 0.
 */
erg_status erg_net_init_edges(erg_net *net, igraph_integer_t n_vertices,
                              const igraph_integer_t *pairs, const double *weights, size_t n_edges,
                              erg_error *err);

/* Destroys what erg_net_init* built. Safe on a struct zeroed with memset. */
void erg_net_release(erg_net *net);

/* ------------------------------------------------------------------------ */
/* Centralities                                                             */
/* ------------------------------------------------------------------------ */

typedef enum erg_centrality {
    ERG_CENTRALITY_DEGREE = 0,  /* number of neighbours */
    ERG_CENTRALITY_STRENGTH,    /* sum of the weights of the edges */
    ERG_CENTRALITY_PAGERANK,    /* weighted PageRank, damping 0.85, sums to 1 */
    ERG_CENTRALITY_BETWEENNESS, /* weighted by length, not normalized (Gephi's value) */
    ERG_CENTRALITY_EIGENVECTOR, /* weighted, scaled so that the largest is 1 */
    ERG_CENTRALITY_CLOSENESS,   /* weighted by length: (reachable - 1) / sum of distances */
    ERG_CENTRALITY_COUNT
} erg_centrality;

/* "degree", "strength", "pagerank", ...; static. */
const char *erg_centrality_name(erg_centrality c);
/* Parses a --by value (case-insensitive). ERG_EINVAL when unknown. */
erg_status erg_centrality_parse(const char *s, erg_centrality *out);

/*
 * Fills scores (resized to the vertex count) with centrality c of every
 * vertex.
 *
 * PageRank is igraph's PRPACK solution on the weighted undirected graph
 * (the same as networkx.pagerank(G, weight="weight")). Betweenness counts
 * the shortest paths (by length 1/weight) through a vertex between pairs of
 * other vertices, each unordered pair once. Closeness only counts the
 * vertices a vertex reaches: (r - 1) / (sum of distances to them), 0 for a
 * vertex that reaches none. Eigenvector centrality is 0 on a graph without
 * edges.
 *
 * Cost: degree and strength O(V + E); PageRank and eigenvector a few
 * passes of O(V + E); betweenness O(V E + V^2 log V) and closeness
 * O(V (E + V log V)), which is hours on a million edges.
 */
erg_status erg_analyze_centrality(const erg_net *net, erg_centrality c, igraph_vector_t *scores,
                                  erg_error *err);

/* ------------------------------------------------------------------------ */
/* Partitions: communities and connected components                         */
/* ------------------------------------------------------------------------ */

typedef enum erg_community_method {
    ERG_COMMUNITY_LEIDEN = 0, /* Leiden, modularity objective */
    ERG_COMMUNITY_LOUVAIN     /* Louvain (igraph's multilevel) */
} erg_community_method;

/* "leiden", "louvain"; static. */
const char *erg_community_method_name(erg_community_method m);
/* Parses a --method value ("multilevel" is Louvain). ERG_EINVAL when unknown. */
erg_status erg_community_method_parse(const char *s, erg_community_method *out);

/*
 * A partition of the vertices into groups numbered 0..count-1, from the
 * largest group to the smallest (ties: the group whose lowest vertex id is
 * lower comes first). Caller-owned: erg_partition_init, erg_partition_release.
 */
typedef struct erg_partition {
    igraph_vector_int_t membership; /* per vertex: its group */
    igraph_vector_int_t sizes;      /* per group: number of vertices */
    igraph_integer_t count;         /* number of groups */
    double modularity; /* weighted modularity at the resolution used; NaN without edges */
} erg_partition;

/* ERG_ENOMEM when the vectors cannot be allocated. */
erg_status erg_partition_init(erg_partition *p, erg_error *err);
void erg_partition_release(erg_partition *p);

/*
 * Finds communities by method, maximizing weighted modularity with the given
 * resolution (> 0; 1 is the classic modularity, higher gives more, smaller
 * communities). Leiden runs ERG_LEIDEN_ITERATIONS iterations (igraph's and
 * python-igraph's default). Isolated vertices are groups of their own.
 * Reseeds igraph's RNG (see the top of the file). ERG_EINVAL for a
 * resolution that is not finite and > 0. Roughly O(E log V).
 */
erg_status erg_analyze_communities(const erg_net *net, erg_community_method method,
                                   double resolution, erg_partition *out, erg_error *err);

/* Leiden's iterations by default: igraph's default, python-igraph's
 * community_leiden(n_iterations=2). */
#define ERG_LEIDEN_ITERATIONS 2

/*
 * erg_analyze_communities with Leiden's number of iterations: 1 or more
 * runs that many (each refines the partition of the one before), 0 runs
 * until stable (until an iteration gains less than 0.0001 modularity, at
 * most 50 iterations). Louvain ignores it. ERG_EINVAL for iterations < 0
 * and for a resolution that is not finite and > 0.
 */
erg_status erg_analyze_communities_iterations(const erg_net *net, erg_community_method method,
                                              double resolution, int iterations, erg_partition *out,
                                              erg_error *err);

/*
 * The connected components, largest first; modularity is that of the
 * components as communities (resolution 1). O(V + E).
 */
erg_status erg_analyze_components(const erg_net *net, erg_partition *out, erg_error *err);

/* Fills cores (resized to the vertex count) with the coreness of each vertex (k-core index). */
erg_status erg_analyze_coreness(const erg_net *net, igraph_vector_int_t *cores, erg_error *err);

/* ------------------------------------------------------------------------ */
/* Shortest paths and ego networks                                          */
/* ------------------------------------------------------------------------ */

/*
 * Up to k loopless paths, shortest first (by total length, the sum of
 * 1/weight), each as its vertices (from ... to) and its edges of the
 * erg_net. Caller-owned: erg_paths_init, erg_paths_release.
 */
typedef struct erg_paths {
    igraph_vector_int_list_t vertices;
    igraph_vector_int_list_t edges;
    igraph_vector_t lengths;
} erg_paths;

/* Empty lists. ERG_ENOMEM (nothing to release) on failure. */
erg_status erg_paths_init(erg_paths *p, erg_error *err);
void erg_paths_release(erg_paths *p);
/* Number of paths held. */
size_t erg_paths_count(const erg_paths *p);

/*
 * Finds the k (>= 1) shortest paths from `from` to `to` by length (Yen's
 * algorithm, igraph_get_k_shortest_paths; one Dijkstra when k is 1).
 * Fewer than k when there are fewer; none (ERG_OK, count 0) when the two are
 * not connected. from == to gives one path of one vertex. ERG_EINVAL for a
 * vertex out of range or k < 1. Cost: about k * (path length) Dijkstra runs.
 */
erg_status erg_analyze_paths(const erg_net *net, igraph_integer_t from, igraph_integer_t to,
                             igraph_integer_t k, erg_paths *out, erg_error *err);

/*
 * Marks in keep (resized to the vertex count) the vertices at most depth hops
 * (>= 0) from center, center included. ERG_EINVAL for a vertex out of range
 * or a negative depth. O(size of the neighbourhood).
 */
erg_status erg_analyze_ego(const erg_net *net, igraph_integer_t center, igraph_integer_t depth,
                           igraph_vector_bool_t *keep, erg_error *err);

/* ------------------------------------------------------------------------ */
/* Filters                                                                  */
/* ------------------------------------------------------------------------ */

/* Marks in keep_edge (resized to the edge count) the edges whose weight is >= min_weight. */
erg_status erg_analyze_filter_min_weight(const erg_net *net, double min_weight,
                                         igraph_vector_bool_t *keep_edge, erg_error *err);

/*
 * Marks in keep_vertex (resized to the size of scores) the n vertices with
 * the highest scores (ties: the lower vertex id wins; NaN counts as lowest).
 * All of them when n >= the vertex count. O(V log V).
 */
erg_status erg_analyze_filter_top(const igraph_vector_t *scores, igraph_integer_t n,
                                  igraph_vector_bool_t *keep_vertex, erg_error *err);

/*
 * Marks in keep_vertex the vertices of the largest connected component (ties:
 * the one holding the lowest vertex id). O(V + E).
 */
erg_status erg_analyze_filter_largest_component(const erg_net *net,
                                                igraph_vector_bool_t *keep_vertex, erg_error *err);

/*
 * The disparity filter of Serrano, Boguñá and Vespignani (PNAS 2009). For an
 * edge (i, j) of weight w and an endpoint i of degree k_i > 1 and strength
 * s_i, alpha_ij = (1 - w / s_i)^(k_i - 1): the probability that a tie this
 * strong arises if i spread its strength uniformly at random over its k_i
 * edges. Fills alphas (resized to the edge count) with the smaller of the two
 * endpoints' values; an edge with an endpoint of degree 1 gets 0, so the only
 * tie of a vertex is always kept. O(V + E).
 */
erg_status erg_analyze_disparity(const erg_net *net, igraph_vector_t *alphas, erg_error *err);

/*
 * The backbone at significance alpha (0 < alpha <= 1, typically 0.05): marks
 * in keep_edge the edges whose erg_analyze_disparity value is < alpha, that
 * is, significant for at least one endpoint. ERG_EINVAL for alpha out of
 * range.
 */
erg_status erg_analyze_backbone(const erg_net *net, double alpha, igraph_vector_bool_t *keep_edge,
                                erg_error *err);

/* ------------------------------------------------------------------------ */
/* The erg graph around the analysis                                        */
/* ------------------------------------------------------------------------ */

/*
 * Writes to out (up to cap indexes) the erg_graph edges between entities a
 * and b, in either direction, in the graph's edge order (source, target,
 * kind); returns how many there are (which may exceed cap). The graph must
 * be finished. O(log E + answer).
 */
size_t erg_analyze_pair_edges(const erg_graph *g, size_t a, size_t b, size_t *out, size_t cap);

/*
 * The erg_graph edges that touch each entity, for walking neighbours without
 * igraph. Caller-owned: erg_incidence_build fills it, erg_incidence_release
 * empties it. The edges of entity i are edges[offsets[i] .. offsets[i+1]),
 * in the graph's edge order.
 */
typedef struct erg_incidence {
    size_t *offsets; /* entity count + 1 entries */
    size_t *edges;
    size_t n_entities;
} erg_incidence;

/*
 * Fills inc (uninitialized before) from g's current entities and edges; a
 * self-loop is listed once. ERG_ENOMEM, or ERG_EFORMAT when an edge names an
 * entity out of range; inc holds nothing to release then. O(V + E).
 */
erg_status erg_incidence_build(erg_incidence *inc, const erg_graph *g, erg_error *err);
void erg_incidence_release(erg_incidence *inc);

/*
 * A new finished graph (owned by the caller, erg_graph_free) holding the
 * entities of g marked in keep_vertex (NULL: all) and the edges between two
 * kept entities. When keep_edge (an edge mask over net, which must be g's
 * erg_net; net may be NULL without keep_edge) is given, a pair whose
 * co-mention edge is not marked loses all its edges, typed ones included;
 * pairs with only typed edges stay. Entities, edges and their records are
 * copied unchanged (so an entity keeps its mention and article counts from
 * the whole corpus); the articles kept are those that a kept evidence
 * record cites. The result has g's evidence cap.
 *
 * The masks are mapped to entity and edge masks of g and the copy is
 * erg_graph_subset's. ERG_EINVAL when g is not finished or a mask has the
 * wrong size; ERG_ENOMEM. O(V + E log(degree) + articles + evidence).
 */
erg_status erg_analyze_subset(const erg_graph *g, const erg_net *net,
                              const igraph_vector_bool_t *keep_vertex,
                              const igraph_vector_bool_t *keep_edge, erg_graph **out,
                              erg_error *err);

/* ------------------------------------------------------------------------ */
/* Names                                                                    */
/* ------------------------------------------------------------------------ */

/*
 * An index of the names of a graph's entities: their merge keys and the keys
 * (erg_text_name_key) of their display names and aliases, each with how many
 * mentions were written so. Heap object: erg_names_new, erg_names_free. It
 * borrows the graph, which must outlive it and stay unchanged.
 */
typedef struct erg_names erg_names;

/* ERG_ENOMEM on allocation failure. O(total names log total names). */
erg_status erg_names_new(erg_names **out, const erg_graph *g, erg_error *err);
void erg_names_free(erg_names *n);

/*
 * Reads the words that may stand before a name and are not part of it from
 * a title list in the format of the shipped data/titles.tsv
 * (erg_data_path("titles.tsv"), read by erg_title_list_read): the titles
 * used "title" ("Mr", "Lord", "Sen."). They are compared by merge key, so
 * "Mr." and "mr" are one title.
 * erg_names_lookup drops them from the start of a name that names nothing
 * as it is. May be called more than once; the lists add up. Fails as
 * erg_title_list_read does (ERG_ENOTFOUND for a missing file, ERG_EIO,
 * ERG_EFORMAT), or ERG_ENOMEM; a failed call adds no title.
 */
erg_status erg_names_add_titles(erg_names *n, const char *path, erg_error *err);

/*
 * The answer of erg_names_lookup. Caller-owned: erg_name_match_init,
 * erg_name_match_release.
 */
typedef struct erg_name_match {
    long entity;        /* the entity found, or -1 */
    size_t *candidates; /* when ambiguous: every entity the name fits, highest count first */
    uint32_t *counts;   /* their counts (see erg_names_lookup), beside candidates */
    size_t n_candidates;
    long suggestion; /* when nothing fits: the entity with the closest name, or -1 */
} erg_name_match;

void erg_name_match_init(erg_name_match *m);
void erg_name_match_release(erg_name_match *m);

/*
 * Finds the one entity that name denotes. Names are compared by merge key
 * (case, diacritics, hyphens and dots folded), through every surface form:
 * 1. The candidates are the entities whose merge key, display name or an
 *    alias has the name's key. When there are none and the name starts
 *    with a title (erg_names_add_titles), the title is dropped and the rest
 *    tried, title after title, keeping one word ("Mr Blair" -> "Blair").
 * 2. Each candidate counts the mentions written with that key: the counts
 *    of its aliases with the key; all its mentions for the entity whose own
 *    merge key it is (the name is that entity's name), and for one matched
 *    only through its display name.
 * 3. The candidate with the highest count (then the most mentions, then the
 *    lowest index) is the answer when it is the only one, or when its count
 *    is at least twice the next one's (and more than it) and it is not
 *    flagged ambiguous (a short form that several full names claim, which
 *    only answers when it is the only candidate). So "Blair", written 299
 *    times for Tony Blair, 20 times as a node of its own and twice for
 *    Cherie Blair, is Tony Blair; "Johnson", 5 times for one person and 4
 *    for another, is ambiguous.
 * ERG_OK with m->entity set when one entity fits. ERG_ENOTFOUND otherwise,
 * with err's text "no entity named 'X'; did you mean 'Y'?" (the nearest
 * name by edit distance on keys, tried on the whole name and then without
 * its titles, in m->suggestion; no question when none is near) or "'X'
 * could mean: 'A' (person, 5 mentions), 'B' (person, 4 mentions,
 * ambiguous)" (the first 8, then "and N more"; all of them in
 * m->candidates and m->counts). Cost: O(log names + candidates^2) when
 * found, O(names * key length^2) for the suggestion.
 */
erg_status erg_names_lookup(const erg_names *n, const char *name, erg_name_match *m,
                            erg_error *err);

/* One answer of erg_names_find. */
typedef struct erg_name_hit {
    size_t entity;
    const char *matched; /* the name or alias that matched (borrowed from the graph) */
    unsigned distance;   /* edits between the fragment and the closest part of the name */
} erg_name_hit;

/*
 * Entities whose display name or an alias contains text, compared by key,
 * allowing up to max_edits insertions, deletions or substitutions (a fuzzy
 * substring match; 0 asks for the exact fragment). One hit per entity, its
 * best-matching name; sorted by distance, then whole-name matches first,
 * then most mentions, then name. *hits is malloc'd (caller frees; NULL when
 * there are none), *n_hits its length. ERG_EINVAL when text has an empty key.
 * O(names * key length * fragment length).
 */
erg_status erg_names_find(const erg_names *n, const char *text, unsigned max_edits,
                          erg_name_hit **hits, size_t *n_hits, erg_error *err);

/*
 * Levenshtein distance between two UTF-8 strings, by code point. Exposed
 * for tests. O(|a| |b|) time.
 */
size_t erg_analyze_edit_distance(const char *a, const char *b);

#ifdef __cplusplus
}
#endif
#endif
