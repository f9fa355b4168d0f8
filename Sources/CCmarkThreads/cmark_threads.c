// cmark-gfm 0.29 keeps the characters that start an inline construct in a
// process-wide table. Around the inline pass of every document,
// `cmark_manage_extensions_special_characters` switches the extensions'
// characters (`~` for strikethrough, `:` and `w` for autolinks) on and then
// off again, so a parse finishing on one thread switches them off under a
// parse still running on another, which silently loses its strikethroughs and
// autolinks.
//
// The library calls that function through its PLT, so this definition in the
// executable takes its place (ELF symbol interposition). The first call that
// switches characters on is passed to the library's own function, once; every
// later call, on or off, does nothing. After that the table never changes and
// inline parsing is safe on any number of threads. notesc attaches the same
// extensions to every parser, so the pinned characters are always the right
// ones.
//
// Should a build of the library bind the call internally, this function is
// never reached, `notesc_cmark_special_chars_pinned` stays 0, and the Swift
// side keeps parsing inlines one document at a time.

#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include "cmark_threads.h"

typedef void (*manage_function)(void *parser, int add);

static pthread_mutex_t pin_mutex = PTHREAD_MUTEX_INITIALIZER;
static atomic_int pinned = 0;

void cmark_manage_extensions_special_characters(void *parser, int add) {
    if (!add || atomic_load_explicit(&pinned, memory_order_acquire)) return;
    pthread_mutex_lock(&pin_mutex);
    if (!atomic_load_explicit(&pinned, memory_order_relaxed)) {
        manage_function library = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        if (library) {
            library(parser, 1);
            atomic_store_explicit(&pinned, 1, memory_order_release);
        }
    }
    pthread_mutex_unlock(&pin_mutex);
}

int notesc_cmark_special_chars_pinned(void) {
    return atomic_load_explicit(&pinned, memory_order_acquire);
}
