/*
 * names.c: from a name typed by a user to an entity: merge keys, aliases,
 * the nearest name when nothing fits, and fuzzy search by fragment.
 */
#include "analyze_private.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* One name of one entity, by key. */
typedef struct name_entry {
    const char *key;     /* into names->arena once built */
    size_t key_off;      /* offset of the key in the arena while building */
    const char *matched; /* the display name or alias it came from (borrowed from the graph) */
    size_t entity;
    unsigned
        rank; /* 0: the merge key, 1: the display name, 2: an alias; lower wins on duplicates */
    uint32_t count; /* mentions written with this key: the counts of the entity's aliases */
} name_entry;

struct erg_names {
    const erg_graph *g;
    erg_buf arena; /* the keys, each NUL-terminated */
    name_entry *entries;
    size_t n;
    erg_buf titles; /* keys of titles (erg_names_add_titles), each NUL-terminated */
    size_t n_titles;
};

/* Code points of a string, in a buffer reused from call to call. */
typedef struct cps {
    uint32_t *v;
    size_t n, cap;
} cps;

static bool cps_decode(cps *c, const char *s)
{
    size_t len = strlen(s);
    if (len + 1 > c->cap) {
        uint32_t *v = realloc(c->v, (len + 1) * sizeof *v);
        if (!v)
            return false;
        c->v = v;
        c->cap = len + 1;
    }
    c->n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += erg_utf8_decode(s + i, len - i, &cp);
        c->v[c->n++] = cp;
    }
    return true;
}

/* Work space for the distances: two rows of the dynamic programme. */
typedef struct dist_ws {
    cps a, b;
    size_t *row0, *row1;
    size_t cap;
} dist_ws;

static void ws_release(dist_ws *w)
{
    free(w->a.v);
    free(w->b.v);
    free(w->row0);
    free(w->row1);
}

static bool ws_rows(dist_ws *w, size_t n)
{
    if (n + 1 <= w->cap)
        return true;
    size_t *r0 = realloc(w->row0, (n + 1) * sizeof *r0);
    if (r0)
        w->row0 = r0;
    size_t *r1 = realloc(w->row1, (n + 1) * sizeof *r1);
    if (r1)
        w->row1 = r1;
    if (!r0 || !r1)
        return false;
    w->cap = n + 1;
    return true;
}

/*
 * Levenshtein distance between w->a and w->b, or any value > limit once the
 * distance is known to exceed limit (to skip hopeless names fast).
 */
static size_t levenshtein(dist_ws *w, size_t limit)
{
    const uint32_t *a = w->a.v, *b = w->b.v;
    size_t na = w->a.n, nb = w->b.n;
    size_t diff = na > nb ? na - nb : nb - na;
    if (diff > limit)
        return limit + 1;
    size_t *prev = w->row0, *cur = w->row1;
    for (size_t j = 0; j <= nb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= nb; j++) {
            size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            cur[j] = best;
            if (best < row_min)
                row_min = best;
        }
        if (row_min > limit)
            return limit + 1;
        size_t *t = prev;
        prev = cur;
        cur = t;
    }
    return prev[nb];
}

/*
 * Fewest edits that turn the pattern w->a into some substring of the text
 * w->b (Sellers' algorithm: a free start and end in the text).
 */
static size_t substring_distance(dist_ws *w)
{
    const uint32_t *p = w->a.v, *t = w->b.v;
    size_t np = w->a.n, nt = w->b.n;
    size_t *prev = w->row0, *cur = w->row1;
    for (size_t j = 0; j <= nt; j++)
        prev[j] = 0;
    for (size_t i = 1; i <= np; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= nt; j++) {
            size_t best = prev[j - 1] + (p[i - 1] != t[j - 1]);
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            cur[j] = best;
        }
        size_t *tmp = prev;
        prev = cur;
        cur = tmp;
    }
    size_t best = np;
    for (size_t j = 0; j <= nt; j++)
        if (prev[j] < best)
            best = prev[j];
    return best;
}

