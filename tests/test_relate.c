/*
 * test_relate.c: co-mention windows and typed relations (relate module).
 *
 * Documents are tokenized with erg_text_tokenize; mentions and entities are
 * written by hand, so these tests measure the patterns and not the tagger.
 */
#include "erg/relate.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ENTS 64

/* A tokenized text with hand-made mentions and entities. */
typedef struct fx {
    char *text;
    size_t len;
    erg_doc doc;
    erg_mentions ms;
    erg_local_entities ents;
    erg_relations rels;
} fx;

static void fx_init(fx *f, const char *text, size_t len)
{
    memset(f, 0, sizeof *f);
    f->text = malloc(len + 1);
    ck_assert_ptr_nonnull(f->text);
    memcpy(f->text, text, len);
    f->text[len] = '\0';
    f->len = len;
    erg_doc_init(&f->doc);
    ck_assert_int_eq(erg_text_tokenize(&f->doc, f->text, f->len, NULL), ERG_OK);
    f->ms.cap = 256;
    f->ms.items = calloc(f->ms.cap, sizeof *f->ms.items);
    f->ents.cap = MAX_ENTS;
    f->ents.items = calloc(MAX_ENTS, sizeof *f->ents.items);
    ck_assert(f->ms.items && f->ents.items);
    erg_relations_init(&f->rels);
}

static void fx_text(fx *f, const char *text)
{
    fx_init(f, text, strlen(text));
}

static void fx_release(fx *f)
{
    free(f->text);
    erg_doc_release(&f->doc);
    free(f->ms.items);
    free(f->ents.items);
    erg_relations_release(&f->rels);
}

/* The entity named name, added with type t when it is new. */
static int32_t ent(fx *f, const char *name, erg_type t)
{
    for (size_t i = 0; i < f->ents.n; i++)
        if (strcmp(f->ents.items[i].name, name) == 0)
            return (int32_t)i;
    ck_assert_uint_lt(f->ents.n, MAX_ENTS);
    erg_local_entity *e = &f->ents.items[f->ents.n];
    e->name = (char *)name;
    e->key = (char *)name;
    e->type = t;
    e->mentions = 1;
    return (int32_t)f->ents.n++;
}

static bool overlaps(const fx *f, uint32_t a, uint32_t b)
{
    for (size_t i = 0; i < f->ms.n; i++)
        if (a < f->ms.items[i].tok_end && f->ms.items[i].tok_first < b)
            return true;
    return false;
}

/*
 * Adds a mention over bytes [start, start + n) when they are whole tokens of
 * one sentence and overlap no mention yet; returns whether it did.
 */
static bool mention_at_bytes(fx *f, size_t start, size_t n, erg_type t, int32_t entity)
{
    const erg_doc *d = &f->doc;
    uint32_t first = UINT32_MAX, end = UINT32_MAX;
    for (uint32_t k = 0; k < d->n_tokens; k++) {
        if (d->tokens[k].start == start)
            first = k;
        if (d->tokens[k].end == start + n)
            end = k + 1;
    }
    if (first == UINT32_MAX || end == UINT32_MAX || end <= first || overlaps(f, first, end))
        return false;
    uint32_t s = 0;
    while (s < d->n_sentences && d->sentences[s].end <= first)
        s++;
    ck_assert_uint_lt(s, d->n_sentences);
    ck_assert_uint_le(end, d->sentences[s].end);
    ck_assert_uint_lt(f->ms.n, f->ms.cap);
    erg_mention *m = &f->ms.items[f->ms.n++];
    m->start = (uint32_t)start;
    m->end = (uint32_t)(start + n);
    m->tok_first = first;
    m->tok_end = end;
    m->sentence = s;
    m->type = t;
    m->cls = t == ERG_TYPE_PERSON  ? ERG_CLASS_PER
             : t == ERG_TYPE_PLACE ? ERG_CLASS_LOC
             : t == ERG_TYPE_MISC  ? ERG_CLASS_MISC
                                   : ERG_CLASS_ORG;
    m->entity = entity;
    return true;
}

/*
 * Marks every whole-token occurrence of surface (not inside an earlier
 * mention) as a mention of the entity name (type t; misc has no entity).
 * Returns the number of mentions added.
 */
static int mark(fx *f, const char *surface, const char *name, erg_type t)
{
    int32_t e = t == ERG_TYPE_MISC ? -1 : ent(f, name, t);
    size_t n = strlen(surface);
    int added = 0;
    for (const char *p = strstr(f->text, surface); p; p = strstr(p + 1, surface))
        if (mention_at_bytes(f, (size_t)(p - f->text), n, t, e))
            added++;
    return added;
}

