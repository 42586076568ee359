/*
 * clusters.c: word classes learned from unlabeled text with the exchange
 * algorithm (Kneser and Ney 1993, Martin et al. 1998): every word of the
 * vocabulary is moved, in turn, to the class that most raises the likelihood
 * of a class-bigram model of the text, until no move helps or the iteration
 * limit is reached. Words are the lower-cased forms the tagger looks up.
 */
#include "../tagger_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void erg_cluster_options_init(erg_cluster_options *o)
{
    o->min_count = 3;
    o->iterations = 10;
    o->n_classes = 2;
    o->classes[0] = 64;
    o->classes[1] = 512;
}

/* Open-addressing map from a word fingerprint to its vocabulary id. */
typedef struct vmap {
    uint32_t *keys; /* 0 = empty */
    uint32_t *vals;
    uint32_t mask;
    uint32_t n;
} vmap;

static erg_status vmap_grow(vmap *m)
{
    uint32_t cap = m->keys ? 2 * (m->mask + 1) : 1u << 16;
    uint32_t *k = calloc(cap, sizeof *k), *v = malloc(sizeof *v * cap);
    if (!k || !v) {
        free(k);
        free(v);
        return ERG_ENOMEM;
    }
    for (uint32_t i = 0; m->keys && i <= m->mask; i++) {
        if (!m->keys[i])
            continue;
        uint32_t j = m->keys[i] & (cap - 1);
        while (k[j])
            j = (j + 1) & (cap - 1);
        k[j] = m->keys[i];
        v[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = k;
    m->vals = v;
    m->mask = cap - 1;
    return ERG_OK;
}

/* Id of key, added as n_words when new (*added set). */
static erg_status vmap_put(vmap *m, uint32_t key, uint32_t next, uint32_t *id, bool *added)
{
    if (!m->keys || 2 * (m->n + 1) > m->mask + 1)
        if (vmap_grow(m) != ERG_OK)
            return ERG_ENOMEM;
    uint32_t i = key & m->mask;
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & m->mask;
    *added = !m->keys[i];
    if (*added) {
        m->keys[i] = key;
        m->vals[i] = next;
        m->n++;
    }
    *id = m->vals[i];
    return ERG_OK;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* A word's neighbours: (word, count) pairs in CSR form. */
typedef struct adj {
    uint32_t *first; /* n + 1 */
    uint32_t *word;
    uint32_t *count;
} adj;

static void adj_release(adj *a)
{
    free(a->first);
    free(a->word);
    free(a->count);
}

/* Builds the adjacency of sorted (key << 32 | other) pairs, counting repeats. */
static erg_status adj_build(adj *a, const uint64_t *pairs, size_t np, uint32_t n)
{
    a->first = calloc((size_t)n + 1, sizeof *a->first);
    a->word = malloc(sizeof *a->word * (np ? np : 1));
    a->count = malloc(sizeof *a->count * (np ? np : 1));
    if (!a->first || !a->word || !a->count)
        return ERG_ENOMEM;
    size_t m = 0;
    for (size_t i = 0; i < np;) {
        size_t j = i;
        while (j < np && pairs[j] == pairs[i])
            j++;
        uint32_t key = (uint32_t)(pairs[i] >> 32);
        a->word[m] = (uint32_t)pairs[i];
        a->count[m] = (uint32_t)(j - i);
        a->first[key + 1]++;
        m++;
        i = j;
    }
    for (uint32_t k = 0; k < n; k++)
        a->first[k + 1] += a->first[k];
    return ERG_OK;
}

/* x log x, from a table for the counts the text can give. */
typedef struct flog {
    double *t;
    size_t n;
} flog;

static inline double F(const flog *f, int64_t x)
{
    if (x <= 0)
        return 0;
    if ((size_t)x < f->n)
        return f->t[x];
    return (double)x * log((double)x);
}

/*
 * Exchange clustering of n words (word 0, the sentence boundary, stays alone
 * in class 0) into K classes. cnt[w]: occurrences; left/right: neighbours.
 * Writes cls (n entries).
 */
static erg_status exchange(uint32_t n, const uint32_t *cnt, const adj *left, const adj *right,
                           uint32_t K, int iterations, const flog *fl, uint32_t *cls)
{
    erg_status st = ERG_OK;
    int64_t *B = calloc((size_t)K * K, sizeof *B);
    int64_t *Nl = calloc(K, sizeof *Nl), *Nr = calloc(K, sizeof *Nr);
    int64_t *lc = calloc(K, sizeof *lc), *rc = calloc(K, sizeof *rc);
    uint32_t *lset = malloc(sizeof *lset * K), *rset = malloc(sizeof *rset * K);
    if (!B || !Nl || !Nr || !lc || !rc || !lset || !rset) {
        st = ERG_ENOMEM;
        goto cleanup;
    }
    /* Words come sorted by falling count: deal them out round-robin over classes 1..K-1. */
    cls[0] = 0;
    for (uint32_t w = 1; w < n; w++)
        cls[w] = 1 + (w - 1) % (K - 1);
    for (uint32_t w = 0; w < n; w++)
        for (uint32_t j = right->first[w]; j < right->first[w + 1]; j++) {
            int64_t c = right->count[j];
            B[(size_t)cls[w] * K + cls[right->word[j]]] += c;
            Nl[cls[w]] += c;
            Nr[cls[right->word[j]]] += c;
        }
    (void)cnt;
    for (int it = 0; it < iterations; it++) {
        uint32_t moved = 0;
        for (uint32_t w = 1; w < n; w++) {
            uint32_t a = cls[w], nl = 0, nr = 0;
            int64_t self = 0, wl = 0, wr = 0;
            for (uint32_t j = left->first[w]; j < left->first[w + 1]; j++) {
                uint32_t v = left->word[j];
                int64_t c = left->count[j];
                wr += c;
                if (v == w) {
                    self += c;
                    continue;
                }
                uint32_t d = cls[v];
                if (lc[d] == 0)
                    lset[nl++] = d;
                lc[d] += c;
            }
            for (uint32_t j = right->first[w]; j < right->first[w + 1]; j++) {
                uint32_t u = right->word[j];
                int64_t c = right->count[j];
                wl += c;
                if (u == w)
                    continue;
                uint32_t d = cls[u];
                if (rc[d] == 0)
                    rset[nr++] = d;
                rc[d] += c;
            }
            /* Take w out of a. */
            for (uint32_t k = 0; k < nl; k++)
                B[(size_t)lset[k] * K + a] -= lc[lset[k]];
            for (uint32_t k = 0; k < nr; k++)
                B[(size_t)a * K + rset[k]] -= rc[rset[k]];
            B[(size_t)a * K + a] -= self;
            Nl[a] -= wl;
            Nr[a] -= wr;
            uint32_t best = a;
            double best_gain = -INFINITY;
            for (uint32_t c = 1; c < K; c++) {
                double g = 0;
                for (uint32_t k = 0; k < nl; k++) {
                    uint32_t d = lset[k];
                    if (d == c)
                        continue;
                    int64_t b = B[(size_t)d * K + c];
                    g += F(fl, b + lc[d]) - F(fl, b);
                }
                for (uint32_t k = 0; k < nr; k++) {
                    uint32_t d = rset[k];
                    if (d == c)
                        continue;
                    int64_t b = B[(size_t)c * K + d];
                    g += F(fl, b + rc[d]) - F(fl, b);
                }
                int64_t bcc = B[(size_t)c * K + c];
                g += F(fl, bcc + lc[c] + rc[c] + self) - F(fl, bcc);
                g -= F(fl, Nl[c] + wl) - F(fl, Nl[c]);
                g -= F(fl, Nr[c] + wr) - F(fl, Nr[c]);
                /* Stay unless another class is clearly better, so that runs end. */
                if (g > best_gain + (c == a ? -1e-9 : 1e-9) || (c == a && g >= best_gain - 1e-9)) {
                    best_gain = g;
                    best = c;
                }
            }
            for (uint32_t k = 0; k < nl; k++)
                B[(size_t)lset[k] * K + best] += lc[lset[k]];
            for (uint32_t k = 0; k < nr; k++)
                B[(size_t)best * K + rset[k]] += rc[rset[k]];
            B[(size_t)best * K + best] += self;
            Nl[best] += wl;
            Nr[best] += wr;
            for (uint32_t k = 0; k < nl; k++)
                lc[lset[k]] = 0;
            for (uint32_t k = 0; k < nr; k++)
                rc[rset[k]] = 0;
            if (best != a) {
                cls[w] = best;
                moved++;
            }
        }
        if (moved == 0)
            break;
    }
cleanup:
    free(B);
    free(Nl);
    free(Nr);
    free(lc);
    free(rc);
    free(lset);
    free(rset);
    return st;
}

typedef struct vword {
    uint32_t count;
    uint32_t tok; /* first occurrence in the corpus, for its spelling */
    uint32_t id;  /* id by first occurrence */
} vword;

static int cmp_vword(const void *a, const void *b)
{
    const vword *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

erg_status erg_ner_clusters(const erg_corpus *c, const erg_cluster_options *o, const char *path,
                            erg_error *err)
{
    if (!c || c->n_tokens == 0)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no text to cluster");
    if (o->n_classes < 1 || o->n_classes > ERG_CLUSTER_LEVELS || o->min_count < 1 ||
        o->iterations < 0)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "bad clustering options");
    for (size_t k = 0; k < o->n_classes; k++)
        if (o->classes[k] < 2 || o->classes[k] > 4096)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "class counts must be between 2 and 4096");
    erg_status st = ERG_OK;
    vmap vm = {0};
    vword *vw = NULL;
    uint32_t *tokid = NULL, *remap = NULL, *cnt = NULL, *cls = NULL, *out_cls = NULL;
    uint64_t *pairs = NULL;
    adj left = {0}, right = {0};
    flog fl = {0};
    size_t n_vw = 0, cap_vw = 0;
    FILE *fp = NULL;
    erg_outfile of;
    bool of_open = false;

    /* Vocabulary by lower-cased fingerprint, ids in order of first occurrence. */
    tokid = malloc(sizeof *tokid * c->n_tokens);
    if (!tokid)
        goto oom;
    for (size_t i = 0; i < c->n_tokens; i++) {
        ner_wordinfo wi;
        ner_word_analyze(c->words[i].s, c->words[i].n, &wi);
        uint32_t id;
        bool added;
        if (vmap_put(&vm, wi.lowfp, (uint32_t)n_vw, &id, &added) != ERG_OK)
            goto oom;
        if (added) {
            if (n_vw == cap_vw) {
                cap_vw = cap_vw ? 2 * cap_vw : 4096;
                void *p = realloc(vw, sizeof *vw * cap_vw);
                if (!p)
                    goto oom;
                vw = p;
            }
            vw[n_vw] = (vword){0, (uint32_t)i, (uint32_t)n_vw};
            n_vw++;
        }
        vw[id].count++;
        tokid[i] = id;
    }
    /* Words below min_count share one "rare" word; the rest are numbered by falling count. */
    qsort(vw, n_vw, sizeof *vw, cmp_vword);
    remap = malloc(sizeof *remap * (n_vw ? n_vw : 1));
    if (!remap)
        goto oom;
    uint32_t n = 2; /* 0 = sentence boundary, 1 = rare */
    size_t kept = 0;
    for (size_t k = 0; k < n_vw; k++) {
        if (vw[k].count >= (uint32_t)o->min_count) {
            remap[vw[k].id] = n++;
            kept++;
        } else {
            remap[vw[k].id] = 1;
        }
    }
    cnt = calloc(n, sizeof *cnt);
    cls = malloc(sizeof *cls * n);
    out_cls = malloc(sizeof *out_cls * n * o->n_classes);
    size_t np = c->n_tokens + c->n_sent;
    pairs = malloc(sizeof *pairs * (np ? np : 1));
    if (!cnt || !cls || !out_cls || !pairs)
        goto oom;
    /* Word ids below sort by count, but the rare word must come right after the boundary. */
    size_t m = 0;
    for (size_t s = 0; s < c->n_sent; s++) {
        uint32_t prev = 0;
        for (uint32_t i = c->sent_first[s]; i < c->sent_first[s + 1]; i++) {
            uint32_t w = remap[tokid[i]];
            cnt[w]++;
            pairs[m++] = (uint64_t)prev << 32 | w;
            prev = w;
        }
        pairs[m++] = (uint64_t)prev << 32 | 0;
        cnt[0]++;
    }
    np = m;
    qsort(pairs, np, sizeof *pairs, cmp_u64);
    if (adj_build(&right, pairs, np, n) != ERG_OK)
        goto oom;
    for (size_t i = 0; i < np; i++)
        pairs[i] = (pairs[i] << 32) | (pairs[i] >> 32);
    qsort(pairs, np, sizeof *pairs, cmp_u64);
    if (adj_build(&left, pairs, np, n) != ERG_OK)
        goto oom;
    fl.n = np + 1 < (1u << 24) ? np + 1 : (1u << 24);
    fl.t = malloc(sizeof *fl.t * fl.n);
    if (!fl.t)
        goto oom;
    fl.t[0] = 0;
    for (size_t x = 1; x < fl.n; x++)
        fl.t[x] = (double)x * log((double)x);
    for (size_t k = 0; k < o->n_classes; k++) {
        uint32_t K = o->classes[k] + 1; /* class 0 holds the boundary alone */
        if ((st = exchange(n, cnt, &left, &right, K, o->iterations, &fl, cls)) != ERG_OK)
            goto oom;
        for (uint32_t w = 0; w < n; w++)
            out_cls[(size_t)w * o->n_classes + k] = cls[w] - 1;
    }

    if ((st = erg_outfile_open(&of, path, err)) != ERG_OK)
        goto cleanup;
    of_open = true;
    fp = of.fp;
    fprintf(fp,
            "# erg word clusters: a word (matched case-insensitively), then its class at each of "
            "%zu levels (",
            o->n_classes);
    for (size_t k = 0; k < o->n_classes; k++)
        fprintf(fp, "%s%u", k ? ", " : "", o->classes[k]);
    fprintf(fp, " classes)\n# %zu words seen at least %d times in %zu tokens\n", kept, o->min_count,
            c->n_tokens);
    for (size_t k = 0; k < n_vw; k++) {
        uint32_t w = remap[vw[k].id];
        if (w < 2)
            continue;
        const erg_word *wd = &c->words[vw[k].tok];
        bool bad = false;
        for (uint32_t j = 0; j < wd->n; j++)
            if (wd->s[j] == '\t' || wd->s[j] == '\n' || (wd->s[j] == '#' && j == 0))
                bad = true;
        if (bad)
            continue;
        fwrite(wd->s, 1, wd->n, fp);
        for (size_t l = 0; l < o->n_classes; l++)
            fprintf(fp, "\t%u", out_cls[(size_t)w * o->n_classes + l]);
        fputc('\n', fp);
    }
    st = erg_outfile_commit(&of, err);
    of_open = false;
    goto cleanup;
oom:
    st = erg_error_oom(err);
cleanup:
    if (of_open)
        erg_outfile_abort(&of);
    free(vm.keys);
    free(vm.vals);
    free(vw);
    free(tokid);
    free(remap);
    free(cnt);
    free(cls);
    free(out_cls);
    free(pairs);
    free(fl.t);
    adj_release(&left);
    adj_release(&right);
    return st;
}
