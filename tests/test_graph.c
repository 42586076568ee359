#include "erg/graph.h"

#include "graph_build.h"

#include <check.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ALL_TYPES TB_ALL_TYPES

static erg_graph *new_graph(unsigned max_evidence)
{
    erg_graph *g = NULL;
    erg_error err;
    ck_assert_int_eq(erg_graph_new(&g, max_evidence, &err), ERG_OK);
    return g;
}

static erg_graph *build(int first, int last, unsigned max_evidence)
{
    erg_graph *g = new_graph(max_evidence);
    for (int i = first; i <= last; i++) {
        tb_article t;
        if (i == 1)
            tb_article1(&t);
        else if (i == 2)
            tb_article2(&t);
        else
            tb_article3(&t);
        tb_add(g, &t);
    }
    return g;
}

static const erg_entity *entity(const erg_graph *g, const char *key)
{
    long i = erg_graph_find_key(g, key);
    ck_assert_msg(i >= 0, "no entity '%s'", key);
    return erg_graph_entity(g, (size_t)i);
}

/* The edge (source key, target key, kind) or NULL. */
static const erg_edge *edge(const erg_graph *g, const char *s, const char *t, erg_kind kind)
{
    long a = erg_graph_find_key(g, s), b = erg_graph_find_key(g, t);
    if (a < 0 || b < 0)
        return NULL;
    for (size_t i = 0; i < erg_graph_edge_count(g); i++) {
        const erg_edge *d = erg_graph_edge(g, i);
        if (d->kind == kind && d->source == (uint32_t)a && d->target == (uint32_t)b)
            return d;
    }
    return NULL;
}

/* Asserts two saved graphs are the same bytes, showing where they first differ. */
#define assert_same(a, b) assert_same_at(a, b, __LINE__)
static void assert_same_at(const char *a, const char *b, int line)
{
    size_t i = 0;
    while (a[i] && a[i] == b[i])
        i++;
    size_t from = i > 40 ? i - 40 : 0;
    ck_assert_msg(a[i] == b[i], "line %d: files differ at byte %zu: ...%.80s... vs ...%.80s...",
                  line, i, a + from, b + from);
}

static int cmp_hash(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The "article_ids" line of a graph that took these n (at most 8) article ids. */
static void ids_line(const char *const *ids, size_t n, char *buf, size_t cap)
{
    uint64_t h[8];
    ck_assert_uint_le(n, 8);
    for (size_t i = 0; i < n; i++) {
        h[i] = erg_hash(ids[i], strlen(ids[i]));
        h[i] = h[i] ? h[i] : 1;
    }
    qsort(h, n, sizeof *h, cmp_hash);
    size_t len = (size_t)snprintf(buf, cap, "\n\"article_ids\":[");
    for (size_t i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s\"%016llx\"", i ? "," : "",
                                (unsigned long long)h[i]);
    if (len < cap)
        snprintf(buf + len, cap - len, "],\n");
}

static void save_file(const erg_graph *g, const char *path)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    erg_error err;
    ck_assert_int_eq(erg_graph_write_json(g, f, &err), ERG_OK);
    ck_assert_int_eq(fclose(f), 0);
}

START_TEST(test_counts_and_types)
{
    erg_graph *g = build(1, 3, 0);
    tb_finish(g, ALL_TYPES);
    ck_assert_uint_eq(erg_graph_article_count(g), 3);
    ck_assert_uint_eq(erg_graph_entity_count(g), 6); /* the misc entity never enters */
    ck_assert_uint_eq(erg_graph_edge_count(g), 11);
    ck_assert_int_lt(erg_graph_find_key(g, "korean"), 0);
    ck_assert_uint_eq(erg_graph_count_type(g, ERG_TYPE_PERSON), 2);
    ck_assert_uint_eq(erg_graph_count_type(g, ERG_TYPE_OUTLET), 3);
    ck_assert_uint_eq(erg_graph_count_type(g, ERG_TYPE_AGENCY), 0);
    ck_assert_uint_eq(erg_graph_count_type(g, ERG_TYPE_PLACE), 1);
    /* Sorted by key, and find_key agrees with the order. */
    const char *keys[] = {"kcna", "kim jong un", "moon jae in", "pyongyang", "reuters", "yonhap"};
    for (size_t i = 0; i < 6; i++) {
        ck_assert_str_eq(erg_graph_entity(g, i)->key, keys[i]);
        ck_assert_int_eq(erg_graph_find_key(g, keys[i]), (long)i);
    }
    /* Edges sorted by (source, target, kind). */
    for (size_t i = 1; i < erg_graph_edge_count(g); i++) {
        const erg_edge *p = erg_graph_edge(g, i - 1), *q = erg_graph_edge(g, i);
        ck_assert(p->source < q->source ||
                  (p->source == q->source &&
                   (p->target < q->target || (p->target == q->target && p->kind < q->kind))));
    }
    /* Articles sorted by id. */
    ck_assert_str_eq(erg_graph_get_article(g, 0)->id, "a1");
    ck_assert_str_eq(erg_graph_get_article(g, 2)->id, "a3");
    ck_assert_ptr_null(erg_graph_get_article(g, 2)->date);
    ck_assert_str_eq(erg_graph_get_article(g, 0)->source, "Reuters");
    erg_graph_free(g);
}
END_TEST

START_TEST(test_entity_merge_aliases_votes_dates)
{
    erg_graph *g = build(1, 3, 0);
    tb_finish(g, ALL_TYPES);
    const erg_entity *kim = entity(g, "kim jong un");
    ck_assert_uint_eq(kim->mentions, 5);
    ck_assert_uint_eq(kim->articles, 3);
    ck_assert_uint_eq(kim->n_aliases, 2);
    ck_assert_str_eq(kim->aliases[0].name, "Kim");
    ck_assert_uint_eq(kim->aliases[0].count, 3);
    ck_assert_str_eq(kim->aliases[1].name, "Kim Jong-un");
    ck_assert_uint_eq(kim->aliases[1].count, 2);
    /* the most frequent spelling of the full name, though "Kim" is said more */
    ck_assert_str_eq(kim->name, "Kim Jong-un");
    ck_assert_str_eq(kim->first_date, "2018-04-27");
    ck_assert_str_eq(kim->last_date, "2018-05-01");         /* a3 has no date */
    ck_assert_uint_eq(kim->type_votes[ERG_TYPE_PERSON], 3); /* one vote per article */

    const erg_entity *kcna = entity(g, "kcna");
    ck_assert_int_eq(kcna->type, ERG_TYPE_OUTLET); /* 2 outlet articles beat 1 agency article */
    ck_assert_uint_eq(kcna->type_votes[ERG_TYPE_AGENCY], 1);
    ck_assert_uint_eq(kcna->type_votes[ERG_TYPE_OUTLET], 2);

    const erg_entity *moon = entity(g, "moon jae in");
    ck_assert_str_eq(moon->name, "Moon Jae-in");
    ck_assert_uint_eq(moon->articles, 2);
    const erg_entity *reu = entity(g, "reuters");
    ck_assert_ptr_null(reu->first_date);
    ck_assert_ptr_null(reu->last_date);
    erg_graph_free(g);
}
END_TEST

/* Ties: types go person, agency, outlet, place; names longest, then byte order. */
START_TEST(test_ties)
{
    erg_graph *g = new_graph(0);
    static const char text[] = "x";
    tb_article t;
    tb_init(&t, "t1", NULL, NULL, text);
    int a = tb_ent(&t, "a", ERG_TYPE_AGENCY);
    tb_surf(&t, a, "AB", 2, ERG_TYPE_OUTLET);
    tb_surf(&t, a, "ABC", 2, ERG_TYPE_AGENCY);
    int b = tb_ent(&t, "b", ERG_TYPE_PLACE);
    tb_surf(&t, b, "BB", 1, ERG_TYPE_PLACE);
    tb_surf(&t, b, "BA", 1, ERG_TYPE_PERSON);
    tb_add(g, &t);
    /* The article's own type votes, whatever its mentions say: "a" is an agency. */
    tb_init(&t, "t1b", NULL, NULL, text);
    b = tb_ent(&t, "b", ERG_TYPE_PERSON);
    tb_surf(&t, b, "BA", 3, ERG_TYPE_PERSON);
    tb_add(g, &t);
    tb_finish(g, ALL_TYPES);
    ck_assert_int_eq(entity(g, "a")->type, ERG_TYPE_AGENCY);
    ck_assert_str_eq(entity(g, "a")->name, "ABC");
    /* one place article, one person article: the tie goes to person */
    ck_assert_uint_eq(entity(g, "b")->type_votes[ERG_TYPE_PLACE], 1);
    ck_assert_uint_eq(entity(g, "b")->type_votes[ERG_TYPE_PERSON], 1);
    ck_assert_int_eq(entity(g, "b")->type, ERG_TYPE_PERSON);
    ck_assert_str_eq(entity(g, "b")->name, "BA");

    /* Without mention records the entity's own type still gives one vote. */
    tb_init(&t, "t2", NULL, NULL, text);
    int c = tb_ent(&t, "c", ERG_TYPE_OUTLET);
    t.items[c].mentions = 0;
    tb_add(g, &t);
    tb_finish(g, ALL_TYPES);
    ck_assert_int_eq(entity(g, "c")->type, ERG_TYPE_OUTLET);
    ck_assert_uint_eq(entity(g, "c")->type_votes[ERG_TYPE_OUTLET], 1);
    ck_assert_str_eq(entity(g, "c")->name, "c"); /* no surfaces: the name is the alias */
    erg_graph_free(g);
}
END_TEST

START_TEST(test_edges_weights_outlets_evidence)
{
    erg_graph *g = build(1, 3, 0);
    tb_finish(g, ALL_TYPES);
    const erg_edge *d = edge(g, "kcna", "kim jong un", ERG_KIND_CO_MENTION);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->count, 4);
    /* two windows of two entities (1 each), two of three (1/2 each) */
    ck_assert_uint_eq(d->wunits, 3 * ERG_WEIGHT_UNIT);
    ck_assert(erg_edge_weight(d) == 3.0);
    ck_assert_uint_eq(d->articles, 3);
    ck_assert_str_eq(d->first_date, "2018-04-27");
    ck_assert_str_eq(d->last_date, "2018-05-01");
    /*
     * a1's source, and the outlets named in the records' windows (a2, a3);
     * Yonhap is named in a1 but in another sentence than kcna and kim.
     */
    ck_assert_uint_eq(d->n_outlets, 2);
    ck_assert_str_eq(d->outlets[0], "KCNA");
    ck_assert_str_eq(d->outlets[1], "Reuters");
    const erg_edge *km = edge(g, "kim jong un", "moon jae in", ERG_KIND_CO_MENTION);
    ck_assert_uint_eq(km->n_outlets, 3); /* Yonhap is in a1's first sentence */
    ck_assert_str_eq(km->outlets[2], "Yonhap");
    ck_assert_uint_eq(d->n_evidence, 3); /* the default cap; a3 is left out */
    ck_assert_str_eq(d->evidence[0].article, "a1");
    ck_assert_str_eq(d->evidence[0].sentence, "Kim said the talks went well.");
    const char *raw = strstr(tb_text1, "Kim  said");
    ck_assert_uint_eq(d->evidence[0].start, (uint32_t)(raw - tb_text1));
    ck_assert_uint_eq(d->evidence[0].end - d->evidence[0].start,
                      strlen("Kim  said   the talks\twent well."));
    ck_assert_str_eq(d->evidence[1].article, "a1");
    ck_assert_str_eq(d->evidence[1].sentence, "KCNA said Kim was pleased.");
    ck_assert_str_eq(d->evidence[2].article, "a2");

    /* co_mention goes from the smaller index; typed edges keep subject -> object. */
    for (size_t i = 0; i < erg_graph_edge_count(g); i++) {
        const erg_edge *e = erg_graph_edge(g, i);
        if (e->kind == ERG_KIND_CO_MENTION)
            ck_assert_uint_lt(e->source, e->target);
    }
    ck_assert_ptr_nonnull(edge(g, "yonhap", "kim jong un", ERG_KIND_REPORTS));
    ck_assert_ptr_null(edge(g, "kim jong un", "yonhap", ERG_KIND_REPORTS));
    ck_assert_ptr_nonnull(edge(g, "kcna", "kim jong un", ERG_KIND_CITES));
    ck_assert_ptr_nonnull(edge(g, "reuters", "kcna", ERG_KIND_REPORTS));
    ck_assert_ptr_null(edge(g, "kcna", "reuters", ERG_KIND_REPORTS));
    ck_assert_ptr_nonnull(edge(g, "kim jong un", "yonhap", ERG_KIND_CO_MENTION));

    const erg_edge *r = edge(g, "reuters", "kcna", ERG_KIND_REPORTS);
    ck_assert_ptr_null(r->first_date); /* a3 has no date */
    ck_assert_uint_eq(r->n_outlets, 2);
    ck_assert_str_eq(r->outlets[0], "KCNA");
    ck_assert_str_eq(r->outlets[1], "Reuters");
    erg_graph_free(g);
}
END_TEST

/* The evidence kept is the smallest by (article, start), whatever the add order. */
START_TEST(test_evidence_cap_and_order)
{
    static const char text[] = "A and B. A with B again. A, B, thrice. A B four.";
    const char *ids[] = {"c", "a", "d", "b"};
    erg_graph *g1 = new_graph(2), *g2 = new_graph(2);
    for (int round = 0; round < 2; round++) {
        erg_graph *g = round ? g2 : g1;
        for (int k = 0; k < 4; k++) {
            tb_article t;
            tb_init(&t, ids[round ? 3 - k : k], NULL, NULL, text);
            int a = tb_ent(&t, "a", ERG_TYPE_PERSON), b = tb_ent(&t, "b", ERG_TYPE_PERSON);
            tb_surf(&t, a, "A", 1, ERG_TYPE_PERSON);
            tb_surf(&t, b, "B", 1, ERG_TYPE_PERSON);
            /* Records out of text order, and one twice: the copy is not evidence twice. */
            tb_rel(&t, a, b, ERG_KIND_CO_MENTION, "A with B again.");
            tb_rel(&t, a, b, ERG_KIND_CO_MENTION, "A and B.");
            tb_rel(&t, a, b, ERG_KIND_CO_MENTION, "A and B.");
            tb_add(g, &t);
        }
        tb_finish(g, ALL_TYPES);
        const erg_edge *d = edge(g, "a", "b", ERG_KIND_CO_MENTION);
        ck_assert_uint_eq(d->count, 12);
        ck_assert_uint_eq(d->articles, 4);
        ck_assert_uint_eq(d->n_evidence, 2);
        ck_assert_str_eq(d->evidence[0].article, "a");
        ck_assert_uint_eq(d->evidence[0].start, 0);
        ck_assert_str_eq(d->evidence[0].sentence, "A and B.");
        ck_assert_str_eq(d->evidence[1].article, "a");
        ck_assert_str_eq(d->evidence[1].sentence, "A with B again.");
    }
    char *s1 = tb_json(g1), *s2 = tb_json(g2);
    assert_same(s1, s2);
    free(s1);
    free(s2);
    erg_graph_free(g1);
    erg_graph_free(g2);
}
END_TEST

