/* The boilerplate detector: counts, thresholds, sources, order, blanking. */
#define _DEFAULT_SOURCE /* mkstemps */
#include "erg/input.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static erg_article art_of(const char *source, const char *text)
{
    erg_article a;
    memset(&a, 0, sizeof a);
    a.id = "t";
    a.path = "t";
    a.source = source;
    a.text = text;
    a.text_len = strlen(text);
    return a;
}

/* A detector over n articles of texts[i] from sources[i], added in the given order. */
static erg_boiler *build(const char *const *sources, const char *const *texts, const size_t *order,
                         size_t n)
{
    erg_boiler *b = NULL;
    erg_error err;
    ck_assert_int_eq(erg_boiler_new(&b, 4096, &err), ERG_OK);
    for (size_t i = 0; i < n; i++) {
        erg_article a = art_of(sources[order[i]], texts[order[i]]);
        ck_assert_int_eq(erg_boiler_add(b, &a, &err), ERG_OK);
    }
    erg_boiler_finish(b);
    return b;
}

static bool is_boiler(const erg_boiler *b, const char *source, const char *line)
{
    return erg_boiler_is_boiler(b, source, line, strlen(line));
}

START_TEST(test_five_is_boilerplate_four_is_not)
{
    const char *src[12], *txt[12];
    size_t order[12];
    char texts[12][128];
    for (size_t i = 0; i < 12; i++) {
        src[i] = "CNN";
        /* Lines "Hide Caption" in 5 articles, "Photo: AP" in 4, each article its own story. */
        snprintf(texts[i], sizeof texts[i], "Story number %zu is here.\n\n%s\n%s", i,
                 i < 5 ? "  Hide   Caption " : "", i >= 5 && i < 9 ? "Photo: AP" : "");
        txt[i] = texts[i];
        order[i] = i;
    }
    erg_boiler *b = build(src, txt, order, 12);
    ck_assert_uint_eq(erg_boiler_articles(b), 12);
    ck_assert_uint_eq(erg_boiler_count(b, "CNN", "Hide Caption", 12), 5);
    ck_assert(is_boiler(b, "CNN", "Hide Caption"));
    ck_assert(is_boiler(b, "CNN", "\tHide Caption\r")); /* white space is normalized */
    ck_assert_uint_eq(erg_boiler_count(b, "CNN", "Photo: AP", 9), 4);
    ck_assert(!is_boiler(b, "CNN", "Photo: AP"));
    ck_assert(!is_boiler(b, "CNN", "Story number 3 is here."));
    ck_assert(!is_boiler(b, "BBC", "Hide Caption")); /* another source's line */
    ck_assert(!is_boiler(b, "CNN", "   "));
    erg_boiler_free(b);

    /*
     * A long line hashed eight bytes at a time where it can: the same words
     * with white space anywhere (so at every alignment), or with tabs that
     * send every byte through the slow path, are the same line.
     */
    const char *forms[5] = {
        "Photographs courtesy of the Royal Geographical Society, London, all rights reserved",
        "  Photographs courtesy of the Royal Geographical Society, London, all rights reserved",
        "Photographs  courtesy of the Royal\tGeographical Society, London, all rights reserved ",
        "Photographs\tcourtesy\tof\tthe\tRoyal\tGeographical\tSociety,\tLondon,\tall\trights\t"
        "reserved", /* every word byte by byte: the same hash as eight at a time */
        "Photographs courtesy of the Royal Geographical Society, London, all rights\r reserved"};
    for (size_t i = 0; i < 5; i++) {
        src[i] = "Gazette";
        txt[i] = forms[i];
    }
    b = build(src, txt, order, 5);
    ck_assert_uint_eq(erg_boiler_count(b, "Gazette", forms[0], strlen(forms[0])), 5);
    ck_assert(is_boiler(b, "Gazette", forms[2]));
    erg_boiler_free(b);
}
END_TEST

START_TEST(test_twice_in_one_article_counts_once)
{
    const char *src[4] = {"S", "S", "S", "S"};
    const char *txt[4] = {"Bio line.\nBio line.\nA", "Bio line.\nBio line.\nB",
                          "Bio line.\nBio line.\nC", "Bio line.\nBio line.\nD"};
    size_t order[4] = {0, 1, 2, 3};
    erg_boiler *b = build(src, txt, order, 4);
    ck_assert_uint_eq(erg_boiler_count(b, "S", "Bio line.", 9), 4);
    ck_assert(!is_boiler(b, "S", "Bio line."));
    erg_boiler_free(b);
}
END_TEST

