/*
 * erg/resolve.h: mentions of one article to entities with a canonical name
 * and a merge key.
 */
#ifndef ERG_RESOLVE_H
#define ERG_RESOLVE_H

#include "erg/common.h"
#include "erg/ner.h"
#include "erg/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A surface form of an entity within one article, with its count. */
typedef struct erg_surface {
    char *text;
    uint32_t count;
} erg_surface;

/* One entity of one article. Strings are owned by the erg_local_entities. */
typedef struct erg_local_entity {
    char *name;            /* display name: the longest surface form, first seen on ties */
    char *key;             /* merge key (erg_text_name_key of the name) */
    erg_type type;         /* the type most of its mentions have */
    uint32_t mentions;     /* number of mentions */
    erg_surface *surfaces; /* distinct surface forms in first-seen order */
    size_t n_surfaces;
    size_t cap_surfaces;
} erg_local_entity;

/* The entities of one article; caller-owned (_init/_release), reused across articles. */
typedef struct erg_local_entities {
    erg_local_entity *items;
    size_t n;
    size_t cap;
} erg_local_entities;

void erg_local_entities_init(erg_local_entities *e);
void erg_local_entities_release(erg_local_entities *e);

/*
 * A resolver: the alias tables and scratch buffers used to resolve the
 * mentions of one article at a time. Not shared between threads (each
 * thread makes its own); the gazetteer it borrows may be shared.
 */
typedef struct erg_resolver erg_resolver;

/*
 * A new resolver that borrows gaz (may be NULL; it must outlive the
 * resolver) for outlet names and their aliases. Free with erg_resolver_free.
 */
erg_status erg_resolver_new(erg_resolver **out, const erg_gazetteer *gaz, erg_error *err);
void erg_resolver_free(erg_resolver *r);

/*
 * Sets the gazetteer r borrows (as erg_resolver_new's gaz), so that alias
 * files can be read while the gazetteer loads. Not while r resolves.
 */
void erg_resolver_set_gazetteer(erg_resolver *r, const erg_gazetteer *gaz);

/*
 * A new resolver for another thread: it borrows base's gazetteer and alias
 * tables (read-only; base must outlive it and take no more aliases) and has
 * scratch buffers of its own. Adding aliases or first names to it is
 * ERG_EINVAL. Free with erg_resolver_free.
 */
erg_status erg_resolver_new_like(erg_resolver **out, const erg_resolver *base, erg_error *err);

/*
 * Adds the aliases of a JSON file: an array of objects
 * {"name": canonical name, "type": "person|agency|outlet|place",
 *  "aliases": ["...", ...]}. A mention whose key equals the key of a name or
 * an alias becomes that entity, with that name and type. A later file wins
 * over an earlier one for the same alias. ERG_EIO when the file cannot be
 * read, ERG_EJSON naming the file, line and entry when it is malformed.
 */
erg_status erg_resolver_add_aliases(erg_resolver *r, const char *path, erg_error *err);

/*
 * Reads a list of first names, one a line ('#' starts a comment), such as
 * the shipped data/first_names.txt. A name that the tagger called a person at
 * least once and whose first word is a listed first name is a person, even
 * when most of its mentions were tagged otherwise ("the Tom Cruise video").
 * The first names of the resolver's gazetteer (its first_names.txt) count
 * already; this adds more. ERG_EIO when the file cannot be read.
 */
erg_status erg_resolver_add_first_names(erg_resolver *r, const char *path, erg_error *err);

/* Adds one alias (canonical may equal alias). ERG_EINVAL for an empty name or type misc. */
erg_status erg_resolver_add_alias(erg_resolver *r, const char *canonical, erg_type type,
                                  const char *alias, erg_error *err);

/*
 * Groups the mentions of one article (text, tokenized as doc) into entities,
 * replacing out's content, and sets every mention's `entity` index (-1 for
 * misc and for unresolved mentions). In order:
 * - titles ("President", "Gen.", "Mr.", ...) are dropped from the start of
 *   person names, and generic tails ("news agency", "newspaper", ...) from
 *   outlet names;
 * - a name found in the alias tables or the outlet list becomes its
 *   canonical entity, with the table's type;
 * - an acronym defined in the text ("General Reconnaissance Bureau (GRB)")
 *   names the same entity as the full name wherever it appears;
 * - mentions with the same merge key are one entity;
 * - a person name of several words that shortens exactly one longer person
 *   name (the same last word, the other words in order or as initials:
 *   "A. B. Tornquist" of "Anders Bo Tornquist") joins it;
 * - a one-word person name ("Park", "Kim") joins the one person of the
 *   article whose name starts or ends with that word, before or after it
 *   in the text (or, when it is no listed first name or place, has it as an
 *   inner word of a name of three or four words); when two persons share
 *   it, the short mentions stay unresolved (entity -1) rather than being
 *   merged wrongly; a tagger's run-on ("Senate Wexler") does not count
 *   against the one person; a given name alone that is a listed place
 *   joins a person only when tagged a person;
 * - a second name the text gives ("X (born Y)", "X, known as Y"; cues of
 *   the gazetteer's alias_cues.txt) joins the person;
 * - a mention of one generic organization word ("the Ministry",
 *   "University") that joins no longer name of the article names nothing
 *   and is removed from mentions.
 * An entity's type is the type most of its mentions have; its name is the
 * canonical name when it has one, else its longest surface form.
 * O(mentions * entities) per article.
 */
erg_status erg_resolve_article(erg_resolver *r, const char *text, const erg_doc *doc,
                               erg_mentions *mentions, erg_local_entities *out, erg_error *err);

#ifdef __cplusplus
}
#endif
#endif
