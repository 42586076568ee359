/*
 * store.c: the SQLite store (see erg/store.h): the partial graph as native
 * JSON text and the finished graph in browsable tables, written in one
 * transaction, and both read back.
 */
#include "erg/store.h"
#include "erg/text.h"

#include <errno.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

struct erg_store {
    sqlite3 *db;
    char *path;
    char *analysis; /* meta "analysis", NULL when none */
};

/* The words of meta "window", in erg_window order. */
static const char *const window_words[] = {"sentence", "paragraph", "article"};

bool erg_store_path(const char *path)
{
    static const char *const exts[] = {".db", ".sqlite", ".sqlite3"};
    if (!path)
        return false;
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t m = strlen(exts[i]);
        if (n > m && strcasecmp(path + n - m, exts[i]) == 0)
            return true;
    }
    return false;
}

/* ERG_EIO with SQLite's message about db (or rc when there is no db). */
static erg_status db_fail(erg_error *err, sqlite3 *db, int rc, const char *path, const char *what)
{
    if (rc == SQLITE_NOMEM)
        return erg_error_oom(err);
    erg_status st = rc == SQLITE_NOTADB ? ERG_EFORMAT : ERG_EIO;
    return erg_error_set(err, st, path, 0, -1, "%s: %s", what,
                         db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

static erg_status exec(sqlite3 *db, const char *sql, const char *path, erg_error *err)
{
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? ERG_OK : db_fail(err, db, rc, path, "SQLite");
}

/* ---- writing -------------------------------------------------------------------- */

/* The tables of schema version 1 (the entities table is made apart: its columns vary). */
static const char schema_drop[] = "DROP TABLE IF EXISTS sentences_fts;"
                                  "DROP TABLE IF EXISTS name_keys;"
                                  "DROP TABLE IF EXISTS evidence;"
                                  "DROP TABLE IF EXISTS sentences;"
                                  "DROP TABLE IF EXISTS article_ids;"
                                  "DROP TABLE IF EXISTS articles;"
                                  "DROP TABLE IF EXISTS edge_timeline;"
                                  "DROP TABLE IF EXISTS entity_timeline;"
                                  "DROP TABLE IF EXISTS edge_outlets;"
                                  "DROP TABLE IF EXISTS edges;"
                                  "DROP TABLE IF EXISTS votes;"
                                  "DROP TABLE IF EXISTS aliases;"
                                  "DROP TABLE IF EXISTS entities;"
                                  "DROP TABLE IF EXISTS partial;"
                                  "DROP TABLE IF EXISTS meta;";

static const char schema_meta[] = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                                  "CREATE TABLE partial (id INTEGER PRIMARY KEY CHECK (id = 1),"
                                  " graph TEXT NOT NULL);";

static const char schema_tables[] =
    "CREATE TABLE aliases (entity_id INTEGER NOT NULL REFERENCES entities(id),"
    " name TEXT NOT NULL, count INTEGER NOT NULL, rule TEXT NOT NULL);"
    "CREATE INDEX aliases_entity ON aliases(entity_id);"
    "CREATE TABLE votes (entity_id INTEGER NOT NULL REFERENCES entities(id),"
    " type TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (entity_id, type));"
    "CREATE TABLE edges (id INTEGER PRIMARY KEY,"
    " source_id INTEGER NOT NULL REFERENCES entities(id),"
    " target_id INTEGER NOT NULL REFERENCES entities(id), kind TEXT NOT NULL,"
    " weight REAL NOT NULL, count INTEGER NOT NULL, articles INTEGER NOT NULL,"
    " first_date TEXT, last_date TEXT, confidence REAL, patterns TEXT);"
    "CREATE INDEX edges_source ON edges(source_id);"
    "CREATE INDEX edges_target ON edges(target_id);"
    "CREATE TABLE edge_outlets (edge_id INTEGER NOT NULL REFERENCES edges(id),"
    " outlet TEXT NOT NULL, PRIMARY KEY (edge_id, outlet));"
    "CREATE TABLE entity_timeline (entity_id INTEGER NOT NULL REFERENCES entities(id),"
    " date TEXT, outlet TEXT, mentions INTEGER NOT NULL, articles INTEGER NOT NULL);"
    "CREATE INDEX entity_timeline_entity ON entity_timeline(entity_id);"
    "CREATE TABLE edge_timeline (edge_id INTEGER NOT NULL REFERENCES edges(id),"
    " date TEXT, outlet TEXT, count INTEGER NOT NULL, articles INTEGER NOT NULL,"
    " weight REAL NOT NULL);"
    "CREATE INDEX edge_timeline_edge ON edge_timeline(edge_id);"
    "CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, date TEXT, source TEXT,"
    " url TEXT);"
    "CREATE TABLE article_ids (hash TEXT PRIMARY KEY);"
    "CREATE TABLE sentences (id INTEGER PRIMARY KEY,"
    " article_id TEXT NOT NULL REFERENCES articles(id), start INTEGER NOT NULL,"
    " end INTEGER NOT NULL, text TEXT NOT NULL);"
    "CREATE TABLE evidence (edge_id INTEGER NOT NULL REFERENCES edges(id),"
    " sentence_id INTEGER NOT NULL REFERENCES sentences(id),"
    " PRIMARY KEY (edge_id, sentence_id));"
    "CREATE TABLE name_keys (key TEXT NOT NULL,"
    " entity_id INTEGER NOT NULL REFERENCES entities(id), PRIMARY KEY (key, entity_id))"
    " WITHOUT ROWID;"
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content=\"sentences\","
    " content_rowid=\"id\");";

/* Names the finished tables may not give a score column. */
static const char *const taken_columns[] = {"key", "ambiguous", "community"};

/* A write in progress: the connection, the path named in errors, a statement. */
typedef struct writer {
    sqlite3 *db;
    const char *path;
    sqlite3_stmt *st;
    erg_error *err;
} writer;

static erg_status prepare(writer *w, const char *sql)
{
    sqlite3_finalize(w->st);
    w->st = NULL;
    int rc = sqlite3_prepare_v2(w->db, sql, -1, &w->st, NULL);
    return rc == SQLITE_OK ? ERG_OK : db_fail(w->err, w->db, rc, w->path, "SQLite");
}

/* Binds text (NULL binds NULL); static: the string outlives the step. */
static void bind_text(writer *w, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(w->st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(w->st, i);
}

/* Steps the bound statement once and resets it. */
static erg_status step(writer *w)
{
    int rc = sqlite3_step(w->st);
    sqlite3_reset(w->st);
    sqlite3_clear_bindings(w->st);
    return rc == SQLITE_DONE ? ERG_OK : db_fail(w->err, w->db, rc, w->path, "SQLite");
}

static erg_status put_meta(writer *w, const char *key, const char *value)
{
    bind_text(w, 1, key);
    bind_text(w, 2, value);
    return step(w);
}

/* Writes the types of mask as "person,agency" into buf. */
static void mask_words(unsigned mask, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int t = 0; t < ERG_TYPE_MISC; t++)
        if (mask & ERG_TYPE_BIT(t)) {
            int k =
                snprintf(buf + len, cap - len, "%s%s", len ? "," : "", erg_type_name((erg_type)t));
            if (k < 0 || (size_t)k >= cap - len)
                return;
            len += (size_t)k;
        }
}

static erg_status write_meta(writer *w, const erg_graph *partial, const erg_store_options *o,
                             unsigned long long generation)
{
    char buf[128], num[32];
    erg_status st = prepare(w, "INSERT INTO meta(key, value) VALUES (?, ?)");
    snprintf(num, sizeof num, "%d", ERG_STORE_SCHEMA_VERSION);
    if (st == ERG_OK)
        st = put_meta(w, "format", "erg-store");
    if (st == ERG_OK)
        st = put_meta(w, "schema_version", num);
    mask_words(o->type_mask, buf, sizeof buf);
    if (st == ERG_OK)
        st = put_meta(w, "types", buf);
    if (st == ERG_OK)
        st = put_meta(w, "window", window_words[o->window]);
    snprintf(num, sizeof num, "%u", erg_graph_max_evidence(partial));
    if (st == ERG_OK)
        st = put_meta(w, "evidence", num);
    if (st == ERG_OK)
        st = put_meta(w, "corpus_resolve", o->corpus_resolve ? "on" : "off");
    if (st == ERG_OK)
        st = put_meta(w, "analysis", o->analysis);
    snprintf(num, sizeof num, "%llu", generation);
    if (st == ERG_OK)
        st = put_meta(w, "generation", num);
    /* A graph loaded from a file older than version 4 has no timeline to keep. */
    if (st == ERG_OK)
        st = put_meta(w, "timeline", erg_graph_has_timeline(partial) ? "on" : "off");
    return st;
}

/* The partial graph's native JSON, written to memory, in its one row. */
static erg_status write_partial(writer *w, const erg_graph *partial)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return erg_error_oom(w->err);
    erg_status st = erg_graph_write_json(partial, f, w->err);
    if (fclose(f) != 0 && st == ERG_OK)
        st = erg_error_oom(w->err);
    if (st == ERG_OK)
        st = prepare(w, "INSERT INTO partial(id, graph) VALUES (1, ?)");
    if (st == ERG_OK) {
        sqlite3_bind_text64(w->st, 1, text, len, SQLITE_STATIC, SQLITE_UTF8);
        st = step(w);
    }
    free(text);
    return st;
}

/* The rows of one record's timeline (the prepared statement is entity_ or edge_timeline's). */
static erg_status write_timeline(writer *w, size_t owner, const erg_tally *t, size_t n, bool weight)
{
    erg_status st = ERG_OK;
    for (size_t k = 0; st == ERG_OK && k < n; k++) {
        sqlite3_bind_int64(w->st, 1, (sqlite3_int64)owner);
        bind_text(w, 2, t[k].date);
        bind_text(w, 3, t[k].outlet);
        sqlite3_bind_int64(w->st, 4, t[k].count);
        sqlite3_bind_int64(w->st, 5, t[k].articles);
        if (weight)
            sqlite3_bind_double(w->st, 6, (double)t[k].wunits / (double)ERG_WEIGHT_UNIT);
        st = step(w);
    }
    return st;
}

/* The entities table, with a column per score and one for the community when extras has them. */
static erg_status create_entities(writer *w, const erg_export_options *x)
{
    erg_buf sql;
    erg_buf_init(&sql);
    size_t n_attrs = x ? x->n_attrs : 0;
    bool community = x && x->community;
    erg_status st = erg_buf_puts(&sql, "CREATE TABLE entities (id INTEGER PRIMARY KEY,"
                                       " key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
                                       " type TEXT NOT NULL, mentions INTEGER NOT NULL,"
                                       " articles INTEGER NOT NULL, first_date TEXT,"
                                       " last_date TEXT, ambiguous INTEGER NOT NULL");
    for (size_t a = 0; st == ERG_OK && a < n_attrs; a++)
        st = erg_buf_printf(&sql, ", \"%s\" %s", x->attrs[a].name,
                            x->attrs[a].is_int ? "INTEGER" : "REAL");
    if (st == ERG_OK && community)
        st = erg_buf_puts(&sql, ", community INTEGER");
    if (st == ERG_OK)
        st = erg_buf_puts(&sql, ")");
    if (st != ERG_OK) {
        st = erg_error_oom(w->err);
        goto cleanup;
    }
    st = exec(w->db, sql.data, w->path, w->err);
cleanup:
    erg_buf_release(&sql);
    return st;
}

static erg_status write_entities(writer *w, const erg_graph *g, const erg_export_options *x)
{
    erg_buf sql;
    erg_buf_init(&sql);
    size_t n_attrs = x ? x->n_attrs : 0;
    bool community = x && x->community;
    erg_status st = erg_buf_puts(&sql, "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?");
    for (size_t a = 0; st == ERG_OK && a < n_attrs + community; a++)
        st = erg_buf_puts(&sql, ",?");
    if (st == ERG_OK)
        st = erg_buf_puts(&sql, ")");
    if (st != ERG_OK) {
        st = erg_error_oom(w->err);
        goto cleanup;
    }
    if ((st = prepare(w, sql.data)) != ERG_OK)
        goto cleanup;
    size_t n = erg_graph_entity_count(g);
    for (size_t i = 0; st == ERG_OK && i < n; i++) {
        const erg_entity *e = erg_graph_entity(g, i);
        sqlite3_bind_int64(w->st, 1, (sqlite3_int64)i + 1);
        bind_text(w, 2, e->key);
        bind_text(w, 3, e->name);
        bind_text(w, 4, erg_type_name(e->type));
        sqlite3_bind_int64(w->st, 5, e->mentions);
        sqlite3_bind_int64(w->st, 6, e->articles);
        bind_text(w, 7, e->first_date);
        bind_text(w, 8, e->last_date);
        sqlite3_bind_int(w->st, 9, e->ambiguous);
        for (size_t a = 0; a < n_attrs; a++) {
            double v = x->attrs[a].values[i];
            if (v != v)
                sqlite3_bind_null(w->st, 10 + (int)a);
            else if (x->attrs[a].is_int)
                sqlite3_bind_int64(w->st, 10 + (int)a, (sqlite3_int64)(v < 0 ? v - 0.5 : v + 0.5));
            else
                sqlite3_bind_double(w->st, 10 + (int)a, v);
        }
        if (community) {
            if (x->community[i] >= 0)
                sqlite3_bind_int64(w->st, 10 + (int)n_attrs, (sqlite3_int64)x->community[i]);
            else
                sqlite3_bind_null(w->st, 10 + (int)n_attrs);
        }
        st = step(w);
    }
    if (st == ERG_OK)
        st = prepare(w, "INSERT INTO entity_timeline VALUES (?,?,?,?,?)");
    for (size_t i = 0; st == ERG_OK && i < n; i++) {
        const erg_entity *e = erg_graph_entity(g, i);
        st = write_timeline(w, i + 1, e->timeline, e->n_timeline, false);
    }
    if (st == ERG_OK)
        st = prepare(w, "INSERT INTO aliases VALUES (?,?,?,?)");
    for (size_t i = 0; st == ERG_OK && i < n; i++) {
        const erg_entity *e = erg_graph_entity(g, i);
        for (size_t k = 0; st == ERG_OK && k < e->n_aliases; k++) {
            sqlite3_bind_int64(w->st, 1, (sqlite3_int64)i + 1);
            bind_text(w, 2, e->aliases[k].name);
            sqlite3_bind_int64(w->st, 3, e->aliases[k].count);
            bind_text(w, 4, erg_fold_name(e->aliases[k].rule));
            st = step(w);
        }
    }
    /*
     * The merge keys a name is looked up by (erg_names_lookup): the entity's
     * key, its name's and its aliases', so that a query about one name can
     * read only the entities that name may denote (erg_store_load_around).
     */
    erg_buf key;
    erg_buf_init(&key);
    if (st == ERG_OK)
        st = prepare(w, "INSERT OR IGNORE INTO name_keys VALUES (?,?)");
    for (size_t i = 0; st == ERG_OK && i < n; i++) {
        const erg_entity *e = erg_graph_entity(g, i);
        for (size_t k = 0; st == ERG_OK && k < e->n_aliases + 2; k++) {
            const char *text = k == 0 ? e->key : k == 1 ? e->name : e->aliases[k - 2].name;
            if (k > 0 && erg_text_name_key(text, strlen(text), &key) != ERG_OK) {
                st = erg_error_oom(w->err);
                break;
            }
            bind_text(w, 1, k == 0 ? text : key.data ? key.data : "");
            sqlite3_bind_int64(w->st, 2, (sqlite3_int64)i + 1);
            st = step(w);
        }
    }
    erg_buf_release(&key);
    if (st == ERG_OK)
        st = prepare(w, "INSERT INTO votes VALUES (?,?,?)");
    for (size_t i = 0; st == ERG_OK && i < n; i++) {
        const erg_entity *e = erg_graph_entity(g, i);
        for (int t = 0; st == ERG_OK && t < ERG_TYPE_COUNT; t++) {
            if (!e->type_votes[t])
                continue;
            sqlite3_bind_int64(w->st, 1, (sqlite3_int64)i + 1);
            bind_text(w, 2, erg_type_name((erg_type)t));
            sqlite3_bind_int64(w->st, 3, e->type_votes[t]);
            st = step(w);
        }
    }
cleanup:
    erg_buf_release(&sql);
    return st;
}

/* One evidence record of an edge, for numbering the distinct sentences. */
typedef struct ev_ref {
    const erg_evidence *ev;
    size_t edge;
} ev_ref;

static int cmp_ev(const void *pa, const void *pb)
{
    const erg_evidence *a = ((const ev_ref *)pa)->ev, *b = ((const ev_ref *)pb)->ev;
    int c = strcmp(a->article, b->article);
    if (c)
        return c;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    size_t ea = ((const ev_ref *)pa)->edge, eb = ((const ev_ref *)pb)->edge;
    return (ea > eb) - (ea < eb);
}

static erg_status write_edges(writer *w, const erg_graph *g)
{
    size_t m = erg_graph_edge_count(g), n_refs = 0;
    ev_ref *refs = NULL;
    erg_status st = prepare(w, "INSERT INTO edges VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    for (size_t j = 0; st == ERG_OK && j < m; j++) {
        const erg_edge *d = erg_graph_edge(g, j);
        n_refs += d->n_evidence;
        sqlite3_bind_int64(w->st, 1, (sqlite3_int64)j + 1);
        sqlite3_bind_int64(w->st, 2, (sqlite3_int64)d->source + 1);
        sqlite3_bind_int64(w->st, 3, (sqlite3_int64)d->target + 1);
        bind_text(w, 4, erg_kind_name(d->kind));
        sqlite3_bind_double(w->st, 5, erg_edge_weight(d));
        sqlite3_bind_int64(w->st, 6, d->count);
        sqlite3_bind_int64(w->st, 7, d->articles);
        bind_text(w, 8, d->first_date);
        bind_text(w, 9, d->last_date);
        char sc[8], pats[ERG_EDGE_PATTERNS_MAX];
        if (erg_edge_scored(d, sc, pats)) {
            sqlite3_bind_double(w->st, 10, (double)d->score / ERG_SCORE_UNIT);
            bind_text(w, 11, pats);
        } else {
            sqlite3_bind_null(w->st, 10);
            sqlite3_bind_null(w->st, 11);
        }
        st = step(w);
    }
    if (st == ERG_OK)
        st = prepare(w, "INSERT INTO edge_timeline VALUES (?,?,?,?,?,?)");
    for (size_t j = 0; st == ERG_OK && j < m; j++) {
        const erg_edge *d = erg_graph_edge(g, j);
        st = write_timeline(w, j + 1, d->timeline, d->n_timeline, true);
    }
    if (st == ERG_OK)
        st = prepare(w, "INSERT INTO edge_outlets VALUES (?,?)");
    for (size_t j = 0; st == ERG_OK && j < m; j++) {
        const erg_edge *d = erg_graph_edge(g, j);
        for (size_t k = 0; st == ERG_OK && k < d->n_outlets; k++) {
            sqlite3_bind_int64(w->st, 1, (sqlite3_int64)j + 1);
            bind_text(w, 2, d->outlets[k]);
            st = step(w);
        }
    }
    if (st != ERG_OK)
        return st;
    /* Each sentence once, numbered in (article, start, end) order as the native file lists them. */
    if (n_refs && !(refs = malloc(n_refs * sizeof *refs)))
        return erg_error_oom(w->err);
    size_t k = 0;
    for (size_t j = 0; j < m; j++) {
        const erg_edge *d = erg_graph_edge(g, j);
        for (size_t e = 0; e < d->n_evidence; e++)
            refs[k++] = (ev_ref){&d->evidence[e], j};
    }
    if (n_refs)
        qsort(refs, n_refs, sizeof *refs, cmp_ev);
    sqlite3_stmt *ins_ev = NULL;
    st = prepare(w, "INSERT INTO evidence VALUES (?,?)");
    if (st == ERG_OK) {
        ins_ev = w->st;
        w->st = NULL;
        st = prepare(w, "INSERT INTO sentences VALUES (?,?,?,?,?)");
    }
    sqlite3_int64 sid = 0;
    for (size_t i = 0; st == ERG_OK && i < n_refs; i++) {
        const erg_evidence *ev = refs[i].ev;
        if (i == 0 || cmp_ev(&(ev_ref){refs[i - 1].ev, 0}, &(ev_ref){ev, 0}) != 0) {
            sid++;
            sqlite3_bind_int64(w->st, 1, sid);
            bind_text(w, 2, ev->article);
            sqlite3_bind_int64(w->st, 3, ev->start);
            sqlite3_bind_int64(w->st, 4, ev->end);
            bind_text(w, 5, ev->sentence);
            if ((st = step(w)) != ERG_OK)
                break;
        }
        sqlite3_bind_int64(ins_ev, 1, (sqlite3_int64)refs[i].edge + 1);
        sqlite3_bind_int64(ins_ev, 2, sid);
        int rc = sqlite3_step(ins_ev);
        sqlite3_reset(ins_ev);
        if (rc != SQLITE_DONE)
            st = db_fail(w->err, w->db, rc, w->path, "SQLite");
    }
    sqlite3_finalize(ins_ev);
    free(refs);
    if (st == ERG_OK)
        st = exec(w->db, "INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')", w->path,
                  w->err);
    return st;
}

static erg_status write_articles(writer *w, const erg_graph *g)
{
    uint64_t *ids = NULL;
    size_t n_ids = 0;
    erg_status st = prepare(w, "INSERT INTO articles VALUES (?,?,?,?,?)");
    for (size_t i = 0; st == ERG_OK && i < erg_graph_article_count(g); i++) {
        const erg_graph_article *a = erg_graph_get_article(g, i);
        bind_text(w, 1, a->id);
        bind_text(w, 2, a->title);
        bind_text(w, 3, a->date);
        bind_text(w, 4, a->source);
        bind_text(w, 5, a->url);
        st = step(w);
    }
    if (st == ERG_OK)
        st = erg_graph_article_hashes(g, &ids, &n_ids, w->err);
    if (st == ERG_OK)
        st = prepare(w, "INSERT INTO article_ids VALUES (?)");
    for (size_t i = 0; st == ERG_OK && i < n_ids; i++) {
        char hex[17];
        snprintf(hex, sizeof hex, "%016" PRIx64, ids[i]);
        sqlite3_bind_text(w->st, 1, hex, 16, SQLITE_TRANSIENT);
        st = step(w);
    }
    free(ids);
    return st;
}

static erg_status check_write(const erg_graph *partial, const erg_graph *finished,
                              const erg_export_options *x, const erg_store_options *o,
                              erg_error *err)
{
    if (!partial || !finished || !o || !erg_graph_partial(partial, NULL, NULL) ||
        !erg_graph_is_finished(partial) || !erg_graph_is_finished(finished) ||
        (unsigned)o->window > ERG_WINDOW_ARTICLE)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "a store takes a finished partial graph and a finished graph");
    if (!x)
        return ERG_OK;
    erg_status st = erg_graph_check_attrs(x->attrs, x->n_attrs, err);
    for (size_t a = 0; st == ERG_OK && a < x->n_attrs; a++)
        for (size_t t = 0; t < sizeof taken_columns / sizeof *taken_columns; t++)
            if (strcmp(x->attrs[a].name, taken_columns[t]) == 0)
                return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                     "'%s' is a column of the entities table", taken_columns[t]);
    return st;
}

