#include "erg/text.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Checks that every token of doc lies inside text, in order, without
 * overlap and without white space at its ends, that the bytes between tokens
 * hold no ASCII mark, letter or digit, and that the sentences cover the
 * tokens in order. Plain C in the loops and one assertion at the end: Check
 * records every assertion, which is slow over a megabyte of tokens.
 */
static void check_doc(const erg_doc *doc, const char *text, size_t len)
{
    char why[256] = "";
    size_t prev = 0;
    for (size_t i = 0; i < doc->n_tokens && !why[0]; i++) {
        const erg_token *t = &doc->tokens[i];
        if (t->start < prev || t->start >= t->end || t->end > len) {
            snprintf(why, sizeof why, "token %zu [%u, %u) out of order or bounds", i,
                     (unsigned)t->start, (unsigned)t->end);
            break;
        }
        for (size_t k = prev; k < t->start; k++) {
            unsigned char c = (unsigned char)text[k];
            if (c > 0x20 && c < 0x7F)
                snprintf(why, sizeof why, "byte %zu ('%c') is in no token", k, c);
        }
        if (is_blank((unsigned char)text[t->start]) || is_blank((unsigned char)text[t->end - 1]))
            snprintf(why, sizeof why, "token %zu has white space at an end", i);
        prev = t->end;
    }
    for (size_t k = prev; k < len && !why[0]; k++) {
        unsigned char c = (unsigned char)text[k];
        if (c > 0x20 && c < 0x7F)
            snprintf(why, sizeof why, "byte %zu ('%c') is in no token", k, c);
    }
    size_t next = 0;
    for (size_t s = 0; s < doc->n_sentences && !why[0]; s++) {
        const erg_sentence *x = &doc->sentences[s];
        if (x->first != next || x->first >= x->end || x->paragraph >= doc->n_paragraphs ||
            (s > 0 && doc->sentences[s - 1].paragraph > x->paragraph))
            snprintf(why, sizeof why, "sentence %zu is out of order", s);
        next = x->end;
    }
    if (!why[0] && next != doc->n_tokens)
        snprintf(why, sizeof why, "sentences end at token %zu of %zu", next, doc->n_tokens);
    ck_assert_msg(why[0] == '\0', "%s", why);
}

/* Tokens of text joined by "|"; sentences separated by " / ", paragraphs by " // ". */
static char out[8192];

static const char *toks(const char *text)
{
    erg_doc doc;
    erg_doc_init(&doc);
    size_t len = strlen(text);
    ck_assert_int_eq(erg_text_tokenize(&doc, text, len, NULL), ERG_OK);
    check_doc(&doc, text, len);
    out[0] = '\0';
    size_t o = 0;
    for (size_t s = 0; s < doc.n_sentences; s++) {
        const erg_sentence *x = &doc.sentences[s];
        if (s > 0)
            o += (size_t)snprintf(out + o, sizeof out - o, "%s",
                                  x->paragraph != doc.sentences[s - 1].paragraph ? " // " : " / ");
        for (uint32_t t = x->first; t < x->end; t++) {
            const erg_token *k = &doc.tokens[t];
            o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s", t > x->first ? "|" : "",
                                  (int)(k->end - k->start), text + k->start);
        }
    }
    erg_doc_release(&doc);
    return out;
}

START_TEST(test_possessives_and_contractions)
{
    ck_assert_str_eq(toks("North Korea’s leader"), "North|Korea|’s|leader");
    ck_assert_str_eq(toks("Korea's KOREA'S"), "Korea|'s|KOREA|'S");
    ck_assert_str_eq(toks("don't can't won't isn't DON'T"), "do|n't|ca|n't|wo|n't|is|n't|DO|N'T");
    ck_assert_str_eq(toks("they're we've I'll she'd I'm"), "they|'re|we|'ve|I|'ll|she|'d|I|'m");
    ck_assert_str_eq(toks("they’re don’t"), "they|’re|do|n’t");
    ck_assert_str_eq(toks("O'Brien's d'Estaing"), "O'Brien|'s|d'Estaing");
    ck_assert_str_eq(toks("the Joneses' house"), "the|Joneses|'|house");
    ck_assert_str_eq(toks("'s"), "'|s");
}
END_TEST