static int by_start(const void *a, const void *b)
{
    const erg_mention *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static void sort_mentions(fx *f)
{
    qsort(f->ms.items, f->ms.n, sizeof *f->ms.items, by_start);
}

static void typed(fx *f, unsigned mask)
{
    sort_mentions(f);
    f->rels.n = 0;
    ck_assert_int_eq(erg_relate_typed(f->text, &f->doc, &f->ms, &f->ents, mask, &f->rels, NULL),
                     ERG_OK);
}

/* The first relation of kind from entity a to b (by name), or NULL. */
static const erg_relation *find(const fx *f, erg_kind k, const char *a, const char *b)
{
    for (size_t i = 0; i < f->rels.n; i++) {
        const erg_relation *r = &f->rels.items[i];
        if (r->kind == k && strcmp(f->ents.items[r->a].name, a) == 0 &&
            strcmp(f->ents.items[r->b].name, b) == 0)
            return r;
    }
    return NULL;
}

static size_t count_kind(const fx *f, erg_kind k)
{
    size_t n = 0;
    for (size_t i = 0; i < f->rels.n; i++)
        n += f->rels.items[i].kind == k;
    return n;
}

/* Whether the evidence of r holds needle. */
static bool evidence_has(const fx *f, const erg_relation *r, const char *needle)
{
    ck_assert_uint_le(r->start, r->end);
    ck_assert_uint_le(r->end, f->len);
    size_t n = strlen(needle);
    for (size_t i = r->start; i + n <= r->end; i++)
        if (memcmp(f->text + i, needle, n) == 0)
            return true;
    return false;
}

/* ---- the seed article ------------------------------------------------------ */

static void seed(fx *f)
{
    const char *dir = getenv("FIXTURES");
    ck_assert_ptr_nonnull(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/articles/defector-article.txt", dir);
    char *data = NULL;
    size_t len = 0;
    ck_assert_int_eq(erg_read_file(path, &data, &len, NULL), ERG_OK);
    fx_init(f, data, len);
    free(data);
    /* Longer names first, so that "North Korean" is not taken for "North Korea". */
    ck_assert_int_eq(
        mark(f, "General Reconnaissance Bureau", "General Reconnaissance Bureau", ERG_TYPE_AGENCY),
        2);
    ck_assert_int_eq(
        mark(f, "Sony Pictures Entertainment", "Sony Pictures Entertainment", ERG_TYPE_AGENCY), 1);
    ck_assert_int_eq(mark(f, "Unification Ministry", "Unification Ministry", ERG_TYPE_AGENCY), 2);
    ck_assert_int_eq(mark(f, "Jeong Joon-hee", "Jeong Joon-hee", ERG_TYPE_PERSON), 1);
    ck_assert_int_eq(mark(f, "Kim Jong-un", "Kim Jong-un", ERG_TYPE_PERSON), 1);
    ck_assert_int_eq(mark(f, "Park Geun-hye", "Park Geun-hye", ERG_TYPE_PERSON), 1);
    ck_assert_int_eq(mark(f, "South Koreans", NULL, ERG_TYPE_MISC), 1);
    ck_assert_int_ge(mark(f, "North Korean", NULL, ERG_TYPE_MISC), 4);
    ck_assert_int_ge(mark(f, "South Korean", NULL, ERG_TYPE_MISC), 4);
    ck_assert_int_eq(mark(f, "Korean", NULL, ERG_TYPE_MISC), 1);
    ck_assert_int_eq(mark(f, "Fox News", "Fox News", ERG_TYPE_OUTLET), 2);
    ck_assert_int_eq(mark(f, "CNN", "CNN", ERG_TYPE_OUTLET), 2);
    ck_assert_int_eq(mark(f, "Reuters", "Reuters", ERG_TYPE_OUTLET), 2);
    ck_assert_int_eq(mark(f, "NPR", "NPR", ERG_TYPE_OUTLET), 2);
    ck_assert_int_eq(mark(f, "Yonhap", "Yonhap", ERG_TYPE_OUTLET), 1);
    ck_assert_int_eq(mark(f, "Minjoo", "Minjoo", ERG_TYPE_AGENCY), 1);
    ck_assert_int_eq(mark(f, "South Korea", "South Korea", ERG_TYPE_PLACE), 5);
    ck_assert_int_eq(mark(f, "North Korea", "North Korea", ERG_TYPE_PLACE), 1);
    ck_assert_int_eq(mark(f, "South", "South Korea", ERG_TYPE_PLACE), 2); /* "the South" */
    ck_assert_int_eq(mark(f, "Pyongyang", "Pyongyang", ERG_TYPE_PLACE), 2);
    ck_assert_int_eq(mark(f, "Seoul", "Seoul", ERG_TYPE_PLACE), 2);
    ck_assert_int_eq(mark(f, "Africa", "Africa", ERG_TYPE_PLACE), 1);
    /* What the resolver does: "the Kim regime", "Park's government". */
    ck_assert_int_eq(mark(f, "Kim", "Kim Jong-un", ERG_TYPE_PERSON), 1);
    ck_assert_int_eq(mark(f, "Park", "Park Geun-hye", ERG_TYPE_PERSON), 1);
}

START_TEST(test_seed_relations)
{
    fx f;
    seed(&f);
    typed(&f, ERG_TYPES_DEFAULT);
    static const struct {
        erg_kind k;
        const char *a, *b;
    } want[] = {
        {ERG_KIND_SPOKESPERSON_FOR, "Jeong Joon-hee", "Unification Ministry"},
        {ERG_KIND_CITES, "CNN", "Yonhap"},
        {ERG_KIND_ACCUSES, "Minjoo", "Park Geun-hye"},
        {ERG_KIND_REPORTS, "Fox News", "General Reconnaissance Bureau"},
        {ERG_KIND_REPORTS, "Fox News", "Sony Pictures Entertainment"},
        {ERG_KIND_REPORTS, "Fox News", "Kim Jong-un"},
        {ERG_KIND_REPORTS, "Reuters", "Minjoo"},
        {ERG_KIND_REPORTS, "Reuters", "Park Geun-hye"},
        {ERG_KIND_REPORTS, "NPR", "Kim Jong-un"},
        {ERG_KIND_REPORTS, "NPR", "Unification Ministry"},
    };
    size_t n_want = sizeof want / sizeof want[0];
    for (size_t i = 0; i < n_want; i++)
        ck_assert_msg(find(&f, want[i].k, want[i].a, want[i].b), "missing %s -%s-> %s", want[i].a,
                      erg_kind_name(want[i].k), want[i].b);
    /* Nothing else: every typed record is one of the expected edges. */
    for (size_t i = 0; i < f.rels.n; i++) {
        const erg_relation *r = &f.rels.items[i];
        bool expected = false;
        for (size_t j = 0; j < n_want && !expected; j++)
            expected = r->kind == want[j].k && strcmp(f.ents.items[r->a].name, want[j].a) == 0 &&
                       strcmp(f.ents.items[r->b].name, want[j].b) == 0;
        ck_assert_msg(expected, "unexpected %s -%s-> %s", f.ents.items[r->a].name,
                      erg_kind_name(r->kind), f.ents.items[r->b].name);
    }
    ck_assert_uint_eq(f.rels.n, n_want);

    const erg_relation *r =
        find(&f, ERG_KIND_SPOKESPERSON_FOR, "Jeong Joon-hee", "Unification Ministry");
    ck_assert(evidence_has(&f, r, "Unification Ministry spokesman Jeong Joon-hee"));
    ck_assert(!evidence_has(&f, r, "NPR adds"));
    r = find(&f, ERG_KIND_CITES, "CNN", "Yonhap");
    ck_assert(evidence_has(&f, r, "CNN further quotes South Korea"));
    ck_assert(!evidence_has(&f, r, "Reuters describes"));
    /* The quotation before "Fox News reports" and the one after it. */
    r = find(&f, ERG_KIND_REPORTS, "Fox News", "General Reconnaissance Bureau");
    ck_assert(evidence_has(&f, r, "worked for the North Korean military"));
    ck_assert(evidence_has(&f, r, "Fox News reports"));
    r = find(&f, ERG_KIND_REPORTS, "Fox News", "Sony Pictures Entertainment");
    ck_assert(evidence_has(&f, r, "Fox News reports"));
    ck_assert(evidence_has(&f, r, "Sony Pictures Entertainment"));
    ck_assert(!evidence_has(&f, r, "The officer is believed"));
    r = find(&f, ERG_KIND_REPORTS, "Fox News", "Kim Jong-un");
    ck_assert(evidence_has(&f, r, "As Fox News reports"));
    ck_assert(evidence_has(&f, r, "Kim regime"));
    r = find(&f, ERG_KIND_ACCUSES, "Minjoo", "Park Geun-hye");
    ck_assert(evidence_has(&f, r, "has accused the government of conservative President"));
    ck_assert(!evidence_has(&f, r, "Park’s government has denied"));
    fx_release(&f);
}
END_TEST

START_TEST(test_seed_places_only_when_asked)
{
    fx f;
    seed(&f);
    typed(&f, ERG_TYPES_DEFAULT);
    ck_assert_ptr_null(find(&f, ERG_KIND_REPORTS, "CNN", "Seoul"));
    typed(&f, ERG_TYPES_DEFAULT | ERG_TYPE_BIT(ERG_TYPE_PLACE));
    /* "The government in Seoul is still ..., as CNN notes ..." */
    const erg_relation *r = find(&f, ERG_KIND_REPORTS, "CNN", "Seoul");
    ck_assert_ptr_nonnull(r);
    ck_assert(evidence_has(&f, r, "as CNN notes"));
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_REPORTS, "Reuters", "South Korea"));
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_REPORTS, "Fox News", "Pyongyang"));
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_REPORTS, "NPR", "Africa"));
    /* Outlets are cited, never reported on; nationalities are no entities. */
    ck_assert_ptr_null(find(&f, ERG_KIND_REPORTS, "CNN", "Yonhap"));
    ck_assert_ptr_null(find(&f, ERG_KIND_REPORTS, "Yonhap", "South Korea"));
    fx_release(&f);
}
END_TEST

