/*
 * pool.c: shared, reference-counted strings for what many records repeat:
 * dates, outlet names, evidence article ids and sentences (one sentence
 * supports every pair of entities in it). Open addressing with linear
 * probing and backward-shift deletion, so no tombstones pile up as evidence
 * is replaced.
 */
#include "graph_private.h"

#include <stdlib.h>
#include <string.h>

static uint32_t pool_hash(const char *s, size_t n)
{
    return (uint32_t)erg_hash(s, n);
}

static erg_status pool_grow(erg_graph_pool *p)
{
    size_t cap = p->cap ? p->cap * 2 : 64;
    erg_graph_pool_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return ERG_ENOMEM;
    for (size_t i = 0; i < p->cap; i++) {
        if (!p->slots[i].s)
            continue;
        size_t k = p->slots[i].hash & (cap - 1);
        while (slots[k].s)
            k = (k + 1) & (cap - 1);
        slots[k] = p->slots[i];
    }
    free(p->slots);
    p->slots = slots;
    p->cap = cap;
    return ERG_OK;
}

char *erg_graph_i_pool_get(erg_graph_pool *p, const char *s, size_t n)
{
    if (n >= UINT32_MAX)
        return NULL;
    if (2 * (p->n + 1) > p->cap && pool_grow(p) != ERG_OK)
        return NULL;
    uint32_t h = pool_hash(s, n);
    size_t m = p->cap - 1, k = h & m;
    for (; p->slots[k].s; k = (k + 1) & m) {
        erg_graph_pool_slot *e = &p->slots[k];
        if (e->hash == h && e->len == n && memcmp(e->s, s, n) == 0) {
            if (e->refs == UINT32_MAX) /* never freed then; harmless */
                return e->s;
            e->refs++;
            return e->s;
        }
    }
    char *copy = erg_strndup(s, n);
    if (!copy)
        return NULL;
    p->slots[k] = (erg_graph_pool_slot){copy, h, (uint32_t)n, 1};
    p->n++;
    return copy;
}

void erg_graph_i_pool_put(erg_graph_pool *p, const char *s)
{
    if (!s || !p->cap)
        return;
    size_t n = strlen(s), m = p->cap - 1, i = pool_hash(s, n) & m;
    while (p->slots[i].s && p->slots[i].s != s)
        i = (i + 1) & m;
    if (!p->slots[i].s || p->slots[i].refs == UINT32_MAX || --p->slots[i].refs > 0)
        return;
    free(p->slots[i].s);
    p->n--;
    /* Backward shift: pull later members of the probe run into the hole. */
    for (size_t j = (i + 1) & m; p->slots[j].s; j = (j + 1) & m) {
        size_t home = p->slots[j].hash & m;
        bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            p->slots[i] = p->slots[j];
            i = j;
        }
    }
    p->slots[i] = (erg_graph_pool_slot){NULL, 0, 0, 0};
}

void erg_graph_i_pool_release(erg_graph_pool *p)
{
    for (size_t i = 0; i < p->cap; i++)
        free(p->slots[i].s);
    free(p->slots);
    p->slots = NULL;
    p->cap = p->n = 0;
}