START_TEST(test_hyphens_and_names)
{
    ck_assert_str_eq(toks("Kim Jong-un met Park Geun-hye"), "Kim|Jong-un|met|Park|Geun-hye");
    ck_assert_str_eq(toks("Kim Jong‐un’s"), "Kim|Jong‐un|’s"); /* U+2010 hyphen */
    ck_assert_str_eq(toks("pro- and anti-war"), "pro|-|and|anti-war");
    ck_assert_str_eq(toks("wait -- now"), "wait|--|now");
    ck_assert_str_eq(toks("AT&T and S&P, R & D"), "AT&T|and|S&P|,|R|&|D");
    ck_assert_str_eq(toks("Ségolène Royal"), "Ségolène|Royal");
    ck_assert_str_eq(toks("U.S.-based firms"), "U.S.-based|firms");
}
END_TEST

START_TEST(test_abbreviations_keep_their_dot)
{
    static const char *const abbr[] = {
        "Mr.",  "Mrs.", "Dr.",   "Gen.",  "Col.", "Lt.",   "Sgt.",   "Capt.", "Gov.",
        "Sen.", "Rep.", "Rev.",  "Prof.", "St.",  "Jr.",   "Sr.",    "Inc.",  "Corp.",
        "Ltd.", "Co.",  "Bros.", "No.",   "vs.",  "etc.",  "Jan.",   "Feb.",  "Mar.",
        "Apr.", "Aug.", "Sep.",  "Sept.", "Oct.", "Nov.",  "Dec.",   "a.m.",  "p.m.",
        "J.",   "U.S.", "U.K.",  "U.N.",  "e.g.", "Ph.D.", "U.S.A.",
    };
    for (size_t i = 0; i < sizeof abbr / sizeof abbr[0]; i++) {
        char text[64], want[64];
        snprintf(text, sizeof text, "x %s y", abbr[i]);
        snprintf(want, sizeof want, "x|%s|y", abbr[i]);
        ck_assert_str_eq(toks(text), want);
    }
    ck_assert_str_eq(toks("He left."), "He|left|.");
    ck_assert_str_eq(toks("the end.The next"), "the|end|. / The|next");
    ck_assert_str_eq(toks("MR. KIM and SMITH INC. said"), "MR.|KIM|and|SMITH|INC.|said");
    ck_assert_str_eq(toks("Wait... what"), "Wait|...|what");
    ck_assert_str_eq(toks("Amazon.com rose"), "Amazon.com|rose");
    ck_assert_str_eq(toks("Mister."), "Mister|.");
}
END_TEST

START_TEST(test_numbers)
{
    ck_assert_str_eq(toks("2,000 3.5 1,000.5 10th 1990s 50% $5"),
                     "2,000|3.5|1,000.5|10th|1990s|50|%|$|5");
    ck_assert_str_eq(toks("at 10:30 on 9/11 in 1996-08-22"), "at|10:30|on|9/11|in|1996-08-22");
    ck_assert_str_eq(toks("in 1990."), "in|1990|.");
    ck_assert_str_eq(toks("1, 2"), "1|,|2");
}
END_TEST

START_TEST(test_urls_and_email)
{
    ck_assert_str_eq(
        toks("see https://example.com/a?b=1. Or www.erg.org, or http://x.org/wiki/A_(b))"),
        "see|https://example.com/a?b=1|. / Or|www.erg.org|,|or|http://x.org/wiki/A_(b)|)");
    ck_assert_str_eq(toks("mail kim.jones@example.co.uk."), "mail|kim.jones@example.co.uk|.");
    ck_assert_str_eq(toks("(http://a.b/c)"), "(|http://a.b/c|)");
    ck_assert_str_eq(toks("@kim and x@y"), "@|kim|and|x|@|y");
}
END_TEST

