/*
 * The pipeline module: shared resources, one pipeline per thread, the
 * reader, and erg_pipeline_build's promise that the graph does not depend
 * on the number of threads.
 */
#define _DEFAULT_SOURCE /* mkstemps */
#include "erg/pipeline.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static erg_resources *res;

static void load_resources(void)
{
    erg_resources_options o;
    erg_error err;
    erg_resources_options_init(&o);
    if (erg_resources_load(&res, &o, &err) != ERG_OK) {
        fprintf(stderr, "cannot load the shipped resources: %s\n", err.text);
        abort();
    }
}

static void free_resources(void)
{
    erg_resources_free(res);
    res = NULL;
}

/* Writes n JSON Lines articles to a new temporary file; returns its path (static). */
static const char *write_corpus(int n, int bad_line)
{
    static char path[64];
    static const char *const texts[] = {
        "President Moon Jae-in met Kim Jong-un in Panmunjom on Friday, Yonhap News Agency "
        "reported.",
        "The International Atomic Energy Agency said its chief Yukiya Amano would visit "
        "Pyongyang.",
        "Google was fined by the European Commission, and Margrethe Vestager said the case was "
        "closed.",
        "Emmanuel Macron told Reuters that Angela Merkel and the United Nations agreed.",
    };
    strcpy(path, "/tmp/erg-test-pipeline-XXXXXX.jsonl");
    int fd = mkstemps(path, 6);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    ck_assert_ptr_nonnull(f);
    for (int i = 0; i < n; i++) {
        if (i + 1 == bad_line) {
            fputs("{\"id\": \"broken\", \"text\": \n", f);
            continue;
        }
        fprintf(f, "{\"id\": \"a%d\", \"source\": \"Wire %d\", \"text\": \"%s %s\"}\n", i, i % 3,
                texts[i % 4], texts[(i / 4) % 4]);
    }
    ck_assert_int_eq(fclose(f), 0);
    return path;
}

/* The native file of a graph built from path with n threads, as a malloc'd string. */
static char *build_text(const char *path, unsigned n, erg_status *st, erg_error *err)
{
    erg_reader *r = NULL;
    erg_graph *g = NULL;
    erg_pipeline_options po;
    erg_input_options io = {false, false, 0};
    const char *paths[] = {path};
    char *text = NULL;
    size_t len = 0;
    erg_pipeline_options_init(&po);
    ck_assert_int_eq(erg_reader_new(&r, paths, 1, &io, true, erg_resources_gazetteer(res), err),
                     ERG_OK);
    ck_assert_int_eq(erg_graph_new(&g, 0, err), ERG_OK);
    *st = erg_pipeline_build(res, &po, r, g, n, NULL, NULL, err);
    if (*st == ERG_OK) {
        FILE *f = open_memstream(&text, &len);
        ck_assert_ptr_nonnull(f);
        ck_assert_int_eq(erg_graph_finish(g, ERG_TYPES_DEFAULT, err), ERG_OK);
        ck_assert_int_eq(erg_graph_write_json(g, f, err), ERG_OK);
        ck_assert_int_eq(fclose(f), 0);
    }
    erg_graph_free(g);
    erg_reader_free(r);
    return text;
}

START_TEST(test_run_one_article)
{
    erg_pipeline *p = NULL;
    erg_pipeline_options po;
    erg_extraction x;
    erg_error err;
    erg_pipeline_options_init(&po);
    erg_extraction_init(&x);
    ck_assert_int_eq(erg_pipeline_new(&p, res, &po, &err), ERG_OK);
    static const char text[] = "Kim Jong-un met Moon Jae-in in Panmunjom, Yonhap reported.";
    erg_article art = {.id = "one", .text = text, .text_len = sizeof text - 1, .path = "-"};
    ck_assert_int_eq(erg_pipeline_run(p, &art, &x, &err), ERG_OK);
    ck_assert_uint_gt(x.doc.n_tokens, 5);
    ck_assert_uint_ge(x.entities.n, 2);
    ck_assert_uint_ge(x.relations.n, 1);
    bool kim = false;
    for (size_t i = 0; i < x.entities.n; i++)
        kim = kim || strcmp(x.entities.items[i].name, "Kim Jong-un") == 0;
    ck_assert(kim);
    /* The buffers are reused: a second, shorter article replaces the first. */
    static const char two[] = "Reuters said so.";
    erg_article art2 = {.id = "two", .text = two, .text_len = sizeof two - 1, .path = "-"};
    ck_assert_int_eq(erg_pipeline_run(p, &art2, &x, &err), ERG_OK);
    ck_assert_uint_eq(x.relations.n, 0);
    erg_extraction_release(&x);
    erg_pipeline_free(p);
    erg_pipeline_free(NULL);
}
END_TEST