START_TEST(test_mask_and_refinish)
{
    erg_graph *g = build(1, 2, 0);
    tb_finish(g, ERG_TYPE_BIT(ERG_TYPE_PERSON));
    ck_assert_uint_eq(erg_graph_entity_count(g), 2);
    ck_assert_uint_eq(erg_graph_edge_count(g), 1); /* kim - moon */
    ck_assert_ptr_nonnull(edge(g, "kim jong un", "moon jae in", ERG_KIND_CO_MENTION));
    ck_assert_int_lt(erg_graph_find_key(g, "kcna"), 0);

    /* Finish again after more adds: a3 brings kcna and reuters back with its own counts. */
    tb_article t;
    tb_article3(&t);
    tb_add(g, &t);
    ck_assert(!erg_graph_is_finished(g));
    tb_finish(g, ERG_TYPES_DEFAULT);
    ck_assert(erg_graph_is_finished(g));
    ck_assert_uint_eq(erg_graph_entity_count(g), 4);
    ck_assert_uint_eq(entity(g, "kcna")->mentions, 1);
    ck_assert_uint_eq(entity(g, "kim jong un")->mentions, 5);
    ck_assert_uint_eq(erg_graph_edge_count(g), 6);
    const erg_edge *d = edge(g, "kcna", "kim jong un", ERG_KIND_CO_MENTION);
    ck_assert_uint_eq(d->count, 1);
    /* Finishing twice in a row changes nothing. */
    char *s1 = tb_json(g);
    tb_finish(g, ERG_TYPES_DEFAULT);
    char *s2 = tb_json(g);
    assert_same(s1, s2);
    free(s1);
    free(s2);
    erg_graph_free(g);
}
END_TEST

START_TEST(test_bad_articles)
{
    erg_graph *g = new_graph(0);
    erg_error err;
    tb_article t;
    tb_article1(&t);
    tb_add(g, &t);
    ck_assert_int_eq(erg_graph_add_article(g, &t.art, &t.ents, &t.ms, &t.rels, &err), ERG_EINVAL);
    ck_assert_str_eq(err.text, "article 'a1' is already in the graph");

    /* Each bad article is refused before the graph changes. */
    tb_article2(&t);
    t.ritems[0].b = 7;
    ck_assert_int_eq(erg_graph_add_article(g, &t.art, &t.ents, &t.ms, &t.rels, &err), ERG_EINVAL);
    ck_assert(strstr(err.text, "relation 0") != NULL);
    tb_article2(&t);
    t.ritems[1].end = (uint32_t)t.art.text_len + 1;
    ck_assert_int_eq(erg_graph_add_article(g, &t.art, &t.ents, &t.ms, &t.rels, &err), ERG_EINVAL);
    ck_assert(strstr(err.text, "outside the text") != NULL);
    tb_article2(&t);
    t.mitems[0].entity = 9;
    ck_assert_int_eq(erg_graph_add_article(g, &t.art, &t.ents, &t.ms, &t.rels, &err), ERG_EINVAL);
    tb_article2(&t);
    t.items[0].key = "bad \xff key";
    ck_assert_int_eq(erg_graph_add_article(g, &t.art, &t.ents, &t.ms, &t.rels, &err), ERG_EINVAL);
    ck_assert(strstr(err.text, "UTF-8") != NULL);
    tb_article2(&t);
    t.items[1].key = NULL;
    ck_assert_int_eq(erg_graph_add_article(g, &t.art, &t.ents, &t.ms, &t.rels, &err), ERG_EINVAL);
    tb_article2(&t);
    t.art.id = NULL;
    ck_assert_int_eq(erg_graph_add_article(g, &t.art, &t.ents, &t.ms, &t.rels, &err), ERG_EINVAL);
    ck_assert_uint_eq(erg_graph_article_count(g), 1);
    tb_finish(g, ALL_TYPES);
    ck_assert_uint_eq(erg_graph_entity_count(g), 5);
    ck_assert_uint_eq(entity(g, "moon jae in")->mentions, 1);

    /* The fixed article goes in; an article without entities or relations too. */
    tb_article2(&t);
    tb_add(g, &t);
    tb_init(&t, "empty", NULL, NULL, "");
    ck_assert_int_eq(erg_graph_add_article(g, &t.art, NULL, NULL, NULL, &err), ERG_OK);
    tb_finish(g, ALL_TYPES);
    /* "empty" has no evidence: it is counted, but its metadata is not kept. */
    ck_assert_uint_eq(erg_graph_article_total(g), 3);
    ck_assert_uint_eq(erg_graph_article_count(g), 2);
    ck_assert_ptr_null(erg_graph_find_article(g, "empty"));
    ck_assert_uint_eq(entity(g, "moon jae in")->mentions, 3);

    /* Without text, only empty evidence ranges are possible. */
    tb_init(&t, "notext", NULL, NULL, NULL);
    int p = tb_ent(&t, "p", ERG_TYPE_PERSON), q = tb_ent(&t, "q", ERG_TYPE_PERSON);
    t.ritems[t.rels.n++] =
        (erg_relation){(uint32_t)p, (uint32_t)q, ERG_KIND_CO_MENTION, 0, 1, ERG_WEIGHT_UNIT, 0, 0};
    ck_assert_int_eq(erg_graph_add_article(g, &t.art, &t.ents, &t.ms, &t.rels, &err), ERG_EINVAL);
    t.ritems[0].end = 0;
    tb_add(g, &t);
    tb_finish(g, ALL_TYPES);
    ck_assert_str_eq(edge(g, "p", "q", ERG_KIND_CO_MENTION)->evidence[0].sentence, "");

    /* Writing an unfinished graph is refused. */
    tb_article3(&t);
    tb_add(g, &t);
    FILE *f = tmpfile();
    ck_assert_int_eq(erg_graph_write_json(g, f, &err), ERG_EINVAL);
    fclose(f);
    erg_graph_free(g);
    erg_graph_free(NULL);
}
END_TEST

/* A sentence range cut inside a character, with control bytes, is stored as valid text. */
START_TEST(test_evidence_sentence_cleaning)
{
    static const char text[] = "\xC3\xA9l\xC3\xA8ve A\r\n\r\n  met\x01 B  ";
    erg_graph *g = new_graph(0);
    tb_article t;
    tb_init(&t, "x", NULL, NULL, text);
    int a = tb_ent(&t, "a", ERG_TYPE_PERSON), b = tb_ent(&t, "b", ERG_TYPE_PERSON);
    tb_surf(&t, a, "A", 1, ERG_TYPE_PERSON);
    tb_surf(&t, b, "B", 1, ERG_TYPE_PERSON);
    tb_rel(&t, a, b, ERG_KIND_CO_MENTION, text);
    t.ritems[0].start = 1; /* inside the first "é" */
    tb_add(g, &t);
    tb_finish(g, ALL_TYPES);
    const erg_edge *d = edge(g, "a", "b", ERG_KIND_CO_MENTION);
    ck_assert_str_eq(d->evidence[0].sentence, "\xEF\xBF\xBDl\xC3\xA8ve A met B");
    ck_assert_uint_eq(d->evidence[0].start, 1);
    ck_assert_uint_eq(d->evidence[0].end, strlen(text));
    erg_graph_free(g);
}
END_TEST

START_TEST(test_json_round_trip)
{
    char dir[64], path[128], path2[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/g.json", dir);
    snprintf(path2, sizeof path2, "%s/g2.json", dir);
    erg_graph *g = build(1, 3, 0);
    tb_finish(g, ALL_TYPES);
    save_file(g, path);
    char *s1 = tb_json(g);

    erg_graph *h = NULL;
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_graph_load(&h, path, &err) == ERG_OK, "load: %s", err.text);
    ck_assert(erg_graph_is_finished(h));
    char *s2 = tb_json(h);
    assert_same(s1, s2);
    ck_assert_uint_eq(erg_graph_entity_count(h), 6);
    ck_assert_uint_eq(erg_graph_edge_count(h), 11);
    ck_assert_str_eq(entity(h, "kim jong un")->name, "Kim Jong-un");
    ck_assert_int_eq(entity(h, "kcna")->type, ERG_TYPE_OUTLET);
    ck_assert(strstr(s1, "\"format\":\"erg-graph\",\"version\":4") != NULL);
    /* Version 3: every article's id hash, on one line after the cited articles. */
    const char *const all_ids[] = {"a1", "a2", "a3"};
    char ids[128];
    ids_line(all_ids, 3, ids, sizeof ids);
    ck_assert_msg(strstr(s1, ids) != NULL, "no '%s'", ids);
    /* Version 2: each sentence once, in "sentences" between articles and nodes; evidence
     * records name only the range. */
    const char *sents = strstr(s1, "],\n\"sentences\":[\n");
    ck_assert_ptr_nonnull(sents);
    ck_assert(strstr(s1, "\"articles\":[") < sents && sents < strstr(s1, "\n\"nodes\":["));
    ck_assert(strstr(s1, "\"sentence\":") == NULL);
    const char *kcna = "{\"article\":\"a1\",\"start\":60,\"end\":92,\"text\":\"Kim said the talks "
                       "went well.\"}";
    ck_assert(strstr(sents, kcna) != NULL);
    ck_assert(strstr(strstr(sents, kcna) + strlen(kcna), "went well.") == NULL); /* stored once */
    ck_assert(strstr(s1, "\"title\":null") == NULL); /* absent fields are left out */

    /* networkx reads it as a node-link multigraph with the same counts. */
    save_file(h, path2);
    char script[512], cmd[1024];
    tb_tests_path(script, sizeof script, "check_graphml.py");
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s' --node-link '%s' 6 11", script, path2);
    ck_assert_int_eq(tb_run(cmd), 0);
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s' --node-link '%s' 6 12 2>/dev/null", script,
             path2);
    ck_assert_int_ne(tb_run(cmd), 0); /* the checker does check */

    free(s1);
    free(s2);
    erg_graph_free(g);
    erg_graph_free(h);
    unlink(path);
    unlink(path2);
    rmdir(dir);
}
END_TEST

/*
 * A file larger than the loader's read buffer: records cut by the buffer
 * take the slow path, whole ones are read in place, and both give the same
 * graph, which saves and reloads to the same bytes.
 */
START_TEST(test_load_large)
{
    enum { N = 4000 };
    char dir[64], path[128], path2[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/big.json", dir);
    snprintf(path2, sizeof path2, "%s/big2.json", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fprintf(f,
            "{\"format\":\"erg-graph\",\"version\":3,\"directed\":false,"
            "\"multigraph\":true,\n\"graph\":{\"entities\":%d,\"edges\":%d,"
            "\"articles\":0,\"max_evidence\":3},\n\"articles\":[],\n\"article_ids\":[],\n"
            "\"sentences\":[],\n\"nodes\":[\n",
            N, 2 * N - 3);
    for (int i = 0; i < N; i++)
        fprintf(f,
                "%s{\"id\":\"n%05d\",\"name\":\"Node %d\",\"type\":\"person\",\"mentions\":3,"
                "\"articles\":1}",
                i ? ",\n" : "", i, i);
    fputs("\n],\n\"links\":[\n", f);
    for (int i = 0; i + 1 < N; i++) {
        fprintf(f,
                "%s{\"source\":\"n%05d\",\"target\":\"n%05d\",\"kind\":\"co_mention\","
                "\"weight\":%s,\"articles\":1}",
                i ? ",\n" : "", i, i + 1, i % 4 ? "2" : "0.5");
        if (i + 2 < N)
            fprintf(f,
                    ",\n{\"source\":\"n%05d\",\"target\":\"n%05d\",\"kind\":\"co_mention\","
                    "\"weight\":1.25,\"articles\":1}",
                    i, i + 2);
    }
    fputs("\n]}\n", f);
    ck_assert_int_eq(fclose(f), 0);

    erg_graph *h = NULL, *h2 = NULL;
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_graph_load(&h, path, &err) == ERG_OK, "load: %s", err.text);
    ck_assert_uint_eq(erg_graph_entity_count(h), N);
    ck_assert_uint_eq(erg_graph_edge_count(h), 2 * N - 3);
    char a[16], b[16];
    for (int i = 0; i + 1 < N; i++) {
        snprintf(a, sizeof a, "n%05d", i);
        snprintf(b, sizeof b, "n%05d", i + 1);
        const erg_edge *d = edge(h, a, b, ERG_KIND_CO_MENTION);
        ck_assert_ptr_nonnull(d);
        ck_assert(erg_edge_weight(d) == (i % 4 ? 2.0 : 0.5));
        if (i % 500 == 0) {
            snprintf(b, sizeof b, "n%05d", i + 2);
            ck_assert(erg_edge_weight(edge(h, a, b, ERG_KIND_CO_MENTION)) == 1.25);
        }
    }
    save_file(h, path2);
    ck_assert_msg(erg_graph_load(&h2, path2, &err) == ERG_OK, "reload: %s", err.text);
    char *s1 = tb_json(h), *s2 = tb_json(h2);
    assert_same(s1, s2);
    free(s1);
    free(s2);
    erg_graph_free(h);
    erg_graph_free(h2);
    unlink(path);
    unlink(path2);
    rmdir(dir);
}
END_TEST

/*
 * A loaded graph grows like the graph it was saved from: finish leaves the
 * edge index to the first edge added, which must still find the edges the
 * file held (the loader appends links that come in order without it).
 */
START_TEST(test_load_then_add)
{
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/g.json", dir);
    erg_graph *want = build(1, 3, 0), *part = build(1, 2, 0);
    tb_finish(want, ALL_TYPES);
    tb_finish(part, ALL_TYPES);
    save_file(part, path);
    erg_graph *h = NULL;
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_graph_load(&h, path, &err) == ERG_OK, "load: %s", err.text);
    size_t before = erg_graph_edge_count(h);
    tb_article t;
    tb_article3(&t);
    tb_add(h, &t);
    tb_finish(h, ALL_TYPES);
    /* Article 3 shares pairs with 1 and 2: fewer edges than the two apart. */
    erg_graph *alone = build(3, 3, 0);
    tb_finish(alone, ALL_TYPES);
    ck_assert_uint_lt(erg_graph_edge_count(h), before + erg_graph_edge_count(alone));
    erg_graph_free(alone);
    char *s1 = tb_json(want), *s2 = tb_json(h);
    assert_same(s1, s2);
    free(s1);
    free(s2);
    erg_graph_free(want);
    erg_graph_free(part);
    erg_graph_free(h);
    unlink(path);
    rmdir(dir);
}
END_TEST

