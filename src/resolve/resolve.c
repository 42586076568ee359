#include "erg/resolve.h"
#include "erg/knowledge.h"
#include "erg/typing.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the article's entity list ------------------------------------------- */

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
    le->mentions = 0;
}

/* Frees the strings of every entity but keeps the arrays for the next article. */
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

static erg_status add_surface(erg_local_entity *le, const char *s, size_t n, uint32_t count)
{
    for (size_t i = 0; i < le->n_surfaces; i++)
        if (strlen(le->surfaces[i].text) == n && memcmp(le->surfaces[i].text, s, n) == 0) {
            le->surfaces[i].count += count;
            return ERG_OK;
        }
    if (erg_grow((void **)&le->surfaces, &le->cap_surfaces, le->n_surfaces + 1,
                 sizeof *le->surfaces) != ERG_OK)
        return ERG_ENOMEM;
    char *copy = erg_strndup(s, n);
    if (!copy)
        return ERG_ENOMEM;
    le->surfaces[le->n_surfaces].text = copy;
    le->surfaces[le->n_surfaces].count = count;
    le->n_surfaces++;
    return ERG_OK;
}

/* ---- alias table: merge key -> canonical name and type ------------------- */

typedef struct alias_entry {
    char *key; /* NULL for an empty slot */
    char *name;
    erg_type type;
} alias_entry;

typedef struct alias_table {
    alias_entry *slots;
    size_t cap; /* a power of two, or 0 */
    size_t n;
    /*
     * A Bloom filter of the last words of keys of several words, so that
     * extend_to_alias looks up only the mentions that could end such a name.
     */
    uint64_t tails[64];
} alias_table;

/* FNV-1a of an ASCII word, lower-cased; the tails filter's hash. */
static uint32_t tail_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint32_t)(unsigned char)tolower((unsigned char)w[i])) * 16777619u;
    return h & 4095u;
}

static void alias_table_release(alias_table *t)
{
    for (size_t i = 0; i < t->cap; i++) {
        free(t->slots[i].key);
        free(t->slots[i].name);
    }
    free(t->slots);
    t->slots = NULL;
    t->cap = t->n = 0;
}

static alias_entry *alias_slot(const alias_table *t, const char *key)
{
    size_t mask = t->cap - 1;
    for (size_t i = erg_hash(key, strlen(key)) & mask;; i = (i + 1) & mask)
        if (!t->slots[i].key || strcmp(t->slots[i].key, key) == 0)
            return &t->slots[i];
}

static const alias_entry *alias_get(const alias_table *t, const char *key)
{
    if (!t->cap)
        return NULL;
    const alias_entry *e = alias_slot(t, key);
    return e->key ? e : NULL;
}

static erg_status alias_put(alias_table *t, const char *key, const char *name, erg_type type)
{
    if ((t->n + 1) * 2 > t->cap) {
        alias_table grown = {NULL, t->cap ? t->cap * 2 : 256, 0, {0}};
        memcpy(grown.tails, t->tails, sizeof grown.tails);
        grown.slots = calloc(grown.cap, sizeof *grown.slots);
        if (!grown.slots)
            return ERG_ENOMEM;
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i].key) {
                *alias_slot(&grown, t->slots[i].key) = t->slots[i];
                grown.n++;
            }
        free(t->slots);
        *t = grown;
    }
    alias_entry *e = alias_slot(t, key);
    char *name_copy = erg_strdup(name);
    if (!name_copy)
        return ERG_ENOMEM;
    if (!e->key) {
        if (!(e->key = erg_strdup(key))) {
            free(name_copy);
            return ERG_ENOMEM;
        }
        t->n++;
    }
    free(e->name);
    e->name = name_copy;
    e->type = type;
    const char *last = strrchr(key, ' ');
    if (last) {
        uint32_t h = tail_hash(last + 1, strlen(last + 1));
        t->tails[h >> 6] |= 1ull << (h & 63);
    }
    return ERG_OK;
}

/* ---- the resolver --------------------------------------------------------- */

/* What resolve works out for one mention before grouping. */
typedef struct mention_info {
    size_t key_off, key_len;         /* merge key, in the key arena */
    size_t display_off, display_len; /* surface form, in the display arena */
    const char *canonical;           /* canonical name from a table, borrowed; or NULL */
} mention_info;

/* An acronym defined in the article: mentions keyed `from` join key `to`. */
typedef struct local_alias {
    size_t from_off, from_len;
    size_t to_off, to_len;
} local_alias;

struct erg_resolver {
    const erg_gazetteer *gaz;
    /*
     * The tables read: own_aliases and own_first_names, or those of the
     * resolver this one was made like (erg_resolver_new_like), borrowed.
     */
    const alias_table *aliases;
    const alias_table *first_names; /* keys only; the name and type are unused */
    alias_table own_aliases;
    alias_table own_first_names;
    bool borrowed;
    /* Scratch reused from one article to the next. */
    erg_buf key, display, keys, displays;
    mention_info *info;
    size_t info_cap;
    local_alias *local;
    size_t n_local, local_cap;
    uint32_t (*votes)[ERG_TYPE_COUNT];
    int32_t *parent;
    bool *title_only;   /* every mention of the entity is in the article's title line */
    bool *shown_person; /* a mention is a person by its context, against the tagger */
    bool *people;       /* counted as a group of people ("many Roma had") */
    size_t ent_cap;
    erg_know_scratch know; /* matching state of the knowledge lists */
};

erg_status erg_resolver_new(erg_resolver **out, const erg_gazetteer *gaz, erg_error *err)
{
    erg_resolver *r = calloc(1, sizeof *r);
    if (!r)
        return erg_error_oom(err);
    r->gaz = gaz;
    r->aliases = &r->own_aliases;
    r->first_names = &r->own_first_names;
    erg_buf_init(&r->key);
    erg_buf_init(&r->display);
    erg_buf_init(&r->keys);
    erg_buf_init(&r->displays);
    erg_know_scratch_init(&r->know);
    *out = r;
    return ERG_OK;
}

void erg_resolver_set_gazetteer(erg_resolver *r, const erg_gazetteer *gaz)
{
    r->gaz = gaz;
}

erg_status erg_resolver_new_like(erg_resolver **out, const erg_resolver *base, erg_error *err)
{
    erg_status st = erg_resolver_new(out, base->gaz, err);
    if (st != ERG_OK)
        return st;
    (*out)->aliases = base->aliases;
    (*out)->first_names = base->first_names;
    (*out)->borrowed = true;
    return ERG_OK;
}

/* The tables of a resolver made like another are that one's, read-only. */
static erg_status check_own(const erg_resolver *r, erg_error *err)
{
    if (r->borrowed)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "a resolver made like another cannot take aliases of its own");
    return ERG_OK;
}

void erg_resolver_free(erg_resolver *r)
{
    if (!r)
        return;
    alias_table_release(&r->own_aliases);
    alias_table_release(&r->own_first_names);
    erg_buf_release(&r->key);
    erg_buf_release(&r->display);
    erg_buf_release(&r->keys);
    erg_buf_release(&r->displays);
    erg_know_scratch_release(&r->know);
    free(r->info);
    free(r->local);
    free(r->votes);
    free(r->parent);
    free(r->title_only);
    free(r->shown_person);
    free(r->people);
    free(r);
}

erg_status erg_resolver_add_alias(erg_resolver *r, const char *canonical, erg_type type,
                                  const char *alias, erg_error *err)
{
    if (check_own(r, err) != ERG_OK)
        return ERG_EINVAL;
    if (type >= ERG_TYPE_MISC)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "alias type must not be misc");
    if (erg_text_name_key(alias, strlen(alias), &r->key) != ERG_OK)
        return erg_error_oom(err);
    if (r->key.len == 0 || !canonical[0])
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "empty name in alias list");
    if (alias_put(&r->own_aliases, r->key.data, canonical, type) != ERG_OK)
        return erg_error_oom(err);
    return ERG_OK;
}

