/*
 * resources.c: what every pipeline reads (model, gazetteers, alias tables),
 * and one pipeline per thread over them.
 */
#include "erg/pipeline.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct erg_resources {
    erg_model *model;
    erg_gazetteer *gaz;
    erg_resolver *resolver; /* holds the alias tables; pipelines make theirs like it */
};

struct erg_pipeline {
    const erg_resources *res;
    erg_tagger *tagger;
    erg_resolver *resolver;
    erg_pipeline_options opt;
    erg_buf outlet_key; /* the merge key of the article's outlet */
};

void erg_resources_options_init(erg_resources_options *o)
{
    memset(o, 0, sizeof *o);
}

/* path of the data folder's file name into buf: false when it is not there. */
static bool data_file(const char *data_dir, const char *name, char *buf, size_t cap)
{
    if (data_dir) {
        snprintf(buf, cap, "%s/%s", data_dir, name);
        return access(buf, R_OK) == 0;
    }
    return erg_data_path(name, buf, cap, NULL) == ERG_OK;
}

/* A model trained with the knowledge lists gets them: the gazetteer's, or read for it. */
static erg_status model_knowledge(erg_resources *r, const erg_resources_options *o,
                                  const char *path, erg_error *err)
{
    char know_dir[4096];
    if (!erg_model_uses_knowledge(r->model))
        return ERG_OK;
    /* The lists the gazetteer holds already serve the model too: read once. */
    const erg_knowledge *have = erg_gazetteer_knowledge(r->gaz);
    if (have) {
        erg_model_set_knowledge(r->model, have);
        return ERG_OK;
    }
    const char *know = o->knowledge_dir;
    if (!know && o->data_dir) {
        snprintf(know_dir, sizeof know_dir, "%s/knowledge", o->data_dir);
        know = know_dir;
    }
    erg_status st = erg_model_load_knowledge(r->model, know, err);
    if (st != ERG_OK) {
        char why[200];
        size_t n = strnlen(err->text, sizeof why - 1);
        memcpy(why, err->text, n);
        why[n] = '\0';
        snprintf(err->text, sizeof err->text,
                 "%s; '%.200s' was trained with the knowledge lists: give their folder with "
                 "--knowledge DIR",
                 why, path);
    }
    return st;
}

/* The gazetteer's half of the loading, in a thread of its own. */
typedef struct gaz_job {
    erg_resources *r;
    const erg_resources_options *o;
    erg_status st;
    erg_error err;
} gaz_job;

static void *load_gazetteer(void *arg)
{
    gaz_job *j = arg;
    erg_error_clear(&j->err);
    if ((j->st = erg_gazetteer_load(&j->r->gaz, j->o->data_dir, &j->err)) != ERG_OK)
        return NULL;
    /*
     * The lists of knowledge_dir, else of the data folder (loaded with the
     * gazetteer), serve the typing rules and, for a model trained with them,
     * the tagger.
     */
    if (j->o->knowledge_dir) {
        erg_knowledge *k = NULL;
        if ((j->st = erg_knowledge_load(&k, j->o->knowledge_dir, &j->err)) != ERG_OK)
            return NULL;
        erg_gazetteer_set_knowledge(j->r->gaz, k);
    }
    return NULL;
}

/* The alias tables: the shipped lists, then the user's, a later file winning. */
static erg_status load_aliases(erg_resources *r, const erg_resources_options *o, erg_error *err)
{
    char path[4096];
    erg_status st;
    /*
     * The shipped alias lists first, so that the user's files win: the
     * political parties generated from Party Facts, then the hand-written
     * list, which wins over the generated one should a key ever be in both.
     */
    static const char *const shipped[] = {"parties.json", "aliases.json"};
    for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++)
        if (data_file(o->data_dir, shipped[i], path, sizeof path) &&
            (st = erg_resolver_add_aliases(r->resolver, path, err)) != ERG_OK)
            return st;
    for (size_t i = 0; i < o->n_aliases; i++)
        if ((st = erg_resolver_add_aliases(r->resolver, o->aliases[i], err)) != ERG_OK)
            return st;
    return ERG_OK;
}

erg_status erg_resources_load(erg_resources **out, const erg_resources_options *o, erg_error *err)
{
    erg_status st = ERG_OK;
    char buf[4096];
    *out = NULL;
    if (o->n_aliases > ERG_MAX_ALIAS_FILES)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "at most %d alias files",
                             ERG_MAX_ALIAS_FILES);
    erg_resources *r = calloc(1, sizeof *r);
    if (!r)
        return erg_error_oom(err);
    /*
     * The gazetteer and its knowledge lists (most of the start-up time) load
     * in a thread of their own while this one reads the model and the alias
     * files, which do not need them.
     */
    gaz_job job = {r, o, ERG_OK, {0}};
    pthread_t gaz_thread;
    bool threaded = pthread_create(&gaz_thread, NULL, load_gazetteer, &job) == 0;
    if (!threaded)
        load_gazetteer(&job);
    const char *path = o->model_path;
    if (!path && (st = erg_model_default_path(buf, sizeof buf, err)) == ERG_OK)
        path = buf;
    if (st == ERG_OK && (st = erg_model_load(&r->model, path, err)) == ERG_OK &&
        (st = erg_resolver_new(&r->resolver, NULL, err)) == ERG_OK)
        st = load_aliases(r, o, err);
    if (threaded)
        pthread_join(gaz_thread, NULL);
    if (st == ERG_OK && job.st != ERG_OK) {
        *err = job.err;
        st = job.st;
    }
    if (st != ERG_OK)
        goto cleanup;
    erg_resolver_set_gazetteer(r->resolver, r->gaz);
    if ((st = model_knowledge(r, o, path, err)) != ERG_OK)
        goto cleanup;
    *out = r;
    r = NULL;
