/*
 * slice.c: the part of a finished graph that the articles of a period and
 * of some outlets gave, from the records' timelines.
 */
#include "graph_private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool erg_graph_i_slice_date(const erg_graph_slice_spec *f, const char *date)
{
    if (!f->since && !f->until)
        return true;
    if (!date)
        return false;
    char first[11], last[11], bound[11];
    erg_graph_i_day_text(date, false, first);
    erg_graph_i_day_text(date, true, last);
    if (f->since) {
        erg_graph_i_day_text(f->since, false, bound);
        if (strcmp(first, bound) < 0)
            return false;
    }
    if (f->until) {
        erg_graph_i_day_text(f->until, true, bound);
        if (strcmp(last, bound) > 0)
            return false;
    }
    return true;
}

bool erg_graph_i_slice_outlet(const erg_graph_slice_spec *f, const char *outlet)
{
    if (f->n_sources == 0)
        return true;
    for (size_t i = 0; outlet && i < f->n_sources; i++)
        if (strcasecmp(outlet, f->sources[i]) == 0)
            return true;
    return false;
}

static bool cell_in(const erg_graph_slice_spec *f, const erg_tally *t)
{
    return erg_graph_i_slice_date(f, t->date) && erg_graph_i_slice_outlet(f, t->outlet);
}

/* The record's kept cells into *t (of dst), their sums into the counts, and the dates. */
static erg_status keep_cells(erg_graph *dst, const erg_graph_slice_spec *f, const erg_tally *src,
                             size_t n, erg_tally **t, size_t *nt, char **first, char **last)
{
    for (size_t i = 0; i < n; i++) {
        if (!cell_in(f, &src[i]))
            continue;
        if (erg_graph_i_tally(dst, t, nt, src[i].date, src[i].outlet, src[i].count, src[i].articles,
                              src[i].wunits) != ERG_OK ||
            erg_graph_i_dates(dst, first, last, src[i].date) != ERG_OK)
            return ERG_ENOMEM;
    }
    return ERG_OK;
}

static erg_status slice_entity(erg_graph *dst, const erg_graph_slice_spec *f, const erg_entity *se)
{
    uint32_t gi;
    if (erg_graph_i_entity(dst, se->key, se->type, se->name, &gi) != ERG_OK)
        return ERG_ENOMEM;
    erg_entity *e = &dst->ents[gi];
    memcpy(e->type_votes, se->type_votes, sizeof e->type_votes);
    e->ambiguous = se->ambiguous;
    if (keep_cells(dst, f, se->timeline, se->n_timeline, &e->timeline, &e->n_timeline,
                   &e->first_date, &e->last_date) != ERG_OK)
        return ERG_ENOMEM;
    for (size_t k = 0; k < e->n_timeline; k++) {
        e->mentions = erg_graph_i_add_u32(e->mentions, e->timeline[k].count);
        e->articles = erg_graph_i_add_u32(e->articles, e->timeline[k].articles);
    }
    for (size_t k = 0; k < se->n_aliases; k++)
        if (erg_graph_i_alias(e, se->aliases[k].name, se->aliases[k].count, se->aliases[k].rule) !=
            ERG_OK)
            return ERG_ENOMEM;
    return ERG_OK;
}

static bool in_cells(const erg_tally *t, size_t n, const char *outlet)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].outlet && strcmp(t[i].outlet, outlet) == 0)
            return true;
    return false;
}

static erg_status slice_edge(erg_graph *dst, const erg_graph *g, const erg_graph_slice_spec *f,
                             const erg_edge *sd, uint32_t s, uint32_t t)
{
    uint32_t di;
    if (erg_graph_i_edge(dst, s, t, sd->kind, &di) != ERG_OK)
        return ERG_ENOMEM;
    erg_edge *d = &dst->edges[di];
    /* Records are not kept by date: a slice keeps the whole edge's score and patterns. */
    d->score = sd->score;
    d->patterns = sd->patterns;
    if (keep_cells(dst, f, sd->timeline, sd->n_timeline, &d->timeline, &d->n_timeline,
                   &d->first_date, &d->last_date) != ERG_OK)
        return ERG_ENOMEM;
    for (size_t k = 0; k < d->n_timeline; k++) {
        d->count = erg_graph_i_add_u32(d->count, d->timeline[k].count);
        d->articles = erg_graph_i_add_u32(d->articles, d->timeline[k].articles);
        d->wunits += d->timeline[k].wunits;
        if (d->timeline[k].outlet && erg_graph_i_outlet(dst, d, d->timeline[k].outlet) != ERG_OK)
            return ERG_ENOMEM;
    }
    /* Outlets named in the text have no dates of their own: they stay. */
    for (size_t k = 0; k < sd->n_outlets; k++)
        if (!in_cells(sd->timeline, sd->n_timeline, sd->outlets[k]) &&
            erg_graph_i_outlet(dst, d, sd->outlets[k]) != ERG_OK)
            return ERG_ENOMEM;
    for (size_t k = 0; k < sd->n_evidence; k++) {
        const erg_evidence *ev = &sd->evidence[k];
        const erg_graph_article *a = erg_graph_i_cited(g, ev->article);
        if (!a || !erg_graph_i_slice_date(f, a->date) ||
            (f->n_sources && !erg_graph_i_slice_outlet(f, a->source)))
            continue;
        const char *sentence = ev->sentence ? ev->sentence : "";
        if (erg_graph_i_evidence(dst, d, a, ev->start, ev->end, sentence, strlen(sentence)) !=
            ERG_OK)
            return ERG_ENOMEM;
    }
    return ERG_OK;
}

