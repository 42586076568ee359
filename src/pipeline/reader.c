/*
 * reader.c: the articles of the inputs as the pipeline takes them, with
 * boilerplate lines blanked and each article's outlet named.
 */
#include "erg/pipeline.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct erg_reader {
    erg_input *in;
    erg_boiler *boiler; /* NULL: no boilerplate looked for */
    /*
     * The first pass runs in a thread of its own from erg_reader_new to the
     * first erg_reader_next, while the caller loads what it needs.
     */
    pthread_t first_pass;
    bool first_pass_running;
    erg_status first_st;
    erg_error first_err;
    const char *const *paths;
    size_t n_paths;
    erg_input_options opt;
    const erg_gazetteer *gaz;
    erg_buf blank_buf, outlet_buf, last_source;
    const char *last_outlet;
    erg_reader_stats stats;
    void (*on_blank)(void *ctx, const erg_article *read, const erg_article *blanked);
    void *on_blank_ctx;
    const erg_graph *skip; /* articles already in it are passed over */
    /* The filter (erg_reader_set_filter); sources and their strings are owned. */
    bool filtering;
    erg_article_filter filter;
    int32_t since_day, until_day;
    char **sources;
    /* Hashes of the ids read so far (open addressing, 0 is empty), to pass over repeats. */
    uint64_t *seen;
    size_t seen_n, seen_cap;
};

/* Adds id to the ids seen; false when it was there already. */
static bool see_id(erg_reader *r, const char *id, erg_status *st)
{
    *st = ERG_OK;
    if (2 * (r->seen_n + 1) > r->seen_cap) {
        size_t cap = r->seen_cap ? 2 * r->seen_cap : 1024;
        uint64_t *t = calloc(cap, sizeof *t);
        if (!t) {
            *st = ERG_ENOMEM;
            return true;
        }
        for (size_t i = 0; i < r->seen_cap; i++)
            if (r->seen[i])
                for (size_t j = r->seen[i] & (cap - 1);; j = (j + 1) & (cap - 1))
                    if (!t[j]) {
                        t[j] = r->seen[i];
                        break;
                    }
        free(r->seen);
        r->seen = t;
        r->seen_cap = cap;
    }
    uint64_t h = erg_hash(id, strlen(id));
    h += !h; /* 0 marks an empty slot */
    for (size_t j = h & (r->seen_cap - 1);; j = (j + 1) & (r->seen_cap - 1)) {
        if (r->seen[j] == h)
            return false;
        if (!r->seen[j]) {
            r->seen[j] = h;
            r->seen_n++;
            return true;
        }
    }
}

/* The first pass: every article of the inputs into r->boiler. */
static void *first_pass(void *arg)
{
    erg_reader *r = arg;
    erg_error *err = &r->first_err;
    if ((r->first_st = erg_boiler_add_inputs(r->boiler, r->paths, r->n_paths, &r->opt, err)) ==
        ERG_OK)
        erg_boiler_finish(r->boiler);
    return NULL;
}

/* Waits for the first pass; its failure, if any. */
static erg_status join_first_pass(erg_reader *r, erg_error *err)
{
    if (!r->first_pass_running)
        return ERG_OK;
    pthread_join(r->first_pass, NULL);
    r->first_pass_running = false;
    if (r->first_st != ERG_OK && err)
        *err = r->first_err;
    return r->first_st;
}

/* Makes the detector and starts the first pass, unless stdin is among the paths. */
static erg_status start_boilerplate(erg_reader *r, erg_error *err)
{
    uint64_t bytes;
    bool has_stdin;
    erg_status st = erg_input_size(r->paths, r->n_paths, &bytes, &has_stdin, err);
    if (st != ERG_OK || has_stdin)
        return st;
    if ((st = erg_boiler_new(&r->boiler, bytes, err)) != ERG_OK)
        return st;
    erg_error_clear(&r->first_err);
    r->first_st = ERG_OK;
    if (pthread_create(&r->first_pass, NULL, first_pass, r) == 0) {
        r->first_pass_running = true;
        return ERG_OK;
    }
    /* No thread to spare: the first pass runs here. */
    first_pass(r);
    if (r->first_st != ERG_OK)
        *err = r->first_err;
    return r->first_st;
}

erg_status erg_reader_new(erg_reader **out, const char *const *paths, size_t n_paths,
                          const erg_input_options *opt, bool boilerplate, const erg_gazetteer *gaz,
                          erg_error *err)
{
    erg_status st;
    *out = NULL;
    erg_reader *r = calloc(1, sizeof *r);
    if (!r)
        return erg_error_oom(err);
    r->gaz = gaz;
    r->paths = paths;
    r->n_paths = n_paths;
    r->opt = *opt;
    erg_buf_init(&r->blank_buf);
    erg_buf_init(&r->outlet_buf);
    erg_buf_init(&r->last_source);
    if ((st = erg_input_new(&r->in, paths, n_paths, opt, err)) != ERG_OK ||
        (boilerplate && (st = start_boilerplate(r, err)) != ERG_OK)) {
        erg_reader_free(r);
        return st;
    }
    r->stats.boiler_done = r->boiler != NULL;
    r->stats.input = erg_input_get_stats(r->in);
    *out = r;
    return ERG_OK;
}

void erg_reader_on_blank(erg_reader *r,
                         void (*fn)(void *ctx, const erg_article *read, const erg_article *blanked),
                         void *ctx)
{
    r->on_blank = fn;
    r->on_blank_ctx = ctx;
}

