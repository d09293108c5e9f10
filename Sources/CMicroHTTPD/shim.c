#include "CMicroHTTPD.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct log_target {
    void (*handler)(void *context, const char *message);
    void *context;
};

static struct log_target error_log_targets[64];
static int error_log_target_count = 0;

static void forward_error_log(void *cls, const char *format, va_list ap) {
    struct log_target *target = cls;
    char line[512];
    vsnprintf(line, sizeof line, format, ap);
    size_t length = strlen(line);
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) {
        line[--length] = '\0';
    }
    if (target != NULL && target->handler != NULL) {
        target->handler(target->context, line);
    }
}

struct MHD_Daemon *mec_mhd_start(const struct mec_mhd_settings *s) {
    struct MHD_OptionItem options[20];
    int n = 0;
    if (s->address != NULL) {
        options[n++] = (struct MHD_OptionItem){MHD_OPTION_SOCK_ADDR, 0, (void *)s->address};
    }
    if (s->thread_pool_size > 1) {
        options[n++] = (struct MHD_OptionItem){MHD_OPTION_THREAD_POOL_SIZE, s->thread_pool_size, NULL};
    }
    if (s->connection_limit > 0) {
        options[n++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_LIMIT, s->connection_limit, NULL};
    }
    options[n++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_TIMEOUT, s->connection_timeout, NULL};
    if (s->connection_memory_limit > 0) {
        options[n++] = (struct MHD_OptionItem){
            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)s->connection_memory_limit, NULL};
    }
    if (s->listen_backlog > 0) {
        options[n++] = (struct MHD_OptionItem){MHD_OPTION_LISTEN_BACKLOG_SIZE, s->listen_backlog, NULL};
    }
    if (s->tls_key_pem != NULL && s->tls_cert_pem != NULL) {
        options[n++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)s->tls_key_pem};
        options[n++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)s->tls_cert_pem};
        if (s->tls_trust_pem != NULL) {
            options[n++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_TRUST, 0, (void *)s->tls_trust_pem};
        }
        if (s->tls_priorities != NULL) {
            options[n++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_PRIORITIES, 0, (void *)s->tls_priorities};
        }
    }
    if (s->completed_handler != NULL) {
        options[n++] = (struct MHD_OptionItem){
            MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)s->completed_handler, s->completed_context};
    }
    if (s->connection_handler != NULL) {
        options[n++] = (struct MHD_OptionItem){
            MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)s->connection_handler, s->connection_context};
    }
    if (s->uri_log_handler != NULL) {
        options[n++] = (struct MHD_OptionItem){
            MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)s->uri_log_handler, s->uri_log_context};
    }
    if (s->error_log_handler != NULL && error_log_target_count < 64) {
        struct log_target *target = &error_log_targets[error_log_target_count++];
        target->handler = s->error_log_handler;
        target->context = s->error_log_context;
        options[n++] = (struct MHD_OptionItem){MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)forward_error_log, target};
    }
    options[n++] = (struct MHD_OptionItem){MHD_OPTION_END, 0, NULL};

    return MHD_start_daemon(s->flags, s->port, NULL, NULL, s->access_handler, s->access_context,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

uint16_t mec_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

gnutls_session_t mec_mhd_tls_session(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_GNUTLS_SESSION);
    return info == NULL ? NULL : (gnutls_session_t)info->tls_session;
}

socklen_t mec_mhd_peer_address(struct MHD_Connection *connection, struct sockaddr_storage *out) {
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == NULL || info->client_addr == NULL) {
        return 0;
    }
    socklen_t length = info->client_addr->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                                                 : sizeof(struct sockaddr_in);
    memcpy(out, info->client_addr, length);
    return length;
}

enum MHD_Result mec_mhd_upgrade_close(struct MHD_UpgradeResponseHandle *handle) {
    return MHD_upgrade_action(handle, MHD_UPGRADE_ACTION_CLOSE);
}

enum MHD_Result mec_mhd_set_connection_timeout(struct MHD_Connection *connection, unsigned int seconds) {
    return MHD_set_connection_option(connection, MHD_CONNECTION_OPTION_TIMEOUT, seconds);
}

void *mec_mhd_socket_context(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info == NULL ? NULL : info->socket_context;
}
