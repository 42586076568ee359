/*
 * erg eval-relations: scores the person-organization relations of the
 * typed-relation patterns against the re3d annotations.
 *
 * The gold entity spans of re3d are the mentions, so the score measures the
 * patterns (erg_relate_typed), not the tagger or the resolver. Per document,
 * gold BelongsTo and InChargeOf relations from a Person to an Organisation
 * become (subject, object, kind) triples of entity merge keys; the relations
 * erg finds become triples the same way; the two sets are compared.
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char eval_relations_usage[] =
    "usage: erg eval-relations [OPTIONS] DIR\n"
    "\n"
    "Scores the person-organization relations that erg's patterns find against\n"
    "the re3d annotations (github.com/dstl/re3d). DIR is the re3d folder, with\n"
    "one folder per source holding documents.json, entities.json and\n"
    "relations.json, or one such source folder.\n"
    "\n"
    "re3d's own entity spans are the mentions (Person -> person, Organisation ->\n"
    "agency, Location -> place, Nationality -> misc; a person span that holds\n"
    "a person or organization name gives way to it, else the longer span wins),\n"
    "so the score measures the relation patterns and not the tagger. Gold\n"
    "BelongsTo is scored against member_of (and spokesperson_for, a kind of\n"
    "membership), InChargeOf against leads, both only from a Person to an\n"
    "Organisation.\n"
    "Pairs are compared per document by the entities' merge keys.\n"
    "\n"
    "  -c, --min-confidence X  ignore gold relations with a lower confidence\n"
    "                          (0 to 1; default 0: all)\n"
    "  -v, --verbose           list every pair: ok, extra (found, not annotated)\n"
    "                          and miss (annotated, not found), with the text\n"
    "  -h, --help              show this help\n"
    "\n"
    "Example:\n"
    "  erg eval-relations ../shared/data/relations/re3d\n";

/* re3d entity categories that matter here. */
typedef enum re_cat { RE_OTHER = 0, RE_PERSON, RE_ORG, RE_LOC, RE_NAT } re_cat;

/* Relation kinds that are scored: the two gold types. */
enum { SK_MEMBER = 0, SK_LEADS, SK_COUNT };
static const char *const sk_names[SK_COUNT] = {"member_of", "leads"};

/* A gold entity span: code points [cb, ce) of the document, its category. */
typedef struct re_span {
    uint32_t cb, ce;
    re_cat cat;
    double conf;
    /* Filled for spans that can be mentions: */
    uint32_t bb, be; /* bytes */
    uint32_t tf, te; /* tokens */
    uint32_t sentence;
    bool usable; /* maps to whole tokens of one sentence */
    bool kept;   /* left after resolving nested and overlapping spans */
    int32_t mention;
} re_span;

/* One (subject, object, kind) triple of entity keys, with evidence. */
typedef struct triple {
    int kind;
    char *a, *b;     /* merge keys */
    char *na, *nb;   /* names to print */
    uint32_t lo, hi; /* evidence bytes */
    bool matched;
} triple;

typedef struct triples {
    triple *items;
    size_t n, cap;
} triples;

typedef struct eval_state {
    double min_conf;
    bool verbose;
    size_t folders, documents, spans_skipped, gold_untyped, gold_unmapped;
    uint64_t gold[SK_COUNT], found[SK_COUNT], correct[SK_COUNT];
    size_t found_spokes;
    /* Reused across documents. */
    erg_doc doc;
    erg_mentions mentions;
    erg_local_entities entities;
    erg_relations rels;
    erg_buf key;
    uint32_t *cp_bytes; /* byte offset of each code point, and of the end */
    size_t cp_cap;
    re_span *spans;
    size_t n_spans, spans_cap;
} eval_state;

static void triples_clear(triples *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->items[i].a);
        free(t->items[i].b);
        free(t->items[i].na);
        free(t->items[i].nb);
    }
    t->n = 0;
}

