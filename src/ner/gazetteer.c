/*
 * gazetteer.c: the outlet list (outlets.tsv) and the cue lists
 * (outlet_cues.txt) that split organizations into outlets and agencies.
 *
 * Outlet names are kept twice: by merge key (erg_text_name_key) for looking
 * up spans the tagger found, and as exact token sequences for finding names
 * the tagger missed. The second table also holds every prefix of every name,
 * so that a scan can stop at the first token that starts no name.
 */
#include "erg/knowledge.h"
#include "gazetteer_private.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const kind_names[] = {"wire", "broadcaster", "newspaper", "magazine", "site"};
#define KIND_COUNT (sizeof kind_names / sizeof kind_names[0])

/* In erg_gaz_cue order; the static assertion below keeps the two in step. */
static const char *const cue_names[] = {"verb", "verb-weak",   "before", "before-weak",
                                        "noun", "noun-before", "head",   "lead",
                                        "org",  "skip",        "result"};
_Static_assert(sizeof cue_names / sizeof cue_names[0] == ERG_GAZ_CUE_COUNT,
               "one name for each cue kind");

typedef struct outlet {
    uint32_t name; /* offset of the canonical name in pool */
    uint8_t kind;
} outlet;

/* An entry of the exact-name table: a whole name, or only a prefix of some (name < 0). */
typedef struct scan_entry {
    uint64_t h; /* 0 = empty slot */
    int32_t name;
} scan_entry;

typedef struct surface {
    uint32_t off; /* normalized tokens joined by 0x1f, in pool */
    uint32_t len;
    uint32_t outlet;
    uint16_t ntok;
    bool ambiguous;
} surface;

typedef struct key_entry {
    uint64_t h; /* 0 = empty slot */
    uint32_t off;
    uint32_t len;
    int32_t outlet;
    bool ambiguous;
} key_entry;

typedef struct label_entry {
    uint64_t h; /* 0 = empty slot */
    int32_t outlet;
} label_entry;

typedef struct cue_word {
    uint32_t off;
    uint32_t len;
} cue_word;

typedef struct cue_phrase {
    uint32_t first; /* index into words */
    uint32_t n;
} cue_phrase;

struct erg_gazetteer {
    erg_buf pool;
    erg_knowledge *know; /* the lists of data/knowledge/, NULL when the folder is absent */
    outlet *outlets;
    size_t n_outlets, cap_outlets;
    surface *names;
    size_t n_names, cap_names;
    scan_entry *scan;
    size_t scan_used, scan_cap;
    key_entry *keys;
    size_t key_used, key_cap;
    /* Keys with their spaces removed, and without a leading "the" ("nytimes" would need an
     * alias): hash -> outlet, -1 when two outlets give one; for domain names. */
    label_entry *labels;
    size_t label_used, label_cap;
    size_t max_tok_len;
    cue_word *words;
    size_t n_words, cap_words;
    cue_phrase *cues[ERG_GAZ_CUE_COUNT];
    size_t n_cues[ERG_GAZ_CUE_COUNT], cap_cues[ERG_GAZ_CUE_COUNT];
    key_entry *lists; /* word lists by merge key; `outlet` holds erg_word_list bits */
    size_t list_used, list_cap;
    /*
     * A Bloom filter of the listed keys (two bits each, 32 KB: about 2%
     * false hits for the 20,000 keys shipped): most lookups are of words no
     * list holds, and the filter answers those from the cache, where the
     * table would miss.
     */
    uint64_t list_bloom[4096];
};

/* ---- small helpers ------------------------------------------------------- */

static inline unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* FNV-1a over a token with the curly apostrophe made straight, so that
 * "People’s Daily" in text finds "People's Daily" in the list. */
#define FNV_PRIME 0x100000001b3ULL
static uint64_t hash_tok(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x99) {
            c = '\'';
            i += 2;
        }
        h = (h ^ c) * FNV_PRIME;
    }
    return h;
}

static inline uint64_t nonzero(uint64_t h)
{
    h = erg_hash_mix(h);
    return h ? h : 1;
}

/* Compares a token of the text with n bytes of a normalized stored name at a;
 * returns the number of stored bytes consumed, or (size_t)-1 on mismatch. */
static size_t eq_tok(const char *a, size_t an, const char *t, size_t tn)
{
    size_t j = 0;
    for (size_t i = 0; i < tn; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == 0xE2 && i + 2 < tn && (unsigned char)t[i + 1] == 0x80 &&
            (unsigned char)t[i + 2] == 0x99) {
            c = '\'';
            i += 2;
        }
        if (j >= an || (unsigned char)a[j] != c)
            return (size_t)-1;
        j++;
    }
    return j;
}

/* ---- the exact-name table --------------------------------------------------- */

static scan_entry *scan_find(const erg_gazetteer *g, uint64_t h)
{
    if (!g->scan_cap)
        return NULL;
    size_t mask = g->scan_cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        if (g->scan[i].h == h)
            return &g->scan[i];
        if (g->scan[i].h == 0)
            return NULL;
    }
}

