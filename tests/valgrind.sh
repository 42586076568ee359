#!/bin/sh
# exe_wrapper of `meson test --setup valgrind` (tests/meson.build): a test
# program runs under valgrind; a shell (the CLI tests) runs as it is, and its
# lib.sh runs erg under $ERG_WRAPPER instead.
case "${1##*/}" in
bash | sh) exec "$@" ;;
esac
exec valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite "$@"
