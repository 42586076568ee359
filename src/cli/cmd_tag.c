/*
 * cmd_tag.c: `erg tag --conll FILE`, prints every CoNLL line back with the
 * predicted IOB2 tag as one more column.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: erg tag --conll FILE [--model MODEL]\n\n"
               "Reads a CoNLL-style file (one token a line in the first column, blank lines\n"
               "between sentences; '-' reads standard input) and prints every line back with\n"
               "one more column: the predicted tag, IOB2 over PER, ORG, LOC and MISC. The\n"
               "column is joined with a space when the line holds spaces, else with a tab.\n"
               "Blank lines and -DOCSTART- lines are printed unchanged.\n\n"
               "Options:\n"
               "  -c, --conll FILE   the CoNLL file to tag (required for now)\n"
               "  -m, --model MODEL  the model to use (default: $ERG_MODEL, else data/erg.model)\n"
               "  -h, --help         show this help\n\n"
               "Example:\n"
               "  erg tag --conll conll/dev.txt > dev.tagged\n");
}

/* The lines of the sentence being read, and the first column of each. */
typedef struct sentence {
    erg_buf text; /* the lines, each without its line end */
    size_t *line_off;
    size_t *line_len;
    bool *line_cr; /* the line ended with "\r\n" */
    size_t *word_off;
    size_t *word_len;
    erg_word *words;
    uint8_t *labels;
    size_t n, cap;
} sentence;

static void sentence_release(sentence *s)
{
    erg_buf_release(&s->text);
    free(s->line_off);
    free(s->line_len);
    free(s->line_cr);
    free(s->word_off);
    free(s->word_len);
    free(s->words);
    free(s->labels);
}

static bool sentence_grow(sentence *s)
{
    size_t cap = s->cap ? 2 * s->cap : 256;
#define GROW(field)                                                                                \
    do {                                                                                           \
        void *p = realloc(s->field, cap * sizeof *s->field);                                       \
        if (!p)                                                                                    \
            return false;                                                                          \
        s->field = p;                                                                              \
    } while (0)
    GROW(line_off);
    GROW(line_len);
    GROW(line_cr);
    GROW(word_off);
    GROW(word_len);
    GROW(words);
    GROW(labels);
#undef GROW
    s->cap = cap;
    return true;
}

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\v' || ch == '\f';
}

/* Tags the sentence and prints its lines; false on a tagging failure (err filled). */
static bool flush_sentence(sentence *s, erg_tagger *t, FILE *out, erg_error *err)
{
    if (s->n == 0)
        return true;
    for (size_t i = 0; i < s->n; i++) {
        s->words[i].s = s->text.data + s->word_off[i];
        s->words[i].n = (uint32_t)s->word_len[i];
    }
    if (erg_tagger_tag(t, s->words, s->n, s->labels, err) != ERG_OK)
        return false;
    for (size_t i = 0; i < s->n; i++) {
        const char *line = s->text.data + s->line_off[i];
        size_t len = s->line_len[i];
        char sep = memchr(line, ' ', len) ? ' ' : '\t';
        fwrite(line, 1, len, out);
        fputc(sep, out);
        fputs(erg_label_name((erg_label)s->labels[i]), out);
        fputs(s->line_cr[i] ? "\r\n" : "\n", out);
    }
    s->n = 0;
    erg_buf_clear(&s->text);
    return true;
}

int cmd_tag(int argc, char **argv)
{
    static const struct option opts[] = {{"conll", required_argument, NULL, 'c'},
                                         {"model", required_argument, NULL, 'm'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *model_path = NULL, *conll = NULL;
    int ch;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":c:m:h", opts, NULL)) != -1) {
        switch (ch) {
        case 'c':
            conll = optarg;
            break;
        case 'm':
            model_path = optarg;
            break;
        case 'h':
            usage(stdout);
            return CLI_OK;
        case ':':
            return cli_usage("tag", "option '%s' needs a value", argv[optind - 1]);
        default:
            return cli_usage("tag", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_usage("tag", "unexpected argument '%s'", argv[optind]);
    if (!conll)
        return cli_usage("tag", "no input given: use --conll FILE (raw-text tagging is not "
                                "available yet)");

    erg_error err;
    erg_error_clear(&err);
    int rc = CLI_FAIL;
    erg_model *m = NULL;
    erg_tagger *t = NULL;
    sentence s;
    memset(&s, 0, sizeof s);
    char *line = NULL;
    size_t line_cap = 0;
    bool use_stdin = strcmp(conll, "-") == 0;
    FILE *in = use_stdin ? stdin : fopen(conll, "rb");
    if (!in)
        return cli_failf("'%s': cannot open: %s", conll, strerror(errno));
    m = cli_load_model(model_path);
    if (!m)
        goto cleanup;
    if (erg_tagger_new(&t, m, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    ssize_t got;
    long lineno = 0;
    while ((got = getline(&line, &line_cap, in)) != -1) {
        lineno++;
        size_t n = (size_t)got;
        if (memchr(line, '\0', n)) {
            rc = cli_failf("'%s:%ld': binary data (a NUL byte) in a CoNLL file", conll, lineno);
            goto cleanup;
        }
        bool nl = n > 0 && line[n - 1] == '\n';
        size_t body = n - (nl ? 1 : 0);
        bool cr = body > 0 && line[body - 1] == '\r';
        if (cr)
            body--;
        size_t a = 0;
        while (a < body && is_blank(line[a]))
            a++;
        size_t b = a;
        while (b < body && !is_blank(line[b]))
            b++;
        bool boundary = a == body || (b - a == 10 && memcmp(line + a, "-DOCSTART-", 10) == 0);
        if (boundary) {
            if (!flush_sentence(&s, t, stdout, &err)) {
                rc = cli_fail(&err);
                goto cleanup;
            }
            fwrite(line, 1, n, stdout);
            continue;
        }
        size_t e = body;
        while (e > b && is_blank(line[e - 1]))
            e--;
        if (s.n == s.cap && !sentence_grow(&s)) {
            rc = cli_failf("out of memory");
            goto cleanup;
        }
        s.line_off[s.n] = s.text.len;
        s.line_len[s.n] = e;
        s.line_cr[s.n] = cr;
        s.word_off[s.n] = s.text.len + a;
        s.word_len[s.n] = b - a;
        if (b - a > UINT32_MAX || erg_buf_append(&s.text, line, e) != ERG_OK) {
            rc = cli_failf("'%s:%ld': line too long", conll, lineno);
            goto cleanup;
        }
        s.n++;
    }
    if (ferror(in)) {
        rc = cli_failf("'%s': cannot read: %s", conll, strerror(errno));
        goto cleanup;
    }
    if (!flush_sentence(&s, t, stdout, &err)) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        rc = cli_failf("cannot write to standard output: %s", strerror(errno));
        goto cleanup;
    }
    rc = CLI_OK;
cleanup:
    free(line);
    sentence_release(&s);
    erg_tagger_free(t);
    erg_model_free(m);
    if (!use_stdin)
        fclose(in);
    return rc;
}