START_TEST(test_seed_relate_article_adds_typed_after_co_mentions)
{
    fx f;
    seed(&f);
    sort_mentions(&f);
    ck_assert_int_eq(erg_relate_article(f.text, &f.doc, &f.ms, &f.ents, ERG_WINDOW_SENTENCE,
                                        ERG_TYPES_DEFAULT, &f.rels, NULL),
                     ERG_OK);
    size_t co = count_kind(&f, ERG_KIND_CO_MENTION);
    ck_assert_uint_gt(co, 0);
    ck_assert_uint_eq(f.rels.n - co, 10);
    for (size_t i = 0; i < co; i++)
        ck_assert_int_eq(f.rels.items[i].kind, ERG_KIND_CO_MENTION);
    ck_assert_ptr_nonnull(
        find(&f, ERG_KIND_SPOKESPERSON_FOR, "Jeong Joon-hee", "Unification Ministry"));
    fx_release(&f);
}
END_TEST

/* ---- single sentences ------------------------------------------------------ */

/*
 * A small text with the usual cast: mentions of these names wherever they
 * appear as whole tokens.
 */
static void cast(fx *f, const char *text)
{
    fx_text(f, text);
    static const struct {
        const char *s;
        erg_type t;
    } names[] = {
        {"Unification Ministry", ERG_TYPE_AGENCY},
        {"Defense Ministry", ERG_TYPE_AGENCY},
        {"General Reconnaissance Bureau", ERG_TYPE_AGENCY},
        {"GRB", ERG_TYPE_AGENCY},
        {"Minjoo", ERG_TYPE_AGENCY},
        {"Jeong Joon-hee", ERG_TYPE_PERSON},
        {"Kim Yong-chol", ERG_TYPE_PERSON},
        {"Lee Eun-ju", ERG_TYPE_PERSON},
        {"Park Geun-hye", ERG_TYPE_PERSON},
        {"Ri", ERG_TYPE_PERSON},
        {"Jeff Zucker", ERG_TYPE_PERSON},
        {"Reuters", ERG_TYPE_OUTLET},
        {"Yonhap", ERG_TYPE_OUTLET},
        {"CNN", ERG_TYPE_OUTLET},
        {"Seoul", ERG_TYPE_PLACE},
        {"North Korean", ERG_TYPE_MISC},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        mark(f, names[i].s, names[i].s, names[i].t);
    typed(f, ERG_TYPES_DEFAULT);
}

/* Asserts that text gives exactly one typed relation: a -k-> b. */
static void expect_one(const char *text, erg_kind k, const char *a, const char *b)
{
    fx f;
    cast(&f, text);
    ck_assert_msg(find(&f, k, a, b), "no %s -%s-> %s in \"%s\"", a, erg_kind_name(k), b, text);
    ck_assert_msg(f.rels.n == 1, "%zu relations in \"%s\", first %s -%s-> %s", f.rels.n, text,
                  f.ents.items[f.rels.items[0].a].name, erg_kind_name(f.rels.items[0].kind),
                  f.ents.items[f.rels.items[0].b].name);
    fx_release(&f);
}

/* Asserts that text gives no typed relation of kind k (any kind: ERG_KIND_COUNT). */
static void expect_none(const char *text, erg_kind k)
{
    fx f;
    cast(&f, text);
    for (size_t i = 0; i < f.rels.n; i++) {
        const erg_relation *r = &f.rels.items[i];
        ck_assert_msg(k != ERG_KIND_COUNT && r->kind != k, "unexpected %s -%s-> %s in \"%s\"",
                      f.ents.items[r->a].name, erg_kind_name(r->kind), f.ents.items[r->b].name,
                      text);
    }
    fx_release(&f);
}

START_TEST(test_spokesperson_patterns)
{
    expect_one("Unification Ministry spokeswoman Lee Eun-ju said so.", ERG_KIND_SPOKESPERSON_FOR,
               "Lee Eun-ju", "Unification Ministry");
    expect_one("Jeong Joon-hee, a spokesman for the Unification Ministry, said so.",
               ERG_KIND_SPOKESPERSON_FOR, "Jeong Joon-hee", "Unification Ministry");
    expect_one("Lee Eun-ju, spokesperson of the GRB, denied it.", ERG_KIND_SPOKESPERSON_FOR,
               "Lee Eun-ju", "GRB");
    expect_one("Jeong Joon-hee, the Unification Ministry spokesman, said so.",
               ERG_KIND_SPOKESPERSON_FOR, "Jeong Joon-hee", "Unification Ministry");
    expect_one("A spokesman for the Unification Ministry, Jeong Joon-hee, said so.",
               ERG_KIND_SPOKESPERSON_FOR, "Jeong Joon-hee", "Unification Ministry");
    expect_one("Jeong Joon-hee is the deputy spokesman of the Unification Ministry.",
               ERG_KIND_SPOKESPERSON_FOR, "Jeong Joon-hee", "Unification Ministry");
}
END_TEST

START_TEST(test_no_spokesperson_without_cue)
{
    expect_none("Jeong Joon-hee met the Unification Ministry on Monday.", ERG_KIND_COUNT);
    expect_none("The Unification Ministry said Jeong Joon-hee would attend.", ERG_KIND_COUNT);
    expect_none("Jeong Joon-hee, who criticized the Unification Ministry, said so.",
                ERG_KIND_COUNT);
    expect_one("Unification Ministry official Jeong Joon-hee said so.", ERG_KIND_MEMBER_OF,
               "Jeong Joon-hee", "Unification Ministry");
}
END_TEST

START_TEST(test_no_relation_across_sentences)
{
    expect_none("He called the Unification Ministry spokesman. Jeong Joon-hee did not answer.",
                ERG_KIND_COUNT);
    expect_none("Kim Yong-chol worked for years. The GRB denies it.", ERG_KIND_COUNT);
    expect_none("Minjoo has accused the government. Park Geun-hye denied it.", ERG_KIND_COUNT);
    expect_none("Reuters reports that talks failed. The GRB denies it.", ERG_KIND_COUNT);
}
END_TEST

START_TEST(test_ambiguous_cases_left_out)
{
    /* Whose spokesman? */
    expect_none("The Unification Ministry and Defense Ministry spokesman Jeong Joon-hee said so.",
                ERG_KIND_COUNT);
    expect_none("Jeong Joon-hee, a spokesman for the Unification Ministry and the GRB, said so.",
                ERG_KIND_COUNT);
    /* A spokesman for something of the ministry's, not for the ministry. */
    expect_none("Jeong Joon-hee, a spokesman for the Unification Ministry's Seoul office, said so.",
                ERG_KIND_COUNT);
    /* The head of the GRB, then a list: Kim may be a second person. */
    expect_none("He met the head of the GRB, Kim Yong-chol, and Lee Eun-ju.", ERG_KIND_COUNT);
    /* The GRB names a delegation, not the organization Kim leads. */
    expect_none("Kim Yong-chol leads the GRB delegation.", ERG_KIND_COUNT);
    /* "wife of the director" is not "director of". */
    expect_none("Lee Eun-ju, the wife of the director of the GRB, said so.", ERG_KIND_COUNT);
}
END_TEST

START_TEST(test_member_of_patterns)
{
    expect_one("Kim Yong-chol works for the GRB.", ERG_KIND_MEMBER_OF, "Kim Yong-chol", "GRB");
    expect_one("Kim Yong-chol, a colonel in the General Reconnaissance Bureau, defected.",
               ERG_KIND_MEMBER_OF, "Kim Yong-chol", "General Reconnaissance Bureau");
    expect_one("The GRB's Colonel Ri defected.", ERG_KIND_MEMBER_OF, "Ri", "GRB");
    expect_one("GRB Colonel Ri defected.", ERG_KIND_MEMBER_OF, "Ri", "GRB");
    expect_one("Kim Yong-chol of the GRB defected.", ERG_KIND_MEMBER_OF, "Kim Yong-chol", "GRB");
    expect_one("Kim Yong-chol was a senior intelligence officer in the GRB until 2015.",
               ERG_KIND_MEMBER_OF, "Kim Yong-chol", "GRB");
    expect_one("Kim Yong-chol, who was assigned to the GRB, defected.", ERG_KIND_MEMBER_OF,
               "Kim Yong-chol", "GRB");
    /* A verb of the [as_verbs] section of data/relate_cues.txt, then "as": a copula. */
    expect_one("Kim Yong-chol worked as an analyst at the GRB.", ERG_KIND_MEMBER_OF,
               "Kim Yong-chol", "GRB");
    expect_one("Lee Eun-ju is serving as spokeswoman for the GRB.", ERG_KIND_SPOKESPERSON_FOR,
               "Lee Eun-ju", "GRB");
    /* One of several leaders, or a deputy, is a member. */
    expect_one("Kim Yong-chol, a director of the GRB, defected.", ERG_KIND_MEMBER_OF,
               "Kim Yong-chol", "GRB");
    expect_one("GRB deputy director Kim Yong-chol defected.", ERG_KIND_MEMBER_OF, "Kim Yong-chol",
               "GRB");
    expect_one("GRB commander Kim Yong-chol defected.", ERG_KIND_MEMBER_OF, "Kim Yong-chol", "GRB");
    expect_one("CNN correspondent Lee Eun-ju reported it.", ERG_KIND_MEMBER_OF, "Lee Eun-ju",
               "CNN");
}
END_TEST

/* Some annotations (and taggers) put the title inside the person's name. */
START_TEST(test_title_inside_the_name)
{
    fx f;
    fx_text(&f, "Royal Air Force lieutenant Ri Song-chol and GRB Director Kim Yong-chol met.");
    mark(&f, "Royal Air Force", "Royal Air Force", ERG_TYPE_AGENCY);
    mark(&f, "lieutenant Ri Song-chol", "Ri Song-chol", ERG_TYPE_PERSON);
    mark(&f, "GRB", "GRB", ERG_TYPE_AGENCY);
    mark(&f, "Director Kim Yong-chol", "Kim Yong-chol", ERG_TYPE_PERSON);
    typed(&f, ERG_TYPES_DEFAULT);
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_MEMBER_OF, "Ri Song-chol", "Royal Air Force"));
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_LEADS, "Kim Yong-chol", "GRB"));
    ck_assert_uint_eq(f.rels.n, 2);
    fx_release(&f);
}
END_TEST

