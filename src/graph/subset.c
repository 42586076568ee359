/*
 * subset.c: a smaller graph copied out of a finished one, table to table.
 *
 * The copy keeps the order of g's tables, and the index map from g to the
 * copy only drops entries, so the copy is already sorted the way
 * erg_graph_finish sorts (entities by key, edges by (source, target, kind),
 * articles by id) and needs no finishing of its own.
 */
#include "graph_private.h"

#include <stdlib.h>
#include <string.h>

/* Marks in cited the articles of g that the evidence of the kept edges names. */
static void mark_cited(const erg_graph *g, const bool *keep_edge, const uint32_t *map, bool *cited)
{
    for (size_t i = 0; i < g->n_edges; i++) {
        const erg_edge *d = &g->edges[i];
        if ((keep_edge && !keep_edge[i]) || map[d->source] == ERG_GRAPH_NONE ||
            map[d->target] == ERG_GRAPH_NONE)
            continue;
        for (size_t k = 0; k < d->n_evidence; k++) {
            long a = erg_graph_i_find_article(g, d->evidence[k].article);
            if (a >= 0)
                cited[a] = true;
        }
    }
}

static erg_status copy_entity(erg_graph *dst, const erg_entity *se)
{
    uint32_t gi;
    if (erg_graph_i_entity(dst, se->key, se->type, se->name, &gi) != ERG_OK)
        return ERG_ENOMEM;
    erg_entity *e = &dst->ents[gi];
    e->mentions = se->mentions;
    e->articles = se->articles;
    memcpy(e->type_votes, se->type_votes, sizeof e->type_votes);
    e->ambiguous = se->ambiguous;
    if (erg_graph_i_dates(dst, &e->first_date, &e->last_date, se->first_date) != ERG_OK ||
        erg_graph_i_dates(dst, &e->first_date, &e->last_date, se->last_date) != ERG_OK)
        return ERG_ENOMEM;
    for (size_t k = 0; k < se->n_aliases; k++)
        if (erg_graph_i_alias(e, se->aliases[k].name, se->aliases[k].count, se->aliases[k].rule) !=
            ERG_OK)
            return ERG_ENOMEM;
    return ERG_OK;
}

static erg_status copy_edge(erg_graph *dst, const erg_edge *sd, uint32_t s, uint32_t t)
{
    uint32_t di;
    if (erg_graph_i_edge(dst, s, t, sd->kind, &di) != ERG_OK)
        return ERG_ENOMEM;
    erg_edge *d = &dst->edges[di];
    d->count = sd->count;
    d->wunits = sd->wunits;
    d->articles = sd->articles;
    if (erg_graph_i_dates(dst, &d->first_date, &d->last_date, sd->first_date) != ERG_OK ||
        erg_graph_i_dates(dst, &d->first_date, &d->last_date, sd->last_date) != ERG_OK)
        return ERG_ENOMEM;
    for (size_t k = 0; k < sd->n_outlets; k++)
        if (erg_graph_i_outlet(dst, d, sd->outlets[k]) != ERG_OK)
            return ERG_ENOMEM;
    for (size_t k = 0; k < sd->n_evidence; k++) {
        const erg_evidence *ev = &sd->evidence[k];
        const char *sentence = ev->sentence ? ev->sentence : "";
        if (erg_graph_i_evidence(dst, d, ev->article, ev->start, ev->end, sentence,
                                 strlen(sentence)) != ERG_OK)
            return ERG_ENOMEM;
    }
    return ERG_OK;
}

erg_status erg_graph_subset(const erg_graph *g, const bool *keep_entity, const bool *keep_edge,
                            erg_graph **out, erg_error *err)
{
    if (!out)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no output");
    *out = NULL;
    if (!g)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph");
    if (!g->finished)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    erg_status st = ERG_OK;
    erg_graph *dst = NULL;
    uint32_t *map = malloc((g->n_ents ? g->n_ents : 1) * sizeof *map);
    bool *cited = calloc(g->n_arts ? g->n_arts : 1, sizeof *cited);
    if (!map || !cited || erg_graph_new(&dst, g->max_evidence, err) != ERG_OK)
        goto oom;

    uint32_t kept = 0;
    for (size_t i = 0; i < g->n_ents; i++)
        map[i] = !keep_entity || keep_entity[i] ? kept++ : ERG_GRAPH_NONE;
    mark_cited(g, keep_edge, map, cited);

    /* Articles first: evidence records name them. */
    for (size_t i = 0; i < g->n_arts; i++) {
        const erg_graph_article *a = &g->arts[i];
        if (cited[i] &&
            erg_graph_i_article(dst, a->id, a->title, a->date, a->source, a->url) != ERG_OK)
            goto oom;
    }
    for (size_t i = 0; i < g->n_ents; i++)
        if (map[i] != ERG_GRAPH_NONE && copy_entity(dst, &g->ents[i]) != ERG_OK)
            goto oom;
    for (size_t i = 0; i < g->n_edges; i++) {
        const erg_edge *sd = &g->edges[i];
        uint32_t s = map[sd->source], t = map[sd->target];
        if ((keep_edge && !keep_edge[i]) || s == ERG_GRAPH_NONE || t == ERG_GRAPH_NONE)
            continue;
        if (copy_edge(dst, sd, s, t) != ERG_OK)
            goto oom;
    }
    dst->finished = true;
    *out = dst;
    dst = NULL;
    goto cleanup;
oom:
    st = erg_error_oom(err);
cleanup:
    erg_graph_free(dst);
    free(map);
    free(cited);
    return st;
}
