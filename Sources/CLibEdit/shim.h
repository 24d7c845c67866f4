#include <stdio.h>
#include <histedit.h>

/* el_set, el_get and history are C variadic functions, which Swift cannot call: these
   fixed-argument wrappers are the calls the Shell module makes (one per use). */

typedef char *(*loom_el_prompt_fn)(EditLine *);
typedef unsigned char (*loom_el_command_fn)(EditLine *, int);

/* An editor on the process's standard streams. */
static inline EditLine *loom_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}
static inline int loom_el_set_prompt(EditLine *el, loom_el_prompt_fn prompt) {
    return el_set(el, EL_PROMPT, prompt);
}
static inline int loom_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int loom_el_set_signal(EditLine *el, int handle) {
    return el_set(el, EL_SIGNAL, handle);
}
static inline int loom_el_set_history(EditLine *el, History *history_) {
    return el_set(el, EL_HIST, history, history_);
}
static inline int loom_el_add_function(EditLine *el, const char *name, const char *help, loom_el_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int loom_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}
static inline int loom_el_set_tty(EditLine *el, const char *mode, const char *setting) {
    return el_set(el, EL_SETTY, mode, setting, (const char *)NULL);
}
static inline int loom_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *loom_el_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

static inline int loom_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}
static inline int loom_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}
static inline int loom_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}
static inline int loom_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}
static inline int loom_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}
/* Walks the entries: `op` is H_FIRST, H_LAST, H_NEXT or H_PREV; NULL at the end. */
static inline const char *loom_history_step(History *h, int op) {
    HistEvent event;
    if (history(h, &event, op) < 0) return NULL;
    return event.str;
}
