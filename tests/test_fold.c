/*
 * Corpus-level name resolution (erg_graph_set_corpus_resolve): which short
 * forms fold into which full names, and that the result depends neither on
 * the order of the articles nor on how partial graphs were merged.
 */
#include "graph_build.h"

/* A co_mention of weight 1/(k-1) for a window of k entities. */
static void co(tb_article *t, int a, int b, const char *sentence, uint32_t k)
{
    tb_rel(t, a, b, ERG_KIND_CO_MENTION, sentence);
    t->ritems[t->rels.n - 1].wunits = ERG_WEIGHT_UNIT / (k - 1);
}

static const char *const legal[] = {"Inc", "Corp", "Ltd", "Co"};

static erg_graph *new_graph(bool fold)
{
    erg_graph *g;
    erg_error err;
    erg_error_clear(&err);
    ck_assert_int_eq(erg_graph_new(&g, 0, &err), ERG_OK);
    ck_assert_int_eq(erg_graph_set_corpus_resolve(g, fold, legal, 4, &err), ERG_OK);
    return g;
}

static void finish(erg_graph *g)
{
    erg_error err;
    erg_error_clear(&err);
    ck_assert_int_eq(erg_graph_finish(g, ERG_TYPES_DEFAULT | ERG_TYPE_BIT(ERG_TYPE_PLACE), &err),
                     ERG_OK);
}

static const erg_entity *entity(const erg_graph *g, const char *key)
{
    long i = erg_graph_find_key(g, key);
    return i < 0 ? NULL : erg_graph_entity(g, (size_t)i);
}

static const erg_alias *alias(const erg_entity *e, const char *name)
{
    for (size_t i = 0; e && i < e->n_aliases; i++)
        if (strcmp(e->aliases[i].name, name) == 0)
            return &e->aliases[i];
    return NULL;
}

static const erg_edge *edge(const erg_graph *g, const char *a, const char *b, erg_kind kind)
{
    long x = erg_graph_find_key(g, a), y = erg_graph_find_key(g, b);
    for (size_t i = 0; x >= 0 && y >= 0 && i < erg_graph_edge_count(g); i++) {
        const erg_edge *d = erg_graph_edge(g, i);
        if (d->kind == kind && ((d->source == (uint32_t)x && d->target == (uint32_t)y) ||
                                (d->source == (uint32_t)y && d->target == (uint32_t)x)))
            return d;
    }
    return NULL;
}

/* ---- a small corpus; each function fills one article ---- */

#define N_ART 15

static const char *const texts[N_ART] = {
    "Tony Blair spoke. Blair said Gordon Brown agreed. Blair left.",
    "Blair met Gordon Brown. Blair smiled.",
    "Cherie Blair spoke. Blair laughed.",
    "Boris Johnson spoke. Johnson said so. Johnson left. Johnson came back.",
    "Alan Johnson spoke. Johnson said so. Johnson left.",
    "Johnson met Gordon Brown.",
    "Texaco Inc sued. Texaco said Pennzoil lied. Texaco appealed. Texaco won.",
    "Texaco and Pennzoil talked.",
    "The Tories met. The Tories won. South Downs Tories agreed. Tories cheered.",
    "Charles Kennedy spoke. Charles smiled. Charles met Wales and South Wales. Charles left.",
    "Merrill Lynch and Co said. Merrill Lynch agreed. Merrill Lynch left.",
    "Merrill Lynch and Co Inc said. Merrill Lynch agreed.",
    "Merrill Lynch rose.",
    "The U.S. Food and Drug Administration approved it. The U.S. Senate agreed. U.S. Trust Co "
    "rose.",
    "The Food and Drug Administration met the Senate. Trust Co fell. The FDA said so.",
};