static int scan_rehash(erg_gazetteer *g)
{
    size_t cap = g->scan_cap ? g->scan_cap * 2 : 1024;
    scan_entry *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < g->scan_cap; i++) {
        if (!g->scan[i].h)
            continue;
        size_t j = (size_t)g->scan[i].h & (cap - 1);
        while (t[j].h)
            j = (j + 1) & (cap - 1);
        t[j] = g->scan[i];
    }
    free(g->scan);
    g->scan = t;
    g->scan_cap = cap;
    return 0;
}

/* Returns the entry for h, adding an empty one (name -1) when absent. */
static scan_entry *scan_add(erg_gazetteer *g, uint64_t h)
{
    if ((g->scan_used + 1) * 2 > g->scan_cap && scan_rehash(g))
        return NULL;
    size_t mask = g->scan_cap - 1;
    size_t i = (size_t)h & mask;
    while (g->scan[i].h && g->scan[i].h != h)
        i = (i + 1) & mask;
    if (!g->scan[i].h) {
        g->scan[i].h = h;
        g->scan[i].name = -1;
        g->scan_used++;
    }
    return &g->scan[i];
}

/* ---- the key table -------------------------------------------------------- */

/* The entry of key[0..n) in an open-addressing table of cap (a power of two) slots, or NULL. */
static key_entry *table_find(const erg_gazetteer *g, key_entry *t, size_t cap, uint64_t h,
                             const char *key, size_t n)
{
    if (!cap)
        return NULL;
    size_t mask = cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        key_entry *e = &t[i];
        if (e->h == 0)
            return NULL;
        if (e->h == h && e->len == n && memcmp(g->pool.data + e->off, key, n) == 0)
            return e;
    }
}

/* Doubles a table (to 1024 slots when empty); -1 when out of memory, the table unchanged. */
static int table_rehash(key_entry **table, size_t *cap)
{
    size_t new_cap = *cap ? *cap * 2 : 1024;
    key_entry *t = calloc(new_cap, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < *cap; i++) {
        if (!(*table)[i].h)
            continue;
        size_t j = (size_t)(*table)[i].h & (new_cap - 1);
        while (t[j].h)
            j = (j + 1) & (new_cap - 1);
        t[j] = (*table)[i];
    }
    free(*table);
    *table = t;
    *cap = new_cap;
    return 0;
}

static key_entry *key_find(const erg_gazetteer *g, const char *key, size_t n)
{
    return table_find(g, g->keys, g->key_cap, nonzero(erg_hash(key, n)), key, n);
}

static int key_rehash(erg_gazetteer *g)
{
    return table_rehash(&g->keys, &g->key_cap);
}

static int key_insert(erg_gazetteer *g, uint32_t off, uint32_t len, int32_t outlet_ix,
                      bool ambiguous)
{
    if ((g->key_used + 1) * 2 > g->key_cap && key_rehash(g))
        return -1;
    uint64_t h = nonzero(erg_hash(g->pool.data + off, len));
    size_t mask = g->key_cap - 1;
    size_t i = (size_t)h & mask;
    while (g->keys[i].h)
        i = (i + 1) & mask;
    g->keys[i] = (key_entry){h, off, len, outlet_ix, ambiguous};
    g->key_used++;
    return 0;
}

/* ---- word lists ------------------------------------------------------------------ */

static erg_status pool_add(erg_gazetteer *g, const char *s, size_t n, uint32_t *off);

static key_entry *list_find(const erg_gazetteer *g, const char *key, size_t n)
{
    if (!g->list_cap)
        return NULL;
    uint64_t h = nonzero(erg_hash(key, n));
    uint32_t b1 = (uint32_t)(h >> 46), b2 = (uint32_t)(h >> 28) & 0x3FFFF;
    if (!(g->list_bloom[b1 >> 6] & (1ull << (b1 & 63))) ||
        !(g->list_bloom[b2 >> 6] & (1ull << (b2 & 63))))
        return NULL;
    return table_find(g, g->lists, g->list_cap, h, key, n);
}

static int list_rehash(erg_gazetteer *g)
{
    return table_rehash(&g->lists, &g->list_cap);
}

/* Marks the merge key key[0..n) as a member of the lists in bits. */
static erg_status list_add(erg_gazetteer *g, const char *key, size_t n, int32_t bits)
{
    key_entry *e = list_find(g, key, n);
    if (e) {
        e->outlet |= bits;
        return ERG_OK;
    }
    if ((g->list_used + 1) * 2 > g->list_cap && list_rehash(g))
        return ERG_ENOMEM;
    uint32_t off;
    if (pool_add(g, key, n, &off) != ERG_OK)
        return ERG_ENOMEM;
    uint64_t h = nonzero(erg_hash(key, n));
    uint32_t b1 = (uint32_t)(h >> 46), b2 = (uint32_t)(h >> 28) & 0x3FFFF;
    g->list_bloom[b1 >> 6] |= 1ull << (b1 & 63);
    g->list_bloom[b2 >> 6] |= 1ull << (b2 & 63);
    size_t mask = g->list_cap - 1;
    size_t i = (size_t)h & mask;
    while (g->lists[i].h)
        i = (i + 1) & mask;
    g->lists[i] = (key_entry){h, off, (uint32_t)n, bits, false};
    g->list_used++;
    return ERG_OK;
}

