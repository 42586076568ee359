/*
 * centrality.c: degree, strength, PageRank, betweenness, eigenvector and
 * closeness centrality on the co-mention network.
 */
#include "analyze_private.h"

#include <math.h>
#include <strings.h>

static const char *const centrality_names[ERG_CENTRALITY_COUNT] = {
    "degree", "strength", "pagerank", "betweenness", "eigenvector", "closeness"};

const char *erg_centrality_name(erg_centrality c)
{
    return (unsigned)c < ERG_CENTRALITY_COUNT ? centrality_names[c] : "unknown";
}

erg_status erg_centrality_parse(const char *s, erg_centrality *out)
{
    for (int c = 0; c < ERG_CENTRALITY_COUNT; c++)
        if (strcasecmp(s, centrality_names[c]) == 0) {
            *out = (erg_centrality)c;
            return ERG_OK;
        }
    return ERG_EINVAL;
}

static erg_status degree(const erg_net *net, igraph_vector_t *scores, erg_error *err)
{
    erg_status st = ERG_OK;
    igraph_vector_int_t deg;
    ERG_IG(igraph_vector_int_init(&deg, 0), "vector_init");
    igraph_integer_t n = igraph_vcount(&net->graph);
    igraph_error_t rc =
        igraph_degree(&net->graph, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS);
    if (rc == IGRAPH_SUCCESS)
        rc = igraph_vector_resize(scores, n);
    if (rc == IGRAPH_SUCCESS)
        for (igraph_integer_t v = 0; v < n; v++)
            VECTOR(*scores)[v] = (double)VECTOR(deg)[v];
    igraph_vector_int_destroy(&deg);
    if (rc != IGRAPH_SUCCESS)
        st = erg_analyze_i_fail(err, rc, "degree");
cleanup:
    return st;
}

erg_status erg_analyze_centrality(const erg_net *net, erg_centrality c, igraph_vector_t *scores,
                                  erg_error *err)
{
    erg_status st = ERG_OK;
    const igraph_t *g = &net->graph;
    igraph_integer_t n = igraph_vcount(g);
    igraph_real_t value;

    switch (c) {
    case ERG_CENTRALITY_DEGREE:
        return degree(net, scores, err);
    case ERG_CENTRALITY_STRENGTH:
        ERG_IG(igraph_strength(g, scores, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &net->weight),
               "strength");
        break;
    case ERG_CENTRALITY_PAGERANK:
        ERG_IG(igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, scores, &value, igraph_vss_all(),
                               IGRAPH_UNDIRECTED, 0.85, &net->weight, NULL),
               "pagerank");
        break;
    case ERG_CENTRALITY_BETWEENNESS:
        ERG_IG(igraph_betweenness(g, scores, igraph_vss_all(), IGRAPH_UNDIRECTED, &net->length),
               "betweenness");
        break;
    case ERG_CENTRALITY_EIGENVECTOR:
        if (igraph_ecount(g) == 0) {
            /* igraph answers 1 everywhere here; no edges means no centrality. */
            ERG_IG(igraph_vector_resize(scores, n), "vector_resize");
            igraph_vector_null(scores);
            break;
        }
        ERG_IG(igraph_eigenvector_centrality(g, scores, &value, IGRAPH_UNDIRECTED, true,
                                             &net->weight, NULL),
               "eigenvector_centrality");
        break;
    case ERG_CENTRALITY_CLOSENESS:
        ERG_IG(igraph_closeness(g, scores, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, &net->length,
                                true),
               "closeness");
        /* igraph gives NaN to a vertex that reaches nobody. */
        for (igraph_integer_t v = 0; v < n; v++)
            if (isnan(VECTOR(*scores)[v]))
                VECTOR(*scores)[v] = 0;
        break;
    default:
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "unknown centrality %d", (int)c);
    }
cleanup:
    return st;
}