static void fill(tb_article *t, int which)
{
    static char ids[N_ART][8];
    int ml;
    snprintf(ids[which], sizeof ids[which], "a%d", which);
    tb_init(t, ids[which], "2005-01-01", "BBC", texts[which]);
    switch (which) {
    case 0: {
        int tb = tb_ent(t, "tony blair", ERG_TYPE_PERSON);
        int gb = tb_ent(t, "gordon brown", ERG_TYPE_PERSON);
        tb_surf(t, tb, "Tony Blair", 1, ERG_TYPE_PERSON);
        tb_surf(t, tb, "Blair", 3, ERG_TYPE_PERSON);
        tb_surf(t, gb, "Gordon Brown", 1, ERG_TYPE_PERSON);
        co(t, tb, gb, "Blair said Gordon Brown agreed.", 2);
        break;
    }
    case 1: {
        int b = tb_ent(t, "blair", ERG_TYPE_PERSON);
        int gb = tb_ent(t, "gordon brown", ERG_TYPE_PERSON);
        tb_surf(t, b, "Blair", 2, ERG_TYPE_PERSON);
        tb_surf(t, gb, "Gordon Brown", 1, ERG_TYPE_PERSON);
        co(t, b, gb, "Blair met Gordon Brown.", 2);
        break;
    }
    case 2: {
        int cb = tb_ent(t, "cherie blair", ERG_TYPE_PERSON);
        tb_surf(t, cb, "Cherie Blair", 1, ERG_TYPE_PERSON);
        tb_surf(t, cb, "Blair", 1, ERG_TYPE_PERSON);
        break;
    }
    case 3: {
        int bj = tb_ent(t, "boris johnson", ERG_TYPE_PERSON);
        tb_surf(t, bj, "Boris Johnson", 1, ERG_TYPE_PERSON);
        tb_surf(t, bj, "Johnson", 3, ERG_TYPE_PERSON);
        break;
    }
    case 4: {
        int aj = tb_ent(t, "alan johnson", ERG_TYPE_PERSON);
        tb_surf(t, aj, "Alan Johnson", 1, ERG_TYPE_PERSON);
        tb_surf(t, aj, "Johnson", 2, ERG_TYPE_PERSON);
        break;
    }
    case 5: {
        int j = tb_ent(t, "johnson", ERG_TYPE_PERSON);
        int gb = tb_ent(t, "gordon brown", ERG_TYPE_PERSON);
        tb_surf(t, j, "Johnson", 1, ERG_TYPE_PERSON);
        tb_surf(t, gb, "Gordon Brown", 1, ERG_TYPE_PERSON);
        co(t, j, gb, "Johnson met Gordon Brown.", 2);
        break;
    }
    case 6: {
        int ti = tb_ent(t, "texaco inc", ERG_TYPE_AGENCY);
        int p = tb_ent(t, "pennzoil", ERG_TYPE_AGENCY);
        tb_surf(t, ti, "Texaco Inc", 1, ERG_TYPE_AGENCY);
        tb_surf(t, ti, "Texaco", 3, ERG_TYPE_AGENCY);
        tb_surf(t, p, "Pennzoil", 1, ERG_TYPE_AGENCY);
        co(t, ti, p, "Texaco said Pennzoil lied.", 2);
        break;
    }
    case 7: {
        int tx = tb_ent(t, "texaco", ERG_TYPE_AGENCY);
        int p = tb_ent(t, "pennzoil", ERG_TYPE_AGENCY);
        /* Far more mentions than the 3 of evidence: a legal-suffix claim needs no share. */
        tb_surf(t, tx, "Texaco", 20, ERG_TYPE_AGENCY);
        tb_surf(t, p, "Pennzoil", 1, ERG_TYPE_AGENCY);
        co(t, tx, p, "Texaco and Pennzoil talked.", 2);
        break;
    }
    case 8: {
        int tories = tb_ent(t, "tories", ERG_TYPE_AGENCY);
        int sdt = tb_ent(t, "south downs tories", ERG_TYPE_AGENCY);
        tb_surf(t, tories, "Tories", 12, ERG_TYPE_AGENCY);
        tb_surf(t, sdt, "South Downs Tories", 1, ERG_TYPE_AGENCY);
        tb_surf(t, sdt, "Tories", 2, ERG_TYPE_AGENCY);
        co(t, tories, sdt, "South Downs Tories agreed.", 2);
        break;
    }
    case 9: {
        int ck = tb_ent(t, "charles kennedy", ERG_TYPE_PERSON);
        int c = tb_ent(t, "charles", ERG_TYPE_PERSON);
        int w = tb_ent(t, "wales", ERG_TYPE_PLACE);
        int sw = tb_ent(t, "south wales", ERG_TYPE_PLACE);
        tb_surf(t, ck, "Charles Kennedy", 1, ERG_TYPE_PERSON);
        tb_surf(t, ck, "Charles", 2, ERG_TYPE_PERSON);
        tb_surf(t, c, "Charles", 1, ERG_TYPE_PERSON);
        tb_surf(t, w, "Wales", 1, ERG_TYPE_PLACE);
        tb_surf(t, sw, "South Wales", 1, ERG_TYPE_PLACE);
        tb_surf(t, sw, "Wales", 3, ERG_TYPE_PLACE);
        co(t, c, w, "Charles met Wales and South Wales.", 3);
        co(t, c, sw, "Charles met Wales and South Wales.", 3);
        co(t, w, sw, "Charles met Wales and South Wales.", 3);
        break;
    }
    case 10:
        ml = tb_ent(t, "merrill lynch and co", ERG_TYPE_AGENCY);
        tb_surf(t, ml, "Merrill Lynch and Co", 1, ERG_TYPE_AGENCY);
        tb_surf(t, ml, "Merrill Lynch", 2, ERG_TYPE_AGENCY);
        break;
    case 11:
        ml = tb_ent(t, "merrill lynch and co inc", ERG_TYPE_AGENCY);
        tb_surf(t, ml, "Merrill Lynch and Co Inc", 1, ERG_TYPE_AGENCY);
        tb_surf(t, ml, "Merrill Lynch", 1, ERG_TYPE_AGENCY);
        break;
    case 12:
        ml = tb_ent(t, "merrill lynch", ERG_TYPE_AGENCY);
        tb_surf(t, ml, "Merrill Lynch", 30, ERG_TYPE_AGENCY);
        break;
    case 13: {
        int fda = tb_ent(t, "us food and drug administration", ERG_TYPE_AGENCY);
        int sen = tb_ent(t, "us senate", ERG_TYPE_AGENCY);
        int tr = tb_ent(t, "us trust co", ERG_TYPE_AGENCY);
        tb_surf(t, fda, "U.S. Food and Drug Administration", 1, ERG_TYPE_AGENCY);
        tb_surf(t, sen, "U.S. Senate", 1, ERG_TYPE_AGENCY);
        tb_surf(t, tr, "U.S. Trust Co", 1, ERG_TYPE_AGENCY);
        break;
    }
    case 14: {
        int fda = tb_ent(t, "food and drug administration", ERG_TYPE_AGENCY);
        int sen = tb_ent(t, "senate", ERG_TYPE_AGENCY);
        int tr = tb_ent(t, "trust co", ERG_TYPE_AGENCY);
        tb_surf(t, fda, "Food and Drug Administration", 1, ERG_TYPE_AGENCY);
        tb_surf(t, fda, "FDA", 1, ERG_TYPE_AGENCY);
        tb_surf(t, sen, "Senate", 1, ERG_TYPE_AGENCY);
        tb_surf(t, tr, "Trust Co", 1, ERG_TYPE_AGENCY);
        co(t, fda, sen, "The Food and Drug Administration met the Senate.", 2);
        break;
    }
    }
}

