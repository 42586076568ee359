/*
 * tagger.c: scoring and Viterbi decoding of sentences with a loaded model.
 */
#include "tagger_private.h"

#include <stdlib.h>
#include <string.h>

void ner_scratch_init(ner_scratch *s)
{
    memset(s, 0, sizeof *s);
    erg_know_scratch_init(&s->ks);
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
    free(s->km);
    erg_know_scratch_release(&s->ks);
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
    t.km = malloc(cap * sizeof *t.km);
    if (!t.wi || !t.feats || !t.nfeats || !t.em || !t.bp || !t.delta || !t.internal || !t.km) {
        ner_scratch_release(&t);
        return erg_error_oom(err);
    }
    /* The matcher's state carries over: it grows on its own. */
    erg_know_scratch_release(&t.ks);
    t.ks = s->ks;
    erg_know_scratch_init(&s->ks);
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

void ner_dochash_release(ner_dochash *h)
{
    free(h->key);
    free(h->gen);
    free(h->cnt);
    memset(h, 0, sizeof *h);
}

static size_t dochash_slot(const ner_dochash *h, uint32_t fp)
{
    size_t i = (size_t)(fp * 0x9e3779b1u) & (h->cap - 1);
    while (h->gen[i] == h->cur && h->key[i] != fp)
        i = (i + 1) & (h->cap - 1);
    return i;
}

erg_status ner_doc_values(ner_dochash *h, const uint32_t *fp, const uint8_t *cls, size_t n,
                          uint8_t *docv)
{
    size_t need = 16;
    while (need < 2 * n)
        need *= 2;
    if (h->cap < need) {
        ner_dochash t = {malloc(need * sizeof *t.key), calloc(need, sizeof *t.gen),
                         malloc(need * sizeof *t.cnt), need, 0};
        if (!t.key || !t.gen || !t.cnt) {
            ner_dochash_release(&t);
            return ERG_ENOMEM;
        }
        ner_dochash_release(h);
        *h = t;
    }
    /* A new generation empties the table without touching it. */
    if (++h->cur == 0) {
        memset(h->gen, 0, h->cap * sizeof *h->gen);
        h->cur = 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!fp[i])
            continue;
        size_t j = dochash_slot(h, fp[i]);
        if (h->gen[j] != h->cur) {
            h->gen[j] = h->cur;
            h->key[j] = fp[i];
            memset(h->cnt[j], 0, sizeof h->cnt[j]);
        }
        if (h->cnt[j][cls[i]] < UINT16_MAX)
            h->cnt[j][cls[i]]++;
    }
    for (size_t i = 0; i < n; i++) {
        docv[i] = 0;
        if (!fp[i])
            continue;
        const uint16_t *c = h->cnt[dochash_slot(h, fp[i])];
        uint32_t other[5], tot = 0, ent = 0;
        for (int k = 0; k < 5; k++) {
            other[k] = c[k] - (k == cls[i]);
            tot += other[k];
            if (k)
                ent += other[k];
        }
        if (tot == 0)
            continue;
        if (ent == 0) {
            docv[i] = 1;
            continue;
        }
        int best = 1;
        for (int k = 2; k < 5; k++)
            if (other[k] > other[best])
                best = k;
        int agree = other[best] == tot ? 2 : 2 * other[best] >= tot ? 1 : 0;
        docv[i] = (uint8_t)(2 + 3 * (best - 1) + agree);
    }
    return ERG_OK;
}
struct erg_tagger {
    const erg_model *m;
    ner_scratch s;
    erg_word *words;
    size_t cap_words;
    /* whole-document buffers for the second pass */
    uint32_t *sfirst, *send;
    size_t cap_sent;
    int32_t *em;
    uint32_t *fp;
    uint8_t *cls, *cap, *docv;
    size_t cap_doc;
    ner_dochash dh;
};

erg_status erg_tagger_new(erg_tagger **out, const erg_model *m, erg_error *err)
{
    *out = NULL;
    if (!m)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no model given to the tagger");
    if (erg_model_uses_knowledge(m) && !m->know)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the model was trained with the knowledge lists (data/knowledge) "
                             "and has none: give them with erg_model_load_knowledge");
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
    free(t->sfirst);
    free(t->send);
    free(t->em);
    free(t->fp);
    free(t->cls);
    free(t->cap);
    free(t->docv);
    ner_dochash_release(&t->dh);
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

/*
 * Tags one sentence (first pass); with em, also keeps its emission scores
 * there and the fingerprint and capitalization of its capitalized words.
 */
