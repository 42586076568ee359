/*
 * graph_json.c: the native graph file (node-link JSON), written one record
 * per line so that memory stays with the graph and diffs stay readable.
 */
#include "graph_private.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define TYPE_MASK_ALL                                                                              \
    (ERG_TYPE_BIT(ERG_TYPE_PERSON) | ERG_TYPE_BIT(ERG_TYPE_AGENCY) |                               \
     ERG_TYPE_BIT(ERG_TYPE_OUTLET) | ERG_TYPE_BIT(ERG_TYPE_PLACE))

/* The words of the "window" field of a partial graph, in erg_window order. */
static const char *const window_names[] = {"sentence", "paragraph", "article"};

/* ---- writing ---- */

/*
 * The writer builds each record in a buffer by hand: it is several times
 * faster than building jansson objects, and the bytes are fixed by this
 * code alone. Strings are valid UTF-8 (checked on the way in), so only '"',
 * '\\' and control characters need escaping.
 */
static void put_str(erg_buf *b, bool *ok, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    if (erg_buf_reserve(b, strlen(s) * 6 + 2) != ERG_OK) {
        *ok = false;
        return;
    }
    char *w = b->data + b->len;
    *w++ = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            *w++ = '\\';
            *w++ = (char)c;
        } else if (c < 0x20) {
            *w++ = '\\';
            switch (c) {
            case '\n':
                *w++ = 'n';
                break;
            case '\t':
                *w++ = 't';
                break;
            case '\r':
                *w++ = 'r';
                break;
            default:
                *w++ = 'u';
                *w++ = '0';
                *w++ = '0';
                *w++ = hex[c >> 4];
                *w++ = hex[c & 15];
            }
        } else {
            *w++ = (char)c;
        }
    }
    *w++ = '"';
    *w = '\0';
    b->len = (size_t)(w - b->data);
}

static void put_raw(erg_buf *b, bool *ok, const char *s)
{
    if (erg_buf_puts(b, s) != ERG_OK)
        *ok = false;
}

/* ,"key":"value" (nothing when value is NULL); first omits the comma. */
static void put_field_str(erg_buf *b, bool *ok, const char *key, const char *value, bool first)
{
    if (!value)
        return;
    put_raw(b, ok, first ? "\"" : ",\"");
    put_raw(b, ok, key);
    put_raw(b, ok, "\":");
    put_str(b, ok, value);
}

/* Written by hand: printf's format parsing was a seventh of the writing time. */
static void put_field_u32(erg_buf *b, bool *ok, const char *key, uint32_t v)
{
    char digits[10];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    size_t klen = strlen(key);
    if (erg_buf_reserve(b, klen + 4 + n) != ERG_OK) {
        *ok = false;
        return;
    }
    char *w = b->data + b->len;
    *w++ = ',';
    *w++ = '"';
    memcpy(w, key, klen);
    w += klen;
    *w++ = '"';
    *w++ = ':';
    while (n)
        *w++ = digits[--n];
    *w = '\0';
    b->len = (size_t)(w - b->data);
}

static void article_json(erg_buf *b, bool *ok, const erg_graph_article *a)
{
    put_raw(b, ok, "{");
    put_field_str(b, ok, "id", a->id, true);
    put_field_str(b, ok, "title", a->title, false);
    put_field_str(b, ok, "date", a->date, false);
    put_field_str(b, ok, "source", a->source, false);
    put_field_str(b, ok, "url", a->url, false);
    put_raw(b, ok, "}");
}

/* ,"timeline":[[date,outlet,count,articles(,weight)],...] with null for what is not known. */
static void timeline_json(erg_buf *b, bool *ok, const erg_tally *t, size_t n, bool weight)
{
    put_raw(b, ok, ",\"timeline\":[");
    for (size_t i = 0; i < n; i++) {
        put_raw(b, ok, i ? ",[" : "[");
        if (t[i].date)
            put_str(b, ok, t[i].date);
        else
            put_raw(b, ok, "null");
        put_raw(b, ok, ",");
        if (t[i].outlet)
            put_str(b, ok, t[i].outlet);
        else
            put_raw(b, ok, "null");
        if (erg_buf_printf(b, ",%u,%u", (unsigned)t[i].count, (unsigned)t[i].articles) != ERG_OK)
            *ok = false;
        if (weight) {
            char num[40];
            put_raw(b, ok, ",");
            put_raw(b, ok,
                    erg_graph_format_number((double)t[i].wunits / (double)ERG_WEIGHT_UNIT, false,
                                            num, sizeof num));
        }
        put_raw(b, ok, "]");
    }
    put_raw(b, ok, "]");
}

static void node_json(erg_buf *b, bool *ok, const erg_entity *e, size_t index,
                      const erg_node_attr *attrs, size_t n_attrs, bool timeline)
{
    put_raw(b, ok, "{");
    put_field_str(b, ok, "id", e->key, true);
    put_field_str(b, ok, "name", e->name, false);
    put_field_str(b, ok, "type", erg_type_name(e->type), false);
    put_field_u32(b, ok, "mentions", e->mentions);
    put_field_u32(b, ok, "articles", e->articles);
    put_field_str(b, ok, "first_date", e->first_date, false);
    put_field_str(b, ok, "last_date", e->last_date, false);
    if (timeline)
        timeline_json(b, ok, e->timeline, e->n_timeline, false);
    put_raw(b, ok, ",\"aliases\":[");
    for (size_t i = 0; i < e->n_aliases; i++) {
        put_raw(b, ok, i ? ",{" : "{");
        put_field_str(b, ok, "name", e->aliases[i].name, true);
        put_field_u32(b, ok, "count", e->aliases[i].count);
        if (e->aliases[i].rule != ERG_FOLD_KEY)
            put_field_str(b, ok, "rule", erg_fold_name(e->aliases[i].rule), false);
        put_raw(b, ok, "}");
    }
    put_raw(b, ok, "],\"votes\":{");
    bool first = true;
    for (int t = 0; t < ERG_TYPE_COUNT; t++) {
        if (!e->type_votes[t])
            continue;
        if (erg_buf_printf(b, "%s\"%s\":%u", first ? "" : ",", erg_type_name((erg_type)t),
                           (unsigned)e->type_votes[t]) != ERG_OK)
            *ok = false;
        first = false;
    }
    put_raw(b, ok, "}");
    if (e->ambiguous)
        put_raw(b, ok, ",\"ambiguous\":true");
    for (size_t k = 0; k < n_attrs; k++) {
        double v = attrs[k].values[index];
        if (!isfinite(v))
            continue;
        char num[32];
        if (erg_buf_printf(b, ",\"%s\":%s", attrs[k].name,
                           erg_graph_format_number(v, attrs[k].is_int, num, sizeof num)) != ERG_OK)
            *ok = false;
    }
    put_raw(b, ok, "}");
}

static void link_json(erg_buf *b, bool *ok, const erg_graph *g, const erg_edge *d)
{
    put_raw(b, ok, "{");
    put_field_str(b, ok, "source", g->ents[d->source].key, true);
    put_field_str(b, ok, "target", g->ents[d->target].key, false);
    put_field_str(b, ok, "kind", erg_kind_name(d->kind), false);
    char num[40];
    put_raw(b, ok, ",\"weight\":");
    put_raw(b, ok, erg_graph_format_number(erg_edge_weight(d), false, num, sizeof num));
    put_field_u32(b, ok, "count", d->count);
    put_field_u32(b, ok, "articles", d->articles);
    if (d->kind != ERG_KIND_CO_MENTION && (d->score || d->patterns)) {
        char sc[8];
        put_raw(b, ok, ",\"confidence\":");
        put_raw(b, ok, erg_score_format(d->score, sc));
        put_raw(b, ok, ",\"patterns\":[");
        bool first = true;
        for (int p = 1; p < ERG_PATTERN_COUNT; p++)
            if (d->patterns & (1u << p)) {
                if (!first)
                    put_raw(b, ok, ",");
                put_str(b, ok, erg_relate_pattern_name((erg_pattern)p));
                first = false;
            }
        put_raw(b, ok, "]");
    }
    put_field_str(b, ok, "first_date", d->first_date, false);
    put_field_str(b, ok, "last_date", d->last_date, false);
    put_raw(b, ok, ",\"outlets\":[");
    for (size_t i = 0; i < d->n_outlets; i++) {
        if (i)
            put_raw(b, ok, ",");
        put_str(b, ok, d->outlets[i]);
    }
    put_raw(b, ok, "]");
    if (!g->no_timeline)
        timeline_json(b, ok, d->timeline, d->n_timeline, true);
    put_raw(b, ok, ",\"evidence\":[");
    for (size_t i = 0; i < d->n_evidence; i++) {
        const erg_evidence *ev = &d->evidence[i];
        put_raw(b, ok, i ? ",{" : "{");
        put_field_str(b, ok, "article", ev->article, true);
        put_field_u32(b, ok, "start", ev->start);
        put_field_u32(b, ok, "end", ev->end);
        put_raw(b, ok, "}"); /* the text is in "sentences" */
    }
    put_raw(b, ok, "]}");
}

/* Orders evidence records by (article id, start, end), then text (for hand-made files). */
static int cmp_evidence_ref(const void *pa, const void *pb)
{
    const erg_evidence *a = *(const erg_evidence *const *)pa, *b = *(const erg_evidence *const *)pb;
    int c = a->article == b->article ? 0 : strcmp(a->article, b->article);
    if (c)
        return c;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return a->sentence == b->sentence ? 0 : strcmp(a->sentence, b->sentence);
}

/*
 * The sentence table: every evidence record of g, sorted by (article id,
 * start, end), one per distinct range (*n of them). NULL with *n = 0 when
 * the graph has no evidence; ERG_ENOMEM. The caller frees the array (the
 * records are the graph's).
 */
static erg_status sentence_table(const erg_graph *g, const erg_evidence ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t total = 0;
    for (size_t i = 0; i < g->n_edges; i++)
        total += g->edges[i].n_evidence;
    if (!total)
        return ERG_OK;
    const erg_evidence **refs = malloc(total * sizeof *refs);
    if (!refs)
        return ERG_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < g->n_edges; i++)
        for (size_t j = 0; j < g->edges[i].n_evidence; j++)
            refs[k++] = &g->edges[i].evidence[j];
    qsort(refs, total, sizeof *refs, cmp_evidence_ref);
    size_t m = 0;
    for (size_t i = 0; i < total; i++) {
        const erg_evidence *e = refs[i], *p = m ? refs[m - 1] : NULL;
        if (p && p->start == e->start && p->end == e->end &&
            (p->article == e->article || strcmp(p->article, e->article) == 0))
            continue;
        refs[m++] = e;
    }
    *out = refs;
    *n = m;
    return ERG_OK;
}

static void sentence_json(erg_buf *b, bool *ok, const erg_evidence *ev)
{
    put_raw(b, ok, "{");
    put_field_str(b, ok, "article", ev->article, true);
    put_field_u32(b, ok, "start", ev->start);
    put_field_u32(b, ok, "end", ev->end);
    put_raw(b, ok, ",\"text\":");
    put_str(b, ok, ev->sentence);
    put_raw(b, ok, "}");
}

static int cmp_u64(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return (a > b) - (a < b);
}

/* The id set's hashes, sorted (NULL when there are none); the caller frees them. */
static erg_status sorted_ids(const erg_graph *g, uint64_t **out)
{
    *out = NULL;
    if (!g->ids.n)
        return ERG_OK;
    uint64_t *h = malloc(g->ids.n * sizeof *h);
    if (!h)
        return ERG_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < g->ids.cap; i++)
        if (g->ids.slots[i])
            h[k++] = g->ids.slots[i];
    qsort(h, k, sizeof *h, cmp_u64);
    *out = h;
    return ERG_OK;
}

/* Writes b (one record, after its separator) to f and empties it. */
static bool flush_record(erg_buf *b, FILE *f)
{
    bool ok = fwrite(b->data, 1, b->len, f) == b->len;
    erg_buf_clear(b);
    return ok;
}