START_TEST(test_leads_patterns)
{
    expect_one("GRB chief Kim Yong-chol defected.", ERG_KIND_LEADS, "Kim Yong-chol", "GRB");
    expect_one("Kim Yong-chol, head of the GRB, defected.", ERG_KIND_LEADS, "Kim Yong-chol", "GRB");
    expect_one("Kim Yong-chol, director of the GRB, defected.", ERG_KIND_LEADS, "Kim Yong-chol",
               "GRB");
    expect_one("Minjoo leader Park Geun-hye spoke.", ERG_KIND_LEADS, "Park Geun-hye", "Minjoo");
    expect_one("Park Geun-hye is the president of Minjoo.", ERG_KIND_LEADS, "Park Geun-hye",
               "Minjoo");
    expect_one("The GRB, led by Kim Yong-chol, denied it.", ERG_KIND_LEADS, "Kim Yong-chol", "GRB");
    expect_one("Kim Yong-chol heads the GRB.", ERG_KIND_LEADS, "Kim Yong-chol", "GRB");
    expect_one("Kim Yong-chol, commander, General Reconnaissance Bureau, spoke.", ERG_KIND_LEADS,
               "Kim Yong-chol", "General Reconnaissance Bureau");
    /* leads is person -> agency only: an outlet's president gives nothing. */
    expect_none("CNN president Jeff Zucker spoke.", ERG_KIND_LEADS);
}
END_TEST

START_TEST(test_reports_and_cites)
{
    expect_one("According to Reuters, the GRB ran the operation.", ERG_KIND_REPORTS, "Reuters",
               "GRB");
    expect_one("Kim Yong-chol told Reuters that he left.", ERG_KIND_REPORTS, "Reuters",
               "Kim Yong-chol");
    expect_one("The GRB ran the operation, said Reuters.", ERG_KIND_REPORTS, "Reuters", "GRB");
    expect_none("Reuters has an office in the building the GRB uses.", ERG_KIND_COUNT);
    fx f;
    cast(&f, "Reuters reported that the GRB ran it, citing Yonhap.");
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_CITES, "Reuters", "Yonhap"));
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_REPORTS, "Reuters", "GRB"));
    ck_assert_ptr_null(find(&f, ERG_KIND_REPORTS, "Yonhap", "GRB"));
    ck_assert_uint_eq(f.rels.n, 2);
    fx_release(&f);
    /* A quotation closed before the attribution belongs to it, across sentences. */
    cast(&f, "\u201CThe GRB did it. Minjoo knew,\u201D Reuters reports. The CNN story differs.");
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_REPORTS, "Reuters", "GRB"));
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_REPORTS, "Reuters", "Minjoo"));
    ck_assert_uint_eq(f.rels.n, 2);
    fx_release(&f);
}
END_TEST

