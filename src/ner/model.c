/*
 * model.c: the model file (load, save, build) and the default model path.
 *
 * File layout, version 3, all numbers little-endian:
 *   "ERGMODEL", u32 version, u32 scheme, u32 labels L, u32 0,
 *   u64 feature-template mask, f32 scale, u32 features F, u32 words W, u32 0,
 *   L label names of 8 bytes (NUL-padded),
 *   (L + 1) * L i32 transitions (first row: sentence start), L i32 end scores,
 *   F u32 feature fingerprints (strictly ascending, non-zero), F * L i16 weights,
 *   W u32 word fingerprints (strictly ascending, non-zero), W u8 case profiles,
 *   W u32 lexicon values (gazetteer bits and cluster classes; version 2 and up),
 *   W u32 word-vector classes (the lexicon values' high halves; version 3 only),
 *   u64 checksum (erg_hash of every byte before it).
 * Version 1 files (no lexicon values) and 2 (no word-vector classes) are
 * still read; a model without word-vector classes is saved as version 2.
 */
#include "tagger_private.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define HEADER_SIZE 48
/* No model is bigger (the shipped one is under 20 MB): a header announcing more is corrupt. */
#define NER_MODEL_MAX_BYTES (4ULL << 30)

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get_u64(const unsigned char *p)
{
    return (uint64_t)get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
}

static void put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static void put_u64(unsigned char *p, uint64_t v)
{
    put_u32(p, (uint32_t)v);
    put_u32(p + 4, (uint32_t)(v >> 32));
}

/* Zeroed, 64-byte aligned storage for n rows of the model's stride. */
static int16_t *alloc_rows(erg_model *m, size_t n)
{
    m->stride = m->ls.n <= 16 ? 16 : 32;
    size_t bytes = (n ? n : 1) * m->stride * sizeof(int16_t);
    bytes = (bytes + 63) / 64 * 64;
    int16_t *r = aligned_alloc(64, bytes);
    if (r)
        memset(r, 0, bytes);
    return r;
}

static uint32_t pow2_slots(uint32_t n)
{
    uint32_t cap = 16;
    while (cap < 2u * n && cap < (1u << 31))
        cap <<= 1;
    return cap;
}

static const char *label_file_name(const ner_labelset *ls, int l, char buf[8])
{
    if (ls->scheme == NER_SCHEME_IOB2 || l == 0)
        return erg_label_name((erg_label)ls->to_iob2[l]);
    static const char parts[4] = {'B', 'I', 'L', 'U'};
    snprintf(buf, 8, "%c-%s", parts[(l - 1) % 4], erg_class_name((erg_class)((l - 1) / 4)));
    return buf;
}

uint8_t ner_wordtab_get(const ner_wordtab *t, uint32_t fp)
{
    if (!t->fp)
        return 0;
    uint32_t i = fp & t->mask;
    for (;;) {
        uint32_t f = t->fp[i];
        if (f == fp)
            return t->cls[i];
        if (f == 0)
            return 0;
        i = (i + 1) & t->mask;
    }
}

uint8_t ner_wordtab_get_lex(const ner_wordtab *t, uint32_t fp, uint64_t *lex)
{
    *lex = 0;
    if (!t->fp)
        return 0;
    uint32_t i = fp & t->mask;
    for (;;) {
        uint32_t f = t->fp[i];
        if (f == fp) {
            *lex = t->lex[i];
            return t->cls[i];
        }
        if (f == 0)
            return 0;
        i = (i + 1) & t->mask;
    }
}

void erg_model_free(erg_model *m)
{
    if (!m)
        return;
    free(m->slots);
    free(m->rows);
    free(m->feat_fps);
    free(m->word_fps);
    free(m->word_cls);
    free(m->word_lex);
    free(m->words.fp);
    free(m->words.cls);
    free(m->words.lex);
    erg_knowledge_free(m->know_owned);
    free(m);
}

size_t erg_model_feature_count(const erg_model *m)
{
    return m ? m->n_feats : 0;
}

