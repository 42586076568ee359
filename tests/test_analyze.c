/*
 * Tests of the analyze module on small graphs whose answers were worked out
 * by hand (the arithmetic is in the comments), and on the fixture graph
 * fixtures/query/korea.json for what needs an erg_graph.
 */
#include "erg/analyze.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EPS 1e-9

/* Number of true entries (igraph_vector_bool_sum is a logical or). */
static igraph_integer_t count_true(const igraph_vector_bool_t *v)
{
    igraph_integer_t n = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_bool_size(v); i++)
        n += VECTOR(*v)[i] != 0;
    return n;
}

static void net_from(erg_net *net, igraph_integer_t n, const igraph_integer_t *pairs,
                     const double *w, size_t m)
{
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_net_init_edges(net, n, pairs, w, m, &err) == ERG_OK, "net: %s", err.text);
}

static void centrality(const erg_net *net, erg_centrality c, igraph_vector_t *out)
{
    erg_error err;
    erg_error_clear(&err);
    ck_assert_int_eq(igraph_vector_init(out, 0), IGRAPH_SUCCESS);
    ck_assert_msg(erg_analyze_centrality(net, c, out, &err) == ERG_OK, "%s: %s",
                  erg_centrality_name(c), err.text);
    ck_assert_int_eq(igraph_vector_size(out), igraph_vcount(&net->graph));
}

static erg_graph *load_korea(void)
{
    const char *dir = getenv("FIXTURES");
    ck_assert_ptr_nonnull(dir);
    char path[1024];
    snprintf(path, sizeof path, "%s/query/korea.json", dir);
    erg_graph *g = NULL;
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_graph_load(&g, path, &err) == ERG_OK, "load: %s", err.text);
    return g;
}

static size_t key_index(const erg_graph *g, const char *key)
{
    long i = erg_graph_find_key(g, key);
    ck_assert_msg(i >= 0, "no entity '%s'", key);
    return (size_t)i;
}

/* ---- the network ----------------------------------------------------------------- */

START_TEST(test_net_rejects_bad_edges)
{
    erg_net net;
    erg_error err;
    igraph_integer_t loop[] = {0, 0};
    igraph_integer_t range[] = {0, 3};
    igraph_integer_t twice[] = {0, 1, 1, 0};
    double w1[] = {1}, w2[] = {1, 2}, zero[] = {0}, nan_w[] = {NAN};
    igraph_integer_t ok[] = {0, 1};
    ck_assert_int_eq(erg_net_init_edges(&net, 2, loop, w1, 1, &err), ERG_EINVAL);
    ck_assert(strstr(err.text, "loop") != NULL);
    ck_assert_int_eq(erg_net_init_edges(&net, 3, range, w1, 1, &err), ERG_EINVAL);
    ck_assert(strstr(err.text, "out of range") != NULL);
    ck_assert_int_eq(erg_net_init_edges(&net, 2, twice, w2, 2, &err), ERG_EINVAL);
    ck_assert(strstr(err.text, "two edges") != NULL);
    ck_assert_int_eq(erg_net_init_edges(&net, 2, ok, zero, 1, &err), ERG_EINVAL);
    ck_assert_int_eq(erg_net_init_edges(&net, 2, ok, nan_w, 1, &err), ERG_EINVAL);
    erg_net_release(&net); /* released by the failures; releasing again does nothing */
    net_from(&net, 2, ok, w2 + 1, 1);
    ck_assert_double_eq_tol(VECTOR(net.length)[0], 0.5, EPS);
    erg_net_release(&net);
    erg_net_release(&net);
}
END_TEST

/* ---- centralities ---------------------------------------------------------------- */

START_TEST(test_degree_and_strength)
{
    /* a path 0 - 1 - 2 with weights 1 and 3, and an isolated vertex 3 */
    igraph_integer_t e[] = {0, 1, 1, 2};
    double w[] = {1, 3};
    erg_net net;
    igraph_vector_t s;
    net_from(&net, 4, e, w, 2);
    centrality(&net, ERG_CENTRALITY_DEGREE, &s);
    ck_assert_double_eq(VECTOR(s)[0], 1);
    ck_assert_double_eq(VECTOR(s)[1], 2);
    ck_assert_double_eq(VECTOR(s)[3], 0);
    igraph_vector_destroy(&s);
    centrality(&net, ERG_CENTRALITY_STRENGTH, &s);
    ck_assert_double_eq(VECTOR(s)[1], 4);
    ck_assert_double_eq(VECTOR(s)[2], 3);
    igraph_vector_destroy(&s);
    erg_net_release(&net);
}
END_TEST

START_TEST(test_pagerank_uses_weights)
{
    /*
     * Path a - b - c, weights 1 and 3, d = 0.85, n = 3, (1-d)/n = 0.05:
     *   PR(a) = 0.05 + 0.85 PR(b) / 4,  PR(c) = 0.05 + 0.85 PR(b) 3/4,
     *   PR(b) = 0.05 + 0.85 (PR(a) + PR(c)) = 0.05 + 0.85 (0.1 + 0.85 PR(b))
     *   => PR(b) = 0.135 / 0.2775, PR(a) = 0.05 + 0.2125 PR(b), PR(c) = 0.05 + 0.6375 PR(b).
     */
    igraph_integer_t e[] = {0, 1, 1, 2};
    double w[] = {1, 3};
    erg_net net;
    igraph_vector_t pr;
    net_from(&net, 3, e, w, 2);
    centrality(&net, ERG_CENTRALITY_PAGERANK, &pr);
    double b = 0.135 / 0.2775;
    ck_assert_double_eq_tol(VECTOR(pr)[1], b, 1e-9);
    ck_assert_double_eq_tol(VECTOR(pr)[0], 0.05 + 0.2125 * b, 1e-9);
    ck_assert_double_eq_tol(VECTOR(pr)[2], 0.05 + 0.6375 * b, 1e-9);
    igraph_vector_destroy(&pr);
    erg_net_release(&net);
}
END_TEST

