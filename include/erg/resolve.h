/*
 * erg/resolve.h: mentions of one article to entities with a canonical name
 * and a merge key.
 */
#ifndef ERG_RESOLVE_H
#define ERG_RESOLVE_H

#include "erg/common.h"
#include "erg/ner.h"
#include "erg/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A surface form of an entity within one article, with its count. */
typedef struct erg_surface {
    char *text;
    uint32_t count;
} erg_surface;

/* One entity of one article. Strings are owned by the erg_local_entities. */
typedef struct erg_local_entity {
    char *name;            /* display name: the longest surface form, first seen on ties */
    char *key;             /* merge key (erg_text_name_key of the name) */
    erg_type type;         /* the type most of its mentions have */
    uint32_t mentions;     /* number of mentions */
    erg_surface *surfaces; /* distinct surface forms in first-seen order */
    size_t n_surfaces;
    size_t cap_surfaces;
} erg_local_entity;

/* The entities of one article; caller-owned (_init/_release), reused across articles. */
typedef struct erg_local_entities {
    erg_local_entity *items;
    size_t n;
    size_t cap;
} erg_local_entities;

void erg_local_entities_init(erg_local_entities *e);
void erg_local_entities_release(erg_local_entities *e);

/*
 * Groups the mentions of one article (text, mentions over it) into entities,
 * replacing out's content, and sets every mention's `entity` index. Mentions
 * with the same merge key are one entity. MISC mentions keep entity -1.
 * gaz may be NULL.
 */
erg_status erg_resolve_article(const char *text, erg_mentions *mentions, const erg_gazetteer *gaz,
                               erg_local_entities *out, erg_error *err);

#ifdef __cplusplus
}
#endif
#endif
