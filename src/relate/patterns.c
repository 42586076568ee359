/*
 * patterns.c: typed, directed relations found by patterns over the tagged
 * token sequence of one article.
 *
 * The input is what the pipeline already has: tokens and sentences
 * (erg_doc), typed mentions over them (erg_mentions) and the entities the
 * mentions resolved to (erg_local_entities). A pattern is a short walk over
 * tokens from one mention, looking for cue words (cues.c) and another mention
 * of the right type. There are no regular expressions over raw text: names
 * are what the tagger and the resolver said they are, and a pattern never
 * crosses a sentence end, except that a quotation attributed to an outlet
 * ("“...,” Fox News reports. “...”") is followed to its quote marks within
 * the paragraph.
 *
 * Patterns, with the mention they start from:
 *   person  ORG ['s] <title> NAME           "Unification Ministry spokesman Jeong"
 *           NAME, [a|the] <title> of ORG     "Jeong, a spokesman for the Unification Ministry"
 *           NAME, [the] ORG['s] <title>      "Lama Fakih, HRW's deputy director"
 *           NAME, <title>, ORG               "Volesky, commander, Land Component Command"
 *           <title> of ORG, NAME,            "a spokesman for the UN, Rupert Colville, said"
 *           NAME of ORG                      "Kim of the GRB"
 *           NAME [, who] is/was/became ...   "Qanbar was a commander in the navy"
 *           NAME works for / joined / was assigned to / serves in / leads / heads ORG
 *           ORG's NAME said                  "Labour's Paul Flynn said" (the name acts)
 *   agency  ORG[,] [is] led/headed/chaired by NAME
 *   outlet  OUTLET reports/notes/adds/cites/describes/quotes ..., as OUTLET notes,
 *           according to OUTLET, told OUTLET, "...," said OUTLET  (reports, cites)
 *           NAME, quoted/carried/monitored by OUTLET          (reports; cites when NAME
 *                                                              is an outlet)
 *           OUTLET said ... OUTLET2 reported / according to OUTLET2   (cites)
 *           but not the outlet's own staff ("OUTLET correspondent NAME"), nor
 *           "told OUTLET members" (a speech, not an interview), nor a company
 *           with an outlet's name speaking of itself ("Tribune said it ...")
 *   article OUTLET said ... in an article from another outlet: that outlet cites
 *           it (erg_relate_source_cites)
 *   any     X [, has] accused/blamed Y; Y was accused by X   (accuses)
 *
 * Precision comes first: a pattern gives up on coordination ("CIA and FBI
 * spokesman X"), on a possessive after the organization ("spokesman for
 * ORG's office"), and when the organization's name runs into a noun ("ISIL
 * delegation").
 */
#include "relate_private.h"

#include <stdlib.h>
#include <string.h>

typedef struct pctx {
    const char *text;
    const erg_doc *doc;
    const erg_mentions *ms;
    const erg_local_entities *ents;
    unsigned mask;
    int32_t *at;    /* at[t]: the mention covering token t, or -1 */
    int32_t *quote; /* an opening quote's closing token (or the paragraph end), a closing
                       quote's opening token, else -1 */
    erg_relations *out;
    size_t first_out; /* out->n when this article's typed relations began */
    /*
     * The records of this article by hash of (a, b, kind, start, end), open
     * addressing: index into out->items plus one, 0 for an empty slot.
     */
    uint32_t *slots;
    size_t n_slots; /* a power of two, at least twice the records */
    /* stamp[e] == serial: entity e already has a record of the current attribution */
    uint32_t *stamp;
    uint32_t serial;
} pctx;

/* ---- tokens --------------------------------------------------------------- */

static bool w_is(const pctx *c, uint32_t t, const char *w)
{
    const erg_token *tok = &c->doc->tokens[t];
    return relate_word_eq(c->text + tok->start, tok->end - tok->start, w);
}

static bool w_in(const pctx *c, uint32_t t, const char *const *list)
{
    const erg_token *tok = &c->doc->tokens[t];
    return relate_word_in(c->text + tok->start, tok->end - tok->start, list);
}

static bool is_possessive(const pctx *c, uint32_t t)
{
    return w_is(c, t, "'s") || w_is(c, t, "'");
}

/* A lower-case word that is not a name: the kind of token an unknown modifier may be. */
static bool is_lower_word(const pctx *c, uint32_t t)
{
    uint32_t f = c->doc->tokens[t].flags;
    return (f & ERG_TOK_WORD) && !(f & ERG_TOK_UPPER);
}

static bool is_punct(const pctx *c, uint32_t t)
{
    return (c->doc->tokens[t].flags & ERG_TOK_PUNCT) != 0;
}

/* The three-byte curly quotes and the straight one. */
static int quote_kind(const pctx *c, uint32_t t)
{
    const erg_token *tok = &c->doc->tokens[t];
    const char *s = c->text + tok->start;
    size_t n = tok->end - tok->start;
    if (n == 1 && s[0] == '"')
        return '"';
    if (n == 3 && memcmp(s, "\xE2\x80\x9C", 3) == 0)
        return 'o'; /* “ */
    if (n == 3 && memcmp(s, "\xE2\x80\x9D", 3) == 0)
        return 'c'; /* ” */
    if (n == 2 && memcmp(s, "\xC2\xAB", 2) == 0)
        return 'o'; /* « */
    if (n == 2 && memcmp(s, "\xC2\xBB", 2) == 0)
        return 'c'; /* » */
    return 0;
}

static bool is_open_quote(const pctx *c, uint32_t t)
{
    int q = quote_kind(c, t);
    return (q == 'o' || q == '"') && c->quote[t] >= 0 && (uint32_t)c->quote[t] > t;
}

static bool is_close_quote(const pctx *c, uint32_t t)
{
    int q = quote_kind(c, t);
    return (q == 'c' || q == '"') && c->quote[t] >= 0 && (uint32_t)c->quote[t] < t;
}

/* ---- mentions ------------------------------------------------------------- */

static int32_t mention_at(const pctx *c, uint32_t t)
{
    return c->at[t];
}

/* The mention that starts exactly at token t, or -1. */
static int32_t mention_starting(const pctx *c, uint32_t t)
{
    int32_t m = c->at[t];
    return m >= 0 && c->ms->items[m].tok_first == t ? m : -1;
}

/* The mention that ends exactly before token t (covers t - 1), or -1. */
static int32_t mention_ending(const pctx *c, uint32_t t)
{
    if (t == 0)
        return -1;
    int32_t m = c->at[t - 1];
    return m >= 0 && c->ms->items[m].tok_end == t ? m : -1;
}

/* The type of a mention's entity; ERG_TYPE_MISC when it has none. */
static erg_type etype(const pctx *c, int32_t m)
{
    int32_t e = c->ms->items[m].entity;
    return e >= 0 ? c->ents->items[e].type : ERG_TYPE_MISC;
}

static bool is_org(const pctx *c, int32_t m)
{
    erg_type t = etype(c, m);
    return t == ERG_TYPE_AGENCY || t == ERG_TYPE_OUTLET;
}

static uint32_t sen_lo(const pctx *c, uint32_t s)
{
    return c->doc->sentences[s].first;
}

static uint32_t sen_hi(const pctx *c, uint32_t s)
{
    return c->doc->sentences[s].end;
}

/* ---- output --------------------------------------------------------------- */

/* The hash of a record: its ends, kind and byte range. */
static size_t rel_hash(const erg_relation *r)
{
    uint64_t h = 0x9E3779B97F4A7C15u;
    const uint32_t v[5] = {r->a, r->b, (uint32_t)r->kind, r->start, r->end};
    for (size_t i = 0; i < 5; i++) {
        h ^= v[i];
        h *= 0xBF58476D1CE4E5B9u;
        h ^= h >> 31;
    }
    return (size_t)h;
}

static bool same_rel(const erg_relation *x, const erg_relation *y)
{
    return x->a == y->a && x->b == y->b && x->kind == y->kind && x->start == y->start &&
           x->end == y->end;
}

/* Doubles the record hash table (64 slots at first) and puts the records back. */
static erg_status grow_slots(pctx *c)
{
    size_t n = c->n_slots ? 2 * c->n_slots : 64;
    uint32_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return ERG_ENOMEM;
    for (size_t i = c->first_out; i < c->out->n; i++) {
        size_t h = rel_hash(&c->out->items[i]) & (n - 1);
        while (slots[h])
            h = (h + 1) & (n - 1);
        slots[h] = (uint32_t)(i - c->first_out + 1);
    }
    free(c->slots);
    c->slots = slots;
    c->n_slots = n;
    return ERG_OK;
}

static erg_status put(pctx *c, const erg_relation *rel);

/*
 * Adds relation kind from mention ma's entity to mention mb's, with the
 * sentences from s_lo to s_hi as evidence, unless the types do not fit, one
 * side is outside the type mask, both are one entity, or the same record is
 * already there. The record names pattern and carries its score.
 */
static erg_status emit(pctx *c, int32_t ma, int32_t mb, erg_kind kind, uint32_t s_lo, uint32_t s_hi,
                       erg_pattern pattern)
{
    int32_t a = c->ms->items[ma].entity, b = c->ms->items[mb].entity;
    if (a < 0 || b < 0 || a == b)
        return ERG_OK;
    erg_type ta = c->ents->items[a].type, tb = c->ents->items[b].type;
    if (!(c->mask & ERG_TYPE_BIT(ta)) || !(c->mask & ERG_TYPE_BIT(tb)) ||
        !erg_kind_fits(kind, ta, tb))
        return ERG_OK;
    if (s_lo > s_hi) {
        uint32_t x = s_lo;
        s_lo = s_hi;
        s_hi = x;
    }
    erg_relation rel;
    rel.a = (uint32_t)a;
    rel.b = (uint32_t)b;
    rel.kind = kind;
    rel.start = c->doc->tokens[sen_lo(c, s_lo)].start;
    rel.end = c->doc->tokens[sen_hi(c, s_hi) - 1].end;
    rel.wunits = ERG_WEIGHT_UNIT;
    rel.pattern = (uint8_t)pattern;
    rel.score = erg_relate_score(pattern, kind);
    return put(c, &rel);
}