size_t erg_analyze_edit_distance(const char *a, const char *b)
{
    dist_ws w = {0};
    size_t d = (size_t)-1;
    if (cps_decode(&w.a, a) && cps_decode(&w.b, b) && ws_rows(&w, w.b.n))
        d = levenshtein(&w, (size_t)-2);
    ws_release(&w);
    return d;
}

static int cmp_entry(const void *pa, const void *pb)
{
    const name_entry *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    if (a->entity != b->entity)
        return a->entity < b->entity ? -1 : 1;
    return (a->rank > b->rank) - (a->rank < b->rank);
}

static erg_status add_entry(erg_names *n, size_t *cap, const char *key, size_t entity,
                            const char *matched, unsigned rank, uint32_t count)
{
    if (!key[0])
        return ERG_OK; /* a name of only punctuation has nothing to match on */
    if (n->n == *cap) {
        size_t c = *cap ? 2 * *cap : 64;
        name_entry *e = realloc(n->entries, c * sizeof *e);
        if (!e)
            return ERG_ENOMEM;
        n->entries = e;
        *cap = c;
    }
    name_entry *e = &n->entries[n->n++];
    e->key_off = n->arena.len;
    e->key = NULL;
    e->matched = matched;
    e->entity = entity;
    e->rank = rank;
    e->count = count;
    /* Keep the NUL: keys sit end to end in the arena. */
    return erg_buf_append(&n->arena, key, strlen(key) + 1);
}

erg_status erg_names_new(erg_names **out, const erg_graph *g, erg_error *err)
{
    erg_status st = ERG_OK;
    erg_buf key;
    erg_buf_init(&key);
    size_t cap = 0;
    erg_names *n = calloc(1, sizeof *n);
    *out = NULL;
    if (!n)
        return erg_error_oom(err);
    n->g = g;
    erg_buf_init(&n->arena);
    erg_buf_init(&n->titles);
    for (size_t i = 0; i < erg_graph_entity_count(g) && st == ERG_OK; i++) {
        const erg_entity *e = erg_graph_entity(g, i);
        st = add_entry(n, &cap, e->key, i, e->name, 0, 0);
        if (st == ERG_OK && (st = erg_text_name_key(e->name, strlen(e->name), &key)) == ERG_OK)
            st = add_entry(n, &cap, key.data ? key.data : "", i, e->name, 1, 0);
        for (size_t a = 0; a < e->n_aliases && st == ERG_OK; a++) {
            const char *alias = e->aliases[a].name;
            if ((st = erg_text_name_key(alias, strlen(alias), &key)) == ERG_OK)
                st = add_entry(n, &cap, key.data ? key.data : "", i, alias, 2, e->aliases[a].count);
        }
    }
    if (st != ERG_OK) {
        erg_names_free(n);
        erg_buf_release(&key);
        return erg_error_oom(err);
    }
    for (size_t i = 0; i < n->n; i++)
        n->entries[i].key = n->arena.data + n->entries[i].key_off;
    if (n->n)
        qsort(n->entries, n->n, sizeof *n->entries, cmp_entry);
    /*
     * One entry per (key, entity): the best-ranked one, which sorts first,
     * holding the counts of all the entity's aliases with that key
     * ("Blair" and "BLAIR").
     */
    size_t w = 0;
    for (size_t i = 0; i < n->n; i++) {
        if (w == 0 || n->entries[w - 1].entity != n->entries[i].entity ||
            strcmp(n->entries[w - 1].key, n->entries[i].key) != 0)
            n->entries[w++] = n->entries[i];
        else if (n->entries[w - 1].count <= UINT32_MAX - n->entries[i].count)
            n->entries[w - 1].count += n->entries[i].count;
    }
    n->n = w;
    erg_buf_release(&key);
    *out = n;
    return ERG_OK;
}

void erg_names_free(erg_names *n)
{
    if (!n)
        return;
    erg_buf_release(&n->arena);
    erg_buf_release(&n->titles);
    free(n->entries);
    free(n);
}

