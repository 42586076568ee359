#include "cli.h"

erg_model *cli_load_model(const char *path, const char *knowledge_dir, const erg_knowledge *have)
{
    erg_error err;
    erg_error_clear(&err);
    char buf[4096];
    if (!path) {
        if (erg_model_default_path(buf, sizeof buf, &err) != ERG_OK) {
            cli_fail(&err);
            return NULL;
        }
        path = buf;
    }
    erg_model *m = NULL;
    if (erg_model_load(&m, path, &err) != ERG_OK) {
        cli_fail(&err);
        return NULL;
    }
    if (erg_model_uses_knowledge(m) && have)
        erg_model_set_knowledge(m, have);
    else if (erg_model_uses_knowledge(m) &&
             erg_model_load_knowledge(m, knowledge_dir, &err) != ERG_OK) {
        cli_fail(&err);
        cli_failf(
            "'%s' was trained with the knowledge lists: give their folder with --knowledge DIR",
            path);
        erg_model_free(m);
        return NULL;
    }
    return m;
}