/* In place: the store must still be the one read (its generation unchanged). */
static erg_status check_generation(writer *w, unsigned long long want)
{
    erg_status st = prepare(w, "SELECT value FROM meta WHERE key = 'generation'");
    if (st != ERG_OK)
        return erg_error_set(w->err, ERG_EFORMAT, w->path, 0, -1, "not an erg store");
    int rc = sqlite3_step(w->st);
    const char *v = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(w->st, 0) : NULL;
    unsigned long long have = v ? strtoull(v, NULL, 10) : 0;
    if (have != want)
        st = erg_error_set(w->err, ERG_EIO, w->path, 0, -1,
                           "the store changed since it was read (generation %llu, not %llu: "
                           "another update wrote it); run this update again",
                           have, want);
    sqlite3_finalize(w->st);
    w->st = NULL;
    return st;
}

/* A temporary name beside path: "path.tmp-XXXXXX", made by mkstemp. */
static erg_status temp_beside(const char *path, char **out, erg_error *err)
{
    size_t n = strlen(path);
    char *t = malloc(n + 12);
    if (!t)
        return erg_error_oom(err);
    memcpy(t, path, n);
    memcpy(t + n, ".tmp-XXXXXX", 12);
    int fd = mkstemp(t);
    if (fd < 0) {
        erg_status st = erg_error_set(err, ERG_EIO, path, 0, -1,
                                      "cannot create a file beside it: %s", strerror(errno));
        free(t);
        return st;
    }
    /* mkstemp creates 0600; a store is not a secret, so follow the umask as erg_outfile does. */
    mode_t um = umask(0);
    umask(um);
    fchmod(fd, 0666 & ~um);
    close(fd);
    erg_temp_track(t);
    *out = t;
    return ERG_OK;
}