static void triples_release(triples *t)
{
    triples_clear(t);
    free(t->items);
    t->items = NULL;
    t->cap = 0;
}

/* Adds a triple unless the same (kind, a, b) is there; false when out of memory. */
static bool triples_add(triples *t, int kind, const char *a, const char *b, const char *na,
                        const char *nb, uint32_t lo, uint32_t hi)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->items[i].kind == kind && strcmp(t->items[i].a, a) == 0 &&
            strcmp(t->items[i].b, b) == 0)
            return true;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        triple *p = realloc(t->items, cap * sizeof *p);
        if (!p)
            return false;
        t->items = p;
        t->cap = cap;
    }
    triple *x = &t->items[t->n];
    x->kind = kind;
    x->a = erg_strdup(a);
    x->b = erg_strdup(b);
    x->na = erg_strdup(na);
    x->nb = erg_strdup(nb);
    x->lo = lo;
    x->hi = hi;
    x->matched = false;
    t->n++;
    return x->a && x->b && x->na && x->nb;
}

/* ---- reading re3d's JSON Lines (mongoexport) -------------------------------- */

/*
 * Reads path, one JSON object a line, into a new array (*out, caller's).
 * A UTF-8 byte order mark and blank lines are skipped.
 */
static erg_status load_lines(const char *path, json_t **out, erg_error *err)
{
    char *data = NULL;
    size_t len = 0;
    erg_status st = erg_read_file(path, &data, &len, err);
    if (st != ERG_OK)
        return st;
    json_t *arr = json_array();
    if (!arr) {
        free(data);
        return erg_error_oom(err);
    }
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    long line = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && data[j] != '\n')
            j++;
        line++;
        size_t k = i;
        while (k < j && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r'))
            k++;
        if (k < j) {
            json_error_t jerr;
            json_t *obj = json_loadb(data + i, j - i, 0, &jerr);
            if (!obj || !json_is_object(obj)) {
                json_decref(obj);
                st = erg_error_set(err, ERG_EJSON, path, line, (long long)i, "%s",
                                   obj ? "not a JSON object" : jerr.text);
                goto fail;
            }
            if (json_array_append_new(arr, obj) != 0) {
                st = erg_error_oom(err);
                goto fail;
            }
        }
        i = j + 1;
    }
    free(data);
    *out = arr;
    return ERG_OK;
fail:
    free(data);
    json_decref(arr);
    return st;
}

static const char *str_field(const json_t *o, const char *name)
{
    const char *s = json_string_value(json_object_get(o, name));
    return s ? s : "";
}

/* An integer field, or -1 when absent or not a non-negative integer. */
static long long int_field(const json_t *o, const char *name)
{
    const json_t *v = json_object_get(o, name);
    if (json_is_integer(v) && json_integer_value(v) >= 0)
        return json_integer_value(v);
    return -1;
}

static re_cat cat_of(const char *type)
{
    if (strcmp(type, "Person") == 0)
        return RE_PERSON;
    if (strcmp(type, "Organisation") == 0)
        return RE_ORG;
    if (strcmp(type, "Location") == 0)
        return RE_LOC;
    if (strcmp(type, "Nationality") == 0)
        return RE_NAT;
    return RE_OTHER;
}

static erg_type erg_type_of(re_cat c)
{
    switch (c) {
    case RE_PERSON:
        return ERG_TYPE_PERSON;
    case RE_ORG:
        return ERG_TYPE_AGENCY;
    case RE_LOC:
        return ERG_TYPE_PLACE;
    default:
        return ERG_TYPE_MISC;
    }
}

/* ---- one document ----------------------------------------------------------- */

/* The span with code points [cb, ce), or -1. */
static int32_t find_span(const eval_state *e, long long cb, long long ce)
{
    for (size_t i = 0; i < e->n_spans; i++)
        if (e->spans[i].cb == cb && e->spans[i].ce == ce)
            return (int32_t)i;
    return -1;
}

