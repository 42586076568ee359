/*
 * partition.c: communities (Leiden, Louvain), connected components, coreness.
 */
#include "analyze_private.h"

#include <math.h>
#include <stdlib.h>
#include <strings.h>

/* Leiden stops when an iteration gains less modularity than this, or after this many. */
#define ERG_LEIDEN_MIN_GAIN 1e-4
#define ERG_LEIDEN_MAX_ITERATIONS 50

const char *erg_community_method_name(erg_community_method m)
{
    switch (m) {
    case ERG_COMMUNITY_LEIDEN:
        return "leiden";
    case ERG_COMMUNITY_LOUVAIN:
        return "louvain";
    }
    return "unknown";
}

erg_status erg_community_method_parse(const char *s, erg_community_method *out)
{
    if (strcasecmp(s, "leiden") == 0)
        *out = ERG_COMMUNITY_LEIDEN;
    else if (strcasecmp(s, "louvain") == 0 || strcasecmp(s, "multilevel") == 0)
        *out = ERG_COMMUNITY_LOUVAIN;
    else
        return ERG_EINVAL;
    return ERG_OK;
}

erg_status erg_partition_init(erg_partition *p, erg_error *err)
{
    p->count = 0;
    p->modularity = NAN;
    if (igraph_vector_int_init(&p->membership, 0) != IGRAPH_SUCCESS)
        return erg_error_oom(err);
    if (igraph_vector_int_init(&p->sizes, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&p->membership);
        return erg_error_oom(err);
    }
    return ERG_OK;
}

void erg_partition_release(erg_partition *p)
{
    if (!p)
        return;
    igraph_vector_int_destroy(&p->membership);
    igraph_vector_int_destroy(&p->sizes);
    p->count = 0;
}

typedef struct group_order {
    igraph_integer_t label;
    igraph_integer_t size;
    igraph_integer_t first; /* lowest vertex id in the group */
} group_order;

