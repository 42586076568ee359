/*
 * labels.c: label names and the label schemes the tagger decodes over.
 */
#include "tagger_private.h"

#include <string.h>

const char *erg_label_name(erg_label l)
{
    static const char *const names[ERG_LABEL_COUNT] = {"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                                       "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
    return (unsigned)l < ERG_LABEL_COUNT ? names[l] : "?";
}

const char *erg_class_name(erg_class c)
{
    static const char *const names[ERG_CLASS_COUNT] = {"PER", "ORG", "LOC", "MISC"};
    return (unsigned)c < ERG_CLASS_COUNT ? names[c] : "?";
}

/* BILOU layout: O = 0, then B, I, L, U of each class. */
enum { BIL_B = 0, BIL_I = 1, BIL_L = 2, BIL_U = 3 };

static int bil(int cls, int part)
{
    return 1 + 4 * cls + part;
}

static void list_predecessors(ner_labelset *ls)
{
    for (int cur = 0; cur < ls->n; cur++) {
        ls->n_pred[cur] = 0;
        for (int prev = 0; prev < ls->n; prev++)
            if (ls->trans_ok[prev][cur])
                ls->pred[cur][ls->n_pred[cur]++] = (uint8_t)prev;
    }
}

bool ner_labelset_init(ner_labelset *ls, uint32_t scheme)
{
    memset(ls, 0, sizeof *ls);
    if (scheme == NER_SCHEME_IOB2) {
        ls->scheme = NER_SCHEME_IOB2;
        ls->n = ERG_LABEL_COUNT;
        for (int cur = 0; cur < ls->n; cur++) {
            ls->to_iob2[cur] = (uint8_t)cur;
            bool inside = cur != ERG_LABEL_O && !ERG_LABEL_IS_B(cur);
            ls->start_ok[cur] = !inside;
            ls->end_ok[cur] = true;
            for (int prev = 0; prev < ls->n; prev++)
                ls->trans_ok[prev][cur] =
                    !inside ||
                    (prev != ERG_LABEL_O && ERG_LABEL_CLASS(prev) == ERG_LABEL_CLASS(cur));
        }
        list_predecessors(ls);
        return true;
    }
    if (scheme == NER_SCHEME_BILOU) {
        ls->scheme = NER_SCHEME_BILOU;
        ls->n = 1 + 4 * ERG_CLASS_COUNT;
        ls->to_iob2[0] = ERG_LABEL_O;
        ls->start_ok[0] = ls->end_ok[0] = true;
        for (int c = 0; c < ERG_CLASS_COUNT; c++) {
            ls->to_iob2[bil(c, BIL_B)] = (uint8_t)(2 * c + 1);
            ls->to_iob2[bil(c, BIL_I)] = (uint8_t)(2 * c + 2);
            ls->to_iob2[bil(c, BIL_L)] = (uint8_t)(2 * c + 2);
            ls->to_iob2[bil(c, BIL_U)] = (uint8_t)(2 * c + 1);
            ls->start_ok[bil(c, BIL_B)] = ls->start_ok[bil(c, BIL_U)] = true;
            ls->end_ok[bil(c, BIL_L)] = ls->end_ok[bil(c, BIL_U)] = true;
        }
        for (int prev = 0; prev < ls->n; prev++) {
            /* After O, L or U a span is closed; after B or I it must go on in its class. */
            int pc = prev == 0 ? -1 : (prev - 1) / 4, pp = prev == 0 ? -1 : (prev - 1) % 4;
            bool open = pp == BIL_B || pp == BIL_I;
            for (int cur = 0; cur < ls->n; cur++) {
                int cc = cur == 0 ? -1 : (cur - 1) / 4, cpart = cur == 0 ? -1 : (cur - 1) % 4;
                bool starts = cur == 0 || cpart == BIL_B || cpart == BIL_U;
                ls->trans_ok[prev][cur] =
                    open ? (cc == pc && (cpart == BIL_I || cpart == BIL_L)) : starts;
            }
        }
        list_predecessors(ls);
        return true;
    }
    return false;
}

void ner_labels_from_iob2(const ner_labelset *ls, const uint8_t *iob2, size_t n, uint8_t *out)
{
    if (ls->scheme == NER_SCHEME_IOB2) {
        memcpy(out, iob2, n);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        uint8_t l = iob2[i];
        if (l == ERG_LABEL_O || l >= ERG_LABEL_COUNT) {
            out[i] = 0;
            continue;
        }
        int c = ERG_LABEL_CLASS(l);
        bool goes_on = i + 1 < n && iob2[i + 1] == (uint8_t)(2 * c + 2);
        if (ERG_LABEL_IS_B(l))
            out[i] = (uint8_t)bil(c, goes_on ? BIL_B : BIL_U);
        else
            out[i] = (uint8_t)bil(c, goes_on ? BIL_I : BIL_L);
    }
}
