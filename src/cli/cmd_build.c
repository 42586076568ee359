/*
 * erg build: articles in, graph file out; optionally cut down by filters and
 * with scores and communities written as node attributes.
 */
#include "corpus_stage.h"
#include "pipeline.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static const char build_usage[] =
    "usage: erg build [OPTIONS] INPUT... [-o FILE]\n"
    "\n"
    "Reads articles, recognizes the people, agencies and news outlets they\n"
    "mention, and writes the graph that links them.\n"
    "\n"
    "INPUT is a file, a folder (read recursively: .txt .text .md files are one\n"
    "article each, .jsonl/.ndjson files one article a line) or - for stdin.\n"
    "\n"
    "  -o, --output FILE     where to write the graph (default: - for stdout; when\n"
    "                        stdout is a terminal, only the summary is printed)\n"
    "  -f, --format FMT      json (the native graph file), graphml, dot, gexf,\n"
    "                        html (a page for any browser, offline), svg, png\n"
    "                        (pictures), csv (to a directory: -o DIR/) or sqlite\n"
    "                        (default: from FILE's extension, .db, .sqlite and\n"
    "                        .sqlite3 for sqlite; json for stdout)\n";

/* The rest of the options (one literal would pass C's 4095 characters). */
static const char build_usage_more[] =
    "      --update GRAPH    add the INPUT articles to GRAPH, an SQLite store (.db)\n"
    "                        or a partial native graph (--partial): articles whose\n"
    "                        id it holds are skipped and counted; the result is\n"
    "                        the graph one build over all the articles gives.\n"
    "                        --types, --window, --evidence and --no-corpus-resolve\n"
    "                        come from GRAPH (given, they must agree); analysis\n"
    "                        options given replace the store's, else its own run\n"
    "                        again. A store is rewritten in one transaction, a\n"
    "                        JSON file by rename: a killed update leaves it whole\n"
    "  -j, --jobs N          read articles with N threads (default: the number of\n"
    "                        processors); the graph is the same for every N\n"
    "      --evidence N      evidence sentences kept per edge (default 3)\n" CLI_CORPUS_HELP
    "      --partial         write a partial graph for erg merge: nothing folded,\n"
    "                        filtered or scored, every type kept (--types is\n"
    "                        recorded and applied by erg merge); native JSON only\n";

/* The reading options, apart for the same reason. */
static const char build_read_usage[] = CLI_READ_HELP "  -h, --help            show this help\n"
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
    "  erg build --partial shard1.jsonl -o part1.json   (then erg merge part*.json)\n"
    "  erg build news.jsonl --rank pagerank -o graph.db  (then erg query graph.db top)\n"
    "  erg build news.jsonl --rank pagerank -o graph.html  (open it in a browser)\n"
    "  erg build news.jsonl --rank pagerank -o graph.svg  (or .png; --draw-top 300)\n"
    "  erg build today.jsonl --update graph.db\n";

/* What cmd_build parsed, for build_new and build_update. */
typedef struct build_args {
    char **inputs;
    size_t n_inputs;
    cli_read_options *ro;
    cli_corpus_options *co;
    unsigned jobs;
    unsigned evidence;
    bool partial;
    const char *output;
    const char *format;
    struct {
        bool types, window, evidence;
    } given;
} build_args;

/*
 * Reads the inputs into g (articles that skip holds are passed over when
 * skip is not NULL) and fills rs. CLI_OK or CLI_FAIL after printing.
 */
static int read_into(const build_args *a, erg_graph *g, const erg_graph *skip, cli_read_stats *rs)
{
    cli_pipeline pipe;
    erg_reader *reader = NULL;
    memset(&pipe, 0, sizeof pipe);
    memset(rs, 0, sizeof *rs);
    /* The reader first: its first pass (boilerplate) runs while the model loads. */
    int rc = cli_open_reader(a->inputs, a->n_inputs, a->ro, NULL, &reader);
    if (rc != CLI_OK)
        return rc;
    erg_reader_skip_in(reader, skip);
    if ((rc = cli_pipeline_init(&pipe, a->ro)) == CLI_OK)
        rc = cli_build_graph(reader, a->ro, &pipe, g, a->jobs, rs);
    erg_reader_free(reader);
    cli_pipeline_release(&pipe);
    return rc;
}

