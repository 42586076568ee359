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
               "and -DOCSTART- lines are printed unchanged. A file that opens with\n"
               "-DOCSTART- is tagged a document at a time, as erg eval and erg extract tag,\n"
               "so that each name is read in the light of the rest of its document.\n\n"
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

/*
 * The lines read since the last flush: a sentence, or with -DOCSTART- lines
 * a whole document, so that the tagger sees every sentence of it. A token
 * line keeps its first column as a word; other lines are printed back as read.
 */
typedef struct block {
    erg_buf text;     /* the lines; token lines without their line end */
    size_t *line_off; /* per line */
    size_t *line_len;
    bool *line_cr;      /* a token line ended with "\r\n" */
    int64_t *line_word; /* the token line's word index, or -1 for a line printed as read */
    size_t *word_off;   /* per word */
    erg_word *words;
    uint8_t *labels;
    uint32_t *sfirst, *send; /* per sentence: its words */
    size_t n_lines, n_words, n_sent, cap;
    bool in_sentence;
} block;

static void block_release(block *b)
{
    erg_buf_release(&b->text);
    free(b->line_off);
    free(b->line_len);
    free(b->line_cr);
    free(b->line_word);
    free(b->word_off);
    free(b->words);
    free(b->labels);
    free(b->sfirst);
    free(b->send);
}

/* Room for one more line, word and sentence (each count is at most the line count). */
static bool block_reserve(block *b)
{
    if (b->n_lines < b->cap)
        return true;
    size_t cap = b->cap ? 2 * b->cap : 256;
#define GROW(field)                                                                                \
    do {                                                                                           \
        void *p = realloc(b->field, cap * sizeof *b->field);                                       \
        if (!p)                                                                                    \
            return false;                                                                          \
        b->field = p;                                                                              \
    } while (0)
    GROW(line_off);
    GROW(line_len);
    GROW(line_cr);
    GROW(line_word);
    GROW(word_off);
    GROW(words);
    GROW(labels);
    GROW(sfirst);
    GROW(send);
#undef GROW
    b->cap = cap;
    return true;
}

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\v' || ch == '\f';
}

/* Ends the sentence being read, if any. */
static void block_end_sentence(block *b)
{
    if (b->in_sentence)
        b->send[b->n_sent++] = (uint32_t)b->n_words;
    b->in_sentence = false;
}

/* Tags the block and prints its lines; false on a tagging failure (err filled). */
static bool flush_block(block *b, erg_tagger *t, FILE *out, erg_error *err)
{
    block_end_sentence(b);
    for (size_t i = 0; i < b->n_words; i++)
        b->words[i].s = b->text.data + b->word_off[i];
    if (b->n_words && erg_tagger_tag_sentences(t, b->words, b->n_words, b->sfirst, b->send,
                                               b->n_sent, b->labels, err) != ERG_OK)
        return false;
    for (size_t i = 0; i < b->n_lines; i++) {
        const char *line = b->text.data + b->line_off[i];
        size_t len = b->line_len[i];
        fwrite(line, 1, len, out);
        if (b->line_word[i] < 0)
            continue;
        fputc(memchr(line, ' ', len) ? ' ' : '\t', out);
        fputs(erg_label_name((erg_label)b->labels[b->line_word[i]]), out);
        fputs(b->line_cr[i] ? "\r\n" : "\n", out);
    }
    b->n_lines = b->n_words = b->n_sent = 0;
    erg_buf_clear(&b->text);
    return true;
}

