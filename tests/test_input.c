#define _DEFAULT_SOURCE /* mkstemps */
#include "erg/input.h"

#include <check.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Path of a fixture under $FIXTURES/input (static storage, one at a time). */
static const char *fx(const char *name)
{
    static char buf[4][1024];
    static int k;
    const char *root = getenv("FIXTURES");
    ck_assert_ptr_nonnull(root);
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/input/%s", root, name);
    return buf[k];
}

static erg_input *open1(const char *path, bool lenient, bool skip_bad)
{
    erg_input_options opt = {lenient, skip_bad, 0};
    erg_input *in = NULL;
    erg_error err;
    const char *paths[] = {path};
    ck_assert_int_eq(erg_input_new(&in, paths, 1, &opt, &err), ERG_OK);
    return in;
}

static void text_is(const erg_article *a, const char *want)
{
    ck_assert_uint_eq(a->text_len, strlen(want));
    ck_assert_mem_eq(a->text, want, a->text_len);
    ck_assert_int_eq(a->text[a->text_len], '\0');
}

START_TEST(test_plain_file)
{
    erg_input *in = open1(fx("good.txt"), false, false);
    erg_article a;
    erg_error err;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    text_is(&a, "Kim Jong-un met Moon Jae-in in Panmunjom.\n");
    ck_assert_str_eq(a.id, fx("good.txt"));
    ck_assert_str_eq(a.path, fx("good.txt"));
    ck_assert_int_eq(a.line, 0);
    ck_assert_ptr_null(a.title);
    ck_assert_ptr_null(a.date);
    ck_assert_ptr_null(a.source);
    ck_assert_ptr_null(a.url);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    const erg_input_stats *st = erg_input_get_stats(in);
    ck_assert_uint_eq(st->files, 1);
    ck_assert_uint_eq(st->articles, 1);
    ck_assert_uint_eq(st->bytes, 42);
    erg_input_free(in);
    erg_input_free(NULL);
}
END_TEST

START_TEST(test_bom_and_crlf)
{
    erg_input *in = open1(fx("bom-crlf.txt"), false, false);
    erg_article a;
    ck_assert_int_eq(erg_input_next(in, &a, NULL), ERG_OK);
    text_is(&a, "First line.\r\n\r\nSecond paragraph.\r\n");
    erg_input_free(in);

    in = open1(fx("bom.ndjson"), false, false);
    ck_assert_int_eq(erg_input_next(in, &a, NULL), ERG_OK);
    ck_assert_str_eq(a.id, "bom");
    text_is(&a, "x");
    ck_assert_int_eq(a.line, 1);
    ck_assert_int_eq(erg_input_next(in, &a, NULL), ERG_DONE);
    erg_input_free(in);
}
END_TEST

START_TEST(test_invalid_utf8_strict)
{
    erg_input *in = open1(fx("bad-utf8.txt"), false, false);
    erg_article a;
    erg_error err;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EUTF8);
    ck_assert_str_eq(err.text, "invalid UTF-8 at byte 3");
    ck_assert_str_eq(err.source, fx("bad-utf8.txt"));
    ck_assert_int_eq(err.line, 0);
    ck_assert_int_eq(err.offset, 3);
    erg_input_free(in);

    in = open1(fx("bad-utf8-mixed.txt"), false, false);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EUTF8);
    ck_assert_str_eq(err.text, "invalid UTF-8 at byte 6");
    erg_input_free(in);

    in = open1(fx("bad-utf8.jsonl"), false, false);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    text_is(&a, "fine");
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EUTF8);
    ck_assert_str_eq(err.text, "invalid UTF-8 at byte 22");
    ck_assert_str_eq(err.source, fx("bad-utf8.jsonl"));
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.offset, 22);
    erg_input_free(in);
}
END_TEST

