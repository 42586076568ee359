#include "pipeline.h"

#include <getopt.h>
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
    o->quiet = false;
    o->boilerplate = false;
    o->boiler_from = NULL;
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
    case CLI_OPT_KEEP_BOILERPLATE:
        o->boilerplate = false;
        return 1;
    case CLI_OPT_BOILERPLATE_FROM:
        o->boiler_from = arg;
        return 1;
    default:
        return 0;
    }
}

erg_status cli_corpus_resolve(erg_graph *g, const cli_read_options *o, erg_error *err)
{
    char path[4096];
    char **words = NULL;
    size_t n = 0;
    erg_status st;
    if (o->data_dir) {
        snprintf(path, sizeof path, "%s/legal_suffixes.txt", o->data_dir);
        st = access(path, R_OK) == 0 ? erg_word_list_read(path, &words, &n, err) : ERG_OK;
    } else if (erg_data_path("legal_suffixes.txt", path, sizeof path, NULL) == ERG_OK) {
        st = erg_word_list_read(path, &words, &n, err);
    } else {
        st = ERG_OK;
    }
    if (st == ERG_OK)
        st = erg_graph_set_corpus_resolve(g, true, (const char *const *)words, n, err);
    erg_word_list_free(words, n);
    return st;
}

int cli_pipeline_init(cli_pipeline *p, const cli_read_options *o)
{
    erg_error err;
    erg_error_clear(&err);
    memset(p, 0, sizeof *p);
    erg_doc_init(&p->doc);
    erg_mentions_init(&p->mentions);
    erg_local_entities_init(&p->entities);
    erg_relations_init(&p->relations);
    p->window = o->window;
    p->type_mask = o->type_mask;
    if (erg_gazetteer_load(&p->gaz, o->data_dir, &err) != ERG_OK)
        goto fail;
    /*
     * The knowledge lists of --knowledge, else of the --data folder, else the
     * shipped ones, serve the typing rules and, for a model trained with
     * them, the tagger: read once, held by the gazetteer.
     */
    if (o->knowledge_dir) {
        erg_knowledge *k = NULL;
        if (erg_knowledge_load(&k, o->knowledge_dir, &err) != ERG_OK)
            goto fail;
        erg_gazetteer_set_knowledge(p->gaz, k);
    }
    char know_dir[4096];
    const char *know = o->knowledge_dir;
    if (!know && o->data_dir) {
        snprintf(know_dir, sizeof know_dir, "%s/knowledge", o->data_dir);
        know = know_dir;
    }
    p->model = cli_load_model(o->model_path, know, erg_gazetteer_knowledge(p->gaz));
    if (!p->model) {
        cli_pipeline_release(p);
        return CLI_FAIL;
    }
    if (erg_tagger_new(&p->tagger, p->model, &err) != ERG_OK ||
        erg_resolver_new(&p->resolver, p->gaz, &err) != ERG_OK)
        goto fail;
    /*
     * The shipped alias lists first, so that the user's files win: the
     * political parties generated from Party Facts, then the hand-written
     * list, which wins over the generated one should a key ever be in both.
     */
    static const char *const shipped[] = {"parties.json", "aliases.json"};
    char path[4096];
    for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
        if (o->data_dir) {
            snprintf(path, sizeof path, "%s/%s", o->data_dir, shipped[i]);
            if (access(path, R_OK) != 0)
                continue;
        } else if (erg_data_path(shipped[i], path, sizeof path, NULL) != ERG_OK) {
            continue;
        }
        if (erg_resolver_add_aliases(p->resolver, path, &err) != ERG_OK)
            goto fail;
    }
    /* First names (data/first_names.txt) come with the gazetteer, read once there. */
    for (size_t i = 0; i < o->n_aliases; i++)
        if (erg_resolver_add_aliases(p->resolver, o->aliases[i], &err) != ERG_OK)
            goto fail;
    return CLI_OK;
fail:
    cli_pipeline_release(p);
    return cli_fail(&err);
}

/* Failures inside an article (a text too long to tokenize, say) name the article. */
static erg_status in_article(erg_status st, const erg_article *art, erg_error *err)
{
    if (st != ERG_OK && err && !err->source[0])
        snprintf(err->source, sizeof err->source, "%s", art->id);
    return st;
}

erg_status cli_tag_article(erg_tagger *t, const erg_article *art, erg_doc *doc, uint8_t **labels,
                           size_t *labels_cap, erg_error *err)
{
    erg_status st = erg_text_tokenize(doc, art->text, art->text_len, err);
    if (st != ERG_OK)
        return in_article(st, art, err);
    if (doc->n_tokens > *labels_cap) {
        size_t cap = doc->n_tokens * 2;
        uint8_t *l = realloc(*labels, cap);
        if (!l)
            return erg_error_oom(err);
        *labels = l;
        *labels_cap = cap;
    }
    return in_article(erg_tagger_tag_doc(t, art->text, doc, *labels, err), art, err);
}

erg_status cli_pipeline_run(cli_pipeline *p, const erg_article *art, erg_error *err)
{
    erg_status st;
    if ((st = cli_tag_article(p->tagger, art, &p->doc, &p->labels, &p->labels_cap, err)) !=
            ERG_OK ||
        (st = erg_ner_mentions(art->text, &p->doc, p->labels, p->gaz, &p->mentions, err)) !=
            ERG_OK ||
        (st = erg_resolve_article(p->resolver, art->text, &p->doc, &p->mentions, &p->entities,
                                  err)) != ERG_OK ||
        (st = erg_relate_article(art->text, &p->doc, &p->mentions, &p->entities, p->window,
                                 p->type_mask, &p->relations, err)) != ERG_OK)
        return in_article(st, art, err);
    return ERG_OK;
}