START_TEST(test_pagerank_star)
{
    /*
     * Star, centre 0 and leaves 1..3, n = 4: PR(l) = 0.0375 + 0.85 PR(c) / 3,
     * PR(c) = 0.0375 + 0.85 * 3 PR(l) => PR(l) = 0.048125 / 0.2775.
     */
    igraph_integer_t e[] = {0, 1, 0, 2, 0, 3};
    double w[] = {1, 1, 1};
    erg_net net;
    igraph_vector_t pr;
    net_from(&net, 4, e, w, 3);
    centrality(&net, ERG_CENTRALITY_PAGERANK, &pr);
    double leaf = 0.048125 / 0.2775;
    ck_assert_double_eq_tol(VECTOR(pr)[1], leaf, 1e-9);
    ck_assert_double_eq_tol(VECTOR(pr)[0], 0.0375 + 2.55 * leaf, 1e-9);
    ck_assert_double_eq_tol(igraph_vector_sum(&pr), 1, 1e-9);
    igraph_vector_destroy(&pr);
    erg_net_release(&net);
}
END_TEST

/*
 * A square 0-1-2-3-0 with weights 0-1: 1, 1-2: 1, 2-3: 4, 3-0: 4, so lengths
 * 1, 1, 0.25, 0.25. From 0 to 2: via 1 costs 2, via 3 costs 0.5, so only 3 is
 * between them. From 1 to 3: via 0 costs 1.25, via 2 costs 1.25: a tie, half
 * each. Unweighted, every vertex would get 0.5.
 */
static const igraph_integer_t square[] = {0, 1, 1, 2, 2, 3, 3, 0};
static const double square_w[] = {1, 1, 4, 4};

START_TEST(test_betweenness_short_strong_ties)
{
    erg_net net;
    igraph_vector_t b;
    net_from(&net, 4, square, square_w, 4);
    centrality(&net, ERG_CENTRALITY_BETWEENNESS, &b);
    ck_assert_double_eq_tol(VECTOR(b)[0], 0.5, EPS);
    ck_assert_double_eq_tol(VECTOR(b)[1], 0.0, EPS);
    ck_assert_double_eq_tol(VECTOR(b)[2], 0.5, EPS);
    ck_assert_double_eq_tol(VECTOR(b)[3], 1.0, EPS);
    igraph_vector_destroy(&b);
    erg_net_release(&net);
}
END_TEST

START_TEST(test_closeness_counts_reachable_only)
{
    /* Path 0 - 1 - 2 (weights 1: lengths 1) and an isolated 3. */
    igraph_integer_t e[] = {0, 1, 1, 2};
    double w[] = {1, 1};
    erg_net net;
    igraph_vector_t c;
    net_from(&net, 4, e, w, 2);
    centrality(&net, ERG_CENTRALITY_CLOSENESS, &c);
    ck_assert_double_eq_tol(VECTOR(c)[1], 2.0 / 2.0, EPS);
    ck_assert_double_eq_tol(VECTOR(c)[0], 2.0 / 3.0, EPS);
    ck_assert_double_eq(VECTOR(c)[3], 0); /* igraph says NaN; we say 0 */
    igraph_vector_destroy(&c);
    erg_net_release(&net);
}
END_TEST

START_TEST(test_eigenvector_star)
{
    /* Star with 3 leaves: lambda^2 = 3, a leaf is the centre / sqrt(3). */
    igraph_integer_t e[] = {0, 1, 0, 2, 0, 3};
    double w[] = {2, 2, 2};
    erg_net net;
    igraph_vector_t ev;
    net_from(&net, 4, e, w, 3);
    centrality(&net, ERG_CENTRALITY_EIGENVECTOR, &ev);
    ck_assert_double_eq_tol(VECTOR(ev)[0], 1.0, 1e-6);
    ck_assert_double_eq_tol(VECTOR(ev)[2], 1.0 / sqrt(3.0), 1e-6);
    igraph_vector_destroy(&ev);
    erg_net_release(&net);
    /* No edges: all zero rather than igraph's ones. */
    net_from(&net, 3, NULL, NULL, 0);
    centrality(&net, ERG_CENTRALITY_EIGENVECTOR, &ev);
    ck_assert_double_eq(igraph_vector_max(&ev), 0);
    igraph_vector_destroy(&ev);
    erg_net_release(&net);
}
END_TEST

START_TEST(test_centrality_names)
{
    erg_centrality c;
    ck_assert_int_eq(erg_centrality_parse("PageRank", &c), ERG_OK);
    ck_assert_int_eq(c, ERG_CENTRALITY_PAGERANK);
    ck_assert_int_eq(erg_centrality_parse("fame", &c), ERG_EINVAL);
    for (int i = 0; i < ERG_CENTRALITY_COUNT; i++) {
        ck_assert_int_eq(erg_centrality_parse(erg_centrality_name((erg_centrality)i), &c), ERG_OK);
        ck_assert_int_eq(c, i);
    }
    erg_community_method m;
    ck_assert_int_eq(erg_community_method_parse("multilevel", &m), ERG_OK);
    ck_assert_int_eq(m, ERG_COMMUNITY_LOUVAIN);
    ck_assert_int_eq(erg_community_method_parse("walktrap", &m), ERG_EINVAL);
}
END_TEST

/* ---- partitions ------------------------------------------------------------------ */

/*
 * Two triangles {0,1,2} and {3,4,5} with weight 5 inside, joined by the
 * edge 2-3 of weight 1. Total weight m = 31; each triangle holds L = 15 and
 * degree sum d = 31, so Q = 2 (15/31 - (31/62)^2) = 30/31 - 1/2.
 */
static const igraph_integer_t triangles[] = {0, 1, 1, 2, 0, 2, 3, 4, 4, 5, 3, 5, 2, 3};
static const double triangles_w[] = {5, 5, 5, 5, 5, 5, 1};

static void check_two_triangles(erg_community_method method)
{
    erg_net net;
    erg_partition p;
    erg_error err;
    net_from(&net, 6, triangles, triangles_w, 7);
    ck_assert_int_eq(erg_partition_init(&p, &err), ERG_OK);
    ck_assert_int_eq(erg_analyze_communities(&net, method, 1.0, &p, &err), ERG_OK);
    ck_assert_int_eq(p.count, 2);
    ck_assert_int_eq(VECTOR(p.membership)[0], 0); /* equal sizes: the group of vertex 0 first */
    ck_assert_int_eq(VECTOR(p.membership)[1], 0);
    ck_assert_int_eq(VECTOR(p.membership)[2], 0);
    ck_assert_int_eq(VECTOR(p.membership)[3], 1);
    ck_assert_int_eq(VECTOR(p.membership)[5], 1);
    ck_assert_int_eq(VECTOR(p.sizes)[0], 3);
    ck_assert_double_eq_tol(p.modularity, 30.0 / 31.0 - 0.5, 1e-12);
    erg_partition_release(&p);
    erg_net_release(&net);
}

