/*
 * typing.c: the typing stage, from IOB2 labels to typed mentions. The rules
 * that change a mention's span or type after the tagger are the rows of one
 * table, `rules` below, run in table order; every mention records the id of
 * the rule that last changed its span or type (0: the tagger's own span and
 * class). docs/DESIGN.md, "The typing stage", tells how to add a rule.
 *
 * Per sentence: (1) at tokens the tagger left out, the GAP rows find names by
 * their shape or context (romanized East Asian names, "the Museum of
 * Flight"); (2) on each tagged span the SPAN rows retype, extend or split it
 * (person appositions, "Labour MP George Foulkes", "Andy Warhol Foundation
 * for the Visual Arts"); (3) each organization is decided outlet or agency by
 * the ORG rows, strongest evidence first: its merge key in the outlet list,
 * an outlet head word ("... News Agency", "... Times"), an organization word
 * ("Ministry", "Inc."), an outlet word or listed outlet name at its start
 * ("Fox News Sunday"), then a strong context cue ("X reported", "told X",
 * "X news agency"); (4) the SENTENCE rows scan for listed names written
 * exactly, which adds or retypes outlet mentions where the tagger found
 * nothing or something inside the name. Weak cues ("said", "according to")
 * never make an outlet of an unlisted name; they only confirm a listed name
 * marked ambiguous. Every word list is a data/ file read by the gazetteer;
 * tokens are compared with one matcher, ner_tok_match.
 */
#include "erg/typing.h"
#include "erg/knowledge.h"
#include "gazetteer_private.h"

#include <stdlib.h>
#include <string.h>

void erg_mentions_init(erg_mentions *m)
{
    m->items = NULL;
    m->n = 0;
    m->cap = 0;
    erg_buf_init(&m->scratch);
    m->know = NULL;
}

void erg_mentions_release(erg_mentions *m)
{
    if (!m)
        return;
    free(m->items);
    erg_buf_release(&m->scratch);
    if (m->know) {
        erg_know_scratch_release(m->know);
        free(m->know);
    }
    erg_mentions_init(m);
}

/* ---- token tests ---------------------------------------------------------------- */

/* A tagged span of the document (a B-X I-X* run), by the hash of its words. */
typedef struct span_key {
    uint64_t hash;
    uint32_t first;
    uint32_t n;
} span_key;

typedef struct ctx {
    const span_key *spans; /* every tagged span of the document, by (hash, n) */
    size_t n_spans;
    const char *text;
    const erg_token *toks;
    size_t first, end; /* the sentence */
    const erg_gazetteer *g;
    const uint8_t *labels; /* the tagger's labels of the whole document */
    size_t n_tokens;       /* tokens of the document */
    uint32_t sentence;
    erg_mentions *out;
    size_t m0; /* the sentence's first mention in out */
} ctx;

/* Flags of ner_tok_match. */
enum {
    NER_EXACT = 0,  /* the token as written, byte for byte */
    NER_FOLD = 1,   /* the token lower-cased (ASCII) and without dots */
    NER_PLURAL = 2, /* also the token without a final "s" (with NER_FOLD) */
};

/*
 * The one token matcher of the typing rules: is token i the word `word`
 * (when word is not NULL) or an entry of the gazetteer's word list `list`,
 * compared as flags say? A list lookup is false without a gazetteer.
 */