erg_status erg_store_write(const char *path, bool in_place, const erg_graph *partial,
                           const erg_graph *finished, const erg_export_options *extras,
                           const erg_store_options *o, erg_error *err)
{
    char *tmp = NULL;
    writer w = {NULL, path, NULL, err};
    bool began = false;
    erg_status st = check_write(partial, finished, extras, o, err);
    if (st != ERG_OK)
        return st;
    if (!in_place && (st = temp_beside(path, &tmp, err)) != ERG_OK)
        return st;
    int flags = SQLITE_OPEN_READWRITE | (in_place ? 0 : SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(in_place ? path : tmp, &w.db, flags, NULL);
    if (rc != SQLITE_OK) {
        st = db_fail(err, w.db, rc, path, "cannot open");
        goto cleanup;
    }
    sqlite3_busy_timeout(w.db, 10000);
    /* A new file is renamed into place whole: it needs no journal. */
    if (!in_place && (st = exec(w.db, "PRAGMA journal_mode=OFF", path, err)) != ERG_OK)
        goto cleanup;
    if ((st = exec(w.db, "BEGIN IMMEDIATE", path, err)) != ERG_OK)
        goto cleanup;
    began = true;
    if (in_place && (st = check_generation(&w, o->generation)) != ERG_OK)
        goto cleanup;
    if ((st = exec(w.db, schema_drop, path, err)) != ERG_OK ||
        (st = exec(w.db, schema_meta, path, err)) != ERG_OK ||
        (st = create_entities(&w, extras)) != ERG_OK ||
        (st = exec(w.db, schema_tables, path, err)) != ERG_OK ||
        (st = write_meta(&w, partial, o, in_place ? o->generation + 1 : 1)) != ERG_OK ||
        (st = write_partial(&w, partial)) != ERG_OK ||
        (st = write_entities(&w, finished, extras)) != ERG_OK ||
        (st = write_articles(&w, finished)) != ERG_OK || (st = write_edges(&w, finished)) != ERG_OK)
        goto cleanup;
    sqlite3_finalize(w.st);
    w.st = NULL;
    if ((st = exec(w.db, "COMMIT", path, err)) != ERG_OK)
        goto cleanup;
    began = false;
    rc = sqlite3_close(w.db);
    w.db = NULL;
    if (rc != SQLITE_OK) {
        st = db_fail(err, NULL, rc, path, "cannot close");
        goto cleanup;
    }
    if (tmp && rename(tmp, path) != 0) {
        st = erg_error_set(err, ERG_EIO, path, 0, -1, "cannot rename the new store into place: %s",
                           strerror(errno));
        goto cleanup;
    }
    if (tmp) {
        erg_temp_untrack(tmp);
        free(tmp);
        tmp = NULL;
    }
cleanup:
    sqlite3_finalize(w.st);
    if (began)
        sqlite3_exec(w.db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(w.db);
    if (tmp) {
        unlink(tmp);
        erg_temp_untrack(tmp);
    }
    free(tmp);
    return st;
}

/* ---- reading -------------------------------------------------------------------- */

/* The value of meta key (a malloc'd copy in *out, NULL when absent or NULL). */
static erg_status meta_get(erg_store *s, const char *key, char **out, erg_error *err)
{
    sqlite3_stmt *q = NULL;
    *out = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?", -1, &q, NULL);
    if (rc != SQLITE_OK)
        return db_fail(err, s->db, rc, s->path, "not an erg store");
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    erg_status st = ERG_OK;
    rc = sqlite3_step(q);
    if (rc == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL) {
        const char *v = (const char *)sqlite3_column_text(q, 0);
        if (!v || !(*out = strdup(v)))
            st = erg_error_oom(err);
    } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        st = db_fail(err, s->db, rc, s->path, "SQLite");
    }
    sqlite3_finalize(q);
    return st;
}

erg_status erg_store_open(erg_store **out, const char *path, erg_error *err)
{
    *out = NULL;
    if (access(path, F_OK) != 0)
        return erg_error_set(err, ERG_ENOTFOUND, path, 0, -1, "no such file");
    erg_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return erg_error_oom(err);
    }
    char *fmt = NULL, *version = NULL;
    erg_status st = ERG_OK;
    /* Read-write when allowed: SQLite then rolls back what an update that died left. */
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_close(s->db);
        s->db = NULL;
        rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY, NULL);
    }
    if (rc != SQLITE_OK) {
        st = db_fail(err, s->db, rc, path, "cannot open");
        goto cleanup;
    }
    sqlite3_busy_timeout(s->db, 10000);
    if ((st = meta_get(s, "format", &fmt, err)) != ERG_OK ||
        (st = meta_get(s, "schema_version", &version, err)) != ERG_OK) {
        if (err)
            err->status = st = st == ERG_ENOMEM ? st : ERG_EFORMAT;
        goto cleanup;
    }
    if (!fmt || strcmp(fmt, "erg-store") != 0) {
        st = erg_error_set(err, ERG_EFORMAT, path, 0, -1, "not an erg store (no meta format)");
        goto cleanup;
    }
    if (!version || atoi(version) != ERG_STORE_SCHEMA_VERSION) {
        st = erg_error_set(err, ERG_EFORMAT, path, 0, -1,
                           "store schema version %s; this erg reads version %d: build the "
                           "store again",
                           version ? version : "(none)", ERG_STORE_SCHEMA_VERSION);
        goto cleanup;
    }
    if ((st = meta_get(s, "analysis", &s->analysis, err)) != ERG_OK)
        goto cleanup;
    *out = s;
    s = NULL;
