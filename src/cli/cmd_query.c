/*
 * erg query: questions about a graph file, answered with igraph.
 * This file holds the dispatch and what the subcommands share; the
 * subcommands are in query_*.c.
 */
#include "query.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static const char query_usage_text[] =
    "usage: erg query GRAPH COMMAND [ARGS...] [--json | --tsv]\n"
    "       erg query COMMAND --help\n"
    "\n"
    "Answers questions about a graph that `erg build` wrote. GRAPH is the native\n"
    "graph file (.json), an SQLite store (.db, .sqlite, .sqlite3: its tables), or\n"
    "GraphML that erg wrote (.graphml or .xml). GraphML\n"
    "holds no articles and no evidence sentences: `evidence` then shows the\n"
    "counts of each edge without its sentences, and `path` hops have no\n"
    "evidence line. DOT files cannot be read.\n"
    "\n"
    "Commands:\n"
    "  neighbors NAME     who is linked to NAME, strongest ties first, with the kinds\n"
    "  path A B           the shortest chains from A to B (strong ties are short)\n"
    "  top                the most central entities (--by pagerank, betweenness, ...)\n"
    "  communities        groups of closely linked entities, and the modularity\n"
    "  ego NAME           the graph around NAME, written as `erg build` writes graphs\n"
    "  subgraph NAME...   the graph among the entities named, written likewise\n"
    "  evidence A B       the sentences behind the edges between A and B\n"
    "  find TEXT          entities whose name or an alias matches TEXT (fuzzy)\n"
    "  stats              counts by type and kind, components, density, degrees\n"
    "  outlets NAME       the outlets that report on NAME, how often, first/last date\n"
    "  timeline NAME      NAME's mentions and articles per month (day, year), per outlet\n"
    "  dump               the whole graph, as a native .json file (from a store)\n"
    "\n"
    "Names are matched regardless of case, diacritics, hyphens and dots, against\n"
    "every way an entity was written; a name goes to the entity written so most\n"
    "often when that is at least twice the next (\"Blair\" is Tony Blair), and\n"
    "leading titles (Mr, Lord, Sen.) are dropped when the whole name fits nothing.\n"
    "An unknown name gets a suggestion, an ambiguous one the list of candidates\n"
    "with their counts (exit status 1 for both); `find` shows the surface forms.\n"
    "\n"
    "Analysis (top, path, communities, ego) runs on the co-mention graph: one\n"
    "undirected edge per pair of entities, weighted by the sentences that\n"
    "mention both, a sentence of k entities adding 1/(k-1) to each of its pairs\n"
    "(Newman's collaboration weight). Typed relations are shown, not counted. Path lengths,\n"
    "betweenness and closeness use 1/weight as the length of an edge.\n"
    "\n"
    "--since DATE, --until DATE and --source NAME (every command) answer from the\n"
    "articles of that period and outlet only: counts, weights and evidence are\n"
    "those of the articles kept (DATE as in articles: 1987-03-15, 1987-03, 1987).\n"
    "--min-confidence X (every command) ignores the typed edges whose confidence\n"
    "(the measured precision of the patterns that found them) is below X.\n"
    "\n"
    "Output is an aligned table; --json prints JSON for scripts and --tsv\n"
    "tab-separated values for spreadsheets.\n"
    "\n"
    "Examples:\n"
    "  erg query graph.json top --by betweenness -n 10\n"
    "  erg query graph.json path \"Kim Jong-un\" Reuters -k 3\n"
    "  erg query graph.json neighbors \"kim jong un\" --json\n"
    "  erg query graph.json ego Reuters --depth 2 -o reuters.graphml\n"
    "  erg query graph.graphml top --by pagerank\n"
    "  erg query graph.db dump -o graph.json\n";

typedef struct query_command {
    const char *name;
    int (*fn)(query_ctx *q, int argc, char **argv);
} query_command;

static const query_command query_commands[] = {
    {"neighbors", query_neighbors},
    {"path", query_path},
    {"top", query_top},
    {"communities", query_communities},
    {"ego", query_ego},
    {"subgraph", query_subgraph},
    {"evidence", query_evidence},
    {"find", query_find},
    {"stats", query_stats},
    {"outlets", query_outlets},
    {"dump", query_dump},
    {"timeline", query_timeline},
    {NULL, NULL},
};

