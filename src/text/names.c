/*
 * names.c: merge keys and display forms of names.
 */
#include "text_private.h"

#include <string.h>
#include <utf8proc.h>

static int is_space_cp(uint32_t cp)
{
    int cls = cp < 0x80 ? erg_text_i_ascii_class[cp] : erg_text_i_uclass(cp);
    return erg_text_i_is_space_class(cls);
}

static int is_hyphen_cp(uint32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 ||
           cp == 0xFE63 || cp == 0xFF0D;
}

static int is_apostrophe_cp(uint32_t cp)
{
    return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B ||
           cp == 0x02BC || cp == 0x2032 || cp == 0xFF07;
}

static int is_dquote_cp(uint32_t cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F ||
           cp == 0x2033 || cp == 0xFF02;
}

/* Encodes cp as UTF-8 into out; returns the length. */
static size_t encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Builds a key: spaces are emitted lazily so that runs collapse and ends trim. */
typedef struct key_writer {
    erg_buf *out;
    bool space;
    erg_status st;
} key_writer;

static void key_bytes(key_writer *k, const char *b, size_t n)
{
    if (k->st != ERG_OK)
        return;
    if (k->space && k->out->len > 0)
        k->st = erg_buf_putc(k->out, ' ');
    k->space = false;
    if (k->st == ERG_OK)
        k->st = erg_buf_append(k->out, b, n);
}

/* Handles the characters that keys treat specially; returns 0 for any other. */
static int key_special(key_writer *k, uint32_t cp)
{
    /* A comma inside a name is a spelling variant: "Goldman, Sachs and Co". */
    if (is_space_cp(cp) || is_hyphen_cp(cp) || cp == ',') {
        k->space = true;
        return 1;
    }
    if (cp == '.' || cp == 0xFF0E || cp == 0x2024) {
        return 1;
    }
    if (is_apostrophe_cp(cp)) {
        key_bytes(k, "'", 1);
        return 1;
    }
    if (is_dquote_cp(cp)) {
        key_bytes(k, "\"", 1);
        return 1;
    }
    return 0;
}

static void key_cp(key_writer *k, uint32_t cp)
{
    if (key_special(k, cp))
        return;
    char b[4];
    if (cp < 0x80) {
        b[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        key_bytes(k, b, 1);
        return;
    }
    utf8proc_int32_t dst[32];
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    utf8proc_ssize_t m =
        utf8proc_decompose_char((utf8proc_int32_t)cp, dst, 32,
                                UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                    UTF8PROC_STRIPMARK | UTF8PROC_IGNORE,
                                &boundclass);
    if (m < 0 || m > 32) {
        key_bytes(k, b, encode(cp, b));
        return;
    }
    for (utf8proc_ssize_t j = 0; j < m; j++) {
        uint32_t d = (uint32_t)dst[j];
        if (!key_special(k, d))
            key_bytes(k, b, encode(d, b));
    }
}

/* Length of a final possessive ("'s", "’s" in any case, or a lone apostrophe) of s[0..n). */
static size_t possessive_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t k = 0;
    if (n >= 1 && (u[n - 1] == 's' || u[n - 1] == 'S'))
        k = 1;
    if (n >= k + 1 && u[n - k - 1] == '\'')
        return k + 1;
    if (n >= k + 3 && u[n - k - 3] == 0xE2 && u[n - k - 2] == 0x80 && u[n - k - 1] == 0x99)
        return k + 3;
    return 0;
}

