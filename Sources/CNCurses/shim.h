#ifndef GLOSSA_CNCURSES_SHIM_H
#define GLOSSA_CNCURSES_SHIM_H

/* SwiftPM drops the define that pkg-config would give; without it the wide API is hidden. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Macros and globals that Swift cannot read directly. */
static inline WINDOW *glossa_stdscr(void) { return stdscr; }
static inline int glossa_lines(void) { return LINES; }
static inline int glossa_cols(void) { return COLS; }
static inline int glossa_color_pairs(void) { return COLOR_PAIRS; }
static inline int glossa_colors(void) { return COLORS; }
static inline int glossa_key_code_yes(void) { return KEY_CODE_YES; }

static inline unsigned int glossa_a_normal(void) { return (unsigned int)A_NORMAL; }
static inline unsigned int glossa_a_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int glossa_a_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline unsigned int glossa_a_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int glossa_a_dim(void) { return (unsigned int)A_DIM; }

static inline FILE *glossa_stdout(void) { return stdout; }
static inline FILE *glossa_stdin(void) { return stdin; }

/** 1 when the terminfo database knows this terminal type, else 0. */
static inline int glossa_terminal_known(const char *term) {
    int status = 0;
    if (setupterm(term, 1, &status) != OK) return 0;
    del_curterm(cur_term);
    return status == 1;
}

/** Sets attributes and a colour pair for the following writes. */
static inline int glossa_attr_set(unsigned int attrs, int pair) {
    return attr_set((attr_t)attrs, (short)pair, NULL);
}

/** Writes n wide characters at (y, x). */
static inline int glossa_put(int y, int x, const wchar_t *text, int n) {
    return mvaddnwstr(y, x, text, n);
}

/* Signals: the handler only records the signal; the event loop restores the terminal. */
static volatile sig_atomic_t glossa_pending_signal = 0;

static void glossa_record_signal(int sig) { glossa_pending_signal = sig; }

static inline void glossa_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = glossa_record_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
}

/** Returns the last signal received (0 if none) and clears it. */
static inline int glossa_take_signal(void) {
    int sig = glossa_pending_signal;
    glossa_pending_signal = 0;
    return sig;
}

/* Crashes: put the terminal back before the default action runs (best effort, not async-signal-safe). */
static void glossa_restore_and_reraise(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void glossa_install_crash_handlers(void) {
    signal(SIGSEGV, glossa_restore_and_reraise);
    signal(SIGBUS, glossa_restore_and_reraise);
    signal(SIGILL, glossa_restore_and_reraise);
    signal(SIGTRAP, glossa_restore_and_reraise);
    signal(SIGABRT, glossa_restore_and_reraise);
    signal(SIGFPE, glossa_restore_and_reraise);
}

#endif