/* Builds the lookup tables of m from its sorted fingerprint arrays. */
static erg_status index_model(erg_model *m, erg_error *err)
{
    uint32_t cap = pow2_slots(m->n_feats);
    m->slots = calloc(cap, sizeof *m->slots);
    if (!m->slots)
        return erg_error_oom(err);
    m->slot_mask = cap - 1;
    for (uint32_t r = 0; r < m->n_feats; r++) {
        uint32_t i = m->feat_fps[r] & m->slot_mask;
        while (m->slots[i].fp)
            i = (i + 1) & m->slot_mask;
        m->slots[i].fp = m->feat_fps[r];
        m->slots[i].row = r;
    }
    uint32_t wcap = pow2_slots(m->words.n);
    m->words.fp = calloc(wcap, sizeof *m->words.fp);
    m->words.cls = calloc(wcap, 1);
    m->words.lex = calloc(wcap, sizeof *m->words.lex);
    if (!m->words.fp || !m->words.cls || !m->words.lex)
        return erg_error_oom(err);
    m->words.mask = wcap - 1;
    for (uint32_t r = 0; r < m->words.n; r++) {
        uint32_t i = m->word_fps[r] & m->words.mask;
        while (m->words.fp[i])
            i = (i + 1) & m->words.mask;
        m->words.fp[i] = m->word_fps[r];
        m->words.cls[i] = m->word_cls[r];
        m->words.lex[i] = m->word_lex[r];
    }
    return ERG_OK;
}

typedef struct fp_row {
    uint32_t fp;
    uint32_t idx;
} fp_row;