/* The part of the sentence an outlet is the source of. */
START_TEST(test_report_scope)
{
    fx f;
    /* Before "other outlets such as CNN have stated" is the writer's, not CNN's. */
    cast(&f, "Though the GRB denies it, outlets such as CNN have stated that Minjoo knew.");
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_REPORTS, "CNN", "Minjoo"));
    ck_assert_ptr_null(find(&f, ERG_KIND_REPORTS, "CNN", "GRB"));
    fx_release(&f);
    /* At the end of the sentence the attribution covers what comes before. */
    cast(&f, "Minjoo knew. The GRB did it, Reuters reports.");
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_REPORTS, "Reuters", "GRB"));
    ck_assert_ptr_null(find(&f, ERG_KIND_REPORTS, "Reuters", "Minjoo"));
    fx_release(&f);
    /* "as CNN notes" comments on the whole sentence. */
    cast(&f, "The GRB stayed silent, as CNN notes it gave Minjoo no details.");
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_REPORTS, "CNN", "GRB"));
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_REPORTS, "CNN", "Minjoo"));
    fx_release(&f);
    /* The verb after an apposition is the person's, not the outlet's. */
    expect_one("Lee Eun-ju, a columnist at Yonhap, said the GRB did it.", ERG_KIND_MEMBER_OF,
               "Lee Eun-ju", "Yonhap");
    /* "According to X, a detective for Y was ..." is no apposition. */
    expect_none("According to Kim Yong-chol, a detective for the GRB was arrested.",
                ERG_KIND_MEMBER_OF);
}
END_TEST

START_TEST(test_accuses_patterns)
{
    expect_one("Minjoo blamed Park Geun-hye for the leak.", ERG_KIND_ACCUSES, "Minjoo",
               "Park Geun-hye");
    expect_one("Minjoo has repeatedly accused Park Geun-hye's government of lying.",
               ERG_KIND_ACCUSES, "Minjoo", "Park Geun-hye");
    expect_one("Park Geun-hye was accused by Minjoo of lying.", ERG_KIND_ACCUSES, "Minjoo",
               "Park Geun-hye");
    /* Park is not the accuser, and Park's brother is not Park. */
    expect_none("An ally of Park Geun-hye accused Minjoo of lying.", ERG_KIND_COUNT);
    expect_none("Minjoo accused Park Geun-hye's brother of lying.", ERG_KIND_COUNT);
    expect_none("Minjoo has not accused Park Geun-hye of anything.", ERG_KIND_COUNT);
}
END_TEST

/* Runs erg_relate_source_cites on f's records for an article of outlet_key. */
static void add_source_cites(fx *f, const char *outlet_key)
{
    ck_assert_int_eq(erg_relate_source_cites(f->text, &f->doc, &f->ms, &f->ents, ERG_TYPES_DEFAULT,
                                             outlet_key, &f->rels, NULL),
                     ERG_OK);
}

/* The article's cites of target (NULL: of any outlet). */
static size_t source_cites(const fx *f, const char *target)
{
    size_t n = 0;
    for (size_t i = 0; i < f->rels.n; i++) {
        const erg_relation *r = &f->rels.items[i];
        if (r->a != ERG_RELATE_ARTICLE_OUTLET)
            continue;
        ck_assert_int_eq(r->kind, ERG_KIND_CITES);
        ck_assert_uint_lt(r->b, f->ents.n);
        ck_assert_int_eq(r->pattern, ERG_PATTERN_SOURCE_CITES);
        ck_assert_uint_eq(r->score, erg_relate_score(ERG_PATTERN_SOURCE_CITES, ERG_KIND_CITES));
        n += target == NULL || strcmp(f->ents.items[r->b].name, target) == 0;
    }
    return n;
}

START_TEST(test_source_cites)
{
    fx f;
    fx_text(&f, "The Gazette reported that Kim Yong-chol defected. Kim Yong-chol told the "
                "Gazette he was safe. Radio Vela said the Tarn Herald had reported the flight. "
                "Vela One quoted Kim Yong-chol. The Gazette printed a photograph. Vela2 "
                "reported it.");
    mark(&f, "Gazette", "Gazette", ERG_TYPE_OUTLET);
    mark(&f, "Kim Yong-chol", "Kim Yong-chol", ERG_TYPE_PERSON);
    mark(&f, "Radio Vela", "Radio Vela", ERG_TYPE_OUTLET);
    mark(&f, "Tarn Herald", "Tarn Herald", ERG_TYPE_OUTLET);
    mark(&f, "Vela One", "Vela One", ERG_TYPE_OUTLET);
    mark(&f, "Vela2", "Vela2", ERG_TYPE_OUTLET);
    /* Here an entity's key is its name. */
    typed(&f, ERG_TYPES_DEFAULT);
    size_t before = f.rels.n;
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_CITES, "Radio Vela", "Tarn Herald"));
    add_source_cites(&f, "Tarn Post");
    /* The Gazette twice (reported, told), Radio Vela and Vela One once; the Herald is
     * Vela's, not the article's; "printed" is no report cue. */
    ck_assert_uint_eq(source_cites(&f, "Gazette"), 2);
    ck_assert_uint_eq(source_cites(&f, "Radio Vela"), 1);
    ck_assert_uint_eq(source_cites(&f, "Vela One"), 1);
    ck_assert_uint_eq(source_cites(&f, "Vela2"), 1);
    ck_assert_uint_eq(source_cites(&f, "Tarn Herald"), 0);
    /* The records before are kept. */
    ck_assert_uint_eq(f.rels.n, before + 5);
    ck_assert_ptr_nonnull(find(&f, ERG_KIND_CITES, "Radio Vela", "Tarn Herald"));

    /* The article's own outlet, and its own stations and programmes, are not cited. */
    typed(&f, ERG_TYPES_DEFAULT);
    add_source_cites(&f, "Gazette");
    ck_assert_uint_eq(source_cites(&f, "Gazette"), 0);
    ck_assert_uint_eq(source_cites(&f, NULL), 3);
    typed(&f, ERG_TYPES_DEFAULT);
    add_source_cites(&f, "Vela");
    ck_assert_uint_eq(source_cites(&f, "Vela One"), 0); /* its own stations */
    ck_assert_uint_eq(source_cites(&f, "Vela2"), 0);
    ck_assert_uint_eq(source_cites(&f, "Radio Vela"), 1); /* "Vela" is not its first word */
    typed(&f, ERG_TYPES_DEFAULT);
    add_source_cites(&f, "Radio");
    ck_assert_uint_eq(source_cites(&f, "Radio Vela"), 0);
    ck_assert_uint_eq(source_cites(&f, NULL), 4);
    /* Without outlets in the mask, nothing. */
    typed(&f, ERG_TYPES_DEFAULT);
    before = f.rels.n;
    ck_assert_int_eq(erg_relate_source_cites(f.text, &f.doc, &f.ms, &f.ents,
                                             ERG_TYPE_BIT(ERG_TYPE_PERSON), NULL, &f.rels, NULL),
                     ERG_OK);
    ck_assert_uint_eq(f.rels.n, before);
    fx_release(&f);
}
END_TEST