START_TEST(test_leiden_two_triangles)
{
    check_two_triangles(ERG_COMMUNITY_LEIDEN);
}
END_TEST

START_TEST(test_louvain_two_triangles)
{
    check_two_triangles(ERG_COMMUNITY_LOUVAIN);
}
END_TEST

START_TEST(test_communities_resolution_and_determinism)
{
    /*
     * At resolution 100 every vertex alone is best: any group of two in a
     * triangle gains 5/31 but pays 100 * (20/62)^2 - 2 * 100 * (10/62)^2 > 5.
     */
    erg_net net;
    erg_partition p, again;
    erg_error err;
    net_from(&net, 6, triangles, triangles_w, 7);
    ck_assert_int_eq(erg_partition_init(&p, &err), ERG_OK);
    ck_assert_int_eq(erg_partition_init(&again, &err), ERG_OK);
    ck_assert_int_eq(erg_analyze_communities(&net, ERG_COMMUNITY_LEIDEN, 100, &p, &err), ERG_OK);
    ck_assert_int_eq(p.count, 6);
    ck_assert_int_eq(erg_analyze_communities(&net, ERG_COMMUNITY_LEIDEN, 0, &p, &err), ERG_EINVAL);
    ck_assert_int_eq(erg_analyze_communities(&net, ERG_COMMUNITY_LEIDEN, NAN, &p, &err),
                     ERG_EINVAL);
    erg_net_release(&net);

    /* A ring of 12 cliques: the same answer on every run, whatever the RNG did in between. */
    igraph_integer_t pairs[2 * 12 * 7];
    double w[12 * 7];
    size_t m = 0;
    for (int c = 0; c < 12; c++) {
        for (int i = 0; i < 4; i++)
            for (int j = i + 1; j < 4; j++) {
                pairs[2 * m] = 4 * c + i;
                pairs[2 * m + 1] = 4 * c + j;
                w[m++] = 1 + (i + j + c) % 3;
            }
        pairs[2 * m] = 4 * c + 3;
        pairs[2 * m + 1] = (4 * c + 4) % 48;
        w[m++] = 1;
    }
    net_from(&net, 48, pairs, w, m);
    ck_assert_int_eq(erg_analyze_communities(&net, ERG_COMMUNITY_LOUVAIN, 1, &p, &err), ERG_OK);
    igraph_rng_seed(igraph_rng_default(), 7);
    (void)RNG_INTEGER(0, 100);
    ck_assert_int_eq(erg_analyze_communities(&net, ERG_COMMUNITY_LOUVAIN, 1, &again, &err), ERG_OK);
    ck_assert(igraph_vector_int_all_e(&p.membership, &again.membership));
    ck_assert_int_eq(erg_analyze_communities(&net, ERG_COMMUNITY_LEIDEN, 1, &p, &err), ERG_OK);
    ck_assert_int_eq(erg_analyze_communities(&net, ERG_COMMUNITY_LEIDEN, 1, &again, &err), ERG_OK);
    ck_assert(igraph_vector_int_all_e(&p.membership, &again.membership));
    ck_assert_int_eq(p.count, 12);
    erg_partition_release(&p);
    erg_partition_release(&again);
    erg_net_release(&net);
}
END_TEST

START_TEST(test_components_largest_first)
{
    /* {0, 5} (size 2), {1, 2, 3} (size 3), {4} alone: the triangle is group 0. */
    igraph_integer_t e[] = {0, 5, 1, 2, 2, 3, 1, 3};
    double w[] = {1, 1, 1, 1};
    erg_net net;
    erg_partition p;
    erg_error err;
    net_from(&net, 6, e, w, 4);
    ck_assert_int_eq(erg_partition_init(&p, &err), ERG_OK);
    ck_assert_int_eq(erg_analyze_components(&net, &p, &err), ERG_OK);
    ck_assert_int_eq(p.count, 3);
    ck_assert_int_eq(VECTOR(p.membership)[1], 0);
    ck_assert_int_eq(VECTOR(p.membership)[0], 1);
    ck_assert_int_eq(VECTOR(p.membership)[5], 1);
    ck_assert_int_eq(VECTOR(p.membership)[4], 2);
    ck_assert_int_eq(VECTOR(p.sizes)[0], 3);
    ck_assert_int_eq(VECTOR(p.sizes)[2], 1);
    igraph_vector_bool_t keep;
    igraph_vector_bool_init(&keep, 0);
    ck_assert_int_eq(erg_analyze_filter_largest_component(&net, &keep, &err), ERG_OK);
    ck_assert(!VECTOR(keep)[0] && VECTOR(keep)[1] && VECTOR(keep)[2] && VECTOR(keep)[3] &&
              !VECTOR(keep)[4]);
    igraph_vector_bool_destroy(&keep);
    erg_partition_release(&p);
    erg_net_release(&net);
}
END_TEST

START_TEST(test_coreness)
{
    /* A triangle 0-1-2 with a pendant 3 on 2: cores 2, 2, 2, 1. */
    igraph_integer_t e[] = {0, 1, 1, 2, 0, 2, 2, 3};
    double w[] = {1, 1, 1, 1};
    erg_net net;
    erg_error err;
    igraph_vector_int_t cores;
    net_from(&net, 4, e, w, 4);
    igraph_vector_int_init(&cores, 0);
    ck_assert_int_eq(erg_analyze_coreness(&net, &cores, &err), ERG_OK);
    ck_assert_int_eq(VECTOR(cores)[0], 2);
    ck_assert_int_eq(VECTOR(cores)[2], 2);
    ck_assert_int_eq(VECTOR(cores)[3], 1);
    igraph_vector_int_destroy(&cores);
    erg_net_release(&net);
}
END_TEST

/* ---- paths and ego networks --------------------------------------------------------- */

