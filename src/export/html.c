/*
 * html.c: one self-contained HTML page that draws the graph in a browser,
 * offline.
 *
 * The page is the template data/html/view.html with its CSS and JS, the
 * vendored cytoscape.js and its licence (all compiled in by
 * data/tools/gen_embed.py, so nothing is read at run time) and the graph as
 * JSON in a <script type="application/json"> element. Positions come from
 * igraph's Fruchterman-Reingold layout with a fixed seed, so the browser
 * draws with cytoscape's "preset" layout at once and the same graph gives
 * the same bytes. Graphs of more than HTML_MAX_NODES entities (or --draw-top) are cut to
 * the most important ones (erg_export_i_cut) and the page says so.
 */
#include "export_private.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/*
 * The most entities the page draws. cytoscape.js on a 2D canvas pans and
 * zooms smoothly with a thousand nodes and their links (a few thousand
 * elements); past that, news graphs are a hairball of minor names in any
 * case, and the file grows by the evidence of every link.
 */
#define HTML_MAX_NODES 1000
/* The evidence sentences kept per link: enough to read why it is there. */
#define HTML_MAX_EVIDENCE 5
/* The layout's seed (the value the analysis uses for Leiden and Louvain). */
#define HTML_LAYOUT_SEED 20090301u
/* Fruchterman-Reingold iterations (igraph's default is 500). */
#define HTML_LAYOUT_ITER 500
/* Node diameters on the page, in layout units, from the least to the most important. */
#define HTML_SIZE_LO 12.0
#define HTML_SIZE_HI 60.0

/* What the page draws: the kept entities and the edges among them, with positions and sizes. */
typedef struct view {
    size_t n;      /* kept entities */
    size_t *node;  /* node k of the page is entity node[k] */
    size_t m;      /* kept edges */
    size_t *edge;  /* edge j of the page is graph edge edge[j] */
    long *slot;    /* per entity: its node on the page, or -1 */
    double *x, *y; /* per page node */
    double *size;  /* per page node */
} view;

static void view_release(view *v)
{
    free(v->node);
    free(v->edge);
    free(v->slot);
    free(v->x);
    free(v->y);
    free(v->size);
}

/* Chooses the entities and edges (the cut); ERG_ENOMEM. */
/* The entities the page keeps at most: opts->max_nodes (--draw-top), else HTML_MAX_NODES. */
static size_t html_top(const erg_export_options *o)
{
    return o->max_nodes ? o->max_nodes : HTML_MAX_NODES;
}

static erg_status view_select(view *v, const erg_graph *g, const erg_export_options *o)
{
    size_t n = erg_graph_entity_count(g), m = erg_graph_edge_count(g);
    bool *keep = malloc((n ? n : 1) * sizeof *keep);
    size_t kept = 0;
    erg_status st = ERG_ENOMEM;
    v->node = malloc((n ? n : 1) * sizeof *v->node);
    v->slot = malloc((n ? n : 1) * sizeof *v->slot);
    v->edge = malloc((m ? m : 1) * sizeof *v->edge);
    if (!keep || !v->node || !v->slot || !v->edge)
        goto cleanup;
    if ((st = erg_export_i_cut(g, o, html_top(o), keep, &kept)) != ERG_OK)
        goto cleanup;
    v->n = 0;
    for (size_t i = 0; i < n; i++) {
        v->slot[i] = keep[i] ? (long)v->n : -1;
        if (keep[i])
            v->node[v->n++] = i;
    }
    v->m = 0;
    for (size_t j = 0; j < m; j++) {
        const erg_edge *d = erg_graph_edge(g, j);
        if (keep[d->source] && keep[d->target])
            v->edge[v->m++] = j;
    }
    size_t cap = v->n ? v->n : 1;
    v->x = calloc(cap, sizeof *v->x);
    v->y = calloc(cap, sizeof *v->y);
    v->size = calloc(cap, sizeof *v->size);
    st = v->x && v->y && v->size ? ERG_OK : ERG_ENOMEM;
cleanup:
    free(keep);
    return st;
}

/*
 * Positions by Fruchterman-Reingold over the kept edges (attraction
 * 1 + log2(1 + weight), so heavy links pull without collapsing the
 * drawing), scaled to a square of side 80 sqrt(n) + 200 centred on 0.
 */
