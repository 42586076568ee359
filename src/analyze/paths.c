/*
 * paths.c: k shortest paths by length (1/weight) and ego networks.
 */
#include "analyze_private.h"

erg_status erg_paths_init(erg_paths *p, erg_error *err)
{
    if (igraph_vector_int_list_init(&p->vertices, 0) != IGRAPH_SUCCESS)
        return erg_error_oom(err);
    if (igraph_vector_int_list_init(&p->edges, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_list_destroy(&p->vertices);
        return erg_error_oom(err);
    }
    if (igraph_vector_init(&p->lengths, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_list_destroy(&p->vertices);
        igraph_vector_int_list_destroy(&p->edges);
        return erg_error_oom(err);
    }
    return ERG_OK;
}

void erg_paths_release(erg_paths *p)
{
    if (!p)
        return;
    igraph_vector_int_list_destroy(&p->vertices);
    igraph_vector_int_list_destroy(&p->edges);
    igraph_vector_destroy(&p->lengths);
}

size_t erg_paths_count(const erg_paths *p)
{
    return (size_t)igraph_vector_int_list_size(&p->vertices);
}

/* Sets p->lengths from the edges of each path. */
static erg_status sum_lengths(const erg_net *net, erg_paths *p, erg_error *err)
{
    erg_status st = ERG_OK;
    igraph_integer_t n = igraph_vector_int_list_size(&p->edges);
    ERG_IG(igraph_vector_resize(&p->lengths, n), "vector_resize");
    for (igraph_integer_t i = 0; i < n; i++) {
        const igraph_vector_int_t *edges = igraph_vector_int_list_get_ptr(&p->edges, i);
        double len = 0;
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(edges); j++)
            len += VECTOR(net->length)[VECTOR(*edges)[j]];
        VECTOR(p->lengths)[i] = len;
    }
cleanup:
    return st;
}

/* The single shortest path with one Dijkstra run. */
static erg_status one_path(const erg_net *net, igraph_integer_t from, igraph_integer_t to,
                           erg_paths *out, erg_error *err)
{
    erg_status st = ERG_OK;
    igraph_vector_int_t vertices, edges;
    bool have_v = false, have_e = false;
    ERG_IG(igraph_vector_int_init(&vertices, 0), "vector_init");
    have_v = true;
    ERG_IG(igraph_vector_int_init(&edges, 0), "vector_init");
    have_e = true;
    ERG_IG(igraph_get_shortest_path_dijkstra(&net->graph, &vertices, &edges, from, to, &net->length,
                                             IGRAPH_ALL),
           "get_shortest_path_dijkstra");
    /* An unreachable target leaves the vertex list empty (igraph only warns). */
    if (igraph_vector_int_size(&vertices) == 0)
        goto cleanup;
    ERG_IG(igraph_vector_int_list_push_back(&out->vertices, &vertices), "list_push_back");
    have_v = false; /* the list owns it now */
    ERG_IG(igraph_vector_int_list_push_back(&out->edges, &edges), "list_push_back");
    have_e = false;
cleanup:
    if (have_v)
        igraph_vector_int_destroy(&vertices);
    if (have_e)
        igraph_vector_int_destroy(&edges);
    return st;
}

erg_status erg_analyze_paths(const erg_net *net, igraph_integer_t from, igraph_integer_t to,
                             igraph_integer_t k, erg_paths *out, erg_error *err)
{
    erg_status st;
    if ((st = erg_analyze_i_check_vertex(net, from, "start", err)) != ERG_OK ||
        (st = erg_analyze_i_check_vertex(net, to, "end", err)) != ERG_OK)
        return st;
    if (k < 1)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "the number of paths must be >= 1");
    igraph_vector_int_list_clear(&out->vertices);
    igraph_vector_int_list_clear(&out->edges);
    if (k == 1) {
        if ((st = one_path(net, from, to, out, err)) != ERG_OK)
            goto cleanup;
    } else {
        ERG_IG(igraph_get_k_shortest_paths(&net->graph, &net->length, &out->vertices, &out->edges,
                                           k, from, to, IGRAPH_ALL),
               "get_k_shortest_paths");
    }
    st = sum_lengths(net, out, err);
cleanup:
    if (st != ERG_OK) {
        igraph_vector_int_list_clear(&out->vertices);
        igraph_vector_int_list_clear(&out->edges);
        igraph_vector_clear(&out->lengths);
    }
    return st;
}

erg_status erg_analyze_ego(const erg_net *net, igraph_integer_t center, igraph_integer_t depth,
                           igraph_vector_bool_t *keep, erg_error *err)
{
    erg_status st;
    igraph_vector_int_list_t hood;
    if ((st = erg_analyze_i_check_vertex(net, center, "center", err)) != ERG_OK)
        return st;
    if (depth < 0)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "depth must be >= 0");
    if (igraph_vector_int_list_init(&hood, 0) != IGRAPH_SUCCESS)
        return erg_error_oom(err);
    ERG_IG(igraph_neighborhood(&net->graph, &hood, igraph_vss_1(center), depth, IGRAPH_ALL, 0),
           "neighborhood");
    ERG_IG(igraph_vector_bool_resize(keep, igraph_vcount(&net->graph)), "vector_resize");
    igraph_vector_bool_null(keep);
    const igraph_vector_int_t *vs = igraph_vector_int_list_get_ptr(&hood, 0);
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(vs); i++)
        VECTOR(*keep)[VECTOR(*vs)[i]] = true;
cleanup:
    igraph_vector_int_list_destroy(&hood);
    return st;
}