START_TEST(test_paths_prefer_strong_ties)
{
    /* The square plus an isolated vertex 4: from 0 to 2, 0-3-2 (0.5) beats 0-1-2 (2). */
    erg_net net;
    erg_paths p;
    erg_error err;
    net_from(&net, 5, square, square_w, 4);
    ck_assert_int_eq(erg_paths_init(&p, &err), ERG_OK);
    ck_assert_int_eq(erg_analyze_paths(&net, 0, 2, 1, &p, &err), ERG_OK);
    ck_assert_uint_eq(erg_paths_count(&p), 1);
    const igraph_vector_int_t *v = igraph_vector_int_list_get_ptr(&p.vertices, 0);
    ck_assert_int_eq(igraph_vector_int_size(v), 3);
    ck_assert_int_eq(VECTOR(*v)[1], 3);
    ck_assert_double_eq_tol(VECTOR(p.lengths)[0], 0.5, EPS);
    ck_assert_int_eq(igraph_vector_int_size(igraph_vector_int_list_get_ptr(&p.edges, 0)), 2);

    ck_assert_int_eq(erg_analyze_paths(&net, 0, 2, 5, &p, &err), ERG_OK);
    ck_assert_uint_eq(erg_paths_count(&p), 2); /* only two loopless paths exist */
    ck_assert_double_eq_tol(VECTOR(p.lengths)[0], 0.5, EPS);
    ck_assert_double_eq_tol(VECTOR(p.lengths)[1], 2.0, EPS);
    ck_assert_int_eq(VECTOR(*igraph_vector_int_list_get_ptr(&p.vertices, 1))[1], 1);

    ck_assert_int_eq(erg_analyze_paths(&net, 0, 4, 1, &p, &err), ERG_OK);
    ck_assert_uint_eq(erg_paths_count(&p), 0);
    ck_assert_int_eq(erg_analyze_paths(&net, 0, 4, 3, &p, &err), ERG_OK);
    ck_assert_uint_eq(erg_paths_count(&p), 0);

    ck_assert_int_eq(erg_analyze_paths(&net, 1, 1, 1, &p, &err), ERG_OK);
    ck_assert_uint_eq(erg_paths_count(&p), 1);
    ck_assert_double_eq(VECTOR(p.lengths)[0], 0);

    ck_assert_int_eq(erg_analyze_paths(&net, 0, 9, 1, &p, &err), ERG_EINVAL);
    ck_assert_int_eq(erg_analyze_paths(&net, 0, 1, 0, &p, &err), ERG_EINVAL);
    erg_paths_release(&p);
    erg_net_release(&net);
}
END_TEST

START_TEST(test_ego)
{
    /* Path 0 - 1 - 2 - 3 - 4. */
    igraph_integer_t e[] = {0, 1, 1, 2, 2, 3, 3, 4};
    double w[] = {1, 1, 1, 1};
    erg_net net;
    erg_error err;
    igraph_vector_bool_t keep;
    net_from(&net, 5, e, w, 4);
    igraph_vector_bool_init(&keep, 0);
    ck_assert_int_eq(erg_analyze_ego(&net, 2, 1, &keep, &err), ERG_OK);
    ck_assert(!VECTOR(keep)[0] && VECTOR(keep)[1] && VECTOR(keep)[2] && VECTOR(keep)[3] &&
              !VECTOR(keep)[4]);
    ck_assert_int_eq(erg_analyze_ego(&net, 0, 2, &keep, &err), ERG_OK);
    ck_assert(VECTOR(keep)[0] && VECTOR(keep)[2] && !VECTOR(keep)[3]);
    ck_assert_int_eq(erg_analyze_ego(&net, 4, 0, &keep, &err), ERG_OK);
    ck_assert_int_eq(count_true(&keep), 1);
    ck_assert_int_eq(erg_analyze_ego(&net, 4, -1, &keep, &err), ERG_EINVAL);
    ck_assert_int_eq(erg_analyze_ego(&net, 5, 1, &keep, &err), ERG_EINVAL);
    igraph_vector_bool_destroy(&keep);
    erg_net_release(&net);
}
END_TEST

/* ---- filters and the backbone ----------------------------------------------------- */

START_TEST(test_filters)
{
    erg_net net;
    erg_error err;
    igraph_vector_bool_t keep;
    net_from(&net, 4, square, square_w, 4);
    igraph_vector_bool_init(&keep, 0);
    ck_assert_int_eq(erg_analyze_filter_min_weight(&net, 2, &keep, &err), ERG_OK);
    ck_assert(!VECTOR(keep)[0] && !VECTOR(keep)[1] && VECTOR(keep)[2] && VECTOR(keep)[3]);

    igraph_vector_t scores;
    igraph_vector_init(&scores, 5);
    double s[] = {0.5, 2, NAN, 2, 1};
    for (int i = 0; i < 5; i++)
        VECTOR(scores)[i] = s[i];
    ck_assert_int_eq(erg_analyze_filter_top(&scores, 3, &keep, &err), ERG_OK);
    ck_assert(VECTOR(keep)[1] && VECTOR(keep)[3] && VECTOR(keep)[4]);
    ck_assert(!VECTOR(keep)[0] && !VECTOR(keep)[2]);
    ck_assert_int_eq(erg_analyze_filter_top(&scores, 1, &keep, &err), ERG_OK);
    ck_assert(VECTOR(keep)[1] && !VECTOR(keep)[3]); /* a tie goes to the lower id */
    ck_assert_int_eq(erg_analyze_filter_top(&scores, 9, &keep, &err), ERG_OK);
    ck_assert_int_eq(count_true(&keep), 5);
    igraph_vector_destroy(&scores);
    igraph_vector_bool_destroy(&keep);
    erg_net_release(&net);
}
END_TEST

