/*
 * date.c: article dates as news feeds write them, parsed into one calendar
 * date (to the day, the month or the year) and written back as ISO 8601.
 *
 * The parser is a cursor over the bytes with one branch per written form;
 * every number has a fixed count of digits, so nothing overflows and a run
 * of digits longer than a form allows is no date. The time and the zone
 * after a date are checked for shape and dropped: the date is the date as
 * written, not moved to UTC (a story dated "2026-12-06T23:30-05:00" is of the
 * 6th where it was written).
 */
#include "erg/input.h"

#include <string.h>

/* Longer than any accepted form ("Wednesday, 06 December 2026 19:04:48.123456789 +0000"). */
#define DATE_MAX_LEN 80

typedef struct cursor {
    const char *p, *end;
} cursor;

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool at_end(const cursor *c)
{
    return c->p == c->end;
}

static bool eat(cursor *c, char ch)
{
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return true;
    }
    return false;
}

/* Skips spaces and tabs; whether there was at least one. */
static bool spaces(cursor *c)
{
    const char *s = c->p;
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
        c->p++;
    return c->p > s;
}

/* The number of digits at the cursor (not consumed). */
static size_t digits_ahead(const cursor *c)
{
    size_t n = 0;
    while (c->p + n < c->end && is_digit(c->p[n]))
        n++;
    return n;
}

/* Reads a run of min..max digits (the whole run: a longer one fails) into *v. */
static bool number(cursor *c, size_t min, size_t max, int *v)
{
    size_t n = digits_ahead(c);
    if (n < min || n > max)
        return false;
    int x = 0;
    for (size_t i = 0; i < n; i++)
        x = x * 10 + (c->p[i] - '0');
    c->p += n;
    *v = x;
    return true;
}

/* The length of the run of ASCII letters at the cursor. */
static size_t letters_ahead(const cursor *c)
{
    size_t n = 0;
    while (c->p + n < c->end && is_alpha(c->p[n]))
        n++;
    return n;
}

/* Whether s[0..n) is word in any case. */
static bool word_is(const char *s, size_t n, const char *word)
{
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != word[i])
            return false;
    return true;
}

/*
 * An English month name, full or of three letters ("sept" too), in any case,
 * with an optional '.' after a short one: its number, else 0.
 */
