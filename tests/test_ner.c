/*
 * test_ner.c: the statistical tagger: CoNLL reading, span scoring, training,
 * the model file, decoding constraints and the train/eval/tag commands.
 */
#include "erg/ner.h"
#include "erg/ner_learn.h"

#include "../src/ner/tagger_private.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char fixture_buf[4096];

static const char *fixture(const char *name)
{
    const char *dir = getenv("FIXTURES");
    snprintf(fixture_buf, sizeof fixture_buf, "%s/conll/%s", dir ? dir : "fixtures", name);
    return fixture_buf;
}

static char tmpdir[64];

static void make_tmpdir(void)
{
    strcpy(tmpdir, "/tmp/erg-ner-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void remove_tmpdir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}

static void tmp_path(char *buf, size_t cap, const char *name)
{
    snprintf(buf, cap, "%s/%s", tmpdir, name);
}

static bool valid_iob2(const uint8_t *l, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (l[i] >= ERG_LABEL_COUNT)
            return false;
        if (l[i] == ERG_LABEL_O || ERG_LABEL_IS_B(l[i]))
            continue;
        if (i == 0 || l[i - 1] == ERG_LABEL_O || ERG_LABEL_CLASS(l[i - 1]) != ERG_LABEL_CLASS(l[i]))
            return false;
    }
    return true;
}

static erg_model *train_tiny(uint64_t seed)
{
    erg_corpus *c = NULL;
    erg_error err;
    ck_assert_int_eq(erg_corpus_load(&c, fixture("tiny-train.conll"), &err), ERG_OK);
    erg_train_options o;
    erg_train_options_init(&o);
    o.seed = seed;
    o.epochs = 8;
    erg_model *m = NULL;
    ck_assert_int_eq(erg_ner_train(&m, c, &o, &err), ERG_OK);
    ck_assert_ptr_nonnull(m);
    erg_corpus_free(c);
    return m;
}

static void read_all(const char *path, char **data, size_t *len)
{
    erg_error err;
    ck_assert_int_eq(erg_read_file(path, data, len, &err), ERG_OK);
}

/* ---- labels and corpora ------------------------------------------------------------ */

START_TEST(test_label_names)
{
    ck_assert_str_eq(erg_label_name(ERG_LABEL_O), "O");
    ck_assert_str_eq(erg_label_name(ERG_LABEL_I_MISC), "I-MISC");
    ck_assert_str_eq(erg_label_name(ERG_LABEL_B_ORG), "B-ORG");
    ck_assert_str_eq(erg_class_name(ERG_CLASS_LOC), "LOC");
    ck_assert_int_eq(ERG_LABEL_CLASS(ERG_LABEL_I_ORG), ERG_CLASS_ORG);
    ck_assert(ERG_LABEL_IS_B(ERG_LABEL_B_MISC));
    ck_assert(!ERG_LABEL_IS_B(ERG_LABEL_I_PER));
}
END_TEST

START_TEST(test_corpus_schemes_agree)
{
    static const uint8_t want[] = {
        ERG_LABEL_B_PER, ERG_LABEL_I_PER, ERG_LABEL_O,     ERG_LABEL_B_PER,  ERG_LABEL_O,
        ERG_LABEL_B_LOC, ERG_LABEL_I_LOC, ERG_LABEL_O, /* sentence 1 */
        ERG_LABEL_O,     ERG_LABEL_B_ORG, ERG_LABEL_I_ORG, ERG_LABEL_I_ORG,  ERG_LABEL_I_ORG,
        ERG_LABEL_O,     ERG_LABEL_O, /* sentence 2 */
        ERG_LABEL_B_LOC, ERG_LABEL_B_LOC, ERG_LABEL_O,     ERG_LABEL_B_MISC, ERG_LABEL_O};
    const char *files[] = {"iob2.conll", "iob1.conll", "bioes.conll"};
    for (int f = 0; f < 3; f++) {
        erg_corpus *c = NULL;
        erg_error err;
        ck_assert_msg(erg_corpus_load(&c, fixture(files[f]), &err) == ERG_OK, "%s: %s", files[f],
                      err.text);
        ck_assert_uint_eq(erg_corpus_sentences(c), 3);
        ck_assert_uint_eq(erg_corpus_tokens(c), sizeof want);
        for (size_t i = 0; i < sizeof want; i++)
            ck_assert_msg(c->labels[i] == want[i], "%s token %zu: %s, want %s", files[f], i,
                          erg_label_name(c->labels[i]), erg_label_name(want[i]));
        ck_assert_uint_eq(c->words[0].n, 4);
        ck_assert(memcmp(c->words[0].s, "John", 4) == 0);
        ck_assert_uint_eq(c->sent_first[1], 8);
        ck_assert_uint_eq(c->sent_first[2], 15);
        erg_corpus_free(c);
    }
}
END_TEST

START_TEST(test_corpus_add_file_and_other_types)
{
    erg_corpus *c = NULL;
    erg_error err;
    ck_assert_int_eq(erg_corpus_load(&c, fixture("iob2.conll"), &err), ERG_OK);
    ck_assert_int_eq(erg_corpus_add_file(c, fixture("other-types.conll"), &err), ERG_OK);
    ck_assert_uint_eq(erg_corpus_sentences(c), 5);
    ck_assert_uint_eq(erg_corpus_tokens(c), 25);
    /* WNUT-17 types: product is MISC, corporation ORG */
    ck_assert_int_eq(c->labels[20], ERG_LABEL_B_MISC);
    ck_assert_int_eq(c->labels[21], ERG_LABEL_I_MISC);
    ck_assert_int_eq(c->labels[22], ERG_LABEL_O);
    ck_assert_int_eq(c->labels[23], ERG_LABEL_B_ORG);
    ck_assert_int_eq(c->labels[24], ERG_LABEL_O);
    ck_assert(memcmp(c->words[20].s, "Apple", 5) == 0);
    /* iob2.conll is one document; a file without -DOCSTART- makes one of every sentence. */
    ck_assert_uint_eq(c->n_docs, 3);
    ck_assert_uint_eq(c->sent_doc[2], 0);
    ck_assert_uint_eq(c->sent_doc[3], 1);
    ck_assert_uint_eq(c->sent_doc[4], 2);
    erg_corpus_free(c);

    /* The same two files in one call; a bad later file fails the whole load. */
    char *paths[] = {strdup(fixture("iob2.conll")), strdup(fixture("other-types.conll")),
                     strdup(fixture("bad-tag.conll"))};
    ck_assert_int_eq(erg_corpus_load_files(&c, paths, 2, &err), ERG_OK);
    ck_assert_uint_eq(erg_corpus_sentences(c), 5);
    ck_assert_uint_eq(erg_corpus_tokens(c), 25);
    erg_corpus_free(c);
    ck_assert_int_eq(erg_corpus_load_files(&c, paths, 3, &err), ERG_EFORMAT);
    ck_assert_ptr_null(c);
    for (int i = 0; i < 3; i++)
        free(paths[i]);
}
END_TEST

START_TEST(test_corpus_documents)
{
    erg_corpus *c = NULL;
    erg_error err;
    ck_assert_int_eq(erg_corpus_load(&c, fixture("docs.conll"), &err), ERG_OK);
    ck_assert_uint_eq(erg_corpus_sentences(c), 3);
    ck_assert_uint_eq(c->n_docs, 2);
    ck_assert_uint_eq(c->sent_doc[0], 0);
    ck_assert_uint_eq(c->sent_doc[1], 0);
    ck_assert_uint_eq(c->sent_doc[2], 1);
    /* A second file starts a new document. */
    ck_assert_int_eq(erg_corpus_add_file(c, fixture("docs.conll"), &err), ERG_OK);
    ck_assert_uint_eq(c->n_docs, 4);
    ck_assert_uint_eq(c->sent_doc[3], 2);
    ck_assert_uint_eq(c->sent_doc[5], 3);
    uint8_t keep[6] = {0, 1, 1, 1, 0, 0};
    erg_corpus *sub = NULL;
    ck_assert_int_eq(ner_corpus_subset(c, keep, &sub, &err), ERG_OK);
    ck_assert_uint_eq(erg_corpus_sentences(sub), 3);
    ck_assert_uint_eq(sub->n_docs, 3);
    ck_assert(memcmp(sub->words[0].s, "Anna", 4) == 0);
    ck_assert_int_eq(sub->labels[2], ERG_LABEL_B_ORG);
    erg_corpus_free(sub);
    erg_corpus_free(c);
}
END_TEST

START_TEST(test_doc_values)
{
    /* Words 7 and 9 are capitalized; 0 marks the others. */
    uint32_t fp[8] = {7, 9, 7, 0, 7, 9, 7, 5};
    uint8_t cls[8] = {1, 0, 1, 0, 2, 0, 1, 3};
    uint8_t dv[8];
    ner_dochash h = {0};
    ck_assert_int_eq(ner_doc_values(&h, fp, cls, 8, dv), ERG_OK);
    /* Token 0 (PER): the others are PER, ORG, PER: PER by a majority. */
    ck_assert_int_eq(dv[0], 2 + 3 * 0 + 1);
    /* Token 4 (ORG): the three others are PER: all agree. */
    ck_assert_int_eq(dv[4], 2 + 3 * 0 + 2);
    /* Word 9: the other occurrence is O. */
    ck_assert_int_eq(dv[1], 1);
    ck_assert_int_eq(dv[3], 0); /* not capitalized */
    ck_assert_int_eq(dv[7], 0); /* occurs once */
    /* The next document starts empty. */
    ck_assert_int_eq(ner_doc_values(&h, fp + 4, cls + 4, 2, dv), ERG_OK);
    ck_assert_int_eq(dv[0], 0);
    ck_assert_int_eq(dv[1], 0);
    ner_dochash_release(&h);
}
END_TEST

START_TEST(test_corpus_errors)
{
    erg_corpus *c = NULL;
    erg_error err;
    ck_assert_int_eq(erg_corpus_load(&c, fixture("one-column.conll"), &err), ERG_EFORMAT);
    ck_assert_ptr_null(c);
    ck_assert_int_eq(err.line, 2);
    ck_assert(strstr(err.source, "one-column.conll") != NULL);
    ck_assert_int_eq(erg_corpus_load(&c, fixture("bad-tag.conll"), &err), ERG_EFORMAT);
    ck_assert_int_eq(err.line, 2);
    ck_assert(strstr(err.text, "'NNP'") != NULL);
    ck_assert_int_ne(erg_corpus_load(&c, fixture("no-such-file.conll"), &err), ERG_OK);
    ck_assert_ptr_null(c);

    make_tmpdir();
    char path[256];
    tmp_path(path, sizeof path, "nul.conll");
    FILE *f = fopen(path, "wb");
    fwrite("a O\nb\0c O\n", 1, 10, f);
    fclose(f);
    ck_assert_int_eq(erg_corpus_load(&c, path, &err), ERG_EFORMAT);
    ck_assert_int_eq(err.line, 2);

    /* A failed add leaves what was loaded before intact. */
    ck_assert_int_eq(erg_corpus_load(&c, fixture("iob2.conll"), &err), ERG_OK);
    ck_assert_int_eq(erg_corpus_add_file(c, fixture("bad-tag.conll"), &err), ERG_EFORMAT);
    ck_assert_uint_eq(erg_corpus_sentences(c), 3);
    ck_assert_uint_eq(erg_corpus_tokens(c), 20);
    erg_corpus_free(c);
    erg_corpus_free(NULL);
    remove_tmpdir();
}
END_TEST

/* ---- span scoring -------------------------------------------------------------------- */

START_TEST(test_eval_counts_spans)
{
    enum {
        O = ERG_LABEL_O,
        BP = ERG_LABEL_B_PER,
        IP = ERG_LABEL_I_PER,
        BO = ERG_LABEL_B_ORG,
        IO = ERG_LABEL_I_ORG,
        BL = ERG_LABEL_B_LOC,
        IL = ERG_LABEL_I_LOC,
        BM = ERG_LABEL_B_MISC
    };
    /*          0   1   2  3   4  5   6   7  8   9   10 */
    uint8_t gold[] = {BP, IP, O, BL, O, BO, IO, O, BM, BL, IL};
    uint8_t guess[] = {BP, IP, O, BO, O, BO, O, O, BM, BL, O};
    erg_eval_counts e;
    memset(&e, 0, sizeof e);
    erg_eval_add(&e, gold, guess, sizeof gold);
    /* gold: PER[0,2) LOC[3,4) ORG[5,7) MISC[8,9) LOC[9,11) */
    ck_assert_uint_eq(e.gold[ERG_CLASS_PER], 1);
    ck_assert_uint_eq(e.gold[ERG_CLASS_LOC], 2);
    ck_assert_uint_eq(e.gold[ERG_CLASS_ORG], 1);
    ck_assert_uint_eq(e.gold[ERG_CLASS_MISC], 1);
    /* guess: PER[0,2) ORG[3,4) ORG[5,6) MISC[8,9) LOC[9,10) */
    ck_assert_uint_eq(e.guess[ERG_CLASS_PER], 1);
    ck_assert_uint_eq(e.guess[ERG_CLASS_ORG], 2);
    ck_assert_uint_eq(e.guess[ERG_CLASS_LOC], 1);
    ck_assert_uint_eq(e.guess[ERG_CLASS_MISC], 1);
    /* right: PER[0,2) and MISC[8,9) only; ORG[5,6) and LOC[9,10) have the wrong end */
    ck_assert_uint_eq(e.correct[ERG_CLASS_PER], 1);
    ck_assert_uint_eq(e.correct[ERG_CLASS_MISC], 1);
    ck_assert_uint_eq(e.correct[ERG_CLASS_ORG], 0);
    ck_assert_uint_eq(e.correct[ERG_CLASS_LOC], 0);
    ck_assert_uint_eq(e.tokens, 11);
    ck_assert_uint_eq(e.tokens_correct, 8);
    /* tokens: gold LOC 3 tagged ORG, gold ORG 6 tagged O, gold LOC 10 tagged O */
    ck_assert_uint_eq(e.confusion[ERG_CLASS_LOC][ERG_CLASS_ORG], 1);
    ck_assert_uint_eq(e.confusion[ERG_CLASS_ORG][ERG_CLASS_COUNT], 1);
    ck_assert_uint_eq(e.confusion[ERG_CLASS_LOC][ERG_CLASS_COUNT], 1);
    ck_assert_uint_eq(e.confusion[ERG_CLASS_PER][ERG_CLASS_PER], 2);
    ck_assert_uint_eq(e.confusion[ERG_CLASS_COUNT][ERG_CLASS_COUNT], 3);
    erg_eval_span sp[8];
    ck_assert_uint_eq(erg_eval_spans(guess, sizeof guess, sp, 8), 5);
    ck_assert(sp[1].start == 3 && sp[1].end == 4 && sp[1].cls == ERG_CLASS_ORG);
    ck_assert(sp[4].start == 9 && sp[4].end == 10 && sp[4].cls == ERG_CLASS_LOC);
    ck_assert_uint_eq(erg_eval_spans(gold, sizeof gold, sp, 2), 5); /* counts past cap */

    /* conlleval starts a chunk at an I-X after O or after another type */
    uint8_t gold2[] = {BP, IP, O, BL};
    uint8_t guess2[] = {IP, IP, O, IL};
    erg_eval_add(&e, gold2, guess2, 4);
    ck_assert_uint_eq(e.correct[ERG_CLASS_PER], 2);
    ck_assert_uint_eq(e.correct[ERG_CLASS_LOC], 1);
    uint8_t gold3[] = {BP, IL, IL};
    uint8_t guess3[] = {BP, IP, IL};
    erg_eval_add(&e, gold3, guess3, 3);
    /* gold PER[0,1) LOC[1,3); guess PER[0,2) LOC[2,3): nothing right */
    ck_assert_uint_eq(e.gold[ERG_CLASS_PER], 3);
    ck_assert_uint_eq(e.guess[ERG_CLASS_LOC], 3);
    ck_assert_uint_eq(e.correct[ERG_CLASS_PER], 2);
    ck_assert_uint_eq(e.correct[ERG_CLASS_LOC], 1);
}
END_TEST

/* ---- training, tagging, model files ----------------------------------------------------- */

START_TEST(test_train_and_tag_back)
{
    erg_model *m = train_tiny(7);
    ck_assert_uint_gt(erg_model_feature_count(m), 100);
    /* Every sentence of the file is a document: enough for the document features. */
    ck_assert(m->feat_mask & (1ull << NER_T_DOC));
    erg_corpus *c = NULL;
    erg_error err;
    ck_assert_int_eq(erg_corpus_load(&c, fixture("tiny-train.conll"), &err), ERG_OK);
    erg_eval_counts e;
    ck_assert_int_eq(erg_ner_eval(m, c, &e, &err), ERG_OK);
    uint64_t gold = 0, correct = 0;
    for (int k = 0; k < ERG_CLASS_COUNT; k++) {
        gold += e.gold[k];
        correct += e.correct[k];
    }
    ck_assert_uint_eq(e.tokens, erg_corpus_tokens(c));
    ck_assert_uint_gt(gold, 100);
    /* The training sentences come back almost all right. */
    ck_assert_msg(correct * 100 >= gold * 95, "%llu of %llu spans", (unsigned long long)correct,
                  (unsigned long long)gold);
    ck_assert_uint_ge(e.tokens_correct * 100, e.tokens * 97);

    /* A new sentence made of known words. */
    erg_tagger *t = NULL;
    ck_assert_int_eq(erg_tagger_new(&t, m, &err), ERG_OK);
    const char *s[] = {"Officials", "in",  "Oslo",     "said", "Mary",
                       "Petrova",   "had", "resigned", "."};
    erg_word w[9];
    for (int i = 0; i < 9; i++)
        w[i] = (erg_word){s[i], (uint32_t)strlen(s[i])};
    uint8_t lab[9];
    ck_assert_int_eq(erg_tagger_tag(t, w, 9, lab, &err), ERG_OK);
    ck_assert_int_eq(lab[2], ERG_LABEL_B_LOC);
    ck_assert_int_eq(lab[4], ERG_LABEL_B_PER);
    ck_assert_int_eq(lab[5], ERG_LABEL_I_PER);
    ck_assert_int_eq(lab[0], ERG_LABEL_O);
    ck_assert_int_eq(lab[8], ERG_LABEL_O);
    ck_assert_int_eq(erg_tagger_tag(t, w, 0, lab, &err), ERG_OK);
    erg_tagger_free(t);
    erg_corpus_free(c);
    erg_model_free(m);
}
END_TEST

START_TEST(test_tag_doc_matches_sentences)
{
    erg_model *m = train_tiny(3);
    erg_error err;
    const char *text = "Kim Berg left Seoul . The talks ended without a deal .";
    erg_token toks[12];
    size_t nt = 0;
    for (size_t i = 0; text[i];) {
        while (text[i] == ' ')
            i++;
        size_t j = i;
        while (text[j] && text[j] != ' ')
            j++;
        toks[nt++] = (erg_token){(uint32_t)i, (uint32_t)j, 0};
        i = j;
    }
    ck_assert_uint_eq(nt, 12);
    erg_sentence sents[2] = {{0, 5, 0}, {5, 12, 0}};
    erg_doc doc = {toks, nt, nt, sents, 2, 2, 1};
    uint8_t lab[12], one[12];
    erg_tagger *t = NULL;
    ck_assert_int_eq(erg_tagger_new(&t, m, &err), ERG_OK);
    ck_assert_int_eq(erg_tagger_tag_doc(t, text, &doc, lab, &err), ERG_OK);
    for (int k = 0; k < 2; k++) {
        erg_word w[12];
        size_t n = sents[k].end - sents[k].first;
        for (size_t i = 0; i < n; i++) {
            const erg_token *tk = &toks[sents[k].first + i];
            w[i] = (erg_word){text + tk->start, tk->end - tk->start};
        }
        ck_assert_int_eq(erg_tagger_tag(t, w, n, one, &err), ERG_OK);
        ck_assert(memcmp(one, lab + sents[k].first, n) == 0);
    }
    ck_assert_int_eq(lab[0], ERG_LABEL_B_PER);
    ck_assert_int_eq(lab[1], ERG_LABEL_I_PER);
    ck_assert_int_eq(lab[3], ERG_LABEL_B_LOC);
    erg_tagger_free(t);
    erg_model_free(m);
}
END_TEST

START_TEST(test_model_round_trip_and_determinism)
{
    make_tmpdir();
    char p1[256], p2[256], p3[256];
    tmp_path(p1, sizeof p1, "a.model");
    tmp_path(p2, sizeof p2, "b.model");
    tmp_path(p3, sizeof p3, "c.model");
    erg_error err;
    erg_model *m1 = train_tiny(11), *m2 = train_tiny(11);
    ck_assert_int_eq(erg_model_save(m1, p1, &err), ERG_OK);
    ck_assert_int_eq(erg_model_save(m2, p2, &err), ERG_OK);
    char *d1, *d2, *d3;
    size_t n1, n2, n3;
    read_all(p1, &d1, &n1);
    read_all(p2, &d2, &n2);
    ck_assert_uint_gt(n1, 1000);
    ck_assert_uint_eq(n1, n2);
    ck_assert(memcmp(d1, d2, n1) == 0);
    ck_assert(memcmp(d1, "ERGMODEL", 8) == 0);

    /* Loading and saving again gives the same bytes; the loaded model tags the same. */
    erg_model *l = NULL;
    ck_assert_int_eq(erg_model_load(&l, p1, &err), ERG_OK);
    ck_assert_uint_eq(erg_model_feature_count(l), erg_model_feature_count(m1));
    ck_assert_int_eq(erg_model_save(l, p3, &err), ERG_OK);
    read_all(p3, &d3, &n3);
    ck_assert_uint_eq(n1, n3);
    ck_assert(memcmp(d1, d3, n1) == 0);

    erg_corpus *c = NULL;
    ck_assert_int_eq(erg_corpus_load(&c, fixture("tiny-train.conll"), &err), ERG_OK);
    ck_assert_int_eq(erg_corpus_add_file(c, fixture("iob2.conll"), &err), ERG_OK);
    erg_tagger *ta = NULL, *tb = NULL;
    ck_assert_int_eq(erg_tagger_new(&ta, m1, &err), ERG_OK);
    ck_assert_int_eq(erg_tagger_new(&tb, l, &err), ERG_OK);
    uint8_t *la = malloc(c->n_tokens), *lb = malloc(c->n_tokens);
    for (size_t k = 0; k < c->n_sent; k++) {
        size_t f = c->sent_first[k], n = c->sent_first[k + 1] - f;
        ck_assert_int_eq(erg_tagger_tag(ta, c->words + f, n, la + f, &err), ERG_OK);
        ck_assert_int_eq(erg_tagger_tag(tb, c->words + f, n, lb + f, &err), ERG_OK);
    }
    ck_assert(memcmp(la, lb, c->n_tokens) == 0);

    /* Another seed shuffles differently and gives other bytes. */
    erg_model *m3 = train_tiny(12);
    ck_assert_int_eq(erg_model_save(m3, p2, &err), ERG_OK);
    free(d2);
    read_all(p2, &d2, &n2);
    ck_assert(n2 != n1 || memcmp(d1, d2, n1) != 0);

    free(la);
    free(lb);
    free(d1);
    free(d2);
    free(d3);
    erg_tagger_free(ta);
    erg_tagger_free(tb);
    erg_corpus_free(c);
    erg_model_free(m1);
    erg_model_free(m2);
    erg_model_free(m3);
    erg_model_free(l);
    erg_model_free(NULL);
    remove_tmpdir();
}
END_TEST

static void write_bytes(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

START_TEST(test_model_bad_files)
{
    make_tmpdir();
    char good[256], bad[256];
    tmp_path(good, sizeof good, "good.model");
    tmp_path(bad, sizeof bad, "bad.model");
    erg_error err;
    erg_model *m = train_tiny(5);
    ck_assert_int_eq(erg_model_save(m, good, &err), ERG_OK);
    erg_model_free(m);
    char *d;
    size_t n;
    read_all(good, &d, &n);

    erg_model *l = (erg_model *)1;
    /* truncated at many points, including inside the header */
    size_t cuts[] = {0, 5, 8, 20, 47, 48, 100, n / 2, n - 9, n - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        write_bytes(bad, d, cuts[i]);
        ck_assert_int_eq(erg_model_load(&l, bad, &err), ERG_EFORMAT);
        ck_assert_ptr_null(l);
        ck_assert(strstr(err.source, "bad.model") != NULL);
    }
    write_bytes(bad, d, n / 2);
    ck_assert_int_eq(erg_model_load(&l, bad, &err), ERG_EFORMAT);
    ck_assert(strstr(err.text, "truncated") != NULL);

    /* a flipped byte anywhere is caught */
    size_t flips[] = {3, 9, 13, 17, 25, 37, 41, 60, n / 3, n / 2, n - 20, n - 3};
    for (size_t i = 0; i < sizeof flips / sizeof flips[0]; i++) {
        d[flips[i]] ^= 0x5a;
        write_bytes(bad, d, n);
        ck_assert_msg(erg_model_load(&l, bad, &err) == ERG_EFORMAT, "flip at %zu", flips[i]);
        ck_assert_ptr_null(l);
        d[flips[i]] ^= 0x5a;
    }
    /* a newer version is refused by name */
    d[8] = 4;
    write_bytes(bad, d, n);
    ck_assert_int_eq(erg_model_load(&l, bad, &err), ERG_EFORMAT);
    ck_assert(strstr(err.text, "version 4") != NULL);
    d[8] = 2;
    /* trailing garbage */
    char *longer = malloc(n + 3);
    memcpy(longer, d, n);
    memcpy(longer + n, "xyz", 3);
    write_bytes(bad, longer, n + 3);
    ck_assert_int_eq(erg_model_load(&l, bad, &err), ERG_EFORMAT);
    write_bytes(bad, "hello, world\n", 13);
    ck_assert_int_eq(erg_model_load(&l, bad, &err), ERG_EFORMAT);
    ck_assert(strstr(err.text, "not an erg model") != NULL);
    tmp_path(bad, sizeof bad, "missing.model");
    ck_assert_int_eq(erg_model_load(&l, bad, &err), ERG_EIO);
    /* the intact file still loads */
    ck_assert_int_eq(erg_model_load(&l, good, &err), ERG_OK);
    erg_model_free(l);
    free(longer);
    free(d);
    remove_tmpdir();
}
END_TEST

/* Builds a model whose only feature is the bias, with weights w (IOB2), and no transitions. */
static erg_model *bias_model(const int16_t w[ERG_LABEL_COUNT])
{
    ner_labelset ls;
    ck_assert(ner_labelset_init(&ls, NER_SCHEME_IOB2));
    ner_wordinfo wi;
    ner_word_analyze("x", 1, &wi);
    ner_words_context(NULL, &wi, 1);
    uint64_t f[NER_MAX_FEATS];
    uint8_t nf;
    ner_extract(1ull << NER_T_BIAS, &wi, 1, f, &nf);
    ck_assert_int_eq(nf, 1);
    uint32_t fp = ner_fp(f[0]);
    int32_t trans[(NER_MAX_LABELS + 1) * NER_MAX_LABELS] = {0};
    int32_t tend[NER_MAX_LABELS] = {0};
    erg_model *m = NULL;
    erg_error err;
    ck_assert_int_eq(ner_model_build(&m, &ls, 1ull << NER_T_BIAS, 1.0f, &fp, w, 1, trans, tend,
                                     NULL, NULL, NULL, 0, &err),
                     ERG_OK);
    return m;
}

/* With every template on and every optional feature present, a token stays within NER_MAX_FEATS. */
START_TEST(test_all_templates_fit)
{
    const char *words[] = {"Mr.", "John", "Smith-Jones", "of", "PARIS"};
    ner_wordinfo wi[5];
    for (int i = 0; i < 5; i++) {
        ner_word_analyze(words[i], strlen(words[i]), &wi[i]);
        wi[i].lex = ~(uint64_t)0;
        wi[i].docv = 2;
        wi[i].own = 1;
    }
    ner_words_context(NULL, wi, 5);
    for (int i = 0; i < 5; i++)
        wi[i].lex = ~(uint64_t)0;
    uint64_t f[5 * NER_MAX_FEATS];
    uint8_t nf[5];
    ner_extract((1ull << NER_T_COUNT) - 1, wi, 5, f, nf);
    for (int i = 0; i < 5; i++)
        ck_assert_uint_le(nf[i], NER_MAX_FEATS);
    ck_assert_uint_ge(nf[2], 60);
}
END_TEST

START_TEST(test_output_is_well_formed_iob2)
{
    /* Every token would rather be I-PER, then I-ORG: the decoder must open spans with B-. */
    int16_t w[ERG_LABEL_COUNT] = {0, 50, 100, 0, 90, 0, 0, 0, 0};
    erg_model *m = bias_model(w);
    erg_error err;
    erg_tagger *t = NULL;
    ck_assert_int_eq(erg_tagger_new(&t, m, &err), ERG_OK);
    erg_word words[40];
    for (int i = 0; i < 40; i++)
        words[i] = (erg_word){"x", 1};
    uint8_t lab[40];
    for (size_t n = 1; n <= 40; n++) {
        ck_assert_int_eq(erg_tagger_tag(t, words, n, lab, &err), ERG_OK);
        ck_assert(valid_iob2(lab, n));
        ck_assert_int_eq(lab[0], ERG_LABEL_B_PER);
        for (size_t i = 1; i < n; i++)
            ck_assert_int_eq(lab[i], ERG_LABEL_I_PER);
    }
    erg_tagger_free(t);
    erg_model_free(m);

    /* A trained model on scrambled text still writes well-formed IOB2. */
    m = train_tiny(9);
    erg_corpus *c = NULL;
    ck_assert_int_eq(erg_corpus_load(&c, fixture("tiny-train.conll"), &err), ERG_OK);
    ck_assert_int_eq(erg_tagger_new(&t, m, &err), ERG_OK);
    uint64_t r = 42;
    erg_word *ws = malloc(sizeof *ws * 300);
    uint8_t *ls = malloc(300);
    size_t spans = 0;
    for (int round = 0; round < 200; round++) {
        size_t n = 1 + round % 300;
        for (size_t i = 0; i < n; i++) {
            r = r * 6364136223846793005ULL + 1442695040888963407ULL;
            ws[i] = c->words[(r >> 33) % c->n_tokens];
        }
        ck_assert_int_eq(erg_tagger_tag(t, ws, n, ls, &err), ERG_OK);
        ck_assert(valid_iob2(ls, n));
        for (size_t i = 0; i < n; i++)
            spans += ERG_LABEL_IS_B(ls[i]);
    }
    ck_assert_uint_gt(spans, 100);
    free(ws);
    free(ls);
    erg_tagger_free(t);
    erg_corpus_free(c);
    erg_model_free(m);
}
END_TEST

START_TEST(test_bilou_scheme)
{
    ner_labelset ls;
    ck_assert(ner_labelset_init(&ls, NER_SCHEME_BILOU));
    ck_assert_int_eq(ls.n, 17);
    enum { O = ERG_LABEL_O, BP = ERG_LABEL_B_PER, IP = ERG_LABEL_I_PER, BL = ERG_LABEL_B_LOC };
    uint8_t iob2[] = {BP, IP, IP, O, BL, BP, O};
    uint8_t bil[7];
    ner_labels_from_iob2(&ls, iob2, 7, bil);
    /* B-PER I-PER L-PER O U-LOC U-PER O, and back */
    ck_assert_int_eq(bil[0], 1);
    ck_assert_int_eq(bil[1], 2);
    ck_assert_int_eq(bil[2], 3);
    ck_assert_int_eq(bil[3], 0);
    ck_assert_int_eq(bil[4], 1 + 4 * ERG_CLASS_LOC + 3);
    ck_assert_int_eq(bil[5], 4);
    for (int i = 0; i < 7; i++)
        ck_assert_int_eq(ls.to_iob2[bil[i]], iob2[i]);
    ck_assert(ls.trans_ok[1][2] && ls.trans_ok[2][3] && !ls.trans_ok[3][2] && !ls.trans_ok[0][2]);
    ck_assert(!ls.end_ok[1] && ls.end_ok[3] && !ls.start_ok[2]);
    ck_assert(!ner_labelset_init(&ls, 7));
}
END_TEST

START_TEST(test_word_analysis)
{
    ner_wordinfo a, b, c;
    ner_word_analyze("Korea", 5, &a);
    ner_word_analyze("KOREA", 5, &b);
    ck_assert(a.low == b.low);
    ck_assert(a.raw != b.raw);
    ck_assert(a.shape != b.shape);
    ck_assert(a.flags & NER_W_CAP);
    ck_assert(b.flags & NER_W_ALLCAP);
    ck_assert_uint_eq(a.nchars, 5);
    /* curly apostrophes look like the corpora's straight ones */
    ner_word_analyze("\xe2\x80\x99s", 4, &a);
    ner_word_analyze("'s", 2, &b);
    ck_assert(a.low == b.low && a.raw == b.raw && a.shape == b.shape);
    /* Latin-1 capitals fold: "Émile" and "émile" */
    ner_word_analyze("\xc3\x89mile", 6, &a);
    ner_word_analyze("\xc3\xa9mile", 6, &b);
    ck_assert(a.low == b.low);
    ck_assert(a.flags & NER_W_CAP);
    ck_assert_uint_eq(a.nchars, 5);
    ner_word_analyze("Jong-un", 7, &c);
    ck_assert(c.flags & NER_W_HYPHEN);
    ner_word_analyze("1996-08-22", 10, &c);
    ck_assert(c.flags & NER_W_DIGIT);
    ner_word_analyze("J.", 2, &c);
    ck_assert(c.flags & NER_W_INITIAL);
    /* invalid UTF-8 and empty words do not crash */
    ner_word_analyze("\xff\xc3", 2, &c);
    ner_word_analyze("", 0, &c);
    ck_assert_uint_eq(c.nchars, 0);
}
END_TEST

START_TEST(test_default_model_path)
{
    char buf[256];
    erg_error err;
    setenv("ERG_MODEL", "/some/where/x.model", 1);
    ck_assert_int_eq(erg_model_default_path(buf, sizeof buf, &err), ERG_OK);
    ck_assert_str_eq(buf, "/some/where/x.model");
    ck_assert_int_eq(erg_model_default_path(buf, 5, &err), ERG_EINVAL);
    unsetenv("ERG_MODEL");
    const char *old = getenv("ERG_DATA");
    char *saved = old ? strdup(old) : NULL;
    setenv("ERG_DATA", "/nonexistent-erg-dir", 1);
    ck_assert_int_eq(erg_model_default_path(buf, sizeof buf, &err), ERG_ENOTFOUND);
    if (saved)
        setenv("ERG_DATA", saved, 1);
    else
        unsetenv("ERG_DATA");
    free(saved);
}
END_TEST

START_TEST(test_train_options)
{
    erg_train_options o;
    erg_train_options_init(&o);
    ck_assert_int_eq(o.epochs, 10);
    ck_assert_int_eq(o.min_count, 1);
    ck_assert(o.heldout == 0);
    erg_corpus *c = NULL;
    erg_error err;
    ck_assert_int_eq(erg_corpus_load(&c, fixture("tiny-train.conll"), &err), ERG_OK);
    erg_model *m = NULL;
    o.epochs = 0;
    ck_assert_int_eq(erg_ner_train(&m, c, &o, &err), ERG_EINVAL);
    ck_assert_ptr_null(m);
    o.epochs = 3;
    o.heldout = 1.5;
    ck_assert_int_eq(erg_ner_train(&m, c, &o, &err), ERG_EINVAL);
    /* held-out fraction and min_count: fewer features, still a working model */
    o.heldout = 0.2;
    o.min_count = 3;
    ck_assert_int_eq(erg_ner_train(&m, c, &o, &err), ERG_OK);
    erg_model *full = train_tiny(1);
    ck_assert_uint_lt(erg_model_feature_count(m), erg_model_feature_count(full));
    ck_assert_uint_gt(erg_model_feature_count(m), 10);
    erg_model_free(m);
    /* doc_folds 0: no document features */
    o.doc_folds = 0;
    ck_assert_int_eq(erg_ner_train(&m, c, &o, &err), ERG_OK);
    ck_assert(!(m->feat_mask & (1ull << NER_T_DOC)));
    erg_model_free(m);
    erg_model_free(full);
    erg_corpus_free(c);
}
END_TEST

START_TEST(test_shipped_model)
{
    /* ERG_DATA points at data/: the shipped model loads and tags plain news words. */
    char path[4096];
    erg_error err;
    unsetenv("ERG_MODEL");
    ck_assert_int_eq(erg_model_default_path(path, sizeof path, &err), ERG_OK);
    erg_model *m = NULL;
    ck_assert_msg(erg_model_load(&m, path, &err) == ERG_OK, "%s", err.text);
    ck_assert_uint_gt(erg_model_feature_count(m), 10000);
    erg_tagger *t = NULL;
    ck_assert_int_eq(erg_tagger_new(&t, m, &err), ERG_OK);
    const char *s[] = {"Kim", "Jong-un",  "told",  "Reuters", "in",    "Seoul", "that",
                       "the", "European", "Union", "was",     "wrong", "."};
    erg_word w[13];
    for (int i = 0; i < 13; i++)
        w[i] = (erg_word){s[i], (uint32_t)strlen(s[i])};
    uint8_t l[13];
    ck_assert_int_eq(erg_tagger_tag(t, w, 13, l, &err), ERG_OK);
    ck_assert(valid_iob2(l, 13));
    ck_assert_int_eq(l[0], ERG_LABEL_B_PER);
    ck_assert_int_eq(l[1], ERG_LABEL_I_PER);
    ck_assert_int_eq(l[3], ERG_LABEL_B_ORG);
    ck_assert_int_eq(l[5], ERG_LABEL_B_LOC);
    ck_assert_int_eq(l[8], ERG_LABEL_B_ORG);
    ck_assert_int_eq(l[9], ERG_LABEL_I_ORG);
    ck_assert_int_eq(l[12], ERG_LABEL_O);
    erg_tagger_free(t);
    erg_model_free(m);
}
END_TEST

/* ---- commands ---------------------------------------------------------------------------------
 */

static int run(const char *cmd)
{
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/*
 * erg tag --conll tags a file that has -DOCSTART- lines a document at a time:
 * its labels are erg_tagger_tag_sentences' over the document, which here
 * (with the shipped model) differ from tagging each sentence alone, where
 * the second "Haitai" has no "Haitai Corp" to go by. A new model that tags
 * both sentences alike the same way needs another example here.
 */
START_TEST(test_cli_tag_conll_by_document)
{
    const char *erg = getenv("ERG");
    ck_assert_ptr_nonnull(erg);
    char path[4096];
    erg_error err;
    unsetenv("ERG_MODEL");
    ck_assert_int_eq(erg_model_default_path(path, sizeof path, &err), ERG_OK);
    const char *s[] = {"Shares", "of",   "Haitai", "Corp", "rose", ".",
                       "Haitai", "said", "profit", "fell", "."};
    enum { N = 11 };
    uint32_t first[2] = {0, 6}, end[2] = {6, 11};
    erg_word w[N];
    for (int i = 0; i < N; i++)
        w[i] = (erg_word){s[i], (uint32_t)strlen(s[i])};
    erg_model *m = NULL;
    ck_assert_msg(erg_model_load(&m, path, &err) == ERG_OK, "%s", err.text);
    erg_tagger *t = NULL;
    ck_assert_int_eq(erg_tagger_new(&t, m, &err), ERG_OK);
    uint8_t doc[N], alone[N];
    ck_assert_int_eq(erg_tagger_tag_sentences(t, w, N, first, end, 2, doc, &err), ERG_OK);
    for (int k = 0; k < 2; k++)
        ck_assert_int_eq(erg_tagger_tag(t, w + first[k], end[k] - first[k], alone + first[k], &err),
                         ERG_OK);
    ck_assert_msg(memcmp(doc, alone, N) != 0, "the example no longer shows the document at work");
    uint32_t bad_end[2] = {6, 12};
    ck_assert_int_eq(erg_tagger_tag_sentences(t, w, N, first, bad_end, 2, doc, &err), ERG_EINVAL);
    ck_assert_int_eq(erg_tagger_tag_sentences(t, w, N, first, end, 2, doc, &err), ERG_OK);
    erg_tagger_free(t);
    erg_model_free(m);

    make_tmpdir();
    char in[256], out[256], cmd[16384];
    tmp_path(in, sizeof in, "doc.conll");
    tmp_path(out, sizeof out, "doc.out");
    FILE *f = fopen(in, "w");
    ck_assert_ptr_nonnull(f);
    fputs("-DOCSTART- O\n\n", f);
    for (int i = 0; i < N; i++)
        fprintf(f, "%s%s X\n", (uint32_t)i == first[1] ? "\n" : "", s[i]);
    fclose(f);
    snprintf(cmd, sizeof cmd, "'%s' tag --conll '%s' --model '%s' >'%s'", erg, in, path, out);
    ck_assert_int_eq(run(cmd), 0);
    char *d;
    size_t n;
    read_all(out, &d, &n);
    int i = 0;
    char *save = NULL;
    for (char *line = strtok_r(d, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "-DOCSTART-", 10) == 0)
            continue;
        ck_assert_int_lt(i, N);
        const char *label = strrchr(line, ' ') + 1;
        ck_assert_msg(strcmp(label, erg_label_name((erg_label)doc[i])) == 0, "%s: %s, expected %s",
                      s[i], label, erg_label_name((erg_label)doc[i]));
        i++;
    }
    ck_assert_int_eq(i, N);
    free(d);
    remove_tmpdir();
}
END_TEST

START_TEST(test_cli_train_tag_eval)
{
    const char *erg = getenv("ERG");
    ck_assert_ptr_nonnull(erg);
    make_tmpdir();
    char model[256], out[256], cmd[16384];
    tmp_path(model, sizeof model, "m.model");
    tmp_path(out, sizeof out, "out.txt");
    snprintf(cmd, sizeof cmd, "'%s' train '%s' -o '%s' --epochs 5 --seed 2 --quiet 2>'%s'", erg,
             fixture("tiny-train.conll"), model, out);
    ck_assert_int_eq(run(cmd), 0);
    char *d;
    size_t n;
    read_all(out, &d, &n);
    ck_assert_uint_eq(n, 0); /* --quiet */
    free(d);

    snprintf(cmd, sizeof cmd, "'%s' tag --conll '%s' --model '%s' >'%s'", erg,
             fixture("iob2.conll"), model, out);
    ck_assert_int_eq(run(cmd), 0);
    read_all(out, &d, &n);
    char *in;
    size_t nin;
    read_all(fixture("iob2.conll"), &in, &nin);
    /* same lines, each token line with one more space-separated column */
    char *sa = NULL, *sb = NULL;
    char *la = strtok_r(in, "\n", &sa);
    char *lb = strtok_r(d, "\n", &sb);
    int lines = 0;
    while (la && lb) {
        size_t k = strlen(la);
        ck_assert_msg(strncmp(la, lb, k) == 0, "'%s' vs '%s'", la, lb);
        if (strncmp(la, "-DOCSTART-", 10) == 0) {
            ck_assert_str_eq(la, lb);
        } else {
            ck_assert_int_eq(lb[k], ' ');
            ck_assert(strcmp(lb + k + 1, "O") == 0 || lb[k + 2] == '-');
        }
        lines++;
        la = strtok_r(NULL, "\n", &sa);
        lb = strtok_r(NULL, "\n", &sb);
    }
    ck_assert_ptr_null(la);
    ck_assert_ptr_null(lb);
    ck_assert_int_eq(lines, 21);
    free(d);
    free(in);

    /* tab-separated input gets a tab; blank lines stay */
    snprintf(cmd, sizeof cmd,
             "printf 'Mary\\tx\\nSmith\\tx\\n\\n.\\tx\\n' | '%s' tag --conll - "
             "--model '%s' >'%s'",
             erg, model, out);
    ck_assert_int_eq(run(cmd), 0);
    read_all(out, &d, &n);
    ck_assert_msg(strstr(d, "Mary\tx\tB-PER\nSmith\tx\tI-PER\n\n.\tx\tO\n") == d, "%s", d);
    free(d);

    snprintf(cmd, sizeof cmd, "'%s' eval '%s' --model '%s' >'%s'", erg, fixture("tiny-train.conll"),
             model, out);
    ck_assert_int_eq(run(cmd), 0);
    read_all(out, &d, &n);
    ck_assert(strstr(d, "overall") != NULL && strstr(d, "precision") != NULL);
    ck_assert(strstr(d, "token accuracy") != NULL);
    free(d);

    /* the confusion table and the span errors; a model trained on tiny-train tags iob2 badly */
    snprintf(cmd, sizeof cmd, "'%s' eval '%s' --model '%s' --confusion --errors 3 >'%s'", erg,
             fixture("iob2.conll"), model, out);
    ck_assert_int_eq(run(cmd), 0);
    read_all(out, &d, &n);
    ck_assert_msg(strstr(d, "tokens by gold class (rows)") != NULL, "%s", d);
    ck_assert(strstr(d, "\nO ") != NULL && strstr(d, "MISC") != NULL);
    ck_assert(strstr(d, "most frequent span errors") != NULL);
    free(d);
    snprintf(cmd, sizeof cmd, "'%s' eval '%s' --errors 0 2>'%s'", erg, fixture("iob2.conll"), out);
    ck_assert_int_eq(run(cmd), 2);
    remove_tmpdir();
}
END_TEST

START_TEST(test_cli_errors)
{
    const char *erg = getenv("ERG");
    ck_assert_ptr_nonnull(erg);
    make_tmpdir();
    char out[256], cmd[16384];
    tmp_path(out, sizeof out, "err.txt");
    const char *usage_cases[] = {
        "train --bogus", "train -o x", "train x.conll", "eval",
        "eval --nope x", "tag",        "tag --conll",   "train --epochs zero a -o b"};
    for (size_t i = 0; i < sizeof usage_cases / sizeof usage_cases[0]; i++) {
        snprintf(cmd, sizeof cmd, "'%s' %s 2>'%s'", erg, usage_cases[i], out);
        ck_assert_msg(run(cmd) == 2, "%s", usage_cases[i]);
    }
    char *d;
    size_t n;
    snprintf(cmd, sizeof cmd, "'%s' train --bogus 2>'%s'", erg, out);
    run(cmd);
    read_all(out, &d, &n);
    ck_assert(strstr(d, "erg: unknown option '--bogus'") == d);
    ck_assert(strstr(d, "Try 'erg train --help'") != NULL);
    free(d);

    snprintf(cmd, sizeof cmd, "'%s' eval '%s' --model /nonexistent.model 2>'%s'", erg,
             fixture("iob2.conll"), out);
    ck_assert_int_eq(run(cmd), 1);
    read_all(out, &d, &n);
    ck_assert(strstr(d, "erg: '/nonexistent.model': cannot open") == d);
    free(d);

    snprintf(cmd, sizeof cmd, "'%s' eval '%s' --model '%s' 2>'%s'", erg, fixture("iob2.conll"),
             fixture("iob2.conll"), out);
    ck_assert_int_eq(run(cmd), 1);
    read_all(out, &d, &n);
    ck_assert(strstr(d, "not an erg model") != NULL);
    free(d);

    snprintf(cmd, sizeof cmd, "'%s' train '%s' -o '%s/m' --quiet 2>'%s'", erg,
             fixture("one-column.conll"), tmpdir, out);
    ck_assert_int_eq(run(cmd), 1);
    read_all(out, &d, &n);
    ck_assert(strstr(d, "one-column.conll:2': expected a token and a tag") != NULL);
    free(d);

    const char *helps[] = {"train --help", "eval --help", "tag --help"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(cmd, sizeof cmd, "'%s' %s >'%s'", erg, helps[i], out);
        ck_assert_int_eq(run(cmd), 0);
        read_all(out, &d, &n);
        ck_assert(strstr(d, "usage: erg ") == d);
        ck_assert(strstr(d, "Example:") != NULL);
        free(d);
    }
    remove_tmpdir();
}
END_TEST

/* ---- knowledge-list features ------------------------------------------------------------ */

static erg_knowledge *load_fixture_knowledge(void)
{
    char dir[1024];
    const char *f = getenv("FIXTURES");
    snprintf(dir, sizeof dir, "%s/knowledge", f ? f : "fixtures");
    erg_knowledge *k = NULL;
    erg_error err;
    ck_assert_int_eq(erg_knowledge_load(&k, dir, &err), ERG_OK);
    return k;
}

START_TEST(test_knowledge_roles)
{
    erg_knowledge *k = load_fixture_knowledge();
    static const char *const text[] = {"Bank", "of",    "America",    "Merrill", "Lynch",
                                       "said", "Smith", "and",        "Wells",   "Fargo",
                                       "left", "Yale",  "University", "."};
    enum { N = sizeof text / sizeof *text };
    erg_word w[N];
    for (size_t i = 0; i < N; i++) {
        w[i].s = text[i];
        w[i].n = (uint32_t)strlen(text[i]);
    }
    ner_scratch s;
    ner_scratch_init(&s);
    erg_error err;
    ck_assert_int_eq(ner_scratch_reserve(&s, N, &err), ERG_OK);
    for (size_t i = 0; i < N; i++)
        ner_word_analyze(w[i].s, w[i].n, &s.wi[i]);
    ck_assert_int_eq(ner_know_sentence(k, w, N, &s), ERG_OK);
    const uint64_t co = NER_KG_COMPANY;
    ck_assert_uint_eq(s.wi[0].know, NER_KNOW_BIT(NER_KR_B, co));
    ck_assert_uint_eq(s.wi[1].know, NER_KNOW_BIT(NER_KR_I, co));
    ck_assert_uint_eq(s.wi[3].know, NER_KNOW_BIT(NER_KR_I, co));
    ck_assert_uint_eq(s.wi[4].know, NER_KNOW_BIT(NER_KR_L, co));
    ck_assert_uint_eq(s.wi[5].know, 0);
    ck_assert_uint_eq(s.wi[6].know, NER_KNOW_BIT(NER_KR_U, NER_KG_SURNAME));
    /* The longest phrase starting at "Wells" is the company: its surname role is not given. */
    ck_assert_uint_eq(s.wi[8].know, NER_KNOW_BIT(NER_KR_B, co));
    ck_assert_uint_eq(s.wi[9].know, NER_KNOW_BIT(NER_KR_L, co));
    ck_assert_uint_eq(s.wi[11].know, NER_KNOW_BIT(NER_KR_B, NER_KG_UNIVERSITY));
    ck_assert_uint_eq(s.wi[12].know, NER_KNOW_BIT(NER_KR_L, NER_KG_UNIVERSITY));
    ck_assert_uint_eq(s.wi[13].know, 0);
    /* The features: one per role, and none without the template. */
    uint64_t *feats = s.feats;
    ner_extract(1ull << NER_T_KNOW, s.wi, N, feats, s.nfeats);
    ck_assert_uint_eq(s.nfeats[0], 1);
    ck_assert_uint_eq(s.nfeats[5], 0);
    ner_extract(1ull << NER_T_BIAS, s.wi, N, feats, s.nfeats);
    ck_assert_uint_eq(s.nfeats[0], 1);
    /* No lists: no roles. */
    ck_assert_int_eq(ner_know_sentence(NULL, w, N, &s), ERG_OK);
    ck_assert_uint_eq(s.wi[0].know, 0);
    ner_scratch_release(&s);
    erg_knowledge_free(k);
}
END_TEST

START_TEST(test_knowledge_model)
{
    make_tmpdir();
    char path[256];
    tmp_path(path, sizeof path, "k.model");
    erg_knowledge *k = load_fixture_knowledge();
    erg_corpus *c = NULL;
    erg_error err;
    ck_assert_int_eq(erg_corpus_load(&c, fixture("tiny-train.conll"), &err), ERG_OK);
    erg_train_options o;
    erg_train_options_init(&o);
    o.epochs = 4;
    o.knowledge = k;
    erg_model *m = NULL;
    ck_assert_int_eq(erg_ner_train(&m, c, &o, &err), ERG_OK);
    ck_assert(erg_model_uses_knowledge(m));
    ck_assert_ptr_eq(erg_model_knowledge(m), k);
    ck_assert_int_eq(erg_model_save(m, path, &err), ERG_OK);

    /* Loaded again, the model says it needs the lists, and its taggers fail without them. */
    erg_model *l = NULL;
    erg_tagger *ta = NULL, *tb = NULL;
    ck_assert_int_eq(erg_model_load(&l, path, &err), ERG_OK);
    ck_assert(erg_model_uses_knowledge(l));
    ck_assert_ptr_null(erg_model_knowledge(l));
    ck_assert_int_eq(erg_tagger_new(&tb, l, &err), ERG_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.text, "knowledge"));
    char dir[1024];
    const char *f = getenv("FIXTURES");
    snprintf(dir, sizeof dir, "%s/knowledge", f ? f : "fixtures");
    ck_assert_int_eq(erg_model_load_knowledge(l, dir, &err), ERG_OK);
    ck_assert_int_eq(erg_tagger_new(&tb, l, &err), ERG_OK);
    ck_assert_int_eq(erg_tagger_new(&ta, m, &err), ERG_OK);
    uint8_t *la = malloc(c->n_tokens), *lb = malloc(c->n_tokens);
    for (size_t s = 0; s < c->n_sent; s++) {
        size_t a = c->sent_first[s], n = c->sent_first[s + 1] - a;
        ck_assert_int_eq(erg_tagger_tag(ta, c->words + a, n, la + a, &err), ERG_OK);
        ck_assert_int_eq(erg_tagger_tag(tb, c->words + a, n, lb + a, &err), ERG_OK);
    }
    ck_assert(memcmp(la, lb, c->n_tokens) == 0);

    /* Without lists, no knowledge features. */
    erg_model *p = NULL;
    o.knowledge = NULL;
    ck_assert_int_eq(erg_ner_train(&p, c, &o, &err), ERG_OK);
    ck_assert(!erg_model_uses_knowledge(p));
    ck_assert(!erg_model_uses_knowledge(NULL));

    free(la);
    free(lb);
    erg_tagger_free(ta);
    erg_tagger_free(tb);
    erg_model_free(p);
    erg_model_free(l);
    erg_model_free(m);
    erg_corpus_free(c);
    erg_knowledge_free(k);
    remove_tmpdir();
}
END_TEST

/* erg train --knowledge: the model reads the lists again when it tags, and fails clearly without.
 */
START_TEST(test_cli_knowledge)
{
    const char *erg = getenv("ERG");
    ck_assert_ptr_nonnull(erg);
    make_tmpdir();
    char model[256], out[256], dir[1024], cmd[16384];
    tmp_path(model, sizeof model, "k.model");
    tmp_path(out, sizeof out, "out.txt");
    const char *f = getenv("FIXTURES");
    snprintf(dir, sizeof dir, "%s/knowledge", f ? f : "fixtures");
    snprintf(cmd, sizeof cmd, "'%s' train '%s' -o '%s' --epochs 3 --knowledge '%s' --quiet", erg,
             fixture("tiny-train.conll"), model, dir);
    ck_assert_int_eq(run(cmd), 0);
    snprintf(cmd, sizeof cmd, "'%s' eval '%s' --model '%s' --knowledge '%s' >'%s'", erg,
             fixture("iob2.conll"), model, dir, out);
    ck_assert_int_eq(run(cmd), 0);
    snprintf(cmd, sizeof cmd, "'%s' tag --conll '%s' --model '%s' --knowledge /nonexistent 2>'%s'",
             erg, fixture("iob2.conll"), model, out);
    ck_assert_int_eq(run(cmd), 1);
    char *d;
    size_t n;
    read_all(out, &d, &n);
    ck_assert_ptr_nonnull(strstr(d, "trained with the knowledge lists"));
    free(d);
    remove_tmpdir();
}
END_TEST

START_TEST(test_clusters_and_lexicon)
{
    make_tmpdir();
    char a[512], b[512];
    tmp_path(a, sizeof a, "a.tsv");
    tmp_path(b, sizeof b, "b.tsv");
    erg_corpus *c = NULL;
    erg_error err;
    ck_assert_int_eq(erg_corpus_load(&c, fixture("tiny-train.conll"), &err), ERG_OK);
    erg_cluster_options o;
    erg_cluster_options_init(&o);
    o.min_count = 2;
    o.classes[0] = 4;
    o.classes[1] = 16;
    ck_assert_int_eq(erg_ner_clusters(c, &o, a, &err), ERG_OK);
    ck_assert_int_eq(erg_ner_clusters(c, &o, b, &err), ERG_OK);
    char *da, *db;
    size_t na, nb;
    read_all(a, &da, &na);
    read_all(b, &db, &nb);
    /* Deterministic, and every word line has two classes within range. */
    ck_assert_uint_eq(na, nb);
    ck_assert(memcmp(da, db, na) == 0);
    size_t words = 0;
    for (char *line = strtok(da, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#')
            continue;
        char *t1 = strchr(line, '\t');
        ck_assert_ptr_nonnull(t1);
        char *end;
        unsigned long c1 = strtoul(t1 + 1, &end, 10);
        ck_assert(*end == '\t');
        unsigned long c2 = strtoul(end + 1, &end, 10);
        ck_assert(*end == '\0');
        ck_assert_uint_lt(c1, 4);
        ck_assert_uint_lt(c2, 16);
        words++;
    }
    ck_assert_uint_gt(words, 20);
    free(da);
    free(db);
    o.classes[0] = 1;
    ck_assert_int_eq(erg_ner_clusters(c, &o, a, &err), ERG_EINVAL);

    /* The lexicon: gazetteer bits from data/ and classes from the file. */
    o.classes[0] = 4;
    ck_assert_int_eq(erg_ner_clusters(c, &o, a, &err), ERG_OK);
    ner_lexicon lx;
    char v[512];
    tmp_path(v, sizeof v, "v.tsv");
    FILE *vf = fopen(v, "w");
    ck_assert_ptr_nonnull(vf);
    fputs("# word-vector classes\nparis\t3\t17\t1000\nlondon\t3\t17\t999\nParis\t1\t1\t1\n", vf);
    fclose(vf);
    ck_assert_int_eq(ner_lexicon_build(&lx, getenv("ERG_DATA"), a, v, &err), ERG_OK);
    ner_wordinfo wi;
    ner_word_analyze("JOHN", 4, &wi);
    ck_assert(ner_lexicon_get(&lx, wi.lowfp) & NER_G_FIRST);
    ner_word_analyze("Paris", 5, &wi);
    ck_assert(ner_lexicon_get(&lx, wi.lowfp) & NER_G_PLACE);
    /* Word-vector classes in the high half, the lowest line of a word first. */
    ck_assert_uint_eq(NER_LEX_V1(ner_lexicon_get(&lx, wi.lowfp)), 2);
    ck_assert_uint_eq(NER_LEX_V2(ner_lexicon_get(&lx, wi.lowfp)), 2);
    ck_assert_uint_eq(NER_LEX_V3(ner_lexicon_get(&lx, wi.lowfp)), 2);
    ner_word_analyze("London", 6, &wi);
    ck_assert_uint_eq(NER_LEX_V1(ner_lexicon_get(&lx, wi.lowfp)), 4);
    ck_assert_uint_eq(NER_LEX_V2(ner_lexicon_get(&lx, wi.lowfp)), 18);
    ck_assert_uint_eq(NER_LEX_V3(ner_lexicon_get(&lx, wi.lowfp)), 1000);
    ner_word_analyze("Ministry", 8, &wi);
    ck_assert(ner_lexicon_get(&lx, wi.lowfp) & NER_G_ORGW);
    ner_word_analyze("spokesman", 9, &wi);
    ck_assert(ner_lexicon_get(&lx, wi.lowfp) & NER_G_TITLE);
    ner_word_analyze("Reuters", 7, &wi);
    ck_assert(ner_lexicon_get(&lx, wi.lowfp) & NER_G_OUTLET);
    ner_word_analyze("qwzxv", 5, &wi);
    ck_assert_uint_eq(ner_lexicon_get(&lx, wi.lowfp), 0);
    ner_lexicon_release(&lx);
    ck_assert_int_ne(ner_lexicon_build(&lx, "/nonexistent", NULL, NULL, &err), ERG_OK);
    ck_assert_ptr_nonnull(strstr(err.source, "first_names.txt"));
    vf = fopen(b, "w");
    ck_assert_ptr_nonnull(vf);
    fputs("paris\t3\t17\n", vf);
    fclose(vf);
    ck_assert_int_eq(ner_lexicon_build(&lx, NULL, NULL, b, &err), ERG_EFORMAT);
    ck_assert_int_eq(err.line, 1);

    /* Template lists. */
    uint64_t mask = NER_FEATURES_DEFAULT;
    ck_assert_int_eq(ner_features_parse("+ent,-vec", &mask, &err), ERG_OK);
    ck_assert(mask & (1ull << NER_T_ENT));
    ck_assert(!(mask & (1ull << NER_T_VEC)));
    ck_assert_int_eq(ner_features_parse("+nosuch", &mask, &err), ERG_EINVAL);
    ck_assert_int_eq(ner_features_parse("ent", &mask, &err), ERG_EINVAL);
    ck_assert_str_eq(ner_template_name(NER_T_VEC), "vec");
    ck_assert_ptr_null(ner_template_name(NER_T_COUNT));

    /* A model trained with the lexicon keeps it through save and load. */
    erg_train_options to;
    erg_train_options_init(&to);
    to.epochs = 2;
    to.gazetteers = getenv("ERG_DATA");
    to.clusters = a;
    to.vector_clusters = v;
    to.title_case = 3;
    erg_model *m = NULL, *l = NULL;
    ck_assert_int_eq(erg_ner_train(&m, c, &to, &err), ERG_OK);
    ck_assert(m->feat_mask & (1ull << NER_T_CLUSTER));
    ck_assert(m->feat_mask & (1ull << NER_T_VEC));
    ck_assert_int_eq(erg_model_save(m, b, &err), ERG_OK);
    ck_assert_int_eq(erg_model_load(&l, b, &err), ERG_OK);
    uint64_t lex = 0;
    ner_word_analyze("paris", 5, &wi);
    ner_wordtab_get_lex(&l->words, wi.lowfp, &lex);
    ck_assert(lex & NER_G_PLACE);
    ck_assert_uint_eq(NER_LEX_V3(lex), 2);
    /* With word-vector classes the file is version 3. */
    char *dm;
    size_t nm;
    read_all(b, &dm, &nm);
    ck_assert_uint_ge(nm, 12);
    ck_assert_int_eq(dm[8], 3);
    free(dm);
    erg_model_free(m);
    erg_model_free(l);
    erg_corpus_free(c);
    remove_tmpdir();
}
END_TEST

static Suite *ner_suite(void)
{
    Suite *s = suite_create("ner");
    TCase *tc = tcase_create("tagger");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_label_names);
    tcase_add_test(tc, test_corpus_schemes_agree);
    tcase_add_test(tc, test_corpus_add_file_and_other_types);
    tcase_add_test(tc, test_corpus_errors);
    tcase_add_test(tc, test_corpus_documents);
    tcase_add_test(tc, test_doc_values);
    tcase_add_test(tc, test_eval_counts_spans);
    tcase_add_test(tc, test_train_and_tag_back);
    tcase_add_test(tc, test_tag_doc_matches_sentences);
    tcase_add_test(tc, test_model_round_trip_and_determinism);
    tcase_add_test(tc, test_model_bad_files);
    tcase_add_test(tc, test_output_is_well_formed_iob2);
    tcase_add_test(tc, test_bilou_scheme);
    tcase_add_test(tc, test_word_analysis);
    tcase_add_test(tc, test_default_model_path);
    tcase_add_test(tc, test_train_options);
    tcase_add_test(tc, test_shipped_model);
    tcase_add_test(tc, test_cli_train_tag_eval);
    tcase_add_test(tc, test_cli_tag_conll_by_document);
    tcase_add_test(tc, test_cli_errors);
    tcase_add_test(tc, test_clusters_and_lexicon);
    tcase_add_test(tc, test_all_templates_fit);
    tcase_add_test(tc, test_knowledge_roles);
    tcase_add_test(tc, test_knowledge_model);
    tcase_add_test(tc, test_cli_knowledge);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(ner_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