START_TEST(test_disparity_backbone)
{
    /*
     * K4 on a, b, c, d (0..3): a-b weighs 8, the other five edges 1. Every
     * degree is 3; strengths a: 10, b: 10, c: 3, d: 3.
     *   a-b: (1 - 8/10)^2 = 0.04 at both ends.
     *   a-c: at a (1 - 1/10)^2 = 0.81, at c (1 - 1/3)^2 = 4/9: min 4/9.
     *   c-d: (1 - 1/3)^2 = 4/9 at both ends.
     */
    igraph_integer_t e[] = {0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3};
    double w[] = {8, 1, 1, 1, 1, 1};
    erg_net net;
    erg_error err;
    igraph_vector_t alphas;
    igraph_vector_bool_t keep;
    net_from(&net, 4, e, w, 6);
    igraph_vector_init(&alphas, 0);
    igraph_vector_bool_init(&keep, 0);
    ck_assert_int_eq(erg_analyze_disparity(&net, &alphas, &err), ERG_OK);
    ck_assert_double_eq_tol(VECTOR(alphas)[0], 0.04, EPS);
    ck_assert_double_eq_tol(VECTOR(alphas)[1], 4.0 / 9.0, EPS);
    ck_assert_double_eq_tol(VECTOR(alphas)[5], 4.0 / 9.0, EPS);
    ck_assert_int_eq(erg_analyze_backbone(&net, 0.05, &keep, &err), ERG_OK);
    ck_assert_int_eq(count_true(&keep), 1);
    ck_assert(VECTOR(keep)[0]);
    ck_assert_int_eq(erg_analyze_backbone(&net, 0.5, &keep, &err), ERG_OK);
    ck_assert_int_eq(count_true(&keep), 6);
    ck_assert_int_eq(erg_analyze_backbone(&net, 0, &keep, &err), ERG_EINVAL);
    ck_assert_int_eq(erg_analyze_backbone(&net, 1.5, &keep, &err), ERG_EINVAL);
    erg_net_release(&net);

    /* A star: every edge has a degree-1 end, so every edge stays at any alpha. */
    igraph_integer_t star[] = {0, 1, 0, 2, 0, 3};
    double sw[] = {1, 1, 8};
    net_from(&net, 4, star, sw, 3);
    ck_assert_int_eq(erg_analyze_disparity(&net, &alphas, &err), ERG_OK);
    ck_assert_double_eq(igraph_vector_max(&alphas), 0);
    ck_assert_int_eq(erg_analyze_backbone(&net, 0.001, &keep, &err), ERG_OK);
    ck_assert_int_eq(count_true(&keep), 3);
    igraph_vector_destroy(&alphas);
    igraph_vector_bool_destroy(&keep);
    erg_net_release(&net);
}
END_TEST

/* ---- the erg graph around the analysis ---------------------------------------------- */

START_TEST(test_net_from_graph_and_pair_edges)
{
    erg_graph *g = load_korea();
    erg_net net;
    erg_error err;
    ck_assert_int_eq(erg_net_init(&net, g, &err), ERG_OK);
    ck_assert_int_eq(igraph_vcount(&net.graph), 12);
    ck_assert_int_eq(igraph_ecount(&net.graph), 15); /* 19 links, 15 of them co_mention */
    ck_assert_double_eq(igraph_vector_sum(&net.weight), 42);

    size_t kcna = key_index(g, "kcna"), kim = key_index(g, "kim jong un");
    size_t yo = key_index(g, "kim yo jong"), wpk = key_index(g, "workers party of korea");
    size_t idx[8];
    ck_assert_uint_eq(erg_analyze_pair_edges(g, kim, kcna, idx, 8), 2);
    ck_assert_int_eq(erg_graph_edge(g, idx[0])->kind, ERG_KIND_CO_MENTION);
    ck_assert_int_eq(erg_graph_edge(g, idx[1])->kind, ERG_KIND_REPORTS);
    ck_assert_uint_eq(erg_graph_edge(g, idx[1])->source, kcna);
    ck_assert_uint_eq(erg_analyze_pair_edges(g, kcna, kim, idx, 1), 2); /* counts past cap */
    ck_assert_uint_eq(erg_analyze_pair_edges(g, yo, wpk, idx, 8), 1);   /* typed only */
    ck_assert_uint_eq(erg_analyze_pair_edges(g, yo, key_index(g, "lusa"), idx, 8), 0);

    erg_incidence inc;
    ck_assert_int_eq(erg_incidence_build(&inc, g, &err), ERG_OK);
    ck_assert_uint_eq(inc.offsets[kim + 1] - inc.offsets[kim], 7); /* 5 co-mentions, 2 typed */
    ck_assert_uint_eq(
        inc.offsets[key_index(g, "interpol") + 1] - inc.offsets[key_index(g, "interpol")], 0);
    ck_assert_uint_eq(inc.offsets[12], 2 * erg_graph_edge_count(g));
    erg_incidence_release(&inc);
    erg_net_release(&net);
    erg_graph_free(g);
}
END_TEST

