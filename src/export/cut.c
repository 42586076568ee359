/*
 * cut.c: which entities a drawing keeps when the graph is too large to read
 * whole (pictures, the HTML view).
 */
#include "export_private.h"

#include <math.h>
#include <stdlib.h>

typedef struct {
    size_t index;
    double score;
    uint32_t mentions;
} ranked;

/* Higher score first, then more mentions, then the lower index (key order): a total order. */
static int by_rank(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->mentions != y->mentions)
        return x->mentions > y->mentions ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

double erg_export_i_importance(const erg_graph *g, const erg_export_options *o, size_t i)
{
    if (o && o->n_attrs > 0) {
        double v = o->attrs[0].values[i];
        return isfinite(v) ? v : -INFINITY;
    }
    return (double)erg_graph_entity(g, i)->mentions;
}

erg_status erg_export_i_cut(const erg_graph *g, const erg_export_options *o, size_t max_nodes,
                            bool *keep, size_t *n_kept)
{
    size_t n = erg_graph_entity_count(g);
    *n_kept = n;
    if (n <= max_nodes || max_nodes == 0) {
        for (size_t i = 0; i < n; i++)
            keep[i] = true;
        return ERG_OK;
    }
    ranked *r = malloc(n * sizeof *r);
    if (!r)
        return ERG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        r[i] = (ranked){i, erg_export_i_importance(g, o, i), erg_graph_entity(g, i)->mentions};
        keep[i] = false;
    }
    qsort(r, n, sizeof *r, by_rank);
    for (size_t k = 0; k < max_nodes; k++)
        keep[r[k].index] = true;
    free(r);
    *n_kept = max_nodes;
    return ERG_OK;
}
