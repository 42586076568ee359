/*
 * test_graphml_read.c: erg_export_load_graphml reads back what
 * erg_export_write wrote, and refuses other files with ERG_EFORMAT without
 * printing anything.
 */
#include "erg/export.h"

#include "graph_build.h"

#include <check.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ALL_TYPES TB_ALL_TYPES

/* The three-article graph of graph_build.h with places: 6 entities. */
static erg_graph *build_news(void)
{
    erg_graph *g = tb_news(ALL_TYPES);
    ck_assert_uint_eq(erg_graph_entity_count(g), 6);
    return g;
}

/*
 * Names that XML must escape, non-ASCII text, aliases with brackets and
 * numbers in them, an outlet name with a quote, a typed edge parallel to a
 * co-mention, an entity without dates.
 */
static const char odd_text[] = "Kim (Jr.) met the <Party> & co. Later: \"Wire\" 7 (2) said so.";

static erg_graph *build_odd(void)
{
    erg_graph *g = NULL;
    ck_assert_int_eq(erg_graph_new(&g, 0, NULL), ERG_OK);
    static tb_article t, u;
    tb_init(&t, "o1", "2021-02-03", "Wire \"X\" & Co", odd_text);
    int kim = tb_ent(&t, "kim jr", ERG_TYPE_PERSON);
    int party = tb_ent(&t, "<party> & co", ERG_TYPE_AGENCY);
    int wire = tb_ent(&t, "wire 7", ERG_TYPE_OUTLET);
    int cafe = tb_ent(&t, "caf\xC3\xA9 \xE5\x8C\x97\xE4\xBA\xAC", ERG_TYPE_PLACE);
    tb_surf(&t, kim, "Kim (Jr.)", 2, ERG_TYPE_PERSON);
    tb_surf(&t, kim, "Kim (2)x", 1, ERG_TYPE_PERSON);
    tb_surf(&t, kim, "Kim", 3, ERG_TYPE_PERSON);
    tb_surf(&t, party, "<Party> & co", 1, ERG_TYPE_AGENCY);
    tb_surf(&t, wire, "\"Wire\" 7 (2)", 1, ERG_TYPE_OUTLET);
    tb_surf(&t, cafe, "Caf\xC3\xA9 \xE5\x8C\x97\xE4\xBA\xAC", 1, ERG_TYPE_PLACE);
    tb_rel(&t, kim, party, ERG_KIND_CO_MENTION, "Kim (Jr.) met the <Party> & co.");
    tb_rel(&t, kim, party, ERG_KIND_LEADS, "Kim (Jr.) met the <Party> & co.");
    tb_rel(&t, wire, kim, ERG_KIND_REPORTS, "Later: \"Wire\" 7 (2) said so.");
    tb_rel(&t, wire, cafe, ERG_KIND_CO_MENTION, "Later: \"Wire\" 7 (2) said so.");
    tb_add(g, &t);
    tb_init(&u, "o2", NULL, NULL, "Kim again. Kim (Jr.) again.");
    kim = tb_ent(&u, "kim jr", ERG_TYPE_PERSON);
    int lone = tb_ent(&u, "lone", ERG_TYPE_AGENCY);
    tb_surf(&u, kim, "Kim", 1, ERG_TYPE_PERSON);
    tb_surf(&u, lone, "Lone", 1, ERG_TYPE_AGENCY);
    tb_rel(&u, kim, lone, ERG_KIND_CO_MENTION, "Kim again.");
    tb_add(g, &u);
    tb_finish(g, ALL_TYPES);
    ck_assert_uint_eq(erg_graph_entity_count(g), 5);
    return g;
}

static void write_graphml(const erg_graph *g, const erg_export_options *opts, const char *path)
{
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_export_file_opts(g, ERG_FORMAT_GRAPHML, opts, path, &err) == ERG_OK,
                  "export: %s", err.text);
}

static erg_graph *load_ok(const char *path)
{
    erg_graph *g = NULL;
    erg_error err;
    erg_error_clear(&err);
    erg_status st = erg_export_load_graphml(&g, path, &err);
    ck_assert_msg(st == ERG_OK, "load '%s': %s (line %ld)", path, err.text, err.line);
    ck_assert_ptr_nonnull(g);
    ck_assert(erg_graph_is_finished(g));
    return g;
}

