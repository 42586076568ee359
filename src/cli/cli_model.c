#include "cli.h"

erg_model *cli_load_model(const char *path)
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
    return m;
}