static erg_status tag_sentence(erg_tagger *t, const erg_word *words, size_t n, uint8_t *labels,
                               int32_t *em, uint32_t *fp, uint8_t *cap, erg_error *err)
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
    if (m->know && erg_model_uses_knowledge(m) && ner_know_sentence(m->know, words, n, s) != ERG_OK)
        return erg_error_oom(err);
    ner_extract(m->feat_mask, s->wi, n, s->feats, s->nfeats);
    score(m, s, n);
    if (em) {
        memcpy(em, s->em, n * (size_t)m->ls.n * sizeof *em);
        for (size_t i = 0; i < n; i++) {
            uint32_t fl = s->wi[i].flags;
            fp[i] = (fl & (NER_W_CAP | NER_W_ALLCAP)) ? s->wi[i].lowfp : 0;
            cap[i] = (fl & NER_W_CAP) ? 1 : 0;
        }
    }
    ner_viterbi(&m->ls, s->em, n, &m->trans[0][0], m->trans_end, s->bp, s->delta, s->internal);
    for (size_t i = 0; i < n; i++)
        labels[i] = m->ls.to_iob2[s->internal[i]];
    return ERG_OK;
}

erg_status erg_tagger_tag(erg_tagger *t, const erg_word *words, size_t n, uint8_t *labels,
                          erg_error *err)
{
    return tag_sentence(t, words, n, labels, NULL, NULL, NULL, err);
}

static erg_status grow_doc(erg_tagger *t, size_t n_tok)
{
    if (n_tok <= t->cap_doc)
        return ERG_OK;
    size_t cap = t->cap_doc ? t->cap_doc : 1024;
    while (cap < n_tok)
        cap *= 2;
    int32_t *em = realloc(t->em, cap * NER_MAX_LABELS * sizeof *em);
    if (em)
        t->em = em;
    uint32_t *fp = realloc(t->fp, cap * sizeof *fp);
    if (fp)
        t->fp = fp;
    uint8_t *cls = realloc(t->cls, cap), *cp = realloc(t->cap, cap), *dv = realloc(t->docv, cap);
    if (cls)
        t->cls = cls;
    if (cp)
        t->cap = cp;
    if (dv)
        t->docv = dv;
    if (!em || !fp || !cls || !cp || !dv)
        return ERG_ENOMEM;
    t->cap_doc = cap;
    return ERG_OK;
}

static erg_status grow_sent(erg_tagger *t, size_t ns)
{
    if (ns <= t->cap_sent)
        return ERG_OK;
    size_t cap = t->cap_sent ? t->cap_sent : 64;
    while (cap < ns)
        cap *= 2;
    uint32_t *a = realloc(t->sfirst, cap * sizeof *a);
    if (a)
        t->sfirst = a;
    uint32_t *b = realloc(t->send, cap * sizeof *b);
    if (b)
        t->send = b;
    if (!a || !b)
        return ERG_ENOMEM;
    t->cap_sent = cap;
    return ERG_OK;
}

