/*
 * graph_build.h: hand-built article results for the graph and export tests
 * (no tagger needed). Header-only; every helper is static.
 */
#ifndef ERG_TESTS_GRAPH_BUILD_H
#define ERG_TESTS_GRAPH_BUILD_H

#include "erg/graph.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define TB_ENTS 16
#define TB_SURF 4
#define TB_ITEMS 512

/* One article with its entities, mentions and relations, all in fixed arrays. */
typedef struct tb_article {
    erg_article art;
    erg_local_entities ents;
    erg_mentions ms;
    erg_relations rels;
    erg_local_entity items[TB_ENTS];
    erg_surface surf[TB_ENTS][TB_SURF];
    erg_mention mitems[TB_ITEMS];
    erg_relation ritems[TB_ITEMS];
} tb_article;

static void tb_init(tb_article *t, const char *id, const char *date, const char *source,
                    const char *text)
{
    memset(t, 0, sizeof *t);
    t->art.id = id;
    t->art.title = id;
    t->art.date = date;
    t->art.source = source;
    t->art.text = text;
    t->art.text_len = text ? strlen(text) : 0;
    t->art.path = "test";
    t->ents.items = t->items;
    t->ents.cap = TB_ENTS;
    t->ms.items = t->mitems;
    t->ms.cap = TB_ITEMS;
    t->rels.items = t->ritems;
    t->rels.cap = TB_ITEMS;
}

/* A new local entity (no surfaces yet); its name and type until tb_surf says more. */
static int tb_ent(tb_article *t, const char *key, erg_type type)
{
    ck_assert_uint_lt(t->ents.n, TB_ENTS);
    int i = (int)t->ents.n++;
    erg_local_entity *e = &t->items[i];
    e->key = (char *)key;
    e->name = (char *)key;
    e->type = type;
    e->surfaces = t->surf[i];
    e->cap_surfaces = TB_SURF;
    return i;
}

/*
 * count mentions of entity i written as text, each tagged with type. Each
 * mention's bytes are the next occurrence of text in the article (so that
 * outlets named in a record's window can be found), none (0, 0) when
 * there is no further one.
 */
static void tb_surf(tb_article *t, int i, const char *text, uint32_t count, erg_type type)
{
    erg_local_entity *e = &t->items[i];
    ck_assert_uint_lt(e->n_surfaces, TB_SURF);
    if (e->n_surfaces == 0)
        e->name = (char *)text;
    e->surfaces[e->n_surfaces++] = (erg_surface){(char *)text, count};
    e->mentions += count;
    const char *from = t->art.text;
    for (uint32_t k = 0; k < count; k++) {
        ck_assert_uint_lt(t->ms.n, TB_ITEMS);
        erg_mention *m = &t->mitems[t->ms.n++];
        memset(m, 0, sizeof *m);
        m->type = type;
        m->entity = i;
        const char *at = from && text[0] ? strstr(from, text) : NULL;
        if (at) {
            m->start = (uint32_t)(at - t->art.text);
            m->end = m->start + (uint32_t)strlen(text);
            from = at + strlen(text);
        }
    }
}

/* A relation supported by the first occurrence of `sentence` in the text. */
static void tb_rel(tb_article *t, int a, int b, erg_kind kind, const char *sentence)
{
    ck_assert_uint_lt(t->rels.n, TB_ITEMS);
    const char *p = strstr(t->art.text, sentence);
    ck_assert_ptr_nonnull(p);
    erg_relation *r = &t->ritems[t->rels.n++];
    r->a = (uint32_t)a;
    r->b = (uint32_t)b;
    r->kind = kind;
    r->start = (uint32_t)(p - t->art.text);
    r->end = r->start + (uint32_t)strlen(sentence);
    r->pattern = ERG_PATTERN_NONE;
    r->score = 0;
}

/*
 * Gives every record without a weight the one erg_relate_article would: a
 * typed record 1, a co_mention record 1/(k-1), k the distinct entities (misc
 * left out, as the type mask leaves them out) of the co_mention records with
 * the same byte range (its window).
 */
