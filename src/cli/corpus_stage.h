/*
 * corpus_stage.h: what runs once on a whole corpus's graph, after every
 * article is in: corpus-level name resolution, the type filter, the
 * analysis filters, scores and communities, the export and the summary line.
 * Shared by `erg build` (on the graph of its articles) and `erg merge` (on
 * the graph merged from partial graphs), so that both give the same bytes.
 * Also the writing of a partial graph (`--partial`).
 */
#ifndef ERG_CLI_CORPUS_STAGE_H
#define ERG_CLI_CORPUS_STAGE_H

#include "cli.h"

/* What the corpus-stage options ask for. */
typedef struct cli_corpus_options {
    erg_centrality ranks[ERG_CENTRALITY_COUNT];
    size_t n_ranks;
    bool communities;
    erg_community_method method;
    double resolution;
    bool resolution_given;
    int iterations; /* Leiden's: N >= 1, 0 until stable */
    bool iterations_given;
    uint16_t min_confidence; /* units of 1/ERG_SCORE_UNIT; 0: no filter */
    double min_weight;       /* 0: no filter */
    double backbone;         /* 0: no filter */
    bool largest_component;
    long top;            /* 0: no filter */
    long draw_top;       /* --draw-top: entities a drawing keeps; 0: the format's default */
    bool corpus_resolve; /* --no-corpus-resolve turns it off */
    bool given_analysis; /* any of the analysis options was given */
    bool given_no_resolve;
    bool dynamic; /* GEXF spells (--dynamic) */
} cli_corpus_options;

void cli_corpus_options_init(cli_corpus_options *c);

enum {
    CLI_OPT_RANK = 2000,
    CLI_OPT_COMMUNITIES,
    CLI_OPT_RESOLUTION,
    CLI_OPT_ITERATIONS,
    CLI_OPT_MIN_WEIGHT,
    CLI_OPT_BACKBONE,
    CLI_OPT_LARGEST,
    CLI_OPT_TOP,
    CLI_OPT_NO_CORPUS_RESOLVE,
    CLI_OPT_DYNAMIC,
    CLI_OPT_PARTIAL,
    CLI_OPT_DRAW_TOP
};

/* The getopt_long entries of the corpus-stage options, for a command's table. */
#define CLI_CORPUS_LONG_OPTIONS                                                                    \
    {"rank", required_argument, NULL, CLI_OPT_RANK},                                               \
        {"communities", optional_argument, NULL, CLI_OPT_COMMUNITIES},                             \
        {"resolution", required_argument, NULL, CLI_OPT_RESOLUTION},                               \
        CLI_ITERATIONS_OPTION(CLI_OPT_ITERATIONS),                                                 \
        {"min-weight", required_argument, NULL, CLI_OPT_MIN_WEIGHT}, CLI_MIN_CONFIDENCE_OPTION,    \
        {"backbone", required_argument, NULL, CLI_OPT_BACKBONE},                                   \
        {"largest-component", no_argument, NULL, CLI_OPT_LARGEST},                                 \
        {"top", required_argument, NULL, CLI_OPT_TOP},                                             \
        {"no-corpus-resolve", no_argument, NULL, CLI_OPT_NO_CORPUS_RESOLVE},                       \
        {"dynamic", no_argument, NULL, CLI_OPT_DYNAMIC},                                           \
        {"draw-top", required_argument, NULL, CLI_OPT_DRAW_TOP},                                   \
    {                                                                                              \
        "partial", no_argument, NULL, CLI_OPT_PARTIAL                                              \
    }

/* Help lines of --dynamic, --draw-top and --no-corpus-resolve (each command explains its
 * --partial). */
