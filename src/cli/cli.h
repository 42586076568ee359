/*
 * cli.h: what the erg subcommands share. Only src/cli prints.
 */
#ifndef ERG_CLI_H
#define ERG_CLI_H

#include "erg/erg.h"

#include <stdarg.h>

/* Exit codes of the DESIGN contract. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* One subcommand: `erg NAME ...` runs fn(argc, argv) with argv[0] = NAME. */
typedef struct cli_command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} cli_command;

/*
 * Prints `erg: 'source[:line]': text` (or `erg: text` when there is no
 * source; the status's phrase when there is no text either) to stderr and
 * returns CLI_FAIL.
 */
int cli_fail(const erg_error *err);

/* Prints `erg: <formatted>` to stderr; returns CLI_FAIL. */
int cli_failf(const char *fmt, ...) ERG_PRINTF(1, 2);

/*
 * Prints `erg: <formatted>` and "Try 'erg CMD --help'." to stderr; returns
 * CLI_USAGE.
 */
int cli_usage(const char *cmd, const char *fmt, ...) ERG_PRINTF(2, 3);
/* cli_usage with a va_list. */
int cli_vusage(const char *cmd, const char *fmt, va_list ap);

/*
 * For getopt_long's '?' and ':' results (the option string must start with
 * ':' and opterr be 0): prints "unknown option 'X'" or "option 'X' needs a
 * value" as a usage error and returns CLI_USAGE.
 */
int cli_bad_option(const char *cmd, int opt, char **argv);

/*
 * The graph format of an output: the --format value when given (NULL when
 * not), else the extension of output, else json for stdout ("-"). Prints a
 * usage error for `erg CMD` and returns CLI_USAGE when the value is unknown
 * or the extension says nothing; CLI_OK otherwise.
 */
int cli_output_format(const char *cmd, const char *format, const char *output, erg_format *fmt);

/* Parses a whole decimal number from min to max into *out; false (and *out unchanged) otherwise. */
bool cli_parse_long(const char *s, long min, long max, long *out);

/* Parses a whole finite decimal number into *out; false (and *out unchanged) otherwise. */
bool cli_parse_real(const char *s, double *out);

/*
 * --iterations N|stable, Leiden's iterations: declared here once for every
 * command that finds communities (erg build, erg merge, erg query communities).
 */
#define CLI_ITERATIONS_OPTION(val)                                                                 \
    {                                                                                              \
        "iterations", required_argument, NULL, (val)                                               \
    }
#define CLI_ITERATIONS_HELP                                                                        \
    "      --iterations N    Leiden's iterations, 1 or more (default 2, as in igraph\n"            \
    "                        and python-igraph), or 'stable': until one gains less\n"              \
    "                        than 0.0001 modularity (at most 50)\n"
/* Parses an --iterations value: N >= 1, or "stable" (0). false when it is neither. */
bool cli_parse_iterations(const char *s, int *out);

/*
 * --min-confidence X, the least score a typed edge needs (erg_edge's score),
 * declared here once for erg build, erg merge and erg query: its getopt_long
 * entry, help lines and parser. Default 0: every edge.
 */
enum { CLI_OPT_MIN_CONFIDENCE = 1950 };
#define CLI_MIN_CONFIDENCE_OPTION                                                                  \
    {                                                                                              \
        "min-confidence", required_argument, NULL, CLI_OPT_MIN_CONFIDENCE                          \
    }
#define CLI_MIN_CONFIDENCE_HELP(what)                                                              \
    "      --min-confidence X\n"                                                                   \
    "                        " what " the typed edges (member_of, leads, reports,\n"               \
    "                        ...) whose confidence, the measured precision of the\n"               \
    "                        patterns that found them, is below X (0 to 1, default\n"              \
    "                        0: all); co_mention edges are untouched. Typed edges\n"               \
    "                        of files written before confidences count as 0\n"
/*
 * Parses a --min-confidence value for `erg CMD` into *out (units of
 * 1/ERG_SCORE_UNIT); on a bad value prints a usage error and returns
 * CLI_USAGE, else CLI_OK.
 */
int cli_parse_min_confidence(const char *cmd, const char *s, uint16_t *out);
/*
 * Replaces the finished graph *g with erg_graph_min_confidence's copy (the
 * typed edges scored below min left out). ERG_ENOMEM, *g then unchanged.
 */
erg_status cli_confidence_filter(erg_graph **g, uint16_t min, erg_error *err);

/*
 * s (NULL: "") as text that is safe on a terminal, in b (cleared first,
 * caller-owned): control and bidirectional characters escaped
 * (erg_buf_put_escaped), tabs and line breaks as spaces. Returns b's text,
 * "" when out of memory. Every name, sentence, title or outlet that erg
 * prints outside a query table goes through it; cli_fail, cli_failf,
 * cli_usage and cli_warn escape their whole message.
 */
const char *cli_show(erg_buf *b, const char *s);

/* Prints `erg: warning: <formatted>` to stderr. */
void cli_warn(const char *fmt, ...) ERG_PRINTF(1, 2);

/*
 * --knowledge DIR, the knowledge lists (data/knowledge/), declared once for
 * every command that trains or tags: its getopt_long entry and help line.
 */
enum { CLI_OPT_KNOWLEDGE = 1900 };
#define CLI_KNOWLEDGE_OPTION                                                                       \
    {                                                                                              \
        "knowledge", required_argument, NULL, CLI_OPT_KNOWLEDGE                                    \
    }
#define CLI_KNOWLEDGE_HELP                                                                         \
    "      --knowledge DIR   the knowledge lists (default: the data folder's knowledge/):\n"       \
    "                        typing evidence for extract and build, and features of a\n"           \
    "                        model trained with them\n"

/*
 * Resolves the model path: the --model value if given, else the default
 * (erg_model_default_path), and loads it; when the model was trained with
 * the knowledge lists, gives it have (borrowed: it must outlive the model)
 * or, when have is NULL, loads them from knowledge_dir (NULL: the data
 * folder's knowledge/). Prints the failure and returns NULL when it cannot.
 */
erg_model *cli_load_model(const char *path, const char *knowledge_dir, const erg_knowledge *have);

/* Progress on stderr while a long run goes on, when stderr is a terminal and not quiet. */
typedef struct cli_progress {
    bool enabled;
    double start; /* seconds, monotonic */
    double last;  /* last time a line was drawn */
    bool drawn;
} cli_progress;

void cli_progress_init(cli_progress *p, bool quiet);
/* Redraws at most a few times a second: "N articles, X MB, Y MB/s". */
void cli_progress_update(cli_progress *p, size_t articles, uint64_t bytes);
/* Clears the progress line. */
void cli_progress_done(cli_progress *p);

/* Monotonic time in seconds. */
double cli_now(void);

/* The commands, one file each (cmd_<name>.c). */
int cmd_build(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_boilerplate(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_tag(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_clusters(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_eval_relations(int argc, char **argv);
int cmd_query(int argc, char **argv);

/* The comma list of the types of mask ("person,agency") in buf, which it returns. */
const char *cli_types_text(unsigned mask, char *buf, size_t cap);

#endif