static int cmp_fp_row(const void *a, const void *b)
{
    const fp_row *x = a, *y = b;
    if (x->fp != y->fp)
        return x->fp < y->fp ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

erg_status ner_model_build(erg_model **out, const ner_labelset *ls, uint64_t feat_mask, float scale,
                           const uint32_t *fps, const int16_t *rows, uint32_t n,
                           const int32_t *trans, const int32_t *trans_end, const uint32_t *word_fps,
                           const uint8_t *word_cls, const uint64_t *word_lex, uint32_t n_words,
                           erg_error *err)
{
    *out = NULL;
    erg_status st = ERG_OK;
    int L = ls->n;
    fp_row *order = NULL;
    erg_model *m = calloc(1, sizeof *m);
    if (!m)
        return erg_error_oom(err);
    m->ls = *ls;
    m->feat_mask = feat_mask;
    m->scale = scale;
    memcpy(m->trans, trans, sizeof m->trans);
    memcpy(m->trans_end, trans_end, sizeof(int32_t) * (size_t)L);

    order = malloc(sizeof *order * (n ? n : 1));
    m->feat_fps = malloc(sizeof *m->feat_fps * (n ? n : 1));
    m->rows = alloc_rows(m, n);
    if (!order || !m->feat_fps || !m->rows) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    for (uint32_t i = 0; i < n; i++)
        order[i] = (fp_row){fps[i] ? fps[i] : 1u, i};
    qsort(order, n, sizeof *order, cmp_fp_row);
    /* Features sharing a fingerprint are merged: their weights add up (saturating). */
    uint32_t nf = 0;
    for (uint32_t i = 0; i < n; i++) {
        const int16_t *src = rows + (size_t)order[i].idx * (size_t)L;
        if (nf > 0 && m->feat_fps[nf - 1] == order[i].fp) {
            int16_t *dst = m->rows + (size_t)(nf - 1) * m->stride;
            for (int l = 0; l < L; l++) {
                int v = dst[l] + src[l];
                dst[l] = (int16_t)(v > INT16_MAX ? INT16_MAX : v < -INT16_MAX ? -INT16_MAX : v);
            }
            continue;
        }
        m->feat_fps[nf] = order[i].fp;
        memcpy(m->rows + (size_t)nf * m->stride, src, sizeof(int16_t) * (size_t)L);
        nf++;
    }
    m->n_feats = nf;

    free(order);
    order = malloc(sizeof *order * (n_words ? n_words : 1));
    m->word_fps = malloc(sizeof *m->word_fps * (n_words ? n_words : 1));
    m->word_cls = malloc(n_words ? n_words : 1);
    m->word_lex = malloc(sizeof *m->word_lex * (n_words ? n_words : 1));
    if (!order || !m->word_fps || !m->word_cls || !m->word_lex) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    for (uint32_t i = 0; i < n_words; i++)
        order[i] = (fp_row){word_fps[i] ? word_fps[i] : 1u, i};
    qsort(order, n_words, sizeof *order, cmp_fp_row);
    uint32_t nw = 0;
    for (uint32_t i = 0; i < n_words; i++) {
        if (nw > 0 && m->word_fps[nw - 1] == order[i].fp)
            continue; /* a fingerprint collision: the first word keeps it */
        m->word_fps[nw] = order[i].fp;
        m->word_cls[nw] = word_cls[order[i].idx];
        m->word_lex[nw] = word_lex ? word_lex[order[i].idx] : 0;
        nw++;
    }
    m->words.n = nw;
    st = index_model(m, err);
cleanup:
    free(order);
    if (st != ERG_OK)
        erg_model_free(m);
    else
        *out = m;
    return st;
}

static uint64_t expected_size(uint32_t version, uint64_t L, uint64_t F, uint64_t W)
{
    return HEADER_SIZE + 8 * L + 4 * (L + 1) * L + 4 * L + F * (4 + 2 * L) +
           W * (version >= 3   ? 13
                : version >= 2 ? 9
                               : 5) +
           8;
}

/*
 * Reads a model file: its header first, and then no more than the header
 * announces plus one byte (so that a longer file is told from a right one),
 * so that /dev/zero or a huge file of something else is never read whole.
 * The header's fields are checked by erg_model_load.
 */
static erg_status read_model_file(const char *path, char **data, size_t *len, erg_error *err)
{
    *data = NULL;
    *len = 0;
    erg_status st = ERG_OK;
    unsigned char head[HEADER_SIZE];
    erg_buf b;
    erg_buf_init(&b);
    FILE *f = fopen(path, "rb");
    if (!f)
        return erg_error_set(err, ERG_EIO, path, 0, -1, "cannot open: %s", strerror(errno));
    size_t got = fread(head, 1, sizeof head, f);
    if (ferror(f)) {
        st = erg_error_set(err, ERG_EIO, path, 0, -1, "cannot read: %s", strerror(errno));
        goto cleanup;
    }
    uint64_t want = got;
    if (got == HEADER_SIZE && memcmp(head, NER_MODEL_MAGIC, 8) == 0 && get_u32(head + 8) >= 1 &&
        get_u32(head + 8) <= NER_MODEL_VERSION && get_u32(head + 16) <= 64)
        want = expected_size(get_u32(head + 8), get_u32(head + 16), get_u32(head + 36),
                             get_u32(head + 40));
    if (want < got || want >= SIZE_MAX / 2 || want > NER_MODEL_MAX_BYTES) {
        st = erg_error_set(err, ERG_EFORMAT, path, 0, -1,
                           "malformed model file (the header announces %llu bytes)",
                           (unsigned long long)want);
        goto cleanup;
    }
    /*
     * The buffer grows with what is read, never to the size announced: a
     * header of 48 bytes may announce gigabytes that are not there.
     */
    if (erg_buf_append(&b, head, got) != ERG_OK) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    while (got == HEADER_SIZE && b.len < want + 1) {
        size_t chunk = want + 1 - b.len < (1u << 20) ? (size_t)(want + 1 - b.len) : (1u << 20);
        if (erg_buf_reserve(&b, chunk) != ERG_OK) {
            st = erg_error_oom(err);
            goto cleanup;
        }
        size_t r = fread(b.data + b.len, 1, chunk, f);
        b.len += r;
        b.data[b.len] = '\0';
        if (r < chunk)
            break;
    }
    if (ferror(f)) {
        st = erg_error_set(err, ERG_EIO, path, 0, -1, "cannot read: %s", strerror(errno));
        goto cleanup;
    }
    *len = b.len;
    if (!(*data = erg_buf_steal(&b)))
        st = erg_error_oom(err);
cleanup:
    erg_buf_release(&b);
    fclose(f);
    return st;
}

erg_status erg_model_load(erg_model **out, const char *path, erg_error *err)
{
    *out = NULL;
    char *data = NULL;
    size_t len = 0;
    erg_model *m = NULL;
    erg_status st = read_model_file(path, &data, &len, err);
    if (st != ERG_OK)
        return st;
    const unsigned char *p = (const unsigned char *)data;
    if (len < HEADER_SIZE || memcmp(p, NER_MODEL_MAGIC, 8) != 0) {
        st = erg_error_set(err, ERG_EFORMAT, path, 0, -1, "not an erg model file");
        goto cleanup;
    }
    uint32_t version = get_u32(p + 8);
    if (version < 1 || version > NER_MODEL_VERSION) {
        st = erg_error_set(err, ERG_EFORMAT, path, 0, -1,
                           "unsupported model version %u (this erg reads version %d)", version,
                           NER_MODEL_VERSION);
        goto cleanup;
    }
    ner_labelset ls;
    uint32_t scheme = get_u32(p + 12), L = get_u32(p + 16);
    if (!ner_labelset_init(&ls, scheme) || (int)L != ls.n) {
        st = erg_error_set(err, ERG_EFORMAT, path, 0, 12, "unknown label scheme %u with %u labels",
                           scheme, L);
        goto cleanup;
    }
    uint64_t mask = get_u64(p + 24);
    if (mask >> NER_T_COUNT) {
        st = erg_error_set(err, ERG_EFORMAT, path, 0, 24,
                           "model uses features this erg does not know; update erg");
        goto cleanup;
    }
    uint32_t scale_bits = get_u32(p + 32);
    float scale;
    memcpy(&scale, &scale_bits, sizeof scale);
    uint32_t F = get_u32(p + 36), W = get_u32(p + 40);
    uint64_t want = expected_size(version, L, F, W);
    if (want != len) {
        if (len < want)
            st = erg_error_set(err, ERG_EFORMAT, path, 0, -1,
                               "truncated model file (%zu bytes, the header announces %llu)", len,
                               (unsigned long long)want);
        else
            st = erg_error_set(err, ERG_EFORMAT, path, 0, -1,
                               "malformed model file (longer than the %llu bytes the header "
                               "announces)",
                               (unsigned long long)want);
        goto cleanup;
    }
    uint64_t sum = erg_hash(p, len - 8);
    if (sum != get_u64(p + len - 8)) {
        st = erg_error_set(err, ERG_EFORMAT, path, 0, -1, "corrupt model file (checksum mismatch)");
        goto cleanup;
    }
    if (!isfinite(scale) || scale <= 0) {
        st = erg_error_set(err, ERG_EFORMAT, path, 0, 32, "corrupt model file (bad scale)");
        goto cleanup;
    }
    size_t off = HEADER_SIZE;
    for (uint32_t l = 0; l < L; l++, off += 8) {
        char buf[8];
        const char *want_name = label_file_name(&ls, (int)l, buf);
        if (strncmp((const char *)p + off, want_name, 8) != 0 || p[off + 7] != '\0') {
            st = erg_error_set(err, ERG_EFORMAT, path, 0, (long long)off,
                               "unexpected label set (label %u is not %s)", l, want_name);
            goto cleanup;
        }
    }
    int32_t trans[NER_MAX_LABELS + 1][NER_MAX_LABELS];
    int32_t trans_end[NER_MAX_LABELS];
    memset(trans, 0, sizeof trans);
    for (uint32_t a = 0; a <= L; a++)
        for (uint32_t b = 0; b < L; b++, off += 4)
            trans[a][b] = (int32_t)get_u32(p + off);
    for (uint32_t b = 0; b < L; b++, off += 4)
        trans_end[b] = (int32_t)get_u32(p + off);

    m = calloc(1, sizeof *m);
    if (!m) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    m->ls = ls;
    m->feat_mask = mask;
    m->scale = scale;
    m->n_feats = F;
    m->words.n = W;
    memcpy(m->trans, trans, sizeof trans);
    memcpy(m->trans_end, trans_end, sizeof trans_end);
    m->feat_fps = malloc(sizeof *m->feat_fps * (F ? F : 1));
    m->rows = alloc_rows(m, F);
    m->word_fps = malloc(sizeof *m->word_fps * (W ? W : 1));
    m->word_cls = malloc(W ? W : 1);
    m->word_lex = calloc(W ? W : 1, sizeof *m->word_lex);
    if (!m->feat_fps || !m->rows || !m->word_fps || !m->word_cls || !m->word_lex) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    for (uint32_t i = 0; i < F; i++, off += 4) {
        m->feat_fps[i] = get_u32(p + off);
        if (m->feat_fps[i] == 0 || (i > 0 && m->feat_fps[i] <= m->feat_fps[i - 1])) {
            st = erg_error_set(err, ERG_EFORMAT, path, 0, (long long)off,
                               "corrupt model file (feature keys out of order)");
            goto cleanup;
        }
    }
    for (size_t r = 0; r < F; r++)
        for (size_t l = 0; l < L; l++, off += 2)
            m->rows[r * m->stride + l] = (int16_t)(uint16_t)(p[off] | p[off + 1] << 8);
    for (uint32_t i = 0; i < W; i++, off += 4) {
        m->word_fps[i] = get_u32(p + off);
        if (m->word_fps[i] == 0 || (i > 0 && m->word_fps[i] <= m->word_fps[i - 1])) {
            st = erg_error_set(err, ERG_EFORMAT, path, 0, (long long)off,
                               "corrupt model file (word keys out of order)");
            goto cleanup;
        }
    }
    for (uint32_t i = 0; i < W; i++, off++) {
        m->word_cls[i] = p[off];
        if ((p[off] & 7) > NER_CASE_ONLY_START || (p[off] >> 3) > NER_ENT_MIXED) {
            st = erg_error_set(err, ERG_EFORMAT, path, 0, (long long)off,
                               "corrupt model file (bad word class)");
            goto cleanup;
        }
    }
    if (version >= 2)
        for (uint32_t i = 0; i < W; i++, off += 4)
            m->word_lex[i] = get_u32(p + off);
    if (version >= 3)
        for (uint32_t i = 0; i < W; i++, off += 4)
            m->word_lex[i] |= (uint64_t)get_u32(p + off) << 32;
    st = index_model(m, err);
cleanup:
    free(data);
    if (st != ERG_OK) {
        erg_model_free(m);
        return st;
    }
    *out = m;
    return ERG_OK;
}

/* Output that hashes every byte it writes, for the trailing checksum. */
typedef struct hashed_out {
    FILE *fp;
    uint64_t h;
} hashed_out;

static void hw(hashed_out *o, const void *data, size_t n)
{
    o->h = erg_hash_more(o->h, data, n);
    fwrite(data, 1, n, o->fp);
}

static void hw_u32(hashed_out *o, uint32_t v)
{
    unsigned char b[4];
    put_u32(b, v);
    hw(o, b, 4);
}

erg_status erg_model_save(const erg_model *m, const char *path, erg_error *err)
{
    erg_outfile of;
    erg_status st = erg_outfile_open(&of, path, err);
    if (st != ERG_OK)
        return st;
    hashed_out o = {of.fp, ERG_HASH_SEED};
    int L = m->ls.n;
    /* Version 2 when no word has word-vector classes: older erg reads such a model. */
    uint32_t version = 2;
    for (uint32_t i = 0; i < m->words.n && version == 2; i++)
        if (NER_LEX_VECTORS(m->word_lex[i]))
            version = 3;
    unsigned char head[HEADER_SIZE];
    memset(head, 0, sizeof head);
    memcpy(head, NER_MODEL_MAGIC, 8);
    put_u32(head + 8, version);
    put_u32(head + 12, (uint32_t)m->ls.scheme);
    put_u32(head + 16, (uint32_t)L);
    put_u64(head + 24, m->feat_mask);
    uint32_t scale_bits;
    memcpy(&scale_bits, &m->scale, sizeof scale_bits);
    put_u32(head + 32, scale_bits);
    put_u32(head + 36, m->n_feats);
    put_u32(head + 40, m->words.n);
    hw(&o, head, sizeof head);
    for (int l = 0; l < L; l++) {
        char buf[8], name[8];
        memset(name, 0, sizeof name);
        const char *s = label_file_name(&m->ls, l, buf);
        memcpy(name, s, strlen(s));
        hw(&o, name, 8);
    }
    for (int a = 0; a <= L; a++)
        for (int b = 0; b < L; b++)
            hw_u32(&o, (uint32_t)m->trans[a][b]);
    for (int b = 0; b < L; b++)
        hw_u32(&o, (uint32_t)m->trans_end[b]);
    for (uint32_t i = 0; i < m->n_feats; i++)
        hw_u32(&o, m->feat_fps[i]);
    for (size_t r = 0; r < m->n_feats; r++)
        for (int l = 0; l < L; l++) {
            uint16_t v = (uint16_t)m->rows[r * m->stride + (size_t)l];
            unsigned char b[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
            hw(&o, b, 2);
        }
    for (uint32_t i = 0; i < m->words.n; i++)
        hw_u32(&o, m->word_fps[i]);
    hw(&o, m->word_cls, m->words.n);
    for (uint32_t i = 0; i < m->words.n; i++)
        hw_u32(&o, (uint32_t)m->word_lex[i]);
    if (version >= 3)
        for (uint32_t i = 0; i < m->words.n; i++)
            hw_u32(&o, (uint32_t)NER_LEX_VECTORS(m->word_lex[i]));
    unsigned char sum[8];
    put_u64(sum, erg_hash_mix(o.h));
    fwrite(sum, 1, 8, of.fp);
    return erg_outfile_commit(&of, err);
}

erg_status erg_model_default_path(char *buf, size_t cap, erg_error *err)
{
    const char *env = getenv("ERG_MODEL");
    if (env && *env) {
        if (strlen(env) >= cap)
            return erg_error_set(err, ERG_EINVAL, env, 0, -1, "path too long");
        memcpy(buf, env, strlen(env) + 1);
        return ERG_OK;
    }
    return erg_data_path("erg.model", buf, cap, err);
}
