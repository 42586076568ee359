/*
 * erg extract: one JSON line of mentions and relations per article.
 */
#include "pipeline.h"

#include <getopt.h>
#include <jansson.h>
#include <string.h>

static const char extract_usage[] =
    "usage: erg extract [OPTIONS] INPUT... [-o FILE]\n"
    "\n"
    "Prints, for every article, one JSON line with the mentions the recognizer\n"
    "found and the relations between them:\n"
    "  {\"id\", \"title\", \"date\", \"date_text\", \"source\",\n"
    "   \"mentions\": [{\"start\", \"end\", \"text\", \"type\", \"entity\", \"key\"}],\n"
    "   \"relations\": [{\"kind\", \"source\", \"target\", \"start\", \"end\"}]}\n"
    "start and end are byte offsets into the article text (end exclusive);\n"
    "the lines found to be boilerplate (--keep-boilerplate) give no mentions;\n"
    "entity is the name of the entity the mention resolved to, key its merge\n"
    "key (the node id in the graph, unless corpus resolution folds it into a\n"
    "full name: see --no-corpus-resolve). Only typed\n"
    "relations are listed: co-mentions follow from the mentions. date is the\n"
    "article's date normalized (YYYY-MM-DD, YYYY-MM or YYYY; null when it has\n"
    "none or it is no date), date_text the date as written.\n"
    "\n"
    "  -o, --output FILE     where to write (default: - for stdout)\n";
/* The options apart: one literal would be longer than C99 compilers must take. */
static const char extract_usage_explain[] =
    "      --explain         add to each mention \"rule\": the typing or resolution\n"
    "                        rule that last changed its span or type (\"tagger\"\n"
    "                        when none did: the tagger's span and class); when a\n"
    "                        rule did, \"tagged\": the tagger's class (PER, ORG,\n"
    "                        LOC, MISC, or O where it tagged nothing) and, when\n"
    "                        the tagger's span was another, \"tagged_span\":\n"
    "                        [start, end]; and to each relation \"pattern\", the\n"
    "                        pattern that found it, and \"score\", that pattern's\n"
    "                        measured precision (data/relate_confidence.tsv)\n" CLI_READ_HELP;
/* In two parts: one literal would be longer than C99 compilers must take. */
static const char extract_usage_end[] =
    "                        (extract also takes misc; default: person,agency,\n"
    "                        outlet,place)\n"
    "  -h, --help            show this help\n"
    "\n"
    "Example:\n"
    "  erg extract fixtures/articles/defector-article.txt\n";

typedef struct extract_ctx {
    cli_pipeline pipe;
    FILE *out;
    bool explain; /* --explain: "rule" and "tagged" on each mention, "pattern" and "score" on each
                     relation */
} extract_ctx;

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/*
 * --explain: "rule", and when a rule changed what the tagger said, "tagged"
 * (the tagger's class, "O" where it tagged nothing) and, when the tagger's
 * span was another, "tagged_span": [start, end]. 0, or -1 when out of memory.
 */
static int explain_mention(json_t *jm, const erg_mention *m)
{
    const char *rule = erg_typing_rule_name(m->rule);
    if (json_object_set_new(jm, "rule", json_string(rule ? rule : "?")) != 0)
        return -1;
    if (m->rule == ERG_RULE_TAGGER)
        return 0;
    bool had = m->tagged_end > m->tagged_start;
    if (json_object_set_new(jm, "tagged", json_string(had ? erg_class_name(m->cls) : "O")) != 0)
        return -1;
    if (had && (m->tagged_start != m->start || m->tagged_end != m->end) &&
        json_object_set_new(
            jm, "tagged_span",
            json_pack("[I, I]", (json_int_t)m->tagged_start, (json_int_t)m->tagged_end)) != 0)
        return -1;
    return 0;
}

/*
 * --explain: a relation's score as a number (units of 1/ERG_SCORE_UNIT); the
 * record is dumped with 10 significant digits, so 0.9412 prints as 0.9412.
 */
static json_t *score_json(uint16_t score)
{
    return json_real((double)score / ERG_SCORE_UNIT);
}

