/*
 * train.c: averaged structured perceptron over Viterbi decoding, with early
 * stopping on held-out sentences, then pruning and 16-bit quantization.
 */
#include "../tagger_private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void erg_train_options_init(erg_train_options *o)
{
    memset(o, 0, sizeof *o);
    o->epochs = 10;
    o->seed = 1;
    o->heldout = 0;
    o->min_count = 1;
    o->patience = 3;
    o->prune = 1;
    o->doc_folds = 5;
}

/* ---- deterministic random numbers (splitmix64) ------------------------------------ */

static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void shuffle(uint32_t *a, size_t n, uint64_t *s)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(s) % i);
        uint32_t t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

/* ---- a 64-bit key -> 32-bit value hash map ----------------------------------------- */

typedef struct hmap {
    uint64_t *keys; /* 0 = empty */
    uint32_t *vals;
    size_t cap, n;
} hmap;

static uint64_t hkey(uint64_t h)
{
    return h ? h : 1;
}

static size_t hslot(const hmap *m, uint64_t key)
{
    size_t i = (size_t)(key ^ (key >> 29)) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static bool hmap_get(const hmap *m, uint64_t h, uint32_t *val)
{
    if (!m->cap)
        return false;
    size_t i = hslot(m, hkey(h));
    if (!m->keys[i])
        return false;
    *val = m->vals[i];
    return true;
}

static erg_status hmap_grow(hmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1u << 16;
    hmap t = {calloc(cap, sizeof(uint64_t)), malloc(cap * sizeof(uint32_t)), cap, 0};
    if (!t.keys || !t.vals) {
        free(t.keys);
        free(t.vals);
        return ERG_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i]) {
            size_t j = hslot(&t, m->keys[i]);
            t.keys[j] = m->keys[i];
            t.vals[j] = m->vals[i];
            t.n++;
        }
    free(m->keys);
    free(m->vals);
    *m = t;
    return ERG_OK;
}

/* Finds h or inserts it with value *val; *found says which, *slot where it is. */
static erg_status hmap_put(hmap *m, uint64_t h, uint32_t *val, bool *found, size_t *slot)
{
    if (2 * (m->n + 1) > m->cap && hmap_grow(m) != ERG_OK)
        return ERG_ENOMEM;
    uint64_t key = hkey(h);
    size_t i = hslot(m, key);
    *slot = i;
    if (m->keys[i]) {
        *val = m->vals[i];
        *found = true;
        return ERG_OK;
    }
    m->keys[i] = key;
    m->vals[i] = *val;
    m->n++;
    *found = false;
    return ERG_OK;
}

