/*
 * graph.c: the entity, edge and article tables, adding articles, merging
 * graphs and settling them (erg_graph_finish).
 */
/* madvise(MADV_HUGEPAGE) is Linux's, outside POSIX. */
#define _DEFAULT_SOURCE
#include "graph_private.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

/* ---- small helpers ---- */

uint32_t erg_graph_i_add_u32(uint32_t a, uint32_t b)
{
    return a > UINT32_MAX - b ? UINT32_MAX : a + b;
}

bool erg_graph_i_utf8_ok(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c == 0)
            return false;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return false;
        }
        if (n - i < len)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

static bool str_ok(const char *s)
{
    return !s || erg_graph_i_utf8_ok(s, strlen(s));
}

/* ---- hash indexes ---- */

static uint64_t ent_hash(const erg_graph *g, uint32_t i)
{
    const char *k = g->ents[i].key;
    return erg_hash(k, strlen(k));
}

static uint64_t art_hash(const erg_graph *g, uint32_t i)
{
    const char *k = g->arts[i].a.id;
    return erg_hash(k, strlen(k));
}

static uint64_t edge_key_hash(uint32_t s, uint32_t t, erg_kind kind)
{
    uint32_t k[3] = {s, t, (uint32_t)kind};
    return erg_hash(k, sizeof k);
}

static uint64_t edge_hash(const erg_graph *g, uint32_t i)
{
    const erg_edge *d = &g->edges[i];
    return edge_key_hash(d->source, d->target, d->kind);
}

static size_t index_cap_for(size_t n)
{
    size_t cap = 16;
    while (cap < 2 * (n + 1))
        cap *= 2;
    return cap;
}

/* Makes ix an empty index with room for n items at load one half. */
static erg_status index_reserve(erg_graph_index *ix, size_t n)
{
    size_t cap = index_cap_for(n);
    uint32_t *slots = malloc(cap * sizeof *slots);
    if (!slots)
        return ERG_ENOMEM;
    memset(slots, 0xFF, cap * sizeof *slots);
    free(ix->slots);
    ix->slots = slots;
    ix->cap = cap;
    return ERG_OK;
}

/* Puts items 0..n-1 into ix, which is empty and large enough. */
static void index_fill(erg_graph_index *ix, const erg_graph *g, size_t n,
                       uint64_t (*hash)(const erg_graph *, uint32_t))
{
    for (size_t i = 0; i < n; i++) {
        size_t s = (size_t)hash(g, (uint32_t)i) & (ix->cap - 1);
        while (ix->slots[s] != ERG_GRAPH_NONE)
            s = (s + 1) & (ix->cap - 1);
        ix->slots[s] = (uint32_t)i;
    }
}

/*
 * Rebuilds ix for items 0..n-1 with room for room items (at least one more
 * than n); ix is unchanged on failure.
 */
static erg_status index_rebuild_room(erg_graph_index *ix, const erg_graph *g, size_t n, size_t room,
                                     uint64_t (*hash)(const erg_graph *, uint32_t))
{
    erg_graph_index fresh = {NULL, 0};
    if (index_reserve(&fresh, room > n ? room : n) != ERG_OK)
        return ERG_ENOMEM;
    index_fill(&fresh, g, n, hash);
    free(ix->slots);
    *ix = fresh;
    return ERG_OK;
}

/* Rebuilds ix for items 0..n-1 with room for one more; ix is unchanged on failure. */
static erg_status index_rebuild(erg_graph_index *ix, const erg_graph *g, size_t n,
                                uint64_t (*hash)(const erg_graph *, uint32_t))
{
    return index_rebuild_room(ix, g, n, n, hash);
}

/* Puts item i (already in its table, which now holds n items) into ix at slot. */
static erg_status index_put(erg_graph_index *ix, size_t slot, uint32_t i, const erg_graph *g,
                            size_t n, uint64_t (*hash)(const erg_graph *, uint32_t))
{
    if (ix->cap && 2 * n <= ix->cap) {
        ix->slots[slot] = i;
        return ERG_OK;
    }
    return index_rebuild(ix, g, n, hash);
}

/*
 * Takes the item at slot out of ix by backward shift: later members of the
 * probe run move up, so no tombstone is left and lookups stay right. hash
 * reads the items still in the table.
 */
static void index_remove(erg_graph_index *ix, size_t slot, const erg_graph *g,
                         uint64_t (*hash)(const erg_graph *, uint32_t))
{
    size_t m = ix->cap - 1, i = slot;
    for (size_t j = (i + 1) & m; ix->slots[j] != ERG_GRAPH_NONE; j = (j + 1) & m) {
        size_t home = (size_t)hash(g, ix->slots[j]) & m;
        bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            ix->slots[i] = ix->slots[j];
            i = j;
        }
    }
    ix->slots[i] = ERG_GRAPH_NONE;
}

/* ---- the set of article ids ---- */

uint64_t erg_graph_article_id_hash(const char *id)
{
    return erg_graph_i_id_hash(id);
}

uint64_t erg_graph_i_id_hash(const char *id)
{
    uint64_t h = erg_hash(id, strlen(id));
    return h ? h : 1; /* 0 marks an empty slot */
}

bool erg_graph_i_idset_has(const erg_graph_idset *s, uint64_t h)
{
    if (!s->cap)
        return false;
    size_t m = s->cap - 1;
    for (size_t k = (size_t)h & m; s->slots[k]; k = (k + 1) & m)
        if (s->slots[k] == h)
            return true;
    return false;
}

static void idset_put(uint64_t *slots, size_t cap, uint64_t h)
{
    size_t m = cap - 1, k = (size_t)h & m;
    while (slots[k])
        k = (k + 1) & m;
    slots[k] = h;
}

erg_status erg_graph_i_idset_reserve(erg_graph_idset *s, size_t n)
{
    if (n > SIZE_MAX / 8 - s->n)
        return ERG_ENOMEM;
    size_t need = s->n + n, cap = s->cap ? s->cap : 16;
    while (4 * need > 3 * cap)
        cap *= 2;
    if (cap == s->cap)
        return ERG_OK;
    uint64_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return ERG_ENOMEM;
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i])
            idset_put(slots, cap, s->slots[i]);
    free(s->slots);
    s->slots = slots;
    s->cap = cap;
    return ERG_OK;
}

bool erg_graph_i_idset_add(erg_graph_idset *s, uint64_t h, erg_status *st)
{
    *st = ERG_OK;
    if (erg_graph_i_idset_has(s, h))
        return false;
    if ((*st = erg_graph_i_idset_reserve(s, 1)) != ERG_OK)
        return false;
    idset_put(s->slots, s->cap, h);
    s->n++;
    return true;
}

static long ent_find(const erg_graph *g, const char *key, uint64_t h, size_t *slot)
{
    if (!g->ent_ix.cap) {
        *slot = 0;
        return -1;
    }
    size_t m = g->ent_ix.cap - 1, s = (size_t)h & m;
    for (;; s = (s + 1) & m) {
        uint32_t i = g->ent_ix.slots[s];
        if (i == ERG_GRAPH_NONE)
            break;
        if (strcmp(g->ents[i].key, key) == 0) {
            *slot = s;
            return i;
        }
    }
    *slot = s;
    return -1;
}

static long art_find(const erg_graph *g, const char *id, uint64_t h, size_t *slot)
{
    if (!g->art_ix.cap) {
        *slot = 0;
        return -1;
    }
    size_t m = g->art_ix.cap - 1, s = (size_t)h & m;
    for (;; s = (s + 1) & m) {
        uint32_t i = g->art_ix.slots[s];
        if (i == ERG_GRAPH_NONE)
            break;
        if (strcmp(g->arts[i].a.id, id) == 0) {
            *slot = s;
            return i;
        }
    }
    *slot = s;
    return -1;
}

static long edge_find(const erg_graph *g, uint32_t src, uint32_t dst, erg_kind kind, size_t *slot)
{
    if (!g->edge_ix.cap) {
        *slot = 0;
        return -1;
    }
    size_t m = g->edge_ix.cap - 1, s = (size_t)edge_key_hash(src, dst, kind) & m;
    for (;; s = (s + 1) & m) {
        uint32_t i = g->edge_ix.slots[s];
        if (i == ERG_GRAPH_NONE)
            break;
        const erg_edge *d = &g->edges[i];
        if (d->source == src && d->target == dst && d->kind == kind) {
            *slot = s;
            return i;
        }
    }
    *slot = s;
    return -1;
}

/* ---- records ---- */

/* Frees e's strings; pool is NULL when the whole pool is about to go. */
static void entity_release(erg_graph_pool *pool, erg_entity *e)
{
    free(e->key);
    free(e->name);
    if (pool) {
        erg_graph_i_pool_put(pool, e->first_date);
        erg_graph_i_pool_put(pool, e->last_date);
        erg_graph_i_timeline_release(pool, e->timeline, e->n_timeline);
    }
    free(e->timeline);
    for (size_t i = 0; i < e->n_aliases; i++)
        free(e->aliases[i].name);
    free(e->aliases);
}

