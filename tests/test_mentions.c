/*
 * Tests of the gazetteers and of erg_ner_mentions: documents are tokenized
 * with erg_text_tokenize and labelled by hand, phrase by phrase, the way a
 * tagger would label them (right or wrong). The tests of single typing rules
 * are data, tests/typing/rules.test (run by tests/typing/run_rules.c); here
 * stay what needs C: the seed article's invariants, label errors and reuse,
 * the gazetteer files and the rule-name table.
 */
#include "erg/ner.h"
#include "erg/text.h"
#include "erg/typing.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static erg_gazetteer *gaz;

static void load_gaz(void)
{
    erg_error err;
    erg_error_clear(&err);
    erg_status st = erg_gazetteer_load(&gaz, NULL, &err);
    ck_assert_msg(st == ERG_OK, "gazetteer: %s: %s", err.source, err.text);
}

static void free_gaz(void)
{
    erg_gazetteer_free(gaz);
    gaz = NULL;
}

/* A text, its tokens, hand-made labels and the mentions made from them. */
typedef struct fx {
    const char *text;
    size_t len;
    erg_doc doc;
    uint8_t *labels;
    erg_mentions m;
} fx;

static void fx_init(fx *f, const char *text)
{
    f->text = text;
    f->len = strlen(text);
    erg_doc_init(&f->doc);
    erg_mentions_init(&f->m);
    ck_assert_int_eq(erg_text_tokenize(&f->doc, text, f->len, NULL), ERG_OK);
    f->labels = calloc(f->doc.n_tokens + 1, 1);
    ck_assert_ptr_nonnull(f->labels);
}

static void fx_release(fx *f)
{
    erg_doc_release(&f->doc);
    erg_mentions_release(&f->m);
    free(f->labels);
}

/* Byte offset of the nth (0-based) occurrence of phrase. */
static size_t offset_of(const fx *f, const char *phrase, int nth)
{
    const char *p = f->text;
    for (;;) {
        p = strstr(p, phrase);
        ck_assert_msg(p != NULL, "'%s' #%d not in the text", phrase, nth);
        if (nth-- == 0)
            return (size_t)(p - f->text);
        p++;
    }
}

/* Labels the tokens of the nth occurrence of phrase as one span of class cls. */
static void tag(fx *f, const char *phrase, int nth, erg_class cls)
{
    size_t a = offset_of(f, phrase, nth), b = a + strlen(phrase);
    int n = 0;
    for (size_t i = 0; i < f->doc.n_tokens; i++) {
        const erg_token *t = &f->doc.tokens[i];
        if (t->start >= a && t->end <= b)
            f->labels[i] = (uint8_t)(n++ ? 2 * cls + 2 : 2 * cls + 1);
    }
    ck_assert_msg(n > 0, "'%s' covers no token", phrase);
}

static void run(fx *f, const erg_gazetteer *g)
{
    erg_error err;
    erg_error_clear(&err);
    erg_status st = erg_ner_mentions(f->text, &f->doc, f->labels, g, &f->m, &err);
    ck_assert_msg(st == ERG_OK, "mentions: %s", err.text);
    for (size_t i = 1; i < f->m.n; i++)
        ck_assert_uint_lt(f->m.items[i - 1].start, f->m.items[i].start);
}

/* The mention covering exactly the nth occurrence of phrase, or NULL. */
static const erg_mention *find(const fx *f, const char *phrase, int nth)
{
    size_t a = offset_of(f, phrase, nth), b = a + strlen(phrase);
    for (size_t i = 0; i < f->m.n; i++)
        if (f->m.items[i].start == a && f->m.items[i].end == b)
            return &f->m.items[i];
    return NULL;
}

/* Asserts that the nth occurrence of phrase is a mention of type t. */
#define ck_mention(f, phrase, nth, t)                                                              \
    do {                                                                                           \
        const erg_mention *m_ = find((f), (phrase), (nth));                                        \
        ck_assert_msg(m_ != NULL, "no mention '%s' #%d", (phrase), (nth));                         \
        ck_assert_msg(m_->type == (t), "'%s' #%d is %s, expected %s", (phrase), (nth),             \
                      erg_type_name(m_->type), erg_type_name(t));                                  \
    } while (0)

