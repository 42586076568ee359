/*
 * query_cmds.c: erg query neighbors, top, communities, find, stats, outlets.
 */
#include "query.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LIMIT_HELP "  -n, --limit N         show the first N (default 20; 0: all)\n"

/* json_real, or null for NaN and infinities (JSON has no such numbers). */
static json_t *real_or_null(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

/* Widens [*first, *last] (borrowed strings, NULL when unknown) with [a, b]. */
static void widen_dates(const char **first, const char **last, const char *a, const char *b)
{
    if (a && (!*first || strcmp(a, *first) < 0))
        *first = a;
    if (b && (!*last || strcmp(b, *last) > 0))
        *last = b;
}

/* ---- neighbors ------------------------------------------------------------------------- */

static const char neighbors_usage[] =
    "usage: erg query GRAPH neighbors NAME [--kind K] [--type T] [-n N]\n"
    "\n"
    "Lists the entities linked to NAME, strongest ties first: the co-mention\n"
    "weight (each sentence that mentions both adds 1/(k-1), k the entities it\n"
    "names; --json also gives the count of such sentences), the number of\n"
    "articles, and every kind of edge between them. A typed kind reads from NAME: 'leads>' means "
    "NAME\n"
    "leads the neighbour, '<leads' that the neighbour leads NAME.\n"
    "\n"
    "  -k, --kind K          only neighbours linked by one of these kinds\n"
    "                        (comma-separated: co_mention, spokesperson_for, member_of,\n"
    "                        leads, reports, cites, accuses)\n"
    "  -t, --type T          only neighbours of these types "
    "(person,agency,outlet,place)\n" LIMIT_HELP QUERY_COMMON_HELP "\n"
    "Example:\n"
    "  erg query graph.json neighbors \"Kim Jong-un\" --type agency -n 10\n";

typedef struct nb_link {
    size_t other;
    size_t edge;
} nb_link;

static int cmp_link(const void *pa, const void *pb)
{
    const nb_link *a = pa, *b = pb;
    if (a->other != b->other)
        return a->other < b->other ? -1 : 1;
    return (a->edge > b->edge) - (a->edge < b->edge);
}

typedef struct nb_row {
    size_t other;
    size_t first_link, n_links;
    double weight;     /* of the co_mention edge, 0 when there is none */
    uint32_t count;    /* windows of the co_mention edge */
    uint32_t articles; /* the most of any of its edges */
} nb_row;

static const erg_graph *sort_graph; /* for cmp_nb_row; qsort has no context argument */

static int cmp_nb_row(const void *pa, const void *pb)
{
    const nb_row *a = pa, *b = pb;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    if (a->articles != b->articles)
        return a->articles > b->articles ? -1 : 1;
    int c = strcmp(erg_graph_entity(sort_graph, a->other)->name,
                   erg_graph_entity(sort_graph, b->other)->name);
    return c ? c : (a->other > b->other) - (a->other < b->other);
}

/* Parses a comma-separated list of kinds into a bit mask. */
static int parse_kinds(query_ctx *q, const char *arg, unsigned *mask)
{
    char *copy = erg_strdup(arg), *save = NULL;
    if (!copy)
        return query_oom();
    *mask = 0;
    for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        erg_kind k;
        if (erg_kind_parse(w, &k) != ERG_OK) {
            int rc = query_usage(q,
                                 "unknown kind '%s' (co_mention, spokesperson_for, member_of, "
                                 "leads, reports, cites, accuses)",
                                 w);
            free(copy);
            return rc;
        }
        *mask |= 1u << k;
    }
    free(copy);
    if (!*mask)
        return query_usage(q, "--kind needs at least one kind");
    return CLI_OK;
}

/* The links of entity x (its edges with the entity at the other end), grouped by the other. */
static int collect_links(const erg_graph *g, size_t x, nb_link **out, size_t *n_out)
{
    size_t m = erg_graph_edge_count(g), n = 0, cap = 16;
    nb_link *links = malloc(cap * sizeof *links);
    if (!links)
        return query_oom();
    for (size_t i = 0; i < m; i++) {
        const erg_edge *e = erg_graph_edge(g, i);
        if (e->source != x && e->target != x)
            continue;
        if (n == cap) {
            nb_link *bigger = realloc(links, 2 * cap * sizeof *links);
            if (!bigger) {
                free(links);
                return query_oom();
            }
            links = bigger;
            cap *= 2;
        }
        links[n].other = e->source == x ? e->target : e->source;
        links[n].edge = i;
        n++;
    }
    qsort(links, n, sizeof *links, cmp_link);
    *out = links;
    *n_out = n;
    return CLI_OK;
}

