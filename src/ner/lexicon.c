/*
 * lexicon.c: what the tagger knows of a word from outside the labeled data:
 * membership in the gazetteer lists of a data folder, the word's classes
 * from `erg clusters` and its word-vector classes (data/glove_clusters.tsv).
 * Built by training and stored in the model's word table.
 */
#include "tagger_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lex_pair {
    uint32_t fp;
    uint64_t val;
} lex_pair;

typedef struct lex_acc {
    lex_pair *pairs;
    size_t n, cap;
} lex_acc;

static erg_status acc_add(lex_acc *a, uint32_t fp, uint64_t val)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? 2 * a->cap : 4096;
        lex_pair *p = realloc(a->pairs, cap * sizeof *p);
        if (!p)
            return ERG_ENOMEM;
        a->pairs = p;
        a->cap = cap;
    }
    a->pairs[a->n] = (lex_pair){fp, val};
    a->n++;
    return ERG_OK;
}

static erg_status add_word(lex_acc *a, const char *s, size_t n, uint64_t val)
{
    ner_wordinfo wi;
    ner_word_analyze(s, n, &wi);
    return acc_add(a, wi.lowfp, val);
}

/* Adds the words of one name: a one-word name gets bit whole, each word of a longer one bit part.
 */
static erg_status add_name(lex_acc *a, const char *s, size_t n, uint32_t whole, uint32_t part)
{
    while (n > 0 && (*s == ' ' || *s == '~')) {
        s++;
        n--;
    }
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n == 0)
        return ERG_OK;
    if (!memchr(s, ' ', n))
        return add_word(a, s, n, whole);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j > i && add_word(a, s + i, j - i, part) != ERG_OK)
            return ERG_ENOMEM;
        i = j + 1;
    }
    return ERG_OK;
}

/*
 * Reads a list file: one name a line, '#' comments. With tsv, the name is the
 * first tab-separated field and the third holds '|'-separated aliases
 * (outlets.tsv). A missing file is an error: the model must say what it used.
 */
static erg_status add_list(lex_acc *a, const char *dir, const char *name, bool tsv, uint32_t whole,
                           uint32_t part, erg_error *err)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        return erg_error_set(err, ERG_EINVAL, dir, 0, -1, "path too long");
    char *data = NULL;
    size_t len = 0;
    erg_status st = erg_read_file(path, &data, &len, err);
    if (st != ERG_OK)
        return st;
    for (size_t i = 0; i < len && st == ERG_OK;) {
        size_t e = i;
        while (e < len && data[e] != '\n')
            e++;
        size_t le = e;
        if (le > i && data[le - 1] == '\r')
            le--;
        const char *line = data + i;
        size_t n = le - i;
        i = e + 1;
        if (n == 0 || line[0] == '#')
            continue;
        if (!tsv) {
            st = add_name(a, line, n, whole, part);
            continue;
        }
        const char *t1 = memchr(line, '\t', n);
        size_t n0 = t1 ? (size_t)(t1 - line) : n;
        st = add_name(a, line, n0, whole, part);
        const char *t2 = t1 ? memchr(t1 + 1, '\t', n - n0 - 1) : NULL;
        if (!t2)
            continue;
        const char *p = t2 + 1, *end = line + n;
        while (p < end && st == ERG_OK) {
            const char *q = memchr(p, '|', (size_t)(end - p));
            if (!q)
                q = end;
            st = add_name(a, p, (size_t)(q - p), whole, part);
            p = q + 1;
        }
    }
    free(data);
    if (st == ERG_ENOMEM)
        return erg_error_oom(err);
    return st;
}

/* The titles of titles.tsv used "title" (the former titles.txt): NER_G_TITLE. */
static erg_status add_titles(lex_acc *a, const char *dir, erg_error *err)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/titles.tsv", dir) >= (int)sizeof path)
        return erg_error_set(err, ERG_EINVAL, dir, 0, -1, "path too long");
    char **words = NULL;
    size_t n = 0;
    erg_status st = erg_title_list_read(path, ERG_TITLE_NAME, &words, &n, err);
    for (size_t i = 0; i < n && st == ERG_OK; i++)
        if (add_name(a, words[i], strlen(words[i]), NER_G_TITLE, NER_G_TITLE) != ERG_OK)
            st = erg_error_oom(err);
    erg_word_list_free(words, n);
    return st;
}

/* A file of word classes: how many levels, and where each level's class + 1 goes. */
typedef struct class_format {
    int min_levels, max_levels;
    unsigned long lim[3]; /* each level's classes are below this */
    int shift[3];         /* bit position of the level's class + 1 in the lexicon value */
    const char *want;     /* the message for a bad line */
} class_format;

/* `erg clusters` output: WORD<TAB>C1[<TAB>C2], classes below 255 and 65535. */
static const class_format clusters_format = {
    1,
    2,
    {255, 65535, 0},
    {8, 16, 0},
    "expected WORD<TAB>CLASS<TAB>CLASS (classes below 255 and 65535)"};

/* Word-vector classes: WORD<TAB>C1<TAB>C2<TAB>C3, below 255, 1023 and 4095. */
static const class_format vclusters_format = {
    3,
    3,
    {255, 1023, 4095},
    {32, 40, 50},
    "expected WORD<TAB>CLASS<TAB>CLASS<TAB>CLASS (classes below 255, 1023 and 4095)"};