/* Any JSON layout of the same graph loads the same: pretty, key-sorted (arrays before
 * the header, links before nodes), and errors inside records name the right line. */
START_TEST(test_load_layouts)
{
    char dir[64], path[128], other[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/g.json", dir);
    snprintf(other, sizeof other, "%s/other.json", dir);
    erg_graph *g = build(1, 3, 2);
    tb_finish(g, ALL_TYPES);
    save_file(g, path);
    char *want = tb_json(g);
    json_error_t jerr;
    json_t *tree = json_load_file(path, 0, &jerr);
    ck_assert_ptr_nonnull(tree);
    size_t flags[] = {JSON_INDENT(2) | JSON_PRESERVE_ORDER, JSON_INDENT(3) | JSON_SORT_KEYS,
                      JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII};
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
        ck_assert_int_eq(json_dump_file(tree, other, flags[i]), 0);
        erg_graph *h = NULL;
        erg_error err;
        erg_error_clear(&err);
        ck_assert_msg(erg_graph_load(&h, other, &err) == ERG_OK, "layout %zu: %s", i, err.text);
        char *got = tb_json(h);
        assert_same(got, want);
        free(got);
        erg_graph_free(h);
    }
    json_decref(tree);

    /* Break the second node (its line of erg's layout): the error names that line. */
    char *text = tb_json(g);
    char *line = strstr(text, "\n{\"id\":\"kim jong un\"") + 1;
    long lineno = 1;
    for (const char *p = text; p < line; p++)
        lineno += *p == '\n';
    ck_assert(strncmp(line - 2, "\n{\"id\":\"kcna\"", 14) != 0); /* not the first node */
    char *colon = strstr(line, "\"mentions\":") + strlen("\"mentions\"");
    *colon = ' ';
    FILE *f = fopen(other, "w");
    fputs(text, f);
    fclose(f);
    erg_graph *h = NULL;
    erg_error err;
    ck_assert_int_eq(erg_graph_load(&h, other, &err), ERG_EJSON);
    ck_assert_int_eq(err.line, lineno);
    ck_assert_msg(strstr(err.text, "nodes[1]: malformed JSON") != NULL, "%s", err.text);
    free(text);
    free(want);
    erg_graph_free(g);
    unlink(path);
    unlink(other);
    rmdir(dir);
}
END_TEST

/*
 * Articles with one evidence record per edge: "b1" and "b2" each support the
 * edge p-q, "a" too and first by id, so the cap keeps a's record alone; "c"
 * has no relation at all.
 */
static void add_cap_article(erg_graph *g, char which)
{
    static const char text[] = "Park met Quinn. Quinn met Rhee.";
    tb_article t;
    const char *id = which == 'a' ? "a" : which == '1' ? "b1" : which == '2' ? "b2" : "c";
    tb_init(&t, id, which == 'a' ? "2020-01-01" : "2020-02-02", "Wire", text);
    int p = tb_ent(&t, "park", ERG_TYPE_PERSON), q = tb_ent(&t, "quinn", ERG_TYPE_PERSON);
    if (which == '2') {
        /* b2 also supports q-r, an edge only it cites: b2 stays cited. */
        int r = tb_ent(&t, "rhee", ERG_TYPE_PERSON);
        tb_rel(&t, q, r, ERG_KIND_CO_MENTION, "Quinn met Rhee.");
    }
    if (which != 'c')
        tb_rel(&t, p, q, ERG_KIND_CO_MENTION, "Park met Quinn.");
    tb_add(g, &t);
}

static erg_graph *cap_graph(const char *order)
{
    erg_graph *g = new_graph(1);
    for (const char *o = order; *o; o++)
        add_cap_article(g, *o);
    return g;
}

/*
 * An article whose last evidence record the cap pushes out loses its record
 * (its id hash stays), whatever the order the articles came in, one graph or
 * merged parts, in memory or loaded from files; an article without evidence
 * never has one. The id hashes still refuse a duplicate in a merge.
 */