int query_neighbors(query_ctx *q, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"kind", required_argument, NULL, 'k'},
        {"type", required_argument, NULL, 't'},
        {"limit", required_argument, NULL, 'n'},
        QUERY_COMMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    unsigned kinds = 0, types = ~0u;
    long limit = 20;
    int opt, rc;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":k:t:n:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'k':
            if ((rc = parse_kinds(q, optarg, &kinds)) != CLI_OK)
                return rc;
            break;
        case 't':
            if ((rc = query_parse_types(q, optarg, &types)) != CLI_OK)
                return rc;
            break;
        case 'n':
            if ((rc = query_parse_count(q, "-n", optarg, 0, &limit)) != CLI_OK)
                return rc;
            break;
        default:
            if ((rc = query_option(q, opt, argv, neighbors_usage)) != QUERY_NEXT)
                return rc;
            break;
        }
    }
    if (optind + 1 != argc)
        return query_usage(q, "neighbors takes one NAME");
    size_t x;
    q->around = argv[optind];
    if ((rc = query_lookup(q, argv[optind], &x)) != CLI_OK)
        return rc;

    const erg_graph *g = q->graph;
    nb_link *links = NULL;
    size_t n_links = 0, n_rows = 0;
    nb_row *rows = NULL;
    json_t *out = NULL;
    if ((rc = collect_links(g, x, &links, &n_links)) != CLI_OK)
        return rc;
    rows = malloc((n_links ? n_links : 1) * sizeof *rows);
    if (!rows) {
        rc = query_oom();
        goto cleanup;
    }
    for (size_t i = 0; i < n_links;) {
        size_t j = i;
        nb_row r = {links[i].other, i, 0, 0, 0, 0};
        unsigned seen = 0;
        for (; j < n_links && links[j].other == r.other; j++) {
            const erg_edge *e = erg_graph_edge(g, links[j].edge);
            seen |= 1u << e->kind;
            if (e->kind == ERG_KIND_CO_MENTION) {
                r.weight = erg_edge_weight(e);
                r.count = e->count;
            }
            if (e->articles > r.articles)
                r.articles = e->articles;
        }
        r.n_links = j - i;
        i = j;
        if (kinds && !(seen & kinds))
            continue;
        if (!(types & ERG_TYPE_BIT(erg_graph_entity(g, r.other)->type)))
            continue;
        rows[n_rows++] = r;
    }
    sort_graph = g;
    qsort(rows, n_rows, sizeof *rows, cmp_nb_row);
    if (limit > 0 && (size_t)limit < n_rows)
        n_rows = (size_t)limit;

    out = json_array();
    for (size_t i = 0; out && i < n_rows; i++) {
        const nb_row *r = &rows[i];
        json_t *row = query_entity_json(q, r->other);
        json_t *kl = json_array();
        const char *first = NULL, *last = NULL;
        for (size_t j = r->first_link; kl && j < r->first_link + r->n_links; j++) {
            const erg_edge *e = erg_graph_edge(g, links[j].edge);
            char label[64];
            query_kind_label(e, x, label, sizeof label);
            json_array_append_new(kl, json_string(label));
            widen_dates(&first, &last, e->first_date, e->last_date);
        }
        if (!row || !kl || json_object_set_new(row, "weight", json_real(r->weight)) ||
            json_object_set_new(row, "count", json_integer(r->count)) ||
            json_object_set_new(row, "articles", json_integer(r->articles)) ||
            json_object_set_new(row, "kinds", kl) ||
            json_object_set_new(row, "first_date", query_str(first)) ||
            json_object_set_new(row, "last_date", query_str(last)) ||
            json_array_append_new(out, row)) {
            json_decref(out);
            out = NULL;
        }
    }
    static const query_col cols[] = {
        {"name", "name", 40, 0},        {"type", "type", 0, 0},    {"weight", "weight", 0, 3},
        {"articles", "articles", 0, 0}, {"kinds", "kinds", 50, 0}, {"first_date", "first", 0, 0},
        {"last_date", "last", 0, 0},
    };
    rc = query_print_rows(q, out, cols, sizeof cols / sizeof *cols);
cleanup:
    free(links);
    free(rows);
    return rc;
}

/* ---- top ------------------------------------------------------------------------------- */

static const char top_usage[] =
    "usage: erg query GRAPH top [--by MEASURE] [--type T] [-n N]\n"
    "\n"
    "Lists the most central entities of the co-mention graph by MEASURE:\n"
    "  degree       number of neighbours\n"
    "  strength     sum of co-mention weights\n"
    "  pagerank     weighted PageRank, damping 0.85 (the default)\n"
    "  betweenness  shortest paths through the entity, ties as short as they\n"
    "               are strong (length 1/weight); not normalized, like Gephi\n"
    "  eigenvector  weighted eigenvector centrality, largest = 1\n"
    "  closeness    (reachable - 1) / sum of distances to the reachable\n"
    "Betweenness and closeness take time in proportion to entities x edges:\n"
    "minutes on a graph of a million edges.\n"
    "\n"
    "  -b, --by MEASURE      what to rank by (default pagerank)\n"
    "  -t, --type T          only entities of these types (person,agency,outlet,place)\n" LIMIT_HELP
        QUERY_COMMON_HELP "\n"
    "Example:\n"
    "  erg query graph.json top --by betweenness --type person -n 10\n";