START_TEST(test_invalid_utf8_lenient)
{
    erg_input *in = open1(fx("bad-utf8-mixed.txt"), true, false);
    erg_article a;
    erg_error err;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    /* One U+FFFD per maximal ill-formed part: E2 80 | C0 | AF | ED | A0 | 80. */
    text_is(&a, "café \xEF\xBF\xBD x \xEF\xBF\xBD\xEF\xBF\xBD y "
                "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD z\n");
    ck_assert_uint_eq(erg_input_get_stats(in)->replaced, 6);
    erg_input_free(in);

    in = open1(fx("bad-utf8.jsonl"), true, false);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    text_is(&a, "caf\xEF\xBF\xBD!");
    ck_assert_str_eq(a.id, "2");
    ck_assert_int_eq(a.line, 2);
    ck_assert_uint_eq(erg_input_get_stats(in)->replaced, 1);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    erg_input_free(in);
}
END_TEST

START_TEST(test_empty_and_binary)
{
    static const char *const empty[] = {"empty.txt", "blank.txt", "blank.jsonl"};
    erg_article a;
    erg_error err;
    for (size_t i = 0; i < 3; i++) {
        erg_input *in = open1(fx(empty[i]), false, false);
        ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EFORMAT);
        ck_assert_str_eq(err.text, "empty file");
        ck_assert_str_eq(err.source, fx(empty[i]));
        erg_input_free(in);
    }
    erg_input *in = open1(fx("binary.txt"), false, false);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EFORMAT);
    ck_assert_str_eq(err.text, "binary file (NUL byte at byte 2)");
    ck_assert_str_eq(err.source, fx("binary.txt"));
    ck_assert_int_eq(err.offset, 2);
    erg_input_free(in);

    in = open1(fx("binary.jsonl"), false, false);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EFORMAT);
    ck_assert_str_eq(err.text, "binary file (NUL byte at byte 39)");
    ck_assert_int_eq(err.line, 2);
    erg_input_free(in);

    /* skip_bad: each is skipped and counted, and reading goes on. */
    const char *paths[] = {fx("empty.txt"), fx("binary.txt"), fx("good.txt"), fx("binary.jsonl")};
    erg_input_options opt = {false, true, 0};
    ck_assert_int_eq(erg_input_new(&in, paths, 4, &opt, &err), ERG_OK);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.path, fx("good.txt"));
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    text_is(&a, "fine");
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    const erg_input_stats *st = erg_input_get_stats(in);
    ck_assert_uint_eq(st->skipped, 3);
    ck_assert_uint_eq(st->articles, 2);
    ck_assert_uint_eq(st->files, 4);
    char want[1200];
    snprintf(want, sizeof want, "'%s:2': binary file (NUL byte at byte 39)", fx("binary.jsonl"));
    ck_assert_str_eq(st->last_skip, want);
    erg_input_free(in);
}
END_TEST

START_TEST(test_jsonl_fields)
{
    erg_input *in = open1(fx("articles.jsonl"), false, false);
    erg_article a;
    erg_error err;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.id, "7");
    ck_assert_str_eq(a.title, "Seven");
    ck_assert_str_eq(a.date, "2020-01-02");
    ck_assert_str_eq(a.source, "Reuters");
    ck_assert_str_eq(a.url, "https://example.com/7");
    text_is(&a, "Kim met Moon.");
    ck_assert_int_eq(a.line, 1);
    ck_assert_str_eq(a.path, fx("articles.jsonl"));

    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.id, "x-2");
    ck_assert_ptr_null(a.title);
    ck_assert_str_eq(a.source, "BBC");
    text_is(&a, "Second é text");
    ck_assert_int_eq(a.line, 3); /* the blank line 2 is passed over */

    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    char id[1100];
    snprintf(id, sizeof id, "%s:5", fx("articles.jsonl"));
    ck_assert_str_eq(a.id, id);  /* no id: path and line */
    ck_assert_ptr_null(a.title); /* null */
    ck_assert_ptr_null(a.date);  /* not a string */
    text_is(&a, "No id here");
    ck_assert_int_eq(a.line, 5);

    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.id, "2.5");
    text_is(&a, "Real id"); /* a BOM at the start of "text" is dropped */
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    ck_assert_uint_eq(erg_input_get_stats(in)->articles, 4);
    erg_input_free(in);
}
END_TEST