static void tb_weigh(tb_article *t)
{
    for (size_t i = 0; i < t->rels.n; i++) {
        erg_relation *r = &t->ritems[i];
        if (r->wunits)
            continue;
        if (r->kind != ERG_KIND_CO_MENTION) {
            r->wunits = ERG_WEIGHT_UNIT;
            continue;
        }
        bool in[TB_ENTS] = {false};
        uint32_t k = 0;
        for (size_t j = 0; j < t->rels.n; j++) {
            const erg_relation *o = &t->ritems[j];
            if (o->kind != ERG_KIND_CO_MENTION || o->start != r->start || o->end != r->end)
                continue;
            uint32_t ends[2] = {o->a, o->b};
            for (int x = 0; x < 2; x++)
                if (t->items[ends[x]].type != ERG_TYPE_MISC && !in[ends[x]]) {
                    in[ends[x]] = true;
                    k++;
                }
        }
        r->wunits = k > 2 ? ERG_WEIGHT_UNIT / (k - 1) : ERG_WEIGHT_UNIT;
    }
}

static void tb_add(erg_graph *g, tb_article *t)
{
    tb_weigh(t);
    erg_error err;
    erg_error_clear(&err);
    erg_status st = erg_graph_add_article(g, &t->art, &t->ents, &t->ms, &t->rels, &err);
    ck_assert_msg(st == ERG_OK, "add '%s': %s", t->art.id, err.text);
}

/* Three articles about a small cast; used by several tests. */
static const char *const tb_text1 = "Kim Jong-un met Moon Jae-in in Pyongyang, Yonhap reported.\n\n"
                                    "Kim  said   the talks\twent well. KCNA said Kim was pleased.";
static const char *const tb_text2 = "Moon Jae-in told KCNA that Kim was sincere. Moon smiled.";
static const char *const tb_text3 = "Reuters reported that KCNA quoted Kim Jong-un. Moon agreed.";

static void tb_article1(tb_article *t)
{
    tb_init(t, "a1", "2018-04-27", "Reuters", tb_text1);
    int kim = tb_ent(t, "kim jong un", ERG_TYPE_PERSON);
    int moon = tb_ent(t, "moon jae in", ERG_TYPE_PERSON);
    int yon = tb_ent(t, "yonhap", ERG_TYPE_OUTLET);
    int kcna = tb_ent(t, "kcna", ERG_TYPE_AGENCY);
    int pyong = tb_ent(t, "pyongyang", ERG_TYPE_PLACE);
    int misc = tb_ent(t, "korean", ERG_TYPE_MISC);
    tb_surf(t, kim, "Kim Jong-un", 1, ERG_TYPE_PERSON);
    tb_surf(t, kim, "Kim", 2, ERG_TYPE_PERSON);
    tb_surf(t, moon, "Moon Jae-in", 1, ERG_TYPE_PERSON);
    tb_surf(t, yon, "Yonhap", 1, ERG_TYPE_OUTLET);
    tb_surf(t, kcna, "KCNA", 1, ERG_TYPE_AGENCY);
    tb_surf(t, pyong, "Pyongyang", 1, ERG_TYPE_PLACE);
    tb_surf(t, misc, "Korean", 1, ERG_TYPE_MISC);
    const char *s1 = "Kim Jong-un met Moon Jae-in in Pyongyang, Yonhap reported.";
    tb_rel(t, kim, moon, ERG_KIND_CO_MENTION, s1);
    tb_rel(t, kim, yon, ERG_KIND_CO_MENTION, s1);
    tb_rel(t, moon, yon, ERG_KIND_CO_MENTION, s1);
    tb_rel(t, kim, pyong, ERG_KIND_CO_MENTION, s1);
    tb_rel(t, misc, kim, ERG_KIND_CO_MENTION, s1);
    tb_rel(t, yon, kim, ERG_KIND_REPORTS, s1);
    tb_rel(t, kim, kcna, ERG_KIND_CO_MENTION, "Kim  said   the talks\twent well.");
    tb_rel(t, kim, kcna, ERG_KIND_CO_MENTION, "KCNA said Kim was pleased.");
}