/* Asserts that no mention overlaps the nth occurrence of phrase. */
static void ck_none(const fx *f, const char *phrase, int nth)
{
    size_t a = offset_of(f, phrase, nth), b = a + strlen(phrase);
    for (size_t i = 0; i < f->m.n; i++)
        ck_assert_msg(f->m.items[i].end <= a || f->m.items[i].start >= b,
                      "'%s' #%d overlaps a %s mention", phrase, nth,
                      erg_type_name(f->m.items[i].type));
}

static char *read_fixture(const char *name)
{
    const char *dir = getenv("FIXTURES");
    ck_assert_ptr_nonnull(dir);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *data;
    size_t len;
    erg_error err;
    ck_assert_msg(erg_read_file(path, &data, &len, &err) == ERG_OK, "%s", err.text);
    return data;
}

/* ---- the seed article ------------------------------------------------------------- */

START_TEST(test_seed_article)
{
    char *text = read_fixture("articles/defector-article.txt");
    fx f;
    fx_init(&f, text);
    tag(&f, "General Reconnaissance Bureau", 0, ERG_CLASS_ORG);
    tag(&f, "General Reconnaissance Bureau", 1, ERG_CLASS_ORG);
    tag(&f, "Fox News", 0, ERG_CLASS_ORG);
    tag(&f, "Fox News", 1, ERG_CLASS_ORG);
    tag(&f, "Sony Pictures Entertainment", 0, ERG_CLASS_ORG);
    tag(&f, "CNN", 0, ERG_CLASS_ORG);
    /* "CNN" #1 is left untagged: the gazetteer must add it. */
    tag(&f, "Yonhap", 0, ERG_CLASS_ORG);
    tag(&f, "Reuters", 0, ERG_CLASS_ORG);
    tag(&f, "Reuters", 1, ERG_CLASS_PER); /* a tagger error to correct */
    tag(&f, "NPR", 0, ERG_CLASS_ORG);
    tag(&f, "NPR", 1, ERG_CLASS_ORG);
    tag(&f, "Minjoo", 0, ERG_CLASS_ORG);
    tag(&f, "Unification Ministry", 0, ERG_CLASS_ORG);
    tag(&f, "Unification Ministry", 1, ERG_CLASS_ORG);
    tag(&f, "Kim Jong-un", 0, ERG_CLASS_PER);
    tag(&f, "Park Geun-hye", 0, ERG_CLASS_PER);
    tag(&f, "Jeong Joon-hee", 0, ERG_CLASS_PER);
    tag(&f, "Seoul", 0, ERG_CLASS_LOC);
    tag(&f, "Pyongyang", 0, ERG_CLASS_LOC);
    run(&f, gaz);

    ck_mention(&f, "Fox News", 0, ERG_TYPE_OUTLET);
    ck_mention(&f, "Fox News", 1, ERG_TYPE_OUTLET);
    ck_mention(&f, "CNN", 0, ERG_TYPE_OUTLET);
    ck_mention(&f, "CNN", 1, ERG_TYPE_OUTLET);
    ck_assert_int_eq(find(&f, "CNN", 1)->cls, ERG_CLASS_ORG);
    ck_mention(&f, "Yonhap", 0, ERG_TYPE_OUTLET);
    ck_assert_ptr_null(find(&f, "Yonhap news agency", 0));
    ck_mention(&f, "Reuters", 0, ERG_TYPE_OUTLET);
    ck_mention(&f, "Reuters", 1, ERG_TYPE_OUTLET);
    ck_assert_int_eq(find(&f, "Reuters", 1)->cls, ERG_CLASS_PER);
    ck_mention(&f, "NPR", 0, ERG_TYPE_OUTLET);
    ck_mention(&f, "NPR", 1, ERG_TYPE_OUTLET);
    ck_mention(&f, "General Reconnaissance Bureau", 0, ERG_TYPE_AGENCY);
    ck_mention(&f, "General Reconnaissance Bureau", 1, ERG_TYPE_AGENCY);
    ck_mention(&f, "Sony Pictures Entertainment", 0, ERG_TYPE_AGENCY);
    ck_mention(&f, "Unification Ministry", 0, ERG_TYPE_AGENCY);
    ck_mention(&f, "Unification Ministry", 1, ERG_TYPE_AGENCY);
    ck_mention(&f, "Minjoo", 0, ERG_TYPE_AGENCY);
    ck_mention(&f, "Kim Jong-un", 0, ERG_TYPE_PERSON);
    ck_mention(&f, "Seoul", 0, ERG_TYPE_PLACE);

    /* Every mention lies in one sentence and its offsets are its tokens'. */
    for (size_t i = 0; i < f.m.n; i++) {
        const erg_mention *m = &f.m.items[i];
        const erg_sentence *s = &f.doc.sentences[m->sentence];
        ck_assert_uint_ge(m->tok_first, s->first);
        ck_assert_uint_le(m->tok_end, s->end);
        ck_assert_uint_eq(m->start, f.doc.tokens[m->tok_first].start);
        ck_assert_uint_eq(m->end, f.doc.tokens[m->tok_end - 1].end);
        ck_assert_int_eq(m->entity, -1);
    }
    /* 9 outlets, 6 agencies; nothing else is an outlet. */
    int outlets = 0, agencies = 0;
    for (size_t i = 0; i < f.m.n; i++) {
        outlets += f.m.items[i].type == ERG_TYPE_OUTLET;
        agencies += f.m.items[i].type == ERG_TYPE_AGENCY;
    }
    ck_assert_int_eq(outlets, 9);
    ck_assert_int_eq(agencies, 6);
    fx_release(&f);
    free(text);
}
END_TEST

