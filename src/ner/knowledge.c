/*
 * knowledge.c: the phrase matcher over data/knowledge/ (see erg/knowledge.h).
 *
 * A phrase is the sequence of the words of its tokens' merge keys ("Coca-Cola
 * Co." -> coca, cola, co). Its hash is a polynomial over the words' hashes,
 * h = h * K + hash(word), so that each token contributes a (multiplier,
 * addend) pair computed once, whatever the token boundaries: "Coca-Cola" and
 * "Coca Cola" give the same hash. One open-addressing table maps a hash to
 * the kinds of the lists holding the phrase, plus a bit saying that it begins
 * a longer listed phrase; matching stops at the first word sequence that is
 * neither.
 */
#include "erg/knowledge.h"

#include "erg/text.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define KNOW_K 0x9e3779b97f4a7c15ULL
/* A slot holds a phrase hash in its high bits and these flag bits in its low ones. */
#define KNOW_FLAG_BITS 12
#define KNOW_FLAGS ((1ULL << KNOW_FLAG_BITS) - 1)
#define KNOW_PREFIX (1u << 11) /* the phrase begins a longer listed phrase */

/* File name prefixes, in erg_know_kind bit order. */
static const char *const kind_names[ERG_KNOW_KIND_COUNT] = {
    "company",     "government", "university", "club",       "newspaper",
    "broadcaster", "party",      "surname",    "first_name", "common_word"};

struct erg_knowledge {
    uint64_t *slots; /* 0: empty; else hash (high bits) | kinds and KNOW_PREFIX (low bits) */
    size_t cap;      /* a power of two */
    size_t used;
    size_t phrases;
};

const char *erg_know_kind_name(erg_know_kind kind)
{
    for (size_t i = 0; i < ERG_KNOW_KIND_COUNT; i++)
        if ((unsigned)kind == 1u << i)
            return kind_names[i];
    return NULL;
}

/* The table key of a running phrase hash: mixed, flag bits clear, never 0. */
static uint64_t final_hash(uint64_t h)
{
    uint64_t f = erg_hash_mix(h) & ~KNOW_FLAGS;
    return f ? f : 1ULL << KNOW_FLAG_BITS;
}

static size_t slot_of(uint64_t h, size_t cap)
{
    return (size_t)(h >> KNOW_FLAG_BITS) & (cap - 1);
}

static uint32_t lookup(const erg_knowledge *k, uint64_t h)
{
    size_t mask = k->cap - 1;
    for (size_t i = slot_of(h, k->cap);; i = (i + 1) & mask) {
        uint64_t v = k->slots[i];
        if ((v & ~KNOW_FLAGS) == h)
            return (uint32_t)(v & KNOW_FLAGS);
        if (v == 0)
            return 0;
    }
}

static erg_status grow_table(erg_knowledge *k, size_t need)
{
    size_t ncap = k->cap ? k->cap : 1u << 12;
    while (ncap < 2 * need)
        ncap *= 2;
    if (ncap == k->cap)
        return ERG_OK;
    uint64_t *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return ERG_ENOMEM;
    for (size_t i = 0; i < k->cap; i++) {
        if (!k->slots[i])
            continue;
        size_t j = slot_of(k->slots[i], ncap);
        while (ns[j])
            j = (j + 1) & (ncap - 1);
        ns[j] = k->slots[i];
    }
    free(k->slots);
    k->slots = ns;
    k->cap = ncap;
    return ERG_OK;
}

/* ORs bits into the entry of h, adding it when new. */
static erg_status add_bits(erg_knowledge *k, uint64_t h, uint32_t bits)
{
    if (2 * (k->used + 1) > k->cap && grow_table(k, k->used + 1) != ERG_OK)
        return ERG_ENOMEM;
    size_t mask = k->cap - 1;
    size_t i = slot_of(h, k->cap);
    while (k->slots[i] && (k->slots[i] & ~KNOW_FLAGS) != h)
        i = (i + 1) & mask;
    if (!k->slots[i]) {
        k->slots[i] = h;
        k->used++;
    }
    if ((bits & ~KNOW_PREFIX) && !(k->slots[i] & KNOW_FLAGS & ~(uint64_t)KNOW_PREFIX))
        k->phrases++;
    k->slots[i] |= bits;
    return ERG_OK;
}

/*
 * The merge key of w in key, and its words' multiplier and addend; *nkw is
 * the number of key words (capped at 255). ERG_ENOMEM.
 */
