/*
 * query.h: what the `erg query` subcommands share: the loaded graph, the
 * analysis network, name lookup, and table / TSV / JSON output.
 */
#ifndef ERG_CLI_QUERY_H
#define ERG_CLI_QUERY_H

#include "cli.h"

#include <getopt.h>
#include <jansson.h>

typedef enum query_format { QUERY_TABLE = 0, QUERY_TSV, QUERY_JSON } query_format;

/* The most --source options a query takes. */
#define QUERY_MAX_SOURCES 64

/* One `erg query` run: the graph file and what was built from it, each on first use. */
typedef struct query_ctx {
    const char *path; /* the GRAPH argument */
    const char *cmd;  /* the subcommand name, for messages ("query neighbors") */
    query_format format;
    erg_graph *graph;
    erg_names *names; /* NULL until query_names builds it */
    erg_net net;
    bool have_net;
    /*
     * Set by a command that reads only one name's edges and neighbours
     * (neighbors): from a store, query_load then reads that neighbourhood
     * (erg_store_load_around) instead of the whole graph.
     */
    const char *around;
    /* --since, --until (normalized, "" for none) and --source: the slice of the graph to answer
     * from (erg_graph_slice), applied by query_load. */
    char since[ERG_DATE_TEXT_MAX], until[ERG_DATE_TEXT_MAX];
    const char *sources[QUERY_MAX_SOURCES];
    size_t n_sources;
    uint16_t min_confidence; /* --min-confidence (cli.h), applied by query_load; 0: none */
} query_ctx;

/* Long options every subcommand takes; their getopt values. */
enum { QUERY_OPT_JSON = 2000, QUERY_OPT_TSV, QUERY_OPT_SINCE, QUERY_OPT_UNTIL, QUERY_OPT_SOURCE };
#define QUERY_COMMON_LONG_OPTIONS                                                                  \
    {"json", no_argument, NULL, QUERY_OPT_JSON}, {"tsv", no_argument, NULL, QUERY_OPT_TSV},        \
        {"since", required_argument, NULL, QUERY_OPT_SINCE},                                       \
        {"until", required_argument, NULL, QUERY_OPT_UNTIL},                                       \
        {"source", required_argument, NULL, QUERY_OPT_SOURCE}, CLI_MIN_CONFIDENCE_OPTION,          \
    {                                                                                              \
        "help", no_argument, NULL, 'h'                                                             \
    }
#define QUERY_COMMON_HELP                                                                          \
    "      --since DATE      answer from the articles dated DATE or later only\n"                  \
    "      --until DATE      ... dated DATE or earlier (a month or year: to its end)\n"            \
    "      --source NAME     ... from this outlet (repeatable; case "                              \
    "ignored)\n" CLI_MIN_CONFIDENCE_HELP(                                                          \
        "ignore") "      --json            print JSON (for scripts)\n"                             \
                  "      --tsv             print tab-separated values with a header line\n"        \
                  "  -h, --help            show this help\n"

/* What query_option returns for an option it took: the loop goes on. */
#define QUERY_NEXT (-1)

/*
 * What a subcommand's option loop does with an option it does not take
 * itself (getopt_long with an option string starting with ':', opterr 0):
 * --json and --tsv set the format and give QUERY_NEXT; -h prints usage and
 * gives CLI_OK, which the subcommand returns (the help was all it had to
 * do); anything else is printed as a usage error and gives CLI_USAGE.
 */
int query_option(query_ctx *q, int opt, char **argv, const char *usage);

/* The whole option loop of a subcommand that takes only the common options. */
int query_common_options(query_ctx *q, int argc, char **argv, const char *usage);

/*
 * Writes the kind of edge e as seen from entity `from`: "co_mention" for the
 * undirected kind, "leads>" when from is the subject, "<leads" when it is the
 * object.
 */
void query_kind_label(const erg_edge *e, size_t from, char *buf, size_t cap);

