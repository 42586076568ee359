/*
 * filter.c: masks that cut a graph down: minimum weight, top N by a score,
 * largest component, and the disparity-filter backbone.
 */
#include "analyze_private.h"

#include <math.h>
#include <stdlib.h>

erg_status erg_analyze_filter_min_weight(const erg_net *net, double min_weight,
                                         igraph_vector_bool_t *keep_edge, erg_error *err)
{
    erg_status st = ERG_OK;
    igraph_integer_t m = igraph_vector_size(&net->weight);
    ERG_IG(igraph_vector_bool_resize(keep_edge, m), "vector_resize");
    for (igraph_integer_t e = 0; e < m; e++)
        VECTOR(*keep_edge)[e] = VECTOR(net->weight)[e] >= min_weight;
cleanup:
    return st;
}

typedef struct scored {
    double score;
    igraph_integer_t id;
} scored;

static int cmp_scored(const void *pa, const void *pb)
{
    const scored *a = pa, *b = pb;
    bool na = isnan(a->score), nb = isnan(b->score);
    if (na != nb)
        return na ? 1 : -1;
    if (!na && a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

erg_status erg_analyze_filter_top(const igraph_vector_t *scores, igraph_integer_t n,
                                  igraph_vector_bool_t *keep_vertex, erg_error *err)
{
    erg_status st = ERG_OK;
    igraph_integer_t size = igraph_vector_size(scores);
    scored *order = NULL;
    if (n < 0)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "the number to keep must be >= 0");
    ERG_IG(igraph_vector_bool_resize(keep_vertex, size), "vector_resize");
    if (n >= size) {
        igraph_vector_bool_fill(keep_vertex, true);
        goto cleanup;
    }
    igraph_vector_bool_null(keep_vertex);
    order = malloc((size_t)(size ? size : 1) * sizeof *order);
    if (!order) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    for (igraph_integer_t v = 0; v < size; v++) {
        order[v].score = VECTOR(*scores)[v];
        order[v].id = v;
    }
    qsort(order, (size_t)size, sizeof *order, cmp_scored);
    for (igraph_integer_t i = 0; i < n; i++)
        VECTOR(*keep_vertex)[order[i].id] = true;
cleanup:
    free(order);
    return st;
}

erg_status erg_analyze_filter_largest_component(const erg_net *net,
                                                igraph_vector_bool_t *keep_vertex, erg_error *err)
{
    erg_partition p;
    erg_status st = erg_partition_init(&p, err);
    if (st != ERG_OK)
        return st;
    if ((st = erg_analyze_components(net, &p, err)) != ERG_OK)
        goto cleanup;
    igraph_integer_t n = igraph_vcount(&net->graph);
    ERG_IG(igraph_vector_bool_resize(keep_vertex, n), "vector_resize");
    /* Group 0 is the largest, and among equals the one with the lowest vertex. */
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(*keep_vertex)[v] = VECTOR(p.membership)[v] == 0;
cleanup:
    erg_partition_release(&p);
    return st;
}

erg_status erg_analyze_disparity(const erg_net *net, igraph_vector_t *alphas, erg_error *err)
{
    erg_status st = ERG_OK;
    const igraph_t *g = &net->graph;
    igraph_vector_int_t deg;
    igraph_vector_t strength;
    bool have_deg = false, have_strength = false;
    ERG_IG(igraph_vector_int_init(&deg, 0), "vector_init");
    have_deg = true;
    ERG_IG(igraph_vector_init(&strength, 0), "vector_init");
    have_strength = true;
    ERG_IG(igraph_degree(g, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS), "degree");
    ERG_IG(igraph_strength(g, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &net->weight),
           "strength");
    igraph_integer_t m = igraph_ecount(g);
    ERG_IG(igraph_vector_resize(alphas, m), "vector_resize");
    for (igraph_integer_t e = 0; e < m; e++) {
        double w = VECTOR(net->weight)[e];
        igraph_integer_t ends[2] = {IGRAPH_FROM(g, e), IGRAPH_TO(g, e)};
        double best = 1;
        for (int i = 0; i < 2; i++) {
            igraph_integer_t k = VECTOR(deg)[ends[i]];
            double a = 0;
            if (k > 1) {
                double rest = 1 - w / VECTOR(strength)[ends[i]];
                a = pow(rest > 0 ? rest : 0, (double)(k - 1));
            }
            if (a < best)
                best = a;
        }
        VECTOR(*alphas)[e] = best;
    }
cleanup:
    if (have_deg)
        igraph_vector_int_destroy(&deg);
    if (have_strength)
        igraph_vector_destroy(&strength);
    return st;
}

erg_status erg_analyze_backbone(const erg_net *net, double alpha, igraph_vector_bool_t *keep_edge,
                                erg_error *err)
{
    erg_status st = ERG_OK;
    igraph_vector_t alphas;
    if (!(alpha > 0 && alpha <= 1))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the backbone alpha must be in (0, 1], not %g", alpha);
    if (igraph_vector_init(&alphas, 0) != IGRAPH_SUCCESS)
        return erg_error_oom(err);
    if ((st = erg_analyze_disparity(net, &alphas, err)) != ERG_OK)
        goto cleanup;
    igraph_integer_t m = igraph_vector_size(&alphas);
    ERG_IG(igraph_vector_bool_resize(keep_edge, m), "vector_resize");
    for (igraph_integer_t e = 0; e < m; e++)
        VECTOR(*keep_edge)[e] = VECTOR(alphas)[e] < alpha;
cleanup:
    igraph_vector_destroy(&alphas);
    return st;
}
