/*
 * pipeline.h: one article through text -> ner -> resolve -> relate, with
 * every buffer reused from one article to the next. Shared by the commands
 * that read articles (build, extract).
 */
#ifndef ERG_CLI_PIPELINE_H
#define ERG_CLI_PIPELINE_H

#include "cli.h"

#include "erg/pipeline.h"

/* The most --source options. */
#define CLI_MAX_SOURCES 64

/* Options every article-reading command takes. */
typedef struct cli_read_options {
    const char *model_path;    /* --model, NULL for the default */
    const char *data_dir;      /* --data, NULL for the default */
    const char *knowledge_dir; /* --knowledge, NULL for the knowledge/ of --data or the default */
    const char *aliases[ERG_MAX_ALIAS_FILES]; /* --aliases files, in order */
    size_t n_aliases;
    unsigned type_mask; /* --types */
    erg_window window;  /* --window */
    erg_input_options input;
    bool quiet;
    /* Find and blank boilerplate lines (build, extract; --keep-boilerplate turns it off). */
    bool boilerplate;
    /* --boilerplate-from: a detector file (erg boilerplate) instead of the first pass. */
    const char *boiler_from;
    /* --since, --until, --source: the articles read (erg_reader_set_filter). */
    erg_article_filter filter;
    const char *sources[CLI_MAX_SOURCES]; /* filter.sources points here */
} cli_read_options;

void cli_read_options_init(cli_read_options *o);

/*
 * Long options shared by build and extract, to be appended to a command's
 * getopt_long table, and their handling. cli_read_option returns 1 when it
 * handled opt, 0 when opt is not one of them, and CLI_USAGE (after printing)
 * on a bad value.
 */
enum {
    CLI_OPT_MODEL = 'm',
    CLI_OPT_TYPES = 't',
    CLI_OPT_WINDOW = 'w',
    CLI_OPT_QUIET = 'q',
    CLI_OPT_DATA = 1000,
    CLI_OPT_LENIENT,
    CLI_OPT_SKIP_BAD,
    CLI_OPT_ALIASES,
    CLI_OPT_KEEP_BOILERPLATE,
    CLI_OPT_BOILERPLATE_FROM,
    CLI_OPT_SINCE,
    CLI_OPT_UNTIL,
    CLI_OPT_SOURCE,
    CLI_OPT_MAX_ARTICLE_BYTES
};
/* The options of the commands that only tag (erg tag): model and input. */
#define CLI_INPUT_LONG_OPTIONS                                                                     \
    {"model", required_argument, NULL, CLI_OPT_MODEL},                                             \
        {"quiet", no_argument, NULL, CLI_OPT_QUIET},                                               \
        {"lenient", no_argument, NULL, CLI_OPT_LENIENT}, CLI_KNOWLEDGE_OPTION,                     \
        {"max-article-bytes", required_argument, NULL, CLI_OPT_MAX_ARTICLE_BYTES},                 \
    {                                                                                              \
        "skip-bad", no_argument, NULL, CLI_OPT_SKIP_BAD                                            \
    }
#define CLI_INPUT_SHORT_OPTIONS "m:q"
/* Those and the options about entities. */
#define CLI_READ_LONG_OPTIONS                                                                      \
    CLI_INPUT_LONG_OPTIONS, {"types", required_argument, NULL, CLI_OPT_TYPES},                     \
        {"window", required_argument, NULL, CLI_OPT_WINDOW},                                       \
        {"data", required_argument, NULL, CLI_OPT_DATA},                                           \
        {"aliases", required_argument, NULL, CLI_OPT_ALIASES},                                     \
        {"keep-boilerplate", no_argument, NULL, CLI_OPT_KEEP_BOILERPLATE},                         \
        {"boilerplate-from", required_argument, NULL, CLI_OPT_BOILERPLATE_FROM},                   \
        {"since", required_argument, NULL, CLI_OPT_SINCE},                                         \
        {"until", required_argument, NULL, CLI_OPT_UNTIL},                                         \
    {                                                                                              \
        "source", required_argument, NULL, CLI_OPT_SOURCE                                          \
    }
#define CLI_READ_SHORT_OPTIONS CLI_INPUT_SHORT_OPTIONS "t:w:"
#define CLI_INPUT_HELP                                                                             \
    "  -m, --model MODEL     tagger model (default: the shipped data/erg.model)\n"                 \
    "      --lenient         replace invalid UTF-8 with U+FFFD instead of failing\n"               \
    "      --skip-bad        skip malformed JSON lines, empty and binary files\n"                  \
    "      --max-article-bytes N\n"                                                                \
    "                        skip (with a warning, counted) an article, and a JSON\n"              \
    "                        line, longer than N bytes (K, M, G: KiB, MiB, GiB;\n"                 \
    "                        default 8M); no more than N bytes of it are read in\n"                \
    "  -q, --quiet           no progress display\n" CLI_KNOWLEDGE_HELP
