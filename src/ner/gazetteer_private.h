/*
 * gazetteer_private.h: what the typing stage (typing.c) needs to know of the gazetteer.
 * Not installed; erg_gaz_i_* names are private to the ner module.
 */
#ifndef ERG_NER_GAZETTEER_PRIVATE_H
#define ERG_NER_GAZETTEER_PRIVATE_H

#include "erg/ner.h"

/* Kinds of entries of outlet_cues.txt; see the file's header for their meaning. */
typedef enum erg_gaz_cue {
    ERG_GAZ_VERB = 0,
    ERG_GAZ_VERB_WEAK,
    ERG_GAZ_BEFORE,
    ERG_GAZ_BEFORE_WEAK,
    ERG_GAZ_NOUN,
    ERG_GAZ_NOUN_BEFORE,
    ERG_GAZ_HEAD,
    ERG_GAZ_LEAD,
    ERG_GAZ_ORG,
    ERG_GAZ_SKIP,
    ERG_GAZ_RESULT,
    ERG_GAZ_CUE_COUNT
} erg_gaz_cue;

/* The longest outlet name a listed name may have, in tokens. */
#define ERG_GAZ_MAX_NAME_TOKENS 16

/*
 * Length in tokens of the longest phrase of kind `cue` that starts at token
 * i and ends before token end; 0 when none. Case-insensitive (ASCII).
 */
size_t erg_gaz_i_match_after(const erg_gazetteer *g, erg_gaz_cue cue, const char *text,
                             const erg_token *toks, size_t i, size_t end);

/*
 * Length in tokens of the longest phrase of kind `cue` that ends just before
 * token i and starts at or after token first; 0 when none.
 */
size_t erg_gaz_i_match_before(const erg_gazetteer *g, erg_gaz_cue cue, const char *text,
                              const erg_token *toks, size_t i, size_t first);

/* One listed name found in text. */
typedef struct erg_gaz_hit {
    uint32_t ntok;   /* tokens the name covers */
    uint32_t outlet; /* index of its outlet */
    bool ambiguous;  /* written with "~" in the list */
} erg_gaz_hit;

/*
 * The listed names written exactly (case-sensitive, whole tokens) at tokens
 * [i, ...) without passing token end, shortest first, at most
 * ERG_GAZ_MAX_NAME_TOKENS of them into hits. Returns their number. A few
 * hash lookups per token; no allocation.
 */
size_t erg_gaz_i_names_at(const erg_gazetteer *g, const char *text, const erg_token *toks, size_t i,
                          size_t end, erg_gaz_hit *hits);

/* Index of the outlet whose merge key is key[0..n), or -1. *ambiguous tells whether
 * every name of the list giving this key was marked "~". */
int32_t erg_gaz_i_key_outlet(const erg_gazetteer *g, const char *key, size_t n, bool *ambiguous);

#endif
