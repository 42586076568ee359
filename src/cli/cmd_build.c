/*
 * erg build: articles in, graph file out.
 */
#include "pipeline.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char build_usage[] =
    "usage: erg build [OPTIONS] INPUT... [-o FILE]\n"
    "\n"
    "Reads articles, recognizes the people, agencies and news outlets they\n"
    "mention, and writes the graph that links them.\n"
    "\n"
    "INPUT is a file, a folder (read recursively: .txt .text .md files are one\n"
    "article each, .jsonl/.ndjson files one article a line) or - for stdin.\n"
    "\n"
    "  -o, --output FILE     where to write the graph (default: - for stdout)\n"
    "  -f, --format FMT      json (the native graph file), graphml or dot\n"
    "                        (default: from FILE's extension; json for stdout)\n"
    "      --evidence N      evidence sentences kept per edge (default 3)\n" CLI_READ_HELP
    "  -h, --help            show this help\n"
    "\n"
    "Examples:\n"
    "  erg build fixtures/articles -o graph.graphml\n"
    "  erg build news.jsonl --types person,agency,outlet,place -o graph.dot\n"
    "  cat news.jsonl | erg build - -o graph.json\n";

typedef struct build_ctx {
    cli_pipeline pipe;
    erg_graph *graph;
} build_ctx;

static erg_status add_article(void *ctx, const erg_article *art, erg_error *err)
{
    build_ctx *b = ctx;
    erg_status st = cli_pipeline_run(&b->pipe, art, err);
    if (st != ERG_OK)
        return st;
    return erg_graph_add_article(b->graph, art, &b->pipe.entities, &b->pipe.mentions,
                                 &b->pipe.relations, err);
}

static void print_summary(const erg_graph *g, size_t articles, const char *out)
{
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
    fprintf(stderr, "), %zu edges\n", erg_graph_edge_count(g));
}

int cmd_build(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"evidence", required_argument, NULL, 'e'},
        {"help", no_argument, NULL, 'h'},
        CLI_READ_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    cli_read_options ro;
    cli_read_options_init(&ro);
    const char *output = "-";
    const char *format = NULL;
    unsigned evidence = 3;
    int opt, r;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:f:h" CLI_READ_SHORT_OPTIONS, longopts, NULL)) != -1) {
        switch (opt) {
        case 'o':
            output = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        case 'e': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 1000)
                return cli_usage("build", "--evidence takes a number from 1 to 1000");
            evidence = (unsigned)v;
            break;
        }
        case 'h':
            fputs(build_usage, stdout);
            return CLI_OK;
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
    if (optind >= argc)
        return cli_usage("build", "no input given (files, folders or - for stdin)");

    erg_error err;
    erg_error_clear(&err);
    erg_format fmt = ERG_FORMAT_JSON;
    if (format) {
        if (erg_format_parse(format, &fmt) != ERG_OK)
            return cli_usage("build", "unknown format '%s' (use json, graphml or dot)", format);
    } else if (strcmp(output, "-") != 0 && erg_format_from_path(output, &fmt, &err) != ERG_OK) {
        return cli_usage("build", "'%s': %s; use --format", output, err.text);
    }

    build_ctx b;
    b.graph = NULL;
    int rc = cli_pipeline_init(&b.pipe, &ro);
    if (rc != CLI_OK)
        return rc;
    size_t articles = 0;
    if (erg_graph_new(&b.graph, evidence, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    rc = cli_for_each_article(argv + optind, (size_t)(argc - optind), &ro, add_article, &b,
                              &articles);
    if (rc != CLI_OK)
        goto cleanup;
    if (erg_graph_finish(b.graph, ro.type_mask, &err) != ERG_OK ||
        erg_export_file(b.graph, fmt, output, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    print_summary(b.graph, articles, output);
cleanup:
    erg_graph_free(b.graph);
    cli_pipeline_release(&b.pipe);
    return rc;
}