static bool ner_tok_match(const ctx *c, size_t i, const char *word, erg_word_list list,
                          unsigned flags)
{
    const erg_token *t = &c->toks[i];
    const char *s = c->text + t->start;
    size_t n = t->end - t->start;
    char w[64];
    if (flags & NER_FOLD) {
        size_t m = 0;
        for (size_t k = 0; k < n; k++) {
            unsigned char ch = (unsigned char)s[k];
            if (ch == '.')
                continue;
            if (m + 1 >= sizeof w)
                return false;
            w[m++] = (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
        }
        if (!m)
            return false;
        s = w;
        n = m;
    }
    if (word)
        return strlen(word) == n && memcmp(word, s, n) == 0;
    if (!c->g)
        return false;
    if (erg_gazetteer_listed(c->g, list, s, n))
        return true;
    return (flags & NER_PLURAL) && n > 2 && s[n - 1] == 's' &&
           erg_gazetteer_listed(c->g, list, s, n - 1);
}

/* Is token i the word s, as written? */
static bool tok_is(const ctx *c, size_t i, const char *s)
{
    return ner_tok_match(c, i, s, 0, NER_EXACT);
}

/* Is token i, as written, an entry of the word list? */
static bool tok_in(const ctx *c, size_t i, erg_word_list list)
{
    return ner_tok_match(c, i, NULL, list, NER_EXACT);
}

static bool upper_word(const ctx *c, size_t i)
{
    uint32_t f = c->toks[i].flags;
    return (f & ERG_TOK_WORD) && (f & ERG_TOK_UPPER);
}

/* Day and month names: "told CNN Sunday" must not read as one longer name. */
static bool calendar(const ctx *c, size_t i)
{
    return tok_in(c, i, ERG_LIST_CALENDAR);
}

static bool indefinite(const ctx *c, size_t i)
{
    return tok_is(c, i, "a") || tok_is(c, i, "A") || tok_is(c, i, "an") || tok_is(c, i, "An");
}

/* Nouns that follow an outlet's name used as a modifier: "a Guardian report". */
static bool media_noun(const ctx *c, size_t i)
{
    if (i >= c->end)
        return false;
    return tok_in(c, i, ERG_LIST_MEDIA_NOUN);
}

/* Marks that end a quotation before an inverted attribution ("...,” reports Fox News"). */
static bool attribution_mark(const ctx *c, size_t i)
{
    return tok_in(c, i, ERG_LIST_QUOTE_MARK);
}

static bool ends_ing(const ctx *c, size_t i)
{
    const erg_token *t = &c->toks[i];
    return t->end - t->start > 4 && memcmp(c->text + t->end - 3, "ing", 3) == 0;
}

/* ---- context cues ------------------------------------------------------------------ */

enum { CUE_NONE = 0, CUE_WEAK, CUE_STRONG };

/* Does what follows a strong verb at q look like a company's results ("reported a net
 * loss", "reported two cases") or a body speaking of itself ("reported that it sold")? */
static bool result_follows(const ctx *c, size_t q)
{
    if (q < c->end && tok_is(c, q, "that"))
        q++;
    if (q < c->end && (tok_is(c, q, "it") || tok_is(c, q, "its")))
        return true;
    if (q < c->end && (tok_is(c, q, "a") || tok_is(c, q, "an")))
        q++;
    if (q >= c->end)
        return false;
    if (c->toks[q].flags & ERG_TOK_NUMBER)
        return true;
    if (tok_is(c, q, "$") || tok_is(c, q, "€") || tok_is(c, q, "£") || tok_is(c, q, "¥") ||
        tok_is(c, q, "US$"))
        return true;
    if (tok_in(c, q, ERG_LIST_COUNT_WORD))
        q++;
    return q < c->end && erg_gaz_i_match_after(c->g, ERG_GAZ_RESULT, c->text, c->toks, q, c->end);
}

/* Cues after a name ending before token b. */
static int cue_after(const ctx *c, size_t b)
{
    const erg_gazetteer *g = c->g;
    if (b >= c->end)
        return CUE_NONE;
    if (erg_gaz_i_match_after(g, ERG_GAZ_NOUN, c->text, c->toks, b, c->end))
        return CUE_STRONG;
    size_t q = b;
    /* "Zycie Warszawy daily said": a noun-before word counts after the name when a
     * verb follows it. */
    size_t nb = erg_gaz_i_match_after(g, ERG_GAZ_NOUN_BEFORE, c->text, c->toks, b, c->end);
    if (nb && b + nb < c->end &&
        (erg_gaz_i_match_after(g, ERG_GAZ_VERB, c->text, c->toks, b + nb, c->end) ||
         erg_gaz_i_match_after(g, ERG_GAZ_VERB_WEAK, c->text, c->toks, b + nb, c->end)))
        return CUE_STRONG;
    bool comma = tok_is(c, q, ",");
    if (comma)
        q++;
    for (int s = 0; s < 3 && q < c->end; s++) {
        size_t k = erg_gaz_i_match_after(g, ERG_GAZ_SKIP, c->text, c->toks, q, c->end);
        if (!k && calendar(c, q))
            k = 1;
        if (!k)
            break;
        q += k;
    }
    if (q >= c->end)
        return CUE_NONE;
    size_t k = erg_gaz_i_match_after(g, ERG_GAZ_VERB, c->text, c->toks, q, c->end);
    /* After a comma only "citing"/"quoting"-like forms attach to the name. */
    if (k && (!comma || ends_ing(c, q + k - 1)) && !result_follows(c, q + k))
        return CUE_STRONG;
    if (!comma && erg_gaz_i_match_after(g, ERG_GAZ_VERB_WEAK, c->text, c->toks, q, c->end))
        return CUE_WEAK;
    return CUE_NONE;
}

/* Cues before a name at tokens [a, b). */
static int cue_before(const ctx *c, size_t a, size_t b)
{
    const erg_gazetteer *g = c->g;
    size_t at[2] = {a, a};
    int n = 1, best = CUE_NONE;
    if (a > c->first && (tok_is(c, a - 1, "the") || tok_is(c, a - 1, "The")))
        at[n++] = a - 1;
    for (int j = 0; j < n; j++) {
        size_t q = at[j];
        if (q <= c->first)
            continue;
        if (erg_gaz_i_match_before(g, ERG_GAZ_BEFORE, c->text, c->toks, q, c->first) ||
            erg_gaz_i_match_before(g, ERG_GAZ_NOUN, c->text, c->toks, q, c->first) ||
            erg_gaz_i_match_before(g, ERG_GAZ_NOUN_BEFORE, c->text, c->toks, q, c->first))
            return CUE_STRONG;
        size_t k = erg_gaz_i_match_before(g, ERG_GAZ_VERB, c->text, c->toks, q, c->first);
        if (k && q - k > c->first && attribution_mark(c, q - k - 1))
            return CUE_STRONG;
        /* "..., said the Guardian." but not "Killian said the Nikkei contract ...". */
        k = erg_gaz_i_match_before(g, ERG_GAZ_VERB_WEAK, c->text, c->toks, q, c->first);
        if (k && q - k > c->first && attribution_mark(c, q - k - 1) &&
            (b >= c->end || (c->toks[b].flags & ERG_TOK_PUNCT)))
            best = CUE_WEAK;
        if (erg_gaz_i_match_before(g, ERG_GAZ_BEFORE_WEAK, c->text, c->toks, q, c->first))
            best = CUE_WEAK;
    }
    return best;
}

/* A dateline: "SEOUL (Yonhap) -", "WASHINGTON, Jan. 5 (Reuters) -", with nothing
 * in lower case before the bracket. */
static bool dateline(const ctx *c, size_t a, size_t b)
{
    if (a <= c->first + 1 || b + 1 >= c->end || !tok_is(c, a - 1, "(") || !tok_is(c, b, ")") ||
        !(tok_is(c, b + 1, "-") || tok_is(c, b + 1, "—") || tok_is(c, b + 1, "–")))
        return false;
    for (size_t i = c->first; i < a - 1; i++) {
        uint32_t f = c->toks[i].flags;
        if ((f & ERG_TOK_WORD) && !(f & ERG_TOK_UPPER))
            return false;
        if ((f & ERG_TOK_PUNCT) && !tok_is(c, i, ",") && !tok_is(c, i, "."))
            return false;
    }
    return true;
}

/* "the Emirates news agency WAM": an outlet noun between the name [a, b)
 * after "the" and another name is that name's; the first is a descriptor.
 * Without "the" the next name may begin what was said ("told Al-Rai
 * newspaper Moscow will"). */
static bool descriptor_of_next(const ctx *c, size_t a, size_t b)
{
    if (a <= c->first || !(tok_is(c, a - 1, "the") || tok_is(c, a - 1, "The")) || b >= c->end)
        return false;
    size_t n = erg_gaz_i_match_after(c->g, ERG_GAZ_NOUN, c->text, c->toks, b, c->end);
    return n && b + n < c->end && upper_word(c, b + n) && !calendar(c, b + n);
}

/* The strongest cue around tokens [a, b). */
static int context_cue(const ctx *c, size_t a, size_t b)
{
    if (dateline(c, a, b))
        return CUE_STRONG;
    if (descriptor_of_next(c, a, b))
        return CUE_NONE;
    int x = cue_after(c, b);
    if (x == CUE_STRONG)
        return x;
    int y = cue_before(c, a, b);
    return x > y ? x : y;
}

/* Capitalized words that open sentences without being names. */
static bool opener(const ctx *c, size_t i)
{
    return tok_in(c, i, ERG_LIST_OPENER);
}

/*
 * Is the name at [a, b) glued to a neighbouring capitalized word, so that it is likely
 * part of a longer name ("The Guardian Council", "Komsomolskaya Pravda", "Mr Fox")? A
 * capitalized first word of the sentence counts only for ambiguous names (strict) and
 * when it is no common opener: "Royal Mail", but not "As Fox News reports".
 */
static bool glued(const ctx *c, size_t a, size_t b, bool strict)
{
    if (b < c->end && upper_word(c, b) && !calendar(c, b))
        return true;
    if (a == c->first || !upper_word(c, a - 1) || calendar(c, a - 1) || opener(c, a - 1))
        return false;
    return strict || a - 1 > c->first;
}

/*
 * Is the name at [a, b) a stock ticker ("CBS Inc <CBS>") or an acronym defined in
 * brackets after a longer name ("Caisse Nationale des Autoroutes (CNA)")? Either
 * stands for the name before it, which the tagger and the resolver judge.
 */
static bool bracketed(const ctx *c, size_t a, size_t b)
{
    if (a <= c->first || b >= c->end)
        return false;
    if (tok_is(c, a - 1, "<") && tok_is(c, b, ">"))
        return true;
    return tok_is(c, a - 1, "(") && tok_is(c, b, ")") && a - 1 > c->first && upper_word(c, a - 2) &&
           !dateline(c, a, b);
}

/*
 * A one-word name that is a compound of "news" ("Wikinews", "Technews",
 * "CyberNews") names a news site whatever the tagger took it for.
 */
static bool news_compound(const ctx *c, size_t i)
{
    const erg_token *t = &c->toks[i];
    size_t n = t->end - t->start;
    const char *w = c->text + t->start;
    if (n < 6 || !(t->flags & ERG_TOK_UPPER))
        return false;
    return (w[n - 4] == 'n' || w[n - 4] == 'N') && memcmp(w + n - 3, "ews", 3) == 0;
}

/* "Inc", "Ltd": the legal form that ends a company's name. */
static bool company_suffix(const ctx *c, size_t i)
{
    return tok_in(c, i, ERG_LIST_COMPANY_SEAT);
}

/*
 * The end of the run of capitalized words from k, which may hold "and",
 * "&" and "of" between them ("Arts and Sciences"); k when token k is no
 * such word.
 */
static size_t name_run(const ctx *c, size_t k)
{
    if (k >= c->end || !upper_word(c, k) || calendar(c, k))
        return k;
    size_t last = k;
    while (k < c->end) {
        if (upper_word(c, k) && !calendar(c, k))
            last = k++;
        else if (k + 1 < c->end &&
                 (tok_is(c, k, "and") || tok_is(c, k, "&") || tok_is(c, k, "of")) &&
                 upper_word(c, k + 1))
            k++;
        else
            break;
    }
    return last + 1;
}

/*
 * A tagger often stops an organization's name at "of" or "for" when the
 * words after are rare: "Andy Warhol Foundation | for the Visual Arts",
 * "National Museum | of the U.S. Air Force". An organization that ends with
 * an organization word ("Foundation", "Museum") takes a following "of"/"for",
 * an optional "the" and the capitalized words after it, whatever they were
 * tagged. Returns the new end of the span [f, e).
 */
static size_t org_of_tail(const ctx *c, size_t f, size_t e)
{
    if (!c->g || e + 1 >= c->end || !(tok_is(c, e, "of") || tok_is(c, e, "for")) ||
        !erg_gaz_i_match_before(c->g, ERG_GAZ_ORG, c->text, c->toks, e, f))
        return e;
    /* "Drillers Inc of Florida": after a company suffix "of" gives the seat. */
    if (company_suffix(c, e - 1))
        return e;
    size_t k = e + 1;
    if (tok_is(c, k, "the") && k + 1 < c->end)
        k++;
    size_t end = name_run(c, k);
    return end > k ? end : e;
}

/*
 * "Nathan Law of Demosisto", "Claudia Mo of Civic Party": a person and
 * the body he belongs to, read as one name. A person span with "of" after
 * two or more capitalized words without an organization word, or an
 * organization span whose part before "of" is two such words while the part
 * after has an organization word and no company suffix ends it, is split
 * there; the person's part is kept. Returns the index of "of", or 0
 * when the span [f, e) stays whole.
 */
static size_t person_of_org(const ctx *c, erg_class cls, size_t f, size_t e)
{
    if (!c->g || (cls != ERG_CLASS_PER && cls != ERG_CLASS_ORG))
        return 0;
    size_t of = 0;
    for (size_t k = f + 2; k + 1 < e && !of; k++)
        if (tok_is(c, k, "of"))
            of = k;
    if (!of)
        return 0;
    for (size_t k = f; k < of; k++)
        if (!upper_word(c, k))
            return 0;
    for (size_t k = f; k < of; k++)
        if (erg_gaz_i_match_after(c->g, ERG_GAZ_ORG, c->text, c->toks, k, of))
            return 0;
    if (cls == ERG_CLASS_PER)
        return of;
    if (of - f != 2 || company_suffix(c, e - 1))
        return 0;
    for (size_t k = of + 1; k < e; k++)
        if (erg_gaz_i_match_after(c->g, ERG_GAZ_ORG, c->text, c->toks, k, e))
            return of;
    return 0;
}

/* ---- role phrases: "Labour MP", "Tory Liam Fox" --------------------------------------- */

/* Is token i, lower-cased and without dots, an entry of the word list (a plural too)? */
static bool listed_tok(const ctx *c, size_t i, erg_word_list list, bool plural)
{
    return ner_tok_match(c, i, NULL, list, NER_FOLD | (plural ? NER_PLURAL : 0));
}

/*
 * A role noun after a party or organization word: listed in roles.txt or
 * titles.tsv (a plural too) and written in lower case ("leader", "MPs" but
 * not "Minister": "Foreign Minister" is a title) or in capitals ("MP", "MEP").
 */
static bool role_word(const ctx *c, size_t i)
{
    const erg_token *t = &c->toks[i];
    if (!(t->flags & ERG_TOK_WORD))
        return false;
    const char *w = c->text + t->start;
    size_t n = t->end - t->start;
    bool lower = w[0] >= 'a' && w[0] <= 'z', caps = n >= 2;
    for (size_t k = 0; k < n && caps; k++)
        caps = (w[k] >= 'A' && w[k] <= 'Z') || (k == n - 1 && w[k] == 's');
    return (lower || caps) && listed_tok(c, i, ERG_LIST_ROLE, true);
}

/* Is the capitalized word run [f, e) a nationality adjective ("Welsh", "West German")? */
static bool nationality(const ctx *c, size_t f, size_t e)
{
    char w[96] = {0};
    size_t n = 0;
    for (size_t i = f; i < e; i++) {
        const erg_token *t = &c->toks[i];
        if (n + (t->end - t->start) + 2 >= sizeof w)
            return false;
        if (i > f)
            w[n++] = ' ';
        for (uint32_t k = t->start; k < t->end; k++) {
            unsigned char ch = (unsigned char)c->text[k];
            w[n++] = (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
        }
    }
    if (erg_gazetteer_listed(c->g, ERG_LIST_NATIONALITY, w, n))
        return true;
    return n > 2 && w[n - 1] == 's' && erg_gazetteer_listed(c->g, ERG_LIST_NATIONALITY, w, n - 1);
}

/* Do tokens [a, a + n) and [b, b + n) read the same? */
static bool same_words(const ctx *c, size_t a, size_t b, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const erg_token *x = &c->toks[a + k], *y = &c->toks[b + k];
        if (x->end - x->start != y->end - y->start ||
            memcmp(c->text + x->start, c->text + y->start, x->end - x->start) != 0)
            return false;
    }
    return true;
}

/*
 * Is [f, e) elsewhere in the document a whole span of one of the classes in
 * `classes` (bits 1 << erg_class)? labels cover the n_tokens of the document.
 */
static uint64_t words_hash(const char *text, const erg_token *toks, size_t f, size_t e)
{
    uint64_t h = ERG_HASH_SEED;
    for (size_t k = f; k < e; k++) {
        h = erg_hash_more(h, text + toks[k].start, toks[k].end - toks[k].start);
        h = erg_hash_more(h, "", 1); /* a separator: "ab c" is not "a bc" */
    }
    return erg_hash_mix(h);
}

static int cmp_span_key(const void *a, const void *b)
{
    const span_key *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/*
 * The tagged spans (B-X I-X*) of the document's labels, sorted by
 * cmp_span_key, in a new array (*out, freed by the caller; NULL when none).
 */
static erg_status index_spans(const char *text, const erg_token *toks, const uint8_t *labels,
                              size_t n_tokens, span_key **out, size_t *n_out)
{
    size_t n = 0;
    *out = NULL;
    *n_out = 0;
    for (size_t i = 0; i < n_tokens; i++)
        n += labels[i] != ERG_LABEL_O && labels[i] % 2 == 1;
    if (n == 0)
        return ERG_OK;
    span_key *k = malloc(n * sizeof *k);
    if (!k)
        return ERG_ENOMEM;
    n = 0;
    for (size_t i = 0; i < n_tokens; i++) {
        if (labels[i] == ERG_LABEL_O || labels[i] % 2 == 0)
            continue;
        uint8_t inside = (uint8_t)(labels[i] + 1);
        size_t e = i + 1;
        while (e < n_tokens && labels[e] == inside)
            e++;
        k[n++] = (span_key){words_hash(text, toks, i, e), (uint32_t)i, (uint32_t)(e - i)};
    }
    qsort(k, n, sizeof *k, cmp_span_key);
    *out = k;
    *n_out = n;
    return ERG_OK;
}

/*
 * Is [f, e) elsewhere in the document a whole span of one of the classes in
 * `classes` (bits 1 << erg_class)? labels cover the n_tokens of the document.
 * O(log spans) through the span index.
 */
static bool tagged_elsewhere(const ctx *c, const uint8_t *labels, size_t n_tokens, size_t f,
                             size_t e, unsigned classes)
{
    (void)n_tokens;
    span_key key = {words_hash(c->text, c->toks, f, e), 0, (uint32_t)(e - f)};
    size_t lo = 0, hi = c->n_spans;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_span_key(&c->spans[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < c->n_spans && c->spans[i].hash == key.hash && c->spans[i].n == key.n;
         i++) {
        size_t at = c->spans[i].first;
        if (at != f && (classes & (1u << ERG_LABEL_CLASS(labels[at]))) &&
            same_words(c, f, at, key.n))
            return true;
    }
    return false;
}

/* Where a span reading "<party or organization> [role] [person]" splits. */
typedef struct role_split {
    size_t org_end;      /* the organization part is [f, org_end); org_end == f: none */
    size_t person_first; /* the person part is [person_first, e); == e: none */
    bool nationality;    /* the organization part is only a nationality adjective */
} role_split;

/*
 * "Labour MP", "Tory manifesto", "Welsh MPs", "Labour MP George Foulkes",
 * "Tory Liam Fox": a party, organization or nationality word, role nouns, a
 * person, read as one name. The part before the roles is capitalized words
 * none of which is itself a role or title ("Prime minister" stays whole);
 * after the roles the span ends or a person of two or more capitalized
 * words follows, recognized by a listed first name or the tagger's PER. Without
 * a role the two parts split only where the person starts with a listed
 * first name and the part before is a nationality, holds an organization
 * word, or is tagged ORG or MISC on its own elsewhere in the document.
 * Returns false when the span [f, e) stays whole.
 */
static bool role_phrase(const ctx *c, const uint8_t *labels, size_t n_tokens, erg_class tagged,
                        size_t f, size_t e, role_split *out)
{
    if (!c->g || e - f < 2)
        return false;
    size_t r = f;
    while (r < e && upper_word(c, r) && !role_word(c, r) &&
           !listed_tok(c, r, ERG_LIST_ROLE, false) && !tok_is(c, r, "The"))
        r++;
    if (r == f)
        return false;
    size_t q = r;
    while (q < e && role_word(c, q))
        q++;
    out->org_end = r;
    out->nationality = nationality(c, f, r);
    if (r < e && q == r)
        return false; /* "Labour Party spokesman" or a lower-case word that is no role */
    if (q > r) {      /* roles at r..q */
        if (q == e) {
            out->person_first = e;
            return true;
        }
        if (e - q < 2)
            return false;
        for (size_t k = q; k < e; k++)
            if (!upper_word(c, k))
                return false;
        if (!(tagged == ERG_CLASS_PER || listed_tok(c, q, ERG_LIST_FIRST_NAME, false)))
            return false;
        out->person_first = q;
        return true;
    }
    /* No role: "Tory Liam Fox". */
    if (tagged != ERG_CLASS_PER)
        return false;
    for (size_t k = f + 1; k + 2 <= e; k++) {
        if (!listed_tok(c, k, ERG_LIST_FIRST_NAME, false))
            continue;
        bool org =
            nationality(c, f, k) ||
            tagged_elsewhere(c, labels, n_tokens, f, k, 1u << ERG_CLASS_ORG | 1u << ERG_CLASS_MISC);
        for (size_t j = f; j < k && !org; j++)
            org = erg_gaz_i_match_after(c->g, ERG_GAZ_ORG, c->text, c->toks, j, k) != 0;
        if (!org)
            continue;
        out->org_end = k;
        out->nationality = nationality(c, f, k);
        out->person_first = k;
        return true;
    }
    return false;
}

/* ---- person and organization shapes the tagger misses ----------------------------- */

/*
 * A romanized Chinese or Korean syllable: two to six letters, the first
 * capital or not as asked, the rest lower case, with a vowel, ending in a
 * vowel or in n, ng, m, p, t, k, h or l ("Wai", "ching", "Kwok", "Il"); most
 * English words end otherwise ("funded", "States", "flag").
 */
static bool syllable(const char *w, size_t n, bool capital)
{
    if (n < 2 || n > 6)
        return false;
    bool vowel = false;
    for (size_t i = 0; i < n; i++) {
        char ch = w[i];
        bool up = ch >= 'A' && ch <= 'Z', low = ch >= 'a' && ch <= 'z';
        if (i == 0 ? (capital ? !up : !low) : !low)
            return false;
        vowel |= strchr("aeiouyAEIOUY", ch) != NULL;
    }
    char last = w[n - 1];
    bool end_ok = strchr("aeiouynmptkhl", last) != NULL || (last == 'g' && w[n - 2] == 'n');
    return vowel && end_ok;
}

/*
 * Romanized Chinese and Korean names: a short surname and a hyphenated
 * two-syllable given name ("Yau Wai-ching", "Cheng Chung-tai", "Kim Jong-un").
 * A tagger trained on Western names misses the ones whose syllables it never
 * saw, or reads the pair as an organization. The two words stand alone
 * (no capitalized word either side), and the second syllable is no English
 * word that ends a compound ("Hong Kong-based").
 */
static bool east_asian_name(const ctx *c, size_t i)
{
    if (i + 1 >= c->end || (i > c->first && upper_word(c, i - 1)) ||
        (i + 2 < c->end && upper_word(c, i + 2)))
        return false;
    const erg_token *a = &c->toks[i], *b = &c->toks[i + 1];
    if (b->start != a->end + 1 || !syllable(c->text + a->start, a->end - a->start, true))
        return false;
    const char *w = c->text + b->start;
    size_t n = b->end - b->start;
    const char *h = memchr(w, '-', n);
    if (!h)
        return false;
    size_t n1 = (size_t)(h - w), n2 = n - n1 - 1;
    return syllable(w, n1, true) && syllable(h + 1, n2, false) &&
           !(c->g && erg_gazetteer_listed(c->g, ERG_LIST_COMPOUND_TAIL, h + 1, n2));
}

/*
 * ", an Australian woman", ", a retired teacher": an apposition that says
 * the name before it is a person, whatever the tagger made of the name. Only
 * nouns that name a kind of person count, and only when the apposition ends
 * there: "X, a spokesman for Y said" attributes a quote to someone else.
 */
static bool person_apposition(const ctx *c, size_t f, size_t j)
{
    if (j + 2 >= c->end || !tok_is(c, j, ",") || !(indefinite(c, j + 1) || tok_is(c, j + 1, "the")))
        return false;
    /* "in Singapore, a man was arrested": a place before the clause, not an apposition. */
    if (f > c->first && tok_in(c, f - 1, ERG_LIST_PLACE_PREP))
        return false;
    for (size_t k = j + 2; k < c->end && k <= j + 4; k++) {
        const erg_token *t = &c->toks[k];
        const char *w = c->text + t->start;
        size_t n = t->end - t->start;
        if (tok_in(c, k, ERG_LIST_PERSON_NOUN))
            return k + 1 >= c->end ||
                   (!(c->toks[k + 1].flags & ERG_TOK_WORD) && !tok_is(c, k + 1, "'s")) ||
                   tok_is(c, k + 1, "and") || tok_is(c, k + 1, "who");
        bool age = (t->flags & ERG_TOK_NUMBER) && memchr(w, '-', n);
        if (!upper_word(c, k) && !age && !tok_in(c, k, ERG_LIST_PERSON_MOD))
            return false;
    }
    return false;
}

/*
 * "their nine-month-old child, Gloria.": a kinship noun, a comma and the
 * name [f, e), which ends the clause. Says the name is a person's.
 */
static bool kin_apposition(const ctx *c, size_t f, size_t e)
{
    if (f < c->first + 2 || !tok_is(c, f - 1, ",") ||
        (e < c->end && (c->toks[e].flags & ERG_TOK_WORD) && !tok_is(c, e, "and") &&
         !tok_is(c, e, "who")))
        return false;
    return tok_in(c, f - 2, ERG_LIST_KIN);
}

/*
 * "the Museum of Flight": "the", an organization word, "of" and capitalized
 * words, all left out by the tagger. Returns the end of the name that starts
 * at i + 1, or 0.
 */
static size_t missed_org_of(const ctx *c, const uint8_t *labels, size_t i)
{
    if (!c->g || i + 3 >= c->end || !(tok_is(c, i, "the") || tok_is(c, i, "The")) ||
        !upper_word(c, i + 1) || !tok_is(c, i + 2, "of") ||
        erg_gaz_i_match_after(c->g, ERG_GAZ_ORG, c->text, c->toks, i + 1, i + 2) != 1)
        return 0;
    /* "Minister of State" is a title, though "Minister" marks organizations. */
    if (tok_is(c, i + 1, "Minister"))
        return 0;
    size_t k = name_run(c, i + 3);
    if (k == i + 3)
        return 0;
    for (size_t q = i; q < k; q++)
        if (labels[q] != ERG_LABEL_O)
            return 0;
    return k;
}

/* ---- the rule table ------------------------------------------------------------------ */

/* Where a row runs: the runner calls the rows of one kind, in table order. */
typedef enum rule_kind {
    KIND_GAP,      /* at a token the tagger left out: may start a mention there */
    KIND_SPAN,     /* on a tagged span: may retype, extend, split or drop it */
    KIND_ORG,      /* outlet or agency for an organization: the first row that decides wins */
    KIND_SENTENCE, /* once a sentence's spans are made */
    KIND_RESOLVE,  /* recorded by the resolver (src/resolve), not run here */
} rule_kind;

/* A span under typing; rows read and change it. */
typedef struct span {
    size_t i, j;           /* the tokens [i, j) */
    size_t ti, tj;         /* the tagger's span [ti, tj); ti == tj: the tagger tagged none */
    erg_class tagged, cls; /* what the tagger said; what the rules say */
    erg_type type;
    uint16_t rule; /* the row that last changed span or type */
    bool done;     /* a row emitted or dropped the span: no more rows, nothing to push */
    bool decided;  /* an ORG row decided the type */
} span;

typedef erg_status (*rule_fn)(const ctx *c, span *s);

typedef struct rule_row {
    erg_rule id;
    const char *name;
    rule_kind kind;
    rule_fn fn;
} rule_row;

/* The table, defined at the end of the file; *rows receives it, the result is its length. */
static size_t rule_table(const rule_row **rows);

static erg_status push(erg_mentions *out, const erg_mention *m)
{
    if (erg_grow((void **)&out->items, &out->cap, out->n + 1, sizeof *out->items) != ERG_OK)
        return ERG_ENOMEM;
    out->items[out->n++] = *m;
    return ERG_OK;
}

static erg_mention make_mention(const ctx *c, size_t a, size_t b, erg_type type, erg_class cls,
                                uint16_t rule)
{
    erg_mention m = {c->toks[a].start,
                     c->toks[b - 1].end,
                     (uint32_t)a,
                     (uint32_t)b,
                     c->sentence,
                     type,
                     cls,
                     -1,
                     rule,
                     0,
                     0};
    return m;
}

/* Records in m the tagger's span of s, the span m came from. */
static void from_span(const ctx *c, erg_mention *m, const span *s)
{
    if (s->tj > s->ti) {
        m->tagged_start = c->toks[s->ti].start;
        m->tagged_end = c->toks[s->tj - 1].end;
    }
}

/*
 * Outlet or agency for the organization [f, e): runs the ORG rows until one
 * decides; agency when none does. *rule becomes the deciding row's id when it
 * made an outlet.
 */
static erg_status decide_org(const ctx *c, size_t f, size_t e, erg_type *type, uint16_t *rule)
{
    *type = ERG_TYPE_AGENCY;
    if (!c->g)
        return ERG_OK;
    span s = {f, e, f, e, ERG_CLASS_ORG, ERG_CLASS_ORG, ERG_TYPE_AGENCY, *rule, false, false};
    const rule_row *rules;
    size_t n_rules = rule_table(&rules);
    for (size_t r = 0; r < n_rules && !s.decided; r++) {
        if (rules[r].kind != KIND_ORG)
            continue;
        erg_status st = rules[r].fn(c, &s);
        if (st != ERG_OK)
            return st;
        if (s.decided && s.type != ERG_TYPE_AGENCY)
            s.rule = (uint16_t)rules[r].id;
    }
    *type = s.type;
    *rule = s.rule;
    return ERG_OK;
}

/* ---- GAP rows ------------------------------------------------------------------------ */

/* "the Museum of Flight", all O: a mention from the organization word on. */
static erg_status rule_missed_org_of(const ctx *c, span *s)
{
    size_t e = missed_org_of(c, c->labels, s->i);
    if (!e)
        return ERG_OK;
    erg_mention m =
        make_mention(c, s->i + 1, e, ERG_TYPE_AGENCY, ERG_CLASS_ORG, ERG_RULE_MISSED_ORG_OF);
    erg_status st = decide_org(c, s->i + 1, e, &m.type, &m.rule);
    if (st == ERG_OK)
        st = push(c->out, &m);
    s->j = e;
    s->done = true;
    return st;
}

/* "Yau Wai-ching", all O: a person. */
static erg_status rule_missed_east_asian(const ctx *c, span *s)
{
    size_t i = s->i;
    if (!(i + 1 < c->end && c->labels[i + 1] == ERG_LABEL_O && east_asian_name(c, i)))
        return ERG_OK;
    erg_mention m =
        make_mention(c, i, i + 2, ERG_TYPE_PERSON, ERG_CLASS_PER, ERG_RULE_MISSED_EAST_ASIAN);
    s->j = i + 2;
    s->done = true;
    return push(c->out, &m);
}

/* ---- SPAN rows ----------------------------------------------------------------------- */

/* Is token i written in lower case letters only ("news", "magazine")? */
static bool lower_word(const ctx *c, size_t i)
{
    const erg_token *t = &c->toks[i];
    if (!(t->flags & ERG_TOK_WORD))
        return false;
    for (size_t k = t->start; k < t->end; k++)
        if (c->text[k] < 'a' || c->text[k] > 'z')
            return false;
    return true;
}

/* The end of a name part of one to three capitalized words at i (i: none). */
static size_t firm_part(const ctx *c, size_t i)
{
    size_t k = i;
    while (k < c->end && k < i + 3 && upper_word(c, k) && !calendar(c, k) &&
           !tok_in(c, k, ERG_LIST_COMPANY_SEAT))
        k++;
    return k;
}

static erg_know_evidence know_evidence(const ctx *c, size_t a, size_t b, erg_class cls);

/* Is the name part [a, b) one the lists know as an organization on its own? */
static bool listed_org_part(const ctx *c, size_t a, size_t b)
{
    erg_know_evidence ev = know_evidence(c, a, b, ERG_CLASS_ORG);
    return ev.strength == ERG_KNOW_STRONG && (ev.kinds & ERG_KNOW_AGENCY_KINDS);
}

/* Does a word of [a, b) hold a dot, as initials do ("J.P.")? */
static bool initials(const ctx *c, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (memchr(c->text + c->toks[i].start, '.', c->toks[i].end - c->toks[i].start))
            return true;
    return false;
}

/* Would a name ending before token e end inside a span of the tagger's? */
static bool ends_inside_span(const ctx *c, size_t e)
{
    return e < c->end && c->labels[e] != ERG_LABEL_O && c->labels[e] % 2 == 0;
}

/*
 * The end of a firm's name written with commas or a bracket that starts at
 * token f, or 0: "Kidder, Peabody and Co", "Smith Barney, Harris Upham and
 * Co", "Merrill Lynch, Pierce, Fenner and Smith Inc", "Jardine Fleming
 * (Securities) Ltd". The tagger cuts such names at the punctuation. "and Co"
 * (a connective of firm_connectives.txt, then "Co" or "Company") ends one
 * after a single comma; one surname and a legal form end one only after two
 * commas. A part after a comma that is a listed organization or has
 * initials makes a list of firms instead ("GM, Ford and Chrysler Corp").
 */
static size_t firm_name_end(const ctx *c, size_t f)
{
    size_t k = firm_part(c, f), e;
    if (k == f || k + 3 >= c->end)
        return 0;
    /* "Jardine Fleming (Securities) Ltd" */
    if (tok_is(c, k, "(")) {
        size_t q = firm_part(c, k + 1);
        if (q == k + 1 || q + 1 >= c->end || !tok_is(c, q, ")") ||
            !tok_in(c, q + 1, ERG_LIST_COMPANY_SEAT))
            return 0;
        return ends_inside_span(c, q + 2) ? 0 : q + 2;
    }
    size_t commas = 0;
    while (k + 1 < c->end && tok_is(c, k, ",")) {
        size_t q = firm_part(c, k + 1);
        if (q == k + 1)
            break;
        /* A partner of its own name ("AZT, Merck and Co", "Citicorp, J.P. Morgan
         * and Co") makes a list of firms. */
        if (listed_org_part(c, k + 1, q) || initials(c, k + 1, q))
            return 0;
        commas++;
        k = q;
    }
    if (k < c->end && tok_is(c, k, ",") && commas > 0)
        k++; /* the serial comma: "Pierce, Fenner, and Smith" */
    if (!commas || k + 1 >= c->end || !tok_in(c, k, ERG_LIST_FIRM_CONNECTIVE))
        return 0;
    size_t t = k + 1;
    if (tok_is(c, t, "Co") || tok_is(c, t, "Co.") || tok_is(c, t, "Company"))
        e = t + 1;
    else if (commas >= 2 && upper_word(c, t) && t + 1 < c->end &&
             tok_in(c, t + 1, ERG_LIST_COMPANY_SEAT))
        e = t + 2;
    else
        return 0;
    while (e < c->end && e < t + 4 && tok_in(c, e, ERG_LIST_COMPANY_SEAT))
        e++;
    return ends_inside_span(c, e) ? 0 : e;
}

/* Is token i an angle bracket, the markup of a stock ticker ("<BAC>")? */
static bool angle(const ctx *c, size_t i)
{
    return tok_is(c, i, "<") || tok_is(c, i, ">");
}

/*
 * Angle brackets mark stock tickers and are no part of a name: a span that
 * holds one keeps the name after a closing one ("BAC> | Bank of America")
 * and before an opening one, without the brackets at its ends ("<Alger Inc").
 */
static erg_status rule_ticker_bracket(const ctx *c, span *s)
{
    size_t i = s->i, j = s->j;
    while (i < j && angle(c, i))
        i++;
    while (j > i && angle(c, j - 1))
        j--;
    for (size_t k = i; k < j; k++)
        if (tok_is(c, k, ">"))
            i = k + 1; /* "BAC> Bank of America" */
    for (size_t k = i; k < j; k++)
        if (tok_is(c, k, "<")) {
            j = k; /* "Alger Inc <ALGR" */
            break;
        }
    if (i == s->i && j == s->j)
        return ERG_OK;
    if (i == j) {
        s->done = true; /* only brackets */
        return ERG_OK;
    }
    s->i = i;
    s->j = j;
    s->rule = ERG_RULE_TICKER_BRACKET;
    return ERG_OK;
}

/* A firm's name the tagger cut at its commas or bracket is one agency. */
static erg_status rule_firm_name(const ctx *c, span *s)
{
    if (s->cls == ERG_CLASS_MISC || !c->g)
        return ERG_OK;
    size_t e = firm_name_end(c, s->i);
    if (e <= s->j)
        return ERG_OK;
    s->j = e;
    s->cls = ERG_CLASS_ORG;
    s->type = ERG_TYPE_AGENCY;
    s->rule = ERG_RULE_FIRM_NAME;
    return ERG_OK;
}

/*
 * Two firms joined by "and", each with its legal form, are two names
 * ("Chemlawn Corp | and | Ecolab Inc", "Sears, Roebuck and Co | and |
 * Kellwood Co"); a legal form is the end of a firm's name, and "and Co"
 * inside one is not followed by another legal form of its own part.
 */
static erg_status rule_firm_list(const ctx *c, span *s)
{
    if (s->cls != ERG_CLASS_ORG || !c->g || !company_suffix(c, s->j - 1))
        return ERG_OK;
    for (size_t k = s->i + 1; k + 2 < s->j; k++) {
        if (!(tok_is(c, k, "and") || tok_is(c, k, "&")) || !company_suffix(c, k - 1) ||
            !upper_word(c, k + 1) || company_suffix(c, k + 1))
            continue;
        erg_mention o = make_mention(c, s->i, k, ERG_TYPE_AGENCY, s->tagged, ERG_RULE_FIRM_LIST);
        from_span(c, &o, s);
        if (decide_org(c, s->i, k, &o.type, &o.rule) != ERG_OK || push(c->out, &o) != ERG_OK)
            return ERG_ENOMEM;
        s->i = k + 1;
        s->rule = ERG_RULE_FIRM_LIST;
    }
    return ERG_OK;
}

/*
 * An organization span is a name: lower-case words at its end that are or
 * run into an outlet noun are no part of it ("Der Spiegel | news
 * magazine"), and after a lower-case outlet noun inside it the outlet's
 * name begins ("Irish magazine | Business and Finance").
 */
static erg_status rule_media_descriptor(const ctx *c, span *s)
{
    if (s->cls != ERG_CLASS_ORG || !c->g)
        return ERG_OK;
    size_t i = s->i, j = s->j, k = j;
    while (k > i + 1 && lower_word(c, k - 1))
        k--;
    /* The lower-case end is an outlet noun or runs into one ("news | magazine"). */
    if (k < j && upper_word(c, k - 1) &&
        (erg_gaz_i_match_after(c->g, ERG_GAZ_NOUN, c->text, c->toks, k, j) == j - k ||
         (j < c->end && lower_word(c, j) &&
          erg_gaz_i_match_after(c->g, ERG_GAZ_NOUN, c->text, c->toks, j, c->end))))
        j = k;
    for (size_t d = i + 1; d + 1 < j; d++) {
        if (!lower_word(c, d))
            continue;
        size_t n = erg_gaz_i_match_after(c->g, ERG_GAZ_NOUN, c->text, c->toks, d, j);
        if (!n || d + n >= j || !upper_word(c, d + n))
            break;
        bool descriptor = true;
        for (size_t q = i; q < d && descriptor; q++)
            descriptor = upper_word(c, q);
        if (descriptor)
            i = d + n;
        break;
    }
    if (i == s->i && j == s->j)
        return ERG_OK;
    s->i = i;
    s->j = j;
    s->rule = ERG_RULE_MEDIA_DESCRIPTOR;
    return ERG_OK;
}

/*
 * The three person shapes below keep the tagger's class in the mention, so
 * that the resolver can tell a person the context shows from one the tagger
 * saw; they apply to ORG and LOC spans.
 */
static bool may_be_person(const span *s)
{
    return s->cls != ERG_CLASS_PER && s->cls != ERG_CLASS_MISC;
}

static void make_person(span *s, erg_rule id)
{
    s->cls = ERG_CLASS_PER;
    s->type = ERG_TYPE_PERSON;
    s->rule = (uint16_t)id;
}

/* Is the name of tokens [a, b) a listed place (by merge key)? */
static bool listed_place(const ctx *c, size_t a, size_t b)
{
    erg_buf *key = &c->out->scratch;
    size_t start = c->toks[a].start;
    return erg_text_name_key(c->text + start, c->toks[b - 1].end - start, key) == ERG_OK &&
           key->len && erg_gazetteer_listed(c->g, ERG_LIST_PLACE, key->data, key->len);
}

/* Is token i a legal form or an organization word ("Plc", "Committee")? */
static bool org_tail_word(const ctx *c, size_t i)
{
    return company_suffix(c, i) ||
           erg_gaz_i_match_after(c->g, ERG_GAZ_ORG, c->text, c->toks, i, i + 1) == 1;
}

/*
 * "Cable and | Wireless Plc", "House Ways and | Means Committee": the tagger
 * cut a name at its "and" and left the capitalized words before it
 * untagged. An organization span after "and" or "&" that is one word and
 * legal forms or organization words takes one to three such words: not a
 * lone nationality or place ("British and | U.S. Securities"), not a
 * listed organization on either side or a name that ends as one, which
 * makes a list ("Exxon and | Mobil Corp", "Sharp and | Sony Corp", "Army
 * and | Revolutionary Guards Corps"), and never "The" or a sentence opener.
 * A firm's partners ("Sons Inc", data/firm_partners.txt) join the name
 * before the "and" even when the tagger made it a mention of its own.
 */
static erg_status rule_and_name(const ctx *c, span *s)
{
    size_t f = s->i, e = s->j, r = e;
    if (s->cls != ERG_CLASS_ORG || !c->g || f < c->first + 2 ||
        !(tok_is(c, f - 1, "and") || tok_is(c, f - 1, "&")))
        return ERG_OK;
    while (r > f && org_tail_word(c, r - 1))
        r--;
    if (r != f + 1 || r == e || listed_org_part(c, f, r))
        return ERG_OK;
    /* "John Wiley and | Sons Inc": the name before is a mention of its own already. */
    erg_mention *prev = c->out->n > c->m0 ? &c->out->items[c->out->n - 1] : NULL;
    if (tok_in(c, f, ERG_LIST_FIRM_PARTNER) && prev && prev->tok_end == f - 1 &&
        prev->type != ERG_TYPE_PLACE) {
        s->i = prev->tok_first;
        c->out->n--;
        s->rule = ERG_RULE_AND_NAME;
        return ERG_OK;
    }
    size_t a = f - 1;
    while (a > c->first && f - 1 - a < 3 && c->labels[a - 1] == ERG_LABEL_O &&
           upper_word(c, a - 1) && !calendar(c, a - 1) && !tok_is(c, a - 1, "The") &&
           !tok_in(c, a - 1, ERG_LIST_OPENER))
        a--;
    if (a == f - 1 || listed_org_part(c, a, f - 1) || org_tail_word(c, f - 2))
        return ERG_OK; /* "Army and | Revolutionary Guards Corps": two bodies */
    if (a + 2 == f && (nationality(c, a, a + 1) || listed_place(c, a, a + 1)))
        return ERG_OK;
    s->i = a;
    s->rule = ERG_RULE_AND_NAME;
    return ERG_OK;
}

/*
 * "President Park Geun-hye" read as one place: a person's title (titles.tsv,
 * used "title"; not "St.", which names places) then a capitalized name is
 * the person, not a place, unless the whole is a listed place ("General
 * Santos").
 */
static erg_status rule_title_person(const ctx *c, span *s)
{
    if (s->cls != ERG_CLASS_LOC || s->j - s->i < 2 || !c->g ||
        !ner_tok_match(c, s->i, NULL, ERG_LIST_ROLE, NER_FOLD) || !upper_word(c, s->i + 1) ||
        listed_place(c, s->i, s->j) || listed_place(c, s->i + 1, s->j))
        return ERG_OK;
    s->i++;
    s->cls = ERG_CLASS_PER;
    s->type = ERG_TYPE_PERSON;
    s->rule = ERG_RULE_TITLE_PERSON;
    return ERG_OK;
}

static erg_status rule_east_asian(const ctx *c, span *s)
{
    if (may_be_person(s) && s->j == s->i + 2 && east_asian_name(c, s->i))
        make_person(s, ERG_RULE_EAST_ASIAN);
    return ERG_OK;
}

static erg_status rule_person_apposition(const ctx *c, span *s)
{
    if (may_be_person(s) && person_apposition(c, s->i, s->j))
        make_person(s, ERG_RULE_PERSON_APPOSITION);
    return ERG_OK;
}

static erg_status rule_kin_apposition(const ctx *c, span *s)
{
    if (may_be_person(s) && kin_apposition(c, s->i, s->j))
        make_person(s, ERG_RULE_KIN_APPOSITION);
    return ERG_OK;
}

static erg_status rule_org_of_tail(const ctx *c, span *s)
{
    if (s->cls != ERG_CLASS_ORG)
        return ERG_OK;
    size_t j = org_of_tail(c, s->i, s->j);
    if (j != s->j) {
        s->j = j;
        s->rule = ERG_RULE_ORG_OF_TAIL;
    }
    return ERG_OK;
}

/* "Labour MP George Foulkes": the organization part and the person part. */
static erg_status rule_role_phrase(const ctx *c, span *s)
{
    role_split rs;
    if (!role_phrase(c, c->labels, c->n_tokens, s->tagged, s->i, s->j, &rs))
        return ERG_OK;
    s->done = true;
    /* The organization part is an agency or outlet; a nationality alone is no name. */
    if (!rs.nationality) {
        erg_mention o =
            make_mention(c, s->i, rs.org_end, ERG_TYPE_AGENCY, s->tagged, ERG_RULE_ROLE_PHRASE);
        from_span(c, &o, s);
        if (decide_org(c, s->i, rs.org_end, &o.type, &o.rule) != ERG_OK || push(c->out, &o))
            return ERG_ENOMEM;
    }
    if (rs.person_first < s->j) {
        erg_mention p = make_mention(c, rs.person_first, s->j, ERG_TYPE_PERSON, s->tagged,
                                     ERG_RULE_ROLE_PHRASE);
        from_span(c, &p, s);
        if (push(c->out, &p) != ERG_OK)
            return ERG_ENOMEM;
    }
    return ERG_OK;
}

/* "Nathan Law of Demosisto": the person; an organization span keeps its part after "of". */
static erg_status rule_person_of_org(const ctx *c, span *s)
{
    size_t of = person_of_org(c, s->cls, s->i, s->j);
    if (!of)
        return ERG_OK;
    erg_mention p =
        make_mention(c, s->i, of, ERG_TYPE_PERSON, ERG_CLASS_PER, ERG_RULE_PERSON_OF_ORG);
    from_span(c, &p, s);
    if (push(c->out, &p) != ERG_OK)
        return ERG_ENOMEM;
    if (s->cls != ERG_CLASS_ORG) {
        s->done = true;
        return ERG_OK;
    }
    s->i = of + 1;
    s->rule = ERG_RULE_PERSON_OF_ORG;
    return ERG_OK;
}

/*
 * "Tory manifesto", "Labour leader": a name the tagger took for a person
 * before a lower-case role noun is the party or body; a nationality there
 * ("Welsh secretary") is no name.
 */
static erg_status rule_role_noun(const ctx *c, span *s)
{
    size_t i = s->i, j = s->j;
    if (!(s->cls == ERG_CLASS_PER && c->g && j < c->end && role_word(c, j) &&
          c->text[c->toks[j].start] >= 'a' && c->text[c->toks[j].start] <= 'z'))
        return ERG_OK;
    if (nationality(c, i, j)) {
        s->done = true;
        return ERG_OK;
    }
    s->rule = ERG_RULE_ROLE_NOUN;
    return decide_org(c, i, j, &s->type, &s->rule);
}

/*
 * "told Reuters Brazil would pay": after "told", an organization span that
 * begins with a listed outlet and goes on in capitalized words up to a
 * finite verb ran on into the subject of what was told. It is cut to the
 * outlet (the longest listed one); the rest is left untagged.
 */
static erg_status rule_outlet_run_on(const ctx *c, span *s)
{
    size_t f = s->i, e = s->j;
    if (s->cls != ERG_CLASS_ORG || !c->g || e - f < 2 || f <= c->first ||
        !tok_is(c, f - 1, "told") || e >= c->end || !tok_in(c, e, ERG_LIST_FINITE_VERB))
        return ERG_OK;
    erg_buf *key = &c->out->scratch;
    for (size_t k = e - 1; k > f; k--) {
        if (!upper_word(c, k))
            return ERG_OK; /* the rest must be a name, word by word */
        const erg_token *tf = &c->toks[f], *tl = &c->toks[k - 1];
        if (erg_text_name_key(c->text + tf->start, tl->end - tf->start, key) != ERG_OK)
            return ERG_ENOMEM;
        bool amb = false;
        if (erg_gaz_i_key_outlet(c->g, key->data, key->len, &amb) >= 0 && !amb) {
            s->j = k;
            s->rule = ERG_RULE_OUTLET_RUN_ON;
            return ERG_OK;
        }
    }
    return ERG_OK;
}

/* An organization span: the ORG rows decide outlet or agency. */
static erg_status rule_organization(const ctx *c, span *s)
{
    if (s->cls != ERG_CLASS_ORG)
        return ERG_OK;
    return decide_org(c, s->i, s->j, &s->type, &s->rule);
}

/*
 * A one-word name that is a compound of "news" ("Wikinews", "Technews",
 * "CyberNews") names a news site whatever the tagger took it for.
 */
static erg_status rule_news_compound(const ctx *c, span *s)
{
    if (s->j == s->i + 1 && news_compound(c, s->i)) {
        s->type = ERG_TYPE_OUTLET;
        s->rule = ERG_RULE_NEWS_COMPOUND;
    }
    return ERG_OK;
}

/* ---- knowledge (data/knowledge/: companies, government bodies, outlets...) ---------- */

/*
 * What the knowledge lists say of tokens [a, b) that the tagger typed cls;
 * none without lists, for a span longer than a listed phrase may be, or when
 * the matching state cannot be made (the rules then go on without it).
 */
static erg_know_evidence know_evidence(const ctx *c, size_t a, size_t b, erg_class cls)
{
    erg_know_evidence ev = {ERG_TYPE_MISC, ERG_KNOW_NONE, 0, false};
    const erg_knowledge *k = erg_gazetteer_knowledge(c->g);
    if (!k || b <= a || b - a > ERG_KNOW_MAX_WORDS)
        return ev;
    if (!c->out->know) {
        c->out->know = malloc(sizeof *c->out->know);
        if (!c->out->know)
            return ev;
        erg_know_scratch_init(c->out->know);
    }
    erg_word w[ERG_KNOW_MAX_WORDS];
    for (size_t i = a; i < b; i++)
        w[i - a] = (erg_word){c->text + c->toks[i].start, c->toks[i].end - c->toks[i].start};
    if (erg_knowledge_evidence(k, w, b - a, cls, c->out->know, &ev) != ERG_OK)
        ev.decisive = false;
    return ev;
}

/*
 * The type the evidence gives: an outlet only when no list of other
 * organizations names it too (a newspaper list holds names that are also
 * parties or unions; the curated outlet list, which runs first, knows the
 * wire services that are also companies).
 */
static erg_type know_type(const erg_know_evidence *ev)
{
    return (ev->kinds & ERG_KNOW_OUTLET_KINDS) && !(ev->kinds & ERG_KNOW_AGENCY_KINDS)
               ? ERG_TYPE_OUTLET
               : ERG_TYPE_AGENCY;
}

/* Can token i be inside a name: a word, a number or "&" (the lists decide the rest). */
static bool name_word(const ctx *c, size_t i)
{
    return (c->toks[i].flags & (ERG_TOK_WORD | ERG_TOK_NUMBER)) || tok_is(c, i, "&");
}

/*
 * "University of North Carolina | at Greensboro", "Wells | Fargo": a span
 * the tagger cut short of a listed organization of several words is
 * extended to it (and to a legal form after it), when the words added are
 * name words the tagger left out or whole spans of its own, ending on a
 * capitalized word.
 */
static erg_status rule_knowledge_extend(const ctx *c, span *s)
{
    if (s->cls == ERG_CLASS_MISC)
        return ERG_OK;
    size_t best = 0;
    erg_know_evidence best_ev = {ERG_TYPE_MISC, ERG_KNOW_NONE, 0, false};
    for (size_t e = s->j + 1; e <= c->end && e - s->i <= ERG_KNOW_MAX_WORDS; e++) {
        size_t k = e - 1;
        if (!name_word(c, k))
            break;
        if (ends_inside_span(c, e))
            continue;
        if (!upper_word(c, k))
            continue;
        erg_know_evidence ev = know_evidence(c, s->i, e, ERG_CLASS_ORG);
        /* The lists write a company with or without its legal form: "Helen of
         * Troy | Corp" is the listed "Helen of Troy" with it. */
        if (ev.strength != ERG_KNOW_STRONG && e - s->i > 2 && tok_in(c, k, ERG_LIST_COMPANY_SEAT))
            ev = know_evidence(c, s->i, k, ERG_CLASS_ORG);
        if (ev.strength == ERG_KNOW_STRONG &&
            (ev.kinds & (ERG_KNOW_AGENCY_KINDS | ERG_KNOW_OUTLET_KINDS))) {
            best = e;
            best_ev = ev;
        }
    }
    if (!best)
        return ERG_OK;
    s->j = best;
    s->cls = ERG_CLASS_ORG;
    s->type = know_type(&best_ev);
    s->rule = ERG_RULE_KNOWLEDGE_EXTEND;
    return ERG_OK;
}

/*
 * Should the evidence retype a span of n words? One-word outlet names
 * ("Pioneer", "WMC": a call sign) are also companies and acronyms the lists
 * do not know, and clubs are named after their towns ("Bahia"): neither
 * overrides a person, a place or the context alone.
 */
static bool know_overrides(const erg_know_evidence *ev, size_t n, erg_class cls)
{
    if (know_type(ev) == ERG_TYPE_OUTLET)
        return n > 1;
    return !(cls == ERG_CLASS_LOC && (ev->kinds & ERG_KNOW_AGENCY_KINDS) == ERG_KNOW_CLUB);
}

/*
 * A person or place span that the lists name as an organization strongly
 * (a phrase of several words, or one word that is no common word, surname
 * or first name: "Smith Barney", "Google") is that organization.
 */
static erg_status rule_knowledge(const ctx *c, span *s)
{
    if (s->cls != ERG_CLASS_PER && s->cls != ERG_CLASS_LOC)
        return ERG_OK;
    erg_know_evidence ev = know_evidence(c, s->i, s->j, s->cls);
    if (!ev.decisive || !know_overrides(&ev, s->j - s->i, s->cls))
        return ERG_OK;
    s->cls = ERG_CLASS_ORG;
    s->type = know_type(&ev);
    s->rule = ERG_RULE_KNOWLEDGE;
    return ERG_OK;
}

/* ---- ORG rows: each sets s->decided when its evidence holds ----------------------------- */

/* 1. The outlet list, by merge key, with and without a leading "the". */
static erg_status rule_outlet_list(const ctx *c, span *s)
{
    size_t f = s->i, e = s->j;
    erg_buf *key = &c->out->scratch;
    const erg_token *tf = &c->toks[f], *tl = &c->toks[e - 1];
    if (erg_text_name_key(c->text + tf->start, tl->end - tf->start, key) != ERG_OK)
        return ERG_ENOMEM;
    bool amb = false;
    int32_t o = erg_gaz_i_key_outlet(c->g, key->data, key->len, &amb);
    if (o < 0 && key->len > 4 && memcmp(key->data, "the ", 4) == 0)
        o = erg_gaz_i_key_outlet(c->g, key->data + 4, key->len - 4, &amb);
    if (o < 0)
        return ERG_OK;
    /* An ambiguous name before a number or a capitalized word is part of
     * something else ("Fortune 500", "Sputnik V", "Time Warner"), and one
     * after "a" is a common noun ("a Fox came up to him") unless a media
     * noun follows ("a Guardian report"). */
    bool other = amb && ((e < c->end && ((c->toks[e].flags & ERG_TOK_NUMBER) ||
                                         (upper_word(c, e) && !calendar(c, e)))) ||
                         (f > c->first && indefinite(c, f - 1) && !media_noun(c, e)));
    /* One whose name has "The" is written with it, or as a modifier ("a
     * Guardian reporter"): "the Sun said" is the paper, "Sun said" the company
     * (the context rows may still find an outlet). */
    if (amb && !other && !media_noun(c, e) && !tok_is(c, f, "The") && !tok_is(c, f, "the") &&
        !(f > c->first && (tok_is(c, f - 1, "the") || tok_is(c, f - 1, "The")))) {
        const char *name = erg_gazetteer_outlet(c->g, key->data);
        other = name && strncmp(name, "The ", 4) == 0;
    }
    if (!other) {
        s->type = ERG_TYPE_OUTLET;
        s->decided = true;
    }
    return ERG_OK;
}

/* 2. An outlet head word. The head of "X of Y" is the word before "of". */
static erg_status rule_outlet_head(const ctx *c, span *s)
{
    size_t f = s->i, e = s->j, h = e;
    for (size_t j = f + 1; j < e; j++)
        if (tok_is(c, j, "of") || tok_is(c, j, "for")) {
            h = j;
            break;
        }
    while (h > f + 1 && (c->toks[h - 1].flags & ERG_TOK_NUMBER))
        h--;
    if (!erg_gaz_i_match_before(c->g, ERG_GAZ_HEAD, c->text, c->toks, h, f))
        return ERG_OK;
    /* A head word is a guess that the name of a listed company or body outweighs
     * ("American Telephone and Telegraph"). */
    erg_know_evidence ev = know_evidence(c, f, e, ERG_CLASS_ORG);
    if (ev.strength == ERG_KNOW_STRONG && e - f > 1 && (ev.kinds & ERG_KNOW_AGENCY_KINDS) &&
        !(ev.kinds & ERG_KNOW_OUTLET_KINDS))
        return ERG_OK;
    s->type = ERG_TYPE_OUTLET;
    s->decided = true;
    return ERG_OK;
}

/* 3. An organization word anywhere makes an agency. */
static erg_status rule_org_word(const ctx *c, span *s)
{
    for (size_t j = s->i; j < s->j && !s->decided; j++)
        if (erg_gaz_i_match_after(c->g, ERG_GAZ_ORG, c->text, c->toks, j, s->j))
            s->decided = true;
    return ERG_OK;
}

/* 4. An outlet word at the start: "Radio Farda". */
static erg_status rule_outlet_lead(const ctx *c, span *s)
{
    if (erg_gaz_i_match_after(c->g, ERG_GAZ_LEAD, c->text, c->toks, s->i, s->j) &&
        s->j - s->i > 1) {
        s->type = ERG_TYPE_OUTLET;
        s->decided = true;
    }
    return ERG_OK;
}

/* 5. A listed outlet at the start: "Fox News Sunday", "BBC Radio 4". */
static erg_status rule_outlet_at_start(const ctx *c, span *s)
{
    size_t f = s->i, e = s->j;
    erg_gaz_hit hits[ERG_GAZ_MAX_NAME_TOKENS];
    for (size_t a = f; a < e && a <= f + 1; a++) {
        if (a > f && !(tok_is(c, f, "The") || tok_is(c, f, "the")))
            break;
        size_t nh = erg_gaz_i_names_at(c->g, c->text, c->toks, a, e, hits);
        for (size_t k = 0; k < nh; k++)
            if (!hits[k].ambiguous) {
                s->type = ERG_TYPE_OUTLET;
                s->decided = true;
                return ERG_OK;
            }
    }
    return ERG_OK;
}

/*
 * 6. The knowledge lists: a listed company, body or outlet is that, whatever
 * the context cues below would say ("Apple reported a loss" is no outlet).
 */
static erg_status rule_knowledge_org(const ctx *c, span *s)
{
    /* Weak evidence ("State", "Post": one common word) does not outweigh the context. */
    erg_know_evidence ev = know_evidence(c, s->i, s->j, ERG_CLASS_ORG);
    if (ev.strength != ERG_KNOW_STRONG || !know_overrides(&ev, s->j - s->i, ERG_CLASS_ORG))
        return ERG_OK;
    s->type = know_type(&ev);
    s->decided = true;
    return ERG_OK;
}

/* 7. Context. */
static erg_status rule_outlet_context(const ctx *c, span *s)
{
    if (context_cue(c, s->i, s->j) == CUE_STRONG)
        s->type = ERG_TYPE_OUTLET;
    s->decided = true;
    return ERG_OK;
}

/* ---- SENTENCE rows: the scan for listed names ------------------------------------------- */

#define TOMBSTONE ERG_TYPE_COUNT

/*
 * Finds listed outlet names in the sentence and merges them with the tagged
 * mentions out->items[m0, m1) of the same sentence. New mentions are appended
 * after m1; replaced ones become tombstones.
 */
static erg_status rule_outlet_scan(const ctx *c, span *unused)
{
    (void)unused;
    if (!c->g)
        return ERG_OK;
    erg_mentions *out = c->out;
    size_t m0 = c->m0, m1 = out->n;
    erg_gaz_hit hits[ERG_GAZ_MAX_NAME_TOKENS];
    size_t k = m0;
    size_t i = c->first;
    while (i < c->end) {
        size_t nh = erg_gaz_i_names_at(c->g, c->text, c->toks, i, c->end, hits);
        size_t next = i + 1;
        while (k < m1 && out->items[k].tok_end <= i)
            k++;
        for (size_t hi = nh; hi-- > 0;) {
            size_t a = i, b = i + hits[hi].ntok;
            bool outside = false, has_org = false;
            size_t n_in = 0, exact = SIZE_MAX, widest = SIZE_MAX;
            for (size_t j = k; j < m1 && out->items[j].tok_first < b; j++) {
                const erg_mention *m = &out->items[j];
                if (m->type == TOMBSTONE)
                    continue;
                if (m->tok_first < a || m->tok_end > b) {
                    outside = true;
                    break;
                }
                n_in++;
                has_org |= m->cls == ERG_CLASS_ORG;
                if (m->tok_first == a && m->tok_end == b)
                    exact = j;
                if (widest == SIZE_MAX ||
                    m->tok_end - m->tok_first >
                        out->items[widest].tok_end - out->items[widest].tok_first)
                    widest = j;
            }
            if (outside)
                continue;
            /* The tagger's ORG span on exactly this name was decided already. */
            if (exact != SIZE_MAX && out->items[exact].cls == ERG_CLASS_ORG) {
                next = b;
                break;
            }
            if (glued(c, a, b, hits[hi].ambiguous) || bracketed(c, a, b))
                continue;
            if (hits[hi].ambiguous) {
                /* A weak cue confirms an ambiguous name only after "the": "according
                 * to the Guardian" but not "Sun said" (the computer maker). */
                int cue = context_cue(c, a, b);
                bool the = tok_is(c, a, "The") ||
                           (a > c->first && (tok_is(c, a - 1, "the") || tok_is(c, a - 1, "The")));
                bool ok = has_org || (n_in == 0 && cue == CUE_WEAK && the) || cue == CUE_STRONG;
                if (!ok)
                    continue;
            }
            if (exact != SIZE_MAX) {
                erg_mention *m = &out->items[exact];
                if (m->type != ERG_TYPE_OUTLET)
                    m->rule = ERG_RULE_OUTLET_SCAN;
                m->type = ERG_TYPE_OUTLET;
            } else {
                /* The sentence index is filled in by settle(). */
                erg_mention m = make_mention(c, a, b, ERG_TYPE_OUTLET,
                                             n_in ? out->items[widest].cls : ERG_CLASS_ORG,
                                             ERG_RULE_OUTLET_SCAN);
                if (n_in) {
                    m.tagged_start = out->items[widest].tagged_start;
                    m.tagged_end = out->items[widest].tagged_end;
                }
                for (size_t j = k; j < m1 && out->items[j].tok_first < b; j++)
                    out->items[j].type = TOMBSTONE;
                if (push(out, &m) != ERG_OK)
                    return ERG_ENOMEM;
            }
            next = b;
            break;
        }
        i = next;
    }
    return ERG_OK;
}

/* Drops tombstones from items[m0, n) and sorts that part by start. */
static void settle(erg_mentions *out, size_t m0, uint32_t sentence)
{
    size_t w = m0;
    for (size_t r = m0; r < out->n; r++) {
        if (out->items[r].type == TOMBSTONE)
            continue;
        out->items[r].sentence = sentence;
        out->items[w++] = out->items[r];
    }
    out->n = w;
    /* Insertion sort: the part is short and nearly sorted. */
    for (size_t r = m0 + 1; r < out->n; r++) {
        erg_mention m = out->items[r];
        size_t j = r;
        while (j > m0 && out->items[j - 1].tok_first > m.tok_first) {
            out->items[j] = out->items[j - 1];
            j--;
        }
        out->items[j] = m;
    }
}

/* ---- the table ------------------------------------------------------------------------- */

/*
 * Every rule that changes a mention's span or type after the tagger, in the
 * order it runs. ids are erg_rule values, in table order; a row's id is what
 * the mentions it changed record, its name what `erg extract --explain`
 * prints. The RESOLVE rows are run by the resolver and are here for their
 * names.
 */
static const rule_row rules[] = {
    {ERG_RULE_TAGGER, "tagger", KIND_RESOLVE, NULL},
    {ERG_RULE_MISSED_ORG_OF, "missed-org-of", KIND_GAP, rule_missed_org_of},
    {ERG_RULE_MISSED_EAST_ASIAN, "missed-east-asian-name", KIND_GAP, rule_missed_east_asian},
    {ERG_RULE_TICKER_BRACKET, "ticker-bracket", KIND_SPAN, rule_ticker_bracket},
    {ERG_RULE_FIRM_NAME, "firm-name", KIND_SPAN, rule_firm_name},
    {ERG_RULE_FIRM_LIST, "firm-list", KIND_SPAN, rule_firm_list},
    {ERG_RULE_AND_NAME, "and-name", KIND_SPAN, rule_and_name},
    {ERG_RULE_MEDIA_DESCRIPTOR, "media-descriptor", KIND_SPAN, rule_media_descriptor},
    {ERG_RULE_TITLE_PERSON, "title-person", KIND_SPAN, rule_title_person},
    {ERG_RULE_EAST_ASIAN, "east-asian-name", KIND_SPAN, rule_east_asian},
    {ERG_RULE_PERSON_APPOSITION, "person-apposition", KIND_SPAN, rule_person_apposition},
    {ERG_RULE_KIN_APPOSITION, "kin-apposition", KIND_SPAN, rule_kin_apposition},
    {ERG_RULE_ORG_OF_TAIL, "org-of-tail", KIND_SPAN, rule_org_of_tail},
    {ERG_RULE_ROLE_PHRASE, "role-phrase", KIND_SPAN, rule_role_phrase},
    {ERG_RULE_PERSON_OF_ORG, "person-of-org", KIND_SPAN, rule_person_of_org},
    {ERG_RULE_ROLE_NOUN, "role-noun", KIND_SPAN, rule_role_noun},
    {ERG_RULE_KNOWLEDGE_EXTEND, "knowledge-extend", KIND_SPAN, rule_knowledge_extend},
    {ERG_RULE_KNOWLEDGE, "knowledge", KIND_SPAN, rule_knowledge},
    {ERG_RULE_OUTLET_RUN_ON, "outlet-run-on", KIND_SPAN, rule_outlet_run_on},
    {ERG_RULE_ORGANIZATION, "organization", KIND_SPAN, rule_organization},
    {ERG_RULE_NEWS_COMPOUND, "news-compound", KIND_SPAN, rule_news_compound},
    {ERG_RULE_OUTLET_LIST, "outlet-list", KIND_ORG, rule_outlet_list},
    {ERG_RULE_OUTLET_HEAD, "outlet-head", KIND_ORG, rule_outlet_head},
    {ERG_RULE_ORG_WORD, "org-word", KIND_ORG, rule_org_word},
    {ERG_RULE_OUTLET_LEAD, "outlet-lead", KIND_ORG, rule_outlet_lead},
    {ERG_RULE_OUTLET_AT_START, "outlet-at-start", KIND_ORG, rule_outlet_at_start},
    {ERG_RULE_KNOWLEDGE_ORG, "knowledge-org", KIND_ORG, rule_knowledge_org},
    {ERG_RULE_OUTLET_CONTEXT, "outlet-context", KIND_ORG, rule_outlet_context},
    {ERG_RULE_OUTLET_SCAN, "outlet-scan", KIND_SENTENCE, rule_outlet_scan},
    {ERG_RULE_POSSESSIVE_NAME, "possessive-name", KIND_RESOLVE, NULL},
    {ERG_RULE_NAME_SYLLABLE, "name-syllable", KIND_RESOLVE, NULL},
    {ERG_RULE_EXTEND_TO_ALIAS, "extend-to-alias", KIND_RESOLVE, NULL},
    {ERG_RULE_PARTY_PREFIX, "party-prefix", KIND_RESOLVE, NULL},
    {ERG_RULE_EXTEND_ORG_LEFT, "extend-org-left", KIND_RESOLVE, NULL},
    {ERG_RULE_ALIAS_TYPE, "alias-type", KIND_RESOLVE, NULL},
    {ERG_RULE_MISSED_SURNAME, "missed-surname", KIND_RESOLVE, NULL},
    {ERG_RULE_ENTITY_TYPE, "entity-type", KIND_RESOLVE, NULL},
    {ERG_RULE_DROP_CAPITAL_THE, "drop-capital-the", KIND_RESOLVE, NULL},
};
static const size_t n_rules = sizeof rules / sizeof *rules;

_Static_assert(sizeof rules / sizeof *rules == ERG_RULE_COUNT, "one row per erg_rule");

static size_t rule_table(const rule_row **rows)
{
    *rows = rules;
    return n_rules;
}

const char *erg_typing_rule_name(unsigned id)
{
    return id < n_rules && rules[id].id == (erg_rule)id ? rules[id].name : NULL;
}

erg_status erg_typing_rule_find(const char *name, erg_rule *id)
{
    for (size_t r = 0; name && r < n_rules; r++)
        if (strcmp(rules[r].name, name) == 0) {
            *id = rules[r].id;
            return ERG_OK;
        }
    return ERG_ENOTFOUND;
}

/* ---- the runner ------------------------------------------------------------------------ */

/* Runs the rows of one kind on s, in table order, until one consumes the span. */
static erg_status run_rows(const ctx *c, rule_kind kind, span *s)
{
    for (size_t r = 0; r < n_rules && !s->done; r++) {
        if (rules[r].kind != kind)
            continue;
        erg_status st = rules[r].fn(c, s);
        if (st != ERG_OK)
            return st;
    }
    return ERG_OK;
}

static const erg_type class_type[ERG_CLASS_COUNT] = {ERG_TYPE_PERSON, ERG_TYPE_AGENCY,
                                                     ERG_TYPE_PLACE, ERG_TYPE_MISC};

/* The sentences of erg_ner_mentions, with the document's span index. */
static erg_status mentions_of(const char *text, const erg_doc *doc, const uint8_t *labels,
                              const erg_gazetteer *gaz, const span_key *spans, size_t n_spans,
                              erg_mentions *out, erg_error *err)
{
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const erg_sentence *sent = &doc->sentences[s];
        if (sent->first > sent->end || sent->end > doc->n_tokens)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "sentence %zu covers tokens outside the doc", s);
        ctx c = {spans, n_spans, text,          doc->tokens, sent->first, sent->end,
                 gaz,   labels,  doc->n_tokens, (uint32_t)s, out,         out->n};

        /* Spans: B-X I-X*; an I-X without its B-X starts a span too. */
        for (size_t i = c.first; i < c.end;) {
            uint8_t l = labels[i];
            if (l == ERG_LABEL_O) {
                span g = {i, i,     i,    i, ERG_CLASS_COUNT, ERG_CLASS_COUNT, ERG_TYPE_COUNT,
                          0, false, false};
                if (run_rows(&c, KIND_GAP, &g) != ERG_OK)
                    return erg_error_oom(err);
                i = g.done ? g.j : i + 1;
                continue;
            }
            erg_class tagged = ERG_LABEL_CLASS(l);
            uint8_t inside = (uint8_t)(2 * tagged + 2);
            size_t j = i + 1;
            while (j < c.end && labels[j] == inside)
                j++;
            span sp = {i,     j,    i, j, tagged, tagged, class_type[tagged], ERG_RULE_TAGGER,
                       false, false};
            if (run_rows(&c, KIND_SPAN, &sp) != ERG_OK)
                return erg_error_oom(err);
            if (!sp.done) {
                erg_mention m = make_mention(&c, sp.i, sp.j, sp.type, tagged, sp.rule);
                from_span(&c, &m, &sp);
                if (push(out, &m) != ERG_OK)
                    return erg_error_oom(err);
            }
            /* Lower-case words a row cut from the tagged span's end name no one. */
            for (i = sp.j; i < j && lower_word(&c, i);)
                i++;
        }
        if (gaz) {
            span all = {c.first,         c.end,          c.first, c.first, ERG_CLASS_COUNT,
                        ERG_CLASS_COUNT, ERG_TYPE_COUNT, 0,       false,   false};
            if (run_rows(&c, KIND_SENTENCE, &all) != ERG_OK)
                return erg_error_oom(err);
            settle(out, c.m0, (uint32_t)s);
        }
    }
    return ERG_OK;
}

erg_status erg_ner_mentions(const char *text, const erg_doc *doc, const uint8_t *labels,
                            const erg_gazetteer *gaz, erg_mentions *out, erg_error *err)
{
    out->n = 0;
    for (size_t i = 0; i < doc->n_tokens; i++)
        if (labels[i] >= ERG_LABEL_COUNT)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, (long long)doc->tokens[i].start,
                                 "label %u of token %zu is not an IOB2 label", labels[i], i);
    /* "Is this name tagged elsewhere?" asks an index, not a scan of the document. */
    span_key *spans;
    size_t n_spans;
    if (index_spans(text, doc->tokens, labels, doc->n_tokens, &spans, &n_spans) != ERG_OK)
        return erg_error_oom(err);
    erg_status st = mentions_of(text, doc, labels, gaz, spans, n_spans, out, err);
    free(spans);
    return st;
}
