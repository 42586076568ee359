/*
 * erg/text.h: tokens and sentences with byte offsets, and the normalization of
 * names into merge keys.
 */
#ifndef ERG_TEXT_H
#define ERG_TEXT_H

#include "erg/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Token flags. */
enum {
    ERG_TOK_WORD = 1u << 0,   /* letters (may hold digits, hyphens, inner apostrophes, dots) */
    ERG_TOK_NUMBER = 1u << 1, /* starts with a digit: 2010, 1,000.5, 3.5%, 10th */
    ERG_TOK_PUNCT = 1u << 2,  /* punctuation or a symbol, one token per mark (".." and "--" too) */
    ERG_TOK_URL = 1u << 3,    /* http(s)://..., www...., or an e-mail address */
    ERG_TOK_UPPER = 1u << 4,  /* first character is an upper-case letter */
    ERG_TOK_PARA = 1u << 5 /* first token of a paragraph (after a blank line, or the text start) */
};

/* One token: bytes [start, end) of the text. */
typedef struct erg_token {
    uint32_t start;
    uint32_t end;
    uint32_t flags;
} erg_token;

/*
 * The longest window (sentence) erg_text_tokenize makes: a sentence of more
 * tokens or bytes is split into windows of at most this size, so that the
 * work and output of later stages per window stay bounded whatever the text
 * (a megabyte with no full stop is some thousands of windows, not one).
 * Real news sentences are far shorter: 60 tokens is long.
 */
#define ERG_TEXT_MAX_WINDOW_TOKENS 200u
#define ERG_TEXT_MAX_WINDOW_BYTES 4096u
/*
 * A sentence over those limits is no sentence (a table, a list, text
 * without full stops) and is cut into windows of at most this many tokens,
 * about the length of a news sentence, so that it pairs its names about as
 * a text of sentences would.
 */
#define ERG_TEXT_SPLIT_WINDOW_TOKENS 25u

/*
 * One sentence (or window of a long one): tokens [first, end) of the doc,
 * in paragraph `paragraph` (0-based).
 */
typedef struct erg_sentence {
    uint32_t first;
    uint32_t end;
    uint32_t paragraph;
} erg_sentence;

/*
 * The tokens and sentences of one text. Caller-owned: erg_doc_init, then any
 * number of erg_text_tokenize calls (each replaces the previous content and
 * reuses the arrays, so a loop over articles stops allocating once the arrays
 * are large enough), then erg_doc_release.
 */
typedef struct erg_doc {
    erg_token *tokens;
    size_t n_tokens;
    size_t cap_tokens;
    erg_sentence *sentences;
    size_t n_sentences;
    size_t cap_sentences;
    size_t n_paragraphs;
} erg_doc;

void erg_doc_init(erg_doc *doc);
void erg_doc_release(erg_doc *doc);

/*
 * Splits text (len bytes of valid UTF-8; need not be NUL-terminated; less
 * than 4 GiB) into tokens and sentences.
 *
 * Tokens: whitespace (including CR, tabs, no-break and other Unicode spaces)
 * separates; a possessive or contraction ending "'s", "’s", "n't", "'re"... is
 * its own token ("Korea’s" -> "Korea" "’s"); hyphenated words stay whole
 * ("Jong-un", "Park Geun-hye" is two tokens); known abbreviations and initials
 * keep their dot ("Mr.", "Gen.", "Inc.", "U.S.", "J."); numbers keep inner
 * "," "." ("1,000.5"); URLs and e-mail addresses are one token; quotes
 * (straight and curly), brackets, dashes and other marks are one token each.
 *
 * Sentences end at ".", "!", "?" (and "…"), optionally followed by closing
 * quotes or brackets, when the next token starts a new sentence (is not a
 * lower-case word, "," ";" ":" or "%"); never after a title abbreviation
 * ("Mr.", "Gen.") or an initial, nor after "U.S." when the next word is
 * lower-case. After "U.S.", "Inc.", "Jan." and other abbreviations that can
 * end a sentence, a sentence ends only before a capitalized word that
 * typically opens one ("He", "The", "But"...): "in the U.S. He said" breaks,
 * "the U.S. Army" does not ("etc." breaks before any capitalized word). A
 * blank line (or U+2029, or a form feed) ends both a sentence and a
 * paragraph; a single newline does not end a sentence. A sentence longer
 * than ERG_TEXT_MAX_WINDOW_TOKENS tokens or ERG_TEXT_MAX_WINDOW_BYTES bytes
 * is split into windows no longer than that (a single longer token is a
 * window of its own), each cut after the last "," ";" ":" dash or closing
 * bracket in the window's last quarter, else before its last lower-case
 * word there, else at the limit; each window is an erg_sentence.
 *
 * ERG_ENOMEM on allocation failure, ERG_EINVAL when len >= 4 GiB.
 * Linear in len.
 */
erg_status erg_text_tokenize(erg_doc *doc, const char *text, size_t len, erg_error *err);

/*
 * Appends to out (after clearing it) the merge key of a name: Unicode case
 * folding, diacritics removed (Fold -> NFKD, marks dropped), curly quotes made
 * straight, hyphens/dashes, commas and runs of white space made one space,
 * dots removed ("U.S." -> "us"; "Goldman, Sachs" -> "goldman sachs"), a final possessive "'s"/"’"
 * removed, leading and trailing spaces trimmed. "Kim Jong-un", "KIM JONG UN" and "Kim Jong‐un’s"
 * all give "kim jong un". Invalid UTF-8 bytes are kept as they are.
 * ERG_ENOMEM on allocation failure.
 */
erg_status erg_text_name_key(const char *s, size_t n, erg_buf *out);

/*
 * Is w[0..n) a capitalized word that typically opens a sentence in news
 * ("The", "But", "What")? Case-sensitive.
 */
bool erg_text_is_opener(const char *w, size_t n);

/*
 * Is w[0..n) one to three dotted capital initials ("U.S.", "F.W.", "J.")?
 * Before a name they are a country's ("U.S. Senate") or a founder's
 * ("G.D. Searle and Co").
 */
bool erg_text_dotted_initials(const char *w, size_t n);

/*
 * Appends to out (after clearing it) a display form of a name as written in
 * the text: white space runs (including newlines) made one space, a final
 * possessive removed, surrounding quotes and spaces trimmed. Case and
 * spelling are kept ("Kim Jong-un").
 */
erg_status erg_text_name_display(const char *s, size_t n, erg_buf *out);

/*
 * Length in bytes of the valid UTF-8 prefix of s (n when all of s is valid).
 * Overlong forms, surrogates and code points above U+10FFFF are invalid.
 */
size_t erg_utf8_valid_prefix(const char *s, size_t n);

/*
 * Decodes one code point at s (n > 0 bytes available) into *cp and returns
 * its length in bytes; returns 1 with *cp = 0xFFFD for an invalid byte.
 */
size_t erg_utf8_decode(const char *s, size_t n, uint32_t *cp);

#ifdef __cplusplus
}
#endif
#endif
