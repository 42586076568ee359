#include "erg/relate.h"

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
