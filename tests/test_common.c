#include "erg/common.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

START_TEST(test_buf_grows_and_stays_terminated)
{
    erg_buf b;
    erg_buf_init(&b);
    for (int i = 0; i < 1000; i++)
        ck_assert_int_eq(erg_buf_printf(&b, "%d,", i), ERG_OK);
    ck_assert_uint_eq(strlen(b.data), b.len);
    ck_assert(strncmp(b.data, "0,1,2,", 6) == 0);
    ck_assert(strcmp(b.data + b.len - 4, "999,") == 0);
    erg_buf_clear(&b);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_str_eq(b.data, "");
    char *s = erg_buf_steal(&b);
    ck_assert_ptr_null(b.data);
    free(s);
    erg_buf_release(&b);
}
END_TEST

START_TEST(test_error_set_formats)
{
    erg_error err;
    erg_error_clear(&err);
    erg_status st = erg_error_set(&err, ERG_EUTF8, "a.txt", 3, 17, "invalid UTF-8 at byte %d", 17);
    ck_assert_int_eq(st, ERG_EUTF8);
    ck_assert_str_eq(err.text, "invalid UTF-8 at byte 17");
    ck_assert_str_eq(err.source, "a.txt");
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_eq(erg_error_set(NULL, ERG_EIO, NULL, 0, -1, "x"), ERG_EIO);
}
END_TEST

START_TEST(test_hash_is_stable)
{
    ck_assert(erg_hash("abc", 3) == erg_hash("abc", 3));
    ck_assert(erg_hash("abc", 3) != erg_hash("abd", 3));
    ck_assert(erg_hash("abc", 3) == erg_hash_mix(erg_hash_more(ERG_HASH_SEED, "abc", 3)));
}
END_TEST

/* Terminal-safe text: controls and bidi controls escaped, the rest copied. */
START_TEST(test_escape_for_terminal)
{
    erg_buf b;
    erg_buf_init(&b);
    const char in[] = "A\x1b[31m\tB\nC\x7f \xC2\x9b \xE2\x80\xAE \xE2\x81\xA6 \xE2\x80\x8F "
                      "\xC3\xA9\\ \xFF";
    ck_assert_int_eq(erg_buf_put_escaped(&b, in, sizeof in - 1, ERG_ESCAPE_WS_ESCAPED), ERG_OK);
    ck_assert_str_eq(b.data, "A\\x1b[31m\\x09B\\x0aC\\x7f \\u009b \\u202e \\u2066 \\u200f "
                             "\xC3\xA9\\ \\xff");
    erg_buf_clear(&b);
    ck_assert_int_eq(erg_buf_put_escaped(&b, "a\tb\r\nc\x01", 7, ERG_ESCAPE_WS_SPACE), ERG_OK);
    ck_assert_str_eq(b.data, "a b  c\\x01");
    erg_buf_clear(&b);
    ck_assert_int_eq(erg_buf_put_escaped(&b, "a\tb\nc", 5, ERG_ESCAPE_WS_KEEP), ERG_OK);
    ck_assert_str_eq(b.data, "a\tb\nc");
    /* A cut UTF-8 sequence is escaped byte by byte. */
    erg_buf_clear(&b);
    ck_assert_int_eq(erg_buf_put_escaped(&b, "x\xE2\x80", 3, ERG_ESCAPE_WS_ESCAPED), ERG_OK);
    ck_assert_str_eq(b.data, "x\\xe2\\x80");
    erg_buf_release(&b);

    char name[] = "Rtl \xE2\x80\xAE"
                  "esrever\xE2\x80\xAC \xE2\x81\xA6iso\xE2\x81\xA9 \xE2\x80\x8F";
    ck_assert(erg_has_bidi_override(name));
    ck_assert_uint_eq(erg_strip_bidi_overrides(name), strlen("Rtl esrever iso \xE2\x80\x8F"));
    ck_assert_str_eq(name, "Rtl esrever iso \xE2\x80\x8F"); /* a mark (U+200F) is kept */
    ck_assert(!erg_has_bidi_override(name));
    ck_assert(!erg_has_bidi_override(NULL));
    ck_assert_uint_eq(erg_bidi_override_at("\xE2\x80\xAA"), 3);
    ck_assert_uint_eq(erg_bidi_override_at("\xE2\x80"), 0);
}
END_TEST

