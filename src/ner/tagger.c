/*
 * tagger.c: scoring and Viterbi decoding of sentences with a loaded model.
 */
#include "tagger_private.h"

#include <stdlib.h>
#include <string.h>

void ner_scratch_init(ner_scratch *s)
{
    memset(s, 0, sizeof *s);
}

void ner_scratch_release(ner_scratch *s)
{
    free(s->wi);
    free(s->feats);
    free(s->nfeats);
    free(s->em);
    free(s->bp);
    free(s->delta);
    free(s->internal);
    ner_scratch_init(s);
}

erg_status ner_scratch_reserve(ner_scratch *s, size_t n, erg_error *err)
{
    if (n <= s->cap && s->delta)
        return ERG_OK;
    size_t cap = s->cap ? s->cap : 64;
    while (cap < n)
        cap *= 2;
    if (cap > SIZE_MAX / (NER_MAX_FEATS * sizeof(uint64_t)))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "sentence too long (%zu words)", n);
    ner_scratch t;
    ner_scratch_init(&t);
    t.cap = cap;
    t.wi = malloc(cap * sizeof *t.wi);
    t.feats = malloc(cap * NER_MAX_FEATS * sizeof *t.feats);
    t.nfeats = malloc(cap);
    t.em = malloc(cap * NER_MAX_LABELS * sizeof *t.em);
    t.bp = malloc(cap * NER_MAX_LABELS);
    t.delta = malloc(2 * NER_MAX_LABELS * sizeof *t.delta);
    t.internal = malloc(cap);
    if (!t.wi || !t.feats || !t.nfeats || !t.em || !t.bp || !t.delta || !t.internal) {
        ner_scratch_release(&t);
        return erg_error_oom(err);
    }
    ner_scratch_release(s);
    *s = t;
    return ERG_OK;
}

#define NEG_INF (INT64_MIN / 4)

void ner_viterbi(const ner_labelset *ls, const int32_t *em, size_t n, const int32_t *trans,
                 const int32_t *trans_end, uint8_t *bp, int64_t *delta, uint8_t *out)
{
    int L = ls->n;
    if (n == 0)
        return;
    int64_t *cur = delta, *prev = delta + NER_MAX_LABELS;
    for (int l = 0; l < L; l++)
        cur[l] = ls->start_ok[l] ? (int64_t)trans[l] + em[l] : NEG_INF;
    for (size_t i = 1; i < n; i++) {
        int64_t *t = prev;
        prev = cur;
        cur = t;
        const int32_t *e = em + i * (size_t)L;
        uint8_t *b = bp + i * (size_t)L;
        for (int l = 0; l < L; l++) {
            int64_t best = NEG_INF;
            int arg = 0;
            for (int k = 0; k < ls->n_pred[l]; k++) {
                int p = ls->pred[l][k];
                int64_t v = prev[p] + trans[(p + 1) * NER_MAX_LABELS + l];
                if (v > best) {
                    best = v;
                    arg = p;
                }
            }
            cur[l] = best + e[l];
            b[l] = (uint8_t)arg;
        }
    }
    int64_t best = NEG_INF;
    int arg = 0;
    for (int l = 0; l < L; l++) {
        if (!ls->end_ok[l])
            continue;
        int64_t v = cur[l] + trans_end[l];
        if (v > best) {
            best = v;
            arg = l;
        }
    }
    out[n - 1] = (uint8_t)arg;
    for (size_t i = n - 1; i > 0; i--)
        out[i - 1] = bp[i * (size_t)L + out[i]];
}

struct erg_tagger {
    const erg_model *m;
    ner_scratch s;
    erg_word *words;
    size_t cap_words;
};

erg_status erg_tagger_new(erg_tagger **out, const erg_model *m, erg_error *err)
{
    *out = NULL;
    if (!m)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no model given to the tagger");
    erg_tagger *t = calloc(1, sizeof *t);
    if (!t)
        return erg_error_oom(err);
    t->m = m;
    ner_scratch_init(&t->s);
    erg_status st = ner_scratch_reserve(&t->s, 64, err);
    if (st != ERG_OK) {
        free(t);
        return st;
    }
    *out = t;
    return ERG_OK;
}