cleanup:
    free(fmt);
    free(version);
    erg_store_close(s);
    return st;
}

void erg_store_close(erg_store *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    free(s->path);
    free(s->analysis);
    free(s);
}

erg_status erg_store_options_get(erg_store *s, erg_store_options *o, erg_error *err)
{
    char *types = NULL, *window = NULL, *evidence = NULL, *resolve = NULL, *gen = NULL;
    erg_status st;
    if ((st = meta_get(s, "types", &types, err)) != ERG_OK ||
        (st = meta_get(s, "window", &window, err)) != ERG_OK ||
        (st = meta_get(s, "evidence", &evidence, err)) != ERG_OK ||
        (st = meta_get(s, "corpus_resolve", &resolve, err)) != ERG_OK ||
        (st = meta_get(s, "generation", &gen, err)) != ERG_OK)
        goto cleanup;
    const char *bad = !types      ? "types"
                      : !window   ? "window"
                      : !evidence ? "evidence"
                      : !resolve  ? "corpus_resolve"
                                  : NULL;
    char *end = NULL;
    long ev = evidence ? strtol(evidence, &end, 10) : 0;
    if (!bad && erg_type_mask_parse(types, &o->type_mask, NULL) != ERG_OK)
        bad = "types";
    if (!bad && erg_window_parse(window, &o->window) != ERG_OK)
        bad = "window";
    if (!bad && (*end || ev < 1 || ev > (long)ERG_GRAPH_MAX_EVIDENCE))
        bad = "evidence";
    if (!bad && strcmp(resolve, "on") != 0 && strcmp(resolve, "off") != 0)
        bad = "corpus_resolve";
    char *gen_end = NULL;
    unsigned long long g = gen ? strtoull(gen, &gen_end, 10) : 0;
    if (!bad && (!gen || !*gen || *gen_end || g == 0))
        bad = "generation";
    if (bad) {
        st = erg_error_set(err, ERG_EFORMAT, s->path, 0, -1, "meta '%s' is missing or malformed",
                           bad);
        goto cleanup;
    }
    o->evidence = (unsigned)ev;
    o->corpus_resolve = strcmp(resolve, "on") == 0;
    o->analysis = s->analysis;
    o->generation = g;
cleanup:
    free(gen);
    free(types);
    free(window);
    free(evidence);
    free(resolve);
    return st;
}