START_TEST(test_evicted_articles)
{
    erg_error err;
    erg_error_clear(&err);
    erg_graph *one = cap_graph("a12c");
    tb_finish(one, ALL_TYPES);
    ck_assert_uint_eq(erg_graph_article_total(one), 4);
    ck_assert_uint_eq(erg_graph_article_count(one), 2);
    ck_assert_str_eq(erg_graph_get_article(one, 0)->id, "a");
    ck_assert_str_eq(erg_graph_get_article(one, 0)->date, "2020-01-01");
    ck_assert_str_eq(erg_graph_get_article(one, 1)->id, "b2");
    ck_assert_ptr_null(erg_graph_find_article(one, "b1"));
    char *want = tb_json(one);
    ck_assert(strstr(want, "\"graph\":{\"entities\":3,\"edges\":2,\"articles\":4,") != NULL);
    ck_assert(strstr(want, "\"id\":\"b1\"") == NULL && strstr(want, "\"id\":\"c\"") == NULL);
    const char *const ids[] = {"a", "b1", "b2", "c"};
    char line[256];
    ids_line(ids, 4, line, sizeof line);
    ck_assert_msg(strstr(want, line) != NULL, "no '%s' in %s", line, want);

    /* Other orders: the record of "b1" comes and goes, or never comes. */
    static const char *const orders[] = {"c21a", "1a2c", "2c1a", "12ca"};
    for (size_t i = 0; i < sizeof orders / sizeof *orders; i++) {
        erg_graph *g = cap_graph(orders[i]);
        tb_finish(g, ALL_TYPES);
        char *s = tb_json(g);
        assert_same(s, want);
        free(s);
        erg_graph_free(g);
    }

    /* Parts: b1 alone keeps its record until the merge pushes it out. */
    erg_graph *p1 = cap_graph("1"), *p2 = cap_graph("2c"), *p3 = cap_graph("a");
    tb_finish(p1, ALL_TYPES);
    ck_assert_uint_eq(erg_graph_article_count(p1), 1);
    erg_graph *m = new_graph(1);
    ck_assert_int_eq(erg_graph_merge(m, p1, &err), ERG_OK);
    ck_assert_int_eq(erg_graph_merge(m, p3, &err), ERG_OK);
    ck_assert_int_eq(erg_graph_merge(m, p2, &err), ERG_OK);
    tb_finish(m, ALL_TYPES);
    char *sm = tb_json(m);
    assert_same(sm, want);

    /* The same through files, grouped the other way: (p2 + p3) + p1. */
    char dir[64], f1[128], f2[128], f3[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(f1, sizeof f1, "%s/p1.json", dir);
    snprintf(f2, sizeof f2, "%s/p2.json", dir);
    snprintf(f3, sizeof f3, "%s/p3.json", dir);
    tb_finish(p2, ALL_TYPES);
    tb_finish(p3, ALL_TYPES);
    save_file(p1, f1);
    save_file(p2, f2);
    save_file(p3, f3);
    erg_graph *l1 = NULL, *l2 = NULL, *l3 = NULL;
    ck_assert_msg(erg_graph_load(&l1, f1, &err) == ERG_OK, "%s", err.text);
    ck_assert_msg(erg_graph_load(&l2, f2, &err) == ERG_OK, "%s", err.text);
    ck_assert_msg(erg_graph_load(&l3, f3, &err) == ERG_OK, "%s", err.text);
    ck_assert_uint_eq(erg_graph_article_total(l2), 2);
    ck_assert_uint_eq(erg_graph_article_count(l2), 1);
    ck_assert_int_eq(erg_graph_merge(l2, l3, &err), ERG_OK);
    tb_finish(l2, ALL_TYPES);
    ck_assert_int_eq(erg_graph_merge(l2, l1, &err), ERG_OK);
    tb_finish(l2, ALL_TYPES);
    char *sl = tb_json(l2);
    assert_same(sl, want);

    /* A duplicate that only the hashes know of is refused, and nothing is added. */
    erg_graph *dup = cap_graph("c");
    ck_assert_int_eq(erg_graph_merge(dup, one, &err), ERG_EINVAL);
    ck_assert_msg(strstr(err.text, "is already in the graph") != NULL, "%s", err.text);
    ck_assert_uint_eq(erg_graph_article_total(dup), 1);
    erg_graph *dup2 = cap_graph("c");
    ck_assert_int_eq(erg_graph_merge(one, dup2, &err), ERG_EINVAL);
    ck_assert_msg(strstr(err.text, "an article (id hash ") != NULL, "%s", err.text);
    ck_assert_uint_eq(erg_graph_article_total(one), 4);
    /* ...and adding the same id again too, cited or not. */
    tb_article t;
    tb_init(&t, "b1", NULL, NULL, "");
    ck_assert_int_eq(erg_graph_add_article(one, &t.art, NULL, NULL, NULL, &err), ERG_EINVAL);
    ck_assert_str_eq(err.text, "article 'b1' is already in the graph");

    free(want);
    free(sm);
    free(sl);
    erg_graph *all[] = {one, p1, p2, p3, m, l1, l2, l3, dup, dup2};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        erg_graph_free(all[i]);
    unlink(f1);
    unlink(f2);
    unlink(f3);
    rmdir(dir);
}
END_TEST

START_TEST(test_merge_order_independent)
{
    erg_graph *a = build(1, 2, 0), *b = build(3, 3, 0), *c = build(1, 3, 0);
    erg_graph *ab = build(1, 2, 0), *ba = build(3, 3, 0);
    erg_error err;
    ck_assert_int_eq(erg_graph_merge(ab, b, &err), ERG_OK);
    ck_assert_int_eq(erg_graph_merge(ba, a, &err), ERG_OK);
    tb_finish(ab, ALL_TYPES);
    tb_finish(ba, ALL_TYPES);
    tb_finish(c, ALL_TYPES);
    char *sab = tb_json(ab), *sba = tb_json(ba), *sc = tb_json(c);
    assert_same(sab, sc);
    assert_same(sba, sc);

    /* Another grouping, with finished parts and single articles: 2 + (3 + 1). */
    erg_graph *p2 = build(2, 2, 0), *p3 = build(3, 3, 0), *p1 = build(1, 1, 0);
    tb_finish(p3, ALL_TYPES);
    ck_assert_int_eq(erg_graph_merge(p3, p1, &err), ERG_OK);
    tb_finish(p2, ALL_TYPES);
    ck_assert_int_eq(erg_graph_merge(p2, p3, &err), ERG_OK);
    tb_finish(p2, ALL_TYPES);
    char *s2 = tb_json(p2);
    assert_same(s2, sc);

    /* Merging graphs loaded from files gives the same bytes too. */
    char dir[64], pa[128], pb[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(pa, sizeof pa, "%s/a.json", dir);
    snprintf(pb, sizeof pb, "%s/b.json", dir);
    tb_finish(a, ALL_TYPES);
    tb_finish(b, ALL_TYPES);
    save_file(a, pa);
    save_file(b, pb);
    erg_graph *la = NULL, *lb = NULL;
    ck_assert_int_eq(erg_graph_load(&la, pa, &err), ERG_OK);
    ck_assert_int_eq(erg_graph_load(&lb, pb, &err), ERG_OK);
    erg_graph *m = new_graph(0);
    ck_assert_int_eq(erg_graph_merge(m, lb, &err), ERG_OK);
    ck_assert_int_eq(erg_graph_merge(m, la, &err), ERG_OK);
    tb_finish(m, ALL_TYPES);
    char *sm = tb_json(m);
    assert_same(sm, sc);

    /* The same article twice is refused, and so is a graph merged into itself. */
    ck_assert_int_eq(erg_graph_merge(m, lb, &err), ERG_EINVAL);
    ck_assert_str_eq(err.text, "article 'a3' is already in the graph");
    ck_assert_int_eq(erg_graph_merge(m, m, &err), ERG_EINVAL);
    ck_assert_uint_eq(erg_graph_article_count(m), 3);

    /* src is unchanged by a merge. */
    char *sb_before = tb_json(b);
    erg_graph *x = build(1, 1, 0);
    ck_assert_int_eq(erg_graph_merge(x, b, &err), ERG_OK);
    char *sb_after = tb_json(b);
    assert_same(sb_before, sb_after);

    free(sab);
    free(sba);
    free(sc);
    free(s2);
    free(sm);
    free(sb_before);
    free(sb_after);
    erg_graph *all[] = {a, b, c, ab, ba, p1, p2, p3, la, lb, m, x};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        erg_graph_free(all[i]);
    unlink(pa);
    unlink(pb);
    rmdir(dir);
}
END_TEST

/* Writes text to dir/name and tries to load it. */
static erg_status load_text(const char *dir, const char *text, erg_error *err)
{
    char path[256];
    snprintf(path, sizeof path, "%s/bad.json", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    erg_graph *g = (erg_graph *)&g; /* must be reset to NULL on failure */
    erg_error_clear(err);
    erg_status st = erg_graph_load(&g, path, err);
    if (st == ERG_OK)
        erg_graph_free(g);
    else
        ck_assert_ptr_null(g);
    unlink(path);
    return st;
}

#define HEAD "{\"format\":\"erg-graph\",\"version\":1,"
#define HEAD2 "{\"format\":\"erg-graph\",\"version\":2,"
#define HEAD3 "{\"format\":\"erg-graph\",\"version\":3,"
#define EMPTY3 "\"sentences\":[],\"nodes\":[],\"links\":[]}"
#define SENT(art, start, end)                                                                      \
    "{\"article\":\"" art "\",\"start\":" #start ",\"end\":" #end ",\"text\":\"s\"}"
#define NODE_A "{\"id\":\"a\",\"name\":\"A\",\"type\":\"person\",\"mentions\":1,\"articles\":1}"
#define NODE_B "{\"id\":\"b\",\"name\":\"B\",\"type\":\"agency\",\"mentions\":1,\"articles\":1}"
#define LINK(extra)                                                                                \
    "{\"source\":\"a\",\"target\":\"b\",\"kind\":\"co_mention\",\"weight\":1,\"articles\":1" extra \
    "}"

/* Evidence arrays grow past their first allocation and keep the first records by (article, start).
 */
START_TEST(test_evidence_growth)
{
    char dir[64];
    tb_tmpdir(dir, sizeof dir);
    erg_error err;
    erg_graph *g = NULL;
    ck_assert_int_eq(erg_graph_new(&g, ERG_GRAPH_MAX_EVIDENCE + 1, &err), ERG_EINVAL);
    ck_assert_ptr_null(g);
    ck_assert_ptr_nonnull(strstr(err.text, "at most 1000"));

    erg_buf b;
    erg_buf_init(&b);
    for (unsigned cap = 5; cap <= 40; cap += 35) {
        erg_buf_clear(&b);
        ck_assert_int_eq(
            erg_buf_printf(&b,
                           HEAD
                           "\"graph\":{\"max_evidence\":%u},\"articles\":["
                           "{\"id\":\"x\"}],\"nodes\":[" NODE_A "," NODE_B
                           "],\"links\":[{\"source\":\"a\",\"target\":\"b\","
                           "\"kind\":\"co_mention\",\"weight\":1,\"articles\":1,\"evidence\":[",
                           cap),
            ERG_OK);
        /* 20 records, written in falling order of start. */
        for (int k = 19; k >= 0; k--)
            erg_buf_printf(&b, "{\"article\":\"x\",\"start\":%d,\"end\":%d,\"sentence\":\"s\"}%s",
                           10 * k, 10 * k + 5, k ? "," : "");
        erg_buf_puts(&b, "]}]}");
        char path[256];
        snprintf(path, sizeof path, "%s/ev.json", dir);
        FILE *f = fopen(path, "w");
        ck_assert_ptr_nonnull(f);
        fputs(b.data, f);
        fclose(f);
        ck_assert_msg(erg_graph_load(&g, path, &err) == ERG_OK, "%s", err.text);
        const erg_edge *d = erg_graph_edge(g, 0);
        size_t want = cap < 20 ? cap : 20;
        ck_assert_uint_eq(d->n_evidence, want);
        for (size_t k = 0; k < want; k++)
            ck_assert_uint_eq(d->evidence[k].start, 10 * k);
        erg_graph_free(g);
        g = NULL;
        unlink(path);
    }
    erg_buf_release(&b);
    rmdir(dir);
}
END_TEST

/* Timelines: cells by (date, outlet) that add up to the counts, kept through merge and the file. */
START_TEST(test_timeline)
{
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/t.json", dir);
    erg_graph *g = build(1, 3, 0);
    tb_finish(g, ALL_TYPES);
    const erg_entity *kim = entity(g, "kim jong un");
    /* a1 2018-04-27 Reuters (3 mentions), a2 2018-05-01 no source (1), a3 undated Reuters (1) */
    ck_assert_uint_eq(kim->n_timeline, 3);
    ck_assert_ptr_null(kim->timeline[0].date);
    ck_assert_str_eq(kim->timeline[0].outlet, "Reuters");
    ck_assert_str_eq(kim->timeline[1].date, "2018-04-27");
    ck_assert_uint_eq(kim->timeline[1].count, 3);
    ck_assert_str_eq(kim->timeline[2].date, "2018-05-01");
    ck_assert_ptr_null(kim->timeline[2].outlet);
    uint64_t m = 0, a = 0;
    for (size_t i = 0; i < kim->n_timeline; i++) {
        m += kim->timeline[i].count;
        a += kim->timeline[i].articles;
    }
    ck_assert_uint_eq(m, kim->mentions);
    ck_assert_uint_eq(a, kim->articles);

    /* by month: 2018-04, 2018-05, then undated last */
    erg_timeline_row *rows = NULL;
    size_t n = 0;
    erg_error err;
    erg_error_clear(&err);
    long ki = erg_graph_find_key(g, "kim jong un");
    ck_assert_int_eq(
        erg_graph_entity_timeline(g, (size_t)ki, ERG_PERIOD_YEAR, false, &rows, &n, &err), ERG_OK);
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(rows[0].period, "2018");
    ck_assert_uint_eq(rows[0].mentions, 4);
    ck_assert_uint_eq(rows[0].articles, 2);
    ck_assert_str_eq(rows[1].period, "");
    free(rows);

    /* merged in any order, the same bytes; and through the file */
    erg_graph *h = build(3, 3, 0), *h1 = build(1, 2, 0);
    ck_assert_int_eq(erg_graph_merge(h, h1, &err), ERG_OK);
    tb_finish(h, ALL_TYPES);
    char *s1 = tb_json(g), *s2 = tb_json(h);
    assert_same(s1, s2);
    ck_assert(strstr(s1, "\"timeline\":[[null,\"Reuters\",1,1],[\"2018-04-27\",\"Reuters\",3,1],"
                         "[\"2018-05-01\",null,1,1]]") != NULL);
    save_file(g, path);
    erg_graph *l = NULL;
    ck_assert_msg(erg_graph_load(&l, path, &err) == ERG_OK, "load: %s", err.text);
    ck_assert(erg_graph_has_timeline(l));
    char *s3 = tb_json(l);
    assert_same(s1, s3);

    /* a slice since May: a2 only */
    erg_graph_slice_spec spec = {"2018-05", NULL, NULL, 0};
    erg_graph *sl = NULL;
    ck_assert_int_eq(erg_graph_slice(l, &spec, &sl, &err), ERG_OK);
    ck_assert_uint_eq(entity(sl, "kim jong un")->mentions, 1);
    ck_assert_uint_eq(entity(sl, "kim jong un")->articles, 1);
    ck_assert_int_lt(erg_graph_find_key(sl, "reuters"), 0);
    ck_assert_int_lt(erg_graph_find_key(sl, "yonhap"), 0);
    ck_assert_ptr_nonnull(edge(sl, "kim jong un", "moon jae in", ERG_KIND_CO_MENTION));
    erg_graph_free(sl);
    /* a whole year includes every dated day of it; "2018-04" does not take a bound of 04-28 */
    const char *src[] = {"REUTERS"};
    erg_graph_slice_spec by_src = {"2018", "2018", src, 1};
    ck_assert_int_eq(erg_graph_slice(l, &by_src, &sl, &err), ERG_OK);
    ck_assert_uint_eq(entity(sl, "kim jong un")->mentions, 3);
    erg_graph_free(sl);
    erg_graph_slice_spec bad = {"2018-4-1", NULL, NULL, 0};
    ck_assert_int_eq(erg_graph_slice(l, &bad, &sl, &err), ERG_EINVAL);
    ck_assert_ptr_null(sl);
    free(s1);
    free(s2);
    free(s3);
    erg_graph_free(g);
    erg_graph_free(h);
    erg_graph_free(h1);
    erg_graph_free(l);
}
END_TEST

/* Writes text to path and loads it into *g (NULL on failure). */
static erg_status load_keep(const char *path, const char *text, erg_graph **g, erg_error *err)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    erg_error_clear(err);
    erg_status st = erg_graph_load(g, path, err);
    unlink(path);
    return st;
}

/* First and last dates go by the days a date covers: "1987-03" ends after "1987-03-15". */
START_TEST(test_mixed_precision_dates)
{
    erg_graph *g = new_graph(0);
    static const char *const dates[][2] = {
        {"m1", "1987-03-15"}, {"m2", "March 1987"}, {"m3", "1987-03-01"}};
    for (size_t i = 0; i < 3; i++) {
        tb_article t;
        tb_article2(&t);
        t.art.id = dates[i][0];
        t.art.date = dates[i][1];
        tb_add(g, &t);
    }
    tb_finish(g, ALL_TYPES);
    const erg_entity *moon = entity(g, "moon jae in");
    ck_assert_str_eq(moon->first_date, "1987-03");
    ck_assert_str_eq(moon->last_date, "1987-03");
    ck_assert_uint_eq(moon->n_timeline, 3);
    ck_assert_str_eq(moon->timeline[0].date, "1987-03");
    const erg_edge *d = edge(g, "kim jong un", "moon jae in", ERG_KIND_CO_MENTION);
    ck_assert_ptr_nonnull(d);
    ck_assert_str_eq(d->first_date, "1987-03");
    ck_assert_str_eq(d->last_date, "1987-03");
    erg_graph_free(g);
}
END_TEST

/* A timeline that does not add up is refused; a record without one leaves the graph without. */
START_TEST(test_timeline_file)
{
    char dir[64];
    tb_tmpdir(dir, sizeof dir);
    erg_error err;
    erg_error_clear(&err);
    erg_graph *g = NULL;
    char path[256];
    snprintf(path, sizeof path, "%s/t.json", dir);
    static const char *const head =
        "{\"format\":\"erg-graph\",\"version\":4,\"articles\":[],\"article_ids\":[],"
        "\"sentences\":[],\"links\":[],\"nodes\":[{\"id\":\"a\",\"name\":\"A\","
        "\"type\":\"person\",\"mentions\":3,\"articles\":2";
    char text[512];
    snprintf(text, sizeof text, "%s,\"timeline\":[[\"1987\",null,2,1],[null,\"X\",1,1]]}]}", head);
    ck_assert_int_eq(load_keep(path, text, &g, &err), ERG_OK);
    ck_assert(erg_graph_has_timeline(g));
    erg_graph_free(g);
    snprintf(text, sizeof text, "%s,\"timeline\":[[\"1987\",null,2,1]]}]}", head);
    ck_assert_int_eq(load_keep(path, text, &g, &err), ERG_EFORMAT);
    ck_assert_msg(strstr(err.text, "does not add up") != NULL, "%s", err.text);
    snprintf(text, sizeof text, "%s,\"timeline\":[[\"87-1-1\",null,3,2]]}]}", head);
    ck_assert_int_eq(load_keep(path, text, &g, &err), ERG_EFORMAT);
    ck_assert_msg(strstr(err.text, "not a date") != NULL, "%s", err.text);
    snprintf(text, sizeof text, "%s}]}", head);
    ck_assert_int_eq(load_keep(path, text, &g, &err), ERG_OK);
    ck_assert(!erg_graph_has_timeline(g));
    erg_graph_slice_spec spec = {"1987", NULL, NULL, 0};
    erg_graph *sl = NULL;
    ck_assert_int_eq(erg_graph_slice(g, &spec, &sl, &err), ERG_EFORMAT);
    char *s = tb_json(g);
    ck_assert(strstr(s, "timeline") == NULL);
    free(s);
    erg_graph_free(g);
    g = NULL;
}
END_TEST

START_TEST(test_malformed_files)
{
    char dir[64];
    tb_tmpdir(dir, sizeof dir);
    erg_error err;
    static const struct {
        const char *text;
        erg_status st;
        const char *msg;
    } cases[] = {
        {"", ERG_EJSON, "malformed JSON"},
        {"{\"format\":\"erg-graph\",\n\"version\":1,\n\"nodes\":[,]}", ERG_EJSON, "malformed JSON"},
        {HEAD "\"articles\":[],\"nodes\":[],\"links\":[]", ERG_EJSON, "malformed JSON"},
        {"[1,2,3]", ERG_EFORMAT, "top level"},
        {"{\"format\":\"graphml\",\"version\":1}", ERG_EFORMAT, "not an erg graph"},
        {"{\"format\":\"erg-graph\",\"version\":5}", ERG_EFORMAT, "unsupported version 5"},
        {"{\"format\":\"erg-graph\",\"version\":0}", ERG_EFORMAT, "unsupported version 0"},
        /* version 3: the id hashes */
        {HEAD3 "\"articles\":[]," EMPTY3, ERG_EJSON, "\"article_ids\" is missing"},
        {HEAD3 "\"articles\":[],\"article_ids\":[\"12345\"]," EMPTY3, ERG_EJSON,
         "article_ids[0]: an article id hash must be a string of 16 hex digits"},
        {HEAD3 "\"articles\":[],\"article_ids\":[\"000000000000000g\"]," EMPTY3, ERG_EJSON,
         "16 hex digits"},
        {HEAD3 "\"articles\":[],\"article_ids\":[7]," EMPTY3, ERG_EJSON, "16 hex digits"},
        {HEAD3
         "\"articles\":[],\"article_ids\":[\"00000000000000a1\",\"00000000000000A1\"]," EMPTY3,
         ERG_EFORMAT, "article_ids[1]: the article id hash 00000000000000A1 appears twice"},
        {HEAD3 "\"articles\":[],\"article_ids\":[\"0000000000000000\"]," EMPTY3, ERG_EFORMAT,
         "never written"},
        {HEAD3 "\"articles\":[{\"id\":\"zz\"}],\"article_ids\":[\"0000000000000001\"]," EMPTY3,
         ERG_EFORMAT, "articles[0]: the hash of article id 'zz' is not in \"article_ids\""},
        {HEAD3 "\"graph\":{\"articles\":2},\"articles\":[],\"article_ids\":[\"0000000000000001\"]"
               "," EMPTY3,
         ERG_EFORMAT, "\"articles\" says 2 but the file holds 1"},
        /* version 2: the sentence table */
        {HEAD2 "\"articles\":[],\"nodes\":[],\"links\":[]}", ERG_EJSON, "\"sentences\" is missing"},
        {HEAD2 "\"articles\":[],\"sentences\":{},\"nodes\":[],\"links\":[]}", ERG_EJSON,
         "\"sentences\" must be an array"},
        {HEAD2 "\"articles\":[{\"id\":\"zz\"}],\"sentences\":[3],\"nodes\":[],\"links\":[]}",
         ERG_EJSON, "sentences[0]: a sentence must be an object"},
        {HEAD2 "\"articles\":[{\"id\":\"zz\"}],\"sentences\":[{\"article\":\"zz\",\"start\":0,"
               "\"end\":1}],\"nodes\":[],\"links\":[]}",
         ERG_EJSON, "sentences[0]: \"text\" is missing"},
        {HEAD2 "\"articles\":[{\"id\":\"zz\"}],\"sentences\":[{\"article\":\"zz\",\"start\":0,"
               "\"end\":1,\"text\":1}],\"nodes\":[],\"links\":[]}",
         ERG_EJSON, "sentences[0]: \"text\" must be a string"},
        {HEAD2 "\"articles\":[{\"id\":\"zz\"}],\"sentences\":[" SENT("zz", 0, 1) "," SENT(
             "q", 0, 1) "],\"nodes\":[],\"links\":[]}",
         ERG_EFORMAT, "sentences[1]: names article 'q', which is not listed"},
        {HEAD2 "\"articles\":[{\"id\":\"zz\"}],\"sentences\":[" SENT("zz", 3, 1) "],\"nodes\":[],"
                                                                                 "\"links\":[]}",
         ERG_EFORMAT, "sentences[0]: the sentence starts after it ends"},
        {HEAD2 "\"articles\":[{\"id\":\"zz\"}],\"sentences\":[" SENT("zz", 0, 1) "," SENT(
             "zz", 2, 3) "," SENT("zz", 0, 1) "],\"nodes\":[],\"links\":[]}",
         ERG_EFORMAT, "sentences[2]: the sentence of article 'zz' at bytes 0 to 1 appears twice"},
        {HEAD2 "\"articles\":[{\"id\":\"zz\"}],\"sentences\":[" SENT(
             "zz", 0, 1) "],\"nodes\":[" NODE_A "," NODE_B
                         "],\"links\":[" LINK(",\"evidence\":[{\"article\":\"zz\","
                                              "\"start\":0,\"end\":2}]") "]}",
         ERG_EFORMAT, "links[0]: evidence[0]: article 'zz' bytes 0 to 2 have no entry in"},
        /* the same, with the table after the links: read whole, then the same check */
        {HEAD2 "\"articles\":[{\"id\":\"zz\"}],\"nodes\":[" NODE_A "," NODE_B "],\"links\":[" LINK(
             ",\"evidence\":[{\"article\":\"zz\",\"start\":0,\"end\":2}]") "],"
                                                                           "\"sentences\":[" SENT(
                                                                               "zz", 0, 1) "]}",
         ERG_EFORMAT, "links[0]: evidence[0]: article 'zz' bytes 0 to 2 have no entry in"},
        {"{\"format\":\"erg-graph\",\"version\":\"1\"}", ERG_EFORMAT, "version"},
        {HEAD "\"articles\":[],\"links\":[]}", ERG_EJSON, "\"nodes\" is missing"},
        {HEAD "\"articles\":[],\"nodes\":{},\"links\":[]}", ERG_EJSON, "must be an array"},
        {HEAD "\"directed\":true,\"articles\":[],\"nodes\":[],\"links\":[]}", ERG_EFORMAT,
         "directed"},
        {HEAD "\"articles\":[{\"title\":\"x\"}],\"nodes\":[],\"links\":[]}", ERG_EJSON,
         "articles[0]: \"id\" is missing"},
        {HEAD "\"articles\":[{\"id\":\"x\"},{\"id\":\"x\"}],\"nodes\":[],\"links\":[]}",
         ERG_EFORMAT, "articles[1]: article id 'x' appears twice"},
        {HEAD "\"articles\":[],\"nodes\":[1],\"links\":[]}", ERG_EJSON, "nodes[0]"},
        {HEAD "\"articles\":[],\"nodes\":[{\"id\":\"a\",\"name\":\"A\",\"type\":\"person\","
              "\"mentions\":-1,\"articles\":1}],\"links\":[]}",
         ERG_EJSON, "nodes[0]: \"mentions\" must be an integer"},
        {HEAD "\"articles\":[],\"nodes\":[{\"id\":\"a\",\"name\":\"A\",\"type\":\"person\","
              "\"mentions\":1e3,\"articles\":1}],\"links\":[]}",
         ERG_EJSON, "\"mentions\" must be an integer"},
        {HEAD "\"articles\":[],\"nodes\":[{\"id\":\"a\",\"name\":\"A\",\"type\":\"robot\","
              "\"mentions\":1,\"articles\":1}],\"links\":[]}",
         ERG_EFORMAT, "unknown entity type 'robot'"},
        {HEAD "\"articles\":[],\"nodes\":[{\"id\":\"a\",\"name\":\"A\",\"type\":\"misc\","
              "\"mentions\":1,\"articles\":1}],\"links\":[]}",
         ERG_EFORMAT, "unknown entity type 'misc'"},
        {HEAD "\"articles\":[],\"nodes\":[" NODE_A "," NODE_A "],\"links\":[]}", ERG_EFORMAT,
         "nodes[1]: node id 'a' appears twice"},
        {HEAD "\"articles\":[],\"nodes\":[{\"id\":\"a\",\"name\":\"A\",\"type\":\"person\","
              "\"mentions\":1,\"articles\":1,\"aliases\":[{\"name\":\"A\"}]}],\"links\":[]}",
         ERG_EJSON, "\"count\" is missing"},
        {HEAD "\"articles\":[],\"nodes\":[{\"id\":\"a\",\"name\":\"A\",\"type\":\"person\","
              "\"mentions\":1,\"articles\":1,\"votes\":{\"alien\":1}}],\"links\":[]}",
         ERG_EFORMAT, "unknown type 'alien'"},
        {HEAD "\"articles\":[],\"nodes\":[" NODE_A "],\"links\":[" LINK("") "]}", ERG_EFORMAT,
         "links[0]: target 'b' is not a node"},
        {HEAD "\"articles\":[],\"nodes\":[" NODE_A "," NODE_B "],\"links\":[{\"source\":\"a\","
              "\"target\":\"b\",\"kind\":\"loves\",\"weight\":1,\"articles\":1}]}",
         ERG_EFORMAT, "unknown kind 'loves'"},
        {HEAD "\"articles\":[],\"nodes\":[" NODE_A "],\"links\":[{\"source\":\"a\","
              "\"target\":\"a\",\"kind\":\"co_mention\",\"weight\":1,\"articles\":1}]}",
         ERG_EFORMAT, "to itself"},
        {HEAD "\"articles\":[],\"nodes\":[" NODE_A "," NODE_B
              "],\"links\":[" LINK("") "," LINK("") "]}",
         ERG_EFORMAT, "links[1]: the co_mention link between 'a' and 'b' appears twice"},
        {HEAD "\"articles\":[],\"nodes\":[" NODE_A "," NODE_B "],\"links\":[" LINK(
             ",\"evidence\":[{\"article\":\"zz\",\"start\":0,\"end\":1,\"sentence\":\"x\"}]") "]}",
         ERG_EFORMAT, "names article 'zz'"},
        {HEAD "\"articles\":[{\"id\":\"zz\"}],\"nodes\":[" NODE_A "," NODE_B "],\"links\":[" LINK(
             ",\"evidence\":[{\"article\":\"zz\",\"start\":5,\"end\":1,\"sentence\":\"x\"}]") "]}",
         ERG_EFORMAT, "starts after it ends"},
        {HEAD "\"articles\":[],\"nodes\":[" NODE_A "," NODE_B
              "],\"links\":[" LINK(",\"outlets\":[3]") "]}",
         ERG_EJSON, "outlets[0] must be a string"},
        {HEAD "\"articles\":[],\"nodes\":[" NODE_A "," NODE_B
              "],\"links\":[" LINK(",\"weight\":2") "]}",
         ERG_EJSON, "malformed JSON"}, /* duplicate key */
        {HEAD "\"graph\":{\"entities\":5},\"articles\":[],\"nodes\":[],\"links\":[]}", ERG_EFORMAT,
         "\"entities\" says 5 but the file holds 0"},
        {HEAD "\"graph\":{\"max_evidence\":0},\"articles\":[],\"nodes\":[],\"links\":[]}",
         ERG_EFORMAT, "max_evidence"},
        /* A cap from the file must not make every edge allocate gigabytes. */
        {HEAD "\"graph\":{\"max_evidence\":2147483648},\"articles\":[],\"nodes\":[],"
              "\"links\":[]}",
         ERG_EFORMAT, "\"max_evidence\" must be from 1 to 1000"},
        {HEAD "\"articles\":[],\"nodes\":[{\"id\":\"a\\u0000b\",\"name\":\"A\",\"type\":"
              "\"person\",\"mentions\":1,\"articles\":1}],\"links\":[]}",
         ERG_EJSON, "malformed JSON"},
        {"{\"format\":\"erg-graph\",\"version\":1,\"articles\":[\"\xff\"]}", ERG_EJSON,
         "articles[0]: malformed JSON"},
        {"{\"format\":\"erg-graph\",\"version\":1,\"articles\":\"x\"}", ERG_EJSON,
         "\"articles\" must be an array"},
        {"{\"format\":\"erg-graph\",\"format\":\"erg-graph\"}", ERG_EJSON, "appears twice"},
        {HEAD "\"articles\":[],\"nodes\":[],\"links\":[]} []", ERG_EJSON, "after the graph"},
        {HEAD "\"articles\":[],\"nodes\":[],\"links\":[] \"x\":1}", ERG_EJSON,
         "expected ',' or '}'"},
        {HEAD "\"articles\":[{\"id\":\"a\"} {\"id\":\"b\"}],\"nodes\":[],\"links\":[]}", ERG_EJSON,
         "expected ',' or ']'"},
        {HEAD "\"articles\":[],\"nodes\":[{\"id\":\"a\"", ERG_EJSON, "end of file"},
        {HEAD "\"articles\":[],\"nodes\":[],\"links\":[],\"nodes\":[]}", ERG_EJSON,
         "appears twice"},
        {"{\"nodes\":[],\"links\":[],\"articles\":[],\"version\":1}", ERG_EFORMAT,
         "not an erg graph"},
        {"   \n\n  ", ERG_EJSON, "empty"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        erg_status st = load_text(dir, cases[i].text, &err);
        ck_assert_msg(st == cases[i].st, "case %zu: status %d, want %d (%s)", i, (int)st,
                      (int)cases[i].st, err.text);
        ck_assert_msg(strstr(err.text, cases[i].msg) != NULL, "case %zu: '%s' lacks '%s'", i,
                      err.text, cases[i].msg);
        ck_assert_msg(strstr(err.source, "bad.json") != NULL, "case %zu: source '%s'", i,
                      err.source);
    }
    /* The parser's line number reaches err->line. */
    ck_assert_int_eq(
        load_text(dir, "{\"format\":\"erg-graph\",\n\"version\":1,\n\"nodes\":[,]}", &err),
        ERG_EJSON);
    ck_assert_int_eq(err.line, 3);

    /* Deep nesting (at the top and inside a record) and a truncated real file fail cleanly. */
    size_t depth = 100000, head = strlen(HEAD "\"articles\":");
    char *deep = malloc(head + 2 * depth + 2);
    memcpy(deep, HEAD "\"articles\":", head);
    memset(deep + head, '[', depth);
    memset(deep + head + depth, ']', depth);
    strcpy(deep + head + 2 * depth, "}");
    ck_assert_int_eq(load_text(dir, deep, &err), ERG_EJSON);
    ck_assert_int_eq(load_text(dir, deep + head, &err), ERG_EFORMAT); /* not an object */
    free(deep);
    erg_graph *g = build(1, 3, 0);
    tb_finish(g, ALL_TYPES);
    char *s = tb_json(g);
    for (size_t cut = 1; cut + 1 < strlen(s); cut += 97) {
        char saved = s[cut];
        s[cut] = '\0';
        ck_assert_int_eq(load_text(dir, s, &err), ERG_EJSON);
        s[cut] = saved;
    }
    /* A hand-written file with nulls and without votes loads. */
    ck_assert_int_eq(load_text(dir,
                               HEAD
                               "\"articles\":[{\"id\":\"x\",\"title\":null}],\"nodes\":[" NODE_A
                               "," NODE_B "],\"links\":[" LINK("") "]}",
                               &err),
                     ERG_OK);
    free(s);
    erg_graph_free(g);
    erg_graph *none = NULL;
    ck_assert_int_eq(erg_graph_load(&none, "/nonexistent/graph.json", &err), ERG_ENOTFOUND);
    rmdir(dir);
}
END_TEST

START_TEST(test_to_igraph)
{
    igraph_set_error_handler(igraph_error_handler_ignore);
    erg_graph *g = build(1, 3, 0);
    tb_finish(g, ALL_TYPES);
    igraph_t ig;
    igraph_vector_t w;
    erg_error err;
    ck_assert_int_eq(erg_graph_to_igraph(g, &ig, &w, &err), ERG_OK);
    ck_assert_int_eq(igraph_vcount(&ig), 6);
    ck_assert_int_eq(igraph_ecount(&ig), 8); /* co_mention pairs only */
    ck_assert(!igraph_is_directed(&ig));
    ck_assert_int_eq(igraph_vector_size(&w), 8);
    double total = 0;
    uint64_t units = 0;
    uint32_t windows = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(&ig); e++) {
        igraph_integer_t from, to;
        ck_assert_int_eq(igraph_edge(&ig, e, &from, &to), IGRAPH_SUCCESS);
        const erg_edge *d = edge(g, erg_graph_entity(g, (size_t)from)->key,
                                 erg_graph_entity(g, (size_t)to)->key, ERG_KIND_CO_MENTION);
        ck_assert_ptr_nonnull(d);
        ck_assert(VECTOR(w)[e] == erg_edge_weight(d));
        total += VECTOR(w)[e];
        units += d->wunits;
        windows += d->count;
    }
    /*
     * Newman weights: kcna-kim 1 + 1 + 1/2 + 1/2, kim-moon 1/3 + 1/2, three
     * pairs of a3 and a2 at 1/2, three pairs of a1's first sentence at 1/3.
     */
    ck_assert_uint_eq(units, 3 * ERG_WEIGHT_UNIT + ERG_WEIGHT_UNIT / 3 + ERG_WEIGHT_UNIT / 2 +
                                 3 * (ERG_WEIGHT_UNIT / 2) + 3 * (ERG_WEIGHT_UNIT / 3));
    ck_assert_double_eq_tol(total, 19.0 / 3.0, 1e-12);
    ck_assert_uint_eq(windows, 4 + 1 + 1 + 2 + 1 + 1 + 1 + 1);
    igraph_bool_t simple;
    ck_assert_int_eq(igraph_is_simple(&ig, &simple), IGRAPH_SUCCESS);
    ck_assert(simple);
    igraph_destroy(&ig);
    igraph_vector_destroy(&w);

    /* An empty graph gives an empty igraph. */
    erg_graph *e = new_graph(0);
    ck_assert_int_eq(erg_graph_to_igraph(e, &ig, &w, &err), ERG_OK);
    ck_assert_int_eq(igraph_vcount(&ig), 0);
    igraph_destroy(&ig);
    igraph_vector_destroy(&w);
    /* An unfinished one is refused with nothing to destroy. */
    tb_article t;
    tb_article2(&t);
    tb_add(e, &t);
    ck_assert_int_eq(erg_graph_to_igraph(e, &ig, &w, &err), ERG_EINVAL);
    erg_graph_free(e);
    erg_graph_free(g);
}
END_TEST

/* Many entities and edges: the hash indexes grow and still find everything. */
START_TEST(test_many_entities)
{
    static char keys[600][16];
    static const char text[] = "x";
    erg_graph *g = new_graph(1);
    for (int art = 0; art < 3; art++) {
        static tb_article t;
        char id[16];
        snprintf(id, sizeof id, "n%d", art);
        tb_init(&t, id, NULL, NULL, text);
        for (int i = 0; i < TB_ENTS; i++) {
            int k = (art * 7 + i) % 40;
            snprintf(keys[k], sizeof keys[k], "k%03d", k);
            tb_surf(&t, tb_ent(&t, keys[k], ERG_TYPE_PERSON), keys[k], 1, ERG_TYPE_PERSON);
        }
        for (int i = 0; i + 1 < TB_ENTS; i++)
            for (int j = i + 1; j < TB_ENTS && t.rels.n < TB_ITEMS; j++) {
                tb_rel(&t, i, j, ERG_KIND_CO_MENTION, text);
            }
        tb_add(g, &t);
    }
    tb_finish(g, ALL_TYPES);
    size_t n = erg_graph_entity_count(g);
    ck_assert_uint_gt(n, TB_ENTS);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(erg_graph_find_key(g, erg_graph_entity(g, i)->key), (long)i);
    ck_assert_uint_gt(erg_graph_edge_count(g), 100);
    erg_graph_free(g);
}
END_TEST

/* Evidence and dates replaced over and over (cap 1, articles in opposite orders), and
 * edges dropped by a mask: the shared strings stay right (the sanitizer build checks the
 * frees). */
START_TEST(test_shared_strings_churn)
{
    static char texts[40][80], ids[40][8], dates[40][16];
    erg_graph *g1 = new_graph(1), *g2 = new_graph(1);
    for (int round = 0; round < 2; round++) {
        erg_graph *g = round ? g2 : g1;
        for (int k = 0; k < 40; k++) {
            int a = round ? 39 - k : k;
            snprintf(texts[a], sizeof texts[a], "Sentence %d names P, Q, R and S. Then %d again.",
                     a, a % 7);
            snprintf(ids[a], sizeof ids[a], "id%02d", (a * 17) % 40);
            snprintf(dates[a], sizeof dates[a], "2020-%02d-%02d", 1 + a % 12, 1 + a % 28);
            tb_article t;
            tb_init(&t, ids[a], dates[a], a % 3 ? "Wire" : NULL, texts[a]);
            static const char *const keys[4] = {"p", "q", "r", "s"};
            int e[4];
            for (int i = 0; i < 4; i++) {
                e[i] = tb_ent(&t, keys[i], i == 3 ? ERG_TYPE_AGENCY : ERG_TYPE_PERSON);
                tb_surf(&t, e[i], keys[i], 1, i == 3 ? ERG_TYPE_AGENCY : ERG_TYPE_PERSON);
            }
            for (int i = 0; i < 4; i++)
                for (int j = i + 1; j < 4; j++) {
                    tb_rel(&t, e[i], e[j], ERG_KIND_CO_MENTION, "names P, Q, R and S.");
                    tb_rel(&t, e[i], e[j], ERG_KIND_CO_MENTION, "Then");
                }
            tb_add(g, &t);
            if (k == 20)
                tb_finish(g, ALL_TYPES);
        }
        tb_finish(g, ERG_TYPE_BIT(ERG_TYPE_PERSON));
        ck_assert_uint_eq(erg_graph_edge_count(g), 3);
        const erg_edge *d = edge(g, "p", "q", ERG_KIND_CO_MENTION);
        ck_assert_uint_eq(d->n_evidence, 1);
        ck_assert_str_eq(d->evidence[0].article, "id00");
        ck_assert_str_eq(d->first_date, "2020-01-01");
        ck_assert_str_eq(d->last_date, "2020-12-24");
    }
    char *s1 = tb_json(g1), *s2 = tb_json(g2);
    assert_same(s1, s2);
    free(s1);
    free(s2);
    erg_graph_free(g1);
    erg_graph_free(g2);
}
END_TEST

/* Index masks over g's entities and edges from the keys kept. */
static bool *entity_mask(const erg_graph *g, const char *const *keys, size_t n)
{
    bool *m = calloc(erg_graph_entity_count(g), sizeof *m);
    ck_assert_ptr_nonnull(m);
    for (size_t i = 0; i < n; i++) {
        long k = erg_graph_find_key(g, keys[i]);
        ck_assert_int_ge(k, 0);
        m[k] = true;
    }
    return m;
}

static erg_graph *subset(const erg_graph *g, const bool *ents, const bool *edges)
{
    erg_graph *sub = NULL;
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_graph_subset(g, ents, edges, &sub, &err) == ERG_OK, "subset: %s", err.text);
    ck_assert_ptr_nonnull(sub);
    ck_assert(erg_graph_is_finished(sub));
    return sub;
}

/* Entity masks: the edges among the kept, their records whole, the articles they cite. */
START_TEST(test_subset_entities)
{
    erg_graph *g = build(1, 3, 0);
    tb_finish(g, ALL_TYPES);

    /* Without Kim: moon-yonhap (a1), kcna-moon (a2), kcna-reuters and reuters reports kcna
     * (a3). */
    static const char *const no_kim[] = {"kcna", "moon jae in", "pyongyang", "reuters", "yonhap"};
    bool *m = entity_mask(g, no_kim, 5);
    erg_graph *sub = subset(g, m, NULL);
    ck_assert_uint_eq(erg_graph_entity_count(sub), 5);
    ck_assert_uint_eq(erg_graph_edge_count(sub), 4);
    ck_assert_uint_eq(erg_graph_article_count(sub), 3);
    for (size_t i = 0; i < 5; i++) {
        ck_assert_str_eq(erg_graph_entity(sub, i)->key, no_kim[i]); /* g's order */
        ck_assert_int_eq(erg_graph_find_key(sub, no_kim[i]), (long)i);
    }
    ck_assert_int_lt(erg_graph_find_key(sub, "kim jong un"), 0);
    ck_assert_ptr_nonnull(edge(sub, "moon jae in", "yonhap", ERG_KIND_CO_MENTION));
    ck_assert_ptr_nonnull(edge(sub, "kcna", "moon jae in", ERG_KIND_CO_MENTION));
    ck_assert_ptr_nonnull(edge(sub, "kcna", "reuters", ERG_KIND_CO_MENTION));
    ck_assert_ptr_nonnull(edge(sub, "reuters", "kcna", ERG_KIND_REPORTS));
    /* Entities keep their counts, aliases, votes and dates from the whole corpus. */
    const erg_entity *a = entity(g, "moon jae in"), *b = entity(sub, "moon jae in");
    ck_assert_str_eq(b->name, a->name);
    ck_assert_int_eq(b->type, a->type);
    ck_assert_uint_eq(b->mentions, a->mentions);
    ck_assert_uint_eq(b->articles, 2);
    ck_assert_str_eq(b->first_date, "2018-04-27");
    ck_assert_str_eq(b->last_date, "2018-05-01");
    ck_assert_uint_eq(b->n_aliases, a->n_aliases);
    for (size_t i = 0; i < a->n_aliases; i++) {
        ck_assert_str_eq(b->aliases[i].name, a->aliases[i].name);
        ck_assert_uint_eq(b->aliases[i].count, a->aliases[i].count);
    }
    ck_assert(memcmp(b->type_votes, a->type_votes, sizeof a->type_votes) == 0);
    ck_assert_int_eq(entity(sub, "kcna")->type, ERG_TYPE_OUTLET); /* 2 outlet votes to 1 */
    erg_graph_free(sub);
    free(m);

    /* Moon and Yonhap alone: one edge, supported by a1 only, so one article. */
    static const char *const pair[] = {"moon jae in", "yonhap"};
    m = entity_mask(g, pair, 2);
    sub = subset(g, m, NULL);
    ck_assert_uint_eq(erg_graph_entity_count(sub), 2);
    ck_assert_uint_eq(erg_graph_edge_count(sub), 1);
    ck_assert_uint_eq(erg_graph_article_count(sub), 1);
    ck_assert_str_eq(erg_graph_get_article(sub, 0)->id, "a1");
    ck_assert_str_eq(erg_graph_get_article(sub, 0)->source, "Reuters");
    ck_assert_str_eq(erg_graph_get_article(sub, 0)->date, "2018-04-27");
    erg_graph_free(sub);
    free(m);

    /* No entity at all: an empty graph. */
    m = entity_mask(g, NULL, 0);
    sub = subset(g, m, NULL);
    ck_assert_uint_eq(erg_graph_entity_count(sub), 0);
    ck_assert_uint_eq(erg_graph_edge_count(sub), 0);
    ck_assert_uint_eq(erg_graph_article_count(sub), 0);
    erg_graph_free(sub);
    free(m);
    erg_graph_free(g);
}
END_TEST

/* Edge masks: evidence, outlets and dates copied; only the cited articles stay. */
START_TEST(test_subset_edges_evidence)
{
    erg_graph *g = build(1, 3, 0);
    tb_finish(g, ALL_TYPES);
    size_t m = erg_graph_edge_count(g);
    bool *keep = calloc(m, sizeof *keep);
    ck_assert_ptr_nonnull(keep);
    size_t typed = 0;
    for (size_t i = 0; i < m; i++)
        if (erg_graph_edge(g, i)->kind != ERG_KIND_CO_MENTION) {
            keep[i] = true;
            typed++;
        }
    ck_assert_uint_eq(typed, 3);
    erg_graph *sub = subset(g, NULL, keep);
    ck_assert_uint_eq(erg_graph_entity_count(sub), 6); /* no entity mask: all stay */
    ck_assert_uint_eq(erg_graph_edge_count(sub), 3);
    /* yonhap reports kim (a1), kcna cites kim and reuters reports kcna (a3): a2 is gone. */
    ck_assert_uint_eq(erg_graph_article_count(sub), 2);
    ck_assert_str_eq(erg_graph_get_article(sub, 0)->id, "a1");
    ck_assert_str_eq(erg_graph_get_article(sub, 1)->id, "a3");
    const erg_edge *d = edge(sub, "yonhap", "kim jong un", ERG_KIND_REPORTS);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->n_evidence, 1);
    ck_assert_str_eq(d->evidence[0].article, "a1");
    ck_assert_str_eq(d->evidence[0].sentence,
                     "Kim Jong-un met Moon Jae-in in Pyongyang, Yonhap reported.");
    ck_assert_ptr_null(edge(sub, "kim jong un", "yonhap", ERG_KIND_CO_MENTION));
    erg_graph_free(sub);

    /* The strongest edge alone: all three evidence records, outlets and dates. */
    memset(keep, 0, m * sizeof *keep);
    const erg_edge *src = edge(g, "kcna", "kim jong un", ERG_KIND_CO_MENTION);
    keep[src - erg_graph_edge(g, 0)] = true;
    sub = subset(g, NULL, keep);
    ck_assert_uint_eq(erg_graph_edge_count(sub), 1);
    d = edge(sub, "kcna", "kim jong un", ERG_KIND_CO_MENTION);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->count, 4);
    ck_assert_uint_eq(d->articles, 3);
    ck_assert_str_eq(d->first_date, "2018-04-27");
    ck_assert_str_eq(d->last_date, "2018-05-01");
    ck_assert_uint_eq(d->n_outlets, 2);
    for (size_t i = 0; i < 2; i++)
        ck_assert_str_eq(d->outlets[i], src->outlets[i]);
    ck_assert_uint_eq(d->n_evidence, 3);
    for (size_t i = 0; i < 3; i++) {
        ck_assert_str_eq(d->evidence[i].article, src->evidence[i].article);
        ck_assert_uint_eq(d->evidence[i].start, src->evidence[i].start);
        ck_assert_uint_eq(d->evidence[i].end, src->evidence[i].end);
        ck_assert_str_eq(d->evidence[i].sentence, src->evidence[i].sentence);
    }
    /* Evidence from a1 and a2 (the cap of 3 left a3 out): two articles. */
    ck_assert_uint_eq(erg_graph_article_count(sub), 2);
    ck_assert_str_eq(erg_graph_get_article(sub, 1)->id, "a2");
    /* The copy owns its strings: it outlives g. */
    erg_graph_free(g);
    ck_assert_str_eq(d->evidence[0].sentence, "Kim said the talks went well.");
    ck_assert_str_eq(erg_graph_entity(sub, d->target)->name, "Kim Jong-un");
    erg_graph_free(sub);
    free(keep);
}
END_TEST