START_TEST(test_quotes_and_dashes)
{
    ck_assert_str_eq(toks("“Yes” – he said — ‘no’ \"ok\" (a) [b]"),
                     "“|Yes|”|–|he|said|—|‘|no|’|\"|ok|\"|(|a|)|[|b|]");
    ck_assert_str_eq(toks("wait…"), "wait|…");
}
END_TEST

static uint32_t flags_of(const char *text, size_t index)
{
    erg_doc doc;
    erg_doc_init(&doc);
    ck_assert_int_eq(erg_text_tokenize(&doc, text, strlen(text), NULL), ERG_OK);
    ck_assert_uint_lt(index, doc.n_tokens);
    uint32_t f = doc.tokens[index].flags;
    erg_doc_release(&doc);
    return f;
}

START_TEST(test_flags)
{
    const char *t = "Kim met éric and Émile, 2,000 times at https://x.org\n\nÖl 5";
    ck_assert_uint_eq(flags_of(t, 0), ERG_TOK_WORD | ERG_TOK_UPPER | ERG_TOK_PARA);
    ck_assert_uint_eq(flags_of(t, 1), ERG_TOK_WORD);
    ck_assert_uint_eq(flags_of(t, 2), ERG_TOK_WORD);                 /* éric */
    ck_assert_uint_eq(flags_of(t, 4), ERG_TOK_WORD | ERG_TOK_UPPER); /* Émile */
    ck_assert_uint_eq(flags_of(t, 5), ERG_TOK_PUNCT);
    ck_assert_uint_eq(flags_of(t, 6), ERG_TOK_NUMBER);
    ck_assert_uint_eq(flags_of(t, 9), ERG_TOK_URL);
    ck_assert_uint_eq(flags_of(t, 10), ERG_TOK_WORD | ERG_TOK_UPPER | ERG_TOK_PARA);
    ck_assert_uint_eq(flags_of(t, 11), ERG_TOK_NUMBER);
    ck_assert_uint_eq(flags_of("Korea's", 1), ERG_TOK_WORD);
    ck_assert_uint_eq(flags_of("a kim@x.org", 1), ERG_TOK_URL);
}
END_TEST

START_TEST(test_offsets)
{
    const char *t = "  Kim Jong‐un’s “plan”, said Mr. Park.\r\n";
    erg_doc doc;
    erg_doc_init(&doc);
    ck_assert_int_eq(erg_text_tokenize(&doc, t, strlen(t), NULL), ERG_OK);
    static const char *const want[] = {"Kim", "Jong‐un", "’s",  "“",    "plan", "”",
                                       ",",   "said",    "Mr.", "Park", "."};
    ck_assert_uint_eq(doc.n_tokens, 11);
    const char *p = t;
    for (size_t i = 0; i < doc.n_tokens; i++) {
        const char *at = strstr(p, want[i]);
        ck_assert_ptr_nonnull(at);
        ck_assert_uint_eq(doc.tokens[i].start, (size_t)(at - t));
        ck_assert_uint_eq(doc.tokens[i].end, (size_t)(at - t) + strlen(want[i]));
        p = at + strlen(want[i]);
    }
    ck_assert_uint_eq(doc.tokens[0].start, 2);
    ck_assert_uint_eq(doc.tokens[1].end, 2 + 3 + 1 + 9); /* "Jong‐un": U+2010 is 3 bytes */
    erg_doc_release(&doc);
}
END_TEST