erg_status erg_resolver_add_first_names(erg_resolver *r, const char *path, erg_error *err)
{
    if (check_own(r, err) != ERG_OK)
        return ERG_EINVAL;
    char *data;
    size_t len;
    erg_status st = erg_read_file(path, &data, &len, err);
    if (st != ERG_OK)
        return st == ERG_ENOTFOUND ? ERG_EIO : st;
    char *line = data;
    while (line < data + len) {
        char *end = memchr(line, '\n', (size_t)(data + len - line));
        if (!end)
            end = data + len;
        size_t n = (size_t)(end - line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            n--;
        if (n && line[0] != '#') {
            if (erg_text_name_key(line, n, &r->key) != ERG_OK ||
                (r->key.len && alias_put(&r->own_first_names, r->key.data, "", ERG_TYPE_PERSON))) {
                st = erg_error_oom(err);
                break;
            }
        }
        line = end + 1;
    }
    free(data);
    return st;
}

/* Does the multi-word key (or, when one_word, any key) start with a listed first name? */
static bool starts_with_first_name(erg_resolver *r, const char *key, bool one_word)
{
    const char *sp = strchr(key, ' ');
    if (!sp && one_word)
        sp = key + strlen(key);
    if (!sp)
        return false;
    /* The gazetteer's first_names.txt, and any list added to the resolver. */
    if (erg_gazetteer_listed(r->gaz, ERG_LIST_FIRST_NAME, key, (size_t)(sp - key)))
        return true;
    if (!r->first_names->cap)
        return false;
    erg_buf_clear(&r->key);
    if (erg_buf_append(&r->key, key, (size_t)(sp - key)) != ERG_OK)
        return false;
    return alias_get(r->first_names, r->key.data) != NULL;
}

erg_status erg_resolver_add_aliases(erg_resolver *r, const char *path, erg_error *err)
{
    if (check_own(r, err) != ERG_OK)
        return ERG_EINVAL;
    json_error_t jerr;
    erg_json_guard_begin();
    json_t *root = json_load_file(path, 0, &jerr);
    if (erg_json_guard_end()) {
        json_decref(root);
        return erg_error_set(err, ERG_ENOMEM, path, 0, -1, "out of memory");
    }
    erg_status st = ERG_OK;
    if (!root) {
        bool missing = jerr.line < 0 || strstr(jerr.text, "unable to open");
        return erg_error_set(err, missing ? ERG_EIO : ERG_EJSON, path,
                             jerr.line > 0 ? jerr.line : 0, jerr.position, "%s%s",
                             missing ? "" : "malformed JSON: ", jerr.text);
    }
    if (!json_is_array(root)) {
        st = erg_error_set(err, ERG_EJSON, path, 0, -1,
                           "alias file must hold an array of {\"name\", \"type\", \"aliases\"}");
        goto cleanup;
    }
    size_t i;
    json_t *entry;
    json_array_foreach(root, i, entry)
    {
        const char *name = json_string_value(json_object_get(entry, "name"));
        const char *type_s = json_string_value(json_object_get(entry, "type"));
        json_t *list = json_object_get(entry, "aliases");
        erg_type type;
        if (!name || !type_s || (list && !json_is_array(list)) ||
            erg_type_parse(type_s, strlen(type_s), &type) != ERG_OK || type == ERG_TYPE_MISC) {
            st = erg_error_set(err, ERG_EJSON, path, 0, -1,
                               "entry %zu: needs \"name\", a \"type\" of person, agency, outlet or "
                               "place, and an \"aliases\" array",
                               i + 1);
            goto cleanup;
        }
        if ((st = erg_resolver_add_alias(r, name, type, name, err)) != ERG_OK)
            goto named;
        size_t j;
        json_t *alias;
        json_array_foreach(list, j, alias)
        {
            const char *a = json_string_value(alias);
            if (!a) {
                st = erg_error_set(err, ERG_EJSON, path, 0, -1,
                                   "entry %zu (%s): aliases must be strings", i + 1, name);
                goto cleanup;
            }
            if ((st = erg_resolver_add_alias(r, name, type, a, err)) != ERG_OK)
                goto named;
        }
    }
    goto cleanup;
named:
    if (err && !err->source[0])
        snprintf(err->source, sizeof err->source, "%s", path);
cleanup:
    json_decref(root);
    return st;
}

/* ---- name clean-up ---------------------------------------------------------- */

/*
 * Is w[0..n), lower-cased (ASCII) and without trailing dots, an entry of the
 * gazetteer's word list? The resolver's one token matcher, for entries kept
 * as written (data/titles.tsv, short_words.txt...): fold says whether
 * to lower-case first. False without a gazetteer or for a word over 63 bytes.
 */
static bool listed_word(const erg_gazetteer *g, erg_word_list list, const char *w, size_t n,
                        bool fold)
{
    char low[64];
    if (!g || n >= sizeof low)
        return false;
    if (!fold)
        return erg_gazetteer_listed(g, list, w, n);
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    return erg_gazetteer_listed(g, list, low, n);
}

/* A word that stands before a person's name and is not part of it (titles.tsv, used "strip"). */
static bool is_title(const erg_gazetteer *g, const char *w, size_t n)
{
    while (n && w[n - 1] == '.')
        n--;
    return listed_word(g, ERG_LIST_PERSON_TITLE, w, n, true);
}

/* Drops title words from the start of a person name, keeping at least one word. */
static void strip_titles(const erg_gazetteer *g, const char **s, size_t *n)
{
    for (;;) {
        const char *sp = memchr(*s, ' ', *n);
        if (!sp)
            return;
        size_t w = (size_t)(sp - *s);
        if (!is_title(g, *s, w))
            return;
        *n -= w + 1;
        *s = sp + 1;
    }
}

/* A key that is nothing but a generic media word ("TV", "the press") names no one. */
static bool generic_media_key(const erg_gazetteer *g, const char *key)
{
    return listed_word(g, ERG_LIST_GENERIC_MEDIA, key, strlen(key), false);
}

/*
 * Drops a generic word after an outlet's name (outlet_tails.txt): "Yonhap news
 * agency" is Yonhap. The longest tail wins; something must stay before it.
 */
static void strip_outlet_tail(const erg_gazetteer *g, const char *s, size_t *n)
{
    for (size_t i = 1; i + 1 < *n; i++)
        if (s[i] == ' ' && listed_word(g, ERG_LIST_OUTLET_TAIL, s + i + 1, *n - i - 1, true)) {
            *n = i;
            return;
        }
}

/* ---- resolving one article ---------------------------------------------------- */

static const char *info_key(const erg_resolver *r, const mention_info *mi)
{
    return r->keys.data + mi->key_off;
}

static erg_status push_key(erg_buf *arena, const erg_buf *key, size_t *off, size_t *len)
{
    *off = arena->len;
    *len = key->len;
    /* Keys are stored NUL-separated so each can be read as a C string. */
    if (erg_buf_append(arena, key->data ? key->data : "", key->len) != ERG_OK ||
        erg_buf_putc(arena, '\0') != ERG_OK)
        return ERG_ENOMEM;
    return ERG_OK;
}

/* Works out the surface form, key and canonical name of every mention. */
static erg_status describe_mentions(erg_resolver *r, const char *text, erg_mentions *mentions)
{
    erg_buf_clear(&r->keys);
    erg_buf_clear(&r->displays);
    if (mentions->n > r->info_cap) {
        mention_info *p = realloc(r->info, mentions->n * 2 * sizeof *p);
        if (!p)
            return ERG_ENOMEM;
        r->info = p;
        r->info_cap = mentions->n * 2;
    }
    for (size_t i = 0; i < mentions->n; i++) {
        erg_mention *m = &mentions->items[i];
        mention_info *mi = &r->info[i];
        mi->canonical = NULL;
        if (erg_text_name_display(text + m->start, m->end - m->start, &r->display) != ERG_OK)
            return ERG_ENOMEM;
        const char *s = r->display.data ? r->display.data : "";
        size_t n = r->display.len;
        if (m->type == ERG_TYPE_PERSON)
            strip_titles(r->gaz, &s, &n);
        else if (n > 4 && strncasecmp(s, "the ", 4) == 0) {
            /* "The Republic of Korea" and "Republic of Korea" are one name. */
            s += 4;
            n -= 4;
        }
        if (erg_text_name_key(s, n, &r->key) != ERG_OK)
            return ERG_ENOMEM;
        const alias_entry *a = alias_get(r->aliases, r->key.data ? r->key.data : "");
        if (!a && m->type == ERG_TYPE_OUTLET && r->gaz) {
            mi->canonical = erg_gazetteer_outlet(r->gaz, r->key.data ? r->key.data : "");
            if (!mi->canonical) {
                size_t n2 = n;
                strip_outlet_tail(r->gaz, s, &n2);
                if (n2 < n) {
                    if (erg_text_name_key(s, n2, &r->key) != ERG_OK)
                        return ERG_ENOMEM;
                    mi->canonical = erg_gazetteer_outlet(r->gaz, r->key.data);
                    /*
                     * A tail written with a capital is part of the name ("the
                     * Nanfang Daily") unless the list knows the name without it
                     * ("Kyodo News Agency").
                     */
                    if (mi->canonical || !(s[n2 + 1] >= 'A' && s[n2 + 1] <= 'Z'))
                        n = n2;
                    else if (erg_text_name_key(s, n, &r->key) != ERG_OK)
                        return ERG_ENOMEM;
                }
            }
        }
        if (a) {
            mi->canonical = a->name;
            if (m->type != a->type)
                m->rule = ERG_RULE_ALIAS_TYPE;
            m->type = a->type; /* the list knows better than the tagger, even for MISC */
        }
        if (mi->canonical && erg_text_name_key(mi->canonical, strlen(mi->canonical), &r->key))
            return ERG_ENOMEM;
        if ((m->type == ERG_TYPE_OUTLET || m->type == ERG_TYPE_AGENCY) && r->key.data &&
            generic_media_key(r->gaz, r->key.data))
            erg_buf_clear(&r->key); /* an empty key leaves the mention unresolved */
        mi->display_off = r->displays.len;
        mi->display_len = n;
        if (erg_buf_append(&r->displays, s, n) != ERG_OK || erg_buf_putc(&r->displays, '\0'))
            return ERG_ENOMEM;
        if (push_key(&r->keys, &r->key, &mi->key_off, &mi->key_len) != ERG_OK)
            return ERG_ENOMEM;
    }
    return ERG_OK;
}

/*
 * Length of the country initials a name starts with and the space after
 * them ("U.S. " of "U.S. International Trade Commission"), else 0: an
 * acronym may leave them out ("ITC").
 */
static size_t dotted_lead(const char *name, size_t n)
{
    size_t w = 0;
    while (w < n && name[w] != ' ')
        w++;
    return w < n && erg_text_dotted_initials(name, w) ? w + 1 : 0;
}

/* Do the capital letters of a name's words (skipping small words) spell the acronym? */
static bool spells_acronym(const char *name, size_t n, const char *acr, size_t an)
{
    size_t k = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (name[i] == ' ' || name[i] == '-'))
            i++;
        size_t w = i;
        while (i < n && name[i] != ' ' && name[i] != '-')
            i++;
        if (i == w)
            break;
        if (!isupper((unsigned char)name[w]))
            continue; /* "of", "the", "for" */
        while (k < an && (acr[k] == '.' || acr[k] == '&'))
            k++;
        if (k >= an || toupper((unsigned char)acr[k]) != name[w])
            return false;
        k++;
    }
    while (k < an && (acr[k] == '.' || acr[k] == '&'))
        k++;
    return k == an && an >= 2;
}

static bool is_acronym(const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isupper(c))
            letters++;
        else if (c != '.' && c != '&')
            return false;
    }
    return letters >= 2 && letters <= 10;
}

static bool token_is(const char *text, const erg_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->end - t->start == n && memcmp(text + t->start, s, n) == 0;
}

/*
 * Finds "Full Name (ACR)" and "Full Name, ACR," and records that the key of
 * ACR means the full name's key, so that later (or earlier) "ACR" mentions
 * join it.
 */
