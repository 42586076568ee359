/*
 * corpus_stage.c: the steps that run once on a whole corpus's graph (see
 * corpus_stage.h), shared by erg build and erg merge.
 */
#include "corpus_stage.h"

#include "pipeline.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char cli_corpus_analysis_help[] =
    "Analysis. It runs on the simple undirected co-mention graph: one edge per\n"
    "pair of entities, weighted by the windows that mention both, a window of k\n"
    "entities giving each of its pairs 1/(k-1) (Newman's collaboration weight);\n"
    "typed edges take no part (the same graph Gephi sees in erg's GraphML).\n"
    "Scores and communities become node attributes of GraphML and JSON files.\n"
    "      --rank LIST       write these scores per entity, each as an attribute of\n"
    "                        its name (for Gephi to size nodes by): degree,\n"
    "                        strength, pagerank, betweenness, eigenvector,\n"
    "                        closeness (comma list, or the option repeated);\n"
    "                        betweenness and closeness take long on big graphs\n"
    "      --communities [M] find communities with M, leiden (default) or louvain:\n"
    "                        a 'community' attribute, DOT nodes filled by\n"
    "                        community, the modularity in the summary line\n"
    "      --resolution R    for --communities, > 0 (default 1); higher gives\n"
    "                        more, smaller communities\n" CLI_ITERATIONS_HELP "\n"
    "Filters, applied in this order before the scores are computed:\n" CLI_MIN_CONFIDENCE_HELP(
        "drop") "      --min-weight W    drop the pairs whose co-mention weight is below W\n"
                "                        (a real number: 0.5 keeps a pair seen once in a\n"
                "                        sentence of three entities)\n"
                "      --backbone ALPHA  keep the pairs significant at ALPHA for one of the\n"
                "                        two entities (the disparity filter; 0 < ALPHA <= 1,\n"
                "                        0.05 is usual)\n"
                "      --largest-component\n"
                "                        keep the largest connected group of entities\n"
                "      --top N           keep the N entities with the highest score by the\n"
                "                        first --rank measure (by degree without --rank)\n"
                "A pair dropped by an edge filter loses its typed edges too; its entities\n"
                "stay (add --largest-component to drop the ones left unlinked).\n";

void cli_corpus_options_init(cli_corpus_options *c)
{
    memset(c, 0, sizeof *c);
    c->method = ERG_COMMUNITY_LEIDEN;
    c->corpus_resolve = true;
}

/* Adds the measures of a --rank value ("pagerank,degree") to c; a measure twice counts once. */
static int parse_ranks(const char *cmd, const char *arg, cli_corpus_options *c)
{
    const char *p = arg;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char word[32];
        erg_centrality m;
        if (len == 0)
            return cli_usage(cmd, "--rank needs a measure name between commas ('%s')", arg);
        snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ? len : sizeof word - 1), p);
        if (len >= sizeof word || erg_centrality_parse(word, &m) != ERG_OK)
            return cli_usage(cmd,
                             "unknown measure '%.*s' (use degree, strength, pagerank, "
                             "betweenness, eigenvector or closeness)",
                             (int)len, p);
        bool seen = false;
        for (size_t i = 0; i < c->n_ranks; i++)
            seen = seen || c->ranks[i] == m;
        if (!seen)
            c->ranks[c->n_ranks++] = m;
        if (!comma)
            return 1;
        p = comma + 1;
    }
}

