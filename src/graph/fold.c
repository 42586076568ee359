/*
 * fold.c: corpus-level name resolution. After every article is in, a short
 * form that is a node of its own ("Blair", "IBM", "Texaco") folds into the
 * one full name that owns it in the corpus ("Tony Blair", "International
 * Business Machines Corp", "Texaco Inc").
 *
 * The evidence is what in-article resolution already recorded: a full
 * name's surface forms with counts, the short forms it joined in articles
 * where both were written. Counts are sums over articles, so the decision
 * does not depend on the order articles arrive in, nor on how partial graphs
 * were merged before erg_graph_finish.
 */
#include "graph_private.h"

#include <stdlib.h>
#include <string.h>

/* A full name's claim on a short form. */
typedef struct claim {
    uint32_t s; /* the short form's entity */
    uint32_t f; /* the full name's entity */
    uint64_t w; /* surface-form evidence: mentions of the short form inside f */
    erg_fold rule;
} claim;

static int cmp_claim(const void *a, const void *b)
{
    const claim *x = a, *y = b;
    if (x->s != y->s)
        return x->s < y->s ? -1 : 1;
    if (x->f != y->f)
        return x->f < y->f ? -1 : 1;
    return 0;
}

static bool is_org(erg_type t)
{
    return t == ERG_TYPE_AGENCY || t == ERG_TYPE_OUTLET;
}

/*
 * Person with person, agency and outlet with either. Places never fold:
 * "Wales" is not "South Wales", whatever an article's suffix joining said.
 */
static bool types_fit(erg_type a, erg_type b)
{
    return (a == ERG_TYPE_PERSON && b == ERG_TYPE_PERSON) || (is_org(a) && is_org(b));
}

/*
 * A person's short form is the surname side of the full name ("Blair" of
 * "Tony Blair"): a lone first name ("Charles") in news is more often someone
 * else (a royal, a name the article gives once) than the one full name that
 * happened to own it in a few articles.
 */
static bool person_prefix(const char *s_key, const char *f_key)
{
    size_t n = strlen(s_key);
    return strncmp(s_key, f_key, n) == 0 && f_key[n] == ' ';
}