/*
 * The seed article with no labels at all: the gazetteer alone finds every
 * outlet, and the shape of a romanized Korean name finds the full names
 * that stand alone ("dictator Kim Jong-un", not "President Park Geun-hye").
 */
START_TEST(test_seed_article_untagged)
{
    char *text = read_fixture("articles/defector-article.txt");
    fx f;
    fx_init(&f, text);
    run(&f, gaz);
    const char *names[] = {"Fox News", "CNN", "Yonhap", "Reuters", "NPR"};
    const int counts[] = {2, 2, 1, 2, 2};
    size_t total = 0;
    for (int k = 0; k < 5; k++)
        for (int n = 0; n < counts[k]; n++, total++)
            ck_mention(&f, names[k], n, ERG_TYPE_OUTLET);
    ck_mention(&f, "Kim Jong-un", 0, ERG_TYPE_PERSON);
    ck_mention(&f, "Jeong Joon-hee", 0, ERG_TYPE_PERSON);
    total += 2;
    /* After a capitalized title the shape alone is not enough: the tagger must say. */
    ck_none(&f, "Park Geun-hye", 0);
    ck_assert_uint_eq(f.m.n, total);
    fx_release(&f);
    free(text);
}
END_TEST

/* ---- the rule table ------------------------------------------------------------------ */

/* The rule tests themselves are data: tests/typing/rules.test. */
START_TEST(test_rule_names)
{
    ck_assert_str_eq(erg_typing_rule_name(ERG_RULE_TAGGER), "tagger");
    ck_assert_str_eq(erg_typing_rule_name(ERG_RULE_ORG_OF_TAIL), "org-of-tail");
    ck_assert_ptr_null(erg_typing_rule_name(ERG_RULE_COUNT));
    for (unsigned id = 0; id < ERG_RULE_COUNT; id++) {
        const char *name = erg_typing_rule_name(id);
        ck_assert_ptr_nonnull(name);
        erg_rule back = ERG_RULE_COUNT;
        ck_assert_int_eq(erg_typing_rule_find(name, &back), ERG_OK);
        ck_assert_uint_eq(back, id);
    }
    erg_rule x = ERG_RULE_TAGGER;
    ck_assert_int_eq(erg_typing_rule_find("no-such-rule", &x), ERG_ENOTFOUND);
    ck_assert_int_eq(erg_typing_rule_find(NULL, &x), ERG_ENOTFOUND);
}
END_TEST

/* ---- spans ------------------------------------------------------------------------------ */

