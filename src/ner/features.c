/*
 * features.c: word analysis and feature templates of the tagger. Every
 * feature is a 64-bit hash built from per-token hashes computed once per
 * sentence; no strings are built.
 */
#include "tagger_private.h"

#include <string.h>

#define K0 0x9e3779b97f4a7c15ULL
#define K1 0xbf58476d1ce4e5b9ULL
#define K2 0x94d049bb133111ebULL

static inline uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

/* A cheap, well-mixed running hash over 32-bit units (code points, classes). */
static inline uint64_t step(uint64_t h, uint32_t v)
{
    return (rotl(h, 23) ^ (uint64_t)v) * K1;
}

static inline uint64_t fin(uint64_t h)
{
    h ^= h >> 31;
    h *= K2;
    h ^= h >> 29;
    return h;
}

/* Feature hash of a template id and one or two values. */
static inline uint64_t f1(uint32_t tid, uint64_t a)
{
    return fin((a + (uint64_t)(tid + 1) * K0) * K1);
}

static inline uint64_t f2(uint32_t tid, uint64_t a, uint64_t b)
{
    uint64_t x = (a + (uint64_t)(tid + 1) * K0) * K1;
    x = (rotl(x, 29) ^ b) * K2;
    return fin(x);
}

static inline uint64_t f3(uint32_t tid, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t x = (a + (uint64_t)(tid + 1) * K0) * K1;
    x = (rotl(x, 29) ^ b) * K2;
    x = (rotl(x, 31) ^ c) * K1;
    return fin(x);
}

/* Decodes one code point; an invalid or cut sequence gives its first byte as 0xFFFD. */
static inline size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xc2 && c < 0xe0 && n >= 2 && (s[1] & 0xc0) == 0x80) {
        *cp = ((c & 0x1fu) << 6) | (s[1] & 0x3fu);
        return 2;
    }
    if (c >= 0xe0 && c < 0xf0 && n >= 3 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
        *cp = ((c & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
        return 3;
    }
    if (c >= 0xf0 && c < 0xf5 && n >= 4 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 &&
        (s[3] & 0xc0) == 0x80) {
        *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3fu) << 12) | ((s[2] & 0x3fu) << 6) | (s[3] & 0x3fu);
        return 4;
    }
    *cp = 0xfffd;
    return 1;
}

enum { C_LOWER, C_UPPER, C_DIGIT, C_OTHER };

/*
 * Lower-cases cp for the scripts news text mostly uses (Latin, Greek,
 * Cyrillic) and says what class it is. Rare scripts count as lower-case
 * letters, which is what an uncased script looks like to the features.
 */
static inline uint32_t fold(uint32_t cp, int *cls)
{
    if (cp < 0x80) {
        if (cp >= 'a' && cp <= 'z') {
            *cls = C_LOWER;
            return cp;
        }
        if (cp >= 'A' && cp <= 'Z') {
            *cls = C_UPPER;
            return cp + 32;
        }
        *cls = (cp >= '0' && cp <= '9') ? C_DIGIT : C_OTHER;
        return cp;
    }
    if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7) {
        *cls = C_UPPER;
        return cp + 32;
    }
    if (cp >= 0xdf && cp <= 0xff && cp != 0xf7) {
        *cls = C_LOWER;
        return cp;
    }
    if (cp >= 0x100 && cp <= 0x17f) {
        /* Latin Extended-A pairs upper/lower as even/odd, shifted by one in two stretches. */
        bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e);
        bool upper = odd_upper ? (cp & 1) : !(cp & 1);
        if (cp == 0x138 || cp == 0x149 || cp == 0x17f) {
            *cls = C_LOWER;
            return cp;
        }
        *cls = upper ? C_UPPER : C_LOWER;
        return upper ? cp + 1 : cp;
    }
    if (cp >= 0x391 && cp <= 0x3a9) {
        *cls = C_UPPER;
        return cp + 32;
    }
    if (cp >= 0x410 && cp <= 0x42f) {
        *cls = C_UPPER;
        return cp + 32;
    }
    if (cp >= 0x400 && cp <= 0x40f) {
        *cls = C_UPPER;
        return cp + 80;
    }
    if ((cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) || cp == 0xfffd ||
        (cp >= 0xa0 && cp <= 0xbf)) {
        *cls = C_OTHER;
        return cp;
    }
    *cls = C_LOWER;
    return cp;
}