START_TEST(test_jsonl_errors)
{
    static const char *const why[] = {
        NULL, /* line 1 is good */
        "malformed JSON: ",
        "no \"text\" string in JSON object",
        "no \"text\" string in JSON object",
        "NUL character in \"text\"",
        "no \"text\" string in JSON object",
    };
    erg_article a;
    erg_error err;
    erg_input *in = open1(fx("bad.jsonl"), false, false);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.id, "1");
    /* After a failure the next call goes on with the next line. */
    for (long line = 2; line <= 6; line++) {
        ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EJSON);
        ck_assert_int_eq(err.line, line);
        ck_assert_str_eq(err.source, fx("bad.jsonl"));
        ck_assert_msg(strncmp(err.text, why[line - 1], strlen(why[line - 1])) == 0 &&
                          (line != 2 || strlen(err.text) > strlen(why[1])),
                      "line %ld: '%s'", line, err.text);
        if (line != 2)
            ck_assert_str_eq(err.text, why[line - 1]);
    }
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.id, "7");
    erg_input_free(in);

    in = open1(fx("bad.jsonl"), false, true);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    text_is(&a, "good one");
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    text_is(&a, "good two");
    ck_assert_int_eq(a.line, 7);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    const erg_input_stats *st = erg_input_get_stats(in);
    ck_assert_uint_eq(st->skipped, 5);
    ck_assert_uint_eq(st->articles, 2);
    char want[1200];
    snprintf(want, sizeof want, "'%s:6': no \"text\" string in JSON object", fx("bad.jsonl"));
    ck_assert_str_eq(st->last_skip, want);
    erg_input_free(in);
}
END_TEST

START_TEST(test_missing_and_unreadable)
{
    erg_input *in = (erg_input *)1;
    erg_error err;
    const char *paths[] = {fx("good.txt"), "/nonexistent/a.txt", "/nonexistent/b.txt"};
    ck_assert_int_eq(erg_input_new(&in, paths, 3, NULL, &err), ERG_ENOTFOUND);
    ck_assert_ptr_null(in);
    ck_assert_str_eq(err.text, "no such file or directory");
    ck_assert_str_eq(err.source, "/nonexistent/a.txt");

    /* Reading /proc/self/mem at offset 0 fails with EIO on Linux. */
    in = open1("/proc/self/mem", false, false);
    erg_article a;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EIO);
    ck_assert_str_eq(err.text, "cannot read: Input/output error");
    ck_assert_str_eq(err.source, "/proc/self/mem");
    erg_input_free(in);
}
END_TEST

static int count_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    ck_assert_ptr_nonnull(d);
    int n = 0;
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

START_TEST(test_folder_walk)
{
    erg_input *in = open1(fx("tree"), false, false);
    erg_article a;
    erg_error err;
    static const char *const want[][2] = {
        {"tree/B.md", NULL},        {"tree/a.txt", NULL},     {"tree/sub/c.jsonl", "c1"},
        {"tree/sub/c.jsonl", "c2"}, {"tree/sub/d.TXT", NULL}, {"tree/sub/deeper/e.NDJSON", "e1"},
        {"tree/z.text", NULL},
    };
    int fds = count_fds();
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
        ck_assert_str_eq(a.path, fx(want[i][0]));
        ck_assert_str_eq(a.id, want[i][1] ? want[i][1] : fx(want[i][0]));
        ck_assert_int_le(count_fds(), fds + 1); /* at most the current file is open */
    }
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    ck_assert_uint_eq(erg_input_get_stats(in)->files, 6);
    ck_assert_uint_eq(erg_input_get_stats(in)->articles, 7);
    /* image.png and notes.csv are counted; .hidden.txt is passed over silently. */
    ck_assert_uint_eq(erg_input_get_stats(in)->ignored, 2);
    ck_assert_str_eq(erg_input_get_stats(in)->last_ignored, fx("tree/notes.csv"));
    ck_assert_int_le(count_fds(), fds);
    erg_input_free(in);
}
END_TEST