static size_t word_count(const char *s)
{
    size_t n = 0;
    bool in = false;
    for (; *s; s++) {
        bool sp = *s == ' ';
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

/* The key's words' first letters ("international business machines" -> "ibm"). */
static bool initials_spell(const char *full, const char *acr)
{
    /* Words may be skipped ("of", "and", a legal suffix), never reordered. */
    const char *p = full;
    size_t k = 0, n = strlen(acr);
    if (n < 2 || strchr(acr, ' '))
        return false;
    while (*p && k < n) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (*p == acr[k])
            k++;
        while (*p && *p != ' ')
            p++;
    }
    return k == n;
}

static bool is_legal_word(const erg_graph *g, const char *w, size_t n)
{
    for (size_t i = 0; i < g->n_legal; i++)
        if (strlen(g->legal[i]) == n && memcmp(g->legal[i], w, n) == 0)
            return true;
    return false;
}

/*
 * Length of key without its trailing legal-suffix words and the "and" or "&"
 * before them ("texaco inc" -> 6, "merrill lynch and co inc" -> 13), or 0.
 */
static size_t strip_legal(const erg_graph *g, const char *key)
{
    size_t n = strlen(key), stripped = 0;
    while (n > 0) {
        size_t sp = n;
        while (sp > 0 && key[sp - 1] != ' ')
            sp--;
        if (sp == 0)
            break;
        bool legal = is_legal_word(g, key + sp, n - sp);
        bool joint = stripped && ((n - sp == 3 && memcmp(key + sp, "and", 3) == 0) ||
                                  (n - sp == 1 && key[sp] == '&'));
        if (!legal && !joint)
            break;
        n = sp - 1;
        stripped = n;
    }
    return stripped;
}

static erg_fold classify(const erg_graph *g, const char *s_key, const char *f_key)
{
    size_t n = strip_legal(g, f_key);
    if (n && strlen(s_key) == n && memcmp(s_key, f_key, n) == 0)
        return ERG_FOLD_LEGAL;
    if (word_count(s_key) == 1 && word_count(f_key) >= 2 && initials_spell(f_key, s_key))
        return ERG_FOLD_ACRONYM;
    return ERG_FOLD_SHORT_FORM;
}

static erg_status push(claim **v, size_t *n, size_t *cap, claim c)
{
    if (erg_grow((void **)v, cap, *n + 1, sizeof **v) != ERG_OK)
        return ERG_ENOMEM;
    (*v)[(*n)++] = c;
    return ERG_OK;
}

/* An organization's key and the length of its base, the key without legal suffixes. */
typedef struct base_ref {
    const char *key;
    uint32_t len;
    uint32_t index;
} base_ref;

static int cmp_base(const void *a, const void *b)
{
    const base_ref *x = a, *y = b;
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->key, y->key, n);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* Is entity x a better root of a group than best: more mentions, ties to the byte-order first key?
 */
static bool keeps_group(const erg_graph *g, uint32_t x, uint32_t best)
{
    const erg_entity *a = &g->ents[x], *b = &g->ents[best];
    return a->mentions > b->mentions || (a->mentions == b->mentions && strcmp(a->key, b->key) < 0);
}

/*
 * Groups the organizations whose keys differ only in their legal suffixes
 * ("merrill lynch and co inc", "merrill lynch and co"): grp[i] is the
 * group's root for each member of a group of two or more (the member with
 * the most mentions, ties to the byte-order first key), ERG_GRAPH_NONE for
 * every other entity.
 */
static erg_status legal_groups(const erg_graph *g, uint32_t *grp)
{
    size_t n = g->n_ents, m = 0;
    base_ref *refs = malloc(n * sizeof *refs);
    if (!refs)
        return ERG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        grp[i] = ERG_GRAPH_NONE;
        size_t len = is_org(g->ents[i].type) ? strip_legal(g, g->ents[i].key) : 0;
        if (len)
            refs[m++] = (base_ref){g->ents[i].key, (uint32_t)len, (uint32_t)i};
    }
    if (m)
        qsort(refs, m, sizeof *refs, cmp_base);
    for (size_t a = 0; a < m;) {
        size_t b = a + 1;
        while (b < m && refs[b].len == refs[a].len &&
               memcmp(refs[b].key, refs[a].key, refs[a].len) == 0)
            b++;
        if (b - a >= 2) {
            uint32_t best = refs[a].index;
            for (size_t k = a + 1; k < b; k++)
                if (keeps_group(g, refs[k].index, best))
                    best = refs[k].index;
            for (size_t k = a; k < b; k++)
                grp[refs[k].index] = best;
        }
        a = b;
    }
    free(refs);
    return ERG_OK;
}

/* Does one of e's written forms start with dotted initials and a space ("U.S. Senate ...")? */
static bool dotted_lead(const erg_entity *e)
{
    for (size_t k = 0; k < e->n_aliases; k++) {
        const char *a = e->aliases[k].name;
        size_t w = strcspn(a, " ");
        if (a[w] == ' ' && erg_text_dotted_initials(a, w))
            return true;
    }
    return false;
}

/* A country-qualified body and the node of its name without the country. */
typedef struct qualified {
    uint32_t bare, index;
} qualified;