static int build_new(const build_args *a)
{
    erg_error err;
    erg_error_clear(&err);
    erg_format fmt = ERG_FORMAT_JSON;
    /* output NULL: standard output is a terminal and nothing is written. */
    const char *out = a->output ? a->output : "-";
    bool store = a->format ? strcasecmp(a->format, "sqlite") == 0 : erg_store_path(out);
    if (store) {
        if (strcmp(out, "-") == 0)
            return cli_usage("build", "an SQLite store is a file: give -o graph.db");
        if (a->partial)
            return cli_usage("build", "a store keeps a partial graph itself (for --update and erg "
                                      "merge): give --partial a .json output");
        if (cli_corpus_check("build", a->co, false, fmt) != CLI_OK)
            return CLI_USAGE;
    } else if (cli_output_format("build", a->format, out, &fmt) != CLI_OK ||
               cli_corpus_check("build", a->co, a->partial, fmt) != CLI_OK) {
        return CLI_USAGE;
    }
    erg_graph *g = NULL;
    cli_read_stats rs;
    int rc;
    if (erg_graph_new(&g, a->evidence, &err) != ERG_OK)
        return cli_fail(&err);
    if ((rc = read_into(a, g, NULL, &rs)) != CLI_OK)
        goto cleanup;
    cli_corpus_summary sum = {a->partial ? "built partial graph" : "built", rs.articles, 0,
                              rs.boiler_lines, rs.boiler_articles};
    /* A partial graph records --types and --window: erg merge applies the types at the end. */
    if (a->partial)
        rc = cli_corpus_write_partial(g, a->ro->type_mask, a->ro->window, a->output, &sum);
    else if (store)
        rc = cli_corpus_write_store(g, a->co, a->ro->data_dir, a->ro->type_mask, a->ro->window,
                                    a->output, false, 0, &sum);
    else
        rc = cli_corpus_stage(&g, a->co, a->ro->data_dir, a->ro->type_mask, fmt, a->output, &sum);
    if (rc == CLI_OK && !a->output)
        fprintf(
            stderr,
            "erg: the graph was not written: standard output is a terminal; give "
            "-o graph.json (or .graphml, .gexf, .svg, .db), or pipe it (erg build ... | ...)\n");
cleanup:
    erg_graph_free(g);
    return rc;
}

/* The graph to update and what it was built with (from the store's meta or the partial file). */
static int load_update(const char *path, bool *store, erg_graph **g, erg_store_options *o,
                       char **analysis)
{
    erg_error err;
    erg_error_clear(&err);
    erg_store *s = NULL;
    *g = NULL;
    *analysis = NULL;
    *store = erg_store_path(path);
    if (*store) {
        int rc = CLI_OK;
        if (erg_store_open(&s, path, &err) != ERG_OK ||
            erg_store_options_get(s, o, &err) != ERG_OK ||
            erg_store_load_partial(s, g, &err) != ERG_OK)
            rc = cli_fail(&err);
        else if (o->analysis && !(*analysis = strdup(o->analysis)))
            rc = cli_failf("out of memory");
        o->analysis = NULL;
        erg_store_close(s);
        return rc;
    }
    if (erg_graph_load(g, path, &err) != ERG_OK)
        return cli_fail(&err);
    if (!erg_graph_partial(*g, &o->type_mask, &o->window))
        return cli_failf("'%s': a finished graph cannot take more articles exactly (its short "
                         "forms are folded and its types filtered): build it with --partial, or "
                         "to an SQLite store (-o graph.db), and update that",
                         path);
    o->evidence = erg_graph_max_evidence(*g);
    o->corpus_resolve = true;
    o->analysis = NULL;
    return CLI_OK;
}