/* Fields of a native node record, which an extra attribute may not take. */
static const char *const node_fields[] = {
    "id", "name", "type", "mentions", "articles", "first_date", "last_date", "aliases", "votes"};

static bool attr_name_ok(const char *name)
{
    size_t n = 0;
    for (const char *p = name; *p; p++, n++) {
        char c = *p;
        bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        if (!alpha && !(n > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return n >= 1 && n <= 64;
}

erg_status erg_graph_check_attrs(const erg_node_attr *attrs, size_t n_attrs, erg_error *err)
{
    if (n_attrs && !attrs)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no node attributes");
    for (size_t k = 0; k < n_attrs; k++) {
        const char *name = attrs[k].name;
        if (!name || !attr_name_ok(name))
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "node attribute name '%s' is not 1 to 64 letters, digits or '_' "
                                 "starting with a letter or '_'",
                                 name ? name : "");
        for (size_t i = 0; i < sizeof node_fields / sizeof *node_fields; i++)
            if (strcmp(name, node_fields[i]) == 0)
                return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                     "node attribute '%s' would hide the node field of that name",
                                     name);
        for (size_t j = 0; j < k; j++)
            if (strcmp(name, attrs[j].name) == 0)
                return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                     "node attribute '%s' is given twice", name);
        if (!attrs[k].values)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "node attribute '%s' has no values",
                                 name);
    }
    return ERG_OK;
}

const char *erg_graph_format_number(double v, bool is_int, char *buf, size_t cap)
{
    if (!cap)
        return buf;
    if (!isfinite(v)) {
        snprintf(buf, cap, "%s", isnan(v) ? "NaN" : v > 0 ? "INF" : "-INF");
        return buf;
    }
    if (is_int) {
        double r = floor(v + 0.5);
        snprintf(buf, cap, "%.0f", r == 0 ? 0.0 : r); /* never "-0" */
        return buf;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, cap, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return buf;
}

erg_status erg_graph_write_json(const erg_graph *g, FILE *f, erg_error *err)
{
    return erg_graph_write_json_attrs(g, NULL, 0, f, err);
}

erg_status erg_graph_write_json_attrs(const erg_graph *g, const erg_node_attr *attrs,
                                      size_t n_attrs, FILE *f, erg_error *err)
{
    if (!g || !f)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph or no output");
    erg_status cst = erg_graph_check_attrs(attrs, n_attrs, err);
    if (cst != ERG_OK)
        return cst;
    if (!g->finished)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    erg_buf b;
    erg_buf_init(&b);
    bool mem = true, io = true;
    if (erg_buf_printf(&b,
                       "{\"format\":\"erg-graph\",\"version\":%d,\"directed\":false,"
                       "\"multigraph\":true,\n\"graph\":{\"entities\":%zu,\"edges\":%zu,"
                       "\"articles\":%zu,\"max_evidence\":%u",
                       ERG_GRAPH_FORMAT_VERSION, g->n_ents, g->n_edges, g->ids.n,
                       g->max_evidence) != ERG_OK)
        mem = false;
    if (g->partial_types) {
        /* A partial graph (erg_graph_set_partial) names what its articles were related with. */
        put_raw(&b, &mem, ",\"partial\":true,\"types\":\"");
        const char *sep = "";
        for (int t = 0; t < ERG_TYPE_MISC; t++)
            if (g->partial_types & ERG_TYPE_BIT(t)) {
                put_raw(&b, &mem, sep);
                put_raw(&b, &mem, erg_type_name((erg_type)t));
                sep = ",";
            }
        put_raw(&b, &mem, "\",\"window\":\"");
        put_raw(&b, &mem, window_names[g->partial_window]);
        put_raw(&b, &mem, "\"");
    }
    put_raw(&b, &mem, "},\n\"articles\":[");
    for (size_t i = 0; mem && io && i < g->n_arts; i++) {
        put_raw(&b, &mem, i ? ",\n" : "\n");
        article_json(&b, &mem, &g->arts[i].a);
        io = !mem || flush_record(&b, f);
    }
    /* Every article's id hash, on one line: merging saved graphs refuses a shared id. */
    uint64_t *ids = NULL;
    if (mem && sorted_ids(g, &ids) != ERG_OK)
        mem = false;
    put_raw(&b, &mem, "\n],\n\"article_ids\":[");
    for (size_t i = 0; mem && io && i < g->ids.n; i++) {
        if (erg_buf_printf(&b, i ? ",\"%016llx\"" : "\"%016llx\"", (unsigned long long)ids[i]) !=
            ERG_OK)
            mem = false;
        if (b.len >= 4096)
            io = !mem || flush_record(&b, f);
    }
    free(ids);
    const erg_evidence **sents = NULL;
    size_t n_sents = 0;
    if (mem && sentence_table(g, &sents, &n_sents) != ERG_OK)
        mem = false;
    put_raw(&b, &mem, "],\n\"sentences\":[");
    for (size_t i = 0; mem && io && i < n_sents; i++) {
        put_raw(&b, &mem, i ? ",\n" : "\n");
        sentence_json(&b, &mem, sents[i]);
        io = !mem || flush_record(&b, f);
    }
    free(sents);
    put_raw(&b, &mem, "\n],\n\"nodes\":[");
    for (size_t i = 0; mem && io && i < g->n_ents; i++) {
        put_raw(&b, &mem, i ? ",\n" : "\n");
        node_json(&b, &mem, &g->ents[i], i, attrs, n_attrs, !g->no_timeline);
        io = !mem || flush_record(&b, f);
    }
    put_raw(&b, &mem, "\n],\n\"links\":[");
    for (size_t i = 0; mem && io && i < g->n_edges; i++) {
        put_raw(&b, &mem, i ? ",\n" : "\n");
        link_json(&b, &mem, g, &g->edges[i]);
        io = !mem || flush_record(&b, f);
    }
    put_raw(&b, &mem, "\n]}\n");
    if (mem && io)
        io = flush_record(&b, f);
    erg_buf_release(&b);
    if (!mem)
        return erg_error_oom(err);
    if (!io || ferror(f))
        return erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write the graph");
    return ERG_OK;
}

/* ---- loading ---- */

/* An entry of a version 2 file's "sentences" table. */
typedef struct sentence_ref {
    uint32_t article; /* index into the graph's articles while loading */
    uint32_t start, end;
    size_t record; /* its index in "sentences", for errors */
    char *text;    /* pooled in the graph, one reference held by the table */
} sentence_ref;

/* In the order they are read when they all wait for the end: each needs the ones before. */
enum { ARR_ARTICLES, ARR_IDS, ARR_SENTENCES, ARR_NODES, ARR_LINKS, ARR_COUNT };
static const char *const arr_names[ARR_COUNT] = {"articles", "article_ids", "sentences", "nodes",
                                                 "links"};

/* A record of "nodes" or "links" with its strings borrowed (from jansson or the fast reader). */
typedef struct alias_rec {
    const char *name, *rule;
    uint32_t count;
} alias_rec;

typedef struct evidence_rec {
    const char *article, *sentence; /* sentence: version 1 only, NULL when absent */
    uint32_t start, end;
} evidence_rec;

/* A cell of a "timeline": [date, outlet, count, articles] (links: and weight). */
typedef struct tally_rec {
    const char *date, *outlet;
    uint32_t count, articles;
    uint64_t wunits;
} tally_rec;

typedef struct node_rec {
    const char *key, *name, *type, *first, *last;
    uint32_t mentions, articles;
    bool ambiguous, has_votes, has_timeline;
    size_t n_tallies; /* in loader.tallies */
    uint32_t votes[ERG_TYPE_COUNT];
    size_t n_aliases; /* in loader.aliases */
} node_rec;

typedef struct link_rec {
    const char *source, *target, *kind, *first, *last;
    uint64_t wunits;
    bool has_count;
    uint32_t count, articles;
    bool has_timeline;
    size_t n_tallies;
    size_t n_outlets, n_evidence; /* in loader.outlets and loader.evidence */
    uint64_t target_hash;         /* erg_hash of target when the fast reader took it, else 0 */
    bool has_score;               /* "confidence" was there */
    uint16_t score;
    uint32_t patterns; /* of "patterns" */
} link_rec;

typedef struct loader {
    const char *path;
    erg_error *err;
    char where[96]; /* the record being read: "nodes[3]" */
    int rec_arr;    /* when >= 0, where is arr_names[rec_arr][rec_i] (formatted on failure only) */
    size_t rec_i;
    int version; /* of the file, once its header is read */
    /* version 2: the sentence table, sorted by (article, start, end) once read whole */
    sentence_ref *sents;
    size_t n_sents, cap_sents;
    /* An upper bound on the records the input can hold, for sizing tables from the header. */
    size_t max_records;
    /* Scratch reused by every record: its arrays, and the fast reader's decoded strings. */
    alias_rec *aliases;
    size_t cap_aliases;
    const char **outlets;
    size_t cap_outlets;
    evidence_rec *evidence;
    size_t cap_evidence;
    tally_rec *tallies;
    size_t cap_tallies;
    erg_buf text;
    long last_source; /* the previous link's source entity, or -1: links come sorted */
    /* While links come in strictly increasing (source, target, kind), none can repeat one. */
    bool links_in_order;
    uint32_t last_link[3];
    /*
     * The lookup of link ends, built when the first link comes: open
     * addressing over the entities, each slot the top 32 bits of the key's
     * hash and 1 + the offset in end_keys of the entity's index (4 bytes)
     * and key (NUL-terminated). Compact, so that finding a link's target
     * does not touch the entity table; ends_failed (out of memory, or keys
     * over 4 GB) falls back to erg_graph_find_key.
     */
    uint64_t *ends;
    size_t cap_ends, n_ends;
    erg_buf end_keys;
    bool ends_failed;
} loader;

/* The record or object being read, for messages ("" when none). */
static const char *where_text(loader *c)
{
    if (c->rec_arr >= 0)
        snprintf(c->where, sizeof c->where, "%s[%zu]", arr_names[c->rec_arr], c->rec_i);
    return c->where;
}

static erg_status fail(loader *c, erg_status st, const char *fmt, ...) ERG_PRINTF(3, 4);

static erg_status fail(loader *c, erg_status st, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *w = where_text(c);
    if (w[0])
        return erg_error_set(c->err, st, c->path, 0, -1, "%s: %s", w, msg);
    return erg_error_set(c->err, st, c->path, 0, -1, "%s", msg);
}

/* A non-negative integer below 2^32. Absent is 0 unless required. */
static erg_status get_u32(loader *c, const json_t *o, const char *key, bool required, uint32_t *out)
{
    json_t *v = json_object_get(o, key);
    *out = 0;
    if (!v) {
        if (required)
            return fail(c, ERG_EJSON, "\"%s\" is missing", key);
        return ERG_OK;
    }
    if (!json_is_integer(v) || json_integer_value(v) < 0 ||
        json_integer_value(v) > (json_int_t)UINT32_MAX)
        return fail(c, ERG_EJSON, "\"%s\" must be an integer from 0 to 4294967295", key);
    *out = (uint32_t)json_integer_value(v);
    return ERG_OK;
}

/*
 * An edge weight: a number above 0 (an integer in version 1 files), kept as
 * whole units of 1/ERG_WEIGHT_UNIT, so a weight erg wrote reads back exactly.
 */
static erg_status get_weight(loader *c, const json_t *o, uint64_t *out)
{
    json_t *v = json_object_get(o, "weight");
    *out = 0;
    if (!v)
        return fail(c, ERG_EJSON, "\"weight\" is missing");
    double w = json_number_value(v);
    if (!json_is_number(v) || !(w > 0) || w > 1e12)
        return fail(c, ERG_EJSON, "\"weight\" must be a number above 0 and at most 1e12");
    *out = (uint64_t)llround(w * ERG_WEIGHT_UNIT);
    if (*out == 0)
        return fail(c, ERG_EJSON, "\"weight\" is too small");
    return ERG_OK;
}

/* A string; absent or null gives NULL unless required. */
static erg_status get_str(loader *c, const json_t *o, const char *key, bool required,
                          const char **out)
{
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (!v || json_is_null(v)) {
        if (required)
            return fail(c, ERG_EJSON, "\"%s\" is missing", key);
        return ERG_OK;
    }
    if (!json_is_string(v))
        return fail(c, ERG_EJSON, "\"%s\" must be a string", key);
    *out = json_string_value(v);
    if (required && !**out)
        return fail(c, ERG_EJSON, "\"%s\" is empty", key);
    return ERG_OK;
}

static erg_status get_array(loader *c, const json_t *o, const char *key, bool required,
                            json_t **out)
{
    *out = json_object_get(o, key);
    if (!*out) {
        if (required)
            return fail(c, ERG_EJSON, "\"%s\" is missing", key);
        return ERG_OK;
    }
    if (!json_is_array(*out))
        return fail(c, ERG_EJSON, "\"%s\" must be an array", key);
    return ERG_OK;
}

/* Checks "format" and "version" (either may be NULL when absent). */
static erg_status check_format(loader *c, const json_t *fmt, const json_t *ver)
{
    if (!json_is_string(fmt) || strcmp(json_string_value(fmt), "erg-graph") != 0)
        return fail(c, ERG_EFORMAT, "not an erg graph file (no \"format\": \"erg-graph\")");
    if (!json_is_integer(ver))
        return fail(c, ERG_EFORMAT, "\"version\" is missing or not an integer");
    if (json_integer_value(ver) < 1 || json_integer_value(ver) > ERG_GRAPH_FORMAT_VERSION)
        return fail(c, ERG_EFORMAT, "unsupported version %lld (this erg reads versions 1 to %d)",
                    (long long)json_integer_value(ver), ERG_GRAPH_FORMAT_VERSION);
    c->version = (int)json_integer_value(ver);
    return ERG_OK;
}

/* The "graph" object: max_evidence sets the cap; the counts are checked at the end. */
static erg_status check_meta(loader *c, erg_graph *g, const json_t *meta)
{
    if (!json_is_object(meta))
        return fail(c, ERG_EJSON, "\"graph\" must be an object");
    snprintf(c->where, sizeof c->where, "graph");
    uint32_t n, want[3];
    erg_status st;
    static const char *const counts[3] = {"articles", "entities", "edges"};
    for (int i = 0; i < 3; i++)
        if ((st = get_u32(c, meta, counts[i], false, &want[i])) != ERG_OK)
            return st;
    /* The tables take the counts at once (no more than the input can hold: a count may lie). */
    for (int i = 0; i < 3; i++)
        if (want[i] > c->max_records)
            want[i] = (uint32_t)c->max_records;
    if (erg_graph_i_reserve(g, want[1], want[2]) != ERG_OK ||
        erg_graph_i_idset_reserve(&g->ids, want[0]) != ERG_OK)
        return erg_error_oom(c->err);
    if ((st = get_u32(c, meta, "max_evidence", false, &n)) != ERG_OK)
        return st;
    if (json_object_get(meta, "max_evidence")) {
        if (n == 0 || n > ERG_GRAPH_MAX_EVIDENCE)
            return fail(c, ERG_EFORMAT, "\"max_evidence\" must be from 1 to %u",
                        ERG_GRAPH_MAX_EVIDENCE);
        g->max_evidence = n;
    }
    /* A partial graph: "partial": true with the "types" and "window" it was built with. */
    json_t *partial = json_object_get(meta, "partial");
    if (partial && !json_is_boolean(partial))
        return fail(c, ERG_EJSON, "\"partial\" must be true or false");
    if (json_is_true(partial)) {
        const char *types, *window;
        unsigned mask;
        erg_window w;
        if ((st = get_str(c, meta, "types", true, &types)) != ERG_OK ||
            (st = get_str(c, meta, "window", true, &window)) != ERG_OK)
            return st;
        if (erg_type_mask_parse(types, &mask, NULL) != ERG_OK || !mask || (mask & ~TYPE_MASK_ALL))
            return fail(c, ERG_EFORMAT,
                        "\"types\" must list person, agency, outlet or place, not '%s'", types);
        if (erg_window_parse(window, &w) != ERG_OK)
            return fail(c, ERG_EFORMAT,
                        "\"window\" must be sentence, paragraph or article, not '%s'", window);
        g->partial_types = mask;
        g->partial_window = w;
    }
    c->where[0] = '\0';
    return ERG_OK;
}

/* ---- records: read into a record (from jansson or the fast reader), then applied ---- */

static erg_status push_alias(loader *c, size_t n, alias_rec a)
{
    if (erg_grow((void **)&c->aliases, &c->cap_aliases, n + 1, sizeof *c->aliases) != ERG_OK)
        return erg_error_oom(c->err);
    c->aliases[n] = a;
    return ERG_OK;
}

static erg_status push_outlet(loader *c, size_t n, const char *s)
{
    if (erg_grow((void **)&c->outlets, &c->cap_outlets, n + 1, sizeof *c->outlets) != ERG_OK)
        return erg_error_oom(c->err);
    c->outlets[n] = s;
    return ERG_OK;
}

static erg_status push_evidence(loader *c, size_t n, evidence_rec e)
{
    if (erg_grow((void **)&c->evidence, &c->cap_evidence, n + 1, sizeof *c->evidence) != ERG_OK)
        return erg_error_oom(c->err);
    c->evidence[n] = e;
    return ERG_OK;
}

static erg_status push_tally(loader *c, size_t n, tally_rec t)
{
    if (erg_grow((void **)&c->tallies, &c->cap_tallies, n + 1, sizeof *c->tallies) != ERG_OK)
        return erg_error_oom(c->err);
    c->tallies[n] = t;
    return ERG_OK;
}

/*
 * Adds the record's timeline (the first n of c->tallies) to *t, and checks
 * that it adds up to the record's own counts. Without one the graph has no
 * timeline (a file older than version 4).
 */
static erg_status apply_timeline(loader *c, erg_graph *g, bool has, size_t n, erg_tally **t,
                                 size_t *nt, uint32_t count, uint32_t articles, uint64_t wunits)
{
    if (!has) {
        g->no_timeline = true;
        return ERG_OK;
    }
    uint64_t sum[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        const tally_rec *r = &c->tallies[i];
        if (r->date && !erg_graph_i_date_ok(r->date))
            return fail(c, ERG_EFORMAT, "timeline[%zu]: '%s' is not a date as erg writes it", i,
                        r->date);
        if (r->outlet && !r->outlet[0])
            return fail(c, ERG_EFORMAT, "timeline[%zu]: the outlet is empty", i);
        if (erg_graph_i_tally(g, t, nt, r->date, r->outlet, r->count, r->articles, r->wunits) !=
            ERG_OK)
            return erg_error_oom(c->err);
        sum[0] += r->count;
        sum[1] += r->articles;
        sum[2] += r->wunits;
    }
    /* Counts saturate at UINT32_MAX, so a saturated one cannot be checked. */
    if ((count != UINT32_MAX && sum[0] != count) ||
        (articles != UINT32_MAX && sum[1] != articles) || sum[2] != wunits)
        return fail(c, ERG_EFORMAT, "the timeline does not add up to the record's counts");
    return ERG_OK;
}

/* A "timeline" array as jansson read it, into c->tallies. */
static erg_status load_timeline(loader *c, const json_t *o, bool weight, bool *has, size_t *n)
{
    json_t *arr;
    erg_status st = get_array(c, o, "timeline", false, &arr);
    *has = arr != NULL;
    *n = 0;
    if (st != ERG_OK || !arr)
        return st;
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        tally_rec r = {NULL, NULL, 0, 0, 0};
        size_t want = weight ? 5 : 4;
        if (!json_is_array(v) || json_array_size(v) != want)
            return fail(c, ERG_EJSON, "timeline[%zu] must be an array of %zu values", i, want);
        const json_t *d = json_array_get(v, 0), *s = json_array_get(v, 1);
        json_t *cnt = json_array_get(v, 2), *art = json_array_get(v, 3);
        if ((!json_is_null(d) && !json_is_string(d)) || (!json_is_null(s) && !json_is_string(s)))
            return fail(c, ERG_EJSON, "timeline[%zu]: date and outlet must be strings or null", i);
        r.date = json_string_value(d);
        r.outlet = json_string_value(s);
        if (!json_is_integer(cnt) || json_integer_value(cnt) < 0 ||
            json_integer_value(cnt) > (json_int_t)UINT32_MAX || !json_is_integer(art) ||
            json_integer_value(art) < 0 || json_integer_value(art) > (json_int_t)UINT32_MAX)
            return fail(c, ERG_EJSON, "timeline[%zu]: counts must be integers from 0 to 4294967295",
                        i);
        r.count = (uint32_t)json_integer_value(cnt);
        r.articles = (uint32_t)json_integer_value(art);
        if (weight) {
            double w = json_number_value(json_array_get(v, 4));
            if (!json_is_number(json_array_get(v, 4)) || !(w >= 0) || w > 1e12)
                return fail(c, ERG_EJSON, "timeline[%zu]: the weight must be from 0 to 1e12", i);
            r.wunits = (uint64_t)llround(w * ERG_WEIGHT_UNIT);
        }
        if ((st = push_tally(c, *n, r)) != ERG_OK)
            return st;
        (*n)++;
    }
    return ERG_OK;
}

