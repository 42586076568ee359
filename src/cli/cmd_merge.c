/*
 * erg merge: partial graphs (erg build --partial) in, one graph out, as one
 * erg build over all their articles would have written it.
 */
#include "corpus_stage.h"

#include <getopt.h>
#include <string.h>
#include <strings.h>

static const char merge_usage[] =
    "usage: erg merge [OPTIONS] PART... [-o FILE]\n"
    "\n"
    "Joins partial graphs that erg build --partial wrote (from shards of a\n"
    "corpus, on as many cores or machines as you like) and then runs, once, what\n"
    "erg build runs on the whole corpus: corpus-level name resolution, --types,\n"
    "the filters, scores and communities, and the export. The result is the\n"
    "graph one erg build over all the articles gives, byte for byte, whatever\n"
    "the order or grouping of the parts. The parts must hold distinct articles\n"
    "and be built with the same --types, --window, --evidence, model and data.\n"
    "A PART may also be an SQLite store (erg build -o graph.db): its partial graph.\n"
    "\n"
    "  -o, --output FILE     where to write the graph (default: - for stdout)\n"
    "  -f, --format FMT      json (the native graph file), graphml, dot, gexf,\n"
    "                        html (a page for any browser, offline), svg, png\n"
    "                        (pictures), csv (to a directory: -o DIR/) or sqlite\n"
    "                        (default: from FILE's extension, .db for sqlite; json\n"
    "                        for stdout); a store can take --update later\n"
    "  -t, --types LIST      the types to keep; must be those the parts were built\n"
    "                        with (the default), which is all they can give\n"
    "      --data DIR        folder of data/legal_suffixes.txt for corpus\n"
    "                        resolution (default: the shipped data/)\n" CLI_CORPUS_HELP
    "      --partial         write a partial graph again, to be merged later (merge\n"
    "                        in groups, then merge the groups); native JSON only\n"
    "  -h, --help            show this help\n"
    "\n";

static const char merge_examples[] =
    "\n"
    "Examples:\n"
    "  erg build --partial shard1.jsonl -o part1.json   (one per shard, anywhere)\n"
    "  erg merge part*.json -o graph.graphml\n"
    "  erg merge part*.json -o graph.db   (then erg build new.jsonl --update graph.db)\n"
    "  erg merge part*.json --rank pagerank --communities -o graph.json\n"
    "  erg merge --partial part1.json part2.json -o part12.json\n";

/*
 * Loads the part at path and checks it against the first (first NULL: it is
 * the first). *out gets it; CLI_FAIL after printing.
 */
static int load_part(const char *path, const erg_graph *first, erg_graph **out)
{
    erg_error err;
    erg_error_clear(&err);
    unsigned types, types0;
    erg_window window, window0;
    char a[64], b[64];
    *out = NULL;
    if (erg_store_path(path)) {
        /* A store holds the partial graph of its articles. */
        erg_store *s = NULL;
        erg_status st = erg_store_open(&s, path, &err);
        if (st == ERG_OK)
            st = erg_store_load_partial(s, out, &err);
        erg_store_close(s);
        if (st != ERG_OK)
            return cli_fail(&err);
    } else if (erg_graph_load(out, path, &err) != ERG_OK) {
        return cli_fail(&err);
    }
    if (!erg_graph_partial(*out, &types, &window))
        return cli_failf("'%s': a finished graph (built without --partial) cannot be merged "
                         "exactly: its short forms are folded and its types filtered; build the "
                         "shards with --partial",
                         path);
    if (!first)
        return CLI_OK;
    erg_graph_partial(first, &types0, &window0);
    if (types != types0)
        return cli_failf("'%s': built with --types %s, the first part with --types %s: build "
                         "every shard with the same --types",
                         path, cli_types_text(types, a, sizeof a),
                         cli_types_text(types0, b, sizeof b));
    if (window != window0)
        return cli_failf("'%s': built with another --window than the first part: build every "
                         "shard with the same --window",
                         path);
    if (erg_graph_max_evidence(*out) != erg_graph_max_evidence(first))
        return cli_failf("'%s': built with --evidence %u, the first part with --evidence %u: build "
                         "every shard with the same --evidence",
                         path, erg_graph_max_evidence(*out), erg_graph_max_evidence(first));
    return CLI_OK;
}

