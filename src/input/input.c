/*
 * input.c: articles from plain-text files, JSON Lines and stdin, with the
 * UTF-8, empty-file and binary-file checks.
 */
#include "input_private.h"

#include "erg/text.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- helpers ---------------------------------------------------------- */

static erg_status open_error(erg_error *err, const char *path, int e)
{
    if (e == ENOENT || e == ENOTDIR)
        return erg_error_set(err, ERG_ENOTFOUND, path, 0, -1, "no such file or directory");
    return erg_error_set(err, ERG_EIO, path, 0, -1, "cannot read: %s", strerror(e));
}

/*
 * Length of the invalid sequence at s (n > 0 bytes): the longest start of a
 * well-formed sequence, at least one byte ("maximal subpart", as Unicode
 * recommends for U+FFFD substitution).
 */
static size_t invalid_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    size_t need;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c == 0xE0)
        need = 2, lo = 0xA0;
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        need = 2;
    else if (c == 0xED)
        need = 2, hi = 0x9F;
    else if (c == 0xF0)
        need = 3, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3)
        need = 3;
    else if (c == 0xF4)
        need = 3, hi = 0x8F;
    else
        return 1;
    size_t k = 1;
    if (k < n && s[k] >= lo && s[k] <= hi) {
        k++;
        while (k <= need && k < n && (s[k] & 0xC0) == 0x80)
            k++;
    }
    return k;
}

/* Copies s[0..n) into out with every invalid sequence replaced by U+FFFD. */
static erg_status utf8_repair(const char *s, size_t n, erg_buf *out, size_t *replaced)
{
    erg_buf_clear(out);
    size_t i = 0;
    while (i < n) {
        size_t v = erg_utf8_valid_prefix(s + i, n - i);
        if (erg_buf_append(out, s + i, v) != ERG_OK)
            return ERG_ENOMEM;
        i += v;
        if (i == n)
            break;
        if (erg_buf_append(out, "\xEF\xBF\xBD", 3) != ERG_OK)
            return ERG_ENOMEM;
        (*replaced)++;
        i += invalid_len((const unsigned char *)s + i, n - i);
    }
    return erg_buf_append(out, "", 0);
}

static bool has_bom(const char *s, size_t n)
{
    return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
}

static bool blank_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static void note_skip(erg_input *in, long line, const char *why)
{
    in->stats.skipped++;
    if (line > 0)
        snprintf(in->stats.last_skip, sizeof in->stats.last_skip, "'%s:%ld': %s", in->cur_path,
                 line, why);
    else
        snprintf(in->stats.last_skip, sizeof in->stats.last_skip, "'%s': %s", in->cur_path, why);
}

/* Counts a line or file skipped as longer than the limit, with why as its text. */
static void note_too_long(erg_input *in, long line, const char *what, size_t max)
{
    in->stats.too_long++;
    if (line > 0)
        snprintf(in->stats.last_too_long, sizeof in->stats.last_too_long,
                 "'%s': line %ld: %s longer than %zu bytes", in->cur_path, line, what, max);
    else
        snprintf(in->stats.last_too_long, sizeof in->stats.last_too_long,
                 "'%s': %s longer than %zu bytes", in->cur_path, what, max);
}

size_t input_max_article(const erg_input_options *opt)
{
    return opt->max_article_bytes ? opt->max_article_bytes : ERG_INPUT_MAX_ARTICLE_BYTES;
}

long long input_read_line(FILE *f, char **buf, size_t *cap, size_t max, bool *too_long)
{
    size_t len = 0, kept = 0;
    int c = EOF;
    *too_long = false;
    flockfile(f);
    while ((c = getc_unlocked(f)) != EOF) {
        if (kept < max) {
            if (kept + 2 > *cap) {
                size_t ncap = *cap ? *cap * 2 : 256;
                while (ncap < kept + 2)
                    ncap *= 2;
                char *p = realloc(*buf, ncap);
                if (!p) {
                    funlockfile(f);
                    errno = ENOMEM;
                    return -2;
                }
                *buf = p;
                *cap = ncap;
            }
            (*buf)[kept++] = (char)c;
        } else {
            *too_long = true;
        }
        len++;
        if (c == '\n')
            break;
    }
    funlockfile(f);
    if (len == 0)
        return -1;
    (*buf)[kept] = '\0';
    return (long long)len;
}