START_TEST(test_sentences)
{
    ck_assert_str_eq(toks("the U.S. government said"), "the|U.S.|government|said");
    ck_assert_str_eq(toks("He lives in the U.S. He said so."),
                     "He|lives|in|the|U.S. / He|said|so|.");
    ck_assert_str_eq(toks("Mr. Kim left. Gen. Park stayed."),
                     "Mr.|Kim|left|. / Gen.|Park|stayed|.");
    ck_assert_str_eq(toks("It was J. Smith. Then he left."), "It|was|J.|Smith|. / Then|he|left|.");
    ck_assert_str_eq(toks("“Why?” he asked. “We go,” she said."),
                     "“|Why|?|”|he|asked|. / “|We|go|,|”|she|said|.");
    ck_assert_str_eq(toks("He left! She stayed? Yes."), "He|left|! / She|stayed|? / Yes|.");
    ck_assert_str_eq(toks("(He left.) Then \"Go.\" Now"), "(|He|left|.|) / Then|\"|Go|.|\" / Now");
    ck_assert_str_eq(toks("She waited... and left."), "She|waited|...|and|left|.");
    ck_assert_str_eq(toks("Apples, pears etc. The end"), "Apples|,|pears|etc. / The|end");
    ck_assert_str_eq(toks("at 9 a.m. Monday and at 5 p.m. The"),
                     "at|9|a.m.|Monday|and|at|5|p.m. / The");
    ck_assert_str_eq(toks("Apple Inc. said on Jan. 5 it"), "Apple|Inc.|said|on|Jan.|5|it");
    ck_assert_str_eq(toks("Rose 5%. 2010 was"), "Rose|5|%|. / 2010|was");
    ck_assert_str_eq(toks("No. 5 won"), "No.|5|won");
    ck_assert_str_eq(toks("A title\nwith a line break"), "A|title|with|a|line|break");
    ck_assert_str_eq(toks("A headline\n\nThe body. Second"), "A|headline // The|body|. / Second");
    ck_assert_str_eq(toks("one\r\ntwo\r\n\r\nthree"), "one|two // three");
    ck_assert_str_eq(toks("one\n \t\ntwo"), "one // two");
    ck_assert_str_eq(toks("\n\n\nonly\n\n\n"), "only");
}
END_TEST

START_TEST(test_paragraph_counts)
{
    const char *t = "\r\nFirst para. Two sentences.\r\n\r\nSecond\u2029Third\n";
    erg_doc doc;
    erg_doc_init(&doc);
    ck_assert_int_eq(erg_text_tokenize(&doc, t, strlen(t), NULL), ERG_OK);
    check_doc(&doc, t, strlen(t));
    ck_assert_uint_eq(doc.n_paragraphs, 3);
    ck_assert_uint_eq(doc.n_sentences, 4);
    ck_assert_uint_eq(doc.sentences[0].paragraph, 0);
    ck_assert_uint_eq(doc.sentences[1].paragraph, 0);
    ck_assert_uint_eq(doc.sentences[2].paragraph, 1);
    ck_assert_uint_eq(doc.sentences[3].paragraph, 2);
    ck_assert(doc.tokens[0].flags & ERG_TOK_PARA);
    ck_assert(!(doc.tokens[1].flags & ERG_TOK_PARA));
    ck_assert(doc.tokens[doc.sentences[2].first].flags & ERG_TOK_PARA);
    ck_assert_uint_eq(doc.tokens[0].start, 2);
    erg_doc_release(&doc);
}
END_TEST

START_TEST(test_unicode_spaces)
{
    ck_assert_str_eq(toks("a\u00a0b\u2009c\u3000d\u200be\tf\u202fg"), "a|b|c|d|e|f|g");
}
END_TEST

START_TEST(test_empty_and_reuse)
{
    erg_doc doc;
    erg_doc_init(&doc);
    ck_assert_int_eq(erg_text_tokenize(&doc, "", 0, NULL), ERG_OK);
    ck_assert_uint_eq(doc.n_tokens, 0);
    ck_assert_uint_eq(doc.n_sentences, 0);
    ck_assert_uint_eq(doc.n_paragraphs, 0);
    ck_assert_int_eq(erg_text_tokenize(&doc, " \r\n\t ", 5, NULL), ERG_OK);
    ck_assert_uint_eq(doc.n_tokens, 0);
    ck_assert_uint_eq(doc.n_sentences, 0);

    const char *big = "Kim met Park. They talked.";
    ck_assert_int_eq(erg_text_tokenize(&doc, big, strlen(big), NULL), ERG_OK);
    ck_assert_uint_eq(doc.n_tokens, 7);
    ck_assert_uint_eq(doc.n_sentences, 2);
    erg_token *tokens = doc.tokens;
    ck_assert_int_eq(erg_text_tokenize(&doc, "Hi.", 3, NULL), ERG_OK);
    ck_assert_ptr_eq(doc.tokens, tokens); /* storage reused, content replaced */
    ck_assert_uint_eq(doc.n_tokens, 2);
    ck_assert_uint_eq(doc.n_sentences, 1);
    erg_doc_release(&doc);
    erg_doc_release(&doc); /* released twice: harmless */
}
END_TEST