int cli_corpus_option(const char *cmd, int opt, const char *arg, int argc, char **argv,
                      cli_corpus_options *c)
{
    switch (opt) {
    case CLI_OPT_NO_CORPUS_RESOLVE:
        c->corpus_resolve = false;
        c->given_no_resolve = true;
        return 1;
    case CLI_OPT_RANK:
        c->given_analysis = true;
        return parse_ranks(cmd, arg, c);
    case CLI_OPT_COMMUNITIES:
        c->given_analysis = true;
        c->communities = true;
        /* An optional argument may also come as the next word, when it names a method. */
        if (!arg && optind < argc && erg_community_method_parse(argv[optind], &c->method) == ERG_OK)
            optind++;
        else if (arg && erg_community_method_parse(arg, &c->method) != ERG_OK)
            return cli_usage(cmd, "unknown community method '%s' (use leiden or louvain)", arg);
        return 1;
    case CLI_OPT_RESOLUTION:
        c->given_analysis = true;
        if (!cli_parse_real(arg, &c->resolution) || !(c->resolution > 0))
            return cli_usage(cmd, "--resolution takes a number > 0, not '%s'", arg);
        c->resolution_given = true;
        return 1;
    case CLI_OPT_ITERATIONS:
        c->given_analysis = true;
        if (!cli_parse_iterations(arg, &c->iterations))
            return cli_usage(cmd, "--iterations takes a whole number >= 1 or 'stable', not '%s'",
                             arg);
        c->iterations_given = true;
        return 1;
    case CLI_OPT_MIN_CONFIDENCE:
        c->given_analysis = true;
        return cli_parse_min_confidence(cmd, arg, &c->min_confidence) == CLI_OK ? 1 : CLI_USAGE;
    case CLI_OPT_MIN_WEIGHT:
        c->given_analysis = true;
        if (!cli_parse_real(arg, &c->min_weight) || !(c->min_weight > 0))
            return cli_usage(cmd, "--min-weight takes a number > 0, not '%s'", arg);
        return 1;
    case CLI_OPT_BACKBONE:
        c->given_analysis = true;
        if (!cli_parse_real(arg, &c->backbone) || !(c->backbone > 0 && c->backbone <= 1))
            return cli_usage(cmd, "--backbone takes a significance level in (0, 1], not '%s'", arg);
        return 1;
    case CLI_OPT_LARGEST:
        c->given_analysis = true;
        c->largest_component = true;
        return 1;
    case CLI_OPT_DYNAMIC:
        c->dynamic = true;
        return 1;
    case CLI_OPT_DRAW_TOP:
        /* Not an analysis option: it changes the drawing, not the graph. */
        if (!cli_parse_long(arg, 1, 1000000000, &c->draw_top))
            return cli_usage(cmd, "--draw-top takes a whole number >= 1, not '%s'", arg);
        return 1;
    case CLI_OPT_TOP:
        c->given_analysis = true;
        if (!cli_parse_long(arg, 1, 1000000000, &c->top))
            return cli_usage(cmd, "--top takes a whole number >= 1, not '%s'", arg);
        return 1;
    default:
        return 0;
    }
}

void cli_corpus_words(const cli_corpus_options *c, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
#define PUT(...)                                                                                   \
    do {                                                                                           \
        int k_ = snprintf(buf + len, cap - len, __VA_ARGS__);                                      \
        if (k_ > 0 && (size_t)k_ < cap - len)                                                      \
            len += (size_t)k_;                                                                     \
    } while (0)
    for (size_t i = 0; i < c->n_ranks; i++)
        PUT("%s%s", i ? "," : (len ? " --rank " : "--rank "), erg_centrality_name(c->ranks[i]));
    if (c->communities)
        PUT("%s--communities %s", len ? " " : "", erg_community_method_name(c->method));
    if (c->resolution_given)
        PUT("%s--resolution %.17g", len ? " " : "", c->resolution);
    if (c->iterations_given && c->iterations)
        PUT("%s--iterations %d", len ? " " : "", c->iterations);
    else if (c->iterations_given)
        PUT("%s--iterations stable", len ? " " : "");
    if (c->min_confidence > 0) {
        char sc[8];
        PUT("%s--min-confidence %s", len ? " " : "", erg_score_format(c->min_confidence, sc));
    }
    if (c->min_weight > 0)
        PUT("%s--min-weight %.17g", len ? " " : "", c->min_weight);
    if (c->backbone > 0)
        PUT("%s--backbone %.17g", len ? " " : "", c->backbone);
    if (c->largest_component)
        PUT("%s--largest-component", len ? " " : "");
    if (c->top > 0)
        PUT("%s--top %ld", len ? " " : "", c->top);
#undef PUT
}