static erg_status view_layout(view *v, const erg_graph *g, erg_error *err)
{
    if (v->n == 0)
        return ERG_OK;
    igraph_t ig;
    igraph_vector_int_t ends;
    igraph_vector_t w;
    igraph_matrix_t pos;
    bool have_g = false, have_e = false, have_w = false, have_p = false;
    erg_status st = ERG_EIGRAPH;
    if (igraph_vector_int_init(&ends, (igraph_integer_t)(2 * v->m)) != IGRAPH_SUCCESS)
        goto cleanup;
    have_e = true;
    if (igraph_vector_init(&w, (igraph_integer_t)v->m) != IGRAPH_SUCCESS)
        goto cleanup;
    have_w = true;
    for (size_t j = 0; j < v->m; j++) {
        const erg_edge *d = erg_graph_edge(g, v->edge[j]);
        VECTOR(ends)[2 * j] = v->slot[d->source];
        VECTOR(ends)[2 * j + 1] = v->slot[d->target];
        VECTOR(w)[j] = 1.0 + log2(1.0 + erg_edge_weight(d));
    }
    if (igraph_create(&ig, &ends, (igraph_integer_t)v->n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        goto cleanup;
    have_g = true;
    if (igraph_matrix_init(&pos, 0, 0) != IGRAPH_SUCCESS)
        goto cleanup;
    have_p = true;
    igraph_rng_seed(igraph_rng_default(), HTML_LAYOUT_SEED);
    if (igraph_layout_fruchterman_reingold(&ig, &pos, false, HTML_LAYOUT_ITER, sqrt((double)v->n),
                                           IGRAPH_LAYOUT_AUTOGRID, &w, NULL, NULL, NULL,
                                           NULL) != IGRAPH_SUCCESS)
        goto cleanup;
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (size_t k = 0; k < v->n; k++) {
        double x = MATRIX(pos, k, 0), y = MATRIX(pos, k, 1);
        x0 = fmin(x0, x);
        x1 = fmax(x1, x);
        y0 = fmin(y0, y);
        y1 = fmax(y1, y);
    }
    double span = fmax(x1 - x0, y1 - y0);
    double side = 80.0 * sqrt((double)v->n) + 200.0;
    double scale = span > 0 ? side / span : 0;
    for (size_t k = 0; k < v->n; k++) {
        v->x[k] = round((MATRIX(pos, k, 0) - (x0 + x1) / 2) * scale);
        v->y[k] = round((MATRIX(pos, k, 1) - (y0 + y1) / 2) * scale);
    }
    st = ERG_OK;
cleanup:
    if (have_p)
        igraph_matrix_destroy(&pos);
    if (have_g)
        igraph_destroy(&ig);
    if (have_w)
        igraph_vector_destroy(&w);
    if (have_e)
        igraph_vector_int_destroy(&ends);
    if (st != ERG_OK)
        return erg_error_set(err, st, NULL, 0, -1, "igraph could not lay out the graph");
    return ERG_OK;
}

/*
 * Sizes from the importance (the first --rank measure, else log2(1 +
 * mentions)), scaled so that the area from HTML_SIZE_LO to HTML_SIZE_HI (as
 * diameters) grows with it; an entity without a score gets the smallest size.
 */
static void view_sizes(view *v, const erg_graph *g, const erg_export_options *o)
{
    double lo = INFINITY, hi = -INFINITY;
    for (size_t k = 0; k < v->n; k++) {
        double s = erg_export_i_importance(g, o, v->node[k]);
        if (o->n_attrs == 0)
            s = log2(1.0 + s);
        v->size[k] = s;
        if (isfinite(s)) {
            lo = fmin(lo, s);
            hi = fmax(hi, s);
        }
    }
    for (size_t k = 0; k < v->n; k++) {
        double s = v->size[k];
        /* The area grows with the score: the diameter with its square root. */
        double t = isfinite(s) && hi > lo ? sqrt((s - lo) / (hi - lo)) : 0.0;
        v->size[k] = round(10.0 * (HTML_SIZE_LO + (HTML_SIZE_HI - HTML_SIZE_LO) * t)) / 10.0;
    }
}

/* ---- the JSON ---- */

/* Builds JSON without checking each step: any failure (out of memory) clears ok. */
typedef struct jb {
    bool ok;
    json_t *articles;   /* the cited articles, in order of first citation */
    json_t *art_index;  /* article id -> its index in articles */
    json_t *sentences;  /* {"article": index, "text"} */
    json_t *sent_index; /* "article id\x1fstart" -> index in sentences */
    erg_buf key;
} jb;

static void put(jb *b, json_t *obj, const char *k, json_t *v)
{
    if (!v || json_object_set_new(obj, k, v) != 0)
        b->ok = false;
}

static void put_str(jb *b, json_t *obj, const char *k, const char *s)
{
    if (s)
        put(b, obj, k, json_string(s));
}

/*
 * A display string (a name, an alias, an outlet) without its bidirectional
 * overrides and isolates (erg_strip_bidi_overrides); NULL when out of memory.
 */
static json_t *display_string(const char *s)
{
    if (!erg_has_bidi_override(s))
        return json_string(s);
    char *c = erg_strdup(s);
    json_t *v = NULL;
    if (c) {
        erg_strip_bidi_overrides(c);
        v = json_string(c);
    }
    free(c);
    return v;
}

static void append(jb *b, json_t *arr, json_t *v)
{
    if (!v || json_array_append_new(arr, v) != 0)
        b->ok = false;
}

/* The index of the cited article id in b->articles, adding it first; -1 on failure. */
static json_int_t article_index(jb *b, const erg_graph *g, const char *id)
{
    json_t *have = json_object_get(b->art_index, id);
    if (have)
        return json_integer_value(have);
    json_int_t k = (json_int_t)json_array_size(b->articles);
    const erg_graph_article *a = erg_graph_find_article(g, id);
    json_t *rec = json_object();
    if (!rec) {
        b->ok = false;
        return -1;
    }
    put_str(b, rec, "id", id);
    if (a) {
        put_str(b, rec, "title", a->title);
        put_str(b, rec, "date", a->date);
        put_str(b, rec, "source", a->source);
        put_str(b, rec, "url", a->url);
    }
    append(b, b->articles, rec);
    put(b, b->art_index, id, json_integer(k));
    return k;
}

/* The index of an evidence record's sentence in b->sentences (one entry per article and start). */
static json_int_t sentence_index(jb *b, const erg_graph *g, const erg_evidence *ev)
{
    erg_buf_clear(&b->key);
    if (erg_buf_printf(&b->key, "%s\x1f%u", ev->article, (unsigned)ev->start) != ERG_OK) {
        b->ok = false;
        return -1;
    }
    json_t *have = json_object_get(b->sent_index, b->key.data);
    if (have)
        return json_integer_value(have);
    json_int_t k = (json_int_t)json_array_size(b->sentences);
    json_t *rec = json_object();
    if (!rec) {
        b->ok = false;
        return -1;
    }
    put(b, rec, "article", json_integer(article_index(b, g, ev->article)));
    put_str(b, rec, "text", ev->sentence ? ev->sentence : "");
    append(b, b->sentences, rec);
    put(b, b->sent_index, b->key.data, json_integer(k));
    return k;
}

static json_t *node_json(jb *b, const erg_graph *g, const erg_export_options *o, const view *v,
                         size_t k)
{
    size_t i = v->node[k];
    const erg_entity *e = erg_graph_entity(g, i);
    json_t *rec = json_object();
    if (!rec) {
        b->ok = false;
        return NULL;
    }
    put_str(b, rec, "id", e->key);
    put(b, rec, "name", display_string(e->name));
    put_str(b, rec, "type", erg_type_name(e->type));
    put(b, rec, "mentions", json_integer(e->mentions));
    put(b, rec, "articles", json_integer(e->articles));
    put_str(b, rec, "first_date", e->first_date);
    put_str(b, rec, "last_date", e->last_date);
    json_t *aliases = json_array();
    for (size_t a = 0; aliases && a < e->n_aliases; a++)
        append(
            b, aliases,
            json_pack("[oi]", display_string(e->aliases[a].name), (json_int_t)e->aliases[a].count));
    put(b, rec, "aliases", aliases);
    if (o->n_attrs && isfinite(o->attrs[0].values[i]))
        put(b, rec, "score", json_real(o->attrs[0].values[i]));
    if (o->community && o->community[i] >= 0)
        put(b, rec, "community", json_integer((json_int_t)o->community[i]));
    put(b, rec, "x", json_real(v->x[k]));
    put(b, rec, "y", json_real(v->y[k]));
    put(b, rec, "size", json_real(v->size[k]));
    return rec;
}

static json_t *edge_json(jb *b, const erg_graph *g, const view *v, size_t j)
{
    const erg_edge *d = erg_graph_edge(g, v->edge[j]);
    json_t *rec = json_object();
    if (!rec) {
        b->ok = false;
        return NULL;
    }
    put_str(b, rec, "source", erg_graph_entity(g, d->source)->key);
    put_str(b, rec, "target", erg_graph_entity(g, d->target)->key);
    put_str(b, rec, "kind", erg_kind_name(d->kind));
    put(b, rec, "weight", json_real(erg_edge_weight(d)));
    put(b, rec, "count", json_integer(d->count));
    put(b, rec, "articles", json_integer(d->articles));
    put_str(b, rec, "first_date", d->first_date);
    put_str(b, rec, "last_date", d->last_date);
    json_t *outlets = json_array();
    for (size_t k = 0; outlets && k < d->n_outlets; k++)
        append(b, outlets, display_string(d->outlets[k]));
    put(b, rec, "outlets", outlets);
    json_t *ev = json_array();
    for (size_t k = 0; ev && k < d->n_evidence && k < HTML_MAX_EVIDENCE; k++)
        append(b, ev, json_integer(sentence_index(b, g, &d->evidence[k])));
    put(b, rec, "evidence", ev);
    return rec;
}

/* The page's data: {"meta", "types", "kinds", "community_colours", "nodes", "edges", "sentences",
 * "articles"}. */
static json_t *view_json(jb *b, const erg_graph *g, const erg_export_options *o, const view *v)
{
    json_t *root = json_object(), *meta = json_object(), *types = json_array(),
           *kinds = json_array(), *comm = json_array(), *nodes = json_array(),
           *edges = json_array();
    put(b, root, "meta", meta);
    put(b, root, "types", types);
    put(b, root, "kinds", kinds);
    put(b, root, "community_colours", comm);
    put(b, root, "nodes", nodes);
    put(b, root, "edges", edges);
    if (!b->ok || !root)
        goto fail;
    put_str(b, meta, "generator", "erg");
    put(b, meta, "entities_total", json_integer((json_int_t)erg_graph_entity_count(g)));
    put(b, meta, "edges_total", json_integer((json_int_t)erg_graph_edge_count(g)));
    put(b, meta, "articles_total", json_integer((json_int_t)erg_graph_article_total(g)));
    put(b, meta, "entities", json_integer((json_int_t)v->n));
    put(b, meta, "edges", json_integer((json_int_t)v->m));
    put(b, meta, "max_entities", json_integer((json_int_t)html_top(o)));
    put(b, meta, "max_evidence", json_integer(HTML_MAX_EVIDENCE));
    put(b, meta, "rank", o->n_attrs ? json_string(o->attrs[0].name) : json_null());
    for (int t = 0; t < ERG_TYPE_MISC; t++)
        append(b, types,
               json_pack("{s:s,s:s}", "name", erg_type_name((erg_type)t), "colour",
                         erg_export_i_style((erg_type)t)->strong));
    for (int k = 0; k < ERG_KIND_COUNT; k++)
        append(b, kinds,
               json_pack("{s:s,s:s}", "name", erg_kind_name((erg_kind)k), "colour",
                         erg_export_i_kind_colour((erg_kind)k)));
    for (igraph_integer_t c = 0; o->community && c < 12; c++)
        append(b, comm, json_string(erg_export_i_community_colour(c)));
    for (size_t k = 0; b->ok && k < v->n; k++)
        append(b, nodes, node_json(b, g, o, v, k));
    for (size_t j = 0; b->ok && j < v->m; j++)
        append(b, edges, edge_json(b, g, v, j));
    put(b, root, "sentences", json_incref(b->sentences));
    put(b, root, "articles", json_incref(b->articles));
    if (b->ok)
        return root;
fail:
    b->ok = false;
    json_decref(root);
    return NULL;
}

/* ---- writing the page ---- */

typedef struct sink {
    FILE *f;
    bool ok;
} sink;

static void emit(sink *s, const void *p, size_t n)
{
    if (s->ok && n && fwrite(p, 1, n, s->f) != n)
        s->ok = false;
}

/*
 * jansson's output with every '<' written as \u003c: inside the script
 * element no "</script" can end it and no "<!--" can open an escape (only
 * strings hold '<', where \u003c means the same).
 */
static int dump_escaped(const char *buf, size_t size, void *data)
{
    sink *s = data;
    size_t run = 0;
    for (size_t i = 0; i < size; i++) {
        if (buf[i] != '<')
            continue;
        emit(s, buf + run, i - run);
        emit(s, "\\u003c", 6);
        run = i + 1;
    }
    emit(s, buf + run, size - run);
    return s->ok ? 0 : -1;
}

/* Writes the template with each "<!--erg:NAME-->" replaced by its part. */
static erg_status write_page(sink *s, const json_t *root, erg_error *err)
{
    static const char open[] = "<!--erg:";
    const char *p = (const char *)erg_export_i_html_page;
    const char *end = p + erg_export_i_html_page_len;
    while (p < end) {
        const char *m = NULL;
        for (const char *q = p; q + sizeof open - 1 <= end; q++)
            if (memcmp(q, open, sizeof open - 1) == 0) {
                m = q;
                break;
            }
        if (!m) {
            emit(s, p, (size_t)(end - p));
            break;
        }
        emit(s, p, (size_t)(m - p));
        const char *name = m + sizeof open - 1, *close = name;
        while (close + 3 <= end && memcmp(close, "-->", 3) != 0)
            close++;
        if (close + 3 > end)
            return erg_error_set(err, ERG_EFORMAT, NULL, 0, -1,
                                 "the HTML template has an unclosed marker");
        size_t len = (size_t)(close - name);
#define IS(lit) (len == sizeof lit - 1 && memcmp(name, lit, len) == 0)
        if (IS("css")) {
            emit(s, erg_export_i_html_css, erg_export_i_html_css_len);
        } else if (IS("js")) {
            emit(s, erg_export_i_html_js, erg_export_i_html_js_len);
        } else if (IS("cytoscape")) {
            emit(s, erg_export_i_html_cytoscape, erg_export_i_html_cytoscape_len);
        } else if (IS("license")) {
            emit(s, "<!--\n", 5);
            emit(s, erg_export_i_html_license, erg_export_i_html_license_len);
            emit(s, "\n-->", 4);
        } else if (IS("data")) {
            if (s->ok &&
                json_dump_callback(root, dump_escaped, s,
                                   JSON_COMPACT | JSON_ESCAPE_SLASH | JSON_REAL_PRECISION(7)) != 0)
                s->ok = false;
        } else {
            return erg_error_set(err, ERG_EFORMAT, NULL, 0, -1,
                                 "the HTML template has an unknown marker '%.*s'", (int)len, name);
        }
#undef IS
        p = close + 3;
    }
    if (!s->ok || ferror(s->f))
        return erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write the HTML page");
    return ERG_OK;
}

erg_status erg_export_i_html(const erg_graph *g, const erg_export_options *opts, FILE *f,
                             erg_error *err)
{
    view v;
    memset(&v, 0, sizeof v);
    jb b = {true, json_array(), json_object(), json_array(), json_object(), {0}};
    erg_buf_init(&b.key);
    json_t *root = NULL;
    erg_status st;
    if (!erg_graph_is_finished(g)) {
        st = erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "graph changed since erg_graph_finish");
        goto cleanup;
    }
    if (!b.articles || !b.art_index || !b.sentences || !b.sent_index ||
        view_select(&v, g, opts) != ERG_OK) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    if ((st = view_layout(&v, g, err)) != ERG_OK)
        goto cleanup;
    view_sizes(&v, g, opts);
    if (!(root = view_json(&b, g, opts, &v))) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    sink s = {f, true};
    st = write_page(&s, root, err);
cleanup:
    json_decref(root);
    json_decref(b.articles);
    json_decref(b.art_index);
    json_decref(b.sentences);
    json_decref(b.sent_index);
    erg_buf_release(&b.key);
    view_release(&v);
    return st;
}