/* Text in a buffer of exactly len bytes, so that the sanitizer sees reads past its end. */
static void tokenize_exact(const char *text, size_t len, erg_doc *doc)
{
    char *copy = malloc(len ? len : 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, len);
    ck_assert_int_eq(erg_text_tokenize(doc, copy, len, NULL), ERG_OK);
    check_doc(doc, copy, len);
    free(copy);
}

START_TEST(test_invalid_utf8_does_not_crash)
{
    static const char *const bad[] = {
        "abc\xff",
        "\xe2\x80",
        "Korea\xe2\x80",
        "x \xc3",
        "\xf0\x9f\x98",
        "a\xc0\xaf b",
        "\xed\xa0\x80 z",
        "Mr",
        "Mr.",
        "U.S",
        "'",
        "n't",
        "a'",
        "http://",
        "www.",
        "x@",
        "a-",
        "1,",
        "I'",
        "\xe2\x80\x99",
        "they\xe2\x80\x99r",
    };
    erg_doc doc;
    erg_doc_init(&doc);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        tokenize_exact(bad[i], strlen(bad[i]), &doc);
    tokenize_exact("abc\xff def", 8, &doc);
    ck_assert_uint_eq(doc.n_tokens, 3); /* the bad byte is a token of its own */
    ck_assert_uint_eq(doc.tokens[1].start, 3);
    ck_assert_uint_eq(doc.tokens[1].end, 4);
    tokenize_exact("a\0b", 3, &doc); /* NUL bytes separate, like other controls */
    ck_assert_uint_eq(doc.n_tokens, 2);
    erg_doc_release(&doc);
}
END_TEST

START_TEST(test_one_megabyte_line)
{
    size_t len = 1 << 20;
    char *t = malloc(len);
    ck_assert_ptr_nonnull(t);
    static const char unit[] = "Kim Jong-un’s envoy met Mr. Park in the U.S. on Jan. 5, 2019. ";
    size_t u = sizeof unit - 1;
    size_t reps = len / u;
    for (size_t i = 0; i < reps; i++)
        memcpy(t + i * u, unit, u);
    memset(t + reps * u, 'x', len - reps * u);
    erg_doc doc;
    erg_doc_init(&doc);
    tokenize_exact(t, len, &doc);
    ck_assert_uint_eq(doc.n_tokens, reps * 16 + (len % u ? 1 : 0));
    ck_assert_uint_eq(doc.n_sentences, reps);
    ck_assert_uint_eq(doc.n_paragraphs, 1);

    /* Inputs built to make a careless scanner quadratic or recurse deeply. */
    static const char *const units[] = {"a-.", "A.-", "x@", "http://(", ")", "a.", "'", "www.a"};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        size_t ul = strlen(units[k]);
        for (size_t i = 0; i + ul <= len; i += ul)
            memcpy(t + i, units[k], ul);
        tokenize_exact(t, len - len % ul, &doc);
        ck_assert_uint_gt(doc.n_tokens, 0);
    }
    memset(t, 'a', len);
    tokenize_exact(t, len, &doc);
    ck_assert_uint_eq(doc.n_tokens, 1);
    erg_doc_release(&doc);
    free(t);
}
END_TEST

