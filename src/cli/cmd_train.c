/*
 * cmd_train.c: `erg train FILE... -o MODEL`, trains the tagger on CoNLL files.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: erg train FILE... -o MODEL [--epochs N] [--seed S] [--heldout F]\n"
            "                 [--dev FILE] [--min-count N] [--gazetteers DIR] [--clusters FILE]\n"
            "                 [--vector-clusters FILE] [--knowledge DIR] [--title-case N]\n"
            "                 [--doc-folds N] [--features LIST] [--quiet]\n\n"
            "Trains the named-entity tagger on CoNLL-style files: one token a line, the\n"
            "token in the first column and the tag in the last (IOB1, IOB2 or BIOES over\n"
            "PER, ORG, LOC, MISC), blank lines between sentences, -DOCSTART- lines between\n"
            "documents (a file without them: every sentence is a document).\n\n"
            "Options:\n"
            "  -o, --output MODEL  write the model here (required)\n"
            "  -e, --epochs N      at most N passes over the data (default 10)\n"
            "  -s, --seed S        shuffling seed (default 1); same data and seed, same model\n"
            "      --heldout F     keep this fraction of sentences aside to pick the best\n"
            "                      epoch and stop early (default 0: none)\n"
            "      --dev FILE      pick the best epoch on this CoNLL file instead\n"
            "      --min-count N   ignore features seen fewer than N times (default 1)\n"
            "      --gazetteers DIR  word lists to use as features: first_names.txt,\n"
            "                      places.txt, org_words.txt, titles.tsv and outlets.tsv\n"
            "                      of DIR (e.g. data); stored in the model\n"
            "      --clusters FILE word classes from `erg clusters`; stored in the model\n"
            "      --vector-clusters FILE  word-vector classes at three levels\n"
            "                      (data/glove_clusters.tsv); stored in the model\n"
            "      --knowledge DIR the knowledge lists (e.g. data/knowledge) as features: a\n"
            "                      word's role in listed organization, outlet and name\n"
            "                      phrases; the model says it used them, and tagging with\n"
            "                      it reads them again (--knowledge, default data/knowledge)\n"
            "      --title-case N  also train on a Title Case copy of every N-th sentence\n"
            "      --doc-folds N   document features: learn from a first pass over the\n"
            "                      training documents made by N models, each trained\n"
            "                      without one N-th of them (default 5; 0: none)\n"
            "      --features LIST add or take feature templates from the default set:\n"
            "                      +name or -name, comma-separated (e.g. +ent,-doc); names:\n"
            "                      bias low0 raw0 shape0 sshape0 pre suf lowm1 lowm2 lowp1\n"
            "                      lowp2 bi_m1_0 bi_0_p1 bi_m2_m1 bi_p1_p2 sshape_win flags0\n"
            "                      case0 case_win sentup len rawm1 shape_low ent gaz cluster\n"
            "                      doc vec vec2 vec_bi know know_ctx (off by default:\n"
            "                      bi_m2_m1 bi_p1_p2 len rawm1 shape_low ent vec2 vec_bi\n"
            "                      know_ctx)\n"
            "  -q, --quiet         print nothing on stderr\n"
            "  -h, --help          show this help\n\n"
            "Example:\n"
            "  erg train conll/train.txt wikigold.conll -o erg.model --dev conll/dev.txt\n");
}

typedef struct progress_ctx {
    bool quiet;
    double best;
} progress_ctx;

static void on_epoch(void *vctx, int epoch, double train_acc, double f1)
{
    progress_ctx *ctx = vctx;
    if (ctx->quiet)
        return;
    if (f1 >= 0) {
        bool best = f1 > ctx->best;
        if (best)
            ctx->best = f1;
        fprintf(stderr, "epoch %2d: train accuracy %6.2f%%, held-out F1 %6.2f%s\n", epoch,
                100 * train_acc, f1, best ? " (best)" : "");
    } else {
        fprintf(stderr, "epoch %2d: train accuracy %6.2f%%\n", epoch, 100 * train_acc);
    }
}

int cmd_train(int argc, char **argv)
{
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"epochs", required_argument, NULL, 'e'},
                                         {"seed", required_argument, NULL, 's'},
                                         {"heldout", required_argument, NULL, 'H'},
                                         {"dev", required_argument, NULL, 'D'},
                                         {"min-count", required_argument, NULL, 'm'},
                                         {"gazetteers", required_argument, NULL, 'g'},
                                         {"clusters", required_argument, NULL, 'C'},
                                         {"vector-clusters", required_argument, NULL, 'V'},
                                         {"features", required_argument, NULL, 'X'},
                                         {"title-case", required_argument, NULL, 'T'},
                                         {"doc-folds", required_argument, NULL, 'F'},
                                         CLI_KNOWLEDGE_OPTION,
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *output = NULL, *dev_path = NULL, *knowledge_dir = NULL;
    erg_train_options opt;
    erg_train_options_init(&opt);
    bool quiet = false;
    long v;
    int ch;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":o:e:s:qh", opts, NULL)) != -1) {
        switch (ch) {
        case 'o':
            output = optarg;
            break;
        case 'e':
            if (!cli_parse_long(optarg, 1, 100000, &v))
                return cli_usage("train", "--epochs wants a positive number, not '%s'", optarg);
            opt.epochs = (int)v;
            break;
        case 's': {
            char *end;
            errno = 0;
            unsigned long long s = strtoull(optarg, &end, 10);
            if (errno || end == optarg || *end || optarg[0] == '-')
                return cli_usage("train", "--seed wants a non-negative number, not '%s'", optarg);
            opt.seed = s;
            break;
        }
        case 'H': {
            double f;
            if (!cli_parse_real(optarg, &f) || !(f >= 0 && f < 1))
                return cli_usage("train", "--heldout wants a fraction in [0, 1), not '%s'", optarg);
            opt.heldout = f;
            break;
        }
        case 'D':
            dev_path = optarg;
            break;
        case 'm':
            if (!cli_parse_long(optarg, 1, 1000000, &v))
                return cli_usage("train", "--min-count wants a positive number, not '%s'", optarg);
            opt.min_count = (int)v;
            break;
        case 'g':
            opt.gazetteers = optarg;
            break;
        case 'C':
            opt.clusters = optarg;
            break;
        case 'V':
            opt.vector_clusters = optarg;
            break;
        case 'X':
            opt.features = optarg;
            break;
        case CLI_OPT_KNOWLEDGE:
            knowledge_dir = optarg;
            break;
        case 'T':
            if (!cli_parse_long(optarg, 0, 1000000, &v))
                return cli_usage("train", "--title-case wants a number >= 0, not '%s'", optarg);
            opt.title_case = (uint32_t)v;
            break;
        case 'F':
            if (!cli_parse_long(optarg, 0, 100, &v) || v == 1)
                return cli_usage("train", "--doc-folds wants 0 or a number from 2 to 100, not '%s'",
                                 optarg);
            opt.doc_folds = (int)v;
            break;
        case 'q':
            quiet = true;
            break;
        case 'h':
            usage(stdout);
            return CLI_OK;
        default:
            return cli_bad_option("train", ch, argv);
        }
    }
    if (optind >= argc)
        return cli_usage("train", "no training file given");
    if (!output)
        return cli_usage("train", "no output model given (-o MODEL)");

    erg_error err;
    erg_error_clear(&err);
    erg_corpus *c = NULL, *dev = NULL;
    erg_model *m = NULL;
    erg_knowledge *know = NULL;
    int rc = CLI_FAIL;
    double t0 = cli_now();
    if (knowledge_dir) {
        if (erg_knowledge_load(&know, knowledge_dir, &err) != ERG_OK) {
            rc = cli_fail(&err);
            goto cleanup;
        }
        opt.knowledge = know;
    }
    if (erg_corpus_load_files(&c, argv + optind, (size_t)(argc - optind), &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    if (erg_corpus_sentences(c) == 0) {
        rc = cli_failf("'%s': no sentences to train on", argv[optind]);
        goto cleanup;
    }
    if (dev_path) {
        if (erg_corpus_load(&dev, dev_path, &err) != ERG_OK) {
            rc = cli_fail(&err);
            goto cleanup;
        }
        opt.dev = dev;
    }
    if (!quiet)
        fprintf(stderr, "training on %zu sentences, %zu tokens%s\n", erg_corpus_sentences(c),
                erg_corpus_tokens(c), dev ? "" : (opt.heldout > 0 ? " (some held out)" : ""));
    progress_ctx pctx = {quiet, -1};
    opt.progress = on_epoch;
    opt.progress_ctx = &pctx;
    double t1 = cli_now();
    if (erg_ner_train(&m, c, &opt, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    double t2 = cli_now();
    if (erg_model_save(m, output, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    if (!quiet) {
        struct stat sb;
        double mb = stat(output, &sb) == 0 ? (double)sb.st_size / 1e6 : 0;
        fprintf(stderr,
                "trained in %.1f s (%.1f s with reading): %zu features, wrote '%s' (%.1f MB)\n",
                t2 - t1, t2 - t0, erg_model_feature_count(m), output, mb);
    }
    rc = CLI_OK;
cleanup:
    erg_model_free(m); /* before the lists it borrows */
    erg_knowledge_free(know);
    erg_corpus_free(c);
    erg_corpus_free(dev);
    return rc;
}