static int build_update(build_args *a, const char *path)
{
    bool store;
    erg_graph *g = NULL, *fresh = NULL;
    erg_store_options o;
    char *analysis = NULL;
    char x[64], y[64];
    int rc = load_update(path, &store, &g, &o, &analysis);
    if (rc != CLI_OK)
        goto cleanup;
    /* What the graph was built with; options given must agree. */
    rc = CLI_USAGE;
    if (a->given.types && a->ro->type_mask != o.type_mask) {
        cli_usage("build", "'%s' was built with --types %s, not %s", path,
                  cli_types_text(o.type_mask, x, sizeof x),
                  cli_types_text(a->ro->type_mask, y, sizeof y));
        goto cleanup;
    }
    if (a->given.window && a->ro->window != o.window) {
        cli_usage("build", "'%s' was built with another --window", path);
        goto cleanup;
    }
    if (a->given.evidence && a->evidence != o.evidence) {
        cli_usage("build", "'%s' keeps %u evidence sentences per edge, not %u", path, o.evidence,
                  a->evidence);
        goto cleanup;
    }
    if (store && a->co->given_no_resolve && o.corpus_resolve) {
        cli_usage("build", "'%s' was built with corpus resolution: give no --no-corpus-resolve",
                  path);
        goto cleanup;
    }
    if (!store && a->co->given_analysis) {
        cli_usage("build", "a partial graph is updated as it is: the analysis options apply "
                           "at erg merge");
        goto cleanup;
    }
    a->ro->type_mask = o.type_mask;
    a->ro->window = o.window;
    a->co->corpus_resolve = o.corpus_resolve;
    if (!a->co->given_analysis && analysis &&
        cli_corpus_parse_words("build", analysis, a->co) != CLI_OK)
        goto cleanup;
    /*
     * The new articles go into a graph of their own, skipped against the old one, which does
     * not change while the reader reads (an id twice among the new articles fails as in a
     * fresh build, whatever the threads' timing); then merged into it.
     */
    cli_read_stats rs;
    erg_error err;
    erg_error_clear(&err);
    if (erg_graph_new(&fresh, o.evidence, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    if ((rc = read_into(a, fresh, g, &rs)) != CLI_OK)
        goto cleanup;
    if (erg_graph_article_total(fresh) == 0 && !a->co->given_analysis) {
        /* Nothing new and nothing else asked for: the graph stays as it is, untouched. */
        fprintf(stderr, "skipped %zu article%s already in the graph; '%s' is unchanged\n",
                rs.skipped, rs.skipped == 1 ? "" : "s", path);
        goto cleanup;
    }
    if (erg_graph_merge(g, fresh, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    erg_graph_free(fresh);
    fresh = NULL;
    if (rs.skipped)
        fprintf(stderr, "skipped %zu article%s already in the graph\n", rs.skipped,
                rs.skipped == 1 ? "" : "s");
    cli_corpus_summary sum = {store ? "updated" : "updated partial graph", rs.articles - rs.skipped,
                              0, rs.boiler_lines, rs.boiler_articles};
    if (store)
        rc = cli_corpus_write_store(g, a->co, a->ro->data_dir, o.type_mask, o.window, path, true,
                                    o.generation, &sum);
    else
        rc = cli_corpus_write_partial(g, o.type_mask, o.window, path, &sum);
cleanup:
    erg_graph_free(fresh);
    free(analysis);
    erg_graph_free(g);
    return rc;
}

int cmd_build(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"jobs", required_argument, NULL, 'j'},
        {"evidence", required_argument, NULL, 'e'},
        {"help", no_argument, NULL, 'h'},
        {"update", required_argument, NULL, 'u'},
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
    const char *update = NULL;
    bool types_given = false, window_given = false, evidence_given = false, output_given = false;
    int opt, r;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:f:j:h" CLI_READ_SHORT_OPTIONS, longopts, NULL)) !=
           -1) {
        switch (opt) {
        case 'o':
            output = optarg;
            output_given = true;
            break;
        case 'u':
            update = optarg;
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
            evidence_given = true;
            break;
        }
        case 'h':
            fputs(build_usage, stdout);
            fputs(build_usage_more, stdout);
            fputs(build_read_usage, stdout);
            fputs(cli_corpus_analysis_help, stdout);
            fputs(build_examples, stdout);
            return CLI_OK;
        case CLI_OPT_PARTIAL:
            partial = true;
            break;
        default:
            types_given = types_given || opt == CLI_OPT_TYPES;
            window_given = window_given || opt == CLI_OPT_WINDOW;
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

    build_args a = {argv + optind, (size_t)(argc - optind),
                    &ro,           &co,
                    jobs,          evidence,
                    partial,       output,
                    format,        {types_given, window_given, evidence_given}};
    /*
     * Megabytes of JSON on a terminal help nobody: without -o, and with
     * standard output a terminal, the graph is built and summed up, not
     * printed.
     */
    if (!output_given && !update && !format && isatty(STDOUT_FILENO))
        a.output = NULL;
    if (update) {
        if (output_given || format || co.draw_top)
            return cli_usage("build",
                             "--update writes GRAPH itself: give no -o, --format or --draw-top");
        if (partial)
            return cli_usage("build", "--update keeps GRAPH as it is (a store, or a partial "
                                      "graph): give no --partial");
        return build_update(&a, update);
    }
    return build_new(&a);
}