/* The windows of doc tile its tokens, each within the limits (a single longer token alone). */
static void windows_ok(const char *t, const erg_doc *doc)
{
    ck_assert_uint_gt(doc->n_sentences, 0);
    ck_assert_uint_eq(doc->sentences[0].first, 0);
    ck_assert_uint_eq(doc->sentences[doc->n_sentences - 1].end, doc->n_tokens);
    for (size_t i = 0; i < doc->n_sentences; i++) {
        const erg_sentence *x = &doc->sentences[i];
        ck_assert_uint_lt(x->first, x->end);
        if (i + 1 < doc->n_sentences)
            ck_assert_uint_eq(x->end, doc->sentences[i + 1].first);
        ck_assert_uint_le(x->end - x->first, ERG_TEXT_MAX_WINDOW_TOKENS);
        /* A run past the limits is cut into windows of a long sentence's size. */
        if (doc->n_sentences > 1)
            ck_assert_uint_le(x->end - x->first, ERG_TEXT_SPLIT_WINDOW_TOKENS);
        uint32_t bytes = doc->tokens[x->end - 1].end - doc->tokens[x->first].start;
        ck_assert(bytes <= ERG_TEXT_MAX_WINDOW_BYTES || x->end - x->first == 1);
    }
    (void)t;
}

START_TEST(test_long_sentences_are_windows)
{
    erg_doc doc;
    erg_doc_init(&doc);
    char *t = malloc(1 << 16);
    ck_assert_ptr_nonnull(t);

    /* A sentence within the limit stays whole. */
    size_t n = 0;
    for (int i = 0; i < 150; i++)
        n += (size_t)sprintf(t + n, "word ");
    tokenize_exact(t, n, &doc);
    windows_ok(t, &doc);
    ck_assert_uint_eq(doc.n_sentences, 1);

    /* No soft break, no capital: cut at the split size. */
    n = 0;
    for (int i = 0; i < 1000; i++)
        n += (size_t)sprintf(t + n, "word ");
    tokenize_exact(t, n, &doc);
    windows_ok(t, &doc);
    ck_assert_uint_eq(doc.n_sentences, 1000 / ERG_TEXT_SPLIT_WINDOW_TOKENS);
    ck_assert_uint_eq(doc.sentences[0].end, ERG_TEXT_SPLIT_WINDOW_TOKENS);

    /* A comma in the window's last quarter: cut just after it. */
    n = 0;
    for (int i = 0; i < 400; i++)
        n += (size_t)sprintf(t + n, i == 20 ? "word , " : "word ");
    tokenize_exact(t, n, &doc);
    windows_ok(t, &doc);
    ck_assert_uint_eq(doc.sentences[0].end, 22);
    ck_assert(t[doc.tokens[21].start] == ',');

    /* Capitalized names: the cut falls before a lower-case word, not inside a name. */
    n = 0;
    for (int i = 0; i < 100; i++)
        n += (size_t)sprintf(t + n, "John Smith met ");
    tokenize_exact(t, n, &doc);
    windows_ok(t, &doc);
    for (size_t i = 1; i < doc.n_sentences; i++)
        ck_assert(t[doc.tokens[doc.sentences[i].first].start] == 'm');

    /* Long words: the byte limit. */
    memset(t, 'a', 1 << 16);
    for (size_t i = 100; i < (1 << 16); i += 101)
        t[i] = ' ';
    tokenize_exact(t, 20000, &doc);
    windows_ok(t, &doc);
    ck_assert_uint_gt(doc.n_sentences, 4);

    /* One token longer than the limit is a window of its own. */
    memset(t, 'a', 10000);
    memcpy(t + 10000, " b c", 4);
    tokenize_exact(t, 10004, &doc);
    windows_ok(t, &doc);
    ck_assert_uint_eq(doc.n_sentences, 2);
    ck_assert_uint_eq(doc.sentences[0].end, 1);

    /* Ordinary sentences are left alone. */
    static const char s[] = "Kim met Moon. They talked.";
    tokenize_exact(s, strlen(s), &doc);
    ck_assert_uint_eq(doc.n_sentences, 2);
    free(t);
    erg_doc_release(&doc);
}
END_TEST

static const char *key(const char *s)
{
    erg_buf b;
    erg_buf_init(&b);
    ck_assert_int_eq(erg_text_name_key(s, strlen(s), &b), ERG_OK);
    snprintf(out, sizeof out, "%s", b.data);
    ck_assert_uint_eq(strlen(b.data), b.len);
    erg_buf_release(&b);
    return out;
}