void erg_tagger_free(erg_tagger *t)
{
    if (!t)
        return;
    ner_scratch_release(&t->s);
    free(t->words);
    free(t);
}

/*
 * Sums the weight rows of every token's features into em (n * L). The
 * lookups of a whole sentence go in three passes (prefetch the slots, find
 * the rows and prefetch them, add them up) so that their cache misses overlap
 * instead of stalling one after the other. The feature hashes are replaced by
 * row numbers plus one (0 when the model lacks the feature).
 */
static void score(const erg_model *m, ner_scratch *s, size_t n)
{
    int L = m->ls.n;
    for (size_t i = 0; i < n; i++) {
        const uint64_t *f = s->feats + i * NER_MAX_FEATS;
        for (int k = 0; k < s->nfeats[i]; k++)
            __builtin_prefetch(&m->slots[ner_fp(f[k]) & m->slot_mask]);
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t *f = s->feats + i * NER_MAX_FEATS;
        for (int k = 0; k < s->nfeats[i]; k++) {
            uint32_t r = ner_model_find(m, f[k]);
            if (r)
                __builtin_prefetch(ner_model_weights(m, r - 1));
            f[k] = r;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const uint64_t *f = s->feats + i * NER_MAX_FEATS;
        int32_t acc[32] = {0};
        if (m->stride == 16) {
            for (int k = 0; k < s->nfeats[i]; k++) {
                if (!f[k])
                    continue;
                const int16_t *w = ner_model_weights(m, (uint32_t)f[k] - 1);
                for (int l = 0; l < 16; l++)
                    acc[l] += w[l];
            }
        } else {
            for (int k = 0; k < s->nfeats[i]; k++) {
                if (!f[k])
                    continue;
                const int16_t *w = ner_model_weights(m, (uint32_t)f[k] - 1);
                for (int l = 0; l < 32; l++)
                    acc[l] += w[l];
            }
        }
        memcpy(s->em + i * (size_t)L, acc, sizeof(int32_t) * (size_t)L);
    }
}

erg_status erg_tagger_tag(erg_tagger *t, const erg_word *words, size_t n, uint8_t *labels,
                          erg_error *err)
{
    if (n == 0)
        return ERG_OK;
    erg_status st = ner_scratch_reserve(&t->s, n, err);
    if (st != ERG_OK)
        return st;
    const erg_model *m = t->m;
    ner_scratch *s = &t->s;
    for (size_t i = 0; i < n; i++)
        ner_word_analyze(words[i].s, words[i].n, &s->wi[i]);
    ner_words_context(&m->words, s->wi, n);
    ner_extract(m->feat_mask, s->wi, n, s->feats, s->nfeats);
    score(m, s, n);
    ner_viterbi(&m->ls, s->em, n, &m->trans[0][0], m->trans_end, s->bp, s->delta, s->internal);
    for (size_t i = 0; i < n; i++)
        labels[i] = m->ls.to_iob2[s->internal[i]];
    return ERG_OK;
}

erg_status erg_tagger_tag_doc(erg_tagger *t, const char *text, const erg_doc *doc, uint8_t *labels,
                              erg_error *err)
{
    /* Tokens outside every sentence stay O. */
    if (doc->n_tokens)
        memset(labels, ERG_LABEL_O, doc->n_tokens);
    for (size_t k = 0; k < doc->n_sentences; k++) {
        const erg_sentence *sen = &doc->sentences[k];
        if (sen->end <= sen->first)
            continue;
        if (sen->end > doc->n_tokens)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "sentence %zu ends past the tokens",
                                 k);
        size_t n = sen->end - sen->first;
        if (n > t->cap_words) {
            size_t cap = t->cap_words ? t->cap_words : 64;
            while (cap < n)
                cap *= 2;
            erg_word *w = realloc(t->words, cap * sizeof *w);
            if (!w)
                return erg_error_oom(err);
            t->words = w;
            t->cap_words = cap;
        }
        for (size_t i = 0; i < n; i++) {
            const erg_token *tok = &doc->tokens[sen->first + i];
            t->words[i].s = text + tok->start;
            t->words[i].n = tok->end - tok->start;
        }
        erg_status st = erg_tagger_tag(t, t->words, n, labels + sen->first, err);
        if (st != ERG_OK)
            return st;
    }
    return ERG_OK;
}