/* Collects the document's entity spans, one per code-point range (the most confident type). */
static bool collect_spans(eval_state *e, const json_t *ents, const char *doc_id, size_t n_cp)
{
    e->n_spans = 0;
    size_t i;
    json_t *o;
    json_array_foreach(ents, i, o)
    {
        if (strcmp(str_field(o, "documentId"), doc_id) != 0)
            continue;
        long long cb = int_field(o, "begin"), ce = int_field(o, "end");
        if (cb < 0 || ce <= cb || (size_t)ce > n_cp) {
            e->spans_skipped++;
            continue;
        }
        double conf = json_number_value(json_object_get(o, "confidence"));
        re_cat cat = cat_of(str_field(o, "type"));
        int32_t k = find_span(e, cb, ce);
        if (k >= 0) {
            if (conf > e->spans[k].conf) {
                e->spans[k].conf = conf;
                e->spans[k].cat = cat;
            }
            continue;
        }
        if (e->n_spans == e->spans_cap) {
            size_t cap = e->spans_cap ? e->spans_cap * 2 : 64;
            re_span *p = realloc(e->spans, cap * sizeof *p);
            if (!p)
                return false;
            e->spans = p;
            e->spans_cap = cap;
        }
        re_span *s = &e->spans[e->n_spans++];
        memset(s, 0, sizeof *s);
        s->cb = (uint32_t)cb;
        s->ce = (uint32_t)ce;
        s->cat = cat;
        s->conf = conf;
        s->mention = -1;
    }
    return true;
}

/* Maps spans to bytes, tokens and sentences; marks the ones that fit whole tokens of one sentence.
 */
static void place_spans(eval_state *e)
{
    const erg_doc *d = &e->doc;
    for (size_t i = 0; i < e->n_spans; i++) {
        re_span *s = &e->spans[i];
        s->bb = e->cp_bytes[s->cb];
        s->be = e->cp_bytes[s->ce];
        s->usable = false;
        if (s->cat == RE_OTHER)
            continue;
        uint32_t tf = 0;
        while (tf < d->n_tokens && d->tokens[tf].end <= s->bb)
            tf++;
        uint32_t te = tf;
        while (te < d->n_tokens && d->tokens[te].start < s->be)
            te++;
        if (te == tf)
            continue;
        uint32_t sen = 0;
        while (sen < d->n_sentences && d->sentences[sen].end <= tf)
            sen++;
        if (sen == d->n_sentences || te > d->sentences[sen].end) {
            e->spans_skipped++;
            continue;
        }
        s->tf = tf;
        s->te = te;
        s->sentence = sen;
        s->usable = true;
    }
}

static const eval_state *sort_state;

static int by_position(const void *x, const void *y)
{
    const re_span *a = &sort_state->spans[*(const uint32_t *)x];
    const re_span *b = &sort_state->spans[*(const uint32_t *)y];
    if (a->tf != b->tf)
        return a->tf < b->tf ? -1 : 1;
    if (a->te != b->te)
        return a->te > b->te ? -1 : 1; /* longer first */
    if (a->conf != b->conf)
        return a->conf > b->conf ? -1 : 1;
    return a->cb < b->cb ? -1 : a->cb > b->cb;
}

/*
 * Chooses non-overlapping mentions, as a tagger would give them. re3d also
 * marks titles and descriptions as persons ("Foreign Office Minister Tobias
 * Ellwood", "commander of the Amphibious Task Group", "HRW's deputy Middle
 * East director"); such a person span gives way to the person and
 * organization names inside it that were annotated with a positive
 * confidence. Then the earlier and longer span wins an overlap ("the Assad
 * regime" over "Assad", "Combined Joint Task Force" over "Joint Task Force").
 */