START_TEST(test_subset_ego_and_backbone)
{
    erg_graph *g = load_korea();
    erg_net net;
    erg_error err;
    erg_graph *sub = NULL;
    igraph_vector_bool_t keep, keep_edge;
    ck_assert_int_eq(erg_net_init(&net, g, &err), ERG_OK);
    igraph_vector_bool_init(&keep, 0);
    igraph_vector_bool_init(&keep_edge, 0);

    /* Kim Yo-jong's ego: Kim Jong-un, KCNA, Yonhap; WPK only by a typed edge, so out. */
    size_t yo = key_index(g, "kim yo jong");
    ck_assert_int_eq(erg_analyze_ego(&net, (igraph_integer_t)yo, 1, &keep, &err), ERG_OK);
    ck_assert_int_eq(erg_analyze_subset(g, &net, &keep, NULL, &sub, &err), ERG_OK);
    ck_assert_uint_eq(erg_graph_entity_count(sub), 4);
    ck_assert_uint_eq(erg_graph_edge_count(sub), 5); /* 4 co-mentions + KCNA reports Kim */
    ck_assert_uint_eq(erg_graph_article_count(sub), 3);
    const erg_entity *kim = erg_graph_entity(sub, key_index(sub, "kim jong un"));
    ck_assert_str_eq(kim->name, "Kim Jong-un");
    ck_assert_uint_eq(kim->mentions, 15); /* counts from the whole corpus */
    ck_assert_uint_eq(kim->n_aliases, 3);

    /* It saves and loads back like any graph. */
    char path[] = "/tmp/erg-analyze-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    ck_assert_int_eq(erg_graph_write_json(sub, f, &err), ERG_OK);
    fclose(f);
    erg_graph *back = NULL;
    ck_assert_msg(erg_graph_load(&back, path, &err) == ERG_OK, "%s", err.text);
    ck_assert_uint_eq(erg_graph_edge_count(back), 5);
    erg_graph_free(back);
    unlink(path);
    erg_graph_free(sub);

    /* All vertices, edges with weight >= 3: the typed-only pair stays, a dropped pair loses its
     * typed edge. */
    ck_assert_int_eq(erg_analyze_filter_min_weight(&net, 3, &keep_edge, &err), ERG_OK);
    ck_assert_int_eq(erg_analyze_subset(g, &net, NULL, &keep_edge, &sub, &err), ERG_OK);
    ck_assert_uint_eq(erg_graph_entity_count(sub), 12);
    size_t co = 0, typed = 0;
    for (size_t i = 0; i < erg_graph_edge_count(sub); i++)
        if (erg_graph_edge(sub, i)->kind == ERG_KIND_CO_MENTION)
            co++;
        else
            typed++;
    /* weights >= 3: kcna-kim 6, kcna-wpk 3, kim-yo 5, kim-wpk 4, mou-moon 3, moon-reuters 3,
     * moon-yonhap 4 */
    ck_assert_uint_eq(co, 7);
    /* kcna reports kim, kim leads wpk, yo member_of wpk (typed only), yonhap reports moon */
    ck_assert_uint_eq(typed, 4);
    erg_graph_free(sub);

    /* Everything kept: the same graph, byte for byte (every article of the fixture is cited). */
    ck_assert_int_eq(erg_analyze_subset(g, NULL, NULL, NULL, &sub, &err), ERG_OK);
    char *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    FILE *fa = open_memstream(&a, &na), *fb = open_memstream(&b, &nb);
    ck_assert_int_eq(erg_graph_write_json(g, fa, &err), ERG_OK);
    ck_assert_int_eq(erg_graph_write_json(sub, fb, &err), ERG_OK);
    fclose(fa);
    fclose(fb);
    ck_assert_uint_eq(na, nb);
    ck_assert(memcmp(a, b, na) == 0);
    free(a);
    free(b);
    erg_graph_free(sub);

    igraph_vector_bool_resize(&keep, 3);
    ck_assert_int_eq(erg_analyze_subset(g, &net, &keep, NULL, &sub, &err), ERG_EINVAL);
    ck_assert_ptr_null(sub);
    igraph_vector_bool_destroy(&keep);
    igraph_vector_bool_destroy(&keep_edge);
    erg_net_release(&net);
    erg_graph_free(g);
}
END_TEST

/* ---- names ------------------------------------------------------------------------- */

static long lookup(const erg_names *n, const char *name, erg_name_match *m, erg_error *err)
{
    erg_status st = erg_names_lookup(n, name, m, err);
    return st == ERG_OK ? m->entity : -1;
}

START_TEST(test_names_lookup)
{
    erg_graph *g = load_korea();
    erg_names *n = NULL;
    erg_error err;
    erg_name_match m;
    erg_name_match_init(&m);
    ck_assert_int_eq(erg_names_new(&n, g, &err), ERG_OK);
    long kim = (long)key_index(g, "kim jong un");
    ck_assert_int_eq(lookup(n, "Kim Jong-un", &m, &err), kim);
    ck_assert_int_eq(lookup(n, "KIM JONG UN", &m, &err), kim);
    ck_assert_int_eq(lookup(n, "kim jong‐un’s", &m, &err), kim); /* Unicode hyphen, possessive */
    ck_assert_int_eq(lookup(n, "Jose Ramos Horta", &m, &err),
                     (long)key_index(g, "jose ramos horta"));
    ck_assert_int_eq(lookup(n, "korean central news agency", &m, &err), (long)key_index(g, "kcna"));
    ck_assert_int_eq(lookup(n, "WPK", &m, &err), (long)key_index(g, "workers party of korea"));
    ck_assert_int_eq(lookup(n, "Moon", &m, &err), (long)key_index(g, "moon jae in"));

    /* "Kim" is an alias of two people, neither twice as often: ambiguous, most written first. */
    ck_assert_int_eq(erg_names_lookup(n, "kim", &m, &err), ERG_ENOTFOUND);
    ck_assert_int_eq(m.entity, -1);
    ck_assert_uint_eq(m.n_candidates, 2);
    ck_assert_uint_eq(m.candidates[0], (size_t)kim);
    ck_assert_uint_eq(m.candidates[1], key_index(g, "kim yo jong"));
    ck_assert_uint_eq(m.counts[0], 3); /* written "Kim" 3 times against 2: not twice as often */
    ck_assert_uint_eq(m.counts[1], 2);
    ck_assert_str_eq(err.text, "'kim' could mean: 'Kim Jong-un' (person, 3 mentions), "
                               "'Kim Yo-jong' (person, 2 mentions)");

    /* Unknown: the nearest name, by edit distance on keys or as a part of a name. */
    ck_assert_int_eq(erg_names_lookup(n, "Moon Jae-ins", &m, &err), ERG_ENOTFOUND);
    ck_assert_int_eq(m.suggestion, (long)key_index(g, "moon jae in"));
    ck_assert_str_eq(err.text, "no entity named 'Moon Jae-ins'; did you mean 'Moon Jae-in'?");
    ck_assert_int_eq(erg_names_lookup(n, "Ramos-Horta", &m, &err), ERG_ENOTFOUND);
    ck_assert_int_eq(m.suggestion, (long)key_index(g, "jose ramos horta"));
    ck_assert_int_eq(erg_names_lookup(n, "Xiang Qiuqiu", &m, &err), ERG_ENOTFOUND);
    ck_assert_int_eq(m.suggestion, -1);
    ck_assert_str_eq(err.text, "no entity named 'Xiang Qiuqiu'");
    ck_assert_int_eq(erg_names_lookup(n, "...", &m, &err), ERG_ENOTFOUND);
    /* Short names: "X" is one edit from nothing useful; "Kc" is the start of KCNA. */
    ck_assert_int_eq(erg_names_lookup(n, "X", &m, &err), ERG_ENOTFOUND);
    ck_assert_int_eq(m.suggestion, -1);
    ck_assert_int_eq(erg_names_lookup(n, "Kc", &m, &err), ERG_ENOTFOUND);
    ck_assert_int_eq(m.suggestion, (long)key_index(g, "kcna"));

    erg_name_match_release(&m);
    erg_names_free(n);
    erg_graph_free(g);
}
END_TEST

