/*
 * erg query timeline: when an entity was in the news, from its timeline.
 */
#include "query.h"

#include <stdlib.h>

static const char timeline_usage[] =
    "usage: erg query GRAPH timeline NAME [--by day|month|year] [--by-source]\n"
    "\n"
    "Counts the mentions of NAME and the articles that mention it per period\n"
    "(the articles' dates, as the reader normalized them), and per outlet too\n"
    "with --by-source (the article's outlet, else its source as written). A date\n"
    "known less precisely than the period is its own row (\"1987\" by month);\n"
    "articles without a usable date are counted on a last row, 'unknown'.\n"
    "With --since/--until/--source the counts are those of the articles kept.\n"
    "\n"
    "      --by PERIOD       day, month (the default) or year\n"
    "      --by-source       one row per period and outlet\n" QUERY_COMMON_HELP "\n"
    "Example:\n"
    "  erg query graph.json timeline \"Texaco\" --by month --by-source\n";

int query_timeline(query_ctx *q, int argc, char **argv)
{
    enum { OPT_BY = 1, OPT_BY_SOURCE };
    static const struct option longopts[] = {
        {"by", required_argument, NULL, OPT_BY},
        {"by-source", no_argument, NULL, OPT_BY_SOURCE},
        QUERY_COMMON_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    erg_period by = ERG_PERIOD_MONTH;
    bool by_source = false;
    int opt, rc;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (opt) {
        case OPT_BY:
            if (erg_period_parse(optarg, &by) != ERG_OK)
                return query_usage(q, "--by '%s': give day, month or year", optarg);
            break;
        case OPT_BY_SOURCE:
            by_source = true;
            break;
        default:
            if ((rc = query_option(q, opt, argv, timeline_usage)) != QUERY_NEXT)
                return rc;
            break;
        }
    }
    if (optind + 1 != argc)
        return query_usage(q, "timeline takes one NAME");
    size_t x;
    if ((rc = query_lookup(q, argv[optind], &x)) != CLI_OK)
        return rc;
    erg_timeline_row *rows = NULL;
    size_t n = 0;
    erg_error err;
    erg_error_clear(&err);
    if (erg_graph_entity_timeline(q->graph, x, by, by_source, &rows, &n, &err) != ERG_OK) {
        if (!err.source[0])
            snprintf(err.source, sizeof err.source, "%s", q->path);
        return cli_fail(&err);
    }
    json_t *out = json_array();
    for (size_t i = 0; out && i < n; i++) {
        json_t *row =
            json_pack("{s:s,s:o,s:I,s:I}", "period", rows[i].period[0] ? rows[i].period : "unknown",
                      "outlet", query_str(rows[i].outlet), "mentions", (json_int_t)rows[i].mentions,
                      "articles", (json_int_t)rows[i].articles);
        if (!row || json_array_append_new(out, row) != 0) {
            json_decref(out);
            out = NULL;
        }
    }
    free(rows);
    if (!out)
        return query_oom();
    static const query_col cols[] = {{"period", "period", 0, 0},
                                     {"outlet", "outlet", 40, 0},
                                     {"mentions", "mentions", 0, 0},
                                     {"articles", "articles", 0, 0}};
    if (by_source)
        return query_print_rows(q, out, cols, 4);
    static const query_col plain[] = {
        {"period", "period", 0, 0}, {"mentions", "mentions", 0, 0}, {"articles", "articles", 0, 0}};
    if (q->format == QUERY_JSON) {
        /* Without --by-source the outlet is always null: the rows leave it out. */
        size_t i;
        json_t *row;
        json_array_foreach(out, i, row) json_object_del(row, "outlet");
    }
    return query_print_rows(q, out, plain, 3);
}
