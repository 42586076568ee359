/*
 * boiler.c: lines that one source repeats across its articles (captions,
 * bylines, bios), counted in a count-min sketch over a first pass and blanked
 * in the second. See erg/input.h for the contract and the thresholds.
 */
#include "erg/input.h"

#include <stdlib.h>
#include <string.h>

#define MIN_WIDTH ((size_t)1 << 16)

/* One source and the number of articles counted for it. */
typedef struct boiler_source {
    uint64_t key; /* hash of the source; 0 marks an empty slot */
    size_t articles;
} boiler_source;

struct erg_boiler {
    uint8_t *cells;         /* ERG_BOILER_ROWS rows of `width` saturating counters */
    size_t width;           /* a power of two */
    boiler_source *sources; /* open addressing, power-of-two capacity */
    size_t n_sources, cap_sources;
    size_t articles;
    uint64_t *hashes; /* one article's line hashes, reused */
    size_t cap_hashes;
    bool finished;
};

static inline bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The key of a source; never 0 (0 marks an empty slot). NULL and "" are one group. */
static uint64_t source_key(const char *source)
{
    uint64_t h = source && source[0] ? erg_hash(source, strlen(source)) : 0x9e3779b97f4a7c15ULL;
    return h ? h : 1;
}

/* Folds 8 bytes of a line into its hash. */
static inline uint64_t fold(uint64_t h, uint64_t word)
{
    h = (h ^ word) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
}

/* Appends one byte of the normalized line. */
#define PUT(c)                                                                                     \
    do {                                                                                           \
        acc = acc << 8 | (c);                                                                      \
        len++;                                                                                     \
        if (++k == 8) {                                                                            \
            h = fold(h, acc);                                                                      \
            acc = 0;                                                                               \
            k = 0;                                                                                 \
        }                                                                                          \
    } while (0)

/*
 * Hash of the line s[0..n) after white-space normalization, keyed with the
 * source; 0 when the line is empty after normalization or longer than
 * ERG_BOILER_MAX_LINE bytes. The normalized
 * bytes are gathered 8 at a time, so that there is one multiply per 8 bytes
 * rather than one per byte (this runs over every byte of the input twice).
 */
static uint64_t line_hash(uint64_t src, const char *s, size_t n)
{
    if (n > ERG_BOILER_MAX_LINE)
        return 0; /* a paragraph, never a caption or byline: not hashed, never counted */
    uint64_t h = ERG_HASH_SEED ^ src, acc = 0;
    unsigned k = 0;
    size_t len = 0;
    bool pending = false;
    for (size_t i = 0; i < n; i++) {
        /*
         * Eight bytes that normalization leaves as they are (no control byte,
         * no space that is leading, doubled, or followed by white space):
         * one fold, as eight PUTs would do it. The last 8 bytes of a line go
         * byte by byte, where a trailing space is dropped.
         */
        while (k == 0 && !pending && n - i >= 16) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL)
                break; /* a byte below 0x20: tab, CR, another control */
            uint64_t x = w ^ 0x2020202020202020ULL; /* spaces become zero bytes */
            uint64_t sp = (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            bool first_space = (w & 0xFF) == ' ', last_space = (w >> 56) == ' ';
            if ((sp & (sp >> 8)) || (first_space && len == 0) ||
                (last_space && (unsigned char)s[i + 8] <= ' '))
                break; /* (a mark may be false after a space: then the bytes go one by one) */
            w = __builtin_bswap64(w);
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            bool first_space = (w >> 56) == ' ', last_space = (w & 0xFF) == ' ';
            if ((sp & (sp << 8)) || (first_space && len == 0) ||
                (last_space && (unsigned char)s[i + 8] <= ' '))
                break;
#else
            break;
#endif
            h = fold(h, w);
            len += 8;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned char c = (unsigned char)s[i];
        if (is_space(c)) {
            pending = len > 0;
            continue;
        }
        if (pending) {
            PUT(' ');
            pending = false;
        }
        PUT(c);
    }
    if (len == 0)
        return 0;
    h = erg_hash_mix(fold(h, acc) ^ len);
    return h ? h : 1;
}

#undef PUT

/* The counter of row r for line hash h. */
static inline size_t cell(const erg_boiler *b, uint64_t h, size_t r)
{
    uint32_t h1 = (uint32_t)h, h2 = (uint32_t)(h >> 32) | 1u;
    return r * b->width + ((h1 + (uint32_t)r * h2) & (b->width - 1));
}

