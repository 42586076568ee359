/*
 * pipeline.h: one article through text -> ner -> resolve -> relate, and a
 * corpus of articles through N of those pipelines into one graph.
 *
 * Three layers, each usable alone:
 * - erg_resources: what every pipeline reads and none changes (the tagger's
 *   model, the gazetteers and knowledge lists, the alias tables), loaded once
 *   and shared by any number of threads;
 * - erg_pipeline: one per thread, the tagger and resolver scratch; it fills
 *   an erg_extraction (tokens, labels, mentions, entities, relations) that
 *   the caller owns and erg_graph_add_article takes;
 * - erg_reader (the articles of the inputs, with boilerplate lines blanked
 *   and outlets named) and erg_pipeline_build (a reader's articles through N
 *   pipelines into a graph, in input order).
 */
#ifndef ERG_PIPELINE_H
#define ERG_PIPELINE_H

#include "erg/common.h"
#include "erg/graph.h"
#include "erg/input.h"
#include "erg/knowledge.h"
#include "erg/ner.h"
#include "erg/relate.h"
#include "erg/resolve.h"
#include "erg/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- resources ---------------------------------------------------------------- */

/* The most alias files erg_resources_options holds. */
#define ERG_MAX_ALIAS_FILES 16

/* Where the resources come from. */
typedef struct erg_resources_options {
    const char *model_path; /* NULL: the shipped model (erg_model_default_path) */
    const char *data_dir;   /* folder of the gazetteers; NULL: the shipped data folder */
    /*
     * Folder of the knowledge lists; NULL: the knowledge/ of data_dir when
     * data_dir is given, else the shipped ones.
     */
    const char *knowledge_dir;
    /* Alias files read after the shipped parties.json and aliases.json, in order. */
    const char *aliases[ERG_MAX_ALIAS_FILES];
    size_t n_aliases;
} erg_resources_options;

void erg_resources_options_init(erg_resources_options *o);

typedef struct erg_resources erg_resources;

/*
 * Loads the model, the gazetteers of the data folder (with its first names,
 * outlet list and knowledge lists), and the alias tables: the data folder's
 * parties.json, then aliases.json (each when present), then o->aliases in
 * order, a later file winning. Failures name the file (ERG_ENOTFOUND,
 * ERG_EIO, ERG_EFORMAT, ERG_EJSON, ERG_ENOMEM); a model trained with the
 * knowledge lists whose lists cannot be read fails with a text that says to
 * give their folder. Free with erg_resources_free. After loading, nothing
 * in it changes: any number of threads may use it at once.
 */
erg_status erg_resources_load(erg_resources **out, const erg_resources_options *o, erg_error *err);
void erg_resources_free(erg_resources *r);

/* The gazetteer (borrowed; lives as long as r). */
const erg_gazetteer *erg_resources_gazetteer(const erg_resources *r);
/* The model (borrowed; lives as long as r). */
const erg_model *erg_resources_model(const erg_resources *r);

/*
 * Turns corpus-level name resolution on for g (erg_graph_set_corpus_resolve)
 * with the legal suffixes of legal_suffixes.txt of data_dir (NULL: the
 * shipped data folder); with no such file, with none. ERG_EIO, ERG_ENOMEM.
 */
erg_status erg_corpus_resolve_on(erg_graph *g, const char *data_dir, erg_error *err);

/* ---- one article ------------------------------------------------------------- */

/*
 * What the pipeline found in one article. The caller owns it; init once,
 * then each erg_pipeline_run replaces the content and reuses the buffers.
 * The mentions, entities and relations hold byte offsets into the article's
 * text, which must stay alive while they are used.
 */
typedef struct erg_extraction {
    erg_doc doc;
    uint8_t *labels; /* one label per token of doc */
    size_t labels_cap;
    erg_mentions mentions;
    erg_local_entities entities;
    erg_relations relations;
} erg_extraction;

