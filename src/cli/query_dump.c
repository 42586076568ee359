/*
 * erg query GRAPH dump: the whole graph written again, in the format of the
 * output's name (native JSON by default): how a store becomes a graph file.
 */
#include "query.h"

#include <getopt.h>
#include <string.h>

static const char dump_usage[] =
    "usage: erg query GRAPH dump [-o FILE] [-f FORMAT]\n"
    "\n"
    "Writes the whole graph as `erg build` would write it to FILE (native JSON\n"
    "by default, or stdout). From an SQLite store (graph.db) it gives the\n"
    "native graph file that a build to .json writes, byte for byte (without\n"
    "the --rank and --communities columns, which are not part of the graph).\n"
    "\n"
    "  -o, --output FILE     where to write (default: - for stdout)\n"
    "  -f, --format FMT      json, graphml, dot, gexf or csv (default: from FILE's\n"
    "                        extension)\n"
    "  -h, --help            show this help\n"
    "\n"
    "Example:\n"
    "  erg query graph.db dump -o graph.json\n";

int query_dump(query_ctx *q, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        QUERY_COMMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    const char *output = "-", *format = NULL;
    int opt, rc;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:f:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o':
            output = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        default:
            if ((rc = query_option(q, opt, argv, dump_usage)) != QUERY_NEXT)
                return rc;
            break;
        }
    }
    if (optind != argc)
        return query_usage(q, "dump takes no NAME");
    erg_format fmt;
    if (cli_output_format("query dump", format, output, &fmt) != CLI_OK)
        return CLI_USAGE;
    if ((rc = query_load(q)) != CLI_OK)
        return rc;
    erg_error err;
    erg_error_clear(&err);
    if (erg_export_file(q->graph, fmt, output, &err) != ERG_OK)
        return cli_fail(&err);
    return CLI_OK;
}