erg_status erg_text_name_key(const char *s, size_t n, erg_buf *out)
{
    erg_buf_clear(out);
    key_writer k = {out, false, ERG_OK};
    size_t i = 0;
    /* Room for the ASCII fast path below: a space and a byte per input byte. */
    if (erg_buf_reserve(out, 2 * n + 1) != ERG_OK)
        return ERG_ENOMEM;
    while (i < n && k.st == ERG_OK) {
        unsigned char c = (unsigned char)s[i];
        if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) &&
            out->len + 3 <= out->cap) {
            /* Letters and digits of ASCII, most of every name: lower case, no call. */
            if (k.space && out->len > 0)
                out->data[out->len++] = ' ';
            k.space = false;
            out->data[out->len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            out->data[out->len] = '\0';
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = erg_utf8_decode(s + i, n - i, &cp);
        if (cp == 0xFFFD && len == 1)
            key_bytes(&k, s + i, 1); /* an invalid byte stays as it is */
        else
            key_cp(&k, cp);
        i += len;
    }
    if (k.st != ERG_OK)
        return k.st;
    if (!out->data)
        return erg_buf_append(out, "", 0);
    out->len -= possessive_len(out->data, out->len);
    while (out->len > 0 && out->data[out->len - 1] == ' ')
        out->len--;
    out->data[out->len] = '\0';
    return ERG_OK;
}

/* Length of the quote character ending s[0..n), 0 if none. */
static size_t trailing_quote(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && (u[n - 1] == '"' || u[n - 1] == '\'' || u[n - 1] == '`'))
        return 1;
    if (n >= 2 && u[n - 2] == 0xC2 && (u[n - 1] == 0xAB || u[n - 1] == 0xBB))
        return 2; /* « » */
    if (n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 &&
        (u[n - 1] == 0x98 || u[n - 1] == 0x99 || u[n - 1] == 0x9C || u[n - 1] == 0x9D ||
         u[n - 1] == 0x9E || u[n - 1] == 0xB9 || u[n - 1] == 0xBA))
        return 3; /* ‘ ’ “ ” „ ‹ › */
    return 0;
}

/* Length of the quote character starting s[0..n), 0 if none. */
static size_t leading_quote(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && (u[0] == '"' || u[0] == '\'' || u[0] == '`'))
        return 1;
    if (n >= 2 && u[0] == 0xC2 && (u[1] == 0xAB || u[1] == 0xBB))
        return 2;
    if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
        (u[2] == 0x98 || u[2] == 0x99 || u[2] == 0x9C || u[2] == 0x9D || u[2] == 0x9E ||
         u[2] == 0xB9 || u[2] == 0xBA))
        return 3;
    return 0;
}

bool erg_text_dotted_initials(const char *w, size_t n)
{
    if (!w || n < 2 || n > 6 || n % 2)
        return false;
    for (size_t i = 0; i < n; i += 2)
        if (w[i] < 'A' || w[i] > 'Z' || w[i + 1] != '.')
            return false;
    return true;
}

erg_status erg_text_name_display(const char *s, size_t n, erg_buf *out)
{
    erg_buf_clear(out);
    erg_status st = erg_buf_reserve(out, n);
    if (st != ERG_OK)
        return st;
    bool space = false;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = erg_utf8_decode(s + i, n - i, &cp);
        if (!(cp == 0xFFFD && len == 1) && is_space_cp(cp)) {
            space = true;
        } else {
            if (space && out->len > 0)
                out->data[out->len++] = ' ';
            space = false;
            memcpy(out->data + out->len, s + i, len);
            out->len += len;
        }
        i += len;
    }
    /* Peel quotes, a possessive and spaces from the ends until none is left. */
    size_t start = 0;
    size_t end = out->len;
    for (;;) {
        size_t before = end - start;
        while (end > start && out->data[end - 1] == ' ')
            end--;
        while (start < end && out->data[start] == ' ')
            start++;
        size_t q;
        while ((q = leading_quote(out->data + start, end - start)) > 0)
            start += q;
        while ((q = trailing_quote(out->data + start, end - start)) > 0)
            end -= q;
        end -= possessive_len(out->data + start, end - start);
        if (end - start == before)
            break;
    }
    memmove(out->data, out->data + start, end - start);
    out->len = end - start;
    out->data[out->len] = '\0';
    return ERG_OK;
}