START_TEST(test_type_mask)
{
    unsigned m = 0;
    erg_error err;
    ck_assert_int_eq(erg_type_mask_parse("person,Place", &m, &err), ERG_OK);
    ck_assert_uint_eq(m, ERG_TYPE_BIT(ERG_TYPE_PERSON) | ERG_TYPE_BIT(ERG_TYPE_PLACE));
    ck_assert_int_eq(erg_type_mask_parse("person,robot", &m, &err), ERG_EINVAL);
    ck_assert(strstr(err.text, "'robot'") != NULL);
    ck_assert_int_eq(erg_type_mask_parse("", &m, &err), ERG_EINVAL);
    ck_assert_str_eq(erg_type_name(ERG_TYPE_OUTLET), "outlet");
}
END_TEST

START_TEST(test_outfile_renames_only_on_commit)
{
    char dir[] = "/tmp/erg-test-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    erg_outfile of;
    erg_error err;
    ck_assert_int_eq(erg_outfile_open(&of, path, &err), ERG_OK);
    fputs("hello", of.fp);
    ck_assert_int_eq(access(path, F_OK), -1); /* not there before commit */
    ck_assert_int_eq(erg_outfile_commit(&of, &err), ERG_OK);
    char *data;
    size_t len;
    ck_assert_int_eq(erg_read_file(path, &data, &len, &err), ERG_OK);
    ck_assert_str_eq(data, "hello");
    free(data);

    ck_assert_int_eq(erg_outfile_open(&of, path, &err), ERG_OK);
    fputs("partial", of.fp);
    erg_outfile_abort(&of);
    ck_assert_int_eq(erg_read_file(path, &data, &len, &err), ERG_OK);
    ck_assert_str_eq(data, "hello"); /* the old file is untouched */
    free(data);
    unlink(path);
    rmdir(dir);

    ck_assert_int_eq(erg_outfile_open(&of, "/nonexistent-dir/x.json", &err), ERG_EIO);
    ck_assert(strstr(err.text, "cannot create") != NULL);
    ck_assert_int_eq(erg_read_file("/nonexistent-file", &data, &len, &err), ERG_ENOTFOUND);
}
END_TEST

START_TEST(test_grow_doubles_and_keeps_content)
{
    int *a = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < 1000; i++) {
        ck_assert_int_eq(erg_grow((void **)&a, &cap, i + 1, sizeof *a), ERG_OK);
        ck_assert_uint_ge(cap, i + 1);
        a[i] = (int)i;
    }
    ck_assert_uint_eq(cap, 1024); /* 16 doubled six times */
    for (size_t i = 0; i < 1000; i++)
        ck_assert_int_eq(a[i], (int)i);
    size_t before = cap;
    ck_assert_int_eq(erg_grow((void **)&a, &cap, SIZE_MAX / 2, sizeof *a), ERG_ENOMEM);
    ck_assert_uint_eq(cap, before); /* unchanged on failure */
    free(a);
}
END_TEST

static Suite *common_suite(void)
{
    Suite *s = suite_create("common");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_buf_grows_and_stays_terminated);
    tcase_add_test(tc, test_error_set_formats);
    tcase_add_test(tc, test_hash_is_stable);
    tcase_add_test(tc, test_escape_for_terminal);
    tcase_add_test(tc, test_type_mask);
    tcase_add_test(tc, test_grow_doubles_and_keeps_content);
    tcase_add_test(tc, test_outfile_renames_only_on_commit);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(common_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