static erg_status find_acronyms(erg_resolver *r, const char *text, const erg_doc *doc,
                                const erg_mentions *mentions)
{
    r->n_local = 0;
    for (size_t i = 0; i < mentions->n; i++) {
        const erg_mention *m = &mentions->items[i];
        if (m->type == ERG_TYPE_PERSON || m->type == ERG_TYPE_MISC)
            continue;
        /* "Full Name (ACR)", "Full Name, ACR," */
        size_t t = m->tok_end;
        if (t + 2 >= doc->n_tokens ||
            !((token_is(text, &doc->tokens[t], "(") && token_is(text, &doc->tokens[t + 2], ")")) ||
              (token_is(text, &doc->tokens[t], ",") && token_is(text, &doc->tokens[t + 2], ","))))
            continue;
        const erg_token *acr = &doc->tokens[t + 1];
        const char *as = text + acr->start;
        size_t an = acr->end - acr->start;
        const mention_info *mi = &r->info[i];
        const char *name = r->displays.data + mi->display_off;
        size_t lead = dotted_lead(name, mi->display_len);
        if (!is_acronym(as, an) ||
            (!spells_acronym(name, mi->display_len, as, an) &&
             !(lead && spells_acronym(name + lead, mi->display_len - lead, as, an))))
            continue;
        if (erg_grow((void **)&r->local, &r->local_cap, r->n_local + 1, sizeof *r->local))
            return ERG_ENOMEM;
        local_alias *la = &r->local[r->n_local++];
        if (erg_text_name_key(as, an, &r->key) != ERG_OK ||
            push_key(&r->keys, &r->key, &la->from_off, &la->from_len) != ERG_OK)
            return ERG_ENOMEM;
        la->to_off = mi->key_off;
        la->to_len = mi->key_len;
    }
    /*
     * The article's own definition beats an alias list: "British National
     * Party (BNP)" makes its "BNP" that party, whatever party a list gives
     * the acronym to. So the mention's written form is compared too.
     */
    for (size_t i = 0; r->n_local && i < mentions->n; i++) {
        mention_info *mi = &r->info[i];
        if (erg_text_name_key(r->displays.data + mi->display_off, mi->display_len, &r->key) !=
            ERG_OK)
            return ERG_ENOMEM;
        for (size_t k = 0; k < r->n_local; k++) {
            const char *from = r->keys.data + r->local[k].from_off;
            if (strcmp(info_key(r, mi), from) == 0 ||
                (r->key.data && strcmp(r->key.data, from) == 0)) {
                mi->key_off = r->local[k].to_off;
                mi->key_len = r->local[k].to_len;
                mi->canonical = NULL;
                break;
            }
        }
    }
    return ERG_OK;
}

static erg_status grow_entity_scratch(erg_resolver *r, size_t n)
{
    if (n <= r->ent_cap)
        return ERG_OK;
    size_t cap = n * 2;
    void *v = realloc(r->votes, cap * sizeof *r->votes);
    if (!v)
        return ERG_ENOMEM;
    r->votes = v;
    void *p = realloc(r->parent, cap * sizeof *r->parent);
    if (!p)
        return ERG_ENOMEM;
    r->parent = p;
    void *t = realloc(r->title_only, cap * sizeof *r->title_only);
    if (!t)
        return ERG_ENOMEM;
    r->title_only = t;
    void *sp = realloc(r->shown_person, cap * sizeof *r->shown_person);
    if (!sp)
        return ERG_ENOMEM;
    r->shown_person = sp;
    void *pg = realloc(r->people, cap * sizeof *r->people);
    if (!pg)
        return ERG_ENOMEM;
    r->people = pg;
    r->ent_cap = cap;
    return ERG_OK;
}

static erg_type winning_type(const uint32_t votes[ERG_TYPE_COUNT])
{
    erg_type best = ERG_TYPE_PERSON;
    for (int t = 1; t < ERG_TYPE_MISC; t++)
        if (votes[t] > votes[best])
            best = (erg_type)t;
    return best;
}

/*
 * Is `part` a whole-word suffix (or, when prefix_ok, prefix) of the longer
 * key `key`, of at most four words? Longer spans are more often a tagger's
 * run-on (a headline in title case) than a name that is shortened later.
 */
static bool key_has_edge_words(const char *key, const char *part, bool prefix_ok)
{
    size_t n = strlen(part), k = strlen(key);
    if (k <= n || n == 0)
        return false;
    int spaces = 0;
    for (const char *c = key; *c; c++)
        spaces += *c == ' ';
    if (spaces > 3)
        return false;
    if (prefix_ok && strncmp(key, part, n) == 0 && key[n] == ' ')
        return true;
    return strcmp(key + k - n, part) == 0 && key[k - n - 1] == ' ';
}

/*
 * What a one-word name the tagger took for a person or a place is when it
 * ends like a doctrine: "-ism" names the doctrine itself (Buddhism,
 * communism), which is MISC and stays out of the graph; a name in "-ology"
 * that news writes as a proper noun is, in practice, the body that holds it
 * ("an attorney for Scientology", "critics of Scientology"), an agency.
 * ERG_TYPE_COUNT when the name ends otherwise.
 */
static erg_type doctrine_type(const char *key)
{
    size_t n = strlen(key);
    if (strchr(key, ' '))
        return ERG_TYPE_COUNT;
    if (n > 6 && strcmp(key + n - 5, "ology") == 0)
        return ERG_TYPE_AGENCY;
    if (n > 5 && strcmp(key + n - 3, "ism") == 0)
        return ERG_TYPE_MISC;
    return ERG_TYPE_COUNT;
}

static bool misc_only(const uint32_t votes[ERG_TYPE_COUNT])
{
    for (int t = 0; t < ERG_TYPE_MISC; t++)
        if (votes[t])
            return false;
    return true;
}

/* parent[] of an entity whose mentions name nothing and are dropped. */
#define NOT_A_NAME (-4)

/*
 * Is the key one generic organization word ("ministry", "the university")?
 * Such a word alone, when it joins no longer name of the article, names no
 * body that another article would mean by it: kept, it would make one node
 * of every ministry in the corpus. Words that do name one body in news
 * ("Congress", "Senate", "Treasury", "Parliament", "Army") are not listed.
 */
static bool generic_org_key(const erg_gazetteer *g, const char *key)
{
    if (strncmp(key, "the ", 4) == 0)
        key += 4;
    return listed_word(g, ERG_LIST_GENERIC_ORG, key, strlen(key), false);
}

/*
 * May the one-word organization name part stand for the longer
 * organization name key whose last word it is? A generic word does ("the
 * Commission" of the European Commission), and so does the name after "of"
 * ("Commons" of "House of Commons") and a name whose longer form only puts
 * a country before it ("Treasury" of "U.S. Treasury"); another word before
 * it makes a name of its own ("House" is not the White House). Names of
 * several words ("Security Council") are not asked. Dotted initials before
 * it are a country ("Senate" of "U.S. Senate") or a founder ("Morgan" of
 * "J.P. Morgan"): the surfaces of `full`, whose key is key, tell.
 */
static bool org_tail_ok(const erg_gazetteer *g, const erg_local_entity *full, const char *part)
{
    const char *key = full->key;
    if (strncmp(part, "the ", 4) == 0)
        part += 4;
    if (strchr(part, ' ') || generic_org_key(g, part))
        return true;
    size_t n = strlen(key), m = strlen(part);
    if (n <= m + 1)
        return true;
    size_t lead = n - m - 1;
    if (lead >= 2 && memcmp(key + lead - 2, "of", 2) == 0 && (lead == 2 || key[lead - 3] == ' '))
        return true;
    if (!memchr(key, ' ', lead))
        for (size_t i = 0; i < full->n_surfaces; i++) {
            const char *sf = full->surfaces[i].text;
            size_t w = strcspn(sf, " ");
            if (sf[w] == ' ' && erg_text_dotted_initials(sf, w))
                return true;
        }
    return erg_gazetteer_listed(g, ERG_LIST_PLACE | ERG_LIST_NATIONALITY, key, lead);
}

/*
 * Is every word of the key in the word list (a plural "s" allowed when
 * plural)? "co", "ltd corp" for legal suffixes; "mp", "mps" for roles.
 */
static bool all_words_listed(const erg_gazetteer *g, erg_word_list list, const char *key,
                             bool plural)
{
    if (!g || !*key)
        return false;
    for (const char *w = key; *w;) {
        const char *sp = strchr(w, ' ');
        size_t n = sp ? (size_t)(sp - w) : strlen(w);
        if (!erg_gazetteer_listed(g, list, w, n) &&
            !(plural && n > 2 && w[n - 1] == 's' && erg_gazetteer_listed(g, list, w, n - 1)))
            return false;
        w += n + (sp != NULL);
    }
    return true;
}

/* Is key[0..n) a listed place or nationality ("japan", "japanese", "west german")? */
static bool place_word(const erg_gazetteer *g, const char *key, size_t n)
{
    return erg_gazetteer_listed(g, ERG_LIST_PLACE, key, n) ||
           erg_gazetteer_listed(g, ERG_LIST_NATIONALITY, key, n);
}

/*
 * Is the key a body that every country or district has, named without what
 * it belongs to (generic_bodies.txt, country_bodies.txt)? "finance ministry",
 * "ministry of finance" and "central bank" are, "japanese finance ministry" and "japan's finance
 * ministry" are not: leading place and nationality words qualify a country's body. A listed phrase
 * of several words ("district court") is one of many in a country, so "us district court" is
 * generic too.
 */
static bool generic_body_key(const erg_gazetteer *g, const char *key)
{
    const char *rest = strncmp(key, "the ", 4) == 0 ? key + 4 : key;
    bool qualified = false;
    for (int k = 0; k < 3; k++) {
        /* The longest run of up to three leading words that is a place ("new york"). */
        const char *sp = rest, *best = NULL;
        for (int w = 0; w < 3 && (sp = strchr(sp, ' ')) != NULL; w++, sp++) {
            size_t len = (size_t)(sp - rest);
            if (len > 2 && rest[len - 2] == '\'' && rest[len - 1] == 's')
                len -= 2; /* "japan's finance ministry" */
            if (place_word(g, rest, len))
                best = sp;
        }
        if (!best)
            break;
        rest = best + 1;
        qualified = true;
    }
    /* A listed phrase of several words that ends the name: "district court". */
    for (const char *w = rest; w;) {
        const char *sp = strchr(w, ' ');
        if (sp && erg_gazetteer_listed(g, ERG_LIST_GENERIC_BODY, w, strlen(w)))
            return true;
        w = sp ? sp + 1 : NULL;
    }
    if (qualified)
        return false;
    if (erg_gazetteer_listed(g, ERG_LIST_COUNTRY_BODY, rest, strlen(rest)))
        return true; /* "central bank" */
    const char *last = strrchr(rest, ' ');
    if (last && erg_gazetteer_listed(g, ERG_LIST_GENERIC_BODY, last + 1, strlen(last + 1)))
        return true; /* "finance ministry" */
    const char *sp = strchr(rest, ' ');
    return sp && strncmp(sp, " of ", 4) == 0 && /* "ministry of finance" */
           erg_gazetteer_listed(g, ERG_LIST_GENERIC_BODY, rest, (size_t)(sp - rest));
}

/*
 * A key that names no one however it was tagged: legal suffixes alone ("co",
 * "ltd"), role nouns alone ("mp"), one letter ("p"), a country's body
 * without its country (generic_body_key).
 */