#define CLI_CORPUS_HELP                                                                            \
    "      --dynamic         GEXF: a dynamic graph, each node and edge with the days\n"            \
    "                        of its articles as spells (Gephi's timeline plays it)\n"              \
    "      --draw-top N      a drawing (.dot, .svg, .png, .html) shows the N entities\n"           \
    "                        with the highest first --rank score (else mentions)\n"                \
    "                        and says so (default: 150 for .svg and .png, 1,000\n"                 \
    "                        for .html, the whole graph for .dot)\n"                               \
    "      --no-corpus-resolve\n"                                                                  \
    "                        keep a short form that is a node of its own (\"Blair\",\n"            \
    "                        \"IBM\", \"Texaco\") apart from the full name that owns\n"            \
    "                        it in the corpus (folded by default; erg query find\n"                \
    "                        shows the rule that joined each surface form)\n"

/* The analysis half of the help (one string literal of it would pass C's 4095). */
extern const char cli_corpus_analysis_help[];

/*
 * Parses one corpus-stage option (not --partial): 1 when handled, 0 when opt
 * is not one of them, CLI_USAGE after printing a usage error for `erg cmd`.
 */
int cli_corpus_option(const char *cmd, int opt, const char *arg, int argc, char **argv,
                      cli_corpus_options *c);

/*
 * The checks after parsing: --resolution without --communities; --dynamic
 * for a format other than GEXF; --draw-top for a format that is not a
 * drawing (dot, svg, png); with partial, any analysis option,
 * --no-corpus-resolve or a format other than json. CLI_OK or CLI_USAGE after
 * printing.
 */
int cli_corpus_check(const char *cmd, const cli_corpus_options *c, bool partial, erg_format fmt);

/* What the summary line says besides the graph: verb ("built", "merged") and counts. */
typedef struct cli_corpus_summary {
    const char *verb;
    size_t articles;
    size_t parts;           /* merge: the parts merged; 0 leaves it out */
    size_t boiler_lines;    /* boilerplate lines blanked, 0 leaves it out */
    size_t boiler_articles; /* articles with at least one */
} cli_corpus_summary;

/*
 * Writes the analysis options c holds as words ("--rank pagerank --top 10"),
 * the form cli_corpus_parse_words reads back, into buf (empty: none).
 */
void cli_corpus_words(const cli_corpus_options *c, char *buf, size_t cap);

/*
 * Parses what cli_corpus_words wrote into c (on top of what c holds).
 * CLI_OK, or CLI_USAGE after printing for `erg cmd`.
 */
int cli_corpus_parse_words(const char *cmd, const char *words, cli_corpus_options *c);

/*
 * The corpus stage on *g (every article added or merged, not finished):
 * corpus resolution when c->corpus_resolve (legal suffixes from data_dir's
 * legal_suffixes.txt, or the shipped data when data_dir is NULL), finish
 * with type_mask, the filters, scores and communities, the export to output
 * in fmt (output NULL: nothing written, the summary says so), and the
 * summary line on stderr. *g may be replaced by a filtered
 * copy (the caller frees whatever *g is at the end). CLI_OK, or CLI_FAIL
 * after printing.
 */
int cli_corpus_stage(erg_graph **g, const cli_corpus_options *c, const char *data_dir,
                     unsigned type_mask, erg_format fmt, const char *output,
                     const cli_corpus_summary *sum);

/*
 * The SQLite store of g's articles (every article added or merged, not
 * finished) to output: g is finished as a partial graph (kept in the store,
 * marked with types and window), a copy of it read back from its native text
 * (as erg merge takes a part) goes through the corpus stage (c, data_dir,
 * types), and both are written in one transaction: in place for an update
 * (the store must still be at generation), else to a temporary file renamed
 * into place. CLI_OK, or CLI_FAIL after printing.
 */
int cli_corpus_write_store(erg_graph *g, const cli_corpus_options *c, const char *data_dir,
                           unsigned types, erg_window window, const char *output, bool in_place,
                           unsigned long long generation, const cli_corpus_summary *sum);

/*
 * Writes g as a partial graph to output (native JSON; NULL: not written): marks it partial with
 * type_mask and window, finishes it with every type kept and corpus
 * resolution off, writes it and prints the summary line. CLI_OK, or CLI_FAIL
 * after printing.
 */
int cli_corpus_write_partial(erg_graph *g, unsigned type_mask, erg_window window,
                             const char *output, const cli_corpus_summary *sum);

#endif