static int cmp_group(const void *pa, const void *pb)
{
    const group_order *a = pa, *b = pb;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

/*
 * Renumbers p->membership (any non-negative labels) so that groups go from
 * the largest to the smallest, ties by lowest vertex, and fills sizes and
 * count. Makes the answer independent of how igraph numbered the groups.
 */
static erg_status renumber(erg_partition *p, erg_error *err)
{
    erg_status st = ERG_OK;
    igraph_integer_t n = igraph_vector_int_size(&p->membership);
    igraph_integer_t max_label = -1;
    for (igraph_integer_t v = 0; v < n; v++)
        if (VECTOR(p->membership)[v] > max_label)
            max_label = VECTOR(p->membership)[v];
    size_t labels = (size_t)(max_label + 1);
    group_order *order = calloc(labels ? labels : 1, sizeof *order);
    igraph_integer_t *newlabel = malloc((labels ? labels : 1) * sizeof *newlabel);
    if (!order || !newlabel) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    for (size_t l = 0; l < labels; l++) {
        order[l].label = (igraph_integer_t)l;
        order[l].first = n;
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        group_order *o = &order[VECTOR(p->membership)[v]];
        if (o->size++ == 0)
            o->first = v;
    }
    qsort(order, labels, sizeof *order, cmp_group);
    igraph_integer_t count = 0;
    while ((size_t)count < labels && order[count].size > 0)
        count++;
    ERG_IG(igraph_vector_int_resize(&p->sizes, count), "vector_resize");
    for (igraph_integer_t i = 0; i < count; i++) {
        newlabel[order[i].label] = i;
        VECTOR(p->sizes)[i] = order[i].size;
    }
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(p->membership)[v] = newlabel[VECTOR(p->membership)[v]];
    p->count = count;
cleanup:
    free(order);
    free(newlabel);
    return st;
}

static erg_status set_modularity(const erg_net *net, erg_partition *p, double resolution,
                                 erg_error *err)
{
    erg_status st = ERG_OK;
    igraph_real_t q = NAN;
    if (igraph_ecount(&net->graph) > 0)
        ERG_IG(igraph_modularity(&net->graph, &p->membership, &net->weight, resolution,
                                 IGRAPH_UNDIRECTED, &q),
               "modularity");
    p->modularity = q;
cleanup:
    return st;
}

erg_status erg_analyze_communities(const erg_net *net, erg_community_method method,
                                   double resolution, erg_partition *out, erg_error *err)
{
    return erg_analyze_communities_iterations(net, method, resolution, ERG_LEIDEN_ITERATIONS, out,
                                              err);
}

erg_status erg_analyze_communities_iterations(const erg_net *net, erg_community_method method,
                                              double resolution, int iterations, erg_partition *out,
                                              erg_error *err)
{
    erg_status st = ERG_OK;
    const igraph_t *g = &net->graph;
    igraph_integer_t n = igraph_vcount(g);
    igraph_vector_t strength;
    igraph_vector_int_t previous;
    bool have_strength = false, have_previous = false;

    if (!isfinite(resolution) || resolution <= 0)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "resolution must be a number > 0, not %g", resolution);
    if (iterations < 0)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "iterations must be 1 or more, or 0 (until stable), not %d",
                             iterations);
    if (igraph_ecount(g) == 0) {
        /* Nothing to optimize (and igraph would divide by a zero total weight). */
        ERG_IG(igraph_vector_int_resize(&out->membership, n), "vector_resize");
        for (igraph_integer_t v = 0; v < n; v++)
            VECTOR(out->membership)[v] = v;
    } else if (method == ERG_COMMUNITY_LEIDEN) {
        igraph_integer_t clusters;
        igraph_real_t quality;
        ERG_IG(igraph_vector_init(&strength, 0), "vector_init");
        have_strength = true;
        ERG_IG(
            igraph_strength(g, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &net->weight),
            "strength");
        /*
         * With node weights equal to strengths, Leiden's CPM quality becomes
         * modularity when the resolution is divided by twice the total weight.
         */
        double total = igraph_vector_sum(&net->weight);
        ERG_IG(igraph_vector_int_init(&previous, 0), "vector_init");
        have_previous = true;
        ERG_IG(igraph_rng_seed(igraph_rng_default(), ERG_ANALYZE_SEED), "rng_seed");
        /* A fixed number of iterations, as igraph and python-igraph run it (2 by default). */
        if (iterations > 0)
            ERG_IG(igraph_community_leiden(g, &net->weight, &strength, resolution / (2.0 * total),
                                           0.01, false, iterations, &out->membership, &clusters,
                                           &quality),
                   "community_leiden");
        /*
         * Until stable: one iteration at a time, refining the previous partition, until an
         * iteration gains less than ERG_LEIDEN_MIN_GAIN: igraph 0.10.2's own
         * "until stable" (n_iterations < 0) can loop for ever (for example
         * when every vertex ends alone at a high resolution), and on large
         * graphs keeps moving vertices for gains in the fifth decimal.
         * Leiden's quality here is the modularity itself.
         */
        double best = -INFINITY;
        for (int it = 0; iterations == 0 && it < ERG_LEIDEN_MAX_ITERATIONS; it++) {
            ERG_IG(igraph_community_leiden(g, &net->weight, &strength, resolution / (2.0 * total),
                                           0.01, it > 0, 1, &out->membership, &clusters, &quality),
                   "community_leiden");
            if (it > 0 && quality < best) {
                /* A worse refinement (Leiden is randomized): keep the better one. */
                ERG_IG(igraph_vector_int_update(&out->membership, &previous), "vector_update");
                break;
            }
            bool done = it > 0 && quality - best < ERG_LEIDEN_MIN_GAIN;
            best = quality;
            if (done)
                break;
            ERG_IG(igraph_vector_int_update(&previous, &out->membership), "vector_update");
        }
    } else if (method == ERG_COMMUNITY_LOUVAIN) {
        ERG_IG(igraph_rng_seed(igraph_rng_default(), ERG_ANALYZE_SEED), "rng_seed");
        ERG_IG(
            igraph_community_multilevel(g, &net->weight, resolution, &out->membership, NULL, NULL),
            "community_multilevel");
    } else {
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "unknown community method %d",
                             (int)method);
    }
    if ((st = renumber(out, err)) != ERG_OK)
        goto cleanup;
    st = set_modularity(net, out, resolution, err);
cleanup:
    if (have_strength)
        igraph_vector_destroy(&strength);
    if (have_previous)
        igraph_vector_int_destroy(&previous);
    return st;
}

erg_status erg_analyze_components(const erg_net *net, erg_partition *out, erg_error *err)
{
    erg_status st = ERG_OK;
    igraph_integer_t count;
    ERG_IG(igraph_connected_components(&net->graph, &out->membership, NULL, &count, IGRAPH_WEAK),
           "connected_components");
    if ((st = renumber(out, err)) != ERG_OK)
        goto cleanup;
    st = set_modularity(net, out, 1.0, err);
cleanup:
    return st;
}

erg_status erg_analyze_coreness(const erg_net *net, igraph_vector_int_t *cores, erg_error *err)
{
    erg_status st = ERG_OK;
    ERG_IG(igraph_coreness(&net->graph, cores, IGRAPH_ALL), "coreness");
cleanup:
    return st;
}