static bool no_name_key(const erg_gazetteer *g, const char *key)
{
    if (strlen(key) == 1)
        return true;
    return all_words_listed(g, ERG_LIST_LEGAL, key, false) ||
           all_words_listed(g, ERG_LIST_ROLE, key, true) || generic_body_key(g, key);
}

/*
 * A key that names a group of people: a nationality, language or religion
 * adjective or its plural ("welsh", "west german", "germans", "muslims").
 * Such a name is no entity unless it joins a longer name of the article
 * ("Christian" of "James Christian", "Quaker" of "Quaker Oats Co").
 */
static bool group_key(const erg_gazetteer *g, const char *key)
{
    size_t n = strlen(key);
    return erg_gazetteer_listed(g, ERG_LIST_NATIONALITY, key, n) ||
           (n > 2 && key[n - 1] == 's' &&
            erg_gazetteer_listed(g, ERG_LIST_NATIONALITY, key, n - 1));
}

/*
 * Length of key without its trailing legal-suffix words and the "and" or "&"
 * before them ("texaco inc" -> 6, "merrill lynch and co inc" -> 13).
 */
static size_t without_legal_suffix(const erg_gazetteer *g, const char *key)
{
    size_t n = strlen(key);
    bool stripped = false;
    for (;;) {
        const char *sp = NULL;
        for (size_t i = n; i-- > 0;)
            if (key[i] == ' ') {
                sp = key + i;
                break;
            }
        if (!sp)
            return n;
        size_t wn = (size_t)(key + n - sp - 1);
        bool joint =
            stripped && ((wn == 3 && memcmp(sp + 1, "and", 3) == 0) || (wn == 1 && sp[1] == '&'));
        if (!joint && !erg_gazetteer_listed(g, ERG_LIST_LEGAL, sp + 1, wn))
            return n;
        n = (size_t)(sp - key);
        stripped = true;
    }
}

/*
 * Is `part` the key `key` without its legal suffixes ("texaco" of "texaco
 * inc")?
 */
static bool legal_short_form(const erg_gazetteer *g, const char *key, const char *part)
{
    size_t n = without_legal_suffix(g, key);
    return n < strlen(key) && strlen(part) == n && strncmp(key, part, n) == 0;
}

/*
 * Is `part` the first words of a company's key, the key ending in a legal
 * suffix ("ford" of "ford motor co", "moody" of "moody's investors service
 * inc")? Business news names a company by its first words after it has
 * given the whole name once.
 */
static bool company_short_form(const erg_gazetteer *g, const char *key, const char *part)
{
    size_t n = without_legal_suffix(g, key), m = strlen(part);
    if (n >= strlen(key) || m >= n || strncmp(key, part, m) != 0)
        return false;
    /* "moody" of "moody's investors service inc": the key drops only a final possessive. */
    return key[m] == ' ' || strncmp(key + m, "'s ", 3) == 0;
}

/*
 * Is `part` the company `full` without the initials its name starts with
 * and without its legal suffixes ("woolworth" of "F.W. Woolworth Co",
 * "searle" of "G.D. Searle and Co")? A firm named after its founder is
 * called by the surname once the article has given the whole name.
 */
static bool founder_short_form(const erg_gazetteer *g, const erg_local_entity *full,
                               const char *part)
{
    const char *key = full->key, *hit = strstr(key, part);
    if (!hit || hit == key)
        return false; /* cheap first: most pairs share no such word */
    size_t n = without_legal_suffix(g, key), m = strlen(part);
    if (n >= strlen(key))
        return false;
    for (size_t i = 0; i < full->n_surfaces; i++) {
        /* Each word of a surface is one word of its key: skip as many as it has initials. */
        const char *s = full->surfaces[i].text, *k = key;
        size_t w;
        while (erg_text_dotted_initials(s, w = strcspn(s, " ")) && s[w] == ' ') {
            s += w + 1;
            const char *sp = strchr(k, ' ');
            if (!sp)
                break;
            k = sp + 1;
        }
        if (k != key && (size_t)(k - key) + m == n && strncmp(k, part, m) == 0)
            return true;
    }
    return false;
}

/*
 * Is `part` the person key `key` without its middle initials ("george bush"
 * of "george w bush")? A middle initial is a one-letter word that is neither
 * first nor last.
 */
static bool initials_short_form(const char *key, const char *part)
{
    const char *first_sp = strchr(key, ' '), *last_sp = strrchr(key, ' ');
    if (!first_sp || first_sp == last_sp)
        return false;
    size_t n = (size_t)(first_sp - key);
    if (strncmp(key, part, n) != 0 || part[n] != ' ')
        return false;
    const char *p = part + n + 1;
    bool dropped = false;
    for (const char *w = first_sp + 1; w <= last_sp;) {
        const char *sp = strchr(w, ' ');
        size_t wn = (size_t)(sp - w);
        if (wn == 1) {
            dropped = true;
        } else {
            if (strncmp(p, w, wn) != 0 || p[wn] != ' ')
                return false;
            p += wn + 1;
        }
        w = sp + 1;
    }
    return dropped && strcmp(p, last_sp + 1) == 0;
}

/*
 * Do the initials of name's words spell the acronym acr ("IBM" of
 * "International Business Machines Corp")? "of", "and", "the", "for", "&"
 * are skipped, and legal suffixes unless with_legal ("FDIC" of "Federal
 * Deposit Insurance Corp"); every other word must be capitalized.
 */
static bool initials_spell(const erg_gazetteer *g, const char *name, const char *acr,
                           bool with_legal)
{
    size_t k = 0, an = strlen(acr);
    for (const char *w = name; *w;) {
        while (*w == ' ' || *w == '-')
            w++;
        size_t n = strcspn(w, " -");
        if (!n)
            break;
        char low[48];
        bool skip = false;
        if (n < sizeof low) {
            size_t m = 0;
            for (size_t i = 0; i < n; i++)
                if (w[i] != '.')
                    low[m++] = (char)tolower((unsigned char)w[i]);
            skip = erg_gazetteer_listed(g, ERG_LIST_ACRONYM_SKIP, low, m) ||
                   (!with_legal && erg_gazetteer_listed(g, ERG_LIST_LEGAL, low, m));
        }
        /* "EC Commission" holds the acronym EC, it is not what EC stands for. */
        if (n == an && memcmp(w, acr, n) == 0)
            return false;
        if (!skip) {
            if (!isupper((unsigned char)w[0]) || k >= an || acr[k] != w[0])
                return false;
            k++;
        }
        w += n;
    }
    return k == an && an >= 2;
}

/*
 * Is entity `le` an all-capitals acronym (one of its surface forms) that the
 * initials of a surface form of the entity `full` spell, with or without
 * the country initials it starts with ("ITC" of "U.S. International Trade
 * Commission")?
 */
static bool acronym_of(const erg_gazetteer *g, const erg_local_entity *le,
                       const erg_local_entity *full)
{
    /* A listed acronym is keyed by what the list expands it to: look at its surfaces. */
    if (!g || (strchr(le->key, ' ') && !le->name) || !strchr(full->key, ' '))
        return false;
    for (size_t i = 0; i < le->n_surfaces; i++) {
        const char *a = le->surfaces[i].text;
        if (!is_acronym(a, strlen(a)) || strchr(a, '.') || strchr(a, '&'))
            continue;
        /* Three letters at least with the legal form's: "EC" is not "Engelhard Corp". */
        for (size_t j = 0; j < full->n_surfaces; j++) {
            const char *f = full->surfaces[j].text;
            const char *rest = f + dotted_lead(f, strlen(f));
            if (initials_spell(g, f, a, false) ||
                (strlen(a) >= 3 && initials_spell(g, f, a, true)) ||
                (rest != f && initials_spell(g, rest, a, false)))
                return true;
        }
    }
    return false;
}

/* Could le be an acronym at all: a surface form of capitals? */
static bool acronym_like(const erg_local_entity *le)
{
    for (size_t k = 0; k < le->n_surfaces; k++)
        if (is_acronym(le->surfaces[k].text, strlen(le->surfaces[k].text)))
            return true;
    return false;
}

/* Is the generic word `head` what "key" is the X of: "church" of "church of scientology"? */
static bool head_of(const char *key, const char *head)
{
    if (strncmp(head, "the ", 4) == 0)
        head += 4;
    size_t n = strlen(head);
    return strncmp(key, head, n) == 0 && strncmp(key + n, " of ", 4) == 0;
}

/*
 * Is the person key `part` (two or more words) a shorter way of writing the
 * person key `key`: the same last word, and every other word of part, in
 * order, a word of key before its last or that word's initial, the first
 * word of part for the first of key ("anders tornquist" and "a b
 * tornquist" of "anders bo tornquist")? part is the shorter key,
 * so that two forms never claim each other.
 */
static bool person_variant(const char *key, const char *part)
{
    const char *kl = strrchr(key, ' '), *pl = strrchr(part, ' ');
    if (!kl || !pl || strcmp(kl, pl) != 0 || strlen(part) >= strlen(key))
        return false;
    const char *k = key;
    for (const char *w = part; w < pl;) {
        size_t wn = strcspn(w, " ");
        bool mapped = false;
        /* The first words go together: "Howard Flight" is no short form of a
         * run-on "MP Howard Flight", nor "John Ash" of "Peter John Ash". */
        while (k < kl && !mapped && (w != part || k == key)) {
            size_t kn = strcspn(k, " ");
            mapped = (kn == wn && strncmp(k, w, wn) == 0) || (wn == 1 && k[0] == w[0]);
            k += kn + 1;
        }
        if (!mapped)
            return false;
        w += wn + 1;
    }
    return true;
}

/* The entity that e ends at along parent[] so far (e itself when unresolved). */
static int32_t join_root(const erg_resolver *r, int32_t e)
{
    for (int hops = 0; hops < 64 && r->parent[e] >= 0 && r->parent[e] != e; hops++)
        e = r->parent[e];
    return e;
}

/* Up to two distinct entities a partial name could join, and whether there are more. */
typedef struct join_candidates {
    int32_t first, second;
    int n; /* distinct roots seen, 3 meaning "three or more" */
} join_candidates;

static void candidates_add(join_candidates *c, int32_t root)
{
    if ((c->n >= 1 && c->first == root) || (c->n >= 2 && c->second == root))
        return;
    if (c->n == 0)
        c->first = root;
    else if (c->n == 1)
        c->second = root;
    if (c->n < 3)
        c->n++;
}

