#include "erg/resolve.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* An article, its tokens and hand-placed mentions. */
typedef struct fixture {
    const char *text;
    erg_doc doc;
    erg_mentions mentions;
    erg_local_entities entities;
    erg_resolver *r;
} fixture;

static void setup(fixture *f, const char *text)
{
    f->text = text;
    erg_doc_init(&f->doc);
    erg_mentions_init(&f->mentions);
    erg_local_entities_init(&f->entities);
    ck_assert_int_eq(erg_text_tokenize(&f->doc, text, strlen(text), NULL), ERG_OK);
    ck_assert_int_eq(erg_resolver_new(&f->r, NULL, NULL), ERG_OK);
}

static void teardown(fixture *f)
{
    erg_doc_release(&f->doc);
    erg_mentions_release(&f->mentions);
    erg_local_entities_release(&f->entities);
    erg_resolver_free(f->r);
}

/* Adds a mention over the nth (0-based) occurrence of s, snapped to whole tokens. */
static void mention(fixture *f, const char *s, int nth, erg_type type)
{
    const char *p = f->text;
    for (int i = 0; i <= nth; i++) {
        p = strstr(i ? p + 1 : p, s);
        ck_assert_msg(p != NULL, "no occurrence %d of '%s'", nth, s);
    }
    uint32_t start = (uint32_t)(p - f->text), end = start + (uint32_t)strlen(s);
    erg_mention m = {0};
    m.start = start;
    m.end = end;
    m.type = type;
    m.cls = type == ERG_TYPE_PERSON ? ERG_CLASS_PER : ERG_CLASS_ORG;
    m.entity = -1;
    m.tok_first = UINT32_MAX;
    for (size_t t = 0; t < f->doc.n_tokens; t++) {
        if (f->doc.tokens[t].start == start)
            m.tok_first = (uint32_t)t;
        if (f->doc.tokens[t].end == end)
            m.tok_end = (uint32_t)t + 1;
    }
    ck_assert_msg(m.tok_first != UINT32_MAX, "'%s' does not start on a token", s);
    for (size_t s2 = 0; s2 < f->doc.n_sentences; s2++)
        if (f->doc.sentences[s2].first <= m.tok_first && m.tok_first < f->doc.sentences[s2].end)
            m.sentence = (uint32_t)s2;
    if (f->mentions.n == f->mentions.cap) {
        f->mentions.cap = f->mentions.cap ? f->mentions.cap * 2 : 8;
        f->mentions.items = realloc(f->mentions.items, f->mentions.cap * sizeof m);
    }
    /* keep text order, as erg_ner_mentions gives */
    size_t at = f->mentions.n;
    while (at > 0 && f->mentions.items[at - 1].start > start)
        at--;
    memmove(&f->mentions.items[at + 1], &f->mentions.items[at], (f->mentions.n - at) * sizeof m);
    f->mentions.items[at] = m;
    f->mentions.n++;
}

static void resolve(fixture *f)
{
    erg_error err;
    ck_assert_int_eq(erg_resolve_article(f->r, f->text, &f->doc, &f->mentions, &f->entities, &err),
                     ERG_OK);
}

/* The entity a mention (by its text and occurrence) resolved to, or NULL. */
static const erg_local_entity *entity_of(fixture *f, const char *s, int nth)
{
    int seen = 0;
    for (size_t i = 0; i < f->mentions.n; i++) {
        const erg_mention *m = &f->mentions.items[i];
        if (m->end - m->start == strlen(s) && memcmp(f->text + m->start, s, strlen(s)) == 0 &&
            seen++ == nth)
            return m->entity >= 0 ? &f->entities.items[m->entity] : NULL;
    }
    ck_abort_msg("no mention '%s'", s);
    return NULL;
}

/* A fixture whose resolver has the shipped word lists. */
static erg_gazetteer *lists_gaz;
static void setup_lists(fixture *f, const char *text)
{
    setup(f, text);
    erg_resolver_free(f->r);
    erg_error err;
    erg_error_clear(&err);
    ck_assert_int_eq(erg_gazetteer_load(&lists_gaz, NULL, &err), ERG_OK);
    ck_assert_int_eq(erg_resolver_new(&f->r, lists_gaz, NULL), ERG_OK);
}

static void teardown_lists(fixture *f)
{
    teardown(f);
    erg_gazetteer_free(lists_gaz);
    lists_gaz = NULL;
}

START_TEST(test_words_that_name_no_one)
{
    fixture f;
    setup_lists(&f, "Scottish voters and West German banks and Germans met Co. and Ltd and P. "
                    "Also the MP and Texaco Inc spoke.");
    mention(&f, "Scottish", 0, ERG_TYPE_PERSON);
    mention(&f, "West German", 0, ERG_TYPE_AGENCY);
    mention(&f, "Germans", 0, ERG_TYPE_AGENCY);
    mention(&f, "Co.", 0, ERG_TYPE_AGENCY);
    mention(&f, "Ltd", 0, ERG_TYPE_AGENCY);
    mention(&f, "P", 0, ERG_TYPE_AGENCY);
    mention(&f, "MP", 0, ERG_TYPE_AGENCY);
    mention(&f, "Texaco Inc", 0, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 1);
    ck_assert_str_eq(f.entities.items[0].name, "Texaco Inc");
    teardown_lists(&f);
}
END_TEST