START_TEST(test_same_graph_for_any_thread_count)
{
    const char *path = write_corpus(150, 0);
    erg_status st;
    erg_error err;
    char *one = build_text(path, 1, &st, &err);
    ck_assert_int_eq(st, ERG_OK);
    ck_assert_ptr_nonnull(strstr(one, "\"articles\":150"));
    ck_assert_ptr_nonnull(strstr(one, "Kim Jong-un"));
    for (unsigned n = 2; n <= 5; n += 3) {
        char *many = build_text(path, n, &st, &err);
        ck_assert_int_eq(st, ERG_OK);
        ck_assert_str_eq(one, many);
        free(many);
    }
    free(one);
    unlink(path);
}
END_TEST

START_TEST(test_first_failure_in_input_order)
{
    const char *path = write_corpus(90, 40);
    for (unsigned n = 1; n <= 4; n += 3) {
        erg_status st;
        erg_error err;
        erg_error_clear(&err);
        char *text = build_text(path, n, &st, &err);
        ck_assert_ptr_null(text);
        ck_assert_int_eq(st, ERG_EJSON);
        ck_assert_int_eq(err.line, 40);
    }
    unlink(path);
}
END_TEST

/*
 * The filter: an article is kept when its whole date lies in [since, until]
 * and its outlet or source (ASCII case ignored) is one asked for; undated
 * ones go with a date filter; the rest are counted.
 */
START_TEST(test_reader_filter)
{
    char path[] = "/tmp/erg-test-filter-XXXXXX.jsonl";
    int fd = mkstemps(path, 6);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs("{\"id\": \"a\", \"date\": \"1987-03-15\", \"source\": \"Reuters (Reuters-21578)\", "
          "\"text\": \"x\"}\n"
          "{\"id\": \"b\", \"date\": \"1987-03\", \"source\": \"REUTERS\", \"text\": \"x\"}\n"
          "{\"id\": \"c\", \"date\": \"3/31/87\", \"source\": \"AP\", \"text\": \"x\"}\n"
          "{\"id\": \"d\", \"source\": \"reuters\", \"text\": \"x\"}\n"
          "{\"id\": \"e\", \"date\": \"April 1, 1987\", \"source\": \"reuters\", \"text\": \"x\"}\n"
          "{\"id\": \"f\", \"date\": \"1987-03-20\", \"source\": \"reuters\", \"text\": \"x\"}\n",
          f);
    fclose(f);
    const char *paths[] = {path};
    const char *sources[] = {"reuters"};
    erg_input_options io = {false, false, 0};
    erg_reader *r = NULL;
    erg_error err;
    erg_article a;
    erg_article_filter flt = {0};
    ck_assert_int_eq(erg_date_parse("1987-03-15", 10, &flt.since), ERG_OK);
    ck_assert_int_eq(erg_date_parse("1987-03", 7, &flt.until), ERG_OK);
    flt.has_since = flt.has_until = true;

    /* Dates only: a (the 15th), c (the 31st), f; not b (all of March), d, e. */
    ck_assert_int_eq(erg_reader_new(&r, paths, 1, &io, false, NULL, &err), ERG_OK);
    ck_assert_int_eq(erg_reader_set_filter(r, &flt), ERG_OK);
    static const char *const by_date[] = {"a", "c", "f"};
    for (size_t i = 0; i < 3; i++) {
        ck_assert_int_eq(erg_reader_next(r, &a, &err), ERG_OK);
        ck_assert_str_eq(a.id, by_date[i]);
    }
    ck_assert_int_eq(erg_reader_next(r, &a, &err), ERG_DONE);
    ck_assert_uint_eq(erg_reader_get_stats(r)->filtered, 3);
    erg_reader_free(r);

    /* Dates and a source, with the outlet list: "Reuters (Reuters-21578)" is named Reuters. */
    flt.sources = sources;
    flt.n_sources = 1;
    ck_assert_int_eq(erg_reader_new(&r, paths, 1, &io, false, erg_resources_gazetteer(res), &err),
                     ERG_OK);
    ck_assert_int_eq(erg_reader_set_filter(r, &flt), ERG_OK);
    sources[0] = "changed after: the reader has its own copy";
    ck_assert_int_eq(erg_reader_next(r, &a, &err), ERG_OK);
    ck_assert_str_eq(a.id, "a");
    ck_assert_int_eq(erg_reader_next(r, &a, &err), ERG_OK);
    ck_assert_str_eq(a.id, "f");
    ck_assert_int_eq(erg_reader_next(r, &a, &err), ERG_DONE);
    ck_assert_uint_eq(erg_reader_get_stats(r)->filtered, 4);
    erg_reader_free(r);

    /* No filter (NULL) after one: everything. */
    ck_assert_int_eq(erg_reader_new(&r, paths, 1, &io, false, NULL, &err), ERG_OK);
    sources[0] = "AP";
    flt.has_since = flt.has_until = false;
    ck_assert_int_eq(erg_reader_set_filter(r, &flt), ERG_OK);
    ck_assert_int_eq(erg_reader_set_filter(r, NULL), ERG_OK);
    size_t n = 0;
    while (erg_reader_next(r, &a, &err) == ERG_OK)
        n++;
    ck_assert_uint_eq(n, 6);
    ck_assert_uint_eq(erg_reader_get_stats(r)->filtered, 0);
    erg_reader_free(r);
    unlink(path);
}
END_TEST