/*
 * A graph held in a string: Tony Blair written "Blair" 10 times and Cherie
 * Blair once; "Johnson" written 5 times for one person and 4 for another;
 * "Smith" a node of its own flagged ambiguous (6) and twice for Jacqui
 * Smith; "Brown" twice for Gordon Brown and a node "Brown" of 3 mentions.
 */
static const char owners_json[] =
    "{\"format\":\"erg-graph\",\"version\":1,\"articles\":[{\"id\":\"a\"}],\"nodes\":["
    "{\"id\":\"alan johnson\",\"name\":\"Alan Johnson\",\"type\":\"person\",\"mentions\":7,"
    "\"articles\":1,\"aliases\":[{\"name\":\"Alan Johnson\",\"count\":3},"
    "{\"name\":\"Johnson\",\"count\":4,\"rule\":\"article\"}]},"
    "{\"id\":\"boris johnson\",\"name\":\"Boris Johnson\",\"type\":\"person\",\"mentions\":11,"
    "\"articles\":1,\"aliases\":[{\"name\":\"Boris Johnson\",\"count\":6},"
    "{\"name\":\"Johnson\",\"count\":5,\"rule\":\"article\"}]},"
    "{\"id\":\"brown\",\"name\":\"Brown\",\"type\":\"person\",\"mentions\":3,\"articles\":1,"
    "\"aliases\":[{\"name\":\"Brown\",\"count\":3}]},"
    "{\"id\":\"cherie blair\",\"name\":\"Cherie Blair\",\"type\":\"person\",\"mentions\":5,"
    "\"articles\":1,\"aliases\":[{\"name\":\"Blair\",\"count\":1,\"rule\":\"article\"},"
    "{\"name\":\"Cherie Blair\",\"count\":4}]},"
    "{\"id\":\"general motors\",\"name\":\"General Motors\",\"type\":\"agency\",\"mentions\":2,"
    "\"articles\":1,\"aliases\":[{\"name\":\"General Motors\",\"count\":2}]},"
    "{\"id\":\"gordon brown\",\"name\":\"Gordon Brown\",\"type\":\"person\",\"mentions\":6,"
    "\"articles\":1,\"aliases\":[{\"name\":\"Brown\",\"count\":2,\"rule\":\"article\"},"
    "{\"name\":\"Gordon Brown\",\"count\":4}]},"
    "{\"id\":\"jacqui smith\",\"name\":\"Jacqui Smith\",\"type\":\"person\",\"mentions\":4,"
    "\"articles\":1,\"aliases\":[{\"name\":\"Jacqui Smith\",\"count\":2},"
    "{\"name\":\"Smith\",\"count\":2,\"rule\":\"article\"}]},"
    "{\"id\":\"motors\",\"name\":\"Motors\",\"type\":\"agency\",\"mentions\":1,\"articles\":1,"
    "\"aliases\":[{\"name\":\"Motors\",\"count\":1}]},"
    "{\"id\":\"smith\",\"name\":\"Smith\",\"type\":\"person\",\"mentions\":6,\"articles\":1,"
    "\"aliases\":[{\"name\":\"Smith\",\"count\":6}],\"ambiguous\":true},"
    "{\"id\":\"tony blair\",\"name\":\"Tony Blair\",\"type\":\"person\",\"mentions\":20,"
    "\"articles\":1,\"aliases\":[{\"name\":\"Blair\",\"count\":10,\"rule\":\"short-form\"},"
    "{\"name\":\"Tony Blair\",\"count\":10}]}"
    "],\"links\":[]}";

static erg_graph *load_string(const char *json)
{
    FILE *f = fmemopen((void *)json, strlen(json), "r");
    ck_assert_ptr_nonnull(f);
    erg_graph *g = NULL;
    erg_error err;
    erg_error_clear(&err);
    ck_assert_msg(erg_graph_load_stream(&g, f, "owners", &err) == ERG_OK, "load: %s", err.text);
    fclose(f);
    return g;
}