void erg_extraction_init(erg_extraction *x);
void erg_extraction_release(erg_extraction *x);

/* What a pipeline keeps of each article. */
typedef struct erg_pipeline_options {
    unsigned type_mask; /* relations only between entities of these types */
    erg_window window;  /* co-mention window */
} erg_pipeline_options;

/* ERG_TYPES_DEFAULT and sentence windows. */
void erg_pipeline_options_init(erg_pipeline_options *o);

typedef struct erg_pipeline erg_pipeline;

/*
 * A pipeline for one thread: its own tagger and resolver scratch, reading
 * res (borrowed: res must outlive it). Free with erg_pipeline_free. ERG_ENOMEM.
 */
erg_status erg_pipeline_new(erg_pipeline **out, const erg_resources *res,
                            const erg_pipeline_options *o, erg_error *err);
void erg_pipeline_free(erg_pipeline *p);

/*
 * Tokenizes, tags, finds mentions, resolves them into entities and finds
 * relations for art, into x. Failures (a text too long to tokenize, say)
 * name the article in err->source when the failing step named nothing.
 * O(text) plus the resolver's O(mentions * entities).
 */
erg_status erg_pipeline_run(erg_pipeline *p, const erg_article *art, erg_extraction *x,
                            erg_error *err);

/*
 * Only the first half: tokenizes art into x->doc and tags it into
 * x->labels (grown as needed). Failures name the article as above.
 */
erg_status erg_pipeline_tag(erg_tagger *t, const erg_article *art, erg_extraction *x,
                            erg_error *err);

/* ---- a corpus ------------------------------------------------------------------ */

typedef struct erg_reader erg_reader;

/* What a reader has read. */
typedef struct erg_reader_stats {
    const erg_input_stats *input; /* the input's own counts (borrowed) */
    size_t boiler_lines;          /* boilerplate lines blanked, all articles */
    size_t boiler_articles;       /* articles with at least one */
    bool boiler_done;             /* whether boilerplate was looked for */
    size_t skipped;  /* articles passed over as already in a graph (erg_reader_skip_in) */
    size_t filtered; /* articles passed over by the filter (erg_reader_set_filter) */
    /*
     * Articles passed over because an earlier article read had the same id
     * (the first one read is kept), and the last of them as "'path:line': 'id'".
     */
    size_t duplicates;
    char last_duplicate[1536];
} erg_reader_stats;

/*
 * Which articles a reader returns (erg_reader_set_filter). An article is
 * kept when the whole period its date covers lies within [since's first
 * day, until's last day] (erg_date_first_day, erg_date_last_day: an article
 * dated only "1987-03" is not kept with since 1987-03-15, nor one dated
 * "1987" with until 1987-06), and, when n_sources > 0, its outlet
 * (erg_article.outlet) or its source as written equals one of sources,
 * ignoring ASCII case only (not "É" against "é"). With has_since or
 * has_until, an article without a usable date is dropped.
 */
typedef struct erg_article_filter {
    bool has_since;
    erg_date since;
    bool has_until;
    erg_date until;
    const char *const *sources;
    size_t n_sources;
} erg_article_filter;

/*
 * Prepares to read the articles of paths (as erg_input_new). With
 * boilerplate true and no "-" among the paths, every input is first read
 * once to find the boilerplate lines (erg_boiler_add_inputs), which later
 * articles get blanked (erg_boiler_blank); stdin cannot be read twice, so
 * with "-" nothing is looked for. That first pass runs in a thread of its
 * own until the first erg_reader_next, so that the caller can load its
 * model meanwhile; its failures come from erg_reader_next. With gaz, every
 * article's outlet is named from its source (erg_gazetteer_source_outlet;
 * gaz is borrowed). paths are borrowed until erg_reader_free.
 * Fails as erg_input_new does.
 */
erg_status erg_reader_new(erg_reader **out, const char *const *paths, size_t n_paths,
                          const erg_input_options *opt, bool boilerplate, const erg_gazetteer *gaz,
                          erg_error *err);

