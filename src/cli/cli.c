#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/*
 * Prints prefix and the formatted message to stderr, with its control
 * characters (but tab and line breaks) and bidirectional controls escaped:
 * messages quote names and file names, which can hold anything.
 */
static void vsay(const char *prefix, const char *fmt, va_list ap)
{
    erg_buf raw, shown;
    erg_buf_init(&raw);
    erg_buf_init(&shown);
    char *text = NULL;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n >= 0 && erg_buf_reserve(&raw, (size_t)n) == ERG_OK) {
        vsnprintf(raw.data, (size_t)n + 1, fmt, ap2);
        raw.len = (size_t)n;
        if (erg_buf_put_escaped(&shown, raw.data, raw.len, ERG_ESCAPE_WS_KEEP) == ERG_OK)
            text = shown.data;
    }
    va_end(ap2);
    fprintf(stderr, "%s%s\n", prefix, text ? text : "out of memory");
    erg_buf_release(&raw);
    erg_buf_release(&shown);
}

static void say(const char *prefix, const char *fmt, ...) ERG_PRINTF(2, 3);

static void say(const char *prefix, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(prefix, fmt, ap);
    va_end(ap);
}

const char *cli_show(erg_buf *b, const char *s)
{
    erg_buf_clear(b);
    if (erg_buf_put_escaped(b, s ? s : "", s ? strlen(s) : 0, ERG_ESCAPE_WS_SPACE) != ERG_OK ||
        !b->data)
        return "";
    return b->data;
}

int cli_fail(const erg_error *err)
{
    if (err->source[0] && err->line > 0)
        say("erg: ", "'%s:%ld': %s", err->source, err->line, err->text);
    else if (err->source[0])
        say("erg: ", "'%s': %s", err->source, err->text);
    else
        say("erg: ", "%s", err->text[0] ? err->text : erg_status_string(err->status));
    return CLI_FAIL;
}

int cli_failf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay("erg: ", fmt, ap);
    va_end(ap);
    return CLI_FAIL;
}

int cli_vusage(const char *cmd, const char *fmt, va_list ap)
{
    vsay("erg: ", fmt, ap);
    if (cmd)
        fprintf(stderr, "Try 'erg %s --help'.\n", cmd);
    else
        fprintf(stderr, "Try 'erg --help'.\n");
    return CLI_USAGE;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = cli_vusage(cmd, fmt, ap);
    va_end(ap);
    return rc;
}

int cli_bad_option(const char *cmd, int opt, char **argv)
{
    const char *arg = argv[optind - 1];
    char shortopt[3] = {'-', (char)optopt, '\0'};
    /* For a short option inside a cluster, argv[optind-1] is the cluster; name the letter. */
    if (optopt && arg[0] == '-' && arg[1] != '-')
        arg = shortopt;
    if (opt == ':')
        return cli_usage(cmd, "option '%s' needs a value", arg);
    return cli_usage(cmd, "unknown option '%s'", arg);
}

int cli_output_format(const char *cmd, const char *format, const char *output, erg_format *fmt)
{
    erg_error err;
    erg_error_clear(&err);
    *fmt = ERG_FORMAT_JSON;
    if (format) {
        if (erg_format_parse(format, fmt) != ERG_OK)
            return cli_usage(
                cmd, "unknown format '%s' (use json, graphml, dot, gexf, csv, html, svg or png)",
                format);
    } else if (strcmp(output, "-") != 0 && erg_format_from_path(output, fmt, &err) != ERG_OK) {
        return cli_usage(cmd, "'%s': %s", output, err.text);
    }
    if (*fmt == ERG_FORMAT_CSV && strcmp(output, "-") == 0)
        return cli_usage(cmd, "CSV is two files (nodes.csv, edges.csv): give -o DIR/");
    return CLI_OK;
}

bool cli_parse_long(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

bool cli_parse_real(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

int cli_parse_min_confidence(const char *cmd, const char *s, uint16_t *out)
{
    double v;
    if (!cli_parse_real(s, &v) || erg_score_from(v, out) != ERG_OK)
        return cli_usage(cmd, "--min-confidence takes a number from 0 to 1, not '%s'", s);
    return CLI_OK;
}

erg_status cli_confidence_filter(erg_graph **g, uint16_t min, erg_error *err)
{
    erg_graph *next = NULL;
    erg_status st = erg_graph_min_confidence(*g, min, &next, err);
    if (st == ERG_OK) {
        erg_graph_free(*g);
        *g = next;
    }
    return st;
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay("erg: warning: ", fmt, ap);
    va_end(ap);
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_init(cli_progress *p, bool quiet)
{
    p->enabled = !quiet && isatty(STDERR_FILENO);
    p->start = cli_now();
    p->last = p->start;
    p->drawn = false;
}

void cli_progress_update(cli_progress *p, size_t articles, uint64_t bytes)
{
    if (!p->enabled)
        return;
    double now = cli_now();
    if (now - p->last < 0.25)
        return;
    p->last = now;
    double mb = (double)bytes / 1e6;
    double secs = now - p->start;
    fprintf(stderr, "\r%zu articles, %.1f MB, %.1f MB/s   ", articles, mb,
            secs > 0 ? mb / secs : 0.0);
    fflush(stderr);
    p->drawn = true;
}

void cli_progress_done(cli_progress *p)
{
    if (p->enabled && p->drawn) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
    }
    p->drawn = false;
}

bool cli_parse_iterations(const char *s, int *out)
{
    long n;
    if (s && strcmp(s, "stable") == 0) {
        *out = 0;
        return true;
    }
    if (!cli_parse_long(s, 1, 1000000, &n))
        return false;
    *out = (int)n;
    return true;
}

const char *cli_types_text(unsigned mask, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int t = 0; t < ERG_TYPE_MISC && len < cap; t++)
        if (mask & ERG_TYPE_BIT(t))
            len += (size_t)snprintf(buf + len, cap - len, "%s%s", len ? "," : "",
                                    erg_type_name((erg_type)t));
    return buf;
}
