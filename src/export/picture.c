/*
 * picture.c: SVG and PNG through Graphviz's library. The DOT drawing
 * (dot.c) is written to memory, read back by cgraph, laid out by dot or
 * sfdp and rendered by libgvc; the bytes go to the caller's stream, so
 * erg_export_file's temporary file and rename work as for any format.
 *
 * Graphviz reports through a global hook (agseterrf): while a picture is
 * made, its messages are collected here instead of going to stderr; errors
 * fail the export, warnings go to the caller's warn callback.
 *
 * One libgvc context serves every picture of the process and is never
 * freed: Graphviz 2.42's pango text layout keeps, in a static, a pointer to
 * the last font name it measured, which lives in the context's font table;
 * a second context after gvFreeContext makes it read freed memory (ASan
 * showed it on the second picture of one process).
 */
#include "export_private.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

/* What Graphviz said during one picture: its text arrives in pieces ("Warning", ": ", text). */
static struct {
    char line[1024]; /* the message being assembled */
    size_t len;
    bool in_error;    /* the last line that had a prefix was an error */
    char error[1024]; /* the first error, "" for none */
    const erg_export_options *opts;
} gv_said;

/*
 * Takes each complete line of a Graphviz message: an error is kept (the
 * first line of the first) to fail the export, a warning goes to the
 * caller's warn callback. A line without "Error: " or "Warning: " goes on
 * the message before it.
 */
static int gv_hook(char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p != '\n') {
            if (gv_said.len + 1 < sizeof gv_said.line)
                gv_said.line[gv_said.len++] = *p;
            continue;
        }
        gv_said.line[gv_said.len] = '\0';
        const char *said = gv_said.line;
        if (strncmp(said, "Error: ", 7) == 0) {
            gv_said.in_error = true;
            said += 7; /* err says "graphviz: " before it */
        } else if (strncmp(said, "Warning: ", 9) == 0) {
            gv_said.in_error = false;
            said += 9; /* the caller says it is a warning */
        }
        if (gv_said.in_error && !gv_said.error[0]) {
            size_t n =
                strlen(said) < sizeof gv_said.error ? strlen(said) : sizeof gv_said.error - 1;
            memcpy(gv_said.error, said, n);
            gv_said.error[n] = '\0';
        } else if (!gv_said.in_error && *said && gv_said.opts->warn)
            gv_said.opts->warn(gv_said.opts->warn_ctx, said);
        gv_said.len = 0;
    }
    return 0;
}

/* The process's libgvc context, made on first use (NULL when out of memory). */
static GVC_t *gv_context(void)
{
    static GVC_t *gvc;
    /*
     * gvContext loads the plugins that the installed config lists (Debian's
     * libgvc6 writes it with dot -c): no gvContextPlugins table is needed.
     */
    if (!gvc)
        gvc = gvContext();
    return gvc;
}

/* The DOT text of the drawing, cut for a picture, in a malloc'd string (*text, *len). */
static erg_status draw_text(const erg_graph *g, const erg_export_options *o, char **text,
                            size_t *len, erg_error *err)
{
    FILE *m = open_memstream(text, len);
    if (!m)
        return erg_error_oom(err);
    size_t top = o->max_nodes ? o->max_nodes : ERG_EXPORT_DRAW_TOP;
    erg_status st = erg_export_i_dot_draw(g, o, top, m, err);
    if (fclose(m) != 0 && st == ERG_OK)
        st = erg_error_oom(err);
    return st;
}

erg_status erg_export_i_picture(const erg_graph *g, const erg_export_options *o, erg_format fmt,
                                FILE *f, erg_error *err)
{
    char *text = NULL, *data = NULL;
    size_t text_len = 0;
    unsigned int data_len = 0;
    GVC_t *gvc = NULL;
    Agraph_t *ag = NULL;
    bool laid_out = false;
    erg_status st = draw_text(g, o, &text, &text_len, err);
    if (st != ERG_OK)
        goto cleanup;

    gv_said.len = 0;
    gv_said.in_error = false;
    gv_said.error[0] = '\0';
    gv_said.opts = o;
    agusererrf old_hook = agseterrf(gv_hook);
    agerrlevel_t old_level = agseterr(AGWARN);
    if (!(gvc = gv_context())) {
        st = erg_error_oom(err);
    } else if (!(ag = agmemread(text))) {
        st = erg_error_set(err, ERG_EFORMAT, NULL, 0, -1, "graphviz cannot read the drawing%s%s",
                           gv_said.error[0] ? ": " : "", gv_said.error);
    } else {
        /* dot's layers suit small graphs; past that they grow wide, and sfdp scales. */
        const char *engine = (size_t)agnnodes(ag) <= ERG_EXPORT_DOT_LAYOUT_MAX ? "dot" : "sfdp";
        if (gvLayout(gvc, ag, engine) != 0) {
            st = erg_error_set(err, ERG_EFORMAT, NULL, 0, -1,
                               "graphviz cannot lay out with %s%s%s (are its plugins installed "
                               "and registered? 'dot -c' as root registers them)",
                               engine, gv_said.error[0] ? ": " : "", gv_said.error);
        } else {
            laid_out = true;
            const char *renderer = fmt == ERG_FORMAT_PNG ? "png:cairo" : "svg";
            if (gvRenderData(gvc, ag, renderer, &data, &data_len) != 0 || !data)
                st = erg_error_set(err, ERG_EFORMAT, NULL, 0, -1,
                                   "graphviz cannot render %s (is its %s plugin installed and "
                                   "registered? 'dot -c' as root registers them)",
                                   erg_format_name(fmt),
                                   fmt == ERG_FORMAT_PNG ? "cairo (pango)" : "core");
        }
    }
    if (gv_said.len) {
        static char newline[] = "\n";
        gv_hook(newline); /* a last line without its newline */
    }
    if (st == ERG_OK && gv_said.error[0])
        st = erg_error_set(err, ERG_EFORMAT, NULL, 0, -1, "graphviz: %s", gv_said.error);
    agseterr(old_level);
    agseterrf(old_hook);
    gv_said.opts = NULL;
    if (st == ERG_OK && (fwrite(data, 1, data_len, f) != data_len || ferror(f)))
        st = erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write the %s picture",
                           erg_format_name(fmt));
cleanup:
    if (data)
        gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, ag);
    if (ag)
        agclose(ag);
    free(text);
    return st;
}
