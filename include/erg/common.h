/*
 * erg/common.h: status codes, errors, growable buffers, hashing, entity types
 * and atomic output files shared by every erg module.
 *
 * Ownership rule for the whole library: a function that returns a pointer
 * through a `**out` parameter and whose name ends in `_new` or `_load` gives
 * the caller a heap object to release with the matching `_free`. Every other
 * pointer a function returns is borrowed from its first argument and stays
 * valid until that argument is changed or freed. Structs that callers
 * allocate themselves (erg_buf, erg_doc, erg_mentions, ...) are set up with
 * `_init` and emptied with `_release`; `_free(NULL)` and `_release` on an
 * initialized-but-unused struct do nothing.
 *
 * The library never prints and never exits: failures come back as an
 * erg_status, with the details in a caller's erg_error when one is passed.
 */
#ifndef ERG_COMMON_H
#define ERG_COMMON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ERG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ERG_PRINTF(f, a)
#endif

/* Result of every fallible library call. ERG_OK is zero. */
typedef enum erg_status {
    ERG_OK = 0,
    ERG_DONE,      /* an iterator has nothing more to give; not a failure */
    ERG_ENOMEM,    /* out of memory */
    ERG_EIO,       /* a file could not be opened, read or written */
    ERG_EUTF8,     /* text is not valid UTF-8 */
    ERG_EJSON,     /* malformed JSON, or JSON of the wrong shape */
    ERG_EFORMAT,   /* malformed content: model file, CoNLL file, empty or binary input */
    ERG_EINVAL,    /* an argument is out of range or unknown */
    ERG_ENOTFOUND, /* a name or file that was asked for does not exist */
    ERG_EIGRAPH    /* igraph reported a failure */
} erg_status;

/*
 * Details of a failure, filled by the function that failed. `text` says what
 * is wrong in lowercase with no trailing period ("invalid UTF-8 at byte 12");
 * `source` names the file (or "" when there is none), `line` is 1-based (0
 * when unknown), `offset` is a byte offset (-1 when unknown). The CLI prints
 * it as `erg: 'source[:line]': text`.
 */
typedef struct erg_error {
    erg_status status;
    char text[512];
    char source[1024];
    long line;
    long long offset;
} erg_error;

/* Resets err to "no error". err may be NULL. */
void erg_error_clear(erg_error *err);

/*
 * Fills err (which may be NULL) and returns st, so that a failing function can
 * `return erg_error_set(err, ERG_EIO, path, 0, -1, "cannot open: %s", ...)`.
 * source may be NULL. The text is cut to fit.
 */
erg_status erg_error_set(erg_error *err, erg_status st, const char *source, long line,
                         long long offset, const char *fmt, ...) ERG_PRINTF(6, 7);

/* Shorthand for an out-of-memory failure; returns ERG_ENOMEM. */
erg_status erg_error_oom(erg_error *err);

/* A short lowercase phrase for st ("out of memory"); never NULL, static. */
const char *erg_status_string(erg_status st);

/*
 * A growable byte buffer, always NUL-terminated once anything was appended.
 * Caller-owned: erg_buf_init before use, erg_buf_release after. data is NULL
 * until the first append. Appends grow the buffer geometrically, so a loop
 * that clears and refills a buffer stops allocating once it is large enough.
 */
typedef struct erg_buf {
    char *data;
    size_t len;
    size_t cap;
} erg_buf;

void erg_buf_init(erg_buf *b);
void erg_buf_release(erg_buf *b);
/* Sets len to 0 and keeps the storage. */
void erg_buf_clear(erg_buf *b);
/* Makes room for `extra` more bytes plus the NUL. ERG_ENOMEM on failure. */
erg_status erg_buf_reserve(erg_buf *b, size_t extra);
/*
 * Append n bytes, a C string, one byte, or printf output, keeping the NUL.
 * ERG_ENOMEM (b unchanged) when the buffer cannot grow. Amortized O(n).
 */