static erg_status apply_article(loader *c, erg_graph *g, const erg_graph_article *rec)
{
    if (erg_graph_i_find_article(g, rec->id) >= 0)
        return fail(c, ERG_EFORMAT, "article id '%s' appears twice", rec->id);
    /* Before version 3 every article is listed, and the list gives the id set. */
    if (c->version < 3) {
        erg_status ist;
        if (!erg_graph_i_idset_add(&g->ids, erg_graph_i_id_hash(rec->id), &ist))
            return ist != ERG_OK ? erg_error_oom(c->err)
                                 : fail(c, ERG_EFORMAT, "article id '%s' appears twice", rec->id);
    }
    if (erg_graph_i_article(g, rec) != ERG_OK)
        return erg_error_oom(c->err);
    return ERG_OK;
}

static erg_status load_article(loader *c, erg_graph *g, const json_t *a)
{
    if (!json_is_object(a))
        return fail(c, ERG_EJSON, "an article must be an object");
    const char *id, *title, *date, *source, *url;
    erg_status st;
    if ((st = get_str(c, a, "id", true, &id)) != ERG_OK ||
        (st = get_str(c, a, "title", false, &title)) != ERG_OK ||
        (st = get_str(c, a, "date", false, &date)) != ERG_OK ||
        (st = get_str(c, a, "source", false, &source)) != ERG_OK ||
        (st = get_str(c, a, "url", false, &url)) != ERG_OK)
        return st;
    const erg_graph_article rec = {(char *)id, (char *)title, (char *)date, (char *)source,
                                   (char *)url};
    return apply_article(c, g, &rec);
}

/* A record of "article_ids" (version 3): the 16 hex digits of an id's erg_graph_i_id_hash. */
static erg_status apply_article_id(loader *c, erg_graph *g, const char *s, size_t len)
{
    uint64_t h = 0;
    bool ok = s && len == 16;
    for (size_t i = 0; ok && i < 16; i++) {
        char x = s[i];
        int d = x >= '0' && x <= '9'   ? x - '0'
                : x >= 'a' && x <= 'f' ? x - 'a' + 10
                : x >= 'A' && x <= 'F' ? x - 'A' + 10
                                       : -1;
        ok = d >= 0;
        h = h << 4 | (uint64_t)(d & 15);
    }
    if (!ok)
        return fail(c, ERG_EJSON, "an article id hash must be a string of 16 hex digits");
    if (h == 0)
        return fail(c, ERG_EFORMAT, "the article id hash 0000000000000000 is never written");
    erg_status st;
    if (!erg_graph_i_idset_add(&g->ids, h, &st))
        return st != ERG_OK ? erg_error_oom(c->err)
                            : fail(c, ERG_EFORMAT, "the article id hash %s appears twice", s);
    return ERG_OK;
}