static boiler_source *source_find(const erg_boiler *b, uint64_t key)
{
    if (!b->cap_sources)
        return NULL;
    size_t mask = b->cap_sources - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (b->sources[i].key == key)
            return &b->sources[i];
        if (b->sources[i].key == 0)
            return NULL;
    }
}

/* Counts one more article of source key. ERG_ENOMEM. */
static erg_status source_count(erg_boiler *b, uint64_t key)
{
    boiler_source *s = source_find(b, key);
    if (s) {
        s->articles++;
        return ERG_OK;
    }
    if ((b->n_sources + 1) * 2 > b->cap_sources) {
        size_t cap = b->cap_sources ? b->cap_sources * 2 : 16;
        boiler_source *t = calloc(cap, sizeof *t);
        if (!t)
            return ERG_ENOMEM;
        for (size_t i = 0; i < b->cap_sources; i++) {
            if (!b->sources[i].key)
                continue;
            size_t j = b->sources[i].key & (cap - 1);
            while (t[j].key)
                j = (j + 1) & (cap - 1);
            t[j] = b->sources[i];
        }
        free(b->sources);
        b->sources = t;
        b->cap_sources = cap;
    }
    size_t mask = b->cap_sources - 1, i = key & mask;
    while (b->sources[i].key)
        i = (i + 1) & mask;
    b->sources[i] = (boiler_source){key, 1};
    b->n_sources++;
    return ERG_OK;
}

erg_status erg_boiler_new(erg_boiler **out, uint64_t input_bytes, erg_error *err)
{
    *out = NULL;
    size_t max_width = ERG_BOILER_MAX_BYTES / ERG_BOILER_ROWS;
    uint64_t want = input_bytes ? input_bytes / 64 : max_width;
    size_t width = MIN_WIDTH;
    while (width < want && width < max_width)
        width *= 2;
    erg_boiler *b = calloc(1, sizeof *b);
    if (!b)
        return erg_error_oom(err);
    b->width = width;
    b->cells = calloc(ERG_BOILER_ROWS, width);
    if (!b->cells) {
        free(b);
        return erg_error_oom(err);
    }
    *out = b;
    return ERG_OK;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

erg_status erg_boiler_add(erg_boiler *b, const erg_article *art, erg_error *err)
{
    if (b->finished)
        return erg_error_set(err, ERG_EINVAL, NULL, 0, -1,
                             "boilerplate detector: article added after finish");
    uint64_t src = source_key(art->source);
    if (source_count(b, src) != ERG_OK)
        return erg_error_oom(err);
    b->articles++;
    size_t n = 0;
    const char *t = art->text, *end = t ? t + art->text_len : NULL;
    while (t && t < end) {
        const char *nl = memchr(t, '\n', (size_t)(end - t));
        const char *stop = nl ? nl : end;
        uint64_t h = line_hash(src, t, (size_t)(stop - t));
        if (h) {
            if (erg_grow((void **)&b->hashes, &b->cap_hashes, n + 1, sizeof *b->hashes) != ERG_OK)
                return erg_error_oom(err);
            b->hashes[n++] = h;
        }
        t = nl ? nl + 1 : end;
    }
    /* Each line once per article: the count is of articles, not of lines. */
    if (n > 1)
        qsort(b->hashes, n, sizeof *b->hashes, cmp_u64);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && b->hashes[i] == b->hashes[i - 1])
            continue;
        for (size_t r = 0; r < ERG_BOILER_ROWS; r++) {
            uint8_t *c = &b->cells[cell(b, b->hashes[i], r)];
            if (*c < UINT8_MAX)
                (*c)++;
        }
    }
    return ERG_OK;
}

void erg_boiler_finish(erg_boiler *b)
{
    b->finished = true;
    free(b->hashes);
    b->hashes = NULL;
    b->cap_hashes = 0;
}

static unsigned count_hash(const erg_boiler *b, uint64_t h)
{
    if (!h)
        return 0;
    unsigned m = UINT8_MAX;
    for (size_t r = 0; r < ERG_BOILER_ROWS; r++) {
        unsigned c = b->cells[cell(b, h, r)];
        if (c < m)
            m = c;
    }
    return m;
}

unsigned erg_boiler_count(const erg_boiler *b, const char *source, const char *text, size_t n)
{
    return count_hash(b, line_hash(source_key(source), text, n));
}

/* Whether a source has enough articles for any of its lines to be boilerplate. */
static bool source_can_repeat(const erg_boiler *b, uint64_t src)
{
    const boiler_source *s = source_find(b, src);
    return s && s->articles >= ERG_BOILER_MIN_ARTICLES;
}