START_TEST(test_names_lookup_owner)
{
    erg_graph *g = load_string(owners_json);
    erg_names *n = NULL;
    erg_error err;
    erg_error_clear(&err);
    erg_name_match m;
    erg_name_match_init(&m);
    ck_assert_int_eq(erg_names_new(&n, g, &err), ERG_OK);
    long tony = (long)key_index(g, "tony blair");

    /* "Blair": 10 for Tony Blair against 1 for Cherie Blair. */
    ck_assert_int_eq(lookup(n, "Blair", &m, &err), tony);
    ck_assert_int_eq(lookup(n, "BLAIR", &m, &err), tony);
    /*
     * The node "Brown" counts all its 3 mentions (the name is its own key),
     * Gordon Brown his 2 written "Brown": comparable, so ambiguous.
     */
    ck_assert_int_eq(erg_names_lookup(n, "Brown", &m, &err), ERG_ENOTFOUND);
    ck_assert_uint_eq(m.n_candidates, 2);
    ck_assert_uint_eq(m.candidates[0], key_index(g, "brown"));
    ck_assert_uint_eq(m.counts[0], 3);
    ck_assert_uint_eq(m.candidates[1], key_index(g, "gordon brown"));
    ck_assert_uint_eq(m.counts[1], 2);

    /* "Johnson": 5 against 4, neither twice the other. */
    ck_assert_int_eq(erg_names_lookup(n, "Johnson", &m, &err), ERG_ENOTFOUND);
    ck_assert_int_eq(m.entity, -1);
    ck_assert_uint_eq(m.n_candidates, 2);
    ck_assert_uint_eq(m.candidates[0], key_index(g, "boris johnson"));
    ck_assert_uint_eq(m.candidates[1], key_index(g, "alan johnson"));
    ck_assert_str_eq(err.text, "'Johnson' could mean: 'Boris Johnson' (person, 5 mentions), "
                               "'Alan Johnson' (person, 4 mentions)");

    /* A node flagged ambiguous does not answer while others claim the name, even at 6 to 2. */
    ck_assert_int_eq(erg_names_lookup(n, "Smith", &m, &err), ERG_ENOTFOUND);
    ck_assert_uint_eq(m.n_candidates, 2);
    ck_assert_uint_eq(m.candidates[0], key_index(g, "smith"));
    ck_assert_str_eq(err.text, "'Smith' could mean: 'Smith' (person, 6 mentions, ambiguous), "
                               "'Jacqui Smith' (person, 2 mentions)");
    /* A full name is its own entity's. */
    ck_assert_int_eq(lookup(n, "Jacqui Smith", &m, &err), (long)key_index(g, "jacqui smith"));

    /* Titles: none known yet, so "Mr Blair" names nothing. */
    ck_assert_int_eq(erg_names_lookup(n, "Mr Blair", &m, &err), ERG_ENOTFOUND);
    char path[4096];
    ck_assert_int_eq(erg_data_path("titles.tsv", path, sizeof path, &err), ERG_OK);
    ck_assert_int_eq(erg_names_add_titles(n, path, &err), ERG_OK);
    ck_assert_int_eq(lookup(n, "Mr Blair", &m, &err), tony);
    ck_assert_int_eq(lookup(n, "Mr. Blair", &m, &err), tony);
    ck_assert_int_eq(lookup(n, "Prime Minister Tony Blair", &m, &err), tony);
    ck_assert_int_eq(erg_names_lookup(n, "Mrs Johnson", &m, &err), ERG_ENOTFOUND);
    ck_assert_uint_eq(m.n_candidates, 2);
    ck_assert_str_eq(err.text, "'Mrs Johnson' could mean: 'Boris Johnson' (person, 5 mentions), "
                               "'Alan Johnson' (person, 4 mentions)");
    /* A title is dropped only when the whole name names nothing; one word always stays. */
    ck_assert_int_eq(lookup(n, "General Motors", &m, &err), (long)key_index(g, "general motors"));
    ck_assert_int_eq(erg_names_lookup(n, "Lord", &m, &err), ERG_ENOTFOUND);
    ck_assert_int_eq(erg_names_lookup(n, "Mr Blaire", &m, &err), ERG_ENOTFOUND);
    ck_assert_int_eq(m.suggestion, tony);
    ck_assert_str_eq(err.text, "no entity named 'Mr Blaire'; did you mean 'Tony Blair'?");
    ck_assert_int_eq(erg_names_add_titles(n, "/nonexistent/titles.tsv", &err), ERG_ENOTFOUND);

    erg_name_match_release(&m);
    erg_names_free(n);
    erg_graph_free(g);
}
END_TEST

START_TEST(test_names_find)
{
    erg_graph *g = load_korea();
    erg_names *n = NULL;
    erg_error err;
    erg_name_hit *hits = NULL;
    size_t nh = 0;
    ck_assert_int_eq(erg_names_new(&n, g, &err), ERG_OK);

    ck_assert_int_eq(erg_names_find(n, "KIM", 0, &hits, &nh, &err), ERG_OK);
    ck_assert_uint_eq(nh, 2);
    ck_assert_uint_eq(hits[0].entity, key_index(g, "kim jong un")); /* more mentions */
    ck_assert_uint_eq(hits[0].distance, 0);
    free(hits);

    /* "unifcation" lacks an i: one edit away from the ministry, none from anything at 0. */
    ck_assert_int_eq(erg_names_find(n, "unifcation", 0, &hits, &nh, &err), ERG_OK);
    ck_assert_uint_eq(nh, 0);
    ck_assert_ptr_null(hits);
    ck_assert_int_eq(erg_names_find(n, "unifcation", 1, &hits, &nh, &err), ERG_OK);
    ck_assert_uint_eq(nh, 1);
    ck_assert_uint_eq(hits[0].entity, key_index(g, "ministry of unification"));
    ck_assert_uint_eq(hits[0].distance, 1);
    free(hits);

    /* Through an alias, and the alias is named as the match. */
    ck_assert_int_eq(erg_names_find(n, "central news", 0, &hits, &nh, &err), ERG_OK);
    ck_assert_uint_eq(nh, 1);
    ck_assert_str_eq(hits[0].matched, "Korean Central News Agency");
    free(hits);

    ck_assert_int_eq(erg_names_find(n, " - ", 1, &hits, &nh, &err), ERG_EINVAL);
    erg_names_free(n);
    erg_graph_free(g);
}
END_TEST

START_TEST(test_edit_distance)
{
    ck_assert_uint_eq(erg_analyze_edit_distance("kitten", "sitting"), 3);
    ck_assert_uint_eq(erg_analyze_edit_distance("", "abc"), 3);
    ck_assert_uint_eq(erg_analyze_edit_distance("abc", "abc"), 0);
    ck_assert_uint_eq(erg_analyze_edit_distance("josé", "jose"), 1); /* code points, not bytes */
    ck_assert_uint_eq(erg_analyze_edit_distance("путин", "путен"), 1);
}
END_TEST

static Suite *analyze_suite(void)
{
    Suite *s = suite_create("analyze");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_net_rejects_bad_edges);
    tcase_add_test(tc, test_degree_and_strength);
    tcase_add_test(tc, test_pagerank_uses_weights);
    tcase_add_test(tc, test_pagerank_star);
    tcase_add_test(tc, test_betweenness_short_strong_ties);
    tcase_add_test(tc, test_closeness_counts_reachable_only);
    tcase_add_test(tc, test_eigenvector_star);
    tcase_add_test(tc, test_centrality_names);
    tcase_add_test(tc, test_leiden_two_triangles);
    tcase_add_test(tc, test_louvain_two_triangles);
    tcase_add_test(tc, test_communities_resolution_and_determinism);
    tcase_add_test(tc, test_components_largest_first);
    tcase_add_test(tc, test_coreness);
    tcase_add_test(tc, test_paths_prefer_strong_ties);
    tcase_add_test(tc, test_ego);
    tcase_add_test(tc, test_filters);
    tcase_add_test(tc, test_disparity_backbone);
    tcase_add_test(tc, test_net_from_graph_and_pair_edges);
    tcase_add_test(tc, test_subset_ego_and_backbone);
    tcase_add_test(tc, test_names_lookup);
    tcase_add_test(tc, test_names_lookup_owner);
    tcase_add_test(tc, test_names_find);
    tcase_add_test(tc, test_edit_distance);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    /* igraph's default handler aborts; the library reports errors through return codes. */
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    SRunner *sr = srunner_create(analyze_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