static void article_release(erg_graph_article *a)
{
    free(a->id);
    free(a->title);
    free(a->date);
    free(a->source);
    free(a->url);
}

/* Takes cited article i out of the table: the last record moves into its place. */
static void article_drop(erg_graph *g, size_t i)
{
    size_t slot, last = g->n_arts - 1;
    const char *id = g->arts[i].a.id;
    if (art_find(g, id, erg_hash(id, strlen(id)), &slot) >= 0)
        index_remove(&g->art_ix, slot, g, art_hash);
    article_release(&g->arts[i].a);
    if (i != last) {
        const char *lid = g->arts[last].a.id;
        if (art_find(g, lid, erg_hash(lid, strlen(lid)), &slot) >= 0)
            g->art_ix.slots[slot] = (uint32_t)i;
        g->arts[i] = g->arts[last];
    }
    g->n_arts--;
}

/* Drops one citation of the article id (an evidence record's article string). */
static void article_unref(erg_graph *g, const char *id)
{
    size_t slot;
    long i = art_find(g, id, erg_hash(id, strlen(id)), &slot);
    if (i < 0)
        return;
    erg_graph_art_rec *r = &g->arts[i];
    if (r->refs == UINT32_MAX || (r->refs > 0 && --r->refs > 0) || g->hold_articles)
        return;
    article_drop(g, (size_t)i);
}

/* Frees d's storage; g is NULL when the whole graph is about to go. */
static void edge_release(erg_graph *g, erg_edge *d)
{
    if (g) {
        erg_graph_i_pool_put(&g->pool, d->first_date);
        erg_graph_i_pool_put(&g->pool, d->last_date);
        for (size_t i = 0; i < d->n_outlets; i++)
            erg_graph_i_pool_put(&g->pool, d->outlets[i]);
        erg_graph_i_timeline_release(&g->pool, d->timeline, d->n_timeline);
        for (size_t i = 0; i < d->n_evidence; i++) {
            article_unref(g, d->evidence[i].article);
            erg_graph_i_pool_put(&g->pool, d->evidence[i].sentence);
        }
    }
    free(d->outlets);
    free(d->timeline);
    free(d->evidence);
}

erg_status erg_graph_i_entity(erg_graph *g, const char *key, erg_type type, const char *name,
                              uint32_t *out)
{
    uint64_t h = erg_hash(key, strlen(key));
    size_t slot;
    long i = ent_find(g, key, h, &slot);
    if (i >= 0) {
        *out = (uint32_t)i;
        return ERG_OK;
    }
    if (g->n_ents >= ERG_GRAPH_NONE - 1)
        return ERG_ENOMEM;
    size_t cap = g->cap_ents;
    if (erg_grow((void **)&g->ents, &cap, g->n_ents + 1, sizeof *g->ents) != ERG_OK)
        return ERG_ENOMEM;
    size_t cap2 = g->cap_ents;
    if (erg_grow((void **)&g->ent_stamp, &cap2, g->n_ents + 1, sizeof *g->ent_stamp) != ERG_OK)
        return ERG_ENOMEM;
    g->cap_ents = cap < cap2 ? cap : cap2;
    erg_entity *e = &g->ents[g->n_ents];
    memset(e, 0, sizeof *e);
    e->key = erg_strdup(key);
    e->name = erg_strdup(name ? name : key);
    e->type = type;
    if (!e->key || !e->name) {
        entity_release(NULL, e);
        return ERG_ENOMEM;
    }
    /* A display name never reorders what is printed after it. */
    erg_strip_bidi_overrides(e->name);
    g->ent_stamp[g->n_ents] = 0;
    g->n_ents++;
    if (index_put(&g->ent_ix, slot, (uint32_t)(g->n_ents - 1), g, g->n_ents, ent_hash) != ERG_OK) {
        g->n_ents--;
        entity_release(NULL, e);
        return ERG_ENOMEM;
    }
    *out = (uint32_t)(g->n_ents - 1);
    return ERG_OK;
}

/* Appends the edge (s, t, kind) to the table only. */
static erg_status edge_append(erg_graph *g, uint32_t s, uint32_t t, erg_kind kind)
{
    if (g->n_edges >= ERG_GRAPH_NONE - 1)
        return ERG_ENOMEM;
    size_t cap = g->cap_edges;
    if (erg_grow((void **)&g->edges, &cap, g->n_edges + 1, sizeof *g->edges) != ERG_OK)
        return ERG_ENOMEM;
    size_t cap2 = g->cap_edges;
    if (erg_grow((void **)&g->edge_stamp, &cap2, g->n_edges + 1, sizeof *g->edge_stamp) != ERG_OK)
        return ERG_ENOMEM;
    g->cap_edges = cap < cap2 ? cap : cap2;
    erg_edge *d = &g->edges[g->n_edges];
    memset(d, 0, sizeof *d);
    d->source = s;
    d->target = t;
    d->kind = kind;
    g->edge_stamp[g->n_edges] = 0;
    g->n_edges++;
    return ERG_OK;
}

erg_status erg_graph_i_edge_push(erg_graph *g, uint32_t s, uint32_t t, erg_kind kind, uint32_t *out)
{
    if (edge_append(g, s, t, kind) != ERG_OK)
        return ERG_ENOMEM;
    g->edge_ix_stale = true;
    *out = (uint32_t)(g->n_edges - 1);
    return ERG_OK;
}

erg_status erg_graph_i_edge(erg_graph *g, uint32_t s, uint32_t t, erg_kind kind, uint32_t *out)
{
    if (g->edge_ix_stale) {
        /* Built when first needed, with room for the edges reserved (a loader's header count). */
        if (index_rebuild_room(&g->edge_ix, g, g->n_edges, g->cap_edges, edge_hash) != ERG_OK)
            return ERG_ENOMEM;
        g->edge_ix_stale = false;
    }
    size_t slot;
    long i = edge_find(g, s, t, kind, &slot);
    if (i >= 0) {
        *out = (uint32_t)i;
        return ERG_OK;
    }
    if (edge_append(g, s, t, kind) != ERG_OK)
        return ERG_ENOMEM;
    if (index_put(&g->edge_ix, slot, (uint32_t)(g->n_edges - 1), g, g->n_edges, edge_hash) !=
        ERG_OK) {
        g->n_edges--;
        return ERG_ENOMEM;
    }
    *out = (uint32_t)(g->n_edges - 1);
    return ERG_OK;
}

void erg_graph_i_advise_huge(void *p, size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const uintptr_t page = 4096;
    if (bytes < ((size_t)8 << 20))
        return;
    uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)p + bytes) & ~(page - 1);
    if (end > start)
        (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
    (void)p;
    (void)bytes;
#endif
}

erg_status erg_graph_i_reserve(erg_graph *g, size_t n_ents, size_t n_edges)
{
    if (n_ents > g->cap_ents) {
        size_t cap = g->cap_ents, cap2 = g->cap_ents;
        if (erg_grow((void **)&g->ents, &cap, n_ents, sizeof *g->ents) != ERG_OK ||
            erg_grow((void **)&g->ent_stamp, &cap2, n_ents, sizeof *g->ent_stamp) != ERG_OK)
            return ERG_ENOMEM;
        g->cap_ents = cap < cap2 ? cap : cap2;
        erg_graph_i_advise_huge(g->ents, g->cap_ents * sizeof *g->ents);
    }
    if (n_edges > g->cap_edges) {
        size_t cap = g->cap_edges, cap2 = g->cap_edges;
        if (erg_grow((void **)&g->edges, &cap, n_edges, sizeof *g->edges) != ERG_OK ||
            erg_grow((void **)&g->edge_stamp, &cap2, n_edges, sizeof *g->edge_stamp) != ERG_OK)
            return ERG_ENOMEM;
        g->cap_edges = cap < cap2 ? cap : cap2;
        erg_graph_i_advise_huge(g->edges, g->cap_edges * sizeof *g->edges);
    }
    erg_graph_index fresh = {NULL, 0};
    if (index_cap_for(n_ents) > g->ent_ix.cap) {
        if (index_reserve(&fresh, n_ents) != ERG_OK)
            return ERG_ENOMEM;
        index_fill(&fresh, g, g->n_ents, ent_hash);
        free(g->ent_ix.slots);
        g->ent_ix = fresh;
    }
    /*
     * The edge index is left to the first erg_graph_i_edge, which sizes it
     * for cap_edges: a loader whose links come in order never needs it.
     */
    if (index_cap_for(n_edges) > g->edge_ix.cap)
        g->edge_ix_stale = true;
    return ERG_OK;
}

long erg_graph_i_find_article(const erg_graph *g, const char *id)
{
    size_t slot;
    return art_find(g, id, erg_hash(id, strlen(id)), &slot);
}

const erg_graph_article *erg_graph_i_cited(const erg_graph *g, const char *id)
{
    long i = erg_graph_i_find_article(g, id);
    return i >= 0 ? &g->arts[i].a : NULL;
}