static void add(erg_graph *g, int which)
{
    static tb_article t;
    fill(&t, which);
    tb_add(g, &t);
}

static erg_graph *corpus(bool fold)
{
    erg_graph *g = new_graph(fold);
    for (int i = 0; i < N_ART; i++)
        add(g, i);
    finish(g);
    return g;
}

START_TEST(short_form_folds_into_its_owner)
{
    erg_graph *g = corpus(true);
    ck_assert_ptr_null(entity(g, "blair"));
    const erg_entity *tb = entity(g, "tony blair");
    ck_assert_ptr_nonnull(tb);
    ck_assert_str_eq(tb->name, "Tony Blair");
    ck_assert_uint_eq(tb->mentions, 4 + 2);
    ck_assert_uint_eq(tb->articles, 2);
    const erg_alias *a = alias(tb, "Blair");
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_eq(a->count, 3 + 2);
    /* Joined in an article first, so that is the rule shown. */
    ck_assert_int_eq(a->rule, ERG_FOLD_ARTICLE);
    ck_assert_int_eq(alias(tb, "Tony Blair")->rule, ERG_FOLD_KEY);
    /* Both articles' sentences with Gordon Brown are now one edge of Tony Blair's. */
    const erg_edge *d = edge(g, "tony blair", "gordon brown", ERG_KIND_CO_MENTION);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->count, 2);
    ck_assert_uint_eq(d->wunits, 2u * ERG_WEIGHT_UNIT);
    ck_assert_uint_eq(d->articles, 2);
    ck_assert_uint_eq(d->n_evidence, 2);
    /* Cherie Blair keeps her own node. */
    ck_assert_ptr_nonnull(entity(g, "cherie blair"));
    erg_graph_free(g);
}
END_TEST

