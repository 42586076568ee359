#include "erg/export.h"

#include "graph_build.h"

#include <check.h>
#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define ALL_TYPES TB_ALL_TYPES

/* The three-article graph, default types: 5 entities, 10 edges. */
static erg_graph *build_news(void)
{
    erg_graph *g = tb_news(ERG_TYPES_DEFAULT);
    ck_assert_uint_eq(erg_graph_entity_count(g), 5);
    ck_assert_uint_eq(erg_graph_edge_count(g), 10);
    return g;
}

/* Names that need escaping in XML and DOT. */
static const char tricky_text[] = "All of them met. Again, all of them.";
static const char *const tricky_keys[] = {
    "say \"hi\"", "back\\slash\\",
    "multi line", "\xC3\xBCn\xC3\xAF code \xE5\x8C\x97\xE4\xBA\xAC",
    "<xml & co>", "ctl"};
static const char *const tricky_names[] = {
    "Say \"Hi\" \\ Boss",
    "C:\\path\\",
    "Line one\nline two\r\ttab",
    "\xC3\x9Cn\xC3\xAF code \xE5\x8C\x97\xE4\xBA\xAC \xE2\x80\x94 \xE2\x80\x9Cquoted\xE2\x80\x9D",
    "<b>Bold</b> & 'co'",
    "ctl\x01x"};
#define N_TRICKY 6

/* Six awkwardly named entities: a co_mention chain, a typed edge parallel to one
 * co_mention edge, and a heavy edge (weight 300). 7 edges in all. */
static erg_graph *build_tricky(void)
{
    erg_graph *g = NULL;
    ck_assert_int_eq(erg_graph_new(&g, 0, NULL), ERG_OK);
    static tb_article t;
    tb_init(&t, "tricky", "2020-01-01", "Wire \"X\"", tricky_text);
    erg_type types[N_TRICKY] = {ERG_TYPE_PERSON, ERG_TYPE_AGENCY, ERG_TYPE_OUTLET,
                                ERG_TYPE_PLACE,  ERG_TYPE_PERSON, ERG_TYPE_AGENCY};
    for (int i = 0; i < N_TRICKY; i++)
        tb_surf(&t, tb_ent(&t, tricky_keys[i], types[i]), tricky_names[i], 1, types[i]);
    for (int i = 0; i + 1 < N_TRICKY; i++)
        tb_rel(&t, i, i + 1, ERG_KIND_CO_MENTION, "All of them met.");
    tb_rel(&t, 2, 0, ERG_KIND_REPORTS, "All of them met.");
    for (int k = 0; k < 300; k++) {
        if (t.rels.n == TB_ITEMS)
            break;
        tb_rel(&t, 0, 5, ERG_KIND_CO_MENTION, "Again, all of them.");
    }
    tb_add(g, &t);
    tb_finish(g, ALL_TYPES);
    ck_assert_uint_eq(erg_graph_entity_count(g), N_TRICKY);
    ck_assert_uint_eq(erg_graph_edge_count(g), 7);
    return g;
}

static erg_graph *build_empty(void)
{
    erg_graph *g = NULL;
    ck_assert_int_eq(erg_graph_new(&g, 0, NULL), ERG_OK);
    tb_finish(g, ALL_TYPES);
    return g;
}

/*
 * s (malloc'd, freed here) with every quoted node id "n<index>" replaced by
 * the quoted key of that entity ('"' and '\\' escaped as DOT does), so the
 * checks below can name entities by key. A new malloc'd string.
 */
static char *keyed(const erg_graph *g, char *s)
{
    erg_buf b;
    erg_buf_init(&b);
    for (const char *p = s; *p;) {
        char *end;
        if (p[0] == '"' && p[1] == 'n' && p[2] >= '0' && p[2] <= '9') {
            unsigned long i = strtoul(p + 2, &end, 10);
            if (*end == '"' && i < erg_graph_entity_count(g)) {
                erg_buf_putc(&b, '"');
                for (const char *k = erg_graph_entity(g, i)->key; *k; k++) {
                    if (*k == '"' || *k == '\\')
                        erg_buf_putc(&b, '\\');
                    erg_buf_putc(&b, *k);
                }
                erg_buf_putc(&b, '"');
                p = end + 1;
                continue;
            }
        }
        erg_buf_putc(&b, *p++);
    }
    free(s);
    return erg_buf_steal(&b);
}