/*
 * Writes typographic marks as the training corpora do: curly quotes and
 * apostrophes straight, dashes as hyphens, so that "Korea’s" from a news
 * page looks like "Korea 's" in CoNLL.
 */
static inline uint32_t plain_mark(uint32_t cp)
{
    if (cp < 0x2010 || cp > 0x2033)
        return cp == 0xab || cp == 0xbb ? '"' : cp;
    switch (cp) {
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
        return '-';
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
        return '\'';
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
        return '"';
    default:
        return cp;
    }
}

void ner_word_analyze(const char *s, size_t n, ner_wordinfo *wi)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t hraw = 0x5bd1e995u, hlow = 0x1b873593u, hshape = 0x85ebca6bu, hss = 0xc2b2ae35u;
    uint32_t last4[4] = {0, 0, 0, 0};
    uint32_t nch = 0, run = 0, prev_sym = 0xffffffffu;
    uint32_t n_upper = 0, n_lower = 0, n_digit = 0, flags = 0;
    bool seen_lower = false;
    memset(wi->pre, 0, sizeof wi->pre);
    memset(wi->suf, 0, sizeof wi->suf);
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = decode(p + i, n - i, &cp);
        i += k;
        if (cp >= 0x80)
            cp = plain_mark(cp);
        int cls;
        uint32_t low = fold(cp, &cls);
        hraw = step(hraw, cp);
        hlow = step(hlow, low);
        uint32_t sym;
        switch (cls) {
        case C_UPPER:
            sym = 'X';
            if (n_upper + n_lower == 0)
                flags |= NER_W_CAP;
            if (seen_lower)
                flags |= NER_W_MIXED;
            n_upper++;
            break;
        case C_LOWER:
            sym = 'x';
            seen_lower = true;
            n_lower++;
            break;
        case C_DIGIT:
            sym = 'd';
            n_digit++;
            break;
        default:
            sym = cp;
            if (cp == '-')
                flags |= NER_W_HYPHEN;
            else if (cp == '.')
                flags |= NER_W_DOT;
            else if (cp == '\'')
                flags |= NER_W_APOS;
            break;
        }
        if (sym == prev_sym) {
            run++;
        } else {
            run = 1;
            prev_sym = sym;
            hss = step(hss, sym);
        }
        if (run <= 4)
            hshape = step(hshape, sym);
        if (nch < 4)
            wi->pre[nch] = fin(hlow);
        last4[nch & 3] = low;
        nch++;
    }
    /* Suffixes hash backwards from the last character so each is independent of the length. */
    uint64_t hs = 0x27d4eb2fu;
    for (uint32_t k = 0; k < 4 && k < nch; k++) {
        hs = step(hs, last4[(nch - 1 - k) & 3]);
        wi->suf[k] = fin(hs);
    }
    if (n_upper + n_lower > 0) {
        if (n_lower == 0)
            flags |= NER_W_ALLCAP;
        if (n_upper == 0)
            flags |= NER_W_ALLLOW;
    }
    if (n_digit > 0) {
        flags |= NER_W_DIGIT;
        if (n_digit == nch)
            flags |= NER_W_ALLDIGIT;
    }
    if (n_upper + n_lower + n_digit == 0)
        flags |= NER_W_NOALNUM;
    if (nch == 2 && n_upper == 1 && (flags & NER_W_CAP) && (flags & NER_W_DOT))
        flags |= NER_W_INITIAL;
    wi->raw = fin(hraw);
    wi->low = fin(hlow);
    wi->shape = fin(hshape);
    wi->sshape = fin(hss);
    wi->flags = flags;
    wi->nchars = nch;
    wi->lowfp = ner_fp(wi->low);
    wi->wclass = 0;
    wi->eclass = 0;
    wi->lex = 0;
    wi->docv = 0;
    wi->own = 0;
    wi->know = 0;
}

