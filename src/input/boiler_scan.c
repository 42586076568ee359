/*
 * boiler_scan.c: the first pass of boilerplate detection over the inputs,
 * at a fraction of the cost of reading them with erg_input_next: a JSON line
 * is scanned for its top-level "text" and "source" strings without building
 * JSON values; jansson reads only the lines the scan does not follow.
 */
#include "input_private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Scratch of one scan: the decoded text and source of the line. */
typedef struct scan_state {
    erg_buf text, source;
    bool has_text, has_source;
} scan_state;

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

/*
 * Decodes the JSON string at p (just after its '"') into out (when not
 * NULL); returns the byte after the closing '"', or NULL when the scan does
 * not follow it (a \u escape, a control byte, no closing quote).
 */
static const char *scan_string(const char *p, const char *end, erg_buf *out)
{
    for (;;) {
        const char *q = p;
        while (q < end && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20)
            q++;
        if (q == end || (unsigned char)*q < 0x20)
            return NULL;
        if (out && q > p && erg_buf_append(out, p, (size_t)(q - p)) != ERG_OK)
            return NULL;
        if (*q == '"')
            return q + 1;
        if (q + 1 == end)
            return NULL;
        char c;
        switch (q[1]) {
        case 'n':
            c = '\n';
            break;
        case 't':
            c = '\t';
            break;
        case 'r':
            c = '\r';
            break;
        case 'b':
            c = '\b';
            break;
        case 'f':
            c = '\f';
            break;
        case '"':
            c = '"';
            break;
        case '\\':
            c = '\\';
            break;
        case '/':
            c = '/';
            break;
        default:
            return NULL; /* \u: left to jansson */
        }
        if (out && erg_buf_putc(out, c) != ERG_OK)
            return NULL;
        p = q + 2;
    }
}

/* Skips one JSON value that is not a string of interest; NULL when not followed. */
static const char *skip_value(const char *p, const char *end)
{
    int depth = 0;
    do {
        p = skip_ws(p, end);
        if (p == end)
            return NULL;
        if (*p == '"') {
            if (!(p = scan_string(p + 1, end, NULL)))
                return NULL;
        } else if (*p == '{' || *p == '[') {
            depth++;
            p++;
        } else if (*p == '}' || *p == ']') {
            if (--depth < 0)
                return NULL;
            p++;
        } else if (*p == ',' || *p == ':') {
            if (depth == 0)
                return NULL;
            p++;
        } else {
            while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\t' &&
                   *p != '\r' && *p != '\n' && *p != '"')
                p++;
        }
    } while (depth > 0);
    return p;
}

/* Scans one JSON object line into st; false when the scan does not follow it. */
static bool scan_line(const char *p, const char *end, scan_state *st)
{
    erg_buf_clear(&st->text);
    erg_buf_clear(&st->source);
    st->has_text = st->has_source = false;
    p = skip_ws(p, end);
    if (p == end || *p++ != '{')
        return false;
    p = skip_ws(p, end);
    if (p < end && *p == '}')
        return skip_ws(p + 1, end) == end;
    for (;;) {
        if (p == end || *p != '"')
            return false;
        const char *key = p + 1;
        if (!(p = scan_string(key, end, NULL)))
            return false;
        size_t klen = (size_t)(p - 1 - key);
        p = skip_ws(p, end);
        if (p == end || *p++ != ':')
            return false;
        p = skip_ws(p, end);
        erg_buf *into = NULL;
        bool *flag = NULL;
        if (klen == 4 && memcmp(key, "text", 4) == 0)
            into = &st->text, flag = &st->has_text;
        else if (klen == 6 && memcmp(key, "source", 6) == 0)
            into = &st->source, flag = &st->has_source;
        if (into && p < end && *p == '"') {
            erg_buf_clear(into);
            if (!(p = scan_string(p + 1, end, into)))
                return false;
            *flag = true;
        } else {
            if (into)
                *flag = false; /* not a string: as if absent */
            if (!(p = skip_value(p, end)))
                return false;
        }
        p = skip_ws(p, end);
        if (p < end && *p == ',') {
            p = skip_ws(p + 1, end);
            continue;
        }
        if (p < end && *p == '}')
            return skip_ws(p + 1, end) == end;
        return false;
    }
}