void erg_reader_set_boiler(erg_reader *r, erg_boiler *b)
{
    if (r->first_pass_running || r->boiler) {
        erg_boiler_free(b);
        return;
    }
    r->boiler = b;
    r->stats.boiler_done = b != NULL;
}

void erg_reader_skip_in(erg_reader *r, const erg_graph *g)
{
    r->skip = g;
}

static void free_filter(erg_reader *r)
{
    for (size_t i = 0; r->sources && i < r->filter.n_sources; i++)
        free(r->sources[i]);
    free(r->sources);
    r->sources = NULL;
    memset(&r->filter, 0, sizeof r->filter);
    r->filtering = false;
}

erg_status erg_reader_set_filter(erg_reader *r, const erg_article_filter *f)
{
    free_filter(r);
    if (!f)
        return ERG_OK;
    if (f->n_sources) {
        if (!(r->sources = calloc(f->n_sources, sizeof *r->sources)))
            return ERG_ENOMEM;
        for (size_t i = 0; i < f->n_sources; i++) {
            r->filter.n_sources = i + 1; /* what free_filter frees */
            if (!(r->sources[i] = strdup(f->sources[i] ? f->sources[i] : ""))) {
                free_filter(r);
                return ERG_ENOMEM;
            }
        }
    }
    r->filter = *f;
    r->filter.sources = (const char *const *)r->sources;
    r->since_day = f->has_since ? erg_date_first_day(&f->since) : INT32_MIN;
    r->until_day = f->has_until ? erg_date_last_day(&f->until) : INT32_MAX;
    r->filtering = f->has_since || f->has_until || f->n_sources;
    return ERG_OK;
}

/* Whether a and b are equal but for ASCII case. */
static bool same_ascii_fold(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

/* Whether the filter keeps art (its outlet already named). */
static bool keep(const erg_reader *r, const erg_article *art)
{
    const erg_article_filter *f = &r->filter;
    if (f->has_since || f->has_until) {
        erg_date d;
        /* art->date is normalized (or NULL): parsing it again costs a few bytes' work. */
        if (!art->date || erg_date_parse(art->date, strlen(art->date), &d) != ERG_OK ||
            erg_date_first_day(&d) < r->since_day || erg_date_last_day(&d) > r->until_day)
            return false;
    }
    if (!f->n_sources)
        return true;
    for (size_t i = 0; i < f->n_sources; i++)
        if ((art->outlet && same_ascii_fold(art->outlet, f->sources[i])) ||
            (art->source && same_ascii_fold(art->source, f->sources[i])))
            return true;
    return false;
}

void erg_reader_set_gazetteer(erg_reader *r, const erg_gazetteer *gaz)
{
    r->gaz = gaz;
    erg_buf_clear(&r->last_source);
    r->last_outlet = NULL;
}

erg_status erg_reader_next(erg_reader *r, erg_article *art, erg_error *err)
{
    erg_article read;
    erg_status st = join_first_pass(r, err);
    if (st != ERG_OK)
        return st;
    for (;;) {
        st = erg_input_next(r->in, &read, err);
        if (st != ERG_OK)
            return st;
        if (r->skip && erg_graph_has_article_id(r->skip, read.id)) {
            r->stats.skipped++;
            continue;
        }
        if (!see_id(r, read.id, &st)) {
            r->stats.duplicates++;
            if (read.line > 0)
                snprintf(r->stats.last_duplicate, sizeof r->stats.last_duplicate,
                         "'%s:%ld': '%.200s'", read.path, read.line, read.id);
            else
                snprintf(r->stats.last_duplicate, sizeof r->stats.last_duplicate, "'%s': '%.200s'",
                         read.path, read.id);
            continue;
        }
        if (st != ERG_OK)
            return erg_error_oom(err);
        /* Sources repeat from article to article: look one up once per run of it. */
        if (r->gaz && read.source) {
            if (!r->last_source.data || strcmp(r->last_source.data, read.source) != 0) {
                r->last_outlet = erg_gazetteer_source_outlet(r->gaz, read.source, &r->outlet_buf);
                erg_buf_clear(&r->last_source);
                if (erg_buf_puts(&r->last_source, read.source) != ERG_OK) {
                    r->last_outlet = NULL;
                    return erg_error_oom(err);
                }
            }
            read.outlet = r->last_outlet;
        }
        if (!r->filtering || keep(r, &read))
            break;
        r->stats.filtered++;
    }
    *art = read;
    if (!r->boiler)
        return ERG_OK;
    size_t n = 0;
    if ((st = erg_boiler_blank(r->boiler, &read, &r->blank_buf, art, &n, err)) != ERG_OK)
        return st;
    r->stats.boiler_lines += n;
    r->stats.boiler_articles += n > 0;
    if (n && r->on_blank)
        r->on_blank(r->on_blank_ctx, &read, art);
    return ERG_OK;
}

const erg_reader_stats *erg_reader_get_stats(const erg_reader *r)
{
    return &r->stats;
}

void erg_reader_free(erg_reader *r)
{
    if (!r)
        return;
    join_first_pass(r, NULL);
    erg_input_free(r->in);
    erg_boiler_free(r->boiler);
    erg_buf_release(&r->blank_buf);
    erg_buf_release(&r->outlet_buf);
    erg_buf_release(&r->last_source);
    free_filter(r);
    free(r->seen);
    free(r);
}
