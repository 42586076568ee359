/*
 * test_knowledge.c: the phrase matcher over the knowledge lists and the
 * typing evidence built on it, over the small lists of fixtures/knowledge/
 * (not the shipped ones).
 */
#include "erg/knowledge.h"

#include "erg/text.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static erg_knowledge *kn;
static erg_know_scratch scratch;

static void setup(void)
{
    char dir[1024];
    const char *f = getenv("FIXTURES");
    snprintf(dir, sizeof dir, "%s/knowledge", f ? f : "fixtures");
    erg_error err;
    ck_assert_int_eq(erg_knowledge_load(&kn, dir, &err), ERG_OK);
    erg_know_scratch_init(&scratch);
}

static void teardown(void)
{
    erg_knowledge_free(kn);
    kn = NULL;
    erg_know_scratch_release(&scratch);
}

/* Splits text into words with the tokenizer; returns how many (at most cap). */
static size_t words_of(const char *text, erg_word *w, size_t cap, erg_doc *doc)
{
    erg_error err;
    ck_assert_int_eq(erg_text_tokenize(doc, text, strlen(text), &err), ERG_OK);
    ck_assert_uint_le(doc->n_tokens, cap);
    for (size_t i = 0; i < doc->n_tokens; i++) {
        w[i].s = text + doc->tokens[i].start;
        w[i].n = doc->tokens[i].end - doc->tokens[i].start;
    }
    return doc->n_tokens;
}

static unsigned kinds_of(const char *text)
{
    erg_word w[32];
    erg_doc doc;
    erg_doc_init(&doc);
    size_t n = words_of(text, w, 32, &doc);
    unsigned k = 0;
    ck_assert_int_eq(erg_knowledge_phrase(kn, w, n, &scratch, &k), ERG_OK);
    erg_doc_release(&doc);
    return k;
}

START_TEST(test_load_counts)
{
    /* Wells Fargo & Co. / Wells Fargo / Target / Coca-Cola Co / Acme / Bank of America
     * Merrill Lynch / XY / Reuters / The Guardian / Wells / Smith / target / guardian /
     * Yale University / Yale; "Target" and "target" are one phrase. */
    ck_assert_uint_eq(erg_knowledge_size(kn), 14);
    ck_assert_str_eq(erg_know_kind_name(ERG_KNOW_FIRST_NAME), "first_name");
    ck_assert_ptr_null(erg_know_kind_name((erg_know_kind)3));
}
END_TEST

START_TEST(test_phrase_exact)
{
    ck_assert_uint_eq(kinds_of("Wells Fargo"), ERG_KNOW_COMPANY);
    ck_assert_uint_eq(kinds_of("WELLS FARGO & CO"), ERG_KNOW_COMPANY);
    ck_assert_uint_eq(kinds_of("Wells"), ERG_KNOW_SURNAME);
    ck_assert_uint_eq(kinds_of("Target"), ERG_KNOW_COMPANY | ERG_KNOW_COMMON_WORD);
    ck_assert_uint_eq(kinds_of("Reuters"), ERG_KNOW_COMPANY | ERG_KNOW_NEWSPAPER);
    /* Token boundaries do not matter: a hyphen is a word boundary of the key. */
    ck_assert_uint_eq(kinds_of("Coca Cola Co."), ERG_KNOW_COMPANY);
    ck_assert_uint_eq(kinds_of("Coca-Cola Co"), ERG_KNOW_COMPANY);
    /* Exact: no prefix, no extension. */
    ck_assert_uint_eq(kinds_of("Wells Fargo Bank"), 0);
    ck_assert_uint_eq(kinds_of("Bank of America"), 0);
    ck_assert_uint_eq(kinds_of("Fargo"), 0);
}
END_TEST

START_TEST(test_matches_longest)
{
    erg_word w[32];
    erg_know_match m[32];
    erg_doc doc;
    erg_doc_init(&doc);
    const char *text = "Shares of Wells Fargo & Co. and Bank of America Merrill Lynch's unit rose";
    size_t n = words_of(text, w, 32, &doc);
    ck_assert_int_eq(erg_knowledge_matches(kn, w, n, &scratch, m), ERG_OK);
    /* Shares of Wells Fargo & Co. and Bank of America Merrill Lynch 's unit rose */
    ck_assert_uint_eq(m[0].len, 0);
    ck_assert_uint_eq(m[2].len, 4); /* Wells Fargo & Co., not Wells Fargo nor Wells */
    ck_assert_uint_eq(m[2].kinds, ERG_KNOW_COMPANY);
    ck_assert_uint_eq(m[3].inside, ERG_KNOW_COMPANY);
    ck_assert_uint_eq(m[5].inside, ERG_KNOW_COMPANY);
    ck_assert_uint_eq(m[6].inside, 0);
    ck_assert_uint_eq(m[7].len, 5); /* not onto the possessive */
    ck_assert_uint_eq(m[12].len, 0);
    ck_assert_uint_eq(m[12].inside, 0);
    ck_assert_uint_eq(m[13].len, 0);
    erg_doc_release(&doc);
}
END_TEST

static erg_know_evidence evidence(const char *text, erg_class cls)
{
    erg_word w[32];
    erg_doc doc;
    erg_doc_init(&doc);
    size_t n = words_of(text, w, 32, &doc);
    erg_know_evidence ev;
    ck_assert_int_eq(erg_knowledge_evidence(kn, w, n, cls, &scratch, &ev), ERG_OK);
    erg_doc_release(&doc);
    return ev;
}

