#ifndef NOTESC_CMARK_THREADS_H
#define NOTESC_CMARK_THREADS_H

/// 1 once the extensions' special inline characters are pinned in
/// cmark-gfm's process-wide table (see cmark_threads.c), so inline parsing
/// may run on several threads at once; 0 while cmark-gfm still toggles them.
int notesc_cmark_special_chars_pinned(void);

#endif
