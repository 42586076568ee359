/*
 * test_store.c: the SQLite store of erg/store.h: written and read back to
 * the same bytes (partial and finished graphs), options and scores kept,
 * rewritten in place, and what it refuses.
 */
#include "erg/store.h"

#include "graph_build.h"

#include <check.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ALL_TYPES TB_ALL_TYPES

/* Articles first..last (1 to 3) in a new graph, finished; marked partial when partial. */
static erg_graph *build(int first, int last, bool partial)
{
    erg_graph *g = NULL;
    erg_error err;
    ck_assert_int_eq(erg_graph_new(&g, 0, &err), ERG_OK);
    for (int i = first; i <= last; i++) {
        tb_article t;
        if (i == 1)
            tb_article1(&t);
        else if (i == 2)
            tb_article2(&t);
        else
            tb_article3(&t);
        tb_add(g, &t);
    }
    if (partial)
        ck_assert_int_eq(erg_graph_set_partial(g, ERG_TYPES_DEFAULT, ERG_WINDOW_SENTENCE, &err),
                         ERG_OK);
    ck_assert_int_eq(erg_graph_finish(g, ALL_TYPES, &err), ERG_OK);
    return g;
}

/* The native JSON of g (malloc'd). */
static char *json_of(const erg_graph *g)
{
    char *text = NULL;
    size_t len = 0;
    erg_error err;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(erg_graph_write_json(g, f, &err), ERG_OK);
    fclose(f);
    return text;
}

/* A fresh path in a new temporary folder: DIR/name. */
static char dir[64];
static void tmp_path(char *buf, size_t cap, const char *name)
{
    if (!dir[0]) {
        strcpy(dir, "/tmp/erg_store_XXXXXX");
        ck_assert_ptr_nonnull(mkdtemp(dir));
    }
    snprintf(buf, cap, "%s/%s", dir, name);
    unlink(buf);
}

static const erg_store_options opts = {
    ERG_TYPES_DEFAULT, ERG_WINDOW_SENTENCE, 3, true, "--rank pagerank", 0};

/* Asserts that the store at path holds partial and finished (as their native JSON). */
static void assert_holds(const char *path, const erg_graph *partial, const erg_graph *finished)
{
    erg_store *s = NULL;
    erg_graph *p = NULL, *f = NULL;
    erg_error err;
    ck_assert_int_eq(erg_store_open(&s, path, &err), ERG_OK);
    ck_assert_int_eq(erg_store_load_partial(s, &p, &err), ERG_OK);
    ck_assert_int_eq(erg_store_load(s, &f, &err), ERG_OK);
    char *a = json_of(partial), *b = json_of(p), *c = json_of(finished), *d = json_of(f);
    ck_assert_str_eq(a, b);
    ck_assert_str_eq(c, d);
    ck_assert(erg_graph_partial(p, NULL, NULL));
    ck_assert(!erg_graph_partial(f, NULL, NULL));
    free(a);
    free(b);
    free(c);
    free(d);
    erg_graph_free(p);
    erg_graph_free(f);
    erg_store_close(s);
}