START_TEST(legal_suffix_with_evidence_folds)
{
    erg_graph *g = corpus(true);
    ck_assert_ptr_null(entity(g, "texaco"));
    const erg_entity *t = entity(g, "texaco inc");
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(t->mentions, 4 + 20);
    ck_assert_int_eq(alias(t, "Texaco")->rule, ERG_FOLD_ARTICLE);
    const erg_edge *d = edge(g, "texaco inc", "pennzoil", ERG_KIND_CO_MENTION);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->count, 2);
    erg_graph_free(g);
}
END_TEST

START_TEST(legal_forms_of_one_company_are_one_node)
{
    erg_graph *g = corpus(true);
    /* The two legal forms, and the name without them, whatever its own count. */
    ck_assert_ptr_null(entity(g, "merrill lynch and co inc"));
    ck_assert_ptr_null(entity(g, "merrill lynch"));
    const erg_entity *m = entity(g, "merrill lynch and co");
    ck_assert_ptr_nonnull(m);
    ck_assert_uint_eq(m->mentions, 3 + 2 + 30);
    ck_assert_uint_eq(m->articles, 3);
    ck_assert_int_eq(alias(m, "Merrill Lynch and Co Inc")->rule, ERG_FOLD_LEGAL);
    ck_assert_uint_eq(alias(m, "Merrill Lynch")->count, 2 + 1 + 30);
    erg_graph_free(g);
}
END_TEST

START_TEST(country_initials_before_a_body_are_one_node)
{
    erg_graph *g = corpus(true);
    /* Into the one with more mentions; the other's forms carry the rule. */
    ck_assert_ptr_null(entity(g, "us food and drug administration"));
    const erg_entity *f = entity(g, "food and drug administration");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(f->mentions, 1 + 2);
    ck_assert_uint_eq(f->articles, 2);
    ck_assert_int_eq(alias(f, "U.S. Food and Drug Administration")->rule, ERG_FOLD_COUNTRY);
    /* One word left is every country's body; a company may carry the initials. */
    ck_assert_ptr_nonnull(entity(g, "us senate"));
    ck_assert_ptr_nonnull(entity(g, "senate"));
    ck_assert_ptr_nonnull(entity(g, "us trust co"));
    ck_assert_ptr_nonnull(entity(g, "trust co"));
    erg_graph_free(g);
}
END_TEST

START_TEST(comparable_claims_leave_an_ambiguous_node)
{
    erg_graph *g = corpus(true);
    const erg_entity *j = entity(g, "johnson");
    ck_assert_ptr_nonnull(j);
    ck_assert(j->ambiguous);
    ck_assert(!entity(g, "boris johnson")->ambiguous);
    ck_assert_ptr_nonnull(edge(g, "johnson", "gordon brown", ERG_KIND_CO_MENTION));
    /* The flag survives the native file. */
    char *b = tb_json(g);
    ck_assert_ptr_nonnull(strstr(b, "\"ambiguous\":true"));
    FILE *f = fmemopen(b, strlen(b), "r");
    erg_graph *h;
    erg_error err;
    erg_error_clear(&err);
    ck_assert_int_eq(erg_graph_load_stream(&h, f, "mem", &err), ERG_OK);
    fclose(f);
    ck_assert(entity(h, "johnson")->ambiguous);
    char *b2 = tb_json(h);
    ck_assert_str_eq(b, b2);
    free(b);
    free(b2);
    erg_graph_free(h);
    erg_graph_free(g);
}
END_TEST

START_TEST(weak_claims_places_and_first_names_stay)
{
    erg_graph *g = corpus(true);
    /* 2 mentions of evidence against 12 of the node's own. */
    ck_assert_ptr_nonnull(entity(g, "tories"));
    ck_assert(!entity(g, "tories")->ambiguous);
    ck_assert_ptr_nonnull(entity(g, "wales"));
    ck_assert_ptr_nonnull(entity(g, "charles"));
    erg_graph_free(g);
}
END_TEST

