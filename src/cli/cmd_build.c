/*
 * erg build: articles in, graph file out; optionally cut down by filters and
 * with scores and communities written as node attributes.
 */
#include "corpus_stage.h"
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
    "  -j, --jobs N          read articles with N threads (default: the number of\n"
    "                        processors); the graph is the same for every N\n"
    "      --evidence N      evidence sentences kept per edge (default 3)\n" CLI_CORPUS_HELP
    "      --partial         write a partial graph for erg merge: nothing folded,\n"
    "                        filtered or scored, every type kept (--types is\n"
    "                        recorded and applied by erg merge); native JSON only\n" CLI_READ_HELP
    "  -h, --help            show this help\n"
    "\n";

static const char build_examples[] =
    "\n"
    "Examples:\n"
    "  erg build fixtures/articles -o graph.graphml\n"
    "  erg build news.jsonl --types person,agency,outlet,place -o graph.dot\n"
    "  cat news.jsonl | erg build - -o graph.json\n"
    "  erg build news.jsonl --rank pagerank,degree --communities -o graph.graphml\n"
    "  erg build news.jsonl --backbone 0.05 --largest-component --top 100 \\\n"
    "      --rank pagerank --communities louvain -o graph.dot\n"
    "  erg build --partial shard1.jsonl -o part1.json   (then erg merge part*.json)\n";

typedef struct build_ctx {
    cli_pipeline pipe;
    erg_graph *graph;
} build_ctx;

int cmd_build(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"jobs", required_argument, NULL, 'j'},
        {"evidence", required_argument, NULL, 'e'},
        {"help", no_argument, NULL, 'h'},
        CLI_CORPUS_LONG_OPTIONS,
        CLI_READ_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    cli_read_options ro;
    cli_read_options_init(&ro);
    ro.boilerplate = true;
    cli_corpus_options co;
    cli_corpus_options_init(&co);
    const char *output = "-";
    const char *format = NULL;
    unsigned evidence = 3;
    unsigned jobs = 0;
    bool partial = false;
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
            fputs(cli_corpus_analysis_help, stdout);
            fputs(build_examples, stdout);
            return CLI_OK;
        case CLI_OPT_PARTIAL:
            partial = true;
            break;
        default:
            if ((r = cli_corpus_option("build", opt, optarg, argc, argv, &co)) == 0)
                r = cli_read_option("build", opt, optarg, &ro);
            if (r == 1)
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
    if (ro.boiler_from && !ro.boilerplate)
        return cli_usage("build", "--boilerplate-from and --keep-boilerplate: choose one");

    erg_error err;
    erg_error_clear(&err);
    erg_format fmt;
    if (cli_output_format("build", format, output, &fmt) != CLI_OK ||
        cli_corpus_check("build", &co, partial, fmt) != CLI_OK)
        return CLI_USAGE;

    build_ctx b;
    b.graph = NULL;
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
    if (erg_graph_new(&b.graph, evidence, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    rc = cli_build_graph(reader, &ro, &b.pipe, b.graph, jobs, &rs);
    erg_reader_free(reader);
    reader = NULL;
    if (rc != CLI_OK)
        goto cleanup;
    cli_corpus_summary sum = {partial ? "built partial graph" : "built", rs.articles, 0,
                              rs.boiler_lines, rs.boiler_articles};
    /* A partial graph records --types and --window: erg merge applies the types at the end. */
    if (partial)
        rc = cli_corpus_write_partial(b.graph, ro.type_mask, ro.window, output, &sum);
    else
        rc = cli_corpus_stage(&b.graph, &co, ro.data_dir, ro.type_mask, fmt, output, &sum);
cleanup:
    erg_reader_free(reader);
    erg_graph_free(b.graph);
    cli_pipeline_release(&b.pipe);
    return rc;
}
