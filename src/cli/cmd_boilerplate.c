/*
 * erg boilerplate: one scanning pass over a corpus's inputs, writing the
 * boilerplate detector that erg build --boilerplate-from reads, so that the
 * shards of a corpus built apart blank the lines the whole corpus repeats.
 */
#include "pipeline.h"

#include <getopt.h>
#include <string.h>

static const char boilerplate_usage[] =
    "usage: erg boilerplate [OPTIONS] INPUT... -o FILE\n"
    "\n"
    "Reads the inputs once to find the lines that one source repeats in 5 or\n"
    "more of its articles (captions, bylines, bios) and writes the detector to\n"
    "FILE, for erg build --boilerplate-from FILE. erg build finds them itself\n"
    "when it reads the whole corpus; shards built apart (erg build --partial)\n"
    "see fewer repeats, so give all of them the detector of the whole corpus.\n"
    "\n"
    "INPUT is a file or a folder, as for erg build (not stdin).\n"
    "\n"
    "  -o, --output FILE     where to write the detector (required)\n"
    "      --lenient         as for erg build: replace invalid UTF-8\n"
    "      --skip-bad        as for erg build: skip malformed inputs\n"
    "  -q, --quiet           no summary line\n"
    "  -h, --help            show this help\n"
    "\n"
    "Example:\n"
    "  erg boilerplate shards/ -o lines.sketch\n"
    "  erg build --partial --boilerplate-from lines.sketch shards/1.jsonl -o part1.json\n";

int cmd_boilerplate(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"lenient", no_argument, NULL, CLI_OPT_LENIENT},
        {"skip-bad", no_argument, NULL, CLI_OPT_SKIP_BAD},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *output = NULL;
    erg_input_options in = {false, false, 0};
    bool quiet = false;
    int opt;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:qh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o':
            output = optarg;
            break;
        case CLI_OPT_LENIENT:
            in.lenient = true;
            break;
        case CLI_OPT_SKIP_BAD:
            in.skip_bad = true;
            break;
        case 'q':
            quiet = true;
            break;
        case 'h':
            fputs(boilerplate_usage, stdout);
            return CLI_OK;
        default:
            return cli_bad_option("boilerplate", opt, argv);
        }
    }
    if (optind >= argc)
        return cli_usage("boilerplate", "no input given (files or folders)");
    if (!output)
        return cli_usage("boilerplate", "no output given (-o FILE)");
    if (strcmp(output, "-") == 0)
        return cli_usage("boilerplate", "the detector is binary: give -o FILE, not stdout");
    char **paths = argv + optind;
    size_t n_paths = (size_t)(argc - optind);
    erg_error err;
    erg_error_clear(&err);
    erg_boiler *b = NULL;
    uint64_t bytes;
    bool has_stdin;
    int rc = CLI_OK;
    if (erg_input_size((const char *const *)paths, n_paths, &bytes, &has_stdin, &err) != ERG_OK)
        return cli_fail(&err);
    if (has_stdin)
        return cli_usage("boilerplate", "stdin cannot be an input: the detector is read "
                                        "beside a second reading of the same inputs");
    if (erg_boiler_new(&b, bytes, &err) != ERG_OK ||
        erg_boiler_add_inputs(b, (const char *const *)paths, n_paths, &in, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    erg_boiler_finish(b);
    if (erg_boiler_save(b, output, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    if (!quiet) {
        size_t n = erg_boiler_articles(b), s = erg_boiler_sources(b);
        fprintf(stderr, "wrote %s: %zu article%s of %zu source%s, %zu counters a row\n", output, n,
                n == 1 ? "" : "s", s, s == 1 ? "" : "s", erg_boiler_width(b));
    }
cleanup:
    erg_boiler_free(b);
    return rc;
}