static bool choose_mentions(eval_state *e)
{
    uint32_t *order = malloc((e->n_spans + 1) * sizeof *order);
    if (!order)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < e->n_spans; i++) {
        re_span *a = &e->spans[i];
        a->kept = false;
        if (!a->usable)
            continue;
        bool holds_name = false;
        for (size_t j = 0; j < e->n_spans && !holds_name && a->cat == RE_PERSON; j++) {
            const re_span *b = &e->spans[j];
            holds_name = j != i && b->usable && b->conf > 0 &&
                         (b->cat == RE_PERSON || b->cat == RE_ORG) && b->tf >= a->tf &&
                         b->te <= a->te && b->te - b->tf < a->te - a->tf;
        }
        if (!holds_name)
            order[n++] = (uint32_t)i;
    }
    sort_state = e;
    qsort(order, n, sizeof *order, by_position);
    uint32_t end = 0;
    for (size_t k = 0; k < n; k++) {
        re_span *s = &e->spans[order[k]];
        if (s->tf < end)
            continue;
        s->kept = true;
        end = s->te;
    }
    free(order);
    return true;
}

static void entities_clear(erg_local_entities *ents)
{
    for (size_t i = 0; i < ents->n; i++) {
        free(ents->items[i].name);
        free(ents->items[i].key);
        ents->items[i].name = ents->items[i].key = NULL;
    }
    ents->n = 0;
}

/* Builds mentions (in text order) and entities (one per merge key) from the kept spans. */
static erg_status build_mentions(eval_state *e, const char *text, erg_error *err)
{
    erg_mentions *ms = &e->mentions;
    erg_local_entities *ents = &e->entities;
    ms->n = 0;
    entities_clear(ents);
    /* Kept spans do not overlap, so token order is text order. */
    for (uint32_t t = 0; t < e->doc.n_tokens; t++) {
        for (size_t i = 0; i < e->n_spans; i++) {
            re_span *s = &e->spans[i];
            if (!s->kept || s->tf != t)
                continue;
            if (ms->n == ms->cap) {
                size_t cap = ms->cap ? ms->cap * 2 : 64;
                erg_mention *p = realloc(ms->items, cap * sizeof *p);
                if (!p)
                    return erg_error_oom(err);
                ms->items = p;
                ms->cap = cap;
            }
            erg_mention *m = &ms->items[ms->n];
            m->start = s->bb;
            m->end = s->be;
            m->tok_first = s->tf;
            m->tok_end = s->te;
            m->sentence = s->sentence;
            m->type = erg_type_of(s->cat);
            m->cls = s->cat == RE_PERSON ? ERG_CLASS_PER
                     : s->cat == RE_ORG  ? ERG_CLASS_ORG
                     : s->cat == RE_LOC  ? ERG_CLASS_LOC
                                         : ERG_CLASS_MISC;
            m->entity = -1;
            s->mention = (int32_t)ms->n;
            ms->n++;
            if (m->type == ERG_TYPE_MISC)
                continue;
            if (erg_text_name_key(text + m->start, m->end - m->start, &e->key) != ERG_OK)
                return erg_error_oom(err);
            if (e->key.len == 0)
                continue;
            size_t k = 0;
            while (k < ents->n && strcmp(ents->items[k].key, e->key.data) != 0)
                k++;
            if (k == ents->n) {
                if (ents->n == ents->cap) {
                    size_t cap = ents->cap ? ents->cap * 2 : 32;
                    erg_local_entity *p = realloc(ents->items, cap * sizeof *p);
                    if (!p)
                        return erg_error_oom(err);
                    memset(p + ents->cap, 0, (cap - ents->cap) * sizeof *p);
                    ents->items = p;
                    ents->cap = cap;
                }
                erg_local_entity *le = &ents->items[ents->n++];
                le->key = erg_strndup(e->key.data, e->key.len);
                le->name = erg_strndup(text + m->start, m->end - m->start);
                le->type = m->type;
                le->mentions = 0;
                if (!le->key || !le->name)
                    return erg_error_oom(err);
            }
            ents->items[k].mentions++;
            m->entity = (int32_t)k;
        }
    }
    return ERG_OK;
}