/* Keeping everything copies the graph: the same bytes, the same evidence cap. */
START_TEST(test_subset_everything)
{
    for (unsigned cap = 0; cap <= 2; cap++) {
        erg_graph *g = build(1, 3, cap);
        tb_finish(g, ALL_TYPES);
        char *s1 = tb_json(g);
        erg_graph *sub = subset(g, NULL, NULL);
        char *s2 = tb_json(sub);
        assert_same(s1, s2);
        free(s2);
        erg_graph_free(sub);
        /* All-true masks are the same as none. */
        bool *ents = malloc(erg_graph_entity_count(g) * sizeof *ents);
        bool *edges = malloc(erg_graph_edge_count(g) * sizeof *edges);
        for (size_t i = 0; i < erg_graph_entity_count(g); i++)
            ents[i] = true;
        for (size_t i = 0; i < erg_graph_edge_count(g); i++)
            edges[i] = true;
        sub = subset(g, ents, edges);
        s2 = tb_json(sub);
        assert_same(s1, s2);
        if (cap == 1)
            ck_assert(strstr(s2, "\"max_evidence\":1}") != NULL);
        free(s2);
        free(s1);
        free(ents);
        free(edges);

        /* The copy grows like any graph: merging the rest into it gives the whole again. */
        erg_graph *rest = build(1, 3, cap);
        tb_finish(rest, ALL_TYPES);
        erg_graph *h = new_graph(cap);
        tb_article t;
        tb_article1(&t);
        tb_add(h, &t);
        tb_finish(h, ALL_TYPES);
        erg_graph *copy = subset(h, NULL, NULL);
        erg_graph *more = build(2, 3, cap);
        erg_error err;
        ck_assert_int_eq(erg_graph_merge(copy, more, &err), ERG_OK);
        tb_finish(copy, ALL_TYPES);
        s1 = tb_json(rest);
        s2 = tb_json(copy);
        assert_same(s1, s2);
        free(s1);
        free(s2);
        erg_graph_free(copy);
        erg_graph_free(more);
        erg_graph_free(h);
        erg_graph_free(rest);
        erg_graph_free(sub);
        erg_graph_free(g);
    }
}
END_TEST