bool erg_gazetteer_listed(const erg_gazetteer *g, erg_word_list list, const char *key, size_t n)
{
    if (!g || !key)
        return false;
    const key_entry *e = list_find(g, key, n);
    return e && (e->outlet & (int32_t)list);
}

/* ---- the domain-label table ---------------------------------------------- */

static label_entry *label_slot(label_entry *t, size_t cap, uint64_t h)
{
    size_t mask = cap - 1, i = (size_t)h & mask;
    while (t[i].h && t[i].h != h)
        i = (i + 1) & mask;
    return &t[i];
}

/* Adds the space-free form of key[0..n) for outlet ix; -1 when out of memory. */
static int label_add(erg_gazetteer *g, const char *key, size_t n, int32_t ix)
{
    uint64_t h = ERG_HASH_SEED;
    for (size_t i = 0; i < n; i++)
        if (key[i] != ' ')
            h = erg_hash_more(h, key + i, 1);
    h = nonzero(erg_hash_mix(h));
    if ((g->label_used + 1) * 2 > g->label_cap) {
        size_t cap = g->label_cap ? g->label_cap * 2 : 1024;
        label_entry *t = calloc(cap, sizeof *t);
        if (!t)
            return -1;
        for (size_t i = 0; i < g->label_cap; i++)
            if (g->labels[i].h)
                *label_slot(t, cap, g->labels[i].h) = g->labels[i];
        free(g->labels);
        g->labels = t;
        g->label_cap = cap;
    }
    label_entry *e = label_slot(g->labels, g->label_cap, h);
    if (!e->h) {
        *e = (label_entry){h, ix};
        g->label_used++;
    } else if (e->outlet != ix) {
        e->outlet = -1;
    }
    return 0;
}

/* Fills the label table from the keys that hold a space. */
static erg_status labels_build(erg_gazetteer *g)
{
    for (size_t i = 0; i < g->key_cap; i++) {
        const key_entry *e = &g->keys[i];
        if (!e->h)
            continue;
        const char *k = g->pool.data + e->off;
        if (!memchr(k, ' ', e->len))
            continue;
        if (label_add(g, k, e->len, e->outlet))
            return ERG_ENOMEM;
        if (e->len > 4 && memcmp(k, "the ", 4) == 0 && label_add(g, k + 4, e->len - 4, e->outlet))
            return ERG_ENOMEM;
    }
    return ERG_OK;
}

/* The outlet whose key without spaces is label[0..n) (which has none), or NULL. */
static const char *label_outlet(const erg_gazetteer *g, const char *label, size_t n)
{
    if (!g->label_cap)
        return NULL;
    uint64_t h = nonzero(erg_hash_mix(erg_hash_more(ERG_HASH_SEED, label, n)));
    const label_entry *e = label_slot(g->labels, g->label_cap, h);
    return e->h && e->outlet >= 0 ? g->pool.data + g->outlets[e->outlet].name : NULL;
}

/* ---- loading --------------------------------------------------------------- */

/* Appends s[0..n) and a NUL to the pool; *off receives its offset. */
static erg_status pool_add(erg_gazetteer *g, const char *s, size_t n, uint32_t *off)
{
    if (g->pool.len + n + 1 > UINT32_MAX)
        return ERG_ENOMEM;
    *off = (uint32_t)g->pool.len;
    if (erg_buf_append(&g->pool, s, n) != ERG_OK || erg_buf_putc(&g->pool, '\0') != ERG_OK)
        return ERG_ENOMEM;
    return ERG_OK;
}

/* Scratch state of one load. */
typedef struct loader {
    erg_gazetteer *g;
    const char *path;
    long line;
    long long offset;
    erg_doc doc;
    erg_buf key;
    erg_buf norm;
    int32_t list; /* erg_word_list bits that parse_list_line gives */
    bool exact;   /* parse_list_line keeps the entry as written, not its merge key */
    erg_error *err;
} loader;

static erg_status fail(loader *ld, const char *fmt, ...) ERG_PRINTF(2, 3);
static erg_status fail(loader *ld, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return erg_error_set(ld->err, ERG_EFORMAT, ld->path, ld->line, ld->offset, "%s", msg);
}