static void write_file(const erg_graph *g, erg_format fmt, const char *path)
{
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_export_file(g, fmt, path, &err) == ERG_OK, "export: %s", err.text);
}

static char *slurp(const char *path)
{
    char *data;
    size_t len;
    ck_assert_int_eq(erg_read_file(path, &data, &len, NULL), ERG_OK);
    return data;
}

static int check_graphml(const char *path, size_t nodes, size_t edges)
{
    char script[512], cmd[2048];
    tb_tests_path(script, sizeof script, "check_graphml.py");
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s' '%s' %zu %zu", script, path, nodes, edges);
    return tb_run(cmd);
}

/* Renders path with dot -Tsvg; returns its exit status and puts its stderr in *errors. */
static int render_dot(const char *dir, const char *path, char **errors)
{
    char cmd[1024], errpath[256];
    snprintf(errpath, sizeof errpath, "%s/dot.err", dir);
    snprintf(cmd, sizeof cmd, "/usr/bin/dot -Tsvg '%s' -o '%s/out.svg' 2>'%s'", path, dir, errpath);
    int rc = tb_run(cmd);
    *errors = slurp(errpath);
    unlink(errpath);
    char svg[256];
    snprintf(svg, sizeof svg, "%s/out.svg", dir);
    unlink(svg);
    return rc;
}

START_TEST(test_format_names)
{
    erg_format f;
    erg_error err;
    ck_assert_str_eq(erg_format_name(ERG_FORMAT_JSON), "json");
    ck_assert_str_eq(erg_format_name(ERG_FORMAT_GRAPHML), "graphml");
    ck_assert_str_eq(erg_format_name(ERG_FORMAT_DOT), "dot");
    ck_assert_int_eq(erg_format_parse("GraphML", &f), ERG_OK);
    ck_assert_int_eq(f, ERG_FORMAT_GRAPHML);
    ck_assert_int_eq(erg_format_parse("dot", &f), ERG_OK);
    ck_assert_int_eq(f, ERG_FORMAT_DOT);
    ck_assert_str_eq(erg_format_name(ERG_FORMAT_GEXF), "gexf");
    ck_assert_int_eq(erg_format_parse("GEXF", &f), ERG_OK);
    ck_assert_int_eq(f, ERG_FORMAT_GEXF);
    ck_assert_str_eq(erg_format_name(ERG_FORMAT_SVG), "svg");
    ck_assert_str_eq(erg_format_name(ERG_FORMAT_PNG), "png");
    ck_assert_int_eq(erg_format_parse("SVG", &f), ERG_OK);
    ck_assert_int_eq(f, ERG_FORMAT_SVG);
    ck_assert_int_eq(erg_format_from_path("out/g.png", &f, &err), ERG_OK);
    ck_assert_int_eq(f, ERG_FORMAT_PNG);
    ck_assert_int_eq(erg_format_from_path("g.SVG", &f, &err), ERG_OK);
    ck_assert_int_eq(f, ERG_FORMAT_SVG);
    ck_assert_int_eq(erg_format_parse("gml", &f), ERG_EINVAL);
    ck_assert_int_eq(erg_format_parse("", &f), ERG_EINVAL);

    static const struct {
        const char *path;
        erg_format fmt;
    } ok[] = {{"g.json", ERG_FORMAT_JSON},   {"out/g.graphml", ERG_FORMAT_GRAPHML},
              {"G.XML", ERG_FORMAT_GRAPHML}, {"a.b/g.dot", ERG_FORMAT_DOT},
              {"g.gv", ERG_FORMAT_DOT},      {"/tmp/x.GraphML", ERG_FORMAT_GRAPHML},
              {"g.gexf", ERG_FORMAT_GEXF}};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        ck_assert_int_eq(erg_format_from_path(ok[i].path, &f, &err), ERG_OK);
        ck_assert_int_eq(f, ok[i].fmt);
    }
    ck_assert_int_eq(erg_format_from_path("-", &f, &err), ERG_EINVAL);
    ck_assert(strstr(err.text, "--format") != NULL);
    ck_assert_int_eq(erg_format_from_path("graph.txt", &f, &err), ERG_EINVAL);
    ck_assert(strstr(err.text, ".graphml") != NULL && strstr(err.text, ".gv") != NULL);
    ck_assert_int_eq(erg_format_from_path("dir.json/graph", &f, &err), ERG_EINVAL);
    ck_assert_int_eq(erg_format_from_path("graph", &f, &err), ERG_EINVAL);
}
END_TEST