static void hmap_release(hmap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* The knowledge-list templates. */
#define NER_KNOW_MASK ((1ull << NER_T_KNOW) | (1ull << NER_T_KNOW_CTX))

/* ---- trainer state ---------------------------------------------------------------- */

#define FOLDS 10

typedef struct trainer {
    const erg_corpus *c;
    const erg_train_options *opt;
    ner_labelset ls;
    int L;
    uint64_t mask;
    /* features: key -> row; weights and their running sums for averaging */
    hmap feats;
    uint64_t *row_key;
    int32_t *w;
    int64_t *acc;
    size_t n_rows, cap_rows;
    hmap counts; /* feature -> occurrences, only when min_count > 1 */
    int32_t tw[(NER_MAX_LABELS + 2) * NER_MAX_LABELS]; /* start row, L rows, end row */
    int64_t tacc[(NER_MAX_LABELS + 2) * NER_MAX_LABELS];
    int64_t clock;
    /* per-token data computed once */
    uint8_t *wclass_train; /* jackknifed case profile of every corpus token */
    uint8_t *docv_train;   /* jackknifed document value of every token (NULL: none) */
    uint8_t *own_train;    /* and its first-pass class */
    bool use_doc;          /* give the next prepared sentence its document features */
    uint32_t *word_fps;    /* case profiles over all training sentences, for the model */
    uint8_t *word_cls;
    uint64_t *word_lex;
    uint32_t n_words;
    ner_lexicon lex; /* gazetteer bits and clusters, by word fingerprint */
    /* scratch */
    ner_scratch s;
    int32_t *rowidx; /* per token and feature: row or -1 */
    uint8_t *gold;
} trainer;

static erg_status add_row(trainer *t, uint64_t key, uint32_t *row)
{
    if (t->n_rows == t->cap_rows) {
        size_t cap = t->cap_rows ? t->cap_rows * 2 : 1u << 16;
        uint64_t *k = realloc(t->row_key, cap * sizeof *k);
        if (k)
            t->row_key = k;
        int32_t *w = realloc(t->w, cap * (size_t)t->L * sizeof *w);
        if (w)
            t->w = w;
        int64_t *a = realloc(t->acc, cap * (size_t)t->L * sizeof *a);
        if (a)
            t->acc = a;
        if (!k || !w || !a)
            return ERG_ENOMEM;
        t->cap_rows = cap;
    }
    *row = (uint32_t)t->n_rows;
    t->row_key[t->n_rows] = key;
    memset(t->w + t->n_rows * (size_t)t->L, 0, sizeof(int32_t) * (size_t)t->L);
    memset(t->acc + t->n_rows * (size_t)t->L, 0, sizeof(int64_t) * (size_t)t->L);
    t->n_rows++;
    return ERG_OK;
}

/* Row of feature h, created when missing (unless pruned by min_count); -1 when pruned. */
static erg_status feature_row(trainer *t, uint64_t h, int32_t *out)
{
    if (t->opt->min_count > 1) {
        uint32_t n = 0;
        if (!hmap_get(&t->counts, h, &n) || n < (uint32_t)t->opt->min_count) {
            *out = -1;
            return ERG_OK;
        }
    }
    uint32_t row = (uint32_t)t->n_rows;
    bool found;
    size_t slot;
    if (hmap_put(&t->feats, h, &row, &found, &slot) != ERG_OK)
        return ERG_ENOMEM;
    if (!found && add_row(t, h, &row) != ERG_OK)
        return ERG_ENOMEM;
    *out = (int32_t)row;
    return ERG_OK;
}

/* ---- case profiles ---------------------------------------------------------------------- */

static uint8_t case_class(uint32_t lower, uint32_t cap, uint32_t start)
{
    uint32_t tot = lower + cap;
    if (tot == 0)
        return start ? NER_CASE_ONLY_START : NER_CASE_UNSEEN;
    if (cap == 0)
        return NER_CASE_LOWER;
    if (lower == 0)
        return NER_CASE_CAP;
    if (4 * cap < tot)
        return NER_CASE_MOSTLY_LOWER;
    if (4 * cap > 3 * tot)
        return NER_CASE_MOSTLY_CAP;
    return NER_CASE_MIXED;
}

/* The word table value from counts: lower, capitalized, uninformative, then O and the classes. */
static uint8_t word_value(const uint32_t cnt[8])
{
    uint32_t tot = 0, best = 0;
    int arg = 0;
    for (int j = 3; j < 8; j++) {
        tot += cnt[j];
        if (cnt[j] > best) {
            best = cnt[j];
            arg = j - 3;
        }
    }
    int ent = tot == 0 ? 0 : 3 * best >= 2 * tot ? 1 + arg : NER_ENT_MIXED;
    return NER_WORD_VALUE(case_class(cnt[0], cnt[1], cnt[2]), ent);
}

/* What one occurrence says about its word: 0 lower, 1 capitalized, 2 uninformative position. */
static int occurrence_kind(const ner_wordinfo *wi, size_t i)
{
    if (!(wi[i].flags & (NER_W_ALLLOW | NER_W_CAP | NER_W_ALLCAP | NER_W_MIXED)))
        return -1;
    if (i == 0 || (wi[i].flags & NER_W_SENTUP))
        return 2;
    if (wi[i].flags & NER_W_ALLLOW)
        return 0;
    if (wi[i].flags & NER_W_CAP)
        return 1;
    return -1;
}

/*
 * Counts how each lower-cased word is written in the training sentences.
 * Training tokens get the profile from the other folds (contiguous tenths of
 * the corpus, so mostly other documents), so that the model sees unknown
 * words in training as it will in use; the model gets the profile over all.
 */
static erg_status case_profiles(trainer *t, const uint32_t *train_ids, size_t n_train)
{
    const erg_corpus *c = t->c;
    erg_status st = ERG_OK;
    hmap words = {0};
    uint32_t(*cnt)[FOLDS + 1][8] = NULL;
    size_t n_words = 0, cap_words = 0;
    uint8_t *fold_of = calloc(c->n_sent ? c->n_sent : 1, 1);
    bool *in_train = calloc(c->n_sent ? c->n_sent : 1, sizeof *in_train);
    t->wclass_train = calloc(c->n_tokens ? c->n_tokens : 1, 1);
    if (!fold_of || !in_train || !t->wclass_train)
        goto oom;
    for (size_t k = 0; k < n_train; k++)
        in_train[train_ids[k]] = true;
    for (size_t k = 0, seen = 0; k < c->n_sent; k++)
        if (in_train[k])
            fold_of[k] = (uint8_t)(seen++ * FOLDS / (n_train ? n_train : 1));

    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < c->n_sent; k++) {
            if (!in_train[k])
                continue;
            size_t first = c->sent_first[k], n = c->sent_first[k + 1] - first;
            if (ner_scratch_reserve(&t->s, n, NULL) != ERG_OK)
                goto oom;
            for (size_t i = 0; i < n; i++)
                ner_word_analyze(c->words[first + i].s, c->words[first + i].n, &t->s.wi[i]);
            ner_words_context(NULL, t->s.wi, n);
            for (size_t i = 0; i < n; i++) {
                uint32_t idx = (uint32_t)n_words;
                bool found;
                size_t slot;
                if (pass == 0) {
                    int kind = occurrence_kind(t->s.wi, i);
                    if (kind < 0)
                        continue;
                    if (hmap_put(&words, t->s.wi[i].lowfp, &idx, &found, &slot) != ERG_OK)
                        goto oom;
                    if (!found) {
                        if (n_words == cap_words) {
                            cap_words = cap_words ? 2 * cap_words : 4096;
                            void *p = realloc(cnt, cap_words * sizeof *cnt);
                            if (!p)
                                goto oom;
                            cnt = p;
                        }
                        memset(cnt[n_words], 0, sizeof *cnt);
                        n_words++;
                    }
                    int ent = 3 + (c->labels[first + i] == ERG_LABEL_O
                                       ? 0
                                       : 1 + (int)ERG_LABEL_CLASS(c->labels[first + i]));
                    cnt[idx][fold_of[k]][kind]++;
                    cnt[idx][FOLDS][kind]++;
                    cnt[idx][fold_of[k]][ent]++;
                    cnt[idx][FOLDS][ent]++;
                } else if (hmap_get(&words, t->s.wi[i].lowfp, &idx)) {
                    const uint32_t *all = cnt[idx][FOLDS], *own = cnt[idx][fold_of[k]];
                    uint32_t rest[8];
                    for (int j = 0; j < 8; j++)
                        rest[j] = all[j] - own[j];
                    t->wclass_train[first + i] = word_value(rest);
                }
            }
        }
    }
    t->word_fps = malloc(sizeof *t->word_fps * (n_words ? n_words : 1));
    t->word_cls = malloc(n_words ? n_words : 1);
    if (!t->word_fps || !t->word_cls)
        goto oom;
    for (size_t i = 0; i < words.cap; i++)
        if (words.keys[i]) {
            uint32_t idx = words.vals[i];
            t->word_fps[idx] = (uint32_t)words.keys[i];
            t->word_cls[idx] =
                case_class(cnt[idx][FOLDS][0], cnt[idx][FOLDS][1], cnt[idx][FOLDS][2]);
        }
    t->n_words = (uint32_t)n_words;
    goto cleanup;