erg_status erg_graph_i_article(erg_graph *g, const erg_graph_article *src)
{
    size_t slot;
    const char *id = src->id;
    if (art_find(g, id, erg_hash(id, strlen(id)), &slot) >= 0)
        return ERG_EINVAL;
    if (g->n_arts >= ERG_GRAPH_NONE - 1 ||
        erg_grow((void **)&g->arts, &g->cap_arts, g->n_arts + 1, sizeof *g->arts) != ERG_OK)
        return ERG_ENOMEM;
    g->arts[g->n_arts].refs = 0;
    erg_graph_article *a = &g->arts[g->n_arts].a;
    a->id = erg_strdup(id);
    a->title = erg_strdup(src->title);
    a->date = erg_strdup(src->date);
    a->source = erg_strdup(src->source);
    a->url = erg_strdup(src->url);
    if (!a->id || (src->title && !a->title) || (src->date && !a->date) ||
        (src->source && !a->source) || (src->url && !a->url)) {
        article_release(a);
        return ERG_ENOMEM;
    }
    g->n_arts++;
    if (index_put(&g->art_ix, slot, (uint32_t)(g->n_arts - 1), g, g->n_arts, art_hash) != ERG_OK) {
        g->n_arts--;
        article_release(a);
        return ERG_ENOMEM;
    }
    return ERG_OK;
}

erg_status erg_graph_i_alias(erg_entity *e, const char *name, uint32_t count, erg_fold rule)
{
    size_t lo = 0, hi = e->n_aliases;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(e->aliases[mid].name, name);
        if (c == 0) {
            e->aliases[mid].count = erg_graph_i_add_u32(e->aliases[mid].count, count);
            if (rule < e->aliases[mid].rule)
                e->aliases[mid].rule = rule;
            return ERG_OK;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* Aliases have no cap field in the public struct: grow to powers of two. */
    size_t n = e->n_aliases;
    if (n == 0 || (n & (n - 1)) == 0) {
        size_t cap = n ? n * 2 : 1;
        erg_alias *p = realloc(e->aliases, cap * sizeof *p);
        if (!p)
            return ERG_ENOMEM;
        e->aliases = p;
    }
    char *copy = erg_strdup(name);
    if (!copy)
        return ERG_ENOMEM;
    memmove(&e->aliases[lo + 1], &e->aliases[lo], (n - lo) * sizeof *e->aliases);
    e->aliases[lo].name = copy;
    e->aliases[lo].count = count;
    e->aliases[lo].rule = rule;
    e->n_aliases++;
    return ERG_OK;
}

erg_status erg_graph_i_outlet(erg_graph *g, erg_edge *d, const char *name)
{
    size_t lo = 0, hi = d->n_outlets;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(d->outlets[mid], name);
        if (c == 0)
            return ERG_OK;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = d->n_outlets;
    if (n == 0 || (n & (n - 1)) == 0) {
        size_t cap = n ? n * 2 : 1;
        char **p = realloc(d->outlets, cap * sizeof *p);
        if (!p)
            return ERG_ENOMEM;
        d->outlets = p;
    }
    char *copy = erg_graph_i_pool_get(&g->pool, name, strlen(name));
    if (!copy)
        return ERG_ENOMEM;
    memmove(&d->outlets[lo + 1], &d->outlets[lo], (n - lo) * sizeof *d->outlets);
    d->outlets[lo] = copy;
    d->n_outlets++;
    return ERG_OK;
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" with month 01..12 and day 01..31: what erg writes. */
bool erg_graph_i_date_ok(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++)
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
            return false;
    int month = n > 4 ? (s[5] - '0') * 10 + (s[6] - '0') : 1;
    int day = n > 7 ? (s[8] - '0') * 10 + (s[9] - '0') : 1;
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/*
 * The first or last day a normalized date covers, as "YYYY-MM-DD" text:
 * "1987" covers 1987-01-01 to 1987-12-31, "1987-04" 1987-04-01 to
 * 1987-04-31 (no such day, but as text it sorts after every April day and
 * before May, which is all the comparisons need).
 */
void erg_graph_i_day_text(const char *date, bool last, char out[11])
{
    size_t n = strlen(date);
    memcpy(out, date, n);
    if (n == 4)
        memcpy(out + 4, last ? "-12-31" : "-01-01", 7);
    else if (n == 7)
        memcpy(out + 7, last ? "-31" : "-01", 4);
    else
        out[10] = '\0';
}

/*
 * Orders dates by the first (or last) day they cover, then as text, so that
 * "1987-03" is later than "1987-03-15" as a last date. Text that is not a
 * normalized date (from a file older than version 4) compares as text.
 */
static int date_cmp(const char *a, const char *b, bool last)
{
    /* Dates of one precision order as their text: the common case, with no padding. */
    if (a == b || strlen(a) == strlen(b))
        return strcmp(a, b);
    if (erg_graph_i_date_ok(a) && erg_graph_i_date_ok(b)) {
        char x[11], y[11];
        erg_graph_i_day_text(a, last, x);
        erg_graph_i_day_text(b, last, y);
        int c = strcmp(x, y);
        if (c)
            return c;
    }
    return strcmp(a, b);
}

erg_status erg_graph_i_dates(erg_graph *g, char **first, char **last, const char *date)
{
    if (!date)
        return ERG_OK;
    if (!*first || date_cmp(date, *first, false) < 0) {
        char *c = erg_graph_i_pool_get(&g->pool, date, strlen(date));
        if (!c)
            return ERG_ENOMEM;
        erg_graph_i_pool_put(&g->pool, *first);
        *first = c;
    }
    if (!*last || date_cmp(date, *last, true) > 0) {
        char *c = erg_graph_i_pool_get(&g->pool, date, strlen(date));
        if (!c)
            return ERG_ENOMEM;
        erg_graph_i_pool_put(&g->pool, *last);
        *last = c;
    }
    return ERG_OK;
}

void erg_graph_i_timeline_release(erg_graph_pool *pool, erg_tally *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        erg_graph_i_pool_put(pool, t[i].date);
        erg_graph_i_pool_put(pool, t[i].outlet);
    }
}

/* Text order with NULL (not known) first. */
static int cmp_opt(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

erg_status erg_graph_i_tally(erg_graph *g, erg_tally **t, size_t *n, const char *date,
                             const char *outlet, uint32_t count, uint32_t articles, uint64_t wunits)
{
    size_t lo = 0, hi = *n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const erg_tally *x = &(*t)[mid];
        int c = cmp_opt(x->date, date);
        if (c == 0)
            c = cmp_opt(x->outlet, outlet);
        if (c == 0) {
            erg_tally *y = &(*t)[mid];
            y->count = erg_graph_i_add_u32(y->count, count);
            y->articles = erg_graph_i_add_u32(y->articles, articles);
            y->wunits += wunits;
            return ERG_OK;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = *n;
    if (k == 0 || (k & (k - 1)) == 0) {
        erg_tally *p = realloc(*t, (k ? k * 2 : 1) * sizeof *p);
        if (!p)
            return ERG_ENOMEM;
        *t = p;
    }
    char *dc = NULL, *oc = NULL;
    if ((date && !(dc = erg_graph_i_pool_get(&g->pool, date, strlen(date)))) ||
        (outlet && !(oc = erg_graph_i_pool_get(&g->pool, outlet, strlen(outlet))))) {
        erg_graph_i_pool_put(&g->pool, dc);
        return ERG_ENOMEM;
    }
    memmove(&(*t)[lo + 1], &(*t)[lo], (k - lo) * sizeof **t);
    (*t)[lo] = (erg_tally){dc, oc, count, articles, wunits};
    (*n)++;
    return ERG_OK;
}

erg_status erg_graph_i_timeline_add(erg_graph *g, erg_tally **t, size_t *n, const erg_tally *src,
                                    size_t n_src)
{
    for (size_t i = 0; i < n_src; i++)
        if (erg_graph_i_tally(g, t, n, src[i].date, src[i].outlet, src[i].count, src[i].articles,
                              src[i].wunits) != ERG_OK)
            return ERG_ENOMEM;
    return ERG_OK;
}

static int ev_cmp(const char *article_a, uint32_t start_a, uint32_t end_a, const erg_evidence *b)
{
    int c = strcmp(article_a, b->article);
    if (c)
        return c;
    if (start_a != b->start)
        return start_a < b->start ? -1 : 1;
    if (end_a != b->end)
        return end_a < b->end ? -1 : 1;
    return 0;
}

/*
 * Where (article, start, end) goes among d's evidence: sets *pos and returns
 * true when it is to be kept, false when it is a duplicate or would fall
 * beyond the cap.
 */
static bool ev_slot(const erg_edge *d, unsigned cap, const char *article, uint32_t start,
                    uint32_t end, size_t *pos)
{
    size_t lo = 0, hi = d->n_evidence;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = ev_cmp(article, start, end, &d->evidence[mid]);
        if (c == 0)
            return false;
        if (c > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *pos = lo;
    return lo < cap;
}

/*
 * Room allocated for n evidence records under the cap: 0, then 4, 8, 16...
 * up to cap. An edge does not store its capacity; n_evidence only grows (or
 * stays at cap), so the capacity is a function of it.
 */
static size_t ev_room(size_t n, unsigned cap)
{
    if (n == 0)
        return 0;
    size_t r = 4;
    while (r < n)
        r *= 2;
    return r < cap ? r : cap;
}

/* Inserts ev (taking its citation and pooled sentence) at pos, dropping the last record when full.
 */
static erg_status ev_put(erg_graph *g, erg_edge *d, size_t pos, erg_evidence ev)
{
    unsigned cap = g->max_evidence;
    if (d->n_evidence < cap && d->n_evidence == ev_room(d->n_evidence, cap)) {
        size_t room = ev_room(d->n_evidence + 1, cap);
        erg_evidence *p = realloc(d->evidence, room * sizeof *p);
        if (!p) {
            article_unref(g, ev.article);
            erg_graph_i_pool_put(&g->pool, ev.sentence);
            return ERG_ENOMEM;
        }
        d->evidence = p;
    }
    if (d->n_evidence == cap) {
        /* The record pushed out cites another range, so ev's article stays cited. */
        article_unref(g, d->evidence[cap - 1].article);
        erg_graph_i_pool_put(&g->pool, d->evidence[cap - 1].sentence);
        d->n_evidence--;
    }
    memmove(&d->evidence[pos + 1], &d->evidence[pos], (d->n_evidence - pos) * sizeof ev);
    d->evidence[pos] = ev;
    d->n_evidence++;
    return ERG_OK;
}

erg_status erg_graph_i_evidence(erg_graph *g, erg_edge *d, const erg_graph_article *art,
                                uint32_t start, uint32_t end, const char *sentence,
                                size_t sentence_len)
{
    size_t pos;
    if (!ev_slot(d, g->max_evidence, art->id, start, end, &pos))
        return ERG_OK;
    long ai = erg_graph_i_find_article(g, art->id);
    if (ai < 0) {
        if (erg_graph_i_article(g, art) != ERG_OK)
            return ERG_ENOMEM;
        ai = (long)g->n_arts - 1;
    }
    erg_graph_art_rec *r = &g->arts[ai];
    char *text = erg_graph_i_pool_get(&g->pool, sentence, sentence_len);
    if (!text) {
        if (r->refs == 0 && !g->hold_articles)
            article_drop(g, (size_t)ai);
        return ERG_ENOMEM;
    }
    if (r->refs < UINT32_MAX)
        r->refs++;
    erg_evidence ev = {r->a.id, start, end, text};
    return ev_put(g, d, pos, ev);
}

/* ---- life cycle ---- */

erg_status erg_graph_new(erg_graph **out, unsigned max_evidence, erg_error *err)
{
    *out = NULL;
    if (max_evidence > ERG_GRAPH_MAX_EVIDENCE)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "at most %u evidence records per edge, not %u", ERG_GRAPH_MAX_EVIDENCE,
                             max_evidence);
    *out = calloc(1, sizeof **out);
    if (!*out)
        return erg_error_oom(err);
    (*out)->max_evidence = max_evidence ? max_evidence : ERG_GRAPH_DEFAULT_EVIDENCE;
    (*out)->finished = true;
    erg_buf_init(&(*out)->buf);
    return ERG_OK;
}

void erg_graph_free(erg_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n_ents; i++)
        entity_release(NULL, &g->ents[i]);
    for (size_t i = 0; i < g->n_edges; i++)
        edge_release(NULL, &g->edges[i]);
    erg_graph_i_pool_release(&g->pool);
    for (size_t i = 0; i < g->n_arts; i++)
        article_release(&g->arts[i].a);
    free(g->ents);
    free(g->ent_stamp);
    free(g->ent_ix.slots);
    free(g->edges);
    free(g->edge_stamp);
    free(g->edge_ix.slots);
    free(g->arts);
    free(g->art_ix.slots);
    free(g->ids.slots);
    free(g->map);
    free(g->outlets);
    for (size_t i = 0; i < g->n_legal; i++)
        free(g->legal[i]);
    free(g->legal);
    erg_buf_release(&g->buf);
    free(g);
}

static const char *const fold_names[ERG_FOLD_COUNT] = {"key",     "article",      "short-form",
                                                       "acronym", "legal-suffix", "country"};

const char *erg_fold_name(erg_fold f)
{
    return (unsigned)f < ERG_FOLD_COUNT ? fold_names[f] : NULL;
}

erg_status erg_fold_parse(const char *s, erg_fold *out)
{
    for (int f = 0; s && f < ERG_FOLD_COUNT; f++)
        if (strcmp(s, fold_names[f]) == 0) {
            *out = (erg_fold)f;
            return ERG_OK;
        }
    return ERG_EINVAL;
}

/* ---- adding an article ---- */

static bool is_space(unsigned char c)
{
    return c == ' ' || c < 0x20 || c == 0x7F;
}

/*
 * Appends bytes p[0..n) with white space runs (and control characters) made
 * one space, trimmed, and any invalid UTF-8 byte (a range cut inside a
 * character) replaced with U+FFFD. b must have room for 3 * n more bytes.
 */
static void normalize_append(erg_buf *b, const unsigned char *p, size_t n)
{
    char *base = b->data + b->len, *o = base;
    size_t i = 0;
    bool pending_space = false;
    while (i < n) {
        unsigned char c = p[i];
        if (is_space(c)) {
            pending_space = o > base;
            i++;
            continue;
        }
        if (pending_space) {
            *o++ = ' ';
            pending_space = false;
        }
        if (c < 0x80) {
            *o++ = (char)c;
            i++;
            continue;
        }
        size_t run = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (run > n - i || !erg_graph_i_utf8_ok((const char *)p + i, run)) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            continue;
        }
        memcpy(o, p + i, run);
        o += run;
        i += run;
    }
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
}

/* Start of the UTF-8 character that holds byte i of s (i itself when it starts one). */
static size_t utf8_back(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/*
 * Length of the longest prefix of s[0..n) (single spaces between words) of at
 * most max_bytes bytes and max_words words, cut before a space, or inside
 * one long word at a character boundary.
 */
static size_t head_cut(const char *s, size_t n, size_t max_bytes, size_t max_words)
{
    size_t words = 1, cut = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != ' ')
            continue;
        if (i > max_bytes || words > max_words)
            break;
        cut = i;
        words++;
    }
    if (cut == 0)
        cut = utf8_back(s, n < max_bytes ? n : max_bytes);
    return cut;
}