/* Adds one name (canonical or alias) of outlet ix. */
static erg_status add_name(loader *ld, const char *s, size_t n, uint32_t ix, bool ambiguous)
{
    erg_gazetteer *g = ld->g;
    char shown[256];
    snprintf(shown, sizeof shown, "%.*s", (int)(n < 200 ? n : 200), s);
    erg_status st = erg_text_tokenize(&ld->doc, s, n, ld->err);
    if (st != ERG_OK)
        return st;
    size_t nt = ld->doc.n_tokens;
    if (nt == 0)
        return fail(ld, "name '%s' has no words", shown);
    if (nt > ERG_GAZ_MAX_NAME_TOKENS)
        return fail(ld, "name '%s' has more than %d tokens", shown, ERG_GAZ_MAX_NAME_TOKENS);

    /* Merge key: two outlets may not share one, or a tagged span would be ambiguous. */
    if (erg_text_name_key(s, n, &ld->key) != ERG_OK)
        return erg_error_oom(ld->err);
    if (ld->key.len == 0)
        return fail(ld, "name '%s' has an empty key", shown);
    key_entry *ke = key_find(g, ld->key.data, ld->key.len);
    if (ke && (uint32_t)ke->outlet != ix)
        return fail(ld, "name '%s' has the same key as a name of '%s'", shown,
                    g->pool.data + g->outlets[ke->outlet].name);
    if (ke) {
        ke->ambiguous = ke->ambiguous && ambiguous;
    } else {
        uint32_t off;
        if (pool_add(g, ld->key.data, ld->key.len, &off) != ERG_OK ||
            key_insert(g, off, (uint32_t)ld->key.len, (int32_t)ix, ambiguous))
            return erg_error_oom(ld->err);
    }

    /* Exact form: normalized tokens joined by 0x1f; every prefix goes in the table. */
    erg_buf_clear(&ld->norm);
    uint64_t h = ERG_HASH_SEED;
    scan_entry *e = NULL;
    for (size_t k = 0; k < nt; k++) {
        const erg_token *t = &ld->doc.tokens[k];
        size_t tl = t->end - t->start;
        if (tl > g->max_tok_len)
            g->max_tok_len = tl;
        if (k) {
            h = (h ^ 0x1f) * FNV_PRIME;
            if (erg_buf_putc(&ld->norm, 0x1f) != ERG_OK)
                return erg_error_oom(ld->err);
        }
        h = hash_tok(h, s + t->start, tl);
        for (size_t i = t->start; i < t->end; i++) {
            char c = s[i];
            if ((unsigned char)c == 0xE2 && i + 2 < t->end && (unsigned char)s[i + 1] == 0x80 &&
                (unsigned char)s[i + 2] == 0x99) {
                c = '\'';
                i += 2;
            }
            if (erg_buf_putc(&ld->norm, c) != ERG_OK)
                return erg_error_oom(ld->err);
        }
        e = scan_add(g, nonzero(h));
        if (!e)
            return erg_error_oom(ld->err);
    }
    if (e->name >= 0)
        return fail(ld, "name '%s' is listed twice (curly and straight apostrophes are one)",
                    shown);
    if (erg_grow((void **)&g->names, &g->cap_names, g->n_names + 1, sizeof *g->names))
        return erg_error_oom(ld->err);
    uint32_t off;
    if (pool_add(g, ld->norm.data ? ld->norm.data : "", ld->norm.len, &off) != ERG_OK)
        return erg_error_oom(ld->err);
    g->names[g->n_names] = (surface){off, (uint32_t)ld->norm.len, ix, (uint16_t)nt, ambiguous};
    e->name = (int32_t)g->n_names++;
    return ERG_OK;
}

/* Trims spaces; strips and reports a leading "~". */
static const char *field(const char *s, size_t *n, bool *ambiguous)
{
    while (*n && (*s == ' '))
        s++, (*n)--;
    while (*n && s[*n - 1] == ' ')
        (*n)--;
    *ambiguous = *n && *s == '~';
    if (*ambiguous) {
        s++, (*n)--;
        while (*n && *s == ' ')
            s++, (*n)--;
    }
    return s;
}

static erg_status parse_outlet_line(loader *ld, const char *s, size_t n)
{
    erg_gazetteer *g = ld->g;
    const char *col[4];
    size_t len[4];
    size_t nc = 0;
    const char *p = s, *end = s + n;
    while (nc < 4) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        col[nc] = p;
        len[nc] = (size_t)((tab ? tab : end) - p);
        nc++;
        if (!tab)
            break;
        p = tab + 1;
    }
    if (nc < 2 || nc > 3)
        return fail(ld, "expected NAME<TAB>KIND<TAB>ALIASES, found %s",
                    nc < 2 ? "one column" : "more than three columns");
    bool amb;
    size_t nlen = len[0];
    const char *name = field(col[0], &nlen, &amb);
    if (!nlen)
        return fail(ld, "empty outlet name");
    size_t kind = 0;
    while (kind < KIND_COUNT &&
           !(strlen(kind_names[kind]) == len[1] && memcmp(kind_names[kind], col[1], len[1]) == 0))
        kind++;
    if (kind == KIND_COUNT) {
        char k[64];
        snprintf(k, sizeof k, "%.*s", (int)(len[1] < 40 ? len[1] : 40), col[1]);
        return fail(
            ld, "unknown outlet kind '%s' (use wire, broadcaster, newspaper, magazine or site)", k);
    }
    if (erg_grow((void **)&g->outlets, &g->cap_outlets, g->n_outlets + 1, sizeof *g->outlets))
        return erg_error_oom(ld->err);
    uint32_t off;
    if (pool_add(g, name, nlen, &off) != ERG_OK)
        return erg_error_oom(ld->err);
    uint32_t ix = (uint32_t)g->n_outlets++;
    g->outlets[ix] = (outlet){off, (uint8_t)kind};
    erg_status st = add_name(ld, name, nlen, ix, amb);
    if (st != ERG_OK || nc < 3)
        return st;
    p = col[2];
    end = col[2] + len[2];
    if (p == end)
        return ERG_OK;
    for (;;) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        size_t alen = (size_t)((bar ? bar : end) - p);
        const char *alias = field(p, &alen, &amb);
        if (!alen)
            return fail(ld, "empty alias of '%s'", g->pool.data + off);
        if ((st = add_name(ld, alias, alen, ix, amb)) != ERG_OK)
            return st;
        if (!bar)
            break;
        p = bar + 1;
    }
    return ERG_OK;
}