/*
 * A person name of several words that is a shorter way of writing exactly
 * one longer person name of the article (person_variant) joins it, so that
 * a surname both forms end with has one owner. Set before the partial
 * names are joined; an ambiguous variant stays an entity of its own.
 */
static void join_person_variants(erg_resolver *r, const erg_local_entities *out)
{
    for (size_t e = 0; e < out->n; e++) {
        const erg_local_entity *le = &out->items[e];
        if (r->parent[e] != (int32_t)e || le->name || misc_only(r->votes[e]) ||
            winning_type(r->votes[e]) != ERG_TYPE_PERSON || !strchr(le->key, ' '))
            continue;
        int32_t found = -1;
        int matches = 0;
        for (size_t f = 0; f < out->n; f++)
            if (f != e && r->parent[f] != NOT_A_NAME && !r->title_only[f] &&
                !misc_only(r->votes[f]) && winning_type(r->votes[f]) == ERG_TYPE_PERSON &&
                person_variant(out->items[f].key, le->key)) {
                found = (int32_t)f;
                matches++;
            }
        if (matches == 1)
            r->parent[e] = found;
    }
}

/*
 * The one person of the article whose name of three or four words has the
 * one-word person name of entity e as an inner word ("Endara" of "Guillermo
 * David Endara Galimany": a paternal surname), or -1. A listed first name
 * ("Scott" of "Matthew Scott Porter") or place is a middle name or a place,
 * not the name the person goes by.
 */
static int32_t inner_name_owner(const erg_resolver *r, const erg_local_entities *out, size_t e)
{
    const char *w = out->items[e].key;
    size_t n = strlen(w);
    if (!r->gaz || strchr(w, ' ') || n < 3 ||
        erg_gazetteer_listed(r->gaz, ERG_LIST_FIRST_NAME | ERG_LIST_PLACE, w, n))
        return -1;
    join_candidates owners = {-1, -1, 0};
    for (size_t f = 0; f < out->n; f++) {
        const char *k = out->items[f].key;
        const char *first = strchr(k, ' '), *last = strrchr(k, ' ');
        if (f == e || r->parent[f] == NOT_A_NAME || r->title_only[f] || !first || first == last ||
            misc_only(r->votes[f]) || winning_type(r->votes[f]) != ERG_TYPE_PERSON)
            continue;
        int spaces = 0;
        for (const char *c = k; *c; c++)
            spaces += *c == ' ';
        if (spaces > 3)
            continue;
        for (const char *p = first + 1; p < last; p += strcspn(p, " ") + 1)
            if (strcspn(p, " ") == n && strncmp(p, w, n) == 0) {
                candidates_add(&owners, join_root(r, (int32_t)f));
                break;
            }
    }
    return owners.n == 1 ? owners.first : -1;
}

/*
 * Joins a partial name to the one longer name of the article that starts or
 * ends with it: "Park" -> "Park Geun-hye", "the Kim regime" -> Kim Jong-un,
 * "Reconnaissance Bureau" -> "General Reconnaissance Bureau", "the South"
 * -> "South Korea". The tagger's class for the partial name is not trusted
 * (it often calls a lone surname a place), except that a name tagged MISC
 * joins only a person, and an outlet joins only the one outlet whose name
 * ends with it ("Times" of "New York Times"). When several
 * longer names could claim a person's partial name it is left unresolved
 * (parent -2); other ambiguous partial names stay entities of their own.
 * An organization's partial name is its tail only ("Security Council" of
 * "United Nations Security Council"; "United Nations" is another body), or
 * a generic word that heads it ("the Church" of "Church of Scientology"), and
 * a name that an alias list knows is complete. A name seen only in the
 * title line is no target, and is dropped unless it joins a name of the body:
 * a tagger reads "Google Appeals E.U. Antitrust Ruling" as one name.
 * One generic organization word that joins nothing is no name (NOT_A_NAME).
 * parent[e] = e for an entity that stays.
 */
static void join_partial_names(erg_resolver *r, const erg_local_entities *out)
{
    /* A country's body without its country ("Finance Ministry", "Central
     * Bank") may still join the one qualified name of the article that ends
     * with it ("Dutch Central Bank"); alone it is no name (below). */
    for (size_t e = 0; e < out->n; e++)
        r->parent[e] = !out->items[e].name && ((no_name_key(r->gaz, out->items[e].key) &&
                                                !generic_body_key(r->gaz, out->items[e].key)) ||
                                               r->people[e])
                           ? NOT_A_NAME
                           : (int32_t)e;
    join_person_variants(r, out);
    for (size_t e = 0; e < out->n; e++) {
        const erg_local_entity *le = &out->items[e];
        bool misc = misc_only(r->votes[e]);
        if (r->parent[e] != (int32_t)e)
            continue;
        erg_type type = winning_type(r->votes[e]);
        bool acr = acronym_like(le);
        if (le->name && acr && !misc && (type == ERG_TYPE_AGENCY || type == ERG_TYPE_OUTLET)) {
            /* A listed acronym whose expansion the article writes is that one. */
            int32_t only = -1;
            int fits = 0;
            for (size_t f = 0; f < out->n; f++)
                if (f != e && r->parent[f] != NOT_A_NAME && !misc_only(r->votes[f]) &&
                    winning_type(r->votes[f]) != ERG_TYPE_PERSON &&
                    acronym_of(r->gaz, le, &out->items[f])) {
                    only = (int32_t)f;
                    fits++;
                }
            if (fits == 1)
                r->parent[e] = only;
        }
        if (le->name)
            continue;
        if (!misc && type == ERG_TYPE_OUTLET) {
            /* "the Times" after "the New York Times": the one outlet of the
             * article whose name ends with it; kept alone across articles, the
             * head would make one node of every Times. */
            join_candidates outlets = {-1, -1, 0};
            for (size_t f = 0; f < out->n; f++)
                if (f != e && !r->title_only[f] && r->parent[f] != NOT_A_NAME &&
                    !misc_only(r->votes[f]) && winning_type(r->votes[f]) == ERG_TYPE_OUTLET &&
                    key_has_edge_words(out->items[f].key, le->key, false))
                    candidates_add(&outlets, join_root(r, (int32_t)f));
            if (outlets.n == 1)
                r->parent[e] = outlets.first;
            continue;
        }
        bool prefix_ok = misc || type == ERG_TYPE_PERSON || type == ERG_TYPE_PLACE;
        bool generic = !misc && type == ERG_TYPE_AGENCY && generic_org_key(r->gaz, le->key);
        int32_t exact = -1;
        int n_exact = 0;
        /* Counted by the entity each candidate ends at: "Dearle" has one owner
         * when "J. H. Dearle" joined "John Henry Dearle". */
        join_candidates all = {-1, -1, 0}, persons = {-1, -1, 0};
        int32_t inner;
        for (size_t f = 0; f < out->n; f++) {
            if (f == e || misc_only(r->votes[f]) || r->title_only[f] || r->parent[f] == NOT_A_NAME)
                continue;
            const char *fk = out->items[f].key;
            erg_type ft = winning_type(r->votes[f]);
            bool person_pair = !misc && type == ERG_TYPE_PERSON && ft == ERG_TYPE_PERSON;
            bool org_pair = !misc && type != ERG_TYPE_PERSON && ft == ERG_TYPE_AGENCY;
            if (!(key_has_edge_words(fk, le->key, prefix_ok) || (generic && head_of(fk, le->key)) ||
                  (org_pair && legal_short_form(r->gaz, fk, le->key)) ||
                  (!misc && ft == ERG_TYPE_AGENCY && type != ERG_TYPE_PLACE &&
                   (company_short_form(r->gaz, fk, le->key) ||
                    founder_short_form(r->gaz, &out->items[f], le->key))) ||
                  (person_pair && initials_short_form(fk, le->key)) ||
                  (acr && !misc && ft != ERG_TYPE_PERSON &&
                   acronym_of(r->gaz, le, &out->items[f]))))
                continue;
            if (!key_has_edge_words(fk, le->key, prefix_ok) && !(generic && head_of(fk, le->key))) {
                /* the short-form rules carry their own type checks */
                candidates_add(&all, join_root(r, (int32_t)f));
                /* The name without its legal suffix beats a longer name it starts. */
                if (org_pair && legal_short_form(r->gaz, fk, le->key)) {
                    exact = (int32_t)f;
                    n_exact++;
                }
                continue;
            }
            if (misc && winning_type(r->votes[f]) != ERG_TYPE_PERSON)
                continue;
            /* A given name alone needs a person's context: a listed place that the
             * tagger did not call a person ("moved to Paris") is not Paris Hilton. */
            if (type != ERG_TYPE_PERSON && !key_has_edge_words(fk, le->key, false) && r->gaz &&
                erg_gazetteer_listed(r->gaz, ERG_LIST_PLACE, le->key, strlen(le->key)))
                continue;
            if (!misc && type == ERG_TYPE_AGENCY && ft == ERG_TYPE_AGENCY &&
                !org_tail_ok(r->gaz, &out->items[f], le->key))
                continue;
            /* "Andy Warhol" is not a part of "Andy Warhol Foundation": an organization
             * named after a person starts with the person's whole name. */
            /* A place is not a short form of an organization named after it:
             * "Canada" of "Air Canada", "Texas" of "Texas A&M". */
            if (!misc && type == ERG_TYPE_PLACE &&
                (winning_type(r->votes[f]) == ERG_TYPE_AGENCY ||
                 winning_type(r->votes[f]) == ERG_TYPE_OUTLET))
                continue;
            /* A firm's first words are its name however the tagger read them
             * ("Hughes balked" of "Hughes Tool Co"), unless they are a
             * person's whole name ("Philip Crosby" of "Philip Crosby
             * Associates Inc"); an organization named after a person
             * without a legal form is not that person. */
            if (type == ERG_TYPE_PERSON && winning_type(r->votes[f]) != ERG_TYPE_PERSON &&
                !key_has_edge_words(out->items[f].key, le->key, false) &&
                !(ft == ERG_TYPE_AGENCY && company_short_form(r->gaz, fk, le->key) &&
                  !starts_with_first_name(r, le->key, false)))
                continue;
            candidates_add(&all, join_root(r, (int32_t)f));
            if (ft == ERG_TYPE_PERSON)
                candidates_add(&persons, join_root(r, (int32_t)f));
        }
        if (all.n == 1)
            r->parent[e] = all.first;
        else if (n_exact == 1)
            r->parent[e] = exact;
        else if (!misc && type == ERG_TYPE_PERSON && persons.n == 1)
            r->parent[e] = persons.first; /* "Thurman" of one person, not of "Congress Thurman" */
        else if (all.n > 1 && (misc || type == ERG_TYPE_PERSON))
            r->parent[e] = -2;
        else if (all.n == 0 && !misc && type == ERG_TYPE_PERSON &&
                 (inner = inner_name_owner(r, out, e)) >= 0)
            r->parent[e] = inner;
        else if (misc)
            r->parent[e] = -1; /* MISC is never an entity of its own */
    }
    for (size_t e = 0; e < out->n; e++) {
        if (r->parent[e] != (int32_t)e)
            continue;
        /* A name only the title line has is most often a run-on of a Title Case headline. */
        if (r->title_only[e])
            r->parent[e] = -1;
        else if (!out->items[e].name && winning_type(r->votes[e]) == ERG_TYPE_AGENCY &&
                 generic_org_key(r->gaz, out->items[e].key))
            r->parent[e] = NOT_A_NAME;
        else if (!out->items[e].name && generic_body_key(r->gaz, out->items[e].key))
            r->parent[e] = NOT_A_NAME;
        else if (!out->items[e].name && group_key(r->gaz, out->items[e].key))
            r->parent[e] = NOT_A_NAME;
    }
    /* A chain (e -> f -> g) ends at g; an unresolved end leaves e unresolved. */
    for (size_t e = 0; e < out->n; e++) {
        int32_t p = r->parent[e];
        while (p >= 0 && r->parent[p] != p)
            p = r->parent[p];
        r->parent[e] = p;
    }
}

