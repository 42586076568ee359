#include "erg/ner.h"
int main(void) { return 0; }