/* Loads native JSON text (len bytes) into a new graph, naming the store in errors. */
static erg_status load_text(const erg_store *s, const char *text, size_t len, erg_graph **out,
                            erg_error *err)
{
    if (len == 0)
        return erg_error_set(err, ERG_EFORMAT, s->path, 0, -1, "the store holds no graph");
    FILE *f = fmemopen((void *)text, len, "r");
    if (!f)
        return erg_error_oom(err);
    erg_status st = erg_graph_load_stream(out, f, s->path, err);
    fclose(f);
    return st;
}

erg_status erg_store_load_partial(erg_store *s, erg_graph **out, erg_error *err)
{
    sqlite3_stmt *q = NULL;
    *out = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT graph FROM partial WHERE id = 1", -1, &q, NULL);
    if (rc != SQLITE_OK)
        return db_fail(err, s->db, rc, s->path, "SQLite");
    erg_status st;
    rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(q, 0);
        size_t len = (size_t)sqlite3_column_bytes(q, 0);
        st = text ? load_text(s, text, len, out, err)
                  : erg_error_set(err, ERG_EFORMAT, s->path, 0, -1, "the partial graph is empty");
    } else if (rc == SQLITE_DONE) {
        st = erg_error_set(err, ERG_EFORMAT, s->path, 0, -1, "the store holds no partial graph");
    } else {
        st = db_fail(err, s->db, rc, s->path, "SQLite");
    }
    sqlite3_finalize(q);
    if (st == ERG_OK && !erg_graph_partial(*out, NULL, NULL)) {
        erg_graph_free(*out);
        *out = NULL;
        st =
            erg_error_set(err, ERG_EFORMAT, s->path, 0, -1, "table partial holds a finished graph");
    }
    return st;
}

/* The native JSON of the finished tables, written to f (see erg_store_load). */
typedef struct reader {
    erg_store *s;
    FILE *f;
    erg_error *err;
    /* Only the entities of temp table around_ent and the edges of around_edge. */
    bool around;
    bool timeline; /* meta "timeline" is not "off": the records get their timelines */
} reader;

/* A JSON string of s (NULL: null) to f; runs that need no escape go out in one write. */
static void put_str(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    putc('"', f);
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        const unsigned char *q = p;
        while (*q >= 0x20 && *q != '"' && *q != '\\')
            q++;
        if (q > p)
            fwrite(p, 1, (size_t)(q - p), f);
        if (!*q)
            break;
        if (*q == '"' || *q == '\\') {
            putc('\\', f);
            putc(*q, f);
        } else {
            fprintf(f, "\\u%04x", *q);
        }
        p = q + 1;
    }
    putc('"', f);
}

static const char *col_text(sqlite3_stmt *q, int i)
{
    return (const char *)sqlite3_column_text(q, i);
}

/* Prepares sql into *q, ERG_EFORMAT naming the store when a table is missing. */
static erg_status rd_prepare(reader *r, const char *sql, sqlite3_stmt **q)
{
    int rc = sqlite3_prepare_v2(r->s->db, sql, -1, q, NULL);
    if (rc == SQLITE_OK)
        return ERG_OK;
    erg_status st = db_fail(r->err, r->s->db, rc, r->s->path, "not an erg store of this version");
    if (rc == SQLITE_ERROR && r->err)
        r->err->status = st = ERG_EFORMAT;
    return st;
}