bool erg_boiler_is_boiler(const erg_boiler *b, const char *source, const char *text, size_t n)
{
    uint64_t src = source_key(source);
    return b->finished && source_can_repeat(b, src) &&
           count_hash(b, line_hash(src, text, n)) >= ERG_BOILER_MIN_ARTICLES;
}

erg_status erg_boiler_blank(const erg_boiler *b, const erg_article *art, erg_buf *buf,
                            erg_article *out, size_t *n_lines, erg_error *err)
{
    *out = *art;
    size_t blanked = 0;
    uint64_t src = source_key(art->source);
    if (b->finished && art->text && source_can_repeat(b, src)) {
        const char *t = art->text, *end = t + art->text_len;
        while (t < end) {
            const char *nl = memchr(t, '\n', (size_t)(end - t));
            const char *stop = nl ? nl : end;
            if (count_hash(b, line_hash(src, t, (size_t)(stop - t))) >= ERG_BOILER_MIN_ARTICLES) {
                if (blanked == 0) {
                    erg_buf_clear(buf);
                    if (erg_buf_append(buf, art->text, art->text_len) != ERG_OK)
                        return erg_error_oom(err);
                    out->text = buf->data;
                }
                memset(buf->data + (t - art->text), ' ', (size_t)(stop - t));
                blanked++;
            }
            t = nl ? nl + 1 : end;
        }
    }
    if (n_lines)
        *n_lines = blanked;
    return ERG_OK;
}

size_t erg_boiler_articles(const erg_boiler *b)
{
    return b->articles;
}

void erg_boiler_free(erg_boiler *b)
{
    if (!b)
        return;
    free(b->cells);
    free(b->sources);
    free(b->hashes);
    free(b);
}

size_t erg_boiler_sources(const erg_boiler *b)
{
    return b->n_sources;
}

size_t erg_boiler_width(const erg_boiler *b)
{
    return b->width;
}

/* ---- the detector file ---- */

static const char boiler_magic[8] = {'E', 'R', 'G', 'B', 'O', 'I', 'L', '\n'};

/* A fixed line hashed as this build hashes lines: a file of another hash is refused. */
static uint64_t test_hash(void)
{
    static const char line[] = "Photo: erg boilerplate test line";
    return line_hash(source_key("erg"), line, sizeof line - 1);
}

static erg_status put_le(erg_buf *b, uint64_t v, int bytes)
{
    unsigned char x[8];
    for (int i = 0; i < bytes; i++)
        x[i] = (unsigned char)(v >> (8 * i));
    return erg_buf_append(b, (const char *)x, (size_t)bytes);
}

static int cmp_source(const void *a, const void *b)
{
    uint64_t x = ((const boiler_source *)a)->key, y = ((const boiler_source *)b)->key;
    return (x > y) - (x < y);
}

erg_status erg_boiler_save(const erg_boiler *b, const char *path, erg_error *err)
{
    if (!b || !b->finished)
        return erg_error_set(err, ERG_EINVAL, path, 0, -1,
                             "boilerplate detector: save it after erg_boiler_finish");
    erg_buf buf;
    erg_buf_init(&buf);
    erg_outfile of = {NULL, NULL, NULL};
    boiler_source *srcs = NULL;
    erg_status st = ERG_OK;
    size_t n = 0;
    if (b->n_sources && !(srcs = malloc(b->n_sources * sizeof *srcs)))
        goto oom;
    for (size_t i = 0; i < b->cap_sources; i++)
        if (b->sources[i].key)
            srcs[n++] = b->sources[i];
    if (n > 1)
        qsort(srcs, n, sizeof *srcs, cmp_source);
    if (erg_buf_append(&buf, boiler_magic, sizeof boiler_magic) != ERG_OK ||
        put_le(&buf, ERG_BOILER_FILE_VERSION, 4) != ERG_OK ||
        put_le(&buf, ERG_BOILER_ROWS, 4) != ERG_OK ||
        put_le(&buf, ERG_BOILER_MIN_ARTICLES, 4) != ERG_OK ||
        put_le(&buf, ERG_BOILER_MAX_LINE, 4) != ERG_OK || put_le(&buf, test_hash(), 8) != ERG_OK ||
        put_le(&buf, b->width, 8) != ERG_OK || put_le(&buf, b->articles, 8) != ERG_OK ||
        put_le(&buf, n, 8) != ERG_OK)
        goto oom;
    for (size_t i = 0; i < n; i++)
        if (put_le(&buf, srcs[i].key, 8) != ERG_OK || put_le(&buf, srcs[i].articles, 8) != ERG_OK)
            goto oom;
    if (erg_buf_append(&buf, (const char *)b->cells, ERG_BOILER_ROWS * b->width) != ERG_OK ||
        put_le(&buf, erg_hash(buf.data, buf.len), 8) != ERG_OK)
        goto oom;
    if ((st = erg_outfile_open(&of, path, err)) != ERG_OK)
        goto cleanup;
    if (fwrite(buf.data, 1, buf.len, of.fp) != buf.len) {
        erg_outfile_abort(&of);
        st = erg_error_set(err, ERG_EIO, path, 0, -1, "cannot write");
        goto cleanup;
    }
    st = erg_outfile_commit(&of, err);
    goto cleanup;
oom:
    st = erg_error_oom(err);
cleanup:
    free(srcs);
    erg_buf_release(&buf);
    return st;
}