static erg_status word_hash(const char *s, size_t n, erg_buf *key, uint64_t *mul, uint64_t *add,
                            unsigned *nkw)
{
    erg_status st = erg_text_name_key(s, n, key);
    if (st != ERG_OK)
        return st;
    uint64_t m = 1, a = 0;
    unsigned c = 0;
    const char *p = key->data ? key->data : "";
    const char *e = p + key->len;
    while (p < e) {
        while (p < e && *p == ' ')
            p++;
        const char *q = p;
        while (q < e && *q != ' ')
            q++;
        if (q > p) {
            a = a * KNOW_K + erg_hash(p, (size_t)(q - p));
            m *= KNOW_K;
            if (c < 255)
                c++;
        }
        p = q;
    }
    *mul = m;
    *add = a;
    *nkw = c;
    return ERG_OK;
}

/* Adds the lines of one list file (text of len bytes, tokenized into doc) with kind bit. */
static erg_status add_file(erg_knowledge *k, const char *text, size_t len, const erg_doc *doc,
                           uint32_t kind, erg_buf *key)
{
    size_t t = 0;
    size_t line = 0;
    while (line < len) {
        const char *nl = memchr(text + line, '\n', len - line);
        size_t line_end = nl ? (size_t)(nl - text) : len;
        size_t p = line;
        while (p < line_end && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
            p++;
        bool comment = p < line_end && text[p] == '#';
        uint64_t states[ERG_KNOW_MAX_WORDS];
        size_t nw = 0;
        bool too_long = false;
        uint64_t h = ERG_HASH_SEED;
        for (; t < doc->n_tokens && doc->tokens[t].start < line_end; t++) {
            if (comment || too_long)
                continue;
            const erg_token *tok = &doc->tokens[t];
            erg_status st = erg_text_name_key(text + tok->start, tok->end - tok->start, key);
            if (st != ERG_OK)
                return st;
            /* One state per key word, so that prefixes hold at every word boundary. */
            const char *a = key->data ? key->data : "";
            const char *e = a + key->len;
            while (a < e) {
                while (a < e && *a == ' ')
                    a++;
                const char *b = a;
                while (b < e && *b != ' ')
                    b++;
                if (b > a) {
                    if (nw == ERG_KNOW_MAX_WORDS) {
                        too_long = true;
                        break;
                    }
                    h = h * KNOW_K + erg_hash(a, (size_t)(b - a));
                    states[nw++] = h;
                }
                a = b;
            }
        }
        if (!comment && !too_long && nw > 0) {
            for (size_t i = 0; i + 1 < nw; i++)
                if (add_bits(k, final_hash(states[i]), KNOW_PREFIX) != ERG_OK)
                    return ERG_ENOMEM;
            if (add_bits(k, final_hash(states[nw - 1]), kind) != ERG_OK)
                return ERG_ENOMEM;
        }
        line = line_end + 1;
    }
    return ERG_OK;
}

/* The kind bit of a file named KIND.SOURCE.txt; 0 for a name of another form, -1 when KIND is
 * unknown. */
static int64_t file_kind(const char *name)
{
    size_t n = strlen(name);
    const char *dot = strchr(name, '.');
    if (n < 5 || strcmp(name + n - 4, ".txt") != 0 || !dot || dot == name + n - 4)
        return 0;
    for (size_t i = 0; i < ERG_KNOW_KIND_COUNT; i++)
        if (strlen(kind_names[i]) == (size_t)(dot - name) &&
            memcmp(kind_names[i], name, (size_t)(dot - name)) == 0)
            return (int64_t)(1u << i);
    return -1;
}

erg_status erg_knowledge_load(erg_knowledge **out, const char *dir, erg_error *err)
{
    erg_status st = ERG_OK;
    erg_knowledge *k = NULL;
    DIR *d = NULL;
    char dbuf[4096];
    erg_buf path;
    char *text = NULL;
    erg_doc doc;
    erg_buf key;
    erg_doc_init(&doc);
    erg_buf_init(&key);
    erg_buf_init(&path);
    *out = NULL;
    if (!dir) {
        if ((st = erg_data_path("knowledge", dbuf, sizeof dbuf, err)) != ERG_OK)
            goto cleanup;
        dir = dbuf;
    }
    if (!(k = calloc(1, sizeof *k)) || grow_table(k, 1) != ERG_OK) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    if (!(d = opendir(dir))) {
        int e = errno;
        st = erg_error_set(err, e == ENOENT || e == ENOTDIR ? ERG_ENOTFOUND : ERG_EIO, dir, 0, -1,
                           "cannot open: %s", strerror(e));
        goto cleanup;
    }
    for (;;) {
        errno = 0;
        struct dirent *de = readdir(d);
        if (!de) {
            if (errno)
                st = erg_error_set(err, ERG_EIO, dir, 0, -1, "cannot read: %s", strerror(errno));
            break;
        }
        if (de->d_name[0] == '.')
            continue;
        int64_t kind = file_kind(de->d_name);
        if (kind == 0)
            continue;
        erg_buf_clear(&path);
        if (erg_buf_printf(&path, "%s/%s", dir, de->d_name) != ERG_OK) {
            st = erg_error_oom(err);
            goto cleanup;
        }
        if (kind < 0) {
            st = erg_error_set(err, ERG_EFORMAT, path.data, 0, -1,
                               "unknown list kind (the name must start with company., "
                               "government., university., club., newspaper., broadcaster., "
                               "party., surname., first_name. or common_word.)");
            goto cleanup;
        }
        size_t len = 0;
        if ((st = erg_read_file(path.data, &text, &len, err)) != ERG_OK)
            goto cleanup;
        size_t valid = erg_utf8_valid_prefix(text, len);
        const char *nul = memchr(text, '\0', valid);
        if (nul || valid < len) {
            st = erg_error_set(
                err, ERG_EFORMAT, path.data, 0, -1, "%s at byte %zu: not a name list",
                nul ? "a NUL byte" : "invalid UTF-8", nul ? (size_t)(nul - text) : valid);
            goto cleanup;
        }
        /* About one table entry per 7 bytes of a list: grow once, not while adding. */
        if (grow_table(k, k->used + len / 7 + 1) != ERG_OK) {
            st = erg_error_oom(err);
            goto cleanup;
        }
        if ((st = erg_text_tokenize(&doc, text, len, err)) != ERG_OK) {
            erg_error_set(err, st, path.data, 0, -1, "cannot tokenize: %s", erg_status_string(st));
            goto cleanup;
        }
        if ((st = add_file(k, text, len, &doc, (uint32_t)kind, &key)) != ERG_OK) {
            st = erg_error_oom(err);
            goto cleanup;
        }
        free(text);
        text = NULL;
    }
    if (st == ERG_OK) {
        *out = k;
        k = NULL;
    }
cleanup:
    if (d)
        closedir(d);
    free(text);
    erg_doc_release(&doc);
    erg_buf_release(&key);
    erg_buf_release(&path);
    erg_knowledge_free(k);
    return st;
}

void erg_knowledge_free(erg_knowledge *k)
{
    if (!k)
        return;
    free(k->slots);
    free(k);
}

size_t erg_knowledge_size(const erg_knowledge *k)
{
    return k ? k->phrases : 0;
}

void erg_know_scratch_init(erg_know_scratch *s)
{
    memset(s, 0, sizeof *s);
    erg_buf_init(&s->key);
}

void erg_know_scratch_release(erg_know_scratch *s)
{
    free(s->mul);
    free(s->add);
    free(s->nkw);
    erg_buf_release(&s->key);
    erg_know_scratch_init(s);
}

/* Fills s with the hashes of the n words. ERG_ENOMEM. */
static erg_status hash_words(erg_know_scratch *s, const erg_word *words, size_t n)
{
    if (n > s->cap) {
        size_t nc = s->cap ? s->cap : 64;
        while (nc < n)
            nc *= 2;
        uint64_t *m = realloc(s->mul, nc * sizeof *m);
        if (!m)
            return ERG_ENOMEM;
        s->mul = m;
        uint64_t *a = realloc(s->add, nc * sizeof *a);
        if (!a)
            return ERG_ENOMEM;
        s->add = a;
        uint8_t *c = realloc(s->nkw, nc);
        if (!c)
            return ERG_ENOMEM;
        s->nkw = c;
        s->cap = nc;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned c = 0;
        erg_status st = word_hash(words[i].s, words[i].n, &s->key, &s->mul[i], &s->add[i], &c);
        if (st != ERG_OK)
            return st;
        s->nkw[i] = (uint8_t)c;
    }
    return ERG_OK;
}

/* Kinds of words [i, i+n) whose hashes are in s; *nkw receives their key words. */
static uint32_t phrase_bits(const erg_knowledge *k, const erg_know_scratch *s, size_t i, size_t n,
                            size_t *nkw)
{
    uint64_t h = ERG_HASH_SEED;
    size_t w = 0;
    for (size_t j = i; j < i + n; j++) {
        h = h * s->mul[j] + s->add[j];
        w += s->nkw[j];
    }
    *nkw = w;
    if (w == 0 || w > ERG_KNOW_MAX_WORDS)
        return 0;
    return lookup(k, final_hash(h)) & ~KNOW_PREFIX;
}

erg_status erg_knowledge_phrase(const erg_knowledge *k, const erg_word *words, size_t n,
                                erg_know_scratch *s, unsigned *kinds)
{
    *kinds = 0;
    if (!k || n == 0)
        return ERG_OK;
    erg_status st = hash_words(s, words, n);
    if (st != ERG_OK)
        return st;
    size_t w;
    *kinds = phrase_bits(k, s, 0, n, &w);
    return ERG_OK;
}

erg_status erg_knowledge_matches(const erg_knowledge *k, const erg_word *words, size_t n,
                                 erg_know_scratch *s, erg_know_match *out)
{
    if (n)
        memset(out, 0, n * sizeof *out);
    if (!k || n == 0)
        return ERG_OK;
    erg_status st = hash_words(s, words, n);
    if (st != ERG_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        if (s->nkw[i] == 0)
            continue;
        uint64_t h = ERG_HASH_SEED;
        size_t w = 0;
        for (size_t j = i; j < n; j++) {
            h = h * s->mul[j] + s->add[j];
            w += s->nkw[j];
            if (w > ERG_KNOW_MAX_WORDS)
                break;
            if (s->nkw[j] == 0)
                continue;
            uint32_t bits = lookup(k, final_hash(h));
            if (bits & ~KNOW_PREFIX) {
                out[i].len = (uint32_t)(j - i + 1);
                out[i].kinds = bits & ~KNOW_PREFIX;
            }
            if (!(bits & KNOW_PREFIX))
                break;
        }
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < i + out[i].len; j++)
            out[j].inside |= out[i].kinds;
    return ERG_OK;
}

/* Is the one word of a one-word phrase among words[0, n) an abbreviation: two characters or
 * fewer, or written with a dot ("GM", "Va.", "N.C.")? */
static bool short_or_dotted(const erg_word *words, size_t n, const erg_know_scratch *s)
{
    for (size_t i = 0; i < n; i++) {
        if (s->nkw[i] == 0)
            continue;
        return words[i].n <= 2 || memchr(words[i].s, '.', words[i].n) != NULL;
    }
    return false;
}

static bool is_the(const erg_word *w)
{
    return w->n == 3 && (w->s[0] | 0x20) == 't' && (w->s[1] | 0x20) == 'h' &&
           (w->s[2] | 0x20) == 'e';
}

erg_status erg_knowledge_evidence(const erg_knowledge *k, const erg_word *words, size_t n,
                                  erg_class cls, erg_know_scratch *s, erg_know_evidence *out)
{
    const unsigned org = ERG_KNOW_AGENCY_KINDS | ERG_KNOW_OUTLET_KINDS;
    const unsigned person_or_word = ERG_KNOW_COMMON_WORD | ERG_KNOW_SURNAME | ERG_KNOW_FIRST_NAME;
    out->type = ERG_TYPE_MISC;
    out->strength = ERG_KNOW_NONE;
    out->kinds = 0;
    out->decisive = false;
    if (!k || n == 0)
        return ERG_OK;
    erg_status st = hash_words(s, words, n);
    if (st != ERG_OK)
        return st;
    size_t nkw = 0;
    unsigned kinds = phrase_bits(k, s, 0, n, &nkw);
    bool phrase_from_the = false;
    if (!(kinds & org) && n > 1 && is_the(&words[0])) {
        size_t nkw2 = 0;
        unsigned k2 = phrase_bits(k, s, 1, n - 1, &nkw2);
        if (k2 & org) {
            kinds = k2;
            nkw = nkw2;
            phrase_from_the = true;
        }
    }
    out->kinds = kinds;
    if (!(kinds & org))
        return ERG_OK;
    out->type = (kinds & ERG_KNOW_OUTLET_KINDS) ? ERG_TYPE_OUTLET : ERG_TYPE_AGENCY;
    size_t first = phrase_from_the ? 1 : 0;
    bool weak_word = (kinds & person_or_word) || short_or_dotted(words + first, n - first, s);
    out->strength = (nkw >= 2 || !weak_word) ? ERG_KNOW_STRONG : ERG_KNOW_WEAK;
    out->decisive = out->strength == ERG_KNOW_STRONG || cls == ERG_CLASS_ORG;
    return ERG_OK;
}
