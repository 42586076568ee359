/*
 * analyze_private.h: helpers shared by the files of src/analyze.
 */
#ifndef ERG_ANALYZE_PRIVATE_H
#define ERG_ANALYZE_PRIVATE_H

#include "erg/analyze.h"

/*
 * Turns an igraph return code into ERG_EIGRAPH (ERG_ENOMEM for
 * IGRAPH_ENOMEM) with "igraph failed in WHAT: <igraph_strerror>" in err.
 */
erg_status erg_analyze_i_fail(erg_error *err, igraph_error_t rc, const char *what);

/* Checks an igraph call; on failure sets st and jumps to cleanup. */
#define ERG_IG(call, what)                                                                         \
    do {                                                                                           \
        igraph_error_t ig_rc_ = (call);                                                            \
        if (ig_rc_ != IGRAPH_SUCCESS) {                                                            \
            st = erg_analyze_i_fail(err, ig_rc_, (what));                                          \
            goto cleanup;                                                                          \
        }                                                                                          \
    } while (0)

/* Checks that v is a vertex of net; ERG_EINVAL naming `what` otherwise. */
erg_status erg_analyze_i_check_vertex(const erg_net *net, igraph_integer_t v, const char *what,
                                      erg_error *err);

#endif