erg_status erg_names_add_titles(erg_names *n, const char *path, erg_error *err)
{
    char **words = NULL;
    size_t n_words = 0;
    erg_buf key;
    erg_buf_init(&key);
    erg_status st = erg_title_list_read(path, ERG_TITLE_NAME, &words, &n_words, err);
    for (size_t i = 0; st == ERG_OK && i < n_words; i++) {
        if (erg_text_name_key(words[i], strlen(words[i]), &key) != ERG_OK ||
            (key.data && key.data[0] &&
             erg_buf_append(&n->titles, key.data, strlen(key.data) + 1) != ERG_OK))
            st = erg_error_oom(err);
        else if (key.data && key.data[0])
            n->n_titles++;
    }
    erg_word_list_free(words, n_words);
    erg_buf_release(&key);
    return st;
}

void erg_name_match_init(erg_name_match *m)
{
    m->entity = -1;
    m->candidates = NULL;
    m->counts = NULL;
    m->n_candidates = 0;
    m->suggestion = -1;
}

void erg_name_match_release(erg_name_match *m)
{
    if (!m)
        return;
    free(m->candidates);
    free(m->counts);
    erg_name_match_init(m);
}

/* First entry whose key is >= key. */
static size_t entry_lower_bound(const erg_names *n, const char *key)
{
    size_t lo = 0, hi = n->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(n->entries[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* True when entity a should come before b in a list: more mentions, then lower index. */
static bool more_prominent(const erg_graph *g, size_t a, size_t b)
{
    uint32_t ma = erg_graph_entity(g, a)->mentions, mb = erg_graph_entity(g, b)->mentions;
    return ma != mb ? ma > mb : a < b;
}

/*
 * The entity with the nearest name to key: the smallest edit distance
 * within a limit that grows with the name's length, else the most
 * mentioned entity holding key as a substring, else -1.
 */
static long nearest(const erg_names *n, const char *key, erg_status *st)
{
    dist_ws w = {0};
    long best = -1, containing = -1;
    *st = ERG_ENOMEM;
    if (!cps_decode(&w.a, key))
        goto done;
    /* A third of the name, at least 2 edits, but never the whole name ("x" is not near "a"). */
    size_t limit = w.a.n / 3 > 2 ? w.a.n / 3 : 2;
    if (limit >= w.a.n)
        limit = w.a.n - 1;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < n->n; i++) {
        const name_entry *e = &n->entries[i];
        if (!cps_decode(&w.b, e->key) || !ws_rows(&w, w.b.n))
            goto done;
        size_t d = levenshtein(&w, best_d);
        if (d < best_d || (d == best_d && d <= limit && best >= 0 &&
                           more_prominent(n->g, e->entity, (size_t)best))) {
            best_d = d;
            best = (long)e->entity;
        }
        if (best < 0 && strstr(e->key, key) &&
            (containing < 0 || more_prominent(n->g, e->entity, (size_t)containing)))
            containing = (long)e->entity;
    }
    *st = ERG_OK;
done:
    ws_release(&w);
    return best >= 0 ? best : containing;
}

/* One entity a typed name may denote, with how many mentions were written so. */
typedef struct candidate {
    size_t entity;
    uint32_t count;
} candidate;

/* True when a comes before b: written so more often, then more mentions, then lower index. */
static bool candidate_before(const erg_graph *g, const candidate *a, const candidate *b)
{
    if (a->count != b->count)
        return a->count > b->count;
    return more_prominent(g, a->entity, b->entity);
}

/* Insertion sort: candidate lists are short, and qsort has no context argument. */
static void sort_candidates(candidate *v, size_t n, const erg_graph *g)
{
    for (size_t i = 1; i < n; i++) {
        candidate x = v[i];
        size_t j = i;
        while (j > 0 && candidate_before(g, &x, &v[j - 1])) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/*
 * The key without its first word when that word (or words: "vice
 * president") is a title of n->titles and a word remains after it; NULL
 * otherwise.
 */
static const char *strip_title(const erg_names *n, const char *key)
{
    const char *t = n->titles.data;
    for (size_t i = 0; i < n->n_titles; i++) {
        size_t len = strlen(t);
        if (strncmp(key, t, len) == 0 && key[len] == ' ' && key[len + 1])
            return key + len + 1;
        t += len + 1;
    }
    return NULL;
}

/*
 * The entities that entries [lo, hi) (one key) name, each with its count:
 * all its mentions for the entity whose merge key is the key, else the
 * mentions written with the key (its mentions when the key came from its
 * display name alone), most first (sort_candidates). The array is
 * malloc'd (the caller frees it); NULL when out of memory.
 */
static candidate *gather(const erg_names *n, size_t lo, size_t hi, const char *key)
{
    candidate *c = malloc((hi - lo) * sizeof *c);
    if (!c)
        return NULL;
    for (size_t i = lo; i < hi; i++) {
        const erg_entity *e = erg_graph_entity(n->g, n->entries[i].entity);
        c[i - lo].entity = n->entries[i].entity;
        c[i - lo].count = strcmp(e->key, key) == 0 || n->entries[i].count == 0
                              ? e->mentions
                              : n->entries[i].count;
    }
    sort_candidates(c, hi - lo, n->g);
    return c;
}

/* "'A' (person, 5 mentions), 'B' (person, 4 mentions, ambiguous)" for the first few. */
static void describe_candidates(const erg_names *n, const candidate *c, size_t nc, erg_buf *msg)
{
    enum { SHOWN = 8 };
    for (size_t i = 0; i < nc && i < SHOWN; i++) {
        const erg_entity *e = erg_graph_entity(n->g, c[i].entity);
        erg_buf_printf(msg, "%s '%s' (%s, %" PRIu32 " mention%s%s)", i ? "," : "", e->name,
                       erg_type_name(e->type), c[i].count, c[i].count == 1 ? "" : "s",
                       e->ambiguous ? ", ambiguous" : "");
    }
    if (nc > SHOWN)
        erg_buf_printf(msg, " and %zu more", nc - SHOWN);
}

erg_status erg_names_lookup(const erg_names *n, const char *name, erg_name_match *m, erg_error *err)
{
    erg_status st = ERG_OK;
    erg_buf key, msg;
    erg_buf_init(&key);
    erg_buf_init(&msg);
    candidate *c = NULL;
    erg_name_match_release(m);

    if (erg_text_name_key(name, strlen(name), &key) != ERG_OK) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    const char *k = key.data ? key.data : "", *cur = k;
    size_t lo = 0, hi = 0;
    /* The whole name first; leading titles ("Mr", "Prime Minister") only when it names nothing. */
    while (cur[0]) {
        lo = hi = entry_lower_bound(n, cur);
        while (hi < n->n && strcmp(n->entries[hi].key, cur) == 0)
            hi++;
        const char *next = hi == lo ? strip_title(n, cur) : NULL;
        if (!next)
            break;
        cur = next;
    }
    if (hi > lo) {
        size_t nc = hi - lo;
        if (!(c = gather(n, lo, hi, cur))) {
            st = erg_error_oom(err);
            goto cleanup;
        }
        const erg_entity *top = erg_graph_entity(n->g, c[0].entity);
        if (nc == 1 || (!top->ambiguous && c[0].count > c[1].count &&
                        (uint64_t)c[0].count >= 2 * (uint64_t)c[1].count)) {
            m->entity = (long)c[0].entity;
            goto cleanup;
        }
        m->candidates = malloc(nc * sizeof *m->candidates);
        m->counts = malloc(nc * sizeof *m->counts);
        if (!m->candidates || !m->counts) {
            erg_name_match_release(m);
            st = erg_error_oom(err);
            goto cleanup;
        }
        for (size_t i = 0; i < nc; i++) {
            m->candidates[i] = c[i].entity;
            m->counts[i] = c[i].count;
        }
        m->n_candidates = nc;
        erg_buf_printf(&msg, "'%s' could mean:", name);
        describe_candidates(n, c, nc, &msg);
        st = erg_error_set(err, ERG_ENOTFOUND, NULL, 0, -1, "%s", msg.data ? msg.data : "");
        goto cleanup;
    }
    if (k[0]) {
        m->suggestion = nearest(n, k, &st);
        if (st == ERG_OK && m->suggestion < 0 && cur != k)
            m->suggestion = nearest(n, cur, &st);
        if (st != ERG_OK) {
            st = erg_error_oom(err);
            goto cleanup;
        }
    }
    if (m->suggestion >= 0)
        st = erg_error_set(err, ERG_ENOTFOUND, NULL, 0, -1,
                           "no entity named '%s'; did you mean '%s'?", name,
                           erg_graph_entity(n->g, (size_t)m->suggestion)->name);
    else
        st = erg_error_set(err, ERG_ENOTFOUND, NULL, 0, -1, "no entity named '%s'", name);
cleanup:
    free(c);
    erg_buf_release(&key);
    erg_buf_release(&msg);
    return st;
}

/* Sorting hits needs the graph; the candidates and hit lists carry it in a wrapper. */
typedef struct hit_sort {
    erg_name_hit hit;
    bool whole;
    uint32_t mentions;
    const char *name;
} hit_sort;

static int cmp_hit(const void *pa, const void *pb)
{
    const hit_sort *a = pa, *b = pb;
    if (a->hit.distance != b->hit.distance)
        return a->hit.distance < b->hit.distance ? -1 : 1;
    if (a->whole != b->whole)
        return a->whole ? -1 : 1;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    return (a->hit.entity > b->hit.entity) - (a->hit.entity < b->hit.entity);
}

erg_status erg_names_find(const erg_names *n, const char *text, unsigned max_edits,
                          erg_name_hit **hits, size_t *n_hits, erg_error *err)
{
    erg_status st = ERG_OK;
    erg_buf key;
    erg_buf_init(&key);
    dist_ws w = {0};
    size_t n_ent = erg_graph_entity_count(n->g);
    /* Best entry per entity, as an index into entries + 1 (0: none). */
    size_t *best = NULL;
    unsigned *best_d = NULL;
    hit_sort *sorted = NULL;
    *hits = NULL;
    *n_hits = 0;

    if (erg_text_name_key(text, strlen(text), &key) != ERG_OK) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    if (!key.data || !key.data[0]) {
        st = erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                           "'%s' has no letters or digits to search for", text);
        goto cleanup;
    }
    best = calloc(n_ent ? n_ent : 1, sizeof *best);
    best_d = calloc(n_ent ? n_ent : 1, sizeof *best_d);
    if (!best || !best_d || !cps_decode(&w.a, key.data)) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    size_t count = 0;
    for (size_t i = 0; i < n->n; i++) {
        const name_entry *e = &n->entries[i];
        if (!cps_decode(&w.b, e->key) || !ws_rows(&w, w.b.n)) {
            st = erg_error_oom(err);
            goto cleanup;
        }
        size_t d = substring_distance(&w);
        if (d > max_edits)
            continue;
        size_t cur = best[e->entity];
        bool better = cur == 0 || d < best_d[e->entity] ||
                      (d == best_d[e->entity] && strcmp(e->key, key.data) == 0 &&
                       strcmp(n->entries[cur - 1].key, key.data) != 0);
        if (cur == 0)
            count++;
        if (better) {
            best[e->entity] = i + 1;
            best_d[e->entity] = (unsigned)d;
        }
    }
    if (count == 0)
        goto cleanup;
    sorted = malloc(count * sizeof *sorted);
    if (!sorted) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    size_t k = 0;
    for (size_t ent = 0; ent < n_ent; ent++) {
        if (!best[ent])
            continue;
        const name_entry *e = &n->entries[best[ent] - 1];
        const erg_entity *en = erg_graph_entity(n->g, ent);
        sorted[k].hit.entity = ent;
        sorted[k].hit.matched = e->matched;
        sorted[k].hit.distance = best_d[ent];
        sorted[k].whole = strcmp(e->key, key.data) == 0;
        sorted[k].mentions = en->mentions;
        sorted[k].name = en->name;
        k++;
    }
    qsort(sorted, count, sizeof *sorted, cmp_hit);
    *hits = malloc(count * sizeof **hits);
    if (!*hits) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    for (size_t i = 0; i < count; i++)
        (*hits)[i] = sorted[i].hit;
    *n_hits = count;
cleanup:
    erg_buf_release(&key);
    ws_release(&w);
    free(best);
    free(best_d);
    free(sorted);
    return st;
}