START_TEST(test_reader_counts_boilerplate)
{
    char path[] = "/tmp/erg-test-reader-XXXXXX.jsonl";
    int fd = mkstemps(path, 6);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    for (int i = 0; i < 7; i++)
        fprintf(f,
                "{\"id\": \"b%d\", \"source\": \"BBC News\", \"text\": \"Story %d of Kim.\\n"
                "Hide Caption\"}\n",
                i, i);
    fclose(f);
    const char *paths[] = {path};
    erg_input_options io = {false, false, 0};
    erg_reader *r = NULL;
    erg_error err;
    erg_article a;
    ck_assert_int_eq(erg_reader_new(&r, paths, 1, &io, true, NULL, &err), ERG_OK);
    erg_reader_set_gazetteer(r, erg_resources_gazetteer(res));
    ck_assert_int_eq(erg_reader_next(r, &a, &err), ERG_OK);
    /* The caption is blanked in place; the outlet list names the source. */
    ck_assert_ptr_nonnull(strstr(a.text, "Story 0"));
    ck_assert_ptr_null(strstr(a.text, "Hide Caption"));
    ck_assert_uint_eq(a.text_len, strlen("Story 0 of Kim.\nHide Caption"));
    ck_assert_ptr_nonnull(a.outlet);
    size_t n = 1;
    while (erg_reader_next(r, &a, &err) == ERG_OK)
        n++;
    ck_assert_uint_eq(n, 7);
    const erg_reader_stats *s = erg_reader_get_stats(r);
    ck_assert(s->boiler_done);
    ck_assert_uint_eq(s->boiler_lines, 7);
    ck_assert_uint_eq(s->input->articles, 7);
    erg_reader_free(r);
    erg_reader_free(NULL);
    unlink(path);
}
END_TEST

/* A reader that skips the articles a graph holds: they are counted, never returned, and
 * adding the rest with 1 or 3 threads gives the graph of the whole. */