static erg_status load_article_id(loader *c, erg_graph *g, const json_t *v)
{
    return apply_article_id(c, g, json_string_value(v), json_string_length(v));
}

static int cmp_sentence_ref(const void *pa, const void *pb)
{
    const sentence_ref *a = pa, *b = pb;
    if (a->article != b->article)
        return a->article < b->article ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return 0;
}

/* A record of "sentences" (version 2): {"article", "start", "end", "text"}. */
static erg_status apply_sentence(loader *c, erg_graph *g, const char *article, uint32_t start,
                                 uint32_t end, const char *text, size_t text_len)
{
    if (start > end)
        return fail(c, ERG_EFORMAT, "the sentence starts after it ends");
    long a = erg_graph_i_find_article(g, article);
    if (a < 0)
        return fail(c, ERG_EFORMAT, "names article '%s', which is not listed", article);
    if (erg_grow((void **)&c->sents, &c->cap_sents, c->n_sents + 1, sizeof *c->sents) != ERG_OK)
        return erg_error_oom(c->err);
    char *pooled = erg_graph_i_pool_get(&g->pool, text, text_len);
    if (!pooled)
        return erg_error_oom(c->err);
    c->sents[c->n_sents] = (sentence_ref){(uint32_t)a, start, end, c->n_sents, pooled};
    c->n_sents++;
    return ERG_OK;
}

static erg_status load_sentence(loader *c, erg_graph *g, const json_t *o)
{
    if (!json_is_object(o))
        return fail(c, ERG_EJSON, "a sentence must be an object");
    const char *article;
    uint32_t start, end;
    erg_status st;
    if ((st = get_str(c, o, "article", true, &article)) != ERG_OK ||
        (st = get_u32(c, o, "start", true, &start)) != ERG_OK ||
        (st = get_u32(c, o, "end", true, &end)) != ERG_OK)
        return st;
    json_t *text = json_object_get(o, "text");
    if (!text)
        return fail(c, ERG_EJSON, "\"text\" is missing");
    if (!json_is_string(text))
        return fail(c, ERG_EJSON, "\"text\" must be a string");
    return apply_sentence(c, g, article, start, end, json_string_value(text),
                          json_string_length(text));
}

/* Sorts the sentence table once it is read whole; a range listed twice is an error. */
static erg_status sentences_done(loader *c, const erg_graph *g)
{
    if (c->n_sents > 1)
        qsort(c->sents, c->n_sents, sizeof *c->sents, cmp_sentence_ref);
    for (size_t i = 1; i < c->n_sents; i++) {
        const sentence_ref *a = &c->sents[i - 1], *b = &c->sents[i];
        if (cmp_sentence_ref(a, b) == 0) {
            c->rec_arr = ARR_SENTENCES;
            c->rec_i = a->record > b->record ? a->record : b->record;
            erg_status st =
                fail(c, ERG_EFORMAT, "the sentence of article '%s' at bytes %u to %u appears twice",
                     g->arts[b->article].a.id, (unsigned)b->start, (unsigned)b->end);
            c->rec_arr = -1;
            return st;
        }
    }
    return ERG_OK;
}

/* The table's text of (article, start, end), or NULL when it has none. */
static const char *find_sentence(const loader *c, long article, uint32_t start, uint32_t end)
{
    sentence_ref key = {(uint32_t)article, start, end, 0, NULL};
    const sentence_ref *r =
        c->n_sents ? bsearch(&key, c->sents, c->n_sents, sizeof *c->sents, cmp_sentence_ref) : NULL;
    return r ? r->text : NULL;
}

/* Drops the table's references to its pooled texts (g may be NULL when the table is empty). */
static void sentences_release(loader *c, erg_graph *g)
{
    for (size_t i = 0; g && i < c->n_sents; i++)
        erg_graph_i_pool_put(&g->pool, c->sents[i].text);
    free(c->sents);
    c->sents = NULL;
    c->n_sents = c->cap_sents = 0;
}

/* The node's type, and that its id is new. */
static erg_status check_node(loader *c, const erg_graph *g, const node_rec *n, erg_type *type)
{
    if (erg_type_parse(n->type, strlen(n->type), type) != ERG_OK || *type == ERG_TYPE_MISC)
        return fail(c, ERG_EFORMAT, "unknown entity type '%s' (person, agency, outlet, place)",
                    n->type);
    if (erg_graph_find_key(g, n->key) >= 0)
        return fail(c, ERG_EFORMAT, "node id '%s' appears twice", n->key);
    return ERG_OK;
}

static erg_status apply_node(loader *c, erg_graph *g, const node_rec *n)
{
    erg_type type;
    erg_status st = check_node(c, g, n, &type);
    if (st != ERG_OK)
        return st;
    uint32_t gi;
    if (erg_graph_i_entity(g, n->key, type, n->name, &gi) != ERG_OK)
        return erg_error_oom(c->err);
    erg_entity *e = &g->ents[gi];
    e->mentions = n->mentions;
    e->articles = n->articles;
    if (erg_graph_i_dates(g, &e->first_date, &e->last_date, n->first) != ERG_OK ||
        erg_graph_i_dates(g, &e->first_date, &e->last_date, n->last) != ERG_OK)
        return erg_error_oom(c->err);
    if ((st = apply_timeline(c, g, n->has_timeline, n->n_tallies, &e->timeline, &e->n_timeline,
                             n->mentions, n->articles, 0)) != ERG_OK)
        return st;
    for (size_t i = 0; i < n->n_aliases; i++) {
        const alias_rec *a = &c->aliases[i];
        erg_fold rule = ERG_FOLD_KEY;
        if (a->rule && erg_fold_parse(a->rule, &rule) != ERG_OK)
            return fail(c, ERG_EFORMAT, "aliases[%zu]: unknown rule '%s'", i, a->rule);
        size_t before = e->n_aliases;
        if (erg_graph_i_alias(e, a->name, a->count, rule) != ERG_OK)
            return erg_error_oom(c->err);
        if (e->n_aliases == before)
            return fail(c, ERG_EFORMAT, "alias '%s' appears twice", a->name);
    }
    e->ambiguous = n->ambiguous;
    if (n->has_votes)
        memcpy(e->type_votes, n->votes, sizeof e->type_votes);
    else /* A hand-written file may leave votes out: the stated type takes them all. */
        e->type_votes[type] = n->mentions ? n->mentions : 1;
    return ERG_OK;
}

static erg_status load_node(loader *c, erg_graph *g, const json_t *o)
{
    if (!json_is_object(o))
        return fail(c, ERG_EJSON, "a node must be an object");
    node_rec n;
    memset(&n, 0, sizeof n);
    json_t *aliases;
    erg_status st;
    if ((st = get_str(c, o, "id", true, &n.key)) != ERG_OK ||
        (st = get_str(c, o, "name", true, &n.name)) != ERG_OK ||
        (st = get_str(c, o, "type", true, &n.type)) != ERG_OK ||
        (st = get_u32(c, o, "mentions", true, &n.mentions)) != ERG_OK ||
        (st = get_u32(c, o, "articles", true, &n.articles)) != ERG_OK ||
        (st = get_str(c, o, "first_date", false, &n.first)) != ERG_OK ||
        (st = get_str(c, o, "last_date", false, &n.last)) != ERG_OK ||
        (st = get_array(c, o, "aliases", false, &aliases)) != ERG_OK ||
        (st = load_timeline(c, o, false, &n.has_timeline, &n.n_tallies)) != ERG_OK)
        return st;
    /* The type and id come first, as before records were read in two steps. */
    erg_type type;
    if ((st = check_node(c, g, &n, &type)) != ERG_OK)
        return st;
    size_t i;
    json_t *a;
    json_array_foreach(aliases, i, a)
    {
        alias_rec r;
        if (!json_is_object(a))
            return fail(c, ERG_EJSON, "aliases[%zu] must be an object", i);
        if ((st = get_str(c, a, "name", true, &r.name)) != ERG_OK ||
            (st = get_u32(c, a, "count", true, &r.count)) != ERG_OK ||
            (st = get_str(c, a, "rule", false, &r.rule)) != ERG_OK ||
            (st = push_alias(c, n.n_aliases, r)) != ERG_OK)
            return st;
        n.n_aliases++;
    }
    json_t *amb = json_object_get(o, "ambiguous");
    if (amb && !json_is_boolean(amb))
        return fail(c, ERG_EJSON, "\"ambiguous\" must be true or false");
    n.ambiguous = amb && json_is_true(amb);
    json_t *votes = json_object_get(o, "votes");
    if (votes) {
        if (!json_is_object(votes))
            return fail(c, ERG_EJSON, "\"votes\" must be an object");
        n.has_votes = true;
        const char *vk;
        json_t *vv;
        json_object_foreach(votes, vk, vv)
        {
            erg_type t;
            if (erg_type_parse(vk, strlen(vk), &t) != ERG_OK)
                return fail(c, ERG_EFORMAT, "\"votes\" names an unknown type '%s'", vk);
            if ((st = get_u32(c, votes, vk, true, &n.votes[t])) != ERG_OK)
                return st;
        }
    }
    return apply_node(c, g, &n);
}

/*
 * strcmp(a, b) == 0 for the short strings of the loader's hot paths (field
 * names, node ids): inline, without the library call's set-up.
 */
static bool str_eq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* Builds c->ends over g's entities; false when it cannot (then c->ends_failed). */
static bool ends_build(loader *c, const erg_graph *g)
{
    size_t cap = 16, bytes = 0;
    while (cap < 2 * (g->n_ents + 1))
        cap *= 2;
    for (size_t i = 0; i < g->n_ents; i++)
        bytes += 5 + strlen(g->ents[i].key);
    free(c->ends);
    c->ends = NULL;
    c->n_ends = 0;
    erg_buf_clear(&c->end_keys);
    if (bytes >= UINT32_MAX || !(c->ends = calloc(cap, sizeof *c->ends)) ||
        erg_buf_reserve(&c->end_keys, bytes) != ERG_OK) {
        c->ends_failed = true;
        return false;
    }
    c->cap_ends = cap;
    for (size_t i = 0; i < g->n_ents; i++) {
        const char *key = g->ents[i].key;
        size_t n = strlen(key);
        uint64_t h = erg_hash(key, n);
        uint32_t index = (uint32_t)i, off = (uint32_t)c->end_keys.len;
        /* Room was reserved above: neither append can fail. */
        (void)erg_buf_append(&c->end_keys, &index, sizeof index);
        (void)erg_buf_append(&c->end_keys, key, n + 1);
        size_t s = (size_t)h & (cap - 1);
        while (c->ends[s])
            s = (s + 1) & (cap - 1);
        c->ends[s] = (h >> 32) << 32 | ((uint64_t)off + 1);
    }
    c->n_ends = g->n_ents;
    return true;
}

/* The index of the entity with this key (whose erg_hash is h, or 0 when not known), or -1. */
static long end_find(loader *c, const erg_graph *g, const char *key, uint64_t h)
{
    if (c->ends_failed || ((!c->ends || c->n_ends != g->n_ents) && !ends_build(c, g)))
        return erg_graph_find_key(g, key);
    size_t m = c->cap_ends - 1;
    if (!h)
        h = erg_hash(key, strlen(key));
    uint64_t top = h >> 32;
    for (size_t s = (size_t)h & m; c->ends[s]; s = (s + 1) & m) {
        uint64_t v = c->ends[s];
        if (v >> 32 != top)
            continue;
        const char *p = c->end_keys.data + ((uint32_t)v - 1);
        if (str_eq(p + sizeof(uint32_t), key)) {
            uint32_t index;
            memcpy(&index, p, sizeof index);
            return index;
        }
    }
    return -1;
}