/*
 * Blanks the boilerplate lines that b, a finished detector (erg_boiler_load,
 * or one made over a whole corpus of which these inputs are a part), says
 * are boilerplate; r takes b. For a reader made with boilerplate false,
 * before the first erg_reader_next; otherwise b is freed and nothing changes.
 */
void erg_reader_set_boiler(erg_reader *r, erg_boiler *b);

/*
 * Passes over every article whose id g already holds (erg_graph_has_article_id):
 * erg_reader_next never returns it and counts it in stats.skipped. g is
 * borrowed and must not change while the reader reads (NULL: skip nothing).
 * Used to add new articles to a saved graph (erg build --update).
 */
void erg_reader_skip_in(erg_reader *r, const erg_graph *g);

/*
 * Keeps only the articles f lets through (see erg_article_filter); the
 * others are read and passed over by erg_reader_next, counted in
 * stats.filtered (after erg_reader_skip_in's own skipping). f and its
 * strings are copied; NULL removes the filter. ERG_OK, or ERG_ENOMEM (the
 * reader then has no filter; nothing else can fail, so there is no
 * erg_error).
 */
erg_status erg_reader_set_filter(erg_reader *r, const erg_article_filter *f);

/* Sets or replaces the gazetteer that names outlets (NULL: none). */
void erg_reader_set_gazetteer(erg_reader *r, const erg_gazetteer *gaz);

/*
 * The next article in *art (borrowed from the reader until the next call):
 * ERG_OK, ERG_DONE at the end, or a failure of erg_input_next or of the
 * first pass (erg_boiler_add_inputs). An article whose id an earlier one
 * read had is passed over and counted (stats.duplicates): a corpus with a
 * repeated id builds, keeping the first.
 */
erg_status erg_reader_next(erg_reader *r, erg_article *art, erg_error *err);

/*
 * Has fn called (in the thread calling erg_reader_next) for each article
 * that had boilerplate lines blanked, with the article as read and as
 * blanked; both are borrowed for the call only. NULL turns it off.
 */
void erg_reader_on_blank(erg_reader *r,
                         void (*fn)(void *ctx, const erg_article *read, const erg_article *blanked),
                         void *ctx);

/* Counts so far (borrowed; updated by each erg_reader_next). */
const erg_reader_stats *erg_reader_get_stats(const erg_reader *r);

void erg_reader_free(erg_reader *r);

/* The most threads erg_pipeline_build runs. */
#define ERG_MAX_THREADS 256

/* Called by erg_pipeline_build after each article joins the graph. */
typedef void (*erg_progress_fn)(void *ctx, const erg_reader_stats *stats);

/*
 * Reads every article of reader, runs it through a pipeline and adds it to
 * g (erg_graph_add_article), with n_threads pipelines at work (0: the
 * number of online processors; 1: all in the calling thread; more than
 * ERG_MAX_THREADS count as ERG_MAX_THREADS). Articles join
 * the graph in input order whatever n_threads is, so g ends up the same,
 * byte for byte when written. The reading and the adding run in the calling
 * thread, the pipelines in n_threads - 1 threads of their own and in the
 * calling thread when it has nothing to read or add; at most 16 * n_threads
 * articles are in flight, each copied once. progress (may be
 * NULL) is called in the calling thread. The first failure in input order
 * (of reading, a pipeline, or the graph) stops the run and is returned;
 * articles before it are in g. ERG_ENOMEM, ERG_EIO when a thread cannot be
 * started.
 */
erg_status erg_pipeline_build(const erg_resources *res, const erg_pipeline_options *o,
                              erg_reader *reader, erg_graph *g, unsigned n_threads,
                              erg_progress_fn progress, void *progress_ctx, erg_error *err);

/* The number of online processors, at least 1. */
unsigned erg_cpu_count(void);

#ifdef __cplusplus
}
#endif
#endif