static void clear_article(erg_article *art)
{
    memset(art, 0, sizeof *art);
}

/*
 * Refuses the graph g found in in->cur_path: an error, or under skip_bad
 * ERG_DONE (skipped and counted) when the file was found in a folder. A
 * graph given as a path is always an error: the user meant to merge.
 */
static erg_status refuse_graph(erg_input *in, input_graph g, erg_error *err)
{
    const char *why = input_graph_why(g);
    if (in->cur_in_folder && in->opt.skip_bad) {
        note_skip(in, 0, why);
        return ERG_DONE;
    }
    return erg_error_set(err, ERG_EFORMAT, in->cur_path, 0, -1, "%s", why);
}

/*
 * Reads up to INPUT_SNIFF_BYTES first bytes of f into in->data (cleared
 * first) and tells whether they are a graph's.
 */
static erg_status sniff_start(erg_input *in, FILE *f, input_graph *g, erg_error *err)
{
    erg_buf_clear(&in->data);
    if (erg_buf_reserve(&in->data, INPUT_SNIFF_BYTES + 1) != ERG_OK)
        return erg_error_oom(err);
    size_t r = fread(in->data.data, 1, INPUT_SNIFF_BYTES, f);
    if (r < INPUT_SNIFF_BYTES && ferror(f))
        return erg_error_set(err, ERG_EIO, in->cur_path, 0, -1, "cannot read: %s",
                             strerror(errno ? errno : EIO));
    in->data.len = r;
    in->data.data[r] = '\0';
    *g = input_sniff_graph(in->data.data, r, in->cur_path);
    return ERG_OK;
}

/* ---- plain text ------------------------------------------------------- */

/*
 * Appends the rest of f to in->data, up to one byte past the article limit:
 * a longer file is not read further (the caller skips it).
 */
static erg_status read_rest(erg_input *in, FILE *f, erg_error *err)
{
    size_t max = input_max_article(&in->opt);
    for (;;) {
        if (in->data.len > max)
            break;
        if (erg_buf_reserve(&in->data, 1 << 16) != ERG_OK)
            return erg_error_oom(err);
        size_t room = in->data.cap - in->data.len - 1;
        if (room > max + 1 - in->data.len)
            room = max + 1 - in->data.len;
        size_t r = fread(in->data.data + in->data.len, 1, room, f);
        in->data.len += r;
        if (r < room) {
            if (ferror(f))
                return erg_error_set(err, ERG_EIO, in->cur_path, 0, -1, "cannot read: %s",
                                     strerror(errno ? errno : EIO));
            break;
        }
    }
    in->data.data[in->data.len] = '\0';
    return ERG_OK;
}

/*
 * Checks in->data as one plain-text article and fills art. Returns ERG_DONE
 * when the file was skipped (skip_bad).
 */
static erg_status finish_plain(erg_input *in, erg_article *art, erg_error *err)
{
    if (erg_buf_append(&in->data, "", 0) != ERG_OK)
        return erg_error_oom(err);
    const char *d = in->data.data;
    size_t n = in->data.len;
    in->stats.bytes += n;
    size_t max = input_max_article(&in->opt);
    if (n > max) {
        note_too_long(in, 0, "article", max);
        return ERG_DONE;
    }
    size_t bom = has_bom(d, n) ? 3 : 0;
    const char *nul = NULL;
    char why[128];
    size_t k = bom;
    while (k < n && blank_byte(d[k]))
        k++;
    if (k == n) {
        snprintf(why, sizeof why, "empty file");
        goto bad;
    }
    nul = memchr(d, '\0', n);
    if (nul) {
        snprintf(why, sizeof why, "binary file (NUL byte at byte %zu)", (size_t)(nul - d));
        goto bad;
    }
    size_t valid = erg_utf8_valid_prefix(d, n);
    if (valid < n) {
        if (!in->opt.lenient)
            return erg_error_set(err, ERG_EUTF8, in->cur_path, 0, (long long)valid,
                                 "invalid UTF-8 at byte %zu", valid);
        if (utf8_repair(d + bom, n - bom, &in->repair, &in->stats.replaced) != ERG_OK)
            return erg_error_oom(err);
        d = in->repair.data;
        n = in->repair.len;
        bom = 0;
    }
    clear_article(art);
    art->id = in->cur_path;
    art->path = in->cur_path;
    art->text = d + bom;
    art->text_len = n - bom;
    art->line = 0;
    return ERG_OK;
bad:
    if (in->opt.skip_bad) {
        note_skip(in, 0, why);
        return ERG_DONE;
    }
    return erg_error_set(err, ERG_EFORMAT, in->cur_path, 0,
                         nul ? (long long)(nul - in->data.data) : -1, "%s", why);
}