START_TEST(switched_off_nothing_folds)
{
    erg_graph *g = corpus(false);
    ck_assert_ptr_nonnull(entity(g, "blair"));
    ck_assert_ptr_nonnull(entity(g, "texaco"));
    ck_assert(!entity(g, "johnson")->ambiguous);
    ck_assert_ptr_nonnull(edge(g, "blair", "gordon brown", ERG_KIND_CO_MENTION));
    erg_graph_free(g);
}
END_TEST

START_TEST(any_order_and_any_sharding_give_the_same_bytes)
{
    erg_graph *g = corpus(true);
    char *want = tb_json(g);
    erg_graph_free(g);

    /* Reversed, and a fixed shuffle. */
    static const int orders[2][N_ART] = {{14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
                                         {6, 13, 11, 2, 9, 0, 14, 12, 4, 7, 1, 10, 8, 5, 3}};
    for (int o = 0; o < 2; o++) {
        erg_graph *h = new_graph(true);
        for (int i = 0; i < N_ART; i++)
            add(h, orders[o][i]);
        finish(h);
        char *got = tb_json(h);
        ck_assert_msg(strcmp(want, got) == 0, "order %d gives other bytes", o);
        free(got);
        erg_graph_free(h);
    }

    /* Four shards, merged as (s0 + s1) + (s2 + s3) and as s3 + (s2 + (s1 + s0)). */
    static const int shard_of[N_ART] = {2, 0, 3, 1, 0, 2, 1, 3, 0, 1, 3, 2, 0, 1, 3};
    erg_error err;
    erg_error_clear(&err);
    for (int grouping = 0; grouping < 2; grouping++) {
        erg_graph *s[4];
        for (int k = 0; k < 4; k++)
            s[k] = new_graph(true);
        for (int i = 0; i < N_ART; i++)
            add(s[shard_of[i]], i);
        erg_graph *top;
        if (grouping == 0) {
            ck_assert_int_eq(erg_graph_merge(s[0], s[1], &err), ERG_OK);
            ck_assert_int_eq(erg_graph_merge(s[2], s[3], &err), ERG_OK);
            ck_assert_int_eq(erg_graph_merge(s[0], s[2], &err), ERG_OK);
            top = s[0];
        } else {
            ck_assert_int_eq(erg_graph_merge(s[1], s[0], &err), ERG_OK);
            ck_assert_int_eq(erg_graph_merge(s[2], s[1], &err), ERG_OK);
            ck_assert_int_eq(erg_graph_merge(s[3], s[2], &err), ERG_OK);
            top = s[3];
        }
        finish(top);
        char *got = tb_json(top);
        ck_assert_msg(strcmp(want, got) == 0, "grouping %d gives other bytes", grouping);
        free(got);
        for (int k = 0; k < 4; k++)
            erg_graph_free(s[k]);
    }
    free(want);
}
END_TEST

/*
 * With corpus resolution, a typed edge whose end the corpus types otherwise
 * is dropped: "Vela" read once as an outlet that reported, three times as an
 * agency. And a cites record from the article's own outlet
 * (ERG_RELATE_ARTICLE_OUTLET) goes from the outlet the article names.
 */
static erg_graph *misfit_corpus(bool fold)
{
    erg_graph *g = new_graph(fold);
    static const char *const ids[] = {"v1", "v2", "v3", "v4"};
    static const char *const vela_texts[] = {"Vela reported that Ann Tarn won. The Post said so.",
                                             "The Vela board met. Ann Tarn spoke.",
                                             "The Vela board met again.", "Vela sold shares."};
    for (int k = 0; k < 4; k++) {
        tb_article t;
        tb_init(&t, ids[k], "2020-01-01", "Tarn Wire", vela_texts[k]);
        t.art.outlet = "Tarn Wire";
        int v = tb_ent(&t, "vela", k == 0 ? ERG_TYPE_OUTLET : ERG_TYPE_AGENCY);
        tb_surf(&t, v, "Vela", 1, k == 0 ? ERG_TYPE_OUTLET : ERG_TYPE_AGENCY);
        if (k == 0) {
            int a = tb_ent(&t, "ann tarn", ERG_TYPE_PERSON);
            tb_surf(&t, a, "Ann Tarn", 1, ERG_TYPE_PERSON);
            int p = tb_ent(&t, "post", ERG_TYPE_OUTLET);
            tb_surf(&t, p, "Post", 1, ERG_TYPE_OUTLET);
            tb_rel(&t, v, a, ERG_KIND_REPORTS, "Vela reported that Ann Tarn won.");
            tb_rel(&t, v, p, ERG_KIND_CITES, "Vela reported that Ann Tarn won.");
            tb_rel(&t, 0, p, ERG_KIND_CITES, "The Post said so.");
            t.ritems[t.rels.n - 1].a = ERG_RELATE_ARTICLE_OUTLET;
        }
        tb_add(g, &t);
    }
    finish(g);
    return g;
}

START_TEST(typed_edges_must_fit_the_corpus_types)
{
    erg_graph *g = misfit_corpus(true);
    ck_assert_int_eq(entity(g, "vela")->type, ERG_TYPE_AGENCY);
    ck_assert_ptr_null(edge(g, "vela", "ann tarn", ERG_KIND_REPORTS));
    ck_assert_ptr_null(edge(g, "vela", "post", ERG_KIND_CITES));
    const erg_edge *d = edge(g, "tarn wire", "post", ERG_KIND_CITES);
    ck_assert_ptr_nonnull(d);
    ck_assert_uint_eq(d->source, (uint32_t)erg_graph_find_key(g, "tarn wire"));
    /* The article's outlet is a node the articles never name: no mention, no article. */
    const erg_entity *w = entity(g, "tarn wire");
    ck_assert_int_eq(w->type, ERG_TYPE_OUTLET);
    ck_assert_uint_eq(w->mentions, 0);
    ck_assert_uint_eq(w->articles, 0);
    erg_graph_free(g);

    /* Without corpus resolution the graph keeps what the articles said. */
    g = misfit_corpus(false);
    ck_assert_ptr_nonnull(edge(g, "vela", "ann tarn", ERG_KIND_REPORTS));
    ck_assert_ptr_nonnull(edge(g, "tarn wire", "post", ERG_KIND_CITES));
    erg_graph_free(g);
}
END_TEST

START_TEST(bad_arguments)
{
    erg_error err;
    erg_error_clear(&err);
    ck_assert_int_eq(erg_graph_set_corpus_resolve(NULL, true, NULL, 0, &err), ERG_EINVAL);
    erg_graph *g = new_graph(true);
    ck_assert_int_eq(erg_graph_set_corpus_resolve(g, true, NULL, 2, &err), ERG_EINVAL);
    const char *const with_null[] = {"Inc", NULL};
    ck_assert_int_eq(erg_graph_set_corpus_resolve(g, true, with_null, 2, &err), ERG_EINVAL);
    ck_assert_str_eq(erg_fold_name(ERG_FOLD_LEGAL), "legal-suffix");
    ck_assert_str_eq(erg_fold_name(ERG_FOLD_COUNTRY), "country");
    ck_assert_ptr_null(erg_fold_name(ERG_FOLD_COUNT));
    erg_fold f;
    ck_assert_int_eq(erg_fold_parse("short-form", &f), ERG_OK);
    ck_assert_int_eq(f, ERG_FOLD_SHORT_FORM);
    ck_assert_int_eq(erg_fold_parse("nonsense", &f), ERG_EINVAL);
    erg_graph_free(g);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fold");
    TCase *tc = tcase_create("fold");
    tcase_add_test(tc, short_form_folds_into_its_owner);
    tcase_add_test(tc, legal_suffix_with_evidence_folds);
    tcase_add_test(tc, legal_forms_of_one_company_are_one_node);
    tcase_add_test(tc, country_initials_before_a_body_are_one_node);
    tcase_add_test(tc, comparable_claims_leave_an_ambiguous_node);
    tcase_add_test(tc, weak_claims_places_and_first_names_stay);
    tcase_add_test(tc, switched_off_nothing_folds);
    tcase_add_test(tc, any_order_and_any_sharding_give_the_same_bytes);
    tcase_add_test(tc, typed_edges_must_fit_the_corpus_types);
    tcase_add_test(tc, bad_arguments);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
