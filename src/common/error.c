#include "erg/common.h"

#include <string.h>

void erg_error_clear(erg_error *err)
{
    if (!err)
        return;
    err->status = ERG_OK;
    err->text[0] = '\0';
    err->source[0] = '\0';
    err->line = 0;
    err->offset = -1;
}

erg_status erg_error_set(erg_error *err, erg_status st, const char *source, long line,
                         long long offset, const char *fmt, ...)
{
    if (!err)
        return st;
    err->status = st;
    err->line = line;
    err->offset = offset;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
    return st;
}

erg_status erg_error_oom(erg_error *err)
{
    return erg_error_set(err, ERG_ENOMEM, NULL, 0, -1, "out of memory");
}

const char *erg_status_string(erg_status st)
{
    switch (st) {
    case ERG_OK:
        return "success";
    case ERG_DONE:
        return "no more items";
    case ERG_ENOMEM:
        return "out of memory";
    case ERG_EIO:
        return "input/output error";
    case ERG_EUTF8:
        return "invalid UTF-8";
    case ERG_EJSON:
        return "malformed JSON";
    case ERG_EFORMAT:
        return "malformed content";
    case ERG_EINVAL:
        return "invalid argument";
    case ERG_ENOTFOUND:
        return "not found";
    case ERG_EIGRAPH:
        return "graph library failure";
    }
    return "unknown error";
}
