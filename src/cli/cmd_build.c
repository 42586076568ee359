/*
 * erg build: articles in, graph file out; optionally cut down by filters and
 * with scores and communities written as node attributes.
 */
#include "pipeline.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char build_usage[] =
    "usage: erg build [OPTIONS] INPUT... [-o FILE]\n"
    "\n"
    "Reads articles, recognizes the people, agencies and news outlets they\n"
    "mention, and writes the graph that links them.\n"
    "\n"
    "INPUT is a file, a folder (read recursively: .txt .text .md files are one\n"
    "article each, .jsonl/.ndjson files one article a line, other files are\n"
    "counted and ignored) or - for stdin. A graph (.json or GraphML) is not an\n"
    "INPUT: join graphs with erg merge.\n"
    "\n"
    "  -o, --output FILE     where to write the graph (default: - for stdout)\n"
    "  -f, --format FMT      json (the native graph file), graphml or dot\n"
    "                        (default: from FILE's extension; json for stdout)\n"
    "  -j, --jobs N          read articles with N threads (default: the number of\n"
    "                        processors); the graph is the same for every N\n"
    "      --evidence N      evidence sentences kept per edge (default 3)\n"
    "      --no-corpus-resolve\n"
    "                        keep a short form that is a node of its own (\"Blair\",\n"
    "                        \"IBM\", \"Texaco\") apart from the full name that owns\n"
    "                        it in the corpus (folded by default; erg query find\n"
    "                        shows the rule that joined each surface form)\n" CLI_READ_HELP
    "  -h, --help            show this help\n"
    "\n";

/* The analysis half of the help (one string literal of it would pass C's 4095). */
static const char build_usage_analysis[] =
    "Analysis. It runs on the simple undirected co-mention graph: one edge per\n"
    "pair of entities, weighted by the windows that mention both, a window of k\n"
    "entities giving each of its pairs 1/(k-1) (Newman's collaboration weight);\n"
    "typed edges take no part (the same graph Gephi sees in erg's GraphML).\n"
    "Scores and communities become node attributes of GraphML and JSON files.\n"
    "      --rank LIST       write these scores per entity, each as an attribute of\n"
    "                        its name (for Gephi to size nodes by): degree,\n"
    "                        strength, pagerank, betweenness, eigenvector,\n"
    "                        closeness (comma list, or the option repeated);\n"
    "                        betweenness and closeness take long on big graphs\n"
    "      --communities [M] find communities with M, leiden (default) or louvain:\n"
    "                        a 'community' attribute, DOT nodes filled by\n"
    "                        community, the modularity in the summary line\n"
    "      --resolution R    for --communities, > 0 (default 1); higher gives\n"
    "                        more, smaller communities\n"
    "\n"
    "Filters, applied in this order before the scores are computed:\n"
    "      --min-weight W    drop the pairs whose co-mention weight is below W\n"
    "                        (a real number: 0.5 keeps a pair seen once in a\n"
    "                        sentence of three entities)\n"
    "      --backbone ALPHA  keep the pairs significant at ALPHA for one of the\n"
    "                        two entities (the disparity filter; 0 < ALPHA <= 1,\n"
    "                        0.05 is usual)\n"
    "      --largest-component\n"
    "                        keep the largest connected group of entities\n"
    "      --top N           keep the N entities with the highest score by the\n"
    "                        first --rank measure (by degree without --rank)\n"
    "A pair dropped by an edge filter loses its typed edges too; its entities\n"
    "stay (add --largest-component to drop the ones left unlinked).\n"
    "\n"
    "Examples:\n"
    "  erg build fixtures/articles -o graph.graphml\n"
    "  erg build news.jsonl --types person,agency,outlet,place -o graph.dot\n"
    "  cat news.jsonl | erg build - -o graph.json\n"
    "  erg build news.jsonl --rank pagerank,degree --communities -o graph.graphml\n"
    "  erg build news.jsonl --backbone 0.05 --largest-component --top 100 \\\n"
    "      --rank pagerank --communities louvain -o graph.dot\n";

/* What the analysis options ask for. */
typedef struct build_analysis {
    erg_centrality ranks[ERG_CENTRALITY_COUNT];
    size_t n_ranks;
    bool communities;
    erg_community_method method;
    double resolution;
    bool resolution_given;
    double min_weight; /* 0: no filter */
    double backbone;   /* 0: no filter */
    bool largest_component;
    long top; /* 0: no filter */
} build_analysis;

enum {
    OPT_RANK = 2000,
    OPT_COMMUNITIES,
    OPT_RESOLUTION,
    OPT_MIN_WEIGHT,
    OPT_BACKBONE,
    OPT_LARGEST,
    OPT_TOP,
    OPT_NO_CORPUS_RESOLVE
};

typedef struct build_ctx {
    cli_pipeline pipe;
    erg_graph *graph;
} build_ctx;