START_TEST(test_round_trip)
{
    char path[128];
    tmp_path(path, sizeof path, "g.db");
    erg_graph *partial = build(1, 3, true), *finished = build(1, 3, false);
    size_t n = erg_graph_entity_count(finished);
    double *score = calloc(n, sizeof *score);
    igraph_integer_t *comm = calloc(n, sizeof *comm);
    for (size_t i = 0; i < n; i++) {
        score[i] = i == 0 ? NAN : 0.25 * (double)i;
        comm[i] = i == 1 ? -1 : (igraph_integer_t)(i % 2);
    }
    erg_node_attr attr = {"pagerank", false, score};
    erg_export_options x = {.attrs = &attr, .n_attrs = 1, .community = comm};
    erg_error err;
    ck_assert_int_eq(erg_store_write(path, false, partial, finished, &x, &opts, &err), ERG_OK);
    assert_holds(path, partial, finished);

    /* The options come back as written. */
    erg_store *s = NULL;
    erg_store_options o;
    ck_assert_int_eq(erg_store_open(&s, path, &err), ERG_OK);
    ck_assert_int_eq(erg_store_options_get(s, &o, &err), ERG_OK);
    ck_assert_uint_eq(o.type_mask, ERG_TYPES_DEFAULT);
    ck_assert_int_eq(o.window, ERG_WINDOW_SENTENCE);
    ck_assert_uint_eq(o.evidence, 3);
    ck_assert(o.corpus_resolve);
    ck_assert_str_eq(o.analysis, "--rank pagerank");
    erg_store_close(s);

    /* Scores and communities are columns; NaN and < 0 are NULL; the tables are browsable. */
    sqlite3 *db = NULL;
    sqlite3_stmt *q = NULL;
    ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db,
                                        "SELECT id, pagerank, community FROM entities ORDER BY id",
                                        -1, &q, NULL),
                     SQLITE_OK);
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
        ck_assert_int_eq(sqlite3_column_int64(q, 0), (sqlite3_int64)i + 1);
        if (i == 0)
            ck_assert_int_eq(sqlite3_column_type(q, 1), SQLITE_NULL);
        else
            ck_assert_double_eq(sqlite3_column_double(q, 1), score[i]);
        if (i == 1)
            ck_assert_int_eq(sqlite3_column_type(q, 2), SQLITE_NULL);
        else
            ck_assert_int_eq(sqlite3_column_int64(q, 2), comm[i]);
    }
    ck_assert_int_eq(sqlite3_step(q), SQLITE_DONE);
    sqlite3_finalize(q);
    ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &q, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(q), SQLITE_DONE);
    sqlite3_finalize(q);
    ck_assert_int_eq(sqlite3_prepare_v2(db,
                                        "SELECT count(*) FROM sentences_fts WHERE sentences_fts "
                                        "MATCH 'Reuters OR Blair OR Bush OR Trump OR Kim'",
                                        -1, &q, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(q), SQLITE_ROW);
    ck_assert_int_gt(sqlite3_column_int(q, 0), 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    free(score);
    free(comm);
    erg_graph_free(partial);
    erg_graph_free(finished);
}
END_TEST

START_TEST(test_in_place)
{
    char path[128];
    tmp_path(path, sizeof path, "u.db");
    erg_graph *p12 = build(1, 2, true), *f12 = build(1, 2, false);
    erg_graph *p3 = build(1, 3, true), *f3 = build(1, 3, false);
    erg_error err;
    /* in place needs a store there already */
    ck_assert_int_ne(erg_store_write(path, true, p12, f12, NULL, &opts, &err), ERG_OK);
    ck_assert_int_ne(access(path, F_OK), 0);
    ck_assert_int_eq(erg_store_write(path, false, p12, f12, NULL, &opts, &err), ERG_OK);
    assert_holds(path, p12, f12);
    ck_assert(erg_graph_has_article_id(p12, "a1"));
    ck_assert(!erg_graph_has_article_id(p12, "a3"));
    ck_assert(!erg_graph_has_article_id(NULL, "a1"));
    erg_store *s = NULL;
    erg_store_options o;
    ck_assert_int_eq(erg_store_open(&s, path, &err), ERG_OK);
    ck_assert_int_eq(erg_store_options_get(s, &o, &err), ERG_OK);
    ck_assert_uint_eq(o.generation, 1);
    erg_store_close(s);
    erg_store_options o2 = opts;
    o2.analysis = NULL;
    o2.generation = 1;
    ck_assert_int_eq(erg_store_write(path, true, p3, f3, NULL, &o2, &err), ERG_OK);
    assert_holds(path, p3, f3);
    ck_assert_int_eq(erg_store_open(&s, path, &err), ERG_OK);
    ck_assert_int_eq(erg_store_options_get(s, &o, &err), ERG_OK);
    ck_assert_ptr_null(o.analysis);
    ck_assert_uint_eq(o.generation, 2);
    erg_store_close(s);
    /* A writer that read generation 1 came second: refused, the store as the first left it. */
    ck_assert_int_eq(erg_store_write(path, true, p12, f12, NULL, &o2, &err), ERG_EIO);
    ck_assert_ptr_nonnull(strstr(err.text, "changed since it was read"));
    assert_holds(path, p3, f3);
    /* A new store by rename replaces the old one whole. */
    ck_assert_int_eq(erg_store_write(path, false, p12, f12, NULL, &opts, &err), ERG_OK);
    assert_holds(path, p12, f12);
    erg_graph_free(p12);
    erg_graph_free(f12);
    erg_graph_free(p3);
    erg_graph_free(f3);
}
END_TEST

START_TEST(test_refused)
{
    char path[128], other[128];
    tmp_path(path, sizeof path, "r.db");
    erg_graph *p = build(1, 3, true), *f = build(1, 3, false);
    erg_error err;
    /* the partial slot takes a partial graph; attribute names that are columns are refused */
    ck_assert_int_eq(erg_store_write(path, false, f, f, NULL, &opts, &err), ERG_EINVAL);
    size_t n = erg_graph_entity_count(f);
    double *v = calloc(n, sizeof *v);
    erg_node_attr bad = {"key", false, v};
    erg_export_options x = {.attrs = &bad, .n_attrs = 1};
    ck_assert_int_eq(erg_store_write(path, false, p, f, &x, &opts, &err), ERG_EINVAL);
    bad.name = "name";
    ck_assert_int_eq(erg_store_write(path, false, p, f, &x, &opts, &err), ERG_EINVAL);
    free(v);
    ck_assert_int_ne(access(path, F_OK), 0);
    /* a folder that does not exist: nothing written */
    snprintf(other, sizeof other, "%s/no/such/g.db", dir);
    ck_assert_int_eq(erg_store_write(other, false, p, f, NULL, &opts, &err), ERG_EIO);
    /* opening: missing, not SQLite, SQLite but not a store, another schema version */
    erg_store *s = NULL;
    ck_assert_int_eq(erg_store_open(&s, path, &err), ERG_ENOTFOUND);
    tmp_path(other, sizeof other, "text.db");
    FILE *t = fopen(other, "w");
    fputs("this is not a database, it is a text file long enough to have a header......\n", t);
    fclose(t);
    ck_assert_int_eq(erg_store_open(&s, other, &err), ERG_EFORMAT);
    ck_assert_ptr_null(s);
    tmp_path(other, sizeof other, "plain.db");
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(other, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE x(y)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    ck_assert_int_eq(erg_store_open(&s, other, &err), ERG_EFORMAT);
    ck_assert_int_eq(erg_store_write(path, false, p, f, NULL, &opts, &err), ERG_OK);
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    ck_assert_int_eq(erg_store_open(&s, path, &err), ERG_EFORMAT);
    ck_assert_ptr_nonnull(strstr(err.text, "version 99"));
    /* rows that do not hold together are refused by the loader, named */
    ck_assert_int_eq(erg_store_write(path, false, p, f, NULL, &opts, &err), ERG_OK);
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "DELETE FROM article_ids WHERE rowid = 1", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    erg_graph *g = NULL;
    ck_assert_int_eq(erg_store_open(&s, path, &err), ERG_OK);
    ck_assert_int_eq(erg_store_load(s, &g, &err), ERG_EFORMAT);
    ck_assert_ptr_null(g);
    ck_assert_str_eq(err.source, path);
    erg_store_close(s);
    ck_assert(erg_store_path("a/b.DB") && erg_store_path("x.sqlite3") &&
              erg_store_path("x.sqlite"));
    ck_assert(!erg_store_path("x.json") && !erg_store_path(".db") && !erg_store_path(NULL));
    erg_graph_free(p);
    erg_graph_free(f);
}
END_TEST

/* The edges of g that touch the entity with key k, as "source|target|kind|weight|evidence" lines.
 */
static char *edges_of(const erg_graph *g, const char *k)
{
    erg_buf b;
    erg_buf_init(&b);
    for (size_t i = 0; i < erg_graph_edge_count(g); i++) {
        const erg_edge *e = erg_graph_edge(g, i);
        const erg_entity *s = erg_graph_entity(g, e->source), *t = erg_graph_entity(g, e->target);
        if (strcmp(s->key, k) != 0 && strcmp(t->key, k) != 0)
            continue;
        ck_assert_int_eq(erg_buf_printf(&b, "%s|%s|%s|%.17g|%zu|%s:%u\n", s->key, t->key,
                                        erg_kind_name(e->kind), erg_edge_weight(e), e->n_evidence,
                                        e->n_evidence ? e->evidence[0].article : "",
                                        e->n_evidence ? e->evidence[0].start : 0u),
                         ERG_OK);
    }
    return erg_buf_steal(&b);
}

START_TEST(test_around)
{
    char path[128];
    tmp_path(path, sizeof path, "around.db");
    erg_graph *partial = build(1, 3, true), *finished = build(1, 3, false);
    erg_error err;
    ck_assert_int_eq(erg_store_write(path, false, partial, finished, NULL, &opts, &err), ERG_OK);
    erg_store *s = NULL;
    ck_assert_int_eq(erg_store_open(&s, path, &err), ERG_OK);
    size_t checked = 0;
    for (size_t i = 0; i < erg_graph_entity_count(finished); i++) {
        const erg_entity *x = erg_graph_entity(finished, i);
        erg_graph *g = NULL;
        ck_assert_int_eq(erg_store_load_around(s, x->name, &g, &err), ERG_OK);
        /* The entity itself, whole, and every edge that touches it, with its evidence. */
        long k = erg_graph_find_key(g, x->key);
        ck_assert_int_ge(k, 0);
        const erg_entity *y = erg_graph_entity(g, (size_t)k);
        ck_assert_str_eq(y->name, x->name);
        ck_assert_uint_eq(y->mentions, x->mentions);
        ck_assert_uint_eq(y->n_aliases, x->n_aliases);
        char *want = edges_of(finished, x->key), *got = edges_of(g, x->key);
        ck_assert_str_eq(want, got);
        checked += want[0] != '\0';
        free(want);
        free(got);
        /* Nothing beyond the neighbourhood: fewer entities than the whole when the whole has more.
         */
        ck_assert_uint_le(erg_graph_entity_count(g), erg_graph_entity_count(finished));
        erg_graph_free(g);
    }
    ck_assert_uint_gt(checked, 2);
    erg_graph *none = NULL;
    ck_assert_int_eq(erg_store_load_around(s, "Nobody Of This Name", &none, &err), ERG_ENOTFOUND);
    ck_assert_ptr_null(none);
    erg_store_close(s);
    erg_graph_free(partial);
    erg_graph_free(finished);
}
END_TEST

static Suite *store_suite(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_around);
    tcase_add_test(tc, test_in_place);
    tcase_add_test(tc, test_refused);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(store_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    if (dir[0]) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            failed++;
    }
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