START_TEST(test_graphml_news)
{
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/g.graphml", dir);
    erg_graph *g = build_news();
    write_file(g, ERG_FORMAT_GRAPHML, path);
    ck_assert_int_eq(check_graphml(path, 5, 10), 0);

    char *s = keyed(g, slurp(path));
    ck_assert(strstr(s, "edgedefault=\"undirected\"") != NULL);
    ck_assert(strstr(s, "directed=\"true\"") == NULL);
    ck_assert(strstr(s, "attr.name=\"r\" attr.type=\"int\"") != NULL);
    ck_assert(strstr(s, "attr.name=\"size\" attr.type=\"float\"") != NULL);
    ck_assert(strstr(s, "attr.name=\"weight\" attr.type=\"double\"") != NULL);
    ck_assert(strstr(s, "<data key=\"r\">78</data>") != NULL); /* person blue */
    ck_assert(strstr(s, "<data key=\"label\">Kim Jong-un</data>") != NULL);
    ck_assert(strstr(s, "<data key=\"aliases\">Kim (3, article); Kim Jong-un (2)</data>") != NULL);
    ck_assert(strstr(s, "<data key=\"e_outlets\">KCNA; Reuters; Yonhap</data>") != NULL);
    /* A typed edge is written subject first. */
    ck_assert(strstr(s, "source=\"yonhap\" target=\"kim jong un\"") != NULL);
    ck_assert(strstr(s, "source=\"reuters\" target=\"kcna\"") != NULL);
    free(s);

    /* The checker notices a wrong count. */
    char script[512], cmd[1024];
    tb_tests_path(script, sizeof script, "check_graphml.py");
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s' '%s' 5 9 2>/dev/null", script, path);
    ck_assert_int_ne(tb_run(cmd), 0);
    erg_graph_free(g);
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(test_graphml_escaping)
{
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/tricky.graphml", dir);
    erg_graph *g = build_tricky();
    write_file(g, ERG_FORMAT_GRAPHML, path);
    ck_assert_int_eq(check_graphml(path, N_TRICKY, 7), 0);

    /* Read it back with libxml2: every node id and label survives (control bytes as spaces). */
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    ck_assert_ptr_nonnull(doc);
    size_t seen = 0;
    xmlNodePtr graph = NULL;
    for (xmlNodePtr n = xmlDocGetRootElement(doc)->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "graph"))
            graph = n;
    ck_assert_ptr_nonnull(graph);
    for (xmlNodePtr n = graph->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "node"))
            continue;
        /* The id is n and the index; the key is data. */
        xmlChar *id = xmlGetProp(n, BAD_CAST "id");
        ck_assert(id && id[0] == 'n');
        long i = strtol((const char *)id + 1, NULL, 10);
        ck_assert_msg(i >= 0 && (size_t)i < N_TRICKY, "node id '%s' is not n and an index", id);
        const erg_entity *e = erg_graph_entity(g, (size_t)i);
        for (xmlNodePtr d = n->children; d; d = d->next) {
            if (d->type != XML_ELEMENT_NODE)
                continue;
            xmlChar *key = xmlGetProp(d, BAD_CAST "key");
            if (xmlStrEqual(key, BAD_CAST "key")) {
                xmlChar *k = xmlNodeGetContent(d);
                ck_assert_str_eq((const char *)k, e->key);
                xmlFree(k);
            }
            if (xmlStrEqual(key, BAD_CAST "label")) {
                xmlChar *label = xmlNodeGetContent(d);
                /* A control character other than tab and line breaks is its control picture. */
                char want[256];
                size_t w = 0;
                for (const char *p = e->name; *p && w + 4 < sizeof want; p++) {
                    unsigned char c = (unsigned char)*p;
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        want[w++] = '\xE2';
                        want[w++] = '\x90';
                        want[w++] = (char)(0x80 + c);
                    } else {
                        want[w++] = *p;
                    }
                }
                want[w] = '\0';
                ck_assert_str_eq((const char *)label, want);
                xmlFree(label);
                seen++;
            }
            xmlFree(key);
        }
        xmlFree(id);
    }
    ck_assert_uint_eq(seen, N_TRICKY);
    xmlFreeDoc(doc);
    erg_graph_free(g);
    unlink(path);

    /* An empty graph is valid GraphML too. */
    g = build_empty();
    write_file(g, ERG_FORMAT_GRAPHML, path);
    ck_assert_int_eq(check_graphml(path, 0, 0), 0);
    erg_graph_free(g);
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(test_dot_renders_cleanly)
{
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/g.dot", dir);
    erg_graph *graphs[3] = {build_news(), build_tricky(), build_empty()};
    for (int i = 0; i < 3; i++) {
        write_file(graphs[i], ERG_FORMAT_DOT, path);
        char *errors;
        int rc = render_dot(dir, path, &errors);
        ck_assert_msg(rc == 0, "graph %d: dot exited with %d: %s", i, rc, errors);
        ck_assert_msg(errors[0] == '\0', "graph %d: dot said: %s", i, errors);
        free(errors);
        char *s = keyed(graphs[i], slurp(path));
        ck_assert(strncmp(s, "graph \"erg\" {\n", 14) == 0);
        ck_assert(strstr(s, "->") == NULL);
        if (i == 0) {
            ck_assert(strstr(s, "\"yonhap\" -- \"kim jong un\" [dir=forward") != NULL);
            ck_assert(strstr(s, "label=\"reports\"") != NULL);
            ck_assert(strstr(s, "\"kcna\" -- \"kim jong un\" [penwidth=2.58, tooltip=\"co_mention, "
                                "weight 3, 4 windows\"") != NULL);
            ck_assert(strstr(s, "\"kim jong un\" [label=\"Kim Jong-un\", shape=ellipse") != NULL);
        } else if (i == 1) {
            ck_assert(strstr(s, "\"say \\\"hi\\\"\" [label=\"Say \\\"Hi\\\" \\\\ Boss\"") != NULL);
            ck_assert(strstr(s, "\"back\\\\slash\\\\\" [label=\"C:\\\\path\\\\\"") != NULL);
            ck_assert(strstr(s, "label=\"Line one line two  tab\"") != NULL);
            ck_assert(strstr(s, "label=\"ctl x\"") != NULL);
            ck_assert(strstr(s, "penwidth=8.00") != NULL); /* capped */
        }
        free(s);
        erg_graph_free(graphs[i]);
    }
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(test_export_file)
{
    char dir[64], path[128], bad[160];
    tb_tmpdir(dir, sizeof dir);
    erg_graph *g = build_news();
    erg_error err;

    /* JSON through export_file is the native file. */
    snprintf(path, sizeof path, "%s/g.json", dir);
    write_file(g, ERG_FORMAT_JSON, path);
    char *a = slurp(path), *b = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&b, &len);
    ck_assert_int_eq(erg_export_write(g, ERG_FORMAT_JSON, f, &err), ERG_OK);
    fclose(f);
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
    erg_graph *back = NULL;
    ck_assert_int_eq(erg_graph_load(&back, path, &err), ERG_OK);
    ck_assert_uint_eq(erg_graph_edge_count(back), 10);
    erg_graph_free(back);
    unlink(path);

    /* "-" writes to standard output: run it in a child whose stdout is a file. */
    snprintf(path, sizeof path, "%s/stdout.dot", dir);
    fflush(stdout);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        if (!freopen(path, "w", stdout))
            _exit(3);
        erg_status st = erg_export_file(g, ERG_FORMAT_DOT, "-", NULL);
        fflush(stdout);
        erg_graph_free(g); /* under valgrind the child's exit is checked for leaks too */
        _exit(st == ERG_OK ? 0 : 4);
    }
    int status = 0;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    a = keyed(g, slurp(path));
    ck_assert(strncmp(a, "graph \"erg\" {", 13) == 0);
    ck_assert(strstr(a, "\"reuters\" -- \"kcna\" [dir=forward") != NULL);
    free(a);
    unlink(path);

    /* A folder that does not exist: ERG_EIO, nothing left behind. */
    snprintf(bad, sizeof bad, "%s/missing/g.dot", dir);
    ck_assert_int_eq(erg_export_file(g, ERG_FORMAT_DOT, bad, &err), ERG_EIO);
    ck_assert(strstr(err.source, "g.dot") != NULL);

    /* An unfinished graph is refused and the temporary file removed. */
    tb_article t;
    tb_init(&t, "late", NULL, NULL, "x");
    tb_add(g, &t);
    snprintf(path, sizeof path, "%s/g.graphml", dir);
    ck_assert_int_eq(erg_export_file(g, ERG_FORMAT_GRAPHML, path, &err), ERG_EINVAL);
    ck_assert_int_eq(erg_export_file(g, ERG_FORMAT_DOT, path, &err), ERG_EINVAL);
    ck_assert_int_eq(erg_export_file(g, ERG_FORMAT_JSON, path, &err), ERG_EINVAL);
    ck_assert_int_eq(erg_export_write(g, (erg_format)42, stderr, &err), ERG_EINVAL);
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *de;
    int entries = 0;
    while ((de = readdir(d)))
        entries += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    closedir(d);
    ck_assert_int_eq(entries, 0);
    erg_graph_free(g);
    rmdir(dir);
}
END_TEST

