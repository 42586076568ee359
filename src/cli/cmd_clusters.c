/*
 * cmd_clusters.c: `erg clusters FILE... -o CLUSTERS`, word classes learned
 * from the tokens of CoNLL-style files (their labels are ignored).
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: erg clusters FILE... -o CLUSTERS [--classes N,N] [--min-count N]\n"
               "                    [--iterations N]\n\n"
               "Learns word classes from unlabeled text with the exchange algorithm (a\n"
               "class-bigram model): words that appear in the same contexts share a class.\n"
               "Reads the first column of CoNLL-style files (one token a line, blank lines\n"
               "between sentences; tags are ignored) and writes one line per word:\n"
               "WORD<TAB>CLASS<TAB>CLASS..., one class per level. `erg train --clusters`\n"
               "turns them into tagger features.\n\n"
               "Options:\n"
               "  -o, --output FILE     write the clusters here (required)\n"
               "  -c, --classes LIST    classes per level, comma-separated (default 64,512)\n"
               "      --min-count N     cluster words seen at least N times (default 3)\n"
               "      --iterations N    at most N passes over the vocabulary (default 10)\n"
               "  -q, --quiet           print nothing on stderr\n"
               "  -h, --help            show this help\n\n"
               "Example:\n"
               "  erg clusters gmb.conll wikigold.conll -o clusters.tsv\n");
}

static bool parse_classes(const char *s, erg_cluster_options *o)
{
    o->n_classes = 0;
    char buf[256];
    if (strlen(s) >= sizeof buf)
        return false;
    strcpy(buf, s);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        long v;
        if (o->n_classes == ERG_CLUSTER_LEVELS || !cli_parse_long(tok, 2, 4096, &v))
            return false;
        o->classes[o->n_classes++] = (unsigned)v;
    }
    return o->n_classes > 0;
}

int cmd_clusters(int argc, char **argv)
{
    enum { OPT_MIN = 1000, OPT_ITER };
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"classes", required_argument, NULL, 'c'},
                                         {"min-count", required_argument, NULL, OPT_MIN},
                                         {"iterations", required_argument, NULL, OPT_ITER},
                                         {"quiet", no_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *output = NULL;
    erg_cluster_options o;
    erg_cluster_options_init(&o);
    bool quiet = false;
    long v;
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":o:c:qh", opts, NULL)) != -1) {
        switch (ch) {
        case 'o':
            output = optarg;
            break;
        case 'c':
            if (!parse_classes(optarg, &o))
                return cli_usage("clusters",
                                 "--classes wants 1 to %d numbers from 2 to 4096, comma-separated",
                                 ERG_CLUSTER_LEVELS);
            break;
        case OPT_MIN:
            if (!cli_parse_long(optarg, 1, 1000000, &v))
                return cli_usage("clusters", "--min-count wants a number from 1 to 1000000");
            o.min_count = (int)v;
            break;
        case OPT_ITER:
            if (!cli_parse_long(optarg, 0, 1000, &v))
                return cli_usage("clusters", "--iterations wants a number from 0 to 1000");
            o.iterations = (int)v;
            break;
        case 'q':
            quiet = true;
            break;
        case 'h':
            usage(stdout);
            return CLI_OK;
        default:
            return cli_bad_option("clusters", ch, argv);
        }
    }
    if (optind >= argc)
        return cli_usage("clusters", "no input given (CoNLL-style files)");
    if (!output)
        return cli_usage("clusters", "no output given: use -o FILE");
    erg_error err;
    erg_error_clear(&err);
    erg_corpus *c = NULL;
    int rc = CLI_FAIL;
    double t0 = cli_now();
    if (erg_corpus_load_files(&c, argv + optind, (size_t)(argc - optind), &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    if (erg_ner_clusters(c, &o, output, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    if (!quiet)
        fprintf(stderr, "clustered the words of %zu tokens in %.1f s into %s\n",
                erg_corpus_tokens(c), cli_now() - t0, output);
    rc = CLI_OK;
cleanup:
    erg_corpus_free(c);
    return rc;
}