static void tb_article2(tb_article *t)
{
    tb_init(t, "a2", "2018-05-01", NULL, tb_text2);
    int moon = tb_ent(t, "moon jae in", ERG_TYPE_PERSON);
    int kcna = tb_ent(t, "kcna", ERG_TYPE_OUTLET);
    int kim = tb_ent(t, "kim jong un", ERG_TYPE_PERSON);
    tb_surf(t, moon, "Moon Jae-in", 1, ERG_TYPE_PERSON);
    tb_surf(t, moon, "Moon", 1, ERG_TYPE_PERSON);
    tb_surf(t, kcna, "KCNA", 1, ERG_TYPE_OUTLET);
    tb_surf(t, kim, "Kim", 1, ERG_TYPE_PERSON);
    const char *s = "Moon Jae-in told KCNA that Kim was sincere.";
    tb_rel(t, moon, kcna, ERG_KIND_CO_MENTION, s);
    tb_rel(t, kim, moon, ERG_KIND_CO_MENTION, s);
    tb_rel(t, kcna, kim, ERG_KIND_CO_MENTION, s);
}

static void tb_article3(tb_article *t)
{
    tb_init(t, "a3", NULL, "Reuters", tb_text3);
    int reu = tb_ent(t, "reuters", ERG_TYPE_OUTLET);
    int kcna = tb_ent(t, "kcna", ERG_TYPE_OUTLET);
    int kim = tb_ent(t, "kim jong un", ERG_TYPE_PERSON);
    tb_surf(t, reu, "Reuters", 1, ERG_TYPE_OUTLET);
    tb_surf(t, kcna, "KCNA", 1, ERG_TYPE_OUTLET);
    tb_surf(t, kim, "Kim Jong-un", 1, ERG_TYPE_PERSON);
    const char *s = "Reuters reported that KCNA quoted Kim Jong-un.";
    tb_rel(t, reu, kcna, ERG_KIND_CO_MENTION, s);
    tb_rel(t, reu, kim, ERG_KIND_CO_MENTION, s);
    tb_rel(t, kcna, kim, ERG_KIND_CO_MENTION, s);
    tb_rel(t, kcna, kim, ERG_KIND_CITES, s);
    tb_rel(t, reu, kcna, ERG_KIND_REPORTS, s);
}

/* A fresh temporary folder for one test. */
#define TB_ALL_TYPES (ERG_TYPES_DEFAULT | ERG_TYPE_BIT(ERG_TYPE_PLACE))

static inline void tb_finish(erg_graph *g, unsigned mask)
{
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_graph_finish(g, mask, &err) == ERG_OK, "finish: %s", err.text);
}

/* The graph of the three articles above, finished with the given types. */
static inline erg_graph *tb_news(unsigned mask)
{
    erg_graph *g = NULL;
    ck_assert_int_eq(erg_graph_new(&g, 0, NULL), ERG_OK);
    tb_article t;
    tb_article1(&t);
    tb_add(g, &t);
    tb_article2(&t);
    tb_add(g, &t);
    tb_article3(&t);
    tb_add(g, &t);
    tb_finish(g, mask);
    return g;
}

/*
 * The native file of g, as a malloc'd string. Not inlined: gcc then reads
 * the memstream's buffer as a dangling pointer to a local.
 */
#if defined(__GNUC__)
__attribute__((noinline, unused))
#endif
static char *
tb_json(const erg_graph *g)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    ck_assert_ptr_nonnull(f);
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_graph_write_json(g, f, &err) == ERG_OK, "write: %s", err.text);
    ck_assert_int_eq(fclose(f), 0);
    return data;
}

static inline void tb_tmpdir(char *dir, size_t cap)
{
    snprintf(dir, cap, "/tmp/erg-graph-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Runs a shell command; returns its exit status (-1 when it did not exit). */
static inline int tb_run(const char *cmd)
{
    int rc = system(cmd);
    return rc != -1 && WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/* Path of a file in the tests folder (env ERG_TESTS). */
static inline void tb_tests_path(char *buf, size_t cap, const char *name)
{
    const char *dir = getenv("ERG_TESTS");
    ck_assert_msg(dir != NULL, "ERG_TESTS is not set");
    snprintf(buf, cap, "%s/%s", dir, name);
}

#endif