/* Moves the merged entities' mentions and surfaces to their targets and compacts the list. */
static erg_status apply_joins(erg_resolver *r, erg_mentions *mentions, erg_local_entities *out)
{
    /* Mentions of an entity that is no name are dropped; unresolved ones stay. */
    size_t kept = 0;
    for (size_t i = 0; i < mentions->n; i++) {
        const erg_mention *m = &mentions->items[i];
        if (m->entity >= 0 && r->parent[m->entity] == NOT_A_NAME)
            continue;
        mentions->items[kept++] = *m;
    }
    mentions->n = kept;
    int32_t *newidx = r->parent; /* reused: after the loop below it maps old -> new */
    for (size_t e = 0; e < out->n; e++) {
        int32_t p = r->parent[e];
        if (p < 0 || (size_t)p == e)
            continue;
        erg_local_entity *from = &out->items[e], *to = &out->items[p];
        for (size_t s = 0; s < from->n_surfaces; s++)
            if (add_surface(to, from->surfaces[s].text, strlen(from->surfaces[s].text),
                            from->surfaces[s].count) != ERG_OK)
                return ERG_ENOMEM;
        to->mentions += from->mentions;
        /* The partial name's votes count for the full name's type. */
        uint32_t total = 0;
        for (int t = 0; t < ERG_TYPE_COUNT; t++)
            total += r->votes[e][t];
        r->votes[p][winning_type(r->votes[p])] += total;
    }
    /* parent[] points at chain ends, which stay, so one pass settles. */
    size_t w = 0;
    for (size_t e = 0; e < out->n; e++) {
        int32_t p = r->parent[e];
        if (p >= 0 && (size_t)p == e) {
            if (w != e) {
                erg_local_entity tmp = out->items[w];
                out->items[w] = out->items[e];
                out->items[e] = tmp;
                memcpy(r->votes[w], r->votes[e], sizeof r->votes[w]);
            }
            newidx[e] = (int32_t)w++;
        } else {
            newidx[e] = p < 0 ? -1 : -3 - p; /* -3 - p: "follow p", decoded below */
        }
    }
    for (size_t e = 0; e < out->n; e++)
        if (newidx[e] <= -3)
            newidx[e] = newidx[-3 - newidx[e]];
    for (size_t i = 0; i < mentions->n; i++)
        if (mentions->items[i].entity >= 0)
            mentions->items[i].entity = newidx[mentions->items[i].entity];
    /* The merged-away entities now sit at w.. ; free their strings, keep their arrays. */
    for (size_t e = w; e < out->n; e++)
        entity_clear(&out->items[e]);
    out->n = w;
    return ERG_OK;
}

/* Is token i of doc the possessive "'s" or "’s" (which the tokenizer splits off)? */
static bool is_possessive(const char *text, const erg_doc *doc, size_t i)
{
    if (i >= doc->n_tokens)
        return false;
    const erg_token *t = &doc->tokens[i];
    size_t n = t->end - t->start;
    return (n == 2 && memcmp(text + t->start, "'s", 2) == 0) ||
           (n == 4 && memcmp(text + t->start, "\xe2\x80\x99s", 4) == 0);
}

/* Is the key of text [start, end) a name the alias tables or the outlet list know? */
static bool known_name(erg_resolver *r, const char *text, uint32_t start, uint32_t end)
{
    if (erg_text_name_key(text + start, end - start, &r->key) != ERG_OK || !r->key.data)
        return false;
    return alias_get(r->aliases, r->key.data) ||
           (r->gaz && erg_gazetteer_outlet(r->gaz, r->key.data));
}

/*
 * Does a place's possessive qualify a country's body: "Japan" and "Finance
 * Ministry" of "Japan's Finance Ministry"? The body alone names nothing
 * (generic_body_key); with the place it is Japan's.
 */
static bool qualifies_body(erg_resolver *r, const char *text, const erg_mention *place,
                           const erg_mention *body)
{
    if (!r->gaz || place->type != ERG_TYPE_PLACE || body->type == ERG_TYPE_PERSON ||
        erg_text_name_key(text + body->start, body->end - body->start, &r->key) != ERG_OK ||
        !r->key.data || !generic_body_key(r->gaz, r->key.data))
        return false;
    return erg_text_name_key(text + place->start, body->end - place->start, &r->key) == ERG_OK &&
           r->key.data && !generic_body_key(r->gaz, r->key.data);
}

/*
 * The tokenizer splits a possessive off its word, so a tagger sees "Democratic
 * People" and "Republic of Korea" in "Democratic People’s Republic of Korea"
 * (or "Democratic" and "People’s Republic of Korea"). Two mentions that touch,
 * or are joined by a possessive, become one when the whole is a name the
 * alias tables know, or a country's body that the place before it qualifies
 * ("Japan's Finance Ministry").
 */
static void join_possessive_names(erg_resolver *r, const char *text, const erg_doc *doc,
                                  erg_mentions *mentions)
{
    size_t w = 0;
    for (size_t i = 0; i < mentions->n; i++) {
        erg_mention *m = &mentions->items[i];
        if (w > 0) {
            erg_mention *prev = &mentions->items[w - 1];
            bool possessive =
                prev->tok_end + 1 == m->tok_first && is_possessive(text, doc, prev->tok_end);
            bool adjacent = prev->tok_end == m->tok_first;
            if ((possessive || adjacent) && prev->sentence == m->sentence &&
                (known_name(r, text, prev->start, m->end) ||
                 (possessive && qualifies_body(r, text, prev, m)))) {
                if (!known_name(r, text, prev->start, m->end)) {
                    prev->type = m->type;
                    prev->cls = m->cls;
                }
                prev->rule = ERG_RULE_POSSESSIVE_NAME;
                prev->end = m->end;
                prev->tok_end = m->tok_end;
                continue;
            }
        }
        mentions->items[w++] = *m;
    }
    mentions->n = w;
}

/* The one person of the article whose multi-word key starts or ends with `word`, or -1. */
static int32_t person_by_edge_word(const erg_local_entities *out, const char *word)
{
    int32_t found = -1;
    for (size_t e = 0; e < out->n; e++) {
        const erg_local_entity *le = &out->items[e];
        if (le->type != ERG_TYPE_PERSON || !key_has_edge_words(le->key, word, true))
            continue;
        if (found >= 0)
            return -1;
        found = (int32_t)e;
    }
    return found;
}

static erg_status insert_mention(erg_mentions *mentions, size_t at, const erg_mention *m)
{
    if (erg_grow((void **)&mentions->items, &mentions->cap, mentions->n + 1,
                 sizeof *mentions->items) != ERG_OK)
        return ERG_ENOMEM;
    memmove(&mentions->items[at + 1], &mentions->items[at], (mentions->n - at) * sizeof *m);
    mentions->items[at] = *m;
    mentions->n++;
    return ERG_OK;
}

/* Short capitalized English words that may follow a name without being part of it. */
static bool short_english_word(const erg_gazetteer *g, const char *s, size_t n)
{
    return listed_word(g, ERG_LIST_SHORT_WORD, s, n, false);
}

/*
 * Finds the surnames the tagger missed once the article's people are known:
 * a capitalized word that is not in any mention and is the first or last word
 * of exactly one person's name ("Park’s government has denied" after "Park
 * Geun-hye"). At the start of a sentence, where any word is capitalized, only
 * a possessive ("Park’s") counts.
 */
static erg_status find_missed_surnames(erg_resolver *r, const char *text, const erg_doc *doc,
                                       erg_mentions *mentions, erg_local_entities *out)
{
    size_t next = 0; /* first mention that ends after the token */
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const erg_sentence *sen = &doc->sentences[s];
        for (uint32_t t = sen->first; t < sen->end; t++) {
            const erg_token *tok = &doc->tokens[t];
            while (next < mentions->n && mentions->items[next].end <= tok->start)
                next++;
            if (next < mentions->n && mentions->items[next].start < tok->end)
                continue; /* inside a mention */
            /* Right after a name the word is that name's tail the tagger cut off ("Marine Le" Pen).
             */
            if (next > 0 && t > sen->first && mentions->items[next - 1].tok_end == t)
                continue;
            if (!(tok->flags & ERG_TOK_UPPER) || !(tok->flags & ERG_TOK_WORD) ||
                tok->end - tok->start < 3 ||
                short_english_word(r->gaz, text + tok->start, tok->end - tok->start))
                continue;
            if (t == sen->first && (t + 1 >= sen->end || !is_possessive(text, doc, t + 1)))
                continue;
            if (erg_text_name_key(text + tok->start, tok->end - tok->start, &r->key) != ERG_OK)
                return ERG_ENOMEM;
            if (!r->key.data || strchr(r->key.data, ' '))
                continue;
            int32_t e = person_by_edge_word(out, r->key.data);
            if (e < 0)
                continue;
            erg_mention m = {0};
            m.start = tok->start;
            m.end = tok->end;
            m.tok_first = t;
            m.tok_end = t + 1;
            m.sentence = (uint32_t)s;
            m.type = ERG_TYPE_PERSON;
            m.cls = ERG_CLASS_PER;
            m.entity = e;
            m.rule = ERG_RULE_MISSED_SURNAME;
            if (insert_mention(mentions, next, &m) != ERG_OK ||
                add_surface(&out->items[e], text + tok->start, tok->end - tok->start, 1) != ERG_OK)
                return ERG_ENOMEM;
            out->items[e].mentions++;
            next++;
        }
    }
    return ERG_OK;
}