START_TEST(test_spread_over_two_sources_is_not)
{
    /* The line is in 6 articles, but 3 of each source; articles without a source are one group. */
    const char *src[8] = {"A", "A", "A", "B", "B", "B", NULL, ""};
    const char *txt[8];
    size_t order[8];
    for (size_t i = 0; i < 8; i++) {
        txt[i] = "Copyright 2024 Example Media.\nText.";
        order[i] = i;
    }
    erg_boiler *b = build(src, txt, order, 8);
    ck_assert(!is_boiler(b, "A", "Copyright 2024 Example Media."));
    ck_assert(!is_boiler(b, "B", "Copyright 2024 Example Media."));
    ck_assert_uint_eq(erg_boiler_count(b, NULL, "Copyright 2024 Example Media.", 29), 2);
    erg_boiler_free(b);
}
END_TEST

START_TEST(test_order_independent)
{
    enum { N = 40 };
    const char *src[N], *txt[N];
    char texts[N][160];
    size_t fwd[N], rev[N], mixed[N];
    for (size_t i = 0; i < N; i++) {
        src[i] = i % 3 == 0 ? "BBC" : "Reuters";
        snprintf(texts[i], sizeof texts[i], "Body %zu.\nByline %zu\nShared caption\nTail %zu", i,
                 i % 4, i % 11);
        txt[i] = texts[i];
        fwd[i] = i;
        rev[i] = N - 1 - i;
        mixed[i] = (i * 17) % N; /* 17 is prime to 40: a permutation */
    }
    erg_boiler *a = build(src, txt, fwd, N), *b = build(src, txt, rev, N),
               *c = build(src, txt, mixed, N);
    erg_buf ba, bb, bc;
    erg_buf_init(&ba);
    erg_buf_init(&bb);
    erg_buf_init(&bc);
    erg_error err;
    size_t boiler = 0;
    for (size_t i = 0; i < N; i++) {
        erg_article in = art_of(src[i], txt[i]), oa, ob, oc;
        size_t na, nb, nc;
        ck_assert_int_eq(erg_boiler_blank(a, &in, &ba, &oa, &na, &err), ERG_OK);
        ck_assert_int_eq(erg_boiler_blank(b, &in, &bb, &ob, &nb, &err), ERG_OK);
        ck_assert_int_eq(erg_boiler_blank(c, &in, &bc, &oc, &nc, &err), ERG_OK);
        ck_assert_uint_eq(na, nb);
        ck_assert_uint_eq(na, nc);
        ck_assert_uint_eq(oa.text_len, in.text_len);
        ck_assert_mem_eq(oa.text, ob.text, in.text_len);
        ck_assert_mem_eq(oa.text, oc.text, in.text_len);
        boiler += na;
    }
    /* Each source repeats "Shared caption"; Reuters (26 articles) "Byline k" too, BBC (14) not. */
    ck_assert_uint_gt(boiler, N);
    const char *lines[] = {"Shared caption", "Byline 3", "Tail 4", "Body 5."};
    for (size_t k = 0; k < 4; k++)
        for (size_t s = 0; s < 2; s++) {
            const char *so = s ? "BBC" : "Reuters";
            bool x = is_boiler(a, so, lines[k]);
            ck_assert(x == is_boiler(b, so, lines[k]));
            ck_assert(x == is_boiler(c, so, lines[k]));
        }
    erg_buf_release(&ba);
    erg_buf_release(&bb);
    erg_buf_release(&bc);
    erg_boiler_free(a);
    erg_boiler_free(b);
    erg_boiler_free(c);
}
END_TEST