erg_status ner_tag_sentences(erg_tagger *t, const erg_word *words, size_t n_tok,
                             const uint32_t *first, const uint32_t *end, size_t n_sent,
                             uint8_t *labels, erg_error *err)
{
    const erg_model *m = t->m;
    erg_status st;
    if (!(m->feat_mask & (1ull << NER_T_DOC))) {
        for (size_t k = 0; k < n_sent; k++)
            if ((st = erg_tagger_tag(t, words + first[k], end[k] - first[k], labels + first[k],
                                     err)) != ERG_OK)
                return st;
        return ERG_OK;
    }
    /* No token, nothing to tag (and t->fp may still be NULL: no memset on it). */
    if (n_tok == 0)
        return ERG_OK;
    if (grow_doc(t, n_tok) != ERG_OK)
        return erg_error_oom(err);
    int L = m->ls.n;
    memset(t->fp, 0, n_tok * sizeof *t->fp);
    for (size_t k = 0; k < n_sent; k++) {
        size_t a = first[k], n = end[k] - a;
        if ((st = tag_sentence(t, words + a, n, labels + a, t->em + a * (size_t)L, t->fp + a,
                               t->cap + a, err)) != ERG_OK)
            return st;
    }
    for (size_t i = 0; i < n_tok; i++)
        t->cls[i] = (labels[i] == ERG_LABEL_O || labels[i] >= ERG_LABEL_COUNT)
                        ? 0
                        : (uint8_t)(1 + ERG_LABEL_CLASS(labels[i]));
    if (ner_doc_values(&t->dh, t->fp, t->cls, n_tok, t->docv) != ERG_OK)
        return erg_error_oom(err);
    /* Second pass: the first pass's scores plus the document features, decoded again. */
    ner_scratch *s = &t->s;
    for (size_t k = 0; k < n_sent; k++) {
        size_t a = first[k], n = end[k] - a;
        const uint8_t *dv = t->docv + a;
        bool any = false;
        for (size_t i = 0; i < n && !any; i++)
            any = dv[i] != 0;
        if (!any)
            continue;
        int32_t *em = t->em + a * (size_t)L;
        for (size_t i = 0; i < n; i++) {
            if (!dv[i])
                continue;
            uint64_t f[NER_DOC_FEATS];
            int nf = ner_doc_features(f, i ? dv[i - 1] : 0, dv[i], i + 1 < n ? dv[i + 1] : 0,
                                      t->cls[a + i], t->cap[a + i]);
            int32_t *e = em + i * (size_t)L;
            for (int j = 0; j < nf; j++) {
                uint32_t r = ner_model_find(m, f[j]);
                if (!r)
                    continue;
                const int16_t *w = ner_model_weights(m, r - 1);
                for (int l = 0; l < L; l++)
                    e[l] += w[l];
            }
        }
        ner_viterbi(&m->ls, em, n, &m->trans[0][0], m->trans_end, s->bp, s->delta, s->internal);
        for (size_t i = 0; i < n; i++)
            labels[a + i] = m->ls.to_iob2[s->internal[i]];
    }
    return ERG_OK;
}

erg_status erg_tagger_tag_doc(erg_tagger *t, const char *text, const erg_doc *doc, uint8_t *labels,
                              erg_error *err)
{
    /* Tokens outside every sentence stay O. */
    if (doc->n_tokens)
        memset(labels, ERG_LABEL_O, doc->n_tokens);
    if (doc->n_tokens > t->cap_words) {
        size_t cap = t->cap_words ? t->cap_words : 64;
        while (cap < doc->n_tokens)
            cap *= 2;
        erg_word *w = realloc(t->words, cap * sizeof *w);
        if (!w)
            return erg_error_oom(err);
        t->words = w;
        t->cap_words = cap;
    }
    if (grow_sent(t, doc->n_sentences) != ERG_OK)
        return erg_error_oom(err);
    for (size_t i = 0; i < doc->n_tokens; i++) {
        t->words[i].s = text + doc->tokens[i].start;
        t->words[i].n = doc->tokens[i].end - doc->tokens[i].start;
    }
    size_t ns = 0;
    for (size_t k = 0; k < doc->n_sentences; k++) {
        const erg_sentence *sen = &doc->sentences[k];
        if (sen->end <= sen->first)
            continue;
        if (sen->end > doc->n_tokens)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "sentence %zu ends past the tokens",
                                 k);
        t->sfirst[ns] = (uint32_t)sen->first;
        t->send[ns] = (uint32_t)sen->end;
        ns++;
    }
    return ner_tag_sentences(t, t->words, doc->n_tokens, t->sfirst, t->send, ns, labels, err);
}

erg_status erg_tagger_tag_sentences(erg_tagger *t, const erg_word *words, size_t n,
                                    const uint32_t *first, const uint32_t *end, size_t n_sent,
                                    uint8_t *labels, erg_error *err)
{
    if (n)
        memset(labels, ERG_LABEL_O, n);
    for (size_t k = 0; k < n_sent; k++)
        if (first[k] > end[k] || end[k] > n)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "sentence %zu runs past the %zu words", k, n);
    return ner_tag_sentences(t, words, n, first, end, n_sent, labels, err);
}

erg_status ner_tag_corpus_doc(erg_tagger *t, const erg_corpus *c, size_t s0, size_t s1,
                              uint8_t *labels, erg_error *err)
{
    size_t ns = s1 - s0;
    if (grow_sent(t, ns) != ERG_OK)
        return erg_error_oom(err);
    uint32_t base = c->sent_first[s0];
    for (size_t k = 0; k < ns; k++) {
        t->sfirst[k] = c->sent_first[s0 + k] - base;
        t->send[k] = c->sent_first[s0 + k + 1] - base;
    }
    return ner_tag_sentences(t, c->words + base, c->sent_first[s1] - base, t->sfirst, t->send, ns,
                             labels + base, err);
}
