/*
 * query_paths.c: erg query path, evidence, ego, subgraph.
 */
#include "query.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The kinds of the edges between a and b, read from a; a JSON array of strings. */
static json_t *pair_kinds(const erg_graph *g, size_t a, size_t b)
{
    size_t idx[ERG_KIND_COUNT * 2];
    size_t n = erg_analyze_pair_edges(g, a, b, idx, ERG_KIND_COUNT * 2);
    json_t *kl = json_array();
    for (size_t i = 0; kl && i < n && i < ERG_KIND_COUNT * 2; i++) {
        char label[64];
        query_kind_label(erg_graph_edge(g, idx[i]), a, label, sizeof label);
        json_array_append_new(kl, json_string(label));
    }
    return kl;
}

/*
 * One evidence record for the tie between a and b: a typed edge's first one
 * when there is any (it says more than a co-mention), else the co-mention's.
 */
static const erg_evidence *pair_evidence(const erg_graph *g, size_t a, size_t b)
{
    size_t idx[ERG_KIND_COUNT * 2];
    size_t n = erg_analyze_pair_edges(g, a, b, idx, ERG_KIND_COUNT * 2);
    const erg_evidence *co = NULL;
    for (size_t i = 0; i < n && i < ERG_KIND_COUNT * 2; i++) {
        const erg_edge *e = erg_graph_edge(g, idx[i]);
        if (e->n_evidence == 0)
            continue;
        if (e->kind != ERG_KIND_CO_MENTION)
            return &e->evidence[0];
        co = &e->evidence[0];
    }
    return co;
}

/* ---- path ------------------------------------------------------------------------------- */

static const char path_usage[] =
    "usage: erg query GRAPH path A B [-k N]\n"
    "\n"
    "Finds the shortest chains of ties from A to B in the co-mention graph. An\n"
    "edge is as long as 1/weight, so a chain of strong ties (entities often named\n"
    "together) is shorter than one weak tie. Each hop shows its co-mention\n"
    "weight, the kinds of edges of the pair (read from the hop's first entity:\n"
    "'leads>' means it leads the next one) and one sentence that supports it.\n"
    "Exit status 1 when A and B are not connected.\n"
    "\n"
    "  -k, --paths N         the N shortest loopless chains (default 1)\n" QUERY_COMMON_HELP "\n"
    "Example:\n"
    "  erg query graph.json path \"Kim Jong-un\" Reuters -k 3\n";