int cli_corpus_parse_words(const char *cmd, const char *words, cli_corpus_options *c)
{
    static const struct {
        const char *name;
        int opt;
        bool arg;
    } known[] = {
        {"--rank", CLI_OPT_RANK, true},
        {"--communities", CLI_OPT_COMMUNITIES, true},
        {"--resolution", CLI_OPT_RESOLUTION, true},
        {"--iterations", CLI_OPT_ITERATIONS, true},
        {"--min-confidence", CLI_OPT_MIN_CONFIDENCE, true},
        {"--min-weight", CLI_OPT_MIN_WEIGHT, true},
        {"--backbone", CLI_OPT_BACKBONE, true},
        {"--largest-component", CLI_OPT_LARGEST, false},
        {"--top", CLI_OPT_TOP, true},
    };
    char word[2][256];
    const char *p = words;
    while (p && *p) {
        int n_words = 0;
        for (int k = 0; k < 2 && *p; k++) {
            while (*p == ' ')
                p++;
            size_t len = strcspn(p, " ");
            if (!len || len >= sizeof word[k])
                break;
            memcpy(word[k], p, len);
            word[k][len] = '\0';
            p += len;
            n_words++;
            size_t i = 0;
            while (k == 0 && i < sizeof known / sizeof *known && strcmp(known[i].name, word[0]))
                i++;
            if (k == 0 && i < sizeof known / sizeof *known && !known[i].arg)
                break;
        }
        while (*p == ' ')
            p++;
        if (n_words == 0)
            break;
        size_t i = 0;
        while (i < sizeof known / sizeof *known && strcmp(known[i].name, word[0]))
            i++;
        if (i == sizeof known / sizeof *known || (known[i].arg && n_words < 2))
            return cli_usage(cmd, "the store records analysis options erg does not know: '%s'",
                             words);
        int r = cli_corpus_option(cmd, known[i].opt, known[i].arg ? word[1] : NULL, 0, NULL, c);
        if (r != 1)
            return CLI_USAGE;
    }
    return CLI_OK;
}

int cli_corpus_check(const char *cmd, const cli_corpus_options *c, bool partial, erg_format fmt)
{
    if (c->resolution_given && !c->communities)
        return cli_usage(cmd, "--resolution applies to --communities; add --communities");
    if (c->iterations_given && !c->communities)
        return cli_usage(cmd, "--iterations applies to --communities; add --communities");
    if (c->dynamic && (partial || fmt != ERG_FORMAT_GEXF))
        return cli_usage(cmd, "--dynamic is for GEXF output (-o graph.gexf or --format gexf)");
    bool drawing = fmt == ERG_FORMAT_DOT || fmt == ERG_FORMAT_SVG || fmt == ERG_FORMAT_PNG;
    if (c->draw_top && (partial || !(drawing || fmt == ERG_FORMAT_HTML)))
        return cli_usage(cmd,
                         "--draw-top applies to drawings: give -o FILE.svg, .png, .dot or .html");
    if (!partial) {
        if (drawing && c->n_ranks > 1)
            cli_warn("a drawing is sized by the first --rank measure (%s) only; write .graphml "
                     "or .json to keep every score",
                     erg_centrality_name(c->ranks[0]));
        return CLI_OK;
    }
    if (c->given_analysis)
        return cli_usage(cmd, "--partial writes a graph to be merged: the filters, --rank and "
                              "--communities run at erg merge, on the whole");
    if (c->given_no_resolve)
        return cli_usage(cmd, "--partial folds nothing: give --no-corpus-resolve to erg merge");
    if (fmt != ERG_FORMAT_JSON)
        return cli_usage(cmd, "--partial writes the native JSON graph only (for erg merge)");
    return CLI_OK;
}

/*
 * Replaces *g with the part of it that one filter keeps. which: 0 min
 * weight, 1 backbone, 2 largest component, 3 top N.
 */