START_TEST(test_blank_keeps_offsets)
{
    const char *text = "Body of story %d.\n\nBill Thompson is a commentator. \xc2\xa9\r\nEnd %d";
    char texts[6][128];
    const char *src[6], *txt[6];
    size_t order[6];
    for (int i = 0; i < 6; i++) {
        snprintf(texts[i], sizeof texts[i], text, i, i);
        src[i] = "BBC News";
        txt[i] = texts[i];
        order[i] = (size_t)i;
    }
    erg_boiler *b = build(src, txt, order, 6);
    erg_buf buf;
    erg_buf_init(&buf);
    erg_error err;
    erg_article in = art_of("BBC News", texts[2]), out;
    size_t n = 9;
    ck_assert_int_eq(erg_boiler_blank(b, &in, &buf, &out, &n, &err), ERG_OK);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(out.text_len, in.text_len);
    ck_assert_ptr_eq(out.source, in.source);
    const char *want = "Body of story 2.\n\n                                   \nEnd 2";
    ck_assert_uint_eq(strlen(want), in.text_len);
    ck_assert_mem_eq(out.text, want, in.text_len);
    ck_assert_str_eq(texts[2],
                     "Body of story 2.\n\nBill Thompson is a commentator. \xc2\xa9\r\nEnd 2");

    /* An article with nothing to blank keeps its own text. */
    erg_article plain = art_of("BBC News", "Nothing repeated here.");
    ck_assert_int_eq(erg_boiler_blank(b, &plain, &buf, &out, &n, &err), ERG_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_eq(out.text, plain.text);
    /* Nor may anything be added once finished. */
    ck_assert_int_eq(erg_boiler_add(b, &plain, &err), ERG_EINVAL);
    erg_buf_release(&buf);
    erg_boiler_free(b);
    erg_boiler_free(NULL);
}
END_TEST

START_TEST(test_size_bounded)
{
    erg_boiler *b = NULL;
    erg_error err;
    /* A huge input is capped (the allocation would fail or be huge otherwise). */
    ck_assert_int_eq(erg_boiler_new(&b, (uint64_t)1 << 40, &err), ERG_OK);
    erg_boiler_free(b);
    ck_assert_int_eq(erg_boiler_new(&b, 0, &err), ERG_OK);
    erg_boiler_free(b);
}
END_TEST

/* The fast first pass over a file counts what erg_boiler_add over erg_input_next counts. */
START_TEST(test_add_inputs_matches_reader)
{
    char path[] = "/tmp/erg-boiler-XXXXXX.jsonl";
    int fd = mkstemps(path, 6);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    for (int i = 0; i < 6; i++)
        fprintf(f,
                "{\"id\": %d, \"meta\": {\"text\": \"no\", \"n\": [1, {\"a\": null}]}, "
                "\"source\": \"S\\u00e9\", \"text\": \"Story %d\\n\\nCaption \\\"x\\\" \\u00e9\"}\n"
                "{\"source\": \"T\", \"text\": \"Line\\twith tab %d\\r\\nCredit\\/Photo\"}\n"
                "not json\n\n",
                i, i, i % 2);
    fclose(f);
    erg_boiler *fast = NULL, *slow = NULL;
    erg_error err;
    ck_assert_int_eq(erg_boiler_new(&fast, 0, &err), ERG_OK);
    ck_assert_int_eq(erg_boiler_new(&slow, 0, &err), ERG_OK);
    const char *paths[] = {path};
    ck_assert_int_eq(erg_boiler_add_inputs(fast, paths, 1, NULL, &err), ERG_OK);
    erg_input_options opt = {false, true, 0};
    erg_input *in = NULL;
    ck_assert_int_eq(erg_input_new(&in, paths, 1, &opt, &err), ERG_OK);
    erg_article a;
    erg_status st;
    while ((st = erg_input_next(in, &a, &err)) != ERG_DONE)
        if (st == ERG_OK)
            ck_assert_int_eq(erg_boiler_add(slow, &a, &err), ERG_OK);
    erg_input_free(in);
    erg_boiler_finish(fast);
    erg_boiler_finish(slow);
    ck_assert_uint_eq(erg_boiler_articles(fast), 12);
    ck_assert_uint_eq(erg_boiler_articles(slow), 12);
    const char *lines[][2] = {{"S\xc3\xa9", "Caption \"x\" \xc3\xa9"},
                              {"T", "Credit/Photo"},
                              {"T", "Line\twith tab 1\r"},
                              {"S\xc3\xa9", "Story 3"}};
    for (size_t k = 0; k < 4; k++) {
        unsigned c = erg_boiler_count(fast, lines[k][0], lines[k][1], strlen(lines[k][1]));
        ck_assert_uint_eq(c, erg_boiler_count(slow, lines[k][0], lines[k][1], strlen(lines[k][1])));
        ck_assert_uint_eq(c, k < 2 ? 6 : k == 2 ? 3 : 1);
    }
    const char *stdin_path[] = {"-"};
    ck_assert_int_eq(erg_boiler_add_inputs(fast, stdin_path, 1, NULL, &err), ERG_EINVAL);
    unlink(path);
    erg_boiler_free(fast);
    erg_boiler_free(slow);
}
END_TEST

/* Reads a whole file into buf (cap bytes); returns its length. */
static size_t slurp(const char *path, unsigned char *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(buf, 1, cap, f);
    fclose(f);
    return n;
}

static void spill(const char *path, const unsigned char *buf, size_t n)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(buf, 1, n, f), n);
    fclose(f);
}