/* Appends record rel unless the same record is already there. */
static erg_status put(pctx *c, const erg_relation *rel)
{
    size_t here = c->out->n - c->first_out;
    if (2 * (here + 1) > c->n_slots && grow_slots(c) != ERG_OK)
        return ERG_ENOMEM;
    size_t mask = c->n_slots - 1;
    for (size_t h = rel_hash(rel) & mask;; h = (h + 1) & mask) {
        if (c->slots[h] == 0) {
            c->slots[h] = (uint32_t)(here + 1);
            break;
        }
        if (same_rel(&c->out->items[c->first_out + c->slots[h] - 1], rel))
            return ERG_OK;
    }
    if (erg_grow((void **)&c->out->items, &c->out->cap, c->out->n + 1, sizeof *c->out->items))
        return ERG_ENOMEM;
    c->out->items[c->out->n++] = *rel;
    return ERG_OK;
}

/* ---- titles --------------------------------------------------------------- */

static size_t phrase_len(const relate_title *p)
{
    size_t n = 0;
    while (n < 3 && p->words[n])
        n++;
    return n;
}

/*
 * The longest title phrase that starts at token t and ends before hi; its
 * role, and *end set past it. RELATE_ROLE_NONE when there is none.
 */
static relate_role title_from(const pctx *c, uint32_t t, uint32_t hi, uint32_t *end)
{
    relate_role best = RELATE_ROLE_NONE;
    size_t best_n = 0;
    for (size_t i = 0; i < relate_titles_n; i++) {
        const relate_title *p = &relate_titles[i];
        size_t n = phrase_len(p);
        if (n <= best_n || t + n > hi)
            continue;
        size_t k = 0;
        while (k < n && w_is(c, t + (uint32_t)k, p->words[k]))
            k++;
        if (k == n) {
            best = p->role;
            best_n = n;
        }
    }
    if (best != RELATE_ROLE_NONE)
        *end = t + (uint32_t)best_n;
    return best;
}

/*
 * The longest title phrase that ends at token t (inclusive) and starts at or
 * after lo; its role, and *first set to its first token.
 */
static relate_role title_to(const pctx *c, uint32_t lo, uint32_t t, uint32_t *first)
{
    relate_role best = RELATE_ROLE_NONE;
    size_t best_n = 0;
    for (size_t i = 0; i < relate_titles_n; i++) {
        const relate_title *p = &relate_titles[i];
        size_t n = phrase_len(p);
        if (n <= best_n || t + 1 < lo + n)
            continue;
        uint32_t s = t + 1 - (uint32_t)n;
        size_t k = 0;
        while (k < n && w_is(c, s + (uint32_t)k, p->words[k]))
            k++;
        if (k == n) {
            best = p->role;
            best_n = n;
        }
    }
    if (best != RELATE_ROLE_NONE)
        *first = t + 1 - (uint32_t)best_n;
    return best;
}

/* A modifier that makes a leader title a lower rank: "deputy", "vice-president". */
static bool is_demoting(const pctx *c, uint32_t t)
{
    const erg_token *tok = &c->doc->tokens[t];
    const char *s = c->text + tok->start;
    size_t n = tok->end - tok->start;
    if (relate_word_in(s, n, relate_demoting_mods))
        return true;
    return (n > 5 && relate_word_eq(s, 5, "vice-")) || (n > 7 && relate_word_eq(s, 7, "deputy-"));
}

/* What a run of title words says. */
typedef struct title_run {
    relate_role role; /* of the head: the last title of the run */
    bool demoted;     /* a demoting modifier ("deputy") in the run */
    bool indefinite;  /* "a"/"an" before the run */
    bool definite;    /* "the" before the run */
} title_run;

/*
 * Reads "[a|an|the] (modifier | title)*" forward from t, stopping before hi.
 * Up to max_unknown other lower-case words that are not grammar words count
 * as modifiers ("an artillery crew chief"). Returns the token after the last
 * title, or t when there is no title; fills run.
 */
static uint32_t scan_titles(const pctx *c, uint32_t t, uint32_t hi, int max_unknown, title_run *run)
{
    memset(run, 0, sizeof *run);
    uint32_t after_head = t;
    if (t < hi && (w_is(c, t, "a") || w_is(c, t, "an"))) {
        run->indefinite = true;
        t++;
    } else if (t < hi && w_is(c, t, "the")) {
        run->definite = true;
        t++;
    }
    int unknown = 0;
    uint32_t unknown_at = UINT32_MAX;
    while (t < hi && mention_at(c, t) < 0) {
        uint32_t end;
        relate_role r = title_from(c, t, hi, &end);
        if (r != RELATE_ROLE_NONE) {
            /* "legislative director of X" heads a department of X */
            if (r == RELATE_ROLE_LEAD && unknown_at + 1 == t && end == t + 1 &&
                w_in(c, t, relate_department_titles))
                run->demoted = true;
            run->role = r;
            t = end;
            after_head = end;
            continue;
        }
        if (is_demoting(c, t)) {
            run->demoted = true;
            t++;
        } else if (w_in(c, t, relate_title_mods)) {
            t++;
        } else if (unknown < max_unknown && is_lower_word(c, t) &&
                   !w_in(c, t, relate_function_words)) {
            unknown++;
            unknown_at = t++;
        } else {
            break;
        }
    }
    if (run->role == RELATE_ROLE_NONE)
        return t;
    return after_head;
}

/*
 * The relation a title gives with the preposition at token p (or with no
 * preposition when p is UINT32_MAX, as in "ORG spokesman NAME"), or
 * ERG_KIND_CO_MENTION when it gives none.
 */
static erg_kind kind_of(const pctx *c, const title_run *run, uint32_t p)
{
    bool none = p == UINT32_MAX;
    bool of_for = !none && (w_is(c, p, "of") || w_is(c, p, "for"));
    bool in_at = !none && (w_is(c, p, "in") || w_is(c, p, "at") || w_is(c, p, "with"));
    bool from = !none && w_is(c, p, "from");
    switch (run->role) {
    case RELATE_ROLE_SPOKES:
        return none || of_for || from || w_is(c, p, "at") ? ERG_KIND_SPOKESPERSON_FOR
                                                          : ERG_KIND_CO_MENTION;
    case RELATE_ROLE_LEAD:
        if (none || of_for)
            return run->demoted || run->indefinite ? ERG_KIND_MEMBER_OF : ERG_KIND_LEADS;
        return in_at ? ERG_KIND_MEMBER_OF : ERG_KIND_CO_MENTION;
    case RELATE_ROLE_COMMAND:
        if (of_for)
            return run->demoted || run->indefinite ? ERG_KIND_MEMBER_OF : ERG_KIND_LEADS;
        return none || in_at ? ERG_KIND_MEMBER_OF : ERG_KIND_CO_MENTION;
    case RELATE_ROLE_MEMBER:
    case RELATE_ROLE_RANK:
        /* "the member for Vela West" names a constituency. */
        if (!none && p > 0 && w_is(c, p, "for") && w_in(c, p - 1, relate_constituency_titles))
            return ERG_KIND_CO_MENTION;
        return none || of_for || in_at || from ? ERG_KIND_MEMBER_OF : ERG_KIND_CO_MENTION;
    case RELATE_ROLE_NONE:
        break;
    }
    return ERG_KIND_CO_MENTION;
}

/*
 * The titles at the start of a person mention ("Lt. Gen. Stephen Townsend",
 * as some annotations and taggers include them). Returns the first token of
 * the name proper; fills run. A mention that is all titles has no name.
 */
static uint32_t inner_titles(const pctx *c, int32_t pm, title_run *run)
{
    const erg_mention *p = &c->ms->items[pm];
    memset(run, 0, sizeof *run);
    uint32_t t = p->tok_first;
    while (t + 1 < p->tok_end) {
        uint32_t end;
        relate_role r = title_from(c, t, p->tok_end - 1, &end);
        if (r != RELATE_ROLE_NONE) {
            run->role = r;
            t = end;
        } else if (is_demoting(c, t)) {
            run->demoted = true;
            t++;
        } else if (w_in(c, t, relate_title_mods) || w_is(c, t, "the")) {
            t++;
        } else {
            break;
        }
    }
    return t;
}

/* ---- organization objects ------------------------------------------------ */

/*
 * Whether the organization mention om ends a noun phrase at sentence end hi:
 * what follows is punctuation (not a possessive), a grammar word, or
 * nothing, and not a coordination with another name ("GRB and the army").
 */