static int tag_conll(const char *conll, const char *model_path, const char *knowledge_dir)
{
    erg_error err;
    erg_error_clear(&err);
    int rc = CLI_FAIL;
    erg_model *m = NULL;
    erg_tagger *t = NULL;
    block blk;
    memset(&blk, 0, sizeof blk);
    char *line = NULL;
    size_t line_cap = 0;
    bool use_stdin = strcmp(conll, "-") == 0;
    FILE *in = use_stdin ? stdin : fopen(conll, "rb");
    if (!in)
        return cli_failf("'%s': cannot open: %s", conll, strerror(errno));
    m = cli_load_model(model_path, knowledge_dir, NULL);
    if (!m)
        goto cleanup;
    if (erg_tagger_new(&t, m, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    /* A file that opens with -DOCSTART- is tagged a document at a time; any
     * other, a sentence at a time (as training reads such a file). */
    int docs = -1; /* not known until the first line that is not blank */
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
        size_t e = a;
        while (e < body && !is_blank(line[e]))
            e++;
        bool blank = a == body;
        bool docstart = e - a == 10 && memcmp(line + a, "-DOCSTART-", 10) == 0;
        if (docs < 0 && !blank)
            docs = docstart;
        if ((docstart || (blank && docs != 1)) && !flush_block(&blk, t, stdout, &err)) {
            rc = cli_fail(&err);
            goto cleanup;
        }
        if (!block_reserve(&blk)) {
            rc = cli_failf("out of memory");
            goto cleanup;
        }
        size_t k = blk.n_lines;
        blk.line_off[k] = blk.text.len;
        blk.line_cr[k] = cr;
        blk.line_word[k] = -1;
        if (blank || docstart) {
            block_end_sentence(&blk);
            blk.line_len[k] = n;
            if (erg_buf_append(&blk.text, line, n) != ERG_OK) {
                rc = cli_failf("out of memory");
                goto cleanup;
            }
            blk.n_lines++;
            continue;
        }
        size_t end = body;
        while (end > e && is_blank(line[end - 1]))
            end--;
        if (e - a > UINT32_MAX || erg_buf_append(&blk.text, line, end) != ERG_OK) {
            rc = cli_failf("'%s:%ld': line too long", conll, lineno);
            goto cleanup;
        }
        if (!blk.in_sentence)
            blk.sfirst[blk.n_sent] = (uint32_t)blk.n_words;
        blk.in_sentence = true;
        blk.line_len[k] = end;
        blk.line_word[k] = (int64_t)blk.n_words;
        blk.word_off[blk.n_words] = blk.line_off[k] + a;
        blk.words[blk.n_words].n = (uint32_t)(e - a);
        blk.n_words++;
        blk.n_lines++;
    }
    if (ferror(in)) {
        rc = cli_failf("'%s': cannot read: %s", conll, strerror(errno));
        goto cleanup;
    }
    if (!flush_block(&blk, t, stdout, &err)) {
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
    block_release(&blk);
    erg_tagger_free(t);
    erg_model_free(m);
    if (!use_stdin)
        fclose(in);
    return rc;
}

/* State of a raw-text run: one tokenizer doc, label and output buffers reused by every article. */
typedef struct raw_ctx {
    erg_tagger *tagger;
    erg_extraction x; /* only its doc and labels */
    erg_buf out;
    uint64_t tokens, bytes;
} raw_ctx;

static erg_status tag_article(void *ctx, const erg_article *art, erg_error *err)
{
    raw_ctx *x = ctx;
    erg_status st = erg_pipeline_tag(x->tagger, art, &x->x, err);
    if (st != ERG_OK)
        return st;
    x->tokens += x->x.doc.n_tokens;
    x->bytes += art->text_len;
    for (size_t s = 0; s < x->x.doc.n_sentences; s++) {
        const erg_sentence *sen = &x->x.doc.sentences[s];
        erg_buf_clear(&x->out);
        for (uint32_t i = sen->first; i < sen->end; i++) {
            const erg_token *tk = &x->x.doc.tokens[i];
            const char *name = erg_label_name((erg_label)x->x.labels[i]);
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
    erg_extraction_init(&x.x);
    erg_buf_init(&x.out);
    int rc = CLI_FAIL;
    erg_model *m = cli_load_model(ro->model_path, ro->knowledge_dir, NULL);
    if (!m)
        goto cleanup;
    if (erg_tagger_new(&x.tagger, m, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    cli_read_stats rs;
    rc = cli_for_each_article(paths, n_paths, ro, NULL, tag_article, &x, &rs);
    size_t articles = rs.articles;
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
    erg_extraction_release(&x.x);
    erg_buf_release(&x.out);
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
        return tag_conll(conll, ro.model_path, ro.knowledge_dir);
    }
    if (optind >= argc)
        return cli_usage("tag", "no input given (files, folders or - for stdin, or --conll FILE)");
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    return tag_raw(argv + optind, (size_t)(argc - optind), &ro, stats);
}