erg_status erg_buf_append(erg_buf *b, const void *data, size_t n);
erg_status erg_buf_puts(erg_buf *b, const char *s);
erg_status erg_buf_putc(erg_buf *b, char c);
erg_status erg_buf_printf(erg_buf *b, const char *fmt, ...) ERG_PRINTF(2, 3);
/*
 * Gives the caller the malloc'd string and re-initializes b. An empty b
 * gives a new "" (NULL only when that allocation fails).
 */
char *erg_buf_steal(erg_buf *b);

/*
 * Makes room for `need` elements of `elem` bytes in the array *arr holding
 * *cap elements, doubling from 16 so that appends are amortized O(1). *arr
 * and *cap change only on success; new elements are not zeroed. ERG_ENOMEM
 * on overflow or when realloc fails.
 */
erg_status erg_grow(void **arr, size_t *cap, size_t need, size_t elem);

/* 64-bit hash of n bytes (FNV-1a with a final mix); stable across runs and machines. */
uint64_t erg_hash(const void *data, size_t n);
/* Combines a running hash with more bytes; erg_hash(d, n) == erg_hash_more(ERG_HASH_SEED, d, n). */
#define ERG_HASH_SEED 0xcbf29ce484222325ULL
uint64_t erg_hash_more(uint64_t h, const void *data, size_t n);
/* Final avalanche step applied by erg_hash; exposed for incremental use. */
uint64_t erg_hash_mix(uint64_t h);

/* malloc'd copy of s (or of its first n bytes); NULL when out of memory or s is NULL. */
char *erg_strdup(const char *s);
char *erg_strndup(const char *s, size_t n);

/* Entity types. MISC is recognized but never put in the graph. */
typedef enum erg_type {
    ERG_TYPE_PERSON = 0,
    ERG_TYPE_AGENCY,
    ERG_TYPE_OUTLET,
    ERG_TYPE_PLACE,
    ERG_TYPE_MISC,
    ERG_TYPE_COUNT
} erg_type;

#define ERG_TYPE_BIT(t) (1u << (t))
/* person, agency, outlet: what `--types` means when it is not given. */
#define ERG_TYPES_DEFAULT                                                                          \
    (ERG_TYPE_BIT(ERG_TYPE_PERSON) | ERG_TYPE_BIT(ERG_TYPE_AGENCY) | ERG_TYPE_BIT(ERG_TYPE_OUTLET))

/* "person", "agency", "outlet", "place", "misc"; static. */
const char *erg_type_name(erg_type t);
/* Parses one type name (case-insensitive). ERG_EINVAL when unknown. */
erg_status erg_type_parse(const char *s, size_t n, erg_type *out);
/*
 * Parses a comma-separated list such as "person,agency,place" into a bit mask
 * of ERG_TYPE_BIT values. ERG_EINVAL (with err naming the bad word) when a
 * word is unknown or the list is empty.
 */
erg_status erg_type_mask_parse(const char *list, unsigned *mask, erg_error *err);

/*
 * An output file written under a temporary name in the same folder and
 * renamed into place by erg_outfile_commit, so that a failed run never leaves
 * a truncated file. The path "-" writes to stdout (nothing to rename). A
 * path that exists and is no regular file (a FIFO, a device such as
 * /dev/null, a terminal) is opened and written directly, as the shell's >
 * would: it is never replaced. A symbolic link to a file has that file
 * replaced (the temporary file goes beside it), and the link stays. A file
 * replaced keeps its permission bits, and its owner when the process may
 * give it.
 * Caller-owned struct.
 */
typedef struct erg_outfile {
    FILE *fp;       /* write here between open and commit */
    char *path;     /* final path (owned) */
    char *tmp_path; /* temporary path (owned), NULL for stdout and a path written directly */
} erg_outfile;

/* Opens the temporary file. ERG_EIO with err filled when it cannot be created. */
erg_status erg_outfile_open(erg_outfile *of, const char *path, erg_error *err);
/*
 * Flushes, closes and renames the file into place. ERG_EIO when a write
 * failed earlier (checked through ferror), or the close or rename fails; the
 * temporary file is removed then. Releases everything of `of` in all cases.
 */