/*
 * The sentence that is the article's title line, or -1: the first paragraph
 * when it is one sentence without final punctuation and more paragraphs
 * follow (a plain-text article's headline).
 */
static long title_sentence(const char *text, const erg_doc *doc)
{
    if (doc->n_paragraphs < 2 || doc->n_sentences < 2 || doc->sentences[1].paragraph == 0)
        return -1;
    const erg_sentence *s = &doc->sentences[0];
    const erg_token *last = &doc->tokens[s->end - 1];
    unsigned char c = (unsigned char)text[last->end - 1];
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')' ||
        (last->end - last->start == 3 && (unsigned char)text[last->start] == 0xe2))
        return -1; /* ends like a sentence (also with a closing quote or an ellipsis) */
    return 0;
}

static bool starts_with_the(const char *text, const erg_mention *m)
{
    return m->end - m->start > 4 && memcmp(text + m->start, "The ", 4) == 0;
}

/*
 * "The Church of Scientology" at the start of a sentence or in a Title Case
 * headline: the capital says nothing there, so "The" is part of an agency's
 * name only when the article writes the name with it at least as often as
 * without. Outlets keep it ("The Guardian").
 */
static void drop_capital_the(const char *text, erg_mentions *mentions)
{
    for (size_t i = 0; i < mentions->n; i++) {
        erg_mention *m = &mentions->items[i];
        if (m->type != ERG_TYPE_AGENCY || m->entity < 0 || m->tok_end - m->tok_first < 2 ||
            !starts_with_the(text, m))
            continue;
        int bare = 0;
        for (size_t k = 0; k < mentions->n; k++)
            if (mentions->items[k].entity == m->entity)
                bare += starts_with_the(text, &mentions->items[k]) ? -1 : 1;
        if (bare <= 0)
            continue;
        m->tok_first++;
        m->start += 4;
        m->rule = ERG_RULE_DROP_CAPITAL_THE;
    }
}

/*
 * Three-syllable East Asian names are often written without the hyphen
 * ("Kim Jong Un", "Kim Jong Il"), and a tagger trained on other names then
 * stops before the last syllable. A person name of two or more words takes
 * the next word when it is a capitalized syllable of two or three letters
 * ("Un", "Il", "Hye") that is not a short English word.
 */
static void extend_name_syllables(const erg_gazetteer *gaz, const char *text, const erg_doc *doc,
                                  erg_mentions *mentions)
{
    for (size_t i = 0; i < mentions->n; i++) {
        erg_mention *m = &mentions->items[i];
        if (m->type != ERG_TYPE_PERSON || m->tok_end - m->tok_first < 2 ||
            m->tok_end >= doc->n_tokens ||
            (i + 1 < mentions->n && mentions->items[i + 1].tok_first == m->tok_end))
            continue;
        const erg_sentence *sen = &doc->sentences[m->sentence];
        const erg_token *t = &doc->tokens[m->tok_end];
        size_t n = t->end - t->start;
        const char *w = text + t->start;
        if (m->tok_end >= sen->end || n < 2 || n > 3 || t->start != m->end + 1 ||
            !(t->flags & ERG_TOK_UPPER) || !(t->flags & ERG_TOK_WORD) ||
            !(w[1] >= 'a' && w[1] <= 'z') || short_english_word(gaz, w, n))
            continue;
        m->end = t->end;
        m->tok_end++;
        m->rule = ERG_RULE_NAME_SYLLABLE;
    }
}

/*
 * A name the tagger cut short on the left takes the capitalized words before
 * it when, with them, it is a name an alias list knows: "Liberal Democrat"
 * where the tagger left "Liberal" out and called "Democrat" a US party
 * adjective. At most two words, in the mention's sentence, not part of
 * another mention.
 */
static erg_status extend_to_alias(erg_resolver *r, const char *text, const erg_doc *doc,
                                  erg_mentions *mentions)
{
    for (size_t i = 0; i < mentions->n; i++) {
        erg_mention *m = &mentions->items[i];
        const erg_sentence *sen = &doc->sentences[m->sentence];
        uint32_t first = m->tok_first;
        if (m->tok_end <= m->tok_first)
            continue;
        /* A last word of plain letters that ends no listed name: nothing to find. */
        const erg_token *lt = &doc->tokens[m->tok_end - 1];
        bool plain = true;
        for (uint32_t b = lt->start; b < lt->end && plain; b++)
            plain = isalnum((unsigned char)text[b]) != 0;
        if (plain) {
            uint32_t h = tail_hash(text + lt->start, lt->end - lt->start);
            if (!(r->aliases->tails[h >> 6] & (1ull << (h & 63))))
                continue;
        }
        uint32_t floor = i > 0 && mentions->items[i - 1].sentence == m->sentence
                             ? mentions->items[i - 1].tok_end
                             : sen->first;
        for (int k = 0; k < 2 && first > floor; k++) {
            const erg_token *t = &doc->tokens[first - 1];
            if (!(t->flags & ERG_TOK_UPPER) || !(t->flags & ERG_TOK_WORD))
                break;
            first--;
            if (erg_text_name_key(text + doc->tokens[first].start,
                                  m->end - doc->tokens[first].start, &r->key) != ERG_OK)
                return ERG_ENOMEM;
            if (r->key.data && alias_get(r->aliases, r->key.data)) {
                m->start = doc->tokens[first].start;
                m->tok_first = first;
                m->rule = ERG_RULE_EXTEND_TO_ALIAS;
                break;
            }
        }
    }
    return ERG_OK;
}

/* Is name (an alias list's canonical name) a political party the knowledge lists know? */
static bool listed_party(erg_resolver *r, const char *name)
{
    const erg_knowledge *k = r->gaz ? erg_gazetteer_knowledge(r->gaz) : NULL;
    erg_word w[ERG_KNOW_MAX_WORDS];
    size_t n = 0;
    for (const char *p = name; k && *p;) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if (q == p)
            break;
        if (n == ERG_KNOW_MAX_WORDS)
            return false;
        w[n++] = (erg_word){p, (size_t)(q - p)};
        p = q;
    }
    unsigned kinds = 0;
    return n && erg_knowledge_phrase(k, w, n, &r->know, &kinds) == ERG_OK &&
           (kinds & ERG_KNOW_PARTY);
}

/*
 * "Lib Dem Norman Baker": a person's name whose first one or two words are
 * a party an alias list knows, then a listed first name and at least one
 * more word, ran the party into the person; they become two mentions. Only
 * parties (the knowledge lists say so). Not an organization's name that
 * goes on after the party ("SNP Holyrood leader", "UKIP Scotland"): that is
 * a part of the party, a name of its own.
 */
static erg_status split_party_prefix(erg_resolver *r, const char *text, const erg_doc *doc,
                                     erg_mentions *mentions)
{
    if (!r->gaz)
        return ERG_OK;
    for (size_t i = 0; i < mentions->n; i++) {
        erg_mention *m = &mentions->items[i];
        uint32_t n = m->tok_end - m->tok_first;
        if (n < 3 || m->type != ERG_TYPE_PERSON)
            continue;
        for (uint32_t k = 1; k <= 2 && n - k >= 2; k++) {
            uint32_t rest = m->tok_first + k;
            const erg_token *t = &doc->tokens[rest];
            if (!(t->flags & ERG_TOK_UPPER) ||
                erg_text_name_key(text + t->start, t->end - t->start, &r->key) != ERG_OK ||
                !r->key.data ||
                !erg_gazetteer_listed(r->gaz, ERG_LIST_FIRST_NAME, r->key.data, r->key.len))
                continue;
            uint32_t party_end = doc->tokens[rest - 1].end;
            if (erg_text_name_key(text + m->start, party_end - m->start, &r->key) != ERG_OK)
                return ERG_ENOMEM;
            const alias_entry *a = r->key.data ? alias_get(r->aliases, r->key.data) : NULL;
            if (!a || a->type != ERG_TYPE_AGENCY || !listed_party(r, a->name))
                continue;
            if (erg_grow((void **)&mentions->items, &mentions->cap, mentions->n + 1,
                         sizeof *mentions->items) != ERG_OK)
                return ERG_ENOMEM;
            m = &mentions->items[i];
            memmove(m + 1, m, (mentions->n - i) * sizeof *m);
            mentions->n++;
            m->end = party_end;
            m->tok_end = rest;
            m->type = ERG_TYPE_AGENCY;
            m->rule = ERG_RULE_PARTY_PREFIX;
            m[1].start = t->start;
            m[1].tok_first = rest;
            m[1].rule = ERG_RULE_PARTY_PREFIX;
            i++;
            break;
        }
    }
    return ERG_OK;
}

/*
 * Marks r->people[e] for the entities counted as a group of people: a
 * one-word name, not listed and not in capitals, typed agency, right after a
 * quantifier of quantifiers.txt and before a verb or the end of a clause
 * ("many Roma had good reason", "most Caribs live"). Organizations are not
 * counted that way; "many Ford dealers" (a plural noun after the name: a
 * lower-case word ending in "s") is a name used as a modifier, and is left,
 * as is a generic organization word ("many Bank staff").
 */