cleanup:
    erg_resources_free(r);
    return st;
}

void erg_resources_free(erg_resources *r)
{
    if (!r)
        return;
    erg_resolver_free(r->resolver);
    erg_model_free(r->model);
    erg_gazetteer_free(r->gaz);
    free(r);
}

const erg_gazetteer *erg_resources_gazetteer(const erg_resources *r)
{
    return r->gaz;
}

const erg_model *erg_resources_model(const erg_resources *r)
{
    return r->model;
}

erg_status erg_corpus_resolve_on(erg_graph *g, const char *data_dir, erg_error *err)
{
    char path[4096];
    char **words = NULL;
    size_t n = 0;
    erg_status st = ERG_OK;
    if (data_file(data_dir, "legal_suffixes.txt", path, sizeof path))
        st = erg_word_list_read(path, &words, &n, err);
    if (st == ERG_OK)
        st = erg_graph_set_corpus_resolve(g, true, (const char *const *)words, n, err);
    erg_word_list_free(words, n);
    return st;
}

void erg_extraction_init(erg_extraction *x)
{
    memset(x, 0, sizeof *x);
    erg_doc_init(&x->doc);
    erg_mentions_init(&x->mentions);
    erg_local_entities_init(&x->entities);
    erg_relations_init(&x->relations);
}

void erg_extraction_release(erg_extraction *x)
{
    erg_doc_release(&x->doc);
    free(x->labels);
    erg_mentions_release(&x->mentions);
    erg_local_entities_release(&x->entities);
    erg_relations_release(&x->relations);
    memset(x, 0, sizeof *x);
}

void erg_pipeline_options_init(erg_pipeline_options *o)
{
    o->type_mask = ERG_TYPES_DEFAULT;
    o->window = ERG_WINDOW_SENTENCE;
}

erg_status erg_pipeline_new(erg_pipeline **out, const erg_resources *res,
                            const erg_pipeline_options *o, erg_error *err)
{
    erg_status st;
    *out = NULL;
    erg_pipeline *p = calloc(1, sizeof *p);
    if (!p)
        return erg_error_oom(err);
    p->res = res;
    p->opt = *o;
    erg_buf_init(&p->outlet_key);
    if ((st = erg_tagger_new(&p->tagger, res->model, err)) != ERG_OK ||
        (st = erg_resolver_new_like(&p->resolver, res->resolver, err)) != ERG_OK) {
        erg_pipeline_free(p);
        return st;
    }
    *out = p;
    return ERG_OK;
}

void erg_pipeline_free(erg_pipeline *p)
{
    if (!p)
        return;
    erg_tagger_free(p->tagger);
    erg_resolver_free(p->resolver);
    erg_buf_release(&p->outlet_key);
    free(p);
}

/* Failures inside an article (a text too long to tokenize, say) name the article. */
static erg_status in_article(erg_status st, const erg_article *art, erg_error *err)
{
    if (st != ERG_OK && err && !err->source[0])
        snprintf(err->source, sizeof err->source, "%s", art->id);
    return st;
}

erg_status erg_pipeline_tag(erg_tagger *t, const erg_article *art, erg_extraction *x,
                            erg_error *err)
{
    erg_status st = erg_text_tokenize(&x->doc, art->text, art->text_len, err);
    if (st != ERG_OK)
        return in_article(st, art, err);
    if (x->doc.n_tokens > x->labels_cap) {
        size_t cap = x->doc.n_tokens * 2;
        uint8_t *l = realloc(x->labels, cap);
        if (!l)
            return erg_error_oom(err);
        x->labels = l;
        x->labels_cap = cap;
    }
    return in_article(erg_tagger_tag_doc(t, art->text, &x->doc, x->labels, err), art, err);
}

erg_status erg_pipeline_run(erg_pipeline *p, const erg_article *art, erg_extraction *x,
                            erg_error *err)
{
    erg_status st;
    if ((st = erg_pipeline_tag(p->tagger, art, x, err)) != ERG_OK ||
        (st = erg_ner_mentions(art->text, &x->doc, x->labels, p->res->gaz, &x->mentions, err)) !=
            ERG_OK ||
        (st = erg_resolve_article(p->resolver, art->text, &x->doc, &x->mentions, &x->entities,
                                  err)) != ERG_OK ||
        (st = erg_relate_article(art->text, &x->doc, &x->mentions, &x->entities, p->opt.window,
                                 p->opt.type_mask, &x->relations, err)) != ERG_OK)
        return in_article(st, art, err);
    /* What the article's outlet carries from other outlets (only a listed outlet is known). */
    if (art->outlet && art->outlet[0]) {
        if (erg_text_name_key(art->outlet, strlen(art->outlet), &p->outlet_key) != ERG_OK)
            return erg_error_oom(err);
        if ((st = erg_relate_source_cites(art->text, &x->doc, &x->mentions, &x->entities,
                                          p->opt.type_mask, p->outlet_key.data, &x->relations,
                                          err)) != ERG_OK)
            return in_article(st, art, err);
    }
    return ERG_OK;
}
