/*
 * erg/input.h: reading articles from files, folders, JSON Lines and stdin.
 */
#ifndef ERG_INPUT_H
#define ERG_INPUT_H

#include "erg/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * One article. All strings are NUL-terminated, valid UTF-8, and borrowed from
 * the erg_input that produced the article: valid until the next
 * erg_input_next call or erg_input_free.
 */
/* ---- dates ------------------------------------------------------------------ */

/* A calendar date known to the day, the month or the year only. */
typedef struct erg_date {
    int year;  /* 1 to 9999 */
    int month; /* 1 to 12; 0 when only the year is known */
    int day;   /* 1 to 31; 0 when only the year or month is known */
} erg_date;

#define ERG_DATE_TEXT_MAX 11 /* "YYYY-MM-DD" and its NUL */

/*
 * Parses s[0, len): ERG_OK and *out, or ERG_EINVAL when it is no date
 * (*out unchanged). White space around it is ignored; the input is at most
 * 80 bytes after that. Accepted, with English month and weekday names full
 * or of three letters ("Sept" too, a '.' after a short one allowed) in any
 * case:
 *   - ISO 8601: "2026-12-06", "2026-12" (two-digit month), "2026/12/06"
 *     (one- or two-digit month and day after a four-digit year);
 *   - a bare year "1987", from 1000 to 2999 only (a "4" or a count is no
 *     date);
 *   - US numeric "9/28/16", "9/28/2016" (month first; a two-digit year is
 *     1969..1999 from 69 to 99 and 2000..2068 from 00 to 68, as POSIX
 *     strptime's %y; "31/12/2026" is no date);
 *   - RFC 2822 "Sun, 06 Dec 2026 19:04:48 +0000" and "6 December 2026",
 *     "06-Dec-2026", "6th December 2026";
 *   - "December 6, 2026", "Dec. 6 2026", "Sunday, December 6th, 2026",
 *     and "December 2026" (known to the month).
 * A date with a day may be followed by a time "hh:mm[:ss[.fff]]" (after
 * 'T' for the ISO forms, else after spaces or ", "), an optional AM/PM and
 * an optional zone ("Z", "+hh:mm", "-hhmm", "+hh", or a name of up to five
 * letters such as "GMT" or "EST"): they are checked for shape and dropped,
 * so the date is the date as written, not moved to UTC. A weekday is not
 * checked against the date. Everything else is no date: "20261206" (eight
 * digits could be any number), "2004/2005", "yesterday", a month 13, a day
 * past its month's end (1987-02-29, but 1988-02-29 is one), year 0.
 * O(len); no allocation.
 */
erg_status erg_date_parse(const char *s, size_t len, erg_date *out);

/*
 * Writes d as "YYYY-MM-DD", "YYYY-MM" or "YYYY" (as precise as it is) into
 * buf, which holds ERG_DATE_TEXT_MAX bytes; returns buf. These texts sort
 * as their dates do only at one precision: compare dates by their days.
 */
const char *erg_date_format(const erg_date *d, char *buf);

/*
 * Days since 1970-01-01 (proleptic Gregorian; negative before it) of the
 * first and of the last day the date covers ("1987-03" covers 1987-03-01 ..
 * 1987-03-31, "1987" 1987-01-01 .. 1987-12-31). d must be valid (as
 * erg_date_parse fills it).
 */
int32_t erg_date_first_day(const erg_date *d);
int32_t erg_date_last_day(const erg_date *d);

/*
 * The first and the last day the date covers, as dates known to the day
 * ("1987-02" -> 1987-02-01 and 1987-02-28). d must be valid.
 */
erg_date erg_date_start(const erg_date *d);
erg_date erg_date_end(const erg_date *d);

/* ---- articles ---------------------------------------------------------------- */

typedef struct erg_article {
    const char *id;    /* JSON "id" (a number is printed as text), else "path:line" for a
                          JSON line, else the path as given; never NULL */
    const char *title; /* NULL when absent or not a string; likewise source, url */
    /*
     * The date normalized by erg_date_parse and erg_date_format: "YYYY-MM-DD",
     * "YYYY-MM" or "YYYY". NULL when the article has none, an empty one or
     * one that is no date (counted in erg_input_stats): an unknown date is
     * never compared as text.
     */
    const char *date;
    const char *date_text; /* the JSON "date" string as written; NULL when absent */
    const char *source;
    const char *url;
    const char *text; /* the text, without a leading BOM; CR bytes are kept */
    size_t text_len;
    const char *path; /* the file it came from ("-" for stdin); never NULL */
    long line;        /* 1-based JSON Lines line, 0 for a whole-file article */
    /*
     * The outlet behind the article when the outlet list knows its source
     * (erg_gazetteer_source_outlet): the canonical name edges list among
     * their outlets instead of source. NULL (the reader never sets it) means
     * source as written.
     */
    const char *outlet;
} erg_article;