/* Asserts that text gives exactly one typed relation, found by pattern p and scored as the table
 * says. */
static void expect_pattern(const char *text, erg_pattern p)
{
    fx f;
    cast(&f, text);
    ck_assert_msg(f.rels.n == 1, "%zu relations in \"%s\"", f.rels.n, text);
    const erg_relation *r = &f.rels.items[0];
    ck_assert_msg(r->pattern == p, "\"%s\": pattern %s, not %s", text,
                  erg_relate_pattern_name((erg_pattern)r->pattern), erg_relate_pattern_name(p));
    ck_assert_uint_eq(r->score, erg_relate_score(p, r->kind));
    ck_assert_uint_gt(r->score, 0);
    fx_release(&f);
}

START_TEST(test_every_record_names_its_pattern)
{
    expect_pattern("Unification Ministry spokeswoman Lee Eun-ju said so.",
                   ERG_PATTERN_TITLE_BEFORE);
    expect_pattern("Kim Yong-chol of the GRB defected.", ERG_PATTERN_NAME_OF);
    expect_pattern("Jeong Joon-hee, a spokesman for the Unification Ministry, said so.",
                   ERG_PATTERN_APPOSITION);
    expect_pattern("Kim Yong-chol, commander, General Reconnaissance Bureau, spoke.",
                   ERG_PATTERN_APPOSITION_ORG);
    expect_pattern("A spokesman for the Unification Ministry, Jeong Joon-hee, said so.",
                   ERG_PATTERN_TITLE_FIRST);
    expect_pattern("Jeong Joon-hee is the deputy spokesman of the Unification Ministry.",
                   ERG_PATTERN_COPULA);
    expect_pattern("Kim Yong-chol works for the GRB.", ERG_PATTERN_VERB);
    expect_pattern("The GRB, led by Kim Yong-chol, denied it.", ERG_PATTERN_LED_BY);
    expect_pattern("Minjoo blamed Park Geun-hye for the leak.", ERG_PATTERN_ACCUSES);
    expect_pattern("Park Geun-hye was accused by Minjoo of lying.", ERG_PATTERN_ACCUSED_BY);
    expect_pattern("According to Reuters, the GRB ran the operation.", ERG_PATTERN_ACCORDING_TO);
    expect_pattern("Kim Yong-chol told Reuters that he left.", ERG_PATTERN_TOLD);
    expect_pattern("The GRB ran the operation, said Reuters.", ERG_PATTERN_SAID_OUTLET);
    expect_pattern("Reuters reports the GRB ran the operation.", ERG_PATTERN_REPORTS_VERB);
    expect_pattern("In an interview with Reuters, Kim Yong-chol said he left.",
                   ERG_PATTERN_INTERVIEW_WITH);
    fx f;
    cast(&f, "Reuters reported that the GRB ran it, citing Yonhap.");
    const erg_relation *r = find(&f, ERG_KIND_CITES, "Reuters", "Yonhap");
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->pattern, ERG_PATTERN_CITING);
    r = find(&f, ERG_KIND_REPORTS, "Reuters", "GRB");
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->pattern, ERG_PATTERN_REPORTS_VERB);
    fx_release(&f);
    /* co_mention records have neither. */
    fx_text(&f, "Kim Yong-chol met Park Geun-hye.");
    mark(&f, "Kim Yong-chol", "Kim Yong-chol", ERG_TYPE_PERSON);
    mark(&f, "Park Geun-hye", "Park Geun-hye", ERG_TYPE_PERSON);
    sort_mentions(&f);
    ck_assert_int_eq(erg_relate_article(f.text, &f.doc, &f.ms, &f.ents, ERG_WINDOW_SENTENCE,
                                        ERG_TYPES_DEFAULT, &f.rels, NULL),
                     ERG_OK);
    ck_assert_uint_eq(f.rels.n, 1);
    ck_assert_int_eq(f.rels.items[0].pattern, ERG_PATTERN_NONE);
    ck_assert_uint_eq(f.rels.items[0].score, 0);
    fx_release(&f);
}
END_TEST

START_TEST(test_pattern_names)
{
    erg_pattern p;
    for (int i = 0; i < ERG_PATTERN_COUNT; i++) {
        ck_assert_int_eq(erg_relate_pattern_find(erg_relate_pattern_name((erg_pattern)i), &p),
                         ERG_OK);
        ck_assert_int_eq(p, i);
        /* erg_edge_scored's buffer holds 32 names of at most 15 bytes */
        ck_assert_uint_le(strlen(erg_relate_pattern_name((erg_pattern)i)), 15);
    }
    ck_assert_int_le(ERG_PATTERN_COUNT, 32); /* an edge keeps them in a 32-bit mask */
    ck_assert_str_eq(erg_relate_pattern_name(ERG_PATTERN_TOLD), "told");
    ck_assert_str_eq(erg_relate_pattern_name(ERG_PATTERN_COUNT), "unknown");
    ck_assert_int_eq(erg_relate_pattern_find("guessed", &p), ERG_EINVAL);
    char buf[8];
    ck_assert_str_eq(erg_score_format(9412, buf), "0.9412");
    ck_assert_str_eq(erg_score_format(5000, buf), "0.5");
    ck_assert_str_eq(erg_score_format(10000, buf), "1");
    ck_assert_str_eq(erg_score_format(0, buf), "0");
    uint16_t sc;
    ck_assert_int_eq(erg_score_from(0.94124, &sc), ERG_OK);
    ck_assert_uint_eq(sc, 9412);
    ck_assert_int_eq(erg_score_from(1.01, &sc), ERG_EINVAL);
    ck_assert_int_eq(erg_score_from(-0.1, &sc), ERG_EINVAL);
}
END_TEST

/*
 * Every row of data/relate_confidence.tsv is what erg_relate_score gives its
 * pattern and kind; a pattern without a row gets its kind's "*" row, a kind
 * without rows 0.5, co_mention 0.
 */