typedef struct ranked {
    double score;
    size_t id;
} ranked;

static int cmp_ranked(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/* Vertex ids sorted by score, highest first (ties: lower id); malloc'd. */
static ranked *rank_scores(const igraph_vector_t *scores)
{
    size_t n = (size_t)igraph_vector_size(scores);
    ranked *r = malloc((n ? n : 1) * sizeof *r);
    if (!r)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        double s = VECTOR(*scores)[i];
        r[i].score = isnan(s) ? -INFINITY : s;
        r[i].id = i;
    }
    qsort(r, n, sizeof *r, cmp_ranked);
    return r;
}

int query_top(query_ctx *q, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"by", required_argument, NULL, 'b'},
        {"type", required_argument, NULL, 't'},
        {"limit", required_argument, NULL, 'n'},
        QUERY_COMMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    erg_centrality by = ERG_CENTRALITY_PAGERANK;
    unsigned types = ~0u;
    long limit = 20;
    int opt, rc;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":b:t:n:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'b':
            if (erg_centrality_parse(optarg, &by) != ERG_OK)
                return query_usage(q,
                                   "unknown measure '%s' (degree, strength, pagerank, "
                                   "betweenness, eigenvector, closeness)",
                                   optarg);
            break;
        case 't':
            if ((rc = query_parse_types(q, optarg, &types)) != CLI_OK)
                return rc;
            break;
        case 'n':
            if ((rc = query_parse_count(q, "-n", optarg, 0, &limit)) != CLI_OK)
                return rc;
            break;
        default:
            if ((rc = query_option(q, opt, argv, top_usage)) != QUERY_NEXT)
                return rc;
            break;
        }
    }
    if (optind != argc)
        return query_usage(q, "top takes no arguments besides options (got '%s')", argv[optind]);
    if ((rc = query_net(q)) != CLI_OK)
        return rc;

    erg_error err;
    erg_error_clear(&err);
    igraph_vector_t scores;
    if (igraph_vector_init(&scores, 0) != IGRAPH_SUCCESS)
        return query_oom();
    ranked *order = NULL;
    json_t *out = NULL;
    if (erg_analyze_centrality(&q->net, by, &scores, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    if (!(order = rank_scores(&scores))) {
        rc = query_oom();
        goto cleanup;
    }
    out = json_array();
    size_t n = (size_t)igraph_vector_size(&scores), shown = 0;
    for (size_t i = 0; out && i < n && (limit == 0 || shown < (size_t)limit); i++) {
        size_t v = order[i].id;
        if (!(types & ERG_TYPE_BIT(erg_graph_entity(q->graph, v)->type)))
            continue;
        json_t *row = query_entity_json(q, v);
        shown++;
        if (!row || json_object_set_new(row, "rank", json_integer((json_int_t)shown)) ||
            json_object_set_new(row, "score", real_or_null(VECTOR(scores)[v])) ||
            json_array_append_new(out, row)) {
            json_decref(out);
            out = NULL;
        }
    }
    query_col cols[] = {
        {"rank", "rank", 0, 0},
        {"name", "name", 50, 0},
        {"type", "type", 0, 0},
        {"score", erg_centrality_name(by), 0, 0},
    };
    rc = query_print_rows(q, out, cols, sizeof cols / sizeof *cols);
cleanup:
    igraph_vector_destroy(&scores);
    free(order);
    return rc;
}

/* ---- communities ------------------------------------------------------------------------ */

static const char communities_usage[] =
    "usage: erg query GRAPH communities [--method leiden|louvain] [--resolution R]\n"
    "                                   [--iterations N|stable] [-n N]\n"
    "\n"
    "Splits the co-mention graph into communities that maximize weighted\n"
    "modularity, and lists them from the largest, each with its most central\n"
    "members (by PageRank). The same graph always gives the same communities.\n"
    "--json lists every member of every community shown.\n"
    "\n"
    "  -m, --method M        leiden (default) or louvain\n"
    "  -r, --resolution R    above 1: more, smaller communities; below 1: fewer\n"
    "                        (default 1, the classic modularity)\n" CLI_ITERATIONS_HELP
    "      --members M       members shown per community in a table (default 5)\n" LIMIT_HELP
        QUERY_COMMON_HELP "\n"
    "Example:\n"
    "  erg query graph.json communities --method louvain --resolution 1.5\n";

int query_communities(query_ctx *q, int argc, char **argv)
{
    enum { OPT_MEMBERS = 1, OPT_ITERATIONS };
    static const struct option longopts[] = {
        {"method", required_argument, NULL, 'm'},
        {"resolution", required_argument, NULL, 'r'},
        {"limit", required_argument, NULL, 'n'},
        {"members", required_argument, NULL, OPT_MEMBERS},
        CLI_ITERATIONS_OPTION(OPT_ITERATIONS),
        QUERY_COMMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    erg_community_method method = ERG_COMMUNITY_LEIDEN;
    double resolution = 1;
    int iterations = ERG_LEIDEN_ITERATIONS;
    long limit = 20, members = 5;
    int opt, rc;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":m:r:n:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'm':
            if (erg_community_method_parse(optarg, &method) != ERG_OK)
                return query_usage(q, "unknown method '%s' (leiden or louvain)", optarg);
            break;
        case 'r':
            if ((rc = query_parse_real(q, "--resolution", optarg, &resolution)) != CLI_OK)
                return rc;
            if (!(resolution > 0) || !isfinite(resolution))
                return query_usage(q, "--resolution must be a number > 0");
            break;
        case 'n':
            if ((rc = query_parse_count(q, "-n", optarg, 0, &limit)) != CLI_OK)
                return rc;
            break;
        case OPT_MEMBERS:
            if ((rc = query_parse_count(q, "--members", optarg, 1, &members)) != CLI_OK)
                return rc;
            break;
        case OPT_ITERATIONS:
            if (!cli_parse_iterations(optarg, &iterations))
                return query_usage(
                    q, "--iterations takes a whole number >= 1 or 'stable', not '%s'", optarg);
            break;
        default:
            if ((rc = query_option(q, opt, argv, communities_usage)) != QUERY_NEXT)
                return rc;
            break;
        }
    }
    if (optind != argc)
        return query_usage(q, "communities takes no arguments besides options (got '%s')",
                           argv[optind]);
    if ((rc = query_net(q)) != CLI_OK)
        return rc;

    erg_error err;
    erg_error_clear(&err);
    erg_partition part;
    igraph_vector_t pr;
    ranked *order = NULL;
    size_t *start = NULL, *members_of = NULL;
    json_t *list = NULL, *rows = NULL;
    if (erg_partition_init(&part, &err) != ERG_OK)
        return cli_fail(&err);
    if (igraph_vector_init(&pr, 0) != IGRAPH_SUCCESS) {
        erg_partition_release(&part);
        return query_oom();
    }
    if (erg_analyze_communities_iterations(&q->net, method, resolution, iterations, &part, &err) !=
            ERG_OK ||
        erg_analyze_centrality(&q->net, ERG_CENTRALITY_PAGERANK, &pr, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    size_t n = (size_t)igraph_vector_size(&pr), count = (size_t)part.count;
    /* Members of each community, most central first: a counting sort of the ranking. */
    order = rank_scores(&pr);
    start = calloc(count + 1, sizeof *start);
    members_of = malloc((n ? n : 1) * sizeof *members_of);
    if (!order || !start || !members_of) {
        rc = query_oom();
        goto cleanup;
    }
    for (size_t c = 0; c < count; c++)
        start[c + 1] = start[c] + (size_t)VECTOR(part.sizes)[c];
    {
        size_t *fill = calloc(count ? count : 1, sizeof *fill);
        if (!fill) {
            rc = query_oom();
            goto cleanup;
        }
        for (size_t i = 0; i < n; i++) {
            size_t c = (size_t)VECTOR(part.membership)[order[i].id];
            members_of[start[c] + fill[c]++] = order[i].id;
        }
        free(fill);
    }
    size_t shown = limit > 0 && (size_t)limit < count ? (size_t)limit : count;
    list = json_array();
    rows = json_array();
    for (size_t c = 0; list && rows && c < shown; c++) {
        json_t *all = json_array(), *top = json_array();
        size_t size = start[c + 1] - start[c];
        for (size_t i = 0; all && top && i < size; i++) {
            size_t v = members_of[start[c] + i];
            json_t *m = query_entity_json(q, v);
            if (m)
                json_object_set_new(m, "pagerank", real_or_null(VECTOR(pr)[v]));
            if (i < (size_t)members)
                json_array_append_new(top, json_string(erg_graph_entity(q->graph, v)->name));
            json_array_append_new(all, m);
        }
        json_t *item = json_pack("{s:I, s:I, s:o}", "id", (json_int_t)c, "size", (json_int_t)size,
                                 "members", all);
        json_t *row = json_pack("{s:I, s:I, s:o}", "id", (json_int_t)c, "size", (json_int_t)size,
                                "members", top);
        if (!item || !row || json_array_append_new(list, item) ||
            json_array_append_new(rows, row)) {
            json_decref(list);
            list = NULL;
        }
    }
    if (!list || !rows) {
        rc = query_oom();
        goto cleanup;
    }
    if (q->format == QUERY_JSON) {
        json_t *doc =
            json_pack("{s:s, s:f, s:o, s:I, s:o}", "method", erg_community_method_name(method),
                      "resolution", resolution, "modularity", real_or_null(part.modularity),
                      "count", (json_int_t)count, "communities", list);
        list = NULL;
        rc = query_print_json(doc);
        goto cleanup;
    }
    if (q->format == QUERY_TABLE && isfinite(part.modularity))
        printf("%zu communit%s, modularity %.6g (%s, resolution %g)\n", count,
               count == 1 ? "y" : "ies", part.modularity, erg_community_method_name(method),
               resolution);
    else if (q->format == QUERY_TABLE)
        printf("%zu communit%s, no edges so no modularity\n", count, count == 1 ? "y" : "ies");
    static const query_col cols[] = {
        {"id", "community", 0, 0},
        {"size", "size", 0, 0},
        {"members", "most central members", 0, 0},
    };
    rc = query_print_table(q, rows, cols, 3);
    rows = NULL;
cleanup:
    json_decref(list);
    json_decref(rows);
    erg_partition_release(&part);
    igraph_vector_destroy(&pr);
    free(order);
    free(start);
    free(members_of);
    return rc;
}

/* ---- find ------------------------------------------------------------------------------- */

static const char find_usage[] =
    "usage: erg query GRAPH find TEXT [--edits E] [-n N]\n"
    "\n"
    "Lists the entities whose name or an alias contains TEXT, regardless of\n"
    "case, diacritics, hyphens and dots, allowing a few typing errors: exact\n"
    "matches first, then by number of edits, then by mentions. Each match shows\n"
    "its surface forms, most written first, with their counts and the rule that\n"
    "joined each (key, article, short-form, acronym, legal-suffix, country).\n"
    "\n"
    "  -e, --edits E         edits allowed (default: 0 for up to 3 letters, 1 up to 7,\n"
    "                        then 2)\n" LIMIT_HELP QUERY_COMMON_HELP "\n"
    "Example:\n"
    "  erg query graph.json find \"kim jong\"\n";

/*
 * Adds to a find row the entity's surface forms, most written first, and
 * the rule that joined each: in JSON "aliases": [{"name", "count",
 * "rule"}], else "forms": "Blair 299 (article), Tony Blair 179 (key)".
 * Returns 0, or -1 when out of memory (row may hold part of it).
 */
static int find_forms(const query_ctx *q, size_t entity, json_t *row)
{
    const erg_entity *e = erg_graph_entity(q->graph, entity);
    size_t *order = malloc((e->n_aliases ? e->n_aliases : 1) * sizeof *order);
    if (!order)
        return -1;
    /* Insertion sort by count, most first; aliases come sorted by name, which breaks ties. */
    for (size_t i = 0; i < e->n_aliases; i++) {
        size_t j = i;
        while (j > 0 && e->aliases[order[j - 1]].count < e->aliases[i].count) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    int rc = 0;
    if (q->format == QUERY_JSON) {
        json_t *list = json_array();
        for (size_t i = 0; list && i < e->n_aliases && rc == 0; i++) {
            const erg_alias *a = &e->aliases[order[i]];
            rc = json_array_append_new(list, json_pack("{s:s, s:I, s:s}", "name", a->name, "count",
                                                       (json_int_t)a->count, "rule",
                                                       erg_fold_name(a->rule)));
        }
        rc = !list || rc || json_object_set_new(row, "aliases", list) ? -1 : 0;
    } else {
        erg_buf b;
        erg_buf_init(&b);
        for (size_t i = 0; i < e->n_aliases && rc == 0; i++) {
            const erg_alias *a = &e->aliases[order[i]];
            if (erg_buf_printf(&b, "%s%s %" PRIu32 " (%s)", i ? ", " : "", a->name, a->count,
                               erg_fold_name(a->rule)) != ERG_OK)
                rc = -1;
        }
        if (rc == 0 && json_object_set_new(row, "forms", json_string(b.data ? b.data : "")))
            rc = -1;
        erg_buf_release(&b);
    }
    free(order);
    return rc;
}

int query_find(query_ctx *q, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"edits", required_argument, NULL, 'e'},
        {"limit", required_argument, NULL, 'n'},
        QUERY_COMMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    long edits = -1, limit = 20;
    int opt, rc;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":e:n:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'e':
            if ((rc = query_parse_count(q, "--edits", optarg, 0, &edits)) != CLI_OK)
                return rc;
            break;
        case 'n':
            if ((rc = query_parse_count(q, "-n", optarg, 0, &limit)) != CLI_OK)
                return rc;
            break;
        default:
            if ((rc = query_option(q, opt, argv, find_usage)) != QUERY_NEXT)
                return rc;
            break;
        }
    }
    if (optind + 1 != argc)
        return query_usage(q, "find takes one TEXT (quote it when it has spaces)");
    const char *text = argv[optind];
    if ((rc = query_names(q)) != CLI_OK)
        return rc;
    erg_error err;
    erg_error_clear(&err);
    if (edits < 0) {
        /* Letters in the text, roughly: a fuzzy match on 3 letters finds everything. */
        size_t letters = 0;
        for (const char *s = text; *s; s++)
            letters += ((unsigned char)*s & 0xC0) != 0x80 && *s != ' ';
        edits = letters <= 3 ? 0 : letters <= 7 ? 1 : 2;
    }
    erg_name_hit *hits = NULL;
    size_t n_hits = 0;
    if (erg_names_find(q->names, text, (unsigned)edits, &hits, &n_hits, &err) != ERG_OK)
        return err.status == ERG_EINVAL ? query_usage(q, "%s", err.text) : cli_fail(&err);
    json_t *out = json_array();
    for (size_t i = 0; out && i < n_hits && (limit == 0 || i < (size_t)limit); i++) {
        json_t *row = query_entity_json(q, hits[i].entity);
        if (!row ||
            json_object_set_new(
                row, "mentions",
                json_integer(erg_graph_entity(q->graph, hits[i].entity)->mentions)) ||
            json_object_set_new(row, "matched", json_string(hits[i].matched)) ||
            json_object_set_new(row, "edits", json_integer(hits[i].distance)) ||
            find_forms(q, hits[i].entity, row) || json_array_append_new(out, row)) {
            json_decref(out);
            out = NULL;
        }
    }
    free(hits);
    static const query_col cols[] = {
        {"name", "name", 40, 0},       {"type", "type", 0, 0},   {"mentions", "mentions", 0, 0},
        {"matched", "matched", 40, 0}, {"edits", "edits", 0, 0}, {"forms", "forms", 0, 0},
    };
    return query_print_rows(q, out, cols, sizeof cols / sizeof *cols);
}