/* The link's ends (entity indexes) and kind. */
static erg_status check_link(loader *c, const erg_graph *g, const link_rec *k, long *src, long *dst,
                             erg_kind *kind)
{
    long s = c->last_source;
    if (s < 0 || !str_eq(g->ents[s].key, k->source))
        s = end_find(c, g, k->source, 0);
    long t = end_find(c, g, k->target, k->target_hash);
    if (s < 0)
        return fail(c, ERG_EFORMAT, "source '%s' is not a node", k->source);
    c->last_source = s;
    if (t < 0)
        return fail(c, ERG_EFORMAT, "target '%s' is not a node", k->target);
    if (s == t)
        return fail(c, ERG_EFORMAT, "a link from '%s' to itself", k->source);
    if (erg_kind_parse(k->kind, kind) != ERG_OK)
        return fail(c, ERG_EFORMAT, "unknown kind '%s'", k->kind);
    *src = s;
    *dst = t;
    return ERG_OK;
}

static erg_status apply_link(loader *c, erg_graph *g, const link_rec *k)
{
    long s, t;
    erg_kind kind;
    erg_status st = check_link(c, g, k, &s, &t, &kind);
    if (st != ERG_OK)
        return st;
    if (kind == ERG_KIND_CO_MENTION && s > t) {
        long x = s;
        s = t;
        t = x;
    }
    size_t before = g->n_edges;
    uint32_t di, key[3] = {(uint32_t)s, (uint32_t)t, (uint32_t)kind};
    bool after =
        !g->n_edges || key[0] > c->last_link[0] ||
        (key[0] == c->last_link[0] &&
         (key[1] > c->last_link[1] || (key[1] == c->last_link[1] && key[2] > c->last_link[2])));
    c->links_in_order = c->links_in_order && after;
    memcpy(c->last_link, key, sizeof key);
    if ((c->links_in_order ? erg_graph_i_edge_push(g, key[0], key[1], kind, &di)
                           : erg_graph_i_edge(g, key[0], key[1], kind, &di)) != ERG_OK)
        return erg_error_oom(c->err);
    if (g->n_edges == before)
        return fail(c, ERG_EFORMAT, "the %s link between '%s' and '%s' appears twice", k->kind,
                    k->source, k->target);
    erg_edge *d = &g->edges[di];
    if ((k->has_score || k->patterns) && kind == ERG_KIND_CO_MENTION)
        return fail(c, ERG_EFORMAT, "a co_mention link has \"confidence\" or \"patterns\"");
    d->score = k->score;
    d->patterns = k->patterns;
    d->wunits = k->wunits;
    /* A file without counts (version 1) had one unit of weight per window. */
    d->count = k->has_count ? k->count : (uint32_t)(k->wunits / ERG_WEIGHT_UNIT);
    d->articles = k->articles;
    if (erg_graph_i_dates(g, &d->first_date, &d->last_date, k->first) != ERG_OK ||
        erg_graph_i_dates(g, &d->first_date, &d->last_date, k->last) != ERG_OK)
        return erg_error_oom(c->err);
    if ((st = apply_timeline(c, g, k->has_timeline, k->n_tallies, &d->timeline, &d->n_timeline,
                             d->count, d->articles, d->wunits)) != ERG_OK)
        return st;
    for (size_t i = 0; i < k->n_outlets; i++)
        if (erg_graph_i_outlet(g, d, c->outlets[i]) != ERG_OK)
            return erg_error_oom(c->err);
    for (size_t i = 0; i < k->n_evidence; i++) {
        const evidence_rec *v = &c->evidence[i];
        const char *sentence = v->sentence;
        if (v->start > v->end)
            return fail(c, ERG_EFORMAT, "evidence[%zu] starts after it ends", i);
        long ai = erg_graph_i_find_article(g, v->article);
        if (ai < 0)
            return fail(c, ERG_EFORMAT, "evidence[%zu] names article '%s', which is not listed", i,
                        v->article);
        /* Version 1 holds the sentence in the record, version 2 in "sentences". */
        if (c->version >= 2 && !(sentence = find_sentence(c, ai, v->start, v->end)))
            return fail(c, ERG_EFORMAT,
                        "evidence[%zu]: article '%s' bytes %u to %u have no entry in "
                        "\"sentences\"",
                        i, v->article, (unsigned)v->start, (unsigned)v->end);
        if (erg_graph_i_evidence(g, d, &g->arts[ai].a, v->start, v->end, sentence ? sentence : "",
                                 sentence ? strlen(sentence) : 0) != ERG_OK)
            return erg_error_oom(c->err);
    }
    return ERG_OK;
}

/* "confidence" (a number in [0, 1]) and "patterns" (names of erg_pattern), both optional. */
static erg_status load_score(loader *c, const json_t *o, link_rec *k)
{
    const json_t *v = json_object_get(o, "confidence");
    if (v) {
        if (!json_is_number(v) || erg_score_from(json_number_value(v), &k->score) != ERG_OK)
            return fail(c, ERG_EFORMAT, "\"confidence\" must be a number from 0 to 1");
        k->has_score = true;
    }
    v = json_object_get(o, "patterns");
    if (!v)
        return ERG_OK;
    if (!json_is_array(v))
        return fail(c, ERG_EJSON, "\"patterns\" must be an array");
    size_t i;
    const json_t *p;
    json_array_foreach(v, i, p)
    {
        erg_pattern id;
        if (!json_is_string(p) || erg_relate_pattern_find(json_string_value(p), &id) != ERG_OK ||
            id == ERG_PATTERN_NONE)
            return fail(c, ERG_EFORMAT, "patterns[%zu] is not the name of a pattern", i);
        k->patterns |= 1u << id;
    }
    return ERG_OK;
}

static erg_status load_link(loader *c, erg_graph *g, const json_t *o)
{
    if (!json_is_object(o))
        return fail(c, ERG_EJSON, "a link must be an object");
    link_rec k;
    memset(&k, 0, sizeof k);
    json_t *outlets, *evidence;
    erg_status st;
    if ((st = get_str(c, o, "source", true, &k.source)) != ERG_OK ||
        (st = get_str(c, o, "target", true, &k.target)) != ERG_OK ||
        (st = get_str(c, o, "kind", true, &k.kind)) != ERG_OK ||
        (st = get_weight(c, o, &k.wunits)) != ERG_OK ||
        (st = get_u32(c, o, "count", false, &k.count)) != ERG_OK ||
        (st = get_u32(c, o, "articles", true, &k.articles)) != ERG_OK ||
        (st = get_str(c, o, "first_date", false, &k.first)) != ERG_OK ||
        (st = get_str(c, o, "last_date", false, &k.last)) != ERG_OK ||
        (st = get_array(c, o, "outlets", false, &outlets)) != ERG_OK ||
        (st = get_array(c, o, "evidence", false, &evidence)) != ERG_OK ||
        (st = load_timeline(c, o, true, &k.has_timeline, &k.n_tallies)) != ERG_OK ||
        (st = load_score(c, o, &k)) != ERG_OK)
        return st;
    k.has_count = json_object_get(o, "count") != NULL;
    /* The ends and kind come first, as before records were read in two steps. */
    long s, t;
    erg_kind kind;
    if ((st = check_link(c, g, &k, &s, &t, &kind)) != ERG_OK)
        return st;
    size_t i;
    json_t *v;
    json_array_foreach(outlets, i, v)
    {
        if (!json_is_string(v))
            return fail(c, ERG_EJSON, "outlets[%zu] must be a string", i);
        if ((st = push_outlet(c, k.n_outlets, json_string_value(v))) != ERG_OK)
            return st;
        k.n_outlets++;
    }
    json_array_foreach(evidence, i, v)
    {
        evidence_rec e = {NULL, NULL, 0, 0};
        if (!json_is_object(v))
            return fail(c, ERG_EJSON, "evidence[%zu] must be an object", i);
        if ((st = get_str(c, v, "article", true, &e.article)) != ERG_OK ||
            (st = get_u32(c, v, "start", true, &e.start)) != ERG_OK ||
            (st = get_u32(c, v, "end", true, &e.end)) != ERG_OK)
            return st;
        if (c->version < 2 && (st = get_str(c, v, "sentence", false, &e.sentence)) != ERG_OK)
            return st;
        if ((st = push_evidence(c, k.n_evidence, e)) != ERG_OK)
            return st;
        k.n_evidence++;
    }
    return apply_link(c, g, &k);
}

/*
 * ---- the fast reader ----
 *
 * A record in erg's own layout is read straight into a node_rec or link_rec
 * with no jansson tree. The fast reader takes fields in any order and skips
 * unknown fields with scalar values; anything else it does not take for sure
 * (a nested unknown value, a missing field, a value of the wrong type, a
 * duplicate key, bad UTF-8, any syntax error) sends the record to jansson,
 * which loads it or reports what is wrong in the same words as always. So it
 * only has to be right about what it accepts.
 */
typedef struct fastr {
    const char *p, *end;
    char *out; /* decoded strings, NUL-terminated; room for the record's length */
} fastr;

static int fr_peek(fastr *x)
{
    while (x->p < x->end && (*x->p == ' ' || *x->p == '\t' || *x->p == '\n' || *x->p == '\r'))
        x->p++;
    return x->p < x->end ? (unsigned char)*x->p : -1;
}

static bool fr_eat(fastr *x, char ch)
{
    if (fr_peek(x) != (unsigned char)ch)
        return false;
    x->p++;
    return true;
}

static bool fr_word(fastr *x, const char *w, size_t n)
{
    if (fr_peek(x) < 0 || (size_t)(x->end - x->p) < n || memcmp(x->p, w, n) != 0)
        return false;
    x->p += n;
    return true;
}

static bool fr_hex4(fastr *x, uint32_t *out)
{
    if (x->end - x->p < 4)
        return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char h = *x->p++;
        int d = h >= '0' && h <= '9'   ? h - '0'
                : h >= 'a' && h <= 'f' ? h - 'a' + 10
                : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                       : -1;
        if (d < 0)
            return false;
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return true;
}