erg_status erg_outfile_commit(erg_outfile *of, erg_error *err);
/* Closes and removes the temporary file; for failure paths. Safe on an unopened struct. */
void erg_outfile_abort(erg_outfile *of);

/*
 * Temporary files a signal must not leave behind. erg_outfile and the store
 * writer track the temporary file they create from creation until it is
 * renamed or removed; erg_temp_remove_all removes every file still tracked.
 * Up to ERG_TEMP_MAX files of paths shorter than ERG_TEMP_PATH_MAX bytes are
 * tracked at once (more are written as before, untracked). erg_temp_track
 * keeps a copy of path; erg_temp_untrack forgets it (before the file is
 * renamed or removed) and does nothing for a path not tracked.
 */
enum { ERG_TEMP_MAX = 16, ERG_TEMP_PATH_MAX = 4096 };
void erg_temp_track(const char *path);
void erg_temp_untrack(const char *path);
/*
 * Unlinks every tracked temporary file. Async-signal-safe: made for a
 * SIGINT/SIGTERM/SIGHUP handler that then ends the process (the library
 * installs no handler itself).
 */
void erg_temp_remove_all(void);

/*
 * A guard around a jansson parse (json_loadb, json_load_file): between begin
 * and end, on this thread, a failed allocation makes the parse fail quickly
 * instead of retrying, and erg_json_guard_end returns true when any
 * allocation failed (the parse's result, even when not NULL, is then
 * incomplete: free it and report out of memory). begin also sets jansson's
 * allocator, once per process.
 */
void erg_json_guard_begin(void);
bool erg_json_guard_end(void);

/*
 * Reads a whole file into a NUL-terminated malloc'd buffer (*data, owned by
 * the caller) of *len bytes. ERG_EIO with err filled on failure.
 */
erg_status erg_read_file(const char *path, char **data, size_t *len, erg_error *err);

/*
 * Finds a file of erg's data folder (the shipped model, gazetteers) by name:
 * in $ERG_DATA if that is set, else in the source tree's data/ and the
 * installed data folder known at build time, else in data/ beside the
 * executable or one of its parent folders. Writes the path into buf (cap
 * bytes). ERG_ENOTFOUND, with err naming the folders tried, when absent.
 */
erg_status erg_data_path(const char *name, char *buf, size_t cap, erg_error *err);

/*
 * A word list of erg's data folder: one entry a line, white space trimmed,
 * blank lines and lines starting with '#' skipped. *words (an array of *n
 * malloc'd strings) is the caller's to free with erg_word_list_free.
 * ERG_EIO / ERG_ENOTFOUND when the file cannot be read, ERG_EFORMAT when it
 * is not UTF-8 text (naming the line), ERG_ENOMEM.
 */
erg_status erg_word_list_read(const char *path, char ***words, size_t *n, erg_error *err);
/*
 * What a title of data/titles.tsv is used for (its USES column): ERG_TITLE_NAME
 * ("title": a tagger feature, a role noun of the typing rules, a word `erg
 * query` drops before a name) and ERG_TITLE_STRIP ("strip": the resolver drops
 * it from the front of a person's name).
 */
enum { ERG_TITLE_NAME = 1u, ERG_TITLE_STRIP = 2u };

/*
 * The titles of a title list in the format of data/titles.tsv
 * (TITLE<TAB>ROLE[<TAB>USES], '#' comments, see data/README.md) whose USES
 * have a bit of `uses`, as erg_word_list_read returns words: TITLE as written,
 * trimmed. ERG_EFORMAT (naming the line) for a line without a ROLE column or
 * with a USES word other than "title", "strip" or "-"; otherwise as
 * erg_word_list_read. O(file size).
 */
erg_status erg_title_list_read(const char *path, unsigned uses, char ***words, size_t *n,
                               erg_error *err);
/* Frees what erg_word_list_read returned; words may be NULL. */
void erg_word_list_free(char **words, size_t n);

#ifdef __cplusplus
}
#endif
#endif