/*
 * The entity key that a gold relation end (code points [cb, ce), category
 * cat) maps to: its own mention's entity; else the last kept mention of the
 * same category inside it; else the kept mention of that category around
 * it; else the key of its own text (a gold end that no mention carries).
 */
static erg_status end_key(eval_state *e, const char *text, int32_t span, erg_buf *key,
                          const char **name, bool *mapped)
{
    const re_span *g = &e->spans[span];
    int32_t m = g->kept ? g->mention : -1;
    if (m < 0 && g->usable) {
        for (size_t i = 0; i < e->n_spans; i++) {
            const re_span *s = &e->spans[i];
            if (s->kept && s->cat == g->cat && s->tf >= g->tf && s->te <= g->te)
                m = s->mention;
        }
        for (size_t i = 0; i < e->n_spans && m < 0; i++) {
            const re_span *s = &e->spans[i];
            if (s->kept && s->cat == g->cat && s->tf <= g->tf && s->te >= g->te)
                m = s->mention;
        }
    }
    *mapped = m >= 0 && e->mentions.items[m].entity >= 0;
    if (*mapped) {
        const erg_local_entity *le = &e->entities.items[e->mentions.items[m].entity];
        *name = le->name;
        erg_buf_clear(key);
        return erg_buf_puts(key, le->key);
    }
    *name = NULL;
    return erg_text_name_key(text + g->bb, g->be - g->bb, key);
}

/* Prints "what kind 'a' -> 'b' [source id]: text" with the text on one line, cut to fit. */
static void print_pair(const char *what, const triple *t, const char *source, const char *id,
                       const char *text)
{
    erg_buf sh[5];
    for (size_t k = 0; k < sizeof sh / sizeof *sh; k++)
        erg_buf_init(&sh[k]);
    printf("%-5s %-9s '%s' -> '%s' [%s %.8s]: ", what, sk_names[t->kind], cli_show(&sh[0], t->na),
           cli_show(&sh[1], t->nb), cli_show(&sh[2], source), cli_show(&sh[3], id));
    uint32_t n = t->hi - t->lo;
    bool cut = n > 240;
    if (cut)
        n = 240;
    if (erg_buf_put_escaped(&sh[4], text + t->lo, n, ERG_ESCAPE_WS_SPACE) == ERG_OK && sh[4].data)
        fputs(sh[4].data, stdout);
    puts(cut ? "..." : "");
    for (size_t k = 0; k < sizeof sh / sizeof *sh; k++)
        erg_buf_release(&sh[k]);
}

