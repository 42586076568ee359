/*
 * subset.c: a smaller graph cut out of a big one (ego networks, subgraphs,
 * filters). The graph module's tables are private, so the cut is written in
 * the native file layout (the public contract documented in erg/graph.h, one
 * record per line) to a temporary file and read back with erg_graph_load:
 * the result is a graph like any other, finished and indexed, whatever the
 * graph module keeps inside.
 */
#include "analyze_private.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The cap the loader applies when a file does not say (ERG_GRAPH_DEFAULT_EVIDENCE). */
#define DEFAULT_MAX_EVIDENCE 3u

/* True when edge d survives the masks; keep_vertex NULL keeps every entity. */
static bool edge_kept(const erg_net *net, const igraph_vector_bool_t *keep_vertex,
                      const igraph_vector_bool_t *keep_edge, const erg_edge *d)
{
    if (keep_vertex && (!VECTOR(*keep_vertex)[d->source] || !VECTOR(*keep_vertex)[d->target]))
        return false;
    if (!keep_edge)
        return true;
    igraph_integer_t eid = -1;
    /* error=false: a pair with only typed edges has no co-mention edge, and eid stays -1. */
    if (igraph_get_eid(&net->graph, &eid, (igraph_integer_t)d->source, (igraph_integer_t)d->target,
                       IGRAPH_UNDIRECTED, false) != IGRAPH_SUCCESS)
        eid = -1;
    return eid < 0 || VECTOR(*keep_edge)[eid];
}

/* Sets key to s, or leaves it out when s is NULL (the file never holds null strings). */
static int set_str(json_t *o, const char *key, const char *s)
{
    return s ? json_object_set_new(o, key, json_string(s)) : 0;
}

/* Writes o (consumed) as one compact line, after a separator when it is not the first. */
static bool put_record(FILE *f, json_t *o, bool first)
{
    if (!o)
        return false;
    bool ok = fputs(first ? "\n" : ",\n", f) >= 0 &&
              json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER) == 0;
    json_decref(o);
    return ok;
}