static bool org_ends_phrase(const pctx *c, int32_t om, uint32_t hi)
{
    uint32_t t = c->ms->items[om].tok_end;
    if (t >= hi)
        return true;
    if (is_possessive(c, t))
        return false;
    if (w_in(c, t, relate_coordinators)) {
        uint32_t u = t + 1;
        if (u < hi && w_is(c, u, "the"))
            u++;
        return !(u < hi && mention_at(c, u) >= 0);
    }
    if (is_punct(c, t))
        return true;
    /* "US Secretary of State", "Government of Iraq": the name goes on. */
    if (mention_at(c, t) >= 0 || w_is(c, t, "of"))
        return false;
    if (w_in(c, t, relate_function_words) || w_in(c, t, relate_aux_words) ||
        w_in(c, t, relate_report_verbs))
        return true;
    /* A past-tense verb or an adverb ("the GRB defected", "the GRB recently"), not a noun. */
    const erg_token *tok = &c->doc->tokens[t];
    size_t n = tok->end - tok->start;
    const char *w = c->text + tok->start;
    return is_lower_word(c, t) && n > 3 &&
           (memcmp(w + n - 2, "ed", 2) == 0 || memcmp(w + n - 2, "ly", 2) == 0);
}

/*
 * The organization mention at t (its name may begin with "the" or follow
 * it) that ends its noun phrase; through a possessive owner ("the ISIL's
 * War Committee", "Iraq's National Symphony Orchestra") to the organization
 * owned. -1 when there is none.
 */
static int32_t org_after(const pctx *c, uint32_t t, uint32_t hi)
{
    int32_t m = t < hi ? mention_starting(c, t) : -1;
    if (m < 0 && t < hi && w_is(c, t, "the"))
        m = t + 1 < hi ? mention_starting(c, t + 1) : -1;
    if (m < 0)
        return -1;
    uint32_t e = c->ms->items[m].tok_end;
    erg_type mt = etype(c, m);
    if (e + 1 < hi && is_possessive(c, e) &&
        (mt == ERG_TYPE_AGENCY || mt == ERG_TYPE_OUTLET || mt == ERG_TYPE_PLACE)) {
        int32_t owned = mention_starting(c, e + 1);
        return owned >= 0 && is_org(c, owned) && org_ends_phrase(c, owned, hi) ? owned : -1;
    }
    return is_org(c, m) && org_ends_phrase(c, m, hi) ? m : -1;
}

/*
 * Whether the organization mention om is coordinated with an organization
 * before it: "the CIA and FBI spokesman" (but not "Ri and GRB Director Kim").
 */
static bool org_coordinated_before(const pctx *c, int32_t om, uint32_t lo)
{
    uint32_t t = c->ms->items[om].tok_first;
    if (t > lo && w_is(c, t - 1, "the"))
        t--;
    if (!(t > lo + 1 && w_in(c, t - 1, relate_coordinators)))
        return false;
    int32_t before = mention_ending(c, t - 1);
    return before >= 0 && is_org(c, before);
}

/* ---- person patterns ------------------------------------------------------ */

/*
 * Whether token t (just after a name) closes an apposition: the sentence
 * ends, or a comma, bracket or full stop follows that does not lead into a
 * list ("the head of the GRB, Kim, and Park" may be three people).
 */
static bool apposition_closes(const pctx *c, uint32_t t, uint32_t hi)
{
    if (t >= hi)
        return true;
    if (w_is(c, t, ","))
        return !(t + 1 < hi && w_in(c, t + 1, relate_coordinators));
    return w_is(c, t, ")") || w_is(c, t, ".");
}

/*
 * Whether person mention pm speaks or acts in its sentence [lo, hi): a
 * reporting verb, "told", an auxiliary or an "-ed" verb right after it, or,
 * when the name ends the clause, a reporting verb before the organization
 * that owns it ("said Hutton's Phillippi.").
 */
static bool acts(const pctx *c, int32_t pm, uint32_t lo, uint32_t hi)
{
    const erg_mention *p = &c->ms->items[pm];
    uint32_t t = p->tok_end;
    if (t < hi && mention_at(c, t) < 0 && is_lower_word(c, t)) {
        const erg_token *tok = &c->doc->tokens[t];
        size_t n = tok->end - tok->start;
        if (w_in(c, t, relate_report_verbs) || w_is(c, t, "told") || w_in(c, t, relate_aux_words) ||
            (n > 3 && memcmp(c->text + tok->start + n - 2, "ed", 2) == 0))
            return true;
    }
    /* Inverted, the name ends the clause: back over "ORG's" to the word before it. */
    if (t < hi && !is_punct(c, t))
        return false;
    uint32_t u = p->tok_first;
    if (u > lo && is_possessive(c, u - 1))
        u--;
    int32_t om = mention_ending(c, u);
    if (om >= 0)
        u = c->ms->items[om].tok_first;
    if (u > lo && w_is(c, u - 1, "the"))
        u--;
    return u > lo && (w_in(c, u - 1, relate_report_verbs) || w_is(c, u - 1, "told"));
}

/*
 * "ORG ['s] <title> NAME": "Unification Ministry spokesman Jeong Joon-hee",
 * "the GRB's Colonel Kim", "Royal Jordanian Air Force lieutenant X", and with
 * a comma for an apposition: "The Task Force Commander, Lt. Gen. X, said".
 *
 * Read leftwards from the name: ranks that are part of it ("Lt. Gen."), an
 * optional comma, then the job title next to the organization, whose last
 * title word is its head ("chief spokesman"). The job tells the relation;
 * without one the rank does, and without either a title inside the person
 * mention ("Director Kim").
 */
static erg_status p_title_before(pctx *c, int32_t pm, uint32_t lo, uint32_t hi)
{
    const erg_mention *p = &c->ms->items[pm];
    title_run inner, job;
    uint32_t name = inner_titles(c, pm, &inner);
    if (name >= p->tok_end)
        return ERG_OK;
    memset(&job, 0, sizeof job);
    uint32_t t = p->tok_first; /* scanning leftwards: t is one past the next token to read */
    uint32_t first;
    bool rank = false;
    while (t > lo && mention_at(c, t - 1) < 0) {
        if (title_to(c, lo, t - 1, &first) == RELATE_ROLE_RANK) {
            rank = true;
            t = first;
        } else if (rank && w_in(c, t - 1, relate_title_mods) && !is_demoting(c, t - 1)) {
            t--; /* "Staff Sgt.", "Rear Adm." */
        } else {
            break;
        }
    }
    bool comma = false;
    if (t > lo && w_is(c, t - 1, ",")) {
        /* Only a full apposition: the name is followed by a comma, a bracket or the end. */
        if (!apposition_closes(c, p->tok_end, hi))
            return ERG_OK;
        comma = true;
        t--;
    }
    while (t > lo && mention_at(c, t - 1) < 0) {
        relate_role r = title_to(c, lo, t - 1, &first);
        if (r != RELATE_ROLE_NONE) {
            if (job.role == RELATE_ROLE_NONE)
                job.role = r;
            t = first;
        } else if (is_demoting(c, t - 1)) {
            job.demoted = true;
            t--;
        } else if (w_in(c, t - 1, relate_title_mods)) {
            t--;
        } else {
            break;
        }
    }
    if (comma && job.role == RELATE_ROLE_NONE)
        return ERG_OK;
    /*
     * "Labour's Gordon Brown said": the organization's possessive right
     * before a name that speaks or acts. Without that it is as often a unit
     * or a product: "Textron's Avco Lycoming subsidiary", "Warner-Lambert's
     * Benadryl capsules".
     */
    bool owned = t == p->tok_first && t > lo && is_possessive(c, t - 1) && acts(c, pm, lo, hi);
    if (t > lo && is_possessive(c, t - 1))
        t--;
    /* A title that opens the sentence has no organization before it ("... Group
     * Inc." may end the sentence before, its last token the dot). */
    int32_t om = t > lo ? mention_ending(c, t) : -1;
    if (om < 0 || !is_org(c, om) || org_coordinated_before(c, om, lo))
        return ERG_OK;
    title_run run = inner;
    if (job.role != RELATE_ROLE_NONE)
        run = job;
    else if (rank)
        run.role = RELATE_ROLE_RANK;
    erg_pattern pattern = ERG_PATTERN_TITLE_BEFORE;
    if (run.role == RELATE_ROLE_NONE && owned) {
        run.role = RELATE_ROLE_MEMBER;
        pattern = ERG_PATTERN_POSSESSIVE;
    }
    if (run.role == RELATE_ROLE_NONE)
        return ERG_OK;
    run.demoted = job.demoted || inner.demoted;
    uint32_t d = c->ms->items[om].tok_first;
    if (d > lo && (w_is(c, d - 1, "a") || w_is(c, d - 1, "an")))
        run.indefinite = true;
    erg_kind k;
    if (run.role == RELATE_ROLE_COMMAND && comma && !run.indefinite && !run.demoted)
        k = ERG_KIND_LEADS; /* "The Task Force Commander, X," names the commander */
    else
        k = kind_of(c, &run, UINT32_MAX);
    if (k == ERG_KIND_CO_MENTION)
        return ERG_OK;
    return emit(c, pm, om, k, p->sentence, p->sentence, pattern);
}

/*
 * From token t after a person (after its comma, or after "is"/"was"):
 * "[a|the] <title> of|for|in|at|with the? ORG" or "[a|the] ORG ['s] <title>".
 * max_unknown lower-case words may sit among the titles. In an apposition
 * (after a comma) the organization must end it.
 */