static erg_status read_plain_file(erg_input *in, erg_article *art, erg_error *err)
{
    FILE *f = fopen(in->cur_path, "rb");
    if (!f)
        return open_error(err, in->cur_path, errno);
    in->stats.files++;
    erg_buf_clear(&in->data);
    struct stat sb;
    size_t max = input_max_article(&in->opt);
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0 &&
        (uint64_t)sb.st_size < SIZE_MAX / 2 &&
        erg_buf_reserve(&in->data, ((uint64_t)sb.st_size < max ? (size_t)sb.st_size : max) + 2) !=
            ERG_OK) {
        fclose(f);
        return erg_error_oom(err);
    }
    /* A graph is refused from its first bytes, before the rest is read. */
    input_graph g;
    erg_status st = sniff_start(in, f, &g, err);
    if (st == ERG_OK && g != INPUT_GRAPH_NONE) {
        in->stats.bytes += in->data.len;
        st = refuse_graph(in, g, err);
        fclose(f);
        return st;
    }
    if (st == ERG_OK)
        st = read_rest(in, f, err);
    fclose(f);
    if (st != ERG_OK)
        return st;
    return finish_plain(in, art, err);
}

/*
 * A file of a folder that is read only if it is a graph (to refuse it):
 * ERG_DONE when it is not (counted as ignored) or was skipped.
 */
static erg_status sniff_file(erg_input *in, erg_error *err)
{
    FILE *f = fopen(in->cur_path, "rb");
    if (!f)
        return open_error(err, in->cur_path, errno);
    in->stats.files++;
    input_graph g;
    erg_status st = sniff_start(in, f, &g, err);
    fclose(f);
    if (st != ERG_OK)
        return st;
    in->stats.bytes += in->data.len;
    if (g != INPUT_GRAPH_NONE)
        return refuse_graph(in, g, err);
    input_note_ignored(in);
    return ERG_DONE;
}

/* ---- JSON Lines ------------------------------------------------------- */

static erg_status open_jsonl(erg_input *in, FILE *f, erg_error *err)
{
    if (!f) {
        f = fopen(in->cur_path, "rb");
        if (!f)
            return open_error(err, in->cur_path, errno);
        in->fp_is_stdin = false;
    } else {
        in->fp_is_stdin = true;
    }
    in->stats.files++;
    in->fp = f;
    in->line = 0;
    in->offset = 0;
    in->line_shift = 0;
    in->n_objects = 0;
    return ERG_OK;
}

static void close_jsonl(erg_input *in)
{
    if (in->fp && !in->fp_is_stdin)
        fclose(in->fp);
    in->fp = NULL;
}

static const char *str_field(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key)); /* NULL unless a string */
}

/*
 * The text of the number that is the value of the last top-level "id" key
 * of the JSON object line[0..n) (jansson keeps the last of repeated keys):
 * *start and *len, or false when none is found (a key written with escapes).
 */