START_TEST(test_symlinks)
{
    char dir[] = "/tmp/erg-input-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char p[4][1200];
    snprintf(p[0], sizeof p[0], "%s/link.txt", dir);
    snprintf(p[1], sizeof p[1], "%s/loop", dir);
    snprintf(p[2], sizeof p[2], "%s/dangling.txt", dir);
    snprintf(p[3], sizeof p[3], "%s/z.txt", dir);
    ck_assert_int_eq(symlink(fx("good.txt"), p[0]), 0);
    ck_assert_int_eq(symlink(dir, p[1]), 0); /* a link to a folder is not followed */
    ck_assert_int_eq(symlink("/nonexistent/x.txt", p[2]), 0);
    FILE *f = fopen(p[3], "w");
    ck_assert_ptr_nonnull(f);
    fputs("Zed.", f);
    fclose(f);

    erg_input *in = open1(dir, false, false);
    erg_article a;
    erg_error err;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.path, p[0]);
    text_is(&a, "Kim Jong-un met Moon Jae-in in Panmunjom.\n");
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.path, p[3]);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    erg_input_free(in);
    for (int i = 0; i < 4; i++)
        unlink(p[i]);
    rmdir(dir);
}
END_TEST

static void stdin_from(const char *bytes, size_t n)
{
    char path[] = "/tmp/erg-stdin-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, bytes, n), (ssize_t)n);
    close(fd);
    ck_assert_ptr_nonnull(freopen(path, "rb", stdin));
    unlink(path);
}

START_TEST(test_stdin_plain)
{
    const char text[] = "\xEF\xBB\xBF \n Plain text from stdin.\n";
    stdin_from(text, sizeof text - 1);
    erg_input *in = open1("-", false, false);
    erg_article a;
    ck_assert_int_eq(erg_input_next(in, &a, NULL), ERG_OK);
    ck_assert_str_eq(a.id, "-");
    ck_assert_str_eq(a.path, "-");
    text_is(&a, " \n Plain text from stdin.\n");
    ck_assert_int_eq(erg_input_next(in, &a, NULL), ERG_DONE);
    ck_assert_uint_eq(erg_input_get_stats(in)->bytes, sizeof text - 1);
    erg_input_free(in);
}
END_TEST

START_TEST(test_stdin_jsonl)
{
    /* Two blank lines, then the bad byte at byte 14 of line 3 (its two spaces count). */
    const char text[] = "\n \n  {\"text\": \"on\xff"
                        "e\"}\n{\"text\": \"two\"}\n";
    stdin_from(text, sizeof text - 1);
    erg_input *in = open1("-", false, false);
    erg_article a;
    erg_error err;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EUTF8);
    ck_assert_str_eq(err.text, "invalid UTF-8 at byte 14");
    ck_assert_str_eq(err.source, "-");
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.id, "-:4");
    ck_assert_str_eq(a.path, "-");
    ck_assert_int_eq(a.line, 4);
    text_is(&a, "two");
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    ck_assert_uint_eq(erg_input_get_stats(in)->bytes, sizeof text - 1);
    erg_input_free(in);
}
END_TEST

START_TEST(test_stdin_empty)
{
    stdin_from("", 0);
    erg_input *in = open1("-", false, false);
    erg_article a;
    erg_error err;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EFORMAT);
    ck_assert_str_eq(err.text, "empty file");
    ck_assert_str_eq(err.source, "-");
    erg_input_free(in);
}
END_TEST