static erg_status role_phrase(pctx *c, int32_t pm, uint32_t t, uint32_t hi, int max_unknown,
                              bool apposition, erg_pattern pattern, bool *found)
{
    const erg_mention *p = &c->ms->items[pm];
    title_run run;
    *found = false;
    uint32_t u = scan_titles(c, t, hi, max_unknown, &run);
    if (run.role != RELATE_ROLE_NONE && u < hi) {
        erg_kind k = kind_of(c, &run, u);
        int32_t om = k != ERG_KIND_CO_MENTION ? org_after(c, u + 1, hi) : -1;
        /*
         * An apposition ends with the organization ("Kim, a colonel in the
         * GRB, said"); a verb after it means the comma began a clause:
         * "According to Rathbun, a detective for the office was provided ...".
         */
        if (om >= 0 && apposition && c->ms->items[om].tok_end < hi &&
            !is_punct(c, c->ms->items[om].tok_end))
            return ERG_OK;
        if (om >= 0) {
            *found = true;
            return emit(c, pm, om, k, p->sentence, p->sentence, pattern);
        }
        return ERG_OK;
    }
    /* "[a|the] ORG ['s] <title>" ending the phrase: "Jeong, the ministry's spokesman". */
    uint32_t v = t;
    bool indefinite = false, demoted = false;
    if (v < hi && (w_is(c, v, "a") || w_is(c, v, "an"))) {
        indefinite = true;
        v++;
    } else if (v < hi && w_is(c, v, "the")) {
        v++;
    }
    while (v < hi && mention_at(c, v) < 0 && w_in(c, v, relate_title_mods)) {
        demoted = demoted || is_demoting(c, v);
        v++;
    }
    if (v >= hi)
        return ERG_OK;
    int32_t om = mention_starting(c, v);
    if (om < 0 || !is_org(c, om))
        return ERG_OK;
    v = c->ms->items[om].tok_end;
    if (v < hi && is_possessive(c, v))
        v++;
    /* Names of places and nationalities may qualify the title: "HRW's deputy Middle East director".
     */
    uint32_t w = v;
    int unknown = 0;
    title_run r2;
    memset(&r2, 0, sizeof r2);
    r2.demoted = demoted;
    uint32_t after = v;
    while (w < hi) {
        int32_t m = mention_starting(c, w);
        uint32_t end;
        relate_role r;
        if (m >= 0) {
            erg_type mt = etype(c, m);
            if (mt != ERG_TYPE_PLACE && mt != ERG_TYPE_MISC)
                break;
            w = c->ms->items[m].tok_end;
        } else if ((r = title_from(c, w, hi, &end)) != RELATE_ROLE_NONE) {
            r2.role = r;
            w = end;
            after = end;
        } else if (is_demoting(c, w)) {
            r2.demoted = true;
            w++;
        } else if (w_in(c, w, relate_title_mods)) {
            w++;
        } else if (unknown < 1 && is_lower_word(c, w) && !w_in(c, w, relate_function_words)) {
            unknown++; /* "an ISIL gang leader" */
            w++;
        } else {
            break;
        }
    }
    if (r2.role == RELATE_ROLE_NONE)
        return ERG_OK;
    /* The title must end the phrase, not name someone else: "the ministry's spokesman Park". */
    if (after < hi &&
        (mention_at(c, after) >= 0 || (!is_punct(c, after) && !is_lower_word(c, after))))
        return ERG_OK;
    /*
     * "talks with NAME, a ministry spokesman said" is no apposition: the
     * spokesman is another, unnamed person, and NAME, after a word of the
     * clause, is in what he said. ("...," NAME, a bank analyst said" is.)
     */
    if (apposition && indefinite && after < hi &&
        (w_in(c, after, relate_report_verbs) || w_is(c, after, "told")) && p->tok_first > 0 &&
        !is_punct(c, p->tok_first - 1))
        return ERG_OK;
    /* A head whose scope follows heads a part: "the party's leader in the Lords". */
    if (after < hi && (w_is(c, after, "in") || w_is(c, after, "of") || w_is(c, after, "for") ||
                       w_is(c, after, "at")))
        r2.demoted = true;
    r2.indefinite = indefinite;
    erg_kind k = kind_of(c, &r2, UINT32_MAX);
    if (r2.role == RELATE_ROLE_COMMAND && !indefinite && !r2.demoted)
        k = ERG_KIND_LEADS; /* "X, the ISIL commander," is the commander, set off by commas */
    if (k == ERG_KIND_CO_MENTION)
        return ERG_OK;
    *found = true;
    return emit(c, pm, om, k, p->sentence, p->sentence, pattern);
}

/*
 * After the name: "NAME of ORG", "NAME, a spokesman for ORG", "NAME, ORG's
 * director", "NAME, commander, ORG".
 */
static erg_status p_apposition(pctx *c, int32_t pm, uint32_t hi)
{
    const erg_mention *p = &c->ms->items[pm];
    uint32_t t = p->tok_end;
    if (t >= hi)
        return ERG_OK;
    if (w_is(c, t, "of")) {
        int32_t om = org_after(c, t + 1, hi);
        /* "free Icahn of TWA": the "of" is the verb's */
        if (om < 0 || (p->tok_first > 0 && w_in(c, p->tok_first - 1, relate_of_object_verbs)))
            return ERG_OK;
        title_run inner;
        inner_titles(c, pm, &inner);
        erg_kind k = ERG_KIND_MEMBER_OF;
        if (inner.role == RELATE_ROLE_SPOKES)
            k = ERG_KIND_SPOKESPERSON_FOR;
        else if (inner.role == RELATE_ROLE_LEAD && !inner.demoted)
            k = ERG_KIND_LEADS;
        return emit(c, pm, om, k, p->sentence, p->sentence, ERG_PATTERN_NAME_OF);
    }
    if (!w_is(c, t, ",") && !w_is(c, t, "("))
        return ERG_OK;
    t++;
    bool found;
    erg_status st = role_phrase(c, pm, t, hi, 2, true, ERG_PATTERN_APPOSITION, &found);
    if (st != ERG_OK || found)
        return st;
    /* "NAME, <title>, ORG" (military style): only for agencies, ending the phrase. */
    title_run run;
    uint32_t u = scan_titles(c, t, hi, 0, &run);
    if (run.role == RELATE_ROLE_NONE || run.indefinite || u + 1 >= hi || !w_is(c, u, ","))
        return ERG_OK;
    int32_t om = mention_starting(c, u + 1);
    if (om < 0 || etype(c, om) != ERG_TYPE_AGENCY)
        return ERG_OK;
    if (!org_ends_phrase(c, om, hi))
        return ERG_OK;
    erg_kind k = kind_of(c, &run, UINT32_MAX);
    if (run.role == RELATE_ROLE_COMMAND && !run.demoted)
        k = ERG_KIND_LEADS;
    if (k == ERG_KIND_CO_MENTION)
        return ERG_OK;
    return emit(c, pm, om, k, p->sentence, p->sentence, ERG_PATTERN_APPOSITION_ORG);
}

/* "[a|the] <title> of|for|in ORG, NAME,": "A spokesman for the UN, Rupert Colville, told". */
static erg_status p_title_first(pctx *c, int32_t pm, uint32_t lo, uint32_t hi)
{
    const erg_mention *p = &c->ms->items[pm];
    uint32_t t = p->tok_first;
    if (t < lo + 4 || !w_is(c, t - 1, ","))
        return ERG_OK;
    uint32_t after = p->tok_end;
    if (!(apposition_closes(c, after, hi) || (is_lower_word(c, after) && mention_at(c, after) < 0)))
        return ERG_OK;
    int32_t om = mention_ending(c, t - 1);
    if (om < 0 || !is_org(c, om) || org_coordinated_before(c, om, lo))
        return ERG_OK;
    uint32_t u = c->ms->items[om].tok_first;
    if (u > lo && w_is(c, u - 1, "the"))
        u--;
    if (u <= lo + 1)
        return ERG_OK;
    uint32_t prep = u - 1;
    /* The title phrase ends right before the preposition; read back to its start. */
    uint32_t first;
    relate_role r = title_to(c, lo, prep - 1, &first);
    if (r == RELATE_ROLE_NONE)
        return ERG_OK;
    title_run run;
    memset(&run, 0, sizeof run);
    run.role = r;
    uint32_t s = first;
    while (s > lo && mention_at(c, s - 1) < 0) {
        uint32_t f2;
        if (title_to(c, lo, s - 1, &f2) != RELATE_ROLE_NONE) {
            s = f2;
        } else if (is_demoting(c, s - 1)) {
            run.demoted = true;
            s--;
        } else if (w_in(c, s - 1, relate_title_mods)) {
            s--;
        } else {
            break;
        }
    }
    if (s > lo && (w_is(c, s - 1, "a") || w_is(c, s - 1, "an")))
        run.indefinite = true;
    erg_kind k = kind_of(c, &run, prep);
    if (k == ERG_KIND_CO_MENTION)
        return ERG_OK;
    return emit(c, pm, om, k, p->sentence, p->sentence, ERG_PATTERN_TITLE_FIRST);
}

/* Member and leader verbs, each with the preposition it needs (NULL: a direct object). */
typedef struct verb_cue {
    const char *verb;
    const char *prep;
    erg_kind kind;
} verb_cue;

/* data/relate_verbs.tsv: verb_cues[]; the "result" rows of data/outlet_cues.txt: result_words[]. */
#include "relate_verbs.h"

/*
 * The verb phrase at t after a person: "[is|was|has ...] <verb> ...". Sets
 * *found when it names a relation.
 */