/* Writes g with opts to a malloc'd string. */
static char *write_string(const erg_graph *g, erg_format fmt, const erg_export_options *opts)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    ck_assert_ptr_nonnull(f);
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_export_write_opts(g, fmt, opts, f, &err) == ERG_OK, "export: %s", err.text);
    fclose(f);
    return data;
}

/* Scores and communities: keys and data in GraphML, fills in DOT, fields in JSON. */
START_TEST(test_export_options)
{
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    erg_graph *g = build_news(); /* kcna, kim jong un, moon jae in, reuters, yonhap */
    double degree[5] = {3, 4, 3, 2, 2};
    double pr[5] = {0.2, 0.35, NAN, 0.125, 1.0 / 3.0};
    igraph_integer_t comm[5] = {0, 1, 2, 13, -1};
    erg_node_attr attrs[2] = {{"degree", true, degree}, {"pagerank", false, pr}};
    erg_export_options opts = {.attrs = attrs, .n_attrs = 2, .community = comm};

    /* No options, or empty ones, change nothing. */
    erg_export_options none = {0};
    for (int fmt = 0; fmt < 3; fmt++) {
        char *a = write_string(g, (erg_format)fmt, NULL),
             *b = write_string(g, (erg_format)fmt, &none);
        char *c = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&c, &len);
        ck_assert_int_eq(erg_export_write(g, (erg_format)fmt, f, NULL), ERG_OK);
        fclose(f);
        ck_assert_str_eq(a, b);
        ck_assert_str_eq(a, c);
        free(a);
        free(b);
        free(c);
    }

    /* GraphML: one key per attribute, typed; nodes without a value have no data. */
    snprintf(path, sizeof path, "%s/g.graphml", dir);
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_export_file_opts(g, ERG_FORMAT_GRAPHML, &opts, path, &err) == ERG_OK, "%s",
                  err.text);
    ck_assert_int_eq(check_graphml(path, 5, 10), 0);
    char *s = slurp(path);
    ck_assert(
        strstr(s, "<key id=\"degree\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>"));
    ck_assert(strstr(s, "<key id=\"pagerank\" for=\"node\" attr.name=\"pagerank\" "
                        "attr.type=\"double\"/>"));
    ck_assert(strstr(s, "<key id=\"community\" for=\"node\" attr.name=\"community\" "
                        "attr.type=\"int\"/>"));
    ck_assert(strstr(s, "<data key=\"degree\">4</data>"));
    ck_assert(strstr(s, "<data key=\"pagerank\">0.35</data>"));
    ck_assert(strstr(s, "<data key=\"pagerank\">0.3333333333333333</data>")); /* shortest exact */
    ck_assert(strstr(s, "<data key=\"community\">13</data>"));
    /* ... read back exactly by networkx, and the missing values are missing. */
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c 'import networkx as nx, sys; g = nx.read_graphml(sys.argv[1]); "
             "g = nx.relabel_nodes(g, {v: d[\"key\"] for v, d in g.nodes(data=True)}); "
             "n = g.nodes; sys.exit(not (n[\"yonhap\"][\"pagerank\"] == 1/3 and "
             "\"pagerank\" not in n[\"moon jae in\"] and \"community\" not in n[\"yonhap\"] and "
             "n[\"reuters\"][\"community\"] == 13 and n[\"kim jong un\"][\"degree\"] == 4 and "
             "isinstance(n[\"kim jong un\"][\"degree\"], int)))' '%s'",
             path);
    ck_assert_int_eq(tb_run(cmd), 0);
    free(s);
    unlink(path);

    /* DOT: filled by community (13 cycles to the second colour), shapes by type. */
    snprintf(path, sizeof path, "%s/g.dot", dir);
    ck_assert_int_eq(erg_export_file_opts(g, ERG_FORMAT_DOT, &opts, path, &err), ERG_OK);
    char *errors;
    ck_assert_int_eq(render_dot(dir, path, &errors), 0);
    ck_assert_msg(errors[0] == '\0', "dot said: %s", errors);
    free(errors);
    s = keyed(g, slurp(path));
    ck_assert(strstr(s, "\"kcna\" [label=\"KCNA\", shape=note, fillcolor=\"#8DD3C7\", "
                        "color=\"#595959\""));
    ck_assert(
        strstr(s, "\"kim jong un\" [label=\"Kim Jong-un\", shape=ellipse, fillcolor=\"#FFFFB3\""));
    ck_assert(strstr(s, "\"moon jae in\" [label=\"Moon Jae-in\", shape=ellipse, "
                        "fillcolor=\"#BEBADA\""));
    ck_assert(strstr(s, "\"reuters\" [label=\"Reuters\", shape=note, fillcolor=\"#FFFFB3\""));
    ck_assert(strstr(s, "community 13\"]"));
    /* No community: the type's own colours. */
    ck_assert(strstr(s, "\"yonhap\" [label=\"Yonhap\", shape=note, fillcolor=\"#8CD17D\", "
                        "color=\"#59A14F\""));
    ck_assert(strstr(s, "pagerank") == NULL);
    free(s);
    unlink(path);

    /* JSON: extra node fields, which the loader ignores. */
    snprintf(path, sizeof path, "%s/g.json", dir);
    ck_assert_int_eq(erg_export_file_opts(g, ERG_FORMAT_JSON, &opts, path, &err), ERG_OK);
    s = slurp(path);
    ck_assert(strstr(s, "\"votes\":{\"person\":3},\"degree\":4,\"pagerank\":0.35,"
                        "\"community\":1}"));
    ck_assert(
        strstr(s, "\"degree\":2,\"pagerank\":0.3333333333333333}")); /* yonhap: no community */
    free(s);
    erg_graph *back = NULL;
    ck_assert_msg(erg_graph_load(&back, path, &err) == ERG_OK, "%s", err.text);
    char *a = write_string(back, ERG_FORMAT_JSON, NULL),
         *b = write_string(g, ERG_FORMAT_JSON, NULL);
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
    erg_graph_free(back);
    unlink(path);

    /* A name that a format uses already is refused for every format, before writing. */
    const char *taken[] = {"label", "size", "r", "e_kind", "community", "mentions", "name", "2x"};
    for (size_t i = 0; i < sizeof taken / sizeof *taken; i++) {
        attrs[0].name = taken[i];
        for (int fmt = 0; fmt < 3; fmt++) {
            ck_assert_int_eq(erg_export_file_opts(g, (erg_format)fmt, &opts, path, &err),
                             ERG_EINVAL);
            ck_assert_msg(access(path, F_OK) != 0, "'%s' left a file", taken[i]);
        }
    }
    erg_graph_free(g);
    rmdir(dir);
}
END_TEST