/*
 * The default largest article, in bytes of text (erg_input_options
 * max_article_bytes, erg build/extract --max-article-bytes): 8 MiB, some
 * hundred times a long news story.
 */
#define ERG_INPUT_MAX_ARTICLE_BYTES (8u << 20)

typedef struct erg_input_options {
    /* Replace invalid UTF-8 with U+FFFD and count it, instead of failing. */
    bool lenient;
    /*
     * Skip and count malformed JSON lines, lines without a "text" string or
     * with a NUL character in it, and empty or binary files, instead of
     * failing. (Invalid UTF-8 is governed by `lenient` alone.)
     */
    bool skip_bad;
    /*
     * The largest article and the longest JSON line, in bytes (0:
     * ERG_INPUT_MAX_ARTICLE_BYTES). A plain-text article longer than this,
     * a JSON line longer than this, or a JSON article whose "text" is, is
     * skipped and counted (erg_input_stats.too_long), whatever skip_bad
     * says: the reader reads no more than this of it into memory.
     */
    size_t max_article_bytes;
} erg_input_options;

typedef struct erg_input_stats {
    size_t files;         /* files opened so far */
    size_t articles;      /* articles returned so far */
    uint64_t bytes;       /* bytes read so far, all files */
    size_t replaced;      /* invalid UTF-8 sequences replaced (lenient) */
    size_t skipped;       /* lines or files skipped (skip_bad) */
    char last_skip[1024]; /* why the last skipped item was skipped, as "'path:line': why" */
    /* Articles and JSON lines skipped as longer than max_article_bytes. */
    size_t too_long;
    /*
     * The last of them: "'path': line N: JSON line longer than M bytes",
     * "'path': line N: text longer than M bytes" or "'path': article longer
     * than M bytes".
     */
    char last_too_long[1024];
    /*
     * Files found in folders that are not read: their extension is none the
     * reader knows (".pdf", ".csv", a ".json" that is no graph). Hidden
     * files (names starting with '.'), folders' non-regular entries and
     * dangling links are passed over without being counted.
     */
    size_t ignored;
    char last_ignored[1024]; /* the path of the last ignored file, "" when none */
    /* Articles returned without a usable date: none, an empty one or one that is no date. */
    size_t undated;
    size_t bad_dates;        /* of those, the ones with a non-empty date that is no date */
    char last_bad_date[256]; /* the last of them as "'path:line': 'text'" (text cut short) */
} erg_input_stats;

typedef struct erg_input erg_input;

/*
 * Prepares to read the given paths in order. A path is "-" (stdin: JSON Lines
 * when its first non-blank byte is '{', else one plain-text article with id
 * "-"), a file (".jsonl" and ".ndjson" hold one JSON object per line with at
 * least "text", and "id", "title", "date", "source", "url" optional; any
 * other file is one plain-text article), or a folder, walked recursively in
 * byte order of names, where ".txt", ".text" and ".md" files are plain-text
 * articles, ".jsonl"/".ndjson" files JSON Lines (extensions in any case),
 * and other files ignored and counted (erg_input_stats.ignored); names
 * starting with '.' are skipped uncounted, and links are followed to files
 * but not to folders.
 * An erg graph is never read as articles (see erg_input_next): a given
 * path's first bytes are looked at, and so are those of ".json", ".graphml"
 * and ".xml" files in folders (which are otherwise ignored).
 * Every path must exist: ERG_ENOTFOUND naming the first that does not.
 * opt may be NULL (defaults: strict). The strings in paths are copied.
 */
erg_status erg_input_new(erg_input **out, const char *const *paths, size_t n_paths,
                         const erg_input_options *opt, erg_error *err);