/* ---- stats ------------------------------------------------------------------------------ */

static const char stats_usage[] =
    "usage: erg query GRAPH stats\n"
    "\n"
    "Counts entities by type and edges by kind, and describes the co-mention\n"
    "graph: pairs linked, connected components, density (pairs linked / pairs\n"
    "possible) and the distribution of degrees (neighbours per entity).\n"
    "\n" QUERY_COMMON_HELP "\n"
    "Example:\n"
    "  erg query graph.json stats --json\n";

int query_stats(query_ctx *q, int argc, char **argv)
{
    int rc = query_common_options(q, argc, argv, stats_usage);
    if (rc != QUERY_NEXT)
        return rc;
    if (optind != argc)
        return query_usage(q, "stats takes no arguments besides options (got '%s')", argv[optind]);
    if ((rc = query_net(q)) != CLI_OK)
        return rc;
    const erg_graph *g = q->graph;
    erg_error err;
    erg_error_clear(&err);
    erg_partition comp;
    if (erg_partition_init(&comp, &err) != ERG_OK)
        return cli_fail(&err);
    igraph_vector_int_t deg;
    if (igraph_vector_int_init(&deg, 0) != IGRAPH_SUCCESS) {
        erg_partition_release(&comp);
        return query_oom();
    }
    json_t *doc = NULL;
    igraph_error_t ig =
        igraph_degree(&q->net.graph, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS);
    if (ig != IGRAPH_SUCCESS) {
        rc = cli_failf("igraph failed in degree: %s", igraph_strerror(ig));
        goto cleanup;
    }
    if (erg_analyze_components(&q->net, &comp, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    size_t n = erg_graph_entity_count(g), m = erg_graph_edge_count(g);
    size_t pairs = (size_t)igraph_ecount(&q->net.graph);
    json_t *types = json_object(), *kinds = json_object();
    for (int t = 0; types && t < ERG_TYPE_MISC; t++)
        json_object_set_new(types, erg_type_name((erg_type)t),
                            json_integer((json_int_t)erg_graph_count_type(g, (erg_type)t)));
    size_t per_kind[ERG_KIND_COUNT] = {0};
    for (size_t i = 0; i < m; i++)
        per_kind[erg_graph_edge(g, i)->kind]++;
    for (int k = 0; kinds && k < ERG_KIND_COUNT; k++)
        json_object_set_new(kinds, erg_kind_name((erg_kind)k),
                            json_integer((json_int_t)per_kind[k]));
    size_t isolated = 0;
    double total_weight = igraph_vector_sum(&q->net.weight);
    igraph_vector_int_sort(&deg);
    for (size_t i = 0; i < n; i++)
        isolated += VECTOR(deg)[i] == 0;
    double median = 0, mean = 0;
    if (n) {
        median = n % 2 ? (double)VECTOR(deg)[n / 2]
                       : ((double)VECTOR(deg)[n / 2 - 1] + (double)VECTOR(deg)[n / 2]) / 2;
        mean = 2.0 * (double)pairs / (double)n;
    }
    double density = n > 1 ? 2.0 * (double)pairs / ((double)n * (double)(n - 1)) : 0;
    json_t *degree =
        json_pack("{s:I, s:f, s:f, s:I}", "min", (json_int_t)(n ? VECTOR(deg)[0] : 0), "median",
                  median, "mean", mean, "max", (json_int_t)(n ? VECTOR(deg)[n - 1] : 0));
    doc =
        json_pack("{s:I, s:o, s:I, s:I, s:o, s:I, s:f, s:I, s:I, s:I, s:f, s:o}", "entities",
                  (json_int_t)n, "types", types, "articles", (json_int_t)erg_graph_article_total(g),
                  "edges", (json_int_t)m, "kinds", kinds, "pairs", (json_int_t)pairs,
                  "total_weight", total_weight, "components", (json_int_t)comp.count,
                  "largest_component", (json_int_t)(comp.count ? VECTOR(comp.sizes)[0] : 0),
                  "isolated", (json_int_t)isolated, "density", density, "degree", degree);
    if (!doc) {
        rc = query_oom();
        goto cleanup;
    }
    if (q->format == QUERY_JSON) {
        rc = query_print_json(doc);
        doc = NULL;
        goto cleanup;
    }
    /* A table of (measure, value) rows, nested objects spelled out as "types.person". */
    json_t *rows = json_array();
    const char *key;
    json_t *v;
    json_object_foreach(doc, key, v)
    {
        if (json_is_object(v)) {
            const char *k2;
            json_t *v2;
            json_object_foreach(v, k2, v2)
            {
                char name[96];
                snprintf(name, sizeof name, "%s.%s", key, k2);
                json_array_append_new(rows, json_pack("{s:s, s:O}", "measure", name, "value", v2));
            }
        } else {
            json_array_append_new(rows, json_pack("{s:s, s:O}", "measure", key, "value", v));
        }
    }
    static const query_col cols[] = {{"measure", "measure", 0, 0}, {"value", "value", 0, 0}};
    rc = query_print_table(q, rows, cols, 2);
cleanup:
    json_decref(doc);
    igraph_vector_int_destroy(&deg);
    erg_partition_release(&comp);
    return rc;
}

/* ---- outlets ---------------------------------------------------------------------------- */

static const char outlets_usage[] =
    "usage: erg query GRAPH outlets NAME [-n N]\n"
    "\n"
    "Lists the news outlets that report on NAME, from what the graph keeps:\n"
    "  articles  articles in which the outlet itself is named together with NAME\n"
    "            (\"according to Yonhap, ...\"; '-' when it never is)\n"
    "  edges     NAME's edges backed by an article from that outlet or naming it:\n"
    "            how many of NAME's ties the outlet reported\n"
    "  kinds     the edges between the outlet and NAME (reports, cites, ...)\n"
    "  first, last  the earliest and latest dates of those edges\n"
    "Outlets are merged by name regardless of case and diacritics. The counts\n"
    "are by edge, so an article that names NAME alone is not seen.\n"
    "\n" LIMIT_HELP QUERY_COMMON_HELP "\n"
    "Example:\n"
    "  erg query graph.json outlets \"Kim Jong-un\"\n";

typedef struct outlet_row {
    char *key;        /* merge key (owned) */
    const char *name; /* display (borrowed) */
    long articles;    /* -1: the outlet is not an entity linked to NAME */
    size_t edges;
    unsigned kinds; /* bit per kind with direction folded: see labels below */
    long entity;    /* the outlet entity, or -1 */
    const char *first, *last;
} outlet_row;

static int cmp_outlet_key(const void *pa, const void *pb)
{
    return strcmp(((const outlet_row *)pa)->key, ((const outlet_row *)pb)->key);
}

static int cmp_outlet_rank(const void *pa, const void *pb)
{
    const outlet_row *a = pa, *b = pb;
    if (a->articles != b->articles)
        return a->articles > b->articles ? -1 : 1;
    if (a->edges != b->edges)
        return a->edges > b->edges ? -1 : 1;
    return strcmp(a->name, b->name);
}

int query_outlets(query_ctx *q, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"limit", required_argument, NULL, 'n'},
        QUERY_COMMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    long limit = 20;
    int opt, rc;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":n:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'n':
            if ((rc = query_parse_count(q, "-n", optarg, 0, &limit)) != CLI_OK)
                return rc;
            break;
        default:
            if ((rc = query_option(q, opt, argv, outlets_usage)) != QUERY_NEXT)
                return rc;
            break;
        }
    }
    if (optind + 1 != argc)
        return query_usage(q, "outlets takes one NAME");
    size_t x;
    if ((rc = query_lookup(q, argv[optind], &x)) != CLI_OK)
        return rc;
    const erg_graph *g = q->graph;
    nb_link *links = NULL;
    size_t n_links = 0;
    if ((rc = collect_links(g, x, &links, &n_links)) != CLI_OK)
        return rc;

    /* One raw row per (outlet name on an edge) and per (edge to an outlet entity). */
    size_t cap = 16, n = 0;
    outlet_row *rows = malloc(cap * sizeof *rows);
    erg_buf key;
    erg_buf_init(&key);
    json_t *out = NULL;
    if (!rows)
        goto oom;
    for (size_t i = 0; i < n_links; i++) {
        const erg_edge *e = erg_graph_edge(g, links[i].edge);
        const erg_entity *other = erg_graph_entity(g, links[i].other);
        size_t want = n + e->n_outlets + 1;
        if (want > cap) {
            while (cap < want)
                cap *= 2;
            outlet_row *bigger = realloc(rows, cap * sizeof *rows);
            if (!bigger)
                goto oom;
            rows = bigger;
        }
        if (other->type == ERG_TYPE_OUTLET) {
            outlet_row *r = &rows[n];
            if (!(r->key = erg_strdup(other->key)))
                goto oom;
            n++;
            r->name = other->name;
            r->articles = e->articles;
            r->edges = 0;
            r->kinds = 1u << e->kind;
            r->entity = (long)links[i].other;
            r->first = e->first_date;
            r->last = e->last_date;
        }
        /* Only the co-mention edge counts a tie, so that typed edges of a pair do not count twice.
         */
        if (e->kind != ERG_KIND_CO_MENTION)
            continue;
        for (size_t k = 0; k < e->n_outlets; k++) {
            if (erg_text_name_key(e->outlets[k], strlen(e->outlets[k]), &key) != ERG_OK)
                goto oom;
            if (!key.data || !key.data[0])
                continue;
            outlet_row *r = &rows[n];
            if (!(r->key = erg_strdup(key.data)))
                goto oom;
            n++;
            r->name = e->outlets[k];
            r->articles = -1;
            r->edges = 1;
            r->kinds = 0;
            r->entity = -1;
            r->first = e->first_date;
            r->last = e->last_date;
        }
    }
    /* Merge the raw rows by key. */
    qsort(rows, n, sizeof *rows, cmp_outlet_key);
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (w && strcmp(rows[w - 1].key, rows[i].key) == 0) {
            outlet_row *a = &rows[w - 1], *b = &rows[i];
            if (b->articles > a->articles)
                a->articles = b->articles;
            a->edges += b->edges;
            a->kinds |= b->kinds;
            if (b->entity >= 0) {
                a->entity = b->entity;
                a->name = b->name; /* the entity's display name wins over a source string */
            }
            widen_dates(&a->first, &a->last, b->first, b->last);
            free(b->key);
        } else {
            rows[w++] = rows[i];
        }
    }
    n = w;
    qsort(rows, n, sizeof *rows, cmp_outlet_rank);
    out = json_array();
    for (size_t i = 0; out && i < n && (limit == 0 || i < (size_t)limit); i++) {
        const outlet_row *r = &rows[i];
        json_t *kl = json_array();
        for (int k = 0; kl && k < ERG_KIND_COUNT; k++) {
            if (!(r->kinds & (1u << k)))
                continue;
            /* Show the direction of the typed edges between NAME and the outlet. */
            size_t idx[16];
            size_t m = erg_analyze_pair_edges(g, x, (size_t)r->entity, idx, 16);
            for (size_t j = 0; j < m && j < 16; j++) {
                const erg_edge *e = erg_graph_edge(g, idx[j]);
                if ((int)e->kind != k)
                    continue;
                char label[64];
                query_kind_label(e, (size_t)r->entity, label, sizeof label);
                json_array_append_new(kl, json_string(label));
            }
        }
        json_t *row = json_pack("{s:s, s:o, s:o, s:I, s:o, s:o, s:o}", "name", r->name, "key",
                                r->entity >= 0 ? json_string(r->key) : json_null(), "articles",
                                r->articles >= 0 ? json_integer(r->articles) : json_null(), "edges",
                                (json_int_t)r->edges, "kinds", kl, "first_date",
                                query_str(r->first), "last_date", query_str(r->last));
        if (!row || json_array_append_new(out, row)) {
            json_decref(out);
            out = NULL;
        }
    }
    static const query_col cols[] = {
        {"name", "outlet", 40, 0}, {"articles", "articles", 0, 0}, {"edges", "edges", 0, 0},
        {"kinds", "kinds", 40, 0}, {"first_date", "first", 0, 0},  {"last_date", "last", 0, 0},
    };
    rc = query_print_rows(q, out, cols, sizeof cols / sizeof *cols);
    goto cleanup;
oom:
    rc = query_oom();
cleanup:
    for (size_t i = 0; rows && i < n; i++)
        free(rows[i].key);
    free(rows);
    free(links);
    erg_buf_release(&key);
    return rc;
}