static erg_status eval_document(eval_state *e, const char *source, const json_t *d,
                                const json_t *ents, const json_t *rels, erg_error *err)
{
    const char *id = str_field(d, "_id");
    const json_t *jt = json_object_get(d, "text");
    if (!json_is_string(jt))
        return ERG_OK;
    const char *text = json_string_value(jt);
    size_t len = json_string_length(jt);
    erg_status st;
    triples gold = {0}, found = {0};
    erg_buf kb, ka;
    erg_buf_init(&kb);
    erg_buf_init(&ka);

    /* Code points to bytes: re3d counts characters. */
    if (len + 1 > e->cp_cap) {
        uint32_t *p = realloc(e->cp_bytes, (len + 1) * sizeof *p);
        if (!p)
            return erg_error_oom(err);
        e->cp_bytes = p;
        e->cp_cap = len + 1;
    }
    size_t n_cp = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        e->cp_bytes[n_cp++] = (uint32_t)i;
        i += erg_utf8_decode(text + i, len - i, &cp);
    }
    e->cp_bytes[n_cp] = (uint32_t)len;

    if ((st = erg_text_tokenize(&e->doc, text, len, err)) != ERG_OK)
        goto cleanup;
    if (!collect_spans(e, ents, id, n_cp)) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    place_spans(e);
    if (!choose_mentions(e)) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    if ((st = build_mentions(e, text, err)) != ERG_OK)
        goto cleanup;
    e->rels.n = 0;
    unsigned mask = ERG_TYPES_DEFAULT | ERG_TYPE_BIT(ERG_TYPE_PLACE);
    if ((st = erg_relate_typed(text, &e->doc, &e->mentions, &e->entities, mask, &e->rels, err)) !=
        ERG_OK)
        goto cleanup;

    for (size_t i = 0; i < e->rels.n; i++) {
        const erg_relation *r = &e->rels.items[i];
        int k;
        if (r->kind == ERG_KIND_MEMBER_OF || r->kind == ERG_KIND_SPOKESPERSON_FOR)
            k = SK_MEMBER;
        else if (r->kind == ERG_KIND_LEADS)
            k = SK_LEADS;
        else
            continue;
        if (r->kind == ERG_KIND_SPOKESPERSON_FOR)
            e->found_spokes++;
        const erg_local_entity *a = &e->entities.items[r->a], *b = &e->entities.items[r->b];
        if (!triples_add(&found, k, a->key, b->key, a->name, b->name, r->start, r->end)) {
            st = erg_error_oom(err);
            goto cleanup;
        }
    }

    size_t i;
    json_t *o;
    json_array_foreach(rels, i, o)
    {
        if (strcmp(str_field(o, "documentId"), id) != 0)
            continue;
        const char *type = str_field(o, "type");
        int k = strcmp(type, "BelongsTo") == 0    ? SK_MEMBER
                : strcmp(type, "InChargeOf") == 0 ? SK_LEADS
                                                  : -1;
        if (k < 0 || json_number_value(json_object_get(o, "confidence")) < e->min_conf)
            continue;
        int32_t s = find_span(e, int_field(o, "sourceBegin"), int_field(o, "sourceEnd"));
        int32_t t = find_span(e, int_field(o, "targetBegin"), int_field(o, "targetEnd"));
        if (s < 0 || t < 0) {
            e->gold_untyped++;
            continue;
        }
        if (e->spans[s].cat != RE_PERSON || e->spans[t].cat != RE_ORG)
            continue;
        const char *na, *nb;
        bool ma, mb;
        if ((st = end_key(e, text, s, &ka, &na, &ma)) != ERG_OK ||
            (st = end_key(e, text, t, &kb, &nb, &mb)) != ERG_OK)
            goto cleanup;
        if (!ma || !mb)
            e->gold_unmapped++;
        uint32_t lo = e->spans[s].bb < e->spans[t].bb ? e->spans[s].bb : e->spans[t].bb;
        uint32_t hi = e->spans[s].be > e->spans[t].be ? e->spans[s].be : e->spans[t].be;
        char *sa = na ? NULL : erg_strndup(text + e->spans[s].bb, e->spans[s].be - e->spans[s].bb);
        char *sb = nb ? NULL : erg_strndup(text + e->spans[t].bb, e->spans[t].be - e->spans[t].bb);
        bool ok = (na || sa) && (nb || sb) &&
                  triples_add(&gold, k, ka.data, kb.data, na ? na : sa, nb ? nb : sb, lo, hi);
        free(sa);
        free(sb);
        if (!ok) {
            st = erg_error_oom(err);
            goto cleanup;
        }
    }

    for (size_t g = 0; g < gold.n; g++)
        for (size_t f = 0; f < found.n; f++)
            if (!found.items[f].matched && gold.items[g].kind == found.items[f].kind &&
                strcmp(gold.items[g].a, found.items[f].a) == 0 &&
                strcmp(gold.items[g].b, found.items[f].b) == 0) {
                gold.items[g].matched = found.items[f].matched = true;
                break;
            }
    for (size_t g = 0; g < gold.n; g++) {
        e->gold[gold.items[g].kind]++;
        e->correct[gold.items[g].kind] += gold.items[g].matched;
    }
    for (size_t f = 0; f < found.n; f++)
        e->found[found.items[f].kind]++;
    if (e->verbose) {
        for (size_t f = 0; f < found.n; f++)
            print_pair(found.items[f].matched ? "ok" : "extra", &found.items[f], source, id, text);
        for (size_t g = 0; g < gold.n; g++)
            if (!gold.items[g].matched)
                print_pair("miss", &gold.items[g], source, id, text);
    }
    e->documents++;
