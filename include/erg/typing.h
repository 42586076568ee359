/*
 * erg/typing.h: the typing stage between the tagger and resolution.
 *
 * erg_ner_mentions (erg/ner.h) turns the tagger's labels into typed mentions
 * by running the rows of one rule table in order (src/ner/typing.c); each
 * mention records in erg_mention.rule the id of the rule that last changed
 * its span or type. This header names those ids. docs/DESIGN.md, "The typing
 * stage", describes the table and how to add a rule.
 */
#ifndef ERG_TYPING_H
#define ERG_TYPING_H

#include "erg/common.h"

/* The rules, in table order; the comment gives the name --explain prints. */
typedef enum erg_rule {
    ERG_RULE_TAGGER = 0,        /* "tagger": no rule changed the tagger's span and class */
    ERG_RULE_MISSED_ORG_OF,     /* "missed-org-of": "the Museum of Flight", all untagged */
    ERG_RULE_MISSED_EAST_ASIAN, /* "missed-east-asian-name": "Yau Wai-ching", untagged */
    ERG_RULE_TICKER_BRACKET,    /* "ticker-bracket": "<BAC> Bank of America" without its ticker */
    ERG_RULE_FIRM_NAME,         /* "firm-name": "Kidder, | Peabody and Co" cut at a comma */
    ERG_RULE_FIRM_LIST,         /* "firm-list": "Chemlawn Corp | and Ecolab Inc" split */
    ERG_RULE_AND_NAME,          /* "and-name": "Cable and | Wireless Plc" cut at its "and" */
    ERG_RULE_MEDIA_DESCRIPTOR,  /* "media-descriptor": "Der Spiegel | news", "daily | X" */
    ERG_RULE_TITLE_PERSON,      /* "title-person": "President Park Geun-hye" tagged LOC */
    ERG_RULE_EAST_ASIAN,        /* "east-asian-name": such a name tagged ORG or LOC */
    ERG_RULE_PERSON_APPOSITION, /* "person-apposition": "X, an Australian woman," */
    ERG_RULE_KIN_APPOSITION,    /* "kin-apposition": "their child, X." */
    ERG_RULE_ORG_OF_TAIL,       /* "org-of-tail": "Foundation | for the Visual Arts" */
    ERG_RULE_ROLE_PHRASE,       /* "role-phrase": "Labour MP George Foulkes" split */
    ERG_RULE_PERSON_OF_ORG,     /* "person-of-org": "Nathan Law of Demosisto" split */
    ERG_RULE_ROLE_NOUN,         /* "role-noun": "Tory manifesto": PER before a role noun */
    ERG_RULE_KNOWLEDGE_EXTEND,  /* "knowledge-extend": cut short of a listed organization */
    ERG_RULE_KNOWLEDGE,         /* "knowledge": a person or place the lists call an organization */
    ERG_RULE_OUTLET_RUN_ON,     /* "outlet-run-on": "told Reuters | Brazil would" */
    ERG_RULE_ORGANIZATION,      /* "organization": runs the outlet/agency rows below */
    ERG_RULE_NEWS_COMPOUND,     /* "news-compound": "Wikinews" is an outlet */
    ERG_RULE_OUTLET_LIST,       /* "outlet-list": the merge key is a listed outlet */
    ERG_RULE_OUTLET_HEAD,       /* "outlet-head": "... Times", "... News Agency" */
    ERG_RULE_ORG_WORD,          /* "org-word": "Ministry", "Inc.": an agency */
    ERG_RULE_OUTLET_LEAD,       /* "outlet-lead": "Radio Farda" */
    ERG_RULE_OUTLET_AT_START,   /* "outlet-at-start": "Fox News Sunday" */
    ERG_RULE_KNOWLEDGE_ORG,     /* "knowledge-org": a listed company, body or outlet */
    ERG_RULE_OUTLET_CONTEXT,    /* "outlet-context": "X reported", "told X" */
    ERG_RULE_OUTLET_SCAN,       /* "outlet-scan": a listed outlet name written exactly */
    /* Rules of the resolver (src/resolve), in the order they run there. */
    ERG_RULE_POSSESSIVE_NAME,  /* "possessive-name": two spans joined into one known name */
    ERG_RULE_NAME_SYLLABLE,    /* "name-syllable": "Kim Jong" + "Un" */
    ERG_RULE_EXTEND_TO_ALIAS,  /* "extend-to-alias": a listed alias starts before the span */
    ERG_RULE_PARTY_PREFIX,     /* "party-prefix": "Lib Dem | Norman Baker" split */
    ERG_RULE_EXTEND_ORG_LEFT,  /* "extend-org-left": a capitalized word glued before an agency */
    ERG_RULE_ALIAS_TYPE,       /* "alias-type": the alias list gave the type */
    ERG_RULE_MISSED_SURNAME,   /* "missed-surname": a lone surname of a person of the article */
    ERG_RULE_ENTITY_TYPE,      /* "entity-type": the mention took its entity's type */
    ERG_RULE_DROP_CAPITAL_THE, /* "drop-capital-the": "The" dropped from an agency's name */
    ERG_RULE_COUNT
} erg_rule;

/*
 * The name of rule id ("tagger", "org-of-tail"), static; NULL when id is no
 * erg_rule.
 */
const char *erg_typing_rule_name(unsigned id);

/*
 * Finds the rule named name and stores its id in *id. ERG_ENOTFOUND (without
 * touching *id) when no rule has that name or name is NULL.
 */
erg_status erg_typing_rule_find(const char *name, erg_rule *id);

#endif
