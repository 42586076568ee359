/*
 * run_relations: runs the typed-relation tests of a data file
 * (tests/relations/rules.test) through the patterns of src/relate, the way
 * tests/typing/run_rules.c runs the typing rules.
 *
 * A test is a block of lines, blocks separated by blank lines; lines starting
 * with '#' are comments:
 *
 *   [Kim Lee]PER told [Radio Vela]OUTLET the [Harbour Board]AGENCY lied.
 *                                           (the text, one line, each mention
 *                                            marked [like this]TYPE with TYPE one
 *                                            of PER AGENCY OUTLET PLACE MISC;
 *                                            [Mr Lee|Kim Lee]PER names the entity
 *                                            Kim Lee; by default the entity is
 *                                            the text; \n is a line break)
 *   Radio Vela -reports-> Harbour Board     (every typed relation expected, in
 *   Radio Vela -reports-> Kim Lee            byte order of the lines; "-" alone:
 *                                            none)
 *
 * Mentions and entities are the marks, so a test measures the patterns, not
 * the tagger, the typing rules or name resolution. Every type is kept
 * (places too). usage: run_relations FILE [--print]; --print writes each
 * block with the relations found instead of comparing (to write new tests,
 * then check them by eye). Exit status 1 when a test fails.
 */
#include "erg/relate.h"
#include "erg/text.h"

#include "../data_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SPANS 64

typedef struct span {
    size_t start, end; /* bytes of the plain text */
    erg_type type;
    char name[128]; /* the entity's name */
} span;

static const struct {
    const char *tag;
    erg_type type;
} tags[] = {
    {"PER", ERG_TYPE_PERSON},  {"AGENCY", ERG_TYPE_AGENCY}, {"OUTLET", ERG_TYPE_OUTLET},
    {"PLACE", ERG_TYPE_PLACE}, {"MISC", ERG_TYPE_MISC},
};

/* Strips the [..]TYPE marks from line into text; fills spans. -1 on a bad mark. */
static int parse_marks(const char *line, erg_buf *text, span *spans, size_t *n)
{
    *n = 0;
    erg_buf_clear(text);
    size_t open = SIZE_MAX, bar = SIZE_MAX;
    const char *alias = NULL;
    for (const char *p = line; *p; p++) {
        if (*p == '[' && open == SIZE_MAX) {
            open = text->len;
            alias = NULL;
            continue;
        }
        if (*p == '|' && open != SIZE_MAX && !alias) {
            bar = text->len;
            alias = p + 1;
            continue;
        }
        if (*p == ']' && open != SIZE_MAX) {
            int k = -1;
            for (int i = 0; i < (int)(sizeof tags / sizeof *tags) && k < 0; i++)
                if (strncmp(p + 1, tags[i].tag, strlen(tags[i].tag)) == 0)
                    k = i;
            if (k < 0 || *n >= MAX_SPANS)
                return -1;
            span *s = &spans[(*n)++];
            s->start = open;
            s->end = alias ? bar : text->len;
            s->type = tags[k].type;
            const char *nm = alias ? alias : text->data + open;
            size_t nl = alias ? (size_t)(p - alias) : text->len - open;
            if (nl >= sizeof s->name)
                return -1;
            memcpy(s->name, nm, nl);
            s->name[nl] = '\0';
            p += strlen(tags[k].tag);
            open = SIZE_MAX;
            alias = NULL;
            continue;
        }
        if (alias)
            continue; /* the entity name is not text */
        if (p[0] == '\\' && p[1] == 'n') {
            p++; /* backslash-n is a line break; two end a paragraph */
            if (erg_buf_putc(text, '\n') != ERG_OK)
                return -1;
            continue;
        }
        if (erg_buf_putc(text, *p) != ERG_OK)
            return -1;
    }
    return open == SIZE_MAX ? 0 : -1;
}

