/*
 * corpus.c: CoNLL-style corpora with gold labels, normalized to IOB2.
 */
#include "../tagger_private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static erg_status corpus_new(erg_corpus **out, erg_error *err)
{
    erg_corpus *c = calloc(1, sizeof *c);
    if (!c)
        return erg_error_oom(err);
    c->sent_first = malloc(sizeof *c->sent_first * 16);
    if (!c->sent_first) {
        free(c);
        return erg_error_oom(err);
    }
    c->cap_sent = 16;
    c->sent_first[0] = 0;
    *out = c;
    return ERG_OK;
}

void erg_corpus_free(erg_corpus *c)
{
    if (!c)
        return;
    free(c->text);
    free(c->tok_off);
    free(c->tok_len);
    free(c->labels);
    free(c->sent_first);
    free(c->sent_doc);
    free(c->words);
    free(c);
}

size_t erg_corpus_sentences(const erg_corpus *c)
{
    return c ? c->n_sent : 0;
}

size_t erg_corpus_tokens(const erg_corpus *c)
{
    return c ? c->n_tokens : 0;
}

erg_status erg_corpus_load(erg_corpus **out, const char *path, erg_error *err)
{
    *out = NULL;
    erg_corpus *c = NULL;
    erg_status st = corpus_new(&c, err);
    if (st != ERG_OK)
        return st;
    st = erg_corpus_add_file(c, path, err);
    if (st != ERG_OK) {
        erg_corpus_free(c);
        return st;
    }
    *out = c;
    return ERG_OK;
}

erg_status erg_corpus_load_files(erg_corpus **out, char *const *paths, size_t n, erg_error *err)
{
    erg_status st = erg_corpus_load(out, paths[0], err);
    for (size_t i = 1; i < n && st == ERG_OK; i++)
        st = erg_corpus_add_file(*out, paths[i], err);
    if (st != ERG_OK) {
        erg_corpus_free(*out);
        *out = NULL;
    }
    return st;
}

/* Span prefix of a tag as read: B, I, E (or L), S (or U), or 'I' for a bare type. */
typedef struct raw_tag {
    char prefix;
    signed char cls; /* -1 for O and unknown types */
} raw_tag;

static int class_of(const char *s, size_t n)
{
    static const struct {
        const char *name;
        int cls;
    } names[] = {{"PER", ERG_CLASS_PER},
                 {"PERSON", ERG_CLASS_PER},
                 {"ORG", ERG_CLASS_ORG},
                 {"ORGANIZATION", ERG_CLASS_ORG},
                 {"ORGANISATION", ERG_CLASS_ORG},
                 {"LOC", ERG_CLASS_LOC},
                 {"LOCATION", ERG_CLASS_LOC},
                 {"GPE", ERG_CLASS_LOC},
                 {"MISC", ERG_CLASS_MISC},
                 /* WNUT-17 */
                 {"CORPORATION", ERG_CLASS_ORG},
                 {"GROUP", ERG_CLASS_ORG},
                 {"PRODUCT", ERG_CLASS_MISC},
                 {"CREATIVE-WORK", ERG_CLASS_MISC}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i].name) == n && strncasecmp(names[i].name, s, n) == 0)
            return names[i].cls;
    return -2;
}

/* Parses a tag; false when it is not a tag at all. */
static bool parse_tag(const char *s, size_t n, raw_tag *t)
{
    if (n == 1 && (s[0] == 'O' || s[0] == 'o')) {
        *t = (raw_tag){'O', -1};
        return true;
    }
    if (n >= 3 && (s[1] == '-' || s[1] == '_')) {
        char p = s[0] & ~0x20;
        if (p == 'L')
            p = 'E';
        if (p == 'U')
            p = 'S';
        if (p != 'B' && p != 'I' && p != 'E' && p != 'S')
            return false;
        int cls = class_of(s + 2, n - 2);
        *t = (raw_tag){p, (signed char)(cls < 0 ? -1 : cls)};
        return true;
    }
    int cls = class_of(s, n);
    if (cls < 0)
        return false;
    *t = (raw_tag){'I', (signed char)cls};
    return true;
}

static erg_status grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return ERG_OK;
    size_t cap2 = *cap ? *cap : 1024;
    while (cap2 < need)
        cap2 *= 2;
    void *q = realloc(*p, cap2 * elem);
    if (!q)
        return ERG_ENOMEM;
    *p = q;
    *cap = cap2;
    return ERG_OK;
}

