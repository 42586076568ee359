/*
 * erg/store.h: the SQLite store, one file holding a graph in two forms:
 *
 * - the partial graph (erg_graph_set_partial: every type, nothing folded),
 *   as the native JSON text in the one row of table "partial": what lets
 *   more articles be added later with the same result as a fresh build
 *   (erg build --update) and what erg merge reads;
 * - the finished graph in normal tables that sqlite3, sqlite-utils and
 *   Datasette browse with no help (schema version ERG_STORE_SCHEMA_VERSION,
 *   documented in README.md, "The SQLite store"):
 *     meta(key PRIMARY KEY, value): format, schema_version, types, window,
 *         evidence, corpus_resolve, analysis, generation, timeline ("on",
 *         or "off" for a graph from a file older than version 4)
 *     entities(id INTEGER PRIMARY KEY, key UNIQUE, name, type, mentions,
 *         articles, first_date, last_date, ambiguous, [one column per
 *         score], [community])
 *     aliases(entity_id -> entities, name, count, rule)
 *     votes(entity_id -> entities, type, count)
 *     edges(id INTEGER PRIMARY KEY, source_id, target_id -> entities, kind,
 *         weight, count, articles, first_date, last_date, confidence,
 *         patterns): confidence and patterns (space-separated) NULL for
 *         co_mention and for a typed edge without a score (version 3)
 *     edge_outlets(edge_id -> edges, outlet)
 *     entity_timeline(entity_id -> entities, date, outlet, mentions,
 *         articles), edge_timeline(edge_id -> edges, date, outlet, count,
 *         articles, weight): the timelines (erg_tally), date and outlet NULL
 *         when not known
 *     articles(id TEXT PRIMARY KEY, title, date, source, url): the cited ones
 *     article_ids(hash TEXT PRIMARY KEY): every article, 16 hex digits
 *     sentences(id INTEGER PRIMARY KEY, article_id -> articles, start, end,
 *         text), each evidence sentence once
 *     evidence(edge_id -> edges, sentence_id -> sentences)
 *     sentences_fts: FTS5 over sentences.text (content='sentences')
 *     name_keys(key, entity_id -> entities): the merge keys a name is looked
 *         up by (erg_names_lookup): each entity's key, the key of its name
 *         and of each alias
 *   Reading these tables back gives the same graph (erg_store_load).
 */
#ifndef ERG_STORE_H
#define ERG_STORE_H

#include "erg/common.h"
#include "erg/export.h"
#include "erg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The version of the tables this code writes and reads ("schema_version" in meta). */
#define ERG_STORE_SCHEMA_VERSION 3

/* The build options a store records (meta), so that an update builds as the first run did. */
typedef struct erg_store_options {
    unsigned type_mask;   /* --types: the types kept in the finished graph */
    erg_window window;    /* --window */
    unsigned evidence;    /* evidence records kept per edge */
    bool corpus_resolve;  /* corpus-level name resolution on */
    const char *analysis; /* the analysis options given, as words ("--rank pagerank"); NULL: none */
    /*
     * How many times the store was written (meta "generation"): what
     * erg_store_options_get read, which an in-place erg_store_write checks
     * is still the store's (so that two updates that read the same store
     * cannot both write it, the second losing the first's articles).
     */
    unsigned long long generation;
} erg_store_options;

/* true when path ends in .db, .sqlite or .sqlite3 (case-insensitive): a store by its name. */
bool erg_store_path(const char *path);

/*
 * Writes a store to path in one transaction: partial (a finished partial
 * graph, erg_graph_set_partial) as native JSON in table "partial", finished
 * (a finished graph) in the tables above with extras' scores and
 * communities (may be NULL) as columns of entities, and o in meta.
 * in_place false: the store is written to a temporary file in path's folder
 * and renamed into place, so a failed run leaves no file and an old one
 * whole. in_place true: path must be a store already; its tables are
 * dropped and written again between BEGIN IMMEDIATE and COMMIT, so that
 * SQLite's journal leaves the old store whole if the process dies at any
 * point. ERG_EINVAL (a graph not finished, partial not partial, an
 * attribute name erg_graph_check_attrs refuses or that is "key",
 * "ambiguous" or "community"), ERG_EIO (SQLite failed: its message; or,
 * in place, the store's generation is no longer o->generation: another
 * writer came between, and nothing is written), ERG_ENOMEM. The store
 * written records generation o->generation + 1 in place, 1 otherwise.
 */
erg_status erg_store_write(const char *path, bool in_place, const erg_graph *partial,
                           const erg_graph *finished, const erg_export_options *extras,
                           const erg_store_options *o, erg_error *err);

typedef struct erg_store erg_store;

/*
 * Opens an existing store (read and write when the file allows it, so that
 * SQLite can roll back the journal of an update that died; else read
 * only). ERG_ENOTFOUND when path does not exist, ERG_EFORMAT when it is not
 * an SQLite file or not an erg store of this schema version, ERG_EIO.
 * Close with erg_store_close.
 */
erg_status erg_store_open(erg_store **out, const char *path, erg_error *err);
void erg_store_close(erg_store *s);

/*
 * The options the store records, into *o (o->analysis is borrowed from s
 * until erg_store_close; NULL when none were given). ERG_EFORMAT when meta
 * lacks one or holds a value that does not parse.
 */
erg_status erg_store_options_get(erg_store *s, erg_store_options *o, erg_error *err);

/*
 * The partial graph (finished, marked partial) in a new graph (*out, the
 * caller frees it). Fails as erg_graph_load_stream, naming the store.
 */
erg_status erg_store_load_partial(erg_store *s, erg_graph **out, erg_error *err);

/*
 * The finished graph read from the tables into a new finished graph (*out,
 * the caller frees it): written to the native JSON layout in memory and
 * loaded with erg_graph_load_stream, so that it is the graph the store was
 * written from (written to native JSON, the same bytes). Scores and
 * communities are not read. ERG_EFORMAT for rows the loader refuses, ERG_EIO,
 * ERG_ENOMEM. O(rows).
 */
erg_status erg_store_load(erg_store *s, erg_graph **out, erg_error *err);

/*
 * The neighbourhood of a name, read without the rest of the graph: a new
 * finished graph (*out, the caller frees it) of the entities whose merge
 * key, name's key or an alias's key is name's merge key (the candidates
 * erg_names_lookup weighs), every entity linked to one of them, the edges
 * that touch a candidate, and the articles and sentences their evidence
 * cites. Records are whole (an entity keeps its aliases and counts, an
 * edge its evidence), so what a query about one of the candidates reads of
 * its own edges and neighbours is what it reads in the whole graph; the
 * graph's "articles" count is the cited articles'. ERG_ENOTFOUND when no
 * entity has that key (the caller may then read the whole graph, where a
 * title dropped or a close name may still find one); otherwise fails as
 * erg_store_load. O(the neighbourhood) with the store's indexes.
 */
erg_status erg_store_load_around(erg_store *s, const char *name, erg_graph **out, erg_error *err);

#ifdef __cplusplus
}
#endif
#endif