/* A string: valid UTF-8 with no NUL (which jansson refuses too), decoded into x->out. */
static bool fr_string(fastr *x, const char **s, size_t *n)
{
    if (fr_peek(x) != '"')
        return false;
    x->p++;
    char *w = x->out, *start = w;
    bool ascii = true;
    for (;;) {
        /* Plain bytes in a run: the common case. */
        const char *q = x->p;
        while (q < x->end && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20) {
            ascii &= (unsigned char)*q < 0x80;
            q++;
        }
        memcpy(w, x->p, (size_t)(q - x->p));
        w += q - x->p;
        x->p = q;
        if (q >= x->end || (unsigned char)*q < 0x20)
            return false;
        x->p++;
        if (*q == '"')
            break;
        if (x->p >= x->end)
            return false;
        char e = *x->p++;
        uint32_t cp;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            *w++ = e;
            continue;
        case 'b':
            *w++ = '\b';
            continue;
        case 'f':
            *w++ = '\f';
            continue;
        case 'n':
            *w++ = '\n';
            continue;
        case 'r':
            *w++ = '\r';
            continue;
        case 't':
            *w++ = '\t';
            continue;
        case 'u':
            break;
        default:
            return false;
        }
        if (!fr_hex4(x, &cp) || cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
            return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo;
            if (x->end - x->p < 2 || x->p[0] != '\\' || x->p[1] != 'u')
                return false;
            x->p += 2;
            if (!fr_hex4(x, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (cp < 0x80) {
            *w++ = (char)cp;
        } else if (cp < 0x800) {
            *w++ = (char)(0xC0 | cp >> 6);
            *w++ = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            *w++ = (char)(0xE0 | cp >> 12);
            *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
            *w++ = (char)(0x80 | (cp & 0x3F));
        } else {
            *w++ = (char)(0xF0 | cp >> 18);
            *w++ = (char)(0x80 | ((cp >> 12) & 0x3F));
            *w++ = (char)(0x80 | ((cp >> 6) & 0x3F));
            *w++ = (char)(0x80 | (cp & 0x3F));
        }
    }
    *n = (size_t)(w - start);
    *w++ = '\0';
    if (!ascii && !erg_graph_i_utf8_ok(start, *n))
        return false;
    x->out = w;
    *s = start;
    return true;
}

/* A string or null (NULL); required ones must be non-empty strings. */
static bool fr_opt_string(fastr *x, const char **s)
{
    size_t n;
    if (fr_peek(x) == 'n') {
        *s = NULL;
        return fr_word(x, "null", 4);
    }
    return fr_string(x, s, &n);
}

static bool fr_req_string(fastr *x, const char **s)
{
    size_t n;
    return fr_string(x, s, &n) && n > 0;
}

/* A number; *is_int when it has no fraction or exponent. Integers of 19 digits or more go to
 * jansson. */
static bool fr_number(fastr *x, double *out, bool *is_int, uint64_t *u)
{
    if (fr_peek(x) < 0)
        return false;
    const char *start = x->p, *q = x->p;
    bool neg = q < x->end && *q == '-';
    q += neg;
    if (q >= x->end || *q < '0' || *q > '9')
        return false;
    uint64_t v = 0;
    size_t digits = 0;
    if (*q == '0') {
        q++;
        digits = 1;
    } else
        for (; q < x->end && *q >= '0' && *q <= '9'; q++, digits++)
            v = v * 10 + (uint64_t)(*q - '0');
    *is_int = true;
    if (q < x->end && *q == '.') {
        *is_int = false;
        if (++q >= x->end || *q < '0' || *q > '9')
            return false;
        while (q < x->end && *q >= '0' && *q <= '9')
            q++;
    }
    if (q < x->end && (*q == 'e' || *q == 'E')) {
        *is_int = false;
        q++;
        if (q < x->end && (*q == '+' || *q == '-'))
            q++;
        if (q >= x->end || *q < '0' || *q > '9')
            return false;
        while (q < x->end && *q >= '0' && *q <= '9')
            q++;
    }
    if (q < x->end && ((*q >= '0' && *q <= '9') || *q == '.' || *q == '-' || *q == '+'))
        return false; /* "01" and the like */
    x->p = q;
    if (*is_int) {
        if (digits > 18)
            return false;
        *u = neg ? 0 : v;
        *out = neg ? -(double)v : (double)v;
        if (neg)
            *is_int = false; /* no field of ours takes a negative integer */
        return true;
    }
    /* strtod stops where the number does, which is before the end of the text (a record
     * ends with its '}'); a number at the very end (a record cut by the read buffer) is left
     * to the slower path. */
    if (q >= x->end)
        return false;
    char *e;
    *out = strtod(start, &e);
    return e == q && isfinite(*out);
}

static bool fr_u32(fastr *x, uint32_t *out)
{
    double d;
    bool is_int;
    uint64_t u;
    if (!fr_number(x, &d, &is_int, &u) || !is_int || u > UINT32_MAX)
        return false;
    *out = (uint32_t)u;
    return true;
}

static bool fr_bool(fastr *x, bool *out)
{
    int ch = fr_peek(x);
    *out = ch == 't';
    return ch == 't' ? fr_word(x, "true", 4) : fr_word(x, "false", 5);
}

/* Skips the value of an unknown field: a scalar only. */
static bool fr_skip(fastr *x)
{
    const char *s;
    size_t n;
    double d;
    bool b;
    uint64_t u;
    switch (fr_peek(x)) {
    case '"':
        return fr_string(x, &s, &n);
    case 'n':
        return fr_word(x, "null", 4);
    case 't':
    case 'f':
        return fr_bool(x, &b);
    default:
        return fr_number(x, &d, &b, &u);
    }
}

/*
 * The keys of one object: known ones by index (each once), unknown ones
 * remembered so that a duplicate goes to jansson, which refuses it.
 */
typedef struct fr_keys {
    const char *const *names;
    int n_names;
    uint32_t seen;
    const char *unknown[8];
    int n_unknown;
    int next; /* the name tried first: the one after the last found (erg writes them in order) */
} fr_keys;

/* Reads "key": and gives its index in names, or -1 after skipping an unknown field's value. */
static bool fr_key(fastr *x, fr_keys *k, int *which)
{
    const char *s;
    size_t n;
    if (!fr_string(x, &s, &n) || !fr_eat(x, ':'))
        return false;
    for (int j = 0; j < k->n_names; j++) {
        int i = (k->next + j) % k->n_names;
        if (str_eq(s, k->names[i])) {
            if (k->seen & (1u << i))
                return false;
            k->seen |= 1u << i;
            k->next = i + 1;
            *which = i;
            return true;
        }
    }
    for (int i = 0; i < k->n_unknown; i++)
        if (strcmp(s, k->unknown[i]) == 0)
            return false;
    if (k->n_unknown == 8)
        return false;
    k->unknown[k->n_unknown++] = s;
    *which = -1;
    return fr_skip(x);
}

/* After a value: true at '}' (consumed), *more at ','; false on anything else. */
static bool fr_next(fastr *x, bool *more, char close)
{
    int ch = fr_peek(x);
    x->p += ch >= 0;
    *more = ch == ',';
    return ch == ',' || ch == close;
}

/* Opens an object; *more is false when it is empty. */
static bool fr_open(fastr *x, bool *more, char open, char close)
{
    if (!fr_eat(x, open))
        return false;
    *more = !fr_eat(x, close);
    return true;
}

static bool has_all(const fr_keys *k, uint32_t required)
{
    return (k->seen & required) == required;
}

static bool fast_article(fastr *x, erg_graph_article *a)
{
    static const char *const names[] = {"id", "title", "date", "source", "url"};
    fr_keys k = {names, 5, 0, {NULL}, 0, 0};
    memset(a, 0, sizeof *a);
    const char *s[5] = {NULL};
    bool more;
    if (!fr_open(x, &more, '{', '}'))
        return false;
    while (more) {
        int w;
        if (!fr_key(x, &k, &w))
            return false;
        if (w == 0 ? !fr_req_string(x, &s[0]) : w > 0 && !fr_opt_string(x, &s[w]))
            return false;
        if (!fr_next(x, &more, '}'))
            return false;
    }
    *a = (erg_graph_article){(char *)s[0], (char *)s[1], (char *)s[2], (char *)s[3], (char *)s[4]};
    return has_all(&k, 1);
}

static bool fast_sentence(fastr *x, const char **article, uint32_t *start, uint32_t *end,
                          const char **text, size_t *len)
{
    static const char *const names[] = {"article", "start", "end", "text"};
    fr_keys k = {names, 4, 0, {NULL}, 0, 0};
    bool more;
    if (!fr_open(x, &more, '{', '}'))
        return false;
    while (more) {
        int w;
        if (!fr_key(x, &k, &w))
            return false;
        bool ok = w == 0   ? fr_req_string(x, article)
                  : w == 1 ? fr_u32(x, start)
                  : w == 2 ? fr_u32(x, end)
                  : w == 3 ? fr_string(x, text, len)
                           : true;
        if (!ok || !fr_next(x, &more, '}'))
            return false;
    }
    return has_all(&k, 15);
}

static bool fast_aliases(loader *c, fastr *x, node_rec *n)
{
    static const char *const names[] = {"name", "count", "rule"};
    bool more;
    if (!fr_open(x, &more, '[', ']'))
        return false;
    while (more) {
        fr_keys k = {names, 3, 0, {NULL}, 0, 0};
        alias_rec a = {NULL, NULL, 0};
        bool fields;
        if (!fr_open(x, &fields, '{', '}'))
            return false;
        while (fields) {
            int w;
            if (!fr_key(x, &k, &w))
                return false;
            bool ok = w == 0   ? fr_req_string(x, &a.name)
                      : w == 1 ? fr_u32(x, &a.count)
                      : w == 2 ? fr_opt_string(x, &a.rule)
                               : true;
            if (!ok || !fr_next(x, &fields, '}'))
                return false;
        }
        if (!has_all(&k, 3) || push_alias(c, n->n_aliases, a) != ERG_OK)
            return false;
        n->n_aliases++;
        if (!fr_next(x, &more, ']'))
            return false;
    }
    return true;
}

static bool fast_votes(fastr *x, node_rec *n)
{
    bool more;
    unsigned seen = 0;
    if (!fr_open(x, &more, '{', '}'))
        return false;
    n->has_votes = true;
    while (more) {
        const char *s;
        size_t len;
        erg_type t;
        if (!fr_string(x, &s, &len) || !fr_eat(x, ':') || erg_type_parse(s, len, &t) != ERG_OK ||
            (seen & (1u << t)) || !fr_u32(x, &n->votes[t]) || !fr_next(x, &more, '}'))
            return false;
        seen |= 1u << t;
    }
    return true;
}

/* A "timeline" array into c->tallies: [[date|null, outlet|null, count, articles(, weight)]...]. */
static bool fast_timeline(loader *c, fastr *x, bool weight, bool *has, size_t *n)
{
    bool more;
    *has = true;
    *n = 0;
    if (!fr_open(x, &more, '[', ']'))
        return false;
    while (more) {
        tally_rec r = {NULL, NULL, 0, 0, 0};
        bool cells;
        if (!fr_open(x, &cells, '[', ']') || !cells || !fr_opt_string(x, &r.date) ||
            !fr_next(x, &cells, ']') || !cells || !fr_opt_string(x, &r.outlet) ||
            !fr_next(x, &cells, ']') || !cells || !fr_u32(x, &r.count) ||
            !fr_next(x, &cells, ']') || !cells || !fr_u32(x, &r.articles) ||
            !fr_next(x, &cells, ']'))
            return false;
        if (weight) {
            double w;
            bool is_int;
            uint64_t u;
            if (!cells || !fr_number(x, &w, &is_int, &u) || !(w >= 0) || w > 1e12 ||
                !fr_next(x, &cells, ']'))
                return false;
            r.wunits = (uint64_t)llround(w * ERG_WEIGHT_UNIT);
        }
        if (cells || push_tally(c, *n, r) != ERG_OK)
            return false;
        (*n)++;
        if (!fr_next(x, &more, ']'))
            return false;
    }
    return true;
}

static bool fast_node(loader *c, fastr *x, node_rec *n)
{
    static const char *const names[] = {"id",       "name",       "type",      "mentions",
                                        "articles", "first_date", "last_date", "aliases",
                                        "votes",    "ambiguous",  "timeline"};
    fr_keys k = {names, 11, 0, {NULL}, 0, 0};
    memset(n, 0, sizeof *n);
    bool more;
    if (!fr_open(x, &more, '{', '}'))
        return false;
    while (more) {
        int w;
        if (!fr_key(x, &k, &w))
            return false;
        bool ok = true;
        switch (w) {
        case 0:
            ok = fr_req_string(x, &n->key);
            break;
        case 1:
            ok = fr_req_string(x, &n->name);
            break;
        case 2:
            ok = fr_req_string(x, &n->type);
            break;
        case 3:
            ok = fr_u32(x, &n->mentions);
            break;
        case 4:
            ok = fr_u32(x, &n->articles);
            break;
        case 5:
            ok = fr_opt_string(x, &n->first);
            break;
        case 6:
            ok = fr_opt_string(x, &n->last);
            break;
        case 7:
            ok = fast_aliases(c, x, n);
            break;
        case 8:
            ok = fast_votes(x, n);
            break;
        case 9:
            ok = fr_bool(x, &n->ambiguous);
            break;
        case 10:
            ok = fast_timeline(c, x, false, &n->has_timeline, &n->n_tallies);
            break;
        default:
            break;
        }
        if (!ok || !fr_next(x, &more, '}'))
            return false;
    }
    return has_all(&k, 31);
}

static bool fast_evidence(loader *c, fastr *x, link_rec *r)
{
    static const char *const names[] = {"article", "start", "end", "sentence"};
    bool more;
    if (!fr_open(x, &more, '[', ']'))
        return false;
    while (more) {
        /* "sentence" is a field of version 1 only: later versions ignore it as unknown. */
        fr_keys k = {names, c->version < 2 ? 4 : 3, 0, {NULL}, 0, 0};
        evidence_rec e = {NULL, NULL, 0, 0};
        bool fields;
        if (!fr_open(x, &fields, '{', '}'))
            return false;
        while (fields) {
            int w;
            if (!fr_key(x, &k, &w))
                return false;
            bool ok = w == 0   ? fr_req_string(x, &e.article)
                      : w == 1 ? fr_u32(x, &e.start)
                      : w == 2 ? fr_u32(x, &e.end)
                      : w == 3 ? fr_opt_string(x, &e.sentence)
                               : true;
            if (!ok || !fr_next(x, &fields, '}'))
                return false;
        }
        if (!has_all(&k, 7) || push_evidence(c, r->n_evidence, e) != ERG_OK)
            return false;
        r->n_evidence++;
        if (!fr_next(x, &more, ']'))
            return false;
    }
    return true;
}

static bool fast_outlets(loader *c, fastr *x, link_rec *r)
{
    bool more;
    if (!fr_open(x, &more, '[', ']'))
        return false;
    while (more) {
        const char *s;
        size_t n;
        if (!fr_string(x, &s, &n) || push_outlet(c, r->n_outlets, s) != ERG_OK)
            return false;
        r->n_outlets++;
        if (!fr_next(x, &more, ']'))
            return false;
    }
    return true;
}

/* "patterns": ["told", ...]; false on a name that is no pattern (jansson then says so). */
static bool fast_patterns(fastr *x, link_rec *r)
{
    bool more;
    if (!fr_open(x, &more, '[', ']'))
        return false;
    while (more) {
        const char *s;
        size_t n;
        erg_pattern id;
        if (!fr_string(x, &s, &n) || erg_relate_pattern_find(s, &id) != ERG_OK ||
            id == ERG_PATTERN_NONE)
            return false;
        r->patterns |= 1u << id;
        if (!fr_next(x, &more, ']'))
            return false;
    }
    return true;
}

static bool fast_link(loader *c, fastr *x, link_rec *r)
{
    static const char *const names[] = {
        "source",    "target",  "kind",     "weight",   "articles",   "count",   "first_date",
        "last_date", "outlets", "evidence", "timeline", "confidence", "patterns"};
    fr_keys k = {names, 13, 0, {NULL}, 0, 0};
    memset(r, 0, sizeof *r);
    bool more;
    if (!fr_open(x, &more, '{', '}'))
        return false;
    while (more) {
        int w;
        if (!fr_key(x, &k, &w))
            return false;
        bool ok = true, is_int;
        double wt;
        uint64_t u;
        switch (w) {
        case 0:
            ok = fr_req_string(x, &r->source);
            break;
        case 1:
            ok = fr_req_string(x, &r->target);
            if (ok) {
                /*
                 * The look-up's slot is fetched while the rest of the record is read:
                 * finding link ends was mostly waiting for memory.
                 */
                r->target_hash = erg_hash(r->target, strlen(r->target));
#if defined(__GNUC__)
                if (c->ends)
                    __builtin_prefetch(&c->ends[(size_t)r->target_hash & (c->cap_ends - 1)]);
#endif
            }
            break;
        case 2:
            ok = fr_req_string(x, &r->kind);
#if defined(__GNUC__)
            /* By now the slot has come: the key it points to is fetched in its turn. */
            if (ok && r->target_hash && c->ends) {
                uint64_t v = c->ends[(size_t)r->target_hash & (c->cap_ends - 1)];
                if (v)
                    __builtin_prefetch(c->end_keys.data + ((uint32_t)v - 1));
            }
#endif
            break;
        case 3:
            ok = fr_number(x, &wt, &is_int, &u) && wt > 0 && wt <= 1e12;
            r->wunits = ok ? (uint64_t)llround(wt * ERG_WEIGHT_UNIT) : 0;
            ok = ok && r->wunits > 0;
            break;
        case 4:
            ok = fr_u32(x, &r->articles);
            break;
        case 5:
            ok = fr_u32(x, &r->count);
            r->has_count = true;
            break;
        case 6:
            ok = fr_opt_string(x, &r->first);
            break;
        case 7:
            ok = fr_opt_string(x, &r->last);
            break;
        case 8:
            ok = fast_outlets(c, x, r);
            break;
        case 9:
            ok = fast_evidence(c, x, r);
            break;
        case 10:
            ok = fast_timeline(c, x, true, &r->has_timeline, &r->n_tallies);
            break;
        case 11:
            ok = fr_number(x, &wt, &is_int, &u) && erg_score_from(wt, &r->score) == ERG_OK;
            r->has_score = true;
            break;
        case 12:
            ok = fast_patterns(x, r);
            break;
        default:
            break;
        }
        if (!ok || !fr_next(x, &more, '}'))
            return false;
    }
    return has_all(&k, 31);
}

/*
 * Loads the record text[0..len) of array which through the fast reader.
 * false, with nothing changed, when jansson must read it; true with *st the
 * outcome otherwise. With used NULL the text is the record and nothing may
 * follow it; otherwise the record is the start of the text and *used gets
 * its length.
 */
static bool fast_record(loader *c, erg_graph *g, int which, const char *text, size_t len,
                        size_t *used, erg_status *st)
{
    erg_buf_clear(&c->text);
    if (erg_buf_reserve(&c->text, len + 1) != ERG_OK) {
        *st = erg_error_oom(c->err);
        return true;
    }
    fastr x = {text, text + len, c->text.data};
    bool ok;
    node_rec n;
    link_rec k;
    erg_graph_article a;
    const char *s1, *s2;
    size_t l1;
    uint32_t u1 = 0, u2 = 0;
    switch (which) {
    case ARR_NODES:
        ok = fast_node(c, &x, &n);
        break;
    case ARR_LINKS:
        ok = fast_link(c, &x, &k);
        break;
    case ARR_ARTICLES:
        ok = fast_article(&x, &a);
        break;
    case ARR_IDS:
        ok = fr_string(&x, &s1, &l1);
        break;
    default:
        ok = fast_sentence(&x, &s1, &u1, &u2, &s2, &l1);
        break;
    }
    if (!ok || (!used && fr_peek(&x) >= 0))
        return false;
    if (used)
        *used = (size_t)(x.p - text);
    *st = which == ARR_NODES      ? apply_node(c, g, &n)
          : which == ARR_LINKS    ? apply_link(c, g, &k)
          : which == ARR_ARTICLES ? apply_article(c, g, &a)
          : which == ARR_IDS      ? apply_article_id(c, g, s1, l1)
                                  : apply_sentence(c, g, s1, u1, u2, s2, l1);
    return true;
}

/*
 * The reader streams the file: it finds where each value ends (brackets and
 * strings, nothing more) and hands that slice to jansson, so that only one
 * record at a time is a jansson tree. The arrays are read record by record
 * when they come in the order erg writes them (format and version, graph,
 * articles, sentences, nodes, links); an array that comes before what it needs is
 * parsed whole and read at the end.
 */
typedef struct jreader {
    FILE *f;
    unsigned char buf[65536];
    size_t pos, len;
    bool ioerr;
    long line;        /* line of the next byte, 1-based */
    long long offset; /* offset of the next byte */
    erg_buf slice;
} jreader;

static bool jr_fill(jreader *r)
{
    if (r->pos < r->len)
        return true;
    r->pos = 0;
    r->len = fread(r->buf, 1, sizeof r->buf, r->f);
    if (r->len == 0 && ferror(r->f))
        r->ioerr = true;
    return r->len > 0;
}

/* Skips white space; returns the next byte (not consumed) or EOF. */
static int jr_ws(jreader *r)
{
    while (jr_fill(r)) {
        unsigned char ch = r->buf[r->pos];
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
            return ch;
        r->line += ch == '\n';
        r->offset++;
        r->pos++;
    }
    return EOF;
}

static void jr_skip(jreader *r)
{
    r->pos++;
    r->offset++;
}

static erg_status syntax(loader *c, const jreader *r, const char *fmt, ...) ERG_PRINTF(3, 4);

static erg_status syntax(loader *c, const jreader *r, const char *fmt, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *w = where_text(c);
    if (r->ioerr)
        return erg_error_set(c->err, ERG_EIO, c->path, 0, -1, "cannot read the file");
    return erg_error_set(c->err, ERG_EJSON, c->path, r->line, r->offset, "%s%smalformed JSON: %s",
                         w, w[0] ? ": " : "", msg);
}

static erg_status unexpected(loader *c, const jreader *r, int ch, const char *wanted)
{
    if (ch == EOF)
        return syntax(c, r, "unexpected end of file, expected %s", wanted);
    if (ch < 0x20 || ch >= 0x7F)
        return syntax(c, r, "unexpected byte 0x%02x, expected %s", (unsigned)ch, wanted);
    return syntax(c, r, "unexpected '%c', expected %s", ch, wanted);
}

/*
 * Copies the next value (after white space) into r->slice, finding where it
 * ends by its brackets and strings only; *line and *offset get where it starts.
 */
static erg_status jr_scan(loader *c, jreader *r, long *line, long long *offset)
{
    int ch = jr_ws(r);
    if (ch == EOF || ch == ',' || ch == ':' || ch == ']' || ch == '}')
        return unexpected(c, r, ch, "a value");
    *line = r->line;
    *offset = r->offset;
    erg_buf_clear(&r->slice);
    /* 0: scalar, 1: object or array, 2: string */
    int kind = ch == '{' || ch == '[' ? 1 : ch == '"' ? 2 : 0;
    long depth = 0;
    bool in_str = false, esc = false, done = false;
    while (!done) {
        if (!jr_fill(r)) {
            if (kind == 0)
                break;
            return unexpected(c, r, EOF, kind == 1 ? "the end of the value" : "'\"'");
        }
        size_t start = r->pos;
        while (r->pos < r->len && !done) {
            unsigned char x = r->buf[r->pos];
            if (in_str && !esc) {
                /* The body of a string in one tight loop: most of a record's bytes. */
                const unsigned char *q = r->buf + r->pos, *end = r->buf + r->len;
                while (q < end && *q != '"' && *q != '\\' && *q != '\n')
                    q++;
                r->pos = (size_t)(q - r->buf);
                if (q == end)
                    break;
                x = *q;
            }
            if (kind == 0) {
                if (strchr(",:]}[{\" \t\r\n", x)) {
                    done = true;
                    break;
                }
            } else if (in_str) {
                if (esc)
                    esc = false;
                else if (x == '\\')
                    esc = true;
                else if (x == '"')
                    in_str = false, done = kind == 2;
            } else if (x == '"') {
                in_str = true;
            } else if (x == '{' || x == '[') {
                depth++;
            } else if (x == '}' || x == ']') {
                done = --depth == 0;
            }
            r->line += x == '\n';
            r->pos++;
        }
        r->offset += (long long)(r->pos - start);
        if (erg_buf_append(&r->slice, r->buf + start, r->pos - start) != ERG_OK)
            return erg_error_oom(c->err);
    }
    if (!r->slice.data && erg_buf_putc(&r->slice, '\0') != ERG_OK)
        return erg_error_oom(c->err);
    return ERG_OK;
}

/* Parses r->slice (which started at line and offset) with jansson. */
static erg_status jr_parse(loader *c, jreader *r, long line, long long offset, json_t **out)
{
    json_error_t jerr;
    const char *w = where_text(c);
    erg_json_guard_begin();
    *out = json_loadb(r->slice.data, r->slice.len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);
    if (erg_json_guard_end()) {
        json_decref(*out);
        *out = NULL;
        return erg_error_set(c->err, ERG_ENOMEM, c->path, line, offset, "%s%sout of memory", w,
                             w[0] ? ": " : "");
    }
    if (!*out)
        return erg_error_set(c->err, ERG_EJSON, c->path, line + (jerr.line > 0 ? jerr.line - 1 : 0),
                             offset + (jerr.position > 0 ? jerr.position : 0),
                             "%s%smalformed JSON: %s", w, w[0] ? ": " : "", jerr.text);
    return ERG_OK;
}

/* Reads the next value (after white space) and parses it with jansson. */
static erg_status jr_value(loader *c, jreader *r, json_t **out)
{
    long line;
    long long offset;
    *out = NULL;
    erg_status st = jr_scan(c, r, &line, &offset);
    return st != ERG_OK ? st : jr_parse(c, r, line, offset, out);
}

static erg_status load_record(loader *c, erg_graph *g, int which, size_t i, const json_t *v)
{
    c->rec_arr = which;
    c->rec_i = i;
    erg_status st = which == ARR_ARTICLES    ? load_article(c, g, v)
                    : which == ARR_IDS       ? load_article_id(c, g, v)
                    : which == ARR_SENTENCES ? load_sentence(c, g, v)
                    : which == ARR_NODES     ? load_node(c, g, v)
                                             : load_link(c, g, v);
    c->rec_arr = -1;
    return st;
}

/* Reads an array record by record; *count gets its length. */
static erg_status stream_array(loader *c, jreader *r, erg_graph *g, int which, size_t *count)
{
    *count = 0;
    int ch = jr_ws(r);
    if (ch != '[')
        return ch == EOF ? unexpected(c, r, ch, "'['")
                         : fail(c, ERG_EJSON, "\"%s\" must be an array", arr_names[which]);
    jr_skip(r);
    if (jr_ws(r) == ']') {
        jr_skip(r);
        return ERG_OK;
    }
    for (size_t i = 0;; i++) {
        long line;
        long long offset;
        c->rec_arr = which;
        c->rec_i = i;
        erg_status st = ERG_OK;
        size_t used;
        /*
         * A record in erg's layout that lies whole in the read buffer is read
         * where it is, with no scan for its end and no copy.
         */
        if (jr_ws(r) == '{' &&
            fast_record(c, g, which, (const char *)r->buf + r->pos, r->len - r->pos, &used, &st)) {
            for (size_t k = 0; k < used; k++)
                r->line += r->buf[r->pos + k] == '\n';
            r->pos += used;
            r->offset += (long long)used;
        } else if ((st = jr_scan(c, r, &line, &offset)) == ERG_OK &&
                   !fast_record(c, g, which, r->slice.data, r->slice.len, NULL, &st)) {
            /* erg's own layout goes through the fast reader, anything else through jansson. */
            json_t *v;
            if ((st = jr_parse(c, r, line, offset, &v)) == ERG_OK)
                st = load_record(c, g, which, i, v);
            json_decref(v);
        }
        c->rec_arr = -1;
        if (st != ERG_OK)
            return st;
        *count = i + 1;
        ch = jr_ws(r);
        if (ch == ']') {
            jr_skip(r);
            return ERG_OK;
        }
        if (ch != ',')
            return unexpected(c, r, ch, "',' or ']'");
        jr_skip(r);
    }
}

erg_status erg_graph_load(erg_graph **out, const char *path, erg_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return erg_error_set(err, errno == ENOENT ? ERG_ENOTFOUND : ERG_EIO, path, 0, -1,
                             "cannot open: %s", strerror(errno));
    erg_status st = erg_graph_load_stream(out, f, path, err);
    fclose(f);
    return st;
}

erg_status erg_graph_load_stream(erg_graph **out, FILE *f, const char *name, erg_error *err)
{
    *out = NULL;
    const char *path = name ? name : "";
    if (!f)
        return erg_error_set(err, ERG_EINVAL, path, 0, -1, "no input stream");
    jreader *r = calloc(1, sizeof *r);
    json_t *seen = json_object();
    json_t *fmt = NULL, *ver = NULL, *meta = NULL, *pending[ARR_COUNT] = {NULL};
    bool have[ARR_COUNT] = {false}, done[ARR_COUNT] = {false};
    size_t counts[ARR_COUNT] = {0};
    bool header_ok = false;
    loader c = {.path = path, .err = err, .rec_arr = -1, .last_source = -1, .links_in_order = true};
    erg_buf_init(&c.text);
    erg_buf_init(&c.end_keys);
    /* Every record takes 16 bytes or more; a stream of unknown size gets room for a million. */
    struct stat sb;
    int fd = fileno(f);
    c.max_records = fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)
                        ? (size_t)sb.st_size / 16 + 16
                        : (size_t)1 << 20;
    erg_graph *g = NULL;
    erg_status st = ERG_OK;
    if (!r || !seen || erg_graph_new(&g, 0, err) != ERG_OK) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    /* Articles come before the evidence that cites them: none goes before finish. */
    g->hold_articles = true;
    r->f = f;
    r->line = 1;
    erg_buf_init(&r->slice);

    int ch = jr_ws(r);
    if (ch != '{') {
        st = ch == EOF
                 ? syntax(&c, r, "the file is empty")
                 : fail(&c, ERG_EFORMAT, "not an erg graph file (the top level is not an object)");
        goto cleanup;
    }
    jr_skip(r);
    if (jr_ws(r) == '}')
        jr_skip(r);
    else
        for (;;) {
            json_t *k, *v = NULL;
            if ((st = jr_value(&c, r, &k)) != ERG_OK)
                goto cleanup;
            if (!json_is_string(k)) {
                json_decref(k);
                st = syntax(&c, r, "an object key must be a string");
                goto cleanup;
            }
            char key[64];
            snprintf(key, sizeof key, "%s", json_string_value(k));
            bool dup = json_object_get(seen, json_string_value(k)) != NULL;
            if (!dup && json_object_set_new(seen, json_string_value(k), json_true()) != 0) {
                json_decref(k);
                st = erg_error_oom(err);
                goto cleanup;
            }
            json_decref(k);
            if (dup) {
                st = syntax(&c, r, "the key \"%s\" appears twice", key);
                goto cleanup;
            }
            if ((ch = jr_ws(r)) != ':') {
                st = unexpected(&c, r, ch, "':'");
                goto cleanup;
            }
            jr_skip(r);
            int which = -1;
            for (int i = 0; i < ARR_COUNT; i++)
                if (strcmp(key, arr_names[i]) == 0)
                    which = i;
            if ((which == ARR_SENTENCES && header_ok && c.version < 2) ||
                (which == ARR_IDS && header_ok && c.version < 3))
                which = -1; /* not part of a file of that version: ignored */
            /* Sentences need the articles; links need the articles, sentences and nodes. */
            bool ready = header_ok && (which != ARR_SENTENCES || done[ARR_ARTICLES]) &&
                         (which != ARR_LINKS || (done[ARR_ARTICLES] && done[ARR_NODES] && meta &&
                                                 (c.version < 2 || done[ARR_SENTENCES])));
            if (which >= 0 && ready) {
                if ((st = stream_array(&c, r, g, which, &counts[which])) != ERG_OK ||
                    (which == ARR_SENTENCES && (st = sentences_done(&c, g)) != ERG_OK))
                    goto cleanup;
                have[which] = done[which] = true;
            } else {
                if ((st = jr_value(&c, r, &v)) != ERG_OK)
                    goto cleanup;
                if (which >= 0) {
                    have[which] = true;
                    pending[which] = v;
                    if (!json_is_array(v)) {
                        st = fail(&c, ERG_EJSON, "\"%s\" must be an array", key);
                        goto cleanup;
                    }
                } else if (strcmp(key, "format") == 0) {
                    fmt = v;
                } else if (strcmp(key, "version") == 0) {
                    ver = v;
                } else if (strcmp(key, "graph") == 0) {
                    meta = v;
                    if ((st = check_meta(&c, g, meta)) != ERG_OK)
                        goto cleanup;
                } else {
                    if ((strcmp(key, "directed") == 0 && !json_is_false(v)) ||
                        (strcmp(key, "multigraph") == 0 && !json_is_true(v))) {
                        st = fail(&c, ERG_EFORMAT, "\"%s\" must be %s", key,
                                  key[0] == 'd' ? "false" : "true");
                        json_decref(v);
                        goto cleanup;
                    }
                    json_decref(v); /* unknown keys are ignored */
                }
                if (!header_ok && fmt && ver) {
                    if ((st = check_format(&c, fmt, ver)) != ERG_OK)
                        goto cleanup;
                    header_ok = true;
                }
            }
            ch = jr_ws(r);
            if (ch == '}') {
                jr_skip(r);
                break;
            }
            if (ch != ',') {
                st = unexpected(&c, r, ch, "',' or '}'");
                goto cleanup;
            }
            jr_skip(r);
        }
    if ((ch = jr_ws(r)) != EOF) {
        st = syntax(&c, r, "unexpected data after the graph object");
        goto cleanup;
    }
    if (r->ioerr) {
        st = erg_error_set(err, ERG_EIO, path, 0, -1, "cannot read the file");
        goto cleanup;
    }
    if (!header_ok && (st = check_format(&c, fmt, ver)) != ERG_OK)
        goto cleanup;
    for (int w = 0; w < ARR_COUNT; w++) {
        if ((w == ARR_SENTENCES && c.version < 2) || (w == ARR_IDS && c.version < 3))
            continue;
        if (!have[w]) {
            st = fail(&c, ERG_EJSON, "\"%s\" is missing", arr_names[w]);
            goto cleanup;
        }
        if (done[w])
            continue;
        size_t i;
        json_t *v;
        json_array_foreach(pending[w], i, v)
        {
            if ((st = load_record(&c, g, w, i, v)) != ERG_OK)
                goto cleanup;
        }
        counts[w] = json_array_size(pending[w]);
        if (w == ARR_SENTENCES && (st = sentences_done(&c, g)) != ERG_OK)
            goto cleanup;
    }
    /* A listed (cited) article must be one of the ids. */
    for (size_t i = 0; c.version >= 3 && i < g->n_arts; i++) {
        const char *id = g->arts[i].a.id;
        if (!erg_graph_i_idset_has(&g->ids, erg_graph_i_id_hash(id))) {
            snprintf(c.where, sizeof c.where, "articles[%zu]", i);
            st = fail(&c, ERG_EFORMAT, "the hash of article id '%s' is not in \"article_ids\"", id);
            goto cleanup;
        }
    }
    /* "graph" counts every article (the ids), no sentences. */
    counts[ARR_ARTICLES] = g->ids.n;
    static const char *const count_keys[ARR_COUNT] = {"articles", NULL, NULL, "entities", "edges"};
    for (int w = 0; meta && w < ARR_COUNT; w++) {
        if (!count_keys[w])
            continue;
        json_t *n = json_object_get(meta, count_keys[w]);
        if (n && (size_t)json_integer_value(n) != counts[w]) {
            snprintf(c.where, sizeof c.where, "graph");
            st = fail(&c, ERG_EFORMAT, "\"%s\" says %lld but the file holds %zu", count_keys[w],
                      (long long)json_integer_value(n), counts[w]);
            goto cleanup;
        }
    }
    /* Evidence holds its own references to the texts it cites; uncited ones go now. */
    sentences_release(&c, g);
    /* Articles no evidence cites keep only their id hash: finish drops their records. */
    g->hold_articles = false;
    if ((st = erg_graph_finish(g, TYPE_MASK_ALL, err)) != ERG_OK)
        goto cleanup;
    *out = g;
    g = NULL;
cleanup:
    sentences_release(&c, g);
    free(c.aliases);
    free(c.outlets);
    free(c.evidence);
    free(c.tallies);
    free(c.ends);
    erg_buf_release(&c.end_keys);
    erg_buf_release(&c.text);
    if (st != ERG_OK && err && !err->source[0])
        snprintf(err->source, sizeof err->source, "%s", path);
    if (r)
        erg_buf_release(&r->slice);
    free(r);
    json_decref(seen);
    json_decref(fmt);
    json_decref(ver);
    json_decref(meta);
    for (int w = 0; w < ARR_COUNT; w++)
        json_decref(pending[w]);
    erg_graph_free(g);
    return st;
}
