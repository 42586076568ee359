/*
 * utf8.c: UTF-8 validation and decoding, and the character classes of the
 * tokenizer.
 */
#include "text_private.h"

#include <string.h>
#include <utf8proc.h>

/* clang-format off */
#define P TX_PUNCT
#define S TX_SPACE
#define N TX_NL
#define U TX_UPPER
#define L TX_LOWER
#define D TX_DIGIT
const unsigned char erg_text_i_ascii_class[128] = {
    /* Control characters other than tab and line breaks separate tokens. */
    S, S, S, S, S, S, S, S, S, S, N, S, TX_PARA, N, S, S,
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, S,
};
#undef P
#undef S
#undef N
#undef U
#undef L
#undef D
/* clang-format on */

int erg_text_i_uclass(uint32_t cp)
{
    switch (cp) {
    case 0x85:   /* next line */
    case 0x2028: /* line separator */
        return TX_NL;
    case 0x2029: /* paragraph separator */
        return TX_PARA;
    case 0xA0:
    case 0x1680:
    case 0x180E:
    case 0x200B: /* zero-width space: invisible, but it separates */
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF: /* a BOM or zero-width no-break space inside the text */
        return TX_SPACE;
    default:
        break;
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return TX_SPACE;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return TX_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return TX_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return TX_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return TX_DIGIT;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
        return TX_MARK;
    case UTF8PROC_CATEGORY_ZS:
        return TX_SPACE;
    case UTF8PROC_CATEGORY_ZL:
        return TX_NL;
    case UTF8PROC_CATEGORY_ZP:
        return TX_PARA;
    default:
        return TX_PUNCT;
    }
}

/* Length of a valid sequence at s (n > 0 bytes), 0 when invalid; *cp gets the code point. */
static size_t decode_valid(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC2)
        return 0; /* continuation byte or overlong two-byte lead */
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && s[1] >= 0xA0)
            return 0; /* surrogate */
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0; /* overlong */
        if (c == 0xF4 && s[1] >= 0x90)
            return 0; /* above U+10FFFF */
        *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
              ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    return 0;
}

size_t erg_utf8_valid_prefix(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* Eight ASCII bytes at a time: most text is mostly ASCII. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = decode_valid(p + i, n - i, &cp);
        if (k == 0)
            return i;
        i += k;
    }
    return n;
}

size_t erg_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    size_t k = decode_valid((const unsigned char *)s, n, cp);
    if (k == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return k;
}