START_TEST(test_huge_line)
{
    char dir[] = "/tmp/erg-input-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[1100];
    snprintf(path, sizeof path, "%s/big.jsonl", dir);
    size_t n = 50u << 20;
    char *text = malloc(n);
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < n; i++)
        text[i] = "Kim met Moon. "[i % 14];
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs("{\"id\": 1, \"text\": \"", f);
    ck_assert_uint_eq(fwrite(text, 1, n, f), n);
    fputs("\"}\n{\"id\": 2, \"text\": \"small\"}\n", f);
    ck_assert_int_eq(fclose(f), 0);

    /* Over the default limit: skipped and counted, without failing. */
    erg_input *in = open1(path, false, false);
    erg_article a;
    erg_error err;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    text_is(&a, "small");
    ck_assert_int_eq(a.line, 2);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    ck_assert_uint_eq(erg_input_get_stats(in)->too_long, 1);
    ck_assert(strstr(erg_input_get_stats(in)->last_too_long,
                     "big.jsonl': line 1: JSON line longer than 8388608 bytes") != NULL);
    erg_input_free(in);

    /* Under a limit raised past it: read whole. */
    erg_input_options opt = {false, false, 64u << 20};
    const char *paths[] = {path};
    ck_assert_int_eq(erg_input_new(&in, paths, 1, &opt, &err), ERG_OK);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_uint_eq(a.text_len, n);
    ck_assert(memcmp(a.text, text, n) == 0);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    text_is(&a, "small");
    ck_assert_int_eq(a.line, 2);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    ck_assert_uint_eq(erg_input_get_stats(in)->too_long, 0);
    erg_input_free(in);

    /* A plain-text article over a small limit: skipped, only the limit read. */
    snprintf(path, sizeof path, "%s/big.txt", dir);
    f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, 100000, f), 100000);
    ck_assert_int_eq(fclose(f), 0);
    erg_input_options small = {false, false, 50000};
    ck_assert_int_eq(erg_input_new(&in, paths, 1, &small, &err), ERG_OK);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    ck_assert_uint_eq(erg_input_get_stats(in)->too_long, 1);
    ck_assert(strstr(erg_input_get_stats(in)->last_too_long,
                     "big.txt': article longer than 50000 bytes") != NULL);
    ck_assert_uint_le(erg_input_get_stats(in)->bytes, 50001);
    erg_input_free(in);
    unlink(path);
    snprintf(path, sizeof path, "%s/big.jsonl", dir);
    free(text);
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(test_several_paths)
{
    const char *paths[] = {fx("good.txt"), fx("bom.ndjson"), fx("tree/a.txt")};
    erg_input *in = NULL;
    erg_error err;
    ck_assert_int_eq(erg_input_new(&in, paths, 3, NULL, &err), ERG_OK);
    erg_article a;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.path, fx("good.txt"));
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.id, "bom");
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_OK);
    ck_assert_str_eq(a.path, fx("tree/a.txt"));
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    erg_input_free(in);

    ck_assert_int_eq(erg_input_new(&in, NULL, 0, NULL, &err), ERG_OK);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    erg_input_free(in);
}
END_TEST

/* Writes n bytes to dir/name; the path goes to out (1200 bytes). */
static void put_file(const char *dir, const char *name, const char *bytes, size_t n, char *out)
{
    snprintf(out, 1200, "%s/%s", dir, name);
    FILE *f = fopen(out, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(bytes, 1, n, f), n);
    ck_assert_int_eq(fclose(f), 0);
}

/* The first line erg_graph_write_json writes, then records past 4 KiB. */
static void put_native(const char *dir, const char *name, char *out)
{
    static char g[6000];
    size_t n = (size_t)snprintf(g, sizeof g, "%s",
                                "{\"format\":\"erg-graph\",\"version\":2,\"directed\":false,"
                                "\"multigraph\":true,\n\"graph\":{\"entities\":0},\n");
    while (n < 5000)
        n += (size_t)snprintf(g + n, sizeof g - n, "%s", "{\"id\":\"article\"},\n");
    put_file(dir, name, g, n, out);
}

static const char graphml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- by erg -->\n"
                              "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                              "</graphml>\n";

/* erg_input_next on path alone with skip_bad: a given graph is an error. */
static void given_graph_refused(const char *path, bool skip_bad, const char *why_start)
{
    erg_input *in = open1(path, false, skip_bad);
    erg_article a;
    erg_error err;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EFORMAT);
    ck_assert_str_eq(err.source, path);
    ck_assert_ptr_nonnull(strstr(err.text, why_start));
    ck_assert_ptr_nonnull(strstr(err.text, "not articles; to join graphs use erg merge"));
    ck_assert_uint_eq(erg_input_get_stats(in)->articles, 0);
    ck_assert_uint_le(erg_input_get_stats(in)->bytes, 4096); /* not read whole */
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    erg_input_free(in);
}