START_TEST(test_reader_skips_known_ids)
{
    const char *path = write_corpus(40, 0);
    erg_input_options io = {false, false, 0};
    const char *paths[] = {path};
    erg_pipeline_options po;
    erg_pipeline_options_init(&po);
    erg_error err;
    erg_status st;
    char *whole = build_text(path, 1, &st, &err);
    ck_assert_int_eq(st, ERG_OK);
    for (unsigned n = 1; n <= 3; n += 2) {
        /* The old graph: articles a0 to a14 (the first 15 lines). */
        erg_graph *old = NULL, *fresh = NULL;
        erg_reader *r = NULL;
        ck_assert_int_eq(erg_graph_new(&old, 0, &err), ERG_OK);
        ck_assert_int_eq(erg_reader_new(&r, paths, 1, &io, true, NULL, &err), ERG_OK);
        erg_reader_set_gazetteer(r, erg_resources_gazetteer(res));
        erg_pipeline *p = NULL;
        erg_extraction x;
        erg_extraction_init(&x);
        ck_assert_int_eq(erg_pipeline_new(&p, res, &po, &err), ERG_OK);
        erg_article a;
        for (int i = 0; i < 15; i++) {
            ck_assert_int_eq(erg_reader_next(r, &a, &err), ERG_OK);
            ck_assert_int_eq(erg_pipeline_run(p, &a, &x, &err), ERG_OK);
            ck_assert_int_eq(
                erg_graph_add_article(old, &a, &x.entities, &x.mentions, &x.relations, &err),
                ERG_OK);
        }
        erg_pipeline_free(p);
        erg_extraction_release(&x);
        erg_reader_free(r);
        ck_assert(erg_graph_has_article_id(old, "a14"));
        ck_assert(!erg_graph_has_article_id(old, "a15"));
        /* Everything again, skipping what old holds, into a graph of its own. */
        ck_assert_int_eq(erg_graph_new(&fresh, 0, &err), ERG_OK);
        ck_assert_int_eq(erg_reader_new(&r, paths, 1, &io, true, NULL, &err), ERG_OK);
        erg_reader_skip_in(r, old);
        ck_assert_int_eq(erg_pipeline_build(res, &po, r, fresh, n, NULL, NULL, &err), ERG_OK);
        ck_assert_uint_eq(erg_reader_get_stats(r)->skipped, 15);
        ck_assert_uint_eq(erg_reader_get_stats(r)->input->articles, 40);
        ck_assert_uint_eq(erg_graph_article_total(fresh), 25);
        ck_assert(!erg_graph_has_article_id(fresh, "a3"));
        erg_reader_free(r);
        ck_assert_int_eq(erg_graph_merge(old, fresh, &err), ERG_OK);
        ck_assert_int_eq(erg_graph_finish(old, ERG_TYPES_DEFAULT, &err), ERG_OK);
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        ck_assert_int_eq(erg_graph_write_json(old, f, &err), ERG_OK);
        fclose(f);
        ck_assert_str_eq(text, whole);
        free(text);
        erg_graph_free(old);
        erg_graph_free(fresh);
    }
    free(whole);
    unlink(path);
}
END_TEST

START_TEST(test_reader_missing_input)
{
    const char *paths[] = {"/nonexistent/erg-articles.jsonl"};
    erg_input_options io = {false, false, 0};
    erg_reader *r = NULL;
    erg_error err;
    ck_assert_int_ne(erg_reader_new(&r, paths, 1, &io, true, NULL, &err), ERG_OK);
    ck_assert_ptr_null(r);
}
END_TEST

START_TEST(test_resources_bad_alias_file)
{
    erg_resources_options o;
    erg_resources *r = NULL;
    erg_error err;
    erg_resources_options_init(&o);
    o.aliases[o.n_aliases++] = "/nonexistent/aliases.json";
    ck_assert_int_ne(erg_resources_load(&r, &o, &err), ERG_OK);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(strstr(err.text, "aliases.json") ? err.text : err.source);
    erg_resources_free(NULL);
}
END_TEST

START_TEST(test_resolver_like_is_read_only)
{
    erg_resolver *base = NULL, *like = NULL;
    erg_error err;
    ck_assert_int_eq(erg_resolver_new(&base, NULL, &err), ERG_OK);
    ck_assert_int_eq(erg_resolver_add_alias(base, "Tony Blair", ERG_TYPE_PERSON, "Blair", &err),
                     ERG_OK);
    ck_assert_int_eq(erg_resolver_new_like(&like, base, &err), ERG_OK);
    ck_assert_int_eq(erg_resolver_add_alias(like, "X", ERG_TYPE_PERSON, "Y", &err), ERG_EINVAL);
    erg_resolver_free(like);
    erg_resolver_free(base);
}
END_TEST

static Suite *pipeline_suite(void)
{
    Suite *s = suite_create("pipeline");
    TCase *tc = tcase_create("pipeline");
    tcase_add_unchecked_fixture(tc, load_resources, free_resources);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_run_one_article);
    tcase_add_test(tc, test_same_graph_for_any_thread_count);
    tcase_add_test(tc, test_first_failure_in_input_order);
    tcase_add_test(tc, test_reader_counts_boilerplate);
    tcase_add_test(tc, test_reader_missing_input);
    tcase_add_test(tc, test_reader_skips_known_ids);
    tcase_add_test(tc, test_reader_filter);
    tcase_add_test(tc, test_resources_bad_alias_file);
    tcase_add_test(tc, test_resolver_like_is_read_only);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(pipeline_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