static erg_status rd_count(reader *r, const char *sql, sqlite3_int64 *out)
{
    sqlite3_stmt *q = NULL;
    erg_status st = rd_prepare(r, sql, &q);
    if (st != ERG_OK)
        return st;
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(q, 0);
    else
        st = db_fail(r->err, r->s->db, rc, r->s->path, "SQLite");
    sqlite3_finalize(q);
    return st;
}

/* Steps q; true on a row, false at the end or on failure (then *st is set). */
static bool rd_row(reader *r, sqlite3_stmt *q, erg_status *st)
{
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE && *st == ERG_OK)
        *st = db_fail(r->err, r->s->db, rc, r->s->path, "SQLite");
    return false;
}

static erg_status rd_head(reader *r)
{
    sqlite3_int64 n, m, k;
    erg_store_options o;
    erg_status st;
    if ((st = rd_count(
             r, r->around ? "SELECT count(*) FROM around_ent" : "SELECT count(*) FROM entities",
             &n)) != ERG_OK ||
        (st = rd_count(
             r, r->around ? "SELECT count(*) FROM around_edge" : "SELECT count(*) FROM edges",
             &m)) != ERG_OK ||
        (st = rd_count(
             r, r->around ? "SELECT count(*) FROM around_art" : "SELECT count(*) FROM article_ids",
             &k)) != ERG_OK ||
        (st = erg_store_options_get(r->s, &o, r->err)) != ERG_OK)
        return st;
    fprintf(r->f,
            "{\"format\":\"erg-graph\",\"version\":4,\"directed\":false,\"multigraph\":true,\n"
            "\"graph\":{\"entities\":%lld,\"edges\":%lld,\"articles\":%lld,\"max_evidence\":%u},\n",
            (long long)n, (long long)m, (long long)k, o.evidence);
    return ERG_OK;
}

static erg_status rd_articles(reader *r)
{
    sqlite3_stmt *q = NULL;
    erg_status st =
        rd_prepare(r,
                   r->around ? "SELECT id, title, date, source, url FROM articles WHERE id IN "
                               "around_art ORDER BY id"
                             : "SELECT id, title, date, source, url FROM articles ORDER BY id",
                   &q);
    static const char *const fields[] = {"id", "title", "date", "source", "url"};
    fputs("\"articles\":[", r->f);
    for (size_t i = 0; st == ERG_OK && rd_row(r, q, &st); i++) {
        fputs(i ? ",\n{" : "\n{", r->f);
        for (int c = 0; c < 5; c++) {
            if (sqlite3_column_type(q, c) == SQLITE_NULL)
                continue;
            fprintf(r->f, "%s\"%s\":", c ? "," : "", fields[c]);
            put_str(r->f, col_text(q, c));
        }
        putc('}', r->f);
    }
    sqlite3_finalize(q);
    q = NULL;
    fputs("],\n\"article_ids\":[", r->f);
    if (st == ERG_OK)
        st = rd_prepare(r,
                        r->around ? "SELECT id FROM around_art ORDER BY id"
                                  : "SELECT hash FROM article_ids ORDER BY hash",
                        &q);
    for (size_t i = 0; st == ERG_OK && rd_row(r, q, &st); i++) {
        if (i)
            putc(',', r->f);
        if (r->around) {
            /* The cited articles' own hashes: the loader wants each listed article's. */
            char hex[17];
            snprintf(hex, sizeof hex, "%016llx",
                     (unsigned long long)erg_graph_article_id_hash(col_text(q, 0)));
            put_str(r->f, hex);
        } else {
            put_str(r->f, col_text(q, 0));
        }
    }
    sqlite3_finalize(q);
    q = NULL;
    fputs("],\n\"sentences\":[", r->f);
    if (st == ERG_OK)
        st =
            rd_prepare(r,
                       r->around ? "SELECT article_id, start, end, text FROM sentences WHERE id IN "
                                   "(SELECT sentence_id FROM evidence WHERE edge_id IN "
                                   "around_edge) ORDER BY id"
                                 : "SELECT article_id, start, end, text FROM sentences ORDER BY id",
                       &q);
    for (size_t i = 0; st == ERG_OK && rd_row(r, q, &st); i++) {
        fputs(i ? ",\n{\"article\":" : "\n{\"article\":", r->f);
        put_str(r->f, col_text(q, 0));
        fprintf(r->f,
                ",\"start\":%lld,\"end\":%lld,\"text\":", (long long)sqlite3_column_int64(q, 1),
                (long long)sqlite3_column_int64(q, 2));
        put_str(r->f, col_text(q, 3));
        putc('}', r->f);
    }
    sqlite3_finalize(q);
    fputs("],\n", r->f);
    return st;
}

/*
 * Writes ,"timeline":[...] from the rows of q (ordered by owner, date, outlet;
 * column 0 the owner, then date, outlet, count, articles and, with weight, the
 * weight) that belong to owner id; *more is whether q has a row left.
 */
static void rd_timeline(reader *r, sqlite3_stmt *q, bool *more, sqlite3_int64 id, bool weight,
                        erg_status *st)
{
    if (!r->timeline)
        return;
    fputs(",\"timeline\":[", r->f);
    for (size_t k = 0; *more && sqlite3_column_int64(q, 0) == id; k++) {
        fputs(k ? ",[" : "[", r->f);
        for (int c = 1; c <= 2; c++) {
            put_str(r->f, sqlite3_column_type(q, c) == SQLITE_NULL ? NULL : col_text(q, c));
            putc(',', r->f);
        }
        fprintf(r->f, "%lld,%lld", (long long)sqlite3_column_int64(q, 3),
                (long long)sqlite3_column_int64(q, 4));
        if (weight) {
            char num[32];
            fprintf(r->f, ",%s",
                    erg_graph_format_number(sqlite3_column_double(q, 5), false, num, sizeof num));
        }
        putc(']', r->f);
        *more = rd_row(r, q, st);
    }
    putc(']', r->f);
}