/* Adds the measures of a --rank value ("pagerank,degree") to a; a measure twice counts once. */
static int parse_ranks(const char *arg, build_analysis *a)
{
    const char *p = arg;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char word[32];
        erg_centrality c;
        if (len == 0)
            return cli_usage("build", "--rank needs a measure name between commas ('%s')", arg);
        snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ? len : sizeof word - 1), p);
        if (len >= sizeof word || erg_centrality_parse(word, &c) != ERG_OK)
            return cli_usage("build",
                             "unknown measure '%.*s' (use degree, strength, pagerank, "
                             "betweenness, eigenvector or closeness)",
                             (int)len, p);
        bool seen = false;
        for (size_t i = 0; i < a->n_ranks; i++)
            seen = seen || a->ranks[i] == c;
        if (!seen)
            a->ranks[a->n_ranks++] = c;
        if (!comma)
            return CLI_OK;
        p = comma + 1;
    }
}

/* Parses one analysis option; CLI_OK, or CLI_USAGE after printing. */
static int analysis_option(int opt, const char *arg, int argc, char **argv, build_analysis *a)
{
    switch (opt) {
    case OPT_RANK:
        return parse_ranks(arg, a);
    case OPT_COMMUNITIES:
        a->communities = true;
        /* An optional argument may also come as the next word, when it names a method. */
        if (!arg && optind < argc && erg_community_method_parse(argv[optind], &a->method) == ERG_OK)
            optind++;
        else if (arg && erg_community_method_parse(arg, &a->method) != ERG_OK)
            return cli_usage("build", "unknown community method '%s' (use leiden or louvain)", arg);
        return CLI_OK;
    case OPT_RESOLUTION:
        if (!cli_parse_real(arg, &a->resolution) || !(a->resolution > 0))
            return cli_usage("build", "--resolution takes a number > 0, not '%s'", arg);
        a->resolution_given = true;
        return CLI_OK;
    case OPT_MIN_WEIGHT:
        if (!cli_parse_real(arg, &a->min_weight) || !(a->min_weight > 0))
            return cli_usage("build", "--min-weight takes a number > 0, not '%s'", arg);
        return CLI_OK;
    case OPT_BACKBONE:
        if (!cli_parse_real(arg, &a->backbone) || !(a->backbone > 0 && a->backbone <= 1))
            return cli_usage("build", "--backbone takes a significance level in (0, 1], not '%s'",
                             arg);
        return CLI_OK;
    case OPT_LARGEST:
        a->largest_component = true;
        return CLI_OK;
    case OPT_TOP:
        if (!cli_parse_long(arg, 1, 1000000000, &a->top))
            return cli_usage("build", "--top takes a whole number >= 1, not '%s'", arg);
        return CLI_OK;
    default:
        return CLI_USAGE;
    }
}

/*
 * Replaces *g with the part of it that one filter keeps. which: 0 min
 * weight, 1 backbone, 2 largest component, 3 top N.
 */
static erg_status apply_filter(erg_graph **g, const build_analysis *a, int which, erg_error *err)
{
    erg_net net;
    igraph_vector_bool_t mask;
    igraph_vector_t scores;
    erg_graph *next = NULL;
    bool have_mask = false, have_scores = false, edges = which < 2;
    erg_status st = erg_net_init(&net, *g, err);
    if (st != ERG_OK)
        return st;
    if (igraph_vector_bool_init(&mask, 0) != IGRAPH_SUCCESS) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    have_mask = true;
    if (which == 0) {
        st = erg_analyze_filter_min_weight(&net, a->min_weight, &mask, err);
    } else if (which == 1) {
        st = erg_analyze_backbone(&net, a->backbone, &mask, err);
    } else if (which == 2) {
        st = erg_analyze_filter_largest_component(&net, &mask, err);
    } else {
        if (igraph_vector_init(&scores, 0) != IGRAPH_SUCCESS) {
            st = erg_error_oom(err);
            goto cleanup;
        }
        have_scores = true;
        erg_centrality by = a->n_ranks ? a->ranks[0] : ERG_CENTRALITY_DEGREE;
        st = erg_analyze_centrality(&net, by, &scores, err);
        if (st == ERG_OK)
            st = erg_analyze_filter_top(&scores, (igraph_integer_t)a->top, &mask, err);
    }
    if (st == ERG_OK)
        st = erg_analyze_subset(*g, &net, edges ? NULL : &mask, edges ? &mask : NULL, &next, err);
    if (st == ERG_OK) {
        erg_graph_free(*g);
        *g = next;
    }
cleanup:
    if (have_scores)
        igraph_vector_destroy(&scores);
    if (have_mask)
        igraph_vector_bool_destroy(&mask);
    erg_net_release(&net);
    return st;
}