static erg_status verbal_from(pctx *c, int32_t pm, uint32_t t, uint32_t hi, bool *found)
{
    const erg_mention *p = &c->ms->items[pm];
    *found = false;
    bool copula = false;
    while (t < hi && w_in(c, t, relate_aux_words)) {
        if (w_in(c, t, relate_copula_verbs))
            copula = true;
        t++;
    }
    if (t >= hi)
        return ERG_OK;
    if (w_in(c, t, relate_copula_verbs)) {
        copula = true;
        t++;
        if (t < hi && w_is(c, t, "as"))
            t++;
    } else if (t + 1 < hi && w_is(c, t + 1, "as") && w_in(c, t, relate_as_verbs)) {
        copula = true;
        t += 2;
    }
    if (copula) {
        if (t + 2 < hi && w_is(c, t, "in") && w_is(c, t + 1, "charge") && w_is(c, t + 2, "of")) {
            int32_t om = org_after(c, t + 3, hi);
            if (om < 0)
                return ERG_OK;
            *found = true;
            return emit(c, pm, om, ERG_KIND_LEADS, p->sentence, p->sentence, ERG_PATTERN_COPULA);
        }
        erg_status st = role_phrase(c, pm, t, hi, 1, false, ERG_PATTERN_COPULA, found);
        if (st != ERG_OK || *found)
            return st;
    }
    for (size_t i = 0; i < sizeof verb_cues / sizeof verb_cues[0]; i++) {
        const verb_cue *v = &verb_cues[i];
        if (!w_is(c, t, v->verb))
            continue;
        uint32_t u = t + 1;
        if (v->prep) {
            if (u >= hi || !w_is(c, u, v->prep))
                continue;
            u++;
        }
        int32_t om = org_after(c, u, hi);
        if (om >= 0) {
            *found = true;
            return emit(c, pm, om, v->kind, p->sentence, p->sentence, ERG_PATTERN_VERB);
        }
    }
    return ERG_OK;
}

/*
 * "NAME [, who] [is|was|has ...] <verb> ...": "Qanbar was a commander in the
 * navy", "Kim, who worked for the GRB", "Booker was assigned to 2nd
 * Battalion", "Park heads Minjoo", "Kim is in charge of the GRB"; and past a
 * relative clause: "Dayton, who was supporting X, was assigned to Y".
 */
static erg_status p_verbal(pctx *c, int32_t pm, uint32_t hi)
{
    const erg_mention *p = &c->ms->items[pm];
    uint32_t t = p->tok_end;
    bool found = false;
    bool clause = t + 1 < hi && w_is(c, t, ",") && w_is(c, t + 1, "who");
    if (clause)
        t += 2;
    else if (t < hi && w_is(c, t, "who"))
        t++;
    erg_status st = verbal_from(c, pm, t, hi, &found);
    if (st != ERG_OK || found || !clause)
        return st;
    /* The clause ends at the next comma; another person inside it could be the subject. */
    for (uint32_t u = t; u < hi && u < t + 30; u++) {
        int32_t m = mention_at(c, u);
        if (m >= 0 && etype(c, m) == ERG_TYPE_PERSON)
            return ERG_OK;
        if (quote_kind(c, u))
            return ERG_OK;
        if (w_is(c, u, ","))
            return verbal_from(c, pm, u + 1, hi, &found);
    }
    return ERG_OK;
}

/* "ORG[,] [is currently] led|headed|chaired|commanded|run by NAME". */
static erg_status p_led_by(pctx *c, int32_t om, uint32_t hi)
{
    const erg_mention *o = &c->ms->items[om];
    uint32_t t = o->tok_end;
    if (t < hi && w_is(c, t, ","))
        t++;
    while (t < hi && w_in(c, t, relate_aux_words))
        t++;
    if (t + 2 >= hi || !w_is(c, t + 1, "by"))
        return ERG_OK;
    if (!(w_is(c, t, "led") || w_is(c, t, "headed") || w_is(c, t, "chaired") ||
          w_is(c, t, "commanded") || w_is(c, t, "run")))
        return ERG_OK;
    int32_t pm = mention_starting(c, t + 2);
    if (pm < 0 || etype(c, pm) != ERG_TYPE_PERSON)
        return ERG_OK;
    return emit(c, pm, om, ERG_KIND_LEADS, o->sentence, o->sentence, ERG_PATTERN_LED_BY);
}

/* ---- accusations ---------------------------------------------------------- */

/*
 * The accused after an accusing verb at t: the first name within a few filler
 * words ("accused the government of conservative President Park Geun-hye of").
 * A name followed by a possessive counts only for its government ("accused
 * Park's government"). Returns -1 when there is none.
 */
static int32_t accused_after(const pctx *c, uint32_t t, uint32_t hi)
{
    for (int n = 0; t < hi && n < 8; n++) {
        int32_t m = mention_starting(c, t);
        if (m >= 0) {
            if (c->ms->items[m].entity < 0)
                return -1;
            uint32_t e = c->ms->items[m].tok_end;
            if (e < hi && is_possessive(c, e))
                return e + 1 < hi && w_in(c, e + 1, relate_government_words) ? m : -1;
            return m;
        }
        if (!w_in(c, t, relate_accuse_fillers))
            return -1;
        t++;
    }
    return -1;
}

/* "X [, has] accused|blamed Y", "the party, Minjoo, has accused ... Park". */
static erg_status p_accuses(pctx *c, int32_t sm, uint32_t lo, uint32_t hi)
{
    const erg_mention *s = &c->ms->items[sm];
    if (s->entity < 0)
        return ERG_OK;
    uint32_t b = s->tok_first;
    if (b > lo && w_is(c, b - 1, "the"))
        b--;
    if (b > lo && w_in(c, b - 1, relate_subject_blockers))
        return ERG_OK;
    uint32_t t = s->tok_end;
    if (t < hi && w_is(c, t, ",")) {
        /* Only an apposition set off on both sides: "the party, Minjoo, has accused". */
        if (!(s->tok_first > lo && w_is(c, s->tok_first - 1, ",")))
            return ERG_OK;
        t++;
        if (!(t < hi && (w_is(c, t, "has") || w_is(c, t, "have") || w_is(c, t, "had"))))
            return ERG_OK;
    }
    while (t < hi && w_in(c, t, relate_accuse_adverbs))
        t++;
    if (t >= hi || !w_in(c, t, relate_accuse_verbs))
        return ERG_OK;
    int32_t om = accused_after(c, t + 1, hi);
    if (om < 0)
        return ERG_OK;
    return emit(c, sm, om, ERG_KIND_ACCUSES, s->sentence, s->sentence, ERG_PATTERN_ACCUSES);
}

/* "Y has been accused|blamed by X". */
static erg_status p_accused_by(pctx *c, int32_t om, uint32_t hi)
{
    const erg_mention *o = &c->ms->items[om];
    uint32_t t = o->tok_end;
    int aux = 0;
    while (t < hi && (w_is(c, t, "has") || w_is(c, t, "have") || w_is(c, t, "had") ||
                      w_is(c, t, "been") || w_is(c, t, "was") || w_is(c, t, "were") ||
                      w_is(c, t, "is") || w_is(c, t, "are") || w_is(c, t, "being"))) {
        t++;
        aux++;
    }
    if (aux == 0 || t + 2 >= hi || !(w_is(c, t, "accused") || w_is(c, t, "blamed")) ||
        !w_is(c, t + 1, "by"))
        return ERG_OK;
    t += 2;
    if (t < hi && w_is(c, t, "the"))
        t++;
    int32_t sm = t < hi ? mention_starting(c, t) : -1;
    if (sm < 0)
        return ERG_OK;
    return emit(c, sm, om, ERG_KIND_ACCUSES, o->sentence, o->sentence, ERG_PATTERN_ACCUSED_BY);
}

/* ---- outlets -------------------------------------------------------------- */

/*
 * Skips forward over words and names that may stand between a citing verb
 * and the cited outlet ("quotes South Korea's Yonhap news agency"); returns
 * the first outlet mention reached, or -1.
 */
static int32_t outlet_after(const pctx *c, uint32_t t, uint32_t hi)
{
    for (int n = 0; t < hi && n < 8; n++) {
        int32_t m = mention_starting(c, t);
        if (m >= 0) {
            erg_type mt = etype(c, m);
            if (mt == ERG_TYPE_OUTLET)
                return m;
            if (mt != ERG_TYPE_PLACE && mt != ERG_TYPE_MISC)
                return -1;
            t = c->ms->items[m].tok_end;
            continue;
        }
        if (!(is_possessive(c, t) || w_in(c, t, relate_outlet_fillers)))
            return -1;
        t++;
    }
    return -1;
}

/*
 * The outlet mention that ends right before the comma at token t, after
 * skipping back over outlet fillers and places ("an interview with the
 * weekly Gazette in Tarnow, carried by ..."), or -1.
 */
static int32_t relayed_name(const pctx *c, uint32_t t, uint32_t lo)
{
    for (int n = 0; t > lo && n < 4; n++) {
        int32_t m = mention_ending(c, t);
        if (m >= 0) {
            if (etype(c, m) == ERG_TYPE_OUTLET)
                return m;
            if (etype(c, m) != ERG_TYPE_PLACE)
                return -1;
            t = c->ms->items[m].tok_first;
            if (t > lo && w_is(c, t - 1, "in"))
                t--;
            continue;
        }
        if (!w_in(c, t - 1, relate_outlet_fillers))
            return -1;
        t--;
    }
    return -1;
}

/* Whether token t may stand in a staff phrase between an outlet and a name. */
static bool staff_word(const pctx *c, uint32_t t, bool *role)
{
    if (w_in(c, t, relate_journalism_roles)) {
        *role = true;
        return true;
    }
    return is_possessive(c, t) || (is_lower_word(c, t) && !w_in(c, t, relate_report_verbs) &&
                                   !w_is(c, t, "told") && !w_in(c, t, relate_coordinators));
}