/*
 * Start of the longest suffix of s[0..n) within the same bounds, cut after a
 * space, or inside one long word at a character boundary.
 */
static size_t tail_cut(const char *s, size_t n, size_t max_bytes, size_t max_words)
{
    size_t words = 1, cut = n;
    for (size_t j = n + 1; j-- > 0;) {
        /* j is the start of a candidate suffix: the text start or just after a space. */
        if (j > 0 && s[j - 1] != ' ')
            continue;
        if (n - j > max_bytes || words > max_words)
            break;
        cut = j;
        words++;
    }
    if (cut == n && n > 0) {
        cut = n > max_bytes ? n - max_bytes : 0;
        while (cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut++;
    }
    return cut;
}

/* The words of s[0..n), single spaces between them. */
static size_t count_words(const char *s, size_t n)
{
    size_t w = n > 0;
    for (size_t i = 0; i < n; i++)
        w += s[i] == ' ';
    return w;
}

#define EV_MARK " \xE2\x80\xA6 " /* " … " */
#define EV_MARK_LEN 5u

/*
 * The evidence sentence: bytes [start, end) of text normalized
 * (normalize_append). One longer than ERG_GRAPH_EVIDENCE_MAX_BYTES bytes or
 * ERG_GRAPH_EVIDENCE_MAX_WORDS words keeps its first and last words within
 * half of each bound, joined by " … ". Only about 4 *
 * ERG_GRAPH_EVIDENCE_MAX_BYTES bytes of the range are read at each end, so
 * that the cost per record is bounded whatever the range.
 */
static erg_status sentence_text(erg_buf *b, const char *text, uint32_t start, uint32_t end)
{
    const size_t max = ERG_GRAPH_EVIDENCE_MAX_BYTES, chunk = 2 * ERG_GRAPH_EVIDENCE_MAX_BYTES;
    const size_t half = (max - EV_MARK_LEN) / 2, half_words = ERG_GRAPH_EVIDENCE_MAX_WORDS / 2;
    erg_buf_clear(b);
    if (!text) /* only an empty range is allowed then */
        return erg_buf_puts(b, "");
    const unsigned char *p = (const unsigned char *)text + start;
    size_t n = end - start;
    bool long_range = n > 2 * chunk;
    size_t read = long_range ? 2 * chunk : n;
    if (erg_buf_reserve(b, read * 3 + 1) != ERG_OK)
        return ERG_ENOMEM;
    size_t split = 0; /* where the tail chunk begins in b, for a long range */
    if (long_range) {
        normalize_append(b, p, chunk);
        split = b->len;
        normalize_append(b, p + n - chunk, chunk);
    } else {
        normalize_append(b, p, n);
        if (b->len <= max && count_words(b->data, b->len) <= ERG_GRAPH_EVIDENCE_MAX_WORDS)
            goto done;
        split = b->len;
    }
    {
        char *d = b->data;
        size_t h = head_cut(d, split, half, half_words);
        size_t t = long_range ? split + tail_cut(d + split, b->len - split, half, half_words)
                              : tail_cut(d, b->len, half, half_words);
        if (t < h)
            t = h;
        size_t tail_len = b->len - t;
        memmove(d + h + EV_MARK_LEN, d + t, tail_len);
        memcpy(d + h, EV_MARK, EV_MARK_LEN);
        b->len = h + EV_MARK_LEN + tail_len;
        d[b->len] = '\0';
    }
done:
    if (!b->data)
        return erg_buf_puts(b, "");
    return ERG_OK;
}

/*
 * Is key the merge key of the surface form s? 1 or 0 when s is plain ASCII
 * letters and digits with single spaces (its key is then its lower case),
 * -1 when only erg_text_name_key can say.
 */
static int plain_key_is(const char *s, const char *key)
{
    bool differs = false;
    for (size_t i = 0;; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\0')
            return !differs && key[i] == '\0';
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !(c == ' ' && i > 0 && s[i - 1] != ' ' && s[i + 1] != ' ' && s[i + 1]))
            return -1;
        unsigned char low = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
        if (!differs && (unsigned char)key[i] != low)
            differs = true;
    }
}