int query_path(query_ctx *q, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"paths", required_argument, NULL, 'k'},
        QUERY_COMMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    long k = 1;
    int opt, rc;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":k:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'k':
            if ((rc = query_parse_count(q, "-k", optarg, 1, &k)) != CLI_OK)
                return rc;
            break;
        default:
            if ((rc = query_option(q, opt, argv, path_usage)) != QUERY_NEXT)
                return rc;
            break;
        }
    }
    if (optind + 2 != argc)
        return query_usage(q, "path takes two names, A and B");
    size_t a, b;
    if ((rc = query_lookup(q, argv[optind], &a)) != CLI_OK ||
        (rc = query_lookup(q, argv[optind + 1], &b)) != CLI_OK || (rc = query_net(q)) != CLI_OK)
        return rc;
    const erg_graph *g = q->graph;
    erg_error err;
    erg_error_clear(&err);
    erg_paths paths;
    if (erg_paths_init(&paths, &err) != ERG_OK)
        return cli_fail(&err);
    json_t *list = NULL, *flat = NULL;
    if (erg_analyze_paths(&q->net, (igraph_integer_t)a, (igraph_integer_t)b, (igraph_integer_t)k,
                          &paths, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    size_t np = erg_paths_count(&paths);
    if (np == 0) {
        rc = cli_failf("no path between '%s' and '%s'", erg_graph_entity(g, a)->name,
                       erg_graph_entity(g, b)->name);
        goto cleanup;
    }
    list = json_array();
    flat = json_array();
    for (size_t p = 0; list && flat && p < np; p++) {
        const igraph_vector_int_t *vs = igraph_vector_int_list_get_ptr(&paths.vertices, p);
        const igraph_vector_int_t *es = igraph_vector_int_list_get_ptr(&paths.edges, p);
        double length = VECTOR(paths.lengths)[p];
        json_t *hops = json_array();
        for (igraph_integer_t h = 0; hops && h < igraph_vector_int_size(es); h++) {
            size_t u = (size_t)VECTOR(*vs)[h], v = (size_t)VECTOR(*vs)[h + 1];
            const erg_evidence *ev = pair_evidence(g, u, v);
            json_t *jev = ev ? json_pack("{s:s, s:s}", "article", ev->article, "sentence",
                                         ev->sentence ? ev->sentence : "")
                             : json_null();
            json_t *hop = json_pack(
                "{s:s, s:s, s:f, s:o, s:o}", "from", erg_graph_entity(g, u)->name, "to",
                erg_graph_entity(g, v)->name, "weight", VECTOR(q->net.weight)[VECTOR(*es)[h]],
                "kinds", pair_kinds(g, u, v), "evidence", jev);
            json_t *row = hop ? json_deep_copy(hop) : NULL;
            if (row) {
                json_object_set_new(row, "path", json_integer((json_int_t)p + 1));
                json_object_set_new(row, "length", json_real(length));
                json_object_set_new(row, "hop", json_integer((json_int_t)h + 1));
                json_object_set_new(row, "sentence", query_str(ev ? ev->sentence : NULL));
            }
            if (!hop || !row || json_array_append_new(hops, hop) ||
                json_array_append_new(flat, row)) {
                json_decref(hops);
                hops = NULL;
            }
        }
        json_t *item =
            json_pack("{s:I, s:f, s:I, s:o}", "rank", (json_int_t)p + 1, "length", length, "hops",
                      (json_int_t)igraph_vector_int_size(es), "steps", hops);
        if (!item || json_array_append_new(list, item)) {
            json_decref(list);
            list = NULL;
        }
    }
    if (!list || !flat) {
        rc = query_oom();
        goto cleanup;
    }
    static const query_col cols[] = {
        {"path", "path", 0, 0},    {"length", "length", 0, 0},
        {"hop", "hop", 0, 0},      {"from", "from", 30, 0},
        {"to", "to", 30, 0},       {"weight", "weight", 0, 3},
        {"kinds", "kinds", 30, 0}, {"sentence", "evidence", 70, 0},
    };
    if (q->format == QUERY_JSON) {
        json_t *doc = json_pack("{s:o, s:o, s:o}", "from", query_entity_json(q, a), "to",
                                query_entity_json(q, b), "paths", list);
        list = NULL;
        rc = query_print_json(doc);
    } else if (q->format == QUERY_TSV) {
        rc = query_print_table(q, flat, cols, sizeof cols / sizeof *cols);
        flat = NULL;
    } else {
        /* A heading per path, then its hops. */
        for (size_t p = 0; p < np && rc == CLI_OK; p++) {
            const json_t *item = json_array_get(list, p);
            const json_t *steps = json_object_get(item, "steps");
            printf("%spath %zu: ", p ? "\n" : "", p + 1);
            size_t i;
            json_t *hop;
            json_array_foreach(steps, i, hop)
            {
                if (i == 0)
                    printf("%s", json_string_value(json_object_get(hop, "from")));
                printf(" -> %s", json_string_value(json_object_get(hop, "to")));
            }
            if (json_array_size(steps) == 0)
                printf("%s", erg_graph_entity(g, a)->name);
            printf(" (%zu hop%s, length %.6g)\n", json_array_size(steps),
                   json_array_size(steps) == 1 ? "" : "s", VECTOR(paths.lengths)[p]);
            json_t *rows = json_array();
            for (size_t j = 0; rows && j < json_array_size(flat); j++) {
                json_t *r = json_array_get(flat, j);
                if ((size_t)json_integer_value(json_object_get(r, "path")) == p + 1)
                    json_array_append(rows, r);
            }
            if (json_array_size(steps) > 0)
                rc = query_print_table(q, rows, cols + 2, sizeof cols / sizeof *cols - 2);
            else
                json_decref(rows);
        }
    }
cleanup:
    json_decref(list);
    json_decref(flat);
    erg_paths_release(&paths);
    return rc;
}

/* ---- evidence --------------------------------------------------------------------------- */

static const char evidence_usage[] =
    "usage: erg query GRAPH evidence A B\n"
    "\n"
    "Shows every edge between A and B (the co-mention and any typed relation,\n"
    "read from A: 'leads>' means A leads B) with its weight, articles, dates and\n"
    "outlets, and the sentences kept as its evidence (erg build --evidence N\n"
    "keeps the first N per edge). Exit status 1 when A and B share no edge.\n"
    "GraphML holds no evidence: on a .graphml graph, each edge is shown with its\n"
    "counts, dates and outlets but no sentences (use the native .json file).\n"
    "\n" QUERY_COMMON_HELP "\n"
    "Example:\n"
    "  erg query graph.json evidence \"Kim Jong-un\" KCNA\n";

int query_evidence(query_ctx *q, int argc, char **argv)
{
    int rc = query_common_options(q, argc, argv, evidence_usage);
    if (rc != QUERY_NEXT)
        return rc;
    if (optind + 2 != argc)
        return query_usage(q, "evidence takes two names, A and B");
    size_t a, b;
    if ((rc = query_lookup(q, argv[optind], &a)) != CLI_OK ||
        (rc = query_lookup(q, argv[optind + 1], &b)) != CLI_OK)
        return rc;
    const erg_graph *g = q->graph;
    size_t idx[ERG_KIND_COUNT * 2];
    size_t n = erg_analyze_pair_edges(g, a, b, idx, ERG_KIND_COUNT * 2);
    if (n > ERG_KIND_COUNT * 2)
        n = ERG_KIND_COUNT * 2;
    if (n == 0 || a == b)
        return cli_failf("no edge between '%s' and '%s'", erg_graph_entity(g, a)->name,
                         erg_graph_entity(g, b)->name);
    json_t *edges = json_array(), *flat = json_array();
    for (size_t i = 0; edges && flat && i < n; i++) {
        const erg_edge *e = erg_graph_edge(g, idx[i]);
        char label[64];
        query_kind_label(e, a, label, sizeof label);
        json_t *outlets = json_array(), *evs = json_array();
        for (size_t o = 0; outlets && o < e->n_outlets; o++)
            json_array_append_new(outlets, json_string(e->outlets[o]));
        for (size_t k = 0; evs && k < e->n_evidence; k++) {
            const erg_evidence *ev = &e->evidence[k];
            const erg_graph_article *art = erg_graph_find_article(g, ev->article);
            json_t *jev = json_pack(
                "{s:s, s:I, s:I, s:s, s:o, s:o, s:o, s:o}", "article", ev->article, "start",
                (json_int_t)ev->start, "end", (json_int_t)ev->end, "sentence",
                ev->sentence ? ev->sentence : "", "title", query_str(art ? art->title : NULL),
                "date", query_str(art ? art->date : NULL), "source",
                query_str(art ? art->source : NULL), "url", query_str(art ? art->url : NULL));
            json_t *row = jev ? json_deep_copy(jev) : NULL;
            if (row)
                json_object_set_new(row, "kind", json_string(label));
            json_array_append_new(evs, jev);
            json_array_append_new(flat, row);
        }
        json_t *item =
            json_pack("{s:s, s:f, s:I, s:I, s:o, s:o, s:o, s:o}", "kind", label, "weight",
                      erg_edge_weight(e), "count", (json_int_t)e->count, "articles",
                      (json_int_t)e->articles, "first_date", query_str(e->first_date), "last_date",
                      query_str(e->last_date), "outlets", outlets, "evidence", evs);
        /* A typed edge's score and the patterns that found it, as the native file has them. */
        if (item && e->kind != ERG_KIND_CO_MENTION && (e->score || e->patterns)) {
            json_t *jp = json_array();
            for (int p = 1; jp && p < ERG_PATTERN_COUNT; p++)
                if (e->patterns & (1u << p))
                    json_array_append_new(jp, json_string(erg_relate_pattern_name((erg_pattern)p)));
            json_object_set_new(item, "confidence", json_real((double)e->score / ERG_SCORE_UNIT));
            json_object_set_new(item, "patterns", jp ? jp : json_null());
        }
        if (!item || json_array_append_new(edges, item)) {
            json_decref(edges);
            edges = NULL;
        }
    }
    if (!edges || !flat) {
        json_decref(edges);
        json_decref(flat);
        return query_oom();
    }
    static const query_col cols[] = {
        {"kind", "kind", 0, 0},      {"article", "article", 30, 0},   {"date", "date", 0, 0},
        {"source", "source", 20, 0}, {"sentence", "sentence", 80, 0},
    };
    if (q->format == QUERY_JSON) {
        json_decref(flat);
        return query_print_json(json_pack("{s:o, s:o, s:o}", "a", query_entity_json(q, a), "b",
                                          query_entity_json(q, b), "edges", edges));
    }
    if (q->format == QUERY_TABLE) {
        erg_buf sh[6];
        for (size_t k = 0; k < sizeof sh / sizeof *sh; k++)
            erg_buf_init(&sh[k]);
        printf("%s - %s\n", cli_show(&sh[0], erg_graph_entity(g, a)->name),
               cli_show(&sh[1], erg_graph_entity(g, b)->name));
        size_t i;
        json_t *item;
        json_array_foreach(edges, i, item)
        {
            json_int_t arts = json_integer_value(json_object_get(item, "articles"));
            const char *first = json_string_value(json_object_get(item, "first_date"));
            const char *last = json_string_value(json_object_get(item, "last_date"));
            char w[40];
            printf("  %s: weight %s, count %lld, %lld article%s",
                   json_string_value(json_object_get(item, "kind")),
                   query_decimals(json_real_value(json_object_get(item, "weight")), 3, w, sizeof w),
                   (long long)json_integer_value(json_object_get(item, "count")), (long long)arts,
                   arts == 1 ? "" : "s");
            if (first)
                printf(", %s to %s", cli_show(&sh[4], first),
                       cli_show(&sh[5], last ? last : first));
            json_t *outlets = json_object_get(item, "outlets");
            for (size_t o = 0; o < json_array_size(outlets); o++)
                printf("%s%s", o ? ", " : "; outlets: ",
                       cli_show(&sh[0], json_string_value(json_array_get(outlets, o))));
            json_t *conf = json_object_get(item, "confidence");
            if (conf) {
                char cw[40];
                printf("; confidence %s", query_decimals(json_real_value(conf), 4, cw, sizeof cw));
                json_t *pats = json_object_get(item, "patterns");
                for (size_t p = 0; p < json_array_size(pats); p++)
                    printf("%s%s", p ? ", " : " (", json_string_value(json_array_get(pats, p)));
                if (json_array_size(pats))
                    putchar(')');
            }
            putchar('\n');
            /* Sentences in full: a terminal table would cut them, and they are the point. */
            json_t *ev;
            size_t k;
            json_array_foreach(json_object_get(item, "evidence"), k, ev)
            {
                const char *date = json_string_value(json_object_get(ev, "date"));
                const char *source = json_string_value(json_object_get(ev, "source"));
                printf("    %s, bytes %lld-%lld%s%s%s%s:\n      %s\n",
                       cli_show(&sh[0], json_string_value(json_object_get(ev, "article"))),
                       (long long)json_integer_value(json_object_get(ev, "start")),
                       (long long)json_integer_value(json_object_get(ev, "end")), date ? ", " : "",
                       cli_show(&sh[1], date), source ? ", " : "", cli_show(&sh[2], source),
                       cli_show(&sh[3], json_string_value(json_object_get(ev, "sentence"))));
            }
        }
        for (size_t k = 0; k < sizeof sh / sizeof *sh; k++)
            erg_buf_release(&sh[k]);
        json_decref(edges);
        json_decref(flat);
        return CLI_OK;
    }
    json_decref(edges);
    return query_print_table(q, flat, cols, sizeof cols / sizeof *cols);
}

/* ---- ego and subgraph ------------------------------------------------------------------- */

#define WRITE_HELP                                                                                 \
    "  -o, --output FILE     where to write (default: - for stdout)\n"                             \
    "  -f, --format FMT      json (the native graph file), graphml, dot, csv\n"                    \
    "                        (default: from FILE's extension; json for stdout)\n"

static const char ego_usage[] =
    "usage: erg query GRAPH ego NAME [--depth D] [-o FILE]\n"
    "\n"
    "Writes the graph around NAME: the entities at most D co-mention hops away\n"
    "and every edge among them (typed ones too), with their counts and evidence\n"
    "as in GRAPH, in the format `erg build` would write to FILE.\n"
    "\n"
    "  -d, --depth D         hops from NAME (default 1)\n" WRITE_HELP
    "  -h, --help            show this help\n"
    "\n"
    "Example:\n"
    "  erg query graph.json ego \"Kim Jong-un\" --depth 2 -o kim.graphml\n";

static const char subgraph_usage[] =
    "usage: erg query GRAPH subgraph NAME... [-o FILE]\n"
    "\n"
    "Writes the graph among the entities named: those entities and every edge\n"
    "between two of them, in the format `erg build` would write to FILE.\n"
    "\n" WRITE_HELP "  -h, --help            show this help\n"
    "\n"
    "Example:\n"
    "  erg query graph.json subgraph \"Kim Jong-un\" KCNA Yonhap Reuters -o part.dot\n";

/* Cuts the entities marked in keep out of the graph and writes them. */
static int write_subset(query_ctx *q, const igraph_vector_bool_t *keep, const char *output,
                        const char *format)
{
    char cmd[64];
    snprintf(cmd, sizeof cmd, "query %s", q->cmd);
    erg_format fmt;
    if (cli_output_format(cmd, format, output, &fmt) != CLI_OK)
        return CLI_USAGE;
    erg_error err;
    erg_error_clear(&err);
    erg_graph *sub = NULL;
    if (erg_analyze_subset(q->graph, &q->net, keep, NULL, &sub, &err) != ERG_OK ||
        erg_export_file(sub, fmt, output, &err) != ERG_OK) {
        erg_graph_free(sub);
        return cli_fail(&err);
    }
    fprintf(stderr, "wrote %s: %zu entit%s, %zu edge%s\n", strcmp(output, "-") ? output : "stdout",
            erg_graph_entity_count(sub), erg_graph_entity_count(sub) == 1 ? "y" : "ies",
            erg_graph_edge_count(sub), erg_graph_edge_count(sub) == 1 ? "" : "s");
    erg_graph_free(sub);
    return CLI_OK;
}

static int ego_or_subgraph(query_ctx *q, int argc, char **argv, bool ego)
{
    static const struct option longopts[] = {
        {"depth", required_argument, NULL, 'd'},
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        QUERY_COMMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    const char *output = "-", *format = NULL;
    long depth = 1;
    int opt, rc;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ego ? ":d:o:f:h" : ":o:f:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'd':
            if (!ego)
                return query_usage(q, "subgraph takes no --depth (use ego)");
            if ((rc = query_parse_count(q, "--depth", optarg, 0, &depth)) != CLI_OK)
                return rc;
            break;
        case 'o':
            output = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        default:
            /* --json and --tsv are taken for uniformity; the output is a graph file. */
            if ((rc = query_option(q, opt, argv, ego ? ego_usage : subgraph_usage)) != QUERY_NEXT)
                return rc;
            break;
        }
    }
    if (ego && optind + 1 != argc)
        return query_usage(q, "ego takes one NAME");
    if (!ego && optind >= argc)
        return query_usage(q, "subgraph takes one or more NAMEs");
    if ((rc = query_net(q)) != CLI_OK)
        return rc;
    igraph_vector_bool_t keep;
    if (igraph_vector_bool_init(&keep, igraph_vcount(&q->net.graph)) != IGRAPH_SUCCESS)
        return query_oom();
    erg_error err;
    erg_error_clear(&err);
    size_t x;
    if (ego) {
        if ((rc = query_lookup(q, argv[optind], &x)) == CLI_OK &&
            erg_analyze_ego(&q->net, (igraph_integer_t)x, depth, &keep, &err) != ERG_OK)
            rc = cli_fail(&err);
    } else {
        for (int i = optind; i < argc && rc == CLI_OK; i++)
            if ((rc = query_lookup(q, argv[i], &x)) == CLI_OK)
                VECTOR(keep)[x] = true;
    }
    if (rc == CLI_OK)
        rc = write_subset(q, &keep, output, format);
    igraph_vector_bool_destroy(&keep);
    return rc;
}

int query_ego(query_ctx *q, int argc, char **argv)
{
    return ego_or_subgraph(q, argc, argv, true);
}

int query_subgraph(query_ctx *q, int argc, char **argv)
{
    return ego_or_subgraph(q, argc, argv, false);
}
