#include "pipeline.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void cli_read_options_init(cli_read_options *o)
{
    o->model_path = NULL;
    o->data_dir = NULL;
    o->knowledge_dir = NULL;
    o->n_aliases = 0;
    o->type_mask = ERG_TYPES_DEFAULT;
    o->window = ERG_WINDOW_SENTENCE;
    o->input.lenient = false;
    o->input.skip_bad = false;
    o->input.max_article_bytes = 0;
    o->quiet = false;
    o->boilerplate = false;
    o->boiler_from = NULL;
    memset(&o->filter, 0, sizeof o->filter);
    o->filter.sources = o->sources;
}

/* --since or --until into *d; CLI_USAGE (printed) when arg is no date or the two cross. */
static int date_option(const char *cmd, const char *name, const char *arg, cli_read_options *o,
                       erg_date *d, bool *has)
{
    char a[ERG_DATE_TEXT_MAX], b[ERG_DATE_TEXT_MAX];
    if (erg_date_parse(arg, strlen(arg), d) != ERG_OK)
        return cli_usage(cmd, "%s '%s': not a date (give YYYY-MM-DD, YYYY-MM or YYYY)", name, arg);
    *has = true;
    const erg_article_filter *f = &o->filter;
    if (f->has_since && f->has_until &&
        erg_date_first_day(&f->since) > erg_date_last_day(&f->until))
        return cli_usage(cmd, "--since %s is after --until %s", erg_date_format(&f->since, a),
                         erg_date_format(&f->until, b));
    return 1;
}

/* --max-article-bytes: a positive count of bytes, with an optional K, M or G (binary) suffix. */
static int size_option(const char *cmd, const char *name, const char *arg, size_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long v = arg[0] >= '0' && arg[0] <= '9' ? strtoull(arg, &end, 10) : 0;
    unsigned shift = 0;
    if (end && (*end == 'K' || *end == 'k'))
        shift = 10;
    else if (end && (*end == 'M' || *end == 'm'))
        shift = 20;
    else if (end && (*end == 'G' || *end == 'g'))
        shift = 30;
    if (end && shift)
        end++;
    if (!end || *end || errno || v == 0 || v > (SIZE_MAX >> 1 >> shift))
        return cli_usage(cmd, "%s '%s': give a positive number of bytes (K, M, G allowed)", name,
                         arg);
    *out = (size_t)(v << shift);
    return 1;
}

int cli_read_option(const char *cmd, int opt, const char *arg, cli_read_options *o)
{
    erg_error err;
    switch (opt) {
    case CLI_OPT_MODEL:
        o->model_path = arg;
        return 1;
    case CLI_OPT_ALIASES:
        if (o->n_aliases == sizeof o->aliases / sizeof *o->aliases)
            return cli_usage(cmd, "at most %zu --aliases files", o->n_aliases);
        o->aliases[o->n_aliases++] = arg;
        return 1;
    case CLI_OPT_DATA:
        o->data_dir = arg;
        return 1;
    case CLI_OPT_KNOWLEDGE:
        o->knowledge_dir = arg;
        return 1;
    case CLI_OPT_TYPES:
        if (erg_type_mask_parse(arg, &o->type_mask, &err) != ERG_OK)
            return cli_usage(cmd, "%s", err.text);
        return 1;
    case CLI_OPT_WINDOW:
        if (erg_window_parse(arg, &o->window) != ERG_OK)
            return cli_usage(cmd, "unknown window '%s' (use sentence, paragraph or article)", arg);
        return 1;
    case CLI_OPT_QUIET:
        o->quiet = true;
        return 1;
    case CLI_OPT_LENIENT:
        o->input.lenient = true;
        return 1;
    case CLI_OPT_SKIP_BAD:
        o->input.skip_bad = true;
        return 1;
    case CLI_OPT_MAX_ARTICLE_BYTES:
        return size_option(cmd, "--max-article-bytes", arg, &o->input.max_article_bytes);
    case CLI_OPT_KEEP_BOILERPLATE:
        o->boilerplate = false;
        return 1;
    case CLI_OPT_BOILERPLATE_FROM:
        o->boiler_from = arg;
        return 1;
    case CLI_OPT_SINCE:
        return date_option(cmd, "--since", arg, o, &o->filter.since, &o->filter.has_since);
    case CLI_OPT_UNTIL:
        return date_option(cmd, "--until", arg, o, &o->filter.until, &o->filter.has_until);
    case CLI_OPT_SOURCE:
        if (o->filter.n_sources == CLI_MAX_SOURCES)
            return cli_usage(cmd, "at most %d --source options", CLI_MAX_SOURCES);
        o->sources[o->filter.n_sources++] = arg;
        return 1;
    default:
        return 0;
    }
}