START_TEST(test_graph_refused)
{
    char dir[] = "/tmp/erg-input-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char p[6][1200];
    put_native(dir, "g.json", p[0]);
    /* Pretty-printed (jq keeps the key order), after a BOM. */
    static const char pretty[] =
        "\xEF\xBB\xBF{\n  \"format\" : \"erg-graph\",\n  \"version\": 2\n}\n";
    put_file(dir, "pretty.json", pretty, sizeof pretty - 1, p[1]);
    put_file(dir, "g.xml", graphml, sizeof graphml - 1, p[2]);
    put_file(dir, "named.graphml", "hello", 5, p[3]); /* a GraphML by its name */
    put_native(dir, "g.jsonl", p[4]);
    put_native(dir, "g.txt", p[5]);
    for (int skip = 0; skip < 2; skip++) {
        given_graph_refused(p[0], skip, "this is an erg graph");
        given_graph_refused(p[1], skip, "this is an erg graph");
        given_graph_refused(p[2], skip, "this is a GraphML graph");
        given_graph_refused(p[3], skip, "this is a GraphML graph");
        given_graph_refused(p[4], skip, "this is an erg graph");
        given_graph_refused(p[5], skip, "this is an erg graph");
    }
    /* Not graphs: another "format", and a key before "format". */
    char q[3][1200];
    static const char other[] = "{\"format\": \"other\"}";
    static const char late[] = "{\"a\": 1, \"format\": \"erg-graph\"}";
    put_file(dir, "other.txt", other, sizeof other - 1, q[0]);
    put_file(dir, "late.txt", late, sizeof late - 1, q[1]);
    for (int i = 0; i < 2; i++) {
        erg_input *in = open1(q[i], false, false);
        erg_article a;
        ck_assert_int_eq(erg_input_next(in, &a, NULL), ERG_OK);
        erg_input_free(in);
    }
    /* A stdin graph is refused as well. */
    stdin_from(graphml, sizeof graphml - 1);
    given_graph_refused("-", false, "this is a GraphML graph");

    /* In a folder: an error (the first in name order), or skipped with skip_bad. */
    erg_input *in = open1(dir, false, false);
    erg_article a;
    erg_error err;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_EFORMAT);
    ck_assert_str_eq(err.source, p[0]); /* g.json comes first in byte order */
    erg_input_free(in);

    put_file(dir, "notes.pdf", "%PDF", 4, q[2]);
    put_file(dir, "plain.json", "{\"a\": 1}\n", 9, q[2]);
    in = open1(dir, false, true);
    size_t n = 0;
    erg_status st;
    while ((st = erg_input_next(in, &a, &err)) == ERG_OK)
        n++;
    ck_assert_int_eq(st, ERG_DONE);
    ck_assert_uint_eq(n, 2); /* late.txt, other.txt */
    const erg_input_stats *stats = erg_input_get_stats(in);
    ck_assert_uint_eq(stats->skipped, 6);
    ck_assert_uint_eq(stats->ignored, 2); /* notes.pdf, plain.json */
    ck_assert_str_eq(stats->last_ignored, q[2]);
    erg_input_free(in);
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    for (struct dirent *de; (de = readdir(d));) {
        char x[1200];
        snprintf(x, sizeof x, "%s/%s", dir, de->d_name);
        if (de->d_name[0] != '.')
            unlink(x);
    }
    closedir(d);
    rmdir(dir);
}
END_TEST

