/*
 * data_test.h: what the runners of tests that are data share
 * (tests/typing/run_rules.c, tests/relations/run_relations.c): a file of
 * blocks, one test each, and the report of one test, in TAP lines.
 */
#ifndef ERG_DATA_TEST_H
#define ERG_DATA_TEST_H

#include "erg/common.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most lines of one block; more are dropped. */
#define DATA_TEST_MAX_LINES 256

/* Called with a block's lines (NUL-terminated, writable) and its first line's number. */
typedef void (*data_test_block_fn)(void *ctx, char **lines, size_t n, long lineno,
                                   const char *path);

/*
 * Calls fn for every block of the file at path: a run of non-blank lines,
 * lines starting with '#' left out. 0, or 2 when the file cannot be read
 * (said on stderr after prog).
 */
static int data_test_blocks(const char *prog, const char *path, data_test_block_fn fn, void *ctx)
{
    erg_error err;
    erg_error_clear(&err);
    char *data = NULL;
    size_t len = 0;
    if (erg_read_file(path, &data, &len, &err) != ERG_OK) {
        fprintf(stderr, "%s: %s: %s\n", prog, err.source, err.text);
        return 2;
    }
    /* Split into lines in place. */
    char *lines[DATA_TEST_MAX_LINES];
    size_t n = 0;
    long line = 0, block_line = 0;
    for (char *p = data; p && p <= data + len;) {
        char *nl = memchr(p, '\n', (size_t)(data + len - p));
        if (nl)
            *nl = '\0';
        else
            data[len] = '\0'; /* erg_read_file leaves a NUL after the data */
        line++;
        bool blank = !*p;
        if (!blank && *p != '#' && n < DATA_TEST_MAX_LINES) {
            if (!n)
                block_line = line;
            lines[n++] = p;
        }
        if ((blank || !nl) && n) {
            fn(ctx, lines, n, block_line, path);
            n = 0;
        }
        p = nl ? nl + 1 : NULL;
    }
    free(data);
    return 0;
}

/*
 * Prints "ok - path:lineno" when want and got are the same bytes, else
 * "not ok" with head and both texts; true when they are.
 */
static bool data_test_report(const erg_buf *want, const erg_buf *got, const char *path, long lineno,
                             const char *head)
{
    if (want->len == got->len && memcmp(want->data, got->data, got->len) == 0) {
        printf("ok - %s:%ld\n", path, lineno);
        return true;
    }
    printf("not ok - %s:%ld: %s\n# expected:\n%.*s# got:\n%.*s", path, lineno, head, (int)want->len,
           want->data, (int)got->len, got->data);
    return false;
}

#endif