void cli_pipeline_release(cli_pipeline *p)
{
    erg_tagger_free(p->tagger);
    erg_model_free(p->model);
    erg_resolver_free(p->resolver);
    erg_gazetteer_free(p->gaz);
    erg_doc_release(&p->doc);
    free(p->labels);
    erg_mentions_release(&p->mentions);
    erg_local_entities_release(&p->entities);
    erg_relations_release(&p->relations);
    memset(p, 0, sizeof *p);
}

/*
 * The first pass: every article of the inputs into a new detector, or the
 * detector of --boilerplate-from. *out is NULL (and CLI_OK) when there is no
 * file and stdin is among the inputs. CLI_FAIL after printing.
 */
static int find_boilerplate(char **paths, size_t n_paths, const cli_read_options *o,
                            erg_boiler **out)
{
    erg_error err;
    erg_error_clear(&err);
    erg_boiler *b = NULL;
    uint64_t bytes;
    bool has_stdin;
    int rc = CLI_OK;
    *out = NULL;
    if (o->boiler_from) {
        if (erg_boiler_load(out, o->boiler_from, &err) != ERG_OK)
            return cli_fail(&err);
        return CLI_OK;
    }
    if (erg_input_size((const char *const *)paths, n_paths, &bytes, &has_stdin, &err) != ERG_OK)
        return cli_fail(&err);
    if (has_stdin)
        return CLI_OK;
    if (erg_boiler_new(&b, bytes, &err) != ERG_OK ||
        erg_boiler_add_inputs(b, (const char *const *)paths, n_paths, &o->input, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    erg_boiler_finish(b);
    *out = b;
    b = NULL;
cleanup:
    erg_boiler_free(b);
    return rc;
}

/*
 * With ERG_DEBUG_BOILER set in the environment, each blanked line goes to
 * stderr as "boilerplate<TAB>source<TAB>line", for `sort | uniq -c`.
 */
static void debug_blanked(const erg_article *art, const erg_article *blanked)
{
    const char *t = art->text, *end = t + art->text_len;
    while (t < end) {
        const char *nl = memchr(t, '\n', (size_t)(end - t));
        const char *stop = nl ? nl : end;
        size_t off = (size_t)(t - art->text), n = (size_t)(stop - t);
        if (n && memcmp(blanked->text + off, t, n) != 0)
            fprintf(stderr, "boilerplate\t%s\t%.*s\n", art->source ? art->source : "", (int)n, t);
        t = nl ? nl + 1 : end;
    }
}

int cli_for_each_article(char **paths, size_t n_paths, const cli_read_options *o,
                         const erg_gazetteer *gaz,
                         erg_status (*fn)(void *ctx, const erg_article *art, erg_error *err),
                         void *ctx, cli_read_stats *rs)
{
    erg_error err;
    erg_error_clear(&err);
    erg_input *in = NULL;
    erg_boiler *boiler = NULL;
    erg_buf blank_buf, outlet_buf, last_source;
    erg_buf_init(&blank_buf);
    erg_buf_init(&outlet_buf);
    erg_buf_init(&last_source);
    const char *last_outlet = NULL;
    int rc = CLI_OK;
    cli_progress progress;
    memset(rs, 0, sizeof *rs);
    bool debug = getenv("ERG_DEBUG_BOILER") != NULL;
    if (o->boilerplate && (rc = find_boilerplate(paths, n_paths, o, &boiler)) != CLI_OK)
        return rc;
    rs->boiler_done = boiler != NULL;
    cli_progress_init(&progress, o->quiet);
    if (erg_input_new(&in, (const char *const *)paths, n_paths, &o->input, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    for (;;) {
        erg_article art, use;
        erg_status st = erg_input_next(in, &art, &err);
        if (st == ERG_DONE)
            break;
        /* Sources repeat from article to article: look one up once per run of it. */
        if (st == ERG_OK && gaz && art.source) {
            if (!last_source.data || strcmp(last_source.data, art.source) != 0) {
                last_outlet = erg_gazetteer_source_outlet(gaz, art.source, &outlet_buf);
                erg_buf_clear(&last_source);
                if (erg_buf_puts(&last_source, art.source) != ERG_OK)
                    st = erg_error_oom(&err);
            }
            art.outlet = last_outlet;
        }
        use = art;
        if (st == ERG_OK && boiler) {
            size_t n = 0;
            st = erg_boiler_blank(boiler, &art, &blank_buf, &use, &n, &err);
            rs->boiler_lines += n;
            rs->boiler_articles += n > 0;
            if (n && debug)
                debug_blanked(&art, &use);
        }
        if (st == ERG_OK)
            st = fn(ctx, &use, &err);
        if (st != ERG_OK) {
            cli_progress_done(&progress);
            rc = cli_fail(&err);
            goto cleanup;
        }
        const erg_input_stats *stats = erg_input_get_stats(in);
        cli_progress_update(&progress, stats->articles, stats->bytes);
    }
    cli_progress_done(&progress);
    const erg_input_stats *stats = erg_input_get_stats(in);
    rs->articles = stats->articles;
    if (stats->replaced)
        cli_warn("replaced %zu invalid UTF-8 sequence%s with U+FFFD", stats->replaced,
                 stats->replaced == 1 ? "" : "s");
    if (stats->skipped)
        cli_warn("skipped %zu bad input%s (last: %s)", stats->skipped,
                 stats->skipped == 1 ? "" : "s", stats->last_skip);
cleanup:
    erg_input_free(in);
    erg_boiler_free(boiler);
    erg_buf_release(&blank_buf);
    erg_buf_release(&outlet_buf);
    erg_buf_release(&last_source);
    return rc;
}