static erg_status extract_article(void *ctx, const erg_article *art, erg_error *err)
{
    extract_ctx *x = ctx;
    cli_pipeline *p = &x->pipe;
    erg_status st = cli_pipeline_run(p, art, err);
    if (st != ERG_OK)
        return st;
    json_t *rec = json_object();
    json_t *mentions = json_array();
    json_t *relations = json_array();
    if (!rec || !mentions || !relations)
        goto oom;
    json_object_set_new(rec, "id", json_string(art->id));
    json_object_set_new(rec, "title", str_or_null(art->title));
    json_object_set_new(rec, "date", str_or_null(art->date));
    json_object_set_new(rec, "date_text", str_or_null(art->date_text));
    json_object_set_new(rec, "source", str_or_null(art->source));
    for (size_t i = 0; i < p->x.mentions.n; i++) {
        const erg_mention *m = &p->x.mentions.items[i];
        if (!(p->opt.type_mask & ERG_TYPE_BIT(m->type)))
            continue;
        const erg_local_entity *le = m->entity >= 0 ? &p->x.entities.items[m->entity] : NULL;
        /* The key is the node id the entity gets in the graph (before corpus-level folds). */
        json_t *jm = json_pack("{s:I, s:I, s:s%, s:s, s:o, s:o}", "start", (json_int_t)m->start,
                               "end", (json_int_t)m->end, "text", art->text + m->start,
                               (size_t)(m->end - m->start), "type", erg_type_name(m->type),
                               "entity", le ? json_string(le->name) : json_null(), "key",
                               le ? json_string(le->key) : json_null());
        if (!jm || json_array_append_new(mentions, jm) != 0)
            goto oom;
        if (x->explain && explain_mention(jm, m) != 0)
            goto oom;
    }
    for (size_t i = 0; i < p->x.relations.n; i++) {
        const erg_relation *r = &p->x.relations.items[i];
        if (r->kind == ERG_KIND_CO_MENTION)
            continue;
        /* The article's own outlet (ERG_RELATE_ARTICLE_OUTLET) cites what it carries. */
        const char *src =
            r->a == ERG_RELATE_ARTICLE_OUTLET ? art->outlet : p->x.entities.items[r->a].name;
        if (!src)
            continue;
        json_t *jr = json_pack("{s:s, s:s, s:s, s:I, s:I}", "kind", erg_kind_name(r->kind),
                               "source", src, "target", p->x.entities.items[r->b].name, "start",
                               (json_int_t)r->start, "end", (json_int_t)r->end);
        if (!jr || json_array_append_new(relations, jr) != 0)
            goto oom;
        /* The score as its 4 decimals: a double would print 17 digits. */
        if (x->explain &&
            (json_object_set_new(jr, "pattern", json_string(erg_relate_pattern_name(r->pattern))) ||
             json_object_set_new(jr, "score", score_json(r->score))))
            goto oom;
    }
    json_object_set_new(rec, "mentions", mentions);
    json_object_set_new(rec, "relations", relations);
    mentions = relations = NULL;
    if (json_dumpf(rec, x->out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) !=
            0 ||
        fputc('\n', x->out) == EOF) {
        json_decref(rec);
        return erg_error_set(err, ERG_EIO, NULL, 0, -1, "cannot write the output");
    }
    json_decref(rec);
    return ERG_OK;
oom:
    json_decref(rec);
    json_decref(mentions);
    json_decref(relations);
    return erg_error_oom(err);
}

int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"explain", no_argument, NULL, 'E'},
        {"help", no_argument, NULL, 'h'},
        CLI_READ_LONG_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    cli_read_options ro;
    cli_read_options_init(&ro);
    ro.type_mask = ERG_TYPES_DEFAULT | ERG_TYPE_BIT(ERG_TYPE_PLACE);
    ro.boilerplate = true;
    const char *output = "-";
    bool explain = false;
    int opt, r;
    optind = 1;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":o:h" CLI_READ_SHORT_OPTIONS, longopts, NULL)) != -1) {
        switch (opt) {
        case 'o':
            output = optarg;
            break;
        case 'E':
            explain = true;
            break;
        case 'h':
            fputs(extract_usage, stdout);
            fputs(extract_usage_explain, stdout);
            fputs(extract_usage_end, stdout);
            return CLI_OK;
        default:
            if ((r = cli_read_option("extract", opt, optarg, &ro)) == 1)
                break;
            if (r == CLI_USAGE)
                return CLI_USAGE;
            return cli_bad_option("extract", opt, argv);
        }
    }
    if (optind >= argc)
        return cli_usage("extract", "no input given (files, folders or - for stdin)");

    erg_error err;
    erg_error_clear(&err);
    extract_ctx x;
    x.explain = explain;
    int rc = cli_pipeline_init(&x.pipe, &ro);
    if (rc != CLI_OK)
        return rc;
    erg_outfile of;
    if (erg_outfile_open(&of, output, &err) != ERG_OK) {
        cli_pipeline_release(&x.pipe);
        return cli_fail(&err);
    }
    x.out = of.fp;
    cli_read_stats rs;
    rc = cli_for_each_article(argv + optind, (size_t)(argc - optind), &ro, x.pipe.gaz,
                              extract_article, &x, &rs);
    if (rc == CLI_OK) {
        if (erg_outfile_commit(&of, &err) != ERG_OK)
            rc = cli_fail(&err);
        else if (rs.boiler_lines && !ro.quiet)
            fprintf(stderr, "extract: read %zu boilerplate line%s (in %zu article%s) as blank\n",
                    rs.boiler_lines, rs.boiler_lines == 1 ? "" : "s", rs.boiler_articles,
                    rs.boiler_articles == 1 ? "" : "s");
    } else {
        erg_outfile_abort(&of);
    }
    cli_pipeline_release(&x.pipe);
    return rc;
}