static const query_command *find_command(const char *name)
{
    for (const query_command *c = query_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

/*
 * The command nearest to a misspelt one ("neighbours" -> "neighbors"): the
 * fewest edits, at most a third of the word and at least 2 (ties: the
 * first in the table); NULL when none is that near.
 */
static const char *nearest_command(const char *name)
{
    size_t len = strlen(name), limit = len / 3 > 2 ? len / 3 : 2, best_d = limit + 1;
    const char *best = NULL;
    for (const query_command *c = query_commands; c->name; c++) {
        size_t d = erg_analyze_edit_distance(name, c->name);
        if (d < best_d && d < strlen(c->name)) {
            best_d = d;
            best = c->name;
        }
    }
    return best;
}

/* "query" or "query COMMAND", for the Try line of usage errors. */
static const char *query_path_name(const query_ctx *q, char *buf, size_t cap)
{
    snprintf(buf, cap, "query%s%s", q && q->cmd ? " " : "", q && q->cmd ? q->cmd : "");
    return buf;
}

int query_usage(query_ctx *q, const char *fmt, ...)
{
    char name[64];
    va_list ap;
    va_start(ap, fmt);
    int rc = cli_vusage(query_path_name(q, name, sizeof name), fmt, ap);
    va_end(ap);
    return rc;
}

/* A --since or --until value, normalized into buf; CLI_USAGE (printed) when it is no date. */
static int date_option(query_ctx *q, const char *opt, const char *arg, char *buf)
{
    erg_date d;
    if (erg_date_parse(arg, strlen(arg), &d) != ERG_OK) {
        query_usage(q, "%s '%s': not a date (1987-03-15, 1987-03, 1987, 15 Mar 1987, 3/15/87)", opt,
                    arg);
        return -1;
    }
    erg_date_format(&d, buf);
    return 1;
}

/* 1: taken; 0: not a common option; -1: taken but bad (a usage error was printed). */
static int common_option(query_ctx *q, int opt)
{
    switch (opt) {
    case QUERY_OPT_SINCE:
        return date_option(q, "--since", optarg, q->since);
    case QUERY_OPT_UNTIL:
        return date_option(q, "--until", optarg, q->until);
    case QUERY_OPT_SOURCE:
        if (q->n_sources == QUERY_MAX_SOURCES) {
            query_usage(q, "at most %d --source options", QUERY_MAX_SOURCES);
            return -1;
        }
        q->sources[q->n_sources++] = optarg;
        return 1;
    case CLI_OPT_MIN_CONFIDENCE: {
        char name[64];
        snprintf(name, sizeof name, "query%s%s", q->cmd ? " " : "", q->cmd ? q->cmd : "");
        return cli_parse_min_confidence(name, optarg, &q->min_confidence) == CLI_OK ? 1 : -1;
    }
    case QUERY_OPT_JSON:
        q->format = QUERY_JSON;
        return 1;
    case QUERY_OPT_TSV:
        q->format = QUERY_TSV;
        return 1;
    default:
        return 0;
    }
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

int query_load(query_ctx *q)
{
    if (q->graph)
        return CLI_OK;
    if (!q->path)
        return query_usage(q, "no graph file given (erg query GRAPH %s ...)", q->cmd);
    if (has_suffix(q->path, ".dot") || has_suffix(q->path, ".gv"))
        return cli_failf("'%s': erg query cannot read DOT files; give it the native .json graph "
                         "file or GraphML that erg wrote (erg build -o graph.json)",
                         q->path);
    erg_error err;
    erg_error_clear(&err);
    bool graphml = has_suffix(q->path, ".graphml") || has_suffix(q->path, ".xml");
    erg_status st;
    if (erg_store_path(q->path)) {
        erg_store *s = NULL;
        st = erg_store_open(&s, q->path, &err);
        /* A name no key names may still be found by dropping a title or by a close name. */
        if (st == ERG_OK && q->around &&
            (st = erg_store_load_around(s, q->around, &q->graph, &err)) == ERG_ENOTFOUND) {
            erg_error_clear(&err);
            st = ERG_OK;
        }
        if (st == ERG_OK && !q->graph)
            st = erg_store_load(s, &q->graph, &err);
        erg_store_close(s);
    } else {
        st = graphml ? erg_export_load_graphml(&q->graph, q->path, &err)
                     : erg_graph_load(&q->graph, q->path, &err);
    }
    if (st != ERG_OK)
        return cli_fail(&err);
    if (q->since[0] || q->until[0] || q->n_sources) {
        erg_graph_slice_spec spec = {q->since[0] ? q->since : NULL, q->until[0] ? q->until : NULL,
                                     q->sources, q->n_sources};
        erg_graph *sliced = NULL;
        st = erg_graph_slice(q->graph, &spec, &sliced, &err);
        erg_graph_free(q->graph);
        q->graph = sliced;
        if (st != ERG_OK) {
            snprintf(err.source, sizeof err.source, "%s", q->path);
            return cli_fail(&err);
        }
    }
    if (q->min_confidence > 0 &&
        cli_confidence_filter(&q->graph, q->min_confidence, &err) != ERG_OK)
        return cli_fail(&err);
    return CLI_OK;
}

int query_net(query_ctx *q)
{
    int rc = query_load(q);
    if (rc != CLI_OK || q->have_net)
        return rc;
    erg_error err;
    erg_error_clear(&err);
    if (erg_net_init(&q->net, q->graph, &err) != ERG_OK)
        return cli_fail(&err);
    q->have_net = true;
    return CLI_OK;
}

int query_names(query_ctx *q)
{
    int rc = query_load(q);
    if (rc != CLI_OK || q->names)
        return rc;
    erg_error err;
    erg_error_clear(&err);
    if (erg_names_new(&q->names, q->graph, &err) != ERG_OK)
        return cli_fail(&err);
    /* Without the shipped titles, names still resolve; only "Mr Blair" does not. */
    char path[4096];
    if (erg_data_path("titles.tsv", path, sizeof path, &err) == ERG_OK &&
        erg_names_add_titles(q->names, path, &err) != ERG_OK)
        return cli_fail(&err);
    return CLI_OK;
}

int query_lookup(query_ctx *q, const char *name, size_t *entity)
{
    int rc = query_names(q);
    if (rc != CLI_OK)
        return rc;
    erg_error err;
    erg_error_clear(&err);
    erg_name_match m;
    erg_name_match_init(&m);
    erg_status st = erg_names_lookup(q->names, name, &m, &err);
    if (st == ERG_OK)
        *entity = (size_t)m.entity;
    erg_name_match_release(&m);
    return st == ERG_OK ? CLI_OK : cli_fail(&err);
}

int query_parse_count(query_ctx *q, const char *opt, const char *arg, long min, long *out)
{
    if (!cli_parse_long(arg, min, 100000000, out))
        return query_usage(q, "%s takes a whole number >= %ld, not '%s'", opt, min, arg);
    return CLI_OK;
}

int query_parse_real(query_ctx *q, const char *opt, const char *arg, double *out)
{
    if (!cli_parse_real(arg, out))
        return query_usage(q, "%s takes a number, not '%s'", opt, arg);
    return CLI_OK;
}

int query_parse_types(query_ctx *q, const char *arg, unsigned *mask)
{
    erg_error err;
    erg_error_clear(&err);
    if (erg_type_mask_parse(arg, mask, &err) != ERG_OK)
        return query_usage(q, "--type: %s", err.text);
    return CLI_OK;
}

static void query_release(query_ctx *q)
{
    erg_names_free(q->names);
    if (q->have_net)
        erg_net_release(&q->net);
    erg_graph_free(q->graph);
}

int cmd_query(int argc, char **argv)
{
    query_ctx q;
    memset(&q, 0, sizeof q);
    int i = 1;
    /* Options before GRAPH: the output format, or help. */
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(query_usage_text, stdout);
            return CLI_OK;
        } else if (strcmp(argv[i], "--json") == 0) {
            q.format = QUERY_JSON;
        } else if (strcmp(argv[i], "--tsv") == 0) {
            q.format = QUERY_TSV;
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            return query_usage(NULL, "unknown option '%s'", argv[i]);
        }
    }
    if (i >= argc)
        return query_usage(NULL, "no graph file and command given");
    const query_command *c = find_command(argv[i]);
    if (c && access(argv[i], F_OK) != 0) {
        /* `erg query COMMAND --help`: no graph needed (and none given). */
        q.cmd = c->name;
    } else {
        q.path = argv[i++];
        if (i >= argc)
            return query_usage(NULL, "no command given after '%s'", q.path);
        c = find_command(argv[i]);
        if (!c) {
            const char *near = nearest_command(argv[i]);
            if (near)
                return query_usage(NULL, "unknown query command '%s'; did you mean '%s'?", argv[i],
                                   near);
            return query_usage(NULL, "unknown query command '%s'", argv[i]);
        }
        q.cmd = c->name;
    }
    int rc = c->fn(&q, argc - i, argv + i);
    query_release(&q);
    return rc;
}

int query_option(query_ctx *q, int opt, char **argv, const char *usage)
{
    if (opt == 'h') {
        fputs(usage, stdout);
        return CLI_OK;
    }
    int taken = common_option(q, opt);
    if (taken)
        return taken > 0 ? QUERY_NEXT : CLI_USAGE;
    char name[64];
    return cli_bad_option(query_path_name(q, name, sizeof name), opt, argv);
}

int query_common_options(query_ctx *q, int argc, char **argv, const char *usage)
{
    static const struct option longopts[] = {
        QUERY_COMMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    int opt, rc;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1)
        if ((rc = query_option(q, opt, argv, usage)) != QUERY_NEXT)
            return rc;
    return QUERY_NEXT;
}