static void same_str(const char *a, const char *b, const char *what)
{
    ck_assert_msg((!a && !b) || (a && b && strcmp(a, b) == 0), "%s: '%s' != '%s'", what,
                  a ? a : "(null)", b ? b : "(null)");
}

/* Every entity and edge field that GraphML holds is the same in both graphs. */
static void same_graph(const erg_graph *want, const erg_graph *got)
{
    ck_assert_uint_eq(erg_graph_entity_count(got), erg_graph_entity_count(want));
    ck_assert_uint_eq(erg_graph_edge_count(got), erg_graph_edge_count(want));
    ck_assert_uint_eq(erg_graph_article_count(got), 0);
    for (size_t i = 0; i < erg_graph_entity_count(want); i++) {
        const erg_entity *a = erg_graph_entity(want, i), *b = erg_graph_entity(got, i);
        same_str(a->key, b->key, "key");
        same_str(a->name, b->name, "name");
        ck_assert_int_eq(a->type, b->type);
        ck_assert_uint_eq(a->mentions, b->mentions);
        ck_assert_uint_eq(a->articles, b->articles);
        same_str(a->first_date, b->first_date, "first_date");
        same_str(a->last_date, b->last_date, "last_date");
        ck_assert_uint_eq(a->n_aliases, b->n_aliases);
        for (size_t k = 0; k < a->n_aliases; k++) {
            same_str(a->aliases[k].name, b->aliases[k].name, "alias");
            ck_assert_uint_eq(a->aliases[k].count, b->aliases[k].count);
        }
        /* the votes are not in GraphML: one for the stated type */
        for (int t = 0; t < ERG_TYPE_COUNT; t++)
            ck_assert_uint_eq(b->type_votes[t], t == (int)a->type ? 1 : 0);
    }
    for (size_t i = 0; i < erg_graph_edge_count(want); i++) {
        const erg_edge *a = erg_graph_edge(want, i), *b = erg_graph_edge(got, i);
        ck_assert_uint_eq(a->source, b->source);
        ck_assert_uint_eq(a->target, b->target);
        ck_assert_int_eq(a->kind, b->kind);
        ck_assert_uint_eq(a->count, b->count);
        ck_assert_uint_eq(a->wunits, b->wunits);
        ck_assert_uint_eq(a->articles, b->articles);
        same_str(a->first_date, b->first_date, "edge first_date");
        same_str(a->last_date, b->last_date, "edge last_date");
        ck_assert_uint_eq(a->n_outlets, b->n_outlets);
        for (size_t k = 0; k < a->n_outlets; k++)
            same_str(a->outlets[k], b->outlets[k], "outlet");
        ck_assert_uint_eq(b->n_evidence, 0);
    }
}

static char *slurp(const char *path)
{
    char *data;
    size_t len;
    ck_assert_int_eq(erg_read_file(path, &data, &len, NULL), ERG_OK);
    return data;
}

static void round_trip(erg_graph *g, const erg_export_options *opts)
{
    char dir[64], path[128], again[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/g.graphml", dir);
    snprintf(again, sizeof again, "%s/again.graphml", dir);
    write_graphml(g, opts, path);
    erg_graph *h = load_ok(path);
    same_graph(g, h);
    /* Everything GraphML holds came back, so writing it again gives the same bytes. */
    write_graphml(h, NULL, again);
    if (!opts) {
        char *x = slurp(path), *y = slurp(again);
        ck_assert_str_eq(x, y);
        free(x);
        free(y);
    } else {
        /* without the extra keys it is still a file networkx reads whole */
        char script[512], cmd[1024];
        tb_tests_path(script, sizeof script, "check_graphml.py");
        snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s' '%s' %zu %zu", script, again,
                 erg_graph_entity_count(g), erg_graph_edge_count(g));
        ck_assert_int_eq(tb_run(cmd), 0);
    }
    erg_graph *k = load_ok(again);
    same_graph(g, k);
    erg_graph_free(k);
    erg_graph_free(h);
    unlink(path);
    unlink(again);
    rmdir(dir);
}

START_TEST(test_round_trip_news)
{
    erg_graph *g = build_news();
    /* what the comparison relies on: aliases, typed edges, outlets and dates are there */
    long kim = erg_graph_find_key(g, "kim jong un");
    ck_assert_int_ge(kim, 0);
    ck_assert_uint_eq(erg_graph_entity(g, (size_t)kim)->n_aliases, 2);
    round_trip(g, NULL);
    erg_graph_free(g);
}
END_TEST