static erg_status apply_filter(erg_graph **g, const cli_corpus_options *a, int which,
                               erg_error *err)
{
    erg_net net;
    igraph_vector_bool_t mask;
    igraph_vector_t scores;
    erg_graph *next = NULL;
    bool have_mask = false, have_scores = false, edges = which < 2;
    erg_status st = erg_net_init(&net, *g, err);
    if (st != ERG_OK)
        return st;
    if (igraph_vector_bool_init(&mask, 0) != IGRAPH_SUCCESS) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    have_mask = true;
    if (which == 0) {
        st = erg_analyze_filter_min_weight(&net, a->min_weight, &mask, err);
    } else if (which == 1) {
        st = erg_analyze_backbone(&net, a->backbone, &mask, err);
    } else if (which == 2) {
        st = erg_analyze_filter_largest_component(&net, &mask, err);
    } else {
        if (igraph_vector_init(&scores, 0) != IGRAPH_SUCCESS) {
            st = erg_error_oom(err);
            goto cleanup;
        }
        have_scores = true;
        erg_centrality by = a->n_ranks ? a->ranks[0] : ERG_CENTRALITY_DEGREE;
        st = erg_analyze_centrality(&net, by, &scores, err);
        if (st == ERG_OK)
            st = erg_analyze_filter_top(&scores, (igraph_integer_t)a->top, &mask, err);
    }
    if (st == ERG_OK)
        st = erg_analyze_subset(*g, &net, edges ? NULL : &mask, edges ? &mask : NULL, &next, err);
    if (st == ERG_OK) {
        erg_graph_free(*g);
        *g = next;
    }
cleanup:
    if (have_scores)
        igraph_vector_destroy(&scores);
    if (have_mask)
        igraph_vector_bool_destroy(&mask);
    erg_net_release(&net);
    return st;
}

/* Graphviz's warnings while a picture is drawn: the user sees them, the run goes on. */
static void graphviz_warning(void *ctx, const char *message)
{
    (void)ctx;
    cli_warn("graphviz: %s", message);
}

/* The scores and communities of the final graph, held for the export. */
typedef struct corpus_scores {
    erg_net net;
    bool have_net;
    igraph_vector_t values[ERG_CENTRALITY_COUNT];
    size_t n_values;
    erg_node_attr attrs[ERG_CENTRALITY_COUNT];
    erg_partition part;
    bool have_part;
} corpus_scores;

static void scores_release(corpus_scores *s)
{
    for (size_t i = 0; i < s->n_values; i++)
        igraph_vector_destroy(&s->values[i]);
    if (s->have_part)
        erg_partition_release(&s->part);
    if (s->have_net)
        erg_net_release(&s->net);
}

static erg_status compute_scores(const erg_graph *g, const cli_corpus_options *a, corpus_scores *s,
                                 erg_export_options *opts, erg_error *err)
{
    s->n_values = 0;
    s->have_part = s->have_net = false;
    erg_status st = erg_net_init(&s->net, g, err);
    if (st != ERG_OK)
        return st;
    s->have_net = true;
    for (size_t i = 0; i < a->n_ranks; i++) {
        if (igraph_vector_init(&s->values[i], 0) != IGRAPH_SUCCESS)
            return erg_error_oom(err);
        s->n_values++;
        if ((st = erg_analyze_centrality(&s->net, a->ranks[i], &s->values[i], err)) != ERG_OK)
            return st;
        s->attrs[i] = (erg_node_attr){erg_centrality_name(a->ranks[i]),
                                      a->ranks[i] == ERG_CENTRALITY_DEGREE, VECTOR(s->values[i])};
    }
    opts->attrs = s->attrs;
    opts->n_attrs = a->n_ranks;
    if (a->communities) {
        if ((st = erg_partition_init(&s->part, err)) != ERG_OK)
            return st;
        s->have_part = true;
        double resolution = a->resolution_given ? a->resolution : 1.0;
        int iterations = a->iterations_given ? a->iterations : ERG_LEIDEN_ITERATIONS;
        if ((st = erg_analyze_communities_iterations(&s->net, a->method, resolution, iterations,
                                                     &s->part, err)) != ERG_OK)
            return st;
        opts->community = VECTOR(s->part.membership);
    }
    return ERG_OK;
}

