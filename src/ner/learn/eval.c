/*
 * eval.c: exact-match span scoring, counted the way conlleval counts.
 */
#include "../tagger_private.h"

#include <stdlib.h>
#include <string.h>

static int class_at(const uint8_t *l, size_t i)
{
    return (l[i] == ERG_LABEL_O || l[i] >= ERG_LABEL_COUNT) ? -1 : (int)ERG_LABEL_CLASS(l[i]);
}

/*
 * Finds the span starting at or after *i: conlleval starts a chunk at a B-X,
 * or at an I-X that follows O or another type, and ends it before the next
 * token that does not continue it. Returns false when no span is left.
 */
static bool next_span(const uint8_t *l, size_t n, size_t *i, size_t *start, size_t *end, int *cls)
{
    while (*i < n && class_at(l, *i) < 0)
        (*i)++;
    if (*i >= n)
        return false;
    *start = *i;
    *cls = class_at(l, *i);
    size_t j = *i + 1;
    while (j < n && class_at(l, j) == *cls && !ERG_LABEL_IS_B(l[j]))
        j++;
    *end = j;
    *i = j;
    return true;
}

size_t erg_eval_spans(const uint8_t *labels, size_t n, erg_eval_span *out, size_t cap)
{
    size_t i = 0, start, end, k = 0;
    int cls;
    while (next_span(labels, n, &i, &start, &end, &cls)) {
        if (k < cap)
            out[k] = (erg_eval_span){(uint32_t)start, (uint32_t)end, (erg_class)cls};
        k++;
    }
    return k;
}

void erg_eval_add(erg_eval_counts *counts, const uint8_t *gold, const uint8_t *guess, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        counts->tokens++;
        if (gold[i] == guess[i])
            counts->tokens_correct++;
        int g = class_at(gold, i), p = class_at(guess, i);
        counts->confusion[g < 0 ? ERG_CLASS_COUNT : g][p < 0 ? ERG_CLASS_COUNT : p]++;
    }
    size_t gi = 0, pi = 0, gs = 0, ge = 0, ps = 0, pe = 0;
    int gc = -1, pc = -1;
    bool g_ok = next_span(gold, n, &gi, &gs, &ge, &gc);
    bool p_ok = next_span(guess, n, &pi, &ps, &pe, &pc);
    while (g_ok || p_ok) {
        if (g_ok && p_ok && gs == ps) {
            counts->gold[gc]++;
            counts->guess[pc]++;
            if (ge == pe && gc == pc)
                counts->correct[gc]++;
            g_ok = next_span(gold, n, &gi, &gs, &ge, &gc);
            p_ok = next_span(guess, n, &pi, &ps, &pe, &pc);
        } else if (g_ok && (!p_ok || gs < ps)) {
            counts->gold[gc]++;
            g_ok = next_span(gold, n, &gi, &gs, &ge, &gc);
        } else {
            counts->guess[pc]++;
            p_ok = next_span(guess, n, &pi, &ps, &pe, &pc);
        }
    }
}

erg_status erg_ner_eval(const erg_model *m, const erg_corpus *c, erg_eval_counts *counts,
                        erg_error *err)
{
    return erg_ner_eval_visit(m, c, counts, NULL, NULL, err);
}

erg_status erg_ner_eval_visit(const erg_model *m, const erg_corpus *c, erg_eval_counts *counts,
                              erg_eval_visitor visit, void *ctx, erg_error *err)
{
    memset(counts, 0, sizeof *counts);
    erg_tagger *t = NULL;
    uint8_t *guess = NULL;
    erg_status st = erg_tagger_new(&t, m, err);
    if (st != ERG_OK)
        return st;
    guess = malloc(c->n_tokens ? c->n_tokens : 1);
    if (!guess) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    for (size_t k = 0; k < c->n_sent;) {
        /* One document at a time, so that the tagger sees what it says elsewhere in it. */
        size_t e = k + 1;
        while (e < c->n_sent && c->sent_doc[e] == c->sent_doc[k])
            e++;
        if ((st = ner_tag_corpus_doc(t, c, k, e, guess, err)) != ERG_OK)
            goto cleanup;
        for (size_t j = k; j < e; j++) {
            size_t first = c->sent_first[j], n = c->sent_first[j + 1] - first;
            erg_eval_add(counts, c->labels + first, guess + first, n);
            if (visit)
                visit(ctx, c->words + first, c->labels + first, guess + first, n);
        }
        k = e;
    }
cleanup:
    free(guess);
    erg_tagger_free(t);
    return st;
}
