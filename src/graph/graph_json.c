/*
 * graph_json.c: the native graph file (node-link JSON), written one record
 * per line so that memory stays with the graph and diffs stay readable.
 */
#include "graph_private.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define TYPE_MASK_ALL                                                                              \
    (ERG_TYPE_BIT(ERG_TYPE_PERSON) | ERG_TYPE_BIT(ERG_TYPE_AGENCY) |                               \
     ERG_TYPE_BIT(ERG_TYPE_OUTLET) | ERG_TYPE_BIT(ERG_TYPE_PLACE))

/* ---- writing ------------------------------------------------------------------ */

/* Sets key to a string, or leaves it out when s is NULL. Returns false on failure. */
static bool set_opt_str(json_t *o, const char *key, const char *s)
{
    return !s || json_object_set_new(o, key, json_string(s)) == 0;
}

static bool set_u32(json_t *o, const char *key, uint32_t v)
{
    return json_object_set_new(o, key, json_integer((json_int_t)v)) == 0;
}

static json_t *article_json(const erg_graph_article *a)
{
    json_t *o = json_object();
    if (!o || json_object_set_new(o, "id", json_string(a->id)) != 0 ||
        !set_opt_str(o, "title", a->title) || !set_opt_str(o, "date", a->date) ||
        !set_opt_str(o, "source", a->source) || !set_opt_str(o, "url", a->url)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *node_json(const erg_entity *e)
{
    json_t *o = json_object();
    json_t *aliases = json_array();
    json_t *votes = json_object();
    bool ok = o && aliases && votes;
    ok = ok && json_object_set_new(o, "id", json_string(e->key)) == 0;
    ok = ok && json_object_set_new(o, "name", json_string(e->name)) == 0;
    ok = ok && json_object_set_new(o, "type", json_string(erg_type_name(e->type))) == 0;
    ok = ok && set_u32(o, "mentions", e->mentions) && set_u32(o, "articles", e->articles);
    ok = ok && set_opt_str(o, "first_date", e->first_date) &&
         set_opt_str(o, "last_date", e->last_date);
    for (size_t i = 0; ok && i < e->n_aliases; i++) {
        json_t *a = json_object();
        ok = a && json_object_set_new(a, "name", json_string(e->aliases[i].name)) == 0 &&
             set_u32(a, "count", e->aliases[i].count);
        if (!ok) {
            json_decref(a);
            break;
        }
        ok = json_array_append_new(aliases, a) == 0; /* takes a even when it fails */
    }
    for (int t = 0; ok && t < ERG_TYPE_COUNT; t++)
        if (e->type_votes[t])
            ok = set_u32(votes, erg_type_name((erg_type)t), e->type_votes[t]);
    ok = ok && json_object_set(o, "aliases", aliases) == 0;
    ok = ok && json_object_set(o, "votes", votes) == 0;
    json_decref(aliases);
    json_decref(votes);
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *link_json(const erg_graph *g, const erg_edge *d)
{
    json_t *o = json_object();
    json_t *outlets = json_array();
    json_t *evidence = json_array();
    bool ok = o && outlets && evidence;
    ok = ok && json_object_set_new(o, "source", json_string(g->ents[d->source].key)) == 0;
    ok = ok && json_object_set_new(o, "target", json_string(g->ents[d->target].key)) == 0;
    ok = ok && json_object_set_new(o, "kind", json_string(erg_kind_name(d->kind))) == 0;
    ok = ok && set_u32(o, "weight", d->weight) && set_u32(o, "articles", d->articles);
    ok = ok && set_opt_str(o, "first_date", d->first_date) &&
         set_opt_str(o, "last_date", d->last_date);
    for (size_t i = 0; ok && i < d->n_outlets; i++)
        ok = json_array_append_new(outlets, json_string(d->outlets[i])) == 0;
    for (size_t i = 0; ok && i < d->n_evidence; i++) {
        const erg_evidence *ev = &d->evidence[i];
        json_t *e = json_object();
        ok = e && json_object_set_new(e, "article", json_string(ev->article)) == 0 &&
             set_u32(e, "start", ev->start) && set_u32(e, "end", ev->end) &&
             json_object_set_new(e, "sentence", json_string(ev->sentence)) == 0;
        if (!ok) {
            json_decref(e);
            break;
        }
        ok = json_array_append_new(evidence, e) == 0;
    }
    ok = ok && json_object_set(o, "outlets", outlets) == 0;
    ok = ok && json_object_set(o, "evidence", evidence) == 0;
    json_decref(outlets);
    json_decref(evidence);
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Dumps j (consumed) compactly; false on failure. */
static bool dump(json_t *j, FILE *f)
{
    if (!j)
        return false;
    int r = json_dumpf(j, f, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(j);
    return r == 0;
}

erg_status erg_graph_write_json(const erg_graph *g, FILE *f, erg_error *err)
{
    if (!g || !f)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "no graph or no output");
    if (!g->finished)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    bool ok =
        fprintf(f,
                "{\"format\":\"erg-graph\",\"version\":%d,\"directed\":false,"
                "\"multigraph\":true,\n\"graph\":{\"entities\":%zu,\"edges\":%zu,"
                "\"articles\":%zu,\"max_evidence\":%u},\n\"articles\":[",
                ERG_GRAPH_FORMAT_VERSION, g->n_ents, g->n_edges, g->n_arts, g->max_evidence) > 0;
    bool nomem = false;
    for (size_t i = 0; ok && i < g->n_arts; i++) {
        json_t *j = article_json(&g->arts[i]);
        nomem = !j;
        ok = !nomem && fputs(i ? ",\n" : "\n", f) >= 0 && dump(j, f);
    }
    ok = ok && fputs("\n],\n\"nodes\":[", f) >= 0;
    for (size_t i = 0; ok && i < g->n_ents; i++) {
        json_t *j = node_json(&g->ents[i]);
        nomem = !j;
        ok = !nomem && fputs(i ? ",\n" : "\n", f) >= 0 && dump(j, f);
    }
    ok = ok && fputs("\n],\n\"links\":[", f) >= 0;
    for (size_t i = 0; ok && i < g->n_edges; i++) {
        json_t *j = link_json(g, &g->edges[i]);
        nomem = !j;
        ok = !nomem && fputs(i ? ",\n" : "\n", f) >= 0 && dump(j, f);
    }
    ok = ok && fputs("\n]}\n", f) >= 0;
    if (nomem)
        return erg_error_oom(err);
    if (!ok || ferror(f))
        return erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write the graph");
    return ERG_OK;
}

/* ---- loading -------------------------------------------------------------------- */

typedef struct loader {
    const char *path;
    erg_error *err;
    char where[96]; /* the record being read: "nodes[3]" */
} loader;

static erg_status fail(loader *c, erg_status st, const char *fmt, ...) ERG_PRINTF(3, 4);

static erg_status fail(loader *c, erg_status st, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (c->where[0])
        return erg_error_set(c->err, st, c->path, 0, -1, "%s: %s", c->where, msg);
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

static erg_status load_header(loader *c, const json_t *root, unsigned *max_evidence, json_t **arts,
                              json_t **nodes, json_t **links)
{
    if (!json_is_object(root))
        return fail(c, ERG_EFORMAT, "not an erg graph file (the top level is not an object)");
    json_t *fmt = json_object_get(root, "format");
    if (!json_is_string(fmt) || strcmp(json_string_value(fmt), "erg-graph") != 0)
        return fail(c, ERG_EFORMAT, "not an erg graph file (no \"format\": \"erg-graph\")");
    json_t *ver = json_object_get(root, "version");
    if (!json_is_integer(ver))
        return fail(c, ERG_EFORMAT, "\"version\" is missing or not an integer");
    if (json_integer_value(ver) != ERG_GRAPH_FORMAT_VERSION)
        return fail(c, ERG_EFORMAT, "unsupported version %lld (this erg reads version %d)",
                    (long long)json_integer_value(ver), ERG_GRAPH_FORMAT_VERSION);
    json_t *v = json_object_get(root, "directed");
    if (v && !json_is_false(v))
        return fail(c, ERG_EFORMAT, "\"directed\" must be false");
    v = json_object_get(root, "multigraph");
    if (v && !json_is_true(v))
        return fail(c, ERG_EFORMAT, "\"multigraph\" must be true");
    erg_status st;
    if ((st = get_array(c, root, "articles", true, arts)) != ERG_OK ||
        (st = get_array(c, root, "nodes", true, nodes)) != ERG_OK ||
        (st = get_array(c, root, "links", true, links)) != ERG_OK)
        return st;
    json_t *meta = json_object_get(root, "graph");
    *max_evidence = ERG_GRAPH_DEFAULT_EVIDENCE;
    if (!meta)
        return ERG_OK;
    if (!json_is_object(meta))
        return fail(c, ERG_EJSON, "\"graph\" must be an object");
    snprintf(c->where, sizeof c->where, "graph");
    uint32_t n;
    if ((st = get_u32(c, meta, "max_evidence", false, &n)) != ERG_OK)
        return st;
    if (json_object_get(meta, "max_evidence")) {
        if (n == 0)
            return fail(c, ERG_EFORMAT, "\"max_evidence\" must be at least 1");
        *max_evidence = n;
    }
    static const char *const counts[3] = {"articles", "entities", "edges"};
    const json_t *arrays[3] = {*arts, *nodes, *links};
    for (int i = 0; i < 3; i++) {
        if (!json_object_get(meta, counts[i]))
            continue;
        if ((st = get_u32(c, meta, counts[i], false, &n)) != ERG_OK)
            return st;
        if (n != json_array_size(arrays[i]))
            return fail(c, ERG_EFORMAT, "\"%s\" says %u but the file holds %zu", counts[i], n,
                        json_array_size(arrays[i]));
    }
    c->where[0] = '\0';
    return ERG_OK;
}

static erg_status load_articles(loader *c, erg_graph *g, const json_t *arts)
{
    size_t i;
    json_t *a;
    json_array_foreach(arts, i, a)
    {
        snprintf(c->where, sizeof c->where, "articles[%zu]", i);
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
        if (erg_graph_i_find_article(g, id) >= 0)
            return fail(c, ERG_EFORMAT, "article id '%s' appears twice", id);
        if (erg_graph_i_article(g, id, title, date, source, url) != ERG_OK)
            return erg_error_oom(c->err);
    }
    return ERG_OK;
}

static erg_status load_node(loader *c, erg_graph *g, const json_t *o)
{
    if (!json_is_object(o))
        return fail(c, ERG_EJSON, "a node must be an object");
    const char *key, *name, *type_name, *first, *last;
    uint32_t mentions, articles;
    json_t *aliases;
    erg_status st;
    if ((st = get_str(c, o, "id", true, &key)) != ERG_OK ||
        (st = get_str(c, o, "name", true, &name)) != ERG_OK ||
        (st = get_str(c, o, "type", true, &type_name)) != ERG_OK ||
        (st = get_u32(c, o, "mentions", true, &mentions)) != ERG_OK ||
        (st = get_u32(c, o, "articles", true, &articles)) != ERG_OK ||
        (st = get_str(c, o, "first_date", false, &first)) != ERG_OK ||
        (st = get_str(c, o, "last_date", false, &last)) != ERG_OK ||
        (st = get_array(c, o, "aliases", false, &aliases)) != ERG_OK)
        return st;
    erg_type type;
    if (erg_type_parse(type_name, strlen(type_name), &type) != ERG_OK || type == ERG_TYPE_MISC)
        return fail(c, ERG_EFORMAT, "unknown entity type '%s' (person, agency, outlet, place)",
                    type_name);
    if (erg_graph_find_key(g, key) >= 0)
        return fail(c, ERG_EFORMAT, "node id '%s' appears twice", key);
    uint32_t gi;
    if (erg_graph_i_entity(g, key, type, name, &gi) != ERG_OK)
        return erg_error_oom(c->err);
    erg_entity *e = &g->ents[gi];
    e->mentions = mentions;
    e->articles = articles;
    if (erg_graph_i_dates(&e->first_date, &e->last_date, first) != ERG_OK ||
        erg_graph_i_dates(&e->first_date, &e->last_date, last) != ERG_OK)
        return erg_error_oom(c->err);
    size_t i;
    json_t *a;
    json_array_foreach(aliases, i, a)
    {
        const char *an;
        uint32_t count;
        if (!json_is_object(a))
            return fail(c, ERG_EJSON, "aliases[%zu] must be an object", i);
        if ((st = get_str(c, a, "name", true, &an)) != ERG_OK ||
            (st = get_u32(c, a, "count", true, &count)) != ERG_OK)
            return st;
        size_t before = e->n_aliases;
        if (erg_graph_i_alias(e, an, count) != ERG_OK)
            return erg_error_oom(c->err);
        if (e->n_aliases == before)
            return fail(c, ERG_EFORMAT, "alias '%s' appears twice", an);
    }
    json_t *votes = json_object_get(o, "votes");
    if (!votes) {
        /* A hand-written file may leave votes out: the stated type takes them all. */
        e->type_votes[type] = mentions ? mentions : 1;
        return ERG_OK;
    }
    if (!json_is_object(votes))
        return fail(c, ERG_EJSON, "\"votes\" must be an object");
    const char *vk;
    json_t *vv;
    json_object_foreach(votes, vk, vv)
    {
        erg_type t;
        if (erg_type_parse(vk, strlen(vk), &t) != ERG_OK)
            return fail(c, ERG_EFORMAT, "\"votes\" names an unknown type '%s'", vk);
        if ((st = get_u32(c, votes, vk, true, &e->type_votes[t])) != ERG_OK)
            return st;
    }
    return ERG_OK;
}

static erg_status load_link(loader *c, erg_graph *g, const json_t *o)
{
    if (!json_is_object(o))
        return fail(c, ERG_EJSON, "a link must be an object");
    const char *source, *target, *kind_name, *first, *last;
    uint32_t weight, articles;
    json_t *outlets, *evidence;
    erg_status st;
    if ((st = get_str(c, o, "source", true, &source)) != ERG_OK ||
        (st = get_str(c, o, "target", true, &target)) != ERG_OK ||
        (st = get_str(c, o, "kind", true, &kind_name)) != ERG_OK ||
        (st = get_u32(c, o, "weight", true, &weight)) != ERG_OK ||
        (st = get_u32(c, o, "articles", true, &articles)) != ERG_OK ||
        (st = get_str(c, o, "first_date", false, &first)) != ERG_OK ||
        (st = get_str(c, o, "last_date", false, &last)) != ERG_OK ||
        (st = get_array(c, o, "outlets", false, &outlets)) != ERG_OK ||
        (st = get_array(c, o, "evidence", false, &evidence)) != ERG_OK)
        return st;
    long s = erg_graph_find_key(g, source), t = erg_graph_find_key(g, target);
    if (s < 0)
        return fail(c, ERG_EFORMAT, "source '%s' is not a node", source);
    if (t < 0)
        return fail(c, ERG_EFORMAT, "target '%s' is not a node", target);
    if (s == t)
        return fail(c, ERG_EFORMAT, "a link from '%s' to itself", source);
    erg_kind kind;
    if (erg_kind_parse(kind_name, &kind) != ERG_OK)
        return fail(c, ERG_EFORMAT, "unknown kind '%s'", kind_name);
    if (kind == ERG_KIND_CO_MENTION && s > t) {
        long x = s;
        s = t;
        t = x;
    }
    size_t before = g->n_edges;
    uint32_t di;
    if (erg_graph_i_edge(g, (uint32_t)s, (uint32_t)t, kind, &di) != ERG_OK)
        return erg_error_oom(c->err);
    if (g->n_edges == before)
        return fail(c, ERG_EFORMAT, "the %s link between '%s' and '%s' appears twice", kind_name,
                    source, target);
    erg_edge *d = &g->edges[di];
    d->weight = weight;
    d->articles = articles;
    if (erg_graph_i_dates(&d->first_date, &d->last_date, first) != ERG_OK ||
        erg_graph_i_dates(&d->first_date, &d->last_date, last) != ERG_OK)
        return erg_error_oom(c->err);
    size_t i;
    json_t *v;
    json_array_foreach(outlets, i, v)
    {
        if (!json_is_string(v))
            return fail(c, ERG_EJSON, "outlets[%zu] must be a string", i);
        if (erg_graph_i_outlet(d, json_string_value(v)) != ERG_OK)
            return erg_error_oom(c->err);
    }
    json_array_foreach(evidence, i, v)
    {
        const char *article, *sentence;
        uint32_t start, end;
        if (!json_is_object(v))
            return fail(c, ERG_EJSON, "evidence[%zu] must be an object", i);
        if ((st = get_str(c, v, "article", true, &article)) != ERG_OK ||
            (st = get_u32(c, v, "start", true, &start)) != ERG_OK ||
            (st = get_u32(c, v, "end", true, &end)) != ERG_OK ||
            (st = get_str(c, v, "sentence", false, &sentence)) != ERG_OK)
            return st;
        if (start > end)
            return fail(c, ERG_EFORMAT, "evidence[%zu] starts after it ends", i);
        if (erg_graph_i_find_article(g, article) < 0)
            return fail(c, ERG_EFORMAT, "evidence[%zu] names article '%s', which is not listed", i,
                        article);
        if (erg_graph_i_evidence(d, g->max_evidence, article, start, end,
                                 sentence ? sentence : "") != ERG_OK)
            return erg_error_oom(c->err);
    }
    return ERG_OK;
}

erg_status erg_graph_load(erg_graph **out, const char *path, erg_error *err)
{
    *out = NULL;
    char *data = NULL;
    size_t len = 0;
    erg_status st = erg_read_file(path, &data, &len, err);
    if (st != ERG_OK)
        return st;
    json_error_t jerr;
    json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
    free(data);
    if (!root)
        return erg_error_set(err, ERG_EJSON, path, jerr.line > 0 ? jerr.line : 0,
                             jerr.position >= 0 ? (long long)jerr.position : -1,
                             "malformed JSON at column %d: %s", jerr.column, jerr.text);
    loader c = {path, err, ""};
    erg_graph *g = NULL;
    unsigned max_evidence = ERG_GRAPH_DEFAULT_EVIDENCE;
    json_t *arts = NULL, *nodes = NULL, *links = NULL;
    if ((st = load_header(&c, root, &max_evidence, &arts, &nodes, &links)) != ERG_OK)
        goto cleanup;
    if ((st = erg_graph_new(&g, max_evidence, err)) != ERG_OK)
        goto cleanup;
    if ((st = load_articles(&c, g, arts)) != ERG_OK)
        goto cleanup;
    size_t i;
    json_t *v;
    json_array_foreach(nodes, i, v)
    {
        snprintf(c.where, sizeof c.where, "nodes[%zu]", i);
        if ((st = load_node(&c, g, v)) != ERG_OK)
            goto cleanup;
    }
    json_array_foreach(links, i, v)
    {
        snprintf(c.where, sizeof c.where, "links[%zu]", i);
        if ((st = load_link(&c, g, v)) != ERG_OK)
            goto cleanup;
    }
    if ((st = erg_graph_finish(g, TYPE_MASK_ALL, err)) != ERG_OK)
        goto cleanup;
    *out = g;
    g = NULL;
cleanup:
    if (st != ERG_OK && err && !err->source[0])
        snprintf(err->source, sizeof err->source, "%s", path);
    erg_graph_free(g);
    json_decref(root);
    return st;
}