/* Loads the graph (once). Prints the failure and returns CLI_FAIL when it cannot. */
int query_load(query_ctx *q);
/* Builds the analysis network (once; loads the graph first). CLI_FAIL after printing. */
int query_net(query_ctx *q);

/*
 * Builds the name index (once; loads the graph first) with the titles of
 * the data folder's titles.tsv when there is one. CLI_FAIL after printing.
 */
int query_names(query_ctx *q);

/*
 * Finds the entity NAME denotes (erg_names_lookup) (query_load first). Prints
 * "erg: no entity named 'X'; did you mean 'Y'?" or the ambiguity with its
 * candidates and returns CLI_FAIL when there is no single answer.
 */
int query_lookup(query_ctx *q, const char *name, size_t *entity);

/* Parsers for option values; print a usage error and return CLI_USAGE when bad. */
int query_parse_count(query_ctx *q, const char *opt, const char *arg, long min, long *out);
int query_parse_real(query_ctx *q, const char *opt, const char *arg, double *out);
int query_parse_types(query_ctx *q, const char *arg, unsigned *mask);

/* "erg query CMD" usage error; returns CLI_USAGE. */
int query_usage(query_ctx *q, const char *fmt, ...) ERG_PRINTF(2, 3);

/* json_string of s, or json null for NULL. */
json_t *query_str(const char *s);
/* The entity as a JSON object {"name", "key", "type"} plus extra members added by the caller. */
json_t *query_entity_json(const query_ctx *q, size_t entity);

/* A column of a printed table: the member of each row object and its heading. */
typedef struct query_col {
    const char *key;
    const char *title;
    unsigned max_width; /* table mode cuts longer cells with "..."; 0: no limit */
    unsigned decimals;  /* table mode prints reals with at most this many decimals; 0: 6 digits */
} query_col;

/*
 * Prints rows (a JSON array of objects, consumed) in the run's format: JSON
 * as is (one array), TSV with a header line, or an aligned table (numbers to
 * the right). Cells: strings as they are, integers, reals with 6 significant
 * digits in tables (or the column's decimals) and 10 in TSV, arrays joined
 * with ", ", null as "-".
 * Returns CLI_OK, or CLI_FAIL when stdout fails.
 */
int query_print_rows(const query_ctx *q, json_t *rows, const query_col *cols, size_t ncols);

/*
 * v with at most decimals digits after the point, trailing zeros dropped
 * ("0.333", "2.5", "3"), in buf (cap bytes, 32 is enough below 10^20);
 * 6 significant digits instead when that would show a non-zero v as 0.
 * Returns buf.
 */
const char *query_decimals(double v, unsigned decimals, char *buf, size_t cap);

/* Prints a JSON document (consumed) on stdout, indented. CLI_FAIL when stdout fails. */
int query_print_json(json_t *doc);

/* Like query_print_rows in table or TSV mode, but never JSON (for parts of a bigger answer). */
int query_print_table(const query_ctx *q, json_t *rows, const query_col *cols, size_t ncols);

/* CLI_FAIL with "out of memory". */
int query_oom(void);

/* Subcommands: argv[0] is the subcommand name. */
int query_neighbors(query_ctx *q, int argc, char **argv);
int query_path(query_ctx *q, int argc, char **argv);
int query_top(query_ctx *q, int argc, char **argv);
int query_communities(query_ctx *q, int argc, char **argv);
int query_ego(query_ctx *q, int argc, char **argv);
int query_dump(query_ctx *q, int argc, char **argv);
int query_subgraph(query_ctx *q, int argc, char **argv);
int query_evidence(query_ctx *q, int argc, char **argv);
int query_find(query_ctx *q, int argc, char **argv);
int query_stats(query_ctx *q, int argc, char **argv);
int query_outlets(query_ctx *q, int argc, char **argv);
int query_timeline(query_ctx *q, int argc, char **argv);

#endif