static void find_people_groups(erg_resolver *r, const char *text, const erg_doc *doc,
                               const erg_mentions *mentions, const erg_local_entities *out)
{
    for (size_t e = 0; e < out->n; e++)
        r->people[e] = false;
    if (!r->gaz)
        return;
    for (size_t i = 0; i < mentions->n; i++) {
        const erg_mention *m = &mentions->items[i];
        if (m->entity < 0 || m->tok_end != m->tok_first + 1 || m->tok_end >= doc->n_tokens ||
            m->tok_first <= doc->sentences[m->sentence].first)
            continue;
        const erg_local_entity *le = &out->items[m->entity];
        if (le->name || strchr(le->key, ' ') || generic_org_key(r->gaz, le->key) ||
            winning_type(r->votes[m->entity]) != ERG_TYPE_AGENCY)
            continue;
        bool lower = false;
        for (uint32_t b = m->start; b < m->end && !lower; b++)
            lower = text[b] >= 'a' && text[b] <= 'z';
        const erg_token *q = &doc->tokens[m->tok_first - 1], *next = &doc->tokens[m->tok_end];
        size_t qn = q->end - q->start, nn = next->end - next->start;
        char low[16];
        if (!lower || qn >= sizeof low)
            continue;
        for (size_t k = 0; k < qn; k++)
            low[k] = (char)tolower((unsigned char)text[q->start + k]);
        if (!erg_gazetteer_listed(r->gaz, ERG_LIST_QUANTIFIER, low, qn))
            continue;
        bool clause_end = !(next->flags & ERG_TOK_WORD);
        bool verb_like = (next->flags & ERG_TOK_WORD) && !(next->flags & ERG_TOK_UPPER) &&
                         text[next->start + nn - 1] != 's';
        if (clause_end || verb_like)
            r->people[m->entity] = true;
    }
}

/*
 * An organization the tagger cut short on the left takes the capitalized word
 * before it in mid-sentence: "led by First Boston Corp", where the tagger
 * read "First" as the ordinal ("Home Savings", "Consolidated Foods" alike).
 * Only after a word or a comma (not after a quote or a colon, which open a
 * sentence of their own), and not when that word is the sentence's first,
 * opens sentences ("What", "But"), is written in capitals (a headline),
 * holds a hyphen ("London-based") or a dot, or is a listed role, title,
 * nationality, place or first name ("Chairman", "Japanese", "Tokyo",
 * "Gordon"), which stand before a name without being part of it.
 */
static void extend_org_left(const erg_resolver *r, const char *text, const erg_doc *doc,
                            erg_mentions *mentions)
{
    if (!r->gaz)
        return;
    for (size_t i = 0; i < mentions->n; i++) {
        erg_mention *m = &mentions->items[i];
        if (m->cls != ERG_CLASS_ORG || m->type != ERG_TYPE_AGENCY)
            continue;
        const erg_sentence *sen = &doc->sentences[m->sentence];
        uint32_t floor = i > 0 && mentions->items[i - 1].sentence == m->sentence
                             ? mentions->items[i - 1].tok_end
                             : sen->first + 1;
        if (m->tok_first <= floor)
            continue;
        const erg_token *t = &doc->tokens[m->tok_first - 1];
        const char *w = text + t->start;
        size_t n = t->end - t->start;
        const erg_token *before = t - 1;
        bool after_word = (before->flags & ERG_TOK_WORD) ||
                          (before->end - before->start == 1 && text[before->start] == ',');
        if (!(t->flags & ERG_TOK_UPPER) || !(t->flags & ERG_TOK_WORD) || n < 2 ||
            !(w[1] >= 'a' && w[1] <= 'z') || memchr(w, '-', n) || memchr(w, '.', n) ||
            t->end + 1 != m->start || !after_word || erg_text_is_opener(w, n))
            continue;
        char low[32];
        if (n >= sizeof low)
            continue;
        for (size_t k = 0; k < n; k++)
            low[k] = (char)tolower((unsigned char)w[k]);
        if (erg_gazetteer_listed(
                r->gaz, ERG_LIST_ROLE | ERG_LIST_NATIONALITY | ERG_LIST_PLACE | ERG_LIST_FIRST_NAME,
                low, n))
            continue;
        m->start = t->start;
        m->tok_first--;
        m->rule = ERG_RULE_EXTEND_ORG_LEFT;
    }
}

/*
 * Is the token t (and, for an entry of two words, with the token before it,
 * not before first) an entry of alias_cues.txt?
 */
static bool alias_cue_before(const erg_gazetteer *g, const char *text, const erg_doc *doc,
                             uint32_t first, uint32_t t)
{
    const erg_token *w = &doc->tokens[t];
    if (erg_gazetteer_listed(g, ERG_LIST_ALIAS_CUE, text + w->start, w->end - w->start))
        return true;
    if (t == first || doc->tokens[t - 1].end + 1 != w->start)
        return false;
    const erg_token *v = &doc->tokens[t - 1];
    return erg_gazetteer_listed(g, ERG_LIST_ALIAS_CUE, text + v->start, w->end - v->start);
}

/*
 * A person's second name that the text gives as one ("Mary Stone (born Mary
 * Kell)", "Kell, known as Stone"): the next mention in the sentence, at most
 * six tokens after, right after a cue of alias_cues.txt. When both end at
 * person entities of their own (no short form of a longer name), the
 * second's entity joins the first's. Works on
 * the settled parent[] of join_partial_names, before apply_joins.
 */
static void join_text_aliases(erg_resolver *r, const char *text, const erg_doc *doc,
                              const erg_mentions *mentions, const erg_local_entities *out)
{
    if (!r->gaz)
        return;
    for (size_t i = 0; i + 1 < mentions->n; i++) {
        const erg_mention *a = &mentions->items[i], *b = &mentions->items[i + 1];
        if (a->entity < 0 || b->entity < 0 || a->sentence != b->sentence ||
            b->tok_first <= a->tok_end || b->tok_first - a->tok_end > 6)
            continue;
        int32_t ra = r->parent[a->entity], rb = r->parent[b->entity];
        /* Both names as written, not short forms that joined a longer name
         * ("named Alan, known as Victor" is neither Alan Brooke nor Victor Brooke). */
        if (ra != a->entity || rb != b->entity || winning_type(r->votes[ra]) != ERG_TYPE_PERSON ||
            winning_type(r->votes[rb]) != ERG_TYPE_PERSON || misc_only(r->votes[ra]) ||
            misc_only(r->votes[rb]) || out->items[rb].name)
            continue;
        if (!alias_cue_before(r->gaz, text, doc, a->tok_end, b->tok_first - 1))
            continue;
        for (size_t e = 0; e < out->n; e++)
            if (r->parent[e] == rb)
                r->parent[e] = ra;
    }
}

erg_status erg_resolve_article(erg_resolver *r, const char *text, const erg_doc *doc,
                               erg_mentions *mentions, erg_local_entities *out, erg_error *err)
{
    entities_reset(out);
    join_possessive_names(r, text, doc, mentions);
    extend_name_syllables(r->gaz, text, doc, mentions);
    if (extend_to_alias(r, text, doc, mentions) != ERG_OK ||
        split_party_prefix(r, text, doc, mentions) != ERG_OK)
        return erg_error_oom(err);
    extend_org_left(r, text, doc, mentions);
    if (describe_mentions(r, text, mentions) != ERG_OK ||
        find_acronyms(r, text, doc, mentions) != ERG_OK)
        return erg_error_oom(err);

    for (size_t i = 0; i < mentions->n; i++) {
        erg_mention *m = &mentions->items[i];
        const mention_info *mi = &r->info[i];
        m->entity = -1;
        /* MISC mentions are grouped too, so that "the Kim regime" can join Kim Jong-un. */
        if (mi->key_len == 0)
            continue;
        const char *key = info_key(r, mi);
        size_t e = 0;
        while (e < out->n && strcmp(out->items[e].key, key) != 0)
            e++;
        if (e == out->n) {
            if (grow_entity_scratch(r, e + 1) != ERG_OK)
                return erg_error_oom(err);
            erg_local_entity *le = entities_push(out);
            if (!le || !(le->key = erg_strndup(key, mi->key_len)))
                return erg_error_oom(err);
            memset(r->votes[e], 0, sizeof r->votes[e]);
        }
        erg_local_entity *le = &out->items[e];
        if (mi->canonical && !le->name && !(le->name = erg_strdup(mi->canonical)))
            return erg_error_oom(err);
        le->mentions++;
        r->votes[e][m->type]++;
        m->entity = (int32_t)e;
        if (add_surface(le, r->displays.data + mi->display_off, mi->display_len, 1) != ERG_OK)
            return erg_error_oom(err);
    }

    long title = title_sentence(text, doc);
    for (size_t e = 0; e < out->n; e++)
        r->title_only[e] = title >= 0;
    for (size_t i = 0; i < mentions->n; i++) {
        const erg_mention *m = &mentions->items[i];
        if (m->entity >= 0 && (long)m->sentence != title)
            r->title_only[m->entity] = false;
    }
    find_people_groups(r, text, doc, mentions, out);
    join_partial_names(r, out);
    join_text_aliases(r, text, doc, mentions, out);
    if (apply_joins(r, mentions, out) != ERG_OK)
        return erg_error_oom(err);
    for (size_t e = 0; e < out->n; e++)
        r->shown_person[e] = false;
    for (size_t i = 0; i < mentions->n; i++) {
        const erg_mention *m = &mentions->items[i];
        if (m->entity >= 0 && m->type == ERG_TYPE_PERSON && m->cls != ERG_CLASS_PER)
            r->shown_person[m->entity] = true;
    }

    for (size_t e = 0; e < out->n; e++) {
        erg_local_entity *le = &out->items[e];
        le->type = winning_type(r->votes[e]);
        /* A first name the tagger once called a person is one; a one-word
         * name ("Gloria", "Jordan") only when the context showed it. */
        if (le->type != ERG_TYPE_PERSON && r->votes[e][ERG_TYPE_PERSON] > 0 && !le->name &&
            starts_with_first_name(r, le->key, r->shown_person[e]))
            le->type = ERG_TYPE_PERSON;
        if ((le->type == ERG_TYPE_PERSON || le->type == ERG_TYPE_PLACE) && !le->name &&
            doctrine_type(le->key) != ERG_TYPE_COUNT)
            le->type = doctrine_type(le->key);
        if (le->name)
            continue;
        const char *best = le->key;
        size_t best_len = 0;
        for (size_t i = 0; i < le->n_surfaces; i++) {
            size_t len = strlen(le->surfaces[i].text);
            if (len > best_len) {
                best = le->surfaces[i].text;
                best_len = len;
            }
        }
        if (!(le->name = erg_strdup(best)))
            return erg_error_oom(err);
    }
    if (find_missed_surnames(r, text, doc, mentions, out) != ERG_OK)
        return erg_error_oom(err);
    /* A resolved mention takes its entity's type, so that every output agrees. */
    for (size_t i = 0; i < mentions->n; i++) {
        erg_mention *m = &mentions->items[i];
        if (m->entity >= 0 && m->type != out->items[m->entity].type) {
            m->type = out->items[m->entity].type;
            m->rule = ERG_RULE_ENTITY_TYPE;
        }
    }
    drop_capital_the(text, mentions);
    return ERG_OK;
}