static const char *display(const char *s)
{
    erg_buf b;
    erg_buf_init(&b);
    ck_assert_int_eq(erg_text_name_display(s, strlen(s), &b), ERG_OK);
    snprintf(out, sizeof out, "%s", b.data);
    ck_assert_uint_eq(strlen(b.data), b.len);
    erg_buf_release(&b);
    return out;
}

START_TEST(test_name_key)
{
    ck_assert_str_eq(key("Kim Jong-un"), "kim jong un");
    ck_assert_str_eq(key("KIM JONG UN"), "kim jong un");
    ck_assert_str_eq(key("Kim Jong‐un’s"), "kim jong un");
    ck_assert_str_eq(key("Ségolène Royal"), "segolene royal");
    ck_assert_str_eq(key("U.S."), "us");
    ck_assert_str_eq(key("US"), "us");
    ck_assert_str_eq(key("  Kim\n\t Jong \u2013 un  "), "kim jong un");
    ck_assert_str_eq(key("Kim Jong\u2212un"), "kim jong un");
    /* A comma inside a name is a spelling variant of the name without it. */
    ck_assert_str_eq(key("Kidder, Peabody and Co"), "kidder peabody and co");
    ck_assert_str_eq(key("Goldman ,Sachs"), "goldman sachs");
    ck_assert_str_eq(key("O’Brien"), "o'brien");
    ck_assert_str_eq(key("Jones'"), "jones");
    ck_assert_str_eq(key("Straße"), "strasse");
    ck_assert_str_eq(key("ＵＮ"), "un"); /* full-width letters: NFKD */
    ck_assert_str_eq(key("Çelik İnan"), "celik inan");
    ck_assert_str_eq(key(""), "");
    ck_assert_str_eq(key("..."), "");
    ck_assert_str_eq(key("abc\xff"), "abc\xff");
}
END_TEST

