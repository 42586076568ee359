#include "erg/relate.h"

#include <stdio.h>
#include <string.h>

static const char *const kind_names[ERG_KIND_COUNT] = {
    "co_mention", "spokesperson_for", "member_of", "leads", "reports", "cites", "accuses"};

const char *erg_kind_name(erg_kind k)
{
    return (unsigned)k < ERG_KIND_COUNT ? kind_names[k] : "unknown";
}

erg_status erg_kind_parse(const char *s, erg_kind *out)
{
    for (int k = 0; k < ERG_KIND_COUNT; k++)
        if (strcmp(s, kind_names[k]) == 0) {
            *out = (erg_kind)k;
            return ERG_OK;
        }
    return ERG_EINVAL;
}

bool erg_kind_fits(erg_kind k, erg_type a, erg_type b)
{
    switch (k) {
    case ERG_KIND_SPOKESPERSON_FOR:
    case ERG_KIND_MEMBER_OF:
        return a == ERG_TYPE_PERSON && (b == ERG_TYPE_AGENCY || b == ERG_TYPE_OUTLET);
    case ERG_KIND_LEADS:
        return a == ERG_TYPE_PERSON && b == ERG_TYPE_AGENCY;
    case ERG_KIND_REPORTS:
        return a == ERG_TYPE_OUTLET &&
               (b == ERG_TYPE_PERSON || b == ERG_TYPE_AGENCY || b == ERG_TYPE_PLACE);
    case ERG_KIND_CITES:
        return a == ERG_TYPE_OUTLET && b == ERG_TYPE_OUTLET;
    case ERG_KIND_ACCUSES:
        return a != ERG_TYPE_MISC && b != ERG_TYPE_MISC;
    default:
        return false;
    }
}

erg_status erg_window_parse(const char *s, erg_window *out)
{
    static const char *const names[] = {"sentence", "paragraph", "article"};
    for (int w = 0; w < 3; w++)
        if (strcmp(s, names[w]) == 0) {
            *out = (erg_window)w;
            return ERG_OK;
        }
    return ERG_EINVAL;
}

static const char *const pattern_names[ERG_PATTERN_COUNT] = {
    "none",        "title-before", "name-of",    "apposition",     "apposition-org",
    "title-first", "copula",       "verb",       "led-by",         "accuses",
    "accused-by",  "reports-verb", "as-outlet",  "told",           "according-to",
    "report-by",   "report-in",    "relayed-by", "interview-with", "said-outlet",
    "nested-cite", "relayed-cite", "citing",     "source-cites",   "possessive"};

const char *erg_relate_pattern_name(erg_pattern p)
{
    return (unsigned)p < ERG_PATTERN_COUNT ? pattern_names[p] : "unknown";
}

erg_status erg_relate_pattern_find(const char *s, erg_pattern *out)
{
    for (int p = 0; p < ERG_PATTERN_COUNT; p++)
        if (strcmp(s, pattern_names[p]) == 0) {
            *out = (erg_pattern)p;
            return ERG_OK;
        }
    return ERG_EINVAL;
}

/* One row of data/relate_confidence.tsv: a pattern (or any) and kind, and its score. */
typedef struct relate_conf {
    int pattern;
    erg_kind kind;
    uint16_t score;
} relate_conf;

#define RELATE_ANY_PATTERN (-1)

/* data/relate_confidence.tsv: relate_confidence[]. */
#include "relate_confidence.h"

uint16_t erg_relate_score(erg_pattern p, erg_kind kind)
{
    if (kind == ERG_KIND_CO_MENTION || (unsigned)kind >= ERG_KIND_COUNT ||
        (unsigned)p >= ERG_PATTERN_COUNT)
        return 0;
    int any = -1;
    for (size_t i = 0; i < sizeof relate_confidence / sizeof relate_confidence[0]; i++) {
        const relate_conf *r = &relate_confidence[i];
        if (r->kind != kind)
            continue;
        if (r->pattern == (int)p)
            return r->score;
        if (r->pattern == RELATE_ANY_PATTERN)
            any = (int)r->score;
    }
    return any >= 0 ? (uint16_t)any : (uint16_t)(ERG_SCORE_UNIT / 2);
}

const char *erg_score_format(uint16_t score, char *buf)
{
    if (score >= ERG_SCORE_UNIT) {
        strcpy(buf, "1");
        return buf;
    }
    if (score == 0) {
        strcpy(buf, "0");
        return buf;
    }
    snprintf(buf, 8, "0.%04u", (unsigned)score);
    size_t n = strlen(buf);
    while (buf[n - 1] == '0')
        buf[--n] = '\0';
    return buf;
}

erg_status erg_score_from(double v, uint16_t *out)
{
    if (!(v >= 0.0 && v <= 1.0))
        return ERG_EINVAL;
    *out = (uint16_t)(v * ERG_SCORE_UNIT + 0.5); /* v >= 0: rounds half up */
    return ERG_OK;
}
