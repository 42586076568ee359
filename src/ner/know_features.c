/*
 * know_features.c: the knowledge lists as tagger features (after Ratinov &
 * Roth 2009's gazetteer features): each word's role in the listed phrases
 * that cover it, per kind group, and the model's hold on the lists.
 */
#include "tagger_private.h"

#include <stdlib.h>
#include <string.h>

/* The kind groups (NER_KG_ bits) of erg_know_kind bits. */
static uint32_t kind_groups(uint32_t kinds)
{
    uint32_t g = 0;
    if (kinds & ERG_KNOW_COMPANY)
        g |= 1u << NER_KG_COMPANY;
    if (kinds & ERG_KNOW_GOVERNMENT)
        g |= 1u << NER_KG_GOVERNMENT;
    if (kinds & ERG_KNOW_UNIVERSITY)
        g |= 1u << NER_KG_UNIVERSITY;
    if (kinds & ERG_KNOW_CLUB)
        g |= 1u << NER_KG_CLUB;
    if (kinds & ERG_KNOW_OUTLET_KINDS)
        g |= 1u << NER_KG_OUTLET;
    if (kinds & ERG_KNOW_PARTY)
        g |= 1u << NER_KG_PARTY;
    if (kinds & ERG_KNOW_SURNAME)
        g |= 1u << NER_KG_SURNAME;
    if (kinds & ERG_KNOW_FIRST_NAME)
        g |= 1u << NER_KG_FIRST;
    if (kinds & ERG_KNOW_COMMON_WORD)
        g |= 1u << NER_KG_COMMON;
    return g;
}

/* Sets role r for the groups g of a word, unless a group already has a role. */
static inline void set_role(uint64_t *know, uint32_t g, int r)
{
    for (int j = 0; j < NER_KG_COUNT; j++) {
        if (!(g & (1u << j)))
            continue;
        uint64_t any = NER_KNOW_BIT(NER_KR_U, j) | NER_KNOW_BIT(NER_KR_B, j) |
                       NER_KNOW_BIT(NER_KR_I, j) | NER_KNOW_BIT(NER_KR_L, j);
        if (!(*know & any))
            *know |= NER_KNOW_BIT(r, j);
    }
}

erg_status ner_know_sentence(const erg_knowledge *k, const erg_word *words, size_t n,
                             ner_scratch *s)
{
    for (size_t i = 0; i < n; i++)
        s->wi[i].know = 0;
    if (!k || n == 0)
        return ERG_OK;
    erg_status st = erg_knowledge_matches(k, words, n, &s->ks, s->km);
    if (st != ERG_OK)
        return st;
    /*
     * Roles from phrases that start earlier first (inside, then last), so
     * that a word inside "Bank of America" is I-company even when it is a
     * listed company on its own; then the phrase that starts at the word.
     */
    for (size_t j = 0; j < n; j++) {
        uint32_t len = s->km[j].len;
        if (len < 2)
            continue;
        uint32_t g = kind_groups(s->km[j].kinds);
        for (size_t i = j + 1; i + 1 < j + len && i < n; i++)
            set_role(&s->wi[i].know, g, NER_KR_I);
    }
    for (size_t j = 0; j < n; j++) {
        uint32_t len = s->km[j].len;
        if (len >= 2 && j + len - 1 < n)
            set_role(&s->wi[j + len - 1].know, kind_groups(s->km[j].kinds), NER_KR_L);
    }
    for (size_t i = 0; i < n; i++)
        if (s->km[i].len)
            set_role(&s->wi[i].know, kind_groups(s->km[i].kinds),
                     s->km[i].len == 1 ? NER_KR_U : NER_KR_B);
    return ERG_OK;
}

bool erg_model_uses_knowledge(const erg_model *m)
{
    return m && (m->feat_mask & ((1ull << NER_T_KNOW) | (1ull << NER_T_KNOW_CTX)));
}

void erg_model_set_knowledge(erg_model *m, const erg_knowledge *k)
{
    if (m->know_owned != k) {
        erg_knowledge_free(m->know_owned);
        m->know_owned = NULL;
    }
    m->know = k;
}

erg_status erg_model_load_knowledge(erg_model *m, const char *dir, erg_error *err)
{
    erg_knowledge *k = NULL;
    erg_status st = erg_knowledge_load(&k, dir, err);
    if (st != ERG_OK)
        return st;
    erg_model_set_knowledge(m, k);
    m->know_owned = k;
    return ERG_OK;
}

const erg_knowledge *erg_model_knowledge(const erg_model *m)
{
    return m ? m->know : NULL;
}