/* The scores and communities of the final graph, held for the export. */
typedef struct build_scores {
    erg_net net;
    bool have_net;
    igraph_vector_t values[ERG_CENTRALITY_COUNT];
    size_t n_values;
    erg_node_attr attrs[ERG_CENTRALITY_COUNT];
    erg_partition part;
    bool have_part;
} build_scores;

static void scores_release(build_scores *s)
{
    for (size_t i = 0; i < s->n_values; i++)
        igraph_vector_destroy(&s->values[i]);
    if (s->have_part)
        erg_partition_release(&s->part);
    if (s->have_net)
        erg_net_release(&s->net);
}

static erg_status compute_scores(const erg_graph *g, const build_analysis *a, build_scores *s,
                                 erg_export_options *opts, erg_error *err)
{
    s->n_values = 0;
    s->have_part = s->have_net = false;
    erg_status st = erg_net_init(&s->net, g, err);
    if (st != ERG_OK)
        return st;
    s->have_net = true;
    for (size_t i = 0; i < a->n_ranks; i++) {
        if (igraph_vector_init(&s->values[i], 0) != IGRAPH_SUCCESS)
            return erg_error_oom(err);
        s->n_values++;
        if ((st = erg_analyze_centrality(&s->net, a->ranks[i], &s->values[i], err)) != ERG_OK)
            return st;
        s->attrs[i] = (erg_node_attr){erg_centrality_name(a->ranks[i]),
                                      a->ranks[i] == ERG_CENTRALITY_DEGREE, VECTOR(s->values[i])};
    }
    opts->attrs = s->attrs;
    opts->n_attrs = a->n_ranks;
    if (a->communities) {
        if ((st = erg_partition_init(&s->part, err)) != ERG_OK)
            return st;
        s->have_part = true;
        double resolution = a->resolution_given ? a->resolution : 1.0;
        if ((st = erg_analyze_communities(&s->net, a->method, resolution, &s->part, err)) != ERG_OK)
            return st;
        opts->community = VECTOR(s->part.membership);
    }
    return ERG_OK;
}

static void print_summary(const erg_graph *g, const cli_read_stats *rs, const char *out,
                          size_t n_before, size_t m_before, const build_analysis *a,
                          const build_scores *s)
{
    size_t articles = rs->articles;
    fprintf(stderr, "built %s: %zu article%s, %zu entities (", strcmp(out, "-") ? out : "stdout",
            articles, articles == 1 ? "" : "s", erg_graph_entity_count(g));
    const char *sep = "";
    for (int t = 0; t < ERG_TYPE_MISC; t++) {
        size_t n = erg_graph_count_type(g, (erg_type)t);
        if (n) {
            fprintf(stderr, "%s%zu %s", sep, n, erg_type_name((erg_type)t));
            sep = ", ";
        }
    }
    fprintf(stderr, "), %zu edges", erg_graph_edge_count(g));
    if (n_before != erg_graph_entity_count(g) || m_before != erg_graph_edge_count(g))
        fprintf(stderr, " (filtered from %zu entit%s, %zu edge%s)", n_before,
                n_before == 1 ? "y" : "ies", m_before, m_before == 1 ? "" : "s");
    if (a->communities && s->have_part) {
        fprintf(stderr, "; %lld communit%s (%s", (long long)s->part.count,
                s->part.count == 1 ? "y" : "ies", erg_community_method_name(a->method));
        if (a->resolution_given)
            fprintf(stderr, ", resolution %g", a->resolution);
        if (isfinite(s->part.modularity))
            fprintf(stderr, "), modularity %.6f", s->part.modularity);
        else
            fprintf(stderr, "), modularity undefined (no co-mention edges)");
    }
    if (rs->boiler_lines)
        fprintf(stderr, "; %zu boilerplate line%s dropped (in %zu article%s)", rs->boiler_lines,
                rs->boiler_lines == 1 ? "" : "s", rs->boiler_articles,
                rs->boiler_articles == 1 ? "" : "s");
    fputc('\n', stderr);
}