/*
 * Reads the next article into *art (borrowed, see erg_article). Returns
 * ERG_DONE when all paths are read. Failures name the path (and line) in
 * err->source and err->line, with the byte offset in err->offset:
 * ERG_EUTF8 "invalid UTF-8 at byte N" (N counted from the start of the
 * file, or of the line for JSON Lines); ERG_EJSON "malformed JSON: <jansson's
 * text>", "no \"text\" string in JSON object" or "NUL character in
 * \"text\""; ERG_EFORMAT "empty file" (no bytes but white space after a
 * BOM; for JSON Lines, no non-blank line), "binary file (NUL byte at byte
 * N)" (N from the file start), or "this is an erg graph, not articles; to
 * join graphs use erg merge" (a native graph file: its first non-blank
 * bytes are {"format":"erg-graph"; or "this is a GraphML graph, ..." for an
 * XML file with a <graphml root or a name ending in ".graphml"), found from
 * the first 4 KiB of a file without reading the rest; ERG_ENOTFOUND "no such file or
 * directory";
 * ERG_EIO "cannot read: <strerror>". After a failure the reader can be freed,
 * or called again to go on with the next line or file.
 * With skip_bad, what is skipped is counted in erg_input_stats.skipped,
 * except a graph given as a path, which is always an error (a user
 * mistake, not a bad item of a corpus); a graph found in a folder is
 * skipped like an empty file. ERG_DONE after no article at all is not an
 * error here: the caller decides (the CLI fails with "no article found").
 * The article's "date" string is parsed (erg_date_parse) into art->date,
 * its normal form, kept in the reader (no allocation); an article without a
 * usable one (no "date" string, an empty one, one that is no date; every
 * plain-text article) counts in stats.undated, and a non-empty date that is
 * none also in stats.bad_dates and stats.last_bad_date.
 * Memory: one file (plain text) or one line (JSON Lines) at a time, at
 * most max_article_bytes of either (see erg_input_options): what is longer
 * is skipped and counted in stats.too_long, its bytes read past but not kept.
 */
erg_status erg_input_next(erg_input *in, erg_article *art, erg_error *err);

/* Counters so far; borrowed from in. */
const erg_input_stats *erg_input_get_stats(const erg_input *in);

void erg_input_free(erg_input *in);

/*
 * Adds up the sizes of the files that erg_input_new and erg_input_next would
 * read for these paths (walking folders the same way), without reading
 * them, into *bytes. *has_stdin tells whether "-" is among the paths (its
 * size is unknown and not counted). Fails as erg_input_new does, or with
 * ERG_EIO when a folder cannot be listed. O(files); no file is opened.
 */
erg_status erg_input_size(const char *const *paths, size_t n_paths, uint64_t *bytes,
                          bool *has_stdin, erg_error *err);

/*
 * Boilerplate: lines (paragraphs) that one source repeats across many of its
 * articles -- photo captions ("Hide Caption"), bylines, copyright lines,
 * author bios -- found from the corpus itself, never from a list of strings.
 *
 * Use it in two passes over the same inputs: erg_boiler_add every article,
 * erg_boiler_finish, then erg_boiler_blank every article before tokenizing
 * it. A line is the bytes between two '\n'; it is compared after white-space
 * normalization (runs of space, tab, CR, FF and VT count as one space; leading
 * and trailing ones are ignored), and empty lines never count. The line's
 * key joins the article's source (the JSON "source" field as written;
 * articles without one form one group), so a line is boilerplate only for
 * the source that repeats it.
 *
 * Counting: an exact count per source of the articles added, and for lines a
 * count-min sketch -- ERG_BOILER_ROWS rows of saturating 8-bit counters, each
 * line counted at most once per article, and a line's count the plain minimum
 * over the rows (no conservative update, which would depend on the order).
 * So the decisions do not depend on the order of the articles, memory is
 * fixed when the detector is made, and a count is never too low (it can be
 * too high only when a line collides with heavier ones in every row).
 *
 * A line is boilerplate when it occurs in at least ERG_BOILER_MIN_ARTICLES
 * articles of its source. There is no fraction of the source's articles on
 * top: a fraction grows with the source and would miss a bio that a large
 * source repeats in 7 of its 2,225 articles. Only lines of at most
 * ERG_BOILER_MAX_LINE bytes (as written) count: captions, bylines, bios,
 * copyright and table lines are short (the longest found in Reuters-21578
 * and BBC News has 149 bytes), and hashing every long paragraph twice cost
 * about 2% of a build; a long paragraph repeated word for word is re-filed
 * copy, which this detector leaves alone.
 */
#define ERG_BOILER_ROWS 4
#define ERG_BOILER_MIN_ARTICLES 5
#define ERG_BOILER_MAX_LINE 256
/* The most bytes the sketch takes (all rows), whatever the input's size. */
#define ERG_BOILER_MAX_BYTES ((size_t)32 << 20)

typedef struct erg_boiler erg_boiler;

/*
 * Makes an empty detector sized for about input_bytes bytes of text (0 when
 * unknown: the largest size). Each row has the power of two of counters at
 * or above input_bytes / 64, from 64 Ki up to ERG_BOILER_MAX_BYTES / ROWS:
 * news paragraphs average a few hundred bytes, so a row has several
 * counters per line counted and a line is overcounted to 5 only if it meets
 * one of the few heavy (boilerplate) lines or a pile of light ones in all 4
 * rows; a smaller sketch also stays in cache (4 memory reads per line).
 * ERG_ENOMEM.
 */
