#include "erg/common.h"

#include <stdlib.h>
#include <string.h>

void erg_buf_init(erg_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void erg_buf_release(erg_buf *b)
{
    if (!b)
        return;
    free(b->data);
    erg_buf_init(b);
}

void erg_buf_clear(erg_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

erg_status erg_buf_reserve(erg_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return ERG_ENOMEM;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return ERG_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return ERG_ENOMEM;
    b->data = p;
    b->cap = cap;
    return ERG_OK;
}

erg_status erg_buf_append(erg_buf *b, const void *data, size_t n)
{
    if (erg_buf_reserve(b, n) != ERG_OK)
        return ERG_ENOMEM;
    if (n)
        memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = '\0';
    return ERG_OK;
}

erg_status erg_buf_puts(erg_buf *b, const char *s)
{
    return erg_buf_append(b, s, strlen(s));
}

erg_status erg_buf_putc(erg_buf *b, char c)
{
    return erg_buf_append(b, &c, 1);
}

erg_status erg_buf_printf(erg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    erg_status st = ERG_ENOMEM;
    if (n >= 0 && erg_buf_reserve(b, (size_t)n) == ERG_OK) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
        st = ERG_OK;
    }
    va_end(ap2);
    return st;
}

char *erg_buf_steal(erg_buf *b)
{
    char *s = b->data;
    if (!s)
        s = calloc(1, 1);
    erg_buf_init(b);
    return s;
}

erg_status erg_grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return ERG_OK;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / elem)
            return ERG_ENOMEM;
        c *= 2;
    }
    void *p = realloc(*arr, c * elem);
    if (!p)
        return ERG_ENOMEM;
    *arr = p;
    *cap = c;
    return ERG_OK;
}

uint64_t erg_hash_more(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t erg_hash_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

uint64_t erg_hash(const void *data, size_t n)
{
    return erg_hash_mix(erg_hash_more(ERG_HASH_SEED, data, n));
}

char *erg_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *erg_strdup(const char *s)
{
    return s ? erg_strndup(s, strlen(s)) : NULL;
}