START_TEST(test_dotted_initials)
{
    static const char *const yes[] = {"U.S.", "F.W.", "J.", "U.S.A."};
    static const char *const no[] = {"US", "U.S", "u.s.", "A.B.C.D.", "Inc.", ".", ""};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        ck_assert_msg(erg_text_dotted_initials(yes[i], strlen(yes[i])), "%s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        ck_assert_msg(!erg_text_dotted_initials(no[i], strlen(no[i])), "%s", no[i]);
    ck_assert(!erg_text_dotted_initials(NULL, 2));
    /* Only the n bytes given count: "U.S." of "U.S. Senate". */
    ck_assert(erg_text_dotted_initials("U.S. Senate", 4));
}
END_TEST

START_TEST(test_name_display)
{
    ck_assert_str_eq(display("Kim Jong-un"), "Kim Jong-un");
    ck_assert_str_eq(display("Kim\r\n  Jong-un’s"), "Kim Jong-un");
    ck_assert_str_eq(display("“Kim Jong-un’s”"), "Kim Jong-un");
    ck_assert_str_eq(display(" \"Reuters\" "), "Reuters");
    ck_assert_str_eq(display("KOREA'S"), "KOREA");
    ck_assert_str_eq(display("Ségolène\u00a0Royal"), "Ségolène Royal");
    ck_assert_str_eq(display(""), "");
}
END_TEST

START_TEST(test_utf8)
{
    ck_assert_uint_eq(erg_utf8_valid_prefix("abc", 3), 3);
    ck_assert_uint_eq(erg_utf8_valid_prefix("é€😀", 9), 9);
    ck_assert_uint_eq(erg_utf8_valid_prefix("abcdefghij\xff", 11), 10);
    ck_assert_uint_eq(erg_utf8_valid_prefix("ab\xc0\xaf", 4), 2);       /* overlong */
    ck_assert_uint_eq(erg_utf8_valid_prefix("ab\xe0\x80\xaf", 5), 2);   /* overlong */
    ck_assert_uint_eq(erg_utf8_valid_prefix("ab\xed\xa0\x80", 5), 2);   /* surrogate */
    ck_assert_uint_eq(erg_utf8_valid_prefix("\xf4\x90\x80\x80", 4), 0); /* > U+10FFFF */
    ck_assert_uint_eq(erg_utf8_valid_prefix("\xf4\x8f\xbf\xbf", 4), 4); /* U+10FFFF */
    ck_assert_uint_eq(erg_utf8_valid_prefix("a\xe2\x80", 3), 1);        /* truncated */
    ck_assert_uint_eq(erg_utf8_valid_prefix("a\x80", 2), 1);            /* lone continuation */
    ck_assert_uint_eq(erg_utf8_valid_prefix("", 0), 0);
    uint32_t cp;
    ck_assert_uint_eq(erg_utf8_decode("€", 3, &cp), 3);
    ck_assert_uint_eq(cp, 0x20AC);
    ck_assert_uint_eq(erg_utf8_decode("€", 2, &cp), 1);
    ck_assert_uint_eq(cp, 0xFFFD);
    ck_assert_uint_eq(erg_utf8_decode("😀", 4, &cp), 4);
    ck_assert_uint_eq(cp, 0x1F600);
    ck_assert_uint_eq(erg_utf8_decode("A", 1, &cp), 1);
    ck_assert_uint_eq(cp, 'A');
}
END_TEST

/*
 * Every row of data/abbreviations.tsv (compiled into the tokenizer at build
 * time) keeps its dot and does what its kind says: "never" never ends a
 * sentence, "name" ends one before a word of tokenizer_openers.txt ("The")
 * and not before another capitalized word, "end" ends one before any
 * capitalized word.
 */
START_TEST(test_every_abbreviation_of_the_data_file)
{
    char path[4096];
    ck_assert_int_eq(erg_data_path("abbreviations.tsv", path, sizeof path, NULL), ERG_OK);
    char **rows = NULL;
    size_t n = 0;
    ck_assert_int_eq(erg_word_list_read(path, &rows, &n, NULL), ERG_OK);
    ck_assert_uint_gt(n, 0);
    erg_doc doc;
    erg_doc_init(&doc);
    for (size_t i = 0; i < n; i++) {
        char *tab = strchr(rows[i], '\t');
        ck_assert_ptr_nonnull(tab);
        *tab = '\0';
        const char *w = rows[i], *kind = tab + 1;
        while (*kind == ' ' || *kind == '\t')
            kind++;
        char text[128];
        const char *next[] = {"The", "Smith"};
        for (int k = 0; k < 2; k++) {
            snprintf(text, sizeof text, "It was %s. %s came.", w, next[k]);
            ck_assert_int_eq(erg_text_tokenize(&doc, text, strlen(text), NULL), ERG_OK);
            bool ends = strcmp(kind, "end") == 0 || (strcmp(kind, "name") == 0 && k == 0);
            ck_assert_msg(doc.n_sentences == (ends ? 2u : 1u), "%zu sentences in \"%s\" (%s)",
                          doc.n_sentences, text, kind);
            ck_assert_uint_eq(doc.tokens[2].end - doc.tokens[2].start, strlen(w) + 1);
        }
    }
    erg_doc_release(&doc);
    erg_word_list_free(rows, n);
}
END_TEST

static Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_possessives_and_contractions);
    tcase_add_test(tc, test_long_sentences_are_windows);
    tcase_add_test(tc, test_hyphens_and_names);
    tcase_add_test(tc, test_abbreviations_keep_their_dot);
    tcase_add_test(tc, test_every_abbreviation_of_the_data_file);
    tcase_add_test(tc, test_numbers);
    tcase_add_test(tc, test_urls_and_email);
    tcase_add_test(tc, test_quotes_and_dashes);
    tcase_add_test(tc, test_flags);
    tcase_add_test(tc, test_offsets);
    tcase_add_test(tc, test_sentences);
    tcase_add_test(tc, test_paragraph_counts);
    tcase_add_test(tc, test_unicode_spaces);
    tcase_add_test(tc, test_empty_and_reuse);
    tcase_add_test(tc, test_invalid_utf8_does_not_crash);
    tcase_add_test(tc, test_one_megabyte_line);
    tcase_add_test(tc, test_name_key);
    tcase_add_test(tc, test_dotted_initials);
    tcase_add_test(tc, test_name_display);
    tcase_add_test(tc, test_utf8);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(text_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