START_TEST(test_no_article)
{
    char dir[] = "/tmp/erg-input-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    erg_input *in = open1(dir, false, false);
    erg_article a;
    erg_error err;
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    ck_assert_uint_eq(erg_input_get_stats(in)->articles, 0);
    ck_assert_uint_eq(erg_input_get_stats(in)->ignored, 0);
    ck_assert_str_eq(erg_input_get_stats(in)->last_ignored, "");
    erg_input_free(in);

    char p[3][1200];
    put_file(dir, "a.pdf", "%PDF", 4, p[0]);
    put_file(dir, "b.DOCX", "PK", 2, p[1]);
    put_file(dir, ".hidden.pdf", "%PDF", 4, p[2]);
    in = open1(dir, false, false);
    ck_assert_int_eq(erg_input_next(in, &a, &err), ERG_DONE);
    ck_assert_uint_eq(erg_input_get_stats(in)->articles, 0);
    ck_assert_uint_eq(erg_input_get_stats(in)->files, 0); /* none opened */
    ck_assert_uint_eq(erg_input_get_stats(in)->ignored, 2);
    ck_assert_str_eq(erg_input_get_stats(in)->last_ignored, p[1]);
    erg_input_free(in);

    /* erg_input_size counts no byte of what is not read. */
    uint64_t bytes = 1;
    bool has_stdin = true;
    const char *paths[] = {dir};
    ck_assert_int_eq(erg_input_size(paths, 1, &bytes, &has_stdin, &err), ERG_OK);
    ck_assert_uint_eq(bytes, 0);
    ck_assert(!has_stdin);
    for (int i = 0; i < 3; i++)
        unlink(p[i]);
    rmdir(dir);
}
END_TEST

/* Dates are normalized; absent, empty and unparseable ones are NULL and counted. */
START_TEST(test_dates)
{
    char path[] = "/tmp/erg-dates-XXXXXX.jsonl";
    int fd = mkstemps(path, 6);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs("{\"text\": \"a\", \"date\": \"Sun, 06 Dec 2026 19:04:48 +0000\"}\n"
          "{\"text\": \"b\", \"date\": \"9/28/16\"}\n"
          "{\"text\": \"c\"}\n"
          "{\"text\": \"d\", \"date\": \"  \"}\n"
          "{\"text\": \"e\", \"date\": \"2026-13-01\"}\n"
          "{\"text\": \"f\", \"date\": \"1987\"}\n"
          "{\"text\": \"g\", \"date\": \"so\\non\"}\n",
          f);
    fclose(f);
    static const char *const want[][2] = {
        {"2026-12-06", "Sun, 06 Dec 2026 19:04:48 +0000"},
        {"2016-09-28", "9/28/16"},
        {NULL, NULL},
        {NULL, "  "},
        {NULL, "2026-13-01"},
        {"1987", "1987"},
        {NULL, "so\non"},
    };
    erg_input *in = open1(path, false, false);
    erg_article a;
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        ck_assert_int_eq(erg_input_next(in, &a, NULL), ERG_OK);
        if (want[i][0])
            ck_assert_str_eq(a.date, want[i][0]);
        else
            ck_assert_ptr_null(a.date);
        if (want[i][1])
            ck_assert_str_eq(a.date_text, want[i][1]);
        else
            ck_assert_ptr_null(a.date_text);
    }
    ck_assert_int_eq(erg_input_next(in, &a, NULL), ERG_DONE);
    const erg_input_stats *st = erg_input_get_stats(in);
    ck_assert_uint_eq(st->undated, 4);
    ck_assert_uint_eq(st->bad_dates, 2);
    char last[512];
    snprintf(last, sizeof last, "'%s:7': 'so?on'", path);
    ck_assert_str_eq(st->last_bad_date, last);
    erg_input_free(in);
    unlink(path);
}
END_TEST
static Suite *input_suite(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_plain_file);
    tcase_add_test(tc, test_dates);
    tcase_add_test(tc, test_bom_and_crlf);
    tcase_add_test(tc, test_invalid_utf8_strict);
    tcase_add_test(tc, test_invalid_utf8_lenient);
    tcase_add_test(tc, test_empty_and_binary);
    tcase_add_test(tc, test_jsonl_fields);
    tcase_add_test(tc, test_jsonl_errors);
    tcase_add_test(tc, test_missing_and_unreadable);
    tcase_add_test(tc, test_folder_walk);
    tcase_add_test(tc, test_symlinks);
    tcase_add_test(tc, test_stdin_plain);
    tcase_add_test(tc, test_stdin_jsonl);
    tcase_add_test(tc, test_stdin_empty);
    tcase_add_test(tc, test_huge_line);
    tcase_add_test(tc, test_several_paths);
    tcase_add_test(tc, test_graph_refused);
    tcase_add_test(tc, test_no_article);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(input_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