static erg_status parse_cue_line(loader *ld, const char *s, size_t n)
{
    erg_gazetteer *g = ld->g;
    const char *tab = memchr(s, '\t', n);
    if (!tab)
        return fail(ld, "expected KIND<TAB>PHRASE");
    size_t kl = (size_t)(tab - s);
    int kind = 0;
    while (kind < ERG_GAZ_CUE_COUNT &&
           !(strlen(cue_names[kind]) == kl && memcmp(cue_names[kind], s, kl) == 0))
        kind++;
    if (kind == ERG_GAZ_CUE_COUNT) {
        char k[64];
        snprintf(k, sizeof k, "%.*s", (int)(kl < 40 ? kl : 40), s);
        return fail(ld, "unknown cue kind '%s'", k);
    }
    const char *p = tab + 1, *end = s + n;
    cue_phrase ph = {(uint32_t)g->n_words, 0};
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        const char *w = p;
        while (p < end && *p != ' ' && *p != '\t')
            p++;
        if (p == w)
            break;
        if (erg_grow((void **)&g->words, &g->cap_words, g->n_words + 1, sizeof *g->words))
            return erg_error_oom(ld->err);
        uint32_t off;
        if (pool_add(g, w, (size_t)(p - w), &off) != ERG_OK)
            return erg_error_oom(ld->err);
        g->words[g->n_words++] = (cue_word){off, (uint32_t)(p - w)};
        ph.n++;
    }
    if (!ph.n)
        return fail(ld, "empty %s phrase", cue_names[kind]);
    if (erg_grow((void **)&g->cues[kind], &g->cap_cues[kind], g->n_cues[kind] + 1, sizeof ph))
        return erg_error_oom(ld->err);
    g->cues[kind][g->n_cues[kind]++] = ph;
    return ERG_OK;
}

typedef erg_status (*line_fn)(loader *ld, const char *s, size_t n);

/* One entry of a word list: its merge key joins the lists in ld->list. */
static erg_status parse_list_line(loader *ld, const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (ld->exact) {
        if (list_add(ld->g, s, n, ld->list) != ERG_OK)
            return erg_error_oom(ld->err);
        return ERG_OK;
    }
    if (erg_text_name_key(s, n, &ld->key) != ERG_OK)
        return erg_error_oom(ld->err);
    if (!ld->key.len)
        return fail(ld, "empty entry");
    if (list_add(ld->g, ld->key.data, ld->key.len, ld->list) != ERG_OK)
        return erg_error_oom(ld->err);
    return ERG_OK;
}

/*
 * titles.tsv, the one title list (optional, like the word lists): titles used
 * "title" are role nouns (ERG_LIST_ROLE, by merge key, as roles.txt), titles
 * used "strip" are kept lower case without trailing dots for the resolver
 * (ERG_LIST_PERSON_TITLE).
 */
static erg_status load_titles(loader *ld, const char *dir)
{
    char path[4096];
    char **words = NULL;
    size_t n = 0;
    erg_status st;
    if (dir) {
        int w = snprintf(path, sizeof path, "%s/titles.tsv", dir);
        if (w < 0 || (size_t)w >= sizeof path)
            return erg_error_set(ld->err, ERG_EINVAL, dir, 0, -1, "folder name too long");
    } else if ((st = erg_data_path("titles.tsv", path, sizeof path, ld->err)) != ERG_OK) {
        goto cleanup;
    }
    for (int pass = 0; pass < 2; pass++) {
        bool strip = pass == 1;
        if ((st = erg_title_list_read(path, strip ? ERG_TITLE_STRIP : ERG_TITLE_NAME, &words, &n,
                                      ld->err)) != ERG_OK)
            goto cleanup;
        for (size_t i = 0; i < n && st == ERG_OK; i++) {
            char *w = words[i];
            size_t len = strlen(w);
            if (strip) {
                for (size_t k = 0; k < len; k++)
                    if (w[k] >= 'A' && w[k] <= 'Z')
                        w[k] = (char)(w[k] - 'A' + 'a');
                while (len && w[len - 1] == '.')
                    len--;
                st = len ? list_add(ld->g, w, len, ERG_LIST_PERSON_TITLE) : ERG_OK;
            } else if ((st = erg_text_name_key(w, len, &ld->key)) == ERG_OK && ld->key.len) {
                st = list_add(ld->g, ld->key.data, ld->key.len, ERG_LIST_ROLE);
            }
            if (st == ERG_ENOMEM)
                st = erg_error_oom(ld->err);
        }
        erg_word_list_free(words, n);
        words = NULL;
        n = 0;
        if (st != ERG_OK)
            break;
    }
cleanup:
    erg_word_list_free(words, n);
    if (st == ERG_ENOTFOUND) {
        erg_error_clear(ld->err);
        st = ERG_OK;
    }
    return st;
}

