/*
 * edges.c: the erg_graph edges of a pair of entities, and of each entity.
 */
#include "analyze_private.h"

#include <stdlib.h>

/* First edge index whose (source, target) is >= (a, b); edges are sorted that way. */
static size_t lower_bound(const erg_graph *g, size_t a, size_t b)
{
    size_t lo = 0, hi = erg_graph_edge_count(g);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const erg_edge *e = erg_graph_edge(g, mid);
        if (e->source < a || (e->source == a && e->target < b))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t collect(const erg_graph *g, size_t a, size_t b, size_t *out, size_t cap, size_t n)
{
    size_t m = erg_graph_edge_count(g);
    for (size_t i = lower_bound(g, a, b); i < m; i++) {
        const erg_edge *e = erg_graph_edge(g, i);
        if (e->source != a || e->target != b)
            break;
        if (n < cap)
            out[n] = i;
        n++;
    }
    return n;
}

size_t erg_analyze_pair_edges(const erg_graph *g, size_t a, size_t b, size_t *out, size_t cap)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    size_t n = collect(g, lo, hi, out, cap, 0);
    if (lo != hi)
        n = collect(g, hi, lo, out, cap, n);
    return n;
}

erg_status erg_incidence_build(erg_incidence *inc, const erg_graph *g, erg_error *err)
{
    size_t n = erg_graph_entity_count(g), m = erg_graph_edge_count(g);
    inc->n_entities = n;
    inc->offsets = calloc(n + 1, sizeof *inc->offsets);
    inc->edges = malloc((m ? 2 * m : 1) * sizeof *inc->edges);
    size_t *fill = calloc(n ? n : 1, sizeof *fill);
    if (!inc->offsets || !inc->edges || !fill) {
        free(fill);
        erg_incidence_release(inc);
        return erg_error_oom(err);
    }
    for (size_t i = 0; i < m; i++) {
        const erg_edge *e = erg_graph_edge(g, i);
        if (e->source >= n || e->target >= n) {
            free(fill);
            erg_incidence_release(inc);
            return erg_error_set(err, ERG_EFORMAT, NULL, 0, -1, "edge %zu names entity %u of %zu",
                                 i, e->source >= n ? e->source : e->target, n);
        }
        inc->offsets[e->source + 1]++;
        if (e->target != e->source)
            inc->offsets[e->target + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        inc->offsets[v + 1] += inc->offsets[v];
    for (size_t i = 0; i < m; i++) {
        const erg_edge *e = erg_graph_edge(g, i);
        inc->edges[inc->offsets[e->source] + fill[e->source]++] = i;
        if (e->target != e->source)
            inc->edges[inc->offsets[e->target] + fill[e->target]++] = i;
    }
    free(fill);
    return ERG_OK;
}

void erg_incidence_release(erg_incidence *inc)
{
    if (!inc)
        return;
    free(inc->offsets);
    free(inc->edges);
    inc->offsets = NULL;
    inc->edges = NULL;
    inc->n_entities = 0;
}
