/*
 * subset.c: a smaller graph cut out of a big one (ego networks, subgraphs,
 * filters). It copies records through the graph module's internal helpers,
 * the same ones its file loader uses, so that the result is a graph like
 * any other: finished, indexed, and saved the same way.
 */
#include "analyze_private.h"

#include "../graph/graph_private.h"

#include <stdlib.h>
#include <string.h>

#define ALL_TYPES                                                                                  \
    (ERG_TYPE_BIT(ERG_TYPE_PERSON) | ERG_TYPE_BIT(ERG_TYPE_AGENCY) |                               \
     ERG_TYPE_BIT(ERG_TYPE_OUTLET) | ERG_TYPE_BIT(ERG_TYPE_PLACE))

/* True when edge d of g survives the masks; map gives new entity indexes (NONE: dropped). */
static bool edge_kept(const erg_net *net, const igraph_vector_bool_t *keep_edge,
                      const uint32_t *map, const erg_edge *d)
{
    if (map[d->source] == ERG_GRAPH_NONE || map[d->target] == ERG_GRAPH_NONE)
        return false;
    if (!keep_edge)
        return true;
    igraph_integer_t eid = -1;
    /* error=false: a pair with only typed edges has no co-mention edge, and eid stays -1. */
    if (igraph_get_eid(&net->graph, &eid, (igraph_integer_t)d->source, (igraph_integer_t)d->target,
                       IGRAPH_UNDIRECTED, false) != IGRAPH_SUCCESS)
        eid = -1;
    return eid < 0 || VECTOR(*keep_edge)[eid];
}

static erg_status copy_entity(erg_graph *sub, const erg_entity *e, uint32_t *out)
{
    if (erg_graph_i_entity(sub, e->key, e->type, e->name, out) != ERG_OK)
        return ERG_ENOMEM;
    erg_entity *c = &sub->ents[*out];
    c->mentions = e->mentions;
    c->articles = e->articles;
    memcpy(c->type_votes, e->type_votes, sizeof c->type_votes);
    if (erg_graph_i_dates(&c->first_date, &c->last_date, e->first_date) != ERG_OK ||
        erg_graph_i_dates(&c->first_date, &c->last_date, e->last_date) != ERG_OK)
        return ERG_ENOMEM;
    for (size_t a = 0; a < e->n_aliases; a++)
        if (erg_graph_i_alias(c, e->aliases[a].name, e->aliases[a].count) != ERG_OK)
            return ERG_ENOMEM;
    return ERG_OK;
}

static erg_status copy_edge(erg_graph *sub, const erg_edge *d, uint32_t s, uint32_t t)
{
    uint32_t di;
    if (erg_graph_i_edge(sub, s, t, d->kind, &di) != ERG_OK)
        return ERG_ENOMEM;
    erg_edge *c = &sub->edges[di];
    c->weight = d->weight;
    c->articles = d->articles;
    if (erg_graph_i_dates(&c->first_date, &c->last_date, d->first_date) != ERG_OK ||
        erg_graph_i_dates(&c->first_date, &c->last_date, d->last_date) != ERG_OK)
        return ERG_ENOMEM;
    for (size_t o = 0; o < d->n_outlets; o++)
        if (erg_graph_i_outlet(c, d->outlets[o]) != ERG_OK)
            return ERG_ENOMEM;
    for (size_t k = 0; k < d->n_evidence; k++) {
        const erg_evidence *ev = &d->evidence[k];
        if (erg_graph_i_evidence(c, sub->max_evidence, ev->article, ev->start, ev->end,
                                 ev->sentence ? ev->sentence : "") != ERG_OK)
            return ERG_ENOMEM;
    }
    return ERG_OK;
}

erg_status erg_analyze_subset(const erg_graph *g, const erg_net *net,
                              const igraph_vector_bool_t *keep_vertex,
                              const igraph_vector_bool_t *keep_edge, erg_graph **out,
                              erg_error *err)
{
    erg_status st = ERG_OK;
    size_t n = g->n_ents;
    uint32_t *map = NULL;
    bool *cited = NULL;
    erg_graph *sub = NULL;
    *out = NULL;

    if (!g->finished)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    if (keep_vertex && (size_t)igraph_vector_bool_size(keep_vertex) != n)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the vertex mask has %lld entries for %zu entities",
                             (long long)igraph_vector_bool_size(keep_vertex), n);
    if (keep_edge && (!net || (size_t)igraph_vcount(&net->graph) != n ||
                      igraph_vector_bool_size(keep_edge) != igraph_ecount(&net->graph)))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the edge mask does not belong to this graph's network");

    map = malloc((n ? n : 1) * sizeof *map);
    cited = calloc(g->n_arts ? g->n_arts : 1, sizeof *cited);
    if (!map || !cited)
        goto oom;
    if ((st = erg_graph_new(&sub, g->max_evidence, err)) != ERG_OK)
        goto cleanup;

    uint32_t kept = 0;
    for (size_t i = 0; i < n; i++)
        map[i] = !keep_vertex || VECTOR(*keep_vertex)[i] ? kept++ : ERG_GRAPH_NONE;
    /* Articles first: only those that a kept evidence record cites. */
    for (size_t i = 0; i < g->n_edges; i++) {
        const erg_edge *d = &g->edges[i];
        if (!edge_kept(net, keep_edge, map, d))
            continue;
        for (size_t k = 0; k < d->n_evidence; k++) {
            long a = erg_graph_i_find_article(g, d->evidence[k].article);
            if (a >= 0)
                cited[a] = true;
        }
    }
    for (size_t i = 0; i < g->n_arts; i++) {
        const erg_graph_article *a = &g->arts[i];
        if (cited[i] &&
            erg_graph_i_article(sub, a->id, a->title, a->date, a->source, a->url) != ERG_OK)
            goto oom;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t idx;
        if (map[i] == ERG_GRAPH_NONE)
            continue;
        if (copy_entity(sub, &g->ents[i], &idx) != ERG_OK)
            goto oom;
        map[i] = idx;
    }
    for (size_t i = 0; i < g->n_edges; i++) {
        const erg_edge *d = &g->edges[i];
        if (edge_kept(net, keep_edge, map, d) &&
            copy_edge(sub, d, map[d->source], map[d->target]) != ERG_OK)
            goto oom;
    }
    if ((st = erg_graph_finish(sub, ALL_TYPES, err)) != ERG_OK)
        goto cleanup;
    *out = sub;
    sub = NULL;
    goto cleanup;
oom:
    st = erg_error_oom(err);
cleanup:
    erg_graph_free(sub);
    free(map);
    free(cited);
    return st;
}