/*
 * Whether person mention pm is named as staff of outlet mention om's entity
 * by a journalism role: "Radio Vela labour affairs correspondent NAME", "the
 * Gazette's political editor, NAME", "NAME, a columnist for the Gazette",
 * "NAME, the Gazette's editor", and the host of a programme ("Radio Vela's
 * Sunday with NAME"). Places may stand between ("Vela Moscow bureau chief
 * NAME"). An outlet does not report its own staff.
 */
static bool is_staff(const pctx *c, int32_t om, int32_t pm, uint32_t lo, uint32_t hi)
{
    int32_t oe = c->ms->items[om].entity;
    const erg_mention *p = &c->ms->items[pm];
    bool role = false;
    /* Before the name. */
    uint32_t t = p->tok_first;
    if (t > lo && w_is(c, t - 1, ","))
        t--;
    for (int n = 0; t > lo && n < 6; n++) {
        int32_t m = mention_ending(c, t);
        if (m >= 0) {
            if (role && c->ms->items[m].entity == oe)
                return true;
            if (etype(c, m) != ERG_TYPE_PLACE)
                break;
            t = c->ms->items[m].tok_first;
            continue;
        }
        if (!staff_word(c, t - 1, &role))
            break;
        t--;
    }
    /* A programme "with" its host: "Radio Vela's Sunday with NAME". */
    t = p->tok_first;
    if (t > lo + 2 && w_is(c, t - 1, "with")) {
        t--;
        for (int n = 0; t > lo && n < 4 && mention_at(c, t - 1) < 0 &&
                        (c->doc->tokens[t - 1].flags & ERG_TOK_UPPER);
             n++)
            t--;
        int32_t m = t > lo + 1 && t < p->tok_first - 1 && is_possessive(c, t - 1)
                        ? mention_ending(c, t - 1)
                        : -1;
        if (m >= 0 && c->ms->items[m].entity == oe)
            return true;
    }
    /* A programme named after its host: "Radio Vela's NAME programme". */
    t = p->tok_first;
    if (p->tok_end < hi && w_in(c, p->tok_end, relate_programme_nouns) && t > lo + 1 &&
        is_possessive(c, t - 1)) {
        int32_t m = mention_ending(c, t - 1);
        if (m >= 0 && c->ms->items[m].entity == oe)
            return true;
    }
    /* After the name, set off by a comma. */
    t = p->tok_end;
    if (!(t < hi && w_is(c, t, ",")))
        return false;
    role = false;
    bool outlet = false;
    for (int n = 0, t2 = (int)t + 1; (uint32_t)t2 < hi && n < 8; n++) {
        uint32_t u = (uint32_t)t2;
        int32_t m = mention_starting(c, u);
        if (m >= 0) {
            if (c->ms->items[m].entity == oe)
                outlet = true;
            else if (etype(c, m) != ERG_TYPE_PLACE)
                break;
            t2 = (int)c->ms->items[m].tok_end;
            continue;
        }
        if (!(w_in(c, u, relate_function_words) && !w_in(c, u, relate_report_verbs) &&
              !w_is(c, u, "told")) &&
            !staff_word(c, u, &role))
            break;
        t2++;
    }
    return role && outlet;
}

/* Which part of its sentence an outlet is the source of. */
typedef enum report_scope {
    SCOPE_SENTENCE, /* "according to CNN", "as CNN notes", "X told CNN" */
    SCOPE_AFTER,    /* "Reuters reports the party ...": what follows the verb */
    SCOPE_BEFORE    /* "..., Fox News reports.": what precedes the outlet */
} report_scope;

/*
 * Whether what follows a reporting verb at t is an organization speaking of
 * itself ("said it", "said its products") or giving its results ("reported
 * net income", "reported fiscal 1987 third quarter earnings"): a company's
 * statement, even when the company's name is an outlet's.
 */
static bool self_report(const pctx *c, uint32_t t, uint32_t hi)
{
    uint32_t u = t + 1;
    if (u < hi && w_is(c, u, "that"))
        u++;
    /* "said it would", "said its products"; not "reported it." */
    if (u + 1 < hi && (w_is(c, u, "it") || w_is(c, u, "its")) && is_lower_word(c, u + 1))
        return true;
    for (int n = 0; u < hi && n < 6 && mention_at(c, u) < 0; n++, u++) {
        if (w_in(c, u, result_words))
            return true;
        if (!is_lower_word(c, u) && !(c->doc->tokens[u].flags & ERG_TOK_NUMBER))
            return false;
    }
    return false;
}

/*
 * Does the outlet named before token t only own or employ the source: "said
 * Fox president Jamie Kellner" (the speaker is the president, on his own
 * company), "a report by the Economist's Intelligence Unit" (the unit wrote
 * it)? Not for a journalism role ("told CNN correspondent Jane Doe"), a
 * person or a programme after a possessive ("told CNN's Larry King", "told
 * ITV's Waterfront programme"): the outlet carries it.
 */
static bool owner_only(const pctx *c, uint32_t t, uint32_t hi)
{
    if (t + 1 >= hi)
        return false;
    int32_t m;
    if (is_possessive(c, t)) {
        if ((m = mention_at(c, t + 1)) < 0 || etype(c, m) == ERG_TYPE_PERSON)
            return false;
        uint32_t e = c->ms->items[m].tok_end; /* "told ITV's Waterfront programme" */
        return !(e < hi && w_in(c, e, relate_programme_nouns));
    }
    uint32_t end;
    if (w_in(c, t, relate_journalism_roles) || title_from(c, t, hi, &end) == RELATE_ROLE_NONE)
        return false;
    return end < hi && (m = mention_at(c, end)) >= 0 && etype(c, m) == ERG_TYPE_PERSON;
}

/*
 * Whether outlet mention om is given as the source of its sentence. Sets
 * *attr to the first token of the attribution (the outlet, or an inverted
 * verb: "..., said CNN"), *verb to a reporting verb after the outlet (or
 * UINT32_MAX), and *scope; *agent when the outlet is the agent of a passive
 * ("quoted by CNN", "a report by CNN"), and *relayed to the outlet mention
 * whose words it carried ("Yonhap, quoted by CNN"), else -1. Returns the
 * cue's pattern, ERG_PATTERN_NONE when om is no source.
 */
static erg_pattern report_cue(const pctx *c, int32_t om, uint32_t lo, uint32_t hi, uint32_t *attr,
                              uint32_t *verb, report_scope *scope, int32_t *relayed, bool *agent)
{
    const erg_mention *o = &c->ms->items[om];
    *attr = o->tok_first;
    *verb = UINT32_MAX;
    *scope = SCOPE_SENTENCE;
    *relayed = -1;
    *agent = false;
    /* Forward: "Fox News reports", "Reuters news agency reports", "CNN further quotes". */
    uint32_t t = o->tok_end;
    while (t < hi && mention_at(c, t) < 0 && w_in(c, t, relate_outlet_fillers) &&
           !w_is(c, t, "the") && !w_is(c, t, "a") && !w_is(c, t, "an"))
        t++;
    if (owner_only(c, t, hi))
        return ERG_PATTERN_NONE;
    /*
     * After a comma only "citing"/"quoting" are the outlet's: in "Khaled,
     * editor at the Saudi Gazette, said" the verb is Khaled's.
     */
    bool comma = t < hi && w_is(c, t, ",");
    if (comma)
        t++;
    if (comma && t < hi && (w_is(c, t, "which") || w_is(c, t, "who"))) {
        comma = false; /* "CNN, which reported": the verb is the outlet's */
        t++;
    }
    while (!comma && t < hi && w_in(c, t, relate_report_adverbs))
        t++;
    if (t < hi && mention_at(c, t) < 0 &&
        (comma ? (w_is(c, t, "citing") || w_is(c, t, "quoting"))
               : w_in(c, t, relate_report_verbs))) {
        *verb = t;
        uint32_t b = o->tok_first;
        if (b > lo && w_is(c, b - 1, "the"))
            b--;
        if (b > lo && w_is(c, b - 1, "as") && !(b > lo + 1 && w_is(c, b - 2, "such")))
            return ERG_PATTERN_AS_OUTLET; /* "as CNN notes" comments on the whole sentence */
        if (self_report(c, t, hi))
            return ERG_PATTERN_NONE;
        *scope = SCOPE_BEFORE;
        for (uint32_t u = t + 1; u < hi && *scope == SCOPE_BEFORE; u++)
            if (c->doc->tokens[u].flags & (ERG_TOK_WORD | ERG_TOK_NUMBER))
                *scope = SCOPE_AFTER;
        return ERG_PATTERN_REPORTS_VERB;
    }
    /* Backward: "according to", "told", "reported by", "interview with", "..., said". */
    t = o->tok_first;
    for (int n = 0; t > lo && n < 6; n++) {
        int32_t m = mention_ending(c, t);
        if (m >= 0) {
            erg_type mt = etype(c, m);
            if (mt != ERG_TYPE_PLACE && mt != ERG_TYPE_MISC)
                break;
            t = c->ms->items[m].tok_first;
            continue;
        }
        if (!(is_possessive(c, t - 1) || w_in(c, t - 1, relate_outlet_fillers)))
            break;
        t--;
    }
    if (t <= lo)
        return ERG_PATTERN_NONE;
    uint32_t w = t - 1;
    if (w_is(c, w, "told")) {
        /* "told Vela Party members that" is a speech; "told Vela shareholders were" is not. */
        uint32_t e = o->tok_end;
        return !(e < hi && w_in(c, e, relate_audience_nouns) &&
                 !(e + 1 < hi && w_in(c, e + 1, relate_aux_words)))
                   ? ERG_PATTERN_TOLD
                   : ERG_PATTERN_NONE;
    }
    if (w > lo && w_is(c, w, "to") && w_is(c, w - 1, "according"))
        return ERG_PATTERN_ACCORDING_TO;
    if (w > lo && w_is(c, w, "by") && (w_is(c, w - 1, "report") || w_is(c, w - 1, "reports"))) {
        *agent = true; /* not "an article by the Post's reporter": the reporter wrote it */
        return ERG_PATTERN_REPORT_BY;
    }
    if (w > lo && w_is(c, w, "in") && w_in(c, w - 1, relate_report_nouns))
        return ERG_PATTERN_REPORT_IN; /* "a report in the Gazette which said ..." */
    if (w > lo && w_is(c, w, "by") && w_in(c, w - 1, relate_relay_verbs)) {
        *agent = true;
        /* "the Gazette, quoted by Radio Vela": the name before the comma is relayed. */
        if (w - 1 > lo && w_is(c, w - 2, ","))
            *relayed = relayed_name(c, w - 2, lo);
        return ERG_PATTERN_RELAYED_BY;
    }
    /* "in an interview with CNN", not "the interview with CNN was made before ...". */
    if (w > lo + 1 && w_is(c, w, "with") &&
        (w_is(c, w - 1, "interview") || w_is(c, w - 1, "interviews"))) {
        uint32_t d = w - 2; /* the word before "interview(s)", past one article */
        if (d > lo && (w_is(c, d, "an") || w_is(c, d, "a") || w_is(c, d, "his") ||
                       w_is(c, d, "her") || w_is(c, d, "their")))
            d--;
        return w_is(c, d, "in") || w_is(c, d, "during") ? ERG_PATTERN_INTERVIEW_WITH
                                                        : ERG_PATTERN_NONE;
    }
    /* Inverted after a quotation or a comma: "“...,” said CNN". */
    if (t == o->tok_first && w > lo && w_in(c, w, relate_report_verbs) &&
        !w_in(c, w, relate_cite_verbs) && (w_is(c, w - 1, ",") || is_close_quote(c, w - 1))) {
        *attr = w;
        return ERG_PATTERN_SAID_OUTLET;
    }
    return ERG_PATTERN_NONE;
}