START_TEST(test_spans_from_labels)
{
    fx f;
    fx_init(&f, "Kim Jong-un met Park Geun-hye in Seoul. Moon Jae-in stayed home.");
    /* Kim(0) Jong-un(1) met(2) Park(3) Geun-hye(4) in(5) Seoul(6) .(7) Moon(8) ... */
    ck_assert_uint_eq(f.doc.n_sentences, 2);
    f.labels[0] = ERG_LABEL_B_PER;
    f.labels[1] = ERG_LABEL_I_PER;
    f.labels[3] = ERG_LABEL_I_PER; /* I-X without B-X starts a span */
    f.labels[4] = ERG_LABEL_I_PER;
    f.labels[6] = ERG_LABEL_B_LOC;
    f.labels[7] = ERG_LABEL_I_LOC; /* runs into the period, */
    f.labels[8] = ERG_LABEL_I_LOC; /* and across the sentence end: cut there */
    f.labels[9] = ERG_LABEL_B_MISC;
    run(&f, gaz);
    ck_assert_uint_eq(f.m.n, 5);
    ck_mention(&f, "Kim Jong-un", 0, ERG_TYPE_PERSON);
    ck_mention(&f, "Park Geun-hye", 0, ERG_TYPE_PERSON);
    ck_mention(&f, "Seoul.", 0, ERG_TYPE_PLACE);
    ck_assert_uint_eq(f.m.items[2].sentence, 0);
    ck_assert_uint_eq(f.m.items[3].tok_first, 8);
    ck_assert_uint_eq(f.m.items[3].sentence, 1);
    ck_assert_int_eq(f.m.items[3].type, ERG_TYPE_PLACE);
    ck_assert_int_eq(f.m.items[4].type, ERG_TYPE_MISC);

    /* Reuse: the second call replaces the first's content (without a
     * gazetteer, so that only the labels and the name shapes count). */
    memset(f.labels, 0, f.doc.n_tokens);
    f.labels[6] = ERG_LABEL_B_LOC;
    run(&f, NULL);
    ck_assert_uint_eq(f.m.n, 4);
    ck_mention(&f, "Seoul", 0, ERG_TYPE_PLACE);
    ck_mention(&f, "Moon Jae-in", 0, ERG_TYPE_PERSON);

    f.labels[2] = 200;
    erg_error err;
    ck_assert_int_eq(erg_ner_mentions(f.text, &f.doc, f.labels, gaz, &f.m, &err), ERG_EINVAL);
    ck_assert(strstr(err.text, "label 200") != NULL);
    fx_release(&f);
}
END_TEST

/* ---- the gazetteer files ------------------------------------------------------------------ */

START_TEST(test_lookup_by_key)
{
    erg_buf key;
    erg_buf_init(&key);
    const char *cases[][2] = {{"AP", "Associated Press"},
                              {"A.P.", "Associated Press"},
                              {"The Associated Press", "Associated Press"},
                              {"Itar-Tass", "TASS"},
                              {"YONHAP NEWS AGENCY", "Yonhap"},
                              {"Agence France Presse", "Agence France-Presse"},
                              {"El País", "El País"},
                              {"El Pais", "El País"},
                              {"New York Times", "The New York Times"},
                              {"People’s Daily", "People's Daily"},
                              {"Time", "Time"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_int_eq(erg_text_name_key(cases[i][0], strlen(cases[i][0]), &key), ERG_OK);
        const char *got = erg_gazetteer_outlet(gaz, key.data);
        ck_assert_msg(got && strcmp(got, cases[i][1]) == 0, "'%s' gave '%s'", cases[i][0],
                      got ? got : "(null)");
    }
    ck_assert_ptr_null(erg_gazetteer_outlet(gaz, "foreign ministry"));
    ck_assert_ptr_null(erg_gazetteer_outlet(NULL, "ap"));
    ck_assert_str_eq(erg_gazetteer_outlet_kind(gaz, "ap"), "wire");
    ck_assert_str_eq(erg_gazetteer_outlet_kind(gaz, "cnn"), "broadcaster");
    size_t names = 0;
    ck_assert_uint_ge(erg_gazetteer_size(gaz, &names), 300);
    ck_assert_uint_gt(names, erg_gazetteer_size(gaz, NULL));
    erg_buf_release(&key);
}
END_TEST

static char tmpdir[64];

static void write_file(const char *name, const char *content)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(content, fp);
    fclose(fp);
}

static void remove_files(void)
{
    char path[256];
    snprintf(path, sizeof path, "%s/outlets.tsv", tmpdir);
    unlink(path);
    snprintf(path, sizeof path, "%s/outlet_cues.txt", tmpdir);
    unlink(path);
    rmdir(tmpdir);
}

/* Loads tmpdir expecting st; returns the error. */
static erg_error load_expect(erg_status st)
{
    erg_error err;
    erg_error_clear(&err);
    erg_gazetteer *g = NULL;
    ck_assert_int_eq(erg_gazetteer_load(&g, tmpdir, &err), st);
    if (st == ERG_OK)
        ck_assert_ptr_nonnull(g);
    else
        ck_assert_ptr_null(g);
    erg_gazetteer_free(g);
    return err;
}

