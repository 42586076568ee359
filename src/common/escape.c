/*
 * escape.c: text that is safe to show. Names and sentences come from
 * articles and from graph files that anyone can edit, so before erg prints
 * one to a terminal its control characters are shown as escapes, and the
 * bidirectional overrides that would reorder what follows them are dropped
 * from display names.
 */
#include "erg/common.h"

#include <string.h>

/*
 * The code point of the UTF-8 sequence at s (n > 0 bytes left) into *cp and
 * its length; an invalid or cut sequence is one byte long with *cp = -1.
 */
static size_t decode(const unsigned char *s, size_t n, long *cp)
{
    unsigned char c = s[0];
    size_t len = c < 0x80                 ? 1
                 : c >= 0xC2 && c <= 0xDF ? 2
                 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 0;
    if (len == 1) {
        *cp = c;
        return 1;
    }
    if (len == 0 || len > n) {
        *cp = -1;
        return 1;
    }
    long v = c & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    /* Overlong forms, surrogates and code points past U+10FFFF are not UTF-8. */
    static const long least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < least[len] || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return len;
}

bool erg_is_bidi_override(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool erg_is_bidi_control(uint32_t cp)
{
    return erg_is_bidi_override(cp) || cp == 0x061C || cp == 0x200E || cp == 0x200F;
}

size_t erg_bidi_override_at(const char *s)
{
    /* U+202A-202E are E2 80 AA-AE, U+2066-2069 are E2 81 A6-A9. */
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] != 0xE2 || !p[1])
        return 0;
    return (p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
                   (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
               ? 3
               : 0;
}

bool erg_has_bidi_override(const char *s)
{
    for (const char *p = s ? strchr(s, '\xE2') : NULL; p; p = strchr(p + 1, '\xE2'))
        if (erg_bidi_override_at(p))
            return true;
    return false;
}

size_t erg_strip_bidi_overrides(char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s), w = 0;
    for (size_t r = 0; r < n;) {
        long cp;
        size_t len = decode((const unsigned char *)s + r, n - r, &cp);
        if (cp < 0 || !erg_is_bidi_override((uint32_t)cp)) {
            memmove(s + w, s + r, len);
            w += len;
        }
        r += len;
    }
    s[w] = '\0';
    return w;
}

erg_status erg_buf_put_escaped(erg_buf *b, const char *s, size_t n, erg_escape_ws ws)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    /* Most text has nothing to escape: reserve once for the plain copy. */
    if (erg_buf_reserve(b, n) != ERG_OK)
        return ERG_ENOMEM;
    size_t run = 0; /* start of the bytes not yet appended */
    for (size_t i = 0; i < n;) {
        long cp;
        size_t len = decode(p + i, n - i, &cp);
        char esc[12];
        size_t elen = 0;
        bool white = cp == '\t' || cp == '\n' || cp == '\r';
        if (white && ws == ERG_ESCAPE_WS_KEEP) {
            /* shown as it is */
        } else if (white && ws == ERG_ESCAPE_WS_SPACE) {
            esc[elen++] = ' ';
        } else if (cp < 0 || cp < 0x20 || cp == 0x7F) {
            unsigned char c = p[i];
            esc[elen++] = '\\';
            esc[elen++] = 'x';
            esc[elen++] = hex[c >> 4];
            esc[elen++] = hex[c & 15];
        } else if ((cp >= 0x80 && cp <= 0x9F) || erg_is_bidi_control((uint32_t)cp) ||
                   cp == 0x2028 || cp == 0x2029) {
            elen = (size_t)snprintf(esc, sizeof esc, "\\u%04lx", (unsigned long)cp);
        }
        if (elen) {
            if (erg_buf_append(b, p + run, i - run) != ERG_OK ||
                erg_buf_append(b, esc, elen) != ERG_OK)
                return ERG_ENOMEM;
            run = i + len;
        }
        i += len;
    }
    return erg_buf_append(b, p + run, n - run);
}