/* Reads a file and feeds its lines, without comments and blank lines, to fn. */
static erg_status load_file(loader *ld, const char *dir, const char *name, line_fn fn)
{
    char path[4096];
    erg_status st;
    if (dir) {
        int w = snprintf(path, sizeof path, "%s/%s", dir, name);
        if (w < 0 || (size_t)w >= sizeof path)
            return erg_error_set(ld->err, ERG_EINVAL, dir, 0, -1, "folder name too long");
    } else if ((st = erg_data_path(name, path, sizeof path, ld->err)) != ERG_OK) {
        return st;
    }
    char *data = NULL;
    size_t len = 0;
    if ((st = erg_read_file(path, &data, &len, ld->err)) != ERG_OK)
        return st;
    ld->path = path;
    ld->line = 0;
    size_t valid = erg_utf8_valid_prefix(data, len);
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        ld->line++;
        ld->offset = p - data;
        size_t n = (size_t)(e - p);
        if (n && p[n - 1] == '\r')
            n--;
        if ((size_t)(e - data) > valid) {
            st = erg_error_set(ld->err, ERG_EFORMAT, path, ld->line, (long long)valid,
                               "invalid UTF-8");
            break;
        }
        size_t blank = 0;
        while (blank < n && (p[blank] == ' ' || p[blank] == '\t'))
            blank++;
        if (blank < n && p[0] != '#' && (st = fn(ld, p, n)) != ERG_OK)
            break;
        p = nl ? nl + 1 : end;
    }
    ld->path = NULL;
    free(data);
    return st;
}

erg_status erg_gazetteer_load(erg_gazetteer **out, const char *dir, erg_error *err)
{
    *out = NULL;
    erg_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return erg_error_oom(err);
    erg_buf_init(&g->pool);
    loader ld = {.g = g, .err = err};
    erg_doc_init(&ld.doc);
    erg_buf_init(&ld.key);
    erg_buf_init(&ld.norm);
    erg_status st = load_file(&ld, dir, "outlets.tsv", parse_outlet_line);
    if (st != ERG_OK)
        goto cleanup;
    if ((st = labels_build(g)) != ERG_OK) {
        erg_error_oom(err);
        goto cleanup;
    }
    st = load_file(&ld, dir, "outlet_cues.txt", parse_cue_line);
    if (st != ERG_OK)
        goto cleanup;
    /* The word lists are optional: a folder without one has the list empty. */
    static const struct {
        const char *file;
        erg_word_list list;
        bool exact;
    } lists[] = {{"roles.txt", ERG_LIST_ROLE, false},
                 {"nationalities.txt", ERG_LIST_NATIONALITY, false},
                 {"religions.txt", ERG_LIST_NATIONALITY, false},
                 {"legal_suffixes.txt", ERG_LIST_LEGAL, false},
                 {"first_names.txt", ERG_LIST_FIRST_NAME, false},
                 {"places.txt", ERG_LIST_PLACE, false},
                 {"generic_bodies.txt", ERG_LIST_GENERIC_BODY, false},
                 {"country_bodies.txt", ERG_LIST_COUNTRY_BODY, false},
                 {"quantifiers.txt", ERG_LIST_QUANTIFIER, false},
                 {"calendar_words.txt", ERG_LIST_CALENDAR, true},
                 {"media_nouns.txt", ERG_LIST_MEDIA_NOUN, true},
                 {"quote_marks.txt", ERG_LIST_QUOTE_MARK, true},
                 {"count_words.txt", ERG_LIST_COUNT_WORD, true},
                 {"sentence_openers.txt", ERG_LIST_OPENER, true},
                 {"company_seats.txt", ERG_LIST_COMPANY_SEAT, true},
                 {"compound_tails.txt", ERG_LIST_COMPOUND_TAIL, true},
                 {"person_nouns.txt", ERG_LIST_PERSON_NOUN, true},
                 {"person_modifiers.txt", ERG_LIST_PERSON_MOD, true},
                 {"place_prepositions.txt", ERG_LIST_PLACE_PREP, true},
                 {"kin_nouns.txt", ERG_LIST_KIN, true},
                 {"outlet_tails.txt", ERG_LIST_OUTLET_TAIL, true},
                 {"generic_media.txt", ERG_LIST_GENERIC_MEDIA, true},
                 {"generic_org_heads.txt", ERG_LIST_GENERIC_ORG, true},
                 {"acronym_skip_words.txt", ERG_LIST_ACRONYM_SKIP, true},
                 {"short_words.txt", ERG_LIST_SHORT_WORD, true},
                 {"domain_labels.txt", ERG_LIST_DOMAIN_LABEL, true},
                 {"alias_cues.txt", ERG_LIST_ALIAS_CUE, true},
                 {"finite_verbs.txt", ERG_LIST_FINITE_VERB, true},
                 {"firm_connectives.txt", ERG_LIST_FIRM_CONNECTIVE, true},
                 {"firm_partners.txt", ERG_LIST_FIRM_PARTNER, true}};
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        ld.list = lists[i].list;
        ld.exact = lists[i].exact;
        st = load_file(&ld, dir, lists[i].file, parse_list_line);
        if (st == ERG_ENOTFOUND) {
            erg_error_clear(err);
            st = ERG_OK;
        }
        if (st != ERG_OK)
            goto cleanup;
    }
    if ((st = load_titles(&ld, dir)) != ERG_OK)
        goto cleanup;
    /* The knowledge lists are optional too: a folder without them types by the rules alone. */
    char kdir[4096];
    if (dir && snprintf(kdir, sizeof kdir, "%s/knowledge", dir) >= (int)sizeof kdir) {
        st = erg_error_set(err, ERG_EINVAL, dir, 0, -1, "path too long");
        goto cleanup;
    }
    st = erg_knowledge_load(&g->know, dir ? kdir : NULL, err);
    if (st == ERG_ENOTFOUND) {
        erg_error_clear(err);
        st = ERG_OK;
    }
    if (st != ERG_OK)
        goto cleanup;
    *out = g;
    g = NULL;