/* Whether some cell of the timeline is in the slice. */
static bool any_cell(const erg_graph_slice_spec *f, const erg_tally *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cell_in(f, &t[i]) && t[i].articles > 0)
            return true;
    return false;
}

erg_status erg_graph_slice(const erg_graph *g, const erg_graph_slice_spec *f, erg_graph **out,
                           erg_error *err)
{
    if (!out)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no output");
    *out = NULL;
    if (!g || !f)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph or no slice");
    if (!g->finished)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    if (g->no_timeline)
        return erg_error_set(err, ERG_EFORMAT, NULL, 0, -1,
                             "the graph has no timeline (it was written by an erg older than "
                             "graph file version 4): build it again to filter by date or source");
    if ((f->since && !erg_graph_i_date_ok(f->since)) ||
        (f->until && !erg_graph_i_date_ok(f->until)))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "a slice's dates must be normalized (YYYY, YYYY-MM or YYYY-MM-DD)");
    erg_status st = ERG_OK;
    erg_graph *dst = NULL;
    uint32_t *map = malloc((g->n_ents ? g->n_ents : 1) * sizeof *map);
    if (!map || erg_graph_new(&dst, g->max_evidence, err) != ERG_OK)
        goto oom;
    uint32_t kept = 0;
    for (size_t i = 0; i < g->n_ents; i++) {
        const erg_entity *e = &g->ents[i];
        map[i] = any_cell(f, e->timeline, e->n_timeline) ? kept++ : ERG_GRAPH_NONE;
        if (map[i] != ERG_GRAPH_NONE && slice_entity(dst, f, e) != ERG_OK)
            goto oom;
    }
    for (size_t i = 0; i < g->n_edges; i++) {
        const erg_edge *sd = &g->edges[i];
        uint32_t s = map[sd->source], t = map[sd->target];
        if (s == ERG_GRAPH_NONE || t == ERG_GRAPH_NONE ||
            !any_cell(f, sd->timeline, sd->n_timeline))
            continue;
        if (slice_edge(dst, g, f, sd, s, t) != ERG_OK)
            goto oom;
    }
    if (erg_graph_i_settle_articles(dst) != ERG_OK)
        goto oom;
    dst->finished = true;
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

static const char *const period_names[] = {"day", "month", "year"};

erg_status erg_period_parse(const char *s, erg_period *out)
{
    for (int p = 0; s && p < 3; p++)
        if (strcasecmp(s, period_names[p]) == 0) {
            *out = (erg_period)p;
            return ERG_OK;
        }
    return ERG_EINVAL;
}

/* By period, unknown ("") last, then by outlet, none first. */
static int cmp_row(const void *pa, const void *pb)
{
    const erg_timeline_row *a = pa, *b = pb;
    if (!a->period[0] != !b->period[0])
        return a->period[0] ? -1 : 1;
    int c = strcmp(a->period, b->period);
    if (c)
        return c;
    if (!a->outlet || !b->outlet)
        return (a->outlet != NULL) - (b->outlet != NULL);
    return strcmp(a->outlet, b->outlet);
}

erg_status erg_graph_entity_timeline(const erg_graph *g, size_t entity, erg_period by,
                                     bool by_outlet, erg_timeline_row **rows, size_t *n,
                                     erg_error *err)
{
    *rows = NULL;
    *n = 0;
    if (!g || entity >= g->n_ents || (unsigned)by > ERG_PERIOD_YEAR)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph, entity or period");
    if (g->no_timeline)
        return erg_error_set(err, ERG_EFORMAT, NULL, 0, -1,
                             "the graph has no timeline (it was written by an erg older than "
                             "graph file version 4): build it again");
    const erg_entity *e = &g->ents[entity];
    if (e->n_timeline == 0)
        return ERG_OK;
    erg_timeline_row *r = malloc(e->n_timeline * sizeof *r);
    if (!r)
        return erg_error_oom(err);
    static const size_t cut[] = {10, 7, 4};
    for (size_t i = 0; i < e->n_timeline; i++) {
        const erg_tally *t = &e->timeline[i];
        size_t len = t->date ? strlen(t->date) : 0;
        if (len > cut[by])
            len = cut[by];
        memcpy(r[i].period, t->date ? t->date : "", len);
        r[i].period[len] = '\0';
        r[i].outlet = by_outlet ? t->outlet : NULL;
        r[i].mentions = t->count;
        r[i].articles = t->articles;
    }
    qsort(r, e->n_timeline, sizeof *r, cmp_row);
    size_t w = 0;
    for (size_t i = 0; i < e->n_timeline; i++) {
        if (w && cmp_row(&r[w - 1], &r[i]) == 0) {
            r[w - 1].mentions += r[i].mentions;
            r[w - 1].articles += r[i].articles;
        } else {
            r[w++] = r[i];
        }
    }
    *rows = r;
    *n = w;
    return ERG_OK;
}