void cli_resources_options(const cli_read_options *o, erg_resources_options *ro)
{
    erg_resources_options_init(ro);
    ro->model_path = o->model_path;
    ro->data_dir = o->data_dir;
    ro->knowledge_dir = o->knowledge_dir;
    for (size_t i = 0; i < o->n_aliases; i++)
        ro->aliases[i] = o->aliases[i];
    ro->n_aliases = o->n_aliases;
}

void cli_pipeline_options(const cli_read_options *o, erg_pipeline_options *po)
{
    erg_pipeline_options_init(po);
    po->type_mask = o->type_mask;
    po->window = o->window;
}

int cli_pipeline_init(cli_pipeline *p, const cli_read_options *o)
{
    erg_error err;
    erg_error_clear(&err);
    erg_resources_options ro;
    memset(p, 0, sizeof *p);
    erg_extraction_init(&p->x);
    cli_resources_options(o, &ro);
    cli_pipeline_options(o, &p->opt);
    if (erg_resources_load(&p->res, &ro, &err) != ERG_OK ||
        erg_pipeline_new(&p->pipe, p->res, &p->opt, &err) != ERG_OK) {
        cli_pipeline_release(p);
        return cli_fail(&err);
    }
    p->gaz = erg_resources_gazetteer(p->res);
    return CLI_OK;
}

erg_status cli_pipeline_run(cli_pipeline *p, const erg_article *art, erg_error *err)
{
    return erg_pipeline_run(p->pipe, art, &p->x, err);
}

void cli_pipeline_release(cli_pipeline *p)
{
    erg_pipeline_free(p->pipe);
    erg_resources_free(p->res);
    erg_extraction_release(&p->x);
    memset(p, 0, sizeof *p);
}

/*
 * With ERG_DEBUG_BOILER set in the environment, each blanked line goes to
 * stderr as "boilerplate<TAB>source<TAB>line", for `sort | uniq -c`.
 */
static void debug_blanked(void *ctx, const erg_article *art, const erg_article *blanked)
{
    (void)ctx;
    const char *t = art->text, *end = t + art->text_len;
    erg_buf line, src;
    erg_buf_init(&line);
    erg_buf_init(&src);
    while (t < end) {
        const char *nl = memchr(t, '\n', (size_t)(end - t));
        const char *stop = nl ? nl : end;
        size_t off = (size_t)(t - art->text), n = (size_t)(stop - t);
        if (n && memcmp(blanked->text + off, t, n) != 0) {
            /* Raw article text: escaped for the terminal (cli_show), one line each. */
            erg_buf_clear(&line);
            if (erg_buf_put_escaped(&line, t, n, ERG_ESCAPE_WS_SPACE) == ERG_OK && line.data)
                fprintf(stderr, "boilerplate\t%s\t%s\n", cli_show(&src, art->source), line.data);
        }
        t = nl ? nl + 1 : end;
    }
    erg_buf_release(&line);
    erg_buf_release(&src);
}

int cli_open_reader(char **paths, size_t n_paths, const cli_read_options *o,
                    const erg_gazetteer *gaz, erg_reader **out)
{
    erg_error err;
    erg_error_clear(&err);
    erg_boiler *b = NULL;
    /* --boilerplate-from: the detector of a whole corpus, for a shard of it (or stdin). */
    if (o->boilerplate && o->boiler_from && erg_boiler_load(&b, o->boiler_from, &err) != ERG_OK)
        return cli_fail(&err);
    if (erg_reader_new(out, (const char *const *)paths, n_paths, &o->input, o->boilerplate && !b,
                       gaz, &err) != ERG_OK) {
        erg_boiler_free(b);
        return cli_fail(&err);
    }
    if (b)
        erg_reader_set_boiler(*out, b);
    erg_article_filter f = o->filter;
    f.sources = o->sources; /* o may be a copy of the options that filter.sources points into */
    if (erg_reader_set_filter(*out, &f) != ERG_OK) {
        erg_reader_free(*out);
        *out = NULL;
        return cli_failf("out of memory");
    }
    if (getenv("ERG_DEBUG_BOILER"))
        erg_reader_on_blank(*out, debug_blanked, NULL);
    return CLI_OK;
}

/*
 * The dates and the filter of a finished read, on stderr: the articles
 * without a usable date (a warning when some dates could not be read; said
 * only when some articles have a date or a date filter is on, so that a
 * folder of plain-text files is not reported as undated) and the articles
 * the filter left out.
 */
