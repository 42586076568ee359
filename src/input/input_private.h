/*
 * input_private.h: the reader's state, shared by input.c and walk.c.
 */
#ifndef ERG_INPUT_PRIVATE_H
#define ERG_INPUT_PRIVATE_H

#include "erg/input.h"

#include <jansson.h>

typedef enum input_kind {
    INPUT_NONE = 0, /* a file of a folder that is not an article */
    INPUT_PLAIN,    /* the whole file is one article */
    INPUT_JSONL,    /* one JSON object per line */
    INPUT_STDIN,    /* "-": plain or JSON Lines, decided by its first byte */
    INPUT_SNIFF     /* a file of a folder that is no article but may be a graph */
} input_kind;

typedef enum input_graph {
    INPUT_GRAPH_NONE = 0,
    INPUT_GRAPH_NATIVE, /* erg_graph_write_json's layout */
    INPUT_GRAPH_GRAPHML
} input_graph;

/* How many first bytes of a file input_sniff_graph is given. */
#define INPUT_SNIFF_BYTES 4096

/* One folder being walked: its sorted entry names and the next one to visit. */
typedef struct input_frame {
    char *path;
    char **names;
    size_t n;
    size_t i;
} input_frame;

struct erg_input {
    erg_input_options opt;
    char **paths;
    size_t n_paths;
    size_t next_path;

    input_frame *frames; /* folders being walked, innermost last */
    size_t n_frames;
    size_t cap_frames;

    char *cur_path;     /* the file being read (owned) */
    bool cur_in_folder; /* cur_path was found in a folder, not given */

    /* JSON Lines state; fp is NULL between files. */
    FILE *fp;
    bool fp_is_stdin;
    long line;
    uint64_t offset;   /* file offset of the next line */
    size_t line_shift; /* bytes of the next line consumed before getline saw it (stdin) */
    size_t n_objects;  /* non-blank lines seen in this file */
    char *line_buf;    /* getline buffer, reused */
    size_t line_cap;
    json_t *json; /* the object behind the last article (owned) */
    erg_buf id;   /* the id of the last JSON article when not a JSON string */

    erg_buf data;   /* the bytes of the plain file, reused */
    erg_buf repair; /* a repaired (lenient) copy, reused */
    erg_buf quoted; /* a copy with numbers too big for JSON quoted, reused */

    char date[ERG_DATE_TEXT_MAX]; /* the last article's normalized date */

    erg_input_stats stats;
};

/*
 * Advances to the next file to read: sets in->cur_path, in->cur_in_folder
 * and *kind, counting the files of folders passed over as ignored. ERG_DONE
 * when no path is left; ERG_EIO or ERG_ENOTFOUND when a folder cannot be
 * listed; ERG_ENOMEM.
 */
erg_status input_next_file(erg_input *in, input_kind *kind, erg_error *err);

/*
 * Reads the next line of f, with its '\n' if it has one, into *buf (grown,
 * NUL-terminated) and returns its length, or -1 at the end of f or on a
 * read error (ferror). A line longer than max bytes is read through its
 * end but only its first max bytes are kept: *too_long is set, and the
 * length returned is the whole line's (so that offsets stay right).
 */
long long input_read_line(FILE *f, char **buf, size_t *cap, size_t max, bool *too_long);

/* The article size limit of opt (its max_article_bytes, or the default). */
size_t input_max_article(const erg_input_options *opt);

/* Counts in->cur_path, a file of a folder that is not read, as ignored. */
void input_note_ignored(erg_input *in);

/* Frees the folder stack. */
void input_walk_release(erg_input *in);

/*
 * INPUT_JSONL or INPUT_PLAIN by name; for a file found in a folder also
 * INPUT_SNIFF (".json", ".graphml", ".xml": perhaps a graph) or INPUT_NONE.
 */
input_kind input_kind_of(const char *name, bool in_folder);

/*
 * Whether the first bytes s[0..n) of the file name (may be NULL) are those
 * of an erg graph: the native layout ({"format":"erg-graph", white space
 * allowed between the tokens, after an optional BOM), a GraphML file (an XML
 * prolog, then a <graphml root), or any file named ".graphml".
 */
input_graph input_sniff_graph(const char *s, size_t n, const char *name);

/* The reason a graph is refused as articles (static text). */
const char *input_graph_why(input_graph g);

#endif