START_TEST(test_scores_come_from_the_table)
{
    char path[4096];
    ck_assert_int_eq(erg_data_path("relate_confidence.tsv", path, sizeof path, NULL), ERG_OK);
    char *data = NULL;
    size_t len = 0;
    ck_assert_int_eq(erg_read_file(path, &data, &len, NULL), ERG_OK);
    bool has_row[ERG_PATTERN_COUNT][ERG_KIND_COUNT];
    int any[ERG_KIND_COUNT];
    memset(has_row, 0, sizeof has_row);
    for (int k = 0; k < ERG_KIND_COUNT; k++)
        any[k] = -1;
    int rows = 0;
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || strncmp(line, "pattern\t", 8) == 0)
            continue;
        char pat[32], kind[32];
        int right, judged;
        double score;
        ck_assert_int_eq(
            sscanf(line, "%31[^\t]\t%31[^\t]\t%d\t%d\t%lf", pat, kind, &right, &judged, &score), 5);
        erg_kind k;
        ck_assert_int_eq(erg_kind_parse(kind, &k), ERG_OK);
        uint16_t want = (uint16_t)(score * 10000 + 0.5);
        if (strcmp(pat, "*") == 0) {
            any[k] = want;
            continue;
        }
        erg_pattern p;
        ck_assert_msg(erg_relate_pattern_find(pat, &p) == ERG_OK, "unknown pattern %s", pat);
        ck_assert_uint_eq(erg_relate_score(p, k), want);
        has_row[p][k] = true;
        rows++;
    }
    free(data);
    ck_assert_int_gt(rows, 0);
    for (int p = 1; p < ERG_PATTERN_COUNT; p++)
        for (int k = 1; k < ERG_KIND_COUNT; k++)
            if (!has_row[p][k])
                ck_assert_uint_eq(erg_relate_score((erg_pattern)p, (erg_kind)k),
                                  any[k] >= 0 ? (unsigned)any[k] : ERG_SCORE_UNIT / 2);
    ck_assert_uint_eq(erg_relate_score(ERG_PATTERN_TOLD, ERG_KIND_CO_MENTION), 0);
}
END_TEST

START_TEST(test_bad_mentions_are_refused)
{
    fx f;
    cast(&f, "Minjoo blamed Park Geun-hye.");
    ck_assert_uint_eq(f.rels.n, 1);
    f.ms.items[0].tok_end = (uint32_t)f.doc.n_tokens + 5;
    erg_error err;
    ck_assert_int_eq(
        erg_relate_typed(f.text, &f.doc, &f.ms, &f.ents, ERG_TYPES_DEFAULT, &f.rels, &err),
        ERG_EINVAL);
    ck_assert(strstr(err.text, "mention 0") != NULL);
    fx_release(&f);

    /* The co-mention pass reads doc->sentences by the mention's sentence: checked first. */
    cast(&f, "Minjoo blamed Park Geun-hye.");
    f.ms.items[1].sentence = (uint32_t)f.doc.n_sentences + 1000000;
    erg_error_clear(&err);
    ck_assert_int_eq(erg_relate_article(f.text, &f.doc, &f.ms, &f.ents, ERG_WINDOW_PARAGRAPH,
                                        ERG_TYPES_DEFAULT, &f.rels, &err),
                     ERG_EINVAL);
    ck_assert(strstr(err.text, "mention 1") != NULL);
    ck_assert_uint_eq(f.rels.n, 0);
    fx_release(&f);
}
END_TEST

/* ---- co-mention windows ---------------------------------------------------- */

/*
 * Two paragraphs: "Kim met Park in Seoul. Lee watched." and "Kim called Lee."
 * Kim, Park and Lee are persons, Seoul a place (outside the default types).
 */
static void windows(fx *f)
{
    fx_text(f, "Kim Yong-chol met Park Geun-hye in Seoul. Lee Eun-ju watched.\n\n"
               "Kim Yong-chol called Lee Eun-ju.");
    ck_assert_uint_eq(f->doc.n_sentences, 3);
    ck_assert_uint_eq(f->doc.n_paragraphs, 2);
    mark(f, "Kim Yong-chol", "Kim", ERG_TYPE_PERSON);
    mark(f, "Park Geun-hye", "Park", ERG_TYPE_PERSON);
    mark(f, "Lee Eun-ju", "Lee", ERG_TYPE_PERSON);
    mark(f, "Seoul", "Seoul", ERG_TYPE_PLACE);
    sort_mentions(f);
}

static const erg_relation *co(const fx *f, const char *a, const char *b, size_t nth)
{
    for (size_t i = 0; i < f->rels.n; i++) {
        const erg_relation *r = &f->rels.items[i];
        if (r->kind != ERG_KIND_CO_MENTION)
            continue;
        const char *x = f->ents.items[r->a].name, *y = f->ents.items[r->b].name;
        if (((strcmp(x, a) == 0 && strcmp(y, b) == 0) ||
             (strcmp(x, b) == 0 && strcmp(y, a) == 0)) &&
            nth-- == 0)
            return r;
    }
    return NULL;
}

static void relate(fx *f, erg_window w, unsigned mask)
{
    ck_assert_int_eq(
        erg_relate_article(f->text, &f->doc, &f->ms, &f->ents, w, mask, &f->rels, NULL), ERG_OK);
    for (size_t i = 0; i < f->rels.n; i++)
        if (f->rels.items[i].kind == ERG_KIND_CO_MENTION)
            ck_assert_uint_lt(f->rels.items[i].a, f->rels.items[i].b);
}

START_TEST(test_co_mention_sentence_window)
{
    fx f;
    windows(&f);
    relate(&f, ERG_WINDOW_SENTENCE, ERG_TYPES_DEFAULT);
    ck_assert_uint_eq(count_kind(&f, ERG_KIND_CO_MENTION), 2);
    const erg_relation *r = co(&f, "Kim", "Park", 0);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(r->start, 0);
    ck_assert_uint_eq(r->end, strlen("Kim Yong-chol met Park Geun-hye in Seoul."));
    r = co(&f, "Kim", "Lee", 0);
    ck_assert_ptr_nonnull(r);
    ck_assert(evidence_has(&f, r, "Kim Yong-chol called Lee Eun-ju."));
    ck_assert(!evidence_has(&f, r, "watched"));
    ck_assert_ptr_null(co(&f, "Kim", "Lee", 1));
    ck_assert_ptr_null(co(&f, "Kim", "Seoul", 0));
    /* With places, Seoul joins the first sentence. */
    relate(&f, ERG_WINDOW_SENTENCE, ERG_TYPES_DEFAULT | ERG_TYPE_BIT(ERG_TYPE_PLACE));
    ck_assert_uint_eq(count_kind(&f, ERG_KIND_CO_MENTION), 4);
    ck_assert_ptr_nonnull(co(&f, "Park", "Seoul", 0));
    fx_release(&f);
}
END_TEST

START_TEST(test_co_mention_paragraph_window)
{
    fx f;
    windows(&f);
    relate(&f, ERG_WINDOW_PARAGRAPH, ERG_TYPES_DEFAULT);
    /* Paragraph 1: Kim-Park, Kim-Lee, Park-Lee; paragraph 2: Kim-Lee. */
    ck_assert_uint_eq(count_kind(&f, ERG_KIND_CO_MENTION), 4);
    const erg_relation *r = co(&f, "Kim", "Lee", 0);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(r->start, 0);
    ck_assert_uint_eq(r->end,
                      strlen("Kim Yong-chol met Park Geun-hye in Seoul. Lee Eun-ju watched."));
    r = co(&f, "Kim", "Lee", 1);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(r->start,
                      strlen("Kim Yong-chol met Park Geun-hye in Seoul. Lee Eun-ju watched.\n\n"));
    ck_assert_uint_eq(r->end, f.len);
    r = co(&f, "Park", "Lee", 0);
    ck_assert_ptr_nonnull(r);
    ck_assert(evidence_has(&f, r, "Park Geun-hye"));
    ck_assert(evidence_has(&f, r, "Lee Eun-ju watched"));
    ck_assert_ptr_null(co(&f, "Park", "Lee", 1));
    fx_release(&f);
}
END_TEST

