/*
 * tokenize.c: tokens and sentences with byte offsets, CoNLL-2003 style.
 *
 * One pass makes the tokens, a second pass over the tokens finds sentence
 * ends. Both work on bytes with an ASCII fast path and decode UTF-8 only for
 * bytes at or above 0x80. Nothing is allocated per token: the doc's arrays
 * grow geometrically and are reused across calls.
 */
#include "text_private.h"

#include <stdlib.h>
#include <string.h>

void erg_doc_init(erg_doc *doc)
{
    memset(doc, 0, sizeof *doc);
}

void erg_doc_release(erg_doc *doc)
{
    if (!doc)
        return;
    free(doc->tokens);
    free(doc->sentences);
    erg_doc_init(doc);
}

static inline int push_token(erg_doc *doc, size_t start, size_t end, uint32_t flags)
{
    if (doc->n_tokens == doc->cap_tokens &&
        erg_grow((void **)&doc->tokens, &doc->cap_tokens, doc->n_tokens + 1, sizeof(erg_token)))
        return -1;
    erg_token *t = &doc->tokens[doc->n_tokens++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->flags = flags;
    return 0;
}

/* ---- abbreviations ---------------------------------------------------- */

/* What an abbreviation with its dot does to a sentence end. */
enum {
    AB_NONE = 0, /* not an abbreviation: the dot is its own token */
    AB_NEVER,    /* titles, initials, "No.", "vs.", "e.g.": never ends a sentence */
    AB_NAME,     /* "U.S.", "Inc.", "Jan.": ends one only before a typical sentence opener */
    AB_END       /* "etc.": ends one before any capitalized word */
};

typedef struct abbrev {
    const char *s;
    unsigned char len;
    unsigned char kind;
} abbrev;

/* data/abbreviations.tsv: abbrevs[]. */
#include "text_abbrevs.h"

static int ascii_upper(int c)
{
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

/*
 * Kind of the word s[0..n) (without its dot) as an abbreviation. The listed
 * spelling matches, and so does its all-capitals form ("INC", "MR").
 */
static int abbrev_kind(const unsigned char *s, size_t n)
{
    if (n == 0 || n > 6)
        return AB_NONE;
    bool caps = true;
    for (size_t i = 0; i < n; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            caps = false;
    for (size_t k = 0; k < sizeof abbrevs / sizeof abbrevs[0]; k++) {
        const abbrev *a = &abbrevs[k];
        if (a->len != n || ascii_upper(a->s[0]) != ascii_upper(s[0]))
            continue;
        if (memcmp(a->s, s, n) == 0)
            return a->kind;
        if (caps && n > 1) {
            size_t i = 0;
            while (i < n && ascii_upper(a->s[i]) == s[i])
                i++;
            if (i == n)
                return a->kind;
        }
    }
    return AB_NONE;
}

/* ---- words ------------------------------------------------------------ */

static inline int class_at(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n)
        return TX_SPACE;
    if (s[i] < 0x80)
        return erg_text_i_ascii_class[s[i]];
    uint32_t cp;
    size_t len;
    return erg_text_i_char(s, n, i, &cp, &len);
}

static inline int is_letter_class(int cls)
{
    return cls == TX_UPPER || cls == TX_LOWER || cls == TX_LETTER;
}

static inline int is_ascii_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* Is s[i..] the curly apostrophe U+2019? */
static inline int is_rsquo(const unsigned char *s, size_t n, size_t i)
{
    return i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99;
}

/* What scan_word learned about a word. */
typedef struct word_info {
    size_t n_chars;    /* characters in the word (code points) */
    size_t n_dots;     /* inner dots */
    size_t max_seg;    /* longest dot-separated segment, in characters */
    bool hyphen;       /* holds a hyphen */
    bool apostrophe;   /* holds an inner apostrophe */
    bool absorbed_dot; /* the final dot was taken as part of an abbreviation */
} word_info;

/*
 * Scans the word or number that starts at s[i] (a letter, digit or mark) and
 * returns its end: letters, digits and marks, joined by inner hyphens,
 * apostrophes before a letter, dots of acronyms and decimals, and ",", ":",
 * "/" between digits ("1,000.5", "10:30", "9/11"), "&" between capitals
 * ("AT&T"). A final dot is taken when the word is a known abbreviation, an
 * initial or a dotted acronym.
 */
static size_t scan_word(const unsigned char *s, size_t n, size_t i, bool digit_start, bool join,
                        word_info *w)
{
    size_t a = i;
    size_t seg = 0;
    memset(w, 0, sizeof *w);
    for (;;) {
        while (i < n && s[i] < 0x80 && erg_text_i_ascii_class[s[i]] >= TX_UPPER) {
            i++;
            seg++;
        }
        if (i >= n)
            break;
        unsigned char c = s[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t len;
            int cls = erg_text_i_char(s, n, i, &cp, &len);
            if (erg_text_i_is_word_class(cls)) {
                i += len;
                seg++;
                continue;
            }
            if ((cp == 0x2010 || cp == 0x2011) &&
                erg_text_i_is_word_class(class_at(s, n, i + len))) {
                w->hyphen = true;
                i += len;
                seg++;
                continue;
            }
            if (cp == 0x2019 && is_letter_class(class_at(s, n, i + len))) {
                w->apostrophe = true;
                i += len;
                seg++;
                continue;
            }
            break;
        }
        int next = class_at(s, n, i + 1);
        bool prev_digit = is_ascii_digit(s[i - 1]);
        bool take = false;
        switch (c) {
        case '-':
            take = erg_text_i_is_word_class(next);
            w->hyphen |= take;
            break;
        case '\'':
            take = is_letter_class(next);
            w->apostrophe |= take;
            break;
        case '.':
            if (prev_digit && next == TX_DIGIT) {
                take = true;
            } else if (!prev_digit && is_letter_class(next) &&
                       (next == TX_LOWER || next == TX_LETTER || seg <= 2)) {
                /* "U.S", "Ph.D", "Amazon.com", but not "end.The". */
                take = true;
                w->n_dots++;
                if (seg > w->max_seg)
                    w->max_seg = seg;
                seg = 0;
                w->n_chars++;
                i++;
                continue;
            }
            break;
        case ',':
        case ':':
        case '/':
            take = prev_digit && next == TX_DIGIT;
            break;
        case '&':
            take = s[i - 1] >= 'A' && s[i - 1] <= 'Z' && i + 1 < n && s[i + 1] >= 'A' &&
                   s[i + 1] <= 'Z';
            break;
        default:
            break;
        }
        if (!take)
            break;
        i++;
        seg++;
    }
    if (seg > w->max_seg)
        w->max_seg = seg;
    w->n_chars += seg;

    /* A final dot, but not the first of an ellipsis. */
    if (!digit_start && i < n && s[i] == '.' && !(i + 1 < n && s[i + 1] == '.')) {
        bool take = false;
        if (w->n_dots > 0)
            take = w->max_seg <= 2 && !w->hyphen && !w->apostrophe;
        else if (!w->hyphen && !w->apostrophe)
            take = (w->n_chars == 1 && class_at(s, n, a) == TX_UPPER) ||
                   abbrev_kind(s + a, i - a) != AB_NONE;
        if (take) {
            i++;
            w->absorbed_dot = true;
            /* "U.S.-based" stays one word. */
            if (join && i + 1 < n && s[i] == '-' &&
                erg_text_i_is_word_class(class_at(s, n, i + 1))) {
                word_info rest;
                size_t end = scan_word(s, n, i + 1, false, false, &rest);
                if (!rest.absorbed_dot) {
                    w->hyphen = true;
                    w->absorbed_dot = false;
                    return end;
                }
            }
        }
    }
    return i;
}

/*
 * Start of a contraction or possessive ending the word s[a..b): "'s", "’s",
 * "'re", "'ve", "'ll", "'d", "'m" (any case) and "n't"; b when there is none
 * or when nothing would be left before it.
 */
static size_t clitic_start(const unsigned char *s, size_t a, size_t b)
{
    size_t len = b - a;
    /* One or two letters after the apostrophe. */
    for (size_t k = 1; k <= 2 && k + 1 < len; k++) {
        size_t ap = b - k - 1;  /* position of a straight apostrophe */
        size_t apc = b - k - 3; /* position of a curly one */
        size_t at = b;
        if (s[ap] == '\'')
            at = ap;
        else if (k + 3 < len && s[apc] == 0xE2 && s[apc + 1] == 0x80 && s[apc + 2] == 0x99)
            at = apc;
        if (at == b)
            continue;
        int c1 = s[b - k] | 0x20;
        int c2 = k == 2 ? (s[b - 1] | 0x20) : 0;
        bool ok;
        if (k == 1)
            ok = c1 == 's' || c1 == 'd' || c1 == 'm' || c1 == 't';
        else
            ok = (c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l');
        if (!ok)
            continue;
        if (c1 == 't' && k == 1) {
            /* "n't": the n goes with the clitic. */
            if (at > a + 1 && (s[at - 1] | 0x20) == 'n')
                return at - 1;
            continue;
        }
        return at > a ? at : b;
    }
    return b;
}

/* ---- URLs and e-mail addresses ----------------------------------------- */

static inline int url_byte(unsigned char c)
{
    if (c <= 0x20 || c >= 0x7F)
        return 0;
    switch (c) {
    case '<':
    case '>':
    case '"':
    case '{':
    case '}':
    case '|':
    case '\\':
    case '^':
    case '`':
        return 0;
    default:
        return 1;
    }
}

static int prefix_ci(const unsigned char *s, size_t n, size_t i, const char *p)
{
    for (size_t k = 0; p[k]; k++)
        if (i + k >= n || (s[i + k] | 0x20) != (unsigned char)p[k])
            return 0;
    return 1;
}

/* Drops the trailing punctuation that ends a sentence rather than a URL. */
static size_t url_trim(const unsigned char *s, size_t a, size_t b)
{
    long paren = 0, bracket = 0; /* opened minus closed */
    for (size_t k = a; k < b; k++) {
        paren += s[k] == '(' ? 1 : s[k] == ')' ? -1 : 0;
        bracket += s[k] == '[' ? 1 : s[k] == ']' ? -1 : 0;
    }
    while (b > a) {
        unsigned char c = s[b - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
            c == '*') {
            b--;
        } else if (c == ')' && paren < 0) {
            paren++;
            b--;
        } else if (c == ']' && bracket < 0) {
            bracket++;
            b--;
        } else {
            break;
        }
    }
    return b;
}

/* End of a URL starting at s[i], or i when there is none. */
static size_t scan_url(const unsigned char *s, size_t n, size_t i)
{
    size_t p;
    if (prefix_ci(s, n, i, "http://"))
        p = i + 7;
    else if (prefix_ci(s, n, i, "https://"))
        p = i + 8;
    else if (prefix_ci(s, n, i, "ftp://"))
        p = i + 6;
    else if (prefix_ci(s, n, i, "www.") && i + 4 < n && s[i + 4] < 0x80 &&
             erg_text_i_ascii_class[s[i + 4]] >= TX_UPPER)
        p = i + 4;
    else
        return i;
    while (p < n && url_byte(s[p]))
        p++;
    p = url_trim(s, i, p);
    return p;
}

static inline int email_local_byte(unsigned char c)
{
    return (c < 0x80 && erg_text_i_ascii_class[c] >= TX_UPPER) || c == '.' || c == '_' ||
           c == '%' || c == '+' || c == '-';
}

static inline int alnum_byte(unsigned char c)
{
    return c < 0x80 && erg_text_i_ascii_class[c] >= TX_UPPER;
}

/*
 * End of an e-mail address starting at s[i], or i when there is none. The
 * parts are bounded (64 bytes before "@", 253 after, as RFC 5321 says) so
 * that a long run of address-like bytes costs little.
 */
static size_t scan_email(const unsigned char *s, size_t n, size_t i)
{
    size_t p = i;
    while (p < n && p - i <= 64 && email_local_byte(s[p]))
        p++;
    if (p == i || p - i > 64 || p >= n || s[p] != '@')
        return i;
    p++;
    size_t at = p;
    size_t dots = 0;
    size_t label = 0;
    size_t end = i;
    while (p < n && p - at < 253) {
        if (alnum_byte(s[p]) || (s[p] == '-' && label > 0)) {
            label++;
            p++;
            if (dots > 0 && s[p - 1] != '-')
                end = p;
        } else if (s[p] == '.' && label > 0 && p + 1 < n && alnum_byte(s[p + 1])) {
            dots++;
            label = 0;
            p++;
        } else {
            break;
        }
    }
    return dots > 0 ? end : i;
}

/* ---- the tokenizer ------------------------------------------------------ */

static int push_word(erg_doc *doc, const unsigned char *s, size_t a, size_t b, int first_cls,
                     uint32_t para, const word_info *w)
{
    uint32_t flags = (first_cls == TX_DIGIT ? ERG_TOK_NUMBER : ERG_TOK_WORD) | para;
    if (first_cls == TX_UPPER)
        flags |= ERG_TOK_UPPER;
    size_t c = w->apostrophe && !w->absorbed_dot ? clitic_start(s, a, b) : b;
    if (push_token(doc, a, c, flags))
        return -1;
    if (c < b && push_token(doc, c, b, ERG_TOK_WORD))
        return -1;
    return 0;
}

static erg_status tokenize(erg_doc *doc, const unsigned char *s, size_t n)
{
    size_t i = 0;
    unsigned breaks = 2; /* line breaks since the last token; the text start is a paragraph start */
    while (i < n) {
        unsigned char c = s[i];
        uint32_t cp = c;
        size_t len = 1;
        int cls = c < 0x80 ? erg_text_i_ascii_class[c] : erg_text_i_char(s, n, i, &cp, &len);
        switch (cls) {
        case TX_SPACE:
            i += len;
            continue;
        case TX_NL:
            /* CR LF is one line break. */
            if (!(c == '\r' && i + 1 < n && s[i + 1] == '\n'))
                breaks++;
            i += len;
            continue;
        case TX_PARA:
            breaks += 2;
            i += len;
            continue;
        default:
            break;
        }
        uint32_t para = breaks >= 2 ? ERG_TOK_PARA : 0;
        breaks = 0;
        size_t end;
        if ((c | 0x20) == 'h' || (c | 0x20) == 'w' || (c | 0x20) == 'f') {
            end = scan_url(s, n, i);
            if (end > i) {
                if (push_token(doc, i, end, ERG_TOK_URL | para))
                    return ERG_ENOMEM;
                i = end;
                continue;
            }
        }
        if (erg_text_i_is_word_class(cls)) {
            word_info w;
            end = scan_word(s, n, i, cls == TX_DIGIT, true, &w);
            if (end < n && (s[end] == '@' || s[end] == '.' || s[end] == '_' || s[end] == '+' ||
                            s[end] == '-' || s[end] == '%')) {
                size_t e = scan_email(s, n, i);
                if (e > end) {
                    if (push_token(doc, i, e, ERG_TOK_URL | para))
                        return ERG_ENOMEM;
                    i = e;
                    continue;
                }
            }
            if (push_word(doc, s, i, end, cls, para, &w))
                return ERG_ENOMEM;
            i = end;
            continue;
        }
        /* Punctuation: one mark per token, but a run of dots or hyphens is one. */
        end = i + len;
        if (c == '.' || c == '-')
            while (end < n && s[end] == c)
                end++;
        if (push_token(doc, i, end, ERG_TOK_PUNCT | para))
            return ERG_ENOMEM;
        i = end;
    }
    return ERG_OK;
}

/* ---- sentences --------------------------------------------------------- */

static inline uint32_t first_cp(const unsigned char *s, const erg_token *t)
{
    uint32_t cp;
    erg_utf8_decode((const char *)s + t->start, t->end - t->start, &cp);
    return cp;
}

/* Does the punctuation token t end a sentence ("." "..." "!" "?" "…")? */
static bool is_terminator(const unsigned char *s, const erg_token *t)
{
    if (!(t->flags & ERG_TOK_PUNCT))
        return false;
    unsigned char c = s[t->start];
    if (c == '.' || c == '!' || c == '?')
        return true;
    if (c < 0x80)
        return false;
    uint32_t cp = first_cp(s, t);
    return cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E ||
           cp == 0x203C || cp == 0x2047 || cp == 0x2048 || cp == 0x2049;
}

/* May t close a sentence that already ended (a closing quote or bracket)? */
static bool is_closer(const unsigned char *s, const erg_token *t, const erg_token *prev)
{
    if (!(t->flags & ERG_TOK_PUNCT))
        return false;
    unsigned char c = s[t->start];
    if (c == ')' || c == ']' || c == '}')
        return true;
    if (c == '"' || c == '\'')
        return t->start == prev->end; /* a straight quote right after the mark closes */
    if (c < 0x80)
        return false;
    uint32_t cp = first_cp(s, t);
    return cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == 0x203A || cp == 0x300D ||
           cp == 0x300F;
}

/* Does t go on with the sentence after an end mark (lower-case word, "," ";" ":" "%")? */
static bool continues(const unsigned char *s, const erg_token *t)
{
    unsigned char c = s[t->start];
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || c == ',' || c == ';' || c == ':' || c == '%';
    return erg_text_i_uclass(first_cp(s, t)) == TX_LOWER;
}

/* Capitalized words that typically open a sentence in news text: openers[] (NULL-terminated). */
#include "text_openers.h"

bool erg_text_is_opener(const char *w, size_t n)
{
    for (size_t k = 0; openers[k]; k++)
        if (strlen(openers[k]) == n && memcmp(openers[k], w, n) == 0)
            return true;
    return false;
}

static bool is_opener(const unsigned char *s, const erg_token *t)
{
    return (t->flags & ERG_TOK_UPPER) &&
           erg_text_is_opener((const char *)s + t->start, t->end - t->start);
}

/* How a word token ending in an absorbed dot behaves at a possible sentence end. */
static int abbrev_of_token(const unsigned char *s, const erg_token *t)
{
    size_t n = t->end - t->start;
    const unsigned char *w = s + t->start;
    if (!(t->flags & ERG_TOK_WORD) || n < 2 || w[n - 1] != '.')
        return AB_NONE;
    if (memchr(w, '.', n - 1)) {
        int dotted = abbrev_kind(w, n - 1); /* "e.g." is listed; "U.S." is not */
        return dotted == AB_NONE ? AB_NAME : dotted;
    }
    if (t->flags & ERG_TOK_UPPER) {
        uint32_t cp;
        size_t k = erg_utf8_decode((const char *)w, n, &cp);
        if (k + 1 == n)
            return AB_NEVER; /* an initial */
    }
    int kind = abbrev_kind(w, n - 1);
    return kind == AB_NONE ? AB_NAME : kind;
}

static int push_window(erg_doc *doc, size_t first, size_t end, size_t para)
{
    if (doc->n_sentences == doc->cap_sentences &&
        erg_grow((void **)&doc->sentences, &doc->cap_sentences, doc->n_sentences + 1,
                 sizeof(erg_sentence)))
        return -1;
    erg_sentence *x = &doc->sentences[doc->n_sentences++];
    x->first = (uint32_t)first;
    x->end = (uint32_t)end;
    x->paragraph = (uint32_t)para;
    return 0;
}

/* Is token t a mark after which a long run is best cut ("," ";" ":" a dash or bracket)? */
static bool is_soft_break(const unsigned char *s, const erg_token *t)
{
    if (!(t->flags & ERG_TOK_PUNCT))
        return false;
    unsigned char c = s[t->start];
    if (c == ',' || c == ';' || c == ':' || c == '-' || c == ')' || c == ']')
        return true;
    if (c < 0x80)
        return false;
    uint32_t cp = first_cp(s, t);
    return cp == 0x2013 || cp == 0x2014 || cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1B;
}

/*
 * Where to end a window that starts at token first and must end by token
 * limit (first < limit): after the last soft break in the last quarter of
 * the window, else before the last lower-case word there (so that a name of
 * capitalized words is not cut), else at limit.
 */
static size_t window_cut(const erg_doc *doc, const unsigned char *s, size_t first, size_t limit)
{
    size_t reach = (limit - first) / 4;
    const erg_token *tok = doc->tokens;
    for (size_t t = limit; t > limit - reach; t--)
        if (is_soft_break(s, &tok[t - 1]))
            return t;
    for (size_t t = limit; t > limit - reach; t--)
        if ((tok[t].flags & (ERG_TOK_WORD | ERG_TOK_UPPER)) == ERG_TOK_WORD)
            return t;
    return limit;
}

/*
 * Pushes the sentence [first, end) as windows of at most
 * ERG_TEXT_MAX_WINDOW_TOKENS tokens and ERG_TEXT_MAX_WINDOW_BYTES bytes
 * (a single longer token is a window of its own).
 */
static int push_sentence(erg_doc *doc, const unsigned char *s, size_t first, size_t end,
                         size_t para)
{
    if (end <= first)
        return 0;
    const erg_token *tok = doc->tokens;
    if (end - first <= ERG_TEXT_MAX_WINDOW_TOKENS &&
        tok[end - 1].end - tok[first].start <= ERG_TEXT_MAX_WINDOW_BYTES)
        return push_window(doc, first, end, para);
    /*
     * A run that long is no sentence (a table, a list, text without full
     * stops): it is cut into windows of about a news sentence's size, so that it
     * pairs its names about as a text of sentences would.
     */
    while (end - first > ERG_TEXT_SPLIT_WINDOW_TOKENS ||
           tok[end - 1].end - tok[first].start > ERG_TEXT_MAX_WINDOW_BYTES) {
        size_t limit = first + 1;
        while (limit < end && limit - first < ERG_TEXT_SPLIT_WINDOW_TOKENS &&
               tok[limit].end - tok[first].start <= ERG_TEXT_MAX_WINDOW_BYTES)
            limit++;
        if (limit == end)
            break;
        size_t cut = window_cut(doc, s, first, limit);
        if (push_window(doc, first, cut, para))
            return -1;
        first = cut;
    }
    return push_window(doc, first, end, para);
}

enum { ST_NONE, ST_ENDED, ST_ABBREV };

static erg_status sentences(erg_doc *doc, const unsigned char *s)
{
    size_t first = 0;
    size_t para = 0;
    int state = ST_NONE;
    int ab_kind = AB_NONE;
    const erg_token *tok = doc->tokens;
    for (size_t t = 0; t < doc->n_tokens; t++) {
        const erg_token *x = &tok[t];
        bool brk = false;
        if (t > 0 && (x->flags & ERG_TOK_PARA)) {
            if (push_sentence(doc, s, first, t, para))
                return ERG_ENOMEM;
            first = t;
            para++;
            state = ST_NONE;
        } else if (state == ST_ENDED) {
            if (is_terminator(s, x) || is_closer(s, x, &tok[t - 1]))
                continue;
            brk = !continues(s, x);
        } else if (state == ST_ABBREV) {
            brk = ab_kind == AB_END ? (x->flags & ERG_TOK_UPPER) != 0 : is_opener(s, x);
        }
        if (brk) {
            if (push_sentence(doc, s, first, t, para))
                return ERG_ENOMEM;
            first = t;
        }
        if (is_terminator(s, x)) {
            state = ST_ENDED;
        } else {
            ab_kind = abbrev_of_token(s, x);
            state = ab_kind == AB_NAME || ab_kind == AB_END ? ST_ABBREV : ST_NONE;
        }
    }
    if (push_sentence(doc, s, first, doc->n_tokens, para))
        return ERG_ENOMEM;
    doc->n_paragraphs = doc->n_tokens ? para + 1 : 0;
    return ERG_OK;
}

erg_status erg_text_tokenize(erg_doc *doc, const char *text, size_t len, erg_error *err)
{
    doc->n_tokens = 0;
    doc->n_sentences = 0;
    doc->n_paragraphs = 0;
    if (len > UINT32_MAX)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "text of %zu bytes is too long (4 GiB at most)", len);
    if (len == 0)
        return ERG_OK;
    /* News text averages about six bytes per token: one allocation covers most texts. */
    size_t guess = len / 6 + 16;
    if (doc->cap_tokens < guess &&
        erg_grow((void **)&doc->tokens, &doc->cap_tokens, guess, sizeof(erg_token)))
        return erg_error_oom(err);
    const unsigned char *s = (const unsigned char *)text;
    if (tokenize(doc, s, len) != ERG_OK || sentences(doc, s) != ERG_OK) {
        doc->n_tokens = 0;
        doc->n_sentences = 0;
        doc->n_paragraphs = 0;
        return erg_error_oom(err);
    }
    return ERG_OK;
}