static int by_line(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

typedef struct runner {
    erg_doc doc;
    erg_mentions m;
    erg_local_entities ents;
    erg_relations rels;
    erg_buf text, got, want;
    int run, failed;
    bool print;
} runner;

/* Builds the mentions and entities of the spans; -1 when a span is not whole tokens. */
static int make_mentions(runner *r, const span *spans, size_t ns)
{
    r->m.n = 0;
    r->ents.n = 0;
    for (size_t s = 0; s < ns; s++) {
        uint32_t first = UINT32_MAX, end = UINT32_MAX;
        for (uint32_t k = 0; k < r->doc.n_tokens; k++) {
            if (r->doc.tokens[k].start == spans[s].start)
                first = k;
            if (r->doc.tokens[k].end == spans[s].end)
                end = k + 1;
        }
        if (first == UINT32_MAX || end == UINT32_MAX || end <= first)
            return -1;
        uint32_t sen = 0;
        while (sen < r->doc.n_sentences && r->doc.sentences[sen].end <= first)
            sen++;
        int32_t e = -1;
        if (spans[s].type != ERG_TYPE_MISC) {
            for (size_t i = 0; i < r->ents.n && e < 0; i++)
                if (strcmp(r->ents.items[i].name, spans[s].name) == 0)
                    e = (int32_t)i;
            if (e < 0) {
                if (r->ents.n == MAX_SPANS)
                    return -1;
                erg_local_entity *x = &r->ents.items[r->ents.n];
                memset(x, 0, sizeof *x);
                x->name = (char *)spans[s].name;
                x->key = x->name;
                x->type = spans[s].type;
                e = (int32_t)r->ents.n++;
            }
            r->ents.items[e].mentions++;
        }
        erg_mention *m = &r->m.items[r->m.n++];
        memset(m, 0, sizeof *m);
        m->start = (uint32_t)spans[s].start;
        m->end = (uint32_t)spans[s].end;
        m->tok_first = first;
        m->tok_end = end;
        m->sentence = sen;
        m->type = spans[s].type;
        m->cls = spans[s].type == ERG_TYPE_PERSON  ? ERG_CLASS_PER
                 : spans[s].type == ERG_TYPE_PLACE ? ERG_CLASS_LOC
                 : spans[s].type == ERG_TYPE_MISC  ? ERG_CLASS_MISC
                                                   : ERG_CLASS_ORG;
        m->entity = e;
    }
    return 0;
}

/* The relations found, one line each ("A -kind-> B"), sorted; "-" for none. */
static void format_relations(runner *r)
{
    char *lines[256];
    size_t n = 0;
    erg_buf_clear(&r->got);
    for (size_t i = 0; i < r->rels.n && n < sizeof lines / sizeof *lines; i++) {
        const erg_relation *x = &r->rels.items[i];
        size_t len = strlen(r->ents.items[x->a].name) + strlen(r->ents.items[x->b].name) + 32;
        lines[n] = malloc(len);
        if (!lines[n])
            abort();
        snprintf(lines[n], len, "%s -%s-> %s", r->ents.items[x->a].name, erg_kind_name(x->kind),
                 r->ents.items[x->b].name);
        n++;
    }
    if (n)
        qsort(lines, n, sizeof *lines, by_line);
    for (size_t i = 0; i < n; i++) {
        erg_buf_puts(&r->got, lines[i]);
        erg_buf_putc(&r->got, '\n');
        free(lines[i]);
    }
    if (!n)
        erg_buf_puts(&r->got, "-\n");
}

static void run_block(void *ctx, char **lines, size_t n, long lineno, const char *file)
{
    runner *r = ctx;
    r->run++;
    span spans[MAX_SPANS];
    size_t ns;
    erg_error err;
    erg_error_clear(&err);
    if (parse_marks(lines[0], &r->text, spans, &ns) != 0) {
        printf("not ok - %s:%ld: bad [..]TYPE marks\n", file, lineno);
        r->failed++;
        return;
    }
    if (erg_text_tokenize(&r->doc, r->text.data, r->text.len, &err) != ERG_OK ||
        make_mentions(r, spans, ns) != 0) {
        printf("not ok - %s:%ld: %s\n", file, lineno,
               err.text[0] ? err.text : "a mark is not whole tokens");
        r->failed++;
        return;
    }
    unsigned mask = ERG_TYPES_DEFAULT | ERG_TYPE_BIT(ERG_TYPE_PLACE);
    r->rels.n = 0;
    if (erg_relate_typed(r->text.data, &r->doc, &r->m, &r->ents, mask, &r->rels, &err) != ERG_OK) {
        printf("not ok - %s:%ld: %s\n", file, lineno, err.text);
        r->failed++;
        return;
    }
    format_relations(r);
    if (r->print) {
        printf("%s\n%.*s\n", lines[0], (int)r->got.len, r->got.data);
        return;
    }
    erg_buf_clear(&r->want);
    qsort(lines + 1, n - 1, sizeof *lines, by_line);
    for (size_t i = 1; i < n; i++) {
        erg_buf_puts(&r->want, lines[i]);
        erg_buf_putc(&r->want, '\n');
    }
    if (n == 1)
        erg_buf_puts(&r->want, "-\n");
    if (!data_test_report(&r->want, &r->got, file, lineno, lines[0]))
        r->failed++;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: run_relations FILE [--print]\n");
        return 2;
    }
    runner r = {0};
    r.print = argc > 2 && strcmp(argv[2], "--print") == 0;
    erg_doc_init(&r.doc);
    erg_relations_init(&r.rels);
    erg_buf_init(&r.text);
    erg_buf_init(&r.got);
    erg_buf_init(&r.want);
    r.m.items = calloc(MAX_SPANS, sizeof *r.m.items);
    r.m.cap = MAX_SPANS;
    r.ents.items = calloc(MAX_SPANS, sizeof *r.ents.items);
    r.ents.cap = MAX_SPANS;
    int rc = 2;
    if (!r.m.items || !r.ents.items)
        goto cleanup;
    if ((rc = data_test_blocks("run_relations", argv[1], run_block, &r)) != 0)
        goto cleanup;
    if (!r.print)
        printf("%d tests, %d failed\n", r.run, r.failed);
    rc = r.failed || !r.run ? 1 : 0;
cleanup:
    free(r.m.items);
    free(r.ents.items);
    erg_doc_release(&r.doc);
    erg_relations_release(&r.rels);
    erg_buf_release(&r.text);
    erg_buf_release(&r.got);
    erg_buf_release(&r.want);
    return rc;
}