/* Reads bytes little-endian bytes at *p (the caller checked the length). */
static uint64_t get_le(const unsigned char **p, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)(*p)[i] << (8 * i);
    *p += bytes;
    return v;
}

erg_status erg_boiler_load(erg_boiler **out, const char *path, erg_error *err)
{
    static const size_t header = sizeof boiler_magic + 4 * 4 + 8 * 4;
    const size_t max_width = ERG_BOILER_MAX_BYTES / ERG_BOILER_ROWS;
    char *data = NULL;
    size_t len = 0;
    erg_boiler *b = NULL;
    *out = NULL;
    erg_status st = erg_read_file(path, &data, &len, err);
    if (st != ERG_OK)
        return st;
    const unsigned char *p = (const unsigned char *)data;
    const char *why = NULL;
    if (len < header || memcmp(p, boiler_magic, sizeof boiler_magic) != 0) {
        why = "not a boilerplate detector file (write one with erg boilerplate)";
        goto bad;
    }
    p += sizeof boiler_magic;
    uint64_t version = get_le(&p, 4), rows = get_le(&p, 4), min = get_le(&p, 4),
             max_line = get_le(&p, 4), th = get_le(&p, 8), width = get_le(&p, 8),
             articles = get_le(&p, 8), n = get_le(&p, 8);
    if (version != ERG_BOILER_FILE_VERSION) {
        st = erg_error_set(err, ERG_EFORMAT, path, 0, -1,
                           "boilerplate detector of version %llu; this erg reads version %d",
                           (unsigned long long)version, ERG_BOILER_FILE_VERSION);
        goto cleanup;
    }
    if (rows != ERG_BOILER_ROWS || min != ERG_BOILER_MIN_ARTICLES ||
        max_line != ERG_BOILER_MAX_LINE || th != test_hash()) {
        why = "made by an erg with other boilerplate settings or another line hash; make it "
              "again with this erg (erg boilerplate)";
        goto bad;
    }
    if (width < MIN_WIDTH || width > max_width || (width & (width - 1))) {
        why = "impossible sketch width";
        goto bad;
    }
    /* n sources of 16 bytes, the counters and the checksum: exactly the rest of the file. */
    if (n > (len - header) / 16 || len - header - n * 16 != ERG_BOILER_ROWS * width + 8) {
        why = "cut short, or longer than its header says";
        goto bad;
    }
    const unsigned char *sum_at = (const unsigned char *)data + len - 8;
    if (get_le(&sum_at, 8) != erg_hash(data, len - 8)) {
        why = "checksum mismatch: the file is corrupt";
        goto bad;
    }
    if (!(b = calloc(1, sizeof *b)) || !(b->cells = malloc(ERG_BOILER_ROWS * width))) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    b->width = (size_t)width;
    b->articles = (size_t)articles;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t key = get_le(&p, 8), count = get_le(&p, 8);
        if (key == 0 || count == 0 || source_find(b, key)) {
            why = "a source listed twice, or with no key or no articles";
            goto bad;
        }
        if (source_count(b, key) != ERG_OK) {
            st = erg_error_oom(err);
            goto cleanup;
        }
        source_find(b, key)->articles = (size_t)count;
    }
    memcpy(b->cells, p, ERG_BOILER_ROWS * width);
    b->finished = true;
    *out = b;
    b = NULL;
    goto cleanup;
bad:
    st = erg_error_set(err, ERG_EFORMAT, path, 0, -1, "%s", why);
cleanup:
    erg_boiler_free(b);
    free(data);
    return st;
}