/* An article that no evidence cites is not copied; an unfinished graph is refused. */
START_TEST(test_subset_uncited_and_unfinished)
{
    erg_graph *g = build(1, 2, 0);
    tb_article t;
    tb_init(&t, "a0", "2018-01-01", "Alone", "Kim Jong-un spoke.");
    tb_surf(&t, tb_ent(&t, "kim jong un", ERG_TYPE_PERSON), "Kim Jong-un", 1, ERG_TYPE_PERSON);
    tb_add(g, &t);
    erg_graph *sub = NULL;
    erg_error err;
    erg_error_clear(&err);
    ck_assert_int_eq(erg_graph_subset(g, NULL, NULL, &sub, &err), ERG_EINVAL);
    ck_assert_ptr_null(sub);
    ck_assert(strstr(err.text, "finish") != NULL);
    tb_finish(g, ALL_TYPES);
    /* a0 has no evidence: the graph counts it but keeps no record of it. */
    ck_assert_uint_eq(erg_graph_article_count(g), 2);
    ck_assert_uint_eq(erg_graph_article_total(g), 3);
    sub = subset(g, NULL, NULL);
    ck_assert_uint_eq(erg_graph_article_count(sub), 2);
    ck_assert_uint_eq(erg_graph_article_total(sub), 3);
    ck_assert_int_eq(erg_graph_find_key(sub, "kim jong un"), erg_graph_find_key(g, "kim jong un"));
    ck_assert_str_eq(entity(sub, "kim jong un")->first_date, "2018-01-01"); /* from a0 */
    ck_assert_str_eq(erg_graph_get_article(sub, 0)->id, "a1");
    erg_graph_free(sub);
    erg_graph_free(g);
}
END_TEST