/* Counts one JSON line: scanned, else read by jansson; a line that is no article is passed over. */
static erg_status add_json_line(erg_boiler *b, const char *line, size_t n, scan_state *st,
                                erg_error *err)
{
    erg_article art;
    memset(&art, 0, sizeof art);
    art.id = "";
    art.path = "";
    if (scan_line(line, line + n, st)) {
        if (!st->has_text)
            return ERG_OK;
        art.text = st->text.data ? st->text.data : "";
        art.text_len = st->text.len;
        art.source = st->has_source ? (st->source.data ? st->source.data : "") : NULL;
        return erg_boiler_add(b, &art, err);
    }
    erg_json_guard_begin();
    json_t *obj = json_loadb(line, n, JSON_ALLOW_NUL, NULL);
    if (erg_json_guard_end()) {
        json_decref(obj);
        return erg_error_oom(err);
    }
    json_t *text = json_object_get(obj, "text");
    erg_status s = ERG_OK;
    if (json_is_string(text)) {
        art.text = json_string_value(text);
        art.text_len = json_string_length(text);
        art.source = json_string_value(json_object_get(obj, "source"));
        s = erg_boiler_add(b, &art, err);
    }
    json_decref(obj);
    return s;
}

/* Lines longer than max are passed over: the second pass counts them. */
static erg_status add_jsonl_file(erg_boiler *b, const char *path, scan_state *st, char **buf,
                                 size_t *cap, size_t max, erg_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return erg_error_set(err, errno == ENOENT ? ERG_ENOTFOUND : ERG_EIO, path, 0, -1,
                             "cannot read: %s", strerror(errno));
    erg_status s = ERG_OK;
    long long n = 0;
    bool too_long;
    while (s == ERG_OK && (n = input_read_line(f, buf, cap, max, &too_long)) > 0) {
        if (too_long)
            continue;
        const char *p = skip_ws(*buf, *buf + n);
        if (p < *buf + n)
            s = add_json_line(b, *buf, (size_t)n, st, err);
        errno = 0;
    }
    if (s == ERG_ENOMEM && err && !err->source[0])
        snprintf(err->source, sizeof err->source, "%s", path);
    /* The line reader returns -2 when a line (up to max bytes) does not fit in memory. */
    if (s == ERG_OK && (ferror(f) || n == -2))
        s = n == -2 ? erg_error_set(err, ERG_ENOMEM, path, 0, -1, "out of memory")
                    : erg_error_set(err, ERG_EIO, path, 0, -1, "cannot read: %s",
                                    strerror(errno ? errno : EIO));
    fclose(f);
    return s;
}

/* A plain-text file: read as erg_input_next reads it. */
static erg_status add_plain_file(erg_boiler *b, const char *path, const erg_input_options *opt,
                                 erg_error *err)
{
    erg_input *in = NULL;
    erg_status s = erg_input_new(&in, &path, 1, opt, err);
    erg_article art;
    while (s == ERG_OK && (s = erg_input_next(in, &art, err)) == ERG_OK)
        s = erg_boiler_add(b, &art, err);
    erg_input_free(in);
    /* An empty or binary file is the second pass's to report. */
    return s == ERG_DONE || s == ERG_EFORMAT || s == ERG_EUTF8 ? ERG_OK : s;
}

erg_status erg_boiler_add_inputs(erg_boiler *b, const char *const *paths, size_t n_paths,
                                 const erg_input_options *opt, erg_error *err)
{
    erg_input *in = NULL;
    erg_status s = erg_input_new(&in, paths, n_paths, opt, err);
    if (s != ERG_OK)
        return s;
    scan_state st;
    erg_buf_init(&st.text);
    erg_buf_init(&st.source);
    char *line = NULL;
    size_t cap = 0;
    for (;;) {
        input_kind kind;
        if ((s = input_next_file(in, &kind, err)) != ERG_OK)
            break;
        if (kind == INPUT_SNIFF)
            continue; /* never an article: a graph or an ignored file */
        if (kind == INPUT_STDIN)
            s = erg_error_set(err, ERG_EINVAL, "-", 0, -1, "stdin cannot be read twice");
        else if (kind == INPUT_JSONL)
            s = add_jsonl_file(b, in->cur_path, &st, &line, &cap, input_max_article(&in->opt), err);
        else
            s = add_plain_file(b, in->cur_path, opt, err);
        if (s != ERG_OK)
            break;
    }
    free(line);
    erg_buf_release(&st.text);
    erg_buf_release(&st.source);
    erg_input_free(in);
    return s == ERG_DONE ? ERG_OK : s;
}