erg_status erg_boiler_new(erg_boiler **out, uint64_t input_bytes, erg_error *err);

/*
 * Counts the lines of one article for its source. O(text) plus a sort of
 * the article's line hashes; the scratch array is reused, so memory grows
 * with the longest article only. ERG_EINVAL after erg_boiler_finish;
 * ERG_ENOMEM.
 */
erg_status erg_boiler_add(erg_boiler *b, const erg_article *art, erg_error *err);

/*
 * The whole first pass: erg_boiler_add for every article that erg_input
 * would read from paths with opt, at a fraction of its cost: a JSON line is
 * scanned for its top-level "text" and "source" strings without building
 * JSON values (jansson reads only lines with \u escapes or that the scan
 * does not follow). A line or file that is no article (malformed JSON, no
 * "text" string, an empty or binary file, invalid UTF-8) is passed over: it
 * is the second pass's to report. ERG_EINVAL when "-" (stdin) is among the
 * paths; ERG_ENOTFOUND / ERG_EIO when a path cannot be read; ERG_ENOMEM.
 */
erg_status erg_boiler_add_inputs(erg_boiler *b, const char *const *paths, size_t n_paths,
                                 const erg_input_options *opt, erg_error *err);

/* Ends the counting; from now on erg_boiler_is_boiler and erg_boiler_blank answer. */
void erg_boiler_finish(erg_boiler *b);

/*
 * The estimated number of articles of source (NULL: the articles without
 * one) that hold the line text[0..n) (no '\n' in it), saturated at 255; 0
 * for a line that is empty after normalization.
 */
unsigned erg_boiler_count(const erg_boiler *b, const char *source, const char *text, size_t n);

/* Whether that line is boilerplate of source (false before erg_boiler_finish). */
bool erg_boiler_is_boiler(const erg_boiler *b, const char *source, const char *text, size_t n);

/*
 * Gives in *out the article to run through the pipeline: a copy of *art
 * whose text, when it holds boilerplate lines, is a copy in buf (reused
 * from call to call) with the bytes of those lines (not their '\n')
 * replaced by spaces, so that byte offsets and UTF-8 validity are kept and
 * nothing of those lines becomes a mention; else art's own text. *n_lines
 * (may be NULL) gets the number of lines blanked. out borrows from art and
 * buf. ERG_ENOMEM.
 */
erg_status erg_boiler_blank(const erg_boiler *b, const erg_article *art, erg_buf *buf,
                            erg_article *out, size_t *n_lines, erg_error *err);

/* Articles counted so far, all sources. */
size_t erg_boiler_articles(const erg_boiler *b);

/*
 * The detector file (erg boilerplate, erg build --boilerplate-from): a
 * finished detector saved so that the shards of a corpus, built apart, blank
 * the lines the whole corpus repeats. Binary, little-endian:
 *   "ERGBOIL\n", u32 version (1), u32 ERG_BOILER_ROWS,
 *   u32 ERG_BOILER_MIN_ARTICLES, u32 ERG_BOILER_MAX_LINE, u64 a test hash
 *   (a fixed line hashed as the writer hashes lines), u64 row width,
 *   u64 articles, u64 sources, then per source (sorted by key) u64 key and
 *   u64 articles, then rows * width counters (one byte each), and last the
 *   u64 erg_hash of every byte before it.
 * The same detector gives the same bytes.
 */
#define ERG_BOILER_FILE_VERSION 1

/*
 * Writes the finished detector b to path (under a temporary name renamed
 * into place; "-" is stdout). ERG_EINVAL when b is not finished; ERG_EIO;
 * ERG_ENOMEM. Takes about the sketch's size in memory while writing.
 */
erg_status erg_boiler_save(const erg_boiler *b, const char *path, erg_error *err);

/*
 * Reads a detector that erg_boiler_save wrote; finished, ready for
 * erg_boiler_blank. Everything is checked: ERG_EFORMAT (naming path) when
 * it is not a detector file, of another version, made with other
 * thresholds or another line hash, of an impossible width, cut short or
 * longer than its header says, or when its checksum fails;
 * ERG_ENOTFOUND / ERG_EIO when it cannot be read; ERG_ENOMEM.
 */
erg_status erg_boiler_load(erg_boiler **out, const char *path, erg_error *err);

/* Sources counted so far (articles without a source are one). */
size_t erg_boiler_sources(const erg_boiler *b);

/* Counters in one row of the sketch. */
size_t erg_boiler_width(const erg_boiler *b);

void erg_boiler_free(erg_boiler *b);

#ifdef __cplusplus
}
#endif
#endif