static int cmp_outlet_at(const void *a, const void *b)
{
    const erg_graph_outlet_at *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * Fills g->outlets with the article's mentions of outlet entities (of type
 * outlet, with a name and byte offsets within the text), sorted by start.
 */
static erg_status outlet_mentions(erg_graph *g, const erg_article *art,
                                  const erg_local_entities *ents, const erg_mentions *ms,
                                  size_t *n_out)
{
    size_t n = 0;
    bool sorted = true;
    *n_out = 0;
    for (size_t i = 0; ms && i < ms->n; i++) {
        const erg_mention *m = &ms->items[i];
        if (m->entity < 0 || m->start >= m->end || m->end > art->text_len)
            continue;
        const erg_local_entity *le = &ents->items[m->entity];
        if (le->type != ERG_TYPE_OUTLET || !le->name || !le->name[0])
            continue;
        if (n == g->cap_outlets &&
            erg_grow((void **)&g->outlets, &g->cap_outlets, n + 1, sizeof *g->outlets) != ERG_OK)
            return ERG_ENOMEM;
        sorted = sorted && (n == 0 || g->outlets[n - 1].start <= m->start);
        g->outlets[n++] = (erg_graph_outlet_at){m->start, m->end, le->name};
    }
    if (!sorted)
        qsort(g->outlets, n, sizeof *g->outlets, cmp_outlet_at);
    *n_out = n;
    return ERG_OK;
}

/*
 * Adds to d the outlets named within bytes [start, end): the first
 * ERG_GRAPH_MAX_WINDOW_OUTLETS of the n outlet mentions of g->outlets
 * that lie inside. O(log n) to find the first.
 */
static erg_status window_outlets(erg_graph *g, erg_edge *d, size_t n, uint32_t start, uint32_t end)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g->outlets[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo, k = 0;
         i < n && g->outlets[i].start < end && k < ERG_GRAPH_MAX_WINDOW_OUTLETS; i++, k++)
        if (g->outlets[i].end <= end && erg_graph_i_outlet(g, d, g->outlets[i].name) != ERG_OK)
            return ERG_ENOMEM;
    return ERG_OK;
}

/* Checks the whole article before anything of it enters the graph. */
static erg_status validate_article(const erg_graph *g, const erg_article *art,
                                   const erg_local_entities *ents, const erg_mentions *ms,
                                   const erg_relations *rels, erg_error *err)
{
    const char *id = art->id;
    if (!id)
        return erg_error_set(err, ERG_EINVAL, art->path, 0, -1, "article without an id");
    if (!str_ok(id) || !str_ok(art->title) || !str_ok(art->date) || !str_ok(art->source) ||
        !str_ok(art->url) || !str_ok(art->outlet))
        return erg_error_set(err, ERG_EINVAL, id, 0, -1, "article metadata is not valid UTF-8");
    if (erg_graph_i_idset_has(&g->ids, erg_graph_i_id_hash(id)))
        return erg_error_set(err, ERG_EINVAL, id, 0, -1, "article '%s' is already in the graph",
                             id);
    size_t n = ents ? ents->n : 0;
    if (n >= ERG_GRAPH_NONE)
        return erg_error_set(err, ERG_EINVAL, id, 0, -1, "too many entities in one article");
    for (size_t i = 0; i < n; i++) {
        const erg_local_entity *e = &ents->items[i];
        if ((unsigned)e->type >= ERG_TYPE_COUNT)
            return erg_error_set(err, ERG_EINVAL, id, 0, -1, "entity %zu has no valid type", i);
        if (e->type == ERG_TYPE_MISC)
            continue;
        if (!e->key || !e->key[0])
            return erg_error_set(err, ERG_EINVAL, id, 0, -1, "entity %zu has no merge key", i);
        if (!str_ok(e->key) || !str_ok(e->name))
            return erg_error_set(err, ERG_EINVAL, id, 0, -1,
                                 "entity %zu has a name or key that is not valid UTF-8", i);
        for (size_t k = 0; k < e->n_surfaces; k++)
            if (!e->surfaces[k].text || !str_ok(e->surfaces[k].text))
                return erg_error_set(err, ERG_EINVAL, id, 0, -1,
                                     "entity %zu has a surface form that is missing or not "
                                     "valid UTF-8",
                                     i);
    }
    for (size_t i = 0; ms && i < ms->n; i++) {
        const erg_mention *m = &ms->items[i];
        if (m->entity >= 0 && (size_t)m->entity >= n)
            return erg_error_set(err, ERG_EINVAL, id, 0, -1,
                                 "mention %zu names entity %ld but the article has %zu", i,
                                 (long)m->entity, n);
        if ((unsigned)m->type >= ERG_TYPE_COUNT)
            return erg_error_set(err, ERG_EINVAL, id, 0, -1, "mention %zu has no valid type", i);
    }
    for (size_t i = 0; rels && i < rels->n; i++) {
        const erg_relation *r = &rels->items[i];
        if ((r->a >= n && !(r->a == ERG_RELATE_ARTICLE_OUTLET && r->kind == ERG_KIND_CITES)) ||
            r->b >= n)
            return erg_error_set(err, ERG_EINVAL, id, 0, -1,
                                 "relation %zu joins entities %u and %u but the article has %zu", i,
                                 r->a, r->b, n);
        if ((unsigned)r->kind >= ERG_KIND_COUNT)
            return erg_error_set(err, ERG_EINVAL, id, 0, -1, "relation %zu has an unknown kind", i);
        if (r->pattern >= ERG_PATTERN_COUNT || r->score > ERG_SCORE_UNIT)
            return erg_error_set(err, ERG_EINVAL, id, 0, -1,
                                 "relation %zu has an unknown pattern or a score above 1", i);
        if (r->start > r->end || r->end > art->text_len || (!art->text && r->end > 0))
            return erg_error_set(err, ERG_EINVAL, id, 0, -1,
                                 "relation %zu has bytes [%u, %u) outside the text (%zu bytes)", i,
                                 r->start, r->end, art->text ? art->text_len : (size_t)0);
    }
    return ERG_OK;
}