void ner_words_context(const ner_wordtab *t, ner_wordinfo *wi, size_t n)
{
    size_t letters = 0, caps = 0, longcaps = 0, capital = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t lex = 0;
        uint8_t v = t ? ner_wordtab_get_lex(t, wi[i].lowfp, &lex) : 0;
        wi[i].lex = lex;
        wi[i].wclass = v & 7;
        wi[i].eclass = v >> 3;
        if (wi[i].flags & (NER_W_ALLCAP | NER_W_ALLLOW | NER_W_MIXED | NER_W_CAP)) {
            letters++;
            if (wi[i].flags & (NER_W_CAP | NER_W_ALLCAP))
                capital++;
            if (wi[i].flags & NER_W_ALLCAP) {
                caps++;
                if (wi[i].nchars > 1)
                    longcaps++;
            }
        }
    }
    uint32_t sent = 0;
    if (letters >= 2 && longcaps > 0 && caps * 5 >= letters * 4)
        sent = NER_W_SENTUP;
    else if (letters >= 4 && capital * 4 >= letters * 3)
        sent = NER_W_SENTTITLE;
    if (sent)
        for (size_t i = 0; i < n; i++)
            wi[i].flags |= sent;
}

/* Hashes standing for the words before the sentence start and after its end. */
#define BOS1 0x1234567811111111ULL
#define BOS2 0x1234567822222222ULL
#define EOS1 0x1234567833333333ULL
#define EOS2 0x1234567844444444ULL

/* The kind groups a word has any role in (NER_KG_COUNT bits). */
static inline uint32_t know_groups(uint64_t know)
{
    uint64_t g = 0;
    for (int r = 0; r < NER_KR_COUNT; r++)
        g |= know >> (r * NER_KG_COUNT);
    return (uint32_t)(g & ((1u << NER_KG_COUNT) - 1));
}

/*
 * NER_T_KNOW: each role x kind group of the word, with its capitalization
 * (and whether the sentence is a headline or in capitals); NER_T_KNOW_CTX:
 * the groups of the phrase starting at the word as one value, and the
 * neighbours' groups. At most 12 features.
 */
static int know_features(uint64_t *f, uint64_t mask, const ner_wordinfo *w, const ner_wordinfo *m1,
                         const ner_wordinfo *p1)
{
    int k = 0;
    uint32_t cap = ((w->flags & NER_W_CAP) ? 1u : 0u) |
                   ((w->flags & (NER_W_SENTUP | NER_W_SENTTITLE)) ? 2u : 0u);
    if ((mask & (1ull << NER_T_KNOW)) && w->know)
        for (uint64_t b = w->know; b; b &= b - 1)
            f[k++] = f2(NER_T_KNOW, (uint64_t)__builtin_ctzll(b), cap);
    if (mask & (1ull << NER_T_KNOW_CTX)) {
        uint64_t start = w->know & (NER_KNOW_BIT(NER_KR_I, 0) - 1); /* U and B roles */
        uint32_t gm = m1 ? know_groups(m1->know) : 0, gp = p1 ? know_groups(p1->know) : 0;
        if (start)
            f[k++] = f3(NER_T_KNOW_CTX, 1, start, cap);
        if (gm)
            f[k++] = f3(NER_T_KNOW_CTX, 2, gm, cap);
        if (gp)
            f[k++] = f3(NER_T_KNOW_CTX, 3, gp, cap);
    }
    return k;
}

