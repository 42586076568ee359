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
typedef struct erg_article {
    const char *id;    /* JSON "id" (a number is printed as text), else "path:line" for a
                          JSON line, else the path as given; never NULL */
    const char *title; /* NULL when absent or not a string; likewise date, source, url */
    const char *date;
    const char *source;
    const char *url;
    const char *text; /* the text, without a leading BOM; CR bytes are kept */
    size_t text_len;
    const char *path; /* the file it came from ("-" for stdin); never NULL */
    long line;        /* 1-based JSON Lines line, 0 for a whole-file article */
} erg_article;

typedef struct erg_input_options {
    /* Replace invalid UTF-8 with U+FFFD and count it, instead of failing. */
    bool lenient;
    /*
     * Skip and count malformed JSON lines, lines without a "text" string or
     * with a NUL character in it, and empty or binary files, instead of
     * failing. (Invalid UTF-8 is governed by `lenient` alone.)
     */
    bool skip_bad;
} erg_input_options;

typedef struct erg_input_stats {
    size_t files;         /* files opened so far */
    size_t articles;      /* articles returned so far */
    uint64_t bytes;       /* bytes read so far, all files */
    size_t replaced;      /* invalid UTF-8 sequences replaced (lenient) */
    size_t skipped;       /* lines or files skipped (skip_bad) */
    char last_skip[1024]; /* why the last skipped item was skipped, as "'path:line': why" */
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
 * and other files ignored; names starting with '.' are skipped, and links
 * are followed to files but not to folders.
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
 * BOM; for JSON Lines, no non-blank line) or "binary file (NUL byte at byte
 * N)" (N from the file start); ERG_ENOTFOUND "no such file or directory";
 * ERG_EIO "cannot read: <strerror>". After a failure the reader can be freed,
 * or called again to go on with the next line or file.
 * Memory: one file (plain text) or one line (JSON Lines) at a time.
 */
erg_status erg_input_next(erg_input *in, erg_article *art, erg_error *err);

/* Counters so far; borrowed from in. */
const erg_input_stats *erg_input_get_stats(const erg_input *in);

void erg_input_free(erg_input *in);

#ifdef __cplusplus
}
#endif
#endif
