/*
 * cmd_eval.c: `erg eval FILE`, scores the tagger on a CoNLL file (exact span
 * match, as conlleval counts).
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: erg eval FILE... [--model MODEL]\n\n"
               "Tags the tokens of CoNLL-style files (token first, gold tag last) and prints\n"
               "precision, recall and F1 per type and overall (a predicted span counts when\n"
               "its type and both ends match a gold span, as conlleval counts), and the\n"
               "token accuracy.\n\n"
               "Options:\n"
               "  -m, --model MODEL  the model to use (default: $ERG_MODEL, else "
               "data/erg.model)\n" CLI_KNOWLEDGE_HELP
               "  -c, --confusion    also print the token confusion table (gold rows, predicted\n"
               "                     columns, over PER, ORG, LOC, MISC and O)\n"
               "  -e, --errors N     also print the N most frequent span errors: gold spans\n"
               "                     missed or typed otherwise, and spurious predicted spans\n"
               "  -h, --help         show this help\n\n"
               "Example:\n"
               "  erg eval conll/dev.txt --model erg.model --confusion --errors 20\n");
}

static void row(const char *name, uint64_t gold, uint64_t guess, uint64_t correct)
{
    double p = guess ? 100.0 * (double)correct / (double)guess : 0;
    double r = gold ? 100.0 * (double)correct / (double)gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("%-8s %8llu %8llu %8llu %9.2f %7.2f %7.2f\n", name, (unsigned long long)gold,
           (unsigned long long)guess, (unsigned long long)correct, p, r, f);
}

/* Span errors by their description ("missed PER: Kim Jong Un"), with counts. */
typedef struct error_entry {
    char *text; /* NULL for an empty slot */
    uint64_t count;
} error_entry;

typedef struct error_table {
    error_entry *slots;
    size_t cap, n;
    erg_buf line;
    erg_eval_span *gold, *guess;
    size_t cap_spans;
    bool failed; /* out of memory: the error list is incomplete */
} error_table;

static void error_count(error_table *t, const char *text)
{
    if ((t->n + 1) * 2 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        error_entry *slots = calloc(cap, sizeof *slots);
        if (!slots) {
            t->failed = true;
            return;
        }
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i].text) {
                size_t k = erg_hash(t->slots[i].text, strlen(t->slots[i].text)) & (cap - 1);
                while (slots[k].text)
                    k = (k + 1) & (cap - 1);
                slots[k] = t->slots[i];
            }
        free(t->slots);
        t->slots = slots;
        t->cap = cap;
    }
    size_t k = erg_hash(text, strlen(text)) & (t->cap - 1);
    while (t->slots[k].text && strcmp(t->slots[k].text, text) != 0)
        k = (k + 1) & (t->cap - 1);
    if (!t->slots[k].text) {
        if (!(t->slots[k].text = erg_strdup(text))) {
            t->failed = true;
            return;
        }
        t->n++;
    }
    t->slots[k].count++;
}

/* Appends "what CLASS: word word ..." for labels [start, end) to t->line and counts it. */
static void error_span(error_table *t, const erg_word *words, const char *what,
                       const erg_eval_span *sp)
{
    erg_buf_clear(&t->line);
    bool ok = erg_buf_printf(&t->line, "%s %s:", what, erg_class_name(sp->cls)) == ERG_OK;
    for (uint32_t i = sp->start; ok && i < sp->end; i++)
        ok = erg_buf_putc(&t->line, ' ') == ERG_OK &&
             erg_buf_append(&t->line, words[i].s, words[i].n) == ERG_OK;
    if (ok)
        error_count(t, t->line.data);
    else
        t->failed = true;
}

static const erg_eval_span *find_span(const erg_eval_span *s, size_t n, const erg_eval_span *x)
{
    for (size_t i = 0; i < n; i++)
        if (s[i].start == x->start && s[i].end == x->end)
            return &s[i];
    return NULL;
}

/* erg_eval_visitor: records the sentence's span errors. */
static void collect_errors(void *ctx, const erg_word *words, const uint8_t *gold,
                           const uint8_t *guess, size_t n)
{
    error_table *t = ctx;
    if (n > t->cap_spans) {
        free(t->gold);
        free(t->guess);
        t->gold = malloc(n * sizeof *t->gold);
        t->guess = malloc(n * sizeof *t->guess);
        t->cap_spans = t->gold && t->guess ? n : 0;
        if (!t->cap_spans) {
            t->failed = true;
            return;
        }
    }
    size_t ng = erg_eval_spans(gold, n, t->gold, t->cap_spans);
    size_t np = erg_eval_spans(guess, n, t->guess, t->cap_spans);
    char what[64];
    for (size_t i = 0; i < ng; i++) {
        const erg_eval_span *p = find_span(t->guess, np, &t->gold[i]);
        if (p && p->cls == t->gold[i].cls)
            continue;
        if (p)
            snprintf(what, sizeof what, "tagged %s, gold", erg_class_name(p->cls));
        else
            snprintf(what, sizeof what, "missed");
        error_span(t, words, what, &t->gold[i]);
    }
    for (size_t i = 0; i < np; i++)
        if (!find_span(t->gold, ng, &t->guess[i]))
            error_span(t, words, "spurious", &t->guess[i]);
}