void ner_extract(uint64_t mask, const ner_wordinfo *wi, size_t n, uint64_t *feats, uint8_t *nfeats)
{
#define ON(t) (mask & (1ull << (t)))
    for (size_t i = 0; i < n; i++) {
        uint64_t *f = feats + i * NER_MAX_FEATS;
        int k = 0;
        const ner_wordinfo *w = &wi[i];
        const ner_wordinfo *m1 = i >= 1 ? &wi[i - 1] : NULL;
        const ner_wordinfo *m2 = i >= 2 ? &wi[i - 2] : NULL;
        const ner_wordinfo *p1 = i + 1 < n ? &wi[i + 1] : NULL;
        const ner_wordinfo *p2 = i + 2 < n ? &wi[i + 2] : NULL;
        uint64_t lm1 = m1 ? m1->low : BOS1, lm2 = m2 ? m2->low : BOS2;
        uint64_t lp1 = p1 ? p1->low : EOS1, lp2 = p2 ? p2->low : EOS2;
        uint64_t sm1 = m1 ? m1->sshape : BOS1, sp1 = p1 ? p1->sshape : EOS1;
        uint32_t start = i == 0;

        if (ON(NER_T_BIAS))
            f[k++] = f1(NER_T_BIAS, 0);
        if (ON(NER_T_LOW0))
            f[k++] = f1(NER_T_LOW0, w->low);
        if (ON(NER_T_RAW0))
            f[k++] = f1(NER_T_RAW0, w->raw);
        if (ON(NER_T_SHAPE0))
            f[k++] = f1(NER_T_SHAPE0, w->shape);
        if (ON(NER_T_SSHAPE0))
            f[k++] = f1(NER_T_SSHAPE0, w->sshape);
        if (ON(NER_T_PRE))
            for (uint32_t j = 0; j < 4 && j < w->nchars; j++)
                f[k++] = f2(NER_T_PRE, j, w->pre[j]);
        if (ON(NER_T_SUF))
            for (uint32_t j = 0; j < 4 && j < w->nchars; j++)
                f[k++] = f2(NER_T_SUF, j, w->suf[j]);
        if (ON(NER_T_LOWM1))
            f[k++] = f1(NER_T_LOWM1, lm1);
        if (ON(NER_T_LOWM2))
            f[k++] = f1(NER_T_LOWM2, lm2);
        if (ON(NER_T_LOWP1))
            f[k++] = f1(NER_T_LOWP1, lp1);
        if (ON(NER_T_LOWP2))
            f[k++] = f1(NER_T_LOWP2, lp2);
        if (ON(NER_T_BI_M1_0))
            f[k++] = f2(NER_T_BI_M1_0, lm1, w->low);
        if (ON(NER_T_BI_0_P1))
            f[k++] = f2(NER_T_BI_0_P1, w->low, lp1);
        if (ON(NER_T_BI_M2_M1))
            f[k++] = f2(NER_T_BI_M2_M1, lm2, lm1);
        if (ON(NER_T_BI_P1_P2))
            f[k++] = f2(NER_T_BI_P1_P2, lp1, lp2);
        if (ON(NER_T_SSHAPE_WIN)) {
            f[k++] = f2(NER_T_SSHAPE_WIN, 1, sm1);
            f[k++] = f2(NER_T_SSHAPE_WIN, 2, sp1);
            f[k++] = f3(NER_T_SSHAPE_WIN, 3, sm1, w->sshape);
            f[k++] = f3(NER_T_SSHAPE_WIN, 4, w->sshape, sp1);
            f[k++] = f3(NER_T_SSHAPE_WIN, 5, sm1 ^ rotl(sp1, 17), w->sshape);
        }
        if (ON(NER_T_FLAGS0))
            f[k++] = f2(NER_T_FLAGS0, w->flags & 0xffffu, start);
        if (ON(NER_T_CASE0)) {
            uint32_t cap = (w->flags & NER_W_CAP) ? 1 : 0;
            uint32_t up = (w->flags & NER_W_SENTUP) ? 1 : 0;
            uint32_t title = (w->flags & NER_W_SENTTITLE) ? 1 : 0;
            f[k++] = f2(NER_T_CASE0, w->wclass, cap | start << 1 | up << 2 | title << 3);
        }
        if (ON(NER_T_CASE_WIN)) {
            uint32_t cm = m1 ? (uint32_t)m1->wclass << 1 | ((m1->flags & NER_W_CAP) ? 1 : 0) : 99;
            uint32_t cp = p1 ? (uint32_t)p1->wclass << 1 | ((p1->flags & NER_W_CAP) ? 1 : 0) : 99;
            uint32_t c0 = (uint32_t)w->wclass << 1 | ((w->flags & NER_W_CAP) ? 1 : 0);
            f[k++] = f3(NER_T_CASE_WIN, cm, c0, cp);
        }
        if (ON(NER_T_SENTUP) && (w->flags & NER_W_SENTUP))
            f[k++] = f2(NER_T_SENTUP, w->sshape, w->wclass);
        if (ON(NER_T_SENTUP) && (w->flags & NER_W_SENTTITLE))
            f[k++] = f2(NER_T_SENTUP, w->sshape, w->wclass | 0x100u);
        if (ON(NER_T_LEN))
            f[k++] = f1(NER_T_LEN, w->nchars > 12 ? 12 : w->nchars);
        if (ON(NER_T_RAWM1)) {
            f[k++] = f2(NER_T_RAWM1, 1, m1 ? m1->raw : BOS1);
            f[k++] = f2(NER_T_RAWM1, 2, p1 ? p1->raw : EOS1);
        }
        if (ON(NER_T_SHAPE_LOW)) {
            f[k++] = f3(NER_T_SHAPE_LOW, 1, lm1, w->sshape);
            f[k++] = f3(NER_T_SHAPE_LOW, 2, w->sshape, lp1);
        }
        if (ON(NER_T_ENT)) {
            uint32_t em = m1 ? m1->eclass : 7, ep = p1 ? p1->eclass : 7;
            f[k++] = f3(NER_T_ENT, 1, w->eclass, (w->flags & NER_W_CAP) ? 1 : 0);
            f[k++] = f3(NER_T_ENT, 2, em, w->eclass);
            f[k++] = f3(NER_T_ENT, 3, w->eclass, ep);
        }
        if (ON(NER_T_GAZ)) {
            uint32_t g0 = NER_LEX_GAZ(w->lex);
            uint32_t gm = m1 ? NER_LEX_GAZ(m1->lex) : 0x100, gp = p1 ? NER_LEX_GAZ(p1->lex) : 0x100;
            uint32_t cap = (w->flags & NER_W_CAP) ? 1 : 0;
            if (g0)
                f[k++] = f3(NER_T_GAZ, 1, g0, cap);
            if (gm)
                f[k++] = f3(NER_T_GAZ, 2, gm, cap);
            if (gp)
                f[k++] = f3(NER_T_GAZ, 3, gp, cap);
        }
        if (ON(NER_T_CLUSTER)) {
            /* Class 0 (not clustered) is a value too: rare words behave alike. */
            uint32_t a0 = NER_LEX_C1(w->lex), b0 = NER_LEX_C2(w->lex);
            uint32_t bm = m1 ? NER_LEX_C2(m1->lex) : 0x10000,
                     bp = p1 ? NER_LEX_C2(p1->lex) : 0x10000;
            uint32_t am = m1 ? NER_LEX_C1(m1->lex) : 0x100, ap = p1 ? NER_LEX_C1(p1->lex) : 0x100;
            f[k++] = f2(NER_T_CLUSTER, 1, a0);
            f[k++] = f2(NER_T_CLUSTER, 2, b0);
            f[k++] = f2(NER_T_CLUSTER, 3, bm);
            f[k++] = f2(NER_T_CLUSTER, 4, bp);
            f[k++] = f3(NER_T_CLUSTER, 5, am, a0);
            f[k++] = f3(NER_T_CLUSTER, 6, a0, ap);
        }
        if (ON(NER_T_VEC)) {
            /*
             * Word-vector classes at three levels of the word and of its
             * neighbours; class 0 (not in the vector vocabulary) is a value.
             */
            uint64_t lm = m1 ? m1->lex : 0, lp = p1 ? p1->lex : 0;
            uint32_t bm = m1 ? 0 : 0x1000, bp = p1 ? 0 : 0x1000;
            uint32_t shape = (w->flags & NER_W_CAP ? 1 : 0) | (w->flags & NER_W_ALLCAP ? 2 : 0);
            f[k++] = f2(NER_T_VEC, 1, NER_LEX_V1(w->lex));
            f[k++] = f2(NER_T_VEC, 2, NER_LEX_V2(w->lex));
            f[k++] = f2(NER_T_VEC, 3, NER_LEX_V3(w->lex));
            f[k++] = f3(NER_T_VEC, 4, NER_LEX_V2(w->lex), shape);
            f[k++] = f2(NER_T_VEC, 5, NER_LEX_V1(lm) | bm);
            f[k++] = f2(NER_T_VEC, 6, NER_LEX_V2(lm) | bm);
            f[k++] = f2(NER_T_VEC, 7, NER_LEX_V3(lm) | bm);
            f[k++] = f2(NER_T_VEC, 8, NER_LEX_V1(lp) | bp);
            f[k++] = f2(NER_T_VEC, 9, NER_LEX_V2(lp) | bp);
            f[k++] = f2(NER_T_VEC, 10, NER_LEX_V3(lp) | bp);
        }
        if (ON(NER_T_VEC2)) {
            uint64_t l2m = m2 ? m2->lex : 0, l2p = p2 ? p2->lex : 0;
            uint32_t bm = m2 ? 0 : 0x1000, bp = p2 ? 0 : 0x1000;
            f[k++] = f2(NER_T_VEC2, 1, NER_LEX_V2(l2m) | bm);
            f[k++] = f2(NER_T_VEC2, 2, NER_LEX_V3(l2m) | bm);
            f[k++] = f2(NER_T_VEC2, 3, NER_LEX_V2(l2p) | bp);
            f[k++] = f2(NER_T_VEC2, 4, NER_LEX_V3(l2p) | bp);
        }
        if (ON(NER_T_VEC_BI)) {
            uint32_t vm = m1 ? NER_LEX_V2(m1->lex) : 0x1000, vp = p1 ? NER_LEX_V2(p1->lex) : 0x1000;
            f[k++] = f3(NER_T_VEC_BI, 1, vm, NER_LEX_V2(w->lex));
            f[k++] = f3(NER_T_VEC_BI, 2, NER_LEX_V2(w->lex), vp);
        }
        if (ON(NER_T_DOC) && w->docv)
            k += ner_doc_features(f + k, m1 ? m1->docv : 0, w->docv, p1 ? p1->docv : 0, w->own,
                                  (w->flags & NER_W_CAP) ? 1 : 0);
        if (ON(NER_T_KNOW) || ON(NER_T_KNOW_CTX))
            k += know_features(f + k, mask, w, m1, p1);
        nfeats[i] = (uint8_t)k;
    }
#undef ON
}