/* Reads a file of word classes ('#' comments) into the lexicon values. */
static erg_status add_classes(lex_acc *a, const char *path, const class_format *f, erg_error *err)
{
    char *data = NULL;
    size_t len = 0;
    erg_status st = erg_read_file(path, &data, &len, err);
    if (st != ERG_OK)
        return st;
    long lineno = 0;
    for (size_t i = 0; i < len && st == ERG_OK;) {
        size_t e = i;
        while (e < len && data[e] != '\n')
            e++;
        const char *line = data + i;
        size_t n = e - i;
        i = e + 1;
        lineno++;
        if (n == 0 || line[0] == '#')
            continue;
        const char *t1 = memchr(line, '\t', n);
        uint64_t v = 0;
        int k = 0;
        const char *p = t1;
        while (p && p < line + n && *p == '\t' && k < f->max_levels) {
            char *endp;
            unsigned long c = strtoul(p + 1, &endp, 10);
            if (endp == p + 1)
                break;
            if (c >= f->lim[k]) {
                k = -1;
                break;
            }
            v |= (uint64_t)(c + 1) << f->shift[k];
            k++;
            p = endp;
        }
        if (!t1 || t1 == line || k < f->min_levels) {
            st = erg_error_set(err, ERG_EFORMAT, path, lineno, -1, "%s", f->want);
            break;
        }
        if (add_word(a, line, (size_t)(t1 - line), v) != ERG_OK)
            st = erg_error_oom(err);
    }
    free(data);
    return st;
}

/* By word, then by the low half of the value, then the high half (so models of version 2 stay). */
static int cmp_pair(const void *x, const void *y)
{
    const lex_pair *a = x, *b = y;
    if (a->fp != b->fp)
        return a->fp < b->fp ? -1 : 1;
    uint32_t la = (uint32_t)a->val, lb = (uint32_t)b->val;
    if (la != lb)
        return la < lb ? -1 : 1;
    return a->val < b->val ? -1 : a->val > b->val;
}

erg_status ner_lexicon_build(ner_lexicon *lx, const char *gaz_dir, const char *clusters,
                             const char *vclusters, erg_error *err)
{
    memset(lx, 0, sizeof *lx);
    lex_acc a = {0};
    erg_status st = ERG_OK;
    if (gaz_dir) {
        static const struct {
            const char *file;
            bool tsv;
            uint32_t whole, part;
        } lists[] = {{"first_names.txt", false, NER_G_FIRST, NER_G_FIRST},
                     {"places.txt", false, NER_G_PLACE, NER_G_PLACE_PART},
                     {"org_words.txt", false, NER_G_ORGW, NER_G_ORGW},
                     {"outlets.tsv", true, NER_G_OUTLET, NER_G_OUTLET_PART}};
        for (size_t k = 0; k < sizeof lists / sizeof *lists && st == ERG_OK; k++)
            st = add_list(&a, gaz_dir, lists[k].file, lists[k].tsv, lists[k].whole, lists[k].part,
                          err);
        if (st == ERG_OK)
            st = add_titles(&a, gaz_dir, err);
    }
    if (st == ERG_OK && clusters)
        st = add_classes(&a, clusters, &clusters_format, err);
    if (st == ERG_OK && vclusters)
        st = add_classes(&a, vclusters, &vclusters_format, err);
    if (st != ERG_OK)
        goto cleanup;
    if (a.n > 0)
        qsort(a.pairs, a.n, sizeof *a.pairs, cmp_pair);
    lx->fp = malloc(sizeof *lx->fp * (a.n ? a.n : 1));
    lx->val = malloc(sizeof *lx->val * (a.n ? a.n : 1));
    if (!lx->fp || !lx->val) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    /*
     * One entry per word: gazetteer bits add up; of a word's lines in a cluster
     * file, the first in that order wins.
     */
    for (size_t i = 0; i < a.n; i++) {
        uint32_t fp = a.pairs[i].fp;
        uint64_t v = a.pairs[i].val;
        if (lx->n > 0 && lx->fp[lx->n - 1] == fp) {
            uint64_t *old = &lx->val[lx->n - 1];
            *old |= v & 0xffu;
            if (!(*old & 0xffffff00u))
                *old |= v & 0xffffff00u;
            if (!NER_LEX_VECTORS(*old))
                *old |= v & ~(uint64_t)0xffffffffu;
            continue;
        }
        lx->fp[lx->n] = fp;
        lx->val[lx->n] = v;
        lx->n++;
    }
cleanup:
    free(a.pairs);
    if (st != ERG_OK)
        ner_lexicon_release(lx);
    return st;
}

void ner_lexicon_release(ner_lexicon *lx)
{
    free(lx->fp);
    free(lx->val);
    memset(lx, 0, sizeof *lx);
}

uint64_t ner_lexicon_get(const ner_lexicon *lx, uint32_t fp)
{
    size_t lo = 0, hi = lx->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (lx->fp[mid] < fp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < lx->n && lx->fp[lo] == fp ? lx->val[lo] : 0;
}
