/*
 * net.c: the simple undirected co-mention network that every analysis uses.
 */
#include "analyze_private.h"

#include <math.h>
#include <string.h>

erg_status erg_analyze_i_fail(erg_error *err, igraph_error_t rc, const char *what)
{
    if (rc == IGRAPH_ENOMEM)
        return erg_error_set(err, ERG_ENOMEM, NULL, 0, -1, "out of memory in %s", what);
    return erg_error_set(err, ERG_EIGRAPH, NULL, 0, -1, "igraph failed in %s: %s", what,
                         igraph_strerror(rc));
}

erg_status erg_analyze_i_check_vertex(const erg_net *net, igraph_integer_t v, const char *what,
                                      erg_error *err)
{
    if (v < 0 || v >= igraph_vcount(&net->graph))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "%s vertex %lld is out of range", what,
                             (long long)v);
    return ERG_OK;
}

/* Fills net->length from net->weight; the weights must already be checked. */
static erg_status fill_lengths(erg_net *net, erg_error *err)
{
    erg_status st = ERG_OK;
    igraph_integer_t m = igraph_vector_size(&net->weight);
    ERG_IG(igraph_vector_init(&net->length, m), "vector_init");
    for (igraph_integer_t e = 0; e < m; e++)
        VECTOR(net->length)[e] = 1.0 / VECTOR(net->weight)[e];
cleanup:
    return st;
}

static erg_status check_weights(const igraph_vector_t *w, erg_error *err)
{
    igraph_integer_t m = igraph_vector_size(w);
    for (igraph_integer_t e = 0; e < m; e++) {
        double x = VECTOR(*w)[e];
        if (!isfinite(x) || x <= 0)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "edge %lld has weight %g; weights must be finite and > 0",
                                 (long long)e, x);
    }
    return ERG_OK;
}

erg_status erg_net_init(erg_net *net, const erg_graph *g, erg_error *err)
{
    memset(net, 0, sizeof *net);
    erg_status st = erg_graph_to_igraph(g, &net->graph, &net->weight, err);
    if (st != ERG_OK) {
        memset(net, 0, sizeof *net);
        return st;
    }
    if (igraph_vector_size(&net->weight) != igraph_ecount(&net->graph)) {
        st = erg_error_set(
            err, ERG_EINVAL, NULL, 0, -1, "the network has %lld edges but %lld weights",
            (long long)igraph_ecount(&net->graph), (long long)igraph_vector_size(&net->weight));
        goto fail;
    }
    if ((st = check_weights(&net->weight, err)) != ERG_OK)
        goto fail;
    if ((st = fill_lengths(net, err)) != ERG_OK)
        goto fail;
    return ERG_OK;
fail:
    igraph_destroy(&net->graph);
    igraph_vector_destroy(&net->weight);
    memset(net, 0, sizeof *net);
    return st;
}

erg_status erg_net_init_edges(erg_net *net, igraph_integer_t n_vertices,
                              const igraph_integer_t *pairs, const double *weights, size_t n_edges,
                              erg_error *err)
{
    erg_status st = ERG_OK;
    igraph_vector_int_t edges;
    bool have_edges = false, have_graph = false, have_weight = false;
    igraph_bool_t multi = false;

    memset(net, 0, sizeof *net);
    if (n_vertices < 0)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "negative vertex count");
    for (size_t e = 0; e < n_edges; e++) {
        igraph_integer_t a = pairs[2 * e], b = pairs[2 * e + 1];
        if (a < 0 || b < 0 || a >= n_vertices || b >= n_vertices)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "edge %zu joins a vertex out of range", e);
        if (a == b)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "edge %zu is a loop", e);
        if (!isfinite(weights[e]) || weights[e] <= 0)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "edge %zu has weight %g; weights must be finite and > 0", e,
                                 weights[e]);
    }
    ERG_IG(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * n_edges)), "vector_init");
    have_edges = true;
    for (size_t i = 0; i < 2 * n_edges; i++)
        VECTOR(edges)[i] = pairs[i];
    ERG_IG(igraph_create(&net->graph, &edges, n_vertices, IGRAPH_UNDIRECTED), "create");
    have_graph = true;
    ERG_IG(igraph_has_multiple(&net->graph, &multi), "has_multiple");
    if (multi) {
        st = erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "a pair of vertices has two edges");
        goto cleanup;
    }
    ERG_IG(igraph_vector_init(&net->weight, (igraph_integer_t)n_edges), "vector_init");
    have_weight = true;
    for (size_t e = 0; e < n_edges; e++)
        VECTOR(net->weight)[e] = weights[e];
    st = fill_lengths(net, err);
cleanup:
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    if (st != ERG_OK) {
        if (have_graph)
            igraph_destroy(&net->graph);
        if (have_weight)
            igraph_vector_destroy(&net->weight);
        memset(net, 0, sizeof *net);
    }
    return st;
}

void erg_net_release(erg_net *net)
{
    if (!net || !net->weight.stor_begin)
        return;
    igraph_destroy(&net->graph);
    igraph_vector_destroy(&net->weight);
    igraph_vector_destroy(&net->length);
    memset(net, 0, sizeof *net);
}
