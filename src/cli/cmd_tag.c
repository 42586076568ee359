/*
 * cmd_tag.c: `erg tag INPUT...` tags raw articles and prints TOKEN<TAB>TAG
 * lines; `erg tag --conll FILE` prints every CoNLL line back with the
 * predicted IOB2 tag as one more column.
 */
#include "pipeline.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: erg tag [OPTIONS] INPUT...\n"
               "       erg tag --conll FILE [--model MODEL]\n\n"
               "Tags raw articles (files, folders, JSON Lines or - for stdin, as erg build\n"
               "reads them) and prints one TOKEN<TAB>TAG line per token, IOB2 over PER, ORG,\n"
               "LOC and MISC, with a blank line after every sentence.\n\n"
               "With --conll, reads a CoNLL-style file instead (one token a line in the first\n"
               "column, blank lines between sentences; '-' reads standard input) and prints\n"
               "every line back with one more column: the predicted tag. The column is\n"
               "joined with a space when the line holds spaces, else with a tab. Blank lines\n"
               "and -DOCSTART- lines are printed unchanged.\n\n"
               "Options:\n"
               "  -c, --conll FILE      tag a CoNLL file instead of raw articles\n"
               "      --stats           print to stderr one JSON line: articles, tokens, bytes,\n"
               "                        seconds and tokens_per_second over the whole run\n"
               "                        (reading, tokenizing and tagging)\n" CLI_INPUT_HELP
               "  -h, --help            show this help\n\n"
               "Example:\n"
               "  erg tag fixtures/articles/defector-article.txt\n"
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

static int tag_conll(const char *conll, const char *model_path)
{
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

/* State of a raw-text run: one tokenizer doc, label and output buffers reused by every article. */
typedef struct raw_ctx {
    erg_tagger *tagger;
    erg_doc doc;
    uint8_t *labels;
    size_t labels_cap;
    erg_buf out;
    uint64_t tokens, bytes;
} raw_ctx;

static erg_status tag_article(void *ctx, const erg_article *art, erg_error *err)
{
    raw_ctx *x = ctx;
    erg_status st = cli_tag_article(x->tagger, art, &x->doc, &x->labels, &x->labels_cap, err);
    if (st != ERG_OK)
        return st;
    x->tokens += x->doc.n_tokens;
    x->bytes += art->text_len;
    for (size_t s = 0; s < x->doc.n_sentences; s++) {
        const erg_sentence *sen = &x->doc.sentences[s];
        erg_buf_clear(&x->out);
        for (uint32_t i = sen->first; i < sen->end; i++) {
            const erg_token *tk = &x->doc.tokens[i];
            const char *name = erg_label_name((erg_label)x->labels[i]);
            size_t nl = strlen(name);
            if (erg_buf_reserve(&x->out, tk->end - tk->start + nl + 2) != ERG_OK)
                return erg_error_oom(err);
            char *w = x->out.data + x->out.len;
            memcpy(w, art->text + tk->start, tk->end - tk->start);
            w += tk->end - tk->start;
            *w++ = '\t';
            memcpy(w, name, nl);
            w += nl;
            *w++ = '\n';
            x->out.len = (size_t)(w - x->out.data);
        }
        if (erg_buf_putc(&x->out, '\n') != ERG_OK)
            return erg_error_oom(err);
        if (fwrite(x->out.data, 1, x->out.len, stdout) != x->out.len)
            return erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write to standard output");
    }
    return ERG_OK;
}

static int tag_raw(char **paths, size_t n_paths, const cli_read_options *ro, bool stats)
{
    double t0 = cli_now();
    erg_error err;
    erg_error_clear(&err);
    raw_ctx x;
    memset(&x, 0, sizeof x);
    erg_doc_init(&x.doc);
    erg_buf_init(&x.out);
    int rc = CLI_FAIL;
    erg_model *m = cli_load_model(ro->model_path);
    if (!m)
        goto cleanup;
    if (erg_tagger_new(&x.tagger, m, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    size_t articles = 0;
    rc = cli_for_each_article(paths, n_paths, ro, tag_article, &x, &articles);
    if (rc != CLI_OK)
        goto cleanup;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        rc = cli_failf("cannot write to standard output: %s", strerror(errno));
        goto cleanup;
    }
    if (stats) {
        double secs = cli_now() - t0;
        fprintf(stderr,
                "{\"articles\": %zu, \"tokens\": %llu, \"bytes\": %llu, \"seconds\": %.3f, "
                "\"tokens_per_second\": %.0f}\n",
                articles, (unsigned long long)x.tokens, (unsigned long long)x.bytes, secs,
                secs > 0 ? (double)x.tokens / secs : 0.0);
    }
cleanup:
    erg_tagger_free(x.tagger);
    erg_model_free(m);
    erg_doc_release(&x.doc);
    erg_buf_release(&x.out);
    free(x.labels);
    return rc;
}

enum { OPT_STATS = 2000 };

int cmd_tag(int argc, char **argv)
{
    static const struct option opts[] = {{"conll", required_argument, NULL, 'c'},
                                         {"stats", no_argument, NULL, OPT_STATS},
                                         {"help", no_argument, NULL, 'h'},
                                         CLI_INPUT_LONG_OPTIONS,
                                         {NULL, 0, NULL, 0}};
    cli_read_options ro;
    cli_read_options_init(&ro);
    const char *conll = NULL;
    bool stats = false;
    int ch, r;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":c:h" CLI_INPUT_SHORT_OPTIONS, opts, NULL)) != -1) {
        switch (ch) {
        case 'c':
            conll = optarg;
            break;
        case OPT_STATS:
            stats = true;
            break;
        case 'h':
            usage(stdout);
            return CLI_OK;
        default:
            if ((r = cli_read_option("tag", ch, optarg, &ro)) == 1)
                break;
            if (r == CLI_USAGE)
                return CLI_USAGE;
            return cli_bad_option("tag", ch, argv);
        }
    }
    if (conll) {
        if (optind < argc)
            return cli_usage("tag", "unexpected argument '%s' (--conll reads one file)",
                             argv[optind]);
        return tag_conll(conll, ro.model_path);
    }
    if (optind >= argc)
        return cli_usage("tag", "no input given (files, folders or - for stdin, or --conll FILE)");
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    return tag_raw(argv + optind, (size_t)(argc - optind), &ro, stats);
}