cleanup:
    erg_doc_release(&ld.doc);
    erg_buf_release(&ld.key);
    erg_buf_release(&ld.norm);
    erg_gazetteer_free(g);
    return st;
}

void erg_gazetteer_free(erg_gazetteer *g)
{
    if (!g)
        return;
    erg_buf_release(&g->pool);
    erg_knowledge_free(g->know);
    free(g->outlets);
    free(g->names);
    free(g->scan);
    free(g->keys);
    free(g->labels);
    free(g->words);
    free(g->lists);
    for (int k = 0; k < ERG_GAZ_CUE_COUNT; k++)
        free(g->cues[k]);
    free(g);
}

/* ---- lookups ------------------------------------------------------------------ */

const erg_knowledge *erg_gazetteer_knowledge(const erg_gazetteer *g)
{
    return g ? g->know : NULL;
}

void erg_gazetteer_set_knowledge(erg_gazetteer *g, erg_knowledge *k)
{
    if (g->know != k)
        erg_knowledge_free(g->know);
    g->know = k;
}

const char *erg_gazetteer_outlet(const erg_gazetteer *g, const char *key)
{
    if (!g || !key)
        return NULL;
    const key_entry *e = key_find(g, key, strlen(key));
    return e ? g->pool.data + g->outlets[e->outlet].name : NULL;
}

const char *erg_gazetteer_outlet_kind(const erg_gazetteer *g, const char *key)
{
    if (!g || !key)
        return NULL;
    const key_entry *e = key_find(g, key, strlen(key));
    return e ? kind_names[g->outlets[e->outlet].kind] : NULL;
}

/* The canonical name of the outlet whose key is that of s[0..n), or NULL. */
static const char *outlet_of(const erg_gazetteer *g, const char *s, size_t n, erg_buf *scratch)
{
    if (n == 0 || erg_text_name_key(s, n, scratch) != ERG_OK || scratch->len == 0)
        return NULL;
    const key_entry *e = key_find(g, scratch->data, scratch->len);
    return e ? g->pool.data + g->outlets[e->outlet].name : NULL;
}

static bool domain_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/*
 * A second-level label under a country code that is part of the public
 * suffix ("co" of "bbc.co.uk"): domain_labels.txt, lower case.
 */
static bool suffix_label(const erg_gazetteer *g, const char *s, size_t n)
{
    char low[16];
    if (n >= sizeof low)
        return false;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
    return erg_gazetteer_listed(g, ERG_LIST_DOMAIN_LABEL, low, n);
}

/*
 * The registrable label of the domain name s[0..n) ("www.bbc.co.uk" ->
 * "bbc") into *label and *len; false when s is not a domain name of two
 * labels or more.
 */
static bool registrable_label(const erg_gazetteer *g, const char *s, size_t n, const char **label,
                              size_t *len)
{
    static const char *const schemes[] = {"https://", "http://"};
    for (size_t i = 0; i < 2; i++) {
        size_t k = strlen(schemes[i]);
        if (n > k && strncasecmp(s, schemes[i], k) == 0) {
            s += k;
            n -= k;
            break;
        }
    }
    const char *slash = memchr(s, '/', n);
    if (slash)
        n = (size_t)(slash - s);
    /* The last three labels, the last one at [2]; count of all labels. */
    const char *start[3] = {NULL, NULL, NULL};
    size_t lens[3] = {0, 0, 0}, count = 0, from = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '.') {
            if (!domain_byte((unsigned char)s[i]))
                return false;
            continue;
        }
        if (i == from)
            return false; /* an empty label */
        start[0] = start[1], lens[0] = lens[1];
        start[1] = start[2], lens[1] = lens[2];
        start[2] = s + from, lens[2] = i - from;
        count++;
        from = i + 1;
    }
    if (count < 2)
        return false;
    size_t ix = 1;
    if (lens[2] == 2 && suffix_label(g, start[1], lens[1])) {
        if (count < 3)
            return false;
        ix = 0;
    }
    *label = start[ix];
    *len = lens[ix];
    return true;
}

