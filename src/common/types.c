#include "erg/common.h"

#include <strings.h>

static const char *const type_names[ERG_TYPE_COUNT] = {"person", "agency", "outlet", "place",
                                                       "misc"};

const char *erg_type_name(erg_type t)
{
    return (unsigned)t < ERG_TYPE_COUNT ? type_names[t] : "unknown";
}

erg_status erg_type_parse(const char *s, size_t n, erg_type *out)
{
    for (int t = 0; t < ERG_TYPE_COUNT; t++) {
        const char *name = type_names[t];
        size_t len = 0;
        while (name[len])
            len++;
        if (len == n && strncasecmp(s, name, n) == 0) {
            *out = (erg_type)t;
            return ERG_OK;
        }
    }
    return ERG_EINVAL;
}

erg_status erg_type_mask_parse(const char *list, unsigned *mask, erg_error *err)
{
    unsigned m = 0;
    const char *p = list;
    while (*p) {
        const char *e = p;
        while (*e && *e != ',')
            e++;
        erg_type t;
        if (e == p || erg_type_parse(p, (size_t)(e - p), &t) != ERG_OK)
            return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                                 "unknown entity type '%.*s' (use person, agency, outlet, place)",
                                 (int)(e - p), p);
        m |= ERG_TYPE_BIT(t);
        p = *e ? e + 1 : e;
    }
    if (!m)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1, "empty list of entity types");
    *mask = m;
    return ERG_OK;
}