/*
 * Outlet om cites outlet mention bm, in the part of om's sentence that om is
 * the source of, when bm is given as a source itself: "Tarn said the Gazette
 * had reported ...", "Vela reported that, according to the Gazette, ...",
 * "the Gazette reported ..., Tarn said". Not when a coordination stands
 * between them ("Vela reported ..., and the Gazette said ..."): those are two
 * reports side by side. Of two attributions the outer one cites: one at the
 * sentence's end ("..., Tarn said") or a passive's agent ("carried by
 * Tarn"), else the first.
 */
static erg_status nested_cite(pctx *c, int32_t om, bool outer, int32_t bm)
{
    const erg_mention *o = &c->ms->items[om], *b = &c->ms->items[bm];
    if (b->sentence != o->sentence || b->entity == o->entity)
        return ERG_OK;
    uint32_t lo = sen_lo(c, o->sentence), hi = sen_hi(c, o->sentence);
    uint32_t attr, verb;
    report_scope scope;
    int32_t relayed;
    bool agent;
    if (report_cue(c, bm, lo, hi, &attr, &verb, &scope, &relayed, &agent) == ERG_PATTERN_NONE)
        return ERG_OK;
    /* Of two attributions the outer one cites; of two alike, the first. */
    bool b_outer = scope == SCOPE_BEFORE || agent;
    if (b_outer && !outer)
        return ERG_OK;
    if (b_outer == outer && b->tok_first < o->tok_first)
        return ERG_OK;
    uint32_t from = o->tok_first < b->tok_first ? o->tok_end : b->tok_end;
    uint32_t to = o->tok_first < b->tok_first ? b->tok_first : o->tok_first;
    for (uint32_t t = from; t < to; t++)
        if (w_in(c, t, relate_coordinators) || w_is(c, t, ";") || w_is(c, t, "but") ||
            w_is(c, t, "while") || w_is(c, t, "whereas"))
            return ERG_OK;
    return emit(c, om, bm, ERG_KIND_CITES, o->sentence, o->sentence, ERG_PATTERN_NESTED_CITE);
}

/*
 * Outlet om reports every non-outlet entity of the part of its sentence it is
 * the source of (report_scope); when its attribution follows a closing quote
 * ("“...,” Fox News reports.") also those of the whole quotation, and of a
 * quotation that opens the next sentence of the paragraph. And it cites the
 * outlet it quotes: "CNN further quotes South Korea's Yonhap news agency".
 */
static erg_status p_reports(pctx *c, int32_t om, uint32_t lo, uint32_t hi)
{
    const erg_mention *o = &c->ms->items[om];
    uint32_t attr, verb;
    report_scope scope;
    int32_t relayed;
    bool agent;
    erg_pattern cue = report_cue(c, om, lo, hi, &attr, &verb, &scope, &relayed, &agent);
    if (cue == ERG_PATTERN_NONE)
        return ERG_OK;
    /* The outermost attribution of a sentence: at its end, or a passive's agent. */
    bool outer = scope == SCOPE_BEFORE || agent;
    uint32_t rlo = scope == SCOPE_AFTER ? o->tok_end : lo;
    uint32_t rhi = scope == SCOPE_BEFORE ? o->tok_first : hi;
    uint32_t q = attr;
    while (q > lo && w_is(c, q - 1, ","))
        q--;
    if (q > 0 && is_close_quote(c, q - 1)) {
        uint32_t open = (uint32_t)c->quote[q - 1];
        if (open < rlo)
            rlo = open;
        uint32_t s = o->sentence + 1;
        if (s < c->doc->n_sentences &&
            c->doc->sentences[s].paragraph == c->doc->sentences[o->sentence].paragraph &&
            is_open_quote(c, sen_lo(c, s))) {
            uint32_t close = (uint32_t)c->quote[sen_lo(c, s)];
            if (close + 1 > rhi)
                rhi = close + 1 <= c->doc->n_tokens ? close + 1 : (uint32_t)c->doc->n_tokens;
        }
    }
    /*
     * An adjunct right after the outlet says where the words were said, not
     * what they were: "told Radio Vela after a speech to the Harbour Board".
     */
    uint32_t adj_lo = o->tok_end, adj_hi = o->tok_end;
    if (verb == UINT32_MAX && adj_lo < hi && w_in(c, adj_lo, relate_adjunct_words)) {
        adj_hi = adj_lo + 1;
        while (adj_hi < hi && !is_punct(c, adj_hi) && !w_is(c, adj_hi, "that"))
            adj_hi++;
    }
    erg_status st;
    /* A new attribution: no entity has its record yet (stamps restart when serial wraps). */
    if (++c->serial == 0) {
        memset(c->stamp, 0, c->ents->n * sizeof *c->stamp);
        c->serial = 1;
    }
    /* Mentions are in text order: walk back from om to the first one in range. */
    size_t first = (size_t)om;
    while (first > 0 && c->ms->items[first - 1].tok_first >= rlo)
        first--;
    for (size_t i = first; i < c->ms->n && c->ms->items[i].tok_first < rhi; i++) {
        const erg_mention *m = &c->ms->items[i];
        if (m->tok_first < rlo || c->at[m->tok_first] != (int32_t)i || m->entity < 0)
            continue;
        /* One record per entity and attribution, from its first mention in the range. */
        bool seen = c->stamp[m->entity] == c->serial;
        c->stamp[m->entity] = c->serial;
        if ((int32_t)i == om || (m->tok_first >= adj_lo && m->tok_first < adj_hi))
            continue;
        if (etype(c, (int32_t)i) == ERG_TYPE_OUTLET) {
            if ((st = nested_cite(c, om, outer, (int32_t)i)) != ERG_OK)
                return st;
            continue;
        }
        if (etype(c, (int32_t)i) == ERG_TYPE_PERSON && m->sentence == o->sentence &&
            is_staff(c, om, (int32_t)i, lo, hi))
            continue;
        if (seen)
            continue;
        if ((st = emit(c, om, (int32_t)i, ERG_KIND_REPORTS, m->sentence, o->sentence, cue)) !=
            ERG_OK)
            return st;
    }
    if (relayed >= 0 && (st = emit(c, om, relayed, ERG_KIND_CITES, o->sentence, o->sentence,
                                   ERG_PATTERN_RELAYED_CITE)))
        return st;
    /* Citing: "CNN quotes Yonhap", "Reuters reports ..., citing Yonhap". */
    uint32_t cv = UINT32_MAX;
    if (verb != UINT32_MAX && w_in(c, verb, relate_cite_verbs)) {
        cv = verb;
    } else {
        for (uint32_t t = o->tok_end; t < hi; t++) {
            int32_t m = mention_at(c, t);
            if (m >= 0) {
                if (etype(c, m) == ERG_TYPE_OUTLET)
                    break; /* from here on the words may be another outlet's */
                continue;
            }
            if (w_is(c, t - 1, ",") && (w_is(c, t, "citing") || w_is(c, t, "quoting"))) {
                cv = t;
                break;
            }
        }
    }
    if (cv != UINT32_MAX) {
        int32_t cm = outlet_after(c, cv + 1, hi);
        if (cm >= 0)
            return emit(c, om, cm, ERG_KIND_CITES, o->sentence, o->sentence, ERG_PATTERN_CITING);
    }
    return ERG_OK;
}

/* ---- the article ---------------------------------------------------------- */