oom:
    st = ERG_ENOMEM;
cleanup:
    hmap_release(&words);
    free(cnt);
    free(fold_of);
    free(in_train);
    return st;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Gives every word of the table its lexicon value and adds the lexicon's other words. */
static erg_status merge_lexicon(trainer *t)
{
    size_t n = t->n_words;
    uint32_t *sorted = malloc(sizeof *sorted * (n ? n : 1));
    if (!sorted)
        return ERG_ENOMEM;
    memcpy(sorted, t->word_fps, sizeof *sorted * n);
    qsort(sorted, n, sizeof *sorted, cmp_u32);
    size_t extra = 0;
    for (size_t i = 0; i < t->lex.n; i++)
        if (!bsearch(&t->lex.fp[i], sorted, n, sizeof *sorted, cmp_u32))
            extra++;
    uint32_t *fps = realloc(t->word_fps, sizeof *fps * (n + extra + 1));
    if (fps)
        t->word_fps = fps;
    uint8_t *cls = realloc(t->word_cls, n + extra + 1);
    if (cls)
        t->word_cls = cls;
    t->word_lex = malloc(sizeof *t->word_lex * (n + extra + 1));
    if (!fps || !cls || !t->word_lex) {
        free(sorted);
        return ERG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        t->word_lex[i] = ner_lexicon_get(&t->lex, t->word_fps[i]);
    size_t k = n;
    for (size_t i = 0; i < t->lex.n; i++)
        if (!bsearch(&t->lex.fp[i], sorted, n, sizeof *sorted, cmp_u32)) {
            t->word_fps[k] = t->lex.fp[i];
            t->word_cls[k] = 0;
            t->word_lex[k] = t->lex.val[i];
            k++;
        }
    t->n_words = (uint32_t)k;
    free(sorted);
    return ERG_OK;
}

/* ---- one sentence ---------------------------------------------------------------------- */

/* Analyzes and extracts sentence k into the scratch; wclass from the jackknifed profiles. */
static erg_status prepare(trainer *t, size_t k, size_t *n_out)
{
    const erg_corpus *c = t->c;
    size_t first = c->sent_first[k], n = c->sent_first[k + 1] - first;
    *n_out = n;
    size_t old_cap = t->s.cap;
    if (ner_scratch_reserve(&t->s, n, NULL) != ERG_OK)
        return ERG_ENOMEM;
    if (t->s.cap != old_cap || !t->rowidx) {
        free(t->rowidx);
        free(t->gold);
        t->rowidx = malloc(t->s.cap * NER_MAX_FEATS * sizeof *t->rowidx);
        t->gold = malloc(t->s.cap);
        if (!t->rowidx || !t->gold)
            return ERG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        ner_word_analyze(c->words[first + i].s, c->words[first + i].n, &t->s.wi[i]);
    ner_words_context(NULL, t->s.wi, n);
    for (size_t i = 0; i < n; i++) {
        t->s.wi[i].wclass = t->wclass_train[first + i] & 7;
        t->s.wi[i].eclass = t->wclass_train[first + i] >> 3;
        t->s.wi[i].lex = t->lex.n ? ner_lexicon_get(&t->lex, t->s.wi[i].lowfp) : 0;
        if (t->docv_train && t->use_doc) {
            t->s.wi[i].docv = t->docv_train[first + i];
            t->s.wi[i].own = t->own_train[first + i];
        }
    }
    if ((t->mask & NER_KNOW_MASK) &&
        ner_know_sentence(t->opt->knowledge, c->words + first, n, &t->s) != ERG_OK)
        return ERG_ENOMEM;
    ner_extract(t->mask, t->s.wi, n, t->s.feats, t->s.nfeats);
    ner_labels_from_iob2(&t->ls, c->labels + first, n, t->gold);
    return ERG_OK;
}

static void update_trans(trainer *t, int row, int col, int delta)
{
    size_t i = (size_t)row * NER_MAX_LABELS + (size_t)col;
    t->tw[i] += delta;
    t->tacc[i] += t->clock * delta;
}

/* Decodes the prepared sentence with the current weights and updates them on mistakes. */
static erg_status learn(trainer *t, size_t n, size_t *correct)
{
    int L = t->L;
    ner_scratch *s = &t->s;
    for (size_t i = 0; i < n; i++) {
        int32_t *e = s->em + i * (size_t)L;
        memset(e, 0, sizeof(int32_t) * (size_t)L);
        const uint64_t *f = s->feats + i * NER_MAX_FEATS;
        int32_t *ri = t->rowidx + i * NER_MAX_FEATS;
        for (int k = 0; k < s->nfeats[i]; k++) {
            uint32_t row;
            if (hmap_get(&t->feats, f[k], &row)) {
                ri[k] = (int32_t)row;
                const int32_t *w = t->w + (size_t)row * (size_t)L;
                for (int l = 0; l < L; l++)
                    e[l] += w[l];
            } else {
                ri[k] = -2; /* not created yet */
            }
        }
    }
    uint8_t *pred = s->internal;
    ner_viterbi(&t->ls, s->em, n, t->tw, t->tw + (L + 1) * NER_MAX_LABELS, s->bp, s->delta, pred);

    for (size_t i = 0; i < n; i++) {
        if (t->ls.to_iob2[pred[i]] == t->ls.to_iob2[t->gold[i]])
            (*correct)++;
        if (pred[i] == t->gold[i])
            continue;
        const uint64_t *f = s->feats + i * NER_MAX_FEATS;
        int32_t *ri = t->rowidx + i * NER_MAX_FEATS;
        for (int k = 0; k < s->nfeats[i]; k++) {
            if (ri[k] == -2 && feature_row(t, f[k], &ri[k]) != ERG_OK)
                return ERG_ENOMEM;
            if (ri[k] < 0)
                continue;
            size_t base = (size_t)ri[k] * (size_t)L;
            t->w[base + t->gold[i]] += 1;
            t->acc[base + t->gold[i]] += t->clock;
            t->w[base + pred[i]] -= 1;
            t->acc[base + pred[i]] -= t->clock;
        }
    }
    for (size_t i = 0; i <= n; i++) {
        int gp = i == 0 ? 0 : t->gold[i - 1] + 1, pp = i == 0 ? 0 : pred[i - 1] + 1;
        int gc = i == n ? -1 : t->gold[i], pc = i == n ? -1 : pred[i];
        if (gp == pp && gc == pc)
            continue;
        if (i == n) {
            update_trans(t, L + 1, gp - 1, +1);
            update_trans(t, L + 1, pp - 1, -1);
        } else {
            update_trans(t, gp, gc, +1);
            update_trans(t, pp, pc, -1);
        }
    }
    t->clock++;
    return ERG_OK;
}

/* ---- model export ------------------------------------------------------------------------ */

/* The averaged, pruned and quantized model of the current state. */
static erg_status export_model(trainer *t, erg_model **out, erg_error *err)
{
    int L = t->L;
    double c = (double)t->clock;
    double maxabs = 0;
    for (size_t i = 0; i < t->n_rows * (size_t)L; i++) {
        double a = fabs((double)t->w[i] - (double)t->acc[i] / c);
        if (a > maxabs)
            maxabs = a;
    }
    double scale = maxabs > 0 ? maxabs / 32000.0 : 1.0;
    uint32_t *fps = malloc(sizeof *fps * (t->n_rows ? t->n_rows : 1));
    int16_t *rows = malloc(sizeof *rows * (t->n_rows ? t->n_rows : 1) * (size_t)L);
    if (!fps || !rows) {
        free(fps);
        free(rows);
        return erg_error_oom(err);
    }
    uint32_t nf = 0;
    int prune = t->opt->prune;
    for (size_t r = 0; r < t->n_rows; r++) {
        int16_t *q = rows + (size_t)nf * (size_t)L;
        int big = 0;
        for (int l = 0; l < L; l++) {
            size_t i = r * (size_t)L + (size_t)l;
            long v = lrint(((double)t->w[i] - (double)t->acc[i] / c) / scale);
            q[l] = (int16_t)v;
            if (labs(v) > big)
                big = (int)labs(v);
        }
        if (big < prune || big == 0)
            continue;
        fps[nf++] = ner_fp(t->row_key[r]);
    }
    int32_t trans[NER_MAX_LABELS + 1][NER_MAX_LABELS];
    int32_t tend[NER_MAX_LABELS];
    memset(trans, 0, sizeof trans);
    memset(tend, 0, sizeof tend);
    for (int a = 0; a <= L + 1; a++)
        for (int b = 0; b < L; b++) {
            size_t i = (size_t)a * NER_MAX_LABELS + (size_t)b;
            double v = ((double)t->tw[i] - (double)t->tacc[i] / c) / scale;
            if (v > 1e9)
                v = 1e9;
            if (v < -1e9)
                v = -1e9;
            if (a <= L)
                trans[a][b] = (int32_t)lrint(v);
            else
                tend[b] = (int32_t)lrint(v);
        }
    erg_status st = ner_model_build(out, &t->ls, t->mask, (float)scale, fps, rows, nf, &trans[0][0],
                                    tend, t->word_fps, t->word_cls, t->word_lex, t->n_words, err);
    if (st == ERG_OK && (t->mask & NER_KNOW_MASK))
        erg_model_set_knowledge(*out, t->opt->knowledge);
    free(fps);
    free(rows);
    return st;
}

static double f1_of(const erg_eval_counts *e)
{
    uint64_t gold = 0, guess = 0, corr = 0;
    for (int k = 0; k < ERG_CLASS_COUNT; k++) {
        gold += e->gold[k];
        guess += e->guess[k];
        corr += e->correct[k];
    }
    if (!corr)
        return 0;
    double p = (double)corr / (double)guess, r = (double)corr / (double)gold;
    return 2 * p * r / (p + r);
}

/* Scores model m on the sentences ids of corpus c. */
static erg_status eval_ids(const erg_model *m, const erg_corpus *c, const uint32_t *ids, size_t n,
                           double *f1, erg_error *err)
{
    erg_eval_counts e;
    memset(&e, 0, sizeof e);
    erg_tagger *tg = NULL;
    uint8_t *guess = NULL;
    erg_status st = erg_tagger_new(&tg, m, err);
    if (st != ERG_OK)
        return st;
    for (size_t k = 0; k < n; k++) {
        size_t first = c->sent_first[ids[k]], len = c->sent_first[ids[k] + 1] - first;
        uint8_t *g = realloc(guess, len ? len : 1);
        if (!g) {
            st = erg_error_oom(err);
            break;
        }
        guess = g;
        st = erg_tagger_tag(tg, c->words + first, len, guess, err);
        if (st != ERG_OK)
            break;
        erg_eval_add(&e, c->labels + first, guess, len);
    }
    free(guess);
    erg_tagger_free(tg);
    *f1 = f1_of(&e);
    return st;
}

/* ---- document features ---------------------------------------------------------------- */

/*
 * The first pass over the training corpus as the tagger will make it on new
 * text: the documents are cut into `folds` contiguous folds and each fold is
 * tagged by a model trained on the other folds (without document features,
 * on the sentences marked in train), then every token gets its document value.
 */
static erg_status doc_jackknife(trainer *t, const bool *train, erg_error *err)
{
    const erg_corpus *c = t->c;
    const erg_train_options *opt = t->opt;
    int folds = opt->doc_folds;
    erg_status st = ERG_OK;
    uint8_t *keep = malloc(c->n_sent ? c->n_sent : 1);
    uint8_t *p1 = calloc(c->n_tokens ? c->n_tokens : 1, 1);
    uint32_t *fp = malloc(sizeof *fp * (c->n_tokens ? c->n_tokens : 1));
    ner_dochash dh = {0};
    erg_corpus *sub = NULL;
    erg_model *m = NULL;
    erg_tagger *tg = NULL;
    t->docv_train = calloc(c->n_tokens ? c->n_tokens : 1, 1);
    t->own_train = calloc(c->n_tokens ? c->n_tokens : 1, 1);
    if (!keep || !p1 || !fp || !t->docv_train || !t->own_train)
        goto oom;
    erg_train_options o = *opt;
    o.doc_folds = 0;
    o.dev = NULL;
    o.heldout = 0;
    o.progress = NULL;
    o.title_case = 0;
    for (int f = 0; f < folds; f++) {
        size_t n_keep = 0, n_fold = 0;
        for (size_t k = 0; k < c->n_sent; k++) {
            bool in_fold = (uint64_t)c->sent_doc[k] * (uint64_t)folds / c->n_docs == (uint64_t)f;
            keep[k] = !in_fold && train[k];
            n_keep += keep[k];
            n_fold += in_fold;
        }
        if (!n_fold || !n_keep)
            continue;
        if ((st = ner_corpus_subset(c, keep, &sub, err)) != ERG_OK)
            goto cleanup;
        if ((st = erg_ner_train(&m, sub, &o, err)) != ERG_OK)
            goto cleanup;
        if ((st = erg_tagger_new(&tg, m, err)) != ERG_OK)
            goto cleanup;
        for (size_t k = 0; k < c->n_sent; k++) {
            if ((uint64_t)c->sent_doc[k] * (uint64_t)folds / c->n_docs != (uint64_t)f)
                continue;
            size_t first = c->sent_first[k], n = c->sent_first[k + 1] - first;
            if ((st = erg_tagger_tag(tg, c->words + first, n, p1 + first, err)) != ERG_OK)
                goto cleanup;
        }
        erg_tagger_free(tg);
        tg = NULL;
        erg_model_free(m);
        m = NULL;
        erg_corpus_free(sub);
        sub = NULL;
    }
    for (size_t i = 0; i < c->n_tokens; i++) {
        ner_wordinfo wi;
        ner_word_analyze(c->words[i].s, c->words[i].n, &wi);
        fp[i] = (wi.flags & (NER_W_CAP | NER_W_ALLCAP)) ? wi.lowfp : 0;
        t->own_train[i] = (p1[i] == ERG_LABEL_O || p1[i] >= ERG_LABEL_COUNT)
                              ? 0
                              : (uint8_t)(1 + ERG_LABEL_CLASS(p1[i]));
    }
    for (size_t k = 0; k < c->n_sent;) {
        size_t e = k + 1;
        while (e < c->n_sent && c->sent_doc[e] == c->sent_doc[k])
            e++;
        size_t a = c->sent_first[k], b = c->sent_first[e];
        if (ner_doc_values(&dh, fp + a, t->own_train + a, b - a, t->docv_train + a) != ERG_OK)
            goto oom;
        k = e;
    }
    goto cleanup;
oom:
    st = erg_error_oom(err);
cleanup:
    erg_tagger_free(tg);
    erg_model_free(m);
    erg_corpus_free(sub);
    ner_dochash_release(&dh);
    free(keep);
    free(p1);
    free(fp);
    return st;
}

erg_status erg_ner_train(erg_model **out, const erg_corpus *c, const erg_train_options *opt,
                         erg_error *err)
{
    *out = NULL;
    if (opt->title_case > 0 && c) {
        erg_corpus *aug = NULL;
        erg_status st = ner_corpus_title_copy(c, opt->title_case, &aug, err);
        if (st != ERG_OK)
            return st;
        erg_train_options o2 = *opt;
        o2.title_case = 0;
        st = erg_ner_train(out, aug, &o2, err);
        erg_corpus_free(aug);
        return st;
    }
    erg_status st = ERG_OK;
    trainer t;
    memset(&t, 0, sizeof t);
    t.c = c;
    t.opt = opt;
    /*
     * IOB2 decoding: BILOU scored the same on CoNLL dev (90.7 both) but takes
     * twice the time to tag. The templates left out of the default set
     * (neighbour bigrams at distance 2, raw neighbours, entity profiles...)
     * did not raise the dev F1.
     */
    t.mask = NER_FEATURES_DEFAULT;
    if (opt->features && (st = ner_features_parse(opt->features, &t.mask, err)) != ERG_OK)
        return st;
    ner_labelset_init(&t.ls, NER_SCHEME_IOB2);
    t.L = t.ls.n;
    t.clock = 1;
    ner_scratch_init(&t.s);
    uint32_t *order = NULL, *held = NULL;
    size_t n_train = 0, n_held = 0;
    erg_model *best = NULL, *cur = NULL;
    double best_f1 = -1;

    if (!c || c->n_sent == 0)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no training sentences");
    if (opt->epochs < 1 || opt->heldout < 0 || opt->heldout >= 1 || opt->min_count < 1)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "bad training options (epochs >= 1, 0 <= heldout < 1, "
                             "min_count >= 1)");

    uint64_t rng = opt->seed ^ 0x243f6a8885a308d3ULL;
    order = malloc(sizeof *order * c->n_sent);
    if (!order)
        goto oom;
    for (size_t k = 0; k < c->n_sent; k++)
        order[k] = (uint32_t)k;
    n_train = c->n_sent;
    if (opt->heldout > 0 && !opt->dev) {
        uint64_t hr = opt->seed ^ 0x13198a2e03707344ULL;
        shuffle(order, c->n_sent, &hr);
        n_held = (size_t)(opt->heldout * (double)c->n_sent);
        if (n_held == 0)
            n_held = 1;
        if (n_held >= c->n_sent) {
            st = erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "too few sentences to hold some out");
            goto cleanup;
        }
        n_train = c->n_sent - n_held;
        /* Back in corpus order, so that what follows does not depend on the draw order. */
        uint8_t *mark = calloc(c->n_sent, 1);
        if (!mark)
            goto oom;
        for (size_t k = n_train; k < c->n_sent; k++)
            mark[order[k]] = 1;
        size_t a = 0, b = n_train;
        for (size_t k = 0; k < c->n_sent; k++)
            if (mark[k])
                order[b++] = (uint32_t)k;
            else
                order[a++] = (uint32_t)k;
        free(mark);
        held = order + n_train;
    }
    const erg_corpus *dev = opt->dev;
    if (case_profiles(&t, order, n_train) != ERG_OK)
        goto oom;
    if (opt->gazetteers || opt->clusters || opt->vector_clusters) {
        if ((st = ner_lexicon_build(&t.lex, opt->gazetteers, opt->clusters, opt->vector_clusters,
                                    err)) != ERG_OK)
            goto cleanup;
        if (merge_lexicon(&t) != ERG_OK)
            goto oom;
    }
    if (!opt->gazetteers && !opt->clusters)
        t.mask &= ~((1ull << NER_T_GAZ) | (1ull << NER_T_CLUSTER));
    if (!opt->vector_clusters)
        t.mask &= ~((1ull << NER_T_VEC) | (1ull << NER_T_VEC2) | (1ull << NER_T_VEC_BI));
    if (!opt->knowledge)
        t.mask &= ~NER_KNOW_MASK;

    if (opt->doc_folds > 1 && c->n_docs >= (uint32_t)opt->doc_folds) {
        bool *train = calloc(c->n_sent, sizeof *train);
        if (!train)
            goto oom;
        for (size_t k = 0; k < n_train; k++)
            train[order[k]] = true;
        st = doc_jackknife(&t, train, err);
        free(train);
        if (st != ERG_OK)
            goto cleanup;
    } else {
        t.mask &= ~(1ull << NER_T_DOC);
    }
    t.use_doc = true;
    uint64_t drop = opt->seed ^ 0xa4093822299f31d0ULL;

    if (opt->min_count > 1) {
        for (size_t k = 0; k < n_train; k++) {
            size_t n;
            if (prepare(&t, order[k], &n) != ERG_OK)
                goto oom;
            for (size_t i = 0; i < n; i++)
                for (int j = 0; j < t.s.nfeats[i]; j++) {
                    uint32_t one = 1;
                    bool found;
                    size_t slot;
                    uint64_t h = t.s.feats[i * NER_MAX_FEATS + j];
                    if (hmap_put(&t.counts, h, &one, &found, &slot) != ERG_OK)
                        goto oom;
                    if (found && t.counts.vals[slot] < UINT32_MAX)
                        t.counts.vals[slot]++;
                }
        }
    }

    int since_best = 0;
    for (int epoch = 1; epoch <= opt->epochs; epoch++) {
        shuffle(order, n_train, &rng);
        size_t correct = 0, total = 0;
        for (size_t k = 0; k < n_train; k++) {
            size_t n;
            /* Half the sentences go without document features, as in the tagger's first pass. */
            t.use_doc = rng_next(&drop) & 1;
            if (prepare(&t, order[k], &n) != ERG_OK)
                goto oom;
            if (n == 0)
                continue;
            if (learn(&t, n, &correct) != ERG_OK)
                goto oom;
            total += n;
        }
        st = export_model(&t, &cur, err);
        if (st != ERG_OK)
            goto cleanup;
        double f1 = -1;
        if (dev || n_held) {
            erg_eval_counts ec;
            st = dev ? erg_ner_eval(cur, dev, &ec, err) : eval_ids(cur, c, held, n_held, &f1, err);
            if (dev && st == ERG_OK)
                f1 = f1_of(&ec);
            if (st != ERG_OK)
                goto cleanup;
        }
        if (opt->progress)
            opt->progress(opt->progress_ctx, epoch, total ? (double)correct / (double)total : 0,
                          f1 >= 0 ? 100 * f1 : -1);
        if (f1 < 0 || f1 > best_f1) {
            erg_model_free(best);
            best = cur;
            cur = NULL;
            best_f1 = f1;
            since_best = 0;
        } else {
            erg_model_free(cur);
            cur = NULL;
            if (++since_best >= opt->patience)
                break;
        }
    }
    *out = best;
    best = NULL;
    goto cleanup;
oom:
    st = erg_error_oom(err);
cleanup:
    erg_model_free(best);
    erg_model_free(cur);
    free(order);
    hmap_release(&t.feats);
    hmap_release(&t.counts);
    free(t.row_key);
    free(t.w);
    free(t.acc);
    free(t.wclass_train);
    free(t.docv_train);
    free(t.own_train);
    free(t.word_fps);
    free(t.word_cls);
    free(t.word_lex);
    ner_lexicon_release(&t.lex);
    free(t.rowidx);
    free(t.gold);
    ner_scratch_release(&t.s);
    return st;
}