START_TEST(test_co_mention_article_window)
{
    fx f;
    windows(&f);
    relate(&f, ERG_WINDOW_ARTICLE, ERG_TYPES_DEFAULT);
    ck_assert_uint_eq(count_kind(&f, ERG_KIND_CO_MENTION), 3);
    /* From the sentence where each is first seen: Kim in 1, Lee in 2. */
    const erg_relation *r = co(&f, "Kim", "Lee", 0);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(r->start, 0);
    ck_assert_uint_eq(r->end,
                      strlen("Kim Yong-chol met Park Geun-hye in Seoul. Lee Eun-ju watched."));
    ck_assert_ptr_null(co(&f, "Kim", "Lee", 1));
    /* Nothing for an article without entities. */
    fx g;
    fx_text(&g, "Nobody is named here.");
    relate(&g, ERG_WINDOW_ARTICLE, ERG_TYPES_DEFAULT);
    ck_assert_uint_eq(g.rels.n, 0);
    fx_release(&g);
    fx_release(&f);
}
END_TEST

START_TEST(test_kind_and_window_names)
{
    erg_kind k;
    for (int i = 0; i < ERG_KIND_COUNT; i++) {
        ck_assert_int_eq(erg_kind_parse(erg_kind_name((erg_kind)i), &k), ERG_OK);
        ck_assert_int_eq(k, i);
    }
    ck_assert_str_eq(erg_kind_name(ERG_KIND_SPOKESPERSON_FOR), "spokesperson_for");
    ck_assert_int_eq(erg_kind_parse("friend_of", &k), ERG_EINVAL);
    erg_window w;
    ck_assert_int_eq(erg_window_parse("paragraph", &w), ERG_OK);
    ck_assert_int_eq(w, ERG_WINDOW_PARAGRAPH);
    ck_assert_int_eq(erg_window_parse("page", &w), ERG_EINVAL);
}
END_TEST

/* ---- the word lists of the data folder --------------------------------------- */

/*
 * The lines of a data file (comments and blank lines left out) split at tabs
 * into at most 3 columns; calls fn for each. The lists are compiled in at
 * build time, so these tests read the same files to show that each entry
 * takes effect.
 */
static void each_row(const char *file, void (*fn)(char **cols, int n))
{
    char path[4096];
    ck_assert_int_eq(erg_data_path(file, path, sizeof path, NULL), ERG_OK);
    char *data = NULL;
    size_t len = 0;
    ck_assert_int_eq(erg_read_file(path, &data, &len, NULL), ERG_OK);
    int rows = 0;
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *cols[3] = {line, NULL, NULL};
        int n = 1;
        for (char *p = line; *p && n < 3; p++)
            if (*p == '\t') {
                *p = '\0';
                cols[n++] = p + 1;
            }
        fn(cols, n);
        rows++;
    }
    ck_assert_int_gt(rows, 0);
    free(data);
}

/*
 * "GRB <title> Kim Yong-chol said so." for every title of titles.tsv with a
 * role: spokes gives spokesperson_for, lead gives leads, the others
 * member_of ("GRB commander X" is a commander within the GRB; a rank is
 * capitalized as part of the name).
 */
static void title_row(char **cols, int n)
{
    ck_assert_int_ge(n, 2);
    const char *role = cols[1];
    if (strcmp(role, "-") == 0)
        return;
    erg_kind k = strcmp(role, "spokes") == 0 ? ERG_KIND_SPOKESPERSON_FOR
                 : strcmp(role, "lead") == 0 ? ERG_KIND_LEADS
                                             : ERG_KIND_MEMBER_OF;
    char text[256];
    snprintf(text, sizeof text, "GRB %s Kim Yong-chol said so.", cols[0]);
    /* A rank is written as part of the name: "GRB Adm. Kim". */
    if (strcmp(role, "rank") == 0 && text[4] >= 'a' && text[4] <= 'z')
        text[4] = (char)(text[4] - 'a' + 'A');
    expect_one(text, k, "Kim Yong-chol", "GRB");
}

START_TEST(test_every_title_of_the_data_file)
{
    each_row("titles.tsv", title_row);
}
END_TEST

/* "Kim Yong-chol <verb> [<preposition>] the GRB." for every row of relate_verbs.tsv. */
static void verb_row(char **cols, int n)
{
    ck_assert_int_eq(n, 3);
    erg_kind k;
    ck_assert_int_eq(erg_kind_parse(cols[2], &k), ERG_OK);
    char text[256];
    snprintf(text, sizeof text, "Kim Yong-chol %s%s%s the GRB.", cols[0],
             strcmp(cols[1], "-") == 0 ? "" : " ", strcmp(cols[1], "-") == 0 ? "" : cols[1]);
    expect_one(text, k, "Kim Yong-chol", "GRB");
}

START_TEST(test_every_verb_of_the_data_file)
{
    each_row("relate_verbs.tsv", verb_row);
}
END_TEST

static Suite *relate_suite(void)
{
    Suite *s = suite_create("relate");
    TCase *tc = tcase_create("typed");
    tcase_add_test(tc, test_seed_relations);
    tcase_add_test(tc, test_seed_places_only_when_asked);
    tcase_add_test(tc, test_seed_relate_article_adds_typed_after_co_mentions);
    tcase_add_test(tc, test_spokesperson_patterns);
    tcase_add_test(tc, test_no_spokesperson_without_cue);
    tcase_add_test(tc, test_no_relation_across_sentences);
    tcase_add_test(tc, test_ambiguous_cases_left_out);
    tcase_add_test(tc, test_member_of_patterns);
    tcase_add_test(tc, test_title_inside_the_name);
    tcase_add_test(tc, test_leads_patterns);
    tcase_add_test(tc, test_reports_and_cites);
    tcase_add_test(tc, test_report_scope);
    tcase_add_test(tc, test_accuses_patterns);
    tcase_add_test(tc, test_source_cites);
    tcase_add_test(tc, test_bad_mentions_are_refused);
    tcase_add_test(tc, test_every_record_names_its_pattern);
    tcase_add_test(tc, test_pattern_names);
    tcase_add_test(tc, test_scores_come_from_the_table);
    tcase_add_test(tc, test_every_title_of_the_data_file);
    tcase_add_test(tc, test_every_verb_of_the_data_file);
    suite_add_tcase(s, tc);
    TCase *tw = tcase_create("co_mention");
    tcase_add_test(tw, test_co_mention_sentence_window);
    tcase_add_test(tw, test_co_mention_paragraph_window);
    tcase_add_test(tw, test_co_mention_article_window);
    tcase_add_test(tw, test_kind_and_window_names);
    suite_add_tcase(s, tw);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(relate_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