#define CLI_READ_HELP                                                                              \
    CLI_INPUT_HELP                                                                                 \
    "  -w, --window W        co-mention window: sentence, paragraph or article\n"                  \
    "                        (default: sentence)\n"                                                \
    "      --aliases FILE    JSON alias list: [{\"name\", \"type\", \"aliases\": [...]}]\n"        \
    "                        (repeatable; adds to the shipped data/aliases.json and\n"             \
    "                        data/parties.json)\n"                                                 \
    "      --data DIR        folder of the gazetteers (default: the shipped data/)\n"              \
    "      --keep-boilerplate\n"                                                                   \
    "                        read every line; by default a first pass over the\n"                  \
    "                        input finds the lines one source repeats in 5 or\n"                   \
    "                        more of its articles (captions, bylines, bios) and\n"                 \
    "                        they are read as blank (not done when an INPUT is -:\n"               \
    "                        stdin cannot be read twice)\n"                                        \
    "      --boilerplate-from FILE\n"                                                              \
    "                        blank the boilerplate lines of a detector that erg\n"                 \
    "                        boilerplate wrote instead of a first pass (shards of\n"               \
    "                        a corpus then decide as the whole does; stdin works)\n"               \
    "  -t, --types LIST      entity types to keep: person,agency,outlet,place\n"                   \
    "                        (default: person,agency,outlet)\n"                                    \
    "      --since DATE      only articles dated DATE or later (YYYY-MM-DD, YYYY-MM,\n"            \
    "                        YYYY, or any form read in articles); an article's\n"                  \
    "                        whole date must be in: one dated 1987-03 is not kept\n"               \
    "                        by --since 1987-03-15; undated ones are left out\n"                   \
    "      --until DATE      only articles dated DATE or earlier (inclusive: --until\n"            \
    "                        1987-03 keeps all of March)\n"                                        \
    "      --source NAME     only articles whose outlet (as the outlet list names\n"               \
    "                        it) or source as written is NAME, ignoring ASCII case\n"              \
    "                        (repeatable: any of them)\n"

int cli_read_option(const char *cmd, int opt, const char *arg, cli_read_options *o);

/* The library's pipeline (erg/pipeline.h) with the resources it reads, for one thread. */
typedef struct cli_pipeline {
    erg_resources *res;
    const erg_gazetteer *gaz; /* borrowed from res */
    erg_pipeline *pipe;
    erg_extraction x; /* what the last cli_pipeline_run found */
    erg_pipeline_options opt;
} cli_pipeline;

/* The library's options of what o's command-line options say. */
void cli_resources_options(const cli_read_options *o, erg_resources_options *ro);
void cli_pipeline_options(const cli_read_options *o, erg_pipeline_options *po);

/* Loads the model and gazetteers; prints and returns CLI_FAIL on failure, else CLI_OK. */
int cli_pipeline_init(cli_pipeline *p, const cli_read_options *o);
/* Runs one article into p->x (erg_pipeline_run). */
erg_status cli_pipeline_run(cli_pipeline *p, const erg_article *art, erg_error *err);
void cli_pipeline_release(cli_pipeline *p);

/* What cli_for_each_article read. */
typedef struct cli_read_stats {
    size_t articles;        /* articles read, less those filtered out */
    size_t boiler_lines;    /* boilerplate lines blanked, all articles */
    size_t boiler_articles; /* articles with at least one */
    bool boiler_done;       /* whether boilerplate was looked for */
    size_t skipped;         /* articles already in the graph (erg_reader_skip_in), not added */
    size_t filtered;        /* articles left out by --since, --until, --source */
} cli_read_stats;

/*
 * Opens the inputs, calls fn for every article, shows progress and prints the
 * warnings of --lenient/--skip-bad at the end. With o->boilerplate and no
 * stdin among the paths, first reads all inputs once to find boilerplate
 * lines, and fn gets each article with them blanked (erg_boiler_blank).
 * Every article also gets art->outlet from the outlet list when gaz is not
 * NULL (erg_gazetteer_source_outlet). Returns CLI_OK, or CLI_FAIL after
 * printing the failure (from the input or from fn's erg_error).
 */
int cli_for_each_article(char **paths, size_t n_paths, const cli_read_options *o,
                         const erg_gazetteer *gaz,
                         erg_status (*fn)(void *ctx, const erg_article *art, erg_error *err),
                         void *ctx, cli_read_stats *stats);

/*
 * Opens a reader of the inputs with o's input options and boilerplate
 * setting (its first pass starts in the background); with ERG_DEBUG_BOILER
 * in the environment, blanked lines go to stderr. CLI_OK, or CLI_FAIL after
 * printing.
 */
int cli_open_reader(char **paths, size_t n_paths, const cli_read_options *o,
                    const erg_gazetteer *gaz, erg_reader **out);

/*
 * erg_pipeline_build with cli_for_each_article's progress and warnings:
 * every article of r (given p's gazetteer to name outlets) through
 * n_threads pipelines of p's resources into g. CLI_OK, or CLI_FAIL after
 * printing. r stays the caller's.
 */
int cli_build_graph(erg_reader *r, const cli_read_options *o, const cli_pipeline *p, erg_graph *g,
                    unsigned n_threads, cli_read_stats *stats);

#endif