START_TEST(test_save_load_round_trip)
{
    const char *sources[] = {"A", "A", "A", "A", "A", "B"};
    const char *texts[] = {"x 1\nPhoto: AP", "x 2\nPhoto: AP", "x 3\nPhoto: AP",
                           "x 4\nPhoto: AP", "x 5\nPhoto: AP", "y\nPhoto: AP"};
    size_t order[] = {0, 1, 2, 3, 4, 5};
    erg_boiler *b = build(sources, texts, order, 6), *c = NULL;
    erg_error err;
    char path[] = "/tmp/erg-boiler-XXXXXX.sketch";
    int fd = mkstemps(path, 7);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(erg_boiler_save(b, path, &err), ERG_OK);
    ck_assert_int_eq(erg_boiler_load(&c, path, &err), ERG_OK);
    ck_assert_uint_eq(erg_boiler_articles(c), 6);
    ck_assert_uint_eq(erg_boiler_sources(c), 2);
    ck_assert_uint_eq(erg_boiler_width(c), erg_boiler_width(b));
    ck_assert(is_boiler(c, "A", "Photo: AP"));
    ck_assert(!is_boiler(c, "B", "Photo: AP"));
    ck_assert_uint_eq(erg_boiler_count(c, "A", "x 3", 3), 1);
    erg_boiler_free(c);
    c = NULL;

    /* Every damage is refused: a flipped counter, a cut, another magic, an empty file. */
    static unsigned char buf[1 << 20];
    size_t n = slurp(path, buf, sizeof buf);
    ck_assert_uint_lt(n, sizeof buf);
    buf[n / 2] ^= 1;
    spill(path, buf, n);
    ck_assert_int_eq(erg_boiler_load(&c, path, &err), ERG_EFORMAT);
    ck_assert_ptr_nonnull(strstr(err.text, "checksum"));
    buf[n / 2] ^= 1;
    spill(path, buf, n - 1);
    ck_assert_int_eq(erg_boiler_load(&c, path, &err), ERG_EFORMAT);
    ck_assert_ptr_nonnull(strstr(err.text, "cut short"));
    buf[0] = 'X';
    spill(path, buf, n);
    ck_assert_int_eq(erg_boiler_load(&c, path, &err), ERG_EFORMAT);
    ck_assert_ptr_nonnull(strstr(err.text, "not a boilerplate detector"));
    spill(path, buf, 0);
    ck_assert_int_eq(erg_boiler_load(&c, path, &err), ERG_EFORMAT);
    ck_assert_ptr_null(c);
    unlink(path);

    /* Saving an unfinished detector is refused. */
    erg_boiler *open = NULL;
    ck_assert_int_eq(erg_boiler_new(&open, 0, &err), ERG_OK);
    ck_assert_int_eq(erg_boiler_save(open, path, &err), ERG_EINVAL);
    erg_boiler_free(open);
    erg_boiler_free(b);
}
END_TEST

static Suite *boiler_suite(void)
{
    Suite *s = suite_create("boiler");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_five_is_boilerplate_four_is_not);
    tcase_add_test(tc, test_twice_in_one_article_counts_once);
    tcase_add_test(tc, test_spread_over_two_sources_is_not);
    tcase_add_test(tc, test_order_independent);
    tcase_add_test(tc, test_blank_keeps_offsets);
    tcase_add_test(tc, test_size_bounded);
    tcase_add_test(tc, test_add_inputs_matches_reader);
    tcase_add_test(tc, test_save_load_round_trip);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(boiler_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