static void note_dates(const erg_input_stats *in, const erg_reader_stats *s,
                       const cli_read_options *o)
{
    const erg_article_filter *f = &o->filter;
    bool by_date = f->has_since || f->has_until;
    if (in->undated && (in->bad_dates || in->undated < in->articles || by_date)) {
        char bad[sizeof in->last_bad_date + 64] = "";
        if (in->bad_dates)
            snprintf(bad, sizeof bad, " (%zu unparseable, last: %s)", in->bad_dates,
                     in->last_bad_date);
        fprintf(stderr, "erg: %s%zu article%s without a usable date%s%s\n",
                in->bad_dates ? "warning: " : "", in->undated, in->undated == 1 ? "" : "s", bad,
                by_date ? ", left out by --since/--until" : "");
    }
    if (by_date || f->n_sources) {
        char by[32] = "";
        if (f->has_since)
            strcat(by, "--since");
        if (f->has_until)
            strcat(strcat(by, *by ? "/" : ""), "--until");
        if (f->n_sources)
            strcat(strcat(by, *by ? "/" : ""), "--source");
        fprintf(stderr, "erg: %zu of %zu article%s left out by %s\n", s->filtered, in->articles,
                in->articles == 1 ? "" : "s", by);
        if (in->articles && s->filtered == in->articles)
            cli_warn("no article kept by %s", by);
    }
}

/*
 * The counts of a finished read, and the warnings of --lenient/--skip-bad
 * and of ignored files; CLI_FAIL (printed) when no article was found.
 */
static int finish_read(const erg_reader *r, const cli_read_options *o, cli_read_stats *rs)
{
    const erg_reader_stats *s = erg_reader_get_stats(r);
    const erg_input_stats *stats = s->input;
    rs->articles = stats->articles - s->filtered - s->duplicates;
    rs->boiler_lines = s->boiler_lines;
    rs->boiler_articles = s->boiler_articles;
    rs->boiler_done = s->boiler_done;
    rs->skipped = s->skipped;
    rs->filtered = s->filtered;
    if (stats->replaced)
        cli_warn("replaced %zu invalid UTF-8 sequence%s with U+FFFD", stats->replaced,
                 stats->replaced == 1 ? "" : "s");
    if (stats->skipped)
        cli_warn("skipped %zu bad input%s (last: %s)", stats->skipped,
                 stats->skipped == 1 ? "" : "s", stats->last_skip);
    if (stats->too_long)
        cli_warn("skipped %zu article%s over --max-article-bytes (last: %s)", stats->too_long,
                 stats->too_long == 1 ? "" : "s", stats->last_too_long);
    if (s->duplicates)
        cli_warn("skipped %zu article%s whose id an earlier article has (last: %s)", s->duplicates,
                 s->duplicates == 1 ? "" : "s", s->last_duplicate);
    if (stats->ignored)
        cli_warn("ignored %zu file%s of unknown type in folders (last: '%s')", stats->ignored,
                 stats->ignored == 1 ? "" : "s", stats->last_ignored);
    note_dates(stats, s, o);
    if (stats->articles == 0)
        return cli_failf("no article found in the inputs");
    return CLI_OK;
}

int cli_for_each_article(char **paths, size_t n_paths, const cli_read_options *o,
                         const erg_gazetteer *gaz,
                         erg_status (*fn)(void *ctx, const erg_article *art, erg_error *err),
                         void *ctx, cli_read_stats *rs)
{
    erg_error err;
    erg_error_clear(&err);
    erg_reader *r = NULL;
    cli_progress progress;
    memset(rs, 0, sizeof *rs);
    int rc = cli_open_reader(paths, n_paths, o, gaz, &r);
    if (rc != CLI_OK)
        return rc;
    cli_progress_init(&progress, o->quiet);
    for (;;) {
        erg_article art;
        erg_status st = erg_reader_next(r, &art, &err);
        if (st == ERG_DONE)
            break;
        if (st == ERG_OK)
            st = fn(ctx, &art, &err);
        if (st != ERG_OK) {
            cli_progress_done(&progress);
            rc = cli_fail(&err);
            goto cleanup;
        }
        const erg_input_stats *stats = erg_reader_get_stats(r)->input;
        cli_progress_update(&progress, stats->articles, stats->bytes);
    }
    cli_progress_done(&progress);
    rc = finish_read(r, o, rs);
cleanup:
    erg_reader_free(r);
    return rc;
}

static void build_progress(void *ctx, const erg_reader_stats *s)
{
    cli_progress_update(ctx, s->input->articles, s->input->bytes);
}

int cli_build_graph(erg_reader *r, const cli_read_options *o, const cli_pipeline *p, erg_graph *g,
                    unsigned n_threads, cli_read_stats *rs)
{
    erg_error err;
    erg_error_clear(&err);
    cli_progress progress;
    int rc = CLI_OK;
    memset(rs, 0, sizeof *rs);
    erg_reader_set_gazetteer(r, p->gaz);
    cli_progress_init(&progress, o->quiet);
    erg_status st =
        erg_pipeline_build(p->res, &p->opt, r, g, n_threads, build_progress, &progress, &err);
    cli_progress_done(&progress);
    if (st != ERG_OK)
        rc = cli_fail(&err);
    else
        rc = finish_read(r, o, rs);
    return rc;
}