int cmd_merge(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"types", required_argument, NULL, 't'},
        {"data", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        CLI_CORPUS_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    cli_corpus_options co;
    cli_corpus_options_init(&co);
    const char *output = "-", *format = NULL, *data_dir = NULL;
    unsigned want_types = 0;
    bool partial = false;
    int opt, r;
    erg_error err;
    erg_error_clear(&err);
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:f:t:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o':
            output = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        case 't':
            if (erg_type_mask_parse(optarg, &want_types, &err) != ERG_OK)
                return cli_usage("merge", "%s", err.text);
            if (!want_types || (want_types & ERG_TYPE_BIT(ERG_TYPE_MISC)))
                return cli_usage("merge",
                                 "'misc' is not a graph type (use person, agency, outlet, place)");
            break;
        case 'd':
            data_dir = optarg;
            break;
        case 'h':
            fputs(merge_usage, stdout);
            fputs(cli_corpus_analysis_help, stdout);
            fputs(merge_examples, stdout);
            return CLI_OK;
        case CLI_OPT_PARTIAL:
            partial = true;
            break;
        default:
            if ((r = cli_corpus_option("merge", opt, optarg, argc, argv, &co)) == 1)
                break;
            if (r == CLI_USAGE)
                return CLI_USAGE;
            return cli_bad_option("merge", opt, argv);
        }
    }
    if (optind >= argc)
        return cli_usage("merge", "no part given (graph files written by erg build --partial)");
    erg_format fmt = ERG_FORMAT_JSON;
    bool store = format ? strcasecmp(format, "sqlite") == 0 : erg_store_path(output);
    if (store && (strcmp(output, "-") == 0 || partial))
        return cli_usage("merge", "an SQLite store is a file that keeps its partial graph itself: "
                                  "give -o graph.db without --partial");
    if ((!store && cli_output_format("merge", format, output, &fmt) != CLI_OK) ||
        cli_corpus_check("merge", &co, partial, fmt) != CLI_OK)
        return CLI_USAGE;
    if (partial && want_types)
        return cli_usage("merge", "--partial keeps the parts' types; give --types at the end");

    erg_graph *g = NULL, *part = NULL;
    size_t n_parts = (size_t)(argc - optind);
    int rc = load_part(argv[optind], NULL, &g);
    /* One part at a time: memory is the merged graph's and one part's. */
    for (size_t i = 1; rc == CLI_OK && i < n_parts; i++) {
        const char *path = argv[optind + (int)i];
        if ((rc = load_part(path, g, &part)) != CLI_OK)
            break;
        if (erg_graph_merge(g, part, &err) != ERG_OK) {
            if (err.status == ERG_EINVAL)
                rc = cli_failf("'%s': %s: the parts must hold distinct articles (a part given "
                               "twice, or shards that overlap?)",
                               path, err.text);
            else
                rc = cli_fail(&err);
        }
        erg_graph_free(part);
        part = NULL;
    }
    if (rc != CLI_OK)
        goto cleanup;
    unsigned types;
    erg_window window;
    erg_graph_partial(g, &types, &window);
    if (want_types && want_types != types) {
        char a[64], b[64];
        rc = cli_failf("--types %s: the parts were built with --types %s, and a co-mention "
                       "window counts only the entities of those types; build the shards with "
                       "--types %s",
                       cli_types_text(want_types, a, sizeof a), cli_types_text(types, b, sizeof b),
                       cli_types_text(want_types, a, sizeof a));
        goto cleanup;
    }
    cli_corpus_summary sum = {partial ? "merged partial graph" : "merged",
                              erg_graph_article_total(g), n_parts, 0, 0};
    if (partial)
        rc = cli_corpus_write_partial(g, types, window, output, &sum);
    else if (store)
        rc = cli_corpus_write_store(g, &co, data_dir, types, window, output, false, 0, &sum);
    else
        rc = cli_corpus_stage(&g, &co, data_dir, types, fmt, output, &sum);
cleanup:
    erg_graph_free(part);
    erg_graph_free(g);
    return rc;
}
