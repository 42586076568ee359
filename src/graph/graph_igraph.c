/*
 * graph_igraph.c: the simple undirected co-mention graph as an igraph_t.
 */
#include "graph_private.h"

erg_status erg_graph_to_igraph(const erg_graph *g, igraph_t *out, igraph_vector_t *weights,
                               erg_error *err)
{
    if (!g || !out || !weights)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph or no output");
    if (!g->finished)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    /* One pass over the edge table: the vectors get room for every edge and shrink after. */
    igraph_integer_t cap = (igraph_integer_t)g->n_edges;
    igraph_vector_int_t ends;
    igraph_error_t rc = igraph_vector_int_init(&ends, 2 * cap);
    if (rc != IGRAPH_SUCCESS)
        return erg_error_set(err, ERG_EIGRAPH, NULL, 0, -1, "igraph: %s", igraph_strerror(rc));
    rc = igraph_vector_init(weights, cap);
    if (rc != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&ends);
        return erg_error_set(err, ERG_EIGRAPH, NULL, 0, -1, "igraph: %s", igraph_strerror(rc));
    }
    erg_graph_i_advise_huge(VECTOR(ends), (size_t)(2 * cap) * sizeof(igraph_integer_t));
    erg_graph_i_advise_huge(VECTOR(*weights), (size_t)cap * sizeof(igraph_real_t));
    igraph_integer_t k = 0;
    for (size_t i = 0; i < g->n_edges; i++) {
        const erg_edge *d = &g->edges[i];
        if (d->kind != ERG_KIND_CO_MENTION)
            continue;
        VECTOR(ends)[2 * k] = (igraph_integer_t)d->source;
        VECTOR(ends)[2 * k + 1] = (igraph_integer_t)d->target;
        VECTOR(*weights)[k] = (igraph_real_t)erg_edge_weight(d);
        k++;
    }
    /* Shrinking keeps the storage: it cannot fail. */
    (void)igraph_vector_int_resize(&ends, 2 * k);
    (void)igraph_vector_resize(weights, k);
    rc = igraph_create(out, &ends, (igraph_integer_t)g->n_ents, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&ends);
    if (rc != IGRAPH_SUCCESS) {
        igraph_vector_destroy(weights);
        return erg_error_set(err, ERG_EIGRAPH, NULL, 0, -1, "igraph: %s", igraph_strerror(rc));
    }
    return ERG_OK;
}
