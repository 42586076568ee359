/* erg/erg.h: the whole erg library. */
#ifndef ERG_ERG_H
#define ERG_ERG_H

#include "erg/analyze.h"
#include "erg/common.h"
#include "erg/export.h"
#include "erg/graph.h"
#include "erg/input.h"
#include "erg/knowledge.h"
#include "erg/ner.h"
#include "erg/ner_learn.h"
#include "erg/pipeline.h"
#include "erg/relate.h"
#include "erg/resolve.h"
#include "erg/store.h"
#include "erg/text.h"
#include "erg/typing.h"

#endif