erg_status erg_graph_add_article(erg_graph *g, const erg_article *art,
                                 const erg_local_entities *ents, const erg_mentions *ms,
                                 const erg_relations *rels, erg_error *err)
{
    if (!g || !art)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph or no article");
    erg_status st = validate_article(g, art, ents, ms, rels, err);
    if (st != ERG_OK)
        return st;
    const char *id = art->id;
    size_t n = ents ? ents->n : 0;

    size_t cap_map = g->cap_map;
    if (erg_grow((void **)&g->map, &cap_map, n, sizeof *g->map) != ERG_OK)
        return erg_error_oom(err);
    g->cap_map = cap_map;
    erg_status ist;
    erg_graph_i_idset_add(&g->ids, erg_graph_i_id_hash(id), &ist);
    if (ist != ERG_OK)
        return erg_error_oom(err);
    g->finished = false;
    /* The metadata is stored when, and for as long as, an evidence record cites the article. */
    /* The date normalized (the reader's already is); one that is no date is not known. */
    char date_buf[ERG_DATE_TEXT_MAX];
    erg_date day;
    const char *date = art->date && erg_date_parse(art->date, strlen(art->date), &day) == ERG_OK
                           ? erg_date_format(&day, date_buf)
                           : NULL;
    const erg_graph_article meta = {(char *)id, (char *)art->title, (char *)date,
                                    (char *)art->source, (char *)art->url};
    uint32_t serial = ++g->serial;

    /* The outlet the list knows the source as, else the source as written. */
    const char *source_outlet = art->outlet && art->outlet[0] ? art->outlet : art->source;
    if (source_outlet && !source_outlet[0])
        source_outlet = NULL;

    for (size_t i = 0; i < n; i++) {
        const erg_local_entity *le = &ents->items[i];
        g->map[i] = ERG_GRAPH_NONE;
        if (le->type == ERG_TYPE_MISC)
            continue;
        uint32_t gi;
        if (erg_graph_i_entity(g, le->key, le->type, le->name, &gi) != ERG_OK)
            goto oom;
        g->map[i] = gi;
        erg_entity *e = &g->ents[gi];
        e->mentions = erg_graph_i_add_u32(e->mentions, le->mentions);
        bool first = g->ent_stamp[gi] != serial;
        if (first) {
            g->ent_stamp[gi] = serial;
            e->articles = erg_graph_i_add_u32(e->articles, 1);
            if (erg_graph_i_dates(g, &e->first_date, &e->last_date, date) != ERG_OK)
                goto oom;
        }
        if (erg_graph_i_tally(g, &e->timeline, &e->n_timeline, date, source_outlet, le->mentions,
                              first, 0) != ERG_OK)
            goto oom;
        for (size_t k = 0; k < le->n_surfaces; k++) {
            const char *sf = le->surfaces[k].text;
            int same = plain_key_is(sf, e->key);
            if (same < 0) {
                if (erg_text_name_key(sf, strlen(sf), &g->buf) != ERG_OK)
                    goto oom;
                same = g->buf.data && strcmp(g->buf.data, e->key) == 0;
            }
            erg_fold rule = same ? ERG_FOLD_KEY : ERG_FOLD_ARTICLE;
            if (erg_graph_i_alias(e, sf, le->surfaces[k].count, rule) != ERG_OK)
                goto oom;
        }
        if (le->n_surfaces == 0 && le->name &&
            erg_graph_i_alias(e, le->name, le->mentions ? le->mentions : 1, ERG_FOLD_KEY) != ERG_OK)
            goto oom;
    }
    /*
     * Each article votes once for an entity's type, with the type resolution
     * gave it there: the tagger's choices within one article go together (it
     * sees the whole article), so its mentions are not independent votes.
     */
    for (size_t i = 0; i < n; i++) {
        if (g->map[i] == ERG_GRAPH_NONE)
            continue;
        erg_entity *e = &g->ents[g->map[i]];
        e->type_votes[ents->items[i].type] =
            erg_graph_i_add_u32(e->type_votes[ents->items[i].type], 1);
    }

    size_t n_outlets;
    if (outlet_mentions(g, art, ents, ms, &n_outlets) != ERG_OK)
        goto oom;

    /* The article's own outlet, subject of the cites of erg_relate_source_cites. */
    uint32_t own_outlet = ERG_GRAPH_NONE;
    for (size_t i = 0; rels && i < rels->n; i++) {
        const erg_relation *r = &rels->items[i];
        if (r->a == ERG_RELATE_ARTICLE_OUTLET && own_outlet == ERG_GRAPH_NONE && art->outlet &&
            art->outlet[0]) {
            if (erg_text_name_key(art->outlet, strlen(art->outlet), &g->buf) != ERG_OK)
                goto oom;
            /*
             * A node the article never names gets no mention, article or
             * type vote from it: it is there as the edge's subject.
             */
            if (g->buf.data && g->buf.data[0] &&
                erg_graph_i_entity(g, g->buf.data, ERG_TYPE_OUTLET, art->outlet, &own_outlet) !=
                    ERG_OK)
                goto oom;
        }
        uint32_t s = r->a == ERG_RELATE_ARTICLE_OUTLET ? own_outlet : g->map[r->a],
                 t = g->map[r->b];
        /* A relation with a MISC entity, or between two local entities that share a key. */
        if (s == ERG_GRAPH_NONE || t == ERG_GRAPH_NONE || s == t)
            continue;
        if (r->kind == ERG_KIND_CO_MENTION && s > t) {
            uint32_t x = s;
            s = t;
            t = x;
        }
        uint32_t di;
        if (erg_graph_i_edge(g, s, t, r->kind, &di) != ERG_OK)
            goto oom;
        erg_edge *d = &g->edges[di];
        d->count = erg_graph_i_add_u32(d->count, 1);
        d->wunits += r->wunits;
        if (r->kind != ERG_KIND_CO_MENTION) {
            if (r->score > d->score)
                d->score = r->score;
            if (r->pattern != ERG_PATTERN_NONE)
                d->patterns |= 1u << r->pattern;
        }
        bool first = g->edge_stamp[di] != serial;
        if (erg_graph_i_tally(g, &d->timeline, &d->n_timeline, date, source_outlet, 1, first,
                              r->wunits) != ERG_OK)
            goto oom;
        if (first) {
            g->edge_stamp[di] = serial;
            d->articles = erg_graph_i_add_u32(d->articles, 1);
            if (erg_graph_i_dates(g, &d->first_date, &d->last_date, date) != ERG_OK)
                goto oom;
            if (source_outlet && erg_graph_i_outlet(g, d, source_outlet) != ERG_OK)
                goto oom;
        }
        if (window_outlets(g, d, n_outlets, r->start, r->end) != ERG_OK)
            goto oom;
        size_t pos;
        if (!ev_slot(d, g->max_evidence, id, r->start, r->end, &pos))
            continue;
        if (sentence_text(&g->buf, art->text, r->start, r->end) != ERG_OK ||
            erg_graph_i_evidence(g, d, &meta, r->start, r->end, g->buf.data, g->buf.len) != ERG_OK)
            goto oom;
    }
    return ERG_OK;
oom:
    return erg_error_set(err, ERG_ENOMEM, id, 0, -1,
                         "out of memory while adding the article (the graph holds part of it)");
}

/* ---- merging ---- */

erg_status erg_graph_i_entity_add(erg_graph *g, erg_entity *dst, const erg_entity *src,
                                  erg_fold at_least)
{
    dst->mentions = erg_graph_i_add_u32(dst->mentions, src->mentions);
    dst->articles = erg_graph_i_add_u32(dst->articles, src->articles);
    for (int t = 0; t < ERG_TYPE_COUNT; t++)
        dst->type_votes[t] = erg_graph_i_add_u32(dst->type_votes[t], src->type_votes[t]);
    if (erg_graph_i_dates(g, &dst->first_date, &dst->last_date, src->first_date) != ERG_OK ||
        erg_graph_i_dates(g, &dst->first_date, &dst->last_date, src->last_date) != ERG_OK ||
        erg_graph_i_timeline_add(g, &dst->timeline, &dst->n_timeline, src->timeline,
                                 src->n_timeline) != ERG_OK)
        return ERG_ENOMEM;
    for (size_t k = 0; k < src->n_aliases; k++) {
        const erg_alias *a = &src->aliases[k];
        erg_fold rule = a->rule > at_least ? a->rule : at_least;
        if (erg_graph_i_alias(dst, a->name, a->count, rule) != ERG_OK)
            return ERG_ENOMEM;
    }
    return ERG_OK;
}

/*
 * Adds src's counts, weight, dates, outlets and evidence to d; src is an edge
 * of from, which may be g or another graph (its cited articles give the
 * metadata of those g does not hold yet).
 */
static erg_status edge_add(erg_graph *g, erg_edge *d, const erg_graph *from, const erg_edge *src)
{
    d->count = erg_graph_i_add_u32(d->count, src->count);
    d->wunits += src->wunits;
    if (src->score > d->score)
        d->score = src->score;
    d->patterns |= src->patterns;
    d->articles = erg_graph_i_add_u32(d->articles, src->articles);
    if (erg_graph_i_dates(g, &d->first_date, &d->last_date, src->first_date) != ERG_OK ||
        erg_graph_i_dates(g, &d->first_date, &d->last_date, src->last_date) != ERG_OK ||
        erg_graph_i_timeline_add(g, &d->timeline, &d->n_timeline, src->timeline, src->n_timeline) !=
            ERG_OK)
        return ERG_ENOMEM;
    for (size_t k = 0; k < src->n_outlets; k++)
        if (erg_graph_i_outlet(g, d, src->outlets[k]) != ERG_OK)
            return ERG_ENOMEM;
    for (size_t k = 0; k < src->n_evidence; k++) {
        const erg_evidence *ev = &src->evidence[k];
        const erg_graph_article *a = erg_graph_i_cited(from, ev->article);
        const erg_graph_article bare = {ev->article, NULL, NULL, NULL, NULL};
        if (erg_graph_i_evidence(g, d, a ? a : &bare, ev->start, ev->end, ev->sentence,
                                 strlen(ev->sentence)) != ERG_OK)
            return ERG_ENOMEM;
    }
    return ERG_OK;
}