/* The summary line's head: "built FILE: N articles, M entities (...), K edges". */
static void print_head(const erg_graph *g, const char *out, const cli_corpus_summary *sum)
{
    fprintf(stderr, "%s %s: %zu article%s", sum->verb,
            !out               ? "(not written)"
            : strcmp(out, "-") ? out
                               : "stdout",
            sum->articles, sum->articles == 1 ? "" : "s");
    if (sum->parts)
        fprintf(stderr, " from %zu part%s", sum->parts, sum->parts == 1 ? "" : "s");
    fprintf(stderr, ", %zu entities (", erg_graph_entity_count(g));
    const char *sep = "";
    for (int t = 0; t < ERG_TYPE_MISC; t++) {
        size_t n = erg_graph_count_type(g, (erg_type)t);
        if (n) {
            fprintf(stderr, "%s%zu %s", sep, n, erg_type_name((erg_type)t));
            sep = ", ";
        }
    }
    size_t n_edges = erg_graph_edge_count(g);
    fprintf(stderr, "), %zu edge%s", n_edges, n_edges == 1 ? "" : "s");
}

static void print_tail(const cli_corpus_summary *sum)
{
    if (sum->boiler_lines)
        fprintf(stderr, "; %zu boilerplate line%s dropped (in %zu article%s)", sum->boiler_lines,
                sum->boiler_lines == 1 ? "" : "s", sum->boiler_articles,
                sum->boiler_articles == 1 ? "" : "s");
    fputc('\n', stderr);
}

static void print_summary(const erg_graph *g, const char *out, size_t n_before, size_t m_before,
                          const cli_corpus_options *a, const corpus_scores *s,
                          const cli_corpus_summary *sum)
{
    print_head(g, out, sum);
    if (n_before != erg_graph_entity_count(g) || m_before != erg_graph_edge_count(g))
        fprintf(stderr, " (filtered from %zu entit%s, %zu edge%s)", n_before,
                n_before == 1 ? "y" : "ies", m_before, m_before == 1 ? "" : "s");
    if (a->communities && s->have_part) {
        fprintf(stderr, "; %lld communit%s (%s", (long long)s->part.count,
                s->part.count == 1 ? "y" : "ies", erg_community_method_name(a->method));
        if (a->resolution_given)
            fprintf(stderr, ", resolution %g", a->resolution);
        if (a->iterations_given && a->method == ERG_COMMUNITY_LEIDEN) {
            if (a->iterations)
                fprintf(stderr, ", %d iteration%s", a->iterations, a->iterations == 1 ? "" : "s");
            else
                fprintf(stderr, ", until stable");
        }
        if (isfinite(s->part.modularity))
            fprintf(stderr, "), modularity %.6f", s->part.modularity);
        else
            fprintf(stderr, "), modularity undefined (no co-mention edges)");
    }
    print_tail(sum);
}

/* Where the corpus stage writes a store instead of a file (cli_corpus_write_store). */
typedef struct store_target {
    const erg_graph *partial; /* the finished partial graph of the same articles */
    bool in_place;            /* an update: rewrite the existing store in one transaction */
    erg_store_options opt;    /* what meta records */
} store_target;

static int corpus_stage(erg_graph **g, const cli_corpus_options *c, const char *data_dir,
                        unsigned type_mask, erg_format fmt, const store_target *store,
                        const char *output, const cli_corpus_summary *sum);

int cli_corpus_stage(erg_graph **g, const cli_corpus_options *c, const char *data_dir,
                     unsigned type_mask, erg_format fmt, const char *output,
                     const cli_corpus_summary *sum)
{
    return corpus_stage(g, c, data_dir, type_mask, fmt, NULL, output, sum);
}