START_TEST(test_round_trip_odd_names)
{
    erg_graph *g = build_odd();
    long kim = erg_graph_find_key(g, "kim jr");
    ck_assert_int_ge(kim, 0);
    ck_assert_uint_eq(erg_graph_entity(g, (size_t)kim)->n_aliases, 3);
    long lone = erg_graph_find_key(g, "lone");
    ck_assert_ptr_null(erg_graph_entity(g, (size_t)lone)->first_date);
    round_trip(g, NULL);
    erg_graph_free(g);
}
END_TEST

/* Scores and communities are extra keys: the graph reads the same. */
START_TEST(test_round_trip_with_scores)
{
    erg_graph *g = build_news();
    size_t n = erg_graph_entity_count(g);
    double *score = calloc(n, sizeof *score);
    igraph_integer_t *comm = calloc(n, sizeof *comm);
    ck_assert_ptr_nonnull(score);
    ck_assert_ptr_nonnull(comm);
    for (size_t i = 0; i < n; i++) {
        score[i] = 0.5 + (double)i;
        comm[i] = (igraph_integer_t)(i % 2);
    }
    erg_node_attr attr = {"pagerank", false, score};
    erg_export_options opts = {.attrs = &attr, .n_attrs = 1, .community = comm};
    round_trip(g, &opts);
    free(score);
    free(comm);
    erg_graph_free(g);
}
END_TEST

START_TEST(test_round_trip_empty)
{
    erg_graph *g = NULL;
    ck_assert_int_eq(erg_graph_new(&g, 0, NULL), ERG_OK);
    tb_finish(g, ALL_TYPES);
    round_trip(g, NULL);
    erg_graph_free(g);
}
END_TEST

static void put_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, strlen(text), f), strlen(text));
    ck_assert_int_eq(fclose(f), 0);
}

/*
 * Loads path with stderr sent to a file: the load fails with want, names
 * the path, and prints nothing. Returns the error (line, text) for more checks.
 */
static erg_error load_fails(const char *dir, const char *path, erg_status want)
{
    char errpath[128];
    snprintf(errpath, sizeof errpath, "%s/stderr", dir);
    fflush(stderr);
    int saved = dup(2);
    int fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ck_assert_int_ge(saved, 0);
    ck_assert_int_ge(fd, 0);
    dup2(fd, 2);
    close(fd);
    erg_graph *g = (erg_graph *)1;
    erg_error err;
    erg_error_clear(&err);
    erg_status st = erg_export_load_graphml(&g, path, &err);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    struct stat sb;
    ck_assert_int_eq(stat(errpath, &sb), 0);
    if (sb.st_size) {
        char *printed = slurp(errpath);
        ck_abort_msg("'%s': something was printed: %s", path, printed);
    }
    unlink(errpath);
    ck_assert_msg(st == want, "'%s': status %d, want %d (%s)", path, st, want, err.text);
    ck_assert_int_eq(err.status, want);
    ck_assert_ptr_null(g);
    ck_assert_str_eq(err.source, path);
    ck_assert_uint_gt(strlen(err.text), 0);
    return err;
}