static erg_status add_token(erg_corpus *c, const char *s, size_t n, erg_label label)
{
    if (c->text_len + n + 1 > UINT32_MAX || n > UINT32_MAX)
        return ERG_EINVAL;
    if (grow((void **)&c->text, &c->text_cap, c->text_len + n + 1, 1) != ERG_OK)
        return ERG_ENOMEM;
    if (c->n_tokens + 1 > c->cap_tokens) {
        size_t cap = c->cap_tokens;
        size_t cap2 = cap;
        if (grow((void **)&c->tok_off, &cap2, c->n_tokens + 1, sizeof *c->tok_off) != ERG_OK)
            return ERG_ENOMEM;
        cap2 = cap;
        if (grow((void **)&c->tok_len, &cap2, c->n_tokens + 1, sizeof *c->tok_len) != ERG_OK)
            return ERG_ENOMEM;
        cap2 = cap;
        if (grow((void **)&c->labels, &cap2, c->n_tokens + 1, 1) != ERG_OK)
            return ERG_ENOMEM;
        c->cap_tokens = cap2;
    }
    memcpy(c->text + c->text_len, s, n);
    c->text[c->text_len + n] = '\0';
    c->tok_off[c->n_tokens] = (uint32_t)c->text_len;
    c->tok_len[c->n_tokens] = (uint32_t)n;
    c->labels[c->n_tokens] = (uint8_t)label;
    c->text_len += n + 1;
    c->n_tokens++;
    return ERG_OK;
}

/* Counts the tokens since the last sentence as one more sentence, of the current document. */
static erg_status push_sentence(erg_corpus *c)
{
    if (grow((void **)&c->sent_first, &c->cap_sent, c->n_sent + 2, sizeof *c->sent_first) !=
            ERG_OK ||
        grow((void **)&c->sent_doc, &c->cap_sent_doc, c->n_sent + 1, sizeof *c->sent_doc) != ERG_OK)
        return ERG_ENOMEM;
    if (c->new_doc || c->n_docs == 0) {
        c->n_docs++;
        c->new_doc = false;
    }
    c->sent_doc[c->n_sent] = c->n_docs - 1;
    c->n_sent++;
    c->sent_first[c->n_sent] = (uint32_t)c->n_tokens;
    return ERG_OK;
}

/* Closes the sentence made of the tokens since the last one, turning its raw tags into IOB2. */
static erg_status end_sentence(erg_corpus *c, const raw_tag *tags)
{
    size_t first = c->sent_first[c->n_sent];
    if (c->n_tokens == first)
        return ERG_OK;
    int prev_cls = -1;
    bool prev_closed = true;
    for (size_t i = first; i < c->n_tokens; i++) {
        raw_tag t = tags[i - first];
        if (t.cls < 0) {
            c->labels[i] = ERG_LABEL_O;
            prev_cls = -1;
            prev_closed = true;
            continue;
        }
        bool starts = t.prefix == 'B' || t.prefix == 'S' || prev_cls != t.cls || prev_closed;
        c->labels[i] = (uint8_t)(2 * t.cls + (starts ? 1 : 2));
        prev_cls = t.cls;
        prev_closed = t.prefix == 'E' || t.prefix == 'S';
    }
    return push_sentence(c);
}

static erg_status rebuild_words(erg_corpus *c)
{
    erg_word *w = realloc(c->words, sizeof *w * (c->n_tokens ? c->n_tokens : 1));
    if (!w)
        return ERG_ENOMEM;
    c->words = w;
    for (size_t i = 0; i < c->n_tokens; i++) {
        w[i].s = c->text + c->tok_off[i];
        w[i].n = c->tok_len[i];
    }
    return ERG_OK;
}

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\v' || ch == '\f';
}

erg_status erg_corpus_add_file(erg_corpus *c, const char *path, erg_error *err)
{
    char *data = NULL;
    size_t len = 0;
    raw_tag *tags = NULL;
    size_t cap_tags = 0;
    erg_status st = erg_read_file(path, &data, &len, err);
    if (st != ERG_OK)
        return st;
    /* A sentence left open by an earlier file never joins this one. */
    size_t n_tok0 = c->n_tokens, n_sent0 = c->n_sent, text0 = c->text_len;
    uint32_t n_docs0 = c->n_docs;
    bool had_docstart = false;
    c->new_doc = true;
    long line = 0;
    size_t pos = 0;
    while (pos < len) {
        line++;
        const char *s = data + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + (nl ? 1 : 0);
        if (memchr(s, '\0', n)) {
            st = erg_error_set(err, ERG_EFORMAT, path, line, -1,
                               "binary data (a NUL byte) in a CoNLL file");
            goto cleanup;
        }
        if (n > 0 && s[n - 1] == '\r')
            n--;
        size_t a = 0;
        while (a < n && is_space(s[a]))
            a++;
        if (a == n) {
            st = end_sentence(c, tags);
            if (st != ERG_OK)
                goto oom;
            continue;
        }
        size_t b = a;
        while (b < n && !is_space(s[b]))
            b++;
        if (b - a == 10 && memcmp(s + a, "-DOCSTART-", 10) == 0) {
            st = end_sentence(c, tags);
            if (st != ERG_OK)
                goto oom;
            c->new_doc = true;
            had_docstart = true;
            continue;
        }
        size_t e = n;
        while (e > b && is_space(s[e - 1]))
            e--;
        size_t t0 = e;
        while (t0 > b && !is_space(s[t0 - 1]))
            t0--;
        if (t0 <= b) {
            st = erg_error_set(err, ERG_EFORMAT, path, line, -1,
                               "expected a token and a tag, found one column");
            goto cleanup;
        }
        raw_tag t;
        if (!parse_tag(s + t0, e - t0, &t)) {
            st = erg_error_set(err, ERG_EFORMAT, path, line, -1,
                               "'%.*s' is not a tag (expected O, B-X, I-X, E-X, S-X, L-X or U-X)",
                               (int)(e - t0 > 40 ? 40 : e - t0), s + t0);
            goto cleanup;
        }
        size_t in_sent = c->n_tokens - c->sent_first[c->n_sent];
        if (grow((void **)&tags, &cap_tags, in_sent + 1, sizeof *tags) != ERG_OK)
            goto oom;
        tags[in_sent] = t;
        st = add_token(c, s + a, b - a, ERG_LABEL_O);
        if (st == ERG_EINVAL) {
            st = erg_error_set(err, ERG_EFORMAT, path, line, -1, "corpus larger than 4 GiB");
            goto cleanup;
        }
        if (st != ERG_OK)
            goto oom;
    }
    st = end_sentence(c, tags);
    if (st != ERG_OK)
        goto oom;
    if (!had_docstart) {
        for (size_t k = n_sent0; k < c->n_sent; k++)
            c->sent_doc[k] = n_docs0 + (uint32_t)(k - n_sent0);
        c->n_docs = n_docs0 + (uint32_t)(c->n_sent - n_sent0);
    }
    if (rebuild_words(c) != ERG_OK)
        goto oom;
    goto cleanup;
oom:
    st = erg_error_oom(err);
cleanup:
    if (st != ERG_OK) {
        c->n_tokens = n_tok0;
        c->n_sent = n_sent0;
        c->n_docs = n_docs0;
        c->text_len = text0;
        rebuild_words(c);
    }
    free(tags);
    free(data);
    return st;
}