/* Extra node numbers: written in the node records only, and ignored by the loader. */
START_TEST(test_json_attrs)
{
    erg_graph *g = build(1, 3, 0);
    tb_finish(g, ALL_TYPES);
    size_t n = erg_graph_entity_count(g);
    ck_assert_uint_eq(n, 6);
    double pr[6] = {0.1, 1.0 / 3.0, 0.25, NAN, 2e-7, 0.0};
    double comm[6] = {0, 1, 1, 2, 0, -0.2};
    erg_node_attr attrs[2] = {{"pagerank", false, pr}, {"community", true, comm}};
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_graph_write_json_attrs(g, attrs, 2, f, &err) == ERG_OK, "%s", err.text);
    fclose(f);

    json_error_t jerr;
    json_t *root = json_loads(data, 0, &jerr);
    ck_assert_ptr_nonnull(root);
    json_t *nodes = json_object_get(root, "nodes");
    ck_assert_uint_eq(json_array_size(nodes), 6);
    for (size_t i = 0; i < n; i++) {
        json_t *node = json_array_get(nodes, i), *p = json_object_get(node, "pagerank");
        json_t *c = json_object_get(node, "community");
        ck_assert_str_eq(json_string_value(json_object_get(node, "id")),
                         erg_graph_entity(g, i)->key);
        if (i == 3) {
            ck_assert_ptr_null(p); /* NaN: left out */
        } else {
            ck_assert(json_is_number(p));
            ck_assert(json_number_value(p) == pr[i]); /* exact, through the shortest text */
        }
        ck_assert(json_is_integer(c));
        ck_assert_int_eq(json_integer_value(c), i == 5 ? 0 : (json_int_t)comm[i]);
        ck_assert_ptr_nonnull(json_object_get(node, "votes")); /* the record is whole */
    }
    json_decref(root);
    ck_assert(strstr(data, "\"pagerank\":0.1,\"community\":0}") != NULL);
    ck_assert(strstr(data, "\"pagerank\":2e-07,") != NULL);
    ck_assert(strstr(data, "\"community\":-0") == NULL);

    /* The loader ignores the extra fields: the graph saves as if they were never there. */
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/attrs.json", dir);
    f = fopen(path, "w");
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    fclose(f);
    erg_graph *h = NULL;
    ck_assert_msg(erg_graph_load(&h, path, &err) == ERG_OK, "load: %s", err.text);
    char *s1 = tb_json(g), *s2 = tb_json(h);
    assert_same(s1, s2);
    ck_assert(strstr(s2, "pagerank") == NULL);
    /* No attributes: the plain writer's bytes. */
    char *s3 = NULL;
    f = open_memstream(&s3, &len);
    ck_assert_int_eq(erg_graph_write_json_attrs(g, NULL, 0, f, &err), ERG_OK);
    fclose(f);
    assert_same(s1, s3);
    free(s1);
    free(s2);
    free(s3);
    free(data);
    erg_graph_free(h);

    /* Strict otherwise: a known field of the wrong shape still fails next to extra ones. */
    f = fopen(path, "w");
    fputs("{\"format\":\"erg-graph\",\"version\":1,\"articles\":[],\"nodes\":[{\"id\":\"a\","
          "\"name\":\"A\",\"type\":\"person\",\"mentions\":1.5,\"articles\":1,\"pagerank\":0.5}],"
          "\"links\":[]}",
          f);
    fclose(f);
    ck_assert_int_eq(erg_graph_load(&h, path, &err), ERG_EJSON);
    ck_assert(strstr(err.text, "mentions") != NULL);
    unlink(path);
    rmdir(dir);

    /* Names that would clash or break the file are refused before anything is written. */
    erg_node_attr bad[2] = {{"pagerank", false, pr}, {"pagerank", false, pr}};
    const char *names[] = {"name", "votes", "", "1st", "page rank", "x\"y"};
    f = open_memstream(&data, &len);
    ck_assert_int_eq(erg_graph_write_json_attrs(g, bad, 2, f, &err), ERG_EINVAL);
    ck_assert(strstr(err.text, "twice") != NULL);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        bad[0].name = names[i];
        ck_assert_int_eq(erg_graph_write_json_attrs(g, bad, 1, f, &err), ERG_EINVAL);
    }
    bad[0].name = "ok_1";
    bad[0].values = NULL;
    ck_assert_int_eq(erg_graph_write_json_attrs(g, bad, 1, f, &err), ERG_EINVAL);
    fclose(f);
    ck_assert_uint_eq(len, 0);
    free(data);
    erg_graph_free(g);
}
END_TEST

/*
 * Newman weights end to end: article n1 has one sentence naming Ann, Bob and
 * Cid (each pair 1/2), n2 one naming Ann and Bob (1). Ann-Bob weighs 1.5 from
 * 2 windows, the other pairs 0.5 from 1; the file gives them as written
 * numbers, and writing the loaded graph gives the same bytes.
 */
START_TEST(test_newman_weights_round_trip)
{
    erg_graph *g = new_graph(0);
    tb_article t;
    const char *s1 = "Ann met Bob and Cid.";
    tb_init(&t, "n1", "2020-01-01", "Wire", "Ann met Bob and Cid. Rain fell.");
    int ann = tb_ent(&t, "ann", ERG_TYPE_PERSON), bob = tb_ent(&t, "bob", ERG_TYPE_PERSON),
        cid = tb_ent(&t, "cid", ERG_TYPE_PERSON);
    tb_surf(&t, ann, "Ann", 1, ERG_TYPE_PERSON);
    tb_surf(&t, bob, "Bob", 1, ERG_TYPE_PERSON);
    tb_surf(&t, cid, "Cid", 1, ERG_TYPE_PERSON);
    tb_rel(&t, ann, bob, ERG_KIND_CO_MENTION, s1);
    tb_rel(&t, ann, cid, ERG_KIND_CO_MENTION, s1);
    tb_rel(&t, bob, cid, ERG_KIND_CO_MENTION, s1);
    tb_add(g, &t);
    for (size_t i = 0; i < 3; i++)
        ck_assert_uint_eq(t.ritems[i].wunits, ERG_WEIGHT_UNIT / 2);
    tb_init(&t, "n2", "2020-01-02", "Wire", "Later, Ann met Bob.");
    ann = tb_ent(&t, "ann", ERG_TYPE_PERSON);
    bob = tb_ent(&t, "bob", ERG_TYPE_PERSON);
    tb_surf(&t, ann, "Ann", 1, ERG_TYPE_PERSON);
    tb_surf(&t, bob, "Bob", 1, ERG_TYPE_PERSON);
    tb_rel(&t, ann, bob, ERG_KIND_CO_MENTION, "Later, Ann met Bob.");
    tb_add(g, &t);
    ck_assert_uint_eq(t.ritems[0].wunits, ERG_WEIGHT_UNIT);
    tb_finish(g, ALL_TYPES);

    const erg_edge *ab = edge(g, "ann", "bob", ERG_KIND_CO_MENTION);
    const erg_edge *ac = edge(g, "ann", "cid", ERG_KIND_CO_MENTION);
    const erg_edge *bc = edge(g, "bob", "cid", ERG_KIND_CO_MENTION);
    ck_assert(ab && ac && bc);
    ck_assert_uint_eq(ab->wunits, 3 * ERG_WEIGHT_UNIT / 2);
    ck_assert(erg_edge_weight(ab) == 1.5);
    ck_assert_uint_eq(ab->count, 2);
    ck_assert_uint_eq(ab->articles, 2);
    ck_assert(erg_edge_weight(ac) == 0.5 && erg_edge_weight(bc) == 0.5);
    ck_assert_uint_eq(ac->count, 1);
    ck_assert_uint_eq(bc->count, 1);

    char *s = tb_json(g);
    ck_assert(strstr(s, "{\"source\":\"ann\",\"target\":\"bob\",\"kind\":\"co_mention\","
                        "\"weight\":1.5,\"count\":2,\"articles\":2,") != NULL);
    ck_assert(strstr(s, "{\"source\":\"ann\",\"target\":\"cid\",\"kind\":\"co_mention\","
                        "\"weight\":0.5,\"count\":1,\"articles\":1,") != NULL);
    /* The three edges cite n1's sentence; the table holds it once. */
    ck_assert(strstr(s, "\n\"sentences\":[\n"
                        "{\"article\":\"n1\",\"start\":0,\"end\":20,\"text\":\"Ann met Bob and "
                        "Cid.\"},\n"
                        "{\"article\":\"n2\",\"start\":0,\"end\":19,\"text\":\"Later, Ann met "
                        "Bob.\"}\n],\n\"nodes\":[") != NULL);

    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/newman.json", dir);
    save_file(g, path);
    erg_graph *h = NULL;
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_graph_load(&h, path, &err) == ERG_OK, "load: %s", err.text);
    ab = edge(h, "ann", "bob", ERG_KIND_CO_MENTION);
    ck_assert_uint_eq(ab->wunits, 3 * ERG_WEIGHT_UNIT / 2);
    ck_assert_uint_eq(ab->count, 2);
    ck_assert_uint_eq(ab->n_evidence, 2);
    ck_assert_str_eq(ab->evidence[0].sentence, "Ann met Bob and Cid.");
    ck_assert_str_eq(ab->evidence[1].sentence, "Later, Ann met Bob.");
    /* one pooled copy for the three edges that cite it */
    ck_assert_ptr_eq(ab->evidence[0].sentence,
                     edge(h, "bob", "cid", ERG_KIND_CO_MENTION)->evidence[0].sentence);
    char *s2 = tb_json(h);
    assert_same(s, s2);
    /* networkx reads version 2 as a node-link multigraph: 3 nodes, 3 links. */
    char script[512], cmd[1024];
    tb_tests_path(script, sizeof script, "check_graphml.py");
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 '%s' --node-link '%s' 3 3", script, path);
    ck_assert_int_eq(tb_run(cmd), 0);
    free(s);
    free(s2);
    erg_graph_free(g);
    erg_graph_free(h);
    unlink(path);
    rmdir(dir);
}
END_TEST

/*
 * A version 1 file (sentence in each evidence record, integer weight, no
 * count) loads: count = weight, and writing it gives version 3 with the
 * sentence once in the table.
 */
