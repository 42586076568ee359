/*
 * run_rules: runs the typing-rule tests of a data file (tests/typing/rules.test)
 * through the typing stage, the way jq runs tests/jq.test.
 *
 * A test is a block of lines, blocks separated by blank lines; lines starting
 * with '#' are comments:
 *
 *   %nogaz                                      (optional: run without a gazetteer)
 *   Labour MP George Foulkes]PER spoke.         (the text, one line, with the tagger's
 *                                                spans marked [like this]PER, ORG, LOC
 *                                                or MISC; unmarked tokens are O)
 *   agency "Labour" role-phrase ORG             (every mention expected, in text order:
 *   person "George Foulkes" role-phrase ORG      type, text, rule name, the class the
 *                                                mention keeps; "-" alone: none)
 *
 * usage: run_rules FILE [--print]; --print writes each block with the
 * mentions found instead of comparing (to write new tests). The shipped word
 * lists are read from $ERG_DATA or the source tree. Exit status 1 when a test
 * fails.
 */
#include "erg/ner.h"
#include "erg/text.h"
#include "erg/typing.h"

#include "../data_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SPANS 64

typedef struct tagged_span {
    size_t start, end; /* bytes of the plain text */
    erg_class cls;
} tagged_span;

/* Strips the [..]TAG marks from line into text; fills spans. -1 on a bad mark. */
static int parse_marks(const char *line, erg_buf *text, tagged_span *spans, size_t *n)
{
    static const char *const tags[] = {"PER", "ORG", "LOC", "MISC"};
    *n = 0;
    erg_buf_clear(text);
    size_t open = SIZE_MAX;
    for (const char *p = line; *p; p++) {
        if (*p == '[' && open == SIZE_MAX) {
            open = text->len;
            continue;
        }
        if (*p == ']' && open != SIZE_MAX) {
            int cls = -1;
            for (int k = 0; k < 4 && cls < 0; k++)
                if (strncmp(p + 1, tags[k], strlen(tags[k])) == 0)
                    cls = k;
            if (cls < 0 || *n >= MAX_SPANS)
                return -1;
            spans[(*n)++] = (tagged_span){open, text->len, (erg_class)cls};
            p += strlen(tags[cls]);
            open = SIZE_MAX;
            continue;
        }
        if (erg_buf_putc(text, *p) != ERG_OK)
            return -1;
    }
    return open == SIZE_MAX ? 0 : -1;
}

/* Appends one line per mention to out: type "text" rule class. */
static void format_mentions(const char *text, const erg_mentions *m, erg_buf *out)
{
    erg_buf_clear(out);
    char line[512];
    for (size_t i = 0; i < m->n; i++) {
        const erg_mention *x = &m->items[i];
        const char *rule = erg_typing_rule_name(x->rule);
        int w = snprintf(line, sizeof line, "%s \"%.*s\" %s %s\n", erg_type_name(x->type),
                         (int)(x->end - x->start), text + x->start, rule ? rule : "?",
                         erg_class_name(x->cls));
        erg_buf_append(out, line, w > 0 && (size_t)w < sizeof line ? (size_t)w : 0);
    }
    if (!m->n)
        erg_buf_append(out, "-\n", 2);
}

typedef struct runner {
    erg_gazetteer *gaz;
    erg_doc doc;
    erg_mentions m;
    erg_buf text, got, want;
    uint8_t *labels;
    size_t labels_cap;
    int run, failed;
    bool print;
} runner;

/* Runs one block: lines[0] the text (after options), lines[1..n) the expectations. */
static void run_block(void *ctx, char **lines, size_t n, long lineno, const char *file)
{
    runner *r = ctx;
    bool nogaz = false;
    while (n && lines[0][0] == '%') {
        nogaz |= strcmp(lines[0], "%nogaz") == 0;
        lines++, n--, lineno++;
    }
    if (!n)
        return;
    r->run++;
    tagged_span spans[MAX_SPANS];
    size_t ns;
    if (parse_marks(lines[0], &r->text, spans, &ns) != 0) {
        printf("not ok - %s:%ld: bad [..]TAG marks\n", file, lineno);
        r->failed++;
        return;
    }
    erg_error err;
    erg_error_clear(&err);
    if (erg_text_tokenize(&r->doc, r->text.data, r->text.len, &err) != ERG_OK) {
        printf("not ok - %s:%ld: %s\n", file, lineno, err.text);
        r->failed++;
        return;
    }
    if (r->doc.n_tokens + 1 > r->labels_cap) {
        free(r->labels);
        r->labels_cap = r->doc.n_tokens + 1;
        r->labels = malloc(r->labels_cap);
        if (!r->labels)
            abort();
    }
    memset(r->labels, ERG_LABEL_O, r->doc.n_tokens + 1);
    for (size_t s = 0; s < ns; s++) {
        bool first = true;
        for (size_t i = 0; i < r->doc.n_tokens; i++) {
            const erg_token *t = &r->doc.tokens[i];
            if (t->start >= spans[s].start && t->end <= spans[s].end) {
                r->labels[i] = (uint8_t)(first ? 2 * spans[s].cls + 1 : 2 * spans[s].cls + 2);
                first = false;
            }
        }
    }
    if (erg_ner_mentions(r->text.data, &r->doc, r->labels, nogaz ? NULL : r->gaz, &r->m, &err) !=
        ERG_OK) {
        printf("not ok - %s:%ld: %s\n", file, lineno, err.text);
        r->failed++;
        return;
    }
    format_mentions(r->text.data, &r->m, &r->got);
    if (r->print) {
        if (nogaz)
            printf("%%nogaz\n");
        printf("%s\n%.*s\n", lines[0], (int)r->got.len, r->got.data);
        return;
    }
    erg_buf_clear(&r->want);
    for (size_t i = 1; i < n; i++) {
        erg_buf_append(&r->want, lines[i], strlen(lines[i]));
        erg_buf_putc(&r->want, '\n');
    }
    if (!data_test_report(&r->want, &r->got, file, lineno, lines[0]))
        r->failed++;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: run_rules FILE [--print]\n");
        return 2;
    }
    runner r = {0};
    r.print = argc > 2 && strcmp(argv[2], "--print") == 0;
    erg_doc_init(&r.doc);
    erg_mentions_init(&r.m);
    erg_buf_init(&r.text);
    erg_buf_init(&r.got);
    erg_buf_init(&r.want);
    erg_error err;
    erg_error_clear(&err);
    int rc = 2;
    if (erg_gazetteer_load(&r.gaz, NULL, &err) != ERG_OK) {
        fprintf(stderr, "run_rules: %s: %s\n", err.source, err.text);
        goto cleanup;
    }
    if ((rc = data_test_blocks("run_rules", argv[1], run_block, &r)) != 0)
        goto cleanup;
    if (!r.print)
        printf("%d tests, %d failed\n", r.run, r.failed);
    rc = r.failed || !r.run ? 1 : 0;
cleanup:
    free(r.labels);
    erg_gazetteer_free(r.gaz);
    erg_doc_release(&r.doc);
    erg_mentions_release(&r.m);
    erg_buf_release(&r.text);
    erg_buf_release(&r.got);
    erg_buf_release(&r.want);
    return rc;
}