/* Short function words a headline writer leaves in lower case: small[] (NULL-terminated). */
#include "ner_small_words.h"

static bool headline_small_word(const char *s, size_t n)
{
    for (size_t k = 0; small[k]; k++)
        if (strlen(small[k]) == n && memcmp(small[k], s, n) == 0)
            return true;
    return false;
}

/*
 * Ends a copy of a corpus: on success (st ERG_OK) rebuilds c's word table and
 * hands c to *out; on failure, or when that fails, frees c and says why.
 */
static erg_status copy_done(erg_corpus *c, erg_status st, erg_corpus **out, erg_error *err)
{
    if (st == ERG_OK && (st = rebuild_words(c)) == ERG_OK) {
        *out = c;
        return ERG_OK;
    }
    erg_corpus_free(c);
    return st == ERG_ENOMEM ? erg_error_oom(err)
                            : erg_error_set(err, st, NULL, 0, -1, "corpus too large to copy");
}

erg_status ner_corpus_title_copy(const erg_corpus *src, uint32_t every, erg_corpus **out,
                                 erg_error *err)
{
    *out = NULL;
    erg_corpus *c = NULL;
    erg_status st = corpus_new(&c, err);
    if (st != ERG_OK)
        return st;
    char buf[256];
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < src->n_sent; k++) {
            size_t first = src->sent_first[k], end = src->sent_first[k + 1];
            /* Pass 1 copies the corpus, pass 2 adds every `every`-th sentence of 4+ words in Title
             * Case. */
            if (pass == 1 && (every == 0 || k % every != 0 || end - first < 4))
                continue;
            for (size_t i = first; i < end; i++) {
                const char *s = src->text + src->tok_off[i];
                size_t n = src->tok_len[i];
                if (pass == 1 && n < sizeof buf && s[0] >= 'a' && s[0] <= 'z' &&
                    (i == first || !headline_small_word(s, n))) {
                    memcpy(buf, s, n);
                    buf[0] = (char)(buf[0] - 32);
                    s = buf;
                }
                if ((st = add_token(c, s, n, (erg_label)src->labels[i])) != ERG_OK)
                    goto cleanup;
            }
            /* Copies keep their documents; each Title Case sentence is a document of its own. */
            c->new_doc = pass == 1 || k == 0 || src->sent_doc[k] != src->sent_doc[k - 1];
            if (push_sentence(c) != ERG_OK) {
                st = ERG_ENOMEM;
                goto cleanup;
            }
        }
cleanup:
    return copy_done(c, st, out, err);
}

erg_status ner_corpus_subset(const erg_corpus *src, const uint8_t *keep, erg_corpus **out,
                             erg_error *err)
{
    *out = NULL;
    erg_corpus *c = NULL;
    erg_status st = corpus_new(&c, err);
    if (st != ERG_OK)
        return st;
    size_t last = SIZE_MAX;
    for (size_t k = 0; k < src->n_sent; k++) {
        if (!keep[k])
            continue;
        for (size_t i = src->sent_first[k]; i < src->sent_first[k + 1]; i++)
            if ((st = add_token(c, src->text + src->tok_off[i], src->tok_len[i],
                                (erg_label)src->labels[i])) != ERG_OK)
                goto cleanup;
        c->new_doc = last == SIZE_MAX || src->sent_doc[k] != src->sent_doc[last];
        last = k;
        if ((st = push_sentence(c)) != ERG_OK)
            goto cleanup;
    }
cleanup:
    return copy_done(c, st, out, err);
}