START_TEST(test_version1_file)
{
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/v1.json", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(HEAD "\"graph\":{\"entities\":2,\"edges\":2,\"articles\":1,\"max_evidence\":3},"
               "\"articles\":[{\"id\":\"x\"}],\"nodes\":[" NODE_A "," NODE_B "],\"links\":["
               "{\"source\":\"a\",\"target\":\"b\",\"kind\":\"co_mention\",\"weight\":3,"
               "\"articles\":1,\"evidence\":[{\"article\":\"x\",\"start\":0,\"end\":8,"
               "\"sentence\":\"A met B.\"}]},"
               "{\"source\":\"b\",\"target\":\"a\",\"kind\":\"cites\",\"weight\":1,"
               "\"articles\":1,\"evidence\":[{\"article\":\"x\",\"start\":0,\"end\":8,"
               "\"sentence\":\"A met B.\"}]}],\"sentences\":7}",
          f);
    fclose(f);
    erg_graph *g = NULL;
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_graph_load(&g, path, &err) == ERG_OK, "load: %s", err.text);
    const erg_edge *d = edge(g, "a", "b", ERG_KIND_CO_MENTION);
    ck_assert_uint_eq(d->count, 3);
    ck_assert_uint_eq(d->wunits, 3 * ERG_WEIGHT_UNIT);
    ck_assert_str_eq(d->evidence[0].sentence, "A met B.");
    char *s = tb_json(g);
    ck_assert(strstr(s, "\"version\":4") != NULL);
    ck_assert(strstr(s,
                     "\"sentences\":[\n{\"article\":\"x\",\"start\":0,\"end\":8,\"text\":\"A met "
                     "B.\"}\n]") != NULL);
    ck_assert(strstr(s, "\"weight\":3,\"count\":3,") != NULL);
    ck_assert(strstr(s, "\"evidence\":[{\"article\":\"x\",\"start\":0,\"end\":8}]") != NULL);
    free(s);
    erg_graph_free(g);
    unlink(path);
    rmdir(dir);
}
END_TEST

/* A partial graph says so in its file, with its types and window; the loader reads them back. */
START_TEST(test_partial_flag)
{
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/part.json", dir);
    erg_graph *g = build(1, 2, 0), *h = NULL;
    erg_error err;
    unsigned types = 0;
    erg_window w = ERG_WINDOW_SENTENCE;
    ck_assert(!erg_graph_partial(g, &types, &w));
    ck_assert_int_eq(erg_graph_set_partial(g, ERG_TYPE_BIT(ERG_TYPE_MISC), w, &err), ERG_EINVAL);
    unsigned mask = ERG_TYPE_BIT(ERG_TYPE_PERSON) | ERG_TYPE_BIT(ERG_TYPE_PLACE);
    ck_assert_int_eq(erg_graph_set_partial(g, mask, ERG_WINDOW_PARAGRAPH, &err), ERG_OK);
    tb_finish(g, ALL_TYPES);
    char *s = tb_json(g);
    ck_assert_ptr_nonnull(
        strstr(s, ",\"partial\":true,\"types\":\"person,place\",\"window\":\"paragraph\"},"));
    free(s);
    save_file(g, path);
    ck_assert_msg(erg_graph_load(&h, path, &err) == ERG_OK, "load: %s", err.text);
    ck_assert(erg_graph_partial(h, &types, &w));
    ck_assert_uint_eq(types, mask);
    ck_assert_int_eq(w, ERG_WINDOW_PARAGRAPH);
    ck_assert_uint_eq(erg_graph_max_evidence(h), 3);
    /* Merging keeps dst's flag; clearing it writes the plain header again. */
    erg_graph *k = new_graph(0);
    ck_assert_int_eq(erg_graph_merge(k, h, &err), ERG_OK);
    ck_assert(!erg_graph_partial(k, NULL, NULL));
    ck_assert_int_eq(erg_graph_set_partial(h, 0, ERG_WINDOW_SENTENCE, &err), ERG_OK);
    ck_assert(!erg_graph_partial(h, NULL, NULL));
    s = tb_json(h);
    ck_assert_ptr_null(strstr(s, "partial"));
    free(s);
    erg_graph_free(k);
    erg_graph_free(h);
    erg_graph_free(g);
    /* A partial file must name its types and window, and only graph types. */
    ck_assert_int_eq(load_text(dir,
                               HEAD2 "\"graph\":{\"partial\":true,\"window\":\"sentence\"},"
                                     "\"articles\":[],\"sentences\":[],\"nodes\":[],\"links\":[]}",
                               &err),
                     ERG_EJSON);
    ck_assert_int_eq(load_text(dir,
                               HEAD2 "\"graph\":{\"partial\":true,\"types\":\"misc\","
                                     "\"window\":\"sentence\"},"
                                     "\"articles\":[],\"sentences\":[],\"nodes\":[],\"links\":[]}",
                               &err),
                     ERG_EFORMAT);
    ck_assert_int_eq(load_text(dir,
                               HEAD2 "\"graph\":{\"partial\":true,\"types\":\"person\","
                                     "\"window\":\"page\"},"
                                     "\"articles\":[],\"sentences\":[],\"nodes\":[],\"links\":[]}",
                               &err),
                     ERG_EFORMAT);
    ck_assert_int_eq(load_text(dir,
                               HEAD2 "\"graph\":{\"partial\":1},"
                                     "\"articles\":[],\"sentences\":[],\"nodes\":[],\"links\":[]}",
                               &err),
                     ERG_EJSON);
    unlink(path);
    char bad[256];
    snprintf(bad, sizeof bad, "%s/bad.json", dir);
    unlink(bad);
    rmdir(dir);
}
END_TEST

START_TEST(test_format_number)
{
    char b[32];
    ck_assert_str_eq(erg_graph_format_number(0.1, false, b, sizeof b), "0.1");
    ck_assert_str_eq(erg_graph_format_number(3, false, b, sizeof b), "3");
    ck_assert_str_eq(erg_graph_format_number(2.5, true, b, sizeof b), "3");
    ck_assert_str_eq(erg_graph_format_number(-0.2, true, b, sizeof b), "0");
    ck_assert_str_eq(erg_graph_format_number(-7.6, true, b, sizeof b), "-8");
    double third = 1.0 / 3.0;
    ck_assert(strtod(erg_graph_format_number(third, false, b, sizeof b), NULL) == third);
    double tiny = 0.1 + 0.2; /* needs 17 digits */
    ck_assert_str_eq(erg_graph_format_number(tiny, false, b, sizeof b), "0.30000000000000004");
}
END_TEST

/* One article in which yonhap reports kim (found by pattern p with score sc) and they co-occur. */
static void add_scored(erg_graph *g, const char *id, erg_pattern p, uint16_t sc)
{
    static const char *const text = "Kim told Yonhap so.";
    tb_article t;
    tb_init(&t, id, "2020-01-01", "Wire", text);
    int kim = tb_ent(&t, "kim", ERG_TYPE_PERSON);
    int yon = tb_ent(&t, "yonhap", ERG_TYPE_OUTLET);
    tb_surf(&t, kim, "Kim", 1, ERG_TYPE_PERSON);
    tb_surf(&t, yon, "Yonhap", 1, ERG_TYPE_OUTLET);
    tb_rel(&t, kim, yon, ERG_KIND_CO_MENTION, text);
    tb_rel(&t, yon, kim, ERG_KIND_REPORTS, text);
    t.ritems[1].pattern = (uint8_t)p;
    t.ritems[1].score = sc;
    tb_add(g, &t);
}

/*
 * A typed edge keeps the highest score of its records and the set of their
 * patterns, whatever the order of articles or merges; the native file
 * carries both and reads them back; a file without them gives no score.
 */
START_TEST(test_edge_confidence)
{
    erg_graph *g = new_graph(0), *h = new_graph(0);
    add_scored(g, "a", ERG_PATTERN_TOLD, 9047);
    add_scored(g, "b", ERG_PATTERN_REPORTS_VERB, 9576);
    add_scored(h, "b", ERG_PATTERN_REPORTS_VERB, 9576);
    add_scored(h, "a", ERG_PATTERN_TOLD, 9047);
    tb_finish(g, ALL_TYPES);
    tb_finish(h, ALL_TYPES);
    const erg_edge *d = edge(g, "yonhap", "kim", ERG_KIND_REPORTS);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->score, 9576);
    ck_assert_uint_eq(d->patterns, (1u << ERG_PATTERN_TOLD) | (1u << ERG_PATTERN_REPORTS_VERB));
    const erg_edge *co = edge(g, "kim", "yonhap", ERG_KIND_CO_MENTION);
    ck_assert_ptr_nonnull(co);
    ck_assert_uint_eq(co->score, 0);
    ck_assert_uint_eq(co->patterns, 0);
    char *sg = tb_json(g), *sh = tb_json(h);
    assert_same(sg, sh);
    ck_assert_ptr_nonnull(
        strstr(sg, "\"confidence\":0.9576,\"patterns\":[\"reports-verb\",\"told\"]"));
    ck_assert_int_eq(erg_edge_scored(co, (char[8]){0}, (char[ERG_EDGE_PATTERNS_MAX]){0}), false);

    /* Merged from two parts, in either order. */
    erg_graph *p1 = new_graph(0), *p2 = new_graph(0), *m = new_graph(0);
    erg_error err;
    add_scored(p1, "a", ERG_PATTERN_TOLD, 9047);
    add_scored(p2, "b", ERG_PATTERN_REPORTS_VERB, 9576);
    tb_finish(p1, ALL_TYPES);
    tb_finish(p2, ALL_TYPES);
    ck_assert_int_eq(erg_graph_merge(m, p2, &err), ERG_OK);
    ck_assert_int_eq(erg_graph_merge(m, p1, &err), ERG_OK);
    tb_finish(m, ALL_TYPES);
    char *sm = tb_json(m);
    assert_same(sm, sg);

    /* Through the file, by both readers (the fast one, and jansson for a record it leaves). */
    char dir[64], path[128];
    tb_tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/g.json", dir);
    erg_graph *k = NULL;
    ck_assert_int_eq(load_keep(path, sg, &k, &err), ERG_OK);
    d = edge(k, "yonhap", "kim", ERG_KIND_REPORTS);
    ck_assert_uint_eq(d->score, 9576);
    ck_assert_uint_eq(d->patterns, (1u << ERG_PATTERN_TOLD) | (1u << ERG_PATTERN_REPORTS_VERB));
    char *sk = tb_json(k);
    assert_same(sk, sg);
    erg_graph_free(k);

    /* An older file: the typed link has no score, and writes none. */
    const char *cut = ",\"confidence\":0.9576,\"patterns\":[\"reports-verb\",\"told\"]";
    char *old = strdup(sg);
    char *at = strstr(old, cut);
    ck_assert_ptr_nonnull(at);
    memmove(at, at + strlen(cut), strlen(at + strlen(cut)) + 1);
    ck_assert_int_eq(load_keep(path, old, &k, &err), ERG_OK);
    d = edge(k, "yonhap", "kim", ERG_KIND_REPORTS);
    ck_assert_uint_eq(d->score, 0);
    ck_assert_uint_eq(d->patterns, 0);
    char *so = tb_json(k);
    ck_assert_ptr_null(strstr(so, "confidence"));
    free(so);
    erg_graph_free(k);

    /* Bad values: out of range, an unknown pattern, a score on a co_mention link. */
    static const char *const bad[][2] = {
        {"\"confidence\":0.9576", "\"confidence\":1.5"},
        {"\"told\"]", "\"guessed\"]"},
        {"\"kind\":\"co_mention\",", "\"kind\":\"co_mention\",\"confidence\":0.5,"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *at2 = strstr(sg, bad[i][0]);
        ck_assert_ptr_nonnull(at2);
        size_t n = strlen(sg) + strlen(bad[i][1]) + 1;
        char *txt = malloc(n);
        snprintf(txt, n, "%.*s%s%s", (int)(at2 - sg), sg, bad[i][1], at2 + strlen(bad[i][0]));
        ck_assert_msg(load_keep(path, txt, &k, &err) == ERG_EFORMAT, "case %zu: %s", i, err.text);
        free(txt);
    }
    rmdir(dir);
    free(old);
    free(sk);
    free(sm);
    free(sg);
    free(sh);
    /* The copy without doubtful typed edges keeps every entity and every co_mention. */
    erg_graph *f = NULL;
    ck_assert_int_eq(erg_graph_min_confidence(g, 9600, &f, &err), ERG_OK);
    ck_assert_uint_eq(erg_graph_entity_count(f), erg_graph_entity_count(g));
    ck_assert_ptr_null(edge(f, "yonhap", "kim", ERG_KIND_REPORTS));
    ck_assert_ptr_nonnull(edge(f, "kim", "yonhap", ERG_KIND_CO_MENTION));
    erg_graph_free(f);
    ck_assert_int_eq(erg_graph_min_confidence(g, 9576, &f, &err), ERG_OK);
    ck_assert_ptr_nonnull(edge(f, "yonhap", "kim", ERG_KIND_REPORTS));
    erg_graph_free(f);
    erg_graph_free(p1);
    erg_graph_free(p2);
    erg_graph_free(m);
    erg_graph_free(g);
    erg_graph_free(h);
}
END_TEST

static Suite *graph_suite(void)
{
    Suite *s = suite_create("graph");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_counts_and_types);
    tcase_add_test(tc, test_entity_merge_aliases_votes_dates);
    tcase_add_test(tc, test_ties);
    tcase_add_test(tc, test_edges_weights_outlets_evidence);
    tcase_add_test(tc, test_newman_weights_round_trip);
    tcase_add_test(tc, test_version1_file);
    tcase_add_test(tc, test_evidence_cap_and_order);
    tcase_add_test(tc, test_mask_and_refinish);
    tcase_add_test(tc, test_bad_articles);
    tcase_add_test(tc, test_evidence_sentence_cleaning);
    tcase_add_test(tc, test_json_round_trip);
    tcase_add_test(tc, test_edge_confidence);
    tcase_add_test(tc, test_load_large);
    tcase_add_test(tc, test_load_then_add);
    tcase_add_test(tc, test_load_layouts);
    tcase_add_test(tc, test_merge_order_independent);
    tcase_add_test(tc, test_evicted_articles);
    tcase_add_test(tc, test_evidence_growth);
    tcase_add_test(tc, test_malformed_files);
    tcase_add_test(tc, test_timeline);
    tcase_add_test(tc, test_timeline_file);
    tcase_add_test(tc, test_mixed_precision_dates);
    tcase_add_test(tc, test_to_igraph);
    tcase_add_test(tc, test_many_entities);
    tcase_add_test(tc, test_shared_strings_churn);
    tcase_add_test(tc, test_subset_entities);
    tcase_add_test(tc, test_subset_edges_evidence);
    tcase_add_test(tc, test_subset_everything);
    tcase_add_test(tc, test_subset_uncited_and_unfinished);
    tcase_add_test(tc, test_json_attrs);
    tcase_add_test(tc, test_format_number);
    tcase_add_test(tc, test_partial_flag);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(graph_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