static erg_status rd_nodes(reader *r)
{
    sqlite3_stmt *q = NULL, *qa = NULL, *qv = NULL, *qt = NULL;
    erg_status st =
        rd_prepare(r,
                   r->around ? "SELECT id, key, name, type, mentions, articles, first_date, "
                               "last_date, ambiguous FROM entities WHERE id IN around_ent "
                               "ORDER BY id"
                             : "SELECT id, key, name, type, mentions, articles, first_date, "
                               "last_date, ambiguous FROM entities ORDER BY id",
                   &q);
    if (st == ERG_OK)
        st = rd_prepare(r,
                        r->around ? "SELECT entity_id, name, count, rule FROM aliases "
                                    "WHERE entity_id IN around_ent ORDER BY entity_id, rowid"
                                  : "SELECT entity_id, name, count, rule FROM aliases "
                                    "ORDER BY entity_id, rowid",
                        &qa);
    if (st == ERG_OK)
        st = rd_prepare(r,
                        r->around ? "SELECT entity_id, type, count FROM votes WHERE entity_id IN "
                                    "around_ent ORDER BY entity_id, type"
                                  : "SELECT entity_id, type, count FROM votes ORDER BY "
                                    "entity_id, type",
                        &qv);
    if (st == ERG_OK)
        st = rd_prepare(r,
                        r->around ? "SELECT entity_id, date, outlet, mentions, articles FROM "
                                    "entity_timeline WHERE entity_id IN around_ent ORDER BY "
                                    "entity_id, date, outlet"
                                  : "SELECT entity_id, date, outlet, mentions, articles FROM "
                                    "entity_timeline ORDER BY entity_id, date, outlet",
                        &qt);
    bool more_a = st == ERG_OK && rd_row(r, qa, &st);
    bool more_v = st == ERG_OK && rd_row(r, qv, &st);
    bool more_t = st == ERG_OK && rd_row(r, qt, &st);
    fputs("\"nodes\":[", r->f);
    for (size_t i = 0; st == ERG_OK && rd_row(r, q, &st); i++) {
        sqlite3_int64 id = sqlite3_column_int64(q, 0);
        fputs(i ? ",\n{\"id\":" : "\n{\"id\":", r->f);
        put_str(r->f, col_text(q, 1));
        fputs(",\"name\":", r->f);
        put_str(r->f, col_text(q, 2));
        fputs(",\"type\":", r->f);
        put_str(r->f, col_text(q, 3));
        fprintf(r->f, ",\"mentions\":%lld,\"articles\":%lld", (long long)sqlite3_column_int64(q, 4),
                (long long)sqlite3_column_int64(q, 5));
        for (int c = 6; c <= 7; c++)
            if (sqlite3_column_type(q, c) != SQLITE_NULL) {
                fputs(c == 6 ? ",\"first_date\":" : ",\"last_date\":", r->f);
                put_str(r->f, col_text(q, c));
            }
        rd_timeline(r, qt, &more_t, id, false, &st);
        fputs(",\"aliases\":[", r->f);
        for (size_t k = 0; more_a && sqlite3_column_int64(qa, 0) == id; k++) {
            fputs(k ? ",{\"name\":" : "{\"name\":", r->f);
            put_str(r->f, col_text(qa, 1));
            fprintf(r->f, ",\"count\":%lld", (long long)sqlite3_column_int64(qa, 2));
            const char *rule = col_text(qa, 3);
            if (rule && strcmp(rule, "key") != 0) {
                fputs(",\"rule\":", r->f);
                put_str(r->f, rule);
            }
            putc('}', r->f);
            more_a = rd_row(r, qa, &st);
        }
        fputs("],\"votes\":{", r->f);
        for (size_t k = 0; more_v && sqlite3_column_int64(qv, 0) == id; k++) {
            if (k)
                putc(',', r->f);
            put_str(r->f, col_text(qv, 1));
            fprintf(r->f, ":%lld", (long long)sqlite3_column_int64(qv, 2));
            more_v = rd_row(r, qv, &st);
        }
        putc('}', r->f);
        if (sqlite3_column_int(q, 8))
            fputs(",\"ambiguous\":true", r->f);
        putc('}', r->f);
    }
    if (st == ERG_OK && (more_a || more_v || (r->timeline && more_t)))
        st = erg_error_set(r->err, ERG_EFORMAT, r->s->path, 0, -1,
                           "%s names an entity that is not in table entities",
                           more_a   ? "a row of aliases"
                           : more_v ? "a row of votes"
                                    : "a row of entity_timeline");
    fputs("],\n", r->f);
    sqlite3_finalize(q);
    sqlite3_finalize(qa);
    sqlite3_finalize(qv);
    sqlite3_finalize(qt);
    return st;
}

static erg_status rd_links(reader *r)
{
    sqlite3_stmt *q = NULL, *qo = NULL, *qe = NULL, *qt = NULL;
    erg_status st =
        rd_prepare(r,
                   r->around ? "SELECT e.id, s.key, t.key, e.kind, e.weight, e.count, "
                               "e.articles, e.first_date, e.last_date, e.confidence, e.patterns "
                               "FROM edges e "
                               "JOIN entities s ON s.id = e.source_id "
                               "JOIN entities t ON t.id = e.target_id "
                               "WHERE e.id IN around_edge ORDER BY e.id"
                             : "SELECT e.id, s.key, t.key, e.kind, e.weight, e.count, "
                               "e.articles, e.first_date, e.last_date, e.confidence, e.patterns "
                               "FROM edges e "
                               "JOIN entities s ON s.id = e.source_id "
                               "JOIN entities t ON t.id = e.target_id ORDER BY e.id",
                   &q);
    if (st == ERG_OK)
        st = rd_prepare(r,
                        r->around ? "SELECT edge_id, outlet FROM edge_outlets WHERE edge_id IN "
                                    "around_edge ORDER BY edge_id, outlet"
                                  : "SELECT edge_id, outlet FROM edge_outlets ORDER BY edge_id, "
                                    "outlet",
                        &qo);
    if (st == ERG_OK)
        st = rd_prepare(r,
                        r->around ? "SELECT v.edge_id, s.article_id, s.start, s.end FROM evidence "
                                    "v JOIN sentences s ON s.id = v.sentence_id WHERE v.edge_id "
                                    "IN around_edge ORDER BY v.edge_id, s.id"
                                  : "SELECT v.edge_id, s.article_id, s.start, s.end FROM evidence "
                                    "v JOIN sentences s ON s.id = v.sentence_id ORDER BY "
                                    "v.edge_id, s.id",
                        &qe);
    if (st == ERG_OK)
        st = rd_prepare(r,
                        r->around ? "SELECT edge_id, date, outlet, count, articles, weight FROM "
                                    "edge_timeline WHERE edge_id IN around_edge ORDER BY "
                                    "edge_id, date, outlet"
                                  : "SELECT edge_id, date, outlet, count, articles, weight FROM "
                                    "edge_timeline ORDER BY edge_id, date, outlet",
                        &qt);
    bool more_o = st == ERG_OK && rd_row(r, qo, &st);
    bool more_e = st == ERG_OK && rd_row(r, qe, &st);
    bool more_t = st == ERG_OK && rd_row(r, qt, &st);
    sqlite3_int64 n_rows = 0;
    fputs("\"links\":[", r->f);
    for (size_t i = 0; st == ERG_OK && rd_row(r, q, &st); i++) {
        sqlite3_int64 id = sqlite3_column_int64(q, 0);
        char num[32];
        n_rows++;
        fputs(i ? ",\n{\"source\":" : "\n{\"source\":", r->f);
        put_str(r->f, col_text(q, 1));
        fputs(",\"target\":", r->f);
        put_str(r->f, col_text(q, 2));
        fputs(",\"kind\":", r->f);
        put_str(r->f, col_text(q, 3));
        fprintf(r->f, ",\"weight\":%s,\"count\":%lld,\"articles\":%lld",
                erg_graph_format_number(sqlite3_column_double(q, 4), false, num, sizeof num),
                (long long)sqlite3_column_int64(q, 5), (long long)sqlite3_column_int64(q, 6));
        for (int c = 7; c <= 8; c++)
            if (sqlite3_column_type(q, c) != SQLITE_NULL) {
                fputs(c == 7 ? ",\"first_date\":" : ",\"last_date\":", r->f);
                put_str(r->f, col_text(q, c));
            }
        /* The loader checks the pattern names and that only typed links have them. */
        if (sqlite3_column_type(q, 9) != SQLITE_NULL) {
            uint16_t score;
            char sc[8];
            if (erg_score_from(sqlite3_column_double(q, 9), &score) != ERG_OK) {
                st = erg_error_set(r->err, ERG_EFORMAT, r->s->path, 0, -1,
                                   "edge %lld: confidence is not a number from 0 to 1",
                                   (long long)id);
                break;
            }
            fprintf(r->f, ",\"confidence\":%s", erg_score_format(score, sc));
        }
        if (sqlite3_column_type(q, 10) != SQLITE_NULL) {
            const char *p = col_text(q, 10);
            fputs(",\"patterns\":[", r->f);
            for (bool first = true; *p;) {
                size_t n = strcspn(p, " ");
                if (n) {
                    char name[32];
                    snprintf(name, sizeof name, "%.*s", (int)(n < 31 ? n : 31), p);
                    if (!first)
                        putc(',', r->f);
                    put_str(r->f, name);
                    first = false;
                }
                p += n + (p[n] == ' ');
            }
            putc(']', r->f);
        }
        fputs(",\"outlets\":[", r->f);
        for (size_t k = 0; more_o && sqlite3_column_int64(qo, 0) == id; k++) {
            if (k)
                putc(',', r->f);
            put_str(r->f, col_text(qo, 1));
            more_o = rd_row(r, qo, &st);
        }
        putc(']', r->f);
        rd_timeline(r, qt, &more_t, id, true, &st);
        fputs(",\"evidence\":[", r->f);
        for (size_t k = 0; more_e && sqlite3_column_int64(qe, 0) == id; k++) {
            fputs(k ? ",{\"article\":" : "{\"article\":", r->f);
            put_str(r->f, col_text(qe, 1));
            fprintf(r->f, ",\"start\":%lld,\"end\":%lld}", (long long)sqlite3_column_int64(qe, 2),
                    (long long)sqlite3_column_int64(qe, 3));
            more_e = rd_row(r, qe, &st);
        }
        fputs("]}", r->f);
    }
    sqlite3_int64 m = 0;
    if (st == ERG_OK &&
        (st = rd_count(
             r, r->around ? "SELECT count(*) FROM around_edge" : "SELECT count(*) FROM edges",
             &m)) == ERG_OK &&
        (m != n_rows || more_o || more_e || (r->timeline && more_t)))
        st = erg_error_set(r->err, ERG_EFORMAT, r->s->path, 0, -1,
                           "table edges names an entity that is not in table entities, or "
                           "edge_outlets or evidence an edge that is not in table edges");
    fputs("]}\n", r->f);
    sqlite3_finalize(q);
    sqlite3_finalize(qo);
    sqlite3_finalize(qe);
    sqlite3_finalize(qt);
    return st;
}

