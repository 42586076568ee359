#include "relate_private.h"

#include <stdlib.h>
#include <string.h>

void erg_relations_init(erg_relations *r)
{
    r->items = NULL;
    r->n = 0;
    r->cap = 0;
}

void erg_relations_release(erg_relations *r)
{
    if (!r)
        return;
    free(r->items);
    erg_relations_init(r);
}

static erg_status push(erg_relations *r, erg_relation rel)
{
    if (erg_grow((void **)&r->items, &r->cap, r->n + 1, sizeof *r->items) != ERG_OK)
        return ERG_ENOMEM;
    r->items[r->n++] = rel;
    return ERG_OK;
}

/* The first mention of an entity within one window, and its sentence. */
typedef struct first_seen {
    uint32_t entity;
    uint32_t sentence;
} first_seen;

/* The window a sentence belongs to. */
static uint32_t window_of(const erg_doc *doc, uint32_t sentence, erg_window w)
{
    switch (w) {
    case ERG_WINDOW_SENTENCE:
        return sentence;
    case ERG_WINDOW_PARAGRAPH:
        return doc->sentences[sentence].paragraph;
    case ERG_WINDOW_ARTICLE:
        break;
    }
    return 0;
}

static void sentence_bytes(const erg_doc *doc, uint32_t s, uint32_t *start, uint32_t *end)
{
    const erg_sentence *sen = &doc->sentences[s];
    *start = doc->tokens[sen->first].start;
    *end = doc->tokens[sen->end - 1].end;
}

/*
 * Emits the co_mention records of one window whose n distinct entities are
 * seen[] in order of first mention. The evidence span runs from the sentence
 * where the earlier of the two is first seen to the sentence where the later
 * is, so that it holds both names.
 *
 * Each entity gives out at most one unit of weight per window (Newman's
 * collaboration weighting): with n <= ERG_RELATE_LIST_SPAN + 1 entities every
 * pair is a record of weight 1/(n-1). A window with more entities is a list
 * (a line-up, a table of constituencies); a clique over it would outweigh
 * every real relationship and grow as n^2, so there each entity is paired
 * only with the ERG_RELATE_LIST_SPAN / 2 entities that follow it, at weight
 * 1/ERG_RELATE_LIST_SPAN: partners, weight and records per entity stay
 * bounded, and neighbours in a list (a candidate and the constituency before
 * it) stay linked.
 */
static erg_status emit_pairs(const erg_doc *doc, const first_seen *seen, size_t n,
                             erg_relations *out)
{
    if (n < 2)
        return ERG_OK;
    bool list = n > ERG_RELATE_LIST_SPAN + 1;
    size_t reach = list ? ERG_RELATE_LIST_SPAN / 2 : n;
    uint32_t share = ERG_WEIGHT_UNIT / (uint32_t)(list ? ERG_RELATE_LIST_SPAN : n - 1);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n && j - i <= reach; j++) {
            const first_seen *x = &seen[i], *y = &seen[j];
            uint32_t lo = x->sentence < y->sentence ? x->sentence : y->sentence;
            uint32_t hi = x->sentence < y->sentence ? y->sentence : x->sentence;
            erg_relation rel;
            uint32_t unused;
            rel.kind = ERG_KIND_CO_MENTION;
            rel.a = x->entity < y->entity ? x->entity : y->entity;
            rel.b = x->entity < y->entity ? y->entity : x->entity;
            rel.wunits = share;
            rel.pattern = ERG_PATTERN_NONE;
            rel.score = 0;
            sentence_bytes(doc, lo, &rel.start, &unused);
            sentence_bytes(doc, hi, &unused, &rel.end);
            if (push(out, rel) != ERG_OK)
                return ERG_ENOMEM;
        }
    return ERG_OK;
}

erg_status erg_relate_article(const char *text, const erg_doc *doc, const erg_mentions *mentions,
                              const erg_local_entities *entities, erg_window window,
                              unsigned type_mask, erg_relations *out, erg_error *err)
{
    out->n = 0;
    first_seen *seen = NULL;
    size_t n_seen = 0;
    if (entities->n == 0)
        return ERG_OK;
    /* window_of and sentence_bytes index doc by the mentions' sentences. */
    erg_status st = relate_check_mentions(doc, mentions, entities, err);
    if (st != ERG_OK)
        return st;
    /* stamp[e] == n_windows: entity e is already in seen[] for the current window. */
    uint32_t *stamp = calloc(entities->n, sizeof *stamp);
    uint32_t n_windows = 0;
    seen = malloc(entities->n * sizeof *seen);
    if (!seen || !stamp) {
        free(seen);
        free(stamp);
        return erg_error_oom(err);
    }

    uint32_t current = 0;
    bool open = false;
    for (size_t i = 0; i < mentions->n; i++) {
        const erg_mention *m = &mentions->items[i];
        if (m->entity < 0)
            continue;
        if (!(type_mask & ERG_TYPE_BIT(entities->items[m->entity].type)))
            continue;
        uint32_t w = window_of(doc, m->sentence, window);
        if (!open || w != current) {
            if (open && emit_pairs(doc, seen, n_seen, out) != ERG_OK) {
                st = erg_error_oom(err);
                goto cleanup;
            }
            current = w;
            open = true;
            n_seen = 0;
            n_windows++; /* windows <= mentions < 2^32: stamps never wrap */
        }
        if (stamp[m->entity] != n_windows) {
            stamp[m->entity] = n_windows;
            seen[n_seen].entity = (uint32_t)m->entity;
            seen[n_seen].sentence = m->sentence;
            n_seen++;
        }
    }
    if (open && emit_pairs(doc, seen, n_seen, out) != ERG_OK)
        st = erg_error_oom(err);
cleanup:
    free(seen);
    free(stamp);
    if (st == ERG_OK)
        st = erg_relate_typed(text, doc, mentions, entities, type_mask, out, err);
    return st;
}