static bool raw_id_number(const char *line, size_t n, size_t *start, size_t *len)
{
    int depth = 0;
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        char c = line[i];
        if (c == '"') {
            size_t k = i + 1;
            while (k < n && line[k] != '"')
                k += line[k] == '\\' ? 2 : 1;
            if (k >= n)
                return found;
            bool is_id = depth == 1 && k == i + 3 && memcmp(line + i + 1, "id", 2) == 0;
            i = k;
            if (!is_id)
                continue;
            size_t j = k + 1;
            while (j < n &&
                   (line[j] == ' ' || line[j] == '\t' || line[j] == '\r' || line[j] == '\n'))
                j++;
            if (j >= n || line[j] != ':')
                continue; /* a value "id", not a key */
            j++;
            while (j < n &&
                   (line[j] == ' ' || line[j] == '\t' || line[j] == '\r' || line[j] == '\n'))
                j++;
            size_t e = j;
            while (e < n && line[e] && strchr("0123456789+-.eE", line[e]))
                e++;
            if (e > j) {
                *start = j;
                *len = e - j;
                found = true;
            } else {
                found = false;
            }
            i = j - 1;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    return found;
}

/* Fills art from the object in->json (which has a string "text"), parsed from line. */
static erg_status fill_json_article(erg_input *in, erg_article *art, json_t *text, const char *line,
                                    size_t line_len, erg_error *err)
{
    json_t *obj = in->json;
    clear_article(art);
    json_t *id = json_object_get(obj, "id");
    erg_buf_clear(&in->id);
    erg_status st;
    size_t at = 0, len = 0;
    if (json_is_string(id)) {
        art->id = json_string_value(id);
        st = ERG_OK;
    } else if (json_is_number(id) && raw_id_number(line, line_len, &at, &len)) {
        /* A number is its text as written: 1e300 and 1.0000000000000001e300 are one double. */
        st = erg_buf_append(&in->id, line + at, len);
        if (st == ERG_OK)
            st = erg_buf_append(&in->id, "", 0);
    } else if (json_is_integer(id)) {
        st = erg_buf_printf(&in->id, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
    } else if (json_is_real(id)) {
        /*
         * The fewest digits that read back as the same double: 15 would make
         * 1e300 and 1.0000000000000001e300 one id, 17 always would write 0.1
         * as 0.10000000000000001.
         */
        double v = json_real_value(id);
        for (int digits = 15; digits <= 17; digits++) {
            erg_buf_clear(&in->id);
            if ((st = erg_buf_printf(&in->id, "%.*g", digits, v)) != ERG_OK ||
                strtod(in->id.data, NULL) == v)
                break;
        }
    } else {
        /* Without an id, the line names the article: the path alone is not unique. */
        st = erg_buf_printf(&in->id, "%s:%ld", in->cur_path, in->line);
    }
    if (st != ERG_OK)
        return erg_error_oom(err);
    if (!art->id)
        art->id = in->id.data;
    art->title = str_field(obj, "title");
    art->date_text = str_field(obj, "date");
    art->source = str_field(obj, "source");
    art->url = str_field(obj, "url");
    const char *t = json_string_value(text);
    size_t n = json_string_length(text);
    if (has_bom(t, n)) {
        t += 3;
        n -= 3;
    }
    art->text = t;
    art->text_len = n;
    art->path = in->cur_path;
    art->line = in->line;
    return ERG_OK;
}

/* Whether the number s[0..n) is beyond what jansson holds: a 64-bit integer, a finite double. */
static bool number_too_big(const char *s, size_t n, erg_buf *tmp, erg_status *st)
{
    erg_buf_clear(tmp);
    if ((*st = erg_buf_append(tmp, s, n)) != ERG_OK)
        return false;
    bool is_int = !memchr(s, '.', n) && !memchr(s, 'e', n) && !memchr(s, 'E', n);
    errno = 0;
    if (is_int) {
        (void)strtoll(tmp->data, NULL, 10);
        return errno == ERANGE;
    }
    double v = strtod(tmp->data, NULL);
    return errno == ERANGE && isinf(v);
}

/*
 * A copy of s[0..n) in out with every number jansson cannot hold (an integer
 * beyond 64 bits, a real beyond a double's range) made a string of its
 * digits: jansson refuses a whole line for one such number, in a field erg
 * may not even read, and an id so written keeps its digits. ERG_DONE when
 * there is none.
 */
static erg_status quote_big_numbers(const char *s, size_t n, erg_buf *out)
{
    erg_buf tmp;
    erg_buf_init(&tmp);
    erg_buf_clear(out);
    erg_status st = ERG_OK;
    bool in_str = false, any = false;
    size_t i = 0, done = 0;
    while (i < n && st == ERG_OK) {
        char c = s[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = false;
            i++;
            continue;
        }
        if (c == '"') {
            in_str = true;
            i++;
            continue;
        }
        if (c != '-' && (c < '0' || c > '9')) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (strchr("0123456789+-.eE", s[j]) && s[j]))
            j++;
        if (number_too_big(s + i, j - i, &tmp, &st)) {
            any = true;
            if ((st = erg_buf_append(out, s + done, i - done)) != ERG_OK ||
                (st = erg_buf_putc(out, '"')) != ERG_OK ||
                (st = erg_buf_append(out, s + i, j - i)) != ERG_OK ||
                (st = erg_buf_putc(out, '"')) != ERG_OK)
                break;
            done = j;
        }
        i = j;
    }
    if (st == ERG_OK && any)
        st = erg_buf_append(out, s + done, n - done);
    erg_buf_release(&tmp);
    return st != ERG_OK ? st : any ? ERG_OK : ERG_DONE;
}

/*
 * Reads lines of the open JSON Lines file until one gives an article.
 * ERG_DONE at the end of the file (closed then) or when the rest of a binary
 * file was skipped.
 */
static erg_status next_json(erg_input *in, erg_article *art, erg_error *err)
{
    char why[JSON_ERROR_TEXT_LENGTH + 64];
    for (;;) {
        errno = 0;
        bool too_long;
        size_t max = input_max_article(&in->opt);
        long long r = input_read_line(in->fp, &in->line_buf, &in->line_cap, max, &too_long);
        if (r == -2) {
            close_jsonl(in);
            return erg_error_set(err, ERG_ENOMEM, in->cur_path, in->line + 1, -1, "out of memory");
        }
        if (r < 0) {
            bool failed = ferror(in->fp);
            int e = errno ? errno : EIO;
            close_jsonl(in);
            if (failed)
                return erg_error_set(err, ERG_EIO, in->cur_path, in->line + 1, -1,
                                     "cannot read: %s", strerror(e));
            if (in->n_objects == 0) {
                if (in->opt.skip_bad) {
                    note_skip(in, 0, "empty file");
                    return ERG_DONE;
                }
                return erg_error_set(err, ERG_EFORMAT, in->cur_path, 0, -1, "empty file");
            }
            return ERG_DONE;
        }
        in->line++;
        in->stats.bytes += (uint64_t)r;
        uint64_t line_off = in->offset;
        in->offset += (uint64_t)r;
        if (too_long) {
            in->line_shift = 0;
            in->n_objects++;
            note_too_long(in, in->line, "JSON line", max);
            continue;
        }
        char *s = in->line_buf;
        size_t n = (size_t)r;
        /* Bytes of this line that stdin's first-byte check consumed. */
        size_t shift = in->line_shift;
        in->line_shift = 0;
        const char *nul = memchr(s, '\0', n);
        if (nul) {
            unsigned long long at = line_off + (size_t)(nul - s);
            close_jsonl(in);
            if (in->opt.skip_bad) {
                snprintf(why, sizeof why, "binary file (NUL byte at byte %llu)", at);
                note_skip(in, in->line, why);
                return ERG_DONE;
            }
            return erg_error_set(err, ERG_EFORMAT, in->cur_path, in->line, (long long)at,
                                 "binary file (NUL byte at byte %llu)", at);
        }
        while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
            n--;
        if (in->line == 1 && has_bom(s, n)) {
            s += 3;
            n -= 3;
            shift += 3;
        }
        size_t k = 0;
        while (k < n && blank_byte(s[k]))
            k++;
        if (k == n)
            continue;
        input_graph g;
        if (in->n_objects == 0 && (g = input_sniff_graph(s, n, NULL)) != INPUT_GRAPH_NONE) {
            close_jsonl(in);
            return refuse_graph(in, g, err);
        }
        in->n_objects++;
        size_t valid = erg_utf8_valid_prefix(s, n);
        if (valid < n) {
            if (!in->opt.lenient)
                return erg_error_set(err, ERG_EUTF8, in->cur_path, in->line,
                                     (long long)(valid + shift), "invalid UTF-8 at byte %zu",
                                     valid + shift);
            if (utf8_repair(s, n, &in->repair, &in->stats.replaced) != ERG_OK)
                return erg_error_oom(err);
            s = in->repair.data;
            n = in->repair.len;
        }
        json_decref(in->json);
        json_error_t je;
        erg_json_guard_begin();
        in->json = json_loadb(s, n, JSON_ALLOW_NUL, &je);
        if (!in->json && (strstr(je.text, "too big") || strstr(je.text, "overflow"))) {
            erg_status q = quote_big_numbers(s, n, &in->quoted);
            if (q == ERG_ENOMEM) {
                erg_json_guard_end();
                return erg_error_oom(err);
            }
            if (q == ERG_OK) {
                s = in->quoted.data;
                n = in->quoted.len;
                in->json = json_loadb(s, n, JSON_ALLOW_NUL, &je);
            }
        }
        if (erg_json_guard_end()) {
            json_decref(in->json);
            in->json = NULL;
            return erg_error_set(err, ERG_ENOMEM, in->cur_path, in->line, -1,
                                 "out of memory reading a JSON line of %zu bytes", n);
        }
        erg_status st = ERG_EJSON;
        long long at = -1;
        json_t *text = NULL, *id = NULL;
        if (!in->json) {
            snprintf(why, sizeof why, "malformed JSON: %s", je.text);
            at = (long long)je.position + (long long)shift;
        } else if (!json_is_object(in->json) ||
                   !json_is_string(text = json_object_get(in->json, "text"))) {
            snprintf(why, sizeof why, "no \"text\" string in JSON object");
        } else if (memchr(json_string_value(text), '\0', json_string_length(text))) {
            snprintf(why, sizeof why, "NUL character in \"text\"");
        } else if (json_is_string(id = json_object_get(in->json, "id")) &&
                   memchr(json_string_value(id), '\0', json_string_length(id))) {
            /* Cut at the NUL, two ids would be one. */
            snprintf(why, sizeof why, "NUL character in \"id\"");
        } else {
            return fill_json_article(in, art, text, s, n, err);
        }
        json_decref(in->json);
        in->json = NULL;
        if (!in->opt.skip_bad)
            return erg_error_set(err, st, in->cur_path, in->line, at, "%s", why);
        note_skip(in, in->line, why);
    }
}

/* ---- stdin ------------------------------------------------------------ */

/*
 * Starts reading stdin: JSON Lines when the first byte after a BOM and white
 * space is '{', else one plain article. Returns ERG_DONE when it was JSON
 * Lines (read by next_json) or a skipped plain article.
 */
static erg_status start_stdin(erg_input *in, erg_article *art, erg_error *err)
{
    FILE *f = stdin;
    erg_buf_clear(&in->data);
    int c = getc(f);
    if (c == 0xEF) {
        /* A BOM, or the first bytes of plain text. */
        int c2 = getc(f), c3 = c2 == EOF ? EOF : getc(f);
        char b[3] = {(char)c, (char)c2, (char)c3};
        size_t nb = c2 == EOF ? 1 : c3 == EOF ? 2 : 3;
        if (erg_buf_append(&in->data, b, nb) != ERG_OK)
            return erg_error_oom(err);
        c = has_bom(b, nb) ? getc(f) : EOF - 1;
    }
    while (c != EOF && c != EOF - 1 && blank_byte((char)c)) {
        if (erg_buf_putc(&in->data, (char)c) != ERG_OK)
            return erg_error_oom(err);
        c = getc(f);
    }
    if (c == '{') {
        ungetc(c, f);
        erg_status st = open_jsonl(in, f, err);
        if (st != ERG_OK)
            return st;
        const char *d = in->data.data ? in->data.data : "";
        size_t lines = 0, tail = 0;
        for (size_t i = 0; i < in->data.len; i++) {
            tail++;
            if (d[i] == '\n') {
                lines++;
                tail = 0;
            }
        }
        in->line = (long)lines;
        in->line_shift = tail;
        in->offset = in->data.len;
        in->stats.bytes += in->data.len;
        return ERG_DONE;
    }
    in->stats.files++;
    if (c >= 0 && erg_buf_putc(&in->data, (char)c) != ERG_OK)
        return erg_error_oom(err);
    erg_status st = c == EOF ? ERG_OK : read_rest(in, f, err);
    if (st != ERG_OK)
        return st;
    input_graph g = input_sniff_graph(in->data.data ? in->data.data : "", in->data.len, NULL);
    if (g != INPUT_GRAPH_NONE) {
        in->stats.bytes += in->data.len;
        return refuse_graph(in, g, err);
    }
    return finish_plain(in, art, err);
}

/* ---- the reader ------------------------------------------------------- */

erg_status erg_input_new(erg_input **out, const char *const *paths, size_t n_paths,
                         const erg_input_options *opt, erg_error *err)
{
    *out = NULL;
    erg_input *in = calloc(1, sizeof *in);
    if (!in)
        return erg_error_oom(err);
    if (opt)
        in->opt = *opt;
    erg_buf_init(&in->data);
    erg_buf_init(&in->repair);
    erg_buf_init(&in->id);
    erg_status st = ERG_OK;
    if (n_paths > 0 && !(in->paths = calloc(n_paths, sizeof *in->paths))) {
        st = erg_error_oom(err);
        goto cleanup;
    }
    for (size_t i = 0; i < n_paths; i++) {
        if (!(in->paths[i] = erg_strdup(paths[i]))) {
            st = erg_error_oom(err);
            goto cleanup;
        }
        in->n_paths++;
        struct stat sb;
        if (strcmp(paths[i], "-") != 0 && stat(paths[i], &sb) != 0) {
            st = open_error(err, paths[i], errno);
            goto cleanup;
        }
    }
    *out = in;
    return ERG_OK;
cleanup:
    erg_input_free(in);
    return st;
}

/*
 * Sets art->date from art->date_text (normalized into in->date) and counts
 * an article without a usable one; a non-empty date that is no date is kept
 * in last_bad_date, cut short at a character boundary, control bytes shown
 * as '?'.
 */
static void note_date(erg_input *in, erg_article *art)
{
    erg_date d;
    const char *t = art->date_text;
    art->date = NULL;
    if (t && erg_date_parse(t, strlen(t), &d) == ERG_OK) {
        art->date = erg_date_format(&d, in->date);
        return;
    }
    in->stats.undated++;
    if (!t)
        return;
    while (blank_byte(*t))
        t++;
    if (!*t)
        return;
    in->stats.bad_dates++;
    char shown[96];
    size_t n = 0;
    for (const char *p = art->date_text; *p && n < sizeof shown - 1; p++) {
        unsigned char c = (unsigned char)*p;
        /* Stop before a character that would not fit whole. */
        size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (n + k > sizeof shown - 1)
            break;
        shown[n++] = c < 0x20 || c == 0x7F ? '?' : (char)c;
    }
    shown[n] = '\0';
    if (art->line > 0)
        snprintf(in->stats.last_bad_date, sizeof in->stats.last_bad_date, "'%s:%ld': '%s'",
                 art->path, art->line, shown);
    else
        snprintf(in->stats.last_bad_date, sizeof in->stats.last_bad_date, "'%s': '%s'", art->path,
                 shown);
}

erg_status erg_input_next(erg_input *in, erg_article *art, erg_error *err)
{
    for (;;) {
        erg_status st;
        if (in->fp) {
            st = next_json(in, art, err);
            if (st == ERG_DONE)
                continue;
        } else {
            input_kind kind;
            st = input_next_file(in, &kind, err);
            if (st != ERG_OK)
                return st;
            if (kind == INPUT_JSONL) {
                st = open_jsonl(in, NULL, err);
                if (st != ERG_OK)
                    return st;
                continue;
            }
            if (kind == INPUT_SNIFF)
                st = sniff_file(in, err);
            else if (kind == INPUT_STDIN)
                st = start_stdin(in, art, err);
            else
                st = read_plain_file(in, art, err);
            if (st == ERG_DONE)
                continue;
        }
        if (st == ERG_OK) {
            in->stats.articles++;
            note_date(in, art);
        }
        return st;
    }
}

const erg_input_stats *erg_input_get_stats(const erg_input *in)
{
    return &in->stats;
}

void erg_input_free(erg_input *in)
{
    if (!in)
        return;
    close_jsonl(in);
    json_decref(in->json);
    input_walk_release(in);
    for (size_t i = 0; i < in->n_paths; i++)
        free(in->paths[i]);
    free(in->paths);
    free(in->cur_path);
    free(in->line_buf);
    erg_buf_release(&in->data);
    erg_buf_release(&in->repair);
    erg_buf_release(&in->quoted);
    erg_buf_release(&in->id);
    free(in);
}

erg_status erg_input_size(const char *const *paths, size_t n_paths, uint64_t *bytes,
                          bool *has_stdin, erg_error *err)
{
    *bytes = 0;
    *has_stdin = false;
    erg_input *in = NULL;
    erg_status st = erg_input_new(&in, paths, n_paths, NULL, err);
    if (st != ERG_OK)
        return st;
    for (;;) {
        input_kind kind;
        st = input_next_file(in, &kind, err);
        if (st != ERG_OK)
            break;
        struct stat sb;
        if (kind == INPUT_STDIN)
            *has_stdin = true;
        else if (kind != INPUT_SNIFF && stat(in->cur_path, &sb) == 0)
            *bytes += (uint64_t)sb.st_size;
    }
    erg_input_free(in);
    return st == ERG_DONE ? ERG_OK : st;
}