/* CSV: RFC 4180 quoting of awkward names, one record a line, both files or an error. */
START_TEST(test_csv_quoting)
{
    erg_graph *g = build_tricky();
    char dir[] = "/tmp/erg_csv_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char sub[64], path[96];
    snprintf(sub, sizeof sub, "%s/out/", dir);
    erg_format f;
    erg_error err;
    ck_assert_int_eq(erg_format_from_path(sub, &f, &err), ERG_OK);
    ck_assert_int_eq(f, ERG_FORMAT_CSV);
    ck_assert_int_eq(erg_format_from_path(dir, &f, &err), ERG_OK);
    ck_assert_int_eq(f, ERG_FORMAT_CSV);
    ck_assert_str_eq(erg_format_name(ERG_FORMAT_CSV), "csv");
    ck_assert_int_eq(erg_export_write(g, ERG_FORMAT_CSV, stdout, &err), ERG_EINVAL);
    write_file(g, ERG_FORMAT_CSV, sub);
    snprintf(path, sizeof path, "%s/out/nodes.csv", dir);
    char *nodes = slurp(path);
    /* quotes doubled inside a quoted field; a line break made a space, the field quoted */
    ck_assert_ptr_nonnull(strstr(nodes, ",\"Say \"\"Hi\"\" \\ Boss\",n"));
    ck_assert_ptr_nonnull(strstr(nodes, ",Person,\"say \"\"hi\"\"\",person,"));
    ck_assert_ptr_nonnull(strstr(nodes, ",\"Line one line two \ttab\","));
    ck_assert_ptr_nonnull(strstr(nodes, ",<b>Bold</b> & 'co',"));
    ck_assert_ptr_null(strchr(nodes, '\x01'));
    size_t lines = 0;
    for (const char *p = nodes; (p = strstr(p, "\r\n")) != NULL; p += 2)
        lines++;
    ck_assert_uint_eq(lines, N_TRICKY + 1);
    free(nodes);
    snprintf(path, sizeof path, "%s/out/edges.csv", dir);
    char *edges = slurp(path);
    ck_assert_ptr_nonnull(strstr(edges, ",Directed,"));
    ck_assert_ptr_nonnull(strstr(edges, ",REPORTS,reports,"));
    free(edges);
    /* a file where the directory should be is refused */
    snprintf(path, sizeof path, "%s/out/nodes.csv", dir);
    ck_assert_int_eq(erg_export_file(g, ERG_FORMAT_CSV, path, &err), ERG_EINVAL);
    unlink(path);
    snprintf(path, sizeof path, "%s/out/edges.csv", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/out", dir);
    ck_assert_int_eq(rmdir(path), 0);
    ck_assert_int_eq(rmdir(dir), 0);
    erg_graph_free(g);
}
END_TEST

/* Counts Graphviz's warnings (there should be none). */
static void count_warning(void *ctx, const char *message)
{
    (void)message;
    (*(int *)ctx)++;
}

/* The picture of g in fmt through the library, in a malloc'd buffer (*len bytes). */
static char *picture(const erg_graph *g, erg_format fmt, erg_export_options *o, size_t *len)
{
    char *buf = NULL;
    FILE *m = open_memstream(&buf, len);
    ck_assert_ptr_nonnull(m);
    erg_error err;
    erg_error_clear(&err);
    erg_status st = erg_export_write_opts(g, fmt, o, m, &err);
    ck_assert_int_eq(fclose(m), 0);
    ck_assert_msg(st == ERG_OK, "picture: %s", err.text);
    return buf;
}

static size_t count_of(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* SVG and PNG through libgvc: every node drawn, no warning, the cut said in the legend. */
START_TEST(test_pictures)
{
    erg_graph *g = build_news();
    int warnings = 0;
    erg_export_options o = {.warn = count_warning, .warn_ctx = &warnings};
    size_t len;
    char *svg = picture(g, ERG_FORMAT_SVG, &o, &len);
    ck_assert(strstr(svg, "<svg") != NULL);
    ck_assert_uint_eq(count_of(svg, "class=\"node\""), erg_graph_entity_count(g));
    ck_assert(strstr(svg, "size by mentions") != NULL);
    free(svg);

    o.max_nodes = 2;
    svg = picture(g, ERG_FORMAT_SVG, &o, &len);
    ck_assert_uint_eq(count_of(svg, "class=\"node\""), 2);
    char said[64];
    snprintf(said, sizeof said, "top 2 of %zu entities by mentions", erg_graph_entity_count(g));
    ck_assert_msg(strstr(svg, said) != NULL, "the legend lacks '%s'", said);
    free(svg);

    char *png = picture(g, ERG_FORMAT_PNG, &o, &len);
    ck_assert_uint_gt(len, 8);
    ck_assert_int_eq(memcmp(png, "\x89PNG\r\n\x1a\n", 8), 0);
    free(png);
    ck_assert_int_eq(warnings, 0);
    erg_graph_free(g);

    /* Awkward names and the empty graph draw too, without a warning. */
    erg_graph *others[2] = {build_tricky(), build_empty()};
    erg_export_options plain = {.warn = count_warning, .warn_ctx = &warnings};
    for (int i = 0; i < 2; i++) {
        svg = picture(others[i], ERG_FORMAT_SVG, &plain, &len);
        ck_assert_uint_eq(count_of(svg, "class=\"node\""), erg_graph_entity_count(others[i]));
        free(svg);
        erg_graph_free(others[i]);
    }
    ck_assert_int_eq(warnings, 0);
}
END_TEST

/* Occurrences of needle in s, ignoring ASCII case. */
static size_t count_ci(const char *s, const char *needle)
{
    size_t n = 0, len = strlen(needle);
    for (; *s; s++)
        n += strncasecmp(s, needle, len) == 0;
    return n;
}

START_TEST(test_html_page)
{
    char dir[64], path[128], path2[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/g.html", dir);
    snprintf(path2, sizeof path2, "%s/again.html", dir);
    erg_format f;
    erg_error err;
    ck_assert_int_eq(erg_format_from_path("out/G.HTML", &f, &err), ERG_OK);
    ck_assert_int_eq(f, ERG_FORMAT_HTML);
    ck_assert_int_eq(erg_format_parse("html", &f), ERG_OK);
    ck_assert_str_eq(erg_format_name(ERG_FORMAT_HTML), "html");

    /* Names and a sentence that would end or escape the data's script element. */
    static const char text[] = "Said </script><script>alert(1)</script> and <!--<script> too.";
    erg_graph *g = NULL;
    ck_assert_int_eq(erg_graph_new(&g, 0, NULL), ERG_OK);
    static tb_article t;
    tb_init(&t, "html", "2020-01-01", "Wire </script>", text);
    int a = tb_ent(&t, "closer", ERG_TYPE_PERSON);
    tb_surf(&t, a, "</script><script>alert(1)</script>", 2, ERG_TYPE_PERSON);
    int b = tb_ent(&t, "opener", ERG_TYPE_AGENCY);
    tb_surf(&t, b, "<!--<script>", 1, ERG_TYPE_AGENCY);
    tb_rel(&t, a, b, ERG_KIND_CO_MENTION, text);
    tb_add(g, &t);
    tb_finish(g, ALL_TYPES);
    write_file(g, ERG_FORMAT_HTML, path);
    write_file(g, ERG_FORMAT_HTML, path2);
    char *s = slurp(path), *s2 = slurp(path2);
    ck_assert_str_eq(s, s2); /* the same graph, the same bytes (the layout is seeded) */
    /* The data, cytoscape.js and the view: three script elements, each ended once. */
    ck_assert_uint_eq(count_ci(s, "</script"), 3);
    ck_assert_uint_eq(count_ci(s, "<script"), 3);
    ck_assert(strstr(s, "<!--<script") == NULL);
    ck_assert(strstr(s, "\\u003c\\/script>\\u003cscript>alert(1)\\u003c\\/script>") != NULL);
    ck_assert(strstr(s, "<!--erg:") == NULL); /* every marker replaced */
    ck_assert(strstr(s, "Permission is hereby granted") != NULL);
    ck_assert(strstr(s, "\"entities\":2,") != NULL);
    free(s);
    free(s2);
    erg_graph_free(g);

    /* An empty graph is a page too. */
    g = build_empty();
    write_file(g, ERG_FORMAT_HTML, path);
    s = slurp(path);
    ck_assert(strstr(s, "\"nodes\":[]") != NULL);
    free(s);
    erg_graph_free(g);

    /* More than 1,000 entities: the 1,000 with the most mentions are drawn, and the page says
     * of how many. */
    ck_assert_int_eq(erg_graph_new(&g, 0, NULL), ERG_OK);
    static char keys[1040][16];
    for (int art = 0; art < 65; art++) {
        char id[16];
        snprintf(id, sizeof id, "a%d", art);
        tb_init(&t, id, NULL, NULL, "One. Two.");
        for (int k = 0; k < 16; k++) {
            int n = art * 16 + k;
            snprintf(keys[n], sizeof keys[n], "e%04d", n);
            int i = tb_ent(&t, keys[n], ERG_TYPE_PERSON);
            tb_surf(&t, i, keys[n], n < 1000 ? 2 : 1, ERG_TYPE_PERSON);
            if (k)
                tb_rel(&t, i - 1, i, ERG_KIND_CO_MENTION, "One.");
        }
        tb_add(g, &t);
    }
    tb_finish(g, ALL_TYPES);
    ck_assert_uint_eq(erg_graph_entity_count(g), 1040);
    write_file(g, ERG_FORMAT_HTML, path);
    s = slurp(path);
    ck_assert(strstr(s, "\"entities_total\":1040,") != NULL);
    ck_assert(strstr(s, "\"entities\":1000,") != NULL);
    ck_assert(strstr(s, "\"id\":\"e0999\"") != NULL);
    ck_assert(strstr(s, "\"id\":\"e1000\"") == NULL);
    free(s);
    erg_graph_free(g);
    unlink(path);
    unlink(path2);
    rmdir(dir);
}
END_TEST

static Suite *export_suite(void)
{
    Suite *s = suite_create("export");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_format_names);
    tcase_add_test(tc, test_graphml_news);
    tcase_add_test(tc, test_graphml_escaping);
    tcase_add_test(tc, test_dot_renders_cleanly);
    tcase_add_test(tc, test_export_file);
    tcase_add_test(tc, test_export_options);
    tcase_add_test(tc, test_csv_quoting);
    tcase_add_test(tc, test_pictures);
    tcase_add_test(tc, test_html_page);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(export_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
