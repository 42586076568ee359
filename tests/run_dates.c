/*
 * run_dates: runs the date tests of a data file (tests/dates.test) through
 * erg_date_parse, erg_date_format and erg_date_first_day/last_day, the way
 * tests/typing/run_rules.c runs the typing rules' tests.
 *
 * One test a line; blank lines and lines starting with '#' are ignored:
 *
 *   INPUT<TAB>EXPECTED[<TAB>FIRST<TAB>LAST]
 *
 * INPUT is the text to parse, with C escapes (\t, \n, \r, \\, \xHH) so that
 * white space and any byte can be written; EXPECTED is the normalized text,
 * or "-" when INPUT is no date; FIRST and LAST (optional) are the days since
 * 1970-01-01 that erg_date_first_day and erg_date_last_day give. Every date
 * parsed is also checked to read back as itself from its normalized text.
 *
 * usage: run_dates FILE. Exit status 1 when a test fails.
 */
#include "erg/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Unescapes s[0..n) into out (at least n bytes); its length, or -1 on a bad escape. */
static long unescape(const char *s, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\') {
            out[k++] = s[i];
            continue;
        }
        if (++i == n)
            return -1;
        switch (s[i]) {
        case 't':
            out[k++] = '\t';
            break;
        case 'n':
            out[k++] = '\n';
            break;
        case 'r':
            out[k++] = '\r';
            break;
        case '\\':
            out[k++] = '\\';
            break;
        case 'x':
            if (i + 2 >= n || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0)
                return -1;
            out[k++] = (char)(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
            break;
        default:
            return -1;
        }
    }
    return (long)k;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: run_dates FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    char *line = NULL, *input = NULL;
    size_t cap = 0;
    ssize_t len;
    long lineno = 0;
    int run = 0, failed = 0;
    while ((len = getline(&line, &cap, f)) != -1) {
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!len || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab) {
            printf("not ok - %s:%ld: no TAB\n", argv[1], lineno);
            failed++;
            continue;
        }
        char *fields[3] = {tab + 1, NULL, NULL};
        for (int k = 1; k < 3; k++) {
            char *t = fields[k - 1] ? strchr(fields[k - 1], '\t') : NULL;
            if (t) {
                *t = '\0';
                fields[k] = t + 1;
            }
        }
        free(input);
        input = malloc((size_t)(tab - line) + 1);
        long n = input ? unescape(line, (size_t)(tab - line), input) : -1;
        if (n < 0) {
            printf("not ok - %s:%ld: bad escape in the input\n", argv[1], lineno);
            failed++;
            continue;
        }
        run++;
        erg_date d;
        char buf[ERG_DATE_TEXT_MAX];
        const char *got = "-";
        if (erg_date_parse(input, (size_t)n, &d) == ERG_OK)
            got = erg_date_format(&d, buf);
        if (strcmp(got, fields[0]) != 0) {
            printf("not ok - %s:%ld: '%.*s' gave %s, expected %s\n", argv[1], lineno,
                   (int)(tab - line), line, got, fields[0]);
            failed++;
            continue;
        }
        if (got == buf) {
            erg_date back;
            if (erg_date_parse(buf, strlen(buf), &back) != ERG_OK || back.year != d.year ||
                back.month != d.month || back.day != d.day ||
                erg_date_first_day(&d) > erg_date_last_day(&d)) {
                printf("not ok - %s:%ld: %s does not read back as itself\n", argv[1], lineno, buf);
                failed++;
                continue;
            }
            if (fields[1] && fields[2] &&
                (erg_date_first_day(&d) != atol(fields[1]) ||
                 erg_date_last_day(&d) != atol(fields[2]))) {
                printf("not ok - %s:%ld: %s covers days %ld..%ld, expected %s..%s\n", argv[1],
                       lineno, buf, (long)erg_date_first_day(&d), (long)erg_date_last_day(&d),
                       fields[1], fields[2]);
                failed++;
                continue;
            }
        }
        printf("ok - %s:%ld\n", argv[1], lineno);
    }
    free(line);
    free(input);
    fclose(f);
    printf("%d tests, %d failed\n", run, failed);
    return failed ? 1 : 0;
}