static int cmp_qualified(const void *a, const void *b)
{
    const qualified *x = a, *y = b;
    if (x->bare != y->bare)
        return x->bare < y->bare ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Groups a body written after a country's dotted initials with the node of
 * its name without them ("U.S. Food and Drug Administration", "Food and
 * Drug Administration"): grp[i] becomes the group's root (the member with
 * the most mentions, ties to the byte-order first key) for the members of
 * a group, which no legal group holds. The name left must have two words
 * or more ("U.S. Senate" is not every country's senate) and no legal
 * suffix (a company may carry the initials in its name: "U.S. Trust Co").
 */
static erg_status country_groups(const erg_graph *g, uint32_t *grp)
{
    size_t n = g->n_ents, m = 0;
    qualified *q = malloc(n * sizeof *q);
    if (!q)
        return ERG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const erg_entity *e = &g->ents[i];
        const char *sp = strchr(e->key, ' ');
        if (grp[i] != ERG_GRAPH_NONE || !is_org(e->type) || !sp || !strchr(sp + 1, ' ') ||
            strip_legal(g, sp + 1) || !dotted_lead(e))
            continue;
        long b = erg_graph_find_key(g, sp + 1);
        if (b < 0 || (size_t)b == i || grp[b] != ERG_GRAPH_NONE || !is_org(g->ents[b].type))
            continue;
        q[m++] = (qualified){(uint32_t)b, (uint32_t)i};
    }
    if (m)
        qsort(q, m, sizeof *q, cmp_qualified);
    /* No chains ("U.N. U.S. X", "U.S. X", "X"): a name that is another's bare
     * name is no qualified member itself, so every group has one root. */
    bool *bare = calloc(n, sizeof *bare);
    if (!bare) {
        free(q);
        return ERG_ENOMEM;
    }
    for (size_t k = 0; k < m; k++)
        bare[q[k].bare] = true;
    size_t kept = 0;
    for (size_t k = 0; k < m; k++)
        if (!bare[q[k].index])
            q[kept++] = q[k];
    m = kept;
    free(bare);
    for (size_t a = 0; a < m;) {
        size_t z = a;
        uint32_t best = q[a].bare;
        for (; z < m && q[z].bare == q[a].bare; z++)
            if (keeps_group(g, q[z].index, best))
                best = q[z].index;
        grp[q[a].bare] = best;
        for (size_t k = a; k < z; k++)
            grp[q[k].index] = best;
        a = z;
    }
    free(q);
    return ERG_OK;
}

erg_status erg_graph_i_fold(erg_graph *g, uint32_t *root, erg_buf *key)
{
    erg_status st = ERG_OK;
    claim *cl = NULL;
    size_t n_cl = 0, cap_cl = 0;
    uint32_t *target = NULL, *grp = NULL;
    erg_fold *how = NULL;
    size_t n = g->n_ents;
    for (size_t i = 0; i < n; i++) {
        root[i] = (uint32_t)i;
        g->ents[i].ambiguous = false;
    }
    if (n == 0)
        return ERG_OK;
    if (!(target = malloc(n * sizeof *target)) || !(how = malloc(n * sizeof *how)) ||
        !(grp = malloc(n * sizeof *grp)) || legal_groups(g, grp) != ERG_OK)
        goto oom;
    /* Legal groups hold companies only, country groups no company: a node is in one at most. */
    for (size_t i = 0; i < n; i++)
        how[i] = grp[i] != ERG_GRAPH_NONE ? ERG_FOLD_LEGAL : ERG_FOLD_COUNTRY;
    if (country_groups(g, grp) != ERG_OK)
        goto oom;
    /* how[] of a group member is its group's rule; claims set it for the others. */

    /*
     * Claims from surface forms: f wrote s's key in an article where it was f.
     * A claim of a member of a legal group is its root's; a member is
     * claimed by nobody but its root.
     */
    for (size_t f = 0; f < n; f++) {
        const erg_entity *fe = &g->ents[f];
        uint32_t owner = grp[f] != ERG_GRAPH_NONE ? grp[f] : (uint32_t)f;
        if (fe->type == ERG_TYPE_MISC)
            continue;
        size_t f_len = strlen(fe->key);
        for (size_t k = 0; k < fe->n_aliases; k++) {
            const erg_alias *a = &fe->aliases[k];
            if (a->rule == ERG_FOLD_KEY)
                continue;
            if (erg_text_name_key(a->name, strlen(a->name), key) != ERG_OK)
                goto oom;
            if (!key->data || !key->data[0] || key->len >= f_len)
                continue;
            long s = erg_graph_find_key(g, key->data);
            if (s < 0 || (size_t)s == f || (uint32_t)s == owner || grp[s] != ERG_GRAPH_NONE ||
                !types_fit(g->ents[s].type, fe->type) ||
                (fe->type == ERG_TYPE_PERSON && person_prefix(key->data, fe->key)))
                continue;
            claim c = {(uint32_t)s, owner, a->count, classify(g, key->data, fe->key)};
            if (push(&cl, &n_cl, &cap_cl, c) != ERG_OK)
                goto oom;
        }
        /* A name with a legal suffix claims the node of the name without it. */
        size_t stripped = is_org(fe->type) ? strip_legal(g, fe->key) : 0;
        if (stripped) {
            erg_buf_clear(key);
            if (erg_buf_append(key, fe->key, stripped) != ERG_OK)
                goto oom;
            long s = erg_graph_find_key(g, key->data);
            if (s >= 0 && (size_t)s != f && grp[s] == ERG_GRAPH_NONE && is_org(g->ents[s].type)) {
                claim c = {(uint32_t)s, owner, 0, ERG_FOLD_LEGAL};
                if (push(&cl, &n_cl, &cap_cl, c) != ERG_OK)
                    goto oom;
            }
        }
    }
    if (n_cl)
        qsort(cl, n_cl, sizeof *cl, cmp_claim);

    /*
     * Per short form, the claims summed per full name. The best claim wins
     * when it has evidence, at least ERG_FOLD_DOMINANCE times the next
     * one's, and at least 1/ERG_FOLD_OWN of the short form's own mentions (a
     * node "Tories" of 186 mentions is not "South Downs Tories" because one
     * article wrote both); comparable claims leave the short form alone,
     * marked ambiguous. A legal-suffix claim with no article evidence names
     * the rule of a fold and never makes one: "Sears" of 1987 is Sears,
     * Roebuck more often than the "Sears PLC" a list happens to hold.
     */
    for (size_t i = 0; i < n; i++)
        target[i] = ERG_GRAPH_NONE;
    for (size_t i = 0; i < n_cl;) {
        uint32_t s = cl[i].s;
        uint32_t best = ERG_GRAPH_NONE;
        uint64_t w1 = 0, w2 = 0;
        erg_fold best_rule = ERG_FOLD_SHORT_FORM;
        while (i < n_cl && cl[i].s == s) {
            uint32_t f = cl[i].f;
            uint64_t w = 0;
            erg_fold rule = cl[i].rule;
            for (; i < n_cl && cl[i].s == s && cl[i].f == f; i++) {
                w += cl[i].w;
                if (cl[i].rule == ERG_FOLD_LEGAL)
                    rule = ERG_FOLD_LEGAL;
            }
            /* Ties go to the full name with the byte-order first key: no order dependence. */
            if (best == ERG_GRAPH_NONE || w > w1 ||
                (w == w1 && strcmp(g->ents[f].key, g->ents[best].key) < 0)) {
                w2 = w1;
                w1 = w;
                best = f;
                best_rule = rule;
            } else if (w > w2) {
                w2 = w;
            }
        }
        /* A company's name without its legal suffix is that company however often it
         * stands alone ("Merrill Lynch" of "Merrill Lynch and Co Inc"). */
        uint64_t own = best_rule == ERG_FOLD_LEGAL ? 0 : g->ents[s].mentions;
        if (w1 >= ERG_FOLD_MIN_EVIDENCE && w1 >= ERG_FOLD_DOMINANCE * w2 &&
            w1 * ERG_FOLD_OWN >= own) {
            target[s] = best;
            how[s] = best_rule;
        } else if (w2 > 0) {
            g->ents[s].ambiguous = true;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (grp[i] != ERG_GRAPH_NONE && grp[i] != i)
            target[i] = grp[i];
    /*
     * Keys grow along every fold but a legal or country group's, whose roots
     * fold into nothing: following targets ends.
     */
    for (size_t i = 0; i < n; i++) {
        uint32_t r = (uint32_t)i;
        while (target[r] != ERG_GRAPH_NONE)
            r = target[r];
        root[i] = r;
    }
    for (size_t i = 0; i < n; i++) {
        if (root[i] == i)
            continue;
        if (erg_graph_i_entity_add(g, &g->ents[root[i]], &g->ents[i], how[i]) != ERG_OK)
            goto oom;
        g->ents[i].ambiguous = false;
    }
    goto cleanup;
oom:
    st = ERG_ENOMEM;
cleanup:
    free(cl);
    free(target);
    free(how);
    free(grp);
    return st;
}