int cmd_build(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"jobs", required_argument, NULL, 'j'},
        {"evidence", required_argument, NULL, 'e'},
        {"help", no_argument, NULL, 'h'},
        {"rank", required_argument, NULL, OPT_RANK},
        {"communities", optional_argument, NULL, OPT_COMMUNITIES},
        {"resolution", required_argument, NULL, OPT_RESOLUTION},
        {"min-weight", required_argument, NULL, OPT_MIN_WEIGHT},
        {"backbone", required_argument, NULL, OPT_BACKBONE},
        {"largest-component", no_argument, NULL, OPT_LARGEST},
        {"top", required_argument, NULL, OPT_TOP},
        {"no-corpus-resolve", no_argument, NULL, OPT_NO_CORPUS_RESOLVE},
        CLI_READ_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    cli_read_options ro;
    cli_read_options_init(&ro);
    ro.boilerplate = true;
    build_analysis an;
    memset(&an, 0, sizeof an);
    an.method = ERG_COMMUNITY_LEIDEN;
    const char *output = "-";
    const char *format = NULL;
    unsigned evidence = 3;
    unsigned jobs = 0;
    bool corpus_resolve = true;
    int opt, r;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:f:j:h" CLI_READ_SHORT_OPTIONS, longopts, NULL)) !=
           -1) {
        switch (opt) {
        case 'o':
            output = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        case 'j': {
            long v;
            if (!cli_parse_long(optarg, 1, ERG_MAX_THREADS, &v))
                return cli_usage("build", "--jobs takes a number from 1 to %d, not '%s'",
                                 ERG_MAX_THREADS, optarg);
            jobs = (unsigned)v;
            break;
        }
        case 'e': {
            long v;
            if (!cli_parse_long(optarg, 1, ERG_GRAPH_MAX_EVIDENCE, &v))
                return cli_usage("build", "--evidence takes a number from 1 to %u",
                                 ERG_GRAPH_MAX_EVIDENCE);
            evidence = (unsigned)v;
            break;
        }
        case 'h':
            fputs(build_usage, stdout);
            fputs(build_usage_analysis, stdout);
            return CLI_OK;
        case OPT_NO_CORPUS_RESOLVE:
            corpus_resolve = false;
            break;
        case OPT_RANK:
        case OPT_COMMUNITIES:
        case OPT_RESOLUTION:
        case OPT_MIN_WEIGHT:
        case OPT_BACKBONE:
        case OPT_LARGEST:
        case OPT_TOP:
            if (analysis_option(opt, optarg, argc, argv, &an) != CLI_OK)
                return CLI_USAGE;
            break;
        default:
            if ((r = cli_read_option("build", opt, optarg, &ro)) == 1)
                break;
            if (r == CLI_USAGE)
                return CLI_USAGE;
            return cli_bad_option("build", opt, argv);
        }
    }
    if (ro.type_mask & ERG_TYPE_BIT(ERG_TYPE_MISC))
        return cli_usage("build", "'misc' is not a graph type (use person, agency, outlet, place)");
    if (an.resolution_given && !an.communities)
        return cli_usage("build", "--resolution applies to --communities; add --communities");
    if (optind >= argc)
        return cli_usage("build", "no input given (files, folders or - for stdin)");

    erg_error err;
    erg_error_clear(&err);
    erg_format fmt;
    if (cli_output_format("build", format, output, &fmt) != CLI_OK)
        return CLI_USAGE;
    if (fmt == ERG_FORMAT_DOT && an.n_ranks)
        cli_warn("DOT files hold no --rank scores; write .graphml or .json to keep them");

    build_ctx b;
    b.graph = NULL;
    build_scores sc;
    memset(&sc, 0, sizeof sc);
    erg_export_options opts = {NULL, 0, NULL};
    /* The reader first: its first pass (boilerplate) runs while the model loads. */
    erg_reader *reader = NULL;
    int rc = cli_open_reader(argv + optind, (size_t)(argc - optind), &ro, NULL, &reader);
    if (rc != CLI_OK)
        return rc;
    if ((rc = cli_pipeline_init(&b.pipe, &ro)) != CLI_OK) {
        erg_reader_free(reader);
        return rc;
    }
    cli_read_stats rs;
    memset(&rs, 0, sizeof rs);
    if (erg_graph_new(&b.graph, evidence, &err) != ERG_OK ||
        (corpus_resolve && cli_corpus_resolve(b.graph, &ro, &err) != ERG_OK)) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    rc = cli_build_graph(reader, &ro, &b.pipe, b.graph, jobs, &rs);
    erg_reader_free(reader);
    reader = NULL;
    if (rc != CLI_OK)
        goto cleanup;
    if (erg_graph_finish(b.graph, ro.type_mask, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    size_t n_before = erg_graph_entity_count(b.graph), m_before = erg_graph_edge_count(b.graph);
    bool wanted[4] = {an.min_weight > 0, an.backbone > 0, an.largest_component, an.top > 0};
    for (int which = 0; which < 4; which++)
        if (wanted[which] && apply_filter(&b.graph, &an, which, &err) != ERG_OK) {
            rc = cli_fail(&err);
            goto cleanup;
        }
    if ((an.n_ranks || an.communities) &&
        compute_scores(b.graph, &an, &sc, &opts, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    if (erg_export_file_opts(b.graph, fmt, &opts, output, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    print_summary(b.graph, &rs, output, n_before, m_before, &an, &sc);
cleanup:
    erg_reader_free(reader);
    scores_release(&sc);
    erg_graph_free(b.graph);
    cli_pipeline_release(&b.pipe);
    return rc;
}
