#include "erg/resolve.h"

#include <stdlib.h>
#include <string.h>

void erg_local_entities_init(erg_local_entities *e)
{
    e->items = NULL;
    e->n = 0;
    e->cap = 0;
}

static void entity_clear(erg_local_entity *le)
{
    free(le->name);
    free(le->key);
    for (size_t i = 0; i < le->n_surfaces; i++)
        free(le->surfaces[i].text);
    le->name = NULL;
    le->key = NULL;
    le->n_surfaces = 0;
}

/* Frees the strings of every entity but keeps the arrays for reuse. */
static void entities_reset(erg_local_entities *e)
{
    for (size_t i = 0; i < e->n; i++)
        entity_clear(&e->items[i]);
    e->n = 0;
}

void erg_local_entities_release(erg_local_entities *e)
{
    if (!e)
        return;
    entities_reset(e);
    for (size_t i = 0; i < e->cap; i++)
        free(e->items[i].surfaces);
    free(e->items);
    erg_local_entities_init(e);
}

static erg_local_entity *entities_push(erg_local_entities *e)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 16;
        erg_local_entity *p = realloc(e->items, cap * sizeof *p);
        if (!p)
            return NULL;
        memset(p + e->cap, 0, (cap - e->cap) * sizeof *p);
        e->items = p;
        e->cap = cap;
    }
    erg_local_entity *le = &e->items[e->n++];
    le->name = NULL;
    le->key = NULL;
    le->mentions = 0;
    le->n_surfaces = 0;
    return le;
}

static erg_status add_surface(erg_local_entity *le, const char *s, size_t n)
{
    for (size_t i = 0; i < le->n_surfaces; i++)
        if (strlen(le->surfaces[i].text) == n && memcmp(le->surfaces[i].text, s, n) == 0) {
            le->surfaces[i].count++;
            return ERG_OK;
        }
    if (le->n_surfaces == le->cap_surfaces) {
        size_t cap = le->cap_surfaces ? le->cap_surfaces * 2 : 4;
        erg_surface *p = realloc(le->surfaces, cap * sizeof *p);
        if (!p)
            return ERG_ENOMEM;
        le->surfaces = p;
        le->cap_surfaces = cap;
    }
    char *copy = erg_strndup(s, n);
    if (!copy)
        return ERG_ENOMEM;
    le->surfaces[le->n_surfaces].text = copy;
    le->surfaces[le->n_surfaces].count = 1;
    le->n_surfaces++;
    return ERG_OK;
}

/* The display name is the longest surface form; the first seen wins a tie. */
static erg_status settle_name(erg_local_entity *le)
{
    const char *best = le->key;
    size_t best_len = 0;
    for (size_t i = 0; i < le->n_surfaces; i++) {
        size_t len = strlen(le->surfaces[i].text);
        if (len > best_len) {
            best = le->surfaces[i].text;
            best_len = len;
        }
    }
    le->name = erg_strdup(best);
    return le->name ? ERG_OK : ERG_ENOMEM;
}

erg_status erg_resolve_article(const char *text, erg_mentions *mentions, const erg_gazetteer *gaz,
                               erg_local_entities *out, erg_error *err)
{
    erg_status st = ERG_OK;
    erg_buf key, display;
    erg_buf_init(&key);
    erg_buf_init(&display);
    /* Votes per entity and type, grown with the entity list. */
    uint32_t(*votes)[ERG_TYPE_COUNT] = NULL;
    size_t votes_cap = 0;

    entities_reset(out);
    for (size_t i = 0; i < mentions->n; i++) {
        erg_mention *m = &mentions->items[i];
        m->entity = -1;
        if (m->type == ERG_TYPE_MISC)
            continue;
        const char *s = text + m->start;
        size_t n = m->end - m->start;
        if (erg_text_name_key(s, n, &key) != ERG_OK ||
            erg_text_name_display(s, n, &display) != ERG_OK) {
            st = erg_error_oom(err);
            goto cleanup;
        }
        if (key.len == 0)
            continue;
        /* A listed outlet's aliases all resolve to its canonical name. */
        const char *canonical = NULL;
        if (gaz && m->type == ERG_TYPE_OUTLET) {
            canonical = erg_gazetteer_outlet(gaz, key.data);
            if (canonical && erg_text_name_key(canonical, strlen(canonical), &key) != ERG_OK) {
                st = erg_error_oom(err);
                goto cleanup;
            }
        }
        size_t e = 0;
        while (e < out->n && strcmp(out->items[e].key, key.data) != 0)
            e++;
        if (e == out->n) {
            erg_local_entity *le = entities_push(out);
            if (!le || !(le->key = erg_strndup(key.data, key.len))) {
                st = erg_error_oom(err);
                goto cleanup;
            }
            if (canonical && !(le->name = erg_strdup(canonical))) {
                st = erg_error_oom(err);
                goto cleanup;
            }
        }
        if (out->n > votes_cap) {
            size_t cap = out->cap;
            void *p = realloc(votes, cap * sizeof *votes);
            if (!p) {
                st = erg_error_oom(err);
                goto cleanup;
            }
            votes = p;
            memset(votes + votes_cap, 0, (cap - votes_cap) * sizeof *votes);
            votes_cap = cap;
        }
        erg_local_entity *le = &out->items[e];
        le->mentions++;
        votes[e][m->type]++;
        m->entity = (int32_t)e;
        if (add_surface(le, display.data, display.len) != ERG_OK) {
            st = erg_error_oom(err);
            goto cleanup;
        }
    }
    for (size_t e = 0; e < out->n; e++) {
        erg_local_entity *le = &out->items[e];
        erg_type best = ERG_TYPE_PERSON;
        for (int t = 1; t < ERG_TYPE_MISC; t++)
            if (votes[e][t] > votes[e][best])
                best = (erg_type)t;
        le->type = best;
        /* A canonical outlet name was set on creation and is kept. */
        if (!le->name && settle_name(le) != ERG_OK) {
            st = erg_error_oom(err);
            goto cleanup;
        }
    }
cleanup:
    free(votes);
    erg_buf_release(&key);
    erg_buf_release(&display);
    return st;
}