const char *erg_gazetteer_source_outlet(const erg_gazetteer *g, const char *source,
                                        erg_buf *scratch)
{
    if (!g || !source || !source[0])
        return NULL;
    size_t n = strlen(source);
    const char *name = outlet_of(g, source, n, scratch);
    if (name)
        return name;
    /* "Reuters (Reuters-21578 Distribution 1.0)": the name before the parenthesis. */
    size_t m = n;
    while (m > 0 && (source[m - 1] == ' ' || source[m - 1] == '\t'))
        m--;
    if (m > 0 && source[m - 1] == ')') {
        const char *open = NULL;
        for (size_t i = 0; i < m; i++)
            if (source[i] == '(')
                open = source + i;
        if (open && open > source &&
            (name = outlet_of(g, source, (size_t)(open - source), scratch)))
            return name;
        if (open)
            n = (size_t)(open - source);
        while (n > 0 && source[n - 1] == ' ')
            n--;
    }
    const char *label;
    size_t len;
    if (!registrable_label(g, source, n, &label, &len))
        return NULL;
    if ((name = outlet_of(g, label, len, scratch)))
        return name;
    /* "theguardian", "washingtonpost": a name's key without its spaces and leading "the". */
    if (erg_text_name_key(label, len, scratch) != ERG_OK || !scratch->len ||
        memchr(scratch->data, ' ', scratch->len))
        return NULL;
    return label_outlet(g, scratch->data, scratch->len);
}

size_t erg_gazetteer_size(const erg_gazetteer *g, size_t *names)
{
    if (names)
        *names = g ? g->n_names : 0;
    return g ? g->n_outlets : 0;
}

int32_t erg_gaz_i_key_outlet(const erg_gazetteer *g, const char *key, size_t n, bool *ambiguous)
{
    const key_entry *e = key_find(g, key, n);
    if (ambiguous)
        *ambiguous = e && e->ambiguous;
    return e ? e->outlet : -1;
}

size_t erg_gaz_i_names_at(const erg_gazetteer *g, const char *text, const erg_token *toks, size_t i,
                          size_t end, erg_gaz_hit *hits)
{
    size_t nh = 0;
    uint64_t h = ERG_HASH_SEED;
    for (size_t k = 0; k < ERG_GAZ_MAX_NAME_TOKENS && i + k < end; k++) {
        const erg_token *t = &toks[i + k];
        size_t tl = t->end - t->start;
        if (tl > g->max_tok_len)
            break;
        if (k)
            h = (h ^ 0x1f) * FNV_PRIME;
        h = hash_tok(h, text + t->start, tl);
        const scan_entry *e = scan_find(g, nonzero(h));
        if (!e)
            break;
        if (e->name < 0)
            continue;
        /* Verify: a 64-bit hash collision must not invent a name. */
        const surface *sf = &g->names[e->name];
        const char *a = g->pool.data + sf->off;
        size_t an = sf->len, pos = 0;
        bool same = sf->ntok == k + 1;
        for (size_t j = 0; same && j <= k; j++) {
            if (j) {
                if (pos >= an || a[pos] != 0x1f) {
                    same = false;
                    break;
                }
                pos++;
            }
            const erg_token *tj = &toks[i + j];
            size_t used = eq_tok(a + pos, an - pos, text + tj->start, tj->end - tj->start);
            if (used == (size_t)-1)
                same = false;
            else
                pos += used;
        }
        if (same && pos == an)
            hits[nh++] = (erg_gaz_hit){(uint32_t)(k + 1), sf->outlet, sf->ambiguous};
    }
    return nh;
}

static bool word_eq(const erg_gazetteer *g, const cue_word *w, const char *text, const erg_token *t)
{
    if (t->end - t->start != w->len)
        return false;
    const unsigned char *a = (const unsigned char *)g->pool.data + w->off;
    const unsigned char *b = (const unsigned char *)text + t->start;
    for (uint32_t i = 0; i < w->len; i++)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

size_t erg_gaz_i_match_after(const erg_gazetteer *g, erg_gaz_cue cue, const char *text,
                             const erg_token *toks, size_t i, size_t end)
{
    size_t best = 0;
    for (size_t c = 0; c < g->n_cues[cue]; c++) {
        const cue_phrase *ph = &g->cues[cue][c];
        if (ph->n <= best || i + ph->n > end)
            continue;
        size_t w = 0;
        while (w < ph->n && word_eq(g, &g->words[ph->first + w], text, &toks[i + w]))
            w++;
        if (w == ph->n)
            best = w;
    }
    return best;
}

size_t erg_gaz_i_match_before(const erg_gazetteer *g, erg_gaz_cue cue, const char *text,
                              const erg_token *toks, size_t i, size_t first)
{
    size_t best = 0;
    for (size_t c = 0; c < g->n_cues[cue]; c++) {
        const cue_phrase *ph = &g->cues[cue][c];
        if (ph->n <= best || i < first + ph->n)
            continue;
        size_t at = i - ph->n, w = 0;
        while (w < ph->n && word_eq(g, &g->words[ph->first + w], text, &toks[at + w]))
            w++;
        if (w == ph->n)
            best = w;
    }
    return best;
}