START_TEST(test_short_forms_join_the_full_name)
{
    fixture f;
    setup_lists(&f, "Texaco Inc sold assets. Texaco said so. International Business Machines "
                    "Corp grew. IBM said so. George W. Bush spoke. George Bush left. "
                    "Salomon Brothers Inc and Salomon Inc traded. Salomon fell.");
    mention(&f, "Texaco Inc", 0, ERG_TYPE_AGENCY);
    mention(&f, "Texaco", 1, ERG_TYPE_AGENCY);
    mention(&f, "International Business Machines Corp", 0, ERG_TYPE_AGENCY);
    mention(&f, "IBM", 0, ERG_TYPE_AGENCY);
    mention(&f, "George W. Bush", 0, ERG_TYPE_PERSON);
    mention(&f, "George Bush", 0, ERG_TYPE_PERSON);
    mention(&f, "Salomon Brothers Inc", 0, ERG_TYPE_AGENCY);
    mention(&f, "Salomon Inc", 0, ERG_TYPE_AGENCY);
    mention(&f, "Salomon", 2, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_ptr_eq(entity_of(&f, "Texaco", 0), entity_of(&f, "Texaco Inc", 0));
    ck_assert_ptr_eq(entity_of(&f, "IBM", 0),
                     entity_of(&f, "International Business Machines Corp", 0));
    ck_assert_ptr_eq(entity_of(&f, "George Bush", 0), entity_of(&f, "George W. Bush", 0));
    /* "Salomon" is only "Salomon Inc" without its suffix; "Salomon Brothers Inc" is another. */
    ck_assert_ptr_eq(entity_of(&f, "Salomon", 0), entity_of(&f, "Salomon Inc", 0));
    ck_assert_ptr_ne(entity_of(&f, "Salomon Inc", 0), entity_of(&f, "Salomon Brothers Inc", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_country_bodies_need_their_country)
{
    fixture f;
    setup_lists(&f, "The Finance Ministry said so. Japan's Finance Ministry agreed. The Japanese "
                    "Trade Ministry and the Ministry of Finance met. A U.S. District Court ruled. "
                    "The State Department spoke.");
    mention(&f, "Finance Ministry", 0, ERG_TYPE_AGENCY);
    mention(&f, "Japan", 0, ERG_TYPE_PLACE);
    mention(&f, "Finance Ministry", 1, ERG_TYPE_AGENCY);
    mention(&f, "Japanese Trade Ministry", 0, ERG_TYPE_AGENCY);
    mention(&f, "Ministry of Finance", 0, ERG_TYPE_AGENCY);
    mention(&f, "U.S. District Court", 0, ERG_TYPE_AGENCY);
    mention(&f, "State Department", 0, ERG_TYPE_AGENCY);
    resolve(&f);
    /* Which country's ministry, which of many courts: nobody can say. */
    const char *kept[] = {"Japan's Finance Ministry", "Japanese Trade Ministry",
                          "State Department"};
    ck_assert_uint_eq(f.entities.n, 3);
    for (size_t i = 0; i < 3; i++) {
        bool found = false;
        for (size_t e = 0; e < f.entities.n; e++)
            found = found || strcmp(f.entities.items[e].name, kept[i]) == 0;
        ck_assert_msg(found, "no entity '%s'", kept[i]);
    }
    teardown_lists(&f);
}
END_TEST

START_TEST(test_country_body_joins_the_qualified_name)
{
    fixture f;
    setup_lists(&f, "The Dutch Central Bank cut rates. Central Bank President Wim Duisenberg "
                    "agreed. The Finance Ministry said so. The Central Bank of Ireland did not.");
    mention(&f, "Dutch Central Bank", 0, ERG_TYPE_AGENCY);
    mention(&f, "Central Bank", 1, ERG_TYPE_AGENCY);
    mention(&f, "Wim Duisenberg", 0, ERG_TYPE_PERSON);
    mention(&f, "Finance Ministry", 0, ERG_TYPE_AGENCY);
    mention(&f, "Central Bank of Ireland", 0, ERG_TYPE_AGENCY);
    resolve(&f);
    /* "Central Bank" joins the one central bank the article qualifies; no
     * finance ministry is, so that one names nothing ("central bank" is a
     * country's body of data/country_bodies.txt, "ministry" of
     * generic_bodies.txt). */
    ck_assert_ptr_nonnull(entity_of(&f, "Central Bank", 0));
    ck_assert_str_eq(entity_of(&f, "Central Bank", 0)->name, "Dutch Central Bank");
    ck_assert_uint_eq(f.entities.n, 3);
    for (size_t e = 0; e < f.entities.n; e++)
        ck_assert_str_ne(f.entities.items[e].name, "Finance Ministry");
    teardown_lists(&f);
}
END_TEST

START_TEST(test_country_body_alone_is_no_name)
{
    fixture f;
    setup_lists(&f, "Central Bank director Daniel Marx said rates would fall. National Bank "
                    "governor Ana Roth agreed.");
    mention(&f, "Central Bank", 0, ERG_TYPE_AGENCY);
    mention(&f, "Daniel Marx", 0, ERG_TYPE_PERSON);
    mention(&f, "National Bank", 0, ERG_TYPE_AGENCY);
    mention(&f, "Ana Roth", 0, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 2);
    ck_assert_str_eq(f.entities.items[0].name, "Daniel Marx");
    ck_assert_str_eq(f.entities.items[1].name, "Ana Roth");
    teardown_lists(&f);
}
END_TEST

START_TEST(test_outlet_head_joins_the_one_outlet_it_ends)
{
    fixture f;
    setup(&f, "The Morrow Gazette reported it. The Gazette said so. The Vela Ledger and the Tarn "
              "Ledger agreed. The Ledger said no.");
    mention(&f, "Morrow Gazette", 0, ERG_TYPE_OUTLET);
    mention(&f, "Gazette", 1, ERG_TYPE_OUTLET);
    mention(&f, "Vela Ledger", 0, ERG_TYPE_OUTLET);
    mention(&f, "Tarn Ledger", 0, ERG_TYPE_OUTLET);
    mention(&f, "Ledger", 2, ERG_TYPE_OUTLET);
    resolve(&f);
    /* One Gazette in the article: the same paper; two Ledgers: which one is
     * unknown, and the head stays a name of its own. */
    ck_assert_str_eq(entity_of(&f, "Gazette", 0)->name, "Morrow Gazette");
    ck_assert_str_eq(entity_of(&f, "Ledger", 0)->name, "Ledger");
    teardown(&f);
}
END_TEST

START_TEST(test_party_before_a_person_is_split_off)
{
    fixture f;
    setup_lists(&f, "But Lib Dem Norman Baker accused ministers. Zorvak Mark Hale agreed.");
    ck_assert_int_eq(
        erg_resolver_add_alias(f.r, "Liberal Democrats", ERG_TYPE_AGENCY, "Lib Dem", NULL), ERG_OK);
    ck_assert_int_eq(
        erg_resolver_add_alias(f.r, "Zorvak Industries", ERG_TYPE_AGENCY, "Zorvak", NULL), ERG_OK);
    mention(&f, "Lib Dem Norman Baker", 0, ERG_TYPE_PERSON);
    mention(&f, "Zorvak Mark Hale", 0, ERG_TYPE_PERSON);
    resolve(&f);
    /* The party (a listed party) and the person; a company's alias is no party. */
    ck_assert_uint_eq(f.mentions.n, 3);
    ck_assert_str_eq(entity_of(&f, "Lib Dem", 0)->name, "Liberal Democrats");
    ck_assert_int_eq(entity_of(&f, "Lib Dem", 0)->type, ERG_TYPE_AGENCY);
    ck_assert_str_eq(entity_of(&f, "Norman Baker", 0)->name, "Norman Baker");
    ck_assert_str_eq(entity_of(&f, "Zorvak Mark Hale", 0)->name, "Zorvak Mark Hale");
    teardown_lists(&f);
}
END_TEST

START_TEST(test_name_cut_short_on_the_left_takes_a_listed_name)
{
    fixture f;
    setup(&f, "Former Liberal Democrat MP Jane Doe spoke. But Democrat senators and Radio "
              "Democrat did not.");
    ck_assert_int_eq(
        erg_resolver_add_alias(f.r, "Liberal Democrats", ERG_TYPE_AGENCY, "Liberal Democrat", NULL),
        ERG_OK);
    mention(&f, "Democrat", 0, ERG_TYPE_MISC);
    mention(&f, "Jane Doe", 0, ERG_TYPE_PERSON);
    mention(&f, "Democrat", 1, ERG_TYPE_MISC);
    mention(&f, "Democrat", 2, ERG_TYPE_MISC);
    resolve(&f);
    const erg_mention *m = &f.mentions.items[0];
    ck_assert_uint_eq(m->end - m->start, strlen("Liberal Democrat"));
    ck_assert_str_eq(f.entities.items[m->entity].name, "Liberal Democrats");
    /* "But Democrat", "Radio Democrat" are no listed names: left as they were. */
    ck_assert_uint_eq(f.mentions.items[2].end - f.mentions.items[2].start, strlen("Democrat"));
    ck_assert_uint_eq(f.mentions.items[3].end - f.mentions.items[3].start, strlen("Democrat"));
    teardown(&f);
}
END_TEST

START_TEST(test_article_beats_alias_list_for_an_acronym)
{
    const char *texts[2] = {"The British National Party (BNP) won. The BNP said so.",
                            "The British National Party won. The BNP said so."};
    for (int k = 0; k < 2; k++) {
        fixture f;
        setup_lists(&f, texts[k]);
        ck_assert_int_eq(erg_resolver_add_alias(f.r, "Bangladesh Nationalist Party",
                                                ERG_TYPE_AGENCY, "BNP", NULL),
                         ERG_OK);
        mention(&f, "British National Party", 0, ERG_TYPE_AGENCY);
        mention(&f, "BNP", k == 0 ? 1 : 0, ERG_TYPE_AGENCY);
        resolve(&f);
        ck_assert_uint_eq(f.entities.n, 1);
        ck_assert_str_eq(f.entities.items[0].key, "british national party");
        teardown_lists(&f);
    }
    /* Without the expansion in the article, the list decides. */
    fixture f;
    setup(&f, "The BNP said so.");
    ck_assert_int_eq(
        erg_resolver_add_alias(f.r, "Bangladesh Nationalist Party", ERG_TYPE_AGENCY, "BNP", NULL),
        ERG_OK);
    mention(&f, "BNP", 0, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_str_eq(f.entities.items[0].name, "Bangladesh Nationalist Party");
    teardown(&f);
}
END_TEST

START_TEST(test_counted_people_are_no_organization)
{
    fixture f;
    setup_lists(&f, "Lady Hale said many Roma had good reason to leave. Many Ford dealers "
                    "agreed. The Bank ruled, and many Bank staff objected.");
    mention(&f, "Roma", 0, ERG_TYPE_AGENCY);
    mention(&f, "Ford", 0, ERG_TYPE_AGENCY);
    mention(&f, "Bank", 0, ERG_TYPE_AGENCY);
    mention(&f, "Bank", 1, ERG_TYPE_AGENCY);
    resolve(&f);
    bool roma = false, ford = false;
    for (size_t e = 0; e < f.entities.n; e++) {
        roma = roma || strcmp(f.entities.items[e].key, "roma") == 0;
        ford = ford || strcmp(f.entities.items[e].key, "ford") == 0;
    }
    /* "many Roma had": people; "many Ford dealers": the company, named before a noun. */
    ck_assert(!roma);
    ck_assert(ford);
    teardown_lists(&f);
}
END_TEST

START_TEST(test_groups_of_people_unless_they_join_a_name)
{
    fixture f;
    setup_lists(&f, "Muslims protested. James Christian spoke. Christian said so. Welsh voters "
                    "agreed.");
    mention(&f, "Muslims", 0, ERG_TYPE_PERSON);
    mention(&f, "James Christian", 0, ERG_TYPE_PERSON);
    mention(&f, "Christian", 1, ERG_TYPE_PERSON);
    mention(&f, "Welsh", 0, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 1);
    ck_assert_ptr_eq(entity_of(&f, "Christian", 0), entity_of(&f, "James Christian", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_company_named_by_its_first_words)
{
    fixture f;
    setup_lists(&f, "Ford Motor Co said sales rose. Ford said so. Moody's Investors Service Inc "
                    "cut it. Moody's said so. The EC Commission and the EC met.");
    mention(&f, "Ford Motor Co", 0, ERG_TYPE_AGENCY);
    mention(&f, "Ford", 1, ERG_TYPE_AGENCY);
    mention(&f, "Moody's Investors Service Inc", 0, ERG_TYPE_AGENCY);
    mention(&f, "Moody's", 1, ERG_TYPE_AGENCY);
    mention(&f, "EC Commission", 0, ERG_TYPE_AGENCY);
    mention(&f, "EC", 1, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_ptr_eq(entity_of(&f, "Ford", 0), entity_of(&f, "Ford Motor Co", 0));
    ck_assert_ptr_eq(entity_of(&f, "Moody's", 0),
                     entity_of(&f, "Moody's Investors Service Inc", 0));
    /* A name that holds the acronym is not what it stands for. */
    ck_assert_ptr_ne(entity_of(&f, "EC", 0), entity_of(&f, "EC Commission", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_company_named_by_its_first_words_read_as_a_person)
{
    fixture f;
    setup_lists(&f, "Hughes Tool Co agreed. Hughes balked. Philip Crosby Associates Inc said "
                    "so. Philip Crosby agreed.");
    mention(&f, "Hughes Tool Co", 0, ERG_TYPE_AGENCY);
    mention(&f, "Hughes", 1, ERG_TYPE_PERSON);
    mention(&f, "Philip Crosby Associates Inc", 0, ERG_TYPE_AGENCY);
    mention(&f, "Philip Crosby", 1, ERG_TYPE_PERSON);
    resolve(&f);
    /* The firm's first word is the firm, however the tagger read it. */
    ck_assert_ptr_eq(entity_of(&f, "Hughes", 0), entity_of(&f, "Hughes Tool Co", 0));
    ck_assert_int_eq(entity_of(&f, "Hughes", 0)->type, ERG_TYPE_AGENCY);
    /* A person's whole name stays the person's. */
    ck_assert_ptr_ne(entity_of(&f, "Philip Crosby", 0),
                     entity_of(&f, "Philip Crosby Associates Inc", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_company_named_by_its_founder)
{
    fixture f;
    setup_lists(&f, "G.D. Searle and Co said sales rose. Searle said so. F. W. Woolworth Co met. "
                    "Woolworth said so. Jane Heinz and H.J. Heinz Co met. Heinz said so.");
    mention(&f, "G.D. Searle and Co", 0, ERG_TYPE_AGENCY);
    mention(&f, "Searle", 1, ERG_TYPE_PERSON);
    mention(&f, "F. W. Woolworth Co", 0, ERG_TYPE_AGENCY);
    mention(&f, "Woolworth", 1, ERG_TYPE_AGENCY);
    mention(&f, "Jane Heinz", 0, ERG_TYPE_PERSON);
    mention(&f, "H.J. Heinz Co", 0, ERG_TYPE_AGENCY);
    mention(&f, "Heinz", 2, ERG_TYPE_AGENCY);
    resolve(&f);
    /* The surname alone, even read as a person's, is the firm: the firm's type wins. */
    ck_assert_ptr_eq(entity_of(&f, "Searle", 0), entity_of(&f, "G.D. Searle and Co", 0));
    ck_assert_int_eq(entity_of(&f, "Searle", 0)->type, ERG_TYPE_AGENCY);
    ck_assert_ptr_eq(entity_of(&f, "Woolworth", 0), entity_of(&f, "F. W. Woolworth Co", 0));
    /* Two owners of the name: it stays alone. */
    ck_assert_ptr_ne(entity_of(&f, "Heinz", 0), entity_of(&f, "H.J. Heinz Co", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_acronym_after_a_comma_or_country_initials)
{
    fixture f;
    setup_lists(&f, "The U.S. International Trade Commission, ITC, voted. The ITC agreed. The "
                    "U.S. Interstate Commerce Commission met. The ICC said so.");
    mention(&f, "U.S. International Trade Commission", 0, ERG_TYPE_AGENCY);
    mention(&f, "ITC", 0, ERG_TYPE_AGENCY);
    mention(&f, "ITC", 1, ERG_TYPE_AGENCY);
    mention(&f, "U.S. Interstate Commerce Commission", 0, ERG_TYPE_AGENCY);
    mention(&f, "ICC", 0, ERG_TYPE_AGENCY);
    resolve(&f);
    const erg_local_entity *itc = entity_of(&f, "U.S. International Trade Commission", 0);
    ck_assert_ptr_eq(entity_of(&f, "ITC", 0), itc);
    ck_assert_ptr_eq(entity_of(&f, "ITC", 1), itc);
    ck_assert_ptr_eq(entity_of(&f, "ICC", 0),
                     entity_of(&f, "U.S. Interstate Commerce Commission", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_body_after_dotted_initials)
{
    fixture f;
    setup_lists(&f, "The U.S. Navy and the Navy met. The White House and the House met.");
    mention(&f, "U.S. Navy", 0, ERG_TYPE_AGENCY);
    mention(&f, "Navy", 1, ERG_TYPE_AGENCY);
    mention(&f, "White House", 0, ERG_TYPE_AGENCY);
    mention(&f, "House", 1, ERG_TYPE_AGENCY);
    resolve(&f);
    /* Dotted initials before a body are its country. */
    ck_assert_ptr_eq(entity_of(&f, "Navy", 0), entity_of(&f, "U.S. Navy", 0));
    /* Another word before it makes a name of its own. */
    ck_assert_ptr_ne(entity_of(&f, "House", 0), entity_of(&f, "White House", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_acronym_with_the_legal_form)
{
    fixture f;
    setup_lists(&f, "Federal Deposit Insurance Corp said so. The FDIC agreed. Engelhard Corp met "
                    "the EC.");
    mention(&f, "Federal Deposit Insurance Corp", 0, ERG_TYPE_AGENCY);
    mention(&f, "FDIC", 0, ERG_TYPE_AGENCY);
    mention(&f, "Engelhard Corp", 0, ERG_TYPE_AGENCY);
    mention(&f, "EC", 0, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_ptr_eq(entity_of(&f, "FDIC", 0), entity_of(&f, "Federal Deposit Insurance Corp", 0));
    /* Two letters are too few to count the legal form's. */
    ck_assert_ptr_ne(entity_of(&f, "EC", 0), entity_of(&f, "Engelhard Corp", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_acronym_joins_only_one_fitting_name)
{
    fixture f;
    setup_lists(&f, "Bank of Montreal and British Midland met. BM said so.");
    mention(&f, "Bank of Montreal", 0, ERG_TYPE_AGENCY);
    mention(&f, "British Midland", 0, ERG_TYPE_AGENCY);
    mention(&f, "BM", 0, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 3); /* two names fit: BM stays alone */
    teardown_lists(&f);
}
END_TEST

/*
 * data/titles.tsv: a title used "strip" is dropped from the front of a
 * person's name ("Lt."; "Speaker" became "strip" with the merge of the title
 * lists); one that is also a first name ("Sultan") is not.
 */
START_TEST(test_titles_of_the_data_file_are_stripped)
{
    fixture f;
    setup_lists(&f, "Speaker Lee Eun-ju met Lt. Jeong Joon-hee and Sultan Kim Yong-chol.");
    mention(&f, "Speaker Lee Eun-ju", 0, ERG_TYPE_PERSON);
    mention(&f, "Lt. Jeong Joon-hee", 0, ERG_TYPE_PERSON);
    mention(&f, "Sultan Kim Yong-chol", 0, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 3);
    ck_assert_str_eq(f.entities.items[0].name, "Lee Eun-ju");
    ck_assert_str_eq(f.entities.items[1].name, "Jeong Joon-hee");
    ck_assert_str_eq(f.entities.items[2].name, "Sultan Kim Yong-chol");
    teardown_lists(&f);
}
END_TEST

START_TEST(test_same_key_one_entity)
{
    fixture f;
    setup(&f, "Kim Jong-un spoke. Later KIM JONG UN left. Kim Jong‐un’s aide stayed.");
    mention(&f, "Kim Jong-un", 0, ERG_TYPE_PERSON);
    mention(&f, "KIM JONG UN", 0, ERG_TYPE_PERSON);
    mention(&f, "Kim Jong‐un", 0, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 1);
    ck_assert_str_eq(f.entities.items[0].key, "kim jong un");
    ck_assert_uint_eq(f.entities.items[0].mentions, 3);
    ck_assert_uint_eq(f.entities.items[0].n_surfaces, 3);
    teardown(&f);
}
END_TEST

START_TEST(test_short_name_joins_full_name)
{
    fixture f;
    setup_lists(
        &f, "Park said nothing. President Park Geun-hye spoke later. Park’s government denied it.");
    mention(&f, "Park", 0, ERG_TYPE_PERSON);
    mention(&f, "President Park Geun-hye", 0, ERG_TYPE_PERSON);
    mention(&f, "Park", 2, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 1);
    ck_assert_str_eq(f.entities.items[0].name, "Park Geun-hye"); /* title dropped */
    ck_assert_ptr_eq(entity_of(&f, "Park", 0), &f.entities.items[0]);
    ck_assert_ptr_eq(entity_of(&f, "Park", 1), &f.entities.items[0]);
    ck_assert_uint_eq(f.entities.items[0].mentions, 3);
    teardown_lists(&f);
}
END_TEST

START_TEST(test_ambiguous_short_name_stays_unresolved)
{
    fixture f;
    setup(&f, "Kim Jong-un met Kim Yo-jong. Kim smiled. Moon Jae-in waited.");
    mention(&f, "Kim Jong-un", 0, ERG_TYPE_PERSON);
    mention(&f, "Kim Yo-jong", 0, ERG_TYPE_PERSON);
    mention(&f, "Kim", 2, ERG_TYPE_PERSON);
    mention(&f, "Moon Jae-in", 0, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 3);
    ck_assert_ptr_null(entity_of(&f, "Kim", 0));
    ck_assert_str_eq(entity_of(&f, "Kim Jong-un", 0)->name, "Kim Jong-un");
    ck_assert_str_eq(entity_of(&f, "Moon Jae-in", 0)->name, "Moon Jae-in");
    teardown(&f);
}
END_TEST

START_TEST(test_shorter_forms_of_a_full_name_share_its_surname)
{
    fixture f;
    setup(&f, "Tornquist arrived first. Anders Bo Tornquist founded the firm. "
              "Anders Tornquist and A. B. Tornquist are one man.");
    mention(&f, "Tornquist", 0, ERG_TYPE_PERSON);
    mention(&f, "Anders Bo Tornquist", 0, ERG_TYPE_PERSON);
    mention(&f, "Anders Tornquist", 0, ERG_TYPE_PERSON);
    mention(&f, "A. B. Tornquist", 0, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 1);
    ck_assert_str_eq(f.entities.items[0].name, "Anders Bo Tornquist");
    ck_assert_ptr_eq(entity_of(&f, "Tornquist", 0), &f.entities.items[0]);
    ck_assert_ptr_eq(entity_of(&f, "A. B. Tornquist", 0), &f.entities.items[0]);
    teardown(&f);
}
END_TEST

START_TEST(test_shorter_form_of_two_names_stays_apart)
{
    fixture f;
    setup(&f, "Jan Tornquist met Jon Tornquist. J. Tornquist left.");
    mention(&f, "Jan Tornquist", 0, ERG_TYPE_PERSON);
    mention(&f, "Jon Tornquist", 0, ERG_TYPE_PERSON);
    mention(&f, "J. Tornquist", 0, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 3);
    ck_assert_str_eq(entity_of(&f, "J. Tornquist", 0)->name, "J. Tornquist");
    teardown(&f);
}
END_TEST

START_TEST(test_surname_prefers_the_one_person_over_a_run_on)
{
    fixture f;
    setup(&f, "Harriet Wexler wrote it. Senate Wexler was a headline. Wexler said so.");
    mention(&f, "Harriet Wexler", 0, ERG_TYPE_PERSON);
    mention(&f, "Senate Wexler", 0, ERG_TYPE_AGENCY);
    mention(&f, "Wexler", 2, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_ptr_eq(entity_of(&f, "Wexler", 0), entity_of(&f, "Harriet Wexler", 0));
    teardown(&f);
}
END_TEST

START_TEST(test_given_name_needs_a_person_context)
{
    fixture f;
    setup_lists(&f, "Paris Quellmann arrived. The show moved to Paris in May. Paris sang.");
    mention(&f, "Paris Quellmann", 0, ERG_TYPE_PERSON);
    mention(&f, "Paris", 1, ERG_TYPE_PLACE);
    resolve(&f);
    ck_assert_ptr_ne(entity_of(&f, "Paris", 0), entity_of(&f, "Paris Quellmann", 0));
    teardown_lists(&f);

    setup_lists(&f, "Paris Quellmann arrived. Paris sang.");
    mention(&f, "Paris Quellmann", 0, ERG_TYPE_PERSON);
    mention(&f, "Paris", 1, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_ptr_eq(entity_of(&f, "Paris", 0), entity_of(&f, "Paris Quellmann", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_inner_surname_joins_its_one_owner)
{
    fixture f;
    setup_lists(&f, "Tomas Arvelo Quintanar won. Arvelo thanked his team.");
    mention(&f, "Tomas Arvelo Quintanar", 0, ERG_TYPE_PERSON);
    mention(&f, "Arvelo", 1, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 1);
    ck_assert_ptr_eq(entity_of(&f, "Arvelo", 0), entity_of(&f, "Tomas Arvelo Quintanar", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_second_name_given_by_the_text_joins)
{
    fixture f;
    setup_lists(&f, "Mara Veldt (born Mara Oskarsdottir) sang. Oskarsdottir, known as Kip Veldt, "
                    "left. Ann Pell met Tom Brack.");
    mention(&f, "Mara Veldt", 0, ERG_TYPE_PERSON);
    mention(&f, "Mara Oskarsdottir", 0, ERG_TYPE_PERSON);
    mention(&f, "Oskarsdottir", 1, ERG_TYPE_PERSON);
    mention(&f, "Kip Veldt", 0, ERG_TYPE_PERSON);
    mention(&f, "Ann Pell", 0, ERG_TYPE_PERSON);
    mention(&f, "Tom Brack", 0, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_ptr_eq(entity_of(&f, "Mara Oskarsdottir", 0), entity_of(&f, "Mara Veldt", 0));
    /* A short form that joined a longer name takes no second name. */
    ck_assert_ptr_eq(entity_of(&f, "Oskarsdottir", 0), entity_of(&f, "Mara Veldt", 0));
    ck_assert_ptr_ne(entity_of(&f, "Kip Veldt", 0), entity_of(&f, "Mara Veldt", 0));
    ck_assert_ptr_ne(entity_of(&f, "Ann Pell", 0), entity_of(&f, "Tom Brack", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_acronym_defined_in_text)
{
    fixture f;
    setup(&f,
          "The General Reconnaissance Bureau (GRB) is feared. Officials say the GRB hacked it.");
    mention(&f, "General Reconnaissance Bureau", 0, ERG_TYPE_AGENCY);
    mention(&f, "GRB", 0, ERG_TYPE_AGENCY);
    mention(&f, "GRB", 1, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 1);
    ck_assert_str_eq(f.entities.items[0].name, "General Reconnaissance Bureau");
    ck_assert_uint_eq(f.entities.items[0].mentions, 3);
    teardown(&f);
}
END_TEST

START_TEST(test_acronym_must_spell_the_name)
{
    fixture f;
    setup(&f, "The Unification Ministry (KCNA) said so. KCNA agreed.");
    mention(&f, "Unification Ministry", 0, ERG_TYPE_AGENCY);
    mention(&f, "KCNA", 1, ERG_TYPE_OUTLET);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 2);
    teardown(&f);
}
END_TEST

START_TEST(test_alias_list_gives_canonical_name_and_type)
{
    fixture f;
    setup(&f, "The UN met. The U.N. agreed with the United Nations.");
    ck_assert_int_eq(erg_resolver_add_alias(f.r, "United Nations", ERG_TYPE_AGENCY, "UN", NULL),
                     ERG_OK);
    ck_assert_int_eq(
        erg_resolver_add_alias(f.r, "United Nations", ERG_TYPE_AGENCY, "United Nations", NULL),
        ERG_OK);
    mention(&f, "The UN", 0, ERG_TYPE_PLACE);
    mention(&f, "U.N.", 0, ERG_TYPE_AGENCY);
    mention(&f, "United Nations", 0, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 1);
    ck_assert_str_eq(f.entities.items[0].name, "United Nations");
    ck_assert_int_eq(f.entities.items[0].type, ERG_TYPE_AGENCY);
    teardown(&f);
}
END_TEST

START_TEST(test_alias_file_errors)
{
    erg_resolver *r;
    erg_error err;
    ck_assert_int_eq(erg_resolver_new(&r, NULL, NULL), ERG_OK);
    char path[] = "/tmp/erg-alias-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *fp = fdopen(fd, "w");
    fputs("[{\"name\": \"NATO\", \"type\": \"robot\", \"aliases\": []}]", fp);
    fclose(fp);
    ck_assert_int_eq(erg_resolver_add_aliases(r, path, &err), ERG_EJSON);
    ck_assert(strstr(err.text, "entry 1") != NULL);
    fp = fopen(path, "w");
    fputs("[{\"name\": \"NATO\", ", fp);
    fclose(fp);
    ck_assert_int_eq(erg_resolver_add_aliases(r, path, &err), ERG_EJSON);
    ck_assert(strstr(err.text, "malformed JSON") != NULL);
    ck_assert_str_eq(err.source, path);
    unlink(path);
    ck_assert_int_eq(erg_resolver_add_aliases(r, "/nonexistent/aliases.json", &err), ERG_EIO);
    erg_resolver_free(r);
}
END_TEST

START_TEST(test_shipped_alias_list_loads)
{
    const char *dir = getenv("ERG_DATA");
    ck_assert_ptr_nonnull(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/aliases.json", dir);
    erg_resolver *r;
    erg_error err;
    ck_assert_int_eq(erg_resolver_new(&r, NULL, NULL), ERG_OK);
    ck_assert_msg(erg_resolver_add_aliases(r, path, &err) == ERG_OK, "%s", err.text);
    erg_resolver_free(r);
}
END_TEST

START_TEST(test_partial_names_join_the_full_name)
{
    fixture f;
    setup(&f, "The General Reconnaissance Bureau hacked Sony. The Reconnaissance Bureau denied it. "
              "Under the Kim regime, Kim Jong-un rules.");
    mention(&f, "General Reconnaissance Bureau", 0, ERG_TYPE_AGENCY);
    mention(&f, "Reconnaissance Bureau", 1, ERG_TYPE_PERSON); /* a tagger's slip */
    mention(&f, "Kim", 0, ERG_TYPE_MISC);
    mention(&f, "Kim Jong-un", 0, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 2);
    ck_assert_str_eq(entity_of(&f, "Reconnaissance Bureau", 0)->name,
                     "General Reconnaissance Bureau");
    ck_assert_int_eq(entity_of(&f, "Reconnaissance Bureau", 0)->type, ERG_TYPE_AGENCY);
    ck_assert_str_eq(entity_of(&f, "Kim", 0)->name, "Kim Jong-un");
    /* a resolved mention takes its entity's type */
    ck_assert_int_eq(f.mentions.items[1].type, ERG_TYPE_AGENCY);
    teardown(&f);
}
END_TEST

START_TEST(test_organization_prefix_is_another_body)
{
    fixture f;
    setup(&f, "The United Nations Security Council met. The United Nations said little. "
              "The Security Council voted.");
    mention(&f, "United Nations Security Council", 0, ERG_TYPE_AGENCY);
    mention(&f, "United Nations", 1, ERG_TYPE_AGENCY);
    mention(&f, "Security Council", 1, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 2);
    ck_assert_str_eq(entity_of(&f, "United Nations", 0)->name, "United Nations");
    ck_assert_str_eq(entity_of(&f, "Security Council", 0)->name, "United Nations Security Council");
    teardown(&f);
}
END_TEST

START_TEST(test_person_is_not_part_of_an_organization_named_after_him)
{
    fixture f;
    setup(&f, "The Andy Warhol Foundation gave prints. Andy Warhol made them. Warhol died.");
    mention(&f, "Andy Warhol Foundation", 0, ERG_TYPE_AGENCY);
    mention(&f, "Andy Warhol", 1, ERG_TYPE_PERSON);
    mention(&f, "Warhol", 2, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 2);
    ck_assert_str_eq(entity_of(&f, "Andy Warhol", 0)->name, "Andy Warhol");
    ck_assert_int_eq(entity_of(&f, "Andy Warhol", 0)->type, ERG_TYPE_PERSON);
    ck_assert_str_eq(entity_of(&f, "Warhol", 0)->name, "Andy Warhol");
    teardown(&f);
}
END_TEST

START_TEST(test_place_is_not_short_for_an_organization)
{
    fixture f;
    setup(&f, "Air Canada cut fares. Flights in Canada were full.");
    mention(&f, "Air Canada", 0, ERG_TYPE_AGENCY);
    mention(&f, "Canada", 1, ERG_TYPE_PLACE);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 2);
    ck_assert_int_eq(entity_of(&f, "Canada", 0)->type, ERG_TYPE_PLACE);
    ck_assert_int_eq(f.mentions.items[1].type, ERG_TYPE_PLACE);
    teardown(&f);
}
END_TEST

START_TEST(test_doctrine_name_is_an_agency)
{
    fixture f;
    setup(&f, "Critics of Scientology met. Scientology denied it. Scientology sued.");
    mention(&f, "Scientology", 0, ERG_TYPE_PERSON);
    mention(&f, "Scientology", 1, ERG_TYPE_PERSON);
    mention(&f, "Scientology", 2, ERG_TYPE_PLACE);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 1);
    ck_assert_int_eq(f.entities.items[0].type, ERG_TYPE_AGENCY);
    ck_assert_int_eq(f.mentions.items[2].type, ERG_TYPE_AGENCY);
    teardown(&f);

    setup(&f, "Buddhism spread. Buddhism lasted.");
    mention(&f, "Buddhism", 0, ERG_TYPE_PERSON);
    mention(&f, "Buddhism", 1, ERG_TYPE_PLACE);
    resolve(&f);
    ck_assert_int_eq(f.entities.items[0].type, ERG_TYPE_MISC); /* a doctrine, not a body */
    teardown(&f);
}
END_TEST

START_TEST(test_capital_the_dropped_from_an_agency)
{
    fixture f;
    setup(&f, "An insurgency against The Church of Scientology. The Church of Scientology said "
              "no. Members of the Church of Scientology left the Church of Scientology for "
              "the Church of Scientology.");
    mention(&f, "The Church of Scientology", 0, ERG_TYPE_AGENCY);
    mention(&f, "The Church of Scientology", 1, ERG_TYPE_AGENCY);
    mention(&f, "Church of Scientology", 2, ERG_TYPE_AGENCY);
    mention(&f, "Church of Scientology", 3, ERG_TYPE_AGENCY);
    mention(&f, "Church of Scientology", 4, ERG_TYPE_AGENCY);
    resolve(&f);
    for (size_t i = 0; i < f.mentions.n; i++) {
        const erg_mention *m = &f.mentions.items[i];
        ck_assert_uint_eq(m->end - m->start, strlen("Church of Scientology"));
        ck_assert_int_eq(memcmp(f.text + m->start, "Church", 6), 0);
        ck_assert_uint_eq(f.doc.tokens[m->tok_first].start, m->start);
    }
    teardown(&f);
}
END_TEST

START_TEST(test_capital_the_kept_when_the_name_has_it)
{
    fixture f;
    setup(&f, "The Velvet Underground played. Fans of The Velvet Underground came.");
    mention(&f, "The Velvet Underground", 0, ERG_TYPE_AGENCY);
    mention(&f, "The Velvet Underground", 1, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_uint_eq(f.mentions.items[0].start, 0);
    ck_assert_int_eq(memcmp(f.text + f.mentions.items[1].start, "The ", 4), 0);
    teardown(&f);
}
END_TEST

START_TEST(test_possessive_inside_a_known_name)
{
    fixture f;
    setup(&f, "The Democratic People’s Republic of Korea fired. Kim’s Republic Day passed.");
    ck_assert_int_eq(erg_resolver_add_alias(f.r, "North Korea", ERG_TYPE_PLACE,
                                            "Democratic People's Republic of Korea", NULL),
                     ERG_OK);
    mention(&f, "Democratic", 0, ERG_TYPE_MISC);
    mention(&f, "People’s Republic of Korea", 0, ERG_TYPE_PLACE);
    mention(&f, "Kim", 0, ERG_TYPE_PERSON);
    mention(&f, "Republic Day", 0, ERG_TYPE_MISC);
    resolve(&f);
    ck_assert_uint_eq(f.mentions.n, 3); /* the two halves became one; Kim’s Republic Day did not */
    ck_assert_str_eq(f.entities.items[f.mentions.items[0].entity].name, "North Korea");
    ck_assert_int_eq(f.mentions.items[0].type, ERG_TYPE_PLACE);
    teardown(&f);
}
END_TEST

START_TEST(test_generic_org_word_is_no_name)
{
    fixture f;
    setup_lists(&f,
                "The Church of Scientology sued. The Church said no. The Ministry denied it. "
                "The University of Texas and the University of Utah met. The University agreed. "
                "The Office read a statement to The Congress.");
    mention(&f, "Church of Scientology", 0, ERG_TYPE_AGENCY);
    mention(&f, "Church", 1, ERG_TYPE_AGENCY);
    mention(&f, "Ministry", 0, ERG_TYPE_AGENCY);
    mention(&f, "University of Texas", 0, ERG_TYPE_AGENCY);
    mention(&f, "University of Utah", 0, ERG_TYPE_AGENCY);
    mention(&f, "University", 2, ERG_TYPE_AGENCY);
    mention(&f, "The Office", 0, ERG_TYPE_AGENCY);
    mention(&f, "Congress", 0, ERG_TYPE_AGENCY);
    resolve(&f);
    /* "the Church" is the one church of the article; a lone "Ministry", an
     * ambiguous "University" and "The Office" name nothing and are gone. */
    ck_assert_str_eq(entity_of(&f, "Church", 0)->name, "Church of Scientology");
    ck_assert_uint_eq(f.mentions.n, 5);
    ck_assert_uint_eq(f.entities.n, 4);
    ck_assert_str_eq(entity_of(&f, "Congress", 0)->name, "Congress");
    for (size_t i = 0; i < f.mentions.n; i++)
        ck_assert_int_ge(f.mentions.items[i].entity, 0);
    teardown_lists(&f);
}
END_TEST

START_TEST(test_missed_surname_is_found)
{
    fixture f;
    setup_lists(&f,
                "President Park Geun-hye spoke. Park’s government denied it. Park rangers left. "
                "They met Ms. Park later.");
    mention(&f, "President Park Geun-hye", 0, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 1);
    /* "Park’s" at a sentence start and "Park" inside a sentence; not "Park rangers" */
    ck_assert_uint_eq(f.mentions.n, 3);
    ck_assert_uint_eq(f.entities.items[0].mentions, 3);
    ck_assert_str_eq(entity_of(&f, "Park", 0)->name, "Park Geun-hye");
    ck_assert_uint_eq(f.mentions.items[1].start, (uint32_t)(strstr(f.text, "Park’s") - f.text));
    ck_assert_uint_eq(f.mentions.items[2].start, (uint32_t)(strstr(f.text, "Park later") - f.text));
    teardown_lists(&f);

    /* A short English word is no surname, even where a person's name has it. */
    setup_lists(&f, "The Weeknd sang. Fans of The Killers came.");
    mention(&f, "The Weeknd", 0, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_uint_eq(f.mentions.n, 1);
    teardown_lists(&f);
}
END_TEST

START_TEST(test_first_name_makes_a_person)
{
    fixture f;
    setup(&f, "Tom Cruise spoke. The Tom Cruise video spread. The Tom Cruise video was removed. "
              "Jordan Valley Authority met. Jordan Valley Authority agreed.");
    char path[] = "/tmp/erg-names-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "# test list\nTom\nJordan\n", 23), 23);
    close(fd);
    ck_assert_int_eq(erg_resolver_add_first_names(f.r, path, NULL), ERG_OK);
    unlink(path);
    mention(&f, "Tom Cruise", 0, ERG_TYPE_PERSON);
    mention(&f, "Tom Cruise", 1, ERG_TYPE_AGENCY);
    mention(&f, "Tom Cruise", 2, ERG_TYPE_AGENCY);
    mention(&f, "Jordan Valley Authority", 0, ERG_TYPE_AGENCY);
    mention(&f, "Jordan Valley Authority", 1, ERG_TYPE_AGENCY);
    resolve(&f);
    ck_assert_int_eq(entity_of(&f, "Tom Cruise", 0)->type, ERG_TYPE_PERSON);
    /* never called a person: stays an agency */
    ck_assert_int_eq(entity_of(&f, "Jordan Valley Authority", 0)->type, ERG_TYPE_AGENCY);
    ck_assert_int_eq(erg_resolver_add_first_names(f.r, "/nonexistent/names.txt", NULL), ERG_EIO);
    teardown(&f);
}
END_TEST

/* A one-word first name becomes a person only when the context, not the tagger, said so. */
START_TEST(test_one_word_first_name_shown_a_person)
{
    fixture f;
    setup(&f, "Their child, Gloria. Gloria was ill. Gloria died. "
              "Jordan spoke. Jordan closed its border. Jordan is dry.");
    char path[] = "/tmp/erg-names-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "Gloria\nJordan\n", 14), 14);
    close(fd);
    ck_assert_int_eq(erg_resolver_add_first_names(f.r, path, NULL), ERG_OK);
    unlink(path);
    mention(&f, "Gloria", 0, ERG_TYPE_PERSON);
    f.mentions.items[0].cls = ERG_CLASS_ORG; /* an apposition overruled the tagger */
    mention(&f, "Gloria", 1, ERG_TYPE_AGENCY);
    mention(&f, "Gloria", 2, ERG_TYPE_AGENCY);
    mention(&f, "Jordan", 0, ERG_TYPE_PERSON); /* the tagger's word only */
    mention(&f, "Jordan", 1, ERG_TYPE_PLACE);
    mention(&f, "Jordan", 2, ERG_TYPE_PLACE);
    resolve(&f);
    ck_assert_int_eq(entity_of(&f, "Gloria", 2)->type, ERG_TYPE_PERSON);
    ck_assert_int_eq(f.mentions.items[1].type, ERG_TYPE_PERSON);
    ck_assert_int_eq(entity_of(&f, "Jordan", 0)->type, ERG_TYPE_PLACE);
    teardown(&f);
}
END_TEST

START_TEST(test_name_syllable_without_hyphen)
{
    fixture f;
    setup_lists(
        &f, "Talks between Kim Jong Un and Moon Jae In went on. Barack Obama In Washington spoke.");
    mention(&f, "Kim Jong", 0, ERG_TYPE_PERSON);
    mention(&f, "Barack Obama", 0, ERG_TYPE_PERSON);
    resolve(&f);
    ck_assert_str_eq(entity_of(&f, "Kim Jong Un", 0)->key, "kim jong un");
    ck_assert_str_eq(entity_of(&f, "Barack Obama", 0)->key, "barack obama"); /* "In" is English */
    teardown_lists(&f);
}
END_TEST

START_TEST(test_generic_media_word_is_no_entity)
{
    fixture f;
    /* "State media" and not "State TV": with the shipped lists the outlet tail
     * " TV" is stripped first, leaving "State" (the word lists live in the
     * gazetteer, so this test needs it). */
    setup_lists(&f, "State media said so. Yonhap agreed.");
    mention(&f, "State media", 0, ERG_TYPE_OUTLET);
    mention(&f, "Yonhap", 0, ERG_TYPE_OUTLET);
    resolve(&f);
    ck_assert_uint_eq(f.entities.n, 1);
    ck_assert_ptr_null(entity_of(&f, "State media", 0));
    teardown_lists(&f);
}
END_TEST

START_TEST(test_outlet_tail_with_a_capital_is_the_name)
{
    fixture f;
    setup_lists(&f, "The Tarn Daily said so. Kyodo Radio agreed. The Vela daily said no.");
    mention(&f, "Tarn Daily", 0, ERG_TYPE_OUTLET);
    mention(&f, "Kyodo Radio", 0, ERG_TYPE_OUTLET);
    mention(&f, "Vela daily", 0, ERG_TYPE_OUTLET);
    resolve(&f);
    /* A capital tail stays unless the list knows the name without it; a
     * lower-case one is a description. */
    ck_assert_str_eq(entity_of(&f, "Tarn Daily", 0)->key, "tarn daily");
    ck_assert_str_eq(entity_of(&f, "Kyodo Radio", 0)->key, "kyodo news"); /* listed as Kyodo */
    ck_assert_str_eq(entity_of(&f, "Vela daily", 0)->key, "vela");
    teardown_lists(&f);
}
END_TEST

START_TEST(test_organization_tail_word_needs_of_or_a_country)
{
    fixture f;
    setup_lists(
        &f, "The Silver Lodge met. The Lodge voted. The Canadian Mint struck it. The Mint agreed. "
            "The House of Elders sat. Elders spoke.");
    mention(&f, "Silver Lodge", 0, ERG_TYPE_AGENCY);
    mention(&f, "Lodge", 1, ERG_TYPE_AGENCY);
    mention(&f, "Canadian Mint", 0, ERG_TYPE_AGENCY);
    mention(&f, "Mint", 1, ERG_TYPE_AGENCY);
    mention(&f, "House of Elders", 0, ERG_TYPE_AGENCY);
    mention(&f, "Elders", 0, ERG_TYPE_AGENCY);
    resolve(&f);
    /* "Lodge" after another word names a body of its own; "Mint" after a
     * country and "Elders" after "of" are the longer names. */
    ck_assert_str_eq(entity_of(&f, "Lodge", 0)->name, "Lodge");
    ck_assert_str_eq(entity_of(&f, "Mint", 0)->name, "Canadian Mint");
    ck_assert_str_eq(entity_of(&f, "Elders", 0)->name, "House of Elders");
    teardown_lists(&f);
}
END_TEST

static Suite *resolve_suite(void)
{
    Suite *s = suite_create("resolve");
    TCase *tc = tcase_create("article");
    tcase_add_test(tc, test_same_key_one_entity);
    tcase_add_test(tc, test_titles_of_the_data_file_are_stripped);
    tcase_add_test(tc, test_words_that_name_no_one);
    tcase_add_test(tc, test_short_forms_join_the_full_name);
    tcase_add_test(tc, test_acronym_joins_only_one_fitting_name);
    tcase_add_test(tc, test_short_name_joins_full_name);
    tcase_add_test(tc, test_ambiguous_short_name_stays_unresolved);
    tcase_add_test(tc, test_shorter_forms_of_a_full_name_share_its_surname);
    tcase_add_test(tc, test_shorter_form_of_two_names_stays_apart);
    tcase_add_test(tc, test_surname_prefers_the_one_person_over_a_run_on);
    tcase_add_test(tc, test_given_name_needs_a_person_context);
    tcase_add_test(tc, test_inner_surname_joins_its_one_owner);
    tcase_add_test(tc, test_second_name_given_by_the_text_joins);
    tcase_add_test(tc, test_acronym_defined_in_text);
    tcase_add_test(tc, test_acronym_must_spell_the_name);
    tcase_add_test(tc, test_alias_list_gives_canonical_name_and_type);
    tcase_add_test(tc, test_alias_file_errors);
    tcase_add_test(tc, test_partial_names_join_the_full_name);
    tcase_add_test(tc, test_organization_prefix_is_another_body);
    tcase_add_test(tc, test_possessive_inside_a_known_name);
    tcase_add_test(tc, test_missed_surname_is_found);
    tcase_add_test(tc, test_generic_org_word_is_no_name);
    tcase_add_test(tc, test_first_name_makes_a_person);
    tcase_add_test(tc, test_name_syllable_without_hyphen);
    tcase_add_test(tc, test_one_word_first_name_shown_a_person);
    tcase_add_test(tc, test_person_is_not_part_of_an_organization_named_after_him);
    tcase_add_test(tc, test_place_is_not_short_for_an_organization);
    tcase_add_test(tc, test_doctrine_name_is_an_agency);
    tcase_add_test(tc, test_capital_the_dropped_from_an_agency);
    tcase_add_test(tc, test_capital_the_kept_when_the_name_has_it);

    tcase_add_test(tc, test_generic_media_word_is_no_entity);
    tcase_add_test(tc, test_outlet_tail_with_a_capital_is_the_name);
    tcase_add_test(tc, test_organization_tail_word_needs_of_or_a_country);
    tcase_add_test(tc, test_shipped_alias_list_loads);
    tcase_add_test(tc, test_country_bodies_need_their_country);
    tcase_add_test(tc, test_country_body_joins_the_qualified_name);
    tcase_add_test(tc, test_country_body_alone_is_no_name);
    tcase_add_test(tc, test_outlet_head_joins_the_one_outlet_it_ends);
    tcase_add_test(tc, test_party_before_a_person_is_split_off);
    tcase_add_test(tc, test_company_named_by_its_first_words);
    tcase_add_test(tc, test_company_named_by_its_first_words_read_as_a_person);
    tcase_add_test(tc, test_company_named_by_its_founder);
    tcase_add_test(tc, test_acronym_with_the_legal_form);
    tcase_add_test(tc, test_acronym_after_a_comma_or_country_initials);
    tcase_add_test(tc, test_body_after_dotted_initials);
    tcase_add_test(tc, test_article_beats_alias_list_for_an_acronym);
    tcase_add_test(tc, test_counted_people_are_no_organization);
    tcase_add_test(tc, test_groups_of_people_unless_they_join_a_name);
    tcase_add_test(tc, test_name_cut_short_on_the_left_takes_a_listed_name);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(resolve_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
