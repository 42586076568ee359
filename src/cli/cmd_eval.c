/*
 * cmd_eval.c: `erg eval FILE`, scores the tagger on a CoNLL file (exact span
 * match, as conlleval counts).
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: erg eval FILE... [--model MODEL]\n\n"
               "Tags the tokens of CoNLL-style files (token first, gold tag last) and prints\n"
               "precision, recall and F1 per type and overall (a predicted span counts when\n"
               "its type and both ends match a gold span, as conlleval counts), and the\n"
               "token accuracy.\n\n"
               "Options:\n"
               "  -m, --model MODEL  the model to use (default: $ERG_MODEL, else data/erg.model)\n"
               "  -h, --help         show this help\n\n"
               "Example:\n"
               "  erg eval conll/dev.txt --model erg.model\n");
}

static void row(const char *name, uint64_t gold, uint64_t guess, uint64_t correct)
{
    double p = guess ? 100.0 * (double)correct / (double)guess : 0;
    double r = gold ? 100.0 * (double)correct / (double)gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("%-8s %8llu %8llu %8llu %9.2f %7.2f %7.2f\n", name, (unsigned long long)gold,
           (unsigned long long)guess, (unsigned long long)correct, p, r, f);
}

int cmd_eval(int argc, char **argv)
{
    static const struct option opts[] = {{"model", required_argument, NULL, 'm'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *model_path = NULL;
    int ch;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":m:h", opts, NULL)) != -1) {
        switch (ch) {
        case 'm':
            model_path = optarg;
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
    if (erg_corpus_load(&c, argv[optind], &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    for (int i = optind + 1; i < argc; i++)
        if (erg_corpus_add_file(c, argv[i], &err) != ERG_OK) {
            rc = cli_fail(&err);
            goto cleanup;
        }
    m = cli_load_model(model_path);
    if (!m)
        goto cleanup;
    erg_eval_counts e;
    double t0 = cli_now();
    if (erg_ner_eval(m, c, &e, &err) != ERG_OK) {
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
    if (fflush(stdout) != 0 || ferror(stdout)) {
        rc = cli_failf("cannot write to standard output");
        goto cleanup;
    }
    rc = CLI_OK;
cleanup:
    erg_model_free(m);
    erg_corpus_free(c);
    return rc;
}
