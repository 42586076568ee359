/*
 * subset.c: a smaller graph copied out of a finished one, table to table.
 *
 * The copy keeps the order of g's entity and edge tables, and the index map
 * from g to the copy only drops entries, so they are already sorted the way
 * erg_graph_finish sorts (entities by key, edges by (source, target, kind));
 * the cited articles come in as the copied evidence cites them and are
 * sorted by id at the end.
 */
#include "graph_private.h"

#include <stdlib.h>
#include <string.h>

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
        erg_graph_i_dates(dst, &e->first_date, &e->last_date, se->last_date) != ERG_OK ||
        erg_graph_i_timeline_add(dst, &e->timeline, &e->n_timeline, se->timeline, se->n_timeline) !=
            ERG_OK)
        return ERG_ENOMEM;
    for (size_t k = 0; k < se->n_aliases; k++)
        if (erg_graph_i_alias(e, se->aliases[k].name, se->aliases[k].count, se->aliases[k].rule) !=
            ERG_OK)
            return ERG_ENOMEM;
    return ERG_OK;
}

static erg_status copy_edge(erg_graph *dst, const erg_graph *g, const erg_edge *sd, uint32_t s,
                            uint32_t t)
{
    uint32_t di;
    if (erg_graph_i_edge(dst, s, t, sd->kind, &di) != ERG_OK)
        return ERG_ENOMEM;
    erg_edge *d = &dst->edges[di];
    d->count = sd->count;
    d->wunits = sd->wunits;
    d->score = sd->score;
    d->patterns = sd->patterns;
    d->articles = sd->articles;
    if (erg_graph_i_dates(dst, &d->first_date, &d->last_date, sd->first_date) != ERG_OK ||
        erg_graph_i_dates(dst, &d->first_date, &d->last_date, sd->last_date) != ERG_OK ||
        erg_graph_i_timeline_add(dst, &d->timeline, &d->n_timeline, sd->timeline, sd->n_timeline) !=
            ERG_OK)
        return ERG_ENOMEM;
    for (size_t k = 0; k < sd->n_outlets; k++)
        if (erg_graph_i_outlet(dst, d, sd->outlets[k]) != ERG_OK)
            return ERG_ENOMEM;
    for (size_t k = 0; k < sd->n_evidence; k++) {
        const erg_evidence *ev = &sd->evidence[k];
        const char *sentence = ev->sentence ? ev->sentence : "";
        const erg_graph_article *a = erg_graph_i_cited(g, ev->article);
        const erg_graph_article bare = {ev->article, NULL, NULL, NULL, NULL};
        if (erg_graph_i_evidence(dst, d, a ? a : &bare, ev->start, ev->end, sentence,
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
    if (!map || erg_graph_new(&dst, g->max_evidence, err) != ERG_OK)
        goto oom;

    uint32_t kept = 0;
    for (size_t i = 0; i < g->n_ents; i++)
        map[i] = !keep_entity || keep_entity[i] ? kept++ : ERG_GRAPH_NONE;

    /* Every article id of the corpus: the copy's counts are the corpus's. */
    if (g->ids.n) {
        if (!(dst->ids.slots = malloc(g->ids.cap * sizeof *dst->ids.slots)))
            goto oom;
        memcpy(dst->ids.slots, g->ids.slots, g->ids.cap * sizeof *dst->ids.slots);
        dst->ids.cap = g->ids.cap;
        dst->ids.n = g->ids.n;
    }
    for (size_t i = 0; i < g->n_ents; i++)
        if (map[i] != ERG_GRAPH_NONE && copy_entity(dst, &g->ents[i]) != ERG_OK)
            goto oom;
    for (size_t i = 0; i < g->n_edges; i++) {
        const erg_edge *sd = &g->edges[i];
        uint32_t s = map[sd->source], t = map[sd->target];
        if ((keep_edge && !keep_edge[i]) || s == ERG_GRAPH_NONE || t == ERG_GRAPH_NONE)
            continue;
        if (copy_edge(dst, g, sd, s, t) != ERG_OK)
            goto oom;
    }
    /* The articles came in as evidence cited them: sort them as finish does. */
    if (erg_graph_i_settle_articles(dst) != ERG_OK)
        goto oom;
    dst->finished = true;
    dst->no_timeline = g->no_timeline;
    *out = dst;
    dst = NULL;
    goto cleanup;
oom:
    st = erg_error_oom(err);
cleanup:
    erg_graph_free(dst);
    free(map);
    return st;
}

bool erg_edge_confident(const erg_edge *d, uint16_t min)
{
    return d->kind == ERG_KIND_CO_MENTION || d->score >= min;
}

erg_status erg_graph_min_confidence(const erg_graph *g, uint16_t min, erg_graph **out,
                                    erg_error *err)
{
    size_t m = erg_graph_edge_count(g);
    bool *keep = malloc((m ? m : 1) * sizeof *keep);
    if (!keep)
        return erg_error_oom(err);
    for (size_t i = 0; i < m; i++)
        keep[i] = erg_edge_confident(erg_graph_edge(g, i), min);
    erg_status st = erg_graph_subset(g, NULL, keep, out, err);
    free(keep);
    return st;
}