static int corpus_stage(erg_graph **g, const cli_corpus_options *c, const char *data_dir,
                        unsigned type_mask, erg_format fmt, const store_target *store,
                        const char *output, const cli_corpus_summary *sum)
{
    erg_error err;
    erg_error_clear(&err);
    corpus_scores sc;
    memset(&sc, 0, sizeof sc);
    erg_export_options opts = {0};
    opts.dynamic = c->dynamic;
    opts.max_nodes = (size_t)c->draw_top;
    opts.warn = graphviz_warning;
    int rc = CLI_OK;
    if (erg_graph_set_partial(*g, 0, ERG_WINDOW_SENTENCE, &err) != ERG_OK ||
        (c->corpus_resolve && erg_corpus_resolve_on(*g, data_dir, &err) != ERG_OK) ||
        erg_graph_finish(*g, type_mask, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    size_t n_before = erg_graph_entity_count(*g), m_before = erg_graph_edge_count(*g);
    if (c->min_confidence > 0 && cli_confidence_filter(g, c->min_confidence, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    bool wanted[4] = {c->min_weight > 0, c->backbone > 0, c->largest_component, c->top > 0};
    for (int which = 0; which < 4; which++)
        if (wanted[which] && apply_filter(g, c, which, &err) != ERG_OK) {
            rc = cli_fail(&err);
            goto cleanup;
        }
    if ((c->n_ranks || c->communities) && compute_scores(*g, c, &sc, &opts, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    if (store ? erg_store_write(output, store->in_place, store->partial, *g, &opts, &store->opt,
                                &err) != ERG_OK
              : output && erg_export_file_opts(*g, fmt, &opts, output, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    print_summary(*g, output, n_before, m_before, c, &sc, sum);
cleanup:
    scores_release(&sc);
    return rc;
}

int cli_corpus_write_partial(erg_graph *g, unsigned type_mask, erg_window window,
                             const char *output, const cli_corpus_summary *sum)
{
    const unsigned all = ERG_TYPE_BIT(ERG_TYPE_PERSON) | ERG_TYPE_BIT(ERG_TYPE_AGENCY) |
                         ERG_TYPE_BIT(ERG_TYPE_OUTLET) | ERG_TYPE_BIT(ERG_TYPE_PLACE);
    erg_error err;
    erg_error_clear(&err);
    /* Every type stays: which one an entity has is decided by the votes of the whole corpus. */
    if (erg_graph_set_partial(g, type_mask, window, &err) != ERG_OK ||
        erg_graph_set_corpus_resolve(g, false, NULL, 0, &err) != ERG_OK ||
        erg_graph_finish(g, all, &err) != ERG_OK ||
        (output && erg_export_file_opts(g, ERG_FORMAT_JSON, NULL, output, &err) != ERG_OK))
        return cli_fail(&err);
    print_head(g, output, sum);
    print_tail(sum);
    return CLI_OK;
}

int cli_corpus_write_store(erg_graph *g, const cli_corpus_options *co, const char *data_dir,
                           unsigned types, erg_window window, const char *output, bool in_place,
                           unsigned long long generation, const cli_corpus_summary *sum)
{
    const unsigned all = ERG_TYPE_BIT(ERG_TYPE_PERSON) | ERG_TYPE_BIT(ERG_TYPE_AGENCY) |
                         ERG_TYPE_BIT(ERG_TYPE_OUTLET) | ERG_TYPE_BIT(ERG_TYPE_PLACE);
    erg_error err;
    erg_error_clear(&err);
    char *text = NULL;
    size_t len = 0;
    erg_graph *fin = NULL;
    char words[512];
    int rc = CLI_OK;
    FILE *f = NULL;
    if (erg_graph_set_partial(g, types, window, &err) != ERG_OK ||
        erg_graph_set_corpus_resolve(g, false, NULL, 0, &err) != ERG_OK ||
        erg_graph_finish(g, all, &err) != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    if (!(f = open_memstream(&text, &len))) {
        rc = cli_failf("out of memory");
        goto cleanup;
    }
    erg_status st = erg_graph_write_json(g, f, &err);
    if (fclose(f) != 0 && st == ERG_OK)
        st = erg_error_oom(&err);
    f = NULL;
    if (st == ERG_OK && !(f = fmemopen(text, len, "r")))
        st = erg_error_oom(&err);
    if (st == ERG_OK)
        st = erg_graph_load_stream(&fin, f, output, &err);
    if (f)
        fclose(f);
    free(text);
    text = NULL;
    if (st != ERG_OK) {
        rc = cli_fail(&err);
        goto cleanup;
    }
    cli_corpus_words(co, words, sizeof words);
    store_target target = {
        g,
        in_place,
        {types, window, erg_graph_max_evidence(g), co->corpus_resolve, words, generation}};
    if (!words[0])
        target.opt.analysis = NULL;
    rc = corpus_stage(&fin, co, data_dir, types, ERG_FORMAT_JSON, &target, output, sum);
cleanup:
    free(text);
    erg_graph_free(fin);
    return rc;
}