static const char erg_keys[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"e_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "  <graph id=\"erg\" edgedefault=\"undirected\">\n"
    "    <node id=\"a\"><data key=\"label\">A</data><data key=\"type\">person</data></node>\n";

START_TEST(test_malformed)
{
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    erg_error err;

    /* A GraphML file erg wrote, cut in the middle. */
    erg_graph *g = build_news();
    snprintf(path, sizeof path, "%s/cut.graphml", dir);
    write_graphml(g, NULL, path);
    erg_graph_free(g);
    char *full = slurp(path);
    full[strlen(full) / 2] = '\0';
    put_file(path, full);
    free(full);
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_msg(strstr(err.text, "malformed XML: ") == err.text, "%s", err.text);
    ck_assert_int_gt(err.line, 0);
    unlink(path);

    /* Mismatched tags: libxml2's message and line. */
    snprintf(path, sizeof path, "%s/tags.graphml", dir);
    put_file(path, "<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n</graphml>\n");
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_msg(strstr(err.text, "malformed XML: opening and ending tag mismatch") == err.text,
                  "%s", err.text);
    ck_assert_int_eq(err.line, 4);
    unlink(path);

    /* Not XML at all: the native JSON file. */
    snprintf(path, sizeof path, "%s/graph.xml", dir);
    put_file(path, "{\"format\":\"erg-graph\",\"version\":1}\n");
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_msg(strstr(err.text, "malformed XML: ") == err.text, "%s", err.text);
    unlink(path);

    /* XML that is not GraphML. */
    snprintf(path, sizeof path, "%s/svg.xml", dir);
    put_file(path, "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_str_eq(err.text, "not a GraphML file (the root element is <svg>)");
    ck_assert_int_eq(err.line, 2);
    unlink(path);

    /* GraphML that erg did not write: no label and type keys. */
    snprintf(path, sizeof path, "%s/other.graphml", dir);
    put_file(path, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                   "<key id=\"d0\" for=\"node\" attr.name=\"colour\" attr.type=\"string\"/>\n"
                   "<graph edgedefault=\"undirected\">\n<node id=\"a\"/>\n</graph>\n</graphml>\n");
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_str_eq(err.text,
                     "not GraphML that erg wrote (no node keys named 'label' and 'type')");
    ck_assert_int_eq(err.line, 3);
    unlink(path);

    /* An edge naming a node that is not in the file, on line 8. */
    snprintf(path, sizeof path, "%s/missing.graphml", dir);
    char text[2048];
    snprintf(text, sizeof text,
             "%s    <edge source=\"a\" target=\"ghost\"><data key=\"e_kind\">co_mention</data>"
             "</edge>\n  </graph>\n</graphml>\n",
             erg_keys);
    put_file(path, text);
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_str_eq(err.text, "target 'ghost' is not a node");
    ck_assert_int_eq(err.line, 8);
    unlink(path);

    /* A node without its type. */
    snprintf(path, sizeof path, "%s/notype.graphml", dir);
    snprintf(text, sizeof text,
             "%s    <node id=\"b\">\n<data key=\"label\">B</data></node>\n  </graph>\n</graphml>\n",
             erg_keys);
    put_file(path, text);
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_str_eq(err.text, "node 'b' has no type");
    ck_assert_int_eq(err.line, 8);
    unlink(path);

    /* Duplicate node ids, an unknown type and a bad count: the native loader's checks. */
    snprintf(path, sizeof path, "%s/dup.graphml", dir);
    snprintf(text, sizeof text, "%s%s  </graph>\n</graphml>\n", erg_keys,
             "    <node id=\"a\"><data key=\"label\">A</data><data key=\"type\">person</data>"
             "</node>\n");
    put_file(path, text);
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_str_eq(err.text, "node id 'a' appears twice");
    ck_assert_int_eq(err.line, 8);
    put_file(path, "<graphml>\n<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
                   "<key id=\"t\" for=\"node\" attr.name=\"type\"/>\n"
                   "<key id=\"m\" for=\"node\" attr.name=\"mentions\"/>\n<graph>\n"
                   "<node id=\"x\"><data key=\"l\">X</data><data key=\"t\">wizard</data></node>\n"
                   "</graph>\n</graphml>\n");
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_str_eq(err.text, "unknown entity type 'wizard' (person, agency, outlet, place)");
    ck_assert_int_eq(err.line, 6);
    put_file(path, "<graphml>\n<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
                   "<key id=\"t\" for=\"node\" attr.name=\"type\"/>\n"
                   "<key id=\"m\" for=\"node\" attr.name=\"mentions\"/>\n<graph>\n"
                   "<node id=\"x\"><data key=\"l\">X</data><data key=\"t\">person</data>"
                   "<data key=\"m\">-3</data></node>\n</graph>\n</graphml>\n");
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_str_eq(err.text,
                     "node 'x': mentions '-3' is not a whole number from 0 to 4294967295");
    unlink(path);

    /* A weight that is not a number above 0. */
    snprintf(path, sizeof path, "%s/weight.graphml", dir);
    /* The weight key goes among the keys, before the graph element. */
    const char *graph_at = strstr(erg_keys, "  <graph");
    ck_assert_ptr_nonnull(graph_at);
    snprintf(text, sizeof text,
             "%.*s  <key id=\"w\" for=\"edge\" attr.name=\"weight\"/>\n%s"
             "    <node id=\"b\"><data key=\"label\">B</data><data key=\"type\">person</data>"
             "</node>\n    <edge source=\"a\" target=\"b\"><data key=\"w\">-0.5</data></edge>\n"
             "  </graph>\n</graphml>\n",
             (int)(graph_at - erg_keys), erg_keys, graph_at);
    put_file(path, text);
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_str_eq(
        err.text, "edge from 'a' to 'b': weight '-0.5' is not a number above 0 and at most 1e12");
    ck_assert_int_eq(err.line, 10);
    unlink(path);

    /* An empty file, and one that is not there. */
    snprintf(path, sizeof path, "%s/empty.graphml", dir);
    put_file(path, "");
    err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_str_eq(err.text, "the file is empty");
    unlink(path);
    snprintf(path, sizeof path, "%s/absent.graphml", dir);
    load_fails(dir, path, ERG_ENOTFOUND);
    rmdir(dir);
}
END_TEST

/* Keys are found by attr.name: ids that another tool gave them still read. */
START_TEST(test_renamed_keys)
{
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/renamed.graphml", dir);
    put_file(path,
             "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
             "<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
             "<key id=\"d1\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
             "<key id=\"d2\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
             "<key id=\"d3\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"/>\n"
             "<key id=\"d4\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
             "<key id=\"d5\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
             "<key id=\"d6\" for=\"edge\" attr.name=\"outlets\" attr.type=\"string\"/>\n"
             "<key id=\"d7\" for=\"edge\" attr.name=\"count\" attr.type=\"int\"/>\n"
             "<graph edgedefault=\"undirected\">\n"
             "<edge source=\"b\" target=\"a\"><data key=\"d5\">cites</data>"
             "<data key=\"d4\">2.5</data></edge>\n"
             "<edge source=\"a\" target=\"b\"><data key=\"d5\">accuses</data>"
             "<data key=\"d7\">2</data></edge>\n"
             "<edge source=\"a\" target=\"b\"><data key=\"d5\">leads</data>"
             "<data key=\"d4\">0.25</data><data key=\"d7\">3</data></edge>\n"
             "<edge source=\"b\" target=\"a\"><data key=\"d4\">4.0</data>"
             "<data key=\"d6\">Yonhap; KCNA</data></edge>\n"
             "<edge source=\"b\" target=\"a\"><data key=\"d5\">reports</data></edge>\n"
             "<node id=\"a\"><data key=\"d0\">Ann &amp; Co</data><data key=\"d1\">agency</data>"
             "<data key=\"d2\">Ann &amp; Co (3); Ann (5)</data><data key=\"d3\">8</data></node>\n"
             "<node id=\"b\"><data key=\"d0\">Bob</data><data key=\"d1\">Outlet</data></node>\n"
             "</graph>\n</graphml>\n");
    erg_graph *g = load_ok(path);
    ck_assert_uint_eq(erg_graph_entity_count(g), 2);
    ck_assert_uint_eq(erg_graph_edge_count(g), 5);
    const erg_entity *a = erg_graph_entity(g, 0), *b = erg_graph_entity(g, 1);
    ck_assert_str_eq(a->key, "a");
    /* the name is decided from the aliases, as erg_graph_finish does: the most frequent */
    ck_assert_str_eq(a->name, "Ann");
    ck_assert_int_eq(a->type, ERG_TYPE_AGENCY);
    ck_assert_uint_eq(a->mentions, 8);
    ck_assert_uint_eq(a->n_aliases, 2);
    ck_assert_str_eq(a->aliases[0].name, "Ann");
    ck_assert_uint_eq(a->aliases[0].count, 5);
    ck_assert_int_eq(b->type, ERG_TYPE_OUTLET);
    ck_assert_str_eq(b->name, "Bob");
    /* the co-mention edge is stored low index first; the typed one keeps its direction */
    const erg_edge *co = NULL, *rep = NULL, *cites = NULL, *acc = NULL, *leads = NULL;
    for (size_t i = 0; i < erg_graph_edge_count(g); i++) {
        const erg_edge *d = erg_graph_edge(g, i);
        if (d->kind == ERG_KIND_CO_MENTION)
            co = d;
        else if (d->kind == ERG_KIND_REPORTS)
            rep = d;
        else if (d->kind == ERG_KIND_CITES)
            cites = d;
        else if (d->kind == ERG_KIND_ACCUSES)
            acc = d;
        else if (d->kind == ERG_KIND_LEADS)
            leads = d;
    }
    ck_assert(co && rep && cites && acc && leads);
    ck_assert_uint_eq(co->source, 0);
    /* a weight without a count stands for it (rounded, at least 1) */
    ck_assert_uint_eq(co->count, 4);
    ck_assert_uint_eq(co->wunits, 4 * ERG_WEIGHT_UNIT);
    ck_assert_uint_eq(cites->count, 3);
    ck_assert_uint_eq(cites->wunits, 5 * ERG_WEIGHT_UNIT / 2);
    /* a count without a weight: every window weighs 1; both: each as given */
    ck_assert_uint_eq(acc->count, 2);
    ck_assert_uint_eq(acc->wunits, 2 * ERG_WEIGHT_UNIT);
    ck_assert_uint_eq(leads->count, 3);
    ck_assert_uint_eq(leads->wunits, ERG_WEIGHT_UNIT / 4);
    ck_assert_uint_eq(co->n_outlets, 2);
    ck_assert_str_eq(co->outlets[0], "KCNA");
    ck_assert_int_eq(rep->kind, ERG_KIND_REPORTS);
    ck_assert_uint_eq(rep->source, 1);
    ck_assert_uint_eq(rep->target, 0);
    ck_assert_uint_eq(rep->count, 1);
    ck_assert_uint_eq(rep->wunits, ERG_WEIGHT_UNIT);
    erg_graph_free(g);
    unlink(path);
    rmdir(dir);
}
END_TEST

/*
 * Ids made from the index with the merge key as data (what graphml.c
 * writes), an edge before its nodes, a node without a key (its id is its
 * key); two nodes with one id are refused.
 */
START_TEST(test_keys_as_data)
{
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/keyed.graphml", dir);
    static const char head[] =
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "<key id=\"key\" for=\"node\" attr.name=\"key\" attr.type=\"string\"/>\n"
        "<key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "<graph edgedefault=\"undirected\">\n"
        "<edge source=\"n1\" target=\"n0\"/>\n"
        "<edge source=\"n0\" target=\"plain\"/>\n"
        "<node id=\"n0\"><data key=\"label\">Twin\xE2\x90\x81Name</data>"
        "<data key=\"key\">twin\xE2\x90\x81name</data><data key=\"type\">person</data></node>\n"
        "<node id=\"n1\"><data key=\"label\">Twin\xE2\x90\x82Name</data>"
        "<data key=\"key\">twin\xE2\x90\x82name</data><data key=\"type\">person</data></node>\n"
        "<node id=\"plain\"><data key=\"label\">Plain</data><data key=\"type\">agency</data>"
        "</node>\n";
    char text[2048];
    snprintf(text, sizeof text, "%s</graph>\n</graphml>\n", head);
    put_file(path, text);
    erg_graph *g = load_ok(path);
    ck_assert_uint_eq(erg_graph_entity_count(g), 3);
    ck_assert_uint_eq(erg_graph_edge_count(g), 2);
    long t1 = erg_graph_find_key(g, "twin\xE2\x90\x81name");
    long t2 = erg_graph_find_key(g, "twin\xE2\x90\x82name");
    long plain = erg_graph_find_key(g, "plain");
    ck_assert(t1 >= 0 && t2 >= 0 && plain >= 0);
    for (size_t i = 0; i < erg_graph_edge_count(g); i++) {
        const erg_edge *d = erg_graph_edge(g, i);
        bool twins = (d->source == t1 && d->target == t2) || (d->source == t2 && d->target == t1);
        bool other =
            (d->source == t1 && d->target == plain) || (d->source == plain && d->target == t1);
        ck_assert(twins || other);
    }
    erg_graph_free(g);

    /* The same GraphML id twice. */
    snprintf(text, sizeof text,
             "%s<node id=\"n1\"><data key=\"label\">Other</data><data key=\"key\">other</data>"
             "<data key=\"type\">person</data></node>\n</graph>\n</graphml>\n",
             head);
    put_file(path, text);
    erg_error err = load_fails(dir, path, ERG_EFORMAT);
    ck_assert_msg(strstr(err.text, "node id 'n1' appears twice") != NULL, "%s", err.text);
    unlink(path);
    rmdir(dir);
}
END_TEST

static Suite *graphml_read_suite(void)
{
    Suite *s = suite_create("graphml_read");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_round_trip_news);
    tcase_add_test(tc, test_round_trip_odd_names);
    tcase_add_test(tc, test_round_trip_with_scores);
    tcase_add_test(tc, test_round_trip_empty);
    tcase_add_test(tc, test_malformed);
    tcase_add_test(tc, test_renamed_keys);
    tcase_add_test(tc, test_keys_as_data);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(graphml_read_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