cleanup:
    triples_release(&gold);
    triples_release(&found);
    erg_buf_release(&ka);
    erg_buf_release(&kb);
    return st;
}

/* ---- folders ---------------------------------------------------------------- */

/* Writes dir/name into buf; false when it does not fit. */
static bool path_join(char *buf, size_t cap, const char *dir, const char *name)
{
    int n = snprintf(buf, cap, "%s/%s", dir, name);
    return n >= 0 && (size_t)n < cap;
}

static bool has_documents(const char *dir)
{
    char path[4096];
    struct stat sb;
    return path_join(path, sizeof path, dir, "documents.json") && stat(path, &sb) == 0 &&
           S_ISREG(sb.st_mode);
}

static erg_status eval_folder(eval_state *e, const char *dir, const char *name, erg_error *err)
{
    char path[4096];
    json_t *docs = NULL, *ents = NULL, *rels = NULL;
    erg_status st = ERG_OK;
    static const char *const files[3] = {"documents.json", "entities.json", "relations.json"};
    json_t **into[3] = {&docs, &ents, &rels};
    for (int f = 0; f < 3; f++) {
        if (!path_join(path, sizeof path, dir, files[f])) {
            st = erg_error_set(err, ERG_EINVAL, dir, 0, -1, "path too long");
            goto cleanup;
        }
        if ((st = load_lines(path, into[f], err)) != ERG_OK)
            goto cleanup;
    }
    size_t i;
    json_t *d;
    json_array_foreach(docs, i, d)
    {
        if ((st = eval_document(e, name, d, ents, rels, err)) != ERG_OK) {
            if (!err->source[0] &&
                !path_join(err->source, sizeof err->source, dir, "documents.json"))
                err->source[0] = '\0';
            goto cleanup;
        }
    }
    e->folders++;
cleanup:
    json_decref(docs);
    json_decref(ents);
    json_decref(rels);
    return st;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The source folders: dir itself when it holds documents.json, else its sub-folders that do. */
static erg_status list_folders(const char *dir, char ***out, size_t *n, erg_error *err)
{
    *out = NULL;
    *n = 0;
    if (has_documents(dir)) {
        *out = malloc(sizeof **out);
        if (!*out || !((*out)[0] = erg_strdup(dir)))
            return erg_error_oom(err);
        *n = 1;
        return ERG_OK;
    }
    DIR *dp = opendir(dir);
    if (!dp)
        return erg_error_set(err, ERG_EIO, dir, 0, -1, "cannot open folder: %s", strerror(errno));
    size_t cap = 0;
    struct dirent *de;
    erg_status st = ERG_OK;
    while ((de = readdir(dp)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char path[4096];
        if (!path_join(path, sizeof path, dir, de->d_name) || !has_documents(path))
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **p = realloc(*out, cap * sizeof *p);
            if (!p) {
                st = erg_error_oom(err);
                break;
            }
            *out = p;
        }
        if (!((*out)[*n] = erg_strdup(de->d_name))) {
            st = erg_error_oom(err);
            break;
        }
        (*n)++;
    }
    closedir(dp);
    if (st == ERG_OK && *n == 0)
        st = erg_error_set(err, ERG_ENOTFOUND, dir, 0, -1,
                           "no documents.json in it or in its sub-folders");
    if (st == ERG_OK)
        qsort(*out, *n, sizeof **out, by_name);
    return st;
}

static void print_row(const char *name, uint64_t gold, uint64_t found, uint64_t correct)
{
    double p = found ? (double)correct / (double)found : 0.0;
    double r = gold ? (double)correct / (double)gold : 0.0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    printf("%-10s %6llu %6llu %8llu %10.3f %7.3f %6.3f\n", name, (unsigned long long)gold,
           (unsigned long long)found, (unsigned long long)correct, p, r, f);
}

int cmd_eval_relations(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"min-confidence", required_argument, NULL, 'c'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    eval_state e;
    memset(&e, 0, sizeof e);
    int opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":c:vh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'c': {
            char *end;
            e.min_conf = strtod(optarg, &end);
            if (*end || end == optarg || !(e.min_conf >= 0 && e.min_conf <= 1))
                return cli_usage("eval-relations", "--min-confidence takes a number from 0 to 1");
            break;
        }
        case 'v':
            e.verbose = true;
            break;
        case 'h':
            fputs(eval_relations_usage, stdout);
            return CLI_OK;
        default:
            return cli_bad_option("eval-relations", opt, argv);
        }
    }
    if (optind >= argc)
        return cli_usage("eval-relations", "no re3d folder given");
    if (argc - optind > 1)
        return cli_usage("eval-relations", "one re3d folder only");
    const char *dir = argv[optind];

    erg_error err;
    erg_error_clear(&err);
    char **names = NULL;
    size_t n_names = 0;
    int rc = CLI_OK;
    erg_doc_init(&e.doc);
    erg_mentions_init(&e.mentions);
    erg_relations_init(&e.rels);
    erg_buf_init(&e.key);
    if (list_folders(dir, &names, &n_names, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    bool single = has_documents(dir);
    for (size_t i = 0; i < n_names; i++) {
        char path[4096];
        bool fits = single ? strlen(dir) < sizeof path && strcpy(path, dir)
                           : path_join(path, sizeof path, dir, names[i]);
        if (!fits) {
            rc = cli_failf("'%s': path too long", dir);
            goto cleanup;
        }
        const char *base = strrchr(names[i], '/');
        if (eval_folder(&e, path, base && base[1] ? base + 1 : names[i], &err) != ERG_OK) {
            rc = cli_fail(&err);
            goto cleanup;
        }
    }
    if (e.verbose)
        putchar('\n');
    printf("re3d person-organization relations, gold entity spans as mentions\n");
    printf("%zu folder%s, %zu documents; %zu gold relation%s without typed ends%s\n", e.folders,
           e.folders == 1 ? "" : "s", e.documents, e.gold_untyped, e.gold_untyped == 1 ? "" : "s",
           e.min_conf > 0 ? " (after --min-confidence)" : "");
    printf("%-10s %6s %6s %8s %10s %7s %6s\n", "kind", "gold", "found", "correct", "precision",
           "recall", "F1");
    uint64_t tg = 0, tf = 0, tc = 0;
    for (int k = 0; k < SK_COUNT; k++) {
        print_row(sk_names[k], e.gold[k], e.found[k], e.correct[k]);
        tg += e.gold[k];
        tf += e.found[k];
        tc += e.correct[k];
    }
    print_row("overall", tg, tf, tc);
    printf("gold BelongsTo -> member_of, InChargeOf -> leads (Person -> Organisation);\n"
           "found spokesperson_for (%zu) counted as member_of; %zu gold pair%s with an end\n"
           "that no chosen mention carries\n",
           e.found_spokes, e.gold_unmapped, e.gold_unmapped == 1 ? "" : "s");
cleanup:
    for (size_t i = 0; i < n_names; i++)
        free(names[i]);
    free(names);
    erg_doc_release(&e.doc);
    entities_clear(&e.entities);
    free(e.entities.items);
    erg_mentions_release(&e.mentions);
    erg_relations_release(&e.rels);
    erg_buf_release(&e.key);
    free(e.cp_bytes);
    free(e.spans);
    return rc;
}