START_TEST(test_malformed_files)
{
    strcpy(tmpdir, "/tmp/erg-gaz-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    const char *cues = "# cues\nverb\treported\norg\tMinistry\n";
    write_file("outlet_cues.txt", cues);

    write_file("outlets.tsv", "# comment\nReuters\twire\n\nCNN broadcaster\n");
    erg_error err = load_expect(ERG_EFORMAT);
    ck_assert_int_eq(err.line, 4);
    ck_assert(strstr(err.source, "outlets.tsv") != NULL);
    ck_assert(strstr(err.text, "column") != NULL);

    write_file("outlets.tsv", "Reuters\twire\nCNN\tcable\n");
    err = load_expect(ERG_EFORMAT);
    ck_assert_int_eq(err.line, 2);
    ck_assert(strstr(err.text, "'cable'") != NULL);

    write_file("outlets.tsv", "Associated Press\twire\tAP|A.P.\nAP News\tsite\tAP\n");
    err = load_expect(ERG_EFORMAT);
    ck_assert_int_eq(err.line, 2);
    ck_assert(strstr(err.text, "Associated Press") != NULL);

    write_file("outlets.tsv", "Reuters\twire\tReuters News||Reuters TV\n");
    err = load_expect(ERG_EFORMAT);
    ck_assert_int_eq(err.line, 1);

    write_file("outlets.tsv", "Reuters\twire\t\xff\xfe\n");
    err = load_expect(ERG_EFORMAT);
    ck_assert_int_eq(err.line, 1);

    /* A good outlets file with a bad cue file names the cue file. */
    write_file("outlets.tsv", "Reuters\twire\r\n~Time\tmagazine\n");
    write_file("outlet_cues.txt", "verb\treported\nadverb\tquickly\n");
    err = load_expect(ERG_EFORMAT);
    ck_assert_int_eq(err.line, 2);
    ck_assert(strstr(err.source, "outlet_cues.txt") != NULL);

    write_file("outlet_cues.txt", cues);
    load_expect(ERG_OK);

    remove_files();
    err = load_expect(ERG_ENOTFOUND);
    ck_assert(strstr(err.source, "outlets.tsv") != NULL);
}
END_TEST

START_TEST(test_source_outlet)
{
    erg_buf scratch;
    erg_buf_init(&scratch);
    const char *cases[][2] = {{"BBC News", "BBC"},
                              {"bbc.co.uk", "BBC"},
                              {"news.bbc.co.uk", "BBC"},
                              {"https://www.bbc.co.uk/news", "BBC"},
                              {"Reuters (Reuters-21578 Distribution 1.0)", "Reuters"},
                              {"BBC News (Greene & Cunningham 2006 dataset)", "BBC"},
                              {"www.cnn.com", "CNN"},
                              {"www.theguardian.com", "The Guardian"},
                              {"washingtonpost.com", "The Washington Post"},
                              {"aljazeera.com", "Al Jazeera"},
                              {"scmp.com", "South China Morning Post"},
                              {"bdnews24.com", "bdnews24.com"},
                              {"New York Times", "The New York Times"},
                              {"Unknown Gazette", NULL},
                              {"example.co.uk", NULL},
                              {"co.uk", NULL},
                              {"bbc", "BBC"},
                              {"bbc..com", NULL},
                              {"(BBC)", NULL},
                              {"", NULL}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = erg_gazetteer_source_outlet(gaz, cases[i][0], &scratch);
        ck_assert_msg(cases[i][1] ? got && strcmp(got, cases[i][1]) == 0 : got == NULL,
                      "'%s' gave '%s'", cases[i][0], got ? got : "(null)");
    }
    ck_assert_ptr_null(erg_gazetteer_source_outlet(gaz, NULL, &scratch));
    ck_assert_ptr_null(erg_gazetteer_source_outlet(NULL, "BBC", &scratch));
    erg_buf_release(&scratch);
}
END_TEST

static Suite *mentions_suite(void)
{
    Suite *s = suite_create("mentions");
    TCase *tc = tcase_create("mentions");
    tcase_add_checked_fixture(tc, load_gaz, free_gaz);
    tcase_add_test(tc, test_seed_article);
    tcase_add_test(tc, test_source_outlet);
    tcase_add_test(tc, test_seed_article_untagged);
    tcase_add_test(tc, test_spans_from_labels);
    tcase_add_test(tc, test_lookup_by_key);
    tcase_add_test(tc, test_rule_names);
    suite_add_tcase(s, tc);
    TCase *files = tcase_create("files");
    tcase_add_test(files, test_malformed_files);
    suite_add_tcase(s, files);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(mentions_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