/*
 * Pairs the quote marks of each paragraph: a curly or guillemet mark opens or
 * closes by its shape, a straight one by alternation. A quotation left open
 * runs to the paragraph's end.
 */
static void pair_quotes(pctx *c)
{
    const erg_doc *d = c->doc;
    for (size_t i = 0; i < d->n_tokens; i++)
        c->quote[i] = -1;
    int32_t open = -1;
    uint32_t para = UINT32_MAX;
    for (size_t s = 0; s < d->n_sentences; s++) {
        const erg_sentence *sen = &d->sentences[s];
        if (sen->paragraph != para) {
            if (open >= 0)
                c->quote[open] = (int32_t)sen->first - 1;
            open = -1;
            para = sen->paragraph;
        }
        for (uint32_t t = sen->first; t < sen->end; t++) {
            int q = quote_kind(c, t);
            if (q == 'o' || (q == '"' && open < 0)) {
                if (open >= 0)
                    c->quote[open] = (int32_t)t - 1;
                open = (int32_t)t;
            } else if ((q == 'c' || q == '"') && open >= 0) {
                c->quote[open] = (int32_t)t;
                c->quote[t] = open;
                open = -1;
            }
        }
    }
    if (open >= 0)
        c->quote[open] = (int32_t)d->n_tokens - 1;
}

erg_status relate_check_mentions(const erg_doc *doc, const erg_mentions *mentions,
                                 const erg_local_entities *entities, erg_error *err)
{
    for (size_t i = 0; i < mentions->n; i++) {
        const erg_mention *m = &mentions->items[i];
        if (m->tok_first >= m->tok_end || m->tok_end > doc->n_tokens ||
            m->sentence >= doc->n_sentences || (m->entity >= 0 && (size_t)m->entity >= entities->n))
            return erg_error_set(err, ERG_EINVAL, NULL, 0, (long long)m->start,
                                 "mention %zu does not fit the tokens, sentences or entities", i);
    }
    return ERG_OK;
}

/*
 * Fills c for one article: the mention map (a mention that overlaps an
 * earlier one or crosses its sentence's end is left out of it, and so out of
 * every pattern) and the quote pairs. ERG_ENOMEM (c holds nothing to free).
 */
static erg_status setup(pctx *c, const char *text, const erg_doc *doc, const erg_mentions *mentions,
                        const erg_local_entities *entities, unsigned type_mask, erg_relations *out)
{
    c->text = text;
    c->doc = doc;
    c->ms = mentions;
    c->ents = entities;
    c->mask = type_mask;
    c->out = out;
    c->first_out = out->n;
    c->slots = NULL;
    c->n_slots = 0;
    c->serial = 0;
    c->stamp = calloc(entities->n, sizeof *c->stamp);
    c->at = malloc(2 * doc->n_tokens * sizeof *c->at);
    if (!c->at || !c->stamp) {
        free(c->at);
        free(c->stamp);
        return ERG_ENOMEM;
    }
    c->quote = c->at + doc->n_tokens;
    for (size_t i = 0; i < doc->n_tokens; i++)
        c->at[i] = -1;
    for (size_t i = 0; i < mentions->n; i++) {
        const erg_mention *m = &mentions->items[i];
        const erg_sentence *sen = &doc->sentences[m->sentence];
        bool fits = m->tok_first >= sen->first && m->tok_end <= sen->end;
        for (uint32_t t = m->tok_first; fits && t < m->tok_end; t++)
            fits = c->at[t] < 0;
        for (uint32_t t = m->tok_first; fits && t < m->tok_end; t++)
            c->at[t] = (int32_t)i;
    }
    pair_quotes(c);
    return ERG_OK;
}

static void teardown(pctx *c)
{
    free(c->at);
    free(c->stamp);
    free(c->slots);
}

erg_status erg_relate_typed(const char *text, const erg_doc *doc, const erg_mentions *mentions,
                            const erg_local_entities *entities, unsigned type_mask,
                            erg_relations *out, erg_error *err)
{
    pctx c;
    erg_status st = ERG_OK;
    if (doc->n_tokens == 0 || mentions->n == 0 || entities->n == 0)
        return ERG_OK;
    if ((st = relate_check_mentions(doc, mentions, entities, err)) != ERG_OK)
        return st;
    if (setup(&c, text, doc, mentions, entities, type_mask, out) != ERG_OK)
        return erg_error_oom(err);

    for (size_t i = 0; i < mentions->n && st == ERG_OK; i++) {
        const erg_mention *m = &mentions->items[i];
        int32_t mi = (int32_t)i;
        if (m->entity < 0 || c.at[m->tok_first] != mi)
            continue;
        uint32_t lo = sen_lo(&c, m->sentence), hi = sen_hi(&c, m->sentence);
        switch (entities->items[m->entity].type) {
        case ERG_TYPE_PERSON:
            if ((st = p_title_before(&c, mi, lo, hi)) == ERG_OK &&
                (st = p_apposition(&c, mi, hi)) == ERG_OK &&
                (st = p_title_first(&c, mi, lo, hi)) == ERG_OK)
                st = p_verbal(&c, mi, hi);
            break;
        case ERG_TYPE_AGENCY:
            st = p_led_by(&c, mi, hi);
            break;
        case ERG_TYPE_OUTLET:
            st = p_reports(&c, mi, lo, hi);
            break;
        default:
            break;
        }
        if (st == ERG_OK)
            st = p_accuses(&c, mi, lo, hi);
        if (st == ERG_OK)
            st = p_accused_by(&c, mi, hi);
    }
    teardown(&c);
    if (st != ERG_OK)
        return erg_error_oom(err);
    return ERG_OK;
}

/*
 * Whether key names the outlet of outlet_key or one of its own stations,
 * programmes or editions ("bbc one", "bbc1", "bbc radio 4" for "bbc"): what
 * an outlet carries from its own programmes is no citation.
 */
static bool same_outlet(const char *key, const char *outlet_key)
{
    if (!outlet_key || !outlet_key[0])
        return false;
    size_t n = strlen(outlet_key);
    return strncmp(key, outlet_key, n) == 0 &&
           (key[n] == '\0' || key[n] == ' ' || (key[n] >= '0' && key[n] <= '9'));
}

erg_status erg_relate_source_cites(const char *text, const erg_doc *doc,
                                   const erg_mentions *mentions, const erg_local_entities *entities,
                                   unsigned type_mask, const char *outlet_key, erg_relations *out,
                                   erg_error *err)
{
    pctx c;
    erg_status st = ERG_OK;
    if (doc->n_tokens == 0 || mentions->n == 0 || entities->n == 0 ||
        !(type_mask & ERG_TYPE_BIT(ERG_TYPE_OUTLET)))
        return ERG_OK;
    if ((st = relate_check_mentions(doc, mentions, entities, err)) != ERG_OK)
        return st;
    if (setup(&c, text, doc, mentions, entities, type_mask, out) != ERG_OK)
        return erg_error_oom(err);
    /*
     * Sentence by sentence (mentions and the cites records both come in text
     * order): stamp the outlets an in-text outlet cites there, then the
     * article's outlet cites every other outlet given as a source there.
     */
    size_t ri = 0, end_rec = c.first_out;
    for (size_t i = 0; i < mentions->n && st == ERG_OK;) {
        uint32_t s = mentions->items[i].sentence;
        size_t j = i;
        while (j < mentions->n && mentions->items[j].sentence == s)
            j++;
        uint32_t lo = sen_lo(&c, s), hi = sen_hi(&c, s);
        uint32_t s_start = doc->tokens[lo].start;
        if (++c.serial == 0) {
            memset(c.stamp, 0, entities->n * sizeof *c.stamp);
            c.serial = 1;
        }
        /* ri stops only at cites records, which come in sentence order. */
        while (ri < end_rec &&
               (out->items[ri].kind != ERG_KIND_CITES || out->items[ri].start < s_start))
            ri++;
        for (size_t k = ri; k < end_rec; k++) {
            const erg_relation *r = &out->items[k];
            if (r->kind != ERG_KIND_CITES)
                continue;
            if (r->start != s_start)
                break;
            if (r->b < entities->n)
                c.stamp[r->b] = c.serial;
        }
        for (size_t k = i; k < j && st == ERG_OK; k++) {
            const erg_mention *m = &mentions->items[k];
            if (m->entity < 0 || c.at[m->tok_first] != (int32_t)k ||
                entities->items[m->entity].type != ERG_TYPE_OUTLET ||
                c.stamp[m->entity] == c.serial ||
                same_outlet(entities->items[m->entity].key, outlet_key))
                continue;
            uint32_t attr, verb;
            report_scope scope;
            int32_t relayed;
            bool agent;
            if (report_cue(&c, (int32_t)k, lo, hi, &attr, &verb, &scope, &relayed, &agent) ==
                ERG_PATTERN_NONE)
                continue;
            c.stamp[m->entity] = c.serial; /* once per outlet and sentence */
            erg_relation rel;
            rel.a = ERG_RELATE_ARTICLE_OUTLET;
            rel.b = (uint32_t)m->entity;
            rel.kind = ERG_KIND_CITES;
            rel.start = s_start;
            rel.end = doc->tokens[hi - 1].end;
            rel.wunits = ERG_WEIGHT_UNIT;
            rel.pattern = ERG_PATTERN_SOURCE_CITES;
            rel.score = erg_relate_score(ERG_PATTERN_SOURCE_CITES, ERG_KIND_CITES);
            st = put(&c, &rel);
        }
        i = j;
    }
    teardown(&c);
    if (st != ERG_OK)
        return erg_error_oom(err);
    return ERG_OK;
}