erg_status erg_graph_merge(erg_graph *dst, const erg_graph *src, erg_error *err)
{
    if (!dst || !src)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph to merge");
    if (dst == src)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "cannot merge a graph into itself");
    /* A cited article is named; any other is known by its id's hash only. */
    for (size_t i = 0; i < src->n_arts; i++) {
        const char *id = src->arts[i].a.id;
        if (erg_graph_i_idset_has(&dst->ids, erg_graph_i_id_hash(id)))
            return erg_error_set(err, ERG_EINVAL, id, 0, -1, "article '%s' is already in the graph",
                                 id);
    }
    for (size_t i = 0; i < src->ids.cap; i++)
        if (src->ids.slots[i] && erg_graph_i_idset_has(&dst->ids, src->ids.slots[i]))
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "an article (id hash %016llx) is already in the graph",
                                 (unsigned long long)src->ids.slots[i]);
    uint32_t *map = NULL;
    if (src->n_ents && !(map = malloc(src->n_ents * sizeof *map)))
        return erg_error_oom(err);
    if (erg_graph_i_idset_reserve(&dst->ids, src->ids.n) != ERG_OK) {
        free(map);
        return erg_error_oom(err);
    }
    dst->finished = false;
    dst->no_timeline = dst->no_timeline || src->no_timeline;
    for (size_t i = 0; i < src->ids.cap; i++) {
        erg_status ist;
        if (src->ids.slots[i])
            erg_graph_i_idset_add(&dst->ids, src->ids.slots[i], &ist); /* room is reserved */
    }
    for (size_t i = 0; i < src->n_ents; i++) {
        const erg_entity *se = &src->ents[i];
        if (erg_graph_i_entity(dst, se->key, se->type, se->name, &map[i]) != ERG_OK)
            goto oom;
        if (erg_graph_i_entity_add(dst, &dst->ents[map[i]], se, ERG_FOLD_KEY) != ERG_OK)
            goto oom;
    }
    for (size_t i = 0; i < src->n_edges; i++) {
        const erg_edge *sd = &src->edges[i];
        uint32_t s = map[sd->source], t = map[sd->target], di;
        if (sd->kind == ERG_KIND_CO_MENTION && s > t) {
            uint32_t x = s;
            s = t;
            t = x;
        }
        if (erg_graph_i_edge(dst, s, t, sd->kind, &di) != ERG_OK)
            goto oom;
        if (edge_add(dst, &dst->edges[di], src, sd) != ERG_OK)
            goto oom;
    }
    free(map);
    return ERG_OK;
oom:
    free(map);
    return erg_error_set(err, ERG_ENOMEM, NULL, 0, -1,
                         "out of memory while merging (the graph holds part of the other)");
}

/* ---- finishing ---- */

static erg_type decide_type(const erg_entity *e)
{
    /* Ties go to the earlier type: person, agency, outlet, place. MISC never wins. */
    int best = -1;
    for (int t = 0; t < ERG_TYPE_MISC; t++)
        if (best < 0 || e->type_votes[t] > e->type_votes[best])
            best = t;
    if (e->type_votes[best] == 0 && e->type != ERG_TYPE_MISC)
        return e->type;
    return (erg_type)best;
}

/*
 * The display name: the most frequent spelling of the full name (an alias
 * whose merge key is the entity's key: "Jean-Marie Le Pen", not the "Le Pen"
 * that most later mentions say), ties to the longest, then the byte-order
 * first. When no alias spells the key (a canonical name from an alias list
 * that the text never wrote out), the most frequent alias.
 */
static const char *decide_name(const erg_entity *e, erg_buf *key)
{
    const erg_alias *best = NULL;
    bool best_full = false;
    for (size_t i = 0; i < e->n_aliases; i++) {
        const erg_alias *a = &e->aliases[i];
        bool full = erg_text_name_key(a->name, strlen(a->name), key) == ERG_OK && key->data &&
                    strcmp(key->data, e->key) == 0;
        if (!best || (full && !best_full) ||
            (full == best_full &&
             (a->count > best->count ||
              (a->count == best->count && strlen(a->name) > strlen(best->name))))) {
            best = a; /* aliases are sorted, so the first of equals is the byte-order first */
            best_full = full;
        }
    }
    return best ? best->name : NULL;
}

/* qsort has no context argument in C11, so the sorts below sort index pairs. */
typedef struct key_ref {
    const char *key;
    uint32_t index;
} key_ref;

static int cmp_key_ref(const void *a, const void *b)
{
    return strcmp(((const key_ref *)a)->key, ((const key_ref *)b)->key);
}

static int cmp_edge(const void *a, const void *b)
{
    const erg_edge *x = a, *y = b;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    if (x->target != y->target)
        return x->target < y->target ? -1 : 1;
    return (x->kind > y->kind) - (x->kind < y->kind);
}

static int cmp_article(const void *a, const void *b)
{
    return strcmp(((const erg_graph_art_rec *)a)->a.id, ((const erg_graph_art_rec *)b)->a.id);
}

/*
 * Drops the cited-article records that nothing cites any more (the loader
 * holds them until now), sorts the rest by id and fills fresh (empty, with
 * room for them all) as the new index. Cannot fail.
 */
static void articles_settle(erg_graph *g, erg_graph_index *fresh)
{
    size_t w = 0;
    for (size_t i = 0; i < g->n_arts; i++) {
        if (g->arts[i].refs == 0) {
            article_release(&g->arts[i].a);
            continue;
        }
        g->arts[w++] = g->arts[i];
    }
    g->n_arts = w;
    if (g->n_arts)
        qsort(g->arts, g->n_arts, sizeof *g->arts, cmp_article);
    index_fill(fresh, g, g->n_arts, art_hash);
    free(g->art_ix.slots);
    g->art_ix = *fresh;
    fresh->slots = NULL;
    fresh->cap = 0;
}

erg_status erg_graph_i_settle_articles(erg_graph *g)
{
    erg_graph_index fresh = {NULL, 0};
    if (index_reserve(&fresh, g->n_arts) != ERG_OK)
        return ERG_ENOMEM;
    articles_settle(g, &fresh);
    return ERG_OK;
}

/* Adds the duplicate edge y (same ends and kind, after folding) to x and releases y. */
static erg_status edge_absorb(erg_graph *g, erg_edge *x, erg_edge *y)
{
    erg_status st = edge_add(g, x, g, y);
    edge_release(g, y);
    return st;
}

erg_status erg_graph_set_corpus_resolve(erg_graph *g, bool on, const char *const *legal_suffixes,
                                        size_t n, erg_error *err)
{
    if (!g || (n && !legal_suffixes))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph or no suffix list");
    char **keys = n ? calloc(n, sizeof *keys) : NULL;
    erg_buf key;
    erg_buf_init(&key);
    if (n && !keys)
        return erg_error_oom(err);
    for (size_t i = 0; i < n; i++) {
        const char *w = legal_suffixes[i];
        if (!w || erg_text_name_key(w, strlen(w), &key) != ERG_OK ||
            !(keys[i] = erg_strdup(key.data ? key.data : ""))) {
            for (size_t k = 0; k < i; k++)
                free(keys[k]);
            free(keys);
            erg_buf_release(&key);
            return w ? erg_error_oom(err)
                     : erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "suffix %zu is NULL", i);
        }
    }
    erg_buf_release(&key);
    for (size_t i = 0; i < g->n_legal; i++)
        free(g->legal[i]);
    free(g->legal);
    g->legal = keys;
    g->n_legal = n;
    g->fold = on;
    g->finished = false;
    return ERG_OK;
}

erg_status erg_graph_set_partial(erg_graph *g, unsigned type_mask, erg_window window,
                                 erg_error *err)
{
    const unsigned all = ERG_TYPE_BIT(ERG_TYPE_PERSON) | ERG_TYPE_BIT(ERG_TYPE_AGENCY) |
                         ERG_TYPE_BIT(ERG_TYPE_OUTLET) | ERG_TYPE_BIT(ERG_TYPE_PLACE);
    if (!g)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph");
    if (type_mask & ~all)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "a partial graph's types are person, agency, outlet and place");
    if (window != ERG_WINDOW_SENTENCE && window != ERG_WINDOW_PARAGRAPH &&
        window != ERG_WINDOW_ARTICLE)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "unknown window %d", (int)window);
    g->partial_types = type_mask;
    g->partial_window = type_mask ? window : ERG_WINDOW_SENTENCE;
    return ERG_OK;
}

bool erg_graph_partial(const erg_graph *g, unsigned *type_mask, erg_window *window)
{
    if (!g || !g->partial_types)
        return false;
    if (type_mask)
        *type_mask = g->partial_types;
    if (window)
        *window = g->partial_window;
    return true;
}