static json_t *article_json(const erg_graph_article *a)
{
    json_t *o = json_object();
    if (!o || json_object_set_new(o, "id", json_string(a->id)) || set_str(o, "title", a->title) ||
        set_str(o, "date", a->date) || set_str(o, "source", a->source) ||
        set_str(o, "url", a->url)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *node_json(const erg_entity *e)
{
    json_t *aliases = json_array(), *votes = json_object();
    json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:I}", "id", e->key, "name", e->name, "type",
                          erg_type_name(e->type), "mentions", (json_int_t)e->mentions, "articles",
                          (json_int_t)e->articles);
    bool ok = o && aliases && votes && !set_str(o, "first_date", e->first_date) &&
              !set_str(o, "last_date", e->last_date);
    for (size_t i = 0; ok && i < e->n_aliases; i++)
        ok = !json_array_append_new(aliases, json_pack("{s:s, s:I}", "name", e->aliases[i].name,
                                                       "count", (json_int_t)e->aliases[i].count));
    for (int t = 0; ok && t < ERG_TYPE_COUNT; t++)
        if (e->type_votes[t])
            ok = !json_object_set_new(votes, erg_type_name((erg_type)t),
                                      json_integer((json_int_t)e->type_votes[t]));
    ok = ok && !json_object_set(o, "aliases", aliases) && !json_object_set(o, "votes", votes);
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
    json_t *outlets = json_array(), *evidence = json_array();
    json_t *o =
        json_pack("{s:s, s:s, s:s, s:I, s:I}", "source", erg_graph_entity(g, d->source)->key,
                  "target", erg_graph_entity(g, d->target)->key, "kind", erg_kind_name(d->kind),
                  "weight", (json_int_t)d->weight, "articles", (json_int_t)d->articles);
    bool ok = o && outlets && evidence && !set_str(o, "first_date", d->first_date) &&
              !set_str(o, "last_date", d->last_date);
    for (size_t i = 0; ok && i < d->n_outlets; i++)
        ok = !json_array_append_new(outlets, json_string(d->outlets[i]));
    for (size_t i = 0; ok && i < d->n_evidence; i++) {
        const erg_evidence *ev = &d->evidence[i];
        ok = !json_array_append_new(evidence, json_pack("{s:s, s:I, s:I, s:s}", "article",
                                                        ev->article, "start", (json_int_t)ev->start,
                                                        "end", (json_int_t)ev->end, "sentence",
                                                        ev->sentence ? ev->sentence : ""));
    }
    ok = ok && !json_object_set(o, "outlets", outlets) && !json_object_set(o, "evidence", evidence);
    json_decref(outlets);
    json_decref(evidence);
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* Index of the article with this id among g's, through a sorted index; -1 when absent. */
typedef struct art_ref {
    const char *id;
    size_t index;
} art_ref;

static int cmp_art_ref(const void *a, const void *b)
{
    return strcmp(((const art_ref *)a)->id, ((const art_ref *)b)->id);
}

static long find_article(const art_ref *refs, size_t n, const char *id)
{
    art_ref key = {id, 0};
    const art_ref *r = bsearch(&key, refs, n, sizeof *refs, cmp_art_ref);
    return r ? (long)r->index : -1;
}

/* Writes the cut to f. ERG_ENOMEM or ERG_EIO (err filled) on failure. */
static erg_status write_cut(const erg_graph *g, const erg_net *net,
                            const igraph_vector_bool_t *keep_vertex,
                            const igraph_vector_bool_t *keep_edge, FILE *f, erg_error *err)
{
    erg_status st = ERG_OK;
    size_t n = erg_graph_entity_count(g), m = erg_graph_edge_count(g);
    size_t n_arts = erg_graph_article_count(g);
    art_ref *refs = malloc((n_arts ? n_arts : 1) * sizeof *refs);
    bool *cited = calloc(n_arts ? n_arts : 1, sizeof *cited);
    if (!refs || !cited) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    for (size_t i = 0; i < n_arts; i++)
        refs[i] = (art_ref){erg_graph_get_article(g, i)->id, i};
    qsort(refs, n_arts, sizeof *refs, cmp_art_ref);

    size_t kept_n = 0, kept_m = 0, kept_arts = 0;
    unsigned max_evidence = DEFAULT_MAX_EVIDENCE;
    for (size_t i = 0; i < n; i++)
        kept_n += !keep_vertex || VECTOR(*keep_vertex)[i];
    for (size_t i = 0; i < m; i++) {
        const erg_edge *d = erg_graph_edge(g, i);
        if (!edge_kept(net, keep_vertex, keep_edge, d))
            continue;
        kept_m++;
        if (d->n_evidence > max_evidence)
            max_evidence = (unsigned)d->n_evidence;
        for (size_t k = 0; k < d->n_evidence; k++) {
            long a = find_article(refs, n_arts, d->evidence[k].article);
            if (a >= 0 && !cited[a]) {
                cited[a] = true;
                kept_arts++;
            }
        }
    }
    bool ok = fprintf(f,
                      "{\"format\":\"erg-graph\",\"version\":%d,\"directed\":false,"
                      "\"multigraph\":true,\n\"graph\":{\"entities\":%zu,\"edges\":%zu,"
                      "\"articles\":%zu,\"max_evidence\":%u},\n\"articles\":[",
                      ERG_GRAPH_FORMAT_VERSION, kept_n, kept_m, kept_arts, max_evidence) > 0;
    bool first = true;
    for (size_t i = 0; ok && i < n_arts; i++)
        if (cited[i]) {
            ok = put_record(f, article_json(erg_graph_get_article(g, i)), first);
            first = false;
        }
    ok = ok && fputs("\n],\n\"nodes\":[", f) >= 0;
    first = true;
    for (size_t i = 0; ok && i < n; i++)
        if (!keep_vertex || VECTOR(*keep_vertex)[i]) {
            ok = put_record(f, node_json(erg_graph_entity(g, i)), first);
            first = false;
        }
    ok = ok && fputs("\n],\n\"links\":[", f) >= 0;
    first = true;
    for (size_t i = 0; ok && i < m; i++) {
        const erg_edge *d = erg_graph_edge(g, i);
        if (edge_kept(net, keep_vertex, keep_edge, d)) {
            ok = put_record(f, link_json(g, d), first);
            first = false;
        }
    }
    ok = ok && fputs("\n]}\n", f) >= 0 && fflush(f) == 0 && !ferror(f);
    if (!ok)
        st = erg_error_set(err, ERG_EIO, NULL, 0, -1,
                           "cannot write the smaller graph to a temporary file");
cleanup:
    free(refs);
    free(cited);
    return st;
}

erg_status erg_analyze_subset(const erg_graph *g, const erg_net *net,
                              const igraph_vector_bool_t *keep_vertex,
                              const igraph_vector_bool_t *keep_edge, erg_graph **out,
                              erg_error *err)
{
    size_t n = erg_graph_entity_count(g);
    *out = NULL;
    if (!erg_graph_is_finished(g))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the graph changed since erg_graph_finish; finish it first");
    if (keep_vertex && (size_t)igraph_vector_bool_size(keep_vertex) != n)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the vertex mask has %lld entries for %zu entities",
                             (long long)igraph_vector_bool_size(keep_vertex), n);
    if (keep_edge && (!net || (size_t)igraph_vcount(&net->graph) != n ||
                      igraph_vector_bool_size(keep_edge) != igraph_ecount(&net->graph)))
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "the edge mask does not belong to this graph's network");

    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/erg-subset-XXXXXX", dir && dir[0] ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return erg_error_set(err, ERG_EIO, path, 0, -1, "cannot create a temporary file");
    FILE *f = fdopen(fd, "w+");
    if (!f) {
        close(fd);
        unlink(path);
        return erg_error_set(err, ERG_EIO, path, 0, -1, "cannot open a temporary file");
    }
    erg_status st = write_cut(g, net, keep_vertex, keep_edge, f, err);
    if (fclose(f) != 0 && st == ERG_OK)
        st = erg_error_set(err, ERG_EIO, path, 0, -1, "cannot write a temporary file");
    if (st == ERG_OK)
        st = erg_graph_load(out, path, err);
    unlink(path);
    return st;
}