/* Whether the records have timelines: meta "timeline" is not "off". */
static erg_status rd_timeline_meta(reader *r)
{
    char *v = NULL;
    erg_status st = meta_get(r->s, "timeline", &v, r->err);
    r->timeline = st == ERG_OK && !(v && strcmp(v, "off") == 0);
    free(v);
    return st;
}

erg_status erg_store_load(erg_store *s, erg_graph **out, erg_error *err)
{
    char *text = NULL;
    size_t len = 0;
    *out = NULL;
    reader r = {s, open_memstream(&text, &len), err, false, true};
    if (!r.f)
        return erg_error_oom(err);
    /* One read transaction: the tables are read as one state even while an update writes. */
    erg_status st = exec(s->db, "BEGIN", s->path, err);
    if (st == ERG_OK && (st = rd_timeline_meta(&r)) == ERG_OK && (st = rd_head(&r)) == ERG_OK &&
        (st = rd_articles(&r)) == ERG_OK && (st = rd_nodes(&r)) == ERG_OK)
        st = rd_links(&r);
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (fclose(r.f) != 0 && st == ERG_OK)
        st = erg_error_oom(err);
    if (st == ERG_OK)
        st = load_text(s, text, len, out, err);
    free(text);
    return st;
}

/* The entities a key may denote, their neighbours and the edges between, into temp tables. */
static const char around_tables[] =
    "CREATE TEMP TABLE IF NOT EXISTS around_cand (id INTEGER PRIMARY KEY);"
    "CREATE TEMP TABLE IF NOT EXISTS around_ent (id INTEGER PRIMARY KEY);"
    "CREATE TEMP TABLE IF NOT EXISTS around_edge (id INTEGER PRIMARY KEY);"
    "CREATE TEMP TABLE IF NOT EXISTS around_art (id TEXT PRIMARY KEY);"
    "DELETE FROM around_cand; DELETE FROM around_ent; DELETE FROM around_edge;"
    "DELETE FROM around_art;";

static const char around_fill[] =
    "INSERT OR IGNORE INTO around_edge SELECT e.id FROM edges e JOIN around_cand c"
    " ON e.source_id = c.id;"
    "INSERT OR IGNORE INTO around_edge SELECT e.id FROM edges e JOIN around_cand c"
    " ON e.target_id = c.id;"
    "INSERT OR IGNORE INTO around_ent SELECT id FROM around_cand;"
    "INSERT OR IGNORE INTO around_ent SELECT e.source_id FROM edges e"
    " WHERE e.id IN around_edge;"
    "INSERT OR IGNORE INTO around_ent SELECT e.target_id FROM edges e"
    " WHERE e.id IN around_edge;"
    "INSERT OR IGNORE INTO around_art SELECT s.article_id FROM evidence v"
    " JOIN sentences s ON s.id = v.sentence_id WHERE v.edge_id IN around_edge;";

erg_status erg_store_load_around(erg_store *s, const char *name, erg_graph **out, erg_error *err)
{
    char *text = NULL;
    size_t len = 0;
    sqlite3_stmt *q = NULL;
    erg_buf key;
    erg_buf_init(&key);
    *out = NULL;
    reader r = {s, NULL, err, true, true};
    if (erg_text_name_key(name, strlen(name), &key) != ERG_OK)
        return erg_error_oom(err);
    /* One read transaction: the tables are read as one state even while an update writes. */
    erg_status st = exec(s->db, "BEGIN", s->path, err);
    if (st == ERG_OK)
        st = rd_timeline_meta(&r);
    if (st == ERG_OK)
        st = exec(s->db, around_tables, s->path, err);
    if (st == ERG_OK &&
        (st = rd_prepare(&r,
                         "INSERT INTO around_cand SELECT DISTINCT entity_id FROM name_keys "
                         "WHERE key = ?",
                         &q)) == ERG_OK) {
        sqlite3_bind_text(q, 1, key.data ? key.data : "", -1, SQLITE_STATIC);
        int rc = sqlite3_step(q);
        if (rc != SQLITE_DONE)
            st = db_fail(err, s->db, rc, s->path, "SQLite");
        else if (sqlite3_changes(s->db) == 0)
            st = erg_error_set(err, ERG_ENOTFOUND, s->path, 0, -1, "no entity is named '%s'", name);
    }
    sqlite3_finalize(q);
    if (st == ERG_OK)
        st = exec(s->db, around_fill, s->path, err);
    if (st == ERG_OK && !(r.f = open_memstream(&text, &len)))
        st = erg_error_oom(err);
    if (st == ERG_OK && (st = rd_head(&r)) == ERG_OK && (st = rd_articles(&r)) == ERG_OK &&
        (st = rd_nodes(&r)) == ERG_OK)
        st = rd_links(&r);
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (r.f && fclose(r.f) != 0 && st == ERG_OK)
        st = erg_error_oom(err);
    if (st == ERG_OK)
        st = load_text(s, text, len, out, err);
    free(text);
    erg_buf_release(&key);
    return st;
}