static int month_name(cursor *c)
{
    static const char *const names[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
    size_t n = letters_ahead(c);
    for (int m = 0; m < 12; m++) {
        bool full = word_is(c->p, n, names[m]);
        bool shrt = (n == 3 && lower(c->p[0]) == names[m][0] && lower(c->p[1]) == names[m][1] &&
                     lower(c->p[2]) == names[m][2]) ||
                    (m == 8 && word_is(c->p, n, "sept"));
        if (full || shrt) {
            c->p += n;
            if (!full)
                eat(c, '.');
            return m + 1;
        }
    }
    return 0;
}

/* An English weekday name, full or of three letters, in any case, with an optional '.'. */
static bool weekday_name(cursor *c)
{
    static const char *const names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    size_t n = letters_ahead(c);
    for (int d = 0; d < 7; d++) {
        bool full = word_is(c->p, n, names[d]);
        bool shrt = n == 3 && lower(c->p[0]) == names[d][0] && lower(c->p[1]) == names[d][1] &&
                    lower(c->p[2]) == names[d][2];
        if (full || shrt) {
            c->p += n;
            if (!full)
                eat(c, '.');
            return true;
        }
    }
    return false;
}

/* An ordinal suffix after a day ("6th", "1st"), in any case; not checked against the day. */
static void ordinal(cursor *c)
{
    size_t n = letters_ahead(c);
    if (n == 2 && (word_is(c->p, 2, "st") || word_is(c->p, 2, "nd") || word_is(c->p, 2, "rd") ||
                   word_is(c->p, 2, "th")))
        c->p += 2;
}

/*
 * A zone after a time: "Z", "+hh", "+hhmm", "+hh:mm" (or '-'), or a name of
 * one to five letters ("GMT", "UT", "EST"). Checked for shape, dropped.
 */
static bool zone(cursor *c)
{
    if (c->p < c->end && (*c->p == '+' || *c->p == '-')) {
        c->p++;
        int hm;
        size_t n = digits_ahead(c);
        if (n == 4) /* "+hhmm" */
            return number(c, 4, 4, &hm) && hm / 100 <= 23 && hm % 100 <= 59;
        if (!number(c, 2, 2, &hm) || hm > 23)
            return false;
        if (!eat(c, ':')) /* "+hh" */
            return true;
        return number(c, 2, 2, &hm) && hm <= 59;
    }
    size_t n = letters_ahead(c);
    if (n < 1 || n > 5)
        return false;
    c->p += n;
    return true;
}

/*
 * What may follow a date, to the end: nothing, or a separator (spaces, an
 * optional ',' before them, or 'T' when iso) and a time hh:mm[:ss[.f]], then
 * an optional AM/PM (hours 1 to 12 then) and an optional zone, each after
 * optional spaces. The time and zone are checked for shape and dropped.
 */
static bool time_tail(cursor *c, bool iso)
{
    if (at_end(c))
        return true;
    if (!(iso && (eat(c, 'T') || eat(c, 't')))) {
        bool comma = eat(c, ',');
        if (!spaces(c) && !comma)
            return false;
        if (at_end(c))
            return !comma;
    }
    int h, m, s;
    if (!number(c, 1, 2, &h) || h > 23 || !eat(c, ':') || !number(c, 2, 2, &m) || m > 59)
        return false;
    if (eat(c, ':')) {
        if (!number(c, 2, 2, &s) || s > 60)
            return false;
        if (eat(c, '.') || eat(c, ',')) {
            size_t n = digits_ahead(c);
            if (n < 1 || n > 9)
                return false;
            c->p += n;
        }
    }
    bool spaced = spaces(c);
    size_t n = letters_ahead(c);
    if (n == 2 && (word_is(c->p, 2, "am") || word_is(c->p, 2, "pm"))) {
        if (h < 1 || h > 12)
            return false;
        c->p += 2;
        spaced = spaces(c);
    }
    if (at_end(c))
        return true;
    /* A zone name needs a space before it ("19:04 GMT"), except Z ("19:04:48Z"). */
    if (!spaced && is_alpha(*c->p) && !(c->p + 1 == c->end && (*c->p == 'Z' || *c->p == 'z')))
        return false;
    if (!zone(c))
        return false;
    spaces(c);
    return at_end(c);
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Fills *out when y-m-d is a date (m and d 0 for less precision). */
static bool valid(int y, int m, int d, erg_date *out)
{
    if (y < 1 || y > 9999 || m < 0 || m > 12 || d < 0 || (m == 0 && d != 0))
        return false;
    if (m && d > month_days(y, m))
        return false;
    out->year = y;
    out->month = m;
    out->day = d;
    return true;
}

/* "YYYY", "YYYY-MM", "YYYY-MM-DD" (or '/' for '-' with a day) with an optional time. */
static bool year_first(cursor *c, erg_date *out)
{
    int y, m, d;
    if (!number(c, 4, 4, &y))
        return false;
    if (at_end(c))
        return y >= 1000 && y <= 2999 && valid(y, 0, 0, out);
    char sep = *c->p;
    if (sep != '-' && sep != '/')
        return false;
    c->p++;
    size_t n = digits_ahead(c);
    if (!number(c, 1, 2, &m))
        return false;
    /* "YYYY-MM" only: "2004/05" and "2004-5" could be ranges or codes. */
    if (at_end(c))
        return sep == '-' && n == 2 && m >= 1 && valid(y, m, 0, out);
    if (!eat(c, sep) || !number(c, 1, 2, &d) || m < 1 || d < 1)
        return false;
    return time_tail(c, true) && valid(y, m, d, out);
}

/* "m/d/yy" or "m/d/yyyy" (US order), with an optional time. */
static bool us_numeric(cursor *c, erg_date *out)
{
    int m, d, y;
    if (!number(c, 1, 2, &m) || !eat(c, '/') || !number(c, 1, 2, &d) || !eat(c, '/'))
        return false;
    size_t n = digits_ahead(c);
    if ((n != 2 && n != 4) || !number(c, n, n, &y))
        return false;
    /* POSIX strptime %y: 69..99 are 1969..1999, 00..68 are 2000..2068. */
    if (n == 2)
        y += y >= 69 ? 1900 : 2000;
    return m >= 1 && d >= 1 && time_tail(c, false) && valid(y, m, d, out);
}

/* "D Month YYYY" (RFC 2822's order), "6th December 2026", with an optional time. */
static bool day_first(cursor *c, erg_date *out)
{
    int d, m, y;
    if (!number(c, 1, 2, &d))
        return false;
    ordinal(c);
    bool sp = spaces(c);
    if (!sp && !eat(c, '-'))
        return false;
    if (!(m = month_name(c)))
        return false;
    if (!sp && !eat(c, '-'))
        return false;
    eat(c, ',');
    if (sp && !spaces(c))
        return false;
    return number(c, 4, 4, &y) && d >= 1 && time_tail(c, false) && valid(y, m, d, out);
}

/* "Month D, YYYY", "Mon D YYYY", "Month YYYY", with an optional time. */
static bool month_first(cursor *c, erg_date *out)
{
    int m, d, y;
    if (!(m = month_name(c)) || !spaces(c))
        return false;
    size_t n = digits_ahead(c);
    if (n == 4)
        return number(c, 4, 4, &y) && at_end(c) && valid(y, m, 0, out);
    if (!number(c, 1, 2, &d) || d < 1)
        return false;
    ordinal(c);
    bool comma = eat(c, ',');
    if (!spaces(c) && !comma)
        return false;
    return number(c, 4, 4, &y) && time_tail(c, false) && valid(y, m, d, out);
}

erg_status erg_date_parse(const char *s, size_t len, erg_date *out)
{
    if (!s)
        return ERG_EINVAL;
    while (len && is_space(*s))
        s++, len--;
    while (len && is_space(s[len - 1]))
        len--;
    if (len == 0 || len > DATE_MAX_LEN)
        return ERG_EINVAL;
    erg_date d;
    cursor c = {s, s + len};
    bool ok;
    if (is_alpha(*s)) {
        cursor w = c;
        /* "Sun, 06 Dec 2026 ..." or "Sunday, December 6, 2026": the weekday is not checked. */
        if (weekday_name(&w)) {
            bool comma = eat(&w, ',');
            if (spaces(&w) || comma) {
                c = w;
                spaces(&c);
            }
        }
        ok = !at_end(&c) && (is_digit(*c.p) ? day_first(&c, &d) : month_first(&c, &d));
    } else if (digits_ahead(&c) == 4) {
        ok = year_first(&c, &d);
    } else {
        cursor u = c;
        ok = us_numeric(&u, &d);
        if (!ok)
            ok = day_first(&c, &d);
    }
    if (!ok)
        return ERG_EINVAL;
    *out = d;
    return ERG_OK;
}

/* Writes v as n decimal digits (zero-padded) at p. */
static char *put_digits(char *p, int v, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return p + n;
}

const char *erg_date_format(const erg_date *d, char *buf)
{
    char *p = put_digits(buf, d->year > 0 && d->year <= 9999 ? d->year : 0, 4);
    if (d->month >= 1 && d->month <= 12) {
        *p++ = '-';
        p = put_digits(p, d->month, 2);
        if (d->day >= 1 && d->day <= 31) {
            *p++ = '-';
            p = put_digits(p, d->day, 2);
        }
    }
    *p = '\0';
    return buf;
}

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
 */
static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

erg_date erg_date_start(const erg_date *d)
{
    return (erg_date){d->year, d->month ? d->month : 1, d->day ? d->day : 1};
}

erg_date erg_date_end(const erg_date *d)
{
    int m = d->month ? d->month : 12;
    return (erg_date){d->year, m, d->day ? d->day : month_days(d->year, m)};
}

int32_t erg_date_first_day(const erg_date *d)
{
    erg_date s = erg_date_start(d);
    return days_from_civil(s.year, s.month, s.day);
}

int32_t erg_date_last_day(const erg_date *d)
{
    erg_date e = erg_date_end(d);
    return days_from_civil(e.year, e.month, e.day);
}