int ner_doc_features(uint64_t *f, uint8_t dm1, uint8_t d0, uint8_t dp1, uint8_t own, uint32_t cap)
{
    f[0] = f3(NER_T_DOC, 1, d0, cap);
    f[1] = f3(NER_T_DOC, 2, d0, own);
    f[2] = f3(NER_T_DOC, 3, dm1, d0);
    f[3] = f3(NER_T_DOC, 4, d0, dp1);
    return 4;
}

/* Template names, in the order of the enum: what `erg train --features` takes. */
static const char *const template_names[NER_T_COUNT] = {
    "bias",   "low0",    "raw0",     "shape0",  "sshape0", "pre",      "suf",       "lowm1",
    "lowm2",  "lowp1",   "lowp2",    "bi_m1_0", "bi_0_p1", "bi_m2_m1", "bi_p1_p2",  "sshape_win",
    "flags0", "case0",   "case_win", "sentup",  "len",     "rawm1",    "shape_low", "ent",
    "gaz",    "cluster", "doc",      "vec",     "vec2",    "vec_bi",   "know",      "know_ctx"};

const char *ner_template_name(unsigned id)
{
    return id < NER_T_COUNT ? template_names[id] : NULL;
}

erg_status ner_features_parse(const char *spec, uint64_t *mask, erg_error *err)
{
    const char *p = spec;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n < 2 || (p[0] != '+' && p[0] != '-'))
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "bad feature list '%s' (want +name or -name, comma-separated)",
                                 spec);
        unsigned id = 0;
        while (id < NER_T_COUNT &&
               !(strlen(template_names[id]) == n - 1 && !memcmp(template_names[id], p + 1, n - 1)))
            id++;
        if (id == NER_T_COUNT)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "unknown feature template '%.*s'",
                                 (int)(n - 1), p + 1);
        if (p[0] == '+')
            *mask |= 1ull << id;
        else
            *mask &= ~(1ull << id);
        p += n;
        if (*p == ',')
            p++;
    }
    return ERG_OK;
}