START_TEST(test_evidence)
{
    erg_know_evidence ev = evidence("Wells Fargo", ERG_CLASS_PER);
    ck_assert_int_eq(ev.type, ERG_TYPE_AGENCY);
    ck_assert_int_eq(ev.strength, ERG_KNOW_STRONG);
    ck_assert(ev.decisive);
    /* One listed word that is not a common word or a name: strong. */
    ev = evidence("Acme", ERG_CLASS_LOC);
    ck_assert_int_eq(ev.strength, ERG_KNOW_STRONG);
    ck_assert(ev.decisive);
    /* A company that is also a common word never decides alone... */
    ev = evidence("Target", ERG_CLASS_PER);
    ck_assert_int_eq(ev.type, ERG_TYPE_AGENCY);
    ck_assert_int_eq(ev.strength, ERG_KNOW_WEAK);
    ck_assert(!ev.decisive);
    /* ...but chooses the kind of what the tagger called an organization. */
    ev = evidence("Target", ERG_CLASS_ORG);
    ck_assert(ev.decisive);
    /* Abbreviations are weak: two characters, or a dot. */
    ev = evidence("XY", ERG_CLASS_LOC);
    ck_assert_int_eq(ev.type, ERG_TYPE_AGENCY);
    ck_assert_int_eq(ev.strength, ERG_KNOW_WEAK);
    ev = evidence("X.Y.", ERG_CLASS_LOC);
    ck_assert_int_eq(ev.strength, ERG_KNOW_WEAK);
    ck_assert(!ev.decisive);
    /* A surname alone is no organization. */
    ev = evidence("Wells", ERG_CLASS_PER);
    ck_assert_int_eq(ev.type, ERG_TYPE_MISC);
    ck_assert_int_eq(ev.strength, ERG_KNOW_NONE);
    ck_assert_uint_eq(ev.kinds, ERG_KNOW_SURNAME);
    /* An outlet list wins over a company list. */
    ev = evidence("Reuters", ERG_CLASS_PER);
    ck_assert_int_eq(ev.type, ERG_TYPE_OUTLET);
    ck_assert(ev.decisive);
    /* "the" is dropped when the phrase with it is not listed. */
    ev = evidence("the Yale University", ERG_CLASS_LOC);
    ck_assert_int_eq(ev.type, ERG_TYPE_AGENCY);
    ck_assert_int_eq(ev.strength, ERG_KNOW_STRONG);
    ev = evidence("The Guardian", ERG_CLASS_ORG);
    ck_assert_int_eq(ev.type, ERG_TYPE_OUTLET);
    ck_assert_int_eq(ev.strength, ERG_KNOW_STRONG);
    ev = evidence("Nobody Known", ERG_CLASS_ORG);
    ck_assert_int_eq(ev.type, ERG_TYPE_MISC);
    ck_assert(!ev.decisive);
}
END_TEST

START_TEST(test_load_errors)
{
    erg_knowledge *k = (erg_knowledge *)1;
    erg_error err;
    ck_assert_int_eq(erg_knowledge_load(&k, "/nonexistent/knowledge", &err), ERG_ENOTFOUND);
    ck_assert_ptr_null(k);
    char dir[] = "/tmp/erg-know-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/companies.x.txt", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("Acme\n", f);
    fclose(f);
    ck_assert_int_eq(erg_knowledge_load(&k, dir, &err), ERG_EFORMAT);
    ck_assert_ptr_nonnull(strstr(err.source, "companies.x.txt"));
    remove(path);
    /* A list of a known kind that is binary or not UTF-8 is refused, naming the file. */
    static const char *const bad[] = {"Acme\0Corp\n", "Acme \xff Corp\n"};
    static const size_t bad_len[] = {10, 11};
    snprintf(path, sizeof path, "%s/company.x.txt", dir);
    for (int i = 0; i < 2; i++) {
        f = fopen(path, "wb");
        ck_assert_ptr_nonnull(f);
        ck_assert_uint_eq(fwrite(bad[i], 1, bad_len[i], f), bad_len[i]);
        fclose(f);
        ck_assert_int_eq(erg_knowledge_load(&k, dir, &err), ERG_EFORMAT);
        ck_assert_ptr_null(k);
        ck_assert_ptr_nonnull(strstr(err.source, "company.x.txt"));
    }
    remove(path);
    rmdir(dir);
    /* NULL lists answer nothing. */
    erg_know_match m[1];
    erg_word w = {"Acme", 4};
    ck_assert_int_eq(erg_knowledge_matches(NULL, &w, 1, &scratch, m), ERG_OK);
    ck_assert_uint_eq(m[0].len, 0);
}
END_TEST

/* The shipped lists (ERG_DATA/knowledge) load, and phrases of their sources' samples match. */
START_TEST(test_shipped_lists)
{
    erg_knowledge *k = NULL;
    erg_error err;
    ck_assert_int_eq(erg_knowledge_load(&k, NULL, &err), ERG_OK);
    ck_assert_uint_gt(erg_knowledge_size(k), 50000);
    erg_word w[3] = {{"Department", 10}, {"of", 2}, {"Commerce", 8}};
    unsigned kinds = 0;
    ck_assert_int_eq(erg_knowledge_phrase(k, w, 3, &scratch, &kinds), ERG_OK);
    ck_assert(kinds & ERG_KNOW_GOVERNMENT);
    erg_word the = {"the", 3};
    ck_assert_int_eq(erg_knowledge_phrase(k, &the, 1, &scratch, &kinds), ERG_OK);
    ck_assert_uint_eq(kinds, ERG_KNOW_COMMON_WORD);
    erg_knowledge_free(k);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("knowledge");
    TCase *tc = tcase_create("matcher");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_load_counts);
    tcase_add_test(tc, test_phrase_exact);
    tcase_add_test(tc, test_matches_longest);
    tcase_add_test(tc, test_evidence);
    tcase_add_test(tc, test_load_errors);
    tcase_add_test(tc, test_shipped_lists);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