static int cmp_error(const void *a, const void *b)
{
    const error_entry *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->text, y->text);
}

static void print_errors(error_table *t, long limit)
{
    size_t w = 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].text)
            t->slots[w++] = t->slots[i];
    /* The table is a list from here on: release frees slots [0, cap). */
    t->n = t->cap = w;
    if (w)
        qsort(t->slots, w, sizeof *t->slots, cmp_error);
    printf("\nmost frequent span errors (%zu distinct%s):\n", w,
           t->failed ? "; out of memory, list incomplete" : "");
    erg_buf shown;
    erg_buf_init(&shown);
    for (size_t i = 0; i < w && (long)i < limit; i++)
        printf("%6llu  %s\n", (unsigned long long)t->slots[i].count,
               cli_show(&shown, t->slots[i].text));
    erg_buf_release(&shown);
}

static void error_table_release(error_table *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i].text);
    free(t->slots);
    free(t->gold);
    free(t->guess);
    erg_buf_release(&t->line);
}

static void print_confusion(const erg_eval_counts *e)
{
    static const char *const names[] = {"PER", "ORG", "LOC", "MISC", "O"};
    printf("\ntokens by gold class (rows) and predicted class (columns):\n%-6s", "");
    for (int j = 0; j <= ERG_CLASS_COUNT; j++)
        printf(" %9s", names[j]);
    putchar('\n');
    for (int i = 0; i <= ERG_CLASS_COUNT; i++) {
        printf("%-6s", names[i]);
        for (int j = 0; j <= ERG_CLASS_COUNT; j++)
            printf(" %9llu", (unsigned long long)e->confusion[i][j]);
        putchar('\n');
    }
}

int cmd_eval(int argc, char **argv)
{
    static const struct option opts[] = {{"model", required_argument, NULL, 'm'},
                                         {"confusion", no_argument, NULL, 'c'},
                                         {"errors", required_argument, NULL, 'e'},
                                         {"help", no_argument, NULL, 'h'},
                                         CLI_KNOWLEDGE_OPTION,
                                         {NULL, 0, NULL, 0}};
    const char *model_path = NULL, *knowledge_dir = NULL;
    bool confusion = false;
    long n_errors = 0;
    int ch;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":m:ce:h", opts, NULL)) != -1) {
        switch (ch) {
        case 'm':
            model_path = optarg;
            break;
        case 'c':
            confusion = true;
            break;
        case CLI_OPT_KNOWLEDGE:
            knowledge_dir = optarg;
            break;
        case 'e':
            if (!cli_parse_long(optarg, 1, 1000000, &n_errors))
                return cli_usage("eval", "--errors takes a whole number >= 1, not '%s'", optarg);
            break;
        case 'h':
            usage(stdout);
            return CLI_OK;
        default:
            return cli_bad_option("eval", ch, argv);
        }
    }
    if (optind >= argc)
        return cli_usage("eval", "no file to score given");

    erg_error err;
    erg_error_clear(&err);
    erg_corpus *c = NULL;
    erg_model *m = NULL;
    int rc = CLI_FAIL;
    error_table errors;
    memset(&errors, 0, sizeof errors);
    erg_buf_init(&errors.line);
    if (erg_corpus_load_files(&c, argv + optind, (size_t)(argc - optind), &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    m = cli_load_model(model_path, knowledge_dir, NULL);
    if (!m)
        goto cleanup;
    erg_eval_counts e;
    double t0 = cli_now();
    if (erg_ner_eval_visit(m, c, &e, n_errors ? collect_errors : NULL, &errors, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    double secs = cli_now() - t0;
    printf("%-8s %8s %8s %8s %9s %7s %7s\n", "type", "gold", "found", "correct", "precision",
           "recall", "F1");
    uint64_t gold = 0, guess = 0, correct = 0;
    for (int k = 0; k < ERG_CLASS_COUNT; k++) {
        row(erg_class_name((erg_class)k), e.gold[k], e.guess[k], e.correct[k]);
        gold += e.gold[k];
        guess += e.guess[k];
        correct += e.correct[k];
    }
    row("overall", gold, guess, correct);
    printf("\ntoken accuracy %.2f%% (%llu of %llu tokens, %zu sentences, tagged in %.2f s)\n",
           e.tokens ? 100.0 * (double)e.tokens_correct / (double)e.tokens : 0.0,
           (unsigned long long)e.tokens_correct, (unsigned long long)e.tokens,
           erg_corpus_sentences(c), secs);
    if (confusion)
        print_confusion(&e);
    if (n_errors)
        print_errors(&errors, n_errors);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        rc = cli_failf("cannot write to standard output");
        goto cleanup;
    }
    rc = CLI_OK;
cleanup:
    error_table_release(&errors);
    erg_model_free(m);
    erg_corpus_free(c);
    return rc;
}
