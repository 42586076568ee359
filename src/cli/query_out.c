/*
 * query_out.c: tables, TSV and JSON for `erg query`.
 */
#include "query.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int query_oom(void)
{
    return cli_failf("out of memory");
}

json_t *query_str(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *query_entity_json(const query_ctx *q, size_t entity)
{
    const erg_entity *e = erg_graph_entity(q->graph, entity);
    return json_pack("{s:s, s:s, s:s}", "name", e->name, "key", e->key, "type",
                     erg_type_name(e->type));
}

const char *query_decimals(double v, unsigned decimals, char *buf, size_t cap)
{
    snprintf(buf, cap, "%.*f", (int)decimals, v);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *e = buf + strlen(buf);
        while (e > dot + 1 && e[-1] == '0')
            *--e = '\0';
        if (e == dot + 1)
            *dot = '\0';
    }
    if (v != 0 && strspn(buf, "-0") == strlen(buf))
        snprintf(buf, cap, "%.6g", v);
    return buf;
}

/*
 * Appends the text of one cell value; TSV mode flattens tabs and newlines.
 * decimals > 0: a real in table mode gets at most that many decimals.
 */
static void cell_text(const json_t *v, query_format f, unsigned decimals, erg_buf *out)
{
    char num[64];
    if (!v || json_is_null(v)) {
        if (f != QUERY_TSV)
            erg_buf_putc(out, '-');
        return;
    }
    switch (json_typeof(v)) {
    case JSON_STRING: {
        /*
         * A newline or tab inside a cell would break the row in every format
         * but JSON; other control characters (ESC starts a terminal's escape
         * sequences) and bidirectional controls are shown as escapes.
         */
        erg_buf_put_escaped(out, json_string_value(v), json_string_length(v), ERG_ESCAPE_WS_SPACE);
        return;
    }
    case JSON_INTEGER:
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
        erg_buf_puts(out, num);
        return;
    case JSON_REAL:
        if (f == QUERY_TABLE && decimals) {
            erg_buf_puts(out, query_decimals(json_real_value(v), decimals, num, sizeof num));
            return;
        }
        snprintf(num, sizeof num, f == QUERY_TSV ? "%.10g" : "%.6g", json_real_value(v));
        erg_buf_puts(out, num);
        return;
    case JSON_TRUE:
        erg_buf_puts(out, "yes");
        return;
    case JSON_FALSE:
        erg_buf_puts(out, "no");
        return;
    case JSON_ARRAY: {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x)
        {
            if (i)
                erg_buf_puts(out, ", ");
            cell_text(x, f, decimals, out);
        }
        return;
    }
    default: {
        char *s = json_dumps(v, JSON_COMPACT);
        if (s)
            erg_buf_puts(out, s);
        free(s);
        return;
    }
    }
}

/* Width on a terminal, counted in code points (good enough for Latin, Cyrillic, Greek). */
static size_t text_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

/* Byte length of the first `width` code points of s. */
static size_t prefix_bytes(const char *s, size_t n, size_t width)
{
    size_t w = 0, i = 0;
    for (; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (w == width)
                break;
            w++;
        }
    }
    return i;
}

static bool is_number(const json_t *v)
{
    return json_is_integer(v) || json_is_real(v);
}

int query_print_table(const query_ctx *q, json_t *rows, const query_col *cols, size_t ncols)
{
    size_t nrows = json_array_size(rows);
    query_format f = q->format == QUERY_TSV ? QUERY_TSV : QUERY_TABLE;
    char **cells = calloc((nrows + 1) * ncols, sizeof *cells);
    size_t *width = calloc(ncols, sizeof *width);
    bool *right = calloc(ncols, sizeof *right);
    erg_buf b;
    erg_buf_init(&b);
    int rc = CLI_OK;
    if (!cells || !width || !right) {
        rc = query_oom();
        goto cleanup;
    }
    for (size_t c = 0; c < ncols; c++) {
        cells[c] = erg_strdup(cols[c].title);
        right[c] = nrows > 0;
    }
    for (size_t r = 0; r < nrows; r++) {
        const json_t *row = json_array_get(rows, r);
        for (size_t c = 0; c < ncols; c++) {
            const json_t *v = json_object_get(row, cols[c].key);
            erg_buf_clear(&b);
            cell_text(v, f, cols[c].decimals, &b);
            if (!b.data)
                erg_buf_puts(&b, "");
            if (f == QUERY_TABLE && cols[c].max_width &&
                text_width(b.data, b.len) > cols[c].max_width) {
                b.len = prefix_bytes(b.data, b.len, cols[c].max_width - 3);
                b.data[b.len] = '\0';
                erg_buf_puts(&b, "...");
            }
            if (v && !json_is_null(v) && !is_number(v))
                right[c] = false;
            cells[(r + 1) * ncols + c] = erg_buf_steal(&b);
        }
    }
    for (size_t i = 0; i < (nrows + 1) * ncols; i++)
        if (!cells[i]) {
            rc = query_oom();
            goto cleanup;
        }
    for (size_t i = 0; i < (nrows + 1) * ncols; i++) {
        size_t w = text_width(cells[i], strlen(cells[i]));
        if (w > width[i % ncols])
            width[i % ncols] = w;
    }
    for (size_t r = 0; r <= nrows; r++) {
        for (size_t c = 0; c < ncols; c++) {
            const char *s = cells[r * ncols + c];
            if (f == QUERY_TSV) {
                printf("%s%s", c ? "\t" : "", s);
                continue;
            }
            size_t pad = width[c] - text_width(s, strlen(s));
            bool last = c + 1 == ncols;
            if (c)
                fputs("  ", stdout);
            if (right[c])
                printf("%*s%s", (int)pad, "", s);
            else
                printf("%s%*s", s, last ? 0 : (int)pad, "");
        }
        putchar('\n');
    }
    /* Flush first: a short table sits in stdio's buffer and fails only when flushed. */
    if (fflush(stdout) != 0 || ferror(stdout))
        rc = cli_failf("cannot write to standard output: %s", strerror(errno ? errno : EIO));
cleanup:
    if (cells)
        for (size_t i = 0; i < (nrows + 1) * ncols; i++)
            free(cells[i]);
    free(cells);
    free(width);
    free(right);
    erg_buf_release(&b);
    json_decref(rows);
    return rc;
}

int query_print_json(json_t *doc)
{
    if (!doc)
        return query_oom();
    int r = json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
    json_decref(doc);
    if (r != 0 || putchar('\n') == EOF || fflush(stdout) != 0)
        return cli_failf("cannot write to standard output: %s", strerror(errno ? errno : EIO));
    return CLI_OK;
}

int query_print_rows(const query_ctx *q, json_t *rows, const query_col *cols, size_t ncols)
{
    if (!rows)
        return query_oom();
    if (q->format == QUERY_JSON)
        return query_print_json(rows);
    return query_print_table(q, rows, cols, ncols);
}

void query_kind_label(const erg_edge *e, size_t from, char *buf, size_t cap)
{
    const char *k = erg_kind_name(e->kind);
    if (e->kind == ERG_KIND_CO_MENTION)
        snprintf(buf, cap, "%s", k);
    else if (e->source == from)
        snprintf(buf, cap, "%s>", k);
    else
        snprintf(buf, cap, "<%s", k);
}