erg_status erg_graph_finish(erg_graph *g, unsigned type_mask, erg_error *err)
{
    if (!g)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph");
    erg_status st = ERG_OK;
    key_ref *refs = NULL;
    uint32_t *remap = NULL, *root = NULL;
    erg_entity *sorted = NULL;
    erg_graph_index ix[2] = {{NULL, 0}, {NULL, 0}};
    erg_buf key;
    erg_buf_init(&key);
    if (g->n_ents && (!(refs = malloc(g->n_ents * sizeof *refs)) ||
                      !(remap = malloc(g->n_ents * sizeof *remap)) ||
                      !(root = malloc(g->n_ents * sizeof *root)) ||
                      !(sorted = malloc(g->n_ents * sizeof *sorted))))
        goto oom;
    for (size_t i = 0; i < g->n_ents; i++) {
        g->ents[i].type = decide_type(&g->ents[i]);
        root[i] = (uint32_t)i;
    }
    if (g->fold && erg_graph_i_fold(g, root, &key) != ERG_OK)
        goto oom;
    size_t kept = 0;
    for (size_t i = 0; i < g->n_ents; i++) {
        erg_entity *e = &g->ents[i];
        remap[i] = ERG_GRAPH_NONE;
        if (root[i] != i)
            continue;
        e->type = decide_type(e);
        const char *name = decide_name(e, &key);
        if (name && strcmp(name, e->name) != 0) {
            char *c = erg_strdup(name);
            if (!c)
                goto oom;
            erg_strip_bidi_overrides(c); /* as erg_graph_i_entity does */
            free(e->name);
            e->name = c;
        }
        if (e->type != ERG_TYPE_MISC && (type_mask & ERG_TYPE_BIT(e->type)))
            refs[kept++] = (key_ref){e->key, (uint32_t)i};
    }
    /* A graph erg wrote comes back with its keys in order: then nothing moves. */
    bool keys_in_order = true;
    for (size_t i = 1; keys_in_order && i < kept; i++)
        keys_in_order = cmp_key_ref(&refs[i - 1], &refs[i]) < 0;
    if (!keys_in_order)
        qsort(refs, kept, sizeof *refs, cmp_key_ref);
    bool identity = kept == g->n_ents;
    for (size_t i = 0; i < kept; i++) {
        remap[refs[i].index] = (uint32_t)i;
        identity = identity && refs[i].index == i;
    }
    /* A folded entity's edges go to the entity it folded into. */
    for (size_t i = 0; i < g->n_ents; i++)
        if (root[i] != i)
            remap[i] = remap[root[i]];
    /* The new indexes are allocated before the tables change: a failure leaves them as they were.
     */
    if (index_reserve(&ix[0], kept) != ERG_OK || index_reserve(&ix[1], g->n_arts) != ERG_OK)
        goto oom;

    size_t m = 0;
    for (size_t i = 0; i < g->n_edges; i++) {
        erg_edge d = g->edges[i];
        uint32_t s = remap[d.source], t = remap[d.target];
        /* An edge between a short form and the name it folded into is gone with the fold. */
        if (s == ERG_GRAPH_NONE || t == ERG_GRAPH_NONE || s == t) {
            edge_release(g, &d);
            continue;
        }
        /*
         * A typed edge whose end the corpus finally types otherwise says what
         * no pattern would: an outlet that "reports" but is voted an agency.
         * Only with corpus resolution: a loaded graph keeps what it holds.
         */
        if (g->fold && d.kind != ERG_KIND_CO_MENTION &&
            !erg_kind_fits(d.kind, g->ents[root[d.source]].type, g->ents[root[d.target]].type)) {
            edge_release(g, &d);
            continue;
        }
        if (d.kind == ERG_KIND_CO_MENTION && s > t) {
            uint32_t x = s;
            s = t;
            t = x;
        }
        if (m != i || s != d.source || t != d.target) { /* a loaded graph's edges stay put */
            d.source = s;
            d.target = t;
            g->edges[m] = d;
        }
        m++;
    }
    g->n_edges = m;
    for (size_t i = 0; i < g->n_ents; i++)
        if (remap[i] == ERG_GRAPH_NONE || root[i] != i)
            entity_release(&g->pool, &g->ents[i]);
    if (!identity) {
        for (size_t i = 0; i < kept; i++)
            sorted[i] = g->ents[refs[i].index];
        if (kept)
            memcpy(g->ents, sorted, kept * sizeof *sorted);
    }
    g->n_ents = kept;
    for (size_t i = 0; i < kept; i++)
        g->ent_stamp[i] = 0;
    /* A loaded graph comes sorted; qsort wants a non-NULL base even for zero items. */
    bool in_order = true;
    for (size_t i = 1; in_order && i < g->n_edges; i++)
        in_order = cmp_edge(&g->edges[i - 1], &g->edges[i]) < 0;
    if (!in_order)
        qsort(g->edges, g->n_edges, sizeof *g->edges, cmp_edge);
    /* Folding can give two edges the same ends and kind: they become one. */
    if (g->fold && g->n_edges) {
        size_t w = 0;
        for (size_t i = 1; i < g->n_edges; i++) {
            erg_edge *x = &g->edges[w], *y = &g->edges[i];
            if (x->source == y->source && x->target == y->target && x->kind == y->kind) {
                if (edge_absorb(g, x, y) != ERG_OK)
                    st = ERG_ENOMEM; /* keep going: the tables must stay whole */
                continue;
            }
            g->edges[++w] = *y;
        }
        g->n_edges = w + 1;
    }
    for (size_t i = 0; i < g->n_edges; i++)
        g->edge_stamp[i] = 0;
    /* Dropped edges dropped their citations: ix[1] has room for every article there was. */
    articles_settle(g, &ix[1]);

    index_fill(&ix[0], g, g->n_ents, ent_hash);
    free(g->ent_ix.slots);
    g->ent_ix = ix[0];
    ix[0].slots = NULL;
    /* Most finished graphs are only read: the edge index is built when an edge is next added. */
    free(g->edge_ix.slots);
    g->edge_ix = (erg_graph_index){NULL, 0};
    g->edge_ix_stale = true;
    g->finished = true;
    if (st != ERG_OK)
        goto oom;
    goto cleanup;
oom:
    st = erg_error_oom(err);
cleanup:
    free(ix[0].slots);
    free(ix[1].slots);
    free(refs);
    free(remap);
    free(root);
    free(sorted);
    erg_buf_release(&key);
    return st;
}

/* ---- reading ---- */

bool erg_graph_has_timeline(const erg_graph *g)
{
    return !g->no_timeline;
}

unsigned erg_graph_max_evidence(const erg_graph *g)
{
    return g->max_evidence;
}

bool erg_graph_is_finished(const erg_graph *g)
{
    return g && g->finished;
}

size_t erg_graph_entity_count(const erg_graph *g)
{
    return g->n_ents;
}

size_t erg_graph_edge_count(const erg_graph *g)
{
    return g->n_edges;
}

size_t erg_graph_article_count(const erg_graph *g)
{
    return g->n_arts;
}

size_t erg_graph_article_total(const erg_graph *g)
{
    return g->ids.n;
}

bool erg_graph_has_article_id(const erg_graph *g, const char *id)
{
    return g && id && erg_graph_i_idset_has(&g->ids, erg_graph_i_id_hash(id));
}

static int cmp_hash(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return (a > b) - (a < b);
}

erg_status erg_graph_article_hashes(const erg_graph *g, uint64_t **out, size_t *n, erg_error *err)
{
    *out = NULL;
    *n = 0;
    if (!g->ids.n)
        return ERG_OK;
    uint64_t *h = malloc(g->ids.n * sizeof *h);
    if (!h)
        return erg_error_oom(err);
    size_t k = 0;
    for (size_t i = 0; i < g->ids.cap; i++)
        if (g->ids.slots[i])
            h[k++] = g->ids.slots[i];
    qsort(h, k, sizeof *h, cmp_hash);
    *out = h;
    *n = k;
    return ERG_OK;
}

const erg_entity *erg_graph_entity(const erg_graph *g, size_t i)
{
    return i < g->n_ents ? &g->ents[i] : NULL;
}

const erg_edge *erg_graph_edge(const erg_graph *g, size_t i)
{
    return i < g->n_edges ? &g->edges[i] : NULL;
}

const erg_graph_article *erg_graph_get_article(const erg_graph *g, size_t i)
{
    return i < g->n_arts ? &g->arts[i].a : NULL;
}

const erg_graph_article *erg_graph_find_article(const erg_graph *g, const char *id)
{
    if (!g || !id)
        return NULL;
    return erg_graph_i_cited(g, id);
}

long erg_graph_find_key(const erg_graph *g, const char *key)
{
    if (!g || !key)
        return -1;
    size_t slot;
    return ent_find(g, key, erg_hash(key, strlen(key)), &slot);
}

size_t erg_graph_count_type(const erg_graph *g, erg_type t)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n_ents; i++)
        n += g->ents[i].type == t;
    return n;
}

_Static_assert(ERG_PATTERN_COUNT <= 32, "an edge keeps its patterns in 32 bits");

bool erg_edge_scored(const erg_edge *d, char score[8], char patterns[ERG_EDGE_PATTERNS_MAX])
{
    if (d->kind == ERG_KIND_CO_MENTION || !(d->score || d->patterns))
        return false;
    erg_score_format(d->score, score);
    size_t n = 0;
    patterns[0] = '\0';
    for (int p = 1; p < ERG_PATTERN_COUNT; p++)
        if (d->patterns & (1u << p)) {
            /* 32 names of at most 15 bytes each, with their spaces, fit. */
            int k = snprintf(patterns + n, ERG_EDGE_PATTERNS_MAX - n, "%s%s", n ? " " : "",
                             erg_relate_pattern_name((erg_pattern)p));
            if (k > 0 && (size_t)k < ERG_EDGE_PATTERNS_MAX - n)
                n += (size_t)k;
        }
    return true;
}
