/* StretchPlan native plugin ABI.
 *
 * A native plugin is a shared library that exports one C function,
 * stretchplan_plugin_entry(), returning a description of itself. StretchPlan loads it in a
 * short-lived helper process (stretchplan-plugin-runner), never in the app itself, so a
 * plugin that crashes or hangs is reported as failed and the app carries on.
 *
 * Exercises are registered as JSON text in the exercise-pack format (plugins/README.md),
 * so native plugins and data packs share one schema and one validator.
 *
 * Compatibility rules (as OBS Studio's module API):
 *  - SP_PLUGIN_ABI_MAJOR changes only when an existing struct member or meaning changes;
 *    the host refuses a plugin built for another major.
 *  - SP_PLUGIN_ABI_MINOR grows when members are appended to a struct; a host refuses a
 *    plugin built for a newer minor than its own, and accepts older minors.
 *  - Every struct starts with its size in bytes. Callers copy a struct into a zeroed one
 *    of their own version, so members a side does not know read as zero/NULL.
 *
 * Strings are UTF-8 and NUL-terminated. Nothing the host passes may be kept after
 * register_exercises returns.
 */
#ifndef STRETCHPLAN_PLUGIN_H
#define STRETCHPLAN_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#define SP_PLUGIN_ABI_MAJOR 1
#define SP_PLUGIN_ABI_MINOR 0

/* The one exported symbol. */
#define SP_PLUGIN_ENTRY_NAME "stretchplan_plugin_entry"

#if defined(_WIN32)
#define SP_PLUGIN_EXPORT __declspec(dllexport)
#else
#define SP_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Results of host callbacks and of register_exercises. */
enum sp_status {
    SP_OK = 0,
    SP_ERROR_INVALID = 1, /* NULL, not UTF-8, or larger than 1 MiB */
    SP_ERROR_LIMIT = 2,   /* more than 5000 exercises */
    SP_ERROR_FAILED = 3   /* for register_exercises: the plugin could not do its work */
};

enum sp_log_level { SP_LOG_DEBUG = 1, SP_LOG_INFO = 2, SP_LOG_WARNING = 3, SP_LOG_ERROR = 4 };

/* What the host gives the plugin. ABI 1.0 members: */
typedef struct sp_host_api {
    uint32_t struct_size; /* sizeof(sp_host_api) of the host */
    uint32_t abi_major;   /* the host's SP_PLUGIN_ABI_MAJOR */
    uint32_t abi_minor;   /* the host's SP_PLUGIN_ABI_MINOR */
    void *host;           /* pass back as the first argument of the callbacks */
    /* One exercise as JSON text in the pack exercise format (without "pack"). The
       host copies it; it is validated when the plugin has finished. Returns an sp_status. */
    int (*add_exercise)(void *host, const char *exercise_json);
    /* A message for the plugin's report (`stretchplan-cli plugins info ID`). */
    void (*log)(void *host, int level, const char *message);
} sp_host_api;

/* What the plugin describes itself with. ABI 1.0 members: */
typedef struct sp_plugin_info {
    uint32_t struct_size; /* sizeof(sp_plugin_info) as the plugin was compiled */
    uint32_t abi_major;   /* SP_PLUGIN_ABI_MAJOR as the plugin was compiled */
    uint32_t abi_minor;   /* SP_PLUGIN_ABI_MINOR as the plugin was compiled */
    const char *id;       /* 1-64 of a-z, 0-9, '-'; equal to the plugin's folder name */
    const char *name;     /* for people, e.g. "Acme exercise library sync" */
    const char *version;  /* the plugin's own version, e.g. "1.2.0" */
    /* Called once; registers exercises through api->add_exercise. Returns an sp_status. */
    int (*register_exercises)(const sp_host_api *api);
} sp_plugin_info;

/* The size of sp_plugin_info in ABI 1.0: a plugin's struct_size must be at least this. */
#define SP_PLUGIN_INFO_SIZE_1_0 \
    (offsetof(sp_plugin_info, register_exercises) + sizeof(int (*)(const sp_host_api *)))

typedef const sp_plugin_info *(*sp_plugin_entry_fn)(void);

/* Implemented by the plugin: returns a pointer to static data, valid until unload. */
SP_PLUGIN_EXPORT const sp_plugin_info *stretchplan_plugin_entry(void);

/* Fills the version fields of a plugin's sp_plugin_info. */
#define SP_PLUGIN_INFO_HEADER sizeof(sp_plugin_info), SP_PLUGIN_ABI_MAJOR, SP_PLUGIN_ABI_MINOR

#ifdef __cplusplus
}
#endif

#endif /* STRETCHPLAN_PLUGIN_H */
